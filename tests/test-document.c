/* test-document.c — objects, transactions, undo and redo, deleting
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "flexo-format.h"
#include "flexo-model.h"
#include "flexo-route.h"
#include "flexo-test.h"

typedef struct
{
  guint         n_signals;
  FlexoChanges *last;
} ChangedLog;

static void
on_changed (FlexoDocument *doc,
            FlexoChanges  *changes,
            ChangedLog    *log)
{
  log->n_signals++;
  g_clear_pointer (&log->last, flexo_changes_unref);
  log->last = flexo_changes_ref (changes);
}

static FlexoShape *
add_shape (FlexoDocument *doc,
           FlexoDiagram  *diagram,
           double         x,
           double         y)
{
  g_autoptr(FlexoShape) shape = flexo_shape_new (doc, &FLEXO_RECT_INIT (x, y, 100, 50));

  flexo_diagram_add_item (diagram, shape);
  return shape;
}

static FlexoConnector *
add_connector (FlexoDocument *doc,
               FlexoDiagram  *diagram,
               FlexoShape    *a,
               FlexoShape    *b)
{
  g_autoptr(FlexoConnector) connector = flexo_connector_new (doc, a, b);

  flexo_diagram_add_item (diagram, connector);
  return connector;
}

static FlexoDiagram *
add_diagram (FlexoDocument *doc,
             const char    *name)
{
  g_autoptr(FlexoDiagram) diagram = flexo_diagram_new (doc, name);

  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  return diagram;
}

START_TEST (test_ids_unique_and_never_reused)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  FlexoDiagram *diagram;
  FlexoShape *a, *b, *c;
  guint id_b;

  flexo_document_begin (doc, "Add");
  diagram = add_diagram (doc, "D");
  a = add_shape (doc, diagram, 0, 0);
  b = add_shape (doc, diagram, 200, 0);
  flexo_document_commit (doc);

  ck_assert_uint_ne (flexo_object_get_id (FLEXO_OBJECT (a)), flexo_object_get_id (FLEXO_OBJECT (b)));
  ck_assert_ptr_eq (flexo_document_lookup (doc, flexo_object_get_id (FLEXO_OBJECT (b))), b);
  id_b = flexo_object_get_id (FLEXO_OBJECT (b));

  flexo_document_begin (doc, "Delete");
  ck_assert (flexo_document_delete (doc, FLEXO_OBJECT (b), NULL));
  flexo_document_commit (doc);
  ck_assert_ptr_null (flexo_document_lookup (doc, id_b));

  flexo_document_begin (doc, "Add");
  c = add_shape (doc, diagram, 400, 0);
  flexo_document_commit (doc);
  ck_assert_uint_gt (flexo_object_get_id (FLEXO_OBJECT (c)), id_b);

  {
    g_autofree char *id = flexo_object_dup_id_string (FLEXO_OBJECT (c));
    ck_assert (g_str_has_prefix (id, "s"));
  }
}
END_TEST

START_TEST (test_undo_redo_labels_and_modified)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  FlexoDiagram *diagram;
  FlexoShape *shape;

  ck_assert (!flexo_document_get_modified (doc));
  ck_assert (!flexo_document_can_undo (doc));

  flexo_document_begin (doc, "Add Shape");
  diagram = add_diagram (doc, "D");
  shape = add_shape (doc, diagram, 10, 10);
  flexo_document_commit (doc);
  flexo_document_set_saved (doc);
  ck_assert (!flexo_document_get_modified (doc));

  flexo_document_begin (doc, "Move");
  flexo_shape_move_by (shape, 5, 7);
  flexo_document_commit (doc);

  ck_assert (flexo_document_get_modified (doc));
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Move");
  ck_assert_double_eq (flexo_shape_get_bounds (shape)->x, 15);

  ck_assert (flexo_document_undo (doc));
  ck_assert_double_eq (flexo_shape_get_bounds (shape)->x, 10);
  ck_assert_double_eq (flexo_shape_get_bounds (shape)->y, 10);
  ck_assert (!flexo_document_get_modified (doc));
  ck_assert_str_eq (flexo_document_get_redo_label (doc), "Move");
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Add Shape");

  ck_assert (flexo_document_redo (doc));
  ck_assert_double_eq (flexo_shape_get_bounds (shape)->y, 17);
  ck_assert (flexo_document_get_modified (doc));

  /* Undo everything: the shape and diagram are gone, then back. */
  ck_assert (flexo_document_undo (doc));
  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (flexo_document_get_diagrams (doc)->len, 0);
  ck_assert (!flexo_object_is_live (FLEXO_OBJECT (shape)));
  ck_assert (flexo_document_get_modified (doc));
  ck_assert (!flexo_document_undo (doc));
  ck_assert (flexo_document_redo (doc));
  ck_assert_uint_eq (flexo_document_get_diagrams (doc)->len, 1);
  ck_assert (flexo_object_is_live (FLEXO_OBJECT (shape)));
  ck_assert_double_eq (flexo_shape_get_bounds (shape)->x, 10);
  ck_assert (!flexo_document_get_modified (doc));
}
END_TEST

/* A shape's free form: undoable, kept to 8 digits, read from path data
 * only when it is path data. */
START_TEST (test_shape_form)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(FlexoPath) form = flexo_path_new ();
  FlexoDiagram *diagram;
  FlexoShape *shape;
  guint n;

  flexo_document_begin (doc, "Add Shape");
  diagram = add_diagram (doc, "D");
  shape = add_shape (doc, diagram, 10, 10);
  flexo_document_commit (doc);
  ck_assert_ptr_null (flexo_shape_get_form (shape));

  flexo_path_move_to (form, 0, 0);
  flexo_path_line_to (form, 1, 1.0 / 3);
  flexo_path_line_to (form, 0, 1);
  flexo_document_begin (doc, "Form");
  flexo_shape_set_form (shape, form);
  flexo_document_commit (doc);
  ck_assert_str_eq (flexo_shape_get_form_data (shape), "M 0 0 L 1 0.33333333 L 0 1");
  ck_assert_uint_eq (flexo_path_get_n_ops (flexo_shape_get_form (shape)), 3);
  ck_assert_double_eq (flexo_path_get_points (flexo_shape_get_form (shape), &n)[1].y, 0.33333333);

  /* The same form again: nothing to undo. */
  flexo_document_begin (doc, "Same");
  flexo_shape_set_form (shape, form);
  flexo_document_commit (doc);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Form");

  ck_assert (flexo_document_undo (doc));
  ck_assert_ptr_null (flexo_shape_get_form (shape));
  ck_assert_ptr_null (flexo_shape_get_form_data (shape));
  ck_assert (flexo_document_redo (doc));
  ck_assert_uint_eq (flexo_path_get_n_ops (flexo_shape_get_form (shape)), 3);

  flexo_document_begin (doc, "Other");
  {
    g_autoptr(FlexoPath) other = flexo_path_new_from_data ("M 0 0 L 1 0 L 1 1 Z", NULL);

    flexo_shape_set_form (shape, other);
  }
  flexo_document_commit (doc);
  ck_assert_uint_eq (flexo_path_get_n_ops (flexo_shape_get_form (shape)), 4);
  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (flexo_path_get_n_ops (flexo_shape_get_form (shape)), 3);

  /* An empty path is no form. */
  flexo_path_clear (form);
  flexo_document_begin (doc, "None");
  flexo_shape_set_form (shape, form);
  flexo_document_commit (doc);
  ck_assert_ptr_null (flexo_shape_get_form (shape));
}
END_TEST

START_TEST (test_new_branch_makes_saved_point_unreachable)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  FlexoDiagram *diagram;
  FlexoShape *shape;

  flexo_document_begin (doc, "Add");
  diagram = add_diagram (doc, "D");
  shape = add_shape (doc, diagram, 0, 0);
  flexo_document_commit (doc);

  flexo_document_begin (doc, "Move");
  flexo_shape_move_by (shape, 1, 0);
  flexo_document_commit (doc);
  flexo_document_set_saved (doc);

  ck_assert (flexo_document_undo (doc));
  flexo_document_begin (doc, "Move");
  flexo_shape_move_by (shape, 0, 1);
  flexo_document_commit (doc);

  ck_assert (!flexo_document_can_redo (doc));
  ck_assert (flexo_document_get_modified (doc));
  ck_assert (flexo_document_undo (doc));
  ck_assert (flexo_document_get_modified (doc));
}
END_TEST

START_TEST (test_one_notification_per_commit)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  ChangedLog log = { 0 };
  FlexoDiagram *diagram;
  FlexoShape *a, *b;

  g_signal_connect (doc, "changed", G_CALLBACK (on_changed), &log);

  flexo_document_begin (doc, "Add");
  diagram = add_diagram (doc, "D");
  a = add_shape (doc, diagram, 0, 0);
  b = add_shape (doc, diagram, 0, 100);
  ck_assert_uint_eq (log.n_signals, 0);
  flexo_document_commit (doc);
  ck_assert_uint_eq (log.n_signals, 1);

  flexo_document_begin (doc, "Move");
  flexo_shape_move_by (a, 1, 1);
  flexo_shape_move_by (b, 1, 1);
  flexo_document_commit (doc);
  ck_assert_uint_eq (log.n_signals, 2);
  ck_assert_uint_eq (flexo_changes_get_n_objects (log.last), 2);
  ck_assert (flexo_changes_get (log.last, FLEXO_OBJECT (a)) & FLEXO_CHANGE_FIELD (FLEXO_FIELD_BOUNDS));
  ck_assert (!flexo_changes_contains (log.last, FLEXO_OBJECT (diagram)));

  /* An empty transaction notifies nothing and adds no history entry. */
  flexo_document_begin (doc, "Nothing");
  flexo_shape_move_by (a, 0, 0);
  flexo_document_commit (doc);
  ck_assert_uint_eq (log.n_signals, 2);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Move");

  flexo_document_undo (doc);
  ck_assert_uint_eq (log.n_signals, 3);
  ck_assert (flexo_changes_contains (log.last, FLEXO_OBJECT (b)));

  g_clear_pointer (&log.last, flexo_changes_unref);
}
END_TEST

START_TEST (test_drag_merges_into_one_entry)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  FlexoDiagram *diagram;
  FlexoShape *shape;

  flexo_document_begin (doc, "Add");
  diagram = add_diagram (doc, "D");
  shape = add_shape (doc, diagram, 0, 0);
  flexo_document_commit (doc);

  for (int i = 0; i < 20; i++)
    {
      flexo_document_begin_merge (doc, "Move", "drag");
      flexo_shape_move_by (shape, 2, 1);
      flexo_document_commit (doc);
    }
  flexo_document_end_merge (doc);

  ck_assert_uint_eq (flexo_document_get_history_length (doc), 2);
  ck_assert_double_eq (flexo_shape_get_bounds (shape)->x, 40);

  /* A second drag is a second entry. */
  flexo_document_begin_merge (doc, "Move", "drag");
  flexo_shape_move_by (shape, 1, 0);
  flexo_document_commit (doc);
  ck_assert_uint_eq (flexo_document_get_history_length (doc), 3);

  flexo_document_undo (doc);
  ck_assert_double_eq (flexo_shape_get_bounds (shape)->x, 40);
  flexo_document_undo (doc);
  ck_assert_double_eq (flexo_shape_get_bounds (shape)->x, 0);
  ck_assert_double_eq (flexo_shape_get_bounds (shape)->y, 0);
  flexo_document_redo (doc);
  ck_assert_double_eq (flexo_shape_get_bounds (shape)->y, 20);
}
END_TEST

START_TEST (test_rollback_restores_everything)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  FlexoDiagram *diagram;
  FlexoShape *shape;

  flexo_document_begin (doc, "Add");
  diagram = add_diagram (doc, "D");
  shape = add_shape (doc, diagram, 0, 0);
  flexo_document_commit (doc);

  flexo_document_begin (doc, "Try");
  flexo_shape_set_text (shape, "hello");
  add_shape (doc, diagram, 50, 50);
  flexo_document_rollback (doc);

  ck_assert_ptr_null (flexo_shape_get_text (shape));
  ck_assert_uint_eq (flexo_diagram_get_items (diagram)->len, 1);
  ck_assert_uint_eq (flexo_document_get_history_length (doc), 1);
  ck_assert (!flexo_document_in_transaction (doc));
}
END_TEST

START_TEST (test_deleting_shape_deletes_connectors)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  FlexoDiagram *diagram;
  FlexoShape *a, *b, *c;
  FlexoConnector *ab, *bc, *ca;

  flexo_document_begin (doc, "Add");
  diagram = add_diagram (doc, "D");
  a = add_shape (doc, diagram, 0, 0);
  b = add_shape (doc, diagram, 200, 0);
  c = add_shape (doc, diagram, 400, 0);
  ab = add_connector (doc, diagram, a, b);
  bc = add_connector (doc, diagram, b, c);
  ca = add_connector (doc, diagram, c, a);
  flexo_document_commit (doc);

  ck_assert_uint_eq (flexo_shape_get_connectors (b)->len, 2);

  flexo_document_begin (doc, "Delete");
  ck_assert (flexo_document_delete (doc, FLEXO_OBJECT (b), NULL));
  flexo_document_commit (doc);

  ck_assert (!flexo_object_is_live (FLEXO_OBJECT (ab)));
  ck_assert (!flexo_object_is_live (FLEXO_OBJECT (bc)));
  ck_assert (flexo_object_is_live (FLEXO_OBJECT (ca)));
  ck_assert_uint_eq (flexo_diagram_get_items (diagram)->len, 3);
  ck_assert_uint_eq (flexo_shape_get_connectors (a)->len, 1);

  flexo_document_undo (doc);
  ck_assert_uint_eq (flexo_diagram_get_items (diagram)->len, 6);
  ck_assert_uint_eq (flexo_shape_get_connectors (a)->len, 2);
  ck_assert_uint_eq (flexo_shape_get_connectors (b)->len, 2);
  ck_assert_ptr_eq (g_ptr_array_index (flexo_diagram_get_items (diagram), 1), b);
}
END_TEST

START_TEST (test_concept_with_instances_is_refused)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(FlexoConcept) actor = flexo_concept_new (doc, "Actor");
  g_autoptr(FlexoInstance) alice = flexo_instance_new (doc, actor);
  g_autoptr(GError) error = NULL;

  flexo_document_begin (doc, "Add");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (actor));
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (alice));
  flexo_document_commit (doc);

  ck_assert_uint_eq (flexo_concept_get_n_instances (actor), 1);

  flexo_document_begin (doc, "Delete");
  ck_assert (!flexo_document_delete (doc, FLEXO_OBJECT (actor), &error));
  flexo_document_commit (doc);
  ck_assert (g_error_matches (error, FLEXO_ERROR, FLEXO_ERROR_REFUSED));
  ck_assert_msg (strstr (error->message, "Actor") != NULL, "%s", error->message);
  ck_assert (flexo_object_is_live (FLEXO_OBJECT (actor)));

  flexo_document_begin (doc, "Delete");
  ck_assert (flexo_document_delete (doc, FLEXO_OBJECT (alice), NULL));
  ck_assert (flexo_document_delete (doc, FLEXO_OBJECT (actor), NULL));
  flexo_document_commit (doc);
  ck_assert_uint_eq (flexo_document_get_concepts (doc)->len, 0);

  flexo_document_undo (doc);
  ck_assert_uint_eq (flexo_concept_get_n_instances (actor), 1);
}
END_TEST

static const char *
lookup_table (const char *name,
              gpointer    table)
{
  return g_hash_table_lookup (table, name);
}

START_TEST (test_label_templates)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  static const struct { const char *template, *expected; } cases[] = {
    { "{name}", "P1" },
    { "{name} ({tokens})", "P1 (3)" },
    { "{ name }:{tokens}", "P1:3" },
    { "{missing}!", "!" },
    { "{{name}}", "{name}" },
    { "a }} b {{", "a } b {" },
    { "open {name", "open {name" },
    { "", "" },
    { "plain", "plain" },
    { "{name}{name}", "P1P1" },
  };

  g_hash_table_insert (values, "name", "P1");
  g_hash_table_insert (values, "tokens", "3");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = flexo_label_template_expand (cases[i].template, lookup_table, values);

      ck_assert_msg (g_strcmp0 (out, cases[i].expected) == 0, "“%s” gave “%s”, not “%s”",
                     cases[i].template, out, cases[i].expected);
    }
}
END_TEST

/* A template naming an inherited property, followed live; without a
 * template the name shows, else the concept's name. */
START_TEST (test_label_template_of_an_instance)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(FlexoConcept) node = flexo_concept_new (doc, "Node");
  g_autoptr(FlexoConcept) place = flexo_concept_new (doc, "Place");
  g_autoptr(FlexoProperty) name = flexo_property_new (doc, "name", FLEXO_PROPERTY_STRING);
  g_autoptr(FlexoProperty) tokens = flexo_property_new (doc, "tokens", FLEXO_PROPERTY_INTEGER);
  g_autoptr(FlexoInstance) p1 = flexo_instance_new (doc, place);
  g_autoptr(GPtrArray) parents = g_ptr_array_new ();
  g_autofree char *label = NULL;

  flexo_document_begin (doc, "Model");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (node));
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (place));
  flexo_concept_add_property (node, name);
  flexo_concept_add_property (place, tokens);
  g_ptr_array_add (parents, node);
  flexo_concept_set_parents (place, parents);
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (p1));
  flexo_document_commit (doc);

  label = flexo_instance_dup_label (p1);
  ck_assert_str_eq (label, "Place");
  flexo_document_begin (doc, "Set");
  flexo_instance_set_value (p1, name, "P1");
  flexo_concept_set_label (place, "{name} ({tokens})");
  flexo_document_commit (doc);
  g_free (label);
  label = flexo_instance_dup_label (p1);
  ck_assert_str_eq (label, "P1 ()");
  flexo_document_begin (doc, "Set");
  flexo_instance_set_value (p1, tokens, "2");
  flexo_document_commit (doc);
  g_free (label);
  label = flexo_instance_dup_label (p1);
  ck_assert_str_eq (label, "P1 (2)");

  /* Undo of the template: the name alone again. */
  ck_assert (flexo_document_undo (doc));
  ck_assert (flexo_document_undo (doc));
  g_free (label);
  label = flexo_instance_dup_label (p1);
  ck_assert_str_eq (label, "Place");
}
END_TEST

START_TEST (test_instance_in_two_diagrams)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(FlexoConcept) actor = flexo_concept_new (doc, "Actor");
  g_autoptr(FlexoProperty) name = flexo_property_new (doc, "name", FLEXO_PROPERTY_STRING);
  g_autoptr(FlexoInstance) alice = flexo_instance_new (doc, actor);
  g_autofree char *label = NULL;
  FlexoDiagram *d1, *d2;
  FlexoShape *s1, *s2;

  flexo_document_begin (doc, "Model");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (actor));
  flexo_concept_add_property (actor, name);
  flexo_concept_set_label (actor, "{name} ({{actor}})");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (alice));
  flexo_instance_set_value (alice, name, "Alice");
  d1 = add_diagram (doc, "One");
  d2 = add_diagram (doc, "Two");
  s1 = add_shape (doc, d1, 0, 0);
  s2 = add_shape (doc, d2, 0, 0);
  flexo_shape_set_instance (s1, alice);
  flexo_shape_set_instance (s2, alice);
  flexo_document_commit (doc);

  ck_assert_uint_eq (flexo_instance_get_views (alice)->len, 2);
  label = flexo_shape_dup_label (s2);
  ck_assert_str_eq (label, "Alice ({actor})");

  flexo_document_begin (doc, "Rename");
  flexo_instance_set_value (alice, name, "Alicia");
  flexo_document_commit (doc);
  g_free (label);
  label = flexo_shape_dup_label (s1);
  ck_assert_str_eq (label, "Alicia ({actor})");

  /* Deleting the instance deletes both views; undo brings them back. */
  flexo_document_begin (doc, "Delete");
  ck_assert (flexo_document_delete (doc, FLEXO_OBJECT (alice), NULL));
  flexo_document_commit (doc);
  ck_assert_uint_eq (flexo_diagram_get_items (d1)->len, 0);
  ck_assert_uint_eq (flexo_diagram_get_items (d2)->len, 0);
  flexo_document_undo (doc);
  ck_assert_uint_eq (flexo_diagram_get_items (d2)->len, 1);
  ck_assert_uint_eq (flexo_instance_get_views (alice)->len, 2);
}
END_TEST

START_TEST (test_container_moves_children)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  FlexoDiagram *diagram;
  FlexoShape *frame, *inner;

  flexo_document_begin (doc, "Add");
  diagram = add_diagram (doc, "D");
  frame = add_shape (doc, diagram, 0, 0);
  inner = add_shape (doc, diagram, 10, 10);
  flexo_shape_set_parent (inner, frame);
  flexo_document_commit (doc);

  flexo_document_begin (doc, "Move");
  flexo_shape_move_by (frame, 100, 0);
  flexo_document_commit (doc);
  ck_assert_double_eq (flexo_shape_get_bounds (inner)->x, 110);

  flexo_document_undo (doc);
  ck_assert_double_eq (flexo_shape_get_bounds (inner)->x, 10);
  flexo_document_undo (doc);
  ck_assert_ptr_null (flexo_shape_get_parent (inner));
}
END_TEST

START_TEST (test_spatial_index_follows_edits)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  FlexoDiagram *diagram;
  FlexoShape *a, *b;

  flexo_document_begin (doc, "Add");
  diagram = add_diagram (doc, "D");
  a = add_shape (doc, diagram, 0, 0);
  b = add_shape (doc, diagram, 50, 25);
  flexo_document_commit (doc);

  /* Overlap: the topmost (last) wins. */
  ck_assert_ptr_eq (flexo_diagram_shape_at (diagram, (FlexoPoint) { 60, 30 }, 0), b);
  ck_assert_ptr_eq (flexo_diagram_shape_at (diagram, (FlexoPoint) { 5, 5 }, 0), a);
  ck_assert_ptr_null (flexo_diagram_shape_at (diagram, (FlexoPoint) { 500, 500 }, 0));

  flexo_document_begin (doc, "Move");
  flexo_shape_move_by (b, 1000, 0);
  flexo_document_commit (doc);
  ck_assert_ptr_eq (flexo_diagram_shape_at (diagram, (FlexoPoint) { 60, 30 }, 0), a);
  ck_assert_ptr_eq (flexo_diagram_shape_at (diagram, (FlexoPoint) { 1060, 30 }, 0), b);

  flexo_document_undo (doc);
  ck_assert_ptr_eq (flexo_diagram_shape_at (diagram, (FlexoPoint) { 60, 30 }, 0), b);

  flexo_document_undo (doc);
  ck_assert_uint_eq (flexo_spatial_index_n_items (flexo_diagram_get_index (diagram)), 0);
}
END_TEST

/* The connector index holds each live connector by its route hint,
 * widened for its labels. */
static void
assert_connector_indexed (FlexoDiagram   *diagram,
                          FlexoConnector *connector)
{
  FlexoRect got, hint = flexo_connector_get_route_hint (connector);

  ck_assert (flexo_spatial_index_get_bounds (flexo_diagram_get_connector_index (diagram), connector, &got));
  if (flexo_connector_get_label (connector, FLEXO_LABEL_MIDDLE) == NULL)
    ck_assert (got.x == hint.x && got.y == hint.y && got.width == hint.width && got.height == hint.height);
  else
    ck_assert (flexo_rect_contains_rect (&got, &hint) && got.width > hint.width);
}

START_TEST (test_connector_index_follows_edits)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(FlexoDocument) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  FlexoDiagram *diagram;
  FlexoConnector *c;
  FlexoShape *a, *b;
  FlexoPoint bend = { 500, 500 };

  flexo_document_begin (doc, "Add");
  diagram = add_diagram (doc, "D");
  a = add_shape (doc, diagram, 0, 0);
  b = add_shape (doc, diagram, 300, 0);
  c = flexo_connector_new (doc, a, b);
  flexo_diagram_add_item (diagram, c);
  g_object_unref (c);
  flexo_document_commit (doc);
  assert_connector_indexed (diagram, c);

  /* Its end moves, it gets a waypoint, a label: the index follows. */
  flexo_document_begin (doc, "Move");
  flexo_shape_move_by (b, 1000, 200);
  flexo_document_commit (doc);
  assert_connector_indexed (diagram, c);
  {
    g_autoptr(GPtrArray) found = flexo_spatial_index_query_point_all (flexo_diagram_get_connector_index (diagram),
                                                                      (FlexoPoint) { 1300, 200 }, 0);

    ck_assert_uint_eq (found->len, 1);
  }
  flexo_document_begin (doc, "Bend");
  flexo_connector_set_waypoints (c, &bend, 1);
  flexo_connector_set_label (c, FLEXO_LABEL_MIDDLE, "a rather long label");
  flexo_document_commit (doc);
  assert_connector_indexed (diagram, c);

  /* Undo and redo, and a reload, keep it right. */
  flexo_document_undo (doc);
  assert_connector_indexed (diagram, c);
  flexo_document_undo (doc);
  assert_connector_indexed (diagram, c);
  flexo_document_redo (doc);
  flexo_document_redo (doc);
  bytes = flexo_native_save_bytes (doc);
  reread = flexo_native_load_bytes (bytes, "reread", NULL);
  ck_assert_ptr_nonnull (reread);
  {
    FlexoDiagram *d2 = g_ptr_array_index (flexo_document_get_diagrams (reread), 0);
    FlexoConnector *c2 = g_ptr_array_index (flexo_diagram_get_items (d2), 2);

    assert_connector_indexed (d2, c2);
  }

  /* Deleted, it leaves the index. */
  flexo_document_begin (doc, "Delete");
  ck_assert (flexo_document_delete (doc, FLEXO_OBJECT (a), NULL));
  flexo_document_commit (doc);
  ck_assert_uint_eq (flexo_spatial_index_n_items (flexo_diagram_get_connector_index (diagram)), 0);
  flexo_document_undo (doc);
  assert_connector_indexed (diagram, c);
}
END_TEST

START_TEST (test_set_unsaved)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  FlexoDiagram *diagram;

  flexo_document_begin (doc, "Add");
  diagram = add_diagram (doc, "D");
  add_shape (doc, diagram, 0, 0);
  flexo_document_commit (doc);
  flexo_document_clear_history (doc);
  flexo_document_set_saved (doc);
  ck_assert (!flexo_document_get_modified (doc));

  /* Recovered work: modified, and undo and redo do not change that. */
  flexo_document_set_unsaved (doc);
  ck_assert (flexo_document_get_modified (doc));
  flexo_document_begin (doc, "Move");
  flexo_shape_move_by (g_ptr_array_index (flexo_diagram_get_items (diagram), 0), 10, 0);
  flexo_document_commit (doc);
  ck_assert (flexo_document_undo (doc));
  ck_assert (flexo_document_get_modified (doc));
  flexo_document_set_saved (doc);
  ck_assert (!flexo_document_get_modified (doc));
}
END_TEST

static void
remember_changes (FlexoDocument *doc,
                  FlexoChanges  *changes,
                  gboolean      *only_views)
{
  *only_views = flexo_changes_only_views (changes);
}

START_TEST (test_changes_of_views_only)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(FlexoConcept) concept = flexo_concept_new (doc, "C");
  g_autoptr(FlexoInstance) instance = NULL;
  FlexoDiagram *diagram;
  FlexoShape *shape;
  gboolean only_views = FALSE;

  flexo_document_begin (doc, "Add");
  diagram = add_diagram (doc, "D");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (concept));
  flexo_document_commit (doc);
  g_signal_connect (doc, "changed", G_CALLBACK (remember_changes), &only_views);

  /* Shapes added and moved: views only. */
  flexo_document_begin (doc, "Shape");
  shape = add_shape (doc, diagram, 0, 0);
  flexo_document_commit (doc);
  ck_assert (only_views);
  flexo_document_begin (doc, "Move");
  flexo_shape_move_by (shape, 5, 5);
  flexo_document_commit (doc);
  ck_assert (only_views);

  /* A diagram renamed, an instance added: not only views. */
  flexo_document_begin (doc, "Rename");
  flexo_diagram_set_name (diagram, "E");
  flexo_document_commit (doc);
  ck_assert (!only_views);
  instance = flexo_instance_new (doc, concept);
  flexo_document_begin (doc, "Instance");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (instance));
  flexo_document_commit (doc);
  ck_assert (!only_views);
  /* Undoing a move is a view change again. */
  ck_assert (flexo_document_undo (doc));
  ck_assert (!only_views);
  ck_assert (flexo_document_undo (doc));
  ck_assert (!only_views);
  ck_assert (flexo_document_undo (doc));
  ck_assert (only_views);
}
END_TEST

typedef struct
{
  GPtrArray *objects;
  GArray    *lists;  /* gboolean */
  GType      first_type;
} ChangeSeen;

static gboolean
seen_change (gpointer object,
             guint    id,
             GType    type,
             gboolean list,
             gpointer user_data)
{
  ChangeSeen *seen = user_data;

  if (seen->objects->len == 0)
    seen->first_type = type;
  ck_assert_uint_eq (id, flexo_object_get_id (object));
  g_ptr_array_add (seen->objects, object);
  g_array_append_val (seen->lists, list);
  return TRUE;
}

static gboolean
stop_at_once (gpointer object,
              guint    id,
              GType    type,
              gboolean list,
              gpointer user_data)
{
  (*(guint *) user_data)++;
  return FALSE;
}

/* The model remembers its last changes, oldest first, done, undone and
 * redone; not those too far back. */
START_TEST (test_changes_since_a_revision)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  g_autoptr(GArray) lists = g_array_new (FALSE, FALSE, sizeof (gboolean));
  ChangeSeen seen = { objects, lists, 0 };
  FlexoDiagram *diagram;
  FlexoShape *shape;
  guint before, calls = 0;

  flexo_document_begin (doc, "Add");
  diagram = add_diagram (doc, "D");
  shape = add_shape (doc, diagram, 0, 0);
  flexo_document_commit (doc);

  before = flexo_model_get_revision ();
  ck_assert (flexo_model_foreach_change_since (before, seen_change, &seen));
  ck_assert_uint_eq (objects->len, 0);

  flexo_document_begin (doc, "Move");
  flexo_shape_move_by (shape, 10, 0);
  flexo_document_commit (doc);
  flexo_document_begin (doc, "Rename");
  flexo_diagram_set_name (diagram, "E");
  flexo_document_commit (doc);
  ck_assert (flexo_document_undo (doc));
  flexo_document_begin (doc, "Add");
  add_shape (doc, diagram, 200, 0);
  flexo_document_commit (doc);

  ck_assert (flexo_model_foreach_change_since (before, seen_change, &seen));
  ck_assert_uint_eq (objects->len, flexo_model_get_revision () - before);
  ck_assert_uint_ge (objects->len, 4);
  ck_assert_ptr_eq (g_ptr_array_index (objects, 0), shape);
  ck_assert (seen.first_type == FLEXO_TYPE_SHAPE);
  ck_assert (!g_array_index (lists, gboolean, 0));
  ck_assert_ptr_eq (g_ptr_array_index (objects, 1), diagram);
  ck_assert_ptr_eq (g_ptr_array_index (objects, 2), diagram);  /* undone */
  /* The new shape entered the diagram's list, last. */
  ck_assert_ptr_eq (g_ptr_array_index (objects, objects->len - 1), diagram);
  ck_assert (g_array_index (lists, gboolean, objects->len - 1));

  /* The callback may stop. */
  ck_assert (flexo_model_foreach_change_since (before, stop_at_once, &calls));
  ck_assert_uint_eq (calls, 1);

  /* Thousands of changes later, those after @before are no longer all
   * known; the last ones are. */
  for (guint i = 0; i < 2000; i++)
    {
      flexo_document_begin (doc, "Move");
      flexo_shape_move_by (shape, 1, 0);
      flexo_document_commit (doc);
    }
  calls = 0;
  ck_assert (!flexo_model_foreach_change_since (before, stop_at_once, &calls));
  ck_assert_uint_eq (calls, 0);
  g_ptr_array_set_size (objects, 0);
  ck_assert (flexo_model_foreach_change_since (flexo_model_get_revision () - 100, seen_change, &seen));
  ck_assert_uint_eq (objects->len, 100);
  ck_assert_ptr_eq (g_ptr_array_index (objects, 99), shape);
  /* And none from the future. */
  ck_assert (!flexo_model_foreach_change_since (flexo_model_get_revision () + 1, stop_at_once, &calls));
}
END_TEST

static Suite *
document_suite (void)
{
  Suite *s = suite_create ("document");
  TCase *tc = tcase_create ("edits");

  tcase_add_test (tc, test_ids_unique_and_never_reused);
  tcase_add_test (tc, test_undo_redo_labels_and_modified);
  tcase_add_test (tc, test_shape_form);
  tcase_add_test (tc, test_new_branch_makes_saved_point_unreachable);
  tcase_add_test (tc, test_one_notification_per_commit);
  tcase_add_test (tc, test_drag_merges_into_one_entry);
  tcase_add_test (tc, test_rollback_restores_everything);
  tcase_add_test (tc, test_deleting_shape_deletes_connectors);
  tcase_add_test (tc, test_concept_with_instances_is_refused);
  tcase_add_test (tc, test_label_templates);
  tcase_add_test (tc, test_label_template_of_an_instance);
  tcase_add_test (tc, test_instance_in_two_diagrams);
  tcase_add_test (tc, test_container_moves_children);
  tcase_add_test (tc, test_spatial_index_follows_edits);
  tcase_add_test (tc, test_connector_index_follows_edits);
  tcase_add_test (tc, test_set_unsaved);
  tcase_add_test (tc, test_changes_of_views_only);
  tcase_add_test (tc, test_changes_since_a_revision);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return flexo_test_run (document_suite ());
}
