/* flexo-test.c — shared helpers of the Check suites
 *
 * Copyright 2026 The Flexo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "flexo-test.h"

int
flexo_test_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_set_tap (runner, "-");
  srunner_run_all (runner, CK_SILENT);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  xmlCleanupParser ();

  return failed == 0 ? 0 : 1;
}

char *
flexo_test_source_path (const char *relative)
{
  const char *data = g_getenv ("FLEXO_TEST_DATA");

  ck_assert_msg (data != NULL, "FLEXO_TEST_DATA is not set");
  return g_build_filename (data, "..", "..", relative, NULL);
}

void
flexo_test_assert_valid_flexo (GBytes *bytes)
{
  static xmlRelaxNGPtr schema;
  xmlRelaxNGValidCtxtPtr valid;
  xmlDocPtr doc;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  int result;

  if (schema == NULL)
    {
      g_autofree char *path = flexo_test_source_path ("resources/flexo.rng");
      xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt (path);

      schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      ck_assert_msg (schema != NULL, "cannot parse %s", path);
    }

  doc = xmlReadMemory (data, (int) size, "saved.flexo", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR);
  ck_assert_msg (doc != NULL, "the saved file is not well-formed XML");

  valid = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (valid, NULL, NULL);
  result = xmlRelaxNGValidateDoc (valid, doc);
  xmlRelaxNGFreeValidCtxt (valid);
  xmlFreeDoc (doc);

  ck_assert_msg (result == 0, "the saved file does not validate against flexo.rng:\n%.*s",
                 (int) MIN (size, 4000), data);
}
