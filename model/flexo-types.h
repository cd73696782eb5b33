/* flexo-types.h — enumerations shared by the model, the painter and files
 *
 * Each enumeration has a stable lower-case name per value (used by the
 * .flexo format and the command line): flexo_*_to_string() and
 * flexo_*_from_string(); from_string() returns FALSE for an unknown name.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FLEXO_SHAPE_RECTANGLE,
  FLEXO_SHAPE_ROUNDED_RECTANGLE,
  FLEXO_SHAPE_ELLIPSE,
  FLEXO_SHAPE_CIRCLE,
  FLEXO_SHAPE_DIAMOND,
  FLEXO_SHAPE_TRIANGLE,
  FLEXO_SHAPE_HEXAGON,
  FLEXO_SHAPE_PARALLELOGRAM,
  FLEXO_SHAPE_TRAPEZOID,
  FLEXO_SHAPE_STAR,
  FLEXO_SHAPE_CHEVRON,
  FLEXO_SHAPE_CROSS,
  FLEXO_SHAPE_CYLINDER,
  FLEXO_SHAPE_DOCUMENT,
  FLEXO_SHAPE_NOTE,
  FLEXO_SHAPE_ACTOR,
  FLEXO_SHAPE_CLOUD,
  FLEXO_SHAPE_PACKAGE,
  FLEXO_SHAPE_CLASS,
  FLEXO_SHAPE_TEXT,
  FLEXO_SHAPE_CONTAINER,
  FLEXO_SHAPE_FREEFORM,       /* the shape's own outline (flexo_shape_get_form()) */
  FLEXO_N_SHAPE_KINDS
} FlexoShapeKind;

typedef enum
{
  FLEXO_ARROW_NONE,
  FLEXO_ARROW_OPEN,
  FLEXO_ARROW_FILLED,
  FLEXO_ARROW_HOLLOW_TRIANGLE,
  FLEXO_ARROW_HOLLOW_DIAMOND,
  FLEXO_ARROW_FILLED_DIAMOND,
  FLEXO_ARROW_CIRCLE,
  FLEXO_ARROW_FILLED_CIRCLE,
  FLEXO_ARROW_SQUARE,
  FLEXO_ARROW_CROWS_FOOT_ONE,
  FLEXO_ARROW_CROWS_FOOT_MANY,
  FLEXO_ARROW_CROWS_FOOT_ZERO_OR_ONE,
  FLEXO_ARROW_CROWS_FOOT_ZERO_OR_MANY,
  FLEXO_ARROW_HALF,
  FLEXO_ARROW_CROSS,
  FLEXO_ARROW_CONCAVE,        /* filled, its back notched (Dia's "filled concave") */
  FLEXO_ARROW_CROWS_FOOT_ONE_OR_MANY,
  FLEXO_N_ARROW_HEADS
} FlexoArrowHead;

typedef enum
{
  FLEXO_ROUTING_STRAIGHT,
  FLEXO_ROUTING_ORTHOGONAL,
  FLEXO_ROUTING_CURVED,
  /* The waypoints are the control points of a chain of cubic Béziers
   * (see flexo-route.h). */
  FLEXO_ROUTING_BEZIER,
  FLEXO_N_ROUTINGS
} FlexoRouting;

typedef enum
{
  FLEXO_DASH_SOLID,
  FLEXO_DASH_DASHED,
  FLEXO_DASH_DOTTED,
  FLEXO_DASH_DASH_DOT,
  FLEXO_N_DASHES
} FlexoDash;

typedef enum
{
  FLEXO_ALIGN_LEFT,
  FLEXO_ALIGN_CENTER,
  FLEXO_ALIGN_RIGHT,
  FLEXO_N_ALIGNS
} FlexoAlign;

typedef enum
{
  FLEXO_FONT_STYLE_NORMAL,
  FLEXO_FONT_STYLE_ITALIC,
  FLEXO_N_FONT_STYLES
} FlexoFontStyle;

#define FLEXO_DECLARE_ENUM_NAMES(Type, prefix) \
  const char *flexo_##prefix##_to_string   (Type        value); \
  gboolean    flexo_##prefix##_from_string (const char *name, \
                                            Type       *value);

FLEXO_DECLARE_ENUM_NAMES (FlexoShapeKind, shape_kind)
FLEXO_DECLARE_ENUM_NAMES (FlexoArrowHead, arrow_head)
FLEXO_DECLARE_ENUM_NAMES (FlexoRouting, routing)
FLEXO_DECLARE_ENUM_NAMES (FlexoDash, dash)
FLEXO_DECLARE_ENUM_NAMES (FlexoAlign, align)
FLEXO_DECLARE_ENUM_NAMES (FlexoFontStyle, font_style)

/* Colours are 0xRRGGBBAA. */
typedef guint32 FlexoColor;

#define FLEXO_COLOR_RGBA(r, g, b, a) \
  ((FlexoColor) (((guint32) (r) << 24) | ((guint32) (g) << 16) | ((guint32) (b) << 8) | (guint32) (a)))
#define FLEXO_COLOR_RED(c)   (((c) >> 24) & 0xff)
#define FLEXO_COLOR_GREEN(c) (((c) >> 16) & 0xff)
#define FLEXO_COLOR_BLUE(c)  (((c) >> 8) & 0xff)
#define FLEXO_COLOR_ALPHA(c) ((c) & 0xff)

/* "#rrggbb" when opaque, else "#rrggbbaa"; @buf holds at least 10 bytes. */
const char *flexo_color_to_string   (FlexoColor  color,
                                     char       *buf);
/* Accepts "#rgb", "#rrggbb", "#rrggbbaa" and "none" (transparent). */
gboolean    flexo_color_from_string (const char *str,
                                     FlexoColor *color);

/* Errors of the model: refused edits, invalid values. */
#define FLEXO_ERROR (flexo_error_quark ())

typedef enum
{
  FLEXO_ERROR_INVALID_VALUE,
  FLEXO_ERROR_REFUSED,
  FLEXO_ERROR_NOT_FOUND,
  FLEXO_ERROR_FORMAT,
} FlexoError;

GQuark      flexo_error_quark       (void);

/* Numbers as files write them, whatever the locale: the shortest text
 * that reads back exactly; strict parsing (no junk, NaN or infinity). */
#define FLEXO_DTOSTR_BUF_SIZE G_ASCII_DTOSTR_BUF_SIZE
const char *flexo_dtostr            (char        *buf,
                                     double       value);
const char *flexo_ftostr            (char        *buf,
                                     float        value);
gboolean    flexo_strtod            (const char  *text,
                                     double      *out);
gboolean    flexo_strtoi            (const char  *text,
                                     int         *out);

G_END_DECLS
