/* flexo-document-private.h — what the model's classes share with the
 * document and the history, and nobody else
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flexo-document.h"
#include "flexo-object.h"

G_BEGIN_DECLS

/* FlexoObject */
void      _flexo_object_set_id         (FlexoObject   *self,
                                        guint          id);
void      _flexo_object_set_container  (FlexoObject   *self,
                                        FlexoObject   *container);
/* Attaches @self and its children to @document (or detaches with NULL). */
void      _flexo_object_attach_tree    (FlexoObject   *self,
                                        FlexoDocument *document);
void      _flexo_object_swap_field     (FlexoObject   *self,
                                        FlexoField     field,
                                        gpointer       key,
                                        FlexoValue    *value);
void      _flexo_object_list_changed   (FlexoObject   *self,
                                        FlexoList      list);
/* Where @self was in its container's list when last set: a hint, which
 * the list must confirm. */
guint     _flexo_object_get_list_index (FlexoObject   *self);
void      _flexo_object_set_list_index (FlexoObject   *self,
                                        guint          index);
/* Calls @func on each child of each list of @self. */
void      _flexo_object_foreach_child  (FlexoObject   *self,
                                        GFunc          func,
                                        gpointer       user_data);

/* FlexoDocument */
void      _flexo_document_register     (FlexoDocument *self,
                                        FlexoObject   *object);
void      _flexo_document_unregister   (FlexoDocument *self,
                                        FlexoObject   *object);
void      _flexo_document_record_set   (FlexoDocument *self,
                                        FlexoObject   *object,
                                        FlexoField     field,
                                        gpointer       key,
                                        FlexoValue    *value);
void      _flexo_document_touch        (FlexoDocument *self,
                                        FlexoObject   *object);
gboolean  _flexo_document_is_recording (FlexoDocument *self);

G_END_DECLS

G_BEGIN_DECLS

/* Weak back-references (a shape's connectors, an instance's views): arrays
 * created on first use and freed when empty. */
void      _flexo_backrefs_add          (GPtrArray    **refs,
                                        gpointer       object);
void      _flexo_backrefs_remove       (GPtrArray    **refs,
                                        gpointer       object);

/* Field accessors of the classes, generated alike. Each swaps the member
 * with the value, of the value's type. */
#define FLEXO_SWAP_STRING(member) \
  G_STMT_START { g_assert (value->type == FLEXO_VALUE_STRING); FLEXO_SWAP (self->member, value->string); } G_STMT_END
#define FLEXO_SWAP_OBJECT(member) \
  G_STMT_START { g_assert (value->type == FLEXO_VALUE_OBJECT); \
                 gpointer tmp_ = self->member; self->member = value->object; value->object = tmp_; } G_STMT_END
#define FLEXO_SWAP_INT(member) \
  G_STMT_START { g_assert (value->type == FLEXO_VALUE_INT); \
                 gint64 tmp_ = self->member; self->member = value->integer; value->integer = tmp_; } G_STMT_END
#define FLEXO_SWAP_BOOLEAN(member) \
  G_STMT_START { g_assert (value->type == FLEXO_VALUE_BOOLEAN); \
                 gboolean tmp_ = self->member; self->member = value->boolean; value->boolean = tmp_; } G_STMT_END
#define FLEXO_SWAP_STYLE(member) \
  G_STMT_START { g_assert (value->type == FLEXO_VALUE_STYLE); FLEXO_SWAP (self->member, value->style); } G_STMT_END
#define FLEXO_SWAP_RECT(member) \
  G_STMT_START { g_assert (value->type == FLEXO_VALUE_RECT); FLEXO_SWAP (self->member, value->rect); } G_STMT_END
#define FLEXO_SWAP_POINT(member) \
  G_STMT_START { g_assert (value->type == FLEXO_VALUE_POINT); FLEXO_SWAP (self->member, value->point); } G_STMT_END

/* Back-references kept by one class for another, as objects enter or leave
 * the document or change what they refer to. */
void _flexo_concept_add_instance     (gpointer concept,  gpointer instance);
void _flexo_concept_remove_instance  (gpointer concept,  gpointer instance);
void _flexo_relation_add_link        (gpointer relation, gpointer link);
void _flexo_relation_remove_link     (gpointer relation, gpointer link);
void _flexo_instance_add_view        (gpointer instance, gpointer shape);
void _flexo_instance_remove_view     (gpointer instance, gpointer shape);
void _flexo_instance_add_link        (gpointer instance, gpointer link);
void _flexo_instance_remove_link     (gpointer instance, gpointer link);
void _flexo_link_add_view            (gpointer link,     gpointer connector);
void _flexo_link_remove_view         (gpointer link,     gpointer connector);
void _flexo_shape_add_connector      (gpointer shape,    gpointer connector);
void _flexo_shape_remove_connector   (gpointer shape,    gpointer connector);
void _flexo_shape_add_child          (gpointer shape,    gpointer child);
void _flexo_shape_remove_child       (gpointer shape,    gpointer child);
void _flexo_diagram_add_shape        (gpointer diagram,  gpointer shape);
void _flexo_diagram_remove_shape     (gpointer diagram,  gpointer shape);
void _flexo_diagram_shape_moved      (gpointer diagram,  gpointer shape);
void _flexo_diagram_add_connector    (gpointer diagram,  gpointer connector);
void _flexo_diagram_remove_connector (gpointer diagram,  gpointer connector);
void _flexo_diagram_connector_moved  (gpointer diagram,  gpointer connector);

/* Getter and undoable setter of a member that holds a strong reference
 * to another object, for a class `prefix` whose instance struct has it. */
#define FLEXO_DEFINE_REF_ACCESSORS(prefix, Self, IS_SELF, what, Type, FIELD) \
  Type * \
  prefix##_get_##what (Self *self) \
  { \
    g_return_val_if_fail (IS_SELF (self), NULL); \
    return (Type *) self->what; \
  } \
  void \
  prefix##_set_##what (Self *self, \
                       Type *what) \
  { \
    g_return_if_fail (IS_SELF (self)); \
    if ((FlexoObject *) what != self->what) \
      flexo_object_set_object (FLEXO_OBJECT (self), FIELD, NULL, what); \
  }

/* Sets min and max (FLEXO_FIELD_MIN, FLEXO_FIELD_MAX) where they differ. */
void _flexo_object_set_multiplicity (FlexoObject *self,
                                     gint64       current_min,
                                     gint64       current_max,
                                     int          min,
                                     int          max);

/* g_ptr_array_find() from the end: what is deleted in numbers goes
 * topmost first. */
static inline gboolean
_flexo_ptr_array_find_last (GPtrArray *array,
                            gpointer   data,
                            guint     *index)
{
  for (guint i = array->len; i-- > 0;)
    if (g_ptr_array_index (array, i) == data)
      {
        if (index != NULL)
          *index = i;
        return TRUE;
      }
  return FALSE;
}

G_END_DECLS
