/* flexo-history.h — entries of the undo history (private to the model)
 *
 * An entry is the list of inverse operations of one transaction. Every
 * operation is its own inverse's inverse: applying it swaps a field's value,
 * or inserts/removes a child and turns into the opposite operation. Undo
 * applies an entry's operations backwards; redo forwards.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-changes.h"
#include "flexo-object.h"

G_BEGIN_DECLS

typedef enum
{
  FLEXO_OP_SET,
  FLEXO_OP_INSERT,
  FLEXO_OP_REMOVE,
} FlexoOpKind;

typedef struct
{
  guint8       kind;       /* FlexoOpKind */
  guint8       list;       /* FlexoList, for insert and remove */
  guint16      field;      /* FlexoField, for set */
  guint        index;      /* position in the list, for insert and remove */
  FlexoObject *object;     /* strong */
  gpointer     other;      /* strong: the container, or the set's key */
  FlexoValue   value;      /* for set: the value to swap in */
} FlexoOp;

typedef struct
{
  char        *label;
  const char  *merge_key;  /* interned, or NULL */
  gboolean     mergeable;
  GArray      *ops;        /* FlexoOp */
  GHashTable  *merged;     /* (object, field, key) it restores, once merged into */
} FlexoHistoryEntry;

FlexoHistoryEntry *flexo_history_entry_new       (const char        *label,
                                                  const char        *merge_key);
void               flexo_history_entry_free      (FlexoHistoryEntry *entry);
/* Records a set whose previous value is in @value (taken). */
void               flexo_history_entry_add_set   (FlexoHistoryEntry *entry,
                                                  FlexoObject       *object,
                                                  FlexoField         field,
                                                  gpointer           key,
                                                  FlexoValue        *value);
void               flexo_history_entry_add_list_op (FlexoHistoryEntry *entry,
                                                  FlexoOpKind        kind,
                                                  FlexoObject       *container,
                                                  FlexoList          list,
                                                  guint              index,
                                                  FlexoObject       *child);
/* Moves @from's operations to the end of @into, dropping the sets of
 * fields that @into already restores (a drag is one entry). */
void               flexo_history_entry_merge     (FlexoHistoryEntry *into,
                                                  FlexoHistoryEntry *from);
/* Applies the operations from the last to @first (undo, rollback) or from
 * the first to the last (redo), adding what they touch to @changes. */
void               flexo_history_entry_apply     (FlexoHistoryEntry *entry,
                                                  gboolean           backwards,
                                                  guint              first,
                                                  FlexoChanges      *changes);
void               flexo_history_entry_truncate  (FlexoHistoryEntry *entry,
                                                  guint              n_ops);

/* The list primitives, shared with the document's direct (unrecorded) path. */
void               flexo_op_do_insert            (FlexoObject       *container,
                                                  FlexoList          list,
                                                  guint              index,
                                                  FlexoObject       *child);
void               flexo_op_do_remove            (FlexoObject       *container,
                                                  FlexoList          list,
                                                  guint              index,
                                                  FlexoObject       *child);

G_END_DECLS
