/* flexo-format-dia.c — reading Dia diagrams (.dia, plain or gzip)
 *
 * A Dia file is a `dia:diagram` of `dia:layer`s of `dia:object`s (maybe in
 * `dia:group`s); each object has a type ("Standard - Box", "UML - Class"…)
 * and typed attributes (`dia:attribute name="elem_corner"` holding a
 * `dia:point`, a `dia:real`, a `dia:color`, a composite…), and lines list
 * the objects their ends are connected to in `dia:connections`.
 *
 * The objects are read in one streaming pass into a flat table of
 * attributes (flexo-format-dia-read.c), then turned into shapes and
 * connectors here: every layer goes into one diagram,
 * in order (Dia's z-order); Dia's centimetres become 20 units, as Dia
 * shows them at 100 %. Objects with a Flexo equivalent are mapped with
 * their geometry, colours, line style, arrows, text and font; the others
 * become a dashed placeholder of their size that names their type. What
 * was approximated is counted (flexo_dia_load_path_with_report).
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "flexo-bezier.h"
#include "flexo-form.h"
#include "flexo-format-dia.h"
#include "flexo-format-dia-private.h"
#include "flexo-model.h"
#include "flexo-xml.h"

/* --------------------------------------------------------------- mapping -- */

_Thread_local DiaTable *_flexo_dia_table;

static const FlexoDash dia_dashes[] = {
  FLEXO_DASH_SOLID, FLEXO_DASH_DASHED, FLEXO_DASH_DASH_DOT, FLEXO_DASH_DASH_DOT, FLEXO_DASH_DOTTED,
};


/* The line attributes every Dia object shares. */
static void
line_style (DiaObject  *o,
            FlexoStyle *style,
            const char *color_name,
            const char *width_name)
{
  FlexoColor color;
  int dash = int_of (o, "line_style", 0);

  /* Dia leaves out a colour that is its default, black. */
  flexo_style_set_stroke (style, color_of (o, color_name, &color) ? color : 0x000000ff);
  /* Dia draws a width of 0 as a hairline. */
  flexo_style_set_stroke_width (style, MAX (real_of (o, width_name, 0.1) * SCALE, 1));
  if (dash > 0 && dash < (int) G_N_ELEMENTS (dia_dashes))
    flexo_style_set_dash (style, dia_dashes[dash]);
}

/* A font (@font_name: family, style) and its height (@height_name), on
 * @style when the object has them. */
static void
font_into (DiaObject  *o,
           FlexoStyle *style,
           const char *font_name,
           const char *height_name)
{
  const char *family = nth_value (o, font_name, 0), *font_style = nth_value (o, font_name, 1);
  double height = real_of (o, height_name, 0);

  if (family != NULL && font_style != NULL)
    {
      int flags = 0;

      flexo_strtoi (font_style, &flags);
      flexo_style_set_font_family (style, g_ascii_strcasecmp (family, "sans") == 0 ? "Sans" :
                                          g_ascii_strcasecmp (family, "serif") == 0 ? "Serif" :
                                          g_ascii_strcasecmp (family, "monospace") == 0 ? "Monospace" : family);
      /* Dia's style: weight in the bits 4-6 (bold from 0x50), slant in 2-3. */
      if ((flags & 0x70) >= 0x50)
        flexo_style_set_font_weight (style, 700);
      if (flags & 0x0c)
        flexo_style_set_font_style (style, FLEXO_FONT_STYLE_ITALIC);
    }
  /* Dia's height is the line's, in centimetres; Flexo's size in points. */
  if (height > 0)
    flexo_style_set_font_size (style, CLAMP (height * SCALE * 0.75, 1, 400));
}

/* The text of an object ("text.string" and its font), on @style. */
static char *
text_of (DiaObject  *o,
         FlexoStyle *style)
{
  /* Literals: their addresses find them in the table's recent names. */
  static const char string_name[] = "text.string", font_name[] = "text.font",
                    height_name[] = "text.height", color_name[] = "text.color",
                    align_name[] = "text.alignment";
  char *text = string_of (o, string_name);
  FlexoColor color;
  int align = int_of (o, align_name, -1);

  font_into (o, style, font_name, height_name);
  if (color_of (o, color_name, &color))
    flexo_style_set_text_color (style, color);
  if (align >= 0 && align <= 2)
    flexo_style_set_align (style, align == 0 ? FLEXO_ALIGN_LEFT : align == 1 ? FLEXO_ALIGN_CENTER : FLEXO_ALIGN_RIGHT);
  return text;
}

/* An element's box: its corner and size, else its bounding box. */
static gboolean
element_box (DiaObject *o,
             FlexoRect *out)
{
  FlexoPoint corner;
  const char *bb = value_of (o, "obj_bb");

  if (parse_point (value_of (o, "elem_corner"), &corner))
    {
      *out = FLEXO_RECT_INIT (corner.x, corner.y, MAX (real_of (o, "elem_width", 1), 0.01) * SCALE,
                              MAX (real_of (o, "elem_height", 1), 0.01) * SCALE);
      return TRUE;
    }
  if (bb != NULL)
    {
      g_auto(GStrv) corners = g_strsplit (bb, ";", 2);
      FlexoPoint a, b;

      if (corners[0] != NULL && corners[1] != NULL && parse_point (corners[0], &a) && parse_point (corners[1], &b))
        {
          *out = flexo_rect_normalize (FLEXO_RECT_INIT (a.x, a.y, b.x - a.x, b.y - a.y));
          out->width = MAX (out->width, 1);
          out->height = MAX (out->height, 1);
          return TRUE;
        }
    }
  return FALSE;
}

static FlexoShape *
add_shape (Builder          *b,
           DiaObject        *o,
           const FlexoRect  *box,
           FlexoStyle       *style,
           const char       *text)
{
  g_autoptr(FlexoShape) shape = flexo_shape_new (b->document, box);

  /* Dia's default text colour, black, which it leaves out of its files */
  if (!flexo_style_has (style, FLEXO_STYLE_TEXT_COLOR))
    flexo_style_set_text_color (style, 0x000000ff);
  flexo_shape_set_style (shape, style);
  if (text != NULL && *text != '\0')
    flexo_shape_set_text (shape, text);
  flexo_diagram_add_item (b->diagram, shape);
  if (o->id != NULL && *o->id != '\0')
    g_hash_table_insert (b->shapes, g_strdup (o->id), shape);
  b->report->n_shapes++;
  return shape;
}

/* The kind of a Dia element type that has a Flexo shape (-1: none), and
 * whether it is only the nearest one (@approximate). */
static int
element_kind (const char *type,
              DiaObject  *o,
              gboolean   *approximate)
{
  static const struct { const char *type; FlexoShapeKind kind; gboolean approximate; } kinds[] = {
    { "Standard - Box", FLEXO_SHAPE_RECTANGLE },
    { "Standard - Ellipse", FLEXO_SHAPE_ELLIPSE },
    { "Flowchart - Box", FLEXO_SHAPE_RECTANGLE },
    { "Flowchart - Ellipse", FLEXO_SHAPE_ELLIPSE },
    { "Flowchart - Diamond", FLEXO_SHAPE_DIAMOND },
    { "Flowchart - Parallelogram", FLEXO_SHAPE_PARALLELOGRAM },
    { "Flowchart - Terminal", FLEXO_SHAPE_ROUNDED_RECTANGLE },
    { "Flowchart - Document", FLEXO_SHAPE_DOCUMENT },
    { "Flowchart - Magnetic Disk", FLEXO_SHAPE_CYLINDER },
    { "Flowchart - Preparation", FLEXO_SHAPE_HEXAGON },
    { "Flowchart - Manual Operation", FLEXO_SHAPE_TRAPEZOID },
    /* The other flowchart symbols, by the nearest outline */
    { "Flowchart - Off Page Connector", FLEXO_SHAPE_CHEVRON, TRUE },
    { "Flowchart - Predefined Process", FLEXO_SHAPE_RECTANGLE, TRUE },
    { "Flowchart - Internal Storage", FLEXO_SHAPE_RECTANGLE, TRUE },
    { "Flowchart - Manual Input", FLEXO_SHAPE_TRAPEZOID, TRUE },
    { "Flowchart - Display", FLEXO_SHAPE_HEXAGON, TRUE },
    { "Flowchart - Delay", FLEXO_SHAPE_ROUNDED_RECTANGLE, TRUE },
    { "Flowchart - Extract", FLEXO_SHAPE_TRIANGLE, TRUE },
    { "Flowchart - Merge", FLEXO_SHAPE_TRIANGLE, TRUE },
    { "Flowchart - Offline Storage", FLEXO_SHAPE_TRIANGLE, TRUE },
    { "Flowchart - Sort", FLEXO_SHAPE_DIAMOND, TRUE },
    { "Flowchart - Collate", FLEXO_SHAPE_DIAMOND, TRUE },
    { "Flowchart - Or", FLEXO_SHAPE_CIRCLE, TRUE },
    { "Flowchart - Summing Junction", FLEXO_SHAPE_CIRCLE, TRUE },
    { "Flowchart - Magnetic Tape", FLEXO_SHAPE_CIRCLE, TRUE },
    { "Flowchart - Magnetic Drum", FLEXO_SHAPE_CYLINDER, TRUE },
    { "Flowchart - Punched Card", FLEXO_SHAPE_NOTE, TRUE },
    { "Flowchart - Punched Tape", FLEXO_SHAPE_DOCUMENT, TRUE },
    { "Flowchart - Transaction File", FLEXO_SHAPE_RECTANGLE, TRUE },
    { "Flowchart - Transmittal Tape", FLEXO_SHAPE_DOCUMENT, TRUE },
    { "UML - Class", FLEXO_SHAPE_CLASS },
    { "UML - Note", FLEXO_SHAPE_NOTE },
    { "UML - Actor", FLEXO_SHAPE_ACTOR },
    { "UML - Usecase", FLEXO_SHAPE_ELLIPSE },
    { "UML - LargePackage", FLEXO_SHAPE_PACKAGE },
    { "UML - SmallPackage", FLEXO_SHAPE_PACKAGE },
    { "UML - Object", FLEXO_SHAPE_RECTANGLE },
    { "UML - Component", FLEXO_SHAPE_RECTANGLE },
    { "UML - State", FLEXO_SHAPE_ROUNDED_RECTANGLE },
    { "UML - Activity", FLEXO_SHAPE_ROUNDED_RECTANGLE },
    { "UML - Node", FLEXO_SHAPE_RECTANGLE },
    { "ER - Entity", FLEXO_SHAPE_RECTANGLE },
    { "ER - Relationship", FLEXO_SHAPE_DIAMOND },
    { "ER - Attribute", FLEXO_SHAPE_ELLIPSE },
    { "Network - Cloud", FLEXO_SHAPE_CLOUD },
    { "UML - Branch", FLEXO_SHAPE_DIAMOND },
    { "Geometric - Diamond", FLEXO_SHAPE_DIAMOND },
    { "Geometric - Perfect Circle", FLEXO_SHAPE_CIRCLE },
    { "Geometric - Perfect Square", FLEXO_SHAPE_RECTANGLE },
    { "Geometric - Isoceles Triangle", FLEXO_SHAPE_TRIANGLE },
    { "GRAFCET - Step", FLEXO_SHAPE_RECTANGLE },
    /* Other sheets' symbols, by the nearest outline */
    { "Geometric - Horizontal Parallelogram", FLEXO_SHAPE_PARALLELOGRAM, TRUE },
    { "Geometric - Trapezoid", FLEXO_SHAPE_TRAPEZOID, TRUE },
    { "Geometric - Hexagon", FLEXO_SHAPE_HEXAGON, TRUE },
    { "Geometric - Five Point Star", FLEXO_SHAPE_STAR, TRUE },
    { "Geometric - Swiss Cross", FLEXO_SHAPE_CROSS, TRUE },
    { "Geometric - Right Arrow", FLEXO_SHAPE_CHEVRON, TRUE },
    { "Block Arrow - Chevron", FLEXO_SHAPE_CHEVRON, TRUE },
    { "Block Arrow - Pentagon", FLEXO_SHAPE_CHEVRON, TRUE },
    { "Filesystem - Folder", FLEXO_SHAPE_PACKAGE, TRUE },
    { "Filesystem - File", FLEXO_SHAPE_NOTE, TRUE },
    { "Network - Storage", FLEXO_SHAPE_CYLINDER, TRUE },
    { "UML - Fork", FLEXO_SHAPE_RECTANGLE, TRUE },
    { "UML - State Term", FLEXO_SHAPE_CIRCLE, TRUE },
    { "UML - Classicon", FLEXO_SHAPE_CIRCLE, TRUE },
    { "SADT - box", FLEXO_SHAPE_RECTANGLE, TRUE },
    { "FS - Function", FLEXO_SHAPE_RECTANGLE, TRUE },
    { "SDL - Task", FLEXO_SHAPE_RECTANGLE, TRUE },
    { "SDL - Process", FLEXO_SHAPE_RECTANGLE, TRUE },
    { "SDL - Block", FLEXO_SHAPE_RECTANGLE, TRUE },
    { "SDL - Service", FLEXO_SHAPE_RECTANGLE, TRUE },
    { "SDL - Function", FLEXO_SHAPE_RECTANGLE, TRUE },
    { "SDL - Macro", FLEXO_SHAPE_RECTANGLE, TRUE },
    { "SDL - State", FLEXO_SHAPE_ROUNDED_RECTANGLE, TRUE },
    { "SDL - Decision", FLEXO_SHAPE_DIAMOND, TRUE },
    { "SDL - Send", FLEXO_SHAPE_CHEVRON, TRUE },
    { "SDL - Receive", FLEXO_SHAPE_CHEVRON, TRUE },
    { "SDL - Save", FLEXO_SHAPE_PARALLELOGRAM, TRUE },
    { "SDL - InOut", FLEXO_SHAPE_CIRCLE, TRUE },
    { "SDL - Return", FLEXO_SHAPE_CIRCLE, TRUE },
    { "SDL - Note", FLEXO_SHAPE_NOTE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (type, kinds[i].type) == 0)
      {
        *approximate = kinds[i].approximate;
        if (kinds[i].kind == FLEXO_SHAPE_RECTANGLE && real_of (o, "corner_radius", 0) > 0.01)
          return FLEXO_SHAPE_ROUNDED_RECTANGLE;
        return kinds[i].kind;
      }
  return -1;
}

/* The i-th value of @name as a Dia string, or "". */
/* A UML class: its name, then a line per attribute and per operation
 * ("+name: type", "+name(): type"), for the class shape's compartments. */
static char *
uml_class_text (DiaObject *o)
{
  static const char visibility[] = "+-#~";
  g_autofree char *name = string_of (o, "name");
  GString *text = g_string_new (name != NULL ? name : "");

  for (guint pass = 0; pass < 2; pass++)
    {
      const char *prefix = pass == 0 ? "attributes" : "operations";
      g_autofree char *names_key = g_strconcat (prefix, ".name", NULL);
      g_autofree char *types_key = g_strconcat (prefix, ".type", NULL);
      g_autofree char *vis_key = g_strconcat (prefix, ".visibility", NULL);
      guint n_names = count_values (o, names_key);

      for (guint i = 0; i < n_names; i++)
        {
          const char *member = nth_string (o, names_key, i);
          const char *type = nth_string (o, types_key, i);
          const char *vis = nth_string (o, vis_key, i);
          int v = 0;

          flexo_strtoi (vis, &v);
          g_string_append_printf (text, "\n%c%s%s%s%s", visibility[CLAMP (v, 0, 3)], member,
                                  pass == 1 ? "()" : "", *type != '\0' ? ": " : "", type);
        }
    }
  return g_string_free (text, FALSE);
}

/* The text an element carries: its "text" composite, else a name. */
static char *
element_text (DiaObject  *o,
              FlexoStyle *style)
{
  char *text;

  if (strcmp (o->type, "UML - Class") == 0)
    return uml_class_text (o);
  text = text_of (o, style);

  if (text == NULL)
    {
      text = string_of (o, "name");
      /* ER's symbols: their name's font has names of its own. */
      font_into (o, style, "font", "font_height");
    }
  if (text == NULL)
    text = string_of (o, "stereotype");
  return text;
}

static FlexoShape *
add_element (Builder   *b,
             DiaObject *o,
             int        kind,
             FlexoRect *box)
{
  g_autoptr(FlexoStyle) style = flexo_style_new ();
  g_autofree char *text = NULL;
  FlexoShape *shape;
  FlexoColor fill;

  flexo_style_set_shape_kind (style, kind);
  /* Boxes and flowchart symbols have a border; UML symbols a line
   * colour, and polygons a line color. */
  if (value_of (o, "border_color") != NULL || value_of (o, "border_width") != NULL)
    line_style (o, style, "border_color", "border_width");
  else if (value_of (o, "line_colour") != NULL)
    line_style (o, style, "line_colour", "line_width");
  else
    line_style (o, style, "line_color", "line_width");
  if (!bool_of (o, "show_background", TRUE))
    flexo_style_set_fill (style, 0x00000000);
  else if (color_of (o, "inner_color", &fill) || color_of (o, "fill_colour", &fill) || color_of (o, "fill_color", &fill))
    flexo_style_set_fill (style, fill);
  if (kind == FLEXO_SHAPE_ROUNDED_RECTANGLE && real_of (o, "corner_radius", 0) > 0)
    flexo_style_set_corner_radius (style, real_of (o, "corner_radius", 0) * SCALE);
  /* A terminal's ends are half circles. */
  if (strcmp (o->type, "Flowchart - Terminal") == 0)
    flexo_style_set_corner_radius (style, MIN (box->width, box->height) / 2);
  /* A fork's bar and an initial state are filled, black unless said;
   * a final state is a ring around that disc (drawn as the disc). */
  if ((strcmp (o->type, "UML - Fork") == 0 || strcmp (o->type, "UML - State Term") == 0) &&
      !color_of (o, "fill_colour", &fill))
    flexo_style_set_fill (style, 0x000000ff);
  _flexo_dia_er_symbol (b, o, style);
  text = element_text (o, style);
  /* A class's name and members in Flexo's lines (taller than Dia's, at
   * its default size): the box grows down to hold them all. */
  if (kind == FLEXO_SHAPE_CLASS && text != NULL)
    {
      const FlexoStyle *theme = flexo_style_get_default ();
      double size = flexo_style_has (style, FLEXO_STYLE_FONT_SIZE) ? style->font_size : theme->font_size;
      guint n_lines = 1;

      for (const char *p = text; *p != '\0'; p++)
        n_lines += *p == '\n';
      box->height = MAX (box->height, n_lines * size / 0.75 * 1.2 + 24);
    }
  shape = add_shape (b, o, box, style, text);
  if (strcmp (o->type, "ER - Relationship") == 0)
    {
      Cardinalities c = { shape, string_of (o, "left_card"), string_of (o, "right_card"),
                          bool_of (o, "rotated", FALSE) };

      g_array_append_val (b->cardinalities, c);
    }
  return shape;
}

/* A Standard - Text: a text shape around its text, from its anchor. */
static void
add_text (Builder   *b,
          DiaObject *o)
{
  g_autoptr(FlexoStyle) style = flexo_style_new ();
  g_autofree char *text = text_of (o, style);
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  /* Up to a metre high: hostile sizes would make infinite boxes. */
  double height = CLAMP (real_of (o, "text.height", 0.8), 0.01, 100) * SCALE;
  guint longest = 1;
  FlexoPoint pos;
  FlexoRect box;

  flexo_style_set_shape_kind (style, FLEXO_SHAPE_TEXT);
  for (guint i = 0; lines[i] != NULL; i++)
    longest = MAX (longest, g_utf8_strlen (lines[i], -1));
  if (!element_box (o, &box))
    box = FLEXO_RECT_INIT (0, 0, 1, 1);
  /* The bounding box Dia wrote is the text's; else from the anchor. */
  if (value_of (o, "obj_bb") == NULL && parse_point (value_of (o, "text.pos"), &pos))
    {
      double w = longest * height * 0.55 + height;
      double h = g_strv_length (lines) * height * 1.2;
      int align = int_of (o, "text.alignment", 0);

      box = FLEXO_RECT_INIT (align == 0 ? pos.x : align == 1 ? pos.x - w / 2 : pos.x - w, pos.y - height, w, h);
    }
  /* Pango's lines are taller than Dia's (1.17 of the size for DejaVu Sans,
   * more once hinted at a small zoom): room for them, around the middle,
   * where the shape centres its text. */
  {
    double needed = g_strv_length (lines) * height * 1.3;

    if (box.height < needed)
      box = FLEXO_RECT_INIT (box.x, box.y - (needed - box.height) / 2, box.width, needed);
  }
  /* Room for the text shape's padding, and for Flexo's fonts being wider
   * than Dia's measure (a sixth more, and at least 0.65 of the height a
   * character, DejaVu's widest average: a word otherwise wraps or ends
   * with "…"): on the side the text is not aligned to. */
  {
    int align = int_of (o, "text.alignment", 0);
    double pad = 5, extra = MAX (box.width * 0.15, longest * height * 0.65 - box.width);

    box = FLEXO_RECT_INIT (box.x - pad - (align == 2 ? extra : align == 1 ? extra / 2 : 0), box.y - pad,
                           box.width + 2 * pad + extra, box.height + 2 * pad);
  }
  add_shape (b, o, &box, style, text);
  b->report->n_texts++;
}

void
_flexo_dia_note_approximation (Builder    *b,
                               const char *what)
{
  g_hash_table_replace (b->report->approximated, g_strdup (what),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (b->report->approximated, what)) + 1));
}

/* What no Flexo shape shows: a dashed grey box of its size naming it. */
static void
add_placeholder (Builder   *b,
                 DiaObject *o,
                 FlexoRect *box)
{
  g_autoptr(FlexoStyle) style = flexo_style_new ();
  g_autofree char *text = element_text (o, style);
  g_autofree char *label = text != NULL && *text != '\0' ? g_strdup_printf ("%s\n%s", o->type, text)
                                                         : g_strdup (o->type);

  flexo_style_set_shape_kind (style, FLEXO_SHAPE_RECTANGLE);
  flexo_style_set_dash (style, FLEXO_DASH_DASHED);
  flexo_style_set_stroke (style, 0x9a9996ff);
  flexo_style_set_fill (style, 0xf6f5f4ff);
  flexo_style_set_text_color (style, 0x5e5c64ff);
  flexo_style_set_font_size (style, 8);
  add_shape (b, o, box, style, label);
  b->report->n_placeholders++;
  note_approximation (b, o->type);
}

/* The points of a line: its end points, or its poly-, orth- or bézier
 * points (every third of a bézier's being on the curve). */
static GArray *
line_points (DiaObject *o)
{
  static const char * const names[] = { "conn_endpoints", "poly_points", "orth_points", "bez_points" };
  GArray *points = g_array_new (FALSE, FALSE, sizeof (FlexoPoint));

  for (guint n = 0; n < G_N_ELEMENTS (names) && points->len == 0; n++)
    {
      const char *key = _flexo_dia_table_key (_flexo_dia_table, names[n], FALSE);
      gboolean bezier = n == 3;
      guint k = 0;

      for (guint i = 0; i < o->n_pairs; i++)
        {
          Pair *pair = &g_array_index (_flexo_dia_table->pairs, Pair, o->first + i);
          FlexoPoint p;

          if (pair->name != key)
            continue;
          if (!(bezier && k % 3 != 0) && parse_point (pair->value, &p))
            g_array_append_val (points, p);
          k++;
        }
    }
  return points;
}

/* A BezierLine's exact chain: its first point is its start, then come
 * c1, c2 and the end of each segment; @waypoints gets all but the start
 * and the last end. FALSE for another count of points. */
static gboolean
bezier_line_points (DiaObject *o,
                    GArray    *waypoints,
                    FlexoPoint ends[2])
{
  const char *key = _flexo_dia_table_key (_flexo_dia_table, "bez_points", FALSE);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (FlexoPoint));

  for (guint i = 0; key != NULL && i < o->n_pairs; i++)
    {
      Pair *pair = &g_array_index (_flexo_dia_table->pairs, Pair, o->first + i);
      FlexoPoint p;

      if (pair->name != key)
        continue;
      if (!parse_point (pair->value, &p))
        return FALSE;
      g_array_append_val (all, p);
    }
  if (all->len < 4 || all->len % 3 != 1)
    return FALSE;
  ends[0] = g_array_index (all, FlexoPoint, 0);
  ends[1] = g_array_index (all, FlexoPoint, all->len - 1);
  g_array_set_size (waypoints, 0);
  g_array_append_vals (waypoints, &g_array_index (all, FlexoPoint, 1), all->len - 2);
  return TRUE;
}

/* An Arc's chain: a circular arc between its end points whose middle is
 * curve_distance from the chord's (Dia's sign: positive on the right
 * going from the start to the end, y down), in segments of a quarter turn
 * at most; none for a straight arc. */
static void
arc_points (DiaObject *o,
            GArray    *points,
            GArray    *waypoints)
{
  FlexoPoint chain[FLEXO_BEZIER_ARC_MAX_POINTS];
  guint n;

  g_array_set_size (waypoints, 0);
  if (points->len != 2)
    return;
  n = flexo_bezier_arc (g_array_index (points, FlexoPoint, 0), g_array_index (points, FlexoPoint, 1),
                        real_of (o, "curve_distance", 0) * SCALE, chain);
  g_array_append_vals (waypoints, chain, n);
}

/* Dia draws a line its gap short of its end, toward the next point of
 * the line: a free end moves there, and on a Bézier chain (@chain) the
 * end's control point moves with it; an end on a shape stays on its
 * outline, approximated. */
static void
line_gaps (Builder        *b,
           DiaObject      *o,
           FlexoConnector *connector,
           gboolean        chain)
{
  g_autoptr(GArray) w = flexo_connector_get_waypoints (connector) != NULL
                        ? g_array_copy (flexo_connector_get_waypoints (connector)) : NULL;

  for (guint i = 0; i < 2; i++)
    {
      double gap = real_of (o, i == 0 ? "absolute_start_gap" : "absolute_end_gap", 0) * SCALE;
      FlexoPoint end = i == 0 ? flexo_connector_get_source_point (connector)
                              : flexo_connector_get_target_point (connector);
      FlexoPoint next, moved;
      double d;

      if (gap == 0 || !isfinite (gap))
        continue;
      if ((i == 0 ? flexo_connector_get_source (connector) : flexo_connector_get_target (connector)) != NULL)
        {
          note_approximation (b, _("gap at the end of a line"));
          continue;
        }
      if (w != NULL && w->len > 0)
        next = g_array_index (w, FlexoPoint, i == 0 ? 0 : w->len - 1);
      else
        next = i == 0 ? flexo_connector_get_target_point (connector) : flexo_connector_get_source_point (connector);
      d = flexo_point_distance (end, next);
      if (!(d > 0) || !isfinite (d))
        continue;
      /* Never past the next point, nor farther back than it is. */
      gap = CLAMP (gap, -d, d);
      moved = FLEXO_POINT_INIT (end.x + (next.x - end.x) * gap / d, end.y + (next.y - end.y) * gap / d);
      if (i == 0)
        flexo_connector_set_source_point (connector, moved);
      else
        flexo_connector_set_target_point (connector, moved);
      if (chain && w != NULL && w->len > 0)
        {
          FlexoPoint *c = &g_array_index (w, FlexoPoint, i == 0 ? 0 : w->len - 1);

          c->x += moved.x - end.x;
          c->y += moved.y - end.y;
          flexo_connector_set_waypoints (connector, (FlexoPoint *) (gpointer) w->data, w->len);
        }
    }
}

static void
add_line (Builder   *b,
          DiaObject *o)
{
  g_autoptr(GArray) points = line_points (o);
  g_autoptr(FlexoStyle) style = flexo_style_new ();
  g_autoptr(FlexoConnector) connector = NULL;
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (FlexoPoint));
  FlexoShape *ends[2] = { NULL, NULL };
  FlexoPoint chain_ends[2];
  gboolean bezier = FALSE, arc = strcmp (o->type, "Standard - Arc") == 0;
  g_autofree char *text = NULL;

  if (strcmp (o->type, "Standard - BezierLine") == 0)
    {
      bezier = bezier_line_points (o, chain, chain_ends);
      if (bezier)
        {
          g_array_index (points, FlexoPoint, 0) = chain_ends[0];
          g_array_index (points, FlexoPoint, points->len - 1) = chain_ends[1];
        }
    }
  if (points->len < 2)
    {
      FlexoRect box;

      if (element_box (o, &box))
        add_placeholder (b, o, &box);
      return;
    }
  /* Handle 0 is the start; the last handle of a line, its end. */
  for (guint i = 0; i < o->n_connections; i++)
    {
      Connection *c = connection_of (o, i);
      FlexoShape *shape = g_hash_table_lookup (b->shapes, c->to);

      if (shape == NULL)
        {
          note_approximation (b, _("connection to a line"));
          continue;
        }
      ends[c->handle == 0 ? 0 : 1] = shape;
      b->report->n_connections++;
    }
  connector = flexo_connector_new (b->document, ends[0], ends[1]);
  flexo_connector_set_source_point (connector, g_array_index (points, FlexoPoint, 0));
  flexo_connector_set_target_point (connector, g_array_index (points, FlexoPoint, points->len - 1));
  if (arc)
    arc_points (o, points, chain);
  if (bezier || chain->len > 0)
    flexo_connector_set_waypoints (connector, (FlexoPoint *) (gpointer) chain->data, chain->len);
  else if (points->len > 2)
    flexo_connector_set_waypoints (connector, &g_array_index (points, FlexoPoint, 1), points->len - 2);
  /* An arc's colour has its own name. */
  line_style (o, style, arc ? "arc_color" : "line_color", "line_width");
  if (strcmp (o->type, "Standard - ZigZagLine") == 0)
    flexo_style_set_routing (style, FLEXO_ROUTING_ORTHOGONAL);
  else if (bezier || chain->len > 0)
    flexo_style_set_routing (style, FLEXO_ROUTING_BEZIER);
  else if (strcmp (o->type, "Standard - BezierLine") == 0)
    {
      /* Not a chain of cubics: a curve through its points. */
      flexo_style_set_routing (style, FLEXO_ROUTING_CURVED);
      note_approximation (b, o->type);
    }
  line_gaps (b, o, connector, bezier || chain->len > 0);
  flexo_style_set_arrow_start (style, _flexo_dia_line_arrow (b, o, TRUE));
  flexo_style_set_arrow_end (style, _flexo_dia_line_arrow (b, o, FALSE));
  _flexo_dia_uml_line (o, style);
  if (strcmp (o->type, "UML - Association") == 0)
    _flexo_dia_uml_association (b, o, connector, style);
  _flexo_dia_er_line (b, o, connector, style);
  text = string_of (o, "name");
  if (strcmp (o->type, "UML - Association") == 0)
    text = _flexo_dia_association_name (o, text);
  if (text == NULL)
    text = text_of (o, style);
  /* A UML line's stereotype, above its name, as Dia shows it */
  {
    g_autofree char *stereotype = string_of (o, "stereotype");

    if (stereotype != NULL && *stereotype != '\0')
      {
        char *both = text != NULL && *text != '\0' ? g_strdup_printf ("«%s»\n%s", stereotype, text)
                                                   : g_strdup_printf ("«%s»", stereotype);

        g_free (text);
        text = both;
      }
  }
  if (text != NULL && *text != '\0')
    flexo_connector_set_label (connector, FLEXO_LABEL_MIDDLE, text);
  if (!flexo_style_has (style, FLEXO_STYLE_TEXT_COLOR))
    flexo_style_set_text_color (style, 0x000000ff);
  flexo_connector_set_style (connector, style);
  flexo_diagram_add_item (b->diagram, connector);
  b->report->n_connectors++;
}

/* The outline of a polygon (its corners) or a beziergon (its first point,
 * then the two control points and the end of each segment, the end of the
 * last left out when it is the first point, as Dia writes it). NULL when
 * its points make no outline. */
static FlexoPath *
closed_outline (DiaObject *o)
{
  gboolean bezier = strcmp (o->type, "Standard - Beziergon") == 0;
  const char *key = _flexo_dia_table_key (_flexo_dia_table, bezier ? "bez_points" : "poly_points", FALSE);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (FlexoPoint));
  g_autoptr(FlexoPath) path = flexo_path_new ();
  const FlexoPoint *p;
  guint n;

  for (guint i = 0; key != NULL && i < o->n_pairs; i++)
    {
      Pair *pair = &g_array_index (_flexo_dia_table->pairs, Pair, o->first + i);
      FlexoPoint q;

      if (pair->name != key)
        continue;
      /* A point lost would shift a beziergon's triples. */
      if (!parse_point (pair->value, &q))
        return NULL;
      g_array_append_val (points, q);
    }
  n = points->len;
  p = (const FlexoPoint *) (gconstpointer) points->data;
  if (!bezier && n >= 3)
    {
      flexo_path_move_to (path, p[0].x, p[0].y);
      for (guint i = 1; i < n; i++)
        flexo_path_line_to (path, p[i].x, p[i].y);
    }
  else if (bezier && n >= 3 && n % 3 != 2)
    {
      flexo_path_move_to (path, p[0].x, p[0].y);
      for (guint i = 1; i + 1 < n; i += 3)
        {
          FlexoPoint end = i + 2 < n ? p[i + 2] : p[0];

          flexo_path_curve_to (path, p[i].x, p[i].y, p[i + 1].x, p[i + 1].y, end.x, end.y);
        }
    }
  else
    return NULL;
  flexo_path_close_path (path);
  return g_steal_pointer (&path);
}

/* A KAOS goal by its type, as Dia draws it: a soft goal is a cloud (the
 * nearest), the others parallelograms with Dia's offset of half a
 * centimetre, leaning right, an obstacle's left; a requirement's and an
 * assumption's border twice as thick. */
static void
add_kaos_goal (Builder   *b,
               DiaObject *o,
               FlexoRect *box)
{
  const double offset = 0.5 * SCALE;
  int type = int_of (o, "type", 1);
  g_autoptr(FlexoPath) outline = flexo_path_new ();
  FlexoShape *shape;
  double x = box->x, y = box->y, r = box->x + box->width, bottom = box->y + box->height;
  double k = MIN (offset, box->width / 3);

  if (type == 0)
    {
      note_approximation (b, o->type);
      add_element (b, o, FLEXO_SHAPE_CLOUD, box);
      return;
    }
  if (type == 4)
    {
      flexo_path_move_to (outline, x, y);
      flexo_path_line_to (outline, r - k, y);
      flexo_path_line_to (outline, r, bottom);
      flexo_path_line_to (outline, x + k, bottom);
    }
  else
    {
      flexo_path_move_to (outline, x + k, y);
      flexo_path_line_to (outline, r, y);
      flexo_path_line_to (outline, r - k, bottom);
      flexo_path_line_to (outline, x, bottom);
    }
  flexo_path_close_path (outline);
  shape = add_element (b, o, FLEXO_SHAPE_FREEFORM, box);
  flexo_shape_set_outline (shape, outline);
  if (type == 2 || type == 3)
    {
      g_autoptr(FlexoStyle) style = flexo_style_copy (flexo_shape_get_style (shape));

      flexo_style_set_stroke_width (style, style->stroke_width * 2);
      flexo_shape_set_style (shape, style);
    }
}

/* Polygons and beziergons have point lists but are closed: elements. */
static gboolean
is_closed_outline (DiaObject *o)
{
  return strcmp (o->type, "Standard - Polygon") == 0 || strcmp (o->type, "Standard - Beziergon") == 0;
}

/* Lines have end points or a point list; elements, a corner or a box. */
static gboolean
is_line (DiaObject *o)
{
  return !is_closed_outline (o) &&
         (value_of (o, "conn_endpoints") != NULL || value_of (o, "poly_points") != NULL ||
          value_of (o, "orth_points") != NULL || value_of (o, "bez_points") != NULL);
}

/* An object that is not a line. */
static void
add_object (Builder   *b,
            DiaObject *o)
{
  FlexoRect box;
  gboolean approximate = FALSE;
  int kind;

  if (strcmp (o->type, "Standard - Text") == 0)
    {
      add_text (b, o);
      return;
    }
  if (is_closed_outline (o))
    {
      g_autoptr(FlexoPath) outline = closed_outline (o);

      /* A free form in the exact bounds of its outline. */
      if (outline != NULL && flexo_path_get_bounds (outline, &box))
        {
          flexo_shape_set_outline (add_element (b, o, FLEXO_SHAPE_FREEFORM, &box), outline);
          return;
        }
    }
  if (!element_box (o, &box))
    {
      note_approximation (b, _("object without a position"));
      return;
    }
  if (strcmp (o->type, "KAOS - goal") == 0)
    {
      add_kaos_goal (b, o, &box);
      return;
    }
  kind = element_kind (o->type, o, &approximate);
  if (kind >= 0 && approximate)
    note_approximation (b, o->type);
  if (kind < 0)
    {
      add_placeholder (b, o, &box);
      return;
    }
  add_element (b, o, kind, &box);
}

/* ---------------------------------------------------------------- loading -- */

static FlexoDocument *
build (DiaTable        *t,
       const char      *display_name,
       FlexoDiaReport  *report)
{
  FlexoDocument *document = flexo_document_new ();
  g_autoptr(FlexoDiagram) diagram = NULL;
  g_autofree char *name = g_path_get_basename (display_name);
  char *dot = strrchr (name, '.');
  Builder b = { document, NULL, NULL, report, display_name, NULL, NULL };
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));

  if (dot != NULL)
    *dot = '\0';
  diagram = flexo_diagram_new (document, name);
  b.diagram = diagram;
  b.shapes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.cardinalities = g_array_new (FALSE, FALSE, sizeof (Cardinalities));
  g_array_set_clear_func (b.cardinalities, (GDestroyNotify) _flexo_dia_cardinalities_clear);
  b.participations = g_ptr_array_new ();
  flexo_document_begin (document, NULL);
  /* The diagram is filled before it enters the document, which then
   * indexes its shapes at once. Elements first, in order, so that lines
   * find the shapes they are connected to; then the lines, in order, above
   * them. */
  _flexo_dia_table = t;
  for (guint i = 0; i < t->objects->len; i++)
    {
      DiaObject *o = &g_array_index (t->objects, DiaObject, i);

      /* Flexo shows every object: say which Dia hid. */
      if (o->hidden)
        note_approximation (&b, _("object of a hidden layer, shown"));
      if (is_line (o))
        g_array_append_val (lines, i);
      else
        add_object (&b, o);
    }
  for (guint k = 0; k < lines->len; k++)
    add_line (&b, &g_array_index (t->objects, DiaObject, g_array_index (lines, guint, k)));
  _flexo_dia_place_cardinalities (&b);
  /* Dia's children (0.97's childnode) inside their parents. */
  for (guint i = 0; i < t->objects->len; i++)
    {
      DiaObject *o = &g_array_index (t->objects, DiaObject, i);
      FlexoShape *child = o->parent != NULL ? g_hash_table_lookup (b.shapes, o->id) : NULL;
      FlexoShape *parent = child != NULL ? g_hash_table_lookup (b.shapes, o->parent) : NULL;

      if (parent != NULL && parent != child && !flexo_shape_is_inside (parent, child))
        flexo_shape_set_parent (child, parent);
    }
  _flexo_dia_table = NULL;
  flexo_object_insert_child (FLEXO_OBJECT (document), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  flexo_document_commit (document);
  flexo_document_clear_history (document);
  flexo_document_set_saved (document);
  g_hash_table_unref (b.shapes);
  g_array_unref (b.cardinalities);
  g_ptr_array_unref (b.participations);
  return document;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

char *
flexo_dia_report_describe (const FlexoDiaReport *report)
{
  g_autoptr(GPtrArray) names = NULL;
  GString *notes;
  GHashTableIter iter;
  gpointer name, count;
  guint total = 0;

  g_return_val_if_fail (report != NULL, NULL);

  if (report->approximated == NULL || g_hash_table_size (report->approximated) == 0)
    return NULL;

  names = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, report->approximated);
  while (g_hash_table_iter_next (&iter, &name, &count))
    {
      g_ptr_array_add (names, name);
      total += GPOINTER_TO_UINT (count);
    }
  g_ptr_array_sort (names, compare_strings);

  notes = g_string_new (NULL);
  g_string_append_printf (notes, ngettext ("Imported with %u approximation", "Imported with %u approximations", total),
                          total);
  for (guint i = 0; i < names->len; i++)
    {
      const char *what = g_ptr_array_index (names, i);

      /* Translators: something that was approximated, and how many times */
      g_string_append_c (notes, '\n');
      g_string_append_printf (notes, _("%s (%u)"), what,
                              GPOINTER_TO_UINT (g_hash_table_lookup (report->approximated, what)));
    }
  return g_string_free (notes, FALSE);
}

FlexoDocument *
flexo_dia_import (const char  *path,
                  char       **notes,
                  GError     **error)
{
  FlexoDiaReport report = { 0 };
  FlexoDocument *document = flexo_dia_load_path_with_report (path, &report, error);

  if (notes != NULL)
    *notes = document != NULL ? flexo_dia_report_describe (&report) : NULL;
  flexo_dia_report_clear (&report);
  return document;
}

void
flexo_dia_report_clear (FlexoDiaReport *report)
{
  g_clear_pointer (&report->approximated, g_hash_table_unref);
}

static FlexoDocument *
load (FlexoXmlReader  *reader,
      FlexoDiaReport  *report,
      GError         **error)
{
  g_autoptr(DiaTable) objects = NULL;
  FlexoDiaReport own = { 0 };
  FlexoDocument *document;
  guint n_layers = 0;

  if (report == NULL)
    report = &own;
  memset (report, 0, sizeof *report);
  report->approximated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  objects = _flexo_dia_parse (reader, &n_layers, error);
  if (objects == NULL)
    {
      flexo_dia_report_clear (report);
      return NULL;
    }
  report->n_objects = objects->objects->len;
  report->n_layers = n_layers;
  document = build (objects, flexo_xml_reader_get_display_name (reader), report);
  flexo_dia_report_clear (&own);
  return document;
}

FlexoDocument *
flexo_dia_load_path_with_report (const char      *path,
                                 FlexoDiaReport  *report,
                                 GError         **error)
{
  g_autoptr(FlexoXmlReader) reader = flexo_xml_reader_new_for_path (path, error);

  if (reader == NULL)
    return NULL;
  return load (reader, report, error);
}

FlexoDocument *
flexo_dia_load_path (const char  *path,
                     GError     **error)
{
  return flexo_dia_load_path_with_report (path, NULL, error);
}
