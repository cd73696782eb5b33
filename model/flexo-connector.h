/* flexo-connector.h — an edge of a diagram; shows a link, or nothing
 *
 * Each end is on a shape, or free at a point (a line drawn in the open, or
 * imported from another tool).
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-link.h"
#include "flexo-shape.h"

G_BEGIN_DECLS

typedef enum
{
  FLEXO_LABEL_START,
  FLEXO_LABEL_MIDDLE,
  FLEXO_LABEL_END,
  FLEXO_N_LABELS
} FlexoLabelPosition;

#define FLEXO_TYPE_CONNECTOR (flexo_connector_get_type ())

G_DECLARE_FINAL_TYPE (FlexoConnector, flexo_connector, FLEXO, CONNECTOR, FlexoObject)

FlexoConnector   *flexo_connector_new            (FlexoDocument     *document,
                                                  FlexoShape        *source,
                                                  FlexoShape        *target);
FlexoShape       *flexo_connector_get_source     (FlexoConnector    *self);
void              flexo_connector_set_source     (FlexoConnector    *self,
                                                  FlexoShape        *source);
FlexoShape       *flexo_connector_get_target     (FlexoConnector    *self);
void              flexo_connector_set_target     (FlexoConnector    *self,
                                                  FlexoShape        *target);
/* Where a free end is (unused while the end is on a shape). */
FlexoPoint        flexo_connector_get_source_point (FlexoConnector  *self);
void              flexo_connector_set_source_point (FlexoConnector  *self,
                                                  FlexoPoint         point);
FlexoPoint        flexo_connector_get_target_point (FlexoConnector  *self);
void              flexo_connector_set_target_point (FlexoConnector  *self,
                                                  FlexoPoint         point);
/* Intermediate points, in order; NULL when none. */
GArray           *flexo_connector_get_waypoints  (FlexoConnector    *self);
void              flexo_connector_set_waypoints  (FlexoConnector    *self,
                                                  const FlexoPoint  *points,
                                                  guint              n_points);
const char       *flexo_connector_get_label      (FlexoConnector    *self,
                                                  FlexoLabelPosition position);
void              flexo_connector_set_label      (FlexoConnector    *self,
                                                  FlexoLabelPosition position,
                                                  const char        *label);
FlexoLink        *flexo_connector_get_link       (FlexoConnector    *self);
void              flexo_connector_set_link       (FlexoConnector    *self,
                                                  FlexoLink         *link);
const FlexoStyle *flexo_connector_get_style      (FlexoConnector    *self);
void              flexo_connector_set_style      (FlexoConnector    *self,
                                                  const FlexoStyle  *style);
/* Theme, then the relation's representation, then own overrides. */
void              flexo_connector_resolve_style  (FlexoConnector    *self,
                                                  FlexoStyle        *out);
gpointer          flexo_connector_get_diagram    (FlexoConnector    *self);

G_END_DECLS
