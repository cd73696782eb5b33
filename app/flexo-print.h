/* flexo-print.h — printing a diagram, fit to the page
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "flexo-model.h"

G_BEGIN_DECLS

/* Shows the print dialog for @diagram on one page: scaled down to fit the
 * printable area (never up beyond 100 %), centred, in landscape when it
 * is wider than tall. */
void     flexo_print_diagram        (GtkWindow     *parent,
                                     FlexoDiagram  *diagram,
                                     const char    *job_name);
/* The same, without a dialog, to a PDF file (tests, scripts). */
gboolean flexo_print_diagram_to_pdf (FlexoDiagram  *diagram,
                                     const char    *pdf_path,
                                     GError       **error);

G_END_DECLS
