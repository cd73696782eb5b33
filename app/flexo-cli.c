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
#include "flexo-export.h"
#include "flexo-format.h"
#include "flexo-validate.h"
#include "flexo-model.h"

typedef struct
{
  char     *convert;
  char     *export;
  char     *diagram;
  char     *background;
  double    scale;
  double    margin;
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
  { "export", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Export a diagram of FILE to OUT (SVG, PNG or PDF, from OUT’s extension) without opening a window"), N_("OUT") },
  { "diagram", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the diagram to export (default: the first)"), N_("NAME") },
  { "scale", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_DOUBLE, NULL,
    N_("With --export: the scale (default: 1; 2 makes a PNG twice as large)"), N_("S") },
  { "margin", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_DOUBLE, NULL,
    N_("With --export: the margin around the drawing (default: 20)"), N_("PX") },
  { "background", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export: the background, a colour such as #ffffff, or transparent (default: white)"), N_("COLOR") },
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
      if (g_str_has_prefix (argv[i], "--convert") || g_str_has_prefix (argv[i], "--export") ||
          strcmp (argv[i], "--validate") == 0)
        return TRUE;
    }
  return FALSE;
}

static void
print_error (const GError *error)
{
  g_printerr ("flexo: %s\n", error->message);
}

/* Loads @path; an import's notes (what it approximated) go to stderr. */
static FlexoDocument *
load_input (const char  *path,
            GError     **error)
{
  g_autofree char *notes = NULL;
  FlexoDocument *document = flexo_format_import (path, &notes, error);

  if (notes != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (notes, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (i == 0)
          g_printerr ("flexo: %s: %s\n", path, lines[i]);
        else
          g_printerr ("  %s\n", lines[i]);
    }
  return document;
}

static int
run_validate (const char *path)
{
  g_autoptr(FlexoDocument) document = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  document = load_input (path, &error);
  if (document == NULL)
    {
      print_error (error);
      return 1;
    }

  problems = flexo_document_validate (document);
  for (guint i = 0; i < problems->len; i++)
    {
      FlexoProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *element = flexo_problem_dup_element (problem);

      /* Translators: a problem found by --validate: file, element, what is
       * wrong. Keep "FILE: ELEMENT: " as it is: scripts read it. */
      g_print (problem->severity == FLEXO_PROBLEM_ERROR ? _("%s: %s: %s\n") : _("%s: %s: warning: %s\n"),
               path, element, problem->message);
    }
  if (problems->len == 0)
    g_print (_("%s: no problems found\n"), path);
  return flexo_problems_have_errors (problems) ? 1 : 0;
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

  document = load_input (in, &error);
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

static FlexoDiagram *
find_diagram (FlexoDocument  *document,
              const char     *path,
              const char     *name)
{
  GPtrArray *diagrams = flexo_document_get_diagrams (document);
  g_autoptr(GString) names = NULL;

  if (diagrams->len == 0)
    {
      g_printerr ("flexo: %s: %s\n", path, _("the document has no diagram to export"));
      return NULL;
    }

  if (name == NULL)
    return g_ptr_array_index (diagrams, 0);

  names = g_string_new (NULL);
  for (guint i = 0; i < diagrams->len; i++)
    {
      const char *diagram_name = flexo_diagram_get_name (g_ptr_array_index (diagrams, i));

      if (g_strcmp0 (diagram_name, name) == 0)
        return g_ptr_array_index (diagrams, i);
      g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", diagram_name ? diagram_name : "");
    }

  /* Translators: the second %s lists the diagrams' names. */
  g_printerr ("flexo: %s: ", path);
  g_printerr (_("no diagram named “%s”; the diagrams are: %s"), name, names->str);
  g_printerr ("\n");
  return NULL;
}

static int
run_export (const Options *options,
            const char    *in)
{
  g_autoptr(FlexoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  FlexoExportFormat format;
  FlexoColor background = FLEXO_COLOR_RGBA (0xff, 0xff, 0xff, 0xff);
  gboolean transparent = FALSE;
  FlexoDiagram *diagram;

  if (!flexo_export_format_from_path (options->export, &format))
    {
      g_printerr ("flexo: %s: %s\n", options->export,
                  _("unknown export format; use the .svg, .png or .pdf extension"));
      return 2;
    }

  if (options->background != NULL)
    {
      if (g_ascii_strcasecmp (options->background, "transparent") == 0 ||
          g_ascii_strcasecmp (options->background, "none") == 0)
        transparent = TRUE;
      else if (!flexo_color_from_string (options->background, &background))
        {
          g_printerr ("flexo: %s\n", _("--background takes a colour such as #ffffff, or transparent"));
          return 2;
        }
    }

  if (!(options->scale > 0 && options->scale <= 100) || !(options->margin >= 0 && options->margin <= 10000))
    {
      g_printerr ("flexo: %s\n", _("--scale takes a number above 0 and up to 100, --margin one from 0 to 10000"));
      return 2;
    }

  document = load_input (in, &error);
  if (document == NULL)
    {
      print_error (error);
      return 1;
    }

  diagram = find_diagram (document, in, options->diagram);
  if (diagram == NULL)
    return 1;

  if (!flexo_export_diagram (diagram, options->export, format, options->scale, options->margin,
                             transparent ? NULL : &background, &error))
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
  Options options = { .scale = 1.0, .margin = 20.0 };
  GOptionEntry entries[G_N_ELEMENTS (option_entries) + 1];
  guint n_files;

  if (!asks_for_job (argv))
    return FALSE;

  /* The same entries as --help lists, with storage, and the files. */
  memcpy (entries, option_entries, sizeof option_entries);
  entries[0].arg_data = &options.version;
  entries[1].arg_data = &options.convert;
  entries[2].arg_data = &options.validate;
  entries[3].arg_data = &options.export;
  entries[4].arg_data = &options.diagram;
  entries[5].arg_data = &options.scale;
  entries[6].arg_data = &options.margin;
  entries[7].arg_data = &options.background;
  entries[8] = (GOptionEntry) { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY,
                                &options.files, NULL, NULL };
  entries[9] = (GOptionEntry) { NULL };

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
  if (n_files != 1 || (options.convert != NULL) + (options.export != NULL) + options.validate != 1)
    {
      g_printerr ("flexo: %s\n",
                  options.validate ? _("--validate takes one FILE") :
                  options.export ? _("--export takes one OUT and one FILE: flexo --export OUT FILE")
                                 : _("--convert takes one OUT and one FILE: flexo --convert OUT FILE"));
      *exit_status = 2;
      goto out;
    }

  if (options.validate)
    *exit_status = run_validate (options.files[0]);
  else if (options.export != NULL)
    *exit_status = run_export (&options, options.files[0]);
  else
    *exit_status = run_convert (options.convert, options.files[0]);

out:
  g_free (options.convert);
  g_free (options.export);
  g_free (options.diagram);
  g_free (options.background);
  g_strfreev (options.files);
  return TRUE;
}
