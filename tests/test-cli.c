/* test-cli.c — the command line of the flexo executable, without a display
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

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
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return flexo_test_run (cli_suite ());
}
