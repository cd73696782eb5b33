/* flexo-format-native-read.c — reading the .flexo format
 *
 * Files from other people are hostile until parsed: the XML layer refuses
 * DTDs, entities and excessive sizes; this layer refuses unknown elements,
 * bad ids, duplicate ids, dangling references and impossible structures,
 * each with "FILE:LINE: message". Nothing enters the document before the
 * whole file has been read and checked.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "flexo-document-private.h"
#include "flexo-format-native-private.h"
#include "flexo-model.h"
#include "flexo-xml.h"

typedef enum
{
  REF_CONCEPT_PARENT,
  REF_PROPERTY_TARGET,
  REF_RELATION_SOURCE,
  REF_RELATION_TARGET,
  REF_ENTRY_CONCEPT,
  REF_ENTRY_RELATION,
  REF_INSTANCE_CONCEPT,
  REF_VALUE_PROPERTY,
  REF_LINK_RELATION,
  REF_LINK_SOURCE,
  REF_LINK_TARGET,
  REF_SHAPE_INSTANCE,
  REF_SHAPE_PARENT,
  REF_CONNECTOR_LINK,
  REF_CONNECTOR_SOURCE,
  REF_CONNECTOR_TARGET,
} RefKind;

typedef struct
{
  FlexoObject *object;   /* borrowed: owned by its container or the loader */
  char        *text;     /* a value's text */
  guint        id;
  int          line;
  guint8       kind;     /* RefKind */
} Ref;

typedef struct
{
  FlexoXmlReader *r;
  FlexoDocument  *doc;
  GHashTable     *ids;     /* guint id → FlexoObject (borrowed) */
  GHashTable     *lines;   /* guint id → line of definition */
  GArray         *refs;    /* Ref */
  GPtrArray      *top[FLEXO_LIST_DIAGRAMS + 1];  /* strong: the document's lists */
  int             version;
} Loader;

static void
ref_clear (gpointer data)
{
  g_free (((Ref *) data)->text);
}

static gboolean
fail (Loader      *l,
      GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Loader      *l,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  flexo_xml_reader_error (l->r, error, FLEXO_XML_ERROR_INVALID, "%s", message);
  return FALSE;
}

static gboolean
fail_at (Loader      *l,
         GError     **error,
         int          line,
         const char  *message)
{
  g_set_error (error, FLEXO_XML_ERROR, FLEXO_XML_ERROR_INVALID, "%s:%d: %s",
               flexo_xml_reader_get_display_name (l->r), line, message);
  return FALSE;
}

/* "s12" → 12, when the prefix is @prefix. */
static gboolean
parse_id (const char *text,
          const char *prefix,
          guint      *id)
{
  size_t n = strlen (prefix);
  guint64 value = 0;
  const char *p;

  if (text == NULL || strncmp (text, prefix, n) != 0)
    return FALSE;

  p = text + n;
  if (*p < '1' || *p > '9')
    return FALSE;
  for (; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      value = value * 10 + (guint64) (*p - '0');
      if (value >= G_MAXUINT)
        return FALSE;
    }

  *id = (guint) value;
  return TRUE;
}

/* The id prefix of the objects of @type. */
static const char *
prefix_of (GType type)
{
  gpointer klass = g_type_class_peek_static (type);

  if (G_UNLIKELY (klass == NULL))
    {
      klass = g_type_class_ref (type);
      g_type_class_unref (klass);  /* static types keep their class */
    }

  return FLEXO_OBJECT_CLASS (klass)->id_prefix;
}

/* Reads the id attribute of a new object and registers it. */
static gboolean
claim (Loader       *l,
       FlexoObject  *object,
       GError      **error)
{
  const char *text;
  guint id;
  gpointer first_line;

  text = flexo_xml_reader_require_attribute (l->r, "id", error);
  if (text == NULL)
    return FALSE;

  if (!parse_id (text, FLEXO_OBJECT_GET_CLASS (object)->id_prefix, &id))
    return fail (l, error, _("invalid id “%s” of a <%s>: expected %s followed by a number, like %s1"),
                 text, flexo_xml_reader_get_name (l->r),
                 FLEXO_OBJECT_GET_CLASS (object)->id_prefix,
                 FLEXO_OBJECT_GET_CLASS (object)->id_prefix);

  if (g_hash_table_lookup_extended (l->lines, GUINT_TO_POINTER (id), NULL, &first_line))
    return fail (l, error, _("duplicate id “%s” (first used at line %d)"),
                 text, GPOINTER_TO_INT (first_line));

  flexo_document_claim_id (l->doc, object, id);
  g_hash_table_insert (l->ids, GUINT_TO_POINTER (id), object);
  g_hash_table_insert (l->lines, GUINT_TO_POINTER (id),
                       GINT_TO_POINTER (flexo_xml_reader_get_line (l->r)));
  return TRUE;
}

/* Records a reference to resolve once everything is read. */
static gboolean
add_ref (Loader       *l,
         FlexoObject  *object,
         RefKind       kind,
         const char   *text,
         GType         type,
         char         *value_text,
         GError      **error)
{
  Ref ref = { object, value_text, 0, flexo_xml_reader_get_line (l->r), kind };

  if (!parse_id (text, prefix_of (type), &ref.id))
    {
      g_free (value_text);
      return fail (l, error, _("invalid reference “%s”: expected the id of a %s, like %s1"),
                   text, prefix_of (type), prefix_of (type));
    }

  g_array_append_val (l->refs, ref);
  return TRUE;
}

static gboolean
add_optional_ref (Loader       *l,
                  FlexoObject  *object,
                  RefKind       kind,
                  const char   *attribute,
                  GType         type,
                  GError      **error)
{
  const char *text = flexo_xml_reader_get_attribute (l->r, attribute);

  return text == NULL || add_ref (l, object, kind, text, type, NULL, error);
}

static gboolean
add_required_ref (Loader       *l,
                  FlexoObject  *object,
                  RefKind       kind,
                  const char   *attribute,
                  GType         type,
                  GError      **error)
{
  const char *text = flexo_xml_reader_require_attribute (l->r, attribute, error);

  return text != NULL && add_ref (l, object, kind, text, type, NULL, error);
}

static gboolean
get_optional_boolean (Loader      *l,
                      const char  *name,
                      gboolean    *out,
                      GError     **error)
{
  *out = FALSE;
  return flexo_xml_reader_get_attribute (l->r, name) == NULL ||
         flexo_xml_reader_get_boolean (l->r, name, out, error);
}

static gboolean
get_required_double (Loader      *l,
                     const char  *name,
                     double      *out,
                     GError     **error)
{
  return flexo_xml_reader_require_attribute (l->r, name, error) != NULL &&
         flexo_xml_reader_get_double (l->r, name, out, error);
}

static gboolean
get_multiplicity (Loader      *l,
                  int          default_min,
                  int          default_max,
                  int         *min,
                  int         *max,
                  GError     **error)
{
  const char *max_text = flexo_xml_reader_get_attribute (l->r, "max");

  *min = default_min;
  *max = default_max;

  if (flexo_xml_reader_get_attribute (l->r, "min") != NULL &&
      !flexo_xml_reader_get_int (l->r, "min", min, error))
    return FALSE;

  if (max_text != NULL)
    {
      if (strcmp (max_text, "*") == 0)
        *max = FLEXO_MANY;
      else if (!flexo_xml_reader_get_int (l->r, "max", max, error))
        return FALSE;
    }

  if (*min < 0 || (*max != FLEXO_MANY && *max < *min))
    return fail (l, error, _("invalid multiplicity %d..%s"), *min, max_text ? max_text : "");

  return TRUE;
}

/* Iterates the children of the current element: @child is called on each
 * start element; the loop ends on the parent's end element. */
typedef gboolean (*ChildFunc) (Loader      *l,
                               const char  *name,
                               gpointer     parent,
                               GError     **error);

static gboolean
read_children (Loader     *l,
               ChildFunc   child,
               gpointer    parent,
               GError    **error)
{
  const char *parent_name;
  int depth;

  /* An empty element <x/> has its end too: the loop meets it at once. */
  parent_name = flexo_xml_reader_get_name (l->r);
  depth = flexo_xml_reader_get_depth (l->r);

  for (;;)
    {
      GError *local_error = NULL;

      if (!flexo_xml_reader_next_element (l->r, &local_error))
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          else
            fail (l, error, _("the file ends before </%s>"), parent_name);
          return FALSE;
        }

      if (flexo_xml_reader_is_end (l->r) && flexo_xml_reader_get_depth (l->r) == depth)
        return TRUE;

      if (child == NULL)
        return fail (l, error, _("unexpected element <%s> in <%s>"),
                     flexo_xml_reader_get_name (l->r), parent_name);

      if (!child (l, flexo_xml_reader_get_name (l->r), parent, error))
        return FALSE;
    }
}

/* The text of the current element, which must have no children; moves
 * past its end. */
static char *
read_text_element (Loader  *l,
                   GError **error)
{
  g_autofree char *text = flexo_xml_reader_read_text (l->r, error);

  if (text == NULL || !read_children (l, NULL, NULL, error))
    return NULL;

  return g_steal_pointer (&text);
}

static gboolean
unexpected (Loader      *l,
            const char  *name,
            GError     **error)
{
  return fail (l, error, _("unexpected element <%s>"), name);
}

static gboolean
read_style (Loader      *l,
            FlexoStyle  *style,
            GError     **error)
{
  static const char * const names[] = {
    "shape", "fill", "stroke", "stroke-width", "dash", "corner-radius", "font-family",
    "font-size", "font-weight", "font-style", "text-color", "align", "arrow-start",
    "arrow-end", "routing", "shadow", "opacity", "underline",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = flexo_xml_reader_get_attribute (l->r, names[i]);
      g_autoptr(GError) local_error = NULL;

      if (value != NULL && !flexo_style_set_attribute (style, names[i], value, &local_error))
        return fail (l, error, "%s", local_error->message);
    }

  return read_children (l, NULL, NULL, error);
}

/* Reads a <style> child into @style, if @name is "style". */
static gboolean
read_style_child (Loader      *l,
                  const char  *name,
                  FlexoStyle  *style,
                  gboolean    *seen,
                  GError     **error)
{
  if (*seen)
    return fail (l, error, _("more than one <style>"));
  *seen = TRUE;
  return read_style (l, style, error);
}

/* Metamodel */

typedef struct
{
  FlexoStyle style;
  gboolean   has_style;
} StyleSlot;

static gboolean
read_property_child (Loader      *l,
                     const char  *name,
                     gpointer     parent,
                     GError     **error)
{
  GPtrArray *options = parent;
  char *text;

  if (strcmp (name, "option") != 0)
    return unexpected (l, name, error);

  text = read_text_element (l, error);
  if (text == NULL)
    return FALSE;
  g_ptr_array_add (options, text);
  return TRUE;
}

static gboolean
read_property (Loader        *l,
               FlexoConcept  *concept,
               GError       **error)
{
  g_autoptr(FlexoProperty) property = NULL;
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func (g_free);
  const char *name, *type_name;
  FlexoPropertyType type;
  gboolean required, unique;
  int min, max;

  if ((name = flexo_xml_reader_require_attribute (l->r, "name", error)) == NULL ||
      (type_name = flexo_xml_reader_require_attribute (l->r, "type", error)) == NULL)
    return FALSE;

  if (!flexo_property_type_from_string (type_name, &type))
    return fail (l, error, _("unknown property type “%s”"), type_name);

  property = flexo_property_new (NULL, name, type);
  if (!claim (l, FLEXO_OBJECT (property), error) ||
      !get_optional_boolean (l, "required", &required, error) ||
      !get_optional_boolean (l, "unique", &unique, error) ||
      !get_multiplicity (l, 0, 1, &min, &max, error) ||
      !add_optional_ref (l, FLEXO_OBJECT (property), REF_PROPERTY_TARGET, "target", FLEXO_TYPE_CONCEPT, error))
    return FALSE;

  flexo_property_set_default (property, flexo_xml_reader_get_attribute (l->r, "default"));
  flexo_property_set_required (property, required);
  flexo_property_set_unique (property, unique);
  flexo_property_set_multiplicity (property, min, max);

  if (!read_children (l, read_property_child, options, error))
    return FALSE;

  if (options->len > 0)
    {
      g_ptr_array_add (options, NULL);
      flexo_property_set_enum_values (property, (const char * const *) options->pdata);
    }

  flexo_concept_add_property (concept, property);
  return TRUE;
}

typedef struct
{
  FlexoConcept *concept;
  StyleSlot     style;
} ConceptCtx;

static gboolean
read_concept_child (Loader      *l,
                    const char  *name,
                    gpointer     parent,
                    GError     **error)
{
  ConceptCtx *ctx = parent;

  if (strcmp (name, "property") == 0)
    return read_property (l, ctx->concept, error);
  if (strcmp (name, "style") == 0)
    return read_style_child (l, name, &ctx->style.style, &ctx->style.has_style, error);
  return unexpected (l, name, error);
}

static gboolean
read_concept (Loader  *l,
              GError **error)
{
  g_autoptr(FlexoConcept) concept = NULL;
  ConceptCtx ctx = { 0 };
  const char *name, *parents;
  gboolean abstract;

  if ((name = flexo_xml_reader_require_attribute (l->r, "name", error)) == NULL)
    return FALSE;

  concept = flexo_concept_new (NULL, name);
  ctx.concept = concept;
  if (!claim (l, FLEXO_OBJECT (concept), error) ||
      !get_optional_boolean (l, "abstract", &abstract, error))
    return FALSE;

  flexo_concept_set_label (concept, flexo_xml_reader_get_attribute (l->r, "label"));
  flexo_concept_set_description (concept, flexo_xml_reader_get_attribute (l->r, "description"));
  flexo_concept_set_abstract (concept, abstract);

  parents = flexo_xml_reader_get_attribute (l->r, "parents");
  if (parents != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (parents, " ", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        if (!add_ref (l, FLEXO_OBJECT (concept), REF_CONCEPT_PARENT, ids[i], FLEXO_TYPE_CONCEPT, NULL, error))
          return FALSE;
    }

  if (!read_children (l, read_concept_child, &ctx, error))
    return FALSE;
  if (ctx.style.has_style)
    flexo_concept_set_style (concept, &ctx.style.style);

  g_ptr_array_add (l->top[FLEXO_LIST_CONCEPTS], g_steal_pointer (&concept));
  return TRUE;
}

static gboolean
read_style_only (Loader      *l,
                 const char  *name,
                 gpointer     parent,
                 GError     **error)
{
  StyleSlot *slot = parent;

  if (strcmp (name, "style") == 0)
    return read_style_child (l, name, &slot->style, &slot->has_style, error);
  return unexpected (l, name, error);
}

static gboolean
read_relation (Loader  *l,
               GError **error)
{
  g_autoptr(FlexoRelation) relation = NULL;
  StyleSlot slot = { 0 };
  const char *name;
  gboolean containment;
  int min, max;

  if ((name = flexo_xml_reader_require_attribute (l->r, "name", error)) == NULL)
    return FALSE;

  relation = flexo_relation_new (NULL, name, NULL, NULL);
  if (!claim (l, FLEXO_OBJECT (relation), error) ||
      !add_required_ref (l, FLEXO_OBJECT (relation), REF_RELATION_SOURCE, "source", FLEXO_TYPE_CONCEPT, error) ||
      !add_required_ref (l, FLEXO_OBJECT (relation), REF_RELATION_TARGET, "target", FLEXO_TYPE_CONCEPT, error) ||
      !get_multiplicity (l, 0, FLEXO_MANY, &min, &max, error) ||
      !get_optional_boolean (l, "containment", &containment, error))
    return FALSE;

  flexo_relation_set_multiplicity (relation, min, max);
  flexo_relation_set_containment (relation, containment);

  if (!read_children (l, read_style_only, &slot, error))
    return FALSE;
  if (slot.has_style)
    flexo_relation_set_style (relation, &slot.style);

  g_ptr_array_add (l->top[FLEXO_LIST_RELATIONS], g_steal_pointer (&relation));
  return TRUE;
}

static gboolean
read_metamodel_child (Loader      *l,
                      const char  *name,
                      gpointer     parent,
                      GError     **error)
{
  if (strcmp (name, "concept") == 0)
    return read_concept (l, error);
  if (strcmp (name, "relation") == 0)
    return read_relation (l, error);
  return unexpected (l, name, error);
}

/* Palettes */

static gboolean
read_entry (Loader        *l,
            FlexoPalette  *palette,
            GError       **error)
{
  g_autoptr(FlexoPaletteEntry) entry = flexo_palette_entry_new (NULL, NULL);
  StyleSlot slot = { 0 };
  double width = 0, height = 0;

  if (!claim (l, FLEXO_OBJECT (entry), error) ||
      !add_optional_ref (l, FLEXO_OBJECT (entry), REF_ENTRY_CONCEPT, "concept", FLEXO_TYPE_CONCEPT, error) ||
      !add_optional_ref (l, FLEXO_OBJECT (entry), REF_ENTRY_RELATION, "relation", FLEXO_TYPE_RELATION, error))
    return FALSE;

  if ((flexo_xml_reader_get_attribute (l->r, "width") != NULL &&
       !flexo_xml_reader_get_double (l->r, "width", &width, error)) ||
      (flexo_xml_reader_get_attribute (l->r, "height") != NULL &&
       !flexo_xml_reader_get_double (l->r, "height", &height, error)))
    return FALSE;

  flexo_palette_entry_set_label (entry, flexo_xml_reader_get_attribute (l->r, "label"));
  flexo_palette_entry_set_section (entry, flexo_xml_reader_get_attribute (l->r, "section"));
  flexo_palette_entry_set_size (entry, width, height);

  if (!read_children (l, read_style_only, &slot, error))
    return FALSE;
  if (slot.has_style)
    flexo_palette_entry_set_style (entry, &slot.style);

  flexo_palette_add_entry (palette, entry);
  return TRUE;
}

static gboolean
read_palette_child (Loader      *l,
                    const char  *name,
                    gpointer     parent,
                    GError     **error)
{
  if (strcmp (name, "entry") == 0)
    return read_entry (l, parent, error);
  return unexpected (l, name, error);
}

static gboolean
read_palettes_child (Loader      *l,
                     const char  *name,
                     gpointer     parent,
                     GError     **error)
{
  g_autoptr(FlexoPalette) palette = NULL;
  const char *palette_name;

  if (strcmp (name, "palette") != 0)
    return unexpected (l, name, error);

  if ((palette_name = flexo_xml_reader_require_attribute (l->r, "name", error)) == NULL)
    return FALSE;

  palette = flexo_palette_new (NULL, palette_name);
  if (!claim (l, FLEXO_OBJECT (palette), error) ||
      !read_children (l, read_palette_child, palette, error))
    return FALSE;

  g_ptr_array_add (l->top[FLEXO_LIST_PALETTES], g_steal_pointer (&palette));
  return TRUE;
}

/* Model */

static gboolean
read_instance_child (Loader      *l,
                     const char  *name,
                     gpointer     parent,
                     GError     **error)
{
  const char *property;
  char *text;

  if (strcmp (name, "value") != 0)
    return unexpected (l, name, error);

  if ((property = flexo_xml_reader_require_attribute (l->r, "property", error)) == NULL)
    return FALSE;

  /* Reading the text moves on: keep what is needed of the start first. */
  {
    g_autofree char *property_id = g_strdup (property);
    int line = flexo_xml_reader_get_line (l->r);

    text = read_text_element (l, error);
    if (text == NULL)
      return FALSE;

    if (!add_ref (l, parent, REF_VALUE_PROPERTY, property_id, FLEXO_TYPE_PROPERTY, text, error))
      return FALSE;
    g_array_index (l->refs, Ref, l->refs->len - 1).line = line;
  }

  return TRUE;
}

static gboolean
read_model_child (Loader      *l,
                  const char  *name,
                  gpointer     parent,
                  GError     **error)
{
  if (strcmp (name, "instance") == 0)
    {
      g_autoptr(FlexoInstance) instance = flexo_instance_new (NULL, NULL);

      if (!claim (l, FLEXO_OBJECT (instance), error) ||
          !add_required_ref (l, FLEXO_OBJECT (instance), REF_INSTANCE_CONCEPT, "concept", FLEXO_TYPE_CONCEPT, error) ||
          !read_children (l, read_instance_child, instance, error))
        return FALSE;

      g_ptr_array_add (l->top[FLEXO_LIST_INSTANCES], g_steal_pointer (&instance));
      return TRUE;
    }

  if (strcmp (name, "link") == 0)
    {
      g_autoptr(FlexoLink) link = flexo_link_new (NULL, NULL, NULL, NULL);

      if (!claim (l, FLEXO_OBJECT (link), error) ||
          !add_required_ref (l, FLEXO_OBJECT (link), REF_LINK_RELATION, "relation", FLEXO_TYPE_RELATION, error) ||
          !add_required_ref (l, FLEXO_OBJECT (link), REF_LINK_SOURCE, "source", FLEXO_TYPE_INSTANCE, error) ||
          !add_required_ref (l, FLEXO_OBJECT (link), REF_LINK_TARGET, "target", FLEXO_TYPE_INSTANCE, error) ||
          !read_children (l, NULL, NULL, error))
        return FALSE;

      g_ptr_array_add (l->top[FLEXO_LIST_LINKS], g_steal_pointer (&link));
      return TRUE;
    }

  return unexpected (l, name, error);
}

/* Diagrams */

static gboolean
read_shape (Loader        *l,
            FlexoDiagram  *diagram,
            GError       **error)
{
  g_autoptr(FlexoShape) shape = NULL;
  StyleSlot slot = { 0 };
  FlexoRect bounds;
  const char *form;

  if (!get_required_double (l, "x", &bounds.x, error) ||
      !get_required_double (l, "y", &bounds.y, error) ||
      !get_required_double (l, "width", &bounds.width, error) ||
      !get_required_double (l, "height", &bounds.height, error))
    return FALSE;

  if (bounds.width < 0 || bounds.height < 0)
    return fail (l, error, _("negative width or height"));

  shape = flexo_shape_new (NULL, &bounds);
  if (!claim (l, FLEXO_OBJECT (shape), error) ||
      !add_optional_ref (l, FLEXO_OBJECT (shape), REF_SHAPE_INSTANCE, "instance", FLEXO_TYPE_INSTANCE, error) ||
      !add_optional_ref (l, FLEXO_OBJECT (shape), REF_SHAPE_PARENT, "parent", FLEXO_TYPE_SHAPE, error))
    return FALSE;

  flexo_shape_set_text (shape, flexo_xml_reader_get_attribute (l->r, "text"));
  form = flexo_xml_reader_get_attribute (l->r, "form");
  if (form != NULL)
    {
      gsize offset = 0;
      g_autoptr(FlexoPath) path = flexo_path_new_from_data (form, &offset);

      if (path == NULL)
        return fail (l, error, _("the shape’s form is not path data of absolute M, L, C and Z commands "
                                 "(at character %u)"), (guint) MIN (offset + 1, G_MAXUINT));
      if (!flexo_path_is_form (path))
        return fail (l, error, _("the shape’s form is not one outline within its box"));
      flexo_shape_set_form (shape, path);
    }

  if (!read_children (l, read_style_only, &slot, error))
    return FALSE;
  if (slot.has_style)
    flexo_shape_set_style (shape, &slot.style);

  flexo_diagram_add_item (diagram, shape);
  return TRUE;
}

typedef struct
{
  FlexoConnector *connector;
  StyleSlot       style;
  GArray         *points;
} ConnectorCtx;

static gboolean
read_connector_child (Loader      *l,
                      const char  *name,
                      gpointer     parent,
                      GError     **error)
{
  ConnectorCtx *ctx = parent;

  if (strcmp (name, "style") == 0)
    return read_style_child (l, name, &ctx->style.style, &ctx->style.has_style, error);

  if (strcmp (name, "point") == 0)
    {
      FlexoPoint p;

      if (!get_required_double (l, "x", &p.x, error) ||
          !get_required_double (l, "y", &p.y, error) ||
          !read_children (l, NULL, NULL, error))
        return FALSE;
      g_array_append_val (ctx->points, p);
      return TRUE;
    }

  return unexpected (l, name, error);
}

static gboolean
read_connector_end (Loader          *l,
                    FlexoConnector  *connector,
                    gboolean         source,
                    GError         **error)
{
  const char *name = source ? "source" : "target";
  const char *x_name = source ? "source-x" : "target-x";
  const char *y_name = source ? "source-y" : "target-y";
  FlexoPoint p;

  if (flexo_xml_reader_get_attribute (l->r, name) != NULL)
    return add_ref (l, FLEXO_OBJECT (connector),
                    source ? REF_CONNECTOR_SOURCE : REF_CONNECTOR_TARGET,
                    flexo_xml_reader_get_attribute (l->r, name), FLEXO_TYPE_SHAPE, NULL, error);

  if (flexo_xml_reader_get_attribute (l->r, x_name) == NULL)
    return fail (l, error, _("a connector needs %s or %s and %s"), name, x_name, y_name);

  if (!get_required_double (l, x_name, &p.x, error) ||
      !get_required_double (l, y_name, &p.y, error))
    return FALSE;

  if (source)
    flexo_connector_set_source_point (connector, p);
  else
    flexo_connector_set_target_point (connector, p);
  return TRUE;
}

static gboolean
read_connector (Loader        *l,
                FlexoDiagram  *diagram,
                GError       **error)
{
  g_autoptr(FlexoConnector) connector = flexo_connector_new (NULL, NULL, NULL);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (FlexoPoint));
  ConnectorCtx ctx = { connector, { { 0 }, FALSE }, points };

  if (!claim (l, FLEXO_OBJECT (connector), error) ||
      !add_optional_ref (l, FLEXO_OBJECT (connector), REF_CONNECTOR_LINK, "link", FLEXO_TYPE_LINK, error) ||
      !read_connector_end (l, connector, TRUE, error) ||
      !read_connector_end (l, connector, FALSE, error))
    return FALSE;

  flexo_connector_set_label (connector, FLEXO_LABEL_START, flexo_xml_reader_get_attribute (l->r, "label-start"));
  flexo_connector_set_label (connector, FLEXO_LABEL_MIDDLE, flexo_xml_reader_get_attribute (l->r, "label"));
  flexo_connector_set_label (connector, FLEXO_LABEL_END, flexo_xml_reader_get_attribute (l->r, "label-end"));

  if (!read_children (l, read_connector_child, &ctx, error))
    return FALSE;

  if (ctx.style.has_style)
    flexo_connector_set_style (connector, &ctx.style.style);
  if (points->len > 0)
    flexo_connector_set_waypoints (connector, (FlexoPoint *) (gpointer) points->data, points->len);

  flexo_diagram_add_item (diagram, connector);
  return TRUE;
}

static gboolean
read_diagram_child (Loader      *l,
                    const char  *name,
                    gpointer     parent,
                    GError     **error)
{
  if (strcmp (name, "shape") == 0)
    return read_shape (l, parent, error);
  if (strcmp (name, "connector") == 0)
    return read_connector (l, parent, error);
  return unexpected (l, name, error);
}

static gboolean
read_diagrams_child (Loader      *l,
                     const char  *name,
                     gpointer     parent,
                     GError     **error)
{
  g_autoptr(FlexoDiagram) diagram = NULL;
  const char *diagram_name;

  if (strcmp (name, "diagram") != 0)
    return unexpected (l, name, error);

  if ((diagram_name = flexo_xml_reader_require_attribute (l->r, "name", error)) == NULL)
    return FALSE;

  diagram = flexo_diagram_new (NULL, diagram_name);
  if (!claim (l, FLEXO_OBJECT (diagram), error) ||
      !read_children (l, read_diagram_child, diagram, error))
    return FALSE;

  g_ptr_array_add (l->top[FLEXO_LIST_DIAGRAMS], g_steal_pointer (&diagram));
  return TRUE;
}

/* The root */

static gboolean
read_root_child (Loader      *l,
                 const char  *name,
                 gpointer     parent,
                 GError     **error)
{
  guint *seen = parent;
  static const char * const sections[] = { "metamodel", "palettes", "model", "diagrams" };
  static const ChildFunc readers[] = {
    read_metamodel_child, read_palettes_child, read_model_child, read_diagrams_child,
  };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (strcmp (name, sections[i]) == 0)
      {
        if (*seen & (1u << i))
          return fail (l, error, _("more than one <%s>"), name);
        if (*seen >> i)
          return fail (l, error, _("<%s> comes after the sections it precedes"), name);
        *seen |= 1u << i;
        return read_children (l, readers[i], NULL, error);
      }

  return unexpected (l, name, error);
}

/* The migration hook: brings what a file of an older version says up to
 * the current model. Version 1 is the first, so there is nothing yet. */
static gboolean
migrate (Loader  *l,
         GError **error)
{
  switch (l->version)
    {
    case FLEXO_NATIVE_VERSION:
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_root (Loader  *l,
           GError **error)
{
  GError *local_error = NULL;
  guint seen = 0;
  int next_id = 0;

  if (!flexo_xml_reader_next_element (l->r, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        fail (l, error, _("the file is empty"));
      return FALSE;
    }

  if (strcmp (flexo_xml_reader_get_name (l->r), "flexo") != 0)
    return fail (l, error, _("not a Flexo document: the root element is <%s>, expected <flexo>"),
                 flexo_xml_reader_get_name (l->r));

  if (flexo_xml_reader_require_attribute (l->r, "version", error) == NULL ||
      !flexo_xml_reader_get_int (l->r, "version", &l->version, error))
    return FALSE;

  if (l->version > FLEXO_NATIVE_VERSION)
    return fail (l, error, _("version %d of the format is newer than this Flexo reads (up to %d): update Flexo"),
                 l->version, FLEXO_NATIVE_VERSION);
  if (l->version < 1)
    return fail (l, error, _("unknown version %d of the format"), l->version);

  if (flexo_xml_reader_get_attribute (l->r, "next-id") != NULL &&
      !flexo_xml_reader_get_int (l->r, "next-id", &next_id, error))
    return FALSE;
  if (next_id > 0)
    flexo_document_reserve_ids (l->doc, (guint) next_id);

  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "uuid" : "origin";
      const char *uuid = flexo_xml_reader_get_attribute (l->r, name);

      if (uuid == NULL)
        continue;
      if (!g_uuid_string_is_valid (uuid))
        return fail (l, error, _("the attribute %s is not a UUID: “%s”"), name, uuid);
      if (i == 0)
        flexo_document_set_uuid (l->doc, uuid);
      else
        flexo_document_set_origin (l->doc, uuid);
    }

  if (!read_children (l, read_root_child, &seen, error))
    return FALSE;

  /* Nothing may follow the root element. */
  if (flexo_xml_reader_next_element (l->r, &local_error))
    return fail (l, error, _("unexpected element <%s> after </flexo>"), flexo_xml_reader_get_name (l->r));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return migrate (l, error);
}

/* References */

static const struct
{
  GType     (*type) (void);
  const char *what;
} ref_targets[] = {
  [REF_CONCEPT_PARENT] = { flexo_concept_get_type, N_("concept") },
  [REF_PROPERTY_TARGET] = { flexo_concept_get_type, N_("concept") },
  [REF_RELATION_SOURCE] = { flexo_concept_get_type, N_("concept") },
  [REF_RELATION_TARGET] = { flexo_concept_get_type, N_("concept") },
  [REF_ENTRY_CONCEPT] = { flexo_concept_get_type, N_("concept") },
  [REF_ENTRY_RELATION] = { flexo_relation_get_type, N_("relation") },
  [REF_INSTANCE_CONCEPT] = { flexo_concept_get_type, N_("concept") },
  [REF_VALUE_PROPERTY] = { flexo_property_get_type, N_("property") },
  [REF_LINK_RELATION] = { flexo_relation_get_type, N_("relation") },
  [REF_LINK_SOURCE] = { flexo_instance_get_type, N_("instance") },
  [REF_LINK_TARGET] = { flexo_instance_get_type, N_("instance") },
  [REF_SHAPE_INSTANCE] = { flexo_instance_get_type, N_("instance") },
  [REF_SHAPE_PARENT] = { flexo_shape_get_type, N_("shape") },
  [REF_CONNECTOR_LINK] = { flexo_link_get_type, N_("link") },
  [REF_CONNECTOR_SOURCE] = { flexo_shape_get_type, N_("shape") },
  [REF_CONNECTOR_TARGET] = { flexo_shape_get_type, N_("shape") },
};

static gboolean
resolve (Loader  *l,
         Ref     *ref,
         GError **error)
{
  FlexoObject *target = g_hash_table_lookup (l->ids, GUINT_TO_POINTER (ref->id));
  FlexoObject *object = ref->object;
  g_autofree char *message = NULL;

  if (target == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (target, ref_targets[ref->kind].type ()))
    {
      const char *prefix = prefix_of (ref_targets[ref->kind].type ());

      message = g_strdup_printf (_("no %s with id “%s%u”"),
                                 _(ref_targets[ref->kind].what), prefix, ref->id);
      return fail_at (l, error, ref->line, message);
    }

  switch ((RefKind) ref->kind)
    {
    case REF_CONCEPT_PARENT:
      {
        GPtrArray *parents = flexo_concept_get_parents (FLEXO_CONCEPT (object));
        g_autoptr(GPtrArray) new_parents = g_ptr_array_new ();

        for (guint i = 0; parents != NULL && i < parents->len; i++)
          g_ptr_array_add (new_parents, g_ptr_array_index (parents, i));
        if (g_ptr_array_find (new_parents, target, NULL))
          return fail_at (l, error, ref->line, _("the same parent is listed twice"));
        if (flexo_concept_is_a (FLEXO_CONCEPT (target), FLEXO_CONCEPT (object)))
          return fail_at (l, error, ref->line, _("a concept cannot inherit from itself"));
        g_ptr_array_add (new_parents, target);
        flexo_concept_set_parents (FLEXO_CONCEPT (object), new_parents);
      }
      break;
    case REF_PROPERTY_TARGET:
      flexo_property_set_target (FLEXO_PROPERTY (object), target);
      break;
    case REF_RELATION_SOURCE:
      flexo_relation_set_source (FLEXO_RELATION (object), FLEXO_CONCEPT (target));
      break;
    case REF_RELATION_TARGET:
      flexo_relation_set_target (FLEXO_RELATION (object), FLEXO_CONCEPT (target));
      break;
    case REF_ENTRY_CONCEPT:
      flexo_palette_entry_set_concept (FLEXO_PALETTE_ENTRY (object), FLEXO_CONCEPT (target));
      break;
    case REF_ENTRY_RELATION:
      flexo_palette_entry_set_relation (FLEXO_PALETTE_ENTRY (object), FLEXO_RELATION (target));
      break;
    case REF_INSTANCE_CONCEPT:
      flexo_instance_set_concept (FLEXO_INSTANCE (object), FLEXO_CONCEPT (target));
      break;
    case REF_VALUE_PROPERTY:
      if (flexo_instance_get_value (FLEXO_INSTANCE (object), FLEXO_PROPERTY (target)) != NULL)
        return fail_at (l, error, ref->line, _("a second value for the same property"));
      flexo_instance_set_value (FLEXO_INSTANCE (object), FLEXO_PROPERTY (target), ref->text);
      break;
    case REF_LINK_RELATION:
      flexo_link_set_relation (FLEXO_LINK (object), FLEXO_RELATION (target));
      break;
    case REF_LINK_SOURCE:
      flexo_link_set_source (FLEXO_LINK (object), FLEXO_INSTANCE (target));
      break;
    case REF_LINK_TARGET:
      flexo_link_set_target (FLEXO_LINK (object), FLEXO_INSTANCE (target));
      break;
    case REF_SHAPE_INSTANCE:
      flexo_shape_set_instance (FLEXO_SHAPE (object), FLEXO_INSTANCE (target));
      break;
    case REF_SHAPE_PARENT:
      if (flexo_shape_get_diagram (FLEXO_SHAPE (target)) != flexo_shape_get_diagram (FLEXO_SHAPE (object)))
        return fail_at (l, error, ref->line, _("the parent shape is in another diagram"));
      if (flexo_shape_is_inside (FLEXO_SHAPE (target), FLEXO_SHAPE (object)))
        return fail_at (l, error, ref->line, _("a shape cannot be inside itself"));
      flexo_shape_set_parent (FLEXO_SHAPE (object), FLEXO_SHAPE (target));
      break;
    case REF_CONNECTOR_LINK:
      flexo_connector_set_link (FLEXO_CONNECTOR (object), FLEXO_LINK (target));
      break;
    case REF_CONNECTOR_SOURCE:
    case REF_CONNECTOR_TARGET:
      if (flexo_shape_get_diagram (FLEXO_SHAPE (target)) != flexo_connector_get_diagram (FLEXO_CONNECTOR (object)))
        return fail_at (l, error, ref->line, _("the connector’s end is a shape of another diagram"));
      if (ref->kind == REF_CONNECTOR_SOURCE)
        flexo_connector_set_source (FLEXO_CONNECTOR (object), FLEXO_SHAPE (target));
      else
        flexo_connector_set_target (FLEXO_CONNECTOR (object), FLEXO_SHAPE (target));
      break;
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static FlexoDocument *
load (FlexoXmlReader  *reader,
      GError         **error)
{
  g_autoptr(FlexoDocument) doc = flexo_document_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (Ref));
  Loader l = { 0 };
  gboolean ok;

  g_array_set_clear_func (refs, ref_clear);

  l.r = reader;
  l.doc = doc;
  l.ids = ids;
  l.lines = lines;
  l.refs = refs;
  for (guint i = 0; i < G_N_ELEMENTS (l.top); i++)
    l.top[i] = g_ptr_array_new_with_free_func (g_object_unref);

  ok = read_root (&l, error);
  for (guint i = 0; ok && i < refs->len; i++)
    ok = resolve (&l, &g_array_index (refs, Ref, i), error);

  if (ok)
    {
      /* Everything checked: the document takes it all at once. */
      flexo_document_begin (doc, NULL);
      for (guint list = 0; list < G_N_ELEMENTS (l.top); list++)
        for (guint i = 0; i < l.top[list]->len; i++)
          flexo_object_insert_child (FLEXO_OBJECT (doc), list, -1, g_ptr_array_index (l.top[list], i));
      flexo_document_commit (doc);
      flexo_document_clear_history (doc);
      flexo_document_set_saved (doc);
    }

  for (guint i = 0; i < G_N_ELEMENTS (l.top); i++)
    g_ptr_array_unref (l.top[i]);

  return ok ? g_steal_pointer (&doc) : NULL;
}

FlexoDocument *
flexo_native_load_bytes (GBytes      *bytes,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(FlexoXmlReader) reader = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (display_name == NULL)
    display_name = "<memory>";

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error (error, FLEXO_XML_ERROR, FLEXO_XML_ERROR_INVALID, "%s:1: %s",
                   display_name, _("the file is empty"));
      return NULL;
    }

  reader = flexo_xml_reader_new_for_bytes (bytes, display_name, error);
  return reader != NULL ? load (reader, error) : NULL;
}

/* Streams the file (gzip or not) rather than mapping it, so that a file
 * cut short while it is read is an error, not a crash. */
FlexoDocument *
flexo_native_load_path (const char  *path,
                        GError     **error)
{
  g_autoptr(FlexoXmlReader) reader = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0)
    {
      g_set_error (error, FLEXO_XML_ERROR, FLEXO_XML_ERROR_INVALID, "%s:1: %s",
                   path, _("the file is empty"));
      return NULL;
    }

  reader = flexo_xml_reader_new_for_path (path, error);
  return reader != NULL ? load (reader, error) : NULL;
}
