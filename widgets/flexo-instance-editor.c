/* flexo-instance-editor.c — the property values of an instance
 *
 * One row per property of the instance's concept (its own, then the
 * inherited ones), with an editor that fits the type: an entry for
 * strings and dates, a text view for texts, spin buttons for numbers, a
 * switch for booleans, drop-downs for enumerations and references.
 * Values are checked as they are typed: an invalid one is marked and not
 * applied. Typing in a field makes one history entry per field.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "flexo-conceptualize.h"
#include "flexo-instance-editor.h"
#include "flexo-widget-util.h"

struct _FlexoInstanceEditor
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkWidget     *heading;
  GtkWidget     *grid;
  GtkWidget     *add;         /* the Add Property menu button */
  GtkWidget     *add_name;
  GtkWidget     *add_type;
  GtkWidget     *add_value;
  GtkWidget     *add_error;
  FlexoInstance *instance;
  FlexoDocument *document;
  gulong         changed_id;
  GHashTable    *fields;      /* property name → editor widget */
  guint          updating;
  gboolean       applying;
};

G_DEFINE_FINAL_TYPE (FlexoInstanceEditor, flexo_instance_editor, GTK_TYPE_WIDGET)

/* Sets @property to @value in one history entry per field (typing in it
 * merges). */
static void
apply (FlexoInstanceEditor *self,
       FlexoProperty       *property,
       const char          *value)
{
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;

  if (self->updating || self->instance == NULL || !flexo_object_is_live (FLEXO_OBJECT (self->instance)) ||
      flexo_document_in_transaction (self->document))
    return;
  if (g_strcmp0 (flexo_instance_get_value (self->instance, property), value) == 0)
    return;
  key = g_strdup_printf ("instance-editor-%u-%u", flexo_object_get_id (FLEXO_OBJECT (self->instance)),
                         flexo_object_get_id (FLEXO_OBJECT (property)));
  /* Translators: the undo label of a change of a property, e.g. "Set title". */
  label = g_strdup_printf (_("Set %s"), flexo_property_get_name (property));
  flexo_document_begin_merge (self->document, label, key);
  flexo_instance_set_value (self->instance, property, value != NULL && *value != '\0' ? value : NULL);
  /* Our own change: the fields show it already. */
  self->applying = TRUE;
  flexo_document_commit (self->document);
  self->applying = FALSE;
}

static void
entry_changed (GtkEditable         *entry,
               FlexoInstanceEditor *self)
{
  FlexoProperty *property = g_object_get_data (G_OBJECT (entry), "property");
  const char *text = gtk_editable_get_text (entry);

  if (self->updating)
    return;
  if (!flexo_property_type_accepts (flexo_property_get_value_type (property), text))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  apply (self, property, text);
}

static void
text_changed (GtkTextBuffer       *buffer,
              FlexoInstanceEditor *self)
{
  FlexoProperty *property = g_object_get_data (G_OBJECT (buffer), "property");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  apply (self, property, text);
}

static void
spin_changed (GtkSpinButton       *spin,
              FlexoInstanceEditor *self)
{
  FlexoProperty *property = g_object_get_data (G_OBJECT (spin), "property");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (flexo_property_get_value_type (property) == FLEXO_PROPERTY_INTEGER)
    g_snprintf (buf, sizeof buf, "%d", (int) gtk_spin_button_get_value (spin));
  else
    flexo_dtostr (buf, gtk_spin_button_get_value (spin));
  apply (self, property, buf);
}

static void
switch_changed (GtkSwitch           *sw,
                GParamSpec          *pspec,
                FlexoInstanceEditor *self)
{
  apply (self, g_object_get_data (G_OBJECT (sw), "property"), gtk_switch_get_active (sw) ? "true" : "false");
}

static void
drop_down_changed (GtkDropDown         *drop_down,
                   GParamSpec          *pspec,
                   FlexoInstanceEditor *self)
{
  FlexoProperty *property = g_object_get_data (G_OBJECT (drop_down), "property");
  GPtrArray *values = g_object_get_data (G_OBJECT (drop_down), "values");
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected == GTK_INVALID_LIST_POSITION || values == NULL || selected >= values->len)
    return;
  apply (self, property, g_ptr_array_index (values, selected));
}

/* A drop-down of @labels whose choices stand for @values (NULL: none). */
static GtkWidget *
choice_drop_down (GPtrArray  *labels,
                  GPtrArray  *values,
                  const char *current)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *drop_down;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < labels->len; i++)
    {
      gtk_string_list_append (list, g_ptr_array_index (labels, i));
      if (g_strcmp0 (g_ptr_array_index (values, i), current != NULL ? current : "") == 0)
        selected = i;
    }
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  g_object_set_data_full (G_OBJECT (drop_down), "values", g_ptr_array_ref (values), (GDestroyNotify) g_ptr_array_unref);
  return drop_down;
}

static GtkWidget *
field_for (FlexoInstanceEditor *self,
           FlexoProperty       *property)
{
  const char *value = flexo_instance_get_effective_value (self->instance, property);
  GtkWidget *field = NULL;

  switch (flexo_property_get_value_type (property))
    {
    case FLEXO_PROPERTY_TEXT:
      {
        GtkWidget *view = gtk_text_view_new ();
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_text_buffer_set_text (buffer, value != NULL ? value : "", -1);
        g_object_set_data (G_OBJECT (buffer), "property", property);
        g_signal_connect (buffer, "changed", G_CALLBACK (text_changed), self);
        gtk_widget_set_size_request (view, -1, 60);
        field = gtk_frame_new (NULL);
        gtk_frame_set_child (GTK_FRAME (field), view);
        g_object_set_data (G_OBJECT (field), "property", property);
        gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        flexo_property_get_name (property), -1);
      }
      break;
    case FLEXO_PROPERTY_INTEGER:
    case FLEXO_PROPERTY_REAL:
      {
        gboolean integer = flexo_property_get_value_type (property) == FLEXO_PROPERTY_INTEGER;
        double d = 0;

        field = gtk_spin_button_new_with_range (-1e9, 1e9, 1);
        gtk_spin_button_set_digits (GTK_SPIN_BUTTON (field), integer ? 0 : 3);
        if (value != NULL && flexo_strtod (value, &d))
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (field), d);
        g_object_set_data (G_OBJECT (field), "property", property);
        g_signal_connect (field, "value-changed", G_CALLBACK (spin_changed), self);
      }
      break;
    case FLEXO_PROPERTY_BOOLEAN:
      field = gtk_switch_new ();
      gtk_widget_set_halign (field, GTK_ALIGN_START);
      gtk_switch_set_active (GTK_SWITCH (field), g_strcmp0 (value, "true") == 0);
      g_object_set_data (G_OBJECT (field), "property", property);
      g_signal_connect (field, "notify::active", G_CALLBACK (switch_changed), self);
      break;
    case FLEXO_PROPERTY_ENUMERATION:
      {
        const char * const *options = flexo_property_get_enum_values (property);
        g_autoptr(GPtrArray) labels = g_ptr_array_new ();
        g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

        for (guint i = 0; options != NULL && options[i] != NULL; i++)
          {
            g_ptr_array_add (labels, (gpointer) options[i]);
            g_ptr_array_add (values, g_strdup (options[i]));
          }
        field = choice_drop_down (labels, values, value);
      }
      break;
    case FLEXO_PROPERTY_REFERENCE:
      {
        FlexoConcept *target = flexo_property_get_target (property);
        GPtrArray *instances = flexo_document_get_instances (self->document);
        g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

        g_ptr_array_add (labels, g_strdup (_("None")));
        g_ptr_array_add (values, g_strdup (""));
        for (guint i = 0; i < instances->len; i++)
          {
            FlexoInstance *other = g_ptr_array_index (instances, i);

            if (target != NULL && !flexo_concept_is_a (flexo_instance_get_concept (other), target))
              continue;
            g_ptr_array_add (labels, flexo_instance_dup_label (other));
            g_ptr_array_add (values, flexo_object_dup_id_string (FLEXO_OBJECT (other)));
          }
        field = choice_drop_down (labels, values, value);
      }
      break;
    case FLEXO_PROPERTY_STRING:
    case FLEXO_PROPERTY_DATE:
    default:
      field = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (field), value != NULL ? value : "");
      if (flexo_property_get_value_type (property) == FLEXO_PROPERTY_DATE)
        gtk_entry_set_placeholder_text (GTK_ENTRY (field), _("YYYY-MM-DD"));
      g_object_set_data (G_OBJECT (field), "property", property);
      g_signal_connect (field, "changed", G_CALLBACK (entry_changed), self);
      break;
    }
  if (GTK_IS_DROP_DOWN (field))
    {
      g_object_set_data (G_OBJECT (field), "property", property);
      g_signal_connect (field, "notify::selected", G_CALLBACK (drop_down_changed), self);
    }
  gtk_widget_set_hexpand (field, TRUE);
  flexo_widget_set_tooltip (field, flexo_property_get_name (property));
  gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  flexo_property_get_name (property), -1);
  return field;
}

static void
rebuild (FlexoInstanceEditor *self)
{
  GtkWidget *child;
  g_autoptr(GPtrArray) properties = NULL;
  FlexoConcept *concept;

  self->updating++;
  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  g_hash_table_remove_all (self->fields);

  concept = self->instance != NULL ? flexo_instance_get_concept (self->instance) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self), concept != NULL);
  if (concept == NULL)
    {
      self->updating--;
      return;
    }
  gtk_label_set_label (GTK_LABEL (self->heading), flexo_concept_get_name (concept));
  properties = flexo_concept_dup_all_properties (concept);
  for (guint i = 0; i < properties->len; i++)
    {
      FlexoProperty *property = g_ptr_array_index (properties, i);
      g_autofree char *title = g_strdup_printf ("%s%s", flexo_property_get_name (property),
                                                flexo_property_get_required (property) ? " *" : "");
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *field = field_for (self, property);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      if (flexo_property_get_required (property))
        flexo_widget_set_tooltip (label, _("Required"));
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), field, 1, (int) i, 1, 1);
      g_hash_table_insert (self->fields, g_strdup (flexo_property_get_name (property)), field);
    }
  self->updating--;
}

/* ------------------------------------------------------- add property -- */

static void
add_property (FlexoInstanceEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_name))));
  const char *value = gtk_editable_get_text (GTK_EDITABLE (self->add_value));
  FlexoPropertyType type = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->add_type));
  g_autoptr(GError) error = NULL;

  if (self->instance == NULL || flexo_document_in_transaction (self->document))
    return;
  if (!flexo_property_type_accepts (type, value))
    {
      gtk_label_set_label (GTK_LABEL (self->add_error), _("The value does not fit the type."));
      gtk_widget_set_visible (self->add_error, TRUE);
      return;
    }
  flexo_document_begin (self->document, _("Add Property"));
  if (flexo_instance_add_new_property (self->document, self->instance, name, type, value, &error) == NULL)
    {
      flexo_document_rollback (self->document);
      gtk_label_set_label (GTK_LABEL (self->add_error), error->message);
      gtk_widget_set_visible (self->add_error, TRUE);
      return;
    }
  flexo_document_commit (self->document);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->add));
}

static void
add_activated (GtkWidget           *widget,
               FlexoInstanceEditor *self)
{
  add_property (self);
}

static void
add_shown (GtkPopover          *popover,
           FlexoInstanceEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->add_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->add_value), "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->add_type), FLEXO_PROPERTY_STRING);
  gtk_widget_set_visible (self->add_error, FALSE);
  gtk_widget_grab_focus (self->add_name);
}

/* "Add Property…": a popover asking for its name, type and this
 * instance's value; the property goes on the concept. */
static GtkWidget *
build_add (FlexoInstanceEditor *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add"));
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  const char *titles[] = { N_("Name"), N_("Type"), N_("Value") };
  GtkWidget **fields[] = { &self->add_name, &self->add_type, &self->add_value };

  for (guint t = 0; t < FLEXO_N_PROPERTY_TYPES; t++)
    gtk_string_list_append (types, flexo_property_type_get_title (t));
  self->add_name = gtk_entry_new ();
  self->add_type = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&types)), NULL);
  self->add_value = gtk_entry_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *label = gtk_label_new (_(titles[i]));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (*fields[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, _(titles[i]), -1);
      flexo_widget_set_tooltip (*fields[i], _(titles[i]));
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), *fields[i], 1, (int) i, 1, 1);
    }
  self->add_error = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->add_error, "error");
  gtk_label_set_wrap (GTK_LABEL (self->add_error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->add_error), 30);
  gtk_widget_set_visible (self->add_error, FALSE);
  gtk_grid_attach (GTK_GRID (grid), self->add_error, 0, 3, 2, 1);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_grid_attach (GTK_GRID (grid), button, 0, 4, 2, 1);
  g_signal_connect (button, "clicked", G_CALLBACK (add_activated), self);
  g_signal_connect (self->add_name, "activate", G_CALLBACK (add_activated), self);
  g_signal_connect (self->add_value, "activate", G_CALLBACK (add_activated), self);
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  g_signal_connect (popover, "show", G_CALLBACK (add_shown), self);

  self->add = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->add), _("Add Property…"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->add), popover);
  flexo_widget_set_tooltip (self->add, _("Add a property to the concept, with this instance’s value"));
  gtk_widget_set_halign (self->add, GTK_ALIGN_START);
  return self->add;
}

static void
document_changed (FlexoDocument       *document,
                  FlexoChanges        *changes,
                  FlexoInstanceEditor *self)
{
  if (self->instance == NULL || self->applying)
    return;
  if (!flexo_object_is_live (FLEXO_OBJECT (self->instance)))
    {
      flexo_instance_editor_set_instance (self, NULL);
      return;
    }
  /* Undo, redo, a change elsewhere (also of the concept's properties):
   * show the values again, unless the person is typing in one of them
   * (focus inside). */
  if ((flexo_changes_contains (changes, FLEXO_OBJECT (self->instance)) ||
       (flexo_instance_get_concept (self->instance) != NULL &&
        flexo_changes_contains (changes, FLEXO_OBJECT (flexo_instance_get_concept (self->instance))))) &&
      !gtk_widget_get_focus_child (self->grid))
    rebuild (self);
}

void
flexo_instance_editor_set_instance (FlexoInstanceEditor *self,
                                    FlexoInstance       *instance)
{
  FlexoDocument *document;

  g_return_if_fail (FLEXO_IS_INSTANCE_EDITOR (self));

  if (instance == self->instance)
    return;
  document = instance != NULL ? flexo_object_get_document (FLEXO_OBJECT (instance)) : NULL;
  if (self->document != NULL && document != self->document)
    g_clear_signal_handler (&self->changed_id, self->document);
  if (document != self->document)
    {
      g_set_object (&self->document, document);
      if (document != NULL)
        self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (document_changed), self);
    }
  g_set_object (&self->instance, instance);
  rebuild (self);
}

FlexoInstance *
flexo_instance_editor_get_instance (FlexoInstanceEditor *self)
{
  g_return_val_if_fail (FLEXO_IS_INSTANCE_EDITOR (self), NULL);

  return self->instance;
}

GtkWidget *
flexo_instance_editor_get_add_button (FlexoInstanceEditor *self)
{
  g_return_val_if_fail (FLEXO_IS_INSTANCE_EDITOR (self), NULL);

  return self->add;
}

GtkWidget *
flexo_instance_editor_get_field (FlexoInstanceEditor *self,
                                 const char          *name)
{
  g_return_val_if_fail (FLEXO_IS_INSTANCE_EDITOR (self), NULL);

  return g_hash_table_lookup (self->fields, name);
}

static void
flexo_instance_editor_dispose (GObject *object)
{
  FlexoInstanceEditor *self = FLEXO_INSTANCE_EDITOR (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->instance);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (flexo_instance_editor_parent_class)->dispose (object);
}

static void
flexo_instance_editor_class_init (FlexoInstanceEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = flexo_instance_editor_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
flexo_instance_editor_init (FlexoInstanceEditor *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_add_css_class (self->heading, "heading");
  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 8);
  gtk_box_append (GTK_BOX (self->box), self->heading);
  gtk_box_append (GTK_BOX (self->box), self->grid);
  gtk_box_append (GTK_BOX (self->box), build_add (self));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Properties"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
flexo_instance_editor_new (void)
{
  return g_object_new (FLEXO_TYPE_INSTANCE_EDITOR, NULL);
}
