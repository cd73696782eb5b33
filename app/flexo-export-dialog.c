/* flexo-export-dialog.c — export a diagram as SVG, PNG or PDF
 *
 * The choices (diagram, format, scale, margin, background) with a preview
 * drawn by the painter; Export asks where with a file chooser and writes
 * with the same exporter as `flexo --export`. The last choices are kept
 * in GSettings.
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "flexo-export-dialog.h"
#include "flexo-export.h"
#include "flexo-painter.h"
#include "flexo-widget-util.h"

enum { BACKGROUND_WHITE, BACKGROUND_TRANSPARENT, BACKGROUND_COLOR };

struct _FlexoExportDialog
{
  AdwWindow      parent_instance;

  FlexoDocument *document;
  GSettings     *settings;
  char          *basename;
  FlexoPainter  *painter;

  GtkWidget     *diagram_row;
  GtkWidget     *format_row;
  GtkWidget     *scale_row;
  GtkWidget     *scale;
  GtkWidget     *margin_row;
  GtkWidget     *margin;
  GtkWidget     *background_row;
  GtkWidget     *color_row;
  GtkWidget     *color;
  GtkWidget     *preview;
};

G_DEFINE_FINAL_TYPE (FlexoExportDialog, flexo_export_dialog, ADW_TYPE_WINDOW)

static FlexoDiagram *
chosen_diagram (FlexoExportDialog *self)
{
  GPtrArray *diagrams = flexo_document_get_diagrams (self->document);
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->diagram_row));

  return i < diagrams->len ? g_ptr_array_index (diagrams, i) : NULL;
}

static FlexoExportFormat
chosen_format (FlexoExportDialog *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row));

  return i < FLEXO_N_EXPORT_FORMATS ? (FlexoExportFormat) i : FLEXO_EXPORT_SVG;
}

/* The background: NULL when transparent. */
static gboolean
chosen_background (FlexoExportDialog *self,
                   FlexoColor        *out)
{
  switch (adw_combo_row_get_selected (ADW_COMBO_ROW (self->background_row)))
    {
    case BACKGROUND_TRANSPARENT:
      /* A PDF page has no transparency worth the name: white. */
      if (chosen_format (self) != FLEXO_EXPORT_PDF)
        return FALSE;
      G_GNUC_FALLTHROUGH;
    case BACKGROUND_WHITE:
      *out = FLEXO_COLOR_RGBA (0xff, 0xff, 0xff, 0xff);
      return TRUE;
    case BACKGROUND_COLOR:
    default:
      {
        GdkRGBA rgba;

        gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color), &rgba);
        *out = FLEXO_COLOR_RGBA ((guint) lround (rgba.red * 255), (guint) lround (rgba.green * 255),
                                 (guint) lround (rgba.blue * 255), (guint) lround (rgba.alpha * 255));
        return TRUE;
      }
    }
}

static void
update (FlexoExportDialog *self)
{
  FlexoDiagram *diagram = chosen_diagram (self);
  double scale = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->scale)) / 100;
  double margin = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->margin));
  FlexoRect extents = FLEXO_RECT_INIT (0, 0, 0, 0);
  g_autofree char *size = NULL;

  if (diagram != NULL)
    flexo_painter_get_extents (self->painter, diagram, &extents);
  if (chosen_format (self) == FLEXO_EXPORT_PNG)
    /* Translators: the size of the image a PNG export makes. */
    size = g_strdup_printf (_("%.0f × %.0f pixels"), ceil ((extents.width + 2 * margin) * scale),
                            ceil ((extents.height + 2 * margin) * scale));
  else
    /* Translators: the size of the page of an SVG or PDF export. */
    size = g_strdup_printf (_("%.0f × %.0f points"), (extents.width + 2 * margin) * scale,
                            (extents.height + 2 * margin) * scale);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scale_row), size);
  gtk_widget_set_visible (self->color_row, adw_combo_row_get_selected (ADW_COMBO_ROW (self->background_row)) == BACKGROUND_COLOR);
  gtk_widget_queue_draw (self->preview);
}

static void
changed (GObject           *object,
         GParamSpec        *pspec,
         FlexoExportDialog *self)
{
  update (self);
}

static void
spin_changed (GtkSpinButton     *spin,
              FlexoExportDialog *self)
{
  update (self);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  FlexoExportDialog *self = user_data;
  FlexoDiagram *diagram = chosen_diagram (self);
  double margin = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->margin));
  FlexoRect e;
  FlexoColor bg;
  double k, w, h;

  if (diagram == NULL || !flexo_painter_get_extents (self->painter, diagram, &e))
    return;
  e = flexo_rect_inflate (&e, margin, margin);
  k = MIN ((width - 16) / MAX (e.width, 1), (height - 16) / MAX (e.height, 1));
  w = e.width * k;
  h = e.height * k;
  cairo_translate (cr, (width - w) / 2, (height - h) / 2);

  /* The page: a checkerboard where it is transparent. */
  if (chosen_background (self, &bg))
    cairo_set_source_rgba (cr, FLEXO_COLOR_RED (bg) / 255.0, FLEXO_COLOR_GREEN (bg) / 255.0,
                           FLEXO_COLOR_BLUE (bg) / 255.0, FLEXO_COLOR_ALPHA (bg) / 255.0);
  else
    {
      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_rectangle (cr, 0, 0, w, h);
      cairo_fill (cr);
      for (double y = 0; y < h; y += 8)
        for (double x = ((int) (y / 8) % 2) * 8; x < w; x += 16)
          cairo_rectangle (cr, x, y, MIN (8, w - x), MIN (8, h - y));
      cairo_set_source_rgb (cr, 1, 1, 1);
    }
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_fill (cr);

  cairo_scale (cr, k, k);
  cairo_translate (cr, -e.x, -e.y);
  flexo_painter_draw (self->painter, cr, diagram, NULL, k);
}

gboolean
flexo_export_dialog_export_to (FlexoExportDialog  *self,
                               const char         *path,
                               GError            **error)
{
  FlexoDiagram *diagram;
  FlexoColor bg;
  gboolean has_bg;

  g_return_val_if_fail (FLEXO_IS_EXPORT_DIALOG (self), FALSE);

  diagram = chosen_diagram (self);
  if (diagram == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("There is no diagram to export."));
      return FALSE;
    }
  has_bg = chosen_background (self, &bg);
  if (!flexo_export_diagram (diagram, path, chosen_format (self),
                             gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->scale)) / 100,
                             gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->margin)),
                             has_bg ? &bg : NULL, error))
    return FALSE;

  /* Remembered for next time. */
  if (self->settings != NULL)
    {
      char buf[16];

      g_settings_set_string (self->settings, "export-format", flexo_export_format_to_extension (chosen_format (self)));
      g_settings_set_double (self->settings, "export-scale", gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->scale)) / 100);
      g_settings_set_double (self->settings, "export-margin", gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->margin)));
      if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->background_row)) == BACKGROUND_TRANSPARENT)
        g_settings_set_string (self->settings, "export-background", "transparent");
      else
        g_settings_set_string (self->settings, "export-background", flexo_color_to_string (bg, buf));
    }
  return TRUE;
}

static void
chooser_response (GtkNativeDialog   *chooser,
                  int                response,
                  FlexoExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  /* Without the format's extension, it is added. */
  if (path != NULL && !g_str_has_suffix (path, flexo_export_format_to_extension (chosen_format (self))))
    {
      g_autofree char *name = g_file_get_basename (file);

      if (strchr (name, '.') == NULL)
        {
          char *with = g_strconcat (path, ".", flexo_export_format_to_extension (chosen_format (self)), NULL);

          g_free (path);
          path = with;
        }
    }
  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be written."));
  if (path != NULL && flexo_export_dialog_export_to (self, path, &error))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  {
    GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), error->message);

    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (alert));
  }
}

static void
export_clicked (GtkButton         *button,
                FlexoExportDialog *self)
{
  const char *ext = flexo_export_format_to_extension (chosen_format (self));
  g_autofree char *name = g_strdup_printf ("%s.%s", self->basename, ext);
  g_autofree char *pattern = g_strdup_printf ("*.%s", ext);
  g_autofree char *upper = g_ascii_strup (ext, -1);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Diagram"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, upper);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

GtkWidget *
flexo_export_dialog_get_row (FlexoExportDialog *self,
                             const char        *name)
{
  g_return_val_if_fail (FLEXO_IS_EXPORT_DIALOG (self), NULL);

  if (g_strcmp0 (name, "diagram") == 0) return self->diagram_row;
  if (g_strcmp0 (name, "format") == 0) return self->format_row;
  if (g_strcmp0 (name, "scale") == 0) return self->scale;
  if (g_strcmp0 (name, "margin") == 0) return self->margin;
  if (g_strcmp0 (name, "background") == 0) return self->background_row;
  if (g_strcmp0 (name, "color") == 0) return self->color;
  return NULL;
}

static GtkWidget *
combo_row (const char         *title,
           const char * const *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (list, items[i]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  return row;
}

static GtkWidget *
spin_row (const char  *title,
          const char  *tooltip,
          double       min,
          double       max,
          double       step,
          GtkWidget  **spin)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  *spin = gtk_spin_button_new_with_range (min, max, step);
  gtk_widget_set_valign (*spin, GTK_ALIGN_CENTER);
  flexo_widget_set_tooltip (*spin, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *spin);
  return row;
}

static void
build (FlexoExportDialog *self,
       FlexoDiagram      *diagram)
{
  const char *formats[] = { "SVG", "PNG", "PDF", NULL };
  const char *backgrounds[] = { _("White"), _("Transparent"), _("Other Colour"), NULL };
  GPtrArray *diagrams = flexo_document_get_diagrams (self->document);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GtkWidget *box, *header, *cancel, *export, *page, *group, *frame;

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  export = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (export, "suggested-action");
  g_signal_connect (export, "clicked", G_CALLBACK (export_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);

  for (guint i = 0; i < diagrams->len; i++)
    {
      const char *name = flexo_diagram_get_name (g_ptr_array_index (diagrams, i));

      g_ptr_array_add (names, (gpointer) (name != NULL && *name != '\0' ? name : _("Unnamed Diagram")));
    }
  g_ptr_array_add (names, NULL);

  group = adw_preferences_group_new ();
  self->diagram_row = combo_row (_("Diagram"), (const char * const *) names->pdata);
  for (guint i = 0; i < diagrams->len; i++)
    if (g_ptr_array_index (diagrams, i) == diagram)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->diagram_row), i);
  gtk_widget_set_visible (self->diagram_row, diagrams->len > 1);
  self->format_row = combo_row (_("Format"), formats);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row),
                               _("SVG and PDF stay sharp at any size; PNG is an image"));
  self->scale_row = spin_row (_("Scale"), _("Size of the export, in percent of the diagram’s"), 10, 800, 10, &self->scale);
  self->margin_row = spin_row (_("Margin"), _("Space around the diagram, in diagram units"), 0, 500, 5, &self->margin);
  self->background_row = combo_row (_("Background"), backgrounds);
  self->color_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->color_row), _("Background Colour"));
  self->color = gtk_color_button_new ();
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (self->color), FALSE);
  gtk_widget_set_valign (self->color, GTK_ALIGN_CENTER);
  flexo_widget_set_tooltip (self->color, _("Background Colour"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->color_row), self->color);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->diagram_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->format_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->scale_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->margin_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->background_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->color_row);

  self->preview = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->preview), 180);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->preview), draw_preview, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview"), -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), self->preview);

  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_start (page, 18);
  gtk_widget_set_margin_end (page, 18);
  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 18);
  gtk_box_append (GTK_BOX (page), frame);
  gtk_box_append (GTK_BOX (page), group);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_title (GTK_WINDOW (self), _("Export Diagram"));
  gtk_window_set_default_widget (GTK_WINDOW (self), export);
}

static void
load_settings (FlexoExportDialog *self)
{
  g_autofree char *format = NULL;
  g_autofree char *background = NULL;
  FlexoExportFormat f;
  FlexoColor color;

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->scale), 100);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->margin), 20);
  if (self->settings == NULL)
    return;

  format = g_settings_get_string (self->settings, "export-format");
  {
    g_autofree char *fake = g_strconcat ("x.", format, NULL);

    if (flexo_export_format_from_path (fake, &f))
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->format_row), f);
  }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->scale), g_settings_get_double (self->settings, "export-scale") * 100);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->margin), g_settings_get_double (self->settings, "export-margin"));
  background = g_settings_get_string (self->settings, "export-background");
  if (g_strcmp0 (background, "transparent") == 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->background_row), BACKGROUND_TRANSPARENT);
  else if (flexo_color_from_string (background, &color) && color != FLEXO_COLOR_RGBA (0xff, 0xff, 0xff, 0xff))
    {
      GdkRGBA rgba = { FLEXO_COLOR_RED (color) / 255.0, FLEXO_COLOR_GREEN (color) / 255.0,
                       FLEXO_COLOR_BLUE (color) / 255.0, FLEXO_COLOR_ALPHA (color) / 255.0 };

      adw_combo_row_set_selected (ADW_COMBO_ROW (self->background_row), BACKGROUND_COLOR);
      gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color), &rgba);
    }
}

static void
flexo_export_dialog_dispose (GObject *object)
{
  FlexoExportDialog *self = FLEXO_EXPORT_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (flexo_export_dialog_parent_class)->dispose (object);
}

static void
flexo_export_dialog_finalize (GObject *object)
{
  FlexoExportDialog *self = FLEXO_EXPORT_DIALOG (object);

  g_free (self->basename);
  g_clear_pointer (&self->painter, flexo_painter_free);

  G_OBJECT_CLASS (flexo_export_dialog_parent_class)->finalize (object);
}

static void
flexo_export_dialog_class_init (FlexoExportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = flexo_export_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = flexo_export_dialog_finalize;
}

static void
flexo_export_dialog_init (FlexoExportDialog *self)
{
  self->painter = flexo_painter_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
}

FlexoExportDialog *
flexo_export_dialog_new (GtkWindow     *parent,
                         FlexoDocument *document,
                         FlexoDiagram  *diagram,
                         const char    *basename,
                         GSettings     *settings)
{
  FlexoExportDialog *self;

  g_return_val_if_fail (FLEXO_IS_DOCUMENT (document), NULL);

  self = g_object_new (FLEXO_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->basename = g_strdup (basename != NULL ? basename : _("Diagram"));
  build (self, diagram);
  load_settings (self);

  g_signal_connect (self->diagram_row, "notify::selected", G_CALLBACK (changed), self);
  g_signal_connect (self->format_row, "notify::selected", G_CALLBACK (changed), self);
  g_signal_connect (self->background_row, "notify::selected", G_CALLBACK (changed), self);
  g_signal_connect (self->color, "notify::rgba", G_CALLBACK (changed), self);
  g_signal_connect (self->scale, "value-changed", G_CALLBACK (spin_changed), self);
  g_signal_connect (self->margin, "value-changed", G_CALLBACK (spin_changed), self);
  update (self);
  return self;
}
