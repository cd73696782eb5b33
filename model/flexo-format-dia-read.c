/* flexo-format-dia-read.c — a Dia file read into a table, in one
 * streaming pass: objects, their attributes (composite ones get dotted
 * names: "text.string") and their connections
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "flexo-format-dia-private.h"

void
_flexo_dia_table_free (DiaTable *t)
{
  if (t == NULL)
    return;
  g_array_unref (t->objects);
  g_array_unref (t->pairs);
  g_array_unref (t->connections);
  g_string_chunk_free (t->chunk);
  g_hash_table_unref (t->keys);
  g_free (t);
}

const char *
_flexo_dia_table_key (DiaTable   *t,
                      const char *name,
                      gboolean    add)
{
  guint slot = ((guintptr) name >> 3) % G_N_ELEMENTS (t->recent);
  const char *key;

  /* Names are mostly the same literals: found by their address, checked
   * by their text (an address may have been reused). */
  if (t->recent[slot].name == name && strcmp (t->recent[slot].key, name) == 0)
    return t->recent[slot].key;
  key = g_hash_table_lookup (t->keys, name);
  if (key != NULL)
    {
      t->recent[slot].name = name;
      t->recent[slot].key = key;
    }

  if (key == NULL && add)
    {
      key = g_string_chunk_insert (t->chunk, name);
      g_hash_table_add (t->keys, (gpointer) key);
    }
  return key;
}

/* The name without its namespace prefix ("dia:object" → "object"). */
static const char *
local_name (const char *name)
{
  const char *colon = strchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

/* --------------------------------------------------------------- reading -- */

typedef struct
{
  const char *parent;  /* the dotted name of the parent, interned */
  char        name[32];
  const char *key;     /* the dotted name of the child, interned */
} RecentName;

typedef struct
{
  FlexoXmlReader *reader;
  DiaTable       *table;
  /* The stack of dotted dia:attribute names inside the object, and their
   * depths (the reader refuses deeper documents). */
  const char     *dotteds[FLEXO_XML_MAX_DEPTH];
  int             name_depths[FLEXO_XML_MAX_DEPTH];
  guint           n_names;
  GString        *scratch;
  GHashTable     *kinds;          /* element name (interned by the reader) → TagKind */
  struct
  {
    const char *name;
    int         kind;
  }               recent_kinds[16];
  const char     *dotted;         /* the interned dotted name of the innermost attribute */
  gboolean        in_object;
  int             object_depth;
  guint           n_layers;
  gboolean        layer_hidden;
  RecentName      recent[64];
} Parser;

static DiaObject *
current (Parser *p)
{
  return &g_array_index (p->table->objects, DiaObject, p->table->objects->len - 1);
}

/* The dotted name of the innermost attribute, from the stack. */
static void
update_dotted (Parser *p)
{
  p->dotted = p->n_names > 0 ? p->dotteds[p->n_names - 1]
                                  : _flexo_dia_table_key (p->table, "", TRUE);
}

static void
push_name (Parser     *p,
           const char *name,
           int         depth)
{
  gsize len = strlen (name);
  const char *parent = p->n_names > 0 ? p->dotted : NULL;
  RecentName *recent = &p->recent[(((guintptr) parent >> 3) + len * 31 + (len > 0 ? (guchar) name[0] : 0) +
                                   (len > 0 ? (guchar) name[len - 1] * 7 : 0)) % G_N_ELEMENTS (p->recent)];
  const char *key;

  /* The same attributes come in every object of a kind. */
  if (recent->key != NULL && recent->parent == parent && len < sizeof recent->name &&
      strcmp (recent->name, name) == 0)
    key = recent->key;
  else
    {
      if (parent != NULL)
        {
          g_string_assign (p->scratch, parent);
          g_string_append_c (p->scratch, '.');
          g_string_append (p->scratch, name);
        }
      key = _flexo_dia_table_key (p->table, parent != NULL ? p->scratch->str : name, TRUE);
      if (len < sizeof recent->name)
        {
          memcpy (recent->name, name, len + 1);
          recent->parent = parent;
          recent->key = key;
        }
    }
  if (p->n_names == G_N_ELEMENTS (p->dotteds))
    return;
  p->dotteds[p->n_names] = key;
  p->name_depths[p->n_names++] = depth;
  update_dotted (p);
}

static void
add_value (Parser     *p,
           const char *value)
{
  Pair pair = { p->dotted, g_string_chunk_insert (p->table->chunk, value) };
  DiaObject *o = current (p);

  /* An object's pairs are contiguous: it is the last one read. */
  g_array_append_val (p->table->pairs, pair);
  o->n_pairs++;
}

typedef enum
{
  TAG_OTHER = 1,
  TAG_DIAGRAM,
  TAG_DIAGRAMDATA,
  TAG_LAYER,
  TAG_OBJECT,
  TAG_ATTRIBUTE,
  TAG_CONNECTION,
  TAG_CHILDNODE,
  TAG_STRING,
  TAG_FONT,
} TagKind;

/* What an element is, by its name (interned by the reader: its pointer
 * says it). */
static TagKind
tag_kind (Parser     *p,
          const char *qualified)
{
  static const char * const names[] = {
    [TAG_DIAGRAM] = "diagram", [TAG_DIAGRAMDATA] = "diagramdata", [TAG_LAYER] = "layer",
    [TAG_OBJECT] = "object", [TAG_ATTRIBUTE] = "attribute", [TAG_CONNECTION] = "connection",
    [TAG_CHILDNODE] = "childnode", [TAG_STRING] = "string", [TAG_FONT] = "font",
  };
  guint slot = ((guintptr) qualified >> 4) % G_N_ELEMENTS (p->recent_kinds);
  TagKind kind;

  if (p->recent_kinds[slot].name == qualified)
    return p->recent_kinds[slot].kind;
  kind = GPOINTER_TO_INT (g_hash_table_lookup (p->kinds, qualified));
  if (kind == 0)
    {
      const char *name = local_name (qualified);

      kind = TAG_OTHER;
      for (guint i = TAG_DIAGRAM; i < G_N_ELEMENTS (names); i++)
        if (strcmp (name, names[i]) == 0)
          kind = i;
      g_hash_table_insert (p->kinds, (gpointer) qualified, GINT_TO_POINTER (kind));
    }
  p->recent_kinds[slot].name = qualified;
  p->recent_kinds[slot].kind = kind;
  return kind;
}

/* The family of a PostScript font name of old Dia files, and Dia's style
 * flags for it in @flags (weight in bits 4-6, slant in 2-3). */
static const char *
legacy_font (const char *name,
             char        flags[8])
{
  static const struct { const char *prefix, *family; } families[] = {
    { "Times", "Times" }, { "Helvetica", "Helvetica" }, { "Courier", "Courier" },
    { "AvantGarde", "URW Gothic" }, { "Bookman", "URW Bookman" },
    { "NewCenturySchlbk", "Century Schoolbook" }, { "Palatino", "Palatino" },
    { "ZapfChancery", "URW Chancery L" }, { "ZapfDingbats", "Dingbats" }, { "Symbol", "Symbol" },
  };
  const char *family = "sans";
  int style = 0;

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if (g_str_has_prefix (name, families[i].prefix))
      family = families[i].family;
  if (strstr (name, "Bold") != NULL || strstr (name, "Demi") != NULL)
    style |= 0x50;
  else if (strstr (name, "Light") != NULL)
    style |= 0x20;
  if (strstr (name, "Italic") != NULL)
    style |= 0x04;
  else if (strstr (name, "Oblique") != NULL)
    style |= 0x08;
  g_snprintf (flags, 8, "%d", style);
  return family;
}

static gboolean
read_element (Parser  *p,
              GError **error)
{
  FlexoXmlReader *r = p->reader;
  TagKind kind = tag_kind (p, flexo_xml_reader_get_name (r));
  int depth = flexo_xml_reader_get_depth (r);

  if (flexo_xml_reader_is_end (r))
    {
      if (p->in_object && depth == p->object_depth && kind == TAG_OBJECT)
        p->in_object = FALSE;
      if (p->n_names > 0 && p->name_depths[p->n_names - 1] >= depth)
        {
          while (p->n_names > 0 && p->name_depths[p->n_names - 1] >= depth)
            p->n_names--;
          update_dotted (p);
        }
      return TRUE;
    }

  if (depth == 0)
    {
      if (kind != TAG_DIAGRAM)
        {
          flexo_xml_reader_error (r, error, FLEXO_XML_ERROR_INVALID, _("not a Dia diagram: the root is <%s>"),
                                  flexo_xml_reader_get_name (r));
          return FALSE;
        }
      return TRUE;
    }
  if (kind == TAG_LAYER)
    {
      p->n_layers++;
      p->layer_hidden = g_strcmp0 (flexo_xml_reader_get_attribute (r, "visible"), "false") == 0;
      return TRUE;
    }
  if (kind == TAG_OBJECT)
    {
      const char *type = flexo_xml_reader_require_attribute (r, "type", error);
      const char *id;
      DiaObject o = { 0 };

      if (type == NULL)
        return FALSE;
      /* An object inside an object (old groups) is read on its own. */
      p->n_names = 0;
      update_dotted (p);
      id = flexo_xml_reader_get_attribute (r, "id");
      o.type = g_string_chunk_insert_const (p->table->chunk, type);
      o.id = g_string_chunk_insert (p->table->chunk, id != NULL ? id : "");
      o.line = flexo_xml_reader_get_line (r);
      o.first = p->table->pairs->len;
      o.first_connection = p->table->connections->len;
      o.hidden = p->layer_hidden;
      g_array_append_val (p->table->objects, o);
      p->in_object = TRUE;
      p->object_depth = depth;
      return TRUE;
    }
  if (!p->in_object)
    {
      /* Diagram data (paper, grid), groups' wrappers: nothing to keep. */
      if (kind == TAG_DIAGRAMDATA)
        return flexo_xml_reader_skip_element (r, error);
      return TRUE;
    }

  if (kind == TAG_ATTRIBUTE)
    {
      const char *attribute = flexo_xml_reader_get_attribute (r, "name");

      push_name (p, attribute != NULL ? attribute : "", depth);
      return TRUE;
    }
  if (kind == TAG_CONNECTION)
    {
      Connection c = { 0, NULL };
      const char *to = flexo_xml_reader_get_attribute (r, "to");

      if (!flexo_xml_reader_get_int (r, "handle", &c.handle, error))
        return FALSE;
      if (to != NULL)
        {
          c.to = g_string_chunk_insert_const (p->table->chunk, to);
          g_array_append_val (p->table->connections, c);
          current (p)->n_connections++;
        }
      return TRUE;
    }
  if (kind == TAG_CHILDNODE)
    {
      const char *parent = flexo_xml_reader_get_attribute (r, "parent");

      current (p)->parent = parent != NULL ? g_string_chunk_insert_const (p->table->chunk, parent) : NULL;
      return TRUE;
    }
  if (p->n_names > 0)
    {
      if (kind == TAG_STRING)
        {
          g_autofree char *text = flexo_xml_reader_read_text (r, error);

          if (text == NULL)
            return FALSE;
          add_value (p, text);
          return TRUE;
        }
      if (kind == TAG_FONT)
        {
          const char *family = flexo_xml_reader_get_attribute (r, "family");
          const char *style = flexo_xml_reader_get_attribute (r, "style");
          const char *legacy = flexo_xml_reader_get_attribute (r, "name");
          char flags[8];

          /* Dia before 0.91 named PostScript fonts: "Times-BoldItalic". */
          if (family == NULL && legacy != NULL)
            {
              family = legacy_font (legacy, flags);
              style = style != NULL ? style : flags;
            }
          add_value (p, family != NULL ? family : "sans");
          add_value (p, style != NULL ? style : "0");
          return TRUE;
        }
      {
        const char *val = flexo_xml_reader_get_attribute (r, "val");

        if (val != NULL)
          add_value (p, val);
      }
    }
  return TRUE;
}

DiaTable *
_flexo_dia_parse (FlexoXmlReader  *reader,
                  guint           *n_layers,
                  GError         **error)
{
  Parser p = { .reader = reader };
  g_autoptr(GError) local = NULL;
  gboolean ok = TRUE;

  p.table = g_new0 (DiaTable, 1);
  p.table->objects = g_array_new (FALSE, FALSE, sizeof (DiaObject));
  p.table->pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  p.table->connections = g_array_new (FALSE, FALSE, sizeof (Connection));
  p.table->chunk = g_string_chunk_new (64 * 1024);
  p.table->keys = g_hash_table_new (g_str_hash, g_str_equal);
  p.scratch = g_string_new (NULL);
  p.kinds = g_hash_table_new (NULL, NULL);
  update_dotted (&p);
  while (ok && flexo_xml_reader_next_element (reader, &local))
    ok = read_element (&p, &local);
  g_string_free (p.scratch, TRUE);
  g_hash_table_unref (p.kinds);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      _flexo_dia_table_free (p.table);
      return NULL;
    }
  *n_layers = p.n_layers;
  return p.table;
}
