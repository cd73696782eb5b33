/* test-spatial-index.c — the R-tree of the items of a diagram
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "flexo-spatial-index.h"
#include "flexo-test.h"

#define ITEM(n) GUINT_TO_POINTER (n)

#define assert_rect_eq(r, X, Y, W, H) \
  G_STMT_START { \
    ck_assert_double_eq ((r).x, (X)); \
    ck_assert_double_eq ((r).y, (Y)); \
    ck_assert_double_eq ((r).width, (W)); \
    ck_assert_double_eq ((r).height, (H)); \
  } G_STMT_END

#define assert_valid(index) \
  G_STMT_START { \
    g_autofree char *why_ = NULL; \
    gboolean ok_ = flexo_spatial_index_check_invariants ((index), &why_); \
    ck_assert_msg (ok_, "invariants: %s", why_); \
  } G_STMT_END

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  guintptr x = (guintptr) *(gpointer const *) a;
  guintptr y = (guintptr) *(gpointer const *) b;

  return (x > y) - (x < y);
}

/* The hits as a sorted list of item numbers, "" when none: "1 3 4". */
static char *
hits_to_string (GPtrArray *hits)
{
  GString *s = g_string_new (NULL);

  g_ptr_array_sort (hits, compare_items);
  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (s, i ? " %u" : "%u", GPOINTER_TO_UINT (hits->pdata[i]));
  g_ptr_array_unref (hits);
  return g_string_free (s, FALSE);
}

static char *
point_hits (FlexoSpatialIndex *index,
            double             x,
            double             y,
            double             tolerance)
{
  return hits_to_string (flexo_spatial_index_query_point_all (index, (FlexoPoint) { x, y }, tolerance));
}

static char *
rect_hits (FlexoSpatialIndex *index,
           double             x,
           double             y,
           double             w,
           double             h)
{
  FlexoRect r = FLEXO_RECT_INIT (x, y, w, h);

  return hits_to_string (flexo_spatial_index_query_rect_all (index, &r));
}

#define assert_point_hits(index, x, y, tol, expected) \
  G_STMT_START { \
    g_autofree char *got_ = point_hits ((index), (x), (y), (tol)); \
    ck_assert_msg (g_str_equal (got_, (expected)), "point (%g, %g) ± %g hits \"%s\", expected \"%s\"", \
                   (double) (x), (double) (y), (double) (tol), got_, (expected)); \
  } G_STMT_END

#define assert_rect_hits(index, x, y, w, h, expected) \
  G_STMT_START { \
    g_autofree char *got_ = rect_hits ((index), (x), (y), (w), (h)); \
    ck_assert_msg (g_str_equal (got_, (expected)), "rect (%g, %g, %g, %g) hits \"%s\", expected \"%s\"", \
                   (double) (x), (double) (y), (double) (w), (double) (h), got_, (expected)); \
  } G_STMT_END

static void
insert (FlexoSpatialIndex *index,
        guint              n,
        double             x,
        double             y,
        double             w,
        double             h)
{
  FlexoRect r = FLEXO_RECT_INIT (x, y, w, h);

  flexo_spatial_index_insert (index, ITEM (n), &r);
}

static void
update (FlexoSpatialIndex *index,
        guint              n,
        double             x,
        double             y,
        double             w,
        double             h)
{
  FlexoRect r = FLEXO_RECT_INIT (x, y, w, h);

  flexo_spatial_index_update (index, ITEM (n), &r);
}

/* Three overlapping shapes:  1 = (0,0 10×10), 2 = (5,5 10×10),
 * 3 = (100,100 20×5). */
static FlexoSpatialIndex *
small_index (void)
{
  FlexoSpatialIndex *index = flexo_spatial_index_new ();

  insert (index, 1, 0, 0, 10, 10);
  insert (index, 2, 5, 5, 10, 10);
  insert (index, 3, 100, 100, 20, 5);
  return index;
}

START_TEST (test_empty)
{
  g_autoptr(FlexoSpatialIndex) index = flexo_spatial_index_new ();
  FlexoRect r = FLEXO_RECT_INIT (1, 2, 3, 4);

  ck_assert_uint_eq (flexo_spatial_index_n_items (index), 0);
  ck_assert (!flexo_spatial_index_total_bounds (index, &r));
  assert_rect_eq (r, 0, 0, 0, 0);
  ck_assert (!flexo_spatial_index_contains (index, ITEM (1)));
  ck_assert (!flexo_spatial_index_get_bounds (index, ITEM (1), &r));
  ck_assert (!flexo_spatial_index_remove (index, ITEM (1)));
  assert_point_hits (index, 0, 0, 100, "");
  assert_rect_hits (index, -1e9, -1e9, 2e9, 2e9, "");
  assert_valid (index);
}
END_TEST

START_TEST (test_query_point)
{
  g_autoptr(FlexoSpatialIndex) index = small_index ();

  ck_assert_uint_eq (flexo_spatial_index_n_items (index), 3);
  assert_point_hits (index, 2, 2, 0, "1");
  assert_point_hits (index, 7, 7, 0, "1 2");
  assert_point_hits (index, 12, 12, 0, "2");
  assert_point_hits (index, 110, 102, 0, "3");
  assert_point_hits (index, 50, 50, 0, "");
  /* Edges and corners are inside. */
  assert_point_hits (index, 0, 0, 0, "1");
  assert_point_hits (index, 15, 15, 0, "2");
  assert_point_hits (index, 120, 105, 0, "3");
  assert_point_hits (index, 120.001, 105, 0, "");
  /* Tolerance inflates the bounds on every side. */
  assert_point_hits (index, -3, 5, 2, "");
  assert_point_hits (index, -3, 5, 3, "1");
  assert_point_hits (index, 123, 108, 3, "3");
  assert_point_hits (index, 123, 108.5, 3, "");
  assert_valid (index);
}
END_TEST

START_TEST (test_query_rect)
{
  g_autoptr(FlexoSpatialIndex) index = small_index ();

  assert_rect_hits (index, -10, -10, 12, 12, "1");
  assert_rect_hits (index, 8, 8, 1, 1, "1 2");
  assert_rect_hits (index, 0, 0, 200, 200, "1 2 3");
  assert_rect_hits (index, 20, 20, 50, 50, "");
  /* Touching counts, a gap does not. */
  assert_rect_hits (index, 15.5, 0, 5, 5, "");
  assert_rect_hits (index, 15, 0, 5, 5, "2");  /* corner to corner */
  assert_rect_hits (index, 15, 5, 5, 5, "2");
  assert_rect_hits (index, 120, 90, 10, 10, "3");
  assert_rect_hits (index, 120.5, 90, 10, 10, "");
  /* A zero-size query rectangle is a point or a segment. */
  assert_rect_hits (index, 10, 10, 0, 0, "1 2");
  assert_rect_hits (index, 0, 20, 200, 0, "");
  assert_rect_hits (index, 0, 102, 200, 0, "3");
}
END_TEST

START_TEST (test_zero_size_items)
{
  g_autoptr(FlexoSpatialIndex) index = flexo_spatial_index_new ();
  FlexoRect total;

  insert (index, 1, 0, 50, 100, 0);     /* horizontal connector */
  insert (index, 2, 30, 0, 0, 100);     /* vertical connector */
  insert (index, 3, 70, 70, 0, 0);      /* a point */
  assert_valid (index);

  assert_point_hits (index, 10, 50, 0, "1");
  assert_point_hits (index, 30, 50, 0, "1 2");
  assert_point_hits (index, 30, 10, 0, "2");
  assert_point_hits (index, 70, 70, 0, "3");
  assert_point_hits (index, 10, 51, 0, "");
  assert_point_hits (index, 10, 51, 1, "1");
  assert_point_hits (index, 71, 71, 0.5, "");
  assert_point_hits (index, 71, 71, 1, "3");
  assert_point_hits (index, 100, 50, 0, "1");
  assert_point_hits (index, 100.5, 50, 0, "");

  assert_rect_hits (index, 0, 0, 20, 49, "");
  assert_rect_hits (index, 0, 0, 20, 50, "1");
  assert_rect_hits (index, 60, 60, 10, 10, "3");
  assert_rect_hits (index, 60, 60, 9.5, 10, "");
  assert_rect_hits (index, 30, 100, 0, 0, "2");

  ck_assert (flexo_spatial_index_total_bounds (index, &total));
  assert_rect_eq (total, 0, 0, 100, 100);

  ck_assert (flexo_spatial_index_remove (index, ITEM (2)));
  ck_assert (flexo_spatial_index_total_bounds (index, &total));
  assert_rect_eq (total, 0, 50, 100, 20);

  ck_assert (flexo_spatial_index_remove (index, ITEM (3)));
  ck_assert (flexo_spatial_index_total_bounds (index, &total));
  assert_rect_eq (total, 0, 50, 100, 0);
  assert_valid (index);
}
END_TEST

START_TEST (test_remove)
{
  g_autoptr(FlexoSpatialIndex) index = small_index ();
  FlexoRect r;

  ck_assert (flexo_spatial_index_remove (index, ITEM (1)));
  ck_assert (!flexo_spatial_index_remove (index, ITEM (1)));
  ck_assert (!flexo_spatial_index_remove (index, ITEM (42)));
  ck_assert (!flexo_spatial_index_contains (index, ITEM (1)));
  ck_assert (!flexo_spatial_index_get_bounds (index, ITEM (1), &r));
  ck_assert_uint_eq (flexo_spatial_index_n_items (index), 2);
  assert_point_hits (index, 7, 7, 0, "2");
  assert_point_hits (index, 2, 2, 0, "");
  assert_valid (index);

  /* Removed items can come back. */
  insert (index, 1, 200, 200, 1, 1);
  assert_point_hits (index, 200.5, 200.5, 0, "1");
  assert_point_hits (index, 2, 2, 0, "");
  ck_assert_uint_eq (flexo_spatial_index_n_items (index), 3);
  assert_valid (index);
}
END_TEST

START_TEST (test_total_bounds_after_removals)
{
  g_autoptr(FlexoSpatialIndex) index = small_index ();
  FlexoRect total;

  insert (index, 4, -50, 20, 10, 10);
  ck_assert (flexo_spatial_index_total_bounds (index, &total));
  assert_rect_eq (total, -50, 0, 170, 105);

  ck_assert (flexo_spatial_index_remove (index, ITEM (3)));
  ck_assert (flexo_spatial_index_total_bounds (index, &total));
  assert_rect_eq (total, -50, 0, 65, 30);

  ck_assert (flexo_spatial_index_remove (index, ITEM (4)));
  ck_assert (flexo_spatial_index_total_bounds (index, &total));
  assert_rect_eq (total, 0, 0, 15, 15);

  ck_assert (flexo_spatial_index_remove (index, ITEM (1)));
  ck_assert (flexo_spatial_index_total_bounds (index, &total));
  assert_rect_eq (total, 5, 5, 10, 10);

  ck_assert (flexo_spatial_index_remove (index, ITEM (2)));
  ck_assert (!flexo_spatial_index_total_bounds (index, &total));
  ck_assert_uint_eq (flexo_spatial_index_n_items (index), 0);
  assert_valid (index);
}
END_TEST

START_TEST (test_update)
{
  g_autoptr(FlexoSpatialIndex) index = small_index ();
  FlexoRect r, total;

  /* A small move inside the others' span. */
  update (index, 2, 4, 4, 10, 10);
  ck_assert (flexo_spatial_index_get_bounds (index, ITEM (2), &r));
  assert_rect_eq (r, 4, 4, 10, 10);
  assert_point_hits (index, 14.5, 14.5, 0, "");
  assert_point_hits (index, 14, 14, 0, "2");
  assert_valid (index);

  /* A far move grows the total bounds… */
  update (index, 1, 500, -20, 10, 10);
  assert_point_hits (index, 2, 2, 0, "");
  assert_point_hits (index, 505, -15, 0, "1");
  ck_assert (flexo_spatial_index_total_bounds (index, &total));
  assert_rect_eq (total, 4, -20, 506, 125);
  assert_valid (index);

  /* …and shrinking the extreme item shrinks them. */
  update (index, 1, 500, -10, 5, 0);
  ck_assert (flexo_spatial_index_total_bounds (index, &total));
  assert_rect_eq (total, 4, -10, 501, 115);
  update (index, 1, 10, 10, 5, 5);
  update (index, 3, 11, 11, 1, 1);
  ck_assert (flexo_spatial_index_total_bounds (index, &total));
  assert_rect_eq (total, 4, 4, 11, 11);
  assert_point_hits (index, 12, 12, 0, "1 2 3");
  ck_assert_uint_eq (flexo_spatial_index_n_items (index), 3);
  assert_valid (index);
}
END_TEST

static gboolean
count_and_stop (gpointer         item,
                const FlexoRect *bounds,
                gpointer         user_data)
{
  guint *calls = user_data;

  (*calls)++;
  return TRUE;
}

static gboolean
count_and_go_on (gpointer         item,
                 const FlexoRect *bounds,
                 gpointer         user_data)
{
  guint *calls = user_data;

  (*calls)++;
  return FALSE;
}

typedef struct
{
  gpointer  item;
  FlexoRect bounds;
} Seen;

static gboolean
remember_bounds (gpointer         item,
                 const FlexoRect *bounds,
                 gpointer         user_data)
{
  Seen *seen = user_data;

  seen->item = item;
  seen->bounds = *bounds;
  return FALSE;
}

START_TEST (test_early_stop)
{
  g_autoptr(FlexoSpatialIndex) index = flexo_spatial_index_new ();
  FlexoRect all = FLEXO_RECT_INIT (-1, -1, 1000, 1000);
  Seen seen = { NULL };
  guint calls = 0;

  for (guint i = 1; i <= 200; i++)
    insert (index, i, 0, 0, i, i);

  ck_assert (flexo_spatial_index_query_point (index, (FlexoPoint) { 1, 1 }, 0, count_and_stop, &calls));
  ck_assert_uint_eq (calls, 1);
  calls = 0;
  ck_assert (flexo_spatial_index_query_rect (index, &all, count_and_stop, &calls));
  ck_assert_uint_eq (calls, 1);

  calls = 0;
  ck_assert (!flexo_spatial_index_query_point (index, (FlexoPoint) { 1, 1 }, 0, count_and_go_on, &calls));
  ck_assert_uint_eq (calls, 200);
  calls = 0;
  ck_assert (!flexo_spatial_index_query_rect (index, &all, count_and_go_on, &calls));
  ck_assert_uint_eq (calls, 200);
  calls = 0;
  ck_assert (!flexo_spatial_index_query_point (index, (FlexoPoint) { 150, 150 }, 0, count_and_go_on, &calls));
  ck_assert_uint_eq (calls, 51);

  /* The callback sees the item's own bounds. */
  ck_assert (!flexo_spatial_index_query_point (index, (FlexoPoint) { 200, 200 }, 0, remember_bounds, &seen));
  ck_assert_ptr_eq (seen.item, ITEM (200));
  assert_rect_eq (seen.bounds, 0, 0, 200, 200);
}
END_TEST

static guint n_criticals;

static void
count_criticals (const char     *log_domain,
                 GLogLevelFlags  log_level,
                 const char     *message,
                 gpointer        user_data)
{
  if (log_level & G_LOG_LEVEL_CRITICAL)
    n_criticals++;
}

START_TEST (test_programming_errors)
{
  g_autoptr(FlexoSpatialIndex) index = small_index ();
  FlexoRect r;
  gpointer items[] = { ITEM (7), ITEM (8), ITEM (7) };
  FlexoRect rects[] = { FLEXO_RECT_INIT (0, 0, 1, 1), FLEXO_RECT_INIT (1, 1, 1, 1), FLEXO_RECT_INIT (2, 2, 1, 1) };
  GLogFunc old_handler = g_log_set_default_handler (count_criticals, NULL);
  /* Counted, not fatal (the suites run with G_DEBUG=fatal-criticals). */
  GLogLevelFlags old_fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);

  n_criticals = 0;
  insert (index, 1, 300, 300, 1, 1);    /* already there */
  ck_assert_uint_eq (n_criticals, 1);
  ck_assert_uint_eq (flexo_spatial_index_n_items (index), 3);
  ck_assert (flexo_spatial_index_get_bounds (index, ITEM (1), &r));
  assert_rect_eq (r, 0, 0, 10, 10);

  update (index, 99, 0, 0, 1, 1);       /* not there */
  ck_assert_uint_eq (n_criticals, 2);
  ck_assert (!flexo_spatial_index_contains (index, ITEM (99)));

  insert (index, 4, 0, 0, -1, 1);       /* not normalized */
  ck_assert_uint_eq (n_criticals, 3);
  ck_assert (!flexo_spatial_index_contains (index, ITEM (4)));

  insert (index, 4, NAN, 0, 1, 1);
  ck_assert_uint_eq (n_criticals, 4);
  ck_assert (!flexo_spatial_index_contains (index, ITEM (4)));

  /* A repeated item in a bulk load is skipped, with a critical. */
  flexo_spatial_index_bulk_load (index, items, rects, G_N_ELEMENTS (items));
  ck_assert_uint_eq (n_criticals, 5);
  ck_assert_uint_eq (flexo_spatial_index_n_items (index), 2);
  ck_assert (flexo_spatial_index_get_bounds (index, ITEM (7), &r));
  assert_rect_eq (r, 0, 0, 1, 1);
  assert_valid (index);

  g_log_set_default_handler (old_handler, NULL);
  g_log_set_always_fatal (old_fatal);
}
END_TEST

START_TEST (test_clear)
{
  g_autoptr(FlexoSpatialIndex) index = flexo_spatial_index_new ();
  FlexoRect total;

  for (guint i = 1; i <= 1000; i++)
    insert (index, i, i, i, 5, 5);
  flexo_spatial_index_clear (index);
  ck_assert_uint_eq (flexo_spatial_index_n_items (index), 0);
  ck_assert (!flexo_spatial_index_total_bounds (index, &total));
  ck_assert (!flexo_spatial_index_contains (index, ITEM (5)));
  assert_point_hits (index, 5, 5, 0, "");
  assert_valid (index);

  insert (index, 5, 1, 2, 3, 4);
  assert_point_hits (index, 2, 3, 0, "5");
  assert_valid (index);
}
END_TEST

/* A 100 × 100 grid of 10 × 10 cells with 5-unit gaps: cell (i, j) is item
 * i * 100 + j + 1 at (15 i, 15 j). */
#define GRID 100

static FlexoRect
grid_rect (guint n)
{
  guint i = (n - 1) / GRID, j = (n - 1) % GRID;

  return FLEXO_RECT_INIT (15.0 * i, 15.0 * j, 10, 10);
}

static void
check_grid (FlexoSpatialIndex *index)
{
  FlexoRect total;

  ck_assert_uint_eq (flexo_spatial_index_n_items (index), GRID * GRID);
  assert_valid (index);
  ck_assert (flexo_spatial_index_total_bounds (index, &total));
  assert_rect_eq (total, 0, 0, 15.0 * (GRID - 1) + 10, 15.0 * (GRID - 1) + 10);

  for (guint n = 1; n <= GRID * GRID; n += 37)
    {
      FlexoRect r = grid_rect (n);
      g_autofree char *expected = g_strdup_printf ("%u", n);

      assert_point_hits (index, r.x + 5, r.y + 5, 0, expected);
      assert_point_hits (index, r.x + 12, r.y + 5, 1, "");
    }
  /* (15,15)–(30,30) touches cells (1,1), (1,2), (2,1), (2,2). */
  assert_rect_hits (index, 15, 15, 15, 15, "102 103 202 203");
  assert_rect_hits (index, 11, 11, 3, 3, "");
}

START_TEST (test_many_inserts)
{
  g_autoptr(FlexoSpatialIndex) index = flexo_spatial_index_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint order[GRID * GRID];

  for (guint n = 0; n < GRID * GRID; n++)
    order[n] = n + 1;
  for (guint n = GRID * GRID - 1; n > 0; n--)
    {
      guint k = g_rand_int_range (rand, 0, n + 1), t = order[n];

      order[n] = order[k];
      order[k] = t;
    }

  for (guint n = 0; n < GRID * GRID; n++)
    {
      FlexoRect r = grid_rect (order[n]);

      flexo_spatial_index_insert (index, ITEM (order[n]), &r);
    }
  check_grid (index);

  /* Remove all in another order, down to an empty tree. */
  for (guint n = 0; n < GRID * GRID; n++)
    {
      guint item = (n * 7919) % (GRID * GRID) + 1;

      ck_assert_msg (flexo_spatial_index_remove (index, ITEM (item)), "removing %u", item);
      if (n % 97 == 0)
        assert_valid (index);
    }
  ck_assert_uint_eq (flexo_spatial_index_n_items (index), 0);
  assert_valid (index);
}
END_TEST

START_TEST (test_bulk_load)
{
  g_autoptr(FlexoSpatialIndex) index = flexo_spatial_index_new ();
  g_autofree gpointer *items = g_new (gpointer, GRID * GRID);
  g_autofree FlexoRect *rects = g_new (FlexoRect, GRID * GRID);
  FlexoRect r;

  insert (index, GRID * GRID + 1, 5000, 5000, 1, 1);

  for (guint n = 0; n < GRID * GRID; n++)
    {
      items[n] = ITEM (n + 1);
      rects[n] = grid_rect (n + 1);
    }
  flexo_spatial_index_bulk_load (index, items, rects, GRID * GRID);

  /* The previous content is gone. */
  ck_assert (!flexo_spatial_index_contains (index, ITEM (GRID * GRID + 1)));
  check_grid (index);

  /* The packed tree takes updates and removals. */
  for (guint n = 1; n <= GRID * GRID; n += 3)
    {
      r = grid_rect (n);
      update (index, n, r.x + 1, r.y + 1, 10, 10);
    }
  for (guint n = 2; n <= GRID * GRID; n += 3)
    ck_assert (flexo_spatial_index_remove (index, ITEM (n)));
  assert_valid (index);
  ck_assert_uint_eq (flexo_spatial_index_n_items (index), GRID * GRID - (GRID * GRID + 1) / 3);
  r = grid_rect (1);
  assert_point_hits (index, r.x + 10.5, r.y + 10.5, 0, "1");
  r = grid_rect (2);
  assert_point_hits (index, r.x + 5, r.y + 5, 0, "");
  ck_assert (flexo_spatial_index_get_bounds (index, ITEM (4), &r));
  assert_rect_eq (r, 1, 46, 10, 10);

  /* Sizes around one node. */
  for (gsize n = 0; n <= 40; n++)
    {
      flexo_spatial_index_bulk_load (index, items, rects, n);
      ck_assert_uint_eq (flexo_spatial_index_n_items (index), n);
      assert_valid (index);
      if (n > 0)
        {
          g_autofree char *expected = g_strdup_printf ("%" G_GSIZE_FORMAT, n);

          assert_point_hits (index, rects[n - 1].x, rects[n - 1].y, 0, expected);
        }
    }
}
END_TEST

/* Randomized: mixed operations checked against a linear scan. */

#define POOL 600

typedef struct
{
  guint     seed;
  GRand    *rand;
  double    plane;
  gboolean  present[POOL + 1];
  FlexoRect rects[POOL + 1];
  guint     n_present;
} Model;

static double
random_coord (Model *m)
{
  double v = g_rand_int_range (m->rand, -5, (gint32) m->plane);

  /* Mostly integers, so that edges often touch exactly. */
  if (g_rand_int_range (m->rand, 0, 4) == 0)
    v += g_rand_double (m->rand);
  return v;
}

static double
random_size (Model *m)
{
  switch (g_rand_int_range (m->rand, 0, 6))
    {
    case 0:
      return 0;
    case 1:
      return g_rand_double_range (m->rand, 0, m->plane / 10);
    default:
      return g_rand_int_range (m->rand, 1, (gint32) (m->plane / 10));
    }
}

static FlexoRect
random_rect (Model *m)
{
  FlexoRect r;

  r.x = random_coord (m);
  r.y = random_coord (m);
  r.width = random_size (m);
  r.height = random_size (m);
  return r;
}

static gboolean
brute_point (const FlexoRect *r,
             FlexoPoint       p,
             double           tolerance)
{
  return r->x <= p.x + tolerance && r->y <= p.y + tolerance &&
         r->x + r->width >= p.x - tolerance && r->y + r->height >= p.y - tolerance;
}

static gboolean
brute_rect (const FlexoRect *r,
            const FlexoRect *q)
{
  return r->x <= q->x + q->width && r->y <= q->y + q->height &&
         r->x + r->width >= q->x && r->y + r->height >= q->y;
}

static void
compare_hits (Model      *m,
              guint       op,
              const char *what,
              GPtrArray  *got,
              GPtrArray  *want)
{
  g_ptr_array_sort (got, compare_items);
  ck_assert_msg (got->len == want->len, "seed %u, op %u: %s: %u hits, expected %u",
                 m->seed, op, what, got->len, want->len);
  for (guint i = 0; i < got->len; i++)
    ck_assert_msg (got->pdata[i] == want->pdata[i], "seed %u, op %u: %s: hit %u is %u, expected %u",
                   m->seed, op, what, i, GPOINTER_TO_UINT (got->pdata[i]),
                   GPOINTER_TO_UINT (want->pdata[i]));
}

static void
check_model (FlexoSpatialIndex *index,
             Model             *m,
             guint              op)
{
  static const double tolerances[] = { 0, 0, 0.5, 3 };
  double px = random_coord (m);
  double py = random_coord (m);
  FlexoPoint p = { px, py };
  double tolerance = tolerances[g_rand_int_range (m->rand, 0, G_N_ELEMENTS (tolerances))];
  FlexoRect q = random_rect (m);
  g_autoptr(GPtrArray) got_point = flexo_spatial_index_query_point_all (index, p, tolerance);
  g_autoptr(GPtrArray) got_rect = flexo_spatial_index_query_rect_all (index, &q);
  g_autoptr(GPtrArray) want_point = g_ptr_array_new ();
  g_autoptr(GPtrArray) want_rect = g_ptr_array_new ();
  g_autofree char *why = NULL;
  g_autofree char *point_what = NULL;
  g_autofree char *rect_what = NULL;
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  FlexoRect total;

  ck_assert_msg (flexo_spatial_index_check_invariants (index, &why), "seed %u, op %u: %s",
                 m->seed, op, why);
  ck_assert_msg (flexo_spatial_index_n_items (index) == m->n_present, "seed %u, op %u: %u items, expected %u",
                 m->seed, op, flexo_spatial_index_n_items (index), m->n_present);

  for (guint n = 1; n <= POOL; n++)
    {
      const FlexoRect *r = &m->rects[n];

      if (!m->present[n])
        continue;
      if (brute_point (r, p, tolerance))
        g_ptr_array_add (want_point, ITEM (n));
      if (brute_rect (r, &q))
        g_ptr_array_add (want_rect, ITEM (n));
      x1 = MIN (x1, r->x);
      y1 = MIN (y1, r->y);
      x2 = MAX (x2, r->x + r->width);
      y2 = MAX (y2, r->y + r->height);
    }

  point_what = g_strdup_printf ("point (%g, %g) ± %g", p.x, p.y, tolerance);
  compare_hits (m, op, point_what, got_point, want_point);
  rect_what = g_strdup_printf ("rect (%g, %g, %g, %g)", q.x, q.y, q.width, q.height);
  compare_hits (m, op, rect_what, got_rect, want_rect);

  if (m->n_present == 0)
    {
      ck_assert_msg (!flexo_spatial_index_total_bounds (index, &total), "seed %u, op %u: total bounds of nothing",
                     m->seed, op);
      return;
    }
  ck_assert_msg (flexo_spatial_index_total_bounds (index, &total), "seed %u, op %u: no total bounds",
                 m->seed, op);
  ck_assert_msg (total.x == x1 && total.y == y1 && total.width == x2 - x1 && total.height == y2 - y1,
                 "seed %u, op %u: total bounds (%g, %g, %g, %g), expected (%g, %g, %g, %g)",
                 m->seed, op, total.x, total.y, total.width, total.height, x1, y1, x2 - x1, y2 - y1);
}

static void
check_all_bounds (FlexoSpatialIndex *index,
                  Model             *m,
                  guint              op)
{
  for (guint n = 1; n <= POOL; n++)
    {
      FlexoRect r;
      gboolean found = flexo_spatial_index_get_bounds (index, ITEM (n), &r);

      ck_assert_msg (found == m->present[n] && flexo_spatial_index_contains (index, ITEM (n)) == found,
                     "seed %u, op %u: item %u found %d, expected %d", m->seed, op, n, found, m->present[n]);
      ck_assert_msg (!found || memcmp (&r, &m->rects[n], sizeof r) == 0,
                     "seed %u, op %u: item %u has bounds (%g, %g, %g, %g), expected (%g, %g, %g, %g)",
                     m->seed, op, n, r.x, r.y, r.width, r.height,
                     m->rects[n].x, m->rects[n].y, m->rects[n].width, m->rects[n].height);
    }
}

static void
random_bulk_load (FlexoSpatialIndex *index,
                  Model             *m)
{
  gpointer items[POOL];
  FlexoRect rects[POOL];
  guint n = 0;
  guint wanted = g_rand_int_range (m->rand, 0, POOL);

  memset (m->present, 0, sizeof m->present);
  for (guint k = 1; k <= POOL && n < wanted; k++)
    {
      if (g_rand_boolean (m->rand))
        continue;
      m->present[k] = TRUE;
      m->rects[k] = random_rect (m);
      items[n] = ITEM (k);
      rects[n] = m->rects[k];
      n++;
    }
  m->n_present = n;
  flexo_spatial_index_bulk_load (index, items, rects, n);
}

#define N_SEEDS 20
#define N_OPS 2000

START_TEST (test_random)
{
  g_autoptr(FlexoSpatialIndex) index = flexo_spatial_index_new ();
  g_autoptr(GRand) rand = NULL;
  g_autofree Model *m = g_new0 (Model, 1);

  m->seed = 0xF1E8 + _i;
  m->rand = rand = g_rand_new_with_seed (m->seed);
  m->plane = _i % 2 == 0 ? 100 : 2000;

  if (_i % 4 < 2)
    random_bulk_load (index, m);

  for (guint op = 0; op < N_OPS; op++)
    {
      guint n = g_rand_int_range (m->rand, 1, POOL + 1);
      guint what = g_rand_int_range (m->rand, 0, 100);

      if (op == N_OPS / 2 && _i % 3 == 0)
        random_bulk_load (index, m);
      else if (what < 45)
        {
          if (m->present[n])
            continue;
          m->rects[n] = random_rect (m);
          m->present[n] = TRUE;
          m->n_present++;
          flexo_spatial_index_insert (index, ITEM (n), &m->rects[n]);
        }
      else if (what < 70)
        {
          gboolean removed = flexo_spatial_index_remove (index, ITEM (n));

          ck_assert_msg (removed == m->present[n], "seed %u, op %u: removing %u gave %d",
                         m->seed, op, n, removed);
          if (m->present[n])
            m->n_present--;
          m->present[n] = FALSE;
        }
      else
        {
          FlexoRect *r = &m->rects[n];

          if (!m->present[n])
            continue;
          if (g_rand_int_range (m->rand, 0, 10) < 7)
            {
              /* A nudge, as in a drag. */
              r->x += g_rand_int_range (m->rand, -2, 3);
              r->y += g_rand_int_range (m->rand, -2, 3);
              if (g_rand_boolean (m->rand))
                {
                  double dw = g_rand_int_range (m->rand, -1, 2);

                  r->width = MAX (0, r->width + dw);
                }
            }
          else
            *r = random_rect (m);
          flexo_spatial_index_update (index, ITEM (n), r);
        }

      check_model (index, m, op);
      if (op % 100 == 0)
        check_all_bounds (index, m, op);
    }
  check_all_bounds (index, m, N_OPS);
}
END_TEST

static Suite *
spatial_index_suite (void)
{
  Suite *s = suite_create ("spatial-index");
  TCase *tc = tcase_create ("basics");
  TCase *big = tcase_create ("big");

  tcase_add_test (tc, test_empty);
  tcase_add_test (tc, test_query_point);
  tcase_add_test (tc, test_query_rect);
  tcase_add_test (tc, test_zero_size_items);
  tcase_add_test (tc, test_remove);
  tcase_add_test (tc, test_total_bounds_after_removals);
  tcase_add_test (tc, test_update);
  tcase_add_test (tc, test_early_stop);
  tcase_add_test (tc, test_programming_errors);
  tcase_add_test (tc, test_clear);
  suite_add_tcase (s, tc);

  tcase_add_test (big, test_many_inserts);
  tcase_add_test (big, test_bulk_load);
  tcase_add_loop_test (big, test_random, 0, N_SEEDS);
  tcase_set_timeout (big, 60);
  suite_add_tcase (s, big);

  return s;
}

int
main (void)
{
  return flexo_test_run (spatial_index_suite ());
}
