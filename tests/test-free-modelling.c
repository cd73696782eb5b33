/* test-free-modelling.c — conceptualizing a drawing through the window
 *
 * The workshop's drawing (tests/data/model/workshop.flexo: three notes,
 * three boxes, three dashed connectors) is turned into a model with the
 * window's actions and their dialogs, answered as a person would; then an
 * editor is made from the concepts and drawn with. Undo gives the drawing
 * back byte for byte.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "flexo-canvas.h"
#include "flexo-conceptualize.h"
#include "flexo-format.h"
#include "flexo-gui-test.h"
#include "flexo-inspector.h"
#include "flexo-instance-editor.h"
#include "flexo-model-tree.h"
#include "flexo-model.h"
#include "flexo-palette-view.h"
#include "flexo-test.h"

static FlexoApplication *app;
static FlexoWindow *window;
static FlexoDocument *doc;
static FlexoCanvas *canvas;
static GBytes *drawing;

static void
setup (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("FLEXO_TEST_DATA"), "model", "workshop.flexo", NULL);
  g_autoptr(FlexoDocument) workshop = NULL;

  flexo_gui_test_init_locale ("en");
  app = flexo_gui_test_open_app (&window);
  workshop = flexo_format_load (path, NULL);
  ck_assert_ptr_nonnull (workshop);
  flexo_window_set_document (window, workshop, NULL);
  doc = workshop;
  canvas = FLEXO_CANVAS (flexo_window_get_canvas (window));
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (canvas)) > 0);
  flexo_gui_test_flush ();
  drawing = flexo_native_save_bytes (doc);
}

static void
teardown (void)
{
  g_clear_pointer (&drawing, g_bytes_unref);
  canvas = NULL;
  doc = NULL;
  window = NULL;
  flexo_gui_test_teardown (&app);
}

static gpointer
item (guint index)
{
  return g_ptr_array_index (flexo_diagram_get_items (flexo_canvas_get_diagram (canvas)), index);
}

static void
select_only (gpointer object)
{
  flexo_canvas_select (canvas, object, FALSE);
  flexo_gui_test_flush ();
}

static gboolean
enabled (const char *action)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), action);
}

/* Runs @action and answers its dialog: @name in its entry (when not
 * NULL), then @response. */
static void
answer (const char *action,
        const char *name,
        const char *response)
{
  AdwMessageDialog *dialog;

  ck_assert_msg (enabled (action), "%s is disabled", action);
  g_action_group_activate_action (G_ACTION_GROUP (window), action, NULL);
  flexo_gui_test_flush ();
  dialog = ADW_MESSAGE_DIALOG (flexo_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  ck_assert_ptr_nonnull (dialog);
  if (name != NULL)
    {
      GtkWidget *entry = flexo_gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL, NULL);

      ck_assert_ptr_nonnull (entry);
      gtk_editable_set_text (GTK_EDITABLE (entry), name);
    }
  ck_assert (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  flexo_gui_test_flush ();
}

static FlexoConcept *
concept_named (FlexoDocument *document,
               const char    *name)
{
  GPtrArray *concepts = flexo_document_get_concepts (document);

  for (guint i = 0; i < concepts->len; i++)
    if (strcmp (flexo_concept_get_name (g_ptr_array_index (concepts, i)), name) == 0)
      return g_ptr_array_index (concepts, i);
  return NULL;
}

START_TEST (test_conceptualize_through_the_window)
{
  FlexoPaletteView *palette = FLEXO_PALETTE_VIEW (flexo_gui_test_find_widget (GTK_WIDGET (window),
                                                                             FLEXO_TYPE_PALETTE_VIEW, NULL, NULL));
  FlexoInspector *inspector = FLEXO_INSPECTOR (flexo_gui_test_find_widget (GTK_WIDGET (window),
                                                                          FLEXO_TYPE_INSPECTOR, NULL, NULL));
  GtkWidget *add, *popover, *field;
  FlexoConcept *person, *task;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  /* The two looks drawn are in the palette, each with a suggestion. */
  ck_assert_ptr_nonnull (flexo_gui_test_find_model_item (palette, "Note"));
  ck_assert_ptr_nonnull (flexo_gui_test_find_model_item (palette, "Rounded Rectangle"));
  ck_assert_ptr_nonnull (flexo_gui_test_find_widget (GTK_WIDGET (palette), GTK_TYPE_LABEL, "label",
                                                     "3 shapes alike (Note, yellow)"));
  ck_assert_ptr_nonnull (flexo_gui_test_find_widget (GTK_WIDGET (palette), GTK_TYPE_LABEL, "label",
                                                     "3 shapes alike (Rounded Rectangle, blue)"));
  ck_assert (!enabled ("create-relation"));
  ck_assert (!enabled ("create-editor"));

  /* Alice's note: the dialog offers her text, and the two other notes. */
  select_only (item (0));
  ck_assert (!enabled ("declare-instance"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "create-concept", NULL);
  flexo_gui_test_flush ();
  dialog = ADW_MESSAGE_DIALOG (flexo_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  ck_assert_ptr_nonnull (dialog);
  entry = flexo_gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL, NULL);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (entry)), "Alice");
  ck_assert_ptr_nonnull (flexo_gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, "label",
                                                     "Also the 2 other shapes that look the same"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  ck_assert (!adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Person");
  adw_message_dialog_response (dialog, "create");
  gtk_window_destroy (GTK_WINDOW (dialog));
  flexo_gui_test_flush ();
  person = concept_named (doc, "Person");
  ck_assert_ptr_nonnull (person);
  ck_assert_uint_eq (flexo_concept_get_instances (person)->len, 3);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Create Concept");
  /* Its look left Used Shapes for Concepts, its suggestion too. */
  WAIT_FOR (flexo_gui_test_find_model_item (palette, "Note") == NULL);
  ck_assert_ptr_nonnull (flexo_gui_test_find_model_item (palette, "Person"));
  ck_assert_ptr_null (flexo_gui_test_find_widget (GTK_WIDGET (palette), GTK_TYPE_LABEL, "label",
                                                  "3 shapes alike (Note, yellow)"));

  /* A taken name is refused in the dialog. */
  select_only (item (3));
  g_action_group_activate_action (G_ACTION_GROUP (window), "create-concept", NULL);
  flexo_gui_test_flush ();
  dialog = ADW_MESSAGE_DIALOG (flexo_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  entry = flexo_gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Person");
  ck_assert (!adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  flexo_gui_test_flush ();
  /* The boxes through the palette's suggestion. */
  {
    GtkWidget *label = flexo_gui_test_find_widget (GTK_WIDGET (palette), GTK_TYPE_LABEL, "label",
                                                   "3 shapes alike (Rounded Rectangle, blue)");
    GtkWidget *button = gtk_widget_get_next_sibling (label);

    ck_assert (GTK_IS_BUTTON (button));
    g_signal_emit_by_name (button, "clicked");
    flexo_gui_test_flush ();
    dialog = ADW_MESSAGE_DIALOG (flexo_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    ck_assert_ptr_nonnull (dialog);
    entry = flexo_gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL, NULL);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Task");
    adw_message_dialog_response (dialog, "create");
    gtk_window_destroy (GTK_WINDOW (dialog));
    flexo_gui_test_flush ();
  }
  task = concept_named (doc, "Task");
  ck_assert_uint_eq (flexo_concept_get_instances (task)->len, 3);

  /* The connector labelled "does": a relation, with its two look-alikes. */
  select_only (item (6));
  answer ("create-relation", NULL, "create");
  ck_assert_uint_eq (flexo_document_get_relations (doc)->len, 1);
  ck_assert_str_eq (flexo_relation_get_name (g_ptr_array_index (flexo_document_get_relations (doc), 0)), "does");
  ck_assert_uint_eq (flexo_document_get_links (doc)->len, 3);
  ck_assert (!enabled ("create-relation"));

  /* A property added from Bob's instance in the inspector. */
  select_only (item (1));
  add = flexo_instance_editor_get_add_button (FLEXO_INSTANCE_EDITOR (flexo_inspector_get_instance_editor (inspector)));
  ck_assert (gtk_widget_is_visible (add));
  gtk_menu_button_popup (GTK_MENU_BUTTON (add));
  flexo_gui_test_flush ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add)));
  field = flexo_gui_test_find_widget (popover, GTK_TYPE_ENTRY, "tooltip-text", "Name");
  gtk_editable_set_text (GTK_EDITABLE (field), "role");
  field = flexo_gui_test_find_widget (popover, GTK_TYPE_ENTRY, "tooltip-text", "Value");
  gtk_editable_set_text (GTK_EDITABLE (field), "facilitator");
  g_signal_emit_by_name (field, "activate");
  flexo_gui_test_flush ();
  ck_assert_ptr_nonnull (flexo_concept_find_property (person, "role"));
  ck_assert_str_eq (flexo_instance_get_value_by_name (flexo_shape_get_instance (item (1)), "role"), "facilitator");
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Add Property");
  WAIT_FOR (flexo_instance_editor_get_field (FLEXO_INSTANCE_EDITOR (flexo_inspector_get_instance_editor (inspector)),
                                             "role") != NULL);

  /* A new note declared a Person, keeping its own look. */
  {
    g_autoptr(FlexoPaletteItem) note_item = NULL;
    g_autoptr(FlexoStyle) style = flexo_style_new ();
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    FlexoShape *note;
    GtkWidget *keep;

    flexo_style_set_shape_kind (style, FLEXO_SHAPE_CLOUD);
    note_item = flexo_palette_item_new_shape ("Cloud", style, 100, 60);
    note = flexo_canvas_add_shape (canvas, note_item, &FLEXO_RECT_INIT (700, 60, 100, 60));
    flexo_document_begin (doc, "Text");
    flexo_shape_set_text (note, "Dan");
    flexo_document_commit (doc);
    before = flexo_shape_dup_look_key (note);
    select_only (note);
    ck_assert (enabled ("declare-instance"));
    g_action_group_activate_action (G_ACTION_GROUP (window), "declare-instance", NULL);
    flexo_gui_test_flush ();
    dialog = ADW_MESSAGE_DIALOG (flexo_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    keep = flexo_gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, "label", "Keep this shape’s own look");
    ck_assert_ptr_nonnull (keep);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (keep), TRUE);
    adw_message_dialog_response (dialog, "declare");
    gtk_window_destroy (GTK_WINDOW (dialog));
    flexo_gui_test_flush ();
    ck_assert_ptr_eq (flexo_instance_get_concept (flexo_shape_get_instance (note)), person);
    ck_assert_str_eq (flexo_instance_get_value_by_name (flexo_shape_get_instance (note), "name"), "Dan");
    after = flexo_shape_dup_look_key (note);
    ck_assert_str_eq (after, before);
  }

  /* Everything undone: the drawing as it was, byte for byte. */
  while (flexo_document_can_undo (doc))
    ck_assert (flexo_document_undo (doc));
  {
    g_autoptr(GBytes) now = flexo_native_save_bytes (doc);

    ck_assert (g_bytes_equal (now, drawing));
  }
  WAIT_FOR (flexo_gui_test_find_model_item (palette, "Note") != NULL);
}
END_TEST

START_TEST (test_editor_from_concepts)
{
  g_autofree char *dir = g_dir_make_tmp ("flexo-free-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "language.flexo", NULL);
  FlexoWindow *other;
  FlexoDocument *editor;
  FlexoCanvas *editor_canvas;
  FlexoPaletteView *palette;
  guint n_windows;

  select_only (item (0));
  answer ("create-concept", "Person", "create");
  select_only (item (3));
  answer ("create-concept", "Task", "create");
  select_only (item (6));
  answer ("create-relation", "does", "create");

  /* A new window with the language: its palette, an empty diagram. */
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  ck_assert (enabled ("create-editor"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "create-editor", NULL);
  flexo_gui_test_flush ();
  ck_assert_uint_eq (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), n_windows + 1);
  other = FLEXO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ck_assert_ptr_ne (other, window);
  editor = flexo_window_get_document (other);
  ck_assert_uint_eq (flexo_document_get_concepts (editor)->len, 2);
  ck_assert_uint_eq (flexo_document_get_instances (editor)->len, 0);
  ck_assert_uint_eq (flexo_document_get_palettes (editor)->len, 1);
  ck_assert_str_eq (flexo_palette_get_name (g_ptr_array_index (flexo_document_get_palettes (editor), 0)),
                    "New Language");

  /* Drawn with: a Person from its palette. */
  editor_canvas = FLEXO_CANVAS (flexo_window_get_canvas (other));
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (editor_canvas)) > 0);
  palette = FLEXO_PALETTE_VIEW (flexo_gui_test_find_widget (GTK_WIDGET (other), FLEXO_TYPE_PALETTE_VIEW, NULL, NULL));
  g_signal_emit_by_name (flexo_palette_view_get_button (palette, flexo_gui_test_model_item (palette, "Person")),
                         "clicked");
  flexo_canvas_scroll_to (editor_canvas, (FlexoPoint) { 0, 0 }, 0, 0);
  flexo_gui_test_drag (editor_canvas, 100, 100, 0, 0);
  flexo_canvas_stop_editing (editor_canvas, FALSE);
  ck_assert_uint_eq (flexo_document_get_instances (editor)->len, 1);
  /* Sized as the workshop drew its notes. */
  {
    FlexoShape *shape = g_ptr_array_index (flexo_diagram_get_items (flexo_canvas_get_diagram (editor_canvas)), 0);

    ck_assert_double_eq (flexo_shape_get_bounds (shape)->width, 120);
    ck_assert_double_eq (flexo_shape_get_bounds (shape)->height, 70);
  }

  /* Saved, it reads back with its language. */
  ck_assert (flexo_format_save (editor, path, NULL));
  {
    g_autoptr(FlexoDocument) back = flexo_format_load (path, NULL);

    ck_assert_ptr_nonnull (back);
    ck_assert_uint_eq (flexo_document_get_concepts (back)->len, 2);
    ck_assert_uint_eq (flexo_document_get_relations (back)->len, 1);
    ck_assert_uint_eq (flexo_document_get_instances (back)->len, 1);
  }
  g_unlink (path);
  g_rmdir (dir);
}
END_TEST

/* The outline's Unclassified rows: the free shapes and connectors. */
static guint
n_unclassified (FlexoModelTree *outline)
{
  g_autoptr(GPtrArray) objects = flexo_model_tree_dup_objects (outline);
  guint n = 0;

  for (guint i = 0; i < objects->len; i++)
    {
      gpointer object = g_ptr_array_index (objects, i);

      n += (FLEXO_IS_SHAPE (object) && flexo_shape_get_instance (object) == NULL) ||
           (FLEXO_IS_CONNECTOR (object) && flexo_connector_get_link (object) == NULL);
    }
  return n;
}

START_TEST (test_unclassified)
{
  FlexoModelTree *outline = FLEXO_MODEL_TREE (flexo_gui_test_find_widget (GTK_WIDGET (window), FLEXO_TYPE_MODEL_TREE,
                                                                         NULL, NULL));
  g_autoptr(GPtrArray) objects = NULL;

  /* Everything drawn is unclassified at first, under its heading. */
  WAIT_FOR (n_unclassified (outline) == 9);
  objects = flexo_model_tree_dup_objects (outline);
  ck_assert_ptr_eq (g_ptr_array_index (objects, 0), doc);
  /* Activating one shows it. */
  flexo_model_tree_activate (outline, FLEXO_OBJECT (item (4)));
  ck_assert_ptr_eq (g_ptr_array_index (flexo_canvas_get_selection (canvas), 0), item (4));

  /* Classified, the notes leave it. */
  select_only (item (0));
  answer ("create-concept", "Person", "create");
  WAIT_FOR (n_unclassified (outline) == 6);

  /* The filter highlights them on every diagram. */
  ck_assert (!flexo_canvas_get_highlight_free (canvas));
  flexo_model_tree_set_highlight_unclassified (outline, TRUE);
  ck_assert (flexo_canvas_get_highlight_free (canvas));
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-diagram", NULL);
  flexo_gui_test_flush ();
  ck_assert (flexo_canvas_get_highlight_free (FLEXO_CANVAS (flexo_window_get_canvas (window))));
  flexo_model_tree_set_highlight_unclassified (outline, FALSE);
  ck_assert (!flexo_canvas_get_highlight_free (canvas));
  /* Drawn highlighted: orange around the boxes, not around the notes. */
  flexo_model_tree_set_highlight_unclassified (outline, TRUE);
  flexo_model_tree_activate (outline, FLEXO_OBJECT (item (3)));
  ck_assert_ptr_eq (flexo_window_get_canvas (window), GTK_WIDGET (canvas));
  {
    int w = gtk_widget_get_width (GTK_WIDGET (canvas)), h = gtk_widget_get_height (GTK_WIDGET (canvas));
    cairo_surface_t *surface = flexo_gui_test_render (GTK_WIDGET (canvas), w, h);
    guint orange_near_box = 0, orange_near_note = 0;
    double bx, by, nx, ny;

    /* Just left of Draft's box and of Alice's note, at mid-height. */
    flexo_canvas_diagram_to_view (canvas, (FlexoPoint) { 360 - 4, 90 }, &bx, &by);
    flexo_canvas_diagram_to_view (canvas, (FlexoPoint) { 60 - 4, 95 }, &nx, &ny);
    for (int dx = -3; dx <= 3; dx++)
      for (int dy = -6; dy <= 6; dy++)
        {
          guint32 *px = (guint32 *) (cairo_image_surface_get_data (surface) +
                                     ((int) by + dy) * cairo_image_surface_get_stride (surface)) + (int) bx + dx;
          guint32 *pn = (guint32 *) (cairo_image_surface_get_data (surface) +
                                     ((int) ny + dy) * cairo_image_surface_get_stride (surface)) + (int) nx + dx;
          /* Red high, blue low: orange. */
          orange_near_box += ((*px >> 16) & 0xff) > 180 && (*px & 0xff) < 100;
          orange_near_note += ((*pn >> 16) & 0xff) > 180 && (*pn & 0xff) < 100;
        }
    cairo_surface_destroy (surface);
    ck_assert_uint_gt (orange_near_box, 0);
    ck_assert_uint_eq (orange_near_note, 0);
  }
}
END_TEST

static Suite *
free_modelling_suite (void)
{
  Suite *s = suite_create ("free-modelling");
  TCase *tc = tcase_create ("window");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_conceptualize_through_the_window);
  tcase_add_test (tc, test_editor_from_concepts);
  tcase_add_test (tc, test_unclassified);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return flexo_gui_test_run (free_modelling_suite ());
}
