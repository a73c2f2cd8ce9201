/**
 * Exporting a site back to the eight files of a Stack Exchange data dump ({@link
 * org.parley.dump.export.DumpExporter}), as the batch job {@code se-export}: imported rows keep their Ids and every
 * attribute the import kept; content written in Parley gets Ids after the imported ones. Importing an export and
 * exporting again gives the same files.
 */
package org.parley.dump.export;
