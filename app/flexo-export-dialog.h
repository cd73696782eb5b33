/* flexo-export-dialog.h — export a diagram as SVG, PNG or PDF
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "flexo-model.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_EXPORT_DIALOG (flexo_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FlexoExportDialog, flexo_export_dialog, FLEXO, EXPORT_DIALOG, AdwWindow)

/* @diagram: the one chosen first; @basename: the file name offered,
 * without extension; @settings: where the choices are remembered (may be
 * NULL). */
FlexoExportDialog *flexo_export_dialog_new       (GtkWindow         *parent,
                                                  FlexoDocument     *document,
                                                  FlexoDiagram      *diagram,
                                                  const char        *basename,
                                                  GSettings         *settings);
/* Exports with the dialog's settings to @path, as its Export button does
 * once the file is chosen. */
gboolean           flexo_export_dialog_export_to (FlexoExportDialog *self,
                                                  const char        *path,
                                                  GError           **error);
/* The rows, for tests: "diagram", "format", "scale", "margin",
 * "background", "color". */
GtkWidget         *flexo_export_dialog_get_row   (FlexoExportDialog *self,
                                                  const char        *name);

G_END_DECLS
