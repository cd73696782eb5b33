/* test-form.c — editing a free form by its nodes
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "flexo-form.h"
#include "flexo-model.h"
#include "flexo-outline.h"
#include "flexo-route.h"
#include "flexo-test.h"

typedef struct
{
  FlexoDocument *doc;
  FlexoShape    *shape;
} Fixture;

/* A shape of the free form @data in (100, 50, 200 × 100), in a document. */
static void
fixture_init (Fixture    *f,
              const char *data)
{
  g_autoptr(FlexoDiagram) diagram = NULL;
  g_autoptr(FlexoShape) shape = NULL;
  g_autoptr(FlexoStyle) style = flexo_style_new ();
  g_autoptr(FlexoPath) form = flexo_path_new_from_data (data, NULL);

  f->doc = flexo_document_new ();
  diagram = flexo_diagram_new (f->doc, "D");
  shape = flexo_shape_new (f->doc, &FLEXO_RECT_INIT (100, 50, 200, 100));
  flexo_style_set_shape_kind (style, FLEXO_SHAPE_FREEFORM);
  flexo_shape_set_style (shape, style);
  flexo_shape_set_form (shape, form);
  flexo_diagram_add_item (diagram, shape);
  flexo_document_begin (f->doc, "Add");
  flexo_object_insert_child (FLEXO_OBJECT (f->doc), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  flexo_document_commit (f->doc);
  f->shape = shape;
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->doc);
}

/* The outline the shape is drawn with. */
static FlexoPath *
drawn (FlexoShape *shape)
{
  FlexoPath *path = flexo_path_new ();

  flexo_outline_build (FLEXO_SHAPE_FREEFORM, flexo_shape_get_bounds (shape), 0, flexo_shape_get_form (shape), path);
  return path;
}

/* The largest distance from points along @a to @b: the outlines are the
 * same where it is tiny both ways. */
static double
outline_gap (const FlexoPath *a,
             const FlexoPath *b)
{
  g_autoptr(FlexoPath) flat = flexo_path_flatten (a, 1e-3);
  const FlexoPoint *p;
  guint n;
  double worst = 0;

  p = flexo_path_get_points (flat, &n);
  for (guint i = 0; i < n; i++)
    worst = MAX (worst, flexo_path_distance (b, p[i], NULL));
  return worst;
}

#define assert_point(p, ex, ey) ck_assert_point (p, ex, ey, 1e-6)

/* A polygon's nodes are its corners, in document coordinates; the
 * closing side is the last node's. */
START_TEST (test_polygon_nodes)
{
  Fixture f;
  g_autoptr(GArray) nodes = NULL;
  g_autoptr(FlexoPath) back = NULL;
  g_autoptr(FlexoPath) before = NULL;

  fixture_init (&f, "M 0.5 0 L 1 1 L 0 1 Z");
  nodes = flexo_form_get_nodes (f.shape);
  ck_assert_ptr_nonnull (nodes);
  ck_assert_uint_eq (nodes->len, 3);
  assert_point (flexo_form_part_point (nodes, 0, FLEXO_FORM_NODE), 200, 50);
  assert_point (flexo_form_part_point (nodes, 1, FLEXO_FORM_NODE), 300, 150);
  assert_point (flexo_form_part_point (nodes, 2, FLEXO_FORM_NODE), 100, 150);
  for (guint i = 0; i < 3; i++)
    ck_assert (!g_array_index (nodes, FlexoFormNode, i).curved);

  /* Back to a path: the same outline. */
  back = flexo_form_nodes_to_path (nodes);
  before = drawn (f.shape);
  ck_assert_uint_eq (flexo_path_get_n_ops (back), flexo_path_get_n_ops (before));
  ck_assert_double_lt (outline_gap (back, before), 1e-9);
  ck_assert_double_lt (outline_gap (before, back), 1e-9);

  /* Not a free form: no nodes. */
  {
    g_autoptr(FlexoStyle) rect = flexo_style_new ();

    flexo_style_set_shape_kind (rect, FLEXO_SHAPE_RECTANGLE);
    flexo_document_begin (f.doc, "Kind");
    flexo_shape_set_style (f.shape, rect);
    flexo_document_commit (f.doc);
    ck_assert_ptr_null (flexo_form_get_nodes (f.shape));
  }
  fixture_clear (&f);
}
END_TEST

/* Moving a corner out of the box: the box grows to the outline, which
 * goes through the moved corner; undo puts everything back. */
START_TEST (test_move_node_sets_bounds_and_form)
{
  Fixture f;
  g_autoptr(GArray) nodes = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(FlexoPath) outline = NULL;
  const FlexoRect *b;

  fixture_init (&f, "M 0.5 0 L 1 1 L 0 1 Z");
  nodes = flexo_form_get_nodes (f.shape);
  flexo_form_move (nodes, 0, FLEXO_FORM_NODE, FLEXO_POINT_INIT (250, 0));
  outline = flexo_form_nodes_to_path (nodes);
  flexo_document_begin (f.doc, "Move Node");
  flexo_shape_set_outline (f.shape, outline);
  flexo_document_commit (f.doc);

  b = flexo_shape_get_bounds (f.shape);
  assert_point (FLEXO_POINT_INIT (b->x, b->y), 100, 0);
  assert_point (FLEXO_POINT_INIT (b->width, b->height), 200, 150);
  again = flexo_form_get_nodes (f.shape);
  ck_assert_uint_eq (again->len, 3);
  assert_point (flexo_form_part_point (again, 0, FLEXO_FORM_NODE), 250, 0);
  assert_point (flexo_form_part_point (again, 1, FLEXO_FORM_NODE), 300, 150);
  ck_assert_str_eq (flexo_shape_get_form_data (f.shape), "M 0.75 0 L 1 1 L 0 1 Z");

  ck_assert (flexo_document_undo (f.doc));
  b = flexo_shape_get_bounds (f.shape);
  assert_point (FLEXO_POINT_INIT (b->x, b->y), 100, 50);
  ck_assert_str_eq (flexo_shape_get_form_data (f.shape), "M 0.5 0 L 1 1 L 0 1 Z");
  fixture_clear (&f);
}
END_TEST

/* A curve's node carries its control points on both sides; a control
 * point moves alone; a straight side has none to move. */
START_TEST (test_move_curve_parts)
{
  Fixture f;
  g_autoptr(GArray) nodes = NULL;
  FlexoFormNode *n0, *n1, *n2;

  /* A curved top from (100, 150) to (300, 150), a straight bottom. */
  fixture_init (&f, "M 0 1 C 0 0 1 0 1 1 Z");
  nodes = flexo_form_get_nodes (f.shape);
  ck_assert_uint_eq (nodes->len, 2);
  n0 = &g_array_index (nodes, FlexoFormNode, 0);
  n1 = &g_array_index (nodes, FlexoFormNode, 1);
  ck_assert (n0->curved && !n1->curved);
  assert_point (n0->c1, 100, 50);
  assert_point (n0->c2, 300, 50);

  /* The end node: its incoming control point follows. */
  flexo_form_move (nodes, 1, FLEXO_FORM_NODE, FLEXO_POINT_INIT (310, 160));
  assert_point (n1->point, 310, 160);
  assert_point (n0->c2, 310, 60);
  assert_point (n0->c1, 100, 50);
  /* The start node: its outgoing one. */
  flexo_form_move (nodes, 0, FLEXO_FORM_NODE, FLEXO_POINT_INIT (90, 150));
  assert_point (n0->c1, 90, 50);
  /* A control point alone. */
  flexo_form_move (nodes, 0, FLEXO_FORM_C2, FLEXO_POINT_INIT (200, 0));
  assert_point (n0->c2, 200, 0);
  assert_point (n1->point, 310, 160);
  /* A straight side's: nothing. */
  flexo_form_move (nodes, 1, FLEXO_FORM_C1, FLEXO_POINT_INIT (0, 0));
  ck_assert (!n1->curved);
  assert_point (n1->c1, 300, 150);
  /* Out of range: nothing. */
  flexo_form_move (nodes, 7, FLEXO_FORM_NODE, FLEXO_POINT_INIT (0, 0));

  /* Two curves, two straight sides: the node between the curves moves
   * its neighbours' control points. */
  fixture_clear (&f);
  fixture_init (&f, "M 0 0 C 0.2 0 0.3 0.5 0.5 0.5 C 0.7 0.5 1 0.8 1 1 L 0 1 Z");
  g_clear_pointer (&nodes, g_array_unref);
  nodes = flexo_form_get_nodes (f.shape);
  ck_assert_uint_eq (nodes->len, 4);
  n0 = &g_array_index (nodes, FlexoFormNode, 0);
  n1 = &g_array_index (nodes, FlexoFormNode, 1);
  n2 = &g_array_index (nodes, FlexoFormNode, 2);
  flexo_form_move (nodes, 1, FLEXO_FORM_NODE, FLEXO_POINT_INIT (210, 110));
  assert_point (n0->c2, 170, 110);
  assert_point (n1->c1, 250, 110);
  assert_point (n0->c1, 140, 50);
  ck_assert (!n2->curved);
  fixture_clear (&f);
}
END_TEST

/* Inserting a node keeps the outline, on a side and on a curve; removing
 * it again gives the outline back, straight sides straight. */
START_TEST (test_insert_and_remove)
{
  Fixture f;
  g_autoptr(GArray) nodes = NULL;
  g_autoptr(FlexoPath) before = NULL;
  g_autoptr(FlexoPath) after = NULL;
  g_autoptr(FlexoPath) removed = NULL;
  guint index = 99;

  fixture_init (&f, "M 0 0.2 C 0.3 0 0.7 0.6 1 0.2 L 1 1 L 0 1 Z");
  before = drawn (f.shape);
  nodes = flexo_form_get_nodes (f.shape);
  ck_assert_uint_eq (nodes->len, 4);
  ck_assert_double_lt (flexo_form_distance (nodes, FLEXO_POINT_INIT (300, 100)), 1e-9);
  ck_assert_double_eq_tol (flexo_form_distance (nodes, FLEXO_POINT_INIT (320, 100)), 20, 1e-9);

  /* On the right side, straight. */
  flexo_form_insert (nodes, FLEXO_POINT_INIT (305, 120), &index);
  ck_assert_uint_eq (index, 2);
  ck_assert_uint_eq (nodes->len, 5);
  assert_point (flexo_form_part_point (nodes, 2, FLEXO_FORM_NODE), 300, 120);
  ck_assert (!g_array_index (nodes, FlexoFormNode, 2).curved);
  after = flexo_form_nodes_to_path (nodes);
  ck_assert_double_lt (outline_gap (after, before), 1e-6);
  ck_assert_double_lt (outline_gap (before, after), 1e-6);

  /* On the curve: de Casteljau, the same curve. */
  flexo_form_insert (nodes, FLEXO_POINT_INIT (200, 45), &index);
  ck_assert_uint_eq (index, 1);
  ck_assert (g_array_index (nodes, FlexoFormNode, 0).curved && g_array_index (nodes, FlexoFormNode, 1).curved);
  g_clear_pointer (&after, flexo_path_free);
  after = flexo_form_nodes_to_path (nodes);
  ck_assert_double_lt (outline_gap (after, before), 1e-6);
  ck_assert_double_lt (outline_gap (before, after), 1e-6);

  /* Removing the side's node: the side straight again, the outline back. */
  ck_assert (flexo_form_remove (nodes, 3));
  ck_assert (!g_array_index (nodes, FlexoFormNode, 2).curved);
  ck_assert (!flexo_form_remove (nodes, 9));
  removed = flexo_form_nodes_to_path (nodes);
  ck_assert_double_lt (outline_gap (removed, before), 1e-6);

  /* Never below three nodes. */
  ck_assert (flexo_form_remove (nodes, 1));
  ck_assert (flexo_form_remove (nodes, 1));
  ck_assert_uint_eq (nodes->len, FLEXO_FORM_MIN_NODES);
  ck_assert (!flexo_form_remove (nodes, 0));
  ck_assert_uint_eq (nodes->len, FLEXO_FORM_MIN_NODES);
  fixture_clear (&f);
}
END_TEST

/* A flat outline gets a unit of height, and is still drawn through its
 * points. */
START_TEST (test_flat_outline)
{
  Fixture f;
  g_autoptr(FlexoPath) flat = flexo_path_new_from_data ("M 10 20 L 50 20 L 30 20 Z", NULL);
  g_autoptr(FlexoPath) out = NULL;
  const FlexoRect *b;

  fixture_init (&f, "M 0.5 0 L 1 1 L 0 1 Z");
  flexo_document_begin (f.doc, "Flat");
  flexo_shape_set_outline (f.shape, flat);
  flexo_document_commit (f.doc);
  b = flexo_shape_get_bounds (f.shape);
  assert_point (FLEXO_POINT_INIT (b->x, b->y), 10, 19.5);
  assert_point (FLEXO_POINT_INIT (b->width, b->height), 40, 1);
  out = drawn (f.shape);
  ck_assert_double_lt (outline_gap (out, flat), 1e-6);
  fixture_clear (&f);
}
END_TEST

/* A connector to a free form whose centre is outside it (the gap of a C)
 * ends on its outline, not in the gap. */
START_TEST (test_route_to_hollow_form)
{
  g_autoptr(FlexoPath) form = flexo_path_new_from_data ("M 0 0 L 1 0 L 1 0.2 L 0.2 0.2 L 0.2 0.8 L 1 0.8 "
                                                        "L 1 1 L 0 1 Z", NULL);
  g_autoptr(FlexoPath) route = flexo_path_new ();
  g_autoptr(FlexoPath) outline = flexo_path_new ();
  const FlexoRect box = FLEXO_RECT_INIT (100, 100, 100, 100);
  FlexoRouteEnd source, target;
  const FlexoPoint *p;
  guint n;

  flexo_route_end_init_point (&source, FLEXO_POINT_INIT (400, 150));
  target = (FlexoRouteEnd) { TRUE, FLEXO_SHAPE_FREEFORM, box, 0, { 150, 150 }, form };
  for (FlexoRouting routing = 0; routing < FLEXO_N_ROUTINGS; routing++)
    {
      flexo_route_compute (&source, &target, NULL, 0, routing, route, NULL, NULL);
      flexo_outline_build (FLEXO_SHAPE_FREEFORM, &box, 0, form, outline);
      p = flexo_path_get_points (route, &n);
      ck_assert_uint_ge (n, 2);
      ck_assert_msg (flexo_path_distance (outline, p[n - 1], NULL) < 1e-6, "%s ends at (%g, %g)",
                     flexo_routing_to_string (routing), p[n - 1].x, p[n - 1].y);
    }
}
END_TEST

static Suite *
form_suite (void)
{
  Suite *s = suite_create ("form");
  TCase *tc = tcase_create ("nodes");

  tcase_add_test (tc, test_polygon_nodes);
  tcase_add_test (tc, test_move_node_sets_bounds_and_form);
  tcase_add_test (tc, test_move_curve_parts);
  tcase_add_test (tc, test_insert_and_remove);
  tcase_add_test (tc, test_flat_outline);
  tcase_add_test (tc, test_route_to_hollow_form);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return flexo_test_run (form_suite ());
}
