/* test-metamodel.c — defining concepts and relations, and modelling with them
 *
 * The metamodel window is opened through the window's action and driven
 * through its controls (found by name), as a person would fill them; the
 * document is checked after each step, after undo and after redo. The
 * last test is the whole scenario of issue 6: define a concept with two
 * properties and a relation, draw two instances from the palette, link
 * them, set their values in the inspector, show one in a second diagram,
 * rename it there and see both diagrams change, then undo back to the
 * empty document.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "flexo-canvas.h"
#include "flexo-format.h"
#include "flexo-gui-test.h"
#include "flexo-inspector.h"
#include "flexo-instance-editor.h"
#include "flexo-look-preview.h"
#include "flexo-metamodel-editor.h"
#include "flexo-model.h"
#include "flexo-palette-view.h"
#include "flexo-test.h"

static FlexoApplication *app;
static FlexoWindow *window;
static FlexoMetamodelEditor *editor;
static FlexoDocument *doc;

static void
setup (void)
{
  flexo_gui_test_init_locale ("en");
  app = flexo_gui_test_open_app (&window);
  doc = flexo_window_get_document (window);
}

static void
teardown (void)
{
  editor = NULL;
  doc = NULL;
  window = NULL;
  flexo_gui_test_teardown (&app);
}

/* ------------------------------------------------------------- helpers -- */

/* Opens the metamodel window with the window's action. */
static FlexoMetamodelEditor *
open_editor (void)
{
  GList *toplevels;
  GtkWidget *found = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (window), "metamodel", NULL);
  flexo_gui_test_flush ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    found = flexo_gui_test_find_widget (l->data, FLEXO_TYPE_METAMODEL_EDITOR, NULL, NULL);
  g_list_free (toplevels);
  ck_assert_ptr_nonnull (found);
  ck_assert_ptr_eq (flexo_metamodel_editor_get_document (FLEXO_METAMODEL_EDITOR (found)), doc);
  return FLEXO_METAMODEL_EDITOR (found);
}

static GtkWidget *
control (const char *name)
{
  GtkWidget *widget = flexo_metamodel_editor_get_control (editor, name);

  ck_assert_msg (widget != NULL, "no control %s", name);
  ck_assert_msg (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) != GTK_ACCESSIBLE_ROLE_NONE, "%s", name);
  return widget;
}

static void
type_in (const char *name,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (control (name)), text);
  flexo_gui_test_flush ();
}

static gboolean
marked (const char *name)
{
  return gtk_widget_has_css_class (control (name), "error");
}

static void
click (const char *name)
{
  g_signal_emit_by_name (control (name), "clicked");
  flexo_gui_test_flush ();
}

static void
choose (const char *name,
        guint       position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (control (name)), position);
  flexo_gui_test_flush ();
}

static void
toggle (const char *name)
{
  GtkWidget *widget = control (name);

  if (GTK_IS_SWITCH (widget))
    gtk_switch_set_active (GTK_SWITCH (widget), !gtk_switch_get_active (GTK_SWITCH (widget)));
  else
    gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), !gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)));
  flexo_gui_test_flush ();
}

static FlexoConcept *
concept_named (const char *name)
{
  GPtrArray *concepts = flexo_document_get_concepts (doc);

  for (guint i = 0; i < concepts->len; i++)
    if (strcmp (flexo_concept_get_name (g_ptr_array_index (concepts, i)), name) == 0)
      return g_ptr_array_index (concepts, i);
  return NULL;
}

static void
undo_all (void)
{
  while (flexo_document_can_undo (doc))
    ck_assert (flexo_document_undo (doc));
  flexo_gui_test_flush ();
}

/* --------------------------------------------------------------- tests -- */

START_TEST (test_concept_fields_and_undo)
{
  FlexoConcept *concept;
  guint history;

  editor = open_editor ();
  ck_assert_ptr_null (flexo_metamodel_editor_get_selected (editor));

  /* A new concept comes with a name property, selected, its name ready. */
  click ("add-concept");
  ck_assert_uint_eq (flexo_document_get_concepts (doc)->len, 1);
  concept = g_ptr_array_index (flexo_document_get_concepts (doc), 0);
  ck_assert_ptr_eq (flexo_metamodel_editor_get_selected (editor), FLEXO_OBJECT (concept));
  ck_assert_str_eq (flexo_concept_get_name (concept), "Concept");
  ck_assert_ptr_nonnull (flexo_concept_find_property (concept, "name"));
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Add Concept");
  history = flexo_document_get_history_length (doc);

  /* Typing a name: one history entry for the whole name. */
  type_in ("name", "P");
  type_in ("name", "Pl");
  type_in ("name", "Place");
  ck_assert_str_eq (flexo_concept_get_name (concept), "Place");
  ck_assert_uint_eq (flexo_document_get_history_length (doc), history + 1);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Rename Concept");

  /* An empty name, or another concept's, is marked and not applied. */
  type_in ("name", "  ");
  ck_assert (marked ("name"));
  ck_assert_str_eq (flexo_concept_get_name (concept), "Place");
  click ("add-concept");
  ck_assert_str_eq (flexo_concept_get_name (g_ptr_array_index (flexo_document_get_concepts (doc), 1)), "Concept");
  type_in ("name", "Place");
  ck_assert (marked ("name"));
  type_in ("name", "Transition");
  ck_assert (!marked ("name"));
  ck_assert_ptr_nonnull (concept_named ("Transition"));

  /* The label template, the description, abstract. */
  flexo_metamodel_editor_select (editor, FLEXO_OBJECT (concept));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (control ("name"))), "Place");
  type_in ("label", "{name} ({tokens})");
  ck_assert_str_eq (flexo_concept_get_label (concept), "{name} ({tokens})");
  /* The preview shows the template filled in with sample values. */
  {
    FlexoLookPreview *preview = FLEXO_LOOK_PREVIEW (flexo_gui_test_find_widget (GTK_WIDGET (editor),
                                                                               FLEXO_TYPE_LOOK_PREVIEW, NULL, NULL));
    FlexoDiagram *shown = flexo_look_preview_get_diagram (preview);

    ck_assert_ptr_nonnull (shown);
    ck_assert_str_eq (flexo_shape_get_text (g_ptr_array_index (flexo_diagram_get_items (shown), 0)), "Place (tokens)");
  }
  type_in ("description", "Holds tokens");
  ck_assert_str_eq (flexo_concept_get_description (concept), "Holds tokens");
  toggle ("abstract");
  ck_assert (flexo_concept_get_abstract (concept));
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Change Abstract");

  /* Undo shows the previous values in the form. */
  ck_assert (flexo_document_undo (doc));
  flexo_gui_test_flush ();
  ck_assert (!flexo_concept_get_abstract (concept));
  ck_assert (!gtk_switch_get_active (GTK_SWITCH (control ("abstract"))));
  ck_assert (flexo_document_undo (doc));
  flexo_gui_test_flush ();
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (control ("description"))), "");
  ck_assert (flexo_document_redo (doc));
  flexo_gui_test_flush ();
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (control ("description"))), "Holds tokens");

  undo_all ();
  ck_assert_uint_eq (flexo_document_get_concepts (doc)->len, 0);
  ck_assert_ptr_null (flexo_metamodel_editor_get_selected (editor));
  ck_assert_ptr_null (flexo_metamodel_editor_get_control (editor, "name"));
}
END_TEST

START_TEST (test_properties)
{
  FlexoConcept *concept;
  FlexoProperty *property;
  GPtrArray *properties;

  editor = open_editor ();
  click ("add-concept");
  concept = g_ptr_array_index (flexo_document_get_concepts (doc), 0);
  properties = flexo_concept_get_properties (concept);
  ck_assert_uint_eq (properties->len, 1);

  /* Added, renamed; names are identifiers, unique in the concept. */
  click ("add-property");
  ck_assert_uint_eq (properties->len, 2);
  property = g_ptr_array_index (properties, 1);
  ck_assert_str_eq (flexo_property_get_name (property), "property");
  type_in ("property-1-name", "name");
  ck_assert (marked ("property-1-name"));
  type_in ("property-1-name", "two words");
  ck_assert (marked ("property-1-name"));
  type_in ("property-1-name", "tokens");
  ck_assert_str_eq (flexo_property_get_name (property), "tokens");

  /* Its type: a whole number, with a default of that type only. */
  choose ("property-1-type", FLEXO_PROPERTY_INTEGER);
  ck_assert_int_eq (flexo_property_get_value_type (property), FLEXO_PROPERTY_INTEGER);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Change Property Type");
  type_in ("property-1-default", "many");
  ck_assert (marked ("property-1-default"));
  ck_assert_ptr_null (flexo_property_get_default (property));
  type_in ("property-1-default", "3");
  ck_assert_str_eq (flexo_property_get_default (property), "3");
  toggle ("property-1-required");
  ck_assert (flexo_property_get_required (property));
  toggle ("property-1-unique");
  ck_assert (flexo_property_get_unique (property));

  /* An enumeration: its values, and a default among them. The form is
   * made again after the drop down's signal, not inside it: its selection
   * model's other handlers still use the drop down (read freed, once in a
   * while, before). */
  {
    GtkWidget *type = control ("property-1-type");

    g_object_add_weak_pointer (G_OBJECT (type), (gpointer *) &type);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (type), FLEXO_PROPERTY_ENUMERATION);
    ck_assert_ptr_nonnull (type);
    ck_assert_int_eq (flexo_property_get_value_type (property), FLEXO_PROPERTY_ENUMERATION);
    flexo_gui_test_flush ();
    ck_assert_ptr_null (type);
    ck_assert_uint_eq (gtk_drop_down_get_selected (GTK_DROP_DOWN (control ("property-1-type"))),
                       FLEXO_PROPERTY_ENUMERATION);
  }
  ck_assert_ptr_null (flexo_property_get_default (property));
  ck_assert_ptr_null (flexo_metamodel_editor_get_control (editor, "property-1-target"));
  type_in ("property-1-values", "low, medium,  high,");
  ck_assert_uint_eq (g_strv_length ((char **) flexo_property_get_enum_values (property)), 3);
  ck_assert_str_eq (flexo_property_get_enum_values (property)[2], "high");
  type_in ("property-1-default", "huge");
  ck_assert (marked ("property-1-default"));
  type_in ("property-1-default", "medium");
  ck_assert_str_eq (flexo_property_get_default (property), "medium");

  /* A reference: to a concept, with a multiplicity. */
  choose ("property-1-type", FLEXO_PROPERTY_REFERENCE);
  ck_assert_ptr_null (flexo_metamodel_editor_get_control (editor, "property-1-default"));
  choose ("property-1-target", 1);
  ck_assert_ptr_eq (flexo_property_get_target (property), concept);
  type_in ("property-1-multiplicity", "2..");
  ck_assert (marked ("property-1-multiplicity"));
  type_in ("property-1-multiplicity", "1..*");
  ck_assert_int_eq (flexo_property_get_min (property), 1);
  ck_assert_int_eq (flexo_property_get_max (property), FLEXO_MANY);

  /* Moved up, then deleted. */
  ck_assert (!gtk_widget_get_sensitive (control ("property-0-up")));
  click ("property-1-up");
  ck_assert_ptr_eq (g_ptr_array_index (properties, 0), property);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Move Property");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (control ("property-0-name"))), "tokens");
  ck_assert (flexo_document_undo (doc));
  flexo_gui_test_flush ();
  ck_assert_ptr_eq (g_ptr_array_index (properties, 1), property);
  click ("property-1-delete");
  ck_assert_uint_eq (properties->len, 1);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Delete Property");
  ck_assert (flexo_document_undo (doc));
  flexo_gui_test_flush ();
  ck_assert_uint_eq (properties->len, 2);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (control ("property-1-name"))), "tokens");

  undo_all ();
  ck_assert_uint_eq (flexo_document_get_concepts (doc)->len, 0);
}
END_TEST

START_TEST (test_inheritance_and_relations)
{
  FlexoConcept *node, *place;
  FlexoRelation *relation;

  editor = open_editor ();
  click ("add-concept");
  type_in ("name", "Node");
  node = concept_named ("Node");
  click ("add-concept");
  type_in ("name", "Place");
  place = concept_named ("Place");

  /* Place inherits from Node: Node's properties are Place's too, and
   * Node may not then inherit from Place. */
  toggle ("parent:Node");
  ck_assert (flexo_concept_is_a (place, node));
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Change Parents");
  flexo_metamodel_editor_select (editor, FLEXO_OBJECT (node));
  ck_assert (!gtk_widget_get_sensitive (control ("parent:Place")));

  /* A relation from the selected concept. */
  click ("add-relation");
  ck_assert_uint_eq (flexo_document_get_relations (doc)->len, 1);
  relation = g_ptr_array_index (flexo_document_get_relations (doc), 0);
  ck_assert_ptr_eq (flexo_relation_get_source (relation), node);
  ck_assert_ptr_eq (flexo_relation_get_target (relation), node);
  type_in ("name", "arc");
  ck_assert_str_eq (flexo_relation_get_name (relation), "arc");
  choose ("target", 1);
  ck_assert_ptr_eq (flexo_relation_get_target (relation), place);
  type_in ("multiplicity", "1..");
  ck_assert (marked ("multiplicity"));
  type_in ("multiplicity", "0..1");
  ck_assert_int_eq (flexo_relation_get_max (relation), 1);
  toggle ("containment");
  ck_assert (flexo_relation_get_containment (relation));
  /* A Place is a Node: an arc may start there. */
  ck_assert (flexo_relation_accepts (relation, place, place));

  /* A concept at an end of a relation is not deleted: the editor says why. */
  flexo_metamodel_editor_select (editor, FLEXO_OBJECT (place));
  click ("delete");
  ck_assert_ptr_nonnull (concept_named ("Place"));
  ck_assert_ptr_nonnull (flexo_metamodel_editor_get_message (editor));
  ck_assert_ptr_nonnull (strstr (flexo_metamodel_editor_get_message (editor), "arc"));
  /* The relation first, then the concept. */
  flexo_metamodel_editor_select (editor, FLEXO_OBJECT (relation));
  click ("delete");
  ck_assert_uint_eq (flexo_document_get_relations (doc)->len, 0);
  flexo_metamodel_editor_select (editor, FLEXO_OBJECT (node));
  click ("delete");
  ck_assert_ptr_null (concept_named ("Node"));
  /* Its child inherits from nothing now. */
  ck_assert (flexo_concept_get_parents (place) == NULL || flexo_concept_get_parents (place)->len == 0);
  ck_assert (flexo_document_undo (doc));
  flexo_gui_test_flush ();
  node = concept_named ("Node");
  ck_assert (flexo_concept_is_a (place, node));

  undo_all ();
  ck_assert_uint_eq (flexo_document_get_concepts (doc)->len, 0);
  ck_assert_uint_eq (flexo_document_get_relations (doc)->len, 0);
}
END_TEST

START_TEST (test_look_follows_on_canvas)
{
  g_autofree char *path = flexo_test_source_path ("resources/examples/library.flexo");
  g_autoptr(FlexoDocument) library = flexo_format_load (path, NULL);
  FlexoInspector *look;
  FlexoConcept *actor;
  FlexoShape *shape = NULL;
  GPtrArray *instances;
  FlexoStyle style;
  GdkRGBA red = { 1, 0, 0, 1 };

  ck_assert_ptr_nonnull (library);
  flexo_window_set_document (window, library, NULL);
  doc = library;
  editor = open_editor ();
  actor = concept_named ("Actor");
  ck_assert_ptr_eq (flexo_metamodel_editor_get_selected (editor), FLEXO_OBJECT (actor));
  instances = flexo_concept_get_instances (actor);
  ck_assert_uint_gt (instances->len, 0);
  shape = g_ptr_array_index (flexo_instance_get_views (g_ptr_array_index (instances, 0)), 0);

  /* The look's fill, set in the editor: the concept's shapes follow, in
   * one history entry. */
  look = FLEXO_INSPECTOR (flexo_metamodel_editor_get_look_inspector (editor));
  ck_assert_ptr_eq (flexo_inspector_get_look (look), FLEXO_OBJECT (actor));
  ck_assert (flexo_inspector_is_shown (look, FLEXO_STYLE_SHAPE_KIND));
  ck_assert (!flexo_inspector_is_shown (look, FLEXO_STYLE_ARROW_END));
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (flexo_inspector_get_control (look, FLEXO_STYLE_FILL)), &red);
  flexo_gui_test_flush ();
  ck_assert (flexo_style_has (flexo_concept_get_style (actor), FLEXO_STYLE_FILL));
  ck_assert_uint_eq (flexo_concept_get_style (actor)->fill, 0xff0000ff);
  flexo_shape_resolve_style (shape, &style);
  ck_assert_uint_eq (style.fill, 0xff0000ff);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Change Fill");

  /* A relation's look shows the connector's rows. */
  flexo_metamodel_editor_select (editor, g_ptr_array_index (flexo_document_get_relations (doc), 0));
  ck_assert (flexo_inspector_is_shown (look, FLEXO_STYLE_ARROW_END));
  ck_assert (!flexo_inspector_is_shown (look, FLEXO_STYLE_SHAPE_KIND));

  ck_assert (flexo_document_undo (doc));
  flexo_shape_resolve_style (shape, &style);
  ck_assert_uint_ne (style.fill, 0xff0000ff);
}
END_TEST

/* Issue 6, must-hold 2, from an empty document to an empty document. */
START_TEST (test_define_draw_link_and_second_view)
{
  FlexoPaletteView *palette = FLEXO_PALETTE_VIEW (flexo_gui_test_find_widget (GTK_WIDGET (window), FLEXO_TYPE_PALETTE_VIEW,
                                                                             NULL, NULL));
  FlexoInspector *inspector = FLEXO_INSPECTOR (flexo_gui_test_find_widget (GTK_WIDGET (window), FLEXO_TYPE_INSPECTOR,
                                                                          NULL, NULL));
  FlexoCanvas *canvas = FLEXO_CANVAS (flexo_window_get_canvas (window));
  FlexoDiagram *first = flexo_canvas_get_diagram (canvas), *second;
  FlexoCanvas *second_canvas;
  FlexoConcept *task;
  FlexoShape *a_shape, *b_shape, *a_view;
  FlexoInstance *a, *b;
  GtkWidget *field, *text;
  GtkEventController *target;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  ck_assert_ptr_nonnull (palette);
  ck_assert_ptr_nonnull (inspector);
  ck_assert_uint_eq (flexo_document_get_concepts (doc)->len, 0);
  ck_assert (!flexo_document_can_undo (doc));

  /* 1. A concept Task with two properties (name, effort) and a relation. */
  editor = open_editor ();
  click ("add-concept");
  type_in ("name", "Task");
  task = concept_named ("Task");
  click ("add-property");
  type_in ("property-1-name", "effort");
  choose ("property-1-type", FLEXO_PROPERTY_INTEGER);
  type_in ("label", "{name} ({effort} d)");
  ck_assert_uint_eq (flexo_concept_get_properties (task)->len, 2);
  click ("add-relation");
  type_in ("name", "precedes");
  type_in ("multiplicity", "0..*");
  ck_assert_uint_eq (flexo_document_get_relations (doc)->len, 1);

  /* 2. Two instances from the palette, each named in place. */
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (canvas)) > 0);
  flexo_canvas_set_snap (canvas, FALSE);
  flexo_canvas_scroll_to (canvas, (FlexoPoint) { 0, 0 }, 0, 0);
  ck_assert_uint_eq (flexo_palette_view_get_model_items (palette)->len, 2);
  g_signal_emit_by_name (flexo_palette_view_get_button (palette, flexo_gui_test_model_item (palette, "Task")), "clicked");
  flexo_gui_test_drag (canvas, 100, 100, 0, 0);
  text = flexo_canvas_get_editor (canvas);
  ck_assert_ptr_nonnull (text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), "Design", -1);
  ck_assert (flexo_gui_test_press_key (text, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_signal_emit_by_name (flexo_palette_view_get_button (palette, flexo_gui_test_model_item (palette, "Task")), "clicked");
  flexo_gui_test_drag (canvas, 400, 100, 0, 0);
  text = flexo_canvas_get_editor (canvas);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), "Build", -1);
  ck_assert (flexo_gui_test_press_key (text, GDK_KEY_Return, GDK_CONTROL_MASK));
  ck_assert_uint_eq (flexo_document_get_instances (doc)->len, 2);
  a_shape = g_ptr_array_index (flexo_diagram_get_items (first), 0);
  b_shape = g_ptr_array_index (flexo_diagram_get_items (first), 1);
  a = flexo_shape_get_instance (a_shape);
  b = flexo_shape_get_instance (b_shape);
  ck_assert_str_eq (flexo_instance_get_value_by_name (a, "name"), "Design");
  ck_assert_str_eq (flexo_instance_get_value_by_name (b, "name"), "Build");

  /* 3. Linked with the relation. */
  g_signal_emit_by_name (flexo_palette_view_get_button (palette, flexo_gui_test_model_item (palette, "precedes")),
                         "clicked");
  flexo_gui_test_drag (canvas, 110, 110, 300, 0);
  ck_assert_uint_eq (flexo_document_get_links (doc)->len, 1);
  ck_assert_ptr_eq (flexo_link_get_source (g_ptr_array_index (flexo_document_get_links (doc), 0)), a);
  ck_assert_ptr_eq (flexo_link_get_target (g_ptr_array_index (flexo_document_get_links (doc), 0)), b);

  /* 4. Values set in the inspector: the label follows its template. */
  flexo_canvas_select (canvas, a_shape, FALSE);
  flexo_gui_test_flush ();
  field = flexo_instance_editor_get_field (FLEXO_INSTANCE_EDITOR (flexo_inspector_get_instance_editor (inspector)),
                                           "effort");
  ck_assert_ptr_nonnull (field);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field), 5);
  flexo_gui_test_flush ();
  ck_assert_str_eq (flexo_instance_get_value_by_name (a, "effort"), "5");
  {
    g_autofree char *label = flexo_shape_dup_label (a_shape);

    ck_assert_str_eq (label, "Design (5 d)");
  }

  /* 5. The same instance shown in a second diagram. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-diagram", NULL);
  flexo_gui_test_flush ();
  second_canvas = FLEXO_CANVAS (flexo_window_get_canvas (window));
  second = flexo_canvas_get_diagram (second_canvas);
  ck_assert_ptr_ne (second, first);
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (second_canvas)) > 0);
  target = flexo_gui_test_find_controller (GTK_WIDGET (second_canvas), GTK_TYPE_DROP_TARGET);
  g_value_init (&value, FLEXO_TYPE_INSTANCE);
  g_value_set_object (&value, a);
  g_signal_emit_by_name (target, "drop", &value, 150.0, 150.0, &dropped);
  g_value_unset (&value);
  flexo_gui_test_flush ();
  ck_assert (dropped);
  ck_assert_uint_eq (flexo_diagram_get_items (second)->len, 1);
  a_view = g_ptr_array_index (flexo_diagram_get_items (second), 0);
  ck_assert_ptr_eq (flexo_shape_get_instance (a_view), a);
  ck_assert_uint_eq (flexo_document_get_instances (doc)->len, 2);

  /* 6. Renamed there, in the inspector: both diagrams show the new name. */
  flexo_canvas_select (second_canvas, a_view, FALSE);
  flexo_gui_test_flush ();
  field = flexo_instance_editor_get_field (FLEXO_INSTANCE_EDITOR (flexo_inspector_get_instance_editor (inspector)),
                                           "name");
  ck_assert_ptr_nonnull (field);
  gtk_editable_set_text (GTK_EDITABLE (field), "Specify");
  flexo_gui_test_flush ();
  {
    g_autofree char *here = flexo_shape_dup_label (a_view);
    g_autofree char *there = flexo_shape_dup_label (a_shape);

    ck_assert_str_eq (here, "Specify (5 d)");
    ck_assert_str_eq (there, "Specify (5 d)");
  }

  /* 7. Undo everything: the empty document again. */
  undo_all ();
  ck_assert_uint_eq (flexo_document_get_concepts (doc)->len, 0);
  ck_assert_uint_eq (flexo_document_get_relations (doc)->len, 0);
  ck_assert_uint_eq (flexo_document_get_instances (doc)->len, 0);
  ck_assert_uint_eq (flexo_document_get_links (doc)->len, 0);
  ck_assert_uint_eq (flexo_document_get_diagrams (doc)->len, 1);
  ck_assert_uint_eq (flexo_diagram_get_items (first)->len, 0);
  ck_assert (!flexo_document_get_modified (doc));
  ck_assert_uint_eq (flexo_palette_view_get_model_items (palette)->len, 0);
}
END_TEST

static Suite *
metamodel_suite (void)
{
  Suite *s = suite_create ("metamodel");
  TCase *tc = tcase_create ("editor");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_concept_fields_and_undo);
  tcase_add_test (tc, test_properties);
  tcase_add_test (tc, test_inheritance_and_relations);
  tcase_add_test (tc, test_look_follows_on_canvas);
  tcase_add_test (tc, test_define_draw_link_and_second_view);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return flexo_gui_test_run (metamodel_suite ());
}
