/* flexo-format-dia-private.h — a Dia file read into a table, shared by
 * the reader (flexo-format-dia-read.c) and the mapping to Flexo's model
 * (flexo-format-dia.c, flexo-format-dia-sheets.c)
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>
#include <string.h>
#include <glib.h>

#include "flexo-format-dia.h"
#include "flexo-model.h"
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

/* ------------------------------------------------ an object's values -- */

/* The table the objects of the file being mapped read from, while
 * flexo-format-dia.c builds its document. */
extern _Thread_local DiaTable *_flexo_dia_table;

static inline const char *
nth_value (DiaObject  *o,
           const char *name,
           guint       n)
{
  const char *key = _flexo_dia_table_key (_flexo_dia_table, name, FALSE);

  if (key == NULL)
    return NULL;
  for (guint i = 0; i < o->n_pairs; i++)
    {
      Pair *pair = &g_array_index (_flexo_dia_table->pairs, Pair, o->first + i);

      if (pair->name == key && n-- == 0)
        return pair->value;
    }
  return NULL;
}

static inline const char *
value_of (DiaObject  *o,
          const char *name)
{
  return nth_value (o, name, 0);
}

static inline guint
count_values (DiaObject  *o,
              const char *name)
{
  const char *key = _flexo_dia_table_key (_flexo_dia_table, name, FALSE);
  guint n = 0;

  if (key == NULL)
    return 0;
  for (guint i = 0; i < o->n_pairs; i++)
    n += g_array_index (_flexo_dia_table->pairs, Pair, o->first + i).name == key;
  return n;
}

static inline Connection *
connection_of (DiaObject *o,
               guint      i)
{
  return &g_array_index (_flexo_dia_table->connections, Connection, o->first_connection + i);
}


static inline gboolean
parse_point (const char *text,
             FlexoPoint *out)
{
  char parts[2][64];
  const char *comma = text != NULL ? strchr (text, ',') : NULL;
  double x, y;

  if (comma == NULL)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      const char *start = i == 0 ? text : comma + 1;
      const char *end = i == 0 ? comma : start + strlen (start);

      while (start < end && g_ascii_isspace (*start))
        start++;
      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      if ((gsize) (end - start) >= sizeof parts[i])
        return FALSE;
      memcpy (parts[i], start, end - start);
      parts[i][end - start] = '\0';
    }
  if (!flexo_strtod (parts[0], &x) || !flexo_strtod (parts[1], &y) || fabs (x) > 1e6 || fabs (y) > 1e6)
    return FALSE;
  out->x = x * SCALE;
  out->y = y * SCALE;
  return TRUE;
}

static inline double
real_of (DiaObject  *o,
         const char *name,
         double      fallback)
{
  const char *text = value_of (o, name);
  double d;

  if (text == NULL || !flexo_strtod (text, &d))
    return fallback;
  return d;
}

static inline int
int_of (DiaObject  *o,
        const char *name,
        int         fallback)
{
  const char *text = value_of (o, name);
  int i;

  return text != NULL && flexo_strtoi (text, &i) ? i : fallback;
}

static inline gboolean
bool_of (DiaObject  *o,
         const char *name,
         gboolean    fallback)
{
  const char *text = value_of (o, name);

  return text != NULL ? strcmp (text, "true") == 0 : fallback;
}

static inline gboolean
color_of (DiaObject  *o,
          const char *name,
          FlexoColor *out)
{
  const char *text = value_of (o, name);

  return text != NULL && flexo_color_from_string (text, out);
}

/* Dia's strings are written between '#'. */
static inline char *
string_of (DiaObject  *o,
           const char *name)
{
  const char *text = value_of (o, name);
  gsize len;

  if (text == NULL)
    return NULL;
  len = strlen (text);
  if (len >= 2 && text[0] == '#' && text[len - 1] == '#')
    return g_strndup (text + 1, len - 2);
  return g_strdup (text);
}

static inline const char *
nth_string (DiaObject  *o,
            const char *name,
            guint       i)
{
  const char *value = nth_value (o, name, i);
  const char *text = value != NULL ? value : "";
  gsize len = strlen (text);

  /* Borrowed: strip the '#' in place of a copy the table keeps. */
  if (len >= 2 && text[0] == '#' && text[len - 1] == '#')
    {
      ((char *) text)[len - 1] = '\0';
      memmove ((char *) text, text + 1, len - 1);
    }
  return text;
}

/* ------------------------------------------------------------ building -- */

typedef struct
{
  FlexoDocument *document;
  FlexoDiagram  *diagram;
  GHashTable    *shapes;        /* Dia id → FlexoShape */
  FlexoDiaReport *report;
  const char    *display_name;
  GArray        *cardinalities;  /* of Cardinalities */
  GPtrArray     *participations; /* ER - Participation's connectors */
} Builder;

/* An ER relationship's cardinalities, written beside its left and right
 * corners (top and bottom, rotated): on its participations' ends once
 * every line is read. */
typedef struct
{
  FlexoShape *shape;
  char       *left;
  char       *right;
  gboolean    rotated;
} Cardinalities;

/* flexo-format-dia.c: what the import approximated, counted by kind */
void           _flexo_dia_note_approximation  (Builder        *b,
                                               const char     *what);
static inline void
note_approximation (Builder    *b,
                    const char *what)
{
  _flexo_dia_note_approximation (b, what);
}

/* flexo-format-dia-sheets.c */
void           _flexo_dia_cardinalities_clear (Cardinalities  *c);
/* ER's symbols' borders, dashes and underlined keys, on @style */
void           _flexo_dia_er_symbol           (Builder        *b,
                                               DiaObject      *o,
                                               FlexoStyle     *style);
/* UML and KAOS lines: the arrows and dashes their type says */
void           _flexo_dia_uml_line            (DiaObject      *o,
                                               FlexoStyle     *style);
/* A line's arrow at its start or end (what it approximated reported) */
FlexoArrowHead _flexo_dia_line_arrow          (Builder        *b,
                                               DiaObject      *o,
                                               gboolean        start);
void           _flexo_dia_uml_association     (Builder        *b,
                                               DiaObject      *o,
                                               FlexoConnector *connector,
                                               FlexoStyle     *style);
/* Takes @name (may be NULL), returns it with the reading direction */
char          *_flexo_dia_association_name    (DiaObject      *o,
                                               char           *name);
void           _flexo_dia_er_line             (Builder        *b,
                                               DiaObject      *o,
                                               FlexoConnector *connector,
                                               FlexoStyle     *style);
/* Once every line is read */
void           _flexo_dia_place_cardinalities (Builder        *b);

G_END_DECLS
