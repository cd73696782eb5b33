/* flexo-window.h
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "flexo-application.h"
#include "flexo-document.h"
#include "flexo-inspector.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_WINDOW (flexo_window_get_type ())

G_DECLARE_FINAL_TYPE (FlexoWindow, flexo_window, FLEXO, WINDOW, AdwApplicationWindow)

/* A window showing a new, untitled document. */
FlexoWindow *flexo_window_new        (FlexoApplication *application);
/* A window showing @document, shown (flexo_window_show_loaded()). */
FlexoWindow *flexo_window_new_loaded (FlexoApplication *application,
                                      FlexoDocument    *document,
                                      GFile            *file,
                                      const char       *notes);
/* The canvas of the current diagram (NULL when it has none). */
GtkWidget   *flexo_window_get_canvas (FlexoWindow      *self);
/* The inspector, made right after the window's first frame (or now). */
FlexoInspector *flexo_window_ensure_inspector (FlexoWindow *self);
/* Shows @document, read from @file (NULL: a new, unsaved document). */
void         flexo_window_set_document (FlexoWindow   *self,
                                        FlexoDocument *document,
                                        GFile         *file);
FlexoDocument *flexo_window_get_document (FlexoWindow *self);
GFile       *flexo_window_get_file   (FlexoWindow      *self);
/* Whether the window shows nothing worth keeping (untitled, unchanged,
 * empty), so that a file opened can take its place. */
gboolean     flexo_window_is_pristine (FlexoWindow     *self);
/* Tells, in a dialog over the window, that @file could not be opened. */
void         flexo_window_show_open_error (FlexoWindow  *self,
                                           GFile        *file,
                                           const GError *error);

/* Shows @document, loaded from @file: as that file when it is a Flexo
 * document, else imported (no file: saving asks for one), with the
 * import's @notes (flexo_format_import(); NULL: none) in a toast. */
void         flexo_window_show_loaded  (FlexoWindow   *self,
                                        FlexoDocument *document,
                                        GFile         *file,
                                        const char    *notes);

G_END_DECLS
