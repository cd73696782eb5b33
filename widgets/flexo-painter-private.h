/* flexo-painter-private.h — what the parts of the painter share
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "flexo-painter.h"
#include "flexo-svg-writer.h"

G_BEGIN_DECLS

static inline FlexoPoint
pt (double x,
    double y)
{
  return (FlexoPoint) { x, y };
}

/* What the painter draws on: a cairo context, or an SVG writer when
 * exporting SVG (cairo's SVG surface keeps a recording of everything and
 * writes text as glyph outlines). The paint_*() calls are cairo's. */
typedef struct
{
  cairo_t        *cr;   /* NULL when writing SVG */
  FlexoSvgWriter *svg;
} FlexoPaint;

#define PAINT_DISPATCH(p, cairo_call, svg_call) \
  G_STMT_START { if ((p)->svg != NULL) svg_call; else cairo_call; } G_STMT_END

static inline void
set_cairo_color (cairo_t    *cr,
                 FlexoColor  color,
                 double      alpha)
{
  cairo_set_source_rgba (cr,
                         FLEXO_COLOR_RED (color) / 255.0,
                         FLEXO_COLOR_GREEN (color) / 255.0,
                         FLEXO_COLOR_BLUE (color) / 255.0,
                         FLEXO_COLOR_ALPHA (color) / 255.0 * alpha);
}

static inline void
set_color (FlexoPaint *p,
           FlexoColor  color,
           double      alpha)
{
  PAINT_DISPATCH (p, set_cairo_color (p->cr, color, alpha), flexo_svg_writer_set_color (p->svg, color, alpha));
}

static inline void
paint_save (FlexoPaint *p)
{
  PAINT_DISPATCH (p, cairo_save (p->cr), flexo_svg_writer_save (p->svg));
}

static inline void
paint_restore (FlexoPaint *p)
{
  PAINT_DISPATCH (p, cairo_restore (p->cr), flexo_svg_writer_restore (p->svg));
}

static inline void
paint_translate (FlexoPaint *p,
                 double      dx,
                 double      dy)
{
  PAINT_DISPATCH (p, cairo_translate (p->cr, dx, dy), flexo_svg_writer_translate (p->svg, dx, dy));
}

static inline void
paint_new_path (FlexoPaint *p)
{
  PAINT_DISPATCH (p, cairo_new_path (p->cr), flexo_svg_writer_new_path (p->svg));
}

static inline void
paint_new_sub_path (FlexoPaint *p)
{
  PAINT_DISPATCH (p, cairo_new_sub_path (p->cr), flexo_svg_writer_new_sub_path (p->svg));
}

static inline void
paint_move_to (FlexoPaint *p,
               double      x,
               double      y)
{
  PAINT_DISPATCH (p, cairo_move_to (p->cr, x, y), flexo_svg_writer_move_to (p->svg, x, y));
}

static inline void
paint_line_to (FlexoPaint *p,
               double      x,
               double      y)
{
  PAINT_DISPATCH (p, cairo_line_to (p->cr, x, y), flexo_svg_writer_line_to (p->svg, x, y));
}

static inline void
paint_curve_to (FlexoPaint *p,
                double      x1,
                double      y1,
                double      x2,
                double      y2,
                double      x3,
                double      y3)
{
  PAINT_DISPATCH (p, cairo_curve_to (p->cr, x1, y1, x2, y2, x3, y3),
                  flexo_svg_writer_curve_to (p->svg, x1, y1, x2, y2, x3, y3));
}

static inline void
paint_arc (FlexoPaint *p,
           double      xc,
           double      yc,
           double      radius,
           double      angle1,
           double      angle2)
{
  PAINT_DISPATCH (p, cairo_arc (p->cr, xc, yc, radius, angle1, angle2),
                  flexo_svg_writer_arc (p->svg, xc, yc, radius, angle1, angle2));
}

static inline void
paint_rectangle (FlexoPaint *p,
                 double      x,
                 double      y,
                 double      width,
                 double      height)
{
  PAINT_DISPATCH (p, cairo_rectangle (p->cr, x, y, width, height),
                  flexo_svg_writer_rectangle (p->svg, x, y, width, height));
}

static inline void
paint_close_path (FlexoPaint *p)
{
  PAINT_DISPATCH (p, cairo_close_path (p->cr), flexo_svg_writer_close_path (p->svg));
}

static inline void
paint_set_line_width (FlexoPaint *p,
                      double      width)
{
  PAINT_DISPATCH (p, cairo_set_line_width (p->cr, width), flexo_svg_writer_set_line_width (p->svg, width));
}

static inline void
paint_set_line_join (FlexoPaint        *p,
                     cairo_line_join_t  join)
{
  PAINT_DISPATCH (p, cairo_set_line_join (p->cr, join), flexo_svg_writer_set_line_join (p->svg, join));
}

static inline void
paint_set_line_cap (FlexoPaint       *p,
                    cairo_line_cap_t  cap)
{
  PAINT_DISPATCH (p, cairo_set_line_cap (p->cr, cap), flexo_svg_writer_set_line_cap (p->svg, cap));
}

static inline void
paint_set_miter_limit (FlexoPaint *p,
                       double      limit)
{
  PAINT_DISPATCH (p, cairo_set_miter_limit (p->cr, limit), flexo_svg_writer_set_miter_limit (p->svg, limit));
}

static inline void
paint_set_dash (FlexoPaint   *p,
                const double *dashes,
                int           n_dashes)
{
  PAINT_DISPATCH (p, cairo_set_dash (p->cr, dashes, n_dashes, 0),
                  flexo_svg_writer_set_dash (p->svg, dashes, n_dashes));
}

static inline void
paint_fill (FlexoPaint *p)
{
  PAINT_DISPATCH (p, cairo_fill (p->cr), flexo_svg_writer_fill (p->svg, FALSE));
}

static inline void
paint_fill_preserve (FlexoPaint *p)
{
  PAINT_DISPATCH (p, cairo_fill_preserve (p->cr), flexo_svg_writer_fill (p->svg, TRUE));
}

static inline void
paint_stroke (FlexoPaint *p)
{
  PAINT_DISPATCH (p, cairo_stroke (p->cr), flexo_svg_writer_stroke (p->svg, FALSE));
}

static inline void
paint_stroke_preserve (FlexoPaint *p)
{
  PAINT_DISPATCH (p, cairo_stroke_preserve (p->cr), flexo_svg_writer_stroke (p->svg, TRUE));
}

static inline void
paint_clip (FlexoPaint *p)
{
  PAINT_DISPATCH (p, cairo_clip (p->cr), flexo_svg_writer_clip (p->svg));
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
void     flexo_painter_draw_head  (FlexoPaint     *p,
                                   FlexoArrowHead  head,
                                   FlexoPoint      tip,
                                   FlexoPoint      dir,
                                   double          width,
                                   FlexoColor      color,
                                   FlexoColor      background);

/* Whether a text shape has a fill of its own or of its concept (the
 * theme's white would hide what is under it). */
gboolean flexo_painter_text_shape_filled (FlexoShape *shape);

/* ------------------------------------------------ text (-text.c) -- */

enum
{
  SLOT_LABEL,  /* a shape's label; a connector's start label */
  SLOT_BODY,   /* a class's property values; a connector's middle label */
  SLOT_EXTRA,  /* a connector's end label; a shape's label tried in the clear part */
  N_SLOTS
};

typedef struct
{
  PangoLayout          *layout;
  char                 *text;
  PangoFontDescription *font;
  int                   width;   /* pango units, -1: no wrapping */
  int                   height;  /* pango units, -1: no limit */
  PangoAlignment        align;
  gboolean              underline;
} CachedLayout;

typedef struct
{
  CachedLayout  slots[N_SLOTS];
} CacheEntry;

/* Layouts are cached per object and slot, reused while their text,
 * font, size and alignment stay (flexo-painter-text.c). */
void         flexo_painter_cache_entry_free (gpointer          entry);
/* A weak reference's notification: the object's layouts go. */
void         flexo_painter_object_finalized (gpointer          painter,
                                             GObject          *where_the_object_was);
/* @text laid out in @width × @height (≤ 0: no limit), cached for @object
 * and @slot (or in the scratch entry without caching). */
PangoLayout *flexo_painter_get_layout       (FlexoPainter     *self,
                                             gpointer          object,
                                             guint             slot,
                                             const char       *text,
                                             const FlexoStyle *style,
                                             gboolean          bold,
                                             double            width,
                                             double            height,
                                             PangoAlignment    align);
void         flexo_painter_layout_size      (PangoLayout      *layout,
                                             double           *width,
                                             double           *height);
/* Shows @layout vertically centred in @area, clipped to @clip. */
void         flexo_painter_show_layout      (FlexoPaint       *paint,
                                             PangoLayout      *layout,
                                             const FlexoRect  *area,
                                             const FlexoRect  *clip,
                                             FlexoColor        color);
/* The height the text needs when laid out in @width (≤ @max_height). */
double       flexo_painter_text_height      (FlexoPainter     *self,
                                             gpointer          object,
                                             guint             slot,
                                             const char       *text,
                                             const FlexoStyle *style,
                                             gboolean          bold,
                                             double            width,
                                             double            max_height,
                                             PangoAlignment    align);

/* ------------------------------------------- far views (-far.c) -- */

/* What a picture of a far view was drawn for */
typedef struct
{
  gpointer       diagram;
  guint          revision;   /* flexo_model_get_revision() */
  cairo_matrix_t matrix;
  int            x, y, width, height;  /* the clip, in device pixels */
  FlexoRect      area;
  double         scale;
  FlexoColor     background;
} FarKey;

struct _FarGrid;

/* Where an item of a picture may have set pixels, in the picture's own
 * pixels (floats: a picture's worth of items, exact to a pixel within the
 * picture, which is all that matters): the box [x0, x1] × [y0, y1]
 * (nowhere when x0 > x1), or, when reach ≥ 0, within reach of the segment
 * from (x0, y0) to (x1, y1); and the batches of the level of detail it
 * went in (the how-manieth flush), which a redraw keeps. */
typedef struct
{
  float   x0, y0, x1, y1;
  float   reach;
  guint32 group;
} FarInk;

#define FAR_INK_NOWHERE ((FarInk) { 1, 1, 0, 0, -1, 0 })

struct _FlexoPainter
{
  PangoFontMap *font_map;
  PangoContext *context;
  GHashTable   *cache;  /* GObject (weak) → CacheEntry */
  CacheEntry   *scratch; /* without caching: one layout per slot, reused */
  FlexoColor    background;
  GPtrArray    *lod_pool;  /* GArray of double, reused by the batches */
  cairo_surface_t *far;    /* the picture of the last far view, or NULL */
  FarKey        far_key;
  gpointer      far_diagram;  /* weak: far_key's diagram while it lives */
  GPtrArray    *far_items;    /* what the picture shows, bottom first */
  FarInk          *far_ink;      /* where each of them was drawn */
  struct _FarGrid *far_grid;  /* them by tiles, or NULL */
  guint         far_whole;    /* pictures drawn whole, and in part */
  guint         far_partial;
};

/* Draws @items[@first, @end), bottom first (flexo-painter.c). Where each
 * was drawn goes into @ink[i] unless NULL, in the pixels @to_px maps user
 * space to, with the batches it went in. With @groups, the batches of the
 * level of detail are drawn where @groups changes too, as they were when
 * the items were drawn among others (a redraw of a part). */
void     flexo_painter_draw_items  (FlexoPainter         *self,
                                    FlexoPaint           *paint,
                                    GPtrArray            *items,
                                    guint                 first,
                                    guint                 end,
                                    double                scale,
                                    FarInk               *ink,
                                    const cairo_matrix_t *to_px,
                                    const guint32        *groups);
/* Where @item is drawn at @scale, in the pixels @to_px maps user space
 * to: what flexo_painter_draw_items() records of it. */
FarInk   flexo_painter_item_ink    (FlexoPainter         *self,
                                    gpointer              item,
                                    double                scale,
                                    const cairo_matrix_t *to_px);
/* Paints this view from its picture, brought up to date: FALSE, having
 * painted nothing, when there is none or it cannot be. */
gboolean flexo_painter_far_repaint (FlexoPainter         *self,
                                    cairo_t              *cr,
                                    FlexoDiagram         *diagram,
                                    const FlexoRect      *area,
                                    double                scale);
/* Draws @items as the picture of this view, when they are enough for one,
 * and paints it: FALSE, having painted nothing, when they are not or the
 * target is not one a picture serves. Keeps @items. */
gboolean flexo_painter_far_draw    (FlexoPainter         *self,
                                    cairo_t              *cr,
                                    FlexoDiagram         *diagram,
                                    const FlexoRect      *area,
                                    double                scale,
                                    GPtrArray            *items);
/* Lets go of the picture and what it keeps. */
void     flexo_painter_far_clear   (FlexoPainter         *self);

/* For tests: how many times the picture of a far view was drawn whole,
 * and brought up to date in part. */
void flexo_painter_get_far_counts (FlexoPainter *self,
                                   guint        *whole,
                                   guint        *partial);

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
  GPtrArray *pool;       /* the painter's emptied arrays, for the next batches */
  guint      n_flushes;  /* of batches drawn: the batches items went in */
} FlexoLod;

/* Where an item may have set pixels, in user space: within a device
 * pixel of the box [x0, x1] × [y0, y1] (nowhere when x0 > x1), or, when
 * reach ≥ 0, within reach and a device pixel of the segment from
 * (x0, y0) to (x1, y1). */
typedef struct
{
  double x0, y0, x1, y1;
  double reach;
} FlexoInk;

#define FLEXO_INK_NOWHERE ((FlexoInk) { 1, 1, 0, 0, -1 })

static inline FlexoInk
flexo_ink_box (double x0,
               double y0,
               double x1,
               double y1)
{
  if (!(x1 >= x0 && y1 >= y0))
    return FLEXO_INK_NOWHERE;
  return (FlexoInk) { x0, y0, x1, y1, -1 };
}

/* Add a shape or connector to the batches when it is too small for
 * details (TRUE, and @ink, when not NULL, is where it may set pixels), or
 * leave it to be drawn in full (FALSE). Without @lod and @cr, only tells
 * which and where. */
gboolean flexo_painter_lod_shape     (FlexoLod       *lod,
                                      cairo_t        *cr,
                                      FlexoShape     *shape,
                                      double          scale,
                                      FlexoInk       *ink);
gboolean flexo_painter_lod_connector (FlexoLod       *lod,
                                      cairo_t        *cr,
                                      FlexoConnector *connector,
                                      double          scale,
                                      FlexoInk       *ink);
/* Draws the batches and empties them, in the order of their colours:
 * what a batch covers of another depends on the items batched, not on
 * which came first. */
void     flexo_painter_lod_flush     (FlexoLod       *lod,
                                      cairo_t        *cr);

G_END_DECLS
