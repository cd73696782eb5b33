/* flexo-window-private.h — what the parts of the main window share
 *
 * flexo-window.c: the window, its document, tabs and panels;
 * flexo-window-actions.c: its actions (files, edit, view, diagrams).
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-canvas.h"
#include "flexo-inspector.h"
#include "flexo-model-tree.h"
#include "flexo-palette-view.h"
#include "flexo-window.h"

G_BEGIN_DECLS

typedef void (*FlexoWindowSaved) (FlexoWindow *self,
                                  gboolean     saved);

struct _FlexoWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  AdwSplitButton       *open_button;
  GtkMenuButton        *primary_menu_button;
  GtkMenuButton        *zoom_button;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkWidget            *save_button;
  GtkWidget            *inspector_button;
  GtkWidget            *palette_button;
  GtkRevealer          *palette_revealer;
  GtkRevealer          *inspector_revealer;
  GtkBox               *palette_box;
  GtkBox               *inspector_box;
  AdwTabBar            *tab_bar;
  AdwTabView           *tab_view;
  AdwToastOverlay      *toasts;
  AdwStatusPage        *empty_page;
  GMenuModel           *canvas_menu;
  GMenuModel           *primary_menu;
  GMenuModel           *zoom_menu;
  GtkRevealer          *problems_revealer;
  GtkListBox           *problems_list;
  GtkWidget            *problems_button;
  GtkLabel             *problems_label;
  guint                 validate_id;
  GHashTable           *marked;      /* instances and links with errors */

  FlexoPaletteView     *palette;
  FlexoInspector       *inspector;     /* NULL until the first frame (see flexo_window_ensure_inspector()) */
  guint                 inspector_idle;
  FlexoModelTree       *outline;

  FlexoDocument        *document;
  gulong                changed_id;
  GFile                *file;
  GHashTable           *pages;       /* FlexoDiagram → AdwTabPage */
  FlexoCanvas          *canvas;      /* the current page's */
  AdwTabPage           *menu_page;   /* the page whose menu is open */
  GMenu                *recent_menu;
  FlexoStyle           *default_style;
  FlexoRecovery        *recovery;
  GtkWidget            *metamodel_window;
  guint                 syncing : 1;
  guint                 close_confirmed : 1;
};

/* flexo-window.c */
void     flexo_window_sync_tabs        (FlexoWindow *self);
void     flexo_window_update_title     (FlexoWindow *self);
void     flexo_window_update_actions   (FlexoWindow *self);
gboolean flexo_window_is_pristine      (FlexoWindow *self);
void     flexo_window_watch_document   (FlexoWindow *self);

/* flexo-window-problems.c */
void     flexo_window_schedule_validation (FlexoWindow *self);
void     flexo_window_validate_now     (FlexoWindow   *self);
void     flexo_window_stop_validation  (FlexoWindow   *self);
void     flexo_window_init_problems    (FlexoWindow   *self);
/* Selects what shows @object (an instance's shape, a link's connector,
 * or a shape or connector itself), in the current diagram when it is
 * there, else in another. */
void     flexo_window_show_object      (FlexoWindow   *self,
                                        FlexoObject   *object);

/* flexo-window-metamodel.c */
/* Shows the metamodel window (made on first use), @select (a concept or
 * relation, or NULL) in it; returns its FlexoMetamodelEditor. */
GtkWidget *flexo_window_show_metamodel (FlexoWindow *self,
                                        FlexoObject *select);
void     flexo_window_sync_metamodel   (FlexoWindow *self);

/* flexo-window-conceptualize.c */
void     flexo_window_init_conceptualize (FlexoWindow *self);
void     flexo_window_update_conceptualize_actions (FlexoWindow *self);
/* Asks for a concept for @example and the free shapes that look like it
 * (a suggestion of the palette). */
void     flexo_window_suggest_concept  (FlexoWindow *self,
                                        FlexoShape  *example);

/* flexo-window-clipboard.c */
gboolean flexo_window_copy_selection   (FlexoWindow   *self);
void     flexo_window_paste            (FlexoWindow   *self);
void     flexo_window_paste_fragment   (FlexoWindow   *self,
                                        FlexoDocument *fragment);

/* flexo-window-actions.c */
void     flexo_window_set_action_enabled (FlexoWindow *self,
                                          const char  *name,
                                          gboolean     enabled);
/* A question over the window: @extra (may be NULL) under @body, and the
 * buttons Cancel and @label (@response, the default). */
GtkWidget *flexo_window_new_question   (FlexoWindow *self,
                                        const char  *heading,
                                        const char  *body,
                                        GtkWidget   *extra,
                                        const char  *response,
                                        const char  *label);
void     flexo_window_init_actions     (FlexoWindow *self);
void     flexo_window_update_recent    (FlexoWindow *self);
void     flexo_window_add_recent       (FlexoWindow *self,
                                        GFile       *file);
/* Saves to the window's file, or asks for one; calls @then (may be NULL)
 * with TRUE once saved. */
void     flexo_window_save             (FlexoWindow      *self,
                                        gboolean          ask,
                                        FlexoWindowSaved  then);
/* Opens @file here when this window shows nothing worth keeping, else
 * in a new window. */
void     flexo_window_open_file        (FlexoWindow *self,
                                        GFile       *file);

G_END_DECLS
