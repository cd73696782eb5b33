/* flexo-diagram.c — a view: shapes and connectors laid out on a plane
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-diagram.h"
#include "flexo-route.h"
#include "flexo-document-private.h"

struct _FlexoDiagram
{
  FlexoObject        parent_instance;

  char              *name;
  GPtrArray         *items;  /* FlexoShape, FlexoConnector: the list */
  FlexoSpatialIndex *index;  /* of the shapes, while the diagram is live */
  FlexoSpatialIndex *connector_index;  /* of the connectors, by connector_bounds() */
  GHashTable        *moved_connectors; /* whose place in it is to be updated */
  gboolean           connectors_indexed; /* built on first demand, not on load */
  gboolean           indexed;
  gboolean           z_known;  /* each item knows its position (list index) */
};

G_DEFINE_FINAL_TYPE (FlexoDiagram, flexo_diagram, FLEXO_TYPE_OBJECT)

static void
flexo_diagram_swap_field (FlexoObject *object,
                          FlexoField   field,
                          gpointer     key,
                          FlexoValue  *value)
{
  FlexoDiagram *self = FLEXO_DIAGRAM (object);

  switch (field)
    {
    case FLEXO_FIELD_NAME: FLEXO_SWAP_STRING (name); break;
    default:
      FLEXO_OBJECT_CLASS (flexo_diagram_parent_class)->swap_field (object, field, key, value);
    }
}

static GPtrArray *
flexo_diagram_get_list (FlexoObject *object,
                        FlexoList    list)
{
  return list == FLEXO_LIST_ITEMS ? FLEXO_DIAGRAM (object)->items : NULL;
}

static void
flexo_diagram_list_changed (FlexoObject *object,
                            FlexoList    list)
{
  FlexoDiagram *self = FLEXO_DIAGRAM (object);

  self->z_known = FALSE;
}

/* Where a connector may draw: its route hint, widened for its labels,
 * which may stick out of it (by their length, at a generous width per
 * character). */
static FlexoRect
connector_bounds (FlexoConnector *connector)
{
  FlexoRect r = flexo_connector_get_route_hint (connector);
  glong longest = -1;

  for (FlexoLabelPosition pos = 0; pos < FLEXO_N_LABELS; pos++)
    {
      const char *label = flexo_connector_get_label (connector, pos);

      if (label != NULL)
        longest = MAX (longest, g_utf8_strlen (label, -1));
    }
  if (longest >= 0)
    r = flexo_rect_inflate (&r, FLEXO_DIAGRAM_LABEL_REACH + longest * FLEXO_DIAGRAM_LABEL_CHAR_WIDTH,
                            FLEXO_DIAGRAM_LABEL_REACH);
  return r;
}

/* Entering the document: its shapes have attached already (children
 * first); index them all at once, which is much faster than one by one. */
static void
flexo_diagram_attach (FlexoObject *object)
{
  FlexoDiagram *self = FLEXO_DIAGRAM (object);
  g_autoptr(GPtrArray) shapes = g_ptr_array_sized_new (self->items->len);
  g_autoptr(GArray) rects = g_array_sized_new (FALSE, FALSE, sizeof (FlexoRect), self->items->len);

  for (guint i = 0; i < self->items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);

      if (FLEXO_IS_SHAPE (item))
        {
          g_ptr_array_add (shapes, item);
          g_array_append_vals (rects, flexo_shape_get_bounds (item), 1);
        }
    }

  flexo_spatial_index_clear (self->index);
  flexo_spatial_index_bulk_load (self->index, shapes->pdata,
                                 (const FlexoRect *) (gconstpointer) rects->data, shapes->len);
  /* The connectors' index waits until it is asked for: loading a file
   * need not compute every route hint. */
  flexo_spatial_index_clear (self->connector_index);
  self->connectors_indexed = FALSE;
  self->indexed = TRUE;
}

static void
index_connectors (FlexoDiagram *self)
{
  g_autoptr(GPtrArray) connectors = g_ptr_array_new ();
  g_autoptr(GArray) hints = g_array_new (FALSE, FALSE, sizeof (FlexoRect));

  for (guint i = 0; i < self->items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);

      if (FLEXO_IS_CONNECTOR (item))
        {
          FlexoRect r = connector_bounds (item);

          g_ptr_array_add (connectors, item);
          g_array_append_val (hints, r);
        }
    }
  flexo_spatial_index_clear (self->connector_index);
  flexo_spatial_index_bulk_load (self->connector_index, connectors->pdata,
                                 (const FlexoRect *) (gconstpointer) hints->data, connectors->len);
  if (self->moved_connectors != NULL)
    g_hash_table_remove_all (self->moved_connectors);
  self->connectors_indexed = TRUE;
}

/* Leaving it: runs before the shapes detach. */
static void
flexo_diagram_detach (FlexoObject *object)
{
  FlexoDiagram *self = FLEXO_DIAGRAM (object);

  self->indexed = FALSE;
  self->connectors_indexed = FALSE;
  flexo_spatial_index_clear (self->index);
  flexo_spatial_index_clear (self->connector_index);
  if (self->moved_connectors != NULL)
    g_hash_table_remove_all (self->moved_connectors);
}

static void
flexo_diagram_finalize (GObject *object)
{
  FlexoDiagram *self = FLEXO_DIAGRAM (object);

  g_free (self->name);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->index, flexo_spatial_index_free);
  g_clear_pointer (&self->connector_index, flexo_spatial_index_free);
  g_clear_pointer (&self->moved_connectors, g_hash_table_unref);

  G_OBJECT_CLASS (flexo_diagram_parent_class)->finalize (object);
}

static void
flexo_diagram_class_init (FlexoDiagramClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flexo_diagram_finalize;
  FLEXO_OBJECT_CLASS (klass)->id_prefix = "d";
  FLEXO_OBJECT_CLASS (klass)->swap_field = flexo_diagram_swap_field;
  FLEXO_OBJECT_CLASS (klass)->get_list = flexo_diagram_get_list;
  FLEXO_OBJECT_CLASS (klass)->attach = flexo_diagram_attach;
  FLEXO_OBJECT_CLASS (klass)->detach = flexo_diagram_detach;
  FLEXO_OBJECT_CLASS (klass)->list_changed = flexo_diagram_list_changed;
}

static void
flexo_diagram_init (FlexoDiagram *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->index = flexo_spatial_index_new ();
  self->connector_index = flexo_spatial_index_new ();
}

FlexoDiagram *
flexo_diagram_new (FlexoDocument *document,
                   const char    *name)
{
  FlexoDiagram *self = g_object_new (FLEXO_TYPE_DIAGRAM, NULL);

  self->name = g_strdup (name);
  if (document != NULL)
    flexo_document_assign_id (document, FLEXO_OBJECT (self));

  return self;
}

const char *
flexo_diagram_get_name (FlexoDiagram *self)
{
  g_return_val_if_fail (FLEXO_IS_DIAGRAM (self), NULL);
  return self->name;
}

void
flexo_diagram_set_name (FlexoDiagram *self,
                        const char   *name)
{
  g_return_if_fail (FLEXO_IS_DIAGRAM (self));
  if (g_strcmp0 (name, self->name) != 0)
    flexo_object_set_string (FLEXO_OBJECT (self), FLEXO_FIELD_NAME, NULL, name);
}

GPtrArray *
flexo_diagram_get_items (FlexoDiagram *self)
{
  g_return_val_if_fail (FLEXO_IS_DIAGRAM (self), NULL);
  return self->items;
}

void
flexo_diagram_add_item (FlexoDiagram *self,
                        gpointer      item)
{
  g_return_if_fail (FLEXO_IS_DIAGRAM (self));
  g_return_if_fail (FLEXO_IS_SHAPE (item) || FLEXO_IS_CONNECTOR (item));

  flexo_object_insert_child (FLEXO_OBJECT (self), FLEXO_LIST_ITEMS, -1, item);
}

FlexoSpatialIndex *
flexo_diagram_get_index (FlexoDiagram *self)
{
  g_return_val_if_fail (FLEXO_IS_DIAGRAM (self), NULL);
  return self->index;
}

/* The connectors moved since the index was last asked for take their new
 * place now: a move of many shapes touches each connector once here, not
 * once per end during the move. */
FlexoSpatialIndex *
flexo_diagram_get_connector_index (FlexoDiagram *self)
{
  GHashTableIter iter;
  gpointer connector;

  g_return_val_if_fail (FLEXO_IS_DIAGRAM (self), NULL);

  if (self->indexed && !self->connectors_indexed)
    index_connectors (self);
  if (self->moved_connectors != NULL && g_hash_table_size (self->moved_connectors) > 0)
    {
      g_hash_table_iter_init (&iter, self->moved_connectors);
      while (g_hash_table_iter_next (&iter, &connector, NULL))
        if (flexo_spatial_index_contains (self->connector_index, connector))
          {
            FlexoRect r = connector_bounds (connector);

            flexo_spatial_index_update (self->connector_index, connector, &r);
          }
      g_hash_table_remove_all (self->moved_connectors);
    }
  return self->connector_index;
}

/**
 * flexo_diagram_get_item_position:
 *
 * The position of @item in the diagram's list (its z-order: 0 is the
 * bottom), or -1. Constant time, after a pass over the list the first
 * time it is asked after the list changed (each item keeps its place).
 */
int
flexo_diagram_get_item_position (FlexoDiagram *self,
                                 gpointer      item)
{
  guint index;

  g_return_val_if_fail (FLEXO_IS_DIAGRAM (self), -1);
  g_return_val_if_fail (FLEXO_IS_OBJECT (item), -1);

  if (!self->z_known)
    {
      for (guint i = 0; i < self->items->len; i++)
        _flexo_object_set_list_index (g_ptr_array_index (self->items, i), i);
      self->z_known = TRUE;
    }

  index = _flexo_object_get_list_index (item);
  return index < self->items->len && g_ptr_array_index (self->items, index) == item ? (int) index : -1;
}

typedef struct
{
  FlexoDiagram *diagram;
  FlexoShape   *best;
  int           best_index;
} ShapeAt;

static gboolean
shape_at_cb (gpointer         item,
             const FlexoRect *bounds,
             gpointer         user_data)
{
  ShapeAt *data = user_data;
  int index = flexo_diagram_get_item_position (data->diagram, item);

  if (index > data->best_index)
    {
      data->best = item;
      data->best_index = index;
    }

  return FALSE;
}

FlexoShape *
flexo_diagram_shape_at (FlexoDiagram *self,
                        FlexoPoint    point,
                        double        tolerance)
{
  ShapeAt data = { self, NULL, -1 };

  g_return_val_if_fail (FLEXO_IS_DIAGRAM (self), NULL);

  flexo_spatial_index_query_point (self->index, point, tolerance, shape_at_cb, &data);
  return data.best;
}

gboolean
flexo_diagram_get_extents (FlexoDiagram *self,
                           FlexoRect    *out)
{
  FlexoRect extents = { 0, 0, 0, 0 };
  gboolean any = FALSE;

  g_return_val_if_fail (FLEXO_IS_DIAGRAM (self), FALSE);

#define ADD_RECT(r) \
  G_STMT_START { \
    if (!any) { extents = (r); any = TRUE; } \
    else { \
      double x2 = MAX (extents.x + extents.width, (r).x + (r).width); \
      double y2 = MAX (extents.y + extents.height, (r).y + (r).height); \
      extents.x = MIN (extents.x, (r).x); extents.y = MIN (extents.y, (r).y); \
      extents.width = x2 - extents.x; extents.height = y2 - extents.y; \
    } \
  } G_STMT_END

  for (guint i = 0; i < self->items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);

      if (FLEXO_IS_SHAPE (item))
        {
          ADD_RECT (*flexo_shape_get_bounds (item));
        }
      else
        {
          FlexoConnector *c = item;
          GArray *points = flexo_connector_get_waypoints (c);

          if (flexo_connector_get_source (c) == NULL)
            ADD_RECT (FLEXO_RECT_INIT (flexo_connector_get_source_point (c).x,
                                       flexo_connector_get_source_point (c).y, 0, 0));
          if (flexo_connector_get_target (c) == NULL)
            ADD_RECT (FLEXO_RECT_INIT (flexo_connector_get_target_point (c).x,
                                       flexo_connector_get_target_point (c).y, 0, 0));
          for (guint j = 0; points != NULL && j < points->len; j++)
            {
              FlexoPoint p = g_array_index (points, FlexoPoint, j);

              ADD_RECT (FLEXO_RECT_INIT (p.x, p.y, 0, 0));
            }
        }
    }
#undef ADD_RECT

  if (out != NULL)
    *out = extents;
  return any;
}

void
_flexo_diagram_add_shape (gpointer diagram,
                          gpointer shape)
{
  FlexoDiagram *self = FLEXO_DIAGRAM (diagram);

  if (self->indexed)
    flexo_spatial_index_insert (self->index, shape, flexo_shape_get_bounds (shape));
}

void
_flexo_diagram_remove_shape (gpointer diagram,
                             gpointer shape)
{
  FlexoDiagram *self = FLEXO_DIAGRAM (diagram);

  if (self->indexed)
    flexo_spatial_index_remove (self->index, shape);
}

void
_flexo_diagram_shape_moved (gpointer diagram,
                            gpointer shape)
{
  FlexoDiagram *self = FLEXO_DIAGRAM (diagram);
  GPtrArray *connectors;

  if (!self->indexed)
    return;
  flexo_spatial_index_update (self->index, shape, flexo_shape_get_bounds (shape));
  connectors = flexo_shape_get_connectors (shape);
  for (guint i = 0; connectors != NULL && i < connectors->len; i++)
    _flexo_diagram_connector_moved (diagram, g_ptr_array_index (connectors, i));
}

void
_flexo_diagram_add_connector (gpointer diagram,
                              gpointer connector)
{
  FlexoDiagram *self = FLEXO_DIAGRAM (diagram);

  if (self->indexed && self->connectors_indexed)
    {
      FlexoRect r = connector_bounds (connector);

      flexo_spatial_index_insert (self->connector_index, connector, &r);
    }
}

void
_flexo_diagram_remove_connector (gpointer diagram,
                                 gpointer connector)
{
  FlexoDiagram *self = FLEXO_DIAGRAM (diagram);

  if (self->moved_connectors != NULL)
    g_hash_table_remove (self->moved_connectors, connector);
  if (self->indexed && self->connectors_indexed)
    flexo_spatial_index_remove (self->connector_index, connector);
}

void
_flexo_diagram_connector_moved (gpointer diagram,
                                gpointer connector)
{
  FlexoDiagram *self = FLEXO_DIAGRAM (diagram);

  if (!self->indexed || !self->connectors_indexed)
    return;
  if (self->moved_connectors == NULL)
    self->moved_connectors = g_hash_table_new (NULL, NULL);
  g_hash_table_add (self->moved_connectors, connector);
}
