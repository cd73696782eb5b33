/* flexo-types.c — names of the shared enumerations
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "flexo-types.h"

static const char * const shape_kind_names[FLEXO_N_SHAPE_KINDS] = {
  "rectangle", "rounded-rectangle", "ellipse", "circle", "diamond", "triangle",
  "hexagon", "parallelogram", "trapezoid", "star", "chevron", "cross",
  "cylinder", "document", "note", "actor", "cloud", "package", "class",
  "text", "container", "freeform",
};

static const char * const arrow_head_names[FLEXO_N_ARROW_HEADS] = {
  "none", "open", "filled", "hollow-triangle", "hollow-diamond",
  "filled-diamond", "circle", "filled-circle", "square", "crows-foot-one",
  "crows-foot-many", "crows-foot-zero-or-one", "crows-foot-zero-or-many",
  "half", "cross", "concave", "crows-foot-one-or-many",
};

static const char * const routing_names[FLEXO_N_ROUTINGS] = {
  "straight", "orthogonal", "curved", "bezier",
};

static const char * const dash_names[FLEXO_N_DASHES] = {
  "solid", "dashed", "dotted", "dash-dot",
};

static const char * const align_names[FLEXO_N_ALIGNS] = {
  "left", "center", "right",
};

static const char * const font_style_names[FLEXO_N_FONT_STYLES] = {
  "normal", "italic",
};

static int
lookup (const char * const *names,
        int                 n_names,
        const char         *name)
{
  if (name == NULL)
    return -1;
  for (int i = 0; i < n_names; i++)
    if (strcmp (names[i], name) == 0)
      return i;
  return -1;
}

#define FLEXO_DEFINE_ENUM_NAMES(Type, prefix, names) \
  const char * \
  flexo_##prefix##_to_string (Type value) \
  { \
    if ((int) value < 0 || (int) value >= (int) G_N_ELEMENTS (names)) \
      return NULL; \
    return names[value]; \
  } \
  gboolean \
  flexo_##prefix##_from_string (const char *name, \
                                Type       *value) \
  { \
    int i = lookup (names, G_N_ELEMENTS (names), name); \
    if (i < 0) \
      return FALSE; \
    *value = (Type) i; \
    return TRUE; \
  }

FLEXO_DEFINE_ENUM_NAMES (FlexoShapeKind, shape_kind, shape_kind_names)
FLEXO_DEFINE_ENUM_NAMES (FlexoArrowHead, arrow_head, arrow_head_names)
FLEXO_DEFINE_ENUM_NAMES (FlexoRouting, routing, routing_names)
FLEXO_DEFINE_ENUM_NAMES (FlexoDash, dash, dash_names)
FLEXO_DEFINE_ENUM_NAMES (FlexoAlign, align, align_names)
FLEXO_DEFINE_ENUM_NAMES (FlexoFontStyle, font_style, font_style_names)

const char *
flexo_color_to_string (FlexoColor  color,
                       char       *buf)
{
  if (FLEXO_COLOR_ALPHA (color) == 0xff)
    g_snprintf (buf, 10, "#%02x%02x%02x",
                FLEXO_COLOR_RED (color), FLEXO_COLOR_GREEN (color), FLEXO_COLOR_BLUE (color));
  else
    g_snprintf (buf, 10, "#%02x%02x%02x%02x",
                FLEXO_COLOR_RED (color), FLEXO_COLOR_GREEN (color), FLEXO_COLOR_BLUE (color),
                FLEXO_COLOR_ALPHA (color));
  return buf;
}

gboolean
flexo_color_from_string (const char *str,
                         FlexoColor *color)
{
  guint32 v = 0;
  size_t len;

  if (str == NULL)
    return FALSE;

  if (strcmp (str, "none") == 0)
    {
      *color = 0;
      return TRUE;
    }

  if (str[0] != '#')
    return FALSE;

  str++;
  len = strlen (str);
  if (len != 3 && len != 6 && len != 8)
    return FALSE;

  for (size_t i = 0; i < len; i++)
    {
      int d = g_ascii_xdigit_value (str[i]);

      if (d < 0)
        return FALSE;
      v = (v << 4) | (guint32) d;
    }

  if (len == 3)
    v = ((v >> 8 & 0xf) * 0x11u) << 24 | ((v >> 4 & 0xf) * 0x11u) << 16 | ((v & 0xf) * 0x11u) << 8 | 0xffu;
  else if (len == 6)
    v = (v << 8) | 0xffu;

  *color = v;
  return TRUE;
}

G_DEFINE_QUARK (flexo-error-quark, flexo_error)

/* Numbers as files write them: locale-independent, exact */

/**
 * flexo_strtod:
 * @text: "[+-]digits[.digits][e[+-]digits]", no space around
 * @out: (out): the value, set only on success
 *
 * Independent of the locale. "nan", "inf", hexadecimal, "", "12abc", " 1"
 * and values too large for a double are all refused.
 *
 * Returns: whether @text is a finite decimal number
 */
gboolean
flexo_strtod (const char *text,
                        double     *out)
{
  /* Exact powers of ten, for the fast path */
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  const char *p = text;
  char *end = NULL;
  guint n_digits = 0, n_decimals = 0;
  guint64 mantissa = 0;
  gboolean negative = FALSE, exponent = FALSE;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  while (g_ascii_isdigit (*p))
    {
      if (n_digits < 19)
        mantissa = mantissa * 10 + (guint64) (*p - '0');
      p++, n_digits++;
    }
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          if (n_digits < 19)
            mantissa = mantissa * 10 + (guint64) (*p - '0');
          p++, n_digits++, n_decimals++;
        }
    }
  if (n_digits == 0)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      exponent = TRUE;
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != '\0')
    return FALSE;

  /* Most numbers in files: a mantissa and a divisor both exact in a
   * double, whose quotient is then correctly rounded (Clinger). */
  if (!exponent && n_digits < 19 && mantissa < (G_GUINT64_CONSTANT (1) << 53) &&
      n_decimals < G_N_ELEMENTS (powers))
    {
      value = (double) mantissa / powers[n_decimals];
      *out = negative ? -value : value;
      return TRUE;
    }

  value = g_ascii_strtod (text, &end);
  if (end != p || !isfinite (value))
    return FALSE;

  *out = value;
  return TRUE;
}

/**
 * flexo_strtoi:
 * @text: "[+-]digits", no space around
 * @out: (out): the value, set only on success
 *
 * Returns: whether @text is a decimal integer in the range of int
 */
gboolean
flexo_strtoi (const char *text,
                     int        *out)
{
  const char *p = text;
  gboolean negative = FALSE;
  gint64 value = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      value = value * 10 + (*p - '0');
      if (value > (gint64) G_MAXINT + 1)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  if (negative)
    value = -value;
  if (value < G_MININT || value > G_MAXINT)
    return FALSE;

  *out = (int) value;
  return TRUE;
}

/**
 * flexo_dtostr:
 * @buf: at least %FLEXO_DTOSTR_BUF_SIZE bytes
 *
 * Formats @value in its shortest form among 15, 16 and 17 significant
 * digits that reads back exactly (with flexo_strtod()),
 * independent of the locale: "120", "-0", "0.1", "1e-300". A value that is
 * not finite (a bug of the caller) is written "0" with a critical warning.
 *
 * Returns: @buf
 */
const char *
flexo_dtostr (char   *buf,
              double  value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  g_return_val_if_fail (buf != NULL, NULL);

  if (G_UNLIKELY (!isfinite (value)))
    {
      g_critical ("%s: %g is not finite, written as 0", G_STRFUNC, value);
      value = 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, FLEXO_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  return buf;
}

/**
 * flexo_ftostr:
 * @buf: at least %FLEXO_DTOSTR_BUF_SIZE bytes
 *
 * Formats a float in its shortest form that reads back as the same float
 * ("0.1", not "0.100000001490116").
 *
 * Returns: @buf
 */
const char *
flexo_ftostr (char  *buf,
              float  value)
{
  for (int precision = 1; precision <= 9; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, FLEXO_DTOSTR_BUF_SIZE, format, value);
      if ((float) g_ascii_strtod (buf, NULL) == value)
        break;
    }

  return buf;
}
