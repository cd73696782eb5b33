/* flexo-format-dia-sheets.c — what the lines and symbols of Dia's UML and
 * ER sheets mean in Flexo, and Dia's arrows: associations' roles,
 * multiplicities and navigable ends, ER cardinalities, keys and double
 * symbols
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "flexo-format-dia.h"
#include "flexo-format-dia-private.h"
#include "flexo-model.h"

void
_flexo_dia_cardinalities_clear (Cardinalities *c)
{
  g_free (c->left);
  g_free (c->right);
}

/* ER's symbols: what Dia draws with a double border (a weak entity, an
 * identifying relationship, a multivalued attribute) has a thick one, a
 * derived attribute a dashed one, a key attribute its name underlined. */
void
_flexo_dia_er_symbol (Builder    *b,
                      DiaObject  *o,
                      FlexoStyle *style)
{
  if (!g_str_has_prefix (o->type, "ER - "))
    return;
  if (bool_of (o, "weak", FALSE) || bool_of (o, "identifying", FALSE) || bool_of (o, "multivalued", FALSE))
    {
      flexo_style_set_stroke_width (style, style->stroke_width * 2);
      note_approximation (b, _("ER double border, drawn thick"));
    }
  if (bool_of (o, "derived", FALSE))
    flexo_style_set_dash (style, FLEXO_DASH_DASHED);
  /* A key's name underlined; a weak key's too, which Dia dashes */
  if (bool_of (o, "key", FALSE) || bool_of (o, "weak_key", FALSE))
    flexo_style_set_underline (style, TRUE);
  if (bool_of (o, "weak_key", FALSE))
    note_approximation (b, _("ER weak key, its name underlined with a solid line"));
}

/* UML lines draw what their type says (the start is the general end);
 * KAOS lines too. */
void
_flexo_dia_uml_line (DiaObject  *o,
                     FlexoStyle *style)
{
  if (strcmp (o->type, "UML - Generalization") == 0)
    flexo_style_set_arrow_start (style, FLEXO_ARROW_HOLLOW_TRIANGLE);
  else if (strcmp (o->type, "UML - Realizes") == 0)
    {
      flexo_style_set_arrow_start (style, FLEXO_ARROW_HOLLOW_TRIANGLE);
      flexo_style_set_dash (style, FLEXO_DASH_DASHED);
    }
  else if (strcmp (o->type, "UML - Dependency") == 0)
    {
      if (bool_of (o, "draw_arrow", TRUE))
        flexo_style_set_arrow_end (style, FLEXO_ARROW_OPEN);
      flexo_style_set_dash (style, FLEXO_DASH_DASHED);
    }
  if (g_str_has_prefix (o->type, "UML - "))
    flexo_style_set_routing (style, FLEXO_ROUTING_ORTHOGONAL);
  /* KAOS: a refinement's and a refinement link's arrow to what it refines. */
  if (strcmp (o->type, "KAOS - mbr") == 0 || strcmp (o->type, "KAOS - maor") == 0)
    flexo_style_set_arrow_end (style, FLEXO_ARROW_FILLED);
}

/* Dia's arrow kinds (lib/arrows.h), by number, as Flexo's heads; the
 * name of those only the nearest head draws (NULL: drawn as Dia does). */
static FlexoArrowHead
arrow_of (int          kind,
          const char **approximated)
{
  static const char * const names[] = {
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, "Slashed Cross", NULL, NULL,
    "Double Hollow Triangle", "Double Filled Triangle", NULL, "Filled Dot", "Dimension Origin", "Blanked Dot",
    "Filled Box", NULL, "Slash Arrow", "Integral Symbol", NULL, NULL, NULL, "Blanked Concave",
    "Round", "Half Diamond", "Open Round", "Filled Dot and Triangle", NULL, NULL, NULL, NULL,
    "Backslash", "Three Dots",
  };

  *approximated = kind >= 0 && kind < (int) G_N_ELEMENTS (names) ? names[kind] : "?";
  switch (kind)
    {
    case 0: return FLEXO_ARROW_NONE;
    case 1: case 18: case 26: case 32: return FLEXO_ARROW_OPEN;
    case 2: case 10: case 12: case 23: return FLEXO_ARROW_HOLLOW_TRIANGLE;
    case 3: case 11: case 27: return FLEXO_ARROW_FILLED;
    case 22: return FLEXO_ARROW_CONCAVE;
    case 4: return FLEXO_ARROW_HOLLOW_DIAMOND;
    case 5: case 25: return FLEXO_ARROW_FILLED_DIAMOND;
    case 6: return FLEXO_ARROW_HALF;
    case 7: case 21: return FLEXO_ARROW_CROSS;
    case 8: case 14: return FLEXO_ARROW_FILLED_CIRCLE;
    case 9: case 13: case 24: return FLEXO_ARROW_CIRCLE;
    case 16: case 17: return FLEXO_ARROW_SQUARE;
    case 20: return FLEXO_ARROW_CROWS_FOOT_MANY;
    case 28: return FLEXO_ARROW_CROWS_FOOT_ONE_OR_MANY;
    case 29: return FLEXO_ARROW_CROWS_FOOT_ZERO_OR_MANY;
    case 30: return FLEXO_ARROW_CROWS_FOOT_ZERO_OR_ONE;
    case 31: return FLEXO_ARROW_CROWS_FOOT_ONE;
    default: return FLEXO_ARROW_OPEN;
    }
}

/* A line's arrow at its start or end, what it approximated reported:
 * its kind, or its size when far from Dia's defaults (half a centimetre
 * long and wide, 0.8 in older files): Flexo's heads, sized by the line,
 * are about 0.65 cm long on Dia's usual 0.1 cm line. */
FlexoArrowHead
_flexo_dia_line_arrow (Builder    *b,
                       DiaObject  *o,
                       gboolean    start)
{
  const char *approximated = NULL;
  FlexoArrowHead head = arrow_of (int_of (o, start ? "start_arrow" : "end_arrow", 0), &approximated);
  double length = real_of (o, start ? "start_arrow_length" : "end_arrow_length", 0.5);
  double width = real_of (o, start ? "start_arrow_width" : "end_arrow_width", 0.5);

  if (head != FLEXO_ARROW_NONE && (MAX (length, width) > 0.9 || MIN (length, width) < 0.25))
    note_approximation (b, _("Dia arrow of another size than its default, drawn at the line’s"));

  if (approximated != NULL)
    {
      /* Translators: %s is the name of one of Dia's arrows, in English as Dia names it */
      g_autofree char *what = g_strdup_printf (_("Dia arrow “%s”, drawn as the nearest head"), approximated);

      note_approximation (b, what);
    }
  return head;
}

/* A UML association's ends (Dia 0.97's "ends", or the older role_a,
 * multipicity_a — Dia's spelling — and show_arrow_a): a role, with its
 * visibility, and a multiplicity as the connector's end label, an open
 * arrow where the end is navigable, a diamond where it aggregates. */
void
_flexo_dia_uml_association (Builder        *b,
                            DiaObject      *o,
                            FlexoConnector *connector,
                            FlexoStyle     *style)
{
  static const char * const visibility[] = { "+", "-", "#", "" };
  gboolean ends = count_values (o, "ends.role") == 2;

  for (guint end = 0; end < 2; end++)
    {
      g_autofree char *role = NULL;
      g_autofree char *multiplicity = NULL;
      g_autoptr(GString) label = g_string_new (NULL);
      const char *text;
      gboolean arrow;
      int aggregate = 0, shown = 3;
      FlexoArrowHead head = FLEXO_ARROW_NONE;

      if (ends)
        {
          role = g_strdup (nth_string (o, "ends.role", end));
          multiplicity = g_strdup (nth_string (o, "ends.multiplicity", end));
          text = nth_value (o, "ends.arrow", end);
          arrow = text != NULL && strcmp (text, "true") == 0;
          text = nth_value (o, "ends.aggregate", end);
          if (text != NULL)
            flexo_strtoi (text, &aggregate);
          text = nth_value (o, "ends.visibility", end);
          if (text != NULL)
            flexo_strtoi (text, &shown);
        }
      else
        {
          role = string_of (o, end == 0 ? "role_a" : "role_b");
          multiplicity = string_of (o, end == 0 ? "multipicity_a" : "multipicity_b");
          arrow = bool_of (o, end == 0 ? "show_arrow_a" : "show_arrow_b", FALSE);
          shown = int_of (o, end == 0 ? "visibility_a" : "visibility_b", 3);
        }
      if (role != NULL && *role != '\0')
        g_string_append_printf (label, "%s%s", shown >= 0 && shown < 3 ? visibility[shown] : "", role);
      if (multiplicity != NULL && *multiplicity != '\0')
        g_string_append_printf (label, "%s%s", label->len > 0 ? "\n" : "", multiplicity);
      if (label->len > 0)
        flexo_connector_set_label (connector, end == 0 ? FLEXO_LABEL_START : FLEXO_LABEL_END, label->str);
      if (aggregate == 1)
        head = FLEXO_ARROW_HOLLOW_DIAMOND;
      else if (aggregate == 2)
        head = FLEXO_ARROW_FILLED_DIAMOND;
      else if (arrow)
        head = FLEXO_ARROW_OPEN;
      if (head != FLEXO_ARROW_NONE && end == 0)
        flexo_style_set_arrow_start (style, head);
      else if (head != FLEXO_ARROW_NONE)
        flexo_style_set_arrow_end (style, head);
    }
  /* Older files' aggregation names no end. */
  if (!ends && int_of (o, "assoc_type", 0) != 0)
    note_approximation (b, _("UML aggregation of an old Dia file, not shown"));
}

/* An association's name, with the triangle Dia draws beside it for the
 * direction it reads in. */
char *
_flexo_dia_association_name (DiaObject *o,
                             char      *name)
{
  int direction = int_of (o, "direction", 0);
  char *decorated;

  if (name == NULL || *name == '\0' || !bool_of (o, "show_direction", TRUE) || (direction != 1 && direction != 2))
    return name;
  decorated = direction == 1 ? g_strconcat (name, " ▸", NULL) : g_strconcat ("◂ ", name, NULL);
  g_free (name);
  return decorated;
}

/* ER's lines: a total participation, which Dia draws double, thick. */
void
_flexo_dia_er_line (Builder        *b,
                    DiaObject      *o,
                    FlexoConnector *connector,
                    FlexoStyle     *style)
{
  if (strcmp (o->type, "ER - Participation") != 0)
    return;
  g_ptr_array_add (b->participations, connector);
  if (bool_of (o, "total", FALSE))
    {
      flexo_style_set_stroke_width (style, style->stroke_width * 2);
      note_approximation (b, _("ER total participation (a double line), drawn thick"));
    }
}

/* Where an ER relationship's cardinality goes: the end, at @shape, of
 * the line of @lines (connectors, and maybe shapes) nearest @corner
 * (NULL: none near). */
static FlexoConnector *
line_at (GPtrArray          *lines,
         FlexoShape         *shape,
         FlexoPoint          corner,
         FlexoLabelPosition *position)
{
  const FlexoRect *box = flexo_shape_get_bounds (shape);
  double best = MIN (box->width, box->height) / 2 + 1;
  FlexoConnector *found = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      FlexoConnector *c = g_ptr_array_index (lines, i);

      if (!FLEXO_IS_CONNECTOR (c))
        continue;

      for (guint end = 0; end < 2; end++)
        {
          FlexoShape *at = end == 0 ? flexo_connector_get_source (c) : flexo_connector_get_target (c);
          FlexoPoint p = end == 0 ? flexo_connector_get_source_point (c) : flexo_connector_get_target_point (c);
          double d = hypot (p.x - corner.x, p.y - corner.y);

          if (at == shape && d < best &&
              flexo_connector_get_label (c, end == 0 ? FLEXO_LABEL_START : FLEXO_LABEL_END) == NULL)
            {
              best = d;
              found = c;
              *position = end == 0 ? FLEXO_LABEL_START : FLEXO_LABEL_END;
            }
        }
    }
  return found;
}

/* ER relationships' cardinalities on their participations' ends, else
 * as texts beside their corners. */
void
_flexo_dia_place_cardinalities (Builder *b)
{
  for (guint i = 0; i < b->cardinalities->len; i++)
    {
      Cardinalities *c = &g_array_index (b->cardinalities, Cardinalities, i);
      const FlexoRect *box = flexo_shape_get_bounds (c->shape);

      for (guint side = 0; side < 2; side++)
        {
          const char *text = side == 0 ? c->left : c->right;
          FlexoPoint corner = c->rotated ? FLEXO_POINT_INIT (box->x + box->width / 2, box->y + side * box->height)
                                         : FLEXO_POINT_INIT (box->x + side * box->width, box->y + box->height / 2);
          FlexoLabelPosition position = FLEXO_LABEL_START;
          FlexoConnector *connector;

          if (text == NULL || *text == '\0')
            continue;
          /* A participation's end, else a plain line's */
          connector = line_at (b->participations, c->shape, corner, &position);
          if (connector == NULL)
            connector = line_at (flexo_diagram_get_items (b->diagram), c->shape, corner, &position);
          if (connector != NULL)
            flexo_connector_set_label (connector, position, text);
          else
            {
              g_autoptr(FlexoStyle) style = flexo_style_new ();
              double size = 20 + 8 * g_utf8_strlen (text, -1);
              FlexoRect at = FLEXO_RECT_INIT (corner.x - (c->rotated ? 0 : side == 0 ? size : 0),
                                             corner.y - (c->rotated && side == 0 ? 24 : c->rotated ? 0 : 24),
                                             size, 24);
              g_autoptr(FlexoShape) shape = flexo_shape_new (b->document, &at);

              flexo_style_set_shape_kind (style, FLEXO_SHAPE_TEXT);
              flexo_style_set_text_color (style, 0x000000ff);
              flexo_shape_set_style (shape, style);
              flexo_shape_set_text (shape, text);
              flexo_diagram_add_item (b->diagram, shape);
              b->report->n_shapes++;
              note_approximation (b, _("ER cardinality with no participation line there, as a text"));
            }
        }
    }
}
