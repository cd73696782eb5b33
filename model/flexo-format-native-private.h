/* flexo-format-native-private.h — shared by the .flexo reader and writer
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-format.h"

G_BEGIN_DECLS

/* The version this build writes; the reader migrates older ones. */
#define FLEXO_NATIVE_VERSION 1

G_END_DECLS
