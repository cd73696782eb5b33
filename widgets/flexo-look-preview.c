/* flexo-look-preview.c — how a concept's or a relation's elements look
 *
 * A small diagram of its own, drawn by the painter on a tile of paper: a
 * shape in the concept's look showing its label template filled in with
 * sample values, or the relation's connector between shapes of its ends.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "flexo-look-preview.h"
#include "flexo-painter.h"
#include "flexo-widget-util.h"

#define PREVIEW_WIDTH  260
#define PREVIEW_HEIGHT 120

struct _FlexoLookPreview
{
  GtkWidget      parent_instance;

  GtkWidget     *area;
  FlexoPainter  *painter;
  FlexoDocument *document;
  FlexoDiagram  *diagram;
};

G_DEFINE_FINAL_TYPE (FlexoLookPreview, flexo_look_preview, GTK_TYPE_WIDGET)

typedef struct
{
  FlexoConcept *concept;
  char         *name;
} Sample;

/* In the sample label, each {property} stands for its default value,
 * else its name ({name} for the concept's name). */
static const char *
sample_value (const char *name,
              gpointer    user_data)
{
  Sample *sample = user_data;
  FlexoProperty *property = flexo_concept_find_property (sample->concept, name);

  if (property != NULL && flexo_property_get_default (property) != NULL)
    return flexo_property_get_default (property);
  if (strcmp (name, "name") == 0)
    return flexo_concept_get_name (sample->concept);
  g_free (sample->name);
  sample->name = g_strdup (name);
  return sample->name;
}

static char *
sample_label (FlexoConcept *concept)
{
  const char *template = flexo_concept_get_label (concept);
  Sample sample = { concept, NULL };
  char *label;

  label = flexo_label_template_expand (template != NULL && *template != '\0' ? template : "{name}",
                                       sample_value, &sample);
  g_free (sample.name);
  return label;
}

void
flexo_look_preview_set_object (FlexoLookPreview *self,
                               FlexoObject      *object)
{
  g_autoptr(FlexoDiagram) diagram = NULL;

  g_return_if_fail (FLEXO_IS_LOOK_PREVIEW (self));
  g_return_if_fail (object == NULL || FLEXO_IS_CONCEPT (object) || FLEXO_IS_RELATION (object));

  g_clear_object (&self->diagram);
  g_clear_object (&self->document);
  flexo_painter_invalidate (self->painter, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (object == NULL)
    return;

  self->document = flexo_document_new ();
  diagram = flexo_diagram_new (self->document, NULL);
  flexo_document_begin (self->document, NULL);
  flexo_object_insert_child (FLEXO_OBJECT (self->document), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  if (FLEXO_IS_CONCEPT (object))
    {
      FlexoConcept *concept = FLEXO_CONCEPT (object);
      g_autoptr(FlexoShape) shape = flexo_shape_new (self->document,
                                                     &FLEXO_RECT_INIT (60, 25, 140, 70));
      g_autofree char *label = sample_label (concept);

      flexo_shape_set_style (shape, flexo_concept_get_style (concept));
      flexo_shape_set_text (shape, label);
      flexo_diagram_add_item (diagram, shape);
    }
  else
    {
      FlexoRelation *relation = FLEXO_RELATION (object);
      g_autoptr(FlexoStyle) ends = flexo_style_new ();
      g_autoptr(FlexoShape) source = flexo_shape_new (self->document, &FLEXO_RECT_INIT (10, 40, 60, 40));
      g_autoptr(FlexoShape) target = flexo_shape_new (self->document, &FLEXO_RECT_INIT (190, 40, 60, 40));
      g_autoptr(FlexoConnector) connector = flexo_connector_new (self->document, source, target);
      FlexoConcept *from = flexo_relation_get_source (relation), *to = flexo_relation_get_target (relation);

      /* The ends in their concepts' looks, quieter. */
      flexo_style_set_font_size (ends, 8);
      flexo_style_set_shadow (ends, FALSE);
      if (from != NULL && flexo_concept_get_style (from) != NULL)
        flexo_shape_set_style (source, flexo_concept_get_style (from));
      if (to != NULL && flexo_concept_get_style (to) != NULL)
        flexo_shape_set_style (target, flexo_concept_get_style (to));
      for (FlexoShape **s = (FlexoShape *[]) { source, target, NULL }; *s != NULL; s++)
        {
          g_autoptr(FlexoStyle) style = flexo_shape_get_style (*s) != NULL ? flexo_style_copy (flexo_shape_get_style (*s))
                                                                          : flexo_style_new ();

          flexo_style_merge (style, ends);
          flexo_shape_set_style (*s, style);
        }
      flexo_shape_set_text (source, from != NULL ? flexo_concept_get_name (from) : "");
      flexo_shape_set_text (target, to != NULL ? flexo_concept_get_name (to) : "");
      flexo_connector_set_style (connector, flexo_relation_get_style (relation));
      flexo_connector_set_label (connector, FLEXO_LABEL_MIDDLE, flexo_relation_get_name (relation));
      flexo_diagram_add_item (diagram, source);
      flexo_diagram_add_item (diagram, target);
      flexo_diagram_add_item (diagram, connector);
    }
  flexo_document_commit (self->document);
  flexo_document_clear_history (self->document);
  self->diagram = g_steal_pointer (&diagram);
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  FlexoLookPreview *self = user_data;
  double x = (width - PREVIEW_WIDTH) / 2.0, y = (height - PREVIEW_HEIGHT) / 2.0;

  /* Paper under it, as on the canvas, also in dark mode. */
  cairo_rectangle (cr, x, y, PREVIEW_WIDTH, PREVIEW_HEIGHT);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  if (self->diagram == NULL)
    return;
  cairo_rectangle (cr, x, y, PREVIEW_WIDTH, PREVIEW_HEIGHT);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  flexo_painter_draw (self->painter, cr, self->diagram, NULL, 1.0);
}

FlexoDiagram *
flexo_look_preview_get_diagram (FlexoLookPreview *self)
{
  g_return_val_if_fail (FLEXO_IS_LOOK_PREVIEW (self), NULL);

  return self->diagram;
}

static void
flexo_look_preview_dispose (GObject *object)
{
  FlexoLookPreview *self = FLEXO_LOOK_PREVIEW (object);

  g_clear_object (&self->diagram);
  g_clear_object (&self->document);
  g_clear_pointer (&self->area, gtk_widget_unparent);

  G_OBJECT_CLASS (flexo_look_preview_parent_class)->dispose (object);
}

static void
flexo_look_preview_finalize (GObject *object)
{
  FlexoLookPreview *self = FLEXO_LOOK_PREVIEW (object);

  g_clear_pointer (&self->painter, flexo_painter_free);

  G_OBJECT_CLASS (flexo_look_preview_parent_class)->finalize (object);
}

static void
flexo_look_preview_class_init (FlexoLookPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = flexo_look_preview_dispose;
  object_class->finalize = flexo_look_preview_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flexolookpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
flexo_look_preview_init (FlexoLookPreview *self)
{
  self->painter = flexo_painter_new ();
  self->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->area), PREVIEW_WIDTH + 24);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area), PREVIEW_HEIGHT + 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw, self, NULL);
  gtk_widget_set_parent (self->area, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview"), -1);
  flexo_widget_set_tooltip (GTK_WIDGET (self), _("Preview"));
}

GtkWidget *
flexo_look_preview_new (void)
{
  return g_object_new (FLEXO_TYPE_LOOK_PREVIEW, NULL);
}
