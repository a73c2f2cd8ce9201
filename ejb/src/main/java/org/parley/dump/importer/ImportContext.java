package org.parley.dump.importer;

import org.parley.markdown.MarkdownRenderer;

/** What the row importers of one import need: the site, the database helpers and the HTML sanitiser. */
record ImportContext(long siteId, DumpDatabase db, MarkdownRenderer markdown) {}
