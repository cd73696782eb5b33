/* flexo-spatial-index.h — R-tree of the items of a diagram
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "flexo-geometry.h"

G_BEGIN_DECLS

/* A dynamic R-tree mapping opaque, non-NULL items (shapes, connectors…) to
 * their bounds, answering "what is under this point" and "what intersects
 * this rectangle" in O(log n + k).
 *
 * Bounds must be normalized (width and height ≥ 0) and finite. Zero-size
 * bounds (a point, a horizontal or vertical connector) are valid items: all
 * comparisons are inclusive, so an item touching the query on its boundary
 * matches. The index does not own its items and keeps no z-order: results
 * come in no particular order.
 *
 * The index must not be modified from a query callback. */
typedef struct _FlexoSpatialIndex FlexoSpatialIndex;

/* Called for each matching item with its bounds (valid during the call
 * only). Return TRUE to stop the query, FALSE to go on. */
typedef gboolean (*FlexoSpatialFunc) (gpointer         item,
                                      const FlexoRect *bounds,
                                      gpointer         user_data);

FlexoSpatialIndex *flexo_spatial_index_new              (void);
void               flexo_spatial_index_free             (FlexoSpatialIndex       *index);
void               flexo_spatial_index_clear            (FlexoSpatialIndex       *index);
guint              flexo_spatial_index_n_items          (const FlexoSpatialIndex *index);

void               flexo_spatial_index_insert           (FlexoSpatialIndex       *index,
                                                         gpointer                 item,
                                                         const FlexoRect         *bounds);
gboolean           flexo_spatial_index_remove           (FlexoSpatialIndex       *index,
                                                         gconstpointer            item);
void               flexo_spatial_index_update           (FlexoSpatialIndex       *index,
                                                         gconstpointer            item,
                                                         const FlexoRect         *new_bounds);
gboolean           flexo_spatial_index_contains         (const FlexoSpatialIndex *index,
                                                         gconstpointer            item);
gboolean           flexo_spatial_index_get_bounds       (const FlexoSpatialIndex *index,
                                                         gconstpointer            item,
                                                         FlexoRect               *out);
gboolean           flexo_spatial_index_total_bounds     (const FlexoSpatialIndex *index,
                                                         FlexoRect               *out);

void               flexo_spatial_index_bulk_load        (FlexoSpatialIndex       *index,
                                                         gpointer const          *items,
                                                         const FlexoRect         *rects,
                                                         gsize                    n);

gboolean           flexo_spatial_index_query_point      (const FlexoSpatialIndex *index,
                                                         FlexoPoint               point,
                                                         double                   tolerance,
                                                         FlexoSpatialFunc         func,
                                                         gpointer                 user_data);
gboolean           flexo_spatial_index_query_rect       (const FlexoSpatialIndex *index,
                                                         const FlexoRect         *rect,
                                                         FlexoSpatialFunc         func,
                                                         gpointer                 user_data);
GPtrArray         *flexo_spatial_index_query_point_all  (const FlexoSpatialIndex *index,
                                                         FlexoPoint               point,
                                                         double                   tolerance);
GPtrArray         *flexo_spatial_index_query_rect_all   (const FlexoSpatialIndex *index,
                                                         const FlexoRect         *rect);

gboolean           flexo_spatial_index_check_invariants (const FlexoSpatialIndex *index,
                                                         char                   **message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlexoSpatialIndex, flexo_spatial_index_free)

G_END_DECLS
