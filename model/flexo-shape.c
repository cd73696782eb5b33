/* flexo-shape.c — a node of a diagram; shows an instance, or nothing
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "flexo-document-private.h"
#include "flexo-path.h"
#include "flexo-shape.h"

/* Significant digits of a free form's coordinates: a ten-thousandth of a
 * pixel on a shape of a thousand. */
#define FORM_DIGITS 8

/* A free form as path data, and read (on demand). */
typedef struct
{
  char      *data;
  FlexoPath *path;
} ShapeForm;

static void
shape_form_free (ShapeForm *form)
{
  if (form == NULL)
    return;
  g_free (form->data);
  g_clear_pointer (&form->path, flexo_path_free);
  g_free (form);
}

struct _FlexoShape
{
  FlexoObject  parent_instance;

  FlexoRect    bounds;
  char        *text;
  FlexoObject *instance;    /* FlexoInstance, strong */
  FlexoObject *parent;      /* FlexoShape (container), strong */
  FlexoStyle  *style;
  GPtrArray   *connectors;  /* weak back-references */
  GPtrArray   *children;    /* weak back-references */
  /* Out of line: most shapes have none, and with 8 more bytes a shape was
   * as large as a connector; drawing a 200,000-item far view whole then
   * took twice as long (make bench; both likely share one size of GLib's
   * slice allocator then, interleaved in memory). */
  ShapeForm   *form;        /* its free form, or NULL */
};

G_DEFINE_FINAL_TYPE (FlexoShape, flexo_shape, FLEXO_TYPE_OBJECT)

static void
shape_refs (FlexoShape *self,
            FlexoField  field,
            gboolean    add)
{
  if ((field == FLEXO_FIELD_INSTANCE || field == FLEXO_N_FIELDS) && self->instance)
    (add ? _flexo_instance_add_view : _flexo_instance_remove_view) (self->instance, self);
  if ((field == FLEXO_FIELD_PARENT || field == FLEXO_N_FIELDS) && self->parent)
    (add ? _flexo_shape_add_child : _flexo_shape_remove_child) (self->parent, self);
}

static void
flexo_shape_swap_field (FlexoObject *object,
                        FlexoField   field,
                        gpointer     key,
                        FlexoValue  *value)
{
  FlexoShape *self = FLEXO_SHAPE (object);
  gboolean live = flexo_object_is_live (object);

  switch (field)
    {
    case FLEXO_FIELD_BOUNDS:
      FLEXO_SWAP_RECT (bounds);
      if (live)
        _flexo_diagram_shape_moved (flexo_object_get_container (object), self);
      break;
    case FLEXO_FIELD_TEXT: FLEXO_SWAP_STRING (text); break;
    case FLEXO_FIELD_FORM:
      {
        char *previous = self->form != NULL ? g_steal_pointer (&self->form->data) : NULL;

        g_assert (value->type == FLEXO_VALUE_STRING);
        g_clear_pointer (&self->form, shape_form_free);
        if (value->string != NULL)
          {
            self->form = g_new0 (ShapeForm, 1);
            self->form->data = value->string;
          }
        value->string = previous;
      }
      break;
    case FLEXO_FIELD_STYLE: FLEXO_SWAP_STYLE (style); break;
    case FLEXO_FIELD_INSTANCE:
    case FLEXO_FIELD_PARENT:
      if (live)
        shape_refs (self, field, FALSE);
      if (field == FLEXO_FIELD_INSTANCE)
        FLEXO_SWAP_OBJECT (instance);
      else
        FLEXO_SWAP_OBJECT (parent);
      if (live)
        shape_refs (self, field, TRUE);
      break;
    default:
      FLEXO_OBJECT_CLASS (flexo_shape_parent_class)->swap_field (object, field, key, value);
    }
}

static void
flexo_shape_attach (FlexoObject *object)
{
  FlexoShape *self = FLEXO_SHAPE (object);

  shape_refs (self, FLEXO_N_FIELDS, TRUE);
  _flexo_diagram_add_shape (flexo_object_get_container (object), self);
}

static void
flexo_shape_detach (FlexoObject *object)
{
  FlexoShape *self = FLEXO_SHAPE (object);

  shape_refs (self, FLEXO_N_FIELDS, FALSE);
  _flexo_diagram_remove_shape (flexo_object_get_container (object), self);
}

static void
flexo_shape_finalize (GObject *object)
{
  FlexoShape *self = FLEXO_SHAPE (object);

  g_free (self->text);
  g_clear_pointer (&self->form, shape_form_free);
  g_clear_object (&self->instance);
  g_clear_object (&self->parent);
  g_clear_pointer (&self->style, flexo_style_free);
  g_clear_pointer (&self->connectors, g_ptr_array_unref);
  g_clear_pointer (&self->children, g_ptr_array_unref);

  G_OBJECT_CLASS (flexo_shape_parent_class)->finalize (object);
}

static void
flexo_shape_class_init (FlexoShapeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flexo_shape_finalize;
  FLEXO_OBJECT_CLASS (klass)->id_prefix = "s";
  FLEXO_OBJECT_CLASS (klass)->swap_field = flexo_shape_swap_field;
  FLEXO_OBJECT_CLASS (klass)->attach = flexo_shape_attach;
  FLEXO_OBJECT_CLASS (klass)->detach = flexo_shape_detach;
}

static void
flexo_shape_init (FlexoShape *self)
{
}

FlexoShape *
flexo_shape_new (FlexoDocument   *document,
                 const FlexoRect *bounds)
{
  FlexoShape *self = g_object_new (FLEXO_TYPE_SHAPE, NULL);

  if (bounds != NULL)
    self->bounds = flexo_rect_normalize (*bounds);
  if (document != NULL)
    flexo_document_assign_id (document, FLEXO_OBJECT (self));

  return self;
}

const FlexoRect *
flexo_shape_get_bounds (FlexoShape *self)
{
  g_return_val_if_fail (FLEXO_IS_SHAPE (self), NULL);
  return &self->bounds;
}

void
flexo_shape_set_bounds (FlexoShape      *self,
                        const FlexoRect *bounds)
{
  FlexoRect r;

  g_return_if_fail (FLEXO_IS_SHAPE (self));
  g_return_if_fail (bounds != NULL);

  r = flexo_rect_normalize (*bounds);
  if (r.x != self->bounds.x || r.y != self->bounds.y ||
      r.width != self->bounds.width || r.height != self->bounds.height)
    flexo_object_set_rect (FLEXO_OBJECT (self), FLEXO_FIELD_BOUNDS, &r);
}

void
flexo_shape_move_by (FlexoShape *self,
                     double      dx,
                     double      dy)
{
  FlexoRect r;

  g_return_if_fail (FLEXO_IS_SHAPE (self));

  if (dx == 0 && dy == 0)
    return;

  r = self->bounds;
  r.x += dx;
  r.y += dy;
  flexo_shape_set_bounds (self, &r);

  for (guint i = 0; self->children != NULL && i < self->children->len; i++)
    flexo_shape_move_by (g_ptr_array_index (self->children, i), dx, dy);
}

const char *
flexo_shape_get_text (FlexoShape *self)
{
  g_return_val_if_fail (FLEXO_IS_SHAPE (self), NULL);
  return self->text;
}

void
flexo_shape_set_text (FlexoShape *self,
                      const char *text)
{
  g_return_if_fail (FLEXO_IS_SHAPE (self));
  if (g_strcmp0 (text, self->text) != 0)
    flexo_object_set_string (FLEXO_OBJECT (self), FLEXO_FIELD_TEXT, NULL, text);
}

const FlexoPath *
flexo_shape_get_form (FlexoShape *self)
{
  g_return_val_if_fail (FLEXO_IS_SHAPE (self), NULL);

  if (self->form == NULL)
    return NULL;
  if (self->form->path == NULL)
    self->form->path = flexo_path_new_from_data (self->form->data, NULL);
  return self->form->path;
}

const char *
flexo_shape_get_form_data (FlexoShape *self)
{
  g_return_val_if_fail (FLEXO_IS_SHAPE (self), NULL);
  return self->form != NULL ? self->form->data : NULL;
}

void
flexo_shape_set_form (FlexoShape      *self,
                      const FlexoPath *form)
{
  g_autofree char *data = NULL;

  g_return_if_fail (FLEXO_IS_SHAPE (self));
  g_return_if_fail (form == NULL || flexo_path_is_empty (form) || flexo_path_is_form (form));

  if (form != NULL && !flexo_path_is_empty (form))
    data = flexo_path_to_data (form, FORM_DIGITS);
  if (g_strcmp0 (data, flexo_shape_get_form_data (self)) != 0)
    flexo_object_set_string (FLEXO_OBJECT (self), FLEXO_FIELD_FORM, NULL, data);
}

/* What the shape shows: its instance's label, else its own text. */
char *
flexo_shape_dup_label (FlexoShape *self)
{
  g_return_val_if_fail (FLEXO_IS_SHAPE (self), NULL);

  if (self->instance != NULL)
    return flexo_instance_dup_label (FLEXO_INSTANCE (self->instance));

  return g_strdup (self->text ? self->text : "");
}

FlexoInstance *
flexo_shape_get_instance (FlexoShape *self)
{
  g_return_val_if_fail (FLEXO_IS_SHAPE (self), NULL);
  return (FlexoInstance *) self->instance;
}

void
flexo_shape_set_instance (FlexoShape    *self,
                          FlexoInstance *instance)
{
  g_return_if_fail (FLEXO_IS_SHAPE (self));
  if ((FlexoObject *) instance != self->instance)
    flexo_object_set_object (FLEXO_OBJECT (self), FLEXO_FIELD_INSTANCE, NULL, instance);
}

FlexoShape *
flexo_shape_get_parent (FlexoShape *self)
{
  g_return_val_if_fail (FLEXO_IS_SHAPE (self), NULL);
  return (FlexoShape *) self->parent;
}

/* Refuses to put a shape inside itself or one of its own children. */
void
flexo_shape_set_parent (FlexoShape *self,
                        FlexoShape *parent)
{
  g_return_if_fail (FLEXO_IS_SHAPE (self));
  g_return_if_fail (parent == NULL || !flexo_shape_is_inside (parent, self));

  if ((FlexoObject *) parent != self->parent)
    flexo_object_set_object (FLEXO_OBJECT (self), FLEXO_FIELD_PARENT, NULL, parent);
}

GPtrArray *
flexo_shape_get_children (FlexoShape *self)
{
  g_return_val_if_fail (FLEXO_IS_SHAPE (self), NULL);
  return self->children;
}

/* TRUE when @self is @ancestor or is held, at any depth, by it. */
gboolean
flexo_shape_is_inside (FlexoShape *self,
                       FlexoShape *ancestor)
{
  for (FlexoShape *s = self; s != NULL; s = (FlexoShape *) s->parent)
    if (s == ancestor)
      return TRUE;
  return FALSE;
}

const FlexoStyle *
flexo_shape_get_style (FlexoShape *self)
{
  g_return_val_if_fail (FLEXO_IS_SHAPE (self), NULL);
  return self->style;
}

void
flexo_shape_set_style (FlexoShape       *self,
                       const FlexoStyle *style)
{
  g_return_if_fail (FLEXO_IS_SHAPE (self));
  if (!flexo_style_equal (style, self->style))
    flexo_object_set_style (FLEXO_OBJECT (self), style);
}

void
flexo_shape_resolve_style (FlexoShape *self,
                           FlexoStyle *out)
{
  g_return_if_fail (FLEXO_IS_SHAPE (self));
  g_return_if_fail (out != NULL);

  *out = *flexo_style_get_default ();
  if (self->instance != NULL)
    {
      FlexoConcept *concept = flexo_instance_get_concept (FLEXO_INSTANCE (self->instance));

      if (concept != NULL)
        flexo_style_merge (out, flexo_concept_get_style (concept));
    }
  flexo_style_merge (out, self->style);
}

GPtrArray *
flexo_shape_get_connectors (FlexoShape *self)
{
  g_return_val_if_fail (FLEXO_IS_SHAPE (self), NULL);
  return self->connectors;
}

gpointer
flexo_shape_get_diagram (FlexoShape *self)
{
  g_return_val_if_fail (FLEXO_IS_SHAPE (self), NULL);
  return flexo_object_get_container (FLEXO_OBJECT (self));
}

void
_flexo_shape_add_connector (gpointer shape,
                            gpointer connector)
{
  _flexo_backrefs_add (&FLEXO_SHAPE (shape)->connectors, connector);
}

void
_flexo_shape_remove_connector (gpointer shape,
                               gpointer connector)
{
  _flexo_backrefs_remove (&FLEXO_SHAPE (shape)->connectors, connector);
}

void
_flexo_shape_add_child (gpointer shape,
                        gpointer child)
{
  _flexo_backrefs_add (&FLEXO_SHAPE (shape)->children, child);
}

void
_flexo_shape_remove_child (gpointer shape,
                           gpointer child)
{
  _flexo_backrefs_remove (&FLEXO_SHAPE (shape)->children, child);
}
