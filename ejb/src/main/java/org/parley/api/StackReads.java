package org.parley.api;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.common.Role;
import org.parley.common.Slugs;
import org.parley.listing.IdPage;
import org.parley.listing.TagEngine;
import org.parley.listing.TagExpression;
import org.parley.post.PostNumbers;
import org.parley.post.Question;
import org.parley.post.QuestionSort;
import org.parley.rules.InvalidInputException;
import org.parley.tag.TagNames;
import org.parley.tag.TagRepository;
import org.parley.user.User;

/**
 * The API's reads of questions, answers and comments, read-only and without a transaction of their own. A page costs
 * a fixed number of queries whatever its size: one picks the page's rows in order (the tag engine for the plain
 * question lists, as the site's own lists do; SQL with the same total orders when a range, {@code order=asc} or ids
 * narrow it), one reads their columns, one their owners, and for questions one whether an answer scores above zero
 * ({@code is_answered}). Deleted posts, answers of deleted questions and their comments are left out, as the site's
 * lists leave them out for anonymous readers.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StackReads {

    /** What a post written here is published under (as the dump export writes it). */
    public static final String LICENSE = "CC BY-SA 4.0";

    private static final String HOTNESS = "(%1$s.score * 3 + %1$s.answerCount * 4)";

    private static final Pattern CONTENT_LICENSE = Pattern.compile("(?:^| )ContentLicense=\"([^\"]{1,40})\"");

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private TagEngine engine;

    @Inject
    private TagRepository tagRepository;

    // ------------------------------------------------------------------------------------------------- questions

    /**
     * {@code /questions}: the site's questions, optionally {@code tagged}.
     *
     * @throws StackException bad_parameter for a malformed tag
     */
    public StackPage<StackQuestion> questions(long siteId, StackQuery query) {
        List<String> tags = tags(siteId, query.tagged());
        QuestionSort engineSort = engineSort(query);
        if (engineSort != null) {
            IdPage ids = engine.questions(
                    siteId,
                    tags.isEmpty() ? TagExpression.ALL : TagExpression.allOf(tags),
                    engineSort,
                    query.page(),
                    query.pageSize());
            List<StackQuestion> items = questionRows(PostNumbers.ids(em, siteId, ids.numbers()), query.body(), siteId);
            items = inOrder(items, ids.numbers(), StackQuestion::questionId);
            boolean hasMore = (long) query.page() * query.pageSize() < ids.total();
            return new StackPage<>(items, hasMore, query.total() ? ids.total() : null);
        }
        return sqlQuestions(siteId, query, tags, "", Map.of(), Instant.now());
    }

    /** {@code /questions/{ids}}: these questions (by number), in the query's order; unknown or deleted ones left out. */
    public StackPage<StackQuestion> questionsByIds(long siteId, List<Long> numbers, StackQuery query) {
        List<Long> ids = PostNumbers.ids(em, siteId, numbers);
        if (ids.isEmpty()) {
            return StackPage.empty(query.total());
        }
        return sqlQuestions(siteId, query, List.of(), " and q.id in :ids", Map.of("ids", ids), Instant.now());
    }

    /**
     * {@code /questions/unanswered}: questions the site counts as unanswered, as Stack Exchange does: neither an
     * accepted answer nor an answer scored above zero.
     */
    public StackPage<StackQuestion> unanswered(long siteId, StackQuery query) {
        List<String> tags = tags(siteId, query.tagged());
        return sqlQuestions(
                siteId,
                query,
                tags,
                " and q.acceptedAnswer is null and not exists (select ua.id from Answer ua where ua.question = q"
                        + " and ua.score > 0 and ua.deletedAt is null)",
                Map.of(),
                Instant.now());
    }

    /** {@code /users/{ids}/questions}: the questions these users (by number) asked. */
    public StackPage<StackQuestion> questionsOfUsers(long siteId, List<Long> userNumbers, StackQuery query) {
        List<Long> owners = userIds(siteId, userNumbers);
        return owners.isEmpty()
                ? StackPage.empty(query.total())
                : sqlQuestions(
                        siteId,
                        query,
                        List.of(),
                        " and q.owner.id in :owners",
                        Map.of("owners", owners),
                        Instant.now());
    }

    /** The ids of the live users with these numbers on the site. */
    public List<Long> userIds(long siteId, List<Long> userNumbers) {
        return em.createQuery(
                        "select u.id from User u where u.site.id = :site and u.number in :numbers and u.deleted = false",
                        Long.class)
                .setParameter("site", siteId)
                .setParameter("numbers", userNumbers)
                .getResultList();
    }

    /** These questions (by number) in the order given, for a list another engine ordered (search); deleted ones left out. */
    public List<StackQuestion> questionsInOrder(long siteId, List<Long> numbers, boolean body) {
        List<StackQuestion> rows = questionRows(PostNumbers.ids(em, siteId, numbers), body, siteId);
        return inOrder(rows, numbers, StackQuestion::questionId);
    }

    /** The tag engine's order for a plain list it can answer (descending, unranged, a positive page size), or null. */
    static QuestionSort engineSort(StackQuery query) {
        if (query.ascending() || query.ranged() || query.pageSize() == 0) {
            return null;
        }
        return switch (query.sort()) {
            case ACTIVITY -> QuestionSort.ACTIVE;
            case CREATION -> QuestionSort.NEWEST;
            case VOTES -> QuestionSort.VOTES;
            case HOT -> QuestionSort.HOT;
            default -> null;
        };
    }

    private List<String> tags(long siteId, List<String> tagged) {
        if (tagged.isEmpty()) {
            return List.of();
        }
        try {
            return tagRepository.mapSynonyms(siteId, TagNames.parseAll(tagged));
        } catch (InvalidInputException e) {
            throw StackException.badParameter("tagged", e.getMessage());
        }
    }

    private StackPage<StackQuestion> sqlQuestions(
            long siteId,
            StackQuery query,
            List<String> tags,
            String extra,
            Map<String, Object> extraParams,
            Instant now) {
        Map<String, Object> params = new HashMap<>(extraParams);
        params.put("site", siteId);
        StringBuilder where = new StringBuilder(" from Question q where q.site.id = :site and q.deletedAt is null");
        ranges(where, params, query, "q");
        for (int i = 0; i < tags.size(); i++) {
            where.append(" and q.id in (select tq.id from Question tq join tq.tags t where t.site.id = :site"
                            + " and t.name = :tag")
                    .append(i)
                    .append(')');
            params.put("tag" + i, tags.get(i));
        }
        if (query.sort() == StackSort.WEEK || query.sort() == StackSort.MONTH) {
            where.append(" and q.lastActivityAt >= :since");
            params.put("since", now.minus(Duration.ofDays(query.sort() == StackSort.WEEK ? 7 : 30)));
        }
        where.append(extra);
        PickedIds picked = pick("q.id", where.toString(), orderBy(query, "q"), params, query);
        List<StackQuestion> rows = questionRows(picked.ids(), query.body(), siteId);
        return new StackPage<>(rows, picked.hasMore(), picked.total());
    }

    private List<StackQuestion> questionRows(List<Long> ids, boolean body, long siteId) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery(
                        "select q.id, q.number, q.title, q.tagNames, q.score, q.answerCount, acc.number, q.viewCount,"
                                + " q.createdAt, q.lastActivityAt, q.lastEditedAt, q.closedAt, q.closeReason,"
                                + " q.communityOwnedAt, q.lockedAt, q.contentLicense, o.id, q.ownerDisplayName"
                                + (body ? ", q.bodyHtml" : "")
                                + " from Question q left join q.acceptedAnswer acc left join q.owner o"
                                + " where q.id in :ids and q.site.id = :site",
                        Object[].class)
                .setParameter("ids", ids)
                .setParameter("site", siteId)
                .getResultList();
        Set<Long> positive = new HashSet<>(em.createQuery(
                        "select distinct a.question.id from Answer a where a.question.id in :ids and a.score > 0"
                                + " and a.deletedAt is null",
                        Long.class)
                .setParameter("ids", ids)
                .getResultList());
        Map<Long, StackOwner> owners =
                owners(rows.stream().map(r -> (Long) r[16]).toList());
        Map<Long, StackQuestion> byId = new HashMap<>();
        for (Object[] r : rows) {
            String title = (String) r[2];
            Long accepted = (Long) r[6];
            byId.put(
                    (Long) r[0],
                    new StackQuestion(
                            (Long) r[1],
                            title,
                            Slugs.slugify(title),
                            Question.splitTagNames((String) r[3]),
                            (Integer) r[4],
                            (Integer) r[5],
                            accepted,
                            (Long) r[7],
                            accepted != null || positive.contains((Long) r[0]),
                            (Instant) r[8],
                            (Instant) r[9],
                            (Instant) r[10],
                            (Instant) r[11],
                            r[11] == null ? null : closedReason((Integer) r[12]),
                            (Instant) r[13],
                            (Instant) r[14],
                            r[15] == null ? LICENSE : (String) r[15],
                            owner(owners, (Long) r[16], (String) r[17]),
                            body ? (String) r[18] : null));
        }
        return byIdInOrder(byId, ids);
    }

    /**
     * The {@code closed_reason} of a close reason's number as the dumps number them; null when not known (an imported
     * question's reason is only in its history).
     */
    static String closedReason(Integer reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case 101 -> "Duplicate";
            case 102 -> "Off-topic";
            case 103 -> "Needs details or clarity";
            case 104 -> "Needs more focus";
            case 105 -> "Opinion-based";
            default -> null;
        };
    }

    // --------------------------------------------------------------------------------------------------- answers

    /** {@code /answers}: the site's answers. */
    public StackPage<StackAnswer> answers(long siteId, StackQuery query) {
        return sqlAnswers(siteId, query, "", Map.of());
    }

    /** {@code /answers/{ids}}: these answers (by number); unknown, deleted or questions' numbers left out. */
    public StackPage<StackAnswer> answersByIds(long siteId, List<Long> numbers, StackQuery query) {
        List<Long> ids = PostNumbers.ids(em, siteId, numbers);
        return ids.isEmpty()
                ? StackPage.empty(query.total())
                : sqlAnswers(siteId, query, " and a.id in :ids", Map.of("ids", ids));
    }

    /** {@code /questions/{ids}/answers}: the answers on these questions (by number). */
    public StackPage<StackAnswer> answersOnQuestions(long siteId, List<Long> questionNumbers, StackQuery query) {
        List<Long> ids = PostNumbers.ids(em, siteId, questionNumbers);
        return ids.isEmpty()
                ? StackPage.empty(query.total())
                : sqlAnswers(siteId, query, " and a.question.id in :ids", Map.of("ids", ids));
    }

    /** {@code /users/{ids}/answers}: the answers these users (by number) wrote. */
    public StackPage<StackAnswer> answersOfUsers(long siteId, List<Long> userNumbers, StackQuery query) {
        List<Long> owners = userIds(siteId, userNumbers);
        return owners.isEmpty()
                ? StackPage.empty(query.total())
                : sqlAnswers(siteId, query, " and a.owner.id in :owners", Map.of("owners", owners));
    }

    private StackPage<StackAnswer> sqlAnswers(
            long siteId, StackQuery query, String extra, Map<String, Object> extraParams) {
        Map<String, Object> params = new HashMap<>(extraParams);
        params.put("site", siteId);
        StringBuilder where = new StringBuilder(
                " from Answer a where a.site.id = :site and a.deletedAt is null and a.question.deletedAt is null");
        ranges(where, params, query, "a");
        where.append(extra);
        PickedIds picked = pick("a.id", where.toString(), orderBy(query, "a"), params, query);
        return new StackPage<>(answerRows(picked.ids(), query.body()), picked.hasMore(), picked.total());
    }

    private List<StackAnswer> answerRows(List<Long> ids, boolean body) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery(
                        "select a.id, a.number, q.number, q.title, a.score, acc.id, a.createdAt, a.lastActivityAt,"
                                + " a.lastEditedAt, a.communityOwnedAt, a.lockedAt, a.contentLicense, o.id,"
                                + " a.ownerDisplayName"
                                + (body ? ", a.bodyHtml" : "")
                                + " from Answer a join a.question q left join q.acceptedAnswer acc"
                                + " left join a.owner o where a.id in :ids",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        Map<Long, StackOwner> owners =
                owners(rows.stream().map(r -> (Long) r[12]).toList());
        Map<Long, StackAnswer> byId = new HashMap<>();
        for (Object[] r : rows) {
            byId.put(
                    (Long) r[0],
                    new StackAnswer(
                            (Long) r[1],
                            (Long) r[2],
                            Slugs.slugify((String) r[3]),
                            (Integer) r[4],
                            Objects.equals(r[5], r[0]),
                            (Instant) r[6],
                            (Instant) r[7],
                            (Instant) r[8],
                            (Instant) r[9],
                            (Instant) r[10],
                            r[11] == null ? LICENSE : (String) r[11],
                            owner(owners, (Long) r[12], (String) r[13]),
                            body ? (String) r[14] : null));
        }
        return byIdInOrder(byId, ids);
    }

    // -------------------------------------------------------------------------------------------------- comments

    /** {@code /comments}: the site's comments on live posts. */
    public StackPage<StackComment> comments(long siteId, StackQuery query) {
        return sqlComments(siteId, query, "", Map.of());
    }

    /** {@code /questions/{ids}/comments}: the comments on these questions themselves (not on their answers). */
    public StackPage<StackComment> commentsOnQuestions(long siteId, List<Long> questionNumbers, StackQuery query) {
        List<Long> ids = PostNumbers.ids(em, siteId, questionNumbers);
        return ids.isEmpty()
                ? StackPage.empty(query.total())
                : sqlComments(
                        siteId,
                        query,
                        " and c.post.id in (select cq.id from Question cq where cq.id in :ids)",
                        Map.of("ids", ids));
    }

    private StackPage<StackComment> sqlComments(
            long siteId, StackQuery query, String extra, Map<String, Object> extraParams) {
        Map<String, Object> params = new HashMap<>(extraParams);
        params.put("site", siteId);
        StringBuilder where = new StringBuilder(" from Comment c where c.site.id = :site and c.post.deletedAt is null"
                + " and not exists (select ca.id from Answer ca where ca.id = c.post.id"
                + " and ca.question.deletedAt is not null)");
        ranges(where, params, query, "c");
        where.append(extra);
        PickedIds picked = pick("c.id", where.toString(), orderBy(query, "c"), params, query);
        return new StackPage<>(commentRows(picked.ids()), picked.hasMore(), picked.total());
    }

    private List<StackComment> commentRows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery(
                        "select c.id, p.number, c.score, c.createdAt, c.dumpExtra, o.id, c.ownerDisplayName, c.text"
                                + " from Comment c join c.post p left join c.owner o where c.id in :ids",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        Map<Long, StackOwner> owners =
                owners(rows.stream().map(r -> (Long) r[5]).toList());
        Map<Long, StackComment> byId = new HashMap<>();
        for (Object[] r : rows) {
            byId.put(
                    (Long) r[0],
                    new StackComment(
                            (Long) r[0],
                            (Long) r[1],
                            (Integer) r[2],
                            (Instant) r[3],
                            license((String) r[4]),
                            owner(owners, (Long) r[5], (String) r[6]),
                            (String) r[7]));
        }
        return byIdInOrder(byId, ids);
    }

    /** The ContentLicense an imported comment kept among its extras, else {@value #LICENSE}. */
    static String license(String dumpExtra) {
        if (dumpExtra != null) {
            Matcher m = CONTENT_LICENSE.matcher(dumpExtra);
            if (m.find()) {
                return m.group(1);
            }
        }
        return LICENSE;
    }

    // ------------------------------------------------------------------------------------------------------ info

    /** {@code /info}: the site's totals, and rates over the 24 hours before {@code now}. */
    public StackInfo info(long siteId, Instant now) {
        Instant dayAgo = now.minus(Duration.ofDays(1));
        long questions =
                count("select count(q) from Question q where q.site.id = :site and q.deletedAt is null", siteId);
        long unanswered = count(
                "select count(q) from Question q where q.site.id = :site and q.deletedAt is null"
                        + " and q.acceptedAnswer is null and not exists (select a.id from Answer a where a.question = q"
                        + " and a.score > 0 and a.deletedAt is null)",
                siteId);
        long accepted = count(
                "select count(q) from Question q where q.site.id = :site and q.deletedAt is null"
                        + " and q.acceptedAnswer is not null",
                siteId);
        long answers = count(
                "select count(a) from Answer a where a.site.id = :site and a.deletedAt is null"
                        + " and a.question.deletedAt is null",
                siteId);
        long comments = count("select count(c) from Comment c where c.site.id = :site", siteId);
        long votes = count("select count(v) from Vote v where v.post.site.id = :site", siteId)
                + count("select count(d) from DumpVote d where d.siteId = :site", siteId);
        long badges = count("select count(b) from Badge b where b.siteId = :site", siteId);
        long users = count("select count(u) from User u where u.site.id = :site and u.deleted = false", siteId);
        long newQuestions = countSince(
                "select count(q) from Question q where q.site.id = :site and q.createdAt >= :since", siteId, dayAgo);
        long newAnswers = countSince(
                "select count(a) from Answer a where a.site.id = :site and a.createdAt >= :since", siteId, dayAgo);
        long newBadges = countSince(
                "select count(b) from Badge b where b.siteId = :site and b.awardedAt >= :since", siteId, dayAgo);
        long newUsers = countSince(
                "select count(u) from User u where u.site.id = :site and u.createdAt >= :since", siteId, dayAgo);
        double minutes = Duration.ofDays(1).toMinutes();
        return new StackInfo(
                questions,
                unanswered,
                accepted,
                answers,
                comments,
                votes,
                badges,
                users,
                newQuestions / minutes,
                newAnswers / minutes,
                newBadges / minutes,
                newUsers);
    }

    private long count(String jpql, long siteId) {
        return em.createQuery(jpql, Long.class).setParameter("site", siteId).getSingleResult();
    }

    private long countSince(String jpql, long siteId, Instant since) {
        return em.createQuery(jpql, Long.class)
                .setParameter("site", siteId)
                .setParameter("since", since)
                .getSingleResult();
    }

    // ---------------------------------------------------------------------------------------------------- common

    /** The ids of one page, in order, whether more follow, and the total when asked. */
    record PickedIds(List<Long> ids, boolean hasMore, Long total) {}

    private PickedIds pick(String id, String where, String orderBy, Map<String, Object> params, StackQuery query) {
        return pick(em, id, where, orderBy, params, query);
    }

    /**
     * One page of ids: {@code select id where order by orderBy}, one row more than the page to know {@code has_more};
     * a count only when the query asks for the total (or lists nothing).
     */
    static PickedIds pick(
            EntityManager em, String id, String where, String orderBy, Map<String, Object> params, StackQuery query) {
        List<Long> ids;
        if (query.pageSize() == 0) {
            ids = List.of();
        } else {
            TypedQuery<Long> rows = em.createQuery("select " + id + where + " order by " + orderBy, Long.class);
            params.forEach(rows::setParameter);
            ids = rows.setFirstResult(query.firstResult())
                    .setMaxResults(query.pageSize() + 1)
                    .getResultList();
        }
        Long total = null;
        boolean hasMore;
        if (query.total() || query.pageSize() == 0) {
            TypedQuery<Long> count = em.createQuery("select count(" + id + ")" + where, Long.class);
            params.forEach(count::setParameter);
            total = count.getSingleResult();
            hasMore = (long) query.page() * query.pageSize() < total;
        } else {
            hasMore = ids.size() > query.pageSize();
        }
        List<Long> page = ids.size() > query.pageSize() ? ids.subList(0, query.pageSize()) : ids;
        return new PickedIds(List.copyOf(page), hasMore, query.total() ? total : null);
    }

    /** Adds {@code min}/{@code max} on the sort's field and {@code fromdate}/{@code todate} on the creation date. */
    static void ranges(StringBuilder where, Map<String, Object> params, StackQuery query, String alias) {
        if (query.minText() != null || query.maxText() != null) {
            String field = "lower(" + alias + "." + sortField(query.sort()) + ")";
            if (query.minText() != null) {
                where.append(" and ").append(field).append(" >= :minText");
                params.put("minText", query.minText());
            }
            if (query.maxText() != null) {
                where.append(" and ").append(field).append(" <= :maxText");
                params.put("maxText", query.maxText());
            }
        }
        if (query.min() != null || query.max() != null) {
            String field = alias + "." + sortField(query.sort());
            if (query.min() != null) {
                where.append(" and ").append(field).append(" >= :min");
                params.put("min", rangeValue(query.sort(), query.min(), false));
            }
            if (query.max() != null) {
                where.append(" and ").append(field).append(query.sort().datedRange() ? " < :max" : " <= :max");
                params.put("max", rangeValue(query.sort(), query.max(), true));
            }
        }
        if (query.fromDate() != null) {
            where.append(" and ").append(alias).append(".createdAt >= :fromDate");
            params.put("fromDate", query.fromDate());
        }
        if (query.toDate() != null) {
            // Unix seconds are whole: everything within the named second counts.
            where.append(" and ").append(alias).append(".createdAt < :toDate");
            params.put("toDate", query.toDate().plusSeconds(1));
        }
    }

    private static Object rangeValue(StackSort sort, long value, boolean upper) {
        if (sort.datedRange()) {
            return Instant.ofEpochSecond(upper ? value + 1 : value);
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static String sortField(StackSort sort) {
        return switch (sort) {
            case ACTIVITY -> "lastActivityAt";
            case CREATION -> "createdAt";
            case VOTES -> "score";
            case REPUTATION -> "reputation";
            case MODIFIED -> "createdAt"; // Parley keeps no last-modified date of a user
            case NAME -> "displayName";
            default -> throw new IllegalArgumentException("No range on " + sort + " here");
        };
    }

    /**
     * The total order of a sort for alias {@code q} (questions), {@code a} (answers) or {@code c} (comments): the
     * keys the tag engine orders by for questions, then the number (or a comment's id), all reversed for {@code asc};
     * {@code u} (users) by reputation, creation date or lower-cased name, then the number.
     */
    static String orderBy(StackQuery query, String alias) {
        String tie = alias.equals("c") ? "c.id" : alias + ".number";
        List<String> keys = new ArrayList<>();
        switch (query.sort()) {
            case ACTIVITY -> keys.add(alias + ".lastActivityAt");
            case CREATION, MODIFIED -> keys.add(alias + ".createdAt");
            case REPUTATION -> keys.add(alias + ".reputation");
            case NAME -> keys.add("lower(" + alias + ".displayName)");
            case RANK, TYPE, AWARDED -> throw new IllegalArgumentException("No SQL order for " + query.sort());
            case VOTES -> {
                keys.add(alias + ".score");
                keys.add(alias + ".createdAt");
            }
            case HOT, WEEK, MONTH -> {
                keys.add(String.format(HOTNESS, alias));
                keys.add(alias + ".lastActivityAt");
            }
        }
        keys.add(tie);
        String direction = query.ascending() ? " asc" : " desc";
        return String.join(direction + ", ", keys) + direction;
    }

    /** The owners of these user ids (nulls skipped), read in one query, by id. */
    private Map<Long, StackOwner> owners(List<Long> userIds) {
        Set<Long> ids = new HashSet<>();
        userIds.stream().filter(Objects::nonNull).forEach(ids::add);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, StackOwner> owners = new HashMap<>();
        for (User u : em.createQuery("select u from User u where u.id in :ids", User.class)
                .setParameter("ids", ids)
                .getResultList()) {
            owners.put(u.getId(), shallow(u));
        }
        return owners;
    }

    /** The live users of these numbers on the site as {@code shallow_user}s, by number (one query). */
    static Map<Long, StackOwner> liveUsers(EntityManager em, long siteId, java.util.Collection<Long> numbers) {
        Map<Long, StackOwner> out = new HashMap<>();
        if (numbers.isEmpty()) {
            return out;
        }
        em.createQuery(
                        "select u from User u where u.site.id = :site and u.number in :numbers and u.deleted = false",
                        User.class)
                .setParameter("site", siteId)
                .setParameter("numbers", numbers)
                .getResultList()
                .forEach(u -> out.put(u.getNumber(), shallow(u)));
        return out;
    }

    /** A user as a {@code shallow_user}: a deleted one has only a name. */
    static StackOwner shallow(User u) {
        return u.isDeleted()
                ? StackOwner.gone(u.getDisplayName())
                : new StackOwner(
                        u.getNumber(),
                        u.getDisplayName(),
                        u.getReputation(),
                        u.getRole() == Role.MODERATOR || u.getRole() == Role.ADMIN ? "moderator" : "registered",
                        u.getAvatarVersion(),
                        u.getImportedImageUrl());
    }

    private static StackOwner owner(Map<Long, StackOwner> owners, Long userId, String keptName) {
        StackOwner owner = userId == null ? null : owners.get(userId);
        return owner != null ? owner : StackOwner.gone(keptName);
    }

    private static <T> List<T> byIdInOrder(Map<Long, T> byId, List<Long> ids) {
        List<T> ordered = new ArrayList<>(ids.size());
        for (Long id : ids) {
            T item = byId.get(id);
            if (item != null) {
                ordered.add(item);
            }
        }
        return ordered;
    }

    private static <T> List<T> inOrder(List<T> items, List<Long> numbers, java.util.function.ToLongFunction<T> number) {
        Map<Long, T> byNumber = new LinkedHashMap<>();
        items.forEach(i -> byNumber.put(number.applyAsLong(i), i));
        return byIdInOrder(byNumber, numbers);
    }
}
