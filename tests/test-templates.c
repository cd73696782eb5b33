/* test-templates.c — the built-in kits and the "New from Template" gallery
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "flexo-gui-test.h"
#include "flexo-model.h"
#include "flexo-templates.h"
#include "flexo-test.h"
#include "flexo-validate.h"

static FlexoApplication *app;
static FlexoWindow *window;

static void
setup (void)
{
  flexo_gui_test_init_locale ("en");
  app = flexo_gui_test_open_app (&window);
}

static void
teardown (void)
{
  window = NULL;
  flexo_gui_test_teardown (&app);
}

/* Every kit: a metamodel, a palette entry for each concept one can draw
 * and each relation, an example without problems; and, without the
 * example, the same metamodel over one empty diagram. */
START_TEST (test_every_kit_loads)
{
  guint n;
  const FlexoTemplate *templates = flexo_templates_get_all (&n);

  ck_assert_uint_eq (n, 6);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FlexoDocument) full = flexo_template_load (templates[i].id, TRUE, &error);
      g_autoptr(FlexoDocument) empty = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      GPtrArray *concepts, *entries;
      guint drawable = 0;

      ck_assert_msg (full != NULL, "%s: %s", templates[i].id, error ? error->message : "");
      ck_assert (!flexo_document_get_modified (full));
      ck_assert (!flexo_document_can_undo (full));
      concepts = flexo_document_get_concepts (full);
      ck_assert_uint_gt (concepts->len, 0);
      ck_assert_uint_gt (flexo_document_get_relations (full)->len, 0);
      for (guint c = 0; c < concepts->len; c++)
        drawable += !flexo_concept_get_abstract (g_ptr_array_index (concepts, c));
      ck_assert_uint_eq (flexo_document_get_palettes (full)->len, 1);
      entries = flexo_palette_get_entries (g_ptr_array_index (flexo_document_get_palettes (full), 0));
      ck_assert_uint_eq (entries->len, drawable + flexo_document_get_relations (full)->len);
      ck_assert_uint_gt (flexo_document_get_instances (full)->len, 3);
      ck_assert_uint_gt (flexo_document_get_links (full)->len, 2);
      problems = flexo_document_validate (full);
      ck_assert_msg (problems->len == 0, "%s: %s", templates[i].id,
                     problems->len > 0 ? ((FlexoProblem *) g_ptr_array_index (problems, 0))->message : "");

      empty = flexo_template_load (templates[i].id, FALSE, &error);
      ck_assert_ptr_nonnull (empty);
      ck_assert_uint_eq (flexo_document_get_concepts (empty)->len, concepts->len);
      ck_assert_uint_eq (flexo_document_get_instances (empty)->len, 0);
      ck_assert_uint_eq (flexo_document_get_links (empty)->len, 0);
      ck_assert_uint_eq (flexo_document_get_diagrams (empty)->len, 1);
      ck_assert_uint_eq (flexo_diagram_get_items (g_ptr_array_index (flexo_document_get_diagrams (empty), 0))->len, 0);
      ck_assert (!flexo_document_get_modified (empty));
      ck_assert (!flexo_document_can_undo (empty));
    }
}
END_TEST

START_TEST (test_unknown_kit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlexoDocument) document = flexo_template_load ("no-such-kit", TRUE, &error);

  ck_assert_ptr_null (document);
  ck_assert_ptr_nonnull (error);
}
END_TEST

static GtkWindow *
gallery_window (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_window_get_title (l->data), "New from Template") == 0 &&
        gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* The gallery opens a kit in the window when it is empty, in a new one
 * when it holds work. */
START_TEST (test_gallery_opens_a_kit)
{
  guint n;
  const FlexoTemplate *templates = flexo_templates_get_all (&n);
  GtkWindow *gallery;
  GtkWidget *card, *example;
  FlexoDocument *document;
  guint n_windows;

  g_action_group_activate_action (G_ACTION_GROUP (window), "new-from-template", NULL);
  flexo_gui_test_flush ();
  gallery = gallery_window ();
  ck_assert_ptr_nonnull (gallery);
  ck_assert (gtk_window_get_modal (gallery));
  /* One card a kit, found by its name. */
  for (guint i = 0; i < n; i++)
    ck_assert_msg (flexo_gui_test_find_widget (GTK_WIDGET (gallery), GTK_TYPE_BUTTON, "tooltip-text",
                                               templates[i].description) != NULL, "%s", templates[i].id);
  card = flexo_gui_test_find_widget (GTK_WIDGET (gallery), GTK_TYPE_BUTTON, "tooltip-text", templates[2].description);
  g_signal_emit_by_name (card, "clicked");
  flexo_gui_test_flush ();
  ck_assert_ptr_null (gallery_window ());
  document = flexo_window_get_document (window);
  ck_assert_uint_eq (flexo_document_get_concepts (document)->len, 6);
  ck_assert_uint_gt (flexo_document_get_instances (document)->len, 0);
  ck_assert_ptr_null (flexo_window_get_file (window));
  ck_assert (!flexo_document_get_modified (document));

  /* This window holds a model now: the next kit, without its example,
   * goes to a new window. */
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-from-template", NULL);
  flexo_gui_test_flush ();
  gallery = gallery_window ();
  example = flexo_gui_test_find_widget (GTK_WIDGET (gallery), GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  ck_assert_ptr_nonnull (example);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (example), FALSE);
  card = flexo_gui_test_find_widget (GTK_WIDGET (gallery), GTK_TYPE_BUTTON, "tooltip-text", templates[5].description);
  g_signal_emit_by_name (card, "clicked");
  flexo_gui_test_flush ();
  ck_assert_ptr_eq (flexo_window_get_document (window), document);
  ck_assert_uint_eq (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), n_windows + 1);
  {
    FlexoWindow *other = FLEXO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
    FlexoDocument *petri = flexo_window_get_document (other);

    ck_assert_ptr_ne (other, window);
    ck_assert_uint_eq (flexo_document_get_concepts (petri)->len, 2);
    ck_assert_uint_eq (flexo_document_get_instances (petri)->len, 0);
  }
}
END_TEST

static Suite *
templates_suite (void)
{
  Suite *s = suite_create ("templates");
  TCase *tc = tcase_create ("kits");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_every_kit_loads);
  tcase_add_test (tc, test_unknown_kit);
  tcase_add_test (tc, test_gallery_opens_a_kit);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return flexo_gui_test_run (templates_suite ());
}
