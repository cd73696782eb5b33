/* flexo-window-conceptualize.c — free modelling in the window
 *
 * The canvas's context menu turns what the workshop drew into a model:
 * "Create Concept…" for free shapes (with the other shapes that look the
 * same), "Create Relation…" for a free connector between two instances
 * (with its look-alikes between the same concepts), "Declare as
 * Instance…" of an existing concept with a choice of look; the main menu
 * makes a new editor from the emerging concepts. Each is one undo step
 * (model in flexo-conceptualize.c).
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "flexo-conceptualize.h"
#include "flexo-window-private.h"
#include "flexo-widget-util.h"

static const char * const look_choices[] = {
  N_("Take the concept’s look"),
  N_("Give the concept this shape’s look (its shapes follow)"),
  N_("Keep this shape’s own look"),
};

/* The selected shapes that are no instance yet. */
static GPtrArray *
selected_free_shapes (FlexoWindow *self)
{
  GPtrArray *selection = self->canvas != NULL ? flexo_canvas_get_selection (self->canvas) : NULL;
  GPtrArray *shapes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; selection != NULL && i < selection->len; i++)
    {
      gpointer item = g_ptr_array_index (selection, i);

      if (FLEXO_IS_SHAPE (item) && flexo_shape_get_instance (item) == NULL)
        g_ptr_array_add (shapes, g_object_ref (item));
    }
  return shapes;
}

/* The one selected connector, free, between two instances; or NULL. */
static FlexoConnector *
selected_free_connector (FlexoWindow *self)
{
  GPtrArray *selection = self->canvas != NULL ? flexo_canvas_get_selection (self->canvas) : NULL;
  FlexoConnector *connector;
  FlexoShape *source, *target;

  if (selection == NULL || selection->len != 1 || !FLEXO_IS_CONNECTOR (g_ptr_array_index (selection, 0)))
    return NULL;
  connector = g_ptr_array_index (selection, 0);
  source = flexo_connector_get_source (connector);
  target = flexo_connector_get_target (connector);
  if (flexo_connector_get_link (connector) != NULL || source == NULL || target == NULL ||
      flexo_shape_get_instance (source) == NULL || flexo_shape_get_instance (target) == NULL)
    return NULL;
  return connector;
}

static gboolean
has_concrete_concept (FlexoDocument *document)
{
  GPtrArray *concepts = flexo_document_get_concepts (document);

  for (guint i = 0; i < concepts->len; i++)
    if (!flexo_concept_get_abstract (g_ptr_array_index (concepts, i)))
      return TRUE;
  return FALSE;
}

void
flexo_window_update_conceptualize_actions (FlexoWindow *self)
{
  g_autoptr(GPtrArray) shapes = selected_free_shapes (self);
  gboolean concepts = has_concrete_concept (self->document);

  flexo_window_set_action_enabled (self, "create-concept", shapes->len > 0);
  flexo_window_set_action_enabled (self, "declare-instance", shapes->len > 0 && concepts);
  flexo_window_set_action_enabled (self, "create-relation", selected_free_connector (self) != NULL);
  flexo_window_set_action_enabled (self, "create-editor", concepts);
}

/* ------------------------------------------------------------- dialogs -- */

typedef struct
{
  FlexoWindow *self;
  GtkWidget   *dialog;
  GtkWidget   *name;
  GtkWidget   *alikes;     /* check button, or NULL */
  GPtrArray   *items;      /* shapes or connectors */
  GPtrArray   *others;     /* their look-alikes, not selected */
  gboolean     relation;
} Ask;

static void
ask_free (gpointer data)
{
  Ask *ask = data;

  g_ptr_array_unref (ask->items);
  g_ptr_array_unref (ask->others);
  g_free (ask);
}

static void
name_changed (GtkEditable *entry,
              Ask         *ask)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  GPtrArray *taken = ask->relation ? flexo_document_get_relations (ask->self->document)
                                   : flexo_document_get_concepts (ask->self->document);
  gboolean ok = *name != '\0';

  for (guint i = 0; ok && i < taken->len; i++)
    ok = g_strcmp0 (ask->relation ? flexo_relation_get_name (g_ptr_array_index (taken, i))
                                  : flexo_concept_get_name (g_ptr_array_index (taken, i)), name) != 0;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (ask->dialog), "create", ok);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
create_response (AdwMessageDialog *dialog,
                 const char       *response,
                 Ask              *ask)
{
  FlexoWindow *self = ask->self;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->name))));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (g_strcmp0 (response, "create") != 0 || flexo_document_in_transaction (self->document))
    return;
  for (guint i = 0; i < ask->items->len; i++)
    if (flexo_object_is_live (g_ptr_array_index (ask->items, i)))
      g_ptr_array_add (items, g_ptr_array_index (ask->items, i));
  if (ask->alikes != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (ask->alikes)))
    for (guint i = 0; i < ask->others->len; i++)
      if (flexo_object_is_live (g_ptr_array_index (ask->others, i)))
        g_ptr_array_add (items, g_ptr_array_index (ask->others, i));
  if (items->len == 0)
    return;
  if (self->canvas != NULL)
    flexo_canvas_stop_editing (self->canvas, TRUE);
  flexo_document_begin (self->document, ask->relation ? _("Create Relation") : _("Create Concept"));
  done = ask->relation ? flexo_conceptualize_connectors (self->document, name, items, &error) != NULL
                       : flexo_conceptualize_shapes (self->document, name, items, &error) != NULL;
  if (done)
    flexo_document_commit (self->document);
  else
    {
      flexo_document_rollback (self->document);
      g_warning ("%s", error->message);
    }
}

static void
name_activated (GtkEntry *entry,
                Ask      *ask)
{
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (ask->dialog), "create"))
    {
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask->dialog), "create");
      gtk_window_close (GTK_WINDOW (ask->dialog));
    }
}

/* A dialog asking for the name of what @items become (@suggestion
 * first), offering to convert @others too. */
static void
ask_name (FlexoWindow *self,
          gboolean     relation,
          GPtrArray   *items,
          GPtrArray   *others,
          const char  *suggestion,
          const char  *body,
          const char  *alikes_label)
{
  Ask *ask = g_new0 (Ask, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  const char *heading = relation ? _("Create a Relation") : _("Create a Concept");

  ask->self = self;
  ask->relation = relation;
  ask->items = g_ptr_array_ref (items);
  ask->others = g_ptr_array_ref (others);
  ask->name = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (ask->name), suggestion);
  gtk_entry_set_placeholder_text (GTK_ENTRY (ask->name), relation ? _("Relation name") : _("Concept name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (ask->name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  relation ? _("Relation name") : _("Concept name"), -1);
  gtk_box_append (GTK_BOX (box), ask->name);
  if (others->len > 0)
    {
      ask->alikes = gtk_check_button_new_with_label (alikes_label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (ask->alikes), TRUE);
      gtk_box_append (GTK_BOX (box), ask->alikes);
    }
  ask->dialog = flexo_window_new_question (self, heading, body, box, "create", _("C_reate"));
  g_object_set_data_full (G_OBJECT (ask->dialog), "ask", ask, ask_free);
  g_signal_connect (ask->dialog, "response", G_CALLBACK (create_response), ask);
  g_signal_connect (ask->name, "changed", G_CALLBACK (name_changed), ask);
  g_signal_connect (ask->name, "activate", G_CALLBACK (name_activated), ask);
  name_changed (GTK_EDITABLE (ask->name), ask);
  gtk_window_present (GTK_WINDOW (ask->dialog));
  gtk_widget_grab_focus (ask->name);
  gtk_editable_select_region (GTK_EDITABLE (ask->name), 0, -1);
}

/* The first line of @text, or @fallback. */
static char *
first_line (const char *text,
            const char *fallback)
{
  if (text == NULL || *text == '\0')
    return g_strdup (fallback);
  return g_strndup (text, strcspn (text, "\n"));
}

/* Asks for the concept @shapes become, offering their look-alikes. */
static void
ask_concept (FlexoWindow *self,
             GPtrArray   *shapes)
{
  g_autoptr(GPtrArray) alikes = NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *suggestion = NULL;
  g_autofree char *alikes_label = NULL;

  if (shapes->len == 0)
    return;
  alikes = flexo_document_dup_look_alikes (self->document, g_ptr_array_index (shapes, 0));
  for (guint i = 0; i < alikes->len; i++)
    if (!g_ptr_array_find (shapes, g_ptr_array_index (alikes, i), NULL))
      g_ptr_array_add (others, g_object_ref (g_ptr_array_index (alikes, i)));
  suggestion = first_line (flexo_shape_get_text (g_ptr_array_index (shapes, 0)), _("Concept"));
  alikes_label = g_strdup_printf (ngettext ("Also the %u other shape that looks the same",
                                            "Also the %u other shapes that look the same", others->len),
                                  others->len);
  ask_name (self, FALSE, shapes, others, suggestion,
            ngettext ("The shape becomes its first instance, named by its text.",
                      "The shapes become its first instances, named by their texts.", shapes->len),
            alikes_label);
}

static void
create_concept_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  g_autoptr(GPtrArray) shapes = selected_free_shapes (user_data);

  ask_concept (user_data, shapes);
}

void
flexo_window_suggest_concept (FlexoWindow *self,
                              FlexoShape  *example)
{
  g_autoptr(GPtrArray) shapes = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (FLEXO_IS_WINDOW (self));
  g_return_if_fail (FLEXO_IS_SHAPE (example));

  if (flexo_shape_get_instance (example) != NULL)
    return;
  g_ptr_array_add (shapes, g_object_ref (example));
  ask_concept (self, shapes);
}

static void
create_relation_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  FlexoWindow *self = user_data;
  FlexoConnector *connector = selected_free_connector (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) alikes = NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *suggestion = NULL;
  g_autofree char *alikes_label = NULL;
  g_autofree char *body = NULL;
  FlexoConcept *source, *target;

  if (connector == NULL)
    return;
  source = flexo_instance_get_concept (flexo_shape_get_instance (flexo_connector_get_source (connector)));
  target = flexo_instance_get_concept (flexo_shape_get_instance (flexo_connector_get_target (connector)));
  g_ptr_array_add (items, g_object_ref (connector));
  alikes = flexo_document_dup_connector_look_alikes (self->document, connector);
  for (guint i = 1; i < alikes->len; i++)
    g_ptr_array_add (others, g_object_ref (g_ptr_array_index (alikes, i)));
  suggestion = first_line (flexo_connector_get_label (connector, FLEXO_LABEL_MIDDLE), _("relation"));
  /* Translators: the other connectors offered with one being made a
   * relation, e.g. "Also the 2 other connectors that look the same from
   * Person to Task". */
  alikes_label = g_strdup_printf (ngettext ("Also the %u other connector that looks the same from %s to %s",
                                            "Also the %u other connectors that look the same from %s to %s",
                                            others->len),
                                  others->len, flexo_concept_get_name (source), flexo_concept_get_name (target));
  body = g_strdup_printf (_("From %s to %s; the connector becomes its first link."),
                          flexo_concept_get_name (source), flexo_concept_get_name (target));
  ask_name (self, TRUE, items, others, suggestion, body, alikes_label);
}

/* ------------------------------------------------------ declare instance -- */

typedef struct
{
  FlexoWindow *self;
  GPtrArray   *shapes;
  GPtrArray   *concepts;
  GtkWidget   *concept;
  GtkWidget   *choices[G_N_ELEMENTS (look_choices)];
} Declare;

static void
declare_free (gpointer data)
{
  Declare *d = data;

  g_ptr_array_unref (d->shapes);
  g_ptr_array_unref (d->concepts);
  g_free (d);
}

static void
declare_response (AdwMessageDialog *dialog,
                  const char       *response,
                  Declare          *d)
{
  FlexoWindow *self = d->self;
  guint index = gtk_drop_down_get_selected (GTK_DROP_DOWN (d->concept));
  FlexoLookStrategy strategy = FLEXO_LOOK_TAKE_CONCEPT;
  FlexoConcept *concept;
  gboolean first = TRUE;

  if (g_strcmp0 (response, "declare") != 0 || index >= d->concepts->len ||
      flexo_document_in_transaction (self->document))
    return;
  concept = g_ptr_array_index (d->concepts, index);
  for (guint i = 0; i < G_N_ELEMENTS (look_choices); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (d->choices[i])))
      strategy = (FlexoLookStrategy) i;
  if (!flexo_object_is_live (FLEXO_OBJECT (concept)))
    return;
  if (self->canvas != NULL)
    flexo_canvas_stop_editing (self->canvas, TRUE);
  flexo_document_begin (self->document, _("Declare Instance"));
  for (guint i = 0; i < d->shapes->len; i++)
    {
      FlexoShape *shape = g_ptr_array_index (d->shapes, i);

      if (!flexo_object_is_live (FLEXO_OBJECT (shape)) || flexo_shape_get_instance (shape) != NULL)
        continue;
      /* One look gives the concept its look; the others take it. */
      flexo_declare_instance (self->document, shape, concept,
                              strategy == FLEXO_LOOK_REDEFINE_CONCEPT && !first ? FLEXO_LOOK_TAKE_CONCEPT : strategy);
      first = FALSE;
    }
  flexo_document_commit (self->document);
}

static void
declare_instance_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  FlexoWindow *self = user_data;
  Declare *d;
  GtkWidget *dialog, *box;
  GPtrArray *concepts = flexo_document_get_concepts (self->document);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) shapes = selected_free_shapes (self);

  if (shapes->len == 0 || !has_concrete_concept (self->document))
    return;
  d = g_new0 (Declare, 1);
  d->self = self;
  d->shapes = g_ptr_array_ref (shapes);
  d->concepts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < concepts->len; i++)
    if (!flexo_concept_get_abstract (g_ptr_array_index (concepts, i)))
      {
        g_ptr_array_add (d->concepts, g_object_ref (g_ptr_array_index (concepts, i)));
        gtk_string_list_append (names, flexo_concept_get_name (g_ptr_array_index (concepts, i)));
      }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  d->concept = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->concept), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Concept"), -1);
  flexo_widget_set_tooltip (d->concept, _("Concept"));
  gtk_widget_set_margin_bottom (d->concept, 6);
  gtk_box_append (GTK_BOX (box), d->concept);
  for (guint i = 0; i < G_N_ELEMENTS (look_choices); i++)
    {
      d->choices[i] = gtk_check_button_new_with_label (_(look_choices[i]));
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (d->choices[i]), GTK_CHECK_BUTTON (d->choices[0]));
      gtk_box_append (GTK_BOX (box), d->choices[i]);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (d->choices[0]), TRUE);
  dialog = flexo_window_new_question (self, _("Declare as Instance"),
                                      ngettext ("The shape becomes an instance of the concept, named by its text.",
                                                "The shapes become instances of the concept, named by their texts.",
                                                shapes->len),
                                      box, "declare", _("_Declare"));
  g_object_set_data_full (G_OBJECT (dialog), "declare", d, declare_free);
  g_signal_connect (dialog, "response", G_CALLBACK (declare_response), d);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --------------------------------------------------------------- editor -- */

static void
create_editor_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  FlexoWindow *self = user_data;
  g_autofree char *base = self->file != NULL ? g_file_get_basename (self->file) : NULL;
  g_autofree char *palette = NULL;
  g_autoptr(FlexoDocument) editor = NULL;
  FlexoWindow *window;

  if (base != NULL && strrchr (base, '.') != NULL)
    *strrchr (base, '.') = '\0';
  /* Translators: the palette of an editor made from a drawing's concepts,
   * named after the drawing's file. */
  palette = base != NULL ? g_strdup_printf (_("Language of %s"), base) : g_strdup (_("New Language"));
  editor = flexo_document_new_editor (self->document, palette, _("Diagram 1"));
  if (editor == NULL)
    return;
  window = flexo_window_new (FLEXO_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  flexo_window_set_document (window, editor, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry conceptualize_actions[] = {
  { "create-concept", create_concept_action },
  { "create-relation", create_relation_action },
  { "declare-instance", declare_instance_action },
  { "create-editor", create_editor_action },
};

void
flexo_window_init_conceptualize (FlexoWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), conceptualize_actions, G_N_ELEMENTS (conceptualize_actions),
                                   self);
}
