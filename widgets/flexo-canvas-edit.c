/* flexo-canvas-edit.c — the edits the canvas makes
 *
 * Each is one history entry; a drag commits at every step into one entry
 * that merges them (DESIGN.md §2, principle 2), and ends it when the
 * button is released.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "flexo-canvas-private.h"

#define MOVE_MERGE_KEY "canvas-move"
#define NUDGE_MERGE_KEY "canvas-nudge"
#define RESIZE_MERGE_KEY "canvas-resize"
/* The most shapes looked at for snapping to their edges. */
#define MAX_SNAP_CANDIDATES 4096
/* Smallest size a resize leaves. */
#define MIN_SHAPE_SIZE 4.0
/* Offset of duplicates. */
#define DUPLICATE_OFFSET 20.0

/* ------------------------------------------------------------- styles -- */

/* The overrides a new element gets: the default style's, then the
 * item's. */
static FlexoStyle *
new_item_style (FlexoCanvas      *self,
                FlexoPaletteItem *item,
                guint32           fields)
{
  FlexoStyle *style = flexo_style_new ();

  if (self->default_style != NULL)
    {
      flexo_style_merge (style, self->default_style);
      flexo_style_unset (style, FLEXO_STYLE_ALL & ~fields);
    }
  if (item != NULL)
    flexo_style_merge (style, flexo_palette_item_get_style (item));
  return style;
}

#define SHAPE_FIELDS \
  (FLEXO_STYLE_ALL & ~(FLEXO_STYLE_ARROW_START | FLEXO_STYLE_ARROW_END | FLEXO_STYLE_ROUTING))
#define CONNECTOR_FIELDS \
  (FLEXO_STYLE_STROKE | FLEXO_STYLE_STROKE_WIDTH | FLEXO_STYLE_DASH | FLEXO_STYLE_FONT_FAMILY | \
   FLEXO_STYLE_FONT_SIZE | FLEXO_STYLE_FONT_WEIGHT | FLEXO_STYLE_FONT_STYLE | FLEXO_STYLE_TEXT_COLOR | \
   FLEXO_STYLE_ARROW_START | FLEXO_STYLE_ARROW_END | FLEXO_STYLE_ROUTING | FLEXO_STYLE_OPACITY)

static gboolean
can_edit (FlexoCanvas *self)
{
  return self->diagram != NULL && self->document != NULL &&
         !flexo_document_in_transaction (self->document);
}

/* ------------------------------------------------------------- create -- */

FlexoShape *
flexo_canvas_add_shape (FlexoCanvas      *self,
                        FlexoPaletteItem *item,
                        const FlexoRect  *bounds)
{
  g_autoptr(FlexoStyle) style = NULL;
  FlexoConcept *concept;
  FlexoShape *shape;
  FlexoShape *parent;
  FlexoRect box;

  g_return_val_if_fail (FLEXO_IS_CANVAS (self), NULL);
  g_return_val_if_fail (bounds != NULL, NULL);

  if (!can_edit (self))
    return NULL;

  box = flexo_rect_normalize (*bounds);
  concept = item != NULL ? flexo_palette_item_get_concept (item) : NULL;
  shape = flexo_shape_new (self->document, &box);
  /* An instance's shape takes its concept's look; a free one the
   * default style and the item's. */
  style = concept != NULL ? flexo_style_copy (flexo_palette_item_get_style (item))
                          : new_item_style (self, item, SHAPE_FIELDS);
  if (!flexo_style_is_empty (style))
    flexo_shape_set_style (shape, style);
  if (item != NULL)
    flexo_shape_set_form (shape, flexo_palette_item_get_form (item));

  flexo_document_begin (self->document, concept != NULL ? _("Add Instance") : _("Add Shape"));
  if (concept != NULL && flexo_object_is_live (FLEXO_OBJECT (concept)))
    {
      g_autoptr(FlexoInstance) instance = flexo_instance_new (self->document, concept);

      flexo_object_insert_child (FLEXO_OBJECT (self->document), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (instance));
      flexo_shape_set_instance (shape, instance);
    }
  flexo_diagram_add_item (self->diagram, shape);
  parent = flexo_canvas_container_at (self, &box);
  if (parent != NULL && parent != shape)
    flexo_shape_set_parent (shape, parent);
  flexo_document_commit (self->document);
  g_object_unref (shape);

  flexo_canvas_select (self, shape, FALSE);
  return shape;
}

/* The size of an instance's shape: the one it has elsewhere, else its
 * concept's palette entry's, else a common one. */
static void
instance_size (FlexoInstance *instance,
               double        *w,
               double        *h)
{
  GPtrArray *views = flexo_instance_get_views (instance);
  FlexoDocument *document = flexo_object_get_document (FLEXO_OBJECT (instance));
  GPtrArray *palettes = document != NULL ? flexo_document_get_palettes (document) : NULL;

  *w = 120;
  *h = 60;
  for (guint i = 0; views != NULL && i < views->len; i++)
    if (FLEXO_IS_SHAPE (g_ptr_array_index (views, i)))
      {
        const FlexoRect *b = flexo_shape_get_bounds (g_ptr_array_index (views, i));

        *w = b->width;
        *h = b->height;
        return;
      }
  for (guint i = 0; palettes != NULL && i < palettes->len; i++)
    {
      GPtrArray *entries = flexo_palette_get_entries (g_ptr_array_index (palettes, i));

      for (guint j = 0; entries != NULL && j < entries->len; j++)
        if (flexo_palette_entry_get_concept (g_ptr_array_index (entries, j)) == flexo_instance_get_concept (instance))
          {
            flexo_palette_entry_get_size (g_ptr_array_index (entries, j), w, h);
            if (*w <= 0 || *h <= 0)
              *w = 120, *h = 60;
            return;
          }
    }
}

FlexoShape *
flexo_canvas_show_instance (FlexoCanvas   *self,
                            FlexoInstance *instance,
                            FlexoPoint     centre)
{
  g_autoptr(FlexoShape) shape = NULL;
  FlexoPoint corner;
  double w, h;

  g_return_val_if_fail (FLEXO_IS_CANVAS (self), NULL);
  g_return_val_if_fail (FLEXO_IS_INSTANCE (instance), NULL);

  if (!can_edit (self) || flexo_object_get_document (FLEXO_OBJECT (instance)) != self->document ||
      !flexo_object_is_live (FLEXO_OBJECT (instance)))
    return NULL;
  instance_size (instance, &w, &h);
  corner = flexo_canvas_snap_point (self, FLEXO_POINT_INIT (centre.x - w / 2, centre.y - h / 2));
  shape = flexo_shape_new (self->document, &FLEXO_RECT_INIT (corner.x, corner.y, w, h));
  flexo_shape_set_instance (shape, instance);
  flexo_document_begin (self->document, _("Show Instance"));
  flexo_diagram_add_item (self->diagram, shape);
  flexo_document_commit (self->document);
  flexo_canvas_select (self, shape, FALSE);
  return shape;
}

FlexoConnector *
flexo_canvas_add_connector (FlexoCanvas      *self,
                            FlexoPaletteItem *item,
                            FlexoShape       *source,
                            FlexoShape       *target)
{
  g_autoptr(FlexoStyle) style = NULL;
  FlexoRelation *relation;
  FlexoConnector *connector;

  g_return_val_if_fail (FLEXO_IS_CANVAS (self), NULL);
  g_return_val_if_fail (FLEXO_IS_SHAPE (source) && FLEXO_IS_SHAPE (target), NULL);

  if (!can_edit (self))
    return NULL;

  relation = item != NULL ? flexo_palette_item_get_relation (item) : NULL;
  if (relation != NULL && !flexo_canvas_relation_allows (relation, source, target))
    return NULL;
  if (relation != NULL)
    style = flexo_style_copy (flexo_palette_item_get_style (item));
  else
    {
      style = new_item_style (self, item, CONNECTOR_FIELDS);
      if (item == NULL && !flexo_style_has (style, FLEXO_STYLE_ARROW_END))
        flexo_style_set_arrow_end (style, FLEXO_ARROW_FILLED);
    }
  connector = flexo_connector_new (self->document, source, target);
  if (!flexo_style_is_empty (style))
    flexo_connector_set_style (connector, style);

  flexo_document_begin (self->document, relation != NULL ? _("Add Link") : _("Connect"));
  if (relation != NULL)
    {
      g_autoptr(FlexoLink) link = flexo_link_new (self->document, relation, flexo_shape_get_instance (source),
                                                  flexo_shape_get_instance (target));

      flexo_object_insert_child (FLEXO_OBJECT (self->document), FLEXO_LIST_LINKS, -1, FLEXO_OBJECT (link));
      flexo_connector_set_link (connector, link);
    }
  flexo_diagram_add_item (self->diagram, connector);
  /* A new Bézier connector has the chain of its curve: handles to bend. */
  {
    g_autoptr(GArray) chain = flexo_canvas_bezier_chain (connector, TRUE, NULL, NULL);

    if (chain != NULL && chain->len > 0 && flexo_connector_get_waypoints (connector) == NULL)
      flexo_connector_set_waypoints (connector, (FlexoPoint *) (gpointer) chain->data, chain->len);
  }
  flexo_document_commit (self->document);
  g_object_unref (connector);

  flexo_canvas_select (self, connector, FALSE);
  return connector;
}

/* Whether a link of @relation may join the instances @source and @target
 * show (instances of the relation's concepts or of their children). */
gboolean
flexo_canvas_relation_allows (FlexoRelation *relation,
                              FlexoShape    *source,
                              FlexoShape    *target)
{
  FlexoInstance *si = source != NULL ? flexo_shape_get_instance (source) : NULL;
  FlexoInstance *ti = target != NULL ? flexo_shape_get_instance (target) : NULL;

  if (si == NULL || (target != NULL && ti == NULL))
    return FALSE;
  if (target == NULL)
    return flexo_relation_get_source (relation) == NULL ||
           flexo_concept_is_a (flexo_instance_get_concept (si), flexo_relation_get_source (relation));
  return flexo_relation_accepts (relation, flexo_instance_get_concept (si), flexo_instance_get_concept (ti));
}

/* ----------------------------------------------------------- snapping -- */

FlexoPoint
flexo_canvas_snap_point (FlexoCanvas *self,
                         FlexoPoint   p)
{
  if (!self->snap)
    return p;
  return FLEXO_POINT_INIT (round (p.x / self->grid_size) * self->grid_size,
                           round (p.y / self->grid_size) * self->grid_size);
}

typedef struct
{
  FlexoCanvas *self;
  GPtrArray   *shapes;
} Candidates;

static gboolean
candidate_cb (gpointer         item,
              const FlexoRect *bounds,
              gpointer         user_data)
{
  Candidates *c = user_data;

  if (c->self->moving != NULL)
    for (guint i = 0; i < c->self->moving->len; i++)
      if (g_array_index (c->self->moving, MoveItem, i).item == item)
        return FALSE;
  if (item == c->self->drag_item)
    return FALSE;
  g_ptr_array_add (c->shapes, item);
  return c->shapes->len >= MAX_SNAP_CANDIDATES;
}

/* The shapes in view that are not being moved or resized. */
static GPtrArray *
snap_candidates (FlexoCanvas *self)
{
  Candidates c = { self, g_ptr_array_new () };
  FlexoRect area = flexo_canvas_get_visible_area (self);

  flexo_spatial_index_query_rect (flexo_diagram_get_index (self->diagram), &area, candidate_cb, &c);
  return c.shapes;
}

/* Finds the offset that brings one of @values (the moving box's left,
 * centre and right, say) onto one of the candidates' matching lines;
 * the best under the snapping distance, with its guide. */
typedef struct
{
  double   offset;
  double   best;    /* distance of the best so far */
  double   line;
  FlexoRect other;
  gboolean found;
} AxisSnap;

static void
snap_axis (const double *values,
           guint         n_values,
           const double *lines,
           guint         n_lines,
           FlexoRect     other,
           AxisSnap     *snap)
{
  for (guint i = 0; i < n_values; i++)
    for (guint j = 0; j < n_lines; j++)
      {
        double d = lines[j] - values[i];

        if (fabs (d) < snap->best)
          {
            snap->best = fabs (d);
            snap->offset = d;
            snap->line = lines[j];
            snap->other = other;
            snap->found = TRUE;
          }
      }
}

/* Snaps the box @r (moved, or the edges being resized when @edges) to
 * other shapes' edges and centres, else to the grid; the offsets to add
 * in @dx, @dy, and the guides shown. @which_x/@which_y: which of the
 * box's left/centre/right (top/middle/bottom) may snap (bits 1, 2, 4). */
static void
snap_box (FlexoCanvas     *self,
          const FlexoRect *r,
          guint            which_x,
          guint            which_y,
          double          *dx,
          double          *dy)
{
  g_autoptr(GPtrArray) shapes = NULL;
  double xs[3], ys[3];
  guint nx = 0, ny = 0;
  AxisSnap sx = { 0, SNAP_DISTANCE / self->zoom, 0, { 0 }, FALSE };
  AxisSnap sy = sx;

  *dx = *dy = 0;
  g_array_set_size (self->guides, 0);
  if (!self->snap)
    return;

  if (which_x & 1) xs[nx++] = r->x;
  if (which_x & 2) xs[nx++] = r->x + r->width / 2;
  if (which_x & 4) xs[nx++] = r->x + r->width;
  if (which_y & 1) ys[ny++] = r->y;
  if (which_y & 2) ys[ny++] = r->y + r->height / 2;
  if (which_y & 4) ys[ny++] = r->y + r->height;

  shapes = snap_candidates (self);
  for (guint i = 0; i < shapes->len; i++)
    {
      FlexoRect o = flexo_rect_normalize (*flexo_shape_get_bounds (g_ptr_array_index (shapes, i)));
      double lx[3] = { o.x, o.x + o.width / 2, o.x + o.width };
      double ly[3] = { o.y, o.y + o.height / 2, o.y + o.height };

      snap_axis (xs, nx, lx, 3, o, &sx);
      snap_axis (ys, ny, ly, 3, o, &sy);
    }

  if (sx.found)
    {
      Guide g = { TRUE, sx.line, MIN (r->y, sx.other.y), MAX (r->y + r->height, sx.other.y + sx.other.height) };

      *dx = sx.offset;
      g_array_append_val (self->guides, g);
    }
  else if (nx > 0)
    *dx = round (xs[0] / self->grid_size) * self->grid_size - xs[0];

  if (sy.found)
    {
      Guide g = { FALSE, sy.line, MIN (r->x, sy.other.x), MAX (r->x + r->width, sy.other.x + sy.other.width) };

      *dy = sy.offset;
      g_array_append_val (self->guides, g);
    }
  else if (ny > 0)
    *dy = round (ys[0] / self->grid_size) * self->grid_size - ys[0];
}

/* --------------------------------------------------------------- move -- */

static void
move_item_clear (gpointer data)
{
  MoveItem *m = data;

  g_clear_pointer (&m->waypoints, g_array_unref);
}

static void
add_moving (FlexoCanvas *self,
            GHashTable  *seen,
            gpointer     item)
{
  MoveItem m = { item };

  if (!g_hash_table_add (seen, item))
    return;
  if (FLEXO_IS_SHAPE (item))
    {
      GPtrArray *children = flexo_shape_get_children (item);

      m.bounds = *flexo_shape_get_bounds (item);
      g_array_append_val (self->moving, m);
      for (guint i = 0; children != NULL && i < children->len; i++)
        add_moving (self, seen, g_ptr_array_index (children, i));
    }
  else
    {
      GArray *waypoints = flexo_connector_get_waypoints (item);

      if (waypoints != NULL)
        m.waypoints = g_array_copy (waypoints);
      m.source_point = flexo_connector_get_source_point (item);
      m.target_point = flexo_connector_get_target_point (item);
      g_array_append_val (self->moving, m);
    }
}

/* Remembers where the selection (and what it carries along) starts. */
void
flexo_canvas_begin_move (FlexoCanvas *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  gboolean any = FALSE;
  guint n_shapes;

  if (self->moving == NULL)
    {
      self->moving = g_array_new (FALSE, TRUE, sizeof (MoveItem));
      g_array_set_clear_func (self->moving, move_item_clear);
    }
  g_array_set_size (self->moving, 0);

  for (guint i = 0; i < self->selection->len; i++)
    if (FLEXO_IS_SHAPE (g_ptr_array_index (self->selection, i)))
      add_moving (self, seen, g_ptr_array_index (self->selection, i));
  n_shapes = self->moving->len;

  /* Connectors move their waypoints when both ends move, or when they
   * are selected themselves. */
  for (guint i = 0; i < n_shapes; i++)
    {
      GPtrArray *connectors = flexo_shape_get_connectors (g_array_index (self->moving, MoveItem, i).item);

      for (guint j = 0; connectors != NULL && j < connectors->len; j++)
        {
          FlexoConnector *c = g_ptr_array_index (connectors, j);
          FlexoShape *s = flexo_connector_get_source (c), *t = flexo_connector_get_target (c);

          if ((s == NULL || g_hash_table_contains (seen, s)) && (t == NULL || g_hash_table_contains (seen, t)))
            add_moving (self, seen, c);
        }
    }
  for (guint i = 0; i < self->selection->len; i++)
    if (FLEXO_IS_CONNECTOR (g_ptr_array_index (self->selection, i)))
      add_moving (self, seen, g_ptr_array_index (self->selection, i));

  for (guint i = 0; i < self->moving->len; i++)
    {
      MoveItem *m = &g_array_index (self->moving, MoveItem, i);
      FlexoRect b = flexo_rect_normalize (m->bounds);

      if (!FLEXO_IS_SHAPE (m->item))
        continue;
      self->moving_box = any ? flexo_rect_union (&self->moving_box, &b) : b;
      any = TRUE;
    }
  if (!any)
    flexo_canvas_get_selection_bounds (self, &self->moving_box);
}

static void
apply_move (FlexoCanvas *self,
            double       dx,
            double       dy)
{
  for (guint i = 0; i < self->moving->len; i++)
    {
      MoveItem *m = &g_array_index (self->moving, MoveItem, i);

      if (!flexo_object_is_live (m->item))
        continue;
      if (FLEXO_IS_SHAPE (m->item))
        {
          FlexoRect r = m->bounds;

          r.x += dx;
          r.y += dy;
          flexo_shape_set_bounds (m->item, &r);
        }
      else
        {
          if (m->waypoints != NULL && m->waypoints->len > 0)
            {
              g_autoptr(GArray) w = g_array_copy (m->waypoints);

              for (guint k = 0; k < w->len; k++)
                {
                  g_array_index (w, FlexoPoint, k).x += dx;
                  g_array_index (w, FlexoPoint, k).y += dy;
                }
              flexo_connector_set_waypoints (m->item, (FlexoPoint *) (gpointer) w->data, w->len);
            }
          if (flexo_connector_get_source (m->item) == NULL)
            flexo_connector_set_source_point (m->item, FLEXO_POINT_INIT (m->source_point.x + dx, m->source_point.y + dy));
          if (flexo_connector_get_target (m->item) == NULL)
            flexo_connector_set_target_point (m->item, FLEXO_POINT_INIT (m->target_point.x + dx, m->target_point.y + dy));
        }
    }
}

/* The selection moved by (@dx, @dy) from where the move began, snapped. */
void
flexo_canvas_drag_move (FlexoCanvas *self,
                        double       dx,
                        double       dy,
                        gboolean     snap)
{
  FlexoRect r;
  double sx = 0, sy = 0;

  if (!can_edit (self) || self->moving == NULL || self->moving->len == 0)
    return;

  r = self->moving_box;
  r.x += dx;
  r.y += dy;
  if (snap)
    snap_box (self, &r, 7, 7, &sx, &sy);
  else
    g_array_set_size (self->guides, 0);
  dx += sx;
  dy += sy;
  r.x += sx;
  r.y += sy;

  flexo_document_begin_merge (self->document, _("Move"), MOVE_MERGE_KEY);
  apply_move (self, dx, dy);
  flexo_document_commit (self->document);

  /* The container it would drop into. */
  self->drop_parent = NULL;
  if (self->selection->len > 0 && FLEXO_IS_SHAPE (g_ptr_array_index (self->selection, 0)))
    {
      FlexoShape *first = g_ptr_array_index (self->selection, 0);
      FlexoShape *target = flexo_canvas_container_at (self, flexo_shape_get_bounds (first));

      if (target != flexo_shape_get_parent (first))
        self->drop_parent = target;
    }
}

static gboolean
is_container (FlexoShape *shape)
{
  FlexoStyle style;

  flexo_shape_resolve_style (shape, &style);
  return style.shape_kind == FLEXO_SHAPE_CONTAINER || style.shape_kind == FLEXO_SHAPE_PACKAGE;
}

typedef struct
{
  FlexoCanvas     *self;
  const FlexoRect *box;
  FlexoShape      *best;
  int              best_z;
} ContainerPick;

static gboolean
container_cb (gpointer         item,
              const FlexoRect *bounds,
              gpointer         user_data)
{
  ContainerPick *c = user_data;
  FlexoRect r = flexo_rect_normalize (*flexo_shape_get_bounds (item));
  int z;

  if (!is_container (item) || !flexo_rect_contains_rect (&r, c->box) ||
      (r.x == c->box->x && r.y == c->box->y && r.width == c->box->width && r.height == c->box->height))
    return FALSE;
  if (c->self->moving != NULL)
    for (guint i = 0; i < c->self->moving->len; i++)
      if (g_array_index (c->self->moving, MoveItem, i).item == item)
        return FALSE;
  z = flexo_diagram_get_item_position (c->self->diagram, item);
  if (z > c->best_z)
    {
      c->best = item;
      c->best_z = z;
    }
  return FALSE;
}

/* The topmost container (not being moved) that holds @box whole. */
FlexoShape *
flexo_canvas_container_at (FlexoCanvas     *self,
                           const FlexoRect *box)
{
  FlexoRect b = flexo_rect_normalize (*box);
  ContainerPick c = { self, &b, NULL, -1 };

  if (self->diagram == NULL)
    return NULL;
  flexo_spatial_index_query_rect (flexo_diagram_get_index (self->diagram), &b, container_cb, &c);
  return c.best;
}

/* The end of a move: shapes dropped into a container, or out of one,
 * change parent, in the same history entry as the move. */
void
flexo_canvas_finish_move (FlexoCanvas *self)
{
  g_autoptr(GHashTable) moving = g_hash_table_new (NULL, NULL);

  g_array_set_size (self->guides, 0);
  self->drop_parent = NULL;
  if (self->moving == NULL || !can_edit (self))
    return;

  for (guint i = 0; i < self->moving->len; i++)
    g_hash_table_add (moving, g_array_index (self->moving, MoveItem, i).item);

  flexo_document_begin_merge (self->document, _("Move"), MOVE_MERGE_KEY);
  for (guint i = 0; i < self->moving->len; i++)
    {
      gpointer item = g_array_index (self->moving, MoveItem, i).item;
      FlexoShape *parent, *target;

      if (!FLEXO_IS_SHAPE (item) || !flexo_object_is_live (item))
        continue;
      parent = flexo_shape_get_parent (item);
      /* Children of a moved container go along with it. */
      if (parent != NULL && g_hash_table_contains (moving, parent))
        continue;
      target = flexo_canvas_container_at (self, flexo_shape_get_bounds (item));
      if (target == parent || (target != NULL && flexo_shape_is_inside (target, item)))
        continue;
      flexo_shape_set_parent (item, target);
      /* A child is drawn above its container. */
      if (target != NULL && flexo_diagram_get_item_position (self->diagram, item) <
                            flexo_diagram_get_item_position (self->diagram, target))
        flexo_object_move_child (FLEXO_OBJECT (self->diagram), FLEXO_LIST_ITEMS, item,
                                 flexo_diagram_get_item_position (self->diagram, target));
    }
  flexo_document_commit (self->document);
  flexo_document_end_merge (self->document);
  g_array_set_size (self->moving, 0);
}

void
flexo_canvas_move_selection (FlexoCanvas *self,
                             double       dx,
                             double       dy)
{
  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (!can_edit (self) || self->selection->len == 0)
    return;

  flexo_canvas_begin_move (self);
  /* Key presses in a row make one history entry. */
  flexo_document_begin_merge (self->document, _("Move"), NUDGE_MERGE_KEY);
  apply_move (self, dx, dy);
  flexo_document_commit (self->document);
  g_array_set_size (self->moving, 0);
}

/* ------------------------------------------------------------- resize -- */

/* The shape being resized to put its handle at @p. */
void
flexo_canvas_drag_resize (FlexoCanvas *self,
                          FlexoPoint   p,
                          gboolean     keep_ratio)
{
  FlexoRect r = flexo_rect_normalize (self->drag_start_bounds);
  double x1 = r.x, y1 = r.y, x2 = r.x + r.width, y2 = r.y + r.height;
  gboolean left, right, top, bottom;
  double dx = 0, dy = 0;
  FlexoRect edges;

  if (!can_edit (self) || !FLEXO_IS_SHAPE (self->drag_item) || !flexo_object_is_live (self->drag_item))
    return;

  left = self->handle == HANDLE_NW || self->handle == HANDLE_W || self->handle == HANDLE_SW;
  right = self->handle == HANDLE_NE || self->handle == HANDLE_E || self->handle == HANDLE_SE;
  top = self->handle == HANDLE_NW || self->handle == HANDLE_N || self->handle == HANDLE_NE;
  bottom = self->handle == HANDLE_SW || self->handle == HANDLE_S || self->handle == HANDLE_SE;

  /* The dragged edges snap. */
  edges = FLEXO_RECT_INIT (p.x, p.y, 0, 0);
  snap_box (self, &edges, (left || right) ? 1 : 0, (top || bottom) ? 1 : 0, &dx, &dy);
  p.x += dx;
  p.y += dy;

  if (left)
    x1 = MIN (p.x, x2 - MIN_SHAPE_SIZE);
  if (right)
    x2 = MAX (p.x, x1 + MIN_SHAPE_SIZE);
  if (top)
    y1 = MIN (p.y, y2 - MIN_SHAPE_SIZE);
  if (bottom)
    y2 = MAX (p.y, y1 + MIN_SHAPE_SIZE);

  if (keep_ratio && r.width > 0 && r.height > 0)
    {
      double k = MAX ((x2 - x1) / r.width, (y2 - y1) / r.height);

      if (!(left || right))
        k = (y2 - y1) / r.height;
      else if (!(top || bottom))
        k = (x2 - x1) / r.width;
      if (left)
        x1 = x2 - r.width * k;
      else if (right)
        x2 = x1 + r.width * k;
      else
        {
          double cx = r.x + r.width / 2;

          x1 = cx - r.width * k / 2;
          x2 = cx + r.width * k / 2;
        }
      if (top)
        y1 = y2 - r.height * k;
      else if (bottom)
        y2 = y1 + r.height * k;
      else
        {
          double cy = r.y + r.height / 2;

          y1 = cy - r.height * k / 2;
          y2 = cy + r.height * k / 2;
        }
      g_array_set_size (self->guides, 0);
    }

  r = FLEXO_RECT_INIT (x1, y1, x2 - x1, y2 - y1);
  flexo_document_begin_merge (self->document, _("Resize"), RESIZE_MERGE_KEY);
  flexo_shape_set_bounds (self->drag_item, &r);
  flexo_document_commit (self->document);
}

/* ------------------------------------------------------------- delete -- */

/* The selection, topmost first (a new array holding references): each
 * deleted goes from the end of what is left of its list, which keeps
 * deleting many items linear. */
static GPtrArray *
selection_topmost_first (FlexoCanvas *self)
{
  GPtrArray *all = flexo_diagram_get_items (self->diagram);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = all->len; i-- > 0 && items->len < self->selection->len;)
    if (g_hash_table_contains (self->selected, g_ptr_array_index (all, i)))
      g_ptr_array_add (items, g_object_ref (g_ptr_array_index (all, i)));
  /* Anything selected that is not in the list (there is none): last. */
  if (items->len < self->selection->len)
    for (guint i = 0; i < self->selection->len; i++)
      if (!g_ptr_array_find (items, g_ptr_array_index (self->selection, i), NULL))
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (self->selection, i)));
  return items;
}

void
flexo_canvas_delete_selection (FlexoCanvas *self)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (!can_edit (self) || self->selection->len == 0)
    return;

  items = selection_topmost_first (self);
  flexo_document_begin (self->document, ngettext ("Delete Item", "Delete Items", items->len));
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GError) error = NULL;
      gpointer item = g_ptr_array_index (items, i);

      /* A connector goes with its shape when both are selected. */
      if (!flexo_object_is_live (item))
        continue;
      if (!flexo_document_delete (self->document, item, &error))
        g_warning ("%s", error->message);
    }
  flexo_document_commit (self->document);
}

void
flexo_canvas_delete_selection_everywhere (FlexoCanvas *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) objects = NULL;

  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (!can_edit (self) || self->selection->len == 0)
    return;

  /* What they show goes, and with it all its views; the topmost first
   * (made last, they sit at the end of their lists). */
  items = selection_topmost_first (self);
  objects = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      gpointer model = FLEXO_IS_SHAPE (item) ? (gpointer) flexo_shape_get_instance (item)
                                             : (gpointer) flexo_connector_get_link (item);

      g_ptr_array_add (objects, g_object_ref (model != NULL ? model : item));
    }
  flexo_document_begin (self->document, _("Delete Everywhere"));
  for (guint i = 0; i < objects->len; i++)
    {
      g_autoptr(GError) error = NULL;
      gpointer object = g_ptr_array_index (objects, i);

      if (flexo_object_is_live (object) && !flexo_document_delete (self->document, object, &error))
        g_warning ("%s", error->message);
    }
  flexo_document_commit (self->document);
}

/* ------------------------------------------------------------ z-order -- */

static int
compare_position (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  FlexoDiagram *diagram = user_data;
  int za = flexo_diagram_get_item_position (diagram, *(gpointer *) a);
  int zb = flexo_diagram_get_item_position (diagram, *(gpointer *) b);

  return (za > zb) - (za < zb);
}

void
flexo_canvas_raise_selection (FlexoCanvas *self,
                              gboolean     to_top)
{
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (!can_edit (self) || self->selection->len == 0)
    return;

  items = g_ptr_array_copy (self->selection, NULL, NULL);
  g_ptr_array_sort_with_data (items, compare_position, self->diagram);
  n = flexo_diagram_get_items (self->diagram)->len;

  flexo_document_begin (self->document, to_top ? _("Bring to Front") : _("Send to Back"));
  for (guint i = 0; i < items->len; i++)
    {
      /* Keep their order among themselves. */
      gpointer item = g_ptr_array_index (items, to_top ? i : items->len - 1 - i);

      flexo_object_move_child (FLEXO_OBJECT (self->diagram), FLEXO_LIST_ITEMS, item, to_top ? (int) n - 1 : 0);
    }
  flexo_document_commit (self->document);
}

/* -------------------------------------------------------------- align -- */

static int
compare_centre_x (gconstpointer a,
                  gconstpointer b)
{
  FlexoRect ra = *flexo_shape_get_bounds (*(FlexoShape **) a), rb = *flexo_shape_get_bounds (*(FlexoShape **) b);
  double ca = ra.x + ra.width / 2, cb = rb.x + rb.width / 2;

  return (ca > cb) - (ca < cb);
}

static int
compare_centre_y (gconstpointer a,
                  gconstpointer b)
{
  FlexoRect ra = *flexo_shape_get_bounds (*(FlexoShape **) a), rb = *flexo_shape_get_bounds (*(FlexoShape **) b);
  double ca = ra.y + ra.height / 2, cb = rb.y + rb.height / 2;

  return (ca > cb) - (ca < cb);
}

void
flexo_canvas_align_selection (FlexoCanvas          *self,
                              FlexoCanvasAlignment  alignment)
{
  g_autoptr(GPtrArray) shapes = g_ptr_array_new ();
  FlexoRect all = { 0 };
  gboolean distribute = alignment == FLEXO_CANVAS_DISTRIBUTE_HORIZONTALLY ||
                        alignment == FLEXO_CANVAS_DISTRIBUTE_VERTICALLY;
  double total = 0, gap, pos;

  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (!can_edit (self))
    return;
  for (guint i = 0; i < self->selection->len; i++)
    {
      gpointer item = g_ptr_array_index (self->selection, i);

      if (FLEXO_IS_SHAPE (item))
        {
          FlexoRect r = flexo_rect_normalize (*flexo_shape_get_bounds (item));

          all = shapes->len == 0 ? r : flexo_rect_union (&all, &r);
          g_ptr_array_add (shapes, item);
          total += alignment == FLEXO_CANVAS_DISTRIBUTE_HORIZONTALLY ? r.width : r.height;
        }
    }
  if (shapes->len < (distribute ? 3u : 2u))
    return;

  flexo_document_begin (self->document, distribute ? _("Distribute") : _("Align"));
  if (distribute)
    {
      gboolean h = alignment == FLEXO_CANVAS_DISTRIBUTE_HORIZONTALLY;

      g_ptr_array_sort (shapes, h ? compare_centre_x : compare_centre_y);
      gap = ((h ? all.width : all.height) - total) / (shapes->len - 1);
      pos = h ? all.x : all.y;
      for (guint i = 0; i < shapes->len; i++)
        {
          FlexoShape *shape = g_ptr_array_index (shapes, i);
          FlexoRect r = flexo_rect_normalize (*flexo_shape_get_bounds (shape));

          if (h)
            r.x = pos, pos += r.width + gap;
          else
            r.y = pos, pos += r.height + gap;
          flexo_shape_set_bounds (shape, &r);
        }
    }
  else
    for (guint i = 0; i < shapes->len; i++)
      {
        FlexoShape *shape = g_ptr_array_index (shapes, i);
        FlexoRect r = flexo_rect_normalize (*flexo_shape_get_bounds (shape));

        switch (alignment)
          {
          case FLEXO_CANVAS_ALIGN_LEFT: r.x = all.x; break;
          case FLEXO_CANVAS_ALIGN_CENTER: r.x = all.x + (all.width - r.width) / 2; break;
          case FLEXO_CANVAS_ALIGN_RIGHT: r.x = all.x + all.width - r.width; break;
          case FLEXO_CANVAS_ALIGN_TOP: r.y = all.y; break;
          case FLEXO_CANVAS_ALIGN_MIDDLE: r.y = all.y + (all.height - r.height) / 2; break;
          case FLEXO_CANVAS_ALIGN_BOTTOM: r.y = all.y + all.height - r.height; break;
          case FLEXO_CANVAS_DISTRIBUTE_HORIZONTALLY:
          case FLEXO_CANVAS_DISTRIBUTE_VERTICALLY:
          default:
            break;
          }
        flexo_shape_set_bounds (shape, &r);
      }
  flexo_document_commit (self->document);
}

/* ---------------------------------------------------------- duplicate -- */

void
flexo_canvas_duplicate_selection (FlexoCanvas *self)
{
  g_autoptr(GHashTable) copies = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) created = g_ptr_array_new ();

  g_return_if_fail (FLEXO_IS_CANVAS (self));

  if (!can_edit (self) || self->selection->len == 0)
    return;

  items = g_ptr_array_copy (self->selection, NULL, NULL);
  g_ptr_array_sort_with_data (items, compare_position, self->diagram);

  flexo_document_begin (self->document, _("Duplicate"));
  for (guint i = 0; i < items->len; i++)
    {
      FlexoShape *shape = g_ptr_array_index (items, i);
      FlexoShape *copy;
      FlexoRect r;

      if (!FLEXO_IS_SHAPE (shape))
        continue;
      r = *flexo_shape_get_bounds (shape);
      r.x += DUPLICATE_OFFSET;
      r.y += DUPLICATE_OFFSET;
      copy = flexo_shape_new (self->document, &r);
      flexo_shape_set_text (copy, flexo_shape_get_text (shape));
      flexo_shape_set_form (copy, flexo_shape_get_form (shape));
      if (flexo_shape_get_style (shape) != NULL)
        flexo_shape_set_style (copy, flexo_shape_get_style (shape));
      flexo_shape_set_instance (copy, flexo_shape_get_instance (shape));
      flexo_diagram_add_item (self->diagram, copy);
      g_hash_table_insert (copies, shape, copy);
      g_ptr_array_add (created, copy);
      g_object_unref (copy);
    }
  /* Parents among the copies, and connectors between them. */
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      if (FLEXO_IS_SHAPE (item))
        {
          FlexoShape *parent = g_hash_table_lookup (copies, flexo_shape_get_parent (item));

          flexo_shape_set_parent (g_hash_table_lookup (copies, item),
                                  parent != NULL ? parent : flexo_shape_get_parent (item));
        }
      else if (FLEXO_IS_CONNECTOR (item))
        {
          FlexoShape *s = flexo_connector_get_source (item), *t = flexo_connector_get_target (item);
          FlexoShape *cs = s != NULL ? g_hash_table_lookup (copies, s) : NULL;
          FlexoShape *ct = t != NULL ? g_hash_table_lookup (copies, t) : NULL;
          GArray *w = flexo_connector_get_waypoints (item);
          FlexoConnector *copy = flexo_connector_new (self->document, cs != NULL ? cs : s, ct != NULL ? ct : t);
          g_autoptr(GArray) moved = w != NULL ? g_array_copy (w) : NULL;

          for (guint k = 0; moved != NULL && k < moved->len; k++)
            {
              g_array_index (moved, FlexoPoint, k).x += DUPLICATE_OFFSET;
              g_array_index (moved, FlexoPoint, k).y += DUPLICATE_OFFSET;
            }
          if (moved != NULL && moved->len > 0)
            flexo_connector_set_waypoints (copy, (FlexoPoint *) (gpointer) moved->data, moved->len);
          for (FlexoLabelPosition pos = 0; pos < FLEXO_N_LABELS; pos++)
            flexo_connector_set_label (copy, pos, flexo_connector_get_label (item, pos));
          if (flexo_connector_get_style (item) != NULL)
            flexo_connector_set_style (copy, flexo_connector_get_style (item));
          flexo_diagram_add_item (self->diagram, copy);
          g_ptr_array_add (created, copy);
          g_object_unref (copy);
        }
    }
  flexo_document_commit (self->document);

  flexo_canvas_clear_selection (self);
  for (guint i = 0; i < created->len; i++)
    flexo_canvas_select (self, g_ptr_array_index (created, i), TRUE);
}
