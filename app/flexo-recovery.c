/* flexo-recovery.c — autosave of unsaved work, and its recovery after a crash
 *
 * Each watched document with unsaved changes has two files in the
 * recovery folder: NAME.flexo, its copy, and NAME.info, a key file
 * saying whose it is (process id and start time), where it is saved and
 * when. The copy is serialized on the main thread (the document is not
 * thread safe) and written off it to NAME.flexo.part, which the main
 * thread then renames to NAME.flexo unless a newer copy was written
 * meanwhile (flexo_recovery_save_now); the info file is written after the
 * copy, so that an info file always points to a whole copy.
 * A copy whose process is no longer running is an orphan: the work of a
 * Flexo that crashed or was killed.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "flexo-format.h"
#include "flexo-recovery.h"

#define INFO_GROUP "Recovery"

struct _FlexoRecovery
{
  GObject     parent_instance;

  char       *dir;
  guint       delay;
  guint       max_delay;
  GHashTable *watches;  /* FlexoDocument → Watch */
  guint       counter;
};

G_DEFINE_FINAL_TYPE (FlexoRecovery, flexo_recovery, G_TYPE_OBJECT)

typedef struct
{
  gatomicrefcount  ref_count;
  FlexoRecovery   *self;       /* NULL once unwatched */
  FlexoDocument   *document;
  char            *data_path;  /* NAME.flexo */
  char            *part_path;  /* NAME.flexo.part, while written */
  char            *info_path;  /* NAME.info */
  GFile           *file;
  char            *title;
  guint            timeout_id;
  gint64           first_pending;
  gulong           changed_id;
  gulong           modified_id;
  gboolean         writing;
  gboolean         again;      /* changed while writing */
  gboolean         superseded; /* a newer copy was written while writing */
  gboolean         on_disk;
} Watch;

struct _FlexoRecoveryEntry
{
  char      *data_path;
  char      *info_path;
  char      *title;
  GFile     *file;
  GDateTime *time;
};

/* ---------------------------------------------------------- processes -- */

/* When the process @pid started, in clock ticks since boot (0: unknown). */
static guint64
process_start_time (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;
  /* The command may hold spaces and parentheses: fields start after the
   * last ')'; the start time is the 22nd field, the 20th after it. */
  after = strrchr (contents, ')');
  if (after == NULL)
    return 0;
  fields = g_strsplit (after + 2, " ", 0);
  if (g_strv_length (fields) < 20)
    return 0;
  return g_ascii_strtoull (fields[19], NULL, 10);
}

static gboolean
process_is_running (GPid    pid,
                    guint64 start_time)
{
  guint64 now_start;

  if (pid <= 0)
    return FALSE;
  if (kill (pid, 0) != 0 && errno != EPERM)
    return FALSE;
  /* The same process, not a later one given the same number (when either
   * start time is unknown, it may be: keep its work for later). */
  now_start = process_start_time (pid);
  return start_time == 0 || now_start == 0 || now_start == start_time;
}

/* ------------------------------------------------------------- watches -- */

static Watch *
watch_ref (Watch *w)
{
  g_atomic_ref_count_inc (&w->ref_count);
  return w;
}

static void
watch_unref (Watch *w)
{
  if (!g_atomic_ref_count_dec (&w->ref_count))
    return;
  g_clear_object (&w->document);
  g_clear_object (&w->file);
  g_free (w->data_path);
  g_free (w->part_path);
  g_free (w->info_path);
  g_free (w->title);
  g_free (w);
}

static void
watch_remove_files (Watch *w)
{
  /* The info first: a copy without one is never offered. */
  g_unlink (w->info_path);
  g_unlink (w->data_path);
  w->on_disk = FALSE;
}

static gboolean
write_info (Watch   *w,
            GError **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);

  g_key_file_set_int64 (key_file, INFO_GROUP, "pid", getpid ());
  g_key_file_set_uint64 (key_file, INFO_GROUP, "start", process_start_time (getpid ()));
  g_key_file_set_string (key_file, INFO_GROUP, "title", w->title != NULL ? w->title : "");
  if (w->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (w->file);

      g_key_file_set_string (key_file, INFO_GROUP, "uri", uri);
    }
  g_key_file_set_string (key_file, INFO_GROUP, "time", time);
  return g_key_file_save_to_file (key_file, w->info_path, error);
}

static void schedule (Watch *w);

static void
written (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Watch *w = user_data;
  g_autoptr(GError) error = NULL;
  gboolean superseded = w->superseded;

  w->writing = FALSE;
  w->superseded = FALSE;
  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_warning ("Cannot keep a recovery copy: %s", error->message);
  else if (w->self != NULL && flexo_document_get_modified (w->document) && !superseded)
    {
      if (g_rename (w->part_path, w->data_path) != 0)
        {
          int saved_errno = errno;

          g_warning ("Cannot keep a recovery copy: %s", g_strerror (saved_errno));
        }
      else if (write_info (w, &error))
        w->on_disk = TRUE;
      else
        g_warning ("Cannot keep a recovery copy: %s", error->message);
    }
  /* Not renamed: older than what is on disk, or not wanted. */
  g_unlink (w->part_path);

  /* Unwatched, or saved, while it was written: no copy to keep. */
  if (w->self == NULL || !flexo_document_get_modified (w->document))
    watch_remove_files (w);
  else if (w->again)
    {
      w->again = FALSE;
      schedule (w);
    }
  watch_unref (w);
}

static void
write_copy (Watch *w)
{
  g_autoptr(GBytes) bytes = flexo_native_save_bytes (w->document);
  g_autoptr(GFile) file = g_file_new_for_path (w->part_path);

  w->writing = TRUE;
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL,
                                       written, watch_ref (w));
}

static gboolean
timeout_cb (gpointer data)
{
  Watch *w = data;

  w->timeout_id = 0;
  w->first_pending = 0;
  if (w->writing)
    w->again = TRUE;
  else if (flexo_document_get_modified (w->document))
    write_copy (w);
  return G_SOURCE_REMOVE;
}

/* After a change: write DELAY after it, or sooner when changes have been
 * pending for MAX_DELAY. */
static void
schedule (Watch *w)
{
  gint64 now = g_get_monotonic_time () / 1000;
  gint64 due;

  if (w->first_pending == 0)
    w->first_pending = now;
  due = MIN (now + w->self->delay, w->first_pending + w->self->max_delay);
  g_clear_handle_id (&w->timeout_id, g_source_remove);
  w->timeout_id = g_timeout_add_full (G_PRIORITY_LOW, (guint) MAX (due - now, 0), timeout_cb, w, NULL);
}

static void
document_changed (FlexoDocument *document,
                  FlexoChanges  *changes,
                  Watch         *w)
{
  if (flexo_document_get_modified (document))
    schedule (w);
}

static void
modified_changed (FlexoDocument *document,
                  GParamSpec    *pspec,
                  Watch         *w)
{
  if (flexo_document_get_modified (document))
    return;
  g_clear_handle_id (&w->timeout_id, g_source_remove);
  w->first_pending = 0;
  if (!w->writing)
    watch_remove_files (w);
}

static void
watch_stop (Watch *w)
{
  g_clear_handle_id (&w->timeout_id, g_source_remove);
  g_clear_signal_handler (&w->changed_id, w->document);
  g_clear_signal_handler (&w->modified_id, w->document);
  watch_remove_files (w);
  w->self = NULL;
  watch_unref (w);
}

/* ------------------------------------------------------------ recovery -- */

void
flexo_recovery_watch (FlexoRecovery *self,
                      FlexoDocument *document,
                      GFile         *file,
                      const char    *title)
{
  Watch *w;

  g_return_if_fail (FLEXO_IS_RECOVERY (self));
  g_return_if_fail (FLEXO_IS_DOCUMENT (document));

  if (g_hash_table_contains (self->watches, document))
    {
      flexo_recovery_set_file (self, document, file, title);
      return;
    }

  w = g_new0 (Watch, 1);
  g_atomic_ref_count_init (&w->ref_count);
  w->self = self;
  w->document = g_object_ref (document);
  {
    g_autofree char *name = g_strdup_printf ("%d-%" G_GUINT64_FORMAT "-%u", (int) getpid (),
                                             process_start_time (getpid ()), ++self->counter);
    g_autofree char *data = g_strconcat (name, ".flexo", NULL);
    g_autofree char *info = g_strconcat (name, ".info", NULL);

    w->data_path = g_build_filename (self->dir, data, NULL);
    w->part_path = g_strconcat (w->data_path, ".part", NULL);
    w->info_path = g_build_filename (self->dir, info, NULL);
  }
  w->file = file != NULL ? g_object_ref (file) : NULL;
  w->title = g_strdup (title);
  w->changed_id = g_signal_connect (document, "changed", G_CALLBACK (document_changed), w);
  w->modified_id = g_signal_connect (document, "notify::modified", G_CALLBACK (modified_changed), w);
  g_hash_table_insert (self->watches, document, w);

  /* Recovered work is unsaved from the start. */
  if (flexo_document_get_modified (document))
    schedule (w);
}

void
flexo_recovery_set_file (FlexoRecovery *self,
                         FlexoDocument *document,
                         GFile         *file,
                         const char    *title)
{
  Watch *w;

  g_return_if_fail (FLEXO_IS_RECOVERY (self));

  w = g_hash_table_lookup (self->watches, document);
  if (w == NULL)
    return;
  g_set_object (&w->file, file);
  g_free (w->title);
  w->title = g_strdup (title);
  if (w->on_disk)
    write_info (w, NULL);
}

void
flexo_recovery_unwatch (FlexoRecovery *self,
                        FlexoDocument *document)
{
  g_return_if_fail (FLEXO_IS_RECOVERY (self));

  /* The table's value destructor stops it. */
  g_hash_table_remove (self->watches, document);
}

gboolean
flexo_recovery_save_now (FlexoRecovery *self,
                         FlexoDocument *document,
                         GError       **error)
{
  Watch *w;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (FLEXO_IS_RECOVERY (self), FALSE);

  w = g_hash_table_lookup (self->watches, document);
  if (w == NULL || !flexo_document_get_modified (document))
    return TRUE;
  g_clear_handle_id (&w->timeout_id, g_source_remove);
  w->first_pending = 0;
  /* A copy being written is older than this one: it must not replace it. */
  w->superseded = w->writing;
  bytes = flexo_native_save_bytes (document);
  if (!g_file_set_contents (w->data_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error) ||
      !write_info (w, error))
    return FALSE;
  w->on_disk = TRUE;
  return TRUE;
}

gboolean
flexo_recovery_has_copy (FlexoRecovery *self,
                         FlexoDocument *document)
{
  Watch *w;

  g_return_val_if_fail (FLEXO_IS_RECOVERY (self), FALSE);

  w = g_hash_table_lookup (self->watches, document);
  return w != NULL && w->on_disk;
}

static FlexoRecoveryEntry *
read_entry (FlexoRecovery *self,
            const char    *info_name)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *info_path = g_build_filename (self->dir, info_name, NULL);
  g_autofree char *base = g_strndup (info_name, strlen (info_name) - strlen (".info"));
  g_autofree char *data_name = g_strconcat (base, ".flexo", NULL);
  g_autofree char *data_path = g_build_filename (self->dir, data_name, NULL);
  g_autofree char *uri = NULL;
  g_autofree char *time = NULL;
  FlexoRecoveryEntry *entry;
  gint64 pid;
  guint64 start;

  if (!g_key_file_load_from_file (key_file, info_path, G_KEY_FILE_NONE, NULL))
    return NULL;
  pid = g_key_file_get_int64 (key_file, INFO_GROUP, "pid", NULL);
  start = g_key_file_get_uint64 (key_file, INFO_GROUP, "start", NULL);
  if (process_is_running ((GPid) pid, start))
    return NULL;
  /* Its copy is gone: nothing to offer, nor to keep. */
  if (!g_file_test (data_path, G_FILE_TEST_IS_REGULAR))
    {
      g_unlink (info_path);
      return NULL;
    }

  entry = g_new0 (FlexoRecoveryEntry, 1);
  entry->info_path = g_steal_pointer (&info_path);
  entry->data_path = g_steal_pointer (&data_path);
  entry->title = g_key_file_get_string (key_file, INFO_GROUP, "title", NULL);
  if (entry->title == NULL || *entry->title == '\0')
    {
      g_free (entry->title);
      entry->title = g_strdup (_("Untitled Document"));
    }
  uri = g_key_file_get_string (key_file, INFO_GROUP, "uri", NULL);
  if (uri != NULL && *uri != '\0')
    entry->file = g_file_new_for_uri (uri);
  time = g_key_file_get_string (key_file, INFO_GROUP, "time", NULL);
  entry->time = time != NULL ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
  if (entry->time == NULL)
    entry->time = g_date_time_new_now_utc ();
  return entry;
}

/* A copy without its info file (NAME.flexo), or one being written
 * (NAME.flexo.part), of a process that is gone: it died before the pair was
 * whole, so nothing points to it; deletes it. */
static void
remove_leftover (FlexoRecovery *self,
                 const char    *name)
{
  g_autofree char *base = NULL;
  g_autofree char *info_name = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *path = NULL;
  int pid;
  guint64 start;
  guint counter;

  if (g_str_has_suffix (name, ".flexo"))
    base = g_strndup (name, strlen (name) - strlen (".flexo"));
  else if (g_str_has_suffix (name, ".flexo.part"))
    base = g_strndup (name, strlen (name) - strlen (".flexo.part"));
  else
    return;
  /* Only the names this file gives: PID-START-COUNTER. */
  if (sscanf (base, "%d-%" G_GUINT64_FORMAT "-%u", &pid, &start, &counter) != 3 ||
      process_is_running (pid, start))
    return;
  info_name = g_strconcat (base, ".info", NULL);
  info_path = g_build_filename (self->dir, info_name, NULL);
  if (g_str_has_suffix (name, ".flexo") && g_file_test (info_path, G_FILE_TEST_EXISTS))
    return;
  path = g_build_filename (self->dir, name, NULL);
  g_unlink (path);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const FlexoRecoveryEntry *ea = *(FlexoRecoveryEntry **) a, *eb = *(FlexoRecoveryEntry **) b;

  return g_date_time_compare (eb->time, ea->time);
}

GPtrArray *
flexo_recovery_list_orphans (FlexoRecovery *self)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) flexo_recovery_entry_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (FLEXO_IS_RECOVERY (self), entries);

  dir = g_dir_open (self->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      FlexoRecoveryEntry *entry;

      if (!g_str_has_suffix (name, ".info"))
        {
          remove_leftover (self, name);
          continue;
        }
      entry = read_entry (self, name);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

const char *
flexo_recovery_entry_get_title (FlexoRecoveryEntry *entry)
{
  return entry->title;
}

GFile *
flexo_recovery_entry_get_file (FlexoRecoveryEntry *entry)
{
  return entry->file;
}

GDateTime *
flexo_recovery_entry_get_time (FlexoRecoveryEntry *entry)
{
  return entry->time;
}

FlexoDocument *
flexo_recovery_entry_load (FlexoRecoveryEntry  *entry,
                           GError             **error)
{
  FlexoDocument *document = flexo_native_load_path (entry->data_path, error);

  if (document != NULL)
    flexo_document_set_unsaved (document);
  return document;
}

void
flexo_recovery_entry_discard (FlexoRecoveryEntry *entry)
{
  g_autofree char *part_path = g_strconcat (entry->data_path, ".part", NULL);

  g_unlink (entry->info_path);
  g_unlink (entry->data_path);
  g_unlink (part_path);
}

void
flexo_recovery_entry_free (FlexoRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->data_path);
  g_free (entry->info_path);
  g_free (entry->title);
  g_clear_object (&entry->file);
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_free (entry);
}

/* -------------------------------------------------------------- object -- */

void
flexo_recovery_set_delays (FlexoRecovery *self,
                           guint          delay_ms,
                           guint          max_delay_ms)
{
  g_return_if_fail (FLEXO_IS_RECOVERY (self));

  self->delay = delay_ms;
  self->max_delay = MAX (max_delay_ms, delay_ms);
}

const char *
flexo_recovery_get_dir (FlexoRecovery *self)
{
  g_return_val_if_fail (FLEXO_IS_RECOVERY (self), NULL);

  return self->dir;
}

static void
flexo_recovery_finalize (GObject *object)
{
  FlexoRecovery *self = FLEXO_RECOVERY (object);

  g_hash_table_unref (self->watches);
  g_free (self->dir);

  G_OBJECT_CLASS (flexo_recovery_parent_class)->finalize (object);
}

static void
flexo_recovery_class_init (FlexoRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flexo_recovery_finalize;
}

static void
flexo_recovery_init (FlexoRecovery *self)
{
  self->watches = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) watch_stop);
  self->delay = FLEXO_RECOVERY_DELAY;
  self->max_delay = FLEXO_RECOVERY_MAX_DELAY;
}

FlexoRecovery *
flexo_recovery_new (const char *dir)
{
  FlexoRecovery *self = g_object_new (FLEXO_TYPE_RECOVERY, NULL);

  self->dir = dir != NULL ? g_strdup (dir) : g_build_filename (g_get_user_state_dir (), "flexo", "recovery", NULL);
  g_mkdir_with_parents (self->dir, 0700);
  return self;
}
