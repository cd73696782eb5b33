/* flexo-validate.h — what a model breaks of its metamodel
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-document.h"

G_BEGIN_DECLS

typedef enum
{
  FLEXO_PROBLEM_ERROR,
  FLEXO_PROBLEM_WARNING,
} FlexoProblemSeverity;

typedef enum
{
  FLEXO_RULE_REQUIRED,       /* a required property has no value */
  FLEXO_RULE_VALUE_TYPE,     /* a value is not of its property's type */
  FLEXO_RULE_UNIQUE,         /* two instances share a value meant to be unique */
  FLEXO_RULE_MULTIPLICITY,   /* too few or too many links, or references */
  FLEXO_RULE_ENDPOINT,       /* a link joins instances its relation does not allow */
  FLEXO_RULE_ABSTRACT,       /* an instance of an abstract concept */
} FlexoRule;

typedef struct
{
  FlexoProblemSeverity  severity;
  FlexoRule             rule;
  FlexoObject          *object;   /* the instance or link at fault */
  gpointer              detail;   /* the property or relation concerned, or NULL */
  char                 *message;  /* translated */
} FlexoProblem;

void       flexo_problem_free        (FlexoProblem  *problem);
/* How the element is named in a report: "Book “Dune”", "link l3". */
char      *flexo_problem_dup_element (FlexoProblem  *problem);

/* Every problem of @document, in the order of its instances then links. */
GPtrArray *flexo_document_validate   (FlexoDocument *document);
/* Whether @problems hold an error (not only warnings). */
gboolean   flexo_problems_have_errors (GPtrArray    *problems);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlexoProblem, flexo_problem_free)

G_END_DECLS
