/* flexo-link.h — an instance of a relation between two instances
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-instance.h"
#include "flexo-relation.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_LINK (flexo_link_get_type ())

G_DECLARE_FINAL_TYPE (FlexoLink, flexo_link, FLEXO, LINK, FlexoObject)

FlexoLink     *flexo_link_new          (FlexoDocument *document,
                                        FlexoRelation *relation,
                                        FlexoInstance *source,
                                        FlexoInstance *target);
FlexoRelation *flexo_link_get_relation (FlexoLink     *self);
void           flexo_link_set_relation (FlexoLink     *self,
                                        FlexoRelation *relation);
FlexoInstance *flexo_link_get_source   (FlexoLink     *self);
void           flexo_link_set_source   (FlexoLink     *self,
                                        FlexoInstance *source);
FlexoInstance *flexo_link_get_target   (FlexoLink     *self);
void           flexo_link_set_target   (FlexoLink     *self,
                                        FlexoInstance *target);
/* The connectors that show it (live ones). */
GPtrArray     *flexo_link_get_views    (FlexoLink     *self);

G_END_DECLS
