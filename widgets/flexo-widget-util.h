/* flexo-widget-util.h — GTK calls made cheaper while a window is built
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

/* gtk_widget_set_tooltip_text(), without the tooltip query GTK makes
 * when the widget is visible: two round trips to the X server each,
 * pointless while the widget is not shown (a hundred as a window is
 * built, a tenth of the startup). */
void flexo_widget_set_tooltip (GtkWidget  *widget,
                               const char *text);

G_END_DECLS
