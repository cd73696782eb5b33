/* flexo-cli.c — the jobs flexo does without a window
 *
 * Errors go to stderr as "flexo: FILE:LINE: message" (DESIGN.md §5).
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "flexo-cli.h"
#include "flexo-format.h"

typedef struct
{
  char     *convert;
  gboolean  validate;
  gboolean  version;
  char    **files;
} Options;

static const GOptionEntry option_entries[] = {
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "convert", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Convert FILE to OUT, in the format of OUT’s extension, without opening a window"), N_("OUT") },
  { "validate", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Check FILE and print its problems; exit status 1 when there are errors"), NULL },
  { NULL }
};

const GOptionEntry *
flexo_cli_get_option_entries (void)
{
  return option_entries;
}

static gboolean
asks_for_job (char **argv)
{
  for (int i = 1; argv[i] != NULL; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;
      if (g_str_has_prefix (argv[i], "--convert") || strcmp (argv[i], "--validate") == 0)
        return TRUE;
    }
  return FALSE;
}

static void
print_error (const GError *error)
{
  g_printerr ("flexo: %s\n", error->message);
}

static int
run_validate (const char *path)
{
  g_autoptr(FlexoDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = flexo_format_load (path, &error);
  if (document == NULL)
    {
      print_error (error);
      return 1;
    }

  /* Only format errors for now: the model's own checks come with
   * validation of the metamodel. */
  g_print (_("%s: no problems found\n"), path);
  return 0;
}

static int
run_convert (const char *out,
             const char *in)
{
  g_autoptr(FlexoDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (flexo_format_for_path (out) == NULL)
    {
      g_printerr ("flexo: %s: %s\n", out, _("unknown output format; use the .flexo extension"));
      return 2;
    }

  document = flexo_format_load (in, &error);
  if (document == NULL)
    {
      print_error (error);
      return 1;
    }

  if (!flexo_format_save (document, out, &error))
    {
      print_error (error);
      return 1;
    }

  return 0;
}

gboolean
flexo_cli_handle (char **argv,
                  int   *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  Options options = { 0 };
  GOptionEntry entries[G_N_ELEMENTS (option_entries) + 1];
  guint n_files;

  if (!asks_for_job (argv))
    return FALSE;

  /* The same entries as --help lists, with storage, and the files. */
  memcpy (entries, option_entries, sizeof option_entries);
  entries[0].arg_data = &options.version;
  entries[1].arg_data = &options.convert;
  entries[2].arg_data = &options.validate;
  entries[3] = (GOptionEntry) { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY,
                                &options.files, NULL, NULL };
  entries[4] = (GOptionEntry) { NULL };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("flexo: %s\n", error->message);
      *exit_status = 2;
      goto out;
    }

  n_files = options.files ? g_strv_length (options.files) : 0;
  if (n_files != 1 || (options.convert != NULL && options.validate))
    {
      g_printerr ("flexo: %s\n",
                  options.validate ? _("--validate takes one FILE")
                                   : _("--convert takes one OUT and one FILE: flexo --convert OUT FILE"));
      *exit_status = 2;
      goto out;
    }

  if (options.validate)
    *exit_status = run_validate (options.files[0]);
  else
    *exit_status = run_convert (options.convert, options.files[0]);

out:
  g_free (options.convert);
  g_strfreev (options.files);
  return TRUE;
}
