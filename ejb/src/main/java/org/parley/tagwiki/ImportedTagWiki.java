package org.parley.tagwiki;

/**
 * A tag wiki as a dump has it: the excerpt post's number and text (PostTypeId 4), the wiki post's number and HTML
 * (PostTypeId 5) and the Markdown of the wiki's latest revision (null when PostHistory has none).
 */
public record ImportedTagWiki(
        String tagName, Long excerptNumber, String excerpt, Long wikiNumber, String wikiHtml, String wikiMarkdown) {}
