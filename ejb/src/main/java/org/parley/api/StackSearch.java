package org.parley.api;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.parley.link.LinkService;
import org.parley.rules.NotFoundException;
import org.parley.search.RelatedQuestion;
import org.parley.search.RelatedQuestions;
import org.parley.search.SearchHit;
import org.parley.search.SearchResults;
import org.parley.search.SearchService;
import org.parley.search.SearchTab;
import org.parley.search.SimilarQuestions;
import org.parley.site.SiteInfo;

/**
 * The API's searches over Parley's search engine ({@link SearchService}, Hibernate Search): {@code /search} and {@code
 * /search/advanced} write their parameters as the query a person would type in the site's search box ({@code
 * intitle:}, {@code [tag]}, {@code hasaccepted:}, ...) limited to questions, and list the questions found in the
 * engine's order; {@code /similar} is the ask page's similar questions ({@link SimilarQuestions}); a question's linked
 * and related questions are its page's lists ({@link LinkService}, {@link RelatedQuestions}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StackSearch {

    /** Characters that would change a typed query's meaning; dropped from the words of a parameter. */
    private static final Pattern SYNTAX = Pattern.compile("[\\[\\]\":]");

    @Inject
    private SearchService search;

    @Inject
    private SimilarQuestions similar;

    @Inject
    private StackReads reads;

    @Inject
    private LinkService links;

    @Inject
    private RelatedQuestions related;

    /** The engine's order for a sort: relevance, activity, creation or votes, newest/highest first. */
    static SearchTab tab(StackQuery query) {
        if (query.ascending()) {
            throw StackException.badParameter("order", "the search methods sort in descending order only");
        }
        if (query.min() != null || query.max() != null) {
            throw StackException.badParameter(
                    query.min() != null ? "min" : "max", "the search methods take no min or max");
        }
        return switch (query.sort()) {
            case CREATION -> SearchTab.NEWEST;
            case VOTES -> SearchTab.VOTES;
            case RELEVANCE -> SearchTab.RELEVANCE;
            default -> SearchTab.ACTIVE;
        };
    }

    /**
     * The query {@code /search} asks for: {@code intitle} (its words, each in the title), {@code tagged} and {@code
     * nottagged} ({@code ;}-separated); one of intitle and tagged is required, as Stack Exchange requires it.
     */
    public static String simpleQuery(Function<String, String> param) {
        String intitle = param.apply("intitle");
        String tagged = param.apply("tagged");
        if ((intitle == null || intitle.isBlank()) && (tagged == null || tagged.isBlank())) {
            throw StackException.badParameter("tagged", "one of tagged or intitle must be set");
        }
        StringBuilder q = new StringBuilder("is:question");
        words(q, intitle, "intitle:");
        tags(q, tagged, "");
        tags(q, param.apply("nottagged"), "-");
        return q.toString();
    }

    /**
     * The query {@code /search/advanced} asks for: {@code q} (as typed in the search box), {@code title} and {@code
     * body} (their words), {@code accepted}, {@code closed} and {@code wiki} ({@code True}/{@code False}), {@code
     * answers} and {@code views} (minimums), {@code user} (a number), {@code tagged} and {@code nottagged}.
     */
    public static String advancedQuery(Function<String, String> param) {
        StringBuilder q = new StringBuilder("is:question");
        String typed = param.apply("q");
        if (typed != null && !typed.isBlank()) {
            q.append(' ').append(typed.strip());
        }
        words(q, param.apply("title"), "intitle:");
        words(q, param.apply("body"), "body:");
        flag(q, param, "accepted", "hasaccepted:");
        flag(q, param, "closed", "closed:");
        flag(q, param, "wiki", "wiki:");
        minimum(q, param, "answers", "answers:");
        minimum(q, param, "views", "views:");
        String user = param.apply("user");
        if (user != null && !user.isBlank()) {
            q.append(" user:").append(StackParameters.number(param, "user", 0, 1, Long.MAX_VALUE / 2));
        }
        tags(q, param.apply("tagged"), "");
        tags(q, param.apply("nottagged"), "-");
        return q.toString();
    }

    private static void words(StringBuilder q, String value, String prefix) {
        if (value == null) {
            return;
        }
        for (String word : SYNTAX.matcher(value).replaceAll(" ").strip().split("\\s+")) {
            if (!word.isEmpty()) {
                q.append(' ').append(prefix).append(word);
            }
        }
    }

    private static void tags(StringBuilder q, String value, String prefix) {
        for (String tag : StackParameters.tagged(value)) {
            q.append(' ')
                    .append(prefix)
                    .append('[')
                    .append(SYNTAX.matcher(tag).replaceAll(""))
                    .append(']');
        }
    }

    private static void flag(StringBuilder q, Function<String, String> param, String name, String operator) {
        String value = param.apply(name);
        if (value == null || value.isBlank()) {
            return;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> q.append(' ').append(operator).append("yes");
            case "false" -> q.append(' ').append(operator).append("no");
            default ->
                throw StackException.badParameter(
                        name, "must be True or False, not \"" + StackParameters.shorten(value) + "\"");
        }
    }

    private static void minimum(StringBuilder q, Function<String, String> param, String name, String operator) {
        String value = param.apply(name);
        if (value != null && !value.isBlank()) {
            q.append(' ').append(operator).append(StackParameters.number(param, name, 0, 0, Integer.MAX_VALUE));
        }
    }

    /** The questions a typed query finds, one page in the engine's order; {@code total} as far as the engine counts. */
    public StackPage<StackQuestion> questions(long siteId, String typedQuery, StackQuery query) {
        SearchTab tab = tab(query);
        if (query.pageSize() == 0) {
            long total = search.count(siteId, typedQuery, null);
            return new StackPage<>(List.of(), total > 0, query.total() ? total : null);
        }
        if (query.page() > SearchService.MAX_PAGE) {
            throw StackException.badParameter("page", "at most " + SearchService.MAX_PAGE + " for a search");
        }
        SearchResults results = search.search(siteId, typedQuery, tab, query.page(), query.pageSize(), null);
        List<Long> numbers = new ArrayList<>();
        for (SearchHit hit : results.hits()) {
            numbers.add(hit.questionNumber());
        }
        List<StackQuestion> items =
                reads.questionsInOrder(siteId, numbers.stream().distinct().toList(), query.body());
        boolean hasMore = (long) query.page() * query.pageSize() < results.total();
        Long total = query.total()
                ? (results.totalExact() ? results.total() : search.count(siteId, typedQuery, null))
                : null;
        return new StackPage<>(items, hasMore, total);
    }

    /**
     * {@code /similar}: the questions most like {@code title} (the ask page's similar questions: at most {@value
     * SimilarQuestions#MAX}), best first or in the sort asked for.
     */
    public StackPage<StackQuestion> similar(SiteInfo site, String title, StackQuery query) {
        if (title == null || title.isBlank()) {
            throw StackException.badParameter("title", "the title to find questions like is required");
        }
        tab(query); // the same checks as the searches
        List<Long> numbers = similar.similar(site, title).stream()
                .map(RelatedQuestion::number)
                .toList();
        List<StackQuestion> rows = reads.questionsInOrder(site.id(), numbers, query.body());
        java.util.Comparator<StackQuestion> order = switch (query.sort()) {
            case ACTIVITY -> java.util.Comparator.comparing(StackQuestion::lastActivityDate);
            case CREATION -> java.util.Comparator.comparing(StackQuestion::creationDate);
            case VOTES -> java.util.Comparator.comparingInt(StackQuestion::score);
            default -> null;
        };
        if (order != null) {
            rows = rows.stream().sorted(order.reversed()).toList();
        }
        return StackPeople.page(rows, query);
    }

    /**
     * {@code /questions/{ids}/linked}: the questions linked to or from these (the question page's Linked list, {@link
     * LinkService}), these left out, in the query's sort.
     */
    public StackPage<StackQuestion> linked(long siteId, List<Long> numbers, StackQuery query) {
        Set<Long> found = new LinkedHashSet<>();
        for (Long number : numbers) {
            links.listForQuestion(siteId, number).forEach(l -> found.add(l.number()));
        }
        numbers.forEach(found::remove);
        return found.isEmpty()
                ? StackPage.empty(query.total())
                : reads.questionsByIds(siteId, List.copyOf(found), query);
    }

    /**
     * {@code /questions/{ids}/related}: the questions related to these (the question page's Related list, {@link
     * RelatedQuestions}), these left out; sort {@code rank} keeps the list's order (best first), the others sort.
     */
    public StackPage<StackQuestion> related(long siteId, List<Long> numbers, StackQuery query) {
        Set<Long> found = new LinkedHashSet<>();
        for (Long number : numbers) {
            try {
                related.related(siteId, number).forEach(r -> found.add(r.number()));
            } catch (NotFoundException e) {
                // an unknown question has none
            }
        }
        numbers.forEach(found::remove);
        if (found.isEmpty()) {
            return StackPage.empty(query.total());
        }
        if (query.sort() != StackSort.RANK) {
            return reads.questionsByIds(siteId, List.copyOf(found), query);
        }
        if (query.ranged()) {
            throw StackException.badParameter("min", "sort rank takes no min, max, fromdate or todate here");
        }
        return StackPeople.page(reads.questionsInOrder(siteId, List.copyOf(found), query.body()), query);
    }
}
