package org.parley.post.live;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import java.util.Objects;
import org.parley.post.ClusterEvents;

/**
 * One committed change of a question page as read from the events topic: which post changed and how ({@code
 * ANSWERED}, {@code VOTED}, {@code ACCEPTED}, {@code COMMENTED}, {@code EDITED}, ...). Public data only: the numbers are
 * on the page.
 */
public record QuestionChange(long siteId, long question, long post, String kind) {

    public QuestionChange {
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * @throws IllegalArgumentException for a message without the fields {@link ClusterEvents#publish} writes
     */
    static QuestionChange of(MapMessage m) throws JMSException {
        String kind = m.getString(ClusterEvents.KIND);
        if (kind == null || !m.itemExists(ClusterEvents.SITE) || !m.itemExists(ClusterEvents.QUESTION)) {
            throw new IllegalArgumentException("Not a change event: " + m);
        }
        return new QuestionChange(
                m.getLong(ClusterEvents.SITE), m.getLong(ClusterEvents.QUESTION), m.getLong(ClusterEvents.POST), kind);
    }

    /** Whether an open question page shows it: a new question has no page open yet, links are in the sidebar. */
    boolean shown() {
        return !"ASKED".equals(kind) && !"LINKED".equals(kind);
    }
}
