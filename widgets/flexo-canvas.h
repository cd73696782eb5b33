/* flexo-canvas.h — the diagram editor's drawing area
 *
 * A scrollable view of one diagram of a document (DESIGN.md §4): it draws
 * the diagram with the painter, keeps a selection, and turns pointer and
 * keyboard input into undoable edits of the document.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "flexo-model.h"
#include "flexo-palette-item.h"

G_BEGIN_DECLS

#define FLEXO_CANVAS_MIN_ZOOM 0.02
#define FLEXO_CANVAS_MAX_ZOOM 32.0

typedef enum
{
  FLEXO_CANVAS_ALIGN_LEFT,
  FLEXO_CANVAS_ALIGN_CENTER,
  FLEXO_CANVAS_ALIGN_RIGHT,
  FLEXO_CANVAS_ALIGN_TOP,
  FLEXO_CANVAS_ALIGN_MIDDLE,
  FLEXO_CANVAS_ALIGN_BOTTOM,
  FLEXO_CANVAS_DISTRIBUTE_HORIZONTALLY,
  FLEXO_CANVAS_DISTRIBUTE_VERTICALLY,
} FlexoCanvasAlignment;

#define FLEXO_TYPE_CANVAS (flexo_canvas_get_type ())

G_DECLARE_FINAL_TYPE (FlexoCanvas, flexo_canvas, FLEXO, CANVAS, GtkWidget)

GtkWidget     *flexo_canvas_new               (void);

/* The diagram shown (NULL: none); its document is the one edited. */
void           flexo_canvas_set_diagram       (FlexoCanvas      *self,
                                               FlexoDiagram     *diagram);
FlexoDiagram  *flexo_canvas_get_diagram       (FlexoCanvas      *self);
FlexoDocument *flexo_canvas_get_document      (FlexoCanvas      *self);

/* Grid and snapping */
double         flexo_canvas_get_grid_size     (FlexoCanvas      *self);
void           flexo_canvas_set_grid_size     (FlexoCanvas      *self,
                                               double            grid_size);
gboolean       flexo_canvas_get_show_grid     (FlexoCanvas      *self);
void           flexo_canvas_set_show_grid     (FlexoCanvas      *self,
                                               gboolean          show_grid);
gboolean       flexo_canvas_get_snap          (FlexoCanvas      *self);
void           flexo_canvas_set_snap          (FlexoCanvas      *self,
                                               gboolean          snap);

/* Zoom: device pixels per diagram unit. */
double         flexo_canvas_get_zoom          (FlexoCanvas      *self);
void           flexo_canvas_set_zoom          (FlexoCanvas      *self,
                                               double            zoom);
/* Zooms by @factor keeping the diagram point under (@x, @y), widget
 * coordinates, where it is. */
void           flexo_canvas_zoom_at           (FlexoCanvas      *self,
                                               double            factor,
                                               double            x,
                                               double            y);
void           flexo_canvas_zoom_in           (FlexoCanvas      *self);
void           flexo_canvas_zoom_out          (FlexoCanvas      *self);
void           flexo_canvas_zoom_to_fit       (FlexoCanvas      *self);
void           flexo_canvas_zoom_to_selection (FlexoCanvas      *self);
/* Scrolls so that diagram point @p is at widget point (@x, @y). */
void           flexo_canvas_scroll_to         (FlexoCanvas      *self,
                                               FlexoPoint        p,
                                               double            x,
                                               double            y);

/* Between widget and diagram coordinates. */
FlexoPoint     flexo_canvas_view_to_diagram   (FlexoCanvas      *self,
                                               double            x,
                                               double            y);
void           flexo_canvas_diagram_to_view   (FlexoCanvas      *self,
                                               FlexoPoint        p,
                                               double           *x,
                                               double           *y);

/* Selection: shapes and connectors of the diagram, in the order picked. */
GPtrArray     *flexo_canvas_get_selection     (FlexoCanvas      *self);
gboolean       flexo_canvas_is_selected       (FlexoCanvas      *self,
                                               gpointer          item);
void           flexo_canvas_select            (FlexoCanvas      *self,
                                               gpointer          item,
                                               gboolean          add);
void           flexo_canvas_unselect          (FlexoCanvas      *self,
                                               gpointer          item);
void           flexo_canvas_select_all        (FlexoCanvas      *self);
void           flexo_canvas_clear_selection   (FlexoCanvas      *self);

/* The palette item placed by the next click or drag (NULL: select). */
void              flexo_canvas_set_tool       (FlexoCanvas      *self,
                                               FlexoPaletteItem *tool);
FlexoPaletteItem *flexo_canvas_get_tool       (FlexoCanvas      *self);
/* The look new shapes and connectors start from, before the palette
 * item's (overrides of the theme; NULL: none). */
void           flexo_canvas_set_default_style (FlexoCanvas      *self,
                                               const FlexoStyle *style);

/* Edits, each one undoable step. */
FlexoShape    *flexo_canvas_add_shape         (FlexoCanvas      *self,
                                               FlexoPaletteItem *item,
                                               const FlexoRect  *bounds);
FlexoConnector *flexo_canvas_add_connector    (FlexoCanvas      *self,
                                               FlexoPaletteItem *item,
                                               FlexoShape       *source,
                                               FlexoShape       *target);
/* A second view of @instance, centred on @centre (one undoable step). */
FlexoShape    *flexo_canvas_show_instance     (FlexoCanvas      *self,
                                               FlexoInstance    *instance,
                                               FlexoPoint        centre);
void           flexo_canvas_move_selection    (FlexoCanvas      *self,
                                               double            dx,
                                               double            dy);
void           flexo_canvas_delete_selection  (FlexoCanvas      *self);
/* The selection's shapes and connectors, and the instances and links they
 * show, everywhere (one step). */
void           flexo_canvas_delete_selection_everywhere (FlexoCanvas *self);
/* What the Delete key does: emits "delete-requested", then deletes the
 * selection from the diagram unless a handler took over. */
void           flexo_canvas_request_delete    (FlexoCanvas      *self);
void           flexo_canvas_raise_selection   (FlexoCanvas      *self,
                                               gboolean          to_top);
void           flexo_canvas_align_selection   (FlexoCanvas      *self,
                                               FlexoCanvasAlignment alignment);
void           flexo_canvas_duplicate_selection (FlexoCanvas    *self);

/* In-place text editing of a shape or a connector's middle label. */
gboolean       flexo_canvas_start_editing     (FlexoCanvas      *self,
                                               gpointer          item);
gboolean       flexo_canvas_is_editing        (FlexoCanvas      *self);
void           flexo_canvas_stop_editing      (FlexoCanvas      *self,
                                               gboolean          commit);
/* The text entry while editing (tests). */
GtkWidget     *flexo_canvas_get_editor        (FlexoCanvas      *self);

/* The menu a secondary click opens (actions of the window, say). */
void           flexo_canvas_set_context_menu  (FlexoCanvas      *self,
                                               GMenuModel       *menu);

/* Instances and links that have problems (validation): the shapes and
 * connectors that show them get a mark. NULL: none. */
void           flexo_canvas_set_marked        (FlexoCanvas      *self,
                                               GHashTable       *objects);
/* Whether @item is drawn with a problem mark (tests). */
gboolean       flexo_canvas_is_marked         (FlexoCanvas      *self,
                                               gpointer          item);

/* Whether the shapes and connectors that no concept or relation
 * classifies yet are drawn highlighted (free modelling). */
void           flexo_canvas_set_highlight_free (FlexoCanvas     *self,
                                               gboolean          highlight);
gboolean       flexo_canvas_get_highlight_free (FlexoCanvas     *self);

/* What is under widget point (@x, @y): the topmost connector or shape. */
gpointer       flexo_canvas_item_at           (FlexoCanvas      *self,
                                               double            x,
                                               double            y);

G_END_DECLS
