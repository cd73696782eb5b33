/* test-fragment.c — copying diagram items out of their document and back
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-format.h"
#include "flexo-fragment.h"
#include "flexo-model.h"
#include "flexo-test.h"

static FlexoDiagram *
new_document_with_diagram (FlexoDocument **doc)
{
  g_autoptr(FlexoDiagram) diagram = NULL;

  *doc = flexo_document_new ();
  diagram = flexo_diagram_new (*doc, "D");
  flexo_document_begin (*doc, "Add");
  flexo_object_insert_child (FLEXO_OBJECT (*doc), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  flexo_document_commit (*doc);
  flexo_document_clear_history (*doc);
  return diagram;
}

static FlexoShape *
add_shape (FlexoDocument *doc,
           FlexoDiagram  *diagram,
           double         x,
           const char    *text)
{
  g_autoptr(FlexoShape) shape = flexo_shape_new (doc, &FLEXO_RECT_INIT (x, 0, 100, 50));

  flexo_shape_set_text (shape, text);
  flexo_diagram_add_item (diagram, shape);
  return shape;
}

static FlexoConnector *
add_connector (FlexoDocument *doc,
               FlexoDiagram  *diagram,
               FlexoShape    *a,
               FlexoShape    *b)
{
  g_autoptr(FlexoConnector) c = flexo_connector_new (doc, a, b);

  flexo_connector_set_label (c, FLEXO_LABEL_MIDDLE, "uses");
  flexo_diagram_add_item (diagram, c);
  return c;
}

START_TEST (test_copy_and_paste_into_another_document)
{
  g_autoptr(FlexoDocument) doc = NULL;
  g_autoptr(FlexoDocument) other = NULL;
  g_autoptr(FlexoDocument) fragment = NULL;
  g_autoptr(FlexoDocument) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) pasted = NULL;
  FlexoDiagram *diagram = new_document_with_diagram (&doc);
  FlexoDiagram *target = new_document_with_diagram (&other);
  FlexoShape *box, *a, *b, *c;
  FlexoConnector *ab;
  FlexoDiagram *fd;
  FlexoRect bounds;

  flexo_document_begin (doc, "Build");
  box = add_shape (doc, diagram, -10, "Box");
  a = add_shape (doc, diagram, 0, "A");
  b = add_shape (doc, diagram, 200, "B");
  c = add_shape (doc, diagram, 400, "C");
  flexo_shape_set_parent (a, box);
  ab = add_connector (doc, diagram, a, b);
  add_connector (doc, diagram, b, c);
  flexo_document_commit (doc);

  /* Box, A, B and their connector; C is left out, and so is B→C. */
  g_ptr_array_add (items, box);
  g_ptr_array_add (items, a);
  g_ptr_array_add (items, b);
  g_ptr_array_add (items, ab);
  g_ptr_array_add (items, g_ptr_array_index (flexo_diagram_get_items (diagram), 5));
  fragment = flexo_fragment_new_from_items (diagram, items);
  bytes = flexo_native_save_bytes (fragment);
  flexo_test_assert_valid_flexo (bytes);
  reread = flexo_native_load_bytes (bytes, "clipboard", NULL);
  ck_assert_ptr_nonnull (reread);
  fd = g_ptr_array_index (flexo_document_get_diagrams (reread), 0);
  ck_assert_uint_eq (flexo_diagram_get_items (fd)->len, 4);
  ck_assert (flexo_fragment_get_bounds (reread, &bounds));
  ck_assert_double_eq (bounds.x, -10);

  /* Pasted twice, moved; the connector joins the copies. */
  before = flexo_native_save_bytes (other);
  flexo_document_begin (other, "Paste");
  pasted = flexo_fragment_paste (reread, target, 20, 20);
  flexo_document_commit (other);
  ck_assert_uint_eq (pasted->len, 4);
  {
    FlexoShape *pa = g_ptr_array_index (pasted, 1), *pb = g_ptr_array_index (pasted, 2);
    FlexoConnector *pc = g_ptr_array_index (pasted, 3);

    ck_assert_str_eq (flexo_shape_get_text (pa), "A");
    ck_assert_double_eq (flexo_shape_get_bounds (pa)->x, 20);
    ck_assert_ptr_eq (flexo_shape_get_parent (pa), g_ptr_array_index (pasted, 0));
    ck_assert_ptr_eq (flexo_connector_get_source (pc), pa);
    ck_assert_ptr_eq (flexo_connector_get_target (pc), pb);
    ck_assert_str_eq (flexo_connector_get_label (pc, FLEXO_LABEL_MIDDLE), "uses");
  }
  g_clear_pointer (&pasted, g_ptr_array_unref);
  flexo_document_begin (other, "Paste");
  pasted = flexo_fragment_paste (reread, target, 40, 40);
  flexo_document_commit (other);
  ck_assert_uint_eq (pasted->len, 4);
  ck_assert_uint_eq (flexo_diagram_get_items (target)->len, 8);
  {
    g_autoptr(GBytes) saved = flexo_native_save_bytes (other);

    flexo_test_assert_valid_flexo (saved);
  }

  /* Undone: as before. */
  ck_assert (flexo_document_undo (other));
  ck_assert (flexo_document_undo (other));
  after = flexo_native_save_bytes (other);
  ck_assert (g_bytes_equal (before, after));
}
END_TEST

START_TEST (test_duplicate_diagram)
{
  g_autoptr(FlexoDocument) doc = NULL;
  FlexoDiagram *diagram = new_document_with_diagram (&doc);
  FlexoDiagram *copy;
  FlexoShape *a, *b;

  flexo_document_begin (doc, "Build");
  a = add_shape (doc, diagram, 0, "A");
  b = add_shape (doc, diagram, 200, "B");
  add_connector (doc, diagram, a, b);
  flexo_document_commit (doc);

  flexo_document_begin (doc, "Duplicate");
  copy = flexo_diagram_duplicate (diagram, "D (Copy)");
  flexo_document_commit (doc);
  ck_assert_uint_eq (flexo_document_get_diagrams (doc)->len, 2);
  ck_assert_str_eq (flexo_diagram_get_name (copy), "D (Copy)");
  ck_assert_uint_eq (flexo_diagram_get_items (copy)->len, 3);
  ck_assert_ptr_ne (g_ptr_array_index (flexo_diagram_get_items (copy), 0), a);
  ck_assert_str_eq (flexo_shape_get_text (g_ptr_array_index (flexo_diagram_get_items (copy), 0)), "A");
  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (flexo_document_get_diagrams (doc)->len, 1);
}
END_TEST

static Suite *
fragment_suite (void)
{
  Suite *s = suite_create ("fragment");
  TCase *tc = tcase_create ("fragment");

  tcase_add_test (tc, test_copy_and_paste_into_another_document);
  tcase_add_test (tc, test_duplicate_diagram);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return flexo_test_run (fragment_suite ());
}
