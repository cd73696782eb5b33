/* flexo-format-dia-private.h — a Dia file read into a table, shared by
 * the reader (flexo-format-dia-read.c) and the mapping to Flexo's model
 * (flexo-format-dia.c)
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "flexo-xml.h"

G_BEGIN_DECLS

/* Dia's unit is the centimetre, shown as 20 pixels at 100 %. */
#define SCALE 20.0

/* ----------------------------------------------------------- the table -- */

/* All the strings of a file live in one chunk; attribute names are
 * interned in the table (no global lock, nothing kept after the import),
 * so that an object's values are found by comparing pointers. */
typedef struct
{
  const char *name;     /* interned dotted attribute name */
  const char *value;    /* in the chunk */
} Pair;

typedef struct
{
  const char *type;
  const char *id;
  const char *parent;   /* a dia:childnode's parent id */
  int         line;
  guint       first;    /* its pairs: pairs[first .. first + n_pairs) of the parser's table */
  guint       n_pairs;
  guint       first_connection;
  guint       n_connections;
  gboolean    hidden;   /* in a layer Dia does not show */
} DiaObject;

typedef struct
{
  int         handle;
  const char *to;
} Connection;

/* The whole file, read: objects, their pairs and connections in arrays. */
typedef struct
{
  GArray       *objects;       /* DiaObject */
  GArray       *pairs;         /* Pair */
  GArray       *connections;   /* Connection */
  GStringChunk *chunk;
  GHashTable   *keys;          /* the interned attribute names */
  struct
  {
    const char *name;          /* as asked (its pointer) */
    const char *key;
  }             recent[64];    /* recent lookups by their pointer */
} DiaTable;

void        _flexo_dia_table_free (DiaTable       *t);
/* @name interned in @t (added when @add), NULL if it is not there. */
const char *_flexo_dia_table_key  (DiaTable       *t,
                                   const char     *name,
                                   gboolean        add);
/* The objects of a Dia file, in one streaming pass; the number of its
 * layers in @n_layers. */
DiaTable   *_flexo_dia_parse      (FlexoXmlReader *reader,
                                   guint          *n_layers,
                                   GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DiaTable, _flexo_dia_table_free)

G_END_DECLS
