/* flexo-palette-view-private.h — what the parts of the palette share
 *
 * flexo-palette-view.c: the view, its icons, the built-in shapes and
 * connectors, the Concepts section; flexo-palette-view-user.c: the
 * document's own palettes, shown and edited.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-painter.h"
#include "flexo-palette-view.h"

G_BEGIN_DECLS

typedef struct
{
  FlexoPaletteItem *item;
  FlexoDocument    *document;  /* the icon's own */
  FlexoDiagram     *diagram;
  gpointer          element;   /* its shape or connector */
  GtkWidget        *button;
  GtkWidget        *icon;
  FlexoPaletteEntry *source;   /* the user palette's entry it shows, or NULL */
} Entry;

struct _FlexoPaletteView
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  GtkWidget        *search;
  GtkWidget        *pointer;
  GtkWidget        *shapes;      /* GtkFlowBox */
  GtkWidget        *connectors;  /* GtkFlowBox */
  GtkWidget        *shapes_label;
  GtkWidget        *connectors_label;
  GtkWidget        *model;       /* GtkFlowBox: the document's concepts */
  GtkWidget        *model_label;
  GtkWidget        *user;        /* GtkBox: the document's own palettes */
  GtkWidget        *used;        /* GtkFlowBox: the looks of the free shapes drawn */
  GtkWidget        *used_label;
  GtkWidget        *suggestions; /* GtkBox: "3 shapes like this one — make a concept?" */

  FlexoDocument    *document;
  gulong            changed_id;
  guint             rebuild_id;
  GPtrArray        *model_entries;  /* Entry: the document's palettes', then the other concepts' */
  GPtrArray        *model_items;

  GPtrArray        *entries;     /* Entry */
  GPtrArray        *items;       /* FlexoPaletteItem, in order */
  FlexoPainter     *painter;
  FlexoStyle       *default_style;
  FlexoPaletteItem *active;
  char             *filter;
  guint             updating : 1;
};

/* Adds a button for @item (taking it) to @flow, and to @entries and
 * @items. */
void       flexo_palette_view_add_entry_to    (FlexoPaletteView *self,
                                               GtkWidget        *flow,
                                               FlexoPaletteItem *item,
                                               GPtrArray        *entries,
                                               GPtrArray        *items);
GtkWidget *flexo_palette_view_new_flow_box    (FlexoPaletteView *self,
                                               const char       *name);
GtkWidget *flexo_palette_view_new_heading     (const char       *text);

/* flexo-palette-view-user.c */
/* Shows @palette in the view's user box; what its entries show goes into
 * @covered. */
void       flexo_palette_view_add_user_palette (FlexoPaletteView *self,
                                                FlexoPalette     *palette,
                                                GHashTable       *covered);
void       flexo_palette_view_init_user_actions (FlexoPaletteView *self);

G_END_DECLS
