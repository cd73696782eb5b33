/* test-xml.c — the safe XML reader and the canonical XML writer
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "flexo-test.h"
#include "flexo-types.h"
#include "flexo-xml.h"

/* Helpers */

static char *
hostile_path (const char *name)
{
  const char *data = g_getenv ("FLEXO_TEST_DATA");
  g_autofree char *fallback = NULL;

  if (data == NULL || *data == '\0')
    {
      g_autofree char *dir = g_path_get_dirname (__FILE__);

      fallback = g_build_filename (dir, "data", NULL);
      data = fallback;
    }

  return g_build_filename (data, "hostile", name, NULL);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("flexo-test-xml-XXXXXX", &error);

  ck_assert_msg (dir != NULL, "%s", error ? error->message : "");
  return dir;
}

/* Removes @dir and the files in it */
static void
remove_tmp_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static GBytes *
bytes_from_string (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

static GBytes *
gzip_bytes (GBytes *plain)
{
  g_autoptr(GConverter) compressor =
    G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1));
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize in_len;
  const guint8 *in = g_bytes_get_data (plain, &in_len);
  gsize pos = 0;
  guint8 buf[64 * 1024];

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gsize n_read = 0, n_written = 0;
      GConverterResult res;

      res = g_converter_convert (compressor, in + pos, in_len - pos, buf, sizeof buf,
                                 G_CONVERTER_INPUT_AT_END, &n_read, &n_written, &error);
      ck_assert_msg (res != G_CONVERTER_ERROR, "%s", error ? error->message : "");
      pos += n_read;
      g_byte_array_append (out, buf, n_written);
      if (res == G_CONVERTER_FINISHED)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
write_file (const char *path,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  ck_assert_msg (g_file_set_contents (path, data, len, &error), "%s",
                 error ? error->message : "");
}

/* Reads the whole document; collects every text that read_text() gave
 * when @read_texts, and counts the elements */
typedef struct
{
  GError    *error;
  GPtrArray *texts;
  guint      n_starts;
  guint      n_ends;
} Outcome;

static void
outcome_clear (Outcome *o)
{
  g_clear_error (&o->error);
  g_clear_pointer (&o->texts, g_ptr_array_unref);
  o->n_starts = o->n_ends = 0;
}

static void
read_all (FlexoXmlReader *r,
          gboolean        read_texts,
          Outcome        *o)
{
  o->texts = g_ptr_array_new_with_free_func (g_free);

  while (flexo_xml_reader_next_element (r, &o->error))
    {
      if (flexo_xml_reader_is_end (r))
        {
          o->n_ends++;
          continue;
        }

      o->n_starts++;
      if (read_texts)
        {
          char *text = flexo_xml_reader_read_text (r, &o->error);

          if (text == NULL)
            break;
          g_ptr_array_add (o->texts, text);
        }
    }
}

static void
read_path (const char *path,
           gboolean    read_texts,
           guint64     max_input_size,
           Outcome    *o)
{
  g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_path (path, &o->error);

  if (r == NULL)
    return;
  if (max_input_size > 0)
    flexo_xml_reader_set_max_input_size (r, max_input_size);
  read_all (r, read_texts, o);
}

/* The error is @code, and its message starts with "DISPLAY:LINE: " */
static void
assert_error_at (const GError *error,
                 int           code,
                 const char   *display_name,
                 int           line)
{
  g_autofree char *prefix = g_strdup_printf ("%s:%d: ", display_name, line);

  ck_assert_msg (error != NULL, "expected error %d at line %d, got none", code, line);
  ck_assert_msg (error->domain == FLEXO_XML_ERROR, "domain of: %s", error->message);
  ck_assert_msg (error->code == code, "expected code %d, got %d: %s",
                 code, error->code, error->message);
  ck_assert_msg (g_str_has_prefix (error->message, prefix),
                 "expected prefix “%s” in “%s”", prefix, error->message);
  ck_assert_msg (strlen (error->message) > strlen (prefix) + 3, "empty message: %s",
                 error->message);
}

static void
assert_hostile (const char *name,
                int         code,
                int         line)
{
  g_autofree char *path = hostile_path (name);
  g_autofree char *display_name = g_filename_display_name (path);
  Outcome o = { 0 };

  read_path (path, FALSE, 0, &o);
  assert_error_at (o.error, code, display_name, line);
  outcome_clear (&o);
}

/* Reading */

static const char well_formed[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                      /*  1 */
  "<!-- a comment -->\n"                                              /*  2 */
  "<flexo version=\"1\">\n"                                           /*  3 */
  "  <model>\n"                                                       /*  4 */
  "    <instance id=\"i1\" concept=\"c1\">\n"                         /*  5 */
  "      <value property=\"name\">Alice &amp; Bob</value>\n"          /*  6 */
  "      <value property=\"empty\"/>\n"                               /*  7 */
  "    </instance>\n"                                                 /*  8 */
  "    <link id=\"l1\"\n"                                             /*  9 */
  "          source=\"i1\" target=\"i2\"/>\n"                         /* 10 */
  "  </model>\n"                                                      /* 11 */
  "  <diagrams><diagram id=\"d1\" name=\"Q&quot;&lt;&#9;&#233;\"/></diagrams>\n" /* 12 */
  "  <!-- trailing comment -->\n"                                     /* 13 */
  "</flexo>\n";                                                       /* 14 */

typedef struct
{
  const char *name;
  gboolean    is_end;
  int         depth;
  int         line;
} Event;

static const Event well_formed_events[] = {
  { "flexo", FALSE, 0, 3 },
  { "model", FALSE, 1, 4 },
  { "instance", FALSE, 2, 5 },
  { "value", FALSE, 3, 6 },
  { "value", TRUE, 3, 6 },
  { "value", FALSE, 3, 7 },
  { "value", TRUE, 3, 7 },
  { "instance", TRUE, 2, 5 },
  { "link", FALSE, 2, 9 },
  { "link", TRUE, 2, 9 },
  { "model", TRUE, 1, 4 },
  { "diagrams", FALSE, 1, 12 },
  { "diagram", FALSE, 2, 12 },
  { "diagram", TRUE, 2, 12 },
  { "diagrams", TRUE, 1, 12 },
  { "flexo", TRUE, 0, 3 },
};

static void
check_well_formed (FlexoXmlReader *r,
                   const char     *display_name)
{
  g_autoptr(GError) error = NULL;
  guint i = 0;

  while (flexo_xml_reader_next_element (r, &error))
    {
      const Event *e;
      const char *name = flexo_xml_reader_get_name (r);

      ck_assert_uint_lt (i, G_N_ELEMENTS (well_formed_events));
      e = &well_formed_events[i++];
      ck_assert_str_eq (name, e->name);
      ck_assert_msg (flexo_xml_reader_is_end (r) == e->is_end, "event %u <%s>", i, name);
      ck_assert_int_eq (flexo_xml_reader_get_depth (r), e->depth);
      ck_assert_msg (flexo_xml_reader_get_line (r) == e->line, "<%s%s> at line %d, not %d",
                     e->is_end ? "/" : "", name, flexo_xml_reader_get_line (r), e->line);

      if (e->is_end)
        continue;

      if (strcmp (name, "flexo") == 0)
        {
          int version = 0;

          ck_assert (!flexo_xml_reader_is_empty_element (r));
          ck_assert (flexo_xml_reader_get_int (r, "version", &version, &error));
          ck_assert_int_eq (version, 1);
        }
      else if (strcmp (name, "instance") == 0)
        {
          g_autoptr(GError) missing = NULL;
          g_autofree char *prefix = g_strdup_printf ("%s:5: ", display_name);

          ck_assert_str_eq (flexo_xml_reader_get_attribute (r, "id"), "i1");
          ck_assert_str_eq (flexo_xml_reader_require_attribute (r, "concept", &error), "c1");
          ck_assert_ptr_null (flexo_xml_reader_get_attribute (r, "name"));
          ck_assert_ptr_null (flexo_xml_reader_require_attribute (r, "name", &missing));
          ck_assert (g_error_matches (missing, FLEXO_XML_ERROR, FLEXO_XML_ERROR_MISSING_ATTRIBUTE));
          ck_assert_msg (g_str_has_prefix (missing->message, prefix), "%s", missing->message);
          ck_assert_ptr_nonnull (strstr (missing->message, "name"));
        }
      else if (strcmp (name, "value") == 0)
        {
          const char *property = flexo_xml_reader_get_attribute (r, "property");
          g_autofree char *text = NULL;

          ck_assert_ptr_nonnull (property);
          ck_assert (flexo_xml_reader_is_empty_element (r) == (strcmp (property, "empty") == 0));
          text = flexo_xml_reader_read_text (r, &error);
          ck_assert_msg (text != NULL, "%s", error ? error->message : "");
          if (strcmp (property, "name") == 0)
            ck_assert_str_eq (text, "Alice & Bob");
          else
            ck_assert_str_eq (text, "");
          /* still readable until the next element */
          ck_assert_str_eq (flexo_xml_reader_get_attribute (r, "property"), property);
          ck_assert (!flexo_xml_reader_is_end (r));
        }
      else if (strcmp (name, "link") == 0)
        {
          ck_assert (flexo_xml_reader_is_empty_element (r));
          ck_assert_str_eq (flexo_xml_reader_get_attribute (r, "source"), "i1");
          ck_assert_str_eq (flexo_xml_reader_get_attribute (r, "target"), "i2");
        }
      else if (strcmp (name, "diagram") == 0)
        {
          ck_assert_str_eq (flexo_xml_reader_get_attribute (r, "name"), "Q\"<\t\xc3\xa9");
        }
    }

  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (i, G_N_ELEMENTS (well_formed_events));
  /* the end stays the end */
  ck_assert (!flexo_xml_reader_next_element (r, &error));
  ck_assert_ptr_null (error);
}

START_TEST (test_read_well_formed_bytes)
{
  g_autoptr(GBytes) bytes = bytes_from_string (well_formed);
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_bytes (bytes, "mem.flexo", &error);

  ck_assert_ptr_nonnull (r);
  ck_assert_str_eq (flexo_xml_reader_get_display_name (r), "mem.flexo");
  check_well_formed (r, "mem.flexo");
}
END_TEST

START_TEST (test_read_well_formed_path_and_gzip)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *plain_path = g_build_filename (dir, "plain.flexo", NULL);
  g_autofree char *gz_path = g_build_filename (dir, "compressed.flexo", NULL);
  g_autoptr(GBytes) bytes = bytes_from_string (well_formed);
  g_autoptr(GBytes) gz = gzip_bytes (bytes);
  g_autoptr(GError) error = NULL;

  write_file (plain_path, bytes);
  write_file (gz_path, gz);

  {
    g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_path (plain_path, &error);
    g_autofree char *display_name = g_filename_display_name (plain_path);

    ck_assert_ptr_nonnull (r);
    check_well_formed (r, display_name);
  }
  {
    g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_path (gz_path, &error);
    g_autofree char *display_name = g_filename_display_name (gz_path);

    ck_assert_ptr_nonnull (r);
    check_well_formed (r, display_name);
  }
  {
    g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_bytes (gz, "gz.flexo", &error);

    ck_assert_ptr_nonnull (r);
    check_well_formed (r, "gz.flexo");
  }

  remove_tmp_dir (dir);
}
END_TEST

START_TEST (test_read_missing_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_path ("/nonexistent/dir/x.flexo", &error);

  ck_assert_ptr_null (r);
  ck_assert (g_error_matches (error, FLEXO_XML_ERROR, FLEXO_XML_ERROR_IO));
  ck_assert_msg (g_str_has_prefix (error->message, "/nonexistent/dir/x.flexo: "), "%s", error->message);
}
END_TEST

START_TEST (test_read_text_rejects_child_element)
{
  g_autoptr(GBytes) bytes =
    bytes_from_string ("<flexo>\n  <value>a\n    <b/>\n  </value>\n</flexo>\n");
  g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_bytes (bytes, "t.flexo", NULL);
  g_autoptr(GError) error = NULL;
  char *text;

  ck_assert (flexo_xml_reader_next_element (r, &error));
  ck_assert (flexo_xml_reader_next_element (r, &error));
  ck_assert_str_eq (flexo_xml_reader_get_name (r), "value");
  text = flexo_xml_reader_read_text (r, &error);
  ck_assert_ptr_null (text);
  assert_error_at (error, FLEXO_XML_ERROR_INVALID, "t.flexo", 3);
}
END_TEST

START_TEST (test_read_text_cdata_and_explicit_end)
{
  g_autoptr(GBytes) bytes =
    bytes_from_string ("<flexo>\n  <v><![CDATA[a<b]]> &amp; c<!-- x --><?pi y?>&#x1F600;</v>\n  <e></e>\n</flexo>\n");
  g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_bytes (bytes, "t.flexo", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;

  ck_assert (flexo_xml_reader_next_element (r, &error));
  ck_assert (flexo_xml_reader_next_element (r, &error));
  text = flexo_xml_reader_read_text (r, &error);
  ck_assert_str_eq (text, "a<b & c\xf0\x9f\x98\x80");
  ck_assert (flexo_xml_reader_next_element (r, &error));
  ck_assert (flexo_xml_reader_is_end (r));
  ck_assert_str_eq (flexo_xml_reader_get_name (r), "v");

  ck_assert (flexo_xml_reader_next_element (r, &error));
  ck_assert_str_eq (flexo_xml_reader_get_name (r), "e");
  ck_assert (!flexo_xml_reader_is_empty_element (r));
  ck_assert_int_eq (flexo_xml_reader_get_line (r), 3);
  empty = flexo_xml_reader_read_text (r, &error);
  ck_assert_str_eq (empty, "");
  ck_assert (flexo_xml_reader_next_element (r, &error));
  ck_assert (flexo_xml_reader_is_end (r));
  ck_assert_str_eq (flexo_xml_reader_get_name (r), "e");
  ck_assert (flexo_xml_reader_next_element (r, &error));
  ck_assert_str_eq (flexo_xml_reader_get_name (r), "flexo");
  ck_assert (!flexo_xml_reader_next_element (r, &error));
  ck_assert_ptr_null (error);
}
END_TEST

START_TEST (test_skip_element)
{
  g_autoptr(GBytes) bytes =
    bytes_from_string ("<flexo>\n  <future a=\"1\">\n    <x><y/>text</x>\n  </future>\n  <model/>\n</flexo>\n");
  g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_bytes (bytes, "t.flexo", NULL);
  g_autoptr(GError) error = NULL;

  ck_assert (flexo_xml_reader_next_element (r, &error));
  ck_assert (flexo_xml_reader_next_element (r, &error));
  ck_assert_str_eq (flexo_xml_reader_get_name (r), "future");
  ck_assert (flexo_xml_reader_skip_element (r, &error));
  ck_assert (flexo_xml_reader_next_element (r, &error));
  ck_assert_str_eq (flexo_xml_reader_get_name (r), "future");
  ck_assert (flexo_xml_reader_is_end (r));
  ck_assert_int_eq (flexo_xml_reader_get_line (r), 2);
  ck_assert (flexo_xml_reader_next_element (r, &error));
  ck_assert_str_eq (flexo_xml_reader_get_name (r), "model");
  ck_assert_int_eq (flexo_xml_reader_get_line (r), 5);
}
END_TEST

START_TEST (test_typed_getters)
{
  static const char doc[] =
    "<flexo>\n"
    "\n"
    "  <t a=\"12\" b=\"-3.5\" c=\"1e3\" d=\"12abc\" e=\"\" f=\"nan\" g=\"inf\"\n"
    "     h=\" 1\" i=\"1e999\" j=\"0x10\" k=\"true\" l=\"false\" m=\"yes\" n=\"2147483647\"\n"
    "     o=\"2147483648\" p=\"-2147483648\" q=\"1.5\" r=\"-infinity\" s=\".5\" u=\"5.\"\n"
    "     v=\"1e\" w=\"+7\" x=\"1,5\" y=\"1 \"/>\n"
    "</flexo>\n";
  static const char * const bad_doubles[] = { "d", "e", "f", "g", "h", "i", "j", "k", "r", "v", "x", "y" };
  static const char * const bad_ints[] = { "b", "c", "d", "e", "f", "h", "o", "q", "x", "y" };
  g_autoptr(GBytes) bytes = bytes_from_string (doc);
  g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_bytes (bytes, "typed.flexo", NULL);
  g_autoptr(GError) error = NULL;
  double d;
  int i;
  gboolean b;

  ck_assert (flexo_xml_reader_next_element (r, &error));
  ck_assert (flexo_xml_reader_next_element (r, &error));
  ck_assert_str_eq (flexo_xml_reader_get_name (r), "t");
  ck_assert_int_eq (flexo_xml_reader_get_line (r), 3);

  ck_assert (flexo_xml_reader_get_double (r, "a", &d, &error));
  ck_assert_double_eq (d, 12);
  ck_assert (flexo_xml_reader_get_double (r, "b", &d, &error));
  ck_assert_double_eq (d, -3.5);
  ck_assert (flexo_xml_reader_get_double (r, "c", &d, &error));
  ck_assert_double_eq (d, 1000);
  ck_assert (flexo_xml_reader_get_double (r, "q", &d, &error));
  ck_assert_double_eq (d, 1.5);
  ck_assert (flexo_xml_reader_get_double (r, "s", &d, &error));
  ck_assert_double_eq (d, 0.5);
  ck_assert (flexo_xml_reader_get_double (r, "u", &d, &error));
  ck_assert_double_eq (d, 5);
  ck_assert (flexo_xml_reader_get_double (r, "w", &d, &error));
  ck_assert_double_eq (d, 7);

  /* absent: TRUE, untouched */
  d = 42;
  ck_assert (flexo_xml_reader_get_double (r, "absent", &d, &error));
  ck_assert_double_eq (d, 42);
  ck_assert_ptr_null (error);

  for (guint k = 0; k < G_N_ELEMENTS (bad_doubles); k++)
    {
      g_autoptr(GError) local_error = NULL;

      d = 42;
      ck_assert_msg (!flexo_xml_reader_get_double (r, bad_doubles[k], &d, &local_error),
                     "%s accepted", bad_doubles[k]);
      ck_assert_double_eq (d, 42);
      assert_error_at (local_error, FLEXO_XML_ERROR_INVALID_VALUE, "typed.flexo", 3);
      ck_assert_ptr_nonnull (strstr (local_error->message, "<t>"));
    }

  ck_assert (flexo_xml_reader_get_int (r, "a", &i, &error));
  ck_assert_int_eq (i, 12);
  ck_assert (flexo_xml_reader_get_int (r, "n", &i, &error));
  ck_assert_int_eq (i, G_MAXINT);
  ck_assert (flexo_xml_reader_get_int (r, "p", &i, &error));
  ck_assert_int_eq (i, G_MININT);
  ck_assert (flexo_xml_reader_get_int (r, "w", &i, &error));
  ck_assert_int_eq (i, 7);
  for (guint k = 0; k < G_N_ELEMENTS (bad_ints); k++)
    {
      g_autoptr(GError) local_error = NULL;

      i = 42;
      ck_assert_msg (!flexo_xml_reader_get_int (r, bad_ints[k], &i, &local_error),
                     "%s accepted", bad_ints[k]);
      ck_assert_int_eq (i, 42);
      assert_error_at (local_error, FLEXO_XML_ERROR_INVALID_VALUE, "typed.flexo", 3);
    }

  b = FALSE;
  ck_assert (flexo_xml_reader_get_boolean (r, "k", &b, &error));
  ck_assert (b);
  ck_assert (flexo_xml_reader_get_boolean (r, "l", &b, &error));
  ck_assert (!b);
  {
    g_autoptr(GError) local_error = NULL;

    ck_assert (!flexo_xml_reader_get_boolean (r, "m", &b, &local_error));
    assert_error_at (local_error, FLEXO_XML_ERROR_INVALID_VALUE, "typed.flexo", 3);
    ck_assert_ptr_nonnull (strstr (local_error->message, "yes"));
  }

  /* a loader's own error, at the current element */
  {
    g_autoptr(GError) local_error = NULL;

    flexo_xml_reader_error (r, &local_error, FLEXO_XML_ERROR_INVALID, "dangling %s", "i9");
    ck_assert_str_eq (local_error->message, "typed.flexo:3: dangling i9");
  }

  ck_assert_ptr_null (error);
}
END_TEST

START_TEST (test_parse_numbers)
{
  double d = 0;
  int i = 0;

  ck_assert (flexo_strtod ("12", &d) && d == 12);
  ck_assert (flexo_strtod ("-3.5", &d) && d == -3.5);
  ck_assert (flexo_strtod ("1e3", &d) && d == 1000);
  ck_assert (flexo_strtod ("1E-3", &d) && d == 0.001);
  ck_assert (flexo_strtod ("-0", &d) && d == 0 && signbit (d));
  ck_assert (!flexo_strtod ("12abc", &d));
  ck_assert (!flexo_strtod ("", &d));
  ck_assert (!flexo_strtod ("nan", &d));
  ck_assert (!flexo_strtod ("NaN", &d));
  ck_assert (!flexo_strtod ("inf", &d));
  ck_assert (!flexo_strtod ("-Infinity", &d));
  ck_assert (!flexo_strtod ("1e400", &d));
  ck_assert (!flexo_strtod (".", &d));
  ck_assert (!flexo_strtod ("-", &d));
  ck_assert (!flexo_strtod ("0x1p3", &d));
  ck_assert (flexo_strtoi ("-17", &i) && i == -17);
  ck_assert (!flexo_strtoi ("17.0", &i));
  ck_assert (!flexo_strtoi ("99999999999999999999", &i));
  ck_assert (!flexo_strtoi ("", &i));

  /* The fast path gives what strtod gives, to the last bit. */
  {
    GRand *rand = g_rand_new_with_seed (42);

    for (guint k = 0; k < 200000; k++)
      {
        char text[64];
        double expected;

        g_snprintf (text, sizeof text, "%.*f", g_rand_int_range (rand, 0, 12),
                    (g_rand_double (rand) - 0.5) * pow (10, g_rand_int_range (rand, 0, 9)));
        expected = g_ascii_strtod (text, NULL);
        ck_assert (flexo_strtod (text, &d));
        ck_assert_msg (memcmp (&d, &expected, sizeof d) == 0, "%s: %.17g, not %.17g", text, d, expected);
      }
    g_rand_free (rand);
  }
}
END_TEST

START_TEST (test_error_line_prefix)
{
  g_autoptr(GBytes) bytes =
    bytes_from_string ("<?xml version=\"1.0\"?>\n<flexo>\n  <model>\n    <a x=\"1\">\n  </model>\n</flexo>\n");
  g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_bytes (bytes, "dir/bad file.flexo", NULL);
  g_autoptr(GError) again = NULL;
  Outcome o = { 0 };

  read_all (r, FALSE, &o);
  assert_error_at (o.error, FLEXO_XML_ERROR_MALFORMED, "dir/bad file.flexo", 5);
  /* sticky */
  ck_assert (!flexo_xml_reader_next_element (r, &again));
  ck_assert_str_eq (again->message, o.error->message);
  outcome_clear (&o);
}
END_TEST

/* libxml2 keeps element lines in 16 bits; lines past 65535 must still be right */
START_TEST (test_big_line_numbers)
{
  g_autoptr(GString) doc = g_string_new ("<flexo>\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(FlexoXmlReader) r = NULL;
  g_autoptr(GError) error = NULL;
  gboolean seen_last = FALSE;

  for (guint k = 0; k < 70000; k++)
    g_string_append_printf (doc, "  <s id=\"%u\"/>\n", k);        /* line k + 2 */
  g_string_append (doc, "  <last x=\"bad\">\n    <v>t</v><w/>\n  </last>\n</flexo>\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&doc));
  r = flexo_xml_reader_new_for_bytes (bytes, "big.flexo", NULL);

  while (flexo_xml_reader_next_element (r, &error))
    {
      const char *name = flexo_xml_reader_get_name (r);

      if (strcmp (name, "s") == 0 && !flexo_xml_reader_is_end (r))
        {
          int id = -1;

          ck_assert (flexo_xml_reader_get_int (r, "id", &id, &error));
          ck_assert_int_eq (flexo_xml_reader_get_line (r), id + 2);
        }
      else if (strcmp (name, "last") == 0 && !flexo_xml_reader_is_end (r))
        {
          g_autoptr(GError) bad = NULL;
          double x = 0;

          ck_assert_int_eq (flexo_xml_reader_get_line (r), 70002);
          ck_assert (!flexo_xml_reader_get_double (r, "x", &x, &bad));
          assert_error_at (bad, FLEXO_XML_ERROR_INVALID_VALUE, "big.flexo", 70002);
          seen_last = TRUE;
        }
      else if (strcmp (name, "v") == 0 || strcmp (name, "w") == 0)
        {
          ck_assert_int_eq (flexo_xml_reader_get_line (r), 70003);
        }
    }
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  ck_assert (seen_last);
}
END_TEST

/* Well-formedness that the reader checks itself: each document fails
 * with @code at @line. */
static const struct
{
  const char *doc;
  int         code;
  int         line;
} malformed[] = {
  { "<a>\n<b x='1' x='2'/>\n</a>", FLEXO_XML_ERROR_MALFORMED, 2 },              /* duplicate attribute */
  { "<a>\n<!-- a -- b -->\n</a>", FLEXO_XML_ERROR_MALFORMED, 2 },               /* "--" in a comment */
  { "<a>\n<b x='1<2'/>\n</a>", FLEXO_XML_ERROR_MALFORMED, 2 },                  /* "<" in a value */
  { "<a>\n\nx ]]> y</a>", FLEXO_XML_ERROR_MALFORMED, 3 },                        /* "]]>" in text */
  { "<a>\n&#0;</a>", FLEXO_XML_ERROR_MALFORMED, 2 },                             /* not an XML character */
  { "<a>&#xD800;</a>", FLEXO_XML_ERROR_MALFORMED, 1 },                           /* a surrogate */
  { "<a>\n& b</a>", FLEXO_XML_ERROR_MALFORMED, 2 },                              /* a bare "&" */
  { "<![CDATA[x]]><a/>", FLEXO_XML_ERROR_MALFORMED, 1 },                         /* CDATA outside */
  { "\n<?xml version='1.0'?><a/>", FLEXO_XML_ERROR_MALFORMED, 2 },               /* late declaration */
  { "<a>\n<b c='1'd='2'/></a>", FLEXO_XML_ERROR_MALFORMED, 2 },                  /* no space between */
  { "<a>\n<b c=1/></a>", FLEXO_XML_ERROR_MALFORMED, 2 },                         /* unquoted */
  { "<a>\n</b>", FLEXO_XML_ERROR_MALFORMED, 2 },                                 /* mismatched */
  { "<a/>\ntext", FLEXO_XML_ERROR_MALFORMED, 2 },                                /* text after the root */
  { "", FLEXO_XML_ERROR_MALFORMED, 1 },                                          /* empty */
  { "<a>\n<!ENTITY x 'y'>\n</a>", FLEXO_XML_ERROR_MALFORMED, 2 },                /* a declaration */
  { "<a>\n<b>\xc3</b></a>", FLEXO_XML_ERROR_MALFORMED, 2 },                      /* cut sequence */
  { "<a>\n\x01</a>", FLEXO_XML_ERROR_MALFORMED, 2 },                             /* a control character */
  { "<a>\n<b\n", FLEXO_XML_ERROR_MALFORMED, 3 },                                 /* cut tag */
};

START_TEST (test_malformed)
{
  g_autoptr(GBytes) bytes = bytes_from_string (malformed[_i].doc);
  g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_bytes (bytes, "m.xml", NULL);
  Outcome o = { 0 };

  read_all (r, FALSE, &o);
  assert_error_at (o.error, malformed[_i].code, "m.xml", malformed[_i].line);
  outcome_clear (&o);
}
END_TEST

/* A byte order mark, another declared encoding, UTF-16: all read as
 * UTF-8 in the end; attribute values normalized as XML says. */
START_TEST (test_encodings)
{
  static const struct
  {
    const char *doc;
    gsize       len;
  } docs[] = {
    { "\xef\xbb\xbf<a v='caf\xc3\xa9'>caf\xc3\xa9</a>", 0 },
    /* The byte order mark wins over the declaration */
    { "\xef\xbb\xbf<?xml version='1.0' encoding='ISO-8859-1'?><a v='caf\xc3\xa9'>caf\xc3\xa9</a>", 0 },
    { "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a v='caf\xe9'>caf\xe9</a>", 0 },
    { "\xff\xfe<\0a\0 \0v\0=\0'\0c\0a\0f\0\xe9\0'\0>\0c\0a\0f\0\xe9\0<\0/\0a\0>\0", 42 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (docs[i].doc, docs[i].len > 0 ? docs[i].len : strlen (docs[i].doc));
      g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_bytes (bytes, "e.xml", NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      ck_assert_msg (flexo_xml_reader_next_element (r, &error), "%u: %s", i, error ? error->message : "");
      ck_assert_str_eq (flexo_xml_reader_get_attribute (r, "v"), "caf\xc3\xa9");
      text = flexo_xml_reader_read_text (r, &error);
      ck_assert_msg (text != NULL, "%u: %s", i, error ? error->message : "");
      ck_assert_str_eq (text, "caf\xc3\xa9");
    }

  {
    g_autoptr(GBytes) bytes = bytes_from_string ("<a v=' x\ty\r\nz &#10;'>\r\nl1\rl2</a>");
    g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_bytes (bytes, "n.xml", NULL);
    g_autofree char *text = NULL;

    ck_assert (flexo_xml_reader_next_element (r, NULL));
    ck_assert_str_eq (flexo_xml_reader_get_attribute (r, "v"), " x y z \n");
    text = flexo_xml_reader_read_text (r, NULL);
    ck_assert_str_eq (text, "\nl1\nl2");
  }
}
END_TEST

/* A document far larger than the reader's window, plain and compressed:
 * references, multibyte characters, comments and CDATA fall across every
 * boundary, and come out whole. */
START_TEST (test_window_boundaries)
{
  g_autoptr(GString) doc = g_string_new ("<?xml version=\"1.0\"?>\n<root>\n");
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) compressed = NULL;
  const guint n = 30000;

  for (guint k = 0; k < n; k++)
    {
      g_string_append_printf (doc, "<e%s k=\"%u&amp;\xc3\xa9&#x1F600;\">t%u &lt;\xe2\x82\xac",
                              k % 3 == 0 ? "" : "\n   ", k, k);
      if (k % 7 == 0)
        g_string_append (doc, "<!-- c - >- -->");
      if (k % 5 == 0)
        g_string_append (doc, "<![CDATA[<x>&]]]>");
      g_string_append (doc, "</e>\n");
    }
  g_string_append (doc, "</root>\n");
  plain = g_string_free_to_bytes (g_steal_pointer (&doc));
  compressed = gzip_bytes (plain);

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_bytes (pass == 0 ? plain : compressed, "w.xml", NULL);
      g_autoptr(GError) error = NULL;
      guint k = 0;

      while (flexo_xml_reader_next_element (r, &error))
        {
          g_autofree char *value = NULL;
          g_autofree char *expected = NULL;
          g_autofree char *text = NULL;

          if (flexo_xml_reader_is_end (r) || strcmp (flexo_xml_reader_get_name (r), "e") != 0)
            continue;
          value = g_strdup_printf ("%u&\xc3\xa9\xf0\x9f\x98\x80", k);
          ck_assert_str_eq (flexo_xml_reader_get_attribute (r, "k"), value);
          text = flexo_xml_reader_read_text (r, &error);
          ck_assert_msg (text != NULL, "%s", error ? error->message : "");
          expected = g_strdup_printf ("t%u <\xe2\x82\xac%s", k, k % 5 == 0 ? "<x>&]" : "");
          ck_assert_str_eq (text, expected);
          k++;
        }
      ck_assert_msg (error == NULL, "%s", error ? error->message : "");
      ck_assert_uint_eq (k, n);
    }
}
END_TEST

/* Hostile input */

START_TEST (test_hostile_truncated)
{
  assert_hostile ("truncated.flexo", FLEXO_XML_ERROR_MALFORMED, 5);
}
END_TEST

START_TEST (test_hostile_garbage)
{
  assert_hostile ("garbage.flexo", FLEXO_XML_ERROR_MALFORMED, 1);
}
END_TEST

START_TEST (test_hostile_mismatched)
{
  assert_hostile ("mismatched.flexo", FLEXO_XML_ERROR_MALFORMED, 5);
}
END_TEST

START_TEST (test_hostile_two_roots)
{
  assert_hostile ("two-roots.flexo", FLEXO_XML_ERROR_MALFORMED, 5);
}
END_TEST

START_TEST (test_hostile_undeclared_entity)
{
  assert_hostile ("undeclared-entity.flexo", FLEXO_XML_ERROR_MALFORMED, 3);
}
END_TEST

START_TEST (test_hostile_invalid_utf8)
{
  assert_hostile ("invalid-utf8.flexo", FLEXO_XML_ERROR_MALFORMED, 4);
}
END_TEST

static void
assert_no_passwd (const char *name,
                  int         line)
{
  g_autofree char *path = hostile_path (name);
  g_autofree char *display_name = g_filename_display_name (path);
  Outcome o = { 0 };

  read_path (path, TRUE, 0, &o);
  assert_error_at (o.error, FLEXO_XML_ERROR_UNSAFE, display_name, line);
  for (guint k = 0; k < o.texts->len; k++)
    ck_assert_ptr_null (strstr (g_ptr_array_index (o.texts, k), "root:"));
  ck_assert_ptr_null (strstr (o.error->message, "root:"));
  outcome_clear (&o);
}

START_TEST (test_hostile_xxe)
{
  assert_no_passwd ("xxe.flexo", 1);
}
END_TEST

START_TEST (test_hostile_xxe_parameter_entity)
{
  assert_no_passwd ("xxe-parameter.flexo", 2);
}
END_TEST

/* UTF-16 hides the DOCTYPE from the byte scan: the reader still refuses it */
START_TEST (test_hostile_xxe_utf16)
{
  g_autofree char *path = hostile_path ("xxe-utf16.flexo");
  g_autofree char *display_name = g_filename_display_name (path);
  Outcome o = { 0 };

  read_path (path, TRUE, 0, &o);
  ck_assert (g_error_matches (o.error, FLEXO_XML_ERROR, FLEXO_XML_ERROR_UNSAFE));
  ck_assert (g_str_has_prefix (o.error->message, display_name));
  for (guint k = 0; k < o.texts->len; k++)
    ck_assert_ptr_null (strstr (g_ptr_array_index (o.texts, k), "root:"));
  outcome_clear (&o);
}
END_TEST

START_TEST (test_hostile_external_dtd)
{
  assert_hostile ("external-dtd.flexo", FLEXO_XML_ERROR_UNSAFE, 2);
}
END_TEST

START_TEST (test_hostile_doctype_after_prolog)
{
  assert_hostile ("doctype-after-prolog.flexo", FLEXO_XML_ERROR_UNSAFE, 4);
}
END_TEST

START_TEST (test_hostile_billion_laughs)
{
  assert_hostile ("billion-laughs.flexo", FLEXO_XML_ERROR_UNSAFE, 2);
}
END_TEST

/* The refusing entity loader only acts inside a FlexoXmlReader: other
 * users of libxml2 in the process keep loading what they ask for. */
START_TEST (test_other_libxml2_users_unaffected)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *dtd = g_build_filename (dir, "e.ent", NULL);
  g_autofree char *doc = NULL;
  g_autoptr(GBytes) ent = bytes_from_string ("external text");
  g_autoptr(GBytes) bytes = bytes_from_string ("<flexo/>");
  g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_bytes (bytes, "x", NULL);
  xmlDocPtr xdoc;
  xmlChar *content;

  ck_assert (flexo_xml_reader_next_element (r, NULL));
  write_file (dtd, ent);
  doc = g_strdup_printf ("<!DOCTYPE a [<!ENTITY e SYSTEM \"file://%s\">]><a>&e;</a>", dtd);
  xdoc = xmlReadMemory (doc, strlen (doc), NULL, NULL, XML_PARSE_NOENT | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  ck_assert_ptr_nonnull (xdoc);
  content = xmlNodeGetContent (xmlDocGetRootElement (xdoc));
  ck_assert_str_eq ((const char *) content, "external text");
  xmlFree (content);
  xmlFreeDoc (xdoc);
  remove_tmp_dir (dir);
}
END_TEST

static void
write_deep (const char *path,
            guint       levels)
{
  g_autoptr(GString) doc = g_string_sized_new (levels * 8);
  g_autoptr(GBytes) bytes = NULL;

  for (guint k = 0; k < levels; k++)
    g_string_append (doc, "<a>");
  for (guint k = 0; k < levels; k++)
    g_string_append (doc, "</a>");
  g_string_append_c (doc, '\n');
  bytes = g_string_free_to_bytes (g_steal_pointer (&doc));
  write_file (path, bytes);
}

START_TEST (test_hostile_deep_nesting)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "deep.flexo", NULL);
  g_autofree char *display_name = g_filename_display_name (path);
  Outcome o = { 0 };

  write_deep (path, 100000);
  read_path (path, FALSE, 0, &o);
  assert_error_at (o.error, FLEXO_XML_ERROR_TOO_DEEP, display_name, 1);
  ck_assert_ptr_nonnull (strstr (o.error->message, "nesting deeper than 256 levels"));
  outcome_clear (&o);

  /* the limit itself: 256 levels pass, 257 do not */
  write_deep (path, 256);
  read_path (path, FALSE, 0, &o);
  ck_assert_msg (o.error == NULL, "%s", o.error ? o.error->message : "");
  ck_assert_uint_eq (o.n_starts, 256);
  ck_assert_uint_eq (o.n_ends, 256);
  outcome_clear (&o);

  write_deep (path, 257);
  read_path (path, FALSE, 0, &o);
  assert_error_at (o.error, FLEXO_XML_ERROR_TOO_DEEP, display_name, 1);
  ck_assert_uint_eq (o.n_starts, 256);
  outcome_clear (&o);

  remove_tmp_dir (dir);
}
END_TEST

static void
write_big_attribute (const char *path,
                     gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  char chunk[64 * 1024];
  static const char head[] = "<flexo>\n  <shape label=\"";
  static const char tail[] = "\"/>\n</flexo>\n";

  ck_assert_msg (out != NULL, "%s", error ? error->message : "");
  memset (chunk, 'x', sizeof chunk);
  ck_assert (g_output_stream_write_all (G_OUTPUT_STREAM (out), head, strlen (head), NULL, NULL, &error));
  for (gsize done = 0; done < size; done += sizeof chunk)
    ck_assert (g_output_stream_write_all (G_OUTPUT_STREAM (out), chunk, MIN (sizeof chunk, size - done),
                                          NULL, NULL, &error));
  ck_assert (g_output_stream_write_all (G_OUTPUT_STREAM (out), tail, strlen (tail), NULL, NULL, &error));
  ck_assert (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
}

START_TEST (test_hostile_huge_attribute)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.flexo", NULL);
  g_autofree char *display_name = g_filename_display_name (path);
  Outcome o = { 0 };

  /* 50 MB: libxml2's own limit */
  write_big_attribute (path, 50 * 1000 * 1000);
  read_path (path, FALSE, 0, &o);
  assert_error_at (o.error, FLEXO_XML_ERROR_TOO_LARGE, display_name, 2);
  outcome_clear (&o);

  /* 2 MiB: ours */
  write_big_attribute (path, 2 * 1024 * 1024);
  read_path (path, FALSE, 0, &o);
  assert_error_at (o.error, FLEXO_XML_ERROR_TOO_LARGE, display_name, 2);
  ck_assert_ptr_nonnull (strstr (o.error->message, "label"));
  outcome_clear (&o);

  remove_tmp_dir (dir);
}
END_TEST

START_TEST (test_hostile_gzip_bomb)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "bomb.flexo", NULL);
  g_autofree char *display_name = g_filename_display_name (path);
  g_autoptr(GString) doc = g_string_sized_new (21 * 1000 * 1000);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) gz = NULL;
  Outcome o = { 0 };

  g_string_append (doc, "<flexo>\n");
  while (doc->len < 20 * 1000 * 1000)
    g_string_append (doc, "<a/><a/><a/><a/><a/><a/><a/><a/><a/><a/>\n");
  g_string_append (doc, "</flexo>\n");
  plain = g_string_free_to_bytes (g_steal_pointer (&doc));
  gz = gzip_bytes (plain);
  ck_assert_uint_lt (g_bytes_get_size (gz), 1024 * 1024);
  write_file (path, gz);

  read_path (path, FALSE, 4 * 1024 * 1024, &o);
  ck_assert (g_error_matches (o.error, FLEXO_XML_ERROR, FLEXO_XML_ERROR_TOO_LARGE));
  ck_assert_msg (g_str_has_prefix (o.error->message, display_name), "%s", o.error->message);
  ck_assert_msg (strstr (o.error->message, "MiB") != NULL, "%s", o.error->message);
  /* stopped after 4 MiB: at most one element per 4 bytes */
  ck_assert_uint_le (o.n_starts, 4 * 1024 * 1024 / 4);
  outcome_clear (&o);

  remove_tmp_dir (dir);
}
END_TEST

START_TEST (test_hostile_gzip_truncated)
{
  g_autoptr(GBytes) plain = bytes_from_string (well_formed);
  g_autoptr(GBytes) gz = gzip_bytes (plain);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (gz, 0, g_bytes_get_size (gz) / 2);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("\x1f\x8b\x08\x00 not really gzip", 21);
  g_autoptr(FlexoXmlReader) r = flexo_xml_reader_new_for_bytes (cut, "cut.flexo.gz", NULL);
  g_autoptr(FlexoXmlReader) r2 = flexo_xml_reader_new_for_bytes (garbage, "garbage.gz", NULL);
  Outcome o = { 0 };

  read_all (r, FALSE, &o);
  ck_assert (g_error_matches (o.error, FLEXO_XML_ERROR, FLEXO_XML_ERROR_MALFORMED));
  ck_assert (g_str_has_prefix (o.error->message, "cut.flexo.gz:"));
  outcome_clear (&o);

  read_all (r2, FALSE, &o);
  assert_error_at (o.error, FLEXO_XML_ERROR_MALFORMED, "garbage.gz", 1);
  outcome_clear (&o);
}
END_TEST

/* A byte changed late in compressed data: the error's line is near it,
 * not the first line (zlib gives nothing of a call that meets damage). */
START_TEST (test_hostile_gzip_damaged_late)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n<flexo version=\"1\">\n");
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) gz = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(FlexoXmlReader) r = NULL;
  g_autofree char *message = NULL;
  const guint n_lines = 20000;
  guint8 *data;
  gsize len;
  guint64 line;
  Outcome o = { 0 };

  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (text, "  <item n=\"%u\" x=\"%u.25\" name=\"item %u\"/>\n", i, i * 7919 % 10007, i);
  g_string_append (text, "</flexo>\n");
  plain = g_bytes_new (text->str, text->len);
  gz = gzip_bytes (plain);
  data = g_bytes_unref_to_data (g_steal_pointer (&gz), &len);
  data[len * 4 / 5] ^= 0x5a;
  damaged = g_bytes_new_take (data, len);
  r = flexo_xml_reader_new_for_bytes (damaged, "late.flexo", NULL);

  read_all (r, FALSE, &o);
  ck_assert (g_error_matches (o.error, FLEXO_XML_ERROR, FLEXO_XML_ERROR_MALFORMED));
  ck_assert_msg (g_str_has_prefix (o.error->message, "late.flexo:"), "%s", o.error->message);
  line = g_ascii_strtoull (o.error->message + strlen ("late.flexo:"), NULL, 10);
  ck_assert_msg (line > n_lines / 2 && line <= n_lines + 3, "%s", o.error->message);
  outcome_clear (&o);
}
END_TEST

/* Writing */

static FlexoXmlReader *
reader_for_writer (FlexoXmlWriter *w)
{
  g_autoptr(GBytes) bytes = flexo_xml_writer_finish (w);

  return flexo_xml_reader_new_for_bytes (bytes, "written.flexo", NULL);
}

START_TEST (test_writer_layout)
{
  static const char expected[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<flexo version=\"1\">\n"
    "  <model>\n"
    "    <instance id=\"i1\" visible=\"true\" x=\"0.1\" n=\"-42\">\n"
    "      <value property=\"name\">Alice</value>\n"
    "      <value property=\"empty\"/>\n"
    "      <value property=\"note\" lang=\"fr\">a&#10;b</value>\n"
    "    </instance>\n"
    "    <empty/>\n"
    "  </model>\n"
    "</flexo>\n";
  g_autoptr(GBytes) first = NULL;

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(FlexoXmlWriter) w = flexo_xml_writer_new ();
      g_autoptr(GBytes) bytes = NULL;

      flexo_xml_writer_start_element (w, "flexo");
      flexo_xml_writer_attribute_int (w, "version", 1);
      flexo_xml_writer_start_element (w, "model");
      flexo_xml_writer_start_element (w, "instance");
      flexo_xml_writer_attribute (w, "id", "i1");
      flexo_xml_writer_attribute (w, "skipped", NULL);
      flexo_xml_writer_attribute_boolean (w, "visible", TRUE);
      flexo_xml_writer_attribute_double (w, "x", 0.1);
      flexo_xml_writer_attribute_int (w, "n", -42);
      flexo_xml_writer_start_element (w, "value");
      flexo_xml_writer_attribute (w, "property", "name");
      flexo_xml_writer_text (w, "Alice");
      flexo_xml_writer_end_element (w);
      flexo_xml_writer_text_element (w, "value", "", "property", "empty", NULL);
      flexo_xml_writer_text_element (w, "value", "a\nb", "property", "note", "missing", NULL, NULL);
      flexo_xml_writer_end_element (w);
      flexo_xml_writer_start_element (w, "empty");
      flexo_xml_writer_end_element (w);
      flexo_xml_writer_end_element (w);
      flexo_xml_writer_end_element (w);
      bytes = flexo_xml_writer_finish (w);

      if (round == 0)
        {
          g_autofree char *s = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

          /* an attribute with a NULL value is skipped */
          ck_assert_ptr_null (strstr (s, "missing"));
          ck_assert_str_eq (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<flexo version=\"1\">\n"
                               "  <model>\n"
                               "    <instance id=\"i1\" visible=\"true\" x=\"0.1\" n=\"-42\">\n"
                               "      <value property=\"name\">Alice</value>\n"
                               "      <value property=\"empty\"/>\n"
                               "      <value property=\"note\">a&#10;b</value>\n"
                               "    </instance>\n"
                               "    <empty/>\n"
                               "  </model>\n"
                               "</flexo>\n");
          first = g_bytes_ref (bytes);
        }
      else
        {
          ck_assert (g_bytes_equal (first, bytes));
        }
    }

  /* the same with text_element() */
  {
    g_autoptr(FlexoXmlWriter) w = flexo_xml_writer_new ();
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *s = NULL;

    flexo_xml_writer_start_element (w, "flexo");
    flexo_xml_writer_attribute_int (w, "version", 1);
    flexo_xml_writer_start_element (w, "model");
    flexo_xml_writer_start_element (w, "instance");
    flexo_xml_writer_attribute (w, "id", "i1");
    flexo_xml_writer_attribute_boolean (w, "visible", TRUE);
    flexo_xml_writer_attribute_double (w, "x", 0.1);
    flexo_xml_writer_attribute_int (w, "n", -42);
    flexo_xml_writer_text_element (w, "value", "Alice", "property", "name", NULL);
    flexo_xml_writer_text_element (w, "value", NULL, "property", "empty", NULL);
    flexo_xml_writer_text_element (w, "value", "a\nb", "property", "note", "lang", "fr", NULL);
    flexo_xml_writer_end_element (w);
    flexo_xml_writer_text_element (w, "empty", NULL, NULL);
    flexo_xml_writer_end_element (w);
    flexo_xml_writer_end_element (w);
    bytes = flexo_xml_writer_finish (w);
    s = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    ck_assert_str_eq (s, expected);
  }
}
END_TEST

START_TEST (test_writer_escaping_round_trip)
{
  static const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "a & b < c > d \" e ' f", "a & b < c > d \" e ' f" },
    { "line1\nline2\r\nline3\ttab  two spaces ", "line1\nline2\r\nline3\ttab  two spaces " },
    { "emoji \xf0\x9f\x98\x80 and \xc3\xa9", "emoji \xf0\x9f\x98\x80 and \xc3\xa9" },
    { "ctl\x01\x02\x07\x1f end", "ctl end" },
    { "bad \xff\xfe utf8 \xc3", "bad  utf8 " },
    { "nonchar \xef\xbf\xbe\xef\xbf\xbf end", "nonchar  end" },
    { "c1 \xc2\x85 del \x7f", "c1 \xc2\x85 del \x7f" },
    { "]]> &amp; &#38;", "]]> &amp; &#38;" },
    { "", "" },
    { "   ", "   " },
  };
  g_autoptr(FlexoXmlWriter) w = flexo_xml_writer_new ();
  g_autoptr(FlexoXmlReader) r = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  flexo_xml_writer_start_element (w, "flexo");
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    flexo_xml_writer_text_element (w, "v", cases[k].in, "a", cases[k].in, NULL);
  flexo_xml_writer_end_element (w);
  r = reader_for_writer (w);

  ck_assert (flexo_xml_reader_next_element (r, &error));
  while (flexo_xml_reader_next_element (r, &error))
    {
      g_autofree char *text = NULL;

      if (flexo_xml_reader_is_end (r))
        continue;
      ck_assert_uint_lt (n, G_N_ELEMENTS (cases));
      ck_assert_int_eq (flexo_xml_reader_get_line (r), n + 3);
      ck_assert_str_eq (flexo_xml_reader_get_attribute (r, "a"), cases[n].out);
      text = flexo_xml_reader_read_text (r, &error);
      ck_assert_msg (text != NULL, "%s", error ? error->message : "");
      ck_assert_str_eq (text, cases[n].out);
      n++;
    }
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (n, G_N_ELEMENTS (cases));
}
END_TEST

static void
assert_formats_as (double      value,
                   const char *expected)
{
  char buf[FLEXO_DTOSTR_BUF_SIZE];

  ck_assert_str_eq (flexo_dtostr (buf, value), expected);
}

START_TEST (test_writer_numbers_round_trip)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(FlexoXmlWriter) w = flexo_xml_writer_new ();
  g_autoptr(FlexoXmlReader) r = NULL;
  g_autoptr(GError) error = NULL;
  static const double fixed[] = {
    0.0, -0.0, 1e-300, 123456789.125, 0.1, 1.0 / 3, -2.5, 120, 1e21, 1e15, 999999999999999.9,
    G_MAXDOUBLE, -G_MAXDOUBLE, G_MINDOUBLE, 4.9406564584124654e-324, 0.30000000000000004,
  };
  guint n = 0;

  assert_formats_as (120, "120");
  assert_formats_as (-0.0, "-0");
  assert_formats_as (0.1, "0.1");
  assert_formats_as (-2.5, "-2.5");
  assert_formats_as (123456789.125, "123456789.125");
  assert_formats_as (1e-300, "1e-300");
  assert_formats_as (0.30000000000000004, "0.30000000000000004");

  g_array_append_vals (values, fixed, G_N_ELEMENTS (fixed));
  while (values->len < 2000)
    {
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      double d;

      memcpy (&d, &bits, sizeof d);
      if (isfinite (d))
        g_array_append_val (values, d);
      d = g_rand_double_range (rand, -1e6, 1e6);
      g_array_append_val (values, d);
    }

  flexo_xml_writer_start_element (w, "flexo");
  for (guint k = 0; k < values->len; k++)
    {
      flexo_xml_writer_start_element (w, "p");
      flexo_xml_writer_attribute_double (w, "x", g_array_index (values, double, k));
      flexo_xml_writer_end_element (w);
    }
  flexo_xml_writer_end_element (w);
  r = reader_for_writer (w);

  ck_assert (flexo_xml_reader_next_element (r, &error));
  while (flexo_xml_reader_next_element (r, &error))
    {
      double expected, got = NAN;

      if (flexo_xml_reader_is_end (r))
        continue;
      ck_assert_uint_lt (n, values->len);
      expected = g_array_index (values, double, n);
      ck_assert (flexo_xml_reader_get_double (r, "x", &got, &error));
      ck_assert_msg (memcmp (&expected, &got, sizeof (double)) == 0,
                     "%.17g read back as %.17g (%s)", expected, got,
                     flexo_xml_reader_get_attribute (r, "x"));
      n++;
    }
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (n, values->len);
}
END_TEST

static Suite *
xml_suite (void)
{
  Suite *s = suite_create ("xml");
  TCase *tc_read = tcase_create ("read");
  TCase *tc_hostile = tcase_create ("hostile");
  TCase *tc_big = tcase_create ("big");
  TCase *tc_write = tcase_create ("write");

  tcase_add_test (tc_read, test_read_well_formed_bytes);
  tcase_add_test (tc_read, test_read_well_formed_path_and_gzip);
  tcase_add_test (tc_read, test_read_missing_file);
  tcase_add_test (tc_read, test_read_text_rejects_child_element);
  tcase_add_test (tc_read, test_read_text_cdata_and_explicit_end);
  tcase_add_test (tc_read, test_skip_element);
  tcase_add_test (tc_read, test_typed_getters);
  tcase_add_test (tc_read, test_parse_numbers);
  tcase_add_test (tc_read, test_error_line_prefix);
  tcase_add_loop_test (tc_read, test_malformed, 0, G_N_ELEMENTS (malformed));
  tcase_add_test (tc_read, test_encodings);
  tcase_add_test (tc_read, test_window_boundaries);
  suite_add_tcase (s, tc_read);

  tcase_add_test (tc_hostile, test_hostile_truncated);
  tcase_add_test (tc_hostile, test_hostile_garbage);
  tcase_add_test (tc_hostile, test_hostile_mismatched);
  tcase_add_test (tc_hostile, test_hostile_two_roots);
  tcase_add_test (tc_hostile, test_hostile_undeclared_entity);
  tcase_add_test (tc_hostile, test_hostile_invalid_utf8);
  tcase_add_test (tc_hostile, test_hostile_xxe);
  tcase_add_test (tc_hostile, test_hostile_xxe_parameter_entity);
  tcase_add_test (tc_hostile, test_hostile_xxe_utf16);
  tcase_add_test (tc_hostile, test_hostile_external_dtd);
  tcase_add_test (tc_hostile, test_hostile_doctype_after_prolog);
  tcase_add_test (tc_hostile, test_hostile_billion_laughs);
  tcase_add_test (tc_hostile, test_other_libxml2_users_unaffected);
  tcase_add_test (tc_hostile, test_hostile_gzip_truncated);
  tcase_add_test (tc_hostile, test_hostile_gzip_damaged_late);
  suite_add_tcase (s, tc_hostile);

  /* generated at run time; slower under sanitizers */
  tcase_set_timeout (tc_big, 60);
  tcase_add_test (tc_big, test_big_line_numbers);
  tcase_add_test (tc_big, test_hostile_deep_nesting);
  tcase_add_test (tc_big, test_hostile_huge_attribute);
  tcase_add_test (tc_big, test_hostile_gzip_bomb);
  suite_add_tcase (s, tc_big);

  tcase_add_test (tc_write, test_writer_layout);
  tcase_add_test (tc_write, test_writer_escaping_round_trip);
  tcase_add_test (tc_write, test_writer_numbers_round_trip);
  suite_add_tcase (s, tc_write);

  return s;
}

int
main (void)
{
  return flexo_test_run (xml_suite ());
}
