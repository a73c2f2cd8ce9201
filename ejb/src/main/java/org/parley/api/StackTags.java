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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.common.Page;
import org.parley.listing.TagExpression;
import org.parley.listing.TagService;
import org.parley.people.UserDirectory;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotFoundException;
import org.parley.tag.Tag;
import org.parley.tag.TagCount;
import org.parley.tag.TagRepository;
import org.parley.tagwiki.TagInfo;
import org.parley.tagwiki.TagWikiService;
import org.parley.user.User;

/**
 * The API's reads of tags: the site's tags in use (the tag engine's list for the plain popular order, as the Tags page;
 * SQL over the tags' counts otherwise), tags by name, their wikis ({@link TagWikiService}), related tags (the tag
 * engine's) and a tag's top answerers. Synonyms are the site's approved ones ({@link TagRepository#synonyms}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StackTags {

    /** The most tags a {@code {tags}} path takes, as Stack Exchange documents. */
    public static final int MAX_TAGS = 20;

    /** The most related tags listed (the tag engine's limit). */
    public static final int MAX_RELATED = 50;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private TagService tagService;

    @Inject
    private TagRepository tagRepository;

    @Inject
    private TagWikiService wikis;

    /**
     * A {@code {tags}} path: 1 to {@value #MAX_TAGS} tag names separated by {@code ;}, lower-cased, without repeats; a
     * synonym is read as its target.
     *
     * @throws StackException bad_parameter {@code tags} otherwise
     */
    public List<String> names(long siteId, String value) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : (value == null ? "" : value).split(";")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                names.add(Tag.checkName(name));
            } catch (InvalidInputException e) {
                throw StackException.badParameter("tags", e.getMessage());
            }
        }
        if (names.isEmpty() || names.size() > MAX_TAGS) {
            throw StackException.badParameter(
                    "tags", "give 1 to " + MAX_TAGS + " tags separated by ;, not " + names.size());
        }
        return List.copyOf(new LinkedHashSet<>(tagRepository.mapSynonyms(siteId, List.copyOf(names))));
    }

    /**
     * {@code /tags} and {@code /tags/{tags}/info}: the site's tags in use, optionally those whose name contains
     * {@code inname} or only these names; popular orders by question count, name by name, activity by the latest
     * activity of a live question carrying the tag.
     *
     * @param names the tags, or null for all
     */
    public StackPage<StackTag> tags(long siteId, StackQuery query, String inname, List<String> names) {
        Set<String> synonymTargets =
                new java.util.HashSet<>(tagRepository.synonyms(siteId).values());
        if (query.sort() == StackSort.POPULAR
                && !query.ascending()
                && !query.ranged()
                && query.pageSize() > 0
                && (inname == null || inname.isBlank())
                && names == null) {
            Page<TagCount> page = tagService.list(siteId, "", query.page(), query.pageSize());
            List<StackTag> items = page.items().stream()
                    .map(t -> new StackTag(t.name(), t.questionCount(), synonymTargets.contains(t.name()), null))
                    .toList();
            return new StackPage<>(
                    items, (long) query.page() * query.pageSize() < page.total(), query.total() ? page.total() : null);
        }
        StringBuilder where = new StringBuilder(" from Tag t where t.site.id = :site and t.questionCount > 0");
        Map<String, Object> params = new HashMap<>();
        params.put("site", siteId);
        String like = UserDirectory.like(inname);
        if (like != null) {
            where.append(" and t.name like :like escape '!'");
            params.put("like", like);
        }
        if (names != null) {
            where.append(" and t.name in :names");
            params.put("names", names);
        }
        if (query.minText() != null) {
            where.append(" and t.name >= :minText");
            params.put("minText", query.minText());
        }
        if (query.maxText() != null) {
            where.append(" and t.name <= :maxText");
            params.put("maxText", query.maxText());
        }
        if (query.sort() == StackSort.POPULAR) {
            if (query.min() != null) {
                where.append(" and t.questionCount >= :min");
                params.put("min", query.min());
            }
            if (query.max() != null) {
                where.append(" and t.questionCount <= :max");
                params.put("max", query.max());
            }
        }
        TypedQuery<Object[]> rows =
                em.createQuery("select t.name, t.questionCount" + where + " order by t.name", Object[].class);
        params.forEach(rows::setParameter);
        List<Object[]> all = rows.getResultList();
        Map<String, Instant> activity = query.sort() == StackSort.ACTIVITY ? activity(siteId) : Map.of();
        List<StackTag> tags = new ArrayList<>(all.size());
        for (Object[] r : all) {
            String name = (String) r[0];
            Instant last = activity.get(name);
            if (query.sort() == StackSort.ACTIVITY && !inDates(last, query)) {
                continue;
            }
            tags.add(new StackTag(name, (Long) r[1], synonymTargets.contains(name), last));
        }
        Comparator<StackTag> key = switch (query.sort()) {
            case ACTIVITY ->
                Comparator.comparing(StackTag::lastActivityDate, Comparator.nullsFirst(Comparator.naturalOrder()));
            case NAME -> Comparator.comparing(StackTag::name);
            default -> Comparator.comparingLong(StackTag::count);
        };
        Comparator<StackTag> order = query.sort() == StackSort.NAME
                ? key
                : key.thenComparing(Comparator.comparing(StackTag::name).reversed());
        return StackPeople.page(
                tags.stream()
                        .sorted(query.ascending() ? order : order.reversed())
                        .toList(),
                query);
    }

    private static boolean inDates(Instant last, StackQuery query) {
        if (query.min() == null && query.max() == null) {
            return true;
        }
        long at = last == null ? 0 : last.getEpochSecond();
        return (query.min() == null || at >= query.min()) && (query.max() == null || at <= query.max());
    }

    /** The latest activity of a live question carrying each tag: one grouped query over the site's questions. */
    private Map<String, Instant> activity(long siteId) {
        Map<String, Instant> out = new HashMap<>();
        for (Object[] r : em.createQuery(
                        "select t.name, max(q.lastActivityAt) from Question q join q.tags t where q.site.id = :site"
                                + " and q.deletedAt is null group by t.name",
                        Object[].class)
                .setParameter("site", siteId)
                .getResultList()) {
            out.put((String) r[0], (Instant) r[1]);
        }
        return out;
    }

    /** {@code /tags/{tags}/wikis}: the wikis of these tags that have an excerpt or a wiki, in the order given. */
    public StackPage<StackTagWiki> wikis(long siteId, List<String> names, StackQuery query) {
        List<StackTagWiki> all = new ArrayList<>();
        for (String name : names) {
            TagInfo info;
            try {
                info = wikis.info(siteId, name);
            } catch (NotFoundException e) {
                continue;
            }
            if (!info.empty()) {
                all.add(new StackTagWiki(info.tagName(), info.excerpt(), info.wikiHtml(), info.lastEditedAt()));
            }
        }
        return StackPeople.page(all, query);
    }

    /**
     * {@code /tags/{tags}/related}: the tags found most often on the questions carrying all of these (the tag engine's
     * related tags, at most {@value #MAX_RELATED}), each with how many of those questions carry it.
     */
    public StackPage<StackTag> related(long siteId, List<String> names, StackQuery query) {
        Set<String> synonymTargets =
                new java.util.HashSet<>(tagRepository.synonyms(siteId).values());
        List<StackTag> all = tagService.related(siteId, TagExpression.allOf(names), MAX_RELATED).stream()
                .map(t -> new StackTag(t.name(), t.questionCount(), synonymTargets.contains(t.name()), null))
                .toList();
        return StackPeople.page(all, query);
    }

    /**
     * {@code /tags/{tag}/top-answerers/{period}}: the live users whose live answers on live questions carrying the tag
     * score most in sum, with how many answers; {@code month} counts the answers of the last 30 days, {@code
     * all_time} all.
     *
     * @throws StackException bad_parameter {@code period} for any other period
     */
    public StackPage<StackTagScore> topAnswerers(long siteId, String tag, String period, StackQuery query) {
        Instant since = switch (period == null ? "" : period) {
            case "all_time" -> null;
            case "month" -> Instant.now().minus(Duration.ofDays(30));
            default ->
                throw StackException.badParameter(
                        "period", "must be all_time or month, not \"" + StackParameters.shorten(period) + "\"");
        };
        String where = " from Answer a join a.owner o join a.question q join q.tags t where t.site.id = :site"
                + " and t.name = :tag and a.deletedAt is null and q.deletedAt is null and o.deleted = false"
                + (since == null ? "" : " and a.createdAt >= :since");
        List<Object[]> rows = List.of();
        if (query.pageSize() > 0) {
            TypedQuery<Object[]> q = em.createQuery(
                    "select o.id, sum(a.score), count(a)" + where
                            + " group by o.id order by sum(a.score) desc, count(a) desc, o.id",
                    Object[].class);
            q.setParameter("site", siteId).setParameter("tag", tag);
            if (since != null) {
                q.setParameter("since", since);
            }
            rows = q.setFirstResult(query.firstResult())
                    .setMaxResults(query.pageSize() + 1)
                    .getResultList();
        }
        Long total = null;
        if (query.total() || query.pageSize() == 0) {
            TypedQuery<Long> count = em.createQuery("select count(distinct o.id)" + where, Long.class);
            count.setParameter("site", siteId).setParameter("tag", tag);
            if (since != null) {
                count.setParameter("since", since);
            }
            total = count.getSingleResult();
        }
        boolean hasMore =
                total != null ? (long) query.page() * query.pageSize() < total : rows.size() > query.pageSize();
        List<Object[]> page = rows.size() > query.pageSize() ? rows.subList(0, query.pageSize()) : rows;
        Map<Long, User> users = new HashMap<>();
        if (!page.isEmpty()) {
            em.createQuery("select u from User u where u.id in :ids", User.class)
                    .setParameter("ids", page.stream().map(r -> (Long) r[0]).toList())
                    .getResultList()
                    .forEach(u -> users.put(u.getId(), u));
        }
        List<StackTagScore> items = page.stream()
                .map(r -> new StackTagScore(
                        StackReads.shallow(users.get((Long) r[0])),
                        ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue()))
                .toList();
        return new StackPage<>(items, hasMore, query.total() ? total : null);
    }
}
