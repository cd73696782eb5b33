/* flexo-connector.c — an edge of a diagram; shows a link, or nothing
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-connector.h"
#include <string.h>

#include "flexo-document-private.h"

struct _FlexoConnector
{
  FlexoObject  parent_instance;

  FlexoObject *source;        /* FlexoShape, strong */
  FlexoObject *target;        /* FlexoShape, strong */
  FlexoObject *link;          /* FlexoLink, strong */
  FlexoPoint   source_point;
  FlexoPoint   target_point;
  GArray      *waypoints;     /* FlexoPoint */
  char        *labels[FLEXO_N_LABELS];
  FlexoStyle  *style;
};

G_DEFINE_FINAL_TYPE (FlexoConnector, flexo_connector, FLEXO_TYPE_OBJECT)

static void
connector_refs (FlexoConnector *self,
                FlexoField      field,
                gboolean        add)
{
  gboolean all = field == FLEXO_N_FIELDS;

  if ((all || field == FLEXO_FIELD_SOURCE) && self->source)
    (add ? _flexo_shape_add_connector : _flexo_shape_remove_connector) (self->source, self);
  /* A loop (same shape at both ends) is listed once. */
  if ((all || field == FLEXO_FIELD_TARGET) && self->target && self->target != self->source)
    (add ? _flexo_shape_add_connector : _flexo_shape_remove_connector) (self->target, self);
  if ((all || field == FLEXO_FIELD_LINK) && self->link)
    (add ? _flexo_link_add_view : _flexo_link_remove_view) (self->link, self);
}

static void
flexo_connector_swap_field (FlexoObject *object,
                            FlexoField   field,
                            gpointer     key,
                            FlexoValue  *value)
{
  FlexoConnector *self = FLEXO_CONNECTOR (object);
  gboolean live = flexo_object_is_live (object);

  switch (field)
    {
    case FLEXO_FIELD_SOURCE:
    case FLEXO_FIELD_TARGET:
    case FLEXO_FIELD_LINK:
      /* Unlisting both ends and listing them again keeps a loop listed once. */
      if (live)
        connector_refs (self, field == FLEXO_FIELD_LINK ? field : FLEXO_N_FIELDS, FALSE);
      if (field == FLEXO_FIELD_SOURCE)
        FLEXO_SWAP_OBJECT (source);
      else if (field == FLEXO_FIELD_TARGET)
        FLEXO_SWAP_OBJECT (target);
      else
        FLEXO_SWAP_OBJECT (link);
      if (live)
        connector_refs (self, field == FLEXO_FIELD_LINK ? field : FLEXO_N_FIELDS, TRUE);
      break;
    case FLEXO_FIELD_SOURCE_POINT: FLEXO_SWAP_POINT (source_point); break;
    case FLEXO_FIELD_TARGET_POINT: FLEXO_SWAP_POINT (target_point); break;
    case FLEXO_FIELD_WAYPOINTS:
      g_assert (value->type == FLEXO_VALUE_POINTS);
      FLEXO_SWAP (self->waypoints, value->points);
      break;
    case FLEXO_FIELD_LABEL_START: FLEXO_SWAP_STRING (labels[FLEXO_LABEL_START]); break;
    case FLEXO_FIELD_LABEL_MIDDLE: FLEXO_SWAP_STRING (labels[FLEXO_LABEL_MIDDLE]); break;
    case FLEXO_FIELD_LABEL_END: FLEXO_SWAP_STRING (labels[FLEXO_LABEL_END]); break;
    case FLEXO_FIELD_STYLE: FLEXO_SWAP_STYLE (style); break;
    default:
      FLEXO_OBJECT_CLASS (flexo_connector_parent_class)->swap_field (object, field, key, value);
      return;
    }

  /* Where it draws may have changed. */
  if (live && field != FLEXO_FIELD_LINK && field != FLEXO_FIELD_STYLE)
    _flexo_diagram_connector_moved (flexo_object_get_container (object), self);
}

static void
flexo_connector_attach (FlexoObject *object)
{
  connector_refs (FLEXO_CONNECTOR (object), FLEXO_N_FIELDS, TRUE);
  _flexo_diagram_add_connector (flexo_object_get_container (object), object);
}

static void
flexo_connector_detach (FlexoObject *object)
{
  connector_refs (FLEXO_CONNECTOR (object), FLEXO_N_FIELDS, FALSE);
  _flexo_diagram_remove_connector (flexo_object_get_container (object), object);
}

static void
flexo_connector_finalize (GObject *object)
{
  FlexoConnector *self = FLEXO_CONNECTOR (object);

  g_clear_object (&self->source);
  g_clear_object (&self->target);
  g_clear_object (&self->link);
  g_clear_pointer (&self->waypoints, g_array_unref);
  for (guint i = 0; i < FLEXO_N_LABELS; i++)
    g_free (self->labels[i]);
  g_clear_pointer (&self->style, flexo_style_free);

  G_OBJECT_CLASS (flexo_connector_parent_class)->finalize (object);
}

static void
flexo_connector_class_init (FlexoConnectorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flexo_connector_finalize;
  FLEXO_OBJECT_CLASS (klass)->id_prefix = "e";
  FLEXO_OBJECT_CLASS (klass)->swap_field = flexo_connector_swap_field;
  FLEXO_OBJECT_CLASS (klass)->attach = flexo_connector_attach;
  FLEXO_OBJECT_CLASS (klass)->detach = flexo_connector_detach;
}

static void
flexo_connector_init (FlexoConnector *self)
{
}

FlexoConnector *
flexo_connector_new (FlexoDocument *document,
                     FlexoShape    *source,
                     FlexoShape    *target)
{
  FlexoConnector *self = g_object_new (FLEXO_TYPE_CONNECTOR, NULL);

  self->source = source ? g_object_ref (FLEXO_OBJECT (source)) : NULL;
  self->target = target ? g_object_ref (FLEXO_OBJECT (target)) : NULL;
  if (document != NULL)
    flexo_document_assign_id (document, FLEXO_OBJECT (self));

  return self;
}

FLEXO_DEFINE_REF_ACCESSORS (flexo_connector, FlexoConnector, FLEXO_IS_CONNECTOR, source, FlexoShape, FLEXO_FIELD_SOURCE)
FLEXO_DEFINE_REF_ACCESSORS (flexo_connector, FlexoConnector, FLEXO_IS_CONNECTOR, target, FlexoShape, FLEXO_FIELD_TARGET)
FLEXO_DEFINE_REF_ACCESSORS (flexo_connector, FlexoConnector, FLEXO_IS_CONNECTOR, link, FlexoLink, FLEXO_FIELD_LINK)

FlexoPoint
flexo_connector_get_source_point (FlexoConnector *self)
{
  FlexoPoint none = { 0, 0 };

  g_return_val_if_fail (FLEXO_IS_CONNECTOR (self), none);
  return self->source_point;
}

void
flexo_connector_set_source_point (FlexoConnector *self,
                                  FlexoPoint      point)
{
  g_return_if_fail (FLEXO_IS_CONNECTOR (self));
  if (point.x != self->source_point.x || point.y != self->source_point.y)
    flexo_object_set_point (FLEXO_OBJECT (self), FLEXO_FIELD_SOURCE_POINT, point);
}

FlexoPoint
flexo_connector_get_target_point (FlexoConnector *self)
{
  FlexoPoint none = { 0, 0 };

  g_return_val_if_fail (FLEXO_IS_CONNECTOR (self), none);
  return self->target_point;
}

void
flexo_connector_set_target_point (FlexoConnector *self,
                                  FlexoPoint      point)
{
  g_return_if_fail (FLEXO_IS_CONNECTOR (self));
  if (point.x != self->target_point.x || point.y != self->target_point.y)
    flexo_object_set_point (FLEXO_OBJECT (self), FLEXO_FIELD_TARGET_POINT, point);
}

GArray *
flexo_connector_get_waypoints (FlexoConnector *self)
{
  g_return_val_if_fail (FLEXO_IS_CONNECTOR (self), NULL);
  return self->waypoints;
}

void
flexo_connector_set_waypoints (FlexoConnector   *self,
                               const FlexoPoint *points,
                               guint             n_points)
{
  FlexoValue value = { .type = FLEXO_VALUE_POINTS };
  guint current = self->waypoints ? self->waypoints->len : 0;

  g_return_if_fail (FLEXO_IS_CONNECTOR (self));
  g_return_if_fail (n_points == 0 || points != NULL);

  if (n_points == current &&
      (n_points == 0 || memcmp (points, self->waypoints->data, n_points * sizeof (FlexoPoint)) == 0))
    return;

  if (n_points > 0)
    {
      value.points = g_array_sized_new (FALSE, FALSE, sizeof (FlexoPoint), n_points);
      g_array_append_vals (value.points, points, n_points);
    }
  flexo_object_set_field (FLEXO_OBJECT (self), FLEXO_FIELD_WAYPOINTS, NULL, &value);
}

static const FlexoField label_fields[FLEXO_N_LABELS] = {
  FLEXO_FIELD_LABEL_START, FLEXO_FIELD_LABEL_MIDDLE, FLEXO_FIELD_LABEL_END,
};

const char *
flexo_connector_get_label (FlexoConnector     *self,
                           FlexoLabelPosition  position)
{
  g_return_val_if_fail (FLEXO_IS_CONNECTOR (self), NULL);
  g_return_val_if_fail (position < FLEXO_N_LABELS, NULL);
  return self->labels[position];
}

void
flexo_connector_set_label (FlexoConnector     *self,
                           FlexoLabelPosition  position,
                           const char         *label)
{
  g_return_if_fail (FLEXO_IS_CONNECTOR (self));
  g_return_if_fail (position < FLEXO_N_LABELS);

  if (label != NULL && *label == '\0')
    label = NULL;
  if (g_strcmp0 (label, self->labels[position]) != 0)
    flexo_object_set_string (FLEXO_OBJECT (self), label_fields[position], NULL, label);
}

const FlexoStyle *
flexo_connector_get_style (FlexoConnector *self)
{
  g_return_val_if_fail (FLEXO_IS_CONNECTOR (self), NULL);
  return self->style;
}

void
flexo_connector_set_style (FlexoConnector   *self,
                           const FlexoStyle *style)
{
  g_return_if_fail (FLEXO_IS_CONNECTOR (self));
  if (!flexo_style_equal (style, self->style))
    flexo_object_set_style (FLEXO_OBJECT (self), style);
}

void
flexo_connector_resolve_style (FlexoConnector *self,
                               FlexoStyle     *out)
{
  g_return_if_fail (FLEXO_IS_CONNECTOR (self));

  *out = *flexo_style_get_default ();
  if (self->link != NULL)
    {
      FlexoRelation *relation = flexo_link_get_relation (FLEXO_LINK (self->link));

      if (relation != NULL)
        flexo_style_merge (out, flexo_relation_get_style (relation));
    }
  flexo_style_merge (out, self->style);
}

gpointer
flexo_connector_get_diagram (FlexoConnector *self)
{
  g_return_val_if_fail (FLEXO_IS_CONNECTOR (self), NULL);
  return flexo_object_get_container (FLEXO_OBJECT (self));
}
