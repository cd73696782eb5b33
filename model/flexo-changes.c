/* flexo-changes.c — what one commit (or undo, or redo) touched
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-changes.h"
#include "flexo-model.h"

struct _FlexoChanges
{
  gatomicrefcount  ref_count;
  /* FlexoObject (strong reference) → guint64 (allocated) what changed */
  GHashTable      *objects;
};

G_DEFINE_BOXED_TYPE (FlexoChanges, flexo_changes, flexo_changes_ref, flexo_changes_unref)

FlexoChanges *
flexo_changes_new (void)
{
  FlexoChanges *self = g_new0 (FlexoChanges, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->objects = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);

  return self;
}

FlexoChanges *
flexo_changes_ref (FlexoChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
flexo_changes_unref (FlexoChanges *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->objects);
      g_free (self);
    }
}

void
flexo_changes_add (FlexoChanges *self,
                   FlexoObject  *object,
                   guint64       what)
{
  guint64 *bits;

  g_return_if_fail (self != NULL);
  g_return_if_fail (FLEXO_IS_OBJECT (object));

  bits = g_hash_table_lookup (self->objects, object);
  if (bits == NULL)
    {
      bits = g_new0 (guint64, 1);
      g_hash_table_insert (self->objects, g_object_ref (object), bits);
    }

  /* Removed then inserted again (a move between lists), or the reverse:
   * the object is there after all, or gone after all. */
  if (what & FLEXO_CHANGE_INSERTED)
    *bits &= ~FLEXO_CHANGE_REMOVED;
  if (what & FLEXO_CHANGE_REMOVED)
    *bits &= ~FLEXO_CHANGE_INSERTED;
  *bits |= what;
}

gboolean
flexo_changes_is_empty (FlexoChanges *self)
{
  return g_hash_table_size (self->objects) == 0;
}

guint
flexo_changes_get_n_objects (FlexoChanges *self)
{
  return g_hash_table_size (self->objects);
}

gboolean
flexo_changes_contains (FlexoChanges *self,
                        FlexoObject  *object)
{
  return g_hash_table_contains (self->objects, object);
}

guint64
flexo_changes_get (FlexoChanges *self,
                   FlexoObject  *object)
{
  guint64 *bits = g_hash_table_lookup (self->objects, object);

  return bits ? *bits : 0;
}

void
flexo_changes_foreach (FlexoChanges     *self,
                       FlexoChangesFunc  func,
                       gpointer          user_data)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->objects);
  while (g_hash_table_iter_next (&iter, &key, &value))
    func (key, *(guint64 *) value, user_data);
}

static void
view_only_cb (FlexoObject *object,
              guint64      what,
              gpointer     user_data)
{
  gboolean *only = user_data;

  /* A diagram whose list of items changed (no field of its own) counts as
   * a view change; its name does not. */
  if (!FLEXO_IS_SHAPE (object) && !FLEXO_IS_CONNECTOR (object) && !(FLEXO_IS_DIAGRAM (object) && what == 0))
    *only = FALSE;
}

gboolean
flexo_changes_only_views (FlexoChanges *self)
{
  gboolean only = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);

  flexo_changes_foreach (self, view_only_cb, &only);
  return only;
}
