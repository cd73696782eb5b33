/* flexo-look-preview.h — how a concept's or a relation's elements look
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "flexo-model.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_LOOK_PREVIEW (flexo_look_preview_get_type ())
G_DECLARE_FINAL_TYPE (FlexoLookPreview, flexo_look_preview, FLEXO, LOOK_PREVIEW, GtkWidget)

GtkWidget    *flexo_look_preview_new        (void);
/* Shows a shape of @object (a concept) with its label template filled
 * in, or a connector of it (a relation) between shapes of its ends; NULL
 * shows blank paper. Call it again after @object changed. */
void          flexo_look_preview_set_object (FlexoLookPreview *self,
                                             FlexoObject      *object);
/* The diagram drawn (NULL: none), for tests. */
FlexoDiagram *flexo_look_preview_get_diagram (FlexoLookPreview *self);

G_END_DECLS
