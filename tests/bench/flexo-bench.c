/* flexo-bench.c — Flexo's benchmark: generates documents and measures
 *
 *   flexo-bench generate --shapes N OUT.flexo
 *       one diagram of N labelled shapes and N connectors
 *   flexo-bench generate-dia --shapes N OUT.dia
 *       N boxes, N texts and N - 1 connected lines as a Dia diagram, for
 *       tests/bench/dia-compare.sh
 *   flexo-bench rss FILE
 *       the resident memory that loading FILE adds to a fresh process
 *   flexo-bench run [--shapes N] [--json FILE]
 *       generates the document in a temporary folder and measures load
 *       (against `xmllint --stream --noout`, the floor no loader beats),
 *       save, resident memory per shape, undo and redo of a 10,000-shape
 *       move, spatial point queries, drawing and export, and (with a
 *       display) a drag step of 1,000 shapes in the editor with its
 *       repaint; prints a table, and JSON.
 *
 * Timings are wall-clock medians of several runs on this machine: compare
 * figures taken on the same machine only.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "flexo-export.h"
#include "flexo-format.h"
#include "flexo-model.h"
#include "flexo-painter.h"
#include "flexo-bench.h"

typedef struct
{
  const char *name;
  const char *unit;
  double      value;
  double      target;   /* 0: none */
  gboolean    lower_is_better;
} Figure;

static GArray *figures;

#define median flexo_bench_median
#define now flexo_bench_now

static void
report (const char *name,
        const char *unit,
        double      value,
        double      target)
{
  Figure f = { name, unit, value, target, TRUE };

  g_array_append_val (figures, f);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
flexo_bench_median (double *values,
                    guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double
flexo_bench_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Resident memory of this process, in bytes. */
static gsize
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  malloc_trim (0);
  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return 0;

  return resident * (gsize) sysconf (_SC_PAGESIZE);
}

/* Heap in use: what malloc handed out and was not freed. */
static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

/* `flexo-bench rss FILE`: in a fresh process, the resident memory that
 * loading FILE adds; prints it in bytes. */
static int
cmd_rss (const char *path)
{
  g_autoptr(FlexoDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  gsize before = resident_bytes ();

  doc = flexo_format_load (path, &error);
  if (doc == NULL)
    {
      g_printerr ("flexo-bench: %s\n", error->message);
      return 1;
    }
  g_print ("%" G_GSIZE_FORMAT "\n", resident_bytes () - before);
  return 0;
}

static FlexoDocument *
generate (guint n_shapes)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(FlexoDiagram) diagram = flexo_diagram_new (doc, "Grid");
  g_autoptr(GPtrArray) shapes = g_ptr_array_new ();
  guint columns = MAX (1, (guint) (sqrt ((double) n_shapes) + 0.5));

  flexo_document_begin (doc, "Generate");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));

  for (guint i = 0; i < n_shapes; i++)
    {
      FlexoRect bounds = { (i % columns) * 200.0, (i / columns) * 120.0, 120, 60 };
      g_autoptr(FlexoShape) shape = flexo_shape_new (doc, &bounds);
      g_autofree char *text = g_strdup_printf ("Shape %u", i + 1);

      flexo_shape_set_text (shape, text);
      flexo_diagram_add_item (diagram, shape);
      g_ptr_array_add (shapes, shape);
    }

  /* Each shape to its right neighbour, wrapping to the next row. */
  for (guint i = 0; i < n_shapes; i++)
    {
      g_autoptr(FlexoConnector) connector =
        flexo_connector_new (doc, g_ptr_array_index (shapes, i),
                             g_ptr_array_index (shapes, (i + 1) % n_shapes));

      flexo_diagram_add_item (diagram, connector);
    }

  flexo_document_commit (doc);
  flexo_document_clear_history (doc);
  flexo_document_set_saved (doc);

  return g_steal_pointer (&doc);
}

static int
cmd_generate (guint       n_shapes,
              const char *out)
{
  g_autoptr(FlexoDocument) doc = generate (n_shapes);
  g_autoptr(GError) error = NULL;

  if (!flexo_format_save (doc, out, &error))
    {
      g_printerr ("flexo-bench: %s\n", error->message);
      return 1;
    }

  return 0;
}

/* A grid as a Dia diagram, the one issue 8 measures: N "Standard - Box"
 * objects, N "Standard - Text" objects (a label in each box) and N - 1
 * "Standard - Line" objects connecting each box to the next. Dia measures
 * in centimetres (20 Flexo units to 1 cm). */
static int
cmd_generate_dia (guint       n_shapes,
                  const char *out)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint columns = MAX (1, (guint) (sqrt ((double) n_shapes) + 0.5));
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
  char x2[G_ASCII_DTOSTR_BUF_SIZE], y2[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (xml,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<dia:diagram xmlns:dia=\"http://www.lysator.liu.se/~alla/dia/\">\n"
                   "  <dia:layer name=\"Background\" visible=\"true\" active=\"true\">\n");

  for (guint i = 0; i < n_shapes; i++)
    {
      double bx = (i % columns) * 10.0, by = (i / columns) * 6.0;

      g_ascii_dtostr (x, sizeof x, bx);
      g_ascii_dtostr (y, sizeof y, by);
      g_ascii_dtostr (x2, sizeof x2, bx + 6);
      g_ascii_dtostr (y2, sizeof y2, by + 3);
      g_string_append_printf (xml,
        "    <dia:object type=\"Standard - Box\" version=\"0\" id=\"O%u\">\n"
        "      <dia:attribute name=\"obj_pos\"><dia:point val=\"%s,%s\"/></dia:attribute>\n"
        "      <dia:attribute name=\"obj_bb\"><dia:rectangle val=\"%s,%s;%s,%s\"/></dia:attribute>\n"
        "      <dia:attribute name=\"elem_corner\"><dia:point val=\"%s,%s\"/></dia:attribute>\n"
        "      <dia:attribute name=\"elem_width\"><dia:real val=\"6\"/></dia:attribute>\n"
        "      <dia:attribute name=\"elem_height\"><dia:real val=\"3\"/></dia:attribute>\n"
        "      <dia:attribute name=\"show_background\"><dia:boolean val=\"true\"/></dia:attribute>\n"
        "    </dia:object>\n",
        i, x, y, x, y, x2, y2, x, y);
      g_ascii_dtostr (x, sizeof x, bx + 3);
      g_ascii_dtostr (y, sizeof y, by + 1.7);
      g_string_append_printf (xml,
        "    <dia:object type=\"Standard - Text\" version=\"1\" id=\"O%u\">\n"
        "      <dia:attribute name=\"obj_pos\"><dia:point val=\"%s,%s\"/></dia:attribute>\n"
        "      <dia:attribute name=\"text\"><dia:composite type=\"text\">\n"
        "        <dia:attribute name=\"string\"><dia:string>#Shape %u#</dia:string></dia:attribute>\n"
        "        <dia:attribute name=\"font\"><dia:font family=\"sans\" style=\"0\" name=\"Helvetica\"/></dia:attribute>\n"
        "        <dia:attribute name=\"height\"><dia:real val=\"0.8\"/></dia:attribute>\n"
        "        <dia:attribute name=\"pos\"><dia:point val=\"%s,%s\"/></dia:attribute>\n"
        "        <dia:attribute name=\"color\"><dia:color val=\"#000000\"/></dia:attribute>\n"
        "        <dia:attribute name=\"alignment\"><dia:enum val=\"1\"/></dia:attribute>\n"
        "      </dia:composite></dia:attribute>\n"
        "    </dia:object>\n",
        2 * n_shapes + i, x, y, i + 1, x, y);
    }

  for (guint i = 0; i + 1 < n_shapes; i++)
    {
      guint j = i + 1;

      g_ascii_dtostr (x, sizeof x, (i % columns) * 10.0 + 3);
      g_ascii_dtostr (y, sizeof y, (i / columns) * 6.0 + 1.5);
      g_ascii_dtostr (x2, sizeof x2, (j % columns) * 10.0 + 3);
      g_ascii_dtostr (y2, sizeof y2, (j / columns) * 6.0 + 1.5);
      g_string_append_printf (xml,
        "    <dia:object type=\"Standard - Line\" version=\"0\" id=\"O%u\">\n"
        "      <dia:attribute name=\"obj_pos\"><dia:point val=\"%s,%s\"/></dia:attribute>\n"
        "      <dia:attribute name=\"conn_endpoints\"><dia:point val=\"%s,%s\"/><dia:point val=\"%s,%s\"/></dia:attribute>\n"
        "      <dia:attribute name=\"end_arrow\"><dia:enum val=\"22\"/></dia:attribute>\n"
        "      <dia:connections>\n"
        "        <dia:connection handle=\"0\" to=\"O%u\" connection=\"8\"/>\n"
        "        <dia:connection handle=\"1\" to=\"O%u\" connection=\"8\"/>\n"
        "      </dia:connections>\n"
        "    </dia:object>\n",
        n_shapes + i, x, y, x, y, x2, y2, i, j);
    }

  g_string_append (xml, "  </dia:layer>\n</dia:diagram>\n");

  if (!g_file_set_contents (out, xml->str, xml->len, &error))
    {
      g_printerr ("flexo-bench: %s\n", error->message);
      return 1;
    }

  return 0;
}

static double
time_command (const char * const *argv,
              guint               runs)
{
  double times[16];

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) proc = NULL;
      double start = now ();

      proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
      if (proc == NULL || !g_subprocess_wait_check (proc, NULL, &error))
        return -1;
      times[i] = now () - start;
    }

  return median (times, runs);
}

static gboolean
query_count (gpointer         item,
             const FlexoRect *bounds,
             gpointer         user_data)
{
  (*(guint *) user_data)++;
  return FALSE;
}

static int
cmd_run (guint       n_shapes,
         const char *json_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("flexo-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(FlexoDocument) doc = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  double times[5], start, floor_time = -1;
  const guint runs = 5;
  gsize before, after;

  if (dir == NULL)
    {
      g_printerr ("flexo-bench: %s\n", error->message);
      return 1;
    }

  path = g_build_filename (dir, "grid.flexo", NULL);
  copy = g_build_filename (dir, "copy.flexo", NULL);

  start = now ();
  if (cmd_generate (n_shapes, path) != 0)
    return 1;
  report ("generate and save", "s", now () - start, 0);

  /* Load */
  if (xmllint != NULL)
    {
      const char *argv[] = { xmllint, "--stream", "--noout", path, NULL };

      floor_time = time_command (argv, runs);
      report ("xmllint --stream --noout (floor)", "s", floor_time, 0);
    }

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(FlexoDocument) loaded = NULL;

      start = now ();
      loaded = flexo_format_load (path, &error);
      times[i] = now () - start;
      if (loaded == NULL)
        {
          g_printerr ("flexo-bench: %s\n", error->message);
          return 1;
        }
    }
  report ("load", "s", median (times, runs), floor_time > 0 ? 3 * floor_time : 0);
  if (floor_time > 0)
    report ("load / xmllint", "x", median (times, runs) / floor_time, 3);

  /* Memory: what one loaded document holds, counted by malloc here, and
   * the resident growth of a fresh process that loads it. */
  before = heap_in_use ();
  doc = flexo_format_load (path, &error);
  after = heap_in_use ();
  report ("heap per shape (with its connector)", "bytes",
          (double) (after > before ? after - before : 0) / n_shapes, 0);
  {
    g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
    const char *argv[] = { self, "rss", path, NULL };
    g_autoptr(GSubprocess) proc = NULL;
    g_autofree char *out = NULL;

    proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
    if (proc != NULL && g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error) &&
        g_subprocess_get_exit_status (proc) == 0)
      report ("resident memory per shape (with its connector)", "bytes",
              g_ascii_strtod (out, NULL) / n_shapes, 1024);
    g_clear_error (&error);
  }

  /* Save */
  for (guint i = 0; i < runs; i++)
    {
      start = now ();
      if (!flexo_format_save (doc, copy, &error))
        {
          g_printerr ("flexo-bench: %s\n", error->message);
          return 1;
        }
      times[i] = now () - start;
    }
  report ("save", "s", median (times, runs), 0);

  /* Undo and redo of moving 10,000 shapes */
  {
    GPtrArray *items = flexo_diagram_get_items (g_ptr_array_index (flexo_document_get_diagrams (doc), 0));
    guint n_move = MIN (10000, n_shapes);

    for (guint r = 0; r < runs; r++)
      {
        flexo_document_begin (doc, "Move");
        for (guint i = 0, moved = 0; moved < n_move && i < items->len; i++)
          if (FLEXO_IS_SHAPE (g_ptr_array_index (items, i)))
            {
              flexo_shape_move_by (g_ptr_array_index (items, i), 7, 3);
              moved++;
            }
        flexo_document_commit (doc);

        start = now ();
        flexo_document_undo (doc);
        flexo_document_redo (doc);
        times[r] = now () - start;
      }
    report ("undo + redo of moving 10,000 shapes", "ms", median (times, runs) * 1000, 50);
  }

  /* Spatial point queries */
  {
    FlexoDiagram *diagram = g_ptr_array_index (flexo_document_get_diagrams (doc), 0);
    FlexoSpatialIndex *index = flexo_diagram_get_index (diagram);
    GRand *rand = g_rand_new_with_seed (42);
    FlexoRect extents;
    const guint n_queries = 1000000;
    guint hits = 0;

    flexo_diagram_get_extents (diagram, &extents);
    for (guint r = 0; r < runs; r++)
      {
        start = now ();
        for (guint i = 0; i < n_queries; i++)
          {
            FlexoPoint p = { extents.x + g_rand_double (rand) * extents.width,
                             extents.y + g_rand_double (rand) * extents.height };

            flexo_spatial_index_query_point (index, p, 0, query_count, &hits);
          }
        times[r] = (now () - start) / n_queries * 1e6;
      }
    report ("spatial point query", "us", median (times, runs), 5);
    g_rand_free (rand);
  }

  /* Drawing a 1920×1080 viewport, at zoom 1 (its middle) and zoomed to
   * fit the whole diagram, on an image surface as the canvas's cairo node. */
  {
    FlexoDiagram *diagram = g_ptr_array_index (flexo_document_get_diagrams (doc), 0);
    g_autoptr(FlexoPainter) painter = flexo_painter_new ();
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
    FlexoRect extents;
    double fit;

    flexo_painter_get_extents (painter, diagram, &extents);
    fit = MIN (1920 / extents.width, 1080 / extents.height);

    /* Pass 2 is pass 1 with the model changed before each frame (one shape
     * moved): the far view's picture is redrawn where it changed, after a
     * first time that also makes its grid of items. Pass 3 adds a shape
     * and takes it back, in turns: the list changes, the picture is drawn
     * whole. */
    for (guint pass = 0; pass < 4; pass++)
      {
        double scale = pass == 0 ? 1.0 : fit;
        FlexoRect area;
        FlexoShape *moving = NULL;
        double first = 0;

        for (guint i = 0; pass == 2 && moving == NULL && i < flexo_diagram_get_items (diagram)->len; i++)
          if (FLEXO_IS_SHAPE (g_ptr_array_index (flexo_diagram_get_items (diagram), i)))
            moving = g_ptr_array_index (flexo_diagram_get_items (diagram), i);

        if (pass == 0)
          area = FLEXO_RECT_INIT (extents.x + extents.width / 2 - 960, extents.y + extents.height / 2 - 540, 1920, 1080);
        else
          area = extents;

        for (guint r = 0; r < runs + 1; r++)
          {
            cairo_t *cr = cairo_create (surface);

            if (moving != NULL)
              {
                flexo_document_begin (doc, "Move");
                flexo_shape_move_by (moving, r % 2 ? -1 : 1, 0);
                flexo_document_commit (doc);
              }
            if (pass == 3 && r % 2 == 0)
              {
                g_autoptr(FlexoShape) added = flexo_shape_new (doc, &FLEXO_RECT_INIT (extents.x + 100, extents.y + 100, 120, 60));

                flexo_document_begin (doc, "Add");
                flexo_diagram_add_item (diagram, added);
                flexo_document_commit (doc);
              }
            else if (pass == 3)
              flexo_document_undo (doc);
            start = now ();
            cairo_set_source_rgb (cr, 1, 1, 1);
            cairo_paint (cr);
            cairo_scale (cr, scale, scale);
            cairo_translate (cr, -area.x, -area.y);
            flexo_painter_draw (painter, cr, diagram, &area, scale);
            cairo_destroy (cr);
            cairo_surface_flush (surface);
            /* The first run fills the painter's caches: not counted. */
            if (r > 0)
              times[r - 1] = (now () - start) * 1000;
            else
              first = (now () - start) * 1000;
          }
        if (pass == 0)
          report ("draw a 1920x1080 viewport at zoom 1", "ms", median (times, runs), 8);
        else if (pass == 1)
          report ("draw a 1920x1080 viewport zoomed to fit", "ms", median (times, runs), 16);
        else if (pass == 2)
          {
            report ("the same, the model changed before each", "ms", median (times, runs), 16);
            report ("  its first time (the grid of items made)", "ms", first, 0);
          }
        else
          report ("the same, a shape added or taken back before each", "ms", median (times, runs), 0);
      }
    cairo_surface_destroy (surface);

    /* Export of the whole document on white, as the command line does by
     * default; the PNG at a scale that keeps it under 8,000 pixels wide. */
    {
      static const char * const names[] = { "export.svg", "export.png", "export.pdf" };

      for (FlexoExportFormat format = 0; format < FLEXO_N_EXPORT_FORMATS; format++)
        {
          g_autofree char *out = g_build_filename (dir, names[format], NULL);
          g_autofree char *name = g_strdup_printf ("export to %s", flexo_export_format_to_extension (format));
          double scale = format == FLEXO_EXPORT_PNG ? MIN (1.0, 8000 / extents.width) : 1.0;

          start = now ();
          FlexoColor white = FLEXO_COLOR_RGBA (0xff, 0xff, 0xff, 0xff);

          if (!flexo_export_diagram (diagram, out, format, scale, 20, &white, &error))
            {
              g_printerr ("flexo-bench: %s\n", error->message);
              g_clear_error (&error);
              continue;
            }
          report (g_intern_string (name), "s", now () - start, 0);
          g_unlink (out);
        }
    }
  }

  flexo_bench_validation (report);

  /* The editor, when there is a display. */
  if (!flexo_bench_editor (doc, report))
    g_printerr ("flexo-bench: no display, the editor is not measured (run under xvfb-run)\n");

  /* The table */
  g_print ("Flexo benchmark: %u shapes and %u connectors in one diagram\n\n", n_shapes, n_shapes);
  g_print ("%-50s %14s  %s\n", "measure", "value", "target");
  for (guint i = 0; i < figures->len; i++)
    {
      Figure *f = &g_array_index (figures, Figure, i);
      char target[64] = "";

      if (f->target > 0)
        g_snprintf (target, sizeof target, "<= %g %s  %s", f->target, f->unit,
                    f->value <= f->target ? "met" : "MISSED");
      g_print ("%-50s %10.3f %-3s  %s\n", f->name, f->value, f->unit, target);
    }

  g_string_append_printf (json, "{\n  \"shapes\": %u,\n  \"figures\": [\n", n_shapes);
  for (guint i = 0; i < figures->len; i++)
    {
      Figure *f = &g_array_index (figures, Figure, i);

      g_string_append_printf (json, "    { \"name\": \"%s\", \"unit\": \"%s\", \"value\": %.6g",
                              f->name, f->unit, f->value);
      if (f->target > 0)
        g_string_append_printf (json, ", \"target\": %.6g, \"met\": %s",
                                f->target, f->value <= f->target ? "true" : "false");
      g_string_append_printf (json, " }%s\n", i + 1 < figures->len ? "," : "");
    }
  g_string_append (json, "  ]\n}\n");

  g_print ("\n%s", json->str);
  if (json_path != NULL && !g_file_set_contents (json_path, json->str, -1, &error))
    g_printerr ("flexo-bench: %s\n", error->message);

  g_unlink (path);
  g_unlink (copy);
  g_rmdir (dir);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  int n_shapes = 100000;
  GOptionEntry entries[] = {
    { "shapes", 'n', 0, G_OPTION_ARG_INT, &n_shapes, "Number of shapes (default 100000)", "N" },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json, "Also write the figures to FILE as JSON", "FILE" },
    { NULL }
  };

  context = g_option_context_new ("generate OUT.flexo | generate-dia OUT.dia | rss FILE | run");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_shapes < 1)
    {
      g_printerr ("flexo-bench: %s\n", error ? error->message : "--shapes must be at least 1");
      return 2;
    }

  figures = g_array_new (FALSE, FALSE, sizeof (Figure));

  if (argc == 3 && strcmp (argv[1], "generate") == 0)
    return cmd_generate ((guint) n_shapes, argv[2]);
  if (argc == 3 && strcmp (argv[1], "generate-dia") == 0)
    return cmd_generate_dia ((guint) n_shapes, argv[2]);
  if (argc == 3 && strcmp (argv[1], "rss") == 0)
    return cmd_rss (argv[2]);
  if (argc == 2 && strcmp (argv[1], "run") == 0)
    return cmd_run ((guint) n_shapes, json);

  g_printerr ("%s", g_option_context_get_help (context, TRUE, NULL));
  return 2;
}
