/* flexo-window-clipboard.c — cut, copy and paste
 *
 * Copy puts the selection on the clipboard as a Flexo fragment (for
 * Flexo, in this document or another), as SVG and PNG (for other
 * applications: a word processor, a slide editor) and as its text. Paste
 * takes a fragment, placed beside the copied items when they are in
 * view, else in the middle of the view; or plain text, as a text shape.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "flexo-export.h"
#include "flexo-format.h"
#include "flexo-fragment.h"
#include "flexo-window-private.h"

#define FRAGMENT_MIME_TYPE "application/x-flexo-fragment+xml"
#define PASTE_OFFSET 20.0
#define CLIPBOARD_MARGIN 8.0

static GdkContentProvider *
bytes_provider (const char *mime_type,
                GBytes     *bytes)
{
  return gdk_content_provider_new_for_bytes (mime_type, bytes);
}

/* The selection's texts, one a line. */
static char *
selection_text (GPtrArray *items)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      g_autofree char *label = NULL;

      if (FLEXO_IS_SHAPE (item))
        label = flexo_shape_dup_label (item);
      else if (FLEXO_IS_CONNECTOR (item) && flexo_connector_get_label (item, FLEXO_LABEL_MIDDLE) != NULL)
        label = g_strdup (flexo_connector_get_label (item, FLEXO_LABEL_MIDDLE));
      if (label != NULL && *label != '\0')
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", label);
    }
  return g_string_free (text, FALSE);
}

gboolean
flexo_window_copy_selection (FlexoWindow *self)
{
  GPtrArray *selection;
  g_autoptr(FlexoDocument) fragment = NULL;
  g_autoptr(GBytes) native = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree char *text = NULL;
  GdkContentProvider *providers[4];
  g_autoptr(GdkContentProvider) union_provider = NULL;
  FlexoDiagram *diagram;
  guint n = 0;

  if (self->canvas == NULL || (selection = flexo_canvas_get_selection (self->canvas))->len == 0)
    return FALSE;

  fragment = flexo_fragment_new_from_items (flexo_canvas_get_diagram (self->canvas), selection);
  diagram = g_ptr_array_index (flexo_document_get_diagrams (fragment), 0);
  native = flexo_native_save_bytes (fragment);
  providers[n++] = bytes_provider (FRAGMENT_MIME_TYPE, native);
  /* Pictures for other applications, on no background. */
  svg = flexo_export_diagram_to_bytes (diagram, FLEXO_EXPORT_SVG, 1.0, CLIPBOARD_MARGIN, NULL, NULL, NULL);
  if (svg != NULL)
    providers[n++] = bytes_provider ("image/svg+xml", svg);
  png = flexo_export_diagram_to_bytes (diagram, FLEXO_EXPORT_PNG, 2.0, CLIPBOARD_MARGIN, NULL, NULL, NULL);
  if (png != NULL)
    providers[n++] = bytes_provider ("image/png", png);
  text = selection_text (selection);
  if (*text != '\0')
    {
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

      providers[n++] = bytes_provider ("text/plain;charset=utf-8", bytes);
    }
  union_provider = gdk_content_provider_new_union (providers, n);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), union_provider);
  return TRUE;
}

/* Where a paste goes: beside what was copied when it is in view (and
 * further on at each paste), else in the middle of the view. */
static void
paste_offset (FlexoWindow   *self,
              FlexoDocument *fragment,
              double        *dx,
              double        *dy)
{
  FlexoDiagram *diagram = flexo_canvas_get_diagram (self->canvas);
  FlexoDiagram *source = g_ptr_array_index (flexo_document_get_diagrams (fragment), 0);
  GtkWidget *canvas = GTK_WIDGET (self->canvas);
  FlexoPoint c0 = flexo_canvas_view_to_diagram (self->canvas, 0, 0);
  FlexoPoint c1 = flexo_canvas_view_to_diagram (self->canvas, gtk_widget_get_width (canvas),
                                                gtk_widget_get_height (canvas));
  FlexoRect view = flexo_rect_from_points (c0, c1);
  FlexoRect bounds;
  FlexoShape *first = NULL;
  GPtrArray *items = flexo_diagram_get_items (source);

  *dx = *dy = 0;
  if (!flexo_fragment_get_bounds (fragment, &bounds))
    return;
  if (!flexo_rect_contains (&view, flexo_rect_center (&bounds)))
    {
      FlexoPoint vc = flexo_rect_center (&view), bc = flexo_rect_center (&bounds);

      *dx = vc.x - bc.x;
      *dy = vc.y - bc.y;
      return;
    }
  for (guint i = 0; i < items->len && first == NULL; i++)
    if (FLEXO_IS_SHAPE (g_ptr_array_index (items, i)))
      first = g_ptr_array_index (items, i);
  *dx = *dy = PASTE_OFFSET;
  /* Past the copies already pasted there. */
  for (guint k = 0; first != NULL && k < 100; k++)
    {
      FlexoRect r = *flexo_shape_get_bounds (first);
      FlexoShape *there;

      r.x += *dx;
      r.y += *dy;
      there = flexo_diagram_shape_at (diagram, FLEXO_POINT_INIT (r.x + r.width / 2, r.y + r.height / 2), 0);
      if (there == NULL || flexo_shape_get_bounds (there)->x != r.x || flexo_shape_get_bounds (there)->y != r.y)
        break;
      *dx += PASTE_OFFSET;
      *dy += PASTE_OFFSET;
    }
}

void
flexo_window_paste_fragment (FlexoWindow   *self,
                             FlexoDocument *fragment)
{
  g_autoptr(GPtrArray) created = NULL;
  double dx, dy;

  if (self->canvas == NULL || flexo_canvas_get_diagram (self->canvas) == NULL ||
      flexo_document_in_transaction (self->document))
    return;
  paste_offset (self, fragment, &dx, &dy);
  flexo_document_begin (self->document, _("Paste"));
  created = flexo_fragment_paste (fragment, flexo_canvas_get_diagram (self->canvas), dx, dy, FALSE);
  flexo_document_commit (self->document);

  flexo_canvas_clear_selection (self->canvas);
  for (guint i = 0; i < created->len; i++)
    flexo_canvas_select (self->canvas, g_ptr_array_index (created, i), TRUE);
}

static void
paste_text (FlexoWindow *self,
            const char  *text)
{
  g_autoptr(FlexoStyle) style = flexo_style_new ();
  g_autoptr(FlexoShape) shape = NULL;
  GtkWidget *canvas = GTK_WIDGET (self->canvas);
  FlexoPoint centre = flexo_canvas_view_to_diagram (self->canvas, gtk_widget_get_width (canvas) / 2.0,
                                                    gtk_widget_get_height (canvas) / 2.0);

  if (flexo_document_in_transaction (self->document))
    return;
  flexo_style_set_shape_kind (style, FLEXO_SHAPE_TEXT);
  shape = flexo_shape_new (self->document, &FLEXO_RECT_INIT (centre.x - 100, centre.y - 30, 200, 60));
  flexo_shape_set_style (shape, style);
  flexo_shape_set_text (shape, text);
  flexo_document_begin (self->document, _("Paste"));
  flexo_diagram_add_item (flexo_canvas_get_diagram (self->canvas), shape);
  flexo_document_commit (self->document);
  flexo_canvas_select (self->canvas, shape, FALSE);
}

typedef struct
{
  FlexoWindow   *self;
  char          *mime_type;
  GOutputStream *memory;
} Paste;

static void
paste_free (Paste *paste)
{
  g_object_unref (paste->self);
  g_free (paste->mime_type);
  g_object_unref (paste->memory);
  g_free (paste);
}

static void
spliced (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Paste *paste = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    {
      g_warning ("Cannot read the clipboard: %s", error->message);
      paste_free (paste);
      return;
    }
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (paste->memory));

  if (g_strcmp0 (paste->mime_type, FRAGMENT_MIME_TYPE) == 0)
    {
      g_autoptr(FlexoDocument) fragment = flexo_native_load_bytes (bytes, _("Clipboard"), &error);

      if (fragment == NULL)
        g_warning ("Cannot paste: %s", error->message);
      else
        flexo_window_paste_fragment (paste->self, fragment);
    }
  else
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      if (g_utf8_validate (text, -1, NULL) && *g_strstrip (text) != '\0')
        paste_text (paste->self, text);
    }
  paste_free (paste);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FlexoWindow) self = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  const char *mime_type = NULL;
  Paste *paste;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime_type, &error);
  if (stream == NULL)
    {
      g_debug ("Nothing to paste: %s", error->message);
      return;
    }
  /* Read without blocking: our own copy is written by this main loop. */
  paste = g_new0 (Paste, 1);
  paste->self = g_object_ref (self);
  paste->mime_type = g_strdup (mime_type);
  paste->memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (paste->memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, spliced, paste);
}

void
flexo_window_paste (FlexoWindow *self)
{
  static const char *mime_types[] = { FRAGMENT_MIME_TYPE, "text/plain;charset=utf-8", "text/plain", NULL };

  if (self->canvas == NULL)
    return;
  gdk_clipboard_read_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), mime_types, G_PRIORITY_DEFAULT, NULL,
                            read_done, g_object_ref (self));
}
