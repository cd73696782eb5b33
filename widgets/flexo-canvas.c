/* flexo-canvas.c — the diagram editor's drawing area
 *
 * The view is the diagram point at the widget's top left and a zoom
 * (device pixels per diagram unit). The scroll adjustments count zoomed
 * diagram units: their range is the diagram's extent with a margin of a
 * screen around it, and always holds the current view so that it never
 * jumps. What it draws is in flexo-canvas-draw.c.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "flexo-bezier.h"
#include "flexo-canvas-private.h"
#include "flexo-outline.h"
#include "flexo-route.h"

enum {
  PROP_0,
  PROP_GRID_SIZE,
  PROP_SHOW_GRID,
  PROP_SNAP,
  PROP_ZOOM,
  PROP_DIAGRAM,
  PROP_TOOL,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  SELECTION_CHANGED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define MIN_GRID_SIZE 4.0
#define MAX_GRID_SIZE 200.0
/* Zoom steps: by this factor. */
#define ZOOM_STEP 1.25
/* Margin around what is drawn, in pixels, when zooming to fit. */
#define FIT_MARGIN 24.0

G_DEFINE_FINAL_TYPE_WITH_CODE (FlexoCanvas, flexo_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* --------------------------------------------------------------- view -- */

FlexoPoint
flexo_canvas_view_to_diagram (FlexoCanvas *self,
                              double       x,
                              double       y)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), ((FlexoPoint) { 0, 0 }));

  return (FlexoPoint) { self->view_x + x / self->zoom, self->view_y + y / self->zoom };
}

void
flexo_canvas_diagram_to_view (FlexoCanvas *self,
                              FlexoPoint   p,
                              double      *x,
                              double      *y)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (x != NULL)
    *x = (p.x - self->view_x) * self->zoom;
  if (y != NULL)
    *y = (p.y - self->view_y) * self->zoom;
}

FlexoRect
flexo_canvas_get_visible_area (FlexoCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  return FLEXO_RECT_INIT (self->view_x, self->view_y, width / self->zoom, height / self->zoom);
}

/* Bounds that hold everything drawn, in constant time (the indexes'
 * totals, with room for strokes and shadows): for the scroll range,
 * which follows every change. */
static FlexoRect
rough_content_bounds (FlexoCanvas *self)
{
  FlexoRect shapes, connectors;
  gboolean has_shapes, has_connectors;

  if (self->diagram == NULL || !flexo_object_is_live (FLEXO_OBJECT (self->diagram)))
    return FLEXO_RECT_INIT (0, 0, 0, 0);
  has_shapes = flexo_spatial_index_total_bounds (flexo_diagram_get_index (self->diagram), &shapes);
  has_connectors = flexo_spatial_index_total_bounds (flexo_diagram_get_connector_index (self->diagram), &connectors);
  if (has_shapes && has_connectors)
    shapes = flexo_rect_union (&shapes, &connectors);
  else if (!has_shapes && has_connectors)
    shapes = connectors;
  else if (!has_shapes)
    return FLEXO_RECT_INIT (0, 0, 0, 0);
  return flexo_rect_inflate (&shapes, 16, 16);
}

/* Everything drawn, exactly, or an empty rectangle at the origin. */
static FlexoRect
content_bounds (FlexoCanvas *self)
{
  FlexoRect r = FLEXO_RECT_INIT (0, 0, 0, 0);

  if (self->diagram != NULL && !flexo_painter_get_extents (self->painter, self->diagram, &r))
    r = FLEXO_RECT_INIT (0, 0, 0, 0);
  return r;
}

static void
configure_adjustment (FlexoCanvas   *self,
                      GtkAdjustment *adj,
                      double         view,
                      double         content_start,
                      double         content_size,
                      double         page)
{
  double value = view * self->zoom;
  double margin = page / 2;
  double lower = MIN (content_start * self->zoom - margin, value);
  double upper = MAX ((content_start + content_size) * self->zoom + margin, value + page);

  if (adj == NULL)
    return;
  gtk_adjustment_configure (adj, value, lower, upper, page * 0.1, page * 0.9, page);
}

void
flexo_canvas_update_adjustments (FlexoCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  FlexoRect content;

  if (self->hadjustment == NULL && self->vadjustment == NULL)
    return;

  content = rough_content_bounds (self);
  self->configuring = TRUE;
  configure_adjustment (self, self->hadjustment, self->view_x, content.x, content.width, width);
  configure_adjustment (self, self->vadjustment, self->view_y, content.y, content.height, height);
  self->configuring = FALSE;
}

static void
adjustment_value_changed (GtkAdjustment *adj,
                          FlexoCanvas   *self)
{
  if (self->configuring)
    return;

  if (adj == self->hadjustment)
    self->view_x = gtk_adjustment_get_value (adj) / self->zoom;
  else
    self->view_y = gtk_adjustment_get_value (adj) / self->zoom;
  flexo_canvas_place_editor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (FlexoCanvas    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adj)
{
  if (*slot == adj)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed, self);
      g_clear_object (slot);
    }
  if (adj != NULL)
    {
      *slot = g_object_ref_sink (adj);
      g_signal_connect (adj, "value-changed", G_CALLBACK (adjustment_value_changed), self);
    }
  flexo_canvas_update_adjustments (self);
}

void
flexo_canvas_scroll_to (FlexoCanvas *self,
                        FlexoPoint   p,
                        double       x,
                        double       y)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  /* Placed on purpose: no fitting when it is first shown. */
  self->fit_pending = FALSE;
  self->view_x = p.x - x / self->zoom;
  self->view_y = p.y - y / self->zoom;
  flexo_canvas_update_adjustments (self);
  flexo_canvas_place_editor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
flexo_canvas_get_zoom (FlexoCanvas *self)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), 1.0);

  return self->zoom;
}

void
flexo_canvas_zoom_at (FlexoCanvas *self,
                      double       factor,
                      double       x,
                      double       y)
{
  FlexoPoint p;
  double zoom;

  g_return_if_fail (FLEXO_IS_CANVAS (self));

  zoom = CLAMP (self->zoom * factor, FLEXO_CANVAS_MIN_ZOOM, FLEXO_CANVAS_MAX_ZOOM);
  if (!(factor > 0) || zoom == self->zoom)
    return;

  p = flexo_canvas_view_to_diagram (self, x, y);
  self->zoom = zoom;
  self->fit_pending = FALSE;
  flexo_canvas_scroll_to (self, p, x, y);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
flexo_canvas_set_zoom (FlexoCanvas *self,
                       double       zoom)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (!(zoom > 0))
    return;
  flexo_canvas_zoom_at (self, zoom / self->zoom,
                        gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                        gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
flexo_canvas_zoom_in (FlexoCanvas *self)
{
  flexo_canvas_set_zoom (self, self->zoom * ZOOM_STEP);
}

void
flexo_canvas_zoom_out (FlexoCanvas *self)
{
  flexo_canvas_set_zoom (self, self->zoom / ZOOM_STEP);
}

/* Shows @r whole, centred, at no more than 100 % when @cap. */
static void
zoom_to_rect (FlexoCanvas     *self,
              const FlexoRect *r,
              gboolean         cap)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom;

  if (width <= 2 * FIT_MARGIN || height <= 2 * FIT_MARGIN)
    {
      /* Not allocated yet: do it when it is. */
      self->fit_pending = TRUE;
      return;
    }

  zoom = MIN ((width - 2 * FIT_MARGIN) / MAX (r->width, 1), (height - 2 * FIT_MARGIN) / MAX (r->height, 1));
  if (cap)
    zoom = MIN (zoom, 1.0);
  zoom = CLAMP (zoom, FLEXO_CANVAS_MIN_ZOOM, FLEXO_CANVAS_MAX_ZOOM);
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  flexo_canvas_scroll_to (self, flexo_rect_center (r), width / 2.0, height / 2.0);
}

void
flexo_canvas_zoom_to_fit (FlexoCanvas *self)
{
  FlexoRect r;

  g_return_if_fail (FLEXO_IS_CANVAS (self));

  r = content_bounds (self);
  if (flexo_rect_is_empty (&r))
    r = FLEXO_RECT_INIT (0, 0, 0, 0);
  zoom_to_rect (self, &r, FALSE);
}

void
flexo_canvas_zoom_to_selection (FlexoCanvas *self)
{
  FlexoRect r;

  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (flexo_canvas_get_selection_bounds (self, &r))
    zoom_to_rect (self, &r, FALSE);
}

/* ---------------------------------------------------------- selection -- */

void
flexo_canvas_emit_selection_changed (FlexoCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

GPtrArray *
flexo_canvas_get_selection (FlexoCanvas *self)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), NULL);

  return self->selection;
}

gboolean
flexo_canvas_is_selected (FlexoCanvas *self,
                          gpointer     item)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), FALSE);

  return item != NULL && g_hash_table_contains (self->selected, item);
}

static gboolean
select_quietly (FlexoCanvas *self,
                gpointer     item)
{
  if (item == NULL || g_hash_table_contains (self->selected, item))
    return FALSE;
  g_hash_table_add (self->selected, g_object_ref (item));
  g_ptr_array_add (self->selection, item);
  return TRUE;
}

static gboolean
clear_quietly (FlexoCanvas *self)
{
  if (self->selection->len == 0)
    return FALSE;
  g_ptr_array_set_size (self->selection, 0);
  g_hash_table_remove_all (self->selected);
  return TRUE;
}

void
flexo_canvas_select (FlexoCanvas *self,
                     gpointer     item,
                     gboolean     add)
{
  gboolean changed = FALSE;

  g_return_if_fail (FLEXO_IS_CANVAS (self));
  g_return_if_fail (item == NULL || FLEXO_IS_SHAPE (item) || FLEXO_IS_CONNECTOR (item));

  if (!add)
    {
      if (self->selection->len == 1 && g_ptr_array_index (self->selection, 0) == item)
        return;
      changed = clear_quietly (self);
    }
  changed |= select_quietly (self, item);
  if (changed)
    flexo_canvas_emit_selection_changed (self);
}

void
flexo_canvas_unselect (FlexoCanvas *self,
                       gpointer     item)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (item == NULL || !g_hash_table_contains (self->selected, item))
    return;
  g_ptr_array_remove (self->selection, item);
  g_hash_table_remove (self->selected, item);
  flexo_canvas_emit_selection_changed (self);
}

void
flexo_canvas_select_all (FlexoCanvas *self)
{
  GPtrArray *items;
  gboolean changed = FALSE;

  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (self->diagram == NULL)
    return;
  items = flexo_diagram_get_items (self->diagram);
  for (guint i = 0; i < items->len; i++)
    changed |= select_quietly (self, g_ptr_array_index (items, i));
  if (changed)
    flexo_canvas_emit_selection_changed (self);
}

void
flexo_canvas_clear_selection (FlexoCanvas *self)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (clear_quietly (self))
    flexo_canvas_emit_selection_changed (self);
}

static FlexoRect
item_box (FlexoCanvas *self,
          gpointer     item)
{
  FlexoRect r;

  if (FLEXO_IS_SHAPE (item))
    return flexo_rect_normalize (*flexo_shape_get_bounds (item));
  if (flexo_connector_get_route_bounds (item, &r))
    return r;
  return FLEXO_RECT_INIT (0, 0, 0, 0);
}

gboolean
flexo_canvas_get_selection_bounds (FlexoCanvas *self,
                                   FlexoRect   *out)
{
  gboolean any = FALSE;
  FlexoRect r = FLEXO_RECT_INIT (0, 0, 0, 0);

  for (guint i = 0; i < self->selection->len; i++)
    {
      FlexoRect b = item_box (self, g_ptr_array_index (self->selection, i));

      r = any ? flexo_rect_union (&r, &b) : b;
      any = TRUE;
    }
  *out = r;
  return any;
}

/* ------------------------------------------------------------ picking -- */

typedef struct
{
  FlexoCanvas *self;
  FlexoPoint   p;
  double       tolerance;
  FlexoShape  *ignore;
  FlexoShape  *best;
  int          best_z;
} ShapePick;

static gboolean
shape_pick_cb (gpointer         item,
               const FlexoRect *bounds,
               gpointer         user_data)
{
  ShapePick *pick = user_data;
  FlexoShape *shape = item;
  FlexoStyle style;
  FlexoRect box;
  int z;

  if (pick->ignore != NULL && flexo_shape_is_inside (shape, pick->ignore))
    return FALSE;
  z = flexo_diagram_get_item_position (pick->self->diagram, shape);
  if (z <= pick->best_z)
    return FALSE;

  flexo_shape_resolve_style (shape, &style);
  box = flexo_rect_normalize (*flexo_shape_get_bounds (shape));
  /* Text is picked anywhere in its box, as preset shapes are (their box
   * is their size); a free form only on its outline or inside it: its box
   * may be mostly empty (a long thin curve across others). */
  if (style.shape_kind == FLEXO_SHAPE_FREEFORM
      ? flexo_outline_contains (style.shape_kind, &box, style.corner_radius, flexo_shape_get_form (shape),
                                pick->p, pick->tolerance)
      : style.shape_kind == FLEXO_SHAPE_TEXT || flexo_rect_contains (&box, pick->p) ||
        flexo_outline_contains (style.shape_kind, &box, style.corner_radius, NULL, pick->p, pick->tolerance))
    {
      pick->best = shape;
      pick->best_z = z;
    }
  return FALSE;
}

/* The topmost shape at @p, not @ignore nor inside it. */
FlexoShape *
flexo_canvas_shape_at (FlexoCanvas *self,
                       FlexoPoint   p,
                       FlexoShape  *ignore)
{
  ShapePick pick = { self, p, PICK_TOLERANCE / self->zoom, ignore, NULL, -1 };

  if (self->diagram == NULL)
    return NULL;
  flexo_spatial_index_query_point (flexo_diagram_get_index (self->diagram), p, pick.tolerance,
                                   shape_pick_cb, &pick);
  return pick.best;
}

static double
connector_distance (FlexoConnector *connector,
                    FlexoPoint      p)
{
  g_autoptr(FlexoPath) route = flexo_path_new ();

  flexo_connector_compute_route (connector, route, NULL, NULL);
  return flexo_path_distance (route, p, NULL);
}

gpointer
flexo_canvas_item_at (FlexoCanvas *self,
                      double       x,
                      double       y)
{
  FlexoPoint p;
  FlexoShape *shape;
  g_autoptr(GPtrArray) candidates = NULL;
  gpointer best;
  int best_z;
  double tol;

  g_return_val_if_fail (FLEXO_IS_CANVAS (self), NULL);

  if (self->diagram == NULL)
    return NULL;

  p = flexo_canvas_view_to_diagram (self, x, y);
  tol = PICK_TOLERANCE / self->zoom;
  shape = flexo_canvas_shape_at (self, p, NULL);
  best = shape;
  best_z = shape != NULL ? flexo_diagram_get_item_position (self->diagram, shape) : -1;

  /* Connectors above it: from their index, the nearest route within
   * reach, the topmost first. */
  candidates = flexo_spatial_index_query_point_all (flexo_diagram_get_connector_index (self->diagram), p, tol);
  for (guint i = 0; i < candidates->len; i++)
    {
      gpointer item = g_ptr_array_index (candidates, i);
      int z = flexo_diagram_get_item_position (self->diagram, item);
      FlexoStyle style;

      if (z <= best_z)
        continue;
      flexo_connector_resolve_style (item, &style);
      if (connector_distance (item, p) <= tol + style.stroke_width / 2)
        {
          best = item;
          best_z = z;
        }
    }
  return best;
}

gboolean
flexo_canvas_near_handle (FlexoCanvas *self,
                          FlexoPoint   p,
                          double       x,
                          double       y)
{
  double hx, hy;

  flexo_canvas_diagram_to_view (self, p, &hx, &hy);
  return fabs (hx - x) <= HANDLE_REACH && fabs (hy - y) <= HANDLE_REACH;
}

gboolean
flexo_canvas_connector_ends (FlexoConnector *connector,
                             FlexoPoint     *start,
                             FlexoPoint     *end)
{
  g_autoptr(FlexoPath) route = flexo_path_new ();
  const FlexoPoint *points;
  guint n = 0;

  flexo_connector_compute_route (connector, route, NULL, NULL);
  points = flexo_path_get_points (route, &n);
  if (n == 0)
    return FALSE;
  *start = points[0];
  *end = points[n - 1];
  return TRUE;
}

GArray *
flexo_canvas_bezier_chain (FlexoConnector *connector,
                           gboolean        normalize,
                           FlexoPoint     *start,
                           FlexoPoint     *end)
{
  g_autoptr(FlexoPath) route = flexo_path_new ();
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (FlexoPoint));
  GArray *waypoints = flexo_connector_get_waypoints (connector);
  const FlexoPoint *points;
  FlexoStyle style;
  guint n = 0;

  flexo_connector_resolve_style (connector, &style);
  if (style.routing != FLEXO_ROUTING_BEZIER)
    return NULL;
  flexo_connector_compute_route (connector, route, NULL, NULL);
  points = flexo_path_get_points (route, &n);
  if (n == 0)
    return NULL;
  if (waypoints != NULL && flexo_bezier_chain_is_valid (waypoints->len))
    g_array_append_vals (chain, waypoints->data, waypoints->len);
  else if (!normalize || !flexo_bezier_chain_from_path (route, chain))
    return NULL;
  if (start != NULL)
    *start = points[0];
  if (end != NULL)
    *end = points[n - 1];
  return g_steal_pointer (&chain);
}

void
flexo_canvas_handle_position (const FlexoRect *box,
                              Handle           handle,
                              FlexoPoint      *out)
{
  static const double fx[N_HANDLES] = { 0, 0.5, 1, 1, 1, 0.5, 0, 0 };
  static const double fy[N_HANDLES] = { 0, 0, 0, 0.5, 1, 1, 1, 0.5 };

  out->x = box->x + fx[handle] * box->width;
  out->y = box->y + fy[handle] * box->height;
}

/* Where resize handle @h of @shape (of box @box) is drawn, in widget
 * coordinates: on its box; a little outside it for a free form showing its
 * nodes, which are on its box's edges. */
void
flexo_canvas_handle_view_position (FlexoCanvas     *self,
                      FlexoShape      *shape,
                      const FlexoRect *box,
                      Handle           h,
                      double          *x,
                      double          *y)
{
  static const double ox[N_HANDLES] = { -1, 0, 1, 1, 1, 0, -1, -1 };
  static const double oy[N_HANDLES] = { -1, -1, -1, 0, 1, 1, 1, 0 };
  FlexoPoint p;

  flexo_canvas_handle_position (box, h, &p);
  flexo_canvas_diagram_to_view (self, p, x, y);
  if (shape == flexo_canvas_form_shape (self))
    {
      *x += ox[h] * FORM_HANDLE_OFFSET;
      *y += oy[h] * FORM_HANDLE_OFFSET;
    }
}

/* A resize handle of a selected shape under (@x, @y). */
Handle
flexo_canvas_handle_at (FlexoCanvas *self,
                        double       x,
                        double       y,
                        FlexoShape **shape)
{
  for (guint i = self->selection->len; i-- > 0;)
    {
      gpointer item = g_ptr_array_index (self->selection, i);
      FlexoRect box;

      if (!FLEXO_IS_SHAPE (item))
        continue;
      box = flexo_rect_normalize (*flexo_shape_get_bounds (item));
      for (Handle h = 0; h < N_HANDLES; h++)
        {
          double hx, hy;

          flexo_canvas_handle_view_position (self, item, &box, h, &hx, &hy);
          if (fabs (hx - x) <= HANDLE_REACH && fabs (hy - y) <= HANDLE_REACH)
            {
              *shape = item;
              return h;
            }
        }
    }
  return HANDLE_NONE;
}

void
flexo_canvas_connect_handle_position (FlexoCanvas *self,
                         FlexoShape  *shape,
                         guint        side,
                         double      *x,
                         double      *y)
{
  FlexoRect box = flexo_rect_normalize (*flexo_shape_get_bounds (shape));
  static const double fx[4] = { 0.5, 1, 0.5, 0 };
  static const double fy[4] = { 0, 0.5, 1, 0.5 };
  static const double dx[4] = { 0, 1, 0, -1 };
  static const double dy[4] = { -1, 0, 1, 0 };

  flexo_canvas_diagram_to_view (self, FLEXO_POINT_INIT (box.x + fx[side] * box.width, box.y + fy[side] * box.height), x, y);
  *x += dx[side] * CONNECT_HANDLE_OFFSET;
  *y += dy[side] * CONNECT_HANDLE_OFFSET;
}

/* One of the four connection handles of the hovered shape. */
gboolean
flexo_canvas_connect_handle_at (FlexoCanvas *self,
                                double       x,
                                double       y,
                                FlexoShape **shape)
{
  if (self->hover_shape == NULL)
    return FALSE;
  for (guint side = 0; side < 4; side++)
    {
      double hx, hy;

      flexo_canvas_connect_handle_position (self, self->hover_shape, side, &hx, &hy);
      if (fabs (hx - x) <= HANDLE_REACH && fabs (hy - y) <= HANDLE_REACH)
        {
          *shape = self->hover_shape;
          return TRUE;
        }
    }
  return FALSE;
}

/* ----------------------------------------------------------- document -- */

#define GEOMETRY_CHANGES \
  (FLEXO_CHANGE_FIELD (FLEXO_FIELD_BOUNDS) | FLEXO_CHANGE_FIELD (FLEXO_FIELD_PARENT) | \
   FLEXO_CHANGE_FIELD (FLEXO_FIELD_WAYPOINTS) | FLEXO_CHANGE_FIELD (FLEXO_FIELD_SOURCE) | \
   FLEXO_CHANGE_FIELD (FLEXO_FIELD_TARGET) | FLEXO_CHANGE_FIELD (FLEXO_FIELD_SOURCE_POINT) | \
   FLEXO_CHANGE_FIELD (FLEXO_FIELD_TARGET_POINT))

typedef struct
{
  FlexoCanvas *self;
  gboolean     selection_changed;  /* selected items went away */
} Invalidate;

static void
invalidate_cb (FlexoObject *object,
               guint64      what,
               gpointer     user_data)
{
  Invalidate *inv = user_data;
  FlexoCanvas *self = inv->self;

  if ((what & FLEXO_CHANGE_REMOVED) || !flexo_object_is_live (object))
    {
      if (g_hash_table_contains (self->selected, object))
        {
          g_ptr_array_remove (self->selection, object);
          g_hash_table_remove (self->selected, object);
          inv->selection_changed = TRUE;
        }
      if (object == (FlexoObject *) self->hover_shape)
        self->hover_shape = NULL;
      if (object == (FlexoObject *) self->hover_target)
        self->hover_target = NULL;
      if (object == (FlexoObject *) self->refused_target)
        self->refused_target = NULL;
      if (object == self->edited_item)
        flexo_canvas_stop_editing (self, FALSE);
    }
  /* Moves keep the cached text layouts (the painter checks their width);
   * the lists of diagrams and documents hold no text. */
  if ((what & ~GEOMETRY_CHANGES) == 0 || FLEXO_IS_DIAGRAM (object) || FLEXO_IS_DOCUMENT (object))
    return;
  if (FLEXO_IS_SHAPE (object) || FLEXO_IS_CONNECTOR (object))
    flexo_painter_invalidate (self->painter, object);
  else
    /* A concept or an instance: its shapes' text may have changed. */
    flexo_painter_invalidate (self->painter, NULL);
}

static void
document_changed (FlexoDocument *document,
                  FlexoChanges  *changes,
                  FlexoCanvas   *self)
{
  Invalidate inv = { self, FALSE };

  flexo_changes_foreach (changes, invalidate_cb, &inv);

  /* The diagram itself went away (undo of its creation). */
  if (self->diagram != NULL && !flexo_object_is_live (FLEXO_OBJECT (self->diagram)))
    {
      flexo_canvas_set_diagram (self, NULL);
      return;
    }

  flexo_canvas_update_adjustments (self);
  flexo_canvas_place_editor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (inv.selection_changed)
    flexo_canvas_emit_selection_changed (self);
}

void
flexo_canvas_set_diagram (FlexoCanvas  *self,
                          FlexoDiagram *diagram)
{
  FlexoDocument *document;

  g_return_if_fail (FLEXO_IS_CANVAS (self));
  g_return_if_fail (diagram == NULL || FLEXO_IS_DIAGRAM (diagram));

  if (diagram == self->diagram)
    return;

  flexo_canvas_stop_editing (self, TRUE);
  document = diagram != NULL ? flexo_object_get_document (FLEXO_OBJECT (diagram)) : NULL;
  if (self->document != document)
    {
      if (self->changed_id != 0)
        g_clear_signal_handler (&self->changed_id, self->document);
      g_set_object (&self->document, document);
      if (document != NULL)
        self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (document_changed), self);
    }
  g_set_object (&self->diagram, diagram);
  flexo_painter_invalidate (self->painter, NULL);
  self->hover_shape = self->hover_target = self->refused_target = self->drop_parent = NULL;
  self->connect_source = NULL;
  self->drag_item = NULL;
  self->drag_mode = DRAG_NONE;
  clear_quietly (self);

  self->view_x = self->view_y = 0;
  if (diagram != NULL)
    {
      FlexoRect r = content_bounds (self);

      if (!flexo_rect_is_empty (&r))
        zoom_to_rect (self, &r, TRUE);
    }
  flexo_canvas_update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGRAM]);
  flexo_canvas_emit_selection_changed (self);
}

FlexoDiagram *
flexo_canvas_get_diagram (FlexoCanvas *self)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), NULL);

  return self->diagram;
}

FlexoDocument *
flexo_canvas_get_document (FlexoCanvas *self)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), NULL);

  return self->document;
}

/* -------------------------------------------------------------- tools -- */

void
flexo_canvas_set_tool (FlexoCanvas      *self,
                       FlexoPaletteItem *tool)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (tool == self->tool)
    return;
  g_clear_pointer (&self->tool, flexo_palette_item_unref);
  if (tool != NULL)
    self->tool = flexo_palette_item_ref (tool);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), tool != NULL ? "crosshair" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

FlexoPaletteItem *
flexo_canvas_get_tool (FlexoCanvas *self)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), NULL);

  return self->tool;
}

void
flexo_canvas_set_default_style (FlexoCanvas      *self,
                                const FlexoStyle *style)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  g_clear_pointer (&self->default_style, flexo_style_free);
  if (style != NULL)
    self->default_style = flexo_style_copy (style);
}

/* --------------------------------------------------------- properties -- */

double
flexo_canvas_get_grid_size (FlexoCanvas *self)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), 0.0);

  return self->grid_size;
}

void
flexo_canvas_set_grid_size (FlexoCanvas *self,
                            double       grid_size)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  grid_size = CLAMP (grid_size, MIN_GRID_SIZE, MAX_GRID_SIZE);
  if (grid_size == self->grid_size)
    return;

  self->grid_size = grid_size;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRID_SIZE]);
}

gboolean
flexo_canvas_get_show_grid (FlexoCanvas *self)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), FALSE);

  return self->show_grid;
}

void
flexo_canvas_set_show_grid (FlexoCanvas *self,
                            gboolean     show_grid)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  show_grid = !!show_grid;
  if (show_grid == self->show_grid)
    return;

  self->show_grid = show_grid;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_GRID]);
}

gboolean
flexo_canvas_get_snap (FlexoCanvas *self)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), FALSE);

  return self->snap;
}

void
flexo_canvas_set_snap (FlexoCanvas *self,
                       gboolean     snap)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  snap = !!snap;
  if (snap == self->snap)
    return;

  self->snap = snap;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP]);
}

static void
flexo_canvas_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FlexoCanvas *self = FLEXO_CANVAS (object);

  switch (prop_id)
    {
    case PROP_GRID_SIZE:
      g_value_set_double (value, self->grid_size);
      break;
    case PROP_SHOW_GRID:
      g_value_set_boolean (value, self->show_grid);
      break;
    case PROP_SNAP:
      g_value_set_boolean (value, self->snap);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_DIAGRAM:
      g_value_set_object (value, self->diagram);
      break;
    case PROP_TOOL:
      g_value_set_boxed (value, self->tool);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flexo_canvas_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FlexoCanvas *self = FLEXO_CANVAS (object);

  switch (prop_id)
    {
    case PROP_GRID_SIZE:
      flexo_canvas_set_grid_size (self, g_value_get_double (value));
      break;
    case PROP_SHOW_GRID:
      flexo_canvas_set_show_grid (self, g_value_get_boolean (value));
      break;
    case PROP_SNAP:
      flexo_canvas_set_snap (self, g_value_get_boolean (value));
      break;
    case PROP_ZOOM:
      flexo_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_DIAGRAM:
      flexo_canvas_set_diagram (self, g_value_get_object (value));
      break;
    case PROP_TOOL:
      flexo_canvas_set_tool (self, g_value_get_boxed (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ------------------------------------------------------------- widget -- */

static void
flexo_canvas_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = 64;
  *natural = 400;
}

static gboolean
thaw_notify (gpointer data)
{
  g_object_thaw_notify (data);
  return G_SOURCE_REMOVE;
}

static void
flexo_canvas_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  FlexoCanvas *self = FLEXO_CANVAS (widget);

  if (self->fit_pending && width > 2 * FIT_MARGIN && height > 2 * FIT_MARGIN)
    {
      FlexoRect r = content_bounds (self);

      self->fit_pending = FALSE;
      /* Told once the layout is over: a zoom shown elsewhere (the
       * window's zoom button) would change size in the middle of it. */
      g_object_freeze_notify (G_OBJECT (self));
      zoom_to_rect (self, &r, TRUE);
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, thaw_notify, g_object_ref (self), g_object_unref);
    }
  flexo_canvas_update_adjustments (self);
  flexo_canvas_place_editor (self);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

/* A popover menu is many widgets: it is made when first shown (a window
 * opens with a canvas per diagram). */
void
flexo_canvas_set_context_menu (FlexoCanvas *self,
                               GMenuModel  *menu)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  g_set_object (&self->context_menu_model, menu);
  if (self->context_menu != NULL)
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), menu);
}

GtkWidget *
flexo_canvas_ensure_context_menu (FlexoCanvas *self)
{
  if (self->context_menu == NULL && self->context_menu_model != NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (self->context_menu_model);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
    }
  return self->context_menu;
}

static void
flexo_canvas_dispose (GObject *object)
{
  FlexoCanvas *self = FLEXO_CANVAS (object);

  if (self->editor != NULL)
    {
      gtk_widget_unparent (self->editor);
      self->editor = NULL;
    }
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_object (&self->context_menu_model);
  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->diagram);
  g_clear_object (&self->document);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  g_clear_pointer (&self->tool, flexo_palette_item_unref);

  G_OBJECT_CLASS (flexo_canvas_parent_class)->dispose (object);
}

static void
flexo_canvas_finalize (GObject *object)
{
  FlexoCanvas *self = FLEXO_CANVAS (object);

  g_ptr_array_unref (self->selection);
  g_hash_table_unref (self->selected);
  g_clear_pointer (&self->guides, g_array_unref);
  g_clear_pointer (&self->form_nodes, g_array_unref);
  g_clear_pointer (&self->rubber_base, g_ptr_array_unref);
  g_clear_pointer (&self->default_style, flexo_style_free);
  g_clear_pointer (&self->marked, g_hash_table_unref);
  flexo_painter_free (self->painter);

  G_OBJECT_CLASS (flexo_canvas_parent_class)->finalize (object);
}

static void
flexo_canvas_class_init (FlexoCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = flexo_canvas_get_property;
  object_class->set_property = flexo_canvas_set_property;
  object_class->dispose = flexo_canvas_dispose;
  object_class->finalize = flexo_canvas_finalize;

  widget_class->snapshot = flexo_canvas_snapshot;
  widget_class->measure = flexo_canvas_measure;
  widget_class->size_allocate = flexo_canvas_size_allocate;

  properties[PROP_GRID_SIZE] =
    g_param_spec_double ("grid-size", NULL, NULL,
                         MIN_GRID_SIZE, MAX_GRID_SIZE, 20.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_GRID] =
    g_param_spec_boolean ("show-grid", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SNAP] =
    g_param_spec_boolean ("snap", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         FLEXO_CANVAS_MIN_ZOOM, FLEXO_CANVAS_MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DIAGRAM] =
    g_param_spec_object ("diagram", NULL, NULL,
                         FLEXO_TYPE_DIAGRAM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TOOL] =
    g_param_spec_boxed ("tool", NULL, NULL,
                        FLEXO_TYPE_PALETTE_ITEM,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* The Delete key: a handler returning TRUE takes over (to ask what to
   * delete); else the selection is deleted from the diagram. */
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 0);

  gtk_widget_class_set_css_name (widget_class, "flexocanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

void
flexo_canvas_request_delete (FlexoCanvas *self)
{
  gboolean handled = FALSE;

  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (self->selection->len == 0)
    return;
  g_signal_emit (self, signals[DELETE_REQUESTED], 0, &handled);
  if (!handled)
    flexo_canvas_delete_selection (self);
}

static void
flexo_canvas_init (FlexoCanvas *self)
{
  self->grid_size = 20.0;
  self->show_grid = TRUE;
  self->snap = TRUE;
  self->zoom = 1.0;
  self->painter = flexo_painter_new ();
  self->selection = g_ptr_array_new ();
  self->selected = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->guides = g_array_new (FALSE, FALSE, sizeof (Guide));
  self->handle = HANDLE_NONE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Diagram"),
                                  -1);
  flexo_canvas_init_input (self);
}

GtkWidget *
flexo_canvas_new (void)
{
  return g_object_new (FLEXO_TYPE_CANVAS, NULL);
}
