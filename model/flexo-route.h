/* flexo-route.h — the path a connector takes
 *
 * A route starts and ends exactly on the outlines of the shapes it joins
 * (or at its free points) and follows the connector's routing:
 *
 * - straight: a polyline through the waypoints;
 * - orthogonal: horizontal and vertical segments only, leaving and entering
 *   the shapes perpendicular to a side; without waypoints it goes around
 *   the two end shapes (their boxes inflated by FLEXO_ROUTE_MARGIN), with
 *   waypoints it passes through each of them;
 * - curved: cubic Béziers through the waypoints (Catmull-Rom), else a
 *   gentle S from side to side;
 * - bezier: the waypoints are the control points of a chain of cubic
 *   Béziers from the source to the target (flexo-bezier.h: 3n − 1 of them
 *   for n segments); an end on a shape is where the line from its centre
 *   toward the nearest control point leaves its outline. With another
 *   count of waypoints (none yet, or edited), a curved route.
 *
 * A connector whose two ends are on the same shape makes a loop around the
 * top-right corner of the shape.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-connector.h"
#include "flexo-outline.h"

G_BEGIN_DECLS

/* Clearance kept around the end shapes by orthogonal routes. */
#define FLEXO_ROUTE_MARGIN 20.0
/* How far from their end the start and end labels are anchored. */
#define FLEXO_ROUTE_LABEL_DISTANCE 18.0

/* One end of a route: on a shape (its kind, box, corner radius and free
 * form, the shape's: see flexo_shape_get_form()), or free at @point. */
typedef struct
{
  gboolean        on_shape;
  FlexoShapeKind  kind;
  FlexoRect       box;
  double          corner_radius;
  FlexoPoint      point;
  const FlexoPath *form;
} FlexoRouteEnd;

void       flexo_route_end_init_shape     (FlexoRouteEnd       *end,
                                           FlexoShape          *shape);
void       flexo_route_end_init_point     (FlexoRouteEnd       *end,
                                           FlexoPoint           point);

/* The route from @source to @target through @waypoints, in place of the
 * contents of @out: one open subpath of MOVE_TO then LINE_TO (straight,
 * orthogonal) or CURVE_TO (curved, bezier) operations. @start_dir and @end_dir
 * (may be NULL) get the unit directions an arrow head points to at each
 * end: outward, from the route toward the source at the start, along the
 * route into the target at the end. */
void       flexo_route_compute            (const FlexoRouteEnd *source,
                                           const FlexoRouteEnd *target,
                                           const FlexoPoint    *waypoints,
                                           guint                n_waypoints,
                                           FlexoRouting         routing,
                                           FlexoPath           *out,
                                           FlexoPoint          *start_dir,
                                           FlexoPoint          *end_dir);

/* The route of a connector, from its ends, waypoints and resolved style. */
void       flexo_connector_compute_route  (FlexoConnector      *self,
                                           FlexoPath           *out,
                                           FlexoPoint          *start_dir,
                                           FlexoPoint          *end_dir);
/* The exact bounds of its route (without arrow heads, stroke or labels). */
gboolean   flexo_connector_get_route_bounds (FlexoConnector    *self,
                                           FlexoRect           *out);
/* Cheap bounds that surely hold the route (the end boxes, the waypoints,
 * the margins around them), for culling before computing it. */
FlexoRect  flexo_connector_get_route_hint (FlexoConnector      *self);
/* Where a label is anchored on the route: the middle at half its length,
 * the start and end labels FLEXO_ROUTE_LABEL_DISTANCE along it from their
 * end (nearer on a short route). */
FlexoPoint flexo_connector_label_position (FlexoConnector      *self,
                                           FlexoLabelPosition   position);

/* Along any route (curves measured within 0.01): its length, the point
 * at @distance from its start (clamped) and the unit tangent there (toward
 * the end; may be NULL), and the label anchors as above. */
double     flexo_route_get_length         (const FlexoPath     *route);
FlexoPoint flexo_route_point_at_length    (const FlexoPath     *route,
                                           double               distance,
                                           FlexoPoint          *tangent);
FlexoPoint flexo_route_label_anchor       (const FlexoPath     *route,
                                           FlexoLabelPosition   position,
                                           FlexoPoint          *tangent);

/* A copy of @route, in place of the contents of @out, without what lies
 * within @start of its start and within @end of its end (straight
 * distances: what arrow heads replace). A line or curve at an end that is
 * all within reach is dropped whole. */
void       flexo_route_trim               (const FlexoPath     *route,
                                           double               start,
                                           double               end,
                                           FlexoPath           *out);

G_END_DECLS
