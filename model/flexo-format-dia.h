/* flexo-format-dia.h — reading Dia diagrams
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-document.h"

G_BEGIN_DECLS

/* What an import made of a Dia file. */
typedef struct
{
  guint       n_objects;       /* Dia objects read */
  guint       n_layers;
  guint       n_shapes;        /* shapes made (texts and placeholders included) */
  guint       n_texts;         /* of which Standard - Text */
  guint       n_placeholders;  /* of which placeholders */
  guint       n_connectors;
  guint       n_connections;   /* connector ends attached to shapes */
  GHashTable *approximated;    /* what was approximated (a type or a reason) → how many times */
} FlexoDiaReport;

void           flexo_dia_report_clear          (FlexoDiaReport  *report);
FlexoDocument *flexo_dia_load_path             (const char      *path,
                                                GError         **error);
/* The same, with what was made and approximated in @report (cleared with
 * flexo_dia_report_clear()). */
FlexoDocument *flexo_dia_load_path_with_report (const char      *path,
                                                FlexoDiaReport  *report,
                                                GError         **error);

/* The report as notes for people (NULL when nothing was approximated): a
 * sum-up line, then one line per thing approximated, "what (how many)". */
char          *flexo_dia_report_describe       (const FlexoDiaReport *report);
/* The FlexoFormat import of Dia files. */
FlexoDocument *flexo_dia_import                (const char      *path,
                                                char           **notes,
                                                GError         **error);

G_END_DECLS
