/* flexo-window.c — a main window: one document, its diagrams as tabs
 *
 * The header bar has open, undo/redo, save, zoom and the main menu; the
 * palette is on the left, the inspector on the right, and each diagram
 * of the document is a tab holding a canvas. The tabs follow the
 * document: they are made again from its list of diagrams after every
 * change (an undo may bring a diagram back).
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "flexo-canvas.h"
#include "flexo-widget-util.h"
#include "flexo-model.h"
#include "flexo-window-private.h"

G_DEFINE_FINAL_TYPE (FlexoWindow, flexo_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
flexo_window_get_settings (FlexoWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!FLEXO_IS_APPLICATION (app))
    return NULL;

  return flexo_application_get_settings (FLEXO_APPLICATION (app));
}

/* The application's, kept once known: a window leaves its application
 * before it is disposed. */
static FlexoRecovery *
get_recovery (FlexoWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->recovery == NULL && FLEXO_IS_APPLICATION (app) &&
      flexo_application_get_recovery (FLEXO_APPLICATION (app)) != NULL)
    self->recovery = g_object_ref (flexo_application_get_recovery (FLEXO_APPLICATION (app)));
  return self->recovery;
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

/* ------------------------------------------------------------- closing -- */

/* Closes the window once the dialog that asked has gone: it is transient
 * for the window and must not outlive it. */
static gboolean
close_later (gpointer data)
{
  FlexoWindow *self = data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
closed_after_save (FlexoWindow *self,
                   gboolean     saved)
{
  if (saved)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later, g_object_ref (self), g_object_unref);
}

static void
unsaved_response (AdwMessageDialog *dialog,
                  const char       *response,
                  FlexoWindow      *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later, g_object_ref (self), g_object_unref);
  else if (g_strcmp0 (response, "save") == 0)
    flexo_window_save (self, FALSE, closed_after_save);
}

static char *
document_name (FlexoWindow *self)
{
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  return g_strdup (_("Untitled Document"));
}

static gboolean
flexo_window_close_request (GtkWindow *window)
{
  FlexoWindow *self = FLEXO_WINDOW (window);

  if (!self->close_confirmed && self->document != NULL && flexo_document_get_modified (self->document))
    {
      g_autofree char *name = document_name (self);
      g_autofree char *body = g_strdup_printf (_("“%s” has changes that are not saved. "
                                                 "If you close it without saving, they are lost."), name);
      GtkWidget *dialog = adw_message_dialog_new (window, _("Save Changes?"), body);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  /* Closed on purpose: no copy of its work to offer later. */
  if (get_recovery (self) != NULL && self->document != NULL)
    flexo_recovery_unwatch (get_recovery (self), self->document);
  flexo_window_save_state (self);
  return GTK_WINDOW_CLASS (flexo_window_parent_class)->close_request (window);
}

/* --------------------------------------------------------------- title -- */

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

void
flexo_window_update_title (FlexoWindow *self)
{
  g_autofree char *name = document_name (self);
  g_autofree char *folder = self->file != NULL ? display_folder (self->file) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  gboolean modified = self->document != NULL && flexo_document_get_modified (self->document);

  /* Translators: the title of a document with unsaved changes. */
  title = modified ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, folder != NULL ? folder : "");

  /* The window list and the task switcher name the window by its file. */
  window_title = g_strdup_printf (_("%s — Flexo"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
  flexo_window_sync_metamodel (self);
}

static void
update_empty_page (FlexoWindow *self)
{
  FlexoDiagram *diagram = self->canvas != NULL ? flexo_canvas_get_diagram (self->canvas) : NULL;
  gboolean empty = diagram == NULL || flexo_diagram_get_items (diagram)->len == 0;

  if (diagram == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Diagram"));
      adw_status_page_set_description (self->empty_page, _("Add a diagram with the New Diagram button"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("Empty Diagram"));
      adw_status_page_set_description (self->empty_page,
                                       _("Drag a shape from the palette, or pick one and click on the diagram"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), empty);
}

static void
update_zoom_label (FlexoWindow *self)
{
  g_autofree char *label = NULL;
  double zoom = self->canvas != NULL ? flexo_canvas_get_zoom (self->canvas) : 1.0;

  /* Translators: the zoom level, a percentage; French writes "100 %". */
  label = g_strdup_printf (_("%.0f %%"), zoom * 100);
  gtk_menu_button_set_label (self->zoom_button, label);
}

/* ---------------------------------------------------------------- tabs -- */

static void
canvas_zoom_changed (FlexoCanvas *canvas,
                     GParamSpec  *pspec,
                     FlexoWindow *self)
{
  if (canvas == self->canvas)
    update_zoom_label (self);
}

static FlexoCanvas *page_canvas (AdwTabPage *page);

static void
outline_activated (FlexoModelTree *outline,
                   FlexoObject    *object,
                   FlexoWindow    *self)
{
  if (FLEXO_IS_DIAGRAM (object))
    {
      AdwTabPage *page = g_hash_table_lookup (self->pages, object);

      if (page != NULL)
        adw_tab_view_set_selected_page (self->tab_view, page);
    }
  else
    flexo_window_show_object (self, object);
}

static void
highlight_unclassified (FlexoModelTree *outline,
                        GParamSpec     *pspec,
                        FlexoWindow    *self)
{
  gboolean on = flexo_model_tree_get_highlight_unclassified (outline);

  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    flexo_canvas_set_highlight_free (page_canvas (adw_tab_view_get_nth_page (self->tab_view, i)), on);
}

/* The palette and the current canvas share the tool. */
static void
canvas_tool_changed (FlexoCanvas *canvas,
                     GParamSpec  *pspec,
                     FlexoWindow *self)
{
  if (canvas == self->canvas)
    flexo_palette_view_set_active_item (self->palette, flexo_canvas_get_tool (canvas));
}

static void
palette_item_changed (FlexoPaletteView *palette,
                      GParamSpec       *pspec,
                      FlexoWindow      *self)
{
  if (self->canvas != NULL)
    {
      flexo_canvas_set_tool (self->canvas, flexo_palette_view_get_active_item (palette));
      if (flexo_palette_view_get_active_item (palette) != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
}

static void
show_selection (FlexoWindow *self)
{
  if (self->inspector == NULL)
    return;
  flexo_inspector_set_selection (self->inspector, self->document,
                                 self->canvas != NULL ? flexo_canvas_get_selection (self->canvas) : NULL);
}

static void
delete_response (AdwMessageDialog *dialog,
                 const char       *response,
                 FlexoCanvas      *canvas)
{
  if (g_strcmp0 (response, "view") == 0)
    flexo_canvas_delete_selection (canvas);
  else if (g_strcmp0 (response, "everywhere") == 0)
    flexo_canvas_delete_selection_everywhere (canvas);
}

/* Deleting what shows an instance or a link: only here, or everywhere? */
static gboolean
canvas_delete_requested (FlexoCanvas *canvas,
                         FlexoWindow *self)
{
  GPtrArray *selection = flexo_canvas_get_selection (canvas);
  GtkWidget *dialog;
  guint n = 0;

  for (guint i = 0; i < selection->len; i++)
    {
      gpointer item = g_ptr_array_index (selection, i);

      n += (FLEXO_IS_SHAPE (item) && flexo_shape_get_instance (item) != NULL) ||
           (FLEXO_IS_CONNECTOR (item) && flexo_connector_get_link (item) != NULL);
    }
  if (n == 0)
    return FALSE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   ngettext ("Delete the Element of the Model?", "Delete the Elements of the Model?", n),
                                   ngettext ("The selection shows an element of the model. Remove it from this "
                                             "diagram only, or delete the element everywhere it is shown?",
                                             "The selection shows elements of the model. Remove them from this "
                                             "diagram only, or delete the elements everywhere they are shown?", n));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "view", _("_Remove from Diagram"),
                                    "everywhere", _("_Delete Everywhere"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "everywhere", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "view");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), canvas, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
canvas_selection_changed (FlexoCanvas *canvas,
                          FlexoWindow *self)
{
  if (canvas != self->canvas)
    return;
  flexo_window_update_actions (self);
  show_selection (self);
}

/* What the inspector edits with nothing selected: the look of what the
 * palette and the canvases make next. */
static void
default_style_changed (FlexoInspector *inspector,
                       FlexoWindow    *self)
{
  const FlexoStyle *style = flexo_inspector_get_default_style (inspector);

  g_clear_pointer (&self->default_style, flexo_style_free);
  if (style != NULL)
    self->default_style = flexo_style_copy (style);
  flexo_palette_view_set_default_style (self->palette, style);
  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    flexo_canvas_set_default_style (page_canvas (adw_tab_view_get_nth_page (self->tab_view, i)), style);
}

static gboolean
action_state (FlexoWindow *self,
              const char  *name)
{
  GVariant *state = g_action_group_get_action_state (G_ACTION_GROUP (self), name);
  gboolean value = state == NULL || g_variant_get_boolean (state);

  g_clear_pointer (&state, g_variant_unref);
  return value;
}

static GtkWidget *
new_page_child (FlexoWindow  *self,
                FlexoDiagram *diagram)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *canvas = flexo_canvas_new ();

  flexo_canvas_set_diagram (FLEXO_CANVAS (canvas), diagram);
  flexo_canvas_set_default_style (FLEXO_CANVAS (canvas), self->default_style);
  flexo_canvas_set_show_grid (FLEXO_CANVAS (canvas), action_state (self, "show-grid"));
  flexo_canvas_set_snap (FLEXO_CANVAS (canvas), action_state (self, "snap"));
  flexo_canvas_set_context_menu (FLEXO_CANVAS (canvas), self->canvas_menu);
  flexo_canvas_set_marked (FLEXO_CANVAS (canvas), self->marked);
  flexo_canvas_set_highlight_free (FLEXO_CANVAS (canvas), flexo_model_tree_get_highlight_unclassified (self->outline));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), canvas);
  g_signal_connect_object (canvas, "notify::zoom", G_CALLBACK (canvas_zoom_changed), self, 0);
  g_signal_connect_object (canvas, "selection-changed", G_CALLBACK (canvas_selection_changed), self, 0);
  g_signal_connect_object (canvas, "notify::tool", G_CALLBACK (canvas_tool_changed), self, 0);
  g_signal_connect_object (canvas, "delete-requested", G_CALLBACK (canvas_delete_requested), self, 0);
  return scrolled;
}

static FlexoCanvas *
page_canvas (AdwTabPage *page)
{
  GtkWidget *scrolled = adw_tab_page_get_child (page);

  return FLEXO_CANVAS (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)));
}

static const char *
diagram_title (FlexoDiagram *diagram)
{
  const char *name = flexo_diagram_get_name (diagram);

  return name != NULL && *name != '\0' ? name : _("Unnamed Diagram");
}

void
flexo_window_sync_tabs (FlexoWindow *self)
{
  GPtrArray *diagrams = self->document != NULL ? flexo_document_get_diagrams (self->document) : NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;

  self->syncing = TRUE;
  for (guint i = 0; diagrams != NULL && i < diagrams->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (diagrams, i));

  /* Pages of diagrams gone. */
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (wanted, key))
      {
        adw_tab_view_close_page (self->tab_view, value);
        g_hash_table_iter_remove (&iter);
      }

  /* New pages, order and titles. */
  for (guint i = 0; diagrams != NULL && i < diagrams->len; i++)
    {
      FlexoDiagram *diagram = g_ptr_array_index (diagrams, i);
      AdwTabPage *page = g_hash_table_lookup (self->pages, diagram);

      if (page == NULL)
        {
          page = adw_tab_view_insert (self->tab_view, new_page_child (self, diagram), (int) i);
          g_hash_table_insert (self->pages, g_object_ref (diagram), page);
        }
      else if (adw_tab_view_get_page_position (self->tab_view, page) != (int) i)
        adw_tab_view_reorder_page (self->tab_view, page, (int) i);
      adw_tab_page_set_title (page, diagram_title (diagram));
      adw_tab_page_set_tooltip (page, diagram_title (diagram));
    }
  self->syncing = FALSE;
}

static void
selected_page_changed (AdwTabView  *view,
                       GParamSpec  *pspec,
                       FlexoWindow *self)
{
  AdwTabPage *page = adw_tab_view_get_selected_page (view);

  /* The tool stays with the palette, not with the tab left. */
  if (self->canvas != NULL)
    flexo_canvas_set_tool (self->canvas, NULL);
  self->canvas = page != NULL ? page_canvas (page) : NULL;
  update_zoom_label (self);
  update_empty_page (self);
  flexo_window_update_actions (self);
  show_selection (self);
}

static gboolean
close_page (AdwTabView  *view,
            AdwTabPage  *page,
            FlexoWindow *self)
{
  FlexoDiagram *diagram;
  g_autoptr(GError) error = NULL;

  if (self->syncing)
    {
      adw_tab_view_close_page_finish (view, page, TRUE);
      return GDK_EVENT_STOP;
    }

  /* The tab goes when its diagram does (an undoable deletion); the last
   * diagram stays. */
  adw_tab_view_close_page_finish (view, page, FALSE);
  diagram = flexo_canvas_get_diagram (page_canvas (page));
  if (diagram == NULL || self->document == NULL || flexo_document_get_diagrams (self->document)->len <= 1)
    return GDK_EVENT_STOP;

  flexo_document_begin (self->document, _("Delete Diagram"));
  if (!flexo_document_delete (self->document, FLEXO_OBJECT (diagram), &error))
    {
      flexo_document_rollback (self->document);
      g_warning ("%s", error->message);
    }
  else
    flexo_document_commit (self->document);
  return GDK_EVENT_STOP;
}

static void
page_reordered (AdwTabView  *view,
                AdwTabPage  *page,
                int          position,
                FlexoWindow *self)
{
  FlexoDiagram *diagram;

  if (self->syncing || self->document == NULL)
    return;

  diagram = flexo_canvas_get_diagram (page_canvas (page));
  if (diagram == NULL || flexo_object_get_index (FLEXO_OBJECT (diagram)) == position)
    return;
  flexo_document_begin (self->document, _("Reorder Diagrams"));
  flexo_object_move_child (FLEXO_OBJECT (self->document), FLEXO_LIST_DIAGRAMS, FLEXO_OBJECT (diagram), position);
  flexo_document_commit (self->document);
}

static void
setup_menu (AdwTabView  *view,
            AdwTabPage  *page,
            FlexoWindow *self)
{
  self->menu_page = page;
}

/* ------------------------------------------------------------ document -- */

static void
document_changed (FlexoDocument *document,
                  FlexoChanges  *changes,
                  FlexoWindow   *self)
{
  if (flexo_changes_contains (changes, FLEXO_OBJECT (document)))
    flexo_window_sync_tabs (self);
  else
    {
      GPtrArray *diagrams = flexo_document_get_diagrams (document);

      /* Renamed diagrams. */
      for (guint i = 0; i < diagrams->len; i++)
        if (flexo_changes_contains (changes, g_ptr_array_index (diagrams, i)))
          {
            flexo_window_sync_tabs (self);
            break;
          }
    }
  flexo_window_update_title (self);
  update_empty_page (self);
  flexo_window_update_actions (self);
  /* The model is checked again when it changed, not when shapes moved. */
  if (!flexo_changes_only_views (changes))
    flexo_window_schedule_validation (self);
}

/* A new document: one empty diagram, nothing to save. */
static FlexoDocument *
new_document (void)
{
  FlexoDocument *document = flexo_document_new ();
  g_autoptr(FlexoDiagram) diagram = flexo_diagram_new (document, _("Diagram 1"));

  flexo_document_begin (document, _("New Diagram"));
  flexo_object_insert_child (FLEXO_OBJECT (document), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  flexo_document_commit (document);
  flexo_document_clear_history (document);
  flexo_document_set_saved (document);
  return document;
}

void
flexo_window_set_document (FlexoWindow   *self,
                           FlexoDocument *document,
                           GFile         *file)
{
  g_autoptr(FlexoDocument) fresh = NULL;

  g_return_if_fail (FLEXO_IS_WINDOW (self));
  g_return_if_fail (document == NULL || FLEXO_IS_DOCUMENT (document));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (document == NULL)
    document = fresh = new_document ();

  if (self->document != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->document);
  if (self->document != NULL && get_recovery (self) != NULL)
    flexo_recovery_unwatch (get_recovery (self), self->document);

  /* Drop the old tabs. */
  self->syncing = TRUE;
  while (adw_tab_view_get_n_pages (self->tab_view) > 0)
    adw_tab_view_close_page (self->tab_view, adw_tab_view_get_nth_page (self->tab_view, 0));
  g_hash_table_remove_all (self->pages);
  self->syncing = FALSE;
  self->canvas = NULL;

  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (document_changed), self);
  flexo_palette_view_set_document (self->palette, document);
  flexo_model_tree_set_document (self->outline, document);

  flexo_window_sync_tabs (self);
  if (adw_tab_view_get_n_pages (self->tab_view) > 0)
    adw_tab_view_set_selected_page (self->tab_view, adw_tab_view_get_nth_page (self->tab_view, 0));
  selected_page_changed (self->tab_view, NULL, self);

  if (file != NULL && g_file_query_exists (file, NULL))
    flexo_window_add_recent (self, file);
  flexo_window_update_title (self);
  flexo_window_watch_document (self);
  flexo_window_update_actions (self);
  flexo_window_validate_now (self);
}

/* Keeps a copy of the document's unsaved work (again after Save As). */
void
flexo_window_watch_document (FlexoWindow *self)
{
  g_autofree char *name = NULL;

  if (get_recovery (self) == NULL || self->document == NULL)
    return;
  /* Untitled: no title, so that it is named in the language of the run
   * that recovers it. */
  name = self->file != NULL ? g_file_get_basename (self->file) : NULL;
  flexo_recovery_watch (get_recovery (self), self->document, self->file, name);
}

/* Nothing worth keeping: untitled, unchanged, empty. */
gboolean
flexo_window_is_pristine (FlexoWindow *self)
{
  GPtrArray *diagrams;

  g_return_val_if_fail (FLEXO_IS_WINDOW (self), FALSE);

  if (self->document == NULL)
    return TRUE;
  if (self->file != NULL || flexo_document_get_modified (self->document) ||
      flexo_document_can_undo (self->document))
    return FALSE;
  diagrams = flexo_document_get_diagrams (self->document);
  for (guint i = 0; i < diagrams->len; i++)
    if (flexo_diagram_get_items (g_ptr_array_index (diagrams, i))->len > 0)
      return FALSE;
  return flexo_document_get_concepts (self->document)->len == 0;
}

/**
 * flexo_window_get_document:
 *
 * Returns: (transfer none): the document shown
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

/**
 * flexo_window_get_canvas:
 *
 * Returns: (transfer none) (nullable): the canvas of the current diagram
 */
GtkWidget *
flexo_window_get_canvas (FlexoWindow *self)
{
  g_return_val_if_fail (FLEXO_IS_WINDOW (self), NULL);

  return self->canvas != NULL ? GTK_WIDGET (self->canvas) : NULL;
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

/* ------------------------------------------------------------- drop files -- */

static gboolean
drop_files (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            FlexoWindow   *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    flexo_window_open_file (self, l->data);
  g_slist_free (files);
  return files != NULL;
}

/* --------------------------------------------------------------- class -- */

static void
flexo_window_dispose (GObject *object)
{
  FlexoWindow *self = FLEXO_WINDOW (object);

  g_clear_handle_id (&self->inspector_idle, g_source_remove);
  /* Destroyed without closing (the application quits): a clean end too. */
  if (self->document != NULL && get_recovery (self) != NULL)
    flexo_recovery_unwatch (get_recovery (self), self->document);

  if (self->metamodel_window != NULL)
    {
      GtkWidget *window = self->metamodel_window;

      g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &self->metamodel_window);
      self->metamodel_window = NULL;
      gtk_window_destroy (GTK_WINDOW (window));
    }
  if (self->document != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->recent_menu);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->default_style, flexo_style_free);
  g_clear_object (&self->recovery);
  flexo_window_stop_validation (self);

  G_OBJECT_CLASS (flexo_window_parent_class)->dispose (object);
}

/* The application is set after construction: the first document is
 * watched from then on. */
static void
application_changed (FlexoWindow *self)
{
  flexo_window_watch_document (self);
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
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, palette_button);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, palette_revealer);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, inspector_revealer);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, palette_box);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, inspector_box);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, tab_bar);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, canvas_menu);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, zoom_menu);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, problems_list);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, problems_button);
  gtk_widget_class_bind_template_child (widget_class, FlexoWindow, problems_label);
}

/* The inspector, made when first needed (and right after the first
 * frame), showing the selection. */
FlexoInspector *
flexo_window_ensure_inspector (FlexoWindow *self)
{
  g_return_val_if_fail (FLEXO_IS_WINDOW (self), NULL);

  if (self->inspector == NULL)
    {
      g_clear_handle_id (&self->inspector_idle, g_source_remove);
      self->inspector = FLEXO_INSPECTOR (flexo_inspector_new ());
      gtk_widget_set_vexpand (GTK_WIDGET (self->inspector), TRUE);
      gtk_box_append (self->inspector_box, GTK_WIDGET (self->inspector));
      if (self->default_style != NULL)
        flexo_inspector_set_default_style (self->inspector, self->default_style);
      g_signal_connect (self->inspector, "default-style-changed", G_CALLBACK (default_style_changed), self);
      show_selection (self);
    }
  return self->inspector;
}

static gboolean
make_inspector (gpointer data)
{
  FlexoWindow *self = data;

  self->inspector_idle = 0;
  flexo_window_ensure_inspector (self);
  if (self->recent_menu == NULL)
    flexo_window_update_recent (self);
  return G_SOURCE_REMOVE;
}

/* The window's first frame: the inspector and the menu of recent files
 * come right after it, so that the document shows sooner. FLEXO_REPORT_FIRST_FRAME=1 prints when it was
 * painted, for tests/bench/startup.sh; "quit" then quits, for profiling
 * the startup alone. */
static void
first_frame_painted (GdkFrameClock *clock,
                     FlexoWindow   *self)
{
  const char *report = g_getenv ("FLEXO_REPORT_FIRST_FRAME");

  g_signal_handlers_disconnect_by_func (clock, first_frame_painted, self);
  if (report != NULL)
    g_printerr ("flexo: first frame at %" G_GINT64_FORMAT " us\n", g_get_real_time ());
  if (self->inspector == NULL && self->inspector_idle == 0)
    self->inspector_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, make_inspector, self, NULL);
  if (g_strcmp0 (report, "quit") == 0)
    g_application_quit (g_application_get_default ());
}

static void
window_mapped (FlexoWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->inspector != NULL || self->inspector_idle != 0 || clock == NULL)
    return;
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_painted), self, 0);
}

static void
flexo_window_init (FlexoWindow *self)
{
  GtkDropTarget *target;

  self->pages = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  g_type_ensure (FLEXO_TYPE_PALETTE_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  flexo_menu_button_set_menu_model_later (self->primary_menu_button, self->primary_menu);
  flexo_menu_button_set_menu_model_later (self->zoom_button, self->zoom_menu);
  /* The header bar's tooltips, set here rather than in the template: see
   * flexo_widget_set_tooltip(). */
  flexo_widget_set_tooltip (GTK_WIDGET (self->open_button), _("Open a Document"));
  flexo_widget_set_tooltip (self->undo_button, _("Undo"));
  flexo_widget_set_tooltip (self->redo_button, _("Redo"));
  flexo_widget_set_tooltip (GTK_WIDGET (self->primary_menu_button), _("Main Menu"));
  flexo_widget_set_tooltip (self->save_button, _("Save the Document"));
  flexo_widget_set_tooltip (self->inspector_button, _("Show the Inspector"));
  flexo_widget_set_tooltip (GTK_WIDGET (self->zoom_button), _("Zoom"));
  flexo_widget_set_tooltip (self->palette_button, _("Show the Palette"));
  {
    GtkWidget *button = gtk_button_new_from_icon_name ("tab-new-symbolic");

    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.new-diagram");
    gtk_widget_add_css_class (button, "flat");
    flexo_widget_set_tooltip (button, _("New Diagram"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Diagram"), -1);
    adw_tab_bar_set_end_action_widget (self->tab_bar, button);
  }

  /* The left panel: the palette, and the outline of the document. */
  {
    GtkWidget *stack = gtk_stack_new ();
    GtkWidget *switcher = gtk_stack_switcher_new ();

    self->palette = FLEXO_PALETTE_VIEW (flexo_palette_view_new ());
    self->outline = FLEXO_MODEL_TREE (flexo_model_tree_new ());
    gtk_stack_add_titled (GTK_STACK (stack), GTK_WIDGET (self->palette), "palette", _("Palette"));
    gtk_stack_add_titled (GTK_STACK (stack), GTK_WIDGET (self->outline), "outline", _("Outline"));
    gtk_widget_set_vexpand (stack, TRUE);
    /* Only the page shown is measured (the outline of a large model is
     * not laid out while the palette shows). */
    gtk_stack_set_hhomogeneous (GTK_STACK (stack), FALSE);
    gtk_stack_set_vhomogeneous (GTK_STACK (stack), FALSE);
    gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (stack));
    gtk_widget_set_margin_start (switcher, 6);
    gtk_widget_set_margin_end (switcher, 6);
    gtk_widget_set_margin_top (switcher, 6);
    gtk_box_append (self->palette_box, switcher);
    gtk_box_append (self->palette_box, stack);
    g_signal_connect (self->outline, "object-activated", G_CALLBACK (outline_activated), self);
    g_signal_connect (self->outline, "notify::highlight-unclassified", G_CALLBACK (highlight_unclassified), self);
    g_signal_connect_swapped (self->palette, "concept-suggested", G_CALLBACK (flexo_window_suggest_concept), self);
  }
  g_signal_connect (self->palette, "notify::active-item", G_CALLBACK (palette_item_changed), self);

  g_signal_connect_after (self, "map", G_CALLBACK (window_mapped), NULL);

  g_signal_connect (self->tab_view, "notify::selected-page", G_CALLBACK (selected_page_changed), self);
  g_signal_connect (self->tab_view, "close-page", G_CALLBACK (close_page), self);
  g_signal_connect (self->tab_view, "page-reordered", G_CALLBACK (page_reordered), self);
  g_signal_connect (self->tab_view, "setup-menu", G_CALLBACK (setup_menu), self);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_files), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  flexo_window_init_actions (self);
  flexo_window_init_conceptualize (self);
  flexo_window_init_problems (self);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed), NULL);
}

/* Without a document: the caller gives it one before it shows. */
static FlexoWindow *
window_new (FlexoApplication *application)
{
  return g_object_new (FLEXO_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

FlexoWindow *
flexo_window_new (FlexoApplication *application)
{
  FlexoWindow *self = window_new (application);

  flexo_window_set_document (self, NULL, NULL);
  return self;
}

FlexoWindow *
flexo_window_new_loaded (FlexoApplication *application,
                         FlexoDocument    *document,
                         GFile            *file,
                         const char       *notes)
{
  FlexoWindow *self = window_new (application);

  flexo_window_show_loaded (self, document, file, notes);
  return self;
}
