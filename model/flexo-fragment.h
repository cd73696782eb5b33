/* flexo-fragment.h — diagram items copied out of their document
 *
 * What the clipboard carries within and between documents, and what
 * duplicating a diagram copies: shapes and connectors with their look,
 * text, labels, waypoints and containers, and the part of the model they
 * show (instances and links, with their concepts and relations).
 *
 * A fragment is an ordinary document with one diagram, so that it goes
 * through flexo_native_save_bytes() and flexo_native_load_bytes(). Its
 * origin (flexo_document_get_origin()) is the UUID of the document it was
 * copied from; its concepts, properties, relations, instances and links
 * keep the ids they have there, so that pasting into that document again
 * finds them (by id and name); its diagram and items have ids of its own.
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
 * its ends are free). The instances and links they show come along, with
 * their concepts (and the concepts' parents and the targets of their
 * reference properties) and relations. Gives @diagram's document a UUID
 * if it had none. */
FlexoDocument *flexo_fragment_new_from_items (FlexoDiagram  *diagram,
                                              GPtrArray     *items);
/* The bounds of the fragment's shapes and connectors; FALSE when empty. */
gboolean       flexo_fragment_get_bounds     (FlexoDocument *fragment,
                                              FlexoRect     *out);
/* Whether @fragment was copied from @document. */
gboolean       flexo_fragment_comes_from     (FlexoDocument *fragment,
                                              FlexoDocument *document);
/* Copies the fragment's items into @target, moved by (@dx, @dy), within
 * the caller's transaction; returns them in z-order (transfer container:
 * the diagram owns them).
 *
 * Pasted into the document it was copied from, the shapes and connectors
 * show the same instances and links (a second view), where these still
 * exist, unless @copy_instances is TRUE: then they show new instances
 * with the same values. Anywhere else, concepts are found by name (and
 * relations by name and ends), those missing are added to the target's
 * metamodel, and the instances and links are created. */
GPtrArray     *flexo_fragment_paste          (FlexoDocument *fragment,
                                              FlexoDiagram  *target,
                                              double         dx,
                                              double         dy,
                                              gboolean       copy_instances);
/* A copy of @diagram, with the same instances shown (the same document),
 * added to the document's diagrams under @name, within the caller's
 * transaction; the document owns it. */
FlexoDiagram  *flexo_diagram_duplicate       (FlexoDiagram  *diagram,
                                              const char    *name);

G_END_DECLS
