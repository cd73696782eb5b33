/* flexo-widget-util.c — GTK calls made cheaper while a window is built
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-widget-util.h"

#define MODEL_KEY "flexo-menu-model-later"

static void
create_popup (GtkMenuButton *button,
              gpointer       data)
{
  GMenuModel *model = g_object_get_data (G_OBJECT (button), MODEL_KEY);

  (void) data;
  if (model == NULL || gtk_menu_button_get_popover (button) != NULL)
    return;
  gtk_menu_button_set_menu_model (button, model);
  g_object_set_data (G_OBJECT (button), MODEL_KEY, NULL);
}

void
flexo_menu_button_set_menu_model_later (GtkMenuButton *button,
                                        GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  g_object_set_data_full (G_OBJECT (button), MODEL_KEY, g_object_ref (model), g_object_unref);
  gtk_menu_button_set_create_popup_func (button, create_popup, NULL, NULL);
}

void
flexo_widget_set_tooltip (GtkWidget  *widget,
                          const char *text)
{
  GtkWidget *parent;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* Hidden and shown again, a stack's page would no longer be its
   * visible one (nor a notebook's): elsewhere hiding an unmapped widget
   * only queues a new layout. */
  parent = gtk_widget_get_parent (widget);
  if (gtk_widget_get_mapped (widget) || !gtk_widget_get_visible (widget) ||
      GTK_IS_STACK (parent) || GTK_IS_NOTEBOOK (parent))
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }
  /* GTK asks the pointer's position of the X server only for a visible
   * widget, to show the tooltip at once if the pointer is over it: not
   * shown yet, it cannot be. */
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, TRUE);
}
