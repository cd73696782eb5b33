/* flexo-recovery.h — autosave of unsaved work, and its recovery after a crash
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "flexo-document.h"

G_BEGIN_DECLS

/* Write a document's recovery copy this long after its last change, and
 * at least this often while changes keep coming (milliseconds). */
#define FLEXO_RECOVERY_DELAY 2000
#define FLEXO_RECOVERY_MAX_DELAY 5000

#define FLEXO_TYPE_RECOVERY (flexo_recovery_get_type ())

G_DECLARE_FINAL_TYPE (FlexoRecovery, flexo_recovery, FLEXO, RECOVERY, GObject)

typedef struct _FlexoRecoveryEntry FlexoRecoveryEntry;

/* @dir: where the copies are kept; NULL: flexo/recovery in the user's
 * state folder ($XDG_STATE_HOME). */
FlexoRecovery *flexo_recovery_new          (const char    *dir);
const char    *flexo_recovery_get_dir      (FlexoRecovery *self);
void           flexo_recovery_set_delays   (FlexoRecovery *self,
                                            guint          delay_ms,
                                            guint          max_delay_ms);

/* Keeps a copy of @document while it has unsaved changes, and removes it
 * when it has none (saved, or undone back to the saved state). @file is
 * where it is saved (NULL: nowhere yet), @title what to call it. */
void           flexo_recovery_watch        (FlexoRecovery *self,
                                            FlexoDocument *document,
                                            GFile         *file,
                                            const char    *title);
void           flexo_recovery_set_file     (FlexoRecovery *self,
                                            FlexoDocument *document,
                                            GFile         *file,
                                            const char    *title);
/* Stops watching and removes the copy: a clean close. */
void           flexo_recovery_unwatch      (FlexoRecovery *self,
                                            FlexoDocument *document);
/* Writes the copy now (synchronously), when there are changes. */
gboolean       flexo_recovery_save_now     (FlexoRecovery *self,
                                            FlexoDocument *document,
                                            GError       **error);
/* Whether a copy of @document is on disk. */
gboolean       flexo_recovery_has_copy     (FlexoRecovery *self,
                                            FlexoDocument *document);

/* The copies left by Flexo processes that are gone (crashed, killed),
 * newest first; never one of a running Flexo. */
GPtrArray     *flexo_recovery_list_orphans (FlexoRecovery *self);

const char    *flexo_recovery_entry_get_title (FlexoRecoveryEntry *entry);
/* The file the work was saved to, or NULL. */
GFile         *flexo_recovery_entry_get_file  (FlexoRecoveryEntry *entry);
GDateTime     *flexo_recovery_entry_get_time  (FlexoRecoveryEntry *entry);
/* The recovered document, marked as not saved. */
FlexoDocument *flexo_recovery_entry_load      (FlexoRecoveryEntry *entry,
                                               GError            **error);
/* Deletes the copy. */
void           flexo_recovery_entry_discard   (FlexoRecoveryEntry *entry);
void           flexo_recovery_entry_free      (FlexoRecoveryEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlexoRecoveryEntry, flexo_recovery_entry_free)

G_END_DECLS
