/* flexo-gui-test.h — shared helpers of the GUI suites
 *
 * Each Check test forks (Check's default), so GTK is initialised in the
 * child, never in the runner.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <check.h>
#include <gtk/gtk.h>

#include "flexo-application.h"
#include "flexo-canvas.h"
#include "flexo-palette-view.h"
#include "flexo-window.h"

G_BEGIN_DECLS

gboolean flexo_gui_test_timed_out_cb (gpointer data);

/* Iterates the main loop until @cond holds, or fails after 10 s. */
#define WAIT_FOR(cond) \
  G_STMT_START { \
    gboolean timed_out_ = FALSE; \
    guint id_ = g_timeout_add_seconds (10, flexo_gui_test_timed_out_cb, &timed_out_); \
    while (!(cond) && !timed_out_) \
      g_main_context_iteration (NULL, TRUE); \
    if (!timed_out_) \
      g_source_remove (id_); \
    ck_assert_msg ((cond), "timed out waiting for: %s", #cond); \
  } G_STMT_END

/* Runs the main loop until nothing is pending. */
void              flexo_gui_test_flush        (void);
/* gettext in @language ("en", "fr"), whatever the environment says. */
void              flexo_gui_test_init_locale  (const char  *language);
/* A registered application with its first window mapped and laid out. */
FlexoApplication *flexo_gui_test_open_app     (FlexoWindow **window);
/* Destroys every window and the application. */
void              flexo_gui_test_teardown     (FlexoApplication **app);
/* The first descendant of @widget of @type whose string @property equals
 * @text (any, when @text is NULL). */
GtkWidget        *flexo_gui_test_find_widget  (GtkWidget   *widget,
                                               GType        type,
                                               const char  *property,
                                               const char  *text);
/* A visible toplevel of @type. */
GtkWindow        *flexo_gui_test_find_toplevel (GType       type);
/* The first controller of @widget of @type. */
GtkEventController *flexo_gui_test_find_controller (GtkWidget *widget,
                                                    GType      type);
/* Whether the program runs with a display (else the suite is skipped). */
gboolean          flexo_gui_test_has_display  (void);
/* Runs @suite as flexo_test_run() does, or skips it the TAP way without a
 * display; the exit status. */
int               flexo_gui_test_run          (Suite       *suite);
/* What @widget draws (its snapshot), on a @width × @height ARGB surface. */
cairo_surface_t  *flexo_gui_test_render       (GtkWidget   *widget,
                                               int          width,
                                               int          height);

/* Drives @canvas's drag gesture: a press at diagram point (@x, @y), moved
 * by (@dx, @dy) pixels in two steps, and a release. */
void              flexo_gui_test_drag         (FlexoCanvas *canvas,
                                               double       x,
                                               double       y,
                                               double       dx,
                                               double       dy);
/* Emits key-pressed on @widget's key controller; whether it was handled. */
gboolean          flexo_gui_test_press_key    (GtkWidget       *widget,
                                               guint            keyval,
                                               GdkModifierType  state);
/* The item of the document called @name (a palette entry, a concept or
 * a relation), or NULL; the second fails the test when there is none. */
FlexoPaletteItem *flexo_gui_test_find_model_item (FlexoPaletteView *palette,
                                                  const char       *name);
FlexoPaletteItem *flexo_gui_test_model_item   (FlexoPaletteView *palette,
                                               const char       *name);

G_END_DECLS
