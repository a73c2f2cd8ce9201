package org.parley.testing;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.testing.PageClient.Page;

/** The vote buttons of a question page as the server rendered them, for tests that vote through {@link PageClient}. */
public final class VoteButtons {

    private VoteButtons() {}

    /**
     * Votes post {@code post} up from {@code page} as its up-vote button does: through the page's one vote command
     * (a PrimeFaces remote command) with the post and the way as parameters, with a new submission key.
     *
     * @throws IllegalStateException when the page shows no up-vote button for the post
     */
    public static Page upVote(PageClient client, Page page, long post) throws IOException {
        return upVote(client, page, post, UUID.randomUUID().toString());
    }

    /** {@link #upVote(PageClient, Page, long)} with submission key {@code key}. */
    public static Page upVote(PageClient client, Page page, long post, String key) throws IOException {
        if (upVoteTag(page, post) == null) {
            throw new IllegalStateException("no up-vote button for post " + post);
        }
        return client.ajax(
                page,
                "question-form",
                "vote-command",
                key,
                Map.of("vote-post", Long.toString(post), "vote-type", "UP"));
    }

    /** The up-vote button's {@code aria-pressed} ("true" when the viewer voted up), or "no button". */
    public static String upVotePressed(Page page, long post) {
        String tag = upVoteTag(page, post);
        if (tag == null) {
            return "no button";
        }
        Matcher m = Pattern.compile("aria-pressed=\"(\\w+)\"").matcher(tag);
        return m.find() ? m.group(1) : "no aria-pressed";
    }

    /** The start tag of post {@code post}'s up-vote button in {@code page}, whatever its attributes' order; or null. */
    private static String upVoteTag(Page page, long post) {
        Matcher m = Pattern.compile("<button [^>]*>").matcher(page.body());
        while (m.find()) {
            String tag = m.group();
            if (tag.matches("(?s).*class=\"[^\"]*\\bvote-up\\b.*") && tag.contains("data-post=\"" + post + "\"")) {
                return tag;
            }
        }
        return null;
    }
}
