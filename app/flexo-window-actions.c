/* flexo-window-actions.c — what the main window's buttons, menus and
 * shortcuts do: files, edits, the view and the diagrams of the document
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "flexo-canvas.h"
#include "flexo-export-dialog.h"
#include "flexo-format.h"
#include "flexo-fragment.h"
#include "flexo-print.h"
#include "flexo-templates.h"
#include "flexo-model.h"
#include "flexo-window-private.h"
#include "flexo-widget-util.h"

#define MAX_RECENT 10
#define NATIVE_EXTENSION ".flexo"

/* --------------------------------------------------------------- files -- */

static GtkFileFilter *
flexo_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Flexo Documents"));
  gtk_file_filter_add_pattern (filter, "*.flexo");
  gtk_file_filter_add_pattern (filter, "*.FLEXO");
  return filter;
}

/* Every file Flexo reads: its own and the formats it imports. */
static GtkFileFilter *
readable_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  const FlexoFormat * const *formats = flexo_format_get_all ();

  gtk_file_filter_set_name (filter, _("All Diagrams Flexo Reads"));
  for (guint f = 0; formats[f] != NULL; f++)
    for (guint e = 0; formats[f]->extensions[e] != NULL; e++)
      {
        g_autofree char *lower = g_strdup_printf ("*.%s", formats[f]->extensions[e]);
        g_autofree char *upper = g_ascii_strup (lower, -1);

        gtk_file_filter_add_pattern (filter, lower);
        gtk_file_filter_add_pattern (filter, upper);
      }
  return filter;
}

static GtkFileFilter *
dia_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Dia Diagrams"));
  gtk_file_filter_add_pattern (filter, "*.dia");
  gtk_file_filter_add_pattern (filter, "*.DIA");
  return filter;
}

void
flexo_window_open_file (FlexoWindow *self,
                        GFile       *file)
{
  g_autoptr(FlexoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *notes = NULL;

  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be opened."));
      flexo_window_show_open_error (self, file, error);
      return;
    }

  /* Already open: show it. */
  for (GList *l = gtk_application_get_windows (gtk_window_get_application (GTK_WINDOW (self))); l != NULL; l = l->next)
    if (FLEXO_IS_WINDOW (l->data) && flexo_window_get_file (l->data) != NULL &&
        g_file_equal (flexo_window_get_file (l->data), file))
      {
        gtk_window_present (l->data);
        return;
      }

  document = flexo_format_import (path, &notes, &error);
  if (document == NULL)
    {
      flexo_window_show_open_error (self, file, error);
      return;
    }

  if (flexo_window_is_pristine (self))
    flexo_window_show_loaded (self, document, file, notes);
  else
    flexo_window_new_loaded (FLEXO_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), document, file, notes);
}

/* What an import approximated, in a toast whose Details lists it all. */
static void
show_import_notes (FlexoWindow *self,
                   const char  *notes)
{
  g_auto(GStrv) lines = g_strsplit (notes, "\n", 2);
  AdwToast *toast = adw_toast_new (lines[0]);

  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.import-notes");
  adw_toast_set_action_target_value (toast, g_variant_new_string (notes));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
import_notes_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  FlexoWindow *self = user_data;
  g_auto(GStrv) lines = g_strsplit (g_variant_get_string (parameter, NULL), "\n", 2);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf ("%s\n\n%s", _("Flexo has no exact equivalent for these: objects became the nearest shape, or a dashed placeholder of their size that names them."),
                          lines[1] != NULL ? lines[1] : "");
  dialog = adw_message_dialog_new (GTK_WINDOW (self), lines[0], body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
flexo_window_show_loaded (FlexoWindow   *self,
                          FlexoDocument *document,
                          GFile         *file,
                          const char    *notes)
{
  g_autofree char *path = g_file_get_path (file);

  g_return_if_fail (FLEXO_IS_WINDOW (self));

  /* Another tool's file is imported: saving asks for a Flexo file rather
   * than write over it in another format. */
  if (path != NULL && flexo_format_for_path (path) != flexo_format_native ())
    {
      flexo_window_set_document (self, document, NULL);
      flexo_window_add_recent (self, file);
    }
  else
    flexo_window_set_document (self, document, file);
  gtk_window_present (GTK_WINDOW (self));
  if (notes != NULL)
    show_import_notes (self, notes);
}

static void
open_response (GtkNativeDialog *dialog,
               int              response,
               FlexoWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        flexo_window_open_file (self, file);
    }
  g_object_unref (dialog);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  FlexoWindow *self = user_data;
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) readable = readable_filter ();
  g_autoptr(GtkFileFilter) flexo = flexo_filter ();
  g_autoptr(GtkFileFilter) dia = dia_filter ();

  dialog = gtk_file_chooser_native_new (_("Open a Document"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), readable);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), flexo);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), dia);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  flexo_window_open_file (user_data, file);
}

void
flexo_window_add_recent (FlexoWindow *self,
                         GFile       *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  /* Said in full: left to guess, GTK may write an application without
   * its command line, which GLib 2.74 then fails to read back. */
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-flexo",
    .app_name = (char *) "Flexo",
    .app_exec = (char *) "flexo %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Most recent first. */
static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  return g_date_time_compare (gtk_recent_info_get_modified ((GtkRecentInfo *) b),
                              gtk_recent_info_get_modified ((GtkRecentInfo *) a));
}

void
flexo_window_update_recent (FlexoWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  if (self->recent_menu == NULL)
    {
      self->recent_menu = g_menu_new ();
      adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (self->recent_menu));
    }
  g_menu_remove_all (self->recent_menu);

  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      /* Flexo documents and the files it imports. */
      if (flexo_format_for_path (uri) == NULL || !gtk_recent_info_is_local (info) ||
          !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Documents"), "win.no-recent");

      g_menu_append_item (self->recent_menu, item);
    }
}

static void
show_save_error (FlexoWindow  *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_to (FlexoWindow *self,
         GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be written."));
  if (path == NULL || !flexo_format_save (self->document, path, &error))
    {
      show_save_error (self, file, error);
      return FALSE;
    }

  flexo_document_set_saved (self->document);
  g_set_object (&self->file, file);
  flexo_window_add_recent (self, file);
  flexo_window_update_title (self);
  flexo_window_watch_document (self);
  flexo_window_update_actions (self);
  return TRUE;
}

typedef struct
{
  FlexoWindow      *self;
  FlexoWindowSaved  then;
} SaveAs;

static void
save_as_response (GtkNativeDialog *dialog,
                  int              response,
                  SaveAs          *data)
{
  gboolean saved = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) file = NULL;
      g_autofree char *name = chosen != NULL ? g_file_get_basename (chosen) : NULL;

      /* Without an extension, the native one. */
      if (name != NULL && strchr (name, '.') == NULL)
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *with = g_strconcat (name, NATIVE_EXTENSION, NULL);

          file = g_file_get_child (parent, with);
        }
      else if (chosen != NULL)
        file = g_object_ref (chosen);
      if (file != NULL)
        saved = save_to (data->self, file);
    }
  if (data->then != NULL)
    data->then (data->self, saved);
  g_object_unref (data->self);
  g_free (data);
  g_object_unref (dialog);
}

void
flexo_window_save (FlexoWindow      *self,
                   gboolean          ask,
                   FlexoWindowSaved  then)
{
  GtkFileChooserNative *dialog;
  SaveAs *data;
  g_autofree char *name = NULL;

  if (!ask && self->file != NULL)
    {
      gboolean saved = save_to (self, self->file);

      if (then != NULL)
        then (self, saved);
      return;
    }

  dialog = gtk_file_chooser_native_new (_("Save the Document"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), flexo_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);

      name = g_file_get_basename (self->file);
      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), parent, NULL);
    }
  else
    /* Translators: the file name offered for a new document. */
    name = g_strconcat (_("Untitled"), NATIVE_EXTENSION, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  data = g_new0 (SaveAs, 1);
  data->self = g_object_ref (self);
  data->then = then;
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  flexo_window_save (user_data, FALSE, NULL);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  flexo_window_save (user_data, TRUE, NULL);
}

static char *
export_basename (FlexoWindow *self)
{
  g_autofree char *name = self->file != NULL ? g_file_get_basename (self->file) : g_strdup (_("Untitled"));
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';
  return g_steal_pointer (&name);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  FlexoWindow *self = user_data;
  g_autofree char *basename = export_basename (self);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  FlexoExportDialog *dialog;

  dialog = flexo_export_dialog_new (GTK_WINDOW (self), self->document,
                                    self->canvas != NULL ? flexo_canvas_get_diagram (self->canvas) : NULL, basename,
                                    FLEXO_IS_APPLICATION (app) ? flexo_application_get_settings (FLEXO_APPLICATION (app)) : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  FlexoWindow *self = user_data;
  g_autofree char *basename = export_basename (self);

  if (self->canvas != NULL && flexo_canvas_get_diagram (self->canvas) != NULL)
    flexo_print_diagram (GTK_WINDOW (self), flexo_canvas_get_diagram (self->canvas), basename);
}

/* ---------------------------------------------------------------- edit -- */

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  FlexoWindow *self = user_data;

  if (self->canvas != NULL)
    flexo_canvas_stop_editing (self->canvas, TRUE);
  flexo_document_undo (self->document);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  FlexoWindow *self = user_data;

  if (self->canvas != NULL)
    flexo_canvas_stop_editing (self->canvas, TRUE);
  flexo_document_redo (self->document);
}

#define CANVAS_ACTION(name, call) \
  static void \
  name (GSimpleAction *action, \
        GVariant      *parameter, \
        gpointer       user_data) \
  { \
    FlexoWindow *self = user_data; \
    if (self->canvas != NULL) \
      call; \
  }

CANVAS_ACTION (select_all_action, flexo_canvas_select_all (self->canvas))
CANVAS_ACTION (delete_action, flexo_canvas_request_delete (self->canvas))
CANVAS_ACTION (duplicate_action, flexo_canvas_duplicate_selection (self->canvas))
CANVAS_ACTION (bring_to_front_action, flexo_canvas_raise_selection (self->canvas, TRUE))
CANVAS_ACTION (send_to_back_action, flexo_canvas_raise_selection (self->canvas, FALSE))
CANVAS_ACTION (zoom_in_action, flexo_canvas_zoom_in (self->canvas))
CANVAS_ACTION (zoom_out_action, flexo_canvas_zoom_out (self->canvas))
CANVAS_ACTION (zoom_reset_action, flexo_canvas_set_zoom (self->canvas, 1.0))
CANVAS_ACTION (zoom_fit_action, flexo_canvas_zoom_to_fit (self->canvas))
CANVAS_ACTION (zoom_selection_action, flexo_canvas_zoom_to_selection (self->canvas))

static void
copy_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  flexo_window_copy_selection (user_data);
}

static void
cut_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  FlexoWindow *self = user_data;

  if (flexo_window_copy_selection (self))
    flexo_canvas_delete_selection (self->canvas);
}

static void
paste_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  flexo_window_paste (user_data);
}

static void
edit_text_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  FlexoWindow *self = user_data;
  GPtrArray *selection;

  if (self->canvas == NULL)
    return;
  selection = flexo_canvas_get_selection (self->canvas);
  if (selection->len == 1)
    flexo_canvas_start_editing (self->canvas, g_ptr_array_index (selection, 0));
}

static void
align_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const struct { const char *name; FlexoCanvasAlignment alignment; } alignments[] = {
    { "left", FLEXO_CANVAS_ALIGN_LEFT },
    { "center", FLEXO_CANVAS_ALIGN_CENTER },
    { "right", FLEXO_CANVAS_ALIGN_RIGHT },
    { "top", FLEXO_CANVAS_ALIGN_TOP },
    { "middle", FLEXO_CANVAS_ALIGN_MIDDLE },
    { "bottom", FLEXO_CANVAS_ALIGN_BOTTOM },
    { "distribute-horizontally", FLEXO_CANVAS_DISTRIBUTE_HORIZONTALLY },
    { "distribute-vertically", FLEXO_CANVAS_DISTRIBUTE_VERTICALLY },
  };
  FlexoWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->canvas == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (alignments); i++)
    if (g_strcmp0 (name, alignments[i].name) == 0)
      flexo_canvas_align_selection (self->canvas, alignments[i].alignment);
}

/* ---------------------------------------------------------------- view -- */

static void
for_each_canvas (FlexoWindow *self,
                 void       (*func) (FlexoCanvas *canvas, gboolean value),
                 gboolean     value)
{
  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    {
      GtkWidget *scrolled = adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i));

      func (FLEXO_CANVAS (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))), value);
    }
}

/* The view options apply to every canvas of the window. */
static void
canvas_option_change (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       user_data)
{
  gboolean grid = g_strcmp0 (g_action_get_name (G_ACTION (action)), "show-grid") == 0;

  g_simple_action_set_state (action, value);
  for_each_canvas (user_data, grid ? flexo_canvas_set_show_grid : flexo_canvas_set_snap,
                   g_variant_get_boolean (value));
}

/* The palette, the inspector and the problems: shown or hidden. */
static void
panel_change (GSimpleAction *action,
              GVariant      *value,
              gpointer       user_data)
{
  FlexoWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  GtkRevealer *revealer = g_strcmp0 (name, "show-palette") == 0 ? self->palette_revealer :
                          g_strcmp0 (name, "show-inspector") == 0 ? self->inspector_revealer :
                          self->problems_revealer;

  g_simple_action_set_state (action, value);
  gtk_revealer_set_reveal_child (revealer, g_variant_get_boolean (value));
}

/* ------------------------------------------------------------ diagrams -- */

static FlexoDiagram *
menu_diagram (FlexoWindow *self)
{
  AdwTabPage *page = self->menu_page != NULL ? self->menu_page : adw_tab_view_get_selected_page (self->tab_view);
  GtkWidget *scrolled;

  self->menu_page = NULL;
  if (page == NULL)
    return NULL;
  scrolled = adw_tab_page_get_child (page);
  return flexo_canvas_get_diagram (FLEXO_CANVAS (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))));
}

/* "Diagram N", with N one more than the highest such name. */
static char *
next_diagram_name (FlexoWindow *self)
{
  GPtrArray *diagrams = flexo_document_get_diagrams (self->document);
  g_autofree char *prefix = NULL;
  int highest = 0;

  /* Translators: the names of new diagrams are "Diagram 1", "Diagram 2"… */
  prefix = g_strdup_printf (_("Diagram %d"), 0);
  prefix[strlen (prefix) - 1] = '\0';
  for (guint i = 0; i < diagrams->len; i++)
    {
      const char *name = flexo_diagram_get_name (g_ptr_array_index (diagrams, i));
      gint64 n;

      if (name != NULL && g_str_has_prefix (name, prefix) &&
          g_ascii_string_to_signed (name + strlen (prefix), 10, 1, G_MAXINT - 1, &n, NULL))
        highest = MAX (highest, (int) n);
    }
  return g_strdup_printf (_("Diagram %d"), highest + 1);
}

static void
select_diagram (FlexoWindow  *self,
                FlexoDiagram *diagram)
{
  AdwTabPage *page = g_hash_table_lookup (self->pages, diagram);

  if (page != NULL)
    adw_tab_view_set_selected_page (self->tab_view, page);
}

static void
new_diagram_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  FlexoWindow *self = user_data;
  g_autofree char *name = next_diagram_name (self);
  g_autoptr(FlexoDiagram) diagram = flexo_diagram_new (self->document, name);

  flexo_document_begin (self->document, _("New Diagram"));
  flexo_object_insert_child (FLEXO_OBJECT (self->document), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  flexo_document_commit (self->document);
  select_diagram (self, diagram);
}

static void
duplicate_diagram_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  FlexoWindow *self = user_data;
  FlexoDiagram *diagram = menu_diagram (self);
  FlexoDiagram *copy;
  g_autofree char *name = NULL;

  if (diagram == NULL || flexo_document_in_transaction (self->document))
    return;
  /* Translators: the name of a copy of a diagram. */
  name = g_strdup_printf (_("%s (Copy)"), flexo_diagram_get_name (diagram) != NULL ? flexo_diagram_get_name (diagram) : "");
  flexo_document_begin (self->document, _("Duplicate Diagram"));
  copy = flexo_diagram_duplicate (diagram, name);
  flexo_document_commit (self->document);
  select_diagram (self, copy);
}

static void
delete_diagram_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  FlexoWindow *self = user_data;
  FlexoDiagram *diagram = menu_diagram (self);
  AdwTabPage *page = diagram != NULL ? g_hash_table_lookup (self->pages, diagram) : NULL;

  if (page != NULL)
    adw_tab_view_close_page (self->tab_view, page);
}

GtkWidget *
flexo_window_new_question (FlexoWindow *self,
                           const char  *heading,
                           const char  *body,
                           GtkWidget   *extra,
                           const char  *response,
                           const char  *label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  /* Named in window lists (and found by scripts) by its heading. */
  gtk_window_set_title (GTK_WINDOW (dialog), heading);
  if (extra != NULL)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static void
rename_response (AdwMessageDialog *dialog,
                 const char       *response,
                 FlexoWindow      *self)
{
  FlexoDiagram *diagram = g_object_get_data (G_OBJECT (dialog), "diagram");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *name = gtk_editable_get_text (entry);

  if (g_strcmp0 (response, "rename") != 0 || !flexo_object_is_live (FLEXO_OBJECT (diagram)) ||
      *name == '\0' || g_strcmp0 (name, flexo_diagram_get_name (diagram)) == 0)
    return;
  flexo_document_begin (self->document, _("Rename Diagram"));
  flexo_diagram_set_name (diagram, name);
  flexo_document_commit (self->document);
}

static void
rename_entry_activate (GtkEntry         *entry,
                       AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "rename");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
rename_diagram_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  FlexoWindow *self = user_data;
  FlexoDiagram *diagram = menu_diagram (self);
  GtkWidget *dialog, *entry;

  if (diagram == NULL)
    return;
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), flexo_diagram_get_name (diagram) ? flexo_diagram_get_name (diagram) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  dialog = flexo_window_new_question (self, _("Rename Diagram"), NULL, entry, "rename", _("_Rename"));
  g_object_set_data_full (G_OBJECT (dialog), "diagram", g_object_ref (diagram), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response), self, 0);
  g_signal_connect (entry, "activate", G_CALLBACK (rename_entry_activate), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ------------------------------------------------------------- enabling -- */

void
flexo_window_set_action_enabled (FlexoWindow *self,
                                 const char  *name,
                                 gboolean     enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* A free shape's text or a connector's label (an instance's label is its
 * properties', edited in the inspector). */
static gboolean
editable_text (GPtrArray *selection)
{
  gpointer item = g_ptr_array_index (selection, 0);

  FlexoInstance *instance;

  if (FLEXO_IS_CONNECTOR (item))
    return TRUE;
  instance = flexo_shape_get_instance (item);
  return instance == NULL || (flexo_instance_get_concept (instance) != NULL &&
                              flexo_concept_find_property (flexo_instance_get_concept (instance), "name") != NULL);
}

void
flexo_window_update_actions (FlexoWindow *self)
{
  FlexoDocument *doc = self->document;
  guint n_selected = self->canvas != NULL ? flexo_canvas_get_selection (self->canvas)->len : 0;
  guint n_diagrams = doc != NULL ? flexo_document_get_diagrams (doc)->len : 0;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  if (doc == NULL)
    return;

  flexo_window_set_action_enabled (self, "undo", flexo_document_can_undo (doc));
  flexo_window_set_action_enabled (self, "redo", flexo_document_can_redo (doc));
  flexo_window_set_action_enabled (self, "delete", n_selected > 0);
  flexo_window_set_action_enabled (self, "duplicate", n_selected > 0);
  flexo_window_set_action_enabled (self, "copy", n_selected > 0);
  flexo_window_set_action_enabled (self, "cut", n_selected > 0);
  flexo_window_set_action_enabled (self, "bring-to-front", n_selected > 0);
  flexo_window_set_action_enabled (self, "send-to-back", n_selected > 0);
  flexo_window_set_action_enabled (self, "align", n_selected > 1);
  flexo_window_set_action_enabled (self, "zoom-selection", n_selected > 0);
  flexo_window_set_action_enabled (self, "add-to-palette", n_selected > 0);
  flexo_window_set_action_enabled (self, "edit-text", n_selected == 1 && editable_text (flexo_canvas_get_selection (self->canvas)));
  flexo_window_set_action_enabled (self, "delete-diagram", n_diagrams > 1);
  flexo_window_set_action_enabled (self, "no-recent", FALSE);
  flexo_window_update_conceptualize_actions (self);

  /* Translators: the tooltip of the Undo button, with what it undoes. */
  undo_tip = flexo_document_can_undo (doc) ? g_strdup_printf (_("Undo %s"), flexo_document_get_undo_label (doc))
                                           : g_strdup (_("Undo"));
  /* Translators: the tooltip of the Redo button, with what it redoes. */
  redo_tip = flexo_document_can_redo (doc) ? g_strdup_printf (_("Redo %s"), flexo_document_get_redo_label (doc))
                                           : g_strdup (_("Redo"));
  flexo_widget_set_tooltip (self->undo_button, undo_tip);
  flexo_widget_set_tooltip (self->redo_button, redo_tip);
}

static void
recent_changed (GtkRecentManager *manager,
                FlexoWindow      *self)
{
  /* Not made yet: it is, after the window's first frame. */
  if (self->recent_menu != NULL)
    flexo_window_update_recent (self);
}

static void
nothing_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
}

/* Whether @palette has an entry for @object (a concept or relation). */
static gboolean
palette_shows (FlexoPalette *palette,
               gpointer      object)
{
  GPtrArray *entries = flexo_palette_get_entries (palette);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (flexo_palette_entry_get_concept (g_ptr_array_index (entries, i)) == object ||
        flexo_palette_entry_get_relation (g_ptr_array_index (entries, i)) == object)
      return TRUE;
  return FALSE;
}

/* An entry for a selected item: its concept or relation with its own look
 * as the template, or, for a free shape, its whole look and size. */
static FlexoPaletteEntry *
entry_for (FlexoDocument *doc,
           FlexoPalette  *palette,
           gpointer       item)
{
  FlexoPaletteEntry *entry = NULL;

  if (FLEXO_IS_SHAPE (item))
    {
      FlexoInstance *instance = flexo_shape_get_instance (item);
      FlexoConcept *concept = instance != NULL ? flexo_instance_get_concept (instance) : NULL;
      const FlexoRect *b = flexo_shape_get_bounds (item);

      if (concept != NULL)
        {
          if (palette_shows (palette, concept))
            return NULL;
          entry = flexo_palette_entry_new (doc, flexo_concept_get_name (concept));
          flexo_palette_entry_set_concept (entry, concept);
          if (flexo_shape_get_style (item) != NULL)
            flexo_palette_entry_set_style (entry, flexo_shape_get_style (item));
        }
      else
        {
          const char *text = flexo_shape_get_text (item);
          g_autofree char *label = text != NULL && *text != '\0' ? g_strndup (text, strcspn (text, "\n"))
                                                                 : g_strdup (_("My Shape"));
          FlexoStyle style;

          entry = flexo_palette_entry_new (doc, label);
          flexo_shape_resolve_style (item, &style);
          flexo_palette_entry_set_style (entry, &style);
        }
      flexo_palette_entry_set_size (entry, fabs (b->width), fabs (b->height));
    }
  else if (FLEXO_IS_CONNECTOR (item) && flexo_connector_get_link (item) != NULL)
    {
      FlexoRelation *relation = flexo_link_get_relation (flexo_connector_get_link (item));

      if (relation == NULL || palette_shows (palette, relation))
        return NULL;
      entry = flexo_palette_entry_new (doc, flexo_relation_get_name (relation));
      flexo_palette_entry_set_relation (entry, relation);
      if (flexo_connector_get_style (item) != NULL)
        flexo_palette_entry_set_style (entry, flexo_connector_get_style (item));
    }
  return entry;
}

static void
add_to_palette_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  FlexoWindow *self = user_data;
  GPtrArray *selection = self->canvas != NULL ? flexo_canvas_get_selection (self->canvas) : NULL;
  GPtrArray *palettes = flexo_document_get_palettes (self->document);
  g_autoptr(FlexoPalette) fresh = NULL;
  FlexoPalette *palette;

  if (selection == NULL || selection->len == 0 || flexo_document_in_transaction (self->document))
    return;
  flexo_canvas_stop_editing (self->canvas, TRUE);
  flexo_document_begin (self->document, _("Add to Palette"));
  if (palettes->len == 0)
    {
      fresh = flexo_palette_new (self->document, _("My Palette"));
      flexo_object_insert_child (FLEXO_OBJECT (self->document), FLEXO_LIST_PALETTES, -1, FLEXO_OBJECT (fresh));
    }
  palette = g_ptr_array_index (palettes, 0);
  for (guint i = 0; i < selection->len; i++)
    {
      g_autoptr(FlexoPaletteEntry) entry = entry_for (self->document, palette, g_ptr_array_index (selection, i));

      if (entry != NULL)
        flexo_palette_add_entry (palette, entry);
    }
  flexo_document_commit (self->document);
}

static void
new_from_template_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (flexo_template_gallery_new (user_data)));
}

static void
metamodel_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  flexo_window_show_metamodel (user_data, NULL);
}

/* The shortcuts window, made when first asked for: GTK would build it with
 * every window (from gtk/help-overlay.ui), a seventh of the startup. */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkApplicationWindow *self = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (self);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/flexo/Flexo/ui/flexo-shortcuts.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Modal, hidden on close, for this window: it keeps this action. */
      gtk_application_window_set_help_overlay (self, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static const GActionEntry window_actions[] = {
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "import-notes", import_notes_action, "s" },
  { "no-recent", nothing_action },
  { "save", save_action },
  { "save-as", save_as_action },
  { "export", export_action },
  { "print", print_action },
  { "undo", undo_action },
  { "redo", redo_action },
  { "select-all", select_all_action },
  { "delete", delete_action },
  { "duplicate", duplicate_action },
  { "copy", copy_action },
  { "cut", cut_action },
  { "paste", paste_action },
  { "edit-text", edit_text_action },
  { "bring-to-front", bring_to_front_action },
  { "send-to-back", send_to_back_action },
  { "align", align_action, "s" },
  { "zoom-in", zoom_in_action },
  { "zoom-out", zoom_out_action },
  { "zoom-reset", zoom_reset_action },
  { "zoom-fit", zoom_fit_action },
  { "zoom-selection", zoom_selection_action },
  /* Stateful booleans: activating one toggles it (GLib's default). */
  { "show-grid", NULL, NULL, "true", canvas_option_change },
  { "snap", NULL, NULL, "true", canvas_option_change },
  { "show-palette", NULL, NULL, "true", panel_change },
  { "show-inspector", NULL, NULL, "true", panel_change },
  { "show-problems", NULL, NULL, "false", panel_change },
  { "metamodel", metamodel_action },
  { "new-from-template", new_from_template_action },
  { "add-to-palette", add_to_palette_action },
  { "new-diagram", new_diagram_action },
  { "rename-diagram", rename_diagram_action },
  { "duplicate-diagram", duplicate_diagram_action },
  { "delete-diagram", delete_diagram_action },
  { "show-help-overlay", show_help_overlay_action },
};

void
flexo_window_init_actions (FlexoWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions, G_N_ELEMENTS (window_actions), self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (recent_changed), self, 0);
}
