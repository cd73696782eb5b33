/* flexo-spatial-index.c — R-tree of the items of a diagram
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "flexo-spatial-index.h"

/* A dynamic R-tree (Guttman) with the R*-tree split (axis by least margin,
 * distribution by least overlap), condense-tree with re-insertion on
 * removal, and sort-tile-recursive packing for bulk loads.
 *
 * Invariants (see flexo_spatial_index_check_invariants()):
 * - all leaves have level 0, a node's children have its level − 1;
 * - every node but the root holds MIN_ENTRIES..MAX_ENTRIES entries; an
 *   internal root holds at least 2;
 * - the box of a node (kept in its parent's slot, or in root_box for the
 *   root) is exactly the union of its entries: tight, so total_bounds is
 *   exact and a refit can stop as soon as a box does not change.
 *
 * Leaves keep the items' bounds exactly as given (FlexoRect, so that
 * get_bounds() round-trips); internal nodes keep boxes as min/max corners
 * computed from them with exact min/max operations, so containment never
 * suffers from rounding.
 *
 * Item → leaf is an open-addressing hash table (linear probing, backward
 * shift deletion, 16 bytes a slot, grown by half) rather than a GHashTable
 * (20 bytes a slot, doubled: up to twice as large). It points to the leaf
 * only, so entries moving inside a node need no update.
 *
 * With 100,000 items: about 66 bytes an item after a bulk load, 75 after
 * many edits or when built by insertions, the map included. */

#define MAX_ENTRIES   16
#define MIN_ENTRIES   6         /* ~40 % of MAX_ENTRIES, as in the R*-tree */
#define CAPACITY_STEP 4         /* nodes grow by this many entries */
#define MAX_HEIGHT    64
#define MAP_MIN_SIZE  16

G_STATIC_ASSERT (MIN_ENTRIES >= 2 && MIN_ENTRIES <= MAX_ENTRIES / 2);

typedef struct
{
  double x1;
  double y1;
  double x2;
  double y2;
} Box;

/* rect in leaves, box in internal nodes */
typedef union
{
  FlexoRect rect;
  Box       box;
} Slot;

typedef struct
{
  Slot     slot;
  gpointer child;               /* an item in leaves, a Node * above */
} Entry;

typedef struct _Node Node;

/* Nodes are allocated for as many entries as they need, rounded up to
 * CAPACITY_STEP, rather than MAX_ENTRIES: a third less memory once edits
 * have split nodes. Growing or shrinking one may move it (node_resize()). */
struct _Node
{
  Node    *parent;
  guint16  count;
  guint16  capacity;
  guint16  level;               /* 0 for leaves */
  Entry    entries[];
};

typedef struct
{
  gconstpointer  item;          /* NULL: free slot */
  Node          *leaf;
} MapSlot;

struct _FlexoSpatialIndex
{
  Node    *root;
  Box      root_box;            /* valid when root->count > 0 */
  guint    n_items;

  MapSlot *map;
  gsize    map_size;
  guint    map_used;
};

/* Boxes */

static inline Box
rect_to_box (const FlexoRect *r)
{
  return (Box) { r->x, r->y, r->x + r->width, r->y + r->height };
}

static inline Box
entry_box (guint        level,
           const Entry *e)
{
  return level == 0 ? rect_to_box (&e->slot.rect) : e->slot.box;
}

static inline Box
slot_box (const Node *node,
          guint       i)
{
  return entry_box (node->level, &node->entries[i]);
}

static inline gboolean
box_intersects (const Box *a,
                const Box *b)
{
  return a->x1 <= b->x2 && a->y1 <= b->y2 && a->x2 >= b->x1 && a->y2 >= b->y1;
}

static inline gboolean
box_contains (const Box *outer,
              const Box *inner)
{
  return inner->x1 >= outer->x1 && inner->y1 >= outer->y1 &&
         inner->x2 <= outer->x2 && inner->y2 <= outer->y2;
}

static inline gboolean
box_equal (const Box *a,
           const Box *b)
{
  return a->x1 == b->x1 && a->y1 == b->y1 && a->x2 == b->x2 && a->y2 == b->y2;
}

static inline void
box_enlarge (Box       *a,
             const Box *b)
{
  a->x1 = MIN (a->x1, b->x1);
  a->y1 = MIN (a->y1, b->y1);
  a->x2 = MAX (a->x2, b->x2);
  a->y2 = MAX (a->y2, b->y2);
}

static inline double
box_area (const Box *b)
{
  return (b->x2 - b->x1) * (b->y2 - b->y1);
}

static inline double
box_margin (const Box *b)
{
  return (b->x2 - b->x1) + (b->y2 - b->y1);
}

static inline double
box_overlap (const Box *a,
             const Box *b)
{
  double w = MIN (a->x2, b->x2) - MAX (a->x1, b->x1);
  double h = MIN (a->y2, b->y2) - MAX (a->y1, b->y1);

  return w > 0 && h > 0 ? w * h : 0;
}

static Box
node_box (const Node *node)
{
  Box box = slot_box (node, 0);

  for (guint i = 1; i < node->count; i++)
    {
      Box b = slot_box (node, i);

      box_enlarge (&box, &b);
    }
  return box;
}

static gboolean
rect_is_valid (const FlexoRect *r)
{
  return isfinite (r->x) && isfinite (r->y) &&
         isfinite (r->width) && isfinite (r->height) &&
         r->width >= 0 && r->height >= 0 &&
         isfinite (r->x + r->width) && isfinite (r->y + r->height);
}

/* Item → leaf map
 *
 * Any size (grown by half, not doubled, to waste less), so the home slot
 * is the multiplicative hash scaled to the size. Linear probing; at most
 * 7/8 full. */

static inline gsize
map_home (const FlexoSpatialIndex *self,
          gconstpointer            item)
{
  guint64 h = (guint64) (guintptr) item * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (gsize) (((h >> 32) * self->map_size) >> 32);
}

static inline gsize
map_next (const FlexoSpatialIndex *self,
          gsize                    i)
{
  return i + 1 == self->map_size ? 0 : i + 1;
}

static inline gboolean
map_is_full_for (gsize size,
                 gsize n)
{
  return n * 8 > size * 7;
}

static MapSlot *
map_find (const FlexoSpatialIndex *self,
          gconstpointer            item)
{
  for (gsize i = map_home (self, item);; i = map_next (self, i))
    {
      MapSlot *slot = &self->map[i];

      if (slot->item == item)
        return slot;
      if (slot->item == NULL)
        return NULL;
    }
}

static void
map_resize (FlexoSpatialIndex *self,
            gsize              size)
{
  MapSlot *old = self->map;
  gsize old_size = self->map_size;

  g_assert (size <= G_MAXUINT32 && !map_is_full_for (size, self->map_used));

  self->map_size = size;
  self->map = g_new0 (MapSlot, size);

  for (gsize i = 0; i < old_size; i++)
    {
      gsize j;

      if (old[i].item == NULL)
        continue;
      for (j = map_home (self, old[i].item); self->map[j].item != NULL; j = map_next (self, j))
        ;
      self->map[j] = old[i];
    }
  g_free (old);
}

/* A size for @n items, 75 % full at most. */
static gsize
map_size_for (gsize n)
{
  return MAX (MAP_MIN_SIZE, n + n / 3 + 1);
}

static void
map_insert (FlexoSpatialIndex *self,
            gconstpointer      item,
            Node              *leaf)
{
  gsize i;

  if (map_is_full_for (self->map_size, (gsize) self->map_used + 1))
    map_resize (self, self->map_size + self->map_size / 2);

  for (i = map_home (self, item); self->map[i].item != NULL; i = map_next (self, i))
    ;
  self->map[i].item = item;
  self->map[i].leaf = leaf;
  self->map_used++;
}

static void
map_remove_slot (FlexoSpatialIndex *self,
                 MapSlot           *slot)
{
  gsize size = self->map_size;
  gsize i = slot - self->map;

  /* Backward shift: pull later entries of the run into the hole when their
   * home is not after the hole, so no tombstones are needed. */
  for (gsize j = map_next (self, i); self->map[j].item != NULL; j = map_next (self, j))
    {
      gsize home = map_home (self, self->map[j].item);
      gsize from_home = j >= home ? j - home : j + size - home;
      gsize from_hole = j >= i ? j - i : j + size - i;

      if (from_home >= from_hole)
        {
          self->map[i] = self->map[j];
          i = j;
        }
    }
  self->map[i].item = NULL;
  self->map[i].leaf = NULL;
  self->map_used--;

  if (size > MAP_MIN_SIZE && (gsize) self->map_used * 8 < size)
    map_resize (self, MAX (MAP_MIN_SIZE, (gsize) self->map_used * 2));
}

/* Nodes */

static inline gsize
node_size (guint capacity)
{
  return sizeof (Node) + capacity * sizeof (Entry);
}

static inline guint
capacity_for (guint count)
{
  guint capacity = (count + CAPACITY_STEP - 1) / CAPACITY_STEP * CAPACITY_STEP;

  return CLAMP (capacity, CAPACITY_STEP, MAX_ENTRIES);
}

static Node *
node_new (guint level,
          guint capacity)
{
  Node *node = g_malloc (node_size (capacity));

  node->parent = NULL;
  node->count = 0;
  node->capacity = capacity;
  node->level = level;
  return node;
}

static void
node_free_recursive (Node *node)
{
  if (node->level > 0)
    for (guint i = 0; i < node->count; i++)
      node_free_recursive (node->entries[i].child);
  g_free (node);
}

static inline guint
node_child_index (const Node    *node,
                  gconstpointer  child)
{
  for (guint i = 0; i < node->count; i++)
    if (node->entries[i].child == child)
      return i;

  g_assert_not_reached ();
  return 0;
}

static void
node_remove_at (Node  *node,
                guint  i)
{
  node->count--;
  node->entries[i] = node->entries[node->count];
}

/* Where the box of @node is kept: its parent's slot, or root_box. */
static Box *
node_box_ptr (FlexoSpatialIndex *self,
              Node              *node)
{
  if (node->parent == NULL)
    return &self->root_box;
  return &node->parent->entries[node_child_index (node->parent, node)].slot.box;
}

/* Records that @child now lives in @node. */
static inline void
node_adopt (FlexoSpatialIndex *self,
            Node              *node,
            gpointer           child)
{
  if (node->level == 0)
    map_find (self, child)->leaf = node;
  else
    ((Node *) child)->parent = node;
}

/* Reallocates @node for @capacity entries; returns where it now is. */
static Node *
node_resize (FlexoSpatialIndex *self,
             Node              *node,
             guint              capacity)
{
  Node *parent = node->parent;
  guint i = parent != NULL ? node_child_index (parent, node) : 0;
  guintptr old = (guintptr) node;

  g_assert (capacity >= node->count && capacity <= MAX_ENTRIES);

  node = g_realloc (node, node_size (capacity));
  node->capacity = capacity;
  if ((guintptr) node == old)
    return node;

  if (parent != NULL)
    parent->entries[i].child = node;
  else
    self->root = node;
  for (guint k = 0; k < node->count; k++)
    node_adopt (self, node, node->entries[k].child);
  return node;
}

/* Gives back the room of @node that it is unlikely to need soon. */
static Node *
node_trim (FlexoSpatialIndex *self,
           Node              *node)
{
  if (node->capacity - node->count >= 2 * CAPACITY_STEP)
    return node_resize (self, node, capacity_for (node->count));
  return node;
}

/* Grows the boxes from @node up to the root so that they cover @box. */
static void
enlarge_path (FlexoSpatialIndex *self,
              Node              *node,
              const Box         *box)
{
  if (node->parent == NULL && node->count == 0)
    {
      self->root_box = *box;
      return;
    }

  for (;;)
    {
      Box *b = node_box_ptr (self, node);

      if (box_contains (b, box))
        return;
      box_enlarge (b, box);
      if (node->parent == NULL)
        return;
      node = node->parent;
    }
}

/* Recomputes the boxes from @node up, stopping when one does not change. */
static void
refit_path (FlexoSpatialIndex *self,
            Node              *node)
{
  for (;;)
    {
      Box nb = node_box (node);
      Box *b = node_box_ptr (self, node);

      if (box_equal (b, &nb))
        return;
      *b = nb;
      if (node->parent == NULL)
        return;
      node = node->parent;
    }
}

/* The node of @level where @box grows the tree the least: least area
 * enlargement, then least margin enlargement, then least area. */
static Node *
choose_node (FlexoSpatialIndex *self,
             const Box         *box,
             guint              level)
{
  Node *node = self->root;

  while (node->level > level)
    {
      guint best = 0;
      double best_enlarge = G_MAXDOUBLE;
      double best_margin = G_MAXDOUBLE;
      double best_area = G_MAXDOUBLE;

      for (guint i = 0; i < node->count; i++)
        {
          const Box *b = &node->entries[i].slot.box;
          Box u = *b;
          double area = box_area (b);
          double enlarge, margin;

          box_enlarge (&u, box);
          enlarge = box_area (&u) - area;
          margin = box_margin (&u) - box_margin (b);

          if (enlarge < best_enlarge ||
              (enlarge == best_enlarge &&
               (margin < best_margin || (margin == best_margin && area < best_area))))
            {
              best = i;
              best_enlarge = enlarge;
              best_margin = margin;
              best_area = area;
            }
        }
      node = node->entries[best].child;
    }
  return node;
}

/* R*-tree split */

typedef struct
{
  Entry entry;
  Box   box;
} SplitEntry;

#define N_SPLIT (MAX_ENTRIES + 1)

static inline double
split_key (const SplitEntry *e,
           guint             axis,
           gboolean          upper)
{
  if (axis == 0)
    return upper ? e->box.x2 : e->box.x1;
  return upper ? e->box.y2 : e->box.y1;
}

static void
split_sort (const SplitEntry *entries,
            guint8           *order,
            guint             axis,
            gboolean          upper)
{
  for (guint i = 0; i < N_SPLIT; i++)
    order[i] = i;

  for (guint i = 1; i < N_SPLIT; i++)
    {
      guint8 o = order[i];
      double k = split_key (&entries[o], axis, upper);
      guint j = i;

      for (; j > 0 && split_key (&entries[order[j - 1]], axis, upper) > k; j--)
        order[j] = order[j - 1];
      order[j] = o;
    }
}

/* prefix[i] = union of the first i + 1 entries, suffix[i] = of entries i.. */
static void
split_bounds (const SplitEntry *entries,
              const guint8     *order,
              Box              *prefix,
              Box              *suffix)
{
  prefix[0] = entries[order[0]].box;
  for (guint i = 1; i < N_SPLIT; i++)
    {
      prefix[i] = prefix[i - 1];
      box_enlarge (&prefix[i], &entries[order[i]].box);
    }
  suffix[N_SPLIT - 1] = entries[order[N_SPLIT - 1]].box;
  for (guint i = N_SPLIT - 1; i-- > 0;)
    {
      suffix[i] = suffix[i + 1];
      box_enlarge (&suffix[i], &entries[order[i]].box);
    }
}

/* Splits the entries of the full @node and @extra between two new nodes
 * and frees @node: *left takes its place in its parent (or as the root),
 * *right is for the caller to add to the parent. */
static void
split_node (FlexoSpatialIndex  *self,
            Node               *node,
            const Entry        *extra,
            Node              **out_left,
            Node              **out_right)
{
  SplitEntry entries[N_SPLIT];
  guint8 order[N_SPLIT];
  Box prefix[N_SPLIT], suffix[N_SPLIT];
  double axis_margin[2] = { 0, 0 };
  guint axis, best_k = MIN_ENTRIES;
  gboolean best_upper = FALSE;
  double best_overlap = G_MAXDOUBLE, best_area = G_MAXDOUBLE;
  Node *left, *right;

  g_assert (node->count == MAX_ENTRIES);

  for (guint i = 0; i < MAX_ENTRIES; i++)
    {
      entries[i].entry = node->entries[i];
      entries[i].box = slot_box (node, i);
    }
  entries[MAX_ENTRIES].entry = *extra;
  entries[MAX_ENTRIES].box = entry_box (node->level, extra);

  /* The axis along which the distributions have the least margin… */
  for (guint a = 0; a < 2; a++)
    for (guint upper = 0; upper < 2; upper++)
      {
        split_sort (entries, order, a, upper);
        split_bounds (entries, order, prefix, suffix);
        for (guint k = MIN_ENTRIES; k <= N_SPLIT - MIN_ENTRIES; k++)
          axis_margin[a] += box_margin (&prefix[k - 1]) + box_margin (&suffix[k]);
      }
  axis = axis_margin[1] < axis_margin[0] ? 1 : 0;

  /* …and along it, the distribution with the least overlap, then area. */
  for (guint upper = 0; upper < 2; upper++)
    {
      split_sort (entries, order, axis, upper);
      split_bounds (entries, order, prefix, suffix);
      for (guint k = MIN_ENTRIES; k <= N_SPLIT - MIN_ENTRIES; k++)
        {
          double overlap = box_overlap (&prefix[k - 1], &suffix[k]);
          double area = box_area (&prefix[k - 1]) + box_area (&suffix[k]);

          if (overlap < best_overlap || (overlap == best_overlap && area < best_area))
            {
              best_overlap = overlap;
              best_area = area;
              best_k = k;
              best_upper = upper;
            }
        }
    }

  split_sort (entries, order, axis, best_upper);

  left = node_new (node->level, capacity_for (best_k));
  right = node_new (node->level, capacity_for (N_SPLIT - best_k));
  for (guint i = 0; i < N_SPLIT; i++)
    {
      const Entry *e = &entries[order[i]].entry;
      Node *dest = i < best_k ? left : right;

      dest->entries[dest->count++] = *e;
      node_adopt (self, dest, e->child);
    }

  left->parent = node->parent;
  if (node->parent != NULL)
    node->parent->entries[node_child_index (node->parent, node)].child = left;
  else
    self->root = left;
  g_free (node);

  *out_left = left;
  *out_right = right;
}

/* Adds @e (an item if @node is a leaf, else a subtree one level below
 * @node) to @node, growing or splitting nodes up the tree as needed. */
static void
node_add (FlexoSpatialIndex *self,
          Node              *node,
          const Entry       *e)
{
  Box box = entry_box (node->level, e);
  Node *left, *right;

  /* Enlarging first keeps every ancestor's box tight whatever the split. */
  enlarge_path (self, node, &box);

  if (node->count == node->capacity && node->capacity < MAX_ENTRIES)
    node = node_resize (self, node, MIN (node->capacity + CAPACITY_STEP, MAX_ENTRIES));

  if (node->count < node->capacity)
    {
      node->entries[node->count++] = *e;
      node_adopt (self, node, e->child);
      return;
    }

  split_node (self, node, e, &left, &right);

  if (left->parent == NULL)
    {
      Node *root = node_new (left->level + 1, CAPACITY_STEP);

      root->entries[0].slot.box = node_box (left);
      root->entries[0].child = left;
      root->entries[1].slot.box = node_box (right);
      root->entries[1].child = right;
      root->count = 2;
      left->parent = root;
      right->parent = root;
      self->root = root;
    }
  else
    {
      Node *parent = left->parent;
      Entry s = { .slot.box = node_box (right), .child = right };

      parent->entries[node_child_index (parent, left)].slot.box = node_box (left);
      node_add (self, parent, &s);
    }
}

/* After an entry left @node: removes underfull nodes up the path, refits
 * the boxes, shortens the tree, then re-inserts the orphaned entries at
 * their level. */
static void
condense (FlexoSpatialIndex *self,
          Node              *node)
{
  Node *orphans[MAX_HEIGHT];
  guint n_orphans = 0;
  gboolean reached_root = TRUE;

  if (node->count >= MIN_ENTRIES || node->parent == NULL)
    node = node_trim (self, node);

  while (node->parent != NULL)
    {
      Node *parent = node->parent;
      guint i = node_child_index (parent, node);

      if (node->count < MIN_ENTRIES)
        {
          node_remove_at (parent, i);
          g_assert (n_orphans < MAX_HEIGHT);
          orphans[n_orphans++] = node;
          if (parent->count >= MIN_ENTRIES || parent->parent == NULL)
            parent = node_trim (self, parent);
        }
      else
        {
          Box nb = node_box (node);

          if (box_equal (&parent->entries[i].slot.box, &nb))
            {
              reached_root = FALSE;
              break;
            }
          parent->entries[i].slot.box = nb;
        }
      node = parent;
    }

  if (reached_root)
    {
      if (self->root->count > 0)
        self->root_box = node_box (self->root);

      while (self->root->level > 0 && self->root->count == 1)
        {
          Node *old = self->root;

          self->root = old->entries[0].child;
          self->root->parent = NULL;
          g_free (old);
        }
    }

  for (guint o = 0; o < n_orphans; o++)
    {
      Node *orphan = orphans[o];

      for (guint i = 0; i < orphan->count; i++)
        {
          Box box = slot_box (orphan, i);
          Node *target = choose_node (self, &box, orphan->level);

          node_add (self, target, &orphan->entries[i]);
        }
      g_free (orphan);
    }
}

/* Public API */

/**
 * flexo_spatial_index_new:
 *
 * Returns: (transfer full): a new, empty index
 */
FlexoSpatialIndex *
flexo_spatial_index_new (void)
{
  FlexoSpatialIndex *self = g_new0 (FlexoSpatialIndex, 1);

  self->root = node_new (0, CAPACITY_STEP);
  self->map_size = MAP_MIN_SIZE;
  self->map = g_new0 (MapSlot, MAP_MIN_SIZE);
  return self;
}

void
flexo_spatial_index_free (FlexoSpatialIndex *index)
{
  if (index == NULL)
    return;

  node_free_recursive (index->root);
  g_free (index->map);
  g_free (index);
}

static void
reset (FlexoSpatialIndex *self,
       gsize              map_size)
{
  node_free_recursive (self->root);
  self->root = node_new (0, CAPACITY_STEP);
  self->n_items = 0;
  g_free (self->map);
  self->map_size = map_size;
  self->map = g_new0 (MapSlot, map_size);
  self->map_used = 0;
}

void
flexo_spatial_index_clear (FlexoSpatialIndex *index)
{
  g_return_if_fail (index != NULL);

  reset (index, MAP_MIN_SIZE);
}

guint
flexo_spatial_index_n_items (const FlexoSpatialIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);

  return index->n_items;
}

gboolean
flexo_spatial_index_contains (const FlexoSpatialIndex *index,
                              gconstpointer            item)
{
  g_return_val_if_fail (index != NULL, FALSE);

  return item != NULL && map_find (index, item) != NULL;
}

/**
 * flexo_spatial_index_insert:
 * @index: an index
 * @item: (not nullable): an item that is not in @index yet
 * @bounds: its bounds, normalized and finite; may have a zero size
 */
void
flexo_spatial_index_insert (FlexoSpatialIndex *index,
                            gpointer           item,
                            const FlexoRect   *bounds)
{
  Entry e;
  Box box;

  g_return_if_fail (index != NULL);
  g_return_if_fail (item != NULL);
  g_return_if_fail (bounds != NULL && rect_is_valid (bounds));
  g_return_if_fail (!flexo_spatial_index_contains (index, item));

  map_insert (index, item, NULL);
  e.slot.rect = *bounds;
  e.child = item;
  box = rect_to_box (bounds);
  node_add (index, choose_node (index, &box, 0), &e);
  index->n_items++;
}

/**
 * flexo_spatial_index_remove:
 *
 * Returns: whether @item was in @index
 */
gboolean
flexo_spatial_index_remove (FlexoSpatialIndex *index,
                            gconstpointer      item)
{
  MapSlot *m;
  Node *leaf;

  g_return_val_if_fail (index != NULL, FALSE);

  if (item == NULL || (m = map_find (index, item)) == NULL)
    return FALSE;

  leaf = m->leaf;
  map_remove_slot (index, m);
  node_remove_at (leaf, node_child_index (leaf, item));
  index->n_items--;
  condense (index, leaf);
  return TRUE;
}

/**
 * flexo_spatial_index_update:
 * @index: an index
 * @item: an item of @index
 * @new_bounds: its new bounds, normalized and finite
 *
 * Moves or resizes @item. When the new bounds stay inside the box of its
 * leaf, this costs a refit of the boxes above it (usually just one).
 */
void
flexo_spatial_index_update (FlexoSpatialIndex *index,
                            gconstpointer      item,
                            const FlexoRect   *new_bounds)
{
  MapSlot *m;
  Node *leaf;
  guint i;
  Box box;

  g_return_if_fail (index != NULL);
  g_return_if_fail (new_bounds != NULL && rect_is_valid (new_bounds));

  g_return_if_fail (flexo_spatial_index_contains (index, item));

  m = map_find (index, item);
  leaf = m->leaf;
  i = node_child_index (leaf, item);
  box = rect_to_box (new_bounds);

  if (box_contains (node_box_ptr (index, leaf), &box))
    {
      leaf->entries[i].slot.rect = *new_bounds;
      refit_path (index, leaf);
    }
  else
    {
      Entry e = { .slot.rect = *new_bounds, .child = (gpointer) item };

      node_remove_at (leaf, i);
      condense (index, leaf);
      node_add (index, choose_node (index, &box, 0), &e);
    }
}

gboolean
flexo_spatial_index_get_bounds (const FlexoSpatialIndex *index,
                                gconstpointer            item,
                                FlexoRect               *out)
{
  MapSlot *m;

  g_return_val_if_fail (index != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (item == NULL || (m = map_find (index, item)) == NULL)
    return FALSE;

  *out = m->leaf->entries[node_child_index (m->leaf, item)].slot.rect;
  return TRUE;
}

/**
 * flexo_spatial_index_total_bounds:
 * @index: an index
 * @out: (out): the union of the bounds of all items
 *
 * Unlike flexo_rect_union(), zero-size bounds count.
 *
 * Returns: FALSE, and an all-zero @out, when @index is empty
 */
gboolean
flexo_spatial_index_total_bounds (const FlexoSpatialIndex *index,
                                  FlexoRect               *out)
{
  const Box *b;

  g_return_val_if_fail (index != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (index->n_items == 0)
    {
      *out = FLEXO_RECT_INIT (0, 0, 0, 0);
      return FALSE;
    }

  b = &index->root_box;
  *out = FLEXO_RECT_INIT (b->x1, b->y1, b->x2 - b->x1, b->y2 - b->y1);
  return TRUE;
}

/* Bulk load (sort-tile-recursive) */

/* Entries are sorted through these keys with a radix sort rather than
 * with qsort() on the entries: several times faster. */
typedef struct
{
  guint64 key;
  gsize   index;
} SortKey;

/* Maps a double to an unsigned integer in the same order. */
static inline guint64
ordered_bits (double d)
{
  guint64 u;

  memcpy (&u, &d, sizeof u);
  return (u >> 63) ? ~u : u | G_GUINT64_CONSTANT (0x8000000000000000);
}

/* LSD radix sort, a byte at a time, skipping bytes that all keys share.
 * Packing needs a good order, not an exact one: the upper 32 bits of the
 * keys (a relative precision of 10⁻⁶) are enough. @tmp has room for @n
 * keys. */
static void
sort_keys (SortKey *keys,
           SortKey *tmp,
           gsize    n)
{
  SortKey *a = keys, *b = tmp;

  if (n < 64)
    {
      for (gsize i = 1; i < n; i++)
        {
          SortKey k = a[i];
          gsize j = i;

          for (; j > 0 && a[j - 1].key > k.key; j--)
            a[j] = a[j - 1];
          a[j] = k;
        }
      return;
    }

  for (guint shift = 32; shift < 64; shift += 8)
    {
      gsize count[256] = { 0 };
      gsize sum = 0;

      for (gsize i = 0; i < n; i++)
        count[(a[i].key >> shift) & 0xff]++;
      if (count[(a[0].key >> shift) & 0xff] == n)
        continue;

      for (guint d = 0; d < 256; d++)
        {
          gsize c = count[d];

          count[d] = sum;
          sum += c;
        }
      for (gsize i = 0; i < n; i++)
        b[count[(a[i].key >> shift) & 0xff]++] = a[i];

      a = b;
      b = a == keys ? tmp : keys;
    }

  if (a != keys)
    memcpy (keys, a, n * sizeof *keys);
}

/* Twice the centre of an entry along @axis, as a sort key. */
static inline guint64
bulk_center (const Entry *e,
             guint            level,
             guint            axis)
{
  double c;

  if (level == 0)
    c = axis == 0 ? 2 * e->slot.rect.x + e->slot.rect.width
                  : 2 * e->slot.rect.y + e->slot.rect.height;
  else
    c = axis == 0 ? e->slot.box.x1 + e->slot.box.x2 : e->slot.box.y1 + e->slot.box.y2;
  return ordered_bits (c);
}

static inline gsize
str_node_size (gsize n,
               gsize n_nodes,
               gsize j)
{
  return n / n_nodes + (j < n % n_nodes ? 1 : 0);
}

/* Packs @n > MAX_ENTRIES @entries of @level into nodes whose entries, one
 * level up, go to @out; returns their number. Vertical slices of about
 * √(n / MAX_ENTRIES) nodes, each cut into nodes from the top down. Node
 * sizes differ by one at most, so all are at least MAX_ENTRIES / 2 full. */
static gsize
str_pack_level (FlexoSpatialIndex *self,
                const Entry   *entries,
                gsize              n,
                guint              level,
                SortKey           *keys,
                SortKey           *tmp,
                Entry         *out)
{
  gsize n_nodes = (n + MAX_ENTRIES - 1) / MAX_ENTRIES;
  gsize n_slices = (gsize) ceil (sqrt ((double) n_nodes));
  gsize start = 0, node_j = 0;

  for (gsize i = 0; i < n; i++)
    {
      keys[i].key = bulk_center (&entries[i], level, 0);
      keys[i].index = i;
    }
  sort_keys (keys, tmp, n);

  for (gsize s = 0; s < n_slices; s++)
    {
      gsize slice_nodes = n_nodes / n_slices + (s < n_nodes % n_slices ? 1 : 0);
      gsize slice_len = 0;

      for (gsize j = 0; j < slice_nodes; j++)
        slice_len += str_node_size (n, n_nodes, node_j + j);

      for (gsize i = start; i < start + slice_len; i++)
        keys[i].key = bulk_center (&entries[keys[i].index], level, 1);
      sort_keys (keys + start, tmp, slice_len);

      for (gsize j = 0; j < slice_nodes; j++, node_j++)
        {
          gsize size = str_node_size (n, n_nodes, node_j);
          Node *node = node_new (level, size);

          for (gsize k = 0; k < size; k++)
            {
              const Entry *e = &entries[keys[start + k].index];

              node->entries[k] = *e;
              node_adopt (self, node, e->child);
            }
          node->count = size;
          start += size;

          out[node_j].slot.box = node_box (node);
          out[node_j].child = node;
        }
    }
  g_assert (node_j == n_nodes && start == n);

  return n_nodes;
}

/**
 * flexo_spatial_index_bulk_load:
 * @index: an index
 * @items: (array length=n): distinct, non-NULL items
 * @rects: (array length=n): their bounds
 * @n: the number of items
 *
 * Replaces the contents of @index with @items, building a packed tree in
 * O(n log n); much faster than @n insertions, and a better tree.
 */
void
flexo_spatial_index_bulk_load (FlexoSpatialIndex *index,
                               gpointer const    *items,
                               const FlexoRect   *rects,
                               gsize              n)
{
  g_autofree Entry *entries = NULL;
  g_autofree Entry *upper = NULL;
  g_autofree SortKey *keys = NULL;
  g_autofree SortKey *tmp = NULL;
  gsize m = 0;
  guint level = 0;

  g_return_if_fail (index != NULL);
  g_return_if_fail (n == 0 || (items != NULL && rects != NULL));
  g_return_if_fail (n < G_MAXUINT);

  reset (index, map_size_for (n));
  if (n == 0)
    return;

  entries = g_new (Entry, n);
  for (gsize i = 0; i < n; i++)
    {
      /* Like g_return_if_fail(), but skip the bad entry only. */
      if (items[i] == NULL || !rect_is_valid (&rects[i]))
        {
          g_return_if_fail_warning (G_LOG_DOMAIN, G_STRFUNC,
                                    "items[i] != NULL && rect_is_valid (&rects[i])");
          continue;
        }
      if (map_find (index, items[i]) != NULL)
        {
          g_return_if_fail_warning (G_LOG_DOMAIN, G_STRFUNC, "items are distinct");
          continue;
        }
      map_insert (index, items[i], NULL);
      entries[m].slot.rect = rects[i];
      entries[m].child = items[i];
      m++;
    }
  index->n_items = m;

  if (m > MAX_ENTRIES)
    {
      keys = g_new (SortKey, m);
      tmp = g_new (SortKey, m);
      upper = g_new (Entry, (m + MAX_ENTRIES - 1) / MAX_ENTRIES);
    }
  while (m > MAX_ENTRIES)
    {
      Entry *t;

      m = str_pack_level (index, entries, m, level++, keys, tmp, upper);
      t = entries;
      entries = upper;
      upper = t;
    }

  g_free (index->root);
  index->root = node_new (level, MAX (m, CAPACITY_STEP));
  for (gsize k = 0; k < m; k++)
    {
      index->root->entries[k] = entries[k];
      node_adopt (index, index->root, entries[k].child);
    }
  index->root->count = m;
  if (m > 0)
    index->root_box = node_box (index->root);
}

/* Queries */

static gboolean
query_node (const Node       *node,
            const Box        *q,
            FlexoSpatialFunc  func,
            gpointer          user_data)
{
  if (node->level == 0)
    {
      for (guint i = 0; i < node->count; i++)
        {
          const FlexoRect *r = &node->entries[i].slot.rect;

          if (r->x <= q->x2 && r->y <= q->y2 &&
              r->x + r->width >= q->x1 && r->y + r->height >= q->y1 &&
              func (node->entries[i].child, r, user_data))
            return TRUE;
        }
      return FALSE;
    }

  for (guint i = 0; i < node->count; i++)
    if (box_intersects (&node->entries[i].slot.box, q) &&
        query_node (node->entries[i].child, q, func, user_data))
      return TRUE;

  return FALSE;
}

static gboolean
query_box (const FlexoSpatialIndex *self,
           const Box               *q,
           FlexoSpatialFunc         func,
           gpointer                 user_data)
{
  if (self->root->count == 0 || !box_intersects (&self->root_box, q))
    return FALSE;

  return query_node (self->root, q, func, user_data);
}

/**
 * flexo_spatial_index_query_point:
 * @index: an index
 * @point: a point
 * @tolerance: ≥ 0; how far from its bounds an item still counts as hit
 * @func: called for each item whose bounds, inflated by @tolerance on
 *   every side, contain @point (edges included)
 * @user_data: data for @func
 *
 * Returns: TRUE if @func stopped the query
 */
gboolean
flexo_spatial_index_query_point (const FlexoSpatialIndex *index,
                                 FlexoPoint               point,
                                 double                   tolerance,
                                 FlexoSpatialFunc         func,
                                 gpointer                 user_data)
{
  Box q;

  g_return_val_if_fail (index != NULL, FALSE);
  g_return_val_if_fail (tolerance >= 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  q = (Box) { point.x - tolerance, point.y - tolerance, point.x + tolerance, point.y + tolerance };
  return query_box (index, &q, func, user_data);
}

/**
 * flexo_spatial_index_query_rect:
 * @index: an index
 * @rect: a normalized rectangle; may have a zero size
 * @func: called for each item whose bounds intersect or touch @rect
 * @user_data: data for @func
 *
 * Returns: TRUE if @func stopped the query
 */
gboolean
flexo_spatial_index_query_rect (const FlexoSpatialIndex *index,
                                const FlexoRect         *rect,
                                FlexoSpatialFunc         func,
                                gpointer                 user_data)
{
  Box q;

  g_return_val_if_fail (index != NULL, FALSE);
  g_return_val_if_fail (rect != NULL && rect->width >= 0 && rect->height >= 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  q = rect_to_box (rect);
  return query_box (index, &q, func, user_data);
}

static gboolean
collect_cb (gpointer         item,
            const FlexoRect *bounds,
            gpointer         user_data)
{
  g_ptr_array_add (user_data, item);
  return FALSE;
}

/**
 * flexo_spatial_index_query_point_all:
 *
 * Returns: (transfer container): the items flexo_spatial_index_query_point()
 *   would report, in no particular order
 */
GPtrArray *
flexo_spatial_index_query_point_all (const FlexoSpatialIndex *index,
                                     FlexoPoint               point,
                                     double                   tolerance)
{
  GPtrArray *result = g_ptr_array_new ();

  g_return_val_if_fail (index != NULL, result);

  flexo_spatial_index_query_point (index, point, tolerance, collect_cb, result);
  return result;
}

/**
 * flexo_spatial_index_query_rect_all:
 *
 * Returns: (transfer container): the items flexo_spatial_index_query_rect()
 *   would report, in no particular order
 */
GPtrArray *
flexo_spatial_index_query_rect_all (const FlexoSpatialIndex *index,
                                    const FlexoRect         *rect)
{
  GPtrArray *result = g_ptr_array_new ();

  g_return_val_if_fail (index != NULL, result);

  flexo_spatial_index_query_rect (index, rect, collect_cb, result);
  return result;
}

/* Invariants */

static gboolean
check_node (const FlexoSpatialIndex  *self,
            const Node               *node,
            guint                     level,
            const Box                *box,
            gsize                    *n_items,
            char                    **message)
{
  Box nb;

#define FAIL(...) G_STMT_START { \
    if (message != NULL) \
      *message = g_strdup_printf (__VA_ARGS__); \
    return FALSE; \
  } G_STMT_END

  if (node->level != level)
    FAIL ("node %p has level %u, expected %u (leaves at different depths)",
          (void *) node, node->level, level);
  if (node->capacity > MAX_ENTRIES || node->count > node->capacity)
    FAIL ("node %p has %u entries for a capacity of %u (at most %u)",
          (void *) node, node->count, node->capacity, MAX_ENTRIES);
  if (node != self->root && node->count < MIN_ENTRIES)
    FAIL ("node %p has %u entries, fewer than %u", (void *) node, node->count, MIN_ENTRIES);
  if (node == self->root && node->level > 0 && node->count < 2)
    FAIL ("internal root %p has %u entries", (void *) node, node->count);
  if (node->count == 0)
    return TRUE;

  nb = node_box (node);
  if (!box_contains (box, &nb))
    FAIL ("box of node %p [%g,%g – %g,%g] does not contain its entries [%g,%g – %g,%g]",
          (void *) node, box->x1, box->y1, box->x2, box->y2, nb.x1, nb.y1, nb.x2, nb.y2);
  if (!box_equal (box, &nb))
    FAIL ("box of node %p [%g,%g – %g,%g] is larger than its entries [%g,%g – %g,%g]",
          (void *) node, box->x1, box->y1, box->x2, box->y2, nb.x1, nb.y1, nb.x2, nb.y2);

  for (guint i = 0; i < node->count; i++)
    {
      if (node->level == 0)
        {
          gconstpointer item = node->entries[i].child;
          MapSlot *m;

          if (item == NULL)
            FAIL ("leaf %p holds a NULL item", (void *) node);
          if (!rect_is_valid (&node->entries[i].slot.rect))
            FAIL ("item %p has invalid bounds", item);
          m = map_find (self, item);
          if (m == NULL)
            FAIL ("item %p is in leaf %p but not in the map", item, (void *) node);
          if (m->leaf != node)
            FAIL ("item %p is in leaf %p but the map says %p", item, (void *) node, (void *) m->leaf);
          (*n_items)++;
        }
      else
        {
          const Node *child = node->entries[i].child;

          if (child->parent != node)
            FAIL ("node %p has parent %p, expected %p",
                  (void *) child, (void *) child->parent, (void *) node);
          if (!check_node (self, child, level - 1, &node->entries[i].slot.box, n_items, message))
            return FALSE;
        }
    }
  return TRUE;

#undef FAIL
}

/**
 * flexo_spatial_index_check_invariants:
 * @index: an index
 * @message: (out) (optional): what is wrong, to free with g_free()
 *
 * Walks the whole tree; for tests and debugging.
 *
 * Returns: TRUE if @index is consistent
 */
gboolean
flexo_spatial_index_check_invariants (const FlexoSpatialIndex  *index,
                                      char                    **message)
{
  gsize n_items = 0;

  g_return_val_if_fail (index != NULL, FALSE);

  if (message != NULL)
    *message = NULL;

  if (index->root == NULL || index->root->parent != NULL)
    {
      if (message != NULL)
        *message = g_strdup ("the root is missing or has a parent");
      return FALSE;
    }
  if (!check_node (index, index->root, index->root->level, &index->root_box, &n_items, message))
    return FALSE;

  if (n_items != index->n_items || n_items != index->map_used)
    {
      if (message != NULL)
        *message = g_strdup_printf ("%" G_GSIZE_FORMAT " items in the tree, n_items is %u, "
                                    "%u in the map", n_items, index->n_items, index->map_used);
      return FALSE;
    }
  return TRUE;
}
