/* flexo-palette.h — named sets of entries to draw with
 *
 * An entry is a concept or a relation with a graphical template, or a plain
 * free shape or connector (neither).
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-relation.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_PALETTE_ENTRY (flexo_palette_entry_get_type ())

G_DECLARE_FINAL_TYPE (FlexoPaletteEntry, flexo_palette_entry, FLEXO, PALETTE_ENTRY, FlexoObject)

#define FLEXO_TYPE_PALETTE (flexo_palette_get_type ())

G_DECLARE_FINAL_TYPE (FlexoPalette, flexo_palette, FLEXO, PALETTE, FlexoObject)

FlexoPalette      *flexo_palette_new                 (FlexoDocument     *document,
                                                      const char        *name);
const char        *flexo_palette_get_name            (FlexoPalette      *self);
void               flexo_palette_set_name            (FlexoPalette      *self,
                                                      const char        *name);
GPtrArray         *flexo_palette_get_entries         (FlexoPalette      *self);
void               flexo_palette_add_entry           (FlexoPalette      *self,
                                                      FlexoPaletteEntry *entry);

FlexoPaletteEntry *flexo_palette_entry_new           (FlexoDocument     *document,
                                                      const char        *label);
const char        *flexo_palette_entry_get_label     (FlexoPaletteEntry *self);
void               flexo_palette_entry_set_label     (FlexoPaletteEntry *self,
                                                      const char        *label);
/* The section it is listed under, or NULL. */
const char        *flexo_palette_entry_get_section   (FlexoPaletteEntry *self);
void               flexo_palette_entry_set_section   (FlexoPaletteEntry *self,
                                                      const char        *section);
FlexoConcept      *flexo_palette_entry_get_concept   (FlexoPaletteEntry *self);
void               flexo_palette_entry_set_concept   (FlexoPaletteEntry *self,
                                                      FlexoConcept      *concept);
FlexoRelation     *flexo_palette_entry_get_relation  (FlexoPaletteEntry *self);
void               flexo_palette_entry_set_relation  (FlexoPaletteEntry *self,
                                                      FlexoRelation     *relation);
const FlexoStyle  *flexo_palette_entry_get_style     (FlexoPaletteEntry *self);
void               flexo_palette_entry_set_style     (FlexoPaletteEntry *self,
                                                      const FlexoStyle  *style);
/* The size of the shape it creates (0 × 0: the default). */
void               flexo_palette_entry_get_size      (FlexoPaletteEntry *self,
                                                      double            *width,
                                                      double            *height);
void               flexo_palette_entry_set_size      (FlexoPaletteEntry *self,
                                                      double             width,
                                                      double             height);

G_END_DECLS
