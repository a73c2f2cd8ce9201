package org.parley.tagwatch;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parley.common.Actor;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.tag.Tag;
import org.parley.tag.TagRepository;

/**
 * Each user's watched and ignored tags on their site. A list page reads the viewer's marks once ({@link #marks}: one
 * query, a few dozen names) and classes its rows from them, so marks cost no query per question; anonymous viewers
 * have none, and their pages stay the output cache's.
 */
@Stateless
public class TagWatchService {

    /** How many tags a user may mark. */
    public static final int MAX_MARKS = 500;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private TagRepository tags;

    /** The viewer's marks; {@link TagMarks#NONE} for an anonymous viewer. */
    public TagMarks marks(Actor viewer) {
        if (viewer == null) {
            return TagMarks.NONE;
        }
        Set<String> watched = new HashSet<>();
        Set<String> ignored = new HashSet<>();
        em.createNamedQuery("TagWatch.byUser", TagWatch.class)
                .setParameter("user", viewer.userId())
                .getResultStream()
                .forEach(w -> (w.isIgnored() ? ignored : watched).add(w.getTagName()));
        return new TagMarks(Set.copyOf(watched), Set.copyOf(ignored));
    }

    /**
     * Marks {@code tag} for the actor: {@code "watch"}, {@code "ignore"}, or {@code "clear"} to forget the mark.
     *
     * @throws NotAllowedException for an anonymous caller
     * @throws NotFoundException when the site has no such tag
     * @throws InvalidInputException for another mark, or past {@value #MAX_MARKS} marked tags
     */
    public void mark(Actor actor, String tag, String mark) {
        if (actor == null) {
            throw new NotAllowedException("Log in to watch or ignore tags.");
        }
        String name = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        if (!Tag.isValidName(name)
                || tags.findByNames(actor.siteId(), List.of(name)).isEmpty()) {
            throw new NotFoundException("There is no tag \"" + name + "\" on this site.");
        }
        TagWatch existing = em.createNamedQuery("TagWatch.byUserAndTag", TagWatch.class)
                .setParameter("user", actor.userId())
                .setParameter("tag", name)
                .getResultStream()
                .findFirst()
                .orElse(null);
        switch (mark == null ? "" : mark) {
            case "clear" -> {
                if (existing != null) {
                    em.remove(existing);
                }
            }
            case "watch", "ignore" -> {
                boolean ignore = mark.equals("ignore");
                if (existing != null) {
                    existing.mark(ignore);
                    return;
                }
                long count = em.createQuery("select count(w) from TagWatch w where w.userId = :user", Long.class)
                        .setParameter("user", actor.userId())
                        .getSingleResult();
                if (count >= MAX_MARKS) {
                    throw new InvalidInputException(
                            "You watch or ignore " + MAX_MARKS + " tags already: clear one before marking another.");
                }
                em.persist(new TagWatch(actor.siteId(), actor.userId(), name, ignore));
            }
            default -> throw new InvalidInputException("Watch, ignore or clear: \"" + mark + "\" is none of them.");
        }
    }
}
