/**
 * Tag wikis: each tag's excerpt (plain text, shown on tag cards and tag lists) and wiki (Markdown, shown on the tag's
 * info page), imported from a dump's tag wiki posts (types 4 and 5) or written here, every edit a revision of the
 * post that carries it.
 */
package org.parley.tagwiki;
