/* flexo-metamodel-editor.h — the concepts and relations of a document, edited
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "flexo-model.h"

G_BEGIN_DECLS

#define FLEXO_TYPE_METAMODEL_EDITOR (flexo_metamodel_editor_get_type ())
G_DECLARE_FINAL_TYPE (FlexoMetamodelEditor, flexo_metamodel_editor, FLEXO, METAMODEL_EDITOR, GtkWidget)

GtkWidget     *flexo_metamodel_editor_new          (void);
void           flexo_metamodel_editor_set_document (FlexoMetamodelEditor *self,
                                                    FlexoDocument        *document);
FlexoDocument *flexo_metamodel_editor_get_document (FlexoMetamodelEditor *self);
/* The concept or relation shown (NULL: none). */
void           flexo_metamodel_editor_select       (FlexoMetamodelEditor *self,
                                                    FlexoObject          *object);
FlexoObject   *flexo_metamodel_editor_get_selected (FlexoMetamodelEditor *self);
/* A control of the form by its name, for tests and scripts: "name",
 * "label", "description", "abstract", "parent:CONCEPT", "add-property",
 * "property-N-name" (-type, -required, -unique, -default, -values,
 * -target, -multiplicity, -up, -down, -delete; N counts the concept's own properties
 * from 0), "source", "target", "multiplicity", "containment"; and
 * "add-concept", "add-relation", "delete" under the list. */
GtkWidget     *flexo_metamodel_editor_get_control  (FlexoMetamodelEditor *self,
                                                    const char           *name);
/* The style controls of the look of the selected concept or relation. */
GtkWidget     *flexo_metamodel_editor_get_look_inspector (FlexoMetamodelEditor *self);
/* What the last refused action said (deleting a concept that has
 * instances…), or NULL. */
const char    *flexo_metamodel_editor_get_message  (FlexoMetamodelEditor *self);

G_END_DECLS
