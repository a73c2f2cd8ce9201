package org.parley.flag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.parley.user.UserRef;

/**
 * The pending flags on one post or comment, as the moderators' page lists them.
 *
 * @param commentId the flagged comment, or null for flags on the post
 * @param excerpt the comment's text, or the beginning of the post as text
 * @param kinds how many flags of each kind
 */
public record FlagGroup(
        long postNumber,
        Long commentId,
        long questionNumber,
        String questionTitle,
        String questionSlug,
        boolean answer,
        boolean deleted,
        String excerpt,
        UserRef author,
        Map<FlagKind, Integer> kinds,
        List<Raised> raised) {

    /** One flag: who raised it, why, and when. */
    public record Raised(UserRef flagger, FlagKind kind, String text, Instant at) {}
}
