/* flexo-property.c — a typed property of a concept
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "flexo-document-private.h"
#include "flexo-property.h"

struct _FlexoProperty
{
  FlexoObject  parent_instance;

  char        *name;
  char        *default_value;
  char       **enum_values;
  FlexoObject *target;      /* FlexoConcept, for references */
  gint64       type;        /* FlexoPropertyType */
  gint64       min;
  gint64       max;         /* FLEXO_MANY: unbounded */
  gboolean     required;
  gboolean     unique;
};

G_DEFINE_FINAL_TYPE (FlexoProperty, flexo_property, FLEXO_TYPE_OBJECT)

static const char * const property_type_names[] = {
  "string", "text", "integer", "real", "boolean", "enumeration", "date", "reference",
};

G_STATIC_ASSERT (G_N_ELEMENTS (property_type_names) == FLEXO_N_PROPERTY_TYPES);

const char *
flexo_property_type_to_string (FlexoPropertyType value)
{
  if ((int) value < 0 || value >= FLEXO_N_PROPERTY_TYPES)
    return NULL;
  return property_type_names[value];
}

gboolean
flexo_property_type_from_string (const char        *name,
                                 FlexoPropertyType *value)
{
  for (int i = 0; name != NULL && i < FLEXO_N_PROPERTY_TYPES; i++)
    if (g_str_equal (name, property_type_names[i]))
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

static void
flexo_property_swap_field (FlexoObject *object,
                           FlexoField   field,
                           gpointer     key,
                           FlexoValue  *value)
{
  FlexoProperty *self = FLEXO_PROPERTY (object);

  switch (field)
    {
    case FLEXO_FIELD_NAME: FLEXO_SWAP_STRING (name); break;
    case FLEXO_FIELD_DEFAULT: FLEXO_SWAP_STRING (default_value); break;
    case FLEXO_FIELD_TYPE: FLEXO_SWAP_INT (type); break;
    case FLEXO_FIELD_MIN: FLEXO_SWAP_INT (min); break;
    case FLEXO_FIELD_MAX: FLEXO_SWAP_INT (max); break;
    case FLEXO_FIELD_REQUIRED: FLEXO_SWAP_BOOLEAN (required); break;
    case FLEXO_FIELD_UNIQUE: FLEXO_SWAP_BOOLEAN (unique); break;
    case FLEXO_FIELD_TARGET: FLEXO_SWAP_OBJECT (target); break;
    case FLEXO_FIELD_ENUM_VALUES:
      g_assert (value->type == FLEXO_VALUE_STRV);
      FLEXO_SWAP (self->enum_values, value->strv);
      break;
    default:
      FLEXO_OBJECT_CLASS (flexo_property_parent_class)->swap_field (object, field, key, value);
    }
}

static void
flexo_property_finalize (GObject *object)
{
  FlexoProperty *self = FLEXO_PROPERTY (object);

  g_free (self->name);
  g_free (self->default_value);
  g_strfreev (self->enum_values);
  g_clear_object (&self->target);

  G_OBJECT_CLASS (flexo_property_parent_class)->finalize (object);
}

static void
flexo_property_class_init (FlexoPropertyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flexo_property_finalize;
  FLEXO_OBJECT_CLASS (klass)->id_prefix = "p";
  FLEXO_OBJECT_CLASS (klass)->swap_field = flexo_property_swap_field;
}

static void
flexo_property_init (FlexoProperty *self)
{
  self->min = 0;
  self->max = 1;
}

FlexoProperty *
flexo_property_new (FlexoDocument     *document,
                    const char        *name,
                    FlexoPropertyType  type)
{
  FlexoProperty *self = g_object_new (FLEXO_TYPE_PROPERTY, NULL);

  self->name = g_strdup (name);
  self->type = CLAMP (type, 0, FLEXO_N_PROPERTY_TYPES - 1);
  if (document != NULL)
    flexo_document_assign_id (document, FLEXO_OBJECT (self));

  return self;
}

const char *
flexo_property_get_name (FlexoProperty *self)
{
  g_return_val_if_fail (FLEXO_IS_PROPERTY (self), NULL);
  return self->name;
}

void
flexo_property_set_name (FlexoProperty *self,
                         const char    *name)
{
  g_return_if_fail (FLEXO_IS_PROPERTY (self));
  if (g_strcmp0 (name, self->name) != 0)
    flexo_object_set_string (FLEXO_OBJECT (self), FLEXO_FIELD_NAME, NULL, name);
}

FlexoPropertyType
flexo_property_get_value_type (FlexoProperty *self)
{
  g_return_val_if_fail (FLEXO_IS_PROPERTY (self), 0);
  return self->type;
}

void
flexo_property_set_value_type (FlexoProperty     *self,
                               FlexoPropertyType  type)
{
  g_return_if_fail (FLEXO_IS_PROPERTY (self));
  g_return_if_fail (type < FLEXO_N_PROPERTY_TYPES);
  if ((gint64) type != self->type)
    flexo_object_set_int (FLEXO_OBJECT (self), FLEXO_FIELD_TYPE, type);
}

const char *
flexo_property_get_default (FlexoProperty *self)
{
  g_return_val_if_fail (FLEXO_IS_PROPERTY (self), NULL);
  return self->default_value;
}

void
flexo_property_set_default (FlexoProperty *self,
                            const char    *value)
{
  g_return_if_fail (FLEXO_IS_PROPERTY (self));
  if (g_strcmp0 (value, self->default_value) != 0)
    flexo_object_set_string (FLEXO_OBJECT (self), FLEXO_FIELD_DEFAULT, NULL, value);
}

gboolean
flexo_property_get_required (FlexoProperty *self)
{
  g_return_val_if_fail (FLEXO_IS_PROPERTY (self), FALSE);
  return self->required;
}

void
flexo_property_set_required (FlexoProperty *self,
                             gboolean       required)
{
  g_return_if_fail (FLEXO_IS_PROPERTY (self));
  if (!!required != self->required)
    flexo_object_set_boolean (FLEXO_OBJECT (self), FLEXO_FIELD_REQUIRED, required);
}

gboolean
flexo_property_get_unique (FlexoProperty *self)
{
  g_return_val_if_fail (FLEXO_IS_PROPERTY (self), FALSE);
  return self->unique;
}

void
flexo_property_set_unique (FlexoProperty *self,
                           gboolean       unique)
{
  g_return_if_fail (FLEXO_IS_PROPERTY (self));
  if (!!unique != self->unique)
    flexo_object_set_boolean (FLEXO_OBJECT (self), FLEXO_FIELD_UNIQUE, unique);
}

const char * const *
flexo_property_get_enum_values (FlexoProperty *self)
{
  g_return_val_if_fail (FLEXO_IS_PROPERTY (self), NULL);
  return (const char * const *) self->enum_values;
}

void
flexo_property_set_enum_values (FlexoProperty      *self,
                                const char * const *values)
{
  FlexoValue value = { .type = FLEXO_VALUE_STRV };

  g_return_if_fail (FLEXO_IS_PROPERTY (self));

  if (values != NULL && values[0] == NULL)
    values = NULL;
  if (values == NULL ? self->enum_values == NULL
                     : self->enum_values != NULL && g_strv_equal (values, (const char * const *) self->enum_values))
    return;

  value.strv = g_strdupv ((char **) values);
  flexo_object_set_field (FLEXO_OBJECT (self), FLEXO_FIELD_ENUM_VALUES, NULL, &value);
}

gpointer
flexo_property_get_target (FlexoProperty *self)
{
  g_return_val_if_fail (FLEXO_IS_PROPERTY (self), NULL);
  return self->target;
}

void
flexo_property_set_target (FlexoProperty *self,
                           gpointer       concept)
{
  g_return_if_fail (FLEXO_IS_PROPERTY (self));
  if (concept != (gpointer) self->target)
    flexo_object_set_object (FLEXO_OBJECT (self), FLEXO_FIELD_TARGET, NULL, concept);
}

int
flexo_property_get_min (FlexoProperty *self)
{
  g_return_val_if_fail (FLEXO_IS_PROPERTY (self), 0);
  return (int) self->min;
}

int
flexo_property_get_max (FlexoProperty *self)
{
  g_return_val_if_fail (FLEXO_IS_PROPERTY (self), 0);
  return (int) self->max;
}

void
flexo_property_set_multiplicity (FlexoProperty *self,
                                 int            min,
                                 int            max)
{
  g_return_if_fail (FLEXO_IS_PROPERTY (self));

  _flexo_object_set_multiplicity (FLEXO_OBJECT (self), self->min, self->max, min, max);
}

gpointer
flexo_property_get_concept (FlexoProperty *self)
{
  g_return_val_if_fail (FLEXO_IS_PROPERTY (self), NULL);
  return flexo_object_get_container (FLEXO_OBJECT (self));
}

char *
flexo_multiplicity_to_string (int min,
                              int max)
{
  if (min == max)
    return g_strdup_printf ("%d", min);
  if (max == FLEXO_MANY)
    return g_strdup_printf ("%d..*", min);
  return g_strdup_printf ("%d..%d", min, max);
}

gboolean
flexo_multiplicity_parse (const char *text,
                          int        *min,
                          int        *max)
{
  g_autofree char *copy = NULL;
  char *dots, *low, *high;
  int lo, hi;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (min != NULL && max != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  if (strcmp (copy, "*") == 0)
    {
      *min = 0;
      *max = FLEXO_MANY;
      return TRUE;
    }
  dots = strstr (copy, "..");
  low = copy;
  high = copy;
  if (dots != NULL)
    {
      *dots = '\0';
      high = dots + 2;
      g_strstrip (low);
      g_strstrip (high);
    }
  if (*low == '+' || *low == '-' || !flexo_strtoi (low, &lo) || lo < 0)
    return FALSE;
  if (strcmp (high, "*") == 0 && dots != NULL)
    hi = FLEXO_MANY;
  else if (*high == '+' || *high == '-' || !flexo_strtoi (high, &hi) || hi < lo || hi == 0)
    return FALSE;
  *min = lo;
  *max = hi;
  return TRUE;
}

gboolean
flexo_property_type_accepts (FlexoPropertyType  type,
                             const char        *text)
{
  double d;
  int i, y, m, day;
  char end;

  if (text == NULL || *text == '\0')
    return TRUE;
  switch (type)
    {
    case FLEXO_PROPERTY_INTEGER:
      return flexo_strtoi (text, &i);
    case FLEXO_PROPERTY_REAL:
      return flexo_strtod (text, &d);
    case FLEXO_PROPERTY_BOOLEAN:
      return strcmp (text, "true") == 0 || strcmp (text, "false") == 0;
    case FLEXO_PROPERTY_DATE:
      return sscanf (text, "%4d-%2d-%2d%c", &y, &m, &day, &end) == 3 && strlen (text) == 10 &&
             g_date_valid_dmy ((GDateDay) day, (GDateMonth) m, (GDateYear) y);
    case FLEXO_PROPERTY_STRING:
    case FLEXO_PROPERTY_TEXT:
    case FLEXO_PROPERTY_ENUMERATION:
    case FLEXO_PROPERTY_REFERENCE:
    default:
      return TRUE;
    }
}

const char *
flexo_property_type_get_title (FlexoPropertyType type)
{
  /* What the types are called in the user interface. */
  static const char * const titles[FLEXO_N_PROPERTY_TYPES] = {
    N_("Text"), N_("Multi-line Text"), N_("Integer"), N_("Real Number"), N_("Boolean"),
    N_("Enumeration"), N_("Date"), N_("Reference"),
  };

  g_return_val_if_fail (type < FLEXO_N_PROPERTY_TYPES, "");

  return _(titles[type]);
}
