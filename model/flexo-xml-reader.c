/* flexo-xml-reader.c — a safe streaming XML reader
 *
 * The reader wraps libxml2's xmlTextReader for speed and adds what a file
 * loader needs against hostile input: no network, no entity substitution,
 * no DTD at all (a document with a DOCTYPE is refused before libxml2 sees
 * it), no external resource ever loaded, bounded depth, sizes and
 * decompressed size, and every error as "FILE:LINE: message".
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
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "flexo-types.h"
#include "flexo-xml.h"

G_DEFINE_QUARK (flexo-xml-error-quark, flexo_xml_error)

/* Never XML_PARSE_NOENT (substitute entities), XML_PARSE_DTDLOAD,
 * XML_PARSE_DTDATTR, XML_PARSE_DTDVALID or XML_PARSE_HUGE. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT)

#define RAW_BUFFER_SIZE (64 * 1024)

/* libxml2 keeps line numbers of nodes in 16 bits */
#define SATURATED_LINE 65535

typedef enum
{
  PRESCAN_TOP,
  PRESCAN_LT,
  PRESCAN_LT_BANG,
  PRESCAN_LT_BANG_DASH,
  PRESCAN_COMMENT,
  PRESCAN_COMMENT_DASH,
  PRESCAN_COMMENT_DASH_DASH,
  PRESCAN_PI,
  PRESCAN_PI_QUESTION,
  PRESCAN_DONE,
} PrescanState;

struct _FlexoXmlReader
{
  xmlTextReaderPtr  reader;
  char             *display_name;

  /* Input: either a file descriptor read through raw, or bytes */
  int               fd;
  GBytes           *bytes;
  guint8           *raw;
  const guint8     *in;
  gsize             in_len;
  gsize             in_pos;
  gboolean          in_eof;
  GConverter       *decompressor;
  guint64           total;
  guint64           max_input_size;

  /* The prolog is scanned for a DOCTYPE before libxml2 sees it */
  PrescanState      prescan;
  guint64           prescan_offset;
  int               prescan_line;
  int               prescan_lt_line;

  GError           *error;        /* the first error; sticky */
  gboolean          done;

  /* The current element */
  xmlNodePtr        node;
  const char       *name;
  int               depth;
  int               line;
  gboolean          is_end;
  gboolean          is_empty;
  gboolean          pending_end;  /* the next call returns the end of node */

  int               last_line;    /* the last line known, for lines ≥ 65535 */
  int               text_line;    /* line of the text node just read, or 0 */
  GArray           *start_lines;  /* int: line of the open element at each depth */
  GPtrArray        *scratch;      /* xmlChar * handed out borrowed */
};

static const char *
reader_display_name (FlexoXmlReader *r)
{
  return r->display_name;
}

static int
parser_line (FlexoXmlReader *r)
{
  int line = 0;

  if (r->reader != NULL)
    line = xmlTextReaderGetParserLineNumber (r->reader);

  return MAX (line, 1);
}

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
                          reader_display_name (r), MAX (line, 1), message);
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

/* Thread-wide hooks, active only while this thread is inside a reader */

static GPrivate current_reader = G_PRIVATE_INIT (NULL);
static xmlExternalEntityLoader default_entity_loader;

static xmlParserInputPtr
refusing_entity_loader (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  FlexoXmlReader *r = g_private_get (&current_reader);

  /* Other users of libxml2 in the process (schema validation…) keep the
   * default behaviour. */
  if (r == NULL)
    return default_entity_loader != NULL ? default_entity_loader (url, id, ctxt) : NULL;

  reader_set_error (r, FLEXO_XML_ERROR_UNSAFE, parser_line (r),
                    _("refusing to load the external resource “%s”"),
                    url != NULL ? url : id != NULL ? id : "");
  return NULL;
}

static void
ensure_initialized (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      default_entity_loader = xmlGetExternalEntityLoader ();
      xmlSetExternalEntityLoader (refusing_entity_loader);
      g_once_init_leave (&initialized, 1);
    }
}

static void
take_xml_error (FlexoXmlReader *r,
                const xmlError *e)
{
  g_autofree char *message = NULL;
  const char *text;
  int line;

  if (e == NULL || e->level < XML_ERR_ERROR || r->error != NULL)
    return;

  text = e->message != NULL ? e->message : "";
  line = e->line > 0 ? e->line : parser_line (r);

  /* libxml2 2.9 has no error code for its resource limits */
  if (e->code == XML_ERR_ENTITY_LOOP)
    {
      reader_set_error (r, FLEXO_XML_ERROR_UNSAFE, line,
                        _("entity references nest or expand too much"));
    }
  else if (strstr (text, "Excessive depth") != NULL)
    {
      reader_set_error (r, FLEXO_XML_ERROR_TOO_DEEP, line,
                        _("nesting deeper than %d levels"), FLEXO_XML_MAX_DEPTH);
    }
  else if (strstr (text, "too long") != NULL ||
           strstr (text, "too big") != NULL ||
           strstr (text, "too much") != NULL ||
           strstr (text, "huge") != NULL ||
           strstr (text, "Huge") != NULL)
    {
      reader_set_error (r, FLEXO_XML_ERROR_TOO_LARGE, line,
                        _("a tag, attribute value or text is too large"));
    }
  else if (strstr (text, "not proper UTF-8") != NULL)
    {
      const char *bytes = strstr (text, "Bytes:");

      message = g_strstrip (g_strdup (bytes != NULL ? bytes + strlen ("Bytes:") : ""));
      reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line,
                        _("the text is not valid UTF-8 (bytes %s)"), message);
    }
  else
    {
      /* libxml2's own words, on one line */
      message = g_strstrip (g_strdup (text));
      g_strdelimit (message, "\r\n", ' ');
      reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, line,
                        _("malformed XML: %s"), message);
    }
}

static void
reader_structured_error_cb (void        *user_data,
                            xmlErrorPtr  e)
{
  take_xml_error (user_data, e);
}

static void
generic_error_cb (void       *user_data,
                  const char *format,
                  ...)
{
  /* Errors without a parser context are reported through the structured
   * handler as well; this only keeps libxml2 from printing. */
}

typedef struct
{
  gpointer               previous_reader;
  xmlStructuredErrorFunc structured;
  void                  *structured_data;
  xmlGenericErrorFunc    generic;
  void                  *generic_data;
} Guard;

/* Around every call into libxml2 for @r: errors raised without a parser
 * context come to @r instead of stderr, and external loads are refused. */
static void
guard_enter (FlexoXmlReader *r,
             Guard          *guard)
{
  guard->previous_reader = g_private_get (&current_reader);
  guard->structured = xmlStructuredError;
  guard->structured_data = xmlStructuredErrorContext;
  guard->generic = xmlGenericError;
  guard->generic_data = xmlGenericErrorContext;

  g_private_set (&current_reader, r);
  xmlSetStructuredErrorFunc (r, reader_structured_error_cb);
  xmlSetGenericErrorFunc (r, generic_error_cb);
}

static void
guard_leave (Guard *guard)
{
  xmlSetGenericErrorFunc (guard->generic_data, guard->generic);
  xmlSetStructuredErrorFunc (guard->structured_data, guard->structured);
  g_private_set (&current_reader, guard->previous_reader);
}

/* Input */

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
      reader_set_error (r, FLEXO_XML_ERROR_IO, parser_line (r),
                        _("cannot read the file: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static int
input_read_plain (FlexoXmlReader *r,
                  char           *buffer,
                  int             len)
{
  gsize n;

  if (r->in_pos == r->in_len)
    {
      if (r->in_eof)
        return 0;
      if (!input_fill_or_set_error (r))
        return -1;
    }

  n = MIN ((gsize) len, r->in_len - r->in_pos);
  memcpy (buffer, r->in + r->in_pos, n);
  r->in_pos += n;

  return (int) n;
}

static int
input_read_decompressed (FlexoXmlReader *r,
                         char           *buffer,
                         int             len)
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
              reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, parser_line (r),
                                _("the compressed data is truncated"));
            }
          else
            {
              reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, parser_line (r),
                                _("invalid compressed data: %s"), local_error->message);
            }
          return -1;
        }

      if (n_written > 0)
        return (int) n_written;

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

static gboolean
is_xml_space (guint8 c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Follows the prolog (byte order mark, XML declaration, comments,
 * processing instructions) up to the first tag, and refuses a DOCTYPE
 * there. Anything unexpected ends the scan: libxml2 will report it. A
 * DOCTYPE that this scan cannot see (an encoding that is not a superset
 * of ASCII) is still refused when the reader meets it. */
static gboolean
prescan (FlexoXmlReader *r,
         const guint8   *p,
         gsize           n)
{
  static const guint8 bom[] = { 0xEF, 0xBB, 0xBF };

  for (gsize i = 0; i < n && r->prescan != PRESCAN_DONE; i++, r->prescan_offset++)
    {
      guint8 c = p[i];

      if (c == '\n')
        r->prescan_line++;

      switch (r->prescan)
        {
        case PRESCAN_TOP:
          if (c == '<')
            {
              r->prescan = PRESCAN_LT;
              r->prescan_lt_line = r->prescan_line;
            }
          else if (!is_xml_space (c) &&
                   !(r->prescan_offset < G_N_ELEMENTS (bom) && c == bom[r->prescan_offset]))
            r->prescan = PRESCAN_DONE;
          break;

        case PRESCAN_LT:
          if (c == '?')
            r->prescan = PRESCAN_PI;
          else if (c == '!')
            r->prescan = PRESCAN_LT_BANG;
          else
            r->prescan = PRESCAN_DONE;
          break;

        case PRESCAN_LT_BANG:
          if (c == '-')
            r->prescan = PRESCAN_LT_BANG_DASH;
          else if (c == 'D')
            {
              reader_set_error (r, FLEXO_XML_ERROR_UNSAFE, r->prescan_lt_line,
                                _("document type declarations (<!DOCTYPE …>) are not allowed"));
              r->prescan = PRESCAN_DONE;
              return FALSE;
            }
          else
            r->prescan = PRESCAN_DONE;
          break;

        case PRESCAN_LT_BANG_DASH:
          r->prescan = c == '-' ? PRESCAN_COMMENT : PRESCAN_DONE;
          break;

        case PRESCAN_COMMENT:
          if (c == '-')
            r->prescan = PRESCAN_COMMENT_DASH;
          break;

        case PRESCAN_COMMENT_DASH:
          r->prescan = c == '-' ? PRESCAN_COMMENT_DASH_DASH : PRESCAN_COMMENT;
          break;

        case PRESCAN_COMMENT_DASH_DASH:
          if (c == '>')
            r->prescan = PRESCAN_TOP;
          else if (c != '-')
            r->prescan = PRESCAN_COMMENT;
          break;

        case PRESCAN_PI:
          if (c == '?')
            r->prescan = PRESCAN_PI_QUESTION;
          break;

        case PRESCAN_PI_QUESTION:
          if (c == '>')
            r->prescan = PRESCAN_TOP;
          else if (c != '?')
            r->prescan = PRESCAN_PI;
          break;

        case PRESCAN_DONE:
        default:
          break;
        }
    }

  return TRUE;
}

static int
input_read_cb (void *user_data,
               char *buffer,
               int   len)
{
  FlexoXmlReader *r = user_data;
  int n;

  if (r->error != NULL)
    return -1;
  if (len <= 0)
    return 0;

  if (r->decompressor != NULL)
    n = input_read_decompressed (r, buffer, len);
  else
    n = input_read_plain (r, buffer, len);

  if (n <= 0)
    return n;

  r->total += n;
  if (r->total > r->max_input_size)
    {
      g_autofree char *size = g_format_size_full (r->max_input_size, G_FORMAT_SIZE_IEC_UNITS);

      if (r->decompressor != NULL)
        reader_set_error (r, FLEXO_XML_ERROR_TOO_LARGE, parser_line (r),
                          _("the decompressed document is larger than %s"), size);
      else
        reader_set_error (r, FLEXO_XML_ERROR_TOO_LARGE, parser_line (r),
                          _("the document is larger than %s"), size);
      return -1;
    }

  if (r->prescan != PRESCAN_DONE && !prescan (r, (const guint8 *) buffer, n))
    return -1;

  return n;
}

/* Construction */

static FlexoXmlReader *
reader_new (char    *display_name,
            int      fd,
            GBytes  *bytes,
            GError **error)
{
  g_autoptr(FlexoXmlReader) r = g_new0 (FlexoXmlReader, 1);
  Guard guard;

  ensure_initialized ();

  r->display_name = display_name;
  r->fd = fd;
  r->max_input_size = FLEXO_XML_MAX_INPUT_SIZE;
  r->prescan = PRESCAN_TOP;
  r->prescan_line = 1;
  r->start_lines = g_array_new (FALSE, TRUE, sizeof (int));
  r->scratch = g_ptr_array_new_with_free_func ((GDestroyNotify) xmlFree);

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
              return NULL;
            }
        }
    }

  if (r->in_len >= 2 && r->in[0] == 0x1f && r->in[1] == 0x8b)
    r->decompressor = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));

  guard_enter (r, &guard);
  r->reader = xmlReaderForIO (input_read_cb, NULL, r, NULL, NULL, PARSE_OPTIONS);
  if (r->reader != NULL)
    xmlTextReaderSetStructuredErrorHandler (r->reader, reader_structured_error_cb, r);
  guard_leave (&guard);

  if (r->reader == NULL && r->error == NULL)
    {
      g_set_error (error, FLEXO_XML_ERROR, FLEXO_XML_ERROR_IO,
                   _("%s: cannot create an XML parser"), display_name);
      return NULL;
    }

  return g_steal_pointer (&r);
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

  if (r->reader != NULL)
    {
      Guard guard;

      guard_enter (r, &guard);
      xmlFreeTextReader (r->reader);
      guard_leave (&guard);
    }

  if (r->fd >= 0)
    g_close (r->fd, NULL);

  g_clear_pointer (&r->scratch, g_ptr_array_unref);
  g_clear_pointer (&r->start_lines, g_array_unref);
  g_clear_pointer (&r->bytes, g_bytes_unref);
  g_clear_object (&r->decompressor);
  g_clear_error (&r->error);
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

/* Iteration */

/* libxml2 gives an element the line where its start tag ends, and
 * saturates it at 65535. A text node has the exact line where it ends,
 * which is where the next tag starts; and with one element per line, an
 * indentation comes before every element. */
static int
node_line (FlexoXmlReader *r,
           xmlNodePtr      node)
{
  int line = node != NULL ? node->line : 0;

  if (r->text_line > 0)
    line = r->text_line;
  else if (line >= SATURATED_LINE)
    line = MAX (r->last_line, SATURATED_LINE);
  else if (line <= 0)
    line = parser_line (r);

  return line;
}

static void
note_text_line (FlexoXmlReader *r)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (r->reader);
  int line;

  if (node == NULL)
    return;

  line = node->line;
  if (line >= SATURATED_LINE && node->psvi != NULL)
    line = (int) (intptr_t) node->psvi;
  if (line > r->last_line)
    r->last_line = line;
  r->text_line = line;
}

/* Reads the next node. Returns its XML_READER_TYPE, 0 at the end of the
 * document, -1 on error (then r->error is set). Unsafe nodes are errors. */
static int
read_node (FlexoXmlReader *r)
{
  int ret = xmlTextReaderRead (r->reader);
  int type;

  if (r->error != NULL)
    return -1;

  if (ret == 0)
    return 0;

  if (ret < 0)
    {
      reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, parser_line (r),
                        _("malformed XML"));
      return -1;
    }

  type = xmlTextReaderNodeType (r->reader);
  switch (type)
    {
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      note_text_line (r);
      return type;

    case XML_READER_TYPE_ELEMENT:
      /* enter_element() uses and resets text_line */
      return type;

    case XML_READER_TYPE_DOCUMENT_TYPE:
      reader_set_error (r, FLEXO_XML_ERROR_UNSAFE, parser_line (r),
                        _("document type declarations (<!DOCTYPE …>) are not allowed"));
      return -1;

    case XML_READER_TYPE_ENTITY_REFERENCE:
    case XML_READER_TYPE_ENTITY:
    case XML_READER_TYPE_END_ENTITY:
    case XML_READER_TYPE_NOTATION:
      reader_set_error (r, FLEXO_XML_ERROR_UNSAFE, parser_line (r),
                        _("entity references are not allowed"));
      return -1;

    default:
      break;
    }

  r->text_line = 0;
  return type;
}

static gboolean
check_attributes (FlexoXmlReader *r)
{
  for (xmlAttrPtr attr = r->node->properties; attr != NULL; attr = attr->next)
    {
      gsize len = 0;

      for (xmlNodePtr child = attr->children; child != NULL; child = child->next)
        if (child->content != NULL)
          len += strlen ((const char *) child->content);

      if (len > FLEXO_XML_MAX_ATTRIBUTE_LENGTH)
        {
          g_autofree char *size = g_format_size_full (FLEXO_XML_MAX_ATTRIBUTE_LENGTH,
                                                      G_FORMAT_SIZE_IEC_UNITS);

          reader_set_error (r, FLEXO_XML_ERROR_TOO_LARGE, r->line,
                            _("the attribute “%s” of <%s> is longer than %s"),
                            (const char *) attr->name, r->name, size);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
enter_element (FlexoXmlReader *r)
{
  r->node = xmlTextReaderCurrentNode (r->reader);
  r->name = (const char *) xmlTextReaderConstName (r->reader);
  r->depth = xmlTextReaderDepth (r->reader);
  r->is_end = FALSE;
  r->is_empty = xmlTextReaderIsEmptyElement (r->reader) == 1;
  r->pending_end = r->is_empty;
  r->line = node_line (r, r->node);
  r->last_line = MAX (r->last_line, r->line);
  r->text_line = 0;

  if (r->node == NULL || r->name == NULL || r->depth < 0)
    {
      reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, r->line, _("malformed XML"));
      return FALSE;
    }

  if (r->depth >= FLEXO_XML_MAX_DEPTH)
    {
      reader_set_error (r, FLEXO_XML_ERROR_TOO_DEEP, r->line,
                        _("nesting deeper than %d levels"), FLEXO_XML_MAX_DEPTH);
      return FALSE;
    }

  if ((guint) r->depth >= r->start_lines->len)
    g_array_set_size (r->start_lines, r->depth + 1);
  g_array_index (r->start_lines, int, r->depth) = r->line;

  return check_attributes (r);
}

static void
leave_element (FlexoXmlReader *r)
{
  r->node = xmlTextReaderCurrentNode (r->reader);
  r->name = (const char *) xmlTextReaderConstName (r->reader);
  r->depth = xmlTextReaderDepth (r->reader);
  r->is_end = TRUE;
  r->is_empty = FALSE;
  r->pending_end = FALSE;

  if (r->depth >= 0 && (guint) r->depth < r->start_lines->len)
    r->line = g_array_index (r->start_lines, int, r->depth);
  else
    r->line = parser_line (r);
}

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
 * libxml2 reports trailing garbage.
 *
 * Returns: %TRUE on an element; %FALSE at the end of the document (@error
 *   unset) or on an error, which is then returned again by every later call
 */
gboolean
flexo_xml_reader_next_element (FlexoXmlReader  *r,
                               GError         **error)
{
  gboolean found = FALSE;
  Guard guard;

  g_return_val_if_fail (r != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (r->error != NULL || r->done)
    return propagate_reader_error (r, error);

  if (r->scratch->len > 0)
    g_ptr_array_set_size (r->scratch, 0);

  if (r->pending_end)
    {
      r->pending_end = FALSE;
      r->is_end = TRUE;
      return TRUE;
    }

  guard_enter (r, &guard);
  for (;;)
    {
      int type = read_node (r);

      if (type < 0)
        break;

      if (type == 0)
        {
          r->done = TRUE;
          r->node = NULL;
          r->name = NULL;
          break;
        }

      if (type == XML_READER_TYPE_ELEMENT)
        {
          found = enter_element (r);
          break;
        }

      if (type == XML_READER_TYPE_END_ELEMENT)
        {
          leave_element (r);
          found = TRUE;
          break;
        }
    }
  guard_leave (&guard);

  if (found)
    return TRUE;

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
 *   and valid as long as it lives (libxml2 interns names)
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

  return r->line > 0 ? r->line : parser_line (r);
}

/* Attributes */

static const char *
attribute_value (FlexoXmlReader *r,
                 xmlAttrPtr      attr)
{
  xmlNodePtr child = attr->children;
  xmlChar *value;

  if (child == NULL)
    return "";

  if (child->next == NULL && child->type == XML_TEXT_NODE)
    return child->content != NULL ? (const char *) child->content : "";

  value = xmlNodeListGetString (attr->doc, child, 1);
  if (value == NULL)
    return "";
  g_ptr_array_add (r->scratch, value);

  return (const char *) value;
}

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

  if (r->node == NULL || r->node->type != XML_ELEMENT_NODE)
    return NULL;

  for (xmlAttrPtr attr = r->node->properties; attr != NULL; attr = attr->next)
    {
      if (attr->ns == NULL && strcmp ((const char *) attr->name, name) == 0)
        return attribute_value (r, attr);
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
  gboolean complete = FALSE;
  Guard guard;

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (r->error != NULL)
    {
      propagate_reader_error (r, error);
      return NULL;
    }

  g_return_val_if_fail (r->node != NULL && !r->is_end, NULL);

  if (r->is_empty)
    return g_strdup ("");

  g_return_val_if_fail (!r->pending_end, NULL);

  text = g_string_new (NULL);

  guard_enter (r, &guard);
  while (!complete && r->error == NULL)
    {
      int type = read_node (r);

      switch (type)
        {
        case -1:
          break;

        case 0:
          reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, parser_line (r),
                            _("unexpected end of the document"));
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          {
            const char *value = (const char *) xmlTextReaderConstValue (r->reader);

            if (value != NULL)
              g_string_append (text, value);
            if (text->len > FLEXO_XML_MAX_TEXT_LENGTH)
              {
                g_autofree char *size = g_format_size_full (FLEXO_XML_MAX_TEXT_LENGTH,
                                                            G_FORMAT_SIZE_IEC_UNITS);

                reader_set_error (r, FLEXO_XML_ERROR_TOO_LARGE, r->line,
                                  _("the text of <%s> is longer than %s"), r->name, size);
              }
          }
          break;

        case XML_READER_TYPE_ELEMENT:
          reader_set_error (r, FLEXO_XML_ERROR_INVALID,
                            node_line (r, xmlTextReaderCurrentNode (r->reader)),
                            _("<%s> has an element <%s> where only text is expected"),
                            r->name, (const char *) xmlTextReaderConstName (r->reader));
          break;

        case XML_READER_TYPE_END_ELEMENT:
          complete = TRUE;
          break;

        default:
          break;
        }
    }
  guard_leave (&guard);

  if (!complete)
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
  gboolean complete = FALSE;
  Guard guard;

  g_return_val_if_fail (r != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (r->error != NULL)
    return propagate_reader_error (r, error);

  g_return_val_if_fail (r->node != NULL && !r->is_end, FALSE);

  if (r->pending_end)
    return TRUE;

  guard_enter (r, &guard);
  while (!complete && r->error == NULL)
    {
      int type = read_node (r);

      if (type < 0)
        break;

      if (type == 0)
        reader_set_error (r, FLEXO_XML_ERROR_MALFORMED, parser_line (r),
                          _("unexpected end of the document"));
      else if (type == XML_READER_TYPE_END_ELEMENT &&
               xmlTextReaderDepth (r->reader) == r->depth)
        complete = TRUE;
    }
  guard_leave (&guard);

  if (!complete)
    return propagate_reader_error (r, error);

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
