/* flexo-format-native-write.c — writing the .flexo format
 *
 * Canonical: sections, objects and attributes always in the same order,
 * one element per line, ids as they are, numbers in their shortest exact
 * form. Only what is in the document is written: the ids that undone or
 * deleted objects used are not (a reader gives new objects ids above the
 * highest it read). The same document always gives the same bytes, so files diff and
 * merge well under version control.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-format-native-private.h"
#include "flexo-model.h"
#include "flexo-xml.h"

static const char *
nonnull (const char *s)
{
  return s != NULL ? s : "";
}

static void
write_id (FlexoXmlWriter *w,
          const char     *name,
          gpointer        object)
{
  g_autofree char *id = NULL;

  if (object == NULL)
    return;

  id = flexo_object_dup_id_string (object);
  flexo_xml_writer_attribute (w, name, id);
}

static void
write_optional (FlexoXmlWriter *w,
                const char     *name,
                const char     *value)
{
  if (value != NULL)
    flexo_xml_writer_attribute (w, name, value);
}

static void
write_boolean (FlexoXmlWriter *w,
               const char     *name,
               gboolean        value)
{
  if (value)
    flexo_xml_writer_attribute (w, name, "true");
}

static void
write_multiplicity (FlexoXmlWriter *w,
                    int             min,
                    int             max,
                    int             default_min,
                    int             default_max)
{
  if (min != default_min)
    flexo_xml_writer_attribute_int (w, "min", min);
  if (max != default_max)
    {
      if (max == FLEXO_MANY)
        flexo_xml_writer_attribute (w, "max", "*");
      else
        flexo_xml_writer_attribute_int (w, "max", max);
    }
}

static void
write_style_attribute (const char *name,
                       const char *value,
                       gpointer    user_data)
{
  flexo_xml_writer_attribute (user_data, name, value);
}

static void
write_style (FlexoXmlWriter   *w,
             const FlexoStyle *style)
{
  if (flexo_style_is_empty (style))
    return;

  flexo_xml_writer_start_element (w, "style");
  flexo_style_foreach_attribute (style, write_style_attribute, w);
  flexo_xml_writer_end_element (w);
}

static void
write_property (FlexoXmlWriter *w,
                FlexoProperty  *property)
{
  const char * const *options = flexo_property_get_enum_values (property);

  flexo_xml_writer_start_element (w, "property");
  write_id (w, "id", property);
  flexo_xml_writer_attribute (w, "name", nonnull (flexo_property_get_name (property)));
  flexo_xml_writer_attribute (w, "type", flexo_property_type_to_string (flexo_property_get_value_type (property)));
  write_optional (w, "default", flexo_property_get_default (property));
  write_boolean (w, "required", flexo_property_get_required (property));
  write_boolean (w, "unique", flexo_property_get_unique (property));
  write_id (w, "target", flexo_property_get_target (property));
  write_multiplicity (w, flexo_property_get_min (property), flexo_property_get_max (property), 0, 1);

  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    {
      flexo_xml_writer_start_element (w, "option");
      flexo_xml_writer_text (w, options[i]);
      flexo_xml_writer_end_element (w);
    }

  flexo_xml_writer_end_element (w);
}

static void
write_concept (FlexoXmlWriter *w,
               FlexoConcept   *concept)
{
  GPtrArray *parents = flexo_concept_get_parents (concept);
  GPtrArray *properties = flexo_concept_get_properties (concept);

  flexo_xml_writer_start_element (w, "concept");
  write_id (w, "id", concept);
  flexo_xml_writer_attribute (w, "name", nonnull (flexo_concept_get_name (concept)));
  write_optional (w, "label", flexo_concept_get_label (concept));
  write_optional (w, "description", flexo_concept_get_description (concept));
  if (parents != NULL && parents->len > 0)
    {
      GString *ids = g_string_new (NULL);

      for (guint i = 0; i < parents->len; i++)
        {
          g_autofree char *id = flexo_object_dup_id_string (g_ptr_array_index (parents, i));

          if (i > 0)
            g_string_append_c (ids, ' ');
          g_string_append (ids, id);
        }
      flexo_xml_writer_attribute (w, "parents", ids->str);
      g_string_free (ids, TRUE);
    }
  write_boolean (w, "abstract", flexo_concept_get_abstract (concept));
  write_style (w, flexo_concept_get_style (concept));

  for (guint i = 0; i < properties->len; i++)
    write_property (w, g_ptr_array_index (properties, i));

  flexo_xml_writer_end_element (w);
}

static void
write_relation (FlexoXmlWriter *w,
                FlexoRelation  *relation)
{
  flexo_xml_writer_start_element (w, "relation");
  write_id (w, "id", relation);
  flexo_xml_writer_attribute (w, "name", nonnull (flexo_relation_get_name (relation)));
  write_id (w, "source", flexo_relation_get_source (relation));
  write_id (w, "target", flexo_relation_get_target (relation));
  write_multiplicity (w, flexo_relation_get_min (relation), flexo_relation_get_max (relation), 0, FLEXO_MANY);
  write_boolean (w, "containment", flexo_relation_get_containment (relation));
  write_style (w, flexo_relation_get_style (relation));
  flexo_xml_writer_end_element (w);
}

static void
write_palette (FlexoXmlWriter *w,
               FlexoPalette   *palette)
{
  GPtrArray *entries = flexo_palette_get_entries (palette);

  flexo_xml_writer_start_element (w, "palette");
  write_id (w, "id", palette);
  flexo_xml_writer_attribute (w, "name", nonnull (flexo_palette_get_name (palette)));

  for (guint i = 0; i < entries->len; i++)
    {
      FlexoPaletteEntry *entry = g_ptr_array_index (entries, i);
      double width, height;

      flexo_palette_entry_get_size (entry, &width, &height);
      flexo_xml_writer_start_element (w, "entry");
      write_id (w, "id", entry);
      write_optional (w, "label", flexo_palette_entry_get_label (entry));
      write_optional (w, "section", flexo_palette_entry_get_section (entry));
      write_id (w, "concept", flexo_palette_entry_get_concept (entry));
      write_id (w, "relation", flexo_palette_entry_get_relation (entry));
      if (width > 0 || height > 0)
        {
          flexo_xml_writer_attribute_double (w, "width", width);
          flexo_xml_writer_attribute_double (w, "height", height);
        }
      write_style (w, flexo_palette_entry_get_style (entry));
      flexo_xml_writer_end_element (w);
    }

  flexo_xml_writer_end_element (w);
}

static void
write_instance (FlexoXmlWriter *w,
                FlexoInstance  *instance)
{
  guint n = flexo_instance_get_n_values (instance);

  flexo_xml_writer_start_element (w, "instance");
  write_id (w, "id", instance);
  write_id (w, "concept", flexo_instance_get_concept (instance));

  for (guint i = 0; i < n; i++)
    {
      FlexoProperty *property;
      const char *value;

      flexo_instance_get_nth_value (instance, i, &property, &value);
      flexo_xml_writer_start_element (w, "value");
      write_id (w, "property", property);
      flexo_xml_writer_text (w, value);
      flexo_xml_writer_end_element (w);
    }

  flexo_xml_writer_end_element (w);
}

static void
write_link (FlexoXmlWriter *w,
            FlexoLink      *link)
{
  flexo_xml_writer_start_element (w, "link");
  write_id (w, "id", link);
  write_id (w, "relation", flexo_link_get_relation (link));
  write_id (w, "source", flexo_link_get_source (link));
  write_id (w, "target", flexo_link_get_target (link));
  flexo_xml_writer_end_element (w);
}

static void
write_shape (FlexoXmlWriter *w,
             FlexoShape     *shape)
{
  const FlexoRect *bounds = flexo_shape_get_bounds (shape);

  flexo_xml_writer_start_element (w, "shape");
  write_id (w, "id", shape);
  write_id (w, "instance", flexo_shape_get_instance (shape));
  write_id (w, "parent", flexo_shape_get_parent (shape));
  flexo_xml_writer_attribute_double (w, "x", bounds->x);
  flexo_xml_writer_attribute_double (w, "y", bounds->y);
  flexo_xml_writer_attribute_double (w, "width", bounds->width);
  flexo_xml_writer_attribute_double (w, "height", bounds->height);
  write_optional (w, "text", flexo_shape_get_text (shape));
  write_optional (w, "form", flexo_shape_get_form_data (shape));
  write_style (w, flexo_shape_get_style (shape));
  flexo_xml_writer_end_element (w);
}

static void
write_end (FlexoXmlWriter *w,
           const char     *name,
           FlexoShape     *shape,
           FlexoPoint      point)
{
  gboolean source = g_str_equal (name, "source");

  if (shape != NULL)
    {
      write_id (w, name, shape);
      return;
    }

  flexo_xml_writer_attribute_double (w, source ? "source-x" : "target-x", point.x);
  flexo_xml_writer_attribute_double (w, source ? "source-y" : "target-y", point.y);
}

static void
write_connector (FlexoXmlWriter *w,
                 FlexoConnector *connector)
{
  GArray *points = flexo_connector_get_waypoints (connector);

  flexo_xml_writer_start_element (w, "connector");
  write_id (w, "id", connector);
  write_id (w, "link", flexo_connector_get_link (connector));
  write_end (w, "source", flexo_connector_get_source (connector),
             flexo_connector_get_source_point (connector));
  write_end (w, "target", flexo_connector_get_target (connector),
             flexo_connector_get_target_point (connector));
  write_optional (w, "label-start", flexo_connector_get_label (connector, FLEXO_LABEL_START));
  write_optional (w, "label", flexo_connector_get_label (connector, FLEXO_LABEL_MIDDLE));
  write_optional (w, "label-end", flexo_connector_get_label (connector, FLEXO_LABEL_END));
  write_style (w, flexo_connector_get_style (connector));

  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      FlexoPoint p = g_array_index (points, FlexoPoint, i);

      flexo_xml_writer_start_element (w, "point");
      flexo_xml_writer_attribute_double (w, "x", p.x);
      flexo_xml_writer_attribute_double (w, "y", p.y);
      flexo_xml_writer_end_element (w);
    }

  flexo_xml_writer_end_element (w);
}

static void
write_diagram (FlexoXmlWriter *w,
               FlexoDiagram   *diagram)
{
  GPtrArray *items = flexo_diagram_get_items (diagram);

  flexo_xml_writer_start_element (w, "diagram");
  write_id (w, "id", diagram);
  flexo_xml_writer_attribute (w, "name", nonnull (flexo_diagram_get_name (diagram)));

  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      if (FLEXO_IS_SHAPE (item))
        write_shape (w, item);
      else
        write_connector (w, item);
    }

  flexo_xml_writer_end_element (w);
}

typedef void (*WriteFunc) (FlexoXmlWriter *w,
                           gpointer        object);

static void
write_list (FlexoXmlWriter *w,
            GPtrArray      *objects,
            WriteFunc       func)
{
  for (guint i = 0; i < objects->len; i++)
    func (w, g_ptr_array_index (objects, i));
}

GBytes *
flexo_native_save_bytes (FlexoDocument *document)
{
  g_autoptr(FlexoXmlWriter) w = flexo_xml_writer_new ();

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (document), NULL);

  flexo_xml_writer_start_element (w, "flexo");
  flexo_xml_writer_attribute_int (w, "version", FLEXO_NATIVE_VERSION);
  write_optional (w, "uuid", flexo_document_get_uuid (document));
  write_optional (w, "origin", flexo_document_get_origin (document));

  flexo_xml_writer_start_element (w, "metamodel");
  write_list (w, flexo_document_get_concepts (document), (WriteFunc) write_concept);
  write_list (w, flexo_document_get_relations (document), (WriteFunc) write_relation);
  flexo_xml_writer_end_element (w);

  flexo_xml_writer_start_element (w, "palettes");
  write_list (w, flexo_document_get_palettes (document), (WriteFunc) write_palette);
  flexo_xml_writer_end_element (w);

  flexo_xml_writer_start_element (w, "model");
  write_list (w, flexo_document_get_instances (document), (WriteFunc) write_instance);
  write_list (w, flexo_document_get_links (document), (WriteFunc) write_link);
  flexo_xml_writer_end_element (w);

  flexo_xml_writer_start_element (w, "diagrams");
  write_list (w, flexo_document_get_diagrams (document), (WriteFunc) write_diagram);
  flexo_xml_writer_end_element (w);

  flexo_xml_writer_end_element (w);

  return flexo_xml_writer_finish (w);
}
