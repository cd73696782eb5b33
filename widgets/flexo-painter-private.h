/* flexo-painter-private.h — what the parts of the painter share
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-painter.h"

G_BEGIN_DECLS

static inline FlexoPoint
pt (double x,
    double y)
{
  return (FlexoPoint) { x, y };
}

static inline void
set_color (cairo_t    *cr,
           FlexoColor  color,
           double      alpha)
{
  cairo_set_source_rgba (cr,
                         FLEXO_COLOR_RED (color) / 255.0,
                         FLEXO_COLOR_GREEN (color) / 255.0,
                         FLEXO_COLOR_BLUE (color) / 255.0,
                         FLEXO_COLOR_ALPHA (color) / 255.0 * alpha);
}

static inline gboolean
color_visible (FlexoColor color)
{
  return FLEXO_COLOR_ALPHA (color) > 0;
}

/* The length of an arrow head along the line, for a line @width wide. */
static inline double
head_length (double width)
{
  return 7 + 3 * MAX (width, 1);
}

/* How far any head reaches from its tip. */
double   flexo_painter_head_reach (double          width);
/* How much of the line a head replaces: the line stops there so that it
 * does not show through filled or hollow heads. */
double   flexo_painter_head_inset (FlexoArrowHead  head,
                                   double          width);
/* Draws @head with its tip at @tip, pointing along the unit vector @dir;
 * hollow heads are filled with @background. */
void     flexo_painter_draw_head  (cairo_t        *cr,
                                   FlexoArrowHead  head,
                                   FlexoPoint      tip,
                                   FlexoPoint      dir,
                                   double          width,
                                   FlexoColor      color,
                                   FlexoColor      background);

/* Whether a text shape has a fill of its own or of its concept (the
 * theme's white would hide what is under it). */
gboolean flexo_painter_text_shape_filled (FlexoShape *shape);

/* ------------------------------------------- level of detail (-lod.c) -- */

/* Shapes smaller than this many device pixels each way are drawn as plain
 * rectangles of their colour, batched per colour; connectors, when their
 * heads would be smaller than LOD_HEAD_PIXELS, as straight lines between
 * their ends' centres, batched too, and skipped when under a pixel. */
#define LOD_SHAPE_PIXELS 4.0
#define LOD_HEAD_PIXELS 2.0
/* More colours than this in a batch: it is drawn and emptied. */
#define LOD_MAX_BATCHES 32

typedef struct
{
  FlexoColor color;
  double     width;   /* lines: their width; rectangles: 0 */
  GArray    *coords;  /* rectangles: x, y, w, h; lines: n, then n × (x, y) */
} LodBatch;

typedef struct
{
  LodBatch   batches[LOD_MAX_BATCHES];
  guint      n_batches;
  GPtrArray *pool;  /* the painter's emptied arrays, for the next batches */
} FlexoLod;

/* Add a shape or connector to the batches when it is too small for
 * details (TRUE), or leave it to be drawn in full (FALSE). */
gboolean flexo_painter_lod_shape     (FlexoLod       *lod,
                                      cairo_t        *cr,
                                      FlexoShape     *shape,
                                      double          scale);
gboolean flexo_painter_lod_connector (FlexoLod       *lod,
                                      cairo_t        *cr,
                                      FlexoConnector *connector,
                                      double          scale);
/* Draws the batches and empties them. */
void     flexo_painter_lod_flush     (FlexoLod       *lod,
                                      cairo_t        *cr);

G_END_DECLS
