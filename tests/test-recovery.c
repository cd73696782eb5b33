/* test-recovery.c — autosave of unsaved work and its recovery
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "flexo-format.h"
#include "flexo-model.h"
#include "flexo-recovery.h"
#include "flexo-test.h"

static char *dir;
static FlexoRecovery *recovery;
static FlexoDocument *doc;
static FlexoDiagram *diagram;

static void
setup (void)
{
  g_autoptr(FlexoDiagram) d = NULL;

  dir = g_dir_make_tmp ("flexo-recovery-XXXXXX", NULL);
  recovery = flexo_recovery_new (dir);
  flexo_recovery_set_delays (recovery, 30, 80);
  doc = flexo_document_new ();
  d = flexo_diagram_new (doc, "D");
  flexo_document_begin (doc, "Add");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (d));
  flexo_document_commit (doc);
  flexo_document_clear_history (doc);
  flexo_document_set_saved (doc);
  diagram = d;
}

static void
remove_all (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (path, name, NULL);

      g_unlink (p);
    }
  g_rmdir (path);
}

static void
teardown (void)
{
  g_clear_object (&recovery);
  g_clear_object (&doc);
  remove_all (dir);
  g_clear_pointer (&dir, g_free);
}

static guint
n_files (const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    n += g_str_has_suffix (name, suffix);
  return n;
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @cond holds, for 5 s at most. */
#define RUN_UNTIL(cond) \
  G_STMT_START { \
    gboolean out_ = FALSE; \
    guint id_ = g_timeout_add (5000, timed_out, &out_); \
    while (!(cond) && !out_) \
      g_main_context_iteration (NULL, TRUE); \
    if (!out_) \
      g_source_remove (id_); \
    ck_assert_msg ((cond), "timed out waiting for %s", #cond); \
  } G_STMT_END

static FlexoShape *
add_shape (const char *text)
{
  g_autoptr(FlexoShape) shape = flexo_shape_new (doc, &FLEXO_RECT_INIT (10, 10, 100, 50));

  flexo_document_begin (doc, "Add");
  flexo_shape_set_text (shape, text);
  flexo_diagram_add_item (diagram, shape);
  flexo_document_commit (doc);
  return shape;
}

START_TEST (test_change_is_copied_then_removed_when_saved)
{
  g_autoptr(GPtrArray) orphans = NULL;

  flexo_recovery_watch (recovery, doc, NULL, "Figure");
  ck_assert_uint_eq (n_files (".flexo"), 0);
  add_shape ("Kept");
  RUN_UNTIL (flexo_recovery_has_copy (recovery, doc));
  ck_assert_uint_eq (n_files (".flexo"), 1);
  ck_assert_uint_eq (n_files (".info"), 1);
  /* Ours: not an orphan while this process runs. */
  orphans = flexo_recovery_list_orphans (recovery);
  ck_assert_uint_eq (orphans->len, 0);

  /* Undone back to the saved state: nothing to keep. */
  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (n_files (".flexo"), 0);
  ck_assert_uint_eq (n_files (".info"), 0);

  /* Saved: likewise. */
  ck_assert (flexo_document_redo (doc));
  RUN_UNTIL (flexo_recovery_has_copy (recovery, doc));
  flexo_document_set_saved (doc);
  ck_assert_uint_eq (n_files (".flexo"), 0);
}
END_TEST

START_TEST (test_unwatch_removes_the_copy)
{
  flexo_recovery_watch (recovery, doc, NULL, "Figure");
  add_shape ("Gone");
  ck_assert (flexo_recovery_save_now (recovery, doc, NULL));
  ck_assert_uint_eq (n_files (".flexo"), 1);
  flexo_recovery_unwatch (recovery, doc);
  ck_assert_uint_eq (n_files (".flexo"), 0);
  ck_assert_uint_eq (n_files (".info"), 0);
}
END_TEST

/* The copy as a crashed Flexo would leave it: ours, with the process id of
 * one that has ended. */
static void
orphan_our_copies (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GError) error = NULL;
  const char *name;
  GPid pid;
  const char *argv[] = { "/bin/true", NULL };
  int status;

  ck_assert (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".info"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autoptr(GKeyFile) key_file = g_key_file_new ();

        ck_assert (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL));
        g_key_file_set_int64 (key_file, "Recovery", "pid", pid);
        ck_assert (g_key_file_save_to_file (key_file, path, NULL));
      }
}

START_TEST (test_orphans_are_recovered)
{
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(FlexoDocument) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/somewhere/figure.flexo");
  FlexoRecoveryEntry *entry;
  FlexoDiagram *d;

  flexo_recovery_watch (recovery, doc, file, "figure.flexo");
  add_shape ("Alice");
  ck_assert (flexo_recovery_save_now (recovery, doc, NULL));
  orphan_our_copies ();

  orphans = flexo_recovery_list_orphans (recovery);
  ck_assert_uint_eq (orphans->len, 1);
  entry = g_ptr_array_index (orphans, 0);
  ck_assert_str_eq (flexo_recovery_entry_get_title (entry), "figure.flexo");
  ck_assert (g_file_equal (flexo_recovery_entry_get_file (entry), file));
  ck_assert_ptr_nonnull (flexo_recovery_entry_get_time (entry));

  recovered = flexo_recovery_entry_load (entry, &error);
  ck_assert_msg (recovered != NULL, "%s", error ? error->message : "");
  /* The work is there, and it is unsaved. */
  ck_assert (flexo_document_get_modified (recovered));
  d = g_ptr_array_index (flexo_document_get_diagrams (recovered), 0);
  ck_assert_uint_eq (flexo_diagram_get_items (d)->len, 1);
  ck_assert_str_eq (flexo_shape_get_text (g_ptr_array_index (flexo_diagram_get_items (d), 0)), "Alice");

  flexo_recovery_entry_discard (entry);
  ck_assert_uint_eq (n_files (".flexo"), 0);
  ck_assert_uint_eq (n_files (".info"), 0);
}
END_TEST

START_TEST (test_broken_copy_is_an_error)
{
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(FlexoDocument) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;

  flexo_recovery_watch (recovery, doc, NULL, "Figure");
  add_shape ("Alice");
  ck_assert (flexo_recovery_save_now (recovery, doc, NULL));
  orphan_our_copies ();
  /* Cut the copy short, as a full disk might. */
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".flexo"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        ck_assert (g_file_set_contents (path, "<flexo version=\"1\"><diag", -1, NULL));
      }

  orphans = flexo_recovery_list_orphans (recovery);
  ck_assert_uint_eq (orphans->len, 1);
  recovered = flexo_recovery_entry_load (g_ptr_array_index (orphans, 0), &error);
  ck_assert_ptr_null (recovered);
  ck_assert_ptr_nonnull (error);
  ck_assert_ptr_nonnull (strstr (error->message, ".flexo"));
}
END_TEST

START_TEST (test_info_without_copy_is_ignored)
{
  g_autofree char *info = g_build_filename (dir, "1-2-3.info", NULL);
  g_autoptr(GPtrArray) orphans = NULL;

  ck_assert (g_file_set_contents (info, "[Recovery]\npid=1\nstart=1\ntitle=X\n", -1, NULL));
  orphans = flexo_recovery_list_orphans (recovery);
  ck_assert_uint_eq (orphans->len, 0);
}
END_TEST

static Suite *
recovery_suite (void)
{
  Suite *s = suite_create ("recovery");
  TCase *tc = tcase_create ("recovery");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_change_is_copied_then_removed_when_saved);
  tcase_add_test (tc, test_unwatch_removes_the_copy);
  tcase_add_test (tc, test_orphans_are_recovered);
  tcase_add_test (tc, test_broken_copy_is_an_error);
  tcase_add_test (tc, test_info_without_copy_is_ignored);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return flexo_test_run (recovery_suite ());
}
