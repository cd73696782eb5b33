/* flexo-diagram.h — a view: shapes and connectors laid out on a plane
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-connector.h"
#include "flexo-shape.h"
#include "flexo-spatial-index.h"

G_BEGIN_DECLS

#define FLEXO_DIAGRAM_LABEL_REACH 40.0
#define FLEXO_DIAGRAM_LABEL_CHAR_WIDTH 16.0

#define FLEXO_TYPE_DIAGRAM (flexo_diagram_get_type ())

G_DECLARE_FINAL_TYPE (FlexoDiagram, flexo_diagram, FLEXO, DIAGRAM, FlexoObject)

FlexoDiagram      *flexo_diagram_new           (FlexoDocument *document,
                                                const char    *name);
const char        *flexo_diagram_get_name      (FlexoDiagram  *self);
void               flexo_diagram_set_name      (FlexoDiagram  *self,
                                                const char    *name);
/* Shapes and connectors, bottom first. */
GPtrArray         *flexo_diagram_get_items     (FlexoDiagram  *self);
void               flexo_diagram_add_item      (FlexoDiagram  *self,
                                                gpointer       item);
/* The z-order position of an item (0: bottom), or -1. */
int                flexo_diagram_get_item_position (FlexoDiagram *self,
                                                gpointer       item);
/* The index of its shapes' bounds, while the diagram is in a document. */
FlexoSpatialIndex *flexo_diagram_get_index     (FlexoDiagram  *self);
/* The connectors, by bounds that surely hold what they draw: their route
 * hint (flexo_connector_get_route_hint()), widened for their labels by
 * FLEXO_DIAGRAM_LABEL_REACH plus FLEXO_DIAGRAM_LABEL_CHAR_WIDTH per
 * character of the longest. Kept while the diagram is in its document. */
FlexoSpatialIndex *flexo_diagram_get_connector_index (FlexoDiagram *self);
/* The topmost shape under @point (within @tolerance of its bounds). */
FlexoShape        *flexo_diagram_shape_at      (FlexoDiagram  *self,
                                                FlexoPoint     point,
                                                double         tolerance);
/* The union of its shapes' bounds and connectors' points. */
gboolean           flexo_diagram_get_extents   (FlexoDiagram  *self,
                                                FlexoRect     *out);

G_END_DECLS
