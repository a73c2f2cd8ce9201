package org.parley.dump;

import java.io.Serializable;

/** How many up and down votes a post has had: those cast here and those its dump brought. */
public record VoteCounts(long up, long down) implements Serializable {

    public static final VoteCounts NONE = new VoteCounts(0, 0);

    VoteCounts plus(long moreUp, long moreDown) {
        return new VoteCounts(up + moreUp, down + moreDown);
    }
}
