package org.parley.revision;

import java.io.Serializable;
import java.util.List;

/**
 * A post's revisions page: the post, the question it is shown on (for the link back), and its history, newest first.
 *
 * @param questionNumber the question the post is (or answers); 0 when the post is not on the site any more
 */
public record RevisionPage(
        long postNumber,
        boolean question,
        long questionNumber,
        String questionTitle,
        String questionSlug,
        List<RevisionEntry> entries)
        implements Serializable {

    /** Whether the post can be linked to. */
    public boolean linkable() {
        return questionNumber > 0;
    }

    /** How many revisions (not events) the post has. */
    public long revisionCount() {
        return entries.stream().filter(RevisionEntry::isRevision).count();
    }
}
