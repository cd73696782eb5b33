/* flexo-bench.h — the parts of the benchmark
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-model.h"

typedef void (*FlexoBenchReport) (const char *name,
                                  const char *unit,
                                  double      value,
                                  double      target);

/* Median of @n values (sorts them). */
double flexo_bench_median (double *values,
                           guint   n);
double flexo_bench_now    (void);

/* flexo-bench-model.c: validation of a 10,000-instance model. */
void     flexo_bench_validation (FlexoBenchReport  report);

/* flexo-bench-editor.c: the canvas on the first diagram of @doc, in a
 * 1920×1080 window; FALSE when there is no display. */
gboolean flexo_bench_editor (FlexoDocument    *doc,
                             FlexoBenchReport  report);
