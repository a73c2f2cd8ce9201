package org.parley.search;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;
import org.HdrHistogram.Histogram;
import org.parley.post.Question;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;

/**
 * For {@code scripts/bench.sh search}: times the search engine's work on one site inside the server, where no HTTP,
 * page rendering or client noise is measured. Ten query shapes through {@link SearchService} (the page's own service),
 * related and similar questions (uncached), and every analytics figure by aggregation beside its SQL twin. Words, tags,
 * users and dates are drawn from the site's own questions with a fixed seed, so two runs ask the same queries.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each timed call runs in a transaction of its own
public class SearchBench {

    private static final java.util.logging.Logger log = java.util.logging.Logger.getLogger(SearchBench.class.getName());

    private static final int SAMPLE = 400;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @EJB
    private SearchService search;

    @EJB
    private RelatedQuestions related;

    @EJB
    private SimilarQuestions similar;

    @EJB
    private SiteAnalytics analytics;

    @EJB
    private SiteAnalyticsSql analyticsSql;

    @EJB
    private SiteService sites;

    /** What the queries are made of: words of titles (in title order), tags, authors, years, question numbers. */
    private record Material(
            List<List<String>> titles,
            List<String> typedTitles,
            List<String> tags,
            List<Long> owners,
            int firstYear,
            int lastYear,
            List<Long> numbers) {}

    /**
     * Runs every shape {@code iterations} times (after as many warm-up runs) and every analytics figure {@code
     * aggregations} times each way; answers one flat map of metric to number (milliseconds unless named otherwise).
     */
    public Map<String, Double> run(long siteId, int iterations, int aggregations) {
        return run(siteId, iterations, aggregations, Set.of());
    }

    /**
     * As {@link #run(long, int, int)}, only the figures named in {@code only} (shape names such as {@code related},
     * {@code sql_like_one_word}, or {@code analytics} for every analytics figure); empty for all of them.
     */
    public Map<String, Double> run(long siteId, int iterations, int aggregations, Set<String> only) {
        java.util.function.Predicate<String> wanted = name -> only.isEmpty() || only.contains(name);
        SiteInfo site = sites.list().stream()
                .filter(s -> s.id() == siteId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No site " + siteId));
        Material m = material(siteId);
        Random random = new Random(42);
        Map<String, Double> out = new LinkedHashMap<>();
        long posts = search.count(siteId, "is:question", null) + search.count(siteId, "is:answer", null);
        out.put("posts", (double) posts);
        String common = commonWord(siteId, m, posts);
        out.put("common_word_share_pct", 100.0 * search.count(siteId, common, null) / Math.max(1, posts));

        Map<String, java.util.function.Supplier<String>> shapes = new LinkedHashMap<>();
        shapes.put("one_word", () -> word(m, random));
        shapes.put("three_words", () -> {
            List<String> t = title(m, random);
            return String.join(" ", t.subList(0, Math.min(3, t.size())));
        });
        shapes.put("phrase", () -> {
            List<String> t = title(m, random);
            int i = t.size() < 2 ? 0 : random.nextInt(t.size() - 1);
            return "\"" + String.join(" ", t.subList(i, Math.min(t.size(), i + 2))) + "\"";
        });
        shapes.put("tag_word", () -> "[" + m.tags().get(random.nextInt(m.tags().size())) + "] " + word(m, random));
        shapes.put(
                "user_score",
                () -> "user:" + m.owners().get(random.nextInt(m.owners().size())) + " score:1..");
        shapes.put("created_word", () -> {
            int from = m.firstYear() + random.nextInt(Math.max(1, m.lastYear() - m.firstYear() + 1));
            return "created:" + from + ".." + Math.min(m.lastYear(), from + 1) + " " + word(m, random);
        });
        shapes.put("answer_word", () -> "is:answer " + word(m, random));
        shapes.put("common_20pct", () -> common);
        shapes.keySet().removeIf(wanted.negate());
        for (Map.Entry<String, java.util.function.Supplier<String>> shape : shapes.entrySet()) {
            time(
                    out,
                    shape.getKey(),
                    iterations,
                    i -> search.search(siteId, shape.getValue().get(), SearchTab.RELEVANCE, 1, null));
        }
        // How many questions each lookup found, on average: a faster query that finds fewer is no gain.
        long[] found = new long[2];
        if (wanted.test("related")) {
            time(
                    out,
                    "related",
                    iterations,
                    i -> found[0] += related.compute(
                                    siteId,
                                    m.numbers().get(random.nextInt(m.numbers().size())))
                            .size());
            out.put("related_found_avg", found[0] / (double) (iterations + Math.max(5, iterations)));
        }
        if (wanted.test("similar")) {
            time(
                    out,
                    "similar",
                    iterations,
                    i -> found[1] +=
                            similar.similar(site, typedTitle(m, random)).size());
            out.put("similar_found_avg", found[1] / (double) (iterations + Math.max(5, iterations)));
        }
        // The SQL reference of one word: what a site without a search engine does.
        // Few runs: at a million questions each one reads every body of the site (about a minute on H2).
        if (wanted.test("sql_like_one_word")) {
            time(
                    out,
                    "sql_like_one_word",
                    Math.max(3, iterations / 40),
                    1,
                    // Native: the body is a LOB, which JPQL's lower() refuses.
                    i -> em.createNativeQuery(
                                    "select count(*) from post where site_id = ?1 and lower(body_markdown) like ?2")
                            .setParameter(1, siteId)
                            .setParameter(2, "%" + word(m, random) + "%")
                            .getSingleResult());
        }
        if (!wanted.test("analytics")) {
            return out;
        }

        // Each run asks for another period (the site's years, then the last year's quarters, in turn): H2 answers a
        // statement run again with the same parameters on unchanged tables from its last result, which would time
        // a cache rather than the SQL.
        List<AnalyticsPeriod> periods = new ArrayList<>();
        for (int y = m.lastYear(); y >= m.firstYear(); y--) {
            periods.add(AnalyticsPeriod.containing(AnalyticsPeriod.Unit.YEAR, localDateOf(y)));
        }
        for (int month = 2; month <= 11; month += 3) {
            periods.add(AnalyticsPeriod.containing(
                    AnalyticsPeriod.Unit.QUARTER, java.time.LocalDate.of(m.lastYear(), month, 1)));
        }
        out.put("analytics_periods", (double) periods.size());
        List<String> answerTags = m.tags().subList(0, Math.min(5, m.tags().size()));
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("posts_per_month", (a, period) -> a.postsPerMonth(siteId, period));
        figures.put("answer_rate_per_month", (a, period) -> a.answerRatePerMonth(siteId, period));
        figures.put("median_first_answer_per_month", (a, period) -> a.medianFirstAnswerPerMonth(siteId, period));
        figures.put("top_tags", (a, period) -> a.topTags(siteId, period, 10));
        figures.put("busiest_hours", (a, period) -> a.busiestHours(siteId, period));
        figures.put("top_answerers_per_tag", (a, period) -> a.topAnswerers(siteId, period, answerTags, 10));
        figures.put("messages_per_day", (a, period) -> a.messagesPerDay(siteId, period));
        for (Map.Entry<String, Figure> f : figures.entrySet()) {
            Figure figure = f.getValue();
            boolean same = true;
            for (AnalyticsPeriod period : periods) {
                same &= figure.of(analytics, period).equals(figure.of(analyticsSql, period));
            }
            out.put("agg_" + f.getKey() + "_same_as_sql", same ? 1.0 : 0.0);
            time(out, "agg_" + f.getKey(), aggregations, i -> figure.of(analytics, periods.get(i % periods.size())));
            time(out, "sql_" + f.getKey(), aggregations, i -> figure.of(analyticsSql, periods.get(i % periods.size())));
            out.put(
                    "agg_" + f.getKey() + "_speedup",
                    out.get("sql_" + f.getKey() + "_p50_ms")
                            / Math.max(0.001, out.get("agg_" + f.getKey() + "_p50_ms")));
        }
        return out;
    }

    /** One analytics figure of a period, by either implementation. */
    @FunctionalInterface
    private interface Figure {
        Object of(SiteAnalyticsQueries queries, AnalyticsPeriod period);
    }

    private static java.time.LocalDate localDateOf(int year) {
        return java.time.LocalDate.of(year, 6, 1);
    }

    /** Times {@code n} runs after {@code n} warm-up runs (at least 5): p50, p99 and max in milliseconds. */
    private static void time(Map<String, Double> out, String name, int n, IntConsumer run) {
        time(out, name, n, Math.max(5, n), run);
    }

    /** Times {@code n} runs after {@code warmUps} warm-up runs: p50, p99 and max in milliseconds. */
    private static void time(Map<String, Double> out, String name, int n, int warmUps, IntConsumer run) {
        for (int i = 0; i < warmUps; i++) {
            run.accept(i);
        }
        Histogram h = new Histogram(3);
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            run.accept(i);
            h.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
        }
        out.put(name + "_p50_ms", h.getValueAtPercentile(50) / 1000.0);
        out.put(name + "_p99_ms", h.getValueAtPercentile(99) / 1000.0);
        out.put(name + "_max_ms", h.getMaxValue() / 1000.0);
        log.info(() -> String.format(
                Locale.ROOT,
                "Search bench: %s p50 %.2f ms, p99 %.2f ms",
                name,
                out.get(name + "_p50_ms"),
                out.get(name + "_p99_ms")));
    }

    private Material material(long siteId) {
        List<Question> sample = em.createQuery(
                        "select q from Question q left join fetch q.owner where q.site.id = :site order by q.number",
                        Question.class)
                .setParameter("site", siteId)
                .setMaxResults(SAMPLE)
                .getResultList();
        // Spread the sample over the site: every k-th question by number as well as the first ones.
        long count = em.createQuery("select count(q) from Question q where q.site.id = :site", Long.class)
                .setParameter("site", siteId)
                .getSingleResult();
        if (count > SAMPLE * 4L) {
            long step = count / SAMPLE;
            sample = em.createQuery(
                            "select q from Question q left join fetch q.owner where q.site.id = :site and mod(q.number, :step) = 0",
                            Question.class)
                    .setParameter("site", siteId)
                    .setParameter("step", step)
                    .setMaxResults(SAMPLE)
                    .getResultList();
        }
        if (sample.isEmpty()) {
            throw new IllegalArgumentException("Site " + siteId + " has no questions to search");
        }
        List<List<String>> titles = new ArrayList<>();
        List<String> typedTitles = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<Long> owners = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (Question q : sample) {
            List<String> words = new ArrayList<>();
            for (String w : q.getTitle().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (w.length() >= 4) {
                    words.add(w);
                }
            }
            if (!words.isEmpty()) {
                titles.add(words);
            }
            if (q.getTitle().strip().length() >= SimilarQuestions.MIN_CHARACTERS
                    && RelatedQuestionsTerms.wordCount(q.getTitle()) >= SimilarQuestions.MIN_WORDS) {
                typedTitles.add(q.getTitle().strip());
            }
            tags.addAll(q.tagList());
            if (q.getOwner() != null) {
                owners.add(q.getOwner().getNumber());
            }
            numbers.add(q.getNumber());
            int year = q.getCreatedAt().atZone(ZoneOffset.UTC).getYear();
            first = Math.min(first, year);
            last = Math.max(last, year);
        }
        return new Material(
                titles, typedTitles, List.copyOf(new java.util.LinkedHashSet<>(tags)), owners, first, last, numbers);
    }

    /** The sampled word whose posts are closest to a fifth of the site's (the "matches 20 %" shape). */
    private String commonWord(long siteId, Material m, long posts) {
        Map<String, Integer> frequency = new HashMap<>();
        m.titles().forEach(t -> t.forEach(w -> frequency.merge(w, 1, Integer::sum)));
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (String w : frequency.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(40)
                .map(Map.Entry::getKey)
                .toList()) {
            long hits = search.count(siteId, w, null);
            double distance = Math.abs(hits - posts * 0.2);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = w;
            }
        }
        return best;
    }

    private static List<String> title(Material m, Random random) {
        return m.titles().get(random.nextInt(m.titles().size()));
    }

    /**
     * A title as someone asking would type it: a sampled question's title long enough to be looked up, or (on a site
     * without one) words of sampled titles put together until it is.
     */
    private static String typedTitle(Material m, Random random) {
        if (!m.typedTitles().isEmpty()) {
            return m.typedTitles().get(random.nextInt(m.typedTitles().size()));
        }
        StringBuilder typed = new StringBuilder();
        while (typed.length() < SimilarQuestions.MIN_CHARACTERS
                || RelatedQuestionsTerms.wordCount(typed.toString()) < SimilarQuestions.MIN_WORDS) {
            typed.append(typed.isEmpty() ? "" : " ").append(word(m, random));
        }
        return typed.toString();
    }

    private static String word(Material m, Random random) {
        List<String> t = title(m, random);
        return t.get(random.nextInt(t.size()));
    }
}
