/* flexo-canvas.c — the diagram area
 *
 * For now the canvas draws the empty sheet: its background and a dot grid.
 * Diagrams, selection and input come with the model and the painter.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "flexo-canvas.h"

struct _FlexoCanvas
{
  GtkWidget parent_instance;

  double    grid_size;
  guint     show_grid : 1;
};

G_DEFINE_FINAL_TYPE (FlexoCanvas, flexo_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_GRID_SIZE,
  PROP_SHOW_GRID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MIN_GRID_SIZE 4.0
#define MAX_GRID_SIZE 200.0

static void
flexo_canvas_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  FlexoCanvas *self = FLEXO_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;
  GdkRGBA fg;

  if (!self->show_grid || width <= 0 || height <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.25);

  for (double y = self->grid_size; y < height; y += self->grid_size)
    for (double x = self->grid_size; x < width; x += self->grid_size)
      cairo_rectangle (cr, floor (x) - 0.5, floor (y) - 0.5, 1.5, 1.5);

  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
flexo_canvas_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FlexoCanvas *self = FLEXO_CANVAS (object);

  switch (prop_id)
    {
    case PROP_GRID_SIZE:
      g_value_set_double (value, self->grid_size);
      break;

    case PROP_SHOW_GRID:
      g_value_set_boolean (value, self->show_grid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flexo_canvas_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FlexoCanvas *self = FLEXO_CANVAS (object);

  switch (prop_id)
    {
    case PROP_GRID_SIZE:
      flexo_canvas_set_grid_size (self, g_value_get_double (value));
      break;

    case PROP_SHOW_GRID:
      flexo_canvas_set_show_grid (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flexo_canvas_class_init (FlexoCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = flexo_canvas_get_property;
  object_class->set_property = flexo_canvas_set_property;

  widget_class->snapshot = flexo_canvas_snapshot;

  properties[PROP_GRID_SIZE] =
    g_param_spec_double ("grid-size", NULL, NULL,
                         MIN_GRID_SIZE, MAX_GRID_SIZE, 20.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_GRID] =
    g_param_spec_boolean ("show-grid", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "flexocanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
flexo_canvas_init (FlexoCanvas *self)
{
  self->grid_size = 20.0;
  self->show_grid = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Diagram"),
                                  -1);
}

GtkWidget *
flexo_canvas_new (void)
{
  return g_object_new (FLEXO_TYPE_CANVAS, NULL);
}

double
flexo_canvas_get_grid_size (FlexoCanvas *self)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), 0.0);

  return self->grid_size;
}

void
flexo_canvas_set_grid_size (FlexoCanvas *self,
                            double       grid_size)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  grid_size = CLAMP (grid_size, MIN_GRID_SIZE, MAX_GRID_SIZE);
  if (grid_size == self->grid_size)
    return;

  self->grid_size = grid_size;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRID_SIZE]);
}

gboolean
flexo_canvas_get_show_grid (FlexoCanvas *self)
{
  g_return_val_if_fail (FLEXO_IS_CANVAS (self), FALSE);

  return self->show_grid;
}

void
flexo_canvas_set_show_grid (FlexoCanvas *self,
                            gboolean     show_grid)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  show_grid = !!show_grid;
  if (show_grid == self->show_grid)
    return;

  self->show_grid = show_grid;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_GRID]);
}
