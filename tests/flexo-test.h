/* flexo-test.h — shared helpers of the Check suites
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <check.h>
#include <glib.h>

G_BEGIN_DECLS

/* Runs @suite with TAP on standard output (one meson subtest per Check
 * test) and returns the process exit status. Takes ownership of @suite. */
int flexo_test_run (Suite *suite);

G_END_DECLS
