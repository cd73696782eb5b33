/* flexo-palette-view-user.c — the document's own palettes in the palette
 *
 * Each palette under its name, its entries under their sections' names;
 * a right click on an entry renames it or its section, moves it (also to
 * another or a new section) or removes it; the palette's menu renames or
 * deletes it. Every change is one
 * history entry of the document.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "flexo-form.h"
#include "flexo-widget-util.h"
#include "flexo-palette-view-private.h"

/* Runs @edit on the document in one history entry. */
#define EDIT_DOCUMENT(self, label, edit) \
  G_STMT_START { \
    if ((self)->document != NULL && !flexo_document_in_transaction ((self)->document)) \
      { \
        flexo_document_begin ((self)->document, (label)); \
        edit; \
        flexo_document_commit ((self)->document); \
      } \
  } G_STMT_END

static FlexoObject *
lookup_target (FlexoPaletteView *self,
               GVariant         *parameter,
               GType             type)
{
  FlexoObject *object;

  if (self->document == NULL)
    return NULL;
  object = flexo_document_lookup (self->document, g_variant_get_uint32 (parameter));
  return object != NULL && flexo_object_is_live (object) && G_TYPE_CHECK_INSTANCE_TYPE (object, type) ? object : NULL;
}

typedef void (*NameFunc) (FlexoPaletteView *self,
                          FlexoObject      *object,
                          const char       *name);

static void
name_entry_activated (GtkEntry         *entry,
                      FlexoPaletteView *self)
{
  NameFunc apply = g_object_get_data (G_OBJECT (entry), "apply");
  FlexoObject *object = g_object_get_data (G_OBJECT (entry), "object");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);

  if (*name != '\0' && flexo_object_is_live (object))
    apply (self, object, name);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Asks for a new name in a popover over @anchor; Enter applies it. */
static void
ask_name (FlexoPaletteView *self,
          GtkWidget        *anchor,
          const char       *title,
          const char       *current,
          FlexoObject      *object,
          NameFunc          apply)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), current != NULL ? current : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), title);
  g_object_set_data (G_OBJECT (entry), "apply", apply);
  g_object_set_data_full (G_OBJECT (entry), "object", g_object_ref (object), g_object_unref);
  g_signal_connect (entry, "activate", G_CALLBACK (name_entry_activated), self);
  gtk_popover_set_child (GTK_POPOVER (popover), entry);
  gtk_widget_set_parent (popover, anchor);
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_widget_grab_focus (entry);
}

static void
set_entry_label (FlexoPaletteView *self,
                 FlexoObject      *entry,
                 const char       *name)
{
  EDIT_DOCUMENT (self, _("Rename Palette Entry"), flexo_palette_entry_set_label (FLEXO_PALETTE_ENTRY (entry), name));
}

static void
set_palette_name (FlexoPaletteView *self,
                  FlexoObject      *palette,
                  const char       *name)
{
  EDIT_DOCUMENT (self, _("Rename Palette"), flexo_palette_set_name (FLEXO_PALETTE (palette), name));
}

/* Renames the section of @first, and of the entries of its palette in the
 * same section. */
static void
set_section_name (FlexoPaletteView *self,
                  FlexoObject      *first,
                  const char       *name)
{
  FlexoPalette *palette = FLEXO_PALETTE (flexo_object_get_container (first));
  g_autofree char *old = g_strdup (flexo_palette_entry_get_section (FLEXO_PALETTE_ENTRY (first)));
  GPtrArray *entries = flexo_palette_get_entries (palette);

  EDIT_DOCUMENT (self, _("Rename Section"),
                 for (guint i = 0; i < entries->len; i++)
                   if (g_strcmp0 (flexo_palette_entry_get_section (g_ptr_array_index (entries, i)), old) == 0)
                     flexo_palette_entry_set_section (g_ptr_array_index (entries, i), name));
}

/* Puts @entry in the section called @name, after its last entry (a new
 * section: at the end of the palette). */
static void
set_entry_section (FlexoPaletteView *self,
                   FlexoObject      *entry,
                   const char       *name)
{
  FlexoObject *palette = flexo_object_get_container (entry);
  GPtrArray *entries = flexo_palette_get_entries (FLEXO_PALETTE (palette));
  int after = -1;
  guint index = 0;

  for (guint i = 0; i < entries->len; i++)
    if (g_ptr_array_index (entries, i) != (gpointer) entry &&
        g_strcmp0 (flexo_palette_entry_get_section (g_ptr_array_index (entries, i)), name) == 0)
      after = (int) i;
  g_ptr_array_find (entries, entry, &index);
  if (after < 0)
    after = (int) entries->len - 1;
  else if ((int) index > after)
    after++;
  EDIT_DOCUMENT (self, _("Move to Section"),
                 flexo_palette_entry_set_section (FLEXO_PALETTE_ENTRY (entry), name);
                 flexo_object_move_child (palette, FLEXO_LIST_ENTRIES, entry, after));
}

static GtkWidget *
widget_of (FlexoPaletteView *self,
           FlexoObject      *object)
{
  for (guint i = 0; i < self->model_entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->model_entries, i);

      if (e->source == (gpointer) object)
        return e->button;
    }
  return NULL;
}

static GtkWidget *
heading_of (FlexoPaletteView *self,
            FlexoObject      *object,
            const char       *kind)
{
  g_autofree char *key = g_strdup_printf ("%s-%u", kind, flexo_object_get_id (object));

  return g_object_get_data (G_OBJECT (self->user), key);
}

/* What is renamed: an entry (its button asks), its section or a palette
 * (their headings ask). */
typedef enum
{
  RENAME_ENTRY,
  RENAME_SECTION,
  RENAME_PALETTE,
  MOVE_TO_SECTION,
} Rename;

static void
rename_object (FlexoPaletteView *self,
               GVariant         *parameter,
               Rename            what)
{
  FlexoObject *object = lookup_target (self, parameter,
                                       what == RENAME_PALETTE ? FLEXO_TYPE_PALETTE : FLEXO_TYPE_PALETTE_ENTRY);
  GtkWidget *anchor;

  if (object == NULL)
    return;
  anchor = what == RENAME_ENTRY || what == MOVE_TO_SECTION ? widget_of (self, object)
                                : heading_of (self, object, what == RENAME_SECTION ? "section" : "palette");
  if (anchor == NULL)
    return;
  switch (what)
    {
    case RENAME_ENTRY:
      ask_name (self, anchor, _("Entry Name"), flexo_palette_entry_get_label (FLEXO_PALETTE_ENTRY (object)),
                object, set_entry_label);
      break;
    case RENAME_SECTION:
      ask_name (self, anchor, _("Section Name"), flexo_palette_entry_get_section (FLEXO_PALETTE_ENTRY (object)),
                object, set_section_name);
      break;
    case MOVE_TO_SECTION:
      ask_name (self, anchor, _("Section Name"), NULL, object, set_entry_section);
      break;
    case RENAME_PALETTE:
    default:
      ask_name (self, anchor, _("Palette Name"), flexo_palette_get_name (FLEXO_PALETTE (object)),
                object, set_palette_name);
      break;
    }
}

static void
rename_entry_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  rename_object (user_data, parameter, RENAME_ENTRY);
}

static void
rename_section_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  rename_object (user_data, parameter, RENAME_SECTION);
}

static void
move_to_section_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  rename_object (user_data, parameter, MOVE_TO_SECTION);
}

static void
rename_palette_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  rename_object (user_data, parameter, RENAME_PALETTE);
}

static void
move_entry (FlexoPaletteView *self,
            GVariant         *parameter,
            int               delta)
{
  FlexoObject *entry = lookup_target (self, parameter, FLEXO_TYPE_PALETTE_ENTRY);
  FlexoObject *palette = entry != NULL ? flexo_object_get_container (entry) : NULL;
  GPtrArray *entries = palette != NULL ? flexo_palette_get_entries (FLEXO_PALETTE (palette)) : NULL;
  guint index;

  if (entries == NULL || !g_ptr_array_find (entries, entry, &index) || (int) index + delta < 0 ||
      index + delta >= entries->len)
    return;
  EDIT_DOCUMENT (self, _("Move Palette Entry"),
                 flexo_object_move_child (palette, FLEXO_LIST_ENTRIES, entry, (int) index + delta));
}

static void
move_entry_up_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  move_entry (user_data, parameter, -1);
}

static void
move_entry_down_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  move_entry (user_data, parameter, 1);
}

static void
remove_object (FlexoPaletteView *self,
               FlexoObject      *object,
               const char       *label)
{
  if (object != NULL)
    EDIT_DOCUMENT (self, label, flexo_document_delete (self->document, object, NULL));
}

static void
remove_entry_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  FlexoPaletteView *self = user_data;

  remove_object (self, lookup_target (self, parameter, FLEXO_TYPE_PALETTE_ENTRY), _("Remove from Palette"));
}

static void
delete_palette_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  FlexoPaletteView *self = user_data;

  remove_object (self, lookup_target (self, parameter, FLEXO_TYPE_PALETTE), _("Delete Palette"));
}

static const GActionEntry user_actions[] = {
  { "rename-entry", rename_entry_action, "u" },
  { "move-entry-up", move_entry_up_action, "u" },
  { "move-entry-down", move_entry_down_action, "u" },
  { "remove-entry", remove_entry_action, "u" },
  { "rename-section", rename_section_action, "u" },
  { "move-to-section", move_to_section_action, "u" },
  { "rename-palette", rename_palette_action, "u" },
  { "delete-palette", delete_palette_action, "u" },
};

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             guint       id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_uint32 (id));
  g_menu_append_item (menu, item);
}

static void
popup_menu (GtkWidget  *anchor,
            GMenuModel *model,
            double      x,
            double      y)
{
  GtkWidget *popover = gtk_popover_menu_new_from_model (model);

  gtk_widget_set_parent (popover, anchor);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  if (x >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
entry_menu_pressed (GtkGestureClick *click,
                    int              n_press,
                    double           x,
                    double           y,
                    gpointer         user_data)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (click));
  Entry *e = g_object_get_data (G_OBJECT (button), "entry");
  guint id = flexo_object_get_id (FLEXO_OBJECT (e->source));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();

  append_item (edit, _("_Rename…"), "palette.rename-entry", id);
  append_item (edit, _("Rename the _Section…"), "palette.rename-section", id);
  append_item (order, _("Move _Earlier"), "palette.move-entry-up", id);
  append_item (order, _("Move _Later"), "palette.move-entry-down", id);
  append_item (order, _("Move to a _Section…"), "palette.move-to-section", id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  append_item (menu, _("Remove from _Palette"), "palette.remove-entry", id);
  gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (button, G_MENU_MODEL (menu), x, y);
}

static GtkWidget *
palette_heading (FlexoPaletteView *self,
                 FlexoPalette     *palette)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = flexo_palette_view_new_heading (flexo_palette_get_name (palette));
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  guint id = flexo_object_get_id (FLEXO_OBJECT (palette));
  g_autofree char *key = g_strdup_printf ("palette-%u", id);
  g_autofree char *tooltip = g_strdup_printf (_("Menu of the Palette “%s”"), flexo_palette_get_name (palette));

  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  append_item (menu, _("_Rename Palette…"), "palette.rename-palette", id);
  append_item (menu, _("_Delete Palette"), "palette.delete-palette", id);
  flexo_menu_button_set_menu_model_later (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_add_css_class (button, "flat");
  flexo_widget_set_tooltip (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), button);
  g_object_set_data (G_OBJECT (self->user), key, label);
  return box;
}

/* A palette of the document: its name, then its entries under their
 * sections' names, in their order; what they show goes into @covered. */
void
flexo_palette_view_add_user_palette (FlexoPaletteView *self,
                  FlexoPalette     *palette,
                  GHashTable       *covered)
{
  GPtrArray *entries = flexo_palette_get_entries (palette);
  const char *section = NULL;
  GtkWidget *flow = NULL;

  gtk_box_append (GTK_BOX (self->user), palette_heading (self, palette));
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      FlexoPaletteEntry *entry = g_ptr_array_index (entries, i);
      FlexoConcept *concept = flexo_palette_entry_get_concept (entry);
      FlexoRelation *relation = flexo_palette_entry_get_relation (entry);
      const FlexoStyle *style = flexo_palette_entry_get_style (entry);
      FlexoPaletteItem *item;
      GtkGesture *click;
      Entry *e;
      double w, h;

      if (flow == NULL || g_strcmp0 (section, flexo_palette_entry_get_section (entry)) != 0)
        {
          section = flexo_palette_entry_get_section (entry);
          if (section != NULL)
            {
              GtkWidget *label = gtk_label_new (section);
              g_autofree char *key = g_strdup_printf ("section-%u", flexo_object_get_id (FLEXO_OBJECT (entry)));

              gtk_label_set_xalign (GTK_LABEL (label), 0);
              gtk_widget_add_css_class (label, "caption-heading");
              gtk_widget_add_css_class (label, "dim-label");
              gtk_widget_set_margin_start (label, 6);
              gtk_widget_set_margin_top (label, 4);
              gtk_box_append (GTK_BOX (self->user), label);
              g_object_set_data (G_OBJECT (self->user), key, label);
            }
          flow = flexo_palette_view_new_flow_box (self, section != NULL ? section : flexo_palette_get_name (palette));
          gtk_box_append (GTK_BOX (self->user), flow);
        }
      flexo_palette_entry_get_size (entry, &w, &h);
      if (concept != NULL && flexo_object_is_live (FLEXO_OBJECT (concept)))
        {
          item = flexo_palette_item_new_concept (concept, style, w, h);
          flexo_palette_item_set_form (item, flexo_concept_find_form (concept));
          g_hash_table_add (covered, concept);
        }
      else if (relation != NULL && flexo_object_is_live (FLEXO_OBJECT (relation)))
        {
          item = flexo_palette_item_new_relation (relation, style);
          g_hash_table_add (covered, relation);
        }
      else
        item = flexo_palette_item_new_shape (flexo_palette_entry_get_label (entry), style, w, h);
      flexo_palette_view_add_entry_to (self, flow, item, self->model_entries, self->model_items);
      e = g_ptr_array_index (self->model_entries, self->model_entries->len - 1);
      e->source = entry;
      click = gtk_gesture_click_new ();
      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
      g_signal_connect (click, "pressed", G_CALLBACK (entry_menu_pressed), NULL);
      gtk_widget_add_controller (e->button, GTK_EVENT_CONTROLLER (click));
    }
}

void
flexo_palette_view_init_user_actions (FlexoPaletteView *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), user_actions, G_N_ELEMENTS (user_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "palette", G_ACTION_GROUP (group));
}
