/* flexo-object.h — the base of every object of a document
 *
 * Every object has an id that is unique in its document and never reused
 * (DESIGN.md §2, principle 4). Its state changes only through fields: a
 * field's value is swapped in and out whole (FlexoValue), which is how the
 * history records an edit and its inverse at once.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>
#include <glib-object.h>

#include "flexo-geometry.h"
#include "flexo-style.h"

G_BEGIN_DECLS

typedef struct _FlexoDocument FlexoDocument;

typedef enum
{
  FLEXO_VALUE_NONE,
  FLEXO_VALUE_STRING,
  FLEXO_VALUE_DOUBLE,
  FLEXO_VALUE_INT,
  FLEXO_VALUE_BOOLEAN,
  FLEXO_VALUE_RECT,
  FLEXO_VALUE_POINT,
  FLEXO_VALUE_OBJECT,   /* a strong reference, or NULL */
  FLEXO_VALUE_STYLE,    /* owned FlexoStyle, or NULL */
  FLEXO_VALUE_POINTS,   /* owned GArray of FlexoPoint, or NULL */
  FLEXO_VALUE_OBJECTS,  /* owned GPtrArray of strong references, or NULL */
  FLEXO_VALUE_STRV,     /* owned NULL-terminated string array, or NULL */
} FlexoValueType;

typedef struct
{
  FlexoValueType type;
  union {
    char       *string;
    double      number;
    gint64      integer;
    gboolean    boolean;
    FlexoRect   rect;
    FlexoPoint  point;
    gpointer    object;
    FlexoStyle *style;
    GArray     *points;
    GPtrArray  *objects;
    char      **strv;
  };
} FlexoValue;

void flexo_value_clear (FlexoValue *value);

/* What a field is; the same names serve every class that has it. */
typedef enum
{
  FLEXO_FIELD_NAME,
  FLEXO_FIELD_LABEL,          /* concept label template, palette entry label */
  FLEXO_FIELD_DESCRIPTION,
  FLEXO_FIELD_TEXT,           /* a free shape's text */
  FLEXO_FIELD_BOUNDS,
  FLEXO_FIELD_STYLE,
  FLEXO_FIELD_INSTANCE,
  FLEXO_FIELD_PARENT,         /* a shape's container */
  FLEXO_FIELD_SOURCE,
  FLEXO_FIELD_TARGET,
  FLEXO_FIELD_SOURCE_POINT,
  FLEXO_FIELD_TARGET_POINT,
  FLEXO_FIELD_WAYPOINTS,
  FLEXO_FIELD_LABEL_START,
  FLEXO_FIELD_LABEL_MIDDLE,
  FLEXO_FIELD_LABEL_END,
  FLEXO_FIELD_LINK,
  FLEXO_FIELD_CONCEPT,
  FLEXO_FIELD_RELATION,
  FLEXO_FIELD_VALUE,          /* an instance's value; key = the property */
  FLEXO_FIELD_PARENTS,        /* a concept's parent concepts */
  FLEXO_FIELD_TYPE,
  FLEXO_FIELD_DEFAULT,
  FLEXO_FIELD_REQUIRED,
  FLEXO_FIELD_UNIQUE,
  FLEXO_FIELD_ABSTRACT,
  FLEXO_FIELD_ENUM_VALUES,
  FLEXO_FIELD_MIN,
  FLEXO_FIELD_MAX,
  FLEXO_FIELD_CONTAINMENT,
  FLEXO_FIELD_SECTION,
  FLEXO_FIELD_SIZE,           /* a palette entry's default size (rect w, h) */
  FLEXO_FIELD_FORM,           /* a shape's free form, as path data */
  FLEXO_N_FIELDS
} FlexoField;

/* The ordered lists of children an object may have. */
typedef enum
{
  FLEXO_LIST_CONCEPTS,
  FLEXO_LIST_RELATIONS,
  FLEXO_LIST_PALETTES,
  FLEXO_LIST_INSTANCES,
  FLEXO_LIST_LINKS,
  FLEXO_LIST_DIAGRAMS,
  FLEXO_LIST_PROPERTIES,
  FLEXO_LIST_ENTRIES,
  FLEXO_LIST_ITEMS,
  FLEXO_N_LISTS
} FlexoList;

#define FLEXO_TYPE_OBJECT (flexo_object_get_type ())

G_DECLARE_DERIVABLE_TYPE (FlexoObject, flexo_object, FLEXO, OBJECT, GObject)

struct _FlexoObjectClass
{
  GObjectClass parent_class;

  /* One or two lower-case letters that start the object's id in files. */
  const char  *id_prefix;

  /* Swaps the field's current value with @value (ownership moves too). */
  void        (*swap_field)  (FlexoObject *self,
                              FlexoField   field,
                              gpointer     key,
                              FlexoValue  *value);
  /* The list of children @list, or NULL when the class has no such list. */
  GPtrArray  *(*get_list)    (FlexoObject *self,
                              FlexoList    list);
  /* The object entered or left a document (with its children): keep
   * derived state (indexes, back-references) in step. */
  void        (*attach)      (FlexoObject *self);
  void        (*detach)      (FlexoObject *self);
  /* A child entered or left one of the lists (the order changed). */
  void        (*list_changed) (FlexoObject *self,
                               FlexoList    list);
};

guint          flexo_object_get_id        (FlexoObject *self);
char          *flexo_object_dup_id_string (FlexoObject *self);
FlexoDocument *flexo_object_get_document  (FlexoObject *self);
FlexoObject   *flexo_object_get_container (FlexoObject *self);
gboolean       flexo_object_is_live       (FlexoObject *self);
GPtrArray     *flexo_object_get_list      (FlexoObject *self,
                                           FlexoList    list);
int            flexo_object_get_index     (FlexoObject *self);

/* Sets a field: recorded in the open transaction when the object is in a
 * document, applied directly otherwise. Takes ownership of @value's
 * payload. */
void           flexo_object_set_field     (FlexoObject *self,
                                           FlexoField   field,
                                           gpointer     key,
                                           FlexoValue  *value);

/* Convenience setters over flexo_object_set_field(). */
void           flexo_object_set_string    (FlexoObject *self,
                                           FlexoField   field,
                                           gpointer     key,
                                           const char  *string);
void           flexo_object_set_object    (FlexoObject *self,
                                           FlexoField   field,
                                           gpointer     key,
                                           gpointer     object);
void           flexo_object_set_rect      (FlexoObject     *self,
                                           FlexoField       field,
                                           const FlexoRect *rect);
void           flexo_object_set_point     (FlexoObject *self,
                                           FlexoField   field,
                                           FlexoPoint   point);
void           flexo_object_set_int       (FlexoObject *self,
                                           FlexoField   field,
                                           gint64       integer);
void           flexo_object_set_boolean   (FlexoObject *self,
                                           FlexoField   field,
                                           gboolean     boolean);
void           flexo_object_set_style     (FlexoObject      *self,
                                           const FlexoStyle *style);

/* Swaps two lvalues of the same type (for swap_field() implementations). */
#define FLEXO_SWAP(a, b) \
  G_STMT_START { \
    char tmp_[sizeof (a)]; \
    G_STATIC_ASSERT (sizeof (a) == sizeof (b)); \
    memcpy (tmp_, &(a), sizeof (a)); \
    memcpy (&(a), &(b), sizeof (a)); \
    memcpy (&(b), tmp_, sizeof (a)); \
  } G_STMT_END

/* A number that every change of any object's fields or lists (done,
 * undone or redone) changes: drawings made at one revision stay right for
 * as long as it holds. */
guint flexo_model_get_revision (void);

/* Called for each change made after a revision, oldest first: the object
 * changed, its id and type then, and whether a list of its changed (else
 * one of its fields). The object may be gone since, and another be where
 * it was: use it only once its document's flexo_document_lookup() of the
 * id gives it. Return FALSE to stop. */
typedef gboolean (*FlexoModelChangeFunc) (gpointer  object,
                                          guint     id,
                                          GType     type,
                                          gboolean  list,
                                          gpointer  user_data);

/* The last changes are remembered: FALSE, calling nothing, when those
 * after @revision are no longer all known; TRUE otherwise (also when
 * @func stopped). On the thread that changes the model. */
gboolean flexo_model_foreach_change_since (guint                revision,
                                           FlexoModelChangeFunc func,
                                           gpointer             user_data);

G_END_DECLS
