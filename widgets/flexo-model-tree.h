/* flexo-model-tree.h — the outline of a document: its model and diagrams
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "flexo-model.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_MODEL_TREE (flexo_model_tree_get_type ())

G_DECLARE_FINAL_TYPE (FlexoModelTree, flexo_model_tree, FLEXO, MODEL_TREE, GtkWidget)

GtkWidget *flexo_model_tree_new          (void);
void       flexo_model_tree_set_document (FlexoModelTree *self,
                                          FlexoDocument  *document);
/* Shows only the rows whose label matches @query (NULL: all). */
void       flexo_model_tree_set_filter   (FlexoModelTree *self,
                                          const char     *query);
/* The objects listed, in order (tests): concepts, their instances,
 * relations, their links, diagrams. */
GPtrArray *flexo_model_tree_dup_objects  (FlexoModelTree *self);
/* Activates the row of @object, as a double click or Enter would. */
void       flexo_model_tree_activate     (FlexoModelTree *self,
                                          FlexoObject    *object);

/* Signal "object-activated" (FlexoObject *): show it (select its shapes,
 * open its diagram). Instance rows are drag sources of the instance (a
 * GValue of FLEXO_TYPE_INSTANCE): dropped on a diagram, it is shown there
 * too. */

/* Whether the toggle asks to highlight the shapes and connectors no
 * concept or relation classifies yet ("highlight-unclassified"). */
gboolean        flexo_model_tree_get_highlight_unclassified (FlexoModelTree *self);
void            flexo_model_tree_set_highlight_unclassified (FlexoModelTree *self,
                                                             gboolean        highlight);

G_END_DECLS
