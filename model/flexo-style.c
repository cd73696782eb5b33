/* flexo-style.c — graphical attributes, as overrides or resolved
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "flexo-style.h"

G_DEFINE_BOXED_TYPE (FlexoStyle, flexo_style, flexo_style_copy, flexo_style_free)

FlexoStyle *
flexo_style_new (void)
{
  return g_new0 (FlexoStyle, 1);
}

FlexoStyle *
flexo_style_copy (const FlexoStyle *style)
{
  if (style == NULL)
    return NULL;

  return g_memdup2 (style, sizeof *style);
}

void
flexo_style_free (FlexoStyle *style)
{
  g_free (style);
}

guint
flexo_style_hash (const FlexoStyle *style)
{
  guint32 set;
  guint h;

  g_return_val_if_fail (style != NULL, 0);

  set = style->set;
  h = set;
  /* The fields that are set, as flexo_style_equal() compares them. */
#define MIX(flag, value) G_STMT_START { if (set & (flag)) h = h * 31 + (guint) (value); } G_STMT_END
  MIX (FLEXO_STYLE_SHAPE_KIND, style->shape_kind);
  MIX (FLEXO_STYLE_FILL, style->fill);
  MIX (FLEXO_STYLE_STROKE, style->stroke);
  MIX (FLEXO_STYLE_STROKE_WIDTH, style->stroke_width * 64);
  MIX (FLEXO_STYLE_DASH, style->dash);
  MIX (FLEXO_STYLE_CORNER_RADIUS, style->corner_radius * 64);
  MIX (FLEXO_STYLE_FONT_FAMILY, GPOINTER_TO_UINT (style->font_family));
  MIX (FLEXO_STYLE_FONT_SIZE, style->font_size * 64);
  MIX (FLEXO_STYLE_FONT_WEIGHT, style->font_weight);
  MIX (FLEXO_STYLE_FONT_STYLE, style->font_style);
  MIX (FLEXO_STYLE_TEXT_COLOR, style->text_color);
  MIX (FLEXO_STYLE_ALIGN, style->align);
  MIX (FLEXO_STYLE_ARROW_START, style->arrow_start);
  MIX (FLEXO_STYLE_ARROW_END, style->arrow_end);
  MIX (FLEXO_STYLE_ROUTING, style->routing);
  MIX (FLEXO_STYLE_SHADOW, style->shadow);
  MIX (FLEXO_STYLE_UNDERLINE, style->underline);
  MIX (FLEXO_STYLE_OPACITY, style->opacity * 1000);
#undef MIX
  return h;
}

gboolean
flexo_style_is_empty (const FlexoStyle *style)
{
  return style == NULL || style->set == 0;
}

gboolean
flexo_style_has (const FlexoStyle *style,
                 FlexoStyleField   field)
{
  return style != NULL && (style->set & field) == (guint32) field;
}

/* Two styles are equal when they set the same attributes to the same values;
 * values of attributes that are not set do not count. */
gboolean
flexo_style_equal (const FlexoStyle *a,
                   const FlexoStyle *b)
{
  guint32 set;

  if (flexo_style_is_empty (a) || flexo_style_is_empty (b))
    return flexo_style_is_empty (a) && flexo_style_is_empty (b);

  if (a->set != b->set)
    return FALSE;

  set = a->set;
#define SAME(flag, member) (!(set & (flag)) || a->member == b->member)
  return SAME (FLEXO_STYLE_SHAPE_KIND, shape_kind) &&
         SAME (FLEXO_STYLE_FILL, fill) &&
         SAME (FLEXO_STYLE_STROKE, stroke) &&
         SAME (FLEXO_STYLE_STROKE_WIDTH, stroke_width) &&
         SAME (FLEXO_STYLE_DASH, dash) &&
         SAME (FLEXO_STYLE_CORNER_RADIUS, corner_radius) &&
         SAME (FLEXO_STYLE_FONT_FAMILY, font_family) &&
         SAME (FLEXO_STYLE_FONT_SIZE, font_size) &&
         SAME (FLEXO_STYLE_FONT_WEIGHT, font_weight) &&
         SAME (FLEXO_STYLE_FONT_STYLE, font_style) &&
         SAME (FLEXO_STYLE_TEXT_COLOR, text_color) &&
         SAME (FLEXO_STYLE_ALIGN, align) &&
         SAME (FLEXO_STYLE_ARROW_START, arrow_start) &&
         SAME (FLEXO_STYLE_ARROW_END, arrow_end) &&
         SAME (FLEXO_STYLE_ROUTING, routing) &&
         SAME (FLEXO_STYLE_SHADOW, shadow) &&
         SAME (FLEXO_STYLE_UNDERLINE, underline) &&
         SAME (FLEXO_STYLE_OPACITY, opacity);
#undef SAME
}

/**
 * flexo_style_get_default:
 *
 * The built-in theme: every attribute set. Resolving a shape's style starts
 * from a copy of it.
 */
const FlexoStyle *
flexo_style_get_default (void)
{
  static FlexoStyle theme;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      theme.set = FLEXO_STYLE_ALL;
      theme.shape_kind = FLEXO_SHAPE_RECTANGLE;
      theme.fill = FLEXO_COLOR_RGBA (0xff, 0xff, 0xff, 0xff);
      theme.stroke = FLEXO_COLOR_RGBA (0x24, 0x1f, 0x31, 0xff);
      theme.text_color = FLEXO_COLOR_RGBA (0x24, 0x1f, 0x31, 0xff);
      theme.stroke_width = 1.5f;
      theme.corner_radius = 8.0f;
      theme.font_size = 11.0f;
      theme.opacity = 1.0f;
      theme.font_weight = 400;
      theme.dash = FLEXO_DASH_SOLID;
      theme.font_style = FLEXO_FONT_STYLE_NORMAL;
      theme.align = FLEXO_ALIGN_CENTER;
      theme.arrow_start = FLEXO_ARROW_NONE;
      theme.arrow_end = FLEXO_ARROW_FILLED;
      theme.routing = FLEXO_ROUTING_STRAIGHT;
      theme.shadow = FALSE;
      theme.underline = FALSE;
      theme.font_family = g_intern_static_string ("Sans");
      g_once_init_leave (&initialized, 1);
    }

  return &theme;
}

/* Copies every attribute that @overrides sets into @style. */
void
flexo_style_merge (FlexoStyle       *style,
                   const FlexoStyle *overrides)
{
  guint32 set;

  g_return_if_fail (style != NULL);

  if (flexo_style_is_empty (overrides))
    return;

  set = overrides->set;
#define TAKE(flag, member) if (set & (flag)) style->member = overrides->member
  TAKE (FLEXO_STYLE_SHAPE_KIND, shape_kind);
  TAKE (FLEXO_STYLE_FILL, fill);
  TAKE (FLEXO_STYLE_STROKE, stroke);
  TAKE (FLEXO_STYLE_STROKE_WIDTH, stroke_width);
  TAKE (FLEXO_STYLE_DASH, dash);
  TAKE (FLEXO_STYLE_CORNER_RADIUS, corner_radius);
  TAKE (FLEXO_STYLE_FONT_FAMILY, font_family);
  TAKE (FLEXO_STYLE_FONT_SIZE, font_size);
  TAKE (FLEXO_STYLE_FONT_WEIGHT, font_weight);
  TAKE (FLEXO_STYLE_FONT_STYLE, font_style);
  TAKE (FLEXO_STYLE_TEXT_COLOR, text_color);
  TAKE (FLEXO_STYLE_ALIGN, align);
  TAKE (FLEXO_STYLE_ARROW_START, arrow_start);
  TAKE (FLEXO_STYLE_ARROW_END, arrow_end);
  TAKE (FLEXO_STYLE_ROUTING, routing);
  TAKE (FLEXO_STYLE_SHADOW, shadow);
  TAKE (FLEXO_STYLE_UNDERLINE, underline);
  TAKE (FLEXO_STYLE_OPACITY, opacity);
#undef TAKE
  style->set |= set;
}

void
flexo_style_unset (FlexoStyle      *style,
                   FlexoStyleField  fields)
{
  g_return_if_fail (style != NULL);

  style->set &= ~(guint32) fields;
}

#define DEFINE_SETTER(what, Type, flag, member, expr) \
  void \
  flexo_style_set_##what (FlexoStyle *style, \
                          Type        value) \
  { \
    g_return_if_fail (style != NULL); \
    style->member = (expr); \
    style->set |= (flag); \
  }

DEFINE_SETTER (shape_kind, FlexoShapeKind, FLEXO_STYLE_SHAPE_KIND, shape_kind,
               (guint8) CLAMP ((int) value, 0, FLEXO_N_SHAPE_KINDS - 1))
DEFINE_SETTER (fill, FlexoColor, FLEXO_STYLE_FILL, fill, value)
DEFINE_SETTER (stroke, FlexoColor, FLEXO_STYLE_STROKE, stroke, value)
DEFINE_SETTER (stroke_width, double, FLEXO_STYLE_STROKE_WIDTH, stroke_width,
               (float) CLAMP (value, 0.0, 1000.0))
DEFINE_SETTER (dash, FlexoDash, FLEXO_STYLE_DASH, dash,
               (guint8) CLAMP ((int) value, 0, FLEXO_N_DASHES - 1))
DEFINE_SETTER (corner_radius, double, FLEXO_STYLE_CORNER_RADIUS, corner_radius,
               (float) CLAMP (value, 0.0, 10000.0))
DEFINE_SETTER (font_family, const char *, FLEXO_STYLE_FONT_FAMILY, font_family,
               g_intern_string (value != NULL && *value != '\0' ? value : "Sans"))
DEFINE_SETTER (font_size, double, FLEXO_STYLE_FONT_SIZE, font_size,
               (float) CLAMP (value, 1.0, 1000.0))
DEFINE_SETTER (font_weight, int, FLEXO_STYLE_FONT_WEIGHT, font_weight,
               (guint16) CLAMP (value, 100, 1000))
DEFINE_SETTER (font_style, FlexoFontStyle, FLEXO_STYLE_FONT_STYLE, font_style,
               (guint8) CLAMP ((int) value, 0, FLEXO_N_FONT_STYLES - 1))
DEFINE_SETTER (text_color, FlexoColor, FLEXO_STYLE_TEXT_COLOR, text_color, value)
DEFINE_SETTER (align, FlexoAlign, FLEXO_STYLE_ALIGN, align,
               (guint8) CLAMP ((int) value, 0, FLEXO_N_ALIGNS - 1))
DEFINE_SETTER (arrow_start, FlexoArrowHead, FLEXO_STYLE_ARROW_START, arrow_start,
               (guint8) CLAMP ((int) value, 0, FLEXO_N_ARROW_HEADS - 1))
DEFINE_SETTER (arrow_end, FlexoArrowHead, FLEXO_STYLE_ARROW_END, arrow_end,
               (guint8) CLAMP ((int) value, 0, FLEXO_N_ARROW_HEADS - 1))
DEFINE_SETTER (routing, FlexoRouting, FLEXO_STYLE_ROUTING, routing,
               (guint8) CLAMP ((int) value, 0, FLEXO_N_ROUTINGS - 1))
DEFINE_SETTER (shadow, gboolean, FLEXO_STYLE_SHADOW, shadow, value ? 1 : 0)
DEFINE_SETTER (underline, gboolean, FLEXO_STYLE_UNDERLINE, underline, value ? 1 : 0)
DEFINE_SETTER (opacity, double, FLEXO_STYLE_OPACITY, opacity,
               (float) CLAMP (value, 0.0, 1.0))

#undef DEFINE_SETTER

/* The file attribute names, in canonical order (the order of the fields). */
typedef enum
{
  KIND_ENUM,
  KIND_COLOR,
  KIND_NUMBER,
  KIND_STRING,
  KIND_WEIGHT,
  KIND_BOOLEAN,
} AttrKind;

typedef struct
{
  const char      *name;
  FlexoStyleField  field;
  AttrKind         kind;
} AttrInfo;

static const AttrInfo attributes[] = {
  { "shape", FLEXO_STYLE_SHAPE_KIND, KIND_ENUM },
  { "fill", FLEXO_STYLE_FILL, KIND_COLOR },
  { "stroke", FLEXO_STYLE_STROKE, KIND_COLOR },
  { "stroke-width", FLEXO_STYLE_STROKE_WIDTH, KIND_NUMBER },
  { "dash", FLEXO_STYLE_DASH, KIND_ENUM },
  { "corner-radius", FLEXO_STYLE_CORNER_RADIUS, KIND_NUMBER },
  { "font-family", FLEXO_STYLE_FONT_FAMILY, KIND_STRING },
  { "font-size", FLEXO_STYLE_FONT_SIZE, KIND_NUMBER },
  { "font-weight", FLEXO_STYLE_FONT_WEIGHT, KIND_WEIGHT },
  { "font-style", FLEXO_STYLE_FONT_STYLE, KIND_ENUM },
  { "text-color", FLEXO_STYLE_TEXT_COLOR, KIND_COLOR },
  { "align", FLEXO_STYLE_ALIGN, KIND_ENUM },
  { "arrow-start", FLEXO_STYLE_ARROW_START, KIND_ENUM },
  { "arrow-end", FLEXO_STYLE_ARROW_END, KIND_ENUM },
  { "routing", FLEXO_STYLE_ROUTING, KIND_ENUM },
  { "shadow", FLEXO_STYLE_SHADOW, KIND_BOOLEAN },
  { "underline", FLEXO_STYLE_UNDERLINE, KIND_BOOLEAN },
  { "opacity", FLEXO_STYLE_OPACITY, KIND_NUMBER },
};

static const AttrInfo *
find_attribute (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    if (strcmp (attributes[i].name, name) == 0)
      return &attributes[i];
  return NULL;
}

gboolean
flexo_style_is_attribute_name (const char *name)
{
  return name != NULL && find_attribute (name) != NULL;
}

void
flexo_style_foreach_attribute (const FlexoStyle   *style,
                               FlexoStyleAttrFunc  func,
                               gpointer            user_data)
{
  char buf[FLEXO_DTOSTR_BUF_SIZE];

  if (flexo_style_is_empty (style))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    {
      const AttrInfo *info = &attributes[i];
      const char *value = NULL;

      if (!(style->set & info->field))
        continue;

      switch (info->field)
        {
        case FLEXO_STYLE_SHAPE_KIND: value = flexo_shape_kind_to_string (style->shape_kind); break;
        case FLEXO_STYLE_FILL: value = flexo_color_to_string (style->fill, buf); break;
        case FLEXO_STYLE_STROKE: value = flexo_color_to_string (style->stroke, buf); break;
        case FLEXO_STYLE_STROKE_WIDTH: value = flexo_ftostr (buf, style->stroke_width); break;
        case FLEXO_STYLE_DASH: value = flexo_dash_to_string (style->dash); break;
        case FLEXO_STYLE_CORNER_RADIUS: value = flexo_ftostr (buf, style->corner_radius); break;
        case FLEXO_STYLE_FONT_FAMILY: value = style->font_family; break;
        case FLEXO_STYLE_FONT_SIZE: value = flexo_ftostr (buf, style->font_size); break;
        case FLEXO_STYLE_FONT_WEIGHT:
          g_snprintf (buf, sizeof buf, "%u", style->font_weight);
          value = buf;
          break;
        case FLEXO_STYLE_FONT_STYLE: value = flexo_font_style_to_string (style->font_style); break;
        case FLEXO_STYLE_TEXT_COLOR: value = flexo_color_to_string (style->text_color, buf); break;
        case FLEXO_STYLE_ALIGN: value = flexo_align_to_string (style->align); break;
        case FLEXO_STYLE_ARROW_START: value = flexo_arrow_head_to_string (style->arrow_start); break;
        case FLEXO_STYLE_ARROW_END: value = flexo_arrow_head_to_string (style->arrow_end); break;
        case FLEXO_STYLE_ROUTING: value = flexo_routing_to_string (style->routing); break;
        case FLEXO_STYLE_SHADOW: value = style->shadow ? "true" : "false"; break;
        case FLEXO_STYLE_UNDERLINE: value = style->underline ? "true" : "false"; break;
        case FLEXO_STYLE_OPACITY: value = flexo_ftostr (buf, style->opacity); break;
        default: g_assert_not_reached ();
        }

      func (info->name, value, user_data);
    }
}

static gboolean
parse_number (const char *value,
              double      min,
              double      max,
              double     *out)
{
  return flexo_strtod (value, out) && *out >= min && *out <= max;
}

gboolean
flexo_style_set_attribute (FlexoStyle  *style,
                           const char  *name,
                           const char  *value,
                           GError     **error)
{
  const AttrInfo *info;
  gboolean ok = FALSE;
  double number;
  FlexoColor color;

  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  info = find_attribute (name);
  if (info == NULL)
    {
      g_set_error (error, FLEXO_ERROR, FLEXO_ERROR_INVALID_VALUE,
                   _("unknown style attribute “%s”"), name);
      return FALSE;
    }

  if (value == NULL)
    value = "";

  switch (info->field)
    {
    case FLEXO_STYLE_SHAPE_KIND:
      {
        FlexoShapeKind v;
        if ((ok = flexo_shape_kind_from_string (value, &v)))
          flexo_style_set_shape_kind (style, v);
      }
      break;
    case FLEXO_STYLE_DASH:
      {
        FlexoDash v;
        if ((ok = flexo_dash_from_string (value, &v)))
          flexo_style_set_dash (style, v);
      }
      break;
    case FLEXO_STYLE_FONT_STYLE:
      {
        FlexoFontStyle v;
        if ((ok = flexo_font_style_from_string (value, &v)))
          flexo_style_set_font_style (style, v);
      }
      break;
    case FLEXO_STYLE_ALIGN:
      {
        FlexoAlign v;
        if ((ok = flexo_align_from_string (value, &v)))
          flexo_style_set_align (style, v);
      }
      break;
    case FLEXO_STYLE_ARROW_START:
    case FLEXO_STYLE_ARROW_END:
      {
        FlexoArrowHead v;
        if ((ok = flexo_arrow_head_from_string (value, &v)))
          {
            if (info->field == FLEXO_STYLE_ARROW_START)
              flexo_style_set_arrow_start (style, v);
            else
              flexo_style_set_arrow_end (style, v);
          }
      }
      break;
    case FLEXO_STYLE_ROUTING:
      {
        FlexoRouting v;
        if ((ok = flexo_routing_from_string (value, &v)))
          flexo_style_set_routing (style, v);
      }
      break;
    case FLEXO_STYLE_FILL:
    case FLEXO_STYLE_STROKE:
    case FLEXO_STYLE_TEXT_COLOR:
      if ((ok = flexo_color_from_string (value, &color)))
        {
          if (info->field == FLEXO_STYLE_FILL)
            flexo_style_set_fill (style, color);
          else if (info->field == FLEXO_STYLE_STROKE)
            flexo_style_set_stroke (style, color);
          else
            flexo_style_set_text_color (style, color);
        }
      break;
    case FLEXO_STYLE_STROKE_WIDTH:
      if ((ok = parse_number (value, 0, 1000, &number)))
        flexo_style_set_stroke_width (style, number);
      break;
    case FLEXO_STYLE_CORNER_RADIUS:
      if ((ok = parse_number (value, 0, 10000, &number)))
        flexo_style_set_corner_radius (style, number);
      break;
    case FLEXO_STYLE_FONT_SIZE:
      if ((ok = parse_number (value, 1, 1000, &number)))
        flexo_style_set_font_size (style, number);
      break;
    case FLEXO_STYLE_OPACITY:
      if ((ok = parse_number (value, 0, 1, &number)))
        flexo_style_set_opacity (style, number);
      break;
    case FLEXO_STYLE_FONT_WEIGHT:
      if ((ok = parse_number (value, 100, 1000, &number) && number == floor (number)))
        flexo_style_set_font_weight (style, (int) number);
      break;
    case FLEXO_STYLE_FONT_FAMILY:
      if ((ok = *value != '\0' && strlen (value) < 256))
        flexo_style_set_font_family (style, value);
      break;
    case FLEXO_STYLE_SHADOW:
    case FLEXO_STYLE_UNDERLINE:
      if ((ok = strcmp (value, "true") == 0 || strcmp (value, "false") == 0))
        {
          if (info->field == FLEXO_STYLE_SHADOW)
            flexo_style_set_shadow (style, strcmp (value, "true") == 0);
          else
            flexo_style_set_underline (style, strcmp (value, "true") == 0);
        }
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    g_set_error (error, FLEXO_ERROR, FLEXO_ERROR_INVALID_VALUE,
                 _("invalid value “%s” for style attribute “%s”"), value, name);

  return ok;
}
