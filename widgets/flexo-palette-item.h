/* flexo-palette-item.h — what a palette entry puts on the canvas
 *
 * The palette hands one of these to the canvas, by drag and drop (as a
 * GValue of FLEXO_TYPE_PALETTE_ITEM) or as the canvas's current tool: a
 * shape of a given look and size, or a connector of a given look.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "flexo-model.h"

G_BEGIN_DECLS

typedef enum
{
  FLEXO_PALETTE_ITEM_SHAPE,
  FLEXO_PALETTE_ITEM_CONNECTOR,
} FlexoPaletteItemKind;

typedef struct _FlexoPaletteItem FlexoPaletteItem;

#define FLEXO_TYPE_PALETTE_ITEM (flexo_palette_item_get_type ())

GType                flexo_palette_item_get_type   (void) G_GNUC_CONST;

/* A shape item: @style holds the overrides its shapes get (at least the
 * shape kind); @width × @height the size of a shape dropped or clicked. */
FlexoPaletteItem    *flexo_palette_item_new_shape     (const char       *name,
                                                       const FlexoStyle *style,
                                                       double            width,
                                                       double            height);
/* A connector item: @style holds routing and arrow heads, at least. */
FlexoPaletteItem    *flexo_palette_item_new_connector (const char       *name,
                                                       const FlexoStyle *style);
/* An item bound to the metamodel: placing it creates an instance of
 * @concept with its shape, or a link of @relation with its connector. */
FlexoPaletteItem    *flexo_palette_item_new_concept   (FlexoConcept     *concept,
                                                       const FlexoStyle *style,
                                                       double            width,
                                                       double            height);
FlexoPaletteItem    *flexo_palette_item_new_relation  (FlexoRelation    *relation,
                                                       const FlexoStyle *style);
FlexoConcept        *flexo_palette_item_get_concept   (const FlexoPaletteItem *self);
FlexoRelation       *flexo_palette_item_get_relation  (const FlexoPaletteItem *self);
/* The free form its shapes get (see flexo_shape_set_form()), or NULL; set
 * before the item is handed out. */
void                 flexo_palette_item_set_form   (FlexoPaletteItem *self,
                                                    const FlexoPath  *form);
const FlexoPath     *flexo_palette_item_get_form   (const FlexoPaletteItem *self);
FlexoPaletteItem    *flexo_palette_item_ref        (FlexoPaletteItem *self);
void                 flexo_palette_item_unref      (FlexoPaletteItem *self);

FlexoPaletteItemKind flexo_palette_item_get_kind   (const FlexoPaletteItem *self);
/* The name shown to people (translated). */
const char          *flexo_palette_item_get_name   (const FlexoPaletteItem *self);
const FlexoStyle    *flexo_palette_item_get_style  (const FlexoPaletteItem *self);
void                 flexo_palette_item_get_size   (const FlexoPaletteItem *self,
                                                    double                 *width,
                                                    double                 *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlexoPaletteItem, flexo_palette_item_unref)

G_END_DECLS
