/* flexo-window.c — a main window: header bar and diagram area
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "flexo-canvas.h"
#include "flexo-model.h"
#include "flexo-window.h"

struct _FlexoWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *primary_menu_button;
  FlexoCanvas          *canvas;
  AdwStatusPage        *empty_page;

  FlexoDocument        *document;
  GFile                *file;
};

G_DEFINE_FINAL_TYPE (FlexoWindow, flexo_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
flexo_window_get_settings (FlexoWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!FLEXO_IS_APPLICATION (app))
    return NULL;

  return flexo_application_get_settings (FLEXO_APPLICATION (app));
}

static void
flexo_window_restore_state (FlexoWindow *self)
{
  GSettings *settings = flexo_window_get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
flexo_window_save_state (FlexoWindow *self)
{
  GSettings *settings = flexo_window_get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
flexo_window_close_request (GtkWindow *window)
{
  flexo_window_save_state (FLEXO_WINDOW (window));

  return GTK_WINDOW_CLASS (flexo_window_parent_class)->close_request (window);
}

static void
flexo_window_dispose (GObject *object)
{
  FlexoWindow *self = FLEXO_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (flexo_window_parent_class)->dispose (object);
}

static void
flexo_window_constructed (GObject *object)
{
  FlexoWindow *self = FLEXO_WINDOW (object);

  G_OBJECT_CLASS (flexo_window_parent_class)->constructed (object);

  flexo_window_restore_state (self);
}

static void
flexo_window_class_init (FlexoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = flexo_window_constructed;
  object_class->dispose = flexo_window_dispose;
  window_class->close_request = flexo_window_close_request;

  g_type_ensure (FLEXO_TYPE_CANVAS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/flexo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, empty_page);
}

static void
flexo_window_init (FlexoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FlexoWindow *
flexo_window_new (FlexoApplication *application)
{
  return g_object_new (FLEXO_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * flexo_window_get_canvas:
 *
 * Returns: (transfer none): the window's diagram area
 */
GtkWidget *
flexo_window_get_canvas (FlexoWindow *self)
{
  g_return_val_if_fail (FLEXO_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->canvas);
}

/* "~/Documents" for a folder in the home folder. */
static char *
display_folder (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent ? g_file_get_path (parent) : NULL;
  const char *home = g_get_home_dir ();

  if (path == NULL)
    return parent ? g_file_get_uri (parent) : g_strdup ("");

  if (home != NULL && g_str_has_prefix (path, home) &&
      (path[strlen (home)] == '/' || path[strlen (home)] == '\0'))
    return g_strconcat ("~", path + strlen (home), NULL);

  return g_steal_pointer (&path);
}

static void
update_summary (FlexoWindow *self)
{
  g_autofree char *diagrams = NULL;
  g_autofree char *concepts = NULL;
  g_autofree char *instances = NULL;
  g_autofree char *description = NULL;
  guint n_diagrams, n_concepts, n_instances;

  if (self->document == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Empty Diagram"));
      adw_status_page_set_description (self->empty_page, _("Shapes, connectors and models will be drawn here"));
      return;
    }

  n_diagrams = flexo_document_get_diagrams (self->document)->len;
  n_concepts = flexo_document_get_concepts (self->document)->len;
  n_instances = flexo_document_get_instances (self->document)->len;

  diagrams = g_strdup_printf (ngettext ("%u diagram", "%u diagrams", n_diagrams), n_diagrams);
  concepts = g_strdup_printf (ngettext ("%u concept", "%u concepts", n_concepts), n_concepts);
  instances = g_strdup_printf (ngettext ("%u instance", "%u instances", n_instances), n_instances);
  /* Translators: the parts of a document's summary: diagrams, concepts, instances. */
  description = g_strdup_printf (_("%s · %s · %s"), diagrams, concepts, instances);

  adw_status_page_set_title (self->empty_page, adw_window_title_get_title (self->window_title));
  adw_status_page_set_description (self->empty_page, description);
}

void
flexo_window_set_document (FlexoWindow   *self,
                           FlexoDocument *document,
                           GFile         *file)
{
  g_autofree char *title = NULL;
  g_autofree char *folder = NULL;

  g_return_if_fail (FLEXO_IS_WINDOW (self));
  g_return_if_fail (document == NULL || FLEXO_IS_DOCUMENT (document));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->document, document);
  g_set_object (&self->file, file);

  if (file != NULL)
    {
      title = g_file_get_basename (file);
      folder = display_folder (file);
    }
  else if (document != NULL)
    {
      title = g_strdup (_("Untitled Document"));
    }

  adw_window_title_set_title (self->window_title, title ? title : _("Flexo"));
  adw_window_title_set_subtitle (self->window_title, folder ? folder : (document ? "" : _("No document")));

  /* The window list and the task switcher name the window by its file. */
  if (title != NULL)
    {
      g_autofree char *window_title = g_strdup_printf (_("%s — Flexo"), title);

      gtk_window_set_title (GTK_WINDOW (self), window_title);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Flexo"));
    }

  update_summary (self);
}

/**
 * flexo_window_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
FlexoDocument *
flexo_window_get_document (FlexoWindow *self)
{
  g_return_val_if_fail (FLEXO_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * flexo_window_get_file:
 *
 * Returns: (transfer none) (nullable): the file of the document
 */
GFile *
flexo_window_get_file (FlexoWindow *self)
{
  g_return_val_if_fail (FLEXO_IS_WINDOW (self), NULL);

  return self->file;
}

void
flexo_window_show_open_error (FlexoWindow  *self,
                              GFile        *file,
                              const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  GtkWidget *dialog;

  g_return_if_fail (FLEXO_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
