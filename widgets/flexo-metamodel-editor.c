/* flexo-metamodel-editor.c — the concepts and relations of a document, edited
 *
 * Three columns. On the left, the document's concepts and relations, with
 * buttons to add and delete them. In the middle, the definition of the
 * selected one: for a concept its name, label template, description,
 * abstract flag, parents and properties (name, type, required, unique,
 * default value, enumeration values, referenced concept and multiplicity);
 * for a relation its name, source and target concepts, multiplicity and
 * containment. On the right, its look: a live preview over the style
 * controls of the inspector.
 *
 * Every edit is one history entry; typing in a field merges into one
 * entry per field. A value that cannot be applied (an empty or taken name,
 * a malformed default or multiplicity) is marked and not applied.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "flexo-inspector.h"
#include "flexo-metamodel-editor.h"
#include "flexo-look-preview.h"
#include "flexo-widget-util.h"

struct _FlexoMetamodelEditor
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkWidget     *list;
  GtkWidget     *add_concept;
  GtkWidget     *add_relation;
  GtkWidget     *delete;
  GtkWidget     *message;
  GtkWidget     *form_scrolled;
  GtkWidget     *form;
  GtkWidget     *look;
  GtkWidget     *preview;
  GtkWidget     *inspector;
  GHashTable    *controls;    /* name → widget of the form */

  FlexoDocument *document;
  gulong         changed_id;
  FlexoObject   *selected;
  guint          updating;
  guint          rebuild_idle;
  gboolean       applying;
};

G_DEFINE_FINAL_TYPE (FlexoMetamodelEditor, flexo_metamodel_editor, GTK_TYPE_WIDGET)

static void rebuild (FlexoMetamodelEditor *self);
static gboolean rebuild_now (gpointer data);
static void update_preview (FlexoMetamodelEditor *self);

/* ------------------------------------------------------------- editing -- */

static gboolean
begin_edit (FlexoMetamodelEditor *self,
            const char           *label,
            FlexoObject          *object,
            const char           *field)
{
  g_autofree char *key = NULL;

  if (self->updating || self->document == NULL || flexo_document_in_transaction (self->document))
    return FALSE;
  g_clear_pointer (&self->message, gtk_widget_unparent);
  if (field != NULL)
    {
      key = g_strdup_printf ("metamodel-%u-%s", flexo_object_get_id (object), field);
      flexo_document_begin_merge (self->document, label, key);
    }
  else
    flexo_document_begin (self->document, label);
  return TRUE;
}

/* Commits our own change: the fields show it already; @rebuild_form
 * when the form's rows change with it. */
static void
commit_edit (FlexoMetamodelEditor *self,
             gboolean              rebuild_form)
{
  self->applying = TRUE;
  flexo_document_commit (self->document);
  self->applying = FALSE;
  if (rebuild_form)
    rebuild (self);
}

/* The same, the form made again once back in the main loop: for a drop
 * down's "notify::selected", which its selection model emits, the drop
 * down being one of its handlers' data: destroyed inside it, it is read
 * freed by the handlers after ours. */
static void
commit_edit_rebuild_later (FlexoMetamodelEditor *self)
{
  commit_edit (self, FALSE);
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_now, self, NULL);
}

static void
show_message (FlexoMetamodelEditor *self,
              const char           *text)
{
  GtkWidget *label;

  g_clear_pointer (&self->message, gtk_widget_unparent);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  self->message = label;
  /* Under the list, above its buttons. */
  gtk_widget_insert_before (label, gtk_widget_get_parent (gtk_widget_get_parent (self->add_concept)),
                            gtk_widget_get_parent (self->add_concept));
}

static const char *
object_name (FlexoObject *object)
{
  const char *name = NULL;

  if (FLEXO_IS_CONCEPT (object))
    name = flexo_concept_get_name (FLEXO_CONCEPT (object));
  else if (FLEXO_IS_RELATION (object))
    name = flexo_relation_get_name (FLEXO_RELATION (object));
  else if (FLEXO_IS_PROPERTY (object))
    name = flexo_property_get_name (FLEXO_PROPERTY (object));
  return name != NULL ? name : "";
}

/* Whether another element of @list than @except is called @name. */
static gboolean
name_taken (GPtrArray   *list,
            const char  *name,
            gpointer     except)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (g_ptr_array_index (list, i) != except && strcmp (object_name (g_ptr_array_index (list, i)), name) == 0)
      return TRUE;
  return FALSE;
}

/* A name not yet in @list: "@base", else "@base 2", "@base 3"… */
static char *
unique_name (GPtrArray  *list,
             const char *base)
{
  char *name = g_strdup (base);

  for (guint n = 2; name_taken (list, name, NULL); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s %u", base, n);
    }
  return name;
}

/* --------------------------------------------------------- text fields -- */

typedef enum
{
  TEXT_CONCEPT_NAME,
  TEXT_CONCEPT_LABEL,
  TEXT_CONCEPT_DESCRIPTION,
  TEXT_RELATION_NAME,
  TEXT_RELATION_MULTIPLICITY,
  TEXT_PROPERTY_NAME,
  TEXT_PROPERTY_DEFAULT,
  TEXT_PROPERTY_VALUES,
  TEXT_PROPERTY_MULTIPLICITY,
} TextField;

static const char * const text_undo_labels[] = {
  N_("Rename Concept"), N_("Change Label"), N_("Change Description"), N_("Rename Relation"),
  N_("Change Multiplicity"), N_("Rename Property"), N_("Change Default Value"), N_("Change Values"),
  N_("Change Multiplicity"),
};

static char **
split_values (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/* The field's current value as the form writes it. */
static char *
text_get (TextField    field,
          FlexoObject *object)
{
  switch (field)
    {
    case TEXT_CONCEPT_NAME:
    case TEXT_RELATION_NAME:
    case TEXT_PROPERTY_NAME:
      return g_strdup (object_name (object));
    case TEXT_CONCEPT_LABEL:
      return g_strdup (flexo_concept_get_label (FLEXO_CONCEPT (object)));
    case TEXT_CONCEPT_DESCRIPTION:
      return g_strdup (flexo_concept_get_description (FLEXO_CONCEPT (object)));
    case TEXT_RELATION_MULTIPLICITY:
      return flexo_multiplicity_to_string (flexo_relation_get_min (FLEXO_RELATION (object)),
                                           flexo_relation_get_max (FLEXO_RELATION (object)));
    case TEXT_PROPERTY_DEFAULT:
      return g_strdup (flexo_property_get_default (FLEXO_PROPERTY (object)));
    case TEXT_PROPERTY_VALUES:
      {
        const char * const *values = flexo_property_get_enum_values (FLEXO_PROPERTY (object));

        return values != NULL ? g_strjoinv (", ", (char **) values) : NULL;
      }
    case TEXT_PROPERTY_MULTIPLICITY:
      return flexo_multiplicity_to_string (flexo_property_get_min (FLEXO_PROPERTY (object)),
                                           flexo_property_get_max (FLEXO_PROPERTY (object)));
    default:
      g_assert_not_reached ();
    }
}

/* Whether @text may be applied to @field of @object. */
static gboolean
text_check (FlexoMetamodelEditor *self,
            TextField             field,
            FlexoObject          *object,
            const char           *text)
{
  int min, max;

  switch (field)
    {
    case TEXT_CONCEPT_NAME:
      return *text != '\0' && !name_taken (flexo_document_get_concepts (self->document), text, object);
    case TEXT_RELATION_NAME:
      return *text != '\0' && !name_taken (flexo_document_get_relations (self->document), text, object);
    case TEXT_PROPERTY_NAME:
      {
        FlexoConcept *concept = flexo_property_get_concept (FLEXO_PROPERTY (object));
        g_autoptr(GPtrArray) all = concept != NULL ? flexo_concept_dup_all_properties (concept) : NULL;

        return *text != '\0' && strpbrk (text, "{} ") == NULL && !name_taken (all, text, object);
      }
    case TEXT_PROPERTY_DEFAULT:
      {
        FlexoProperty *property = FLEXO_PROPERTY (object);
        const char * const *values = flexo_property_get_enum_values (property);

        if (flexo_property_get_value_type (property) == FLEXO_PROPERTY_ENUMERATION && *text != '\0')
          return values != NULL && g_strv_contains (values, text);
        return flexo_property_type_accepts (flexo_property_get_value_type (property), text);
      }
    case TEXT_RELATION_MULTIPLICITY:
    case TEXT_PROPERTY_MULTIPLICITY:
      return flexo_multiplicity_parse (text, &min, &max);
    case TEXT_CONCEPT_LABEL:
    case TEXT_CONCEPT_DESCRIPTION:
    case TEXT_PROPERTY_VALUES:
    default:
      return TRUE;
    }
}

static void
text_set (TextField    field,
          FlexoObject *object,
          const char  *text)
{
  const char *value = *text != '\0' ? text : NULL;
  int min = 0, max = 0;

  switch (field)
    {
    case TEXT_CONCEPT_NAME:
      flexo_concept_set_name (FLEXO_CONCEPT (object), text);
      break;
    case TEXT_CONCEPT_LABEL:
      flexo_concept_set_label (FLEXO_CONCEPT (object), value);
      break;
    case TEXT_CONCEPT_DESCRIPTION:
      flexo_concept_set_description (FLEXO_CONCEPT (object), value);
      break;
    case TEXT_RELATION_NAME:
      flexo_relation_set_name (FLEXO_RELATION (object), text);
      break;
    case TEXT_RELATION_MULTIPLICITY:
      flexo_multiplicity_parse (text, &min, &max);
      flexo_relation_set_multiplicity (FLEXO_RELATION (object), min, max);
      break;
    case TEXT_PROPERTY_NAME:
      flexo_property_set_name (FLEXO_PROPERTY (object), text);
      break;
    case TEXT_PROPERTY_DEFAULT:
      flexo_property_set_default (FLEXO_PROPERTY (object), value);
      break;
    case TEXT_PROPERTY_VALUES:
      {
        g_auto(GStrv) values = split_values (text);

        flexo_property_set_enum_values (FLEXO_PROPERTY (object),
                                        values[0] != NULL ? (const char * const *) values : NULL);
      }
      break;
    case TEXT_PROPERTY_MULTIPLICITY:
      flexo_multiplicity_parse (text, &min, &max);
      flexo_property_set_multiplicity (FLEXO_PROPERTY (object), min, max);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
text_changed (GtkEditable          *entry,
              FlexoMetamodelEditor *self)
{
  TextField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "field"));
  FlexoObject *object = g_object_get_data (G_OBJECT (entry), "object");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *current = NULL;
  char key[16];

  if (self->updating || !flexo_object_is_live (object))
    return;
  if (!text_check (self, field, object, text))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  current = text_get (field, object);
  if (g_strcmp0 (current != NULL ? current : "", text) == 0)
    return;
  g_snprintf (key, sizeof key, "text-%d", (int) field);
  if (!begin_edit (self, _(text_undo_labels[field]), object, key))
    return;
  text_set (field, object, text);
  commit_edit (self, FALSE);
  if (field == TEXT_CONCEPT_NAME || field == TEXT_RELATION_NAME)
    {
      /* The list shows the new name. */
      GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));

      if (row != NULL)
        gtk_label_set_label (g_object_get_data (G_OBJECT (row), "label"), text);
    }
}

/* ------------------------------------------------------------ building -- */

static void
add_control (FlexoMetamodelEditor *self,
             const char           *name,
             GtkWidget            *widget)
{
  g_hash_table_insert (self->controls, g_strdup (name), widget);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

/* Puts @control in @grid under a label; it is found by @title. */
static void
attach (GtkGrid    *grid,
        int        *line,
        const char *title,
        const char *tooltip,
        GtkWidget  *control)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  flexo_widget_set_tooltip (control, tooltip != NULL ? tooltip : title);
  gtk_grid_attach (grid, label, 0, *line, 1, 1);
  gtk_grid_attach (grid, control, 1, *line, 1, 1);
  (*line)++;
}

static GtkWidget *
text_entry (FlexoMetamodelEditor *self,
            const char           *name,
            TextField             field,
            FlexoObject          *object)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *text = text_get (field, object);

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_widget_set_hexpand (entry, TRUE);
  g_object_set_data (G_OBJECT (entry), "field", GUINT_TO_POINTER (field));
  g_object_set_data (G_OBJECT (entry), "object", object);
  g_signal_connect (entry, "changed", G_CALLBACK (text_changed), self);
  add_control (self, name, entry);
  return entry;
}

static GtkWidget *
grid_new (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  return grid;
}

/* A drop-down of the document's concepts, @current selected. */
static GtkWidget *
concepts_drop_down (FlexoMetamodelEditor *self,
                    FlexoConcept         *current,
                    gboolean              with_none)
{
  GPtrArray *concepts = flexo_document_get_concepts (self->document);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *drop_down;
  guint selected = GTK_INVALID_LIST_POSITION;

  if (with_none)
    {
      /* Translators: a reference that may point to instances of any concept. */
      gtk_string_list_append (names, _("Any Concept"));
      if (current == NULL)
        selected = 0;
    }
  for (guint i = 0; i < concepts->len; i++)
    {
      gtk_string_list_append (names, object_name (g_ptr_array_index (concepts, i)));
      if (g_ptr_array_index (concepts, i) == current)
        selected = i + (with_none ? 1 : 0);
    }
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  g_object_set_data (G_OBJECT (drop_down), "with-none", GINT_TO_POINTER (with_none));
  return drop_down;
}

static FlexoConcept *
drop_down_concept (FlexoMetamodelEditor *self,
                   GtkDropDown          *drop_down)
{
  GPtrArray *concepts = flexo_document_get_concepts (self->document);
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (g_object_get_data (G_OBJECT (drop_down), "with-none") != NULL)
    {
      if (selected == 0)
        return NULL;
      selected--;
    }
  return selected < concepts->len ? g_ptr_array_index (concepts, selected) : NULL;
}

typedef enum
{
  FLAG_ABSTRACT,
  FLAG_CONTAINMENT,
} Flag;

static gboolean
flag_get (FlexoObject *object,
          Flag         flag)
{
  return flag == FLAG_ABSTRACT ? flexo_concept_get_abstract (FLEXO_CONCEPT (object))
                               : flexo_relation_get_containment (FLEXO_RELATION (object));
}

static void
flag_changed (GtkSwitch            *sw,
              GParamSpec           *pspec,
              FlexoMetamodelEditor *self)
{
  Flag flag = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (sw), "flag"));
  gboolean active = gtk_switch_get_active (sw);

  if (active == flag_get (self->selected, flag) ||
      !begin_edit (self, flag == FLAG_ABSTRACT ? _("Change Abstract") : _("Change Containment"), NULL, NULL))
    return;
  if (flag == FLAG_ABSTRACT)
    flexo_concept_set_abstract (FLEXO_CONCEPT (self->selected), active);
  else
    flexo_relation_set_containment (FLEXO_RELATION (self->selected), active);
  commit_edit (self, FALSE);
}

/* A switch for @flag of the selected concept or relation. */
static GtkWidget *
flag_switch (FlexoMetamodelEditor *self,
             const char           *name,
             Flag                  flag)
{
  GtkWidget *sw = gtk_switch_new ();

  gtk_switch_set_active (GTK_SWITCH (sw), flag_get (self->selected, flag));
  gtk_widget_set_halign (sw, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (sw), "flag", GUINT_TO_POINTER (flag));
  g_signal_connect (sw, "notify::active", G_CALLBACK (flag_changed), self);
  add_control (self, name, sw);
  return sw;
}

/* --------------------------------------------------------- concept form -- */

static void
parent_toggled (GtkCheckButton       *check,
                FlexoMetamodelEditor *self)
{
  FlexoConcept *concept = FLEXO_CONCEPT (self->selected);
  FlexoConcept *parent = g_object_get_data (G_OBJECT (check), "concept");
  GPtrArray *parents = flexo_concept_get_parents (concept);
  g_autoptr(GPtrArray) new_parents = g_ptr_array_new ();
  gboolean active = gtk_check_button_get_active (check);

  for (guint i = 0; parents != NULL && i < parents->len; i++)
    if (g_ptr_array_index (parents, i) != parent)
      g_ptr_array_add (new_parents, g_ptr_array_index (parents, i));
  if (active)
    g_ptr_array_add (new_parents, parent);
  if (!begin_edit (self, _("Change Parents"), NULL, NULL))
    return;
  flexo_concept_set_parents (concept, new_parents);
  /* The inherited properties change with the parents. */
  commit_edit (self, TRUE);
}

static void
add_property_clicked (GtkButton            *button,
                      FlexoMetamodelEditor *self)
{
  FlexoConcept *concept = FLEXO_CONCEPT (self->selected);
  g_autoptr(GPtrArray) all = flexo_concept_dup_all_properties (concept);
  g_autofree char *name = NULL;
  g_autoptr(FlexoProperty) property = NULL;
  g_autofree char *key = NULL;
  GtkWidget *entry;

  /* Property names are identifiers in label templates: no spaces. */
  name = g_strdup (name_taken (all, "name", NULL) ? "property" : "name");
  for (guint n = 2; name_taken (all, name, NULL); n++)
    {
      g_free (name);
      name = g_strdup_printf ("property%u", n);
    }
  if (!begin_edit (self, _("Add Property"), NULL, NULL))
    return;
  property = flexo_property_new (self->document, name, FLEXO_PROPERTY_STRING);
  flexo_concept_add_property (concept, property);
  commit_edit (self, TRUE);

  /* Name it at once. */
  key = g_strdup_printf ("property-%u-name", flexo_concept_get_properties (concept)->len - 1);
  entry = g_hash_table_lookup (self->controls, key);
  if (entry != NULL)
    {
      gtk_widget_grab_focus (entry);
      gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
    }
}

static void
property_type_changed (GtkDropDown          *drop_down,
                       GParamSpec           *pspec,
                       FlexoMetamodelEditor *self)
{
  FlexoProperty *property = g_object_get_data (G_OBJECT (drop_down), "object");
  guint type = gtk_drop_down_get_selected (drop_down);

  if (type >= FLEXO_N_PROPERTY_TYPES || type == flexo_property_get_value_type (property) ||
      !begin_edit (self, _("Change Property Type"), NULL, NULL))
    return;
  flexo_property_set_value_type (property, type);
  /* A default that does not fit the new type goes. */
  if (!flexo_property_type_accepts (type, flexo_property_get_default (property)) ||
      type == FLEXO_PROPERTY_ENUMERATION || type == FLEXO_PROPERTY_REFERENCE)
    flexo_property_set_default (property, NULL);
  commit_edit_rebuild_later (self);
}

static void
property_flag_toggled (GtkCheckButton       *check,
                       FlexoMetamodelEditor *self)
{
  FlexoProperty *property = g_object_get_data (G_OBJECT (check), "object");
  gboolean unique = g_object_get_data (G_OBJECT (check), "unique") != NULL;
  gboolean active = gtk_check_button_get_active (check);

  if (active == (unique ? flexo_property_get_unique (property) : flexo_property_get_required (property)) ||
      !begin_edit (self, unique ? _("Change Unique") : _("Change Required"), NULL, NULL))
    return;
  if (unique)
    flexo_property_set_unique (property, active);
  else
    flexo_property_set_required (property, active);
  commit_edit (self, FALSE);
}

static void
property_target_changed (GtkDropDown          *drop_down,
                         GParamSpec           *pspec,
                         FlexoMetamodelEditor *self)
{
  FlexoProperty *property = g_object_get_data (G_OBJECT (drop_down), "object");
  FlexoConcept *target = drop_down_concept (self, drop_down);

  if (target == flexo_property_get_target (property) ||
      !begin_edit (self, _("Change Referenced Concept"), NULL, NULL))
    return;
  flexo_property_set_target (property, target);
  commit_edit (self, FALSE);
}

static void
delete_property_clicked (GtkButton            *button,
                         FlexoMetamodelEditor *self)
{
  FlexoProperty *property = g_object_get_data (G_OBJECT (button), "object");
  g_autoptr(GError) error = NULL;

  if (!begin_edit (self, _("Delete Property"), NULL, NULL))
    return;
  if (!flexo_document_delete (self->document, FLEXO_OBJECT (property), &error))
    {
      flexo_document_rollback (self->document);
      show_message (self, error->message);
      return;
    }
  commit_edit (self, TRUE);
}

static void
move_property_clicked (GtkButton            *button,
                       FlexoMetamodelEditor *self)
{
  FlexoProperty *property = g_object_get_data (G_OBJECT (button), "object");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  GPtrArray *properties = flexo_concept_get_properties (FLEXO_CONCEPT (self->selected));
  guint index;

  if (!g_ptr_array_find (properties, property, &index) || (int) index + delta < 0 ||
      index + delta >= properties->len || !begin_edit (self, _("Move Property"), NULL, NULL))
    return;
  flexo_object_move_child (self->selected, FLEXO_LIST_PROPERTIES, FLEXO_OBJECT (property), (int) index + delta);
  commit_edit (self, TRUE);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  flexo_widget_set_tooltip (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
move_button (FlexoMetamodelEditor *self,
             const char           *key,
             FlexoProperty        *property,
             int                   delta,
             gboolean              sensitive)
{
  GtkWidget *button = icon_button (delta < 0 ? "go-up-symbolic" : "go-down-symbolic",
                                   delta < 0 ? _("Move Up") : _("Move Down"));

  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "object", property);
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (move_property_clicked), self);
  add_control (self, key, button);
  return button;
}

static GtkWidget *
property_check (FlexoMetamodelEditor *self,
                const char           *key,
                const char           *title,
                const char           *tooltip,
                FlexoProperty        *property,
                gboolean              unique)
{
  GtkWidget *check = gtk_check_button_new_with_label (title);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), unique ? flexo_property_get_unique (property)
                                                                : flexo_property_get_required (property));
  flexo_widget_set_tooltip (check, tooltip);
  g_object_set_data (G_OBJECT (check), "object", property);
  if (unique)
    g_object_set_data (G_OBJECT (check), "unique", GINT_TO_POINTER (TRUE));
  g_signal_connect (check, "toggled", G_CALLBACK (property_flag_toggled), self);
  add_control (self, key, check);
  return check;
}

/* One own property: a card with its name, type and flags on the first
 * line, what its type needs below. */
static GtkWidget *
property_card (FlexoMetamodelEditor *self,
               FlexoProperty        *property,
               guint                 index,
               guint                 n_properties)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *grid = grid_new ();
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name, *type, *button;
  FlexoPropertyType value_type = flexo_property_get_value_type (property);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  char key[64];
  int line = 1;

  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 10);

  g_snprintf (key, sizeof key, "property-%u-name", index);
  name = text_entry (self, key, TEXT_PROPERTY_NAME, FLEXO_OBJECT (property));
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Property Name"), -1);
  flexo_widget_set_tooltip (name, _("The property’s name, used in label templates as {name}"));
  gtk_box_append (GTK_BOX (top), name);

  for (guint t = 0; t < FLEXO_N_PROPERTY_TYPES; t++)
    gtk_string_list_append (types, flexo_property_type_get_title (t));
  type = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&types)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (type), value_type);
  flexo_widget_set_tooltip (type, _("Type"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (type), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Type"), -1);
  g_object_set_data (G_OBJECT (type), "object", property);
  g_signal_connect (type, "notify::selected", G_CALLBACK (property_type_changed), self);
  g_snprintf (key, sizeof key, "property-%u-type", index);
  add_control (self, key, type);
  gtk_box_append (GTK_BOX (top), type);

  g_snprintf (key, sizeof key, "property-%u-required", index);
  gtk_box_append (GTK_BOX (top), property_check (self, key, _("Required"),
                                                 _("Every instance must have a value"), property, FALSE));
  g_snprintf (key, sizeof key, "property-%u-unique", index);
  gtk_box_append (GTK_BOX (top), property_check (self, key, _("Unique"),
                                                 _("No two instances may have the same value"), property, TRUE));

  g_snprintf (key, sizeof key, "property-%u-up", index);
  gtk_box_append (GTK_BOX (top), move_button (self, key, property, -1, index > 0));
  g_snprintf (key, sizeof key, "property-%u-down", index);
  gtk_box_append (GTK_BOX (top), move_button (self, key, property, 1, index + 1 < n_properties));
  button = icon_button ("user-trash-symbolic", _("Delete Property"));
  g_object_set_data (G_OBJECT (button), "object", property);
  g_signal_connect (button, "clicked", G_CALLBACK (delete_property_clicked), self);
  g_snprintf (key, sizeof key, "property-%u-delete", index);
  add_control (self, key, button);
  gtk_box_append (GTK_BOX (top), button);
  gtk_grid_attach (GTK_GRID (grid), top, 0, 0, 2, 1);

  if (value_type == FLEXO_PROPERTY_ENUMERATION)
    {
      g_snprintf (key, sizeof key, "property-%u-values", index);
      attach (GTK_GRID (grid), &line, _("Values"), _("The values to choose from, separated by commas"),
              text_entry (self, key, TEXT_PROPERTY_VALUES, FLEXO_OBJECT (property)));
    }
  if (value_type == FLEXO_PROPERTY_REFERENCE)
    {
      GtkWidget *target = concepts_drop_down (self, flexo_property_get_target (property), TRUE);

      g_object_set_data (G_OBJECT (target), "object", property);
      g_signal_connect (target, "notify::selected", G_CALLBACK (property_target_changed), self);
      g_snprintf (key, sizeof key, "property-%u-target", index);
      add_control (self, key, target);
      attach (GTK_GRID (grid), &line, _("Refers To"), _("The concept of the instances it refers to"), target);
      g_snprintf (key, sizeof key, "property-%u-multiplicity", index);
      attach (GTK_GRID (grid), &line, _("How Many"), _("How many instances it refers to: 1, 0..1, 0..*, 1..*, 2..5"),
              text_entry (self, key, TEXT_PROPERTY_MULTIPLICITY, FLEXO_OBJECT (property)));
    }
  else
    {
      g_snprintf (key, sizeof key, "property-%u-default", index);
      attach (GTK_GRID (grid), &line, _("Default"),
              value_type == FLEXO_PROPERTY_DATE ? _("The value of new instances, a date such as 2026-11-23")
                                                : _("The value of new instances"),
              text_entry (self, key, TEXT_PROPERTY_DEFAULT, FLEXO_OBJECT (property)));
    }

  gtk_frame_set_child (GTK_FRAME (frame), grid);
  return frame;
}

static void
build_concept_form (FlexoMetamodelEditor *self,
                    GtkBox               *form)
{
  FlexoConcept *concept = FLEXO_CONCEPT (self->selected);
  GPtrArray *concepts = flexo_document_get_concepts (self->document);
  GPtrArray *properties = flexo_concept_get_properties (concept);
  GPtrArray *parents = flexo_concept_get_parents (concept);
  g_autoptr(GPtrArray) all = flexo_concept_dup_all_properties (concept);
  GtkWidget *grid = grid_new (), *flow, *button, *header;
  int line = 0;

  gtk_box_append (form, heading (_("Concept")));
  attach (GTK_GRID (grid), &line, _("Name"), NULL, text_entry (self, "name", TEXT_CONCEPT_NAME, self->selected));
  attach (GTK_GRID (grid), &line, _("Label"),
          _("What its shapes show: {property} stands for the value of a property, e.g. {name} ({tokens})"),
          text_entry (self, "label", TEXT_CONCEPT_LABEL, self->selected));
  attach (GTK_GRID (grid), &line, _("Description"), NULL,
          text_entry (self, "description", TEXT_CONCEPT_DESCRIPTION, self->selected));

  attach (GTK_GRID (grid), &line, _("Abstract"), _("Only its children have instances"),
          flag_switch (self, "abstract", FLAG_ABSTRACT));

  /* Parents: any other concept that does not descend from this one. */
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_widget_set_hexpand (flow, TRUE);
  for (guint i = 0; i < concepts->len; i++)
    {
      FlexoConcept *other = g_ptr_array_index (concepts, i);
      GtkWidget *check;
      g_autofree char *key = NULL;

      if (other == concept)
        continue;
      check = gtk_check_button_new_with_label (object_name (FLEXO_OBJECT (other)));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   parents != NULL && g_ptr_array_find (parents, other, NULL));
      if (flexo_concept_is_a (other, concept))
        {
          gtk_widget_set_sensitive (check, FALSE);
          flexo_widget_set_tooltip (check, _("It inherits from this concept"));
        }
      g_object_set_data (G_OBJECT (check), "concept", other);
      g_signal_connect (check, "toggled", G_CALLBACK (parent_toggled), self);
      key = g_strdup_printf ("parent:%s", object_name (FLEXO_OBJECT (other)));
      add_control (self, key, check);
      gtk_flow_box_insert (GTK_FLOW_BOX (flow), check, -1);
    }
  if (concepts->len < 2)
    {
      GtkWidget *none = gtk_label_new (_("No other concept yet"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_flow_box_insert (GTK_FLOW_BOX (flow), none, -1);
    }
  attach (GTK_GRID (grid), &line, _("Inherits From"),
          _("Its instances are also instances of these concepts, with their properties and relations"), flow);
  gtk_box_append (form, grid);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (header), heading (_("Properties")));
  gtk_widget_set_hexpand (gtk_widget_get_first_child (header), TRUE);
  button = gtk_button_new_with_mnemonic (_("_Add Property"));
  flexo_widget_set_tooltip (button, _("Add a property to this concept"));
  gtk_widget_set_valign (button, GTK_ALIGN_END);
  g_signal_connect (button, "clicked", G_CALLBACK (add_property_clicked), self);
  add_control (self, "add-property", button);
  gtk_box_append (GTK_BOX (header), button);
  gtk_box_append (form, header);

  for (guint i = 0; i < properties->len; i++)
    gtk_box_append (form, property_card (self, g_ptr_array_index (properties, i), i, properties->len));
  if (properties->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No property of its own"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_box_append (form, none);
    }

  /* What the parents give it. */
  for (guint i = 0; i < all->len; i++)
    {
      FlexoProperty *property = g_ptr_array_index (all, i);
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (flexo_property_get_concept (property) == (gpointer) concept)
        continue;
      /* Translators: an inherited property: its name, type and concept. */
      text = g_strdup_printf (_("%s (%s), from %s"), flexo_property_get_name (property),
                              flexo_property_type_get_title (flexo_property_get_value_type (property)),
                              object_name (flexo_property_get_concept (property)));
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (form, label);
    }
}

/* -------------------------------------------------------- relation form -- */

static void
relation_end_changed (GtkDropDown          *drop_down,
                      GParamSpec           *pspec,
                      FlexoMetamodelEditor *self)
{
  FlexoRelation *relation = FLEXO_RELATION (self->selected);
  gboolean source = g_object_get_data (G_OBJECT (drop_down), "source") != NULL;
  FlexoConcept *concept = drop_down_concept (self, drop_down);

  if (concept == NULL ||
      concept == (source ? flexo_relation_get_source (relation) : flexo_relation_get_target (relation)) ||
      !begin_edit (self, source ? _("Change Source") : _("Change Target"), NULL, NULL))
    return;
  if (source)
    flexo_relation_set_source (relation, concept);
  else
    flexo_relation_set_target (relation, concept);
  commit_edit (self, FALSE);
  update_preview (self);
}

static void
build_relation_form (FlexoMetamodelEditor *self,
                     GtkBox               *form)
{
  FlexoRelation *relation = FLEXO_RELATION (self->selected);
  GtkWidget *grid = grid_new (), *source, *target;
  int line = 0;

  gtk_box_append (form, heading (_("Relation")));
  attach (GTK_GRID (grid), &line, _("Name"), NULL, text_entry (self, "name", TEXT_RELATION_NAME, self->selected));

  source = concepts_drop_down (self, flexo_relation_get_source (relation), FALSE);
  g_object_set_data (G_OBJECT (source), "source", GINT_TO_POINTER (TRUE));
  g_signal_connect (source, "notify::selected", G_CALLBACK (relation_end_changed), self);
  add_control (self, "source", source);
  attach (GTK_GRID (grid), &line, _("From"), _("The concept of its source instances (or a child of it)"), source);

  target = concepts_drop_down (self, flexo_relation_get_target (relation), FALSE);
  g_signal_connect (target, "notify::selected", G_CALLBACK (relation_end_changed), self);
  add_control (self, "target", target);
  attach (GTK_GRID (grid), &line, _("To"), _("The concept of its target instances (or a child of it)"), target);

  attach (GTK_GRID (grid), &line, _("How Many"),
          _("How many targets one source may link to: 1, 0..1, 0..*, 1..*, 2..5"),
          text_entry (self, "multiplicity", TEXT_RELATION_MULTIPLICITY, self->selected));

  attach (GTK_GRID (grid), &line, _("Containment"), _("Its targets are parts of their source"),
          flag_switch (self, "containment", FLAG_CONTAINMENT));
  gtk_box_append (form, grid);
}

static void
update_preview (FlexoMetamodelEditor *self)
{
  flexo_look_preview_set_object (FLEXO_LOOK_PREVIEW (self->preview),
                                 self->selected != NULL && flexo_object_is_live (self->selected) ? self->selected : NULL);
}

/* ---------------------------------------------------------------- form -- */

static void
rebuild_form (FlexoMetamodelEditor *self)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->form_scrolled));
  double scroll = gtk_adjustment_get_value (vadj);
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gboolean live = self->selected != NULL && flexo_object_is_live (self->selected);

  self->updating++;
  g_hash_table_remove_all (self->controls);
  gtk_widget_set_margin_start (form, 18);
  gtk_widget_set_margin_end (form, 18);
  gtk_widget_set_margin_bottom (form, 18);
  if (live && FLEXO_IS_CONCEPT (self->selected))
    build_concept_form (self, GTK_BOX (form));
  else if (live)
    build_relation_form (self, GTK_BOX (form));
  else
    {
      GtkWidget *empty = gtk_label_new (flexo_document_get_concepts (self->document)->len == 0
                                        ? _("Start with a concept: a kind of element of your domain, "
                                            "such as Actor, Task or Place.")
                                        : _("Select a concept or a relation to edit it."));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_vexpand (empty, TRUE);
      gtk_box_append (GTK_BOX (form), empty);
    }
  self->form = form;
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->form_scrolled), form);
  gtk_adjustment_set_value (vadj, scroll);

  gtk_widget_set_visible (self->look, live);
  if (live)
    flexo_inspector_set_look (FLEXO_INSPECTOR (self->inspector), self->selected);
  else
    flexo_inspector_set_look (FLEXO_INSPECTOR (self->inspector), NULL);
  gtk_widget_set_sensitive (self->delete, live);
  gtk_widget_set_sensitive (self->add_relation, flexo_document_get_concepts (self->document)->len > 0);
  update_preview (self);
  self->updating--;
}

/* ---------------------------------------------------------------- list -- */

static GtkWidget *
list_row (FlexoObject *object)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (object_name (object));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (FLEXO_IS_CONCEPT (object)
                                                              ? "insert-object-symbolic" : "insert-link-symbolic"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (FLEXO_IS_CONCEPT (object) && flexo_concept_get_abstract (FLEXO_CONCEPT (object)))
    gtk_widget_add_css_class (label, "flexo-abstract");
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "object", g_object_ref (object), g_object_unref);
  g_object_set_data (G_OBJECT (row), "label", label);
  return row;
}

static void
list_header (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  FlexoObject *object = g_object_get_data (G_OBJECT (row), "object");
  FlexoObject *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "object") : NULL;
  GtkWidget *label;

  if (previous != NULL && G_OBJECT_TYPE (previous) == G_OBJECT_TYPE (object))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = heading (FLEXO_IS_CONCEPT (object) ? _("Concepts") : _("Relations"));
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_box_row_set_header (row, label);
}

static void
fill_list (FlexoMetamodelEditor *self)
{
  GtkListBox *list = GTK_LIST_BOX (self->list);
  GtkWidget *child;

  self->updating++;
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (list, child);
  if (self->document != NULL)
    for (GPtrArray **l = (GPtrArray *[]) { flexo_document_get_concepts (self->document),
                                            flexo_document_get_relations (self->document), NULL }; *l != NULL; l++)
      for (guint i = 0; i < (*l)->len; i++)
        {
          GtkWidget *row = list_row (g_ptr_array_index (*l, i));

          gtk_list_box_append (list, row);
          if (g_ptr_array_index (*l, i) == self->selected)
            gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (row));
        }
  self->updating--;
}

static void
rebuild (FlexoMetamodelEditor *self)
{
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  if (self->selected != NULL && !flexo_object_is_live (self->selected))
    g_clear_object (&self->selected);
  fill_list (self);
  rebuild_form (self);
}

static gboolean
rebuild_now (gpointer data)
{
  FlexoMetamodelEditor *self = data;

  self->rebuild_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
row_selected (GtkListBox           *list,
              GtkListBoxRow        *row,
              FlexoMetamodelEditor *self)
{
  FlexoObject *object = row != NULL ? g_object_get_data (G_OBJECT (row), "object") : NULL;

  if (self->updating || object == self->selected)
    return;
  g_set_object (&self->selected, object);
  if (self->document != NULL)
    flexo_document_end_merge (self->document);
  rebuild_form (self);
}

/* -------------------------------------------------------- list actions -- */

static void
add_concept_clicked (GtkButton            *button,
                     FlexoMetamodelEditor *self)
{
  g_autofree char *name = unique_name (flexo_document_get_concepts (self->document), _("Concept"));
  g_autoptr(FlexoConcept) concept = NULL;
  g_autoptr(FlexoProperty) property = NULL;
  GtkWidget *entry;

  if (!begin_edit (self, _("Add Concept"), NULL, NULL))
    return;
  concept = flexo_concept_new (self->document, name);
  /* Instances are named: the palette starts naming a new one in place. */
  property = flexo_property_new (self->document, "name", FLEXO_PROPERTY_STRING);
  flexo_concept_add_property (concept, property);
  flexo_object_insert_child (FLEXO_OBJECT (self->document), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (concept));
  g_set_object (&self->selected, FLEXO_OBJECT (concept));
  commit_edit (self, TRUE);

  entry = g_hash_table_lookup (self->controls, "name");
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static void
add_relation_clicked (GtkButton            *button,
                      FlexoMetamodelEditor *self)
{
  GPtrArray *concepts = flexo_document_get_concepts (self->document);
  g_autofree char *name = unique_name (flexo_document_get_relations (self->document), _("relation"));
  g_autoptr(FlexoRelation) relation = NULL;
  FlexoConcept *end;
  GtkWidget *entry;

  if (concepts->len == 0)
    return;
  end = FLEXO_IS_CONCEPT (self->selected) ? FLEXO_CONCEPT (self->selected) : g_ptr_array_index (concepts, 0);
  if (!begin_edit (self, _("Add Relation"), NULL, NULL))
    return;
  relation = flexo_relation_new (self->document, name, end, end);
  flexo_object_insert_child (FLEXO_OBJECT (self->document), FLEXO_LIST_RELATIONS, -1, FLEXO_OBJECT (relation));
  g_set_object (&self->selected, FLEXO_OBJECT (relation));
  commit_edit (self, TRUE);

  entry = g_hash_table_lookup (self->controls, "name");
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static void
delete_clicked (GtkButton            *button,
                FlexoMetamodelEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->selected == NULL ||
      !begin_edit (self, FLEXO_IS_CONCEPT (self->selected) ? _("Delete Concept") : _("Delete Relation"), NULL, NULL))
    return;
  if (!flexo_document_delete (self->document, self->selected, &error))
    {
      flexo_document_rollback (self->document);
      show_message (self, error->message);
      return;
    }
  g_clear_object (&self->selected);
  commit_edit (self, TRUE);
}

/* ------------------------------------------------------------ document -- */

static void
document_changed (FlexoDocument        *document,
                  FlexoChanges         *changes,
                  FlexoMetamodelEditor *self)
{
  if (flexo_changes_only_views (changes))
    return;
  if (self->applying)
    {
      /* Our own change: the fields show it; the preview follows. */
      update_preview (self);
      return;
    }
  rebuild (self);
}

void
flexo_metamodel_editor_set_document (FlexoMetamodelEditor *self,
                                     FlexoDocument        *document)
{
  g_return_if_fail (FLEXO_IS_METAMODEL_EDITOR (self));
  g_return_if_fail (document == NULL || FLEXO_IS_DOCUMENT (document));

  if (document == self->document)
    return;
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  g_clear_object (&self->selected);
  if (document != NULL)
    {
      self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (document_changed), self);
      if (flexo_document_get_concepts (document)->len > 0)
        self->selected = g_object_ref (g_ptr_array_index (flexo_document_get_concepts (document), 0));
    }
  gtk_widget_set_sensitive (self->box, document != NULL);
  if (document != NULL)
    rebuild (self);
}

FlexoDocument *
flexo_metamodel_editor_get_document (FlexoMetamodelEditor *self)
{
  g_return_val_if_fail (FLEXO_IS_METAMODEL_EDITOR (self), NULL);

  return self->document;
}

void
flexo_metamodel_editor_select (FlexoMetamodelEditor *self,
                               FlexoObject          *object)
{
  g_return_if_fail (FLEXO_IS_METAMODEL_EDITOR (self));
  g_return_if_fail (object == NULL || FLEXO_IS_CONCEPT (object) || FLEXO_IS_RELATION (object));
  g_return_if_fail (object == NULL || flexo_object_get_document (object) == self->document);

  if (object == self->selected)
    return;
  g_set_object (&self->selected, object);
  if (self->document != NULL)
    rebuild (self);
}

FlexoObject *
flexo_metamodel_editor_get_selected (FlexoMetamodelEditor *self)
{
  g_return_val_if_fail (FLEXO_IS_METAMODEL_EDITOR (self), NULL);

  return self->selected;
}

GtkWidget *
flexo_metamodel_editor_get_control (FlexoMetamodelEditor *self,
                                    const char           *name)
{
  g_return_val_if_fail (FLEXO_IS_METAMODEL_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (strcmp (name, "add-concept") == 0)
    return self->add_concept;
  if (strcmp (name, "add-relation") == 0)
    return self->add_relation;
  if (strcmp (name, "delete") == 0)
    return self->delete;
  return g_hash_table_lookup (self->controls, name);
}

GtkWidget *
flexo_metamodel_editor_get_look_inspector (FlexoMetamodelEditor *self)
{
  g_return_val_if_fail (FLEXO_IS_METAMODEL_EDITOR (self), NULL);

  return self->inspector;
}

const char *
flexo_metamodel_editor_get_message (FlexoMetamodelEditor *self)
{
  g_return_val_if_fail (FLEXO_IS_METAMODEL_EDITOR (self), NULL);

  return self->message != NULL ? gtk_label_get_label (GTK_LABEL (self->message)) : NULL;
}

/* --------------------------------------------------------------- class -- */

static GtkWidget *
list_button (const char *icon,
             const char *label,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name (icon));
  if (label != NULL)
    gtk_box_append (GTK_BOX (content), gtk_label_new_with_mnemonic (label));
  gtk_button_set_child (GTK_BUTTON (button), content);
  flexo_widget_set_tooltip (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void
build (FlexoMetamodelEditor *self)
{
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->list = gtk_list_box_new ();
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  gtk_list_box_set_header_func (GTK_LIST_BOX (self->list), list_header, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Concepts and Relations"), -1);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (side), scrolled);

  self->add_concept = list_button ("list-add-symbolic", _("_Concept"), _("Add a Concept"));
  g_signal_connect (self->add_concept, "clicked", G_CALLBACK (add_concept_clicked), self);
  self->add_relation = list_button ("list-add-symbolic", _("_Relation"), _("Add a Relation"));
  g_signal_connect (self->add_relation, "clicked", G_CALLBACK (add_relation_clicked), self);
  self->delete = list_button ("user-trash-symbolic", NULL, _("Delete the Selected Concept or Relation"));
  g_signal_connect (self->delete, "clicked", G_CALLBACK (delete_clicked), self);
  gtk_widget_set_hexpand (self->delete, TRUE);
  gtk_widget_set_halign (self->delete, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), self->add_concept);
  gtk_box_append (GTK_BOX (buttons), self->add_relation);
  gtk_box_append (GTK_BOX (buttons), self->delete);
  gtk_widget_set_margin_start (buttons, 6);
  gtk_widget_set_margin_end (buttons, 6);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  gtk_box_append (GTK_BOX (side), buttons);
  gtk_widget_set_size_request (side, 240, -1);
  /* The delete button's expansion stays in its row. */
  gtk_widget_set_hexpand (side, FALSE);
  gtk_box_append (GTK_BOX (self->box), side);
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  self->form_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->form_scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_hexpand (self->form_scrolled, TRUE);
  gtk_widget_set_size_request (self->form_scrolled, 460, -1);
  gtk_box_append (GTK_BOX (self->box), self->form_scrolled);
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  self->look = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_top (self->look, 12);
  self->preview = flexo_look_preview_new ();
  gtk_box_append (GTK_BOX (self->look), self->preview);
  self->inspector = flexo_inspector_new ();
  gtk_widget_set_vexpand (self->inspector, TRUE);
  gtk_box_append (GTK_BOX (self->look), self->inspector);
  gtk_widget_set_size_request (self->look, 300, -1);
  gtk_box_append (GTK_BOX (self->box), self->look);

  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

static void
flexo_metamodel_editor_dispose (GObject *object)
{
  FlexoMetamodelEditor *self = FLEXO_METAMODEL_EDITOR (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_clear_object (&self->document);
  g_clear_object (&self->selected);
  self->message = NULL;
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (flexo_metamodel_editor_parent_class)->dispose (object);
}

static void
flexo_metamodel_editor_finalize (GObject *object)
{
  FlexoMetamodelEditor *self = FLEXO_METAMODEL_EDITOR (object);

  g_clear_pointer (&self->controls, g_hash_table_unref);

  G_OBJECT_CLASS (flexo_metamodel_editor_parent_class)->finalize (object);
}

static void
flexo_metamodel_editor_class_init (FlexoMetamodelEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = flexo_metamodel_editor_dispose;
  object_class->finalize = flexo_metamodel_editor_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flexometamodeleditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
flexo_metamodel_editor_init (FlexoMetamodelEditor *self)
{
  self->controls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Metamodel"), -1);
  build (self);
  gtk_widget_set_sensitive (self->box, FALSE);
}

GtkWidget *
flexo_metamodel_editor_new (void)
{
  return g_object_new (FLEXO_TYPE_METAMODEL_EDITOR, NULL);
}
