/* test-bezier.c — chains of cubic Béziers and the Bézier routing
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "flexo-bezier.h"
#include "flexo-model.h"
#include "flexo-route.h"
#include "flexo-test.h"

#define P(x, y) FLEXO_POINT_INIT (x, y)

static GArray *
points_new (const FlexoPoint *p,
            guint             n)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (FlexoPoint));

  g_array_append_vals (a, p, n);
  return a;
}

/* The point of the chain (@w from @start to @end) at @u in [0, n]: the
 * segment floor(u), at the fraction of u. */
static FlexoPoint
chain_point (GArray     *w,
             FlexoPoint  start,
             FlexoPoint  end,
             double      u)
{
  guint n = (w->len + 1) / 3;
  guint k = MIN ((guint) floor (u), n - 1);
  const FlexoPoint *p = (const FlexoPoint *) (gconstpointer) w->data;
  FlexoPoint seg[4] = {
    k == 0 ? start : p[3 * k - 1], p[3 * k], p[3 * k + 1], 3 * k + 2 < w->len ? p[3 * k + 2] : end,
  };

  return flexo_bezier_point (seg, u - k);
}

/* The distance from @q to the chain, by the path's own exact measure. */
static double
distance_to_chain (GArray     *w,
                   FlexoPoint  start,
                   FlexoPoint  end,
                   FlexoPoint  q)
{
  g_autoptr(FlexoPath) path = flexo_path_new ();
  const FlexoPoint *p = (const FlexoPoint *) (gconstpointer) w->data;

  flexo_path_move_to (path, start.x, start.y);
  for (guint i = 0; i + 1 < w->len; i += 3)
    {
      FlexoPoint to = i + 2 < w->len ? p[i + 2] : end;

      flexo_path_curve_to (path, p[i].x, p[i].y, p[i + 1].x, p[i + 1].y, to.x, to.y);
    }
  return flexo_path_distance (path, q, NULL);
}

/* ------------------------------------------------------------ helpers -- */

START_TEST (test_chain_counts)
{
  ck_assert (!flexo_bezier_chain_is_valid (0));
  ck_assert (!flexo_bezier_chain_is_valid (1));
  ck_assert (flexo_bezier_chain_is_valid (2));
  ck_assert (!flexo_bezier_chain_is_valid (3));
  ck_assert (!flexo_bezier_chain_is_valid (4));
  ck_assert (flexo_bezier_chain_is_valid (5));
  ck_assert (flexo_bezier_chain_is_valid (8));
  ck_assert (!flexo_bezier_chain_is_joint (0, 5));
  ck_assert (!flexo_bezier_chain_is_joint (1, 5));
  ck_assert (flexo_bezier_chain_is_joint (2, 5));
  ck_assert (!flexo_bezier_chain_is_joint (4, 5));
  ck_assert (flexo_bezier_chain_is_joint (5, 8));
  ck_assert (!flexo_bezier_chain_is_joint (8, 8));
  ck_assert (!flexo_bezier_chain_is_joint (2, 4));
}
END_TEST

START_TEST (test_split_keeps_the_curve)
{
  const FlexoPoint p[4] = { P (0, 0), P (40, -120), P (160, 130), P (200, 10) };
  FlexoPoint left[4], right[4];
  const double t = 0.37;

  flexo_bezier_split (p, t, left, right);
  ck_assert_point (left[0], 0, 0, 0);
  ck_assert_point (right[3], 200, 10, 0);
  ck_assert_point (left[3], flexo_bezier_point (p, t).x, flexo_bezier_point (p, t).y, 1e-12);
  ck_assert_point (right[0], left[3].x, left[3].y, 0);
  for (guint i = 0; i <= 20; i++)
    {
      double u = i / 20.0;
      FlexoPoint a = flexo_bezier_point (left, u), b = flexo_bezier_point (p, u * t);
      FlexoPoint c = flexo_bezier_point (right, u), d = flexo_bezier_point (p, t + u * (1 - t));

      ck_assert_point (a, b.x, b.y, 1e-9);
      ck_assert_point (c, d.x, d.y, 1e-9);
    }
}
END_TEST

START_TEST (test_nearest)
{
  const FlexoPoint p[4] = { P (0, 0), P (40, -120), P (160, 130), P (200, 10) };
  FlexoPoint on = flexo_bezier_point (p, 0.6180);
  double d = -1;
  double t = flexo_bezier_nearest (p, on, &d);

  ck_assert_double_eq_tol (t, 0.6180, 1e-6);
  ck_assert_double_eq_tol (d, 0, 1e-6);
  /* Beyond the start: the start itself. */
  t = flexo_bezier_nearest (p, P (-50, 30), &d);
  ck_assert_double_eq_tol (t, 0, 1e-9);
  ck_assert_double_eq_tol (d, hypot (50, 30), 1e-9);
}
END_TEST

START_TEST (test_chain_split_and_merge)
{
  const FlexoPoint w[] = { P (30, -80), P (90, -80), P (120, 0), P (150, 80), P (270, 80) };
  FlexoPoint start = P (0, 0), end = P (300, 0);
  g_autoptr(GArray) a = points_new (w, G_N_ELEMENTS (w));
  g_autoptr(GArray) before = points_new (w, G_N_ELEMENTS (w));
  FlexoPoint near = chain_point (a, start, end, 1.25);
  guint joint = 0;

  near.y += 3;  /* beside the curve, not on it */
  ck_assert (flexo_bezier_chain_split (a, start, end, near, &joint));
  ck_assert_uint_eq (a->len, 8);
  ck_assert_uint_eq (joint, 5);
  ck_assert (flexo_bezier_chain_is_joint (joint, a->len));
  /* The new joint is on the curve, where it is nearest to the point. */
  ck_assert_double_lt (distance_to_chain (before, start, end, g_array_index (a, FlexoPoint, joint)), 1e-3);
  /* The curve is the same: every sample of one is on the other. */
  for (guint i = 0; i <= 60; i++)
    {
      ck_assert_double_lt (distance_to_chain (a, start, end, chain_point (before, start, end, i / 30.0)), 1e-3);
      ck_assert_double_lt (distance_to_chain (before, start, end, chain_point (a, start, end, i / 20.0)), 1e-3);
    }
  /* The first segment is as it was. */
  for (guint i = 0; i < 3; i++)
    ck_assert_point (g_array_index (a, FlexoPoint, i), w[i].x, w[i].y, 0);

  /* Removing the new joint gives the chain back. */
  ck_assert (flexo_bezier_chain_remove_joint (a, start, end, joint));
  ck_assert_uint_eq (a->len, 5);
  for (guint i = 0; i < 5; i++)
    ck_assert_point (g_array_index (a, FlexoPoint, i), w[i].x, w[i].y, 1e-9);

  /* Not a joint, or not a chain: nothing happens. */
  ck_assert (!flexo_bezier_chain_remove_joint (a, start, end, 1));
  ck_assert (!flexo_bezier_chain_remove_joint (a, start, end, 5));
  g_array_set_size (a, 4);
  ck_assert (!flexo_bezier_chain_split (a, start, end, near, NULL));
  ck_assert_uint_eq (a->len, 4);
}
END_TEST

START_TEST (test_merge_of_a_corner)
{
  /* Two segments meeting at a corner: one segment, its outer tangents
   * kept, its ends the chain's. */
  const FlexoPoint w[] = { P (0, -50), P (50, -100), P (100, -100), P (150, -100), P (200, -50) };
  g_autoptr(GArray) a = points_new (w, G_N_ELEMENTS (w));
  FlexoPoint c1, c2;

  g_array_index (a, FlexoPoint, 2) = P (100, -60);
  ck_assert (flexo_bezier_chain_remove_joint (a, P (0, 0), P (200, 0), 2));
  ck_assert_uint_eq (a->len, 2);
  c1 = g_array_index (a, FlexoPoint, 0);
  c2 = g_array_index (a, FlexoPoint, 1);
  ck_assert_double_eq_tol (c1.x, 0, 1e-9);
  ck_assert_double_lt (c1.y, -50);
  ck_assert_double_eq_tol (c2.x, 200, 1e-9);
  ck_assert_double_lt (c2.y, -50);
  ck_assert (isfinite (c1.y) && isfinite (c2.y));
}
END_TEST

START_TEST (test_chain_move)
{
  const FlexoPoint w[] = { P (30, -80), P (90, -80), P (120, 0), P (150, 80), P (270, 80) };
  g_autoptr(GArray) a = points_new (w, G_N_ELEMENTS (w));

  /* A joint carries its control points. */
  flexo_bezier_chain_move (a, 2, P (130, 20));
  ck_assert_point (g_array_index (a, FlexoPoint, 1), 100, -60, 0);
  ck_assert_point (g_array_index (a, FlexoPoint, 2), 130, 20, 0);
  ck_assert_point (g_array_index (a, FlexoPoint, 3), 160, 100, 0);
  ck_assert_point (g_array_index (a, FlexoPoint, 0), 30, -80, 0);
  ck_assert_point (g_array_index (a, FlexoPoint, 4), 270, 80, 0);
  /* A control point moves alone. */
  flexo_bezier_chain_move (a, 3, P (0, 0));
  ck_assert_point (g_array_index (a, FlexoPoint, 3), 0, 0, 0);
  ck_assert_point (g_array_index (a, FlexoPoint, 2), 130, 20, 0);
  ck_assert_point (g_array_index (a, FlexoPoint, 4), 270, 80, 0);
  /* Out of range: nothing. */
  flexo_bezier_chain_move (a, 5, P (1, 1));
  ck_assert_uint_eq (a->len, 5);
  /* Not a chain: every point alone. */
  g_array_set_size (a, 3);
  flexo_bezier_chain_move (a, 2, P (7, 7));
  ck_assert_point (g_array_index (a, FlexoPoint, 1), 100, -60, 0);
}
END_TEST

/* An arc's points are on its circle, its middle at the sagitta from the
 * chord's, on the side the sign says. */
static void
check_arc (FlexoPoint from,
           FlexoPoint to,
           double     sagitta,
           guint      expected_points)
{
  FlexoPoint w[FLEXO_BEZIER_ARC_MAX_POINTS];
  g_autoptr(GArray) a = NULL;
  guint n = flexo_bezier_arc (from, to, sagitta, w);
  double chord = flexo_point_distance (from, to), s = fabs (sagitta);
  double radius = (s * s + chord * chord / 4) / (2 * s);
  FlexoPoint normal = P (-(to.y - from.y) / chord, (to.x - from.x) / chord);
  FlexoPoint mid = P ((from.x + to.x) / 2, (from.y + to.y) / 2);
  FlexoPoint apex = P (mid.x + normal.x * sagitta, mid.y + normal.y * sagitta);
  FlexoPoint centre = P (apex.x - normal.x * radius * (sagitta > 0 ? 1 : -1),
                         apex.y - normal.y * radius * (sagitta > 0 ? 1 : -1));
  guint segments;

  ck_assert_uint_eq (n, expected_points);
  a = points_new (w, n);
  segments = (n + 1) / 3;
  for (guint i = 0; i <= 200 * segments; i++)
    {
      FlexoPoint p = chain_point (a, from, to, i / 200.0);

      ck_assert_msg (fabs (flexo_point_distance (p, centre) - radius) < 1e-3 * radius,
                     "(%g, %g) is %g from the centre, not %g", p.x, p.y, flexo_point_distance (p, centre), radius);
    }
  /* The apex is on the arc: as far as the sagitta from the chord's middle. */
  ck_assert_double_lt (distance_to_chain (a, from, to, apex), 1e-3 * radius);
}

START_TEST (test_arc)
{
  FlexoPoint w[FLEXO_BEZIER_ARC_MAX_POINTS];

  /* A half circle under a chord going right (y down: on its right). */
  check_arc (P (0, 0), P (200, 0), 100, 5);
  /* Above it, the other way round. */
  check_arc (P (0, 0), P (200, 0), -100, 5);
  /* Shallow: one segment. */
  check_arc (P (10, 20), P (130, 90), 12.5, 2);
  /* Most of a circle: four segments. */
  check_arc (P (284, 185), P (267, 188), 104.75, 11);
  /* The middle of a quarter circle above (0, 0)–(100, 0). */
  ck_assert_uint_eq (flexo_bezier_arc (P (0, 0), P (100, 0), -50, w), 5);
  ck_assert_point (w[2], 50, -50, 1e-9);
  /* None, or no chord: a straight line. */
  ck_assert_uint_eq (flexo_bezier_arc (P (0, 0), P (100, 0), 0, w), 0);
  ck_assert_uint_eq (flexo_bezier_arc (P (0, 0), P (100, 0), 1e-9, w), 0);
  ck_assert_uint_eq (flexo_bezier_arc (P (5, 5), P (5, 5), 10, w), 0);
  ck_assert_uint_eq (flexo_bezier_arc (P (0, 0), P (100, 0), NAN, w), 0);
}
END_TEST

START_TEST (test_chain_from_path)
{
  g_autoptr(FlexoPath) path = flexo_path_new ();
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (FlexoPoint));

  flexo_path_move_to (path, 0, 0);
  flexo_path_curve_to (path, 1, 2, 3, 4, 5, 6);
  flexo_path_curve_to (path, 7, 8, 9, 10, 11, 12);
  ck_assert (flexo_bezier_chain_from_path (path, a));
  ck_assert_uint_eq (a->len, 5);
  ck_assert_point (g_array_index (a, FlexoPoint, 0), 1, 2, 0);
  ck_assert_point (g_array_index (a, FlexoPoint, 2), 5, 6, 0);
  ck_assert_point (g_array_index (a, FlexoPoint, 4), 9, 10, 0);
  flexo_path_line_to (path, 20, 20);
  ck_assert (!flexo_bezier_chain_from_path (path, a));
  ck_assert_uint_eq (a->len, 5);
}
END_TEST

/* -------------------------------------------------------------- routes -- */

static const FlexoPoint chain[] = { P (50, -100), P (100, -100), P (150, 0), P (200, 100), P (250, 100) };

START_TEST (test_route_is_the_chain)
{
  FlexoRouteEnd source, target;
  g_autoptr(FlexoPath) route = flexo_path_new ();
  const FlexoPoint *p;
  FlexoPoint start_dir, end_dir;
  guint n = 0;

  flexo_route_end_init_point (&source, P (0, 0));
  flexo_route_end_init_point (&target, P (300, 0));
  flexo_route_compute (&source, &target, chain, G_N_ELEMENTS (chain), FLEXO_ROUTING_BEZIER, route,
                       &start_dir, &end_dir);
  ck_assert_uint_eq (flexo_path_get_n_ops (route), 3);
  ck_assert_int_eq (flexo_path_get_op (route, 0), FLEXO_PATH_MOVE_TO);
  ck_assert_int_eq (flexo_path_get_op (route, 1), FLEXO_PATH_CURVE_TO);
  ck_assert_int_eq (flexo_path_get_op (route, 2), FLEXO_PATH_CURVE_TO);
  p = flexo_path_get_points (route, &n);
  ck_assert_uint_eq (n, 7);
  ck_assert_point (p[0], 0, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (chain); i++)
    ck_assert_point (p[i + 1], chain[i].x, chain[i].y, 0);
  ck_assert_point (p[6], 300, 0, 0);
  /* Heads point along the control points: out of the start toward
   * (−1, 2)/√5, into the end along (1, −2)/√5. */
  ck_assert_point (start_dir, -1 / sqrt (5), 2 / sqrt (5), 1e-12);
  ck_assert_point (end_dir, 1 / sqrt (5), -2 / sqrt (5), 1e-12);
}
END_TEST

START_TEST (test_route_clipped_at_shapes)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(FlexoShape) a = flexo_shape_new (doc, &FLEXO_RECT_INIT (-100, -50, 100, 100));
  g_autoptr(FlexoShape) b = flexo_shape_new (doc, &FLEXO_RECT_INIT (300, -50, 100, 100));
  FlexoRouteEnd source, target;
  g_autoptr(FlexoPath) route = flexo_path_new ();
  const FlexoPoint w[] = { P (200, 50), P (450, 200) };
  const FlexoPoint *p;
  guint n = 0;

  flexo_route_end_init_shape (&source, a);
  flexo_route_end_init_shape (&target, b);
  /* The centre of a (−50, 0) toward the first control point: out of
   * its right side. */
  flexo_route_compute (&source, &target, w, G_N_ELEMENTS (w), FLEXO_ROUTING_BEZIER, route, NULL, NULL);
  p = flexo_path_get_points (route, &n);
  ck_assert_uint_eq (n, 4);
  ck_assert_int_eq (flexo_path_get_op (route, 1), FLEXO_PATH_CURVE_TO);
  ck_assert_point (p[0], 0, 10, 1e-9);
  ck_assert_point (p[1], 200, 50, 0);
  ck_assert_point (p[2], 450, 200, 0);
  /* The centre of b (350, 0) toward (450, 200): out of its bottom. */
  ck_assert_point (p[3], 375, 50, 1e-9);
}
END_TEST

/* With a count that is not 3n − 1, the route is the curved one; never a
 * failure. */
START_TEST (test_route_degraded_counts)
{
  const FlexoPoint w[] = { P (50, -100), P (100, -100), P (150, 0), P (200, 100) };
  FlexoRouteEnd source, target;

  flexo_route_end_init_point (&source, P (0, 0));
  flexo_route_end_init_point (&target, P (300, 0));
  for (guint n = 0; n <= G_N_ELEMENTS (w); n++)
    {
      g_autoptr(FlexoPath) bezier = flexo_path_new ();
      g_autoptr(FlexoPath) curved = flexo_path_new ();
      const FlexoPoint *pb, *pc;
      guint nb = 0, nc = 0;

      if (n == 2)
        continue;
      flexo_route_compute (&source, &target, w, n, FLEXO_ROUTING_BEZIER, bezier, NULL, NULL);
      flexo_route_compute (&source, &target, w, n, FLEXO_ROUTING_CURVED, curved, NULL, NULL);
      ck_assert_uint_eq (flexo_path_get_n_ops (bezier), flexo_path_get_n_ops (curved));
      pb = flexo_path_get_points (bezier, &nb);
      pc = flexo_path_get_points (curved, &nc);
      ck_assert_uint_eq (nb, nc);
      ck_assert_uint_ge (nb, 4);
      for (guint i = 0; i < nb; i++)
        ck_assert_point (pb[i], pc[i].x, pc[i].y, 0);
      ck_assert_point (pb[0], 0, 0, 0);
      ck_assert_point (pb[nb - 1], 300, 0, 0);
    }
}
END_TEST

/* The connector's bounds hold its curve, which goes beyond its ends; its
 * box in the spatial index holds them too. */
START_TEST (test_connector_bounds_hold_the_curve)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(FlexoDiagram) diagram = flexo_diagram_new (doc, "D");
  g_autoptr(FlexoConnector) c = flexo_connector_new (doc, NULL, NULL);
  g_autoptr(FlexoStyle) style = flexo_style_new ();
  FlexoRect bounds, indexed;

  flexo_document_begin (doc, "Add");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  flexo_connector_set_source_point (c, P (0, 0));
  flexo_connector_set_target_point (c, P (300, 0));
  flexo_connector_set_waypoints (c, chain, G_N_ELEMENTS (chain));
  flexo_style_set_routing (style, FLEXO_ROUTING_BEZIER);
  flexo_connector_set_style (c, style);
  flexo_diagram_add_item (diagram, c);
  flexo_document_commit (doc);

  ck_assert (flexo_connector_get_route_bounds (c, &bounds));
  /* The first segment reaches y = −75 at t = 1/2 (the extreme), the
   * second +75. */
  ck_assert_double_eq_tol (bounds.y, -75, 1e-6);
  ck_assert_double_eq_tol (bounds.y + bounds.height, 75, 1e-6);
  ck_assert_double_eq_tol (bounds.x, 0, 1e-6);
  ck_assert_double_eq_tol (bounds.x + bounds.width, 300, 1e-6);
  ck_assert (flexo_spatial_index_get_bounds (flexo_diagram_get_connector_index (diagram), c, &indexed));
  ck_assert_msg (flexo_rect_contains_rect (&indexed, &bounds), "(%g, %g, %g, %g) not in (%g, %g, %g, %g)",
                 bounds.x, bounds.y, bounds.width, bounds.height, indexed.x, indexed.y, indexed.width, indexed.height);
  /* Both free ends too, and every control point. */
  ck_assert (flexo_rect_contains (&indexed, P (0, 0)));
  ck_assert (flexo_rect_contains (&indexed, P (300, 0)));
  for (guint i = 0; i < G_N_ELEMENTS (chain); i++)
    ck_assert (flexo_rect_contains (&indexed, chain[i]));
  /* The label sits on the curve, half way along (by symmetry, the joint). */
  ck_assert_point (flexo_connector_label_position (c, FLEXO_LABEL_MIDDLE), 150, 0, 0.05);
}
END_TEST

/* Switched to another routing, a chain's control points are ordinary
 * waypoints: a straight route goes through each of them. */
START_TEST (test_other_routings_take_the_points)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(FlexoConnector) c = flexo_connector_new (doc, NULL, NULL);

  flexo_connector_set_source_point (c, P (0, 0));
  flexo_connector_set_target_point (c, P (300, 0));
  flexo_connector_set_waypoints (c, chain, G_N_ELEMENTS (chain));
  for (FlexoRouting routing = 0; routing < FLEXO_N_ROUTINGS; routing++)
    {
      g_autoptr(FlexoStyle) style = flexo_style_new ();
      g_autoptr(FlexoPath) route = flexo_path_new ();
      const FlexoPoint *p;
      guint n = 0;

      flexo_style_set_routing (style, routing);
      flexo_connector_set_style (c, style);
      flexo_connector_compute_route (c, route, NULL, NULL);
      p = flexo_path_get_points (route, &n);
      ck_assert_uint_ge (n, 2);
      ck_assert_point (p[0], 0, 0, 0);
      ck_assert_point (p[n - 1], 300, 0, 0);
      if (routing == FLEXO_ROUTING_STRAIGHT)
        {
          ck_assert_uint_eq (n, 7);
          ck_assert_int_eq (flexo_path_get_op (route, 1), FLEXO_PATH_LINE_TO);
          for (guint i = 0; i < G_N_ELEMENTS (chain); i++)
            ck_assert_point (p[i + 1], chain[i].x, chain[i].y, 0);
        }
    }
}
END_TEST

static Suite *
bezier_suite (void)
{
  Suite *s = suite_create ("bezier");
  TCase *tc = tcase_create ("chains");
  TCase *routes = tcase_create ("routes");

  tcase_add_test (tc, test_chain_counts);
  tcase_add_test (tc, test_split_keeps_the_curve);
  tcase_add_test (tc, test_nearest);
  tcase_add_test (tc, test_chain_split_and_merge);
  tcase_add_test (tc, test_merge_of_a_corner);
  tcase_add_test (tc, test_chain_move);
  tcase_add_test (tc, test_arc);
  tcase_add_test (tc, test_chain_from_path);
  suite_add_tcase (s, tc);
  tcase_add_test (routes, test_route_is_the_chain);
  tcase_add_test (routes, test_route_clipped_at_shapes);
  tcase_add_test (routes, test_route_degraded_counts);
  tcase_add_test (routes, test_connector_bounds_hold_the_curve);
  tcase_add_test (routes, test_other_routings_take_the_points);
  suite_add_tcase (s, routes);
  return s;
}

int
main (void)
{
  return flexo_test_run (bezier_suite ());
}
