/* test-outline.c — paths and the outline of each shape kind
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "flexo-outline.h"
#include "flexo-test.h"

static const FlexoRect boxes[] = {
  { 10, 20, 200, 100 },  /* wide */
  { 0, 0, 100, 100 },    /* square */
  { -50, 30, 60, 140 },  /* tall */
  { 5, 5, 2, 2 },        /* tiny */
};

#define RADIUS 8.0

enum { TOP = 1 << FLEXO_SIDE_TOP, RIGHT = 1 << FLEXO_SIDE_RIGHT,
       BOTTOM = 1 << FLEXO_SIDE_BOTTOM, LEFT = 1 << FLEXO_SIDE_LEFT,
       ALL = TOP | RIGHT | BOTTOM | LEFT };

static const char *
kind_name (FlexoShapeKind kind)
{
  return flexo_shape_kind_to_string (kind);
}

/* The free form the tests give FLEXO_SHAPE_FREEFORM: concave (a notch
 * rising from the bottom), with a curve; it touches every side of its box
 * and holds its centre. */
static const char test_form_data[] =
  "M 0.5 0 C 0.8 0 1 0.2 1 0.5 L 0.8 1 L 0.5 0.7 L 0.2 1 L 0 0.4 Z";

static const FlexoPath *
test_form (void)
{
  static FlexoPath *form;

  if (form == NULL)
    form = flexo_path_new_from_data (test_form_data, NULL);
  return form;
}

/* The form to pass for @kind. */
#define FORM(kind) ((kind) == FLEXO_SHAPE_FREEFORM ? test_form () : NULL)

static FlexoPath *
outline (FlexoShapeKind   kind,
         const FlexoRect *box)
{
  FlexoPath *path = flexo_path_new ();

  flexo_outline_build (kind, box, RADIUS, FORM (kind), path);
  return path;
}

/* The sides of @box that the outline of @kind must touch. */
static guint
expected_sides (FlexoShapeKind   kind,
                const FlexoRect *box)
{
  switch (kind)
    {
    case FLEXO_SHAPE_CIRCLE:
      if (box->width > box->height)
        return TOP | BOTTOM;
      if (box->height > box->width)
        return LEFT | RIGHT;
      return ALL;
    case FLEXO_SHAPE_ACTOR:
      return box->width <= 0.6 * box->height ? ALL : TOP | BOTTOM;
    default:
      return ALL;
    }
}

static guint
touched_sides (const FlexoRect *bounds,
               const FlexoRect *box)
{
  guint sides = 0;

  if (fabs (bounds->y - box->y) <= 1e-6)
    sides |= TOP;
  if (fabs (bounds->x + bounds->width - (box->x + box->width)) <= 1e-6)
    sides |= RIGHT;
  if (fabs (bounds->y + bounds->height - (box->y + box->height)) <= 1e-6)
    sides |= BOTTOM;
  if (fabs (bounds->x - box->x) <= 1e-6)
    sides |= LEFT;
  return sides;
}

static FlexoPoint
box_center (const FlexoRect *box)
{
  return flexo_rect_center (box);
}

static double
line_distance (FlexoPoint p,
               FlexoPoint a,
               FlexoPoint b)
{
  double dx = b.x - a.x, dy = b.y - a.y;

  return fabs ((p.x - a.x) * dy - (p.y - a.y) * dx) / hypot (dx, dy);
}

/* Independent of the implementation's curve intersection: the hit of the
 * segment from → to with a flattened (lines only) path closest to @to. */
static gboolean
polyline_last_hit (const FlexoPath *flat,
                   FlexoPoint       from,
                   FlexoPoint       to,
                   FlexoPoint      *out)
{
  FlexoPathIter iter;
  FlexoPathOp op;
  const FlexoPoint *p;
  FlexoPoint start = { 0, 0 }, cur = { 0, 0 };
  double best = -1;

  flexo_path_iter_init (&iter, flat);
  while (flexo_path_iter_next (&iter, &op, &p))
    {
      FlexoPoint next;
      double dx, dy, ex, ey, den, t, u;

      ck_assert_int_ne (op, FLEXO_PATH_CURVE_TO);
      if (op == FLEXO_PATH_MOVE_TO)
        {
          start = cur = p[0];
          continue;
        }
      next = op == FLEXO_PATH_LINE_TO ? p[0] : start;
      dx = to.x - from.x;
      dy = to.y - from.y;
      ex = next.x - cur.x;
      ey = next.y - cur.y;
      den = dx * ey - dy * ex;
      if (den != 0)
        {
          t = ((cur.x - from.x) * ey - (cur.y - from.y) * ex) / den;
          u = ((cur.x - from.x) * dy - (cur.y - from.y) * dx) / den;
          if (t >= -1e-9 && t <= 1 + 1e-9 && u >= -1e-9 && u <= 1 + 1e-9 && t > best)
            {
              best = t;
              *out = (FlexoPoint) { from.x + t * dx, from.y + t * dy };
            }
        }
      cur = next;
    }
  return best >= 0;
}

/* ---------------------------------------------------------------- paths -- */

START_TEST (test_path_builder_semantics)
{
  g_autoptr(FlexoPath) path = flexo_path_new ();
  FlexoPathIter iter;
  FlexoPathOp op;
  const FlexoPoint *p;
  guint n_points = 0, total = 0;

  ck_assert (flexo_path_is_empty (path));
  flexo_path_close_path (path);              /* no current point: nothing */
  ck_assert_uint_eq (flexo_path_get_n_ops (path), 0);

  flexo_path_line_to (path, 1, 2);           /* no current point: a move_to */
  flexo_path_move_to (path, 3, 4);           /* collapses with it */
  flexo_path_line_to (path, 5, 6);
  flexo_path_close_path (path);
  flexo_path_line_to (path, 7, 8);           /* after close: explicit move_to (3, 4) */
  flexo_path_curve_to (path, 1, 1, 2, 2, 3, 3);

  ck_assert_uint_eq (flexo_path_get_n_ops (path), 6);
  ck_assert_int_eq (flexo_path_get_op (path, 0), FLEXO_PATH_MOVE_TO);
  ck_assert_int_eq (flexo_path_get_op (path, 1), FLEXO_PATH_LINE_TO);
  ck_assert_int_eq (flexo_path_get_op (path, 2), FLEXO_PATH_CLOSE_PATH);
  ck_assert_int_eq (flexo_path_get_op (path, 3), FLEXO_PATH_MOVE_TO);
  ck_assert_int_eq (flexo_path_get_op (path, 4), FLEXO_PATH_LINE_TO);
  ck_assert_int_eq (flexo_path_get_op (path, 5), FLEXO_PATH_CURVE_TO);

  p = flexo_path_get_points (path, &n_points);
  ck_assert_uint_eq (n_points, 7);
  ck_assert_double_eq (p[0].x, 3);
  ck_assert_double_eq (p[2].x, 3);           /* the inserted move_to */
  ck_assert_double_eq (p[2].y, 4);
  ck_assert_double_eq (p[6].y, 3);

  flexo_path_iter_init (&iter, path);
  while (flexo_path_iter_next (&iter, &op, &p))
    {
      total += flexo_path_op_n_points (op);
      ck_assert ((p == NULL) == (op == FLEXO_PATH_CLOSE_PATH));
    }
  ck_assert_uint_eq (total, n_points);

  /* curve_to without a current point moves to its first control point. */
  flexo_path_clear (path);
  ck_assert (flexo_path_is_empty (path));
  flexo_path_curve_to (path, 1, 2, 3, 4, 5, 6);
  ck_assert_uint_eq (flexo_path_get_n_ops (path), 2);
  p = flexo_path_get_points (path, NULL);
  ck_assert_double_eq (p[0].x, 1);
  ck_assert_double_eq (p[0].y, 2);
}
END_TEST

START_TEST (test_path_copy_and_append)
{
  g_autoptr(FlexoPath) a = flexo_path_new ();
  g_autoptr(FlexoPath) b = NULL;
  g_autoptr(FlexoPath) c = flexo_path_new ();
  FlexoRect r = FLEXO_RECT_INIT (0, 0, 10, 5);
  FlexoRect bounds;

  flexo_path_rectangle (a, &r);
  b = flexo_path_copy (a);
  flexo_path_line_to (a, 100, 100);          /* the copy does not change */
  ck_assert_uint_eq (flexo_path_get_n_ops (b), 5);
  ck_assert_uint_eq (flexo_path_get_n_ops (a), 7);

  flexo_path_append (c, b);
  flexo_path_append (c, b);
  ck_assert_uint_eq (flexo_path_get_n_ops (c), 10);
  ck_assert (flexo_path_get_bounds (c, &bounds));
  ck_assert_double_eq (bounds.width, 10);
  ck_assert_double_eq (bounds.height, 5);
}
END_TEST

START_TEST (test_path_bounds_are_exact)
{
  g_autoptr(FlexoPath) path = flexo_path_new ();
  FlexoRect bounds;

  ck_assert (!flexo_path_get_bounds (path, &bounds));
  /* The control points reach y = 100, the curve only 75. */
  flexo_path_move_to (path, 0, 0);
  flexo_path_curve_to (path, 0, 100, 100, 100, 100, 0);
  ck_assert (flexo_path_get_bounds (path, &bounds));
  ck_assert_double_eq_tol (bounds.x, 0, 1e-12);
  ck_assert_double_eq_tol (bounds.y, 0, 1e-12);
  ck_assert_double_eq_tol (bounds.width, 100, 1e-12);
  ck_assert_double_eq_tol (bounds.height, 75, 1e-12);
}
END_TEST

/* Distance from @p to the ellipse of centre c and semi-axes a, b (first
 * order, exact enough for points close to it). */
static double
ellipse_distance (FlexoPoint p,
                  FlexoPoint c,
                  double     a,
                  double     b)
{
  double x = p.x - c.x, y = p.y - c.y;
  double f = x * x / (a * a) + y * y / (b * b) - 1;
  double gx = 2 * x / (a * a), gy = 2 * y / (b * b);

  return fabs (f) / hypot (gx, gy);
}

START_TEST (test_flatten_honours_tolerance)
{
  const FlexoRect box = boxes[0];
  const FlexoPoint c = box_center (&box);
  const double a = box.width / 2, b = box.height / 2;
  const double tolerances[] = { 2, 0.5, 0.1, 0.01, 0.001 };
  g_autoptr(FlexoPath) path = outline (FLEXO_SHAPE_ELLIPSE, &box);
  guint previous = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tolerances); i++)
    {
      double tol = tolerances[i];
      g_autoptr(FlexoPath) flat = flexo_path_flatten (path, tol);
      FlexoPathIter iter;
      FlexoPathOp op;
      const FlexoPoint *p;
      FlexoPoint cur = { 0, 0 }, start = { 0, 0 };
      double worst = 0;
      guint n_lines = 0;

      flexo_path_iter_init (&iter, flat);
      while (flexo_path_iter_next (&iter, &op, &p))
        {
          FlexoPoint next;

          ck_assert_int_ne (op, FLEXO_PATH_CURVE_TO);
          if (op == FLEXO_PATH_MOVE_TO)
            {
              cur = start = p[0];
              continue;
            }
          next = op == FLEXO_PATH_LINE_TO ? p[0] : start;
          /* Vertices lie on the (approximated) ellipse… */
          ck_assert_double_le (ellipse_distance (next, c, a, b), 1e-4);
          /* …and no point of the polyline is farther than tol from it. */
          for (guint s = 0; s <= 32; s++)
            {
              FlexoPoint q = { cur.x + (next.x - cur.x) * s / 32, cur.y + (next.y - cur.y) * s / 32 };

              worst = MAX (worst, ellipse_distance (q, c, a, b));
            }
          cur = next;
          n_lines++;
        }

      ck_assert_msg (worst < tol, "tolerance %g: %g away", tol, worst);
      /* Adaptive: finer tolerances need more lines, and not absurdly many. */
      ck_assert_uint_gt (n_lines, previous);
      ck_assert_uint_lt (n_lines, 4 * sqrt (300 / tol) + 16);
      previous = n_lines;
    }
}
END_TEST

START_TEST (test_flatten_cubic_both_ways)
{
  g_autoptr(FlexoPath) path = flexo_path_new ();
  g_autoptr(FlexoPath) flat = NULL;
  const double tol = 0.05;
  FlexoPoint curve[401];

  flexo_path_move_to (path, 0, 0);
  flexo_path_curve_to (path, 300, -50, -200, 200, 100, 100);
  flat = flexo_path_flatten (path, tol);

  for (guint i = 0; i <= 400; i++)
    {
      double t = i / 400.0, mt = 1 - t;

      curve[i].x = 3 * mt * mt * t * 300 + 3 * mt * t * t * -200 + t * t * t * 100;
      curve[i].y = 3 * mt * mt * t * -50 + 3 * mt * t * t * 200 + t * t * t * 100;
      /* Every point of the curve is near the polyline. */
      ck_assert_double_le (flexo_path_distance (flat, curve[i], NULL), tol + 1e-9);
    }
  /* Every vertex of the polyline is on the curve (the exact distance). */
  {
    guint n;
    const FlexoPoint *p = flexo_path_get_points (flat, &n);

    ck_assert_uint_gt (n, 8);
    for (guint i = 0; i < n; i++)
      ck_assert_double_le (flexo_path_distance (path, p[i], NULL), 1e-6);
  }
}
END_TEST

/* ------------------------------------------------------------- outlines -- */

START_TEST (test_outline_closed_within_box)
{
  FlexoShapeKind kind = _i;

  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    {
      const FlexoRect *box = &boxes[b];
      g_autoptr(FlexoPath) path = outline (kind, box);
      FlexoRect bounds;
      guint n_ops = flexo_path_get_n_ops (path);

      /* One closed subpath. */
      ck_assert_uint_ge (n_ops, 3);
      ck_assert_int_eq (flexo_path_get_op (path, 0), FLEXO_PATH_MOVE_TO);
      ck_assert_int_eq (flexo_path_get_op (path, n_ops - 1), FLEXO_PATH_CLOSE_PATH);
      for (guint i = 1; i + 1 < n_ops; i++)
        ck_assert_msg (flexo_path_get_op (path, i) == FLEXO_PATH_LINE_TO ||
                       flexo_path_get_op (path, i) == FLEXO_PATH_CURVE_TO,
                       "%s: op %u", kind_name (kind), i);

      ck_assert (flexo_path_get_bounds (path, &bounds));
      ck_assert_msg (bounds.x >= box->x - 1e-6 && bounds.y >= box->y - 1e-6 &&
                     bounds.x + bounds.width <= box->x + box->width + 1e-6 &&
                     bounds.y + bounds.height <= box->y + box->height + 1e-6,
                     "%s out of box %u", kind_name (kind), b);
      ck_assert_msg (touched_sides (&bounds, box) == expected_sides (kind, box),
                     "%s in box %u touches sides %#x, expected %#x", kind_name (kind), b,
                     touched_sides (&bounds, box), expected_sides (kind, box));
    }
}
END_TEST

START_TEST (test_outline_contains_centre_not_outside)
{
  FlexoShapeKind kind = _i;

  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    {
      const FlexoRect *box = &boxes[b];
      FlexoPoint c = box_center (box);
      double e = 1e-3;
      double x0 = box->x - e, x1 = box->x + box->width + e;
      double y0 = box->y - e, y1 = box->y + box->height + e;
      FlexoPoint outside[] = {
        { x0, y0 }, { c.x, y0 }, { x1, y0 }, { x1, c.y },
        { x1, y1 }, { c.x, y1 }, { x0, y1 }, { x0, c.y },
      };

      ck_assert_msg (flexo_outline_contains (kind, box, RADIUS, FORM (kind), c, 0),
                     "%s: centre of box %u", kind_name (kind), b);
      for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
        ck_assert_msg (!flexo_outline_contains (kind, box, RADIUS, FORM (kind), outside[i], 0),
                       "%s: point %u outside box %u", kind_name (kind), i, b);
    }
}
END_TEST

START_TEST (test_outline_clip_on_outline_nearest_to_toward)
{
  FlexoShapeKind kind = _i;

  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    {
      const FlexoRect *box = &boxes[b];
      g_autoptr(FlexoPath) path = outline (kind, box);
      g_autoptr(FlexoPath) flat = flexo_path_flatten (path, 1e-4);
      FlexoPoint c = box_center (box);
      double far = 10 * MAX (box->width, box->height);

      for (guint i = 0; i < 16; i++)
        {
          double angle = i * G_PI / 8 + 0.01;
          FlexoPoint toward = { c.x + far * cos (angle), c.y + far * sin (angle) };
          FlexoPoint q, expected;

          ck_assert_msg (flexo_outline_clip (kind, box, RADIUS, FORM (kind), c, toward, &q),
                         "%s box %u ray %u", kind_name (kind), b, i);
          /* On the outline and on the segment… */
          ck_assert_double_lt (flexo_path_distance (flat, q, NULL), 1e-3);
          ck_assert_double_lt (line_distance (q, c, toward), 1e-6);
          /* …and the crossing closest to toward. */
          ck_assert (polyline_last_hit (flat, c, toward, &expected));
          ck_assert_msg (flexo_point_distance (q, expected) < 1e-3,
                         "%s box %u ray %u: (%g, %g) instead of (%g, %g)", kind_name (kind), b, i,
                         q.x, q.y, expected.x, expected.y);
          /* Just beyond it is outside. */
          {
            double d = flexo_point_distance (c, toward);
            FlexoPoint beyond = { q.x + (toward.x - c.x) / d * 1e-3 * box->width,
                                  q.y + (toward.y - c.y) / d * 1e-3 * box->width };

            ck_assert (!flexo_outline_contains (kind, box, RADIUS, FORM (kind), beyond, 0));
          }
        }
    }
}
END_TEST

START_TEST (test_clip_rectangle_analytic)
{
  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    {
      const FlexoRect *box = &boxes[b];
      FlexoPoint c = box_center (box);

      for (guint i = 0; i < 16; i++)
        {
          double angle = i * G_PI / 8 + 0.2;
          double dx = cos (angle), dy = sin (angle);
          double s = MIN (box->width / 2 / fabs (dx), box->height / 2 / fabs (dy));
          FlexoPoint toward = { c.x + 1000 * dx, c.y + 1000 * dy };
          FlexoPoint q;

          ck_assert (flexo_outline_clip (FLEXO_SHAPE_RECTANGLE, box, 0, NULL, c, toward, &q));
          ck_assert_double_eq_tol (q.x, c.x + s * dx, 1e-9);
          ck_assert_double_eq_tol (q.y, c.y + s * dy, 1e-9);
        }
    }
}
END_TEST

START_TEST (test_clip_ellipse_analytic)
{
  const FlexoRect ellipse_boxes[] = { boxes[0], boxes[2], boxes[3], { 0, 0, 2000, 600 } };

  for (guint b = 0; b < G_N_ELEMENTS (ellipse_boxes); b++)
    {
      const FlexoRect *box = &ellipse_boxes[b];
      FlexoPoint c = box_center (box);
      double a = box->width / 2, bb = box->height / 2;

      for (guint i = 0; i < 16; i++)
        {
          double angle = i * G_PI / 8 + 0.1;
          double dx = cos (angle), dy = sin (angle);
          double s = 1 / sqrt (dx * dx / (a * a) + dy * dy / (bb * bb));
          FlexoPoint toward = { c.x + 10000 * dx, c.y + 10000 * dy };
          FlexoPoint q;

          ck_assert (flexo_outline_clip (FLEXO_SHAPE_ELLIPSE, box, 0, NULL, c, toward, &q));
          ck_assert_double_eq_tol (q.x, c.x + s * dx, 1e-3);
          ck_assert_double_eq_tol (q.y, c.y + s * dy, 1e-3);
        }
    }
}
END_TEST

/* The vertices of an outline nearest to the centre of its box. */
static void
inner_vertices (FlexoShapeKind   kind,
                const FlexoRect *box,
                FlexoPoint      *inner,
                guint            n_inner)
{
  g_autoptr(FlexoPath) path = outline (kind, box);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (FlexoPoint));
  FlexoPoint c = box_center (box);
  guint n;
  const FlexoPoint *p = flexo_path_get_points (path, &n);

  g_array_append_vals (points, p, n);
  for (guint i = 0; i < n_inner; i++)
    {
      guint best = 0;

      for (guint j = 1; j < points->len; j++)
        if (flexo_point_distance (g_array_index (points, FlexoPoint, j), c) <
            flexo_point_distance (g_array_index (points, FlexoPoint, best), c))
          best = j;
      inner[i] = g_array_index (points, FlexoPoint, best);
      g_array_remove_index (points, best);
    }
}

START_TEST (test_clip_stops_in_notches)
{
  struct { FlexoShapeKind kind; guint n; } concave[] = {
    { FLEXO_SHAPE_STAR, 5 },
    { FLEXO_SHAPE_CROSS, 4 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (concave); k++)
    for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
      {
        const FlexoRect *box = &boxes[b];
        FlexoPoint c = box_center (box);
        FlexoPoint notch[5];

        inner_vertices (concave[k].kind, box, notch, concave[k].n);
        /* Deep notches: a star's inner radius is 0.38–0.5 of its outer one. */
        if (concave[k].kind == FLEXO_SHAPE_STAR && box->width == box->height)
          for (guint i = 0; i < concave[k].n; i++)
            ck_assert_double_lt (flexo_point_distance (notch[i], c), 0.7 * box->height / 2);
        for (guint i = 0; i < concave[k].n; i++)
          {
            FlexoPoint toward = { c.x + 20 * (notch[i].x - c.x), c.y + 20 * (notch[i].y - c.y) };
            FlexoPoint q;

            ck_assert (flexo_outline_clip (concave[k].kind, box, 0, NULL, c, toward, &q));
            ck_assert_msg (flexo_point_distance (q, notch[i]) < 1e-9 * box->width,
                           "%s box %u notch %u: (%g, %g) instead of (%g, %g)",
                           kind_name (concave[k].kind), b, i, q.x, q.y, notch[i].x, notch[i].y);
          }
      }
}
END_TEST

/* Boxes are clipped without building their outline: the same answers as
 * the general way, on points around, on and inside the box, along its
 * sides and through its corners. */
START_TEST (test_clip_box_fast_path_agrees)
{
  GRand *rand = g_rand_new_with_seed (7);
  static const FlexoShapeKind kinds[] = { FLEXO_SHAPE_RECTANGLE, FLEXO_SHAPE_CLASS, FLEXO_SHAPE_TEXT,
                                          FLEXO_SHAPE_CONTAINER };

  for (guint k = 0; k < 20000; k++)
    {
      FlexoRect box = { g_rand_int_range (rand, -50, 50), g_rand_int_range (rand, -50, 50),
                        g_rand_int_range (rand, 1, 80), g_rand_int_range (rand, 1, 80) };
      g_autoptr(FlexoPath) outline = flexo_path_new ();
      FlexoPoint ends[2], fast = { 0, 0 }, slow = { 0, 0 };
      gboolean fast_ok, slow_ok;
      double eps = 1e-9 * MAX (box.width, box.height);

      for (guint e = 0; e < 2; e++)
        {
          /* On a grid of quarters, so that sides and corners are hit. */
          ends[e].x = box.x + box.width * g_rand_int_range (rand, -4, 9) / 4.0;
          ends[e].y = box.y + box.height * g_rand_int_range (rand, -4, 9) / 4.0;
        }
      fast_ok = flexo_outline_clip (kinds[k % G_N_ELEMENTS (kinds)], &box, 0, NULL, ends[0], ends[1], &fast);
      flexo_outline_build (FLEXO_SHAPE_RECTANGLE, &box, 0, NULL, outline);
      slow_ok = !(flexo_path_contains_point (outline, ends[1]) && flexo_path_distance (outline, ends[1], NULL) > eps) &&
                flexo_path_last_intersection (outline, ends[0], ends[1], &slow);
      ck_assert_msg (fast_ok == slow_ok, "box %g,%g %gx%g, %g,%g → %g,%g: %d, not %d", box.x, box.y, box.width,
                     box.height, ends[0].x, ends[0].y, ends[1].x, ends[1].y, fast_ok, slow_ok);
      if (fast_ok)
        ck_assert_msg (fabs (fast.x - slow.x) < 1e-9 && fabs (fast.y - slow.y) < 1e-9,
                       "box %g,%g %gx%g, %g,%g → %g,%g: %g,%g, not %g,%g", box.x, box.y, box.width, box.height,
                       ends[0].x, ends[0].y, ends[1].x, ends[1].y, fast.x, fast.y, slow.x, slow.y);
    }
  g_rand_free (rand);
}
END_TEST

START_TEST (test_clip_refusals)
{
  const FlexoRect box = boxes[0];
  const FlexoRect empty = FLEXO_RECT_INIT (0, 0, 0, 10);
  FlexoPoint c = box_center (&box);
  FlexoPoint q;

  /* toward inside */
  ck_assert (!flexo_outline_clip (FLEXO_SHAPE_RECTANGLE, &box, 0, NULL, c, (FlexoPoint) { c.x + 50, c.y }, &q));
  /* inside an arm of the cross, seen from the centre */
  ck_assert (!flexo_outline_clip (FLEXO_SHAPE_CROSS, &box, 0, NULL, c, (FlexoPoint) { box.x + 2, c.y }, &q));
  /* a segment that misses the shape */
  ck_assert (!flexo_outline_clip (FLEXO_SHAPE_ELLIPSE, &box, 0, NULL,
                                  (FlexoPoint) { 0, 0 }, (FlexoPoint) { 500, 0 }, &q));
  ck_assert (!flexo_outline_clip (FLEXO_SHAPE_RECTANGLE, &empty, 0, NULL, c, (FlexoPoint) { 900, 900 }, &q));
  ck_assert (!flexo_outline_clip (FLEXO_SHAPE_RECTANGLE, &box, 0, NULL,
                                  (FlexoPoint) { 900, 900 }, (FlexoPoint) { 900, 900 }, &q));

  /* from outside, through the shape: the far side, nearest to toward */
  ck_assert (flexo_outline_clip (FLEXO_SHAPE_RECTANGLE, &box, 0, NULL,
                                 (FlexoPoint) { -100, 70 }, (FlexoPoint) { 400, 70 }, &q));
  ck_assert_double_eq_tol (q.x, 210, 1e-9);
  ck_assert_double_eq_tol (q.y, 70, 1e-9);
  /* along an edge: the end of the common part nearest to toward */
  ck_assert (flexo_outline_clip (FLEXO_SHAPE_RECTANGLE, &box, 0, NULL,
                                 (FlexoPoint) { 0, 20 }, (FlexoPoint) { 400, 20 }, &q));
  ck_assert_double_eq_tol (q.x, 210, 1e-9);
  ck_assert_double_eq_tol (q.y, 20, 1e-9);
}
END_TEST

START_TEST (test_contains_concave_and_tolerance)
{
  const FlexoRect box = boxes[0];  /* 10, 20, 200, 100 */

  /* Near the box corners, concave and rounded shapes leave room. */
  ck_assert (!flexo_outline_contains (FLEXO_SHAPE_STAR, &box, 0, NULL, (FlexoPoint) { 12, 22 }, 0));
  ck_assert (!flexo_outline_contains (FLEXO_SHAPE_CROSS, &box, 0, NULL, (FlexoPoint) { 12, 22 }, 0));
  ck_assert (!flexo_outline_contains (FLEXO_SHAPE_CHEVRON, &box, 0, NULL, (FlexoPoint) { 12, 70 }, 0));
  ck_assert (flexo_outline_contains (FLEXO_SHAPE_CHEVRON, &box, 0, NULL, (FlexoPoint) { 13, 22 }, 0));
  ck_assert (!flexo_outline_contains (FLEXO_SHAPE_ROUNDED_RECTANGLE, &box, 8, NULL, (FlexoPoint) { 11, 21 }, 0));
  ck_assert (flexo_outline_contains (FLEXO_SHAPE_ROUNDED_RECTANGLE, &box, 0, NULL, (FlexoPoint) { 11, 21 }, 0));
  ck_assert (!flexo_outline_contains (FLEXO_SHAPE_NOTE, &box, 0, NULL, (FlexoPoint) { 209, 21 }, 0));
  ck_assert (!flexo_outline_contains (FLEXO_SHAPE_PACKAGE, &box, 0, NULL, (FlexoPoint) { 200, 22 }, 0));
  ck_assert (!flexo_outline_contains (FLEXO_SHAPE_ELLIPSE, &box, 0, NULL, (FlexoPoint) { 12, 22 }, 0));

  /* The border is inside; tolerance widens it. */
  ck_assert (flexo_outline_contains (FLEXO_SHAPE_RECTANGLE, &box, 0, NULL, (FlexoPoint) { 210, 70 }, 0));
  ck_assert (flexo_outline_contains (FLEXO_SHAPE_RECTANGLE, &box, 0, NULL, (FlexoPoint) { 210.5, 70 }, 1));
  ck_assert (!flexo_outline_contains (FLEXO_SHAPE_RECTANGLE, &box, 0, NULL, (FlexoPoint) { 210.5, 70 }, 0.25));
  ck_assert (flexo_outline_contains (FLEXO_SHAPE_CIRCLE, &box, 0, NULL, (FlexoPoint) { 58, 70 }, 3));
  ck_assert (!flexo_outline_contains (FLEXO_SHAPE_CIRCLE, &box, 0, NULL, (FlexoPoint) { 58, 70 }, 1));
}
END_TEST

START_TEST (test_rounded_rectangle_radius_clamped)
{
  const FlexoRect box = boxes[0];
  g_autoptr(FlexoPath) huge = flexo_path_new ();
  g_autoptr(FlexoPath) half = flexo_path_new ();
  g_autoptr(FlexoPath) zero = flexo_path_new ();
  guint n1, n2;
  const FlexoPoint *p1, *p2;
  FlexoPoint q;

  flexo_outline_build (FLEXO_SHAPE_ROUNDED_RECTANGLE, &box, 1e6, NULL, huge);
  flexo_outline_build (FLEXO_SHAPE_ROUNDED_RECTANGLE, &box, 50, NULL, half);
  flexo_outline_build (FLEXO_SHAPE_ROUNDED_RECTANGLE, &box, -3, NULL, zero);
  p1 = flexo_path_get_points (huge, &n1);
  p2 = flexo_path_get_points (half, &n2);
  ck_assert_uint_eq (n1, n2);
  for (guint i = 0; i < n1; i++)
    {
      ck_assert_double_eq (p1[i].x, p2[i].x);
      ck_assert_double_eq (p1[i].y, p2[i].y);
    }
  /* A stadium: the left end is a half circle around (60, 70). */
  ck_assert (flexo_outline_clip (FLEXO_SHAPE_ROUNDED_RECTANGLE, &box, 1e6, NULL,
                                 (FlexoPoint) { 110, 70 }, (FlexoPoint) { 110 - 1000, 70 - 1000 }, &q));
  ck_assert_double_eq_tol (flexo_point_distance (q, (FlexoPoint) { 60, 70 }), 50, 1e-3);
  /* A negative radius is no radius. */
  ck_assert_uint_eq (flexo_path_get_n_ops (zero), 5);
}
END_TEST

START_TEST (test_nearest_point)
{
  const FlexoRect box = boxes[0];
  FlexoPoint q;

  ck_assert (flexo_outline_nearest_point (FLEXO_SHAPE_RECTANGLE, &box, 0, NULL, (FlexoPoint) { 300, 70 }, &q));
  ck_assert_double_eq_tol (q.x, 210, 1e-9);
  ck_assert_double_eq_tol (q.y, 70, 1e-9);
  /* from inside, the nearest side */
  ck_assert (flexo_outline_nearest_point (FLEXO_SHAPE_RECTANGLE, &box, 0, NULL, (FlexoPoint) { 100, 25 }, &q));
  ck_assert_double_eq_tol (q.x, 100, 1e-9);
  ck_assert_double_eq_tol (q.y, 20, 1e-9);
  /* a circle: along the radius */
  ck_assert (flexo_outline_nearest_point (FLEXO_SHAPE_CIRCLE, &box, 0, NULL, (FlexoPoint) { 110 + 300, 70 + 400 }, &q));
  ck_assert_double_eq_tol (q.x, 110 + 30, 2e-4);
  ck_assert_double_eq_tol (q.y, 70 + 40, 2e-4);
  /* the centre of a circle: anywhere on it */
  ck_assert (flexo_outline_nearest_point (FLEXO_SHAPE_CIRCLE, &box, 0, NULL, (FlexoPoint) { 110, 70 }, &q));
  ck_assert_double_eq_tol (flexo_point_distance (q, (FlexoPoint) { 110, 70 }), 50, 1e-3);
  /* facing the notch of a chevron: on one of its 45° edges, not the notch */
  ck_assert (flexo_outline_nearest_point (FLEXO_SHAPE_CHEVRON, &box, 0, NULL, (FlexoPoint) { 0, 70 }, &q));
  ck_assert_double_eq_tol (q.x, 30, 1e-6);
  ck_assert_double_eq_tol (fabs (q.y - 70), 30, 1e-6);
}
END_TEST

START_TEST (test_every_kind_nearest_is_on_outline)
{
  FlexoShapeKind kind = _i;
  const FlexoRect *box = &boxes[0];
  g_autoptr(FlexoPath) flat = NULL;
  g_autoptr(FlexoPath) path = outline (kind, box);
  FlexoPoint c = box_center (box);

  flat = flexo_path_flatten (path, 1e-4);
  for (guint i = 0; i < 12; i++)
    {
      double angle = i * G_PI / 6 + 0.3;
      FlexoPoint p = { c.x + 150 * cos (angle), c.y + 90 * sin (angle) };
      FlexoPoint q;
      double d;

      ck_assert (flexo_outline_nearest_point (kind, box, RADIUS, FORM (kind), p, &q));
      ck_assert_double_lt (flexo_path_distance (flat, q, NULL), 1e-3);
      /* Nothing on the (flattened) outline is nearer. */
      d = flexo_path_distance (flat, p, NULL);
      ck_assert_double_le (flexo_point_distance (p, q), d + 1e-3);
    }
}
END_TEST

START_TEST (test_empty_and_negative_boxes)
{
  const FlexoRect empty = FLEXO_RECT_INIT (10, 10, 0, 50);
  const FlexoRect negative = FLEXO_RECT_INIT (210, 120, -200, -100);
  g_autoptr(FlexoPath) path = flexo_path_new ();
  g_autoptr(FlexoPath) normal = outline (FLEXO_SHAPE_STAR, &boxes[0]);
  FlexoPoint q;
  guint n1, n2;
  const FlexoPoint *p1, *p2;

  for (FlexoShapeKind kind = 0; kind < FLEXO_N_SHAPE_KINDS; kind++)
    {
      flexo_path_move_to (path, 1, 1);
      flexo_outline_build (kind, &empty, RADIUS, FORM (kind), path);
      ck_assert (flexo_path_is_empty (path));
      flexo_outline_build_details (kind, &empty, RADIUS, path);
      ck_assert (flexo_path_is_empty (path));
      ck_assert (!flexo_outline_contains (kind, &empty, RADIUS, FORM (kind), (FlexoPoint) { 10, 20 }, 5));
      ck_assert (!flexo_outline_nearest_point (kind, &empty, RADIUS, FORM (kind), (FlexoPoint) { 10, 20 }, &q));
    }

  flexo_outline_build (FLEXO_SHAPE_STAR, &negative, RADIUS, NULL, path);
  p1 = flexo_path_get_points (path, &n1);
  p2 = flexo_path_get_points (normal, &n2);
  ck_assert_uint_eq (n1, n2);
  for (guint i = 0; i < n1; i++)
    ck_assert (flexo_point_distance (p1[i], p2[i]) < 1e-9);
}
END_TEST

START_TEST (test_details)
{
  FlexoShapeKind kind = _i;

  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    {
      const FlexoRect *box = &boxes[b];
      g_autoptr(FlexoPath) details = flexo_path_new ();
      FlexoRect bounds;

      flexo_outline_build_details (kind, box, RADIUS, details);
      ck_assert_msg (flexo_path_is_empty (details) == !flexo_outline_has_details (kind),
                     "%s", kind_name (kind));
      if (flexo_path_is_empty (details))
        continue;
      ck_assert (flexo_path_get_bounds (details, &bounds));
      ck_assert (bounds.x >= box->x - 1e-6 && bounds.y >= box->y - 1e-6 &&
                 bounds.x + bounds.width <= box->x + box->width + 1e-6 &&
                 bounds.y + bounds.height <= box->y + box->height + 1e-6);
      /* Details are drawn on the shape: every point is in the silhouette. */
      {
        g_autoptr(FlexoPath) flat = flexo_path_flatten (details, 0.01);
        guint n;
        const FlexoPoint *p = flexo_path_get_points (flat, &n);

        for (guint i = 0; i < n; i++)
          ck_assert (flexo_outline_contains (kind, box, RADIUS, FORM (kind), p[i], 1e-6));
      }
    }
}
END_TEST

START_TEST (test_details_shapes)
{
  const FlexoRect box = FLEXO_RECT_INIT (0, 0, 60, 100);
  g_autoptr(FlexoPath) d = flexo_path_new ();
  guint subpaths = 0, closed = 0;

  /* Actor: head (closed), body, arms, legs. */
  flexo_outline_build_details (FLEXO_SHAPE_ACTOR, &box, 0, d);
  for (guint i = 0; i < flexo_path_get_n_ops (d); i++)
    {
      subpaths += flexo_path_get_op (d, i) == FLEXO_PATH_MOVE_TO;
      closed += flexo_path_get_op (d, i) == FLEXO_PATH_CLOSE_PATH;
    }
  ck_assert_uint_eq (subpaths, 4);
  ck_assert_uint_eq (closed, 1);
  ck_assert (!flexo_outline_paints_silhouette (FLEXO_SHAPE_ACTOR));
  ck_assert (!flexo_outline_paints_silhouette (FLEXO_SHAPE_TEXT));
  ck_assert (flexo_outline_paints_silhouette (FLEXO_SHAPE_CLOUD));

  /* Cylinder: the front of the top rim passes below the top cap's centre. */
  flexo_outline_build_details (FLEXO_SHAPE_CYLINDER, &box, 0, d);
  {
    FlexoRect bounds;

    ck_assert (flexo_path_get_bounds (d, &bounds));
    ck_assert_double_eq_tol (bounds.x, 0, 1e-9);
    ck_assert_double_eq_tol (bounds.width, 60, 1e-9);
    ck_assert_double_gt (bounds.height, 1);
    ck_assert (flexo_outline_contains (FLEXO_SHAPE_CYLINDER, &box, 0, NULL, (FlexoPoint) { 30, bounds.y + bounds.height }, 0));
  }
}
END_TEST

/* ---------------------------------------------------------------- sides -- */

START_TEST (test_sides)
{
  const FlexoRect box = boxes[0];  /* 10, 20, 200, 100 */
  FlexoPoint p;

  p = flexo_outline_side_center (&box, FLEXO_SIDE_TOP);
  ck_assert (p.x == 110 && p.y == 20);
  p = flexo_outline_side_center (&box, FLEXO_SIDE_RIGHT);
  ck_assert (p.x == 210 && p.y == 70);
  p = flexo_outline_side_center (&box, FLEXO_SIDE_BOTTOM);
  ck_assert (p.x == 110 && p.y == 120);
  p = flexo_outline_side_center (&box, FLEXO_SIDE_LEFT);
  ck_assert (p.x == 10 && p.y == 70);

  for (FlexoSide side = 0; side < FLEXO_N_SIDES; side++)
    {
      FlexoPoint n = flexo_side_normal (side);
      FlexoPoint o = flexo_side_normal (flexo_side_opposite (side));
      FlexoPoint c = flexo_outline_side_center (&box, side);
      FlexoPoint port;

      ck_assert_double_eq (hypot (n.x, n.y), 1);
      ck_assert (n.x == -o.x && n.y == -o.y);
      /* The normal points outward and faces its own side. */
      ck_assert_int_eq (flexo_side_facing (&box, (FlexoPoint) { c.x + n.x, c.y + n.y }), side);
      /* A rectangle's port is the side centre. */
      ck_assert (flexo_outline_side_port (FLEXO_SHAPE_RECTANGLE, &box, 0, NULL, side, &port));
      ck_assert (flexo_point_distance (port, c) < 1e-9);
    }

  /* Facing uses the box's proportions (diagonals). */
  ck_assert_int_eq (flexo_side_facing (&box, (FlexoPoint) { 300, 125 }), FLEXO_SIDE_RIGHT);
  ck_assert_int_eq (flexo_side_facing (&box, (FlexoPoint) { 150, 300 }), FLEXO_SIDE_BOTTOM);

  /* A circle in a wide box: the left port is on the circle. */
  ck_assert (flexo_outline_side_port (FLEXO_SHAPE_CIRCLE, &box, 0, NULL, FLEXO_SIDE_LEFT, &p));
  ck_assert_double_eq_tol (p.x, 60, 1e-6);
  ck_assert_double_eq_tol (p.y, 70, 1e-6);
  /* A star's top port is its top point. */
  ck_assert (flexo_outline_side_port (FLEXO_SHAPE_STAR, &box, 0, NULL, FLEXO_SIDE_TOP, &p));
  ck_assert_double_eq_tol (p.x, 110, 1e-9);
  ck_assert_double_eq_tol (p.y, 20, 1e-9);
}
END_TEST

START_TEST (test_path_data)
{
  g_autoptr(FlexoPath) path = flexo_path_new ();
  g_autoptr(FlexoPath) back = NULL;
  g_autoptr(FlexoPath) implicit = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  static const struct { const char *data; gsize offset; } bad[] = {
    { "L 1 2", 0 },            /* no current point is fine: checked below */
    { "M 1", 3 },              /* a missing number */
    { "M 1 2 m 3 4", 6 },      /* relative commands are not read */
    { "M 1 2 Q 1 2 3 4", 6 },  /* nor quadratic ones */
    { "M 1 nan", 4 },
    { "M 1 1e999", 4 },        /* not finite */
    { "1 2", 0 },              /* no command */
    { "M 0 0 Z 1 2", 8 },      /* numbers after Z */
    { "M 0x1p-1 0", 2 },       /* hexadecimal */
  };

  flexo_path_move_to (path, 0, 0.5);
  flexo_path_line_to (path, 1, -0.25);
  flexo_path_curve_to (path, 0.125, 1e-9, -3, 2, 0.1, 0.7);
  flexo_path_close_path (path);
  flexo_path_move_to (path, 0.25, 0.75);
  flexo_path_line_to (path, 0, 0);
  data = flexo_path_to_data (path, 17);
  ck_assert_str_eq (data, "M 0 0.5 L 1 -0.25 C 0.125 1.0000000000000001e-09 -3 2 0.10000000000000001 "
                          "0.69999999999999996 Z M 0.25 0.75 L 0 0");

  /* Read back exactly. */
  back = flexo_path_new_from_data (data, NULL);
  ck_assert_ptr_nonnull (back);
  ck_assert_uint_eq (flexo_path_get_n_ops (back), flexo_path_get_n_ops (path));
  {
    guint n1, n2;
    const FlexoPoint *p1 = flexo_path_get_points (path, &n1), *p2 = flexo_path_get_points (back, &n2);

    ck_assert_uint_eq (n1, n2);
    for (guint i = 0; i < n1; i++)
      ck_assert (p1[i].x == p2[i].x && p1[i].y == p2[i].y);
    for (guint i = 0; i < flexo_path_get_n_ops (path); i++)
      ck_assert_int_eq (flexo_path_get_op (back, i), flexo_path_get_op (path, i));
  }
  /* Fewer digits round; no "-0". */
  again = flexo_path_to_data (back, 3);
  ck_assert_str_eq (again, "M 0 0.5 L 1 -0.25 C 0.125 1e-09 -3 2 0.1 0.7 Z M 0.25 0.75 L 0 0");

  /* Repeated coordinates: after M they are lines, after C curves; commas. */
  implicit = flexo_path_new_from_data ("  M0,0 1,0 1,1 C 1 2 2 2 2 1 3 0 3 0 4 0\nZ ", NULL);
  ck_assert_ptr_nonnull (implicit);
  ck_assert_uint_eq (flexo_path_get_n_ops (implicit), 6);
  ck_assert_int_eq (flexo_path_get_op (implicit, 1), FLEXO_PATH_LINE_TO);
  ck_assert_int_eq (flexo_path_get_op (implicit, 2), FLEXO_PATH_LINE_TO);
  ck_assert_int_eq (flexo_path_get_op (implicit, 3), FLEXO_PATH_CURVE_TO);
  ck_assert_int_eq (flexo_path_get_op (implicit, 4), FLEXO_PATH_CURVE_TO);
  ck_assert_int_eq (flexo_path_get_op (implicit, 5), FLEXO_PATH_CLOSE_PATH);

  /* Empty data is an empty path; a line without a current point moves. */
  {
    g_autoptr(FlexoPath) empty = flexo_path_new_from_data (" ", NULL);
    g_autoptr(FlexoPath) moved = flexo_path_new_from_data (bad[0].data, NULL);

    ck_assert (empty != NULL && flexo_path_is_empty (empty));
    ck_assert (moved != NULL && flexo_path_get_op (moved, 0) == FLEXO_PATH_MOVE_TO);
  }
  for (guint i = 1; i < G_N_ELEMENTS (bad); i++)
    {
      gsize offset = 999;

      ck_assert_msg (flexo_path_new_from_data (bad[i].data, &offset) == NULL, "%s", bad[i].data);
      ck_assert_msg (offset == bad[i].offset, "%s: offset %" G_GSIZE_FORMAT, bad[i].data, offset);
    }
}
END_TEST

/* A form draws within its unit square, in one outline. */
START_TEST (test_is_form)
{
  static const struct { const char *data; gboolean form; } cases[] = {
    { "M 0.5 0 L 1 1 L 0 1 Z", TRUE },
    { "M 0 1 C 0 -0.33 1 -0.33 1 1 Z", TRUE },        /* control points outside, the curve in */
    { "M 0 1 C 0 -1 1 -1 1 1 Z", FALSE },             /* the curve out */
    { "M 0 0 L 1.5 0 L 0 1 Z", FALSE },
    { "M 0 0 L 1 0 L 0 1 Z M 0.2 0.2 L 0.3 0.3 Z", FALSE },
    { "M 0 1 C 0 -2000 1 2000 1 0 Z", FALSE },        /* control points far out */
    { "M 0.5 0.5", FALSE },                           /* draws nothing */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FlexoPath) path = flexo_path_new_from_data (cases[i].data, NULL);

      ck_assert_ptr_nonnull (path);
      ck_assert_msg (flexo_path_is_form (path) == cases[i].form, "%s", cases[i].data);
    }
}
END_TEST

START_TEST (test_free_form)
{
  const FlexoRect box = FLEXO_RECT_INIT (100, 50, 200, 100);
  g_autoptr(FlexoPath) path = flexo_path_new ();
  g_autoptr(FlexoPath) two = flexo_path_new_from_data ("M 0 0 L 1 0 L 0 1 M 0 0 L 1 1 L 0 1 Z", NULL);
  g_autoptr(FlexoPath) point = flexo_path_new_from_data ("M 0.5 0.5", NULL);
  g_autoptr(FlexoPath) rectangle = outline (FLEXO_SHAPE_RECTANGLE, &box);
  const FlexoPoint *p;
  guint n;
  FlexoPoint q;

  /* The form's unit square is the box. */
  flexo_outline_build (FLEXO_SHAPE_FREEFORM, &box, RADIUS, test_form (), path);
  p = flexo_path_get_points (path, &n);
  ck_assert_uint_eq (n, 8);
  ck_assert (p[0].x == 200 && p[0].y == 50);     /* 0.5 0 */
  ck_assert (p[1].x == 260 && p[1].y == 50);     /* 0.8 0 */
  ck_assert (p[3].x == 300 && p[3].y == 100);    /* 1 0.5 */
  ck_assert (p[5].x == 200 && p[5].y == 120);    /* the notch, 0.5 0.7 */
  ck_assert (p[7].x == 100 && fabs (p[7].y - 90) < 1e-12);

  /* Concave: the notch is outside, though inside the box; a connector
   * aimed at it from above stops on the notch's sides. */
  ck_assert (!flexo_outline_contains (FLEXO_SHAPE_FREEFORM, &box, 0, test_form (), (FlexoPoint) { 200, 140 }, 0));
  ck_assert (flexo_outline_contains (FLEXO_SHAPE_FREEFORM, &box, 0, test_form (), (FlexoPoint) { 200, 110 }, 0));
  ck_assert (flexo_outline_contains (FLEXO_SHAPE_FREEFORM, &box, 0, test_form (), (FlexoPoint) { 200, 140 }, 25));
  ck_assert (flexo_outline_clip (FLEXO_SHAPE_FREEFORM, &box, 0, test_form (), (FlexoPoint) { 200, 0 },
                                 (FlexoPoint) { 200, 140 }, &q));
  ck_assert_double_eq_tol (q.y, 120, 1e-9);
  ck_assert (flexo_outline_nearest_point (FLEXO_SHAPE_FREEFORM, &box, 0, test_form (), (FlexoPoint) { 200, 135 }, &q));
  ck_assert_double_lt (flexo_point_distance (q, (FlexoPoint) { 200, 120 }), 15);
  ck_assert (flexo_outline_side_port (FLEXO_SHAPE_FREEFORM, &box, 0, test_form (), FLEXO_SIDE_LEFT, &q));
  /* The left side runs from (100, 90) to (140, 150): at y = 100 it is at x = 100 + 40/6. */
  ck_assert_double_eq_tol (q.x, 100 + 40.0 / 6, 1e-9);

  /* Its first subpath only, closed. */
  flexo_outline_build (FLEXO_SHAPE_FREEFORM, &box, 0, two, path);
  ck_assert_uint_eq (flexo_path_get_n_ops (path), 4);
  ck_assert_int_eq (flexo_path_get_op (path, 3), FLEXO_PATH_CLOSE_PATH);
  ck_assert (!flexo_outline_contains (FLEXO_SHAPE_FREEFORM, &box, 0, two, (FlexoPoint) { 290, 140 }, 0));

  /* No form, or one that draws nothing: the box. Other kinds ignore it. */
  for (guint i = 0; i < 3; i++)
    {
      const FlexoPath *form = i == 0 ? NULL : i == 1 ? point : test_form ();
      FlexoShapeKind kind = i < 2 ? FLEXO_SHAPE_FREEFORM : FLEXO_SHAPE_RECTANGLE;
      const FlexoPoint *r;
      guint m;

      flexo_outline_build (kind, &box, 0, form, path);
      p = flexo_path_get_points (path, &n);
      r = flexo_path_get_points (rectangle, &m);
      ck_assert_uint_eq (n, m);
      for (guint k = 0; k < n; k++)
        ck_assert (p[k].x == r[k].x && p[k].y == r[k].y);
    }
}
END_TEST

START_TEST (test_arc_direction_and_accuracy)
{
  g_autoptr(FlexoPath) path = flexo_path_new ();
  FlexoRect bounds;
  guint n;
  const FlexoPoint *p;

  /* Increasing angles turn clockwise on screen: 0 → π/2 goes right → down. */
  flexo_path_arc (path, 0, 0, 100, 50, 0, G_PI / 2);
  ck_assert (flexo_path_get_bounds (path, &bounds));
  ck_assert_double_eq_tol (bounds.x, 0, 1e-9);
  ck_assert_double_eq_tol (bounds.y, 0, 1e-9);
  ck_assert_double_eq_tol (bounds.width, 100, 1e-9);
  ck_assert_double_eq_tol (bounds.height, 50, 1e-9);
  p = flexo_path_get_points (path, &n);
  ck_assert_double_eq (p[n - 1].x, 0);
  ck_assert_double_eq (p[n - 1].y, 50);

  /* Decreasing: π → 0 through the bottom (π/2). */
  flexo_path_clear (path);
  flexo_path_arc (path, 0, 0, 10, 10, G_PI, 0);
  ck_assert (flexo_path_get_bounds (path, &bounds));
  ck_assert_double_eq_tol (bounds.y, 0, 1e-9);
  ck_assert_double_eq_tol (bounds.height, 10, 1e-9);

  /* Within 1e-4 of a big circle. */
  flexo_path_clear (path);
  flexo_path_arc (path, 0, 0, 5000, 5000, 0, 2 * G_PI);
  {
    g_autoptr(FlexoPath) flat = flexo_path_flatten (path, 1e-3);

    p = flexo_path_get_points (flat, &n);
    for (guint i = 0; i < n; i++)
      ck_assert_double_lt (fabs (hypot (p[i].x, p[i].y) - 5000), 1e-4);
  }
}
END_TEST

static Suite *
outline_suite (void)
{
  Suite *s = suite_create ("outline");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_path_builder_semantics);
  tcase_add_test (tc, test_path_copy_and_append);
  tcase_add_test (tc, test_path_bounds_are_exact);
  tcase_add_test (tc, test_flatten_honours_tolerance);
  tcase_add_test (tc, test_flatten_cubic_both_ways);
  tcase_add_test (tc, test_arc_direction_and_accuracy);
  tcase_add_test (tc, test_path_data);
  tcase_add_test (tc, test_free_form);
  tcase_add_test (tc, test_is_form);
  tcase_add_loop_test (tc, test_outline_closed_within_box, 0, FLEXO_N_SHAPE_KINDS);
  tcase_add_loop_test (tc, test_outline_contains_centre_not_outside, 0, FLEXO_N_SHAPE_KINDS);
  tcase_add_loop_test (tc, test_outline_clip_on_outline_nearest_to_toward, 0, FLEXO_N_SHAPE_KINDS);
  tcase_add_loop_test (tc, test_every_kind_nearest_is_on_outline, 0, FLEXO_N_SHAPE_KINDS);
  tcase_add_loop_test (tc, test_details, 0, FLEXO_N_SHAPE_KINDS);
  tcase_add_test (tc, test_clip_rectangle_analytic);
  tcase_add_test (tc, test_clip_ellipse_analytic);
  tcase_add_test (tc, test_clip_stops_in_notches);
  tcase_add_test (tc, test_clip_refusals);
  tcase_add_test (tc, test_clip_box_fast_path_agrees);
  tcase_add_test (tc, test_contains_concave_and_tolerance);
  tcase_add_test (tc, test_rounded_rectangle_radius_clamped);
  tcase_add_test (tc, test_nearest_point);
  tcase_add_test (tc, test_empty_and_negative_boxes);
  tcase_add_test (tc, test_details_shapes);
  tcase_add_test (tc, test_sides);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return flexo_test_run (outline_suite ());
}
