/* flexo-link.c — an instance of a relation between two instances
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-document-private.h"
#include "flexo-link.h"

struct _FlexoLink
{
  FlexoObject  parent_instance;

  FlexoObject *relation;   /* strong */
  FlexoObject *source;     /* FlexoInstance, strong */
  FlexoObject *target;     /* FlexoInstance, strong */
  GPtrArray   *views;      /* weak back-references: FlexoConnector */
};

G_DEFINE_FINAL_TYPE (FlexoLink, flexo_link, FLEXO_TYPE_OBJECT)

static void
link_refs (FlexoLink *self,
           gboolean   add)
{
  if (self->relation)
    (add ? _flexo_relation_add_link : _flexo_relation_remove_link) (self->relation, self);
  if (self->source)
    (add ? _flexo_instance_add_link : _flexo_instance_remove_link) (self->source, self);
  if (self->target && self->target != self->source)
    (add ? _flexo_instance_add_link : _flexo_instance_remove_link) (self->target, self);
}

static void
flexo_link_swap_field (FlexoObject *object,
                       FlexoField   field,
                       gpointer     key,
                       FlexoValue  *value)
{
  FlexoLink *self = FLEXO_LINK (object);
  gboolean live = flexo_object_is_live (object);

  if (field != FLEXO_FIELD_RELATION && field != FLEXO_FIELD_SOURCE && field != FLEXO_FIELD_TARGET)
    {
      FLEXO_OBJECT_CLASS (flexo_link_parent_class)->swap_field (object, field, key, value);
      return;
    }

  if (live)
    link_refs (self, FALSE);

  switch (field)
    {
    case FLEXO_FIELD_RELATION: FLEXO_SWAP_OBJECT (relation); break;
    case FLEXO_FIELD_SOURCE: FLEXO_SWAP_OBJECT (source); break;
    case FLEXO_FIELD_TARGET: FLEXO_SWAP_OBJECT (target); break;
    default: g_assert_not_reached ();
    }

  if (live)
    link_refs (self, TRUE);
}

static void
flexo_link_attach (FlexoObject *object)
{
  link_refs (FLEXO_LINK (object), TRUE);
}

static void
flexo_link_detach (FlexoObject *object)
{
  link_refs (FLEXO_LINK (object), FALSE);
}

static void
flexo_link_finalize (GObject *object)
{
  FlexoLink *self = FLEXO_LINK (object);

  g_clear_object (&self->relation);
  g_clear_object (&self->source);
  g_clear_object (&self->target);
  g_clear_pointer (&self->views, g_ptr_array_unref);

  G_OBJECT_CLASS (flexo_link_parent_class)->finalize (object);
}

static void
flexo_link_class_init (FlexoLinkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flexo_link_finalize;
  FLEXO_OBJECT_CLASS (klass)->id_prefix = "l";
  FLEXO_OBJECT_CLASS (klass)->swap_field = flexo_link_swap_field;
  FLEXO_OBJECT_CLASS (klass)->attach = flexo_link_attach;
  FLEXO_OBJECT_CLASS (klass)->detach = flexo_link_detach;
}

static void
flexo_link_init (FlexoLink *self)
{
}

FlexoLink *
flexo_link_new (FlexoDocument *document,
                FlexoRelation *relation,
                FlexoInstance *source,
                FlexoInstance *target)
{
  FlexoLink *self = g_object_new (FLEXO_TYPE_LINK, NULL);

  self->relation = relation ? g_object_ref (FLEXO_OBJECT (relation)) : NULL;
  self->source = source ? g_object_ref (FLEXO_OBJECT (source)) : NULL;
  self->target = target ? g_object_ref (FLEXO_OBJECT (target)) : NULL;
  if (document != NULL)
    flexo_document_assign_id (document, FLEXO_OBJECT (self));

  return self;
}

FLEXO_DEFINE_REF_ACCESSORS (flexo_link, FlexoLink, FLEXO_IS_LINK, relation, FlexoRelation, FLEXO_FIELD_RELATION)
FLEXO_DEFINE_REF_ACCESSORS (flexo_link, FlexoLink, FLEXO_IS_LINK, source, FlexoInstance, FLEXO_FIELD_SOURCE)
FLEXO_DEFINE_REF_ACCESSORS (flexo_link, FlexoLink, FLEXO_IS_LINK, target, FlexoInstance, FLEXO_FIELD_TARGET)

GPtrArray *
flexo_link_get_views (FlexoLink *self)
{
  g_return_val_if_fail (FLEXO_IS_LINK (self), NULL);
  return self->views;
}

void
_flexo_link_add_view (gpointer link,
                      gpointer connector)
{
  _flexo_backrefs_add (&FLEXO_LINK (link)->views, connector);
}

void
_flexo_link_remove_view (gpointer link,
                         gpointer connector)
{
  _flexo_backrefs_remove (&FLEXO_LINK (link)->views, connector);
}
