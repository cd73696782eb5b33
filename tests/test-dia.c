/* test-dia.c — Dia files read into documents
 *
 * For every file of the corpus (tests/data/dia/exports and samples, a
 * copy of ../shared/corpus/dia; or FLEXO_DIA_CORPUS), the objects are counted independently
 * with libxml2's XPath on the file itself, and the document must hold as
 * many shapes, texts and connectors, and as many connector ends attached
 * to shapes as the file has connections to elements.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "flexo-format-dia.h"
#include "flexo-format.h"
#include "flexo-model.h"
#include "flexo-outline.h"
#include "flexo-route.h"
#include "flexo-test.h"

static char *
corpus_dir (const char *sub)
{
  const char *env = g_getenv ("FLEXO_DIA_CORPUS");
  g_autofree char *base = env != NULL ? g_strdup (env) : g_build_filename (g_getenv ("FLEXO_TEST_DATA"), "dia", NULL);

  return g_build_filename (base, sub, NULL);
}

/* @xml in a file named @name, in a new temporary folder: its path, which
 * remove_crafted() removes with the folder. */
static char *
write_crafted (const char *name,
               const char *xml)
{
  g_autofree char *dir = g_dir_make_tmp ("flexo-dia-XXXXXX", NULL);
  char *path;

  ck_assert_ptr_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  ck_assert (g_file_set_contents (path, xml, -1, NULL));
  return path;
}

static void
remove_crafted (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

static double
xpath_number (xmlXPathContext *context,
              const char      *expression)
{
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  double n;

  ck_assert_msg (result != NULL, "xpath %s", expression);
  n = xmlXPathCastToNumber (result);
  xmlXPathFreeObject (result);
  return n;
}

/* The items of the (only) diagram of @document. */
static GPtrArray *
items_of (FlexoDocument *document)
{
  return flexo_diagram_get_items (g_ptr_array_index (flexo_document_get_diagrams (document), 0));
}

/* Lines are the objects with end points or point lists, polygons aside. */
#define LINES "//dia:object[dia:attribute[@name='conn_endpoints' or @name='poly_points' or " \
              "@name='orth_points' or @name='bez_points']][@type!='Standard - Polygon' and " \
              "@type!='Standard - Beziergon']"

static void
check_file (const char *path)
{
  xmlDoc *xml = xmlReadFile (path, NULL, XML_PARSE_NONET);
  xmlXPathContext *context;
  g_autoptr(FlexoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  FlexoDiaReport report;
  GPtrArray *items;
  guint shapes = 0, connectors = 0, attached = 0;
  double n_objects, n_lines, n_texts, n_connections;

  ck_assert_msg (xml != NULL, "%s: libxml2 cannot read it", path);
  context = xmlXPathNewContext (xml);
  xmlXPathRegisterNs (context, (const xmlChar *) "dia", (const xmlChar *) "http://www.lysator.liu.se/~alla/dia/");
  n_objects = xpath_number (context, "count(//dia:object)");
  n_lines = xpath_number (context, "count(" LINES ")");
  n_texts = xpath_number (context, "count(//dia:object[@type='Standard - Text'])");
  /* Connections from lines to objects that are no lines. */
  n_connections = xpath_number (context,
                                "count(" LINES "/dia:connections/dia:connection[@to = //dia:object[not("
                                "dia:attribute[@name='conn_endpoints' or @name='poly_points' or "
                                "@name='orth_points' or @name='bez_points']) or @type='Standard - Polygon' or "
                                "@type='Standard - Beziergon']/@id])");
  xmlXPathFreeContext (context);
  xmlFreeDoc (xml);

  document = flexo_dia_load_path_with_report (path, &report, &error);
  ck_assert_msg (document != NULL, "%s: %s", path, error ? error->message : "");
  ck_assert_uint_eq (flexo_document_get_diagrams (document)->len, 1);
  items = items_of (document);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      if (FLEXO_IS_SHAPE (item))
        shapes++;
      else
        {
          connectors++;
          attached += (flexo_connector_get_source (item) != NULL) + (flexo_connector_get_target (item) != NULL);
        }
    }
  ck_assert_msg (report.n_objects == (guint) n_objects, "%s: %u objects read, %g in the file", path,
                 report.n_objects, n_objects);
  ck_assert_msg (connectors == (guint) n_lines, "%s: %u connectors, %g lines in the file", path, connectors, n_lines);
  ck_assert_msg (shapes == (guint) (n_objects - n_lines), "%s: %u shapes, %g elements in the file", path, shapes,
                 n_objects - n_lines);
  ck_assert_msg (report.n_texts == (guint) n_texts, "%s: %u texts, %g in the file", path, report.n_texts, n_texts);
  ck_assert_msg (attached == (guint) n_connections, "%s: %u ends attached, %g connections to elements", path,
                 attached, n_connections);
  /* A line with both ends connected keeps both. */
  ck_assert_uint_eq (report.n_connections, attached);
  flexo_dia_report_clear (&report);
}

static void
check_dir (const char *sub,
           guint       at_least)
{
  g_autofree char *dir_path = corpus_dir (sub);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  ck_assert_msg (dir != NULL, "no corpus at %s", dir_path);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".dia"))
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);

        check_file (path);
        n++;
      }
  ck_assert_uint_ge (n, at_least);
}

START_TEST (test_exports)
{
  check_dir ("exports", 10);
}
END_TEST

START_TEST (test_samples)
{
  check_dir ("samples", 14);
}
END_TEST

/* A box, mapped: position and size in Dia's centimetres × 20, colours,
 * line style; connected lines attached to it. */
START_TEST (test_boxes_and_lines_mapped)
{
  g_autofree char *path = corpus_dir ("exports/Boxes.dia");
  g_autoptr(FlexoDocument) document = flexo_format_load (path, NULL);
  FlexoShape *first;
  FlexoStyle style;

  ck_assert_ptr_nonnull (document);
  first = g_ptr_array_index (items_of (document), 0);
  ck_assert (FLEXO_IS_SHAPE (first));
  ck_assert_double_eq_tol (flexo_shape_get_bounds (first)->x, 3.25 * 20, 1e-6);
  ck_assert_double_eq_tol (flexo_shape_get_bounds (first)->width, 6.55 * 20, 1e-6);
  flexo_shape_resolve_style (first, &style);
  ck_assert_uint_eq (style.fill, 0x00ff00ff);
  ck_assert_int_eq (style.dash, FLEXO_DASH_DASH_DOT);
  ck_assert (!flexo_document_get_modified (document));
}
END_TEST

/* The outline a shape is drawn with, in document coordinates. */
static FlexoPath *
drawn_outline (FlexoShape *shape)
{
  FlexoPath *path = flexo_path_new ();
  FlexoStyle style;

  flexo_shape_resolve_style (shape, &style);
  flexo_outline_build (style.shape_kind, flexo_shape_get_bounds (shape), style.corner_radius,
                       flexo_shape_get_form (shape), path);
  return path;
}

/* Polygons and beziergons keep their exact outline, as free forms. */
START_TEST (test_polygons_and_beziergons_exact)
{
  /* The corners of Polygons.dia's first polygon; the points of
   * Beziergons.dia's first beziergon (the last end left out: the start). */
  static const FlexoPoint corners[] = { { 6.9, 5.65 }, { 7, 3.4 }, { 8.9, 5.15 }, { 9.7, 7.8 }, { 3.3, 6.8 } };
  static const FlexoPoint bez[] = { { 2.15, 6.35 }, { 10.2, 6.15 }, { 3.15, 2 }, { 8.6, 4.45 }, { 14.05, 6.9 },
                                    { 11.75, 11.75 }, { 10.4, 8.6 }, { 9.8, 12.95 }, { 1.15031, 6.37484 },
                                    { 2.15, 6.35 } };
  g_autofree char *polygons = corpus_dir ("exports/Polygons.dia");
  g_autofree char *beziergons = corpus_dir ("exports/Beziergons.dia");
  g_autoptr(FlexoDocument) document = NULL;
  g_autoptr(FlexoPath) path = NULL;
  FlexoDiaReport report;
  GPtrArray *items;
  FlexoStyle style;
  const FlexoPoint *p;
  FlexoRect bounds;
  guint n;

  document = flexo_dia_load_path_with_report (polygons, &report, NULL);
  ck_assert_ptr_nonnull (document);
  ck_assert_uint_eq (g_hash_table_size (report.approximated), 0);
  flexo_dia_report_clear (&report);
  items = items_of (document);
  ck_assert_uint_eq (items->len, 3);
  for (guint i = 0; i < items->len; i++)
    {
      ck_assert (FLEXO_IS_SHAPE (g_ptr_array_index (items, i)));
      flexo_shape_resolve_style (g_ptr_array_index (items, i), &style);
      ck_assert_int_eq (style.shape_kind, FLEXO_SHAPE_FREEFORM);
      ck_assert_ptr_nonnull (flexo_shape_get_form (g_ptr_array_index (items, i)));
    }
  /* Its box is its corners' bounds; it is drawn through its corners. */
  ck_assert_double_eq_tol (flexo_shape_get_bounds (g_ptr_array_index (items, 0))->x, 3.3 * 20, 1e-9);
  ck_assert_double_eq_tol (flexo_shape_get_bounds (g_ptr_array_index (items, 0))->height, (7.8 - 3.4) * 20, 1e-9);
  path = drawn_outline (g_ptr_array_index (items, 0));
  p = flexo_path_get_points (path, &n);
  ck_assert_uint_eq (n, G_N_ELEMENTS (corners));
  ck_assert_int_eq (flexo_path_get_op (path, n), FLEXO_PATH_CLOSE_PATH);
  for (guint i = 0; i < n; i++)
    ck_assert_msg (flexo_point_distance (p[i], (FlexoPoint) { corners[i].x * 20, corners[i].y * 20 }) < 1e-4,
                   "corner %u at (%g, %g)", i, p[i].x, p[i].y);
  /* No colour in the file is Dia's black; a width of 0 a hairline; no
   * background, no fill. */
  flexo_shape_resolve_style (g_ptr_array_index (items, 2), &style);
  ck_assert_uint_eq (style.stroke, 0x000000ff);
  ck_assert_double_eq (style.stroke_width, 1);
  flexo_shape_resolve_style (g_ptr_array_index (items, 1), &style);
  ck_assert_uint_eq (style.stroke, 0x00ff00ff);
  ck_assert_int_eq (style.dash, FLEXO_DASH_DASH_DOT);
  ck_assert_uint_eq (style.fill & 0xff, 0);
  g_clear_object (&document);
  g_clear_pointer (&path, flexo_path_free);

  document = flexo_dia_load_path_with_report (beziergons, &report, NULL);
  ck_assert_ptr_nonnull (document);
  ck_assert_uint_eq (g_hash_table_size (report.approximated), 0);
  flexo_dia_report_clear (&report);
  items = items_of (document);
  ck_assert_uint_eq (items->len, 3);
  path = drawn_outline (g_ptr_array_index (items, 0));
  ck_assert_uint_eq (flexo_path_get_n_ops (path), 5);
  ck_assert_int_eq (flexo_path_get_op (path, 0), FLEXO_PATH_MOVE_TO);
  for (guint i = 1; i <= 3; i++)
    ck_assert_int_eq (flexo_path_get_op (path, i), FLEXO_PATH_CURVE_TO);
  p = flexo_path_get_points (path, &n);
  ck_assert_uint_eq (n, G_N_ELEMENTS (bez));
  for (guint i = 0; i < n; i++)
    ck_assert_msg (flexo_point_distance (p[i], (FlexoPoint) { bez[i].x * 20, bez[i].y * 20 }) < 1e-4,
                   "point %u at (%g, %g)", i, p[i].x, p[i].y);
  /* The box is the curve's, not its control points'. */
  ck_assert (flexo_path_get_bounds (path, &bounds));
  ck_assert_double_eq_tol (bounds.x, flexo_shape_get_bounds (g_ptr_array_index (items, 0))->x, 1e-6);
  ck_assert_double_eq_tol (bounds.width, flexo_shape_get_bounds (g_ptr_array_index (items, 0))->width, 1e-6);
  ck_assert_double_lt (bounds.x + bounds.width, 14.05 * 20 - 1);
}
END_TEST

/* KAOS goals by their type: a soft goal a cloud, the others Dia's
 * parallelograms (an obstacle's leaning the other way), a requirement's
 * border thicker; refinements point to what they refine. */
START_TEST (test_kaos_goals)
{
  g_autofree char *path = corpus_dir ("samples/KAOS.dia");
  g_autoptr(FlexoDocument) document = flexo_format_load (path, NULL);
  GPtrArray *items;
  guint clouds = 0, forms = 0, thick = 0, arrows = 0;

  ck_assert_ptr_nonnull (document);
  items = items_of (document);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      FlexoStyle style;

      if (FLEXO_IS_CONNECTOR (item))
        {
          flexo_connector_resolve_style (item, &style);
          arrows += style.arrow_end == FLEXO_ARROW_FILLED;
          continue;
        }
      flexo_shape_resolve_style (item, &style);
      clouds += style.shape_kind == FLEXO_SHAPE_CLOUD;
      forms += style.shape_kind == FLEXO_SHAPE_FREEFORM;
      thick += style.shape_kind == FLEXO_SHAPE_FREEFORM && style.stroke_width > 2.5;
    }
  ck_assert_uint_eq (clouds, 1);
  ck_assert_uint_eq (forms, 12);
  ck_assert_uint_eq (thick, 5);   /* three requirements, two assumptions */
  ck_assert_uint_eq (arrows, 15); /* twelve refinements, three refinement links */

  /* MinerPanic, an obstacle 4.19 cm wide: its top edge starts at the box's
   * left, its bottom edge half a centimetre (10 units) in. */
  for (guint i = 0; i < items->len; i++)
    {
      FlexoShape *shape = g_ptr_array_index (items, i);

      if (FLEXO_IS_SHAPE (shape) && g_strcmp0 (flexo_shape_get_text (shape), "MinerPanic") == 0)
        ck_assert_str_eq (flexo_shape_get_form_data (shape), "M 0 0 L 0.88056108 0 L 1 1 L 0.11943892 1 Z");
    }
}
END_TEST

/* A text's box holds its lines at pango's line height (taller than
 * Dia's), with the shape's padding. */
START_TEST (test_text_boxes_hold_their_lines)
{
  g_autofree char *path = corpus_dir ("samples/la-removal-flowchart.dia");
  g_autoptr(FlexoDocument) document = flexo_format_load (path, NULL);
  GPtrArray *items;
  guint n_texts = 0;

  ck_assert_ptr_nonnull (document);
  items = items_of (document);
  for (guint i = 0; i < items->len; i++)
    {
      FlexoShape *shape = g_ptr_array_index (items, i);
      FlexoStyle style;
      g_auto(GStrv) lines = NULL;
      double pixels;

      if (!FLEXO_IS_SHAPE (shape))
        continue;
      flexo_shape_resolve_style (shape, &style);
      if (style.shape_kind != FLEXO_SHAPE_TEXT)
        continue;
      lines = g_strsplit (flexo_shape_get_text (shape), "\n", -1);
      pixels = style.font_size / 0.75;
      ck_assert_msg (flexo_shape_get_bounds (shape)->height >= g_strv_length (lines) * pixels * 1.3 + 10 - 1e-9,
                     "“%s”: %g high for %u lines of %g px", flexo_shape_get_text (shape),
                     flexo_shape_get_bounds (shape)->height, g_strv_length (lines), pixels);
      n_texts++;
    }
  ck_assert_uint_ge (n_texts, 10);
}
END_TEST

/* Old Dia files name PostScript fonts ("Times-BoldItalic"): family,
 * weight and slant follow. */
START_TEST (test_legacy_font_names)
{
  static const struct { const char *text, *family; int weight; FlexoFontStyle style; } fonts[] = {
    { "Times-BoldItalic", "Times", 700, FLEXO_FONT_STYLE_ITALIC },
    { "Courier-Oblique", "Courier", 400, FLEXO_FONT_STYLE_ITALIC },
    { "Helvetica-Bold", "Helvetica", 700, FLEXO_FONT_STYLE_NORMAL },
    { "Bookman-Demi", "URW Bookman", 700, FLEXO_FONT_STYLE_NORMAL },
  };
  g_autofree char *path = corpus_dir ("broken/fonts-0.90.dia");
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) document = flexo_format_load (path, &error);
  GPtrArray *items;
  guint found = 0;

  ck_assert_msg (document != NULL, "%s", error ? error->message : "");
  items = items_of (document);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      g_autofree char *label = FLEXO_IS_SHAPE (item) ? flexo_shape_dup_label (item) : NULL;
      FlexoStyle style;

      for (guint k = 0; label != NULL && k < G_N_ELEMENTS (fonts); k++)
        {
          if (strcmp (label, fonts[k].text) != 0)
            continue;
          flexo_shape_resolve_style (item, &style);
          ck_assert_str_eq (style.font_family, fonts[k].family);
          ck_assert_int_eq (style.font_weight, fonts[k].weight);
          ck_assert_int_eq (style.font_style, fonts[k].style);
          found++;
        }
    }
  ck_assert_uint_eq (found, G_N_ELEMENTS (fonts));
}
END_TEST

/* Flowchart symbols: a terminal with half-circle ends, an off-page
 * connector by its nearest outline (reported), no placeholder. */
START_TEST (test_flowchart_symbols)
{
  g_autofree char *path = corpus_dir ("broken/opkald_ind.04.dia");
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) document = NULL;
  FlexoDiaReport report;
  FlexoShape *terminal;
  FlexoStyle style;

  document = flexo_dia_load_path_with_report (path, &report, &error);
  ck_assert_msg (document != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (report.n_placeholders, 0);
  ck_assert_uint_eq (GPOINTER_TO_UINT (g_hash_table_lookup (report.approximated, "Flowchart - Off Page Connector")), 1);
  /* The first object of the file, the terminal at the top */
  terminal = g_ptr_array_index (items_of (document), 0);
  ck_assert (FLEXO_IS_SHAPE (terminal));
  flexo_shape_resolve_style (terminal, &style);
  ck_assert_int_eq (style.shape_kind, FLEXO_SHAPE_ROUNDED_RECTANGLE);
  ck_assert_double_eq_tol (style.corner_radius, MIN (flexo_shape_get_bounds (terminal)->width,
                                                     flexo_shape_get_bounds (terminal)->height) / 2, 1e-9);
  flexo_dia_report_clear (&report);
}
END_TEST

/* Other sheets' symbols with a Flexo outline take it (the geometric
 * ones, UML's branch, fork and states, SDL's), reported when only the
 * nearest; those without one (Cisco's icons) stay placeholders. */
START_TEST (test_other_sheets_symbols)
{
  g_autofree char *path = corpus_dir ("samples/all_objects.dia");
  static const char * const mapped[] = { "Geometric - Diamond", "Geometric - Five Point Star", "UML - Fork",
                                         "UML - State Term", "UML - Branch", "SDL - Decision", "SDL - Task" };
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) document = NULL;
  FlexoDiaReport report;
  GPtrArray *items;
  guint cisco = 0, black_bars = 0, black_discs = 0;

  document = flexo_dia_load_path_with_report (path, &report, &error);
  ck_assert_msg (document != NULL, "%s", error ? error->message : "");
  items = items_of (document);
  for (guint i = 0; i < items->len; i++)
    {
      FlexoShape *shape = g_ptr_array_index (items, i);
      const char *text;
      FlexoStyle style;

      if (!FLEXO_IS_SHAPE (shape))
        continue;
      text = flexo_shape_get_text (shape);
      for (guint k = 0; text != NULL && k < G_N_ELEMENTS (mapped); k++)
        ck_assert_msg (!g_str_has_prefix (text, mapped[k]), "%s is a placeholder", mapped[k]);
      cisco += text != NULL && g_str_has_prefix (text, "Cisco - ");
      flexo_shape_resolve_style (shape, &style);
      black_bars += style.shape_kind == FLEXO_SHAPE_RECTANGLE && style.fill == 0x000000ff;
      black_discs += style.shape_kind == FLEXO_SHAPE_CIRCLE && style.fill == 0x000000ff;
    }
  ck_assert_uint_gt (cisco, 100);
  ck_assert_uint_eq (black_bars, 1);
  ck_assert_uint_eq (black_discs, 1);
  /* Exact ones are not reported, the nearest ones are. */
  ck_assert_ptr_null (g_hash_table_lookup (report.approximated, "Geometric - Diamond"));
  ck_assert_uint_eq (GPOINTER_TO_UINT (g_hash_table_lookup (report.approximated, "SDL - Decision")), 1);
  ck_assert_uint_eq (GPOINTER_TO_UINT (g_hash_table_lookup (report.approximated, "UML - Fork")), 1);
  flexo_dia_report_clear (&report);
}
END_TEST

/* A BezierLine is a Bézier connector with Dia's control points (× 20),
 * without an approximation to tell. */
START_TEST (test_bezier_lines_exact)
{
  /* Bezierlines.dia's second line (O1): its bez_points. */
  static const double o1[][2] = {
    { 4.7, 4.35 }, { 9.348, 4.35 }, { 11.2, 10.65 }, { 8.7, 7 }, { 6.2, 3.35 },
    { 11.35, 10.95 }, { 11.7, 6.9 }, { 12.05, 2.85 }, { 14.052, 9.25 }, { 18.7, 9.25 },
  };
  g_autofree char *path = corpus_dir ("exports/Bezierlines.dia");
  g_autofree char *notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) document = flexo_format_import (path, &notes, &error);
  FlexoConnector *first, *second;
  GArray *w;
  FlexoStyle style;
  FlexoPoint start, c1, gap;
  double d;

  ck_assert_msg (document != NULL, "%s", error ? error->message : "");
  /* Exact, but for an arrow larger than Dia's default */
  ck_assert_ptr_nonnull (notes);
  ck_assert_msg (strstr (notes, "Dia arrow of another size") != NULL && strchr (notes, '\n') == strrchr (notes, '\n'),
                 "%s", notes);
  ck_assert_uint_eq (items_of (document)->len, 2);
  first = g_ptr_array_index (items_of (document), 0);
  second = g_ptr_array_index (items_of (document), 1);
  ck_assert (FLEXO_IS_CONNECTOR (first) && FLEXO_IS_CONNECTOR (second));

  flexo_connector_resolve_style (second, &style);
  ck_assert_int_eq (style.routing, FLEXO_ROUTING_BEZIER);
  ck_assert_uint_eq (style.stroke, 0x00ff00ff);
  ck_assert_int_eq (style.dash, FLEXO_DASH_DASH_DOT);
  ck_assert_ptr_null (flexo_connector_get_source (second));
  ck_assert_point (flexo_connector_get_source_point (second), o1[0][0] * 20, o1[0][1] * 20, 1e-9);
  ck_assert_point (flexo_connector_get_target_point (second), o1[9][0] * 20, o1[9][1] * 20, 1e-9);
  w = flexo_connector_get_waypoints (second);
  ck_assert_ptr_nonnull (w);
  ck_assert_uint_eq (w->len, 8);
  for (guint i = 0; i < 8; i++)
    ck_assert_point (g_array_index (w, FlexoPoint, i), o1[i + 1][0] * 20, o1[i + 1][1] * 20, 1e-9);

  /* The first (O0) starts 3.2 cm short of its point, toward its first
   * control point, which moves as far: as Dia draws it. Its arrows. */
  flexo_connector_resolve_style (first, &style);
  ck_assert_int_eq (style.routing, FLEXO_ROUTING_BEZIER);
  ck_assert_uint_eq (style.stroke, 0xffa500ff);
  ck_assert_int_eq (style.arrow_start, FLEXO_ARROW_FILLED);
  ck_assert_int_eq (style.arrow_end, FLEXO_ARROW_CONCAVE);
  w = flexo_connector_get_waypoints (first);
  ck_assert_uint_eq (w->len, 5);
  d = hypot (13.95 - 6.75, 1.9 - 2.45);
  gap = FLEXO_POINT_INIT ((13.95 - 6.75) / d * 3.2 * 20, (1.9 - 2.45) / d * 3.2 * 20);
  start = flexo_connector_get_source_point (first);
  c1 = g_array_index (w, FlexoPoint, 0);
  ck_assert_point (start, 6.75 * 20 + gap.x, 2.45 * 20 + gap.y, 1e-9);
  ck_assert_point (c1, 13.95 * 20 + gap.x, 1.9 * 20 + gap.y, 1e-9);
  ck_assert_point (g_array_index (w, FlexoPoint, 2), 10.65 * 20, 8.15 * 20, 1e-9);
  ck_assert_point (flexo_connector_get_target_point (first), 18.3 * 20, 12.25 * 20, 1e-9);
}
END_TEST

/* An Arc: a Bézier connector on the circle through its ends whose middle
 * is curve_distance (× 20) from the chord's, on the right of the chord
 * when positive (y down), as Dia draws it. */
static void
check_arc (FlexoConnector *c,
           double          sagitta)
{
  g_autoptr(FlexoPath) route = flexo_path_new ();
  FlexoPoint a = flexo_connector_get_source_point (c), b = flexo_connector_get_target_point (c);
  double chord = flexo_point_distance (a, b), s = fabs (sagitta);
  double radius = (s * s + chord * chord / 4) / (2 * s);
  FlexoPoint normal = FLEXO_POINT_INIT (-(b.y - a.y) / chord, (b.x - a.x) / chord);
  FlexoPoint mid = FLEXO_POINT_INIT ((a.x + b.x) / 2, (a.y + b.y) / 2);
  FlexoPoint apex = FLEXO_POINT_INIT (mid.x + normal.x * sagitta, mid.y + normal.y * sagitta);
  FlexoPoint centre = FLEXO_POINT_INIT (apex.x - normal.x * radius * (sagitta > 0 ? 1 : -1),
                                        apex.y - normal.y * radius * (sagitta > 0 ? 1 : -1));
  FlexoPoint half;
  FlexoStyle style;
  g_autoptr(FlexoPath) flat = NULL;
  const FlexoPoint *p;
  guint n = 0;

  flexo_connector_resolve_style (c, &style);
  ck_assert_int_eq (style.routing, FLEXO_ROUTING_BEZIER);
  ck_assert_uint_eq (flexo_connector_get_waypoints (c)->len % 3, 2);
  flexo_connector_compute_route (c, route, NULL, NULL);
  /* Half way along, its middle: the sagitta away from the chord's. */
  half = flexo_route_point_at_length (route, flexo_route_get_length (route) / 2, NULL);
  ck_assert_msg (fabs (flexo_point_distance (half, mid) - s) < 1e-3 * radius,
                 "the middle (%g, %g) is %g from the chord's, not %g", half.x, half.y,
                 flexo_point_distance (half, mid), s);
  ck_assert_msg (flexo_point_distance (half, apex) < 1e-3 * radius, "(%g, %g) is not the apex (%g, %g)",
                 half.x, half.y, apex.x, apex.y);
  /* Every point on the circle. */
  flat = flexo_path_flatten (route, 1e-4);
  p = flexo_path_get_points (flat, &n);
  for (guint i = 0; i < n; i++)
    ck_assert_msg (fabs (flexo_point_distance (p[i], centre) - radius) < 1e-3 * radius,
                   "(%g, %g) off the circle", p[i].x, p[i].y);
}

START_TEST (test_arcs_exact)
{
  g_autofree char *path = corpus_dir ("exports/Arcs.dia");
  g_autofree char *notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) document = flexo_format_import (path, &notes, &error);
  FlexoConnector *o0, *o2;
  FlexoStyle style;
  g_autoptr(FlexoPath) route = flexo_path_new ();
  FlexoRect bounds;

  ck_assert_msg (document != NULL, "%s", error ? error->message : "");
  /* Exact, but for an arrow larger than Dia's default */
  ck_assert_ptr_nonnull (notes);
  ck_assert_msg (strstr (notes, "Dia arrow of another size") != NULL && strchr (notes, '\n') == strrchr (notes, '\n'),
                 "%s", notes);
  ck_assert_uint_eq (items_of (document)->len, 3);
  o0 = g_ptr_array_index (items_of (document), 0);
  o2 = g_ptr_array_index (items_of (document), 2);
  check_arc (o0, 2.9519567473342656 * 20);
  check_arc (g_ptr_array_index (items_of (document), 1), 1 * 20);
  check_arc (o2, 5.237639778553981 * 20);
  ck_assert_point (flexo_connector_get_source_point (o0), 5.35 * 20, 3.35 * 20, 1e-9);
  ck_assert_point (flexo_connector_get_target_point (o0), 12.15 * 20, 10.2 * 20, 1e-9);

  /* O0: red (arc_color), dotted, a concave arrow at its start. */
  flexo_connector_resolve_style (o0, &style);
  ck_assert_uint_eq (style.stroke, 0xff0000ff);
  ck_assert_int_eq (style.dash, FLEXO_DASH_DOTTED);
  ck_assert_int_eq (style.arrow_start, FLEXO_ARROW_CONCAVE);
  ck_assert_double_eq_tol (style.stroke_width, 0.08 * 20, 1e-5);

  /* O2 is most of a circle, above its chord: its bounds are Dia's
   * (obj_bb, less half the hairline Dia adds to it). */
  ck_assert_uint_eq (flexo_connector_get_waypoints (o2)->len, 11);
  ck_assert (flexo_connector_get_route_bounds (o2, &bounds));
  ck_assert_double_eq_tol (bounds.y, 4.12694 * 20, 0.05 * 20);
  ck_assert_double_eq_tol (bounds.x, 10.6864 * 20, 0.05 * 20);
  ck_assert_double_eq_tol (bounds.x + bounds.width, 15.9596 * 20, 0.05 * 20);
}
END_TEST

/* samples/arcs.dia: every arc with a curve is a Bézier connector. */
START_TEST (test_arcs_sample)
{
  g_autofree char *path = corpus_dir ("samples/arcs.dia");
  g_autoptr(FlexoDocument) document = flexo_format_load (path, NULL);
  GPtrArray *items;
  guint bezier = 0;

  ck_assert_ptr_nonnull (document);
  items = items_of (document);
  for (guint i = 0; i < items->len; i++)
    if (FLEXO_IS_CONNECTOR (g_ptr_array_index (items, i)))
      {
        FlexoStyle style;

        flexo_connector_resolve_style (g_ptr_array_index (items, i), &style);
        if (style.routing == FLEXO_ROUTING_BEZIER)
          {
            GArray *w = flexo_connector_get_waypoints (g_ptr_array_index (items, i));

            ck_assert (w != NULL && w->len % 3 == 2);
            bezier++;
          }
      }
  ck_assert_uint_eq (bezier, 40);
}
END_TEST

/* What an import approximated, for people: a sum-up line, then each
 * thing and how many times, in name order; nothing to say, no notes. */
START_TEST (test_import_notes)
{
  g_autofree char *path = corpus_dir ("broken/opkald_ind.04.dia");
  g_autofree char *exact = corpus_dir ("exports/Boxes.dia");
  g_autofree char *notes = NULL;
  static char unset;
  char *none = &unset;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) document = flexo_format_import (path, &notes, &error);
  g_autoptr(FlexoDocument) boxes = NULL;

  ck_assert_msg (document != NULL, "%s", error ? error->message : "");
  /* (in the collation order of the locale: the tests run in C) */
  ck_assert_str_eq (notes, "Imported with 4 approximations\n"
                           "Flowchart - Off Page Connector (1)\n"
                           "connection to a line (3)");
  boxes = flexo_format_import (exact, &none, &error);
  ck_assert_ptr_nonnull (boxes);
  ck_assert_ptr_null (none);
}
END_TEST

/* Objects of a layer Dia hides are imported (never lost), and said to be
 * shown. */
START_TEST (test_hidden_layer)
{
  static const char box[] =
    "<dia:object type=\"Standard - Box\" version=\"0\" id=\"%s\">"
    "<dia:attribute name=\"elem_corner\"><dia:point val=\"1,1\"/></dia:attribute>"
    "<dia:attribute name=\"elem_width\"><dia:real val=\"2\"/></dia:attribute>"
    "<dia:attribute name=\"elem_height\"><dia:real val=\"1\"/></dia:attribute></dia:object>";
  g_autofree char *o1 = g_strdup_printf (box, "O1");
  g_autofree char *o2 = g_strdup_printf (box, "O2");
  g_autofree char *o3 = g_strdup_printf (box, "O3");
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                          "<dia:diagram xmlns:dia=\"http://www.lysator.liu.se/~alla/dia/\">\n"
                                          "<dia:layer name=\"Shown\" visible=\"true\">%s</dia:layer>\n"
                                          "<dia:layer name=\"Hidden\" visible=\"false\">%s%s</dia:layer>\n"
                                          "</dia:diagram>\n", o1, o2, o3);
  g_autofree char *path = write_crafted ("layers.dia", xml);
  g_autofree char *notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) document = NULL;

  document = flexo_format_import (path, &notes, &error);
  ck_assert_msg (document != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (items_of (document)->len, 3);
  ck_assert_str_eq (notes, "Imported with 2 approximations\nobject of a hidden layer, shown (2)");
  remove_crafted (path);
}
END_TEST

/* Numbers far out of range in a hostile file (a gap, a text height, an
 * arc's bulge) import as finite geometry; a beziergon with a point that
 * cannot be read is not drawn with its points shifted. */
START_TEST (test_hostile_numbers)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<dia:diagram xmlns:dia=\"http://www.lysator.liu.se/~alla/dia/\"><dia:layer name=\"L\" visible=\"true\">\n"
    "<dia:object type=\"Standard - Line\" version=\"0\" id=\"O0\">"
    "<dia:attribute name=\"conn_endpoints\"><dia:point val=\"5,3\"/><dia:point val=\"50,10\"/></dia:attribute>"
    "<dia:attribute name=\"absolute_start_gap\"><dia:real val=\"1e306\"/></dia:attribute>"
    "<dia:attribute name=\"absolute_end_gap\"><dia:real val=\"-1e306\"/></dia:attribute></dia:object>\n"
    "<dia:object type=\"Standard - Arc\" version=\"0\" id=\"O1\">"
    "<dia:attribute name=\"conn_endpoints\"><dia:point val=\"5,3\"/><dia:point val=\"5,10\"/></dia:attribute>"
    "<dia:attribute name=\"curve_distance\"><dia:real val=\"1e300\"/></dia:attribute></dia:object>\n"
    "<dia:object type=\"Standard - Text\" version=\"0\" id=\"O2\">"
    "<dia:attribute name=\"obj_bb\"><dia:rectangle val=\"1,1;3,2\"/></dia:attribute>"
    "<dia:attribute name=\"text\"><dia:composite type=\"text\">"
    "<dia:attribute name=\"string\"><dia:string>#Hi#</dia:string></dia:attribute>"
    "<dia:attribute name=\"height\"><dia:real val=\"1e307\"/></dia:attribute>"
    "</dia:composite></dia:attribute></dia:object>\n"
    "<dia:object type=\"Standard - Beziergon\" version=\"0\" id=\"O3\">"
    "<dia:attribute name=\"obj_bb\"><dia:rectangle val=\"1,1;9,9\"/></dia:attribute>"
    "<dia:attribute name=\"bez_points\"><dia:point val=\"1,1\"/><dia:point val=\"2,1\"/><dia:point val=\"x\"/>"
    "<dia:point val=\"5,5\"/><dia:point val=\"6,6\"/><dia:point val=\"1,2\"/></dia:attribute></dia:object>\n"
    "</dia:layer></dia:diagram>\n";
  g_autofree char *path = write_crafted ("hostile.dia", xml);
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) document = NULL;
  GPtrArray *items;

  document = flexo_format_load (path, &error);
  ck_assert_msg (document != NULL, "%s", error ? error->message : "");
  items = items_of (document);
  ck_assert_uint_eq (items->len, 4);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      FlexoRect bounds;

      if (FLEXO_IS_SHAPE (item))
        {
          FlexoStyle style;

          bounds = *flexo_shape_get_bounds (item);
          flexo_shape_resolve_style (item, &style);
          /* Elements come first: the text, then the beziergon, a marked
           * placeholder, not a shifted curve. */
          if (i == 1)
            ck_assert_int_eq (style.shape_kind, FLEXO_SHAPE_RECTANGLE);
          else
            ck_assert_int_eq (style.shape_kind, FLEXO_SHAPE_TEXT);
        }
      else
        {
          g_autoptr(FlexoPath) route = flexo_path_new ();

          flexo_connector_compute_route (item, route, NULL, NULL);
          ck_assert (flexo_path_get_bounds (route, &bounds));
        }
      ck_assert_msg (isfinite (bounds.x) && isfinite (bounds.y) && isfinite (bounds.width) &&
                     isfinite (bounds.height) && fabs (bounds.x) < 1e6 && bounds.height < 1e6,
                     "item %u: %g, %g, %g × %g", i, bounds.x, bounds.y, bounds.width, bounds.height);
    }
  remove_crafted (path);
}
END_TEST

/* The corpus's broken/ files are Dia files Dia itself opens (PostScript
 * font names of Dia 0.90, an old flowchart without an XML encoding):
 * they import, counted as the others. */
START_TEST (test_broken_dir)
{
  check_dir ("broken", 3);
}
END_TEST

/* @data (@len bytes) written to @path, read: it must fail, its message
 * naming @path and a line of it, from 1 to @n_lines. */
static void
check_damaged (const char *path,
               const char *data,
               gsize       len,
               guint       n_lines,
               const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) document = NULL;
  g_autofree char *prefix = g_strconcat (path, ":", NULL);
  const char *p;
  guint64 line;
  char *end;

  ck_assert (g_file_set_contents (path, data, len, NULL));
  document = flexo_format_load (path, &error);
  ck_assert_msg (document == NULL, "%s: read", what);
  ck_assert_msg (error != NULL, "%s: no error", what);
  ck_assert_msg (g_str_has_prefix (error->message, prefix), "%s: “%s”", what, error->message);
  p = error->message + strlen (prefix);
  line = g_ascii_strtoull (p, &end, 10);
  ck_assert_msg (end > p && g_str_has_prefix (end, ": ") && end[2] != '\0', "%s: “%s”", what, error->message);
  ck_assert_msg (line >= 1 && line <= n_lines, "%s: line %" G_GUINT64_FORMAT " of %u", what, line, n_lines);
}

/* Damaged copies of the broken/ files and a sample — cut, a byte of the
 * compressed data changed, a byte no UTF-8 has, an element not closed —
 * fail with the file and a line, never a crash nor a document. */
START_TEST (test_damaged_copies)
{
  static const char * const sources[] = { "broken/fonts-0.90.dia", "broken/fonts-0.90-full.dia",
                                          "broken/opkald_ind.04.dia", "samples/all_objects.dia" };
  g_autofree char *copy = write_crafted ("damaged.dia", "");

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      g_autofree char *path = corpus_dir (sources[s]);
      g_autofree char *raw = NULL;
      g_autofree char *xml = NULL;
      gsize raw_len, xml_len;
      gboolean compressed;
      const char *close;
      guint n_lines = 1;

      ck_assert_msg (g_file_get_contents (path, &raw, &raw_len, NULL), "%s", path);
      compressed = raw_len > 2 && (guint8) raw[0] == 0x1f && (guint8) raw[1] == 0x8b;
      if (compressed)
        {
          g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
          g_autoptr(GInputStream) base = g_memory_input_stream_new_from_data (raw, raw_len, NULL);
          g_autoptr(GInputStream) in = g_converter_input_stream_new (base, G_CONVERTER (gunzip));
          g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

          ck_assert (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL) > 0);
          xml_len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
          xml = g_memdup2 (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), xml_len);
          for (gsize i = 0; i < xml_len; i++)
            n_lines += xml[i] == '\n';

          /* The compressed data cut, then one byte of it changed */
          for (guint k = 1; k <= 4; k++)
            check_damaged (copy, raw, raw_len * k / 5, n_lines, "gzip cut");
          check_damaged (copy, raw, raw_len - 4, n_lines, "gzip without its size");
          raw[raw_len / 2] ^= 0x5a;
          check_damaged (copy, raw, raw_len, n_lines, "gzip with a byte changed");
        }
      else
        {
          xml = g_steal_pointer (&raw);
          xml_len = raw_len;
          for (gsize i = 0; i < xml_len; i++)
            n_lines += xml[i] == '\n';
        }

      /* The XML cut */
      for (guint k = 1; k <= 3; k++)
        check_damaged (copy, xml, xml_len * k / 4, n_lines, "XML cut");
      /* A byte no UTF-8 text has, in the middle */
      {
        g_autofree char *bad = g_memdup2 (xml, xml_len);

        bad[xml_len / 2] = (char) 0xff;
        check_damaged (copy, bad, xml_len, n_lines, "not UTF-8");
      }
      /* An object not closed */
      close = strstr (xml, "</dia:object>");
      ck_assert_ptr_nonnull (close);
      {
        g_autoptr(GString) bad = g_string_new_len (xml, close - xml);

        g_string_append_len (bad, close + strlen ("</dia:object>"), xml_len - (close - xml) - strlen ("</dia:object>"));
        check_damaged (copy, bad->str, bad->len, n_lines, "an object not closed");
      }
    }
  remove_crafted (copy);
}
END_TEST

/* The shape of @items whose text is @text (NULL: none). */
static FlexoShape *
shape_with_text (GPtrArray  *items,
                 const char *text)
{
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      if (FLEXO_IS_SHAPE (item) && g_strcmp0 (flexo_shape_get_text (item), text) == 0)
        return item;
    }
  return NULL;
}

/* ER: names in their own font (Dia's "font", "font_height"); each
 * relationship's cardinalities on its participations' ends; a derived
 * attribute dashed; what Dia draws double (a weak entity, a multivalued
 * attribute, a total participation) thick, and reported; keys
 * underlined. */
START_TEST (test_er_symbols)
{
  g_autofree char *path = corpus_dir ("samples/ER-demo.dia");
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) document = NULL;
  FlexoDiaReport report;
  GPtrArray *items;
  FlexoStyle style, plain;
  guint n_labels = 0, n_thick = 0;
  g_autoptr(GString) labels = g_string_new (NULL);

  document = flexo_dia_load_path_with_report (path, &report, &error);
  ck_assert_msg (document != NULL, "%s", error ? error->message : "");
  items = items_of (document);

  flexo_shape_resolve_style (shape_with_text (items, "EMPLOYEE"), &plain);
  ck_assert_str_eq (plain.font_family, "Monospace");
  /* Dia's 0.8 cm high lines: 20 units a centimetre, points three quarters of them */
  ck_assert_double_eq_tol (plain.font_size, 0.8 * 20 * 0.75, 1e-6);
  flexo_shape_resolve_style (shape_with_text (items, "NumberOfEmployees"), &style);
  ck_assert_int_eq (style.dash, FLEXO_DASH_DASHED);
  ck_assert (!style.underline);
  /* Keys underlined: Ssn, EMPLOYEE's key */
  flexo_shape_resolve_style (shape_with_text (items, "Ssn"), &style);
  ck_assert (style.underline);
  ck_assert (!plain.underline);
  flexo_shape_resolve_style (shape_with_text (items, "Locations"), &style);
  ck_assert_double_eq_tol (style.stroke_width, 2 * plain.stroke_width, 1e-9);
  flexo_shape_resolve_style (shape_with_text (items, "DEPENDENT"), &style);
  ck_assert_double_eq_tol (style.stroke_width, 2 * plain.stroke_width, 1e-9);

  /* 6 relationships, each with two cardinalities: 1, N or M */
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      if (!FLEXO_IS_CONNECTOR (item))
        continue;
      for (FlexoLabelPosition at = FLEXO_LABEL_START; at <= FLEXO_LABEL_END; at += FLEXO_LABEL_END - FLEXO_LABEL_START)
        if (flexo_connector_get_label (item, at) != NULL)
          {
            g_string_append (labels, flexo_connector_get_label (item, at));
            n_labels++;
          }
      flexo_connector_resolve_style (item, &style);
      n_thick += style.stroke_width > plain.stroke_width * 1.5;
    }
  ck_assert_uint_eq (n_labels, 12);
  /* WORKS_FOR: N on its left, towards EMPLOYEE; 1 on its right */
  {
    FlexoShape *works_for = shape_with_text (items, "WORKS_FOR");
    FlexoShape *employee = shape_with_text (items, "EMPLOYEE");
    FlexoShape *department = shape_with_text (items, "DEPARTMENT");
    guint checked = 0;

    for (guint i = 0; i < items->len; i++)
      {
        gpointer item = g_ptr_array_index (items, i);
        FlexoShape *ends[2];

        if (!FLEXO_IS_CONNECTOR (item))
          continue;
        ends[0] = flexo_connector_get_source (item);
        ends[1] = flexo_connector_get_target (item);
        for (guint e = 0; e < 2; e++)
          if (ends[e] == works_for && (ends[1 - e] == employee || ends[1 - e] == department))
            {
              ck_assert_str_eq (flexo_connector_get_label (item, e == 0 ? FLEXO_LABEL_START : FLEXO_LABEL_END),
                                ends[1 - e] == employee ? "N" : "1");
              checked++;
            }
      }
    ck_assert_uint_eq (checked, 2);
  }
  ck_assert_msg (strspn (labels->str, "1NM") == labels->len, "%s", labels->str);
  ck_assert_uint_eq (n_thick, 7);
  ck_assert_uint_eq (GPOINTER_TO_UINT (g_hash_table_lookup (report.approximated,
                                                            "ER total participation (a double line), drawn thick")), 7);
  ck_assert_uint_eq (GPOINTER_TO_UINT (g_hash_table_lookup (report.approximated,
                                                            "ER weak key, its name underlined with a solid line")), 1);
  ck_assert_uint_eq (GPOINTER_TO_UINT (g_hash_table_lookup (report.approximated, "ER double border, drawn thick")), 3);
  flexo_dia_report_clear (&report);
}
END_TEST

/* UML associations: roles with their visibility at their ends, an open
 * arrow where an end is navigable (UML-demo, Dia 0.96's attributes), a
 * hollow diamond where it aggregates (all_objects, Dia 0.97's "ends"). */
START_TEST (test_uml_associations)
{
  g_autofree char *demo = corpus_dir ("samples/UML-demo.dia");
  g_autofree char *all = corpus_dir ("samples/all_objects.dia");
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) document = flexo_format_load (demo, &error);
  g_autoptr(FlexoDocument) second = NULL;
  GPtrArray *items;
  guint n_roles = 0, n_navigable = 0, n_diamonds = 0;

  ck_assert_msg (document != NULL, "%s", error ? error->message : "");
  items = items_of (document);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      const char *role;
      FlexoStyle style;

      if (!FLEXO_IS_CONNECTOR (item))
        continue;
      role = flexo_connector_get_label (item, FLEXO_LABEL_START);
      n_roles += g_strcmp0 (role, "+Iterators") == 0 || g_strcmp0 (role, "+root") == 0;
      flexo_connector_resolve_style (item, &style);
      n_navigable += style.arrow_end == FLEXO_ARROW_OPEN && style.dash == FLEXO_DASH_SOLID &&
                     style.arrow_start == FLEXO_ARROW_NONE;
    }
  ck_assert_uint_eq (n_roles, 2);
  ck_assert_uint_eq (n_navigable, 4);
  g_clear_object (&document);

  /* Dependencies' stereotypes, between guillemets, as their labels */
  {
    g_autofree char *packages = corpus_dir ("samples/UMLPackages.dia");
    guint n_import = 0, n_access = 0;

    document = flexo_format_load (packages, &error);
    ck_assert_msg (document != NULL, "%s", error ? error->message : "");
    items = items_of (document);
    for (guint i = 0; i < items->len; i++)
      {
        gpointer item = g_ptr_array_index (items, i);

        if (!FLEXO_IS_CONNECTOR (item))
          continue;
        n_import += g_strcmp0 (flexo_connector_get_label (item, FLEXO_LABEL_MIDDLE), "«import»") == 0;
        n_access += g_strcmp0 (flexo_connector_get_label (item, FLEXO_LABEL_MIDDLE), "«access»") == 0;
      }
    ck_assert_uint_eq (n_import, 5);
    ck_assert_uint_eq (n_access, 2);
  }

  second = flexo_format_load (all, &error);
  ck_assert_msg (second != NULL, "%s", error ? error->message : "");
  items = items_of (second);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      FlexoStyle style;

      if (!FLEXO_IS_CONNECTOR (item))
        continue;
      flexo_connector_resolve_style (item, &style);
      n_diamonds += style.arrow_end == FLEXO_ARROW_HOLLOW_DIAMOND;
    }
  ck_assert_uint_ge (n_diamonds, 1);
}
END_TEST

/* An association's reading direction as a triangle by its name, an old
 * file's aggregation reported; a relationship's cardinalities with no
 * line at its corners as texts beside them. */
START_TEST (test_er_uml_crafted)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<dia:diagram xmlns:dia=\"http://www.lysator.liu.se/~alla/dia/\"><dia:layer name=\"L\" visible=\"true\">\n"
    "<dia:object type=\"ER - Relationship\" version=\"0\" id=\"O0\">"
    "<dia:attribute name=\"elem_corner\"><dia:point val=\"10,10\"/></dia:attribute>"
    "<dia:attribute name=\"elem_width\"><dia:real val=\"4\"/></dia:attribute>"
    "<dia:attribute name=\"elem_height\"><dia:real val=\"2\"/></dia:attribute>"
    "<dia:attribute name=\"name\"><dia:string>#owns#</dia:string></dia:attribute>"
    "<dia:attribute name=\"left_card\"><dia:string>#0..1#</dia:string></dia:attribute>"
    "<dia:attribute name=\"right_card\"><dia:string>#many#</dia:string></dia:attribute></dia:object>\n"
    "<dia:object type=\"UML - Association\" version=\"1\" id=\"O1\">"
    "<dia:attribute name=\"orth_points\"><dia:point val=\"1,1\"/><dia:point val=\"5,1\"/></dia:attribute>"
    "<dia:attribute name=\"name\"><dia:string>#reads#</dia:string></dia:attribute>"
    "<dia:attribute name=\"direction\"><dia:enum val=\"1\"/></dia:attribute>"
    "<dia:attribute name=\"assoc_type\"><dia:enum val=\"1\"/></dia:attribute>"
    "<dia:attribute name=\"multipicity_b\"><dia:string>#1..*#</dia:string></dia:attribute></dia:object>\n"
    "</dia:layer></dia:diagram>\n";
  g_autofree char *path = write_crafted ("crafted.dia", xml);
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) document = NULL;
  FlexoDiaReport report;
  GPtrArray *items;
  FlexoConnector *association = NULL;
  FlexoShape *left, *right;

  document = flexo_dia_load_path_with_report (path, &report, &error);
  ck_assert_msg (document != NULL, "%s", error ? error->message : "");
  items = items_of (document);
  for (guint i = 0; i < items->len; i++)
    if (FLEXO_IS_CONNECTOR (g_ptr_array_index (items, i)))
      association = g_ptr_array_index (items, i);
  ck_assert_ptr_nonnull (association);
  ck_assert_str_eq (flexo_connector_get_label (association, FLEXO_LABEL_MIDDLE), "reads ▸");
  ck_assert_str_eq (flexo_connector_get_label (association, FLEXO_LABEL_END), "1..*");
  ck_assert_ptr_null (flexo_connector_get_label (association, FLEXO_LABEL_START));
  ck_assert_uint_eq (GPOINTER_TO_UINT (g_hash_table_lookup (report.approximated,
                                                            "UML aggregation of an old Dia file, not shown")), 1);

  /* Left of the diamond's left corner, right of its right one */
  left = shape_with_text (items, "0..1");
  right = shape_with_text (items, "many");
  ck_assert (left != NULL && right != NULL);
  ck_assert_double_le (flexo_shape_get_bounds (left)->x + flexo_shape_get_bounds (left)->width, 10 * 20 + 1e-9);
  ck_assert_double_ge (flexo_shape_get_bounds (right)->x, 14 * 20 - 1e-9);
  ck_assert_uint_eq (GPOINTER_TO_UINT (g_hash_table_lookup (report.approximated,
                                                            "ER cardinality with no participation line there, as a text")), 2);
  flexo_dia_report_clear (&report);
  remove_crafted (path);
}
END_TEST

START_TEST (test_not_dia)
{
  g_autofree char *path = write_crafted ("other.dia", "<?xml version=\"1.0\"?>\n<svg/>\n");
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_null (flexo_format_load (path, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strstr (error->message, "other.dia:2:") != NULL, "%s", error->message);
  g_clear_error (&error);
  ck_assert (g_file_set_contents (path, "<dia:diagram xmlns:dia=\"x\"><dia:layer><dia:object>", -1, NULL));
  ck_assert_ptr_null (flexo_format_load (path, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strstr (error->message, "other.dia:1:") != NULL, "%s", error->message);
  remove_crafted (path);
}
END_TEST

static Suite *
dia_suite (void)
{
  Suite *s = suite_create ("dia");
  TCase *tc = tcase_create ("import");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_exports);
  tcase_add_test (tc, test_samples);
  tcase_add_test (tc, test_broken_dir);
  tcase_add_test (tc, test_damaged_copies);
  tcase_add_test (tc, test_boxes_and_lines_mapped);
  tcase_add_test (tc, test_polygons_and_beziergons_exact);
  tcase_add_test (tc, test_text_boxes_hold_their_lines);
  tcase_add_test (tc, test_kaos_goals);
  tcase_add_test (tc, test_legacy_font_names);
  tcase_add_test (tc, test_flowchart_symbols);
  tcase_add_test (tc, test_other_sheets_symbols);
  tcase_add_test (tc, test_bezier_lines_exact);
  tcase_add_test (tc, test_arcs_exact);
  tcase_add_test (tc, test_arcs_sample);
  tcase_add_test (tc, test_import_notes);
  tcase_add_test (tc, test_not_dia);
  tcase_add_test (tc, test_er_symbols);
  tcase_add_test (tc, test_uml_associations);
  tcase_add_test (tc, test_er_uml_crafted);
  tcase_add_test (tc, test_hidden_layer);
  tcase_add_test (tc, test_hostile_numbers);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return flexo_test_run (dia_suite ());
}
