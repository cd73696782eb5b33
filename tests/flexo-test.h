/* flexo-test.h — shared helpers of the Check suites
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <check.h>
#include <math.h>
#include <glib.h>

G_BEGIN_DECLS

/* Runs @suite with TAP on standard output (one meson subtest per Check
 * test) and returns the process exit status. Takes ownership of @suite. */
int flexo_test_run (Suite *suite);

/* @error is set, in @domain with @code. */
#define ck_assert_error(err, dom, cod) \
  G_STMT_START { \
    ck_assert_msg ((err) != NULL, "no error set"); \
    ck_assert_msg ((err)->domain == (dom) && (err)->code == (cod), \
                   "error %s:%d: %s", g_quark_to_string ((err)->domain), (err)->code, (err)->message); \
  } G_STMT_END

/* Fails the current test unless @bytes is a .flexo document that validates
 * against resources/flexo.rng. */
/* That @point is (@ex, @ey) within @tolerance. */
#define ck_assert_point(point, ex, ey, tolerance) \
  G_STMT_START { \
    FlexoPoint p_ = (point); \
    double x_ = (ex), y_ = (ey), t_ = (tolerance); \
    ck_assert_msg (fabs (p_.x - x_) <= t_ && fabs (p_.y - y_) <= t_, \
                   "(%g, %g) is not (%g, %g) within %g", p_.x, p_.y, x_, y_, t_); \
  } G_STMT_END

void flexo_test_assert_valid_flexo (GBytes *bytes);

/* A file of the source tree, from its path relative to the top. */
char *flexo_test_source_path (const char *relative);

G_END_DECLS
