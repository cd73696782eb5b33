/* flexo-model.h — the whole model layer in one include
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-changes.h"
#include "flexo-concept.h"
#include "flexo-connector.h"
#include "flexo-diagram.h"
#include "flexo-document.h"
#include "flexo-geometry.h"
#include "flexo-instance.h"
#include "flexo-link.h"
#include "flexo-object.h"
#include "flexo-palette.h"
#include "flexo-property.h"
#include "flexo-relation.h"
#include "flexo-shape.h"
#include "flexo-style.h"
#include "flexo-types.h"
