/* test-native-format.c — the .flexo format: round trips, schema, hostile
 * and broken files, atomic saving
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "flexo-atomic-file.h"
#include "flexo-format.h"
#include "flexo-model.h"
#include "flexo-test.h"

static char *
data_path (const char *name)
{
  const char *dir = g_getenv ("FLEXO_TEST_DATA");

  ck_assert_msg (dir != NULL, "FLEXO_TEST_DATA is not set");
  return g_build_filename (dir, name, NULL);
}

static GBytes *
reload_and_save (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) doc = flexo_native_load_bytes (bytes, "first.flexo", &error);

  ck_assert_msg (doc != NULL, "%s", error ? error->message : "?");
  return flexo_native_save_bytes (doc);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  ck_assert_msg (g_bytes_equal (a, b), "different bytes:\n--- first\n%s\n--- second\n%s",
                 (const char *) g_bytes_get_data (a, NULL), (const char *) g_bytes_get_data (b, NULL));
}

/* A document with every kind of object and every style attribute. */
static FlexoDocument *
build_everything (void)
{
  FlexoDocument *doc = flexo_document_new ();
  g_autoptr(FlexoConcept) base = flexo_concept_new (doc, "Base");
  g_autoptr(FlexoConcept) actor = flexo_concept_new (doc, "Actor «quoted» & <tagged>");
  g_autoptr(FlexoRelation) knows = flexo_relation_new (doc, "knows", actor, actor);
  g_autoptr(FlexoInstance) alice = flexo_instance_new (doc, actor);
  g_autoptr(FlexoInstance) bob = flexo_instance_new (doc, actor);
  g_autoptr(FlexoLink) link = flexo_link_new (doc, knows, alice, bob);
  g_autoptr(FlexoPalette) palette = flexo_palette_new (doc, "Palette");
  g_autoptr(FlexoPaletteEntry) entry = flexo_palette_entry_new (doc, "Actor");
  g_autoptr(FlexoPaletteEntry) free_entry = flexo_palette_entry_new (doc, "Box");
  g_autoptr(FlexoDiagram) diagram = flexo_diagram_new (doc, "Everything");
  g_autoptr(GPtrArray) parents = g_ptr_array_new ();
  g_autoptr(FlexoShape) frame = NULL;
  FlexoProperty *name = NULL;
  FlexoShape *previous = NULL;
  const char *options[] = { "red", "green", "blue", NULL };
  FlexoStyle style = { 0 };

  flexo_document_begin (doc, "Build");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (base));
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (actor));
  flexo_concept_set_abstract (base, TRUE);
  flexo_concept_set_description (base, "The root of\nevery concept");
  g_ptr_array_add (parents, base);
  flexo_concept_set_parents (actor, parents);
  flexo_concept_set_label (actor, "{name} ({age})");

  for (FlexoPropertyType type = 0; type < FLEXO_N_PROPERTY_TYPES; type++)
    {
      g_autoptr(FlexoProperty) property = flexo_property_new (doc, flexo_property_type_to_string (type), type);

      if (type == FLEXO_PROPERTY_STRING)
        {
          flexo_property_set_required (property, TRUE);
          flexo_property_set_unique (property, TRUE);
          name = property;
        }
      if (type == FLEXO_PROPERTY_ENUMERATION)
        {
          flexo_property_set_enum_values (property, options);
          flexo_property_set_default (property, "green");
        }
      if (type == FLEXO_PROPERTY_REFERENCE)
        {
          flexo_property_set_target (property, actor);
          flexo_property_set_multiplicity (property, 0, FLEXO_MANY);
        }
      if (type == FLEXO_PROPERTY_INTEGER)
        flexo_property_set_multiplicity (property, 1, 1);
      flexo_concept_add_property (actor, property);
    }

  flexo_relation_set_multiplicity (knows, 1, 5);
  flexo_relation_set_containment (knows, TRUE);
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_RELATIONS, -1, FLEXO_OBJECT (knows));

  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (alice));
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (bob));
  flexo_instance_set_value (alice, name, "Alice\tand \"friends\" <3 ✓");
  flexo_instance_set_value (bob, name, "Bob");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_LINKS, -1, FLEXO_OBJECT (link));

  /* Every style attribute, on the concept's representation. */
  flexo_style_set_shape_kind (&style, FLEXO_SHAPE_HEXAGON);
  flexo_style_set_fill (&style, 0x3584e4ff);
  flexo_style_set_stroke (&style, 0x1c71d880);
  flexo_style_set_stroke_width (&style, 2.5);
  flexo_style_set_dash (&style, FLEXO_DASH_DASH_DOT);
  flexo_style_set_corner_radius (&style, 6);
  flexo_style_set_font_family (&style, "Cantarell");
  flexo_style_set_font_size (&style, 10.5);
  flexo_style_set_font_weight (&style, 700);
  flexo_style_set_font_style (&style, FLEXO_FONT_STYLE_ITALIC);
  flexo_style_set_text_color (&style, 0x241f31ff);
  flexo_style_set_align (&style, FLEXO_ALIGN_LEFT);
  flexo_style_set_arrow_start (&style, FLEXO_ARROW_HOLLOW_DIAMOND);
  flexo_style_set_arrow_end (&style, FLEXO_ARROW_CROWS_FOOT_ZERO_OR_MANY);
  flexo_style_set_routing (&style, FLEXO_ROUTING_CURVED);
  flexo_style_set_shadow (&style, TRUE);
  flexo_style_set_underline (&style, TRUE);
  flexo_style_set_opacity (&style, 0.75);
  ck_assert_uint_eq (style.set, FLEXO_STYLE_ALL);
  flexo_concept_set_style (actor, &style);
  flexo_relation_set_style (knows, &style);

  flexo_palette_entry_set_concept (entry, actor);
  flexo_palette_entry_set_section (entry, "Model");
  flexo_palette_entry_set_size (entry, 80, 40.25);
  flexo_palette_entry_set_relation (free_entry, knows);
  flexo_palette_entry_set_style (free_entry, &style);
  flexo_palette_add_entry (palette, entry);
  flexo_palette_add_entry (palette, free_entry);
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_PALETTES, -1, FLEXO_OBJECT (palette));

  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  frame = flexo_shape_new (doc, &FLEXO_RECT_INIT (-100.5, -50, 5000, 3000));
  flexo_diagram_add_item (diagram, frame);

  /* One shape of each kind, one connector with each arrow head and routing. */
  for (FlexoShapeKind kind = 0; kind < FLEXO_N_SHAPE_KINDS; kind++)
    {
      g_autoptr(FlexoShape) shape = flexo_shape_new (doc, &FLEXO_RECT_INIT (kind * 150, 1e-3 * kind, 120.125, 60));
      FlexoStyle own = { 0 };

      flexo_style_set_shape_kind (&own, kind);
      flexo_shape_set_style (shape, &own);
      flexo_shape_set_text (shape, kind % 2 ? "Two\nlines" : NULL);
      flexo_shape_set_parent (shape, frame);
      if (kind == FLEXO_SHAPE_ACTOR)
        flexo_shape_set_instance (shape, alice);
      if (kind == FLEXO_SHAPE_FREEFORM)
        {
          g_autoptr(FlexoPath) form = flexo_path_new_from_data ("M 0.5 0 C 1 0 1 1 0.5 1 L 0 0.333333333333 Z", NULL);

          flexo_shape_set_form (shape, form);
        }
      flexo_diagram_add_item (diagram, shape);

      if (previous != NULL)
        {
          g_autoptr(FlexoConnector) connector = flexo_connector_new (doc, previous, shape);
          FlexoStyle arrows = { 0 };
          FlexoPoint points[] = { { 1.5, 2.5 }, { -3, 1e6 } };

          flexo_style_set_arrow_end (&arrows, kind % FLEXO_N_ARROW_HEADS);
          flexo_style_set_arrow_start (&arrows, (kind + 3) % FLEXO_N_ARROW_HEADS);
          flexo_style_set_routing (&arrows, kind % FLEXO_N_ROUTINGS);
          flexo_connector_set_style (connector, &arrows);
          flexo_connector_set_label (connector, kind % FLEXO_N_LABELS, "label");
          if (kind % 4 == 0)
            flexo_connector_set_waypoints (connector, points, G_N_ELEMENTS (points));
          if (kind == FLEXO_SHAPE_ACTOR)
            flexo_connector_set_link (connector, link);
          flexo_diagram_add_item (diagram, connector);
        }
      previous = shape;
    }

  {
    g_autoptr(FlexoConnector) loose = flexo_connector_new (doc, NULL, previous);

    flexo_connector_set_source_point (loose, (FlexoPoint) { -7.25, 0.1 });
    flexo_diagram_add_item (diagram, loose);
  }

  flexo_document_commit (doc);
  return doc;
}

START_TEST (test_everything_round_trips_byte_identical)
{
  g_autoptr(FlexoDocument) doc = build_everything ();
  g_autoptr(GBytes) first = flexo_native_save_bytes (doc);
  g_autoptr(GBytes) second = reload_and_save (first);
  g_autoptr(GBytes) third = reload_and_save (second);

  assert_bytes_equal (first, second);
  assert_bytes_equal (second, third);
  flexo_test_assert_valid_flexo (first);

  /* Spot checks that what was read is what was written. */
  {
    g_autoptr(FlexoDocument) loaded = flexo_native_load_bytes (first, "x.flexo", NULL);
    FlexoConcept *actor = g_ptr_array_index (flexo_document_get_concepts (loaded), 1);
    FlexoDiagram *diagram = g_ptr_array_index (flexo_document_get_diagrams (loaded), 0);
    const FlexoStyle *style = flexo_concept_get_style (actor);

    ck_assert_str_eq (flexo_concept_get_name (actor), "Actor «quoted» & <tagged>");
    ck_assert_uint_eq (style->set, FLEXO_STYLE_ALL);
    ck_assert_float_eq (style->opacity, 0.75f);
    ck_assert_uint_eq (style->stroke, 0x1c71d880);
    ck_assert_str_eq (style->font_family, "Cantarell");
    ck_assert_uint_eq (flexo_diagram_get_items (diagram)->len, 1 + FLEXO_N_SHAPE_KINDS + FLEXO_N_SHAPE_KINDS);
    /* A free form, to 8 digits; none on the other shapes. */
    for (guint i = 0; i < flexo_diagram_get_items (diagram)->len; i++)
      {
        gpointer item = g_ptr_array_index (flexo_diagram_get_items (diagram), i);
        FlexoStyle resolved;

        if (!FLEXO_IS_SHAPE (item))
          continue;
        flexo_shape_resolve_style (item, &resolved);
        if (resolved.shape_kind == FLEXO_SHAPE_FREEFORM)
          ck_assert_str_eq (flexo_shape_get_form_data (item), "M 0.5 0 C 1 0 1 1 0.5 1 L 0 0.33333333 Z");
        else
          ck_assert_ptr_null (flexo_shape_get_form_data (item));
      }
    ck_assert (flexo_concept_is_a (actor, g_ptr_array_index (flexo_document_get_concepts (loaded), 0)));
    ck_assert (!flexo_document_get_modified (loaded));
    ck_assert (!flexo_document_can_undo (loaded));
  }
}
END_TEST

/* A document's identity, and the origin of a fragment, are kept in the
 * file; a document that has none writes none. */
START_TEST (test_identity_round_trips)
{
  g_autoptr(FlexoDocument) doc = build_everything ();
  g_autoptr(FlexoDocument) loaded = NULL;
  g_autoptr(GBytes) plain = flexo_native_save_bytes (doc);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *origin = g_uuid_string_random ();
  const char *uuid;

  ck_assert_ptr_null (flexo_document_get_uuid (doc));
  ck_assert (strstr (g_bytes_get_data (plain, NULL), "uuid=") == NULL);

  uuid = flexo_document_ensure_uuid (doc);
  ck_assert (g_uuid_string_is_valid (uuid));
  ck_assert_str_eq (flexo_document_ensure_uuid (doc), uuid);
  flexo_document_set_origin (doc, origin);
  first = flexo_native_save_bytes (doc);
  flexo_test_assert_valid_flexo (first);
  ck_assert (strstr (g_bytes_get_data (first, NULL), uuid) != NULL);

  loaded = flexo_native_load_bytes (first, "identity.flexo", NULL);
  ck_assert_ptr_nonnull (loaded);
  ck_assert_str_eq (flexo_document_get_uuid (loaded), uuid);
  ck_assert_str_eq (flexo_document_get_origin (loaded), origin);
  ck_assert (!flexo_document_get_modified (loaded));
  second = flexo_native_save_bytes (loaded);
  assert_bytes_equal (first, second);

  /* A new document is another one. */
  {
    g_autoptr(FlexoDocument) other = flexo_document_new ();

    ck_assert_str_ne (flexo_document_ensure_uuid (other), uuid);
  }
}
END_TEST

START_TEST (test_example_round_trips_byte_identical)
{
  g_autofree char *path = flexo_test_source_path ("resources/examples/library.flexo");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(FlexoDocument) doc = NULL;
  gsize length;

  ck_assert (g_file_get_contents (path, &contents, &length, NULL));
  original = g_bytes_new (contents, length);

  doc = flexo_format_load (path, &error);
  ck_assert_msg (doc != NULL, "%s", error ? error->message : "?");
  saved = flexo_native_save_bytes (doc);

  assert_bytes_equal (original, saved);
  flexo_test_assert_valid_flexo (saved);

  /* The example shows what Flexo does: a model, a palette, two diagrams
   * sharing instances. */
  ck_assert_uint_ge (flexo_document_get_concepts (doc)->len, 2);
  ck_assert_uint_ge (flexo_document_get_palettes (doc)->len, 1);
  ck_assert_uint_eq (flexo_document_get_diagrams (doc)->len, 2);
  {
    GPtrArray *instances = flexo_document_get_instances (doc);
    gboolean shared = FALSE;

    for (guint i = 0; i < instances->len; i++)
      {
        GPtrArray *views = flexo_instance_get_views (g_ptr_array_index (instances, i));

        if (views != NULL && views->len == 2 &&
            flexo_shape_get_diagram (g_ptr_array_index (views, 0)) !=
            flexo_shape_get_diagram (g_ptr_array_index (views, 1)))
          shared = TRUE;
      }
    ck_assert_msg (shared, "no instance is shown in both diagrams");
  }
}
END_TEST

START_TEST (test_gzip_is_read_transparently)
{
  g_autofree char *path = data_path ("native/library-gzip.flexo");
  g_autofree char *plain = flexo_test_source_path ("resources/examples/library.flexo");
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) zipped = flexo_format_load (path, &error);
  g_autoptr(FlexoDocument) unzipped = flexo_format_load (plain, NULL);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;

  ck_assert_msg (zipped != NULL, "%s", error ? error->message : "?");
  a = flexo_native_save_bytes (zipped);
  b = flexo_native_save_bytes (unzipped);
  assert_bytes_equal (a, b);
}
END_TEST

/* Broken and hostile files: each gives "FILE:LINE: …" naming the problem. */
static const struct
{
  const char *file;
  int         line;
  const char *message;
} broken[] = {
  { "truncated.flexo", 6, "unexpected end of the document" },
  { "wrong-root.flexo", 2, "root element is <diagram>" },
  { "unknown-version.flexo", 2, "version 7" },
  { "dangling-reference.flexo", 6, "no shape with id “s99”" },
  { "duplicate-id.flexo", 6, "duplicate id “s2” (first used at line 5)" },
  { "non-numeric-coordinate.flexo", 5, "“12abc”" },
  { "xxe.flexo", 2, "DOCTYPE" },
  { "billion-laughs.flexo", 2, "DOCTYPE" },
  { "deep-nesting.flexo", 4, "unexpected element <diagram>" },
  { "huge-attribute.flexo", 4, "too large" },
  { "unknown-element.flexo", 5, "unexpected element <script>" },
  { "bad-id.flexo", 5, "invalid id “c2”" },
  { "connector-across-diagrams.flexo", 9, "another diagram" },
  { "wrong-reference-kind.flexo", 8, "no relation with id “r1”" },
  { "inheritance-cycle.flexo", 5, "inherit from itself" },
  { "bad-style.flexo", 6, "“red”" },
  { "empty.flexo", 1, "empty" },
  { "bad-uuid.flexo", 2, "origin is not a UUID: “not-a-uuid”" },
  { "bad-form.flexo", 6, "form is not path data of absolute M, L, C and Z commands (at character 13)" },
  { "form-out-of-box.flexo", 6, "form is not one outline within its box" },
  { "form-two-outlines.flexo", 5, "form is not one outline within its box" },
};

START_TEST (test_broken_file)
{
  g_autofree char *name = g_build_filename ("native", broken[_i].file, NULL);
  g_autofree char *path = data_path (name);
  g_autofree char *prefix = g_strdup_printf ("%s:%d: ", path, broken[_i].line);
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) doc = flexo_format_load (path, &error);

  ck_assert_msg (doc == NULL, "%s loaded", broken[_i].file);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (g_str_has_prefix (error->message, prefix),
                 "%s: expected “%s…”, got “%s”", broken[_i].file, prefix, error->message);
  ck_assert_msg (strstr (error->message, broken[_i].message) != NULL,
                 "%s: expected “%s” in “%s”", broken[_i].file, broken[_i].message, error->message);
  /* The XXE never reads the file it names. */
  ck_assert (strstr (error->message, "root:") == NULL);
}
END_TEST

START_TEST (test_missing_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) doc = flexo_format_load ("/nonexistent/dir/file.flexo", &error);

  ck_assert_ptr_null (doc);
  ck_assert (g_str_has_prefix (error->message, "/nonexistent/dir/file.flexo: "));
}
END_TEST

START_TEST (test_save_is_atomic)
{
  static const FlexoAtomicStep steps[] = {
    FLEXO_ATOMIC_STEP_OPEN, FLEXO_ATOMIC_STEP_WRITE, FLEXO_ATOMIC_STEP_FSYNC, FLEXO_ATOMIC_STEP_RENAME,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("flexo-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "doc.flexo", NULL);
  g_autoptr(FlexoDocument) doc = build_everything ();
  g_autofree char *before = NULL;
  gsize before_length;

  ck_assert (flexo_format_save (doc, path, &error));
  ck_assert (g_file_get_contents (path, &before, &before_length, NULL));

  /* Change the document, then fail the save at each step in turn. */
  flexo_document_begin (doc, "Rename");
  flexo_diagram_set_name (g_ptr_array_index (flexo_document_get_diagrams (doc), 0), "Changed");
  flexo_document_commit (doc);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *after = NULL;
      g_autoptr(GError) save_error = NULL;
      g_autoptr(GDir) listing = NULL;
      gsize after_length;
      guint n_files = 0;

      flexo_atomic_file_set_fail_at (steps[i]);
      ck_assert_msg (!flexo_format_save (doc, path, &save_error), "step %u did not fail", i);
      flexo_atomic_file_set_fail_at (FLEXO_ATOMIC_STEP_NONE);
      ck_assert_ptr_nonnull (save_error);
      ck_assert_msg (strstr (save_error->message, "doc.flexo") != NULL, "%s", save_error->message);
      ck_assert (flexo_document_get_modified (doc));

      ck_assert (g_file_get_contents (path, &after, &after_length, NULL));
      ck_assert_msg (after_length == before_length && memcmp (before, after, after_length) == 0,
                     "step %u changed the original file", i);

      /* No temporary file left behind. */
      listing = g_dir_open (dir, 0, NULL);
      while (g_dir_read_name (listing) != NULL)
        n_files++;
      ck_assert_uint_eq (n_files, 1);
    }

  /* And then it saves. */
  ck_assert (flexo_format_save (doc, path, &error));
  ck_assert (!flexo_document_get_modified (doc));
  g_unlink (path);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_load_leaves_document_unmodified_with_new_ids_above)
{
  g_autofree char *path = flexo_test_source_path ("resources/examples/library.flexo");
  g_autoptr(FlexoDocument) doc = flexo_format_load (path, NULL);
  g_autoptr(FlexoShape) shape = NULL;
  guint max_id = 0;

  ck_assert_ptr_nonnull (doc);
  ck_assert (!flexo_document_get_modified (doc));
  ck_assert (!flexo_document_can_undo (doc));

  for (guint i = 1; i < 1000; i++)
    if (flexo_document_lookup (doc, i) != NULL)
      max_id = i;

  shape = flexo_shape_new (doc, NULL);
  ck_assert_uint_gt (flexo_object_get_id (FLEXO_OBJECT (shape)), max_id);
}
END_TEST

/* A Bézier connector's routing and control points round trip exactly;
 * files of the previous version, which knew no "bezier", read as they
 * did. */
START_TEST (test_bezier_round_trips)
{
  static const char old[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<flexo version=\"1\">\n"
    "  <metamodel/>\n  <palettes/>\n  <model/>\n"
    "  <diagrams>\n"
    "    <diagram id=\"d1\" name=\"Old\">\n"
    "      <shape id=\"s2\" x=\"0\" y=\"0\" width=\"90\" height=\"36\"/>\n"
    "      <shape id=\"s3\" x=\"300\" y=\"0\" width=\"90\" height=\"36\"/>\n"
    "      <connector id=\"e4\" source=\"s2\" target=\"s3\">\n"
    "        <style routing=\"curved\"/>\n"
    "        <point x=\"150\" y=\"80\"/>\n"
    "      </connector>\n"
    "    </diagram>\n"
    "  </diagrams>\n"
    "</flexo>\n";
  const FlexoPoint chain[] = { { 120.5, -40.25 }, { 150, -80 }, { 200.125, 10 }, { 250, 100 }, { 280, 1e-3 } };
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(FlexoDiagram) diagram = flexo_diagram_new (doc, "Curves");
  g_autoptr(FlexoShape) a = flexo_shape_new (doc, &FLEXO_RECT_INIT (0, 0, 90, 36));
  g_autoptr(FlexoShape) b = flexo_shape_new (doc, &FLEXO_RECT_INIT (300, 0, 90, 36));
  g_autoptr(FlexoConnector) c = flexo_connector_new (doc, a, b);
  g_autoptr(FlexoStyle) style = flexo_style_new ();
  g_autoptr(FlexoDocument) loaded = NULL;
  g_autoptr(FlexoDocument) previous = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) old_bytes = g_bytes_new_static (old, sizeof old - 1);
  g_autoptr(GError) error = NULL;
  FlexoConnector *read;
  FlexoStyle resolved;
  GArray *w;

  flexo_document_begin (doc, "Add");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  flexo_diagram_add_item (diagram, a);
  flexo_diagram_add_item (diagram, b);
  flexo_style_set_routing (style, FLEXO_ROUTING_BEZIER);
  flexo_connector_set_style (c, style);
  flexo_connector_set_waypoints (c, chain, G_N_ELEMENTS (chain));
  flexo_diagram_add_item (diagram, c);
  flexo_document_commit (doc);

  first = flexo_native_save_bytes (doc);
  flexo_test_assert_valid_flexo (first);
  ck_assert (strstr (g_bytes_get_data (first, NULL), "routing=\"bezier\"") != NULL);
  loaded = flexo_native_load_bytes (first, "bezier.flexo", &error);
  ck_assert_msg (loaded != NULL, "%s", error ? error->message : "?");
  read = g_ptr_array_index (flexo_diagram_get_items (g_ptr_array_index (flexo_document_get_diagrams (loaded), 0)), 2);
  ck_assert (FLEXO_IS_CONNECTOR (read));
  flexo_connector_resolve_style (read, &resolved);
  ck_assert_int_eq (resolved.routing, FLEXO_ROUTING_BEZIER);
  w = flexo_connector_get_waypoints (read);
  ck_assert_ptr_nonnull (w);
  ck_assert_uint_eq (w->len, G_N_ELEMENTS (chain));
  for (guint i = 0; i < w->len; i++)
    {
      ck_assert_double_eq (g_array_index (w, FlexoPoint, i).x, chain[i].x);
      ck_assert_double_eq (g_array_index (w, FlexoPoint, i).y, chain[i].y);
    }
  second = flexo_native_save_bytes (loaded);
  assert_bytes_equal (first, second);

  previous = flexo_native_load_bytes (old_bytes, "old.flexo", &error);
  ck_assert_msg (previous != NULL, "%s", error ? error->message : "?");
  read = g_ptr_array_index (flexo_diagram_get_items (g_ptr_array_index (flexo_document_get_diagrams (previous), 0)), 2);
  flexo_connector_resolve_style (read, &resolved);
  ck_assert_int_eq (resolved.routing, FLEXO_ROUTING_CURVED);
  ck_assert_uint_eq (flexo_connector_get_waypoints (read)->len, 1);
  flexo_test_assert_valid_flexo (old_bytes);
}
END_TEST

static Suite *
native_format_suite (void)
{
  Suite *s = suite_create ("native-format");
  TCase *tc = tcase_create ("round-trip");
  TCase *bad = tcase_create ("broken");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_everything_round_trips_byte_identical);
  tcase_add_test (tc, test_identity_round_trips);
  tcase_add_test (tc, test_bezier_round_trips);
  tcase_add_test (tc, test_example_round_trips_byte_identical);
  tcase_add_test (tc, test_gzip_is_read_transparently);
  tcase_add_test (tc, test_save_is_atomic);
  tcase_add_test (tc, test_load_leaves_document_unmodified_with_new_ids_above);
  suite_add_tcase (s, tc);

  tcase_set_timeout (bad, 60);
  tcase_add_loop_test (bad, test_broken_file, 0, G_N_ELEMENTS (broken));
  tcase_add_test (bad, test_missing_file);
  suite_add_tcase (s, bad);

  return s;
}

int
main (void)
{
  return flexo_test_run (native_format_suite ());
}
