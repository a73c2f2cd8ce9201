package org.parley.api;

import java.time.Instant;

/**
 * A tag's wiki as the API's {@code tag_wiki} type has it.
 *
 * @param excerpt plain text, or null
 * @param bodyHtml the wiki's sanitised HTML, or null
 * @param lastEditDate when the excerpt or the wiki was last changed here; null for an imported wiki never edited
 */
public record StackTagWiki(String tagName, String excerpt, String bodyHtml, Instant lastEditDate) {}
