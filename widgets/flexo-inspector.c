/* flexo-inspector.c — the style of the selection, shown and edited
 *
 * One row per attribute of FlexoStyle (the four font attributes share
 * one). Each row shows the resolved value of the selection, or says
 * "Mixed" when the selected elements differ; a change sets that one
 * attribute as an override of every selected element, in one history
 * entry. Spin buttons and the opacity slider merge their steps into one
 * entry while they are being dragged. Rows that do not apply to what is
 * selected (arrow heads for shapes, fill for connectors) are hidden.
 * With nothing selected, the rows edit the default style of new elements.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "flexo-form.h"
#include "flexo-inspector.h"
#include "flexo-outline.h"
#include "flexo-instance-editor.h"
#include "flexo-widget-util.h"

#define N_FIELDS 18  /* the bits of FLEXO_STYLE_ALL */
G_STATIC_ASSERT (FLEXO_STYLE_ALL == (1 << N_FIELDS) - 1);
#define FONT_FIELDS (FLEXO_STYLE_FONT_FAMILY | FLEXO_STYLE_FONT_SIZE | FLEXO_STYLE_FONT_WEIGHT | FLEXO_STYLE_FONT_STYLE)

typedef enum
{
  ROW_DROP_DOWN,
  ROW_COLOR,
  ROW_SPIN,
  ROW_SCALE,
  ROW_SWITCH,
  ROW_FONT,
  ROW_ALIGN,
} RowKind;

enum
{
  FOR_SHAPES = 1 << 0,
  FOR_CONNECTORS = 1 << 1,
  FOR_BOTH = FOR_SHAPES | FOR_CONNECTORS,
};

typedef struct
{
  FlexoStyleField  field;
  RowKind          kind;
  guint            applies;
  const char      *title;
  const char      *undo_label;
  GtkWidget       *label;
  GtkWidget       *control;
  GtkWidget       *mixed;
  GtkWidget       *attach;   /* what is in the grid: the control, or its box */
  GtkWidget       *section;  /* the heading above it */
  GtkWidget       *align[FLEXO_N_ALIGNS];
  gboolean         is_mixed;
} Row;

struct _FlexoInspector
{
  GtkWidget      parent_instance;

  GtkWidget     *scrolled;
  GtkWidget     *heading;
  GtkWidget     *instance_editor;
  GtkWidget     *reset;
  GtkWidget     *section;    /* the last heading added, while building */
  Row            rows[N_FIELDS];

  FlexoDocument *document;
  gulong         changed_id;
  GPtrArray     *items;
  FlexoObject   *look_owner;  /* a concept or relation whose look is edited */
  FlexoStyle    *default_style;
  guint          updating;
};

G_DEFINE_FINAL_TYPE (FlexoInspector, flexo_inspector, GTK_TYPE_WIDGET)

enum {
  DEFAULT_STYLE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const shape_names[] = {
  N_("Rectangle"), N_("Rounded Rectangle"), N_("Ellipse"), N_("Circle"), N_("Diamond"), N_("Triangle"),
  N_("Hexagon"), N_("Parallelogram"), N_("Trapezoid"), N_("Star"), N_("Chevron"), N_("Cross"),
  N_("Cylinder"), N_("Document"), N_("Note"), N_("Actor"), N_("Cloud"), N_("Package"), N_("Class"),
  N_("Text"), N_("Container"), N_("Free Form"), NULL
};
static const char * const dash_names[] = { N_("Solid"), N_("Dashed"), N_("Dotted"), N_("Dash and Dot"), NULL };
static const char * const arrow_names[] = {
  N_("None"), N_("Open Arrow"), N_("Filled Arrow"), N_("Hollow Triangle"), N_("Hollow Diamond"), N_("Filled Diamond"),
  N_("Circle"), N_("Filled Circle"), N_("Square"), N_("Crow’s Foot, One"), N_("Crow’s Foot, Many"),
  N_("Crow’s Foot, Zero or One"), N_("Crow’s Foot, Zero or Many"), N_("Half Arrow"), N_("Cross"),
  N_("Concave Arrow"), N_("Crow’s Foot, One or Many"), NULL
};
static const char * const routing_names[] = { N_("Straight"), N_("Orthogonal"), N_("Curved"), N_("Bézier"), NULL };

/* -------------------------------------------------------------- values -- */

static guint
field_index (FlexoStyleField field)
{
  return (guint) g_bit_nth_lsf (field, -1);
}

static Row *
row_for (FlexoInspector  *self,
         FlexoStyleField  field)
{
  if (field & FONT_FIELDS)
    field = FLEXO_STYLE_FONT_FAMILY;
  return &self->rows[field_index (field)];
}

/* A field's value as a number (colours as their 32 bits). */
static double
style_number (const FlexoStyle *s,
              FlexoStyleField   field)
{
  switch (field)
    {
    case FLEXO_STYLE_SHAPE_KIND: return s->shape_kind;
    case FLEXO_STYLE_FILL: return s->fill;
    case FLEXO_STYLE_STROKE: return s->stroke;
    case FLEXO_STYLE_STROKE_WIDTH: return s->stroke_width;
    case FLEXO_STYLE_DASH: return s->dash;
    case FLEXO_STYLE_CORNER_RADIUS: return s->corner_radius;
    case FLEXO_STYLE_FONT_SIZE: return s->font_size;
    case FLEXO_STYLE_FONT_WEIGHT: return s->font_weight;
    case FLEXO_STYLE_FONT_STYLE: return s->font_style;
    case FLEXO_STYLE_TEXT_COLOR: return s->text_color;
    case FLEXO_STYLE_ALIGN: return s->align;
    case FLEXO_STYLE_ARROW_START: return s->arrow_start;
    case FLEXO_STYLE_ARROW_END: return s->arrow_end;
    case FLEXO_STYLE_ROUTING: return s->routing;
    case FLEXO_STYLE_SHADOW: return s->shadow;
    case FLEXO_STYLE_UNDERLINE: return s->underline;
    case FLEXO_STYLE_OPACITY: return s->opacity;
    case FLEXO_STYLE_FONT_FAMILY:
    case FLEXO_STYLE_ALL:
    default:
      return 0;
    }
}

static void
style_set_number (FlexoStyle      *s,
                  FlexoStyleField  field,
                  double           v)
{
  switch (field)
    {
    case FLEXO_STYLE_SHAPE_KIND: flexo_style_set_shape_kind (s, (FlexoShapeKind) v); break;
    case FLEXO_STYLE_FILL: flexo_style_set_fill (s, (FlexoColor) v); break;
    case FLEXO_STYLE_STROKE: flexo_style_set_stroke (s, (FlexoColor) v); break;
    case FLEXO_STYLE_STROKE_WIDTH: flexo_style_set_stroke_width (s, v); break;
    case FLEXO_STYLE_DASH: flexo_style_set_dash (s, (FlexoDash) v); break;
    case FLEXO_STYLE_CORNER_RADIUS: flexo_style_set_corner_radius (s, v); break;
    case FLEXO_STYLE_FONT_SIZE: flexo_style_set_font_size (s, v); break;
    case FLEXO_STYLE_FONT_WEIGHT: flexo_style_set_font_weight (s, (int) v); break;
    case FLEXO_STYLE_FONT_STYLE: flexo_style_set_font_style (s, (FlexoFontStyle) v); break;
    case FLEXO_STYLE_TEXT_COLOR: flexo_style_set_text_color (s, (FlexoColor) v); break;
    case FLEXO_STYLE_ALIGN: flexo_style_set_align (s, (FlexoAlign) v); break;
    case FLEXO_STYLE_ARROW_START: flexo_style_set_arrow_start (s, (FlexoArrowHead) v); break;
    case FLEXO_STYLE_ARROW_END: flexo_style_set_arrow_end (s, (FlexoArrowHead) v); break;
    case FLEXO_STYLE_ROUTING: flexo_style_set_routing (s, (FlexoRouting) v); break;
    case FLEXO_STYLE_SHADOW: flexo_style_set_shadow (s, v != 0); break;
    case FLEXO_STYLE_UNDERLINE: flexo_style_set_underline (s, v != 0); break;
    case FLEXO_STYLE_OPACITY: flexo_style_set_opacity (s, v); break;
    case FLEXO_STYLE_FONT_FAMILY:
    case FLEXO_STYLE_ALL:
    default:
      break;
    }
}

static void
color_to_rgba (FlexoColor  color,
               GdkRGBA    *rgba)
{
  rgba->red = FLEXO_COLOR_RED (color) / 255.0;
  rgba->green = FLEXO_COLOR_GREEN (color) / 255.0;
  rgba->blue = FLEXO_COLOR_BLUE (color) / 255.0;
  rgba->alpha = FLEXO_COLOR_ALPHA (color) / 255.0;
}

static FlexoColor
rgba_to_color (const GdkRGBA *rgba)
{
  return FLEXO_COLOR_RGBA ((guint) lround (CLAMP (rgba->red, 0, 1) * 255), (guint) lround (CLAMP (rgba->green, 0, 1) * 255),
                           (guint) lround (CLAMP (rgba->blue, 0, 1) * 255), (guint) lround (CLAMP (rgba->alpha, 0, 1) * 255));
}

/* -------------------------------------------------------------- editing -- */

static gboolean
has_selection (FlexoInspector *self)
{
  return self->document != NULL && self->items != NULL && self->items->len > 0;
}

static void emit_default_changed (FlexoInspector *self);

static const FlexoStyle *
look_style (FlexoObject *owner)
{
  return FLEXO_IS_CONCEPT (owner) ? flexo_concept_get_style (FLEXO_CONCEPT (owner))
                                  : flexo_relation_get_style (FLEXO_RELATION (owner));
}

static void
set_look_style (FlexoObject      *owner,
                const FlexoStyle *style)
{
  if (FLEXO_IS_CONCEPT (owner))
    flexo_concept_set_style (FLEXO_CONCEPT (owner), style);
  else
    flexo_relation_set_style (FLEXO_RELATION (owner), style);
}

/* Merges @only into the look of the edited concept or relation, in one
 * history entry. */
static void
apply_to_look (FlexoInspector   *self,
               const FlexoStyle *only,
               const char       *label,
               const char       *merge_key)
{
  const FlexoStyle *own = look_style (self->look_owner);
  g_autoptr(FlexoStyle) style = own != NULL ? flexo_style_copy (own) : flexo_style_new ();

  if (!flexo_object_is_live (self->look_owner) || flexo_document_in_transaction (self->document))
    return;
  flexo_style_merge (style, only);
  if (own != NULL && flexo_style_equal (own, style))
    return;
  flexo_document_begin_merge (self->document, label, merge_key);
  set_look_style (self->look_owner, style);
  flexo_document_commit (self->document);
}

/* Sets @fields of @values on every selected element as overrides (or on
 * the default style), in one history entry; @merge_key merges the steps
 * of a drag. */
static void
apply (FlexoInspector   *self,
       const FlexoStyle *values,
       guint32           fields,
       const char       *label,
       const char       *merge_key)
{
  g_autoptr(FlexoStyle) only = flexo_style_copy (values);

  if (self->updating)
    return;
  flexo_style_unset (only, FLEXO_STYLE_ALL & ~fields);

  if (self->look_owner != NULL)
    {
      apply_to_look (self, only, label, merge_key);
      return;
    }
  if (!has_selection (self))
    {
      g_autoptr(FlexoStyle) before = self->default_style != NULL ? flexo_style_copy (self->default_style) : flexo_style_new ();

      if (self->default_style == NULL)
        self->default_style = flexo_style_new ();
      flexo_style_merge (self->default_style, only);
      /* A control set to what it shows changes nothing. */
      if (!flexo_style_equal (before, self->default_style))
        emit_default_changed (self);
      return;
    }
  if (flexo_document_in_transaction (self->document))
    return;

  flexo_document_begin_merge (self->document, label, merge_key);
  for (guint i = 0; i < self->items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);
      const FlexoStyle *own = FLEXO_IS_SHAPE (item) ? flexo_shape_get_style (item) : flexo_connector_get_style (item);
      g_autoptr(FlexoStyle) style = own != NULL ? flexo_style_copy (own) : flexo_style_new ();

      if (!flexo_object_is_live (item))
        continue;
      flexo_style_merge (style, only);
      if (FLEXO_IS_SHAPE (item) && flexo_style_has (only, FLEXO_STYLE_SHAPE_KIND) &&
          only->shape_kind == FLEXO_SHAPE_FREEFORM && flexo_shape_get_form (item) == NULL)
        {
          /* Made a free form, a shape keeps its outline, now free to edit. */
          g_autoptr(FlexoPath) outline = flexo_path_new ();
          FlexoStyle was;

          flexo_shape_resolve_style (item, &was);
          flexo_outline_build (was.shape_kind, flexo_shape_get_bounds (item), was.corner_radius, NULL, outline);
          flexo_shape_set_style (item, style);
          flexo_shape_set_outline (item, outline);
        }
      else if (FLEXO_IS_SHAPE (item))
        flexo_shape_set_style (item, style);
      else
        flexo_connector_set_style (item, style);
    }
  flexo_document_commit (self->document);
}

static void
apply_number (FlexoInspector  *self,
              FlexoStyleField  field,
              double           value,
              gboolean         merge)
{
  g_autoptr(FlexoStyle) values = flexo_style_new ();
  Row *row = row_for (self, field);
  g_autofree char *key = merge ? g_strdup_printf ("inspector-%u", field_index (field)) : NULL;

  style_set_number (values, field, value);
  apply (self, values, field, _(row->undo_label), key);
}

static void
drop_down_changed (GtkDropDown    *drop_down,
                   GParamSpec     *pspec,
                   FlexoInspector *self)
{
  Row *row = g_object_get_data (G_OBJECT (drop_down), "row");
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected != GTK_INVALID_LIST_POSITION)
    apply_number (self, row->field, selected, FALSE);
}

static void
color_set (GtkColorButton *button,
           FlexoInspector *self)
{
  Row *row = g_object_get_data (G_OBJECT (button), "row");
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  apply_number (self, row->field, rgba_to_color (&rgba), FALSE);
}

static void
color_changed (GtkColorButton *button,
               GParamSpec     *pspec,
               FlexoInspector *self)
{
  /* Set from code (tests, scripts) rather than through the dialog. */
  if (!self->updating)
    color_set (button, self);
}

static void
spin_changed (GtkSpinButton  *spin,
              FlexoInspector *self)
{
  Row *row = g_object_get_data (G_OBJECT (spin), "row");

  apply_number (self, row->field, gtk_spin_button_get_value (spin), TRUE);
}

static void
scale_changed (GtkRange       *range,
               FlexoInspector *self)
{
  Row *row = g_object_get_data (G_OBJECT (range), "row");

  apply_number (self, row->field, gtk_range_get_value (range) / 100.0, TRUE);
}

/* The steps of a spin button or of the slider merge into one history
 * entry until the control loses the focus, or a new press on the slider
 * starts another drag. */
static void
end_merge (FlexoInspector *self)
{
  if (self->document != NULL)
    flexo_document_end_merge (self->document);
}

static void
control_focus_left (GtkEventControllerFocus *focus,
                    FlexoInspector          *self)
{
  end_merge (self);
}

static void
scale_pressed (GtkGestureClick *click,
               int              n_press,
               double           x,
               double           y,
               FlexoInspector  *self)
{
  end_merge (self);
}

static char *
format_percent (GtkScale *scale,
                double    value,
                gpointer  data)
{
  /* Translators: the opacity slider's value, e.g. "80 %". */
  return g_strdup_printf (_("%.0f %%"), value);
}

static void
switch_changed (GtkSwitch      *sw,
                GParamSpec     *pspec,
                FlexoInspector *self)
{
  Row *row = g_object_get_data (G_OBJECT (sw), "row");

  apply_number (self, row->field, gtk_switch_get_active (sw), FALSE);
}

static void
align_toggled (GtkToggleButton *button,
               FlexoInspector  *self)
{
  if (gtk_toggle_button_get_active (button))
    apply_number (self, FLEXO_STYLE_ALIGN, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "align")), FALSE);
}

static void
font_set (GtkFontButton  *button,
          FlexoInspector *self)
{
  g_autoptr(PangoFontDescription) desc = gtk_font_chooser_get_font_desc (GTK_FONT_CHOOSER (button));
  g_autoptr(FlexoStyle) values = flexo_style_new ();

  if (desc == NULL)
    return;
  if (pango_font_description_get_family (desc) != NULL)
    flexo_style_set_font_family (values, pango_font_description_get_family (desc));
  if (pango_font_description_get_size (desc) > 0)
    flexo_style_set_font_size (values, pango_font_description_get_size (desc) / (double) PANGO_SCALE);
  flexo_style_set_font_weight (values, pango_font_description_get_weight (desc));
  flexo_style_set_font_style (values, pango_font_description_get_style (desc) == PANGO_STYLE_NORMAL
                                      ? FLEXO_FONT_STYLE_NORMAL : FLEXO_FONT_STYLE_ITALIC);
  apply (self, values, values->set, _("Change Font"), NULL);
}

static void
reset_clicked (GtkButton      *button,
               FlexoInspector *self)
{
  if (self->look_owner != NULL)
    {
      if (look_style (self->look_owner) == NULL || flexo_document_in_transaction (self->document))
        return;
      flexo_document_begin (self->document, _("Reset Look"));
      set_look_style (self->look_owner, NULL);
      flexo_document_commit (self->document);
      return;
    }
  if (!has_selection (self))
    {
      g_clear_pointer (&self->default_style, flexo_style_free);
      emit_default_changed (self);
      return;
    }
  if (flexo_document_in_transaction (self->document))
    return;
  flexo_document_begin (self->document, _("Reset Style"));
  for (guint i = 0; i < self->items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);

      if (FLEXO_IS_SHAPE (item))
        flexo_shape_set_style (item, NULL);
      else if (FLEXO_IS_CONNECTOR (item))
        flexo_connector_set_style (item, NULL);
    }
  flexo_document_commit (self->document);
}

/* ------------------------------------------------------------- showing -- */

static void
resolve (FlexoInspector *self,
         gpointer        item,
         FlexoStyle     *out)
{
  if (FLEXO_IS_SHAPE (item))
    flexo_shape_resolve_style (item, out);
  else
    flexo_connector_resolve_style (item, out);
}

static void
show_row_value (FlexoInspector   *self,
                Row              *row,
                const FlexoStyle *style)
{
  switch (row->kind)
    {
    case ROW_DROP_DOWN:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (row->control),
                                  row->is_mixed ? GTK_INVALID_LIST_POSITION : (guint) style_number (style, row->field));
      break;
    case ROW_COLOR:
      {
        GdkRGBA rgba;

        color_to_rgba ((FlexoColor) style_number (style, row->field), &rgba);
        gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (row->control), &rgba);
      }
      break;
    case ROW_SPIN:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->control), style_number (style, row->field));
      break;
    case ROW_SCALE:
      gtk_range_set_value (GTK_RANGE (row->control), style_number (style, row->field) * 100);
      break;
    case ROW_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (row->control), style_number (style, row->field) != 0);
      break;
    case ROW_FONT:
      {
        g_autoptr(PangoFontDescription) desc = pango_font_description_new ();

        pango_font_description_set_family (desc, style->font_family != NULL ? style->font_family : "Sans");
        pango_font_description_set_size (desc, (int) (style->font_size * PANGO_SCALE));
        pango_font_description_set_weight (desc, style->font_weight);
        pango_font_description_set_style (desc, style->font_style == FLEXO_FONT_STYLE_ITALIC
                                                ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
        gtk_font_chooser_set_font_desc (GTK_FONT_CHOOSER (row->control), desc);
      }
      break;
    case ROW_ALIGN:
      for (guint a = 0; a < FLEXO_N_ALIGNS; a++)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->align[a]),
                                      !row->is_mixed && style->align == a);
      break;
    default:
      break;
    }
  gtk_widget_set_visible (row->mixed, row->is_mixed);
}

static gboolean
values_differ (const FlexoStyle *a,
               const FlexoStyle *b,
               Row              *row)
{
  if (row->kind == ROW_FONT)
    return g_strcmp0 (a->font_family, b->font_family) != 0 || a->font_size != b->font_size ||
           a->font_weight != b->font_weight || a->font_style != b->font_style;
  return style_number (a, row->field) != style_number (b, row->field);
}

static void
refresh (FlexoInspector *self)
{
  g_autofree char *heading = NULL;
  FlexoStyle first;
  guint n_shapes = 0, n_connectors = 0, applies;

  self->updating++;
  if (self->look_owner != NULL)
    {
      const char *name = FLEXO_IS_CONCEPT (self->look_owner)
                         ? flexo_concept_get_name (FLEXO_CONCEPT (self->look_owner))
                         : flexo_relation_get_name (FLEXO_RELATION (self->look_owner));

      first = *flexo_style_get_default ();
      if (look_style (self->look_owner) != NULL)
        flexo_style_merge (&first, look_style (self->look_owner));
      applies = FLEXO_IS_CONCEPT (self->look_owner) ? FOR_SHAPES : FOR_CONNECTORS;
      /* Translators: the heading of the look of a concept or relation. */
      heading = g_strdup_printf (_("Look of “%s”"), name != NULL ? name : "");
    }
  else if (has_selection (self))
    {
      for (guint i = 0; i < self->items->len; i++)
        {
          gpointer item = g_ptr_array_index (self->items, i);

          n_shapes += FLEXO_IS_SHAPE (item);
          n_connectors += FLEXO_IS_CONNECTOR (item);
        }
      resolve (self, g_ptr_array_index (self->items, 0), &first);
      applies = (n_shapes > 0 ? FOR_SHAPES : 0) | (n_connectors > 0 ? FOR_CONNECTORS : 0);
      if (n_shapes > 0 && n_connectors > 0)
        {
          g_autofree char *shapes = g_strdup_printf (ngettext ("%u shape", "%u shapes", n_shapes), n_shapes);
          g_autofree char *connectors = g_strdup_printf (ngettext ("%u connector", "%u connectors", n_connectors),
                                                         n_connectors);

          /* Translators: what is selected, e.g. "3 shapes, 1 connector". */
          heading = g_strdup_printf (_("%s, %s"), shapes, connectors);
        }
      else if (n_shapes > 0)
        heading = g_strdup_printf (ngettext ("%u shape", "%u shapes", n_shapes), n_shapes);
      else
        heading = g_strdup_printf (ngettext ("%u connector", "%u connectors", n_connectors), n_connectors);
    }
  else
    {
      first = *flexo_style_get_default ();
      if (self->default_style != NULL)
        flexo_style_merge (&first, self->default_style);
      applies = FOR_BOTH;
      heading = g_strdup (_("Style of New Shapes"));
    }
  gtk_label_set_label (GTK_LABEL (self->heading), heading);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      Row *row = &self->rows[f];
      gboolean row_applies;

      if (row->control == NULL)
        continue;
      row->is_mixed = FALSE;
      if (has_selection (self))
        for (guint i = 1; i < self->items->len && !row->is_mixed; i++)
          {
            gpointer item = g_ptr_array_index (self->items, i);
            FlexoStyle other;

            /* Only among the elements the row applies to. */
            if (!((FLEXO_IS_SHAPE (item) ? FOR_SHAPES : FOR_CONNECTORS) & row->applies))
              continue;
            resolve (self, item, &other);
            row->is_mixed = values_differ (&first, &other, row);
          }
      show_row_value (self, row, &first);
      /* New shapes get their kind from the palette, not from here. */
      if (!has_selection (self) && self->look_owner == NULL && row->field == FLEXO_STYLE_SHAPE_KIND)
        row_applies = FALSE;
      else
        row_applies = (row->applies & applies) != 0;
      gtk_widget_set_visible (row->label, row_applies);
      gtk_widget_set_visible (row->attach, row_applies);
      if (!row_applies)
        gtk_widget_set_visible (row->mixed, FALSE);
    }
  /* Headings over no visible row go too. */
  for (guint f = 0; f < N_FIELDS; f++)
    if (self->rows[f].section != NULL)
      gtk_widget_set_visible (self->rows[f].section, FALSE);
  for (guint f = 0; f < N_FIELDS; f++)
    if (self->rows[f].section != NULL && gtk_widget_get_visible (self->rows[f].label))
      gtk_widget_set_visible (self->rows[f].section, TRUE);
  self->updating--;
}

static void
document_changed (FlexoDocument  *document,
                  FlexoChanges   *changes,
                  FlexoInspector *self)
{
  gboolean touched = FALSE;

  if (self->look_owner != NULL)
    {
      if (flexo_object_is_live (self->look_owner) && flexo_changes_contains (changes, self->look_owner))
        refresh (self);
      return;
    }
  if (self->items == NULL)
    return;
  for (guint i = self->items->len; i-- > 0;)
    {
      gpointer item = g_ptr_array_index (self->items, i);

      if (!flexo_object_is_live (item))
        g_ptr_array_remove_index (self->items, i);
      else
        touched |= flexo_changes_contains (changes, item);
    }
  /* A concept's look changes its shapes' too: refresh on any change of
   * the selection or of something else than the selected items. */
  if (touched || !self->updating)
    refresh (self);
}

static gboolean
same_items (GPtrArray *a,
            GPtrArray *b)
{
  guint na = a != NULL ? a->len : 0, nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;
  return TRUE;
}

void
flexo_inspector_set_selection (FlexoInspector *self,
                               FlexoDocument  *document,
                               GPtrArray      *items)
{
  g_return_if_fail (FLEXO_IS_INSPECTOR (self));

  if (self->document != NULL)
    {
      /* The merging of a spin button's steps ends with the selection. */
      if (!same_items (self->items, items))
        flexo_document_end_merge (self->document);
      if (document != self->document)
        g_clear_signal_handler (&self->changed_id, self->document);
    }
  if (document != self->document)
    {
      g_set_object (&self->document, document);
      if (document != NULL)
        self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (document_changed), self);
    }
  g_clear_object (&self->look_owner);
  gtk_button_set_label (GTK_BUTTON (self->reset), _("_Reset Style"));
  flexo_widget_set_tooltip (self->reset, _("Remove the style set on the selection, back to its concept’s or the theme’s"));
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; items != NULL && i < items->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (items, i)));
  /* One shape of an instance: its values too. */
  flexo_instance_editor_set_instance (FLEXO_INSTANCE_EDITOR (self->instance_editor),
                                      self->items->len == 1 && FLEXO_IS_SHAPE (g_ptr_array_index (self->items, 0))
                                      ? flexo_shape_get_instance (g_ptr_array_index (self->items, 0)) : NULL);
  refresh (self);
}

void
flexo_inspector_set_look (FlexoInspector *self,
                          FlexoObject    *owner)
{
  FlexoDocument *document;

  g_return_if_fail (FLEXO_IS_INSPECTOR (self));
  g_return_if_fail (owner == NULL || FLEXO_IS_CONCEPT (owner) || FLEXO_IS_RELATION (owner));

  if (owner == NULL)
    {
      flexo_inspector_set_selection (self, NULL, NULL);
      return;
    }
  document = flexo_object_get_document (owner);
  flexo_inspector_set_selection (self, document, NULL);
  g_set_object (&self->look_owner, owner);
  gtk_button_set_label (GTK_BUTTON (self->reset), _("_Reset Look"));
  flexo_widget_set_tooltip (self->reset, _("Remove the look set here, back to the theme’s"));
  refresh (self);
}

FlexoObject *
flexo_inspector_get_look (FlexoInspector *self)
{
  g_return_val_if_fail (FLEXO_IS_INSPECTOR (self), NULL);

  return self->look_owner;
}

static void
emit_default_changed (FlexoInspector *self)
{
  refresh (self);
  g_signal_emit (self, signals[DEFAULT_STYLE_CHANGED], 0);
}

const FlexoStyle *
flexo_inspector_get_default_style (FlexoInspector *self)
{
  g_return_val_if_fail (FLEXO_IS_INSPECTOR (self), NULL);

  return self->default_style;
}

void
flexo_inspector_set_default_style (FlexoInspector   *self,
                                   const FlexoStyle *style)
{
  g_return_if_fail (FLEXO_IS_INSPECTOR (self));

  g_clear_pointer (&self->default_style, flexo_style_free);
  if (style != NULL)
    self->default_style = flexo_style_copy (style);
  refresh (self);
}

GtkWidget *
flexo_inspector_get_instance_editor (FlexoInspector *self)
{
  g_return_val_if_fail (FLEXO_IS_INSPECTOR (self), NULL);

  return self->instance_editor;
}

GtkWidget *
flexo_inspector_get_control (FlexoInspector  *self,
                             FlexoStyleField  field)
{
  Row *row;

  g_return_val_if_fail (FLEXO_IS_INSPECTOR (self), NULL);

  row = row_for (self, field);
  return row->kind == ROW_ALIGN ? row->attach : row->control;
}

gboolean
flexo_inspector_is_mixed (FlexoInspector  *self,
                          FlexoStyleField  field)
{
  g_return_val_if_fail (FLEXO_IS_INSPECTOR (self), FALSE);

  return row_for (self, field)->is_mixed;
}

gboolean
flexo_inspector_is_shown (FlexoInspector  *self,
                          FlexoStyleField  field)
{
  g_return_val_if_fail (FLEXO_IS_INSPECTOR (self), FALSE);

  return gtk_widget_get_visible (row_for (self, field)->label);
}

/* ------------------------------------------------------------ building -- */

static GtkWidget *
names_drop_down (const char * const *names)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    gtk_string_list_append (list, _(names[i]));
  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
}

static void
add_row (FlexoInspector  *self,
         GtkGrid         *grid,
         int             *line,
         FlexoStyleField  field,
         RowKind          kind,
         guint            applies,
         const char      *title,
         const char      *undo_label)
{
  Row *row = &self->rows[field_index (field)];
  GtkWidget *attach;

  row->field = field;
  row->kind = kind;
  row->applies = applies;
  row->title = title;
  row->undo_label = undo_label;

  switch (kind)
    {
    case ROW_DROP_DOWN:
      row->control = names_drop_down (field == FLEXO_STYLE_SHAPE_KIND ? shape_names :
                                      field == FLEXO_STYLE_DASH ? dash_names :
                                      field == FLEXO_STYLE_ROUTING ? routing_names : arrow_names);
      g_signal_connect (row->control, "notify::selected", G_CALLBACK (drop_down_changed), self);
      break;
    case ROW_COLOR:
      row->control = gtk_color_button_new ();
      gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (row->control), TRUE);
      gtk_color_button_set_title (GTK_COLOR_BUTTON (row->control), _(title));
      g_signal_connect (row->control, "color-set", G_CALLBACK (color_set), self);
      g_signal_connect (row->control, "notify::rgba", G_CALLBACK (color_changed), self);
      break;
    case ROW_SPIN:
      row->control = gtk_spin_button_new_with_range (0, field == FLEXO_STYLE_CORNER_RADIUS ? 200 : 40,
                                                     field == FLEXO_STYLE_CORNER_RADIUS ? 1 : 0.5);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (row->control), 1);
      g_signal_connect (row->control, "value-changed", G_CALLBACK (spin_changed), self);
      break;
    case ROW_SCALE:
      row->control = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 100, 5);
      gtk_scale_set_draw_value (GTK_SCALE (row->control), TRUE);
      gtk_scale_set_value_pos (GTK_SCALE (row->control), GTK_POS_RIGHT);
      gtk_scale_set_digits (GTK_SCALE (row->control), 0);
      gtk_scale_set_format_value_func (GTK_SCALE (row->control), format_percent, NULL, NULL);
      gtk_widget_set_hexpand (row->control, TRUE);
      g_signal_connect (row->control, "value-changed", G_CALLBACK (scale_changed), self);
      break;
    case ROW_SWITCH:
      row->control = gtk_switch_new ();
      gtk_widget_set_halign (row->control, GTK_ALIGN_START);
      g_signal_connect (row->control, "notify::active", G_CALLBACK (switch_changed), self);
      break;
    case ROW_FONT:
      row->control = gtk_font_button_new ();
      gtk_font_button_set_title (GTK_FONT_BUTTON (row->control), _(title));
      /* Only what the person picks: the button renotifies its font on
       * its own. */
      g_signal_connect (row->control, "font-set", G_CALLBACK (font_set), self);
      break;
    case ROW_ALIGN:
      {
        static const char * const icons[FLEXO_N_ALIGNS] = {
          "format-justify-left-symbolic", "format-justify-center-symbolic", "format-justify-right-symbolic"
        };
        static const char * const names[FLEXO_N_ALIGNS] = { N_("Align Left"), N_("Align Centre"), N_("Align Right") };
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

        gtk_widget_add_css_class (box, "linked");
        for (guint a = 0; a < FLEXO_N_ALIGNS; a++)
          {
            row->align[a] = gtk_toggle_button_new ();
            gtk_button_set_icon_name (GTK_BUTTON (row->align[a]), icons[a]);
            flexo_widget_set_tooltip (row->align[a], _(names[a]));
            gtk_accessible_update_property (GTK_ACCESSIBLE (row->align[a]),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[a]), -1);
            if (a > 0)
              gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (row->align[a]), GTK_TOGGLE_BUTTON (row->align[0]));
            g_object_set_data (G_OBJECT (row->align[a]), "align", GUINT_TO_POINTER (a));
            g_signal_connect (row->align[a], "toggled", G_CALLBACK (align_toggled), self);
            gtk_box_append (GTK_BOX (box), row->align[a]);
          }
        gtk_widget_set_halign (box, GTK_ALIGN_START);
        row->control = row->align[0];
        attach = box;
      }
      break;
    default:
      g_assert_not_reached ();
    }

  g_object_set_data (G_OBJECT (row->control), "row", row);
  if (kind == ROW_SPIN || kind == ROW_SCALE)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "leave", G_CALLBACK (control_focus_left), self);
      gtk_widget_add_controller (row->control, focus);
    }
  if (kind == ROW_SCALE)
    {
      GtkGesture *click = gtk_gesture_click_new ();

      /* Before the slider's own gesture takes the press. */
      gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
      g_signal_connect (click, "pressed", G_CALLBACK (scale_pressed), self);
      gtk_widget_add_controller (row->control, GTK_EVENT_CONTROLLER (click));
    }
  if (kind != ROW_ALIGN)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->control), GTK_ACCESSIBLE_PROPERTY_LABEL, _(title), -1);
      flexo_widget_set_tooltip (row->control, _(title));
      attach = row->control;
      if (kind != ROW_SWITCH && kind != ROW_SCALE)
        gtk_widget_set_hexpand (row->control, TRUE);
    }

  row->label = gtk_label_new (_(title));
  gtk_label_set_xalign (GTK_LABEL (row->label), 0);
  gtk_widget_add_css_class (row->label, "dim-label");
  row->mixed = gtk_label_new (_("Mixed"));
  gtk_widget_add_css_class (row->mixed, "caption");
  gtk_widget_add_css_class (row->mixed, "accent");
  gtk_widget_set_visible (row->mixed, FALSE);
  flexo_widget_set_tooltip (row->mixed, _("The selected elements differ here"));

  row->attach = attach;
  row->section = self->section;
  gtk_grid_attach (grid, row->label, 0, *line, 1, 1);
  gtk_grid_attach (grid, attach, 1, *line, 1, 1);
  gtk_grid_attach (grid, row->mixed, 2, *line, 1, 1);
  (*line)++;
}

static void
add_heading (FlexoInspector *self,
             GtkGrid        *grid,
             int            *line,
             const char     *text)
{
  GtkWidget *label = gtk_label_new (text);

  self->section = label;
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, *line > 0 ? 12 : 0);
  gtk_grid_attach (grid, label, 0, *line, 3, 1);
  (*line)++;
}

static void
build (FlexoInspector *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  int line = 0;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  self->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_label_set_wrap (GTK_LABEL (self->heading), TRUE);
  gtk_widget_add_css_class (self->heading, "title-4");
  gtk_box_append (GTK_BOX (box), self->heading);

  /* An instance's values above its shape's style. */
  self->instance_editor = flexo_instance_editor_new ();
  gtk_widget_set_margin_bottom (self->instance_editor, 12);
  gtk_box_append (GTK_BOX (box), self->instance_editor);

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 8);

  add_heading (self, grid, &line, _("Shape"));
  add_row (self, grid, &line, FLEXO_STYLE_SHAPE_KIND, ROW_DROP_DOWN, FOR_SHAPES, N_("Kind"), N_("Change Shape"));
  add_row (self, grid, &line, FLEXO_STYLE_FILL, ROW_COLOR, FOR_SHAPES, N_("Fill"), N_("Change Fill"));
  add_row (self, grid, &line, FLEXO_STYLE_CORNER_RADIUS, ROW_SPIN, FOR_SHAPES, N_("Corners"), N_("Change Corners"));
  add_row (self, grid, &line, FLEXO_STYLE_SHADOW, ROW_SWITCH, FOR_SHAPES, N_("Shadow"), N_("Change Shadow"));

  add_heading (self, grid, &line, _("Line"));
  add_row (self, grid, &line, FLEXO_STYLE_STROKE, ROW_COLOR, FOR_BOTH, N_("Colour"), N_("Change Line Colour"));
  add_row (self, grid, &line, FLEXO_STYLE_STROKE_WIDTH, ROW_SPIN, FOR_BOTH, N_("Width"), N_("Change Line Width"));
  add_row (self, grid, &line, FLEXO_STYLE_DASH, ROW_DROP_DOWN, FOR_BOTH, N_("Pattern"), N_("Change Line Pattern"));

  add_heading (self, grid, &line, _("Connector"));
  add_row (self, grid, &line, FLEXO_STYLE_ROUTING, ROW_DROP_DOWN, FOR_CONNECTORS, N_("Routing"), N_("Change Routing"));
  add_row (self, grid, &line, FLEXO_STYLE_ARROW_START, ROW_DROP_DOWN, FOR_CONNECTORS, N_("Start"), N_("Change Arrow"));
  add_row (self, grid, &line, FLEXO_STYLE_ARROW_END, ROW_DROP_DOWN, FOR_CONNECTORS, N_("End"), N_("Change Arrow"));

  add_heading (self, grid, &line, _("Text"));
  add_row (self, grid, &line, FLEXO_STYLE_FONT_FAMILY, ROW_FONT, FOR_BOTH, N_("Font"), N_("Change Font"));
  add_row (self, grid, &line, FLEXO_STYLE_TEXT_COLOR, ROW_COLOR, FOR_BOTH, N_("Text Colour"), N_("Change Text Colour"));
  add_row (self, grid, &line, FLEXO_STYLE_ALIGN, ROW_ALIGN, FOR_SHAPES, N_("Alignment"), N_("Change Alignment"));
  add_row (self, grid, &line, FLEXO_STYLE_UNDERLINE, ROW_SWITCH, FOR_BOTH, N_("Underline"), N_("Change Underline"));

  add_heading (self, grid, &line, _("Effects"));
  add_row (self, grid, &line, FLEXO_STYLE_OPACITY, ROW_SCALE, FOR_BOTH, N_("Opacity"), N_("Change Opacity"));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (grid));

  self->reset = gtk_button_new_with_mnemonic (_("_Reset Style"));
  flexo_widget_set_tooltip (self->reset, _("Remove the style set on the selection, back to its concept’s or the theme’s"));
  gtk_widget_set_halign (self->reset, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->reset, 12);
  g_signal_connect (self->reset, "clicked", G_CALLBACK (reset_clicked), self);
  gtk_box_append (GTK_BOX (box), self->reset);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), box);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

/* --------------------------------------------------------------- class -- */

static void
flexo_inspector_dispose (GObject *object)
{
  FlexoInspector *self = FLEXO_INSPECTOR (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->look_owner);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);

  G_OBJECT_CLASS (flexo_inspector_parent_class)->dispose (object);
}

static void
flexo_inspector_finalize (GObject *object)
{
  FlexoInspector *self = FLEXO_INSPECTOR (object);

  g_clear_pointer (&self->default_style, flexo_style_free);

  G_OBJECT_CLASS (flexo_inspector_parent_class)->finalize (object);
}

static void
flexo_inspector_class_init (FlexoInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = flexo_inspector_dispose;
  object_class->finalize = flexo_inspector_finalize;

  signals[DEFAULT_STYLE_CHANGED] =
    g_signal_new ("default-style-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flexoinspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
flexo_inspector_init (FlexoInspector *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Inspector"),
                                  -1);
  build (self);
  refresh (self);
}

GtkWidget *
flexo_inspector_new (void)
{
  return g_object_new (FLEXO_TYPE_INSPECTOR, NULL);
}
