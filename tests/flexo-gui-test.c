/* flexo-gui-test.c — shared helpers of the GUI suites
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "flexo-gui-test.h"
#include "flexo-test.h"

gboolean
flexo_gui_test_timed_out_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
flexo_gui_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
flexo_gui_test_init_locale (const char *language)
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

FlexoApplication *
flexo_gui_test_open_app (FlexoWindow **window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = g_dir_make_tmp ("flexo-test-state-XXXXXX", NULL);
  FlexoApplication *app;

  /* A state folder of its own: no recovered work from another test. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  app = flexo_application_new (G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  ck_assert_msg (g_application_register (G_APPLICATION (app), NULL, &error),
                 "register: %s", error ? error->message : "?");
  g_application_activate (G_APPLICATION (app));

  *window = FLEXO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ck_assert_ptr_nonnull (*window);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (*window)) &&
            flexo_window_get_canvas (*window) != NULL &&
            gtk_widget_get_width (flexo_window_get_canvas (*window)) > 0);
  flexo_gui_test_flush ();
  return app;
}

void
flexo_gui_test_teardown (FlexoApplication **app)
{
  GList *windows = g_list_copy (gtk_window_list_toplevels ());

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (windows);

  flexo_gui_test_flush ();
  g_clear_object (app);
}

GtkWidget *
flexo_gui_test_find_widget (GtkWidget  *widget,
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
      GtkWidget *found = flexo_gui_test_find_widget (child, type, property, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWindow *
flexo_gui_test_find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

GtkEventController *
flexo_gui_test_find_controller (GtkWidget *widget,
                                GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
    }
  return NULL;
}

gboolean
flexo_gui_test_has_display (void)
{
  return g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
}

int
flexo_gui_test_run (Suite *suite)
{
  if (!flexo_gui_test_has_display ())
    {
      /* Meson reads exit code 77 as an error under TAP: skip the TAP way. */
      g_print ("1..0 # SKIP no display\n");
      srunner_free (srunner_create (suite));
      return 0;
    }
  return flexo_test_run (suite);
}

cairo_surface_t *
flexo_gui_test_render (GtkWidget *widget,
                       int        width,
                       int        height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  ck_assert_ptr_nonnull (node);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

void
flexo_gui_test_drag (FlexoCanvas *canvas,
                     double       x,
                     double       y,
                     double       dx,
                     double       dy)
{
  GtkEventController *gesture = flexo_gui_test_find_controller (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_DRAG);
  double vx, vy;

  ck_assert_ptr_nonnull (gesture);
  flexo_canvas_diagram_to_view (canvas, (FlexoPoint) { x, y }, &vx, &vy);
  g_signal_emit_by_name (gesture, "drag-begin", vx, vy);
  if (dx != 0 || dy != 0)
    {
      g_signal_emit_by_name (gesture, "drag-update", dx / 2, dy / 2);
      g_signal_emit_by_name (gesture, "drag-update", dx, dy);
    }
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
  flexo_gui_test_flush ();
}

gboolean
flexo_gui_test_press_key (GtkWidget       *widget,
                          guint            keyval,
                          GdkModifierType  state)
{
  GtkEventController *keys = flexo_gui_test_find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  ck_assert_ptr_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  flexo_gui_test_flush ();
  return handled;
}

FlexoPaletteItem *
flexo_gui_test_find_model_item (FlexoPaletteView *palette,
                                const char       *name)
{
  GPtrArray *items = flexo_palette_view_get_model_items (palette);

  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (flexo_palette_item_get_name (g_ptr_array_index (items, i)), name) == 0)
      return g_ptr_array_index (items, i);
  return NULL;
}

FlexoPaletteItem *
flexo_gui_test_model_item (FlexoPaletteView *palette,
                           const char       *name)
{
  FlexoPaletteItem *item = flexo_gui_test_find_model_item (palette, name);

  ck_assert_msg (item != NULL, "no palette item %s", name);
  return item;
}
