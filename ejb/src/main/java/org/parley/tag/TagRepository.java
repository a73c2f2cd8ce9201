package org.parley.tag;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.site.Site;

/** Loading tags by name, and creating the ones a question introduces. */
@ApplicationScoped
public class TagRepository {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

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
     * The tags with these (already parsed) names, in the same order, creating missing ones. Call with the site row
     * locked, so that two questions introducing the same tag do not both create it.
     */
    public List<Tag> findOrCreate(Site site, List<String> names) {
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
