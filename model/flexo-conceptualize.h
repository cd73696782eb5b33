/* flexo-conceptualize.h — from a free drawing to a model (free modelling)
 *
 * A workshop draws with plain shapes; these steps turn what it drew into
 * concepts, instances, relations and links without losing anything drawn
 * (DESIGN.md §2, principle 6). Each step works in the open transaction,
 * so that the caller makes it one history entry; undo gives the drawing
 * back as it was.
 *
 * A shape's *look* is everything about it but its position, size and
 * text: its resolved style.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-model.h"

G_BEGIN_DECLS

/* A canonical text of a look, equal for equal looks. */
char          *flexo_look_key                (const FlexoStyle *look);
char          *flexo_shape_dup_look_key      (FlexoShape       *shape);
char          *flexo_connector_dup_look_key  (FlexoConnector   *connector);

typedef struct
{
  FlexoStyle *look;      /* resolved */
  char       *key;
  FlexoShape *example;   /* the first shape drawn with it */
  guint       count;     /* how many free shapes have it */
} FlexoUsedLook;

void           flexo_used_look_free          (FlexoUsedLook    *look);
/* The looks of the document's free shapes (those without an instance),
 * in the order they were first drawn (diagram by diagram). */
GPtrArray     *flexo_document_dup_used_looks (FlexoDocument    *document);
/* The free shapes that look like @shape, in every diagram, @shape
 * first. */
GPtrArray     *flexo_document_dup_look_alikes (FlexoDocument   *document,
                                               FlexoShape      *shape);
/* The free connectors that look like @connector and join shapes of the
 * same concepts as its ends do, @connector first; empty when its ends
 * are not both instances. */
GPtrArray     *flexo_document_dup_connector_look_alikes (FlexoDocument  *document,
                                                         FlexoConnector *connector);

/* A concept called @name with the look of @shapes' first as its
 * representation and a `name` property; each shape becomes one of its
 * instances, named by the shape's text (which the instance then holds).
 * NULL with @error when the name is empty or taken. */
FlexoConcept  *flexo_conceptualize_shapes    (FlexoDocument    *document,
                                              const char       *name,
                                              GPtrArray        *shapes,
                                              GError          **error);
/* A relation called @name from the concept of the first connector's
 * source to that of its target, with the connector's look; each
 * connector gets a link between the instances it joins. NULL with @error
 * when an end is no instance or the name is empty or taken. */
FlexoRelation *flexo_conceptualize_connectors (FlexoDocument   *document,
                                               const char      *name,
                                               GPtrArray       *connectors,
                                               GError         **error);

typedef enum
{
  FLEXO_LOOK_TAKE_CONCEPT,      /* the shape takes the concept's look */
  FLEXO_LOOK_REDEFINE_CONCEPT,  /* the concept takes the shape's look; its shapes follow */
  FLEXO_LOOK_KEEP_OWN,          /* the shape keeps its look as its own */
} FlexoLookStrategy;

/* Makes free @shape an instance of @concept, named by its text. */
FlexoInstance *flexo_declare_instance        (FlexoDocument    *document,
                                              FlexoShape       *shape,
                                              FlexoConcept     *concept,
                                              FlexoLookStrategy strategy);
/* A new property @name of @type on @instance's concept, and @value (may
 * be NULL) for @instance. NULL with @error when the name is taken on the
 * concept (its own or inherited properties) or not an identifier. */
FlexoProperty *flexo_instance_add_new_property (FlexoDocument     *document,
                                                FlexoInstance     *instance,
                                                const char        *name,
                                                FlexoPropertyType  type,
                                                const char        *value,
                                                GError           **error);

/* Keeps the metamodel and the palettes of @document (not in a
 * transaction), drops its model and diagrams and gives it one empty
 * diagram named @diagram_name. */
void           flexo_document_drop_model     (FlexoDocument    *document,
                                              const char       *diagram_name);
/* A new document for drawing proper models of @document's emerging
 * language: its metamodel, and one palette called @palette_name with an
 * entry for each concept (sized as its shapes) and relation; one empty
 * diagram. Saved (not modified), no history. */
FlexoDocument *flexo_document_new_editor     (FlexoDocument    *document,
                                              const char       *palette_name,
                                              const char       *diagram_name);

G_END_DECLS
