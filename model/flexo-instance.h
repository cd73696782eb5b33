/* flexo-instance.h — an element of the model: a concept and values
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-concept.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_INSTANCE (flexo_instance_get_type ())

G_DECLARE_FINAL_TYPE (FlexoInstance, flexo_instance, FLEXO, INSTANCE, FlexoObject)

FlexoInstance *flexo_instance_new            (FlexoDocument *document,
                                              FlexoConcept  *concept);
FlexoConcept  *flexo_instance_get_concept    (FlexoInstance *self);
void           flexo_instance_set_concept    (FlexoInstance *self,
                                              FlexoConcept  *concept);
/* The value as stored (NULL when unset); values are text whatever the
 * property's type (an integer is "42", a date "2026-11-22", a reference
 * the ids of the referenced instances separated by spaces). */
const char    *flexo_instance_get_value      (FlexoInstance *self,
                                              FlexoProperty *property);
void           flexo_instance_set_value      (FlexoInstance *self,
                                              FlexoProperty *property,
                                              const char    *value);
/* The value, else the property's default. */
const char    *flexo_instance_get_effective_value (FlexoInstance *self,
                                              FlexoProperty *property);
/* Convenience: the value of the property named @name. */
const char    *flexo_instance_get_value_by_name (FlexoInstance *self,
                                              const char    *name);
guint          flexo_instance_get_n_values   (FlexoInstance *self);
void           flexo_instance_get_nth_value  (FlexoInstance  *self,
                                              guint           n,
                                              FlexoProperty **property,
                                              const char    **value);
/* The concept's label template filled with the values: "{name}" is the
 * value of the property "name", "{{" and "}}" are braces. Without a
 * template, the value of "name", else the concept's name. */
char          *flexo_instance_dup_label      (FlexoInstance *self);
/* The shapes that show it and the links from or to it (live ones). */
GPtrArray     *flexo_instance_get_views      (FlexoInstance *self);
GPtrArray     *flexo_instance_get_links      (FlexoInstance *self);

G_END_DECLS
