/* flexo-format.c — reading and writing documents, whatever the format
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "flexo-atomic-file.h"
#include "flexo-format-dia.h"
#include "flexo-format-native-private.h"

static gboolean
native_save (FlexoDocument  *document,
             const char     *path,
             GError        **error)
{
  g_autoptr(GBytes) bytes = flexo_native_save_bytes (document);

  return flexo_atomic_file_write (path, bytes, error);
}

static const char * const native_extensions[] = { "flexo", NULL };

static const FlexoFormat native_format = {
  .id = "flexo",
  .name = N_("Flexo document"),
  .extensions = native_extensions,
  .load = flexo_native_load_path,
  .save = native_save,
};

static const char * const dia_extensions[] = { "dia", NULL };

/* Dia diagrams are read, not written. */
static const FlexoFormat dia_format = {
  .id = "dia",
  .name = N_("Dia diagram"),
  .extensions = dia_extensions,
  .import = flexo_dia_import,
};

static const FlexoFormat * const all_formats[] = {
  &native_format,
  &dia_format,
  NULL
};

const FlexoFormat * const *
flexo_format_get_all (void)
{
  return all_formats;
}

const FlexoFormat *
flexo_format_native (void)
{
  return &native_format;
}

/**
 * flexo_format_for_path:
 *
 * Returns: (nullable): the format of @path's extension (case does not
 *   matter), or %NULL
 */
const FlexoFormat *
flexo_format_for_path (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  lower = g_ascii_strdown (path, -1);
  for (guint f = 0; all_formats[f] != NULL; f++)
    for (guint e = 0; all_formats[f]->extensions[e] != NULL; e++)
      {
        g_autofree char *suffix = g_strconcat (".", all_formats[f]->extensions[e], NULL);

        if (g_str_has_suffix (lower, suffix))
          return all_formats[f];
      }

  return NULL;
}

FlexoDocument *
flexo_format_load (const char  *path,
                   GError     **error)
{
  return flexo_format_import (path, NULL, error);
}

FlexoDocument *
flexo_format_import (const char  *path,
                     char       **notes,
                     GError     **error)
{
  const FlexoFormat *format;
  FlexoDocument *document;

  g_return_val_if_fail (path != NULL, NULL);

  if (notes != NULL)
    *notes = NULL;

  format = flexo_format_for_path (path);
  if (format == NULL)
    {
      g_set_error (error, FLEXO_ERROR, FLEXO_ERROR_FORMAT,
                   _("%s: not a format Flexo reads (known: .flexo)"), path);
      return NULL;
    }

  document = format->import != NULL ? format->import (path, notes, error) : format->load (path, error);
  if (document != NULL)
    {
      flexo_document_clear_history (document);
      flexo_document_set_saved (document);
    }

  return document;
}

gboolean
flexo_format_save (FlexoDocument  *document,
                   const char     *path,
                   GError        **error)
{
  const FlexoFormat *format;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  format = flexo_format_for_path (path);
  if (format == NULL || format->save == NULL)
    {
      g_set_error (error, FLEXO_ERROR, FLEXO_ERROR_FORMAT,
                   _("%s: not a format Flexo writes (known: .flexo)"), path);
      return FALSE;
    }

  if (!format->save (document, path, error))
    return FALSE;

  if (format == &native_format)
    flexo_document_set_saved (document);

  return TRUE;
}
