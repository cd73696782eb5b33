/* flexo-fragment.c — diagram items copied out of their document
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-fragment.h"
#include "flexo-model.h"

typedef struct
{
  FlexoDocument *document;      /* where the copies go */
  FlexoDiagram  *diagram;
  gboolean       same_document;  /* instances may be shown as they are */
  double         dx, dy;
  GHashTable    *copies;        /* original shape → copy */
  GPtrArray     *created;
} Copier;

static int
compare_position (gconstpointer a,
                  gconstpointer b,
                  gpointer      diagram)
{
  int za = flexo_diagram_get_item_position (diagram, *(gpointer *) a);
  int zb = flexo_diagram_get_item_position (diagram, *(gpointer *) b);

  return (za > zb) - (za < zb);
}

static void
copy_shape (Copier     *c,
            FlexoShape *shape)
{
  FlexoRect r = *flexo_shape_get_bounds (shape);
  g_autoptr(FlexoShape) copy = NULL;

  r.x += c->dx;
  r.y += c->dy;
  copy = flexo_shape_new (c->document, &r);
  if (flexo_shape_get_instance (shape) != NULL && !c->same_document)
    {
      /* The instance stays behind: its label and look come along. */
      g_autofree char *label = flexo_shape_dup_label (shape);
      g_autoptr(FlexoStyle) style = flexo_style_new ();

      flexo_shape_resolve_style (shape, style);
      flexo_shape_set_text (copy, label);
      flexo_shape_set_style (copy, style);
    }
  else
    {
      flexo_shape_set_text (copy, flexo_shape_get_text (shape));
      if (flexo_shape_get_style (shape) != NULL)
        flexo_shape_set_style (copy, flexo_shape_get_style (shape));
      if (c->same_document)
        flexo_shape_set_instance (copy, flexo_shape_get_instance (shape));
    }
  flexo_diagram_add_item (c->diagram, copy);
  g_hash_table_insert (c->copies, shape, copy);
  g_ptr_array_add (c->created, copy);
}

static void
copy_connector (Copier         *c,
                FlexoConnector *connector)
{
  FlexoShape *s = flexo_connector_get_source (connector), *t = flexo_connector_get_target (connector);
  FlexoShape *cs = s != NULL ? g_hash_table_lookup (c->copies, s) : NULL;
  FlexoShape *ct = t != NULL ? g_hash_table_lookup (c->copies, t) : NULL;
  GArray *waypoints = flexo_connector_get_waypoints (connector);
  g_autoptr(FlexoConnector) copy = NULL;
  FlexoPoint p;

  /* Only between copies (or free ends). */
  if ((s != NULL && cs == NULL) || (t != NULL && ct == NULL))
    return;
  copy = flexo_connector_new (c->document, cs, ct);
  p = flexo_connector_get_source_point (connector);
  flexo_connector_set_source_point (copy, FLEXO_POINT_INIT (p.x + c->dx, p.y + c->dy));
  p = flexo_connector_get_target_point (connector);
  flexo_connector_set_target_point (copy, FLEXO_POINT_INIT (p.x + c->dx, p.y + c->dy));
  if (waypoints != NULL && waypoints->len > 0)
    {
      g_autoptr(GArray) moved = g_array_copy (waypoints);

      for (guint k = 0; k < moved->len; k++)
        {
          g_array_index (moved, FlexoPoint, k).x += c->dx;
          g_array_index (moved, FlexoPoint, k).y += c->dy;
        }
      flexo_connector_set_waypoints (copy, (FlexoPoint *) (gpointer) moved->data, moved->len);
    }
  for (FlexoLabelPosition pos = 0; pos < FLEXO_N_LABELS; pos++)
    flexo_connector_set_label (copy, pos, flexo_connector_get_label (connector, pos));
  if (flexo_connector_get_link (connector) != NULL && !c->same_document)
    {
      g_autoptr(FlexoStyle) style = flexo_style_new ();

      flexo_connector_resolve_style (connector, style);
      flexo_connector_set_style (copy, style);
    }
  else
    {
      if (flexo_connector_get_style (connector) != NULL)
        flexo_connector_set_style (copy, flexo_connector_get_style (connector));
      if (c->same_document)
        flexo_connector_set_link (copy, flexo_connector_get_link (connector));
    }
  flexo_diagram_add_item (c->diagram, copy);
  g_ptr_array_add (c->created, copy);
}

/* Copies @items of @source (in z-order) into @c's diagram. */
static void
copy_items (Copier       *c,
            FlexoDiagram *source,
            GPtrArray    *items)
{
  /* Not g_ptr_array_copy(): it would take the list's free function. */
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  g_ptr_array_extend (sorted, items, NULL, NULL);
  g_ptr_array_sort_with_data (sorted, compare_position, source);
  for (guint i = 0; i < sorted->len; i++)
    if (FLEXO_IS_SHAPE (g_ptr_array_index (sorted, i)))
      copy_shape (c, g_ptr_array_index (sorted, i));
  for (guint i = 0; i < sorted->len; i++)
    {
      gpointer item = g_ptr_array_index (sorted, i);

      if (FLEXO_IS_SHAPE (item))
        {
          FlexoShape *parent = g_hash_table_lookup (c->copies, flexo_shape_get_parent (item));

          if (parent != NULL)
            flexo_shape_set_parent (g_hash_table_lookup (c->copies, item), parent);
        }
      else if (FLEXO_IS_CONNECTOR (item))
        copy_connector (c, item);
    }
}

FlexoDocument *
flexo_fragment_new_from_items (FlexoDiagram *diagram,
                               GPtrArray    *items)
{
  FlexoDocument *fragment = flexo_document_new ();
  g_autoptr(FlexoDiagram) copy = flexo_diagram_new (fragment, flexo_diagram_get_name (diagram));
  g_autoptr(GHashTable) copies = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) created = g_ptr_array_new ();
  Copier c = { fragment, copy, FALSE, 0, 0, copies, created };

  g_return_val_if_fail (FLEXO_IS_DIAGRAM (diagram), fragment);

  flexo_document_begin (fragment, NULL);
  flexo_object_insert_child (FLEXO_OBJECT (fragment), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (copy));
  if (items != NULL)
    copy_items (&c, diagram, items);
  flexo_document_commit (fragment);
  flexo_document_clear_history (fragment);
  flexo_document_set_saved (fragment);
  return fragment;
}

gboolean
flexo_fragment_get_bounds (FlexoDocument *fragment,
                           FlexoRect     *out)
{
  GPtrArray *diagrams;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (fragment), FALSE);

  diagrams = flexo_document_get_diagrams (fragment);
  return diagrams->len > 0 && flexo_diagram_get_extents (g_ptr_array_index (diagrams, 0), out);
}

GPtrArray *
flexo_fragment_paste (FlexoDocument *fragment,
                      FlexoDiagram  *target,
                      double         dx,
                      double         dy)
{
  g_autoptr(GHashTable) copies = g_hash_table_new (NULL, NULL);
  GPtrArray *created = g_ptr_array_new ();
  FlexoDocument *document;
  GPtrArray *diagrams;
  Copier c;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (fragment), created);
  g_return_val_if_fail (FLEXO_IS_DIAGRAM (target), created);

  document = flexo_object_get_document (FLEXO_OBJECT (target));
  diagrams = flexo_document_get_diagrams (fragment);
  if (diagrams->len == 0)
    return created;
  c = (Copier) { document, target, FALSE, dx, dy, copies, created };
  copy_items (&c, g_ptr_array_index (diagrams, 0), flexo_diagram_get_items (g_ptr_array_index (diagrams, 0)));
  return created;
}

FlexoDiagram *
flexo_diagram_duplicate (FlexoDiagram *diagram,
                         const char   *name)
{
  FlexoDocument *document;
  g_autoptr(FlexoDiagram) copy = NULL;
  g_autoptr(GHashTable) copies = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) created = g_ptr_array_new ();
  Copier c;

  g_return_val_if_fail (FLEXO_IS_DIAGRAM (diagram), NULL);

  document = flexo_object_get_document (FLEXO_OBJECT (diagram));
  copy = flexo_diagram_new (document, name);
  flexo_object_insert_child (FLEXO_OBJECT (document), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (copy));
  c = (Copier) { document, copy, TRUE, 0, 0, copies, created };
  copy_items (&c, diagram, flexo_diagram_get_items (diagram));
  return copy;
}
