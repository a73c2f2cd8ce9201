package org.parley.search;

import static org.parley.analysis.SearchNames.*;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.data.Range;
import org.hibernate.search.util.common.data.RangeBoundInclusion;
import org.parley.common.Actor;
import org.parley.common.Slugs;
import org.parley.metrics.RequestTimings;
import org.parley.metrics.RequestTimings.Kind;
import org.parley.post.Answer;
import org.parley.post.Question;
import org.parley.rules.InvalidInputException;
import org.parley.site.Site;
import org.parley.user.User;
import org.parley.user.UserRef;

/**
 * Searches a site's questions and answers with Stack Overflow's syntax ({@link SearchQueryParser}): one Hibernate
 * Search query over both indexes, routed to the site and filtered on it, then one database read for what the page
 * shows of the page's posts (titles, authors), so that a page costs one search and one SQL query whatever it holds.
 *
 * <p>Words and phrases are searched in the site's language fields (stemmed by its analyzer), a title match weighing
 * {@value #TITLE_BOOST} times a body match; every term must hold. Closed questions are found like open ones, and
 * marked. The database has the last word: a hit whose post is gone is left out.
 */
@Stateless
public class SearchService {

    /** Results a page. */
    public static final int PAGE_SIZE = 30;

    /** The deepest page: beyond it a search should be narrowed, not paged (deep paging costs the engine). */
    public static final int MAX_PAGE = 1_000;

    /**
     * Matches counted exactly; past it the engine stops counting and may skip blocks of documents that cannot reach
     * the page (block-max WAND, sort short-cuts), and the page says "more than" this many. Counting every match of a
     * common word was most of a results page's time on a million questions.
     */
    public static final int COUNT_LIMIT = 10_000;

    /** How much more a word in a question's title counts than the same word in a body. */
    public static final float TITLE_BOOST = 3f;

    /** Characters of body an excerpt shows. */
    static final int EXCERPT_SIZE = 240;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /**
     * One page of a site's posts matching {@code query}.
     *
     * @param siteId the site searched; no other site's posts are ever found
     * @param query the text as typed (Stack Overflow's syntax); null or blank gives a result that {@link
     *     SearchResults#needsHelp() needs help}
     * @param tab the order; null is {@link SearchTab#RELEVANCE}
     * @param page from 1 to {@value #MAX_PAGE}
     * @param viewer who searches, for {@code user:me}; null for an anonymous reader (then {@code user:me} finds nothing,
     *     with a note)
     * @throws InvalidInputException (field {@code q}) for a query over {@value SearchQueryParser#MAX_LENGTH} characters
     *     or {@value SearchQueryParser#MAX_TERMS} terms; (field {@code page}) for a page out of range; for an unknown
     *     site
     */
    public SearchResults search(long siteId, String query, SearchTab tab, int page, Actor viewer) {
        return search(siteId, query, tab, page, PAGE_SIZE, viewer);
    }

    /**
     * {@link #search(long, String, SearchTab, int, Actor)} with pages of {@code pageSize} posts (1 to 100), for the
     * API.
     */
    public SearchResults search(long siteId, String query, SearchTab tab, int page, int pageSize, Actor viewer) {
        if (pageSize < 1 || pageSize > 100) {
            throw new InvalidInputException("pagesize", "The page size must be between 1 and 100.");
        }
        SearchTab order = tab == null ? SearchTab.RELEVANCE : tab;
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidInputException("page", "The page must be between 1 and " + MAX_PAGE + ".");
        }
        Prepared q = prepare(siteId, query, viewer);
        if (q.nothingToSearch()) {
            return new SearchResults(q.parsed(), order, page, pageSize, 0, true, List.of(), q.notes(), q.needsHelp());
        }
        SearchResult<List<?>> result;
        try (var step = RequestTimings.step(Kind.SEARCH)) {
            result = Search.session(em)
                    .search(List.of(Question.class, Answer.class))
                    .select(f -> f.composite()
                            .from(
                                    f.id(Long.class).toProjection(),
                                    f.field(POST_NUMBER, Long.class).toProjection(),
                                    f.field(POST_QUESTION, Long.class).toProjection(),
                                    f.field(q.body(), String.class).toProjection())
                            .asList())
                    .where(f -> predicate(f, q.parsed(), siteId, q.title(), q.body(), q.me()))
                    .sort(f -> sort(f, order))
                    .routing(SiteRoutingBinder.key(siteId))
                    .totalHitCountThreshold(COUNT_LIMIT)
                    .fetch((page - 1) * pageSize, pageSize);
        }
        var analyzer = Excerpts.analyzer(languageKey(q.language()));
        List<SearchHit> hits = hits(siteId, result.hits(), Excerpts.terms(q.parsed(), analyzer), analyzer);
        var total = result.total();
        return new SearchResults(
                q.parsed(),
                order,
                page,
                pageSize,
                total.hitCountLowerBound(),
                total.isHitCountExact(),
                hits,
                q.notes(),
                false);
    }

    /**
     * How many of a site's posts match {@code query}, counted to the last one (the results page stops counting at
     * {@value #COUNT_LIMIT}); 0 when nothing searchable was typed.
     *
     * @throws InvalidInputException as {@link #search} does
     */
    public long count(long siteId, String query, Actor viewer) {
        Prepared q = prepare(siteId, query, viewer);
        if (q.nothingToSearch()) {
            return 0;
        }
        try (var step = RequestTimings.step(Kind.SEARCH)) {
            return Search.session(em)
                    .search(List.of(Question.class, Answer.class))
                    .where(f -> predicate(f, q.parsed(), siteId, q.title(), q.body(), q.me()))
                    .routing(SiteRoutingBinder.key(siteId))
                    .fetchTotalHitCount();
        }
    }

    /**
     * A query read for a site: parsed, stop words left out, {@code user:me} resolved, and the site's language fields.
     *
     * @param needsHelp nothing searchable was typed
     * @param me the viewer's user number for {@code user:me}, or null
     * @param nothingToSearch there is no query to run (it needs help, or {@code user:me} without a viewer)
     */
    private record Prepared(
            SearchQuery parsed,
            List<String> notes,
            String language,
            String title,
            String body,
            Long me,
            boolean needsHelp,
            boolean nothingToSearch) {}

    private Prepared prepare(long siteId, String query, Actor viewer) {
        Site site = em.find(Site.class, siteId);
        if (site == null) {
            throw new InvalidInputException("There is no site " + siteId + ".");
        }
        String language = site.getLanguage();
        SearchQuery parsed = StopWords.strip(SearchQueryParser.parse(query), languageKey(language));
        String title = textField(POST_TITLE, language);
        String body = textField(POST_BODY, language);
        if (parsed.isEmpty()) {
            return new Prepared(parsed, parsed.notes(), language, title, body, null, true, true);
        }
        List<String> notes = new ArrayList<>(parsed.notes());
        Long me = null;
        if (parsed.terms().stream().anyMatch(t -> t instanceof SearchQuery.User u && u.me())) {
            me = viewerNumber(siteId, viewer);
            if (me == null) {
                notes.add("“user:me” finds your own posts once you are logged in.");
                return new Prepared(parsed, notes, language, title, body, null, false, true);
            }
        }
        return new Prepared(parsed, notes, language, title, body, me, false, false);
    }

    /** The viewer's user number on the site, or null when there is no viewer of this site. */
    private Long viewerNumber(long siteId, Actor viewer) {
        if (viewer == null || viewer.siteId() != siteId) {
            return null;
        }
        User user = em.find(User.class, viewer.userId());
        return user == null ? null : user.getNumber();
    }

    private static BooleanPredicateClausesStep<?> predicate(
            SearchPredicateFactory f, SearchQuery query, long siteId, String title, String body, Long me) {
        BooleanPredicateClausesStep<?> bool = f.bool();
        bool.filter(f.match().field(POST_SITE).matching(siteId));
        List<String> words = new ArrayList<>();
        boolean scored = false;
        for (SearchQuery.Term term : query.terms()) {
            if (term instanceof SearchQuery.Text t) {
                if (!t.excluded() && !t.phrase() && t.scope() == SearchQuery.Scope.ANYWHERE) {
                    words.add(t.text());
                } else if (t.excluded()) {
                    bool.mustNot(text(f, t, title, body));
                } else {
                    bool.must(text(f, t, title, body));
                    scored = true;
                }
            } else if (term instanceof SearchQuery.Tag t) {
                SearchPredicate p =
                        f.match().field(POST_TAGS).matching(t.name()).toPredicate();
                if (t.excluded()) {
                    bool.mustNot(p);
                } else {
                    bool.filter(p);
                }
            } else if (term instanceof SearchQuery.User u) {
                bool.filter(f.match().field(POST_OWNER).matching(u.me() ? me : u.number()));
            } else if (term instanceof SearchQuery.Range r) {
                bool.filter(range(f, r));
            } else if (term instanceof SearchQuery.Kind k) {
                bool.filter(f.match().field(POST_KIND).matching(k.question() ? KIND_QUESTION : KIND_ANSWER));
            } else if (term instanceof SearchQuery.Flag flag) {
                switch (flag.field()) {
                    case IS_ACCEPTED -> {
                        bool.filter(f.match().field(POST_KIND).matching(KIND_ANSWER));
                        bool.filter(f.match().field(POST_ACCEPTED).matching(flag.value()));
                    }
                    case HAS_ACCEPTED -> {
                        bool.filter(f.match().field(POST_KIND).matching(KIND_QUESTION));
                        bool.filter(f.match().field(POST_ACCEPTED).matching(flag.value()));
                    }
                    case CLOSED -> bool.filter(f.match().field(POST_CLOSED).matching(flag.value()));
                    case WIKI -> bool.filter(f.match().field(POST_WIKI).matching(flag.value()));
                }
            } else if (term instanceof SearchQuery.Dates d) {
                bool.filter(f.range()
                        .field(d.field() == SearchQuery.DateField.CREATED ? POST_CREATED : POST_LAST_ACTIVE)
                        .within(Range.between(
                                d.from(), RangeBoundInclusion.INCLUDED, d.until(), RangeBoundInclusion.EXCLUDED)));
            } else if (term instanceof SearchQuery.InQuestion q) {
                bool.filter(f.match().field(POST_QUESTION).matching(q.number()));
            } else if (term instanceof SearchQuery.Url u) {
                bool.filter(f.wildcard().field(POST_URLS).matching(u.pattern()));
            }
        }
        if (!words.isEmpty()) {
            // One simple query string for the words: each must be in the title or the body (operators off, so that
            // "c++" or "a|b" are words, never syntax).
            bool.must(f.simpleQueryString()
                    .field(title)
                    .boost(TITLE_BOOST)
                    .field(body)
                    .matching(String.join(" ", words))
                    .defaultOperator(BooleanOperator.AND)
                    .flags(SimpleQueryFlag.WHITESPACE));
            scored = true;
        }
        if (!scored) {
            bool.must(f.matchAll());
        }
        return bool;
    }

    private static SearchPredicate text(SearchPredicateFactory f, SearchQuery.Text t, String title, String body) {
        return switch (t.scope()) {
            case TITLE ->
                t.phrase() ? f.phrase().field(title).matching(t.text()).toPredicate() : words(f, t.text(), title, null);
            case BODY ->
                t.phrase() ? f.phrase().field(body).matching(t.text()).toPredicate() : words(f, t.text(), body, null);
            case ANYWHERE ->
                t.phrase()
                        ? f.phrase()
                                .field(title)
                                .boost(TITLE_BOOST)
                                .field(body)
                                .matching(t.text())
                                .toPredicate()
                        : words(f, t.text(), title, body);
        };
    }

    private static SearchPredicate words(SearchPredicateFactory f, String text, String field, String otherField) {
        var step = f.simpleQueryString().field(field);
        if (otherField != null) {
            step = step.field(otherField);
        }
        return step.matching(text)
                .defaultOperator(BooleanOperator.AND)
                .flags(SimpleQueryFlag.WHITESPACE)
                .toPredicate();
    }

    private static SearchPredicate range(SearchPredicateFactory f, SearchQuery.Range r) {
        return switch (r.field()) {
            case SCORE ->
                f.range()
                        .field(POST_SCORE)
                        .between(toInt(r.min()), toInt(r.max()))
                        .toPredicate();
            case ANSWERS ->
                f.range()
                        .field(POST_ANSWERS)
                        .between(toInt(r.min()), toInt(r.max()))
                        .toPredicate();
            case VIEWS -> f.range().field(POST_VIEWS).between(r.min(), r.max()).toPredicate();
        };
    }

    private static Integer toInt(Long value) {
        return value == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static SortFinalStep sort(SearchSortFactory f, SearchTab tab) {
        return switch (tab) {
            case RELEVANCE -> f.score().then().field(POST_CREATED).desc();
            case NEWEST -> f.field(POST_CREATED).desc();
            case VOTES -> f.field(POST_SCORE).desc().then().field(POST_CREATED).desc();
            case ACTIVE -> f.field(POST_LAST_ACTIVE).desc();
        };
    }

    /**
     * The page's hits with what they show, read from the database in one query of the columns the page needs (no
     * bodies: the index has them): the posts, their questions and their authors.
     */
    private List<SearchHit> hits(
            long siteId, List<List<?>> rows, Set<String> terms, org.apache.lucene.analysis.Analyzer analyzer) {
        if (rows.isEmpty()) {
            return List.of();
        }
        // By primary key: H2 cannot use the (site, number) index for "number in (?, ?, ...)" and reads the whole site
        // instead (50-100 ms on 150,000 posts); ids are what the index holds anyway. Answers' questions in a second
        // read.
        Set<Long> ids = new LinkedHashSet<>();
        for (List<?> row : rows) {
            ids.add((Long) row.get(0));
        }
        Map<Long, Row> posts = new HashMap<>();
        try (var step = RequestTimings.step(Kind.SQL)) {
            Set<Long> questionIds = new LinkedHashSet<>();
            for (Row row : rowsByIds(siteId, ids)) {
                posts.put(row.number(), row);
                if (row.questionId() != null && !ids.contains(row.questionId())) {
                    questionIds.add(row.questionId());
                }
            }
            if (!questionIds.isEmpty()) {
                rowsByIds(siteId, questionIds).forEach(row -> posts.put(row.number(), row));
            }
        }
        List<SearchHit> hits = new ArrayList<>(rows.size());
        for (List<?> r : rows) {
            Row post = posts.get((Long) r.get(1));
            Row question = posts.get((Long) r.get(2));
            if (post == null || question == null || !question.question()) {
                continue; // deleted since it was indexed
            }
            boolean answer = !post.question();
            hits.add(new SearchHit(
                    post.number(),
                    question.number(),
                    answer,
                    question.title(),
                    Slugs.slugify(question.title()),
                    Excerpts.excerpt((String) r.get(3), terms, analyzer, EXCERPT_SIZE),
                    Question.splitTagNames(question.tagNames()),
                    post.score(),
                    question.answerCount(),
                    answer
                            ? Objects.equals(question.acceptedAnswerId(), post.id())
                            : question.acceptedAnswerId() != null,
                    question.closedAt() != null,
                    post.author(),
                    post.createdAt(),
                    post.lastActivityAt()));
        }
        return hits;
    }

    private static final String ROWS_BY_IDS = "select p.id, p.number, type(p), p.score, p.createdAt, p.lastActivityAt,"
            + " o.number, o.displayName, o.reputation, o.deleted, p.ownerDisplayName, treat(p as Question).title, treat(p as Question).tagNames,"
            + " treat(p as Question).answerCount, treat(p as Question).closedAt,"
            + " treat(p as Question).acceptedAnswer.id, treat(p as Answer).question.id"
            + " from Post p left join p.owner o where p.site.id = :site and p.id in :ids";

    private List<Row> rowsByIds(long siteId, Set<Long> ids) {
        return em.createQuery(ROWS_BY_IDS, Object[].class)
                .setParameter("site", siteId)
                .setParameter("ids", ids)
                .getResultStream()
                .map(Row::of)
                .toList();
    }

    /** The columns of one post the results page shows ({@link #ROWS_BY_IDS}); question columns null for answers. */
    private record Row(
            long id,
            long number,
            boolean question,
            int score,
            Instant createdAt,
            Instant lastActivityAt,
            UserRef author,
            String title,
            String tagNames,
            int answerCount,
            Instant closedAt,
            Long acceptedAnswerId,
            Long questionId) {

        static Row of(Object[] r) {
            return new Row(
                    (Long) r[0],
                    (Long) r[1],
                    Question.class.equals(r[2]),
                    (Integer) r[3],
                    (Instant) r[4],
                    (Instant) r[5],
                    UserRef.author((Long) r[6], (String) r[7], (Integer) r[8], (Boolean) r[9], (String) r[10]),
                    (String) r[11],
                    (String) r[12],
                    r[13] == null ? 0 : (Integer) r[13],
                    (Instant) r[14],
                    (Long) r[15],
                    (Long) r[16]);
        }
    }
}
