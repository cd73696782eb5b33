/* test-atomic-file.c — replacing a file without ever losing it
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "flexo-atomic-file.h"
#include "flexo-test.h"

static const char original[] = "<flexo version=\"1\">original</flexo>\n";
static const char replacement[] = "<flexo version=\"1\">the new contents, longer than before</flexo>\n";

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("flexo-test-atomic-XXXXXX", &error);

  ck_assert_msg (dir != NULL, "%s", error ? error->message : "");
  return dir;
}

/* Removes @dir and everything in it (one level of subfolders) */
static void
remove_tmp_dir (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_chmod (dir, 0700);
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      struct stat st;

      if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
        remove_tmp_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  ck_assert_ptr_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static GBytes *
bytes_from_string (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  ck_assert_msg (g_file_get_contents (path, &contents, &len, &error), "%s",
                 error ? error->message : "");
  ck_assert_uint_eq (len, strlen (expected));
  ck_assert_msg (memcmp (contents, expected, len) == 0, "%s has “%s”", path, contents);
}

static void
put_original (const char *path)
{
  ck_assert (g_file_set_contents (path, original, -1, NULL));
}

static mode_t
current_umask (void)
{
  mode_t mask = umask (022);

  umask (mask);
  return mask;
}

START_TEST (test_write_new_file)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.flexo", NULL);
  g_autoptr(GBytes) bytes = bytes_from_string (replacement);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  struct stat st;

  ck_assert_msg (flexo_atomic_file_write (path, bytes, &error), "%s", error ? error->message : "");
  assert_contents (path, replacement);
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_uint_eq (st.st_mode & 0777, 0644 & ~current_umask ());
  listing = list_dir (dir);
  ck_assert_str_eq (listing, "new.flexo");

  /* empty contents are contents too */
  {
    g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);

    ck_assert (flexo_atomic_file_write (path, empty, &error));
    assert_contents (path, "");
  }

  remove_tmp_dir (dir);
}
END_TEST

START_TEST (test_replace_keeps_mode)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "doc.flexo", NULL);
  g_autoptr(GBytes) bytes = bytes_from_string (replacement);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  struct stat st;

  put_original (path);
  ck_assert_int_eq (g_chmod (path, 0640), 0);
  ck_assert_msg (flexo_atomic_file_write (path, bytes, &error), "%s", error ? error->message : "");
  assert_contents (path, replacement);
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_uint_eq (st.st_mode & 07777, 0640);
  listing = list_dir (dir);
  ck_assert_str_eq (listing, "doc.flexo");

  remove_tmp_dir (dir);
}
END_TEST

/* Looped over every step */
START_TEST (test_failure_at_each_step)
{
  FlexoAtomicStep step = FLEXO_ATOMIC_STEP_OPEN + _i;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "doc.flexo", NULL);
  g_autofree char *display_name = g_filename_display_name (path);
  g_autoptr(GBytes) bytes = bytes_from_string (replacement);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  put_original (path);
  flexo_atomic_file_set_fail_at (step);
  ck_assert (!flexo_atomic_file_write (path, bytes, &error));
  flexo_atomic_file_set_fail_at (FLEXO_ATOMIC_STEP_NONE);

  ck_assert_ptr_nonnull (error);
  ck_assert_msg (error->domain == G_FILE_ERROR, "%s", error->message);
  ck_assert_msg (strstr (error->message, display_name) != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "simulated failure") != NULL, "%s", error->message);

  /* The rename is the commit point: before it the original is intact;
   * after it (the folder flush) the file is complete and new. */
  if (step == FLEXO_ATOMIC_STEP_DIRSYNC)
    assert_contents (path, replacement);
  else
    assert_contents (path, original);

  /* no temporary file left behind */
  listing = list_dir (dir);
  ck_assert_str_eq (listing, "doc.flexo");

  /* and the next save works */
  g_clear_error (&error);
  ck_assert_msg (flexo_atomic_file_write (path, bytes, &error), "%s", error ? error->message : "");
  assert_contents (path, replacement);

  remove_tmp_dir (dir);
}
END_TEST

START_TEST (test_missing_directory)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "doc.flexo", NULL);
  g_autofree char *display_name = g_filename_display_name (path);
  g_autoptr(GBytes) bytes = bytes_from_string (replacement);
  g_autoptr(GError) error = NULL;

  ck_assert (!flexo_atomic_file_write (path, bytes, &error));
  ck_assert (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT));
  ck_assert_msg (strstr (error->message, display_name) != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, g_strerror (ENOENT)) != NULL, "%s", error->message);

  remove_tmp_dir (dir);
}
END_TEST

START_TEST (test_read_only_directory)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *sub = g_build_filename (dir, "ro", NULL);
  g_autofree char *path = g_build_filename (sub, "doc.flexo", NULL);
  g_autofree char *display_name = g_filename_display_name (path);
  g_autoptr(GBytes) bytes = bytes_from_string (replacement);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  if (geteuid () == 0)
    {
      /* root ignores permissions: nothing to check */
      remove_tmp_dir (dir);
      return;
    }

  ck_assert_int_eq (g_mkdir (sub, 0700), 0);
  put_original (path);
  ck_assert_int_eq (g_chmod (sub, 0555), 0);

  ck_assert (!flexo_atomic_file_write (path, bytes, &error));
  ck_assert (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES));
  ck_assert_msg (strstr (error->message, display_name) != NULL, "%s", error->message);
  assert_contents (path, original);
  listing = list_dir (sub);
  ck_assert_str_eq (listing, "doc.flexo");

  g_chmod (sub, 0700);
  remove_tmp_dir (dir);
}
END_TEST

START_TEST (test_read_only_file)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "doc.flexo", NULL);
  g_autoptr(GBytes) bytes = bytes_from_string (replacement);
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      remove_tmp_dir (dir);
      return;
    }

  put_original (path);
  ck_assert_int_eq (g_chmod (path, 0444), 0);
  ck_assert (!flexo_atomic_file_write (path, bytes, &error));
  ck_assert (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES));
  assert_contents (path, original);

  remove_tmp_dir (dir);
}
END_TEST

START_TEST (test_directory_target)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GBytes) bytes = bytes_from_string (replacement);
  g_autoptr(GError) error = NULL;

  ck_assert (!flexo_atomic_file_write (dir, bytes, &error));
  ck_assert (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR));

  remove_tmp_dir (dir);
}
END_TEST

static void
assert_is_link_to (const char *link,
                   const char *expected_target)
{
  g_autofree char *target = NULL;
  struct stat st;

  ck_assert_int_eq (g_lstat (link, &st), 0);
  ck_assert_msg (S_ISLNK (st.st_mode), "%s is no longer a link", link);
  target = g_file_read_link (link, NULL);
  ck_assert_str_eq (target, expected_target);
}

START_TEST (test_symlink_target_updated)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *real_dir = g_build_filename (dir, "real", NULL);
  g_autofree char *real = g_build_filename (real_dir, "doc.flexo", NULL);
  g_autofree char *abs_link = g_build_filename (dir, "abs.flexo", NULL);
  g_autofree char *rel_link = g_build_filename (dir, "rel.flexo", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.flexo", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.flexo", NULL);
  g_autofree char *dangling_target = g_build_filename (real_dir, "new.flexo", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GBytes) bytes = bytes_from_string (replacement);
  g_autoptr(GBytes) third = bytes_from_string ("third");
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (g_mkdir (real_dir, 0700), 0);
  put_original (real);
  ck_assert_int_eq (symlink (real, abs_link), 0);
  ck_assert_int_eq (symlink ("real/doc.flexo", rel_link), 0);
  ck_assert_int_eq (symlink ("rel.flexo", chain), 0);
  ck_assert_int_eq (symlink ("real/new.flexo", dangling), 0);

  ck_assert_msg (flexo_atomic_file_write (abs_link, bytes, &error), "%s", error ? error->message : "");
  assert_is_link_to (abs_link, real);
  assert_contents (real, replacement);

  put_original (real);
  ck_assert (flexo_atomic_file_write (rel_link, bytes, &error));
  assert_is_link_to (rel_link, "real/doc.flexo");
  assert_contents (real, replacement);

  ck_assert (flexo_atomic_file_write (chain, third, &error));
  assert_is_link_to (chain, "rel.flexo");
  assert_is_link_to (rel_link, "real/doc.flexo");
  assert_contents (real, "third");

  ck_assert (flexo_atomic_file_write (dangling, bytes, &error));
  assert_is_link_to (dangling, "real/new.flexo");
  assert_contents (dangling_target, replacement);

  /* temporary files went to the target's folder and are gone */
  listing = list_dir (real_dir);
  ck_assert_str_eq (listing, "doc.flexo new.flexo");
  g_free (listing);
  listing = list_dir (dir);
  ck_assert_str_eq (listing, "abs.flexo chain.flexo dangling.flexo real rel.flexo");

  remove_tmp_dir (dir);
}
END_TEST

START_TEST (test_symlink_loop)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *a = g_build_filename (dir, "a.flexo", NULL);
  g_autofree char *b = g_build_filename (dir, "b.flexo", NULL);
  g_autoptr(GBytes) bytes = bytes_from_string (replacement);
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (symlink ("b.flexo", a), 0);
  ck_assert_int_eq (symlink ("a.flexo", b), 0);
  ck_assert (!flexo_atomic_file_write (a, bytes, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strstr (error->message, "a.flexo") != NULL, "%s", error->message);
  assert_is_link_to (a, "b.flexo");

  remove_tmp_dir (dir);
}
END_TEST

static Suite *
atomic_file_suite (void)
{
  Suite *s = suite_create ("atomic-file");
  TCase *tc = tcase_create ("write");

  tcase_add_test (tc, test_write_new_file);
  tcase_add_test (tc, test_replace_keeps_mode);
  tcase_add_loop_test (tc, test_failure_at_each_step,
                       0, FLEXO_ATOMIC_STEP_DIRSYNC - FLEXO_ATOMIC_STEP_OPEN + 1);
  tcase_add_test (tc, test_missing_directory);
  tcase_add_test (tc, test_read_only_directory);
  tcase_add_test (tc, test_read_only_file);
  tcase_add_test (tc, test_directory_target);
  tcase_add_test (tc, test_symlink_target_updated);
  tcase_add_test (tc, test_symlink_loop);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return flexo_test_run (atomic_file_suite ());
}
