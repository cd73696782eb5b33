/* flexo-palette-item.c — what a palette entry puts on the canvas
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-palette-item.h"

struct _FlexoPaletteItem
{
  gatomicrefcount       ref_count;
  FlexoPaletteItemKind  kind;
  char                 *name;
  FlexoStyle           *style;
  double                width;
  double                height;
  FlexoConcept         *concept;
  FlexoRelation        *relation;
  FlexoPath            *form;
};

G_DEFINE_BOXED_TYPE (FlexoPaletteItem, flexo_palette_item,
                     flexo_palette_item_ref, flexo_palette_item_unref)

static FlexoPaletteItem *
palette_item_new (FlexoPaletteItemKind  kind,
                  const char           *name,
                  const FlexoStyle     *style)
{
  FlexoPaletteItem *self = g_new0 (FlexoPaletteItem, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->name = g_strdup (name != NULL ? name : "");
  self->style = style != NULL ? flexo_style_copy (style) : flexo_style_new ();
  return self;
}

FlexoPaletteItem *
flexo_palette_item_new_shape (const char       *name,
                              const FlexoStyle *style,
                              double            width,
                              double            height)
{
  FlexoPaletteItem *self = palette_item_new (FLEXO_PALETTE_ITEM_SHAPE, name, style);

  self->width = width > 0 ? width : 120;
  self->height = height > 0 ? height : 60;
  return self;
}

FlexoPaletteItem *
flexo_palette_item_new_connector (const char       *name,
                                  const FlexoStyle *style)
{
  return palette_item_new (FLEXO_PALETTE_ITEM_CONNECTOR, name, style);
}

FlexoPaletteItem *
flexo_palette_item_new_concept (FlexoConcept     *concept,
                                const FlexoStyle *style,
                                double            width,
                                double            height)
{
  FlexoPaletteItem *self;

  g_return_val_if_fail (FLEXO_IS_CONCEPT (concept), NULL);

  self = flexo_palette_item_new_shape (flexo_concept_get_name (concept), style, width, height);
  self->concept = g_object_ref (concept);
  return self;
}

FlexoPaletteItem *
flexo_palette_item_new_relation (FlexoRelation    *relation,
                                 const FlexoStyle *style)
{
  FlexoPaletteItem *self;

  g_return_val_if_fail (FLEXO_IS_RELATION (relation), NULL);

  self = flexo_palette_item_new_connector (flexo_relation_get_name (relation), style);
  self->relation = g_object_ref (relation);
  return self;
}

FlexoConcept *
flexo_palette_item_get_concept (const FlexoPaletteItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->concept;
}

FlexoRelation *
flexo_palette_item_get_relation (const FlexoPaletteItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->relation;
}

void
flexo_palette_item_set_form (FlexoPaletteItem *self,
                             const FlexoPath  *form)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->form, flexo_path_free);
  if (form != NULL)
    self->form = flexo_path_copy (form);
}

const FlexoPath *
flexo_palette_item_get_form (const FlexoPaletteItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->form;
}

FlexoPaletteItem *
flexo_palette_item_ref (FlexoPaletteItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
flexo_palette_item_unref (FlexoPaletteItem *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->name);
      flexo_style_free (self->style);
      g_clear_object (&self->concept);
      g_clear_object (&self->relation);
      g_clear_pointer (&self->form, flexo_path_free);
      g_free (self);
    }
}

FlexoPaletteItemKind
flexo_palette_item_get_kind (const FlexoPaletteItem *self)
{
  g_return_val_if_fail (self != NULL, FLEXO_PALETTE_ITEM_SHAPE);

  return self->kind;
}

const char *
flexo_palette_item_get_name (const FlexoPaletteItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

const FlexoStyle *
flexo_palette_item_get_style (const FlexoPaletteItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->style;
}

void
flexo_palette_item_get_size (const FlexoPaletteItem *self,
                             double                 *width,
                             double                 *height)
{
  g_return_if_fail (self != NULL);

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}
