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
  gpointer              detail;   /* the property, relation or concept concerned, or NULL (a reference) */
  char                 *message;  /* translated */
} FlexoProblem;

void       flexo_problem_free        (FlexoProblem  *problem);
/* How the element is named in a report: "Book “Dune”", "link l3". */
char      *flexo_problem_dup_element (FlexoProblem  *problem);

/* What Flexo can do about @problem when the fix is obvious, as a button
 * says it ("Use the default, “2”", "Remove the extra links", "Delete the
 * link"); NULL when there is none. */
char      *flexo_problem_dup_fix_label (FlexoProblem *problem);
/* Makes that fix in one history entry; FALSE when there is none (or no
 * longer, the document having changed). */
gboolean   flexo_problem_fix         (FlexoProblem  *problem,
                                      FlexoDocument *document);
/* Every problem of @document, in the order of its instances then links. */
GPtrArray *flexo_document_validate   (FlexoDocument *document);
/* Whether @problems hold an error (not only warnings). */
gboolean   flexo_problems_have_errors (GPtrArray    *problems);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlexoProblem, flexo_problem_free)

G_END_DECLS
