package org.parley.post;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.common.Actor;
import org.parley.image.ImageProxy;
import org.parley.markdown.MarkdownRenderer;
import org.parley.rules.FieldChecks;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.rules.RateLimitedException;
import org.parley.site.Privilege;
import org.parley.site.Site;
import org.parley.site.SiteLimits;
import org.parley.submission.OncePerSubmission;
import org.parley.tag.TagNames;
import org.parley.tag.TagRepository;
import org.parley.user.User;
import org.parley.user.UserRepository;

/** Viewing, asking, answering, editing and accepting; lists of questions are {@code org.parley.listing}'s. */
@Stateless
public class QuestionService {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private PostRepository posts;

    @Inject
    private UserRepository users;

    @Inject
    private TagRepository tags;

    @Inject
    private HeldReputations held;

    @Inject
    private MarkdownRenderer markdown;

    @Inject
    private ImageProxy images;

    @Inject
    private Event<PostChanged> changes;

    @Inject
    private Event<PostActivity> activity;

    @Inject
    private Event<PostWritten> written;

    @Inject
    private Event<PostLocked> locks;

    @Inject
    private Event<QuestionViewsAdded> viewsAdded;

    @Inject
    private Event<EditSuggested> suggested;

    /** The longest edit summary, as on Stack Overflow. */
    public static final int MAX_SUMMARY = 300;

    /**
     * A question page with its answers and comments; {@code myVote} fields are filled for {@code actor} (null =
     * anonymous). Does not count a view: see {@link #recordView}.
     *
     * @throws NotFoundException when the site has no question with that number (an answer's number included: use
     *     {@link #questionNumberOf} to redirect)
     */
    public QuestionDetail view(long siteId, long number, Actor actor) {
        Question question = posts.findQuestion(siteId, number);
        List<Answer> answers = new ArrayList<>(em.createNamedQuery("Answer.listByQuestion", Answer.class)
                .setParameter("question", question)
                .getResultList());
        answers.sort(Comparator.comparing((Answer a) -> !question.isAccepted(a))
                .thenComparing(Answer::getScore, Comparator.reverseOrder())
                .thenComparing(Answer::getCreatedAt)
                .thenComparing(Answer::getId));
        List<Long> postIds = new ArrayList<>();
        postIds.add(question.getId());
        answers.forEach(a -> postIds.add(a.getId()));

        Map<Long, List<CommentView>> comments = em.createNamedQuery("Comment.listByPosts", Comment.class)
                .setParameter("posts", postIds)
                .getResultStream()
                .collect(Collectors.groupingBy(
                        c -> c.getPost().getId(), Collectors.mapping(Comment::toView, Collectors.toList())));
        Map<Long, VoteType> myVotes = new HashMap<>();
        if (actor != null && actor.siteId() == siteId) {
            em.createNamedQuery("Vote.listByVoterAndPosts", Vote.class)
                    .setParameter("voter", actor.userId())
                    .setParameter("posts", postIds)
                    .getResultStream()
                    .forEach(v -> myVotes.put(v.getPost().getId(), v.getType()));
        }

        // The site row only when a body has an absolute link to a post or an image at all: most pages have none.
        boolean absoluteLinks = SourceLinks.mayLink(question.getBodyHtml())
                || answers.stream().anyMatch(a -> SourceLinks.mayLink(a.getBodyHtml()));
        boolean anyImage =
                hasImage(question.getBodyHtml()) || answers.stream().anyMatch(a -> hasImage(a.getBodyHtml()));
        Site site = absoluteLinks || anyImage ? em.find(Site.class, siteId) : null;
        String sourceHost = site == null ? null : site.getSourceHost();
        Set<String> ownHosts = site == null ? Set.of() : site.hostNames();
        Set<Long> linked = new HashSet<>(SourceLinks.targets(question.getBodyHtml(), sourceHost));
        answers.forEach(a -> linked.addAll(SourceLinks.targets(a.getBodyHtml(), sourceHost)));
        Set<Long> existing = linked.isEmpty() ? Set.of() : new HashSet<>(PostNumbers.existing(em, siteId, linked));
        List<AnswerView> answerViews = answers.stream()
                .map(a -> new AnswerView(
                        a.getNumber(),
                        images.rewrite(SourceLinks.rewrite(a.getBodyHtml(), sourceHost, existing), ownHosts),
                        a.getScore(),
                        question.isAccepted(a),
                        a.getCreatedAt(),
                        a.getLastEditedAt(),
                        a.ownerRef(),
                        comments.getOrDefault(a.getId(), List.of()),
                        myVotes.get(a.getId()),
                        a.getLockedAt(),
                        a.getDeletedAt()))
                .toList();
        Long acceptedNumber = answers.stream()
                .filter(a -> question.isAccepted(a) && !a.isDeleted())
                .map(Answer::getNumber)
                .findFirst()
                .orElse(null);
        return new QuestionDetail(
                question.getNumber(),
                question.getTitle(),
                question.slug(),
                question.tagList(),
                images.rewrite(SourceLinks.rewrite(question.getBodyHtml(), sourceHost, existing), ownHosts),
                question.getBodyMarkdown(),
                question.getScore(),
                question.getViewCount(),
                question.getCreatedAt(),
                question.getLastActivityAt(),
                question.getLastEditedAt(),
                question.getClosedAt(),
                question.ownerRef(),
                acceptedNumber,
                comments.getOrDefault(question.getId(), List.of()),
                answerViews,
                myVotes.get(question.getId()),
                question.getLockedAt(),
                question.getDeletedAt());
    }

    /** Adds one to a question's view count without touching its row version; an unknown number is ignored. */
    public void recordView(long siteId, long number) {
        em.createNamedQuery("Question.incrementViewsByNumber")
                .setParameter("site", siteId)
                .setParameter("number", number)
                .executeUpdate();
        viewsAdded.fire(new QuestionViewsAdded(siteId, number, 1));
    }

    /**
     * Asks a question on the actor's site. Title and body are trimmed; tags go through {@link TagNames#parse} and
     * new tags are created.
     *
     * @throws NotAllowedException when {@code actor} is null ("Log in to ask a question.")
     * @throws InvalidInputException when the title is not 15..150 characters, the body not 30..30000, or there are
     *     not 1..5 valid tags: one problem per field ({@code title}, {@code body}, {@code tags}), all of them at once;
     *     and (field {@code body}) when a new user's body links outside the site ({@link SiteLimits#requireLinksAllowed})
     * @throws RateLimitedException when a new user asked on this site less than the site's interval ago (40 minutes
     *     by default; see {@link SiteLimits#requireQuestionInterval}), saying when they may ask again
     */
    @Interceptors(OncePerSubmission.class)
    public QuestionSummary ask(Actor actor, String title, String bodyMarkdown, List<String> tags) {
        if (actor == null) {
            throw new NotAllowedException("Log in to ask a question.");
        }
        FieldChecks checks = new FieldChecks();
        String checkedTitle = checks.field("title", () -> Question.checkTitle(title));
        String body = checks.field("body", () -> Post.checkBody(bodyMarkdown));
        List<String> names = checks.field("tags", () -> checkTagCount(TagNames.parseAll(tags)));
        checks.done();

        Site site = posts.lockSite(actor.siteId());
        String html = markdown.toSafeHtml(body, site.isMath());
        User owner = users.acting(actor, "Log in to ask a question.");
        SiteLimits limits = site.limits();
        limits.requireLinksAllowed(null, html, owner.getReputation(), owner.getRole());
        Instant now = Instant.now();
        if (limits.isNewUser(owner.getReputation(), owner.getRole())) {
            // The site row is locked: a new user's two questions at once are checked one after the other.
            Instant last = em.createNamedQuery("Question.lastAskedBy", Instant.class)
                    .setParameter("owner", owner)
                    .getSingleResult();
            limits.requireQuestionInterval(last, now, owner.getReputation(), owner.getRole());
        }
        Question question = new Question(
                site,
                site.takePostNumber(),
                owner,
                checkedTitle,
                body,
                html,
                this.tags.findOrCreate(site, names),
                now,
                posts.nextRowVersion());
        em.persist(question);
        written.fire(new PostWritten(
                site.getId(),
                question.getNumber(),
                owner.getNumber(),
                question.getCreatedAt(),
                null,
                PostWritten.Content.of(question),
                null,
                null));
        changes.fire(new PostChanged(site.getId(), question.getNumber(), question.getNumber(), PostChanged.Kind.ASKED));
        return question.toSummary();
    }

    /**
     * Answers a question on the actor's site.
     *
     * @return the new answer's number
     * @throws NotAllowedException when {@code actor} is null or the question is closed
     * @throws NotFoundException when there is no such question
     * @throws InvalidInputException when the body is not 30..30000 characters, or a new user's body links outside the
     *     site (field {@code body})
     */
    @Interceptors(OncePerSubmission.class)
    public long answer(Actor actor, long questionNumber, String bodyMarkdown) {
        if (actor == null) {
            throw new NotAllowedException("Log in to answer.");
        }
        FieldChecks checks = new FieldChecks();
        String body = checks.field("body", () -> Post.checkBody(bodyMarkdown));
        checks.done();

        Site site = posts.lockSite(actor.siteId());
        String html = markdown.toSafeHtml(body, site.isMath());
        if (!(posts.lock(site.getId(), questionNumber) instanceof Question question)) {
            throw new NotFoundException("No such question.");
        }
        User owner = users.acting(actor, "Log in to answer.");
        question.requireOpen("answer", owner.isModerator());
        site.limits().requireLinksAllowed(null, html, owner.getReputation(), owner.getRole());
        Answer answer = new Answer(
                site, site.takePostNumber(), owner, question, body, html, Instant.now(), posts.nextRowVersion());
        question.touch(posts.nextRowVersion());
        em.persist(answer);
        written.fire(new PostWritten(
                site.getId(),
                answer.getNumber(),
                owner.getNumber(),
                answer.getCreatedAt(),
                null,
                PostWritten.Content.of(answer),
                null,
                null));
        PostActivities.fire(activity, PostActivity.Kind.ANSWER, question, owner, answer, body);
        changes.fire(
                new PostChanged(site.getId(), question.getNumber(), answer.getNumber(), PostChanged.Kind.ANSWERED));
        return answer.getNumber();
    }

    /**
     * A question or answer as the edit form starts with it.
     *
     * @throws NotAllowedException unless the actor owns the post or is a moderator or admin
     * @throws NotFoundException when there is no such post on the actor's site
     */
    public PostForEdit forEdit(Actor actor, long postNumber) {
        User editor = users.acting(actor, "Log in to edit.");
        Post post = posts.find(actor.siteId(), postNumber);
        requireEditable(post, editor);
        return forEdit(post, false);
    }

    /**
     * A post as the edit form starts with it, for anyone logged in: {@code suggestion} is true when the actor may not
     * edit it freely, and the form suggests an edit for review instead ({@link #suggestEdit}).
     *
     * @throws NotAllowedException when not logged in, or when the post is locked or deleted (but for moderators)
     * @throws NotFoundException when there is no such post on the actor's site
     */
    public PostForEdit forEditOrSuggestion(Actor actor, long postNumber) {
        User editor = users.acting(actor, "Log in to edit.");
        Post post = posts.find(actor.siteId(), postNumber);
        if (post.isDeleted() || post.questionShownOn().isDeleted()) {
            throw new NotFoundException("No such post.");
        }
        post.requireOpen("edit", editor.isModerator());
        return forEdit(post, !post.editableBy(editor));
    }

    /**
     * Suggests an edit of a post the actor may not edit freely: checked by the rules of {@link #edit}, then kept for
     * review ({@link EditSuggested}); nothing changes on the post until reviewers approve it.
     *
     * @throws NotAllowedException when not logged in, or the post is locked or deleted
     * @throws NotFoundException when there is no such post on the actor's site
     * @throws org.parley.rules.ConflictException when the actor may edit the post freely, or it has an edit waiting
     * @throws InvalidInputException on the rules of {@link #edit}
     */
    public void suggestEdit(
            Actor actor, long postNumber, String title, String bodyMarkdown, List<String> tags, String summary) {
        User proposer = users.acting(actor, "Log in to suggest edits.");
        Post post = posts.lock(actor.siteId(), postNumber);
        if (post.isDeleted() || post.questionShownOn().isDeleted()) {
            throw new NotFoundException("No such post.");
        }
        if (post.editableBy(proposer)) {
            throw new org.parley.rules.ConflictException("You can edit this post yourself.");
        }
        PostWritten.Content content = checkSuggestion(actor.siteId(), postNumber, title, bodyMarkdown, tags, summary);
        suggested.fire(new EditSuggested(actor.siteId(), postNumber, proposer.getId(), content, checkSummary(summary)));
    }

    private static PostForEdit forEdit(Post post, boolean suggestion) {
        Question question = post.questionShownOn();
        return new PostForEdit(
                post.getNumber(),
                post.isQuestion(),
                question.getTitle(),
                post.isQuestion() ? String.join(" ", question.tagList()) : "",
                post.getBodyMarkdown(),
                question.getNumber(),
                question.slug(),
                suggestion);
    }

    /** {@link #edit(Actor, long, String, String, List, String)} without an edit summary. */
    public void edit(Actor actor, long postNumber, String title, String bodyMarkdown, List<String> tags) {
        edit(actor, postNumber, title, bodyMarkdown, tags, null);
    }

    /**
     * Edits a question (title, body, tags) or an answer (body only; {@code title} and {@code tags} are ignored), and
     * records the revision with the editor's summary.
     *
     * @param summary why, in a few words (optional, at most {@value #MAX_SUMMARY} characters)
     * @throws NotAllowedException unless the actor owns the post, is a moderator or admin, or has the site's "Edit
     *     freely" privilege
     * @throws NotFoundException when there is no such post on the actor's site
     * @throws InvalidInputException on the same rules as {@link #ask} and {@link #answer}, for a summary over {@value
     *     #MAX_SUMMARY} characters (field {@code summary}), for an edit that changes nothing (field {@code body}), and
     *     for a new user's edit that adds a link outside the site (field {@code body})
     */
    public void edit(
            Actor actor, long postNumber, String title, String bodyMarkdown, List<String> tags, String summary) {
        User editor = users.acting(actor, "Log in to edit.");
        Post post = posts.find(actor.siteId(), postNumber);
        requireEditable(post, editor);
        FieldChecks checks = new FieldChecks();
        String checkedTitle = post instanceof Question ? checks.field("title", () -> Question.checkTitle(title)) : null;
        String body = checks.field("body", () -> Post.checkBody(bodyMarkdown));
        List<String> names =
                post instanceof Question ? checks.field("tags", () -> checkTagCount(TagNames.parseAll(tags))) : null;
        String why = checks.field("summary", () -> checkSummary(summary));
        checks.done();
        write(editor, post, new PostWritten.Content(checkedTitle, body, names), why, null, null);
    }

    /**
     * Applies a suggested edit that reviewers approved, as a revision by its proposer with the history row that says
     * who approved it (type 24). The content was checked when it was suggested, and is checked again here.
     *
     * @param proposal the type-24 row's comment, e.g. "Proposed by 12 approved by 3, 7"
     * @throws NotAllowedException when the post is locked or deleted
     * @throws InvalidInputException when the content no longer passes the rules, or changes nothing now
     */
    public void applySuggestedEdit(
            long siteId,
            long postNumber,
            long proposerId,
            PostWritten.Content content,
            String summary,
            String proposal) {
        User proposer = em.find(User.class, proposerId);
        Post post = posts.find(siteId, postNumber);
        FieldChecks checks = new FieldChecks();
        String checkedTitle =
                post instanceof Question ? checks.field("title", () -> Question.checkTitle(content.title())) : null;
        String body = checks.field("body", () -> Post.checkBody(content.bodyMarkdown()));
        List<String> names = post instanceof Question
                ? checks.field("tags", () -> checkTagCount(TagNames.parseAll(content.tags())))
                : null;
        checks.done();
        write(proposer, post, new PostWritten.Content(checkedTitle, body, names), summary, null, proposal);
    }

    /**
     * Checks a suggested edit of a post as {@link #edit} would, without writing it.
     *
     * @return the content as it would be written
     * @throws NotFoundException when there is no such post
     * @throws NotAllowedException when the post is locked or deleted
     * @throws InvalidInputException on the rules of {@link #edit}, and for an edit that changes nothing
     */
    public PostWritten.Content checkSuggestion(
            long siteId, long postNumber, String title, String bodyMarkdown, List<String> tags, String summary) {
        Post post = posts.find(siteId, postNumber);
        post.requireOpen("edit", false);
        FieldChecks checks = new FieldChecks();
        String checkedTitle = post instanceof Question ? checks.field("title", () -> Question.checkTitle(title)) : null;
        String body = checks.field("body", () -> Post.checkBody(bodyMarkdown));
        List<String> names =
                post instanceof Question ? checks.field("tags", () -> checkTagCount(TagNames.parseAll(tags))) : null;
        checks.field("summary", () -> checkSummary(summary));
        checks.done();
        PostWritten.Content content = new PostWritten.Content(checkedTitle, body, names);
        if (PostWritten.Content.of(post).equals(content)) {
            throw new InvalidInputException(
                    "body", "Your edit changes nothing: change the title, body or tags, or cancel.");
        }
        return content;
    }

    /** The maximum length of an edit summary, checked: for suggested edits. */
    public static String summaryOf(String summary) {
        return checkSummary(summary);
    }

    /**
     * Puts a post back as it was at an earlier revision, as a new revision that says so.
     *
     * @param target the post's title, body and tags at that revision (title and tags null for an answer)
     * @param revisionGuid that revision's GUID, which the new revision names
     * @throws NotAllowedException unless the actor may edit the post
     * @throws NotFoundException when there is no such post on the actor's site
     * @throws InvalidInputException when the post is already as {@code target} has it
     */
    public void rollBack(Actor actor, long postNumber, PostWritten.Content target, String revisionGuid) {
        User editor = users.acting(actor, "Log in to roll back an edit.");
        Post post = posts.find(actor.siteId(), postNumber);
        requireEditable(post, editor);
        write(editor, post, target, null, revisionGuid, null);
    }

    private void write(
            User editor, Post post, PostWritten.Content content, String summary, String rollbackOf, String proposal) {
        post.requireOpen("edit", editor.isModerator());
        PostWritten.Content before = PostWritten.Content.of(post);
        if (before.equals(content)) {
            throw new InvalidInputException(
                    "body",
                    rollbackOf == null
                            ? "Your edit changes nothing: change the title, body or tags, or cancel."
                            : "The post is already as that revision has it.");
        }
        Instant now = Instant.now();
        long siteId = post.getSite().getId();
        if (post instanceof Question question) {
            // The site lock serialises tag creation and tag counts with asking.
            Site site = posts.lockSite(siteId);
            String html = markdown.toSafeHtml(content.bodyMarkdown(), site.isMath());
            site.limits().requireLinksAllowed(post.getBodyHtml(), html, editor.getReputation(), editor.getRole());
            posts.relock(question);
            question.edit(
                    content.title(), content.bodyMarkdown(), html, this.tags.findOrCreate(site, content.tags()), now);
            question.touch(posts.nextRowVersion());
        } else {
            Answer answer = (Answer) post;
            String html =
                    markdown.toSafeHtml(content.bodyMarkdown(), post.getSite().isMath());
            post.getSite()
                    .limits()
                    .requireLinksAllowed(post.getBodyHtml(), html, editor.getReputation(), editor.getRole());
            posts.relock(answer);
            Question question = answer.getQuestion();
            posts.relock(question);
            answer.editBody(content.bodyMarkdown(), html, now);
            answer.touch(posts.nextRowVersion());
            question.answerEdited(now);
            question.touch(posts.nextRowVersion());
        }
        written.fire(new PostWritten(
                siteId,
                post.getNumber(),
                editor.getNumber(),
                now,
                before,
                PostWritten.Content.of(post),
                summary,
                rollbackOf,
                proposal));
        changes.fire(
                new PostChanged(siteId, post.questionShownOn().getNumber(), post.getNumber(), PostChanged.Kind.EDITED));
    }

    /**
     * Locks a question or answer (no votes, edits, comments or, on a question, answers from anyone but moderators;
     * votes from nobody) or unlocks it. Locking a locked post changes nothing.
     *
     * @throws NotAllowedException unless the actor is a moderator (or admin) of the site
     * @throws NotFoundException when there is no such post on the actor's site
     */
    public void lock(Actor actor, long postNumber, boolean locked) {
        User moderator = users.acting(actor, "Log in to lock posts.");
        if (!moderator.isModerator()) {
            throw new NotAllowedException("Only moderators can lock and unlock posts.");
        }
        Post post = posts.lock(actor.siteId(), postNumber);
        Instant now = Instant.now();
        if (!post.lock(locked ? now : null)) {
            return;
        }
        post.touch(posts.nextRowVersion());
        Question question = post.questionShownOn();
        if (post instanceof Answer) {
            posts.relock(question);
            question.touch(posts.nextRowVersion());
        }
        locks.fire(new PostLocked(actor.siteId(), postNumber, moderator.getNumber(), now, locked));
        changes.fire(new PostChanged(actor.siteId(), question.getNumber(), postNumber, PostChanged.Kind.EDITED));
    }

    /**
     * Accepts an answer, or un-accepts it when it is the accepted one; accepting another answer moves the mark.
     *
     * @throws NotAllowedException when {@code actor} is null or did not ask the question
     * @throws NotFoundException when there is no such answer on the actor's site
     */
    @Interceptors(OncePerSubmission.class)
    public void accept(Actor actor, long answerNumber) {
        User asker = users.acting(actor, "Log in to accept an answer.");
        if (!(posts.find(actor.siteId(), answerNumber) instanceof Answer answer)) {
            throw new NotFoundException("No such answer.");
        }
        if (answer.isDeleted() || answer.getQuestion().isDeleted()) {
            throw new NotAllowedException("This answer is deleted: it can't be accepted.");
        }
        Question question = answer.getQuestion();
        posts.relock(question);
        if (!question.isOwnedBy(asker)) {
            throw new NotAllowedException("Only the person who asked can accept an answer.");
        }
        Answer previous = question.getAcceptedAnswer();
        users.lockAll(Arrays.asList(asker, answer.getOwner(), previous == null ? null : previous.getOwner()));
        if (previous != null && previous.isDeleted()) {
            held.forgetAccept(previous); // the mark leaves a deleted answer: undeleting it gives no accept back
        }
        question.accept(asker, answer);
        question.touch(posts.nextRowVersion());
        if (question.getAcceptedAnswer() != null && answer.isSamePost(question.getAcceptedAnswer())) {
            PostActivities.fire(activity, PostActivity.Kind.ACCEPTED, answer, asker, answer, question.getTitle());
        }
        changes.fire(
                new PostChanged(actor.siteId(), question.getNumber(), answer.getNumber(), PostChanged.Kind.ACCEPTED));
    }

    /**
     * The number of the question a post belongs to: the post's own for a question, its question's for an answer.
     *
     * @throws NotFoundException when the site has no such post
     */
    public long questionNumberOf(long siteId, long postNumber) {
        return posts.find(siteId, postNumber).questionShownOn().getNumber();
    }

    /**
     * The slug of the question a post belongs to (see {@link #questionNumberOf}).
     *
     * @throws NotFoundException when the site has no such post
     */
    public String slugOfQuestionContaining(long siteId, long postNumber) {
        return posts.find(siteId, postNumber).questionShownOn().slug();
    }

    /** Its author, a moderator or admin, or a user with the site's "Edit freely" privilege (the refusal names it). */
    private static void requireEditable(Post post, User editor) {
        if (!post.editableBy(editor)) {
            post.getSite().privileges().require(Privilege.EDIT_FREELY, editor.getReputation(), editor.getRole());
            throw new NotAllowedException("You can only edit your own posts.");
        }
    }

    private static String checkSummary(String summary) {
        String s = summary == null ? null : summary.strip();
        if (s != null && s.length() > MAX_SUMMARY) {
            throw new InvalidInputException(
                    "An edit summary has at most " + MAX_SUMMARY + " characters; this one has " + s.length() + ".");
        }
        return s == null || s.isEmpty() ? null : s;
    }

    private static List<String> checkTagCount(List<String> names) {
        if (names.isEmpty()) {
            throw new InvalidInputException("Add at least one tag.");
        }
        if (names.size() > Question.MAX_TAGS) {
            throw new InvalidInputException("A question has at most " + Question.MAX_TAGS + " tags; this one has "
                    + names.size() + ": " + String.join(", ", names) + ".");
        }
        return names;
    }

    private static boolean hasImage(String html) {
        return html != null && html.contains("<img");
    }
}
