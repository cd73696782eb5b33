/* flexo-canvas-private.h — what the parts of the canvas share
 *
 * flexo-canvas.c: the widget, scrolling, zoom, selection, picking;
 * flexo-canvas-draw.c: what it draws (snapshot), marks and handles;
 * flexo-canvas-input.c: pointer and keyboard gestures;
 * flexo-canvas-edit.c: the edits they make (create, move, resize, …);
 * flexo-canvas-text.c: in-place text editing;
 * flexo-canvas-form.c: a selected free form's nodes.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-canvas.h"
#include "flexo-form.h"
#include "flexo-painter.h"

G_BEGIN_DECLS

/* Sizes on screen, in pixels, whatever the zoom. */
#define HANDLE_SIZE 8.0
#define HANDLE_REACH 6.0      /* how far from a handle it is still grabbed */
#define PICK_TOLERANCE 6.0    /* connectors and thin shapes */
#define SNAP_DISTANCE 6.0
#define DRAG_THRESHOLD 3.0
#define CONNECT_HANDLE_OFFSET 14.0
#define FORM_HANDLE_OFFSET 10.0   /* a free form's resize handles, outside its nodes */

typedef enum
{
  DRAG_NONE,
  DRAG_MOVE,
  DRAG_RESIZE,
  DRAG_RUBBER_BAND,
  DRAG_PAN,
  DRAG_CREATE_SHAPE,
  DRAG_CONNECT,
  DRAG_RECONNECT_SOURCE,
  DRAG_RECONNECT_TARGET,
  DRAG_WAYPOINT,
  DRAG_FORM,            /* a node or control point of a free form */
} DragMode;

/* The eight resize handles, clockwise from the top left. */
typedef enum
{
  HANDLE_NONE = -1,
  HANDLE_NW,
  HANDLE_N,
  HANDLE_NE,
  HANDLE_E,
  HANDLE_SE,
  HANDLE_S,
  HANDLE_SW,
  HANDLE_W,
  N_HANDLES
} Handle;

typedef struct
{
  gboolean vertical;   /* a line x = pos, else y = pos */
  double   pos;
  double   from, to;   /* its extent along the other axis */
} Guide;

/* What a move started from: a shape's bounds, or a connector's points. */
typedef struct
{
  gpointer   item;
  FlexoRect  bounds;
  GArray    *waypoints;
  FlexoPoint source_point;
  FlexoPoint target_point;
} MoveItem;

struct _FlexoCanvas
{
  GtkWidget         parent_instance;

  FlexoDiagram     *diagram;
  FlexoDocument    *document;
  gulong            changed_id;
  FlexoPainter     *painter;

  /* The view: the diagram point at the widget's top left, and the zoom. */
  double            view_x;
  double            view_y;
  double            zoom;
  GtkAdjustment    *hadjustment;
  GtkAdjustment    *vadjustment;
  guint             hscroll_policy : 1;
  guint             vscroll_policy : 1;
  guint             configuring : 1;
  guint             fit_pending : 1;

  double            grid_size;
  guint             show_grid : 1;
  guint             snap : 1;

  GPtrArray        *selection;  /* items, in the order picked */
  GHashTable       *selected;   /* the same, as a set */

  FlexoPaletteItem *tool;
  FlexoStyle       *default_style;

  /* The gesture under way */
  DragMode          drag_mode;
  double            press_x, press_y;   /* widget coordinates */
  double            drag_x, drag_y;     /* current, widget coordinates */
  FlexoPoint        press_point;        /* diagram coordinates */
  FlexoPoint        last_point;         /* after snapping */
  gboolean          dragged;            /* past the threshold */
  Handle            handle;
  gpointer          drag_item;          /* shape resized, connector edited… */
  FlexoRect         drag_start_bounds;
  FlexoPoint        resize_grab;        /* from the press to the handle's edge or corner */
  guint             waypoint_index;
  gboolean          swallow_press;      /* a double click acted: its second press drags nothing */
  guint32           swallow_press_time;
  GArray           *form_nodes;         /* FlexoFormNode, of the free form dragged, at the press */
  guint             form_index;
  FlexoFormPart     form_part;
  FlexoPoint        form_grab;          /* from the press to the part dragged */
  FlexoShape       *connect_source;
  FlexoShape       *hover_target;       /* where a connector would end */
  FlexoShape       *refused_target;     /* where it may not (its relation refuses) */
  FlexoShape       *hover_shape;        /* shows its connection handles */
  FlexoShape       *drop_parent;        /* container a move would drop into */
  GArray           *guides;             /* Guide, while moving or resizing */
  GArray           *moving;             /* MoveItem, while moving */
  FlexoRect         moving_box;         /* the moved shapes' bounds at the start */
  GPtrArray        *rubber_base;        /* selection before a Shift rubber band */
  double            pan_view_x, pan_view_y;
  double            pointer_x, pointer_y;   /* last seen, widget coordinates */
  double            zoom_gesture_start;
  gboolean          space_down;

  GtkWidget        *context_menu;       /* a GtkPopoverMenu, child of the canvas, made on first use */
  GMenuModel       *context_menu_model;
  GHashTable       *marked;             /* instances and links with problems */
  gboolean          highlight_free;

  /* In-place text editing */
  GtkWidget        *editor;             /* a GtkTextView, child of the canvas */
  gpointer          edited_item;
};

/* flexo-canvas.c */
void      flexo_canvas_update_adjustments (FlexoCanvas *self);
void      flexo_canvas_emit_selection_changed (FlexoCanvas *self);
FlexoRect flexo_canvas_get_visible_area   (FlexoCanvas *self);
gboolean  flexo_canvas_get_selection_bounds (FlexoCanvas *self,
                                          FlexoRect   *out);
FlexoShape *flexo_canvas_shape_at         (FlexoCanvas *self,
                                           FlexoPoint   p,
                                           FlexoShape  *ignore);
Handle    flexo_canvas_handle_at          (FlexoCanvas *self,
                                           double       x,
                                           double       y,
                                           FlexoShape **shape);
gboolean  flexo_canvas_connect_handle_at  (FlexoCanvas *self,
                                           double       x,
                                           double       y,
                                           FlexoShape **shape);
/* Whether widget point (@x, @y) is on the handle drawn at diagram point
 * @p. */
gboolean  flexo_canvas_near_handle        (FlexoCanvas *self,
                                           FlexoPoint   p,
                                           double       x,
                                           double       y);
/* The two ends of a connector's route; FALSE when it draws nothing. */
gboolean  flexo_canvas_connector_ends     (FlexoConnector *connector,
                                           FlexoPoint     *start,
                                           FlexoPoint     *end);
/* A connector routed as a Bézier chain (flexo-bezier.h): a copy of its
 * waypoints, 3n − 1 control points, and the ends of its route. With
 * another count of waypoints (none yet, or edited under another routing)
 * it draws a curved route: with @normalize, the chain of that curve;
 * without, NULL. NULL for another routing. */
GArray   *flexo_canvas_bezier_chain       (FlexoConnector *connector,
                                           gboolean        normalize,
                                           FlexoPoint     *start,
                                           FlexoPoint     *end);
/* Where resize handle @h of @shape (of box @box) is drawn, in widget
 * coordinates. */
void      flexo_canvas_handle_view_position (FlexoCanvas     *self,
                                             FlexoShape      *shape,
                                             const FlexoRect *box,
                                             Handle           h,
                                             double          *x,
                                             double          *y);
/* Where connection handle @side (top, right, bottom, left) of @shape is,
 * in widget coordinates. */
void      flexo_canvas_connect_handle_position (FlexoCanvas *self,
                                                FlexoShape  *shape,
                                                guint        side,
                                                double      *x,
                                                double      *y);

/* flexo-canvas-draw.c */
void      flexo_canvas_snapshot           (GtkWidget       *widget,
                                           GtkSnapshot     *snapshot);
/* A control point's handle, a small circle, at (@x, @y) on the widget. */
void      flexo_canvas_draw_control_point (cairo_t         *cr,
                                           double           x,
                                           double           y,
                                           const GdkRGBA   *accent);
void      flexo_canvas_handle_position    (const FlexoRect *box,
                                           Handle           handle,
                                           FlexoPoint      *out);

/* flexo-canvas-input.c */
void      flexo_canvas_init_input         (FlexoCanvas *self);

/* flexo-canvas-edit.c */
FlexoPoint flexo_canvas_snap_point        (FlexoCanvas *self,
                                           FlexoPoint   p);
void      flexo_canvas_begin_move         (FlexoCanvas *self);
void      flexo_canvas_drag_move          (FlexoCanvas *self,
                                           double       dx,
                                           double       dy,
                                           gboolean     snap);
void      flexo_canvas_drag_resize        (FlexoCanvas *self,
                                           FlexoPoint   p,
                                           gboolean     keep_ratio);
void      flexo_canvas_finish_move        (FlexoCanvas *self);
FlexoShape *flexo_canvas_container_at     (FlexoCanvas *self,
                                           const FlexoRect *box);
/* @target NULL: whether a link may start from @source. */
gboolean  flexo_canvas_relation_allows    (FlexoRelation *relation,
                                           FlexoShape    *source,
                                           FlexoShape    *target);

/* flexo-canvas-form.c */
/* The free form whose nodes are shown: the only item selected. */
FlexoShape *flexo_canvas_form_shape       (FlexoCanvas   *self);
/* Starts dragging the node or control point under (@x, @y); FALSE when
 * there is none. */
gboolean  flexo_canvas_form_begin_drag    (FlexoCanvas   *self,
                                           double         x,
                                           double         y);
void      flexo_canvas_form_drag          (FlexoCanvas   *self,
                                           FlexoPoint     p);
void      flexo_canvas_form_end_drag      (FlexoCanvas   *self);
/* Whether a node or control point is under (@x, @y). */
gboolean  flexo_canvas_form_handle_at     (FlexoCanvas   *self,
                                           double         x,
                                           double         y);
/* Removes the node under (@x, @y), or adds one on the outline there;
 * FALSE when neither is there. */
gboolean  flexo_canvas_form_double_click  (FlexoCanvas   *self,
                                           double         x,
                                           double         y);
void      flexo_canvas_form_draw          (FlexoCanvas   *self,
                                           cairo_t       *cr,
                                           const GdkRGBA *accent);

/* flexo-canvas-text.c */
void      flexo_canvas_place_editor       (FlexoCanvas *self);

/* The context menu's popover, made now if it was not (NULL without a menu). */
GtkWidget *flexo_canvas_ensure_context_menu (FlexoCanvas *self);

G_END_DECLS
