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
head_to (cairo_t         *cr,
         const HeadFrame *f,
         double           back,
         double           across,
         gboolean         move)
{
  double x = f->tip.x - f->d.x * back + f->n.x * across;
  double y = f->tip.y - f->d.y * back + f->n.y * across;

  if (move)
    cairo_move_to (cr, x, y);
  else
    cairo_line_to (cr, x, y);
}

static void
head_circle (cairo_t         *cr,
             const HeadFrame *f,
             double           back,
             double           radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, f->tip.x - f->d.x * back, f->tip.y - f->d.y * back, radius, 0, 2 * G_PI);
  cairo_close_path (cr);
}

/* Fills the current path with the background, then strokes it. */
static void
hollow (cairo_t    *cr,
        FlexoColor  background,
        FlexoColor  color)
{
  set_color (cr, background, 1);
  cairo_fill_preserve (cr);
  set_color (cr, color, 1);
  cairo_stroke (cr);
}

void
flexo_painter_draw_head (cairo_t        *cr,
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

  cairo_save (cr);
  /* Nothing of a head goes past its tip. */
  cairo_new_path (cr);
  head_to (cr, &f, 0, big, TRUE);
  head_to (cr, &f, 0, -big, FALSE);
  head_to (cr, &f, big, -big, FALSE);
  head_to (cr, &f, big, big, FALSE);
  cairo_close_path (cr);
  cairo_clip (cr);

  cairo_new_path (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, MAX (width, 0.5));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  set_color (cr, color, 1);

  switch (head)
    {
    case FLEXO_ARROW_OPEN:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      head_to (cr, &f, l, 1.1 * hw, TRUE);
      head_to (cr, &f, a, 0, FALSE);
      head_to (cr, &f, l, -1.1 * hw, FALSE);
      cairo_stroke (cr);
      break;

    case FLEXO_ARROW_HALF:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      head_to (cr, &f, a, 0, TRUE);
      head_to (cr, &f, l, 1.1 * hw, FALSE);
      cairo_stroke (cr);
      break;

    case FLEXO_ARROW_FILLED:
      head_to (cr, &f, 0, 0, TRUE);
      head_to (cr, &f, l, hw, FALSE);
      head_to (cr, &f, l, -hw, FALSE);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case FLEXO_ARROW_HOLLOW_TRIANGLE:
      head_to (cr, &f, a, 0, TRUE);
      head_to (cr, &f, a + l, hw, FALSE);
      head_to (cr, &f, a + l, -hw, FALSE);
      cairo_close_path (cr);
      hollow (cr, background, color);
      break;

    case FLEXO_ARROW_HOLLOW_DIAMOND:
    case FLEXO_ARROW_FILLED_DIAMOND:
      {
        gboolean filled = head == FLEXO_ARROW_FILLED_DIAMOND;
        double o = filled ? 0 : a;
        double dl = filled ? 1.3 * l : 1.4 * l;

        head_to (cr, &f, o, 0, TRUE);
        head_to (cr, &f, o + dl / 2, 0.38 * l, FALSE);
        head_to (cr, &f, o + dl, 0, FALSE);
        head_to (cr, &f, o + dl / 2, -0.38 * l, FALSE);
        cairo_close_path (cr);
        if (filled)
          cairo_fill (cr);
        else
          hollow (cr, background, color);
      }
      break;

    case FLEXO_ARROW_CIRCLE:
    case FLEXO_ARROW_FILLED_CIRCLE:
      if (head == FLEXO_ARROW_CIRCLE)
        {
          head_circle (cr, &f, a + 0.35 * l, 0.35 * l);
          hollow (cr, background, color);
        }
      else
        {
          head_circle (cr, &f, 0.35 * l, 0.35 * l);
          cairo_fill (cr);
        }
      break;

    case FLEXO_ARROW_SQUARE:
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      head_to (cr, &f, a, 0.35 * l, TRUE);
      head_to (cr, &f, a + 0.7 * l, 0.35 * l, FALSE);
      head_to (cr, &f, a + 0.7 * l, -0.35 * l, FALSE);
      head_to (cr, &f, a, -0.35 * l, FALSE);
      cairo_close_path (cr);
      hollow (cr, background, color);
      break;

    case FLEXO_ARROW_CROWS_FOOT_ONE:
    case FLEXO_ARROW_CROWS_FOOT_ZERO_OR_ONE:
      head_to (cr, &f, 0.5 * l, 0.45 * l, TRUE);
      head_to (cr, &f, 0.5 * l, -0.45 * l, FALSE);
      cairo_stroke (cr);
      if (head == FLEXO_ARROW_CROWS_FOOT_ZERO_OR_ONE)
        {
          head_circle (cr, &f, l + 0.3 * l, 0.3 * l);
          hollow (cr, background, color);
        }
      break;

    case FLEXO_ARROW_CROWS_FOOT_MANY:
    case FLEXO_ARROW_CROWS_FOOT_ZERO_OR_MANY:
      head_to (cr, &f, 0, 0.5 * l, TRUE);
      head_to (cr, &f, l, 0, FALSE);
      head_to (cr, &f, 0, -0.5 * l, FALSE);
      cairo_stroke (cr);
      if (head == FLEXO_ARROW_CROWS_FOOT_ZERO_OR_MANY)
        {
          head_circle (cr, &f, l + 0.3 * l + width, 0.3 * l);
          hollow (cr, background, color);
        }
      break;

    case FLEXO_ARROW_CROSS:
      {
        double c = 0.6 * l, s = 0.3 * l;

        head_to (cr, &f, c - s, s, TRUE);
        head_to (cr, &f, c + s, -s, FALSE);
        head_to (cr, &f, c - s, -s, TRUE);
        head_to (cr, &f, c + s, s, FALSE);
        cairo_stroke (cr);
      }
      break;

    case FLEXO_ARROW_NONE:
    default:
      break;
    }

  cairo_restore (cr);
}
