/* flexo-bezier.c — chains of cubic Bézier segments
 *
 * The nearest point of a cubic is found by sampling it, then narrowing
 * the best sample's neighbourhood by golden section: curves of connectors
 * are gentle enough for the distance to have one minimum there.
 *
 * Merging two segments inverts de Casteljau's split: a split at t leaves
 * the joint at t of the way from the first half's c2 to the second half's
 * c1, and the outer control points at t (and 1 − t) of the way from the
 * ends to the original ones. Where the three middle points are not in
 * line (not the halves of one curve), t is the ratio of the lengths of the
 * control polygons, kept away from 0 and 1.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "flexo-bezier.h"

#define NEAREST_SAMPLES 48
#define NEAREST_STEPS 48

static inline FlexoPoint
lerp (FlexoPoint a,
      FlexoPoint b,
      double     t)
{
  return FLEXO_POINT_INIT (a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
}

gboolean
flexo_bezier_chain_is_valid (guint n_points)
{
  return n_points % 3 == 2;
}

gboolean
flexo_bezier_chain_is_joint (guint index,
                             guint n_points)
{
  return flexo_bezier_chain_is_valid (n_points) && index < n_points && index % 3 == 2;
}

FlexoPoint
flexo_bezier_point (const FlexoPoint p[4],
                    double           t)
{
  double u = 1 - t;
  double b0 = u * u * u, b1 = 3 * u * u * t, b2 = 3 * u * t * t, b3 = t * t * t;

  return FLEXO_POINT_INIT (b0 * p[0].x + b1 * p[1].x + b2 * p[2].x + b3 * p[3].x,
                           b0 * p[0].y + b1 * p[1].y + b2 * p[2].y + b3 * p[3].y);
}

void
flexo_bezier_split (const FlexoPoint p[4],
                    double           t,
                    FlexoPoint       left[4],
                    FlexoPoint       right[4])
{
  FlexoPoint p01 = lerp (p[0], p[1], t), p12 = lerp (p[1], p[2], t), p23 = lerp (p[2], p[3], t);
  FlexoPoint a = lerp (p01, p12, t), b = lerp (p12, p23, t);
  FlexoPoint m = lerp (a, b, t);
  FlexoPoint l[4] = { p[0], p01, a, m }, r[4] = { m, b, p23, p[3] };

  if (left != NULL)
    memcpy (left, l, sizeof l);
  if (right != NULL)
    memcpy (right, r, sizeof r);
}

double
flexo_bezier_nearest (const FlexoPoint p[4],
                      FlexoPoint       q,
                      double          *distance)
{
  const double golden = (sqrt (5) - 1) / 2;
  double best_t = 0, best_d = G_MAXDOUBLE;
  double lo, hi, t1, t2, d1, d2;

  for (guint i = 0; i <= NEAREST_SAMPLES; i++)
    {
      double t = (double) i / NEAREST_SAMPLES;
      double d = flexo_point_distance (flexo_bezier_point (p, t), q);

      if (d < best_d)
        {
          best_d = d;
          best_t = t;
        }
    }

  lo = MAX (best_t - 1.0 / NEAREST_SAMPLES, 0);
  hi = MIN (best_t + 1.0 / NEAREST_SAMPLES, 1);
  t1 = hi - golden * (hi - lo);
  t2 = lo + golden * (hi - lo);
  d1 = flexo_point_distance (flexo_bezier_point (p, t1), q);
  d2 = flexo_point_distance (flexo_bezier_point (p, t2), q);
  for (guint i = 0; i < NEAREST_STEPS; i++)
    {
      if (d1 < d2)
        {
          hi = t2;
          t2 = t1;
          d2 = d1;
          t1 = hi - golden * (hi - lo);
          d1 = flexo_point_distance (flexo_bezier_point (p, t1), q);
        }
      else
        {
          lo = t1;
          t1 = t2;
          d1 = d2;
          t2 = lo + golden * (hi - lo);
          d2 = flexo_point_distance (flexo_bezier_point (p, t2), q);
        }
    }
  if (MIN (d1, d2) < best_d)
    {
      best_t = d1 < d2 ? t1 : t2;
      best_d = MIN (d1, d2);
    }
  if (distance != NULL)
    *distance = best_d;
  return best_t;
}

/* Segment @k of a valid chain, with its ends. */
static void
chain_segment (GArray     *points,
               FlexoPoint  start,
               FlexoPoint  end,
               guint       k,
               FlexoPoint  seg[4])
{
  const FlexoPoint *w = (const FlexoPoint *) (gconstpointer) points->data;
  guint n = points->len;

  seg[0] = k == 0 ? start : w[3 * k - 1];
  seg[1] = w[3 * k];
  seg[2] = w[3 * k + 1];
  seg[3] = 3 * k + 2 < n ? w[3 * k + 2] : end;
}

gboolean
flexo_bezier_chain_split (GArray     *points,
                          FlexoPoint  start,
                          FlexoPoint  end,
                          FlexoPoint  near,
                          guint      *joint)
{
  guint n_segments, best_k = 0;
  double best_t = 0.5, best_d = G_MAXDOUBLE;
  FlexoPoint seg[4], left[4], right[4];

  g_return_val_if_fail (points != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (points) == sizeof (FlexoPoint), FALSE);

  if (!flexo_bezier_chain_is_valid (points->len))
    return FALSE;

  n_segments = (points->len + 1) / 3;
  for (guint k = 0; k < n_segments; k++)
    {
      double d, t;

      chain_segment (points, start, end, k, seg);
      t = flexo_bezier_nearest (seg, near, &d);
      if (d < best_d)
        {
          best_d = d;
          best_t = t;
          best_k = k;
        }
    }

  /* c1, c2 of segment k are at 3k, 3k + 1: they become the left half's
   * c1, c2, then come the joint and the right half's c1, c2. */
  chain_segment (points, start, end, best_k, seg);
  flexo_bezier_split (seg, best_t, left, right);
  g_array_index (points, FlexoPoint, 3 * best_k) = left[1];
  g_array_index (points, FlexoPoint, 3 * best_k + 1) = left[2];
  {
    FlexoPoint added[3] = { left[3], right[1], right[2] };

    g_array_insert_vals (points, 3 * best_k + 2, added, 3);
  }
  if (joint != NULL)
    *joint = 3 * best_k + 2;
  return TRUE;
}

gboolean
flexo_bezier_chain_remove_joint (GArray     *points,
                                 FlexoPoint  start,
                                 FlexoPoint  end,
                                 guint       joint)
{
  FlexoPoint a[4], b[4], c1, c2;
  guint k;
  double t, span, la, lb;

  g_return_val_if_fail (points != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (points) == sizeof (FlexoPoint), FALSE);

  if (!flexo_bezier_chain_is_joint (joint, points->len))
    return FALSE;

  k = joint / 3;
  chain_segment (points, start, end, k, a);
  chain_segment (points, start, end, k + 1, b);

  /* Where the joint is between a's c2 and b's c1, if they are in line. */
  span = flexo_point_distance (a[2], b[1]);
  la = flexo_point_distance (a[0], a[1]) + flexo_point_distance (a[1], a[2]) + flexo_point_distance (a[2], a[3]);
  lb = flexo_point_distance (b[0], b[1]) + flexo_point_distance (b[1], b[2]) + flexo_point_distance (b[2], b[3]);
  t = la + lb > 0 ? CLAMP (la / (la + lb), 0.1, 0.9) : 0.5;
  if (span > 1e-9)
    {
      double u = flexo_point_distance (a[2], a[3]) / span;
      FlexoPoint on = lerp (a[2], b[1], u);

      if (flexo_point_distance (on, a[3]) <= 1e-6 * MAX (span, 1))
        t = CLAMP (u, 0.02, 0.98);
    }

  c1 = lerp (a[0], a[1], 1 / t);
  c2 = lerp (b[3], b[2], 1 / (1 - t));
  g_array_index (points, FlexoPoint, 3 * k) = c1;
  g_array_index (points, FlexoPoint, 3 * k + 1) = c2;
  /* Away: the joint, b's c1 and c2 (3k + 2 … 3k + 4); b's end stays. */
  g_array_remove_range (points, 3 * k + 2, 3);
  return TRUE;
}

void
flexo_bezier_chain_move (GArray     *points,
                         guint       index,
                         FlexoPoint  to)
{
  FlexoPoint *p;
  double dx, dy;

  g_return_if_fail (points != NULL);
  g_return_if_fail (g_array_get_element_size (points) == sizeof (FlexoPoint));

  if (index >= points->len)
    return;
  p = &g_array_index (points, FlexoPoint, index);
  dx = to.x - p->x;
  dy = to.y - p->y;
  *p = to;
  if (flexo_bezier_chain_is_joint (index, points->len))
    for (int side = -1; side <= 1; side += 2)
      {
        FlexoPoint *c = &g_array_index (points, FlexoPoint, index + side);

        c->x += dx;
        c->y += dy;
      }
}

gboolean
flexo_bezier_chain_from_path (const FlexoPath *path,
                              GArray          *points)
{
  guint n_ops, n = 0;
  const FlexoPoint *p;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (points != NULL, FALSE);

  n_ops = flexo_path_get_n_ops (path);
  if (n_ops < 2 || flexo_path_get_op (path, 0) != FLEXO_PATH_MOVE_TO)
    return FALSE;
  for (guint i = 1; i < n_ops; i++)
    if (flexo_path_get_op (path, i) != FLEXO_PATH_CURVE_TO)
      return FALSE;

  /* 1 + 3 (n_ops − 1) points; all but the first and the last. */
  p = flexo_path_get_points (path, &n);
  g_array_set_size (points, 0);
  g_array_append_vals (points, p + 1, n - 2);
  return TRUE;
}

guint
flexo_bezier_arc (FlexoPoint  from,
                  FlexoPoint  to,
                  double      sagitta,
                  FlexoPoint *points)
{
  double dx = to.x - from.x, dy = to.y - from.y;
  double chord = hypot (dx, dy);
  double s = fabs (sagitta), radius, a0, am, half, sweep, step, k;
  FlexoPoint normal, mid, apex, centre;
  guint n, out = 0;

  g_return_val_if_fail (points != NULL, 0);

  if (!(chord > 1e-9) || !(s > 1e-6 * chord) || !isfinite (sagitta))
    return 0;

  /* The apex is on the chord's bisector; the centre, a radius back. */
  normal = FLEXO_POINT_INIT (-dy / chord, dx / chord);
  mid = lerp (from, to, 0.5);
  apex = FLEXO_POINT_INIT (mid.x + normal.x * sagitta, mid.y + normal.y * sagitta);
  radius = (s * s + chord * chord / 4) / (2 * s);
  if (!isfinite (radius) || !isfinite (apex.x) || !isfinite (apex.y))
    return 0;
  centre = FLEXO_POINT_INIT (apex.x - normal.x * radius * (sagitta > 0 ? 1 : -1),
                             apex.y - normal.y * radius * (sagitta > 0 ? 1 : -1));

  /* From the start to the apex is half of the way, less than half a
   * turn either way. */
  a0 = atan2 (from.y - centre.y, from.x - centre.x);
  am = atan2 (apex.y - centre.y, apex.x - centre.x);
  half = remainder (am - a0, 2 * G_PI);
  sweep = 2 * half;
  n = (guint) CLAMP (ceil (fabs (sweep) / G_PI_2 - 1e-9), 1, 4);
  step = sweep / n;
  k = 4.0 / 3.0 * tan (step / 4) * radius;

  for (guint i = 0; i < n; i++)
    {
      double t0 = a0 + i * step, t1 = a0 + (i + 1) * step;
      FlexoPoint p0 = i == 0 ? from : FLEXO_POINT_INIT (centre.x + radius * cos (t0), centre.y + radius * sin (t0));
      FlexoPoint p1 = i + 1 == n ? to : FLEXO_POINT_INIT (centre.x + radius * cos (t1), centre.y + radius * sin (t1));

      points[out++] = FLEXO_POINT_INIT (p0.x - k * sin (t0), p0.y + k * cos (t0));
      points[out++] = FLEXO_POINT_INIT (p1.x + k * sin (t1), p1.y - k * cos (t1));
      if (i + 1 < n)
        points[out++] = p1;
    }
  return out;
}
