/* flexo-window-problems.c — live validation of the window's model
 *
 * A moment after each change the model is checked (flexo-validate.h);
 * the problems are listed in a panel under the diagram, counted on a
 * header bar button, and marked on the shapes and connectors that show
 * the instances and links at fault. Activating a problem selects what
 * shows it, in the current diagram or another.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "flexo-route.h"
#include "flexo-validate.h"
#include "flexo-window-private.h"
#include "flexo-widget-util.h"

/* After a change, wait this long before checking (ms). */
#define VALIDATION_DELAY 150
/* The panel lists at most this many problems. */
#define MAX_LISTED 500

static FlexoCanvas *
canvas_of_page (AdwTabPage *page)
{
  GtkWidget *scrolled = adw_tab_page_get_child (page);

  return FLEXO_CANVAS (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)));
}

/* Selects what shows @object (an instance's shapes, a link's
 * connectors, or a shape or connector itself), in the current diagram
 * when it is there. */
void
flexo_window_show_object (FlexoWindow *self,
                          FlexoObject *object)
{
  g_autoptr(GPtrArray) views = NULL;

  if (!flexo_object_is_live (object))
    return;
  if (FLEXO_IS_SHAPE (object) || FLEXO_IS_CONNECTOR (object))
    {
      views = g_ptr_array_new ();
      g_ptr_array_add (views, object);
    }
  else if (FLEXO_IS_INSTANCE (object) && flexo_instance_get_views (FLEXO_INSTANCE (object)) != NULL)
    views = g_ptr_array_ref (flexo_instance_get_views (FLEXO_INSTANCE (object)));
  else if (FLEXO_IS_LINK (object) && flexo_link_get_views (FLEXO_LINK (object)) != NULL)
    views = g_ptr_array_ref (flexo_link_get_views (FLEXO_LINK (object)));
  if (views == NULL)
    return;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < views->len; i++)
      {
        gpointer view = g_ptr_array_index (views, i);
        gpointer diagram = FLEXO_IS_SHAPE (view) ? flexo_shape_get_diagram (view) :
                           FLEXO_IS_CONNECTOR (view) ? flexo_connector_get_diagram (view) : NULL;
        AdwTabPage *page = diagram != NULL ? g_hash_table_lookup (self->pages, diagram) : NULL;

        if (page == NULL || (pass == 0 && canvas_of_page (page) != self->canvas))
          continue;
        adw_tab_view_set_selected_page (self->tab_view, page);
        flexo_canvas_select (canvas_of_page (page), view, FALSE);
        {
          FlexoCanvas *canvas = canvas_of_page (page);
          FlexoRect box = FLEXO_IS_SHAPE (view) ? flexo_rect_normalize (*flexo_shape_get_bounds (view))
                                                : FLEXO_RECT_INIT (0, 0, 0, 0);
          FlexoPoint centre = FLEXO_IS_SHAPE (view) ? flexo_rect_center (&box)
                                                    : flexo_connector_label_position (view, FLEXO_LABEL_MIDDLE);

          flexo_canvas_scroll_to (canvas, centre, gtk_widget_get_width (GTK_WIDGET (canvas)) / 2.0,
                                  gtk_widget_get_height (GTK_WIDGET (canvas)) / 2.0);
          gtk_widget_grab_focus (GTK_WIDGET (canvas));
        }
        return;
      }
}

static void
row_activated (GtkListBox    *list,
               GtkListBoxRow *row,
               FlexoWindow   *self)
{
  FlexoObject *object = g_object_get_data (G_OBJECT (row), "object");

  if (object != NULL)
    flexo_window_show_object (self, object);
}

static void
fix_clicked (GtkButton   *button,
             FlexoWindow *self)
{
  FlexoProblem *problem = g_object_get_data (G_OBJECT (button), "problem");

  if (self->canvas != NULL)
    flexo_canvas_stop_editing (self->canvas, TRUE);
  if (!flexo_document_in_transaction (self->document))
    flexo_problem_fix (problem, self->document);
}

/* @problem stays alive as long as the list holds the problems. */
static GtkWidget *
problem_row (FlexoWindow  *self,
             FlexoProblem *problem)
{
  g_autofree char *element = flexo_problem_dup_element (problem);
  g_autofree char *fix = flexo_problem_dup_fix_label (problem);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (problem->severity == FLEXO_PROBLEM_ERROR
                                                  ? "dialog-error-symbolic" : "dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), element);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  flexo_widget_set_tooltip (row, _("Show it in the diagram"));
  g_object_set_data_full (G_OBJECT (row), "object", g_object_ref (problem->object), g_object_unref);
  if (fix != NULL)
    {
      /* The quick fix, saying what it does. */
      GtkWidget *button = gtk_button_new_with_label (fix);

      flexo_widget_set_tooltip (button, fix);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, fix, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "problem", problem);
      g_signal_connect (button, "clicked", G_CALLBACK (fix_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

void
flexo_window_validate_now (FlexoWindow *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *label = NULL;
  GtkWidget *child;
  guint n_errors = 0;

  g_clear_handle_id (&self->validate_id, g_source_remove);
  if (self->document == NULL)
    return;

  problems = flexo_document_validate (self->document);
  g_clear_pointer (&self->marked, g_hash_table_unref);
  self->marked = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  for (guint i = 0; i < problems->len; i++)
    {
      FlexoProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == FLEXO_PROBLEM_ERROR)
        {
          n_errors++;
          if (!g_hash_table_contains (self->marked, problem->object))
            g_hash_table_add (self->marked, g_object_ref (problem->object));
        }
      if (i < MAX_LISTED)
        gtk_list_box_append (self->problems_list, problem_row (self, problem));
    }
  /* The rows' fix buttons point into it. */
  g_object_set_data_full (G_OBJECT (self->problems_list), "problems", g_ptr_array_ref (problems),
                          (GDestroyNotify) g_ptr_array_unref);
  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    flexo_canvas_set_marked (canvas_of_page (adw_tab_view_get_nth_page (self->tab_view, i)), self->marked);

  label = g_strdup_printf (ngettext ("%u Problem", "%u Problems", problems->len), problems->len);
  gtk_label_set_label (self->problems_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* Only a model has problems to show; a plain drawing needs no button. */
  gtk_widget_set_visible (self->problems_button, problems->len > 0);
  if (problems->len == 0)
    g_action_group_change_action_state (G_ACTION_GROUP (self), "show-problems", g_variant_new_boolean (FALSE));
  if (n_errors > 0)
    gtk_widget_add_css_class (self->problems_button, "error");
  else
    gtk_widget_remove_css_class (self->problems_button, "error");
}

static gboolean
validate_cb (gpointer data)
{
  FlexoWindow *self = data;

  self->validate_id = 0;
  flexo_window_validate_now (self);
  return G_SOURCE_REMOVE;
}

void
flexo_window_schedule_validation (FlexoWindow *self)
{
  g_clear_handle_id (&self->validate_id, g_source_remove);
  self->validate_id = g_timeout_add (VALIDATION_DELAY, validate_cb, self);
}

void
flexo_window_stop_validation (FlexoWindow *self)
{
  g_clear_handle_id (&self->validate_id, g_source_remove);
  g_clear_pointer (&self->marked, g_hash_table_unref);
}

void
flexo_window_init_problems (FlexoWindow *self)
{
  g_signal_connect (self->problems_list, "row-activated", G_CALLBACK (row_activated), self);
}
