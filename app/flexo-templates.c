/* flexo-templates.c — the built-in kits and the gallery that offers them
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "flexo-conceptualize.h"
#include "flexo-format.h"
#include "flexo-painter.h"
#include "flexo-templates.h"
#include "flexo-window-private.h"
#include "flexo-widget-util.h"

#define CARD_WIDTH  280
#define CARD_HEIGHT 180

static const FlexoTemplate templates[] = {
  { "uml-class", N_("UML Class Diagram"),
    N_("Classes, interfaces and enumerations with inheritance, associations, composition and aggregation") },
  { "entity-relationship", N_("Entity–Relationship"),
    N_("Entities with their attributes, joined by crow’s foot relationships") },
  { "flowchart", N_("Flowchart"),
    N_("Steps, decisions, inputs and outputs, documents, and the flow between them") },
  { "business-process", N_("Business Process"),
    N_("Events, tasks and gateways in lanes, BPMN style, with the data they use") },
  { "mind-map", N_("Mind Map"),
    N_("A central topic, its branches and ideas, for workshops and brainstorming") },
  { "petri-net", N_("Petri Net"),
    N_("Places with tokens, transitions, and the arcs between them") },
};

const FlexoTemplate *
flexo_templates_get_all (guint *n_templates)
{
  if (n_templates != NULL)
    *n_templates = G_N_ELEMENTS (templates);
  return templates;
}

FlexoDocument *
flexo_template_load (const char  *id,
                     gboolean     with_example,
                     GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  FlexoDocument *document;

  g_return_val_if_fail (id != NULL, NULL);

  path = g_strdup_printf ("/io/github/flexo/Flexo/kits/%s.flexo", id);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  name = g_strdup_printf ("%s.flexo", id);
  document = flexo_native_load_bytes (bytes, name, error);
  if (document == NULL)
    return NULL;
  if (!with_example)
    flexo_document_drop_model (document, _("Diagram 1"));
  flexo_document_clear_history (document);
  flexo_document_set_saved (document);
  return document;
}

/* ------------------------------------------------------------- gallery -- */

typedef struct
{
  FlexoWindow   *parent;
  GtkWidget     *window;
  GtkWidget     *with_example;
  FlexoPainter  *painter;
} Gallery;

static void
gallery_free (gpointer data)
{
  Gallery *gallery = data;

  g_clear_pointer (&gallery->painter, flexo_painter_free);
  g_clear_weak_pointer (&gallery->parent);
  g_free (gallery);
}

static void
draw_card (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  Gallery *gallery = user_data;
  FlexoDocument *document = g_object_get_data (G_OBJECT (area), "document");
  FlexoDiagram *diagram;
  FlexoRect extents;
  double scale;

  /* Paper, as on the canvas, also in dark mode. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (document == NULL || flexo_document_get_diagrams (document)->len == 0)
    return;
  diagram = g_ptr_array_index (flexo_document_get_diagrams (document), 0);
  if (!flexo_painter_get_extents (gallery->painter, diagram, &extents))
    return;
  scale = MIN ((width - 16) / extents.width, (height - 16) / extents.height);
  scale = MIN (scale, 1);
  cairo_translate (cr, (width - extents.width * scale) / 2, (height - extents.height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -extents.x, -extents.y);
  flexo_painter_draw (gallery->painter, cr, diagram, NULL, scale);
}

static void
card_clicked (GtkButton *button,
              Gallery   *gallery)
{
  const char *id = g_object_get_data (G_OBJECT (button), "template");
  g_autoptr(FlexoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  FlexoWindow *target = gallery->parent;

  if (target == NULL)
    return;
  document = flexo_template_load (id, gtk_check_button_get_active (GTK_CHECK_BUTTON (gallery->with_example)), &error);
  if (document == NULL)
    {
      g_warning ("Cannot open the template %s: %s", id, error->message);
      return;
    }
  if (!flexo_window_is_pristine (target))
    target = flexo_window_new (FLEXO_APPLICATION (gtk_window_get_application (GTK_WINDOW (target))));
  flexo_window_set_document (target, document, NULL);
  gtk_window_present (GTK_WINDOW (target));
  gtk_window_destroy (GTK_WINDOW (gallery->window));
}

static GtkWidget *
card_new (Gallery             *gallery,
          const FlexoTemplate *template)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *title = gtk_label_new (_(template->title));
  GtkWidget *description = gtk_label_new (_(template->description));
  g_autoptr(GError) error = NULL;
  FlexoDocument *document = flexo_template_load (template->id, TRUE, &error);

  if (document == NULL)
    g_warning ("Cannot read the template %s: %s", template->id, error->message);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), CARD_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), CARD_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_card, gallery, NULL);
  g_object_set_data_full (G_OBJECT (area), "document", document, g_object_unref);
  gtk_widget_add_css_class (area, "card");
  gtk_widget_set_overflow (area, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (box), area);

  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 36);
  gtk_label_set_justify (GTK_LABEL (description), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_add_css_class (description, "caption");
  gtk_box_append (GTK_BOX (box), description);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  flexo_widget_set_tooltip (button, _(template->description));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _(template->title), -1);
  g_object_set_data (G_OBJECT (button), "template", (gpointer) template->id);
  g_signal_connect (button, "clicked", G_CALLBACK (card_clicked), gallery);
  return button;
}

GtkWidget *
flexo_template_gallery_new (FlexoWindow *parent)
{
  Gallery *gallery = g_new0 (Gallery, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  g_return_val_if_fail (FLEXO_IS_WINDOW (parent), NULL);

  g_set_weak_pointer (&gallery->parent, parent);
  gallery->window = window;
  gallery->painter = flexo_painter_new ();
  g_object_set_data_full (G_OBJECT (window), "gallery", gallery, gallery_free);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("New from Template"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_widget_set_margin_start (flow, 18);
  gtk_widget_set_margin_end (flow, 18);
  gtk_widget_set_margin_top (flow, 18);
  gtk_widget_set_margin_bottom (flow, 18);
  gtk_widget_set_valign (flow, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Templates"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    gtk_flow_box_insert (GTK_FLOW_BOX (flow), card_new (gallery, &templates[i]), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), flow);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  gallery->with_example = gtk_check_button_new_with_mnemonic (_("Include the _example"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gallery->with_example), TRUE);
  flexo_widget_set_tooltip (gallery->with_example,
                               _("Start with the example drawn with the template, or with an empty diagram"));
  gtk_box_append (GTK_BOX (bottom), gallery->with_example);
  gtk_widget_set_margin_start (bottom, 18);
  gtk_widget_set_margin_end (bottom, 18);
  gtk_widget_set_margin_bottom (bottom, 12);
  gtk_box_append (GTK_BOX (box), bottom);

  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape"),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  gtk_window_set_title (GTK_WINDOW (window), _("New from Template"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (parent));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1040, 680);
  return window;
}
