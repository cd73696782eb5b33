/* test-types.c — names of the shared enumerations, colours
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-test.h"
#include "flexo-property.h"
#include "flexo-types.h"

#define CHECK_ROUND_TRIP(Type, prefix, n) \
  G_STMT_START { \
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal); \
    for (int i = 0; i < (n); i++) \
      { \
        const char *name = flexo_##prefix##_to_string ((Type) i); \
        Type back; \
        ck_assert_ptr_nonnull (name); \
        ck_assert_msg (g_hash_table_add (seen, (gpointer) name), "duplicate name %s", name); \
        ck_assert (flexo_##prefix##_from_string (name, &back)); \
        ck_assert_int_eq (back, i); \
      } \
    ck_assert_ptr_null (flexo_##prefix##_to_string ((Type) (n))); \
  } G_STMT_END

START_TEST (test_enum_names_round_trip)
{
  CHECK_ROUND_TRIP (FlexoShapeKind, shape_kind, FLEXO_N_SHAPE_KINDS);
  CHECK_ROUND_TRIP (FlexoArrowHead, arrow_head, FLEXO_N_ARROW_HEADS);
  CHECK_ROUND_TRIP (FlexoRouting, routing, FLEXO_N_ROUTINGS);
  CHECK_ROUND_TRIP (FlexoDash, dash, FLEXO_N_DASHES);
  CHECK_ROUND_TRIP (FlexoAlign, align, FLEXO_N_ALIGNS);
  CHECK_ROUND_TRIP (FlexoFontStyle, font_style, FLEXO_N_FONT_STYLES);
}
END_TEST

START_TEST (test_enum_unknown_names)
{
  FlexoShapeKind kind = FLEXO_SHAPE_STAR;

  ck_assert (!flexo_shape_kind_from_string ("Rectangle", &kind));
  ck_assert (!flexo_shape_kind_from_string ("", &kind));
  ck_assert (!flexo_shape_kind_from_string (NULL, &kind));
  ck_assert_int_eq (kind, FLEXO_SHAPE_STAR);
  ck_assert (flexo_shape_kind_from_string ("cylinder", &kind));
  ck_assert_int_eq (kind, FLEXO_SHAPE_CYLINDER);
}
END_TEST

START_TEST (test_colors)
{
  char buf[10];
  FlexoColor c = 1;

  ck_assert (flexo_color_from_string ("#3584e4", &c));
  ck_assert_uint_eq (c, 0x3584e4ff);
  ck_assert_str_eq (flexo_color_to_string (c, buf), "#3584e4");

  ck_assert (flexo_color_from_string ("#FFF", &c));
  ck_assert_uint_eq (c, 0xffffffff);

  ck_assert (flexo_color_from_string ("#11223380", &c));
  ck_assert_str_eq (flexo_color_to_string (c, buf), "#11223380");

  ck_assert (flexo_color_from_string ("none", &c));
  ck_assert_uint_eq (c, 0);
  ck_assert_str_eq (flexo_color_to_string (c, buf), "#00000000");

  ck_assert (!flexo_color_from_string ("#12345", &c));
  ck_assert (!flexo_color_from_string ("#gg0000", &c));
  ck_assert (!flexo_color_from_string ("red", &c));
  ck_assert (!flexo_color_from_string ("", &c));
}
END_TEST

START_TEST (test_multiplicities)
{
  static const struct { const char *text; int min, max; const char *canonical; } good[] = {
    { "1", 1, 1, "1" }, { "0..1", 0, 1, "0..1" }, { "0..*", 0, FLEXO_MANY, "0..*" },
    { "1..*", 1, FLEXO_MANY, "1..*" }, { " 2 .. 5 ", 2, 5, "2..5" }, { "*", 0, FLEXO_MANY, "0..*" },
    { "3..3", 3, 3, "3" },
  };
  static const char * const bad[] = {
    "", "..", "x", "1..", "..2", "5..2", "-1..2", "0", "0..0", "1..x", "*..2", "+1", "1..2..3", "99999999999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *text = NULL;
      int min = -2, max = -2;

      ck_assert_msg (flexo_multiplicity_parse (good[i].text, &min, &max), "“%s” refused", good[i].text);
      ck_assert_int_eq (min, good[i].min);
      ck_assert_int_eq (max, good[i].max);
      text = flexo_multiplicity_to_string (min, max);
      ck_assert_str_eq (text, good[i].canonical);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int min = 7, max = 7;

      ck_assert_msg (!flexo_multiplicity_parse (bad[i], &min, &max), "“%s” accepted", bad[i]);
      ck_assert_int_eq (min, 7);
      ck_assert_int_eq (max, 7);
    }
}
END_TEST

static Suite *
types_suite (void)
{
  Suite *s = suite_create ("types");
  TCase *tc = tcase_create ("names");

  tcase_add_test (tc, test_enum_names_round_trip);
  tcase_add_test (tc, test_enum_unknown_names);
  tcase_add_test (tc, test_colors);
  tcase_add_test (tc, test_multiplicities);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return flexo_test_run (types_suite ());
}
