/* flexo-document-edit.c — deleting with what depends on it
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "flexo-document-private.h"
#include "flexo-model.h"

static void delete_object (FlexoDocument *self,
                           FlexoObject   *object);

/* Deletes each object of a copy of @objects (which deleting changes). */
static void
delete_all (FlexoDocument *self,
            GPtrArray     *objects)
{
  g_autoptr(GPtrArray) copy = NULL;

  if (objects == NULL || objects->len == 0)
    return;

  copy = g_ptr_array_new_full (objects->len, g_object_unref);
  for (guint i = 0; i < objects->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (objects, i)));

  for (guint i = 0; i < copy->len; i++)
    {
      FlexoObject *object = g_ptr_array_index (copy, i);

      /* Deleting one may have deleted another already. */
      if (flexo_object_is_live (object))
        delete_object (self, object);
    }
}

static void
remove_from_container (FlexoObject *object)
{
  FlexoObject *container = flexo_object_get_container (object);

  for (FlexoList list = 0; list < FLEXO_N_LISTS; list++)
    {
      GPtrArray *children = flexo_object_get_list (container, list);

      if (children != NULL && _flexo_ptr_array_find_last (children, object, NULL))
        {
          flexo_object_remove_child (container, list, object);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
delete_palette_entries_of (FlexoDocument *self,
                           FlexoObject   *concept_or_relation)
{
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *palettes = flexo_document_get_palettes (self);

  for (guint p = 0; p < palettes->len; p++)
    {
      GPtrArray *entries = flexo_palette_get_entries (g_ptr_array_index (palettes, p));

      for (guint e = 0; e < entries->len; e++)
        {
          FlexoPaletteEntry *entry = g_ptr_array_index (entries, e);

          if ((FlexoObject *) flexo_palette_entry_get_concept (entry) == concept_or_relation ||
              (FlexoObject *) flexo_palette_entry_get_relation (entry) == concept_or_relation)
            g_ptr_array_add (doomed, g_object_ref (entry));
        }
    }

  delete_all (self, doomed);
}

static void
delete_object (FlexoDocument *self,
               FlexoObject   *object)
{
  g_autoptr(FlexoObject) keep = g_object_ref (object);

  if (FLEXO_IS_SHAPE (object))
    {
      delete_all (self, flexo_shape_get_connectors (FLEXO_SHAPE (object)));
      delete_all (self, flexo_shape_get_children (FLEXO_SHAPE (object)));
    }
  else if (FLEXO_IS_INSTANCE (object))
    {
      delete_all (self, flexo_instance_get_views (FLEXO_INSTANCE (object)));
      delete_all (self, flexo_instance_get_links (FLEXO_INSTANCE (object)));
    }
  else if (FLEXO_IS_LINK (object))
    {
      delete_all (self, flexo_link_get_views (FLEXO_LINK (object)));
    }
  else if (FLEXO_IS_CONCEPT (object))
    {
      GPtrArray *concepts = flexo_document_get_concepts (self);

      /* Its children inherit from its parents instead. */
      for (guint i = 0; i < concepts->len; i++)
        {
          FlexoConcept *child = g_ptr_array_index (concepts, i);
          GPtrArray *parents = flexo_concept_get_parents (child);
          g_autoptr(GPtrArray) new_parents = NULL;

          if (parents == NULL || !g_ptr_array_find (parents, object, NULL))
            continue;

          new_parents = g_ptr_array_new ();
          for (guint j = 0; j < parents->len; j++)
            if (g_ptr_array_index (parents, j) != (gpointer) object)
              g_ptr_array_add (new_parents, g_ptr_array_index (parents, j));
          flexo_concept_set_parents (child, new_parents);
        }
      delete_palette_entries_of (self, object);
    }
  else if (FLEXO_IS_RELATION (object))
    {
      delete_palette_entries_of (self, object);
    }
  else if (FLEXO_IS_PROPERTY (object))
    {
      GPtrArray *instances = flexo_document_get_instances (self);

      for (guint i = 0; i < instances->len; i++)
        flexo_instance_set_value (g_ptr_array_index (instances, i), FLEXO_PROPERTY (object), NULL);
    }

  remove_from_container (object);
}

/* Why @object may not be deleted, or NULL. */
static char *
refusal (FlexoDocument *self,
         FlexoObject   *object)
{
  if (FLEXO_IS_CONCEPT (object))
    {
      FlexoConcept *concept = FLEXO_CONCEPT (object);
      GPtrArray *relations = flexo_document_get_relations (self);
      GPtrArray *concepts = flexo_document_get_concepts (self);
      guint n = flexo_concept_get_n_instances (concept);

      if (n > 0)
        return g_strdup_printf (ngettext ("The concept “%s” has %u instance: delete it first.",
                                          "The concept “%s” has %u instances: delete them first.", n),
                                flexo_concept_get_name (concept), n);

      for (guint i = 0; i < relations->len; i++)
        {
          FlexoRelation *relation = g_ptr_array_index (relations, i);

          if (flexo_relation_get_source (relation) == concept ||
              flexo_relation_get_target (relation) == concept)
            return g_strdup_printf (_("The concept “%s” is an end of the relation “%s”: delete the relation first."),
                                    flexo_concept_get_name (concept),
                                    flexo_relation_get_name (relation));
        }

      for (guint i = 0; i < concepts->len; i++)
        {
          GPtrArray *properties = flexo_concept_get_properties (g_ptr_array_index (concepts, i));

          for (guint j = 0; j < properties->len; j++)
            {
              FlexoProperty *property = g_ptr_array_index (properties, j);

              if (flexo_property_get_target (property) == (gpointer) concept &&
                  flexo_property_get_concept (property) != (gpointer) concept)
                return g_strdup_printf (_("The property “%s” of “%s” refers to the concept “%s”: change it first."),
                                        flexo_property_get_name (property),
                                        flexo_concept_get_name (g_ptr_array_index (concepts, i)),
                                        flexo_concept_get_name (concept));
            }
        }
    }
  else if (FLEXO_IS_RELATION (object))
    {
      FlexoRelation *relation = FLEXO_RELATION (object);
      guint n = flexo_relation_get_n_links (relation);

      if (n > 0)
        return g_strdup_printf (ngettext ("The relation “%s” has %u link: delete it first.",
                                          "The relation “%s” has %u links: delete them first.", n),
                                flexo_relation_get_name (relation), n);
    }

  return NULL;
}

gboolean
flexo_document_delete (FlexoDocument *self,
                       FlexoObject   *object,
                       GError       **error)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (FLEXO_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (flexo_object_get_document (object) == self, FALSE);
  g_return_val_if_fail (object != FLEXO_OBJECT (self), FALSE);
  g_return_val_if_fail (flexo_document_in_transaction (self), FALSE);

  reason = refusal (self, object);
  if (reason != NULL)
    {
      g_set_error_literal (error, FLEXO_ERROR, FLEXO_ERROR_REFUSED, reason);
      return FALSE;
    }

  delete_object (self, object);
  return TRUE;
}
