/* flexo-painter.c — draws a diagram on any cairo_t, or as SVG
 *
 * Shapes are filled and stroked along their outline (flexo-outline.h), so
 * that what is painted, what hit testing uses and where connectors end
 * agree to the last bit. Connectors follow their route (flexo-route.h);
 * arrow heads put their tip exactly at the end of the route, on the
 * outline of the shape.
 *
 * Text is laid out with pango in diagram units (font sizes in points are
 * diagram units), with hinted metrics and rounded glyph positions off, so
 * that a label wraps the same way at every zoom and in every output. The
 * layouts are cached per object and reused while their text, font and
 * size stay the same (DESIGN.md §4).
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "flexo-outline.h"
#include "flexo-painter-private.h"
#include "flexo-route.h"

/* Space between a shape's outline and its text. */
#define TEXT_PADDING 4.0
/* The shadow: offset, then a few translucent strokes that widen by 2. */
#define SHADOW_OFFSET 3.0
#define SHADOW_LAYERS 4
#define SHADOW_REACH (SHADOW_OFFSET + SHADOW_LAYERS)
/* Connector labels: padding of their background, its opacity, and the
 * gap between a start or end label and the line. */
#define LABEL_PADDING 2.0
#define LABEL_BACKGROUND_ALPHA 0.85
#define LABEL_GAP 3.0
/* Items reach this far beyond their bounds at most (strokes, shadows):
 * the spatial query is widened by it before exact tests. */
#define CULL_SLOP 32.0
/* Sharp corners are mitered up to this ratio of miter length to line
 * width (a miter reaches at most half of it beyond the corner), bevelled
 * beyond. */
#define MITER_LIMIT 4.0

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
} CachedLayout;

typedef struct
{
  CachedLayout  slots[N_SLOTS];
} CacheEntry;

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

/* Views of this many items and more are kept as a picture (far views of
 * large diagrams), repainted from it while nothing changed, and redrawn
 * where something changed. */
#define FAR_VIEW_MIN_ITEMS 20000
/* Where a picture is redrawn, in device pixels beyond the changed items,
 * for antialiasing and rounding. */
#define FAR_VIEW_MARGIN 2
/* A picture is redrawn by tiles of this many pixels each way; when more
 * than a quarter of them changed, or more items than this, all of it. */
#define FAR_VIEW_TILE 32
#define FAR_VIEW_MAX_CHANGED 256

struct _FarGrid;
static void far_grid_free (struct _FarGrid *grid);

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
} Ink;

#define INK_NOWHERE ((Ink) { 1, 1, 0, 0, -1, 0 })

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
  Ink          *far_ink;      /* where each of them was drawn */
  struct _FarGrid *far_grid;  /* them by tiles, or NULL */
  guint         far_whole;    /* pictures drawn whole, and in part */
  guint         far_partial;
};

/* ------------------------------------------------------------- helpers -- */




static FlexoColor
mix_colors (FlexoColor a,
            FlexoColor b,
            double     t)
{
#define MIX(f) ((guint32) lround (f (a) * (1 - t) + f (b) * t))
  return FLEXO_COLOR_RGBA (MIX (FLEXO_COLOR_RED), MIX (FLEXO_COLOR_GREEN),
                           MIX (FLEXO_COLOR_BLUE), MIX (FLEXO_COLOR_ALPHA));
#undef MIX
}

/* Replays @path on @paint; only its first subpath when @first_only. */
static void
append_path (FlexoPaint      *paint,
             const FlexoPath *path,
             gboolean         first_only)
{
  FlexoPathIter iter;
  FlexoPathOp op;
  const FlexoPoint *p;
  guint n_moves = 0;

  flexo_path_iter_init (&iter, path);
  while (flexo_path_iter_next (&iter, &op, &p))
    {
      switch (op)
        {
        case FLEXO_PATH_MOVE_TO:
          if (first_only && n_moves++ > 0)
            return;
          paint_move_to (paint, p[0].x, p[0].y);
          break;
        case FLEXO_PATH_LINE_TO:
          paint_line_to (paint, p[0].x, p[0].y);
          break;
        case FLEXO_PATH_CURVE_TO:
          paint_curve_to (paint, p[0].x, p[0].y, p[1].x, p[1].y, p[2].x, p[2].y);
          break;
        case FLEXO_PATH_CLOSE_PATH:
        default:
          paint_close_path (paint);
          break;
        }
    }
}

/* Dashes scale with the line width; dots are round caps on tiny dashes
 * (cairo 1.16 drops some zero-length ones). */
#define DOT 0.01

static void
set_dash (FlexoPaint *paint,
          FlexoDash   dash,
          double      width)
{
  double w = MAX (width, 0.5);
  double d[] = { 4 * w + 2, 2 * w + 1, DOT, 2 * w + 1 - DOT };

  if (dash == FLEXO_DASH_DASHED)
    d[1] = 3 * w + 1;
  if (dash == FLEXO_DASH_DASHED || dash == FLEXO_DASH_DASH_DOT)
    paint_set_dash (paint, d, dash == FLEXO_DASH_DASHED ? 2 : 4);
  else if (dash == FLEXO_DASH_DOTTED)
    paint_set_dash (paint, d + 2, 2);
  else
    paint_set_dash (paint, NULL, 0);
  paint_set_line_cap (paint, dash == FLEXO_DASH_DOTTED || dash == FLEXO_DASH_DASH_DOT ?
                          CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
}

static PangoAlignment
style_alignment (const FlexoStyle *style)
{
  static const PangoAlignment aligns[FLEXO_N_ALIGNS] = {
    [FLEXO_ALIGN_LEFT] = PANGO_ALIGN_LEFT,
    [FLEXO_ALIGN_CENTER] = PANGO_ALIGN_CENTER,
    [FLEXO_ALIGN_RIGHT] = PANGO_ALIGN_RIGHT,
  };

  return style->align < FLEXO_N_ALIGNS ? aligns[style->align] : PANGO_ALIGN_CENTER;
}

static gboolean
text_visible (const FlexoStyle *style,
              double            scale)
{
  return style->font_size * scale >= FLEXO_PAINTER_MIN_TEXT_PIXELS &&
         color_visible (style->text_color);
}

/* ------------------------------------------------------------- layouts -- */

static void
cached_layout_clear (CachedLayout *c)
{
  g_clear_object (&c->layout);
  g_clear_pointer (&c->text, g_free);
  g_clear_pointer (&c->font, pango_font_description_free);
}

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  for (guint i = 0; i < N_SLOTS; i++)
    cached_layout_clear (&entry->slots[i]);
  g_free (entry);
}

static void
object_finalized (gpointer  data,
                  GObject  *where_the_object_was)
{
  FlexoPainter *self = data;

  g_hash_table_remove (self->cache, where_the_object_was);
}

static PangoFontDescription *
style_font (const FlexoStyle *style,
            gboolean          bold)
{
  PangoFontDescription *font = pango_font_description_new ();
  int weight = bold ? MAX (style->font_weight, 700) : style->font_weight;

  pango_font_description_set_family (font, style->font_family ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (font, MAX (style->font_size, 0.1) * PANGO_SCALE);
  pango_font_description_set_weight (font, CLAMP (weight, 100, 1000));
  pango_font_description_set_style (font, style->font_style == FLEXO_FONT_STYLE_ITALIC ?
                                          PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return font;
}

/* The layout of one text of @object, from the cache when its text, font
 * and size did not change. @width and @height ≤ 0: unlimited; with a
 * height, what does not fit ends with an ellipsis. */
static PangoLayout *
get_layout (FlexoPainter     *self,
            gpointer          object,
            guint             slot,
            const char       *text,
            const FlexoStyle *style,
            gboolean          bold,
            double            width,
            double            height,
            PangoAlignment    align)
{
  g_autoptr(PangoFontDescription) font = style_font (style, bold);
  int w = width > 0 ? MAX ((int) (width * PANGO_SCALE), 1) : -1;
  int h = height > 0 ? MAX ((int) (height * PANGO_SCALE), 1) : -1;
  CacheEntry *entry = self->scratch != NULL ? self->scratch : g_hash_table_lookup (self->cache, object);
  CachedLayout *c;

  if (entry == NULL)
    {
      entry = g_new0 (CacheEntry, 1);
      g_object_weak_ref (object, object_finalized, self);
      g_hash_table_insert (self->cache, object, entry);
    }

  c = &entry->slots[slot];
  if (c->layout != NULL && c->width == w && c->height == h && c->align == align &&
      g_strcmp0 (c->text, text) == 0 && pango_font_description_equal (c->font, font))
    return c->layout;

  if (c->layout == NULL)
    {
      c->layout = pango_layout_new (self->context);
      pango_layout_set_wrap (c->layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_font_description (c->layout, font);
  /* Pango drops the lines of paragraphs beyond the height without an
   * ellipsis: the lines are then broken within one paragraph (U+2028),
   * so that a cut label ends with "…". */
  if (h > 0 && strchr (text, '\n') != NULL)
    {
      g_autoptr(GString) lines = g_string_sized_new (strlen (text) + 16);

      for (const char *p = text; *p != '\0'; p++)
        if (*p == '\n')
          g_string_append (lines, "\u2028");
        else
          g_string_append_c (lines, *p);
      pango_layout_set_text (c->layout, lines->str, (int) lines->len);
    }
  else
    pango_layout_set_text (c->layout, text, -1);
  pango_layout_set_width (c->layout, w);
  pango_layout_set_height (c->layout, h);
  pango_layout_set_ellipsize (c->layout, h > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (c->layout, align);

  g_free (c->text);
  c->text = g_strdup (text);
  g_clear_pointer (&c->font, pango_font_description_free);
  c->font = g_steal_pointer (&font);
  c->width = w;
  c->height = h;
  c->align = align;
  return c->layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* Shows @layout vertically centred in @area, clipped to @clip. */
static void
show_layout (FlexoPaint      *paint,
             PangoLayout     *layout,
             const FlexoRect *area,
             const FlexoRect *clip,
             FlexoColor       color)
{
  PangoRectangle logical;
  double h, x = area->x, y;

  pango_layout_get_extents (layout, NULL, &logical);
  h = (double) logical.height / PANGO_SCALE;
  y = area->y + (area->height - h) / 2;
  /* An SVG clip is a definition of its own: only when the text may
   * overflow (its lines' boxes, which hold their glyphs but for the odd
   * italic overhang, are not inside). */
  if (clip != NULL && paint->svg != NULL &&
      x + (double) logical.x / PANGO_SCALE >= clip->x &&
      y + (double) logical.y / PANGO_SCALE >= clip->y &&
      x + (double) (logical.x + logical.width) / PANGO_SCALE <= clip->x + clip->width &&
      y + (double) (logical.y + logical.height) / PANGO_SCALE <= clip->y + clip->height)
    clip = NULL;
  paint_save (paint);
  if (clip != NULL)
    {
      paint_rectangle (paint, clip->x, clip->y, clip->width, clip->height);
      paint_clip (paint);
    }
  set_color (paint, color, 1);
  paint_move_to (paint, x, y);
  PAINT_DISPATCH (paint, pango_cairo_show_layout (paint->cr, layout),
                  flexo_svg_writer_show_layout (paint->svg, layout));
  paint_restore (paint);
}

/* The height the text needs when laid out in @width (≤ @max_height). */
static double
text_height (FlexoPainter     *self,
             gpointer          object,
             guint             slot,
             const char       *text,
             const FlexoStyle *style,
             gboolean          bold,
             double            width,
             double            max_height,
             PangoAlignment    align)
{
  double h;

  if (text == NULL || *text == '\0')
    return 0;
  layout_size (get_layout (self, object, slot, text, style, bold, width, max_height, align), NULL, &h);
  return h;
}

/* --------------------------------------------------------------- shapes -- */

static FlexoRect
inset_rect (FlexoRect r,
            double    dx,
            double    dy)
{
  r.x += dx;
  r.y += dy;
  r.width = MAX (r.width - 2 * dx, 0);
  r.height = MAX (r.height - 2 * dy, 0);
  return r;
}

/* Where the label of a shape goes, before padding: the part of the box
 * that the outline leaves clear (proportions as in flexo-outline.c). */
static FlexoRect
label_area (FlexoShapeKind   kind,
            const FlexoRect *b)
{
  double w = b->width, h = b->height;

  switch (kind)
    {
    case FLEXO_SHAPE_ELLIPSE:
    case FLEXO_SHAPE_CLOUD:
      return inset_rect (*b, w * (1 - G_SQRT2 / 2) / 2, h * (1 - G_SQRT2 / 2) / 2);
    case FLEXO_SHAPE_CIRCLE:
      {
        double side = MIN (w, h) * G_SQRT2 / 2;

        return inset_rect (*b, (w - side) / 2, (h - side) / 2);
      }
    case FLEXO_SHAPE_DIAMOND:
      return inset_rect (*b, w / 4, h / 4);
    case FLEXO_SHAPE_TRIANGLE:
      return FLEXO_RECT_INIT (b->x + w / 4, b->y + h / 2, w / 2, h / 2);
    case FLEXO_SHAPE_HEXAGON:
      return inset_rect (*b, MIN (w * 0.25, h / (2 * sqrt (3))) / 2, 0);
    case FLEXO_SHAPE_PARALLELOGRAM:
    case FLEXO_SHAPE_TRAPEZOID:
      return inset_rect (*b, MIN (w * 0.2, h * 0.6) * 0.75, 0);
    case FLEXO_SHAPE_STAR:
      return FLEXO_RECT_INIT (b->x + w * 0.3, b->y + h * 0.4, w * 0.4, h * 0.3);
    case FLEXO_SHAPE_CHEVRON:
      return inset_rect (*b, MIN (w * 0.25, h * 0.5), 0);
    case FLEXO_SHAPE_CROSS:
      {
        double t = MIN (w, h) / 3;

        return FLEXO_RECT_INIT (b->x, b->y + (h - t) / 2, w, t);
      }
    case FLEXO_SHAPE_CYLINDER:
      {
        double e = MIN (w * 0.15, h * 0.2);

        return FLEXO_RECT_INIT (b->x, b->y + 2 * e, w, MAX (h - 3 * e, 0));
      }
    case FLEXO_SHAPE_DOCUMENT:
      return FLEXO_RECT_INIT (b->x, b->y, w, h - 2 * MIN (h * 0.08, w * 0.1));
    case FLEXO_SHAPE_NOTE:
      {
        double f = MIN (MIN (w, h) * 0.25, 16);

        if (w >= h)
          return FLEXO_RECT_INIT (b->x, b->y, w - f, h);
        return FLEXO_RECT_INIT (b->x, b->y + f, w, h - f);
      }
    case FLEXO_SHAPE_PACKAGE:
      {
        double th = MIN (h * 0.2, 20);

        return FLEXO_RECT_INIT (b->x, b->y + th, w, h - th);
      }
    default:
      return *b;
    }
}

/* What is drawn until end_translucent() is seen through @opacity; with
 * cairo, in a group as large as @bounds (NULL: the clip). */
static void
begin_translucent (FlexoPaint      *paint,
                   const FlexoRect *bounds,
                   double           opacity)
{
  if (paint->svg != NULL)
    {
      flexo_svg_writer_begin_group (paint->svg, opacity);
      return;
    }
  if (bounds != NULL)
    {
      cairo_rectangle (paint->cr, bounds->x, bounds->y, bounds->width, bounds->height);
      cairo_clip (paint->cr);
    }
  cairo_push_group (paint->cr);
}

static void
end_translucent (FlexoPaint *paint,
                 double      opacity)
{
  if (paint->svg != NULL)
    {
      flexo_svg_writer_end_group (paint->svg);
      return;
    }
  cairo_pop_group_to_source (paint->cr);
  cairo_paint_with_alpha (paint->cr, opacity);
}

static void
draw_shadow (FlexoPaint      *paint,
             const FlexoPath *outline)
{
  paint_save (paint);
  paint_translate (paint, SHADOW_OFFSET, SHADOW_OFFSET);
  paint_new_path (paint);
  append_path (paint, outline, FALSE);
  paint_set_dash (paint, NULL, 0);
  paint_set_line_join (paint, CAIRO_LINE_JOIN_ROUND);
  set_color (paint, FLEXO_COLOR_RGBA (0, 0, 0, 0xff), 0.05);
  for (int i = SHADOW_LAYERS; i >= 1; i--)
    {
      paint_set_line_width (paint, 2.0 * i);
      paint_stroke_preserve (paint);
    }
  set_color (paint, FLEXO_COLOR_RGBA (0, 0, 0, 0xff), 0.12);
  paint_fill (paint);
  paint_restore (paint);
}

static void
stroke_outline (FlexoPaint       *paint,
                const FlexoPath  *path,
                const FlexoStyle *style,
                cairo_line_join_t join)
{
  if (!color_visible (style->stroke) || !(style->stroke_width > 0) || flexo_path_is_empty (path))
    return;

  paint_new_path (paint);
  append_path (paint, path, FALSE);
  set_color (paint, style->stroke, 1);
  paint_set_line_width (paint, style->stroke_width);
  paint_set_line_join (paint, join);
  paint_set_miter_limit (paint, MITER_LIMIT);
  set_dash (paint, style->dash, style->stroke_width);
  paint_stroke (paint);
}

static void
fill_outline (FlexoPaint      *paint,
              const FlexoPath *path,
              FlexoColor       color)
{
  if (!color_visible (color))
    return;
  paint_new_path (paint);
  append_path (paint, path, FALSE);
  set_color (paint, color, 1);
  paint_fill (paint);
}

static void
draw_separator (FlexoPaint       *paint,
                const FlexoStyle *style,
                const FlexoRect  *box,
                double            y)
{
  if (!color_visible (style->stroke) || !(style->stroke_width > 0) ||
      y <= box->y || y >= box->y + box->height)
    return;
  paint_new_path (paint);
  paint_move_to (paint, box->x, y);
  paint_line_to (paint, box->x + box->width, y);
  set_color (paint, style->stroke, 1);
  paint_set_line_width (paint, style->stroke_width);
  set_dash (paint, style->dash, style->stroke_width);
  paint_stroke (paint);
}

/* Whether a text shape has a fill of its own or of its concept (the
 * theme's white would hide what is under it). */
gboolean
flexo_painter_text_shape_filled (FlexoShape *shape)
{
  FlexoInstance *instance = flexo_shape_get_instance (shape);
  FlexoConcept *concept = instance != NULL ? flexo_instance_get_concept (instance) : NULL;
  const FlexoStyle *own = flexo_shape_get_style (shape);

  return (own != NULL && flexo_style_has (own, FLEXO_STYLE_FILL)) ||
         (concept != NULL && flexo_concept_get_style (concept) != NULL &&
          flexo_style_has (flexo_concept_get_style (concept), FLEXO_STYLE_FILL));
}

static void
append_value (GString       *text,
              FlexoProperty *property,
              const char    *value)
{
  if (property == NULL || value == NULL || *value == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  /* A multi-line text is a compartment of its own (a class's attributes
   * or operations); other values are named. */
  if (flexo_property_get_value_type (property) == FLEXO_PROPERTY_TEXT)
    g_string_append (text, value);
  else
    g_string_append_printf (text, "%s: %s", flexo_property_get_name (property), value);
}

static const char *
note_name (const char *name,
           gpointer    names)
{
  g_hash_table_add (names, g_strdup (name));
  return NULL;
}

/* The lines of a class's second compartment: "name: value", for each
 * property of the concept that has a value (or a default) and that its
 * label does not show already. */
static char *
dup_class_values (FlexoShape *shape)
{
  FlexoInstance *instance = flexo_shape_get_instance (shape);
  FlexoConcept *concept = instance != NULL ? flexo_instance_get_concept (instance) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (concept != NULL)
    {
      g_autoptr(GPtrArray) properties = flexo_concept_dup_all_properties (concept);
      g_autoptr(GHashTable) in_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      const char *template = flexo_concept_get_label (concept);

      g_free (flexo_label_template_expand (template != NULL && *template != '\0' ? template : "{name}",
                                           note_name, in_label));
      for (guint i = 0; i < properties->len; i++)
        if (!g_hash_table_contains (in_label, flexo_property_get_name (properties->pdata[i])))
          append_value (text, properties->pdata[i],
                        flexo_instance_get_effective_value (instance, properties->pdata[i]));
    }
  else if (instance != NULL)
    {
      for (guint i = 0; i < flexo_instance_get_n_values (instance); i++)
        {
          FlexoProperty *property = NULL;
          const char *value = NULL;

          flexo_instance_get_nth_value (instance, i, &property, &value);
          append_value (text, property, value);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* How a shape is laid out: where its figure and its texts go. */
typedef struct
{
  FlexoShapeKind kind;
  FlexoRect      box;        /* the shape's bounds */
  FlexoRect      figure;     /* the box the outline is built in */
  FlexoRect      text;       /* the label's area, padded */
  gboolean       bold;       /* the label is bold */
  PangoAlignment align;
  double         band;       /* container title band, class name compartment */
  double         body;       /* class: height of the values compartment */
  char          *label;
  char          *values;     /* class only */
} ShapeLayout;

static void
shape_layout_clear (ShapeLayout *sl)
{
  g_free (sl->label);
  g_free (sl->values);
}

static void
compute_shape_layout (FlexoPainter     *self,
                      FlexoShape       *shape,
                      const FlexoStyle *style,
                      ShapeLayout      *sl)
{
  const FlexoRect *b = &sl->box;
  double pad = TEXT_PADDING + MAX (style->stroke_width, 0) / 2;

  sl->kind = style->shape_kind < FLEXO_N_SHAPE_KINDS ? style->shape_kind : FLEXO_SHAPE_RECTANGLE;
  sl->box = flexo_rect_normalize (*flexo_shape_get_bounds (shape));
  sl->figure = sl->box;
  sl->label = flexo_shape_dup_label (shape);
  sl->values = NULL;
  /* A free class: its name on the first line, its members below. */
  if (sl->kind == FLEXO_SHAPE_CLASS && flexo_shape_get_instance (shape) == NULL &&
      strchr (sl->label, '\n') != NULL)
    {
      char *newline = strchr (sl->label, '\n');

      sl->values = g_strdup (newline + 1);
      *newline = '\0';
    }
  sl->bold = FALSE;
  sl->align = style_alignment (style);
  sl->band = sl->body = 0;

  switch (sl->kind)
    {
    case FLEXO_SHAPE_ACTOR:
      {
        /* The figure above, the name below it, as wide as the box. */
        double th = text_height (self, shape, SLOT_LABEL, sl->label, style, FALSE,
                                 b->width, b->height * 0.4, PANGO_ALIGN_CENTER);

        sl->align = PANGO_ALIGN_CENTER;
        if (th > 0)
          sl->figure.height = MAX (b->height - th - TEXT_PADDING, b->height * 0.6);
        sl->text = FLEXO_RECT_INIT (b->x, sl->figure.y + sl->figure.height + TEXT_PADDING / 2,
                                    b->width, b->y + b->height - (sl->figure.y + sl->figure.height) -
                                    TEXT_PADDING / 2);
      }
      break;

    case FLEXO_SHAPE_CLASS:
    case FLEXO_SHAPE_CONTAINER:
      {
        /* A band at the top for the name, bold and centred in a class;
         * then a class's values. */
        gboolean is_class = sl->kind == FLEXO_SHAPE_CLASS;
        double inner = MAX (b->width - 2 * pad, 1);
        double th;

        sl->bold = is_class;
        sl->align = is_class ? PANGO_ALIGN_CENTER : sl->align;
        th = text_height (self, shape, SLOT_LABEL, sl->label, style, sl->bold, inner,
                          MAX (b->height - 2 * pad, 1), sl->align);
        th = is_class ? MAX (th, style->font_size * 1.2) : th;
        sl->band = th > 0 ? MIN (th + 2 * pad, b->height) : 0;
        sl->text = FLEXO_RECT_INIT (b->x + pad, b->y + pad, inner, MAX (sl->band - 2 * pad, 0));
        if (is_class)
          {
            if (sl->values == NULL)
              sl->values = dup_class_values (shape);
            sl->body = 2 * pad + text_height (self, shape, SLOT_BODY, sl->values, style, FALSE, inner,
                                              MAX (b->height - sl->band - 2 * pad, 1), PANGO_ALIGN_LEFT);
          }
      }
      break;

    default:
      {
        FlexoRect clear = label_area (sl->kind, b);

        sl->text = inset_rect (clear, pad, pad);
        /* A label that the part the outline leaves clear would cut (a
         * question in a small diamond) takes the whole box, over the
         * outline, rather than lose words, as Dia and most editors show
         * it; still within the shape's bounds. */
        if (sl->label != NULL && *sl->label != '\0' && memcmp (&clear, b, sizeof clear) != 0 &&
            (sl->text.width <= 0 || sl->text.height <= 0 ||
             text_height (self, shape, SLOT_EXTRA, sl->label, style, sl->bold, sl->text.width, 0,
                          sl->align) > sl->text.height))
          sl->text = inset_rect (*b, pad, pad);
      }
      break;
    }
}

static void
draw_class_values (FlexoPainter      *self,
                   FlexoPaint        *paint,
                   FlexoShape        *shape,
                   const FlexoStyle  *style,
                   const ShapeLayout *sl)
{
  double pad = TEXT_PADDING + MAX (style->stroke_width, 0) / 2;
  FlexoRect area = FLEXO_RECT_INIT (sl->box.x + pad, sl->box.y + sl->band + pad,
                                    MAX (sl->box.width - 2 * pad, 1),
                                    MAX (sl->box.height - sl->band - 2 * pad, 1));
  PangoLayout *layout;
  FlexoRect clip;
  double h;

  if (sl->values == NULL || *sl->values == '\0')
    return;
  layout = get_layout (self, shape, SLOT_BODY, sl->values, style, FALSE, area.width,
                       area.height, PANGO_ALIGN_LEFT);
  layout_size (layout, NULL, &h);
  area.height = MIN (h, area.height);
  clip = FLEXO_RECT_INIT (sl->box.x, sl->box.y + sl->band, sl->box.width,
                          MAX (sl->box.height - sl->band, 0));
  show_layout (paint, layout, &area, &clip, style->text_color);
}

static void
draw_shape (FlexoPainter *self,
            FlexoPaint   *paint,
            FlexoShape   *shape,
            double        scale)
{
  g_autoptr(FlexoPath) outline = flexo_path_new ();
  g_autoptr(FlexoPath) details = flexo_path_new ();
  ShapeLayout sl;
  FlexoStyle style;
  double opacity;
  gboolean fill, stroke;

  flexo_shape_resolve_style (shape, &style);
  opacity = CLAMP (style.opacity, 0, 1);
  if (!(opacity > 0) || flexo_rect_is_empty (flexo_shape_get_bounds (shape)))
    return;

  compute_shape_layout (self, shape, &style, &sl);
  flexo_outline_build (sl.kind, &sl.figure, style.corner_radius, outline);
  fill = flexo_outline_paints_silhouette (sl.kind) ||
         (sl.kind == FLEXO_SHAPE_TEXT && flexo_painter_text_shape_filled (shape));
  stroke = flexo_outline_paints_silhouette (sl.kind);

  paint_save (paint);
  if (opacity < 1)
    {
      FlexoRect r = flexo_rect_inflate (&sl.box, CULL_SLOP, CULL_SLOP);

      begin_translucent (paint, &r, opacity);
    }

  if (style.shadow && fill && color_visible (style.fill) && scale >= FLEXO_PAINTER_MIN_SHADOW_SCALE)
    draw_shadow (paint, outline);
  if (fill)
    fill_outline (paint, outline, style.fill);

  if (sl.kind == FLEXO_SHAPE_CONTAINER && sl.band > 0)
    {
      paint_rectangle (paint, sl.box.x, sl.box.y, sl.box.width, sl.band);
      set_color (paint, mix_colors (style.fill, style.stroke, 0.08), 1);
      paint_fill (paint);
      draw_separator (paint, &style, &sl.box, sl.box.y + sl.band);
    }
  else if (sl.kind == FLEXO_SHAPE_CLASS)
    {
      draw_separator (paint, &style, &sl.box, sl.box.y + sl.band);
      draw_separator (paint, &style, &sl.box, sl.box.y + sl.band + sl.body);
    }

  if (stroke)
    stroke_outline (paint, outline, &style, CAIRO_LINE_JOIN_MITER);

  if (flexo_outline_has_details (sl.kind))
    {
      flexo_outline_build_details (sl.kind, &sl.figure, style.corner_radius, details);
      if (sl.kind == FLEXO_SHAPE_ACTOR && color_visible (style.fill))
        {
          /* Fill the head: the first subpath, a closed circle. */
          paint_new_path (paint);
          append_path (paint, details, TRUE);
          set_color (paint, style.fill, 1);
          paint_fill (paint);
        }
      stroke_outline (paint, details, &style,
                      sl.kind == FLEXO_SHAPE_ACTOR ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER);
    }

  if (text_visible (&style, scale))
    {
      if (sl.label != NULL && *sl.label != '\0' && sl.text.width > 0 && sl.text.height > 0)
        {
          PangoLayout *layout = get_layout (self, shape, SLOT_LABEL, sl.label, &style, sl.bold,
                                            sl.text.width, sl.text.height, sl.align);

          show_layout (paint, layout, &sl.text, &sl.box, style.text_color);
        }
      if (sl.kind == FLEXO_SHAPE_CLASS)
        draw_class_values (self, paint, shape, &style, &sl);
    }

  if (opacity < 1)
    end_translucent (paint, opacity);
  paint_restore (paint);
  shape_layout_clear (&sl);
}

static FlexoRect
shape_extents (FlexoShape *shape)
{
  FlexoRect box = flexo_rect_normalize (*flexo_shape_get_bounds (shape));
  FlexoStyle style;
  double reach;

  flexo_shape_resolve_style (shape, &style);
  /* Miter joins of sharp corners (a star's points) reach farther than half
   * the line width. */
  reach = MAX (style.stroke_width, 0) * MITER_LIMIT / 2 + 1;
  if (style.shadow)
    reach = MAX (reach, SHADOW_REACH + 1);
  return flexo_rect_inflate (&box, reach, reach);
}

/* ---------------------------------------------------------- connectors -- */

typedef struct
{
  const char  *text;
  PangoLayout *layout;
  FlexoRect    box;     /* the background */
  FlexoRect    area;    /* the text */
} ConnectorLabel;

/* Where a connector's label is drawn: the middle one centred on the line,
 * the start and end ones beside it, above or to the right. */
static gboolean
compute_connector_label (FlexoPainter       *self,
                         FlexoConnector     *connector,
                         const FlexoPath    *route,
                         const FlexoStyle   *style,
                         FlexoLabelPosition  position,
                         ConnectorLabel     *label)
{
  FlexoPoint anchor, tangent, c;
  double w, h;

  label->text = flexo_connector_get_label (connector, position);
  if (label->text == NULL || *label->text == '\0')
    return FALSE;

  label->layout = get_layout (self, connector, position, label->text, style, FALSE,
                              -1, -1, PANGO_ALIGN_CENTER);
  layout_size (label->layout, &w, &h);
  anchor = flexo_route_label_anchor (route, position, &tangent);
  c = anchor;
  if (position != FLEXO_LABEL_MIDDLE)
    {
      FlexoPoint n = pt (tangent.y, -tangent.x);
      double shift;

      if (n.y > 1e-6 || (fabs (n.y) <= 1e-6 && n.x < 0))
        n = pt (-n.x, -n.y);
      shift = fabs (n.x) * (w / 2 + LABEL_PADDING) + fabs (n.y) * (h / 2 + LABEL_PADDING) +
              LABEL_GAP + MAX (style->stroke_width, 0) / 2;
      c = pt (anchor.x + n.x * shift, anchor.y + n.y * shift);
    }

  label->area = FLEXO_RECT_INIT (c.x - w / 2, c.y - h / 2, w, h);
  label->box = flexo_rect_inflate (&label->area, LABEL_PADDING, LABEL_PADDING);
  return TRUE;
}

static FlexoArrowHead
valid_head (guint8 head)
{
  return head < FLEXO_N_ARROW_HEADS ? head : FLEXO_ARROW_NONE;
}

static void
draw_connector (FlexoPainter   *self,
                FlexoPaint     *paint,
                FlexoConnector *connector,
                double          scale)
{
  g_autoptr(FlexoPath) route = flexo_path_new ();
  FlexoArrowHead head_start, head_end;
  FlexoPoint start_dir, end_dir;
  const FlexoPoint *points;
  FlexoStyle style;
  double opacity, width;
  gboolean stroke;
  guint n_points = 0;

  flexo_connector_resolve_style (connector, &style);
  opacity = CLAMP (style.opacity, 0, 1);
  if (!(opacity > 0))
    return;
  flexo_connector_compute_route (connector, route, &start_dir, &end_dir);
  points = flexo_path_get_points (route, &n_points);
  if (n_points == 0)
    return;

  width = MAX (style.stroke_width, 0);
  stroke = width > 0 && color_visible (style.stroke);
  head_start = valid_head (style.arrow_start);
  head_end = valid_head (style.arrow_end);

  paint_save (paint);
  if (opacity < 1)
    {
      FlexoRect r;
      gboolean bounded = flexo_path_get_bounds (route, &r);
      double k = flexo_painter_head_reach (width) + CULL_SLOP;

      r = flexo_rect_inflate (&r, k, k);
      begin_translucent (paint, bounded ? &r : NULL, opacity);
    }

  if (stroke && flexo_route_get_length (route) > 1e-6)
    {
      g_autoptr(FlexoPath) line = flexo_path_new ();

      flexo_route_trim (route, flexo_painter_head_inset (head_start, width), flexo_painter_head_inset (head_end, width), line);
      paint_new_path (paint);
      append_path (paint, line, FALSE);
      set_color (paint, style.stroke, 1);
      paint_set_line_width (paint, width);
      paint_set_line_join (paint, CAIRO_LINE_JOIN_MITER);
      paint_set_miter_limit (paint, MITER_LIMIT);
      set_dash (paint, style.dash, width);
      paint_stroke (paint);

      flexo_painter_draw_head (paint, head_start, points[0], start_dir, width, style.stroke, self->background);
      flexo_painter_draw_head (paint, head_end, points[n_points - 1], end_dir, width, style.stroke, self->background);
    }

  if (text_visible (&style, scale))
    {
      for (guint pos = 0; pos < FLEXO_N_LABELS; pos++)
        {
          ConnectorLabel label;

          if (!compute_connector_label (self, connector, route, &style, pos, &label))
            continue;
          paint_new_path (paint);
          paint_rectangle (paint, label.box.x, label.box.y, label.box.width, label.box.height);
          set_color (paint, flexo_style_get_default ()->fill, LABEL_BACKGROUND_ALPHA);
          paint_fill (paint);
          show_layout (paint, label.layout, &label.area, NULL, style.text_color);
        }
    }

  if (opacity < 1)
    end_translucent (paint, opacity);
  paint_restore (paint);
}

static gboolean
connector_extents (FlexoPainter   *self,
                   FlexoConnector *connector,
                   FlexoRect      *out)
{
  g_autoptr(FlexoPath) route = flexo_path_new ();
  FlexoStyle style;
  FlexoRect r;
  double reach;
  guint n = 0;
  const FlexoPoint *p;

  flexo_connector_resolve_style (connector, &style);
  flexo_connector_compute_route (connector, route, NULL, NULL);
  p = flexo_path_get_points (route, &n);
  if (n == 0)
    return FALSE;
  if (!flexo_path_get_bounds (route, &r))
    r = FLEXO_RECT_INIT (p[0].x, p[0].y, 0, 0);

  reach = MAX (style.stroke_width, 0) * MITER_LIMIT / 2 + 1;
  if (valid_head (style.arrow_start) != FLEXO_ARROW_NONE || valid_head (style.arrow_end) != FLEXO_ARROW_NONE)
    reach = MAX (reach, flexo_painter_head_reach (style.stroke_width) + 1);
  r = flexo_rect_inflate (&r, reach, reach);

  for (guint pos = 0; pos < FLEXO_N_LABELS; pos++)
    {
      ConnectorLabel label;

      if (compute_connector_label (self, connector, route, &style, pos, &label))
        r = flexo_rect_union (&r, &label.box);
    }
  *out = r;
  return TRUE;
}

/* ------------------------------------------------------------- painter -- */

FlexoPainter *
flexo_painter_new (void)
{
  FlexoPainter *self = g_new0 (FlexoPainter, 1);
  cairo_font_options_t *options;

  /* One context per painter: layouts keep a reference to it. Metrics are
   * not hinted and glyphs not snapped, so layouts do not depend on the
   * zoom or the output. */
  self->font_map = g_object_ref (pango_cairo_font_map_get_default ());
  self->context = pango_font_map_create_context (self->font_map);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  self->cache = g_hash_table_new_full (NULL, NULL, NULL, cache_entry_free);
  self->background = FLEXO_COLOR_RGBA (0xff, 0xff, 0xff, 0xff);
  self->lod_pool = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return self;
}

void
flexo_painter_free (FlexoPainter *self)
{
  if (self == NULL)
    return;

  flexo_painter_invalidate (self, NULL);
  g_hash_table_destroy (self->cache);
  g_clear_pointer (&self->scratch, cache_entry_free);
  g_ptr_array_unref (self->lod_pool);
  g_object_unref (self->context);
  g_object_unref (self->font_map);
  g_clear_pointer (&self->far, cairo_surface_destroy);
  g_clear_weak_pointer (&self->far_diagram);
  g_clear_pointer (&self->far_items, g_ptr_array_unref);
  g_clear_pointer (&self->far_ink, g_free);
  g_clear_pointer (&self->far_grid, far_grid_free);
  g_free (self);
}

void
flexo_painter_set_caching (FlexoPainter *self,
                           gboolean      caching)
{
  g_return_if_fail (self != NULL);

  if (caching)
    g_clear_pointer (&self->scratch, cache_entry_free);
  else if (self->scratch == NULL)
    {
      flexo_painter_invalidate (self, NULL);
      self->scratch = g_new0 (CacheEntry, 1);
    }
}

void
flexo_painter_set_background (FlexoPainter *self,
                              FlexoColor    color)
{
  g_return_if_fail (self != NULL);
  self->background = color;
}

void
flexo_painter_invalidate (FlexoPainter *self,
                          gpointer      object)
{
  g_return_if_fail (self != NULL);

  /* Pictures are redrawn on any change of the model; this is for the rest. */
  self->far_key.diagram = NULL;

  if (object == NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->cache);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          g_object_weak_unref (key, object_finalized, self);
          g_hash_table_iter_remove (&iter);
        }
    }
  else if (g_hash_table_contains (self->cache, object))
    {
      g_object_weak_unref (object, object_finalized, self);
      g_hash_table_remove (self->cache, object);
    }
}

gboolean
flexo_painter_get_item_extents (FlexoPainter *self,
                                gpointer      item,
                                FlexoRect    *out)
{
  FlexoRect r = { 0, 0, 0, 0 };
  gboolean any = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (FLEXO_IS_SHAPE (item))
    {
      any = !flexo_rect_is_empty (flexo_shape_get_bounds (item));
      if (any)
        r = shape_extents (item);
    }
  else if (FLEXO_IS_CONNECTOR (item))
    any = connector_extents (self, item, &r);

  if (out != NULL)
    *out = r;
  return any;
}

gboolean
flexo_painter_get_extents (FlexoPainter *self,
                           FlexoDiagram *diagram,
                           FlexoRect    *out)
{
  GPtrArray *items;
  FlexoRect extents = { 0, 0, 0, 0 };
  gboolean any = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (FLEXO_IS_DIAGRAM (diagram), FALSE);

  items = flexo_diagram_get_items (diagram);
  for (guint i = 0; i < items->len; i++)
    {
      FlexoRect r;

      if (!flexo_painter_get_item_extents (self, g_ptr_array_index (items, i), &r))
        continue;
      extents = any ? flexo_rect_union (&extents, &r) : r;
      any = TRUE;
    }

  if (out != NULL)
    *out = extents;
  return any;
}

/* ------------------------------------------------------------- culling -- */

typedef struct
{
  FlexoPainter    *painter;
  const FlexoRect *area;
  GHashTable      *seen;
  GPtrArray       *items;
} Visible;

static void
visible_add (Visible  *v,
             gpointer  item)
{
  if (g_hash_table_add (v->seen, item))
    g_ptr_array_add (v->items, item);
}

static gboolean
visible_shape_cb (gpointer         item,
                  const FlexoRect *bounds,
                  gpointer         user_data)
{
  Visible *v = user_data;
  FlexoRect r = shape_extents (item);

  if (flexo_rect_intersects (&r, v->area))
    visible_add (v, item);
  return FALSE;
}

static gboolean
visible_connector_cb (gpointer         item,
                      const FlexoRect *bounds,
                      gpointer         user_data)
{
  Visible *v = user_data;
  FlexoRect r;

  if (connector_extents (v->painter, item, &r) && flexo_rect_intersects (&r, v->area))
    visible_add (v, item);
  return FALSE;
}

typedef struct
{
  int      z;
  gpointer item;
} ZItem;

static int
compare_z (gconstpointer a,
           gconstpointer b)
{
  const ZItem *za = a, *zb = b;

  return (za->z > zb->z) - (za->z < zb->z);
}

/* The items that meet @area, bottom first: shapes and connectors from
 * the diagram's two spatial indexes, each then tested exactly. */
static GPtrArray *
collect_visible (FlexoPainter    *self,
                 FlexoDiagram    *diagram,
                 const FlexoRect *area)
{
  GPtrArray *all = flexo_diagram_get_items (diagram);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autofree ZItem *sorted = NULL;
  GPtrArray *items = g_ptr_array_new ();
  Visible v = { self, area, seen, items };

  if (area == NULL)
    {
      for (guint i = 0; i < all->len; i++)
        g_ptr_array_add (items, g_ptr_array_index (all, i));
      return items;
    }

  /* When the area holds every shape, they all meet it, and so does every
   * connector between two of them: no need to query, sort or scan. */
  if (flexo_object_is_live (FLEXO_OBJECT (diagram)))
    {
      FlexoRect total;

      if (flexo_spatial_index_total_bounds (flexo_diagram_get_index (diagram), &total) &&
          flexo_rect_contains_rect (area, &total))
        {
          for (guint i = 0; i < all->len; i++)
            {
              gpointer item = g_ptr_array_index (all, i);
              FlexoRect r;

              if (FLEXO_IS_SHAPE (item) ||
                  (FLEXO_IS_CONNECTOR (item) && flexo_connector_get_source (item) != NULL &&
                   flexo_connector_get_target (item) != NULL) ||
                  (FLEXO_IS_CONNECTOR (item) && connector_extents (self, item, &r) &&
                   flexo_rect_intersects (&r, area)))
                g_ptr_array_add (items, item);
            }
          return items;
        }
    }

  if (flexo_object_is_live (FLEXO_OBJECT (diagram)))
    {
      FlexoRect query = flexo_rect_inflate (area, CULL_SLOP, CULL_SLOP);

      flexo_spatial_index_query_rect (flexo_diagram_get_index (diagram), &query,
                                      visible_shape_cb, &v);
    }
  else
    for (guint i = 0; i < all->len; i++)
      if (FLEXO_IS_SHAPE (g_ptr_array_index (all, i)))
        visible_shape_cb (g_ptr_array_index (all, i), NULL, &v);

  if (flexo_object_is_live (FLEXO_OBJECT (diagram)))
    {
      /* The connectors from their own index, then the exact test. */
      FlexoRect query = flexo_rect_inflate (area, CULL_SLOP, CULL_SLOP);

      flexo_spatial_index_query_rect (flexo_diagram_get_connector_index (diagram), &query,
                                      visible_connector_cb, &v);
    }
  else
    for (guint i = 0; i < all->len; i++)
      if (FLEXO_IS_CONNECTOR (g_ptr_array_index (all, i)))
        visible_connector_cb (g_ptr_array_index (all, i), NULL, &v);

  /* Bottom first: when most items are visible, in the order of the
   * diagram, otherwise sorted by their position. */
  if (items->len > all->len / 16)
    {
      g_ptr_array_set_size (items, 0);
      for (guint i = 0; i < all->len; i++)
        if (g_hash_table_contains (seen, g_ptr_array_index (all, i)))
          g_ptr_array_add (items, g_ptr_array_index (all, i));
      return items;
    }
  sorted = g_new (ZItem, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      sorted[i].item = g_ptr_array_index (items, i);
      sorted[i].z = flexo_diagram_get_item_position (diagram, sorted[i].item);
    }
  qsort (sorted, items->len, sizeof (ZItem), compare_z);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_index (items, i) = sorted[i].item;
  return items;
}

/* Far enough outside any picture (its pixels are kept within 1e7). */
#define INK_FAR 1e8

static inline float
ink_coordinate (double v)
{
  return (float) CLAMP (v, -INK_FAR, INK_FAR);
}

/* User space to a picture's pixels, and the longest a unit gets there. */
typedef struct
{
  cairo_matrix_t m;
  double         s;
  gboolean       upright;  /* scales and moves only */
} InkMap;

static void
ink_map_init (InkMap               *map,
              const cairo_matrix_t *m)
{
  map->m = *m;
  map->s = MAX (hypot (m->xx, m->yx), hypot (m->xy, m->yy));
  map->upright = m->xy == 0 && m->yx == 0;
}

/* @u, from user space to the pixels @map maps it to, within a pixel
 * more, and one for the floats. */
static inline Ink
ink_to_pixels (const FlexoInk *u,
               const InkMap   *map)
{
  const cairo_matrix_t *m = &map->m;
  double xs[4], ys[4], lx, ly, hx, hy, reach = 0;
  int n;

  if (u->reach < 0 && !(u->x0 <= u->x1 && u->y0 <= u->y1))
    return INK_NOWHERE;
  /* Most: a box on an upright view, near the picture. */
  if (u->reach < 0 && map->upright)
    {
      double a = u->x0 * m->xx + m->x0, b = u->x1 * m->xx + m->x0;
      double c = u->y0 * m->yy + m->y0, d = u->y1 * m->yy + m->y0;

      lx = MIN (a, b), hx = MAX (a, b), ly = MIN (c, d), hy = MAX (c, d);
      if (lx > -INK_FAR / 2 && hx < INK_FAR / 2 && ly > -INK_FAR / 2 && hy < INK_FAR / 2)
        return (Ink) { (float) (lx - 2), (float) (ly - 2), (float) (hx + 2), (float) (hy + 2), -1, 0 };
    }
  else if (map->upright)
    {
      double a = u->x0 * m->xx + m->x0, b = u->x1 * m->xx + m->x0;
      double c = u->y0 * m->yy + m->y0, d = u->y1 * m->yy + m->y0;

      reach = u->reach * map->s + 2;
      if (MIN (a, b) > -INK_FAR / 2 && MAX (a, b) < INK_FAR / 2 && MIN (c, d) > -INK_FAR / 2 &&
          MAX (c, d) < INK_FAR / 2 && reach < INK_FAR / 2)
        return (Ink) { (float) a, (float) c, (float) b, (float) d, (float) reach, 0 };
      reach = 0;
    }
  if (u->reach >= 0)
    {
      double ax = u->x0, ay = u->y0, bx = u->x1, by = u->y1;

      if (map->upright)
        {
          ax = ax * m->xx + m->x0, bx = bx * m->xx + m->x0;
          ay = ay * m->yy + m->y0, by = by * m->yy + m->y0;
        }
      else
        {
          cairo_matrix_transform_point (m, &ax, &ay);
          cairo_matrix_transform_point (m, &bx, &by);
        }
      reach = u->reach * map->s + 2;
      /* A segment within reach of a picture: as it is; else its box,
       * whose part in a picture stays where it was. */
      if (fabs (ax) < INK_FAR / 2 && fabs (ay) < INK_FAR / 2 && fabs (bx) < INK_FAR / 2 &&
          fabs (by) < INK_FAR / 2 && reach < INK_FAR / 2)
        return (Ink) { (float) ax, (float) ay, (float) bx, (float) by, (float) reach, 0 };
      xs[0] = ax, ys[0] = ay, xs[1] = bx, ys[1] = by;
      n = 2;
    }
  else if (map->upright)
    {
      xs[0] = u->x0 * m->xx + m->x0, xs[1] = u->x1 * m->xx + m->x0;
      ys[0] = u->y0 * m->yy + m->y0, ys[1] = u->y1 * m->yy + m->y0;
      n = 2;
    }
  else
    {
      xs[0] = u->x0, ys[0] = u->y0, xs[1] = u->x1, ys[1] = u->y0;
      xs[2] = u->x0, ys[2] = u->y1, xs[3] = u->x1, ys[3] = u->y1;
      for (int k = 0; k < 4; k++)
        cairo_matrix_transform_point (m, &xs[k], &ys[k]);
      n = 4;
    }
  lx = hx = xs[0], ly = hy = ys[0];
  for (int k = 1; k < n; k++)
    {
      lx = MIN (lx, xs[k]), hx = MAX (hx, xs[k]);
      ly = MIN (ly, ys[k]), hy = MAX (hy, ys[k]);
    }
  return (Ink) { ink_coordinate (lx - reach - 2), ink_coordinate (ly - reach - 2),
                 ink_coordinate (hx + reach + 2), ink_coordinate (hy + reach + 2), -1, 0 };
}

static inline FlexoInk
ink_of_rect (const FlexoRect *r)
{
  return flexo_ink_box (r->x, r->y, r->x + r->width, r->y + r->height);
}

/* Where @item is drawn at @scale, in the pixels @to_px maps user space
 * to: what draw_items() records of it. */
static Ink
item_ink (FlexoPainter         *self,
          gpointer              item,
          double                scale,
          const cairo_matrix_t *to_px)
{
  FlexoInk ink;
  InkMap map;
  FlexoRect r;

  if ((FLEXO_IS_SHAPE (item) && flexo_painter_lod_shape (NULL, NULL, item, scale, &ink)) ||
      (FLEXO_IS_CONNECTOR (item) && flexo_painter_lod_connector (NULL, NULL, item, scale, &ink)))
    ;
  else if (flexo_painter_get_item_extents (self, item, &r))
    ink = ink_of_rect (&r);
  else
    return INK_NOWHERE;
  ink_map_init (&map, to_px);
  return ink_to_pixels (&ink, &map);
}

/* Layouts are made for this context: let it know the target (its
 * transformation and font options) before the first is shown. */
static inline void
update_context (FlexoPainter *self,
                cairo_t      *cr,
                gboolean     *updated)
{
  if (cr != NULL && !*updated)
    pango_cairo_update_context (cr, self->context);
  *updated = TRUE;
}

/* Draws @items[@first, @end), bottom first. Where each was drawn goes
 * into @ink[i] unless NULL, in the pixels @to_px maps user space to, with
 * the batches it went in. With @groups, the batches of the level of
 * detail are drawn where @groups changes too, as they were when the
 * items were drawn among others (a redraw of a part). */
static void
draw_items (FlexoPainter         *self,
            FlexoPaint           *paint,
            GPtrArray            *items,
            guint                 first,
            guint                 end,
            double                scale,
            Ink                  *ink,
            const cairo_matrix_t *to_px,
            const guint32        *groups)
{
  FlexoLod lod = { .n_batches = 0, .pool = self->lod_pool };
  cairo_t *cr = paint->cr;
  gboolean context_updated = FALSE;
  InkMap map;

  if (ink != NULL)
    ink_map_init (&map, to_px);
  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
    }
  for (guint i = first; i < end && i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      FlexoInk u;
      FlexoRect r;

      if (cr != NULL && groups != NULL && i > first && groups[i] != groups[i - 1])
        flexo_painter_lod_flush (&lod, cr);
      /* Small items go into batches, drawn before the next detailed item
       * so that the stacking order holds (on cairo only: SVG is drawn
       * in full). */
      if (FLEXO_IS_SHAPE (item))
        {
          if (cr != NULL && flexo_painter_lod_shape (&lod, cr, item, scale, ink != NULL ? &u : NULL))
            goto batched;
          if (cr != NULL)
            flexo_painter_lod_flush (&lod, cr);
          update_context (self, cr, &context_updated);
          draw_shape (self, paint, item, scale);
        }
      else if (FLEXO_IS_CONNECTOR (item))
        {
          if (cr != NULL && flexo_painter_lod_connector (&lod, cr, item, scale, ink != NULL ? &u : NULL))
            goto batched;
          if (cr != NULL)
            flexo_painter_lod_flush (&lod, cr);
          update_context (self, cr, &context_updated);
          draw_connector (self, paint, item, scale);
        }
      if (ink != NULL)
        {
          if (flexo_painter_get_item_extents (self, item, &r))
            {
              u = ink_of_rect (&r);
              ink[i] = ink_to_pixels (&u, &map);
            }
          else
            ink[i] = INK_NOWHERE;
          ink[i].group = lod.n_flushes;
        }
      continue;
    batched:
      if (ink != NULL)
        {
          ink[i] = ink_to_pixels (&u, &map);
          ink[i].group = lod.n_flushes;
        }
    }
  if (cr != NULL)
    {
      flexo_painter_lod_flush (&lod, cr);
      cairo_restore (cr);
    }
}

static gboolean
same_far_key (const FarKey *a,
              const FarKey *b)
{
  return a->diagram == b->diagram && a->revision == b->revision &&
         memcmp (&a->matrix, &b->matrix, sizeof a->matrix) == 0 &&
         a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height &&
         memcmp (&a->area, &b->area, sizeof a->area) == 0 && a->scale == b->scale &&
         a->background == b->background;
}

/* The key of a picture of this view: FALSE when the target is not one a
 * picture serves (scaled devices, huge clips). */
static gboolean
far_key_for (FlexoPainter    *self,
             cairo_t         *cr,
             FlexoDiagram    *diagram,
             const FlexoRect *area,
             double           scale,
             FarKey          *key)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  double sx = 1, sy = 1, x1, y1, x2, y2;

  cairo_surface_get_device_scale (target, &sx, &sy);
  if (sx != 1 || sy != 1)
    return FALSE;
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  cairo_restore (cr);
  if (!(x2 > x1 && y2 > y1) || (x2 - x1) * (y2 - y1) > 16e6 || fabs (x1) > 1e7 || fabs (y1) > 1e7)
    return FALSE;

  memset (key, 0, sizeof *key);
  key->diagram = diagram;
  key->revision = flexo_model_get_revision ();
  cairo_get_matrix (cr, &key->matrix);
  key->x = (int) floor (x1);
  key->y = (int) floor (y1);
  key->width = (int) ceil (x2) - key->x;
  key->height = (int) ceil (y2) - key->y;
  key->area = *area;
  key->scale = scale;
  key->background = self->background;
  return TRUE;
}

/* A cairo_t on the picture, in the user space of its view. */
static cairo_t *
far_context (FlexoPainter *self)
{
  cairo_t *cr = cairo_create (self->far);

  cairo_translate (cr, -self->far_key.x, -self->far_key.y);
  cairo_transform (cr, &self->far_key.matrix);
  return cr;
}

/* The index in far_items of @item, or -1. The picture's items are bottom
 * first, as the diagram lists them now (its list has not changed). */
static int
far_index_of (FlexoPainter *self,
              FlexoDiagram *diagram,
              gpointer      item)
{
  GPtrArray *items = self->far_items;
  int z = flexo_diagram_get_item_position (diagram, item);
  guint lo = 0, hi = items->len;

  if (z < 0)
    return -1;
  if ((guint) z < items->len && g_ptr_array_index (items, z) == item)
    return z;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int zm = flexo_diagram_get_item_position (diagram, g_ptr_array_index (items, mid));

      if (zm == z)
        return (int) mid;
      if (zm < z)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

typedef struct
{
  FlexoPainter  *painter;
  FlexoDiagram  *diagram;
  FlexoDocument *document;
  GArray        *changed;  /* int: indexes in far_items */
  gboolean      unknown;  /* a change a picture cannot follow */
} FarChanges;

static gboolean
far_add_changed (FarChanges *fc,
                 gpointer    item)
{
  int index = far_index_of (fc->painter, fc->diagram, item);

  if (index < 0)
    fc->unknown = TRUE;
  else
    g_array_append_val (fc->changed, index);
  return index >= 0;
}

/* The changes a picture can follow: fields of shapes and connectors its
 * document still has (looked up by id: the object at that address is
 * then that one). Anything else (a list, the model the shapes show,
 * another document, an object gone) may change anything. */
static gboolean
far_known_change_cb (gpointer object,
                     guint    id,
                     GType    type,
                     gboolean list,
                     gpointer user_data)
{
  FarChanges *fc = user_data;

  if (list || (type != FLEXO_TYPE_SHAPE && type != FLEXO_TYPE_CONNECTOR) ||
      flexo_document_lookup (fc->document, id) != object || G_OBJECT_TYPE (object) != type)
    fc->unknown = TRUE;
  return !fc->unknown;
}

/* A change of a shape redraws it and its connectors, whose ends follow
 * it; a change of a connector, itself. Only once every change is known
 * to be one of those: the list has not changed, so the picture's items
 * are all alive. */
static gboolean
far_change_cb (gpointer object,
               guint    id,
               GType    type,
               gboolean list,
               gpointer user_data)
{
  FarChanges *fc = user_data;

  if (far_add_changed (fc, object) && type == FLEXO_TYPE_SHAPE)
    {
      /* In the document, hence alive. */
      GPtrArray *connectors = flexo_shape_get_connectors (object);

      for (guint i = 0; connectors != NULL && i < connectors->len && !fc->unknown; i++)
        far_add_changed (fc, g_ptr_array_index (connectors, i));
    }
  if (fc->changed->len > FAR_VIEW_MAX_CHANGED)
    fc->unknown = TRUE;
  return !fc->unknown;
}

/* An Ink with the margin, in doubles: a box, or a segment whose pixels
 * are within reach of it; both with their bounds. */
typedef struct
{
  double   x0, y0, x1, y1;
  gboolean line;
  double   ax, ay, bx, by, reach;
} PixInk;

static inline gboolean
pix_ink (const Ink *ink,
         PixInk    *out)
{
  if (ink->reach < 0)
    {
      out->line = FALSE;
      out->x0 = (double) ink->x0 - FAR_VIEW_MARGIN;
      out->y0 = (double) ink->y0 - FAR_VIEW_MARGIN;
      out->x1 = (double) ink->x1 + FAR_VIEW_MARGIN;
      out->y1 = (double) ink->y1 + FAR_VIEW_MARGIN;
    }
  else
    {
      out->line = TRUE;
      out->ax = ink->x0;
      out->ay = ink->y0;
      out->bx = ink->x1;
      out->by = ink->y1;
      out->reach = (double) ink->reach + FAR_VIEW_MARGIN;
      out->x0 = MIN (out->ax, out->bx) - out->reach;
      out->y0 = MIN (out->ay, out->by) - out->reach;
      out->x1 = MAX (out->ax, out->bx) + out->reach;
      out->y1 = MAX (out->ay, out->by) + out->reach;
    }
  /* Nowhere (an empty box, or not numbers). */
  return out->x0 <= out->x1 && out->y0 <= out->y1;
}

/* Where @pi may set pixels of rows [@lo, @hi): FALSE when none. */
static gboolean
pix_ink_band (const PixInk *pi,
              double        lo,
              double        hi,
              double       *x0,
              double       *x1)
{
  double dy, t0 = 0, t1 = 1, xa, xb;

  if (pi->y1 < lo || pi->y0 >= hi)
    return FALSE;
  if (!pi->line)
    {
      *x0 = pi->x0;
      *x1 = pi->x1;
      return TRUE;
    }
  /* The piece of the segment within reach of the rows. */
  dy = pi->by - pi->ay;
  if (dy != 0)
    {
      double ta = (lo - pi->reach - pi->ay) / dy, tb = (hi + pi->reach - pi->ay) / dy;

      t0 = MAX (0, MIN (ta, tb));
      t1 = MIN (1, MAX (ta, tb));
      if (t0 > t1)
        return FALSE;
    }
  xa = pi->ax + t0 * (pi->bx - pi->ax);
  xb = pi->ax + t1 * (pi->bx - pi->ax);
  *x0 = MIN (xa, xb) - pi->reach;
  *x1 = MAX (xa, xb) + pi->reach;
  return TRUE;
}

/* The tiles of the picture that changed. */
typedef struct
{
  int     cols, rows;
  int     width, height;  /* pixels */
  guint8 *marked;         /* rows × cols */
  int    *sums;           /* (rows + 1) × (cols + 1): marked tiles above and left */
  int     n_marked;
} Damage;

static inline int
tile_of (double x,
         int    n)
{
  /* floor() without a call: the build does not assume SSE4.1. */
  if (!(x >= 0))
    return 0;
  if (x >= (double) n * FAR_VIEW_TILE)
    return n - 1;
  return (int) (x * (1.0 / FAR_VIEW_TILE));
}

/* The tiles @pi may set pixels of, at most: FALSE when none. */
static inline gboolean
damage_tiles (const Damage *d,
              const PixInk *pi,
              int          *tx0,
              int          *ty0,
              int          *tx1,
              int          *ty1)
{
  if (pi->x1 < 0 || pi->y1 < 0 || pi->x0 >= d->width || pi->y0 >= d->height)
    return FALSE;
  *tx0 = tile_of (pi->x0, d->cols);
  *ty0 = tile_of (pi->y0, d->rows);
  *tx1 = tile_of (pi->x1, d->cols);
  *ty1 = tile_of (pi->y1, d->rows);
  return TRUE;
}

/* The tiles of row @ty that @pi may set pixels of: FALSE when none. */
static gboolean
damage_row_span (const Damage *d,
                 const PixInk *pi,
                 int           ty,
                 int          *tx0,
                 int          *tx1)
{
  double x0, x1;

  if (!pix_ink_band (pi, (double) ty * FAR_VIEW_TILE, (double) (ty + 1) * FAR_VIEW_TILE, &x0, &x1) ||
      x1 < 0 || x0 >= d->width)
    return FALSE;
  *tx0 = tile_of (x0, d->cols);
  *tx1 = tile_of (x1, d->cols);
  return TRUE;
}

static void
damage_mark (Damage       *d,
             const PixInk *pi)
{
  int tx0, ty0, tx1, ty1;

  if (!damage_tiles (d, pi, &tx0, &ty0, &tx1, &ty1))
    return;
  for (int ty = ty0; ty <= ty1; ty++)
    if (damage_row_span (d, pi, ty, &tx0, &tx1))
      for (int tx = tx0; tx <= tx1; tx++)
        if (!d->marked[ty * d->cols + tx])
          {
            d->marked[ty * d->cols + tx] = 1;
            d->n_marked++;
          }
}

static void
damage_sum (Damage *d)
{
  int stride = d->cols + 1;

  memset (d->sums, 0, sizeof (int) * stride);
  for (int ty = 0; ty < d->rows; ty++)
    {
      int *sum = d->sums + (ty + 1) * stride;
      const int *above = sum - stride;
      int in_row = 0;

      sum[0] = 0;
      for (int tx = 0; tx < d->cols; tx++)
        {
          in_row += d->marked[ty * d->cols + tx];
          sum[tx + 1] = above[tx + 1] + in_row;
        }
    }
}

/* How many tiles of [tx0, tx1] × [ty0, ty1] changed. */
static inline int
damage_count (const Damage *d,
              int           tx0,
              int           ty0,
              int           tx1,
              int           ty1)
{
  int stride = d->cols + 1;

  return d->sums[(ty1 + 1) * stride + tx1 + 1] - d->sums[ty0 * stride + tx1 + 1] -
         d->sums[(ty1 + 1) * stride + tx0] + d->sums[ty0 * stride + tx0];
}

static gboolean
damage_meets (const Damage *d,
              const PixInk *pi)
{
  int tx0, ty0, tx1, ty1;

  if (!damage_tiles (d, pi, &tx0, &ty0, &tx1, &ty1) || damage_count (d, tx0, ty0, tx1, ty1) == 0)
    return FALSE;
  if (!pi->line)
    return TRUE;
  for (int ty = ty0; ty <= ty1; ty++)
    {
      int sx0, sx1;

      if (damage_row_span (d, pi, ty, &sx0, &sx1) && damage_count (d, sx0, ty, sx1, ty) > 0)
        return TRUE;
    }
  return FALSE;
}

/* The items of a picture by the tiles they may have set pixels of, made
 * when first needed: an update then looks at the items of its tiles, not
 * at all of them. Items drawn elsewhere since are listed apart. */
typedef struct _FarGrid
{
  guint  *start;   /* per tile, row by row, and one more: where its items begin */
  guint  *items;   /* indexes in far_items */
  GArray *moved;   /* guint: items whose ink changed since */
  gulong *wanted;  /* a bit per item, for an update */
} FarGrid;

/* More moved items than this: the grid is made again; more entries
 * than this (a quarter of a gigabyte): not at all. */
#define FAR_GRID_MAX_MOVED 4096
#define FAR_GRID_MAX_ENTRIES (G_GUINT64_CONSTANT (1) << 26)

static void
far_grid_free (FarGrid *grid)
{
  g_free (grid->start);
  g_free (grid->items);
  g_array_unref (grid->moved);
  g_free (grid->wanted);
  g_free (grid);
}

static FarGrid *
far_grid_new (FlexoPainter *self,
              const Damage *d)
{
  FarGrid *grid = g_new0 (FarGrid, 1);
  guint n_tiles = (guint) d->cols * (guint) d->rows, n = self->far_items->len;
  g_autofree guint *fill = g_new0 (guint, n_tiles + 1);
  guint64 total = 0;

  grid->start = g_new0 (guint, n_tiles + 1);
  grid->moved = g_array_new (FALSE, FALSE, sizeof (guint));
  grid->wanted = g_new0 (gulong, n / (8 * sizeof (gulong)) + 1);

  /* Counted, then filled. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint k = 0; k < n; k++)
        {
          PixInk pi;
          int tx0, ty0, tx1, ty1, sx0, sx1;

          if (!pix_ink (&self->far_ink[k], &pi) || !damage_tiles (d, &pi, &tx0, &ty0, &tx1, &ty1))
            continue;
          for (int ty = ty0; ty <= ty1; ty++)
            if (damage_row_span (d, &pi, ty, &sx0, &sx1))
              for (int tx = sx0; tx <= sx1; tx++)
                {
                  guint t = (guint) ty * d->cols + tx;

                  if (pass == 0)
                    grid->start[t + 1]++, total++;
                  else
                    grid->items[grid->start[t] + fill[t]++] = k;
                }
        }
      /* Items spread over too many tiles (lines with bends over the
       * whole picture): none. */
      if (pass == 0 && total > FAR_GRID_MAX_ENTRIES)
        {
          far_grid_free (grid);
          return NULL;
        }
      if (pass == 0)
        {
          for (guint t = 0; t < n_tiles; t++)
            grid->start[t + 1] += grid->start[t];
          grid->items = g_new (guint, MAX (grid->start[n_tiles], 1));
        }
    }
  return grid;
}

static inline void
far_grid_want (FarGrid *grid,
               guint    k)
{
  grid->wanted[k / (8 * sizeof (gulong))] |= 1UL << (k % (8 * sizeof (gulong)));
}

/* An item met on a row of tiles, and the pixels it may set there. */
typedef struct
{
  guint  index;  /* in far_items */
  double x0, x1;
} RowItem;

/* User space to the picture's pixels. */
static void
far_to_pixels (FlexoPainter   *self,
               cairo_matrix_t *to_px)
{
  *to_px = self->far_key.matrix;
  to_px->x0 -= self->far_key.x;
  to_px->y0 -= self->far_key.y;
}

/* Clears the pixels [@x0, @x1) × [@y0, @y1) of the picture and draws
 * there again @row's items that meet them. */
static void
far_redraw_run (FlexoPainter *self,
                GArray       *row,
                double        x0,
                double        y0,
                double        x1,
                double        y1,
                double        scale,
                GPtrArray    *redraw,
                GArray       *where,
                GArray       *ink,
                GArray       *groups)
{
  FlexoPaint paint = { 0 };
  cairo_matrix_t to_px;

  g_ptr_array_set_size (redraw, 0);
  g_array_set_size (where, 0);
  g_array_set_size (groups, 0);
  for (guint j = 0; j < row->len; j++)
    {
      const RowItem *it = &g_array_index (row, RowItem, j);

      if (it->x1 >= x0 && it->x0 < x1)
        {
          g_ptr_array_add (redraw, g_ptr_array_index (self->far_items, it->index));
          g_array_append_val (where, it->index);
          g_array_append_val (groups, self->far_ink[it->index].group);
        }
    }
  g_array_set_size (ink, redraw->len);
  far_to_pixels (self, &to_px);

  paint.cr = cairo_create (self->far);
  cairo_rectangle (paint.cr, x0, y0, x1 - x0, y1 - y0);
  cairo_clip (paint.cr);
  cairo_set_operator (paint.cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (paint.cr);
  cairo_set_operator (paint.cr, CAIRO_OPERATOR_OVER);
  cairo_translate (paint.cr, -self->far_key.x, -self->far_key.y);
  cairo_transform (paint.cr, &self->far_key.matrix);
  draw_items (self, &paint, redraw, 0, redraw->len, scale, (Ink *) (gpointer) ink->data, &to_px,
              (const guint32 *) (gconstpointer) groups->data);
  cairo_destroy (paint.cr);
  /* Where they are now, in the batches they were in. */
  for (guint j = 0; j < redraw->len; j++)
    {
      Ink *kept = &self->far_ink[g_array_index (where, guint, j)];
      guint32 group = kept->group;

      *kept = g_array_index (ink, Ink, j);
      kept->group = group;
    }
}

static void
free_row (gpointer row)
{
  if (row != NULL)
    g_array_unref (row);
}

/* Brings the picture up to date by redrawing the tiles where items
 * changed since it was drawn: FALSE, having changed nothing, when the
 * changes are not all known, not all of its items, or too many. */
static gboolean
far_update (FlexoPainter *self,
            FlexoDiagram *diagram,
            double        scale)
{
  const cairo_matrix_t *m = &self->far_key.matrix;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) redraw = g_ptr_array_new ();
  g_autoptr(GArray) where = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ink = g_array_new (FALSE, FALSE, sizeof (Ink));
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint32));
  cairo_matrix_t to_px;
  g_autofree guint8 *marked = NULL;
  g_autofree int *sums = NULL;
  FarChanges fc = { self, diagram, flexo_object_get_document (FLEXO_OBJECT (diagram)), changed, FALSE };
  FarGrid *grid;
  Damage d;

  /* A diagram out of a document changes without a revision. */
  if (self->far_items == NULL || self->far_ink == NULL || !flexo_object_is_live (FLEXO_OBJECT (diagram)) ||
      m->xy != 0 || m->yx != 0 || !(m->xx > 0) || !(m->yy > 0) ||
      !flexo_model_foreach_change_since (self->far_key.revision, far_known_change_cb, &fc) || fc.unknown ||
      !flexo_model_foreach_change_since (self->far_key.revision, far_change_cb, &fc) || fc.unknown)
    return FALSE;

  far_to_pixels (self, &to_px);
  d.width = self->far_key.width;
  d.height = self->far_key.height;
  d.cols = (d.width + FAR_VIEW_TILE - 1) / FAR_VIEW_TILE;
  d.rows = (d.height + FAR_VIEW_TILE - 1) / FAR_VIEW_TILE;
  d.marked = marked = g_new0 (guint8, (gsize) d.cols * d.rows);
  d.sums = sums = g_new (int, (gsize) (d.cols + 1) * (d.rows + 1));
  d.n_marked = 0;

  /* Where the changed items were, and where they are now; until drawn
   * again, they are met at both. */
  for (guint i = 0; i < changed->len; i++)
    {
      int index = g_array_index (changed, int, i);
      Ink *old = &self->far_ink[index];
      Ink now = item_ink (self, g_ptr_array_index (self->far_items, index), scale, &to_px);
      gboolean had = old->reach >= 0 || old->x0 <= old->x1;
      gboolean has = now.reach >= 0 || now.x0 <= now.x1;
      PixInk pi;

      if (pix_ink (old, &pi))
        damage_mark (&d, &pi);
      if (pix_ink (&now, &pi))
        damage_mark (&d, &pi);
      if (had && has)
        {
          float r = MAX (MAX (old->reach, now.reach), 0);

          *old = (Ink) { MIN (MIN (old->x0, old->x1), MIN (now.x0, now.x1)) - r,
                         MIN (MIN (old->y0, old->y1), MIN (now.y0, now.y1)) - r,
                         MAX (MAX (old->x0, old->x1), MAX (now.x0, now.x1)) + r,
                         MAX (MAX (old->y0, old->y1), MAX (now.y0, now.y1)) + r, -1, old->group };
        }
      else if (has)
        *old = (Ink) { now.x0, now.y0, now.x1, now.y1, now.reach, old->group };
    }
  if (d.n_marked * 4 > d.cols * d.rows)
    return FALSE;
  damage_sum (&d);

  /* The items that may have set pixels of the changed tiles, bottom
   * first, on each row of tiles they meet. */
  rows = g_ptr_array_new_with_free_func (free_row);
  for (int ty = 0; ty < d.rows; ty++)
    g_ptr_array_add (rows, damage_count (&d, 0, ty, d.cols - 1, ty) > 0 ?
                     g_array_new (FALSE, FALSE, sizeof (RowItem)) : NULL);
  if (self->far_grid == NULL)
    self->far_grid = far_grid_new (self, &d);
  grid = self->far_grid;
  if (grid == NULL)
    return FALSE;
  for (guint t = 0; t < (guint) d.cols * d.rows; t++)
    if (d.marked[t])
      for (guint j = grid->start[t]; j < grid->start[t + 1]; j++)
        far_grid_want (grid, grid->items[j]);
  for (guint j = 0; j < grid->moved->len; j++)
    far_grid_want (grid, g_array_index (grid->moved, guint, j));
  for (guint j = 0; j < changed->len; j++)
    far_grid_want (grid, (guint) g_array_index (changed, int, j));
  for (guint w = 0; w <= self->far_items->len / (8 * sizeof (gulong)); w++)
    {
      gint bit = -1;

      while (grid->wanted[w] != 0 && (bit = g_bit_nth_lsf (grid->wanted[w], bit)) >= 0)
        {
          guint k = w * 8 * sizeof (gulong) + (guint) bit;
          PixInk pi;
          int tx0, ty0, tx1, ty1;

          if (!pix_ink (&self->far_ink[k], &pi) || !damage_meets (&d, &pi))
            continue;
          damage_tiles (&d, &pi, &tx0, &ty0, &tx1, &ty1);
          for (int ty = ty0; ty <= ty1; ty++)
            {
              RowItem it = { k, 0, 0 };

              if (g_ptr_array_index (rows, ty) != NULL &&
                  pix_ink_band (&pi, (double) ty * FAR_VIEW_TILE, (double) (ty + 1) * FAR_VIEW_TILE, &it.x0, &it.x1))
                g_array_append_val (g_ptr_array_index (rows, ty), it);
            }
        }
      grid->wanted[w] = 0;
    }

  /* Each run of changed tiles in a row cleared and drawn again. */
  for (int ty = 0; ty < d.rows; ty++)
    for (int tx = 0; g_ptr_array_index (rows, ty) != NULL && tx < d.cols;)
      {
        int end = tx;

        if (!d.marked[ty * d.cols + tx])
          {
            tx++;
            continue;
          }
        while (end < d.cols && d.marked[ty * d.cols + end])
          end++;
        far_redraw_run (self, g_ptr_array_index (rows, ty),
                        (double) tx * FAR_VIEW_TILE, (double) ty * FAR_VIEW_TILE,
                        MIN ((double) end * FAR_VIEW_TILE, d.width),
                        MIN ((double) (ty + 1) * FAR_VIEW_TILE, d.height),
                        scale, redraw, where, ink, groups);
        tx = end;
      }
  cairo_surface_flush (self->far);
  self->far_key.revision = flexo_model_get_revision ();
  self->far_partial++;

  /* The changed items are now drawn where the grid may not have them. */
  for (guint j = 0; j < changed->len; j++)
    {
      guint k = (guint) g_array_index (changed, int, j);

      g_array_append_val (grid->moved, k);
    }
  if (grid->moved->len > FAR_GRID_MAX_MOVED)
    g_clear_pointer (&self->far_grid, far_grid_free);
  return TRUE;
}

void
flexo_painter_get_far_counts (FlexoPainter *self,
                              guint        *whole,
                              guint        *partial)
{
  g_return_if_fail (self != NULL);

  if (whole != NULL)
    *whole = self->far_whole;
  if (partial != NULL)
    *partial = self->far_partial;
}

/* Paints the picture of the view. */
static void
far_paint (FlexoPainter *self,
           cairo_t      *cr)
{
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, self->far, self->far_key.x, self->far_key.y);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* Paints this view from its picture, brought up to date: FALSE, having
 * painted nothing, when there is none or it cannot be. */
static gboolean
far_repaint (FlexoPainter    *self,
             cairo_t         *cr,
             FlexoDiagram    *diagram,
             const FlexoRect *area,
             double           scale)
{
  FarKey key;

  if (self->far == NULL || self->far_diagram != diagram || self->far_key.diagram != diagram ||
      !far_key_for (self, cr, diagram, area, scale, &key))
    return FALSE;
  key.revision = self->far_key.revision;
  if (!same_far_key (&key, &self->far_key))
    return FALSE;
  if (self->far_key.revision != flexo_model_get_revision () && !far_update (self, diagram, scale))
    {
      /* Drawn again whole, or not kept. */
      self->far_key.diagram = NULL;
      return FALSE;
    }
  far_paint (self, cr);
  return TRUE;
}

/* Draws @items as the picture of this view, and paints it: FALSE, having
 * painted nothing, when the target is not one a picture serves. Keeps
 * @items. */
static gboolean
far_draw (FlexoPainter    *self,
          cairo_t         *cr,
          FlexoDiagram    *diagram,
          const FlexoRect *area,
          double           scale,
          GPtrArray       *items)
{
  FarKey key;
  FlexoPaint paint;
  cairo_matrix_t to_px;

  if (!far_key_for (self, cr, diagram, area, scale, &key))
    return FALSE;

  self->far_key.diagram = NULL;
  if (self->far != NULL && (cairo_image_surface_get_width (self->far) != key.width ||
                            cairo_image_surface_get_height (self->far) != key.height))
    g_clear_pointer (&self->far, cairo_surface_destroy);
  if (self->far == NULL)
    {
      self->far = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, key.width, key.height);
      if (cairo_surface_status (self->far) != CAIRO_STATUS_SUCCESS)
        {
          g_clear_pointer (&self->far, cairo_surface_destroy);
          return FALSE;
        }
    }
  self->far_key = key;
  g_set_weak_pointer (&self->far_diagram, diagram);
  g_clear_pointer (&self->far_items, g_ptr_array_unref);
  g_clear_pointer (&self->far_grid, far_grid_free);
  self->far_items = g_ptr_array_ref (items);
  self->far_ink = g_renew (Ink, self->far_ink, MAX (items->len, 1));

  paint = (FlexoPaint) { .cr = far_context (self) };
  cairo_save (paint.cr);
  cairo_identity_matrix (paint.cr);
  cairo_set_operator (paint.cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (paint.cr);
  cairo_restore (paint.cr);
  far_to_pixels (self, &to_px);
  draw_items (self, &paint, items, 0, items->len, scale, self->far_ink, &to_px, NULL);
  cairo_destroy (paint.cr);
  cairo_surface_flush (self->far);
  self->far_whole++;

  far_paint (self, cr);
  return TRUE;
}

void
flexo_painter_draw (FlexoPainter    *self,
                    cairo_t         *cr,
                    FlexoDiagram    *diagram,
                    const FlexoRect *area,
                    double           scale)
{
  g_autoptr(GPtrArray) items = NULL;
  FlexoPaint paint = { .cr = cr };

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (FLEXO_IS_DIAGRAM (diagram));

  if (!(scale > 0))
    scale = 1;

  /* A far view of a large diagram: from its picture, redrawn where the
   * model changed since (the pointer, the selection, a panel, an edit). */
  if (area != NULL && far_repaint (self, cr, diagram, area, scale))
    return;
  items = collect_visible (self, diagram, area);
  if (area != NULL && items->len >= FAR_VIEW_MIN_ITEMS &&
      far_draw (self, cr, diagram, area, scale, items))
    return;
  draw_items (self, &paint, items, 0, items->len, scale, NULL, NULL, NULL);
}

/* SVG exports this large are drawn by two threads, each half of the
 * items with a painter of its own (pango's default font map is one per
 * thread), then put together in order. */
#define SVG_PARALLEL_MIN_ITEMS 2000

typedef struct
{
  GPtrArray  *items;
  guint       first;
  guint       end;
  FlexoColor  background;
  GString    *out;
} SvgPart;

static gpointer
draw_svg_part (gpointer data)
{
  SvgPart *part = data;
  g_autoptr(FlexoPainter) painter = flexo_painter_new ();
  FlexoPaint paint = { .svg = flexo_svg_writer_new_part (part->out, "k") };

  flexo_painter_set_caching (painter, FALSE);
  painter->background = part->background;
  draw_items (painter, &paint, part->items, part->first, part->end, G_MAXDOUBLE, NULL, NULL, NULL);
  flexo_svg_writer_finish_part (paint.svg);
  return NULL;
}

void
flexo_painter_draw_svg (FlexoPainter   *self,
                        FlexoSvgWriter *svg,
                        FlexoDiagram   *diagram)
{
  g_autoptr(GPtrArray) items = NULL;
  FlexoPaint paint = { .svg = svg };
  SvgPart part = { 0 };
  GThread *thread = NULL;
  guint split;

  g_return_if_fail (self != NULL);
  g_return_if_fail (svg != NULL);
  g_return_if_fail (FLEXO_IS_DIAGRAM (diagram));

  items = collect_visible (self, diagram, NULL);
  split = items->len;
  if (items->len >= SVG_PARALLEL_MIN_ITEMS && g_get_num_processors () > 1)
    {
      split = items->len / 2;
      part = (SvgPart) { items, split, items->len, self->background, g_string_sized_new (1024 * 1024) };
      thread = g_thread_try_new ("flexo-svg", draw_svg_part, &part, NULL);
      if (thread == NULL)
        {
          /* No thread: all of it here. */
          split = items->len;
          g_string_free (part.out, TRUE);
          part.out = NULL;
        }
    }
  draw_items (self, &paint, items, 0, split, G_MAXDOUBLE, NULL, NULL, NULL);
  if (thread != NULL)
    {
      g_thread_join (thread);
      flexo_svg_writer_append_part (svg, part.out);
      g_string_free (part.out, TRUE);
    }
}
