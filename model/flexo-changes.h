/* flexo-changes.h — what one commit (or undo, or redo) touched
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "flexo-object.h"

G_BEGIN_DECLS

/* Bits beyond the fields: the object entered or left the document. */
#define FLEXO_CHANGE_FIELD(field) (G_GUINT64_CONSTANT (1) << (field))
#define FLEXO_CHANGE_INSERTED     (G_GUINT64_CONSTANT (1) << 62)
#define FLEXO_CHANGE_REMOVED      (G_GUINT64_CONSTANT (1) << 63)

#define FLEXO_TYPE_CHANGES (flexo_changes_get_type ())

typedef struct _FlexoChanges FlexoChanges;

GType         flexo_changes_get_type    (void) G_GNUC_CONST;
FlexoChanges *flexo_changes_new         (void);
FlexoChanges *flexo_changes_ref         (FlexoChanges *self);
void          flexo_changes_unref       (FlexoChanges *self);
void          flexo_changes_add         (FlexoChanges *self,
                                         FlexoObject  *object,
                                         guint64       what);
gboolean      flexo_changes_is_empty    (FlexoChanges *self);
guint         flexo_changes_get_n_objects (FlexoChanges *self);
gboolean      flexo_changes_contains    (FlexoChanges *self,
                                         FlexoObject  *object);
/* What changed in @object: FLEXO_CHANGE_FIELD() bits, INSERTED, REMOVED. */
guint64       flexo_changes_get         (FlexoChanges *self,
                                         FlexoObject  *object);
typedef void (*FlexoChangesFunc) (FlexoObject *object,
                                  guint64      what,
                                  gpointer     user_data);
void          flexo_changes_foreach     (FlexoChanges     *self,
                                         FlexoChangesFunc  func,
                                         gpointer          user_data);

/* Whether only shapes and connectors changed (moved, restyled, added or
 * removed): nothing of the model, its metamodel, nor a diagram's name.
 * What shows the model alone (an outline, validation) can skip those. */
gboolean      flexo_changes_only_views  (FlexoChanges *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlexoChanges, flexo_changes_unref)

G_END_DECLS
