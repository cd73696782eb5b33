/* flexo-inspector.h — the style of the selection, shown and edited
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "flexo-model.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_INSPECTOR (flexo_inspector_get_type ())

G_DECLARE_FINAL_TYPE (FlexoInspector, flexo_inspector, FLEXO, INSPECTOR, GtkWidget)

GtkWidget        *flexo_inspector_new               (void);
/* @items: shapes and connectors of @document (NULL or empty: nothing is
 * selected, and the inspector edits the default style). */
void              flexo_inspector_set_selection     (FlexoInspector   *self,
                                                     FlexoDocument    *document,
                                                     GPtrArray        *items);
/* Edits the look (graphical representation) of @owner, a concept or a
 * relation, instead of a selection; NULL: back to no selection. */
void              flexo_inspector_set_look          (FlexoInspector   *self,
                                                     FlexoObject      *owner);
FlexoObject      *flexo_inspector_get_look          (FlexoInspector   *self);
/* The look new shapes and connectors get: overrides of the theme; edited
 * when nothing is selected ("default-style-changed" tells). */
const FlexoStyle *flexo_inspector_get_default_style (FlexoInspector   *self);
void              flexo_inspector_set_default_style (FlexoInspector   *self,
                                                     const FlexoStyle *style);
/* The editor of the selected instance's values (a FlexoInstanceEditor). */
GtkWidget        *flexo_inspector_get_instance_editor (FlexoInspector *self);
/* A control by the name of its row ("Fill", "Line Width"…), for tests. */
GtkWidget        *flexo_inspector_get_control       (FlexoInspector   *self,
                                                     FlexoStyleField   field);
/* Whether the row of @field shows that the selection differs there. */
gboolean          flexo_inspector_is_mixed          (FlexoInspector   *self,
                                                     FlexoStyleField   field);
gboolean          flexo_inspector_is_shown          (FlexoInspector   *self,
                                                     FlexoStyleField   field);

G_END_DECLS
