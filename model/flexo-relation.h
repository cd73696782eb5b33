/* flexo-relation.h — a typed link between concepts
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-concept.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_RELATION (flexo_relation_get_type ())

G_DECLARE_FINAL_TYPE (FlexoRelation, flexo_relation, FLEXO, RELATION, FlexoObject)

FlexoRelation    *flexo_relation_new             (FlexoDocument    *document,
                                                  const char       *name,
                                                  FlexoConcept     *source,
                                                  FlexoConcept     *target);
const char       *flexo_relation_get_name        (FlexoRelation    *self);
void              flexo_relation_set_name        (FlexoRelation    *self,
                                                  const char       *name);
FlexoConcept     *flexo_relation_get_source      (FlexoRelation    *self);
void              flexo_relation_set_source      (FlexoRelation    *self,
                                                  FlexoConcept     *source);
FlexoConcept     *flexo_relation_get_target      (FlexoRelation    *self);
void              flexo_relation_set_target      (FlexoRelation    *self,
                                                  FlexoConcept     *target);
/* How many targets one source instance may link to: min..max (max may be
 * FLEXO_MANY). */
int               flexo_relation_get_min         (FlexoRelation    *self);
int               flexo_relation_get_max         (FlexoRelation    *self);
void              flexo_relation_set_multiplicity (FlexoRelation   *self,
                                                  int               min,
                                                  int               max);
gboolean          flexo_relation_get_containment (FlexoRelation    *self);
void              flexo_relation_set_containment (FlexoRelation    *self,
                                                  gboolean          containment);
const FlexoStyle *flexo_relation_get_style       (FlexoRelation    *self);
void              flexo_relation_set_style       (FlexoRelation    *self,
                                                  const FlexoStyle *style);
/* Whether a link may go from an instance of @source to one of @target. */
gboolean          flexo_relation_accepts         (FlexoRelation    *self,
                                                  FlexoConcept     *source,
                                                  FlexoConcept     *target);
guint             flexo_relation_get_n_links     (FlexoRelation    *self);
GPtrArray        *flexo_relation_get_links       (FlexoRelation    *self);

G_END_DECLS
