/* flexo-model-tree.c — the outline of a document: its model and diagrams
 *
 * A flat list with indentation, in a GtkListView so that a model of many
 * thousand instances scrolls smoothly: each concept with its instances,
 * each relation with its links, then the diagrams. A search field keeps
 * the rows whose label matches. The list is made again a moment after
 * the document changes.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "flexo-model-tree.h"
#include "flexo-widget-util.h"

/* ----------------------------------------------------------------- rows -- */

#define FLEXO_TYPE_TREE_ROW (flexo_tree_row_get_type ())
G_DECLARE_FINAL_TYPE (FlexoTreeRow, flexo_tree_row, FLEXO, TREE_ROW, GObject)

struct _FlexoTreeRow
{
  GObject      parent_instance;
  FlexoObject *object;
  char        *label;
  guint        depth;
};

G_DEFINE_FINAL_TYPE (FlexoTreeRow, flexo_tree_row, G_TYPE_OBJECT)

static void
flexo_tree_row_finalize (GObject *object)
{
  FlexoTreeRow *self = FLEXO_TREE_ROW (object);

  g_clear_object (&self->object);
  g_free (self->label);
  G_OBJECT_CLASS (flexo_tree_row_parent_class)->finalize (object);
}

static void
flexo_tree_row_class_init (FlexoTreeRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flexo_tree_row_finalize;
}

static void
flexo_tree_row_init (FlexoTreeRow *self)
{
}

static FlexoTreeRow *
tree_row_new (gpointer  object,
              char     *label,
              guint     depth)
{
  FlexoTreeRow *row = g_object_new (FLEXO_TYPE_TREE_ROW, NULL);

  row->object = g_object_ref (object);
  row->label = label;
  row->depth = depth;
  return row;
}

/* ----------------------------------------------------------------- tree -- */

struct _FlexoModelTree
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkWidget      *search;
  GtkWidget      *list;
  GListStore     *store;
  GtkCustomFilter *filter;
  char           *query;

  FlexoDocument  *document;
  gulong          changed_id;
  guint           rebuild_id;
  GtkWidget      *highlight;    /* toggle: the unclassified on the canvas */
};

G_DEFINE_FINAL_TYPE (FlexoModelTree, flexo_model_tree, GTK_TYPE_WIDGET)

enum {
  OBJECT_ACTIVATED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_HIGHLIGHT_UNCLASSIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint signals[N_SIGNALS];

static char *
link_label (FlexoLink *link)
{
  FlexoInstance *s = flexo_link_get_source (link), *t = flexo_link_get_target (link);
  g_autofree char *sl = s != NULL ? flexo_instance_dup_label (s) : g_strdup ("?");
  g_autofree char *tl = t != NULL ? flexo_instance_dup_label (t) : g_strdup ("?");

  /* Translators: a link in the outline: its source and its target. */
  return g_strdup_printf (_("%s → %s"), sl, tl);
}

/* How a free shape or connector is named in the outline. */
static char *
free_item_label (gpointer item)
{
  if (FLEXO_IS_SHAPE (item))
    {
      const char *text = flexo_shape_get_text (item);

      if (text != NULL && *text != '\0')
        return g_strndup (text, strcspn (text, "\n"));
      /* Translators: an unclassified shape without text, in the outline. */
      return g_strdup (_("(shape)"));
    }
  else
    {
      FlexoShape *from = flexo_connector_get_source (item), *to = flexo_connector_get_target (item);
      const char *label = flexo_connector_get_label (item, FLEXO_LABEL_MIDDLE);
      g_autofree char *a = from != NULL ? flexo_shape_dup_label (from) : g_strdup ("?");
      g_autofree char *b = to != NULL ? flexo_shape_dup_label (to) : g_strdup ("?");

      g_strdelimit (a, "\n", ' ');
      g_strdelimit (b, "\n", ' ');
      if (label != NULL && *label != '\0')
        /* Translators: an unclassified connector: its label, its ends. */
        return g_strdup_printf (_("%s (%s → %s)"), label, a, b);
      return g_strdup_printf (_("%s → %s"), a, b);
    }
}

/* "Unclassified": the shapes and connectors no concept or relation
 * classifies yet, diagram by diagram. */
static void
add_unclassified_rows (FlexoModelTree *self,
                       GPtrArray      *rows)
{
  GPtrArray *diagrams = flexo_document_get_diagrams (self->document);
  guint heading = rows->len;

  for (guint d = 0; d < diagrams->len; d++)
    {
      GPtrArray *items = flexo_diagram_get_items (g_ptr_array_index (diagrams, d));

      for (guint i = 0; i < items->len; i++)
        {
          gpointer item = g_ptr_array_index (items, i);

          if ((FLEXO_IS_SHAPE (item) && flexo_shape_get_instance (item) == NULL) ||
              (FLEXO_IS_CONNECTOR (item) && flexo_connector_get_link (item) == NULL))
            {
              if (rows->len == heading)
                g_ptr_array_add (rows, tree_row_new (self->document, g_strdup (_("Unclassified")), 0));
              g_ptr_array_add (rows, tree_row_new (item, free_item_label (item), 1));
            }
        }
    }
}

/* An instance, then, when it shows in more than one place, a row for
 * each place (activating one shows it there). */
static void
add_instance_rows (GPtrArray     *rows,
                   FlexoInstance *instance)
{
  GPtrArray *views = flexo_instance_get_views (instance);

  g_ptr_array_add (rows, tree_row_new (instance, flexo_instance_dup_label (instance), 1));
  for (guint k = 0; views != NULL && views->len > 1 && k < views->len; k++)
    {
      FlexoDiagram *diagram = flexo_shape_get_diagram (g_ptr_array_index (views, k));
      const char *name = diagram != NULL ? flexo_diagram_get_name (diagram) : NULL;

      /* Translators: in the outline, one of the places an instance shows. */
      g_ptr_array_add (rows, tree_row_new (g_ptr_array_index (views, k),
                                           g_strdup_printf (_("Show in “%s”"), name != NULL ? name : ""), 2));
    }
}

static void
rebuild (FlexoModelTree *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *concepts, *relations, *diagrams, *instances, *links;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->document != NULL)
    {
      concepts = flexo_document_get_concepts (self->document);
      relations = flexo_document_get_relations (self->document);
      diagrams = flexo_document_get_diagrams (self->document);
      instances = flexo_document_get_instances (self->document);
      links = flexo_document_get_links (self->document);

      for (guint i = 0; i < concepts->len; i++)
        {
          FlexoConcept *concept = g_ptr_array_index (concepts, i);

          g_ptr_array_add (rows, tree_row_new (concept, g_strdup (flexo_concept_get_name (concept)), 0));
          for (guint j = 0; j < instances->len; j++)
            if (flexo_instance_get_concept (g_ptr_array_index (instances, j)) == concept)
              add_instance_rows (rows, g_ptr_array_index (instances, j));
        }
      for (guint i = 0; i < relations->len; i++)
        {
          FlexoRelation *relation = g_ptr_array_index (relations, i);

          g_ptr_array_add (rows, tree_row_new (relation, g_strdup (flexo_relation_get_name (relation)), 0));
          for (guint j = 0; j < links->len; j++)
            if (flexo_link_get_relation (g_ptr_array_index (links, j)) == relation)
              g_ptr_array_add (rows, tree_row_new (g_ptr_array_index (links, j),
                                                   link_label (g_ptr_array_index (links, j)), 1));
        }
      add_unclassified_rows (self, rows);
      for (guint i = 0; i < diagrams->len; i++)
        {
          FlexoDiagram *diagram = g_ptr_array_index (diagrams, i);
          const char *name = flexo_diagram_get_name (diagram);

          g_ptr_array_add (rows, tree_row_new (diagram, g_strdup (name != NULL && *name != '\0' ? name : _("Unnamed Diagram")), 0));
        }
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       rows->pdata, rows->len);
}

static gboolean
rebuild_cb (gpointer data)
{
  FlexoModelTree *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
lists_changed_cb (FlexoObject *object,
                  guint64      what,
                  gpointer     user_data)
{
  gboolean *changed = user_data;

  /* A diagram's list of items: a view of an instance, or a free shape,
   * may have come or gone; a free shape's text or classification. */
  if (FLEXO_IS_DIAGRAM (object) && what == 0)
    *changed = TRUE;
  if (what & (FLEXO_CHANGE_FIELD (FLEXO_FIELD_TEXT) | FLEXO_CHANGE_FIELD (FLEXO_FIELD_INSTANCE) |
              FLEXO_CHANGE_FIELD (FLEXO_FIELD_LINK) | FLEXO_CHANGE_FIELD (FLEXO_FIELD_LABEL_MIDDLE)))
    *changed = TRUE;
}

static void
document_changed (FlexoDocument  *document,
                  FlexoChanges   *changes,
                  FlexoModelTree *self)
{
  gboolean changed = !flexo_changes_only_views (changes);

  /* Moving shapes changes nothing listed here. */
  if (!changed)
    flexo_changes_foreach (changes, lists_changed_cb, &changed);
  if (self->rebuild_id == 0 && changed)
    self->rebuild_id = g_timeout_add (100, rebuild_cb, self);
}

void
flexo_model_tree_set_document (FlexoModelTree *self,
                               FlexoDocument  *document)
{
  g_return_if_fail (FLEXO_IS_MODEL_TREE (self));

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (document_changed), self);
  rebuild (self);
}

static gboolean
match (gpointer item,
       gpointer user_data)
{
  FlexoModelTree *self = user_data;
  FlexoTreeRow *row = item;

  return self->query == NULL || *self->query == '\0' ||
         (row->label != NULL && g_str_match_string (self->query, row->label, TRUE));
}

void
flexo_model_tree_set_filter (FlexoModelTree *self,
                             const char     *query)
{
  g_return_if_fail (FLEXO_IS_MODEL_TREE (self));

  g_free (self->query);
  self->query = g_strdup (query);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

GPtrArray *
flexo_model_tree_dup_objects (FlexoModelTree *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (self->list)));
  GPtrArray *objects = g_ptr_array_new ();

  if (self->rebuild_id != 0)
    rebuild (self);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FlexoTreeRow) row = g_list_model_get_item (model, i);

      g_ptr_array_add (objects, row->object);
    }
  return objects;
}

void
flexo_model_tree_activate (FlexoModelTree *self,
                           FlexoObject    *object)
{
  g_return_if_fail (FLEXO_IS_MODEL_TREE (self));

  g_signal_emit (self, signals[OBJECT_ACTIVATED], 0, object);
}

static void
activate (GtkListView    *list,
          guint           position,
          FlexoModelTree *self)
{
  g_autoptr(FlexoTreeRow) row = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), position);

  if (row != NULL)
    g_signal_emit (self, signals[OBJECT_ACTIVATED], 0, row->object);
}

static void
search_changed (GtkSearchEntry *entry,
                FlexoModelTree *self)
{
  flexo_model_tree_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* ------------------------------------------------------------- factory -- */

static GdkContentProvider *
drag_prepare (GtkDragSource *source,
              double         x,
              double         y,
              GtkWidget     *label)
{
  FlexoTreeRow *row = g_object_get_data (G_OBJECT (label), "row");

  if (row == NULL || !FLEXO_IS_INSTANCE (row->object))
    return NULL;
  return gdk_content_provider_new_typed (FLEXO_TYPE_INSTANCE, row->object);
}

static void
setup (GtkSignalListItemFactory *factory,
       GtkListItem              *item,
       FlexoModelTree           *self)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare), label);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (source));
  gtk_list_item_set_child (item, label);
}

static void
bind (GtkSignalListItemFactory *factory,
      GtkListItem              *item,
      FlexoModelTree           *self)
{
  FlexoTreeRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *kind = FLEXO_IS_CONCEPT (row->object) ? _("Concept") :
                     FLEXO_IS_RELATION (row->object) ? _("Relation") :
                     FLEXO_IS_DIAGRAM (row->object) ? _("Diagram") :
                     FLEXO_IS_INSTANCE (row->object) ? _("Instance") :
                     FLEXO_IS_SHAPE (row->object) ? (row->depth == 2 ? _("View") : _("Unclassified Shape")) :
                     FLEXO_IS_CONNECTOR (row->object) ? _("Unclassified Connector") :
                     FLEXO_IS_DOCUMENT (row->object) ? _("Not yet in the model") : _("Link");
  g_autofree char *tooltip = g_strdup_printf ("%s: %s", kind, row->label);

  gtk_label_set_label (GTK_LABEL (label), row->label != NULL && *row->label != '\0' ? row->label : "—");
  gtk_widget_set_margin_start (label, 6 + 16 * (int) row->depth);
  if (row->depth == 0)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
  flexo_widget_set_tooltip (label, tooltip);
  g_object_set_data (G_OBJECT (label), "row", row);
}

/* --------------------------------------------------------------- class -- */

static void
flexo_model_tree_dispose (GObject *object)
{
  FlexoModelTree *self = FLEXO_MODEL_TREE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (flexo_model_tree_parent_class)->dispose (object);
}

gboolean
flexo_model_tree_get_highlight_unclassified (FlexoModelTree *self)
{
  g_return_val_if_fail (FLEXO_IS_MODEL_TREE (self), FALSE);

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->highlight));
}

void
flexo_model_tree_set_highlight_unclassified (FlexoModelTree *self,
                                             gboolean        highlight)
{
  g_return_if_fail (FLEXO_IS_MODEL_TREE (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->highlight), highlight);
}

static void
highlight_toggled (GtkToggleButton *button,
                   FlexoModelTree  *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT_UNCLASSIFIED]);
}

static void
flexo_model_tree_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_HIGHLIGHT_UNCLASSIFIED:
      g_value_set_boolean (value, flexo_model_tree_get_highlight_unclassified (FLEXO_MODEL_TREE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flexo_model_tree_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_HIGHLIGHT_UNCLASSIFIED:
      flexo_model_tree_set_highlight_unclassified (FLEXO_MODEL_TREE (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flexo_model_tree_class_init (FlexoModelTreeClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = flexo_model_tree_dispose;
  G_OBJECT_CLASS (klass)->get_property = flexo_model_tree_get_property;
  G_OBJECT_CLASS (klass)->set_property = flexo_model_tree_set_property;

  properties[PROP_HIGHLIGHT_UNCLASSIFIED] =
    g_param_spec_boolean ("highlight-unclassified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  signals[OBJECT_ACTIVATED] =
    g_signal_new ("object-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FLEXO_TYPE_OBJECT);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
flexo_model_tree_init (FlexoModelTree *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;
  GtkNoSelection *selection;
  GtkWidget *scrolled;

  self->store = g_list_store_new (FLEXO_TYPE_TREE_ROW);
  self->filter = gtk_custom_filter_new (match, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->store), GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (G_LIST_MODEL (filtered));
  g_signal_connect (factory, "setup", G_CALLBACK (setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind), self);
  self->list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), g_object_ref (factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list), TRUE);
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outline"), -1);
  g_signal_connect (self->list, "activate", G_CALLBACK (activate), self);

  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Search the Model"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the Model"), -1);
  gtk_widget_set_margin_start (self->search, 6);
  gtk_widget_set_margin_end (self->search, 6);
  gtk_widget_set_margin_top (self->search, 6);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (search_changed), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->highlight = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->highlight), "find-location-symbolic");
  flexo_widget_set_tooltip (self->highlight, _("Highlight the Unclassified Shapes and Connectors on the Diagram"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->highlight), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Highlight the Unclassified Shapes and Connectors on the Diagram"), -1);
  gtk_widget_set_margin_end (self->highlight, 6);
  gtk_widget_set_margin_top (self->highlight, 6);
  g_signal_connect (self->highlight, "toggled", G_CALLBACK (highlight_toggled), self);
  gtk_widget_set_hexpand (self->search, TRUE);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  {
    GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    gtk_box_append (GTK_BOX (top), self->search);
    gtk_box_append (GTK_BOX (top), self->highlight);
    gtk_box_append (GTK_BOX (self->box), top);
  }
  gtk_box_append (GTK_BOX (self->box), scrolled);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outline"), -1);
}

GtkWidget *
flexo_model_tree_new (void)
{
  return g_object_new (FLEXO_TYPE_MODEL_TREE, NULL);
}
