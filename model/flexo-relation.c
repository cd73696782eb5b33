/* flexo-relation.c — a typed link between concepts
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-document-private.h"
#include "flexo-relation.h"

struct _FlexoRelation
{
  FlexoObject  parent_instance;

  char        *name;
  FlexoObject *source;     /* FlexoConcept, strong */
  FlexoObject *target;     /* FlexoConcept, strong */
  FlexoStyle  *style;
  GPtrArray   *links;      /* weak back-references, derived */
  gint64       min;
  gint64       max;
  gboolean     containment;
};

G_DEFINE_FINAL_TYPE (FlexoRelation, flexo_relation, FLEXO_TYPE_OBJECT)

static void
flexo_relation_swap_field (FlexoObject *object,
                           FlexoField   field,
                           gpointer     key,
                           FlexoValue  *value)
{
  FlexoRelation *self = FLEXO_RELATION (object);

  switch (field)
    {
    case FLEXO_FIELD_NAME: FLEXO_SWAP_STRING (name); break;
    case FLEXO_FIELD_SOURCE: FLEXO_SWAP_OBJECT (source); break;
    case FLEXO_FIELD_TARGET: FLEXO_SWAP_OBJECT (target); break;
    case FLEXO_FIELD_STYLE: FLEXO_SWAP_STYLE (style); break;
    case FLEXO_FIELD_MIN: FLEXO_SWAP_INT (min); break;
    case FLEXO_FIELD_MAX: FLEXO_SWAP_INT (max); break;
    case FLEXO_FIELD_CONTAINMENT: FLEXO_SWAP_BOOLEAN (containment); break;
    default:
      FLEXO_OBJECT_CLASS (flexo_relation_parent_class)->swap_field (object, field, key, value);
    }
}

static void
flexo_relation_finalize (GObject *object)
{
  FlexoRelation *self = FLEXO_RELATION (object);

  g_free (self->name);
  g_clear_object (&self->source);
  g_clear_object (&self->target);
  g_clear_pointer (&self->style, flexo_style_free);
  g_clear_pointer (&self->links, g_ptr_array_unref);

  G_OBJECT_CLASS (flexo_relation_parent_class)->finalize (object);
}

static void
flexo_relation_class_init (FlexoRelationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flexo_relation_finalize;
  FLEXO_OBJECT_CLASS (klass)->id_prefix = "r";
  FLEXO_OBJECT_CLASS (klass)->swap_field = flexo_relation_swap_field;
}

static void
flexo_relation_init (FlexoRelation *self)
{
  self->min = 0;
  self->max = FLEXO_MANY;
}

FlexoRelation *
flexo_relation_new (FlexoDocument *document,
                    const char    *name,
                    FlexoConcept  *source,
                    FlexoConcept  *target)
{
  FlexoRelation *self = g_object_new (FLEXO_TYPE_RELATION, NULL);

  self->name = g_strdup (name);
  self->source = source ? g_object_ref (FLEXO_OBJECT (source)) : NULL;
  self->target = target ? g_object_ref (FLEXO_OBJECT (target)) : NULL;
  if (document != NULL)
    flexo_document_assign_id (document, FLEXO_OBJECT (self));

  return self;
}

const char *
flexo_relation_get_name (FlexoRelation *self)
{
  g_return_val_if_fail (FLEXO_IS_RELATION (self), NULL);
  return self->name;
}

void
flexo_relation_set_name (FlexoRelation *self,
                         const char    *name)
{
  g_return_if_fail (FLEXO_IS_RELATION (self));
  if (g_strcmp0 (name, self->name) != 0)
    flexo_object_set_string (FLEXO_OBJECT (self), FLEXO_FIELD_NAME, NULL, name);
}

FLEXO_DEFINE_REF_ACCESSORS (flexo_relation, FlexoRelation, FLEXO_IS_RELATION,
                            source, FlexoConcept, FLEXO_FIELD_SOURCE)
FLEXO_DEFINE_REF_ACCESSORS (flexo_relation, FlexoRelation, FLEXO_IS_RELATION,
                            target, FlexoConcept, FLEXO_FIELD_TARGET)

int
flexo_relation_get_min (FlexoRelation *self)
{
  g_return_val_if_fail (FLEXO_IS_RELATION (self), 0);
  return (int) self->min;
}

int
flexo_relation_get_max (FlexoRelation *self)
{
  g_return_val_if_fail (FLEXO_IS_RELATION (self), 0);
  return (int) self->max;
}

void
flexo_relation_set_multiplicity (FlexoRelation *self,
                                 int            min,
                                 int            max)
{
  g_return_if_fail (FLEXO_IS_RELATION (self));

  _flexo_object_set_multiplicity (FLEXO_OBJECT (self), self->min, self->max, min, max);
}

gboolean
flexo_relation_get_containment (FlexoRelation *self)
{
  g_return_val_if_fail (FLEXO_IS_RELATION (self), FALSE);
  return self->containment;
}

void
flexo_relation_set_containment (FlexoRelation *self,
                                gboolean       containment)
{
  g_return_if_fail (FLEXO_IS_RELATION (self));
  if (!!containment != self->containment)
    flexo_object_set_boolean (FLEXO_OBJECT (self), FLEXO_FIELD_CONTAINMENT, containment);
}

const FlexoStyle *
flexo_relation_get_style (FlexoRelation *self)
{
  g_return_val_if_fail (FLEXO_IS_RELATION (self), NULL);
  return self->style;
}

void
flexo_relation_set_style (FlexoRelation    *self,
                          const FlexoStyle *style)
{
  g_return_if_fail (FLEXO_IS_RELATION (self));
  if (!flexo_style_equal (style, self->style))
    flexo_object_set_style (FLEXO_OBJECT (self), style);
}

gboolean
flexo_relation_accepts (FlexoRelation *self,
                        FlexoConcept  *source,
                        FlexoConcept  *target)
{
  g_return_val_if_fail (FLEXO_IS_RELATION (self), FALSE);

  if (source == NULL || target == NULL || self->source == NULL || self->target == NULL)
    return FALSE;

  return flexo_concept_is_a (source, FLEXO_CONCEPT (self->source)) &&
         flexo_concept_is_a (target, FLEXO_CONCEPT (self->target));
}

guint
flexo_relation_get_n_links (FlexoRelation *self)
{
  g_return_val_if_fail (FLEXO_IS_RELATION (self), 0);
  return self->links ? self->links->len : 0;
}

/**
 * flexo_relation_get_links:
 *
 * Returns: (transfer none) (nullable): the live links of this relation
 */
GPtrArray *
flexo_relation_get_links (FlexoRelation *self)
{
  g_return_val_if_fail (FLEXO_IS_RELATION (self), NULL);
  return self->links;
}

void
_flexo_relation_add_link (gpointer relation,
                          gpointer link)
{
  _flexo_backrefs_add (&FLEXO_RELATION (relation)->links, link);
}

void
_flexo_relation_remove_link (gpointer relation,
                             gpointer link)
{
  _flexo_backrefs_remove (&FLEXO_RELATION (relation)->links, link);
}
