/* flexo-form.h — editing a free form by its nodes
 *
 * A free form (FLEXO_SHAPE_FREEFORM, see flexo_shape_get_form()) is edited
 * as a closed ring of nodes, in document coordinates: each node is a point
 * of the outline, and the segment from it to the next node (the last one's
 * to the first) is straight or a cubic Bézier with two control points.
 * A polygon's corners and a beziergon's joints are its nodes.
 *
 * Moving a node carries the control points on either side of it, so that
 * its curves keep their shape; inserting a node splits a segment where it
 * passes nearest to a point without changing the outline (de Casteljau for
 * curves); removing one joins its two segments.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "flexo-geometry.h"
#include "flexo-path.h"
#include "flexo-shape.h"

G_BEGIN_DECLS

typedef struct
{
  FlexoPoint point;     /* on the outline */
  FlexoPoint c1, c2;    /* of the segment to the next node, when curved */
  gboolean   curved;
} FlexoFormNode;

/* What a handle of a node is: the node, or a control point of the segment
 * that leaves it (c1) or of the one that leaves it too (c2, which is near
 * the next node). */
typedef enum
{
  FLEXO_FORM_NODE,
  FLEXO_FORM_C1,
  FLEXO_FORM_C2,
} FlexoFormPart;

/* The fewest nodes a form keeps. */
#define FLEXO_FORM_MIN_NODES 3

/* The nodes of the shape's outline, in document coordinates (a GArray of
 * FlexoFormNode); NULL when it has no free form drawn. */
GArray     *flexo_form_get_nodes     (FlexoShape       *shape);
/* The closed outline through @nodes (at least one). */
FlexoPath  *flexo_form_nodes_to_path (GArray           *nodes);
/* Gives @shape the outline through @nodes: its bounds become the exact
 * bounds of the curve (at least a unit wide and high) and its form that
 * outline in them. Undoable, as any change of the shape. */
void        flexo_shape_set_outline  (FlexoShape       *shape,
                                      const FlexoPath  *outline);

/* The form its instances' shapes have, for more of them (a concept made
 * from free forms): the first found, NULL when none has one. */
const FlexoPath *flexo_concept_find_form (FlexoConcept *concept);

/* The position of @part of node @index. */
FlexoPoint  flexo_form_part_point    (GArray           *nodes,
                                      guint             index,
                                      FlexoFormPart     part);
/* Moves @part of node @index to @to; a node carries the control points on
 * either side of it. Nothing for a control point of a straight segment or
 * an index out of range. */
void        flexo_form_move          (GArray           *nodes,
                                      guint             index,
                                      FlexoFormPart     part,
                                      FlexoPoint        to);
/* Splits the segment that passes nearest to @near where it does, the
 * outline unchanged; the new node's index in @index (may be NULL). */
void        flexo_form_insert        (GArray           *nodes,
                                      FlexoPoint        near,
                                      guint            *index);
/* The distance from @p to the outline through @nodes. */
double      flexo_form_distance      (GArray           *nodes,
                                      FlexoPoint        p);
/* Removes node @index: the segments before and after it become one, a
 * curve when either was (keeping their outer control points). FALSE, and
 * nothing changed, when the form would have fewer than
 * FLEXO_FORM_MIN_NODES or @index is out of range. */
gboolean    flexo_form_remove        (GArray           *nodes,
                                      guint             index);

G_END_DECLS
