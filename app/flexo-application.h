/* flexo-application.h
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "flexo-recovery.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_APPLICATION (flexo_application_get_type ())

G_DECLARE_FINAL_TYPE (FlexoApplication, flexo_application, FLEXO, APPLICATION, AdwApplication)

FlexoApplication *flexo_application_new        (GApplicationFlags  flags);
GSettings        *flexo_application_get_settings (FlexoApplication *self);
void              flexo_application_show_about (FlexoApplication  *self);
FlexoRecovery    *flexo_application_get_recovery (FlexoApplication *self);

G_END_DECLS
