/* flexo-window-metamodel.c — the window where a document's concepts and
 * relations are defined
 *
 * One per main window, beside it (not modal): the consultant switches
 * between defining a concept and drawing with it. Its undo and redo are
 * the document's, with the same shortcuts; the clipboard shortcuts stay
 * with its text fields.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "flexo-metamodel-editor.h"
#include "flexo-window-private.h"
#include "flexo-widget-util.h"

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accelerator,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accelerator),
                                                          gtk_named_action_new (action)));
}

static GtkWidget *
history_button (const char *icon,
                const char *action,
                const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  flexo_widget_set_tooltip (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static GtkWidget *
metamodel_window_new (FlexoWindow *self)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *history = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *editor = flexo_metamodel_editor_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* The main window's own actions: enabled as they are there. */
  g_action_map_add_action (G_ACTION_MAP (group), g_action_map_lookup_action (G_ACTION_MAP (self), "undo"));
  g_action_map_add_action (G_ACTION_MAP (group), g_action_map_lookup_action (G_ACTION_MAP (self), "redo"));
  gtk_widget_insert_action_group (window, "doc", G_ACTION_GROUP (group));

  gtk_widget_add_css_class (history, "linked");
  gtk_box_append (GTK_BOX (history), history_button ("edit-undo-symbolic", "doc.undo", _("Undo")));
  gtk_box_append (GTK_BOX (history), history_button ("edit-redo-symbolic", "doc.redo", _("Redo")));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), history);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Metamodel"), NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (editor, TRUE);
  gtk_box_append (GTK_BOX (box), editor);
  adw_window_set_content (ADW_WINDOW (window), box);

  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Primary>z", "doc.undo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Primary><Shift>z", "doc.redo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Primary>y", "doc.redo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Primary>w", "window.close");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Escape", "window.close");
  gtk_widget_add_controller (window, shortcuts);

  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 720);
  g_object_set_data (G_OBJECT (window), "editor", editor);
  return window;
}

/* Names the window after the document; follows a document opened in the
 * main window. */
void
flexo_window_sync_metamodel (FlexoWindow *self)
{
  GtkWidget *editor, *header;
  const char *name;
  g_autofree char *title = NULL;

  if (self->metamodel_window == NULL)
    return;
  editor = g_object_get_data (G_OBJECT (self->metamodel_window), "editor");
  flexo_metamodel_editor_set_document (FLEXO_METAMODEL_EDITOR (editor), self->document);
  header = gtk_widget_get_first_child (adw_window_get_content (ADW_WINDOW (self->metamodel_window)));
  name = adw_window_title_get_title (self->window_title);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (adw_header_bar_get_title_widget (ADW_HEADER_BAR (header))), name);
  /* Translators: the title of the metamodel window of a document. */
  title = g_strdup_printf (_("Metamodel of %s"), name);
  gtk_window_set_title (GTK_WINDOW (self->metamodel_window), title);
}

GtkWidget *
flexo_window_show_metamodel (FlexoWindow *self,
                             FlexoObject *select)
{
  GtkWidget *editor;

  g_return_val_if_fail (FLEXO_IS_WINDOW (self), NULL);

  if (self->metamodel_window == NULL)
    {
      self->metamodel_window = metamodel_window_new (self);
      g_object_add_weak_pointer (G_OBJECT (self->metamodel_window), (gpointer *) &self->metamodel_window);
    }
  flexo_window_sync_metamodel (self);
  editor = g_object_get_data (G_OBJECT (self->metamodel_window), "editor");
  if (select != NULL)
    flexo_metamodel_editor_select (FLEXO_METAMODEL_EDITOR (editor), select);
  gtk_window_present (GTK_WINDOW (self->metamodel_window));
  return editor;
}
