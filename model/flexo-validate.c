/* flexo-validate.c — what a model breaks of its metamodel
 *
 * The rules: required properties have a value; values are of their
 * property's type (integers, reals, booleans, enumerations, dates,
 * references to instances of the right concept, as many as allowed);
 * values meant to be unique are; each instance has as many links of a
 * relation as the relation allows; links join instances of the concepts
 * their relation names (or of their children); abstract concepts have no
 * instances. One pass over the instances, one over the links: linear in
 * the size of the model.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "flexo-model.h"
#include "flexo-validate.h"

void
flexo_problem_free (FlexoProblem *problem)
{
  if (problem == NULL)
    return;
  g_clear_object (&problem->object);
  g_clear_object (&problem->detail);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray            *problems,
             FlexoProblemSeverity  severity,
             FlexoRule             rule,
             gpointer              object,
             gpointer              detail,
             char                 *message)
{
  FlexoProblem *p = g_new0 (FlexoProblem, 1);

  p->severity = severity;
  p->rule = rule;
  p->object = g_object_ref (object);
  p->detail = detail != NULL ? g_object_ref (detail) : NULL;
  p->message = message;
  g_ptr_array_add (problems, p);
}

char *
flexo_problem_dup_element (FlexoProblem *problem)
{
  g_autofree char *id = flexo_object_dup_id_string (problem->object);

  if (FLEXO_IS_INSTANCE (problem->object))
    {
      FlexoInstance *instance = FLEXO_INSTANCE (problem->object);
      FlexoConcept *concept = flexo_instance_get_concept (instance);
      const char *name = flexo_instance_get_value_by_name (instance, "name");
      g_autofree char *label = name != NULL ? g_strdup (name) : flexo_instance_dup_label (instance);

      /* One line a problem: a label's lines joined. */
      g_strdelimit (label, "\n\r\t", ' ');

      /* Translators: an instance in a report: its concept and its label. */
      return g_strdup_printf (_("%s “%s”"), concept != NULL ? flexo_concept_get_name (concept) : id,
                              label != NULL && *label != '\0' ? label : id);
    }
  if (FLEXO_IS_LINK (problem->object))
    {
      FlexoRelation *relation = flexo_link_get_relation (FLEXO_LINK (problem->object));

      /* Translators: a link in a report: its relation and its id. */
      return g_strdup_printf (_("%s link %s"), relation != NULL ? flexo_relation_get_name (relation) : "", id);
    }
  return g_steal_pointer (&id);
}

gboolean
flexo_problems_have_errors (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (((FlexoProblem *) g_ptr_array_index (problems, i))->severity == FLEXO_PROBLEM_ERROR)
      return TRUE;
  return FALSE;
}

/* -------------------------------------------------------------- values -- */

/* Checks a reference: ids of live instances of the target concept, as
 * many as the property allows. */
static void
check_reference (GPtrArray     *problems,
                 FlexoDocument *document,
                 FlexoInstance *instance,
                 FlexoProperty *property,
                 const char    *value)
{
  FlexoConcept *target = flexo_property_get_target (property);
  g_auto(GStrv) ids = g_strsplit_set (value != NULL ? value : "", " \t\n", -1);
  int count = 0, min = flexo_property_get_min (property), max = flexo_property_get_max (property);
  const char *name = flexo_property_get_name (property);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      FlexoObject *object;
      guint id = 0;

      if (*ids[i] == '\0')
        continue;
      count++;
      /* Ids are written with their class prefix: "i12". */
      if (ids[i][0] == 'i')
        id = (guint) g_ascii_strtoull (ids[i] + 1, NULL, 10);
      object = id != 0 ? flexo_document_lookup (document, id) : NULL;
      if (object == NULL || !FLEXO_IS_INSTANCE (object) || !flexo_object_is_live (object))
        add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_VALUE_TYPE, instance, property,
                     g_strdup_printf (_("“%s” refers to “%s”, which is not an instance"), name, ids[i]));
      else if (target != NULL && !flexo_concept_is_a (flexo_instance_get_concept (FLEXO_INSTANCE (object)), target))
        add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_VALUE_TYPE, instance, property,
                     g_strdup_printf (_("“%s” should refer to a %s, not to a %s"), name,
                                      flexo_concept_get_name (target),
                                      flexo_concept_get_name (flexo_instance_get_concept (FLEXO_INSTANCE (object)))));
    }
  if (count > 0 && count < min)
    add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_MULTIPLICITY, instance, property,
                 g_strdup_printf (ngettext ("“%s” needs at least %d reference", "“%s” needs at least %d references", min),
                                  name, min));
  if (max >= 0 && count > max)
    add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_MULTIPLICITY, instance, property,
                 g_strdup_printf (ngettext ("“%s” takes at most %d reference", "“%s” takes at most %d references", max),
                                  name, max));
}

static void
check_value (GPtrArray     *problems,
             FlexoDocument *document,
             FlexoInstance *instance,
             FlexoProperty *property)
{
  const char *value = flexo_instance_get_effective_value (instance, property);
  const char *name = flexo_property_get_name (property);
  gboolean empty = value == NULL || *value == '\0';
  if (empty)
    {
      if (flexo_property_get_required (property) ||
          (flexo_property_get_value_type (property) == FLEXO_PROPERTY_REFERENCE && flexo_property_get_min (property) > 0))
        add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_REQUIRED, instance, property,
                     g_strdup_printf (_("“%s” is required"), name));
      return;
    }

  switch (flexo_property_get_value_type (property))
    {
    case FLEXO_PROPERTY_INTEGER:
      if (!flexo_property_type_accepts (FLEXO_PROPERTY_INTEGER, value))
        add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_VALUE_TYPE, instance, property,
                     g_strdup_printf (_("“%s” should be a whole number, not “%s”"), name, value));
      break;
    case FLEXO_PROPERTY_REAL:
      if (!flexo_property_type_accepts (FLEXO_PROPERTY_REAL, value))
        add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_VALUE_TYPE, instance, property,
                     g_strdup_printf (_("“%s” should be a number, not “%s”"), name, value));
      break;
    case FLEXO_PROPERTY_BOOLEAN:
      if (!flexo_property_type_accepts (FLEXO_PROPERTY_BOOLEAN, value))
        add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_VALUE_TYPE, instance, property,
                     g_strdup_printf (_("“%s” should be true or false, not “%s”"), name, value));
      break;
    case FLEXO_PROPERTY_DATE:
      if (!flexo_property_type_accepts (FLEXO_PROPERTY_DATE, value))
        add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_VALUE_TYPE, instance, property,
                     g_strdup_printf (_("“%s” should be a date such as 2026-11-23, not “%s”"), name, value));
      break;
    case FLEXO_PROPERTY_ENUMERATION:
      {
        const char * const *values = flexo_property_get_enum_values (property);

        if (values == NULL || !g_strv_contains (values, value))
          {
            g_autofree char *allowed = values != NULL ? g_strjoinv (", ", (char **) values) : g_strdup ("");

            add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_VALUE_TYPE, instance, property,
                         g_strdup_printf (_("“%s” should be one of %s, not “%s”"), name, allowed, value));
          }
      }
      break;
    case FLEXO_PROPERTY_REFERENCE:
      check_reference (problems, document, instance, property, value);
      break;
    case FLEXO_PROPERTY_STRING:
    case FLEXO_PROPERTY_TEXT:
    default:
      break;
    }
}

/* --------------------------------------------------------------- links -- */

static void
check_links (GPtrArray     *problems,
             FlexoDocument *document)
{
  GPtrArray *links = flexo_document_get_links (document);

  for (guint i = 0; i < links->len; i++)
    {
      FlexoLink *link = g_ptr_array_index (links, i);
      FlexoRelation *relation = flexo_link_get_relation (link);
      FlexoInstance *source = flexo_link_get_source (link), *target = flexo_link_get_target (link);
      FlexoConcept *sc, *tc;

      if (relation == NULL || source == NULL || target == NULL)
        continue;
      sc = flexo_instance_get_concept (source);
      tc = flexo_instance_get_concept (target);
      if (!flexo_relation_accepts (relation, sc, tc))
        add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_ENDPOINT, link, relation,
                     g_strdup_printf (_("“%s” links %s to %s, not %s to %s"),
                                      flexo_relation_get_name (relation),
                                      flexo_relation_get_source (relation) ? flexo_concept_get_name (flexo_relation_get_source (relation)) : "?",
                                      flexo_relation_get_target (relation) ? flexo_concept_get_name (flexo_relation_get_target (relation)) : "?",
                                      sc != NULL ? flexo_concept_get_name (sc) : "?",
                                      tc != NULL ? flexo_concept_get_name (tc) : "?"));
    }
}

/* The instance in the low bits: g_int64_hash() hashes those. */
static gint64
pair_key (gpointer instance,
          gpointer relation)
{
  return ((gint64) flexo_object_get_id (relation) << 32) | flexo_object_get_id (instance);
}

/* Each instance of a relation's source concept has between min and max
 * links of it. */
static void
check_multiplicities (GPtrArray     *problems,
                      FlexoDocument *document)
{
  GPtrArray *relations = flexo_document_get_relations (document);
  GPtrArray *instances = flexo_document_get_instances (document);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GPtrArray *links = flexo_document_get_links (document);

  /* (instance, relation) → number of links, in one pass. */
  for (guint i = 0; i < links->len; i++)
    {
      FlexoLink *link = g_ptr_array_index (links, i);
      gint64 key;

      if (flexo_link_get_source (link) == NULL || flexo_link_get_relation (link) == NULL)
        continue;
      key = pair_key (flexo_link_get_source (link), flexo_link_get_relation (link));
      g_hash_table_replace (counts, g_memdup2 (&key, sizeof key),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &key)) + 1));
    }

  for (guint r = 0; r < relations->len; r++)
    {
      FlexoRelation *relation = g_ptr_array_index (relations, r);
      FlexoConcept *source = flexo_relation_get_source (relation);
      int min = flexo_relation_get_min (relation), max = flexo_relation_get_max (relation);

      if (source == NULL || (min <= 0 && max < 0))
        continue;
      for (guint i = 0; i < instances->len; i++)
        {
          FlexoInstance *instance = g_ptr_array_index (instances, i);
          gint64 key;
          int n;

          if (!flexo_concept_is_a (flexo_instance_get_concept (instance), source))
            continue;
          key = pair_key (instance, relation);
          n = (int) GPOINTER_TO_UINT (g_hash_table_lookup (counts, &key));
          if (n < min)
            add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_MULTIPLICITY, instance, relation,
                         g_strdup_printf (ngettext ("needs at least %d “%s” link, has %d",
                                                    "needs at least %d “%s” links, has %d", min),
                                          min, flexo_relation_get_name (relation), n));
          else if (max >= 0 && n > max)
            add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_MULTIPLICITY, instance, relation,
                         g_strdup_printf (ngettext ("takes at most %d “%s” link, has %d",
                                                    "takes at most %d “%s” links, has %d", max),
                                          max, flexo_relation_get_name (relation), n));
        }
    }
}

/* --------------------------------------------------------- quick fixes -- */

typedef enum
{
  FIX_NONE,
  FIX_USE_DEFAULT,     /* a value of the wrong type: the property's default instead */
  FIX_CLEAR_VALUE,     /* a value of the wrong type, no default, not required */
  FIX_REFERENCES,      /* references: keep the valid ones, as many as allowed */
  FIX_EXTRA_LINKS,     /* too many links of a relation: the last ones go */
  FIX_DELETE_LINK,     /* a link its relation does not allow */
} Fix;

/* @instance's links of @relation, in the order they were made. */
static GPtrArray *
links_of (FlexoInstance *instance,
          FlexoRelation *relation)
{
  GPtrArray *links = flexo_instance_get_links (instance);
  GPtrArray *mine = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      FlexoLink *link = g_ptr_array_index (links, i);

      if (flexo_link_get_relation (link) == relation && flexo_link_get_source (link) == instance)
        g_ptr_array_add (mine, g_object_ref (link));
    }
  return mine;
}

static Fix
fix_of (FlexoProblem *problem)
{
  if (!flexo_object_is_live (problem->object))
    return FIX_NONE;
  if (problem->rule == FLEXO_RULE_ENDPOINT && FLEXO_IS_LINK (problem->object))
    return FIX_DELETE_LINK;
  if (problem->rule == FLEXO_RULE_MULTIPLICITY && FLEXO_IS_RELATION (problem->detail) &&
      FLEXO_IS_INSTANCE (problem->object) && flexo_relation_get_max (problem->detail) >= 0)
    {
      g_autoptr(GPtrArray) links = links_of (FLEXO_INSTANCE (problem->object), problem->detail);

      return links->len > (guint) flexo_relation_get_max (problem->detail) ? FIX_EXTRA_LINKS : FIX_NONE;
    }
  if (FLEXO_IS_PROPERTY (problem->detail) && FLEXO_IS_INSTANCE (problem->object) &&
      flexo_instance_get_value (FLEXO_INSTANCE (problem->object), problem->detail) != NULL)
    {
      FlexoProperty *property = problem->detail;
      const char *value = flexo_property_get_default (property);
      const char * const *options = flexo_property_get_enum_values (property);

      if (flexo_property_get_value_type (property) == FLEXO_PROPERTY_REFERENCE)
        return problem->rule == FLEXO_RULE_VALUE_TYPE || problem->rule == FLEXO_RULE_MULTIPLICITY
               ? FIX_REFERENCES : FIX_NONE;
      if (problem->rule != FLEXO_RULE_VALUE_TYPE)
        return FIX_NONE;
      /* The default must be a good value itself. */
      if (value != NULL && flexo_property_type_accepts (flexo_property_get_value_type (property), value) &&
          (flexo_property_get_value_type (property) != FLEXO_PROPERTY_ENUMERATION ||
           (options != NULL && g_strv_contains (options, value))))
        return FIX_USE_DEFAULT;
      if (value == NULL && !flexo_property_get_required (property))
        return FIX_CLEAR_VALUE;
    }
  return FIX_NONE;
}

char *
flexo_problem_dup_fix_label (FlexoProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  switch (fix_of (problem))
    {
    case FIX_USE_DEFAULT:
      /* Translators: a quick fix: the property's default value instead. */
      return g_strdup_printf (_("Use the default, “%s”"), flexo_property_get_default (problem->detail));
    case FIX_CLEAR_VALUE:
      return g_strdup (_("Clear the value"));
    case FIX_REFERENCES:
      return g_strdup (_("Remove the extra or broken references"));
    case FIX_EXTRA_LINKS:
      return g_strdup (_("Remove the extra links"));
    case FIX_DELETE_LINK:
      return g_strdup (_("Delete the link"));
    case FIX_NONE:
    default:
      return NULL;
    }
}

/* The ids of @value that refer to live instances of @property's target,
 * as many as it allows. */
static char *
valid_references (FlexoDocument *document,
                  FlexoProperty *property,
                  const char    *value)
{
  FlexoConcept *target = flexo_property_get_target (property);
  g_auto(GStrv) ids = g_strsplit_set (value, " \t\n", -1);
  int max = flexo_property_get_max (property), kept = 0;
  GString *out = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL && (max < 0 || kept < max); i++)
    {
      FlexoObject *object = ids[i][0] == 'i'
                            ? flexo_document_lookup (document, (guint) g_ascii_strtoull (ids[i] + 1, NULL, 10))
                            : NULL;

      if (object == NULL || !FLEXO_IS_INSTANCE (object) || !flexo_object_is_live (object) ||
          (target != NULL && !flexo_concept_is_a (flexo_instance_get_concept (FLEXO_INSTANCE (object)), target)))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, ids[i]);
      kept++;
    }
  return g_string_free (out, out->len == 0);
}

gboolean
flexo_problem_fix (FlexoProblem  *problem,
                   FlexoDocument *document)
{
  Fix fix;
  g_autofree char *label = NULL;

  g_return_val_if_fail (problem != NULL, FALSE);
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (!flexo_document_in_transaction (document), FALSE);

  fix = fix_of (problem);
  if (fix == FIX_NONE)
    return FALSE;
  label = flexo_problem_dup_fix_label (problem);
  flexo_document_begin (document, label);
  switch (fix)
    {
    case FIX_USE_DEFAULT:
    case FIX_CLEAR_VALUE:
      /* Without a value of its own, the instance has the default. */
      flexo_instance_set_value (FLEXO_INSTANCE (problem->object), problem->detail, NULL);
      break;
    case FIX_REFERENCES:
      {
        g_autofree char *kept = valid_references (document, problem->detail,
                                                  flexo_instance_get_value (FLEXO_INSTANCE (problem->object),
                                                                            problem->detail));

        flexo_instance_set_value (FLEXO_INSTANCE (problem->object), problem->detail, kept);
      }
      break;
    case FIX_EXTRA_LINKS:
      {
        g_autoptr(GPtrArray) mine = links_of (FLEXO_INSTANCE (problem->object), problem->detail);
        int max = flexo_relation_get_max (problem->detail);

        /* The newest go. */
        for (guint i = (guint) max; i < mine->len; i++)
          flexo_document_delete (document, g_ptr_array_index (mine, i), NULL);
      }
      break;
    case FIX_DELETE_LINK:
      flexo_document_delete (document, problem->object, NULL);
      break;
    case FIX_NONE:
    default:
      g_assert_not_reached ();
    }
  flexo_document_commit (document);
  return TRUE;
}

/* ------------------------------------------------------------ document -- */

GPtrArray *
flexo_document_validate (FlexoDocument *document)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) flexo_problem_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *instances;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (document), problems);

  instances = flexo_document_get_instances (document);
  for (guint i = 0; i < instances->len; i++)
    {
      FlexoInstance *instance = g_ptr_array_index (instances, i);
      FlexoConcept *concept = flexo_instance_get_concept (instance);
      g_autoptr(GPtrArray) properties = NULL;

      if (concept == NULL)
        continue;
      if (flexo_concept_get_abstract (concept))
        add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_ABSTRACT, instance, concept,
                     g_strdup_printf (_("“%s” is abstract: it has no instances of its own"),
                                      flexo_concept_get_name (concept)));
      properties = flexo_concept_dup_all_properties (concept);
      for (guint p = 0; p < properties->len; p++)
        {
          FlexoProperty *property = g_ptr_array_index (properties, p);
          const char *value = flexo_instance_get_effective_value (instance, property);

          check_value (problems, document, instance, property);
          /* Unique among the instances of the property's concept (and its
           * children): keyed by the property and the value. */
          if (flexo_property_get_unique (property) && value != NULL && *value != '\0')
            {
              g_autofree char *id = flexo_object_dup_id_string (FLEXO_OBJECT (property));
              char *key = g_strconcat (id, "\x1f", value, NULL);

              if (!g_hash_table_add (seen, key))
                add_problem (problems, FLEXO_PROBLEM_ERROR, FLEXO_RULE_UNIQUE, instance, property,
                             g_strdup_printf (_("another %s already has “%s” as %s"),
                                              flexo_concept_get_name (flexo_property_get_concept (property)),
                                              value, flexo_property_get_name (property)));
            }
        }
    }
  check_multiplicities (problems, document);
  check_links (problems, document);
  return problems;
}
