/* flexo-cli.h — the jobs flexo does without a window
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The options, for the application's --help (no storage attached). */
const GOptionEntry *flexo_cli_get_option_entries (void);

/* When @argv asks for a job without a window (--convert, --export,
 * --validate),
 * does it and returns TRUE with the exit status; no display is opened.
 * Returns FALSE otherwise. */
gboolean            flexo_cli_handle             (char **argv,
                                                  int   *exit_status);

G_END_DECLS
