/* flexo-instance-editor.h — the property values of an instance
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "flexo-model.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_INSTANCE_EDITOR (flexo_instance_editor_get_type ())

G_DECLARE_FINAL_TYPE (FlexoInstanceEditor, flexo_instance_editor, FLEXO, INSTANCE_EDITOR, GtkWidget)

GtkWidget     *flexo_instance_editor_new          (void);
/* The instance edited (NULL: none). */
void           flexo_instance_editor_set_instance (FlexoInstanceEditor *self,
                                                   FlexoInstance       *instance);
FlexoInstance *flexo_instance_editor_get_instance (FlexoInstanceEditor *self);
/* The "Add Property…" menu button (tests). */
GtkWidget     *flexo_instance_editor_get_add_button (FlexoInstanceEditor *self);
/* The editor of the property named @name (tests). */
GtkWidget     *flexo_instance_editor_get_field    (FlexoInstanceEditor *self,
                                                   const char          *name);

G_END_DECLS
