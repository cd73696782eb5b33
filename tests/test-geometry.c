/* test-geometry.c — points and rectangles
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-geometry.h"
#include "flexo-test.h"

#define assert_rect_eq(r, X, Y, W, H) \
  G_STMT_START { \
    ck_assert_double_eq ((r).x, (X)); \
    ck_assert_double_eq ((r).y, (Y)); \
    ck_assert_double_eq ((r).width, (W)); \
    ck_assert_double_eq ((r).height, (H)); \
  } G_STMT_END

START_TEST (test_rect_from_points_any_corner_order)
{
  FlexoRect r = flexo_rect_from_points ((FlexoPoint) { 50, 10 }, (FlexoPoint) { 20, 40 });

  assert_rect_eq (r, 20, 10, 30, 30);
}
END_TEST

START_TEST (test_rect_normalize_negative_size)
{
  FlexoRect r = flexo_rect_normalize (FLEXO_RECT_INIT (100, 100, -40, -10));

  assert_rect_eq (r, 60, 90, 40, 10);
}
END_TEST

START_TEST (test_rect_contains_edges_and_outside)
{
  FlexoRect r = FLEXO_RECT_INIT (0, 0, 10, 20);
  FlexoRect empty = FLEXO_RECT_INIT (0, 0, 0, 20);

  ck_assert (flexo_rect_contains (&r, (FlexoPoint) { 0, 0 }));
  ck_assert (flexo_rect_contains (&r, (FlexoPoint) { 10, 20 }));
  ck_assert (flexo_rect_contains (&r, (FlexoPoint) { 5, 7 }));
  ck_assert (!flexo_rect_contains (&r, (FlexoPoint) { 10.01, 5 }));
  ck_assert (!flexo_rect_contains (&r, (FlexoPoint) { 5, -0.01 }));
  ck_assert (!flexo_rect_contains (&empty, (FlexoPoint) { 0, 0 }));
}
END_TEST

START_TEST (test_rect_intersection)
{
  FlexoRect a = FLEXO_RECT_INIT (0, 0, 10, 10);
  FlexoRect b = FLEXO_RECT_INIT (5, 8, 10, 10);
  FlexoRect c = FLEXO_RECT_INIT (20, 20, 5, 5);
  FlexoRect out;

  ck_assert (flexo_rect_intersection (&a, &b, &out));
  assert_rect_eq (out, 5, 8, 5, 2);
  ck_assert (flexo_rect_intersects (&b, &a));
  ck_assert (!flexo_rect_intersects (&a, &c));
  ck_assert (!flexo_rect_intersection (&c, &a, &out));
}
END_TEST

START_TEST (test_rect_union_ignores_empty)
{
  FlexoRect a = FLEXO_RECT_INIT (0, 0, 10, 10);
  FlexoRect b = FLEXO_RECT_INIT (-5, 20, 10, 10);
  FlexoRect empty = FLEXO_RECT_INIT (1000, 1000, 0, 0);
  FlexoRect u = flexo_rect_union (&a, &b);

  assert_rect_eq (u, -5, 0, 15, 30);
  u = flexo_rect_union (&empty, &a);
  assert_rect_eq (u, 0, 0, 10, 10);
  u = flexo_rect_union (&a, &empty);
  assert_rect_eq (u, 0, 0, 10, 10);
}
END_TEST

START_TEST (test_rect_contains_rect)
{
  FlexoRect outer = FLEXO_RECT_INIT (0, 0, 100, 100);
  FlexoRect inner = FLEXO_RECT_INIT (10, 10, 20, 20);
  FlexoRect straddling = FLEXO_RECT_INIT (90, 90, 20, 20);

  ck_assert (flexo_rect_contains_rect (&outer, &inner));
  ck_assert (!flexo_rect_contains_rect (&inner, &outer));
  ck_assert (!flexo_rect_contains_rect (&outer, &straddling));
}
END_TEST

START_TEST (test_rect_inflate_and_center)
{
  FlexoRect r = FLEXO_RECT_INIT (10, 10, 20, 40);
  FlexoRect grown = flexo_rect_inflate (&r, 5, 2);
  FlexoRect shrunk = flexo_rect_inflate (&r, -15, 0);
  FlexoPoint c = flexo_rect_center (&r);

  assert_rect_eq (grown, 5, 8, 30, 44);
  ck_assert (flexo_rect_is_empty (&shrunk));
  ck_assert_double_eq (c.x, 20);
  ck_assert_double_eq (c.y, 30);
  ck_assert_double_eq_tol (flexo_point_distance ((FlexoPoint) { 0, 0 }, (FlexoPoint) { 3, 4 }), 5, 1e-12);
}
END_TEST

static Suite *
geometry_suite (void)
{
  Suite *s = suite_create ("geometry");
  TCase *tc = tcase_create ("rect");

  tcase_add_test (tc, test_rect_from_points_any_corner_order);
  tcase_add_test (tc, test_rect_normalize_negative_size);
  tcase_add_test (tc, test_rect_contains_edges_and_outside);
  tcase_add_test (tc, test_rect_intersection);
  tcase_add_test (tc, test_rect_union_ignores_empty);
  tcase_add_test (tc, test_rect_contains_rect);
  tcase_add_test (tc, test_rect_inflate_and_center);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return flexo_test_run (geometry_suite ());
}
