/* test-export-dialog.c — the export dialog and printing
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "flexo-export-dialog.h"
#include "flexo-format.h"
#include "flexo-gui-test.h"
#include "flexo-print.h"
#include "flexo-test.h"

static FlexoDocument *doc;
static GSettings *settings;
static char *dir;

static void
setup (void)
{
  g_autofree char *path = flexo_test_source_path ("resources/examples/library.flexo");
  g_autoptr(GError) error = NULL;

  flexo_gui_test_init_locale ("en");
  gtk_init ();
  adw_init ();
  doc = flexo_format_load (path, &error);
  ck_assert_msg (doc != NULL, "%s", error ? error->message : "");
  ck_assert_uint_ge (flexo_document_get_diagrams (doc)->len, 2);
  settings = g_settings_new (APPLICATION_ID);
  dir = g_dir_make_tmp ("flexo-export-XXXXXX", NULL);
}

static void
teardown (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (dir);
  g_clear_pointer (&dir, g_free);
  g_clear_object (&settings);
  g_clear_object (&doc);
  flexo_gui_test_flush ();
}

static FlexoExportDialog *
open_dialog (guint diagram)
{
  FlexoExportDialog *dialog = flexo_export_dialog_new (NULL, doc, g_ptr_array_index (flexo_document_get_diagrams (doc), diagram),
                                                       "library", settings);

  gtk_window_present (GTK_WINDOW (dialog));
  flexo_gui_test_flush ();
  return dialog;
}

static char *
out (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

START_TEST (test_png_size_and_transparency)
{
  FlexoExportDialog *dialog = open_dialog (0);
  g_autofree char *path = out ("a.png");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png;
  guint32 corner;
  int w1, w2;

  adw_combo_row_set_selected (ADW_COMBO_ROW (flexo_export_dialog_get_row (dialog, "format")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (flexo_export_dialog_get_row (dialog, "scale")), 100);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (flexo_export_dialog_get_row (dialog, "margin")), 10);
  adw_combo_row_set_selected (ADW_COMBO_ROW (flexo_export_dialog_get_row (dialog, "background")), 1);
  ck_assert_msg (flexo_export_dialog_export_to (dialog, path, &error), "%s", error ? error->message : "");
  png = cairo_image_surface_create_from_png (path);
  ck_assert_int_eq (cairo_surface_status (png), CAIRO_STATUS_SUCCESS);
  w1 = cairo_image_surface_get_width (png);
  corner = *(guint32 *) cairo_image_surface_get_data (png);
  cairo_surface_destroy (png);
  ck_assert_uint_eq (corner >> 24, 0);

  /* Twice the scale: twice the size; white: an opaque corner. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (flexo_export_dialog_get_row (dialog, "scale")), 200);
  adw_combo_row_set_selected (ADW_COMBO_ROW (flexo_export_dialog_get_row (dialog, "background")), 0);
  ck_assert (flexo_export_dialog_export_to (dialog, path, NULL));
  png = cairo_image_surface_create_from_png (path);
  w2 = cairo_image_surface_get_width (png);
  corner = *(guint32 *) cairo_image_surface_get_data (png);
  cairo_surface_destroy (png);
  ck_assert_int_le (abs (w2 - 2 * w1), 2);
  ck_assert_uint_eq (corner, 0xffffffff);
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

START_TEST (test_svg_pdf_and_second_diagram)
{
  FlexoExportDialog *dialog = open_dialog (0);
  g_autofree char *svg1 = out ("1.svg");
  g_autofree char *svg2 = out ("2.svg");
  g_autofree char *pdf = out ("1.pdf");
  g_autofree char *contents = NULL;
  xmlDocPtr xml1, xml2;
  xmlChar *width1, *width2;

  ck_assert (flexo_export_dialog_export_to (dialog, svg1, NULL));
  adw_combo_row_set_selected (ADW_COMBO_ROW (flexo_export_dialog_get_row (dialog, "diagram")), 1);
  ck_assert (flexo_export_dialog_export_to (dialog, svg2, NULL));
  xml1 = xmlReadFile (svg1, NULL, XML_PARSE_NONET);
  xml2 = xmlReadFile (svg2, NULL, XML_PARSE_NONET);
  ck_assert_ptr_nonnull (xml1);
  ck_assert_ptr_nonnull (xml2);
  width1 = xmlGetProp (xmlDocGetRootElement (xml1), BAD_CAST "width");
  width2 = xmlGetProp (xmlDocGetRootElement (xml2), BAD_CAST "width");
  ck_assert_str_ne ((char *) width1, (char *) width2);
  xmlFree (width1);
  xmlFree (width2);
  xmlFreeDoc (xml1);
  xmlFreeDoc (xml2);

  adw_combo_row_set_selected (ADW_COMBO_ROW (flexo_export_dialog_get_row (dialog, "format")), 2);
  ck_assert (flexo_export_dialog_export_to (dialog, pdf, NULL));
  ck_assert (g_file_get_contents (pdf, &contents, NULL, NULL));
  ck_assert (g_str_has_prefix (contents, "%PDF-"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

START_TEST (test_choices_are_remembered)
{
  FlexoExportDialog *dialog = open_dialog (0);
  g_autofree char *path = out ("r.png");

  adw_combo_row_set_selected (ADW_COMBO_ROW (flexo_export_dialog_get_row (dialog, "format")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (flexo_export_dialog_get_row (dialog, "scale")), 300);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (flexo_export_dialog_get_row (dialog, "margin")), 5);
  adw_combo_row_set_selected (ADW_COMBO_ROW (flexo_export_dialog_get_row (dialog, "background")), 1);
  ck_assert (flexo_export_dialog_export_to (dialog, path, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = open_dialog (0);
  ck_assert_uint_eq (adw_combo_row_get_selected (ADW_COMBO_ROW (flexo_export_dialog_get_row (dialog, "format"))), 1);
  ck_assert_double_eq (gtk_spin_button_get_value (GTK_SPIN_BUTTON (flexo_export_dialog_get_row (dialog, "scale"))), 300);
  ck_assert_double_eq (gtk_spin_button_get_value (GTK_SPIN_BUTTON (flexo_export_dialog_get_row (dialog, "margin"))), 5);
  ck_assert_uint_eq (adw_combo_row_get_selected (ADW_COMBO_ROW (flexo_export_dialog_get_row (dialog, "background"))), 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

START_TEST (test_print_fits_the_page)
{
  g_autofree char *pdf = out ("print.pdf");
  g_autofree char *info = NULL;
  g_autofree char *pdfinfo = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", pdf, NULL };
  const char *size;
  double w = 0, h = 0;
  int status;

  ck_assert_msg (flexo_print_diagram_to_pdf (g_ptr_array_index (flexo_document_get_diagrams (doc), 0), pdf, &error),
                 "%s", error ? error->message : "");
  ck_assert (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  pdfinfo = g_find_program_in_path ("pdfinfo");
  if (pdfinfo == NULL)
    return;
  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                           NULL, NULL, &info, NULL, &status, NULL));
  size = strstr (info, "Page size:");
  ck_assert_ptr_nonnull (size);
  ck_assert_int_eq (sscanf (size, "Page size: %lf x %lf", &w, &h), 2);
  /* A4 or Letter, turned to landscape for a wide diagram. */
  ck_assert (w > h);
  ck_assert ((fabs (w - 842) < 2 && fabs (h - 595) < 2) || (fabs (w - 792) < 2 && fabs (h - 612) < 2));
  ck_assert_ptr_nonnull (strstr (info, "Pages:           1"));
}
END_TEST

static Suite *
export_suite (void)
{
  Suite *s = suite_create ("export-dialog");
  TCase *tc = tcase_create ("export");

  tcase_set_timeout (tc, 60);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_png_size_and_transparency);
  tcase_add_test (tc, test_svg_pdf_and_second_diagram);
  tcase_add_test (tc, test_choices_are_remembered);
  tcase_add_test (tc, test_print_fits_the_page);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return flexo_gui_test_run (export_suite ());
}
