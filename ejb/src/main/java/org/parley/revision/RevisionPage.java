package org.parley.revision;

import java.io.Serializable;
import java.util.List;
import org.parley.user.UserRef;

/**
 * A post's revisions page: the post, the question it is shown on (for the link back), and its history, newest first.
 *
 * @param questionNumber the question the post is (or answers); 0 when the post is not on the site any more
 * @param owner who wrote the post (for who may roll it back), or null when it is not on the site any more
 */
public record RevisionPage(
        long postNumber,
        boolean question,
        long questionNumber,
        String questionTitle,
        String questionSlug,
        UserRef owner,
        List<RevisionEntry> entries)
        implements Serializable {

    /** Whether the post can be linked to. */
    public boolean linkable() {
        return questionNumber > 0;
    }

    /** The number of the post's current revision (the newest); 0 when it has none. */
    public int currentRevision() {
        return entries.stream()
                .filter(RevisionEntry::isRevision)
                .mapToInt(RevisionEntry::number)
                .max()
                .orElse(0);
    }

    /** How many revisions (not events) the post has. */
    public long revisionCount() {
        return entries.stream().filter(RevisionEntry::isRevision).count();
    }
}
