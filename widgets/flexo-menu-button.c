/* flexo-menu-button.c — menu buttons whose popover is made when opened
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-menu-button.h"

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
