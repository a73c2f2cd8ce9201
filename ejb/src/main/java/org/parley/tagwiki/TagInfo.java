package org.parley.tagwiki;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What a tag's info page shows: the tag, how many questions carry it, its excerpt (plain text) and its wiki (sanitised
 * HTML), the numbers of the posts that carry them (their revisions pages), when either was last changed here, the
 * tag's approved synonyms, and the tag it is a synonym of (null unless it is one).
 */
public record TagInfo(
        String tagName,
        long questionCount,
        String excerpt,
        String wikiHtml,
        Long excerptNumber,
        Long wikiNumber,
        Instant lastEditedAt,
        List<String> synonyms,
        String synonymOf)
        implements Serializable {

    /** Whether the tag has neither excerpt nor wiki. */
    public boolean empty() {
        return (excerpt == null || excerpt.isBlank()) && (wikiHtml == null || wikiHtml.isBlank());
    }
}
