/* flexo-conceptualize.c — from a free drawing to a model (free modelling)
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "flexo-conceptualize.h"
#include "flexo-format.h"

/* ---------------------------------------------------------------- looks -- */

static void
append_attribute (const char *name,
                  const char *value,
                  gpointer    user_data)
{
  g_string_append_printf (user_data, "%s=%s;", name, value);
}

char *
flexo_look_key (const FlexoStyle *look)
{
  GString *key = g_string_new (NULL);

  g_return_val_if_fail (look != NULL, NULL);

  flexo_style_foreach_attribute (look, append_attribute, key);
  return g_string_free (key, FALSE);
}

char *
flexo_shape_dup_look_key (FlexoShape *shape)
{
  FlexoStyle look;

  g_return_val_if_fail (FLEXO_IS_SHAPE (shape), NULL);

  flexo_shape_resolve_style (shape, &look);
  return flexo_look_key (&look);
}

char *
flexo_connector_dup_look_key (FlexoConnector *connector)
{
  FlexoStyle look;

  g_return_val_if_fail (FLEXO_IS_CONNECTOR (connector), NULL);

  flexo_connector_resolve_style (connector, &look);
  return flexo_look_key (&look);
}

static void
note_attribute (const char *name,
                const char *value,
                gpointer    table)
{
  g_hash_table_insert (table, g_strdup (name), g_strdup (value));
}

typedef struct
{
  GHashTable *theme;
  FlexoStyle *out;
} Overrides;

static void
keep_if_different (const char *name,
                   const char *value,
                   gpointer    user_data)
{
  Overrides *o = user_data;

  if (g_strcmp0 (g_hash_table_lookup (o->theme, name), value) != 0)
    flexo_style_set_attribute (o->out, name, value, NULL);
}

/* The attributes of @look that differ from the theme's: what a concept's
 * representation needs to give its shapes that look. */
static FlexoStyle *
overrides_of (const FlexoStyle *look)
{
  g_autoptr(GHashTable) theme = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Overrides o = { theme, flexo_style_new () };

  flexo_style_foreach_attribute (flexo_style_get_default (), note_attribute, theme);
  flexo_style_foreach_attribute (look, keep_if_different, &o);
  return o.out;
}

void
flexo_used_look_free (FlexoUsedLook *look)
{
  if (look == NULL)
    return;
  flexo_style_free (look->look);
  g_free (look->key);
  g_clear_object (&look->example);
  g_free (look);
}

/* Calls @func on every shape of every diagram of @document, in order. */
static void
foreach_shape (FlexoDocument *document,
               void         (*func) (FlexoShape *shape, gpointer user_data),
               gpointer       user_data)
{
  GPtrArray *diagrams = flexo_document_get_diagrams (document);

  for (guint d = 0; d < diagrams->len; d++)
    {
      GPtrArray *items = flexo_diagram_get_items (g_ptr_array_index (diagrams, d));

      for (guint i = 0; i < items->len; i++)
        if (FLEXO_IS_SHAPE (g_ptr_array_index (items, i)))
          func (g_ptr_array_index (items, i), user_data);
    }
}

/* A free form's outline is part of its look: a triangle and a star of
 * one style look different. */
static const char *
form_of (FlexoShape       *shape,
         const FlexoStyle *look)
{
  return look->shape_kind == FLEXO_SHAPE_FREEFORM ? flexo_shape_get_form_data (shape) : NULL;
}

static gboolean
same_look (FlexoShape       *a,
           const FlexoStyle *a_look,
           FlexoShape       *b,
           const FlexoStyle *b_look)
{
  return flexo_style_equal (a_look, b_look) && g_strcmp0 (form_of (a, a_look), form_of (b, b_look)) == 0;
}

static guint
used_look_hash (gconstpointer key)
{
  const FlexoUsedLook *look = key;
  const char *form = form_of (look->example, look->look);

  return flexo_style_hash (look->look) ^ (form != NULL ? g_str_hash (form) : 0);
}

static gboolean
used_look_equal (gconstpointer a,
                 gconstpointer b)
{
  const FlexoUsedLook *la = a, *lb = b;

  return same_look (la->example, la->look, lb->example, lb->look);
}

typedef struct
{
  GHashTable *by_look;
  GPtrArray  *looks;
} UsedLooks;

static void
count_look (FlexoShape *shape,
            gpointer    user_data)
{
  UsedLooks *u = user_data;
  FlexoUsedLook *look;
  FlexoStyle resolved;

  if (flexo_shape_get_instance (shape) != NULL)
    return;
  flexo_shape_resolve_style (shape, &resolved);
  {
    FlexoUsedLook probe = { &resolved, NULL, shape, 0 };

    look = g_hash_table_lookup (u->by_look, &probe);
  }
  if (look == NULL)
    {
      look = g_new0 (FlexoUsedLook, 1);
      look->look = flexo_style_copy (&resolved);
      look->key = flexo_look_key (look->look);
      look->example = g_object_ref (shape);
      g_hash_table_add (u->by_look, look);
      g_ptr_array_add (u->looks, look);
    }
  look->count++;
}

GPtrArray *
flexo_document_dup_used_looks (FlexoDocument *document)
{
  UsedLooks u;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (document), NULL);

  u.by_look = g_hash_table_new (used_look_hash, used_look_equal);
  u.looks = g_ptr_array_new_with_free_func ((GDestroyNotify) flexo_used_look_free);
  foreach_shape (document, count_look, &u);
  g_hash_table_unref (u.by_look);
  return u.looks;
}

typedef struct
{
  FlexoStyle  look;
  FlexoShape *first;
  GPtrArray  *alikes;
} Alikes;

static void
collect_alike (FlexoShape *shape,
               gpointer    user_data)
{
  Alikes *a = user_data;
  FlexoStyle look;

  if (shape == a->first || flexo_shape_get_instance (shape) != NULL)
    return;
  flexo_shape_resolve_style (shape, &look);
  if (same_look (shape, &look, a->first, &a->look))
    g_ptr_array_add (a->alikes, g_object_ref (shape));
}

GPtrArray *
flexo_document_dup_look_alikes (FlexoDocument *document,
                                FlexoShape    *shape)
{
  Alikes a;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FLEXO_IS_SHAPE (shape), NULL);

  flexo_shape_resolve_style (shape, &a.look);
  a.first = shape;
  a.alikes = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (a.alikes, g_object_ref (shape));
  foreach_shape (document, collect_alike, &a);
  return a.alikes;
}

static FlexoConcept *
concept_at (FlexoShape *shape)
{
  FlexoInstance *instance = shape != NULL ? flexo_shape_get_instance (shape) : NULL;

  return instance != NULL ? flexo_instance_get_concept (instance) : NULL;
}

GPtrArray *
flexo_document_dup_connector_look_alikes (FlexoDocument  *document,
                                          FlexoConnector *connector)
{
  GPtrArray *alikes;
  GPtrArray *diagrams;
  FlexoConcept *source, *target;
  FlexoStyle look;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FLEXO_IS_CONNECTOR (connector), NULL);

  alikes = g_ptr_array_new_with_free_func (g_object_unref);
  source = concept_at (flexo_connector_get_source (connector));
  target = concept_at (flexo_connector_get_target (connector));
  if (source == NULL || target == NULL)
    return alikes;
  g_ptr_array_add (alikes, g_object_ref (connector));
  flexo_connector_resolve_style (connector, &look);
  diagrams = flexo_document_get_diagrams (document);
  for (guint d = 0; d < diagrams->len; d++)
    {
      GPtrArray *items = flexo_diagram_get_items (g_ptr_array_index (diagrams, d));

      for (guint i = 0; i < items->len; i++)
        {
          FlexoConnector *other = g_ptr_array_index (items, i);
          FlexoStyle other_look;

          if (!FLEXO_IS_CONNECTOR (other) || other == connector || flexo_connector_get_link (other) != NULL ||
              concept_at (flexo_connector_get_source (other)) != source ||
              concept_at (flexo_connector_get_target (other)) != target)
            continue;
          flexo_connector_resolve_style (other, &other_look);
          if (flexo_style_equal (&other_look, &look))
            g_ptr_array_add (alikes, g_object_ref (other));
        }
    }
  return alikes;
}

/* ---------------------------------------------------------------- steps -- */

static gboolean
name_free (GPtrArray   *objects,
           const char  *name,
           const char *(*get_name) (gpointer object),
           GError     **error)
{
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, FLEXO_ERROR, FLEXO_ERROR_REFUSED, _("The name is empty."));
      return FALSE;
    }
  for (guint i = 0; i < objects->len; i++)
    if (g_strcmp0 (get_name (g_ptr_array_index (objects, i)), name) == 0)
      {
        g_set_error (error, FLEXO_ERROR, FLEXO_ERROR_REFUSED, _("“%s” is taken."), name);
        return FALSE;
      }
  return TRUE;
}

static const char *
concept_name (gpointer concept)
{
  return flexo_concept_get_name (concept);
}

static const char *
relation_name (gpointer relation)
{
  return flexo_relation_get_name (relation);
}

/* A new instance of @concept for @shape, named by its text when the
 * concept has a name (the instance holds the text from then on). */
static FlexoInstance *
make_instance (FlexoDocument *document,
               FlexoShape    *shape,
               FlexoConcept  *concept)
{
  g_autoptr(FlexoInstance) instance = flexo_instance_new (document, concept);
  FlexoProperty *name = flexo_concept_find_property (concept, "name");
  const char *text = flexo_shape_get_text (shape);

  flexo_object_insert_child (FLEXO_OBJECT (document), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (instance));
  if (name != NULL && text != NULL && *text != '\0')
    {
      flexo_instance_set_value (instance, name, text);
      flexo_shape_set_text (shape, NULL);
    }
  flexo_shape_set_instance (shape, instance);
  return instance;
}

FlexoConcept *
flexo_conceptualize_shapes (FlexoDocument  *document,
                            const char     *name,
                            GPtrArray      *shapes,
                            GError        **error)
{
  g_autoptr(FlexoConcept) concept = NULL;
  g_autoptr(FlexoProperty) property = NULL;
  g_autoptr(FlexoStyle) style = NULL;
  FlexoStyle look;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (shapes != NULL && shapes->len > 0, NULL);
  g_return_val_if_fail (flexo_document_in_transaction (document), NULL);

  if (!name_free (flexo_document_get_concepts (document), name, concept_name, error))
    return NULL;

  flexo_shape_resolve_style (g_ptr_array_index (shapes, 0), &look);
  style = overrides_of (&look);
  concept = flexo_concept_new (document, name);
  flexo_concept_set_label (concept, "{name}");
  flexo_concept_set_style (concept, style);
  property = flexo_property_new (document, "name", FLEXO_PROPERTY_STRING);
  flexo_concept_add_property (concept, property);
  flexo_object_insert_child (FLEXO_OBJECT (document), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (concept));

  for (guint i = 0; i < shapes->len; i++)
    {
      FlexoShape *shape = g_ptr_array_index (shapes, i);

      if (flexo_shape_get_instance (shape) != NULL)
        continue;
      make_instance (document, shape, concept);
      /* Its look is the concept's now. */
      flexo_shape_set_style (shape, NULL);
    }
  return concept;
}

FlexoRelation *
flexo_conceptualize_connectors (FlexoDocument  *document,
                                const char     *name,
                                GPtrArray      *connectors,
                                GError        **error)
{
  g_autoptr(FlexoRelation) relation = NULL;
  g_autoptr(FlexoStyle) style = NULL;
  FlexoConnector *first;
  FlexoConcept *source, *target;
  FlexoStyle look;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (connectors != NULL && connectors->len > 0, NULL);
  g_return_val_if_fail (flexo_document_in_transaction (document), NULL);

  first = g_ptr_array_index (connectors, 0);
  source = concept_at (flexo_connector_get_source (first));
  target = concept_at (flexo_connector_get_target (first));
  if (source == NULL || target == NULL)
    {
      g_set_error_literal (error, FLEXO_ERROR, FLEXO_ERROR_REFUSED,
                           _("Both ends of the connector must be instances of concepts first."));
      return NULL;
    }
  if (!name_free (flexo_document_get_relations (document), name, relation_name, error))
    return NULL;

  flexo_connector_resolve_style (first, &look);
  style = overrides_of (&look);
  relation = flexo_relation_new (document, name, source, target);
  flexo_relation_set_style (relation, style);
  flexo_object_insert_child (FLEXO_OBJECT (document), FLEXO_LIST_RELATIONS, -1, FLEXO_OBJECT (relation));

  for (guint i = 0; i < connectors->len; i++)
    {
      FlexoConnector *connector = g_ptr_array_index (connectors, i);
      FlexoInstance *from = flexo_shape_get_instance (flexo_connector_get_source (connector));
      FlexoInstance *to = flexo_shape_get_instance (flexo_connector_get_target (connector));
      g_autoptr(FlexoLink) link = NULL;

      if (flexo_connector_get_link (connector) != NULL || from == NULL || to == NULL ||
          !flexo_relation_accepts (relation, flexo_instance_get_concept (from), flexo_instance_get_concept (to)))
        continue;
      link = flexo_link_new (document, relation, from, to);
      flexo_object_insert_child (FLEXO_OBJECT (document), FLEXO_LIST_LINKS, -1, FLEXO_OBJECT (link));
      flexo_connector_set_link (connector, link);
      flexo_connector_set_style (connector, NULL);
    }
  return relation;
}

FlexoInstance *
flexo_declare_instance (FlexoDocument     *document,
                        FlexoShape        *shape,
                        FlexoConcept      *concept,
                        FlexoLookStrategy  strategy)
{
  FlexoInstance *instance;
  FlexoStyle look;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FLEXO_IS_SHAPE (shape), NULL);
  g_return_val_if_fail (FLEXO_IS_CONCEPT (concept), NULL);
  g_return_val_if_fail (flexo_shape_get_instance (shape) == NULL, NULL);
  g_return_val_if_fail (flexo_document_in_transaction (document), NULL);

  flexo_shape_resolve_style (shape, &look);
  instance = make_instance (document, shape, concept);
  switch (strategy)
    {
    case FLEXO_LOOK_REDEFINE_CONCEPT:
      {
        g_autoptr(FlexoStyle) style = overrides_of (&look);

        flexo_concept_set_style (concept, style);
        flexo_shape_set_style (shape, NULL);
      }
      break;
    case FLEXO_LOOK_KEEP_OWN:
      /* All of it: the concept's look must not show through. */
      flexo_shape_set_style (shape, &look);
      break;
    case FLEXO_LOOK_TAKE_CONCEPT:
    default:
      flexo_shape_set_style (shape, NULL);
      break;
    }
  return instance;
}

FlexoProperty *
flexo_instance_add_new_property (FlexoDocument      *document,
                                 FlexoInstance      *instance,
                                 const char         *name,
                                 FlexoPropertyType   type,
                                 const char         *value,
                                 GError            **error)
{
  FlexoConcept *concept;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(FlexoProperty) property = NULL;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FLEXO_IS_INSTANCE (instance), NULL);
  g_return_val_if_fail (flexo_document_in_transaction (document), NULL);

  concept = flexo_instance_get_concept (instance);
  if (concept == NULL)
    {
      g_set_error_literal (error, FLEXO_ERROR, FLEXO_ERROR_REFUSED, _("The instance has no concept."));
      return NULL;
    }
  if (name == NULL || *name == '\0' || strpbrk (name, "{} \t\n") != NULL)
    {
      g_set_error_literal (error, FLEXO_ERROR, FLEXO_ERROR_REFUSED,
                           _("A property’s name is one word, without braces."));
      return NULL;
    }
  all = flexo_concept_dup_all_properties (concept);
  for (guint i = 0; i < all->len; i++)
    if (strcmp (flexo_property_get_name (g_ptr_array_index (all, i)), name) == 0)
      {
        g_set_error (error, FLEXO_ERROR, FLEXO_ERROR_REFUSED, _("“%s” already has a property “%s”."),
                     flexo_concept_get_name (concept), name);
        return NULL;
      }
  property = flexo_property_new (document, name, type);
  flexo_concept_add_property (concept, property);
  if (value != NULL && *value != '\0')
    flexo_instance_set_value (instance, property, value);
  return property;
}

/* ---------------------------------------------------------------- editor -- */

void
flexo_document_drop_model (FlexoDocument *document,
                           const char    *diagram_name)
{
  GPtrArray *diagrams;
  g_autoptr(FlexoDiagram) empty = NULL;

  g_return_if_fail (FLEXO_IS_DOCUMENT (document));
  g_return_if_fail (!flexo_document_in_transaction (document));

  diagrams = flexo_document_get_diagrams (document);
  empty = flexo_diagram_new (document, diagram_name);
  flexo_document_begin (document, NULL);
  while (flexo_document_get_instances (document)->len > 0)
    flexo_document_delete (document, g_ptr_array_index (flexo_document_get_instances (document), 0), NULL);
  while (flexo_document_get_links (document)->len > 0)
    flexo_document_delete (document, g_ptr_array_index (flexo_document_get_links (document), 0), NULL);
  while (diagrams->len > 0)
    flexo_object_remove_child (FLEXO_OBJECT (document), FLEXO_LIST_DIAGRAMS, g_ptr_array_index (diagrams, 0));
  flexo_object_insert_child (FLEXO_OBJECT (document), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (empty));
  flexo_document_commit (document);
}

/* The size of @concept's first shape in @document, or 0 × 0. */
static void
shape_size (FlexoConcept *concept,
            double       *w,
            double       *h)
{
  GPtrArray *instances = flexo_concept_get_instances (concept);

  *w = *h = 0;
  for (guint i = 0; instances != NULL && i < instances->len; i++)
    {
      GPtrArray *views = flexo_instance_get_views (g_ptr_array_index (instances, i));

      if (views != NULL && views->len > 0)
        {
          const FlexoRect *b = flexo_shape_get_bounds (g_ptr_array_index (views, 0));

          *w = fabs (b->width);
          *h = fabs (b->height);
          return;
        }
    }
}

FlexoDocument *
flexo_document_new_editor (FlexoDocument *document,
                           const char    *palette_name,
                           const char    *diagram_name)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(FlexoPalette) palette = NULL;
  FlexoDocument *editor;
  GPtrArray *concepts, *relations, *source_concepts;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (document), NULL);

  /* The metamodel copied whole, through the file format. */
  bytes = flexo_native_save_bytes (document);
  editor = flexo_native_load_bytes (bytes, "editor.flexo", NULL);
  g_return_val_if_fail (editor != NULL, NULL);
  flexo_document_set_uuid (editor, NULL);
  flexo_document_drop_model (editor, diagram_name);

  flexo_document_begin (editor, NULL);
  while (flexo_document_get_palettes (editor)->len > 0)
    flexo_object_remove_child (FLEXO_OBJECT (editor), FLEXO_LIST_PALETTES,
                               g_ptr_array_index (flexo_document_get_palettes (editor), 0));
  palette = flexo_palette_new (editor, palette_name);
  concepts = flexo_document_get_concepts (editor);
  source_concepts = flexo_document_get_concepts (document);
  for (guint i = 0; i < concepts->len; i++)
    {
      FlexoConcept *concept = g_ptr_array_index (concepts, i);
      g_autoptr(FlexoPaletteEntry) entry = NULL;
      double w = 0, h = 0;

      if (flexo_concept_get_abstract (concept))
        continue;
      entry = flexo_palette_entry_new (editor, flexo_concept_get_name (concept));
      flexo_palette_entry_set_concept (entry, concept);
      /* Sized as the workshop drew them. */
      if (i < source_concepts->len)
        shape_size (g_ptr_array_index (source_concepts, i), &w, &h);
      if (w > 0 && h > 0)
        flexo_palette_entry_set_size (entry, w, h);
      flexo_palette_add_entry (palette, entry);
    }
  relations = flexo_document_get_relations (editor);
  for (guint i = 0; i < relations->len; i++)
    {
      FlexoRelation *relation = g_ptr_array_index (relations, i);
      g_autoptr(FlexoPaletteEntry) entry = flexo_palette_entry_new (editor, flexo_relation_get_name (relation));

      flexo_palette_entry_set_relation (entry, relation);
      flexo_palette_add_entry (palette, entry);
    }
  flexo_object_insert_child (FLEXO_OBJECT (editor), FLEXO_LIST_PALETTES, -1, FLEXO_OBJECT (palette));
  flexo_document_commit (editor);
  flexo_document_clear_history (editor);
  flexo_document_set_saved (editor);
  return editor;
}
