/* test-inspector.c — the style inspector, driven through its controls
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "flexo-form.h"
#include "flexo-gui-test.h"
#include "flexo-inspector.h"
#include "flexo-instance-editor.h"
#include "flexo-model.h"
#include "flexo-test.h"

static GtkWidget *window;
static FlexoInspector *inspector;
static FlexoDocument *doc;
static FlexoShape *a, *b;
static FlexoConnector *c;

static FlexoShape *
add_shape (FlexoDiagram *diagram,
           double        x)
{
  g_autoptr(FlexoShape) shape = flexo_shape_new (doc, &FLEXO_RECT_INIT (x, 0, 100, 50));

  flexo_diagram_add_item (diagram, shape);
  return shape;
}

static void
setup (void)
{
  g_autoptr(FlexoDiagram) diagram = NULL;
  g_autoptr(FlexoConnector) connector = NULL;

  flexo_gui_test_init_locale ("en");
  gtk_init ();
  doc = flexo_document_new ();
  diagram = flexo_diagram_new (doc, "D");
  flexo_document_begin (doc, "Build");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (diagram));
  a = add_shape (diagram, 0);
  b = add_shape (diagram, 200);
  connector = flexo_connector_new (doc, a, b);
  flexo_diagram_add_item (diagram, connector);
  c = connector;
  flexo_document_commit (doc);
  flexo_document_clear_history (doc);

  window = gtk_window_new ();
  inspector = FLEXO_INSPECTOR (flexo_inspector_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (inspector));
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (inspector)));
}

static void
teardown (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  flexo_gui_test_flush ();
  g_clear_object (&doc);
}

static void
select_items (gpointer first,
              ...)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (gpointer item = first; item != NULL; item = va_arg (args, gpointer))
    g_ptr_array_add (items, item);
  va_end (args);
  flexo_inspector_set_selection (inspector, doc, items);
}

static FlexoStyle
resolved (FlexoShape *shape)
{
  FlexoStyle style;

  flexo_shape_resolve_style (shape, &style);
  return style;
}

START_TEST (test_fill_applies_to_all_in_one_step)
{
  GtkWidget *fill;
  GdkRGBA red = { 1, 0, 0, 1 };

  select_items (a, b, NULL);
  fill = flexo_inspector_get_control (inspector, FLEXO_STYLE_FILL);
  ck_assert (GTK_IS_COLOR_BUTTON (fill));
  ck_assert_str_eq (gtk_widget_get_tooltip_text (fill), "Fill");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (fill), &red);

  ck_assert_uint_eq (resolved (a).fill, FLEXO_COLOR_RGBA (0xff, 0, 0, 0xff));
  ck_assert_uint_eq (resolved (b).fill, FLEXO_COLOR_RGBA (0xff, 0, 0, 0xff));
  /* Only the fill became an override. */
  ck_assert_uint_eq (flexo_shape_get_style (a)->set, FLEXO_STYLE_FILL);
  ck_assert_uint_eq (flexo_document_get_history_length (doc), 1);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Change Fill");

  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (resolved (a).fill, flexo_style_get_default ()->fill);
  ck_assert_uint_eq (resolved (b).fill, flexo_style_get_default ()->fill);
  /* The control follows the undo. */
  {
    GdkRGBA shown;

    gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (fill), &shown);
    ck_assert_double_eq (shown.green, 1.0);
  }
}
END_TEST

START_TEST (test_spin_steps_merge)
{
  GtkWidget *width;

  select_items (a, b, NULL);
  width = flexo_inspector_get_control (inspector, FLEXO_STYLE_STROKE_WIDTH);
  ck_assert (GTK_IS_SPIN_BUTTON (width));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (width), 2.0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (width), 2.5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (width), 3.0);
  ck_assert_double_eq (resolved (a).stroke_width, 3.0);
  ck_assert_uint_eq (flexo_document_get_history_length (doc), 1);
  ck_assert (flexo_document_undo (doc));
  ck_assert_double_eq (resolved (a).stroke_width, flexo_style_get_default ()->stroke_width);
}
END_TEST

/* A later change of the same control, once the focus has left it, is an
 * entry of its own; so is a new drag of the opacity slider. */
START_TEST (test_focus_leave_ends_merge)
{
  GtkWidget *width, *corners, *opacity;

  select_items (a, b, NULL);
  width = flexo_inspector_get_control (inspector, FLEXO_STYLE_STROKE_WIDTH);
  corners = flexo_inspector_get_control (inspector, FLEXO_STYLE_CORNER_RADIUS);
  ck_assert (gtk_widget_grab_focus (width));
  WAIT_FOR (gtk_widget_has_focus (gtk_root_get_focus (GTK_ROOT (window))) &&
            gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), width));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (width), 2.0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (width), 4.0);
  ck_assert_uint_eq (flexo_document_get_history_length (doc), 1);

  /* Away and back: a new gesture. */
  ck_assert (gtk_widget_grab_focus (corners));
  ck_assert (gtk_widget_grab_focus (width));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (width), 6.0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (width), 7.0);
  ck_assert_uint_eq (flexo_document_get_history_length (doc), 2);
  ck_assert (flexo_document_undo (doc));
  ck_assert_double_eq (resolved (a).stroke_width, 4.0);
  ck_assert_double_eq (resolved (b).stroke_width, 4.0);
  /* The control shows what the undo left. */
  ck_assert_double_eq (gtk_spin_button_get_value (GTK_SPIN_BUTTON (width)), 4.0);
  ck_assert (flexo_document_redo (doc));

  /* The slider: steps of one drag merge; a new press starts a new entry. */
  opacity = flexo_inspector_get_control (inspector, FLEXO_STYLE_OPACITY);
  ck_assert (GTK_IS_SCALE (opacity));
  gtk_range_set_value (GTK_RANGE (opacity), 80);
  gtk_range_set_value (GTK_RANGE (opacity), 60);
  ck_assert_uint_eq (flexo_document_get_history_length (doc), 3);
  g_signal_emit_by_name (flexo_gui_test_find_controller (opacity, GTK_TYPE_GESTURE_CLICK), "pressed", 1, 5.0, 5.0);
  gtk_range_set_value (GTK_RANGE (opacity), 40);
  gtk_range_set_value (GTK_RANGE (opacity), 30);
  ck_assert_uint_eq (flexo_document_get_history_length (doc), 4);
  ck_assert_double_eq_tol (resolved (a).opacity, 0.3, 1e-6);
  ck_assert (flexo_document_undo (doc));
  ck_assert_double_eq_tol (resolved (a).opacity, 0.6, 1e-6);
  ck_assert_double_eq_tol (resolved (b).opacity, 0.6, 1e-6);
}
END_TEST

START_TEST (test_mixed_and_rows_for_what_is_selected)
{
  g_autoptr(FlexoStyle) blue = flexo_style_new ();
  GtkWidget *kind;

  flexo_style_set_fill (blue, FLEXO_COLOR_RGBA (0, 0, 0xff, 0xff));
  flexo_document_begin (doc, "Blue");
  flexo_shape_set_style (b, blue);
  flexo_document_commit (doc);

  select_items (a, b, NULL);
  ck_assert (flexo_inspector_is_mixed (inspector, FLEXO_STYLE_FILL));
  ck_assert (!flexo_inspector_is_mixed (inspector, FLEXO_STYLE_STROKE));
  /* Shapes only: no arrow heads; the kind is there. */
  ck_assert (!flexo_inspector_is_shown (inspector, FLEXO_STYLE_ARROW_END));
  ck_assert (flexo_inspector_is_shown (inspector, FLEXO_STYLE_SHAPE_KIND));

  /* A connector only: arrow heads and routing, no fill. */
  select_items (c, NULL);
  ck_assert (flexo_inspector_is_shown (inspector, FLEXO_STYLE_ARROW_END));
  ck_assert (flexo_inspector_is_shown (inspector, FLEXO_STYLE_ROUTING));
  ck_assert (!flexo_inspector_is_shown (inspector, FLEXO_STYLE_FILL));
  kind = flexo_inspector_get_control (inspector, FLEXO_STYLE_ARROW_END);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), FLEXO_ARROW_HOLLOW_DIAMOND);
  {
    FlexoStyle style;

    flexo_connector_resolve_style (c, &style);
    ck_assert_int_eq (style.arrow_end, FLEXO_ARROW_HOLLOW_DIAMOND);
  }

  /* Both: the rows of either. */
  select_items (a, c, NULL);
  ck_assert (flexo_inspector_is_shown (inspector, FLEXO_STYLE_FILL));
  ck_assert (flexo_inspector_is_shown (inspector, FLEXO_STYLE_ARROW_END));
}
END_TEST

START_TEST (test_shape_kind_and_reset)
{
  GtkWidget *kind;

  select_items (a, NULL);
  kind = flexo_inspector_get_control (inspector, FLEXO_STYLE_SHAPE_KIND);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), FLEXO_SHAPE_DIAMOND);
  ck_assert_int_eq (resolved (a).shape_kind, FLEXO_SHAPE_DIAMOND);
  gtk_switch_set_active (GTK_SWITCH (flexo_inspector_get_control (inspector, FLEXO_STYLE_SHADOW)), TRUE);
  ck_assert (resolved (a).shadow);
  ck_assert (!resolved (a).underline);
  gtk_switch_set_active (GTK_SWITCH (flexo_inspector_get_control (inspector, FLEXO_STYLE_UNDERLINE)), TRUE);
  ck_assert (resolved (a).underline);

  /* Reset: back to the theme, in one step. */
  {
    GtkWidget *reset = flexo_gui_test_find_widget (GTK_WIDGET (inspector), GTK_TYPE_BUTTON, "label", "_Reset Style");

    ck_assert_ptr_nonnull (reset);
    g_signal_emit_by_name (reset, "clicked");
  }
  ck_assert_ptr_null (flexo_shape_get_style (a));
  ck_assert_int_eq (resolved (a).shape_kind, FLEXO_SHAPE_RECTANGLE);
  ck_assert (flexo_document_undo (doc));
  ck_assert_int_eq (resolved (a).shape_kind, FLEXO_SHAPE_DIAMOND);
}
END_TEST

/* Made a free form, a diamond keeps its outline, as nodes to edit; one
 * step to undo. */
START_TEST (test_make_free_form)
{
  GtkWidget *kind;
  g_autoptr(GArray) nodes = NULL;

  select_items (a, NULL);
  kind = flexo_inspector_get_control (inspector, FLEXO_STYLE_SHAPE_KIND);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), FLEXO_SHAPE_DIAMOND);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), FLEXO_SHAPE_FREEFORM);
  ck_assert_int_eq (resolved (a).shape_kind, FLEXO_SHAPE_FREEFORM);
  ck_assert_str_eq (flexo_shape_get_form_data (a), "M 0.5 0 L 1 0.5 L 0.5 1 L 0 0.5 Z");
  nodes = flexo_form_get_nodes (a);
  ck_assert_uint_eq (nodes->len, 4);
  ck_assert (flexo_document_undo (doc));
  ck_assert_int_eq (resolved (a).shape_kind, FLEXO_SHAPE_DIAMOND);
  ck_assert_ptr_null (flexo_shape_get_form_data (a));
}
END_TEST

static void
count (FlexoInspector *self,
       guint          *n)
{
  (*n)++;
}

START_TEST (test_default_style_with_nothing_selected)
{
  GdkRGBA green = { 0, 0.5, 0, 1 };
  guint n = 0;

  g_signal_connect (inspector, "default-style-changed", G_CALLBACK (count), &n);
  select_items (NULL);
  ck_assert (!flexo_inspector_is_shown (inspector, FLEXO_STYLE_SHAPE_KIND));
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (flexo_inspector_get_control (inspector, FLEXO_STYLE_FILL)), &green);
  ck_assert_uint_eq (n, 1);
  ck_assert_ptr_nonnull (flexo_inspector_get_default_style (inspector));
  ck_assert_uint_eq (flexo_inspector_get_default_style (inspector)->fill, FLEXO_COLOR_RGBA (0, 0x80, 0, 0xff));
  /* The document is untouched. */
  ck_assert_uint_eq (flexo_document_get_history_length (doc), 0);
  ck_assert_ptr_null (flexo_shape_get_style (a));
}
END_TEST

START_TEST (test_removed_item_leaves_selection)
{
  select_items (a, NULL);
  flexo_document_begin (doc, "Delete");
  ck_assert (flexo_document_delete (doc, FLEXO_OBJECT (a), NULL));
  flexo_document_commit (doc);
  /* Nothing selected any more: editing does not reach the deleted shape. */
  gtk_switch_set_active (GTK_SWITCH (flexo_inspector_get_control (inspector, FLEXO_STYLE_SHADOW)), TRUE);
  ck_assert_uint_eq (flexo_document_get_history_length (doc), 1);
}
END_TEST

START_TEST (test_instance_values_edited_by_type)
{
  static const char * const colours[] = { "red", "green", NULL };
  g_autoptr(FlexoConcept) concept = flexo_concept_new (doc, "Book");
  g_autoptr(FlexoProperty) name = flexo_property_new (doc, "name", FLEXO_PROPERTY_STRING);
  g_autoptr(FlexoProperty) pages = flexo_property_new (doc, "pages", FLEXO_PROPERTY_INTEGER);
  g_autoptr(FlexoProperty) colour = flexo_property_new (doc, "colour", FLEXO_PROPERTY_ENUMERATION);
  g_autoptr(FlexoProperty) published = flexo_property_new (doc, "published", FLEXO_PROPERTY_DATE);
  g_autoptr(FlexoProperty) read = flexo_property_new (doc, "read", FLEXO_PROPERTY_BOOLEAN);
  g_autoptr(FlexoInstance) book = flexo_instance_new (doc, concept);
  GtkWidget *editor, *field;

  flexo_document_begin (doc, "Model");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (concept));
  flexo_concept_add_property (concept, name);
  flexo_concept_add_property (concept, pages);
  flexo_property_set_enum_values (colour, colours);
  flexo_concept_add_property (concept, colour);
  flexo_concept_add_property (concept, published);
  flexo_concept_add_property (concept, read);
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (book));
  flexo_shape_set_instance (a, book);
  flexo_document_commit (doc);
  flexo_document_clear_history (doc);

  select_items (a, NULL);
  editor = flexo_inspector_get_instance_editor (inspector);
  ck_assert (gtk_widget_get_visible (editor));

  /* Typing a name: one history entry, and the shape shows it. */
  field = flexo_instance_editor_get_field (FLEXO_INSTANCE_EDITOR (editor), "name");
  ck_assert (GTK_IS_ENTRY (field));
  gtk_editable_set_text (GTK_EDITABLE (field), "D");
  gtk_editable_set_text (GTK_EDITABLE (field), "Dune");
  ck_assert_str_eq (flexo_instance_get_value (book, name), "Dune");
  ck_assert_uint_eq (flexo_document_get_history_length (doc), 1);
  {
    g_autofree char *label = flexo_shape_dup_label (a);

    ck_assert_str_eq (label, "Dune");
  }

  field = flexo_instance_editor_get_field (FLEXO_INSTANCE_EDITOR (editor), "pages");
  ck_assert (GTK_IS_SPIN_BUTTON (field));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field), 412);
  ck_assert_str_eq (flexo_instance_get_value (book, pages), "412");

  field = flexo_instance_editor_get_field (FLEXO_INSTANCE_EDITOR (editor), "colour");
  ck_assert (GTK_IS_DROP_DOWN (field));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (field), 1);
  ck_assert_str_eq (flexo_instance_get_value (book, colour), "green");

  field = flexo_instance_editor_get_field (FLEXO_INSTANCE_EDITOR (editor), "read");
  ck_assert (GTK_IS_SWITCH (field));
  gtk_switch_set_active (GTK_SWITCH (field), TRUE);
  ck_assert_str_eq (flexo_instance_get_value (book, read), "true");

  /* A date is checked as it is typed: not kept until it is one. */
  field = flexo_instance_editor_get_field (FLEXO_INSTANCE_EDITOR (editor), "published");
  gtk_editable_set_text (GTK_EDITABLE (field), "1965-13-01");
  ck_assert (gtk_widget_has_css_class (field, "error"));
  ck_assert_ptr_null (flexo_instance_get_value (book, published));
  gtk_editable_set_text (GTK_EDITABLE (field), "1965-08-01");
  ck_assert (!gtk_widget_has_css_class (field, "error"));
  ck_assert_str_eq (flexo_instance_get_value (book, published), "1965-08-01");

  /* Undone: back, and the editor shows it. */
  ck_assert (flexo_document_undo (doc));
  ck_assert_ptr_null (flexo_instance_get_value (book, published));
  field = flexo_instance_editor_get_field (FLEXO_INSTANCE_EDITOR (editor), "published");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (field)), "");
}
END_TEST

static Suite *
inspector_suite (void)
{
  Suite *s = suite_create ("inspector");
  TCase *tc = tcase_create ("inspector");

  tcase_set_timeout (tc, 60);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_fill_applies_to_all_in_one_step);
  tcase_add_test (tc, test_spin_steps_merge);
  tcase_add_test (tc, test_focus_leave_ends_merge);
  tcase_add_test (tc, test_mixed_and_rows_for_what_is_selected);
  tcase_add_test (tc, test_shape_kind_and_reset);
  tcase_add_test (tc, test_make_free_form);
  tcase_add_test (tc, test_default_style_with_nothing_selected);
  tcase_add_test (tc, test_removed_item_leaves_selection);
  tcase_add_test (tc, test_instance_values_edited_by_type);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return flexo_gui_test_run (inspector_suite ());
}
