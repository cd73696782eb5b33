/* flexo-format.h — reading and writing documents, whatever the format
 *
 * Each format is an adapter behind one small interface (DESIGN.md §3):
 * a name, file name extensions, and load and save functions. Load errors
 * read "FILE:LINE: message".
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "flexo-document.h"

G_BEGIN_DECLS

typedef struct _FlexoFormat FlexoFormat;

struct _FlexoFormat
{
  const char          *id;          /* "flexo" */
  const char          *name;        /* translatable, for dialogs */
  const char * const  *extensions;  /* without the dot, NULL-terminated */
  /* Flexo's own format reads with load, other tools' with import. */
  FlexoDocument     *(*load)        (const char     *path,
                                     GError        **error);
  gboolean           (*save)        (FlexoDocument  *document,
                                     const char     *path,
                                     GError        **error);
  /* Another tool's format: read, and say in @notes (may be NULL; set to
   * NULL when there is nothing to say) what had to be approximated. */
  FlexoDocument     *(*import)      (const char     *path,
                                     char          **notes,
                                     GError        **error);
};

/* Every known format, NULL-terminated. */
const FlexoFormat * const *flexo_format_get_all      (void);
const FlexoFormat         *flexo_format_for_path     (const char     *path);
const FlexoFormat         *flexo_format_native       (void);
/* Load with the format of @path's extension; the document comes back
 * saved (not modified) with an empty history. */
FlexoDocument             *flexo_format_load         (const char     *path,
                                                      GError        **error);
/* flexo_format_load(), with the notes of an import (see FlexoFormat):
 * their first line sums them up, each next one names what was
 * approximated and how many times. */
FlexoDocument             *flexo_format_import       (const char     *path,
                                                      char          **notes,
                                                      GError        **error);
gboolean                   flexo_format_save         (FlexoDocument  *document,
                                                      const char     *path,
                                                      GError        **error);

/* The native .flexo format, also from and to memory. */
FlexoDocument             *flexo_native_load_bytes   (GBytes         *bytes,
                                                      const char     *display_name,
                                                      GError        **error);
FlexoDocument             *flexo_native_load_path    (const char     *path,
                                                      GError        **error);
GBytes                    *flexo_native_save_bytes   (FlexoDocument  *document);

G_END_DECLS
