/* test-history-random.c — seeded random edit sequences against undo/redo
 *
 * For each seed: build a document, save it, apply random edits (each its
 * own transaction; some merged like a drag, some rolled back), save again;
 * undo everything and compare with the first save byte for byte, redo
 * everything and compare with the second.
 *
 * FLEXO_RANDOM_SEQUENCES overrides the number of sequences (default
 * 10,000); FLEXO_RANDOM_SEED runs one seed alone.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-format.h"
#include "flexo-model.h"
#include "flexo-test.h"

typedef struct
{
  FlexoDocument *doc;
  GRand         *rand;
} Ctx;

static int
pick (Ctx *ctx,
      int  n)
{
  return n <= 0 ? 0 : g_rand_int_range (ctx->rand, 0, n);
}

static double
coord (Ctx *ctx)
{
  /* Multiples of 0.25 and odd fractions both, to exercise number writing. */
  return pick (ctx, 2) ? pick (ctx, 4000) / 4.0 : g_rand_double_range (ctx->rand, -500, 1500);
}

static gpointer
pick_from (Ctx       *ctx,
           GPtrArray *array)
{
  if (array == NULL || array->len == 0)
    return NULL;
  return g_ptr_array_index (array, pick (ctx, array->len));
}

static FlexoDiagram *
pick_diagram (Ctx *ctx)
{
  return pick_from (ctx, flexo_document_get_diagrams (ctx->doc));
}

static gpointer
pick_item (Ctx   *ctx,
           GType  type)
{
  FlexoDiagram *diagram = pick_diagram (ctx);
  GPtrArray *items;

  if (diagram == NULL)
    return NULL;

  items = flexo_diagram_get_items (diagram);
  for (int tries = 0; tries < 8 && items->len > 0; tries++)
    {
      gpointer item = g_ptr_array_index (items, pick (ctx, items->len));

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        return item;
    }
  return NULL;
}

static void
random_style (Ctx        *ctx,
              FlexoStyle *style)
{
  int n = 1 + pick (ctx, 4);

  for (int i = 0; i < n; i++)
    switch (pick (ctx, 10))
      {
      case 0: flexo_style_set_shape_kind (style, pick (ctx, FLEXO_N_SHAPE_KINDS)); break;
      case 1: flexo_style_set_fill (style, g_rand_int (ctx->rand)); break;
      case 2: flexo_style_set_stroke (style, g_rand_int (ctx->rand) | 0xff); break;
      case 3: flexo_style_set_stroke_width (style, pick (ctx, 40) / 4.0); break;
      case 4: flexo_style_set_dash (style, pick (ctx, FLEXO_N_DASHES)); break;
      case 5: flexo_style_set_font_family (style, pick (ctx, 2) ? "Cantarell" : "Serif"); break;
      case 6: flexo_style_set_font_size (style, 6 + pick (ctx, 30)); break;
      case 7: flexo_style_set_arrow_end (style, pick (ctx, FLEXO_N_ARROW_HEADS)); break;
      case 8: flexo_style_set_routing (style, pick (ctx, FLEXO_N_ROUTINGS)); break;
      default: flexo_style_set_opacity (style, pick (ctx, 11) / 10.0); break;
      }
}

static FlexoShape *
new_shape (Ctx          *ctx,
           FlexoDiagram *diagram)
{
  g_autoptr(FlexoShape) shape = NULL;
  FlexoRect bounds = { coord (ctx), coord (ctx), 10 + pick (ctx, 200), 10 + pick (ctx, 120) };

  shape = flexo_shape_new (ctx->doc, &bounds);
  if (pick (ctx, 2))
    flexo_shape_set_text (shape, pick (ctx, 2) ? "Box" : "Two\nlines & <tags> \"quoted\"");
  if (pick (ctx, 3) == 0)
    flexo_shape_set_instance (shape, pick_from (ctx, flexo_document_get_instances (ctx->doc)));
  flexo_diagram_add_item (diagram, shape);
  return shape;
}

static void
new_connector (Ctx          *ctx,
               FlexoDiagram *diagram)
{
  g_autoptr(FlexoConnector) connector = NULL;
  FlexoShape *a = pick_item (ctx, FLEXO_TYPE_SHAPE);
  FlexoShape *b = pick_item (ctx, FLEXO_TYPE_SHAPE);

  /* Ends must be in the connector's own diagram. */
  if (a != NULL && flexo_shape_get_diagram (a) != diagram)
    a = NULL;
  if (b != NULL && flexo_shape_get_diagram (b) != diagram)
    b = NULL;

  connector = flexo_connector_new (ctx->doc, a, b);
  if (a == NULL)
    flexo_connector_set_source_point (connector, (FlexoPoint) { coord (ctx), coord (ctx) });
  if (b == NULL)
    flexo_connector_set_target_point (connector, (FlexoPoint) { coord (ctx), coord (ctx) });
  if (pick (ctx, 2))
    flexo_connector_set_label (connector, pick (ctx, FLEXO_N_LABELS), "label");
  flexo_diagram_add_item (diagram, connector);
}

static FlexoConcept *
new_concept (Ctx *ctx)
{
  g_autoptr(FlexoConcept) concept = flexo_concept_new (ctx->doc, "Concept");
  g_autoptr(FlexoProperty) name = flexo_property_new (ctx->doc, "name", FLEXO_PROPERTY_STRING);
  g_autoptr(FlexoProperty) size = flexo_property_new (ctx->doc, "size", FLEXO_PROPERTY_INTEGER);

  flexo_property_set_required (name, TRUE);
  flexo_property_set_default (size, "3");
  flexo_concept_add_property (concept, name);
  flexo_concept_add_property (concept, size);
  flexo_concept_set_label (concept, "{name}");
  flexo_object_insert_child (FLEXO_OBJECT (ctx->doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (concept));
  return concept;
}

static void
new_instance (Ctx *ctx)
{
  FlexoConcept *concept = pick_from (ctx, flexo_document_get_concepts (ctx->doc));
  g_autoptr(FlexoInstance) instance = NULL;

  if (concept == NULL)
    return;

  instance = flexo_instance_new (ctx->doc, concept);
  flexo_object_insert_child (FLEXO_OBJECT (ctx->doc), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (instance));
  if (flexo_concept_get_properties (concept)->len > 0)
    flexo_instance_set_value (instance, g_ptr_array_index (flexo_concept_get_properties (concept), 0), "Instance");
}

static void
new_relation_and_link (Ctx *ctx)
{
  FlexoConcept *a = pick_from (ctx, flexo_document_get_concepts (ctx->doc));
  FlexoConcept *b = pick_from (ctx, flexo_document_get_concepts (ctx->doc));
  FlexoInstance *ia = NULL, *ib = NULL;
  g_autoptr(FlexoRelation) relation = NULL;

  if (a == NULL || b == NULL)
    return;

  relation = flexo_relation_new (ctx->doc, "relates", a, b);
  flexo_relation_set_multiplicity (relation, pick (ctx, 2), pick (ctx, 2) ? FLEXO_MANY : 3);
  flexo_object_insert_child (FLEXO_OBJECT (ctx->doc), FLEXO_LIST_RELATIONS, -1, FLEXO_OBJECT (relation));

  if (flexo_concept_get_instances (a) != NULL)
    ia = pick_from (ctx, flexo_concept_get_instances (a));
  if (flexo_concept_get_instances (b) != NULL)
    ib = pick_from (ctx, flexo_concept_get_instances (b));
  if (ia != NULL && ib != NULL)
    {
      g_autoptr(FlexoLink) link = flexo_link_new (ctx->doc, relation, ia, ib);

      flexo_object_insert_child (FLEXO_OBJECT (ctx->doc), FLEXO_LIST_LINKS, -1, FLEXO_OBJECT (link));
    }
}

static void
new_palette (Ctx *ctx)
{
  g_autoptr(FlexoPalette) palette = flexo_palette_new (ctx->doc, "Palette");
  g_autoptr(FlexoPaletteEntry) entry = flexo_palette_entry_new (ctx->doc, "Entry");
  FlexoStyle style = { 0 };

  flexo_palette_entry_set_concept (entry, pick_from (ctx, flexo_document_get_concepts (ctx->doc)));
  flexo_palette_entry_set_size (entry, 120, 60);
  random_style (ctx, &style);
  flexo_palette_entry_set_style (entry, &style);
  flexo_palette_add_entry (palette, entry);
  flexo_object_insert_child (FLEXO_OBJECT (ctx->doc), FLEXO_LIST_PALETTES, -1, FLEXO_OBJECT (palette));
}

static void
new_diagram (Ctx *ctx)
{
  g_autoptr(FlexoDiagram) diagram = flexo_diagram_new (ctx->doc, "Diagram");

  flexo_object_insert_child (FLEXO_OBJECT (ctx->doc), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  for (int i = 0, n = pick (ctx, 6); i < n; i++)
    new_shape (ctx, diagram);
  for (int i = 0, n = pick (ctx, 4); i < n; i++)
    new_connector (ctx, diagram);
}

static void
delete_something (Ctx *ctx)
{
  FlexoObject *victim = NULL;

  switch (pick (ctx, 6))
    {
    case 0: victim = pick_item (ctx, FLEXO_TYPE_SHAPE); break;
    case 1: victim = pick_item (ctx, FLEXO_TYPE_CONNECTOR); break;
    case 2: victim = pick_from (ctx, flexo_document_get_concepts (ctx->doc)); break;
    case 3: victim = pick_from (ctx, flexo_document_get_relations (ctx->doc)); break;
    case 4: victim = pick_from (ctx, flexo_document_get_instances (ctx->doc)); break;
    default:
      {
        FlexoConcept *c = pick_from (ctx, flexo_document_get_concepts (ctx->doc));
        victim = c ? pick_from (ctx, flexo_concept_get_properties (c)) : NULL;
      }
      break;
    }

  /* Refusals (a concept with instances) are part of the game. */
  if (victim != NULL)
    flexo_document_delete (ctx->doc, victim, NULL);
}

static void
random_edit (Ctx *ctx)
{
  FlexoShape *shape;
  FlexoConnector *connector;
  FlexoDiagram *diagram;
  FlexoStyle style = { 0 };

  switch (pick (ctx, 16))
    {
    case 0:
      if ((diagram = pick_diagram (ctx)) != NULL)
        new_shape (ctx, diagram);
      break;
    case 1:
      delete_something (ctx);
      break;
    case 2:
      if ((shape = pick_item (ctx, FLEXO_TYPE_SHAPE)) != NULL)
        flexo_shape_move_by (shape, coord (ctx) / 10, coord (ctx) / 10);
      break;
    case 3:
      if ((shape = pick_item (ctx, FLEXO_TYPE_SHAPE)) != NULL)
        {
          FlexoRect r = *flexo_shape_get_bounds (shape);

          r.width = 1 + pick (ctx, 300);
          r.height = 1 + pick (ctx, 300);
          flexo_shape_set_bounds (shape, &r);
        }
      break;
    case 4:
      random_style (ctx, &style);
      if ((shape = pick_item (ctx, FLEXO_TYPE_SHAPE)) != NULL)
        flexo_shape_set_style (shape, pick (ctx, 5) ? &style : NULL);
      else if ((connector = pick_item (ctx, FLEXO_TYPE_CONNECTOR)) != NULL)
        flexo_connector_set_style (connector, &style);
      break;
    case 5:
      if ((diagram = pick_diagram (ctx)) != NULL)
        new_connector (ctx, diagram);
      break;
    case 6:
      if ((connector = pick_item (ctx, FLEXO_TYPE_CONNECTOR)) != NULL &&
          (shape = pick_item (ctx, FLEXO_TYPE_SHAPE)) != NULL &&
          flexo_shape_get_diagram (shape) == flexo_connector_get_diagram (connector))
        {
          if (pick (ctx, 2))
            flexo_connector_set_source (connector, shape);
          else
            flexo_connector_set_target (connector, shape);
        }
      break;
    case 7:
      {
        FlexoInstance *instance = pick_from (ctx, flexo_document_get_instances (ctx->doc));
        FlexoConcept *concept = instance ? flexo_instance_get_concept (instance) : NULL;
        FlexoProperty *property = concept ? pick_from (ctx, flexo_concept_get_properties (concept)) : NULL;

        if (property != NULL)
          flexo_instance_set_value (instance, property, pick (ctx, 4) ? "value ✓" : NULL);
      }
      break;
    case 8:
      if (pick (ctx, 2))
        new_concept (ctx);
      else
        new_instance (ctx);
      break;
    case 9:
      new_relation_and_link (ctx);
      break;
    case 10:
      {
        FlexoShape *child = pick_item (ctx, FLEXO_TYPE_SHAPE);
        FlexoShape *frame = pick_item (ctx, FLEXO_TYPE_SHAPE);

        if (child != NULL && frame != NULL &&
            flexo_shape_get_diagram (child) == flexo_shape_get_diagram (frame) &&
            !flexo_shape_is_inside (frame, child))
          flexo_shape_set_parent (child, pick (ctx, 4) ? frame : NULL);
      }
      break;
    case 11:
      if ((connector = pick_item (ctx, FLEXO_TYPE_CONNECTOR)) != NULL)
        {
          FlexoPoint points[3] = { { coord (ctx), coord (ctx) }, { coord (ctx), coord (ctx) }, { 1, 2 } };

          flexo_connector_set_waypoints (connector, points, pick (ctx, 4));
        }
      break;
    case 12:
      if ((diagram = pick_diagram (ctx)) != NULL && flexo_diagram_get_items (diagram)->len > 1)
        {
          GPtrArray *items = flexo_diagram_get_items (diagram);

          flexo_object_move_child (FLEXO_OBJECT (diagram), FLEXO_LIST_ITEMS,
                                   g_ptr_array_index (items, pick (ctx, items->len)),
                                   pick (ctx, items->len));
        }
      break;
    case 13:
      if ((diagram = pick_diagram (ctx)) != NULL && pick (ctx, 2))
        flexo_diagram_set_name (diagram, "Renamed «diagram»");
      else
        new_diagram (ctx);
      break;
    case 14:
      {
        FlexoConcept *concept = pick_from (ctx, flexo_document_get_concepts (ctx->doc));

        if (concept != NULL)
          {
            random_style (ctx, &style);
            flexo_concept_set_style (concept, &style);
            flexo_concept_set_name (concept, "Restyled");
          }
      }
      break;
    default:
      new_palette (ctx);
      break;
    }
}

static GBytes *
save (FlexoDocument *doc)
{
  return flexo_native_save_bytes (doc);
}

static void
run_sequence (guint32 seed)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(GBytes) initial = NULL;
  g_autoptr(GBytes) final = NULL;
  g_autoptr(GBytes) after_undo = NULL;
  g_autoptr(GBytes) after_redo = NULL;
  Ctx ctx = { doc, g_rand_new_with_seed (seed) };
  int n_edits;

  /* A starting document, as if loaded. */
  flexo_document_begin (doc, "Build");
  for (int i = 0, n = 1 + pick (&ctx, 3); i < n; i++)
    new_concept (&ctx);
  for (int i = 0, n = pick (&ctx, 5); i < n; i++)
    new_instance (&ctx);
  new_relation_and_link (&ctx);
  new_diagram (&ctx);
  flexo_document_commit (doc);
  flexo_document_clear_history (doc);
  flexo_document_set_saved (doc);

  initial = save (doc);

  n_edits = 1 + pick (&ctx, 24);
  for (int i = 0; i < n_edits; i++)
    {
      int how = pick (&ctx, 8);

      if (how == 0)
        flexo_document_begin_merge (doc, "Drag", "drag");
      else
        flexo_document_begin (doc, "Edit");

      random_edit (&ctx);
      if (pick (&ctx, 3) == 0)
        random_edit (&ctx);

      if (how == 1)
        flexo_document_rollback (doc);
      else
        flexo_document_commit (doc);

      if (pick (&ctx, 6) == 0)
        flexo_document_undo (doc);
    }

  /* The last state of the history: an undo at the end, followed by edits
   * that changed nothing, leaves entries to redo. */
  while (flexo_document_redo (doc))
    ;
  final = save (doc);
  /* Every written file is valid; checking one in 25 keeps the suite fast. */
  if (seed % 25 == 0)
    {
      flexo_test_assert_valid_flexo (initial);
      flexo_test_assert_valid_flexo (final);
    }

  while (flexo_document_undo (doc))
    ;
  after_undo = save (doc);
  ck_assert_msg (g_bytes_equal (initial, after_undo),
                 "seed %u: after undoing everything the document differs from the start:\n"
                 "--- start\n%s\n--- after undo\n%s",
                 seed, (const char *) g_bytes_get_data (initial, NULL),
                 (const char *) g_bytes_get_data (after_undo, NULL));
  ck_assert_msg (!flexo_document_get_modified (doc), "seed %u: modified after undoing everything", seed);

  while (flexo_document_redo (doc))
    ;
  after_redo = save (doc);
  ck_assert_msg (g_bytes_equal (final, after_redo),
                 "seed %u: after redoing everything the document differs from the end:\n"
                 "--- end\n%s\n--- after redo\n%s",
                 seed, (const char *) g_bytes_get_data (final, NULL),
                 (const char *) g_bytes_get_data (after_redo, NULL));

  g_rand_free (ctx.rand);
}

START_TEST (test_random_sequences)
{
  const char *one = g_getenv ("FLEXO_RANDOM_SEED");
  const char *count = g_getenv ("FLEXO_RANDOM_SEQUENCES");
  guint n = count ? (guint) g_ascii_strtoull (count, NULL, 10) : 10000;

  if (one != NULL)
    {
      run_sequence ((guint32) g_ascii_strtoull (one, NULL, 10));
      return;
    }

  for (guint seed = 1; seed <= n; seed++)
    run_sequence (seed);
}
END_TEST

static Suite *
random_suite (void)
{
  Suite *s = suite_create ("history-random");
  TCase *tc = tcase_create ("sequences");

  /* 10,000 sequences take a few seconds, longer under the sanitizers. */
  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_random_sequences);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return flexo_test_run (random_suite ());
}
