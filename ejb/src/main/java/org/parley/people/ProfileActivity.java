package org.parley.people;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.badge.BadgeService;
import org.parley.common.Page;
import org.parley.common.Paging;
import org.parley.common.Slugs;
import org.parley.revision.HistoryTypes;

/**
 * A profile's Activity tab: what the user did on the site, newest first — questions asked, answers written, comments,
 * edits of posts (their own and others', one entry per edit however many of title, body and tags it changed) and
 * badges earned. Posts deleted since, and what was on them, are left out. Each kind is read newest first up to one
 * page past the page asked for and the lists are merged, so a page costs a few short indexed reads and no counts;
 * pages end at {@value #MAX_PAGE}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ProfileActivity {

    public static final int PAGE_SIZE = 30;

    /** The deepest page served: beyond it the tab's questions and answers tabs list the rest. */
    public static final int MAX_PAGE = 50;

    /** The kinds of activity, in the words the tab uses. */
    public enum Kind {
        ASKED("asked"),
        ANSWERED("answered"),
        COMMENTED("commented on"),
        EDITED("edited"),
        BADGE("earned");

        private final String verb;

        Kind(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    /**
     * One thing the user did. For posts and comments: the question's number, slug and title, and the answer's number
     * when it was on an answer ({@code answerNumber} null on the question). For a badge: {@code title} is the badge's
     * name, {@code badgeClass} its class name and {@code link} its page (relative to the site).
     *
     * @param excerpt the comment's text or the edit's summary, else null
     */
    public record Entry(
            Kind kind,
            Instant at,
            Long questionNumber,
            String questionSlug,
            String title,
            Long answerNumber,
            String excerpt,
            String badgeClass,
            String link)
            implements Serializable {}

    private static final int EXCERPT = 140;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /** Page {@code page} (from 1, at most {@value #MAX_PAGE}) of user {@code userNumber}'s activity on site {@code siteId}. */
    public Page<Entry> activity(long siteId, long userNumber, int page) {
        int p = Math.min(MAX_PAGE, Paging.page(page));
        int upTo = p * PAGE_SIZE + PAGE_SIZE; // and a page more, so the pager knows there is a next one
        List<Entry> all = new ArrayList<>();
        all.addAll(asked(siteId, userNumber, upTo));
        all.addAll(answered(siteId, userNumber, upTo));
        all.addAll(commented(siteId, userNumber, upTo));
        all.addAll(edited(siteId, userNumber, upTo));
        all.addAll(badges(siteId, userNumber, upTo));
        all.sort(Comparator.comparing(Entry::at).reversed());
        int from = Page.firstResult(p, PAGE_SIZE);
        List<Entry> items = from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + PAGE_SIZE));
        // What is known to exist: each kind was read up to the end of this page, so entries past it are real but
        // possibly not all; the pager offers the pages that surely exist, and each later page reads further.
        long known = Math.min((long) MAX_PAGE * PAGE_SIZE, all.size());
        return new Page<>(items, p, PAGE_SIZE, known);
    }

    /** The first {@code max} rows of {@code jpql}, whose parameters are the site and the user's number. */
    private List<Object[]> rows(String jpql, long site, long user, int max) {
        return em.createQuery(jpql, Object[].class)
                .setParameter("site", site)
                .setParameter("n", user)
                .setMaxResults(max)
                .getResultList();
    }

    private List<Entry> asked(long site, long user, int max) {
        return rows(
                        "select q.number, q.title, q.createdAt from Question q join q.owner o"
                                + " where o.site.id = :site and o.number = :n and q.deletedAt is null"
                                + " order by q.createdAt desc",
                        site,
                        user,
                        max)
                .stream()
                .map(r -> post(Kind.ASKED, (Instant) r[2], (Long) r[0], (String) r[1], null, null))
                .toList();
    }

    private List<Entry> answered(long site, long user, int max) {
        return rows(
                        "select q.number, q.title, a.number, a.createdAt from Answer a join a.question q join a.owner o"
                                + " where o.site.id = :site and o.number = :n and a.deletedAt is null"
                                + " and q.deletedAt is null order by a.createdAt desc",
                        site,
                        user,
                        max)
                .stream()
                .map(r -> post(Kind.ANSWERED, (Instant) r[3], (Long) r[0], (String) r[1], (Long) r[2], null))
                .toList();
    }

    /** Comments on questions and on answers: two reads, each newest first, merged by the caller. */
    private List<Entry> commented(long site, long user, int max) {
        List<Entry> out = new ArrayList<>();
        for (Object[] r : rows(
                "select q.number, q.title, c.createdAt, c.text from Comment c, Question q join c.owner o"
                        + " where c.post = q and o.site.id = :site and o.number = :n"
                        + " and q.deletedAt is null order by c.createdAt desc",
                site,
                user,
                max)) {
            out.add(post(Kind.COMMENTED, (Instant) r[2], (Long) r[0], (String) r[1], null, (String) r[3]));
        }
        for (Object[] r : rows(
                "select q.number, q.title, a.number, c.createdAt, c.text from Comment c, Answer a"
                        + " join a.question q join c.owner o where c.post = a and o.site.id = :site"
                        + " and o.number = :n and a.deletedAt is null and q.deletedAt is null"
                        + " order by c.createdAt desc",
                site,
                user,
                max)) {
            out.add(post(Kind.COMMENTED, (Instant) r[3], (Long) r[0], (String) r[1], (Long) r[2], (String) r[4]));
        }
        return out;
    }

    /**
     * Edits: the revisions the user wrote of type edit or rollback (one edit may write three rows, for title, body and
     * tags, with one GUID or one time), on posts that are still there.
     */
    private List<Entry> edited(long site, long user, int max) {
        Map<String, Object[]> edits = new LinkedHashMap<>();
        for (Object[] r : em.createQuery(
                        "select r.postNumber, r.createdAt, r.comment, r.revisionGuid from PostRevision r"
                                + " where r.siteId = :site and r.userNumber = :n and r.historyTypeId in :types"
                                + " order by r.createdAt desc",
                        Object[].class)
                .setParameter("site", site)
                .setParameter("n", user)
                .setParameter("types", HistoryTypes.EDITS)
                .setMaxResults(max * 3)
                .getResultList()) {
            String key = r[3] != null ? (String) r[3] : r[0] + "@" + r[1];
            edits.putIfAbsent(key, r);
        }
        if (edits.isEmpty()) {
            return List.of();
        }
        List<Long> numbers =
                edits.values().stream().map(r -> (Long) r[0]).distinct().toList();
        Map<Long, Object[]> where = new HashMap<>();
        for (Object[] r : em.createQuery(
                        "select q.number, q.number, q.title from Question q"
                                + " where q.site.id = :site and q.number in :numbers and q.deletedAt is null",
                        Object[].class)
                .setParameter("site", site)
                .setParameter("numbers", numbers)
                .getResultList()) {
            where.put((Long) r[0], new Object[] {r[1], r[2], null});
        }
        for (Object[] r : em.createQuery(
                        "select a.number, q.number, q.title from Answer a join a.question q where a.site.id = :site"
                                + " and a.number in :numbers and a.deletedAt is null and q.deletedAt is null",
                        Object[].class)
                .setParameter("site", site)
                .setParameter("numbers", numbers)
                .getResultList()) {
            where.put((Long) r[0], new Object[] {r[1], r[2], r[0]});
        }
        List<Entry> out = new ArrayList<>();
        for (Object[] r : edits.values()) {
            Object[] w = where.get((Long) r[0]);
            if (w != null && out.size() < max) {
                out.add(post(Kind.EDITED, (Instant) r[1], (Long) w[0], (String) w[1], (Long) w[2], (String) r[2]));
            }
        }
        return out;
    }

    private List<Entry> badges(long site, long user, int max) {
        return rows(
                        "select b.name, b.badgeClass, b.tagBased, b.awardedAt from Badge b"
                                + " where b.siteId = :site and b.userNumber = :n order by b.awardedAt desc",
                        site,
                        user,
                        max)
                .stream()
                .map(r -> {
                    int c = ((Number) r[1]).intValue();
                    return new Entry(
                            Kind.BADGE,
                            (Instant) r[3],
                            null,
                            null,
                            (String) r[0],
                            null,
                            null,
                            c == 1 ? "gold" : c == 2 ? "silver" : "bronze",
                            BadgeService.link((String) r[0], c, (Boolean) r[2]));
                })
                .toList();
    }

    private static Entry post(Kind kind, Instant at, Long question, String title, Long answer, String excerpt) {
        return new Entry(kind, at, question, Slugs.slugify(title), title, answer, excerpt(excerpt), null, null);
    }

    static String excerpt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1).stripTrailing() + "…";
    }
}
