/* flexo-shape.h — a node of a diagram; shows an instance, or nothing
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-instance.h"
#include "flexo-path.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_SHAPE (flexo_shape_get_type ())

G_DECLARE_FINAL_TYPE (FlexoShape, flexo_shape, FLEXO, SHAPE, FlexoObject)

FlexoShape       *flexo_shape_new            (FlexoDocument    *document,
                                              const FlexoRect  *bounds);
const FlexoRect  *flexo_shape_get_bounds     (FlexoShape       *self);
void              flexo_shape_set_bounds     (FlexoShape       *self,
                                              const FlexoRect  *bounds);
/* Moves the shape and, for a container, what it holds. */
void              flexo_shape_move_by        (FlexoShape       *self,
                                              double            dx,
                                              double            dy);
/* A free shape's own text (an instance's shape shows the instance's label). */
const char       *flexo_shape_get_text       (FlexoShape       *self);
void              flexo_shape_set_text       (FlexoShape       *self,
                                              const char       *text);
/* Its free form, drawn when its kind is FLEXO_SHAPE_FREEFORM: a path in
 * the unit square that its bounds stretch (see flexo_outline_build()), or
 * NULL. Owned by the shape, valid until the form changes. */
const FlexoPath  *flexo_shape_get_form       (FlexoShape       *self);
/* Sets it (a copy; NULL or an empty path: none), undoably; it must be a
 * form (flexo_path_is_form()). Its coordinates are kept to 8 significant
 * digits. */
void              flexo_shape_set_form       (FlexoShape       *self,
                                              const FlexoPath  *form);
/* The form as path data (flexo_path_to_data()), as files store it. */
const char       *flexo_shape_get_form_data  (FlexoShape       *self);
char             *flexo_shape_dup_label      (FlexoShape       *self);
FlexoInstance    *flexo_shape_get_instance   (FlexoShape       *self);
void              flexo_shape_set_instance   (FlexoShape       *self,
                                              FlexoInstance    *instance);
/* The container shape that holds it, or NULL. */
FlexoShape       *flexo_shape_get_parent     (FlexoShape       *self);
void              flexo_shape_set_parent     (FlexoShape       *self,
                                              FlexoShape       *parent);
GPtrArray        *flexo_shape_get_children   (FlexoShape       *self);
gboolean          flexo_shape_is_inside      (FlexoShape       *self,
                                              FlexoShape       *ancestor);
/* Its own overrides (NULL: none). */
const FlexoStyle *flexo_shape_get_style      (FlexoShape       *self);
void              flexo_shape_set_style      (FlexoShape       *self,
                                              const FlexoStyle *style);
/* The style it is drawn with: theme, then concept, then own overrides. */
void              flexo_shape_resolve_style  (FlexoShape       *self,
                                              FlexoStyle       *out);
/* The connectors whose ends are on it (live ones). */
GPtrArray        *flexo_shape_get_connectors (FlexoShape       *self);
gpointer          flexo_shape_get_diagram    (FlexoShape       *self);

G_END_DECLS
