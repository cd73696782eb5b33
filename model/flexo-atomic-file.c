/* flexo-atomic-file.c — replacing a file without ever losing it
 *
 * The new contents go to a temporary file beside the target, which is
 * flushed to disk and then renamed over the target: at any moment the
 * target is either the old file or the new one, complete, even after a
 * crash or a power cut.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "flexo-atomic-file.h"

/* Linux follows at most 40 links in a path */
#define MAX_SYMLINK_HOPS 40

static int fail_at = FLEXO_ATOMIC_STEP_NONE;

/**
 * flexo_atomic_file_set_fail_at:
 * @step: the step to fail, or %FLEXO_ATOMIC_STEP_NONE
 *
 * For tests only: makes every later flexo_atomic_file_write() fail at
 * @step, as if the system had refused it, until it is called again with
 * %FLEXO_ATOMIC_STEP_NONE.
 */
void
flexo_atomic_file_set_fail_at (FlexoAtomicStep step)
{
  g_atomic_int_set (&fail_at, step);
}

static gboolean
injected_failure (FlexoAtomicStep step)
{
  return G_UNLIKELY (g_atomic_int_get (&fail_at) == (int) step);
}

/* The file that @path names, through any symbolic links, so that a link
 * stays a link and its target gets the new contents. A link to nothing
 * resolves to the file it would name. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0;; hops++)
    {
      g_autofree char *target = NULL;
      struct stat st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        break;

      if (hops == MAX_SYMLINK_HOPS)
        {
          g_autofree char *display_name = g_filename_display_name (path);

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (ELOOP),
                       _("Cannot save “%s”: %s"), display_name, g_strerror (ELOOP));
          return NULL;
        }

      target = g_file_read_link (current, error);
      if (target == NULL)
        return NULL;

      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
    }

  return g_steal_pointer (&current);
}

static gboolean
fail (GError          **error,
      FlexoAtomicStep   step,
      int               saved_errno,
      gboolean          injected,
      const char       *path)
{
  g_autofree char *display_name = g_filename_display_name (path);
  const char *reason = injected ? _("simulated failure") : g_strerror (saved_errno);
  GFileError code = g_file_error_from_errno (injected ? EIO : saved_errno);

  switch (step)
    {
    case FLEXO_ATOMIC_STEP_OPEN:
      g_set_error (error, G_FILE_ERROR, code,
                   _("Cannot create a temporary file to save “%s”: %s"),
                   display_name, reason);
      break;

    case FLEXO_ATOMIC_STEP_WRITE:
      g_set_error (error, G_FILE_ERROR, code,
                   _("Cannot write “%s”: %s"), display_name, reason);
      break;

    case FLEXO_ATOMIC_STEP_FSYNC:
      g_set_error (error, G_FILE_ERROR, code,
                   _("Cannot flush “%s” to disk: %s"), display_name, reason);
      break;

    case FLEXO_ATOMIC_STEP_RENAME:
      g_set_error (error, G_FILE_ERROR, code,
                   _("Cannot replace “%s”: %s"), display_name, reason);
      break;

    case FLEXO_ATOMIC_STEP_DIRSYNC:
      g_set_error (error, G_FILE_ERROR, code,
                   _("“%s” was saved, but its folder could not be flushed to disk: %s"),
                   display_name, reason);
      break;

    case FLEXO_ATOMIC_STEP_NONE:
    default:
      g_set_error (error, G_FILE_ERROR, code,
                   _("Cannot save “%s”: %s"), display_name, reason);
      break;
    }

  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, MIN (len, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }

      data += n;
      len -= n;
    }

  return TRUE;
}

/* A file system that cannot flush a folder says so in these ways; the
 * rename is then as durable as it can be made. */
static gboolean
is_unsupported (int saved_errno)
{
  return saved_errno == EINVAL || saved_errno == ENOTSUP || saved_errno == EROFS;
}

static gboolean
sync_directory (const char  *dir,
                int         *saved_errno)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* A folder that one may write but not read (mode -wx) cannot be opened:
   * nothing more can be done. */
  if (fd < 0)
    return TRUE;

  if (fsync (fd) != 0 && !is_unsupported (errno))
    {
      *saved_errno = errno;
      close (fd);
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/**
 * flexo_atomic_file_write:
 * @path: the file to create or replace; a symbolic link is followed and
 *   its target replaced, the link staying as it is
 * @contents: the new contents
 *
 * Writes @contents to a new temporary file in the folder of @path
 * (created with O_EXCL, with the permissions of the file it replaces, or
 * 0644 minus the umask), flushes it to disk, renames it over @path and
 * flushes the folder. If any step fails, the temporary file is removed
 * and @path is left as it was, except at the last step: the rename has
 * then happened and @path has the new contents (the error says so).
 *
 * A read-only @path is not replaced, as a text editor would not either.
 *
 * Returns: %TRUE on success, or %FALSE with a %G_FILE_ERROR naming @path
 *   and the reason
 */
gboolean
flexo_atomic_file_write (const char  *path,
                         GBytes      *contents,
                         GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *tmp_name = NULL;
  g_autofree char *base = NULL;
  FlexoAtomicStep step = FLEXO_ATOMIC_STEP_NONE;
  gboolean exists;
  gboolean injected = FALSE;
  const guint8 *data;
  gsize len;
  struct stat st;
  int saved_errno = 0;
  int fd = -1;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = resolve_links (path, error);
  if (target == NULL)
    return FALSE;

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  tmp_path = g_build_filename (dir, tmp_name, NULL);

  exists = g_stat (target, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    return fail (error, FLEXO_ATOMIC_STEP_NONE, EISDIR, FALSE, path);
  if (exists && access (target, W_OK) != 0)
    return fail (error, FLEXO_ATOMIC_STEP_NONE, errno, FALSE, path);

  step = FLEXO_ATOMIC_STEP_OPEN;
  if ((injected = injected_failure (step)))
    goto out;
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, exists ? 0600 : 0644);
  if (fd < 0)
    {
      saved_errno = errno;
      goto out;
    }

  if (exists)
    {
      /* Best effort: keep the group of a shared file, then its mode */
      if (st.st_gid != getegid () && fchown (fd, (uid_t) -1, st.st_gid) != 0)
        g_debug ("%s: cannot keep the group of %s: %s", G_STRFUNC, target, g_strerror (errno));
      if (fchmod (fd, st.st_mode & 07777) != 0)
        g_debug ("%s: cannot keep the mode of %s: %s", G_STRFUNC, target, g_strerror (errno));
    }

  step = FLEXO_ATOMIC_STEP_WRITE;
  data = g_bytes_get_data (contents, &len);
  if ((injected = injected_failure (step)))
    goto out;
  if (!write_all (fd, data, len))
    {
      saved_errno = errno;
      goto out;
    }

  step = FLEXO_ATOMIC_STEP_FSYNC;
  if ((injected = injected_failure (step)))
    goto out;
  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      goto out;
    }
  /* Network file systems may report a failed write only now */
  if (close (fd) != 0)
    {
      fd = -1;
      saved_errno = errno;
      goto out;
    }
  fd = -1;

  step = FLEXO_ATOMIC_STEP_RENAME;
  if ((injected = injected_failure (step)))
    goto out;
  if (g_rename (tmp_path, target) != 0)
    {
      saved_errno = errno;
      goto out;
    }
  g_clear_pointer (&tmp_path, g_free);

  step = FLEXO_ATOMIC_STEP_DIRSYNC;
  if ((injected = injected_failure (step)))
    goto out;
  if (!sync_directory (dir, &saved_errno))
    goto out;

  return TRUE;

out:
  if (fd >= 0)
    close (fd);
  if (tmp_path != NULL && step > FLEXO_ATOMIC_STEP_OPEN)
    g_unlink (tmp_path);

  return fail (error, step, saved_errno, injected, path);
}
