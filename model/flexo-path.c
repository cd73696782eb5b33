/* flexo-path.c — paths: building, iteration, bounds, flattening and exact
 * geometry queries (containment, distance, intersection)
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "flexo-path.h"
#include "flexo-path-private.h"

/* Arcs: error of the cubic approximation, absolute and relative to the
 * radius (whichever is smaller). */
#define ARC_ABS_TOLERANCE 1e-4
#define ARC_REL_TOLERANCE 1e-5
#define ARC_MAX_SEGMENTS  64

/* Exact queries subdivide curves until they are straight within this
 * fraction of their size, or this deep. */
#define EXACT_FLATNESS    1e-10
#define NEAREST_SLACK     1e-5
#define MAX_DEPTH         40
#define FLATTEN_MAX_DEPTH 24

struct _FlexoPath
{
  GArray    *ops;         /* guint8, FlexoPathOp */
  GArray    *points;      /* FlexoPoint */
  FlexoPoint start;       /* of the current subpath */
  FlexoPoint current;
  guint      has_current : 1;
  guint      closed : 1;  /* the last operation is CLOSE_PATH */
};

/* ---------------------------------------------------------------- paths -- */

FlexoPath *
flexo_path_new (void)
{
  FlexoPath *path = g_new0 (FlexoPath, 1);

  path->ops = g_array_new (FALSE, FALSE, sizeof (guint8));
  path->points = g_array_new (FALSE, FALSE, sizeof (FlexoPoint));
  return path;
}

FlexoPath *
flexo_path_copy (const FlexoPath *path)
{
  FlexoPath *copy;

  g_return_val_if_fail (path != NULL, NULL);

  copy = g_new0 (FlexoPath, 1);
  *copy = *path;
  copy->ops = g_array_copy (path->ops);
  copy->points = g_array_copy (path->points);
  return copy;
}

void
flexo_path_free (FlexoPath *path)
{
  if (path == NULL)
    return;

  g_array_unref (path->ops);
  g_array_unref (path->points);
  g_free (path);
}

void
flexo_path_clear (FlexoPath *path)
{
  g_return_if_fail (path != NULL);

  g_array_set_size (path->ops, 0);
  g_array_set_size (path->points, 0);
  path->has_current = FALSE;
  path->closed = FALSE;
}

gboolean
flexo_path_is_empty (const FlexoPath *path)
{
  g_return_val_if_fail (path != NULL, TRUE);

  return path->ops->len == 0;
}

static void
append_op (FlexoPath  *path,
           FlexoPathOp op)
{
  guint8 byte = op;

  g_array_append_val (path->ops, byte);
}

static FlexoPathOp
last_op (const FlexoPath *path)
{
  g_assert (path->ops->len > 0);
  return g_array_index (path->ops, guint8, path->ops->len - 1);
}

void
flexo_path_move_to (FlexoPath *path,
                    double     x,
                    double     y)
{
  FlexoPoint p = pt (x, y);

  g_return_if_fail (path != NULL);

  if (path->ops->len > 0 && last_op (path) == FLEXO_PATH_MOVE_TO)
    {
      g_array_index (path->points, FlexoPoint, path->points->len - 1) = p;
    }
  else
    {
      append_op (path, FLEXO_PATH_MOVE_TO);
      g_array_append_val (path->points, p);
    }
  path->start = path->current = p;
  path->has_current = TRUE;
  path->closed = FALSE;
}

/* After close_path, drawing goes on from the start of the closed subpath,
 * in a new subpath: make its move_to explicit, as cairo does. */
static void
reopen (FlexoPath *path)
{
  if (path->closed)
    {
      append_op (path, FLEXO_PATH_MOVE_TO);
      g_array_append_val (path->points, path->start);
      path->closed = FALSE;
    }
}

void
flexo_path_line_to (FlexoPath *path,
                    double     x,
                    double     y)
{
  FlexoPoint p = pt (x, y);

  g_return_if_fail (path != NULL);

  if (!path->has_current)
    {
      flexo_path_move_to (path, x, y);
      return;
    }
  reopen (path);
  append_op (path, FLEXO_PATH_LINE_TO);
  g_array_append_val (path->points, p);
  path->current = p;
}

void
flexo_path_curve_to (FlexoPath *path,
                     double     x1,
                     double     y1,
                     double     x2,
                     double     y2,
                     double     x3,
                     double     y3)
{
  FlexoPoint p[3] = { pt (x1, y1), pt (x2, y2), pt (x3, y3) };

  g_return_if_fail (path != NULL);

  if (!path->has_current)
    flexo_path_move_to (path, x1, y1);
  reopen (path);
  append_op (path, FLEXO_PATH_CURVE_TO);
  g_array_append_vals (path->points, p, 3);
  path->current = p[2];
}

void
flexo_path_close_path (FlexoPath *path)
{
  g_return_if_fail (path != NULL);

  if (!path->has_current || path->closed)
    return;
  append_op (path, FLEXO_PATH_CLOSE_PATH);
  path->current = path->start;
  path->closed = TRUE;
}

void
flexo_path_line_to_new (FlexoPath *path,
                        double     x,
                        double     y)
{
  if (path->has_current && !path->closed && path->current.x == x && path->current.y == y)
    return;
  flexo_path_line_to (path, x, y);
}

/* Relative radial error of one cubic approximating a circular arc of
 * @sweep radians (k = 4/3 tan (sweep/4)). */
static double
arc_error (double sweep)
{
  double s = sin (sweep / 4);
  double c = cos (sweep / 4);
  double s2 = s * s;

  return 2.0 / 27.0 * s2 * s2 * s2 / (c * c);
}

/* One piece of an arc, within a quadrant. */
static void
arc_piece (FlexoPath *path,
           double     cx,
           double     cy,
           double     rx,
           double     ry,
           double     a,
           double     b)
{
  double radius = MAX (fabs (rx), fabs (ry));
  double sweep = b - a;
  double tolerance;
  guint n = 1;

  if (radius > 0)
    {
      tolerance = MIN (ARC_ABS_TOLERANCE / radius, ARC_REL_TOLERANCE);
      while (n < ARC_MAX_SEGMENTS && arc_error (fabs (sweep) / n) > tolerance)
        n++;
    }

  for (guint i = 0; i < n; i++)
    {
      double a0 = a + sweep * i / n;
      double a1 = i + 1 == n ? b : a + sweep * (i + 1) / n;
      double k = 4.0 / 3.0 * tan ((a1 - a0) / 4);
      double c0, s0, c1, s1;

      flexo_unit_point (a0, &c0, &s0);
      flexo_unit_point (a1, &c1, &s1);
      flexo_path_curve_to (path,
                           cx + rx * (c0 - k * s0), cy + ry * (s0 + k * c0),
                           cx + rx * (c1 + k * s1), cy + ry * (s1 - k * c1),
                           cx + rx * c1, cy + ry * s1);
    }
}

void
flexo_path_arc (FlexoPath *path,
                double     cx,
                double     cy,
                double     rx,
                double     ry,
                double     angle1,
                double     angle2)
{
  const double quarter = G_PI / 2;
  double c, s, a;

  g_return_if_fail (path != NULL);

  flexo_unit_point (angle1, &c, &s);
  flexo_path_line_to_new (path, cx + rx * c, cy + ry * s);

  if (!isfinite (angle1) || !isfinite (angle2) || angle1 == angle2)
    return;
  /* More than a full turn would only draw over itself. */
  if (fabs (angle2 - angle1) > 2 * G_PI)
    angle2 = angle1 + (angle2 > angle1 ? 2 * G_PI : -2 * G_PI);

  /* Split at every multiple of π/2, so that extreme points are nodes and
   * each piece stays within its quadrant (hence within the box). */
  a = angle1;
  if (angle2 > angle1)
    {
      for (double next = (floor (a / quarter) + 1) * quarter; next < angle2 - 1e-9; next += quarter)
        {
          if (next - a > 1e-9)
            arc_piece (path, cx, cy, rx, ry, a, next);
          a = next;
        }
    }
  else
    {
      for (double next = (ceil (a / quarter) - 1) * quarter; next > angle2 + 1e-9; next -= quarter)
        {
          if (a - next > 1e-9)
            arc_piece (path, cx, cy, rx, ry, a, next);
          a = next;
        }
    }
  arc_piece (path, cx, cy, rx, ry, a, angle2);
}

void
flexo_path_rectangle (FlexoPath       *path,
                      const FlexoRect *rect)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (rect != NULL);

  flexo_path_move_to (path, rect->x, rect->y);
  flexo_path_line_to (path, rect->x + rect->width, rect->y);
  flexo_path_line_to (path, rect->x + rect->width, rect->y + rect->height);
  flexo_path_line_to (path, rect->x, rect->y + rect->height);
  flexo_path_close_path (path);
}

void
flexo_path_append (FlexoPath       *path,
                   const FlexoPath *src)
{
  FlexoPathIter iter;
  FlexoPathOp op;
  const FlexoPoint *p;

  g_return_if_fail (path != NULL);
  g_return_if_fail (src != NULL);

  flexo_path_iter_init (&iter, src);
  while (flexo_path_iter_next (&iter, &op, &p))
    {
      switch (op)
        {
        case FLEXO_PATH_MOVE_TO:
          flexo_path_move_to (path, p[0].x, p[0].y);
          break;
        case FLEXO_PATH_LINE_TO:
          flexo_path_line_to (path, p[0].x, p[0].y);
          break;
        case FLEXO_PATH_CURVE_TO:
          flexo_path_curve_to (path, p[0].x, p[0].y, p[1].x, p[1].y, p[2].x, p[2].y);
          break;
        case FLEXO_PATH_CLOSE_PATH:
          flexo_path_close_path (path);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* ------------------------------------------------------------ path data -- */

static void
append_number (GString *out,
               double   v,
               int      digits)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  g_snprintf (format, sizeof format, "%%.%dg", digits);
  /* No "-0". */
  g_string_append_c (out, ' ');
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, format, v == 0 ? 0 : v));
}

char *
flexo_path_to_data (const FlexoPath *path,
                    int              digits)
{
  static const char letters[] = { 'M', 'L', 'C', 'Z' };
  GString *out;
  FlexoPathIter iter;
  FlexoPathOp op;
  const FlexoPoint *p;

  g_return_val_if_fail (path != NULL, NULL);

  digits = CLAMP (digits, 1, 17);
  out = g_string_new (NULL);
  flexo_path_iter_init (&iter, path);
  while (flexo_path_iter_next (&iter, &op, &p))
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, letters[op]);
      for (guint i = 0; i < flexo_path_op_n_points (op); i++)
        {
          append_number (out, p[i].x, digits);
          append_number (out, p[i].y, digits);
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
flexo_path_is_form (const FlexoPath *path)
{
  const double slack = 1e-6, far = 1e3;
  guint n_moves = 0, n;
  const FlexoPoint *p;
  FlexoRect bounds;

  g_return_val_if_fail (path != NULL, FALSE);

  for (guint i = 0; i < flexo_path_get_n_ops (path); i++)
    n_moves += flexo_path_get_op (path, i) == FLEXO_PATH_MOVE_TO;
  p = flexo_path_get_points (path, &n);
  for (guint i = 0; i < n; i++)
    if (fabs (p[i].x) > far || fabs (p[i].y) > far)
      return FALSE;
  return n_moves == 1 && flexo_path_get_bounds (path, &bounds) &&
         bounds.x >= -slack && bounds.y >= -slack &&
         bounds.x + bounds.width <= 1 + slack && bounds.y + bounds.height <= 1 + slack;
}

static void
skip_separators (const char **s)
{
  while (**s == ' ' || **s == ',' || **s == '\t' || **s == '\n' || **s == '\r')
    (*s)++;
}

/* A finite number at *@s, which moves past it. */
static gboolean
parse_number (const char **s,
              double      *out)
{
  char *end = NULL;

  skip_separators (s);
  if (!(g_ascii_isdigit (**s) || **s == '-' || **s == '+' || **s == '.'))
    return FALSE;
  *out = g_ascii_strtod (*s, &end);
  if (end == *s || !isfinite (*out))
    return FALSE;
  /* Decimal numbers only, as SVG has them (strtod also reads "0x1p3"). */
  for (const char *c = *s; c < end; c++)
    if (!(g_ascii_isdigit (*c) || *c == '-' || *c == '+' || *c == '.' || *c == 'e' || *c == 'E'))
      return FALSE;
  *s = end;
  return TRUE;
}

FlexoPath *
flexo_path_new_from_data (const char *data,
                          gsize      *error_offset)
{
  g_autoptr(FlexoPath) path = flexo_path_new ();
  const char *s = data;
  char command = 0;

  g_return_val_if_fail (data != NULL, NULL);

  for (;;)
    {
      const char *here;
      FlexoPoint q[3];
      guint n;

      skip_separators (&s);
      if (*s == '\0')
        break;
      here = s;
      if (g_ascii_isalpha (*s))
        command = *s++;
      else if (command == 'M')
        command = 'L';  /* SVG: coordinates after a move_to are line_to's */
      else if (command == 0 || command == 'Z')
        goto fail;

      switch (command)
        {
        case 'M': case 'L': n = 1; break;
        case 'C': n = 3; break;
        case 'Z': n = 0; break;
        default: s = here; goto fail;
        }
      for (guint i = 0; i < n; i++)
        if (!parse_number (&s, &q[i].x) || !parse_number (&s, &q[i].y))
          goto fail;

      if (command == 'M')
        flexo_path_move_to (path, q[0].x, q[0].y);
      else if (command == 'L')
        flexo_path_line_to (path, q[0].x, q[0].y);
      else if (command == 'C')
        flexo_path_curve_to (path, q[0].x, q[0].y, q[1].x, q[1].y, q[2].x, q[2].y);
      else
        flexo_path_close_path (path);
    }

  if (error_offset != NULL)
    *error_offset = 0;
  return g_steal_pointer (&path);

fail:
  if (error_offset != NULL)
    *error_offset = (gsize) (s - data);
  return NULL;
}

void
flexo_path_to_unit_square (FlexoPath       *path,
                           const FlexoRect *box)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (box != NULL && box->width != 0 && box->height != 0);

  for (guint i = 0; i < path->points->len; i++)
    {
      FlexoPoint *q = &g_array_index (path->points, FlexoPoint, i);

      *q = pt ((q->x - box->x) / box->width, (q->y - box->y) / box->height);
    }
  path->start = pt ((path->start.x - box->x) / box->width, (path->start.y - box->y) / box->height);
  path->current = pt ((path->current.x - box->x) / box->width, (path->current.y - box->y) / box->height);
}

guint
flexo_path_get_n_ops (const FlexoPath *path)
{
  g_return_val_if_fail (path != NULL, 0);

  return path->ops->len;
}

FlexoPathOp
flexo_path_get_op (const FlexoPath *path,
                   guint            index)
{
  g_return_val_if_fail (path != NULL, FLEXO_PATH_CLOSE_PATH);
  g_return_val_if_fail (index < path->ops->len, FLEXO_PATH_CLOSE_PATH);

  return g_array_index (path->ops, guint8, index);
}

const FlexoPoint *
flexo_path_get_points (const FlexoPath *path,
                       guint           *n_points)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (n_points != NULL)
    *n_points = path->points->len;
  return (const FlexoPoint *) path->points->data;
}

guint
flexo_path_op_n_points (FlexoPathOp op)
{
  switch (op)
    {
    case FLEXO_PATH_MOVE_TO:
    case FLEXO_PATH_LINE_TO:
      return 1;
    case FLEXO_PATH_CURVE_TO:
      return 3;
    case FLEXO_PATH_CLOSE_PATH:
    default:
      return 0;
    }
}

void
flexo_path_iter_init (FlexoPathIter   *iter,
                      const FlexoPath *path)
{
  g_return_if_fail (iter != NULL);
  g_return_if_fail (path != NULL);

  iter->path = path;
  iter->op = 0;
  iter->point = 0;
}

gboolean
flexo_path_iter_next (FlexoPathIter     *iter,
                      FlexoPathOp       *op,
                      const FlexoPoint **points)
{
  FlexoPathOp o;
  guint n;

  g_return_val_if_fail (iter != NULL, FALSE);

  if (iter->op >= iter->path->ops->len)
    return FALSE;

  o = g_array_index (iter->path->ops, guint8, iter->op);
  n = flexo_path_op_n_points (o);
  if (op != NULL)
    *op = o;
  if (points != NULL)
    *points = n > 0 ? &g_array_index (iter->path->points, FlexoPoint, iter->point) : NULL;
  iter->op++;
  iter->point += n;
  return TRUE;
}

/* ------------------------------------------------------------- pieces -- */

/* Walks what a path draws as lines (2 points) and cubics (4 points). With
 * @close_open, open subpaths get their closing line (fill semantics). */
typedef struct
{
  const guint8     *ops;
  const FlexoPoint *pts;
  guint             n_ops;
  guint             i;
  guint             k;
  FlexoPoint        start;
  FlexoPoint        current;
  gboolean          in_subpath;
  gboolean          closed;
  gboolean          close_open;
} PieceIter;

static void
piece_iter_init (PieceIter       *it,
                 const FlexoPath *path,
                 gboolean         close_open)
{
  *it = (PieceIter) {
    .ops = (const guint8 *) path->ops->data,
    .pts = (const FlexoPoint *) path->points->data,
    .n_ops = path->ops->len,
    .close_open = close_open,
  };
}

static guint
piece_iter_next (PieceIter  *it,
                 FlexoPoint  c[4])
{
  for (;;)
    {
      if (it->i >= it->n_ops)
        {
          if (it->close_open && it->in_subpath && !it->closed)
            {
              it->closed = TRUE;
              c[0] = it->current;
              c[1] = it->start;
              return 2;
            }
          return 0;
        }

      switch ((FlexoPathOp) it->ops[it->i])
        {
        case FLEXO_PATH_MOVE_TO:
          if (it->close_open && it->in_subpath && !it->closed)
            {
              it->closed = TRUE;
              c[0] = it->current;
              c[1] = it->start;
              return 2;
            }
          it->start = it->current = it->pts[it->k++];
          it->in_subpath = TRUE;
          it->closed = FALSE;
          it->i++;
          break;

        case FLEXO_PATH_LINE_TO:
          c[0] = it->current;
          c[1] = it->current = it->pts[it->k++];
          it->i++;
          return 2;

        case FLEXO_PATH_CURVE_TO:
          c[0] = it->current;
          c[1] = it->pts[it->k];
          c[2] = it->pts[it->k + 1];
          c[3] = it->current = it->pts[it->k + 2];
          it->k += 3;
          it->i++;
          return 4;

        case FLEXO_PATH_CLOSE_PATH:
          c[0] = it->current;
          c[1] = it->current = it->start;
          it->closed = TRUE;
          it->i++;
          return 2;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
cubic_split (const FlexoPoint c[4],
             FlexoPoint       l[4],
             FlexoPoint       r[4])
{
  FlexoPoint ab = pt ((c[0].x + c[1].x) / 2, (c[0].y + c[1].y) / 2);
  FlexoPoint bc = pt ((c[1].x + c[2].x) / 2, (c[1].y + c[2].y) / 2);
  FlexoPoint cd = pt ((c[2].x + c[3].x) / 2, (c[2].y + c[3].y) / 2);
  FlexoPoint abc = pt ((ab.x + bc.x) / 2, (ab.y + bc.y) / 2);
  FlexoPoint bcd = pt ((bc.x + cd.x) / 2, (bc.y + cd.y) / 2);
  FlexoPoint mid = pt ((abc.x + bcd.x) / 2, (abc.y + bcd.y) / 2);

  l[0] = c[0]; l[1] = ab; l[2] = abc; l[3] = mid;
  r[0] = mid; r[1] = bcd; r[2] = cd; r[3] = c[3];
}

/* The squared distance from @p to the segment a–b. */
static double
point_segment_distance2 (FlexoPoint  p,
                         FlexoPoint  a,
                         FlexoPoint  b,
                         FlexoPoint *nearest)
{
  FlexoPoint d = sub (b, a);
  double dd = dot (d, d);
  double t = dd > 0 ? dot (sub (p, a), d) / dd : 0;
  FlexoPoint q;

  t = CLAMP (t, 0, 1);
  q = pt (a.x + t * d.x, a.y + t * d.y);
  if (nearest != NULL)
    *nearest = q;
  return (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y);
}

static double
point_segment_distance (FlexoPoint  p,
                        FlexoPoint  a,
                        FlexoPoint  b,
                        FlexoPoint *nearest)
{
  return sqrt (point_segment_distance2 (p, a, b, nearest));
}

/* How far the control points are from the chord: the curve lies within
 * that distance of the chord (and the chord within it of the curve). */
static double
cubic_flatness (const FlexoPoint c[4])
{
  return sqrt (MAX (point_segment_distance2 (c[1], c[0], c[3], NULL),
                    point_segment_distance2 (c[2], c[0], c[3], NULL)));
}

static FlexoRect
cubic_hull_box (const FlexoPoint c[4])
{
  double x0 = MIN (MIN (c[0].x, c[1].x), MIN (c[2].x, c[3].x));
  double x1 = MAX (MAX (c[0].x, c[1].x), MAX (c[2].x, c[3].x));
  double y0 = MIN (MIN (c[0].y, c[1].y), MIN (c[2].y, c[3].y));
  double y1 = MAX (MAX (c[0].y, c[1].y), MAX (c[2].y, c[3].y));

  return FLEXO_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
}

static double
cubic_eps (const FlexoPoint c[4])
{
  FlexoRect hull = cubic_hull_box (c);

  return EXACT_FLATNESS * MAX (MAX (hull.width, hull.height), 1e-300);
}

static double
bezier (double p0,
        double p1,
        double p2,
        double p3,
        double t)
{
  double mt = 1 - t;

  return mt * mt * mt * p0 + 3 * mt * mt * t * p1 + 3 * mt * t * t * p2 + t * t * t * p3;
}

/* Widens [*lo, *hi] to the extrema of one coordinate of a cubic. */
static void
cubic_range (double  p0,
             double  p1,
             double  p2,
             double  p3,
             double *lo,
             double *hi)
{
  double a = -p0 + 3 * p1 - 3 * p2 + p3;
  double b = 2 * (p0 - 2 * p1 + p2);
  double c = p1 - p0;
  double roots[2];
  guint n = 0;

  *lo = MIN (*lo, MIN (p0, p3));
  *hi = MAX (*hi, MAX (p0, p3));

  if (fabs (a) <= 1e-12 * (fabs (b) + fabs (c)))
    {
      if (b != 0)
        roots[n++] = -c / b;
    }
  else
    {
      double disc = b * b - 4 * a * c;

      if (disc >= 0)
        {
          double q = -0.5 * (b + copysign (sqrt (disc), b));

          roots[n++] = q / a;
          if (q != 0)
            roots[n++] = c / q;
        }
    }

  for (guint i = 0; i < n; i++)
    if (roots[i] > 0 && roots[i] < 1)
      {
        double v = bezier (p0, p1, p2, p3, roots[i]);

        *lo = MIN (*lo, v);
        *hi = MAX (*hi, v);
      }
}

gboolean
flexo_path_get_bounds (const FlexoPath *path,
                       FlexoRect       *bounds)
{
  PieceIter it;
  FlexoPoint c[4];
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  gboolean any = FALSE;
  guint n;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  piece_iter_init (&it, path, FALSE);
  while ((n = piece_iter_next (&it, c)) != 0)
    {
      any = TRUE;
      if (n == 2)
        {
          x0 = MIN (x0, MIN (c[0].x, c[1].x));
          x1 = MAX (x1, MAX (c[0].x, c[1].x));
          y0 = MIN (y0, MIN (c[0].y, c[1].y));
          y1 = MAX (y1, MAX (c[0].y, c[1].y));
        }
      else
        {
          cubic_range (c[0].x, c[1].x, c[2].x, c[3].x, &x0, &x1);
          cubic_range (c[0].y, c[1].y, c[2].y, c[3].y, &y0, &y1);
        }
    }

  if (!any)
    {
      *bounds = FLEXO_RECT_INIT (0, 0, 0, 0);
      return FALSE;
    }
  *bounds = FLEXO_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
  return TRUE;
}

static void
flatten_cubic (FlexoPath        *out,
               const FlexoPoint  c[4],
               double            tolerance,
               guint             depth)
{
  FlexoPoint l[4], r[4];

  /* NaN flatness counts as flat, so that bad input cannot recurse deep. */
  if (depth >= FLATTEN_MAX_DEPTH || !(cubic_flatness (c) > tolerance))
    {
      flexo_path_line_to (out, c[3].x, c[3].y);
      return;
    }
  cubic_split (c, l, r);
  flatten_cubic (out, l, tolerance, depth + 1);
  flatten_cubic (out, r, tolerance, depth + 1);
}

FlexoPath *
flexo_path_flatten (const FlexoPath *path,
                    double           tolerance)
{
  FlexoPath *out;
  FlexoPathIter iter;
  FlexoPathOp op;
  const FlexoPoint *p;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(tolerance >= 1e-6))
    tolerance = 1e-6;

  out = flexo_path_new ();
  flexo_path_iter_init (&iter, path);
  while (flexo_path_iter_next (&iter, &op, &p))
    {
      switch (op)
        {
        case FLEXO_PATH_MOVE_TO:
          flexo_path_move_to (out, p[0].x, p[0].y);
          break;
        case FLEXO_PATH_LINE_TO:
          flexo_path_line_to (out, p[0].x, p[0].y);
          break;
        case FLEXO_PATH_CURVE_TO:
          {
            FlexoPoint c[4] = { out->current, p[0], p[1], p[2] };

            flatten_cubic (out, c, tolerance, 0);
          }
          break;
        case FLEXO_PATH_CLOSE_PATH:
          flexo_path_close_path (out);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return out;
}

/* ------------------------------------------------------------ winding -- */

/* Winding contribution of the line a → b around p (half-open in y, so that
 * a vertex on the horizontal line through p is counted once). */
static int
winding_line (FlexoPoint a,
              FlexoPoint b,
              FlexoPoint p)
{
  double side = cross (sub (b, a), sub (p, a)); /* > 0: p is left of a → b */

  if (a.y <= p.y)
    {
      if (b.y > p.y && side > 0)
        return 1;
    }
  else if (b.y <= p.y && side < 0)
    {
      return -1;
    }
  return 0;
}

static int
winding_cubic (const FlexoPoint c[4],
               FlexoPoint       p,
               double           eps,
               guint            depth)
{
  double x0 = MIN (MIN (c[0].x, c[1].x), MIN (c[2].x, c[3].x));
  double x1 = MAX (MAX (c[0].x, c[1].x), MAX (c[2].x, c[3].x));
  double y0 = MIN (MIN (c[0].y, c[1].y), MIN (c[2].y, c[3].y));
  double y1 = MAX (MAX (c[0].y, c[1].y), MAX (c[2].y, c[3].y));
  FlexoPoint l[4], r[4];

  /* All on one side of the horizontal line (in the half-open sense of
   * winding_line()): the chord counts 0 too. */
  if (y0 > p.y || y1 <= p.y)
    return 0;
  /* Wholly left or right of p: the curve crosses the ray as its chord does. */
  if (x0 > p.x || x1 < p.x ||
      depth >= MAX_DEPTH || !(cubic_flatness (c) > eps))
    return winding_line (c[0], c[3], p);

  cubic_split (c, l, r);
  return winding_cubic (l, p, eps, depth + 1) + winding_cubic (r, p, eps, depth + 1);
}

static int
path_winding (const FlexoPath *path,
              FlexoPoint       p)
{
  PieceIter it;
  FlexoPoint c[4];
  int winding = 0;
  guint n;

  piece_iter_init (&it, path, TRUE);
  while ((n = piece_iter_next (&it, c)) != 0)
    {
      if (n == 2)
        winding += winding_line (c[0], c[1], p);
      else
        winding += winding_cubic (c, p, cubic_eps (c), 0);
    }
  return winding;
}

gboolean
flexo_path_contains_point (const FlexoPath *path,
                           FlexoPoint       p)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return path_winding (path, p) != 0;
}

/* ------------------------------------------------------------ nearest -- */

/* Branch and bound over the pieces of each curve, then a few Newton steps
 * on the curve's parameter from the best piece found. */
typedef struct
{
  FlexoPoint p;
  double     best;
  FlexoPoint nearest;
  gboolean   on_curve;  /* the best so far is on the current curve, at t */
  double     t;
} Nearest;

static gboolean
nearest_offer (Nearest    *n,
               double      d,
               FlexoPoint  q)
{
  if (d < n->best)
    {
      n->best = d;
      n->nearest = q;
      n->on_curve = FALSE;
      return TRUE;
    }
  return FALSE;
}

static void
nearest_line (Nearest   *n,
              FlexoPoint a,
              FlexoPoint b)
{
  FlexoPoint q;
  double d = point_segment_distance (n->p, a, b, &q);

  nearest_offer (n, d, q);
}

static double
rect_distance (const FlexoRect *r,
               FlexoPoint       p)
{
  double dx = MAX (MAX (r->x - p.x, p.x - (r->x + r->width)), 0);
  double dy = MAX (MAX (r->y - p.y, p.y - (r->y + r->height)), 0);

  return length (dx, dy);
}

/* No point of the cubic is nearer to @p than this: it lies in the convex
 * hull of its control points, hence in their bounding box and within
 * @flatness of its chord (the latter bound is the tight one for short
 * pieces: second order in their length). */
static double
cubic_lower_bound (const FlexoPoint  c[4],
                   double            flatness,
                   FlexoPoint        p)
{
  FlexoRect hull = cubic_hull_box (c);

  return MAX (rect_distance (&hull, p),
              point_segment_distance (p, c[0], c[3], NULL) - flatness);
}

/* @c is the part t0…t1 of the current curve. */
static void
nearest_cubic (Nearest          *n,
               const FlexoPoint  c[4],
               double            t0,
               double            t1,
               double            eps,
               double            slack,
               guint             depth)
{
  double flatness = cubic_flatness (c);
  double tm = (t0 + t1) / 2;
  FlexoPoint l[4], r[4];

  /* Prune what cannot get nearer by more than @slack. */
  if (cubic_lower_bound (c, flatness, n->p) >= n->best - slack)
    return;
  if (depth >= MAX_DEPTH || !(flatness > eps))
    {
      FlexoPoint q;
      double d = point_segment_distance (n->p, c[0], c[3], &q);
      double chord = length (c[3].x - c[0].x, c[3].y - c[0].y);
      double u = chord > 0 ? length (q.x - c[0].x, q.y - c[0].y) / chord : 0;

      if (nearest_offer (n, d, q))
        {
          n->on_curve = TRUE;
          n->t = t0 + u * (t1 - t0);
        }
      return;
    }

  cubic_split (c, l, r);
  if (nearest_offer (n, length (n->p.x - l[3].x, n->p.y - l[3].y), l[3]))
    {
      n->on_curve = TRUE;
      n->t = tm;
    }
  if (point_segment_distance2 (n->p, l[0], l[3], NULL) <=
      point_segment_distance2 (n->p, r[0], r[3], NULL))
    {
      nearest_cubic (n, l, t0, tm, eps, slack, depth + 1);
      nearest_cubic (n, r, tm, t1, eps, slack, depth + 1);
    }
  else
    {
      nearest_cubic (n, r, tm, t1, eps, slack, depth + 1);
      nearest_cubic (n, l, t0, tm, eps, slack, depth + 1);
    }
}

/* Polishes a best point found at n->t on the cubic @c: Newton's method on
 * (B(t) − p) · B'(t) = 0, keeping only improvements. */
static void
nearest_polish (Nearest          *n,
                const FlexoPoint  c[4])
{
  double t = n->t;

  for (guint i = 0; i < 8; i++)
    {
      double mt = 1 - t;
      FlexoPoint b = pt (bezier (c[0].x, c[1].x, c[2].x, c[3].x, t),
                         bezier (c[0].y, c[1].y, c[2].y, c[3].y, t));
      /* First and second derivatives. */
      FlexoPoint d1 = pt (3 * (mt * mt * (c[1].x - c[0].x) + 2 * mt * t * (c[2].x - c[1].x) + t * t * (c[3].x - c[2].x)),
                          3 * (mt * mt * (c[1].y - c[0].y) + 2 * mt * t * (c[2].y - c[1].y) + t * t * (c[3].y - c[2].y)));
      FlexoPoint d2 = pt (6 * (mt * (c[2].x - 2 * c[1].x + c[0].x) + t * (c[3].x - 2 * c[2].x + c[1].x)),
                          6 * (mt * (c[2].y - 2 * c[1].y + c[0].y) + t * (c[3].y - 2 * c[2].y + c[1].y)));
      FlexoPoint e = sub (b, n->p);
      double f = dot (e, d1);
      double df = dot (d1, d1) + dot (e, d2);
      double next;

      if (!(df > 0))
        break;
      next = CLAMP (t - f / df, 0, 1);
      b = pt (bezier (c[0].x, c[1].x, c[2].x, c[3].x, next),
              bezier (c[0].y, c[1].y, c[2].y, c[3].y, next));
      if (!(length (b.x - n->p.x, b.y - n->p.y) <= n->best))
        break;
      n->best = length (b.x - n->p.x, b.y - n->p.y);
      n->nearest = b;
      if (fabs (next - t) < 1e-15)
        break;
      t = next;
    }
}

double
flexo_path_distance (const FlexoPath *path,
                     FlexoPoint       p,
                     FlexoPoint      *nearest)
{
  Nearest n = { .p = p, .best = G_MAXDOUBLE, .nearest = p };
  PieceIter it;
  FlexoPoint c[4];
  guint k;

  g_return_val_if_fail (path != NULL, G_MAXDOUBLE);

  piece_iter_init (&it, path, FALSE);
  while ((k = piece_iter_next (&it, c)) != 0)
    {
      if (k == 2)
        {
          nearest_line (&n, c[0], c[1]);
        }
      else
        {
          double eps = cubic_eps (c);

          nearest_line (&n, c[0], c[0]);
          nearest_line (&n, c[3], c[3]);
          nearest_cubic (&n, c, 0, 1, eps, eps / EXACT_FLATNESS * NEAREST_SLACK, 0);
          if (n.on_curve)
            nearest_polish (&n, c);
          n.on_curve = FALSE;
        }
    }

  if (nearest != NULL)
    *nearest = n.nearest;
  return n.best;
}

/* ------------------------------------------------------- intersection -- */

typedef struct
{
  FlexoPoint a;       /* segment start */
  FlexoPoint d;       /* segment vector */
  double     dd;      /* |d|² */
  double     best_t;  /* parameter along the segment of the best hit */
  FlexoPoint best;
  gboolean   found;
} SegmentHit;

static void
hit_consider (SegmentHit *h,
              double      t,
              FlexoPoint  q)
{
  if (!h->found || t > h->best_t)
    {
      h->found = TRUE;
      h->best_t = t;
      h->best = q;
    }
}

static void
hit_line (SegmentHit *h,
          FlexoPoint  p0,
          FlexoPoint  p1)
{
  const double slack = 1e-12;
  FlexoPoint e = sub (p1, p0);
  FlexoPoint w = sub (p0, h->a);
  double len_d = sqrt (h->dd);
  double len_e = length (e.x, e.y);
  double denom = cross (h->d, e);
  double t, u;

  if (fabs (denom) <= 1e-12 * len_d * len_e)
    {
      /* Parallel, or a point: only a collinear overlap counts. */
      double t0, t1, lo, hi;

      if (fabs (cross (h->d, w)) > 1e-12 * len_d * (len_d + length (w.x, w.y)))
        return;
      t0 = dot (w, h->d) / h->dd;
      t1 = dot (sub (p1, h->a), h->d) / h->dd;
      lo = MAX (MIN (t0, t1), 0);
      hi = MIN (MAX (t0, t1), 1);
      if (lo <= hi)
        hit_consider (h, hi, pt (h->a.x + hi * h->d.x, h->a.y + hi * h->d.y));
      return;
    }

  t = cross (w, e) / denom;
  u = cross (w, h->d) / denom;
  if (t < -slack || t > 1 + slack || u < -slack || u > 1 + slack)
    return;
  u = CLAMP (u, 0, 1);
  hit_consider (h, CLAMP (t, 0, 1), pt (p0.x + u * e.x, p0.y + u * e.y));
}

static void
hit_cubic (SegmentHit       *h,
           const FlexoPoint  c[4],
           double            eps,
           guint             depth)
{
  double smin = G_MAXDOUBLE, smax = -G_MAXDOUBLE;
  double qmin = G_MAXDOUBLE, qmax = -G_MAXDOUBLE;
  FlexoPoint l[4], r[4];

  for (guint i = 0; i < 4; i++)
    {
      FlexoPoint w = sub (c[i], h->a);
      double s = cross (h->d, w);
      double q = dot (w, h->d) / h->dd;

      smin = MIN (smin, s);
      smax = MAX (smax, s);
      qmin = MIN (qmin, q);
      qmax = MAX (qmax, q);
    }

  /* Wholly on one side of the line, beyond the segment, or unable to beat
   * the best hit so far. */
  if (smin > 0 || smax < 0 || qmax < 0 || qmin > 1 || (h->found && qmax < h->best_t))
    return;
  if (depth >= MAX_DEPTH || !(cubic_flatness (c) > eps))
    {
      hit_line (h, c[0], c[3]);
      return;
    }

  cubic_split (c, l, r);
  hit_cubic (h, l, eps, depth + 1);
  hit_cubic (h, r, eps, depth + 1);
}

gboolean
flexo_path_last_intersection (const FlexoPath *path,
                              FlexoPoint       from,
                              FlexoPoint       to,
                              FlexoPoint      *out)
{
  SegmentHit h = { .a = from, .d = sub (to, from) };
  PieceIter it;
  FlexoPoint c[4];
  guint k;

  g_return_val_if_fail (path != NULL, FALSE);

  h.dd = dot (h.d, h.d);
  if (!(h.dd > 0) || !isfinite (h.dd))
    return FALSE;

  piece_iter_init (&it, path, FALSE);
  while ((k = piece_iter_next (&it, c)) != 0)
    {
      if (k == 2)
        hit_line (&h, c[0], c[1]);
      else
        hit_cubic (&h, c, cubic_eps (c), 0);
    }

  if (h.found && out != NULL)
    *out = h.best;
  return h.found;
}
