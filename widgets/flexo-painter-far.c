/* flexo-painter-far.c — far views of large diagrams, kept as a picture
 *
 * A view of many items is drawn into a picture, kept with what it was
 * drawn for and where each item set pixels. Repaints that change nothing
 * in the model paint the picture. When only shapes and connectors
 * changed since (flexo_model_foreach_change_since()), the tiles where they
 * were and are are cleared and drawn again, with every item that may
 * have set pixels there, in order; anything else draws it whole.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "flexo-painter-private.h"

/* Views of this many items and more are kept as a picture (far views of
 * large diagrams), repainted from it while nothing changed, and redrawn
 * where something changed. */
#define FAR_VIEW_MIN_ITEMS 20000
/* Where a picture is redrawn, in device pixels beyond the changed items,
 * for antialiasing and rounding. */
#define FAR_VIEW_MARGIN 2
/* A picture is redrawn by tiles of this many pixels each way; when more
 * than a quarter of them changed, or more items than this, all of it. */
#define FAR_VIEW_TILE 32
#define FAR_VIEW_MAX_CHANGED 256

static gboolean
same_far_key (const FarKey *a,
              const FarKey *b)
{
  return a->diagram == b->diagram && a->revision == b->revision &&
         memcmp (&a->matrix, &b->matrix, sizeof a->matrix) == 0 &&
         a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height &&
         memcmp (&a->area, &b->area, sizeof a->area) == 0 && a->scale == b->scale &&
         a->background == b->background;
}

/* The key of a picture of this view: FALSE when the target is not one a
 * picture serves (scaled devices, huge clips). */
static gboolean
far_key_for (FlexoPainter    *self,
             cairo_t         *cr,
             FlexoDiagram    *diagram,
             const FlexoRect *area,
             double           scale,
             FarKey          *key)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  double sx = 1, sy = 1, x1, y1, x2, y2;

  cairo_surface_get_device_scale (target, &sx, &sy);
  if (sx != 1 || sy != 1)
    return FALSE;
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  cairo_restore (cr);
  if (!(x2 > x1 && y2 > y1) || (x2 - x1) * (y2 - y1) > 16e6 || fabs (x1) > 1e7 || fabs (y1) > 1e7)
    return FALSE;

  memset (key, 0, sizeof *key);
  key->diagram = diagram;
  key->revision = flexo_model_get_revision ();
  cairo_get_matrix (cr, &key->matrix);
  key->x = (int) floor (x1);
  key->y = (int) floor (y1);
  key->width = (int) ceil (x2) - key->x;
  key->height = (int) ceil (y2) - key->y;
  key->area = *area;
  key->scale = scale;
  key->background = self->background;
  return TRUE;
}

/* A cairo_t on the picture, in the user space of its view. */
static cairo_t *
far_context (FlexoPainter *self)
{
  cairo_t *cr = cairo_create (self->far);

  cairo_translate (cr, -self->far_key.x, -self->far_key.y);
  cairo_transform (cr, &self->far_key.matrix);
  return cr;
}

/* The index in far_items of @item, or -1. The picture's items are bottom
 * first, as the diagram lists them now (its list has not changed). */
static int
far_index_of (FlexoPainter *self,
              FlexoDiagram *diagram,
              gpointer      item)
{
  GPtrArray *items = self->far_items;
  int z = flexo_diagram_get_item_position (diagram, item);
  guint lo = 0, hi = items->len;

  if (z < 0)
    return -1;
  if ((guint) z < items->len && g_ptr_array_index (items, z) == item)
    return z;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int zm = flexo_diagram_get_item_position (diagram, g_ptr_array_index (items, mid));

      if (zm == z)
        return (int) mid;
      if (zm < z)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

typedef struct
{
  FlexoPainter  *painter;
  FlexoDiagram  *diagram;
  FlexoDocument *document;
  GArray        *changed;  /* int: indexes in far_items */
  gboolean      unknown;  /* a change a picture cannot follow */
} FarChanges;

static gboolean
far_add_changed (FarChanges *fc,
                 gpointer    item)
{
  int index = far_index_of (fc->painter, fc->diagram, item);

  if (index < 0)
    fc->unknown = TRUE;
  else
    g_array_append_val (fc->changed, index);
  return index >= 0;
}

/* The changes a picture can follow: fields of shapes and connectors its
 * document still has (looked up by id: the object at that address is
 * then that one). Anything else (a list, the model the shapes show,
 * another document, an object gone) may change anything. */
static gboolean
far_known_change_cb (gpointer object,
                     guint    id,
                     GType    type,
                     gboolean list,
                     gpointer user_data)
{
  FarChanges *fc = user_data;

  if (list || (type != FLEXO_TYPE_SHAPE && type != FLEXO_TYPE_CONNECTOR) ||
      flexo_document_lookup (fc->document, id) != object || G_OBJECT_TYPE (object) != type)
    fc->unknown = TRUE;
  return !fc->unknown;
}

/* A change of a shape redraws it and its connectors, whose ends follow
 * it; a change of a connector, itself. Only once every change is known
 * to be one of those: the list has not changed, so the picture's items
 * are all alive. */
static gboolean
far_change_cb (gpointer object,
               guint    id,
               GType    type,
               gboolean list,
               gpointer user_data)
{
  FarChanges *fc = user_data;

  if (far_add_changed (fc, object) && type == FLEXO_TYPE_SHAPE)
    {
      /* In the document, hence alive. */
      GPtrArray *connectors = flexo_shape_get_connectors (object);

      for (guint i = 0; connectors != NULL && i < connectors->len && !fc->unknown; i++)
        far_add_changed (fc, g_ptr_array_index (connectors, i));
    }
  if (fc->changed->len > FAR_VIEW_MAX_CHANGED)
    fc->unknown = TRUE;
  return !fc->unknown;
}

/* An FarInk with the margin, in doubles: a box, or a segment whose pixels
 * are within reach of it; both with their bounds. */
typedef struct
{
  double   x0, y0, x1, y1;
  gboolean line;
  double   ax, ay, bx, by, reach;
} PixInk;

static inline gboolean
pix_ink (const FarInk *ink,
         PixInk    *out)
{
  if (ink->reach < 0)
    {
      out->line = FALSE;
      out->x0 = (double) ink->x0 - FAR_VIEW_MARGIN;
      out->y0 = (double) ink->y0 - FAR_VIEW_MARGIN;
      out->x1 = (double) ink->x1 + FAR_VIEW_MARGIN;
      out->y1 = (double) ink->y1 + FAR_VIEW_MARGIN;
    }
  else
    {
      out->line = TRUE;
      out->ax = ink->x0;
      out->ay = ink->y0;
      out->bx = ink->x1;
      out->by = ink->y1;
      out->reach = (double) ink->reach + FAR_VIEW_MARGIN;
      out->x0 = MIN (out->ax, out->bx) - out->reach;
      out->y0 = MIN (out->ay, out->by) - out->reach;
      out->x1 = MAX (out->ax, out->bx) + out->reach;
      out->y1 = MAX (out->ay, out->by) + out->reach;
    }
  /* Nowhere (an empty box, or not numbers). */
  return out->x0 <= out->x1 && out->y0 <= out->y1;
}

/* Where @pi may set pixels of rows [@lo, @hi): FALSE when none. */
static gboolean
pix_ink_band (const PixInk *pi,
              double        lo,
              double        hi,
              double       *x0,
              double       *x1)
{
  double dy, t0 = 0, t1 = 1, xa, xb;

  if (pi->y1 < lo || pi->y0 >= hi)
    return FALSE;
  if (!pi->line)
    {
      *x0 = pi->x0;
      *x1 = pi->x1;
      return TRUE;
    }
  /* The piece of the segment within reach of the rows. */
  dy = pi->by - pi->ay;
  if (dy != 0)
    {
      double ta = (lo - pi->reach - pi->ay) / dy, tb = (hi + pi->reach - pi->ay) / dy;

      t0 = MAX (0, MIN (ta, tb));
      t1 = MIN (1, MAX (ta, tb));
      if (t0 > t1)
        return FALSE;
    }
  xa = pi->ax + t0 * (pi->bx - pi->ax);
  xb = pi->ax + t1 * (pi->bx - pi->ax);
  *x0 = MIN (xa, xb) - pi->reach;
  *x1 = MAX (xa, xb) + pi->reach;
  return TRUE;
}

/* The tiles of the picture that changed. */
typedef struct
{
  int     cols, rows;
  int     width, height;  /* pixels */
  guint8 *marked;         /* rows × cols */
  int    *sums;           /* (rows + 1) × (cols + 1): marked tiles above and left */
  int     n_marked;
} Damage;

static inline int
tile_of (double x,
         int    n)
{
  /* floor() without a call: the build does not assume SSE4.1. */
  if (!(x >= 0))
    return 0;
  if (x >= (double) n * FAR_VIEW_TILE)
    return n - 1;
  return (int) (x * (1.0 / FAR_VIEW_TILE));
}

/* The tiles @pi may set pixels of, at most: FALSE when none. */
static inline gboolean
damage_tiles (const Damage *d,
              const PixInk *pi,
              int          *tx0,
              int          *ty0,
              int          *tx1,
              int          *ty1)
{
  if (pi->x1 < 0 || pi->y1 < 0 || pi->x0 >= d->width || pi->y0 >= d->height)
    return FALSE;
  *tx0 = tile_of (pi->x0, d->cols);
  *ty0 = tile_of (pi->y0, d->rows);
  *tx1 = tile_of (pi->x1, d->cols);
  *ty1 = tile_of (pi->y1, d->rows);
  return TRUE;
}

/* The tiles of row @ty that @pi may set pixels of: FALSE when none. */
static gboolean
damage_row_span (const Damage *d,
                 const PixInk *pi,
                 int           ty,
                 int          *tx0,
                 int          *tx1)
{
  double x0, x1;

  if (!pix_ink_band (pi, (double) ty * FAR_VIEW_TILE, (double) (ty + 1) * FAR_VIEW_TILE, &x0, &x1) ||
      x1 < 0 || x0 >= d->width)
    return FALSE;
  *tx0 = tile_of (x0, d->cols);
  *tx1 = tile_of (x1, d->cols);
  return TRUE;
}

static void
damage_mark (Damage       *d,
             const PixInk *pi)
{
  int tx0, ty0, tx1, ty1;

  if (!damage_tiles (d, pi, &tx0, &ty0, &tx1, &ty1))
    return;
  for (int ty = ty0; ty <= ty1; ty++)
    if (damage_row_span (d, pi, ty, &tx0, &tx1))
      for (int tx = tx0; tx <= tx1; tx++)
        if (!d->marked[ty * d->cols + tx])
          {
            d->marked[ty * d->cols + tx] = 1;
            d->n_marked++;
          }
}

static void
damage_sum (Damage *d)
{
  int stride = d->cols + 1;

  memset (d->sums, 0, sizeof (int) * stride);
  for (int ty = 0; ty < d->rows; ty++)
    {
      int *sum = d->sums + (ty + 1) * stride;
      const int *above = sum - stride;
      int in_row = 0;

      sum[0] = 0;
      for (int tx = 0; tx < d->cols; tx++)
        {
          in_row += d->marked[ty * d->cols + tx];
          sum[tx + 1] = above[tx + 1] + in_row;
        }
    }
}

/* How many tiles of [tx0, tx1] × [ty0, ty1] changed. */
static inline int
damage_count (const Damage *d,
              int           tx0,
              int           ty0,
              int           tx1,
              int           ty1)
{
  int stride = d->cols + 1;

  return d->sums[(ty1 + 1) * stride + tx1 + 1] - d->sums[ty0 * stride + tx1 + 1] -
         d->sums[(ty1 + 1) * stride + tx0] + d->sums[ty0 * stride + tx0];
}

static gboolean
damage_meets (const Damage *d,
              const PixInk *pi)
{
  int tx0, ty0, tx1, ty1;

  if (!damage_tiles (d, pi, &tx0, &ty0, &tx1, &ty1) || damage_count (d, tx0, ty0, tx1, ty1) == 0)
    return FALSE;
  if (!pi->line)
    return TRUE;
  for (int ty = ty0; ty <= ty1; ty++)
    {
      int sx0, sx1;

      if (damage_row_span (d, pi, ty, &sx0, &sx1) && damage_count (d, sx0, ty, sx1, ty) > 0)
        return TRUE;
    }
  return FALSE;
}

/* The items of a picture by the tiles they may have set pixels of, made
 * when first needed: an update then looks at the items of its tiles, not
 * at all of them. Items drawn elsewhere since are listed apart. */
typedef struct _FarGrid
{
  guint  *start;   /* per tile, row by row, and one more: where its items begin */
  guint  *items;   /* indexes in far_items */
  GArray *moved;   /* guint: items whose ink changed since */
  gulong *wanted;  /* a bit per item, for an update */
} FarGrid;

/* More moved items than this: the grid is made again; more entries
 * than this (a quarter of a gigabyte): not at all. */
#define FAR_GRID_MAX_MOVED 4096
#define FAR_GRID_MAX_ENTRIES (G_GUINT64_CONSTANT (1) << 26)

static void
far_grid_free (FarGrid *grid)
{
  g_free (grid->start);
  g_free (grid->items);
  g_array_unref (grid->moved);
  g_free (grid->wanted);
  g_free (grid);
}

static FarGrid *
far_grid_new (FlexoPainter *self,
              const Damage *d)
{
  FarGrid *grid = g_new0 (FarGrid, 1);
  guint n_tiles = (guint) d->cols * (guint) d->rows, n = self->far_items->len;
  g_autofree guint *fill = g_new0 (guint, n_tiles + 1);
  guint64 total = 0;

  grid->start = g_new0 (guint, n_tiles + 1);
  grid->moved = g_array_new (FALSE, FALSE, sizeof (guint));
  grid->wanted = g_new0 (gulong, n / (8 * sizeof (gulong)) + 1);

  /* Counted, then filled. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint k = 0; k < n; k++)
        {
          PixInk pi;
          int tx0, ty0, tx1, ty1, sx0, sx1;

          if (!pix_ink (&self->far_ink[k], &pi) || !damage_tiles (d, &pi, &tx0, &ty0, &tx1, &ty1))
            continue;
          for (int ty = ty0; ty <= ty1; ty++)
            if (damage_row_span (d, &pi, ty, &sx0, &sx1))
              for (int tx = sx0; tx <= sx1; tx++)
                {
                  guint t = (guint) ty * d->cols + tx;

                  if (pass == 0)
                    grid->start[t + 1]++, total++;
                  else
                    grid->items[grid->start[t] + fill[t]++] = k;
                }
        }
      /* Items spread over too many tiles (lines with bends over the
       * whole picture): none. */
      if (pass == 0 && total > FAR_GRID_MAX_ENTRIES)
        {
          far_grid_free (grid);
          return NULL;
        }
      if (pass == 0)
        {
          for (guint t = 0; t < n_tiles; t++)
            grid->start[t + 1] += grid->start[t];
          grid->items = g_new (guint, MAX (grid->start[n_tiles], 1));
        }
    }
  return grid;
}

static inline void
far_grid_want (FarGrid *grid,
               guint    k)
{
  grid->wanted[k / (8 * sizeof (gulong))] |= 1UL << (k % (8 * sizeof (gulong)));
}

/* An item met on a row of tiles, and the pixels it may set there. */
typedef struct
{
  guint  index;  /* in far_items */
  double x0, x1;
} RowItem;

/* User space to the picture's pixels. */
static void
far_to_pixels (FlexoPainter   *self,
               cairo_matrix_t *to_px)
{
  *to_px = self->far_key.matrix;
  to_px->x0 -= self->far_key.x;
  to_px->y0 -= self->far_key.y;
}

/* Clears the pixels [@x0, @x1) × [@y0, @y1) of the picture and draws
 * there again @row's items that meet them. */
static void
far_redraw_run (FlexoPainter *self,
                GArray       *row,
                double        x0,
                double        y0,
                double        x1,
                double        y1,
                double        scale,
                GPtrArray    *redraw,
                GArray       *where,
                GArray       *ink,
                GArray       *groups)
{
  FlexoPaint paint = { 0 };
  cairo_matrix_t to_px;

  g_ptr_array_set_size (redraw, 0);
  g_array_set_size (where, 0);
  g_array_set_size (groups, 0);
  for (guint j = 0; j < row->len; j++)
    {
      const RowItem *it = &g_array_index (row, RowItem, j);

      if (it->x1 >= x0 && it->x0 < x1)
        {
          g_ptr_array_add (redraw, g_ptr_array_index (self->far_items, it->index));
          g_array_append_val (where, it->index);
          g_array_append_val (groups, self->far_ink[it->index].group);
        }
    }
  g_array_set_size (ink, redraw->len);
  far_to_pixels (self, &to_px);

  paint.cr = cairo_create (self->far);
  cairo_rectangle (paint.cr, x0, y0, x1 - x0, y1 - y0);
  cairo_clip (paint.cr);
  cairo_set_operator (paint.cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (paint.cr);
  cairo_set_operator (paint.cr, CAIRO_OPERATOR_OVER);
  cairo_translate (paint.cr, -self->far_key.x, -self->far_key.y);
  cairo_transform (paint.cr, &self->far_key.matrix);
  flexo_painter_draw_items (self, &paint, redraw, 0, redraw->len, scale, (FarInk *) (gpointer) ink->data, &to_px,
                            (const guint32 *) (gconstpointer) groups->data);
  cairo_destroy (paint.cr);
  /* Where they are now, in the batches they were in. */
  for (guint j = 0; j < redraw->len; j++)
    {
      FarInk *kept = &self->far_ink[g_array_index (where, guint, j)];
      guint32 group = kept->group;

      *kept = g_array_index (ink, FarInk, j);
      kept->group = group;
    }
}

static void
free_row (gpointer row)
{
  if (row != NULL)
    g_array_unref (row);
}

/* Brings the picture up to date by redrawing the tiles where items
 * changed since it was drawn: FALSE, having changed nothing, when the
 * changes are not all known, not all of its items, or too many. */
static gboolean
far_update (FlexoPainter *self,
            FlexoDiagram *diagram,
            double        scale)
{
  const cairo_matrix_t *m = &self->far_key.matrix;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) redraw = g_ptr_array_new ();
  g_autoptr(GArray) where = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ink = g_array_new (FALSE, FALSE, sizeof (FarInk));
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint32));
  cairo_matrix_t to_px;
  g_autofree guint8 *marked = NULL;
  g_autofree int *sums = NULL;
  FarChanges fc = { self, diagram, flexo_object_get_document (FLEXO_OBJECT (diagram)), changed, FALSE };
  FarGrid *grid;
  Damage d;

  /* A diagram out of a document changes without a revision. */
  if (self->far_items == NULL || self->far_ink == NULL || !flexo_object_is_live (FLEXO_OBJECT (diagram)) ||
      m->xy != 0 || m->yx != 0 || !(m->xx > 0) || !(m->yy > 0) ||
      !flexo_model_foreach_change_since (self->far_key.revision, far_known_change_cb, &fc) || fc.unknown ||
      !flexo_model_foreach_change_since (self->far_key.revision, far_change_cb, &fc) || fc.unknown)
    return FALSE;

  far_to_pixels (self, &to_px);
  d.width = self->far_key.width;
  d.height = self->far_key.height;
  d.cols = (d.width + FAR_VIEW_TILE - 1) / FAR_VIEW_TILE;
  d.rows = (d.height + FAR_VIEW_TILE - 1) / FAR_VIEW_TILE;
  d.marked = marked = g_new0 (guint8, (gsize) d.cols * d.rows);
  d.sums = sums = g_new (int, (gsize) (d.cols + 1) * (d.rows + 1));
  d.n_marked = 0;

  /* Where the changed items were, and where they are now; until drawn
   * again, they are met at both. */
  for (guint i = 0; i < changed->len; i++)
    {
      int index = g_array_index (changed, int, i);
      FarInk *old = &self->far_ink[index];
      FarInk now = flexo_painter_item_ink (self, g_ptr_array_index (self->far_items, index), scale, &to_px);
      gboolean had = old->reach >= 0 || old->x0 <= old->x1;
      gboolean has = now.reach >= 0 || now.x0 <= now.x1;
      PixInk pi;

      if (pix_ink (old, &pi))
        damage_mark (&d, &pi);
      if (pix_ink (&now, &pi))
        damage_mark (&d, &pi);
      if (had && has)
        {
          float r = MAX (MAX (old->reach, now.reach), 0);

          *old = (FarInk) { MIN (MIN (old->x0, old->x1), MIN (now.x0, now.x1)) - r,
                         MIN (MIN (old->y0, old->y1), MIN (now.y0, now.y1)) - r,
                         MAX (MAX (old->x0, old->x1), MAX (now.x0, now.x1)) + r,
                         MAX (MAX (old->y0, old->y1), MAX (now.y0, now.y1)) + r, -1, old->group };
        }
      else if (has)
        *old = (FarInk) { now.x0, now.y0, now.x1, now.y1, now.reach, old->group };
    }
  if (d.n_marked * 4 > d.cols * d.rows)
    return FALSE;
  damage_sum (&d);

  /* The items that may have set pixels of the changed tiles, bottom
   * first, on each row of tiles they meet. */
  rows = g_ptr_array_new_with_free_func (free_row);
  for (int ty = 0; ty < d.rows; ty++)
    g_ptr_array_add (rows, damage_count (&d, 0, ty, d.cols - 1, ty) > 0 ?
                     g_array_new (FALSE, FALSE, sizeof (RowItem)) : NULL);
  if (self->far_grid == NULL)
    self->far_grid = far_grid_new (self, &d);
  grid = self->far_grid;
  if (grid == NULL)
    return FALSE;
  for (guint t = 0; t < (guint) d.cols * d.rows; t++)
    if (d.marked[t])
      for (guint j = grid->start[t]; j < grid->start[t + 1]; j++)
        far_grid_want (grid, grid->items[j]);
  for (guint j = 0; j < grid->moved->len; j++)
    far_grid_want (grid, g_array_index (grid->moved, guint, j));
  for (guint j = 0; j < changed->len; j++)
    far_grid_want (grid, (guint) g_array_index (changed, int, j));
  for (guint w = 0; w <= self->far_items->len / (8 * sizeof (gulong)); w++)
    {
      gint bit = -1;

      while (grid->wanted[w] != 0 && (bit = g_bit_nth_lsf (grid->wanted[w], bit)) >= 0)
        {
          guint k = w * 8 * sizeof (gulong) + (guint) bit;
          PixInk pi;
          int tx0, ty0, tx1, ty1;

          if (!pix_ink (&self->far_ink[k], &pi) || !damage_meets (&d, &pi))
            continue;
          damage_tiles (&d, &pi, &tx0, &ty0, &tx1, &ty1);
          for (int ty = ty0; ty <= ty1; ty++)
            {
              RowItem it = { k, 0, 0 };

              if (g_ptr_array_index (rows, ty) != NULL &&
                  pix_ink_band (&pi, (double) ty * FAR_VIEW_TILE, (double) (ty + 1) * FAR_VIEW_TILE, &it.x0, &it.x1))
                g_array_append_val (g_ptr_array_index (rows, ty), it);
            }
        }
      grid->wanted[w] = 0;
    }

  /* Each run of changed tiles in a row cleared and drawn again. */
  for (int ty = 0; ty < d.rows; ty++)
    for (int tx = 0; g_ptr_array_index (rows, ty) != NULL && tx < d.cols;)
      {
        int end = tx;

        if (!d.marked[ty * d.cols + tx])
          {
            tx++;
            continue;
          }
        while (end < d.cols && d.marked[ty * d.cols + end])
          end++;
        far_redraw_run (self, g_ptr_array_index (rows, ty),
                        (double) tx * FAR_VIEW_TILE, (double) ty * FAR_VIEW_TILE,
                        MIN ((double) end * FAR_VIEW_TILE, d.width),
                        MIN ((double) (ty + 1) * FAR_VIEW_TILE, d.height),
                        scale, redraw, where, ink, groups);
        tx = end;
      }
  cairo_surface_flush (self->far);
  self->far_key.revision = flexo_model_get_revision ();
  self->far_partial++;

  /* The changed items are now drawn where the grid may not have them. */
  for (guint j = 0; j < changed->len; j++)
    {
      guint k = (guint) g_array_index (changed, int, j);

      g_array_append_val (grid->moved, k);
    }
  if (grid->moved->len > FAR_GRID_MAX_MOVED)
    g_clear_pointer (&self->far_grid, far_grid_free);
  return TRUE;
}

void
flexo_painter_get_far_counts (FlexoPainter *self,
                              guint        *whole,
                              guint        *partial)
{
  g_return_if_fail (self != NULL);

  if (whole != NULL)
    *whole = self->far_whole;
  if (partial != NULL)
    *partial = self->far_partial;
}

/* Paints the picture of the view. */
static void
far_paint (FlexoPainter *self,
           cairo_t      *cr)
{
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, self->far, self->far_key.x, self->far_key.y);
  cairo_paint (cr);
  cairo_restore (cr);
}

gboolean
flexo_painter_far_repaint (FlexoPainter    *self,
                           cairo_t         *cr,
                           FlexoDiagram    *diagram,
                           const FlexoRect *area,
                           double           scale)
{
  FarKey key;

  if (self->far == NULL || self->far_diagram != diagram || self->far_key.diagram != diagram ||
      !far_key_for (self, cr, diagram, area, scale, &key))
    return FALSE;
  key.revision = self->far_key.revision;
  if (!same_far_key (&key, &self->far_key))
    return FALSE;
  if (self->far_key.revision != flexo_model_get_revision () && !far_update (self, diagram, scale))
    {
      /* Drawn again whole, or not kept. */
      self->far_key.diagram = NULL;
      return FALSE;
    }
  far_paint (self, cr);
  return TRUE;
}

gboolean
flexo_painter_far_draw (FlexoPainter    *self,
                        cairo_t         *cr,
                        FlexoDiagram    *diagram,
                        const FlexoRect *area,
                        double           scale,
                        GPtrArray       *items)
{
  FarKey key;
  FlexoPaint paint;
  cairo_matrix_t to_px;

  if (items->len < FAR_VIEW_MIN_ITEMS || !far_key_for (self, cr, diagram, area, scale, &key))
    return FALSE;

  self->far_key.diagram = NULL;
  if (self->far != NULL && (cairo_image_surface_get_width (self->far) != key.width ||
                            cairo_image_surface_get_height (self->far) != key.height))
    g_clear_pointer (&self->far, cairo_surface_destroy);
  if (self->far == NULL)
    {
      self->far = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, key.width, key.height);
      if (cairo_surface_status (self->far) != CAIRO_STATUS_SUCCESS)
        {
          g_clear_pointer (&self->far, cairo_surface_destroy);
          return FALSE;
        }
    }
  self->far_key = key;
  g_set_weak_pointer (&self->far_diagram, diagram);
  g_clear_pointer (&self->far_items, g_ptr_array_unref);
  g_clear_pointer (&self->far_grid, far_grid_free);
  self->far_items = g_ptr_array_ref (items);
  self->far_ink = g_renew (FarInk, self->far_ink, MAX (items->len, 1));

  paint = (FlexoPaint) { .cr = far_context (self) };
  cairo_save (paint.cr);
  cairo_identity_matrix (paint.cr);
  cairo_set_operator (paint.cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (paint.cr);
  cairo_restore (paint.cr);
  far_to_pixels (self, &to_px);
  flexo_painter_draw_items (self, &paint, items, 0, items->len, scale, self->far_ink, &to_px, NULL);
  cairo_destroy (paint.cr);
  cairo_surface_flush (self->far);
  self->far_whole++;

  far_paint (self, cr);
  return TRUE;
}


void
flexo_painter_far_clear (FlexoPainter *self)
{
  g_clear_pointer (&self->far, cairo_surface_destroy);
  g_clear_weak_pointer (&self->far_diagram);
  g_clear_pointer (&self->far_items, g_ptr_array_unref);
  g_clear_pointer (&self->far_ink, g_free);
  g_clear_pointer (&self->far_grid, far_grid_free);
  self->far_key.diagram = NULL;
}
