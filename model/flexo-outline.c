/* flexo-outline.c — the outline of each shape kind: silhouettes, details,
 * hit testing, clipping and sides
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "flexo-outline.h"
#include "flexo-path-private.h"

/* ------------------------------------------------------------- outlines -- */

/* The box, normalized; FALSE when it is empty. */
typedef struct
{
  double x, y, w, h;
  double r, b;    /* right, bottom */
  double cx, cy;  /* centre */
} Box;

static gboolean
box_init (Box             *bx,
          const FlexoRect *rect)
{
  FlexoRect n;

  g_return_val_if_fail (rect != NULL, FALSE);

  n = flexo_rect_normalize (*rect);
  if (flexo_rect_is_empty (&n) || !isfinite (n.x) || !isfinite (n.y) ||
      !isfinite (n.width) || !isfinite (n.height))
    return FALSE;

  bx->x = n.x;
  bx->y = n.y;
  bx->w = n.width;
  bx->h = n.height;
  bx->r = n.x + n.width;
  bx->b = n.y + n.height;
  bx->cx = n.x + n.width / 2;
  bx->cy = n.y + n.height / 2;
  return TRUE;
}

static void
polygon (FlexoPath        *path,
         const FlexoPoint *p,
         guint             n)
{
  flexo_path_move_to (path, p[0].x, p[0].y);
  for (guint i = 1; i < n; i++)
    flexo_path_line_to_new (path, p[i].x, p[i].y);
  flexo_path_close_path (path);
}

static void
build_rectangle (const Box *bx,
                 FlexoPath *path)
{
  FlexoRect r = FLEXO_RECT_INIT (bx->x, bx->y, bx->w, bx->h);

  flexo_path_rectangle (path, &r);
}

static void
build_rounded_rectangle (const Box *bx,
                         double     radius,
                         FlexoPath *path)
{
  double rad = MIN (bx->w, bx->h) / 2;

  if (!(radius < rad))
    radius = isnan (radius) ? 0 : rad;
  if (radius <= 0)
    {
      build_rectangle (bx, path);
      return;
    }

  flexo_path_move_to (path, bx->x + radius, bx->y);
  flexo_path_line_to_new (path, bx->r - radius, bx->y);
  flexo_path_arc (path, bx->r - radius, bx->y + radius, radius, radius, -G_PI / 2, 0);
  flexo_path_line_to_new (path, bx->r, bx->b - radius);
  flexo_path_arc (path, bx->r - radius, bx->b - radius, radius, radius, 0, G_PI / 2);
  flexo_path_line_to_new (path, bx->x + radius, bx->b);
  flexo_path_arc (path, bx->x + radius, bx->b - radius, radius, radius, G_PI / 2, G_PI);
  flexo_path_line_to_new (path, bx->x, bx->y + radius);
  flexo_path_arc (path, bx->x + radius, bx->y + radius, radius, radius, G_PI, 3 * G_PI / 2);
  flexo_path_close_path (path);
}

static void
build_ellipse (double     cx,
               double     cy,
               double     rx,
               double     ry,
               FlexoPath *path)
{
  flexo_path_move_to (path, cx, cy - ry);
  flexo_path_arc (path, cx, cy, rx, ry, -G_PI / 2, 3 * G_PI / 2);
  flexo_path_close_path (path);
}

/* A polygon given in design coordinates, stretched so that the bounds of
 * the design fill the box. */
static void
build_stretched (const Box        *bx,
                 const FlexoPoint *design,
                 guint             n,
                 FlexoPath        *path)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  FlexoPoint p[16];

  g_assert (n <= G_N_ELEMENTS (p));

  for (guint i = 0; i < n; i++)
    {
      x0 = MIN (x0, design[i].x);
      x1 = MAX (x1, design[i].x);
      y0 = MIN (y0, design[i].y);
      y1 = MAX (y1, design[i].y);
    }
  for (guint i = 0; i < n; i++)
    {
      /* Extremes map exactly onto the box sides. */
      p[i].x = design[i].x == x1 ? bx->r : bx->x + (design[i].x - x0) / (x1 - x0) * bx->w;
      p[i].y = design[i].y == y1 ? bx->b : bx->y + (design[i].y - y0) / (y1 - y0) * bx->h;
    }
  polygon (path, p, n);
}

/* Five points, pointing up; inner radius of the regular pentagram. */
#define STAR_INNER_RATIO 0.381966011250105 /* (3 − √5) / 2 */

static void
build_star (const Box *bx,
            FlexoPath *path)
{
  FlexoPoint design[10];

  for (guint i = 0; i < 10; i++)
    {
      double angle = -G_PI / 2 + i * G_PI / 5;
      double radius = i % 2 == 0 ? 1 : STAR_INNER_RATIO;
      double c, s;

      flexo_unit_point (angle, &c, &s);
      design[i] = pt (radius * c, radius * s);
    }
  /* Mirror exactly, so that the star is symmetric to the last bit. */
  for (guint i = 1; i < 5; i++)
    design[10 - i] = pt (-design[i].x, design[i].y);
  build_stretched (bx, design, 10, path);
}

/* The cloud: bumps are circles in a design space (around a 1.6 × 1 base
 * ellipse, each touching it from inside), and the outline is the outer
 * envelope of consecutive bumps, stretched so that it fills the box. */
typedef struct
{
  double angle;   /* degrees, clockwise on screen from the right */
  double radius;
} CloudBump;

static const CloudBump cloud_bumps[] = {
  {   0, 0.42 },
  {  42, 0.38 },
  {  80, 0.40 },
  { 115, 0.40 },
  { 150, 0.38 },
  { 188, 0.42 },
  { 230, 0.50 },
  { 276, 0.60 },
  { 326, 0.50 },
};

#define CLOUD_A 1.6
#define CLOUD_B 1.0

static FlexoPoint
cloud_centre (const CloudBump *bump)
{
  double a = bump->angle * G_PI / 180;

  return pt ((CLOUD_A - bump->radius) * cos (a), (CLOUD_B - bump->radius) * sin (a));
}

/* The intersection of bump circles i and j farther from the origin. */
static FlexoPoint
cloud_join (const CloudBump *bi,
            const CloudBump *bj)
{
  FlexoPoint ci = cloud_centre (bi), cj = cloud_centre (bj);
  FlexoPoint d = sub (cj, ci);
  double dist = hypot (d.x, d.y);
  double a = (bi->radius * bi->radius - bj->radius * bj->radius + dist * dist) / (2 * dist);
  double h = sqrt (MAX (bi->radius * bi->radius - a * a, 0));
  FlexoPoint m = pt (ci.x + a * d.x / dist, ci.y + a * d.y / dist);
  FlexoPoint p1 = pt (m.x + h * d.y / dist, m.y - h * d.x / dist);
  FlexoPoint p2 = pt (m.x - h * d.y / dist, m.y + h * d.x / dist);

  return dot (p1, p1) > dot (p2, p2) ? p1 : p2;
}

static void
build_cloud (const Box *bx,
             FlexoPath *path)
{
  const guint n = G_N_ELEMENTS (cloud_bumps);
  double start[G_N_ELEMENTS (cloud_bumps)], end[G_N_ELEMENTS (cloud_bumps)];
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double sx, sy;

  /* Arc of each bump, from its join with the previous one to its join with
   * the next one, clockwise. */
  for (guint i = 0; i < n; i++)
    {
      const CloudBump *b = &cloud_bumps[i];
      FlexoPoint c = cloud_centre (b);
      FlexoPoint jp = cloud_join (&cloud_bumps[(i + n - 1) % n], b);
      FlexoPoint jn = cloud_join (b, &cloud_bumps[(i + 1) % n]);

      start[i] = atan2 (jp.y - c.y, jp.x - c.x);
      end[i] = atan2 (jn.y - c.y, jn.x - c.x);
      while (end[i] <= start[i])
        end[i] += 2 * G_PI;

      /* Exact bounds of the envelope: the joins and the extreme points of
       * each circle that its arc covers. */
      x0 = MIN (x0, jn.x);
      x1 = MAX (x1, jn.x);
      y0 = MIN (y0, jn.y);
      y1 = MAX (y1, jn.y);
      for (double q = ceil (start[i] / (G_PI / 2)) * (G_PI / 2); q <= end[i]; q += G_PI / 2)
        {
          double cq, sq;

          flexo_unit_point (q, &cq, &sq);
          x0 = MIN (x0, c.x + b->radius * cq);
          x1 = MAX (x1, c.x + b->radius * cq);
          y0 = MIN (y0, c.y + b->radius * sq);
          y1 = MAX (y1, c.y + b->radius * sq);
        }
    }

  sx = bx->w / (x1 - x0);
  sy = bx->h / (y1 - y0);
  for (guint i = 0; i < n; i++)
    {
      FlexoPoint c = cloud_centre (&cloud_bumps[i]);

      flexo_path_arc (path,
                      bx->x + (c.x - x0) * sx, bx->y + (c.y - y0) * sy,
                      cloud_bumps[i].radius * sx, cloud_bumps[i].radius * sy,
                      start[i], end[i]);
    }
  flexo_path_close_path (path);
}

/* Proportions of the other kinds. */

static double
hexagon_inset (const Box *bx)
{
  /* A quarter of the width (a regular hexagon in a box of its aspect), but
   * never sharper than its 120° corners. */
  return MIN (bx->w * 0.25, bx->h / (2 * sqrt (3)));
}

static double
skew (const Box *bx)
{
  return MIN (bx->w * 0.2, bx->h * 0.6);
}

static double
chevron_depth (const Box *bx)
{
  return MIN (bx->w * 0.25, bx->h * 0.5);
}

static double
cylinder_cap (const Box *bx)
{
  /* Half the height of the elliptical caps. */
  return MIN (bx->w * 0.15, bx->h * 0.2);
}

static double
document_wave (const Box *bx)
{
  return MIN (bx->h * 0.08, bx->w * 0.1);
}

static double
note_fold (const Box *bx)
{
  return MIN (MIN (bx->w, bx->h) * 0.25, 16);
}

static void
package_tab (const Box *bx,
             double    *tab_w,
             double    *tab_h)
{
  *tab_w = bx->w * 0.4;
  *tab_h = MIN (bx->h * 0.2, 20);
}

/* The stick figure: its width, the radius of its head, the height of its
 * arms and of its hip. */
typedef struct
{
  double x, w;     /* figure left and width */
  double head;     /* head radius; the head touches the top */
  double arms;
  double hip;
} Actor;

static void
actor_figure (const Box *bx,
              Actor     *a)
{
  a->w = MIN (bx->w, bx->h * 0.6);
  a->x = bx->cx - a->w / 2;
  a->head = MIN (bx->h * 0.13, a->w * 0.3);
  a->arms = bx->y + bx->h * 0.4;
  a->hip = bx->y + bx->h * 0.64;
}

/* A free form: the first subpath of @form, whose unit square is the box,
 * closed. FALSE when it draws nothing (no form, or a lone point). */
static gboolean
build_form (const Box       *bx,
            const FlexoPath *form,
            FlexoPath       *path)
{
  FlexoPathIter iter;
  FlexoPathOp op;
  const FlexoPoint *p;
  FlexoPoint q[3];
  guint drawn = 0;

  if (form == NULL)
    return FALSE;

  flexo_path_iter_init (&iter, form);
  while (flexo_path_iter_next (&iter, &op, &p))
    {
      if (op == FLEXO_PATH_CLOSE_PATH)
        break;
      if (op == FLEXO_PATH_MOVE_TO && flexo_path_get_n_ops (path) > 0)
        break;
      for (guint i = 0; i < flexo_path_op_n_points (op); i++)
        q[i] = pt (bx->x + p[i].x * bx->w, bx->y + p[i].y * bx->h);
      if (op == FLEXO_PATH_MOVE_TO)
        flexo_path_move_to (path, q[0].x, q[0].y);
      else if (op == FLEXO_PATH_LINE_TO)
        flexo_path_line_to (path, q[0].x, q[0].y);
      else
        flexo_path_curve_to (path, q[0].x, q[0].y, q[1].x, q[1].y, q[2].x, q[2].y);
      drawn += op != FLEXO_PATH_MOVE_TO;
    }
  if (drawn == 0)
    {
      flexo_path_clear (path);
      return FALSE;
    }
  flexo_path_close_path (path);
  return TRUE;
}

static void
build_outline (FlexoShapeKind   kind,
               const Box       *bx,
               double           corner_radius,
               const FlexoPath *form,
               FlexoPath       *path)
{
  double x = bx->x, y = bx->y, r = bx->r, b = bx->b, cx = bx->cx, cy = bx->cy;

  switch (kind)
    {
    case FLEXO_SHAPE_ROUNDED_RECTANGLE:
      build_rounded_rectangle (bx, corner_radius, path);
      break;

    case FLEXO_SHAPE_ELLIPSE:
      build_ellipse (cx, cy, bx->w / 2, bx->h / 2, path);
      break;

    case FLEXO_SHAPE_CIRCLE:
      build_ellipse (cx, cy, MIN (bx->w, bx->h) / 2, MIN (bx->w, bx->h) / 2, path);
      break;

    case FLEXO_SHAPE_DIAMOND:
      {
        FlexoPoint p[] = { { cx, y }, { r, cy }, { cx, b }, { x, cy } };

        polygon (path, p, G_N_ELEMENTS (p));
      }
      break;

    case FLEXO_SHAPE_TRIANGLE:
      {
        FlexoPoint p[] = { { cx, y }, { r, b }, { x, b } };

        polygon (path, p, G_N_ELEMENTS (p));
      }
      break;

    case FLEXO_SHAPE_HEXAGON:
      {
        double i = hexagon_inset (bx);
        FlexoPoint p[] = { { x + i, y }, { r - i, y }, { r, cy }, { r - i, b }, { x + i, b }, { x, cy } };

        polygon (path, p, G_N_ELEMENTS (p));
      }
      break;

    case FLEXO_SHAPE_PARALLELOGRAM:
      {
        double s = skew (bx);
        FlexoPoint p[] = { { x + s, y }, { r, y }, { r - s, b }, { x, b } };

        polygon (path, p, G_N_ELEMENTS (p));
      }
      break;

    case FLEXO_SHAPE_TRAPEZOID:
      {
        double s = skew (bx);
        FlexoPoint p[] = { { x + s, y }, { r - s, y }, { r, b }, { x, b } };

        polygon (path, p, G_N_ELEMENTS (p));
      }
      break;

    case FLEXO_SHAPE_STAR:
      build_star (bx, path);
      break;

    case FLEXO_SHAPE_CHEVRON:
      {
        double d = chevron_depth (bx);
        FlexoPoint p[] = { { x, y }, { r - d, y }, { r, cy }, { r - d, b }, { x, b }, { x + d, cy } };

        polygon (path, p, G_N_ELEMENTS (p));
      }
      break;

    case FLEXO_SHAPE_CROSS:
      {
        double t = MIN (bx->w, bx->h) / 3;
        double x1 = cx - t / 2, x2 = cx + t / 2, y1 = cy - t / 2, y2 = cy + t / 2;
        FlexoPoint p[] = {
          { x1, y }, { x2, y }, { x2, y1 }, { r, y1 }, { r, y2 }, { x2, y2 },
          { x2, b }, { x1, b }, { x1, y2 }, { x, y2 }, { x, y1 }, { x1, y1 },
        };

        polygon (path, p, G_N_ELEMENTS (p));
      }
      break;

    case FLEXO_SHAPE_CYLINDER:
      {
        double e = cylinder_cap (bx);

        flexo_path_arc (path, cx, y + e, bx->w / 2, e, G_PI, 2 * G_PI);
        flexo_path_line_to_new (path, r, b - e);
        flexo_path_arc (path, cx, b - e, bx->w / 2, e, 0, G_PI);
        flexo_path_close_path (path);
      }
      break;

    case FLEXO_SHAPE_DOCUMENT:
      {
        /* The bottom edge is one wave: up on the right, down on the left,
         * touching the bottom of the box. */
        double a = document_wave (bx);
        double ym = b - a;
        double k = 4.0 / 3.0 * a;

        flexo_path_move_to (path, x, y);
        flexo_path_line_to (path, r, y);
        flexo_path_line_to (path, r, ym);
        flexo_path_curve_to (path, r - bx->w / 6, ym - k, cx + bx->w / 6, ym - k, cx, ym);
        flexo_path_curve_to (path, cx - bx->w / 6, ym + k, x + bx->w / 6, ym + k, x, ym);
        flexo_path_close_path (path);
      }
      break;

    case FLEXO_SHAPE_NOTE:
      {
        double f = note_fold (bx);
        FlexoPoint p[] = { { x, y }, { r - f, y }, { r, y + f }, { r, b }, { x, b } };

        polygon (path, p, G_N_ELEMENTS (p));
      }
      break;

    case FLEXO_SHAPE_ACTOR:
      {
        Actor a;
        FlexoRect fig;

        actor_figure (bx, &a);
        fig = FLEXO_RECT_INIT (a.x, y, a.w, bx->h);
        flexo_path_rectangle (path, &fig);
      }
      break;

    case FLEXO_SHAPE_CLOUD:
      build_cloud (bx, path);
      break;

    case FLEXO_SHAPE_PACKAGE:
      {
        double tw, th;

        package_tab (bx, &tw, &th);
        {
          FlexoPoint p[] = { { x, y }, { x + tw, y }, { x + tw, y + th }, { r, y + th }, { r, b }, { x, b } };

          polygon (path, p, G_N_ELEMENTS (p));
        }
      }
      break;

    case FLEXO_SHAPE_FREEFORM:
      if (!build_form (bx, form, path))
        build_rectangle (bx, path);
      break;

    case FLEXO_SHAPE_RECTANGLE:
    case FLEXO_SHAPE_CLASS:
    case FLEXO_SHAPE_TEXT:
    case FLEXO_SHAPE_CONTAINER:
    case FLEXO_N_SHAPE_KINDS:
    default:
      build_rectangle (bx, path);
      break;
    }
}

void
flexo_outline_build (FlexoShapeKind   kind,
                     const FlexoRect *box,
                     double           corner_radius,
                     const FlexoPath *form,
                     FlexoPath       *out)
{
  Box bx;

  g_return_if_fail (box != NULL);
  g_return_if_fail (out != NULL);

  flexo_path_clear (out);
  if (box_init (&bx, box))
    build_outline (kind, &bx, corner_radius, form, out);
}

void
flexo_outline_build_details (FlexoShapeKind   kind,
                             const FlexoRect *box,
                             double           corner_radius,
                             FlexoPath       *out)
{
  Box bx;

  g_return_if_fail (box != NULL);
  g_return_if_fail (out != NULL);

  flexo_path_clear (out);
  if (!box_init (&bx, box))
    return;

  switch (kind)
    {
    case FLEXO_SHAPE_CYLINDER:
      {
        /* The front half of the top rim. */
        double e = cylinder_cap (&bx);

        flexo_path_arc (out, bx.cx, bx.y + e, bx.w / 2, e, G_PI, 0);
      }
      break;

    case FLEXO_SHAPE_NOTE:
      {
        double f = note_fold (&bx);

        flexo_path_move_to (out, bx.r - f, bx.y);
        flexo_path_line_to (out, bx.r - f, bx.y + f);
        flexo_path_line_to (out, bx.r, bx.y + f);
      }
      break;

    case FLEXO_SHAPE_ACTOR:
      {
        Actor a;
        double head_y;

        actor_figure (&bx, &a);
        head_y = bx.y + a.head;
        /* Head, body, arms, legs. */
        flexo_path_move_to (out, bx.cx, bx.y);
        flexo_path_arc (out, bx.cx, head_y, a.head, a.head, -G_PI / 2, 3 * G_PI / 2);
        flexo_path_close_path (out);
        flexo_path_move_to (out, bx.cx, head_y + a.head);
        flexo_path_line_to (out, bx.cx, a.hip);
        flexo_path_move_to (out, a.x, a.arms);
        flexo_path_line_to (out, a.x + a.w, a.arms);
        flexo_path_move_to (out, a.x, bx.b);
        flexo_path_line_to (out, bx.cx, a.hip);
        flexo_path_line_to (out, a.x + a.w, bx.b);
      }
      break;

    case FLEXO_SHAPE_PACKAGE:
      {
        double tw, th;

        package_tab (&bx, &tw, &th);
        flexo_path_move_to (out, bx.x, bx.y + th);
        flexo_path_line_to (out, bx.x + tw, bx.y + th);
      }
      break;

    default:
      break;
    }
}

gboolean
flexo_outline_paints_silhouette (FlexoShapeKind kind)
{
  return kind != FLEXO_SHAPE_ACTOR && kind != FLEXO_SHAPE_TEXT;
}

gboolean
flexo_outline_has_details (FlexoShapeKind kind)
{
  switch (kind)
    {
    case FLEXO_SHAPE_CYLINDER:
    case FLEXO_SHAPE_NOTE:
    case FLEXO_SHAPE_ACTOR:
    case FLEXO_SHAPE_PACKAGE:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
flexo_outline_contains (FlexoShapeKind   kind,
                        const FlexoRect *box,
                        double           corner_radius,
                        const FlexoPath *form,
                        FlexoPoint       p,
                        double           tolerance)
{
  g_autoptr(FlexoPath) path = NULL;
  Box bx;

  g_return_val_if_fail (box != NULL, FALSE);

  if (!box_init (&bx, box) || !isfinite (p.x) || !isfinite (p.y))
    return FALSE;
  if (!(tolerance > 0))
    tolerance = 0;
  /* The silhouette lies within the box. */
  if (p.x < bx.x - tolerance || p.x > bx.r + tolerance ||
      p.y < bx.y - tolerance || p.y > bx.b + tolerance)
    return FALSE;

  path = flexo_path_new ();
  build_outline (kind, &bx, corner_radius, form, path);
  return flexo_path_contains_point (path, p) || flexo_path_distance (path, p, NULL) <= tolerance;
}

/* flexo_outline_clip() for the kinds whose outline is their box, without
 * building it (Liang–Barsky): where the segment leaves the closed box. */
static gboolean
clip_box (const Box  *bx,
          FlexoPoint  from,
          FlexoPoint  toward,
          FlexoPoint *out)
{
  double dx = toward.x - from.x, dy = toward.y - from.y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { from.x - bx->x, bx->r - from.x, from.y - bx->y, bx->b - from.y };
  double eps = 1e-9 * MAX (bx->w, bx->h);
  double t0 = 0, t1 = 1;
  int exit_side = -1;
  FlexoPoint hit;

  if (!(dx * dx + dy * dy > 0) || !isfinite (dx * dx + dy * dy))
    return FALSE;
  /* Strictly inside: no end on the outline makes sense. */
  if (MIN (MIN (toward.x - bx->x, bx->r - toward.x), MIN (toward.y - bx->y, bx->b - toward.y)) > eps)
    return FALSE;

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else if (q[i] / p[i] < t1)
        {
          t1 = q[i] / p[i];
          exit_side = i;
        }
    }
  if (t0 > t1)
    return FALSE;

  hit = exit_side < 0 ? toward : (FlexoPoint) { from.x + t1 * dx, from.y + t1 * dy };
  /* On the side it leaves by, exactly. */
  if (exit_side == 0)
    hit.x = bx->x;
  else if (exit_side == 1)
    hit.x = bx->r;
  else if (exit_side == 2)
    hit.y = bx->y;
  else if (exit_side == 3)
    hit.y = bx->b;
  if (out != NULL)
    *out = hit;
  return TRUE;
}

gboolean
flexo_outline_clip (FlexoShapeKind   kind,
                    const FlexoRect *box,
                    double           corner_radius,
                    const FlexoPath *form,
                    FlexoPoint       from,
                    FlexoPoint       toward,
                    FlexoPoint      *out)
{
  g_autoptr(FlexoPath) path = NULL;
  Box bx;

  g_return_val_if_fail (box != NULL, FALSE);

  if (!box_init (&bx, box))
    return FALSE;
  if (kind == FLEXO_SHAPE_RECTANGLE || kind == FLEXO_SHAPE_CLASS || kind == FLEXO_SHAPE_TEXT ||
      kind == FLEXO_SHAPE_CONTAINER || kind >= FLEXO_N_SHAPE_KINDS)
    return clip_box (&bx, from, toward, out);

  path = flexo_path_new ();
  build_outline (kind, &bx, corner_radius, form, path);
  /* Strictly inside: no end on the outline makes sense. */
  if (flexo_path_contains_point (path, toward) &&
      flexo_path_distance (path, toward, NULL) > 1e-9 * MAX (bx.w, bx.h))
    return FALSE;
  return flexo_path_last_intersection (path, from, toward, out);
}

gboolean
flexo_outline_nearest_point (FlexoShapeKind   kind,
                             const FlexoRect *box,
                             double           corner_radius,
                             const FlexoPath *form,
                             FlexoPoint       p,
                             FlexoPoint      *out)
{
  g_autoptr(FlexoPath) path = NULL;
  FlexoPoint nearest;
  Box bx;

  g_return_val_if_fail (box != NULL, FALSE);

  if (!box_init (&bx, box))
    return FALSE;

  path = flexo_path_new ();
  build_outline (kind, &bx, corner_radius, form, path);
  if (flexo_path_distance (path, p, &nearest) == G_MAXDOUBLE)
    return FALSE;
  if (out != NULL)
    *out = nearest;
  return TRUE;
}

/* ---------------------------------------------------------------- sides -- */

FlexoPoint
flexo_outline_side_center (const FlexoRect *box,
                           FlexoSide        side)
{
  FlexoRect n;

  g_return_val_if_fail (box != NULL, pt (0, 0));

  n = flexo_rect_normalize (*box);
  switch (side)
    {
    case FLEXO_SIDE_TOP:
      return pt (n.x + n.width / 2, n.y);
    case FLEXO_SIDE_RIGHT:
      return pt (n.x + n.width, n.y + n.height / 2);
    case FLEXO_SIDE_BOTTOM:
      return pt (n.x + n.width / 2, n.y + n.height);
    case FLEXO_SIDE_LEFT:
      return pt (n.x, n.y + n.height / 2);
    case FLEXO_N_SIDES:
    default:
      g_return_val_if_reached (flexo_rect_center (&n));
    }
}

FlexoPoint
flexo_side_normal (FlexoSide side)
{
  switch (side)
    {
    case FLEXO_SIDE_TOP:
      return pt (0, -1);
    case FLEXO_SIDE_RIGHT:
      return pt (1, 0);
    case FLEXO_SIDE_BOTTOM:
      return pt (0, 1);
    case FLEXO_SIDE_LEFT:
      return pt (-1, 0);
    case FLEXO_N_SIDES:
    default:
      g_return_val_if_reached (pt (0, 0));
    }
}

FlexoSide
flexo_side_opposite (FlexoSide side)
{
  g_return_val_if_fail (side < FLEXO_N_SIDES, FLEXO_SIDE_TOP);

  return (side + 2) % FLEXO_N_SIDES;
}

FlexoSide
flexo_side_facing (const FlexoRect *box,
                   FlexoPoint       p)
{
  FlexoRect n;
  FlexoPoint c;
  double dx, dy;

  g_return_val_if_fail (box != NULL, FLEXO_SIDE_TOP);

  n = flexo_rect_normalize (*box);
  c = flexo_rect_center (&n);
  dx = p.x - c.x;
  dy = p.y - c.y;
  /* Compare in the box's own proportions: the diagonals split the sides. */
  if (n.width > 0 && n.height > 0)
    {
      dx /= n.width;
      dy /= n.height;
    }
  if (fabs (dx) >= fabs (dy))
    return dx >= 0 ? FLEXO_SIDE_RIGHT : FLEXO_SIDE_LEFT;
  return dy >= 0 ? FLEXO_SIDE_BOTTOM : FLEXO_SIDE_TOP;
}

gboolean
flexo_outline_side_port (FlexoShapeKind   kind,
                         const FlexoRect *box,
                         double           corner_radius,
                         const FlexoPath *form,
                         FlexoSide        side,
                         FlexoPoint      *out)
{
  FlexoPoint c, nrm, far;
  Box bx;

  g_return_val_if_fail (box != NULL, FALSE);
  g_return_val_if_fail (side < FLEXO_N_SIDES, FALSE);

  if (!box_init (&bx, box))
    return FALSE;

  c = pt (bx.cx, bx.cy);
  nrm = flexo_side_normal (side);
  far = pt (c.x + nrm.x * (bx.w + bx.h), c.y + nrm.y * (bx.w + bx.h));
  return flexo_outline_clip (kind, box, corner_radius, form, c, far, out);
}
