/* flexo-bezier.h — chains of cubic Bézier segments
 *
 * A chain of n cubic Bézier segments from a start point to an end point
 * is kept as SVG's path data keeps it, without its two ends: 3n − 1
 * points, c1 and c2 of the first segment, the joint, c1 and c2 of the
 * second segment, …, c1 and c2 of the last one. These are the waypoints of
 * a connector routed FLEXO_ROUTING_BEZIER, whose ends are on shapes or
 * free. Index i of such a chain is a joint when i % 3 == 2.
 *
 * The edits here keep that structure: splitting a segment where it is
 * nearest to a point (de Casteljau: the curve does not change), removing
 * a joint (its two segments become one), moving a point (a joint carries
 * its two control points along).
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "flexo-geometry.h"
#include "flexo-path.h"

G_BEGIN_DECLS

/* Whether @n_points is 3n − 1 for some n ≥ 1. */
gboolean   flexo_bezier_chain_is_valid     (guint             n_points);
/* Whether index @index of a valid chain of @n_points is a joint. */
gboolean   flexo_bezier_chain_is_joint     (guint             index,
                                            guint             n_points);

/* The point of the cubic @p (start, c1, c2, end) at parameter @t. */
FlexoPoint flexo_bezier_point              (const FlexoPoint  p[4],
                                            double            t);
/* Splits the cubic @p at @t into @left (from 0 to @t) and @right (from
 * @t to 1), by de Casteljau's construction; either may be NULL. */
void       flexo_bezier_split              (const FlexoPoint  p[4],
                                            double            t,
                                            FlexoPoint        left[4],
                                            FlexoPoint        right[4]);
/* The parameter of the point of the cubic @p nearest to @q, its distance
 * in @distance (may be NULL). */
double     flexo_bezier_nearest            (const FlexoPoint  p[4],
                                            FlexoPoint        q,
                                            double           *distance);

/* Splits the segment of the chain (@points of FlexoPoint, from @start to
 * @end) that passes nearest to @near, where it does: three points more,
 * the same curve. @joint (may be NULL) gets the index of the new joint.
 * FALSE, and nothing changed, when the chain is not valid. */
gboolean   flexo_bezier_chain_split        (GArray           *points,
                                            FlexoPoint        start,
                                            FlexoPoint        end,
                                            FlexoPoint        near,
                                            guint            *joint);
/* Removes the joint @joint and its two control points: its two segments
 * become one that keeps their outer tangents. When they are the two
 * halves of a split, it is the curve they were split from. FALSE, and
 * nothing changed, when @joint is not a joint of a valid chain. */
gboolean   flexo_bezier_chain_remove_joint (GArray           *points,
                                            FlexoPoint        start,
                                            FlexoPoint        end,
                                            guint             joint);
/* Moves point @index of the chain to @to; a joint of a valid chain moves
 * its two control points by as much. Nothing when @index is out of
 * range. */
void       flexo_bezier_chain_move         (GArray           *points,
                                            guint             index,
                                            FlexoPoint        to);
/* The chain of a path made of one MOVE_TO then CURVE_TOs only, in place
 * of the contents of @points; FALSE (and @points untouched) for another
 * path. */
gboolean   flexo_bezier_chain_from_path    (const FlexoPath  *path,
                                            GArray           *points);

/* The most points flexo_bezier_arc() writes. */
#define FLEXO_BEZIER_ARC_MAX_POINTS 11

/* A circular arc from @from to @to whose middle is @sagitta away from the
 * middle of the chord: when positive, on the right as one goes from
 * @from to @to on screen (y down: the chord's direction turned a quarter
 * turn clockwise, (−dy, dx)), on the left when negative; as Dia's arcs'
 * curve_distance. The control points of a chain
 * approximating it (a segment per quarter of a turn at most, within
 * 3e-4 of the radius), in @points (room for FLEXO_BEZIER_ARC_MAX_POINTS).
 * Returns how many: 0 when the arc is a straight line (a sagitta of
 * nothing next to the chord, or no chord). */
guint      flexo_bezier_arc                (FlexoPoint        from,
                                            FlexoPoint        to,
                                            double            sagitta,
                                            FlexoPoint       *points);

G_END_DECLS
