/* main.c — the flexo executable
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "flexo-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FlexoApplication) app = NULL;
  const char *localedir;

  /* FLEXO_LOCALEDIR lets an uninstalled build find its own catalogues. */
  localedir = g_getenv ("FLEXO_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Flexo"));

  app = flexo_application_new (G_APPLICATION_HANDLES_OPEN);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
