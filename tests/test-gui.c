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

#include "flexo-application.h"
#include "flexo-canvas.h"
#include "flexo-model.h"
#include "flexo-test.h"
#include "flexo-window.h"

static FlexoApplication *app;
static FlexoWindow *window;

static gboolean
timed_out_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @condition holds for @widget, or fails. */
#define WAIT_FOR(cond) \
  G_STMT_START { \
    gboolean timed_out_ = FALSE; \
    guint id_ = g_timeout_add_seconds (10, timed_out_cb, &timed_out_); \
    while (!(cond) && !timed_out_) \
      g_main_context_iteration (NULL, TRUE); \
    if (!timed_out_) \
      g_source_remove (id_); \
    ck_assert_msg ((cond), "timed out waiting for: %s", #cond); \
  } G_STMT_END

static void
init_locale (const char *language)
{
  /* gettext ignores LANGUAGE in the C locale: use C.UTF-8, which every
   * Debian system has, whatever the environment says. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FLEXO_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static void
open_main_window (void)
{
  g_autoptr(GError) error = NULL;

  app = flexo_application_new (G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  ck_assert_msg (g_application_register (G_APPLICATION (app), NULL, &error),
                 "register: %s", error ? error->message : "?");
  g_application_activate (G_APPLICATION (app));

  window = FLEXO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ck_assert_ptr_nonnull (window);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)) &&
            gtk_widget_get_width (flexo_window_get_canvas (window)) > 0);
}

static void
setup_english (void)
{
  init_locale ("en");
  open_main_window ();
}

static void
setup_french (void)
{
  init_locale ("fr");
  open_main_window ();
}

static void
teardown (void)
{
  GList *windows = g_list_copy (gtk_window_list_toplevels ());

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (windows);

  while (g_main_context_iteration (NULL, FALSE))
    ;

  window = NULL;
  g_clear_object (&app);
}

/* Finds the first descendant of @widget of @type whose label or title
 * property equals @text (or any, when @text is NULL). */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *property,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      g_autofree char *value = NULL;

      if (text == NULL)
        return widget;
      g_object_get (widget, property, &value, NULL);
      if (g_strcmp0 (value, text) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, property, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

START_TEST (test_window_shows_header_and_empty_diagram)
{
  GtkWidget *header, *title, *canvas, *empty;

  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "Flexo");

  header = find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, NULL, NULL);
  ck_assert_ptr_nonnull (header);
  ck_assert (gtk_widget_get_mapped (header));

  title = find_widget (header, ADW_TYPE_WINDOW_TITLE, "title", "Flexo");
  ck_assert_ptr_nonnull (title);
  ck_assert_str_eq (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), "No document");

  canvas = flexo_window_get_canvas (window);
  ck_assert (FLEXO_IS_CANVAS (canvas));
  ck_assert (gtk_widget_get_mapped (canvas));
  /* The diagram area takes the window below the header bar. */
  ck_assert_int_ge (gtk_widget_get_width (canvas), gtk_widget_get_width (GTK_WIDGET (window)) - 1);
  ck_assert_int_gt (gtk_widget_get_height (canvas), gtk_widget_get_height (GTK_WIDGET (window)) / 2);

  empty = find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "title", "Empty Diagram");
  ck_assert_ptr_nonnull (empty);
  ck_assert (gtk_widget_get_mapped (empty));
}
END_TEST

START_TEST (test_primary_menu_has_accessible_name_and_entries)
{
  GtkWidget *button = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL, NULL);
  GMenuModel *menu;
  gboolean seen_about = FALSE, seen_quit = FALSE, seen_shortcuts = FALSE;

  ck_assert_ptr_nonnull (button);
  ck_assert_str_eq (gtk_widget_get_tooltip_text (button), "Main Menu");

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

START_TEST (test_canvas_draws_grid_in_theme_colours)
{
  GtkWidget *canvas = flexo_window_get_canvas (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint32 *pixels;
  int stride, dots = 0, blank = 0;

  GTK_WIDGET_GET_CLASS (canvas)->snapshot (canvas, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  ck_assert_ptr_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  /* Grid of 20 px: dots at multiples of 20, nothing half-way between. */
  for (int y = 20; y < 100; y += 20)
    for (int x = 20; x < 100; x += 20)
      {
        dots += (pixels[(y - 1) * stride + (x - 1)] >> 24) > 0;
        blank += (pixels[(y + 9) * stride + (x + 9)] >> 24) == 0;
      }
  cairo_surface_destroy (surface);

  ck_assert_int_eq (dots, 16);
  ck_assert_int_eq (blank, 16);

  flexo_canvas_set_show_grid (FLEXO_CANVAS (canvas), FALSE);
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (canvas)->snapshot (canvas, snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
  node = gtk_snapshot_free_to_node (snapshot);
  ck_assert_ptr_null (node);
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
  ck_assert_ptr_nonnull (find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "description",
                                      "2 diagrams · 3 concepts · 6 instances"));
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
  GtkWidget *button = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL, NULL);

  ck_assert_str_eq (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), "Aucun document");
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
  tcase_add_test (tc, test_canvas_draws_grid_in_theme_colours);
  tcase_add_test (tc, test_open_example_document);
  tcase_add_test (tc, test_open_broken_file_shows_error_and_keeps_document);
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
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      /* Meson reads exit code 77 as an error under TAP: skip the TAP way. */
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  return flexo_test_run (gui_suite ());
}
