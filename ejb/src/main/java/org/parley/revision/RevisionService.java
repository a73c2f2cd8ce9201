package org.parley.revision;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.common.Slugs;
import org.parley.markdown.MarkdownRenderer;
import org.parley.post.Post;
import org.parley.post.PostRepository;
import org.parley.post.Question;
import org.parley.rules.NotFoundException;
import org.parley.site.Site;
import org.parley.user.User;
import org.parley.user.UserRef;

/** Reading the history of a post. */
@Stateless
public class RevisionService {

    /** A revisions page shows at most this many events. */
    public static final int MAX_SHOWN = 500;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private PostRepository posts;

    @Inject
    private MarkdownRenderer markdown;

    /** The history of post {@code number} on site {@code siteId}, oldest first; empty for an unknown post. */
    public List<PostRevision> listByPost(long siteId, long number) {
        return em.createNamedQuery("PostRevision.listByPost", PostRevision.class)
                .setParameter("site", siteId)
                .setParameter("post", number)
                .setMaxResults(MAX_SHOWN)
                .getResultList();
    }

    /**
     * The revisions page of post {@code number}: numbered revisions with word diffs, bodies rendered with the site's
     * math setting, events in words, people by name (linked when they are users of the site), newest first.
     *
     * @throws NotFoundException when the post has no recorded history (unknown, or not imported)
     */
    public RevisionPage page(long siteId, long number) {
        List<PostRevision> rows = listByPost(siteId, number);
        if (rows.isEmpty()) {
            throw new NotFoundException("This post has no recorded revisions.");
        }
        List<HistoryRow> history = rows.stream().map(HistoryRow::of).toList();
        Map<Long, UserRef> users = users(siteId, history);
        Site site = em.find(Site.class, siteId);
        boolean math = site != null && site.isMath();
        List<RevisionEntry> entries = RevisionHistory.build(
                history,
                (n, fallback) -> person(users, n, fallback),
                q -> question(siteId, q),
                md -> markdown.toSafeHtml(md, math));

        Post post = em.createQuery("select p from Post p where p.site.id = :site and p.number = :number", Post.class)
                .setParameter("site", siteId)
                .setParameter("number", number)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (post == null) {
            return new RevisionPage(number, false, 0, null, null, entries);
        }
        Question q = post.questionShownOn();
        return new RevisionPage(number, post.isQuestion(), q.getNumber(), q.getTitle(), q.slug(), entries);
    }

    private static UserRef person(Map<Long, UserRef> users, Long number, String fallback) {
        UserRef known = number == null ? null : users.get(number);
        if (known != null) {
            return known;
        }
        String name = fallback != null && !fallback.isBlank()
                ? fallback
                : number != null && number == -1 ? "Community" : "a deleted user";
        return new UserRef(null, name, Slugs.slugify(name), 0);
    }

    private RevisionEntry.QuestionLink question(long siteId, long number) {
        try {
            Question q = posts.findQuestion(siteId, number);
            return new RevisionEntry.QuestionLink(q.getNumber(), q.getTitle(), q.slug());
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** Every user the history names (editors, voters, proposers), in one query. */
    private Map<Long, UserRef> users(long siteId, List<HistoryRow> history) {
        Set<Long> numbers = new HashSet<>();
        for (HistoryRow r : history) {
            if (r.userNumber() != null) {
                numbers.add(r.userNumber());
            }
            HistoryTypes.voters(r.text()).forEach(v -> {
                if (v.number() != null) {
                    numbers.add(v.number());
                }
            });
            if (r.type() == HistoryTypes.SUGGESTED_EDIT_APPLIED && HistoryTypes.proposer(r.comment()) != null) {
                numbers.add(HistoryTypes.proposer(r.comment()));
            }
        }
        Map<Long, UserRef> out = new HashMap<>();
        if (numbers.isEmpty()) {
            return out;
        }
        em.createQuery("select u from User u where u.site.id = :site and u.number in :numbers", User.class)
                .setParameter("site", siteId)
                .setParameter("numbers", numbers)
                .getResultStream()
                .forEach(u -> out.put(u.getNumber(), u.ref()));
        return out;
    }
}
