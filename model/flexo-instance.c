/* flexo-instance.c — an element of the model: a concept and values
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-document-private.h"
#include "flexo-instance.h"

typedef struct
{
  FlexoProperty *property;  /* strong */
  char          *value;
} Value;

struct _FlexoInstance
{
  FlexoObject  parent_instance;

  FlexoObject *concept;     /* strong */
  GArray      *values;      /* Value, sorted by property id; NULL when none */
  GPtrArray   *views;       /* weak back-references: FlexoShape */
  GPtrArray   *links;       /* weak back-references: FlexoLink */
};

G_DEFINE_FINAL_TYPE (FlexoInstance, flexo_instance, FLEXO_TYPE_OBJECT)

static void
value_clear (gpointer data)
{
  Value *v = data;

  g_clear_object (&v->property);
  g_clear_pointer (&v->value, g_free);
}

/* The index of @property's value, or where it would go (negative: -1 - index). */
static int
find_value (FlexoInstance *self,
            FlexoProperty *property)
{
  guint id = flexo_object_get_id (FLEXO_OBJECT (property));
  int lo = 0, hi = self->values ? (int) self->values->len : 0;

  while (lo < hi)
    {
      int mid = (lo + hi) / 2;
      Value *v = &g_array_index (self->values, Value, mid);
      guint vid = flexo_object_get_id (FLEXO_OBJECT (v->property));

      if (v->property == property)
        return mid;
      if (vid < id || (vid == id && (gpointer) v->property < (gpointer) property))
        lo = mid + 1;
      else
        hi = mid;
    }

  return -1 - lo;
}

static void
swap_value (FlexoInstance *self,
            FlexoProperty *property,
            FlexoValue    *value)
{
  int index = find_value (self, property);

  g_assert (value->type == FLEXO_VALUE_STRING);

  if (index >= 0)
    {
      Value *v = &g_array_index (self->values, Value, index);

      FLEXO_SWAP (v->value, value->string);
      if (v->value == NULL)
        g_array_remove_index (self->values, index);
    }
  else if (value->string != NULL)
    {
      Value v = { g_object_ref (property), g_steal_pointer (&value->string) };

      if (self->values == NULL)
        {
          self->values = g_array_new (FALSE, FALSE, sizeof (Value));
          g_array_set_clear_func (self->values, value_clear);
        }
      g_array_insert_val (self->values, -1 - index, v);
    }
}

static void
flexo_instance_swap_field (FlexoObject *object,
                           FlexoField   field,
                           gpointer     key,
                           FlexoValue  *value)
{
  FlexoInstance *self = FLEXO_INSTANCE (object);
  gboolean live = flexo_object_is_live (object);

  switch (field)
    {
    case FLEXO_FIELD_CONCEPT:
      if (live && self->concept)
        _flexo_concept_remove_instance (self->concept, self);
      FLEXO_SWAP_OBJECT (concept);
      if (live && self->concept)
        _flexo_concept_add_instance (self->concept, self);
      break;
    case FLEXO_FIELD_VALUE:
      swap_value (self, key, value);
      break;
    default:
      FLEXO_OBJECT_CLASS (flexo_instance_parent_class)->swap_field (object, field, key, value);
    }
}

static void
flexo_instance_attach (FlexoObject *object)
{
  FlexoInstance *self = FLEXO_INSTANCE (object);

  if (self->concept)
    _flexo_concept_add_instance (self->concept, self);
}

static void
flexo_instance_detach (FlexoObject *object)
{
  FlexoInstance *self = FLEXO_INSTANCE (object);

  if (self->concept)
    _flexo_concept_remove_instance (self->concept, self);
}

static void
flexo_instance_finalize (GObject *object)
{
  FlexoInstance *self = FLEXO_INSTANCE (object);

  g_clear_object (&self->concept);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);

  G_OBJECT_CLASS (flexo_instance_parent_class)->finalize (object);
}

static void
flexo_instance_class_init (FlexoInstanceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flexo_instance_finalize;
  FLEXO_OBJECT_CLASS (klass)->id_prefix = "i";
  FLEXO_OBJECT_CLASS (klass)->swap_field = flexo_instance_swap_field;
  FLEXO_OBJECT_CLASS (klass)->attach = flexo_instance_attach;
  FLEXO_OBJECT_CLASS (klass)->detach = flexo_instance_detach;
}

static void
flexo_instance_init (FlexoInstance *self)
{
}

FlexoInstance *
flexo_instance_new (FlexoDocument *document,
                    FlexoConcept  *concept)
{
  FlexoInstance *self = g_object_new (FLEXO_TYPE_INSTANCE, NULL);

  self->concept = concept ? g_object_ref (FLEXO_OBJECT (concept)) : NULL;
  if (document != NULL)
    flexo_document_assign_id (document, FLEXO_OBJECT (self));

  return self;
}

FlexoConcept *
flexo_instance_get_concept (FlexoInstance *self)
{
  g_return_val_if_fail (FLEXO_IS_INSTANCE (self), NULL);
  return (FlexoConcept *) self->concept;
}

void
flexo_instance_set_concept (FlexoInstance *self,
                            FlexoConcept  *concept)
{
  g_return_if_fail (FLEXO_IS_INSTANCE (self));
  if ((FlexoObject *) concept != self->concept)
    flexo_object_set_object (FLEXO_OBJECT (self), FLEXO_FIELD_CONCEPT, NULL, concept);
}

const char *
flexo_instance_get_value (FlexoInstance *self,
                          FlexoProperty *property)
{
  int index;

  g_return_val_if_fail (FLEXO_IS_INSTANCE (self), NULL);
  g_return_val_if_fail (FLEXO_IS_PROPERTY (property), NULL);

  index = find_value (self, property);
  return index >= 0 ? g_array_index (self->values, Value, index).value : NULL;
}

void
flexo_instance_set_value (FlexoInstance *self,
                          FlexoProperty *property,
                          const char    *value)
{
  g_return_if_fail (FLEXO_IS_INSTANCE (self));
  g_return_if_fail (FLEXO_IS_PROPERTY (property));

  if (g_strcmp0 (value, flexo_instance_get_value (self, property)) != 0)
    flexo_object_set_string (FLEXO_OBJECT (self), FLEXO_FIELD_VALUE, property, value);
}

const char *
flexo_instance_get_effective_value (FlexoInstance *self,
                                    FlexoProperty *property)
{
  const char *value = flexo_instance_get_value (self, property);

  return value != NULL ? value : flexo_property_get_default (property);
}

const char *
flexo_instance_get_value_by_name (FlexoInstance *self,
                                  const char    *name)
{
  FlexoProperty *property;

  g_return_val_if_fail (FLEXO_IS_INSTANCE (self), NULL);

  if (self->concept == NULL)
    return NULL;

  property = flexo_concept_find_property (FLEXO_CONCEPT (self->concept), name);
  return property ? flexo_instance_get_effective_value (self, property) : NULL;
}

guint
flexo_instance_get_n_values (FlexoInstance *self)
{
  g_return_val_if_fail (FLEXO_IS_INSTANCE (self), 0);
  return self->values ? self->values->len : 0;
}

void
flexo_instance_get_nth_value (FlexoInstance  *self,
                              guint           n,
                              FlexoProperty **property,
                              const char    **value)
{
  Value *v;

  g_return_if_fail (FLEXO_IS_INSTANCE (self));
  g_return_if_fail (n < flexo_instance_get_n_values (self));

  v = &g_array_index (self->values, Value, n);
  if (property)
    *property = v->property;
  if (value)
    *value = v->value;
}

static const char *
lookup_value (const char *name,
              gpointer    instance)
{
  return flexo_instance_get_value_by_name (instance, name);
}

char *
flexo_instance_dup_label (FlexoInstance *self)
{
  const char *template;

  g_return_val_if_fail (FLEXO_IS_INSTANCE (self), NULL);

  if (self->concept == NULL)
    return g_strdup ("");

  template = flexo_concept_get_label (FLEXO_CONCEPT (self->concept));
  if (template == NULL || *template == '\0')
    {
      const char *name = flexo_instance_get_value_by_name (self, "name");

      return g_strdup (name ? name : flexo_concept_get_name (FLEXO_CONCEPT (self->concept)));
    }
  return flexo_label_template_expand (template, lookup_value, self);
}

GPtrArray *
flexo_instance_get_views (FlexoInstance *self)
{
  g_return_val_if_fail (FLEXO_IS_INSTANCE (self), NULL);
  return self->views;
}

GPtrArray *
flexo_instance_get_links (FlexoInstance *self)
{
  g_return_val_if_fail (FLEXO_IS_INSTANCE (self), NULL);
  return self->links;
}

void
_flexo_instance_add_view (gpointer instance,
                          gpointer shape)
{
  _flexo_backrefs_add (&FLEXO_INSTANCE (instance)->views, shape);
}

void
_flexo_instance_remove_view (gpointer instance,
                             gpointer shape)
{
  _flexo_backrefs_remove (&FLEXO_INSTANCE (instance)->views, shape);
}

void
_flexo_instance_add_link (gpointer instance,
                          gpointer link)
{
  _flexo_backrefs_add (&FLEXO_INSTANCE (instance)->links, link);
}

void
_flexo_instance_remove_link (gpointer instance,
                             gpointer link)
{
  _flexo_backrefs_remove (&FLEXO_INSTANCE (instance)->links, link);
}
