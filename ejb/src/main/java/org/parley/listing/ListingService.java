package org.parley.listing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.common.Page;
import org.parley.common.Paging;
import org.parley.post.QuestionSort;
import org.parley.post.QuestionSummaries;
import org.parley.post.QuestionSummary;
import org.parley.rules.InvalidInputException;
import org.parley.tag.TagNames;
import org.parley.tag.TagRepository;

/** Lists of a site's questions (all, tagged, by a tag expression, the hot ones), answered by the tag engine. */
@Stateless
public class ListingService {

    /** The home page lists what was active in these many days first. */
    static final int RECENT_DAYS = 30;

    @Inject
    private TagEngine engine;

    @Inject
    private TagRepository tagRepository;

    @Inject
    private QuestionSummaries summaries;

    /**
     * Questions of a site in the given order, listed by the tag engine. A page below 1 is read as 1, the page size is
     * kept within 1..100 and a null sort means {@link QuestionSort#NEWEST}.
     */
    public Page<QuestionSummary> list(long siteId, QuestionSort sort, int page, int pageSize) {
        return listing(siteId, TagExpression.ALL, sort, page, pageSize).page();
    }

    /**
     * Questions carrying all of {@code tags}. Paging and sort as in {@link #list}; an unknown tag, a null or empty
     * list gives an empty page.
     *
     * @throws InvalidInputException when a tag name is malformed (see {@link TagNames#parse})
     */
    public Page<QuestionSummary> tagged(long siteId, List<String> tags, QuestionSort sort, int page, int pageSize) {
        List<String> names = TagNames.parseAll(tags);
        if (names.isEmpty()) {
            return Page.empty(Paging.page(page), Paging.pageSize(pageSize));
        }
        return listing(siteId, TagExpression.allOf(tagRepository.mapSynonyms(siteId, names)), sort, page, pageSize)
                .page();
    }

    /**
     * Questions a tag expression selects ({@code java+jpa}, {@code java or kotlin}, {@code -python}, combined: see
     * {@link TagExpression}). Paging and sort as in {@link #list}. A tag no question carries selects nothing and is
     * named in the result's {@code unknownTags}.
     *
     * @throws InvalidInputException with a message to show for a blank or malformed expression, a bad tag name or
     *     more than {@value TagExpression#MAX_TERMS} terms
     */
    public TaggedQuestions tagged(long siteId, String expression, QuestionSort sort, int page, int pageSize) {
        return listing(siteId, canonical(siteId, TagExpression.parse(expression)), sort, page, pageSize);
    }

    /**
     * {@code expression} with each tag synonym replaced by its target (the site's approved synonyms, from the shared
     * tier): what a list of the expression shows, and where a page naming a synonym redirects.
     */
    public TagExpression canonical(long siteId, TagExpression expression) {
        Map<String, String> synonyms = tagRepository.synonyms(siteId);
        return synonyms.isEmpty() ? expression : expression.mapTags(n -> synonyms.getOrDefault(n, n));
    }

    /** The hottest questions for a sidebar (see {@link QuestionSort#HOT}); {@code limit} is kept within 1..100. */
    public List<QuestionSummary> hot(long siteId, int limit) {
        return listing(siteId, TagExpression.ALL, QuestionSort.HOT, 1, limit)
                .page()
                .items();
    }

    /**
     * The home page's top questions: those active in the last {@value #RECENT_DAYS} days (counted from {@code now}),
     * hottest first, then, when the site is quieter than that, the hot list's others (see {@link QuestionSort#HOT}),
     * so the page is full whenever the site has {@code limit} questions, and a question just asked on a quiet imported
     * site is on it. {@code limit} is kept within 1..100.
     */
    public List<QuestionSummary> top(long siteId, int limit, Instant now) {
        int size = Paging.pageSize(limit);
        List<QuestionSummary> active = listing(siteId, TagExpression.ALL, QuestionSort.ACTIVE, 1, size)
                .page()
                .items();
        List<QuestionSummary> hot = listing(siteId, TagExpression.ALL, QuestionSort.HOT, 1, size)
                .page()
                .items();
        return top(active, hot, now.minus(Duration.ofDays(RECENT_DAYS)), size);
    }

    /**
     * The questions of {@code active} (most recently active first) active since {@code since}, hottest first, then
     * those of {@code hot} not among them, up to {@code limit}.
     */
    static List<QuestionSummary> top(
            List<QuestionSummary> active, List<QuestionSummary> hot, Instant since, int limit) {
        List<QuestionSummary> top = new ArrayList<>(limit);
        for (QuestionSummary q : active) {
            if (q.lastActivityAt().isBefore(since)) {
                break;
            }
            top.add(q);
        }
        top.sort(Comparator.comparingInt((QuestionSummary q) -> Order.hotness(q.score(), q.answerCount()))
                .reversed()
                .thenComparing(QuestionSummary::lastActivityAt, Comparator.reverseOrder())
                .thenComparing(QuestionSummary::number, Comparator.reverseOrder()));
        Set<Long> listed = new HashSet<>();
        top.forEach(q -> listed.add(q.number()));
        for (QuestionSummary q : hot) {
            if (top.size() >= limit) {
                break;
            }
            if (listed.add(q.number())) {
                top.add(q);
            }
        }
        return top.size() > limit ? List.copyOf(top.subList(0, limit)) : top;
    }

    /** The engine picks the page's questions; their rows come in one query. */
    private TaggedQuestions listing(long siteId, TagExpression expression, QuestionSort sort, int page, int pageSize) {
        int p = Paging.page(page);
        int size = Paging.pageSize(pageSize);
        IdPage ids = engine.questions(siteId, expression, sort == null ? QuestionSort.NEWEST : sort, p, size);
        List<QuestionSummary> items = summaries.byNumbers(siteId, ids.numbers());
        return new TaggedQuestions(expression, new Page<>(items, p, size, ids.total()), ids.unknownTags());
    }
}
