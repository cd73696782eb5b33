/* flexo-painter.h — draws a diagram on any cairo_t
 *
 * The canvas, printing and headless export share it (DESIGN.md §1): it
 * uses cairo and pango only, never GTK, and needs no display.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "flexo-model.h"
#include "flexo-svg-writer.h"

G_BEGIN_DECLS

/* Below these, text and shadows are too small to see and are skipped.
 * Shapes under a few device pixels are drawn as blocks of their fill
 * colour (stroke colour when unfilled), set as whole pixels and batched
 * per colour; connectors whose heads would be under a couple of pixels as
 * thin lines between the centres of their ends (through their waypoints),
 * batched too, and none at all when under a pixel long. */
#define FLEXO_PAINTER_MIN_TEXT_PIXELS 4.0
#define FLEXO_PAINTER_MIN_SHADOW_SCALE 0.25

typedef struct _FlexoPainter FlexoPainter;

FlexoPainter *flexo_painter_new            (void);
void          flexo_painter_free           (FlexoPainter    *self);

/* The colour under the diagram, which hollow arrow heads are filled with
 * (opaque white unless told). */
void          flexo_painter_set_background (FlexoPainter    *self,
                                            FlexoColor       color);

/* Draws the items of @diagram that meet @area (diagram coordinates; NULL:
 * all of them), bottom first, with the current transformation of @cr
 * mapping diagram units to its user space. @scale is the number of device
 * pixels per diagram unit, for the level of detail only. */
void          flexo_painter_draw           (FlexoPainter    *self,
                                            cairo_t         *cr,
                                            FlexoDiagram    *diagram,
                                            const FlexoRect *area,
                                            double           scale);
/* Draws every item of @diagram with @svg, in every detail: an SVG export
 * (see flexo-svg-writer.h). */
void          flexo_painter_draw_svg       (FlexoPainter    *self,
                                            FlexoSvgWriter  *svg,
                                            FlexoDiagram    *diagram);
/* The bounds of everything flexo_painter_draw() paints for the whole
 * diagram (strokes, shadows, arrow heads, labels); FALSE and an empty
 * rectangle when it paints nothing. */
gboolean      flexo_painter_get_extents    (FlexoPainter    *self,
                                            FlexoDiagram    *diagram,
                                            FlexoRect       *out);
/* Where a shape or connector is painted (its extents as above); FALSE when
 * it paints nothing. */
gboolean      flexo_painter_get_item_extents (FlexoPainter  *self,
                                            gpointer         item,
                                            FlexoRect       *out);
/* Whether the text layouts of shapes and connectors are kept between
 * draws (the default, for the canvas); an export that draws each item
 * once saves the memory without. */
void          flexo_painter_set_caching    (FlexoPainter    *self,
                                            gboolean         caching);
/* Forgets the cached text layouts of @object (a shape or a connector), or
 * of every object when NULL: call it when their text or style changed. */
void          flexo_painter_invalidate     (FlexoPainter    *self,
                                            gpointer         object);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlexoPainter, flexo_painter_free)

G_END_DECLS
