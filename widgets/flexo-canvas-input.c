/* flexo-canvas-input.c — pointer and keyboard gestures of the canvas
 *
 * One GtkGestureDrag does the work of the primary and middle buttons: on
 * press it decides what the gesture is (resize, connect, move, rubber
 * band, pan, draw a shape…), updates move it along, release ends it.
 * Double clicks edit text; the wheel scrolls, and zooms with Ctrl; a
 * pinch zooms; keys move, delete and edit the selection.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "flexo-bezier.h"
#include "flexo-canvas-private.h"
#include "flexo-route.h"

/* Steps of the arrow keys, in diagram units. */
#define NUDGE_STEP 1.0
#define NUDGE_LARGE_STEP 10.0
/* A wheel notch, in pixels, and the zoom it makes with Ctrl. */
#define WHEEL_STEP 48.0
#define WHEEL_ZOOM 1.15
/* A shape placed by a click is its item's size; one drawn smaller than
 * this many pixels is taken for a click. */
#define MIN_DRAWN_PIXELS 8.0

/* The waypoint of @c whose handle is under (@x, @y): on a Bézier chain,
 * a joint before the control points that may lie on it (which a drag of
 * the joint carries along). */
static gboolean
waypoint_handle_at (FlexoCanvas    *self,
                    FlexoConnector *c,
                    GArray         *waypoints,
                    double          x,
                    double          y,
                    guint          *waypoint)
{
  g_autoptr(GArray) chain = NULL;
  guint n = waypoints != NULL ? waypoints->len : 0;

  if (n == 0)
    return FALSE;
  chain = flexo_canvas_bezier_chain (c, FALSE, NULL, NULL);
  for (guint pass = chain != NULL ? 0 : 1; pass < 2; pass++)
    for (guint k = 0; k < n; k++)
      {
        if (chain != NULL && (pass == 0) != flexo_bezier_chain_is_joint (k, n))
          continue;
        if (flexo_canvas_near_handle (self, g_array_index (waypoints, FlexoPoint, k), x, y))
          {
            *waypoint = k;
            return TRUE;
          }
      }
  return FALSE;
}

static gboolean
connector_handle_at (FlexoCanvas     *self,
                     double           x,
                     double           y,
                     FlexoConnector **out,
                     DragMode        *mode,
                     guint           *waypoint)
{
  for (guint i = self->selection->len; i-- > 0;)
    {
      FlexoConnector *c = g_ptr_array_index (self->selection, i);
      GArray *waypoints;
      FlexoPoint start, end;

      if (!FLEXO_IS_CONNECTOR (c))
        continue;

      waypoints = flexo_connector_get_waypoints (c);
      if (waypoint_handle_at (self, c, waypoints, x, y, waypoint))
        {
          *out = c;
          *mode = DRAG_WAYPOINT;
          return TRUE;
        }

      if (!flexo_canvas_connector_ends (c, &start, &end))
        continue;
      if (flexo_canvas_near_handle (self, start, x, y) || flexo_canvas_near_handle (self, end, x, y))
        {
          *out = c;
          *mode = flexo_canvas_near_handle (self, start, x, y) ? DRAG_RECONNECT_SOURCE : DRAG_RECONNECT_TARGET;
          return TRUE;
        }
    }
  return FALSE;
}

/* Where a new waypoint goes among a connector's others so that the
 * route passes through @p in order: after the waypoint nearest along
 * the polyline of ends and waypoints. */
static guint
waypoint_insert_index (FlexoConnector *c,
                       FlexoPoint      p)
{
  GArray *w = flexo_connector_get_waypoints (c);
  FlexoShape *s = flexo_connector_get_source (c), *t = flexo_connector_get_target (c);
  FlexoRect sb = s != NULL ? *flexo_shape_get_bounds (s) : FLEXO_RECT_INIT (0, 0, 0, 0);
  FlexoRect tb = t != NULL ? *flexo_shape_get_bounds (t) : FLEXO_RECT_INIT (0, 0, 0, 0);
  guint n = w != NULL ? w->len : 0;
  guint best = n;
  double best_d = G_MAXDOUBLE;

  for (guint i = 0; i <= n; i++)
    {
      FlexoPoint a = i == 0 ? (s != NULL ? flexo_rect_center (&sb) : flexo_connector_get_source_point (c))
                            : g_array_index (w, FlexoPoint, i - 1);
      FlexoPoint b = i == n ? (t != NULL ? flexo_rect_center (&tb) : flexo_connector_get_target_point (c))
                            : g_array_index (w, FlexoPoint, i);
      double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
      double u = len2 > 0 ? CLAMP (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0, 1) : 0;
      double d = hypot (a.x + u * dx - p.x, a.y + u * dy - p.y);

      if (d < best_d)
        {
          best_d = d;
          best = i;
        }
    }
  return best;
}

/* Whether @waypoints, of @c, are a Bézier chain. */
static gboolean
is_bezier_chain (FlexoConnector *c,
                 GArray         *waypoints)
{
  FlexoStyle style;

  flexo_connector_resolve_style (c, &style);
  return style.routing == FLEXO_ROUTING_BEZIER && flexo_bezier_chain_is_valid (waypoints->len);
}

static void
set_waypoint (FlexoCanvas *self,
              FlexoPoint   p)
{
  FlexoConnector *c = self->drag_item;
  g_autoptr(GArray) w = NULL;

  if (!FLEXO_IS_CONNECTOR (c) || !flexo_object_is_live (FLEXO_OBJECT (c)))
    return;
  w = flexo_connector_get_waypoints (c) != NULL ? g_array_copy (flexo_connector_get_waypoints (c))
                                                 : g_array_new (FALSE, FALSE, sizeof (FlexoPoint));
  if (self->waypoint_index >= w->len)
    return;
  /* A joint of a Bézier chain carries its control points. */
  if (is_bezier_chain (c, w))
    flexo_bezier_chain_move (w, self->waypoint_index, p);
  else
    g_array_index (w, FlexoPoint, self->waypoint_index) = p;
  flexo_document_begin_merge (self->document, _("Move Waypoint"), "canvas-waypoint");
  flexo_connector_set_waypoints (c, (FlexoPoint *) (gpointer) w->data, w->len);
  flexo_document_commit (self->document);
}

/* Inserts a waypoint into @c where its line was grabbed (at @grabbed),
 * dragged to @p. On a Bézier chain, a joint: the segment under the
 * pointer is split where it passes nearest (its curve unchanged), then
 * the joint goes to @p with its control points; a Bézier connector
 * without a chain yet first gets the chain of the curve it draws. */
static void
insert_waypoint (FlexoCanvas    *self,
                 FlexoConnector *c,
                 FlexoPoint      grabbed,
                 FlexoPoint      p)
{
  FlexoPoint start, end;
  g_autoptr(GArray) chain = flexo_canvas_bezier_chain (c, TRUE, &start, &end);
  g_autoptr(GArray) w = flexo_connector_get_waypoints (c) != NULL ? g_array_copy (flexo_connector_get_waypoints (c))
                                                                   : g_array_new (FALSE, FALSE, sizeof (FlexoPoint));
  guint index;

  if (chain != NULL && flexo_bezier_chain_split (chain, start, end, grabbed, &index))
    {
      flexo_bezier_chain_move (chain, index, p);
      g_array_unref (w);
      w = g_steal_pointer (&chain);
    }
  else
    {
      index = waypoint_insert_index (c, p);
      g_array_insert_val (w, index, p);
    }
  flexo_document_begin_merge (self->document, _("Move Waypoint"), "canvas-waypoint");
  flexo_connector_set_waypoints (c, (FlexoPoint *) (gpointer) w->data, w->len);
  flexo_document_commit (self->document);
  self->waypoint_index = index;
}

static void
remove_waypoint (FlexoCanvas    *self,
                 FlexoConnector *c,
                 guint           index)
{
  g_autoptr(GArray) w = g_array_copy (flexo_connector_get_waypoints (c));
  FlexoPoint start, end;
  g_autoptr(GArray) chain = flexo_canvas_bezier_chain (c, FALSE, &start, &end);

  /* A joint of a Bézier chain goes with its control points, its two
   * segments merged; its control points stay (the chain needs them). */
  if (chain != NULL)
    {
      if (!flexo_bezier_chain_remove_joint (chain, start, end, index))
        return;
      g_array_unref (w);
      w = g_steal_pointer (&chain);
    }
  else
    g_array_remove_index (w, index);
  flexo_document_begin (self->document, _("Remove Waypoint"));
  flexo_connector_set_waypoints (c, (FlexoPoint *) (gpointer) w->data, w->len);
  flexo_document_commit (self->document);
}

/* ---------------------------------------------------------------- drag -- */

static void
drag_begin (GtkGestureDrag *gesture,
            double          x,
            double          y,
            FlexoCanvas    *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  FlexoShape *shape = NULL;
  FlexoConnector *connector = NULL;
  DragMode mode;
  guint waypoint = 0;
  gpointer item;

  /* No event: a gesture driven by its signals, as the primary button. */
  if (button == 0)
    button = GDK_BUTTON_PRIMARY;

  /* GTK gives a double click's second press to the click gesture first:
   * when it acted (a node removed, a label edited…), the press is done. */
  if (self->swallow_press)
    {
      self->swallow_press = FALSE;
      if (gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture)) == self->swallow_press_time)
        {
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
          return;
        }
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (flexo_canvas_is_editing (self))
    flexo_canvas_stop_editing (self, TRUE);

  self->press_x = self->drag_x = x;
  self->press_y = self->drag_y = y;
  self->press_point = flexo_canvas_view_to_diagram (self, x, y);
  self->dragged = FALSE;
  self->drag_item = NULL;
  self->handle = HANDLE_NONE;
  self->drag_mode = DRAG_NONE;

  if (button == GDK_BUTTON_MIDDLE || (button == GDK_BUTTON_PRIMARY && self->space_down))
    {
      self->drag_mode = DRAG_PAN;
      self->pan_view_x = self->view_x;
      self->pan_view_y = self->view_y;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      return;
    }
  if (button != GDK_BUTTON_PRIMARY || self->diagram == NULL || self->document == NULL ||
      flexo_document_in_transaction (self->document))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  if (self->tool != NULL)
    {
      if (flexo_palette_item_get_kind (self->tool) == FLEXO_PALETTE_ITEM_SHAPE)
        self->drag_mode = DRAG_CREATE_SHAPE;
      else if ((shape = flexo_canvas_shape_at (self, self->press_point, NULL)) != NULL)
        {
          FlexoRelation *relation = flexo_palette_item_get_relation (self->tool);

          /* A relation starts only from an instance it allows. */
          if (relation != NULL && !flexo_canvas_relation_allows (relation, shape, NULL))
            {
              self->refused_target = shape;
              gtk_widget_queue_draw (GTK_WIDGET (self));
              return;
            }
          self->drag_mode = DRAG_CONNECT;
          self->connect_source = shape;
        }
      return;
    }

  /* A free form's nodes before its box's handles, which they may cover. */
  if (flexo_canvas_form_begin_drag (self, x, y))
    return;
  if (flexo_canvas_handle_at (self, x, y, &shape) != HANDLE_NONE)
    {
      FlexoRect box = flexo_rect_normalize (*flexo_shape_get_bounds (shape));
      FlexoPoint corner;

      self->handle = flexo_canvas_handle_at (self, x, y, &shape);
      self->drag_mode = DRAG_RESIZE;
      self->drag_item = shape;
      self->drag_start_bounds = *flexo_shape_get_bounds (shape);
      /* The edge follows the pointer where it took the handle: no jump. */
      flexo_canvas_handle_position (&box, self->handle, &corner);
      self->resize_grab = FLEXO_POINT_INIT (corner.x - self->press_point.x, corner.y - self->press_point.y);
      return;
    }
  if (connector_handle_at (self, x, y, &connector, &mode, &waypoint))
    {
      self->drag_mode = mode;
      self->drag_item = connector;
      self->waypoint_index = waypoint;
      return;
    }
  if (flexo_canvas_connect_handle_at (self, x, y, &shape))
    {
      self->drag_mode = DRAG_CONNECT;
      self->connect_source = shape;
      return;
    }

  item = flexo_canvas_item_at (self, x, y);
  if (item != NULL)
    {
      if (shift)
        {
          if (flexo_canvas_is_selected (self, item))
            {
              flexo_canvas_unselect (self, item);
              return;
            }
          flexo_canvas_select (self, item, TRUE);
        }
      else if (!flexo_canvas_is_selected (self, item))
        flexo_canvas_select (self, item, FALSE);

      /* Dragging a selected connector's line bends it there. */
      if (FLEXO_IS_CONNECTOR (item) && self->selection->len == 1 &&
          flexo_connector_get_source (item) != NULL && flexo_connector_get_target (item) != NULL)
        {
          self->drag_mode = DRAG_WAYPOINT;
          self->drag_item = item;
          self->waypoint_index = G_MAXUINT;
          return;
        }
      self->drag_mode = DRAG_MOVE;
      self->drag_item = item;
      flexo_canvas_begin_move (self);
      return;
    }

  self->drag_mode = DRAG_RUBBER_BAND;
  g_clear_pointer (&self->rubber_base, g_ptr_array_unref);
  if (shift)
    self->rubber_base = g_ptr_array_copy (self->selection, NULL, NULL);
  else
    flexo_canvas_clear_selection (self);
}

/* Like flexo_rect_contains_rect(), but a level or upright line (a rect
 * of no height or width) can be within. */
static gboolean
rect_within (const FlexoRect *inner,
             const FlexoRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

typedef struct
{
  FlexoCanvas *self;
  FlexoRect    band;
  GPtrArray   *found;
} Band;

static gboolean
band_cb (gpointer         item,
         const FlexoRect *bounds,
         gpointer         user_data)
{
  Band *b = user_data;
  FlexoRect r = flexo_rect_normalize (*flexo_shape_get_bounds (item));

  if (flexo_rect_contains_rect (&b->band, &r))
    g_ptr_array_add (b->found, item);
  return FALSE;
}

static void
update_rubber_band (FlexoCanvas *self)
{
  FlexoPoint a = self->press_point;
  FlexoPoint c = flexo_canvas_view_to_diagram (self, self->drag_x, self->drag_y);
  Band b = { self, flexo_rect_from_points (a, c), g_ptr_array_new () };
  g_autoptr(GHashTable) inside = g_hash_table_new (NULL, NULL);
  guint n_shapes;

  flexo_spatial_index_query_rect (flexo_diagram_get_index (self->diagram), &b.band, band_cb, &b);
  n_shapes = b.found->len;
  for (guint i = 0; i < n_shapes; i++)
    g_hash_table_add (inside, g_ptr_array_index (b.found, i));
  /* Connectors between shapes inside, whose route is inside too. */
  for (guint i = 0; i < n_shapes; i++)
    {
      GPtrArray *connectors = flexo_shape_get_connectors (g_ptr_array_index (b.found, i));

      for (guint j = 0; connectors != NULL && j < connectors->len; j++)
        {
          FlexoConnector *cn = g_ptr_array_index (connectors, j);
          FlexoRect r;

          if (g_hash_table_contains (inside, cn) ||
              !g_hash_table_contains (inside, flexo_connector_get_source (cn)) ||
              !g_hash_table_contains (inside, flexo_connector_get_target (cn)) ||
              !flexo_connector_get_route_bounds (cn, &r) || !rect_within (&r, &b.band))
            continue;
          g_hash_table_add (inside, cn);
          g_ptr_array_add (b.found, cn);
        }
    }

  /* What is in the band, and what was selected before a Shift band. */
  g_ptr_array_set_size (self->selection, 0);
  g_hash_table_remove_all (self->selected);
  if (self->rubber_base != NULL)
    g_ptr_array_extend (b.found, self->rubber_base, NULL, NULL);
  for (guint i = 0; i < b.found->len; i++)
    {
      gpointer item = g_ptr_array_index (b.found, i);

      if (flexo_object_is_live (item) && !g_hash_table_contains (self->selected, item))
        {
          g_hash_table_add (self->selected, g_object_ref (item));
          g_ptr_array_add (self->selection, item);
        }
    }
  g_ptr_array_unref (b.found);
  flexo_canvas_emit_selection_changed (self);
}

static void
drag_update (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             FlexoCanvas    *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  FlexoPoint p;

  self->drag_x = self->press_x + dx;
  self->drag_y = self->press_y + dy;
  self->pointer_x = self->drag_x;
  self->pointer_y = self->drag_y;
  if (!self->dragged && hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  self->dragged = TRUE;
  p = flexo_canvas_view_to_diagram (self, self->drag_x, self->drag_y);

  switch (self->drag_mode)
    {
    case DRAG_MOVE:
      flexo_canvas_drag_move (self, dx / self->zoom, dy / self->zoom, !(state & GDK_ALT_MASK));
      break;

    case DRAG_RESIZE:
      p = FLEXO_POINT_INIT (p.x + self->resize_grab.x, p.y + self->resize_grab.y);
      flexo_canvas_drag_resize (self, p, (state & GDK_SHIFT_MASK) != 0);
      break;

    case DRAG_RUBBER_BAND:
      update_rubber_band (self);
      break;

    case DRAG_PAN:
      flexo_canvas_scroll_to (self, FLEXO_POINT_INIT (self->pan_view_x, self->pan_view_y),
                              dx, dy);
      break;

    case DRAG_CONNECT:
    case DRAG_RECONNECT_SOURCE:
    case DRAG_RECONNECT_TARGET:
      {
        FlexoShape *target = flexo_canvas_shape_at (self, p, NULL);


        if (self->drag_mode == DRAG_CONNECT && target == self->connect_source)
          target = NULL;
        self->refused_target = NULL;
        /* A relation's connector shows where it may not go. */
        if (target != NULL && self->drag_mode == DRAG_CONNECT && self->tool != NULL &&
            flexo_palette_item_get_relation (self->tool) != NULL &&
            !flexo_canvas_relation_allows (flexo_palette_item_get_relation (self->tool), self->connect_source, target))
          {
            self->refused_target = target;
            target = NULL;
          }
        self->hover_target = target;
      }
      break;

    case DRAG_FORM:
      p = FLEXO_POINT_INIT (p.x + self->form_grab.x, p.y + self->form_grab.y);
      /* Nodes snap to the grid; control points bend freely. */
      if (!(state & GDK_ALT_MASK) && self->form_part == FLEXO_FORM_NODE)
        p = flexo_canvas_snap_point (self, p);
      flexo_canvas_form_drag (self, p);
      break;

    case DRAG_WAYPOINT:
      if (!(state & GDK_ALT_MASK))
        p = flexo_canvas_snap_point (self, p);
      if (self->waypoint_index == G_MAXUINT)
        insert_waypoint (self, self->drag_item, self->press_point, p);
      else
        set_waypoint (self, p);
      break;

    case DRAG_CREATE_SHAPE:
    case DRAG_NONE:
    default:
      break;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
finish_tool (FlexoCanvas *self)
{
  /* One placement per pick of the palette, as in most editors. */
  flexo_canvas_set_tool (self, NULL);
}

static void
drag_end (GtkGestureDrag *gesture,
          double          dx,
          double          dy,
          FlexoCanvas    *self)
{
  DragMode mode = self->drag_mode;

  self->drag_mode = DRAG_NONE;
  switch (mode)
    {
    case DRAG_MOVE:
      if (self->dragged)
        flexo_canvas_finish_move (self);
      else
        {
          GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

          /* A click on one of several selected items picks it alone. */
          if (!(state & GDK_SHIFT_MASK) && self->drag_item != NULL && self->selection->len > 1)
            flexo_canvas_select (self, self->drag_item, FALSE);
          if (self->moving != NULL)
            g_array_set_size (self->moving, 0);
        }
      break;

    case DRAG_RESIZE:
    case DRAG_WAYPOINT:
    case DRAG_FORM:
      flexo_canvas_form_end_drag (self);
      g_array_set_size (self->guides, 0);
      if (self->document != NULL)
        flexo_document_end_merge (self->document);
      break;

    case DRAG_RUBBER_BAND:
      g_clear_pointer (&self->rubber_base, g_ptr_array_unref);
      break;

    case DRAG_PAN:
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->tool != NULL ? "crosshair" : NULL);
      break;

    case DRAG_CREATE_SHAPE:
      if (self->tool != NULL)
        {
          g_autoptr(FlexoPaletteItem) tool = flexo_palette_item_ref (self->tool);
          FlexoPoint a = flexo_canvas_snap_point (self, self->press_point);
          FlexoPoint b = flexo_canvas_snap_point (self, flexo_canvas_view_to_diagram (self, self->drag_x, self->drag_y));
          FlexoRect r;
          FlexoShape *shape;

          if (self->dragged && fabs (self->drag_x - self->press_x) >= MIN_DRAWN_PIXELS &&
              fabs (self->drag_y - self->press_y) >= MIN_DRAWN_PIXELS && a.x != b.x && a.y != b.y)
            r = flexo_rect_from_points (a, b);
          else
            {
              double w, h;

              flexo_palette_item_get_size (tool, &w, &h);
              r = FLEXO_RECT_INIT (self->press_point.x - w / 2, self->press_point.y - h / 2, w, h);
              a = flexo_canvas_snap_point (self, FLEXO_POINT_INIT (r.x, r.y));
              r.x = a.x;
              r.y = a.y;
            }
          finish_tool (self);
          shape = flexo_canvas_add_shape (self, tool, &r);
          if (shape != NULL)
            {
              FlexoStyle style;

              flexo_shape_resolve_style (shape, &style);
              /* A text, or an instance, is named at once. */
              if (style.shape_kind == FLEXO_SHAPE_TEXT || flexo_shape_get_instance (shape) != NULL)
                flexo_canvas_start_editing (self, shape);
            }
        }
      break;

    case DRAG_CONNECT:
      if (self->hover_target != NULL && self->connect_source != NULL &&
          flexo_object_is_live (FLEXO_OBJECT (self->connect_source)))
        {
          g_autoptr(FlexoPaletteItem) tool = self->tool != NULL ? flexo_palette_item_ref (self->tool) : NULL;

          finish_tool (self);
          flexo_canvas_add_connector (self, tool, self->connect_source, self->hover_target);
        }
      break;

    case DRAG_RECONNECT_SOURCE:
    case DRAG_RECONNECT_TARGET:
      if (self->hover_target != NULL && FLEXO_IS_CONNECTOR (self->drag_item) &&
          flexo_object_is_live (self->drag_item))
        {
          flexo_document_begin (self->document, _("Reconnect"));
          if (mode == DRAG_RECONNECT_SOURCE)
            flexo_connector_set_source (self->drag_item, self->hover_target);
          else
            flexo_connector_set_target (self->drag_item, self->hover_target);
          flexo_document_commit (self->document);
        }
      break;

    case DRAG_NONE:
    default:
      break;
    }

  self->hover_target = NULL;
  self->refused_target = NULL;
  self->connect_source = NULL;
  self->drag_item = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --------------------------------------------------------------- click -- */

static void
click_pressed (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               FlexoCanvas     *self)
{
  FlexoConnector *connector;
  DragMode mode;
  guint waypoint;
  gpointer item;

  if (n_press != 2 || self->tool != NULL)
    return;

  if (flexo_canvas_form_double_click (self, x, y))
    ;
  else if (connector_handle_at (self, x, y, &connector, &mode, &waypoint) && mode == DRAG_WAYPOINT)
    remove_waypoint (self, connector, waypoint);
  else if ((item = flexo_canvas_item_at (self, x, y)) != NULL)
    {
      flexo_canvas_select (self, item, FALSE);
      flexo_canvas_start_editing (self, item);
    }
  else
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->swallow_press = TRUE;
  self->swallow_press_time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture));
}

/* A secondary click picks what is under the pointer, then shows the
 * context menu there. */
static void
secondary_pressed (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   FlexoCanvas     *self)
{
  gpointer item;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (flexo_canvas_is_editing (self))
    flexo_canvas_stop_editing (self, TRUE);
  item = flexo_canvas_item_at (self, x, y);
  if (item != NULL && !flexo_canvas_is_selected (self, item))
    flexo_canvas_select (self, item, FALSE);
  else if (item == NULL)
    flexo_canvas_clear_selection (self);
  if (flexo_canvas_ensure_context_menu (self) != NULL)
    {
      gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                                   &(GdkRectangle) { (int) x, (int) y, 1, 1 });
      gtk_popover_popup (GTK_POPOVER (self->context_menu));
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* -------------------------------------------------------------- motion -- */

static const char *
handle_cursor (Handle handle)
{
  static const char * const names[N_HANDLES] = {
    "nw-resize", "n-resize", "ne-resize", "e-resize", "se-resize", "s-resize", "sw-resize", "w-resize"
  };

  return handle >= 0 && handle < N_HANDLES ? names[handle] : NULL;
}

static void
motion (GtkEventControllerMotion *controller,
        double                    x,
        double                    y,
        FlexoCanvas              *self)
{
  FlexoShape *shape = NULL;
  FlexoShape *hover;
  Handle handle;
  const char *cursor = NULL;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->drag_mode != DRAG_NONE || self->diagram == NULL)
    return;

  if (self->tool != NULL)
    {
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
      return;
    }

  handle = flexo_canvas_handle_at (self, x, y, &shape);
  if (flexo_canvas_form_handle_at (self, x, y))
    cursor = "move";
  else if (handle != HANDLE_NONE)
    cursor = handle_cursor (handle);
  else if (flexo_canvas_connect_handle_at (self, x, y, &shape))
    cursor = "crosshair";

  /* Keep the hovered shape while the pointer is on its way to its
   * connection handles, just outside it. */
  hover = flexo_canvas_shape_at (self, flexo_canvas_view_to_diagram (self, x, y), NULL);
  if (hover == NULL && self->hover_shape != NULL)
    {
      double reach = (CONNECT_HANDLE_OFFSET + HANDLE_REACH) / self->zoom;
      FlexoRect halo = flexo_rect_normalize (*flexo_shape_get_bounds (self->hover_shape));

      halo = flexo_rect_inflate (&halo, reach, reach);
      if (flexo_rect_contains (&halo, flexo_canvas_view_to_diagram (self, x, y)))
        hover = self->hover_shape;
    }
  if (hover != self->hover_shape)
    {
      self->hover_shape = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  if (cursor == NULL && self->space_down)
    cursor = "grab";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static void
leave (GtkEventControllerMotion *controller,
       FlexoCanvas              *self)
{
  if (self->hover_shape != NULL && self->drag_mode == DRAG_NONE)
    {
      self->hover_shape = NULL;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* ------------------------------------------------------- scroll, zoom -- */

static gboolean
scroll (GtkEventControllerScroll *controller,
        double                    dx,
        double                    dy,
        FlexoCanvas              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL ? WHEEL_STEP : 1.0;

  if (state & GDK_CONTROL_MASK)
    {
      if (dy != 0)
        flexo_canvas_zoom_at (self, pow (WHEEL_ZOOM, -dy * (step == 1.0 ? 0.1 : 1.0)), self->pointer_x, self->pointer_y);
      return TRUE;
    }
  if (state & GDK_SHIFT_MASK)
    {
      double t = dx;

      dx = dy;
      dy = t;
    }
  flexo_canvas_scroll_to (self, FLEXO_POINT_INIT (self->view_x + dx * step / self->zoom,
                                                  self->view_y + dy * step / self->zoom), 0, 0);
  return TRUE;
}

static void
zoom_begin (GtkGesture       *gesture,
            GdkEventSequence *sequence,
            FlexoCanvas      *self)
{
  self->zoom_gesture_start = self->zoom;
}

static void
zoom_scale_changed (GtkGestureZoom *gesture,
                    double          scale,
                    FlexoCanvas    *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = self->pointer_x, y = self->pointer_y;
  flexo_canvas_zoom_at (self, self->zoom_gesture_start * scale / self->zoom, x, y);
}

/* ---------------------------------------------------------------- keys -- */

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             FlexoCanvas           *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  double step = shift ? NUDGE_LARGE_STEP : NUDGE_STEP;
  gunichar c;

  if (flexo_canvas_is_editing (self))
    return FALSE;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_space:
      self->space_down = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      flexo_canvas_move_selection (self, -step, 0);
      return self->selection->len > 0;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      flexo_canvas_move_selection (self, step, 0);
      return self->selection->len > 0;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      flexo_canvas_move_selection (self, 0, -step);
      return self->selection->len > 0;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      flexo_canvas_move_selection (self, 0, step);
      return self->selection->len > 0;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      flexo_canvas_request_delete (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_F2:
      if (self->selection->len == 1)
        return flexo_canvas_start_editing (self, g_ptr_array_index (self->selection, 0));
      return FALSE;
    case GDK_KEY_Escape:
      if (self->tool != NULL)
        flexo_canvas_set_tool (self, NULL);
      else
        flexo_canvas_clear_selection (self);
      return TRUE;
    default:
      break;
    }

  /* Typing on a selected shape replaces its text. */
  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && g_unichar_isprint (c) && self->selection->len == 1 &&
      FLEXO_IS_SHAPE (g_ptr_array_index (self->selection, 0)) &&
      flexo_canvas_start_editing (self, g_ptr_array_index (self->selection, 0)))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
      char utf8[8];

      utf8[g_unichar_to_utf8 (c, utf8)] = '\0';
      gtk_text_buffer_set_text (buffer, utf8, -1);
      return TRUE;
    }
  return FALSE;
}

static void
key_released (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              FlexoCanvas           *self)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_down = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->tool != NULL ? "crosshair" : NULL);
    }
}

/* ----------------------------------------------------------------- dnd -- */

static gboolean
drop (GtkDropTarget *target,
      const GValue  *value,
      double         x,
      double         y,
      FlexoCanvas   *self)
{
  FlexoPaletteItem *item;
  FlexoPoint p, corner;
  double w, h;

  /* An instance from the outline: shown here too. */
  if (G_VALUE_HOLDS (value, FLEXO_TYPE_INSTANCE))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return g_value_get_object (value) != NULL &&
             flexo_canvas_show_instance (self, g_value_get_object (value), flexo_canvas_view_to_diagram (self, x, y)) != NULL;
    }
  item = g_value_get_boxed (value);

  if (item == NULL || self->diagram == NULL || flexo_palette_item_get_kind (item) != FLEXO_PALETTE_ITEM_SHAPE)
    return FALSE;

  flexo_palette_item_get_size (item, &w, &h);
  p = flexo_canvas_view_to_diagram (self, x, y);
  corner = flexo_canvas_snap_point (self, FLEXO_POINT_INIT (p.x - w / 2, p.y - h / 2));
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return flexo_canvas_add_shape (self, item, &FLEXO_RECT_INIT (corner.x, corner.y, w, h)) != NULL;
}

void
flexo_canvas_init_input (FlexoCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkDropTarget *target;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, (GType[]) { FLEXO_TYPE_PALETTE_ITEM, FLEXO_TYPE_INSTANCE }, 2);
  g_signal_connect (target, "drop", G_CALLBACK (drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
