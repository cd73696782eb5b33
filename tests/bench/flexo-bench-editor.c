/* flexo-bench-editor.c — the editor on the big document
 *
 * One step of a drag with 1,000 shapes selected, and the repaint of the
 * 1920×1080 canvas after it: the drag is driven through the canvas's
 * gesture as GTK would drive it, and the repaint is the canvas's
 * snapshot drawn to an image surface, as GTK's cairo renderer does.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "flexo-bench.h"
#include "flexo-canvas.h"

#define WIDTH 1920
#define HEIGHT 1080
#define N_SELECTED 1000
#define STEPS 21

static GtkEventController *
find_drag_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (c))
        return c;
    }
  return NULL;
}

static void
repaint (GtkWidget       *canvas,
         cairo_surface_t *surface)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (canvas)->snapshot (canvas, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_clear_pointer (&node, gsk_render_node_unref);
}

typedef struct
{
  FlexoPoint  centre;
  GPtrArray  *shapes;
} Nearest;

static int
compare_distance (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  FlexoPoint *c = user_data;
  FlexoRect ra = *flexo_shape_get_bounds (*(FlexoShape **) a), rb = *flexo_shape_get_bounds (*(FlexoShape **) b);
  double da = hypot (ra.x - c->x, ra.y - c->y), db = hypot (rb.x - c->x, rb.y - c->y);

  return (da > db) - (da < db);
}

gboolean
flexo_bench_editor (FlexoDocument    *doc,
                    FlexoBenchReport  report)
{
  FlexoDiagram *diagram = g_ptr_array_index (flexo_document_get_diagrams (doc), 0);
  g_autoptr(GPtrArray) shapes = g_ptr_array_new ();
  GPtrArray *items = flexo_diagram_get_items (diagram);
  GtkWidget *window, *scrolled, *canvas;
  GtkEventController *gesture;
  cairo_surface_t *surface;
  FlexoRect extents;
  FlexoPoint centre;
  double times[STEPS], x, y;
  FlexoRect before;

  if (!gtk_init_check ())
    return FALSE;

  window = gtk_window_new ();
  scrolled = gtk_scrolled_window_new ();
  canvas = flexo_canvas_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), canvas);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (canvas) < 100)
    g_main_context_iteration (NULL, TRUE);

  flexo_canvas_set_diagram (FLEXO_CANVAS (canvas), diagram);
  flexo_diagram_get_extents (diagram, &extents);
  centre = flexo_rect_center (&extents);
  flexo_canvas_set_zoom (FLEXO_CANVAS (canvas), 1.0);
  flexo_canvas_scroll_to (FLEXO_CANVAS (canvas), centre,
                          gtk_widget_get_width (canvas) / 2.0, gtk_widget_get_height (canvas) / 2.0);

  /* The 1,000 shapes nearest the middle of the view. */
  for (guint i = 0; i < items->len; i++)
    if (FLEXO_IS_SHAPE (g_ptr_array_index (items, i)))
      g_ptr_array_add (shapes, g_ptr_array_index (items, i));
  g_ptr_array_sort_with_data (shapes, compare_distance, &centre);
  for (guint i = 0; i < MIN (N_SELECTED, shapes->len); i++)
    flexo_canvas_select (FLEXO_CANVAS (canvas), g_ptr_array_index (shapes, i), TRUE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (canvas),
                                        gtk_widget_get_height (canvas));
  repaint (canvas, surface);

  /* Press on the first of them, then drag step by step. */
  gesture = find_drag_gesture (canvas);
  {
    FlexoRect r = *flexo_shape_get_bounds (g_ptr_array_index (shapes, 0));

    flexo_canvas_diagram_to_view (FLEXO_CANVAS (canvas), flexo_rect_center (&r), &x, &y);
  }
  before = *flexo_shape_get_bounds (g_ptr_array_index (shapes, 0));
  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  for (guint i = 0; i < STEPS; i++)
    {
      double start = flexo_bench_now ();

      g_signal_emit_by_name (gesture, "drag-update", 10.0 + 7 * i, 5.0 + 3 * i);
      repaint (canvas, surface);
      times[i] = (flexo_bench_now () - start) * 1000;
    }
  g_signal_emit_by_name (gesture, "drag-end", 10.0 + 7 * STEPS, 5.0 + 3 * STEPS);

  /* The first step fills caches: not counted. */
  report ("drag step of 1,000 selected shapes + repaint", "ms", flexo_bench_median (times + 1, STEPS - 1), 16);
  /* The whole drag is one history entry. */
  flexo_document_undo (doc);
  if (flexo_shape_get_bounds (g_ptr_array_index (shapes, 0))->x != before.x)
    g_printerr ("flexo-bench: one undo did not undo the whole drag\n");

  cairo_surface_destroy (surface);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return TRUE;
}
