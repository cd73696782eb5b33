/* flexo-window.c — a main window: header bar and diagram area
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "flexo-canvas.h"
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
