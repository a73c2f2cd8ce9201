package org.parley.tagwiki;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a tag's info page shows: the tag, how many questions carry it, its excerpt (plain text) and its wiki (sanitised
 * HTML), the numbers of the posts that carry them (their revisions pages), and when either was last changed here.
 */
public record TagInfo(
        String tagName,
        long questionCount,
        String excerpt,
        String wikiHtml,
        Long excerptNumber,
        Long wikiNumber,
        Instant lastEditedAt)
        implements Serializable {

    /** Whether the tag has neither excerpt nor wiki. */
    public boolean empty() {
        return (excerpt == null || excerpt.isBlank()) && (wikiHtml == null || wikiHtml.isBlank());
    }
}
