/* flexo-painter-lod.c — the level of detail of the painter
 *
 * When a diagram is seen from far, most shapes are a few pixels: they are
 * not drawn one by one but gathered per colour and set as whole pixels of
 * a mask, painted once; connectors likewise become thin lines.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "flexo-bezier.h"
#include "flexo-outline.h"
#include "flexo-painter-private.h"

/* Where the pixels of a batch are set: an A8 mask (0xff each) or, for an
 * opaque colour, the ARGB32 target itself (the colour each). */
typedef struct
{
  unsigned char *data;    /* the pixel (x0, y0) */
  int            stride;
  int            x0, y0;  /* the pixels that may be set: [x0, x1) × [y0, y1) */
  int            x1, y1;
  gboolean       argb;
  guint32        pixel;
} Pixels;

/* Sets the pixels [@x0, @x1) of row @y, all within @px. */
static inline void
set_span (const Pixels *px,
          int           y,
          int           x0,
          int           x1)
{
  unsigned char *row = px->data + (gsize) (y - px->y0) * px->stride;

  if (px->argb)
    {
      guint32 *p = (guint32 *) (gpointer) row - px->x0;

      for (int x = x0; x < x1; x++)
        p[x] = px->pixel;
    }
  else
    memset (row + (x0 - px->x0), 0xff, (size_t) (x1 - x0));
}

/* floor() without a call (the build does not assume SSE4.1), for pixel
 * coordinates, which are kept well within int. */
static inline int
pixel_floor (double x)
{
  int i;

  x = CLAMP (x, -1e8, 1e8);
  i = (int) x;
  return i - (x < i);
}

/* Sets the pixels of a line from (@ax, @ay) to (@bx, @by), in pixels,
 * @thickness pixels across: one per step along it. The steps are the
 * same whatever part of it @px holds, and so are the pixels set: a part
 * of a view is drawn as the whole view would be there. */
static void
set_line (const Pixels *px,
          double        ax,
          double        ay,
          double        bx,
          double        by,
          int           thickness)
{
  double dx = bx - ax, dy = by - ay;
  gboolean steep = fabs (dy) > fabs (dx);
  double len = steep ? fabs (dy) : fabs (dx);
  int steps = (int) MIN (ceil (len), 1e5);
  double sx = steps > 0 ? dx / steps : 0, sy = steps > 0 ? dy / steps : 0;
  double off0 = -(thickness - 1) / 2.0;
  double first = 0, last = steps;
  int i0, i1;

  /* Only the steps within reach of the pixels. */
  if (MAX (ax, bx) < px->x0 - thickness || MIN (ax, bx) > px->x1 + thickness ||
      MAX (ay, by) < px->y0 - thickness || MIN (ay, by) > px->y1 + thickness)
    return;
  if (sx != 0 && (MIN (ax, bx) < px->x0 + thickness || MAX (ax, bx) > px->x1 - thickness))
    {
      double ta = (px->x0 - thickness - 1 - ax) / sx, tb = (px->x1 + thickness + 1 - ax) / sx;

      first = MAX (first, MIN (ta, tb));
      last = MIN (last, MAX (ta, tb));
    }
  if (sy != 0 && (MIN (ay, by) < px->y0 + thickness || MAX (ay, by) > px->y1 - thickness))
    {
      double ta = (px->y0 - thickness - 1 - ay) / sy, tb = (px->y1 + thickness + 1 - ay) / sy;

      first = MAX (first, MIN (ta, tb));
      last = MIN (last, MAX (ta, tb));
    }
  if (!(first <= last))
    return;
  i0 = MAX ((int) first - 1, 0);
  i1 = MIN ((int) last + 1, steps);

  for (int i = i0; i <= i1; i++)
    {
      double x = ax + i * sx, y = ay + i * sy;

      for (int j = 0; j < thickness; j++)
        {
          int ix = pixel_floor (steep ? x + off0 + j : x);
          int iy = pixel_floor (steep ? y : y + off0 + j);

          if (ix >= px->x0 && iy >= px->y0 && ix < px->x1 && iy < px->y1)
            set_span (px, iy, ix, ix + 1);
        }
    }
}

/* Sets the batch's pixels: its lines (@line_width > 0) or its rectangles
 * (x, y, width, height in user space, snapped to whole pixels, at least
 * one each way). @m maps user space to pixels. */
static void
set_batch (const Pixels         *px,
           const cairo_matrix_t *m,
           const double         *c,
           guint                 n,
           double                line_width)
{
  if (line_width > 0)
    {
      int thickness = (int) CLAMP (floor (line_width * fabs (m->xx) + 0.5), 1, 64);

      for (guint k = 0; k < n;)
        {
          guint n_points = (guint) c[k++];

          for (guint j = 0; j + 1 < n_points && k + 3 < n; j++, k += 2)
            set_line (px, m->xx * c[k] + m->x0, m->yy * c[k + 1] + m->y0,
                      m->xx * c[k + 2] + m->x0, m->yy * c[k + 3] + m->y0, thickness);
          k += 2;
        }
      return;
    }
  for (guint k = 0; k + 3 < n; k += 4)
    {
      double ax = m->xx * c[k] + m->x0, bx = m->xx * (c[k] + c[k + 2]) + m->x0;
      double ay = m->yy * c[k + 1] + m->y0, by = m->yy * (c[k + 1] + c[k + 3]) + m->y0;
      double lx = MIN (ax, bx), hx = MAX (ax, bx);
      double ly = MIN (ay, by), hy = MAX (ay, by);
      int ix0, ix1, iy0, iy1;

      if (!(hx > px->x0 && hy > px->y0 && lx < px->x1 && ly < px->y1))
        continue;
      ix0 = pixel_floor (lx + 0.5);
      ix1 = pixel_floor (hx + 0.5);
      if (ix1 <= ix0)
        ix1 = (ix0 = pixel_floor ((lx + hx) / 2)) + 1;
      iy0 = pixel_floor (ly + 0.5);
      iy1 = pixel_floor (hy + 0.5);
      if (iy1 <= iy0)
        iy1 = (iy0 = pixel_floor ((ly + hy) / 2)) + 1;
      ix0 = MAX (ix0, px->x0);
      iy0 = MAX (iy0, px->y0);
      ix1 = MIN (ix1, px->x1);
      iy1 = MIN (iy1, px->y1);
      for (int y = iy0; y < iy1; y++)
        if (ix1 > ix0)
          set_span (px, y, ix0, ix1);
    }
}

/* An opaque colour straight into an ARGB32 image target, within its one
 * clip rectangle, without scaling by the device: what the mask would give,
 * without making and compositing a mask as large as the view. */
static gboolean
lod_set_target_pixels (cairo_t              *cr,
                       const cairo_matrix_t *m,
                       FlexoColor            color,
                       const double         *c,
                       guint                 n,
                       double                line_width)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_rectangle_list_t *clip;
  cairo_rectangle_t r;
  cairo_matrix_t pm = *m;
  double ox = 0, oy = 0, sx = 1, sy = 1;
  int x0, y0, x1, y1;
  Pixels px;

  if (FLEXO_COLOR_ALPHA (color) != 0xff || cairo_get_operator (cr) != CAIRO_OPERATOR_OVER ||
      cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      (cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32 &&
       cairo_image_surface_get_format (target) != CAIRO_FORMAT_RGB24))
    return FALSE;
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (sx != 1 || sy != 1)
    return FALSE;

  /* The clip, in device space, must be one rectangle. */
  cairo_save (cr);
  cairo_identity_matrix (cr);
  clip = cairo_copy_clip_rectangle_list (cr);
  cairo_restore (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles != 1)
    {
      cairo_rectangle_list_destroy (clip);
      return FALSE;
    }
  r = clip->rectangles[0];
  cairo_rectangle_list_destroy (clip);

  /* Device space to the pixels of the target. */
  cairo_surface_get_device_offset (target, &ox, &oy);
  x0 = (int) MAX (ceil (r.x + ox), 0);
  y0 = (int) MAX (ceil (r.y + oy), 0);
  x1 = (int) MIN (floor (r.x + r.width + ox), cairo_image_surface_get_width (target));
  y1 = (int) MIN (floor (r.y + r.height + oy), cairo_image_surface_get_height (target));
  if (x1 <= x0 || y1 <= y0)
    return TRUE;

  cairo_surface_flush (target);
  px.stride = cairo_image_surface_get_stride (target);
  px.data = cairo_image_surface_get_data (target) + (gsize) y0 * px.stride + (gsize) x0 * 4;
  px.x0 = x0;
  px.y0 = y0;
  px.x1 = x1;
  px.y1 = y1;
  px.argb = TRUE;
  px.pixel = 0xff000000u | (FLEXO_COLOR_RED (color) << 16) | (FLEXO_COLOR_GREEN (color) << 8) |
             FLEXO_COLOR_BLUE (color);
  pm.x0 += ox;
  pm.y0 += oy;
  set_batch (&px, &pm, c, n, line_width);
  cairo_surface_mark_dirty_rectangle (target, x0, y0, x1 - x0, y1 - y0);
  return TRUE;
}

/* Fills the batch @c (see set_batch()): its pixels are set in a mask,
 * which is painted once, instead of a path of as many rectangles as cairo
 * would have to build and rasterize. FALSE, having drawn nothing, when
 * the transformation turns or the target is too large. */
static gboolean
lod_fill_pixels (cairo_t      *cr,
                 FlexoColor    color,
                 const double *c,
                 guint         n,
                 double        line_width)
{
  cairo_surface_t *mask;
  cairo_matrix_t m;
  double x1, y1, x2, y2;
  int x0, y0, width, height;
  Pixels px = { 0 };

  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0)
    return FALSE;
  if (lod_set_target_pixels (cr, &m, color, c, n, line_width))
    return TRUE;

  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  x0 = (int) floor (MAX (x1, -1e7));
  y0 = (int) floor (MAX (y1, -1e7));
  width = (int) ceil (MIN (x2, 1e7)) - x0;
  height = (int) ceil (MIN (y2, 1e7)) - y0;
  if (width <= 0 || height <= 0 || (double) width * height > 16e6)
    {
      cairo_restore (cr);
      return width <= 0 || height <= 0;
    }

  mask = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  if (cairo_surface_status (mask) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (mask);
      cairo_restore (cr);
      return FALSE;
    }
  cairo_surface_flush (mask);
  px.data = cairo_image_surface_get_data (mask);
  px.stride = cairo_image_surface_get_stride (mask);
  px.x0 = x0;
  px.y0 = y0;
  px.x1 = x0 + width;
  px.y1 = y0 + height;
  set_batch (&px, &m, c, n, line_width);
  cairo_surface_mark_dirty (mask);

  set_cairo_color (cr, color, 1);
  cairo_mask_surface (cr, mask, x0, y0);
  cairo_surface_destroy (mask);
  cairo_restore (cr);
  return TRUE;
}

void
flexo_painter_lod_flush (FlexoLod *lod,
                         cairo_t  *cr)
{
  if (lod->n_batches == 0)
    return;

  /* By colour, then width (at most LOD_MAX_BATCHES: by insertion). */
  for (guint i = 1; i < lod->n_batches; i++)
    for (guint j = i; j > 0; j--)
      {
        LodBatch *p = &lod->batches[j - 1], *q = &lod->batches[j], t;

        if (p->color < q->color || (p->color == q->color && p->width <= q->width))
          break;
        t = *p, *p = *q, *q = t;
      }
  lod->n_flushes++;

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  for (guint i = 0; i < lod->n_batches; i++)
    {
      LodBatch *b = &lod->batches[i];
      const double *c = (const double *) (gpointer) b->coords->data;
      guint n = b->coords->len;

      cairo_new_path (cr);
      if (lod_fill_pixels (cr, b->color, c, n, b->width))
        {
          /* Set as pixels. */
        }
      else if (b->width > 0)
        {
          for (guint k = 0; k < n;)
            {
              guint n_points = (guint) c[k++];

              for (guint j = 0; j < n_points; j++, k += 2)
                {
                  if (j == 0)
                    cairo_move_to (cr, c[k], c[k + 1]);
                  else
                    cairo_line_to (cr, c[k], c[k + 1]);
                }
            }
          cairo_set_line_width (cr, b->width);
          set_cairo_color (cr, b->color, 1);
          cairo_stroke (cr);
        }
      else
        {
          for (guint k = 0; k + 3 < n; k += 4)
            cairo_rectangle (cr, c[k], c[k + 1], c[k + 2], c[k + 3]);
          set_cairo_color (cr, b->color, 1);
          cairo_fill (cr);
        }
      g_array_set_size (b->coords, 0);
      g_ptr_array_add (lod->pool, b->coords);
    }
  lod->n_batches = 0;
  cairo_restore (cr);
}

static GArray *
lod_batch (FlexoLod   *lod,
           cairo_t    *cr,
           FlexoColor  color,
           double      width)
{
  LodBatch *b;

  for (guint i = 0; i < lod->n_batches; i++)
    if (lod->batches[i].color == color && lod->batches[i].width == width)
      return lod->batches[i].coords;

  if (lod->n_batches == LOD_MAX_BATCHES)
    flexo_painter_lod_flush (lod, cr);
  b = &lod->batches[lod->n_batches++];
  b->color = color;
  b->width = width;
  if (lod->pool->len > 0)
    b->coords = g_ptr_array_steal_index_fast (lod->pool, lod->pool->len - 1);
  else
    b->coords = g_array_sized_new (FALSE, FALSE, sizeof (double), 1024);
  return b->coords;
}

static FlexoColor
color_with_opacity (FlexoColor color,
                    double     opacity)
{
  guint32 a;

  if (opacity >= 1)
    return color;
  a = (guint32) lround (FLEXO_COLOR_ALPHA (color) * CLAMP (opacity, 0, 1));
  return FLEXO_COLOR_RGBA (FLEXO_COLOR_RED (color), FLEXO_COLOR_GREEN (color),
                           FLEXO_COLOR_BLUE (color), a);
}

/* Adds @shape to the batches when it is too small for details. */
gboolean
flexo_painter_lod_shape (FlexoLod   *lod,
                         cairo_t    *cr,
                         FlexoShape *shape,
                         double      scale,
                         FlexoInk   *ink)
{
  FlexoRect box = flexo_rect_normalize (*flexo_shape_get_bounds (shape));
  FlexoShapeKind kind;
  FlexoStyle style;
  FlexoColor color;
  double r[4];

  if (MAX (box.width, box.height) * scale >= LOD_SHAPE_PIXELS)
    return FALSE;
  /* Its box, or a pixel at its middle: within a pixel of the box. */
  if (ink != NULL)
    *ink = flexo_ink_box (box.x, box.y, box.x + box.width, box.y + box.height);

  flexo_shape_resolve_style (shape, &style);
  if (!(style.opacity > 0) || flexo_rect_is_empty (&box))
    return TRUE;
  kind = style.shape_kind < FLEXO_N_SHAPE_KINDS ? style.shape_kind : FLEXO_SHAPE_RECTANGLE;
  if ((flexo_outline_paints_silhouette (kind) ||
       (kind == FLEXO_SHAPE_TEXT && flexo_painter_text_shape_filled (shape))) && color_visible (style.fill))
    color = style.fill;
  else if (flexo_outline_paints_silhouette (kind) && style.stroke_width > 0 &&
           color_visible (style.stroke))
    color = style.stroke;
  else
    return TRUE;
  color = color_with_opacity (color, style.opacity);
  if (!color_visible (color))
    return TRUE;

  if (lod == NULL)
    return TRUE;
  r[0] = box.x;
  r[1] = box.y;
  r[2] = box.width;
  r[3] = box.height;
  g_array_append_vals (lod_batch (lod, cr, color, 0), r, 4);
  return TRUE;
}

static FlexoPoint
end_centre (FlexoShape *shape,
            FlexoPoint  point)
{
  FlexoRect b;

  if (shape == NULL)
    return point;
  b = flexo_rect_normalize (*flexo_shape_get_bounds (shape));
  return pt (b.x + b.width / 2, b.y + b.height / 2);
}

/* The points of a Bézier chain @w from @a to @b, without its ends:
 * BEZIER_PIECES per segment. */
#define BEZIER_PIECES 6

static GArray *
bezier_polyline (GArray     *w,
                 FlexoPoint  a,
                 FlexoPoint  b)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (FlexoPoint));
  const FlexoPoint *p = (const FlexoPoint *) (gconstpointer) w->data;

  for (guint i = 0; i + 1 < w->len; i += 3)
    {
      FlexoPoint seg[4] = { i == 0 ? a : p[i - 1], p[i], p[i + 1], i + 2 < w->len ? p[i + 2] : b };

      for (guint k = 1; k <= BEZIER_PIECES; k++)
        {
          FlexoPoint q = flexo_bezier_point (seg, (double) k / BEZIER_PIECES);

          if (k < BEZIER_PIECES || i + 2 < w->len)
            g_array_append_val (out, q);
        }
    }
  return out;
}

/* Adds @connector to the batches when its heads are too small to see. */
gboolean
flexo_painter_lod_connector (FlexoLod       *lod,
                             cairo_t        *cr,
                             FlexoConnector *connector,
                             double          scale,
                             FlexoInk       *ink)
{
  FlexoStyle style;
  FlexoColor color;
  FlexoPoint a, b;
  GArray *waypoints;
  g_autoptr(GArray) curve = NULL;
  double width, length, n;

  flexo_connector_resolve_style (connector, &style);
  width = MAX (style.stroke_width, 0);
  if (head_length (width) * scale >= LOD_HEAD_PIXELS)
    return FALSE;
  if (ink != NULL)
    *ink = FLEXO_INK_NOWHERE;
  if (!(style.opacity > 0) || !(width > 0))
    return TRUE;
  color = color_with_opacity (style.stroke, style.opacity);
  if (!color_visible (color))
    return TRUE;

  a = end_centre (flexo_connector_get_source (connector), flexo_connector_get_source_point (connector));
  b = end_centre (flexo_connector_get_target (connector), flexo_connector_get_target_point (connector));
  waypoints = flexo_connector_get_waypoints (connector);
  /* A Bézier chain goes through points of its curve (from centre to
   * centre, as the others), not through its control points. */
  if (style.routing == FLEXO_ROUTING_BEZIER && waypoints != NULL && flexo_bezier_chain_is_valid (waypoints->len))
    waypoints = curve = bezier_polyline (waypoints, a, b);
  length = fabs (a.x - b.x) + fabs (a.y - b.y);
  for (guint i = 0; waypoints != NULL && i < waypoints->len; i++)
    {
      FlexoPoint p = g_array_index (waypoints, FlexoPoint, i);

      length += fabs (p.x - a.x) + fabs (p.y - a.y);
    }
  if (length * scale < 1)
    return TRUE;

  /* At least half a device pixel wide, so that it shows. Level and
   * upright pieces are rectangles, which cairo fills fastest. */
  width = MAX (width, 0.5 / scale);
  n = 2 + (waypoints != NULL ? waypoints->len : 0);
  /* Pixels reach half the width (at least a pixel) beyond the line. */
  if (ink != NULL && (waypoints == NULL || waypoints->len == 0))
    *ink = (FlexoInk) { a.x, a.y, b.x, b.y, width };
  else if (ink != NULL)
    {
      double x0 = MIN (a.x, b.x), y0 = MIN (a.y, b.y), x1 = MAX (a.x, b.x), y1 = MAX (a.y, b.y);

      for (guint i = 0; i < waypoints->len; i++)
        {
          FlexoPoint p = g_array_index (waypoints, FlexoPoint, i);

          x0 = MIN (x0, p.x), y0 = MIN (y0, p.y), x1 = MAX (x1, p.x), y1 = MAX (y1, p.y);
        }
      *ink = flexo_ink_box (x0 - width, y0 - width, x1 + width, y1 + width);
    }
  if (lod == NULL)
    return TRUE;
  for (guint i = 0; i + 1 < (guint) n; i++)
    {
      FlexoPoint p = i == 0 ? a : g_array_index (waypoints, FlexoPoint, i - 1);
      FlexoPoint q = i + 2 == (guint) n ? b : g_array_index (waypoints, FlexoPoint, i);

      if (p.x == q.x || p.y == q.y)
        {
          double r[4] = { MIN (p.x, q.x), MIN (p.y, q.y), fabs (p.x - q.x), fabs (p.y - q.y) };

          if (r[2] == 0)
            r[0] -= width / 2, r[2] = width;
          else
            r[1] -= width / 2, r[3] = width;
          g_array_append_vals (lod_batch (lod, cr, color, 0), r, 4);
        }
      else
        {
          double seg[5] = { 2, p.x, p.y, q.x, q.y };

          g_array_append_vals (lod_batch (lod, cr, color, width), seg, 5);
        }
    }
  return TRUE;
}
