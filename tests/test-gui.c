/* test-gui.c — the main window, opened headless
 *
 * Each test runs in its own forked process (Check's default), so GTK is
 * initialised inside the child, never in the runner.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "flexo-application.h"
#include "flexo-canvas.h"
#include "flexo-inspector.h"
#include "flexo-model.h"
#include "flexo-gui-test.h"
#include "flexo-test.h"
#include "flexo-widget-util.h"
#include "flexo-window.h"

static FlexoApplication *app;
static FlexoWindow *window;

#define find_widget flexo_gui_test_find_widget
#define find_toplevel flexo_gui_test_find_toplevel

static void
setup_english (void)
{
  flexo_gui_test_init_locale ("en");
  app = flexo_gui_test_open_app (&window);
}

static void
setup_french (void)
{
  flexo_gui_test_init_locale ("fr");
  app = flexo_gui_test_open_app (&window);
}

static void
teardown (void)
{
  window = NULL;
  flexo_gui_test_teardown (&app);
}

START_TEST (test_window_shows_header_and_empty_diagram)
{
  GtkWidget *header, *title, *canvas, *empty;

  /* A new window holds a new document with one empty diagram. */
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "Untitled Document — Flexo");
  ck_assert (flexo_window_is_pristine (window));
  ck_assert_uint_eq (flexo_document_get_diagrams (flexo_window_get_document (window))->len, 1);

  header = find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, NULL, NULL);
  ck_assert_ptr_nonnull (header);
  ck_assert (gtk_widget_get_mapped (header));

  title = find_widget (header, ADW_TYPE_WINDOW_TITLE, "title", "Untitled Document");
  ck_assert_ptr_nonnull (title);
  ck_assert_str_eq (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), "");

  canvas = flexo_window_get_canvas (window);
  ck_assert (FLEXO_IS_CANVAS (canvas));
  ck_assert (gtk_widget_get_mapped (canvas));
  /* The diagram area takes most of the window, between the panels. */
  ck_assert_int_gt (gtk_widget_get_width (canvas), gtk_widget_get_width (GTK_WIDGET (window)) / 3);
  ck_assert_int_gt (gtk_widget_get_height (canvas), gtk_widget_get_height (GTK_WIDGET (window)) / 2);

  empty = find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "title", "Empty Diagram");
  ck_assert_ptr_nonnull (empty);
  ck_assert (gtk_widget_get_mapped (empty));
}
END_TEST

START_TEST (test_primary_menu_has_accessible_name_and_entries)
{
  GtkWidget *button = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "tooltip-text", "Main Menu");
  GMenuModel *menu;
  gboolean seen_about = FALSE, seen_quit = FALSE, seen_shortcuts = FALSE;

  ck_assert_ptr_nonnull (button);
  ck_assert_str_eq (gtk_widget_get_tooltip_text (button), "Main Menu");
  ck_assert (gtk_widget_is_sensitive (button));

  /* Its popover is made when it first opens (F10 opens it too). */
  ck_assert_ptr_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  ck_assert_ptr_nonnull (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  ck_assert_ptr_nonnull (menu);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          seen_about |= g_strcmp0 (action, "app.about") == 0;
          seen_quit |= g_strcmp0 (action, "app.quit") == 0;
          seen_shortcuts |= g_strcmp0 (action, "win.show-help-overlay") == 0;
        }
    }
  ck_assert (seen_about && seen_quit && seen_shortcuts);
}
END_TEST

START_TEST (test_actions_and_accelerators)
{
  g_auto(GStrv) quit = NULL;
  g_auto(GStrv) help = NULL;

  ck_assert (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "quit"));
  ck_assert (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "about"));
  ck_assert (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-help-overlay"));

  quit = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  ck_assert_int_eq (g_strv_length (quit), 1);
  ck_assert_str_eq (quit[0], "<Control>q");

  help = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  ck_assert (g_strv_contains ((const char * const *) help, "<Control>question"));
}
END_TEST

START_TEST (test_about_window)
{
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  WAIT_FOR (find_toplevel (ADW_TYPE_ABOUT_WINDOW) != NULL);

  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  ck_assert_str_eq (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), "Flexo");
  ck_assert_str_eq (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), PACKAGE_VERSION);
  ck_assert_str_eq (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), APPLICATION_ID);
  ck_assert_ptr_eq (gtk_window_get_transient_for (about), GTK_WINDOW (window));
  ck_assert (gtk_window_get_modal (about));
  /* The icon the about window names is found, from the bundled resources. */
  ck_assert (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      APPLICATION_ID));
}
END_TEST

START_TEST (test_shortcuts_window)
{
  GtkWindow *shortcuts;
  GtkWidget *quit;

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  WAIT_FOR (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL);

  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  quit = find_widget (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT, "title", "Quit");
  ck_assert_ptr_nonnull (quit);
  ck_assert_ptr_nonnull (find_widget (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT,
                                      "title", "Keyboard shortcuts"));
}
END_TEST

START_TEST (test_new_window_and_quit)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  ck_assert_int_eq (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), 2);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  WAIT_FOR (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL);
}
END_TEST

START_TEST (test_canvas_draws_grid_on_paper)
{
  FlexoCanvas *canvas = FLEXO_CANVAS (flexo_window_get_canvas (window));
  cairo_surface_t *surface;
  guint32 *pixels;
  int stride, dots = 0, blank = 0;

  /* The diagram's origin at the top left, at 100 %. */
  flexo_canvas_set_zoom (canvas, 1.0);
  flexo_canvas_scroll_to (canvas, (FlexoPoint) { 0, 0 }, 0, 0);

  for (int pass = 0; pass < 2; pass++)
    {
      surface = flexo_gui_test_render (GTK_WIDGET (canvas), 100, 100);

      pixels = (guint32 *) cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface) / 4;
      dots = blank = 0;
      /* Grid of 20 units: dots at multiples of 20 on white paper. */
      for (int y = 20; y < 100; y += 20)
        for (int x = 20; x < 100; x += 20)
          {
            dots += pixels[(y - 1) * stride + (x - 1)] != 0xffffffff;
            blank += pixels[(y + 9) * stride + (x + 9)] == 0xffffffff;
          }
      cairo_surface_destroy (surface);

      ck_assert_int_eq (dots, pass == 0 ? 16 : 0);
      ck_assert_int_eq (blank, 16);
      flexo_canvas_set_show_grid (canvas, FALSE);
    }
}
END_TEST

static GFile *
data_file (const char *first,
           ...)
{
  g_autofree char *path = NULL;
  GPtrArray *parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_getenv ("FLEXO_TEST_DATA"));
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  for (const char *p = va_arg (args, const char *); p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_free (parts, TRUE);
  return g_file_new_for_path (path);
}

static void
open_file (GFile *file)
{
  g_application_open (G_APPLICATION (app), &file, 1, "");
}

START_TEST (test_open_example_document)
{
  g_autoptr(GFile) file = data_file ("..", "..", "resources", "examples", "library.flexo", NULL);
  GtkWidget *header = find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, NULL, NULL);
  GtkWidget *title = find_widget (header, ADW_TYPE_WINDOW_TITLE, NULL, NULL);
  FlexoDocument *document;

  open_file (file);

  /* The empty window takes the document: no second window. */
  ck_assert_int_eq (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), 1);
  document = flexo_window_get_document (window);
  ck_assert_ptr_nonnull (document);
  ck_assert_uint_eq (flexo_document_get_diagrams (document)->len, 2);
  ck_assert (!flexo_document_get_modified (document));
  ck_assert (g_file_equal (flexo_window_get_file (window), file));

  ck_assert_str_eq (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), "library.flexo");
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "library.flexo — Flexo");
  /* One tab per diagram, the first one shown. */
  {
    AdwTabView *tabs = ADW_TAB_VIEW (find_widget (GTK_WIDGET (window), ADW_TYPE_TAB_VIEW, NULL, NULL));

    ck_assert_int_eq (adw_tab_view_get_n_pages (tabs), 2);
    ck_assert_str_eq (adw_tab_page_get_title (adw_tab_view_get_nth_page (tabs, 0)), "Use cases");
    ck_assert_str_eq (adw_tab_page_get_title (adw_tab_view_get_nth_page (tabs, 1)), "Resources");
    ck_assert_ptr_eq (flexo_canvas_get_diagram (FLEXO_CANVAS (flexo_window_get_canvas (window))),
                      g_ptr_array_index (flexo_document_get_diagrams (document), 0));
    /* A diagram with shapes has no "empty" hint over it. */
    ck_assert (!gtk_widget_get_visible (find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, NULL, NULL)));
  }
}
END_TEST

/* The inspector comes just after the window's first frame, and shows the
 * selection made before it came. */
START_TEST (test_inspector_after_first_frame)
{
  g_autoptr(GFile) file = data_file ("..", "..", "resources", "examples", "library.flexo", NULL);
  FlexoCanvas *canvas;
  GtkWidget *inspector;
  GPtrArray *items;

  open_file (file);
  canvas = FLEXO_CANVAS (flexo_window_get_canvas (window));
  items = flexo_diagram_get_items (flexo_canvas_get_diagram (canvas));
  flexo_canvas_select (canvas, g_ptr_array_index (items, 0), FALSE);
  WAIT_FOR (find_widget (GTK_WIDGET (window), FLEXO_TYPE_INSPECTOR, NULL, NULL) != NULL);
  inspector = find_widget (GTK_WIDGET (window), FLEXO_TYPE_INSPECTOR, NULL, NULL);
  ck_assert (gtk_widget_get_mapped (inspector));
  ck_assert_ptr_eq (flexo_window_ensure_inspector (window), FLEXO_INSPECTOR (inspector));
  /* A shape selected: its rows, not the connectors'. */
  ck_assert (flexo_inspector_is_shown (FLEXO_INSPECTOR (inspector), FLEXO_STYLE_FILL));
  ck_assert (!flexo_inspector_is_shown (FLEXO_INSPECTOR (inspector), FLEXO_STYLE_ROUTING));
}
END_TEST

START_TEST (test_open_other_format_is_an_error)
{
  g_autofree char *dir = g_dir_make_tmp ("flexo-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FlexoDocument *document = flexo_window_get_document (window);
  GtkWindow *dialog;

  ck_assert (g_file_set_contents (path, "not a diagram\n", -1, NULL));
  open_file (file);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  ck_assert_str_eq (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Could Not Open “notes.txt”");
  ck_assert_ptr_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "not a format Flexo reads"));
  /* The window keeps its document. */
  ck_assert_ptr_eq (flexo_window_get_document (window), document);
  g_unlink (path);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_live_validation_lists_and_marks_problems)
{
  g_autoptr(GFile) file = data_file ("model", "library-broken.flexo", NULL);
  GtkWidget *button, *list, *row, *fix;
  FlexoCanvas *canvas;
  FlexoDocument *document;
  FlexoInstance *actor;
  guint n_links;
  FlexoShape *actor_shape = NULL;
  GPtrArray *items;

  open_file (file);
  document = flexo_window_get_document (window);
  canvas = FLEXO_CANVAS (flexo_window_get_canvas (window));
  button = find_widget (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, "tooltip-text", "Show the Problems of the Model");
  ck_assert_ptr_nonnull (button);
  WAIT_FOR (gtk_widget_get_visible (button));
  ck_assert_ptr_nonnull (find_widget (button, GTK_TYPE_LABEL, "label", "3 Problems"));

  /* The shape of the nameless actor carries a mark. */
  actor = FLEXO_INSTANCE (g_ptr_array_index (flexo_document_get_instances (document), 0));
  items = flexo_diagram_get_items (flexo_canvas_get_diagram (canvas));
  for (guint i = 0; i < items->len; i++)
    if (FLEXO_IS_SHAPE (g_ptr_array_index (items, i)) &&
        flexo_shape_get_instance (g_ptr_array_index (items, i)) == actor)
      actor_shape = g_ptr_array_index (items, i);
  ck_assert_ptr_nonnull (actor_shape);
  ck_assert (flexo_canvas_is_marked (canvas, actor_shape));

  /* The panel lists them; activating one selects its shape. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-problems", NULL);
  list = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, NULL, NULL);
  ck_assert_ptr_nonnull (list);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  ck_assert_ptr_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  ck_assert_uint_eq (flexo_canvas_get_selection (canvas)->len, 1);
  ck_assert_ptr_eq (g_ptr_array_index (flexo_canvas_get_selection (canvas), 0), actor_shape);

  /* Fixed, it goes, a moment later. */
  flexo_document_begin (document, "Name");
  flexo_instance_set_value (actor, flexo_concept_find_property (flexo_instance_get_concept (actor), "name"), "Member");
  flexo_document_commit (document);
  WAIT_FOR (find_widget (button, GTK_TYPE_LABEL, "label", "2 Problems") != NULL);
  ck_assert (!flexo_canvas_is_marked (canvas, actor_shape));

  /* Quick fixes: the default value instead of a bad one, then away with
   * a link its relation does not allow; each one undo step. */
  fix = find_widget (list, GTK_TYPE_BUTTON, "tooltip-text", "Use the default, “2”");
  ck_assert_ptr_nonnull (fix);
  g_signal_emit_by_name (fix, "clicked");
  ck_assert_str_eq (flexo_document_get_undo_label (document), "Use the default, “2”");
  WAIT_FOR (find_widget (button, GTK_TYPE_LABEL, "label", "1 Problem") != NULL);
  fix = find_widget (list, GTK_TYPE_BUTTON, "tooltip-text", "Delete the link");
  ck_assert_ptr_nonnull (fix);
  n_links = flexo_document_get_links (document)->len;
  g_signal_emit_by_name (fix, "clicked");
  ck_assert_uint_eq (flexo_document_get_links (document)->len, n_links - 1);
  WAIT_FOR (!gtk_widget_get_visible (button));
  ck_assert (flexo_document_undo (document));
  WAIT_FOR (gtk_widget_get_visible (button) && find_widget (button, GTK_TYPE_LABEL, "label", "1 Problem") != NULL);
}
END_TEST

/* A Dia diagram is imported: its shapes, no file (saving asks for one). */
START_TEST (test_open_dia_imports)
{
  g_autoptr(GFile) file = data_file ("dia", "samples", "UML-demo.dia", NULL);
  FlexoDocument *document;
  FlexoDiagram *diagram;

  open_file (file);
  document = flexo_window_get_document (window);
  ck_assert_uint_eq (flexo_document_get_diagrams (document)->len, 1);
  diagram = g_ptr_array_index (flexo_document_get_diagrams (document), 0);
  ck_assert_uint_gt (flexo_diagram_get_items (diagram)->len, 10);
  ck_assert_str_eq (flexo_diagram_get_name (diagram), "UML-demo");
  ck_assert_ptr_null (flexo_window_get_file (window));
  ck_assert_int_eq (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), 1);

}
END_TEST

static guint unallocated_snapshots;

static GLogWriterOutput
count_unallocated (GLogLevelFlags   level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (strcmp (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
        strstr (fields[i].value, "without a current allocation") != NULL)
      unallocated_snapshots++;
  return g_log_writer_default (level, fields, n_fields, data);
}

/* A document fitted to the window as it is first laid out: the zoom
 * button says the zoom once that is over. Changed in the middle of it,
 * the header bar was drawn unallocated (a GTK warning). */
START_TEST (test_open_fits_without_unallocated_header)
{
  g_autoptr(GFile) file = data_file ("dia", "samples", "ER-demo.dia", NULL);
  GtkWidget *zoom = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "tooltip-text", "Zoom");
  g_autofree char *expected = NULL;
  double fitted;

  g_log_set_writer_func (count_unallocated, NULL, NULL);
  open_file (file);
  flexo_gui_test_flush ();
  fitted = flexo_canvas_get_zoom (FLEXO_CANVAS (flexo_window_get_canvas (window)));
  ck_assert_double_lt (fitted, 0.95);
  expected = g_strdup_printf ("%.0f %%", fitted * 100);
  ck_assert_str_eq (gtk_menu_button_get_label (GTK_MENU_BUTTON (zoom)), expected);
  ck_assert_uint_eq (unallocated_snapshots, 0);
}
END_TEST

/* A tooltip set on a widget not yet shown: set, the widget still shown,
 * and a stack's page still the one it shows (hidden and shown again
 * around the call, it would no longer be). */
START_TEST (test_tooltip_before_showing)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *first = gtk_label_new ("first");
  GtkWidget *second = gtk_label_new ("second");
  GtkWidget *button = gtk_button_new_with_label ("button");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  g_object_ref_sink (stack);
  g_object_ref_sink (box);
  gtk_stack_add_named (GTK_STACK (stack), first, "first");
  gtk_stack_add_named (GTK_STACK (stack), second, "second");
  gtk_stack_set_visible_child (GTK_STACK (stack), first);
  gtk_box_append (GTK_BOX (box), button);

  flexo_widget_set_tooltip (first, "The first page");
  ck_assert_ptr_eq (gtk_stack_get_visible_child (GTK_STACK (stack)), first);
  ck_assert_str_eq (gtk_widget_get_tooltip_text (first), "The first page");
  ck_assert (gtk_widget_get_visible (first));

  flexo_widget_set_tooltip (button, "Press it");
  ck_assert_str_eq (gtk_widget_get_tooltip_text (button), "Press it");
  ck_assert (gtk_widget_get_visible (button));
  ck_assert (gtk_widget_get_has_tooltip (button));
  flexo_widget_set_tooltip (button, NULL);
  ck_assert_ptr_null (gtk_widget_get_tooltip_text (button));
  ck_assert (gtk_widget_get_visible (button));

  g_object_unref (box);
  g_object_unref (stack);
}
END_TEST

START_TEST (test_open_new_file_name)
{
  g_autofree char *dir = g_dir_make_tmp ("flexo-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new figure.flexo", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* A name that does not exist yet: a new document, saved there. */
  open_file (file);
  ck_assert_int_eq (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), 1);
  ck_assert_ptr_null (flexo_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  ck_assert (g_file_equal (flexo_window_get_file (window), file));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "new figure.flexo — Flexo");
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));

  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  ck_assert (g_file_test (path, G_FILE_TEST_EXISTS));
  g_unlink (path);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_open_broken_file_shows_error_and_keeps_document)
{
  g_autoptr(GFile) good = data_file ("..", "..", "resources", "examples", "library.flexo", NULL);
  g_autoptr(GFile) broken = data_file ("native", "dangling-reference.flexo", NULL);
  FlexoDocument *document;
  GtkWindow *dialog;

  open_file (good);
  document = flexo_window_get_document (window);
  ck_assert_ptr_nonnull (document);

  open_file (broken);
  WAIT_FOR (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  ck_assert_str_eq (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                    "Could Not Open “dangling-reference.flexo”");
  ck_assert_msg (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                         "dangling-reference.flexo:6: no shape with id “s99”") != NULL,
                 "%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  ck_assert_ptr_eq (gtk_window_get_transient_for (dialog), GTK_WINDOW (window));

  /* The window still shows the document it had, and no window was added. */
  ck_assert_ptr_eq (flexo_window_get_document (window), document);
  ck_assert_int_eq (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), 1);
}
END_TEST

START_TEST (test_window_in_french)
{
  GtkWidget *header = find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, NULL, NULL);
  GtkWidget *title = find_widget (header, ADW_TYPE_WINDOW_TITLE, NULL, NULL);
  GtkWidget *button = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "tooltip-text", "Menu principal");

  ck_assert_str_eq (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), "Document sans titre");
  ck_assert_ptr_nonnull (button);
  ck_assert_str_eq (gtk_widget_get_tooltip_text (button), "Menu principal");
  ck_assert_ptr_nonnull (find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE,
                                      "title", "Diagramme vide"));
}
END_TEST

static Suite *
gui_suite (void)
{
  Suite *s = suite_create ("gui");
  TCase *tc = tcase_create ("main-window");
  TCase *fr = tcase_create ("french");

  tcase_set_timeout (tc, 60);
  tcase_add_checked_fixture (tc, setup_english, teardown);
  tcase_add_test (tc, test_window_shows_header_and_empty_diagram);
  tcase_add_test (tc, test_primary_menu_has_accessible_name_and_entries);
  tcase_add_test (tc, test_actions_and_accelerators);
  tcase_add_test (tc, test_about_window);
  tcase_add_test (tc, test_shortcuts_window);
  tcase_add_test (tc, test_new_window_and_quit);
  tcase_add_test (tc, test_canvas_draws_grid_on_paper);
  tcase_add_test (tc, test_open_example_document);
  tcase_add_test (tc, test_open_broken_file_shows_error_and_keeps_document);
  tcase_add_test (tc, test_open_new_file_name);
  tcase_add_test (tc, test_open_dia_imports);
  tcase_add_test (tc, test_open_fits_without_unallocated_header);
  tcase_add_test (tc, test_live_validation_lists_and_marks_problems);
  tcase_add_test (tc, test_open_other_format_is_an_error);
  tcase_add_test (tc, test_inspector_after_first_frame);
  tcase_add_test (tc, test_tooltip_before_showing);
  suite_add_tcase (s, tc);

  tcase_set_timeout (fr, 60);
  tcase_add_checked_fixture (fr, setup_french, teardown);
  tcase_add_test (fr, test_window_in_french);
  suite_add_tcase (s, fr);

  return s;
}

int
main (void)
{
  return flexo_gui_test_run (gui_suite ());
}
