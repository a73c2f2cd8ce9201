package org.parley.tagwiki;

import java.io.Serializable;

/** A tag wiki as its edit form starts: the excerpt and the wiki's Markdown source (empty strings when there is none). */
public record TagWikiForEdit(String tagName, String excerpt, String wikiMarkdown) implements Serializable {}
