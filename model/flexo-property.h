/* flexo-property.h — a typed property of a concept
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-object.h"

G_BEGIN_DECLS

typedef enum
{
  FLEXO_PROPERTY_STRING,
  FLEXO_PROPERTY_TEXT,
  FLEXO_PROPERTY_INTEGER,
  FLEXO_PROPERTY_REAL,
  FLEXO_PROPERTY_BOOLEAN,
  FLEXO_PROPERTY_ENUMERATION,
  FLEXO_PROPERTY_DATE,
  FLEXO_PROPERTY_REFERENCE,
  FLEXO_N_PROPERTY_TYPES
} FlexoPropertyType;

FLEXO_DECLARE_ENUM_NAMES (FlexoPropertyType, property_type)

/* Multiplicity upper bound meaning "any number" (written "*"). */
#define FLEXO_MANY (-1)

/* What @type is called in the user interface (translated). */
const char        *flexo_property_type_get_title    (FlexoPropertyType  type);

/* Whether @text is a well-formed value of @type: whole numbers, numbers,
 * "true"/"false", dates as 2026-11-23; any text for the other types
 * (enumerations and references depend on the property). Empty text is
 * accepted (no value). */
gboolean           flexo_property_type_accepts      (FlexoPropertyType  type,
                                                     const char        *text);

/* Multiplicities as people write them: "1", "0..1", "1..*", "2..5", and
 * "*" for 0..*. Parsing is strict (min ≤ max, no negative bounds). */
char              *flexo_multiplicity_to_string     (int                min,
                                                     int                max);
gboolean           flexo_multiplicity_parse         (const char        *text,
                                                     int               *min,
                                                     int               *max);

#define FLEXO_TYPE_PROPERTY (flexo_property_get_type ())

G_DECLARE_FINAL_TYPE (FlexoProperty, flexo_property, FLEXO, PROPERTY, FlexoObject)

FlexoProperty     *flexo_property_new               (FlexoDocument     *document,
                                                     const char        *name,
                                                     FlexoPropertyType  type);
const char        *flexo_property_get_name          (FlexoProperty     *self);
void               flexo_property_set_name          (FlexoProperty     *self,
                                                     const char        *name);
FlexoPropertyType  flexo_property_get_value_type    (FlexoProperty     *self);
void               flexo_property_set_value_type    (FlexoProperty     *self,
                                                     FlexoPropertyType  type);
const char        *flexo_property_get_default       (FlexoProperty     *self);
void               flexo_property_set_default       (FlexoProperty     *self,
                                                     const char        *value);
gboolean           flexo_property_get_required      (FlexoProperty     *self);
void               flexo_property_set_required      (FlexoProperty     *self,
                                                     gboolean           required);
gboolean           flexo_property_get_unique        (FlexoProperty     *self);
void               flexo_property_set_unique        (FlexoProperty     *self,
                                                     gboolean           unique);
const char * const *flexo_property_get_enum_values  (FlexoProperty     *self);
void               flexo_property_set_enum_values   (FlexoProperty     *self,
                                                     const char * const *values);
/* For references: the concept of the referenced instances. */
gpointer           flexo_property_get_target        (FlexoProperty     *self);
void               flexo_property_set_target        (FlexoProperty     *self,
                                                     gpointer           concept);
int                flexo_property_get_min           (FlexoProperty     *self);
int                flexo_property_get_max           (FlexoProperty     *self);
void               flexo_property_set_multiplicity  (FlexoProperty     *self,
                                                     int                min,
                                                     int                max);
/* The concept that owns the property. */
gpointer           flexo_property_get_concept       (FlexoProperty     *self);

G_END_DECLS
