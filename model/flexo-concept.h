/* flexo-concept.h — a type of element defined by the user
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-object.h"
#include "flexo-property.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_CONCEPT (flexo_concept_get_type ())

G_DECLARE_FINAL_TYPE (FlexoConcept, flexo_concept, FLEXO, CONCEPT, FlexoObject)

FlexoConcept     *flexo_concept_new               (FlexoDocument    *document,
                                                   const char       *name);
const char       *flexo_concept_get_name          (FlexoConcept     *self);
void              flexo_concept_set_name          (FlexoConcept     *self,
                                                   const char       *name);
/* What its shapes show, e.g. "{name} ({tokens})". */
const char       *flexo_concept_get_label         (FlexoConcept     *self);
void              flexo_concept_set_label         (FlexoConcept     *self,
                                                   const char       *label);
/* Expands a label template: "{x}" stands for what @lookup gives for the
 * name x (blanks around it ignored; nothing when it gives NULL), "{{" and
 * "}}" for braces; an unclosed "{" is kept as it is. */
typedef const char *(*FlexoLabelLookup) (const char *name,
                                         gpointer    user_data);
char             *flexo_label_template_expand     (const char       *template,
                                                   FlexoLabelLookup  lookup,
                                                   gpointer          user_data);
const char       *flexo_concept_get_description   (FlexoConcept     *self);
void              flexo_concept_set_description   (FlexoConcept     *self,
                                                   const char       *description);
gboolean          flexo_concept_get_abstract      (FlexoConcept     *self);
void              flexo_concept_set_abstract      (FlexoConcept     *self,
                                                   gboolean          abstract);
/* Its graphical representation: the style its shapes start from. */
const FlexoStyle *flexo_concept_get_style         (FlexoConcept     *self);
void              flexo_concept_set_style         (FlexoConcept     *self,
                                                   const FlexoStyle *style);
GPtrArray        *flexo_concept_get_parents       (FlexoConcept     *self);
void              flexo_concept_set_parents       (FlexoConcept     *self,
                                                   GPtrArray        *parents);
gboolean          flexo_concept_is_a              (FlexoConcept     *self,
                                                   FlexoConcept     *ancestor);
GPtrArray        *flexo_concept_get_properties    (FlexoConcept     *self);
void              flexo_concept_add_property      (FlexoConcept     *self,
                                                   FlexoProperty    *property);
/* Its own properties, then the inherited ones (nearest parent first). */
FlexoProperty    *flexo_concept_find_property     (FlexoConcept     *self,
                                                   const char       *name);
GPtrArray        *flexo_concept_dup_all_properties (FlexoConcept    *self);
/* The instances of this concept in the document (not of its children). */
guint             flexo_concept_get_n_instances   (FlexoConcept     *self);
GPtrArray        *flexo_concept_get_instances     (FlexoConcept     *self);

G_END_DECLS
