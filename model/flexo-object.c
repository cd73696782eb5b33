/* flexo-object.c — the base of every object of a document
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-document-private.h"
#include "flexo-object.h"

typedef struct
{
  guint          id;
  guint          list_index; /* where it was in its container's list, last asked */
  FlexoDocument *document;   /* set while the object is in a document */
  FlexoObject   *container;  /* weak: the container holds the reference */
} FlexoObjectPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (FlexoObject, flexo_object, G_TYPE_OBJECT)

void
flexo_value_clear (FlexoValue *value)
{
  switch (value->type)
    {
    case FLEXO_VALUE_STRING:
      g_clear_pointer (&value->string, g_free);
      break;
    case FLEXO_VALUE_OBJECT:
      g_clear_object (&value->object);
      break;
    case FLEXO_VALUE_STYLE:
      g_clear_pointer (&value->style, flexo_style_free);
      break;
    case FLEXO_VALUE_POINTS:
      g_clear_pointer (&value->points, g_array_unref);
      break;
    case FLEXO_VALUE_OBJECTS:
      g_clear_pointer (&value->objects, g_ptr_array_unref);
      break;
    case FLEXO_VALUE_STRV:
      g_clear_pointer (&value->strv, g_strfreev);
      break;
    case FLEXO_VALUE_NONE:
    case FLEXO_VALUE_DOUBLE:
    case FLEXO_VALUE_INT:
    case FLEXO_VALUE_BOOLEAN:
    case FLEXO_VALUE_RECT:
    case FLEXO_VALUE_POINT:
    default:
      break;
    }
  value->type = FLEXO_VALUE_NONE;
}

static void
flexo_object_real_swap_field (FlexoObject *self,
                              FlexoField   field,
                              gpointer     key,
                              FlexoValue  *value)
{
  g_critical ("%s has no field %d", G_OBJECT_TYPE_NAME (self), field);
}

static GPtrArray *
flexo_object_real_get_list (FlexoObject *self,
                            FlexoList    list)
{
  return NULL;
}

static void
flexo_object_real_attach (FlexoObject *self)
{
}

static void
flexo_object_class_init (FlexoObjectClass *klass)
{
  klass->id_prefix = "o";
  klass->swap_field = flexo_object_real_swap_field;
  klass->get_list = flexo_object_real_get_list;
  klass->attach = flexo_object_real_attach;
  klass->detach = flexo_object_real_attach;
}

static void
flexo_object_init (FlexoObject *self)
{
}

guint
flexo_object_get_id (FlexoObject *self)
{
  FlexoObjectPrivate *priv = flexo_object_get_instance_private (self);

  g_return_val_if_fail (FLEXO_IS_OBJECT (self), 0);

  return priv->id;
}

/**
 * flexo_object_dup_id_string:
 *
 * Returns: (transfer full): the id as files write it, such as "s12"
 */
char *
flexo_object_dup_id_string (FlexoObject *self)
{
  FlexoObjectPrivate *priv = flexo_object_get_instance_private (self);

  g_return_val_if_fail (FLEXO_IS_OBJECT (self), NULL);

  return g_strdup_printf ("%s%u", FLEXO_OBJECT_GET_CLASS (self)->id_prefix, priv->id);
}

/**
 * flexo_object_get_document:
 *
 * Returns: (transfer none) (nullable): the document the object is in
 */
FlexoDocument *
flexo_object_get_document (FlexoObject *self)
{
  FlexoObjectPrivate *priv = flexo_object_get_instance_private (self);

  g_return_val_if_fail (FLEXO_IS_OBJECT (self), NULL);

  return priv->document;
}

/**
 * flexo_object_get_container:
 *
 * Returns: (transfer none) (nullable): the object whose list holds this one
 */
FlexoObject *
flexo_object_get_container (FlexoObject *self)
{
  FlexoObjectPrivate *priv = flexo_object_get_instance_private (self);

  g_return_val_if_fail (FLEXO_IS_OBJECT (self), NULL);

  return priv->container;
}

gboolean
flexo_object_is_live (FlexoObject *self)
{
  return flexo_object_get_document (self) != NULL;
}

/**
 * flexo_object_get_list:
 *
 * Returns: (transfer none) (nullable): the children of @self in @list
 */
GPtrArray *
flexo_object_get_list (FlexoObject *self,
                       FlexoList    list)
{
  g_return_val_if_fail (FLEXO_IS_OBJECT (self), NULL);

  return FLEXO_OBJECT_GET_CLASS (self)->get_list (self, list);
}

/* The position of @self in its container's list, or -1. */
int
flexo_object_get_index (FlexoObject *self)
{
  FlexoObjectPrivate *priv = flexo_object_get_instance_private (self);
  guint index;

  if (priv->container == NULL)
    return -1;

  for (FlexoList list = 0; list < FLEXO_N_LISTS; list++)
    {
      GPtrArray *children = flexo_object_get_list (priv->container, list);

      if (children != NULL && g_ptr_array_find (children, self, &index))
        return (int) index;
    }

  return -1;
}

void
_flexo_object_set_id (FlexoObject *self,
                      guint        id)
{
  FlexoObjectPrivate *priv = flexo_object_get_instance_private (self);

  priv->id = id;
}

void
_flexo_object_set_container (FlexoObject *self,
                             FlexoObject *container)
{
  FlexoObjectPrivate *priv = flexo_object_get_instance_private (self);

  priv->container = container;
}

void
_flexo_object_foreach_child (FlexoObject *self,
                             GFunc        func,
                             gpointer     user_data)
{
  FlexoObjectClass *klass = FLEXO_OBJECT_GET_CLASS (self);

  for (FlexoList list = 0; list < FLEXO_N_LISTS; list++)
    {
      GPtrArray *children = klass->get_list (self, list);

      if (children == NULL)
        continue;
      for (guint i = 0; i < children->len; i++)
        func (g_ptr_array_index (children, i), user_data);
    }
}

static void
attach_child (gpointer child,
              gpointer document)
{
  _flexo_object_attach_tree (child, document);
}

/* Entering a document registers the object's id first, then its children's,
 * then runs attach(): by then every object it may refer to that is in the
 * same subtree is registered. Leaving runs detach() before the children. */
void
_flexo_object_attach_tree (FlexoObject   *self,
                           FlexoDocument *document)
{
  FlexoObjectPrivate *priv = flexo_object_get_instance_private (self);

  if (document != NULL)
    {
      g_assert (priv->document == NULL);
      priv->document = document;
      _flexo_document_register (document, self);
      _flexo_object_foreach_child (self, attach_child, document);
      FLEXO_OBJECT_GET_CLASS (self)->attach (self);
    }
  else if (priv->document != NULL)
    {
      FLEXO_OBJECT_GET_CLASS (self)->detach (self);
      _flexo_object_foreach_child (self, attach_child, NULL);
      _flexo_document_unregister (priv->document, self);
      priv->document = NULL;
    }
}

guint
_flexo_object_get_list_index (FlexoObject *self)
{
  FlexoObjectPrivate *priv = flexo_object_get_instance_private (self);

  return priv->list_index;
}

void
_flexo_object_set_list_index (FlexoObject *self,
                              guint        index)
{
  FlexoObjectPrivate *priv = flexo_object_get_instance_private (self);

  priv->list_index = index;
}

/* Bumped by every change of any object (fields and lists, done, undone or
 * redone): what was drawn for one value still holds for the same value. */
static guint model_revision;

/* The last changes, by revision: the one that made revision r is at
 * r % CHANGE_LOG_SIZE. Changes are made, and the log read, on one thread
 * (the model is not thread-safe); the revision alone may be read from
 * any. */
#define CHANGE_LOG_SIZE 1024

typedef struct
{
  gpointer object;
  GType    type;
  guint    id;
  gboolean list;
} LoggedChange;

static LoggedChange change_log[CHANGE_LOG_SIZE];

/* The entry, then the revision that makes it readable. */
static void
log_change (FlexoObject *object,
            gboolean     list)
{
  FlexoObjectPrivate *priv = flexo_object_get_instance_private (object);
  guint revision = (guint) g_atomic_int_get (&model_revision) + 1;
  LoggedChange *change = &change_log[revision % CHANGE_LOG_SIZE];

  change->object = object;
  change->type = G_OBJECT_TYPE (object);
  change->id = priv->id;
  change->list = list;
  g_atomic_int_set (&model_revision, revision);
}

guint
flexo_model_get_revision (void)
{
  return (guint) g_atomic_int_get (&model_revision);
}

gboolean
flexo_model_foreach_change_since (guint                revision,
                                  FlexoModelChangeFunc func,
                                  gpointer             user_data)
{
  guint now = flexo_model_get_revision ();

  g_return_val_if_fail (func != NULL, FALSE);

  /* Unsigned: a revision from the future is as unknown as a lost one. */
  if (now - revision > CHANGE_LOG_SIZE)
    return FALSE;
  for (guint r = revision + 1; r != now + 1; r++)
    {
      const LoggedChange *change = &change_log[r % CHANGE_LOG_SIZE];

      if (!func (change->object, change->id, change->type, change->list, user_data))
        break;
    }
  return TRUE;
}

void
_flexo_object_list_changed (FlexoObject *self,
                            FlexoList    list)
{
  FlexoObjectClass *klass = FLEXO_OBJECT_GET_CLASS (self);

  log_change (self, TRUE);

  if (klass->list_changed != NULL)
    klass->list_changed (self, list);
}

void
_flexo_object_swap_field (FlexoObject *self,
                          FlexoField   field,
                          gpointer     key,
                          FlexoValue  *value)
{
  log_change (self, FALSE);
  FLEXO_OBJECT_GET_CLASS (self)->swap_field (self, field, key, value);
}

void
flexo_object_set_field (FlexoObject *self,
                        FlexoField   field,
                        gpointer     key,
                        FlexoValue  *value)
{
  FlexoObjectPrivate *priv = flexo_object_get_instance_private (self);

  g_return_if_fail (FLEXO_IS_OBJECT (self));
  g_return_if_fail (value != NULL);

  if (priv->document != NULL)
    {
      _flexo_document_record_set (priv->document, self, field, key, value);
    }
  else
    {
      _flexo_object_swap_field (self, field, key, value);
      flexo_value_clear (value);
    }
}

void
flexo_object_set_string (FlexoObject *self,
                         FlexoField   field,
                         gpointer     key,
                         const char  *string)
{
  FlexoValue value = { .type = FLEXO_VALUE_STRING, .string = g_strdup (string) };

  flexo_object_set_field (self, field, key, &value);
}

void
flexo_object_set_object (FlexoObject *self,
                         FlexoField   field,
                         gpointer     key,
                         gpointer     object)
{
  FlexoValue value = { .type = FLEXO_VALUE_OBJECT, .object = object ? g_object_ref (object) : NULL };

  flexo_object_set_field (self, field, key, &value);
}

void
flexo_object_set_rect (FlexoObject     *self,
                       FlexoField       field,
                       const FlexoRect *rect)
{
  FlexoValue value = { .type = FLEXO_VALUE_RECT, .rect = *rect };

  flexo_object_set_field (self, field, NULL, &value);
}

void
flexo_object_set_point (FlexoObject *self,
                        FlexoField   field,
                        FlexoPoint   point)
{
  FlexoValue value = { .type = FLEXO_VALUE_POINT, .point = point };

  flexo_object_set_field (self, field, NULL, &value);
}

void
flexo_object_set_int (FlexoObject *self,
                      FlexoField   field,
                      gint64       integer)
{
  FlexoValue value = { .type = FLEXO_VALUE_INT, .integer = integer };

  flexo_object_set_field (self, field, NULL, &value);
}

void
flexo_object_set_boolean (FlexoObject *self,
                          FlexoField   field,
                          gboolean     boolean)
{
  FlexoValue value = { .type = FLEXO_VALUE_BOOLEAN, .boolean = !!boolean };

  flexo_object_set_field (self, field, NULL, &value);
}

/* An empty style is stored as NULL: no overrides. */
void
flexo_object_set_style (FlexoObject      *self,
                        const FlexoStyle *style)
{
  FlexoValue value = { .type = FLEXO_VALUE_STYLE,
                       .style = flexo_style_is_empty (style) ? NULL : flexo_style_copy (style) };

  flexo_object_set_field (self, FLEXO_FIELD_STYLE, NULL, &value);
}

void
_flexo_backrefs_add (GPtrArray **refs,
                     gpointer    object)
{
  if (*refs == NULL)
    *refs = g_ptr_array_new ();
  g_ptr_array_add (*refs, object);
}

void
_flexo_backrefs_remove (GPtrArray **refs,
                        gpointer    object)
{
  if (*refs == NULL)
    return;
  g_ptr_array_remove (*refs, object);
  if ((*refs)->len == 0)
    g_clear_pointer (refs, g_ptr_array_unref);
}

void
_flexo_object_set_multiplicity (FlexoObject *self,
                                gint64       current_min,
                                gint64       current_max,
                                int          min,
                                int          max)
{
  g_return_if_fail (min >= 0);
  g_return_if_fail (max == -1 || max >= min);

  if (min != current_min)
    flexo_object_set_int (self, FLEXO_FIELD_MIN, min);
  if (max != current_max)
    flexo_object_set_int (self, FLEXO_FIELD_MAX, max);
}
