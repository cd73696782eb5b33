/* flexo-path.h — paths: cairo-like sequences of lines and cubic Béziers
 *
 * A FlexoPath is a sequence of move_to, line_to, curve_to (cubic Bézier)
 * and close_path operations, with cairo's semantics, so that a painter can
 * replay it 1:1 (cairo_move_to, cairo_line_to, cairo_curve_to,
 * cairo_close_path). Every subpath of a stored path starts with an explicit
 * MOVE_TO (the builder inserts it where cairo would).
 *
 * Geometry queries (containment, distance, intersection) work on the exact
 * curves, not on a flattened copy: their error is far below 1e-6 of the size
 * of the path. Arcs are approximated by cubic Béziers within 1e-4 of the
 * true ellipse (and within 1e-5 of its radius), with a node at every
 * extreme point.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "flexo-geometry.h"

G_BEGIN_DECLS

typedef enum
{
  FLEXO_PATH_MOVE_TO,    /* 1 point */
  FLEXO_PATH_LINE_TO,    /* 1 point */
  FLEXO_PATH_CURVE_TO,   /* 3 points: control 1, control 2, end */
  FLEXO_PATH_CLOSE_PATH, /* 0 points; the current point becomes the subpath's start */
} FlexoPathOp;

typedef struct _FlexoPath FlexoPath;

/* Iterates over the operations of a path; the path must not change
 * meanwhile. Fields are private. */
typedef struct
{
  const FlexoPath *path;
  guint            op;
  guint            point;
} FlexoPathIter;

FlexoPath        *flexo_path_new            (void);
FlexoPath        *flexo_path_copy           (const FlexoPath *path);
void              flexo_path_free           (FlexoPath       *path);
/* Removes every operation (keeps the memory). */
void              flexo_path_clear          (FlexoPath       *path);
gboolean          flexo_path_is_empty       (const FlexoPath *path);

/* cairo's semantics: consecutive move_to collapse; line_to without a current
 * point is a move_to; curve_to without one first moves to its first control
 * point; close_path without one does nothing. */
void              flexo_path_move_to        (FlexoPath       *path,
                                             double           x,
                                             double           y);
void              flexo_path_line_to        (FlexoPath       *path,
                                             double           x,
                                             double           y);
void              flexo_path_curve_to       (FlexoPath       *path,
                                             double           x1,
                                             double           y1,
                                             double           x2,
                                             double           y2,
                                             double           x3,
                                             double           y3);
void              flexo_path_close_path     (FlexoPath       *path);
/* An elliptical arc of centre (@cx, @cy) and radii @rx, @ry from parametric
 * angle @angle1 to @angle2 (radians; increasing angles turn clockwise on
 * screen, where y points down; @angle2 < @angle1 turns the other way).
 * Like cairo_arc(), it first draws a line from the current point to the
 * start of the arc (unless it is there already), or moves there when there
 * is no current point. The arc is split at every multiple of π/2. */
void              flexo_path_arc            (FlexoPath       *path,
                                             double           cx,
                                             double           cy,
                                             double           rx,
                                             double           ry,
                                             double           angle1,
                                             double           angle2);
/* A closed rectangle, clockwise on screen from its top-left corner. */
void              flexo_path_rectangle      (FlexoPath       *path,
                                             const FlexoRect *rect);
/* Appends the operations of @src to @path. */
void              flexo_path_append         (FlexoPath       *path,
                                             const FlexoPath *src);

/* Every point of @path in the unit square of @box: (x, y) becomes
 * ((x − box.x) / box.width, (y − box.y) / box.height). */
void              flexo_path_to_unit_square (FlexoPath       *path,
                                             const FlexoRect *box);
/* The path as SVG path data of absolute commands ("M 0 0 L 1 0 C … Z"),
 * numbers written with @digits significant digits (1 … 17) in the C locale. */
char             *flexo_path_to_data        (const FlexoPath *path,
                                             int              digits);
/* Reads SVG path data made of absolute M, L, C and Z commands (as
 * flexo_path_to_data() writes them; a command's letter may be left out when
 * it repeats, and numbers after M are lines, as in SVG). NULL when @data is
 * anything else or has a number that is not finite, with in @error_offset
 * (may be NULL) where in @data the fault is. */
FlexoPath        *flexo_path_new_from_data  (const char      *data,
                                             gsize           *error_offset);

/* Whether @path can be a free form (see flexo_shape_set_form()): one
 * subpath, which draws within the unit square (its control points may lie
 * outside, not farther than a thousand times its size). */
gboolean          flexo_path_is_form        (const FlexoPath *path);

guint             flexo_path_get_n_ops      (const FlexoPath *path);
FlexoPathOp       flexo_path_get_op         (const FlexoPath *path,
                                             guint            index);
/* All points of all operations, in order; @n_points may be NULL. */
const FlexoPoint *flexo_path_get_points     (const FlexoPath *path,
                                             guint           *n_points);
/* How many points an operation of kind @op takes from the point array. */
guint             flexo_path_op_n_points    (FlexoPathOp      op);

void              flexo_path_iter_init      (FlexoPathIter   *iter,
                                             const FlexoPath *path);
/* Returns FALSE at the end; else sets @op and @points (flexo_path_op_n_points
 * of them, NULL for CLOSE_PATH). Either may be NULL. */
gboolean          flexo_path_iter_next      (FlexoPathIter     *iter,
                                             FlexoPathOp       *op,
                                             const FlexoPoint **points);

/* The exact bounds of what the path draws (curve extrema, not control
 * points); FALSE and an empty rectangle when it draws nothing. */
gboolean          flexo_path_get_bounds     (const FlexoPath *path,
                                             FlexoRect       *bounds);
/* A copy made of MOVE_TO, LINE_TO and CLOSE_PATH only: each curve becomes a
 * polyline by adaptive subdivision, none of whose points is farther than
 * @tolerance from the curve (and conversely). The vertices lie on the
 * curves. @tolerance is clamped to at least 1e-6. */
FlexoPath        *flexo_path_flatten        (const FlexoPath *path,
                                             double           tolerance);

/* Whether @p is inside the area the path fills (non-zero rule; open
 * subpaths are implicitly closed, as cairo_fill() does). Points exactly on
 * the border may fall either way: see flexo_path_distance(). */
gboolean          flexo_path_contains_point (const FlexoPath *path,
                                             FlexoPoint       p);
/* The distance from @p to the nearest point of what the path strokes (open
 * subpaths stay open), that point in @nearest (may be NULL); G_MAXDOUBLE
 * when the path draws nothing. */
double            flexo_path_distance       (const FlexoPath *path,
                                             FlexoPoint       p,
                                             FlexoPoint      *nearest);
/* The intersection of the segment @from → @to with what the path strokes
 * that is the closest to @to; FALSE when they do not meet. Where the
 * segment runs along a straight part of the path, the end of the common
 * part nearest to @to counts. */
gboolean          flexo_path_last_intersection (const FlexoPath *path,
                                                FlexoPoint       from,
                                                FlexoPoint       to,
                                                FlexoPoint      *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlexoPath, flexo_path_free)

G_END_DECLS
