/* flexo-menu-button.h — menu buttons whose popover is made when opened
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @button the menu @model, made into its popover the first time
 * the button opens (clicked, or F10 for the primary menu): a popover menu
 * is a few widgets per entry, all styled when the window first shows. */
void flexo_menu_button_set_menu_model_later (GtkMenuButton *button,
                                             GMenuModel    *model);

G_END_DECLS
