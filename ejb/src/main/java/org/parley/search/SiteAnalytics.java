package org.parley.search;

import static org.parley.analysis.SearchNames.*;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.data.Range;
import org.parley.message.PrivateMessage;
import org.parley.metrics.RequestTimings;
import org.parley.metrics.RequestTimings.Kind;
import org.parley.post.Answer;
import org.parley.post.Post;
import org.parley.post.Question;
import org.parley.search.AnalyticsFigures.DayCount;
import org.parley.search.AnalyticsFigures.HourCount;
import org.parley.search.AnalyticsFigures.MonthMedian;
import org.parley.search.AnalyticsFigures.MonthPosts;
import org.parley.search.AnalyticsFigures.MonthRate;
import org.parley.search.AnalyticsFigures.TagAnswerers;
import org.parley.search.AnalyticsFigures.TagGrowth;
import org.parley.search.AnalyticsFigures.UserCount;

/**
 * A site's figures from Hibernate Search aggregations over the question, answer and message indexes (no SQL): range
 * aggregations on dates for series, terms aggregations for tops, and {@link AnalyticsMedian} for medians. Every query
 * is routed to the site's documents and filtered on its id. Works the same on Lucene and Elasticsearch/OpenSearch (a
 * site's documents share one routing key, so one shard answers and terms counts are exact).
 */
@Stateless
@LocalBean
public class SiteAnalytics implements SiteAnalyticsQueries {

    private static final AggregationKey<Map<Range<Instant>, Long>> DATES = AggregationKey.of("dates");

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Override
    public List<MonthPosts> postsPerMonth(long siteId, AnalyticsPeriod period) {
        List<YearMonth> months = period.months();
        List<Long> questions = perMonth(Question.class, siteId, months, f -> f.matchAll());
        List<Long> answers = perMonth(Answer.class, siteId, months, f -> f.matchAll());
        List<MonthPosts> out = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            out.add(new MonthPosts(months.get(i), questions.get(i), answers.get(i)));
        }
        return out;
    }

    @Override
    public List<MonthRate> answerRatePerMonth(long siteId, AnalyticsPeriod period) {
        List<YearMonth> months = period.months();
        List<Long> questions = perMonth(Question.class, siteId, months, f -> f.matchAll());
        List<Long> answered = perMonth(
                Question.class,
                siteId,
                months,
                f -> f.range().field(POST_ANSWERS).atLeast(1));
        List<MonthRate> out = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            out.add(new MonthRate(months.get(i), questions.get(i), answered.get(i)));
        }
        return out;
    }

    @Override
    public List<MonthMedian> medianFirstAnswerPerMonth(long siteId, AnalyticsPeriod period) {
        List<YearMonth> months = period.months();
        List<Long> bases = months.stream().map(AnalyticsMonths::base).toList();
        AggregationKey<Map<Range<Long>, Long>> key = AggregationKey.of("firstAnswer");
        List<AnalyticsMedian.Result> medians = AnalyticsMedian.of(bases, ranges -> {
            Map<Range<Long>, Long> counts;
            try (var step = RequestTimings.step(Kind.SEARCH)) {
                counts = session()
                        .search(Question.class)
                        .where(f -> f.bool()
                                .filter(site(f, siteId))
                                .filter(f.range()
                                        .field(POST_FIRST_ANSWER_KEY)
                                        .range(Range.canonical(
                                                bases.get(0), bases.get(bases.size() - 1) + (1L << MONTH_SHIFT)))))
                        .aggregation(
                                key,
                                f -> f.range()
                                        .field(POST_FIRST_ANSWER_KEY, Long.class)
                                        .ranges(ranges))
                        .routing(SiteRoutingBinder.key(siteId))
                        .fetch(0)
                        .aggregation(key);
            }
            return ranges.stream().map(r -> counts.getOrDefault(r, 0L)).toList();
        });
        List<MonthMedian> out = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            out.add(new MonthMedian(
                    months.get(i), medians.get(i).count(), medians.get(i).median()));
        }
        return out;
    }

    @Override
    public List<TagGrowth> topTags(long siteId, AnalyticsPeriod period, int limit) {
        Map<String, Long> now = tagCounts(siteId, period, null, limit);
        if (now.isEmpty()) {
            return List.of();
        }
        List<String> tags = List.copyOf(now.keySet());
        Map<String, Long> before = tagCounts(siteId, period.previous(), tags, tags.size());
        return tags.stream()
                .map(t -> new TagGrowth(t, now.get(t), before.getOrDefault(t, 0L)))
                .toList();
    }

    /**
     * Questions per tag in the period: the {@code limit} most used (ties: alphabetical, as SQL orders them), or, with
     * {@code only}, those tags' counts. A terms aggregation returns the N biggest buckets in no set order among equal
     * counts, and with {@code only} it counts every tag of the matching questions, not only those: so it asks for more
     * buckets until the answer is settled — the last bucket fetched is smaller than the one at {@code limit}, or holds
     * every tag of {@code only}, or there are no more buckets.
     */
    private Map<String, Long> tagCounts(long siteId, AnalyticsPeriod period, List<String> only, int limit) {
        int fetch = Math.max(limit * 2, 20);
        while (true) {
            Map<String, Long> buckets = tagBuckets(siteId, period, only, fetch);
            List<Map.Entry<String, Long>> sorted = buckets.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .toList();
            boolean exhausted = buckets.size() < fetch;
            boolean settled = only == null
                    ? sorted.size() > limit
                            && sorted.get(sorted.size() - 1).getValue()
                                    < sorted.get(limit - 1).getValue()
                    : buckets.keySet().containsAll(only);
            if (exhausted || settled) {
                Map<String, Long> counts = new LinkedHashMap<>();
                for (Map.Entry<String, Long> e : sorted) {
                    if (only == null ? counts.size() < limit : only.contains(e.getKey())) {
                        counts.put(e.getKey(), e.getValue());
                    }
                }
                return counts;
            }
            fetch *= 4;
        }
    }

    private Map<String, Long> tagBuckets(long siteId, AnalyticsPeriod period, List<String> only, int fetch) {
        AggregationKey<Map<String, Long>> key = AggregationKey.of("tags");
        try (var step = RequestTimings.step(Kind.SEARCH)) {
            return session()
                    .search(Question.class)
                    .where(f -> {
                        var bool = f.bool().filter(site(f, siteId)).filter(created(f, period));
                        if (only != null) {
                            bool.filter(f.terms().field(POST_TAGS).matchingAny(only));
                        }
                        return bool;
                    })
                    .aggregation(
                            key,
                            f -> f.terms()
                                    .field(POST_TAGS, String.class)
                                    .orderByCountDescending()
                                    .maxTermCount(fetch))
                    .routing(SiteRoutingBinder.key(siteId))
                    .fetch(0)
                    .aggregation(key);
        }
    }

    @Override
    public List<HourCount> busiestHours(long siteId, AnalyticsPeriod period) {
        AggregationKey<Map<Integer, Long>> key = AggregationKey.of("hours");
        Map<Integer, Long> hours;
        try (var step = RequestTimings.step(Kind.SEARCH)) {
            hours = session()
                    .search(List.of(Question.class, Answer.class))
                    .where(f -> f.bool().filter(site(f, siteId)).filter(created(f, period)))
                    .aggregation(
                            key, f -> f.terms().field(POST_HOUR, Integer.class).maxTermCount(24))
                    .routing(SiteRoutingBinder.key(siteId))
                    .fetch(0)
                    .aggregation(key);
        }
        List<HourCount> out = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            out.add(new HourCount(h, hours.getOrDefault(h, 0L)));
        }
        return out;
    }

    @Override
    public List<TagAnswerers> topAnswerers(long siteId, AnalyticsPeriod period, List<String> tags, int limit) {
        AggregationKey<Map<Long, Long>> key = AggregationKey.of("owners");
        List<TagAnswerers> out = new ArrayList<>();
        for (String tag : tags) {
            Map<Long, Long> owners;
            try (var step = RequestTimings.step(Kind.SEARCH)) {
                owners = session()
                        .search(Answer.class)
                        .where(f -> f.bool()
                                .filter(site(f, siteId))
                                .filter(created(f, period))
                                .filter(f.match().field(POST_TAGS).matching(tag)))
                        .aggregation(
                                key,
                                f -> f.terms()
                                        .field(POST_OWNER, Long.class)
                                        .orderByCountDescending()
                                        .maxTermCount(limit))
                        .routing(SiteRoutingBinder.key(siteId))
                        .fetch(0)
                        .aggregation(key);
            }
            out.add(new TagAnswerers(
                    tag,
                    owners.entrySet().stream()
                            .map(e -> new UserCount(e.getKey(), e.getValue()))
                            .toList()));
        }
        return out;
    }

    @Override
    public List<DayCount> messagesPerDay(long siteId, AnalyticsPeriod period) {
        List<LocalDate> days = period.days();
        List<Range<Instant>> ranges = new ArrayList<>(days.size());
        for (LocalDate day : days) {
            ranges.add(Range.canonical(AnalyticsMonths.start(day), AnalyticsMonths.start(day.plusDays(1))));
        }
        Map<Range<Instant>, Long> counts;
        try (var step = RequestTimings.step(Kind.SEARCH)) {
            counts = session()
                    .search(PrivateMessage.class)
                    .where(f -> f.bool()
                            .filter(f.match().field(MESSAGE_SITE).matching(siteId))
                            .filter(f.range()
                                    .field(MESSAGE_CREATED_AT)
                                    .range(Range.canonical(period.startInstant(), period.endInstant()))))
                    .aggregation(
                            DATES,
                            f -> f.range()
                                    .field(MESSAGE_CREATED_AT, Instant.class)
                                    .ranges(ranges))
                    .fetch(0)
                    .aggregation(DATES);
        }
        List<DayCount> out = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            out.add(new DayCount(days.get(i), counts.getOrDefault(ranges.get(i), 0L)));
        }
        return out;
    }

    /** Documents of {@code type} per month, with an extra filter; one range aggregation on the creation date. */
    private List<Long> perMonth(
            Class<? extends Post> type,
            long siteId,
            List<YearMonth> months,
            Function<SearchPredicateFactory, PredicateFinalStep> extra) {
        List<Range<Instant>> ranges = new ArrayList<>(months.size());
        for (YearMonth m : months) {
            ranges.add(Range.canonical(AnalyticsMonths.start(m), AnalyticsMonths.start(m.plusMonths(1))));
        }
        Map<Range<Instant>, Long> counts;
        try (var step = RequestTimings.step(Kind.SEARCH)) {
            counts = session()
                    .search(type)
                    .where(f -> f.bool()
                            .filter(site(f, siteId))
                            .filter(f.range()
                                    .field(POST_CREATED)
                                    .range(Range.canonical(
                                            ranges.get(0).lowerBoundValue().orElseThrow(),
                                            ranges.get(ranges.size() - 1)
                                                    .upperBoundValue()
                                                    .orElseThrow())))
                            .filter(extra.apply(f)))
                    .aggregation(
                            DATES,
                            f -> f.range().field(POST_CREATED, Instant.class).ranges(ranges))
                    .routing(SiteRoutingBinder.key(siteId))
                    .fetch(0)
                    .aggregation(DATES);
        }
        return ranges.stream().map(r -> counts.getOrDefault(r, 0L)).toList();
    }

    private static PredicateFinalStep site(SearchPredicateFactory f, long siteId) {
        return f.match().field(POST_SITE).matching(siteId);
    }

    private static PredicateFinalStep created(SearchPredicateFactory f, AnalyticsPeriod period) {
        return f.range().field(POST_CREATED).range(Range.canonical(period.startInstant(), period.endInstant()));
    }

    private SearchSession session() {
        return Search.session(em);
    }
}
