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
add_diagram (FlexoDocument *doc,
             const char    *name)
{
  g_autoptr(FlexoDiagram) diagram = flexo_diagram_new (doc, name);

  flexo_document_begin (doc, "Add");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  flexo_document_commit (doc);
  flexo_document_clear_history (doc);
  return diagram;
}

static FlexoDiagram *
new_document_with_diagram (FlexoDocument **doc)
{
  *doc = flexo_document_new ();
  return add_diagram (*doc, "D");
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

static gpointer
item (FlexoDiagram *diagram,
      guint         index)
{
  return g_ptr_array_index (flexo_diagram_get_items (diagram), index);
}

/* Free items: box ⊃ A, B, C; A→B, B→C, a connector with both ends free
 * and a waypoint. */
typedef struct
{
  FlexoDocument  *doc;
  FlexoDiagram   *diagram;
  FlexoShape     *box, *a, *b, *c;
  FlexoConnector *ab, *bc, *loose;
} FreeItems;

static void
build_free_items (FreeItems *f)
{
  g_autoptr(FlexoConnector) loose = NULL;

  f->diagram = new_document_with_diagram (&f->doc);
  flexo_document_begin (f->doc, "Build");
  f->box = add_shape (f->doc, f->diagram, -10, "Box");
  f->a = add_shape (f->doc, f->diagram, 0, "A");
  f->ab = add_connector (f->doc, f->diagram, f->a, NULL);
  f->b = add_shape (f->doc, f->diagram, 200, "B");
  {
    g_autoptr(FlexoPath) form = flexo_path_new_from_data ("M 0.5 0 L 1 1 L 0 1 Z", NULL);

    flexo_shape_set_form (f->b, form);
  }
  flexo_connector_set_target (f->ab, f->b);
  f->c = add_shape (f->doc, f->diagram, 400, "C");
  flexo_shape_set_parent (f->a, f->box);
  f->bc = add_connector (f->doc, f->diagram, f->b, f->c);
  loose = flexo_connector_new (f->doc, NULL, NULL);
  flexo_connector_set_source_point (loose, FLEXO_POINT_INIT (0, 300));
  flexo_connector_set_target_point (loose, FLEXO_POINT_INIT (100, 300));
  flexo_connector_set_waypoints (loose, &FLEXO_POINT_INIT (50, 350), 1);
  flexo_diagram_add_item (f->diagram, loose);
  f->loose = loose;
  flexo_document_commit (f->doc);
}

/* Everything but C, given out of order and with a repeat. */
static GPtrArray *
free_selection (FreeItems *f)
{
  GPtrArray *items = g_ptr_array_new ();

  g_ptr_array_add (items, f->loose);
  g_ptr_array_add (items, f->b);
  g_ptr_array_add (items, f->bc);
  g_ptr_array_add (items, f->ab);
  g_ptr_array_add (items, f->a);
  g_ptr_array_add (items, f->box);
  g_ptr_array_add (items, f->a);
  return items;
}

START_TEST (test_copy_free_items)
{
  FreeItems f;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(FlexoDocument) fragment = NULL;
  g_autoptr(FlexoDocument) reread = NULL;
  g_autoptr(FlexoDocument) other = flexo_document_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  FlexoDiagram *fd;
  FlexoShape *box, *a, *b;
  FlexoConnector *ab, *loose;
  FlexoRect bounds;

  build_free_items (&f);
  items = free_selection (&f);
  fragment = flexo_fragment_new_from_items (f.diagram, items);
  ck_assert (!flexo_document_get_modified (fragment));
  ck_assert (!flexo_document_can_undo (fragment));

  /* Box, A, A→B, B and the loose connector, in their order; B→C is left
   * out, its end C is not copied. */
  fd = g_ptr_array_index (flexo_document_get_diagrams (fragment), 0);
  ck_assert_uint_eq (flexo_diagram_get_items (fd)->len, 5);
  box = item (fd, 0);
  a = item (fd, 1);
  ab = item (fd, 2);
  b = item (fd, 3);
  loose = item (fd, 4);
  ck_assert (FLEXO_IS_SHAPE (box) && FLEXO_IS_SHAPE (a) && FLEXO_IS_SHAPE (b));
  ck_assert (FLEXO_IS_CONNECTOR (ab) && FLEXO_IS_CONNECTOR (loose));
  ck_assert_str_eq (flexo_shape_get_text (box), "Box");
  ck_assert_str_eq (flexo_shape_get_text (a), "A");
  ck_assert_str_eq (flexo_shape_get_text (b), "B");
  ck_assert_str_eq (flexo_shape_get_form_data (b), "M 0.5 0 L 1 1 L 0 1 Z");
  ck_assert_ptr_null (flexo_shape_get_form_data (a));
  ck_assert_ptr_eq (flexo_shape_get_parent (a), box);
  ck_assert_ptr_eq (flexo_connector_get_source (ab), a);
  ck_assert_ptr_eq (flexo_connector_get_target (ab), b);
  ck_assert_str_eq (flexo_connector_get_label (ab, FLEXO_LABEL_MIDDLE), "uses");
  ck_assert_ptr_null (flexo_connector_get_source (loose));
  ck_assert_double_eq (flexo_connector_get_target_point (loose).x, 100);
  ck_assert_uint_eq (flexo_connector_get_waypoints (loose)->len, 1);
  ck_assert_double_eq (g_array_index (flexo_connector_get_waypoints (loose), FlexoPoint, 0).y, 350);
  /* The copies are the fragment's own, not the originals. */
  ck_assert_ptr_eq (flexo_object_get_document (FLEXO_OBJECT (a)), fragment);
  ck_assert_uint_eq (flexo_diagram_get_items (f.diagram)->len, 7);

  /* The source got an identity, which the fragment names. */
  ck_assert_ptr_nonnull (flexo_document_get_uuid (f.doc));
  ck_assert (g_uuid_string_is_valid (flexo_document_get_uuid (f.doc)));
  ck_assert_str_eq (flexo_document_get_origin (fragment), flexo_document_get_uuid (f.doc));
  ck_assert (flexo_fragment_comes_from (fragment, f.doc));
  ck_assert (!flexo_fragment_comes_from (fragment, other));

  /* As the clipboard carries it: valid, and the same after a round trip. */
  bytes = flexo_native_save_bytes (fragment);
  flexo_test_assert_valid_flexo (bytes);
  reread = flexo_native_load_bytes (bytes, "clipboard", &error);
  ck_assert_msg (reread != NULL, "%s", error ? error->message : "?");
  again = flexo_native_save_bytes (reread);
  ck_assert (g_bytes_equal (bytes, again));
  ck_assert (flexo_fragment_comes_from (reread, f.doc));
  ck_assert (flexo_fragment_get_bounds (reread, &bounds));
  ck_assert_double_eq (bounds.x, -10);
  ck_assert_double_eq (bounds.y, 0);
  ck_assert_double_eq (bounds.width, 310);
  ck_assert_double_eq (bounds.height, 350);

  g_object_unref (f.doc);
}
END_TEST

START_TEST (test_paste_twice_into_the_same_diagram)
{
  FreeItems f;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(FlexoDocument) fragment = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) middle = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;

  build_free_items (&f);
  items = free_selection (&f);
  fragment = flexo_fragment_new_from_items (f.diagram, items);
  before = flexo_native_save_bytes (f.doc);

  flexo_document_begin (f.doc, "Paste");
  first = flexo_fragment_paste (fragment, f.diagram, 20, 30, FALSE);
  flexo_document_commit (f.doc);
  middle = flexo_native_save_bytes (f.doc);
  flexo_document_begin (f.doc, "Paste");
  second = flexo_fragment_paste (fragment, f.diagram, 40, 60, FALSE);
  flexo_document_commit (f.doc);

  ck_assert_uint_eq (first->len, 5);
  ck_assert_uint_eq (second->len, 5);
  ck_assert_uint_eq (flexo_diagram_get_items (f.diagram)->len, 17);
  for (guint k = 0; k < 2; k++)
    {
      GPtrArray *pasted = k == 0 ? first : second;
      double dx = k == 0 ? 20 : 40, dy = k == 0 ? 30 : 60;
      FlexoShape *box = g_ptr_array_index (pasted, 0), *a = g_ptr_array_index (pasted, 1);
      FlexoConnector *ab = g_ptr_array_index (pasted, 2);
      FlexoShape *b = g_ptr_array_index (pasted, 3);
      FlexoConnector *loose = g_ptr_array_index (pasted, 4);

      /* Above what was there, in the same order. */
      for (guint i = 0; i < pasted->len; i++)
        ck_assert_ptr_eq (item (f.diagram, 7 + 5 * k + i), g_ptr_array_index (pasted, i));
      ck_assert_ptr_ne (a, f.a);
      ck_assert_str_eq (flexo_shape_get_text (a), "A");
      ck_assert_double_eq (flexo_shape_get_bounds (a)->x, 0 + dx);
      ck_assert_double_eq (flexo_shape_get_bounds (a)->y, 0 + dy);
      ck_assert_double_eq (flexo_shape_get_bounds (b)->x, 200 + dx);
      ck_assert_double_eq (flexo_shape_get_bounds (box)->x, -10 + dx);
      ck_assert_ptr_eq (flexo_shape_get_parent (a), box);
      ck_assert_ptr_eq (flexo_connector_get_source (ab), a);
      ck_assert_ptr_eq (flexo_connector_get_target (ab), b);
      ck_assert_str_eq (flexo_connector_get_label (ab, FLEXO_LABEL_MIDDLE), "uses");
      ck_assert_double_eq (flexo_connector_get_source_point (loose).y, 300 + dy);
      ck_assert_double_eq (g_array_index (flexo_connector_get_waypoints (loose), FlexoPoint, 0).x, 50 + dx);
      ck_assert_ptr_eq (flexo_connector_get_diagram (ab), f.diagram);
    }
  /* The originals keep only their own connectors. */
  ck_assert_uint_eq (flexo_shape_get_connectors (f.a)->len, 1);
  ck_assert_uint_eq (flexo_shape_get_children (f.box)->len, 1);
  {
    g_autoptr(GBytes) saved = flexo_native_save_bytes (f.doc);

    flexo_test_assert_valid_flexo (saved);
  }

  /* One undo per paste. */
  ck_assert (flexo_document_undo (f.doc));
  after = flexo_native_save_bytes (f.doc);
  ck_assert (g_bytes_equal (middle, after));
  g_clear_pointer (&after, g_bytes_unref);
  ck_assert (flexo_document_undo (f.doc));
  after = flexo_native_save_bytes (f.doc);
  ck_assert (g_bytes_equal (before, after));

  g_object_unref (f.doc);
}
END_TEST

/* A model: Agent ⊃ Person (name, age, friend → Person), Person knows
 * Person; Alice knows Bob, Alice's friend is Bob; Carol is not shown in
 * the copy. A diagram shows Alice and Bob, the link, and a free shape. */
typedef struct
{
  FlexoDocument  *doc;
  FlexoDiagram   *diagram;
  FlexoConcept   *agent, *person;
  FlexoProperty  *name, *age, *friend;
  FlexoRelation  *knows;
  FlexoInstance  *alice, *bob, *carol;
  FlexoLink      *link;
  FlexoShape     *sa, *sb, *note;
  FlexoConnector *sl;
} Model;

static void
build_model (Model *m)
{
  g_autoptr(FlexoConcept) agent = NULL;
  g_autoptr(FlexoConcept) person = NULL;
  g_autoptr(FlexoProperty) name = NULL;
  g_autoptr(FlexoProperty) age = NULL;
  g_autoptr(FlexoProperty) friend = NULL;
  g_autoptr(FlexoRelation) knows = NULL;
  g_autoptr(FlexoInstance) alice = NULL;
  g_autoptr(FlexoInstance) bob = NULL;
  g_autoptr(FlexoInstance) carol = NULL;
  g_autoptr(FlexoLink) link = NULL;
  g_autoptr(FlexoConnector) sl = NULL;
  g_autoptr(GPtrArray) parents = g_ptr_array_new ();
  g_autoptr(FlexoStyle) style = flexo_style_new ();
  g_autofree char *bob_id = NULL;
  FlexoDiagram *other;

  m->diagram = new_document_with_diagram (&m->doc);
  other = add_diagram (m->doc, "Other");
  flexo_document_begin (m->doc, "Build");
  /* Something first, so that the ids of the two documents differ. */
  add_shape (m->doc, other, 0, "Elsewhere");
  agent = flexo_concept_new (m->doc, "Agent");
  person = flexo_concept_new (m->doc, "Person");
  g_ptr_array_add (parents, agent);
  flexo_concept_set_parents (person, parents);
  flexo_concept_set_label (person, "{name}");
  style->set = FLEXO_STYLE_FILL;
  style->fill = FLEXO_COLOR_RGBA (255, 0, 0, 255);
  flexo_concept_set_style (person, style);
  name = flexo_property_new (m->doc, "name", FLEXO_PROPERTY_STRING);
  flexo_concept_add_property (agent, name);
  age = flexo_property_new (m->doc, "age", FLEXO_PROPERTY_INTEGER);
  flexo_concept_add_property (person, age);
  friend = flexo_property_new (m->doc, "friend", FLEXO_PROPERTY_REFERENCE);
  flexo_property_set_target (friend, person);
  flexo_property_set_multiplicity (friend, 0, FLEXO_MANY);
  flexo_concept_add_property (person, friend);
  flexo_object_insert_child (FLEXO_OBJECT (m->doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (person));
  flexo_object_insert_child (FLEXO_OBJECT (m->doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (agent));
  knows = flexo_relation_new (m->doc, "knows", person, person);
  flexo_object_insert_child (FLEXO_OBJECT (m->doc), FLEXO_LIST_RELATIONS, -1, FLEXO_OBJECT (knows));

  alice = flexo_instance_new (m->doc, person);
  bob = flexo_instance_new (m->doc, person);
  carol = flexo_instance_new (m->doc, person);
  flexo_object_insert_child (FLEXO_OBJECT (m->doc), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (carol));
  flexo_object_insert_child (FLEXO_OBJECT (m->doc), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (alice));
  flexo_object_insert_child (FLEXO_OBJECT (m->doc), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (bob));
  bob_id = flexo_object_dup_id_string (FLEXO_OBJECT (bob));
  flexo_instance_set_value (alice, name, "Alice");
  flexo_instance_set_value (alice, age, "42");
  flexo_instance_set_value (alice, friend, bob_id);
  flexo_instance_set_value (bob, name, "Bob");
  flexo_instance_set_value (carol, name, "Carol");
  link = flexo_link_new (m->doc, knows, alice, bob);
  flexo_object_insert_child (FLEXO_OBJECT (m->doc), FLEXO_LIST_LINKS, -1, FLEXO_OBJECT (link));

  m->note = add_shape (m->doc, m->diagram, 0, "Note");
  m->sa = add_shape (m->doc, m->diagram, 100, NULL);
  flexo_shape_set_instance (m->sa, alice);
  m->sb = add_shape (m->doc, m->diagram, 300, NULL);
  flexo_shape_set_instance (m->sb, bob);
  sl = flexo_connector_new (m->doc, m->sa, m->sb);
  flexo_connector_set_link (sl, link);
  flexo_diagram_add_item (m->diagram, sl);
  flexo_document_commit (m->doc);
  flexo_document_clear_history (m->doc);

  m->agent = agent;
  m->person = person;
  m->name = name;
  m->age = age;
  m->friend = friend;
  m->knows = knows;
  m->alice = alice;
  m->bob = bob;
  m->carol = carol;
  m->link = link;
  m->sl = sl;
}

/* Copies Alice's and Bob's shapes and the connector, through bytes as the
 * clipboard does. */
static FlexoDocument *
copy_model_items (Model *m)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(FlexoDocument) fragment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  FlexoDocument *reread;

  g_ptr_array_add (items, m->sa);
  g_ptr_array_add (items, m->sb);
  g_ptr_array_add (items, m->sl);
  fragment = flexo_fragment_new_from_items (m->diagram, items);
  bytes = flexo_native_save_bytes (fragment);
  flexo_test_assert_valid_flexo (bytes);
  reread = flexo_native_load_bytes (bytes, "clipboard", &error);
  ck_assert_msg (reread != NULL, "%s", error ? error->message : "?");
  return reread;
}

START_TEST (test_copy_brings_the_model_along)
{
  Model m;
  g_autoptr(FlexoDocument) fragment = NULL;
  FlexoConcept *person, *agent;
  FlexoInstance *alice, *bob;
  FlexoLink *link;
  FlexoDiagram *fd;
  g_autofree char *bob_id = NULL;
  g_autofree char *label = NULL;

  build_model (&m);
  fragment = copy_model_items (&m);

  /* Person and its parent Agent; knows; Alice and Bob, not Carol; the link. */
  ck_assert_uint_eq (flexo_document_get_concepts (fragment)->len, 2);
  ck_assert_uint_eq (flexo_document_get_relations (fragment)->len, 1);
  ck_assert_uint_eq (flexo_document_get_instances (fragment)->len, 2);
  ck_assert_uint_eq (flexo_document_get_links (fragment)->len, 1);
  ck_assert_uint_eq (flexo_document_get_palettes (fragment)->len, 0);
  person = g_ptr_array_index (flexo_document_get_concepts (fragment), 0);
  agent = g_ptr_array_index (flexo_document_get_concepts (fragment), 1);
  ck_assert_str_eq (flexo_concept_get_name (person), "Person");
  ck_assert_str_eq (flexo_concept_get_label (person), "{name}");
  ck_assert_uint_eq (flexo_concept_get_style (person)->fill, FLEXO_COLOR_RGBA (255, 0, 0, 255));
  ck_assert (flexo_concept_is_a (person, agent));
  ck_assert_ptr_eq (flexo_property_get_target (flexo_concept_find_property (person, "friend")), person);

  fd = g_ptr_array_index (flexo_document_get_diagrams (fragment), 0);
  ck_assert_uint_eq (flexo_diagram_get_items (fd)->len, 3);
  alice = flexo_shape_get_instance (item (fd, 0));
  bob = flexo_shape_get_instance (item (fd, 1));
  link = flexo_connector_get_link (item (fd, 2));
  ck_assert_ptr_eq (flexo_object_get_document (FLEXO_OBJECT (alice)), fragment);
  ck_assert_ptr_eq (flexo_instance_get_concept (alice), person);
  ck_assert_str_eq (flexo_instance_get_value_by_name (alice, "name"), "Alice");
  ck_assert_str_eq (flexo_instance_get_value_by_name (alice, "age"), "42");
  ck_assert_ptr_eq (flexo_link_get_source (link), alice);
  ck_assert_ptr_eq (flexo_link_get_target (link), bob);
  label = flexo_shape_dup_label (item (fd, 0));
  ck_assert_str_eq (label, "Alice");

  /* Model objects keep their ids (the way back to the source); the
   * diagram's are above them. */
  ck_assert_uint_eq (flexo_object_get_id (FLEXO_OBJECT (alice)), flexo_object_get_id (FLEXO_OBJECT (m.alice)));
  ck_assert_uint_eq (flexo_object_get_id (FLEXO_OBJECT (person)), flexo_object_get_id (FLEXO_OBJECT (m.person)));
  bob_id = flexo_object_dup_id_string (FLEXO_OBJECT (bob));
  ck_assert_str_eq (flexo_instance_get_value_by_name (alice, "friend"), bob_id);
  ck_assert_uint_gt (flexo_object_get_id (FLEXO_OBJECT (fd)), flexo_object_get_id (FLEXO_OBJECT (m.link)));

  g_object_unref (m.doc);
}
END_TEST

START_TEST (test_paste_in_the_same_document_shows_the_same_instances)
{
  Model m;
  g_autoptr(FlexoDocument) fragment = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  FlexoDiagram *other;
  GPtrArray *views;

  build_model (&m);
  fragment = copy_model_items (&m);
  ck_assert (flexo_fragment_comes_from (fragment, m.doc));
  other = g_ptr_array_index (flexo_document_get_diagrams (m.doc), 1);
  before = flexo_native_save_bytes (m.doc);

  flexo_document_begin (m.doc, "Paste");
  pasted = flexo_fragment_paste (fragment, other, 10, 10, FALSE);
  flexo_document_commit (m.doc);

  /* A second view of Alice, Bob and their link; no new model. */
  ck_assert_uint_eq (pasted->len, 3);
  ck_assert_ptr_eq (flexo_shape_get_instance (g_ptr_array_index (pasted, 0)), m.alice);
  ck_assert_ptr_eq (flexo_shape_get_instance (g_ptr_array_index (pasted, 1)), m.bob);
  ck_assert_ptr_eq (flexo_connector_get_link (g_ptr_array_index (pasted, 2)), m.link);
  ck_assert_ptr_eq (flexo_connector_get_source (g_ptr_array_index (pasted, 2)), g_ptr_array_index (pasted, 0));
  ck_assert_uint_eq (flexo_document_get_concepts (m.doc)->len, 2);
  ck_assert_uint_eq (flexo_document_get_relations (m.doc)->len, 1);
  ck_assert_uint_eq (flexo_document_get_instances (m.doc)->len, 3);
  ck_assert_uint_eq (flexo_document_get_links (m.doc)->len, 1);
  views = flexo_instance_get_views (m.alice);
  ck_assert_uint_eq (views->len, 2);
  ck_assert_uint_eq (flexo_link_get_views (m.link)->len, 2);
  ck_assert_uint_eq (flexo_diagram_get_items (other)->len, 4);

  ck_assert (flexo_document_undo (m.doc));
  after = flexo_native_save_bytes (m.doc);
  ck_assert (g_bytes_equal (before, after));
  ck_assert_uint_eq (flexo_instance_get_views (m.alice)->len, 1);

  /* Once Bob is gone, a paste brings a new Bob (and a new link). */
  flexo_document_begin (m.doc, "Delete");
  ck_assert (flexo_document_delete (m.doc, FLEXO_OBJECT (m.bob), NULL));
  flexo_document_commit (m.doc);
  g_clear_pointer (&pasted, g_ptr_array_unref);
  flexo_document_begin (m.doc, "Paste");
  pasted = flexo_fragment_paste (fragment, other, 10, 10, FALSE);
  flexo_document_commit (m.doc);
  {
    FlexoInstance *new_bob = flexo_shape_get_instance (g_ptr_array_index (pasted, 1));
    FlexoLink *new_link = flexo_connector_get_link (g_ptr_array_index (pasted, 2));

    ck_assert_ptr_eq (flexo_shape_get_instance (g_ptr_array_index (pasted, 0)), m.alice);
    ck_assert_ptr_nonnull (new_bob);
    ck_assert_ptr_ne (new_bob, m.bob);
    ck_assert (flexo_object_is_live (FLEXO_OBJECT (new_bob)));
    ck_assert_ptr_eq (flexo_instance_get_concept (new_bob), m.person);
    ck_assert_str_eq (flexo_instance_get_value (new_bob, m.name), "Bob");
    ck_assert_ptr_ne (new_link, m.link);
    ck_assert_ptr_eq (flexo_link_get_source (new_link), m.alice);
    ck_assert_ptr_eq (flexo_link_get_target (new_link), new_bob);
    ck_assert_ptr_eq (flexo_link_get_relation (new_link), m.knows);
  }

  g_object_unref (m.doc);
}
END_TEST

START_TEST (test_paste_as_copies)
{
  Model m;
  g_autoptr(FlexoDocument) fragment = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *new_bob_id = NULL;
  FlexoInstance *alice, *bob;
  FlexoLink *link;

  build_model (&m);
  fragment = copy_model_items (&m);
  before = flexo_native_save_bytes (m.doc);

  flexo_document_begin (m.doc, "Paste");
  pasted = flexo_fragment_paste (fragment, m.diagram, 0, 100, TRUE);
  flexo_document_commit (m.doc);

  ck_assert_uint_eq (pasted->len, 3);
  alice = flexo_shape_get_instance (g_ptr_array_index (pasted, 0));
  bob = flexo_shape_get_instance (g_ptr_array_index (pasted, 1));
  link = flexo_connector_get_link (g_ptr_array_index (pasted, 2));
  ck_assert_ptr_ne (alice, m.alice);
  ck_assert_ptr_ne (bob, m.bob);
  ck_assert_ptr_ne (link, m.link);
  ck_assert_uint_eq (flexo_document_get_instances (m.doc)->len, 5);
  ck_assert_uint_eq (flexo_document_get_links (m.doc)->len, 2);
  /* Same concepts, same values; the friend is the new Bob. */
  ck_assert_uint_eq (flexo_document_get_concepts (m.doc)->len, 2);
  ck_assert_ptr_eq (flexo_instance_get_concept (alice), m.person);
  ck_assert_str_eq (flexo_instance_get_value (alice, m.name), "Alice");
  ck_assert_str_eq (flexo_instance_get_value (alice, m.age), "42");
  ck_assert_str_eq (flexo_instance_get_value (bob, m.name), "Bob");
  new_bob_id = flexo_object_dup_id_string (FLEXO_OBJECT (bob));
  ck_assert_str_eq (flexo_instance_get_value (alice, m.friend), new_bob_id);
  ck_assert_ptr_eq (flexo_link_get_relation (link), m.knows);
  ck_assert_ptr_eq (flexo_link_get_source (link), alice);
  ck_assert_ptr_eq (flexo_link_get_target (link), bob);
  ck_assert_double_eq (flexo_shape_get_bounds (g_ptr_array_index (pasted, 0))->y, 100);
  ck_assert_uint_eq (flexo_instance_get_views (m.alice)->len, 1);

  ck_assert (flexo_document_undo (m.doc));
  after = flexo_native_save_bytes (m.doc);
  ck_assert (g_bytes_equal (before, after));

  g_object_unref (m.doc);
}
END_TEST

START_TEST (test_paste_into_another_document)
{
  Model m;
  g_autoptr(FlexoDocument) fragment = NULL;
  g_autoptr(FlexoDocument) other = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *bob_id = NULL;
  FlexoDiagram *target;
  FlexoConcept *person, *agent;
  FlexoRelation *knows;
  FlexoInstance *alice, *bob;
  FlexoLink *link;

  build_model (&m);
  fragment = copy_model_items (&m);
  target = new_document_with_diagram (&other);
  ck_assert (!flexo_fragment_comes_from (fragment, other));
  before = flexo_native_save_bytes (other);

  flexo_document_begin (other, "Paste");
  first = flexo_fragment_paste (fragment, target, 0, 0, FALSE);
  flexo_document_commit (other);

  /* The concepts, the relation, the instances and the link are made. */
  ck_assert_uint_eq (first->len, 3);
  ck_assert_uint_eq (flexo_document_get_concepts (other)->len, 2);
  ck_assert_uint_eq (flexo_document_get_relations (other)->len, 1);
  ck_assert_uint_eq (flexo_document_get_instances (other)->len, 2);
  ck_assert_uint_eq (flexo_document_get_links (other)->len, 1);
  person = g_ptr_array_index (flexo_document_get_concepts (other), 0);
  agent = g_ptr_array_index (flexo_document_get_concepts (other), 1);
  knows = g_ptr_array_index (flexo_document_get_relations (other), 0);
  ck_assert_str_eq (flexo_concept_get_name (person), "Person");
  ck_assert (flexo_concept_is_a (person, agent));
  ck_assert_ptr_eq (flexo_relation_get_source (knows), person);
  ck_assert_ptr_eq (flexo_property_get_target (flexo_concept_find_property (person, "friend")), person);
  alice = flexo_shape_get_instance (g_ptr_array_index (first, 0));
  bob = flexo_shape_get_instance (g_ptr_array_index (first, 1));
  link = flexo_connector_get_link (g_ptr_array_index (first, 2));
  ck_assert_ptr_eq (flexo_object_get_document (FLEXO_OBJECT (alice)), other);
  ck_assert_ptr_eq (flexo_instance_get_concept (alice), person);
  ck_assert_str_eq (flexo_instance_get_value_by_name (alice, "name"), "Alice");
  ck_assert_str_eq (flexo_instance_get_value_by_name (alice, "age"), "42");
  bob_id = flexo_object_dup_id_string (FLEXO_OBJECT (bob));
  ck_assert_str_eq (flexo_instance_get_value_by_name (alice, "friend"), bob_id);
  ck_assert_ptr_eq (flexo_link_get_relation (link), knows);
  ck_assert_ptr_eq (flexo_link_get_source (link), alice);
  ck_assert_ptr_eq (flexo_link_get_target (link), bob);
  saved = flexo_native_save_bytes (other);
  flexo_test_assert_valid_flexo (saved);
  {
    g_autoptr(FlexoDocument) reread = flexo_native_load_bytes (saved, "other", NULL);

    ck_assert_ptr_nonnull (reread);
  }

  /* Again: the metamodel is found by name, not made twice. */
  flexo_document_begin (other, "Paste");
  second = flexo_fragment_paste (fragment, target, 50, 50, FALSE);
  flexo_document_commit (other);
  ck_assert_uint_eq (second->len, 3);
  ck_assert_uint_eq (flexo_document_get_concepts (other)->len, 2);
  ck_assert_uint_eq (flexo_document_get_relations (other)->len, 1);
  ck_assert_uint_eq (flexo_concept_get_properties (person)->len, 2);
  ck_assert_uint_eq (flexo_document_get_instances (other)->len, 4);
  ck_assert_uint_eq (flexo_document_get_links (other)->len, 2);
  ck_assert_ptr_eq (flexo_instance_get_concept (flexo_shape_get_instance (g_ptr_array_index (second, 0))), person);
  ck_assert_ptr_ne (flexo_shape_get_instance (g_ptr_array_index (second, 0)), alice);
  ck_assert_ptr_eq (flexo_link_get_relation (flexo_connector_get_link (g_ptr_array_index (second, 2))), knows);

  /* Each paste is one undo. */
  ck_assert (flexo_document_undo (other));
  ck_assert (flexo_document_undo (other));
  after = flexo_native_save_bytes (other);
  ck_assert (g_bytes_equal (before, after));

  g_object_unref (m.doc);
}
END_TEST

START_TEST (test_paste_matches_concepts_by_name)
{
  Model m;
  g_autoptr(FlexoDocument) fragment = NULL;
  g_autoptr(FlexoDocument) other = NULL;
  g_autoptr(FlexoConcept) person = NULL;
  g_autoptr(FlexoProperty) name = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  FlexoDiagram *target;
  FlexoInstance *alice;
  FlexoConcept *agent;

  build_model (&m);
  fragment = copy_model_items (&m);

  /* The other document has a Person with a name only, and no Agent. */
  target = new_document_with_diagram (&other);
  person = flexo_concept_new (other, "Person");
  name = flexo_property_new (other, "name", FLEXO_PROPERTY_STRING);
  flexo_concept_add_property (person, name);
  flexo_document_begin (other, "Build");
  flexo_object_insert_child (FLEXO_OBJECT (other), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (person));
  flexo_document_commit (other);

  flexo_document_begin (other, "Paste");
  pasted = flexo_fragment_paste (fragment, target, 0, 0, FALSE);
  flexo_document_commit (other);

  /* Its Person is used, and given what it lacked; Agent is made. */
  ck_assert_uint_eq (flexo_document_get_concepts (other)->len, 2);
  agent = g_ptr_array_index (flexo_document_get_concepts (other), 1);
  ck_assert_str_eq (flexo_concept_get_name (agent), "Agent");
  alice = flexo_shape_get_instance (g_ptr_array_index (pasted, 0));
  ck_assert_ptr_eq (flexo_instance_get_concept (alice), person);
  ck_assert_ptr_eq (g_ptr_array_index (flexo_concept_get_properties (person), 0), name);
  ck_assert_uint_eq (flexo_concept_get_properties (person)->len, 3);
  ck_assert_str_eq (flexo_instance_get_value (alice, name), "Alice");
  ck_assert_str_eq (flexo_instance_get_value_by_name (alice, "age"), "42");
  ck_assert_uint_eq (flexo_concept_get_properties (agent)->len, 1);

  g_object_unref (m.doc);
}
END_TEST

START_TEST (test_duplicate_diagram)
{
  Model m;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) saved = NULL;
  FlexoDiagram *copy;
  FlexoShape *box;

  build_model (&m);
  flexo_document_begin (m.doc, "Box");
  box = add_shape (m.doc, m.diagram, -50, "Box");
  flexo_shape_set_parent (m.note, box);
  flexo_document_commit (m.doc);
  before = flexo_native_save_bytes (m.doc);

  flexo_document_begin (m.doc, "Duplicate");
  copy = flexo_diagram_duplicate (m.diagram, "D (Copy)");
  flexo_document_commit (m.doc);

  ck_assert_uint_eq (flexo_document_get_diagrams (m.doc)->len, 3);
  ck_assert_ptr_eq (g_ptr_array_index (flexo_document_get_diagrams (m.doc), 2), copy);
  ck_assert_str_eq (flexo_diagram_get_name (copy), "D (Copy)");
  ck_assert_uint_eq (flexo_diagram_get_items (copy)->len, 5);
  for (guint i = 0; i < 5; i++)
    {
      gpointer original = item (m.diagram, i), duplicate = item (copy, i);

      ck_assert_ptr_ne (original, duplicate);
      ck_assert_int_eq (G_OBJECT_TYPE (original), G_OBJECT_TYPE (duplicate));
      if (FLEXO_IS_SHAPE (original))
        {
          const FlexoRect *a = flexo_shape_get_bounds (original), *b = flexo_shape_get_bounds (duplicate);

          ck_assert (a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height);
          ck_assert_ptr_eq (flexo_shape_get_instance (original), flexo_shape_get_instance (duplicate));
        }
    }
  /* Same instances, link and model; the copies join each other. */
  ck_assert_str_eq (flexo_shape_get_text (item (copy, 0)), "Note");
  ck_assert_ptr_eq (flexo_shape_get_parent (item (copy, 0)), item (copy, 4));
  ck_assert_ptr_eq (flexo_connector_get_link (item (copy, 3)), m.link);
  ck_assert_ptr_eq (flexo_connector_get_source (item (copy, 3)), item (copy, 1));
  ck_assert_uint_eq (flexo_instance_get_views (m.alice)->len, 2);
  ck_assert_uint_eq (flexo_document_get_instances (m.doc)->len, 3);
  saved = flexo_native_save_bytes (m.doc);
  flexo_test_assert_valid_flexo (saved);

  ck_assert (flexo_document_undo (m.doc));
  ck_assert_uint_eq (flexo_document_get_diagrams (m.doc)->len, 2);
  after = flexo_native_save_bytes (m.doc);
  ck_assert (g_bytes_equal (before, after));

  g_object_unref (m.doc);
}
END_TEST

static Suite *
fragment_suite (void)
{
  Suite *s = suite_create ("fragment");
  TCase *tc = tcase_create ("fragment");

  tcase_add_test (tc, test_copy_free_items);
  tcase_add_test (tc, test_paste_twice_into_the_same_diagram);
  tcase_add_test (tc, test_copy_brings_the_model_along);
  tcase_add_test (tc, test_paste_in_the_same_document_shows_the_same_instances);
  tcase_add_test (tc, test_paste_as_copies);
  tcase_add_test (tc, test_paste_into_another_document);
  tcase_add_test (tc, test_paste_matches_concepts_by_name);
  tcase_add_test (tc, test_duplicate_diagram);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return flexo_test_run (fragment_suite ());
}
