/* test-conceptualize.c — free modelling: from a drawing to a model
 *
 * A workshop's drawing: four yellow notes (people), three blue boxes
 * (tasks), dashed connectors from people to tasks and one solid
 * connector between two tasks. Each step is checked on the model, then
 * undone back to the drawing, byte for byte.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "flexo-conceptualize.h"
#include "flexo-form.h"
#include "flexo-format.h"
#include "flexo-model.h"
#include "flexo-test.h"
#include "flexo-validate.h"

static FlexoDocument *doc;
static FlexoDiagram *diagram;
static FlexoShape *alice, *bob, *carol, *dave, *draft, *review, *publish;
static FlexoConnector *c1, *c2, *c3, *solid;
static GBytes *drawing;

static FlexoShape *
add_shape (FlexoShapeKind  kind,
           const char     *fill,
           const char     *text,
           double          x,
           double          w)
{
  g_autoptr(FlexoShape) shape = flexo_shape_new (doc, &FLEXO_RECT_INIT (x, 0, w, 60));
  g_autoptr(FlexoStyle) style = flexo_style_new ();

  flexo_style_set_shape_kind (style, kind);
  ck_assert (flexo_style_set_attribute (style, "fill", fill, NULL));
  flexo_shape_set_style (shape, style);
  flexo_shape_set_text (shape, text);
  flexo_diagram_add_item (diagram, shape);
  return shape;
}

static FlexoConnector *
add_connector (FlexoShape *from,
               FlexoShape *to,
               gboolean    dashed)
{
  g_autoptr(FlexoConnector) connector = flexo_connector_new (doc, from, to);

  if (dashed)
    {
      g_autoptr(FlexoStyle) style = flexo_style_new ();

      flexo_style_set_dash (style, FLEXO_DASH_DASHED);
      flexo_connector_set_style (connector, style);
    }
  flexo_diagram_add_item (diagram, connector);
  return connector;
}

static void
setup (void)
{
  g_autoptr(FlexoDiagram) d = NULL;

  doc = flexo_document_new ();
  d = flexo_diagram_new (doc, "Workshop");
  diagram = d;
  flexo_document_begin (doc, "Draw");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (d));
  alice = add_shape (FLEXO_SHAPE_NOTE, "#fff8c5", "Alice", 0, 100);
  draft = add_shape (FLEXO_SHAPE_RECTANGLE, "#dbeafe", "Draft", 200, 120);
  bob = add_shape (FLEXO_SHAPE_NOTE, "#fff8c5", "Bob", 400, 100);
  review = add_shape (FLEXO_SHAPE_RECTANGLE, "#dbeafe", "Review", 600, 120);
  carol = add_shape (FLEXO_SHAPE_NOTE, "#fff8c5", "Carol", 800, 100);
  publish = add_shape (FLEXO_SHAPE_RECTANGLE, "#dbeafe", "Publish", 1000, 120);
  /* Same look, another size. */
  dave = add_shape (FLEXO_SHAPE_NOTE, "#fff8c5", "Dave", 1200, 160);
  c1 = add_connector (alice, draft, TRUE);
  c2 = add_connector (bob, review, TRUE);
  c3 = add_connector (carol, publish, TRUE);
  solid = add_connector (draft, review, FALSE);
  flexo_document_commit (doc);
  flexo_document_clear_history (doc);
  drawing = flexo_native_save_bytes (doc);
}

static void
teardown (void)
{
  g_clear_pointer (&drawing, g_bytes_unref);
  g_clear_object (&doc);
}

/* Undoes everything: the document is the drawing again, byte for byte. */
static void
assert_undo_to_drawing (void)
{
  g_autoptr(GBytes) now = NULL;

  while (flexo_document_can_undo (doc))
    ck_assert (flexo_document_undo (doc));
  now = flexo_native_save_bytes (doc);
  ck_assert_msg (g_bytes_equal (now, drawing), "after undo:\n%.*s", (int) g_bytes_get_size (now),
                 (const char *) g_bytes_get_data (now, NULL));
}

static guint
count_of (GPtrArray  *looks,
          FlexoShape *example)
{
  for (guint i = 0; i < looks->len; i++)
    {
      FlexoUsedLook *look = g_ptr_array_index (looks, i);

      if (look->example == example)
        return look->count;
    }
  return 0;
}

static FlexoConcept *
conceptualize (FlexoShape *shape,
               const char *name,
               gboolean    alikes)
{
  g_autoptr(GPtrArray) shapes = alikes ? flexo_document_dup_look_alikes (doc, shape)
                                       : g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  FlexoConcept *concept;

  if (!alikes)
    g_ptr_array_add (shapes, g_object_ref (shape));
  flexo_document_begin (doc, "Create Concept");
  concept = flexo_conceptualize_shapes (doc, name, shapes, &error);
  flexo_document_commit (doc);
  ck_assert_msg (concept != NULL, "%s", error ? error->message : "");
  return concept;
}

/* --------------------------------------------------------------- tests -- */

START_TEST (test_used_looks)
{
  g_autoptr(GPtrArray) looks = flexo_document_dup_used_looks (doc);
  FlexoShape *circle;

  /* Two looks: the notes (sizes and texts do not count), the boxes. */
  ck_assert_uint_eq (looks->len, 2);
  ck_assert_uint_eq (count_of (looks, alice), 4);
  ck_assert_uint_eq (count_of (looks, draft), 3);
  ck_assert_int_eq (((FlexoUsedLook *) g_ptr_array_index (looks, 0))->look->shape_kind, FLEXO_SHAPE_NOTE);
  g_clear_pointer (&looks, g_ptr_array_unref);

  /* A new look comes with its first shape and goes with its last. */
  flexo_document_begin (doc, "Circle");
  circle = add_shape (FLEXO_SHAPE_CIRCLE, "#ff0000", NULL, 0, 50);
  flexo_document_commit (doc);
  looks = flexo_document_dup_used_looks (doc);
  ck_assert_uint_eq (looks->len, 3);
  ck_assert_uint_eq (count_of (looks, circle), 1);
  g_clear_pointer (&looks, g_ptr_array_unref);
  flexo_document_begin (doc, "Delete");
  ck_assert (flexo_document_delete (doc, FLEXO_OBJECT (circle), NULL));
  flexo_document_commit (doc);
  looks = flexo_document_dup_used_looks (doc);
  ck_assert_uint_eq (looks->len, 2);
  g_clear_pointer (&looks, g_ptr_array_unref);

  /* Conceptualized shapes leave it: they are in the concepts' palette. */
  conceptualize (alice, "Person", TRUE);
  looks = flexo_document_dup_used_looks (doc);
  ck_assert_uint_eq (looks->len, 1);
  ck_assert_uint_eq (count_of (looks, draft), 3);
  g_clear_pointer (&looks, g_ptr_array_unref);

  assert_undo_to_drawing ();
  looks = flexo_document_dup_used_looks (doc);
  ck_assert_uint_eq (looks->len, 2);
}
END_TEST

/* Free forms look alike when their outlines are the same too. */
START_TEST (test_free_forms_look_alike_by_outline)
{
  g_autoptr(GPtrArray) looks = NULL;
  g_autoptr(GPtrArray) alikes = NULL;
  g_autoptr(FlexoPath) triangle = flexo_path_new_from_data ("M 0.5 0 L 1 1 L 0 1 Z", NULL);
  g_autoptr(FlexoPath) star = flexo_path_new_from_data ("M 0.5 0 L 0.6 0.4 L 1 0.4 L 0.7 0.6 L 0.8 1 "
                                                        "L 0.5 0.75 L 0.2 1 L 0.3 0.6 L 0 0.4 L 0.4 0.4 Z", NULL);
  FlexoShape *t1, *t2, *s1;

  flexo_document_begin (doc, "Forms");
  t1 = add_shape (FLEXO_SHAPE_FREEFORM, "#ff0000", NULL, 0, 50);
  t2 = add_shape (FLEXO_SHAPE_FREEFORM, "#ff0000", NULL, 100, 80);
  s1 = add_shape (FLEXO_SHAPE_FREEFORM, "#ff0000", NULL, 200, 50);
  flexo_shape_set_form (t1, triangle);
  flexo_shape_set_form (t2, triangle);
  flexo_shape_set_form (s1, star);
  flexo_document_commit (doc);

  /* The notes, the boxes, the triangles, the star. */
  looks = flexo_document_dup_used_looks (doc);
  ck_assert_uint_eq (looks->len, 4);
  ck_assert_uint_eq (count_of (looks, t1), 2);
  ck_assert_uint_eq (count_of (looks, s1), 1);
  alikes = flexo_document_dup_look_alikes (doc, t1);
  ck_assert_uint_eq (alikes->len, 2);
  ck_assert_ptr_eq (g_ptr_array_index (alikes, 1), t2);
  g_clear_pointer (&alikes, g_ptr_array_unref);
  alikes = flexo_document_dup_look_alikes (doc, s1);
  ck_assert_uint_eq (alikes->len, 1);

  /* Made a concept, the triangles' form is the one to draw more of. */
  {
    FlexoConcept *triangle_concept = conceptualize (t1, "Risk", TRUE);
    g_autofree char *data = NULL;

    ck_assert_uint_eq (flexo_concept_get_instances (triangle_concept)->len, 2);
    ck_assert_ptr_nonnull (flexo_concept_find_form (triangle_concept));
    data = flexo_path_to_data (flexo_concept_find_form (triangle_concept), 8);
    ck_assert_str_eq (data, "M 0.5 0 L 1 1 L 0 1 Z");
    /* Its shapes keep their own outline. */
    ck_assert_str_eq (flexo_shape_get_form_data (t2), "M 0.5 0 L 1 1 L 0 1 Z");
  }
}
END_TEST

START_TEST (test_conceptualize_shape_and_look_alikes)
{
  g_autofree char *look_before = flexo_shape_dup_look_key (dave);
  g_autoptr(GPtrArray) alikes = flexo_document_dup_look_alikes (doc, bob);
  FlexoConcept *person;
  g_autoptr(GError) error = NULL;

  /* Bob first, then the other notes, whatever their size. */
  ck_assert_uint_eq (alikes->len, 4);
  ck_assert_ptr_eq (g_ptr_array_index (alikes, 0), bob);
  ck_assert (g_ptr_array_find (alikes, dave, NULL));
  ck_assert (!g_ptr_array_find (alikes, draft, NULL));

  person = conceptualize (bob, "Person", TRUE);
  ck_assert_uint_eq (flexo_document_get_concepts (doc)->len, 1);
  ck_assert_uint_eq (flexo_document_get_history_length (doc), 1);
  ck_assert_ptr_nonnull (flexo_concept_find_property (person, "name"));
  ck_assert_uint_eq (flexo_concept_get_instances (person)->len, 4);
  /* Each note is an instance named by its text, and looks as before. */
  for (FlexoShape **s = (FlexoShape *[]) { alice, bob, carol, dave, NULL }; *s != NULL; s++)
    {
      g_autofree char *label = flexo_shape_dup_label (*s);
      g_autofree char *look = flexo_shape_dup_look_key (*s);

      ck_assert_ptr_nonnull (flexo_shape_get_instance (*s));
      ck_assert_ptr_null (flexo_shape_get_style (*s));
      ck_assert_str_eq (look, look_before);
      ck_assert_str_eq (label, flexo_instance_get_value_by_name (flexo_shape_get_instance (*s), "name"));
    }
  ck_assert_str_eq (flexo_instance_get_value_by_name (flexo_shape_get_instance (carol), "name"), "Carol");
  ck_assert_ptr_null (flexo_shape_get_instance (draft));
  /* Restyling the concept restyles its shapes. */
  {
    g_autoptr(FlexoStyle) red = flexo_style_copy (flexo_concept_get_style (person));

    flexo_style_set_fill (red, 0xff0000ff);
    flexo_document_begin (doc, "Restyle");
    flexo_concept_set_style (person, red);
    flexo_document_commit (doc);
    {
      FlexoStyle resolved;

      flexo_shape_resolve_style (dave, &resolved);
      ck_assert_uint_eq (resolved.fill, 0xff0000ff);
    }
  }
  /* A second concept of that name is refused. */
  flexo_document_begin (doc, "Again");
  ck_assert_ptr_null (flexo_conceptualize_shapes (doc, "Person", alikes, &error));
  flexo_document_rollback (doc);
  ck_assert_error (error, FLEXO_ERROR, FLEXO_ERROR_REFUSED);
  {
    g_autoptr(GPtrArray) problems = flexo_document_validate (doc);

    ck_assert_uint_eq (problems->len, 0);
  }

  assert_undo_to_drawing ();
}
END_TEST

START_TEST (test_conceptualize_connectors)
{
  g_autoptr(GPtrArray) alikes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *look_before = flexo_connector_dup_look_key (c2);
  FlexoConcept *person, *task;
  FlexoRelation *does;

  /* Not before both ends are instances. */
  alikes = flexo_document_dup_connector_look_alikes (doc, c1);
  ck_assert_uint_eq (alikes->len, 0);
  g_clear_pointer (&alikes, g_ptr_array_unref);
  alikes = g_ptr_array_new ();
  g_ptr_array_add (alikes, c1);
  flexo_document_begin (doc, "Too early");
  ck_assert_ptr_null (flexo_conceptualize_connectors (doc, "does", alikes, &error));
  flexo_document_rollback (doc);
  ck_assert_error (error, FLEXO_ERROR, FLEXO_ERROR_REFUSED);
  g_clear_pointer (&alikes, g_ptr_array_unref);

  person = conceptualize (alice, "Person", TRUE);
  task = conceptualize (draft, "Task", TRUE);

  /* The dashed ones from people to tasks; not the solid one. */
  alikes = flexo_document_dup_connector_look_alikes (doc, c2);
  ck_assert_uint_eq (alikes->len, 3);
  ck_assert_ptr_eq (g_ptr_array_index (alikes, 0), c2);
  ck_assert (!g_ptr_array_find (alikes, solid, NULL));

  flexo_document_begin (doc, "Create Relation");
  does = flexo_conceptualize_connectors (doc, "does", alikes, &error);
  flexo_document_commit (doc);
  ck_assert_ptr_nonnull (does);
  ck_assert_ptr_eq (flexo_relation_get_source (does), person);
  ck_assert_ptr_eq (flexo_relation_get_target (does), task);
  ck_assert_uint_eq (flexo_relation_get_n_links (does), 3);
  for (FlexoConnector **c = (FlexoConnector *[]) { c1, c2, c3, NULL }; *c != NULL; c++)
    {
      g_autofree char *look = flexo_connector_dup_look_key (*c);
      FlexoLink *link = flexo_connector_get_link (*c);

      ck_assert_ptr_nonnull (link);
      ck_assert_ptr_eq (flexo_link_get_source (link), flexo_shape_get_instance (flexo_connector_get_source (*c)));
      ck_assert_ptr_eq (flexo_link_get_target (link), flexo_shape_get_instance (flexo_connector_get_target (*c)));
      ck_assert_str_eq (look, look_before);
    }
  ck_assert_ptr_null (flexo_connector_get_link (solid));
  {
    g_autoptr(GPtrArray) problems = flexo_document_validate (doc);

    ck_assert_uint_eq (problems->len, 0);
  }

  assert_undo_to_drawing ();
}
END_TEST

START_TEST (test_declare_instance_three_ways)
{
  FlexoConcept *person = conceptualize (alice, "Person", FALSE);
  g_autofree char *person_look = flexo_shape_dup_look_key (alice);
  g_autoptr(FlexoStyle) red = flexo_style_copy (flexo_shape_get_style (bob));
  g_autofree char *red_look = NULL;
  g_autofree char *look = NULL;

  /* Bob's note turns red first. */
  flexo_style_set_fill (red, 0xff0000ff);
  flexo_document_begin (doc, "Red");
  flexo_shape_set_style (bob, red);
  flexo_document_commit (doc);
  red_look = flexo_shape_dup_look_key (bob);
  ck_assert_str_ne (red_look, person_look);

  /* 1. He takes the concept's look. */
  flexo_document_begin (doc, "Declare");
  flexo_declare_instance (doc, bob, person, FLEXO_LOOK_TAKE_CONCEPT);
  flexo_document_commit (doc);
  look = flexo_shape_dup_look_key (bob);
  ck_assert_str_eq (look, person_look);
  ck_assert_str_eq (flexo_instance_get_value_by_name (flexo_shape_get_instance (bob), "name"), "Bob");
  ck_assert (flexo_document_undo (doc));
  g_free (look);
  look = flexo_shape_dup_look_key (bob);
  ck_assert_str_eq (look, red_look);
  ck_assert_ptr_null (flexo_shape_get_instance (bob));

  /* 2. The concept takes his: Alice turns red too. */
  flexo_document_begin (doc, "Declare");
  flexo_declare_instance (doc, bob, person, FLEXO_LOOK_REDEFINE_CONCEPT);
  flexo_document_commit (doc);
  g_free (look);
  look = flexo_shape_dup_look_key (alice);
  ck_assert_str_eq (look, red_look);
  g_free (look);
  look = flexo_shape_dup_look_key (bob);
  ck_assert_str_eq (look, red_look);
  ck_assert (flexo_document_undo (doc));
  g_free (look);
  look = flexo_shape_dup_look_key (alice);
  ck_assert_str_eq (look, person_look);

  /* 3. He keeps his own; Alice keeps the concept's, even when it
   * changes. */
  flexo_document_begin (doc, "Declare");
  flexo_declare_instance (doc, bob, person, FLEXO_LOOK_KEEP_OWN);
  flexo_document_commit (doc);
  g_free (look);
  look = flexo_shape_dup_look_key (bob);
  ck_assert_str_eq (look, red_look);
  g_free (look);
  look = flexo_shape_dup_look_key (alice);
  ck_assert_str_eq (look, person_look);
  ck_assert_uint_eq (flexo_concept_get_instances (person)->len, 2);

  assert_undo_to_drawing ();
}
END_TEST

START_TEST (test_add_property_from_instance)
{
  FlexoConcept *person = conceptualize (alice, "Person", TRUE);
  FlexoInstance *instance = flexo_shape_get_instance (bob);
  g_autoptr(GError) error = NULL;
  FlexoProperty *age;

  flexo_document_begin (doc, "Add Property");
  age = flexo_instance_add_new_property (doc, instance, "age", FLEXO_PROPERTY_INTEGER, "42", &error);
  flexo_document_commit (doc);
  ck_assert_ptr_nonnull (age);
  ck_assert_ptr_eq (flexo_concept_find_property (person, "age"), age);
  ck_assert_int_eq (flexo_property_get_value_type (age), FLEXO_PROPERTY_INTEGER);
  ck_assert_ptr_null (flexo_property_get_default (age));
  ck_assert_str_eq (flexo_instance_get_value (instance, age), "42");
  /* The others have none yet. */
  ck_assert_ptr_null (flexo_instance_get_value (flexo_shape_get_instance (alice), age));

  /* Taken, or not one word: refused. */
  flexo_document_begin (doc, "Again");
  ck_assert_ptr_null (flexo_instance_add_new_property (doc, instance, "age", FLEXO_PROPERTY_STRING, NULL, &error));
  ck_assert_error (error, FLEXO_ERROR, FLEXO_ERROR_REFUSED);
  g_clear_error (&error);
  ck_assert_ptr_null (flexo_instance_add_new_property (doc, instance, "first name", FLEXO_PROPERTY_STRING, NULL, &error));
  ck_assert_error (error, FLEXO_ERROR, FLEXO_ERROR_REFUSED);
  g_clear_error (&error);
  ck_assert_ptr_null (flexo_instance_add_new_property (doc, instance, "name", FLEXO_PROPERTY_STRING, NULL, &error));
  flexo_document_rollback (doc);

  assert_undo_to_drawing ();
}
END_TEST

START_TEST (test_new_editor_from_concepts)
{
  g_autoptr(GPtrArray) alikes = NULL;
  g_autoptr(FlexoDocument) editor = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GPtrArray *entries;
  double w, h;

  conceptualize (alice, "Person", TRUE);
  conceptualize (draft, "Task", TRUE);
  alikes = flexo_document_dup_connector_look_alikes (doc, c1);
  flexo_document_begin (doc, "Create Relation");
  ck_assert_ptr_nonnull (flexo_conceptualize_connectors (doc, "does", alikes, NULL));
  flexo_document_commit (doc);
  before = flexo_native_save_bytes (doc);

  editor = flexo_document_new_editor (doc, "Workshop language", "Diagram 1");
  ck_assert_ptr_nonnull (editor);
  /* The workshop's document is untouched. */
  after = flexo_native_save_bytes (doc);
  ck_assert (g_bytes_equal (before, after));
  ck_assert (!flexo_document_get_modified (editor));
  ck_assert (!flexo_document_can_undo (editor));
  ck_assert_uint_eq (flexo_document_get_concepts (editor)->len, 2);
  ck_assert_uint_eq (flexo_document_get_relations (editor)->len, 1);
  ck_assert_uint_eq (flexo_document_get_instances (editor)->len, 0);
  ck_assert_uint_eq (flexo_document_get_links (editor)->len, 0);
  ck_assert_uint_eq (flexo_document_get_diagrams (editor)->len, 1);
  ck_assert_uint_eq (flexo_diagram_get_items (g_ptr_array_index (flexo_document_get_diagrams (editor), 0))->len, 0);
  ck_assert_str_eq (flexo_diagram_get_name (g_ptr_array_index (flexo_document_get_diagrams (editor), 0)), "Diagram 1");
  /* One palette: the concepts sized as drawn, the relation. */
  ck_assert_uint_eq (flexo_document_get_palettes (editor)->len, 1);
  ck_assert_str_eq (flexo_palette_get_name (g_ptr_array_index (flexo_document_get_palettes (editor), 0)),
                    "Workshop language");
  entries = flexo_palette_get_entries (g_ptr_array_index (flexo_document_get_palettes (editor), 0));
  ck_assert_uint_eq (entries->len, 3);
  ck_assert_str_eq (flexo_concept_get_name (flexo_palette_entry_get_concept (g_ptr_array_index (entries, 0))), "Person");
  flexo_palette_entry_get_size (g_ptr_array_index (entries, 1), &w, &h);
  ck_assert_double_eq (w, 120);
  ck_assert_double_eq (h, 60);
  ck_assert_str_eq (flexo_relation_get_name (flexo_palette_entry_get_relation (g_ptr_array_index (entries, 2))), "does");
  /* Its concepts are its own, with the looks of the drawing. */
  ck_assert_ptr_eq (flexo_object_get_document (FLEXO_OBJECT (flexo_palette_entry_get_concept (g_ptr_array_index (entries, 0)))),
                    editor);
  ck_assert (flexo_style_equal (flexo_concept_get_style (g_ptr_array_index (flexo_document_get_concepts (editor), 0)),
                                flexo_concept_get_style (g_ptr_array_index (flexo_document_get_concepts (doc), 0))));
  /* An identity of its own, made when first needed. */
  ck_assert_ptr_null (flexo_document_get_uuid (editor));
  problems = flexo_document_validate (editor);
  ck_assert_uint_eq (problems->len, 0);

  assert_undo_to_drawing ();
}
END_TEST

static Suite *
conceptualize_suite (void)
{
  Suite *s = suite_create ("conceptualize");
  TCase *tc = tcase_create ("steps");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_used_looks);
  tcase_add_test (tc, test_free_forms_look_alike_by_outline);
  tcase_add_test (tc, test_conceptualize_shape_and_look_alikes);
  tcase_add_test (tc, test_conceptualize_connectors);
  tcase_add_test (tc, test_declare_instance_three_ways);
  tcase_add_test (tc, test_add_property_from_instance);
  tcase_add_test (tc, test_new_editor_from_concepts);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return flexo_test_run (conceptualize_suite ());
}
