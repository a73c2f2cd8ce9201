package org.parley.revision;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.common.Actor;
import org.parley.common.Slugs;
import org.parley.image.ImageProxy;
import org.parley.markdown.MarkdownRenderer;
import org.parley.post.Post;
import org.parley.post.PostRepository;
import org.parley.post.PostWritten;
import org.parley.post.Question;
import org.parley.post.QuestionService;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.site.Site;
import org.parley.user.User;
import org.parley.user.UserRef;

/** Reading the history of a post, and rolling it back to a revision. */
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

    @Inject
    private ImageProxy images;

    @EJB
    private QuestionService questions;

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
     * math setting, events in words, people by name (linked when they are users of the site), newest first. A post
     * written before revisions were recorded here shows its current content as its one revision.
     *
     * @throws NotFoundException when the site has no such post and no history of one
     */
    public RevisionPage page(long siteId, long number) {
        return page(siteId, number, null, true);
    }

    /**
     * As {@link #page(long, long)}, for {@code viewer} (null: anonymous): a deleted post's history only for those who
     * may see the post ({@link Post#visibleTo}).
     *
     * @throws NotFoundException also when the post is deleted and the viewer may not see it
     */
    public RevisionPage page(long siteId, long number, Actor viewer) {
        return page(siteId, number, viewer, false);
    }

    private RevisionPage page(long siteId, long number, Actor viewer, boolean seesAll) {
        Post post = em.createQuery("select p from Post p where p.site.id = :site and p.number = :number", Post.class)
                .setParameter("site", siteId)
                .setParameter("number", number)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (post != null && !seesAll) {
            User user = viewer == null || viewer.siteId() != siteId ? null : em.find(User.class, viewer.userId());
            if (!post.visibleTo(user)) {
                throw new NotFoundException("This post was deleted.");
            }
        }
        List<HistoryRow> history = history(siteId, number, post);
        if (history.isEmpty()) {
            throw new NotFoundException("No such post.");
        }
        Map<Long, UserRef> users = users(siteId, history);
        Site site = em.find(Site.class, siteId);
        boolean math = site != null && site.isMath();
        Set<String> ownHosts = site == null ? Set.of() : site.hostNames();
        List<RevisionEntry> entries = RevisionHistory.build(
                history,
                (n, fallback) -> person(users, n, fallback),
                q -> question(siteId, q),
                md -> images.rewrite(markdown.toSafeHtml(md, math), ownHosts));
        if (post == null) {
            return new RevisionPage(number, false, 0, null, null, null, entries);
        }
        Question q = post.questionShownOn();
        return new RevisionPage(
                number, post.isQuestion(), q.getNumber(), q.getTitle(), q.slug(), post.ownerRef(), entries);
    }

    /**
     * Puts post {@code number} back as it was at revision {@code revision} (numbered as its revisions page numbers
     * them), as a new revision that names it.
     *
     * @throws NotAllowedException unless the actor may edit the post
     * @throws NotFoundException when the post or that revision does not exist
     * @throws InvalidInputException when it is the current revision, or the post is already as it has it
     */
    public void rollBack(Actor actor, long number, int revision) {
        if (actor == null) {
            throw new NotAllowedException("Log in to roll back an edit.");
        }
        Post post = posts.find(actor.siteId(), number);
        List<RevisionHistory.Snapshot> snapshots = RevisionHistory.snapshots(history(actor.siteId(), number, post));
        RevisionHistory.Snapshot target = snapshots.stream()
                .filter(s -> s.number() == revision)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("This post has no revision " + revision + "."));
        if (revision == snapshots.size()) {
            throw new InvalidInputException("Revision " + revision + " is the current one.");
        }
        if (target.guid() == null || target.body() == null) {
            throw new InvalidInputException(
                    "Revision " + revision + " cannot be rolled back to: its history is" + " incomplete.");
        }
        questions.rollBack(
                actor,
                number,
                post.isQuestion()
                        ? new PostWritten.Content(target.title(), target.body(), target.tags())
                        : new PostWritten.Content(null, target.body(), null),
                target.guid());
    }

    /**
     * The post's history rows, oldest first; for a post with none (written before revisions were recorded here), its
     * current content as one revision by its owner.
     */
    private List<HistoryRow> history(long siteId, long number, Post post) {
        List<HistoryRow> rows =
                listByPost(siteId, number).stream().map(HistoryRow::of).toList();
        if (!rows.isEmpty() || post == null) {
            return rows;
        }
        Long owner = post.getOwner() == null ? null : post.getOwner().getNumber();
        Instant at = post.getLastEditedAt() != null ? post.getLastEditedAt() : post.getCreatedAt();
        String guid = "current-" + post.getNumber();
        String note = post.getLastEditedAt() == null ? null : "Earlier revisions were not recorded.";
        List<HistoryRow> current = new ArrayList<>();
        if (post instanceof Question q) {
            current.add(new HistoryRow(HistoryTypes.INITIAL_TITLE, guid, at, owner, null, note, q.getTitle(), null));
        }
        current.add(
                new HistoryRow(HistoryTypes.INITIAL_BODY, guid, at, owner, null, note, post.getBodyMarkdown(), null));
        if (post instanceof Question q) {
            current.add(new HistoryRow(
                    HistoryTypes.INITIAL_TAGS,
                    guid,
                    at,
                    owner,
                    null,
                    note,
                    RevisionWriter.tagsText(q.tagList()),
                    null));
        }
        return current;
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
