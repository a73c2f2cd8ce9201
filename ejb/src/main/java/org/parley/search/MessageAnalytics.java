package org.parley.search;

import static org.parley.analysis.SearchNames.*;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.data.Range;
import org.parley.message.PrivateMessage;
import org.parley.metrics.RequestTimings;
import org.parley.metrics.RequestTimings.Kind;
import org.parley.search.AnalyticsFigures.Median;
import org.parley.search.AnalyticsFigures.MessageMonth;
import org.parley.search.AnalyticsFigures.UserCount;
import org.parley.search.AnalyticsFigures.WeekdayCount;

/**
 * One user's message figures from aggregations over the message index: only documents the user may find ({@code
 * visibleTo}), so deleting a message for oneself takes it out of one's figures as it does out of one's folders.
 */
@Stateless
@LocalBean
public class MessageAnalytics implements MessageAnalyticsQueries {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Override
    public List<MessageMonth> perMonth(long userId, AnalyticsPeriod period) {
        List<YearMonth> months = period.months();
        List<Range<Instant>> ranges = new ArrayList<>(months.size());
        for (YearMonth m : months) {
            ranges.add(Range.canonical(AnalyticsMonths.start(m), AnalyticsMonths.start(m.plusMonths(1))));
        }
        Range<Instant> all = Range.canonical(period.seriesStart(), period.endInstant());
        Map<Range<Instant>, Long> sent = monthly(userId, MESSAGE_SENDER, ranges, all);
        Map<Range<Instant>, Long> received = monthly(userId, MESSAGE_RECIPIENT, ranges, all);
        List<MessageMonth> out = new ArrayList<>(months.size());
        for (int i = 0; i < months.size(); i++) {
            out.add(new MessageMonth(
                    months.get(i), sent.getOrDefault(ranges.get(i), 0L), received.getOrDefault(ranges.get(i), 0L)));
        }
        return out;
    }

    private Map<Range<Instant>, Long> monthly(
            long userId, String side, List<Range<Instant>> ranges, Range<Instant> all) {
        AggregationKey<Map<Range<Instant>, Long>> key = AggregationKey.of("months");
        try (var step = RequestTimings.step(Kind.SEARCH)) {
            return Search.session(em)
                    .search(PrivateMessage.class)
                    .where(f -> f.bool()
                            .filter(mine(f, userId))
                            .filter(f.match().field(side).matching(userId))
                            .filter(f.range().field(MESSAGE_CREATED_AT).range(all)))
                    .aggregation(
                            key,
                            f -> f.range()
                                    .field(MESSAGE_CREATED_AT, Instant.class)
                                    .ranges(ranges))
                    .fetch(0)
                    .aggregation(key);
        }
    }

    @Override
    public List<UserCount> topCorrespondents(long userId, AnalyticsPeriod period, int limit) {
        AggregationKey<Map<Long, Long>> key = AggregationKey.of("participants");
        Map<Long, Long> counts;
        try (var step = RequestTimings.step(Kind.SEARCH)) {
            counts = Search.session(em)
                    .search(PrivateMessage.class)
                    .where(f -> f.bool().filter(mine(f, userId)).filter(in(f, period)))
                    // The user is a participant of every message, so they come first: one more than asked for.
                    .aggregation(
                            key,
                            f -> f.terms()
                                    .field(MESSAGE_PARTICIPANTS, Long.class)
                                    .orderByCountDescending()
                                    .maxTermCount(limit + 1))
                    .fetch(0)
                    .aggregation(key);
        }
        return counts.entrySet().stream()
                .filter(e -> e.getKey() != userId)
                .limit(limit)
                .map(e -> new UserCount(e.getKey(), e.getValue()))
                .toList();
    }

    @Override
    public Median medianReplySeconds(long userId, AnalyticsPeriod period) {
        AggregationKey<Map<Range<Long>, Long>> key = AggregationKey.of("replies");
        AnalyticsMedian.Result result = AnalyticsMedian.of(List.of(0L), ranges -> {
                    Map<Range<Long>, Long> counts;
                    try (var step = RequestTimings.step(Kind.SEARCH)) {
                        counts = Search.session(em)
                                .search(PrivateMessage.class)
                                .where(f -> f.bool()
                                        .filter(mine(f, userId))
                                        .filter(f.match().field(MESSAGE_SENDER).matching(userId))
                                        .filter(in(f, period))
                                        .filter(f.exists().field(MESSAGE_REPLY_SECONDS)))
                                .aggregation(
                                        key,
                                        f -> f.range()
                                                .field(MESSAGE_REPLY_SECONDS, Long.class)
                                                .ranges(ranges))
                                .fetch(0)
                                .aggregation(key);
                    }
                    return ranges.stream().map(r -> counts.getOrDefault(r, 0L)).toList();
                })
                .get(0);
        return new Median(result.count(), result.median());
    }

    @Override
    public List<WeekdayCount> weekdays(long userId, AnalyticsPeriod period) {
        AggregationKey<Map<Integer, Long>> key = AggregationKey.of("weekdays");
        Map<Integer, Long> counts;
        try (var step = RequestTimings.step(Kind.SEARCH)) {
            counts = Search.session(em)
                    .search(PrivateMessage.class)
                    .where(f -> f.bool().filter(mine(f, userId)).filter(in(f, period)))
                    .aggregation(
                            key,
                            f -> f.terms().field(MESSAGE_WEEKDAY, Integer.class).maxTermCount(7))
                    .fetch(0)
                    .aggregation(key);
        }
        List<WeekdayCount> out = new ArrayList<>(7);
        for (int d = 1; d <= 7; d++) {
            out.add(new WeekdayCount(d, counts.getOrDefault(d, 0L)));
        }
        return out;
    }

    private static PredicateFinalStep mine(SearchPredicateFactory f, long userId) {
        return f.match().field(MESSAGE_VISIBLE_TO).matching(userId);
    }

    private static PredicateFinalStep in(SearchPredicateFactory f, AnalyticsPeriod period) {
        return f.range().field(MESSAGE_CREATED_AT).range(Range.canonical(period.startInstant(), period.endInstant()));
    }
}
