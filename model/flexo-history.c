/* flexo-history.c — entries of the undo history
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-document-private.h"
#include "flexo-history.h"

#include <string.h>

typedef struct
{
  gpointer object;
  gpointer key;
  guint    field;
} MergeKey;

static guint
merge_key_hash (gconstpointer p)
{
  const MergeKey *k = p;

  return g_direct_hash (k->object) ^ (g_direct_hash (k->key) * 31) ^ (k->field * 131);
}

static gboolean
merge_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const MergeKey *x = a, *y = b;

  return x->object == y->object && x->key == y->key && x->field == y->field;
}

static void
op_clear (gpointer data)
{
  FlexoOp *op = data;

  flexo_value_clear (&op->value);
  g_clear_object (&op->object);
  g_clear_object (&op->other);
}

FlexoHistoryEntry *
flexo_history_entry_new (const char *label,
                         const char *merge_key)
{
  FlexoHistoryEntry *entry = g_new0 (FlexoHistoryEntry, 1);

  entry->label = g_strdup (label);
  entry->merge_key = merge_key ? g_intern_string (merge_key) : NULL;
  entry->mergeable = merge_key != NULL;
  entry->ops = g_array_new (FALSE, FALSE, sizeof (FlexoOp));
  g_array_set_clear_func (entry->ops, op_clear);

  return entry;
}

void
flexo_history_entry_free (FlexoHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_clear_pointer (&entry->merged, g_hash_table_unref);
  g_array_unref (entry->ops);
  g_free (entry->label);
  g_free (entry);
}

void
flexo_history_entry_add_set (FlexoHistoryEntry *entry,
                             FlexoObject       *object,
                             FlexoField         field,
                             gpointer           key,
                             FlexoValue        *value)
{
  FlexoOp op = { 0 };

  op.kind = FLEXO_OP_SET;
  op.field = field;
  op.object = g_object_ref (object);
  op.other = key ? g_object_ref (key) : NULL;
  op.value = *value;
  value->type = FLEXO_VALUE_NONE;
  g_array_append_val (entry->ops, op);
}

static gboolean
entry_remember_set (FlexoHistoryEntry *entry,
                    const FlexoOp     *op)
{
  MergeKey probe = { op->object, op->other, op->field };

  if (entry->merged == NULL)
    entry->merged = g_hash_table_new_full (merge_key_hash, merge_key_equal, g_free, NULL);
  if (g_hash_table_contains (entry->merged, &probe))
    return FALSE;
  g_hash_table_add (entry->merged, g_memdup2 (&probe, sizeof probe));
  return TRUE;
}

void
flexo_history_entry_merge (FlexoHistoryEntry *into,
                           FlexoHistoryEntry *from)
{
  if (into->merged == NULL)
    for (guint i = 0; i < into->ops->len; i++)
      {
        FlexoOp *op = &g_array_index (into->ops, FlexoOp, i);

        if (op->kind == FLEXO_OP_SET)
          entry_remember_set (into, op);
      }

  for (guint i = 0; i < from->ops->len; i++)
    {
      FlexoOp *op = &g_array_index (from->ops, FlexoOp, i);

      /* A set of a field that @into already changed: @into holds the
       * older value, which is the one undo must restore. */
      if (op->kind == FLEXO_OP_SET && !entry_remember_set (into, op))
        continue;

      g_array_append_val (into->ops, *op);
      memset (op, 0, sizeof *op);
    }

  g_array_set_size (from->ops, 0);
}

void
flexo_history_entry_add_list_op (FlexoHistoryEntry *entry,
                                 FlexoOpKind        kind,
                                 FlexoObject       *container,
                                 FlexoList          list,
                                 guint              index,
                                 FlexoObject       *child)
{
  FlexoOp op = { 0 };

  op.kind = kind;
  op.list = list;
  op.index = index;
  op.object = g_object_ref (child);
  op.other = g_object_ref (container);
  g_array_append_val (entry->ops, op);
}

void
flexo_op_do_insert (FlexoObject *container,
                    FlexoList    list,
                    guint        index,
                    FlexoObject *child)
{
  GPtrArray *children = flexo_object_get_list (container, list);

  g_assert (children != NULL);
  g_assert (index <= children->len);
  g_assert (flexo_object_get_container (child) == NULL);

  g_ptr_array_insert (children, index, g_object_ref (child));
  _flexo_object_set_container (child, container);
  _flexo_object_list_changed (container, list);

  if (flexo_object_is_live (container))
    _flexo_object_attach_tree (child, flexo_object_get_document (container));
}

void
flexo_op_do_remove (FlexoObject *container,
                    FlexoList    list,
                    guint        index,
                    FlexoObject *child)
{
  GPtrArray *children = flexo_object_get_list (container, list);

  g_assert (children != NULL);
  g_assert (index < children->len);
  g_assert (g_ptr_array_index (children, index) == child);

  /* Leave the document first, while the child still sits in its list. */
  if (flexo_object_is_live (child))
    _flexo_object_attach_tree (child, NULL);

  _flexo_object_set_container (child, NULL);
  g_ptr_array_remove_index (children, index);
  _flexo_object_list_changed (container, list);
}

static void
op_apply (FlexoOp      *op,
          FlexoChanges *changes)
{
  switch (op->kind)
    {
    case FLEXO_OP_SET:
      _flexo_object_swap_field (op->object, op->field, op->other, &op->value);
      flexo_changes_add (changes, op->object, FLEXO_CHANGE_FIELD (op->field));
      break;

    case FLEXO_OP_INSERT:
      flexo_op_do_insert (op->other, op->list, op->index, op->object);
      op->kind = FLEXO_OP_REMOVE;
      flexo_changes_add (changes, op->object, FLEXO_CHANGE_INSERTED);
      flexo_changes_add (changes, op->other, 0);
      break;

    case FLEXO_OP_REMOVE:
      flexo_op_do_remove (op->other, op->list, op->index, op->object);
      op->kind = FLEXO_OP_INSERT;
      flexo_changes_add (changes, op->object, FLEXO_CHANGE_REMOVED);
      flexo_changes_add (changes, op->other, 0);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
flexo_history_entry_apply (FlexoHistoryEntry *entry,
                           gboolean           backwards,
                           guint              first,
                           FlexoChanges      *changes)
{
  if (backwards)
    {
      for (guint i = entry->ops->len; i > first; i--)
        op_apply (&g_array_index (entry->ops, FlexoOp, i - 1), changes);
    }
  else
    {
      for (guint i = first; i < entry->ops->len; i++)
        op_apply (&g_array_index (entry->ops, FlexoOp, i), changes);
    }
}

void
flexo_history_entry_truncate (FlexoHistoryEntry *entry,
                              guint              n_ops)
{
  if (n_ops < entry->ops->len)
    g_array_set_size (entry->ops, n_ops);
}
