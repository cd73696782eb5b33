/* flexo-geometry.c — points and rectangles in diagram coordinates
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "flexo-geometry.h"

FlexoRect
flexo_rect_from_points (FlexoPoint a,
                        FlexoPoint b)
{
  return FLEXO_RECT_INIT (MIN (a.x, b.x), MIN (a.y, b.y),
                          fabs (b.x - a.x), fabs (b.y - a.y));
}

FlexoRect
flexo_rect_normalize (FlexoRect r)
{
  if (r.width < 0)
    {
      r.x += r.width;
      r.width = -r.width;
    }
  if (r.height < 0)
    {
      r.y += r.height;
      r.height = -r.height;
    }
  return r;
}

gboolean
flexo_rect_is_empty (const FlexoRect *r)
{
  return !(r->width > 0 && r->height > 0);
}

gboolean
flexo_rect_contains (const FlexoRect *r,
                     FlexoPoint       p)
{
  if (flexo_rect_is_empty (r))
    return FALSE;

  return p.x >= r->x && p.x <= r->x + r->width &&
         p.y >= r->y && p.y <= r->y + r->height;
}

gboolean
flexo_rect_contains_rect (const FlexoRect *outer,
                          const FlexoRect *inner)
{
  if (flexo_rect_is_empty (outer) || flexo_rect_is_empty (inner))
    return FALSE;

  return inner->x >= outer->x &&
         inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

gboolean
flexo_rect_intersects (const FlexoRect *a,
                       const FlexoRect *b)
{
  return flexo_rect_intersection (a, b, NULL);
}

gboolean
flexo_rect_intersection (const FlexoRect *a,
                         const FlexoRect *b,
                         FlexoRect       *out)
{
  double x1, y1, x2, y2;

  if (flexo_rect_is_empty (a) || flexo_rect_is_empty (b))
    return FALSE;

  x1 = MAX (a->x, b->x);
  y1 = MAX (a->y, b->y);
  x2 = MIN (a->x + a->width, b->x + b->width);
  y2 = MIN (a->y + a->height, b->y + b->height);

  if (x2 < x1 || y2 < y1)
    return FALSE;

  if (out != NULL)
    *out = FLEXO_RECT_INIT (x1, y1, x2 - x1, y2 - y1);

  return TRUE;
}

FlexoRect
flexo_rect_union (const FlexoRect *a,
                  const FlexoRect *b)
{
  double x1, y1, x2, y2;

  if (flexo_rect_is_empty (a))
    return *b;
  if (flexo_rect_is_empty (b))
    return *a;

  x1 = MIN (a->x, b->x);
  y1 = MIN (a->y, b->y);
  x2 = MAX (a->x + a->width, b->x + b->width);
  y2 = MAX (a->y + a->height, b->y + b->height);

  return FLEXO_RECT_INIT (x1, y1, x2 - x1, y2 - y1);
}

FlexoRect
flexo_rect_inflate (const FlexoRect *r,
                    double           dx,
                    double           dy)
{
  return FLEXO_RECT_INIT (r->x - dx, r->y - dy,
                          MAX (0.0, r->width + 2 * dx),
                          MAX (0.0, r->height + 2 * dy));
}

FlexoPoint
flexo_rect_center (const FlexoRect *r)
{
  return (FlexoPoint) { r->x + r->width / 2, r->y + r->height / 2 };
}

double
flexo_point_distance (FlexoPoint a,
                      FlexoPoint b)
{
  return hypot (b.x - a.x, b.y - a.y);
}
