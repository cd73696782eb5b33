/* flexo-xml-reader.c — a safe streaming XML reader
 *
 * A pull parser of its own, for speed and for what a file loader needs
 * against hostile input: it knows no DTD at all (a DOCTYPE is refused), so
 * no entity but the five predefined ones and character references, no
 * network and no external resource ever; bounded depth, sizes and
 * decompressed size; every character checked (UTF-8, and those XML 1.0
 * allows); every error as "FILE:LINE: message".
 *
 * The input goes through a window that slides over the file (decompressed
 * on the fly when gzip): a start tag is copied out of it and decoded in
 * place, so its attributes stay readable while the reader goes on to the
 * element's text and end. Names are interned for the reader's lifetime.
 * Documents in another encoding than UTF-8 (declared, or UTF-16 by its
 * byte order mark) are converted as a whole first.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "flexo-types.h"
#include "flexo-xml.h"

G_DEFINE_QUARK (flexo-xml-error-quark, flexo_xml_error)

#define RAW_BUFFER_SIZE (64 * 1024)
/* What the window reads at a time, at least */
#define CHUNK_SIZE (256 * 1024)
/* Decompressed by a call of zlib at most (see input_read_decompressed()) */
#define DECOMPRESS_STEP (16 * 1024)
/* A start tag holds at most this much (its attributes are limited each) */
#define MAX_TAG_LENGTH (4 * FLEXO_XML_MAX_ATTRIBUTE_LENGTH)
/* Attributes of an element beyond which duplicates are found by hashing */
#define FEW_ATTRIBUTES 16

typedef struct
{
  const char *name;
  const char *value;
} Attribute;

/* A start tag, copied out of the window and decoded in place */
typedef struct
{
  char      *data;
  gsize      size;
  Attribute *attributes;  /* pointing into data */
  guint      n_attributes;
  guint      attributes_size;
} Tag;

/* Recently seen names, by a hash of their length and ends */
#define NAME_CACHE_SIZE 64

typedef struct
{
  const char *name;
  gsize       len;
} CachedName;

typedef enum
{
  TOKEN_ERROR = -1,
  TOKEN_EOF,
  TOKEN_START,
  TOKEN_END,
} Token;

struct _FlexoXmlReader
{
  char         *display_name;

  /* Raw input: a file descriptor read through raw, or bytes */
  int           fd;
  GBytes       *bytes;
  guint8       *raw;
  const guint8 *in;
  gsize         in_len;
  gsize         in_pos;
  gboolean      in_eof;
  GConverter   *decompressor;
  char         *damage;      /* met after what the last read gave */
  guint64       total;
  guint64       max_input_size;

  /* The window over the decoded document: [pos, valid) is checked UTF-8
   * not yet consumed, [valid, len) bytes not yet checked. */
  char         *buf;
  gsize         buf_size;
  gsize         pos;
  gsize         valid;
  gsize         len;
  gboolean      source_done;  /* everything is in the window */
  gboolean      sniffed;      /* the encoding was looked at */
  gboolean      started;      /* something of the document was read */
  gsize         line_pos;     /* lines are counted up to here… */
  int           line_no;      /* …where this line is */

  /* The document */
  GHashTable   *names;        /* interned names */
  CachedName    name_cache[NAME_CACHE_SIZE];
  const char   *open[FLEXO_XML_MAX_DEPTH];         /* interned names of the open elements */
  int           start_lines[FLEXO_XML_MAX_DEPTH];  /* the line of each */
  guint         n_open;
  gboolean      seen_root;
  gboolean      root_closed;
  Tag           tag;          /* the current start tag */
  Tag           skipped;      /* start tags inside a skipped element */
  GHashTable   *seen_attributes;

  /* The current element */
  const char   *name;
  int           depth;
  int           line;
  gboolean      is_end;
  gboolean      is_empty;
  gboolean      pending_end;  /* its end was read: the next call returns it */

  GError       *error;        /* the first error; sticky */
  gboolean      done;
};

static void reader_set_error (FlexoXmlReader *r,
                              FlexoXmlError   code,
                              int             line,
                              const char     *format,
                              ...) G_GNUC_PRINTF (4, 5);

/* Records the first error of the document; later ones are consequences. */
static void
reader_set_error (FlexoXmlReader *r,
                  FlexoXmlError   code,
                  int             line,
                  const char     *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (r->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  r->error = g_error_new (FLEXO_XML_ERROR, code, "%s:%d: %s",
                          r->display_name, MAX (line, 1), message);
}

/* An attribute value or text, short enough for a message */
static char *
quote_for_message (const char *value)
{
  if (g_utf8_strlen (value, -1) > 40)
    {
      g_autofree char *start = g_utf8_substring (value, 0, 40);

      return g_strconcat (start, "…", NULL);
    }

  return g_strdup (value);
}

/* The line of the byte at @offset of the window (never before the last
 * one asked for). */
static int
line_at (FlexoXmlReader *r,
         gsize           offset)
{
  const char *p = r->buf + r->line_pos;
  const char *end = r->buf + MIN (offset, r->len);

  if (end <= p)
    return r->line_no;
  while ((p = memchr (p, '\n', end - p)) != NULL)
    {
      r->line_no++;
      p++;
    }
  r->line_pos = end - r->buf;
  return r->line_no;
}

/* ---------------------------------------------------------------- input -- */

/* Reads more raw bytes, keeping the unconsumed ones. Returns 0 or an errno. */
static int
input_fill (FlexoXmlReader *r)
{
  gsize keep;

  if (r->fd < 0)
    {
      r->in_eof = TRUE;
      return 0;
    }

  keep = r->in_len - r->in_pos;
  if (keep > 0 && r->in_pos > 0)
    memmove (r->raw, r->raw + r->in_pos, keep);
  r->in_len = keep;
  r->in_pos = 0;

  while (r->in_len < RAW_BUFFER_SIZE)
    {
      gssize n = read (r->fd, r->raw + r->in_len, RAW_BUFFER_SIZE - r->in_len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return errno;
      if (n == 0)
        r->in_eof = TRUE;
      r->in_len += n;
      break;
    }

  return 0;
}

static gboolean
input_fill_or_set_error (FlexoXmlReader *r)
{
  int saved_errno = input_fill (r);

  if (saved_errno != 0)
    {
      reader_set_error (r, FLEXO_XML_ERROR_IO, line_at (r, r->len),
                        _("cannot read the file: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gssize
input_read_plain (FlexoXmlReader *r,
                  char           *buffer,
                  gsize           len)
{
  gsize n;

  if (r->fd < 0)
    {
      /* Bytes: read straight from them */
      n = MIN (len, r->in_len - r->in_pos);
      if (n > 0)
        memcpy (buffer, r->in + r->in_pos, n);
      r->in_pos += n;
      return n;
    }
  if (r->in_pos == r->in_len)
    {
      if (r->in_eof)
        return 0;
      /* Large reads go straight into the window. */
      if (len >= RAW_BUFFER_SIZE)
        {
          for (;;)
            {
              gssize got = read (r->fd, buffer, len);

              if (got < 0 && errno == EINTR)
                continue;
              if (got < 0)
                {
                  reader_set_error (r, FLEXO_XML_ERROR_IO, line_at (r, r->len),
                                    _("cannot read the file: %s"), g_strerror (errno));
                  return -1;
                }
              if (got == 0)
                r->in_eof = TRUE;
              return got;
            }
        }
      if (!input_fill_or_set_error (r))
        return -1;
    }

  n = MIN (len, r->in_len - r->in_pos);
  memcpy (buffer, r->in + r->in_pos, n);
  r->in_pos += n;

  return n;
}

/* One call of the decompressor: the bytes it gave, 0 at the end, -1 on
 * an error, set, or in *@damage when the data is at fault. */
static gssize
decompress_step (FlexoXmlReader *r,
                 char           *buffer,
                 gsize           len,
                 char          **damage)
{
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      GConverterResult result;
      gsize n_read = 0;
      gsize n_written = 0;

      if (r->in_pos == r->in_len && !r->in_eof)
        {
          if (!input_fill_or_set_error (r))
            return -1;
          continue;
        }

      result = g_converter_convert (r->decompressor,
                                    r->in + r->in_pos, r->in_len - r->in_pos,
                                    buffer, len,
                                    r->in_eof ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                    &n_read, &n_written, &local_error);
      r->in_pos += n_read;

      if (result == G_CONVERTER_ERROR)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
            {
              if (!r->in_eof)
                {
                  if (!input_fill_or_set_error (r))
                    return -1;
                  continue;
                }
              *damage = g_strdup (_("the compressed data is truncated"));
            }
          else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
            *damage = g_strdup (_("the compressed data is damaged after this line"));
          else
            *damage = g_strdup_printf (_("the compressed data cannot be read: %s"), local_error->message);
          return -1;
        }

      if (n_written > 0)
        return n_written;

      if (result == G_CONVERTER_FINISHED)
        {
          /* Another gzip member may follow, as "cat a.gz b.gz" gives */
          if (r->in_pos == r->in_len && !r->in_eof && !input_fill_or_set_error (r))
            return -1;
          if (r->in_pos == r->in_len)
            return 0;
          g_converter_reset (r->decompressor);
        }
    }
}

/* zlib gives nothing of a call that meets damaged data: the document is
 * decompressed a step at a time, and the damage reported at the next
 * read, once what came before it is in the window, so that the error's
 * line is near it. */
static gssize
input_read_decompressed (FlexoXmlReader *r,
                         char           *buffer,
                         gsize           len)
{
  gsize done = 0;

  if (r->damage != NULL)
    {
      reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line_at (r, r->len), "%s", r->damage);
      return -1;
    }
  while (done < len)
    {
      g_autofree char *damage = NULL;
      gssize n = decompress_step (r, buffer + done, MIN (len - done, DECOMPRESS_STEP), &damage);

      if (n > 0)
        {
          done += n;
          continue;
        }
      if (n < 0 && damage != NULL && done == 0)
        reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line_at (r, r->len), "%s", damage);
      else if (n < 0 && damage != NULL)
        r->damage = g_steal_pointer (&damage);
      if (n < 0 && done == 0)
        return -1;
      break;
    }
  return done;
}

/* Up to @len bytes of the document into @buffer: 0 at its end, -1 on an
 * error (set). */
static gssize
source_read (FlexoXmlReader *r,
             char           *buffer,
             gsize           len)
{
  gssize n;

  if (r->error != NULL)
    return -1;

  n = r->decompressor != NULL ? input_read_decompressed (r, buffer, len)
                              : input_read_plain (r, buffer, len);
  if (n <= 0)
    return n;

  r->total += n;
  if (r->total > r->max_input_size)
    {
      g_autofree char *size = g_format_size_full (r->max_input_size, G_FORMAT_SIZE_IEC_UNITS);

      if (r->decompressor != NULL)
        reader_set_error (r, FLEXO_XML_ERROR_TOO_LARGE, line_at (r, r->len),
                          _("the decompressed document is larger than %s"), size);
      else
        reader_set_error (r, FLEXO_XML_ERROR_TOO_LARGE, line_at (r, r->len),
                          _("the document is larger than %s"), size);
      return -1;
    }

  return n;
}

/* ----------------------------------------------------------- the window -- */

static void
window_reserve (FlexoXmlReader *r,
                gsize           extra)
{
  if (r->buf_size - r->len >= extra)
    return;
  r->buf_size = MAX (r->buf_size * 2, r->len + extra);
  r->buf = g_realloc (r->buf, r->buf_size + 1);
}

/* Checks [valid, len): UTF-8, and only characters XML 1.0 allows. A
 * sequence cut by the end of the window waits for the next read. */
static gboolean
window_check (FlexoXmlReader *r)
{
  const guint8 *p = (const guint8 *) r->buf;
  gsize i = r->valid, n = r->len;

  while (i < n)
    {
      guint8 c;
      guint k;
      gunichar u;

      /* Eight plain ASCII characters at a time */
      while (i + 8 <= n)
        {
          guint64 w;

          memcpy (&w, p + i, 8);
          if ((w & G_GUINT64_CONSTANT (0x8080808080808080)) != 0 ||
              ((w - G_GUINT64_CONSTANT (0x2020202020202020)) & ~w &
               G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
          i += 8;
        }
      if (i >= n)
        break;

      c = p[i];
      if (c < 0x80)
        {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            {
              reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line_at (r, i),
                                _("the character U+%04X is not allowed in XML"), c);
              return FALSE;
            }
          i++;
          continue;
        }

      if (c >= 0xc2 && c <= 0xdf)
        k = 2, u = c & 0x1f;
      else if (c >= 0xe0 && c <= 0xef)
        k = 3, u = c & 0x0f;
      else if (c >= 0xf0 && c <= 0xf4)
        k = 4, u = c & 0x07;
      else
        goto invalid;
      if (i + k > n)
        {
          if (r->source_done)
            goto invalid;
          break;
        }
      for (guint j = 1; j < k; j++)
        {
          if ((p[i + j] & 0xc0) != 0x80)
            goto invalid;
          u = (u << 6) | (p[i + j] & 0x3f);
        }
      if ((k == 3 && u < 0x800) || (k == 4 && (u < 0x10000 || u > 0x10ffff)) ||
          (u >= 0xd800 && u <= 0xdfff) || u == 0xfffe || u == 0xffff)
        goto invalid;
      i += k;
      continue;

    invalid:
      {
        g_autoptr(GString) bytes = g_string_new (NULL);

        for (gsize j = i; j < n && j < i + 4; j++)
          g_string_append_printf (bytes, "%s0x%02X", j > i ? " " : "", p[j]);
        reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line_at (r, i),
                          _("the text is not valid UTF-8 (bytes %s)"), bytes->str);
        return FALSE;
      }
    }

  r->valid = i;
  return TRUE;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The encoding the document declares in its first bytes, or NULL for
 * UTF-8 (or a subset of it). */
static char *
declared_encoding (const char *p,
                   gsize       n)
{
  const char *end, *e, *q;
  char quote;

  if (n < 6 || memcmp (p, "<?xml", 5) != 0 || !is_space (p[5]))
    return NULL;
  end = memmem (p, MIN (n, 1024), "?>", 2);
  if (end == NULL)
    return NULL;
  e = memmem (p, end - p, "encoding", 8);
  if (e == NULL)
    return NULL;
  e += 8;
  while (e < end && is_space (*e))
    e++;
  if (e >= end || *e++ != '=')
    return NULL;
  while (e < end && is_space (*e))
    e++;
  if (e >= end || (*e != '"' && *e != '\''))
    return NULL;
  quote = *e++;
  q = memchr (e, quote, end - e);
  if (q == NULL || q == e)
    return NULL;
  {
    g_autofree char *name = g_strndup (e, q - e);

    if (g_ascii_strcasecmp (name, "UTF-8") == 0 || g_ascii_strcasecmp (name, "UTF8") == 0 ||
        g_ascii_strcasecmp (name, "US-ASCII") == 0 || g_ascii_strcasecmp (name, "ASCII") == 0)
      return NULL;
    return g_steal_pointer (&name);
  }
}

/* Replaces the window's content (all of the document, read to its end) by
 * its conversion from @encoding, skipping @skip bytes (a byte order mark). */
static gboolean
window_convert (FlexoXmlReader *r,
                const char     *encoding,
                gsize           skip)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *converted = NULL;
  gsize n_written = 0;

  for (;;)
    {
      gssize n;

      window_reserve (r, CHUNK_SIZE);
      n = source_read (r, r->buf + r->len, r->buf_size - r->len);
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      r->len += n;
    }
  r->source_done = TRUE;

  converted = g_convert (r->buf + skip, r->len - skip, "UTF-8", encoding, NULL, &n_written, &local_error);
  if (converted == NULL)
    {
      reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, 1,
                        _("cannot read the document as %s: %s"), encoding, local_error->message);
      return FALSE;
    }
  g_free (r->buf);
  r->buf = g_steal_pointer (&converted);
  r->buf_size = n_written;
  r->len = n_written;
  r->pos = r->valid = r->line_pos = 0;
  r->buf = g_realloc (r->buf, r->buf_size + 1);
  return TRUE;
}

/* The first bytes: a byte order mark, UTF-16, a declared encoding. */
static gboolean
window_sniff (FlexoXmlReader *r)
{
  const guint8 *p = (const guint8 *) r->buf;
  g_autofree char *encoding = NULL;

  r->sniffed = TRUE;
  if (r->len >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff)))
    return window_convert (r, p[0] == 0xff ? "UTF-16LE" : "UTF-16BE", 2);
  if (r->len >= 4 && p[0] == '<' && p[1] == 0 && p[2] == '?' && p[3] == 0)
    return window_convert (r, "UTF-16LE", 0);
  if (r->len >= 4 && p[0] == 0 && p[1] == '<' && p[2] == 0 && p[3] == '?')
    return window_convert (r, "UTF-16BE", 0);
  /* A UTF-8 byte order mark says the encoding, whatever is declared. */
  if (r->len >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
    {
      r->pos = r->valid = r->line_pos = 3;
      return TRUE;
    }
  encoding = declared_encoding (r->buf, r->len);
  if (encoding != NULL)
    return window_convert (r, encoding, 0);
  return TRUE;
}

/* Brings more of the document into the window, keeping [pos, len).
 * Returns FALSE when nothing more will come (the end, or an error). */
static gboolean
window_fill (FlexoXmlReader *r)
{
  gssize n;

  if (r->error != NULL)
    return FALSE;
  if (r->source_done)
    {
      /* A sequence cut by the end is now an error. */
      if (r->valid < r->len)
        window_check (r);
      return FALSE;
    }

  if (r->pos > 0)
    {
      line_at (r, r->pos);
      memmove (r->buf, r->buf + r->pos, r->len - r->pos);
      r->len -= r->pos;
      r->valid -= r->pos;
      r->line_pos -= r->pos;
      r->pos = 0;
    }
  window_reserve (r, CHUNK_SIZE);
  n = source_read (r, r->buf + r->len, r->buf_size - r->len);
  if (n < 0)
    return FALSE;
  if (n == 0)
    r->source_done = TRUE;
  r->len += n;
  if (!r->sniffed && !window_sniff (r))
    return FALSE;
  if (!window_check (r))
    return FALSE;
  return n > 0 || r->valid < r->len;
}

/* Makes at least @n checked bytes available from pos, if the document
 * has them. */
static gsize
window_ensure (FlexoXmlReader *r,
               gsize           n)
{
  while (r->valid - r->pos < n && window_fill (r))
    ;
  return r->valid - r->pos;
}

/* The offset from pos of @needle at or after @from, reading on as needed;
 * -1 at the end of the document (no error set) or on an error. */
static gssize
window_find (FlexoXmlReader *r,
             gsize           from,
             const char     *needle,
             gsize           needle_len,
             gsize           max)
{
  for (;;)
    {
      gsize avail = r->valid - r->pos;

      if (avail >= from + needle_len)
        {
          const char *start = r->buf + r->pos + from;
          const char *hit = needle_len == 1 ? memchr (start, needle[0], avail - from)
                                            : memmem (start, avail - from, needle, needle_len);

          if (hit != NULL)
            return hit - (r->buf + r->pos);
          from = avail - needle_len + 1;
        }
      if (avail > max)
        {
          reader_set_error (r, FLEXO_XML_ERROR_TOO_LARGE, line_at (r, r->pos),
                            _("a tag, attribute value or text is too large"));
          return -1;
        }
      if (!window_fill (r))
        return -1;
    }
}

static void
set_unexpected_end (FlexoXmlReader *r)
{
  reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line_at (r, r->len),
                    _("unexpected end of the document"));
}

/* ----------------------------------------------------------- references -- */

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xa || c == 0xd || (c >= 0x20 && c <= 0xd7ff) ||
         (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/* Decodes the reference at @p ('&'), before @end: its UTF-8 into @out
 * (which has room for 6 bytes), its length in @consumed. Returns the
 * number of bytes written, or -1 with the error set. */
static int
decode_reference (FlexoXmlReader *r,
                  const char     *p,
                  const char     *end,
                  int             line,
                  char           *out,
                  gsize          *consumed)
{
  const char *semicolon = memchr (p, ';', MIN (end - p, 16));

  if (semicolon == NULL)
    {
      reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line,
                        _("an “&” that starts no reference (write “&amp;”)"));
      return -1;
    }
  *consumed = semicolon + 1 - p;

  if (p[1] == '#')
    {
      gunichar c = 0;
      gboolean hex = p[2] == 'x';
      const char *q = p + (hex ? 3 : 2);

      if (q == semicolon)
        goto bad_char;
      for (; q < semicolon; q++)
        {
          int d = hex ? g_ascii_xdigit_value (*q) : g_ascii_digit_value (*q);

          if (d < 0 || c > 0x10ffff)
            goto bad_char;
          c = c * (hex ? 16 : 10) + d;
        }
      if (!is_xml_char (c))
        goto bad_char;
      return g_unichar_to_utf8 (c, out);

    bad_char:
      {
        g_autofree char *ref = g_strndup (p, semicolon + 1 - p);

        reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line,
                          _("“%s” is not a character XML allows"), ref);
        return -1;
      }
    }

  switch (semicolon - p)
    {
    case 3:
      if (memcmp (p, "&lt;", 4) == 0)
        return out[0] = '<', 1;
      if (memcmp (p, "&gt;", 4) == 0)
        return out[0] = '>', 1;
      break;
    case 4:
      if (memcmp (p, "&amp;", 5) == 0)
        return out[0] = '&', 1;
      break;
    case 5:
      if (memcmp (p, "&quot;", 6) == 0)
        return out[0] = '"', 1;
      if (memcmp (p, "&apos;", 6) == 0)
        return out[0] = '\'', 1;
      break;
    default:
      break;
    }

  {
    g_autofree char *ref = g_strndup (p, semicolon + 1 - p);

    reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line,
                      _("the entity “%s” is not defined"), ref);
  }
  return -1;
}

/* ----------------------------------------------------------------- text -- */

/* Character data [p, end): appended to @out (references decoded, line
 * ends normalized) or, when NULL, only checked. Outside the root, only
 * white space is allowed. */
static gboolean
take_text (FlexoXmlReader *r,
           const char     *p,
           const char     *end,
           GString        *out)
{
  if (r->n_open == 0)
    {
      for (const char *q = p; q < end; q++)
        if (!is_space (*q))
          {
            reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line_at (r, q - r->buf),
                              r->seen_root ? _("text after the root element")
                                           : _("text before the root element"));
            return FALSE;
          }
      return TRUE;
    }

  while (p < end)
    {
      const char *special = p;

      while (special < end && *special != '&' && *special != '\r' && *special != ']')
        special++;
      if (out != NULL)
        g_string_append_len (out, p, special - p);
      if (special >= end)
        break;
      p = special;
      if (*p == '&')
        {
          char utf8[8];
          gsize consumed = 0;
          int n = decode_reference (r, p, end, line_at (r, p - r->buf), utf8, &consumed);

          if (n < 0)
            return FALSE;
          if (out != NULL)
            g_string_append_len (out, utf8, n);
          p += consumed;
        }
      else if (*p == '\r')
        {
          if (out != NULL)
            g_string_append_c (out, '\n');
          p += p + 1 < end && p[1] == '\n' ? 2 : 1;
        }
      else
        {
          if (end - p >= 3 && p[1] == ']' && p[2] == '>')
            {
              reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line_at (r, p - r->buf),
                                _("“]]>” in text"));
              return FALSE;
            }
          if (out != NULL)
            g_string_append_c (out, ']');
          p++;
        }
    }
  return TRUE;
}

/* The text from pos up to the next “<”, or as much of it as can be read
 * whole (a reference or a “]]>” cut by the window waits). */
static gboolean
scan_text (FlexoXmlReader *r,
           GString        *out)
{
  gsize from = 0;

  for (;;)
    {
      const char *start = r->buf + r->pos;
      gsize avail = r->valid - r->pos;
      const char *lt = memchr (start + from, '<', avail - from);
      const char *end;

      if (lt != NULL)
        end = lt;
      else if (r->source_done && r->valid == r->len)
        end = start + avail;
      else
        {
          /* Keep what may be the start of a reference or of "]]>". */
          const char *amp = avail > 0 ? memrchr (start, '&', avail) : NULL;

          end = start + avail;
          if (amp != NULL && memchr (amp, ';', end - amp) == NULL)
            end = amp;
          while (end > start && end > start + avail - 2 && end[-1] == ']')
            end--;
          if (end == start)
            {
              from = avail;
              if (avail > FLEXO_XML_MAX_TEXT_LENGTH)
                {
                  reader_set_error (r, FLEXO_XML_ERROR_TOO_LARGE, line_at (r, r->pos),
                                    _("a tag, attribute value or text is too large"));
                  return FALSE;
                }
              if (!window_fill (r))
                {
                  if (r->error == NULL)
                    set_unexpected_end (r);
                  return FALSE;
                }
              continue;
            }
        }

      if (!take_text (r, start, end, out))
        return FALSE;
      r->pos = end - r->buf;
      return TRUE;
    }
}

/* ----------------------------------------------------------------- tags -- */

/* Name characters: 1 can start a name, 2 can be in one (ASCII letters,
 * "_", ":", digits, "-", ".", and any byte of a non-ASCII character). */
static const guint8 name_chars[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 0, 0, 0, 0, 0,
  0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 3,
  0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};

static inline gboolean
is_name_start (guchar c)
{
  return name_chars[c] & 1;
}

static inline gboolean
is_name_char (guchar c)
{
  return name_chars[c] & 2;
}

/* The interned copy of the name [p, p + n). */
static const char *
intern_name (FlexoXmlReader *r,
             const char     *p,
             gsize           n)
{
  CachedName *cached = &r->name_cache[(n * 31 + (guchar) p[0] * 7 + (guchar) p[n - 1]) % NAME_CACHE_SIZE];
  char *interned;

  if (cached->name != NULL && cached->len == n && memcmp (cached->name, p, n) == 0)
    return cached->name;

  {
    g_autofree char *name = g_strndup (p, n);

    interned = g_hash_table_lookup (r->names, name);
    if (interned == NULL)
      {
        interned = g_steal_pointer (&name);
        g_hash_table_add (r->names, interned);
      }
  }
  cached->name = interned;
  cached->len = n;
  return interned;
}

/* The length of the name at @p, 0 if there is none. */
static inline gsize
name_length (const char *p,
             const char *end)
{
  const char *q = p;

  if (q >= end || !is_name_start (*q))
    return 0;
  while (q < end && is_name_char (*q))
    q++;
  return q - p;
}

/* Decodes an attribute value in place, [p, end) → p, NUL-terminated:
 * references, and white space as a space (XML's normalization). */
static gboolean
decode_attribute (FlexoXmlReader *r,
                  char           *p,
                  char           *end,
                  int             line)
{
  char *w;

  /* Most values have nothing to decode. */
  while (p < end && ((guchar) *p > '&' || (*p != '&' && (guchar) *p >= ' ')))
    p++;
  w = p;
  while (p < end)
    {
      char c = *p;

      if (c == '&')
        {
          char utf8[8];
          gsize consumed = 0;
          int n = decode_reference (r, p, end, line, utf8, &consumed);

          if (n < 0)
            return FALSE;
          /* A reference is never shorter than what it stands for. */
          memcpy (w, utf8, n);
          w += n;
          p += consumed;
        }
      else if (c == '\r')
        {
          *w++ = ' ';
          p += p + 1 < end && p[1] == '\n' ? 2 : 1;
        }
      else
        {
          *w++ = c == '\t' || c == '\n' ? ' ' : c;
          p++;
        }
    }
  *w = '\0';
  return TRUE;
}

static gboolean
check_duplicate (FlexoXmlReader *r,
                 Tag            *tag,
                 const char     *element,
                 const char     *name,
                 int             line)
{
  gboolean duplicate = FALSE;

  if (tag->n_attributes < FEW_ATTRIBUTES)
    {
      for (guint i = 0; i < tag->n_attributes && !duplicate; i++)
        duplicate = strcmp (tag->attributes[i].name, name) == 0;
    }
  else
    {
      if (tag->n_attributes == FEW_ATTRIBUTES)
        {
          g_hash_table_remove_all (r->seen_attributes);
          for (guint i = 0; i < tag->n_attributes; i++)
            g_hash_table_add (r->seen_attributes, (gpointer) tag->attributes[i].name);
        }
      duplicate = !g_hash_table_add (r->seen_attributes, (gpointer) name);
    }
  if (duplicate)
    reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line,
                      _("<%s> has the attribute “%s” twice"), element, name);
  return !duplicate;
}

/* Parses the start tag in @tag->data (“<”…“>”, NUL-terminated): its
 * interned name in @name_out, whether it ends with “/>”. */
static gboolean
parse_start_tag (FlexoXmlReader *r,
                 Tag            *tag,
                 gsize           size,
                 int             line,
                 const char    **name_out,
                 gboolean       *empty_out)
{
  char *p = tag->data + 1, *end = tag->data + size - 1;  /* at the final '>' */
  gsize n = name_length (p, end);
  const char *element;

  tag->n_attributes = 0;
  if (n == 0)
    {
      reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line, _("a “<” that starts no tag (write “&lt;”)"));
      return FALSE;
    }
  element = intern_name (r, p, n);
  p += n;
  *empty_out = FALSE;

  for (;;)
    {
      gboolean spaced = FALSE;
      Attribute attribute;
      char quote, *value, *close;

      while (p < end && is_space (*p))
        p++, spaced = TRUE;
      if (p == end)
        break;
      if (*p == '/' && p + 1 == end)
        {
          *empty_out = TRUE;
          break;
        }
      n = name_length (p, end);
      if (n == 0 || !spaced)
        {
          reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line,
                            _("the tag <%s> is malformed"), element);
          return FALSE;
        }
      attribute.name = p;
      p += n;
      while (p < end && is_space (*p))
        p++;
      if (p == end || *p != '=')
        goto malformed_attribute;
      ((char *) attribute.name)[n] = '\0';  /* over the '=' or a space */
      p++;
      while (p < end && is_space (*p))
        p++;
      if (p == end || (*p != '"' && *p != '\''))
        goto malformed_attribute;
      quote = *p++;
      value = p;
      close = memchr (value, quote, end - value);
      if (close == NULL)
        goto malformed_attribute;
      if ((gsize) (close - value) > FLEXO_XML_MAX_ATTRIBUTE_LENGTH)
        {
          g_autofree char *limit = g_format_size_full (FLEXO_XML_MAX_ATTRIBUTE_LENGTH,
                                                       G_FORMAT_SIZE_IEC_UNITS);

          reader_set_error (r, FLEXO_XML_ERROR_TOO_LARGE, line,
                            _("the attribute “%s” of <%s> is longer than %s"),
                            attribute.name, element, limit);
          return FALSE;
        }
      if (!decode_attribute (r, value, close, line))
        return FALSE;
      attribute.value = value;
      p = close + 1;

      /* Namespace declarations are not attributes. */
      if (attribute.name[0] == 'x' && strncmp (attribute.name, "xmlns", 5) == 0 &&
          (attribute.name[5] == '\0' || attribute.name[5] == ':'))
        continue;
      if (!check_duplicate (r, tag, element, attribute.name, line))
        return FALSE;
      if (tag->n_attributes == tag->attributes_size)
        {
          tag->attributes_size = MAX (8, 2 * tag->attributes_size);
          tag->attributes = g_renew (Attribute, tag->attributes, tag->attributes_size);
        }
      tag->attributes[tag->n_attributes++] = attribute;
      continue;

    malformed_attribute:
      {
        g_autofree char *name = g_strndup (attribute.name, n);

        reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line,
                          _("the attribute “%s” of <%s> is malformed"), name, element);
        return FALSE;
      }
    }

  *name_out = element;
  return TRUE;
}

/* The characters that matter in a tag: quotes, "<" and ">". */
static const guint8 tag_specials[256] = { ['"'] = 1, ['\''] = 1, ['<'] = 1, ['>'] = 1 };

/* The length from pos of the start tag there, up to its “>”; 0 on an
 * error. Quoted values may hold “>”, never “<”. */
static gsize
find_tag_end (FlexoXmlReader *r)
{
  gsize i = 1;
  char quote = 0;

  for (;;)
    {
      const guchar *start = (const guchar *) r->buf + r->pos;
      gsize avail = r->valid - r->pos;

      while (i < avail)
        {
          guchar c;

          while (i < avail && !tag_specials[start[i]])
            i++;
          if (i >= avail)
            break;
          c = start[i];
          if (quote != 0)
            {
              if (c == '<')
                {
                  reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line_at (r, r->pos),
                                    _("a “<” in an attribute value (write “&lt;”)"));
                  return 0;
                }
              if (c == (guchar) quote)
                quote = 0;
            }
          else if (c == '"' || c == '\'')
            quote = (char) c;
          else if (c == '>')
            return i + 1;
          else
            {
              reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line_at (r, r->pos),
                                _("a tag is not closed before the next “<”"));
              return 0;
            }
          i++;
        }
      if (i > MAX_TAG_LENGTH)
        {
          reader_set_error (r, FLEXO_XML_ERROR_TOO_LARGE, line_at (r, r->pos),
                            _("a tag, attribute value or text is too large"));
          return 0;
        }
      if (!window_fill (r))
        {
          if (r->error == NULL)
            set_unexpected_end (r);
          return 0;
        }
    }
}

typedef struct
{
  const char *name;
  int         depth;
  int         line;
  gboolean    empty;
} TokenInfo;

static Token
read_start_tag (FlexoXmlReader *r,
                Tag            *tag,
                TokenInfo      *info)
{
  int line = line_at (r, r->pos);
  gsize size = find_tag_end (r);

  if (size == 0)
    return TOKEN_ERROR;

  if (tag->size < size + 1)
    {
      tag->size = MAX (size + 1, tag->size * 2);
      tag->data = g_realloc (tag->data, tag->size);
    }
  memcpy (tag->data, r->buf + r->pos, size);
  tag->data[size] = '\0';
  r->pos += size;

  if (!parse_start_tag (r, tag, size, line, &info->name, &info->empty))
    return TOKEN_ERROR;

  if (r->n_open == 0 && r->seen_root)
    {
      reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line,
                        _("a second root element <%s>"), info->name);
      return TOKEN_ERROR;
    }
  if (r->n_open >= FLEXO_XML_MAX_DEPTH)
    {
      reader_set_error (r, FLEXO_XML_ERROR_TOO_DEEP, line,
                        _("nesting deeper than %d levels"), FLEXO_XML_MAX_DEPTH);
      return TOKEN_ERROR;
    }
  r->seen_root = TRUE;
  info->depth = r->n_open;
  info->line = line;
  if (info->empty)
    r->root_closed = r->n_open == 0;
  else
    {
      r->open[r->n_open] = info->name;
      r->start_lines[r->n_open++] = line;
    }
  return TOKEN_START;
}

static Token
read_end_tag (FlexoXmlReader *r,
              TokenInfo      *info)
{
  int line = line_at (r, r->pos);
  gssize gt = window_find (r, 2, ">", 1, 4096);
  const char *p, *end, *open_name;
  gsize n;

  if (gt < 0)
    {
      if (r->error == NULL)
        set_unexpected_end (r);
      return TOKEN_ERROR;
    }
  p = r->buf + r->pos + 2;
  end = r->buf + r->pos + gt;
  n = name_length (p, end);
  for (const char *q = p + n; q < end; q++)
    if (!is_space (*q))
      n = 0;
  if (n == 0)
    {
      reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line, _("a malformed end tag"));
      return TOKEN_ERROR;
    }
  if (r->n_open == 0)
    {
      g_autofree char *name = g_strndup (p, n);

      reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line,
                        _("the end tag </%s> closes no element"), name);
      return TOKEN_ERROR;
    }
  open_name = r->open[r->n_open - 1];
  if (strncmp (open_name, p, n) != 0 || open_name[n] != '\0')
    {
      g_autofree char *name = g_strndup (p, n);

      reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line,
                        _("the end tag </%s> does not match <%s> of line %d"), name, open_name,
                        r->start_lines[r->n_open - 1]);
      return TOKEN_ERROR;
    }

  r->pos += gt + 1;
  info->name = open_name;
  info->depth = r->n_open - 1;
  info->line = r->start_lines[info->depth];
  info->empty = FALSE;
  r->n_open--;
  if (r->n_open == 0)
    r->root_closed = TRUE;
  return TOKEN_END;
}

/* Comments, processing instructions, CDATA sections, declarations: what
 * starts with “<!” or “<?”. CDATA is appended to @out. */
static gboolean
read_markup (FlexoXmlReader *r,
             GString        *out,
             gboolean        at_start)
{
  gsize avail = window_ensure (r, 9);
  const char *s = r->buf + r->pos;
  int line = line_at (r, r->pos);
  gssize end;

  if (avail >= 4 && memcmp (s, "<!--", 4) == 0)
    {
      end = window_find (r, 4, "--", 2, G_MAXSIZE);
      if (end < 0)
        goto unexpected_end;
      if (window_ensure (r, end + 3) < (gsize) end + 3)
        goto unexpected_end;
      if (r->buf[r->pos + end + 2] != '>')
        {
          reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line_at (r, r->pos + end),
                            _("“--” inside a comment"));
          return FALSE;
        }
      r->pos += end + 3;
      return TRUE;
    }

  if (avail >= 9 && memcmp (s, "<![CDATA[", 9) == 0)
    {
      if (r->n_open == 0)
        {
          reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line, _("a CDATA section outside the root element"));
          return FALSE;
        }
      end = window_find (r, 9, "]]>", 3, FLEXO_XML_MAX_TEXT_LENGTH + 9);
      if (end < 0)
        goto unexpected_end;
      if (out != NULL)
        {
          const char *p = r->buf + r->pos + 9, *stop = r->buf + r->pos + end;

          /* Line ends normalized, nothing else. */
          while (p < stop)
            {
              const char *cr = memchr (p, '\r', stop - p);

              g_string_append_len (out, p, (cr != NULL ? cr : stop) - p);
              if (cr == NULL)
                break;
              g_string_append_c (out, '\n');
              p = cr + (cr + 1 < stop && cr[1] == '\n' ? 2 : 1);
            }
        }
      r->pos += end + 3;
      return TRUE;
    }

  if (avail >= 2 && s[1] == '?')
    {
      gsize n;

      end = window_find (r, 2, "?>", 2, G_MAXSIZE);
      if (end < 0)
        goto unexpected_end;
      s = r->buf + r->pos;
      n = name_length (s + 2, s + end);
      if (n == 0)
        {
          reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line, _("a malformed processing instruction"));
          return FALSE;
        }
      /* The XML declaration, only at the very start */
      if (n == 3 && g_ascii_strncasecmp (s + 2, "xml", 3) == 0 && !at_start)
        {
          reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line,
                            _("the XML declaration is not at the start of the document"));
          return FALSE;
        }
      r->pos += end + 2;
      return TRUE;
    }

  if (avail >= 9 && memcmp (s, "<!DOCTYPE", 9) == 0)
    reader_set_error (r, FLEXO_XML_ERROR_UNSAFE, line,
                      _("document type declarations (<!DOCTYPE …>) are not allowed"));
  else
    reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line, _("a malformed declaration"));
  return FALSE;

unexpected_end:
  if (r->error == NULL)
    set_unexpected_end (r);
  return FALSE;
}

/* Reads up to the next start or end tag, through text (appended to @out
 * when not NULL, else only checked), comments and the like; start tags
 * are parsed into @tag. */
static Token
read_token (FlexoXmlReader *r,
            Tag            *tag,
            GString        *out,
            TokenInfo      *info)
{
  for (;;)
    {
      gboolean at_start = !r->started;
      gsize avail;

      if (r->error != NULL)
        return TOKEN_ERROR;
      avail = r->valid - r->pos;
      if (avail == 0)
        {
          if (window_fill (r))
            continue;
          if (r->error != NULL)
            return TOKEN_ERROR;
          if (r->n_open > 0 || !r->seen_root)
            {
              if (r->seen_root || r->len > 0)
                set_unexpected_end (r);
              else
                reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, 1, _("the document is empty"));
              return TOKEN_ERROR;
            }
          return TOKEN_EOF;
        }

      r->started = TRUE;
      if (r->buf[r->pos] != '<')
        {
          if (!scan_text (r, out))
            return TOKEN_ERROR;
          continue;
        }

      avail = window_ensure (r, 2);
      if (avail >= 2 && r->buf[r->pos + 1] == '/')
        return read_end_tag (r, info);
      if (avail >= 2 && (r->buf[r->pos + 1] == '!' || r->buf[r->pos + 1] == '?'))
        {
          if (!read_markup (r, out, at_start))
            return TOKEN_ERROR;
          continue;
        }
      return read_start_tag (r, tag, info);
    }
}

/* --------------------------------------------------------- construction -- */

static void
tag_clear (Tag *tag)
{
  g_free (tag->data);
  g_free (tag->attributes);
}

static FlexoXmlReader *
reader_new (char    *display_name,
            int      fd,
            GBytes  *bytes,
            GError **error)
{
  FlexoXmlReader *r = g_new0 (FlexoXmlReader, 1);

  r->display_name = display_name;
  r->fd = fd;
  r->max_input_size = FLEXO_XML_MAX_INPUT_SIZE;
  r->line_no = 1;
  r->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->seen_attributes = g_hash_table_new (g_str_hash, g_str_equal);

  if (bytes != NULL)
    {
      r->bytes = g_bytes_ref (bytes);
      r->in = g_bytes_get_data (bytes, &r->in_len);
      r->in_eof = TRUE;
    }
  else
    {
      r->raw = g_malloc (RAW_BUFFER_SIZE);
      r->in = r->raw;
      while (r->in_len < 2 && !r->in_eof)
        {
          int saved_errno = input_fill (r);

          if (saved_errno != 0)
            {
              g_set_error (error, FLEXO_XML_ERROR, FLEXO_XML_ERROR_IO,
                           _("%s: cannot read the file: %s"),
                           display_name, g_strerror (saved_errno));
              flexo_xml_reader_free (r);
              return NULL;
            }
        }
    }

  if (r->in_len >= 2 && r->in[0] == 0x1f && r->in[1] == 0x8b)
    r->decompressor = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));

  return r;
}

/**
 * flexo_xml_reader_new_for_path:
 * @path: a file name, in the GLib file name encoding
 *
 * Opens @path for reading; gzip-compressed content is decompressed on the
 * fly. Errors name the file as g_filename_display_name() gives it.
 *
 * Only an unopenable file fails here (%FLEXO_XML_ERROR_IO, "FILE: reason");
 * everything about the content is reported by
 * flexo_xml_reader_next_element().
 *
 * Returns: (transfer full) (nullable): a reader
 */
FlexoXmlReader *
flexo_xml_reader_new_for_path (const char  *path,
                               GError     **error)
{
  g_autofree char *display_name = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, FLEXO_XML_ERROR, FLEXO_XML_ERROR_IO,
                   _("%s: cannot open the file: %s"),
                   display_name, g_strerror (saved_errno));
      return NULL;
    }

  return reader_new (g_steal_pointer (&display_name), fd, NULL, error);
}

/**
 * flexo_xml_reader_new_for_bytes:
 * @bytes: the document, possibly gzip-compressed
 * @display_name: the name of the document in error messages
 *
 * Returns: (transfer full): a reader over @bytes (it keeps a reference)
 */
FlexoXmlReader *
flexo_xml_reader_new_for_bytes (GBytes      *bytes,
                                const char  *display_name,
                                GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return reader_new (g_strdup (display_name), -1, bytes, error);
}

void
flexo_xml_reader_free (FlexoXmlReader *r)
{
  if (r == NULL)
    return;

  if (r->fd >= 0)
    g_close (r->fd, NULL);

  tag_clear (&r->tag);
  tag_clear (&r->skipped);
  g_clear_pointer (&r->seen_attributes, g_hash_table_unref);
  g_clear_pointer (&r->names, g_hash_table_unref);
  g_clear_pointer (&r->bytes, g_bytes_unref);
  g_clear_object (&r->decompressor);
  g_clear_pointer (&r->damage, g_free);
  g_clear_error (&r->error);
  g_free (r->buf);
  g_free (r->raw);
  g_free (r->display_name);
  g_free (r);
}

/**
 * flexo_xml_reader_set_max_input_size:
 * @max_size: the largest (decompressed) document accepted, in bytes
 *
 * For tests: lowers the limit of %FLEXO_XML_MAX_INPUT_SIZE bytes so that a
 * gzip bomb can be simulated cheaply. Call it before the first
 * flexo_xml_reader_next_element().
 */
void
flexo_xml_reader_set_max_input_size (FlexoXmlReader *r,
                                     guint64         max_size)
{
  g_return_if_fail (r != NULL);

  r->max_input_size = max_size;
}

const char *
flexo_xml_reader_get_display_name (FlexoXmlReader *r)
{
  g_return_val_if_fail (r != NULL, NULL);

  return r->display_name;
}

/* ------------------------------------------------------------ iteration -- */

static gboolean
propagate_reader_error (FlexoXmlReader  *r,
                        GError         **error)
{
  if (r->error != NULL)
    g_propagate_error (error, g_error_copy (r->error));

  return FALSE;
}

/**
 * flexo_xml_reader_next_element:
 *
 * Advances to the next start or end of an element, skipping text,
 * whitespace, comments and processing instructions. Every start is
 * followed, after the element's content, by exactly one end, also for an
 * empty element `<x/>` (flexo_xml_reader_is_empty_element() tells it).
 *
 * Call it until it returns %FALSE: the end of the document is where
 * trailing garbage is found.
 *
 * Returns: %TRUE on an element; %FALSE at the end of the document (@error
 *   unset) or on an error, which is then returned again by every later call
 */
gboolean
flexo_xml_reader_next_element (FlexoXmlReader  *r,
                               GError         **error)
{
  TokenInfo info;
  Token token;

  g_return_val_if_fail (r != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (r->error != NULL || r->done)
    return propagate_reader_error (r, error);

  if (r->pending_end)
    {
      r->pending_end = FALSE;
      r->is_end = TRUE;
      return TRUE;
    }

  token = read_token (r, &r->tag, NULL, &info);
  if (token == TOKEN_START || token == TOKEN_END)
    {
      r->name = info.name;
      r->depth = info.depth;
      r->line = info.line;
      r->is_end = token == TOKEN_END;
      r->is_empty = token == TOKEN_START && info.empty;
      r->pending_end = r->is_empty;
      if (token == TOKEN_END)
        r->tag.n_attributes = 0;
      return TRUE;
    }

  if (token == TOKEN_EOF)
    {
      r->done = TRUE;
      r->name = NULL;
      r->tag.n_attributes = 0;
    }
  return propagate_reader_error (r, error);
}

/**
 * flexo_xml_reader_is_end:
 *
 * Returns: whether the current element is an end (`</x>`, or the end that
 *   follows `<x/>`)
 */
gboolean
flexo_xml_reader_is_end (FlexoXmlReader *r)
{
  g_return_val_if_fail (r != NULL, FALSE);

  return r->is_end;
}

/**
 * flexo_xml_reader_is_empty_element:
 *
 * Returns: whether the current element was written `<x/>` (`<x></x>` is
 *   not: it has a start and an end of its own, and read_text() gives "")
 */
gboolean
flexo_xml_reader_is_empty_element (FlexoXmlReader *r)
{
  g_return_val_if_fail (r != NULL, FALSE);

  return r->is_empty;
}

/**
 * flexo_xml_reader_get_name:
 *
 * Returns: (nullable): the name of the current element, owned by the reader
 *   and valid as long as it lives (names are interned)
 */
const char *
flexo_xml_reader_get_name (FlexoXmlReader *r)
{
  g_return_val_if_fail (r != NULL, NULL);

  return r->name;
}

/**
 * flexo_xml_reader_get_depth:
 *
 * Returns: the depth of the current element, 0 for the root
 */
int
flexo_xml_reader_get_depth (FlexoXmlReader *r)
{
  g_return_val_if_fail (r != NULL, 0);

  return r->depth;
}

/**
 * flexo_xml_reader_get_line:
 *
 * Returns: the line of the start tag of the current element, for a start
 *   as for an end, counted from 1
 */
int
flexo_xml_reader_get_line (FlexoXmlReader *r)
{
  g_return_val_if_fail (r != NULL, 0);

  return r->line > 0 ? r->line : MAX (r->line_no, 1);
}

/* Attributes */

/**
 * flexo_xml_reader_get_attribute:
 * @name: an attribute without namespace
 *
 * Returns: (nullable): the value of the attribute @name of the current
 *   element, or %NULL if it has none. The string is borrowed: it stays
 *   valid until the next flexo_xml_reader_next_element().
 */
const char *
flexo_xml_reader_get_attribute (FlexoXmlReader *r,
                                const char     *name)
{
  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (r->name == NULL || r->is_end)
    return NULL;

  for (guint i = 0; i < r->tag.n_attributes; i++)
    {
      const Attribute *a = &r->tag.attributes[i];

      if (a->name[0] == name[0] && strcmp (a->name, name) == 0)
        return a->value;
    }

  return NULL;
}

/**
 * flexo_xml_reader_require_attribute:
 *
 * Like flexo_xml_reader_get_attribute(), with a
 * %FLEXO_XML_ERROR_MISSING_ATTRIBUTE error if there is none.
 *
 * Returns: (nullable): the borrowed value, or %NULL with @error set
 */
const char *
flexo_xml_reader_require_attribute (FlexoXmlReader  *r,
                                    const char      *name,
                                    GError         **error)
{
  const char *value = flexo_xml_reader_get_attribute (r, name);

  if (value == NULL && r != NULL && name != NULL)
    flexo_xml_reader_error (r, error, FLEXO_XML_ERROR_MISSING_ATTRIBUTE,
                            _("<%s> lacks the attribute “%s”"),
                            r->name != NULL ? r->name : "", name);

  return value;
}

static void
invalid_value (FlexoXmlReader  *r,
               GError         **error,
               const char      *name,
               const char      *value,
               const char      *expected)
{
  g_autofree char *quoted = quote_for_message (value);

  /* TRANSLATORS: the last %s is "a number", "an integer" or "true or false" */
  flexo_xml_reader_error (r, error, FLEXO_XML_ERROR_INVALID_VALUE,
                          _("the attribute “%s” of <%s> is “%s”, not %s"),
                          name, r->name != NULL ? r->name : "", quoted, expected);
}

/**
 * flexo_xml_reader_get_double:
 * @out: (inout): where to store the value; left as is when the attribute
 *   is absent, so initialize it with the default
 *
 * Reads a finite number in decimal notation ("12", "-3.5", "1e3"), with
 * no surrounding space, independent of the locale.
 *
 * Returns: %FALSE with a %FLEXO_XML_ERROR_INVALID_VALUE error if the
 *   attribute is present and is not such a number; %TRUE otherwise
 */
gboolean
flexo_xml_reader_get_double (FlexoXmlReader  *r,
                             const char      *name,
                             double          *out,
                             GError         **error)
{
  const char *value;

  g_return_val_if_fail (out != NULL, FALSE);

  value = flexo_xml_reader_get_attribute (r, name);
  if (value == NULL)
    return TRUE;

  if (!flexo_strtod (value, out))
    {
      invalid_value (r, error, name, value, _("a number"));
      return FALSE;
    }

  return TRUE;
}

/**
 * flexo_xml_reader_get_int:
 * @out: (inout): as for flexo_xml_reader_get_double()
 *
 * Reads a decimal integer in the range of int.
 *
 * Returns: %FALSE with a %FLEXO_XML_ERROR_INVALID_VALUE error if the
 *   attribute is present and is not such an integer; %TRUE otherwise
 */
gboolean
flexo_xml_reader_get_int (FlexoXmlReader  *r,
                          const char      *name,
                          int             *out,
                          GError         **error)
{
  const char *value;

  g_return_val_if_fail (out != NULL, FALSE);

  value = flexo_xml_reader_get_attribute (r, name);
  if (value == NULL)
    return TRUE;

  if (!flexo_strtoi (value, out))
    {
      invalid_value (r, error, name, value, _("an integer"));
      return FALSE;
    }

  return TRUE;
}

/**
 * flexo_xml_reader_get_boolean:
 * @out: (inout): as for flexo_xml_reader_get_double()
 *
 * Reads "true" or "false".
 *
 * Returns: %FALSE with a %FLEXO_XML_ERROR_INVALID_VALUE error if the
 *   attribute is present and is neither; %TRUE otherwise
 */
gboolean
flexo_xml_reader_get_boolean (FlexoXmlReader  *r,
                              const char      *name,
                              gboolean        *out,
                              GError         **error)
{
  const char *value;

  g_return_val_if_fail (out != NULL, FALSE);

  value = flexo_xml_reader_get_attribute (r, name);
  if (value == NULL)
    return TRUE;

  if (strcmp (value, "true") == 0)
    *out = TRUE;
  else if (strcmp (value, "false") == 0)
    *out = FALSE;
  else
    {
      invalid_value (r, error, name, value, _("true or false"));
      return FALSE;
    }

  return TRUE;
}

/* Content */

/**
 * flexo_xml_reader_read_text:
 *
 * Reads the text content of the current element, a start, up to its end:
 * text and CDATA concatenated, comments skipped; a child element is a
 * %FLEXO_XML_ERROR_INVALID error. The next flexo_xml_reader_next_element()
 * returns the end of the element; its attributes stay readable until then.
 *
 * Returns: (transfer full) (nullable): the text, "" for an empty element,
 *   or %NULL with @error set
 */
char *
flexo_xml_reader_read_text (FlexoXmlReader  *r,
                            GError         **error)
{
  g_autoptr(GString) text = NULL;
  TokenInfo info;
  Token token;

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (r->error != NULL)
    {
      propagate_reader_error (r, error);
      return NULL;
    }

  g_return_val_if_fail (r->name != NULL && !r->is_end, NULL);

  if (r->is_empty)
    return g_strdup ("");

  g_return_val_if_fail (!r->pending_end, NULL);

  text = g_string_new (NULL);
  token = read_token (r, &r->skipped, text, &info);
  if (token == TOKEN_START)
    reader_set_error (r, FLEXO_XML_ERROR_INVALID, info.line,
                      _("<%s> has an element <%s> where only text is expected"),
                      r->name, info.name);
  else if (token == TOKEN_END && text->len > FLEXO_XML_MAX_TEXT_LENGTH)
    {
      g_autofree char *size = g_format_size_full (FLEXO_XML_MAX_TEXT_LENGTH, G_FORMAT_SIZE_IEC_UNITS);

      reader_set_error (r, FLEXO_XML_ERROR_TOO_LARGE, r->line,
                        _("the text of <%s> is longer than %s"), r->name, size);
    }

  if (token != TOKEN_END || r->error != NULL)
    {
      propagate_reader_error (r, error);
      return NULL;
    }

  r->pending_end = TRUE;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * flexo_xml_reader_skip_element:
 *
 * Skips the content of the current element, a start (an element that a
 * newer version wrote, say). The next flexo_xml_reader_next_element()
 * returns the end of the element.
 *
 * Returns: %FALSE with @error set if the content is not well-formed
 */
gboolean
flexo_xml_reader_skip_element (FlexoXmlReader  *r,
                               GError         **error)
{
  g_return_val_if_fail (r != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (r->error != NULL)
    return propagate_reader_error (r, error);

  g_return_val_if_fail (r->name != NULL && !r->is_end, FALSE);

  if (r->pending_end)
    return TRUE;

  for (;;)
    {
      TokenInfo info;
      Token token = read_token (r, &r->skipped, NULL, &info);

      if (token == TOKEN_END && info.depth == r->depth)
        break;
      if (token == TOKEN_EOF)
        set_unexpected_end (r);
      if (token == TOKEN_ERROR || token == TOKEN_EOF)
        return propagate_reader_error (r, error);
    }

  r->pending_end = TRUE;
  return TRUE;
}

/**
 * flexo_xml_reader_error:
 * @code: a #FlexoXmlError, %FLEXO_XML_ERROR_INVALID for most
 * @format: a printf() format of a translated message
 *
 * Sets @error to "FILE:LINE: message" at the line of the current element:
 * for a loader's own errors (a wrong root, an unknown version, a dangling
 * reference, a duplicate id). The reader itself is not affected.
 */
void
flexo_xml_reader_error (FlexoXmlReader  *r,
                        GError         **error,
                        FlexoXmlError    code,
                        const char      *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (r != NULL);
  g_return_if_fail (format != NULL);

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, FLEXO_XML_ERROR, code, "%s:%d: %s",
               r->display_name, flexo_xml_reader_get_line (r), message);
}
