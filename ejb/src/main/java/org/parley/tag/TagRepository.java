package org.parley.tag;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.parley.cache.CacheKey;
import org.parley.cache.Region;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;
import org.parley.site.Site;

/** Loading tags by name, and creating the ones a question introduces. */
@ApplicationScoped
public class TagRepository {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private SharedCache cache;

    /** What a change of a site's approved synonyms stamps anew (cluster-wide, before the writer answers). */
    public static Scope synonymScope(long siteId) {
        return new Scope("s" + siteId + "/synonyms");
    }

    /**
     * The site's approved synonyms, source name to target name: from the shared tier (one small entry per site,
     * dropped when a synonym is approved), else one query.
     */
    public Map<String, String> synonyms(long siteId) {
        String encoded = cache.get(
                CacheKey.of(Region.SITE, siteId, "synonyms", synonymScope(siteId)),
                String.class,
                () -> encodeSynonyms(em.createNamedQuery("TagSynonym.approvedBySite", Object[].class)
                        .setParameter("site", siteId)
                        .setParameter("approved", TagSynonym.Status.APPROVED)
                        .getResultList()));
        return decodeSynonyms(encoded);
    }

    /** {@code names} with each synonym replaced by its target, without duplicates, in order. */
    public List<String> mapSynonyms(long siteId, List<String> names) {
        if (names.isEmpty()) {
            return names;
        }
        Map<String, String> synonyms = synonyms(siteId);
        if (synonyms.isEmpty()) {
            return names;
        }
        return List.copyOf(new LinkedHashSet<>(
                names.stream().map(n -> synonyms.getOrDefault(n, n)).toList()));
    }

    /** {@code source=target} pairs, one a line (tag names hold neither character). */
    static String encodeSynonyms(List<Object[]> pairs) {
        StringBuilder out = new StringBuilder();
        for (Object[] p : pairs) {
            out.append(p[0]).append('=').append(p[1]).append('\n');
        }
        return out.toString();
    }

    static Map<String, String> decodeSynonyms(String encoded) {
        Map<String, String> out = new HashMap<>();
        if (encoded == null) {
            return out;
        }
        for (String line : encoded.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    /** The site's tags with these names, by name; names without a tag are missing from the map. */
    public Map<String, Tag> findByNames(long siteId, List<String> names) {
        Map<String, Tag> found = new HashMap<>();
        if (!names.isEmpty()) {
            em.createNamedQuery("Tag.findByNames", Tag.class)
                    .setParameter("site", siteId)
                    .setParameter("names", names)
                    .getResultStream()
                    .forEach(t -> found.put(t.getName(), t));
        }
        return found;
    }

    /**
     * The tags with these (already parsed) names, in the same order, creating missing ones; a synonym's name gives its
     * target (once, where it first appears). Call with the site row locked, so that two questions introducing the same
     * tag do not both create it.
     */
    public List<Tag> findOrCreate(Site site, List<String> givenNames) {
        List<String> names = mapSynonyms(site.getId(), givenNames);
        Map<String, Tag> found = findByNames(site.getId(), names);
        return names.stream()
                .map(name -> found.computeIfAbsent(name, n -> {
                    Tag tag = new Tag(site, n);
                    em.persist(tag);
                    return tag;
                }))
                .toList();
    }
}
