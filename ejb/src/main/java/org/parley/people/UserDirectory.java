package org.parley.people;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.parley.common.Page;
import org.parley.common.Paging;
import org.parley.post.Reputation;
import org.parley.post.VoteType;
import org.parley.revision.HistoryTypes;
import org.parley.user.User;

/**
 * The users directory: a page of {@value #PAGE_SIZE} cards for one tab and period, optionally only users whose display
 * name contains a filter. Each ranking is one grouped query that reads only the period's rows through an index (votes
 * by creation time, revisions by site and time, users by site and reputation), then the page's users, their top tags
 * and badge counts in one query each, so a page costs five queries whatever the page size.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class UserDirectory {

    public static final int PAGE_SIZE = 36;
    /** The longest name filter taken; longer ones are cut. */
    public static final int MAX_FILTER = 40;
    /** Pages past this are not offered: the ranking queries sort every ranked user. */
    public static final int MAX_PAGE = 1000;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    private Clock clock = Clock.systemUTC();

    /**
     * One page of the directory. A page below 1 is read as 1; a filter is trimmed, cut to {@value #MAX_FILTER}
     * characters and matched case-insensitively anywhere in the display name; blank means no filter.
     */
    public Page<UserCard> list(long siteId, DirectoryTab tab, Period period, String filter, int page) {
        int p = Math.min(Paging.page(page), MAX_PAGE);
        String like = like(filter);
        Instant since = period.since(clock.instant());
        return switch (tab) {
            case REPUTATION ->
                period == Period.ALL
                        ? byReputation(siteId, like, Instant.EPOCH, p)
                        : ranked(siteId, reputationGained(siteId, like, since), p);
            case NEW_USERS -> byReputation(siteId, like, since, p);
            case VOTERS -> ranked(siteId, grouped(votersQuery(siteId, like, since)), p);
            case EDITORS -> ranked(siteId, grouped(editorsQuery(siteId, like, since)), p);
        };
    }

    /** The filter as a lower-case LIKE pattern with its wildcards escaped, or null for none. */
    public static String like(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        String f = filter.strip().toLowerCase(Locale.ROOT);
        if (f.length() > MAX_FILTER) {
            f = f.substring(0, MAX_FILTER);
        }
        return "%" + f.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private Page<UserCard> byReputation(long siteId, String like, Instant since, int page) {
        String where = " from User u where u.site.id = :site and u.deleted = false"
                + (since.equals(Instant.EPOCH) ? "" : " and u.createdAt >= :since")
                + (like == null ? "" : " and lower(u.displayName) like :like escape '!'");
        TypedQuery<User> rows =
                em.createQuery("select u" + where + " order by u.reputation desc, u.number", User.class);
        TypedQuery<Long> count = em.createQuery("select count(u)" + where, Long.class);
        for (TypedQuery<?> q : List.of(rows, count)) {
            q.setParameter("site", siteId);
            if (!since.equals(Instant.EPOCH)) {
                q.setParameter("since", since);
            }
            if (like != null) {
                q.setParameter("like", like);
            }
        }
        List<User> users = rows.setFirstResult(Page.firstResult(page, PAGE_SIZE))
                .setMaxResults(PAGE_SIZE)
                .getResultList();
        Map<Long, Long> figures = new LinkedHashMap<>();
        users.forEach(u -> figures.put(u.getId(), (long) u.getReputation()));
        return new Page<>(cards(siteId, users, figures), page, PAGE_SIZE, count.getSingleResult());
    }

    /** Reputation each author gained from votes cast on their live posts in the period. */
    private Map<Long, Long> reputationGained(long siteId, String like, Instant since) {
        TypedQuery<Object[]> q = em.createQuery(
                        "select o.id, v.type, count(v) from Vote v join v.post p join p.owner o"
                                + " where p.site.id = :site and v.createdAt >= :since and p.deletedAt is null"
                                + " and o.deleted = false"
                                + (like == null ? "" : " and lower(o.displayName) like :like escape '!'")
                                + " group by o.id, v.type",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("since", since);
        if (like != null) {
            q.setParameter("like", like);
        }
        Map<Long, Long> gained = new HashMap<>();
        for (Object[] row : q.getResultList()) {
            long n = ((Number) row[2]).longValue();
            int each = row[1] == VoteType.UP ? Reputation.UPVOTE : Reputation.DOWNVOTED;
            gained.merge((Long) row[0], n * each, Long::sum);
        }
        gained.values().removeIf(v -> v <= 0);
        return gained;
    }

    private TypedQuery<Object[]> votersQuery(long siteId, String like, Instant since) {
        TypedQuery<Object[]> q = em.createQuery(
                        "select u.id, count(v) from Vote v join v.voter u where u.site.id = :site"
                                + " and v.createdAt >= :since and u.deleted = false"
                                + (like == null ? "" : " and lower(u.displayName) like :like escape '!'")
                                + " group by u.id",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("since", since);
        return like == null ? q : q.setParameter("like", like);
    }

    private TypedQuery<Object[]> editorsQuery(long siteId, String like, Instant since) {
        // An edit writes up to three history rows (title, body, tags) under one revision GUID: it counts once.
        TypedQuery<Object[]> q = em.createQuery(
                        "select u.id, count(distinct r.revisionGuid) from PostRevision r, User u"
                                + " where r.siteId = :site and r.createdAt >= :since and r.historyTypeId in :types"
                                + " and u.site.id = :site and u.number = r.userNumber and u.deleted = false"
                                + (like == null ? "" : " and lower(u.displayName) like :like escape '!'")
                                + " group by u.id",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("since", since)
                .setParameter("types", HistoryTypes.EDITS);
        return like == null ? q : q.setParameter("like", like);
    }

    private static Map<Long, Long> grouped(TypedQuery<Object[]> q) {
        Map<Long, Long> out = new HashMap<>();
        for (Object[] row : q.getResultList()) {
            out.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    /** A page of users ranked by a figure each, highest first (ties by the user's id, the older account first). */
    private Page<UserCard> ranked(long siteId, Map<Long, Long> figures, int page) {
        List<Map.Entry<Long, Long>> order = figures.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .skip((long) Page.firstResult(page, PAGE_SIZE))
                .limit(PAGE_SIZE)
                .toList();
        Map<Long, Long> pageFigures = new LinkedHashMap<>();
        order.forEach(e -> pageFigures.put(e.getKey(), e.getValue()));
        List<User> users = List.of();
        if (!pageFigures.isEmpty()) {
            Map<Long, User> byId = em.createQuery("select u from User u where u.id in :ids", User.class)
                    .setParameter("ids", pageFigures.keySet())
                    .getResultStream()
                    .collect(Collectors.toMap(User::getId, u -> u));
            users = pageFigures.keySet().stream()
                    .map(byId::get)
                    .filter(u -> u != null)
                    .toList();
        }
        return new Page<>(cards(siteId, users, pageFigures), page, PAGE_SIZE, figures.size());
    }

    private List<UserCard> cards(long siteId, List<User> users, Map<Long, Long> figures) {
        if (users.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> tags = topTags(users.stream().map(User::getId).toList());
        Map<Long, long[]> badges =
                badgeCounts(siteId, users.stream().map(User::getNumber).toList());
        List<UserCard> cards = new ArrayList<>(users.size());
        for (User u : users) {
            long[] b = badges.getOrDefault(u.getNumber(), new long[4]);
            cards.add(new UserCard(
                    u.getNumber(),
                    u.getDisplayName(),
                    u.getReputation(),
                    u.getLocation(),
                    u.getCreatedAt(),
                    figures.getOrDefault(u.getId(), 0L),
                    u.getImportedImageUrl(),
                    u.getAvatarVersion(),
                    tags.getOrDefault(u.getId(), List.of()),
                    b[1],
                    b[2],
                    b[3]));
        }
        return cards;
    }

    /** Up to three tags per user where their live answers and questions score most (ties: more posts, then name). */
    private Map<Long, List<String>> topTags(Collection<Long> userIds) {
        Map<Long, Map<String, long[]>> sums = new HashMap<>();
        for (String jpql : List.of(
                "select a.owner.id, t.name, sum(a.score), count(a) from Answer a join a.question q join q.tags t"
                        + " where a.owner.id in :ids and a.deletedAt is null and q.deletedAt is null"
                        + " group by a.owner.id, t.name",
                "select q.owner.id, t.name, sum(q.score), count(q) from Question q join q.tags t"
                        + " where q.owner.id in :ids and q.deletedAt is null group by q.owner.id, t.name")) {
            for (Object[] row : em.createQuery(jpql, Object[].class)
                    .setParameter("ids", userIds)
                    .getResultList()) {
                long[] s = sums.computeIfAbsent((Long) row[0], k -> new HashMap<>())
                        .computeIfAbsent((String) row[1], k -> new long[2]);
                s[0] += ((Number) row[2]).longValue();
                s[1] += ((Number) row[3]).longValue();
            }
        }
        Map<Long, List<String>> out = new HashMap<>();
        sums.forEach((user, byTag) -> out.put(
                user,
                byTag.entrySet().stream()
                        .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                                .thenComparingLong(e -> -e.getValue()[1])
                                .thenComparing(Map.Entry::getKey))
                        .limit(3)
                        .map(Map.Entry::getKey)
                        .toList()));
        return out;
    }

    /**
     * The cards of the users {@code numbers} of site {@code siteId} by number, for the author cards of a page (one read
     * of the users and one of their badges, whatever the number): picture, reputation and badge counts; no figure and
     * no top tags. Unknown numbers are left out.
     */
    public Map<Long, UserCard> authorCards(long siteId, Collection<Long> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        List<User> users = em.createQuery(
                        "select u from User u where u.site.id = :site and u.number in :numbers", User.class)
                .setParameter("site", siteId)
                .setParameter("numbers", numbers)
                .getResultList();
        Map<Long, long[]> badges = badgeCounts(siteId, numbers);
        Map<Long, UserCard> out = new HashMap<>();
        for (User u : users) {
            long[] b = badges.getOrDefault(u.getNumber(), new long[4]);
            out.put(
                    u.getNumber(),
                    new UserCard(
                            u.getNumber(),
                            u.getDisplayName(),
                            u.getReputation(),
                            u.getLocation(),
                            u.getCreatedAt(),
                            0,
                            u.getImportedImageUrl(),
                            u.getAvatarVersion(),
                            List.of(),
                            b[1],
                            b[2],
                            b[3]));
        }
        return out;
    }

    /** Badges held per user number, indexed by class (1 gold, 2 silver, 3 bronze), in one query; absent for none. */
    public Map<Long, long[]> badgeCounts(long siteId, Collection<Long> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        Map<Long, long[]> out = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select b.userNumber, b.badgeClass, count(b) from Badge b where b.siteId = :site"
                                + " and b.userNumber in :numbers group by b.userNumber, b.badgeClass",
                        Object[].class)
                .setParameter("site", siteId)
                .setParameter("numbers", numbers)
                .getResultList()) {
            int c = ((Number) row[1]).intValue();
            if (c >= 1 && c <= 3) {
                out.computeIfAbsent((Long) row[0], k -> new long[4])[c] += ((Number) row[2]).longValue();
            }
        }
        return out;
    }
}
