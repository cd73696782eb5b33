/* flexo-concept.c — a type of element defined by the user
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "flexo-concept.h"
#include "flexo-document-private.h"

struct _FlexoConcept
{
  FlexoObject  parent_instance;

  char        *name;
  char        *label;
  char        *description;
  FlexoStyle  *style;
  GPtrArray   *parents;      /* FlexoConcept, strong; NULL when none */
  GPtrArray   *properties;   /* FlexoProperty, the list */
  GPtrArray   *instances;    /* weak back-references, derived */
  gboolean     abstract;
};

G_DEFINE_FINAL_TYPE (FlexoConcept, flexo_concept, FLEXO_TYPE_OBJECT)

static void
flexo_concept_swap_field (FlexoObject *object,
                          FlexoField   field,
                          gpointer     key,
                          FlexoValue  *value)
{
  FlexoConcept *self = FLEXO_CONCEPT (object);

  switch (field)
    {
    case FLEXO_FIELD_NAME: FLEXO_SWAP_STRING (name); break;
    case FLEXO_FIELD_LABEL: FLEXO_SWAP_STRING (label); break;
    case FLEXO_FIELD_DESCRIPTION: FLEXO_SWAP_STRING (description); break;
    case FLEXO_FIELD_STYLE: FLEXO_SWAP_STYLE (style); break;
    case FLEXO_FIELD_ABSTRACT: FLEXO_SWAP_BOOLEAN (abstract); break;
    case FLEXO_FIELD_PARENTS:
      g_assert (value->type == FLEXO_VALUE_OBJECTS);
      FLEXO_SWAP (self->parents, value->objects);
      break;
    default:
      FLEXO_OBJECT_CLASS (flexo_concept_parent_class)->swap_field (object, field, key, value);
    }
}

static GPtrArray *
flexo_concept_get_list (FlexoObject *object,
                        FlexoList    list)
{
  return list == FLEXO_LIST_PROPERTIES ? FLEXO_CONCEPT (object)->properties : NULL;
}

static void
flexo_concept_finalize (GObject *object)
{
  FlexoConcept *self = FLEXO_CONCEPT (object);

  g_free (self->name);
  g_free (self->label);
  g_free (self->description);
  g_clear_pointer (&self->style, flexo_style_free);
  g_clear_pointer (&self->parents, g_ptr_array_unref);
  g_clear_pointer (&self->properties, g_ptr_array_unref);
  g_clear_pointer (&self->instances, g_ptr_array_unref);

  G_OBJECT_CLASS (flexo_concept_parent_class)->finalize (object);
}

static void
flexo_concept_class_init (FlexoConceptClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flexo_concept_finalize;
  FLEXO_OBJECT_CLASS (klass)->id_prefix = "c";
  FLEXO_OBJECT_CLASS (klass)->swap_field = flexo_concept_swap_field;
  FLEXO_OBJECT_CLASS (klass)->get_list = flexo_concept_get_list;
}

static void
flexo_concept_init (FlexoConcept *self)
{
  self->properties = g_ptr_array_new_with_free_func (g_object_unref);
}

FlexoConcept *
flexo_concept_new (FlexoDocument *document,
                   const char    *name)
{
  FlexoConcept *self = g_object_new (FLEXO_TYPE_CONCEPT, NULL);

  self->name = g_strdup (name);
  if (document != NULL)
    flexo_document_assign_id (document, FLEXO_OBJECT (self));

  return self;
}

const char *
flexo_concept_get_name (FlexoConcept *self)
{
  g_return_val_if_fail (FLEXO_IS_CONCEPT (self), NULL);
  return self->name;
}

void
flexo_concept_set_name (FlexoConcept *self,
                        const char   *name)
{
  g_return_if_fail (FLEXO_IS_CONCEPT (self));
  if (g_strcmp0 (name, self->name) != 0)
    flexo_object_set_string (FLEXO_OBJECT (self), FLEXO_FIELD_NAME, NULL, name);
}

const char *
flexo_concept_get_label (FlexoConcept *self)
{
  g_return_val_if_fail (FLEXO_IS_CONCEPT (self), NULL);
  return self->label;
}

void
flexo_concept_set_label (FlexoConcept *self,
                         const char   *label)
{
  g_return_if_fail (FLEXO_IS_CONCEPT (self));
  if (g_strcmp0 (label, self->label) != 0)
    flexo_object_set_string (FLEXO_OBJECT (self), FLEXO_FIELD_LABEL, NULL, label);
}

const char *
flexo_concept_get_description (FlexoConcept *self)
{
  g_return_val_if_fail (FLEXO_IS_CONCEPT (self), NULL);
  return self->description;
}

void
flexo_concept_set_description (FlexoConcept *self,
                               const char   *description)
{
  g_return_if_fail (FLEXO_IS_CONCEPT (self));
  if (g_strcmp0 (description, self->description) != 0)
    flexo_object_set_string (FLEXO_OBJECT (self), FLEXO_FIELD_DESCRIPTION, NULL, description);
}

gboolean
flexo_concept_get_abstract (FlexoConcept *self)
{
  g_return_val_if_fail (FLEXO_IS_CONCEPT (self), FALSE);
  return self->abstract;
}

void
flexo_concept_set_abstract (FlexoConcept *self,
                            gboolean      abstract)
{
  g_return_if_fail (FLEXO_IS_CONCEPT (self));
  if (!!abstract != self->abstract)
    flexo_object_set_boolean (FLEXO_OBJECT (self), FLEXO_FIELD_ABSTRACT, abstract);
}

const FlexoStyle *
flexo_concept_get_style (FlexoConcept *self)
{
  g_return_val_if_fail (FLEXO_IS_CONCEPT (self), NULL);
  return self->style;
}

void
flexo_concept_set_style (FlexoConcept     *self,
                         const FlexoStyle *style)
{
  g_return_if_fail (FLEXO_IS_CONCEPT (self));
  if (!flexo_style_equal (style, self->style))
    flexo_object_set_style (FLEXO_OBJECT (self), style);
}

/**
 * flexo_concept_get_parents:
 *
 * Returns: (transfer none) (nullable): the parent concepts, or %NULL
 */
GPtrArray *
flexo_concept_get_parents (FlexoConcept *self)
{
  g_return_val_if_fail (FLEXO_IS_CONCEPT (self), NULL);
  return self->parents;
}

static gboolean
same_objects (GPtrArray *a,
              GPtrArray *b)
{
  guint na = a ? a->len : 0, nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;
  return TRUE;
}

/* Refuses a parent that would make a cycle (@self among its ancestors). */
void
flexo_concept_set_parents (FlexoConcept *self,
                           GPtrArray    *parents)
{
  FlexoValue value = { .type = FLEXO_VALUE_OBJECTS };

  g_return_if_fail (FLEXO_IS_CONCEPT (self));

  if (same_objects (parents, self->parents))
    return;

  for (guint i = 0; parents != NULL && i < parents->len; i++)
    {
      FlexoConcept *parent = g_ptr_array_index (parents, i);

      g_return_if_fail (FLEXO_IS_CONCEPT (parent));
      g_return_if_fail (!flexo_concept_is_a (parent, self));
    }

  if (parents != NULL && parents->len > 0)
    {
      value.objects = g_ptr_array_new_full (parents->len, g_object_unref);
      for (guint i = 0; i < parents->len; i++)
        g_ptr_array_add (value.objects, g_object_ref (g_ptr_array_index (parents, i)));
    }

  flexo_object_set_field (FLEXO_OBJECT (self), FLEXO_FIELD_PARENTS, NULL, &value);
}

/* TRUE when @self is @ancestor or inherits from it. */
gboolean
flexo_concept_is_a (FlexoConcept *self,
                    FlexoConcept *ancestor)
{
  g_return_val_if_fail (FLEXO_IS_CONCEPT (self), FALSE);

  if (self == ancestor)
    return TRUE;

  for (guint i = 0; self->parents != NULL && i < self->parents->len; i++)
    if (flexo_concept_is_a (g_ptr_array_index (self->parents, i), ancestor))
      return TRUE;

  return FALSE;
}

/**
 * flexo_concept_get_properties:
 *
 * Returns: (transfer none): the concept's own properties
 */
GPtrArray *
flexo_concept_get_properties (FlexoConcept *self)
{
  g_return_val_if_fail (FLEXO_IS_CONCEPT (self), NULL);
  return self->properties;
}

void
flexo_concept_add_property (FlexoConcept  *self,
                            FlexoProperty *property)
{
  g_return_if_fail (FLEXO_IS_CONCEPT (self));
  g_return_if_fail (FLEXO_IS_PROPERTY (property));

  flexo_object_insert_child (FLEXO_OBJECT (self), FLEXO_LIST_PROPERTIES, -1, FLEXO_OBJECT (property));
}

static void
collect_properties (FlexoConcept *self,
                    GPtrArray    *out,
                    GHashTable   *seen)
{
  if (!g_hash_table_add (seen, self))
    return;

  for (guint i = 0; i < self->properties->len; i++)
    g_ptr_array_add (out, g_object_ref (g_ptr_array_index (self->properties, i)));

  for (guint i = 0; self->parents != NULL && i < self->parents->len; i++)
    collect_properties (g_ptr_array_index (self->parents, i), out, seen);
}

/**
 * flexo_concept_dup_all_properties:
 *
 * Returns: (transfer full): own and inherited properties
 */
GPtrArray *
flexo_concept_dup_all_properties (FlexoConcept *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (FLEXO_IS_CONCEPT (self), out);

  collect_properties (self, out, seen);
  return out;
}

/**
 * flexo_concept_find_property:
 *
 * Returns: (transfer none) (nullable): the property named @name
 */
FlexoProperty *
flexo_concept_find_property (FlexoConcept *self,
                             const char   *name)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (FLEXO_IS_CONCEPT (self), NULL);

  all = flexo_concept_dup_all_properties (self);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (flexo_property_get_name (g_ptr_array_index (all, i)), name) == 0)
      return g_ptr_array_index (all, i);

  return NULL;
}

guint
flexo_concept_get_n_instances (FlexoConcept *self)
{
  g_return_val_if_fail (FLEXO_IS_CONCEPT (self), 0);
  return self->instances ? self->instances->len : 0;
}

/**
 * flexo_concept_get_instances:
 *
 * Returns: (transfer none) (nullable): the live instances of the concept
 */
GPtrArray *
flexo_concept_get_instances (FlexoConcept *self)
{
  g_return_val_if_fail (FLEXO_IS_CONCEPT (self), NULL);
  return self->instances;
}

void
_flexo_concept_add_instance (gpointer      concept,
                             gpointer      instance)
{
  _flexo_backrefs_add (&FLEXO_CONCEPT (concept)->instances, instance);
}

void
_flexo_concept_remove_instance (gpointer      concept,
                                gpointer      instance)
{
  _flexo_backrefs_remove (&FLEXO_CONCEPT (concept)->instances, instance);
}

char *
flexo_label_template_expand (const char       *template,
                             FlexoLabelLookup  lookup,
                             gpointer          user_data)
{
  GString *out;

  g_return_val_if_fail (template != NULL, NULL);
  g_return_val_if_fail (lookup != NULL, NULL);

  out = g_string_new (NULL);
  for (const char *p = template; *p; p++)
    {
      const char *end;

      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (*p == '{' && (end = strchr (p + 1, '}')) != NULL)
        {
          g_autofree char *name = g_strndup (p + 1, end - p - 1);
          const char *value = lookup (g_strstrip (name), user_data);

          if (value != NULL)
            g_string_append (out, value);
          p = end;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}
