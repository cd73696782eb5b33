/* flexo-path-private.h — helpers shared by flexo-path.c and flexo-outline.c
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "flexo-path.h"

G_BEGIN_DECLS

static inline FlexoPoint
pt (double x,
    double y)
{
  return (FlexoPoint) { x, y };
}

static inline double
cross (FlexoPoint a,
       FlexoPoint b)
{
  return a.x * b.y - a.y * b.x;
}

static inline double
dot (FlexoPoint a,
     FlexoPoint b)
{
  return a.x * b.x + a.y * b.y;
}

/* sqrt (x² + y²): hypot() is much slower, and these values never overflow. */
static inline double
length (double x,
        double y)
{
  return sqrt (x * x + y * y);
}

static inline FlexoPoint
sub (FlexoPoint a,
     FlexoPoint b)
{
  return pt (a.x - b.x, a.y - b.y);
}

/* cos and sin of @angle, with exact zeros at multiples of π/2, so that
 * extreme points are exact. */
static inline void
flexo_unit_point (double  angle,
                  double *c,
                  double *s)
{
  *c = cos (angle);
  *s = sin (angle);
  if (fabs (*c) < 1e-15)
    *c = 0;
  if (fabs (*s) < 1e-15)
    *s = 0;
}

/* Lines to (x, y) unless it is the current point already. */
G_GNUC_INTERNAL
void flexo_path_line_to_new (FlexoPath *path,
                             double     x,
                             double     y);

G_END_DECLS
