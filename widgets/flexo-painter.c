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
        double th = flexo_painter_text_height (self, shape, SLOT_LABEL, sl->label, style, FALSE,
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
        th = flexo_painter_text_height (self, shape, SLOT_LABEL, sl->label, style, sl->bold, inner,
                                        MAX (b->height - 2 * pad, 1), sl->align);
        th = is_class ? MAX (th, style->font_size * 1.2) : th;
        sl->band = th > 0 ? MIN (th + 2 * pad, b->height) : 0;
        sl->text = FLEXO_RECT_INIT (b->x + pad, b->y + pad, inner, MAX (sl->band - 2 * pad, 0));
        if (is_class)
          {
            if (sl->values == NULL)
              sl->values = dup_class_values (shape);
            sl->body = 2 * pad + flexo_painter_text_height (self, shape, SLOT_BODY, sl->values, style, FALSE, inner,
                                                            MAX (b->height - sl->band - 2 * pad, 1), PANGO_ALIGN_LEFT);
          }
      }
      break;

    case FLEXO_SHAPE_PACKAGE:
      {
        /* The name at the top of the body, over the package's contents
         * (as UML, and Dia, show it), not in their middle. */
        double th;

        sl->text = inset_rect (label_area (sl->kind, b), pad, pad);
        th = flexo_painter_text_height (self, shape, SLOT_EXTRA, sl->label, style, sl->bold,
                                        MAX (sl->text.width, 1), 0, sl->align);
        /* A little more than measured: rounded, the last line would go.
         * A name the body cannot hold takes the whole box, as elsewhere. */
        if (th > 0 && th + 2 < sl->text.height)
          sl->text.height = th + 2;
        else if (th > 0)
          sl->text = inset_rect (*b, pad, pad);
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
             flexo_painter_text_height (self, shape, SLOT_EXTRA, sl->label, style, sl->bold, sl->text.width, 0,
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
  layout = flexo_painter_get_layout (self, shape, SLOT_BODY, sl->values, style, FALSE, area.width,
                                     area.height, PANGO_ALIGN_LEFT);
  flexo_painter_layout_size (layout, NULL, &h);
  area.height = MIN (h, area.height);
  clip = FLEXO_RECT_INIT (sl->box.x, sl->box.y + sl->band, sl->box.width,
                          MAX (sl->box.height - sl->band, 0));
  flexo_painter_show_layout (paint, layout, &area, &clip, style->text_color);
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
  flexo_outline_build (sl.kind, &sl.figure, style.corner_radius, flexo_shape_get_form (shape), outline);
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
          PangoLayout *layout = flexo_painter_get_layout (self, shape, SLOT_LABEL, sl.label, &style, sl.bold,
                                                          sl.text.width, sl.text.height, sl.align);

          flexo_painter_show_layout (paint, layout, &sl.text, &sl.box, style.text_color);
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

  label->layout = flexo_painter_get_layout (self, connector, position, label->text, style, FALSE,
                                            -1, -1, PANGO_ALIGN_CENTER);
  flexo_painter_layout_size (label->layout, &w, &h);
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
          flexo_painter_show_layout (paint, label.layout, &label.area, NULL, style.text_color);
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

  self->cache = g_hash_table_new_full (NULL, NULL, NULL, flexo_painter_cache_entry_free);
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
  g_clear_pointer (&self->scratch, flexo_painter_cache_entry_free);
  g_ptr_array_unref (self->lod_pool);
  g_object_unref (self->context);
  g_object_unref (self->font_map);
  flexo_painter_far_clear (self);
  g_free (self);
}

void
flexo_painter_set_caching (FlexoPainter *self,
                           gboolean      caching)
{
  g_return_if_fail (self != NULL);

  if (caching)
    g_clear_pointer (&self->scratch, flexo_painter_cache_entry_free);
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
          g_object_weak_unref (key, flexo_painter_object_finalized, self);
          g_hash_table_iter_remove (&iter);
        }
    }
  else if (g_hash_table_contains (self->cache, object))
    {
      g_object_weak_unref (object, flexo_painter_object_finalized, self);
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
  if (items->len > 1)
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
static inline FarInk
ink_to_pixels (const FlexoInk *u,
               const InkMap   *map)
{
  const cairo_matrix_t *m = &map->m;
  double xs[4], ys[4], lx, ly, hx, hy, reach = 0;
  int n;

  if (u->reach < 0 && !(u->x0 <= u->x1 && u->y0 <= u->y1))
    return FAR_INK_NOWHERE;
  /* Most: a box on an upright view, near the picture. */
  if (u->reach < 0 && map->upright)
    {
      double a = u->x0 * m->xx + m->x0, b = u->x1 * m->xx + m->x0;
      double c = u->y0 * m->yy + m->y0, d = u->y1 * m->yy + m->y0;

      lx = MIN (a, b), hx = MAX (a, b), ly = MIN (c, d), hy = MAX (c, d);
      if (lx > -INK_FAR / 2 && hx < INK_FAR / 2 && ly > -INK_FAR / 2 && hy < INK_FAR / 2)
        return (FarInk) { (float) (lx - 2), (float) (ly - 2), (float) (hx + 2), (float) (hy + 2), -1, 0 };
    }
  else if (map->upright)
    {
      double a = u->x0 * m->xx + m->x0, b = u->x1 * m->xx + m->x0;
      double c = u->y0 * m->yy + m->y0, d = u->y1 * m->yy + m->y0;

      reach = u->reach * map->s + 2;
      if (MIN (a, b) > -INK_FAR / 2 && MAX (a, b) < INK_FAR / 2 && MIN (c, d) > -INK_FAR / 2 &&
          MAX (c, d) < INK_FAR / 2 && reach < INK_FAR / 2)
        return (FarInk) { (float) a, (float) c, (float) b, (float) d, (float) reach, 0 };
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
        return (FarInk) { (float) ax, (float) ay, (float) bx, (float) by, (float) reach, 0 };
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
  return (FarInk) { ink_coordinate (lx - reach - 2), ink_coordinate (ly - reach - 2),
                 ink_coordinate (hx + reach + 2), ink_coordinate (hy + reach + 2), -1, 0 };
}

static inline FlexoInk
ink_of_rect (const FlexoRect *r)
{
  return flexo_ink_box (r->x, r->y, r->x + r->width, r->y + r->height);
}

FarInk
flexo_painter_item_ink (FlexoPainter         *self,
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
    return FAR_INK_NOWHERE;
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

void
flexo_painter_draw_items (FlexoPainter         *self,
                          FlexoPaint           *paint,
                          GPtrArray            *items,
                          guint                 first,
                          guint                 end,
                          double                scale,
                          FarInk                  *ink,
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
            ink[i] = FAR_INK_NOWHERE;
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
  if (area != NULL && flexo_painter_far_repaint (self, cr, diagram, area, scale))
    return;
  items = collect_visible (self, diagram, area);
  if (area != NULL && flexo_painter_far_draw (self, cr, diagram, area, scale, items))
    return;
  flexo_painter_draw_items (self, &paint, items, 0, items->len, scale, NULL, NULL, NULL);
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
  flexo_painter_draw_items (painter, &paint, part->items, part->first, part->end, G_MAXDOUBLE, NULL, NULL, NULL);
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
  flexo_painter_draw_items (self, &paint, items, 0, split, G_MAXDOUBLE, NULL, NULL, NULL);
  if (thread != NULL)
    {
      g_thread_join (thread);
      flexo_svg_writer_append_part (svg, part.out);
      g_string_free (part.out, TRUE);
    }
}
