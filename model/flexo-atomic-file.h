/* flexo-atomic-file.h — replacing a file without ever losing it
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The steps of flexo_atomic_file_write(), for failure injection */
typedef enum
{
  FLEXO_ATOMIC_STEP_NONE,
  FLEXO_ATOMIC_STEP_OPEN,     /* creating the temporary file */
  FLEXO_ATOMIC_STEP_WRITE,    /* writing the contents */
  FLEXO_ATOMIC_STEP_FSYNC,    /* flushing the temporary file to disk */
  FLEXO_ATOMIC_STEP_RENAME,   /* renaming it over the target */
  FLEXO_ATOMIC_STEP_DIRSYNC,  /* flushing the folder to disk */
} FlexoAtomicStep;

gboolean flexo_atomic_file_write       (const char       *path,
                                        GBytes           *contents,
                                        GError          **error);

/* Test-only */
void     flexo_atomic_file_set_fail_at (FlexoAtomicStep   step);

G_END_DECLS
