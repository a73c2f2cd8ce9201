package org.parley.synonym;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.common.Actor;
import org.parley.common.Slugs;
import org.parley.post.PostChanged;
import org.parley.post.PostRepository;
import org.parley.post.PostWritten;
import org.parley.post.Question;
import org.parley.rules.FieldChecks;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.site.Privilege;
import org.parley.tag.Tag;
import org.parley.tag.TagRepository;
import org.parley.tag.TagSynonym;
import org.parley.user.User;
import org.parley.user.UserRef;

/**
 * Tag synonyms as Stack Overflow has them. A user with the "Create tag synonyms" privilege and an answer score of at
 * least {@value #MIN_TAG_SCORE} in the target tag proposes "source is a synonym of target"; a moderator approves or
 * rejects it, or merges two tags at once (a synonym approved on the spot). An approved synonym is mapped at once
 * (new questions, tag lists and the ask form use the target); its questions are retagged afterwards in batches of
 * {@value #BATCH}, each batch a transaction of its own that fires the same events as an edit, so the tag engine, the
 * caches, the search index and the tag counts follow as they do for edits, and memory stays flat on a large site.
 */
@Stateless
public class SynonymService {

    private static final Logger log = Logger.getLogger(SynonymService.class.getName());

    /** The answer score in the target tag a proposer needs (moderators need none). */
    public static final int MIN_TAG_SCORE = 5;

    /** Questions retagged per transaction. */
    public static final int BATCH = 200;

    /** What the revision of a retagged question says. */
    static final String RETAG_COMMENT = "Retagged: [%s] is a synonym of [%s]";

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private TagRepository tags;

    @Inject
    private PostRepository posts;

    @Inject
    private Event<PostWritten> written;

    @Inject
    private Event<PostChanged> changes;

    @Inject
    private Event<SynonymsChanged> synonymsChanged;

    @Resource
    private SessionContext context;

    /** The site's synonyms and proposals: open proposals first, then approved, then rejected; newest first in each. */
    public List<SynonymRow> list(long siteId) {
        List<TagSynonym> all = em.createNamedQuery("TagSynonym.listBySite", TagSynonym.class)
                .setParameter("site", siteId)
                .setMaxResults(500)
                .getResultList();
        Set<Long> numbers = new HashSet<>();
        all.forEach(s -> numbers.add(s.getProposerNumber()));
        Map<Long, UserRef> users = new HashMap<>();
        if (!numbers.isEmpty()) {
            em.createQuery("select u from User u where u.site.id = :site and u.number in :numbers", User.class)
                    .setParameter("site", siteId)
                    .setParameter("numbers", numbers)
                    .getResultStream()
                    .forEach(u -> users.put(u.getNumber(), u.ref()));
        }
        return all.stream()
                .map(s -> new SynonymRow(
                        s.getId(),
                        s.getSourceName(),
                        s.getTargetName(),
                        s.getStatus(),
                        users.getOrDefault(
                                s.getProposerNumber(), new UserRef(null, "a deleted user", Slugs.slugify("user"), 0)),
                        s.getProposedAt(),
                        s.isRetagDone(),
                        s.getRetaggedCount()))
                .toList();
    }

    /** The approved synonyms of {@code tag} (the tags that map to it), by name. */
    public List<String> synonymsOf(long siteId, String tag) {
        return tags.synonyms(siteId).entrySet().stream()
                .filter(e -> e.getValue().equals(tag))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /**
     * Proposes that {@code source} is a synonym of {@code target}.
     *
     * @return the proposal's id
     * @throws NotAllowedException for an anonymous caller, one without the "Create tag synonyms" privilege, or one
     *     whose answers in {@code target} score less than {@value #MIN_TAG_SCORE} (moderators need neither)
     * @throws InvalidInputException under {@code source} or {@code target}: a name that is not a tag name, a target no
     *     question carries, the same tag twice, a source that already is (or is proposed as) a synonym or has
     *     synonyms, a target that is itself a synonym
     */
    public long propose(Actor actor, String source, String target) {
        User user = user(actor, "Log in to propose a tag synonym.");
        long siteId = user.getSite().getId();
        Pair pair = check(siteId, source, target);
        if (!user.isModerator()) {
            user.getSite().privileges().require(Privilege.CREATE_TAG_SYNONYMS, user.getReputation(), user.getRole());
            long score = answerScore(user, pair.target());
            if (score < MIN_TAG_SCORE) {
                throw new NotAllowedException(
                        "Proposing a synonym of " + pair.target().getName() + " needs an answer score of "
                                + MIN_TAG_SCORE + " in that tag; yours is " + score + ".");
            }
        }
        TagSynonym synonym =
                new TagSynonym(siteId, pair.source(), pair.target().getName(), user.getNumber(), Instant.now());
        em.persist(synonym);
        em.flush();
        return synonym.getId();
    }

    /**
     * Approves a proposal, which maps the source to the target from now on; then retag its questions with {@link
     * #retagAll} (after this call's transaction committed, so that no question asked meanwhile keeps the source).
     *
     * @throws NotAllowedException unless the actor is a moderator or admin
     * @throws NotFoundException when the site has no such proposal
     * @throws InvalidInputException when it was already approved or rejected, or its target became a synonym since
     */
    public void approve(Actor actor, long id) {
        decide(actor, id, true);
    }

    /**
     * Rejects a proposal.
     *
     * @throws NotAllowedException unless the actor is a moderator or admin
     * @throws NotFoundException when the site has no such proposal
     * @throws InvalidInputException when it was already approved or rejected
     */
    public void reject(Actor actor, long id) {
        decide(actor, id, false);
    }

    /**
     * A moderator's merge: {@code source}'s questions go to {@code target}, and {@code source} stays a synonym of it
     * so that nobody brings it back. Retag with {@link #retagAll} after this call.
     *
     * @return the synonym's id
     * @throws NotAllowedException unless the actor is a moderator or admin
     * @throws InvalidInputException as {@link #propose} for the names
     */
    public long merge(Actor actor, String source, String target) {
        User user = user(actor, "Log in to merge tags.");
        if (!user.isModerator()) {
            throw new NotAllowedException("Only moderators merge tags.");
        }
        long siteId = user.getSite().getId();
        Pair pair = check(siteId, source, target);
        Instant now = Instant.now();
        TagSynonym synonym = new TagSynonym(siteId, pair.source(), pair.target().getName(), user.getNumber(), now);
        synonym.decide(true, user.getNumber(), now);
        em.persist(synonym);
        em.flush();
        synonymsChanged.fire(new SynonymsChanged(siteId));
        return synonym.getId();
    }

    /**
     * Retags every question of an approved synonym's source, batch after batch, each in its own transaction, on a
     * container thread. Safe to call again (a batch finds only the questions still carrying the source).
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void retagAll(long siteId, long id) {
        SynonymService self = context.getBusinessObject(SynonymService.class);
        long total = 0;
        int n;
        try {
            do {
                n = self.retagBatch(siteId, id);
                total += n;
            } while (n > 0);
            log.log(Level.INFO, "Tag synonym {0} of site {1}: {2} questions retagged", new Object[] {id, siteId, total
            });
        } catch (RuntimeException e) {
            // Committed batches stay; calling again (the synonyms page offers it) goes on where this stopped.
            log.log(Level.SEVERE, e, () -> "Retagging for tag synonym " + id + " stopped");
        }
    }

    /**
     * Retags up to {@value #BATCH} questions of an approved synonym's source; returns how many (0 when none is left,
     * which marks the synonym done). Each question is locked, gets a new row version, a revision naming the synonym,
     * and a {@link PostChanged}, as an edit does.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int retagBatch(long siteId, long id) {
        TagSynonym synonym = em.find(TagSynonym.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (synonym == null
                || synonym.getSiteId() != siteId
                || synonym.getStatus() != TagSynonym.Status.APPROVED
                || synonym.isRetagDone()) {
            return 0;
        }
        // The site first, then the questions: the order edits lock in (the revisions written below lock the site too).
        posts.lockSite(siteId);
        Map<String, Tag> found = tags.findByNames(siteId, List.of(synonym.getSourceName(), synonym.getTargetName()));
        Tag from = found.get(synonym.getSourceName());
        Tag to = found.get(synonym.getTargetName());
        if (from == null || to == null) {
            synonym.retagged(0, true);
            return 0;
        }
        List<Long> ids = em.createQuery(
                        "select q.id from Question q join q.tags t where t.id = :tag order by q.id", Long.class)
                .setParameter("tag", from.getId())
                .setMaxResults(BATCH)
                .getResultList();
        Instant now = Instant.now();
        long moderator = synonym.getDeciderNumber() == null ? -1 : synonym.getDeciderNumber();
        String comment = String.format(RETAG_COMMENT, synonym.getSourceName(), synonym.getTargetName());
        for (long questionId : ids) {
            Question q = em.find(Question.class, questionId, LockModeType.PESSIMISTIC_WRITE);
            PostWritten.Content before = PostWritten.Content.of(q);
            if (q.retag(from, to)) {
                q.touch(posts.nextRowVersion());
                written.fire(new PostWritten(
                        siteId, q.getNumber(), moderator, now, before, PostWritten.Content.of(q), comment, null, null));
                changes.fire(new PostChanged(siteId, q.getNumber(), q.getNumber(), PostChanged.Kind.EDITED));
            }
        }
        synonym.retagged(ids.size(), ids.isEmpty());
        return ids.size();
    }

    /**
     * The approved synonyms whose retagging has not finished, as {site id, synonym id}, oldest first; those whose
     * approval is under a minute old are left to the run the approval started.
     */
    public List<long[]> retagPending() {
        Instant settled = Instant.now().minusSeconds(60);
        return em.createNamedQuery("TagSynonym.retagPending", TagSynonym.class)
                .setParameter("approved", TagSynonym.Status.APPROVED)
                .setMaxResults(100)
                .getResultStream()
                .filter(s -> s.getDecidedAt() == null || s.getDecidedAt().isBefore(settled))
                .map(s -> new long[] {s.getSiteId(), s.getId()})
                .toList();
    }

    /** Whether every question of synonym {@code id} was retagged (true for one that is not approved). */
    public boolean retagDone(long siteId, long id) {
        TagSynonym s = em.find(TagSynonym.class, id);
        return s == null || s.getSiteId() != siteId || s.getStatus() != TagSynonym.Status.APPROVED || s.isRetagDone();
    }

    private void decide(Actor actor, long id, boolean approve) {
        User user = user(actor, "Log in to review tag synonyms.");
        if (!user.isModerator()) {
            throw new NotAllowedException("Only moderators approve or reject tag synonyms.");
        }
        TagSynonym synonym = em.find(TagSynonym.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (synonym == null || synonym.getSiteId() != user.getSite().getId()) {
            throw new NotFoundException("No such tag synonym proposal.");
        }
        if (synonym.getStatus() != TagSynonym.Status.PROPOSED) {
            throw new InvalidInputException(
                    "This proposal was already " + synonym.getStatus().name().toLowerCase(Locale.ROOT) + ".");
        }
        if (approve && tags.synonyms(synonym.getSiteId()).containsKey(synonym.getTargetName())) {
            throw new InvalidInputException(
                    synonym.getTargetName() + " has become a synonym itself since: reject this.");
        }
        synonym.decide(approve, user.getNumber(), Instant.now());
        if (approve) {
            synonymsChanged.fire(new SynonymsChanged(synonym.getSiteId()));
        }
    }

    private record Pair(String source, Tag target) {}

    private Pair check(long siteId, String rawSource, String rawTarget) {
        FieldChecks checks = new FieldChecks();
        String source = checks.field("source", () -> Tag.checkName(normalize(rawSource)));
        String target = checks.field("target", () -> Tag.checkName(normalize(rawTarget)));
        checks.done();
        if (source.equals(target)) {
            throw new InvalidInputException("target", "A tag cannot be a synonym of itself.");
        }
        Tag targetTag = tags.findByNames(siteId, List.of(target)).get(target);
        if (targetTag == null || targetTag.getQuestionCount() == 0) {
            throw new InvalidInputException(
                    "target", "No question is tagged " + target + ": a synonym's target is a tag in use.");
        }
        List<TagSynonym> open = em.createNamedQuery("TagSynonym.openByName", TagSynonym.class)
                .setParameter("site", siteId)
                .setParameter("rejected", TagSynonym.Status.REJECTED)
                .setParameter("names", List.of(source, target))
                .getResultList();
        for (TagSynonym s : open) {
            String state = s.getStatus() == TagSynonym.Status.APPROVED ? "is" : "is proposed as";
            if (s.getSourceName().equals(source)) {
                throw new InvalidInputException(
                        "source", source + " already " + state + " a synonym of " + s.getTargetName() + ".");
            }
            if (s.getTargetName().equals(source)) {
                throw new InvalidInputException(
                        "source",
                        source + " has synonyms of its own (" + s.getSourceName() + "): it cannot become one.");
            }
            if (s.getSourceName().equals(target)) {
                throw new InvalidInputException(
                        "target",
                        target + " " + state + " a synonym of " + s.getTargetName() + ": propose that instead.");
            }
        }
        return new Pair(source, targetTag);
    }

    private long answerScore(User user, Tag tag) {
        Long score = em.createQuery(
                        "select sum(a.score) from Answer a join a.question q join q.tags t"
                                + " where a.owner = :user and t.id = :tag and a.deletedAt is null",
                        Long.class)
                .setParameter("user", user)
                .setParameter("tag", tag.getId())
                .getSingleResult();
        return score == null ? 0 : score;
    }

    private User user(Actor actor, String anonymous) {
        User user = actor == null ? null : em.find(User.class, actor.userId());
        if (user == null) {
            throw new NotAllowedException(anonymous);
        }
        return user;
    }

    private static String normalize(String name) {
        return name == null ? null : name.strip().toLowerCase(Locale.ROOT);
    }
}
