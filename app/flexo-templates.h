/* flexo-templates.h — the built-in kits and the gallery that offers them
 *
 * A kit is a .flexo file compiled into the resources (resources/kits/):
 * a metamodel, its palette and an example drawn with it.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "flexo-model.h"
#include "flexo-window.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;           /* the file's name without .flexo */
  const char *title;        /* translatable (N_) */
  const char *description;  /* translatable (N_) */
} FlexoTemplate;

/* The kits, in the gallery's order; @n_templates gets their number. */
const FlexoTemplate *flexo_templates_get_all (guint        *n_templates);
/* A new untitled document from the kit @id: its metamodel and palette,
 * with its example or, without, one empty diagram. Saved (not modified),
 * no history. */
FlexoDocument       *flexo_template_load     (const char   *id,
                                              gboolean      with_example,
                                              GError      **error);
/* The "New from Template" window over @parent; choosing a kit opens it in
 * @parent when that shows nothing worth keeping, else in a new window. */
GtkWidget           *flexo_template_gallery_new (FlexoWindow *parent);

G_END_DECLS
