/* test-painter.c — the painter and the exports, checked on their pixels
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "flexo-export.h"
#include "flexo-model.h"
#include "flexo-outline.h"
#include "flexo-painter.h"
#include "flexo-painter-private.h"
#include "flexo-route.h"
#include "flexo-svg-writer.h"
#include "flexo-test.h"

#define RED   FLEXO_COLOR_RGBA (0xff, 0x00, 0x00, 0xff)
#define BLUE  FLEXO_COLOR_RGBA (0x00, 0x00, 0xff, 0xff)
#define GREEN FLEXO_COLOR_RGBA (0x00, 0xa0, 0x00, 0xff)
#define BLACK FLEXO_COLOR_RGBA (0x00, 0x00, 0x00, 0xff)
#define WHITE FLEXO_COLOR_RGBA (0xff, 0xff, 0xff, 0xff)
#define CLEAR FLEXO_COLOR_RGBA (0x00, 0x00, 0x00, 0x00)

/* ------------------------------------------------------------ documents -- */

typedef struct
{
  FlexoDocument *doc;
  FlexoDiagram  *diagram;
} Doc;

static void
doc_init (Doc *d)
{
  g_autoptr(FlexoDiagram) diagram = NULL;

  d->doc = flexo_document_new ();
  diagram = flexo_diagram_new (d->doc, "Test");
  flexo_document_begin (d->doc, "Add");
  flexo_object_insert_child (FLEXO_OBJECT (d->doc), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  d->diagram = diagram;
}

static void
doc_commit (Doc *d)
{
  flexo_document_commit (d->doc);
}

static void
doc_free (Doc *d)
{
  g_clear_object (&d->doc);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Doc, doc_free)

static FlexoShape *
add_shape (Doc            *d,
           FlexoRect       box,
           FlexoShapeKind  kind,
           FlexoColor      fill,
           FlexoColor      stroke,
           const char     *text)
{
  g_autoptr(FlexoShape) shape = flexo_shape_new (d->doc, &box);
  g_autoptr(FlexoStyle) style = flexo_style_new ();

  flexo_style_set_shape_kind (style, kind);
  flexo_style_set_fill (style, fill);
  flexo_style_set_stroke (style, stroke);
  flexo_style_set_stroke_width (style, 2);
  flexo_style_set_text_color (style, BLACK);
  flexo_shape_set_style (shape, style);
  if (text != NULL)
    flexo_shape_set_text (shape, text);
  flexo_diagram_add_item (d->diagram, shape);
  return shape;
}

static void
restyle_shape (FlexoShape *shape,
               void      (*edit) (FlexoStyle *style))
{
  g_autoptr(FlexoStyle) style = flexo_style_copy (flexo_shape_get_style (shape));

  edit (style);
  flexo_shape_set_style (shape, style);
}

static FlexoConnector *
add_connector (Doc           *d,
               FlexoShape    *source,
               FlexoShape    *target,
               FlexoRouting   routing,
               FlexoArrowHead head)
{
  g_autoptr(FlexoConnector) connector = flexo_connector_new (d->doc, source, target);
  g_autoptr(FlexoStyle) style = flexo_style_new ();

  flexo_style_set_stroke (style, GREEN);
  flexo_style_set_stroke_width (style, 2);
  flexo_style_set_routing (style, routing);
  flexo_style_set_arrow_start (style, FLEXO_ARROW_NONE);
  flexo_style_set_arrow_end (style, head);
  flexo_connector_set_style (connector, style);
  flexo_diagram_add_item (d->diagram, connector);
  return connector;
}

/* --------------------------------------------------------------- pixels -- */

/* Draws @area (NULL: all) of the diagram with @scale device pixels per
 * unit; @lod is the scale the painter is told, for its level of detail. */
static cairo_surface_t *
render_lod (FlexoDiagram    *diagram,
            const FlexoRect *area,
            double           scale,
            double           lod,
            int              width,
            int              height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(FlexoPainter) painter = flexo_painter_new ();

  cairo_scale (cr, scale, scale);
  flexo_painter_draw (painter, cr, diagram, area, lod);
  ck_assert_int_eq (cairo_status (cr), CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
render (FlexoDiagram    *diagram,
        const FlexoRect *area,
        double           scale,
        int              width,
        int              height)
{
  return render_lod (diagram, area, scale, scale, width, height);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

/* The ARGB (premultiplied) of the device pixel (@x, @y). */
static guint32
pixel (cairo_surface_t *s,
       int              x,
       int              y)
{
  const unsigned char *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);

  /* Not ck_assert(): Check records every assertion, and this is called
   * for millions of pixels. */
  if (x < 0 || y < 0 || x >= cairo_image_surface_get_width (s) || y >= cairo_image_surface_get_height (s))
    ck_abort_msg ("pixel (%d, %d) is outside the image", x, y);
  return *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
}

/* The pixel under the diagram point (@x, @y). */
static guint32
pixel_at (cairo_surface_t *s,
          double           scale,
          double           x,
          double           y)
{
  return pixel (s, (int) floor (x * scale), (int) floor (y * scale));
}

#define PA(p) (((p) >> 24) & 0xff)
#define PR(p) (((p) >> 16) & 0xff)
#define PG(p) (((p) >> 8) & 0xff)
#define PB(p) ((p) & 0xff)

/* Opaque and within a small distance of @color. */
static gboolean
is_color (guint32    p,
          FlexoColor color)
{
  return PA (p) >= 0xf0 &&
         ABS ((int) PR (p) - (int) FLEXO_COLOR_RED (color)) <= 24 &&
         ABS ((int) PG (p) - (int) FLEXO_COLOR_GREEN (color)) <= 24 &&
         ABS ((int) PB (p) - (int) FLEXO_COLOR_BLUE (color)) <= 24;
}

/* Mostly green: at least half covered by the connector's colour. */
static gboolean
is_greenish (guint32 p)
{
  return PA (p) >= 0x80 && PG (p) > PR (p) + 0x40 && PG (p) > PB (p) + 0x40;
}

static gboolean
is_dark (guint32 p)
{
  return PA (p) >= 0xc0 && PR (p) < 0x60 && PG (p) < 0x60 && PB (p) < 0x60;
}

#define ck_assert_pixel(s, scale, x, y, cond) \
  G_STMT_START { \
    guint32 p_ = pixel_at ((s), (scale), (x), (y)); \
    ck_assert_msg (cond (p_), "pixel at (%g, %g) is %08x", (double) (x), (double) (y), p_); \
  } G_STMT_END

static gboolean
is_transparent (guint32 p)
{
  return PA (p) == 0;
}

static gboolean
is_red (guint32 p)
{
  return is_color (p, RED);
}

static gboolean
is_white (guint32 p)
{
  return is_color (p, WHITE);
}

/* How many device pixels of [x0, x1) × [y0, y1) satisfy @cond. */
static guint
count_pixels (cairo_surface_t *s,
              int              x0,
              int              y0,
              int              x1,
              int              y1,
              gboolean       (*cond) (guint32))
{
  guint n = 0;

  x0 = MAX (x0, 0);
  y0 = MAX (y0, 0);
  x1 = MIN (x1, cairo_image_surface_get_width (s));
  y1 = MIN (y1, cairo_image_surface_get_height (s));
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (cond (pixel (s, x, y)))
        n++;
  return n;
}

static gboolean
is_painted (guint32 p)
{
  return PA (p) != 0;
}

/* Painted pixels outside the device rectangle [x0, x1) × [y0, y1). */
static guint
count_outside (cairo_surface_t *s,
               int              x0,
               int              y0,
               int              x1,
               int              y1)
{
  return count_pixels (s, 0, 0, cairo_image_surface_get_width (s),
                       cairo_image_surface_get_height (s), is_painted) -
         count_pixels (s, x0, y0, x1, y1, is_painted);
}

/* ---------------------------------------------------------- shape kinds -- */

/* Every kind, filled red and stroked blue in (20, 20, 120, 80): red well
 * inside the silhouette, nothing outside the box, nothing in a corner
 * that the silhouette leaves out. */
START_TEST (test_shape_kinds_fill_their_silhouette)
{
  const FlexoShapeKind kind = _i;
  const FlexoRect box = FLEXO_RECT_INIT (20, 20, 120, 80);
  const double scale = 2;
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) s = NULL;
  FlexoPoint inside = { 80, 60 };
  FlexoPoint corner = { -1, -1 };

  doc_init (&d);
  {
    FlexoShape *shape = add_shape (&d, box, kind, RED, BLUE, NULL);
    /* A square with a notch rising from the middle of its bottom. */
    g_autoptr(FlexoPath) form = flexo_path_new_from_data ("M 0 0 L 1 0 L 1 1 L 0.5 0.75 L 0 1 Z", NULL);

    flexo_shape_set_form (shape, form);
  }
  doc_commit (&d);
  s = render (d.diagram, NULL, scale, 320, 240);

  switch (kind)
    {
    case FLEXO_SHAPE_FREEFORM:
      corner = (FlexoPoint) { 80, 95 };  /* in the notch */
      break;
    case FLEXO_SHAPE_ACTOR:
      {
        /* Only the figure is painted: its head is filled. */
        double head = MIN (box.height * 0.13, 0.3 * MIN (box.width, box.height * 0.6));

        inside = (FlexoPoint) { 80, box.y + head };
        corner = (FlexoPoint) { 20.6, 20.6 };
      }
      break;
    case FLEXO_SHAPE_ROUNDED_RECTANGLE:
    case FLEXO_SHAPE_ELLIPSE:
    case FLEXO_SHAPE_CIRCLE:
    case FLEXO_SHAPE_DIAMOND:
    case FLEXO_SHAPE_TRIANGLE:
    case FLEXO_SHAPE_HEXAGON:
    case FLEXO_SHAPE_PARALLELOGRAM:
    case FLEXO_SHAPE_TRAPEZOID:
    case FLEXO_SHAPE_STAR:
    case FLEXO_SHAPE_CROSS:
    case FLEXO_SHAPE_CYLINDER:
    case FLEXO_SHAPE_CLOUD:
      corner = (FlexoPoint) { 20.6, 20.6 };
      break;
    case FLEXO_SHAPE_CHEVRON:
      corner = (FlexoPoint) { 22, 60 };  /* in the notch */
      break;
    case FLEXO_SHAPE_DOCUMENT:
      corner = (FlexoPoint) { 139.4, 99.4 };  /* under the wave */
      break;
    case FLEXO_SHAPE_NOTE:
    case FLEXO_SHAPE_PACKAGE:
      corner = (FlexoPoint) { 139.4, 20.6 };  /* the fold, beside the tab */
      break;
    default:
      break;
    }

  ck_assert_msg (is_red (pixel_at (s, scale, inside.x, inside.y)), "%s: inside is %08x",
                 flexo_shape_kind_to_string (kind), pixel_at (s, scale, inside.x, inside.y));
  ck_assert_pixel (s, scale, 10, 10, is_transparent);
  ck_assert_pixel (s, scale, 150, 110, is_transparent);
  ck_assert_pixel (s, scale, 80, 105, is_transparent);
  ck_assert_pixel (s, scale, 145, 60, is_transparent);
  /* Strokes reach half their width beyond the box, miters of sharp
   * corners (a star's points) up to the miter limit (4) × half of it. */
  ck_assert_uint_eq (count_outside (s, 16 * scale, 16 * scale, 144 * scale, 104 * scale), 0);
  if (corner.x >= 0)
    ck_assert_msg (is_transparent (pixel_at (s, scale, corner.x, corner.y)), "%s: corner is %08x",
                   flexo_shape_kind_to_string (kind), pixel_at (s, scale, corner.x, corner.y));

  /* The outline: blue on the left side, but no outline for text. */
  if (kind == FLEXO_SHAPE_TEXT)
    ck_assert_pixel (s, scale, 20.2, 60, is_red);
  else if (kind == FLEXO_SHAPE_RECTANGLE || kind == FLEXO_SHAPE_CLASS || kind == FLEXO_SHAPE_CONTAINER)
    ck_assert (is_color (pixel_at (s, scale, 20.2, 60), BLUE));
}
END_TEST

static void
set_half_opacity (FlexoStyle *style)
{
  flexo_style_set_opacity (style, 0.5);
}

static void
set_underline (FlexoStyle *style)
{
  flexo_style_set_underline (style, TRUE);
}

START_TEST (test_shape_opacity)
{
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) s = NULL;
  FlexoShape *shape;
  guint32 p;

  doc_init (&d);
  shape = add_shape (&d, FLEXO_RECT_INIT (10, 10, 60, 40), FLEXO_SHAPE_RECTANGLE, RED, RED, NULL);
  restyle_shape (shape, set_half_opacity);
  doc_commit (&d);
  s = render (d.diagram, NULL, 1, 100, 80);

  p = pixel_at (s, 1, 40, 30);
  ck_assert_int_ge (PA (p), 0x70);
  ck_assert_int_le (PA (p), 0x90);
  ck_assert_int_eq (PR (p), PA (p));  /* premultiplied red */
}
END_TEST

/* ----------------------------------------------------------- arrow heads -- */

/* A horizontal connector into a shape with no fill and no outline at
 * x = 200: the head's tip is at the outline, nothing enters the shape. */
START_TEST (test_arrow_heads_stop_at_the_outline)
{
  const FlexoArrowHead head = _i;
  const double scale = 4;
  const int tip = 200 * scale, axis = 80 * scale;
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) s = NULL;
  FlexoShape *a, *b;
  guint off_axis;

  doc_init (&d);
  a = add_shape (&d, FLEXO_RECT_INIT (20, 60, 40, 40), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, NULL);
  b = add_shape (&d, FLEXO_RECT_INIT (200, 60, 40, 40), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, NULL);
  add_connector (&d, a, b, FLEXO_ROUTING_STRAIGHT, head);
  doc_commit (&d);
  s = render (d.diagram, NULL, scale, 260 * scale, 160 * scale);

  /* The tip, just before the outline, has the stroke colour. */
  ck_assert_msg (is_greenish (pixel (s, tip - 2, axis - 1)) && is_greenish (pixel (s, tip - 2, axis)),
                 "%s: tip is %08x", flexo_arrow_head_to_string (head), pixel (s, tip - 2, axis));
  /* Nothing inside the target. */
  ck_assert_msg (count_pixels (s, tip + 1, 0, 260 * scale, 160 * scale, is_painted) == 0,
                 "%s: drawn inside the target", flexo_arrow_head_to_string (head));
  /* A head is drawn off the line (except none). */
  off_axis = count_pixels (s, tip - 3 * 13 * scale, axis - 10 * scale, tip, axis - 2 * scale, is_greenish) +
             count_pixels (s, tip - 3 * 13 * scale, axis + 2 * scale, tip, axis + 10 * scale, is_greenish);
  if (head == FLEXO_ARROW_NONE)
    ck_assert_uint_eq (off_axis, 0);
  else
    ck_assert_msg (off_axis > 0, "%s: no head", flexo_arrow_head_to_string (head));

  /* Hollow heads hide the line: their middle is the background. */
  switch (head)
    {
    case FLEXO_ARROW_HOLLOW_TRIANGLE:
    case FLEXO_ARROW_HOLLOW_DIAMOND:
      ck_assert (is_white (pixel_at (s, scale, 190, 80)));
      break;
    case FLEXO_ARROW_CIRCLE:
    case FLEXO_ARROW_SQUARE:
      ck_assert (is_white (pixel_at (s, scale, 194.5, 80)));
      break;
    default:
      break;
    }
}
END_TEST

/* --------------------------------------------------------------- routes -- */

START_TEST (test_orthogonal_route)
{
  const double scale = 2;
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) s = NULL;
  g_autoptr(FlexoPath) route = flexo_path_new ();
  FlexoConnector *c;
  FlexoShape *a, *b;
  FlexoPoint end_dir;
  const FlexoPoint *p;
  guint n = 0;

  doc_init (&d);
  a = add_shape (&d, FLEXO_RECT_INIT (20, 20, 60, 40), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, NULL);
  b = add_shape (&d, FLEXO_RECT_INIT (200, 100, 60, 40), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, NULL);
  c = add_connector (&d, a, b, FLEXO_ROUTING_ORTHOGONAL, FLEXO_ARROW_FILLED);
  doc_commit (&d);

  /* Right side to left side, with the vertical in the middle of the gap. */
  flexo_connector_compute_route (c, route, NULL, &end_dir);
  p = flexo_path_get_points (route, &n);
  ck_assert_uint_eq (n, 4);
  for (guint i = 1; i < n; i++)
    {
      ck_assert_int_eq (flexo_path_get_op (route, i), FLEXO_PATH_LINE_TO);
      ck_assert (p[i].x == p[i - 1].x || p[i].y == p[i - 1].y);
    }
  ck_assert_double_eq_tol (p[0].x, 80, 1e-9);
  ck_assert_double_eq_tol (p[0].y, 40, 1e-9);
  ck_assert_double_eq_tol (p[1].x, 140, 1e-9);
  ck_assert_double_eq_tol (p[3].x, 200, 1e-9);
  ck_assert_double_eq_tol (p[3].y, 120, 1e-9);
  ck_assert_double_eq_tol (end_dir.x, 1, 1e-9);
  ck_assert_double_eq_tol (end_dir.y, 0, 1e-9);

  s = render (d.diagram, NULL, scale, 280 * scale, 160 * scale);
  /* The corners of both bends are stroked. */
  ck_assert_pixel (s, scale, 140, 40, is_greenish);
  ck_assert_pixel (s, scale, 140, 120, is_greenish);
  /* It enters the target horizontally: stroked on the line, not above. */
  ck_assert_pixel (s, scale, 170, 120, is_greenish);
  ck_assert_pixel (s, scale, 170, 110, is_transparent);
  ck_assert_pixel (s, scale, 195, 110, is_transparent);
  /* Not along the diagonal. */
  ck_assert_pixel (s, scale, 110, 60, is_transparent);
}
END_TEST

START_TEST (test_orthogonal_route_through_waypoint)
{
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(FlexoPath) route = flexo_path_new ();
  FlexoConnector *c;
  FlexoShape *a, *b;
  FlexoPoint w = { 150, 200 };
  const FlexoPoint *p;
  guint n = 0;

  doc_init (&d);
  a = add_shape (&d, FLEXO_RECT_INIT (20, 20, 60, 40), FLEXO_SHAPE_ELLIPSE, CLEAR, CLEAR, NULL);
  b = add_shape (&d, FLEXO_RECT_INIT (250, 20, 60, 40), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, NULL);
  c = add_connector (&d, a, b, FLEXO_ROUTING_ORTHOGONAL, FLEXO_ARROW_FILLED);
  flexo_connector_set_waypoints (c, &w, 1);
  doc_commit (&d);

  flexo_connector_compute_route (c, route, NULL, NULL);
  p = flexo_path_get_points (route, &n);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        ck_assert (fabs (p[i].x - p[i - 1].x) < 1e-9 || fabs (p[i].y - p[i - 1].y) < 1e-9);
    }
  ck_assert_double_lt (flexo_path_distance (route, w, NULL), 1e-9);
  /* Leaves the ellipse at the bottom and enters the box from below. */
  ck_assert_double_eq_tol (p[0].x, 50, 1e-6);
  ck_assert_double_eq_tol (p[0].y, 60, 1e-6);
  ck_assert_double_eq_tol (p[n - 1].x, 280, 1e-6);
  ck_assert_double_eq_tol (p[n - 1].y, 60, 1e-6);
}
END_TEST

START_TEST (test_curved_route_bows_through_waypoint)
{
  const double scale = 2;
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) s = NULL;
  FlexoConnector *c;
  FlexoShape *a, *b;
  FlexoPoint w = { 150, 20 };

  doc_init (&d);
  a = add_shape (&d, FLEXO_RECT_INIT (20, 80, 40, 40), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, NULL);
  b = add_shape (&d, FLEXO_RECT_INIT (240, 80, 40, 40), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, NULL);
  c = add_connector (&d, a, b, FLEXO_ROUTING_CURVED, FLEXO_ARROW_NONE);
  flexo_connector_set_waypoints (c, &w, 1);
  doc_commit (&d);

  s = render (d.diagram, NULL, scale, 300 * scale, 140 * scale);
  ck_assert_pixel (s, scale, 150, 20, is_greenish);     /* through the waypoint */
  ck_assert_pixel (s, scale, 150, 100, is_transparent); /* not along the chord */
  ck_assert_pixel (s, scale, 100, 100, is_transparent);
}
END_TEST

START_TEST (test_straight_route_and_labels)
{
  const double scale = 2;
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) s = NULL;
  g_autoptr(FlexoConnector) free_c = NULL;
  FlexoConnector *c;
  FlexoShape *a, *b;
  FlexoPoint m;

  doc_init (&d);
  a = add_shape (&d, FLEXO_RECT_INIT (20, 80, 40, 40), FLEXO_SHAPE_CIRCLE, CLEAR, CLEAR, NULL);
  b = add_shape (&d, FLEXO_RECT_INIT (240, 80, 40, 40), FLEXO_SHAPE_DIAMOND, CLEAR, CLEAR, NULL);
  c = add_connector (&d, a, b, FLEXO_ROUTING_STRAIGHT, FLEXO_ARROW_NONE);
  free_c = flexo_connector_new (d.doc, NULL, NULL);
  flexo_connector_set_source_point (free_c, (FlexoPoint) { 0, 0 });
  flexo_connector_set_target_point (free_c, (FlexoPoint) { 100, 0 });
  doc_commit (&d);

  s = render (d.diagram, NULL, scale, 300 * scale, 140 * scale);
  ck_assert_pixel (s, scale, 150, 100, is_greenish);
  ck_assert_pixel (s, scale, 150, 95, is_transparent);

  m = flexo_connector_label_position (c, FLEXO_LABEL_MIDDLE);
  ck_assert_double_eq_tol (m.x, 150, 1e-6);
  ck_assert_double_eq_tol (m.y, 100, 1e-6);
  m = flexo_connector_label_position (free_c, FLEXO_LABEL_MIDDLE);
  ck_assert_double_eq_tol (m.x, 50, 1e-6);
  m = flexo_connector_label_position (free_c, FLEXO_LABEL_START);
  ck_assert_double_eq_tol (m.x, FLEXO_ROUTE_LABEL_DISTANCE, 1e-6);
  m = flexo_connector_label_position (free_c, FLEXO_LABEL_END);
  ck_assert_double_eq_tol (m.x, 100 - FLEXO_ROUTE_LABEL_DISTANCE, 1e-6);
}
END_TEST

/* Shapes of every kind: a route from anywhere ends on the outline. */
START_TEST (test_route_ends_on_outlines)
{
  g_autoptr(FlexoPath) form = flexo_path_new_from_data ("M 0.2 0 L 1 0.5 L 0.2 1 L 0.5 0.5 Z", NULL);

  for (guint kind = 0; kind < FLEXO_N_SHAPE_KINDS; kind++)
    for (guint routing = 0; routing < FLEXO_N_ROUTINGS; routing++)
      {
        FlexoRouteEnd src, dst;
        g_autoptr(FlexoPath) route = flexo_path_new ();
        g_autoptr(FlexoPath) outline = flexo_path_new ();
        FlexoRect box = FLEXO_RECT_INIT (200, 100, 120, 80);
        const FlexoPoint *p;
        guint n = 0;

        flexo_route_end_init_point (&src, (FlexoPoint) { 20, 30 });
        dst = (FlexoRouteEnd) { TRUE, kind, box, 8, { 260, 140 }, kind == FLEXO_SHAPE_FREEFORM ? form : NULL };
        flexo_route_compute (&src, &dst, NULL, 0, routing, route, NULL, NULL);
        flexo_outline_build (kind, &box, 8, dst.form, outline);
        p = flexo_path_get_points (route, &n);
        ck_assert_uint_ge (n, 2);
        ck_assert_msg (flexo_path_distance (outline, p[n - 1], NULL) < 1e-6,
                       "%s/%s ends off the outline", flexo_shape_kind_to_string (kind),
                       flexo_routing_to_string (routing));
      }
}
END_TEST

/* ----------------------------------------------------------------- text -- */

START_TEST (test_label_inside_shape)
{
  const double scale = 2;
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) s = NULL;

  doc_init (&d);
  add_shape (&d, FLEXO_RECT_INIT (20, 20, 160, 60), FLEXO_SHAPE_RECTANGLE, WHITE, CLEAR, "Hello world");
  doc_commit (&d);
  s = render (d.diagram, NULL, scale, 200 * scale, 100 * scale);

  ck_assert_uint_gt (count_pixels (s, 20 * scale, 20 * scale, 180 * scale, 80 * scale, is_dark), 20);
  ck_assert_uint_eq (count_outside (s, 20 * scale, 20 * scale, 180 * scale, 80 * scale), 0);
  /* Centred: dark pixels on both sides of the middle, none near the ends. */
  ck_assert_uint_gt (count_pixels (s, 60 * scale, 20 * scale, 100 * scale, 80 * scale, is_dark), 0);
  ck_assert_uint_gt (count_pixels (s, 100 * scale, 20 * scale, 140 * scale, 80 * scale, is_dark), 0);
  ck_assert_uint_eq (count_pixels (s, 20 * scale, 20 * scale, 40 * scale, 80 * scale, is_dark), 0);
}
END_TEST

START_TEST (test_long_label_is_ellipsized_in_its_box)
{
  const double scale = 2;
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) s = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < 40; i++)
    g_string_append (text, "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ");

  doc_init (&d);
  add_shape (&d, FLEXO_RECT_INIT (20, 20, 60, 30), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, text->str);
  add_shape (&d, FLEXO_RECT_INIT (120, 20, 60, 14), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, text->str);
  doc_commit (&d);
  s = render (d.diagram, NULL, scale, 200 * scale, 100 * scale);

  ck_assert_uint_gt (count_pixels (s, 20 * scale, 20 * scale, 80 * scale, 50 * scale, is_painted), 20);
  ck_assert_uint_eq (count_outside (s, 20 * scale, 20 * scale, 80 * scale, 50 * scale) -
                     count_pixels (s, 120 * scale, 20 * scale, 180 * scale, 34 * scale, is_painted), 0);
  ck_assert_uint_gt (count_pixels (s, 120 * scale, 20 * scale, 180 * scale, 34 * scale, is_painted), 10);
}
END_TEST

/* A label that the part a diamond leaves clear would cut takes the whole
 * box, over the outline, rather than lose lines (as Dia shows a question
 * in a small decision); one that fits stays in the clear part. Neither
 * leaves the box. */
START_TEST (test_label_too_tall_for_the_clear_part_takes_the_box)
{
  const double scale = 2;
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) s = NULL;

  doc_init (&d);
  add_shape (&d, FLEXO_RECT_INIT (20, 20, 120, 80), FLEXO_SHAPE_DIAMOND, CLEAR, CLEAR, "One\nTwo\nThree\nFour");
  add_shape (&d, FLEXO_RECT_INIT (160, 20, 120, 80), FLEXO_SHAPE_DIAMOND, CLEAR, CLEAR, "Yes");
  doc_commit (&d);
  s = render (d.diagram, NULL, scale, 300 * scale, 120 * scale);

  /* All four lines: above and below the clear part (y 40 to 80). */
  ck_assert_uint_gt (count_pixels (s, 20 * scale, 20 * scale, 140 * scale, 40 * scale, is_dark), 5);
  ck_assert_uint_gt (count_pixels (s, 20 * scale, 80 * scale, 140 * scale, 100 * scale, is_dark), 5);
  /* The short one in the clear part (x 190 to 250, y 40 to 80). */
  ck_assert_uint_gt (count_pixels (s, 190 * scale, 40 * scale, 250 * scale, 80 * scale, is_dark), 5);
  ck_assert_uint_eq (count_pixels (s, 160 * scale, 20 * scale, 280 * scale, 100 * scale, is_painted) -
                     count_pixels (s, 190 * scale, 40 * scale, 250 * scale, 80 * scale, is_painted), 0);
  /* Nothing outside the two boxes. */
  ck_assert_uint_eq (count_pixels (s, 0, 0, 300 * scale, 120 * scale, is_painted) -
                     count_pixels (s, 20 * scale, 20 * scale, 140 * scale, 100 * scale, is_painted) -
                     count_pixels (s, 160 * scale, 20 * scale, 280 * scale, 100 * scale, is_painted), 0);
}
END_TEST

START_TEST (test_label_follows_text_changes)
{
  const double scale = 2;
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(FlexoPainter) painter = flexo_painter_new ();
  cairo_surface_t *s1 = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  cairo_surface_t *s2 = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  FlexoShape *shape;
  cairo_t *cr;
  guint n1, n2;

  doc_init (&d);
  shape = add_shape (&d, FLEXO_RECT_INIT (0, 0, 100, 50), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, "i");
  doc_commit (&d);

  cr = cairo_create (s1);
  cairo_scale (cr, scale, scale);
  flexo_painter_draw (painter, cr, d.diagram, NULL, scale);
  cairo_destroy (cr);

  flexo_document_begin (d.doc, "Edit");
  flexo_shape_set_text (shape, "WWWW");
  flexo_document_commit (d.doc);

  cr = cairo_create (s2);
  cairo_scale (cr, scale, scale);
  flexo_painter_draw (painter, cr, d.diagram, NULL, scale);
  cairo_destroy (cr);

  n1 = count_pixels (s1, 0, 0, 200, 100, is_dark);
  n2 = count_pixels (s2, 0, 0, 200, 100, is_dark);
  ck_assert_uint_gt (n1, 0);
  ck_assert_uint_gt (n2, 3 * n1);

  flexo_painter_invalidate (painter, shape);
  flexo_painter_invalidate (painter, NULL);
  cairo_surface_destroy (s1);
  cairo_surface_destroy (s2);
}
END_TEST

static void
set_name_values (FlexoDocument  *doc,
                 FlexoShape    **shape_out,
                 FlexoDiagram   *diagram)
{
  g_autoptr(FlexoConcept) concept = flexo_concept_new (doc, "Book");
  g_autoptr(FlexoProperty) title = flexo_property_new (doc, "title", FLEXO_PROPERTY_STRING);
  g_autoptr(FlexoProperty) pages = flexo_property_new (doc, "pages", FLEXO_PROPERTY_INTEGER);
  g_autoptr(FlexoInstance) instance = NULL;
  g_autoptr(FlexoShape) shape = flexo_shape_new (doc, &FLEXO_RECT_INIT (10, 10, 160, 120));
  g_autoptr(FlexoStyle) style = flexo_style_new ();

  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (concept));
  flexo_concept_add_property (concept, title);
  flexo_concept_add_property (concept, pages);
  instance = flexo_instance_new (doc, concept);
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (instance));
  flexo_instance_set_value (instance, title, "Dune");
  flexo_instance_set_value (instance, pages, "412");
  flexo_concept_set_label (concept, "{title}");

  flexo_style_set_shape_kind (style, FLEXO_SHAPE_CLASS);
  flexo_style_set_fill (style, WHITE);
  flexo_style_set_stroke (style, BLUE);
  flexo_style_set_text_color (style, BLACK);
  flexo_shape_set_style (shape, style);
  flexo_shape_set_instance (shape, instance);
  flexo_diagram_add_item (diagram, shape);
  *shape_out = shape;
}

START_TEST (test_class_compartments)
{
  const double scale = 2;
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) s = NULL;
  FlexoShape *shape;
  gboolean in_line = FALSE;
  int first_line = 0;
  guint lines = 0;

  doc_init (&d);
  set_name_values (d.doc, &shape, d.diagram);
  doc_commit (&d);
  s = render (d.diagram, NULL, scale, 200 * scale, 150 * scale);

  /* Horizontal blue lines across the box: the two compartment borders. */
  for (int y = 12 * scale; y < 128 * scale; y++)
    {
      gboolean blue = is_color (pixel (s, 90 * scale, y), BLUE) && is_color (pixel (s, 30 * scale, y), BLUE);

      if (blue && !in_line)
        {
          if (lines == 0)
            first_line = y;
          lines++;
        }
      in_line = blue;
    }
  ck_assert_uint_eq (lines, 2);
  /* Text above the first (the name) and below it (the values). */
  ck_assert_uint_gt (count_pixels (s, 10 * scale, 10 * scale, 170 * scale, first_line, is_dark), 10);
  ck_assert_uint_gt (count_pixels (s, 10 * scale, first_line + 2, 100 * scale, 130 * scale, is_dark), 10);
}
END_TEST

/* ------------------------------------------------------- level of detail -- */

START_TEST (test_lod_drops_text)
{
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) small = NULL;
  g_autoptr(cairo_surface_t) full = NULL;
  g_autoptr(cairo_surface_t) told = NULL;

  doc_init (&d);
  add_shape (&d, FLEXO_RECT_INIT (0, 0, 160, 60), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, "Hello world");
  doc_commit (&d);

  /* At 0.05 pixels per unit, no text at all. */
  small = render (d.diagram, NULL, 0.05, 10, 5);
  ck_assert_uint_eq (count_pixels (small, 0, 0, 10, 5, is_painted), 0);
  /* Drawn at full size but told the scale is 0.05: still none. */
  told = render_lod (d.diagram, NULL, 1, 0.05, 200, 80);
  ck_assert_uint_eq (count_pixels (told, 0, 0, 200, 80, is_painted), 0);
  full = render (d.diagram, NULL, 1, 200, 80);
  ck_assert_uint_gt (count_pixels (full, 0, 0, 200, 80, is_painted), 20);
}
END_TEST

static void
set_shadow (FlexoStyle *style)
{
  flexo_style_set_shadow (style, TRUE);
}

START_TEST (test_lod_drops_shadows)
{
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) near = NULL;
  g_autoptr(cairo_surface_t) far = NULL;
  FlexoShape *shape;

  doc_init (&d);
  shape = add_shape (&d, FLEXO_RECT_INIT (10, 10, 100, 60), FLEXO_SHAPE_RECTANGLE, WHITE, CLEAR, NULL);
  restyle_shape (shape, set_shadow);
  doc_commit (&d);

  near = render_lod (d.diagram, NULL, 1, 1, 140, 100);
  far = render_lod (d.diagram, NULL, 1, 0.2, 140, 100);
  ck_assert_pixel (near, 1, 112, 72, is_painted);
  ck_assert_pixel (near, 1, 60, 72, is_painted);
  ck_assert_pixel (far, 1, 112, 72, is_transparent);
  ck_assert_pixel (far, 1, 60, 40, is_white);
}
END_TEST

static gboolean
is_greenish_trace (guint32 p)
{
  return PA (p) > 0 && PG (p) > PR (p) && PG (p) > PB (p);
}

static gboolean
is_blue (guint32 p)
{
  return is_color (p, BLUE);
}

/* At a tiny scale, shapes are blocks of their fill colour, and their
 * outline, label and shadow are gone. */
START_TEST (test_lod_tiny_shapes_keep_their_fill)
{
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) small = NULL;
  g_autoptr(cairo_surface_t) full = NULL;
  FlexoShape *shape;

  doc_init (&d);
  shape = add_shape (&d, FLEXO_RECT_INIT (100, 100, 100, 60), FLEXO_SHAPE_RECTANGLE, RED, BLACK, "Hello");
  restyle_shape (shape, set_shadow);
  add_shape (&d, FLEXO_RECT_INIT (300, 100, 100, 60), FLEXO_SHAPE_ELLIPSE, BLUE, BLACK, NULL);
  add_shape (&d, FLEXO_RECT_INIT (500, 100, 100, 60), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, "Text");
  doc_commit (&d);

  /* 3 × 1.8 pixels each. */
  small = render (d.diagram, NULL, 0.03, 20, 8);
  ck_assert_pixel (small, 0.03, 140, 110, is_red);
  ck_assert_pixel (small, 0.03, 340, 110, is_blue);
  /* Nothing around them: no shadow, no outline beyond the box. */
  ck_assert_uint_eq (count_pixels (small, 0, 6, 20, 8, is_painted), 0);
  ck_assert_uint_eq (count_pixels (small, 13, 0, 20, 8, is_painted), 0);

  /* The same shapes at full size keep their outlines. */
  full = render (d.diagram, NULL, 1, 700, 200);
  ck_assert_pixel (full, 1, 100.5, 130, is_dark);
  ck_assert_pixel (full, 1, 110, 110, is_red);
}
END_TEST

/* Tiny items of opaque colours are set straight into an image target;
 * through a recording surface (no image to write to) the same pixels come
 * from a mask. */
START_TEST (test_lod_direct_pixels_match_mask)
{
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) direct = NULL;
  g_autoptr(cairo_surface_t) masked = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 90);
  g_autoptr(cairo_surface_t) recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  g_autoptr(FlexoPainter) painter = flexo_painter_new ();
  FlexoShape *previous = NULL;
  cairo_t *cr;

  doc_init (&d);
  for (guint i = 0; i < 200; i++)
    {
      FlexoShape *shape = add_shape (&d, FLEXO_RECT_INIT ((i % 20) * 110, (i / 20) * 160, 60 + i % 7 * 5, 40),
                                     FLEXO_SHAPE_RECTANGLE, i % 3 == 0 ? RED : BLUE, BLACK, NULL);

      if (previous != NULL)
        add_connector (&d, previous, shape, i % 2 ? FLEXO_ROUTING_STRAIGHT : FLEXO_ROUTING_ORTHOGONAL,
                       FLEXO_ARROW_FILLED);
      previous = shape;
    }
  doc_commit (&d);

  direct = render_lod (d.diagram, NULL, 0.05, 0.05, 120, 90);

  cr = cairo_create (recording);
  cairo_rectangle (cr, 0, 0, 120, 90);
  cairo_clip (cr);
  cairo_scale (cr, 0.05, 0.05);
  flexo_painter_draw (painter, cr, d.diagram, NULL, 0.05);
  cairo_destroy (cr);
  cr = cairo_create (masked);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (masked);

  ck_assert_uint_gt (count_pixels (direct, 0, 0, 120, 90, is_painted), 500);
  ck_assert_uint_eq (memcmp (cairo_image_surface_get_data (direct), cairo_image_surface_get_data (masked),
                             (size_t) cairo_image_surface_get_stride (direct) * 90), 0);
}
END_TEST

static void
set_green_fill (FlexoStyle *style)
{
  flexo_style_set_fill (style, GREEN);
}

static cairo_surface_t *
render_far (FlexoPainter    *painter,
            FlexoDiagram    *diagram,
            const FlexoRect *area,
            double           scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 120);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  flexo_painter_draw (painter, cr, diagram, area, scale);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (size_t) cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a)) == 0;
}

/* A far view of a large diagram is painted from a picture while the model
 * does not change: the same pixels as drawing it, and redrawn after any
 * change. */
START_TEST (test_far_view_picture)
{
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(FlexoPainter) painter = flexo_painter_new ();
  g_autoptr(FlexoPainter) plain = flexo_painter_new ();
  g_autoptr(cairo_surface_t) first = NULL, again = NULL, reference = NULL;
  g_autoptr(cairo_surface_t) changed = NULL, changed_reference = NULL;
  FlexoShape *last = NULL;
  FlexoRect area;
  const double scale = 0.05;

  doc_init (&d);
  for (guint i = 0; i < 20100; i++)
    last = add_shape (&d, FLEXO_RECT_INIT ((i % 150) * 25, (i / 150) * 16, 20, 12), FLEXO_SHAPE_RECTANGLE,
                      i % 2 ? RED : BLUE, BLACK, NULL);
  doc_commit (&d);
  flexo_diagram_get_extents (d.diagram, &area);

  first = render_far (painter, d.diagram, &area, scale);
  again = render_far (painter, d.diagram, &area, scale);
  /* Without an area, the painter draws: no picture. */
  reference = render_far (plain, d.diagram, NULL, scale);
  ck_assert_uint_gt (count_pixels (first, 0, 0, 200, 120, is_painted), 1000);
  ck_assert (same_pixels (first, again));
  ck_assert (same_pixels (first, reference));

  /* The last shape turns green: seen at once. */
  flexo_document_begin (d.doc, "Green");
  restyle_shape (last, set_green_fill);
  flexo_document_commit (d.doc);
  changed = render_far (painter, d.diagram, &area, scale);
  changed_reference = render_far (plain, d.diagram, NULL, scale);
  ck_assert (!same_pixels (changed, again));
  ck_assert (same_pixels (changed, changed_reference));
  /* And undone. */
  flexo_document_undo (d.doc);
  g_clear_pointer (&changed, cairo_surface_destroy);
  changed = render_far (painter, d.diagram, &area, scale);
  ck_assert (same_pixels (changed, reference));
}
END_TEST

static void
set_thick_stroke (FlexoStyle *style)
{
  flexo_style_set_stroke_width (style, style->stroke_width > 10 ? 1 : 60);
  flexo_style_set_stroke (style, style->stroke == BLACK ? RED : BLACK);
}

static void
set_other_fill (FlexoStyle *style)
{
  flexo_style_set_fill (style, style->fill == GREEN ? BLUE : GREEN);
}

static void
set_thick_line (FlexoStyle *style)
{
  flexo_style_set_stroke_width (style, style->stroke_width > 10 ? 2 : 40);
  flexo_style_set_stroke (style, style->stroke == GREEN ? BLUE : GREEN);
}

/* The largest difference of a channel between two pixels of @a and @b,
 * and how many pixels differ. */
static guint
pixels_difference (cairo_surface_t *a,
                   cairo_surface_t *b,
                   guint           *n_differ)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  guint most = 0;

  *n_differ = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = pixel (a, x, y), q = pixel (b, x, y);

        if (p != q)
          (*n_differ)++;
        for (int shift = 0; shift < 32; shift += 8)
          most = MAX (most, (guint) ABS ((int) ((p >> shift) & 0xff) - (int) ((q >> shift) & 0xff)));
      }
  return most;
}

static void
restyle_connector (FlexoConnector *connector,
                   void          (*edit) (FlexoStyle *style))
{
  g_autoptr(FlexoStyle) style = flexo_style_copy (flexo_connector_get_style (connector));

  edit (style);
  flexo_connector_set_style (connector, style);
}

static cairo_surface_t *
render_far_size (FlexoPainter    *painter,
                 FlexoDiagram    *diagram,
                 const FlexoRect *view,
                 const FlexoRect *area,
                 double           scale,
                 int              width,
                 int              height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -view->x, -view->y);
  flexo_painter_draw (painter, cr, diagram, area, scale);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Small items of a far view are batched by colour, drawn where a detailed
 * item comes between them: a redraw of a part batches them as the whole
 * drawing did, so that which covers which is the same, to the pixel (no
 * antialiasing here), also a long way from the origin. */
START_TEST (test_far_view_redraw_keeps_batches)
{
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(FlexoPainter) painter = flexo_painter_new ();
  g_autoptr(FlexoPainter) plain = flexo_painter_new ();
  const double x0 = 3e9, y0 = -2e9;
  const int width = 480, height = 360;
  FlexoShape *near = NULL;
  FlexoRect area;
  double scale;
  guint whole = 0, partial = 0;

  doc_init (&d);
  for (guint i = 0; i < 20100; i++)
    {
      /* Red first: blue from the 10th row, over the redrawn part. */
      FlexoShape *filler = add_shape (&d, FLEXO_RECT_INIT (x0 + (i % 150) * 25, y0 + (i / 150) * 16, 20, 12),
                                      FLEXO_SHAPE_RECTANGLE, i / 150 < 10 ? RED : BLUE, CLEAR, NULL);

      if (i == 150 * 20 + 40)
        near = filler;
    }
  /* At the same place: blue, then red over it; a detailed shape far
   * from there; then green over both. */
  add_shape (&d, FLEXO_RECT_INIT (x0 + 40 * 25, y0 + 21 * 16, 20, 20), FLEXO_SHAPE_RECTANGLE, BLUE, CLEAR, NULL);
  add_shape (&d, FLEXO_RECT_INIT (x0 + 40 * 25, y0 + 21 * 16, 20, 20), FLEXO_SHAPE_RECTANGLE, RED, CLEAR, NULL);
  add_shape (&d, FLEXO_RECT_INIT (x0 + 120 * 25, y0 + 100 * 16, 700, 500), FLEXO_SHAPE_RECTANGLE, WHITE, BLACK,
             NULL);
  add_shape (&d, FLEXO_RECT_INIT (x0 + 40 * 25 + 10, y0 + 21 * 16, 20, 20), FLEXO_SHAPE_RECTANGLE, GREEN, CLEAR,
             NULL);
  doc_commit (&d);
  flexo_diagram_get_extents (d.diagram, &area);
  scale = MIN (width / area.width, height / area.height);

  for (guint step = 0; step < 6; step++)
    {
      g_autoptr(cairo_surface_t) far = NULL, reference = NULL;

      if (step > 0)
        {
          flexo_document_begin (d.doc, "Nudge");
          flexo_shape_move_by (near, step % 2 ? 8 : -8, 4);
          flexo_document_commit (d.doc);
        }
      far = render_far_size (painter, d.diagram, &area, &area, scale, width, height);
      reference = render_far_size (plain, d.diagram, &area, NULL, scale, width, height);
      ck_assert_msg (same_pixels (far, reference), "step %u", step);
      if (step == 0)
        ck_assert_uint_gt (count_pixels (far, 0, 0, width, height, is_painted), width * height / 4);
    }
  flexo_painter_get_far_counts (painter, &whole, &partial);
  ck_assert_uint_eq (whole, 1);
  ck_assert_uint_eq (partial, 5);
}
END_TEST

/* A far view's picture follows edits by redrawing where the items were
 * and are (their connectors with them): edit after edit, the same pixels
 * as drawing the whole diagram, with small and long moves, thick strokes
 * made thin, long diagonal lines, detailed shapes and lines among the
 * batched ones, bends, undo and redo, and changes elsewhere. */
START_TEST (test_far_view_follows_edits)
{
  g_auto(Doc) d = { NULL, NULL };
  g_auto(Doc) other = { NULL, NULL };
  g_autoptr(FlexoPainter) painter = flexo_painter_new ();
  g_autoptr(FlexoPainter) plain = flexo_painter_new ();
  g_autoptr(GPtrArray) shapes = g_ptr_array_new ();
  g_autoptr(GPtrArray) connectors = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  FlexoShape *elsewhere;
  FlexoRect area;
  const int width = 480, height = 360;
  double scale;
  guint whole = 0, partial = 0, most = 0, n_differ;

  doc_init (&d);
  for (guint i = 0; i < 12000; i++)
    g_ptr_array_add (shapes, add_shape (&d, FLEXO_RECT_INIT ((i % 150) * 40, (i / 150) * 30, 24, 16),
                                        FLEXO_SHAPE_RECTANGLE, i % 3 ? RED : BLUE, BLACK, NULL));
  /* Large ones, drawn in full, with text. */
  for (guint i = 0; i < 12; i++)
    g_ptr_array_add (shapes, add_shape (&d, FLEXO_RECT_INIT (300 + (i % 4) * 1400, 200 + (i / 4) * 800, 700, 500),
                                        i % 2 ? FLEXO_SHAPE_ELLIPSE : FLEXO_SHAPE_ROUNDED_RECTANGLE,
                                        WHITE, BLUE, "A label drawn in full"));
  /* Each small one to its right neighbour, wrapping to the next row
   * across the whole diagram; some long ones across it, some thick. */
  for (guint i = 0; i + 1 < 12000; i++)
    g_ptr_array_add (connectors, add_connector (&d, g_ptr_array_index (shapes, i), g_ptr_array_index (shapes, i + 1),
                                                FLEXO_ROUTING_STRAIGHT, FLEXO_ARROW_FILLED));
  for (guint i = 0; i < 40; i++)
    {
      FlexoConnector *c = add_connector (&d, g_ptr_array_index (shapes, g_rand_int_range (rand, 0, 12012)),
                                         g_ptr_array_index (shapes, g_rand_int_range (rand, 0, 12012)),
                                         i % 2 ? FLEXO_ROUTING_ORTHOGONAL : FLEXO_ROUTING_STRAIGHT,
                                         FLEXO_ARROW_FILLED);

      if (i % 5 == 0)
        restyle_connector (c, set_thick_line);
      g_ptr_array_add (connectors, c);
    }
  doc_commit (&d);
  /* Another document, whose changes the picture cannot place. */
  other.doc = flexo_document_new ();
  {
    g_autoptr(FlexoDiagram) diagram = flexo_diagram_new (other.doc, "Other");

    flexo_document_begin (other.doc, "Add");
    flexo_object_insert_child (FLEXO_OBJECT (other.doc), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
    other.diagram = diagram;
    elsewhere = add_shape (&other, FLEXO_RECT_INIT (0, 0, 10, 10), FLEXO_SHAPE_RECTANGLE, RED, BLACK, NULL);
    flexo_document_commit (other.doc);
  }

  flexo_diagram_get_extents (d.diagram, &area);
  scale = MIN (width / area.width, height / area.height);

  for (guint step = 0; step < 90; step++)
    {
      g_autoptr(cairo_surface_t) far = NULL, reference = NULL;
      FlexoShape *shape = g_ptr_array_index (shapes, g_rand_int_range (rand, 0, shapes->len));
      FlexoConnector *connector = g_ptr_array_index (connectors, g_rand_int_range (rand, 0, connectors->len));
      FlexoRect r = *flexo_shape_get_bounds (shape);

      if (step > 0)
        {
          flexo_document_begin (d.doc, "Edit");
          switch (step % 9)
            {
            case 0: /* A small move */
              flexo_shape_move_by (shape, g_rand_double_range (rand, -60, 60), g_rand_double_range (rand, -60, 60));
              break;
            case 1: /* A long one, even out of the view */
              r.x = g_rand_double_range (rand, area.x - 500, area.x + area.width);
              r.y = g_rand_double_range (rand, area.y - 500, area.y + area.height);
              flexo_shape_set_bounds (shape, &r);
              break;
            case 2: /* Thick, then thin again */
              restyle_shape (shape, set_thick_stroke);
              break;
            case 3:
              restyle_shape (shape, set_other_fill);
              break;
            case 4:
              restyle_connector (connector, set_thick_line);
              break;
            case 5: /* Bends, then straight again */
              if (flexo_connector_get_waypoints (connector) != NULL)
                flexo_connector_set_waypoints (connector, NULL, 0);
              else
                {
                  FlexoPoint bends[2] = { { g_rand_double_range (rand, area.x, area.x + area.width), area.y + 100 },
                                          { area.x + 200, g_rand_double_range (rand, area.y, area.y + area.height) } };

                  flexo_connector_set_waypoints (connector, bends, 2);
                }
              break;
            case 6: /* Larger */
              r.width *= 3;
              r.height *= 2;
              flexo_shape_set_bounds (shape, &r);
              break;
            case 7: /* Several at once */
              for (guint k = 0; k < 5; k++)
                flexo_shape_move_by (g_ptr_array_index (shapes, g_rand_int_range (rand, 0, shapes->len)), 30, -20);
              break;
            default:
              flexo_shape_set_text (shape, step % 2 ? "Renamed" : NULL);
              break;
            }
          flexo_document_commit (d.doc);
          if (step % 10 == 3)
            flexo_document_undo (d.doc);
          if (step % 10 == 4)
            flexo_document_redo (d.doc);
          if (step % 30 == 15)
            {
              flexo_document_begin (other.doc, "Elsewhere");
              flexo_shape_move_by (elsewhere, 5, 5);
              flexo_document_commit (other.doc);
            }
        }

      far = render_far_size (painter, d.diagram, &area, &area, scale, width, height);
      reference = render_far_size (plain, d.diagram, &area, NULL, scale, width, height);
      cairo_surface_flush (far);
      /* Cairo clips the paths of a redrawn place to it: the edges of
         lines drawn in full may be antialiased a little otherwise there.
         Anything left behind or missing differs by far more. */
      most = MAX (most, pixels_difference (far, reference, &n_differ));
      if (step == 0)
        ck_assert_uint_gt (count_pixels (far, 0, 0, width, height, is_painted), width * height / 4);
    }
  ck_assert_uint_le (most, 24);
  /* Most edits were followed in part, some could not be. */
  flexo_painter_get_far_counts (painter, &whole, &partial);
  ck_assert_uint_ge (partial, 60);
  ck_assert_uint_ge (whole, 2);
}
END_TEST

/* At a tiny scale, a connector is still a line between its shapes, and
 * one shorter than a pixel is dropped. */
START_TEST (test_lod_tiny_connectors_stay_visible)
{
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) small = NULL;
  g_autoptr(cairo_surface_t) whole = NULL;
  FlexoShape *a, *b, *c, *e;
  FlexoRect area;

  doc_init (&d);
  a = add_shape (&d, FLEXO_RECT_INIT (0, 0, 60, 60), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, NULL);
  b = add_shape (&d, FLEXO_RECT_INIT (1000, 0, 60, 60), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, NULL);
  c = add_shape (&d, FLEXO_RECT_INIT (0, 300, 60, 60), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, NULL);
  e = add_shape (&d, FLEXO_RECT_INIT (1000, 700, 60, 60), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, NULL);
  add_connector (&d, a, b, FLEXO_ROUTING_STRAIGHT, FLEXO_ARROW_FILLED);
  add_connector (&d, c, e, FLEXO_ROUTING_STRAIGHT, FLEXO_ARROW_FILLED);
  doc_commit (&d);

  /* Level: along the row of the shapes' centres (y = 1.5 pixels). */
  small = render (d.diagram, NULL, 0.05, 60, 40);
  ck_assert_uint_ge (count_pixels (small, 5, 1, 50, 2, is_greenish_trace), 40);
  /* Slanted: somewhere in each column between the shapes. */
  for (int x = 10; x < 45; x++)
    ck_assert_uint_gt (count_pixels (small, x, 15, x + 1, 40, is_greenish_trace), 0);
  /* Nothing far from both lines. */
  ck_assert_uint_eq (count_pixels (small, 30, 4, 60, 8, is_painted), 0);

  /* The same through an area that holds everything. */
  flexo_diagram_get_extents (d.diagram, &area);
  area = flexo_rect_inflate (&area, 50, 50);
  whole = render (d.diagram, &area, 0.05, 60, 40);
  ck_assert_uint_eq (memcmp (cairo_image_surface_get_data (small), cairo_image_surface_get_data (whole),
                             (size_t) cairo_image_surface_get_stride (small) * 40), 0);
}
END_TEST

/* Far away, a Bézier connector is drawn through its curve, not through
 * its control points. */
START_TEST (test_lod_bezier_follows_its_curve)
{
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) small = NULL;
  const FlexoPoint controls[] = { { 30, 830 }, { 1030, 830 } };
  FlexoShape *a, *b;
  FlexoConnector *c;

  doc_init (&d);
  a = add_shape (&d, FLEXO_RECT_INIT (0, 0, 60, 60), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, NULL);
  b = add_shape (&d, FLEXO_RECT_INIT (1000, 0, 60, 60), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, NULL);
  c = add_connector (&d, a, b, FLEXO_ROUTING_BEZIER, FLEXO_ARROW_FILLED);
  flexo_connector_set_waypoints (c, controls, G_N_ELEMENTS (controls));
  doc_commit (&d);

  /* From the centres (1.5, 1.5) and (51.5, 1.5) down to (26.5, 31.5)
   * pixels, where the curve turns; the control points are at y = 41.5. */
  small = render (d.diagram, NULL, 0.05, 60, 50);
  ck_assert_uint_gt (count_pixels (small, 22, 29, 31, 34, is_greenish_trace), 0);
  ck_assert_uint_gt (count_pixels (small, 0, 0, 8, 12, is_greenish_trace), 0);
  ck_assert_uint_eq (count_pixels (small, 0, 35, 60, 50, is_painted), 0);
}
END_TEST

/* -------------------------------------------------------------- culling -- */

START_TEST (test_culling)
{
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(cairo_surface_t) s = NULL;
  g_autoptr(cairo_surface_t) s2 = NULL;
  FlexoShape *c1, *c2;

  doc_init (&d);
  add_shape (&d, FLEXO_RECT_INIT (0, 0, 50, 50), FLEXO_SHAPE_RECTANGLE, RED, RED, NULL);
  add_shape (&d, FLEXO_RECT_INIT (300, 300, 50, 50), FLEXO_SHAPE_RECTANGLE, BLUE, BLUE, NULL);
  c1 = add_shape (&d, FLEXO_RECT_INIT (0, 500, 40, 40), FLEXO_SHAPE_RECTANGLE, RED, RED, NULL);
  c2 = add_shape (&d, FLEXO_RECT_INIT (400, 500, 40, 40), FLEXO_SHAPE_RECTANGLE, RED, RED, NULL);
  add_connector (&d, c1, c2, FLEXO_ROUTING_STRAIGHT, FLEXO_ARROW_NONE);
  doc_commit (&d);

  s = render (d.diagram, &FLEXO_RECT_INIT (0, 0, 100, 100), 1, 450, 560);
  ck_assert_pixel (s, 1, 25, 25, is_red);
  ck_assert_uint_eq (count_pixels (s, 200, 200, 450, 560, is_painted), 0);

  /* A connector crossing the area between two shapes outside it. */
  s2 = render (d.diagram, &FLEXO_RECT_INIT (150, 480, 100, 80), 1, 450, 560);
  ck_assert_pixel (s2, 1, 200, 520, is_greenish);
  ck_assert_pixel (s2, 1, 20, 520, is_transparent);
  ck_assert_uint_eq (count_pixels (s2, 0, 0, 450, 400, is_painted), 0);
}
END_TEST

/* --------------------------------------------------------------- extents -- */

START_TEST (test_extents)
{
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(FlexoPainter) painter = flexo_painter_new ();
  FlexoShape *a, *b;
  FlexoConnector *c;
  FlexoRect e;

  doc_init (&d);
  ck_assert (!flexo_painter_get_extents (painter, d.diagram, &e));
  a = add_shape (&d, FLEXO_RECT_INIT (0, 0, 50, 50), FLEXO_SHAPE_RECTANGLE, WHITE, BLACK, NULL);
  restyle_shape (a, set_shadow);
  b = add_shape (&d, FLEXO_RECT_INIT (200, 0, 50, 50), FLEXO_SHAPE_RECTANGLE, WHITE, BLACK, NULL);
  c = add_connector (&d, a, b, FLEXO_ROUTING_STRAIGHT, FLEXO_ARROW_FILLED);
  flexo_connector_set_label (c, FLEXO_LABEL_START, "a very long start label that sticks out");
  doc_commit (&d);

  ck_assert (flexo_painter_get_extents (painter, d.diagram, &e));
  /* The shadow, below right of the first shape. */
  ck_assert_double_ge (e.y + e.height, 50 + 3);
  /* The start label, wider than the gap, beyond the first shape. */
  ck_assert_double_lt (e.x, -20);
  ck_assert_double_ge (e.x + e.width, 250);
}
END_TEST

/* --------------------------------------------------------------- export -- */

static void
build_export_doc (Doc *d)
{
  FlexoShape *a, *b;

  doc_init (d);
  a = add_shape (d, FLEXO_RECT_INIT (10, 20, 100, 50), FLEXO_SHAPE_ROUNDED_RECTANGLE, WHITE, BLACK, "Source");
  b = add_shape (d, FLEXO_RECT_INIT (250, 120, 100, 50), FLEXO_SHAPE_ELLIPSE, WHITE, BLACK, "Target");
  add_connector (d, a, b, FLEXO_ROUTING_ORTHOGONAL, FLEXO_ARROW_FILLED);
  doc_commit (d);
}

/* ------------------------------------------------------------ SVG writer -- */

static xmlDoc *
parse_svg (const char *data,
           gsize       len)
{
  xmlDoc *xml = xmlReadMemory (data, (int) len, "out.svg", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  ck_assert_msg (xml != NULL, "the SVG does not parse:\n%.*s", (int) MIN (len, 2000), data);
  return xml;
}

/* The values of @xpath in @xml, joined by "|". */
static char *
svg_values (xmlDoc     *xml,
            const char *xpath)
{
  xmlXPathContext *ctx = xmlXPathNewContext (xml);
  xmlXPathObject *result;
  GString *out = g_string_new (NULL);

  xmlXPathRegisterNs (ctx, (const xmlChar *) "s", (const xmlChar *) "http://www.w3.org/2000/svg");
  result = xmlXPathEvalExpression ((const xmlChar *) xpath, ctx);
  ck_assert_ptr_nonnull (result);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *value = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", (const char *) value);
      xmlFree (value);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (ctx);
  return g_string_free (out, FALSE);
}

/* The values of @xpath in @xml, joined by "|", are @expected. */
static void
assert_svg (xmlDoc     *xml,
            const char *xpath,
            const char *expected)
{
  g_autofree char *values = svg_values (xml, xpath);

  ck_assert_msg (strcmp (values, expected) == 0, "%s: “%s”, not “%s”", xpath, values, expected);
}

START_TEST (test_svg_writer_paths)
{
  g_autoptr(GString) out = g_string_new (NULL);
  FlexoSvgWriter *w = flexo_svg_writer_new (out, 100, 50, 2, 3, 4, NULL, "a <b>");
  xmlDoc *xml;

  /* A fill then a stroke of the same path: one element with both. */
  flexo_svg_writer_rectangle (w, 1, 2, 10, 20);
  flexo_svg_writer_set_color (w, RED, 1);
  flexo_svg_writer_fill (w, TRUE);
  flexo_svg_writer_set_color (w, BLUE, 0.5);
  flexo_svg_writer_set_line_width (w, 1.5);
  flexo_svg_writer_stroke (w, FALSE);
  /* Numbers to a hundredth, translations applied, nothing not finite. */
  flexo_svg_writer_save (w);
  flexo_svg_writer_translate (w, 10, -10);
  flexo_svg_writer_move_to (w, 0.005, 9.996);
  flexo_svg_writer_line_to (w, -1.25, NAN);
  flexo_svg_writer_restore (w);
  flexo_svg_writer_set_dash (w, (const double[]) { 4, 0 }, 2);
  flexo_svg_writer_set_line_cap (w, CAIRO_LINE_CAP_ROUND);
  flexo_svg_writer_stroke (w, FALSE);
  /* A full circle: two half arcs. */
  flexo_svg_writer_arc (w, 50, 25, 5, 0, 2 * G_PI);
  flexo_svg_writer_close_path (w);
  flexo_svg_writer_fill (w, FALSE);
  /* A clip and a translucent group, closed however the drawing ends. */
  flexo_svg_writer_save (w);
  flexo_svg_writer_rectangle (w, 0, 0, 5, 5);
  flexo_svg_writer_clip (w);
  flexo_svg_writer_begin_group (w, 0.25);
  flexo_svg_writer_rectangle (w, 1, 1, 2, 2);
  flexo_svg_writer_fill (w, FALSE);
  flexo_svg_writer_finish (w);

  xml = parse_svg (out->str, out->len);
  assert_svg (xml, "/s:svg/s:title", "a <b>");
  assert_svg (xml, "/s:svg/@width", "100pt");
  assert_svg (xml, "//s:path[@stroke]/@d", "M1 2h10v20h-10Z|M10.01 0L8.75 0");
  assert_svg (xml, "(//s:path[@stroke])[1]/@fill|(//s:path[@stroke])[1]/@stroke-opacity", "#ff0000|0.5");
  assert_svg (xml, "//s:path[@stroke-dasharray]/@stroke-dasharray|//s:path[@stroke-dasharray]/@stroke-linecap", "round|4 0.01");  /* document order */
  assert_svg (xml, "(//s:path[not(@stroke)])[1]/@d", "M55 25A5 5 0 0 1 45 25A5 5 0 0 1 55 25Z");
  assert_svg (xml, "//s:clipPath/s:path/@d|//s:g[@clip-path]/s:g/@opacity|//s:g[@clip-path]/s:g/s:path/@d", "M0 0h5v5h-5Z|0.25|M1 1h2v2h-2Z");
  xmlFreeDoc (xml);
}
END_TEST

/* An SVG export keeps text as text (escaped, ellipsized as shown), and
 * translucent items in a group. */
START_TEST (test_svg_export_text_is_text)
{
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  FlexoShape *shape;
  xmlDoc *xml;
  char *v;

  for (int i = 0; i < 40; i++)
    g_string_append (long_text, "Lorem ipsum dolor sit amet. ");
  doc_init (&d);
  add_shape (&d, FLEXO_RECT_INIT (20, 20, 160, 60), FLEXO_SHAPE_RECTANGLE, WHITE, BLACK,
             "A < B & \"C\"\001");
  add_shape (&d, FLEXO_RECT_INIT (200, 20, 60, 14), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR, long_text->str);
  shape = add_shape (&d, FLEXO_RECT_INIT (20, 100, 60, 40), FLEXO_SHAPE_ELLIPSE, RED, RED, NULL);
  restyle_shape (shape, set_half_opacity);
  /* Lines beyond the height: the last shown says more is cut. */
  add_shape (&d, FLEXO_RECT_INIT (200, 100, 120, 30), FLEXO_SHAPE_RECTANGLE, CLEAR, CLEAR,
             "First\nSecond\nThird\nFourth");
  /* An underlined label (an ER diagram's key) */
  restyle_shape (add_shape (&d, FLEXO_RECT_INIT (20, 160, 80, 30), FLEXO_SHAPE_ELLIPSE, WHITE, BLACK, "Ssn"),
                 set_underline);
  doc_commit (&d);

  bytes = flexo_export_diagram_to_bytes (d.diagram, FLEXO_EXPORT_SVG, 1, 10, NULL, "t.svg", &error);
  ck_assert_msg (bytes != NULL, "%s", error ? error->message : "");
  xml = parse_svg (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  assert_svg (xml, "//s:text[1]", "A < B & \"C\"");
  v = svg_values (xml, "//s:text[2]/s:tspan[last()]");
  ck_assert_msg (g_str_has_suffix (v, "…") && strlen (v) < strlen (long_text->str), "“%s”", v);
  g_free (v);
  v = svg_values (xml, "//s:text[3]");
  ck_assert_msg (g_str_has_prefix (v, "First") && g_str_has_suffix (v, "…") && strstr (v, "Fourth") == NULL &&
                 strstr (v, "\u2028") == NULL, "“%s”", v);
  g_free (v);
  assert_svg (xml, "//s:g[@opacity='0.5']/s:path/@fill", "#ff0000");
  assert_svg (xml, "//s:text[@text-decoration='underline']", "Ssn");
  assert_svg (xml, "//s:text[@text-decoration]", "Ssn");
  /* No glyph outlines, no images. */
  assert_svg (xml, "//s:symbol|//s:image|//s:use", "");
  xmlFreeDoc (xml);
}
END_TEST

/* A large export is drawn by two threads: the SVG still has every item
 * once, in stacking order, and clip ids that are unique and resolve. */
START_TEST (test_svg_export_large_in_order)
{
  g_auto(Doc) d = { NULL, NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const guint n = 3000;
  xmlDoc *xml;
  char *v;
  char **texts;

  doc_init (&d);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf (i % 10 == 0 ? "S%u with a label far too long to fit" : "S%u", i);

      add_shape (&d, FLEXO_RECT_INIT ((i % 60) * 90, (i / 60) * 30, 80, i % 10 == 0 ? 12 : 20),
                 FLEXO_SHAPE_RECTANGLE, WHITE, BLACK, label);
    }
  doc_commit (&d);

  bytes = flexo_export_diagram_to_bytes (d.diagram, FLEXO_EXPORT_SVG, 1, 10, NULL, "l.svg", &error);
  ck_assert_msg (bytes != NULL, "%s", error ? error->message : "");
  xml = parse_svg (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  v = svg_values (xml, "//s:text/s:tspan[1]");
  texts = g_strsplit (v, "|", -1);
  ck_assert_uint_eq (g_strv_length (texts), n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("S%u", i);

      /* The long ones are ellipsized, clipped to their box. */
      if (i % 10 == 0)
        ck_assert_msg (texts[i][0] == 'S' && g_str_has_suffix (texts[i], "…"), "text %u is “%s”", i, texts[i]);
      else
        ck_assert_msg (strcmp (texts[i], label) == 0, "text %u is “%s”", i, texts[i]);
    }
  g_strfreev (texts);
  g_free (v);

  v = svg_values (xml, "//s:clipPath/@id");
  texts = g_strsplit (v, "|", -1);
  ck_assert_uint_ge (g_strv_length (texts), n / 10);
  for (guint i = 0; texts[i] != NULL; i++)
    ck_assert_msg (g_hash_table_add (ids, g_strdup (texts[i])), "clip id %s twice", texts[i]);
  g_strfreev (texts);
  g_free (v);
  v = svg_values (xml, "//@clip-path");
  texts = g_strsplit (v, "|", -1);
  ck_assert_uint_eq (g_strv_length (texts), g_hash_table_size (ids));
  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autofree char *id = g_strndup (texts[i] + strlen ("url(#"), strlen (texts[i]) - strlen ("url(#)"));

      ck_assert_msg (g_hash_table_contains (ids, id), "%s resolves to nothing", texts[i]);
    }
  g_strfreev (texts);
  g_free (v);
  xmlFreeDoc (xml);
}
END_TEST

START_TEST (test_export_formats)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("flexo-painter-XXXXXX", &error);
  g_autofree char *svg = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(FlexoPainter) painter = flexo_painter_new ();
  g_autofree char *contents = NULL;
  FlexoColor white = WHITE;
  FlexoExportFormat format;
  const double scale = 2, margin = 10;
  double width, height;
  FlexoRect e;
  g_auto(Doc) d = { NULL, NULL };

  ck_assert_ptr_nonnull (dir);
  build_export_doc (&d);
  ck_assert (flexo_painter_get_extents (painter, d.diagram, &e));
  width = (e.width + 2 * margin) * scale;
  height = (e.height + 2 * margin) * scale;

  ck_assert (flexo_export_format_from_path (svg, &format));
  ck_assert_int_eq (format, FLEXO_EXPORT_SVG);
  ck_assert (flexo_export_format_from_path ("a/b.PDF", &format));
  ck_assert_int_eq (format, FLEXO_EXPORT_PDF);
  ck_assert (!flexo_export_format_from_path ("a.svg/b", &format));
  ck_assert (!flexo_export_format_from_path ("notes.txt", &format));

  /* SVG: parses, and has the size of the extents and margins. */
  ck_assert_msg (flexo_export_diagram (d.diagram, svg, FLEXO_EXPORT_SVG, scale, margin, NULL, &error),
                 "%s", error ? error->message : "");
  {
    xmlDoc *xml = xmlReadFile (svg, NULL, XML_PARSE_NONET);
    xmlNode *root;
    xmlChar *w, *h;

    ck_assert_ptr_nonnull (xml);
    root = xmlDocGetRootElement (xml);
    ck_assert_str_eq ((const char *) root->name, "svg");
    w = xmlGetProp (root, (const xmlChar *) "width");
    h = xmlGetProp (root, (const xmlChar *) "height");
    ck_assert_ptr_nonnull (w);
    ck_assert_ptr_nonnull (h);
    ck_assert_double_eq_tol (g_ascii_strtod ((const char *) w, NULL), width, 0.01);
    ck_assert_double_eq_tol (g_ascii_strtod ((const char *) h, NULL), height, 0.01);
    xmlFree (w);
    xmlFree (h);
    xmlFreeDoc (xml);
  }

  /* PNG: the size in pixels, the background painted. */
  ck_assert (flexo_export_diagram (d.diagram, png, FLEXO_EXPORT_PNG, scale, margin, &white, &error));
  {
    g_autoptr(cairo_surface_t) image = cairo_image_surface_create_from_png (png);

    ck_assert_int_eq (cairo_surface_status (image), CAIRO_STATUS_SUCCESS);
    ck_assert_int_eq (cairo_image_surface_get_width (image), (int) ceil (width));
    ck_assert_int_eq (cairo_image_surface_get_height (image), (int) ceil (height));
    ck_assert (is_white (pixel (image, 1, 1)));
    /* The source's outline at margin + its offset in the extents. */
    ck_assert_uint_gt (count_pixels (image, 0, 0, (int) ceil (width), (int) ceil (height), is_dark), 100);
  }

  /* PDF. */
  ck_assert (flexo_export_diagram (d.diagram, pdf, FLEXO_EXPORT_PDF, 1, margin, NULL, &error));
  ck_assert (g_file_get_contents (pdf, &contents, NULL, &error));
  ck_assert (g_str_has_prefix (contents, "%PDF"));

  g_unlink (svg);
  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_export_errors_name_the_file)
{
  g_autoptr(GError) error = NULL;
  g_auto(Doc) d = { NULL, NULL };

  build_export_doc (&d);
  ck_assert (!flexo_export_diagram (d.diagram, "/nonexistent-flexo-dir/out.png", FLEXO_EXPORT_PNG,
                                    1, 0, NULL, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strstr (error->message, "/nonexistent-flexo-dir/out.png") != NULL, "%s", error->message);
  g_clear_error (&error);

  ck_assert (!flexo_export_diagram (d.diagram, "/tmp/x.png", FLEXO_EXPORT_PNG, 0, 0, NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "/tmp/x.png"));
  g_clear_error (&error);

  ck_assert (!flexo_export_diagram (d.diagram, "/tmp/x.png", FLEXO_EXPORT_PNG, 1e6, 0, NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "/tmp/x.png"));
}
END_TEST

static Suite *
painter_suite (void)
{
  Suite *s = suite_create ("painter");
  TCase *tc = tcase_create ("core");

  tcase_set_timeout (tc, 60);
  tcase_add_loop_test (tc, test_shape_kinds_fill_their_silhouette, 0, FLEXO_N_SHAPE_KINDS);
  tcase_add_test (tc, test_shape_opacity);
  tcase_add_loop_test (tc, test_arrow_heads_stop_at_the_outline, 0, FLEXO_N_ARROW_HEADS);
  tcase_add_test (tc, test_orthogonal_route);
  tcase_add_test (tc, test_orthogonal_route_through_waypoint);
  tcase_add_test (tc, test_curved_route_bows_through_waypoint);
  tcase_add_test (tc, test_straight_route_and_labels);
  tcase_add_test (tc, test_route_ends_on_outlines);
  tcase_add_test (tc, test_label_inside_shape);
  tcase_add_test (tc, test_long_label_is_ellipsized_in_its_box);
  tcase_add_test (tc, test_label_follows_text_changes);
  tcase_add_test (tc, test_class_compartments);
  tcase_add_test (tc, test_lod_drops_text);
  tcase_add_test (tc, test_lod_drops_shadows);
  tcase_add_test (tc, test_lod_tiny_shapes_keep_their_fill);
  tcase_add_test (tc, test_lod_tiny_connectors_stay_visible);
  tcase_add_test (tc, test_lod_bezier_follows_its_curve);
  tcase_add_test (tc, test_lod_direct_pixels_match_mask);
  tcase_add_test (tc, test_far_view_picture);
  tcase_add_test (tc, test_label_too_tall_for_the_clear_part_takes_the_box);
  tcase_add_test (tc, test_far_view_follows_edits);
  tcase_add_test (tc, test_far_view_redraw_keeps_batches);
  tcase_add_test (tc, test_culling);
  tcase_add_test (tc, test_extents);
  tcase_add_test (tc, test_svg_writer_paths);
  tcase_add_test (tc, test_svg_export_text_is_text);
  tcase_add_test (tc, test_svg_export_large_in_order);
  tcase_add_test (tc, test_export_formats);
  tcase_add_test (tc, test_export_errors_name_the_file);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return flexo_test_run (painter_suite ());
}
