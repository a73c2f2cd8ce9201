package org.parley.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pure part of the conversation inbox: picking each conversation's latest message and building its row. */
final class ConversationInbox {

    private ConversationInbox() {}

    /** The later of two messages of one conversation: by time sent, then by id (two sent in the same instant). */
    static PrivateMessage newer(PrivateMessage a, PrivateMessage b) {
        int byTime = a.getCreatedAt().compareTo(b.getCreatedAt());
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return a.getId() >= b.getId() ? a : b;
    }

    /**
     * The rows of one page, in the page's order.
     *
     * @param reader whose inbox it is
     * @param counts conversation id to how many messages the reader can see there, in the page's order
     * @param latest conversation id to its latest message the reader can see; a conversation missing here (its last
     *     message was deleted between the two queries) is left out
     * @param unread conversation id to the reader's unread count there; missing means none
     */
    static List<ConversationSummary> rows(
            long reader, Map<Long, Long> counts, Map<Long, PrivateMessage> latest, Map<Long, Long> unread) {
        List<ConversationSummary> rows = new ArrayList<>(counts.size());
        for (Map.Entry<Long, Long> c : counts.entrySet()) {
            PrivateMessage last = latest.get(c.getKey());
            if (last == null) {
                continue;
            }
            boolean mine = last.getSender().getId() == reader;
            rows.add(new ConversationSummary(
                    c.getKey(),
                    (mine ? last.getRecipient() : last.getSender()).ref(),
                    last.getId(),
                    mine,
                    last.getState(),
                    MessageRules.excerpt(last.getBodyHtml()),
                    last.getCreatedAt(),
                    unread.getOrDefault(c.getKey(), 0L),
                    c.getValue()));
        }
        return rows;
    }
}
