/* flexo-geometry.h — points and rectangles in diagram coordinates
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
} FlexoPoint;

#define FLEXO_POINT_INIT(x, y) ((FlexoPoint) { (x), (y) })

/* An axis-aligned rectangle; width and height are never negative once
 * normalized. An empty rectangle (width or height ≤ 0) contains nothing. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} FlexoRect;

#define FLEXO_RECT_INIT(x, y, w, h) ((FlexoRect) { (x), (y), (w), (h) })

FlexoRect flexo_rect_from_points   (FlexoPoint       a,
                                    FlexoPoint       b);
FlexoRect flexo_rect_normalize     (FlexoRect        r);
gboolean  flexo_rect_is_empty      (const FlexoRect *r);
gboolean  flexo_rect_contains      (const FlexoRect *r,
                                    FlexoPoint       p);
gboolean  flexo_rect_contains_rect (const FlexoRect *outer,
                                    const FlexoRect *inner);
gboolean  flexo_rect_intersects    (const FlexoRect *a,
                                    const FlexoRect *b);
gboolean  flexo_rect_intersection  (const FlexoRect *a,
                                    const FlexoRect *b,
                                    FlexoRect       *out);
FlexoRect flexo_rect_union         (const FlexoRect *a,
                                    const FlexoRect *b);
FlexoRect flexo_rect_inflate       (const FlexoRect *r,
                                    double           dx,
                                    double           dy);
FlexoPoint flexo_rect_center       (const FlexoRect *r);
double    flexo_point_distance     (FlexoPoint       a,
                                    FlexoPoint       b);

G_END_DECLS
