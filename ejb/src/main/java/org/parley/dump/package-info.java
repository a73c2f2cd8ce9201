/**
 * The Stack Exchange data dump format: the eight files ({@link org.parley.dump.DumpFile}), streaming reading and
 * writing of their {@code <row .../>} elements, date and attribute encoding, and the tables that keep what Parley's
 * own model has no place for (anonymous typed votes, tag wikis and other non-Q&amp;A posts, tag metadata), so that an
 * imported site exports back to the same files. {@code importer} and {@code export} build on it, and so does
 * {@code generate}, the synthetic dump generator in the test sources.
 */
package org.parley.dump;
