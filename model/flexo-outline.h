/* flexo-outline.h — the outline of each shape kind
 *
 * The outline (silhouette) of a shape is one closed subpath inside its box:
 * it is what the painter fills and strokes, what hit testing uses and where
 * connectors are clipped, so that all of them agree. Details are extra lines
 * the painter strokes on top (a cylinder's rim, a note's fold…); they are
 * neither filled nor used for hit testing.
 *
 * Outlines are FlexoPaths (see flexo-path.h): queries on them work on the
 * exact curves, and a circle's or an ellipse's outline touches its box.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "flexo-geometry.h"
#include "flexo-path.h"
#include "flexo-types.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------- outlines -- */

/* The silhouette of a shape of @kind in @box, as one closed subpath, in
 * place of the contents of @out. @corner_radius is used by the rounded
 * rectangle only (clamped to 0 … half the smaller side). A box with a
 * negative size is normalized; an empty box gives an empty path.
 *
 * Actor: the silhouette is the bounding rectangle of the stick figure, which
 * spans the height of the box and is at most 0.6 × as wide as it is high
 * (the whole box when it is narrower); see flexo_outline_paints_silhouette().
 * Text, class and container: the box.
 *
 * Free form (FLEXO_SHAPE_FREEFORM): the first subpath of @form, a path in
 * the unit square that the box stretches (0, 0 its top-left corner, 1, 1
 * its bottom-right), closed; the box when @form is NULL or draws nothing.
 * @form is ignored by every other kind, here and in the queries below. */
void       flexo_outline_build         (FlexoShapeKind   kind,
                                        const FlexoRect *box,
                                        double           corner_radius,
                                        const FlexoPath *form,
                                        FlexoPath       *out);
/* The lines a painter strokes on top of the silhouette (never filled, not
 * part of the silhouette), in place of the contents of @out: the front arc
 * of a cylinder's top rim, a note's fold, an actor's stick figure (its head
 * is a closed circle), a package's tab line. Empty for the other kinds
 * (class compartments depend on content and are the painter's). */
void       flexo_outline_build_details (FlexoShapeKind   kind,
                                        const FlexoRect *box,
                                        double           corner_radius,
                                        FlexoPath       *out);
/* Whether the painter fills and strokes the silhouette: FALSE for the actor
 * (only its details are drawn; the silhouette is for hit testing and
 * clipping) and for text (no visible outline). */
gboolean   flexo_outline_paints_silhouette (FlexoShapeKind kind);
/* Whether flexo_outline_build_details() draws anything for @kind. */
gboolean   flexo_outline_has_details   (FlexoShapeKind   kind);

/* Whether @p is inside the silhouette (non-zero rule) or within @tolerance
 * (≥ 0) of its border; the border itself is inside. */
gboolean   flexo_outline_contains      (FlexoShapeKind   kind,
                                        const FlexoRect *box,
                                        double           corner_radius,
                                        const FlexoPath *form,
                                        FlexoPoint       p,
                                        double           tolerance);
/* Where the segment @from → @toward leaves the silhouette: its intersection
 * with the outline closest to @toward, so that a connector coming from
 * @toward ends exactly on the outline, concave shapes included (a ray into a
 * star's notch stops at the notch). @from is usually the centre of the box.
 * FALSE when @toward is strictly inside the silhouette or when the segment
 * does not meet the outline. */
gboolean   flexo_outline_clip          (FlexoShapeKind   kind,
                                        const FlexoRect *box,
                                        double           corner_radius,
                                        const FlexoPath *form,
                                        FlexoPoint       from,
                                        FlexoPoint       toward,
                                        FlexoPoint      *out);
/* The point of the outline nearest to @p (inside or outside); FALSE for an
 * empty box. */
gboolean   flexo_outline_nearest_point (FlexoShapeKind   kind,
                                        const FlexoRect *box,
                                        double           corner_radius,
                                        const FlexoPath *form,
                                        FlexoPoint       p,
                                        FlexoPoint      *out);

/* ---------------------------------------------------------------- sides -- */

typedef enum
{
  FLEXO_SIDE_TOP,
  FLEXO_SIDE_RIGHT,
  FLEXO_SIDE_BOTTOM,
  FLEXO_SIDE_LEFT,
  FLEXO_N_SIDES
} FlexoSide;

/* The middle of @side of @box. */
FlexoPoint flexo_outline_side_center   (const FlexoRect *box,
                                        FlexoSide        side);
/* The unit outward normal of @side: (0, -1) for the top (y points down). */
FlexoPoint flexo_side_normal           (FlexoSide        side);
FlexoSide  flexo_side_opposite         (FlexoSide        side);
/* The side of @box that the ray from its centre toward @p crosses. */
FlexoSide  flexo_side_facing           (const FlexoRect *box,
                                        FlexoPoint       p);
/* The port of @side for orthogonal routing: where the outline is left going
 * from the centre of the box along the side's normal (for a circle in a
 * wide box, on the circle, not on the box). A connector leaving there along
 * the normal is perpendicular to the box side. FALSE for an empty box. */
gboolean   flexo_outline_side_port     (FlexoShapeKind   kind,
                                        const FlexoRect *box,
                                        double           corner_radius,
                                        const FlexoPath *form,
                                        FlexoSide        side,
                                        FlexoPoint      *out);

G_END_DECLS
