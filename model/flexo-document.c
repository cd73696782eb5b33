/* flexo-document.c — one open file and the history of its edits
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "flexo-document-private.h"
#include "flexo-history.h"

struct _FlexoDocument
{
  FlexoObject        parent_instance;

  GPtrArray         *lists[FLEXO_LIST_DIAGRAMS + 1];
  GHashTable        *objects;       /* id → FlexoObject (weak), live objects */
  guint              next_id;

  GPtrArray         *history;       /* FlexoHistoryEntry */
  guint              position;      /* entries applied: undo takes position - 1 */
  int                saved_position;  /* -1: the saved state is unreachable */

  FlexoHistoryEntry *current;       /* the open transaction */
  guint              depth;
  char              *merge_key;     /* of the open transaction */
  FlexoChanges      *changes;       /* touched by the open transaction */
  gboolean           applying;      /* in undo, redo or rollback */

  char              *uuid;          /* made on first request, kept in the file */
  char              *origin;        /* the uuid of the document it was copied from */
};

G_DEFINE_FINAL_TYPE (FlexoDocument, flexo_document, FLEXO_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GPtrArray *
flexo_document_get_list (FlexoObject *object,
                         FlexoList    list)
{
  FlexoDocument *self = FLEXO_DOCUMENT (object);

  if (list <= FLEXO_LIST_DIAGRAMS)
    return self->lists[list];

  return NULL;
}

static void
flexo_document_dispose (GObject *object)
{
  FlexoDocument *self = FLEXO_DOCUMENT (object);

  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->current, flexo_history_entry_free);
  g_clear_pointer (&self->changes, flexo_changes_unref);

  /* Detach everything, children before their parents' lists go. */
  for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
    if (self->lists[l] != NULL)
      for (guint i = 0; i < self->lists[l]->len; i++)
        _flexo_object_attach_tree (g_ptr_array_index (self->lists[l], i), NULL);

  for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
    g_clear_pointer (&self->lists[l], g_ptr_array_unref);

  G_OBJECT_CLASS (flexo_document_parent_class)->dispose (object);
}

static void
flexo_document_finalize (GObject *object)
{
  FlexoDocument *self = FLEXO_DOCUMENT (object);

  g_clear_pointer (&self->objects, g_hash_table_unref);
  g_free (self->merge_key);
  g_free (self->uuid);
  g_free (self->origin);

  G_OBJECT_CLASS (flexo_document_parent_class)->finalize (object);
}

static void
flexo_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FlexoDocument *self = FLEXO_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, flexo_document_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, flexo_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, flexo_document_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, flexo_document_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, flexo_document_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flexo_document_class_init (FlexoDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FlexoObjectClass *flexo_class = FLEXO_OBJECT_CLASS (klass);

  object_class->dispose = flexo_document_dispose;
  object_class->finalize = flexo_document_finalize;
  object_class->get_property = flexo_document_get_property;

  flexo_class->id_prefix = "doc";
  flexo_class->get_list = flexo_document_get_list;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FlexoDocument::changed:
   * @changes: what the commit, undo or redo touched
   *
   * Emitted once per commit, undo and redo that changed something.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FLEXO_TYPE_CHANGES);
}

static void
flexo_document_init (FlexoDocument *self)
{
  for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
    self->lists[l] = g_ptr_array_new_with_free_func (g_object_unref);

  self->objects = g_hash_table_new (NULL, NULL);
  self->next_id = 1;
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) flexo_history_entry_free);
  self->saved_position = 0;

  /* The document is the root of its own tree: what enters its lists is live. */
  _flexo_object_attach_tree (FLEXO_OBJECT (self), self);
}

FlexoDocument *
flexo_document_new (void)
{
  return g_object_new (FLEXO_TYPE_DOCUMENT, NULL);
}

/* Identity */

const char *
flexo_document_get_uuid (FlexoDocument *self)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), NULL);
  return self->uuid;
}

const char *
flexo_document_ensure_uuid (FlexoDocument *self)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), NULL);

  if (self->uuid == NULL)
    self->uuid = g_uuid_string_random ();
  return self->uuid;
}

void
flexo_document_set_uuid (FlexoDocument *self,
                         const char    *uuid)
{
  g_return_if_fail (FLEXO_IS_DOCUMENT (self));
  g_return_if_fail (uuid == NULL || g_uuid_string_is_valid (uuid));

  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
}

const char *
flexo_document_get_origin (FlexoDocument *self)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), NULL);
  return self->origin;
}

void
flexo_document_set_origin (FlexoDocument *self,
                           const char    *origin)
{
  g_return_if_fail (FLEXO_IS_DOCUMENT (self));
  g_return_if_fail (origin == NULL || g_uuid_string_is_valid (origin));

  g_free (self->origin);
  self->origin = g_strdup (origin);
}

/* Registration of live objects */

void
_flexo_document_register (FlexoDocument *self,
                          FlexoObject   *object)
{
  guint id;

  if (object == FLEXO_OBJECT (self))
    return;

  id = flexo_object_get_id (object);
  if (id == 0)
    {
      flexo_document_assign_id (self, object);
      id = flexo_object_get_id (object);
    }

  g_warn_if_fail (!g_hash_table_contains (self->objects, GUINT_TO_POINTER (id)));
  g_hash_table_insert (self->objects, GUINT_TO_POINTER (id), object);
  if (id >= self->next_id)
    self->next_id = id + 1;
}

void
_flexo_document_unregister (FlexoDocument *self,
                            FlexoObject   *object)
{
  if (object == FLEXO_OBJECT (self))
    return;

  g_hash_table_remove (self->objects, GUINT_TO_POINTER (flexo_object_get_id (object)));
}

void
flexo_document_assign_id (FlexoDocument *self,
                          FlexoObject   *object)
{
  g_return_if_fail (FLEXO_IS_DOCUMENT (self));
  g_return_if_fail (FLEXO_IS_OBJECT (object));

  _flexo_object_set_id (object, self->next_id++);
}

/* Gives @object the id @id read from a file. FALSE when @id is 0. */
gboolean
flexo_document_claim_id (FlexoDocument *self,
                         FlexoObject   *object,
                         guint          id)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), FALSE);

  if (id == 0 || id == G_MAXUINT)
    return FALSE;

  _flexo_object_set_id (object, id);
  if (id >= self->next_id)
    self->next_id = id + 1;

  return TRUE;
}

void
flexo_document_reserve_ids (FlexoDocument *self,
                            guint          next_id)
{
  g_return_if_fail (FLEXO_IS_DOCUMENT (self));

  self->next_id = MAX (self->next_id, next_id);
}

guint
flexo_document_get_next_id (FlexoDocument *self)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), 0);

  return self->next_id;
}

/**
 * flexo_document_lookup:
 *
 * Returns: (transfer none) (nullable): the object with that id in the document
 */
FlexoObject *
flexo_document_lookup (FlexoDocument *self,
                       guint          id)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), NULL);

  return g_hash_table_lookup (self->objects, GUINT_TO_POINTER (id));
}

guint
flexo_document_get_n_objects (FlexoDocument *self)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), 0);

  return g_hash_table_size (self->objects);
}

#define DEFINE_LIST_GETTER(name, LIST) \
  GPtrArray * \
  flexo_document_get_##name (FlexoDocument *self) \
  { \
    g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), NULL); \
    return self->lists[LIST]; \
  }

DEFINE_LIST_GETTER (concepts, FLEXO_LIST_CONCEPTS)
DEFINE_LIST_GETTER (relations, FLEXO_LIST_RELATIONS)
DEFINE_LIST_GETTER (palettes, FLEXO_LIST_PALETTES)
DEFINE_LIST_GETTER (instances, FLEXO_LIST_INSTANCES)
DEFINE_LIST_GETTER (links, FLEXO_LIST_LINKS)
DEFINE_LIST_GETTER (diagrams, FLEXO_LIST_DIAGRAMS)

#undef DEFINE_LIST_GETTER

/* History state and notifications */

typedef struct
{
  gboolean modified;
  gboolean can_undo;
  gboolean can_redo;
  guint    position;
  guint    length;
} HistoryState;

static HistoryState
history_state (FlexoDocument *self)
{
  return (HistoryState) {
    flexo_document_get_modified (self),
    flexo_document_can_undo (self),
    flexo_document_can_redo (self),
    self->position,
    self->history->len,
  };
}

static void
notify_history (FlexoDocument *self,
                HistoryState   before)
{
  HistoryState after = history_state (self);

  if (before.modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.position != after.position || before.length != after.length)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
    }
}

static void
emit_changes (FlexoDocument *self,
              FlexoChanges  *changes)
{
  if (!flexo_changes_is_empty (changes))
    g_signal_emit (self, signals[CHANGED], 0, changes);
}

/* Transactions */

gboolean
flexo_document_in_transaction (FlexoDocument *self)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), FALSE);

  return self->depth > 0;
}

gboolean
_flexo_document_is_recording (FlexoDocument *self)
{
  return self->current != NULL && !self->applying;
}

void
flexo_document_begin_merge (FlexoDocument *self,
                            const char    *label,
                            const char    *merge_key)
{
  g_return_if_fail (FLEXO_IS_DOCUMENT (self));
  g_return_if_fail (!self->applying);

  if (self->depth++ > 0)
    return;

  self->current = flexo_history_entry_new (label, merge_key);
  self->changes = flexo_changes_new ();
  g_free (self->merge_key);
  self->merge_key = g_strdup (merge_key);
}

void
flexo_document_begin (FlexoDocument *self,
                      const char    *label)
{
  flexo_document_begin_merge (self, label, NULL);
}

/* Stops the top entry from taking in later transactions of the same key:
 * the end of a drag. */
void
flexo_document_end_merge (FlexoDocument *self)
{
  g_return_if_fail (FLEXO_IS_DOCUMENT (self));

  if (self->position > 0)
    ((FlexoHistoryEntry *) g_ptr_array_index (self->history, self->position - 1))->mergeable = FALSE;
}

static gboolean
can_merge_into_top (FlexoDocument     *self,
                    FlexoHistoryEntry *entry)
{
  FlexoHistoryEntry *top;

  if (entry->merge_key == NULL || self->position == 0)
    return FALSE;
  if (self->position != self->history->len)
    return FALSE;
  /* Merging into the saved state would change it. */
  if (self->saved_position == (int) self->position)
    return FALSE;

  top = g_ptr_array_index (self->history, self->position - 1);
  return top->mergeable && top->merge_key == entry->merge_key;
}

void
flexo_document_commit (FlexoDocument *self)
{
  g_autoptr(FlexoChanges) changes = NULL;
  FlexoHistoryEntry *entry;
  HistoryState before;

  g_return_if_fail (FLEXO_IS_DOCUMENT (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  before = history_state (self);
  entry = g_steal_pointer (&self->current);
  changes = g_steal_pointer (&self->changes);

  if (entry->ops->len == 0)
    {
      flexo_history_entry_free (entry);
    }
  else if (can_merge_into_top (self, entry))
    {
      flexo_history_entry_merge (g_ptr_array_index (self->history, self->position - 1), entry);
      flexo_history_entry_free (entry);
    }
  else
    {
      /* A new branch: what could be redone is gone. */
      if (self->position < self->history->len)
        {
          if (self->saved_position > (int) self->position)
            self->saved_position = -1;
          g_ptr_array_set_size (self->history, self->position);
        }
      g_ptr_array_add (self->history, entry);
      self->position++;
    }

  emit_changes (self, changes);
  notify_history (self, before);
}

/* Undoes what the open transaction did, and closes it. */
void
flexo_document_rollback (FlexoDocument *self)
{
  g_autoptr(FlexoChanges) changes = NULL;
  FlexoHistoryEntry *entry;

  g_return_if_fail (FLEXO_IS_DOCUMENT (self));
  g_return_if_fail (self->depth > 0);

  self->depth = 0;
  entry = g_steal_pointer (&self->current);
  changes = g_steal_pointer (&self->changes);

  self->applying = TRUE;
  flexo_history_entry_apply (entry, TRUE, 0, changes);
  self->applying = FALSE;
  flexo_history_entry_free (entry);

  emit_changes (self, changes);
}

void
_flexo_document_touch (FlexoDocument *self,
                       FlexoObject   *object)
{
  if (self->changes != NULL)
    flexo_changes_add (self->changes, object, 0);
}

void
_flexo_document_record_set (FlexoDocument *self,
                            FlexoObject   *object,
                            FlexoField     field,
                            gpointer       key,
                            FlexoValue    *value)
{
  if (self->current == NULL || self->applying)
    {
      g_critical ("%s: a change of %s outside a transaction; "
                  "call flexo_document_begin() first",
                  G_STRFUNC, G_OBJECT_TYPE_NAME (object));
      flexo_value_clear (value);
      return;
    }

  _flexo_object_swap_field (object, field, key, value);
  flexo_changes_add (self->changes, object, FLEXO_CHANGE_FIELD (field));
  flexo_history_entry_add_set (self->current, object, field, key, value);
}

/* Lists */

static gboolean
check_list_edit (FlexoObject *container,
                 FlexoList    list)
{
  FlexoDocument *document = flexo_object_get_document (container);

  if (flexo_object_get_list (container, list) == NULL)
    {
      g_critical ("%s has no list %d", G_OBJECT_TYPE_NAME (container), list);
      return FALSE;
    }

  if (document != NULL && (document->current == NULL || document->applying))
    {
      g_critical ("a change of %s outside a transaction; call flexo_document_begin() first",
                  G_OBJECT_TYPE_NAME (container));
      return FALSE;
    }

  return TRUE;
}

void
flexo_object_insert_child (FlexoObject *container,
                           FlexoList    list,
                           int          index,
                           FlexoObject *child)
{
  FlexoDocument *document;
  GPtrArray *children;

  g_return_if_fail (FLEXO_IS_OBJECT (container));
  g_return_if_fail (FLEXO_IS_OBJECT (child));
  g_return_if_fail (flexo_object_get_container (child) == NULL);

  if (!check_list_edit (container, list))
    return;

  children = flexo_object_get_list (container, list);
  if (index < 0 || (guint) index > children->len)
    index = children->len;

  flexo_op_do_insert (container, list, index, child);

  document = flexo_object_get_document (container);
  if (document != NULL)
    {
      flexo_history_entry_add_list_op (document->current, FLEXO_OP_REMOVE,
                                       container, list, index, child);
      flexo_changes_add (document->changes, child, FLEXO_CHANGE_INSERTED);
      flexo_changes_add (document->changes, container, 0);
    }
}

void
flexo_object_remove_child (FlexoObject *container,
                           FlexoList    list,
                           FlexoObject *child)
{
  g_autoptr(FlexoObject) keep = NULL;
  FlexoDocument *document;
  GPtrArray *children;
  guint index;

  g_return_if_fail (FLEXO_IS_OBJECT (container));
  g_return_if_fail (FLEXO_IS_OBJECT (child));

  if (!check_list_edit (container, list))
    return;

  children = flexo_object_get_list (container, list);
  if (!_flexo_ptr_array_find_last (children, child, &index))
    {
      g_critical ("%s is not in that list of %s",
                  G_OBJECT_TYPE_NAME (child), G_OBJECT_TYPE_NAME (container));
      return;
    }

  keep = g_object_ref (child);
  document = flexo_object_get_document (container);
  flexo_op_do_remove (container, list, index, child);

  if (document != NULL)
    {
      flexo_history_entry_add_list_op (document->current, FLEXO_OP_INSERT,
                                       container, list, index, child);
      flexo_changes_add (document->changes, child, FLEXO_CHANGE_REMOVED);
      flexo_changes_add (document->changes, container, 0);
    }
}

void
flexo_object_move_child (FlexoObject *container,
                         FlexoList    list,
                         FlexoObject *child,
                         int          new_index)
{
  g_autoptr(FlexoObject) keep = g_object_ref (child);

  flexo_object_remove_child (container, list, child);
  flexo_object_insert_child (container, list, new_index, child);
}

/* Undo and redo */

gboolean
flexo_document_can_undo (FlexoDocument *self)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), FALSE);

  return self->position > 0 && self->depth == 0;
}

gboolean
flexo_document_can_redo (FlexoDocument *self)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), FALSE);

  return self->position < self->history->len && self->depth == 0;
}

const char *
flexo_document_get_undo_label (FlexoDocument *self)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), NULL);

  if (self->position == 0)
    return NULL;

  return ((FlexoHistoryEntry *) g_ptr_array_index (self->history, self->position - 1))->label;
}

const char *
flexo_document_get_redo_label (FlexoDocument *self)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), NULL);

  if (self->position >= self->history->len)
    return NULL;

  return ((FlexoHistoryEntry *) g_ptr_array_index (self->history, self->position))->label;
}

static gboolean
undo_redo (FlexoDocument *self,
           gboolean       undo)
{
  g_autoptr(FlexoChanges) changes = flexo_changes_new ();
  FlexoHistoryEntry *entry;
  HistoryState before;

  if (undo ? !flexo_document_can_undo (self) : !flexo_document_can_redo (self))
    return FALSE;

  before = history_state (self);
  entry = g_ptr_array_index (self->history, undo ? self->position - 1 : self->position);

  self->applying = TRUE;
  flexo_history_entry_apply (entry, undo, 0, changes);
  self->applying = FALSE;

  /* An undone drag is over: a new drag starts a new entry. */
  entry->mergeable = FALSE;
  self->position += undo ? -1 : 1;

  emit_changes (self, changes);
  notify_history (self, before);

  return TRUE;
}

gboolean
flexo_document_undo (FlexoDocument *self)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), FALSE);

  return undo_redo (self, TRUE);
}

gboolean
flexo_document_redo (FlexoDocument *self)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), FALSE);

  return undo_redo (self, FALSE);
}

guint
flexo_document_get_history_length (FlexoDocument *self)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), 0);

  return self->history->len;
}

void
flexo_document_clear_history (FlexoDocument *self)
{
  HistoryState before;

  g_return_if_fail (FLEXO_IS_DOCUMENT (self));
  g_return_if_fail (self->depth == 0);

  before = history_state (self);
  g_ptr_array_set_size (self->history, 0);
  self->saved_position = flexo_document_get_modified (self) ? -1 : 0;
  self->position = 0;
  notify_history (self, before);
}

void
flexo_document_set_saved (FlexoDocument *self)
{
  HistoryState before;

  g_return_if_fail (FLEXO_IS_DOCUMENT (self));

  before = history_state (self);
  self->saved_position = self->position;
  if (self->position > 0)
    ((FlexoHistoryEntry *) g_ptr_array_index (self->history, self->position - 1))->mergeable = FALSE;
  notify_history (self, before);
}

/* Marks the document as not saved anywhere (work recovered after a
 * crash): no undo or redo reaches a saved state. */
void
flexo_document_set_unsaved (FlexoDocument *self)
{
  HistoryState before;

  g_return_if_fail (FLEXO_IS_DOCUMENT (self));

  before = history_state (self);
  self->saved_position = -1;
  notify_history (self, before);
}

gboolean
flexo_document_get_modified (FlexoDocument *self)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (self), FALSE);

  return self->saved_position != (int) self->position;
}
