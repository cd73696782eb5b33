/* flexo-painter-heads.c — the arrow heads of connectors
 *
 * Every head is drawn in a frame whose origin is the tip, at the end of
 * the route on the shape's outline, and whose axis is the direction of
 * the last segment; its size grows with the line's width.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-painter-private.h"

/* How far any head reaches from its tip. */
double
flexo_painter_head_reach (double width)
{
  return 1.7 * head_length (width) + MAX (width, 1);
}

/* How much of the line a head replaces: the line stops there so that it
 * does not show through filled or hollow heads. */
double
flexo_painter_head_inset (FlexoArrowHead head,
                          double         width)
{
  double l = head_length (width);

  switch (head)
    {
    case FLEXO_ARROW_OPEN:
    case FLEXO_ARROW_HALF:
      return width / 2;
    case FLEXO_ARROW_FILLED:
      return l * 0.8;
    case FLEXO_ARROW_CONCAVE:
      return l * 0.6;
    case FLEXO_ARROW_HOLLOW_TRIANGLE:
      return l;
    case FLEXO_ARROW_HOLLOW_DIAMOND:
      return 1.4 * l;
    case FLEXO_ARROW_FILLED_DIAMOND:
      return 1.2 * l;
    case FLEXO_ARROW_CIRCLE:
      return 0.7 * l + width / 2;
    case FLEXO_ARROW_FILLED_CIRCLE:
      return 0.5 * l;
    case FLEXO_ARROW_SQUARE:
      return 0.7 * l + width / 2;
    case FLEXO_ARROW_NONE:
    case FLEXO_ARROW_CROWS_FOOT_ONE:
    case FLEXO_ARROW_CROWS_FOOT_MANY:
    case FLEXO_ARROW_CROWS_FOOT_ZERO_OR_ONE:
    case FLEXO_ARROW_CROWS_FOOT_ZERO_OR_MANY:
    case FLEXO_ARROW_CROWS_FOOT_ONE_OR_MANY:
    case FLEXO_ARROW_CROSS:
    default:
      return 0;
    }
}

typedef struct
{
  FlexoPoint tip;
  FlexoPoint d;  /* unit, toward the tip */
  FlexoPoint n;  /* unit, across */
} HeadFrame;

/* The point @back behind the tip and @across to the side. */
static void
head_to (FlexoPaint      *paint,
         const HeadFrame *f,
         double           back,
         double           across,
         gboolean         move)
{
  double x = f->tip.x - f->d.x * back + f->n.x * across;
  double y = f->tip.y - f->d.y * back + f->n.y * across;

  if (move)
    paint_move_to (paint, x, y);
  else
    paint_line_to (paint, x, y);
}

static void
head_circle (FlexoPaint      *paint,
             const HeadFrame *f,
             double           back,
             double           radius)
{
  paint_new_sub_path (paint);
  paint_arc (paint, f->tip.x - f->d.x * back, f->tip.y - f->d.y * back, radius, 0, 2 * G_PI);
  paint_close_path (paint);
}

/* Fills the current path with the background, then strokes it. */
static void
hollow (FlexoPaint *paint,
        FlexoColor  background,
        FlexoColor  color)
{
  set_color (paint, background, 1);
  paint_fill_preserve (paint);
  set_color (paint, color, 1);
  paint_stroke (paint);
}

void
flexo_painter_draw_head (FlexoPaint     *paint,
                         FlexoArrowHead  head,
                         FlexoPoint      tip,
                         FlexoPoint      dir,
                         double          width,
                         FlexoColor      color,
                         FlexoColor      background)
{
  HeadFrame f = { tip, dir, pt (-dir.y, dir.x) };
  double l = head_length (width);
  double hw = 0.4 * l;     /* half the width of triangles */
  double a = width / 2;    /* outlines stop short of the tip by this */
  double big = 4 * l;

  if (head == FLEXO_ARROW_NONE)
    return;

  paint_save (paint);
  /* Nothing of a head goes past its tip: its outlines stop short of it,
   * and on cairo a clip takes care of the joins (a clip per head would
   * weigh on an SVG file more than the hair it saves). */
  if (paint->svg == NULL)
    {
      paint_new_path (paint);
      head_to (paint, &f, 0, big, TRUE);
      head_to (paint, &f, 0, -big, FALSE);
      head_to (paint, &f, big, -big, FALSE);
      head_to (paint, &f, big, big, FALSE);
      paint_close_path (paint);
      paint_clip (paint);
    }

  paint_new_path (paint);
  paint_set_dash (paint, NULL, 0);
  paint_set_line_width (paint, MAX (width, 0.5));
  paint_set_line_join (paint, CAIRO_LINE_JOIN_ROUND);
  paint_set_line_cap (paint, CAIRO_LINE_CAP_BUTT);
  set_color (paint, color, 1);

  switch (head)
    {
    case FLEXO_ARROW_OPEN:
      paint_set_line_cap (paint, CAIRO_LINE_CAP_ROUND);
      head_to (paint, &f, l, 1.1 * hw, TRUE);
      head_to (paint, &f, a, 0, FALSE);
      head_to (paint, &f, l, -1.1 * hw, FALSE);
      paint_stroke (paint);
      break;

    case FLEXO_ARROW_HALF:
      paint_set_line_cap (paint, CAIRO_LINE_CAP_ROUND);
      head_to (paint, &f, a, 0, TRUE);
      head_to (paint, &f, l, 1.1 * hw, FALSE);
      paint_stroke (paint);
      break;

    case FLEXO_ARROW_FILLED:
      head_to (paint, &f, 0, 0, TRUE);
      head_to (paint, &f, l, hw, FALSE);
      head_to (paint, &f, l, -hw, FALSE);
      paint_close_path (paint);
      paint_fill (paint);
      break;

    case FLEXO_ARROW_CONCAVE:
      /* A filled arrow whose back is notched towards the tip */
      head_to (paint, &f, 0, 0, TRUE);
      head_to (paint, &f, l, hw, FALSE);
      head_to (paint, &f, 0.6 * l, 0, FALSE);
      head_to (paint, &f, l, -hw, FALSE);
      paint_close_path (paint);
      paint_fill (paint);
      break;

    case FLEXO_ARROW_HOLLOW_TRIANGLE:
      head_to (paint, &f, a, 0, TRUE);
      head_to (paint, &f, a + l, hw, FALSE);
      head_to (paint, &f, a + l, -hw, FALSE);
      paint_close_path (paint);
      hollow (paint, background, color);
      break;

    case FLEXO_ARROW_HOLLOW_DIAMOND:
    case FLEXO_ARROW_FILLED_DIAMOND:
      {
        gboolean filled = head == FLEXO_ARROW_FILLED_DIAMOND;
        double o = filled ? 0 : a;
        double dl = filled ? 1.3 * l : 1.4 * l;

        head_to (paint, &f, o, 0, TRUE);
        head_to (paint, &f, o + dl / 2, 0.38 * l, FALSE);
        head_to (paint, &f, o + dl, 0, FALSE);
        head_to (paint, &f, o + dl / 2, -0.38 * l, FALSE);
        paint_close_path (paint);
        if (filled)
          paint_fill (paint);
        else
          hollow (paint, background, color);
      }
      break;

    case FLEXO_ARROW_CIRCLE:
    case FLEXO_ARROW_FILLED_CIRCLE:
      if (head == FLEXO_ARROW_CIRCLE)
        {
          head_circle (paint, &f, a + 0.35 * l, 0.35 * l);
          hollow (paint, background, color);
        }
      else
        {
          head_circle (paint, &f, 0.35 * l, 0.35 * l);
          paint_fill (paint);
        }
      break;

    case FLEXO_ARROW_SQUARE:
      paint_set_line_join (paint, CAIRO_LINE_JOIN_MITER);
      head_to (paint, &f, a, 0.35 * l, TRUE);
      head_to (paint, &f, a + 0.7 * l, 0.35 * l, FALSE);
      head_to (paint, &f, a + 0.7 * l, -0.35 * l, FALSE);
      head_to (paint, &f, a, -0.35 * l, FALSE);
      paint_close_path (paint);
      hollow (paint, background, color);
      break;

    case FLEXO_ARROW_CROWS_FOOT_ONE:
    case FLEXO_ARROW_CROWS_FOOT_ZERO_OR_ONE:
      head_to (paint, &f, 0.5 * l, 0.45 * l, TRUE);
      head_to (paint, &f, 0.5 * l, -0.45 * l, FALSE);
      paint_stroke (paint);
      if (head == FLEXO_ARROW_CROWS_FOOT_ZERO_OR_ONE)
        {
          head_circle (paint, &f, l + 0.3 * l, 0.3 * l);
          hollow (paint, background, color);
        }
      break;

    case FLEXO_ARROW_CROWS_FOOT_MANY:
    case FLEXO_ARROW_CROWS_FOOT_ZERO_OR_MANY:
    case FLEXO_ARROW_CROWS_FOOT_ONE_OR_MANY:
      head_to (paint, &f, 0, 0.5 * l, TRUE);
      head_to (paint, &f, l, 0, FALSE);
      head_to (paint, &f, 0, -0.5 * l, FALSE);
      /* One or many: a bar behind the foot */
      if (head == FLEXO_ARROW_CROWS_FOOT_ONE_OR_MANY)
        {
          head_to (paint, &f, 1.3 * l, 0.45 * l, TRUE);
          head_to (paint, &f, 1.3 * l, -0.45 * l, FALSE);
        }
      paint_stroke (paint);
      if (head == FLEXO_ARROW_CROWS_FOOT_ZERO_OR_MANY)
        {
          head_circle (paint, &f, l + 0.3 * l + width, 0.3 * l);
          hollow (paint, background, color);
        }
      break;

    case FLEXO_ARROW_CROSS:
      {
        double c = 0.6 * l, s = 0.3 * l;

        head_to (paint, &f, c - s, s, TRUE);
        head_to (paint, &f, c + s, -s, FALSE);
        head_to (paint, &f, c - s, -s, TRUE);
        head_to (paint, &f, c + s, s, FALSE);
        paint_stroke (paint);
      }
      break;

    case FLEXO_ARROW_NONE:
    default:
      break;
    }

  paint_restore (paint);
}
