/* flexo-bench-model.c — validating a 10,000-instance model
 *
 * Two concepts (people with a required unique name, an integer and an
 * enumeration; books with a required title and a date), a relation with
 * multiplicities between them, 10,000 instances and 5,000 links: the
 * time of one full validation, which runs after each change.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-bench.h"
#include "flexo-validate.h"

#define N_INSTANCES 10000
#define RUNS 5

static FlexoProperty *
add_property (FlexoDocument     *doc,
              FlexoConcept      *concept,
              const char        *name,
              FlexoPropertyType  type,
              gboolean           required)
{
  g_autoptr(FlexoProperty) property = flexo_property_new (doc, name, type);

  flexo_property_set_required (property, required);
  flexo_concept_add_property (concept, property);
  return property;
}

void
flexo_bench_validation (FlexoBenchReport report)
{
  static const char * const roles[] = { "author", "reader", "editor", NULL };
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(FlexoConcept) person = flexo_concept_new (doc, "Person");
  g_autoptr(FlexoConcept) book = flexo_concept_new (doc, "Book");
  g_autoptr(FlexoRelation) writes = flexo_relation_new (doc, "writes", person, book);
  FlexoProperty *name, *age, *role, *title, *date;
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  double times[RUNS];
  guint n_problems = 0;

  flexo_document_begin (doc, "Model");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (person));
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (book));
  name = add_property (doc, person, "name", FLEXO_PROPERTY_STRING, TRUE);
  flexo_property_set_unique (name, TRUE);
  age = add_property (doc, person, "age", FLEXO_PROPERTY_INTEGER, FALSE);
  role = add_property (doc, person, "role", FLEXO_PROPERTY_ENUMERATION, FALSE);
  flexo_property_set_enum_values (role, roles);
  title = add_property (doc, book, "title", FLEXO_PROPERTY_STRING, TRUE);
  date = add_property (doc, book, "published", FLEXO_PROPERTY_DATE, FALSE);
  flexo_relation_set_multiplicity (writes, 0, 3);
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_RELATIONS, -1, FLEXO_OBJECT (writes));

  for (guint i = 0; i < N_INSTANCES; i++)
    {
      gboolean is_person = i % 2 == 0;
      g_autoptr(FlexoInstance) instance = flexo_instance_new (doc, is_person ? person : book);
      char buf[64];

      flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (instance));
      if (is_person)
        {
          g_snprintf (buf, sizeof buf, "Person %u", i);
          flexo_instance_set_value (instance, name, buf);
          g_snprintf (buf, sizeof buf, "%u", 20 + i % 60);
          flexo_instance_set_value (instance, age, buf);
          flexo_instance_set_value (instance, role, roles[i % 3]);
          g_ptr_array_add (people, instance);
        }
      else
        {
          g_autoptr(FlexoLink) link = NULL;

          g_snprintf (buf, sizeof buf, "Book %u", i);
          flexo_instance_set_value (instance, title, buf);
          flexo_instance_set_value (instance, date, "2026-11-23");
          link = flexo_link_new (doc, writes, g_ptr_array_index (people, people->len - 1), instance);
          flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_LINKS, -1, FLEXO_OBJECT (link));
        }
    }
  flexo_document_commit (doc);

  for (guint r = 0; r < RUNS; r++)
    {
      double start = flexo_bench_now ();
      g_autoptr(GPtrArray) problems = flexo_document_validate (doc);

      times[r] = (flexo_bench_now () - start) * 1000;
      n_problems = problems->len;
    }
  if (n_problems != 0)
    g_printerr ("flexo-bench: the benchmark's model has %u problems, expected none\n", n_problems);
  report ("validate a 10,000-instance model", "ms", flexo_bench_median (times, RUNS), 50);
}
