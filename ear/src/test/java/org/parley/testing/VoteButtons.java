package org.parley.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.testing.PageClient.Page;

/** The vote buttons of a question page as the server rendered them, for tests that vote through {@link PageClient}. */
public final class VoteButtons {

    private VoteButtons() {}

    /** The id of the up-vote button of post {@code post} (its ajax source). */
    public static String upVoteButton(Page page, long post) {
        Matcher m = Pattern.compile("<button id=\"([^\"]+)\"[^>]*vote-up[^>]*data-post=\"" + post + "\"")
                .matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no up-vote button for post " + post);
        }
        return m.group(1);
    }

    /** The up-vote button's {@code aria-pressed} ("true" when the viewer voted up), or "no button". */
    public static String upVotePressed(Page page, long post) {
        Matcher m = Pattern.compile("<button [^>]*vote-up[^>]*data-post=\"" + post + "\"[^>]*aria-pressed=\"(\\w+)\"")
                .matcher(page.body());
        return m.find() ? m.group(1) : "no button";
    }
}
