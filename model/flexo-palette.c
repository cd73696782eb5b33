/* flexo-palette.c — named sets of entries to draw with
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-document-private.h"
#include "flexo-palette.h"

struct _FlexoPalette
{
  FlexoObject  parent_instance;

  char        *name;
  GPtrArray   *entries;    /* FlexoPaletteEntry: the list */
};

struct _FlexoPaletteEntry
{
  FlexoObject  parent_instance;

  char        *label;
  char        *section;
  FlexoObject *concept;    /* strong */
  FlexoObject *relation;   /* strong */
  FlexoStyle  *style;
  FlexoRect    size;       /* width and height only */
};

G_DEFINE_FINAL_TYPE (FlexoPalette, flexo_palette, FLEXO_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (FlexoPaletteEntry, flexo_palette_entry, FLEXO_TYPE_OBJECT)

/* FlexoPalette */

static void
flexo_palette_swap_field (FlexoObject *object,
                          FlexoField   field,
                          gpointer     key,
                          FlexoValue  *value)
{
  FlexoPalette *self = FLEXO_PALETTE (object);

  if (field == FLEXO_FIELD_NAME)
    FLEXO_SWAP_STRING (name);
  else
    FLEXO_OBJECT_CLASS (flexo_palette_parent_class)->swap_field (object, field, key, value);
}

static GPtrArray *
flexo_palette_get_list (FlexoObject *object,
                        FlexoList    list)
{
  return list == FLEXO_LIST_ENTRIES ? FLEXO_PALETTE (object)->entries : NULL;
}

static void
flexo_palette_finalize (GObject *object)
{
  FlexoPalette *self = FLEXO_PALETTE (object);

  g_free (self->name);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (flexo_palette_parent_class)->finalize (object);
}

static void
flexo_palette_class_init (FlexoPaletteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flexo_palette_finalize;
  FLEXO_OBJECT_CLASS (klass)->id_prefix = "pal";
  FLEXO_OBJECT_CLASS (klass)->swap_field = flexo_palette_swap_field;
  FLEXO_OBJECT_CLASS (klass)->get_list = flexo_palette_get_list;
}

static void
flexo_palette_init (FlexoPalette *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

FlexoPalette *
flexo_palette_new (FlexoDocument *document,
                   const char    *name)
{
  FlexoPalette *self = g_object_new (FLEXO_TYPE_PALETTE, NULL);

  self->name = g_strdup (name);
  if (document != NULL)
    flexo_document_assign_id (document, FLEXO_OBJECT (self));

  return self;
}

const char *
flexo_palette_get_name (FlexoPalette *self)
{
  g_return_val_if_fail (FLEXO_IS_PALETTE (self), NULL);
  return self->name;
}

void
flexo_palette_set_name (FlexoPalette *self,
                        const char   *name)
{
  g_return_if_fail (FLEXO_IS_PALETTE (self));
  if (g_strcmp0 (name, self->name) != 0)
    flexo_object_set_string (FLEXO_OBJECT (self), FLEXO_FIELD_NAME, NULL, name);
}

GPtrArray *
flexo_palette_get_entries (FlexoPalette *self)
{
  g_return_val_if_fail (FLEXO_IS_PALETTE (self), NULL);
  return self->entries;
}

void
flexo_palette_add_entry (FlexoPalette      *self,
                         FlexoPaletteEntry *entry)
{
  g_return_if_fail (FLEXO_IS_PALETTE (self));
  g_return_if_fail (FLEXO_IS_PALETTE_ENTRY (entry));

  flexo_object_insert_child (FLEXO_OBJECT (self), FLEXO_LIST_ENTRIES, -1, FLEXO_OBJECT (entry));
}

/* FlexoPaletteEntry */

static void
flexo_palette_entry_swap_field (FlexoObject *object,
                                FlexoField   field,
                                gpointer     key,
                                FlexoValue  *value)
{
  FlexoPaletteEntry *self = FLEXO_PALETTE_ENTRY (object);

  switch (field)
    {
    case FLEXO_FIELD_LABEL: FLEXO_SWAP_STRING (label); break;
    case FLEXO_FIELD_SECTION: FLEXO_SWAP_STRING (section); break;
    case FLEXO_FIELD_CONCEPT: FLEXO_SWAP_OBJECT (concept); break;
    case FLEXO_FIELD_RELATION: FLEXO_SWAP_OBJECT (relation); break;
    case FLEXO_FIELD_STYLE: FLEXO_SWAP_STYLE (style); break;
    case FLEXO_FIELD_SIZE: FLEXO_SWAP_RECT (size); break;
    default:
      FLEXO_OBJECT_CLASS (flexo_palette_entry_parent_class)->swap_field (object, field, key, value);
    }
}

static void
flexo_palette_entry_finalize (GObject *object)
{
  FlexoPaletteEntry *self = FLEXO_PALETTE_ENTRY (object);

  g_free (self->label);
  g_free (self->section);
  g_clear_object (&self->concept);
  g_clear_object (&self->relation);
  g_clear_pointer (&self->style, flexo_style_free);

  G_OBJECT_CLASS (flexo_palette_entry_parent_class)->finalize (object);
}

static void
flexo_palette_entry_class_init (FlexoPaletteEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flexo_palette_entry_finalize;
  FLEXO_OBJECT_CLASS (klass)->id_prefix = "pe";
  FLEXO_OBJECT_CLASS (klass)->swap_field = flexo_palette_entry_swap_field;
}

static void
flexo_palette_entry_init (FlexoPaletteEntry *self)
{
}

FlexoPaletteEntry *
flexo_palette_entry_new (FlexoDocument *document,
                         const char    *label)
{
  FlexoPaletteEntry *self = g_object_new (FLEXO_TYPE_PALETTE_ENTRY, NULL);

  self->label = g_strdup (label);
  if (document != NULL)
    flexo_document_assign_id (document, FLEXO_OBJECT (self));

  return self;
}

#define DEFINE_STRING_ACCESSORS(what, FIELD) \
  const char * \
  flexo_palette_entry_get_##what (FlexoPaletteEntry *self) \
  { \
    g_return_val_if_fail (FLEXO_IS_PALETTE_ENTRY (self), NULL); \
    return self->what; \
  } \
  void \
  flexo_palette_entry_set_##what (FlexoPaletteEntry *self, \
                                  const char        *what) \
  { \
    g_return_if_fail (FLEXO_IS_PALETTE_ENTRY (self)); \
    if (g_strcmp0 (what, self->what) != 0) \
      flexo_object_set_string (FLEXO_OBJECT (self), FIELD, NULL, what); \
  }

DEFINE_STRING_ACCESSORS (label, FLEXO_FIELD_LABEL)
DEFINE_STRING_ACCESSORS (section, FLEXO_FIELD_SECTION)
FLEXO_DEFINE_REF_ACCESSORS (flexo_palette_entry, FlexoPaletteEntry, FLEXO_IS_PALETTE_ENTRY,
                            concept, FlexoConcept, FLEXO_FIELD_CONCEPT)
FLEXO_DEFINE_REF_ACCESSORS (flexo_palette_entry, FlexoPaletteEntry, FLEXO_IS_PALETTE_ENTRY,
                            relation, FlexoRelation, FLEXO_FIELD_RELATION)

#undef DEFINE_STRING_ACCESSORS

const FlexoStyle *
flexo_palette_entry_get_style (FlexoPaletteEntry *self)
{
  g_return_val_if_fail (FLEXO_IS_PALETTE_ENTRY (self), NULL);
  return self->style;
}

void
flexo_palette_entry_set_style (FlexoPaletteEntry *self,
                               const FlexoStyle  *style)
{
  g_return_if_fail (FLEXO_IS_PALETTE_ENTRY (self));
  if (!flexo_style_equal (style, self->style))
    flexo_object_set_style (FLEXO_OBJECT (self), style);
}

void
flexo_palette_entry_get_size (FlexoPaletteEntry *self,
                              double            *width,
                              double            *height)
{
  g_return_if_fail (FLEXO_IS_PALETTE_ENTRY (self));

  if (width)
    *width = self->size.width;
  if (height)
    *height = self->size.height;
}

void
flexo_palette_entry_set_size (FlexoPaletteEntry *self,
                              double             width,
                              double             height)
{
  FlexoRect size = { 0, 0, MAX (width, 0), MAX (height, 0) };

  g_return_if_fail (FLEXO_IS_PALETTE_ENTRY (self));

  if (size.width != self->size.width || size.height != self->size.height)
    flexo_object_set_rect (FLEXO_OBJECT (self), FLEXO_FIELD_SIZE, &size);
}
