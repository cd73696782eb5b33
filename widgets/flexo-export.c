/* flexo-export.c — a diagram as an SVG, PNG or PDF file
 *
 * SVG is written by Flexo's own writer, PNG and PDF by cairo, into memory;
 * the file is then replaced atomically, so a failed export never leaves a
 * truncated file behind.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "flexo-atomic-file.h"
#include "flexo-export.h"
#include "flexo-painter.h"

/* cairo's limit for image surfaces. */
#define MAX_IMAGE_SIZE 32767
/* Exports draw every detail, however small: they are meant to be zoomed. */
#define EXPORT_DETAIL_SCALE 1e6

static const char * const extensions[FLEXO_N_EXPORT_FORMATS] = { "svg", "png", "pdf" };

gboolean
flexo_export_format_from_path (const char        *path,
                               FlexoExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  for (guint i = 0; i < FLEXO_N_EXPORT_FORMATS; i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      {
        if (format != NULL)
          *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
flexo_export_format_to_extension (FlexoExportFormat format)
{
  g_return_val_if_fail (format < FLEXO_N_EXPORT_FORMATS, NULL);
  return extensions[format];
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
flexo_export_diagram_to_bytes (FlexoDiagram       *diagram,
                               FlexoExportFormat   format,
                               double              scale,
                               double              margin,
                               const FlexoColor   *background,
                               const char         *display_name,
                               GError            **error)
{
  g_autoptr(FlexoPainter) painter = NULL;
  g_autoptr(GByteArray) data = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  FlexoRect extents;
  double width, height;

  g_return_val_if_fail (FLEXO_IS_DIAGRAM (diagram), NULL);
  g_return_val_if_fail (format < FLEXO_N_EXPORT_FORMATS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = flexo_diagram_get_name (diagram) != NULL ? flexo_diagram_get_name (diagram) : "";
  if (!(scale > 0) || !isfinite (scale) || !(margin >= 0) || !isfinite (margin))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export “%s”: the scale must be positive and the margin not negative"),
                   display_name);
      return NULL;
    }

  painter = flexo_painter_new ();
  /* Each item is drawn once. */
  flexo_painter_set_caching (painter, FALSE);
  if (background != NULL && FLEXO_COLOR_ALPHA (*background) == 0xff)
    flexo_painter_set_background (painter, *background);
  if (!flexo_painter_get_extents (painter, diagram, &extents))
    extents = FLEXO_RECT_INIT (0, 0, 0, 0);

  width = MAX ((extents.width + 2 * margin) * scale, 1);
  height = MAX ((extents.height + 2 * margin) * scale, 1);

  if (format == FLEXO_EXPORT_SVG)
    {
      /* Written as it is drawn: no recording surface, text as text. */
      GString *out = g_string_sized_new (64 * 1024);
      FlexoSvgWriter *svg = flexo_svg_writer_new (out, width, height, scale,
                                                  (margin - extents.x) * scale,
                                                  (margin - extents.y) * scale,
                                                  background, flexo_diagram_get_name (diagram));

      flexo_painter_draw_svg (painter, svg, diagram);
      flexo_svg_writer_finish (svg);
      return g_string_free_to_bytes (out);
    }

  data = g_byte_array_new ();
  switch (format)
    {

    case FLEXO_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, data, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      flexo_diagram_get_name (diagram) ? flexo_diagram_get_name (diagram) : "");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
      break;

    case FLEXO_EXPORT_SVG:
    case FLEXO_EXPORT_PNG:
    case FLEXO_N_EXPORT_FORMATS:
    default:
      if (ceil (width) > MAX_IMAGE_SIZE || ceil (height) > MAX_IMAGE_SIZE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Cannot export “%s”: the image would be %.0f × %.0f pixels, more than %d"),
                       display_name, ceil (width), ceil (height), MAX_IMAGE_SIZE);
          return NULL;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
      break;
    }

  cr = cairo_create (surface);
  if (background != NULL)
    {
      cairo_set_source_rgba (cr,
                             FLEXO_COLOR_RED (*background) / 255.0,
                             FLEXO_COLOR_GREEN (*background) / 255.0,
                             FLEXO_COLOR_BLUE (*background) / 255.0,
                             FLEXO_COLOR_ALPHA (*background) / 255.0);
      cairo_paint (cr);
    }
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, margin - extents.x, margin - extents.y);
  flexo_painter_draw (painter, cr, diagram, NULL, EXPORT_DETAIL_SCALE);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (format == FLEXO_EXPORT_PNG)
        status = cairo_surface_write_to_png_stream (surface, append_bytes, data);
      else
        {
          cairo_surface_finish (surface);
          status = cairo_surface_status (surface);
        }
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot export “%s”: %s"), display_name, cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

gboolean
flexo_export_diagram (FlexoDiagram       *diagram,
                      const char         *path,
                      FlexoExportFormat   format,
                      double              scale,
                      double              margin,
                      const FlexoColor   *background,
                      GError            **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (FLEXO_IS_DIAGRAM (diagram), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display_name = g_filename_display_name (path);
  bytes = flexo_export_diagram_to_bytes (diagram, format, scale, margin, background, display_name, error);
  return bytes != NULL && flexo_atomic_file_write (path, bytes, error);
}
