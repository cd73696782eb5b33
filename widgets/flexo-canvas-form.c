/* flexo-canvas-form.c — a selected free form's nodes on the canvas
 *
 * When a free form (a Dia polygon or beziergon…) is the only item
 * selected, its nodes show as handles, its curves' control points as small
 * circles on thin lines to their nodes, as vector editors show them.
 * Dragging a node moves it with its control points, dragging a control
 * point bends its curve; a double click on a node removes it, on the
 * outline between nodes adds one there. The shape's bounds follow its
 * outline; each drag is one step to undo.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "flexo-canvas-private.h"
#include "flexo-form.h"

FlexoShape *
flexo_canvas_form_shape (FlexoCanvas *self)
{
  FlexoShape *shape;
  FlexoStyle style;

  if (self->selection->len != 1 || !FLEXO_IS_SHAPE (g_ptr_array_index (self->selection, 0)))
    return NULL;
  shape = g_ptr_array_index (self->selection, 0);
  if (flexo_shape_get_form (shape) == NULL)
    return NULL;
  flexo_shape_resolve_style (shape, &style);
  return style.shape_kind == FLEXO_SHAPE_FREEFORM ? shape : NULL;
}

/* The nodes of the free form shown (@shape, may be NULL, gets it), or
 * NULL. */
static GArray *
shown_nodes (FlexoCanvas  *self,
             FlexoShape  **shape)
{
  FlexoShape *form = flexo_canvas_form_shape (self);

  if (shape != NULL)
    *shape = form;
  return form != NULL ? flexo_form_get_nodes (form) : NULL;
}

/* The part of @nodes under (@x, @y): nodes before control points, which
 * may lie on them. */
static gboolean
part_at (FlexoCanvas   *self,
         GArray        *nodes,
         double         x,
         double         y,
         guint         *index,
         FlexoFormPart *part)
{
  for (FlexoFormPart p = FLEXO_FORM_NODE; p <= FLEXO_FORM_C2; p++)
    for (guint i = 0; i < nodes->len; i++)
      {
        if (p != FLEXO_FORM_NODE && !g_array_index (nodes, FlexoFormNode, i).curved)
          continue;
        if (flexo_canvas_near_handle (self, flexo_form_part_point (nodes, i, p), x, y))
          {
            *index = i;
            *part = p;
            return TRUE;
          }
      }
  return FALSE;
}

gboolean
flexo_canvas_form_begin_drag (FlexoCanvas *self,
                              double       x,
                              double       y)
{
  FlexoShape *shape;
  g_autoptr(GArray) nodes = shown_nodes (self, &shape);

  if (nodes == NULL || !part_at (self, nodes, x, y, &self->form_index, &self->form_part))
    return FALSE;
  g_clear_pointer (&self->form_nodes, g_array_unref);
  self->form_nodes = g_steal_pointer (&nodes);
  self->drag_mode = DRAG_FORM;
  self->drag_item = shape;
  /* The part follows the pointer from where it was taken: no jump. */
  {
    FlexoPoint at = flexo_form_part_point (self->form_nodes, self->form_index, self->form_part);

    self->form_grab = FLEXO_POINT_INIT (at.x - self->press_point.x, at.y - self->press_point.y);
  }
  return TRUE;
}

void
flexo_canvas_form_drag (FlexoCanvas *self,
                        FlexoPoint   p)
{
  g_autoptr(GArray) nodes = NULL;
  g_autoptr(FlexoPath) outline = NULL;

  if (self->form_nodes == NULL || !FLEXO_IS_SHAPE (self->drag_item) ||
      !flexo_object_is_live (FLEXO_OBJECT (self->drag_item)))
    return;
  nodes = g_array_copy (self->form_nodes);
  flexo_form_move (nodes, self->form_index, self->form_part, p);
  outline = flexo_form_nodes_to_path (nodes);
  flexo_document_begin_merge (self->document,
                              self->form_part == FLEXO_FORM_NODE ? _("Move Node") : _("Bend Curve"),
                              "canvas-form");
  flexo_shape_set_outline (self->drag_item, outline);
  flexo_document_commit (self->document);
}

void
flexo_canvas_form_end_drag (FlexoCanvas *self)
{
  g_clear_pointer (&self->form_nodes, g_array_unref);
}

/* Gives @shape the outline through @nodes, as one step called @label. */
static void
set_nodes (FlexoCanvas *self,
           FlexoShape  *shape,
           GArray      *nodes,
           const char  *label)
{
  g_autoptr(FlexoPath) outline = flexo_form_nodes_to_path (nodes);

  flexo_document_begin (self->document, label);
  flexo_shape_set_outline (shape, outline);
  flexo_document_commit (self->document);
}

gboolean
flexo_canvas_form_double_click (FlexoCanvas *self,
                                double       x,
                                double       y)
{
  FlexoShape *shape;
  g_autoptr(GArray) nodes = shown_nodes (self, &shape);
  FlexoPoint p = flexo_canvas_view_to_diagram (self, x, y);
  FlexoFormPart part;
  guint index;

  if (nodes == NULL || flexo_document_in_transaction (self->document))
    return FALSE;
  if (part_at (self, nodes, x, y, &index, &part))
    {
      if (part == FLEXO_FORM_NODE && flexo_form_remove (nodes, index))
        set_nodes (self, shape, nodes, _("Remove Node"));
      else if (part == FLEXO_FORM_NODE)
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  if (flexo_form_distance (nodes, p) * self->zoom <= PICK_TOLERANCE)
    {
      flexo_form_insert (nodes, p, NULL);
      set_nodes (self, shape, nodes, _("Add Node"));
      return TRUE;
    }
  return FALSE;
}

gboolean
flexo_canvas_form_handle_at (FlexoCanvas *self,
                             double       x,
                             double       y)
{
  g_autoptr(GArray) nodes = shown_nodes (self, NULL);
  FlexoFormPart part;
  guint index;

  return nodes != NULL && part_at (self, nodes, x, y, &index, &part);
}

static void
view_point (FlexoCanvas *self,
            FlexoPoint   p,
            double      *x,
            double      *y)
{
  flexo_canvas_diagram_to_view (self, p, x, y);
}

void
flexo_canvas_form_draw (FlexoCanvas   *self,
                        cairo_t       *cr,
                        const GdkRGBA *accent)
{
  g_autoptr(GArray) nodes = shown_nodes (self, NULL);
  double x, y, x1, y1;

  if (nodes == NULL)
    return;

  cairo_save (cr);
  /* Control points: on thin lines to their nodes. */
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.8);
  for (guint i = 0; i < nodes->len; i++)
    {
      const FlexoFormNode *n = &g_array_index (nodes, FlexoFormNode, i);

      if (!n->curved)
        continue;
      view_point (self, n->point, &x, &y);
      view_point (self, n->c1, &x1, &y1);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x1, y1);
      view_point (self, flexo_form_part_point (nodes, (i + 1) % nodes->len, FLEXO_FORM_NODE), &x, &y);
      view_point (self, n->c2, &x1, &y1);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x1, y1);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < nodes->len; i++)
    {
      const FlexoFormNode *n = &g_array_index (nodes, FlexoFormNode, i);

      for (guint k = 0; n->curved && k < 2; k++)
        {
          view_point (self, k == 0 ? n->c1 : n->c2, &x, &y);
          flexo_canvas_draw_control_point (cr, x, y, accent);
        }
    }
  /* Nodes: filled diamonds, unlike the square resize handles. */
  for (guint i = 0; i < nodes->len; i++)
    {
      double r = HANDLE_SIZE / 2 + 1;

      view_point (self, g_array_index (nodes, FlexoFormNode, i).point, &x, &y);
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      gdk_cairo_set_source_rgba (cr, accent);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}
