/* flexo-svg-writer.h — SVG written as the painter draws
 *
 * A drawing context with the few cairo operations the painter uses (paths,
 * fills, strokes, dashes, translations, rectangle clips, group opacity and
 * pango layouts), writing SVG elements as it goes: one <path> per fill or
 * stroke (one for both when a stroke follows a fill of the same path) and
 * real <text>, so the file stays small, its text stays text, and nothing
 * is recorded in memory but the output itself.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "flexo-model.h"

G_BEGIN_DECLS

typedef struct _FlexoSvgWriter FlexoSvgWriter;

/* Starts a document @width × @height points large, whose user space maps
 * (x, y) to (@scale x + @dx, @scale y + @dy) points; @background (NULL:
 * none) fills the page. The output is appended to @out. */
FlexoSvgWriter *flexo_svg_writer_new        (GString          *out,
                                             double            width,
                                             double            height,
                                             double            scale,
                                             double            dx,
                                             double            dy,
                                             const FlexoColor *background,
                                             const char       *title);
/* Closes what is open and the document; frees @self. */
void            flexo_svg_writer_finish     (FlexoSvgWriter   *self);

/* A part of a document, to be appended to one with
 * flexo_svg_writer_append_part() (drawn in another thread, say): elements
 * only, in the same user space, clip ids starting with @id_prefix. */
FlexoSvgWriter *flexo_svg_writer_new_part   (GString          *out,
                                             const char       *id_prefix);
void            flexo_svg_writer_finish_part (FlexoSvgWriter  *self);
void            flexo_svg_writer_append_part (FlexoSvgWriter  *self,
                                             const GString    *part);

void flexo_svg_writer_save           (FlexoSvgWriter *self);
void flexo_svg_writer_restore        (FlexoSvgWriter *self);
void flexo_svg_writer_translate      (FlexoSvgWriter *self,
                                      double          dx,
                                      double          dy);

void flexo_svg_writer_new_path       (FlexoSvgWriter *self);
void flexo_svg_writer_new_sub_path   (FlexoSvgWriter *self);
void flexo_svg_writer_move_to        (FlexoSvgWriter *self,
                                      double          x,
                                      double          y);
void flexo_svg_writer_line_to        (FlexoSvgWriter *self,
                                      double          x,
                                      double          y);
void flexo_svg_writer_curve_to       (FlexoSvgWriter *self,
                                      double          x1,
                                      double          y1,
                                      double          x2,
                                      double          y2,
                                      double          x3,
                                      double          y3);
/* As cairo_arc(): clockwise on the page from @angle1 to @angle2. */
void flexo_svg_writer_arc            (FlexoSvgWriter *self,
                                      double          xc,
                                      double          yc,
                                      double          radius,
                                      double          angle1,
                                      double          angle2);
void flexo_svg_writer_rectangle      (FlexoSvgWriter *self,
                                      double          x,
                                      double          y,
                                      double          width,
                                      double          height);
void flexo_svg_writer_close_path     (FlexoSvgWriter *self);

void flexo_svg_writer_set_color      (FlexoSvgWriter *self,
                                      FlexoColor      color,
                                      double          alpha);
void flexo_svg_writer_set_line_width (FlexoSvgWriter *self,
                                      double          width);
void flexo_svg_writer_set_line_join  (FlexoSvgWriter *self,
                                      cairo_line_join_t join);
void flexo_svg_writer_set_line_cap   (FlexoSvgWriter *self,
                                      cairo_line_cap_t cap);
void flexo_svg_writer_set_miter_limit (FlexoSvgWriter *self,
                                      double          limit);
void flexo_svg_writer_set_dash       (FlexoSvgWriter *self,
                                      const double   *dashes,
                                      int             n_dashes);

void flexo_svg_writer_fill           (FlexoSvgWriter *self,
                                      gboolean        preserve);
void flexo_svg_writer_stroke         (FlexoSvgWriter *self,
                                      gboolean        preserve);
/* Clips what follows, until the matching restore, to the current path
 * (then cleared). */
void flexo_svg_writer_clip           (FlexoSvgWriter *self);

/* What is drawn until flexo_svg_writer_end_group() is seen through
 * @opacity. */
void flexo_svg_writer_begin_group    (FlexoSvgWriter *self,
                                      double          opacity);
void flexo_svg_writer_end_group      (FlexoSvgWriter *self);

/* @layout with its top left corner at the current point, in the current
 * colour. */
void flexo_svg_writer_show_layout    (FlexoSvgWriter *self,
                                      PangoLayout    *layout);

G_END_DECLS
