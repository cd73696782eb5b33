/* flexo-fragment.h — diagram items copied out of their document
 *
 * What the clipboard carries between documents, and what duplicating a
 * diagram copies: shapes and connectors with their look, text, labels,
 * waypoints and containers.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-document.h"
#include "flexo-diagram.h"

G_BEGIN_DECLS

/* A new document with one diagram holding copies of @items (shapes and
 * connectors of @diagram), in their z-order. A shape's container is kept
 * when it is copied too; a connector is copied when its shapes are (or
 * its ends are free). Shapes that show an instance become free shapes
 * with the instance's label as text and their resolved look. */
FlexoDocument *flexo_fragment_new_from_items (FlexoDiagram  *diagram,
                                              GPtrArray     *items);
/* The bounds of the fragment's shapes and connectors; FALSE when empty. */
gboolean       flexo_fragment_get_bounds     (FlexoDocument *fragment,
                                              FlexoRect     *out);
/* Copies the fragment's items into @target, moved by (@dx, @dy), within
 * the caller's transaction; returns them (the diagram owns them). */
GPtrArray     *flexo_fragment_paste          (FlexoDocument *fragment,
                                              FlexoDiagram  *target,
                                              double         dx,
                                              double         dy);
/* A copy of @diagram, with the same instances shown (the same document),
 * added to the document's diagrams under @name, within the caller's
 * transaction. */
FlexoDiagram  *flexo_diagram_duplicate       (FlexoDiagram  *diagram,
                                              const char    *name);

G_END_DECLS
