/* flexo-xml.h — a safe streaming XML reader and a canonical XML writer
 *
 * Reading, in a loader:
 *
 *   g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_path (path, error);
 *
 *   if (r == NULL)
 *     return FALSE;
 *   while (flexo_xml_reader_next_element (r, &local_error))
 *     {
 *       if (flexo_xml_reader_is_end (r))
 *         { …pop…; continue; }
 *       if (g_str_equal (flexo_xml_reader_get_name (r), "shape"))
 *         {
 *           double x = 0;    (the default, kept when the attribute is absent)
 *           if (!flexo_xml_reader_get_double (r, "x", &x, error))
 *             return FALSE;
 *         }
 *     }
 *   if (local_error != NULL)
 *     …propagate…
 *
 * Every start of an element is followed by exactly one end, `<x/>`
 * included. Strings the reader returns as const are borrowed: names live
 * as long as the reader, attribute values until the next
 * flexo_xml_reader_next_element(). Errors are "FILE:LINE: message".
 *
 * The reader is Flexo's own (no libxml2): it refuses any DOCTYPE,
 * any entity but XML's five and character references, any external resource,
 * nesting deeper than FLEXO_XML_MAX_DEPTH and values larger than the
 * limits below; gzip-compressed input is read transparently. A reader is
 * used by one thread at a time.
 *
 * Writing: flexo_xml_writer_new(), start_element/attribute…/end_element,
 * then flexo_xml_writer_finish() gives canonical bytes: one element per
 * line, two spaces of indentation per level, attributes in the order
 * written, shortest exact numbers, the same bytes for the same calls.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FLEXO_XML_ERROR (flexo_xml_error_quark ())

/* Every FLEXO_XML_ERROR message reads "FILE:LINE: message", FILE being
 * the display name given to the reader; only FLEXO_XML_ERROR_IO from
 * flexo_xml_reader_new_for_path() has no line ("FILE: message"). */
typedef enum
{
  FLEXO_XML_ERROR_IO,                /* the file cannot be opened or read */
  FLEXO_XML_ERROR_MALFORMED,         /* not well-formed XML, bad encoding, bad gzip data */
  FLEXO_XML_ERROR_UNSAFE,            /* DOCTYPE, entities, external resources */
  FLEXO_XML_ERROR_TOO_DEEP,          /* nesting deeper than FLEXO_XML_MAX_DEPTH */
  FLEXO_XML_ERROR_TOO_LARGE,         /* input, attribute value or text too large */
  FLEXO_XML_ERROR_INVALID_VALUE,     /* an attribute that does not parse as asked */
  FLEXO_XML_ERROR_MISSING_ATTRIBUTE, /* a required attribute is absent */
  FLEXO_XML_ERROR_INVALID,           /* well-formed but not what the reader expects */
} FlexoXmlError;

/* Limits of the reader; a start tag holds at most four attribute values’
 * worth. */
#define FLEXO_XML_MAX_DEPTH            256
#define FLEXO_XML_MAX_ATTRIBUTE_LENGTH (1024 * 1024)
#define FLEXO_XML_MAX_TEXT_LENGTH      (10 * 1024 * 1024)
#define FLEXO_XML_MAX_INPUT_SIZE       (G_GUINT64_CONSTANT (1) << 30)

GQuark flexo_xml_error_quark (void);

/* Reader */

typedef struct _FlexoXmlReader FlexoXmlReader;

FlexoXmlReader *flexo_xml_reader_new_for_path         (const char      *path,
                                                       GError         **error);
FlexoXmlReader *flexo_xml_reader_new_for_bytes        (GBytes          *bytes,
                                                       const char      *display_name,
                                                       GError         **error);
void            flexo_xml_reader_free                 (FlexoXmlReader  *reader);

/* Mainly for tests: the default is FLEXO_XML_MAX_INPUT_SIZE */
void            flexo_xml_reader_set_max_input_size   (FlexoXmlReader  *reader,
                                                       guint64          max_size);
const char     *flexo_xml_reader_get_display_name     (FlexoXmlReader  *reader);

gboolean        flexo_xml_reader_next_element         (FlexoXmlReader  *reader,
                                                       GError         **error);
gboolean        flexo_xml_reader_is_end               (FlexoXmlReader  *reader);
gboolean        flexo_xml_reader_is_empty_element     (FlexoXmlReader  *reader);
const char     *flexo_xml_reader_get_name             (FlexoXmlReader  *reader);
int             flexo_xml_reader_get_depth            (FlexoXmlReader  *reader);
int             flexo_xml_reader_get_line             (FlexoXmlReader  *reader);

const char     *flexo_xml_reader_get_attribute        (FlexoXmlReader  *reader,
                                                       const char      *name);
const char     *flexo_xml_reader_require_attribute    (FlexoXmlReader  *reader,
                                                       const char      *name,
                                                       GError         **error);
gboolean        flexo_xml_reader_get_double           (FlexoXmlReader  *reader,
                                                       const char      *name,
                                                       double          *out,
                                                       GError         **error);
gboolean        flexo_xml_reader_get_int              (FlexoXmlReader  *reader,
                                                       const char      *name,
                                                       int             *out,
                                                       GError         **error);
gboolean        flexo_xml_reader_get_boolean          (FlexoXmlReader  *reader,
                                                       const char      *name,
                                                       gboolean        *out,
                                                       GError         **error);
char           *flexo_xml_reader_read_text            (FlexoXmlReader  *reader,
                                                       GError         **error);
gboolean        flexo_xml_reader_skip_element         (FlexoXmlReader  *reader,
                                                       GError         **error);

void            flexo_xml_reader_error                (FlexoXmlReader  *reader,
                                                       GError         **error,
                                                       FlexoXmlError    code,
                                                       const char      *format,
                                                       ...) G_GNUC_PRINTF (4, 5);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlexoXmlReader, flexo_xml_reader_free)

/* Writer */

typedef struct _FlexoXmlWriter FlexoXmlWriter;

FlexoXmlWriter *flexo_xml_writer_new                  (void);
void            flexo_xml_writer_free                 (FlexoXmlWriter  *writer);
void            flexo_xml_writer_start_element        (FlexoXmlWriter  *writer,
                                                       const char      *name);
void            flexo_xml_writer_attribute            (FlexoXmlWriter  *writer,
                                                       const char      *name,
                                                       const char      *value);
void            flexo_xml_writer_attribute_double     (FlexoXmlWriter  *writer,
                                                       const char      *name,
                                                       double           value);
void            flexo_xml_writer_attribute_int        (FlexoXmlWriter  *writer,
                                                       const char      *name,
                                                       gint64           value);
void            flexo_xml_writer_attribute_boolean    (FlexoXmlWriter  *writer,
                                                       const char      *name,
                                                       gboolean         value);
void            flexo_xml_writer_text                 (FlexoXmlWriter  *writer,
                                                       const char      *text);
void            flexo_xml_writer_text_element         (FlexoXmlWriter  *writer,
                                                       const char      *name,
                                                       const char      *text,
                                                       ...) G_GNUC_NULL_TERMINATED;
void            flexo_xml_writer_end_element          (FlexoXmlWriter  *writer);
GBytes         *flexo_xml_writer_finish               (FlexoXmlWriter  *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlexoXmlWriter, flexo_xml_writer_free)

G_END_DECLS
