/* flexo-canvas-text.c — in-place text editing
 *
 * A GtkTextView, child of the canvas, laid over the shape (or around the
 * middle of the connector) in the shape's font at the current zoom.
 * Enter starts a new line; Ctrl+Enter or a click elsewhere keeps the
 * text, Escape drops it. The edit is one history entry.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "flexo-canvas-private.h"
#include "flexo-route.h"
#include "flexo-widget-util.h"

#define LABEL_EDITOR_WIDTH 160.0
#define MIN_EDITOR_HEIGHT 24.0

/* The property an instance's shape edits in place: its "name". */
static FlexoProperty *
name_property (FlexoShape *shape)
{
  FlexoInstance *instance = flexo_shape_get_instance (shape);
  FlexoConcept *concept = instance != NULL ? flexo_instance_get_concept (instance) : NULL;

  return concept != NULL ? flexo_concept_find_property (concept, "name") : NULL;
}

static char *
item_text (gpointer item)
{
  if (FLEXO_IS_SHAPE (item) && flexo_shape_get_instance (item) != NULL)
    {
      FlexoProperty *property = name_property (item);
      const char *value = property != NULL ? flexo_instance_get_value (flexo_shape_get_instance (item), property) : NULL;

      return g_strdup (value != NULL ? value : "");
    }
  if (FLEXO_IS_SHAPE (item))
    return g_strdup (flexo_shape_get_text (item) != NULL ? flexo_shape_get_text (item) : "");
  return g_strdup (flexo_connector_get_label (item, FLEXO_LABEL_MIDDLE) != NULL
                   ? flexo_connector_get_label (item, FLEXO_LABEL_MIDDLE) : "");
}

/* Where the editor goes, widget coordinates. */
static graphene_rect_t
editor_area (FlexoCanvas *self)
{
  double x, y, w, h;

  if (FLEXO_IS_SHAPE (self->edited_item))
    {
      FlexoRect box = flexo_rect_normalize (*flexo_shape_get_bounds (self->edited_item));

      flexo_canvas_diagram_to_view (self, FLEXO_POINT_INIT (box.x, box.y), &x, &y);
      w = box.width * self->zoom;
      h = box.height * self->zoom;
    }
  else
    {
      FlexoPoint p = flexo_connector_label_position (self->edited_item, FLEXO_LABEL_MIDDLE);

      w = LABEL_EDITOR_WIDTH;
      h = MIN_EDITOR_HEIGHT;
      flexo_canvas_diagram_to_view (self, p, &x, &y);
      x -= w / 2;
      y -= h / 2;
    }
  w = MAX (w, 48);
  h = MAX (h, MIN_EDITOR_HEIGHT);
  return GRAPHENE_RECT_INIT (x, y, w, h);
}

void
flexo_canvas_place_editor (FlexoCanvas *self)
{
  graphene_rect_t r;
  GtkRequisition min;
  int height;

  if (self->editor == NULL || self->edited_item == NULL)
    return;

  r = editor_area (self);
  gtk_widget_get_preferred_size (self->editor, &min, NULL);
  height = MAX ((int) ceil (r.size.height), min.height);
  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) { (int) floor (r.origin.x), (int) floor (r.origin.y),
                                               MAX ((int) ceil (r.size.width), min.width), height },
                            -1);
}

static void
apply_font (FlexoCanvas *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "flexo-font");
  GtkTextIter start, end;
  FlexoStyle style;
  GdkRGBA color;
  double size;

  if (FLEXO_IS_SHAPE (self->edited_item))
    flexo_shape_resolve_style (self->edited_item, &style);
  else
    flexo_connector_resolve_style (self->edited_item, &style);

  /* Font sizes are diagram units: points at zoom 1, 96 dpi. */
  size = MAX (style.font_size * self->zoom * 72.0 / 96.0, 4.0);
  color = (GdkRGBA) { FLEXO_COLOR_RED (style.text_color) / 255.0, FLEXO_COLOR_GREEN (style.text_color) / 255.0,
                      FLEXO_COLOR_BLUE (style.text_color) / 255.0, 1.0 };
  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, "flexo-font", NULL);
  g_object_set (tag,
                "family", style.font_family != NULL ? style.font_family : "Sans",
                "size-points", size,
                "weight", (int) style.font_weight,
                "style", style.font_style == FLEXO_FONT_STYLE_ITALIC ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL,
                "foreground-rgba", &color,
                NULL);
  gtk_text_view_set_justification (GTK_TEXT_VIEW (self->editor),
                                   style.align == FLEXO_ALIGN_LEFT ? GTK_JUSTIFY_LEFT :
                                   style.align == FLEXO_ALIGN_RIGHT ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_CENTER);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
}

static void
buffer_changed (GtkTextBuffer *buffer,
                FlexoCanvas   *self)
{
  apply_font (self);
}

static gboolean
editor_key_pressed (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    FlexoCanvas           *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      flexo_canvas_stop_editing (self, FALSE);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      flexo_canvas_stop_editing (self, TRUE);
      return TRUE;
    }
  return FALSE;
}

static void
editor_focus_leave (GtkEventControllerFocus *controller,
                    FlexoCanvas             *self)
{
  flexo_canvas_stop_editing (self, TRUE);
}

gboolean
flexo_canvas_start_editing (FlexoCanvas *self,
                            gpointer     item)
{
  g_autofree char *text = NULL;
  GtkEventController *controller;
  GtkTextBuffer *buffer;

  g_return_val_if_fail (FLEXO_IS_CANVAS (self), FALSE);

  if (item == NULL || (!FLEXO_IS_SHAPE (item) && !FLEXO_IS_CONNECTOR (item)) ||
      self->document == NULL || flexo_document_in_transaction (self->document))
    return FALSE;
  /* An instance's shape edits its name; without one, its label is its
   * properties', edited in the inspector. */
  if (FLEXO_IS_SHAPE (item) && flexo_shape_get_instance (item) != NULL && name_property (item) == NULL)
    return FALSE;

  flexo_canvas_stop_editing (self, TRUE);

  self->edited_item = g_object_ref (item);
  self->editor = gtk_text_view_new ();
  gtk_widget_add_css_class (self->editor, "flexo-text-editor");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->editor), FALSE);
  flexo_widget_set_tooltip (self->editor, _("Ctrl+Enter or a click elsewhere keeps the text, Escape cancels"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text"),
                                  -1);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  text = item_text (item);
  gtk_text_buffer_set_text (buffer, text, -1);
  apply_font (self);
  g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed), self);
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    gtk_text_buffer_select_range (buffer, &start, &end);
  }

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (editor_key_pressed), self);
  gtk_widget_add_controller (self->editor, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (editor_focus_leave), self);
  gtk_widget_add_controller (self->editor, controller);

  flexo_canvas_place_editor (self);
  gtk_widget_grab_focus (self->editor);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

gboolean
flexo_canvas_is_editing (FlexoCanvas *self)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), FALSE);

  return self->editor != NULL;
}

GtkWidget *
flexo_canvas_get_editor (FlexoCanvas *self)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), NULL);

  return self->editor;
}

void
flexo_canvas_stop_editing (FlexoCanvas *self,
                           gboolean     commit)
{
  g_autoptr(GObject) item = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *text = NULL;
  GtkWidget *editor;

  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (self->editor == NULL)
    return;

  /* Detach first: unparenting moves the focus, which would come back. */
  editor = self->editor;
  self->editor = NULL;
  item = self->edited_item;
  self->edited_item = NULL;

  if (commit && flexo_object_is_live (FLEXO_OBJECT (item)) && self->document != NULL &&
      !flexo_document_in_transaction (self->document))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      old_text = item_text (item);
      if (g_strcmp0 (text, old_text) != 0)
        {
          flexo_document_begin (self->document, _("Edit Text"));
          if (FLEXO_IS_SHAPE (item) && flexo_shape_get_instance (FLEXO_SHAPE (item)) != NULL)
            flexo_instance_set_value (flexo_shape_get_instance (FLEXO_SHAPE (item)), name_property (FLEXO_SHAPE (item)),
                                      *text != '\0' ? text : NULL);
          else if (FLEXO_IS_SHAPE (item))
            flexo_shape_set_text (FLEXO_SHAPE (item), *text != '\0' ? text : NULL);
          else
            flexo_connector_set_label (FLEXO_CONNECTOR (item), FLEXO_LABEL_MIDDLE, *text != '\0' ? text : NULL);
          flexo_document_commit (self->document);
        }
    }

  g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), self);
  gtk_widget_unparent (editor);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
