package org.parley.badge;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.common.Page;

/** Reading badges: a profile's, the site's list of badges and each badge's holders. */
@Stateless
public class BadgeService {

    /** {@link #listByUser} lists at most this many badges. */
    public static final int MAX_SHOWN = 200;

    /** Holders on one page of a badge's page. */
    public static final int HOLDERS_PER_PAGE = 60;

    /** The deepest page of holders served. */
    public static final int MAX_PAGE = 1000;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /** The badges of user {@code userNumber} on site {@code siteId}, gold first; empty for an unknown user. */
    public List<Badge> listByUser(long siteId, long userNumber) {
        return em.createNamedQuery("Badge.listByUser", Badge.class)
                .setParameter("site", siteId)
                .setParameter("user", userNumber)
                .setMaxResults(MAX_SHOWN)
                .getResultList();
    }

    /** One badge of a user's profile: how often they earned it and when last (tag badges and Nice Answer recur). */
    public record Held(String name, int badgeClass, boolean tagBased, long times, Instant lastAwarded)
            implements Serializable {

        /** gold, silver or bronze. */
        public String className() {
            return badgeClass == 1 ? "gold" : badgeClass == 2 ? "silver" : "bronze";
        }

        /** The badge's page, relative to the site. */
        public String link() {
            return BadgeService.link(name, badgeClass, tagBased);
        }
    }

    /**
     * The distinct badges of user {@code userNumber}, gold first, then the ones earned most often, then by name; each
     * with how many times and the last time it was awarded. Empty for an unknown user.
     */
    public List<Held> heldByUser(long siteId, long userNumber) {
        return em
                .createNamedQuery("Badge.groupedByUser", Object[].class)
                .setParameter("site", siteId)
                .setParameter("user", userNumber)
                .getResultList()
                .stream()
                .map(r -> new Held(
                        (String) r[0],
                        ((Number) r[1]).intValue(),
                        (Boolean) r[2],
                        ((Number) r[3]).longValue(),
                        (Instant) r[4]))
                .sorted(Comparator.comparingInt(Held::badgeClass)
                        .thenComparing(Comparator.comparingLong(Held::times).reversed())
                        .thenComparing(Held::name))
                .toList();
    }

    /** How many badges of each class the user holds, imported and awarded. */
    public ClassCounts countsByUser(long siteId, long userNumber) {
        long[] n = new long[4];
        for (Object[] row : em.createNamedQuery("Badge.countByUserAndClass", Object[].class)
                .setParameter("site", siteId)
                .setParameter("user", userNumber)
                .getResultList()) {
            int c = ((Number) row[0]).intValue();
            if (c >= 1 && c <= 3) {
                n[c] += ((Number) row[1]).longValue();
            }
        }
        return new ClassCounts(n[1], n[2], n[3]);
    }

    /**
     * Every badge of the site: each of {@link BadgeType} (held or not), then the tag badges and the other badges its
     * dumps brought, with how many users hold each. Gold first, then silver, then bronze; by name within a class.
     */
    public List<BadgeSummary> summary(long siteId) {
        Map<String, Long> held = new HashMap<>();
        List<BadgeSummary> others = new ArrayList<>();
        for (Object[] row : em.createNamedQuery("Badge.summaryBySite", Object[].class)
                .setParameter("site", siteId)
                .getResultList()) {
            String name = (String) row[0];
            int badgeClass = ((Number) row[1]).intValue();
            boolean tagBased = (Boolean) row[2];
            long holders = ((Number) row[3]).longValue();
            Optional<BadgeType> type = tagBased ? Optional.empty() : BadgeType.byName(name, badgeClass);
            if (type.isPresent()) {
                held.merge(type.get().name(), holders, Long::sum);
            } else {
                others.add(new BadgeSummary(
                        name,
                        badgeClass,
                        tagBased,
                        holders,
                        tagBased ? TagBadge.description(name, badgeClass) : "Imported with the site's dump.",
                        link(name, badgeClass, tagBased)));
            }
        }
        List<BadgeSummary> all = new ArrayList<>();
        for (BadgeType t : BadgeType.values()) {
            all.add(new BadgeSummary(
                    t.title(), t.badgeClass(), false, held.getOrDefault(t.name(), 0L), t.description(), link(t)));
        }
        all.addAll(others);
        all.sort(Comparator.comparingInt(BadgeSummary::badgeClass)
                .thenComparing(BadgeSummary::tagBased)
                .thenComparing(BadgeSummary::name, String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    /**
     * Who holds badge {@code name} of class {@code badgeClass}, newest first, {@value #HOLDERS_PER_PAGE} a page; an
     * empty page past the end (pages below 1 read as 1, above {@value #MAX_PAGE} as {@value #MAX_PAGE}).
     */
    public Page<Holder> holders(long siteId, String name, int badgeClass, int page) {
        int p = Math.max(1, Math.min(MAX_PAGE, page));
        long total = em.createNamedQuery("Badge.countHolders", Long.class)
                .setParameter("site", siteId)
                .setParameter("name", name)
                .setParameter("class", badgeClass)
                .getSingleResult();
        if (total == 0) {
            return Page.empty(p, HOLDERS_PER_PAGE);
        }
        List<Holder> items = em.createNamedQuery("Badge.listHolders", Object[].class)
                .setParameter("site", siteId)
                .setParameter("name", name)
                .setParameter("class", badgeClass)
                .setFirstResult(Page.firstResult(p, HOLDERS_PER_PAGE))
                .setMaxResults(HOLDERS_PER_PAGE)
                .getResultStream()
                .map(r -> new Holder(((Number) r[0]).longValue(), (String) r[1], (Instant) r[2]))
                .toList();
        return new Page<>(items, p, HOLDERS_PER_PAGE, total);
    }

    /** Whether badge {@code name} of class {@code badgeClass} is held on the site as a tag badge. */
    public boolean isTagBadge(long siteId, String name, int badgeClass) {
        return em.createQuery(
                                "select count(b) from Badge b where b.siteId = :site and b.name = :name"
                                        + " and b.badgeClass = :class and b.tagBased = true",
                                Long.class)
                        .setParameter("site", siteId)
                        .setParameter("name", name)
                        .setParameter("class", badgeClass)
                        .getSingleResult()
                > 0;
    }

    /** The page of a badge, relative to the site: {@code /badges/3} or, for a tag badge, {@code /badges/gold/java}. */
    public static String link(String name, int badgeClass, boolean tagBased) {
        Optional<BadgeType> type = tagBased ? Optional.empty() : BadgeType.byName(name, badgeClass);
        return type.map(BadgeService::link)
                .orElseGet(() -> "/badges/" + BadgeType.className(badgeClass) + "/"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    public static String link(BadgeType type) {
        return "/badges/" + type.id();
    }

    /** A user's badges by class. */
    public record ClassCounts(long gold, long silver, long bronze) {
        public long total() {
            return gold + silver + bronze;
        }
    }

    /** A badge of the site, with how many users hold it. */
    public record BadgeSummary(
            String name, int badgeClass, boolean tagBased, long holders, String description, String link) {
        public String className() {
            return BadgeType.className(badgeClass);
        }
    }

    /** A user who holds a badge, and since when. */
    public record Holder(long userNumber, String displayName, Instant awardedAt) {
        /** The URL slug of the holder's display name, for the profile link. */
        public String slug() {
            return org.parley.common.Slugs.slugify(displayName);
        }
    }
}
