/* flexo-svg-writer.c — SVG written as the painter draws
 *
 * Coordinates are written in the painter's units (with the translations
 * it asked for), to a hundredth; one group maps them to the page.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "flexo-svg-writer.h"

#define MAX_DASHES 8
/* SVG's default miter limit, as cairo's painter sets it */
#define SVG_MITER_LIMIT 4.0

typedef struct
{
  double            tx, ty;
  FlexoColor        color;       /* with the alpha it was set with */
  double            line_width;
  cairo_line_join_t join;
  cairo_line_cap_t  cap;
  double            miter;
  double            dashes[MAX_DASHES];
  int               n_dashes;
  guint             open_clips;  /* <g clip-path> opened since the save */
} State;

struct _FlexoSvgWriter
{
  GString  *out;
  GArray   *states;       /* of State; the last one is current */
  GString  *path;         /* path data of the current path */
  gboolean  has_point;
  double    x, y;         /* the current point, in user units */
  double    start_x, start_y;
  /* A fill waiting for a stroke of the same path, to make one element */
  GString  *pending_path;
  FlexoColor pending_color;
  gboolean  pending;
  guint     n_clips;
  guint     open_groups;
  char     *id_prefix;
};

static inline State *
state (FlexoSvgWriter *self)
{
  return &g_array_index (self->states, State, self->states->len - 1);
}

/* ----------------------------------------------------------- numbers -- */

/* @v to a hundredth, without trailing zeros: "12", "-0.5", "3.14". */
static void
append_number (GString *s,
               double   v)
{
  char buf[32];
  char *end = buf + sizeof buf, *p = end;
  long long n;
  gboolean negative;
  int frac;

  if (!isfinite (v) || fabs (v) > 1e15)
    v = 0;
  n = llround (v * 100);
  negative = n < 0;
  if (negative)
    n = -n;
  frac = (int) (n % 100);
  n /= 100;
  if (frac != 0)
    {
      if (frac % 10 != 0)
        *--p = (char) ('0' + frac % 10);
      *--p = (char) ('0' + frac / 10);
      *--p = '.';
    }
  do
    {
      *--p = (char) ('0' + n % 10);
      n /= 10;
    }
  while (n > 0);
  if (negative && (frac != 0 || p[0] != '0' || p + 1 != end))
    *--p = '-';
  g_string_append_len (s, p, end - p);
}

static void
append_point (GString *s,
              double   x,
              double   y)
{
  append_number (s, x);
  g_string_append_c (s, ' ');
  append_number (s, y);
}

static void
append_color (GString    *s,
              const char *name,
              FlexoColor  color)
{
  static const char hex[] = "0123456789abcdef";
  guint8 rgb[3] = { FLEXO_COLOR_RED (color), FLEXO_COLOR_GREEN (color), FLEXO_COLOR_BLUE (color) };

  g_string_append_c (s, ' ');
  g_string_append (s, name);
  g_string_append (s, "=\"#");
  for (guint i = 0; i < 3; i++)
    {
      g_string_append_c (s, hex[rgb[i] >> 4]);
      g_string_append_c (s, hex[rgb[i] & 15]);
    }
  g_string_append_c (s, '"');
  if (FLEXO_COLOR_ALPHA (color) < 0xff)
    {
      g_string_append_c (s, ' ');
      g_string_append (s, name);
      g_string_append (s, "-opacity=\"");
      append_number (s, FLEXO_COLOR_ALPHA (color) / 255.0);
      g_string_append_c (s, '"');
    }
}

/* Text and attribute values: the five XML specials escaped, the
 * characters XML 1.0 cannot hold dropped. */
static void
append_escaped (GString    *s,
                const char *text,
                gssize      len)
{
  const char *end = len < 0 ? text + strlen (text) : text + len;

  for (const char *p = text; p < end; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '&': g_string_append (s, "&amp;"); break;
        case '<': g_string_append (s, "&lt;"); break;
        case '>': g_string_append (s, "&gt;"); break;
        case '"': g_string_append (s, "&quot;"); break;
        case '\'': g_string_append (s, "&apos;"); break;
        default:
          if (c >= 0x20 || c == '\t')
            g_string_append_c (s, (char) c);
          else if (c == '\n' || c == '\r')
            g_string_append_c (s, ' ');
          break;
        }
    }
}

/* ---------------------------------------------------------- document -- */

static void flush_pending (FlexoSvgWriter *self);

FlexoSvgWriter *
flexo_svg_writer_new_part (GString    *out,
                           const char *id_prefix)
{
  FlexoSvgWriter *self = g_new0 (FlexoSvgWriter, 1);
  State initial = {
    .color = FLEXO_COLOR_RGBA (0, 0, 0, 0xff),
    .line_width = 2,
    .join = CAIRO_LINE_JOIN_MITER,
    .cap = CAIRO_LINE_CAP_BUTT,
    .miter = 10,
  };

  g_return_val_if_fail (out != NULL, NULL);
  g_return_val_if_fail (id_prefix != NULL, NULL);

  self->out = out;
  self->states = g_array_new (FALSE, FALSE, sizeof (State));
  g_array_append_val (self->states, initial);
  self->path = g_string_sized_new (256);
  self->pending_path = g_string_sized_new (256);
  self->id_prefix = g_strdup (id_prefix);
  return self;
}

void
flexo_svg_writer_finish_part (FlexoSvgWriter *self)
{
  g_return_if_fail (self != NULL);

  flush_pending (self);
  while (self->states->len > 1)
    flexo_svg_writer_restore (self);
  for (guint i = 0; i < state (self)->open_clips + self->open_groups; i++)
    g_string_append (self->out, "</g>\n");

  g_array_unref (self->states);
  g_string_free (self->path, TRUE);
  g_string_free (self->pending_path, TRUE);
  g_free (self->id_prefix);
  g_free (self);
}

void
flexo_svg_writer_append_part (FlexoSvgWriter *self,
                              const GString  *part)
{
  flush_pending (self);
  g_string_append_len (self->out, part->str, part->len);
}

FlexoSvgWriter *
flexo_svg_writer_new (GString          *out,
                      double            width,
                      double            height,
                      double            scale,
                      double            dx,
                      double            dy,
                      const FlexoColor *background,
                      const char       *title)
{
  FlexoSvgWriter *self;

  g_return_val_if_fail (out != NULL, NULL);

  self = flexo_svg_writer_new_part (out, "c");
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
  append_number (out, width);
  g_string_append (out, "pt\" height=\"");
  append_number (out, height);
  g_string_append (out, "pt\" viewBox=\"0 0 ");
  append_point (out, width, height);
  g_string_append (out, "\">\n");
  if (title != NULL && *title != '\0')
    {
      g_string_append (out, "<title>");
      append_escaped (out, title, -1);
      g_string_append (out, "</title>\n");
    }
  if (background != NULL && FLEXO_COLOR_ALPHA (*background) > 0)
    {
      g_string_append (out, "<rect width=\"100%\" height=\"100%\"");
      append_color (out, "fill", *background);
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "<g transform=\"matrix(");
  append_number (out, scale);
  g_string_append (out, " 0 0 ");
  append_number (out, scale);
  g_string_append_c (out, ' ');
  append_point (out, dx, dy);
  g_string_append (out, ")\">\n");
  return self;
}

void
flexo_svg_writer_finish (FlexoSvgWriter *self)
{
  GString *out;

  g_return_if_fail (self != NULL);

  out = self->out;
  flexo_svg_writer_finish_part (self);
  g_string_append (out, "</g>\n</svg>\n");
}

/* ------------------------------------------------------------- state -- */

void
flexo_svg_writer_save (FlexoSvgWriter *self)
{
  State copy = *state (self);

  copy.open_clips = 0;
  g_array_append_val (self->states, copy);
}

void
flexo_svg_writer_restore (FlexoSvgWriter *self)
{
  if (self->states->len <= 1)
    {
      g_critical ("flexo_svg_writer_restore() without a save");
      return;
    }
  flush_pending (self);
  for (guint i = 0; i < state (self)->open_clips; i++)
    g_string_append (self->out, "</g>\n");
  g_array_set_size (self->states, self->states->len - 1);
}

void
flexo_svg_writer_translate (FlexoSvgWriter *self,
                            double          dx,
                            double          dy)
{
  state (self)->tx += dx;
  state (self)->ty += dy;
}

void
flexo_svg_writer_set_color (FlexoSvgWriter *self,
                            FlexoColor      color,
                            double          alpha)
{
  guint a = (guint) lround (CLAMP (FLEXO_COLOR_ALPHA (color) * alpha, 0, 255));

  state (self)->color = FLEXO_COLOR_RGBA (FLEXO_COLOR_RED (color), FLEXO_COLOR_GREEN (color),
                                          FLEXO_COLOR_BLUE (color), a);
}

void
flexo_svg_writer_set_line_width (FlexoSvgWriter *self,
                                 double          width)
{
  state (self)->line_width = width;
}

void
flexo_svg_writer_set_line_join (FlexoSvgWriter   *self,
                                cairo_line_join_t join)
{
  state (self)->join = join;
}

void
flexo_svg_writer_set_line_cap (FlexoSvgWriter  *self,
                               cairo_line_cap_t cap)
{
  state (self)->cap = cap;
}

void
flexo_svg_writer_set_miter_limit (FlexoSvgWriter *self,
                                  double          limit)
{
  state (self)->miter = limit;
}

void
flexo_svg_writer_set_dash (FlexoSvgWriter *self,
                           const double   *dashes,
                           int             n_dashes)
{
  State *s = state (self);

  s->n_dashes = dashes != NULL ? CLAMP (n_dashes, 0, MAX_DASHES) : 0;
  for (int i = 0; i < s->n_dashes; i++)
    s->dashes[i] = dashes[i];
}

/* -------------------------------------------------------------- path -- */

void
flexo_svg_writer_new_path (FlexoSvgWriter *self)
{
  g_string_truncate (self->path, 0);
  self->has_point = FALSE;
}

void
flexo_svg_writer_new_sub_path (FlexoSvgWriter *self)
{
  self->has_point = FALSE;
}

static void
path_command (FlexoSvgWriter *self,
              char            command,
              double          x,
              double          y)
{
  g_string_append_c (self->path, command);
  append_point (self->path, x + state (self)->tx, y + state (self)->ty);
  self->x = x;
  self->y = y;
  self->has_point = TRUE;
}

void
flexo_svg_writer_move_to (FlexoSvgWriter *self,
                          double          x,
                          double          y)
{
  path_command (self, 'M', x, y);
  self->start_x = x;
  self->start_y = y;
}

void
flexo_svg_writer_line_to (FlexoSvgWriter *self,
                          double          x,
                          double          y)
{
  if (!self->has_point)
    flexo_svg_writer_move_to (self, x, y);
  else
    path_command (self, 'L', x, y);
}

void
flexo_svg_writer_curve_to (FlexoSvgWriter *self,
                           double          x1,
                           double          y1,
                           double          x2,
                           double          y2,
                           double          x3,
                           double          y3)
{
  State *s = state (self);

  if (!self->has_point)
    flexo_svg_writer_move_to (self, x1, y1);
  g_string_append_c (self->path, 'C');
  append_point (self->path, x1 + s->tx, y1 + s->ty);
  g_string_append_c (self->path, ' ');
  append_point (self->path, x2 + s->tx, y2 + s->ty);
  g_string_append_c (self->path, ' ');
  append_point (self->path, x3 + s->tx, y3 + s->ty);
  self->x = x3;
  self->y = y3;
}

/* One SVG arc command to the point at @angle, less than a full turn. */
static void
arc_to (FlexoSvgWriter *self,
        double          xc,
        double          yc,
        double          radius,
        double          sweep,
        double          angle)
{
  double x = xc + radius * cos (angle), y = yc + radius * sin (angle);

  g_string_append_c (self->path, 'A');
  append_point (self->path, radius, radius);
  g_string_append (self->path, sweep > G_PI ? " 0 1 1 " : " 0 0 1 ");
  append_point (self->path, x + state (self)->tx, y + state (self)->ty);
  self->x = x;
  self->y = y;
}

void
flexo_svg_writer_arc (FlexoSvgWriter *self,
                      double          xc,
                      double          yc,
                      double          radius,
                      double          angle1,
                      double          angle2)
{
  double x = xc + radius * cos (angle1), y = yc + radius * sin (angle1);
  double sweep;

  while (angle2 < angle1)
    angle2 += 2 * G_PI;
  sweep = angle2 - angle1;

  if (self->has_point)
    flexo_svg_writer_line_to (self, x, y);
  else
    flexo_svg_writer_move_to (self, x, y);
  if (!(radius > 0) || !(sweep > 0))
    return;

  /* SVG cannot draw a full turn in one arc: halves. */
  while (sweep >= 2 * G_PI - 1e-9)
    {
      arc_to (self, xc, yc, radius, G_PI, angle1 + G_PI);
      arc_to (self, xc, yc, radius, G_PI, angle1 + 2 * G_PI);
      sweep -= 2 * G_PI;
    }
  if (sweep > 1e-9)
    arc_to (self, xc, yc, radius, sweep, angle2);
}

void
flexo_svg_writer_rectangle (FlexoSvgWriter *self,
                            double          x,
                            double          y,
                            double          width,
                            double          height)
{
  flexo_svg_writer_move_to (self, x, y);
  g_string_append_c (self->path, 'h');
  append_number (self->path, width);
  g_string_append_c (self->path, 'v');
  append_number (self->path, height);
  g_string_append_c (self->path, 'h');
  append_number (self->path, -width);
  g_string_append_c (self->path, 'Z');
}

void
flexo_svg_writer_close_path (FlexoSvgWriter *self)
{
  if (!self->has_point)
    return;
  g_string_append_c (self->path, 'Z');
  self->x = self->start_x;
  self->y = self->start_y;
}

/* ---------------------------------------------------------- painting -- */

static void
begin_path_element (FlexoSvgWriter *self,
                    const GString  *path)
{
  g_string_append (self->out, "<path d=\"");
  g_string_append_len (self->out, path->str, path->len);
  g_string_append_c (self->out, '"');
}

static void
flush_pending (FlexoSvgWriter *self)
{
  if (!self->pending)
    return;
  self->pending = FALSE;
  begin_path_element (self, self->pending_path);
  append_color (self->out, "fill", self->pending_color);
  g_string_append (self->out, "/>\n");
}

void
flexo_svg_writer_fill (FlexoSvgWriter *self,
                       gboolean        preserve)
{
  flush_pending (self);
  if (self->path->len > 0)
    {
      g_string_truncate (self->pending_path, 0);
      g_string_append_len (self->pending_path, self->path->str, self->path->len);
      self->pending_color = state (self)->color;
      self->pending = TRUE;
    }
  if (!preserve)
    flexo_svg_writer_new_path (self);
}

void
flexo_svg_writer_stroke (FlexoSvgWriter *self,
                         gboolean        preserve)
{
  static const char * const joins[] = { "miter", "round", "bevel" };
  static const char * const caps[] = { "butt", "round", "square" };
  State *s = state (self);

  if (self->path->len == 0)
    {
      flush_pending (self);
      return;
    }
  if (self->pending && self->pending_path->len == self->path->len &&
      memcmp (self->pending_path->str, self->path->str, self->path->len) == 0)
    {
      /* One element for the fill and the stroke of the same path. */
      self->pending = FALSE;
      begin_path_element (self, self->path);
      append_color (self->out, "fill", self->pending_color);
    }
  else
    {
      flush_pending (self);
      begin_path_element (self, self->path);
      g_string_append (self->out, " fill=\"none\"");
    }
  append_color (self->out, "stroke", s->color);
  g_string_append (self->out, " stroke-width=\"");
  append_number (self->out, s->line_width);
  g_string_append_c (self->out, '"');
  if (s->join != CAIRO_LINE_JOIN_MITER && (guint) s->join < G_N_ELEMENTS (joins))
    g_string_append_printf (self->out, " stroke-linejoin=\"%s\"", joins[s->join]);
  else if (s->join == CAIRO_LINE_JOIN_MITER && s->miter != SVG_MITER_LIMIT)
    {
      g_string_append (self->out, " stroke-miterlimit=\"");
      append_number (self->out, MAX (s->miter, 1));
      g_string_append_c (self->out, '"');
    }
  if (s->cap != CAIRO_LINE_CAP_BUTT && (guint) s->cap < G_N_ELEMENTS (caps))
    g_string_append_printf (self->out, " stroke-linecap=\"%s\"", caps[s->cap]);
  if (s->n_dashes > 0)
    {
      g_string_append (self->out, " stroke-dasharray=\"");
      for (int i = 0; i < s->n_dashes; i++)
        {
          if (i > 0)
            g_string_append_c (self->out, ' ');
          /* to a hundredth, but never 0: a zero dash is a dot */
          append_number (self->out, MAX (s->dashes[i], 0.01));
        }
      g_string_append_c (self->out, '"');
    }
  g_string_append (self->out, "/>\n");
  if (!preserve)
    flexo_svg_writer_new_path (self);
}

void
flexo_svg_writer_clip (FlexoSvgWriter *self)
{
  guint id = ++self->n_clips;

  flush_pending (self);
  g_string_append_printf (self->out, "<clipPath id=\"%s%u\">", self->id_prefix, id);
  begin_path_element (self, self->path);
  g_string_append_printf (self->out, "/></clipPath>\n<g clip-path=\"url(#%s%u)\">\n", self->id_prefix, id);
  state (self)->open_clips++;
  flexo_svg_writer_new_path (self);
}

void
flexo_svg_writer_begin_group (FlexoSvgWriter *self,
                              double          opacity)
{
  flush_pending (self);
  g_string_append (self->out, "<g opacity=\"");
  append_number (self->out, CLAMP (opacity, 0, 1));
  g_string_append (self->out, "\">\n");
  self->open_groups++;
}

void
flexo_svg_writer_end_group (FlexoSvgWriter *self)
{
  g_return_if_fail (self->open_groups > 0);

  flush_pending (self);
  g_string_append (self->out, "</g>\n");
  self->open_groups--;
}

/* -------------------------------------------------------------- text -- */

static void
append_font (GString                    *s,
             const PangoFontDescription *font,
             double                      size)
{
  const char *family = font != NULL ? pango_font_description_get_family (font) : NULL;
  PangoWeight weight = font != NULL ? pango_font_description_get_weight (font) : PANGO_WEIGHT_NORMAL;
  PangoStyle style = font != NULL ? pango_font_description_get_style (font) : PANGO_STYLE_NORMAL;
  /* Fontconfig's generic names as CSS's; any other family alone, as the
   * painter asked pango for it (a fallback after it would take precedence
   * over fontconfig's own substitutes). */
  static const struct { const char *name, *css; } generics[] = {
    { "sans", "sans-serif" }, { "serif", "serif" }, { "monospace", "monospace" },
  };

  if (family == NULL || *family == '\0')
    family = "Sans";
  for (guint i = 0; i < G_N_ELEMENTS (generics); i++)
    if (g_ascii_strcasecmp (family, generics[i].name) == 0)
      family = generics[i].css;
  g_string_append (s, " font-family=\"");
  for (const char *p = family; *p != '\0'; p++)
    if (*p != '\'' && *p != '"' && *p != '&' && *p != '<' && *p != '>' && (guchar) *p >= 0x20)
      g_string_append_c (s, *p);
  g_string_append (s, "\" font-size=\"");
  append_number (s, size);
  g_string_append_c (s, '"');
  if (weight != PANGO_WEIGHT_NORMAL)
    g_string_append_printf (s, " font-weight=\"%d\"", CLAMP ((int) weight, 100, 900));
  if (style == PANGO_STYLE_ITALIC)
    g_string_append (s, " font-style=\"italic\"");
  else if (style == PANGO_STYLE_OBLIQUE)
    g_string_append (s, " font-style=\"oblique\"");
}

/* The text of @line as shown: an ellipsized run as "…". */
static void
append_line_text (GString         *s,
                  const char      *text,
                  PangoLayoutLine *line)
{
  gboolean ellipsized = FALSE;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        ellipsized = TRUE;
    }
  if (!ellipsized)
    {
      append_escaped (s, text + line->start_index, line->length);
      return;
    }
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        g_string_append (s, "…");
      else
        append_escaped (s, text + run->item->offset, run->item->length);
    }
}

void
flexo_svg_writer_show_layout (FlexoSvgWriter *self,
                              PangoLayout    *layout)
{
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  const char *text = pango_layout_get_text (layout);
  State *s = state (self);
  double x0 = self->x + s->tx, y0 = self->y + s->ty;
  PangoLayoutIter *iter;

  flush_pending (self);
  if (text == NULL || *text == '\0')
    return;

  g_string_append (self->out, "<text xml:space=\"preserve\"");
  append_font (self->out, font,
               font != NULL ? (double) pango_font_description_get_size (font) / PANGO_SCALE : 10);
  append_color (self->out, "fill", s->color);
  /* The painter underlines a whole layout or none of it */
  {
    PangoAttrList *attrs = pango_layout_get_attributes (layout);
    PangoAttrIterator *it = attrs != NULL ? pango_attr_list_get_iterator (attrs) : NULL;
    PangoAttrInt *underline = it != NULL ? (PangoAttrInt *) pango_attr_iterator_get (it, PANGO_ATTR_UNDERLINE) : NULL;

    if (underline != NULL && underline->value != PANGO_UNDERLINE_NONE)
      g_string_append (self->out, " text-decoration=\"underline\"");
    g_clear_pointer (&it, pango_attr_iterator_destroy);
  }
  g_string_append_c (self->out, '>');

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double baseline;

      if (line == NULL || line->length == 0)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_string_append (self->out, "<tspan x=\"");
      append_number (self->out, x0 + (double) logical.x / PANGO_SCALE);
      g_string_append (self->out, "\" y=\"");
      append_number (self->out, y0 + baseline);
      g_string_append (self->out, "\">");
      append_line_text (self->out, text, line);
      g_string_append (self->out, "</tspan>");
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_string_append (self->out, "</text>\n");
}
