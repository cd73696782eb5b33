/* flexo-fragment.c — diagram items copied out of their document
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-fragment.h"
#include "flexo-model.h"

/* Copies of diagram items from one diagram into another. */
typedef struct
{
  FlexoDocument *document;      /* where the copies go */
  FlexoDiagram  *diagram;
  double         dx, dy;
  GHashTable    *model;         /* concept, relation, property, instance, link → its counterpart */
  gboolean       same_model;    /* what @model lacks is shown as it is */
  GHashTable    *copies;        /* original item → copy */
} Copier;

/* ------------------------------------------------------------ helpers -- */

static gpointer
map_model (Copier   *c,
           gpointer  object)
{
  gpointer mapped;

  if (object == NULL)
    return NULL;

  mapped = g_hash_table_lookup (c->model, object);
  if (mapped == NULL && c->same_model)
    return object;
  return mapped;
}

/* The live object of @document with the id of @object (from another
 * document), when it is of the same class. */
static gpointer
lookup_same_id (FlexoDocument *document,
                gpointer       object)
{
  FlexoObject *found = flexo_document_lookup (document, flexo_object_get_id (object));

  if (found == NULL || G_OBJECT_TYPE (found) != G_OBJECT_TYPE (object) || !flexo_object_is_live (found))
    return NULL;
  return found;
}

static void
insert_all (FlexoDocument *document,
            FlexoList      list,
            GPtrArray     *objects)
{
  for (guint i = 0; i < objects->len; i++)
    flexo_object_insert_child (FLEXO_OBJECT (document), list, -1, g_ptr_array_index (objects, i));
}

/* ------------------------------------------------------ metamodel copy -- */

/* A copy of @property for @document (not yet in a concept), with @id
 * when not 0; its target concept is set later. */
static FlexoProperty *
copy_property (FlexoDocument *document,
               FlexoProperty *property,
               guint          id)
{
  FlexoProperty *copy = flexo_property_new (id != 0 ? NULL : document,
                                            flexo_property_get_name (property),
                                            flexo_property_get_value_type (property));

  if (id != 0)
    flexo_document_claim_id (document, FLEXO_OBJECT (copy), id);
  flexo_property_set_default (copy, flexo_property_get_default (property));
  flexo_property_set_required (copy, flexo_property_get_required (property));
  flexo_property_set_unique (copy, flexo_property_get_unique (property));
  flexo_property_set_enum_values (copy, flexo_property_get_enum_values (property));
  flexo_property_set_multiplicity (copy, flexo_property_get_min (property), flexo_property_get_max (property));
  return copy;
}

/* A copy of @concept and its properties for @document, recorded in @map;
 * with the same ids when @keep_ids. Parents and reference targets are set
 * by link_concept() once every concept has its copy. */
static FlexoConcept *
copy_concept (FlexoDocument *document,
              FlexoConcept  *concept,
              gboolean       keep_ids,
              GHashTable    *map)
{
  FlexoConcept *copy = flexo_concept_new (keep_ids ? NULL : document, flexo_concept_get_name (concept));
  GPtrArray *properties = flexo_concept_get_properties (concept);

  if (keep_ids)
    flexo_document_claim_id (document, FLEXO_OBJECT (copy), flexo_object_get_id (FLEXO_OBJECT (concept)));
  flexo_concept_set_label (copy, flexo_concept_get_label (concept));
  flexo_concept_set_description (copy, flexo_concept_get_description (concept));
  flexo_concept_set_abstract (copy, flexo_concept_get_abstract (concept));
  if (flexo_concept_get_style (concept) != NULL)
    flexo_concept_set_style (copy, flexo_concept_get_style (concept));

  for (guint i = 0; i < properties->len; i++)
    {
      FlexoProperty *property = g_ptr_array_index (properties, i);
      g_autoptr(FlexoProperty) property_copy =
        copy_property (document, property, keep_ids ? flexo_object_get_id (FLEXO_OBJECT (property)) : 0);

      flexo_concept_add_property (copy, property_copy);
      g_hash_table_insert (map, property, property_copy);
    }

  g_hash_table_insert (map, concept, copy);
  return copy;
}

/* Gives the copy of @concept the copies of its parents and its reference
 * properties their targets' copies (those that have one). */
static void
link_concept (FlexoConcept *concept,
              GHashTable   *map)
{
  FlexoConcept *copy = g_hash_table_lookup (map, concept);
  GPtrArray *parents = flexo_concept_get_parents (concept);
  GPtrArray *properties = flexo_concept_get_properties (concept);

  if (parents != NULL && parents->len > 0)
    {
      g_autoptr(GPtrArray) mapped = g_ptr_array_new ();

      for (guint i = 0; i < parents->len; i++)
        {
          FlexoConcept *parent = g_hash_table_lookup (map, g_ptr_array_index (parents, i));

          if (parent != NULL && !g_ptr_array_find (mapped, parent, NULL) &&
              !flexo_concept_is_a (parent, copy))
            g_ptr_array_add (mapped, parent);
        }
      flexo_concept_set_parents (copy, mapped);
    }

  for (guint i = 0; i < properties->len; i++)
    {
      FlexoProperty *property = g_ptr_array_index (properties, i);
      FlexoProperty *property_copy = g_hash_table_lookup (map, property);

      if (property_copy != NULL && flexo_property_get_target (property) != NULL)
        flexo_property_set_target (property_copy, g_hash_table_lookup (map, flexo_property_get_target (property)));
    }
}

static FlexoRelation *
copy_relation (FlexoDocument *document,
               FlexoRelation *relation,
               gboolean       keep_ids,
               GHashTable    *map)
{
  FlexoRelation *copy = flexo_relation_new (keep_ids ? NULL : document,
                                            flexo_relation_get_name (relation),
                                            g_hash_table_lookup (map, flexo_relation_get_source (relation)),
                                            g_hash_table_lookup (map, flexo_relation_get_target (relation)));

  if (keep_ids)
    flexo_document_claim_id (document, FLEXO_OBJECT (copy), flexo_object_get_id (FLEXO_OBJECT (relation)));
  flexo_relation_set_multiplicity (copy, flexo_relation_get_min (relation), flexo_relation_get_max (relation));
  flexo_relation_set_containment (copy, flexo_relation_get_containment (relation));
  if (flexo_relation_get_style (relation) != NULL)
    flexo_relation_set_style (copy, flexo_relation_get_style (relation));
  g_hash_table_insert (map, relation, copy);
  return copy;
}

/* ---------------------------------------------------------- item copy -- */

static int
compare_position (gconstpointer a,
                  gconstpointer b,
                  gpointer      diagram)
{
  int za = flexo_diagram_get_item_position (diagram, *(gpointer *) a);
  int zb = flexo_diagram_get_item_position (diagram, *(gpointer *) b);

  return (za > zb) - (za < zb);
}

/* The items of @items that are in @diagram, once each, bottom first. */
static GPtrArray *
sort_items (FlexoDiagram *diagram,
            GPtrArray    *items)
{
  GPtrArray *sorted = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      if ((FLEXO_IS_SHAPE (item) || FLEXO_IS_CONNECTOR (item)) &&
          flexo_diagram_get_item_position (diagram, item) >= 0 &&
          g_hash_table_add (seen, item))
        g_ptr_array_add (sorted, item);
    }
  g_ptr_array_sort_with_data (sorted, compare_position, diagram);
  return sorted;
}

/* Whether a copy of @connector goes with the shapes of @shapes: each end
 * is free or on one of them. */
static gboolean
connector_goes_with (FlexoConnector *connector,
                     GHashTable     *shapes)
{
  FlexoShape *source = flexo_connector_get_source (connector);
  FlexoShape *target = flexo_connector_get_target (connector);

  return (source == NULL || g_hash_table_contains (shapes, source)) &&
         (target == NULL || g_hash_table_contains (shapes, target));
}

static FlexoPoint
moved (Copier     *c,
       FlexoPoint  p)
{
  return FLEXO_POINT_INIT (p.x + c->dx, p.y + c->dy);
}

static FlexoShape *
copy_shape (Copier     *c,
            FlexoShape *shape)
{
  FlexoRect r = *flexo_shape_get_bounds (shape);
  FlexoShape *copy;

  r.x += c->dx;
  r.y += c->dy;
  copy = flexo_shape_new (c->document, &r);
  flexo_shape_set_text (copy, flexo_shape_get_text (shape));
  flexo_shape_set_form (copy, flexo_shape_get_form (shape));
  if (flexo_shape_get_style (shape) != NULL)
    flexo_shape_set_style (copy, flexo_shape_get_style (shape));
  flexo_shape_set_instance (copy, map_model (c, flexo_shape_get_instance (shape)));
  return copy;
}

static FlexoConnector *
copy_connector (Copier         *c,
                FlexoConnector *connector)
{
  FlexoShape *source = flexo_connector_get_source (connector);
  FlexoShape *target = flexo_connector_get_target (connector);
  GArray *waypoints = flexo_connector_get_waypoints (connector);
  FlexoConnector *copy;

  copy = flexo_connector_new (c->document,
                              source != NULL ? g_hash_table_lookup (c->copies, source) : NULL,
                              target != NULL ? g_hash_table_lookup (c->copies, target) : NULL);
  flexo_connector_set_source_point (copy, moved (c, flexo_connector_get_source_point (connector)));
  flexo_connector_set_target_point (copy, moved (c, flexo_connector_get_target_point (connector)));
  if (waypoints != NULL && waypoints->len > 0)
    {
      g_autoptr(GArray) points = g_array_sized_new (FALSE, FALSE, sizeof (FlexoPoint), waypoints->len);

      for (guint k = 0; k < waypoints->len; k++)
        {
          FlexoPoint p = moved (c, g_array_index (waypoints, FlexoPoint, k));

          g_array_append_val (points, p);
        }
      flexo_connector_set_waypoints (copy, (FlexoPoint *) (gpointer) points->data, points->len);
    }
  for (FlexoLabelPosition pos = 0; pos < FLEXO_N_LABELS; pos++)
    flexo_connector_set_label (copy, pos, flexo_connector_get_label (connector, pos));
  if (flexo_connector_get_style (connector) != NULL)
    flexo_connector_set_style (copy, flexo_connector_get_style (connector));
  flexo_connector_set_link (copy, map_model (c, flexo_connector_get_link (connector)));
  return copy;
}

/* Copies @items of @source into @c's diagram, above what it holds, in
 * their z-order; returns the copies, bottom first. */
static GPtrArray *
copy_items (Copier       *c,
            FlexoDiagram *source,
            GPtrArray    *items)
{
  g_autoptr(GPtrArray) sorted = sort_items (source, items);
  GPtrArray *created = g_ptr_array_new ();
  guint base = flexo_diagram_get_items (c->diagram)->len;
  guint placed = 0;

  /* The shapes first, so that connectors find their ends… */
  for (guint i = 0; i < sorted->len; i++)
    {
      gpointer item = g_ptr_array_index (sorted, i);
      g_autoptr(FlexoShape) copy = NULL;

      if (!FLEXO_IS_SHAPE (item))
        continue;
      copy = copy_shape (c, item);
      g_hash_table_insert (c->copies, item, copy);
      flexo_diagram_add_item (c->diagram, copy);
    }
  for (guint i = 0; i < sorted->len; i++)
    {
      gpointer item = g_ptr_array_index (sorted, i);
      FlexoShape *parent;

      if (FLEXO_IS_SHAPE (item) &&
          (parent = flexo_shape_get_parent (item)) != NULL &&
          (parent = g_hash_table_lookup (c->copies, parent)) != NULL)
        flexo_shape_set_parent (g_hash_table_lookup (c->copies, item), parent);
    }

  /* …then each connector at its place among them. */
  for (guint i = 0; i < sorted->len; i++)
    {
      gpointer item = g_ptr_array_index (sorted, i);

      if (FLEXO_IS_CONNECTOR (item))
        {
          g_autoptr(FlexoConnector) copy = NULL;

          if (!connector_goes_with (item, c->copies))
            continue;
          copy = copy_connector (c, item);
          g_hash_table_insert (c->copies, item, copy);
          flexo_object_insert_child (FLEXO_OBJECT (c->diagram), FLEXO_LIST_ITEMS, base + placed, FLEXO_OBJECT (copy));
        }
      placed++;
      g_ptr_array_add (created, g_hash_table_lookup (c->copies, item));
    }

  return created;
}

/* -------------------------------------------------------------- copy -- */

/* What the copied items show, and what that needs. */
typedef struct
{
  GHashTable *concepts;
  GHashTable *relations;
  GHashTable *instances;
  GHashTable *links;
} Needs;

static void
need_concept (Needs        *needs,
              FlexoConcept *concept)
{
  GPtrArray *parents, *properties;

  if (concept == NULL || !g_hash_table_add (needs->concepts, concept))
    return;

  parents = flexo_concept_get_parents (concept);
  for (guint i = 0; parents != NULL && i < parents->len; i++)
    need_concept (needs, g_ptr_array_index (parents, i));
  properties = flexo_concept_get_properties (concept);
  for (guint i = 0; i < properties->len; i++)
    need_concept (needs, flexo_property_get_target (g_ptr_array_index (properties, i)));
}

static void
need_instance (Needs         *needs,
               FlexoInstance *instance)
{
  if (instance != NULL && g_hash_table_add (needs->instances, instance))
    need_concept (needs, flexo_instance_get_concept (instance));
}

static void
need_link (Needs     *needs,
           FlexoLink *link)
{
  FlexoRelation *relation;

  if (link == NULL || !g_hash_table_add (needs->links, link))
    return;

  relation = flexo_link_get_relation (link);
  if (relation != NULL && g_hash_table_add (needs->relations, relation))
    {
      need_concept (needs, flexo_relation_get_source (relation));
      need_concept (needs, flexo_relation_get_target (relation));
    }
  need_instance (needs, flexo_link_get_source (link));
  need_instance (needs, flexo_link_get_target (link));
}

/* Copies into @fragment what @items show, with their ids, in the order
 * of @source; records the copies in @map. */
static void
copy_model (FlexoDocument *fragment,
            FlexoDocument *source,
            GPtrArray     *items,
            GHashTable    *map)
{
  g_autoptr(GHashTable) shapes = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) concepts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) instances = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_object_unref);
  Needs needs = {
    g_hash_table_new (NULL, NULL), g_hash_table_new (NULL, NULL),
    g_hash_table_new (NULL, NULL), g_hash_table_new (NULL, NULL),
  };
  GPtrArray *list;

  for (guint i = 0; i < items->len; i++)
    if (FLEXO_IS_SHAPE (g_ptr_array_index (items, i)))
      {
        g_hash_table_add (shapes, g_ptr_array_index (items, i));
        need_instance (&needs, flexo_shape_get_instance (g_ptr_array_index (items, i)));
      }
  for (guint i = 0; i < items->len; i++)
    if (FLEXO_IS_CONNECTOR (g_ptr_array_index (items, i)) &&
        connector_goes_with (g_ptr_array_index (items, i), shapes))
      need_link (&needs, flexo_connector_get_link (g_ptr_array_index (items, i)));

  list = flexo_document_get_concepts (source);
  for (guint i = 0; i < list->len; i++)
    if (g_hash_table_contains (needs.concepts, g_ptr_array_index (list, i)))
      g_ptr_array_add (concepts, copy_concept (fragment, g_ptr_array_index (list, i), TRUE, map));
  for (guint i = 0; i < list->len; i++)
    if (g_hash_table_contains (needs.concepts, g_ptr_array_index (list, i)))
      link_concept (g_ptr_array_index (list, i), map);

  list = flexo_document_get_relations (source);
  for (guint i = 0; i < list->len; i++)
    if (g_hash_table_contains (needs.relations, g_ptr_array_index (list, i)))
      g_ptr_array_add (relations, copy_relation (fragment, g_ptr_array_index (list, i), TRUE, map));

  list = flexo_document_get_instances (source);
  for (guint i = 0; i < list->len; i++)
    {
      FlexoInstance *instance = g_ptr_array_index (list, i);
      FlexoInstance *copy;
      guint n;

      if (!g_hash_table_contains (needs.instances, instance))
        continue;
      copy = flexo_instance_new (NULL, g_hash_table_lookup (map, flexo_instance_get_concept (instance)));
      flexo_document_claim_id (fragment, FLEXO_OBJECT (copy), flexo_object_get_id (FLEXO_OBJECT (instance)));
      /* Values as they are: references keep the ids of this document. */
      n = flexo_instance_get_n_values (instance);
      for (guint k = 0; k < n; k++)
        {
          FlexoProperty *property, *property_copy;
          const char *value;

          flexo_instance_get_nth_value (instance, k, &property, &value);
          property_copy = g_hash_table_lookup (map, property);
          if (property_copy != NULL)
            flexo_instance_set_value (copy, property_copy, value);
        }
      g_hash_table_insert (map, instance, copy);
      g_ptr_array_add (instances, copy);
    }

  list = flexo_document_get_links (source);
  for (guint i = 0; i < list->len; i++)
    {
      FlexoLink *link = g_ptr_array_index (list, i);
      FlexoLink *copy;

      if (!g_hash_table_contains (needs.links, link))
        continue;
      copy = flexo_link_new (NULL,
                             g_hash_table_lookup (map, flexo_link_get_relation (link)),
                             g_hash_table_lookup (map, flexo_link_get_source (link)),
                             g_hash_table_lookup (map, flexo_link_get_target (link)));
      flexo_document_claim_id (fragment, FLEXO_OBJECT (copy), flexo_object_get_id (FLEXO_OBJECT (link)));
      g_hash_table_insert (map, link, copy);
      g_ptr_array_add (links, copy);
    }

  insert_all (fragment, FLEXO_LIST_CONCEPTS, concepts);
  insert_all (fragment, FLEXO_LIST_RELATIONS, relations);
  insert_all (fragment, FLEXO_LIST_INSTANCES, instances);
  insert_all (fragment, FLEXO_LIST_LINKS, links);

  g_hash_table_unref (needs.concepts);
  g_hash_table_unref (needs.relations);
  g_hash_table_unref (needs.instances);
  g_hash_table_unref (needs.links);
}

FlexoDocument *
flexo_fragment_new_from_items (FlexoDiagram *diagram,
                               GPtrArray    *items)
{
  FlexoDocument *fragment = flexo_document_new ();
  FlexoDocument *source;
  g_autoptr(FlexoDiagram) copy = NULL;
  g_autoptr(GHashTable) model = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) copies = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) created = NULL;
  Copier c = { fragment, NULL, 0, 0, model, FALSE, copies };

  g_return_val_if_fail (FLEXO_IS_DIAGRAM (diagram), fragment);

  source = flexo_object_get_document (FLEXO_OBJECT (diagram));
  sorted = sort_items (diagram, items);

  flexo_document_begin (fragment, NULL);
  if (source != NULL)
    {
      flexo_document_set_origin (fragment, flexo_document_ensure_uuid (source));
      copy_model (fragment, source, sorted, model);
    }
  /* After the model, whose ids are those of the source. */
  copy = flexo_diagram_new (fragment, flexo_diagram_get_name (diagram));
  flexo_object_insert_child (FLEXO_OBJECT (fragment), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (copy));
  c.diagram = copy;
  created = copy_items (&c, diagram, sorted);
  flexo_document_commit (fragment);
  flexo_document_clear_history (fragment);
  flexo_document_set_saved (fragment);
  return fragment;
}

gboolean
flexo_fragment_get_bounds (FlexoDocument *fragment,
                           FlexoRect     *out)
{
  GPtrArray *diagrams;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (fragment), FALSE);

  diagrams = flexo_document_get_diagrams (fragment);
  return diagrams->len > 0 && flexo_diagram_get_extents (g_ptr_array_index (diagrams, 0), out);
}

gboolean
flexo_fragment_comes_from (FlexoDocument *fragment,
                           FlexoDocument *document)
{
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (fragment), FALSE);
  g_return_val_if_fail (FLEXO_IS_DOCUMENT (document), FALSE);

  return flexo_document_get_origin (fragment) != NULL &&
         g_strcmp0 (flexo_document_get_origin (fragment), flexo_document_get_uuid (document)) == 0;
}

/* ------------------------------------------------------------- paste -- */

typedef struct
{
  FlexoDocument *fragment;
  FlexoDocument *document;      /* the target */
  gboolean       same_origin;
  gboolean       copy_instances;
  GHashTable    *map;           /* fragment object → target object */
} Paster;

static gboolean
same_names (GPtrArray *a,
            GPtrArray *b)
{
  guint na = a != NULL ? a->len : 0, nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (g_strcmp0 (flexo_concept_get_name (g_ptr_array_index (a, i)),
                   flexo_concept_get_name (g_ptr_array_index (b, i))) != 0)
      return FALSE;
  return TRUE;
}

/* The target's concept for @concept: the same one (by id and name) in
 * its document of origin, else one of the same name, with parents of the
 * same names if there is one. */
static FlexoConcept *
match_concept (Paster       *p,
               FlexoConcept *concept)
{
  const char *name = flexo_concept_get_name (concept);
  GPtrArray *concepts = flexo_document_get_concepts (p->document);
  FlexoConcept *found = NULL;

  if (p->same_origin)
    {
      found = lookup_same_id (p->document, concept);
      if (found != NULL && g_strcmp0 (flexo_concept_get_name (found), name) == 0)
        return found;
      found = NULL;
    }

  for (guint i = 0; i < concepts->len; i++)
    {
      FlexoConcept *candidate = g_ptr_array_index (concepts, i);

      if (g_strcmp0 (flexo_concept_get_name (candidate), name) != 0)
        continue;
      if (same_names (flexo_concept_get_parents (candidate), flexo_concept_get_parents (concept)))
        return candidate;
      if (found == NULL)
        found = candidate;
    }
  return found;
}

/* Adds to @concept's counterpart, a concept that was found in the target,
 * copies of the properties it lacks (its own or inherited, by name). */
static void
complete_concept (Paster       *p,
                  FlexoConcept *concept)
{
  FlexoConcept *found = g_hash_table_lookup (p->map, concept);
  g_autoptr(GPtrArray) properties = flexo_concept_dup_all_properties (concept);

  for (guint i = 0; i < properties->len; i++)
    {
      FlexoProperty *property = g_ptr_array_index (properties, i);
      g_autoptr(FlexoProperty) copy = NULL;

      if (flexo_concept_find_property (found, flexo_property_get_name (property)) != NULL)
        continue;
      copy = copy_property (p->document, property, 0);
      if (flexo_property_get_target (property) != NULL)
        flexo_property_set_target (copy, g_hash_table_lookup (p->map, flexo_property_get_target (property)));
      flexo_concept_add_property (found, copy);
    }
}

static void
paste_metamodel (Paster *p)
{
  GPtrArray *concepts = flexo_document_get_concepts (p->fragment);
  GPtrArray *relations = flexo_document_get_relations (p->fragment);
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) matched = g_ptr_array_new ();

  for (guint i = 0; i < concepts->len; i++)
    {
      FlexoConcept *concept = g_ptr_array_index (concepts, i);
      FlexoConcept *found = match_concept (p, concept);

      if (found != NULL)
        {
          g_hash_table_insert (p->map, concept, found);
          g_ptr_array_add (matched, concept);
        }
      else
        g_ptr_array_add (created, copy_concept (p->document, concept, FALSE, p->map));
    }
  for (guint i = 0; i < concepts->len; i++)
    {
      FlexoConcept *concept = g_ptr_array_index (concepts, i);

      if (!g_ptr_array_find (matched, concept, NULL))
        link_concept (concept, p->map);
    }
  insert_all (p->document, FLEXO_LIST_CONCEPTS, created);
  for (guint i = 0; i < matched->len; i++)
    complete_concept (p, g_ptr_array_index (matched, i));

  g_ptr_array_set_size (created, 0);
  for (guint i = 0; i < relations->len; i++)
    {
      FlexoRelation *relation = g_ptr_array_index (relations, i);
      FlexoConcept *source = g_hash_table_lookup (p->map, flexo_relation_get_source (relation));
      FlexoConcept *target = g_hash_table_lookup (p->map, flexo_relation_get_target (relation));
      GPtrArray *candidates = flexo_document_get_relations (p->document);
      FlexoRelation *found = NULL;

      if (p->same_origin)
        found = lookup_same_id (p->document, relation);
      if (found == NULL || g_strcmp0 (flexo_relation_get_name (found), flexo_relation_get_name (relation)) != 0 ||
          flexo_relation_get_source (found) != source || flexo_relation_get_target (found) != target)
        found = NULL;
      for (guint k = 0; found == NULL && k < candidates->len; k++)
        {
          FlexoRelation *candidate = g_ptr_array_index (candidates, k);

          if (g_strcmp0 (flexo_relation_get_name (candidate), flexo_relation_get_name (relation)) == 0 &&
              flexo_relation_get_source (candidate) == source && flexo_relation_get_target (candidate) == target)
            found = candidate;
        }
      if (found != NULL)
        g_hash_table_insert (p->map, relation, found);
      else
        g_ptr_array_add (created, copy_relation (p->document, relation, FALSE, p->map));
    }
  insert_all (p->document, FLEXO_LIST_RELATIONS, created);
}

/* @value of a reference property, with the ids of the fragment's
 * instances turned into those of their counterparts; ids of other
 * instances stay when the target is the document of origin and has them. */
static char *
map_references (Paster     *p,
                const char *value)
{
  g_auto(GStrv) ids = g_strsplit_set (value, " \t\n", -1);
  g_autoptr(GString) mapped = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      guint id = ids[i][0] == 'i' ? (guint) g_ascii_strtoull (ids[i] + 1, NULL, 10) : 0;
      FlexoObject *object = id != 0 ? flexo_document_lookup (p->fragment, id) : NULL;
      g_autofree char *text = NULL;

      if (object != NULL && FLEXO_IS_INSTANCE (object))
        text = flexo_object_dup_id_string (g_hash_table_lookup (p->map, object));
      else if (id != 0 && p->same_origin &&
               (object = flexo_document_lookup (p->document, id)) != NULL &&
               FLEXO_IS_INSTANCE (object) && flexo_object_is_live (object))
        text = g_strdup (ids[i]);

      if (text == NULL)
        continue;
      if (mapped->len > 0)
        g_string_append_c (mapped, ' ');
      g_string_append (mapped, text);
    }
  return mapped->len > 0 ? g_string_free (g_steal_pointer (&mapped), FALSE) : NULL;
}

static void
paste_model (Paster *p)
{
  GPtrArray *instances = flexo_document_get_instances (p->fragment);
  GPtrArray *links = flexo_document_get_links (p->fragment);
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) fresh = g_hash_table_new (NULL, NULL);
  gboolean reuse = p->same_origin && !p->copy_instances;

  for (guint i = 0; i < instances->len; i++)
    {
      FlexoInstance *instance = g_ptr_array_index (instances, i);
      FlexoConcept *concept = g_hash_table_lookup (p->map, flexo_instance_get_concept (instance));
      FlexoInstance *found = reuse ? lookup_same_id (p->document, instance) : NULL;

      if (found != NULL && flexo_instance_get_concept (found) == concept)
        g_hash_table_insert (p->map, instance, found);
      else
        {
          FlexoInstance *copy = flexo_instance_new (p->document, concept);

          g_hash_table_insert (p->map, instance, copy);
          g_hash_table_add (fresh, copy);
          g_ptr_array_add (created, copy);
        }
    }
  /* Values once every instance has its counterpart, for references. */
  for (guint i = 0; i < instances->len; i++)
    {
      FlexoInstance *instance = g_ptr_array_index (instances, i);
      FlexoInstance *copy = g_hash_table_lookup (p->map, instance);
      guint n = flexo_instance_get_n_values (instance);

      if (!g_hash_table_contains (fresh, copy))
        continue;
      for (guint k = 0; k < n; k++)
        {
          FlexoProperty *property, *target_property;
          const char *value;
          g_autofree char *references = NULL;

          /* By name: the concept may have it from another parent here. */
          flexo_instance_get_nth_value (instance, k, &property, &value);
          target_property = flexo_instance_get_concept (copy) != NULL ?
            flexo_concept_find_property (flexo_instance_get_concept (copy), flexo_property_get_name (property)) : NULL;
          if (target_property == NULL)
            continue;
          if (flexo_property_get_value_type (target_property) == FLEXO_PROPERTY_REFERENCE)
            value = references = map_references (p, value);
          if (value != NULL)
            flexo_instance_set_value (copy, target_property, value);
        }
    }
  insert_all (p->document, FLEXO_LIST_INSTANCES, created);

  g_ptr_array_set_size (created, 0);
  for (guint i = 0; i < links->len; i++)
    {
      FlexoLink *link = g_ptr_array_index (links, i);
      FlexoRelation *relation = g_hash_table_lookup (p->map, flexo_link_get_relation (link));
      FlexoInstance *source = g_hash_table_lookup (p->map, flexo_link_get_source (link));
      FlexoInstance *target = g_hash_table_lookup (p->map, flexo_link_get_target (link));
      FlexoLink *found = reuse ? lookup_same_id (p->document, link) : NULL;

      if (found != NULL && flexo_link_get_relation (found) == relation &&
          flexo_link_get_source (found) == source && flexo_link_get_target (found) == target)
        g_hash_table_insert (p->map, link, found);
      else
        {
          FlexoLink *copy = flexo_link_new (p->document, relation, source, target);

          g_hash_table_insert (p->map, link, copy);
          g_ptr_array_add (created, copy);
        }
    }
  insert_all (p->document, FLEXO_LIST_LINKS, created);
}

GPtrArray *
flexo_fragment_paste (FlexoDocument *fragment,
                      FlexoDiagram  *target,
                      double         dx,
                      double         dy,
                      gboolean       copy_instances)
{
  g_autoptr(GHashTable) map = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) copies = g_hash_table_new (NULL, NULL);
  FlexoDocument *document;
  FlexoDiagram *source;
  GPtrArray *diagrams;
  Paster p;
  Copier c;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (fragment), g_ptr_array_new ());
  g_return_val_if_fail (FLEXO_IS_DIAGRAM (target), g_ptr_array_new ());
  document = flexo_object_get_document (FLEXO_OBJECT (target));
  g_return_val_if_fail (document != NULL && flexo_document_in_transaction (document), g_ptr_array_new ());

  diagrams = flexo_document_get_diagrams (fragment);
  if (diagrams->len == 0)
    return g_ptr_array_new ();
  source = g_ptr_array_index (diagrams, 0);

  p = (Paster) { fragment, document, flexo_fragment_comes_from (fragment, document), copy_instances, map };
  paste_metamodel (&p);
  paste_model (&p);

  c = (Copier) { document, target, dx, dy, map, FALSE, copies };
  return copy_items (&c, source, flexo_diagram_get_items (source));
}

/* ---------------------------------------------------------- duplicate -- */

FlexoDiagram *
flexo_diagram_duplicate (FlexoDiagram *diagram,
                         const char   *name)
{
  FlexoDocument *document;
  g_autoptr(FlexoDiagram) copy = NULL;
  g_autoptr(GHashTable) model = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) copies = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) created = NULL;
  Copier c;

  g_return_val_if_fail (FLEXO_IS_DIAGRAM (diagram), NULL);
  document = flexo_object_get_document (FLEXO_OBJECT (diagram));
  g_return_val_if_fail (document != NULL, NULL);

  copy = flexo_diagram_new (document, name);
  flexo_object_insert_child (FLEXO_OBJECT (document), FLEXO_LIST_DIAGRAMS, -1, FLEXO_OBJECT (copy));
  c = (Copier) { document, copy, 0, 0, model, TRUE, copies };
  created = copy_items (&c, diagram, flexo_diagram_get_items (diagram));
  return copy;
}
