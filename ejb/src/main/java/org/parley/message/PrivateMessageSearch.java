package org.parley.message;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.parley.analysis.SearchNames;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.metrics.RequestTimings;
import org.parley.metrics.RequestTimings.Kind;
import org.parley.rules.InvalidInputException;
import org.parley.user.User;
import org.parley.user.UserRepository;

/**
 * Full-text search of one user's private messages: the delivered messages of their own conversations that they have
 * not deleted for themselves, best match first, newest first among equals. Queries use the simple query syntax
 * (words must all match; {@code "a phrase"}, {@code -word}, {@code a | b}, {@code prefix*}, parentheses), which has
 * no syntax errors: anything typed is a query.
 */
@Stateless
public class PrivateMessageSearch {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private UserRepository users;

    /**
     * One page of the actor's messages matching {@code query}, {@value MessageSearchRules#PAGE_SIZE} a page.
     *
     * @throws org.parley.rules.NotAllowedException for an anonymous caller
     * @throws InvalidInputException for an empty, too long or wordless query, or a page outside 1 to {@value
     *     MessageSearchRules#MAX_PAGE}
     */
    public Page<MessageHit> search(Actor actor, String query, int page) {
        User me = users.acting(actor, MessageService.LOG_IN);
        String q = MessageSearchRules.checkQuery(query);
        MessageSearchRules.checkPage(page);
        int size = MessageSearchRules.PAGE_SIZE;
        SearchResult<Long> result;
        try (var step = RequestTimings.step(Kind.SEARCH)) {
            result = Search.session(em)
                    .search(PrivateMessage.class)
                    .select(f -> f.id(Long.class))
                    .where(f -> f.bool()
                            .must(f.simpleQueryString()
                                    .field(SearchNames.MESSAGE_BODY)
                                    .matching(q)
                                    .defaultOperator(BooleanOperator.AND)
                                    .flags(
                                            SimpleQueryFlag.AND,
                                            SimpleQueryFlag.OR,
                                            SimpleQueryFlag.NOT,
                                            SimpleQueryFlag.PHRASE,
                                            SimpleQueryFlag.PREFIX,
                                            SimpleQueryFlag.PRECEDENCE,
                                            SimpleQueryFlag.WHITESPACE))
                            .filter(f.match()
                                    .field(SearchNames.MESSAGE_VISIBLE_TO)
                                    .matching(me.getId())))
                    .sort(f -> f.score()
                            .then()
                            .field(SearchNames.MESSAGE_CREATED_AT)
                            .desc())
                    .fetch(Page.firstResult(page, size), size);
        }
        List<Long> ids = result.hits();
        Map<Long, PrivateMessage> loaded = ids.isEmpty()
                ? Map.of()
                : em.createQuery(
                                "select m from PrivateMessage m join fetch m.sender join fetch m.recipient where m.id in :ids",
                                PrivateMessage.class)
                        .setParameter("ids", ids)
                        .getResultStream()
                        .collect(Collectors.toMap(PrivateMessage::getId, Function.identity()));
        long myId = me.getId();
        List<MessageHit> hits = result.hits().stream()
                // The database has the last word: a hit the index still has but the user can no longer see is left out.
                .filter(id -> loaded.containsKey(id) && loaded.get(id).isVisibleTo(myId))
                .map(id -> {
                    PrivateMessage m = loaded.get(id);
                    boolean mine = m.getSender().getId() == myId;
                    return new MessageHit(
                            m.getId(),
                            m.getConversation().getId(),
                            (mine ? m.getRecipient() : m.getSender()).ref(),
                            mine,
                            m.getCreatedAt(),
                            MessageSearchRules.snippetHtml(MessageRules.plainText(m.getBodyHtml()), q));
                })
                .toList();
        return new Page<>(hits, page, size, result.total().hitCount());
    }
}
