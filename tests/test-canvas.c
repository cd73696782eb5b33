/* test-canvas.c — the diagram editor, driven through its controllers
 *
 * The canvas's gestures are driven by emitting their signals (drag-begin,
 * drag-update, drag-end, pressed, key-pressed, drop) as GTK would, and
 * the document is checked after each step, after undo and after redo.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "flexo-bezier.h"
#include "flexo-canvas.h"
#include "flexo-form.h"
#include "flexo-format.h"
#include "flexo-gui-test.h"
#include "flexo-model.h"
#include "flexo-model-tree.h"
#include "flexo-palette-view.h"
#include "flexo-route.h"
#include "flexo-test.h"

static FlexoApplication *app;
static FlexoWindow *window;
static FlexoCanvas *canvas;
static FlexoDocument *doc;
static FlexoDiagram *diagram;

static void
setup (void)
{
  flexo_gui_test_init_locale ("en");
  app = flexo_gui_test_open_app (&window);
  canvas = FLEXO_CANVAS (flexo_window_get_canvas (window));
  doc = flexo_window_get_document (window);
  diagram = flexo_canvas_get_diagram (canvas);
  ck_assert_ptr_nonnull (diagram);
  ck_assert_double_eq (flexo_canvas_get_zoom (canvas), 1.0);
  /* The view starts at the origin of the diagram. */
  flexo_canvas_scroll_to (canvas, (FlexoPoint) { 0, 0 }, 0, 0);
}

static void
teardown (void)
{
  canvas = NULL;
  doc = NULL;
  diagram = NULL;
  window = NULL;
  flexo_gui_test_teardown (&app);
}

/* ------------------------------------------------------------- helpers -- */

static FlexoPaletteItem *
shape_item (FlexoShapeKind kind,
            double         width,
            double         height)
{
  g_autoptr(FlexoStyle) style = flexo_style_new ();

  flexo_style_set_shape_kind (style, kind);
  return flexo_palette_item_new_shape ("Test", style, width, height);
}

static FlexoPaletteItem *
arrow_item (void)
{
  g_autoptr(FlexoStyle) style = flexo_style_new ();

  flexo_style_set_arrow_end (style, FLEXO_ARROW_HOLLOW_TRIANGLE);
  flexo_style_set_routing (style, FLEXO_ROUTING_ORTHOGONAL);
  return flexo_palette_item_new_connector ("Inheritance", style);
}

static void
view_point (double  x,
            double  y,
            double *vx,
            double *vy)
{
  flexo_canvas_diagram_to_view (canvas, (FlexoPoint) { x, y }, vx, vy);
}

static void
drag (double x,
      double y,
      double dx,
      double dy)
{
  flexo_gui_test_drag (canvas, x, y, dx, dy);
}

#define press_key flexo_gui_test_press_key

/* The palette's items of concepts and relations (not the used looks). */
static guint
n_model_items (FlexoPaletteView *palette)
{
  GPtrArray *items = flexo_palette_view_get_model_items (palette);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    n += flexo_palette_item_get_concept (g_ptr_array_index (items, i)) != NULL ||
         flexo_palette_item_get_relation (g_ptr_array_index (items, i)) != NULL;
  return n;
}
#define model_item flexo_gui_test_model_item

static void
double_click (double x,
              double y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));
  GtkEventController *click = NULL;
  double vx, vy;

  /* The primary button's, not the context menu's. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && click == NULL; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (c) && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (c)) == GDK_BUTTON_PRIMARY)
        click = c;
    }
  ck_assert_ptr_nonnull (click);

  view_point (x, y, &vx, &vy);
  g_signal_emit_by_name (click, "pressed", 2, vx, vy);
  /* Then the drag gesture gets the same press, as GTK gives it. */
  drag (x, y, 0, 0);
  flexo_gui_test_flush ();
}

static FlexoShape *
add_box (double x,
         double y,
         double w,
         double h,
         FlexoShapeKind kind)
{
  g_autoptr(FlexoPaletteItem) item = shape_item (kind, w, h);
  FlexoShape *shape = flexo_canvas_add_shape (canvas, item, &FLEXO_RECT_INIT (x, y, w, h));

  ck_assert_ptr_nonnull (shape);
  return shape;
}

static guint
n_items (void)
{
  return flexo_diagram_get_items (diagram)->len;
}

#define ck_assert_bounds(shape, ex, ey, ew, eh) \
  G_STMT_START { \
    const FlexoRect *b_ = flexo_shape_get_bounds (shape); \
    ck_assert_msg (fabs (b_->x - (ex)) < 1e-6 && fabs (b_->y - (ey)) < 1e-6 && \
                   fabs (b_->width - (ew)) < 1e-6 && fabs (b_->height - (eh)) < 1e-6, \
                   "bounds %g,%g %gx%g, expected %g,%g %gx%g", b_->x, b_->y, b_->width, b_->height, \
                   (double) (ex), (double) (ey), (double) (ew), (double) (eh)); \
  } G_STMT_END

/* --------------------------------------------------------------- tests -- */

START_TEST (test_click_places_palette_shape)
{
  g_autoptr(FlexoPaletteItem) item = shape_item (FLEXO_SHAPE_ELLIPSE, 120, 60);
  FlexoShape *shape;
  FlexoStyle style;

  flexo_canvas_set_tool (canvas, item);
  drag (200, 200, 0, 0);

  ck_assert_uint_eq (n_items (), 1);
  shape = g_ptr_array_index (flexo_diagram_get_items (diagram), 0);
  /* The item's size, centred on the click, its corner on the grid. */
  ck_assert_bounds (shape, 140, 180, 120, 60);
  flexo_shape_resolve_style (shape, &style);
  ck_assert_int_eq (style.shape_kind, FLEXO_SHAPE_ELLIPSE);
  ck_assert_ptr_null (flexo_canvas_get_tool (canvas));
  ck_assert_uint_eq (flexo_canvas_get_selection (canvas)->len, 1);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Add Shape");

  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (n_items (), 0);
  ck_assert_uint_eq (flexo_canvas_get_selection (canvas)->len, 0);
  ck_assert (flexo_document_redo (doc));
  ck_assert_uint_eq (n_items (), 1);
  ck_assert_bounds (g_ptr_array_index (flexo_diagram_get_items (diagram), 0), 140, 180, 120, 60);
}
END_TEST

START_TEST (test_window_palette_picks_canvas_tool)
{
  FlexoPaletteView *palette = FLEXO_PALETTE_VIEW (flexo_gui_test_find_widget (GTK_WIDGET (window), FLEXO_TYPE_PALETTE_VIEW,
                                                                             NULL, NULL));
  FlexoPaletteItem *item;

  ck_assert_ptr_nonnull (palette);
  item = g_ptr_array_index (flexo_palette_view_get_items (palette), 2);
  g_signal_emit_by_name (flexo_palette_view_get_button (palette, item), "clicked");
  ck_assert_ptr_eq (flexo_canvas_get_tool (canvas), item);
  /* Placing the shape gives the pointer back, in the palette too. */
  drag (300, 300, 0, 0);
  ck_assert_uint_eq (n_items (), 1);
  ck_assert_ptr_null (flexo_canvas_get_tool (canvas));
  ck_assert_ptr_null (flexo_palette_view_get_active_item (palette));
}
END_TEST

START_TEST (test_drag_draws_palette_shape)
{
  g_autoptr(FlexoPaletteItem) item = shape_item (FLEXO_SHAPE_RECTANGLE, 120, 60);

  flexo_canvas_set_tool (canvas, item);
  drag (100, 100, 160, 80);
  ck_assert_uint_eq (n_items (), 1);
  ck_assert_bounds (g_ptr_array_index (flexo_diagram_get_items (diagram), 0), 100, 100, 160, 80);
}
END_TEST

START_TEST (test_drop_palette_item)
{
  g_autoptr(FlexoPaletteItem) item = shape_item (FLEXO_SHAPE_DIAMOND, 80, 80);
  GtkEventController *target = flexo_gui_test_find_controller (GTK_WIDGET (canvas), GTK_TYPE_DROP_TARGET);
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;
  double vx, vy;

  ck_assert_ptr_nonnull (target);
  g_value_init (&value, FLEXO_TYPE_PALETTE_ITEM);
  g_value_set_boxed (&value, item);
  view_point (300, 300, &vx, &vy);
  g_signal_emit_by_name (target, "drop", &value, vx, vy, &dropped);
  g_value_unset (&value);

  ck_assert (dropped);
  ck_assert_uint_eq (n_items (), 1);
  ck_assert_bounds (g_ptr_array_index (flexo_diagram_get_items (diagram), 0), 260, 260, 80, 80);
  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (n_items (), 0);
}
END_TEST

START_TEST (test_move_is_one_undo_step)
{
  FlexoShape *shape = add_box (100, 100, 120, 60, FLEXO_SHAPE_RECTANGLE);
  guint history = flexo_document_get_history_length (doc);

  flexo_canvas_set_snap (canvas, FALSE);
  drag (160, 130, 50, 30);
  ck_assert_bounds (shape, 150, 130, 120, 60);
  /* The steps of the drag merged into one entry. */
  ck_assert_uint_eq (flexo_document_get_history_length (doc), history + 1);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Move");

  ck_assert (flexo_document_undo (doc));
  ck_assert_bounds (shape, 100, 100, 120, 60);
  ck_assert (flexo_document_redo (doc));
  ck_assert_bounds (shape, 150, 130, 120, 60);

  /* With snapping, the corner lands on the grid. */
  flexo_canvas_set_snap (canvas, TRUE);
  drag (210, 160, 47, 33);
  ck_assert_bounds (shape, 200, 160, 120, 60);
}
END_TEST

START_TEST (test_move_snaps_to_other_shapes)
{
  FlexoShape *a = add_box (100, 100, 100, 50, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *b = add_box (300, 103, 100, 50, FLEXO_SHAPE_RECTANGLE);

  flexo_canvas_select (canvas, b, FALSE);
  /* b's top comes within a few pixels of a's top: it snaps to it (and to
   * the grid across, where there is no edge near). */
  drag (350, 130, -10, -4);
  ck_assert_bounds (b, 300, flexo_shape_get_bounds (a)->y, 100, 50);
}
END_TEST

START_TEST (test_resize_with_handle)
{
  FlexoShape *shape = add_box (100, 100, 120, 60, FLEXO_SHAPE_RECTANGLE);

  flexo_canvas_set_snap (canvas, FALSE);
  flexo_canvas_select (canvas, shape, FALSE);
  /* The bottom right handle. */
  drag (220, 160, 40, 20);
  ck_assert_bounds (shape, 100, 100, 160, 80);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Resize");
  ck_assert (flexo_document_undo (doc));
  ck_assert_bounds (shape, 100, 100, 120, 60);
  ck_assert (flexo_document_redo (doc));
  ck_assert_bounds (shape, 100, 100, 160, 80);

  /* The top left handle moves the corner; the opposite one stays. */
  drag (100, 100, -20, -10);
  ck_assert_bounds (shape, 80, 90, 180, 90);
}
END_TEST

START_TEST (test_connect_two_shapes)
{
  FlexoShape *a = add_box (100, 100, 100, 60, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *b = add_box (400, 100, 100, 60, FLEXO_SHAPE_ELLIPSE);
  g_autoptr(FlexoPaletteItem) item = arrow_item ();
  FlexoConnector *connector;
  FlexoStyle style;

  flexo_canvas_set_tool (canvas, item);
  drag (150, 130, 300, 0);

  ck_assert_uint_eq (n_items (), 3);
  connector = g_ptr_array_index (flexo_diagram_get_items (diagram), 2);
  ck_assert (FLEXO_IS_CONNECTOR (connector));
  ck_assert_ptr_eq (flexo_connector_get_source (connector), a);
  ck_assert_ptr_eq (flexo_connector_get_target (connector), b);
  flexo_connector_resolve_style (connector, &style);
  ck_assert_int_eq (style.arrow_end, FLEXO_ARROW_HOLLOW_TRIANGLE);
  ck_assert_int_eq (style.routing, FLEXO_ROUTING_ORTHOGONAL);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Connect");

  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (n_items (), 2);
  ck_assert (flexo_document_redo (doc));
  ck_assert_uint_eq (n_items (), 3);

  /* Dropped on nothing: no connector. */
  flexo_canvas_set_tool (canvas, item);
  drag (150, 130, 100, 200);
  ck_assert_uint_eq (n_items (), 3);
}
END_TEST

START_TEST (test_connect_from_edge_handle)
{
  FlexoShape *a = add_box (100, 100, 100, 60, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *b = add_box (400, 100, 100, 60, FLEXO_SHAPE_RECTANGLE);
  GtkEventController *motion = flexo_gui_test_find_controller (GTK_WIDGET (canvas), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  FlexoConnector *connector;
  double vx, vy;

  flexo_canvas_clear_selection (canvas);
  /* Hovering a shape shows its connection handles; the right one is
   * beside the middle of its right side. */
  view_point (150, 130, &vx, &vy);
  g_signal_emit_by_name (motion, "motion", vx, vy);
  view_point (200, 130, &vx, &vy);
  vx += 14;
  g_signal_emit_by_name (motion, "motion", vx, vy);
  drag (200 + 14, 130, 236, 0);

  ck_assert_uint_eq (n_items (), 3);
  connector = g_ptr_array_index (flexo_diagram_get_items (diagram), 2);
  ck_assert_ptr_eq (flexo_connector_get_source (connector), a);
  ck_assert_ptr_eq (flexo_connector_get_target (connector), b);
}
END_TEST

START_TEST (test_reconnect_end)
{
  FlexoShape *a = add_box (100, 100, 100, 60, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *b = add_box (400, 100, 100, 60, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *c = add_box (400, 300, 100, 60, FLEXO_SHAPE_RECTANGLE);
  FlexoConnector *connector = flexo_canvas_add_connector (canvas, NULL, a, b);

  ck_assert_ptr_nonnull (connector);
  flexo_canvas_select (canvas, connector, FALSE);
  /* The target end is on b's left side, at its middle. */
  drag (400, 130, 50, 200);
  ck_assert_ptr_eq (flexo_connector_get_target (connector), c);
  ck_assert (flexo_document_undo (doc));
  ck_assert_ptr_eq (flexo_connector_get_target (connector), b);
}
END_TEST

START_TEST (test_waypoints)
{
  FlexoShape *a = add_box (100, 100, 100, 60, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *b = add_box (400, 100, 100, 60, FLEXO_SHAPE_RECTANGLE);
  FlexoConnector *connector = flexo_canvas_add_connector (canvas, NULL, a, b);
  GArray *w;

  flexo_canvas_set_snap (canvas, FALSE);
  flexo_canvas_select (canvas, connector, FALSE);
  /* Dragging the line bends it. */
  drag (300, 130, 0, 100);
  w = flexo_connector_get_waypoints (connector);
  ck_assert_ptr_nonnull (w);
  ck_assert_uint_eq (w->len, 1);
  ck_assert_double_eq (g_array_index (w, FlexoPoint, 0).x, 300);
  ck_assert_double_eq (g_array_index (w, FlexoPoint, 0).y, 230);
  /* Dragging the waypoint moves it. */
  drag (300, 230, 20, 0);
  w = flexo_connector_get_waypoints (connector);
  ck_assert_double_eq (g_array_index (w, FlexoPoint, 0).x, 320);
  /* A double click on it removes it. */
  double_click (320, 230);
  w = flexo_connector_get_waypoints (connector);
  ck_assert (w == NULL || w->len == 0);
  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (flexo_connector_get_waypoints (connector)->len, 1);
}
END_TEST

static const FlexoPoint bezier_chain[] = {
  { 250, 30 }, { 300, 30 }, { 350, 130 }, { 400, 230 }, { 450, 230 },
};

static FlexoConnector *
add_bezier (FlexoShape *a,
            FlexoShape *b)
{
  FlexoConnector *connector = flexo_canvas_add_connector (canvas, NULL, a, b);
  g_autoptr(FlexoStyle) style = flexo_style_new ();

  ck_assert_ptr_nonnull (connector);
  flexo_document_begin (doc, "Bézier");
  flexo_style_set_routing (style, FLEXO_ROUTING_BEZIER);
  flexo_connector_set_style (connector, style);
  flexo_connector_set_waypoints (connector, bezier_chain, G_N_ELEMENTS (bezier_chain));
  flexo_document_commit (doc);
  return connector;
}

#define ck_assert_waypoint(w, i, ex, ey) \
  G_STMT_START { \
    FlexoPoint p_ = g_array_index ((w), FlexoPoint, (i)); \
    ck_assert_msg (fabs (p_.x - (ex)) < 1e-6 && fabs (p_.y - (ey)) < 1e-6, \
                   "waypoint %u at (%g, %g), expected (%g, %g)", (guint) (i), p_.x, p_.y, \
                   (double) (ex), (double) (ey)); \
  } G_STMT_END

/* A joint of a Bézier connector carries its control points; a control
 * point moves alone; a double click on a control point removes nothing. */
START_TEST (test_bezier_handles)
{
  FlexoShape *a = add_box (100, 100, 100, 60, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *b = add_box (500, 100, 100, 60, FLEXO_SHAPE_RECTANGLE);
  FlexoConnector *connector = add_bezier (a, b);
  GArray *w;

  flexo_canvas_set_snap (canvas, FALSE);
  flexo_canvas_select (canvas, connector, FALSE);
  drag (350, 130, 0, 40);
  w = flexo_connector_get_waypoints (connector);
  ck_assert_uint_eq (w->len, 5);
  ck_assert_waypoint (w, 0, 250, 30);
  ck_assert_waypoint (w, 1, 300, 70);
  ck_assert_waypoint (w, 2, 350, 170);
  ck_assert_waypoint (w, 3, 400, 270);
  ck_assert_waypoint (w, 4, 450, 230);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Move Waypoint");

  drag (250, 30, 10, -5);
  w = flexo_connector_get_waypoints (connector);
  ck_assert_waypoint (w, 0, 260, 25);
  ck_assert_waypoint (w, 1, 300, 70);
  ck_assert_waypoint (w, 2, 350, 170);

  double_click (260, 25);
  ck_assert_uint_eq (flexo_connector_get_waypoints (connector)->len, 5);

  ck_assert (flexo_document_undo (doc));
  ck_assert (flexo_document_undo (doc));
  w = flexo_connector_get_waypoints (connector);
  for (guint i = 0; i < G_N_ELEMENTS (bezier_chain); i++)
    ck_assert_waypoint (w, i, bezier_chain[i].x, bezier_chain[i].y);
}
END_TEST

/* The distance from @p to the route of @connector drawn with the chain
 * @w (not its own waypoints). */
static double
distance_to_chain (FlexoConnector *connector,
                   GArray         *w,
                   FlexoPoint      p)
{
  FlexoRouteEnd source, target;
  g_autoptr(FlexoPath) route = flexo_path_new ();

  flexo_route_end_init_shape (&source, flexo_connector_get_source (connector));
  flexo_route_end_init_shape (&target, flexo_connector_get_target (connector));
  flexo_route_compute (&source, &target, (const FlexoPoint *) (gconstpointer) w->data, w->len,
                       FLEXO_ROUTING_BEZIER, route, NULL, NULL);
  return flexo_path_distance (route, p, NULL);
}

/* Dragging the line of a Bézier connector splits the segment there into
 * two that draw the same curve, and drags the new joint with its control
 * points; a double click on the joint merges them back. */
START_TEST (test_bezier_insert_keeps_the_curve)
{
  FlexoShape *a = add_box (100, 100, 100, 60, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *b = add_box (500, 100, 100, 60, FLEXO_SHAPE_RECTANGLE);
  FlexoConnector *connector = add_bezier (a, b);
  g_autoptr(FlexoPath) before = flexo_path_new ();
  g_autoptr(GArray) original = NULL;
  g_autoptr(GArray) back = NULL;
  const FlexoPoint *p;
  FlexoPoint seg[4], on;
  GArray *w;
  guint n = 0;

  flexo_canvas_set_snap (canvas, FALSE);
  flexo_canvas_select (canvas, connector, FALSE);
  flexo_connector_compute_route (connector, before, NULL, NULL);
  p = flexo_path_get_points (before, &n);
  ck_assert_uint_eq (n, 7);
  original = g_array_copy (flexo_connector_get_waypoints (connector));
  /* Grab the first segment at a third of its way. */
  memcpy (seg, p, sizeof seg);
  on = flexo_bezier_point (seg, 1.0 / 3);
  drag (on.x, on.y, 30, 20);

  w = flexo_connector_get_waypoints (connector);
  ck_assert_uint_eq (w->len, 8);
  /* The second segment is as it was: the new one is before it. */
  for (guint i = 0; i < 3; i++)
    ck_assert_waypoint (w, 5 + i, bezier_chain[2 + i].x, bezier_chain[2 + i].y);
  /* The joint was where the line was grabbed, dragged with its control
   * points by (30, 20): moved back, the chain draws the same curve. */
  ck_assert_waypoint (w, 2, on.x + 30, on.y + 20);
  back = g_array_copy (w);
  for (guint i = 1; i <= 3; i++)
    {
      g_array_index (back, FlexoPoint, i).x -= 30;
      g_array_index (back, FlexoPoint, i).y -= 20;
    }
  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i <= 20; i++)
      {
        FlexoPoint q = flexo_bezier_point (p + 3 * k, i / 20.0);

        ck_assert_msg (distance_to_chain (connector, back, q) < 1e-6, "(%g, %g) is off the split curve by %g",
                       q.x, q.y, distance_to_chain (connector, back, q));
      }
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Move Waypoint");

  /* A double click on the joint merges its segments: the chain it was. */
  double_click (on.x + 30, on.y + 20);
  w = flexo_connector_get_waypoints (connector);
  ck_assert_uint_eq (w->len, 5);
  for (guint i = 0; i < 5; i++)
    ck_assert_waypoint (w, i, bezier_chain[i].x, bezier_chain[i].y);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Remove Waypoint");
  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (flexo_connector_get_waypoints (connector)->len, 8);
  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (flexo_connector_get_waypoints (connector)->len, 5);
}
END_TEST

/* Connecting with a Bézier item: a chain of one segment, handles to
 * bend it; its route ends on both shapes. */
START_TEST (test_connect_bezier)
{
  FlexoShape *a = add_box (100, 100, 100, 60, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *b = add_box (400, 300, 100, 60, FLEXO_SHAPE_RECTANGLE);
  g_autoptr(FlexoStyle) style = flexo_style_new ();
  g_autoptr(FlexoPaletteItem) item = NULL;
  g_autoptr(FlexoPath) route = flexo_path_new ();
  FlexoConnector *connector;
  const FlexoPoint *p;
  GArray *w;
  guint n = 0;

  flexo_style_set_routing (style, FLEXO_ROUTING_BEZIER);
  item = flexo_palette_item_new_connector ("Bézier", style);
  flexo_canvas_set_tool (canvas, item);
  drag (150, 130, 300, 200);
  ck_assert_uint_eq (n_items (), 3);
  connector = g_ptr_array_index (flexo_diagram_get_items (diagram), 2);
  ck_assert_ptr_eq (flexo_connector_get_target (connector), b);
  w = flexo_connector_get_waypoints (connector);
  ck_assert_ptr_nonnull (w);
  ck_assert_uint_eq (w->len, 2);
  flexo_connector_compute_route (connector, route, NULL, NULL);
  ck_assert_uint_eq (flexo_path_get_n_ops (route), 2);
  ck_assert_int_eq (flexo_path_get_op (route, 1), FLEXO_PATH_CURVE_TO);
  p = flexo_path_get_points (route, &n);
  ck_assert_waypoint (w, 0, p[1].x, p[1].y);
  ck_assert_waypoint (w, 1, p[2].x, p[2].y);
  /* Leaves a from its bottom side, enters b by its top. */
  ck_assert_double_eq_tol (p[0].y, 160, 1e-6);
  ck_assert_double_eq_tol (p[3].y, 300, 1e-6);
  ck_assert_ptr_eq (flexo_connector_get_source (connector), a);
}
END_TEST

/* A Bézier connector without control points draws a curve; dragging its
 * line makes that curve a chain and bends it. Moving it with both its
 * ends moves its control points. */
START_TEST (test_bezier_without_points_and_move)
{
  FlexoShape *a = add_box (100, 100, 100, 60, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *b = add_box (500, 100, 100, 60, FLEXO_SHAPE_RECTANGLE);
  FlexoConnector *connector = flexo_canvas_add_connector (canvas, NULL, a, b);
  g_autoptr(FlexoStyle) style = flexo_style_new ();
  g_autoptr(GArray) start = NULL;
  GArray *w;

  flexo_document_begin (doc, "Bézier");
  flexo_style_set_routing (style, FLEXO_ROUTING_BEZIER);
  flexo_connector_set_style (connector, style);
  flexo_document_commit (doc);
  flexo_canvas_set_snap (canvas, FALSE);
  flexo_canvas_select (canvas, connector, FALSE);
  /* From side to side, level: the middle is (350, 130). */
  drag (350, 130, 0, 50);
  w = flexo_connector_get_waypoints (connector);
  ck_assert_ptr_nonnull (w);
  ck_assert_uint_eq (w->len, 5);
  ck_assert_double_eq_tol (g_array_index (w, FlexoPoint, 2).x, 350, 0.5);
  ck_assert_double_eq_tol (g_array_index (w, FlexoPoint, 2).y, 180, 0.5);
  /* Its control points went down with it. */
  ck_assert_double_eq_tol (g_array_index (w, FlexoPoint, 1).y, 180, 0.5);
  ck_assert_double_eq_tol (g_array_index (w, FlexoPoint, 3).y, 180, 0.5);

  start = g_array_copy (w);
  flexo_canvas_select (canvas, a, FALSE);
  flexo_canvas_select (canvas, b, TRUE);
  flexo_canvas_select (canvas, connector, TRUE);
  drag (150, 130, 40, 30);
  ck_assert_bounds (a, 140, 130, 100, 60);
  w = flexo_connector_get_waypoints (connector);
  ck_assert_uint_eq (w->len, 5);
  for (guint i = 0; i < 5; i++)
    ck_assert_waypoint (w, i, g_array_index (start, FlexoPoint, i).x + 40, g_array_index (start, FlexoPoint, i).y + 30);
}
END_TEST

START_TEST (test_edit_label_in_place)
{
  FlexoShape *shape = add_box (100, 100, 120, 60, FLEXO_SHAPE_RECTANGLE);
  GtkWidget *editor;
  GtkTextBuffer *buffer;

  double_click (160, 130);
  editor = flexo_canvas_get_editor (canvas);
  ck_assert_ptr_nonnull (editor);
  ck_assert (gtk_widget_has_focus (editor));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
  gtk_text_buffer_set_text (buffer, "Alice\nand Bob", -1);
  /* Ctrl+Enter keeps the text. */
  ck_assert (press_key (editor, GDK_KEY_Return, GDK_CONTROL_MASK));
  ck_assert (!flexo_canvas_is_editing (canvas));
  ck_assert_str_eq (flexo_shape_get_text (shape), "Alice\nand Bob");
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Edit Text");
  ck_assert (flexo_document_undo (doc));
  ck_assert_ptr_null (flexo_shape_get_text (shape));
  ck_assert (flexo_document_redo (doc));
  ck_assert_str_eq (flexo_shape_get_text (shape), "Alice\nand Bob");

  /* Escape drops the edit. */
  flexo_canvas_select (canvas, shape, FALSE);
  ck_assert (press_key (GTK_WIDGET (canvas), GDK_KEY_F2, 0));
  editor = flexo_canvas_get_editor (canvas);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), "Nobody", -1);
  ck_assert (press_key (editor, GDK_KEY_Escape, 0));
  ck_assert (!flexo_canvas_is_editing (canvas));
  ck_assert_str_eq (flexo_shape_get_text (shape), "Alice\nand Bob");

  /* Typing on a selected shape starts an edit with what is typed. */
  ck_assert (press_key (GTK_WIDGET (canvas), GDK_KEY_Z, 0));
  editor = flexo_canvas_get_editor (canvas);
  ck_assert_ptr_nonnull (editor);
  {
    GtkTextIter s, e;
    g_autofree char *text = NULL;

    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
    gtk_text_buffer_get_bounds (buffer, &s, &e);
    text = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
    ck_assert_str_eq (text, "Z");
  }
  flexo_canvas_stop_editing (canvas, TRUE);
  ck_assert_str_eq (flexo_shape_get_text (shape), "Z");
}
END_TEST

START_TEST (test_rubber_band_selects_inside)
{
  FlexoShape *a = add_box (100, 100, 50, 50, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *b = add_box (200, 100, 50, 50, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *c = add_box (500, 100, 50, 50, FLEXO_SHAPE_RECTANGLE);
  FlexoConnector *ab = flexo_canvas_add_connector (canvas, NULL, a, b);

  flexo_canvas_clear_selection (canvas);
  drag (80, 80, 200, 100);
  ck_assert_uint_eq (flexo_canvas_get_selection (canvas)->len, 3);
  ck_assert (flexo_canvas_is_selected (canvas, a));
  ck_assert (flexo_canvas_is_selected (canvas, b));
  ck_assert (flexo_canvas_is_selected (canvas, ab));
  ck_assert (!flexo_canvas_is_selected (canvas, c));

  /* A click on nothing clears it; Ctrl+A selects all. */
  drag (700, 400, 0, 0);
  ck_assert_uint_eq (flexo_canvas_get_selection (canvas)->len, 0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "select-all", NULL);
  ck_assert_uint_eq (flexo_canvas_get_selection (canvas)->len, 4);
}
END_TEST

START_TEST (test_keys_move_and_delete)
{
  FlexoShape *a = add_box (100, 100, 50, 50, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *b = add_box (300, 100, 50, 50, FLEXO_SHAPE_RECTANGLE);
  guint history;

  flexo_canvas_add_connector (canvas, NULL, a, b);
  flexo_canvas_select (canvas, a, FALSE);
  history = flexo_document_get_history_length (doc);
  ck_assert (press_key (GTK_WIDGET (canvas), GDK_KEY_Right, 0));
  ck_assert (press_key (GTK_WIDGET (canvas), GDK_KEY_Right, 0));
  ck_assert (press_key (GTK_WIDGET (canvas), GDK_KEY_Down, GDK_SHIFT_MASK));
  ck_assert_bounds (a, 102, 110, 50, 50);
  ck_assert_uint_eq (flexo_document_get_history_length (doc), history + 1);

  /* Delete takes its connector along; undo brings both back. */
  ck_assert (press_key (GTK_WIDGET (canvas), GDK_KEY_Delete, 0));
  ck_assert_uint_eq (n_items (), 1);
  ck_assert_uint_eq (flexo_canvas_get_selection (canvas)->len, 0);
  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (n_items (), 3);
}
END_TEST

/* Deleting a selection goes topmost first (many items in linear time);
 * undo puts every item back at its place in the stacking order. */
START_TEST (test_delete_many_keeps_order_on_undo)
{
  g_autoptr(GPtrArray) before = NULL;
  GPtrArray *items;

  for (guint i = 0; i < 40; i++)
    add_box (10 + (i % 10) * 60, 10 + (i / 10) * 60, 40, 40, FLEXO_SHAPE_RECTANGLE);
  items = flexo_diagram_get_items (diagram);
  before = g_ptr_array_new ();
  g_ptr_array_extend (before, items, NULL, NULL);
  /* Every other one, from the bottom up, as a rubber band would. */
  flexo_canvas_clear_selection (canvas);
  for (guint i = 0; i < before->len; i += 2)
    flexo_canvas_select (canvas, g_ptr_array_index (before, i), TRUE);
  flexo_canvas_delete_selection (canvas);
  ck_assert_uint_eq (n_items (), 20);
  for (guint i = 0; i < items->len; i++)
    ck_assert_ptr_eq (g_ptr_array_index (items, i), g_ptr_array_index (before, 2 * i + 1));
  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (items->len, before->len);
  for (guint i = 0; i < items->len; i++)
    ck_assert_ptr_eq (g_ptr_array_index (items, i), g_ptr_array_index (before, i));
}
END_TEST

START_TEST (test_arrange_actions)
{
  FlexoShape *a = add_box (100, 100, 50, 50, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *b = add_box (220, 140, 80, 30, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *c = add_box (400, 120, 40, 40, FLEXO_SHAPE_RECTANGLE);

  g_action_group_activate_action (G_ACTION_GROUP (window), "select-all", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "align", g_variant_new_string ("top"));
  ck_assert_double_eq (flexo_shape_get_bounds (b)->y, 100);
  ck_assert_double_eq (flexo_shape_get_bounds (c)->y, 100);
  g_action_group_activate_action (G_ACTION_GROUP (window), "align", g_variant_new_string ("distribute-horizontally"));
  /* From 100 to 440: 170 of shapes, two gaps of 85. */
  ck_assert_double_eq (flexo_shape_get_bounds (b)->x, 235);
  ck_assert (flexo_document_undo (doc));
  ck_assert_double_eq (flexo_shape_get_bounds (b)->x, 220);

  flexo_canvas_select (canvas, a, FALSE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "bring-to-front", NULL);
  ck_assert_int_eq (flexo_diagram_get_item_position (diagram, a), 2);
  g_action_group_activate_action (G_ACTION_GROUP (window), "send-to-back", NULL);
  ck_assert_int_eq (flexo_diagram_get_item_position (diagram, a), 0);

  g_action_group_activate_action (G_ACTION_GROUP (window), "duplicate", NULL);
  ck_assert_uint_eq (n_items (), 4);
  ck_assert_uint_eq (flexo_canvas_get_selection (canvas)->len, 1);
  ck_assert_bounds (g_ptr_array_index (flexo_canvas_get_selection (canvas), 0), 120, 120, 50, 50);
}
END_TEST

/* A free form goes with its shape when it is duplicated. */
START_TEST (test_duplicate_keeps_free_form)
{
  FlexoShape *a = add_box (100, 100, 80, 60, FLEXO_SHAPE_FREEFORM);
  g_autoptr(FlexoPath) form = flexo_path_new_from_data ("M 0.5 0 L 1 1 L 0 1 Z", NULL);
  FlexoShape *copy;

  flexo_document_begin (doc, "Form");
  flexo_shape_set_form (a, form);
  flexo_document_commit (doc);
  flexo_canvas_select (canvas, a, FALSE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "duplicate", NULL);
  ck_assert_uint_eq (n_items (), 2);
  copy = g_ptr_array_index (flexo_canvas_get_selection (canvas), 0);
  ck_assert_ptr_ne (copy, a);
  ck_assert_str_eq (flexo_shape_get_form_data (copy), "M 0.5 0 L 1 1 L 0 1 Z");

  /* Used Shapes offers it, with its form, to draw more of it. */
  {
    FlexoPaletteView *palette = FLEXO_PALETTE_VIEW (flexo_gui_test_find_widget (GTK_WIDGET (window),
                                                                               FLEXO_TYPE_PALETTE_VIEW, NULL, NULL));
    FlexoPaletteItem *used;
    FlexoShape *more;

    WAIT_FOR (flexo_gui_test_find_model_item (palette, "Free Form") != NULL);
    used = flexo_gui_test_find_model_item (palette, "Free Form");
    ck_assert_ptr_nonnull (flexo_palette_item_get_form (used));
    more = flexo_canvas_add_shape (canvas, used, &FLEXO_RECT_INIT (400, 100, 50, 50));
    ck_assert_ptr_nonnull (more);
    ck_assert_str_eq (flexo_shape_get_form_data (more), "M 0.5 0 L 1 1 L 0 1 Z");
  }
}
END_TEST

/* A selected free form's nodes: dragged before the box's handles they
 * cover, added and removed by double clicks, each an undoable step. */
START_TEST (test_free_form_nodes)
{
  FlexoShape *shape = add_box (100, 100, 200, 100, FLEXO_SHAPE_FREEFORM);
  g_autoptr(FlexoPath) triangle = flexo_path_new_from_data ("M 0.5 0 L 1 1 L 0 1 Z", NULL);
  g_autoptr(FlexoPath) arch = flexo_path_new_from_data ("M 0 1 C 0 0 1 0 1 1 Z", NULL);
  g_autoptr(GArray) nodes = NULL;

  flexo_canvas_set_snap (canvas, FALSE);
  flexo_document_begin (doc, "Form");
  flexo_shape_set_form (shape, triangle);
  flexo_document_commit (doc);
  flexo_canvas_select (canvas, shape, FALSE);

  /* Picked inside its outline, not in the corners of its box. */
  {
    double vx, vy;

    flexo_canvas_diagram_to_view (canvas, (FlexoPoint) { 200, 180 }, &vx, &vy);
    ck_assert_ptr_eq (flexo_canvas_item_at (canvas, vx, vy), shape);
    flexo_canvas_diagram_to_view (canvas, (FlexoPoint) { 115, 115 }, &vx, &vy);
    ck_assert_ptr_null (flexo_canvas_item_at (canvas, vx, vy));
  }

  /* The bottom right corner, where the box's resize handle would be: the
   * node moves (a resize would keep the apex in the middle). */
  /* Taken 2 and 3 units off it, it moves by the drag, no jump. */
  drag (302, 203, 50, 0);
  ck_assert_bounds (shape, 100, 100, 250, 100);
  ck_assert_str_eq (flexo_shape_get_form_data (shape), "M 0.4 0 L 1 1 L 0 1 Z");
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Move Node");
  ck_assert (flexo_document_undo (doc));
  ck_assert_bounds (shape, 100, 100, 200, 100);
  ck_assert_str_eq (flexo_shape_get_form_data (shape), "M 0.5 0 L 1 1 L 0 1 Z");
  /* Its resize handles are a little outside, free of the nodes: the one
   * beside that corner stretches the form, from where it was taken. */
  drag (310, 210, 50, 0);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Resize");
  ck_assert_bounds (shape, 100, 100, 250, 100);
  ck_assert_str_eq (flexo_shape_get_form_data (shape), "M 0.5 0 L 1 1 L 0 1 Z");
  ck_assert (flexo_document_undo (doc));

  /* A double click on the bottom side adds a node there… */
  double_click (150, 200);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Add Node");
  nodes = flexo_form_get_nodes (shape);
  ck_assert_uint_eq (nodes->len, 4);
  ck_assert_double_eq_tol (flexo_form_part_point (nodes, 2, FLEXO_FORM_NODE).x, 150, 1e-6);
  g_clear_pointer (&nodes, g_array_unref);
  /* …and on it removes it; the last three stay. */
  double_click (150, 200);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Remove Node");
  nodes = flexo_form_get_nodes (shape);
  ck_assert_uint_eq (nodes->len, 3);
  /* The second press of the double click did nothing more: the shape is
   * still selected (not a rubber band from outside its new outline). */
  ck_assert_uint_eq (flexo_canvas_get_selection (canvas)->len, 1);
  ck_assert_ptr_eq (g_ptr_array_index (flexo_canvas_get_selection (canvas), 0), shape);
  g_clear_pointer (&nodes, g_array_unref);
  double_click (100, 200);
  nodes = flexo_form_get_nodes (shape);
  ck_assert_uint_eq (nodes->len, 3);
  g_clear_pointer (&nodes, g_array_unref);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Remove Node");
  /* Inside, away from the outline: the label is edited, as before. */
  double_click (200, 170);
  ck_assert (flexo_canvas_is_editing (canvas));
  flexo_canvas_stop_editing (canvas, FALSE);

  /* A curve's control point, on the top left handle, bends it alone. */
  flexo_document_begin (doc, "Form");
  flexo_shape_set_form (shape, arch);
  flexo_document_commit (doc);
  flexo_canvas_select (canvas, shape, FALSE);
  drag (100, 100, 0, -40);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Bend Curve");
  nodes = flexo_form_get_nodes (shape);
  ck_assert_uint_eq (nodes->len, 2);
  ck_assert_double_eq_tol (g_array_index (nodes, FlexoFormNode, 0).c1.x, 100, 1e-6);
  ck_assert_double_eq_tol (g_array_index (nodes, FlexoFormNode, 0).c1.y, 60, 1e-6);
  ck_assert_double_eq_tol (g_array_index (nodes, FlexoFormNode, 0).c2.y, 100, 1e-6);
  ck_assert_double_eq_tol (g_array_index (nodes, FlexoFormNode, 1).point.x, 300, 1e-6);
  g_clear_pointer (&nodes, g_array_unref);

  /* Two items selected: no nodes, the handle there resizes. */
  flexo_canvas_select (canvas, add_box (400, 100, 50, 50, FLEXO_SHAPE_RECTANGLE), TRUE);
  flexo_canvas_select (canvas, shape, TRUE);
  drag (300, 200, 50, 0);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Resize");
}
END_TEST

START_TEST (test_drop_into_container_and_out)
{
  FlexoShape *box = add_box (0, 0, 400, 300, FLEXO_SHAPE_CONTAINER);
  FlexoShape *shape = add_box (600, 100, 60, 40, FLEXO_SHAPE_RECTANGLE);

  flexo_canvas_set_snap (canvas, FALSE);
  flexo_canvas_select (canvas, shape, FALSE);
  drag (630, 120, -500, 0);
  ck_assert_ptr_eq (flexo_shape_get_parent (shape), box);
  ck_assert_int_gt (flexo_diagram_get_item_position (diagram, shape), flexo_diagram_get_item_position (diagram, box));
  /* Moving the container carries its child. */
  flexo_canvas_select (canvas, box, FALSE);
  drag (10, 10, 20, 0);
  ck_assert_double_eq (flexo_shape_get_bounds (shape)->x, 120);
  /* And out again. */
  flexo_canvas_select (canvas, shape, FALSE);
  drag (150, 120, 500, 0);
  ck_assert_ptr_null (flexo_shape_get_parent (shape));
  ck_assert (flexo_document_undo (doc));
  ck_assert_ptr_eq (flexo_shape_get_parent (shape), box);
}
END_TEST

START_TEST (test_copy_paste_and_between_windows)
{
  FlexoShape *a = add_box (100, 100, 100, 50, FLEXO_SHAPE_RECTANGLE);
  FlexoShape *b = add_box (300, 100, 100, 50, FLEXO_SHAPE_ELLIPSE);
  FlexoWindow *second;
  FlexoDocument *doc2;
  FlexoDiagram *diagram2;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  GdkContentFormats *formats;

  flexo_document_begin (doc, "Text");
  flexo_shape_set_text (a, "Alice");
  flexo_document_commit (doc);
  flexo_canvas_add_connector (canvas, NULL, a, b);
  g_action_group_activate_action (G_ACTION_GROUP (window), "select-all", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "copy", NULL);

  /* For other applications: SVG, PNG and the text. */
  formats = gdk_clipboard_get_formats (clipboard);
  ck_assert (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));
  ck_assert (gdk_content_formats_contain_mime_type (formats, "image/png"));
  ck_assert (gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"));

  /* Pasted beside, twice; each paste one undo step. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "paste", NULL);
  WAIT_FOR (n_items () == 6);
  ck_assert_bounds (g_ptr_array_index (flexo_diagram_get_items (diagram), 3), 120, 120, 100, 50);
  ck_assert_uint_eq (flexo_canvas_get_selection (canvas)->len, 3);
  g_action_group_activate_action (G_ACTION_GROUP (window), "paste", NULL);
  WAIT_FOR (n_items () == 9);
  ck_assert_bounds (g_ptr_array_index (flexo_diagram_get_items (diagram), 6), 140, 140, 100, 50);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Paste");
  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (n_items (), 6);

  /* Cut the first three: gone here, and pasted in another window's
   * document. */
  flexo_canvas_clear_selection (canvas);
  for (guint i = 0; i < 3; i++)
    flexo_canvas_select (canvas, g_ptr_array_index (flexo_diagram_get_items (diagram), i), TRUE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "cut", NULL);
  ck_assert_uint_eq (n_items (), 3);
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  second = FLEXO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ck_assert_ptr_ne (second, window);
  WAIT_FOR (flexo_window_get_canvas (second) != NULL && gtk_widget_get_width (flexo_window_get_canvas (second)) > 0);
  doc2 = flexo_window_get_document (second);
  diagram2 = g_ptr_array_index (flexo_document_get_diagrams (doc2), 0);
  g_action_group_activate_action (G_ACTION_GROUP (second), "paste", NULL);
  WAIT_FOR (flexo_diagram_get_items (diagram2)->len == 3);
  ck_assert_str_eq (flexo_shape_get_text (g_ptr_array_index (flexo_diagram_get_items (diagram2), 0)), "Alice");
  ck_assert_ptr_eq (flexo_connector_get_source (g_ptr_array_index (flexo_diagram_get_items (diagram2), 2)),
                    g_ptr_array_index (flexo_diagram_get_items (diagram2), 0));
}
END_TEST

START_TEST (test_duplicate_diagram_tab)
{
  AdwTabView *tabs = ADW_TAB_VIEW (flexo_gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_TAB_VIEW, NULL, NULL));

  add_box (100, 100, 100, 50, FLEXO_SHAPE_RECTANGLE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "duplicate-diagram", NULL);
  flexo_gui_test_flush ();
  ck_assert_int_eq (adw_tab_view_get_n_pages (tabs), 2);
  ck_assert_str_eq (adw_tab_page_get_title (adw_tab_view_get_nth_page (tabs, 1)), "Diagram 1 (Copy)");
  ck_assert_uint_eq (flexo_diagram_get_items (g_ptr_array_index (flexo_document_get_diagrams (doc), 1))->len, 1);
}
END_TEST

START_TEST (test_concepts_palette_makes_instances_and_links)
{
  g_autofree char *path = flexo_test_source_path ("resources/examples/library.flexo");
  g_autoptr(FlexoDocument) library = flexo_format_load (path, NULL);
  FlexoPaletteView *palette = FLEXO_PALETTE_VIEW (flexo_gui_test_find_widget (GTK_WIDGET (window), FLEXO_TYPE_PALETTE_VIEW,
                                                                             NULL, NULL));
  FlexoDiagram *d;
  FlexoShape *actor_shape, *use_case_shape, *resource_shape;
  FlexoInstance *actor;
  guint n_instances, n_links, n;
  GtkWidget *editor;

  ck_assert_ptr_nonnull (library);
  flexo_window_set_document (window, library, NULL);
  canvas = FLEXO_CANVAS (flexo_window_get_canvas (window));
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (canvas)) > 0);
  flexo_gui_test_flush ();
  doc = library;
  d = flexo_canvas_get_diagram (canvas);
  flexo_canvas_set_snap (canvas, FALSE);
  flexo_canvas_set_zoom (canvas, 1.0);
  flexo_canvas_scroll_to (canvas, (FlexoPoint) { 1000, 1000 }, 0, 0);
  /* The palette lists the document's concepts and relations. */
  ck_assert_uint_eq (n_model_items (palette), 5);
  n_instances = flexo_document_get_instances (doc)->len;
  n_links = flexo_document_get_links (doc)->len;
  n = flexo_diagram_get_items (d)->len;

  /* Actor: an instance and its shape in one step, then named in place. */
  g_signal_emit_by_name (flexo_palette_view_get_button (palette, model_item (palette, "Actor")), "clicked");
  ck_assert_ptr_nonnull (flexo_canvas_get_tool (canvas));
  drag (1100, 1100, 0, 0);
  ck_assert_uint_eq (flexo_document_get_instances (doc)->len, n_instances + 1);
  ck_assert_uint_eq (flexo_diagram_get_items (d)->len, n + 1);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Add Instance");
  actor_shape = g_ptr_array_index (flexo_diagram_get_items (d), n);
  actor = flexo_shape_get_instance (actor_shape);
  ck_assert_ptr_nonnull (actor);
  ck_assert_str_eq (flexo_concept_get_name (flexo_instance_get_concept (actor)), "Actor");
  editor = flexo_canvas_get_editor (canvas);
  ck_assert_ptr_nonnull (editor);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), "Reader", -1);
  ck_assert (press_key (editor, GDK_KEY_Return, GDK_CONTROL_MASK));
  ck_assert_str_eq (flexo_instance_get_value_by_name (actor, "name"), "Reader");
  {
    g_autofree char *label = flexo_shape_dup_label (actor_shape);

    ck_assert_str_eq (label, "Reader");
  }

  /* A use case and a resource. */
  g_signal_emit_by_name (flexo_palette_view_get_button (palette, model_item (palette, "Use case")), "clicked");
  drag (1400, 1100, 0, 0);
  flexo_canvas_stop_editing (canvas, FALSE);
  use_case_shape = g_ptr_array_index (flexo_diagram_get_items (d), n + 1);
  g_signal_emit_by_name (flexo_palette_view_get_button (palette, model_item (palette, "Resource")), "clicked");
  drag (1400, 1400, 0, 0);
  flexo_canvas_stop_editing (canvas, FALSE);
  resource_shape = g_ptr_array_index (flexo_diagram_get_items (d), n + 2);

  /* "performs" goes from an actor to a use case: allowed there … */
  g_signal_emit_by_name (flexo_palette_view_get_button (palette, model_item (palette, "performs")), "clicked");
  ck_assert_ptr_nonnull (flexo_canvas_get_tool (canvas));
  ck_assert_ptr_nonnull (flexo_palette_item_get_relation (flexo_canvas_get_tool (canvas)));
  {
    double vx, vy;
    const FlexoRect *b = flexo_shape_get_bounds (actor_shape);

    view_point (1100, 1100, &vx, &vy);
    ck_assert_msg (flexo_canvas_item_at (canvas, vx, vy) == actor_shape, "actor at %g,%g %gx%g", b->x, b->y, b->width, b->height);
  }
  drag (1100, 1100, 300, 0);
  ck_assert_uint_eq (flexo_document_get_links (doc)->len, n_links + 1);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Add Link");
  {
    FlexoConnector *c = g_ptr_array_index (flexo_diagram_get_items (d), n + 3);
    FlexoLink *link = flexo_connector_get_link (c);

    ck_assert_ptr_nonnull (link);
    ck_assert_ptr_eq (flexo_link_get_source (link), actor);
    ck_assert_ptr_eq (flexo_link_get_target (link), flexo_shape_get_instance (use_case_shape));
  }
  /* … refused to a resource (which is where the drag ends). */
  {
    double vx, vy;

    view_point (1400, 1400, &vx, &vy);
    ck_assert_ptr_eq (flexo_canvas_item_at (canvas, vx, vy), resource_shape);
  }
  g_signal_emit_by_name (flexo_palette_view_get_button (palette, model_item (palette, "performs")), "clicked");
  drag (1100, 1100, 300, 300);
  ck_assert_uint_eq (flexo_document_get_links (doc)->len, n_links + 1);

  /* Undo all: back to the document as it was. */
  while (flexo_document_can_undo (doc))
    flexo_document_undo (doc);
  ck_assert_uint_eq (flexo_document_get_instances (doc)->len, n_instances);
  ck_assert_uint_eq (flexo_document_get_links (doc)->len, n_links);
  ck_assert_uint_eq (flexo_diagram_get_items (d)->len, n);
}
END_TEST

#define item_named flexo_gui_test_find_model_item

/* Renames through the popover that @action opens in the palette. */
static void
rename_with (FlexoPaletteView *palette,
             const char       *action,
             FlexoObject      *object,
             const char       *name)
{
  GtkWidget *entry;

  flexo_gui_test_flush ();
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (palette), action, "u", flexo_object_get_id (object)));
  flexo_gui_test_flush ();
  /* The only entry of the palette (its search field is no GtkEntry). */
  entry = flexo_gui_test_find_widget (GTK_WIDGET (palette), GTK_TYPE_ENTRY, NULL, NULL);
  ck_assert (gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER) != NULL);
  ck_assert_ptr_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_signal_emit_by_name (entry, "activate");
  flexo_gui_test_flush ();
}

START_TEST (test_user_palettes)
{
  g_autofree char *path = flexo_test_source_path ("resources/examples/library.flexo");
  g_autoptr(FlexoDocument) library = flexo_format_load (path, NULL);
  FlexoPaletteView *palette = FLEXO_PALETTE_VIEW (flexo_gui_test_find_widget (GTK_WIDGET (window), FLEXO_TYPE_PALETTE_VIEW,
                                                                             NULL, NULL));
  FlexoPalette *user;
  GPtrArray *entries;
  FlexoPaletteEntry *sticky;
  FlexoShape *note;

  ck_assert_ptr_nonnull (library);
  flexo_window_set_document (window, library, NULL);
  doc = library;
  canvas = FLEXO_CANVAS (flexo_window_get_canvas (window));
  diagram = flexo_canvas_get_diagram (canvas);
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (canvas)) > 0);
  flexo_gui_test_flush ();
  user = g_ptr_array_index (flexo_document_get_palettes (doc), 0);
  entries = flexo_palette_get_entries (user);
  ck_assert_uint_eq (entries->len, 5);
  /* The document's palette lists its concepts and relations: no second
   * copy of them under "Concepts". */
  ck_assert_uint_eq (n_model_items (palette), 5);
  ck_assert_ptr_nonnull (flexo_gui_test_find_widget (GTK_WIDGET (palette), GTK_TYPE_LABEL, "label", "Library"));
  ck_assert_ptr_nonnull (flexo_gui_test_find_widget (GTK_WIDGET (palette), GTK_TYPE_LABEL, "label", "Elements"));

  /* A free shape added to the palette: its look and size, one step. */
  flexo_canvas_scroll_to (canvas, (FlexoPoint) { 2000, 2000 }, 0, 0);
  note = add_box (2100, 2100, 150, 80, FLEXO_SHAPE_NOTE);
  flexo_document_begin (doc, "Text");
  flexo_shape_set_text (note, "Sticky\nnote");
  flexo_document_commit (doc);
  flexo_canvas_select (canvas, note, FALSE);
  flexo_gui_test_flush ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "add-to-palette", NULL);
  flexo_gui_test_flush ();
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Add to Palette");
  ck_assert_uint_eq (entries->len, 6);
  sticky = g_ptr_array_index (entries, 5);
  ck_assert_str_eq (flexo_palette_entry_get_label (sticky), "Sticky");
  ck_assert_int_eq (flexo_palette_entry_get_style (sticky)->shape_kind, FLEXO_SHAPE_NOTE);
  WAIT_FOR (item_named (palette, "Sticky") != NULL);
  /* Added twice, a concept's shape gives one entry. */
  flexo_canvas_select (canvas, g_ptr_array_index (flexo_instance_get_views (g_ptr_array_index (flexo_document_get_instances (doc), 0)), 0), FALSE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "add-to-palette", NULL);
  flexo_gui_test_flush ();
  ck_assert_uint_eq (entries->len, 6);

  /* Drawn from the palette, it makes a note of that size. */
  g_signal_emit_by_name (flexo_palette_view_get_button (palette, item_named (palette, "Sticky")), "clicked");
  drag (2400, 2100, 0, 0);
  flexo_canvas_stop_editing (canvas, FALSE);
  {
    FlexoShape *made = g_ptr_array_index (flexo_diagram_get_items (diagram), n_items () - 1);
    FlexoStyle style;

    flexo_shape_resolve_style (made, &style);
    ck_assert_int_eq (style.shape_kind, FLEXO_SHAPE_NOTE);
    ck_assert_double_eq (flexo_shape_get_bounds (made)->width, 150);
  }

  /* Renamed, moved earlier, its section renamed, removed: each one step. */
  rename_with (palette, "palette.rename-entry", FLEXO_OBJECT (sticky), "Post-it");
  ck_assert_str_eq (flexo_palette_entry_get_label (sticky), "Post-it");
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Rename Palette Entry");
  WAIT_FOR (item_named (palette, "Post-it") != NULL);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (palette), "palette.move-entry-up", "u",
                                         flexo_object_get_id (FLEXO_OBJECT (sticky))));
  ck_assert_ptr_eq (g_ptr_array_index (entries, 4), sticky);
  flexo_gui_test_flush ();
  rename_with (palette, "palette.rename-section", g_ptr_array_index (entries, 0), "Things");
  for (guint i = 0; i < 3; i++)
    ck_assert_str_eq (flexo_palette_entry_get_section (g_ptr_array_index (entries, i)), "Things");
  ck_assert_str_eq (flexo_palette_entry_get_section (g_ptr_array_index (entries, 3)), "Relations");
  WAIT_FOR (flexo_gui_test_find_widget (GTK_WIDGET (palette), GTK_TYPE_LABEL, "label", "Things") != NULL);
  /* A new section: the entry goes to the end, under it. */
  rename_with (palette, "palette.move-to-section", FLEXO_OBJECT (g_ptr_array_index (entries, 0)), "People");
  ck_assert_str_eq (flexo_palette_entry_get_section (g_ptr_array_index (entries, entries->len - 1)), "People");
  ck_assert_str_eq (flexo_palette_entry_get_label (g_ptr_array_index (entries, entries->len - 1)), "Actor");
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Move to Section");
  WAIT_FOR (flexo_gui_test_find_widget (GTK_WIDGET (palette), GTK_TYPE_LABEL, "label", "People") != NULL);
  /* Back into an existing one: after its last entry. */
  rename_with (palette, "palette.move-to-section", FLEXO_OBJECT (g_ptr_array_index (entries, entries->len - 1)),
               "Things");
  ck_assert_str_eq (flexo_palette_entry_get_label (g_ptr_array_index (entries, 1)), "Resource");
  ck_assert_str_eq (flexo_palette_entry_get_label (g_ptr_array_index (entries, 2)), "Actor");
  ck_assert_str_eq (flexo_palette_entry_get_section (g_ptr_array_index (entries, 2)), "Things");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (palette), "palette.remove-entry", "u",
                                         flexo_object_get_id (FLEXO_OBJECT (sticky))));
  ck_assert_uint_eq (entries->len, 5);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Remove from Palette");

  /* Without the palette, "Concepts" lists them all. */
  rename_with (palette, "palette.rename-palette", FLEXO_OBJECT (user), "Mine");
  ck_assert_str_eq (flexo_palette_get_name (user), "Mine");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (palette), "palette.delete-palette", "u",
                                         flexo_object_get_id (FLEXO_OBJECT (user))));
  ck_assert_uint_eq (flexo_document_get_palettes (doc)->len, 0);
  flexo_gui_test_flush ();
  WAIT_FOR (flexo_gui_test_find_widget (GTK_WIDGET (palette), GTK_TYPE_LABEL, "label", "Mine") == NULL);
  ck_assert_uint_eq (n_model_items (palette), 5);
  ck_assert_ptr_nonnull (flexo_gui_test_find_widget (GTK_WIDGET (palette), GTK_TYPE_LABEL, "label", "Concepts"));

  /* Undo all: the palette as it was. */
  while (flexo_document_can_undo (doc))
    flexo_document_undo (doc);
  flexo_gui_test_flush ();
  ck_assert_uint_eq (flexo_document_get_palettes (doc)->len, 1);
  ck_assert_str_eq (flexo_palette_get_name (user), "Library");
  ck_assert_uint_eq (entries->len, 5);
  ck_assert_str_eq (flexo_palette_entry_get_section (g_ptr_array_index (entries, 0)), "Elements");
}
END_TEST

static gboolean
outline_lists (FlexoModelTree *outline,
               gpointer        object)
{
  g_autoptr(GPtrArray) objects = flexo_model_tree_dup_objects (outline);

  return g_ptr_array_find (objects, object, NULL);
}

START_TEST (test_outline_shows_and_second_view)
{
  g_autofree char *path = flexo_test_source_path ("resources/examples/library.flexo");
  g_autoptr(FlexoDocument) library = flexo_format_load (path, NULL);
  FlexoModelTree *outline = FLEXO_MODEL_TREE (flexo_gui_test_find_widget (GTK_WIDGET (window), FLEXO_TYPE_MODEL_TREE,
                                                                         NULL, NULL));
  g_autoptr(GPtrArray) objects = NULL;
  FlexoInstance *member;
  FlexoDiagram *resources;
  FlexoCanvas *second;
  FlexoShape *view;
  GtkEventController *target;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;
  guint n;

  flexo_window_set_document (window, library, NULL);
  doc = library;
  canvas = FLEXO_CANVAS (flexo_window_get_canvas (window));
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (canvas)) > 0);
  ck_assert_ptr_nonnull (outline);

  /* Concepts with their instances, relations with their links, diagrams. */
  objects = flexo_model_tree_dup_objects (outline);
  /* Two use cases show in both diagrams: two places under each; the
   * title, the container, the note and its connector are unclassified. */
  ck_assert_uint_eq (objects->len, 3 + 6 + 2 + 5 + 2 + 2 * 2 + 1 + 4);
  member = FLEXO_INSTANCE (g_ptr_array_index (objects, 1));
  ck_assert_str_eq (flexo_instance_get_value_by_name (member, "name"), "Member");

  /* Activating an instance selects its shape. */
  flexo_model_tree_activate (outline, FLEXO_OBJECT (member));
  ck_assert_uint_eq (flexo_canvas_get_selection (canvas)->len, 1);
  ck_assert_ptr_eq (flexo_shape_get_instance (g_ptr_array_index (flexo_canvas_get_selection (canvas), 0)), member);

  /* Dropped on the second diagram: a second view, not a copy. */
  flexo_model_tree_activate (outline, FLEXO_OBJECT (g_ptr_array_index (objects, objects->len - 1)));
  second = FLEXO_CANVAS (flexo_window_get_canvas (window));
  resources = flexo_canvas_get_diagram (second);
  ck_assert_ptr_ne (second, canvas);
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (second)) > 0);
  n = flexo_diagram_get_items (resources)->len;
  target = flexo_gui_test_find_controller (GTK_WIDGET (second), GTK_TYPE_DROP_TARGET);
  g_value_init (&value, FLEXO_TYPE_INSTANCE);
  g_value_set_object (&value, member);
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &dropped);
  g_value_unset (&value);
  ck_assert (dropped);
  ck_assert_uint_eq (flexo_diagram_get_items (resources)->len, n + 1);
  view = g_ptr_array_index (flexo_diagram_get_items (resources), n);
  ck_assert_ptr_eq (flexo_shape_get_instance (view), member);
  ck_assert_uint_eq (flexo_document_get_instances (doc)->len, 6);

  /* The outline lists both places under the instance; each shows it. */
  {
    FlexoShape *first_view = g_ptr_array_index (flexo_instance_get_views (member), 0);
    guint at;

    WAIT_FOR (outline_lists (outline, view));
    g_clear_pointer (&objects, g_ptr_array_unref);
    objects = flexo_model_tree_dup_objects (outline);
    ck_assert (g_ptr_array_find (objects, member, &at));
    ck_assert_ptr_eq (g_ptr_array_index (objects, at + 1), first_view);
    ck_assert_ptr_eq (g_ptr_array_index (objects, at + 2), view);
    flexo_model_tree_activate (outline, FLEXO_OBJECT (first_view));
    ck_assert_ptr_eq (flexo_window_get_canvas (window), GTK_WIDGET (canvas));
    ck_assert_ptr_eq (g_ptr_array_index (flexo_canvas_get_selection (canvas), 0), first_view);
    flexo_model_tree_activate (outline, FLEXO_OBJECT (view));
    ck_assert_ptr_eq (flexo_window_get_canvas (window), GTK_WIDGET (second));
    ck_assert_ptr_eq (g_ptr_array_index (flexo_canvas_get_selection (second), 0), view);
  }

  /* Renamed once, both diagrams show it. */
  flexo_document_begin (doc, "Rename");
  flexo_instance_set_value (member, flexo_concept_find_property (flexo_instance_get_concept (member), "name"), "Reader");
  flexo_document_commit (doc);
  {
    g_autofree char *label = flexo_shape_dup_label (view);
    GPtrArray *views = flexo_instance_get_views (member);

    ck_assert_str_eq (label, "Reader");
    ck_assert_uint_eq (views->len, 2);
  }
  ck_assert (flexo_document_undo (doc));
  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (flexo_diagram_get_items (resources)->len, n);
}
END_TEST

START_TEST (test_deleting_an_instance_shape_asks)
{
  g_autofree char *path = flexo_test_source_path ("resources/examples/library.flexo");
  g_autoptr(FlexoDocument) library = flexo_format_load (path, NULL);
  FlexoDiagram *d;
  FlexoShape *member_shape = NULL;
  FlexoInstance *member;
  GtkWindow *dialog;
  guint n_instances, n_items;

  flexo_window_set_document (window, library, NULL);
  doc = library;
  canvas = FLEXO_CANVAS (flexo_window_get_canvas (window));
  d = flexo_canvas_get_diagram (canvas);
  member = g_ptr_array_index (flexo_document_get_instances (doc), 0);
  for (guint i = 0; i < flexo_diagram_get_items (d)->len; i++)
    if (FLEXO_IS_SHAPE (g_ptr_array_index (flexo_diagram_get_items (d), i)) &&
        flexo_shape_get_instance (g_ptr_array_index (flexo_diagram_get_items (d), i)) == member)
      member_shape = g_ptr_array_index (flexo_diagram_get_items (d), i);
  ck_assert_ptr_nonnull (member_shape);
  n_instances = flexo_document_get_instances (doc)->len;
  n_items = flexo_diagram_get_items (d)->len;

  /* Only this view: the instance stays. */
  flexo_canvas_select (canvas, member_shape, FALSE);
  ck_assert (press_key (GTK_WIDGET (canvas), GDK_KEY_Delete, 0));
  dialog = flexo_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  ck_assert_uint_eq (flexo_diagram_get_items (d)->len, n_items);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "view");
  gtk_window_destroy (dialog);
  ck_assert (!flexo_object_is_live (FLEXO_OBJECT (member_shape)));
  ck_assert (flexo_object_is_live (FLEXO_OBJECT (member)));
  ck_assert_uint_eq (flexo_document_get_instances (doc)->len, n_instances);
  ck_assert (flexo_document_undo (doc));

  /* Everywhere: the instance, its links and all its shapes, in one step. */
  flexo_canvas_select (canvas, member_shape, FALSE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "delete", NULL);
  dialog = flexo_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "everywhere");
  gtk_window_destroy (dialog);
  ck_assert (!flexo_object_is_live (FLEXO_OBJECT (member)));
  ck_assert_uint_eq (flexo_document_get_instances (doc)->len, n_instances - 1);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Delete Everywhere");
  ck_assert (flexo_document_undo (doc));
  ck_assert (flexo_object_is_live (FLEXO_OBJECT (member)));
  ck_assert_uint_eq (flexo_diagram_get_items (d)->len, n_items);
}
END_TEST

START_TEST (test_zoom_keeps_point_under_pointer)
{
  FlexoPoint before, after;
  GtkMenuButton *zoom_button;

  before = flexo_canvas_view_to_diagram (canvas, 120, 80);
  flexo_canvas_zoom_at (canvas, 2.0, 120, 80);
  after = flexo_canvas_view_to_diagram (canvas, 120, 80);
  ck_assert_double_eq (flexo_canvas_get_zoom (canvas), 2.0);
  ck_assert_double_eq_tol (before.x, after.x, 1e-9);
  ck_assert_double_eq_tol (before.y, after.y, 1e-9);

  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-reset", NULL);
  ck_assert_double_eq (flexo_canvas_get_zoom (canvas), 1.0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-in", NULL);
  ck_assert_double_eq (flexo_canvas_get_zoom (canvas), 1.25);
  zoom_button = GTK_MENU_BUTTON (flexo_gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON,
                                                             "tooltip-text", "Zoom"));
  ck_assert_ptr_nonnull (zoom_button);
  ck_assert_str_eq (gtk_menu_button_get_label (zoom_button), "125 %");

  add_box (0, 0, 2000, 1000, FLEXO_SHAPE_RECTANGLE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-fit", NULL);
  ck_assert_double_lt (flexo_canvas_get_zoom (canvas), 1.0);
}
END_TEST

START_TEST (test_diagram_tabs)
{
  AdwTabView *tabs = ADW_TAB_VIEW (flexo_gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_TAB_VIEW, NULL, NULL));
  FlexoDiagram *second;

  ck_assert_int_eq (adw_tab_view_get_n_pages (tabs), 1);
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-diagram", NULL);
  flexo_gui_test_flush ();
  ck_assert_int_eq (adw_tab_view_get_n_pages (tabs), 2);
  second = g_ptr_array_index (flexo_document_get_diagrams (doc), 1);
  ck_assert_str_eq (flexo_diagram_get_name (second), "Diagram 2");
  /* The new tab is the current one. */
  ck_assert_ptr_eq (flexo_canvas_get_diagram (FLEXO_CANVAS (flexo_window_get_canvas (window))), second);

  flexo_document_begin (doc, "Rename");
  flexo_diagram_set_name (second, "Classes");
  flexo_document_commit (doc);
  ck_assert_str_eq (adw_tab_page_get_title (adw_tab_view_get_nth_page (tabs, 1)), "Classes");

  /* Closing a tab deletes its diagram, undoably. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "delete-diagram", NULL);
  flexo_gui_test_flush ();
  ck_assert_uint_eq (flexo_document_get_diagrams (doc)->len, 1);
  ck_assert_int_eq (adw_tab_view_get_n_pages (tabs), 1);
  ck_assert (flexo_document_undo (doc));
  flexo_gui_test_flush ();
  ck_assert_int_eq (adw_tab_view_get_n_pages (tabs), 2);
  /* The last diagram is not deleted. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "delete-diagram", NULL);
  flexo_gui_test_flush ();
  ck_assert_uint_eq (flexo_document_get_diagrams (doc)->len, 1);
  ck_assert (!g_action_group_get_action_enabled (G_ACTION_GROUP (window), "delete-diagram"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "delete-diagram", NULL);
  flexo_gui_test_flush ();
  ck_assert_uint_eq (flexo_document_get_diagrams (doc)->len, 1);
  ck_assert_int_eq (adw_tab_view_get_n_pages (tabs), 1);
}
END_TEST

START_TEST (test_title_and_save)
{
  g_autofree char *dir = g_dir_make_tmp ("flexo-canvas-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "figure.flexo", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FlexoDocument) reread = NULL;
  g_autoptr(GError) error = NULL;
  FlexoShape *shape;

  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "Untitled Document — Flexo");
  shape = add_box (100, 100, 120, 60, FLEXO_SHAPE_RECTANGLE);
  flexo_document_begin (doc, "Text");
  flexo_shape_set_text (shape, "Saved");
  flexo_document_commit (doc);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "• Untitled Document — Flexo");

  /* Save to a file given to the window. */
  flexo_window_set_document (window, doc, file);
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  ck_assert (!flexo_document_get_modified (doc));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "figure.flexo — Flexo");
  reread = flexo_format_load (path, &error);
  ck_assert_msg (reread != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (flexo_diagram_get_items (g_ptr_array_index (flexo_document_get_diagrams (reread), 0))->len, 1);
  ck_assert_str_eq (flexo_shape_get_text (g_ptr_array_index (flexo_diagram_get_items (
                      g_ptr_array_index (flexo_document_get_diagrams (reread), 0)), 0)), "Saved");

  g_unlink (path);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_close_with_unsaved_changes_asks)
{
  GtkWindow *dialog;

  add_box (100, 100, 120, 60, FLEXO_SHAPE_RECTANGLE);
  gtk_window_close (GTK_WINDOW (window));
  flexo_gui_test_flush ();
  dialog = flexo_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Save Changes?");
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Cancel keeps the window; Discard closes it. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_close (dialog);
  flexo_gui_test_flush ();
  ck_assert_uint_eq (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), 1);

  gtk_window_close (GTK_WINDOW (window));
  flexo_gui_test_flush ();
  dialog = flexo_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  WAIT_FOR (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL);
  window = NULL;
}
END_TEST

static Suite *
canvas_suite (void)
{
  Suite *s = suite_create ("canvas");
  TCase *tc = tcase_create ("canvas");

  tcase_set_timeout (tc, 60);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_click_places_palette_shape);
  tcase_add_test (tc, test_drag_draws_palette_shape);
  tcase_add_test (tc, test_window_palette_picks_canvas_tool);
  tcase_add_test (tc, test_drop_palette_item);
  tcase_add_test (tc, test_move_is_one_undo_step);
  tcase_add_test (tc, test_move_snaps_to_other_shapes);
  tcase_add_test (tc, test_resize_with_handle);
  tcase_add_test (tc, test_connect_two_shapes);
  tcase_add_test (tc, test_connect_from_edge_handle);
  tcase_add_test (tc, test_reconnect_end);
  tcase_add_test (tc, test_waypoints);
  tcase_add_test (tc, test_bezier_handles);
  tcase_add_test (tc, test_connect_bezier);
  tcase_add_test (tc, test_bezier_insert_keeps_the_curve);
  tcase_add_test (tc, test_bezier_without_points_and_move);
  tcase_add_test (tc, test_edit_label_in_place);
  tcase_add_test (tc, test_rubber_band_selects_inside);
  tcase_add_test (tc, test_keys_move_and_delete);
  tcase_add_test (tc, test_delete_many_keeps_order_on_undo);
  tcase_add_test (tc, test_arrange_actions);
  tcase_add_test (tc, test_duplicate_keeps_free_form);
  tcase_add_test (tc, test_free_form_nodes);
  tcase_add_test (tc, test_drop_into_container_and_out);
  tcase_add_test (tc, test_zoom_keeps_point_under_pointer);
  tcase_add_test (tc, test_copy_paste_and_between_windows);
  tcase_add_test (tc, test_duplicate_diagram_tab);
  tcase_add_test (tc, test_concepts_palette_makes_instances_and_links);
  tcase_add_test (tc, test_outline_shows_and_second_view);
  tcase_add_test (tc, test_user_palettes);
  tcase_add_test (tc, test_deleting_an_instance_shape_asks);
  tcase_add_test (tc, test_diagram_tabs);
  tcase_add_test (tc, test_title_and_save);
  tcase_add_test (tc, test_close_with_unsaved_changes_asks);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return flexo_gui_test_run (canvas_suite ());
}
