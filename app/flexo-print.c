/* flexo-print.c — printing a diagram, fit to the page
 *
 * The painter draws on the print context's cairo_t as on any other. The
 * page setup and print settings of the last print are kept for the next.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "flexo-painter.h"
#include "flexo-print.h"

static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

typedef struct
{
  FlexoDiagram *diagram;
  FlexoPainter *painter;
  FlexoRect     extents;
  gboolean      empty;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->diagram);
  g_clear_pointer (&job->painter, flexo_painter_free);
  g_free (job);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  /* Diagram units are pixels at 96 per inch; the context counts points. */
  double unit = 72.0 / 96.0;
  double k;

  if (job->empty)
    return;
  k = MIN (1.0, MIN (width / (job->extents.width * unit), height / (job->extents.height * unit))) * unit;
  cairo_translate (cr, (width - job->extents.width * k) / 2, (height - job->extents.height * k) / 2);
  cairo_scale (cr, k, k);
  cairo_translate (cr, -job->extents.x, -job->extents.y);
  flexo_painter_draw (job->painter, cr, job->diagram, NULL, k * 4);
}

static GtkPrintOperation *
new_operation (FlexoDiagram *diagram,
               const char   *job_name)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  PrintJob *job = g_new0 (PrintJob, 1);
  g_autoptr(GtkPageSetup) setup = last_page_setup != NULL ? gtk_page_setup_copy (last_page_setup)
                                                          : gtk_page_setup_new ();

  job->diagram = g_object_ref (diagram);
  job->painter = flexo_painter_new ();
  job->empty = !flexo_painter_get_extents (job->painter, diagram, &job->extents) ||
               job->extents.width <= 0 || job->extents.height <= 0;
  if (last_page_setup == NULL && !job->empty)
    gtk_page_setup_set_orientation (setup, job->extents.width > job->extents.height
                                           ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, job_name != NULL ? job_name : _("Diagram"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), job);
  g_object_set_data_full (G_OBJECT (operation), "job", job, print_job_free);
  return operation;
}

static void
remember (GtkPrintOperation *operation)
{
  g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  g_set_object (&last_page_setup, gtk_print_operation_get_default_page_setup (operation));
}

static void
done (GtkPrintOperation       *operation,
      GtkPrintOperationResult  result,
      GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    remember (operation);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (parent, _("Could Not Print"), error != NULL ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (operation);
}

void
flexo_print_diagram (GtkWindow    *parent,
                     FlexoDiagram *diagram,
                     const char   *job_name)
{
  GtkPrintOperation *operation;

  g_return_if_fail (FLEXO_IS_DIAGRAM (diagram));

  operation = new_operation (diagram, job_name);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* "done" comes in every case, and frees it. */
  g_signal_connect (operation, "done", G_CALLBACK (done), parent);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}

gboolean
flexo_print_diagram_to_pdf (FlexoDiagram  *diagram,
                            const char    *pdf_path,
                            GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (FLEXO_IS_DIAGRAM (diagram), FALSE);

  operation = new_operation (diagram, NULL);
  gtk_print_operation_set_export_filename (operation, pdf_path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}
