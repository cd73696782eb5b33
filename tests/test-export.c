/* test-export.c — headless export to SVG, PNG and PDF, as the command line
 * does it: no display, pictures compared with reference images
 *
 * FLEXO_UPDATE_REFERENCES=1 rewrites tests/data/reference/ from the current
 * rendering (look at the new images before committing them).
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "flexo-test.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

/* Runs a program with no display in its environment. */
static void
run (Run                *result,
     const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);

  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  ck_assert_msg (proc != NULL, "spawn %s: %s", argv[0], error ? error->message : "?");
  ck_assert (g_subprocess_communicate_utf8 (proc, NULL, NULL, &result->out, &result->err, &error));
  result->status = g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
}

static void
run_clear (Run *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

typedef struct
{
  char *dir;
} Tmp;

static Tmp tmp;

static void
setup (void)
{
  tmp.dir = g_dir_make_tmp ("flexo-export-XXXXXX", NULL);
  ck_assert_ptr_nonnull (tmp.dir);
}

static void
teardown (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp.dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp.dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmp.dir);
  g_clear_pointer (&tmp.dir, g_free);
}

static char *
export (const char  *document,
        const char  *diagram,
        const char  *out_name,
        const char **extra)
{
  g_autofree char *source = flexo_test_source_path (document);
  char *out = g_build_filename (tmp.dir, out_name, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(Run) result = { 0 };

  g_ptr_array_add (argv, (gpointer) g_getenv ("FLEXO_BIN"));
  g_ptr_array_add (argv, "--export");
  g_ptr_array_add (argv, out);
  if (diagram != NULL)
    {
      g_ptr_array_add (argv, "--diagram");
      g_ptr_array_add (argv, (gpointer) diagram);
    }
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra[i]);
  g_ptr_array_add (argv, source);
  g_ptr_array_add (argv, NULL);

  run (&result, (const char * const *) argv->pdata);
  ck_assert_msg (result.status == 0, "flexo --export %s failed: %s", out_name, result.err);
  ck_assert_msg (g_file_test (out, G_FILE_TEST_IS_REGULAR), "%s was not written", out);
  return out;
}

/* Differences between two ARGB32 images of the same size: the share of
 * pixels whose channels differ by more than @threshold. */
static double
differing_share (cairo_surface_t *a,
                 cairo_surface_t *b,
                 int              threshold)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  const guint8 *da, *db;
  guint64 differing = 0;

  ck_assert_int_eq (width, cairo_image_surface_get_width (b));
  ck_assert_int_eq (height, cairo_image_surface_get_height (b));

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  da = cairo_image_surface_get_data (a);
  db = cairo_image_surface_get_data (b);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *pa = da + y * sa + 4 * x, *pb = db + y * sb + 4 * x;

        for (int c = 0; c < 4; c++)
          if (ABS ((int) pa[c] - (int) pb[c]) > threshold)
            {
              differing++;
              break;
            }
      }

  return (double) differing / ((double) width * height);
}

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  ck_assert_msg (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS,
                 "cannot read %s: %s", path, cairo_status_to_string (cairo_surface_status (surface)));
  return surface;
}

/* Ink: pixels that are not (nearly) the white background. */
static double
ink_share (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  guint64 ink = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *p = data + y * stride + 4 * x;

        if (p[3] > 0 && (p[0] < 200 || p[1] < 200 || p[2] < 200))
          ink++;
      }

  return (double) ink / ((double) width * height);
}

START_TEST (test_example_exports_to_all_formats_headless)
{
  static const char * const names[] = { "Use cases", "Resources" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *svg = export ("resources/examples/library.flexo", names[i], "d.svg", NULL);
      g_autofree char *png = export ("resources/examples/library.flexo", names[i], "d.png", NULL);
      g_autofree char *pdf = export ("resources/examples/library.flexo", names[i], "d.pdf", NULL);
      g_autofree char *pdf_head = NULL;
      cairo_surface_t *image = load_png (png);
      xmlDocPtr doc;
      xmlNodePtr root;

      /* SVG: well-formed, an <svg> root with the PNG's size (scale 1). */
      doc = xmlReadFile (svg, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      ck_assert_msg (doc != NULL, "%s: the SVG does not parse", names[i]);
      root = xmlDocGetRootElement (doc);
      ck_assert_str_eq ((const char *) root->name, "svg");
      {
        xmlChar *width = xmlGetProp (root, (const xmlChar *) "width");
        ck_assert_ptr_nonnull (width);
        ck_assert_int_eq ((int) round (g_ascii_strtod ((const char *) width, NULL)),
                          cairo_image_surface_get_width (image));
        xmlFree (width);
      }
      xmlFreeDoc (doc);

      /* PNG: a picture, not a blank page. */
      ck_assert_double_gt (ink_share (image), 0.01);
      cairo_surface_destroy (image);

      /* PDF */
      ck_assert (g_file_get_contents (pdf, &pdf_head, NULL, NULL));
      ck_assert (g_str_has_prefix (pdf_head, "%PDF-"));
    }
}
END_TEST

START_TEST (test_svg_renders_like_png)
{
  const char *scale[] = { "--scale", "2", NULL };
  g_autofree char *svg = export ("resources/examples/library.flexo", "Resources", "r.svg", scale);
  g_autofree char *png = export ("resources/examples/library.flexo", "Resources", "r.png", scale);
  g_autofree char *rendered = g_build_filename (tmp.dir, "rsvg.png", NULL);
  g_auto(Run) result = { 0 };
  cairo_surface_t *ours, *theirs;
  g_autofree char *width = NULL;
  double share;

  ours = load_png (png);
  width = g_strdup_printf ("%d", cairo_image_surface_get_width (ours));

  /* rsvg-convert renders the SVG alone, at the PNG's pixel size. */
  run (&result, (const char *[]) { "rsvg-convert", "--width", width, "--background-color", "white",
                                   "--output", rendered, svg, NULL });
  ck_assert_msg (result.status == 0, "rsvg-convert failed: %s", result.err);

  theirs = load_png (rendered);
  share = differing_share (ours, theirs, 64);
  ck_assert_msg (share < 0.01, "the SVG renders differently from the PNG: %.2f %% of the pixels", share * 100);

  cairo_surface_destroy (ours);
  cairo_surface_destroy (theirs);
}
END_TEST

START_TEST (test_pdf_page_size)
{
  g_autofree char *png = export ("resources/examples/library.flexo", "Use cases", "u.png", NULL);
  g_autofree char *pdf = export ("resources/examples/library.flexo", "Use cases", "u.pdf", NULL);
  cairo_surface_t *image = load_png (png);
  g_auto(Run) result = { 0 };
  g_autofree char *expected = NULL;

  run (&result, (const char *[]) { "pdfinfo", pdf, NULL });
  ck_assert_msg (result.status == 0, "pdfinfo failed: %s", result.err);

  /* At scale 1, a point per diagram unit: the page is the PNG's size. */
  expected = g_strdup_printf (" %d x %d pts",
                              cairo_image_surface_get_width (image), cairo_image_surface_get_height (image));
  ck_assert_msg (strstr (result.out, "Page size:") != NULL && strstr (result.out, expected) != NULL,
                 "expected a page size of “%s” in:\n%s", expected, result.out);
  {
    const char *pages = strstr (result.out, "Pages:");

    ck_assert_ptr_nonnull (pages);
    ck_assert_int_eq (atoi (pages + strlen ("Pages:")), 1);
  }

  cairo_surface_destroy (image);
}
END_TEST

START_TEST (test_options)
{
  const char *big[] = { "--scale", "2", "--margin", "0", NULL };
  const char *small[] = { "--margin", "0", NULL };
  const char *transparent[] = { "--background", "transparent", NULL };
  g_autofree char *a = export ("resources/examples/library.flexo", NULL, "a.png", small);
  g_autofree char *b = export ("resources/examples/library.flexo", NULL, "b.png", big);
  g_autofree char *c = export ("resources/examples/library.flexo", NULL, "c.png", transparent);
  cairo_surface_t *sa = load_png (a), *sb = load_png (b), *sc = load_png (c);

  /* Without --diagram, the first diagram; --scale 2 doubles the size. */
  ck_assert_int_le (ABS (cairo_image_surface_get_width (sb) - 2 * cairo_image_surface_get_width (sa)), 1);
  ck_assert_int_le (ABS (cairo_image_surface_get_height (sb) - 2 * cairo_image_surface_get_height (sa)), 1);

  /* A transparent background leaves the corner's alpha at 0. */
  cairo_surface_flush (sc);
  ck_assert_int_eq (cairo_image_surface_get_data (sc)[3], 0);

  cairo_surface_destroy (sa);
  cairo_surface_destroy (sb);
  cairo_surface_destroy (sc);
}
END_TEST

START_TEST (test_errors)
{
  g_autofree char *example = flexo_test_source_path ("resources/examples/library.flexo");
  g_autofree char *out = g_build_filename (tmp.dir, "x.svg", NULL);
  g_auto(Run) unknown = { 0 };
  g_auto(Run) format = { 0 };
  g_auto(Run) background = { 0 };

  run (&unknown, (const char *[]) { g_getenv ("FLEXO_BIN"), "--export", out, "--diagram", "Nope", example, NULL });
  ck_assert_int_eq (unknown.status, 1);
  ck_assert_msg (strstr (unknown.err, "“Nope”") != NULL && strstr (unknown.err, "“Use cases”, “Resources”") != NULL,
                 "the error does not list the diagrams: %s", unknown.err);
  ck_assert (!g_file_test (out, G_FILE_TEST_EXISTS));

  run (&format, (const char *[]) { g_getenv ("FLEXO_BIN"), "--export", "/tmp/x.bmp", example, NULL });
  ck_assert_int_eq (format.status, 2);

  run (&background, (const char *[]) { g_getenv ("FLEXO_BIN"), "--export", out, "--background", "sky", example, NULL });
  ck_assert_int_eq (background.status, 2);
}
END_TEST

/* Reference images: a change in rendering is noticed. */
static const struct
{
  const char *document;
  const char *diagram;
  const char *reference;
} references[] = {
  { "resources/examples/library.flexo", "Use cases", "library-use-cases.png" },
  { "resources/examples/library.flexo", "Resources", "library-resources.png" },
  { "tests/data/reference/shapes.flexo", NULL, "shapes.png" },
  { "tests/data/reference/arrows.flexo", NULL, "arrows.png" },
};

START_TEST (test_reference_image)
{
  g_autofree char *png = export (references[_i].document, references[_i].diagram, "ref.png", NULL);
  g_autofree char *name = g_build_filename ("tests", "data", "reference", references[_i].reference, NULL);
  g_autofree char *reference = flexo_test_source_path (name);
  cairo_surface_t *ours, *theirs;
  double share;

  if (g_getenv ("FLEXO_UPDATE_REFERENCES") != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;

      ck_assert (g_file_get_contents (png, &contents, &length, NULL));
      ck_assert (g_file_set_contents (reference, contents, length, NULL));
    }

  ours = load_png (png);
  theirs = load_png (reference);
  share = differing_share (ours, theirs, 48);
  ck_assert_msg (share < 0.002, "%s differs from its reference in %.2f %% of the pixels "
                 "(FLEXO_UPDATE_REFERENCES=1 rewrites it)", references[_i].reference, share * 100);
  cairo_surface_destroy (ours);
  cairo_surface_destroy (theirs);
}
END_TEST

static Suite *
export_suite (void)
{
  Suite *s = suite_create ("export");
  TCase *tc = tcase_create ("headless");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_example_exports_to_all_formats_headless);
  tcase_add_test (tc, test_svg_renders_like_png);
  tcase_add_test (tc, test_pdf_page_size);
  tcase_add_test (tc, test_options);
  tcase_add_test (tc, test_errors);
  tcase_add_loop_test (tc, test_reference_image, 0, G_N_ELEMENTS (references));
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return flexo_test_run (export_suite ());
}
