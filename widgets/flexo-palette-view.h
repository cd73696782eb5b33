/* flexo-palette-view.h — the basic palette: every shape and connector kind
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "flexo-palette-item.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_PALETTE_VIEW (flexo_palette_view_get_type ())

G_DECLARE_FINAL_TYPE (FlexoPaletteView, flexo_palette_view, FLEXO, PALETTE_VIEW, GtkWidget)

GtkWidget        *flexo_palette_view_new               (void);
/* The look every item starts from (the default style of new elements);
 * the icons are drawn again with it. NULL: the theme's. */
void              flexo_palette_view_set_default_style (FlexoPaletteView *self,
                                                        const FlexoStyle *style);
/* The item picked as a tool, or NULL for the pointer. */
FlexoPaletteItem *flexo_palette_view_get_active_item   (FlexoPaletteView *self);
void              flexo_palette_view_set_active_item   (FlexoPaletteView *self,
                                                        FlexoPaletteItem *item);
/* The items in order, shapes then connectors. */
GPtrArray        *flexo_palette_view_get_items         (FlexoPaletteView *self);
/* The button of @item (tests, keyboard). */
GtkWidget        *flexo_palette_view_get_button        (FlexoPaletteView *self,
                                                        FlexoPaletteItem *item);
/* The document whose palettes, concepts and relations the view shows
 * (kept up to date with it): each of its palettes under its name, then,
 * under "Concepts" (or "Other Concepts"), what they do not show. NULL:
 * none. */
void              flexo_palette_view_set_document      (FlexoPaletteView *self,
                                                        FlexoDocument    *document);
/* The items of the document: its palettes' entries in order, then the
 * other concepts and relations. */
GPtrArray        *flexo_palette_view_get_model_items   (FlexoPaletteView *self);
/* Shows only the items whose name matches @query (NULL or "": all). */
void              flexo_palette_view_set_filter        (FlexoPaletteView *self,
                                                        const char       *query);

/* Signal "concept-suggested" (FlexoShape *example): the person accepts
 * the suggestion to make @example and the free shapes that look like it
 * instances of a new concept. */

G_END_DECLS
