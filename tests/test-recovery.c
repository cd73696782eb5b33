/* test-recovery.c — autosave of unsaved work and its recovery
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
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

/* The texts of the shapes in the recovery copy on disk, joined by
 * commas, or NULL when there is no copy (or it cannot be read). */
static char *
copy_texts (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".flexo"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autoptr(FlexoDocument) copy = flexo_native_load_path (path, NULL);
        g_autoptr(GString) texts = g_string_new (NULL);
        GPtrArray *items;

        if (copy == NULL)
          return NULL;
        items = flexo_diagram_get_items (g_ptr_array_index (flexo_document_get_diagrams (copy), 0));
        for (guint i = 0; i < items->len; i++)
          g_string_append_printf (texts, "%s%s", i > 0 ? "," : "",
                                  flexo_shape_get_text (g_ptr_array_index (items, i)));
        return g_string_free (g_steal_pointer (&texts), FALSE);
      }
  return NULL;
}

static gboolean
copy_texts_are (const char *expected)
{
  g_autofree char *texts = copy_texts ();

  return g_strcmp0 (texts, expected) == 0;
}

/* Sets @key to @value in every info file of the folder. */
static void
set_info (const char *key,
          const char *value)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".info"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autoptr(GKeyFile) key_file = g_key_file_new ();

        ck_assert (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL));
        g_key_file_set_value (key_file, "Recovery", key, value);
        ck_assert (g_key_file_save_to_file (key_file, path, NULL));
      }
}

/* When process @pid started (field 22 of /proc/PID/stat). */
static guint64
start_time_of (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;

  ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
  fields = g_strsplit (strrchr (contents, ')') + 2, " ", 0);
  ck_assert_uint_ge (g_strv_length (fields), 20);
  return g_ascii_strtoull (fields[19], NULL, 10);
}

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

START_TEST (test_copy_holds_the_latest_edit)
{
  flexo_recovery_watch (recovery, doc, NULL, "Figure");
  add_shape ("One");
  /* Written a moment after the change, not during it. */
  ck_assert_uint_eq (n_files (".flexo"), 0);
  RUN_UNTIL (copy_texts_are ("One"));
  ck_assert_uint_eq (n_files (".info"), 1);

  /* Changes that come while a copy is written end in the copy too. */
  add_shape ("Two");
  for (int i = 0; i < 3; i++)
    g_main_context_iteration (NULL, FALSE);
  add_shape ("Three");
  RUN_UNTIL (copy_texts_are ("One,Two,Three"));
  /* Nothing is left half written. */
  RUN_UNTIL (n_files (".part") == 0);
  ck_assert_uint_eq (n_files (".flexo"), 1);
}
END_TEST

static gboolean
add_shape_cb (gpointer data)
{
  guint *n = data;

  add_shape ("Tick");
  return ++*n < 40 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

START_TEST (test_copy_while_changes_keep_coming)
{
  guint n = 0;
  guint id;

  /* A change every 25 ms (for 1 s) never leaves 400 ms of quiet: only
   * the longest delay, 600 ms after the first, makes a copy before they
   * stop. */
  flexo_recovery_set_delays (recovery, 400, 600);
  flexo_recovery_watch (recovery, doc, NULL, "Figure");
  id = g_timeout_add (25, add_shape_cb, &n);
  RUN_UNTIL (flexo_recovery_has_copy (recovery, doc) || n >= 40);
  ck_assert_msg (n < 40, "no copy while the changes kept coming");
  ck_assert_uint_eq (n_files (".info"), 1);
  g_source_remove (id);
}
END_TEST

START_TEST (test_save_now_is_not_undone_by_an_older_write)
{
  g_autoptr(GError) error = NULL;

  flexo_recovery_set_delays (recovery, 0, 0);
  flexo_recovery_watch (recovery, doc, NULL, "Figure");
  add_shape ("Old");
  /* Runs the timeout: the copy of "Old" is being written. */
  g_main_context_iteration (NULL, TRUE);
  add_shape ("New");
  ck_assert_msg (flexo_recovery_save_now (recovery, doc, &error), "%s", error ? error->message : "");
  ck_assert (copy_texts_are ("Old,New"));
  /* Whatever the older write does when it ends, "New" stays. */
  flexo_recovery_set_delays (recovery, 5000, 5000);
  RUN_UNTIL (n_files (".part") == 0);
  for (int i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  ck_assert (copy_texts_are ("Old,New"));
  ck_assert_uint_eq (n_files (".flexo"), 1);
}
END_TEST

START_TEST (test_running_process_is_not_an_orphan)
{
  g_autoptr(GPtrArray) running = NULL;
  g_autoptr(GPtrArray) reused = NULL;
  g_autoptr(GPtrArray) ours = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pid_text = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *later_text = NULL;
  const char *argv[] = { "/bin/sleep", "30", NULL };
  GPid pid;

  flexo_recovery_watch (recovery, doc, NULL, "Figure");
  add_shape ("Alice");
  ck_assert (flexo_recovery_save_now (recovery, doc, NULL));

  /* The copy of another process that runs. */
  ck_assert (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
  pid_text = g_strdup_printf ("%d", (int) pid);
  start_text = g_strdup_printf ("%" G_GUINT64_FORMAT, start_time_of (pid));
  set_info ("pid", pid_text);
  set_info ("start", start_text);
  running = flexo_recovery_list_orphans (recovery);
  ck_assert_uint_eq (running->len, 0);

  /* The same number, but a process that started at another time: the
   * one that left the copy ended and its number was given again. */
  later_text = g_strdup_printf ("%" G_GUINT64_FORMAT, start_time_of (pid) + 1);
  set_info ("start", later_text);
  reused = flexo_recovery_list_orphans (recovery);
  ck_assert_uint_eq (reused->len, 1);

  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  /* And ours, while we run. */
  pid_text = (g_free (pid_text), g_strdup_printf ("%d", (int) getpid ()));
  start_text = (g_free (start_text), g_strdup_printf ("%" G_GUINT64_FORMAT, start_time_of (getpid ())));
  set_info ("pid", pid_text);
  set_info ("start", start_text);
  ours = flexo_recovery_list_orphans (recovery);
  ck_assert_uint_eq (ours->len, 0);
  ck_assert_uint_eq (n_files (".flexo"), 1);
}
END_TEST

START_TEST (test_orphans_newest_first_with_their_file)
{
  g_autoptr(FlexoDocument) other = flexo_document_new ();
  g_autoptr(FlexoDiagram) d = flexo_diagram_new (other, "D");
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/elsewhere/saved-as.flexo");
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GDir) gdir = NULL;
  const char *name;
  FlexoRecoveryEntry *first, *second;

  /* The untitled one, later saved as a file. */
  flexo_recovery_watch (recovery, doc, NULL, "Untitled");
  add_shape ("Alice");
  ck_assert (flexo_recovery_save_now (recovery, doc, NULL));
  flexo_recovery_set_file (recovery, doc, file, "saved-as.flexo");
  set_info ("time", "2026-01-02T10:00:00Z");

  flexo_document_begin (other, "Add");
  flexo_object_insert_child (FLEXO_OBJECT (other), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (d));
  flexo_document_commit (other);
  flexo_recovery_watch (recovery, other, NULL, NULL);
  ck_assert (flexo_recovery_save_now (recovery, other, NULL));
  /* Only the new info file gets the later time. */
  gdir = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_suffix (name, ".info"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autoptr(GKeyFile) key_file = g_key_file_new ();
        g_autofree char *title = NULL;

        ck_assert (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL));
        title = g_key_file_get_value (key_file, "Recovery", "title", NULL);
        if (g_strcmp0 (title, "") == 0)
          {
            g_key_file_set_value (key_file, "Recovery", "time", "2026-03-04T10:00:00Z");
            ck_assert (g_key_file_save_to_file (key_file, path, NULL));
          }
      }
  orphan_our_copies ();

  orphans = flexo_recovery_list_orphans (recovery);
  ck_assert_uint_eq (orphans->len, 2);
  first = g_ptr_array_index (orphans, 0);
  second = g_ptr_array_index (orphans, 1);
  ck_assert_str_eq (flexo_recovery_entry_get_title (first), "Untitled Document");
  ck_assert_ptr_null (flexo_recovery_entry_get_file (first));
  ck_assert_int_eq (g_date_time_get_month (flexo_recovery_entry_get_time (first)), 3);
  ck_assert_str_eq (flexo_recovery_entry_get_title (second), "saved-as.flexo");
  ck_assert (g_file_equal (flexo_recovery_entry_get_file (second), file));
  ck_assert_int_eq (g_date_time_get_month (flexo_recovery_entry_get_time (second)), 1);
  flexo_recovery_unwatch (recovery, other);
}
END_TEST

START_TEST (test_leftovers_of_ended_processes_are_removed)
{
  g_autoptr(GPtrArray) orphans = NULL;
  const char *argv[] = { "/bin/true", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dead = NULL;
  g_autofree char *live = NULL;
  g_autofree char *dead_info = NULL;
  g_autofree char *path = NULL;
  const char *names[] = { ".flexo", ".flexo.part" };
  GPid pid;

  ck_assert (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  dead = g_strdup_printf ("%d-7-1", (int) pid);
  live = g_strdup_printf ("%d-%" G_GUINT64_FORMAT "-1", (int) getpid (), start_time_of (getpid ()));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *a = g_strconcat (dir, "/", dead, names[i], NULL);
      g_autofree char *b = g_strconcat (dir, "/", live, names[i], NULL);

      ck_assert (g_file_set_contents (a, "<flexo", -1, NULL));
      ck_assert (g_file_set_contents (b, "<flexo", -1, NULL));
    }
  /* An info file of an ended process whose copy is gone. */
  dead_info = g_strdup_printf ("%s/%d-7-2.info", dir, (int) pid);
  path = g_strdup_printf ("[Recovery]\npid=%d\nstart=7\ntitle=X\n", (int) pid);
  ck_assert (g_file_set_contents (dead_info, path, -1, NULL));
  /* And a file that is not one of ours. */
  g_free (path);
  path = g_build_filename (dir, "notes.flexo", NULL);
  ck_assert (g_file_set_contents (path, "<flexo", -1, NULL));

  orphans = flexo_recovery_list_orphans (recovery);
  ck_assert_uint_eq (orphans->len, 0);
  /* The ended process's half-written pair and lone info are gone; the
   * running one's files (it may be writing them) and the other file stay. */
  ck_assert_uint_eq (n_files (".flexo"), 2);
  ck_assert_uint_eq (n_files (".part"), 1);
  ck_assert_uint_eq (n_files (".info"), 0);
  ck_assert (g_file_test (path, G_FILE_TEST_EXISTS));
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
  tcase_add_test (tc, test_copy_holds_the_latest_edit);
  tcase_add_test (tc, test_copy_while_changes_keep_coming);
  tcase_add_test (tc, test_save_now_is_not_undone_by_an_older_write);
  tcase_add_test (tc, test_running_process_is_not_an_orphan);
  tcase_add_test (tc, test_orphans_newest_first_with_their_file);
  tcase_add_test (tc, test_leftovers_of_ended_processes_are_removed);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return flexo_test_run (recovery_suite ());
}
