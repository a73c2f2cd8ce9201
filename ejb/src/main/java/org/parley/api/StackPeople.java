package org.parley.api;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.parley.badge.BadgeService;
import org.parley.badge.BadgeType;
import org.parley.people.ProfileTabs;
import org.parley.people.UserDirectory;
import org.parley.user.User;

/**
 * The API's reads of users: {@code /users} (one query picks the page, then the page's users, badge counts, last visits
 * and accept rates in one query each), and per user their badges, reputation changes and top tags. Deleted users are
 * left out; nothing private (e-mail, log-in name, votes cast) is read. Badge counts come from the users directory
 * ({@link UserDirectory#badgeCounts}), badge links from {@link BadgeService}; reputation changes count as the profile's
 * reputation history does (votes on the user's live posts, Parley's and a dump's, and imported accepts).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StackPeople {

    /** Badge ids of badges other than Parley's own ({@link BadgeType}) start above this. */
    public static final long OTHER_BADGE_IDS = 1_000_000L;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private UserDirectory directory;

    @Inject
    private StackReads reads;

    @Inject
    private BadgeService badgeService;

    @Inject
    private ProfileTabs tabs;

    // ---------------------------------------------------------------------------------------------------- users

    /**
     * {@code /users} and {@code /users/{ids}}: the site's live users, optionally those whose display name contains
     * {@code inname} (case-insensitive) or only these numbers.
     *
     * @param numbers the users' numbers, or null for all
     */
    public StackPage<StackUser> users(long siteId, StackQuery query, String inname, List<Long> numbers) {
        Map<String, Object> params = new HashMap<>();
        params.put("site", siteId);
        StringBuilder where = new StringBuilder(" from User u where u.site.id = :site and u.deleted = false");
        String like = UserDirectory.like(inname);
        if (like != null) {
            where.append(" and lower(u.displayName) like :like escape '!'");
            params.put("like", like);
        }
        if (numbers != null) {
            where.append(" and u.number in :numbers");
            params.put("numbers", numbers);
        }
        StackReads.ranges(where, params, query, "u");
        StackReads.PickedIds picked =
                StackReads.pick(em, "u.id", where.toString(), StackReads.orderBy(query, "u"), params, query);
        return new StackPage<>(userRows(siteId, picked.ids()), picked.hasMore(), picked.total());
    }

    private List<StackUser> userRows(long siteId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, User> byId = new HashMap<>();
        em.createQuery("select u from User u where u.id in :ids", User.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(u -> byId.put(u.getId(), u));
        Map<Long, long[]> badges = directory.badgeCounts(
                siteId, byId.values().stream().map(User::getNumber).toList());
        Map<Long, LocalDate> visits = new HashMap<>();
        for (Object[] r : em.createQuery(
                        "select v.userId, max(v.day) from UserVisit v where v.userId in :ids group by v.userId",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()) {
            visits.put((Long) r[0], (LocalDate) r[1]);
        }
        Map<Long, Integer> acceptRates = new HashMap<>();
        for (Object[] r : em.createQuery(
                        "select q.owner.id, count(q), sum(case when q.acceptedAnswer is null then 0 else 1 end)"
                                + " from Question q where q.owner.id in :ids and q.deletedAt is null"
                                + " and q.answerCount > 0 group by q.owner.id",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()) {
            acceptRates.put((Long) r[0], acceptRate(((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        List<StackUser> rows = new ArrayList<>(ids.size());
        for (Long id : ids) {
            User u = byId.get(id);
            if (u == null) {
                continue;
            }
            long[] b = badges.getOrDefault(u.getNumber(), new long[4]);
            rows.add(new StackUser(
                    StackReads.shallow(u),
                    u.getCreatedAt(),
                    lastAccess(u.getCreatedAt(), visits.get(id), u.getImportedLastAccessDate()),
                    u.getLocation(),
                    u.getWebsiteUrl(),
                    b[1],
                    b[2],
                    b[3],
                    acceptRates.get(id)));
        }
        return rows;
    }

    /** Accepted among answered questions, in whole percent (rounded down); null when none has an answer. */
    static Integer acceptRate(long answered, long accepted) {
        return answered == 0 ? null : (int) (accepted * 100 / answered);
    }

    /** The latest of the last visit's day and an imported LastAccessDate, else the creation date. */
    static Instant lastAccess(Instant created, LocalDate lastVisit, Instant imported) {
        Instant visit = lastVisit == null
                ? null
                : lastVisit.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant latest = visit == null ? imported : imported == null || visit.isAfter(imported) ? visit : imported;
        return latest == null || latest.isBefore(created) ? created : latest;
    }

    // --------------------------------------------------------------------------------------------------- badges

    /**
     * {@code /users/{ids}/badges}: each badge each user holds, with how many times they earned it; sorted by rank
     * (bronze above silver above gold, as Stack Exchange orders them), name, type (tag_based above named) or the last
     * award's date, each then by name and user.
     */
    public StackPage<StackBadge> badgesOfUsers(long siteId, List<Long> userNumbers, StackQuery query) {
        Map<Long, StackOwner> users = liveUsers(siteId, userNumbers);
        if (users.isEmpty()) {
            return StackPage.empty(query.total());
        }
        List<Object[]> rows = em.createQuery(
                        "select b.userNumber, b.name, b.badgeClass, b.tagBased, count(b), max(b.awardedAt)"
                                + " from Badge b where b.siteId = :site and b.userNumber in :numbers"
                                + " group by b.userNumber, b.name, b.badgeClass, b.tagBased",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("numbers", users.keySet())
                .getResultList();
        Map<String, Long> firstAwards =
                firstAwards(siteId, rows.stream().map(r -> (String) r[1]).toList());
        List<StackBadge> all = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String name = (String) r[1];
            int badgeClass = ((Number) r[2]).intValue();
            boolean tagBased = (Boolean) r[3];
            all.add(new StackBadge(
                    badgeId(name, badgeClass, tagBased, firstAwards),
                    name,
                    badgeClass,
                    tagBased,
                    ((Number) r[4]).longValue(),
                    BadgeService.link(name, badgeClass, tagBased),
                    (Instant) r[5],
                    users.get((Long) r[0])));
        }
        return page(
                all.stream().filter(inRange(query)).sorted(badgeOrder(query)).toList(), query);
    }

    /**
     * {@code /badges} and {@code /badges/{ids}}: every badge of the site ({@link BadgeService#summary}: Parley's own,
     * held or not, then the tag badges and other badges its dumps brought), optionally those whose name contains
     * {@code inname} or only these ids; {@code award_count} is how many users hold it.
     *
     * @param ids badge ids, or null for all
     */
    public StackPage<StackBadge> badges(long siteId, StackQuery query, String inname, List<Long> ids) {
        List<BadgeService.BadgeSummary> summary = badgeService.summary(siteId);
        Map<String, Long> firstAwards = firstAwards(
                siteId,
                summary.stream()
                        .filter(b -> b.tagBased()
                                || BadgeType.byName(b.name(), b.badgeClass()).isEmpty())
                        .map(BadgeService.BadgeSummary::name)
                        .toList());
        String like = inname == null || inname.isBlank() ? null : inname.strip().toLowerCase(java.util.Locale.ROOT);
        List<StackBadge> all = summary.stream()
                .map(b -> new StackBadge(
                        badgeId(b.name(), b.badgeClass(), b.tagBased(), firstAwards),
                        b.name(),
                        b.badgeClass(),
                        b.tagBased(),
                        b.holders(),
                        b.link(),
                        null,
                        null))
                .filter(b -> ids == null || ids.contains(b.badgeId()))
                .filter(b -> like == null
                        || b.name().toLowerCase(java.util.Locale.ROOT).contains(like))
                .filter(inRange(query))
                .sorted(badgeOrder(query))
                .toList();
        return page(all, query);
    }

    /**
     * {@code /badges/recipients}: the badges awarded to live users, newest first, one item per award ({@code
     * award_count} 1) with its {@code user}; {@code fromdate}/{@code todate} bound the award's date.
     */
    public StackPage<StackBadge> recipients(long siteId, StackQuery query) {
        Map<String, Object> params = new HashMap<>();
        params.put("site", siteId);
        StringBuilder where =
                new StringBuilder(" from Badge b where b.siteId = :site and exists (select u.id from User u"
                        + " where u.site.id = :site and u.number = b.userNumber and u.deleted = false)");
        if (query.fromDate() != null) {
            where.append(" and b.awardedAt >= :fromDate");
            params.put("fromDate", query.fromDate());
        }
        if (query.toDate() != null) {
            where.append(" and b.awardedAt < :toDate");
            params.put("toDate", query.toDate().plusSeconds(1));
        }
        StackReads.PickedIds picked =
                StackReads.pick(em, "b.id", where.toString(), "b.awardedAt desc, b.id desc", params, query);
        if (picked.ids().isEmpty()) {
            return new StackPage<>(List.of(), picked.hasMore(), picked.total());
        }
        Map<Long, org.parley.badge.Badge> byId = new HashMap<>();
        em.createQuery("select b from Badge b where b.id in :ids", org.parley.badge.Badge.class)
                .setParameter("ids", picked.ids())
                .getResultList()
                .forEach(b -> byId.put(b.getId(), b));
        Map<Long, StackOwner> users = liveUsers(
                siteId,
                byId.values().stream()
                        .map(org.parley.badge.Badge::getUserNumber)
                        .distinct()
                        .toList());
        Map<String, Long> firstAwards = firstAwards(
                siteId,
                byId.values().stream().map(org.parley.badge.Badge::getName).toList());
        List<StackBadge> items = new ArrayList<>();
        for (Long id : picked.ids()) {
            org.parley.badge.Badge b = byId.get(id);
            items.add(new StackBadge(
                    badgeId(b.getName(), b.getBadgeClass(), b.isTagBased(), firstAwards),
                    b.getName(),
                    b.getBadgeClass(),
                    b.isTagBased(),
                    1,
                    b.getLink(),
                    b.getAwardedAt(),
                    users.get(b.getUserNumber())));
        }
        return new StackPage<>(items, picked.hasMore(), picked.total());
    }

    private Map<Long, StackOwner> liveUsers(long siteId, java.util.Collection<Long> numbers) {
        return StackReads.liveUsers(em, siteId, numbers);
    }

    /** The id of each badge's first award on the site, by {@code class/name}. */
    private Map<String, Long> firstAwards(long siteId, List<String> names) {
        Map<String, Long> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        for (Object[] r : em.createQuery(
                        "select b.name, b.badgeClass, min(b.id) from Badge b where b.siteId = :site"
                                + " and b.name in :names group by b.name, b.badgeClass",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("names", new HashSet<>(names))
                .getResultList()) {
            out.put(r[1] + "/" + r[0], (Long) r[2]);
        }
        return out;
    }

    private static long badgeId(String name, int badgeClass, boolean tagBased, Map<String, Long> firstAwards) {
        Optional<BadgeType> type = tagBased ? Optional.empty() : BadgeType.byName(name, badgeClass);
        return type.map(t -> (long) t.id())
                .orElseGet(() -> OTHER_BADGE_IDS + firstAwards.getOrDefault(badgeClass + "/" + name, 0L));
    }

    /** {@code min}/{@code max} on the sort's field and {@code fromdate}/{@code todate} on the last award's date. */
    static Predicate<StackBadge> inRange(StackQuery q) {
        return b -> {
            Instant awarded = b.lastAwarded();
            if (awarded != null && q.fromDate() != null && awarded.isBefore(q.fromDate())) {
                return false;
            }
            if (awarded != null
                    && q.toDate() != null
                    && !awarded.isBefore(q.toDate().plusSeconds(1))) {
                return false;
            }
            String text = switch (q.sort()) {
                case RANK -> String.valueOf(b.badgeClass());
                case TYPE -> b.tagBased() ? "1" : "0";
                case NAME -> b.name().toLowerCase(java.util.Locale.ROOT);
                default -> null;
            };
            if (text != null) {
                String min = textBound(q.sort(), q.minText());
                String max = textBound(q.sort(), q.maxText());
                return (min == null || text.compareTo(min) >= 0) && (max == null || text.compareTo(max) <= 0);
            }
            if (awarded == null) {
                return true;
            }
            long seconds = awarded.getEpochSecond();
            return (q.min() == null || seconds >= q.min()) && (q.max() == null || seconds <= q.max());
        };
    }

    private static String textBound(StackSort sort, String value) {
        if (value == null) {
            return null;
        }
        return switch (sort) {
            case RANK -> value.equals("gold") ? "1" : value.equals("silver") ? "2" : "3";
            case TYPE -> value.equals("tag_based") ? "1" : "0";
            default -> value;
        };
    }

    static Comparator<StackBadge> badgeOrder(StackQuery q) {
        Comparator<StackBadge> key = switch (q.sort()) {
            case NAME -> Comparator.comparing(b -> b.name().toLowerCase(java.util.Locale.ROOT));
            case TYPE -> Comparator.comparing(StackBadge::tagBased);
            case AWARDED -> Comparator.comparing(StackBadge::lastAwarded);
            default -> Comparator.comparingInt(StackBadge::badgeClass);
        };
        Comparator<StackBadge> all = key.thenComparing(StackBadge::name)
                .thenComparing(b -> b.user() == null || b.user().userId() == null
                        ? 0L
                        : b.user().userId());
        return q.ascending() ? all : all.reversed();
    }

    // ----------------------------------------------------------------------------------------------- reputation

    /**
     * {@code /users/{ids}/reputation}: the changes of these users' reputation, newest first, as the profile's
     * reputation history counts them ({@link ProfileTabs#reputationEvents}), without the answers of deleted questions;
     * {@code fromdate}/{@code todate} bound the date.
     */
    public StackPage<StackReputation> reputationOfUsers(long siteId, List<Long> userNumbers, StackQuery query) {
        Set<Long> live = liveUsers(siteId, userNumbers).keySet();
        if (live.isEmpty()) {
            return StackPage.empty(query.total());
        }
        Set<Long> gone = new HashSet<>(em.createQuery(
                        "select a.id from Answer a where a.site.id = :site and a.owner.number in :numbers"
                                + " and a.question.deletedAt is not null",
                        Long.class)
                .setParameter("site", siteId)
                .setParameter("numbers", live)
                .getResultList());
        Instant from = query.fromDate();
        Instant to = query.toDate() == null ? null : query.toDate().plusSeconds(1);
        List<ProfileTabs.ReputationEvent> picked = tabs.reputationEvents(siteId, live).stream()
                .filter(e -> !gone.contains(e.postId()))
                .filter(e -> (from == null || !e.at().isBefore(from)) && (to == null || e.at().isBefore(to)))
                .sorted(Comparator.comparing(ProfileTabs.ReputationEvent::at)
                        .thenComparing(ProfileTabs.ReputationEvent::postId)
                        .reversed())
                .toList();
        StackPage<ProfileTabs.ReputationEvent> page = page(picked, query);
        Map<Long, Object[]> posts = postsForLinks(
                page.items().stream().map(ProfileTabs.ReputationEvent::postId).toList());
        List<StackReputation> items = new ArrayList<>();
        for (ProfileTabs.ReputationEvent e : page.items()) {
            Object[] post = posts.get(e.postId());
            items.add(new StackReputation(
                    e.userNumber(),
                    (Long) post[0],
                    (String) post[1],
                    switch (e.kind()) {
                        case UPVOTE -> "up_votes";
                        case DOWNVOTE -> "down_votes";
                        case ACCEPT -> "accepts";
                    },
                    e.kind().change(),
                    e.at(),
                    (Long) post[2],
                    (String) post[3]));
        }
        return new StackPage<>(items, page.hasMore(), page.total());
    }

    /** By post id: its number, {@code question} or {@code answer}, its question's number and title (live ones). */
    private Map<Long, Object[]> postsForLinks(List<Long> postIds) {
        Map<Long, Object[]> out = new HashMap<>();
        if (postIds.isEmpty()) {
            return out;
        }
        for (Object[] r : em.createQuery(
                        "select q.id, q.number, q.title from Question q where q.id in :ids", Object[].class)
                .setParameter("ids", postIds)
                .getResultList()) {
            out.put((Long) r[0], new Object[] {r[1], "question", r[1], r[2]});
        }
        for (Object[] r : em.createQuery(
                        "select a.id, a.number, q.number, q.title from Answer a join a.question q"
                                + " where a.id in :ids and q.deletedAt is null",
                        Object[].class)
                .setParameter("ids", postIds)
                .getResultList()) {
            out.put((Long) r[0], new Object[] {r[1], "answer", r[2], r[3]});
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------- top tags

    /**
     * {@code /users/{ids}/top-tags}: each user's tags with the count and summed score of their live answers and
     * questions in them; by user in the order given, then the summed score, the posts, the name (as the profile's Tags
     * tab orders them).
     */
    public StackPage<StackTopTag> topTagsOfUsers(long siteId, List<Long> userNumbers, StackQuery query) {
        List<Long> owners = reads.userIds(siteId, userNumbers);
        if (owners.isEmpty()) {
            return StackPage.empty(query.total());
        }
        Map<String, long[]> sums = new HashMap<>(); // "number tag" -> answers, answer score, questions, question score
        Map<String, Object[]> keys = new HashMap<>();
        int offset = 0;
        for (String jpql : List.of(
                "select o.number, t.name, count(a), sum(a.score) from Answer a join a.question q join q.tags t"
                        + " join a.owner o where o.id in :owners and a.deletedAt is null and q.deletedAt is null"
                        + " group by o.number, t.name",
                "select o.number, t.name, count(q), sum(q.score) from Question q join q.tags t join q.owner o"
                        + " where o.id in :owners and q.deletedAt is null group by o.number, t.name")) {
            for (Object[] r : em.createQuery(jpql, Object[].class)
                    .setParameter("owners", owners)
                    .getResultList()) {
                String key = r[0] + " " + r[1];
                keys.putIfAbsent(key, new Object[] {r[0], r[1]});
                long[] s = sums.computeIfAbsent(key, k -> new long[4]);
                s[offset] += ((Number) r[2]).longValue();
                s[offset + 1] += ((Number) r[3]).longValue();
            }
            offset = 2;
        }
        List<StackTopTag> all = new ArrayList<>(sums.size());
        sums.forEach((key, s) -> {
            Object[] k = keys.get(key);
            all.add(new StackTopTag((Long) k[0], (String) k[1], s[0], s[1], s[2], s[3]));
        });
        Comparator<StackTopTag> order = Comparator.<StackTopTag>comparingInt(t -> userNumbers.indexOf(t.userId()))
                .thenComparing(Comparator.comparingLong(StackTopTag::score).reversed())
                .thenComparing(Comparator.comparingLong(StackTopTag::posts).reversed())
                .thenComparing(StackTopTag::tagName);
        return page(all.stream().sorted(order).toList(), query);
    }

    // --------------------------------------------------------------------------------------------------- common

    /** One page of a list held whole. */
    static <T> StackPage<T> page(List<T> all, StackQuery query) {
        int from = Math.min(all.size(), query.firstResult());
        int to = (int) Math.min(all.size(), (long) from + query.pageSize());
        return new StackPage<>(all.subList(from, to), to < all.size(), query.total() ? (long) all.size() : null);
    }
}
