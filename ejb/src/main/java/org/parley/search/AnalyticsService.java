package org.parley.search;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.common.Actor;
import org.parley.rules.NotAllowedException;
import org.parley.search.AnalyticsFigures.DayCount;
import org.parley.search.AnalyticsFigures.HourCount;
import org.parley.search.AnalyticsFigures.Median;
import org.parley.search.AnalyticsFigures.MessageMonth;
import org.parley.search.AnalyticsFigures.MonthMedian;
import org.parley.search.AnalyticsFigures.MonthPosts;
import org.parley.search.AnalyticsFigures.MonthRate;
import org.parley.search.AnalyticsFigures.TagAnswerers;
import org.parley.search.AnalyticsFigures.TagGrowth;
import org.parley.search.AnalyticsFigures.UserCount;
import org.parley.search.AnalyticsFigures.WeekdayCount;
import org.parley.user.User;
import org.parley.user.UserRef;
import org.parley.user.UserRepository;

/**
 * The analytics pages' use cases: a site's figures for its admins, a user's own message figures for them. Checks who
 * asks, computes every figure with the aggregations ({@link SiteAnalytics}, {@link MessageAnalytics}) and puts names
 * on user numbers.
 */
@Stateless
public class AnalyticsService {

    /** Tags in "top tags"; the top answerers are shown for the first {@value #ANSWERER_TAGS} of them. */
    public static final int TOP_TAGS = 10;

    public static final int ANSWERER_TAGS = 5;
    public static final int TOP_ANSWERERS = 5;
    public static final int TOP_CORRESPONDENTS = 10;

    static final String ONLY_ADMINS = "Only the site's admins can see its analytics.";
    static final String LOG_IN = "Log in to see your message analytics.";

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private SiteAnalytics site;

    @Inject
    private MessageAnalytics messages;

    @Inject
    private UserRepository users;

    /** A user with a count: an answerer's answers, a correspondent's messages. */
    public record NamedCount(UserRef user, long count) implements Serializable {}

    /** A tag's top answerers. */
    public record TagLeaders(String tag, List<NamedCount> answerers) implements Serializable {}

    /** Everything {@code /admin/analytics} shows for one period. */
    public record SiteReport(
            AnalyticsPeriod period,
            List<MonthPosts> posts,
            List<MonthRate> answerRates,
            List<MonthMedian> firstAnswers,
            List<TagGrowth> tags,
            List<HourCount> hours,
            List<TagLeaders> answerers,
            List<DayCount> messagesPerDay)
            implements Serializable {}

    /** Everything {@code /messages/analytics} shows a user for one period. */
    public record MessageReport(
            AnalyticsPeriod period,
            List<MessageMonth> months,
            List<NamedCount> correspondents,
            Median replies,
            List<WeekdayCount> weekdays)
            implements Serializable {}

    /**
     * The actor's site's figures for {@code period}.
     *
     * @throws NotAllowedException unless the actor is an admin (of their site: actors are per site)
     */
    public SiteReport siteReport(Actor actor, AnalyticsPeriod period) {
        if (actor == null || !actor.isAdmin()) {
            throw new NotAllowedException(ONLY_ADMINS);
        }
        long siteId = actor.siteId();
        List<TagGrowth> tags = site.topTags(siteId, period, TOP_TAGS);
        List<String> leading =
                tags.stream().limit(ANSWERER_TAGS).map(TagGrowth::tag).toList();
        List<TagAnswerers> answerers = site.topAnswerers(siteId, period, leading, TOP_ANSWERERS);
        Map<Long, UserRef> names = byNumber(
                siteId,
                answerers.stream()
                        .flatMap(t -> t.answerers().stream())
                        .map(UserCount::user)
                        .collect(Collectors.toSet()));
        return new SiteReport(
                period,
                site.postsPerMonth(siteId, period),
                site.answerRatePerMonth(siteId, period),
                site.medianFirstAnswerPerMonth(siteId, period),
                tags,
                site.busiestHours(siteId, period),
                answerers.stream()
                        .map(t -> new TagLeaders(
                                t.tag(),
                                t.answerers().stream()
                                        .map(u -> new NamedCount(unknownIfMissing(names.get(u.user())), u.count()))
                                        .toList()))
                        .toList(),
                site.messagesPerDay(siteId, period));
    }

    /**
     * The actor's own message figures for {@code period}.
     *
     * @throws NotAllowedException for an anonymous caller
     */
    public MessageReport messageReport(Actor actor, AnalyticsPeriod period) {
        User me = users.acting(actor, LOG_IN);
        long id = me.getId();
        List<UserCount> top = messages.topCorrespondents(id, period, TOP_CORRESPONDENTS);
        Map<Long, UserRef> names = byId(top.stream().map(UserCount::user).toList());
        return new MessageReport(
                period,
                messages.perMonth(id, period),
                top.stream()
                        .map(u -> new NamedCount(unknownIfMissing(names.get(u.user())), u.count()))
                        .toList(),
                messages.medianReplySeconds(id, period),
                messages.weekdays(id, period));
    }

    private Map<Long, UserRef> byNumber(long siteId, Collection<Long> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select u from User u where u.site.id = :site and u.number in :numbers", User.class)
                .setParameter("site", siteId)
                .setParameter("numbers", numbers)
                .getResultStream()
                .collect(Collectors.toMap(User::getNumber, User::ref));
    }

    private Map<Long, UserRef> byId(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em
                .createQuery("select u from User u where u.id in :ids", User.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(User::getId, Function.identity()))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().ref()));
    }

    private static UserRef unknownIfMissing(UserRef ref) {
        return ref != null ? ref : new UserRef(null, "a removed user", "removed-user", 0);
    }
}
