/* flexo-export.h — a diagram as an SVG, PNG or PDF file
 *
 * Headless: it uses the painter, cairo and pango only, and needs no
 * display (flexo --export, DESIGN.md §5).
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-model.h"

G_BEGIN_DECLS

typedef enum
{
  FLEXO_EXPORT_SVG,
  FLEXO_EXPORT_PNG,
  FLEXO_EXPORT_PDF,
  FLEXO_N_EXPORT_FORMATS
} FlexoExportFormat;

/* The format that @path's extension names (case-insensitive: .svg, .png,
 * .pdf); FALSE when it names none. */
gboolean flexo_export_format_from_path (const char         *path,
                                        FlexoExportFormat  *format);
/* "svg", "png", "pdf". */
const char *flexo_export_format_to_extension (FlexoExportFormat format);

/* Writes everything that is drawn of @diagram (flexo_painter_get_extents)
 * with @margin diagram units around it, at @scale: a PNG has that size in
 * pixels, an SVG or a PDF in points (vector, fonts embedded). @background
 * NULL leaves it transparent (PDF pages are white in most viewers). The
 * file is replaced atomically; errors name it. */
gboolean flexo_export_diagram          (FlexoDiagram       *diagram,
                                        const char         *path,
                                        FlexoExportFormat   format,
                                        double              scale,
                                        double              margin,
                                        const FlexoColor   *background,
                                        GError            **error);

/* The same, in memory (the clipboard); @display_name names it in errors
 * (NULL: the diagram's name). */
GBytes  *flexo_export_diagram_to_bytes (FlexoDiagram       *diagram,
                                        FlexoExportFormat   format,
                                        double              scale,
                                        double              margin,
                                        const FlexoColor   *background,
                                        const char         *display_name,
                                        GError            **error);

G_END_DECLS
