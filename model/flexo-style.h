/* flexo-style.h — graphical attributes, as overrides or resolved
 *
 * A FlexoStyle holds any subset of the graphical attributes: the `set` mask
 * says which ones. A shape's own style holds its overrides; a concept's or a
 * relation's holds its graphical representation; the document theme holds
 * all of them. Resolving a style merges these, most specific first
 * (DESIGN.md §2, principle 5).
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "flexo-types.h"

G_BEGIN_DECLS

typedef enum
{
  FLEXO_STYLE_SHAPE_KIND    = 1 << 0,
  FLEXO_STYLE_FILL          = 1 << 1,
  FLEXO_STYLE_STROKE        = 1 << 2,
  FLEXO_STYLE_STROKE_WIDTH  = 1 << 3,
  FLEXO_STYLE_DASH          = 1 << 4,
  FLEXO_STYLE_CORNER_RADIUS = 1 << 5,
  FLEXO_STYLE_FONT_FAMILY   = 1 << 6,
  FLEXO_STYLE_FONT_SIZE     = 1 << 7,
  FLEXO_STYLE_FONT_WEIGHT   = 1 << 8,
  FLEXO_STYLE_FONT_STYLE    = 1 << 9,
  FLEXO_STYLE_TEXT_COLOR    = 1 << 10,
  FLEXO_STYLE_ALIGN         = 1 << 11,
  FLEXO_STYLE_ARROW_START   = 1 << 12,
  FLEXO_STYLE_ARROW_END     = 1 << 13,
  FLEXO_STYLE_ROUTING       = 1 << 14,
  FLEXO_STYLE_SHADOW        = 1 << 15,
  FLEXO_STYLE_OPACITY       = 1 << 16,
  FLEXO_STYLE_UNDERLINE     = 1 << 17,
  FLEXO_STYLE_ALL           = (1 << 18) - 1
} FlexoStyleField;

typedef struct _FlexoStyle FlexoStyle;

struct _FlexoStyle
{
  guint32         set;            /* FlexoStyleField bits */
  FlexoColor      fill;
  FlexoColor      stroke;
  FlexoColor      text_color;
  float           stroke_width;   /* ≥ 0 */
  float           corner_radius;  /* ≥ 0 */
  float           font_size;      /* points, > 0 */
  float           opacity;        /* 0…1 */
  const char     *font_family;    /* interned */
  guint16         font_weight;    /* 100…900 */
  guint8          shape_kind;     /* FlexoShapeKind */
  guint8          dash;           /* FlexoDash */
  guint8          font_style;     /* FlexoFontStyle */
  guint8          align;          /* FlexoAlign */
  guint8          arrow_start;    /* FlexoArrowHead */
  guint8          arrow_end;      /* FlexoArrowHead */
  guint8          routing;        /* FlexoRouting */
  guint8          shadow;         /* boolean */
  guint8          underline;      /* boolean: the text underlined */
};

#define FLEXO_TYPE_STYLE (flexo_style_get_type ())

GType              flexo_style_get_type       (void) G_GNUC_CONST;
FlexoStyle        *flexo_style_new            (void);
FlexoStyle        *flexo_style_copy           (const FlexoStyle *style);
void               flexo_style_free           (FlexoStyle       *style);
gboolean           flexo_style_equal          (const FlexoStyle *a,
                                               const FlexoStyle *b);
gboolean           flexo_style_is_empty       (const FlexoStyle *style);
/* A hash agreeing with flexo_style_equal() (font families are interned). */
guint              flexo_style_hash           (const FlexoStyle *style);
const FlexoStyle  *flexo_style_get_default    (void);
void               flexo_style_merge          (FlexoStyle       *style,
                                               const FlexoStyle *overrides);
void               flexo_style_unset          (FlexoStyle       *style,
                                               FlexoStyleField   fields);
gboolean           flexo_style_has            (const FlexoStyle *style,
                                               FlexoStyleField   field);

void flexo_style_set_shape_kind    (FlexoStyle *style, FlexoShapeKind kind);
void flexo_style_set_fill          (FlexoStyle *style, FlexoColor color);
void flexo_style_set_stroke        (FlexoStyle *style, FlexoColor color);
void flexo_style_set_stroke_width  (FlexoStyle *style, double width);
void flexo_style_set_dash          (FlexoStyle *style, FlexoDash dash);
void flexo_style_set_corner_radius (FlexoStyle *style, double radius);
void flexo_style_set_font_family   (FlexoStyle *style, const char *family);
void flexo_style_set_font_size     (FlexoStyle *style, double size);
void flexo_style_set_font_weight   (FlexoStyle *style, int weight);
void flexo_style_set_font_style    (FlexoStyle *style, FlexoFontStyle font_style);
void flexo_style_set_text_color    (FlexoStyle *style, FlexoColor color);
void flexo_style_set_align         (FlexoStyle *style, FlexoAlign align);
void flexo_style_set_arrow_start   (FlexoStyle *style, FlexoArrowHead head);
void flexo_style_set_arrow_end     (FlexoStyle *style, FlexoArrowHead head);
void flexo_style_set_routing       (FlexoStyle *style, FlexoRouting routing);
void flexo_style_set_shadow        (FlexoStyle *style, gboolean shadow);
void flexo_style_set_underline     (FlexoStyle *style, gboolean underline);
void flexo_style_set_opacity       (FlexoStyle *style, double opacity);

/* The attribute names used by files ("fill", "stroke-width", …), in the
 * canonical order; a visitor formats each set attribute as a string. */
typedef void (*FlexoStyleAttrFunc) (const char *name,
                                    const char *value,
                                    gpointer    user_data);

void        flexo_style_foreach_attribute (const FlexoStyle   *style,
                                           FlexoStyleAttrFunc  func,
                                           gpointer            user_data);
/* Sets one attribute from its file name and string value; FALSE with a
 * message in @error when the name is unknown or the value is invalid. */
gboolean    flexo_style_set_attribute     (FlexoStyle         *style,
                                           const char         *name,
                                           const char         *value,
                                           GError            **error);
gboolean    flexo_style_is_attribute_name (const char         *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlexoStyle, flexo_style_free)

G_END_DECLS
