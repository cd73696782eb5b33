/* flexo-palette-view.c — the palette: the document's, then every shape and
 * connector kind
 *
 * A search entry, a pointer button, then the shapes and the connectors as
 * toggle buttons in two grids. Each icon is drawn by the painter from a
 * tiny document of its own holding the item, in the default style merged
 * with the item's, so that what the palette shows is what the canvas
 * will draw. A click (or Enter, Space) picks the item as the canvas's
 * tool; a drag carries it to the canvas.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "flexo-painter.h"
#include "flexo-conceptualize.h"
#include "flexo-form.h"
#include "flexo-palette-view-private.h"
#include "flexo-widget-util.h"

/* The icons' drawing area and the room around what they draw. */
#define ICON_WIDTH 44
#define ICON_HEIGHT 32
#define ICON_MARGIN 4.0

G_DEFINE_FINAL_TYPE (FlexoPaletteView, flexo_palette_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACTIVE_ITEM,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  CONCEPT_SUGGESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------- catalogue -- */

typedef struct
{
  FlexoShapeKind  kind;
  const char     *name;
  double          width;
  double          height;
} ShapeDef;

static const ShapeDef shape_defs[] = {
  { FLEXO_SHAPE_RECTANGLE, N_("Rectangle"), 120, 60 },
  { FLEXO_SHAPE_ROUNDED_RECTANGLE, N_("Rounded Rectangle"), 120, 60 },
  { FLEXO_SHAPE_ELLIPSE, N_("Ellipse"), 120, 70 },
  { FLEXO_SHAPE_CIRCLE, N_("Circle"), 80, 80 },
  { FLEXO_SHAPE_DIAMOND, N_("Diamond"), 100, 80 },
  { FLEXO_SHAPE_TRIANGLE, N_("Triangle"), 90, 80 },
  { FLEXO_SHAPE_HEXAGON, N_("Hexagon"), 110, 70 },
  { FLEXO_SHAPE_PARALLELOGRAM, N_("Parallelogram"), 120, 60 },
  { FLEXO_SHAPE_TRAPEZOID, N_("Trapezoid"), 120, 60 },
  { FLEXO_SHAPE_STAR, N_("Star"), 90, 90 },
  { FLEXO_SHAPE_CHEVRON, N_("Chevron"), 110, 50 },
  { FLEXO_SHAPE_CROSS, N_("Cross"), 80, 80 },
  { FLEXO_SHAPE_CYLINDER, N_("Cylinder"), 80, 100 },
  { FLEXO_SHAPE_DOCUMENT, N_("Document"), 100, 70 },
  { FLEXO_SHAPE_NOTE, N_("Note"), 120, 90 },
  { FLEXO_SHAPE_ACTOR, N_("Actor"), 40, 80 },
  { FLEXO_SHAPE_CLOUD, N_("Cloud"), 130, 80 },
  { FLEXO_SHAPE_PACKAGE, N_("Package"), 160, 110 },
  { FLEXO_SHAPE_CLASS, N_("Class"), 140, 100 },
  { FLEXO_SHAPE_TEXT, N_("Text"), 120, 40 },
  { FLEXO_SHAPE_CONTAINER, N_("Container"), 260, 180 },
  /* A pentagon to start from: a free form, whose nodes are then moved,
   * added and removed on the canvas. */
  { FLEXO_SHAPE_FREEFORM, N_("Polygon"), 100, 90 },
};

static const char polygon_form[] = "M 0.5 0 L 1 0.38 L 0.81 1 L 0.19 1 L 0 0.38 Z";

typedef struct
{
  const char     *name;
  FlexoRouting    routing;
  FlexoArrowHead  start;
  FlexoArrowHead  end;
  FlexoDash       dash;
} ConnectorDef;

static const ConnectorDef connector_defs[] = {
  { N_("Line"), FLEXO_ROUTING_STRAIGHT, FLEXO_ARROW_NONE, FLEXO_ARROW_NONE, FLEXO_DASH_SOLID },
  { N_("Arrow"), FLEXO_ROUTING_STRAIGHT, FLEXO_ARROW_NONE, FLEXO_ARROW_FILLED, FLEXO_DASH_SOLID },
  { N_("Orthogonal Arrow"), FLEXO_ROUTING_ORTHOGONAL, FLEXO_ARROW_NONE, FLEXO_ARROW_FILLED, FLEXO_DASH_SOLID },
  { N_("Curved Arrow"), FLEXO_ROUTING_CURVED, FLEXO_ARROW_NONE, FLEXO_ARROW_FILLED, FLEXO_DASH_SOLID },
  { N_("Bézier Arrow"), FLEXO_ROUTING_BEZIER, FLEXO_ARROW_NONE, FLEXO_ARROW_FILLED, FLEXO_DASH_SOLID },
  { N_("Double Arrow"), FLEXO_ROUTING_STRAIGHT, FLEXO_ARROW_FILLED, FLEXO_ARROW_FILLED, FLEXO_DASH_SOLID },
  { N_("Dashed Arrow"), FLEXO_ROUTING_STRAIGHT, FLEXO_ARROW_NONE, FLEXO_ARROW_OPEN, FLEXO_DASH_DASHED },
  { N_("Inheritance"), FLEXO_ROUTING_ORTHOGONAL, FLEXO_ARROW_NONE, FLEXO_ARROW_HOLLOW_TRIANGLE, FLEXO_DASH_SOLID },
  { N_("Composition"), FLEXO_ROUTING_STRAIGHT, FLEXO_ARROW_FILLED_DIAMOND, FLEXO_ARROW_NONE, FLEXO_DASH_SOLID },
  { N_("Aggregation"), FLEXO_ROUTING_STRAIGHT, FLEXO_ARROW_HOLLOW_DIAMOND, FLEXO_ARROW_NONE, FLEXO_DASH_SOLID },
};

/* ----------------------------------------------------------------- icons -- */

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_clear_pointer (&e->item, flexo_palette_item_unref);
  g_clear_object (&e->document);
  g_free (e);
}

/* The look of the icon: the default style, then the item's. */
static FlexoStyle *
icon_style (FlexoPaletteView *self,
            Entry            *e)
{
  FlexoStyle *style = flexo_style_new ();

  FlexoConcept *concept = flexo_palette_item_get_concept (e->item);
  FlexoRelation *relation = flexo_palette_item_get_relation (e->item);

  /* The metamodel's items look like their concept or relation. */
  if (concept != NULL)
    {
      if (flexo_concept_get_style (concept) != NULL)
        flexo_style_merge (style, flexo_concept_get_style (concept));
    }
  else if (relation != NULL)
    {
      if (flexo_relation_get_style (relation) != NULL)
        flexo_style_merge (style, flexo_relation_get_style (relation));
    }
  else if (self->default_style != NULL)
    flexo_style_merge (style, self->default_style);
  flexo_style_merge (style, flexo_palette_item_get_style (e->item));
  /* No shadows in a 44-pixel icon. */
  flexo_style_set_shadow (style, FALSE);
  return style;
}

static void
build_icon_document (FlexoPaletteView *self,
                     Entry            *e)
{
  g_autoptr(FlexoStyle) style = icon_style (self, e);
  g_autoptr(FlexoDiagram) diagram = NULL;

  e->document = flexo_document_new ();
  diagram = flexo_diagram_new (e->document, NULL);
  flexo_document_begin (e->document, NULL);
  flexo_object_insert_child (FLEXO_OBJECT (e->document), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  if (flexo_palette_item_get_kind (e->item) == FLEXO_PALETTE_ITEM_SHAPE)
    {
      double w, h, k;
      FlexoShape *shape;

      /* The item's proportions, fitted to the icon. */
      flexo_palette_item_get_size (e->item, &w, &h);
      k = MIN ((ICON_WIDTH - 2 * ICON_MARGIN) / w, (ICON_HEIGHT - 2 * ICON_MARGIN) / h);
      w *= k;
      h *= k;
      shape = flexo_shape_new (e->document, &FLEXO_RECT_INIT ((ICON_WIDTH - w) / 2, (ICON_HEIGHT - h) / 2, w, h));
      if (flexo_style_has (style, FLEXO_STYLE_SHAPE_KIND) && style->shape_kind == FLEXO_SHAPE_TEXT)
        {
          flexo_style_set_font_size (style, 9);
          flexo_shape_set_text (shape, "Aa");
        }
      flexo_shape_set_style (shape, style);
      flexo_shape_set_form (shape, flexo_palette_item_get_form (e->item));
      flexo_diagram_add_item (diagram, shape);
      e->element = shape;
      g_object_unref (shape);
    }
  else
    {
      FlexoConnector *connector = flexo_connector_new (e->document, NULL, NULL);

      flexo_connector_set_source_point (connector, (FlexoPoint) { ICON_MARGIN, ICON_HEIGHT - ICON_MARGIN - 2 });
      flexo_connector_set_target_point (connector, (FlexoPoint) { ICON_WIDTH - ICON_MARGIN, ICON_MARGIN + 2 });
      /* A Bézier's icon is an S of one segment, its control points level
       * with its ends. */
      if (flexo_style_has (style, FLEXO_STYLE_ROUTING) && style->routing == FLEXO_ROUTING_BEZIER)
        {
          const FlexoPoint controls[] = {
            { ICON_WIDTH * 0.75, ICON_HEIGHT - ICON_MARGIN - 2 },
            { ICON_WIDTH * 0.25, ICON_MARGIN + 2 },
          };

          flexo_connector_set_waypoints (connector, controls, G_N_ELEMENTS (controls));
        }
      flexo_connector_set_style (connector, style);
      flexo_diagram_add_item (diagram, connector);
      e->element = connector;
      g_object_unref (connector);
    }
  flexo_document_commit (e->document);
  flexo_document_clear_history (e->document);
  e->diagram = diagram;
}

static void
restyle_icon (FlexoPaletteView *self,
              Entry            *e)
{
  g_autoptr(FlexoStyle) style = icon_style (self, e);

  flexo_document_begin (e->document, NULL);
  if (FLEXO_IS_SHAPE (e->element))
    {
      if (flexo_style_has (style, FLEXO_STYLE_SHAPE_KIND) && style->shape_kind == FLEXO_SHAPE_TEXT)
        flexo_style_set_font_size (style, 9);
      flexo_shape_set_style (e->element, style);
    }
  else
    flexo_connector_set_style (e->element, style);
  flexo_document_commit (e->document);
  flexo_document_clear_history (e->document);
  flexo_painter_invalidate (self->painter, e->element);
  gtk_widget_queue_draw (e->icon);
}

static void
draw_icon (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  Entry *e = user_data;
  FlexoPaletteView *self = g_object_get_data (G_OBJECT (area), "palette");
  double x = (width - ICON_WIDTH) / 2.0, y = (height - ICON_HEIGHT) / 2.0;

  /* A tile of paper under it, as on the canvas, also in dark mode. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + ICON_WIDTH - 4, y + 4, 4, -G_PI / 2, 0);
  cairo_arc (cr, x + ICON_WIDTH - 4, y + ICON_HEIGHT - 4, 4, 0, G_PI / 2);
  cairo_arc (cr, x + 4, y + ICON_HEIGHT - 4, 4, G_PI / 2, G_PI);
  cairo_arc (cr, x + 4, y + 4, 4, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  cairo_translate (cr, x, y);
  flexo_painter_draw (self->painter, cr, e->diagram, NULL, 1.0);
}

/* -------------------------------------------------------------- activity -- */

static Entry *
find_entry (FlexoPaletteView *self,
            FlexoPaletteItem *item)
{
  for (guint i = 0; item != NULL && i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);

      if (e->item == item)
        return e;
    }
  for (guint i = 0; item != NULL && i < self->model_entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->model_entries, i);

      if (e->item == item)
        return e;
    }
  return NULL;
}

static void
sync_buttons (FlexoPaletteView *self)
{
  self->updating = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->pointer), self->active == NULL);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (e->button), e->item == self->active);
    }
  for (guint i = 0; i < self->model_entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->model_entries, i);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (e->button), e->item == self->active);
    }
  self->updating = FALSE;
}

void
flexo_palette_view_set_active_item (FlexoPaletteView *self,
                                    FlexoPaletteItem *item)
{
  g_return_if_fail (FLEXO_IS_PALETTE_VIEW (self));

  if (item == self->active)
    {
      sync_buttons (self);
      return;
    }
  g_clear_pointer (&self->active, flexo_palette_item_unref);
  if (item != NULL)
    self->active = flexo_palette_item_ref (item);
  sync_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_ITEM]);
}

FlexoPaletteItem *
flexo_palette_view_get_active_item (FlexoPaletteView *self)
{
  g_return_val_if_fail (FLEXO_IS_PALETTE_VIEW (self), NULL);

  return self->active;
}

static void
item_toggled (GtkToggleButton  *button,
              FlexoPaletteView *self)
{
  Entry *e = g_object_get_data (G_OBJECT (button), "entry");

  if (self->updating)
    return;

  /* Picking the active item again goes back to the pointer. */
  if (!gtk_toggle_button_get_active (button))
    {
      flexo_palette_view_set_active_item (self, NULL);
      return;
    }
  flexo_palette_view_set_active_item (self, e->item);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, e->item);
}

static void
pointer_toggled (GtkToggleButton  *button,
                 FlexoPaletteView *self)
{
  if (self->updating)
    return;
  flexo_palette_view_set_active_item (self, NULL);
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             FlexoPaletteView      *self)
{
  if (keyval == GDK_KEY_Escape && self->active != NULL)
    {
      flexo_palette_view_set_active_item (self, NULL);
      return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------- dnd -- */

static GdkContentProvider *
drag_prepare (GtkDragSource *source,
              double         x,
              double         y,
              Entry         *e)
{
  return gdk_content_provider_new_typed (FLEXO_TYPE_PALETTE_ITEM, e->item);
}

static void
drag_begin (GtkDragSource *source,
            GdkDrag       *drag,
            Entry         *e)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (e->icon);

  gtk_drag_source_set_icon (source, paintable, ICON_WIDTH / 2, ICON_HEIGHT / 2);
}

/* ---------------------------------------------------------------- filter -- */

static gboolean
filter_func (GtkFlowBoxChild *child,
             gpointer         user_data)
{
  FlexoPaletteView *self = user_data;
  Entry *e = g_object_get_data (G_OBJECT (gtk_flow_box_child_get_child (child)), "entry");

  if (self->filter == NULL || *self->filter == '\0')
    return TRUE;
  /* Word prefixes, ignoring case and accents ("ell" finds "Ellipse"). */
  return g_str_match_string (self->filter, flexo_palette_item_get_name (e->item), TRUE);
}

static gboolean
any_visible (FlexoPaletteView *self,
             FlexoPaletteItemKind kind)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);

      if (flexo_palette_item_get_kind (e->item) == kind &&
          (self->filter == NULL || *self->filter == '\0' ||
           g_str_match_string (self->filter, flexo_palette_item_get_name (e->item), TRUE)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
any_child_matches (FlexoPaletteView *self,
                   GtkWidget        *flow)
{
  for (GtkWidget *child = gtk_widget_get_first_child (flow); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (filter_func (GTK_FLOW_BOX_CHILD (child), self))
      return TRUE;
  return FALSE;
}

void
flexo_palette_view_set_filter (FlexoPaletteView *self,
                               const char       *query)
{
  g_return_if_fail (FLEXO_IS_PALETTE_VIEW (self));

  g_free (self->filter);
  self->filter = g_strdup (query);
  gtk_flow_box_invalidate_filter (GTK_FLOW_BOX (self->shapes));
  gtk_flow_box_invalidate_filter (GTK_FLOW_BOX (self->connectors));
  gtk_flow_box_invalidate_filter (GTK_FLOW_BOX (self->model));
  gtk_flow_box_invalidate_filter (GTK_FLOW_BOX (self->used));
  for (GtkWidget *child = gtk_widget_get_first_child (self->user); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_FLOW_BOX (child))
      gtk_flow_box_invalidate_filter (GTK_FLOW_BOX (child));
  gtk_widget_set_visible (self->shapes_label, any_visible (self, FLEXO_PALETTE_ITEM_SHAPE));
  gtk_widget_set_visible (self->connectors_label, any_visible (self, FLEXO_PALETTE_ITEM_CONNECTOR));
  /* The used looks' and the other concepts' headings, when one of their
   * items matches. */
  gtk_widget_set_visible (self->used_label, any_child_matches (self, self->used));
  gtk_widget_set_visible (self->model_label, any_child_matches (self, self->model));
}

static void
search_changed (GtkSearchEntry   *entry,
                FlexoPaletteView *self)
{
  flexo_palette_view_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* ------------------------------------------------------------ building -- */

static void
add_entry (FlexoPaletteView *self,
           GtkWidget        *flow,
           FlexoPaletteItem *item)
{
  flexo_palette_view_add_entry_to (self, flow, item, self->entries, self->items);
}

void
flexo_palette_view_add_entry_to (FlexoPaletteView *self,
                                 GtkWidget        *flow,
              FlexoPaletteItem *item,
              GPtrArray        *entries,
              GPtrArray        *items)
{
  Entry *e = g_new0 (Entry, 1);
  GtkWidget *box, *label;
  GtkDragSource *source;

  e->item = item;
  build_icon_document (self, e);

  e->icon = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (e->icon), ICON_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (e->icon), ICON_HEIGHT);
  g_object_set_data (G_OBJECT (e->icon), "palette", self);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (e->icon), draw_icon, e, NULL);

  label = gtk_label_new (flexo_palette_item_get_name (item));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 9);
  gtk_widget_add_css_class (label, "caption");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (box), e->icon);
  gtk_box_append (GTK_BOX (box), label);

  e->button = gtk_toggle_button_new ();
  gtk_button_set_child (GTK_BUTTON (e->button), box);
  gtk_widget_add_css_class (e->button, "flat");
  gtk_widget_add_css_class (e->button, "flexo-palette-item");
  flexo_widget_set_tooltip (e->button, flexo_palette_item_get_name (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, flexo_palette_item_get_name (item),
                                  -1);
  g_object_set_data (G_OBJECT (e->button), "entry", e);
  g_signal_connect (e->button, "toggled", G_CALLBACK (item_toggled), self);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare), e);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin), e);
  gtk_widget_add_controller (e->button, GTK_EVENT_CONTROLLER (source));

  gtk_flow_box_append (GTK_FLOW_BOX (flow), e->button);
  g_ptr_array_add (entries, e);
  g_ptr_array_add (items, item);
}

GtkWidget *
flexo_palette_view_new_flow_box (FlexoPaletteView *self,
              const char       *name)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 8);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_filter_func (GTK_FLOW_BOX (flow), filter_func, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return flow;
}

GtkWidget *
flexo_palette_view_new_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_top (label, 8);
  return label;
}

static void
build (FlexoPaletteView *self)
{
  GtkWidget *scrolled, *content, *pointer_box;
  GtkEventController *keys;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Search Shapes"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Shapes"),
                                  -1);
  gtk_widget_set_margin_start (self->search, 6);
  gtk_widget_set_margin_end (self->search, 6);
  gtk_widget_set_margin_top (self->search, 6);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (search_changed), self);
  gtk_box_append (GTK_BOX (self->box), self->search);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_start (content, 4);
  gtk_widget_set_margin_end (content, 4);
  gtk_widget_set_margin_bottom (content, 6);

  self->pointer = gtk_toggle_button_new ();
  pointer_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (pointer_box), gtk_image_new_from_icon_name ("input-mouse-symbolic"));
  gtk_box_append (GTK_BOX (pointer_box), gtk_label_new (_("Select")));
  gtk_button_set_child (GTK_BUTTON (self->pointer), pointer_box);
  gtk_widget_add_css_class (self->pointer, "flat");
  flexo_widget_set_tooltip (self->pointer, _("Select and move (Escape)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pointer),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Select"),
                                  -1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->pointer), TRUE);
  g_signal_connect (self->pointer, "toggled", G_CALLBACK (pointer_toggled), self);
  gtk_box_append (GTK_BOX (content), self->pointer);

  self->user = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (content), self->user);

  self->model_label = flexo_palette_view_new_heading (_("Concepts"));
  gtk_widget_set_visible (self->model_label, FALSE);
  gtk_box_append (GTK_BOX (content), self->model_label);
  self->model = flexo_palette_view_new_flow_box (self, _("Concepts"));
  gtk_widget_set_visible (self->model, FALSE);
  gtk_box_append (GTK_BOX (content), self->model);

  self->shapes_label = flexo_palette_view_new_heading (_("Shapes"));
  gtk_box_append (GTK_BOX (content), self->shapes_label);
  self->shapes = flexo_palette_view_new_flow_box (self, _("Shapes"));
  gtk_box_append (GTK_BOX (content), self->shapes);
  self->connectors_label = flexo_palette_view_new_heading (_("Connectors"));
  gtk_box_append (GTK_BOX (content), self->connectors_label);
  self->connectors = flexo_palette_view_new_flow_box (self, _("Connectors"));
  gtk_box_append (GTK_BOX (content), self->connectors);
  /* Last, so that drawing a new look never moves the built-in shapes. */
  self->used_label = flexo_palette_view_new_heading (_("Used Shapes"));
  flexo_widget_set_tooltip (self->used_label, _("The looks of the shapes drawn so far, to draw more of them"));
  gtk_widget_set_visible (self->used_label, FALSE);
  gtk_box_append (GTK_BOX (content), self->used_label);
  self->used = flexo_palette_view_new_flow_box (self, _("Used Shapes"));
  gtk_widget_set_visible (self->used, FALSE);
  gtk_box_append (GTK_BOX (content), self->used);
  self->suggestions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (self->suggestions, 6);
  gtk_widget_set_margin_end (self->suggestions, 6);
  gtk_box_append (GTK_BOX (content), self->suggestions);


  for (guint i = 0; i < G_N_ELEMENTS (shape_defs); i++)
    {
      g_autoptr(FlexoStyle) style = flexo_style_new ();

      FlexoPaletteItem *item;

      flexo_style_set_shape_kind (style, shape_defs[i].kind);
      item = flexo_palette_item_new_shape (_(shape_defs[i].name), style, shape_defs[i].width, shape_defs[i].height);
      if (shape_defs[i].kind == FLEXO_SHAPE_FREEFORM)
        {
          g_autoptr(FlexoPath) form = flexo_path_new_from_data (polygon_form, NULL);

          flexo_palette_item_set_form (item, form);
        }
      add_entry (self, self->shapes, item);
    }
  for (guint i = 0; i < G_N_ELEMENTS (connector_defs); i++)
    {
      g_autoptr(FlexoStyle) style = flexo_style_new ();

      flexo_style_set_routing (style, connector_defs[i].routing);
      flexo_style_set_arrow_start (style, connector_defs[i].start);
      flexo_style_set_arrow_end (style, connector_defs[i].end);
      if (connector_defs[i].dash != FLEXO_DASH_SOLID)
        flexo_style_set_dash (style, connector_defs[i].dash);
      add_entry (self, self->connectors,
                 flexo_palette_item_new_connector (_(connector_defs[i].name), style));
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_box_append (GTK_BOX (self->box), scrolled);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* --------------------------------------------------------- the model -- */

/* A concept's shape size: its palette entry's, else a common one. */
static void
concept_size (FlexoDocument *document,
              FlexoConcept  *concept,
              double        *w,
              double        *h)
{
  GPtrArray *palettes = flexo_document_get_palettes (document);

  *w = 120;
  *h = 60;
  for (guint i = 0; i < palettes->len; i++)
    {
      GPtrArray *entries = flexo_palette_get_entries (g_ptr_array_index (palettes, i));

      for (guint j = 0; entries != NULL && j < entries->len; j++)
        if (flexo_palette_entry_get_concept (g_ptr_array_index (entries, j)) == concept)
          {
            flexo_palette_entry_get_size (g_ptr_array_index (entries, j), w, h);
            if (*w > 0 && *h > 0)
              return;
          }
    }
  *w = 120;
  *h = 60;
}

static const char *
kind_name (FlexoShapeKind kind)
{
  /* (the palette's free form is a polygon; a drawing's may be any form) */
  if (kind == FLEXO_SHAPE_FREEFORM)
    return _("Free Form");
  for (guint i = 0; i < G_N_ELEMENTS (shape_defs); i++)
    if (shape_defs[i].kind == kind)
      return _(shape_defs[i].name);
  return _("Shape");
}

/* What a colour is called, roughly: for suggestions ("yellow"). */
static const char *
color_name (FlexoColor color)
{
  double r = FLEXO_COLOR_RED (color) / 255.0, g = FLEXO_COLOR_GREEN (color) / 255.0;
  double b = FLEXO_COLOR_BLUE (color) / 255.0, a = (color & 0xff) / 255.0;
  double max = MAX (r, MAX (g, b)), min = MIN (r, MIN (g, b)), l = (max + min) / 2, d = max - min;
  double sat = d == 0 ? 0 : d / (1 - fabs (2 * l - 1)), hue;

  if (a < 0.1)
    return _("transparent");
  if (sat < 0.15 || d < 0.04)
    return l > 0.9 ? _("white") : l < 0.15 ? _("black") : _("grey");
  if (max == r)
    hue = fmod ((g - b) / d, 6) * 60;
  else if (max == g)
    hue = ((b - r) / d + 2) * 60;
  else
    hue = ((r - g) / d + 4) * 60;
  if (hue < 0)
    hue += 360;
  if (hue < 15 || hue >= 345)
    return l > 0.75 ? _("pink") : _("red");
  if (hue < 40)
    return l < 0.35 ? _("brown") : _("orange");
  if (hue < 70)
    return _("yellow");
  if (hue < 170)
    return _("green");
  if (hue < 255)
    return _("blue");
  if (hue < 300)
    return _("purple");
  return _("pink");
}

static void
suggestion_clicked (GtkButton        *button,
                    FlexoPaletteView *self)
{
  FlexoShape *example = g_object_get_data (G_OBJECT (button), "example");

  if (flexo_object_is_live (FLEXO_OBJECT (example)))
    g_signal_emit (self, signals[CONCEPT_SUGGESTED], 0, example);
}

/* For a look drawn three times or more: how many, and a button that
 * offers to make them a concept. */
static void
add_suggestion (FlexoPaletteView *self,
                FlexoUsedLook    *look)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label, *button;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  /* Translators: a suggestion under Used Shapes: how many shapes look
   * alike, their kind and colour, e.g. "12 shapes alike (Note, yellow)". */
  text = g_strdup_printf (ngettext ("%u shape alike (%s, %s)", "%u shapes alike (%s, %s)", look->count),
                          look->count, kind_name (look->look->shape_kind), color_name (look->look->fill));
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), label);
  button = gtk_button_new_with_label (_("Make a Concept…"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "caption");
  /* Translators: the tooltip of a suggestion's button. */
  tooltip = g_strdup_printf (_("Make the %u shapes that look alike instances of a new concept"), look->count);
  flexo_widget_set_tooltip (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_set_data_full (G_OBJECT (button), "example", g_object_ref (look->example), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (suggestion_clicked), self);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (self->suggestions), row);
}

/* One entry per look of the free shapes drawn, sized as its first shape;
 * the section goes with the last of them. */
static void
add_used_shapes (FlexoPaletteView *self)
{
  g_autoptr(GPtrArray) looks = self->document != NULL ? flexo_document_dup_used_looks (self->document) : NULL;
  guint first = self->model_entries->len;

  for (guint i = 0; looks != NULL && i < looks->len; i++)
    {
      FlexoUsedLook *look = g_ptr_array_index (looks, i);
      const FlexoRect *b = flexo_shape_get_bounds (look->example);
      g_autofree char *tooltip = NULL;
      Entry *e;

      FlexoPaletteItem *item = flexo_palette_item_new_shape (kind_name (look->look->shape_kind), look->look,
                                                             fabs (b->width), fabs (b->height));

      /* Free forms alike in style draw more of the first one's form. */
      if (look->look->shape_kind == FLEXO_SHAPE_FREEFORM)
        flexo_palette_item_set_form (item, flexo_shape_get_form (look->example));
      flexo_palette_view_add_entry_to (self, self->used, item, self->model_entries, self->model_items);
      e = g_ptr_array_index (self->model_entries, self->model_entries->len - 1);
      /* Translators: the tooltip of a look in the Used Shapes section. */
      tooltip = g_strdup_printf (ngettext ("%s, drawn %u time", "%s, drawn %u times", look->count),
                                 kind_name (look->look->shape_kind), look->count);
      flexo_widget_set_tooltip (e->button, tooltip);
      if (look->count >= 3)
        add_suggestion (self, look);
    }
  gtk_widget_set_visible (self->used, self->model_entries->len > first);
  gtk_widget_set_visible (self->used_label, self->model_entries->len > first);
}

static void
rebuild_model (FlexoPaletteView *self)
{
  GtkWidget *child;
  GPtrArray *concepts, *relations;
  g_autoptr(GHashTable) covered = g_hash_table_new (NULL, NULL);
  gboolean any_palette = FALSE;
  guint n_listed;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  /* The active tool may be one of the items going away. */
  if (self->active != NULL && (flexo_palette_item_get_concept (self->active) != NULL ||
                               flexo_palette_item_get_relation (self->active) != NULL ||
                               find_entry (self, self->active) == NULL ||
                               find_entry (self, self->active)->source != NULL))
    flexo_palette_view_set_active_item (self, NULL);
  while ((child = gtk_widget_get_first_child (self->model)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->model), child);
  while ((child = gtk_widget_get_first_child (self->user)) != NULL)
    gtk_box_remove (GTK_BOX (self->user), child);
  while ((child = gtk_widget_get_first_child (self->used)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->used), child);
  while ((child = gtk_widget_get_first_child (self->suggestions)) != NULL)
    gtk_box_remove (GTK_BOX (self->suggestions), child);
  g_ptr_array_set_size (self->model_entries, 0);
  g_ptr_array_set_size (self->model_items, 0);

  if (self->document != NULL)
    {
      GPtrArray *palettes = flexo_document_get_palettes (self->document);

      for (guint i = 0; i < palettes->len; i++)
        {
          flexo_palette_view_add_user_palette (self, g_ptr_array_index (palettes, i), covered);
          any_palette = TRUE;
        }
      n_listed = self->model_entries->len;

      /* What the palettes do not show yet. */
      concepts = flexo_document_get_concepts (self->document);
      relations = flexo_document_get_relations (self->document);
      for (guint i = 0; i < concepts->len; i++)
        {
          FlexoConcept *concept = g_ptr_array_index (concepts, i);
          double w, h;

          if (flexo_concept_get_abstract (concept) || g_hash_table_contains (covered, concept))
            continue;
          FlexoPaletteItem *item;

          concept_size (self->document, concept, &w, &h);
          item = flexo_palette_item_new_concept (concept, NULL, w, h);
          flexo_palette_item_set_form (item, flexo_concept_find_form (concept));
          flexo_palette_view_add_entry_to (self, self->model, item, self->model_entries, self->model_items);
        }
      for (guint i = 0; i < relations->len; i++)
        if (!g_hash_table_contains (covered, g_ptr_array_index (relations, i)))
          flexo_palette_view_add_entry_to (self, self->model, flexo_palette_item_new_relation (g_ptr_array_index (relations, i), NULL),
                        self->model_entries, self->model_items);
    }
  else
    n_listed = 0;
  gtk_label_set_label (GTK_LABEL (self->model_label), any_palette ? _("Other Concepts") : _("Concepts"));
  gtk_widget_set_visible (self->model, self->model_entries->len > n_listed);
  gtk_widget_set_visible (self->model_label, self->model_entries->len > n_listed);
  add_used_shapes (self);
  /* A search under way filters the new items too. */
  if (self->filter != NULL && *self->filter != '\0')
    {
      gtk_widget_set_visible (self->used_label, any_child_matches (self, self->used));
      gtk_widget_set_visible (self->model_label, any_child_matches (self, self->model));
    }
}

static gboolean
rebuild_cb (gpointer data)
{
  FlexoPaletteView *self = data;

  self->rebuild_id = 0;
  rebuild_model (self);
  return G_SOURCE_REMOVE;
}

static void
touches_metamodel (FlexoObject *object,
                   guint64      what,
                   gpointer     user_data)
{
  gboolean *touched = user_data;

  /* Concepts, relations and palettes added, removed (a move is both),
   * renamed or restyled; not instances, links or diagrams. */
  if (FLEXO_IS_CONCEPT (object) || FLEXO_IS_RELATION (object) || FLEXO_IS_PALETTE_ENTRY (object) ||
      FLEXO_IS_PALETTE (object))
    *touched = TRUE;
  /* The looks drawn: shapes come, go, change style or get classified. */
  if (FLEXO_IS_SHAPE (object) &&
      (what & (FLEXO_CHANGE_INSERTED | FLEXO_CHANGE_REMOVED | FLEXO_CHANGE_FIELD (FLEXO_FIELD_STYLE) |
               FLEXO_CHANGE_FIELD (FLEXO_FIELD_INSTANCE))))
    *touched = TRUE;
}

static void
document_changed (FlexoDocument    *document,
                  FlexoChanges     *changes,
                  FlexoPaletteView *self)
{
  gboolean touched = FALSE;

  flexo_changes_foreach (changes, touches_metamodel, &touched);
  if (touched && self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

void
flexo_palette_view_set_document (FlexoPaletteView *self,
                                 FlexoDocument    *document)
{
  g_return_if_fail (FLEXO_IS_PALETTE_VIEW (self));

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (document_changed), self);
  rebuild_model (self);
}

GPtrArray *
flexo_palette_view_get_model_items (FlexoPaletteView *self)
{
  g_return_val_if_fail (FLEXO_IS_PALETTE_VIEW (self), NULL);

  return self->model_items;
}

/* ---------------------------------------------------------------- public -- */

void
flexo_palette_view_set_default_style (FlexoPaletteView *self,
                                      const FlexoStyle *style)
{
  g_return_if_fail (FLEXO_IS_PALETTE_VIEW (self));

  g_clear_pointer (&self->default_style, flexo_style_free);
  if (style != NULL)
    self->default_style = flexo_style_copy (style);
  for (guint i = 0; i < self->entries->len; i++)
    restyle_icon (self, g_ptr_array_index (self->entries, i));
}

GPtrArray *
flexo_palette_view_get_items (FlexoPaletteView *self)
{
  g_return_val_if_fail (FLEXO_IS_PALETTE_VIEW (self), NULL);

  return self->items;
}

GtkWidget *
flexo_palette_view_get_button (FlexoPaletteView *self,
                               FlexoPaletteItem *item)
{
  Entry *e;

  g_return_val_if_fail (FLEXO_IS_PALETTE_VIEW (self), NULL);

  if (item == NULL)
    return self->pointer;
  e = find_entry (self, item);
  return e != NULL ? e->button : NULL;
}

static void
flexo_palette_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FlexoPaletteView *self = FLEXO_PALETTE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ACTIVE_ITEM:
      g_value_set_boxed (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flexo_palette_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FlexoPaletteView *self = FLEXO_PALETTE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ACTIVE_ITEM:
      flexo_palette_view_set_active_item (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flexo_palette_view_dispose (GObject *object)
{
  FlexoPaletteView *self = FLEXO_PALETTE_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (flexo_palette_view_parent_class)->dispose (object);
}

static void
flexo_palette_view_finalize (GObject *object)
{
  FlexoPaletteView *self = FLEXO_PALETTE_VIEW (object);

  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->model_entries);
  g_ptr_array_unref (self->model_items);
  g_clear_pointer (&self->active, flexo_palette_item_unref);
  g_clear_pointer (&self->default_style, flexo_style_free);
  g_clear_pointer (&self->painter, flexo_painter_free);
  g_free (self->filter);

  G_OBJECT_CLASS (flexo_palette_view_parent_class)->finalize (object);
}

static void
flexo_palette_view_class_init (FlexoPaletteViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = flexo_palette_view_get_property;
  object_class->set_property = flexo_palette_view_set_property;
  object_class->dispose = flexo_palette_view_dispose;
  object_class->finalize = flexo_palette_view_finalize;

  properties[PROP_ACTIVE_ITEM] =
    g_param_spec_boxed ("active-item", NULL, NULL,
                        FLEXO_TYPE_PALETTE_ITEM,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CONCEPT_SUGGESTED] =
    g_signal_new ("concept-suggested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FLEXO_TYPE_SHAPE);

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FLEXO_TYPE_PALETTE_ITEM);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flexopalette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
flexo_palette_view_init (FlexoPaletteView *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  /* The entries own the items; this lists them. */
  self->items = g_ptr_array_new ();
  self->model_entries = g_ptr_array_new_with_free_func (entry_free);
  self->model_items = g_ptr_array_new ();
  self->painter = flexo_painter_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Palette"),
                                  -1);
  build (self);
  flexo_palette_view_init_user_actions (self);
}

GtkWidget *
flexo_palette_view_new (void)
{
  return g_object_new (FLEXO_TYPE_PALETTE_VIEW, NULL);
}
