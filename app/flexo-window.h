/* flexo-window.h
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "flexo-application.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_WINDOW (flexo_window_get_type ())

G_DECLARE_FINAL_TYPE (FlexoWindow, flexo_window, FLEXO, WINDOW, AdwApplicationWindow)

FlexoWindow *flexo_window_new        (FlexoApplication *application);
GtkWidget   *flexo_window_get_canvas (FlexoWindow      *self);

G_END_DECLS
