/* flexo-form.c — editing a free form by its nodes
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "flexo-bezier.h"
#include "flexo-concept.h"
#include "flexo-form.h"
#include "flexo-outline.h"
#include "flexo-style.h"

static inline FlexoPoint
lerp (FlexoPoint a,
      FlexoPoint b,
      double     t)
{
  return FLEXO_POINT_INIT (a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
}

static inline FlexoFormNode *
node_at (GArray *nodes,
         guint   index)
{
  return &g_array_index (nodes, FlexoFormNode, index % nodes->len);
}

GArray *
flexo_form_get_nodes (FlexoShape *shape)
{
  g_autoptr(FlexoPath) outline = flexo_path_new ();
  g_autoptr(GArray) nodes = g_array_new (FALSE, TRUE, sizeof (FlexoFormNode));
  const FlexoRect *bounds;
  FlexoPathIter iter;
  FlexoPathOp op;
  const FlexoPoint *p;
  FlexoPoint start = { 0, 0 }, last = { 0, 0 };
  FlexoStyle style;

  g_return_val_if_fail (FLEXO_IS_SHAPE (shape), NULL);

  flexo_shape_resolve_style (shape, &style);
  if (style.shape_kind != FLEXO_SHAPE_FREEFORM || flexo_shape_get_form (shape) == NULL)
    return NULL;
  bounds = flexo_shape_get_bounds (shape);
  flexo_outline_build (FLEXO_SHAPE_FREEFORM, bounds, 0, flexo_shape_get_form (shape), outline);

  /* Each segment belongs to the node it leaves: a node per segment's
   * start, the last one's end being the first node again. */
  flexo_path_iter_init (&iter, outline);
  while (flexo_path_iter_next (&iter, &op, &p))
    {
      FlexoFormNode node = { last, last, last, op == FLEXO_PATH_CURVE_TO };

      switch (op)
        {
        case FLEXO_PATH_MOVE_TO:
          start = last = p[0];
          break;
        case FLEXO_PATH_LINE_TO:
        case FLEXO_PATH_CURVE_TO:
          if (node.curved)
            {
              node.c1 = p[0];
              node.c2 = p[1];
            }
          g_array_append_val (nodes, node);
          last = p[flexo_path_op_n_points (op) - 1];
          break;
        case FLEXO_PATH_CLOSE_PATH:
        default:
          {
            double tolerance = 1e-9 * MAX (bounds->width, bounds->height);

            /* Closed by a straight line, unless its last segment came back. */
            if (fabs (last.x - start.x) > tolerance || fabs (last.y - start.y) > tolerance)
              {
                FlexoFormNode closing = { last, last, last, FALSE };

                g_array_append_val (nodes, closing);
              }
          }
          break;
        }
    }
  if (nodes->len == 0)
    return NULL;
  return g_steal_pointer (&nodes);
}

FlexoPath *
flexo_form_nodes_to_path (GArray *nodes)
{
  FlexoPath *path = flexo_path_new ();

  g_return_val_if_fail (nodes != NULL && nodes->len > 0, path);

  flexo_path_move_to (path, node_at (nodes, 0)->point.x, node_at (nodes, 0)->point.y);
  for (guint i = 0; i < nodes->len; i++)
    {
      const FlexoFormNode *n = node_at (nodes, i);
      FlexoPoint next = node_at (nodes, i + 1)->point;

      if (n->curved)
        flexo_path_curve_to (path, n->c1.x, n->c1.y, n->c2.x, n->c2.y, next.x, next.y);
      else if (i + 1 < nodes->len)
        flexo_path_line_to (path, next.x, next.y);
      /* (the last straight segment is the closing one) */
    }
  flexo_path_close_path (path);
  return path;
}

void
flexo_shape_set_outline (FlexoShape      *shape,
                         const FlexoPath *outline)
{
  g_autoptr(FlexoPath) form = NULL;
  FlexoRect r;

  g_return_if_fail (FLEXO_IS_SHAPE (shape));
  g_return_if_fail (outline != NULL);

  if (!flexo_path_get_bounds (outline, &r) || !isfinite (r.x) || !isfinite (r.y) ||
      !isfinite (r.width) || !isfinite (r.height))
    return;
  /* A flat outline gets a unit of room, so that the box is not empty. */
  if (r.width < 1)
    r = FLEXO_RECT_INIT (r.x - (1 - r.width) / 2, r.y, 1, r.height);
  if (r.height < 1)
    r = FLEXO_RECT_INIT (r.x, r.y - (1 - r.height) / 2, r.width, 1);

  /* The outline in the unit square of its box. */
  form = flexo_path_copy (outline);
  flexo_path_to_unit_square (form, &r);
  flexo_shape_set_bounds (shape, &r);
  flexo_shape_set_form (shape, form);
}

const FlexoPath *
flexo_concept_find_form (FlexoConcept *concept)
{
  GPtrArray *instances;

  g_return_val_if_fail (FLEXO_IS_CONCEPT (concept), NULL);

  instances = flexo_concept_get_instances (concept);
  for (guint i = 0; instances != NULL && i < instances->len; i++)
    {
      GPtrArray *views = flexo_instance_get_views (g_ptr_array_index (instances, i));

      for (guint k = 0; views != NULL && k < views->len; k++)
        if (flexo_shape_get_form (g_ptr_array_index (views, k)) != NULL)
          return flexo_shape_get_form (g_ptr_array_index (views, k));
    }
  return NULL;
}

FlexoPoint
flexo_form_part_point (GArray        *nodes,
                       guint          index,
                       FlexoFormPart  part)
{
  const FlexoFormNode *n;

  g_return_val_if_fail (nodes != NULL && index < nodes->len, FLEXO_POINT_INIT (0, 0));

  n = node_at (nodes, index);
  return part == FLEXO_FORM_C1 ? n->c1 : part == FLEXO_FORM_C2 ? n->c2 : n->point;
}

void
flexo_form_move (GArray        *nodes,
                 guint          index,
                 FlexoFormPart  part,
                 FlexoPoint     to)
{
  FlexoFormNode *n, *previous;
  double dx, dy;

  g_return_if_fail (nodes != NULL);

  if (index >= nodes->len)
    return;
  n = node_at (nodes, index);
  if (part != FLEXO_FORM_NODE)
    {
      if (n->curved)
        *(part == FLEXO_FORM_C1 ? &n->c1 : &n->c2) = to;
      return;
    }
  dx = to.x - n->point.x;
  dy = to.y - n->point.y;
  n->point = to;
  if (n->curved)
    n->c1 = FLEXO_POINT_INIT (n->c1.x + dx, n->c1.y + dy);
  previous = node_at (nodes, index + nodes->len - 1);
  if (previous->curved && previous != n)
    previous->c2 = FLEXO_POINT_INIT (previous->c2.x + dx, previous->c2.y + dy);
}

/* Where along segment @index @p is nearest, and how far. */
static double
segment_nearest (GArray     *nodes,
                 guint       index,
                 FlexoPoint  p,
                 double     *distance)
{
  const FlexoFormNode *n = node_at (nodes, index);
  FlexoPoint a = n->point, b = node_at (nodes, index + 1)->point;

  if (n->curved)
    {
      FlexoPoint c[4] = { a, n->c1, n->c2, b };

      return flexo_bezier_nearest (c, p, distance);
    }
  {
    double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? CLAMP (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0, 1) : 0;

    *distance = flexo_point_distance (p, lerp (a, b, t));
    return t;
  }
}

void
flexo_form_insert (GArray     *nodes,
                   FlexoPoint  near,
                   guint      *index)
{
  double best = G_MAXDOUBLE, best_t = 0.5;
  guint segment = 0;
  FlexoFormNode *n, added;

  g_return_if_fail (nodes != NULL && nodes->len > 0);

  for (guint i = 0; i < nodes->len; i++)
    {
      double d, t = segment_nearest (nodes, i, near, &d);

      if (d < best)
        {
          best = d;
          best_t = t;
          segment = i;
        }
    }
  /* Never on a node: a node there already. */
  best_t = CLAMP (best_t, 0.01, 0.99);
  n = node_at (nodes, segment);
  if (n->curved)
    {
      FlexoPoint c[4] = { n->point, n->c1, n->c2, node_at (nodes, segment + 1)->point }, l[4], r[4];

      flexo_bezier_split (c, best_t, l, r);
      n->c1 = l[1];
      n->c2 = l[2];
      added = (FlexoFormNode) { l[3], r[1], r[2], TRUE };
    }
  else
    {
      FlexoPoint q = lerp (n->point, node_at (nodes, segment + 1)->point, best_t);

      added = (FlexoFormNode) { q, q, q, FALSE };
    }
  g_array_insert_val (nodes, segment + 1, added);
  if (index != NULL)
    *index = segment + 1;
}

double
flexo_form_distance (GArray     *nodes,
                     FlexoPoint  p)
{
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (nodes != NULL, G_MAXDOUBLE);

  for (guint i = 0; i < nodes->len; i++)
    {
      double d;

      segment_nearest (nodes, i, p, &d);
      best = MIN (best, d);
    }
  return best;
}

gboolean
flexo_form_remove (GArray *nodes,
                   guint   index)
{
  FlexoFormNode *previous, *n;

  g_return_val_if_fail (nodes != NULL, FALSE);

  if (index >= nodes->len || nodes->len <= FLEXO_FORM_MIN_NODES)
    return FALSE;
  previous = node_at (nodes, index + nodes->len - 1);
  n = node_at (nodes, index);
  if (previous->curved || n->curved)
    {
      FlexoPoint next = node_at (nodes, index + 1)->point;

      previous->c1 = previous->curved ? previous->c1 : previous->point;
      previous->c2 = n->curved ? n->c2 : next;
      previous->curved = TRUE;
    }
  g_array_remove_index (nodes, index);
  return TRUE;
}
