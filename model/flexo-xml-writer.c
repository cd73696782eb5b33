/* flexo-xml-writer.c — a canonical XML writer
 *
 * One element per line, two spaces of indentation per level, attributes in
 * the order written, shortest exact numbers: the same calls always give the
 * same bytes.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "flexo-types.h"
#include "flexo-xml.h"

struct _FlexoXmlWriter
{
  GString   *out;
  GPtrArray *stack;     /* names of the open elements */
  gboolean   open;      /* the innermost start tag still lacks its '>' */
  gboolean   has_text;  /* the innermost element has text: ends on its line */
  gboolean   has_root;
};

static gboolean
is_valid_name (const char *name)
{
  if (name == NULL || !(g_ascii_isalpha (*name) || *name == '_'))
    return FALSE;

  for (const char *p = name + 1; *p != '\0'; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '.' || *p == ':'))
      return FALSE;

  return TRUE;
}

static gboolean
is_xml_char (gunichar c)
{
  return (c >= 0x20 && c <= 0xD7FF) ||
         c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/* Escapes &, <, >, " and tab, newline, carriage return, DEL and the C1
 * controls as references, so that every value stays on one line and reads
 * back identical. Invalid UTF-8 bytes and the characters XML 1.0 forbids
 * (other C0 controls, U+FFFE, U+FFFF) are dropped. */
static void
append_escaped (GString    *out,
                const char *text)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + strlen (text);
  const guchar *run = p;

  while (p < end)
    {
      guchar c = *p;
      const char *ref = NULL;
      gunichar uc;
      int len;

      if (c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"')
        {
          p++;
          continue;
        }

      g_string_append_len (out, (const char *) run, p - run);

      if (c < 0x80)
        {
          switch (c)
            {
            case '&': ref = "&amp;"; break;
            case '<': ref = "&lt;"; break;
            case '>': ref = "&gt;"; break;
            case '"': ref = "&quot;"; break;
            case '\t': ref = "&#9;"; break;
            case '\n': ref = "&#10;"; break;
            case '\r': ref = "&#13;"; break;
            case 0x7F: ref = "&#127;"; break;
            default: break;
            }
          if (ref != NULL)
            g_string_append (out, ref);
          p++;
        }
      else
        {
          uc = g_utf8_get_char_validated ((const char *) p, end - p);
          if (uc == (gunichar) -1 || uc == (gunichar) -2)
            {
              p++;
            }
          else
            {
              len = g_utf8_skip[c];
              if (uc >= 0x80 && uc <= 0x9F)
                g_string_append_printf (out, "&#%u;", uc);
              else if (is_xml_char (uc))
                g_string_append_len (out, (const char *) p, len);
              p += len;
            }
        }

      run = p;
    }

  g_string_append_len (out, (const char *) run, p - run);
}

static void
append_indent (FlexoXmlWriter *w,
               guint           depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append_len (w->out, "  ", 2);
}

/**
 * flexo_xml_writer_new:
 *
 * A writer of canonical XML into memory: the XML declaration, then one
 * element per line indented by two spaces per level, attributes in the
 * order written, `<x/>` for an element without content. The same calls
 * always give the same bytes.
 *
 * Returns: (transfer full): a writer
 */
FlexoXmlWriter *
flexo_xml_writer_new (void)
{
  FlexoXmlWriter *w = g_new0 (FlexoXmlWriter, 1);

  w->out = g_string_sized_new (64 * 1024);
  w->stack = g_ptr_array_new_with_free_func (g_free);
  g_string_append (w->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  return w;
}

void
flexo_xml_writer_free (FlexoXmlWriter *w)
{
  if (w == NULL)
    return;

  if (w->out != NULL)
    g_string_free (w->out, TRUE);
  g_ptr_array_unref (w->stack);
  g_free (w);
}

/**
 * flexo_xml_writer_start_element:
 * @name: an ASCII XML name
 */
void
flexo_xml_writer_start_element (FlexoXmlWriter *w,
                                const char     *name)
{
  g_return_if_fail (w != NULL && w->out != NULL);
  g_return_if_fail (is_valid_name (name));
  g_return_if_fail (!w->has_text);
  g_return_if_fail (w->stack->len > 0 || !w->has_root);

  w->has_root = TRUE;
  if (w->open)
    g_string_append_len (w->out, ">\n", 2);

  append_indent (w, w->stack->len);
  g_string_append_c (w->out, '<');
  g_string_append (w->out, name);
  g_ptr_array_add (w->stack, g_strdup (name));
  w->open = TRUE;
}

/**
 * flexo_xml_writer_attribute:
 * @value: (nullable): the value, escaped as append_escaped() says; %NULL
 *   writes nothing
 *
 * Adds an attribute to the element just started.
 */
void
flexo_xml_writer_attribute (FlexoXmlWriter *w,
                            const char     *name,
                            const char     *value)
{
  g_return_if_fail (w != NULL && w->out != NULL);
  g_return_if_fail (is_valid_name (name));
  g_return_if_fail (w->open);

  if (value == NULL)
    return;

  g_string_append_c (w->out, ' ');
  g_string_append (w->out, name);
  g_string_append_len (w->out, "=\"", 2);
  append_escaped (w->out, value);
  g_string_append_c (w->out, '"');
}

/**
 * flexo_xml_writer_attribute_double:
 *
 * Writes @value as flexo_dtostr() does.
 */
void
flexo_xml_writer_attribute_double (FlexoXmlWriter *w,
                                   const char     *name,
                                   double          value)
{
  char buf[FLEXO_DTOSTR_BUF_SIZE];

  flexo_xml_writer_attribute (w, name, flexo_dtostr (buf, value));
}

void
flexo_xml_writer_attribute_int (FlexoXmlWriter *w,
                                const char     *name,
                                gint64          value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  flexo_xml_writer_attribute (w, name, buf);
}

void
flexo_xml_writer_attribute_boolean (FlexoXmlWriter *w,
                                    const char     *name,
                                    gboolean        value)
{
  flexo_xml_writer_attribute (w, name, value ? "true" : "false");
}

/**
 * flexo_xml_writer_text:
 * @text: (nullable): the text content of the element just started
 *
 * The element then ends on the same line: `<value p="x">Alice</value>`.
 * Newlines and tabs are written as references. %NULL or "" writes
 * nothing, and the element stays `<x/>`.
 */
void
flexo_xml_writer_text (FlexoXmlWriter *w,
                       const char     *text)
{
  g_return_if_fail (w != NULL && w->out != NULL);
  g_return_if_fail (w->open);

  if (text == NULL || *text == '\0')
    return;

  g_string_append_c (w->out, '>');
  append_escaped (w->out, text);
  w->open = FALSE;
  w->has_text = TRUE;
}

/**
 * flexo_xml_writer_text_element:
 * @text: (nullable): the content
 * @...: pairs of attribute name and value, then %NULL; a %NULL value
 *   skips its attribute
 *
 * Writes a whole element with text content on one line.
 */
void
flexo_xml_writer_text_element (FlexoXmlWriter *w,
                               const char     *name,
                               const char     *text,
                               ...)
{
  const char *attribute_name;
  va_list args;

  flexo_xml_writer_start_element (w, name);

  va_start (args, text);
  while ((attribute_name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      flexo_xml_writer_attribute (w, attribute_name, value);
    }
  va_end (args);

  flexo_xml_writer_text (w, text);
  flexo_xml_writer_end_element (w);
}

void
flexo_xml_writer_end_element (FlexoXmlWriter *w)
{
  g_autofree char *name = NULL;

  g_return_if_fail (w != NULL && w->out != NULL);
  g_return_if_fail (w->stack->len > 0);

  name = g_ptr_array_steal_index (w->stack, w->stack->len - 1);

  if (w->open)
    {
      g_string_append_len (w->out, "/>\n", 3);
    }
  else
    {
      if (!w->has_text)
        append_indent (w, w->stack->len);
      g_string_append_len (w->out, "</", 2);
      g_string_append (w->out, name);
      g_string_append_len (w->out, ">\n", 2);
    }

  w->open = FALSE;
  w->has_text = FALSE;
}

/**
 * flexo_xml_writer_finish:
 *
 * Ends the document; every element must have been ended. The writer can
 * then only be freed.
 *
 * Returns: (transfer full): the document, UTF-8
 */
GBytes *
flexo_xml_writer_finish (FlexoXmlWriter *w)
{
  g_return_val_if_fail (w != NULL && w->out != NULL, NULL);
  g_return_val_if_fail (w->stack->len == 0, NULL);

  return g_string_free_to_bytes (g_steal_pointer (&w->out));
}
