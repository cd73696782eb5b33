/* flexo-canvas.h — the diagram area
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FLEXO_TYPE_CANVAS (flexo_canvas_get_type ())

G_DECLARE_FINAL_TYPE (FlexoCanvas, flexo_canvas, FLEXO, CANVAS, GtkWidget)

GtkWidget *flexo_canvas_new           (void);
double     flexo_canvas_get_grid_size (FlexoCanvas *self);
void       flexo_canvas_set_grid_size (FlexoCanvas *self,
                                       double       grid_size);
gboolean   flexo_canvas_get_show_grid (FlexoCanvas *self);
void       flexo_canvas_set_show_grid (FlexoCanvas *self,
                                       gboolean     show_grid);

G_END_DECLS
