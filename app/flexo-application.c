/* flexo-application.c — the GtkApplication, its actions and command line
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "flexo-application.h"
#include "flexo-cli.h"
#include "flexo-format.h"
#include "flexo-recovery.h"
#include "flexo-window.h"

struct _FlexoApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  FlexoRecovery  *recovery;
  gboolean        recovery_offered;
};

G_DEFINE_FINAL_TYPE (FlexoApplication, flexo_application, ADW_TYPE_APPLICATION)

static int
flexo_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "flexo", PACKAGE_VERSION);
      return 0;
    }

  /* Go on with the default processing (activate or open). */
  return -1;
}

/* Jobs without a window (--convert, --validate) run here, before the
 * application registers or opens a display. */
static gboolean
flexo_application_local_command_line (GApplication   *app,
                                      char         ***arguments,
                                      int            *exit_status)
{
  if (flexo_cli_handle (*arguments, exit_status))
    return TRUE;

  return G_APPLICATION_CLASS (flexo_application_parent_class)->local_command_line (app, arguments, exit_status);
}

static FlexoWindow *
flexo_application_new_window (FlexoApplication *self)
{
  return flexo_window_new (self);
}

/* ------------------------------------------------------------ recovery -- */

static void
recover_response (AdwMessageDialog *dialog,
                  const char       *response,
                  FlexoApplication *self)
{
  GPtrArray *entries = g_object_get_data (G_OBJECT (dialog), "entries");

  if (g_strcmp0 (response, "discard") == 0)
    {
      for (guint i = 0; i < entries->len; i++)
        flexo_recovery_entry_discard (g_ptr_array_index (entries, i));
      return;
    }
  if (g_strcmp0 (response, "recover") != 0)
    return;

  /* Oldest first, so that the newest ends in front. */
  for (guint i = entries->len; i-- > 0;)
    {
      FlexoRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(FlexoDocument) document = flexo_recovery_entry_load (entry, &error);
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
      FlexoWindow *window = FLEXO_IS_WINDOW (active) && flexo_window_is_pristine (FLEXO_WINDOW (active))
                            ? FLEXO_WINDOW (active) : NULL;

      if (document == NULL)
        {
          g_warning ("Cannot recover “%s”: %s", flexo_recovery_entry_get_title (entry), error->message);
          continue;
        }
      if (window == NULL)
        window = flexo_application_new_window (self);
      flexo_window_set_document (window, document, flexo_recovery_entry_get_file (entry));
      gtk_window_present (GTK_WINDOW (window));
      /* The window keeps a copy of its own from now on. */
      flexo_recovery_entry_discard (entry);
    }
}

/* After a crash: offers the work it left, once per run, over the first
 * window once it is shown. */
static void show_recovery_offer (FlexoApplication *self,
                                 GtkWindow        *parent);

static void
parent_mapped (GtkWidget        *parent,
               FlexoApplication *self)
{
  g_signal_handlers_disconnect_by_func (parent, parent_mapped, self);
  show_recovery_offer (self, GTK_WINDOW (parent));
}

static void
offer_recovery (FlexoApplication *self,
                GtkWindow        *parent)
{
  if (self->recovery_offered || self->recovery == NULL)
    return;
  self->recovery_offered = TRUE;

  if (gtk_widget_get_mapped (GTK_WIDGET (parent)))
    show_recovery_offer (self, parent);
  else
    g_signal_connect_object (parent, "map", G_CALLBACK (parent_mapped), self, G_CONNECT_AFTER);
}

static void
show_recovery_offer (FlexoApplication *self,
                     GtkWindow        *parent)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  entries = flexo_recovery_list_orphans (self->recovery);
  if (entries->len == 0)
    return;

  g_string_append_printf (body, ngettext ("Flexo was closed before one document was saved. "
                                          "Its last changes were kept.",
                                          "Flexo was closed before %u documents were saved. "
                                          "Their last changes were kept.", entries->len),
                          entries->len);
  g_string_append (body, "\n");
  for (guint i = 0; i < entries->len; i++)
    {
      FlexoRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (flexo_recovery_entry_get_time (entry));
      /* Translators: a date and time in strftime() format, for the time of
       * the last change to a recovered document. */
      g_autofree char *when = g_date_time_format (local, _("%x %H:%M"));

      /* Translators: a recovered document and when it was last changed. */
      g_string_append_printf (body, _("\n%s, %s"), flexo_recovery_entry_get_title (entry), when);
    }

  dialog = adw_message_dialog_new (parent, _("Recover Unsaved Work?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "entries", g_steal_pointer (&entries), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recover_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
flexo_application_activate (GApplication *app)
{
  FlexoApplication *self = FLEXO_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (flexo_application_new_window (self));

  gtk_window_present (window);
  offer_recovery (self, window);
}

/* Opens each file in a window of its own, reusing a window that shows
 * nothing worth keeping. A file that cannot be read is an error dialog; no window's
 * document changes. */
static void
flexo_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  FlexoApplication *self = FLEXO_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(FlexoDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_file_get_path (files[i]);
      g_autofree char *notes = NULL;
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
      FlexoWindow *window = NULL;
      gboolean is_new = FALSE;

      if (FLEXO_IS_WINDOW (active) && flexo_window_is_pristine (FLEXO_WINDOW (active)))
        window = FLEXO_WINDOW (active);

      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("Only local files can be opened."));
      else if (!g_file_test (path, G_FILE_TEST_EXISTS) && g_str_has_suffix (path, ".flexo"))
        /* A file to be: a new document that Save writes there, as text
         * editors do with a new file name. */
        is_new = TRUE;
      else
        document = flexo_format_import (path, &notes, &error);

      /* A window made for the document shows it at once: no blank
       * document first (a tenth of the startup). */
      if (window == NULL && document != NULL)
        {
          flexo_window_new_loaded (self, document, files[i], notes);
          continue;
        }
      if (window == NULL && (is_new || active == NULL))
        window = flexo_application_new_window (self);

      if (is_new)
        {
          flexo_window_set_document (window, NULL, files[i]);
          gtk_window_present (GTK_WINDOW (window));
        }
      else if (document != NULL)
        flexo_window_show_loaded (window, document, files[i], notes);
      else
        {
          if (window == NULL)
            window = FLEXO_WINDOW (active);
          gtk_window_present (GTK_WINDOW (window));
          flexo_window_show_open_error (window, files[i], error);
        }
    }

  if (gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL)
    offer_recovery (self, gtk_application_get_active_window (GTK_APPLICATION (app)));
}

/* The keyboard shortcuts, listed in the shortcuts window too
 * (resources/ui/flexo-shortcuts.ui). */
static const struct
{
  const char *action;
  const char *accels[4];
} accels[] = {
  { "app.quit", { "<Primary>q" } },
  { "app.new-window", { "<Primary><Shift>n" } },
  { "window.close", { "<Primary>w" } },
  { "win.open", { "<Primary>o" } },
  { "win.save", { "<Primary>s" } },
  { "win.save-as", { "<Primary><Shift>s" } },
  { "win.export", { "<Primary>e" } },
  { "win.print", { "<Primary>p" } },
  { "win.undo", { "<Primary>z" } },
  { "win.redo", { "<Primary><Shift>z", "<Primary>y" } },
  { "win.select-all", { "<Primary>a" } },
  { "win.cut", { "<Primary>x" } },
  { "win.copy", { "<Primary>c" } },
  { "win.paste", { "<Primary>v" } },
  { "win.duplicate", { "<Primary>d" } },
  { "win.bring-to-front", { "<Primary>bracketright" } },
  { "win.send-to-back", { "<Primary>bracketleft" } },
  { "win.zoom-in", { "<Primary>plus", "<Primary>equal", "<Primary>KP_Add" } },
  { "win.zoom-out", { "<Primary>minus", "<Primary>KP_Subtract" } },
  { "win.zoom-reset", { "<Primary>0", "<Primary>KP_0" } },
  { "win.zoom-fit", { "<Primary>1" } },
  { "win.zoom-selection", { "<Primary>2" } },
  { "win.show-grid", { "<Primary>apostrophe" } },
  { "win.snap", { "<Primary><Shift>apostrophe" } },
  { "win.show-palette", { "F9" } },
  { "win.show-inspector", { "<Primary><Shift>i" } },
  { "win.new-diagram", { "<Primary>t" } },
  { "win.metamodel", { "<Primary><Shift>m" } },
  { "win.show-help-overlay", { "<Primary>question" } },
};

static void
flexo_application_startup (GApplication *app)
{
  FlexoApplication *self = FLEXO_APPLICATION (app);

  G_APPLICATION_CLASS (flexo_application_parent_class)->startup (app);

  self->recovery = flexo_recovery_new (NULL);

  /* The recent files list names the application that added a file. */
  if (g_get_application_name () == NULL || g_strcmp0 (g_get_application_name (), g_get_prgname ()) == 0)
    g_set_application_name (_("Flexo"));
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
flexo_application_dispose (GObject *object)
{
  FlexoApplication *self = FLEXO_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->recovery);

  G_OBJECT_CLASS (flexo_application_parent_class)->dispose (object);
}

static void
flexo_application_class_init (FlexoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = flexo_application_dispose;

  app_class->activate = flexo_application_activate;
  app_class->open = flexo_application_open;
  app_class->startup = flexo_application_startup;
  app_class->handle_local_options = flexo_application_handle_local_options;
  app_class->local_command_line = flexo_application_local_command_line;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows;

  /* Close every window the regular way, so that each one can later ask
   * about unsaved changes; the application ends with its last window. */
  windows = g_list_copy (gtk_application_get_windows (app));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  flexo_application_show_about (FLEXO_APPLICATION (user_data));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  FlexoWindow *window = flexo_application_new_window (FLEXO_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "new-window", new_window_action },
};

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* An uninstalled build run without GSETTINGS_SCHEMA_DIR has no schema:
   * then Flexo works without remembering its preferences rather than abort. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("GSettings schema %s is not installed; preferences are not kept", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
flexo_application_init (FlexoApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  g_application_add_main_option_entries (G_APPLICATION (self), flexo_cli_get_option_entries ());
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Draw diagrams, design models and turn drawings into models."));

  self->settings = settings_new_if_installed ();
}

FlexoApplication *
flexo_application_new (GApplicationFlags flags)
{
  return g_object_new (FLEXO_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", flags,
                       NULL);
}

/**
 * flexo_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings, or %NULL
 *   when the GSettings schema is not installed.
 */
GSettings *
flexo_application_get_settings (FlexoApplication *self)
{
  g_return_val_if_fail (FLEXO_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * flexo_application_get_recovery:
 *
 * Returns: (transfer none) (nullable): where unsaved work is kept, once
 *   the application has started up.
 */
FlexoRecovery *
flexo_application_get_recovery (FlexoApplication *self)
{
  g_return_val_if_fail (FLEXO_IS_APPLICATION (self), NULL);

  return self->recovery;
}

void
flexo_application_show_about (FlexoApplication *self)
{
  static const char *developers[] = { "The Flexo developers", NULL };
  GtkWindow *parent;
  GtkWidget *about;

  g_return_if_fail (FLEXO_IS_APPLICATION (self));

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Flexo"),
                        "developer-name", _("The Flexo developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Flexo is a graphical model editor. Draw diagrams freely, "
                                      "define concepts with typed properties and relations, "
                                      "then turn your drawings into models."),
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_WEBSITE "/issues",
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        "copyright", "© 2026 The Flexo developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}
