/* flexo-route.c — the path a connector takes
 *
 * Ends on shapes are clipped by flexo_outline_clip() or placed at a side
 * port (flexo_outline_side_port()), so a route always starts and ends
 * exactly on the outline that the painter strokes and hit testing uses.
 *
 * The orthogonal router without waypoints tries every pair of sides of the
 * two end shapes, with a handful of one- to three-bend paths between the
 * stubs that leave each side perpendicular to it, and keeps the cheapest:
 * length, plus a cost per bend, plus a penalty for sides that do not face
 * the other shape and a heavy one for crossing an end shape. It is small,
 * deterministic and always has an answer; it knows nothing of the other
 * shapes of the diagram.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "flexo-bezier.h"
#include "flexo-route.h"

#define EPS 1e-7
#define MAX_CANDIDATE_POINTS 8

/* ------------------------------------------------------------- vectors -- */

static inline FlexoPoint
pt (double x,
    double y)
{
  return (FlexoPoint) { x, y };
}

static inline FlexoPoint
vadd (FlexoPoint a,
      FlexoPoint b)
{
  return pt (a.x + b.x, a.y + b.y);
}

static inline FlexoPoint
vsub (FlexoPoint a,
      FlexoPoint b)
{
  return pt (a.x - b.x, a.y - b.y);
}

static inline FlexoPoint
vscale (FlexoPoint a,
        double     k)
{
  return pt (a.x * k, a.y * k);
}

static inline double
vdot (FlexoPoint a,
      FlexoPoint b)
{
  return a.x * b.x + a.y * b.y;
}

static inline double
vlen (FlexoPoint a)
{
  return hypot (a.x, a.y);
}

static inline gboolean
same_point (FlexoPoint a,
            FlexoPoint b)
{
  return fabs (a.x - b.x) < EPS && fabs (a.y - b.y) < EPS;
}

/* The unit vector of @a, or @fallback when it has no length. */
static FlexoPoint
vunit (FlexoPoint a,
       FlexoPoint fallback)
{
  double l = vlen (a);

  return l > EPS ? vscale (a, 1 / l) : fallback;
}

/* The axis direction of a horizontal or vertical segment, (0, 0) when it
 * has no length. */
static FlexoPoint
axis_dir (FlexoPoint from,
          FlexoPoint to)
{
  double dx = to.x - from.x, dy = to.y - from.y;

  if (fabs (dx) < EPS && fabs (dy) < EPS)
    return pt (0, 0);
  if (fabs (dx) >= fabs (dy))
    return pt (dx > 0 ? 1 : -1, 0);
  return pt (0, dy > 0 ? 1 : -1);
}

/* ----------------------------------------------------------------- ends -- */

void
flexo_route_end_init_shape (FlexoRouteEnd *end,
                            FlexoShape    *shape)
{
  FlexoStyle style;

  g_return_if_fail (end != NULL);
  g_return_if_fail (FLEXO_IS_SHAPE (shape));

  flexo_shape_resolve_style (shape, &style);
  end->on_shape = TRUE;
  end->kind = style.shape_kind < FLEXO_N_SHAPE_KINDS ? style.shape_kind : FLEXO_SHAPE_RECTANGLE;
  end->box = flexo_rect_normalize (*flexo_shape_get_bounds (shape));
  end->corner_radius = style.corner_radius;
  end->point = flexo_rect_center (&end->box);
  end->form = flexo_shape_get_form (shape);
}

void
flexo_route_end_init_point (FlexoRouteEnd *end,
                            FlexoPoint     point)
{
  g_return_if_fail (end != NULL);

  end->on_shape = FALSE;
  end->kind = FLEXO_SHAPE_RECTANGLE;
  end->box = FLEXO_RECT_INIT (point.x, point.y, 0, 0);
  end->corner_radius = 0;
  end->point = point;
  end->form = NULL;
}

static gboolean
end_has_box (const FlexoRouteEnd *end)
{
  return end->on_shape && !flexo_rect_is_empty (&end->box);
}

static FlexoPoint
end_center (const FlexoRouteEnd *end)
{
  return end_has_box (end) ? flexo_rect_center (&end->box) : end->point;
}

/* Where a line from the centre of the end's shape toward @toward leaves
 * its outline; the free point itself for a free end. When @toward is
 * inside the silhouette, the ray goes on beyond it. */
static FlexoPoint
end_clip (const FlexoRouteEnd *end,
          FlexoPoint           toward)
{
  FlexoPoint c, out, d;
  double reach;

  if (!end_has_box (end))
    return end->point;

  c = flexo_rect_center (&end->box);
  if (flexo_outline_clip (end->kind, &end->box, end->corner_radius, end->form, c, toward, &out))
    return out;

  d = vunit (vsub (toward, c), pt (1, 0));
  reach = end->box.width + end->box.height + 1;
  if (flexo_outline_clip (end->kind, &end->box, end->corner_radius, end->form, c,
                          vadd (c, vscale (d, reach)), &out))
    return out;
  /* A free form may leave its centre outside (a crescent, a ring's
   * part): the point of its outline nearest to where the line comes from. */
  if (flexo_outline_nearest_point (end->kind, &end->box, end->corner_radius, end->form, toward, &out))
    return out;
  return c;
}

/* The port of @side: on the outline, where the side's normal from the
 * centre leaves it. */
static FlexoPoint
end_port (const FlexoRouteEnd *end,
          FlexoSide            side)
{
  FlexoPoint p;

  if (!end_has_box (end))
    return end->point;
  if (flexo_outline_side_port (end->kind, &end->box, end->corner_radius, end->form, side, &p))
    return p;
  /* (a free form open on that side: its outline nearest to the side) */
  if (flexo_outline_nearest_point (end->kind, &end->box, end->corner_radius, end->form,
                                   flexo_outline_side_center (&end->box, side), &p))
    return p;
  return flexo_outline_side_center (&end->box, side);
}

/* -------------------------------------------------------------- polylines -- */

static void
poly_add (GArray     *poly,
          FlexoPoint  p)
{
  g_array_append_val (poly, p);
}

static FlexoPoint
poly_last (GArray *poly)
{
  return g_array_index (poly, FlexoPoint, poly->len - 1);
}

/* Removes repeated points and the middle of straight runs of a polyline
 * of horizontal and vertical segments. Returns FALSE when a segment turns
 * back on the previous one (such points are kept). */
static gboolean
simplify_points (FlexoPoint *p,
                 guint      *n)
{
  gboolean ok = TRUE;
  guint out = 0;

  for (guint i = 0; i < *n; i++)
    {
      if (out > 0 && same_point (p[out - 1], p[i]))
        continue;
      if (out >= 2)
        {
          FlexoPoint d1 = vsub (p[out - 1], p[out - 2]);
          FlexoPoint d2 = vsub (p[i], p[out - 1]);
          double cross = d1.x * d2.y - d1.y * d2.x;

          if (fabs (cross) < EPS * (vlen (d1) + vlen (d2) + 1))
            {
              if (vdot (d1, d2) > 0)
                {
                  p[out - 1] = p[i];
                  continue;
                }
              ok = FALSE;
            }
        }
      p[out++] = p[i];
    }
  *n = out;
  return ok;
}

static void
path_from_points (FlexoPath        *out,
                  const FlexoPoint *p,
                  guint             n)
{
  flexo_path_move_to (out, p[0].x, p[0].y);
  if (n == 1)
    flexo_path_line_to (out, p[0].x, p[0].y);
  for (guint i = 1; i < n; i++)
    flexo_path_line_to (out, p[i].x, p[i].y);
}

/* ------------------------------------------------- orthogonal, no hints -- */

typedef struct
{
  FlexoPoint p[MAX_CANDIDATE_POINTS];
  guint      n;
  double     cost;
} Candidate;

/* Whether an axis-aligned segment enters the interior of @r. */
static gboolean
segment_crosses_rect (FlexoPoint       a,
                      FlexoPoint       b,
                      const FlexoRect *r)
{
  const double e = 1e-3;
  double x0 = MIN (a.x, b.x), x1 = MAX (a.x, b.x);
  double y0 = MIN (a.y, b.y), y1 = MAX (a.y, b.y);

  return x1 > r->x + e && x0 < r->x + r->width - e &&
         y1 > r->y + e && y0 < r->y + r->height - e;
}

/* The free distance between @a's @side and @b, beyond that side. */
static double
side_gap (const FlexoRect *a,
          const FlexoRect *b,
          FlexoSide        side)
{
  switch (side)
    {
    case FLEXO_SIDE_RIGHT:
      return b->x - (a->x + a->width);
    case FLEXO_SIDE_LEFT:
      return a->x - (b->x + b->width);
    case FLEXO_SIDE_BOTTOM:
      return b->y - (a->y + a->height);
    case FLEXO_SIDE_TOP:
    case FLEXO_N_SIDES:
    default:
      return a->y - (b->y + b->height);
    }
}

/* Where the stub that leaves @side ends: clear of the box by the margin
 * (less when the other end is nearer), in line with the port. */
static FlexoPoint
stub_end (const FlexoRouteEnd *end,
          const FlexoRouteEnd *other,
          FlexoSide            side,
          FlexoPoint           port)
{
  const FlexoRect *r = &end->box;
  double gap = side_gap (r, &other->box, side);
  double m = gap > 0 ? MIN (FLEXO_ROUTE_MARGIN, gap / 2) : FLEXO_ROUTE_MARGIN;

  switch (side)
    {
    case FLEXO_SIDE_RIGHT:
      return pt (r->x + r->width + m, port.y);
    case FLEXO_SIDE_LEFT:
      return pt (r->x - m, port.y);
    case FLEXO_SIDE_BOTTOM:
      return pt (port.x, r->y + r->height + m);
    case FLEXO_SIDE_TOP:
    case FLEXO_N_SIDES:
    default:
      return pt (port.x, r->y - m);
    }
}

static void
offer_candidate (Candidate           *best,
                 const FlexoPoint    *points,
                 guint                n_points,
                 const FlexoRouteEnd *source,
                 const FlexoRouteEnd *target,
                 double               penalty)
{
  FlexoPoint p[MAX_CANDIDATE_POINTS];
  guint n = n_points;
  double cost = penalty;

  g_assert (n <= MAX_CANDIDATE_POINTS);
  memcpy (p, points, n * sizeof (FlexoPoint));
  if (!simplify_points (p, &n))
    return;

  for (guint i = 0; i + 1 < n; i++)
    {
      cost += fabs (p[i + 1].x - p[i].x) + fabs (p[i + 1].y - p[i].y);
      if (i > 0)
        cost += FLEXO_ROUTE_MARGIN;  /* a bend */
      if (end_has_box (source) && i > 0 && segment_crosses_rect (p[i], p[i + 1], &source->box))
        cost += 1e4 * FLEXO_ROUTE_MARGIN;
      if (end_has_box (target) && i + 2 < n && segment_crosses_rect (p[i], p[i + 1], &target->box))
        cost += 1e4 * FLEXO_ROUTE_MARGIN;
    }

  if (cost < best->cost)
    {
      memcpy (best->p, p, n * sizeof (FlexoPoint));
      best->n = n;
      best->cost = cost;
    }
}

static void
route_orthogonal_auto (const FlexoRouteEnd *source,
                       const FlexoRouteEnd *target,
                       FlexoPath           *out)
{
  const FlexoRect *ra = &source->box, *rb = &target->box;
  FlexoPoint ca = end_center (source), cb = end_center (target);
  FlexoSide facing_a = flexo_side_facing (ra, cb), facing_b = flexo_side_facing (rb, ca);
  guint n_sa = end_has_box (source) ? FLEXO_N_SIDES : 1;
  guint n_sb = end_has_box (target) ? FLEXO_N_SIDES : 1;
  Candidate best = { .n = 0, .cost = G_MAXDOUBLE };

  for (guint sa = 0; sa < n_sa; sa++)
    for (guint sb = 0; sb < n_sb; sb++)
      {
        FlexoPoint pa = end_port (source, sa), pb = end_port (target, sb);
        FlexoPoint a1 = end_has_box (source) ? stub_end (source, target, sa, pa) : pa;
        FlexoPoint b1 = end_has_box (target) ? stub_end (target, source, sb, pb) : pb;
        double penalty = 0;
        double xs[6], ys[6];
        guint nx = 0, ny = 0;

        if (end_has_box (source) && sa != facing_a)
          penalty += 2 * FLEXO_ROUTE_MARGIN;
        if (end_has_box (target) && sb != facing_b)
          penalty += 2 * FLEXO_ROUTE_MARGIN;

        /* On a tie, the earlier wins: the middle of the gap first. */
        xs[nx++] = (a1.x + b1.x) / 2;
        xs[nx++] = a1.x;
        xs[nx++] = b1.x;
        xs[nx++] = MIN (ra->x, rb->x) - FLEXO_ROUTE_MARGIN;
        xs[nx++] = MAX (ra->x + ra->width, rb->x + rb->width) + FLEXO_ROUTE_MARGIN;
        ys[ny++] = (a1.y + b1.y) / 2;
        ys[ny++] = a1.y;
        ys[ny++] = b1.y;
        ys[ny++] = MIN (ra->y, rb->y) - FLEXO_ROUTE_MARGIN;
        ys[ny++] = MAX (ra->y + ra->height, rb->y + rb->height) + FLEXO_ROUTE_MARGIN;

        if (fabs (a1.x - b1.x) < EPS || fabs (a1.y - b1.y) < EPS)
          {
            FlexoPoint p[] = { pa, a1, b1, pb };

            offer_candidate (&best, p, G_N_ELEMENTS (p), source, target, penalty);
          }
        for (guint i = 0; i < nx; i++)
          {
            FlexoPoint p[] = { pa, a1, pt (xs[i], a1.y), pt (xs[i], b1.y), b1, pb };

            offer_candidate (&best, p, G_N_ELEMENTS (p), source, target, penalty);
          }
        for (guint i = 0; i < ny; i++)
          {
            FlexoPoint p[] = { pa, a1, pt (a1.x, ys[i]), pt (b1.x, ys[i]), b1, pb };

            offer_candidate (&best, p, G_N_ELEMENTS (p), source, target, penalty);
          }
      }

  if (best.n == 0)
    {
      /* Both ends at one point. */
      best.p[0] = end_port (source, facing_a);
      best.n = 1;
    }
  path_from_points (out, best.p, best.n);
}

/* ------------------------------------------------ orthogonal, with hints -- */

/* Bends and turn-backs along a sequence of axis directions. */
static int
turn_score (const FlexoPoint *dirs,
            guint             n)
{
  int score = 0;
  FlexoPoint prev = pt (0, 0);

  for (guint i = 0; i < n; i++)
    {
      if (dirs[i].x == 0 && dirs[i].y == 0)
        continue;
      if (prev.x != 0 || prev.y != 0)
        {
          double d = vdot (prev, dirs[i]);

          score += d < 0 ? 100 : d == 0 ? 1 : 0;
        }
      prev = dirs[i];
    }
  return score;
}

/* Goes from the last point of @poly to @to with horizontal and vertical
 * segments: an L, or a Z when an L would turn back. @dir is the direction
 * the route arrives with, updated; @out_dir the one it must leave @to
 * with, or (0, 0). */
static void
ortho_leg (GArray     *poly,
           FlexoPoint  to,
           FlexoPoint *dir,
           FlexoPoint  out_dir)
{
  FlexoPoint from = poly_last (poly);
  double mx = (from.x + to.x) / 2, my = (from.y + to.y) / 2;
  FlexoPoint options[4][2] = {
    { pt (to.x, from.y), pt (to.x, from.y) },
    { pt (from.x, to.y), pt (from.x, to.y) },
    { pt (mx, from.y), pt (mx, to.y) },
    { pt (from.x, my), pt (to.x, my) },
  };
  int best = 0, best_score = G_MAXINT;

  for (int i = 0; i < 4; i++)
    {
      FlexoPoint dirs[5] = {
        *dir,
        axis_dir (from, options[i][0]),
        axis_dir (options[i][0], options[i][1]),
        axis_dir (options[i][1], to),
        out_dir,
      };
      int score = turn_score (dirs, G_N_ELEMENTS (dirs));

      if (score < best_score)
        {
          best = i;
          best_score = score;
        }
    }

  poly_add (poly, options[best][0]);
  poly_add (poly, options[best][1]);
  poly_add (poly, to);
  for (int i = 2; i >= 0; i--)
    {
      FlexoPoint a = i == 0 ? from : options[best][i - 1];
      FlexoPoint b = i == 2 ? to : options[best][i];
      FlexoPoint d = axis_dir (a, b);

      if (d.x != 0 || d.y != 0)
        {
          *dir = d;
          break;
        }
    }
}

static void
route_orthogonal_through (const FlexoRouteEnd *source,
                          const FlexoRouteEnd *target,
                          const FlexoPoint    *waypoints,
                          guint                n_waypoints,
                          FlexoPath           *out)
{
  g_autoptr(GArray) poly = g_array_new (FALSE, FALSE, sizeof (FlexoPoint));
  FlexoPoint dir = pt (0, 0);
  guint n;

  if (end_has_box (source))
    {
      FlexoSide side = flexo_side_facing (&source->box, waypoints[0]);

      poly_add (poly, end_port (source, side));
      dir = flexo_side_normal (side);
    }
  else
    poly_add (poly, source->point);

  for (guint i = 0; i < n_waypoints; i++)
    ortho_leg (poly, waypoints[i], &dir, pt (0, 0));

  if (end_has_box (target))
    {
      FlexoSide side = flexo_side_facing (&target->box, waypoints[n_waypoints - 1]);

      ortho_leg (poly, end_port (target, side), &dir, vscale (flexo_side_normal (side), -1));
    }
  else
    ortho_leg (poly, target->point, &dir, pt (0, 0));

  n = poly->len;
  simplify_points ((FlexoPoint *) (gpointer) poly->data, &n);
  path_from_points (out, (FlexoPoint *) (gpointer) poly->data, n);
}

/* ---------------------------------------------------------------- curves -- */

/* Catmull-Rom through @p, as cubic Béziers. */
static void
curve_through (FlexoPath        *out,
               const FlexoPoint *p,
               guint             n)
{
  flexo_path_move_to (out, p[0].x, p[0].y);
  for (guint i = 0; i + 1 < n; i++)
    {
      FlexoPoint p0 = p[i > 0 ? i - 1 : 0], p1 = p[i], p2 = p[i + 1];
      FlexoPoint p3 = p[i + 2 < n ? i + 2 : n - 1];
      FlexoPoint c1 = vadd (p1, vscale (vsub (p2, p0), 1.0 / 6));
      FlexoPoint c2 = vsub (p2, vscale (vsub (p3, p1), 1.0 / 6));

      flexo_path_curve_to (out, c1.x, c1.y, c2.x, c2.y, p2.x, p2.y);
    }
}

/* The chain of cubic Béziers whose control points are @p (3n + 1 of
 * them: the start, then c1, c2 and the end of each segment). */
static void
bezier_chain (FlexoPath        *out,
              const FlexoPoint *p,
              guint             n)
{
  flexo_path_move_to (out, p[0].x, p[0].y);
  for (guint i = 1; i + 2 < n; i += 3)
    flexo_path_curve_to (out, p[i].x, p[i].y, p[i + 1].x, p[i + 1].y, p[i + 2].x, p[i + 2].y);
}

/* Without waypoints: from side to side, leaving each shape along the
 * normal of the side that faces the other end; straight between free
 * ends. */
static void
route_curved_direct (const FlexoRouteEnd *source,
                     const FlexoRouteEnd *target,
                     FlexoPath           *out)
{
  FlexoPoint ca = end_center (source), cb = end_center (target);
  FlexoPoint s, t, ns = pt (0, 0), nt = pt (0, 0), c1, c2;
  double dist;

  if (end_has_box (source))
    {
      FlexoSide side = flexo_side_facing (&source->box, cb);

      s = end_port (source, side);
      ns = flexo_side_normal (side);
    }
  else
    s = source->point;

  if (end_has_box (target))
    {
      FlexoSide side = flexo_side_facing (&target->box, ca);

      t = end_port (target, side);
      nt = flexo_side_normal (side);
    }
  else
    t = target->point;

  dist = flexo_point_distance (s, t);
  if (ns.x != 0 || ns.y != 0)
    c1 = vadd (s, vscale (ns, MAX (fabs (vdot (vsub (t, s), ns)) / 2,
                                   MIN (dist / 5, 2 * FLEXO_ROUTE_MARGIN))));
  else
    c1 = vadd (s, vscale (vsub (t, s), 1.0 / 3));
  if (nt.x != 0 || nt.y != 0)
    c2 = vadd (t, vscale (nt, MAX (fabs (vdot (vsub (s, t), nt)) / 2,
                                   MIN (dist / 5, 2 * FLEXO_ROUTE_MARGIN))));
  else
    c2 = vadd (t, vscale (vsub (s, t), 1.0 / 3));

  flexo_path_move_to (out, s.x, s.y);
  flexo_path_curve_to (out, c1.x, c1.y, c2.x, c2.y, t.x, t.y);
}

/* ----------------------------------------------------------------- loops -- */

/* Both ends on one shape: out of the right side, around the top-right
 * corner, into the top. */
static void
route_loop (const FlexoRouteEnd *end,
            FlexoRouting         routing,
            FlexoPath           *out)
{
  const FlexoRect *r = &end->box;
  const double d = FLEXO_ROUTE_MARGIN;
  FlexoPoint pa = end_port (end, FLEXO_SIDE_RIGHT);
  FlexoPoint pb = end_port (end, FLEXO_SIDE_TOP);
  double right = r->x + r->width;

  if (routing == FLEXO_ROUTING_CURVED || routing == FLEXO_ROUTING_BEZIER)
    {
      FlexoPoint m = pt (right + d, r->y - d);
      FlexoPoint diag = pt (G_SQRT2 / 2 * 0.8 * d, G_SQRT2 / 2 * 0.8 * d);

      flexo_path_move_to (out, pa.x, pa.y);
      flexo_path_curve_to (out, pa.x + d, pa.y, m.x + diag.x, m.y + diag.y, m.x, m.y);
      flexo_path_curve_to (out, m.x - diag.x, m.y - diag.y, pb.x, pb.y - d, pb.x, pb.y);
    }
  else
    {
      FlexoPoint p[] = { pa, pt (right + d, pa.y), pt (right + d, r->y - d), pt (pb.x, r->y - d), pb };

      path_from_points (out, p, G_N_ELEMENTS (p));
    }
}

/* ------------------------------------------------------------- the route -- */

/* The unit directions at both ends, from the path's points (control
 * points give the tangents of curves). */
static void
end_directions (const FlexoPath *path,
                FlexoPoint      *start_dir,
                FlexoPoint      *end_dir)
{
  guint n = 0;
  const FlexoPoint *p = flexo_path_get_points (path, &n);
  FlexoPoint s = pt (-1, 0), e = pt (1, 0);

  if (n >= 2)
    {
      for (guint i = 1; i < n; i++)
        if (!same_point (p[i], p[0]))
          {
            s = vunit (vsub (p[0], p[i]), s);
            break;
          }
      for (guint i = n - 1; i-- > 0;)
        if (!same_point (p[i], p[n - 1]))
          {
            e = vunit (vsub (p[n - 1], p[i]), e);
            break;
          }
    }
  if (start_dir != NULL)
    *start_dir = s;
  if (end_dir != NULL)
    *end_dir = e;
}

void
flexo_route_compute (const FlexoRouteEnd *source,
                     const FlexoRouteEnd *target,
                     const FlexoPoint    *waypoints,
                     guint                n_waypoints,
                     FlexoRouting         routing,
                     FlexoPath           *out,
                     FlexoPoint          *start_dir,
                     FlexoPoint          *end_dir)
{
  g_return_if_fail (source != NULL);
  g_return_if_fail (target != NULL);
  g_return_if_fail (waypoints != NULL || n_waypoints == 0);
  g_return_if_fail (out != NULL);

  flexo_path_clear (out);

  if (n_waypoints == 0 && end_has_box (source) && end_has_box (target) &&
      memcmp (&source->box, &target->box, sizeof (FlexoRect)) == 0)
    {
      route_loop (source, routing, out);
    }
  else if (routing == FLEXO_ROUTING_ORTHOGONAL)
    {
      if (n_waypoints == 0)
        route_orthogonal_auto (source, target, out);
      else
        route_orthogonal_through (source, target, waypoints, n_waypoints, out);
    }
  else
    {
      g_autofree FlexoPoint *p = g_new (FlexoPoint, n_waypoints + 2);
      FlexoPoint first = n_waypoints > 0 ? waypoints[0] : end_center (target);
      FlexoPoint last = n_waypoints > 0 ? waypoints[n_waypoints - 1] : end_center (source);

      p[0] = end_clip (source, first);
      if (n_waypoints > 0)
        memcpy (p + 1, waypoints, n_waypoints * sizeof (FlexoPoint));
      p[n_waypoints + 1] = end_clip (target, last);

      /* A Bézier chain of another count of points than 3n − 1 (none
       * yet, or edited by hand) is drawn as a curved route. */
      if (routing == FLEXO_ROUTING_BEZIER && flexo_bezier_chain_is_valid (n_waypoints))
        bezier_chain (out, p, n_waypoints + 2);
      else if ((routing == FLEXO_ROUTING_CURVED || routing == FLEXO_ROUTING_BEZIER) && n_waypoints > 0)
        curve_through (out, p, n_waypoints + 2);
      else if (routing == FLEXO_ROUTING_CURVED || routing == FLEXO_ROUTING_BEZIER)
        route_curved_direct (source, target, out);
      else
        path_from_points (out, p, n_waypoints + 2);
    }

  end_directions (out, start_dir, end_dir);
}

/* --------------------------------------------------------- connectors -- */

static void
connector_ends (FlexoConnector *self,
                FlexoRouteEnd  *source,
                FlexoRouteEnd  *target)
{
  FlexoShape *s = flexo_connector_get_source (self);
  FlexoShape *t = flexo_connector_get_target (self);

  if (s != NULL)
    flexo_route_end_init_shape (source, s);
  else
    flexo_route_end_init_point (source, flexo_connector_get_source_point (self));
  if (t != NULL)
    flexo_route_end_init_shape (target, t);
  else
    flexo_route_end_init_point (target, flexo_connector_get_target_point (self));
}

/* The box of an end as flexo_route_end_init_shape() or _point() set it. */
static FlexoRect
end_box (FlexoShape *shape,
         FlexoPoint  point)
{
  if (shape != NULL)
    return flexo_rect_normalize (*flexo_shape_get_bounds (shape));
  return FLEXO_RECT_INIT (point.x, point.y, 0, 0);
}

void
flexo_connector_compute_route (FlexoConnector *self,
                               FlexoPath      *out,
                               FlexoPoint     *start_dir,
                               FlexoPoint     *end_dir)
{
  FlexoRouteEnd source, target;
  FlexoStyle style;
  GArray *waypoints;
  FlexoRouting routing;

  g_return_if_fail (FLEXO_IS_CONNECTOR (self));
  g_return_if_fail (out != NULL);

  connector_ends (self, &source, &target);
  flexo_connector_resolve_style (self, &style);
  routing = style.routing < FLEXO_N_ROUTINGS ? style.routing : FLEXO_ROUTING_STRAIGHT;
  waypoints = flexo_connector_get_waypoints (self);
  flexo_route_compute (&source, &target,
                       waypoints != NULL ? (const FlexoPoint *) (gconstpointer) waypoints->data : NULL,
                       waypoints != NULL ? waypoints->len : 0,
                       routing, out, start_dir, end_dir);
}

gboolean
flexo_connector_get_route_bounds (FlexoConnector *self,
                                  FlexoRect      *out)
{
  g_autoptr(FlexoPath) path = flexo_path_new ();

  g_return_val_if_fail (FLEXO_IS_CONNECTOR (self), FALSE);

  flexo_connector_compute_route (self, path, NULL, NULL);
  if (!flexo_path_get_bounds (path, out))
    {
      /* A route of length zero still has a place. */
      guint n = 0;
      const FlexoPoint *p = flexo_path_get_points (path, &n);

      if (n == 0)
        return FALSE;
      if (out != NULL)
        *out = FLEXO_RECT_INIT (p[0].x, p[0].y, 0, 0);
    }
  return TRUE;
}

FlexoRect
flexo_connector_get_route_hint (FlexoConnector *self)
{
  FlexoRouteEnd source, target;
  GArray *waypoints;
  FlexoRect r;
  double x0, y0, x1, y1;

  g_return_val_if_fail (FLEXO_IS_CONNECTOR (self), FLEXO_RECT_INIT (0, 0, 0, 0));

  /* Only the boxes of the ends: no need to resolve their styles. A free
   * end's box and a waypoint are points, which flexo_rect_union() would
   * drop as empty: the extremes are taken one by one. */
  source.box = end_box (flexo_connector_get_source (self), flexo_connector_get_source_point (self));
  target.box = end_box (flexo_connector_get_target (self), flexo_connector_get_target_point (self));
  x0 = MIN (source.box.x, target.box.x);
  y0 = MIN (source.box.y, target.box.y);
  x1 = MAX (source.box.x + source.box.width, target.box.x + target.box.width);
  y1 = MAX (source.box.y + source.box.height, target.box.y + target.box.height);
  waypoints = flexo_connector_get_waypoints (self);
  for (guint i = 0; waypoints != NULL && i < waypoints->len; i++)
    {
      FlexoPoint p = g_array_index (waypoints, FlexoPoint, i);

      x0 = MIN (x0, p.x);
      y0 = MIN (y0, p.y);
      x1 = MAX (x1, p.x);
      y1 = MAX (y1, p.y);
    }
  r = FLEXO_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
  /* Margins and loops stay within 2 margins of the boxes, curves within
   * a sixth of the span of their points beyond them; a Bézier chain
   * within the hull of its control points. */
  {
    double k = 3 * FLEXO_ROUTE_MARGIN + MAX (r.width, r.height) / 6;

    return flexo_rect_inflate (&r, k, k);
  }
}

/* --------------------------------------------------------- measuring -- */

/* Calls @func on each line of the flattened route, in order, until it
 * returns TRUE. */
typedef gboolean (*SegmentFunc) (FlexoPoint a,
                                 FlexoPoint b,
                                 gpointer   user_data);

static void
foreach_segment (const FlexoPath *route,
                 SegmentFunc      func,
                 gpointer         user_data)
{
  g_autoptr(FlexoPath) flat = flexo_path_flatten (route, 0.01);
  FlexoPathIter iter;
  FlexoPathOp op;
  const FlexoPoint *p;
  FlexoPoint current = pt (0, 0), start = pt (0, 0);

  flexo_path_iter_init (&iter, flat);
  while (flexo_path_iter_next (&iter, &op, &p))
    {
      switch (op)
        {
        case FLEXO_PATH_MOVE_TO:
          current = start = p[0];
          break;
        case FLEXO_PATH_LINE_TO:
          if (func (current, p[0], user_data))
            return;
          current = p[0];
          break;
        case FLEXO_PATH_CLOSE_PATH:
          if (func (current, start, user_data))
            return;
          current = start;
          break;
        case FLEXO_PATH_CURVE_TO:
        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
add_length (FlexoPoint a,
            FlexoPoint b,
            gpointer   user_data)
{
  *(double *) user_data += flexo_point_distance (a, b);
  return FALSE;
}

double
flexo_route_get_length (const FlexoPath *route)
{
  double length = 0;

  g_return_val_if_fail (route != NULL, 0);

  foreach_segment (route, add_length, &length);
  return length;
}

typedef struct
{
  double     distance;  /* still to go */
  gboolean   found;
  gboolean   any;
  FlexoPoint point;
  FlexoPoint dir;
} Walk;

static gboolean
walk_segment (FlexoPoint a,
              FlexoPoint b,
              gpointer   user_data)
{
  Walk *w = user_data;
  double l = flexo_point_distance (a, b);

  if (!w->any)
    {
      w->any = TRUE;
      w->point = a;
    }
  if (l < EPS)
    return FALSE;

  w->dir = vscale (vsub (b, a), 1 / l);
  if (w->distance <= l)
    {
      w->point = vadd (a, vscale (w->dir, MAX (w->distance, 0)));
      w->found = TRUE;
      return TRUE;
    }
  w->distance -= l;
  w->point = b;
  return FALSE;
}

FlexoPoint
flexo_route_point_at_length (const FlexoPath *route,
                             double           distance,
                             FlexoPoint      *tangent)
{
  Walk w = { .distance = distance, .point = pt (0, 0), .dir = pt (1, 0) };

  g_return_val_if_fail (route != NULL, pt (0, 0));

  foreach_segment (route, walk_segment, &w);
  if (!w.any)
    {
      guint n = 0;
      const FlexoPoint *p = flexo_path_get_points (route, &n);

      if (n > 0)
        w.point = p[0];
    }
  if (tangent != NULL)
    *tangent = w.dir;
  return w.point;
}

FlexoPoint
flexo_route_label_anchor (const FlexoPath    *route,
                          FlexoLabelPosition  position,
                          FlexoPoint         *tangent)
{
  double length;

  g_return_val_if_fail (route != NULL, pt (0, 0));

  length = flexo_route_get_length (route);
  switch (position)
    {
    case FLEXO_LABEL_START:
      return flexo_route_point_at_length (route, MIN (FLEXO_ROUTE_LABEL_DISTANCE, length / 3), tangent);
    case FLEXO_LABEL_END:
      return flexo_route_point_at_length (route, length - MIN (FLEXO_ROUTE_LABEL_DISTANCE, length / 3), tangent);
    case FLEXO_LABEL_MIDDLE:
    case FLEXO_N_LABELS:
    default:
      return flexo_route_point_at_length (route, length / 2, tangent);
    }
}

FlexoPoint
flexo_connector_label_position (FlexoConnector     *self,
                                FlexoLabelPosition  position)
{
  g_autoptr(FlexoPath) path = flexo_path_new ();

  g_return_val_if_fail (FLEXO_IS_CONNECTOR (self), pt (0, 0));

  flexo_connector_compute_route (self, path, NULL, NULL);
  return flexo_route_label_anchor (path, position, NULL);
}

/* ------------------------------------------------------------- trimming -- */

/* A piece of a route: a line (p[0] → p[3]) or a cubic Bézier. */
typedef struct
{
  gboolean   curve;
  FlexoPoint p[4];
} Piece;

static FlexoPoint
piece_point (const Piece *piece,
             double       t)
{
  const FlexoPoint *p = piece->p;
  double u = 1 - t;

  if (!piece->curve)
    return pt (p[0].x * u + p[3].x * t, p[0].y * u + p[3].y * t);
  return pt (u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x,
             u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y);
}

/* Keeps the part of @piece from @t0 to @t1. */
static void
piece_restrict (Piece  *piece,
                double  t0,
                double  t1)
{
  if (piece->curve)
    {
      /* Blossoming: the control points of the restriction. */
      const FlexoPoint *p = piece->p;
      FlexoPoint q[4];
      double ts[4][3] = { { t0, t0, t0 }, { t0, t0, t1 }, { t0, t1, t1 }, { t1, t1, t1 } };

      for (int k = 0; k < 4; k++)
        {
          double a = ts[k][0], b = ts[k][1], c = ts[k][2];
          double w0 = (1 - a) * (1 - b) * (1 - c);
          double w1 = a * (1 - b) * (1 - c) + (1 - a) * b * (1 - c) + (1 - a) * (1 - b) * c;
          double w2 = a * b * (1 - c) + a * (1 - b) * c + (1 - a) * b * c;
          double w3 = a * b * c;

          q[k] = pt (w0 * p[0].x + w1 * p[1].x + w2 * p[2].x + w3 * p[3].x,
                     w0 * p[0].y + w1 * p[1].y + w2 * p[2].y + w3 * p[3].y);
        }
      memcpy (piece->p, q, sizeof q);
    }
  else
    {
      FlexoPoint a = piece_point (piece, t0), b = piece_point (piece, t1);

      piece->p[0] = a;
      piece->p[3] = b;
    }
}

/* The parameter where @piece is @distance away from its end at @from_end
 * (or its start), by bisection; -1 when all of it is nearer. */
static double
piece_cut (const Piece *piece,
           double       distance,
           gboolean     from_end)
{
  FlexoPoint end = from_end ? piece->p[3] : piece->p[0];
  double lo = 0, hi = 1;

  if (flexo_point_distance (from_end ? piece->p[0] : piece->p[3], end) <= distance)
    return -1;
  /* Search from the far end (inside) to the near end (within distance). */
  for (int i = 0; i < 50; i++)
    {
      double mid = (lo + hi) / 2;
      double t = from_end ? mid : 1 - mid;

      if (flexo_point_distance (piece_point (piece, t), end) > distance)
        lo = mid;
      else
        hi = mid;
    }
  return from_end ? lo : 1 - lo;
}

void
flexo_route_trim (const FlexoPath *route,
                  double           start,
                  double           end,
                  FlexoPath       *out)
{
  g_autoptr(GArray) pieces = NULL;
  FlexoPathIter iter;
  FlexoPathOp op;
  const FlexoPoint *p;
  FlexoPoint current = pt (0, 0);

  g_return_if_fail (route != NULL);
  g_return_if_fail (out != NULL);

  pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  flexo_path_iter_init (&iter, route);
  while (flexo_path_iter_next (&iter, &op, &p))
    {
      Piece piece = { FALSE, { current, current, current, current } };

      if (op == FLEXO_PATH_MOVE_TO)
        {
          current = p[0];
          continue;
        }
      if (op == FLEXO_PATH_LINE_TO)
        piece.p[3] = p[0];
      else if (op == FLEXO_PATH_CURVE_TO)
        {
          piece.curve = TRUE;
          memcpy (piece.p + 1, p, 3 * sizeof (FlexoPoint));
        }
      else
        continue;
      current = piece.p[3];
      g_array_append_val (pieces, piece);
    }

  if (start > 0 && pieces->len > 0)
    {
      Piece *first = &g_array_index (pieces, Piece, 0);
      double t = piece_cut (first, start, FALSE);

      if (t < 0)
        g_array_remove_index (pieces, 0);
      else
        piece_restrict (first, t, 1);
    }
  if (end > 0 && pieces->len > 0)
    {
      Piece *last = &g_array_index (pieces, Piece, pieces->len - 1);
      double t = piece_cut (last, end, TRUE);

      if (t < 0)
        g_array_remove_index (pieces, pieces->len - 1);
      else
        piece_restrict (last, 0, t);
    }

  flexo_path_clear (out);
  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);

      if (i == 0)
        flexo_path_move_to (out, piece->p[0].x, piece->p[0].y);
      if (piece->curve)
        flexo_path_curve_to (out, piece->p[1].x, piece->p[1].y, piece->p[2].x, piece->p[2].y,
                             piece->p[3].x, piece->p[3].y);
      else
        flexo_path_line_to (out, piece->p[3].x, piece->p[3].y);
    }
}
