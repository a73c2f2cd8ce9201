package org.parley.post;

import java.util.Objects;

/**
 * Fired as a CDI event by the services inside the writing transaction; observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act only once the change is committed.
 *
 * @param questionNumber the question the change shows on (equal to {@code postNumber} for a question)
 * @param postNumber the question or answer that changed
 */
public record PostChanged(long siteId, long questionNumber, long postNumber, Kind kind) {

    public PostChanged {
        Objects.requireNonNull(kind, "kind");
    }

    /** What happened. */
    public enum Kind {
        ASKED,
        ANSWERED,
        EDITED,
        VOTED,
        ACCEPTED,
        COMMENTED,
        CLOSED,
        REOPENED,
        DELETED,
        UNDELETED,
        /** Another question was closed as a duplicate of this one, or reopened: its linked questions changed. */
        LINKED
    }
}
