/* flexo-canvas-draw.c — what the canvas draws: the paper, the grid, the
 * painter's drawing, marks of problems and of unclassified items, then the
 * selection, its handles and guides on top, in one cairo node
 * (DESIGN.md §4)
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "flexo-canvas-private.h"
#include "flexo-route.h"

/* ------------------------------------------------------------ drawing -- */

static void
accent_color (GtkWidget *widget,
              GdkRGBA   *rgba)
{
  /* GNOME's blue: the accent colour of libadwaita 1.2. */
  gdk_rgba_parse (rgba, "#3584e4");
}

static void
draw_grid (FlexoCanvas *self,
           cairo_t     *cr,
           int          width,
           int          height)
{
  double step = self->grid_size;
  double x0, y0;

  /* Never denser than one dot every 8 pixels. */
  while (step * self->zoom < 8)
    step *= 5;

  cairo_set_source_rgba (cr, 0, 0, 0, 0.22);
  x0 = floor (self->view_x / step) * step;
  y0 = floor (self->view_y / step) * step;
  for (double gy = y0; (gy - self->view_y) * self->zoom < height; gy += step)
    for (double gx = x0; (gx - self->view_x) * self->zoom < width; gx += step)
      {
        double x = round ((gx - self->view_x) * self->zoom), y = round ((gy - self->view_y) * self->zoom);

        cairo_rectangle (cr, x - 1, y - 1, 2, 2);
      }
  cairo_fill (cr);
}

static void
view_rect (FlexoCanvas     *self,
           const FlexoRect *r,
           double          *x,
           double          *y,
           double          *w,
           double          *h)
{
  flexo_canvas_diagram_to_view (self, FLEXO_POINT_INIT (r->x, r->y), x, y);
  *w = r->width * self->zoom;
  *h = r->height * self->zoom;
}

static void
draw_handle (cairo_t       *cr,
             double         x,
             double         y,
             const GdkRGBA *accent,
             gboolean       round_handle)
{
  double s = HANDLE_SIZE;

  if (round_handle)
    cairo_arc (cr, x, y, s / 2, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, round (x) - s / 2 + 0.5, round (y) - s / 2 + 0.5, s - 1, s - 1);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, accent);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

void
flexo_canvas_draw_control_point (cairo_t       *cr,
                                 double         x,
                                 double         y,
                                 const GdkRGBA *accent)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, HANDLE_SIZE / 2 - 1, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, accent);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

/* The handles of a Bézier chain: its joints as other waypoints, its
 * control points as small circles, each on a thin line to its joint or
 * end (vector editors' way). FALSE when it is no chain. */
static gboolean
draw_bezier_handles (FlexoCanvas    *self,
                     cairo_t        *cr,
                     FlexoConnector *connector,
                     const GdkRGBA  *accent)
{
  FlexoPoint start, end;
  g_autoptr(GArray) chain = flexo_canvas_bezier_chain (connector, FALSE, &start, &end);
  const FlexoPoint *w;
  guint n;

  if (chain == NULL)
    return FALSE;
  w = (const FlexoPoint *) (gconstpointer) chain->data;
  n = chain->len;

  /* Control point 3k is its segment's c1, of the node before; 3k + 1
   * its c2, of the node after. */
  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.8);
  for (guint i = 0; i < n; i++)
    {
      FlexoPoint node;
      double x0, y0, x1, y1;

      if (i % 3 == 2)
        continue;
      if (i % 3 == 0)
        node = i == 0 ? start : w[i - 1];
      else
        node = i + 1 == n ? end : w[i + 1];
      flexo_canvas_diagram_to_view (self, node, &x0, &y0);
      flexo_canvas_diagram_to_view (self, w[i], &x1, &y1);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      flexo_canvas_diagram_to_view (self, w[i], &x, &y);
      if (i % 3 == 2)
        draw_handle (cr, x, y, accent, FALSE);
      else
        flexo_canvas_draw_control_point (cr, x, y, accent);
    }
  cairo_restore (cr);
  return TRUE;
}

static void
draw_route (FlexoCanvas    *self,
            cairo_t        *cr,
            FlexoConnector *connector)
{
  g_autoptr(FlexoPath) route = flexo_path_new ();
  FlexoPathIter iter;
  FlexoPathOp op;
  const FlexoPoint *pts;

  flexo_connector_compute_route (connector, route, NULL, NULL);
  flexo_path_iter_init (&iter, route);
  while (flexo_path_iter_next (&iter, &op, &pts))
    {
      double x[3], y[3];

      for (guint k = 0; k < flexo_path_op_n_points (op); k++)
        flexo_canvas_diagram_to_view (self, pts[k], &x[k], &y[k]);
      switch (op)
        {
        case FLEXO_PATH_MOVE_TO:
          cairo_move_to (cr, x[0], y[0]);
          break;
        case FLEXO_PATH_LINE_TO:
          cairo_line_to (cr, x[0], y[0]);
          break;
        case FLEXO_PATH_CURVE_TO:
          cairo_curve_to (cr, x[0], y[0], x[1], y[1], x[2], y[2]);
          break;
        case FLEXO_PATH_CLOSE_PATH:
        default:
          cairo_close_path (cr);
          break;
        }
    }
}

static void
draw_overlay (FlexoCanvas *self,
              cairo_t     *cr)
{
  GdkRGBA accent;
  gboolean handles = self->selection->len <= 64;

  accent_color (GTK_WIDGET (self), &accent);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  /* The container a move would drop into. */
  if (self->drop_parent != NULL)
    {
      double x, y, w, h;
      FlexoRect box = flexo_rect_normalize (*flexo_shape_get_bounds (self->drop_parent));

      view_rect (self, &box, &x, &y, &w, &h);
      cairo_rectangle (cr, x - 2, y - 2, w + 4, h + 4);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.6);
      cairo_set_line_width (cr, 4);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < self->selection->len; i++)
    {
      gpointer item = g_ptr_array_index (self->selection, i);

      if (FLEXO_IS_SHAPE (item))
        {
          FlexoRect box = flexo_rect_normalize (*flexo_shape_get_bounds (item));
          double x, y, w, h;

          view_rect (self, &box, &x, &y, &w, &h);
          cairo_rectangle (cr, round (x) + 0.5, round (y) + 0.5, round (w), round (h));
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          if (!handles)
            continue;
          for (Handle hd = 0; hd < N_HANDLES; hd++)
            {
              double hx, hy;

              flexo_canvas_handle_view_position (self, item, &box, hd, &hx, &hy);
              draw_handle (cr, hx, hy, &accent, FALSE);
            }
          if (item == flexo_canvas_form_shape (self))
            flexo_canvas_form_draw (self, cr, &accent);
        }
      else if (FLEXO_IS_CONNECTOR (item))
        {
          GArray *waypoints = flexo_connector_get_waypoints (item);
          FlexoPoint start, end;
          double x, y;

          draw_route (self, cr, item);
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.45);
          cairo_set_line_width (cr, 5);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_stroke (cr);
          if (!handles)
            continue;
          if (!draw_bezier_handles (self, cr, item, &accent))
            for (guint k = 0; waypoints != NULL && k < waypoints->len; k++)
              {
                flexo_canvas_diagram_to_view (self, g_array_index (waypoints, FlexoPoint, k), &x, &y);
                draw_handle (cr, x, y, &accent, FALSE);
              }
          if (flexo_canvas_connector_ends (item, &start, &end))
            {
              flexo_canvas_diagram_to_view (self, start, &x, &y);
              draw_handle (cr, x, y, &accent, TRUE);
              flexo_canvas_diagram_to_view (self, end, &x, &y);
              draw_handle (cr, x, y, &accent, TRUE);
            }
        }
    }

  /* Connection handles of the shape under the pointer. */
  if (self->hover_shape != NULL && self->drag_mode == DRAG_NONE && self->tool == NULL)
    for (guint side = 0; side < 4; side++)
      {
        double x, y;

        flexo_canvas_connect_handle_position (self, self->hover_shape, side, &x, &y);
        cairo_arc (cr, x, y, HANDLE_SIZE / 2, 0, 2 * G_PI);
        gdk_cairo_set_source_rgba (cr, &accent);
        cairo_fill (cr);
      }

  /* A connector being drawn or reconnected: its target. */
  if (self->hover_target != NULL)
    {
      FlexoRect box = flexo_rect_normalize (*flexo_shape_get_bounds (self->hover_target));
      double x, y, w, h;

      view_rect (self, &box, &x, &y, &w, &h);
      cairo_rectangle (cr, x - 1.5, y - 1.5, w + 3, h + 3);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.8);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
  if (self->refused_target != NULL)
    {
      FlexoRect box = flexo_rect_normalize (*flexo_shape_get_bounds (self->refused_target));
      double x, y, w, h;

      view_rect (self, &box, &x, &y, &w, &h);
      cairo_rectangle (cr, x - 1.5, y - 1.5, w + 3, h + 3);
      cairo_set_source_rgba (cr, 0.88, 0.11, 0.14, 0.9);
      cairo_set_line_width (cr, 3);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  if (self->drag_mode == DRAG_CONNECT && self->dragged && self->connect_source != NULL)
    {
      FlexoRect box = flexo_rect_normalize (*flexo_shape_get_bounds (self->connect_source));
      double x, y;

      flexo_canvas_diagram_to_view (self, flexo_rect_center (&box), &x, &y);
      cairo_move_to (cr, x, y);
      if (self->hover_target != NULL)
        {
          box = flexo_rect_normalize (*flexo_shape_get_bounds (self->hover_target));
          flexo_canvas_diagram_to_view (self, flexo_rect_center (&box), &x, &y);
          cairo_line_to (cr, x, y);
        }
      else
        cairo_line_to (cr, self->drag_x, self->drag_y);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* Rubber band, or the box of a shape being drawn. */
  if ((self->drag_mode == DRAG_RUBBER_BAND || self->drag_mode == DRAG_CREATE_SHAPE) && self->dragged)
    {
      double x = MIN (self->press_x, self->drag_x), y = MIN (self->press_y, self->drag_y);
      double w = fabs (self->drag_x - self->press_x), h = fabs (self->drag_y - self->press_y);

      cairo_rectangle (cr, round (x) + 0.5, round (y) + 0.5, round (w), round (h));
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.15);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  /* Snapping guides. */
  if (self->guides != NULL && self->guides->len > 0)
    {
      cairo_set_source_rgb (cr, 0.88, 0.11, 0.55);
      cairo_set_line_width (cr, 1);
      for (guint i = 0; i < self->guides->len; i++)
        {
          Guide *g = &g_array_index (self->guides, Guide, i);
          double x1, y1, x2, y2;

          if (g->vertical)
            {
              flexo_canvas_diagram_to_view (self, FLEXO_POINT_INIT (g->pos, g->from), &x1, &y1);
              flexo_canvas_diagram_to_view (self, FLEXO_POINT_INIT (g->pos, g->to), &x2, &y2);
              x1 = x2 = round (x1) + 0.5;
            }
          else
            {
              flexo_canvas_diagram_to_view (self, FLEXO_POINT_INIT (g->from, g->pos), &x1, &y1);
              flexo_canvas_diagram_to_view (self, FLEXO_POINT_INIT (g->to, g->pos), &x2, &y2);
              y1 = y2 = round (y1) + 0.5;
            }
          cairo_move_to (cr, x1, y1);
          cairo_line_to (cr, x2, y2);
        }
      cairo_stroke (cr);
    }
}

/* ------------------------------------------------------------- marks -- */

void
flexo_canvas_set_marked (FlexoCanvas *self,
                         GHashTable  *objects)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  g_clear_pointer (&self->marked, g_hash_table_unref);
  if (objects != NULL)
    self->marked = g_hash_table_ref (objects);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
flexo_canvas_is_marked (FlexoCanvas *self,
                        gpointer     item)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), FALSE);

  if (self->marked == NULL || item == NULL)
    return FALSE;
  if (FLEXO_IS_SHAPE (item))
    return flexo_shape_get_instance (item) != NULL && g_hash_table_contains (self->marked, flexo_shape_get_instance (item));
  if (FLEXO_IS_CONNECTOR (item))
    return flexo_connector_get_link (item) != NULL && g_hash_table_contains (self->marked, flexo_connector_get_link (item));
  return FALSE;
}

void
flexo_canvas_set_highlight_free (FlexoCanvas *self,
                                 gboolean     highlight)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (self->highlight_free == !!highlight)
    return;
  self->highlight_free = !!highlight;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
flexo_canvas_get_highlight_free (FlexoCanvas *self)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), FALSE);

  return self->highlight_free;
}

/* The accent colour around a shape or at a connector's middle that no
 * concept or relation classifies yet. */
static gboolean
free_shape_cb (gpointer         item,
               const FlexoRect *bounds,
               gpointer         user_data)
{
  FlexoCanvas *self = FLEXO_CANVAS (((gpointer *) user_data)[0]);
  cairo_t *cr = ((gpointer *) user_data)[1];
  FlexoRect box;
  double x1, y1, x2, y2;

  if (flexo_shape_get_instance (item) != NULL)
    return FALSE;
  box = flexo_rect_normalize (*flexo_shape_get_bounds (item));
  flexo_canvas_diagram_to_view (self, FLEXO_POINT_INIT (box.x, box.y), &x1, &y1);
  flexo_canvas_diagram_to_view (self, FLEXO_POINT_INIT (box.x + box.width, box.y + box.height), &x2, &y2);
  cairo_rectangle (cr, x1 - 5, y1 - 5, x2 - x1 + 10, y2 - y1 + 10);
  return FALSE;
}

static gboolean
free_connector_cb (gpointer         item,
                   const FlexoRect *bounds,
                   gpointer         user_data)
{
  FlexoCanvas *self = FLEXO_CANVAS (((gpointer *) user_data)[0]);
  cairo_t *cr = ((gpointer *) user_data)[1];
  double x, y;

  if (flexo_connector_get_link (item) != NULL)
    return FALSE;
  flexo_canvas_diagram_to_view (self, flexo_connector_label_position (item, FLEXO_LABEL_MIDDLE), &x, &y);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, 7, 0, 2 * G_PI);
  return FALSE;
}

static void
draw_unclassified (FlexoCanvas *self,
                   cairo_t     *cr)
{
  gpointer data[2] = { self, cr };
  FlexoRect area;

  if (!self->highlight_free || self->diagram == NULL || !flexo_object_is_live (FLEXO_OBJECT (self->diagram)))
    return;
  area = flexo_canvas_get_visible_area (self);
  area = flexo_rect_inflate (&area, 10 / self->zoom, 10 / self->zoom);
  cairo_save (cr);
  cairo_new_path (cr);
  flexo_spatial_index_query_rect (flexo_diagram_get_index (self->diagram), &area, free_shape_cb, data);
  flexo_spatial_index_query_rect (flexo_diagram_get_connector_index (self->diagram), &area, free_connector_cb, data);
  /* GNOME's orange, dashed: unlike the selection and the problem marks. */
  cairo_set_source_rgba (cr, 0.90, 0.38, 0.0, 0.9);
  cairo_set_line_width (cr, 2.5);
  cairo_set_dash (cr, (double[]) { 6, 3 }, 2, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A red disc with an exclamation mark, centred on (@x, @y). */
static void
draw_mark (cairo_t *cr,
           double   x,
           double   y)
{
  cairo_arc (cr, x, y, 8, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.88, 0.11, 0.14);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_rectangle (cr, x - 1, y - 5, 2, 6);
  cairo_rectangle (cr, x - 1, y + 2.5, 2, 2);
  cairo_fill (cr);
}

typedef struct
{
  FlexoCanvas *self;
  cairo_t     *cr;
} MarkDraw;

static gboolean
mark_shape_cb (gpointer         item,
               const FlexoRect *bounds,
               gpointer         user_data)
{
  MarkDraw *m = user_data;

  if (flexo_canvas_is_marked (m->self, item))
    {
      FlexoRect box = flexo_rect_normalize (*flexo_shape_get_bounds (item));
      double x, y;

      flexo_canvas_diagram_to_view (m->self, FLEXO_POINT_INIT (box.x + box.width, box.y), &x, &y);
      draw_mark (m->cr, x, y);
    }
  return FALSE;
}

static gboolean
mark_connector_cb (gpointer         item,
                   const FlexoRect *bounds,
                   gpointer         user_data)
{
  MarkDraw *m = user_data;

  if (flexo_canvas_is_marked (m->self, item))
    {
      double x, y;

      flexo_canvas_diagram_to_view (m->self, flexo_connector_label_position (item, FLEXO_LABEL_MIDDLE), &x, &y);
      draw_mark (m->cr, x, y);
    }
  return FALSE;
}

static void
draw_marks (FlexoCanvas *self,
            cairo_t     *cr)
{
  MarkDraw m = { self, cr };
  FlexoRect area;

  if (self->marked == NULL || g_hash_table_size (self->marked) == 0 ||
      !flexo_object_is_live (FLEXO_OBJECT (self->diagram)))
    return;
  area = flexo_canvas_get_visible_area (self);
  area = flexo_rect_inflate (&area, 10 / self->zoom, 10 / self->zoom);
  flexo_spatial_index_query_rect (flexo_diagram_get_index (self->diagram), &area, mark_shape_cb, &m);
  flexo_spatial_index_query_rect (flexo_diagram_get_connector_index (self->diagram), &area, mark_connector_cb, &m);
}

void
flexo_canvas_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  FlexoCanvas *self = FLEXO_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  FlexoRect area;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The paper: white in light and dark mode alike, as the figure will be. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->show_grid)
    draw_grid (self, cr, width, height);

  if (self->diagram != NULL)
    {
      area = flexo_canvas_get_visible_area (self);
      cairo_save (cr);
      cairo_scale (cr, self->zoom, self->zoom);
      cairo_translate (cr, -self->view_x, -self->view_y);
      flexo_painter_draw (self->painter, cr, self->diagram, &area, self->zoom);
      cairo_restore (cr);
      draw_marks (self, cr);
      draw_unclassified (self, cr);
      draw_overlay (self, cr);
    }

  cairo_destroy (cr);

  if (self->editor != NULL)
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
}

