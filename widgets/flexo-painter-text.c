/* flexo-painter-text.c — the painter's text layouts, and their cache
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "flexo-painter-private.h"

static void
cached_layout_clear (CachedLayout *c)
{
  g_clear_object (&c->layout);
  g_clear_pointer (&c->text, g_free);
  g_clear_pointer (&c->font, pango_font_description_free);
}

void
flexo_painter_cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  for (guint i = 0; i < N_SLOTS; i++)
    cached_layout_clear (&entry->slots[i]);
  g_free (entry);
}

void
flexo_painter_object_finalized (gpointer  data,
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
/* Pango ellipsizes a paragraph cut by the height, but drops the lines of
 * the paragraphs beyond it without a sign: the last line shown then ends
 * with "…" (which pango ellipsizes in turn if it does not fit). */
static void
end_cut_lines (PangoLayout *layout,
               const char  *text)
{
  PangoLayoutLine *last;
  g_autoptr(GString) cut = NULL;
  gsize shown;

  if (pango_layout_is_ellipsized (layout) || pango_layout_get_line_count (layout) == 0)
    return;
  last = pango_layout_get_line_readonly (layout, pango_layout_get_line_count (layout) - 1);
  shown = (gsize) (last->start_index + last->length);
  if (shown >= strlen (text))
    return;
  cut = g_string_new_len (text, (gssize) shown);
  while (cut->len > 0 && g_ascii_isspace (cut->str[cut->len - 1]))
    g_string_truncate (cut, cut->len - 1);
  g_string_append (cut, "…");
  pango_layout_set_text (layout, cut->str, (int) cut->len);
}

PangoLayout *
flexo_painter_get_layout (FlexoPainter     *self,
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
      g_object_weak_ref (object, flexo_painter_object_finalized, self);
      g_hash_table_insert (self->cache, object, entry);
    }

  c = &entry->slots[slot];
  if (c->layout != NULL && c->width == w && c->height == h && c->align == align &&
      c->underline == (style->underline != 0) && g_strcmp0 (c->text, text) == 0 &&
      pango_font_description_equal (c->font, font))
    return c->layout;

  if (c->layout == NULL)
    {
      c->layout = pango_layout_new (self->context);
      pango_layout_set_wrap (c->layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_font_description (c->layout, font);
  pango_layout_set_text (c->layout, text, -1);
  pango_layout_set_width (c->layout, w);
  pango_layout_set_height (c->layout, h);
  pango_layout_set_ellipsize (c->layout, h > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (c->layout, align);
  if (style->underline)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE));
      pango_layout_set_attributes (c->layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    pango_layout_set_attributes (c->layout, NULL);
  if (h > 0)
    end_cut_lines (c->layout, text);

  g_free (c->text);
  c->text = g_strdup (text);
  g_clear_pointer (&c->font, pango_font_description_free);
  c->font = g_steal_pointer (&font);
  c->width = w;
  c->height = h;
  c->align = align;
  c->underline = style->underline != 0;
  return c->layout;
}

void
flexo_painter_layout_size (PangoLayout *layout,
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

void
flexo_painter_show_layout (FlexoPaint      *paint,
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

double
flexo_painter_text_height (FlexoPainter     *self,
                           gpointer          object,
                           guint             slot,
                           const char       *text,
                           const FlexoStyle *style,
                           gboolean          bold,
                           double            width,
                           double            max_height,
                           PangoAlignment    align)
{
  PangoLayout *layout;
  double h;

  if (text == NULL || *text == '\0')
    return 0;
  layout = flexo_painter_get_layout (self, object, slot, text, style, bold, width, max_height, align);
  flexo_painter_layout_size (layout, NULL, &h);
  return h;
}

