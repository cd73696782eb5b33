/* test-cli.c — the command line of the flexo executable, without a display
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "flexo-test.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs flexo with @args in an environment that has no display at all. */
static void
run_flexo (Run         *run,
           const char  *language,
           const char **args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("FLEXO_BIN");

  ck_assert_msg (bin != NULL, "FLEXO_BIN is not set");

  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LANG", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  ck_assert_msg (proc != NULL, "spawn: %s", error ? error->message : "?");
  ck_assert (g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error));
  ck_assert (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
}

START_TEST (test_version_prints_version)
{
  g_auto(Run) run = { 0 };

  run_flexo (&run, "en", (const char *[]) { "--version", NULL });

  ck_assert_int_eq (run.status, 0);
  ck_assert_str_eq (run.out, "flexo " PACKAGE_VERSION "\n");
}
END_TEST

START_TEST (test_help_lists_options)
{
  g_auto(Run) run = { 0 };

  run_flexo (&run, "en", (const char *[]) { "--help", NULL });

  ck_assert_int_eq (run.status, 0);
  ck_assert_msg (strstr (run.out, "--version") != NULL, "--help misses --version:\n%s", run.out);
  ck_assert_msg (strstr (run.out, "Print the version and exit") != NULL, "%s", run.out);
  ck_assert_msg (strstr (run.out, "[FILE…]") != NULL, "%s", run.out);
  ck_assert_msg (strstr (run.out, "Draw diagrams, design models") != NULL, "%s", run.out);
  ck_assert_msg (strstr (run.out, "--convert=OUT") != NULL, "%s", run.out);
  ck_assert_msg (strstr (run.out, "--validate") != NULL, "%s", run.out);
}
END_TEST

START_TEST (test_help_in_french)
{
  g_auto(Run) run = { 0 };

  run_flexo (&run, "fr", (const char *[]) { "--help", NULL });

  ck_assert_int_eq (run.status, 0);
  ck_assert_msg (strstr (run.out, "Afficher la version et quitter") != NULL,
                 "--help is not in French:\n%s", run.out);
  ck_assert_msg (strstr (run.out, "[FICHIER…]") != NULL, "%s", run.out);
}
END_TEST

START_TEST (test_unknown_option_fails_cleanly)
{
  g_auto(Run) run = { 0 };

  run_flexo (&run, "en", (const char *[]) { "--no-such-option", NULL });

  ck_assert_int_ne (run.status, 0);
  ck_assert_msg (strstr (run.err, "--no-such-option") != NULL,
                 "stderr does not name the option: %s", run.err);
}
END_TEST

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("FLEXO_TEST_DATA"), name, NULL);
}

START_TEST (test_validate_good_file)
{
  g_autofree char *example = g_build_filename (g_getenv ("FLEXO_TEST_DATA"), "..", "..",
                                               "resources", "examples", "library.flexo", NULL);
  g_auto(Run) run = { 0 };

  run_flexo (&run, "en", (const char *[]) { "--validate", example, NULL });

  ck_assert_int_eq (run.status, 0);
  ck_assert_msg (strstr (run.out, "no problems") != NULL, "%s", run.out);
  ck_assert_str_eq (run.err, "");
}
END_TEST

START_TEST (test_validate_broken_file_names_file_and_line)
{
  g_autofree char *path = data_path ("native/dangling-reference.flexo");
  g_autofree char *expected = g_strdup_printf ("flexo: %s:6: ", path);
  g_auto(Run) run = { 0 };

  run_flexo (&run, "en", (const char *[]) { "--validate", path, NULL });

  ck_assert_int_eq (run.status, 1);
  ck_assert_msg (g_str_has_prefix (run.err, expected), "stderr: %s", run.err);
  ck_assert_msg (strstr (run.err, "s99") != NULL, "stderr: %s", run.err);
}
END_TEST

START_TEST (test_validate_lists_model_problems)
{
  g_autofree char *path = data_path ("model/library-broken.flexo");
  g_autofree char *required = NULL;
  g_autofree char *type = NULL;
  g_autofree char *endpoint = NULL;
  g_auto(Run) run = { 0 };

  run_flexo (&run, "en", (const char *[]) { "--validate", path, NULL });

  /* One line a problem: FILE: element: message; exit status 1. */
  ck_assert_int_eq (run.status, 1);
  required = g_strdup_printf ("%s: Actor “i19”: “name” is required\n", path);
  type = g_strdup_printf ("%s: Use case “Catalogue a book”: “priority” should be a whole number, not “high”\n", path);
  endpoint = g_strdup_printf ("%s: uses link l29: “uses” links Use case to Resource, not Use case to Actor\n", path);
  ck_assert_msg (strstr (run.out, required) != NULL, "%s", run.out);
  ck_assert_msg (strstr (run.out, type) != NULL, "%s", run.out);
  ck_assert_msg (strstr (run.out, endpoint) != NULL, "%s", run.out);
  ck_assert_str_eq (run.err, "");
}
END_TEST

/* Issue 6, must-hold 3: each kit's example passes. */
START_TEST (test_validate_every_kit)
{
  g_autofree char *kits = g_build_filename (g_getenv ("FLEXO_TEST_DATA"), "..", "..", "resources", "kits", NULL);
  g_autoptr(GDir) dir = g_dir_open (kits, 0, NULL);
  const char *name;
  guint n = 0;

  ck_assert_ptr_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (kits, name, NULL);
      g_auto(Run) run = { 0 };

      if (!g_str_has_suffix (name, ".flexo"))
        continue;
      run_flexo (&run, "en", (const char *[]) { "--validate", path, NULL });
      ck_assert_msg (run.status == 0, "%s: %s%s", name, run.out, run.err);
      ck_assert_msg (strstr (run.out, "no problems") != NULL, "%s: %s", name, run.out);
      n++;
    }
  ck_assert_uint_eq (n, 6);
}
END_TEST

/* A kit's example, broken three ways: each problem on its line. */
START_TEST (test_validate_broken_kit_example)
{
  g_autofree char *path = data_path ("model/petri-net-broken.flexo");
  g_autofree char *type = NULL;
  g_autofree char *unique = NULL;
  g_autofree char *endpoint = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run = { 0 };

  run_flexo (&run, "en", (const char *[]) { "--validate", path, NULL });

  ck_assert_int_eq (run.status, 1);
  type = g_strdup_printf ("%s: Place “ready”: “tokens” should be a whole number, not “one”\n", path);
  unique = g_strdup_printf ("%s: Place “ready”: another Place already has “ready” as name\n", path);
  endpoint = g_strdup_printf ("%s: input arc link l26: “input arc” links Place to Transition, not Place to Place\n", path);
  ck_assert_msg (strstr (run.out, type) != NULL, "%s", run.out);
  ck_assert_msg (strstr (run.out, unique) != NULL, "%s", run.out);
  ck_assert_msg (strstr (run.out, endpoint) != NULL, "%s", run.out);
  lines = g_strsplit (run.out, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 3 + 1);
}
END_TEST

START_TEST (test_validate_in_french)
{
  g_autofree char *path = data_path ("native/duplicate-id.flexo");
  g_auto(Run) run = { 0 };

  run_flexo (&run, "fr", (const char *[]) { "--validate", path, NULL });

  ck_assert_int_eq (run.status, 1);
  ck_assert_msg (strstr (run.err, "identifiant") != NULL, "stderr: %s", run.err);
}
END_TEST

START_TEST (test_convert_writes_canonical_copy)
{
  g_autofree char *example = g_build_filename (g_getenv ("FLEXO_TEST_DATA"), "..", "..",
                                               "resources", "examples", "library.flexo", NULL);
  g_autofree char *gzipped = data_path ("native/library-gzip.flexo");
  g_autofree char *dir = g_dir_make_tmp ("flexo-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "copy.flexo", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_auto(Run) run = { 0 };

  /* A gzip-compressed file converts to the plain canonical text. */
  run_flexo (&run, "en", (const char *[]) { "--convert", out, gzipped, NULL });

  ck_assert_msg (run.status == 0, "stderr: %s", run.err);
  ck_assert (g_file_get_contents (example, &expected, NULL, NULL));
  ck_assert (g_file_get_contents (out, &written, NULL, NULL));
  ck_assert_str_eq (written, expected);

  g_unlink (out);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_convert_errors)
{
  g_autofree char *broken = data_path ("native/truncated.flexo");
  g_auto(Run) unknown = { 0 };
  g_auto(Run) bad_input = { 0 };
  g_auto(Run) no_input = { 0 };

  run_flexo (&unknown, "en", (const char *[]) { "--convert", "/tmp/out.docx", broken, NULL });
  ck_assert_int_eq (unknown.status, 2);
  ck_assert_msg (strstr (unknown.err, "out.docx") != NULL, "%s", unknown.err);

  run_flexo (&bad_input, "en", (const char *[]) { "--convert", "/tmp/flexo-never-written.flexo", broken, NULL });
  ck_assert_int_eq (bad_input.status, 1);
  ck_assert_msg (strstr (bad_input.err, "truncated.flexo:6:") != NULL, "%s", bad_input.err);
  ck_assert (!g_file_test ("/tmp/flexo-never-written.flexo", G_FILE_TEST_EXISTS));

  run_flexo (&no_input, "en", (const char *[]) { "--convert", "/tmp/x.flexo", NULL });
  ck_assert_int_eq (no_input.status, 2);
  ck_assert_msg (strstr (no_input.err, "FILE") != NULL, "%s", no_input.err);
}
END_TEST

static Suite *
cli_suite (void)
{
  Suite *s = suite_create ("cli");
  TCase *tc = tcase_create ("options");

  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, test_version_prints_version);
  tcase_add_test (tc, test_help_lists_options);
  tcase_add_test (tc, test_help_in_french);
  tcase_add_test (tc, test_unknown_option_fails_cleanly);
  tcase_add_test (tc, test_validate_good_file);
  tcase_add_test (tc, test_validate_broken_file_names_file_and_line);
  tcase_add_test (tc, test_validate_in_french);
  tcase_add_test (tc, test_validate_lists_model_problems);
  tcase_add_test (tc, test_validate_every_kit);
  tcase_add_test (tc, test_validate_broken_kit_example);
  tcase_add_test (tc, test_convert_writes_canonical_copy);
  tcase_add_test (tc, test_convert_errors);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return flexo_test_run (cli_suite ());
}
