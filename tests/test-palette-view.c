/* test-palette-view.c — the basic palette, in a window of its own
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "flexo-canvas.h"
#include "flexo-gui-test.h"
#include "flexo-palette-view.h"
#include "flexo-test.h"

static GtkWidget *window;
static FlexoPaletteView *palette;

static void
open_palette (const char *language)
{
  flexo_gui_test_init_locale (language);
  gtk_init ();
  window = gtk_window_new ();
  palette = FLEXO_PALETTE_VIEW (flexo_palette_view_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 220, 900);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (palette));
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (palette)) && gtk_widget_get_height (GTK_WIDGET (palette)) > 100);
  flexo_gui_test_flush ();
}

static void
setup (void)
{
  open_palette ("en");
}

static void
setup_french (void)
{
  open_palette ("fr");
}

static void
teardown (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  flexo_gui_test_flush ();
}

static FlexoPaletteItem *
find_item (const char *name)
{
  GPtrArray *items = flexo_palette_view_get_items (palette);

  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (flexo_palette_item_get_name (g_ptr_array_index (items, i)), name) == 0)
      return g_ptr_array_index (items, i);
  ck_abort_msg ("no palette item “%s”", name);
  return NULL;
}

static void
count_activations (FlexoPaletteView *view,
                   FlexoPaletteItem *item,
                   gpointer          data)
{
  FlexoPaletteItem **last = data;

  *last = item;
}

START_TEST (test_every_kind_is_there)
{
  GPtrArray *items = flexo_palette_view_get_items (palette);
  guint shapes = 0, connectors = 0;
  gboolean seen[FLEXO_N_SHAPE_KINDS] = { FALSE };

  for (guint i = 0; i < items->len; i++)
    {
      FlexoPaletteItem *item = g_ptr_array_index (items, i);
      const FlexoStyle *style = flexo_palette_item_get_style (item);
      GtkWidget *button = flexo_palette_view_get_button (palette, item);

      ck_assert_ptr_nonnull (button);
      ck_assert_str_ne (flexo_palette_item_get_name (item), "");
      /* The name is what the pointer and the screen reader get. */
      ck_assert_str_eq (gtk_widget_get_tooltip_text (button), flexo_palette_item_get_name (item));
      if (flexo_palette_item_get_kind (item) == FLEXO_PALETTE_ITEM_SHAPE)
        {
          ck_assert (flexo_style_has (style, FLEXO_STYLE_SHAPE_KIND));
          seen[style->shape_kind] = TRUE;
          shapes++;
        }
      else
        {
          ck_assert (flexo_style_has (style, FLEXO_STYLE_ROUTING));
          connectors++;
        }
    }
  for (guint k = 0; k < FLEXO_N_SHAPE_KINDS; k++)
    ck_assert_msg (seen[k], "no palette item for shape kind %u", k);
  ck_assert_uint_eq (shapes, FLEXO_N_SHAPE_KINDS);
  /* The free form is a polygon to start from, with its form. */
  ck_assert_int_eq (flexo_palette_item_get_style (find_item ("Polygon"))->shape_kind, FLEXO_SHAPE_FREEFORM);
  ck_assert_uint_eq (flexo_path_get_n_ops (flexo_palette_item_get_form (find_item ("Polygon"))), 6);
  ck_assert_uint_ge (connectors, 6);
  /* Every routing and the main heads are offered. */
  ck_assert_int_eq (flexo_palette_item_get_style (find_item ("Curved Arrow"))->routing, FLEXO_ROUTING_CURVED);
  ck_assert_int_eq (flexo_palette_item_get_style (find_item ("Orthogonal Arrow"))->routing, FLEXO_ROUTING_ORTHOGONAL);
  ck_assert_int_eq (flexo_palette_item_get_style (find_item ("Bézier Arrow"))->routing, FLEXO_ROUTING_BEZIER);
  ck_assert_int_eq (flexo_palette_item_get_style (find_item ("Inheritance"))->arrow_end, FLEXO_ARROW_HOLLOW_TRIANGLE);
}
END_TEST

START_TEST (test_click_picks_the_tool)
{
  FlexoPaletteItem *ellipse = find_item ("Ellipse");
  FlexoPaletteItem *last = NULL;
  GtkWidget *button = flexo_palette_view_get_button (palette, ellipse);

  g_signal_connect (palette, "item-activated", G_CALLBACK (count_activations), &last);
  ck_assert_ptr_null (flexo_palette_view_get_active_item (palette));
  g_signal_emit_by_name (button, "clicked");
  ck_assert_ptr_eq (flexo_palette_view_get_active_item (palette), ellipse);
  ck_assert_ptr_eq (last, ellipse);
  ck_assert (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  ck_assert (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (flexo_palette_view_get_button (palette, NULL))));

  /* Again: back to the pointer. */
  g_signal_emit_by_name (button, "clicked");
  ck_assert_ptr_null (flexo_palette_view_get_active_item (palette));
  ck_assert (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (flexo_palette_view_get_button (palette, NULL))));

  /* Set from outside (the canvas placed the shape): the buttons follow. */
  flexo_palette_view_set_active_item (palette, ellipse);
  flexo_palette_view_set_active_item (palette, NULL);
  ck_assert (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}
END_TEST

START_TEST (test_search_filters)
{
  GtkWidget *ellipse = flexo_palette_view_get_button (palette, find_item ("Ellipse"));
  GtkWidget *star = flexo_palette_view_get_button (palette, find_item ("Star"));
  GtkWidget *arrow = flexo_palette_view_get_button (palette, find_item ("Curved Arrow"));

  flexo_palette_view_set_filter (palette, "ell");
  flexo_gui_test_flush ();
  ck_assert (gtk_widget_get_child_visible (gtk_widget_get_parent (ellipse)));
  ck_assert (!gtk_widget_get_child_visible (gtk_widget_get_parent (star)));
  ck_assert (!gtk_widget_get_child_visible (gtk_widget_get_parent (arrow)));
  /* Any word of the name: "arrow" finds the arrows. */
  flexo_palette_view_set_filter (palette, "ARROW");
  flexo_gui_test_flush ();
  ck_assert (gtk_widget_get_child_visible (gtk_widget_get_parent (arrow)));
  ck_assert (!gtk_widget_get_child_visible (gtk_widget_get_parent (ellipse)));
  flexo_palette_view_set_filter (palette, NULL);
  flexo_gui_test_flush ();
  ck_assert (gtk_widget_get_child_visible (gtk_widget_get_parent (star)));
}
END_TEST

START_TEST (test_drag_carries_the_item)
{
  FlexoPaletteItem *diamond = find_item ("Diamond");
  GtkWidget *button = flexo_palette_view_get_button (palette, diamond);
  GtkEventController *source = flexo_gui_test_find_controller (button, GTK_TYPE_DRAG_SOURCE);
  GdkContentProvider *provider = NULL;
  GValue value = G_VALUE_INIT;

  ck_assert_ptr_nonnull (source);
  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &provider);
  ck_assert_ptr_nonnull (provider);
  g_value_init (&value, FLEXO_TYPE_PALETTE_ITEM);
  ck_assert (gdk_content_provider_get_value (provider, &value, NULL));
  ck_assert_ptr_eq (g_value_get_boxed (&value), diamond);
  g_value_unset (&value);
  g_object_unref (provider);
}
END_TEST

/* The icon of @item drawn on a surface: how many pixels are dark. */
static int
dark_pixels (FlexoPaletteItem *item)
{
  GtkWidget *button = flexo_palette_view_get_button (palette, item);
  GtkWidget *icon = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button)));
  cairo_surface_t *surface;
  guint32 *pixels;
  int dark = 0, stride;

  ck_assert (GTK_IS_DRAWING_AREA (icon));
  surface = flexo_gui_test_render (icon, 64, 48);
  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < 48; y++)
    for (int x = 0; x < 64; x++)
      {
        guint32 p = pixels[y * stride + x];

        dark += (p >> 24) > 0x80 && ((p >> 16) & 0xff) < 0x80;
      }
  cairo_surface_destroy (surface);
  return dark;
}

START_TEST (test_icons_are_drawn_in_the_default_style)
{
  FlexoPaletteItem *rectangle = find_item ("Rectangle");
  g_autoptr(FlexoStyle) dark_fill = flexo_style_new ();
  int outline;

  outline = dark_pixels (rectangle);
  ck_assert_int_gt (outline, 40);
  ck_assert_int_gt (dark_pixels (find_item ("Arrow")), 10);
  /* A dark fill in the default style: the icon shows it. */
  flexo_style_set_fill (dark_fill, FLEXO_COLOR_RGBA (0x10, 0x10, 0x60, 0xff));
  flexo_palette_view_set_default_style (palette, dark_fill);
  ck_assert_int_gt (dark_pixels (rectangle), 4 * outline);
}
END_TEST

START_TEST (test_names_in_french)
{
  GPtrArray *items = flexo_palette_view_get_items (palette);
  gboolean losange = FALSE, fleche = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const char *name = flexo_palette_item_get_name (g_ptr_array_index (items, i));

      losange |= g_strcmp0 (name, "Losange") == 0;
      fleche |= g_strcmp0 (name, "Flèche") == 0;
    }
  ck_assert (losange && fleche);
}
END_TEST

static Suite *
palette_suite (void)
{
  Suite *s = suite_create ("palette-view");
  TCase *tc = tcase_create ("palette");
  TCase *fr = tcase_create ("french");

  tcase_set_timeout (tc, 60);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_every_kind_is_there);
  tcase_add_test (tc, test_click_picks_the_tool);
  tcase_add_test (tc, test_search_filters);
  tcase_add_test (tc, test_drag_carries_the_item);
  tcase_add_test (tc, test_icons_are_drawn_in_the_default_style);
  suite_add_tcase (s, tc);

  tcase_add_checked_fixture (fr, setup_french, teardown);
  tcase_add_test (fr, test_names_in_french);
  suite_add_tcase (s, fr);
  return s;
}

int
main (void)
{
  return flexo_gui_test_run (palette_suite ());
}
