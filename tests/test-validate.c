/* test-validate.c — each validation rule, broken and then satisfied
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "flexo-model.h"
#include "flexo-test.h"
#include "flexo-validate.h"

static FlexoDocument *doc;
static FlexoConcept *person, *author, *book, *thing;
static FlexoProperty *name, *age, *email, *role, *born, *active, *friend_;
static FlexoRelation *writes;

static FlexoProperty *
add_property (FlexoConcept      *concept,
              const char        *pname,
              FlexoPropertyType  type)
{
  g_autoptr(FlexoProperty) property = flexo_property_new (doc, pname, type);

  flexo_concept_add_property (concept, property);
  return property;
}

static FlexoConcept *
add_concept (const char *cname)
{
  g_autoptr(FlexoConcept) concept = flexo_concept_new (doc, cname);

  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_CONCEPTS, -1, FLEXO_OBJECT (concept));
  return concept;
}

static void
setup (void)
{
  static const char * const roles[] = { "author", "reader", NULL };
  g_autoptr(GPtrArray) parents = g_ptr_array_new ();
  g_autoptr(FlexoRelation) relation = NULL;

  doc = flexo_document_new ();
  flexo_document_begin (doc, "Metamodel");
  person = add_concept ("Person");
  author = add_concept ("Author");
  book = add_concept ("Book");
  thing = add_concept ("Thing");
  flexo_concept_set_abstract (thing, TRUE);
  g_ptr_array_add (parents, person);
  flexo_concept_set_parents (author, parents);

  name = add_property (person, "name", FLEXO_PROPERTY_STRING);
  flexo_property_set_required (name, TRUE);
  age = add_property (person, "age", FLEXO_PROPERTY_INTEGER);
  email = add_property (person, "email", FLEXO_PROPERTY_STRING);
  flexo_property_set_unique (email, TRUE);
  role = add_property (person, "role", FLEXO_PROPERTY_ENUMERATION);
  flexo_property_set_enum_values (role, roles);
  born = add_property (person, "born", FLEXO_PROPERTY_DATE);
  active = add_property (person, "active", FLEXO_PROPERTY_BOOLEAN);
  friend_ = add_property (person, "friend", FLEXO_PROPERTY_REFERENCE);
  flexo_property_set_target (friend_, person);
  flexo_property_set_multiplicity (friend_, 0, 1);

  /* An author writes one or two books. */
  relation = flexo_relation_new (doc, "writes", author, book);
  flexo_relation_set_multiplicity (relation, 1, 2);
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_RELATIONS, -1, FLEXO_OBJECT (relation));
  writes = relation;
  flexo_document_commit (doc);
}

static void
teardown (void)
{
  g_clear_object (&doc);
}

static FlexoInstance *
add_instance (FlexoConcept *concept,
              const char   *iname)
{
  g_autoptr(FlexoInstance) instance = flexo_instance_new (doc, concept);

  flexo_document_begin (doc, "Add");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_INSTANCES, -1, FLEXO_OBJECT (instance));
  if (iname != NULL && flexo_concept_find_property (concept, "name") != NULL)
    flexo_instance_set_value (instance, flexo_concept_find_property (concept, "name"), iname);
  flexo_document_commit (doc);
  return instance;
}

static FlexoLink *
add_link (FlexoInstance *source,
          FlexoInstance *target)
{
  g_autoptr(FlexoLink) link = flexo_link_new (doc, writes, source, target);

  flexo_document_begin (doc, "Link");
  flexo_object_insert_child (FLEXO_OBJECT (doc), FLEXO_LIST_LINKS, -1, FLEXO_OBJECT (link));
  flexo_document_commit (doc);
  return link;
}

static void
set_value (FlexoInstance *instance,
           FlexoProperty *property,
           const char    *value)
{
  flexo_document_begin (doc, "Set");
  flexo_instance_set_value (instance, property, value);
  flexo_document_commit (doc);
}

/* How many problems of @rule about @object (NULL: any) validation finds. */
static guint
count (FlexoRule  rule,
       gpointer   object)
{
  g_autoptr(GPtrArray) problems = flexo_document_validate (doc);
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      FlexoProblem *p = g_ptr_array_index (problems, i);

      if (p->rule == rule && (object == NULL || p->object == object))
        {
          ck_assert_ptr_nonnull (p->message);
          ck_assert_str_ne (p->message, "");
          n++;
        }
    }
  return n;
}

START_TEST (test_valid_model_has_no_problems)
{
  FlexoInstance *alice = add_instance (author, "Alice");
  FlexoInstance *dune = add_instance (book, NULL);
  g_autoptr(GPtrArray) problems = NULL;

  add_link (alice, dune);
  set_value (alice, age, "42");
  set_value (alice, role, "author");
  set_value (alice, born, "1984-02-29");
  set_value (alice, active, "true");
  problems = flexo_document_validate (doc);
  ck_assert_uint_eq (problems->len, 0);
  ck_assert (!flexo_problems_have_errors (problems));
}
END_TEST

START_TEST (test_required)
{
  FlexoInstance *nobody = add_instance (person, NULL);

  ck_assert_uint_eq (count (FLEXO_RULE_REQUIRED, nobody), 1);
  set_value (nobody, name, "Bob");
  ck_assert_uint_eq (count (FLEXO_RULE_REQUIRED, nobody), 0);
  /* A default value counts as a value. */
  set_value (nobody, name, NULL);
  flexo_document_begin (doc, "Default");
  flexo_property_set_default (name, "Anonymous");
  flexo_document_commit (doc);
  ck_assert_uint_eq (count (FLEXO_RULE_REQUIRED, nobody), 0);
}
END_TEST

START_TEST (test_value_types)
{
  FlexoInstance *bob = add_instance (person, "Bob");

  set_value (bob, age, "forty");
  set_value (bob, role, "editor");
  set_value (bob, born, "2026-02-30");
  set_value (bob, active, "yes");
  ck_assert_uint_eq (count (FLEXO_RULE_VALUE_TYPE, bob), 4);

  set_value (bob, age, "40");
  set_value (bob, role, "reader");
  set_value (bob, born, "2026-02-28");
  set_value (bob, active, "false");
  ck_assert_uint_eq (count (FLEXO_RULE_VALUE_TYPE, bob), 0);
}
END_TEST

START_TEST (test_references)
{
  FlexoInstance *bob = add_instance (person, "Bob");
  FlexoInstance *alice = add_instance (author, "Alice");
  FlexoInstance *dune = add_instance (book, NULL);
  g_autofree char *alice_id = flexo_object_dup_id_string (FLEXO_OBJECT (alice));
  g_autofree char *dune_id = flexo_object_dup_id_string (FLEXO_OBJECT (dune));
  g_autofree char *both = g_strdup_printf ("%s %s", alice_id, alice_id);

  /* A book is not a person; an author is (inheritance). */
  set_value (bob, friend_, dune_id);
  ck_assert_uint_eq (count (FLEXO_RULE_VALUE_TYPE, bob), 1);
  set_value (bob, friend_, "i9999");
  ck_assert_uint_eq (count (FLEXO_RULE_VALUE_TYPE, bob), 1);
  set_value (bob, friend_, alice_id);
  ck_assert_uint_eq (count (FLEXO_RULE_VALUE_TYPE, bob), 0);
  /* At most one friend. */
  set_value (bob, friend_, both);
  ck_assert_uint_eq (count (FLEXO_RULE_MULTIPLICITY, bob), 1);
}
END_TEST

START_TEST (test_unique)
{
  FlexoInstance *a = add_instance (person, "A");
  FlexoInstance *b = add_instance (author, "B");

  set_value (a, email, "same@example.org");
  set_value (b, email, "same@example.org");
  /* Across the concept's children too. */
  ck_assert_uint_eq (count (FLEXO_RULE_UNIQUE, NULL), 1);
  set_value (b, email, "other@example.org");
  ck_assert_uint_eq (count (FLEXO_RULE_UNIQUE, NULL), 0);
}
END_TEST

START_TEST (test_relation_multiplicity)
{
  FlexoInstance *alice = add_instance (author, "Alice");
  FlexoInstance *b1 = add_instance (book, NULL);
  FlexoInstance *b2 = add_instance (book, NULL);
  FlexoInstance *b3 = add_instance (book, NULL);

  /* None: at least one. */
  ck_assert_uint_eq (count (FLEXO_RULE_MULTIPLICITY, alice), 1);
  add_link (alice, b1);
  ck_assert_uint_eq (count (FLEXO_RULE_MULTIPLICITY, alice), 0);
  add_link (alice, b2);
  ck_assert_uint_eq (count (FLEXO_RULE_MULTIPLICITY, alice), 0);
  /* Three: at most two. */
  add_link (alice, b3);
  ck_assert_uint_eq (count (FLEXO_RULE_MULTIPLICITY, alice), 1);
  ck_assert (flexo_document_undo (doc));
  ck_assert_uint_eq (count (FLEXO_RULE_MULTIPLICITY, alice), 0);
}
END_TEST

START_TEST (test_link_endpoints)
{
  FlexoInstance *alice = add_instance (author, "Alice");
  FlexoInstance *bob = add_instance (person, "Bob");
  FlexoInstance *dune = add_instance (book, NULL);
  FlexoLink *wrong = add_link (bob, dune);
  FlexoLink *right = add_link (alice, dune);

  /* A plain person does not write: only authors (and their children). */
  ck_assert_uint_eq (count (FLEXO_RULE_ENDPOINT, wrong), 1);
  ck_assert_uint_eq (count (FLEXO_RULE_ENDPOINT, right), 0);
  flexo_document_begin (doc, "Fix");
  flexo_link_set_source (wrong, alice);
  flexo_document_commit (doc);
  ck_assert_uint_eq (count (FLEXO_RULE_ENDPOINT, NULL), 0);
}
END_TEST

START_TEST (test_abstract)
{
  FlexoInstance *something = add_instance (thing, NULL);
  g_autoptr(GPtrArray) problems = flexo_document_validate (doc);
  g_autofree char *element = NULL;

  ck_assert_uint_eq (count (FLEXO_RULE_ABSTRACT, something), 1);
  ck_assert (flexo_problems_have_errors (problems));
  element = flexo_problem_dup_element (g_ptr_array_index (problems, 0));
  ck_assert_ptr_nonnull (strstr (element, "Thing"));
  flexo_document_begin (doc, "Concrete");
  flexo_concept_set_abstract (thing, FALSE);
  flexo_document_commit (doc);
  ck_assert_uint_eq (count (FLEXO_RULE_ABSTRACT, NULL), 0);
}
END_TEST

/* The first problem of @rule about @object, with its fix's label. */
static FlexoProblem *
problem_of (GPtrArray  *problems,
            FlexoRule   rule,
            gpointer    object)
{
  for (guint i = 0; i < problems->len; i++)
    {
      FlexoProblem *p = g_ptr_array_index (problems, i);

      if (p->rule == rule && p->object == object)
        return p;
    }
  ck_abort_msg ("no such problem");
  return NULL;
}

START_TEST (test_fix_values)
{
  FlexoInstance *bob = add_instance (person, "Bob");
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *label = NULL;
  FlexoProblem *p;
  guint history;

  /* A malformed age without a default: cleared. */
  set_value (bob, age, "forty");
  problems = flexo_document_validate (doc);
  p = problem_of (problems, FLEXO_RULE_VALUE_TYPE, bob);
  label = flexo_problem_dup_fix_label (p);
  ck_assert_str_eq (label, "Clear the value");
  history = flexo_document_get_history_length (doc);
  ck_assert (flexo_problem_fix (p, doc));
  ck_assert_uint_eq (flexo_document_get_history_length (doc), history + 1);
  ck_assert_str_eq (flexo_document_get_undo_label (doc), "Clear the value");
  ck_assert_ptr_null (flexo_instance_get_value (bob, age));
  ck_assert_uint_eq (count (FLEXO_RULE_VALUE_TYPE, bob), 0);
  /* Done: no fix any more. */
  ck_assert (!flexo_problem_fix (p, doc));
  ck_assert (flexo_document_undo (doc));
  ck_assert_str_eq (flexo_instance_get_value (bob, age), "forty");
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&label, g_free);

  /* An unknown role with a default: the default. */
  flexo_document_begin (doc, "Default");
  flexo_property_set_default (role, "reader");
  flexo_document_commit (doc);
  set_value (bob, age, NULL);
  set_value (bob, role, "editor");
  problems = flexo_document_validate (doc);
  p = problem_of (problems, FLEXO_RULE_VALUE_TYPE, bob);
  label = flexo_problem_dup_fix_label (p);
  ck_assert_str_eq (label, "Use the default, “reader”");
  ck_assert (flexo_problem_fix (p, doc));
  ck_assert_str_eq (flexo_instance_get_effective_value (bob, role), "reader");
  ck_assert_uint_eq (count (FLEXO_RULE_VALUE_TYPE, bob), 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A required name has no obvious fix. */
  set_value (bob, name, NULL);
  problems = flexo_document_validate (doc);
  p = problem_of (problems, FLEXO_RULE_REQUIRED, bob);
  ck_assert_ptr_null (flexo_problem_dup_fix_label (p));
  ck_assert (!flexo_problem_fix (p, doc));
}
END_TEST

START_TEST (test_fix_references)
{
  FlexoInstance *bob = add_instance (person, "Bob");
  FlexoInstance *alice = add_instance (author, "Alice");
  FlexoInstance *dune = add_instance (book, NULL);
  g_autofree char *alice_id = flexo_object_dup_id_string (FLEXO_OBJECT (alice));
  g_autofree char *dune_id = flexo_object_dup_id_string (FLEXO_OBJECT (dune));
  g_autofree char *value = g_strdup_printf ("%s i9999 %s %s", dune_id, alice_id, alice_id);
  g_autoptr(GPtrArray) problems = NULL;

  /* A book, a dangling id, then two friends where one is allowed. */
  set_value (bob, friend_, value);
  problems = flexo_document_validate (doc);
  ck_assert (flexo_problem_fix (problem_of (problems, FLEXO_RULE_VALUE_TYPE, bob), doc));
  ck_assert_str_eq (flexo_instance_get_value (bob, friend_), alice_id);
  ck_assert_uint_eq (count (FLEXO_RULE_VALUE_TYPE, bob) + count (FLEXO_RULE_MULTIPLICITY, bob), 0);
}
END_TEST

START_TEST (test_fix_links)
{
  FlexoInstance *alice = add_instance (author, "Alice");
  FlexoInstance *bob = add_instance (person, "Bob");
  FlexoInstance *b1 = add_instance (book, NULL);
  FlexoInstance *b2 = add_instance (book, NULL);
  FlexoInstance *b3 = add_instance (book, NULL);
  FlexoLink *first = add_link (alice, b1);
  FlexoLink *wrong;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *label = NULL;

  /* Three books where two are allowed: the last link goes. */
  add_link (alice, b2);
  add_link (alice, b3);
  problems = flexo_document_validate (doc);
  label = flexo_problem_dup_fix_label (problem_of (problems, FLEXO_RULE_MULTIPLICITY, alice));
  ck_assert_str_eq (label, "Remove the extra links");
  ck_assert (flexo_problem_fix (problem_of (problems, FLEXO_RULE_MULTIPLICITY, alice), doc));
  ck_assert_uint_eq (flexo_document_get_links (doc)->len, 2);
  ck_assert_ptr_eq (g_ptr_array_index (flexo_document_get_links (doc), 0), first);
  ck_assert_ptr_eq (flexo_link_get_target (g_ptr_array_index (flexo_document_get_links (doc), 1)), b2);
  ck_assert_uint_eq (count (FLEXO_RULE_MULTIPLICITY, alice), 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Too few has no obvious fix. */
  flexo_document_begin (doc, "Unlink");
  while (flexo_document_get_links (doc)->len > 0)
    flexo_document_delete (doc, g_ptr_array_index (flexo_document_get_links (doc), 0), NULL);
  flexo_document_commit (doc);
  problems = flexo_document_validate (doc);
  ck_assert_ptr_null (flexo_problem_dup_fix_label (problem_of (problems, FLEXO_RULE_MULTIPLICITY, alice)));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A link its relation does not allow: deleted. */
  add_link (alice, b1);
  wrong = add_link (bob, b2);
  problems = flexo_document_validate (doc);
  ck_assert (flexo_problem_fix (problem_of (problems, FLEXO_RULE_ENDPOINT, wrong), doc));
  ck_assert (!flexo_object_is_live (FLEXO_OBJECT (wrong)));
  ck_assert_uint_eq (count (FLEXO_RULE_ENDPOINT, NULL), 0);
  ck_assert (flexo_document_undo (doc));
  ck_assert (flexo_object_is_live (FLEXO_OBJECT (wrong)));
}
END_TEST

static Suite *
validate_suite (void)
{
  Suite *s = suite_create ("validate");
  TCase *tc = tcase_create ("rules");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_valid_model_has_no_problems);
  tcase_add_test (tc, test_required);
  tcase_add_test (tc, test_value_types);
  tcase_add_test (tc, test_references);
  tcase_add_test (tc, test_unique);
  tcase_add_test (tc, test_relation_multiplicity);
  tcase_add_test (tc, test_link_endpoints);
  tcase_add_test (tc, test_abstract);
  tcase_add_test (tc, test_fix_values);
  tcase_add_test (tc, test_fix_references);
  tcase_add_test (tc, test_fix_links);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return flexo_test_run (validate_suite ());
}
