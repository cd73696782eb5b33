/* flexo-document.h — one open file: metamodel, model, palettes, diagrams,
 * and the history of its edits
 *
 * Every change goes through a transaction (DESIGN.md §2, principle 2):
 *
 *   flexo_document_begin (doc, _("Move"));
 *   flexo_shape_set_bounds (shape, &bounds);
 *   flexo_document_commit (doc);
 *
 * Each primitive change records its own inverse; one transaction is one
 * history entry; a commit emits one ::changed signal listing the touched
 * objects.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-changes.h"
#include "flexo-object.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_DOCUMENT (flexo_document_get_type ())

G_DECLARE_FINAL_TYPE (FlexoDocument, flexo_document, FLEXO, DOCUMENT, FlexoObject)

FlexoDocument *flexo_document_new              (void);

/* Identity: a random UUID that tells documents apart, kept in the file
 * (not part of the history: it is no edit). A document has none until
 * something asks for one with flexo_document_ensure_uuid(), so files that
 * nothing was copied from stay as they were. */
const char    *flexo_document_get_uuid         (FlexoDocument *self);
const char    *flexo_document_ensure_uuid      (FlexoDocument *self);
void           flexo_document_set_uuid         (FlexoDocument *self,
                                                const char    *uuid);
/* The UUID of the document this one was copied from (a clipboard
 * fragment's source), or NULL. */
const char    *flexo_document_get_origin       (FlexoDocument *self);
void           flexo_document_set_origin       (FlexoDocument *self,
                                                const char    *origin);

/* Transactions */
void           flexo_document_begin            (FlexoDocument *self,
                                                const char    *label);
void           flexo_document_begin_merge      (FlexoDocument *self,
                                                const char    *label,
                                                const char    *merge_key);
void           flexo_document_end_merge        (FlexoDocument *self);
void           flexo_document_commit           (FlexoDocument *self);
void           flexo_document_rollback         (FlexoDocument *self);
gboolean       flexo_document_in_transaction   (FlexoDocument *self);

/* History */
gboolean       flexo_document_can_undo         (FlexoDocument *self);
gboolean       flexo_document_can_redo         (FlexoDocument *self);
const char    *flexo_document_get_undo_label   (FlexoDocument *self);
const char    *flexo_document_get_redo_label   (FlexoDocument *self);
gboolean       flexo_document_undo             (FlexoDocument *self);
gboolean       flexo_document_redo             (FlexoDocument *self);
guint          flexo_document_get_history_length (FlexoDocument *self);
void           flexo_document_clear_history    (FlexoDocument *self);
void           flexo_document_set_saved        (FlexoDocument *self);
void           flexo_document_set_unsaved      (FlexoDocument *self);
gboolean       flexo_document_get_modified     (FlexoDocument *self);

/* Objects */
FlexoObject   *flexo_document_lookup           (FlexoDocument *self,
                                                guint          id);
guint          flexo_document_get_n_objects    (FlexoDocument *self);
guint          flexo_document_get_next_id      (FlexoDocument *self);
/* Gives @object the next id (objects get one when created by the model's
 * constructors); the loader instead sets the ids it reads. */
void           flexo_document_assign_id        (FlexoDocument *self,
                                                FlexoObject   *object);
gboolean       flexo_document_claim_id         (FlexoDocument *self,
                                                FlexoObject   *object,
                                                guint          id);
/* Makes sure ids below @next_id are never given to new objects. */
void           flexo_document_reserve_ids      (FlexoDocument *self,
                                                guint          next_id);
GPtrArray     *flexo_document_get_concepts     (FlexoDocument *self);
GPtrArray     *flexo_document_get_relations    (FlexoDocument *self);
GPtrArray     *flexo_document_get_palettes     (FlexoDocument *self);
GPtrArray     *flexo_document_get_instances    (FlexoDocument *self);
GPtrArray     *flexo_document_get_links        (FlexoDocument *self);
GPtrArray     *flexo_document_get_diagrams     (FlexoDocument *self);

/* Lists: insert a child at @index (-1: at the end), remove it, move it. */
void           flexo_object_insert_child       (FlexoObject   *container,
                                                FlexoList      list,
                                                int            index,
                                                FlexoObject   *child);
void           flexo_object_remove_child       (FlexoObject   *container,
                                                FlexoList      list,
                                                FlexoObject   *child);
void           flexo_object_move_child         (FlexoObject   *container,
                                                FlexoList      list,
                                                FlexoObject   *child,
                                                int            new_index);

/* Deletes @object with what depends on it (a shape's connectors, an
 * instance's shapes and links, …) in the open transaction. Refuses, with
 * a reason, to delete a concept that has instances or a relation that has
 * links. */
gboolean       flexo_document_delete           (FlexoDocument *self,
                                                FlexoObject   *object,
                                                GError       **error);

G_END_DECLS
