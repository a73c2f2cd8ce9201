package org.parley.post;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.DynamicUpdate;
import org.parley.common.Slugs;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.site.Site;
import org.parley.tag.Tag;
import org.parley.user.User;

/**
 * A question: a title, 1..5 tags and the answers pointing at it. Keeps its tags' question counts, its answer count
 * and the accepted answer consistent with the reputation those earn.
 */
@Entity
@DynamicUpdate
@DiscriminatorValue("Q")
@NamedQuery(
        name = "Question.findByNumber",
        query = "select q from Question q left join fetch q.owner where q.site.id = :site and q.number = :number")
@NamedQuery(
        name = "Question.countBySite",
        query = "select count(q) from Question q where q.site.id = :site and q.deletedAt is null")
@NamedQuery(
        name = "Question.countUnansweredBySite",
        query = "select count(q) from Question q where q.site.id = :site and q.answerCount = 0"
                + " and q.deletedAt is null")
@NamedQuery(
        name = "Question.incrementViewsByNumber",
        query = "update Question q set q.viewCount = q.viewCount + 1 where q.site.id = :site and q.number = :number")
@NamedQuery(
        name = "Question.latestActivityBySite",
        query = "select max(q.lastActivityAt) from Question q where q.site.id = :site and q.deletedAt is null")
@NamedQuery(
        name = "Question.countByOwner",
        query = "select count(q) from Question q where q.owner = :owner and q.deletedAt is null")
@NamedQuery(name = "Question.lastAskedBy", query = "select max(q.createdAt) from Question q where q.owner = :owner")
@NamedQuery(
        name = "Question.listByOwner",
        query = "select q from Question q left join fetch q.owner where q.owner = :owner and q.deletedAt is null"
                + " order by q.createdAt desc, q.id desc")
public class Question extends Post {

    public static final int MIN_TITLE = 15;
    public static final int MAX_TITLE = 150;
    public static final int MAX_TAGS = 5;

    @Column(name = "title", length = MAX_TITLE)
    private String title;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "question_tag",
            joinColumns = @JoinColumn(name = "question_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"),
            indexes = @Index(name = "idx_question_tag_tag", columnList = "tag_id, question_id"))
    @BatchSize(size = 64)
    private Set<Tag> tags = new HashSet<>();

    /** The tags in the order the asker gave them, as {@code |java|jpa|}: lists show them without a join. */
    @Column(name = "tag_names", length = 250)
    private String tagNames;

    @Column(name = "answer_count")
    private int answerCount;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "accepted_answer_id")
    private Answer acceptedAnswer;

    @Column(name = "view_count")
    private long viewCount;

    @Column(name = "closed_at")
    private Instant closedAt;

    /**
     * Why it was closed, as the dumps number close reasons (101 duplicate, 102 off-topic, 103 needs details or
     * clarity, 104 needs more focus, 105 opinion-based); null while open, and for imported closed questions (their
     * history row says it).
     */
    @Column(name = "close_reason")
    private Integer closeReason;

    /** When its first answer was posted (null: never answered); the import fills it for imported questions. */
    @Column(name = "first_answer_at")
    private Instant firstAnswerAt;

    /**
     * Whole seconds from asking to {@link #firstAnswerAt}, never negative: analytics' "time to first answer", stored so
     * that the search index and SQL read the very same number.
     */
    @Column(name = "first_answer_seconds")
    private Long firstAnswerSeconds;

    /** The AcceptedAnswerId an imported question had, until the import links {@link #acceptedAnswer} to it. */
    @Column(name = "dump_accepted_number")
    private Long dumpAcceptedNumber;

    protected Question() {}

    /**
     * A new question. Each tag's question count goes up by one.
     *
     * @param title already checked with {@link #checkTitle}
     * @param bodyMarkdown already checked with {@link #checkBody}
     * @throws InvalidInputException unless there are 1..{@value #MAX_TAGS} distinct tags
     */
    public Question(
            Site site,
            long number,
            User owner,
            String title,
            String bodyMarkdown,
            String bodyHtml,
            List<Tag> tags,
            Instant createdAt,
            long rowVersion) {
        super(site, number, owner, bodyMarkdown, bodyHtml, createdAt, rowVersion);
        this.title = checkTitle(title);
        replaceTags(checkTags(site, tags));
    }

    /**
     * @return the title with surrounding white space removed and inner runs collapsed to one space
     * @throws InvalidInputException unless it is {@value #MIN_TITLE}..{@value #MAX_TITLE} characters
     */
    public static String checkTitle(String title) {
        String t = title == null ? "" : title.strip().replaceAll("\\s+", " ");
        if (t.length() < MIN_TITLE) {
            throw new InvalidInputException("The title must be at least " + MIN_TITLE + " characters.");
        }
        if (t.length() > MAX_TITLE) {
            throw new InvalidInputException("The title must be at most " + MAX_TITLE + " characters.");
        }
        return t;
    }

    private static List<Tag> checkTags(Site site, List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            throw new InvalidInputException("Add at least one tag.");
        }
        Set<String> names = new HashSet<>();
        for (Tag tag : tags) {
            if (!names.add(tag.getName())) {
                throw new InvalidInputException("The tag \"" + tag.getName() + "\" is given twice.");
            }
            if (tag.getSite() != site && !Objects.equals(tag.getSite().getId(), site.getId())) {
                throw new IllegalArgumentException("Tag " + tag.getName() + " belongs to another site");
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException("Use at most " + MAX_TAGS + " tags.");
        }
        return tags;
    }

    /**
     * Edits title, body and tags. Question counts move from dropped tags to added ones.
     *
     * @param title already checked with {@link #checkTitle}
     * @param bodyMarkdown already checked with {@link #checkBody}
     * @throws InvalidInputException unless there are 1..{@value #MAX_TAGS} distinct tags
     */
    public void edit(String title, String bodyMarkdown, String bodyHtml, List<Tag> tags, Instant now) {
        String checkedTitle = checkTitle(title);
        List<Tag> checkedTags = checkTags(getSite(), tags);
        this.title = checkedTitle;
        editBody(bodyMarkdown, bodyHtml, now);
        replaceTags(checkedTags);
    }

    /**
     * Gives the question {@code to} in place of {@code from} (a synonym approved, or a merge), where {@code from} was;
     * when it already has {@code to}, just drops {@code from}. Counts move as in an edit.
     *
     * @return whether the question had {@code from}
     */
    public boolean retag(Tag from, Tag to) {
        if (tags.stream().noneMatch(t -> t.getName().equals(from.getName()))) {
            return false;
        }
        boolean hasTarget = tags.stream().anyMatch(t -> t.getName().equals(to.getName()));
        List<Tag> newTags = new java.util.ArrayList<>();
        java.util.Map<String, Tag> byName = new java.util.HashMap<>();
        tags.forEach(t -> byName.put(t.getName(), t));
        for (String name : tagList()) {
            Tag t = byName.get(name);
            if (t == null) {
                continue;
            }
            if (t.getName().equals(from.getName())) {
                if (!hasTarget) {
                    newTags.add(to);
                }
            } else {
                newTags.add(t);
            }
        }
        replaceTags(newTags);
        return true;
    }

    private void replaceTags(List<Tag> newTags) {
        Set<String> newNames = new HashSet<>();
        newTags.forEach(t -> newNames.add(t.getName()));
        Set<String> oldNames = new HashSet<>();
        for (Tag old : tags) {
            oldNames.add(old.getName());
            if (!newNames.contains(old.getName())) {
                old.questionRemoved();
            }
        }
        for (Tag tag : newTags) {
            if (!oldNames.contains(tag.getName())) {
                tag.questionAdded();
            }
        }
        tags.clear();
        tags.addAll(newTags);
        StringBuilder joined = new StringBuilder("|");
        newTags.forEach(t -> joined.append(t.getName()).append('|'));
        tagNames = joined.toString();
    }

    /**
     * Accepts {@code answer}, or un-accepts it when it is the accepted one; accepting another answer moves the mark.
     * The answerer gets {@value Reputation#ACCEPTED} and the asker {@value Reputation#ACCEPTING}, neither when the
     * asker accepts their own answer; moving or removing the mark takes back what the old one gave.
     *
     * @throws NotAllowedException unless {@code actor} asked this question
     * @throws InvalidInputException when {@code answer} belongs to another question
     */
    public AcceptChange accept(User actor, Answer answer) {
        Objects.requireNonNull(answer, "answer");
        if (actor == null || !isOwnedBy(actor)) {
            throw new NotAllowedException("Only the person who asked can accept an answer.");
        }
        if (!isSamePost(answer.getQuestion())) {
            throw new InvalidInputException("That answer belongs to another question.");
        }
        Answer before = acceptedAnswer;
        if (before != null) {
            rewardAccept(before, -1);
        }
        if (before != null && before.isSamePost(answer)) {
            acceptedAnswer = null;
        } else {
            acceptedAnswer = answer;
            rewardAccept(answer, +1);
        }
        return new AcceptChange(before, acceptedAnswer);
    }

    private void rewardAccept(Answer answer, int sign) {
        User asker = getOwner();
        User answerer = answer.getOwner();
        if ((asker != null && asker.isSameAs(answerer)) || answer.isDeleted()) {
            return; // a deleted answer's accept reputation was taken back when it was deleted (HeldReputations)
        }
        if (answerer != null) {
            answerer.changeReputation(sign * Reputation.ACCEPTED);
        }
        if (asker != null) {
            asker.changeReputation(sign * Reputation.ACCEPTING);
        }
    }

    /** Whether {@code answer} is the accepted one. */
    public boolean isAccepted(Answer answer) {
        return acceptedAnswer != null && acceptedAnswer.isSamePost(answer);
    }

    /** @throws NotAllowedException when the question is closed */
    public void ensureOpen() {
        if (closedAt != null) {
            throw new NotAllowedException("This question is closed to new answers.");
        }
    }

    /** Closes the question to new answers; closing a closed question keeps the first time. */
    public void close(Instant now) {
        if (closedAt == null) {
            closedAt = Objects.requireNonNull(now, "now");
        }
    }

    /**
     * Closes the question for a reason, or reopens it ({@code now} null).
     *
     * @param reason the dumps' close reason number, or null when reopening
     * @return whether that changed anything
     */
    public boolean close(Instant now, Integer reason) {
        boolean changed = (now == null) != (closedAt == null);
        closedAt = now;
        closeReason = now == null ? null : reason;
        if (changed && now != null) {
            activity(now);
        }
        return changed;
    }

    /** One of the answers was deleted ({@code deleted}) or undeleted: the answer count is of live answers. */
    void answerDeletionChanged(boolean deleted) {
        answerCount += deleted ? -1 : 1;
    }

    @Override
    protected void deletionChanged(boolean deleted) {
        for (Tag tag : tags) {
            if (deleted) {
                tag.questionRemoved();
            } else {
                tag.questionAdded();
            }
        }
    }

    /** One of the answers was edited: the question shows activity. */
    void answerEdited(Instant when) {
        activity(when);
    }

    /** Called by the {@link Answer} constructor. */
    void answerAdded(Instant when) {
        answerCount++;
        // The earliest, even when answers are written out of order (generated demo content, replays).
        if (firstAnswerAt == null || when.isBefore(firstAnswerAt)) {
            firstAnswerAt = when;
            firstAnswerSeconds =
                    Math.max(0, Duration.between(getCreatedAt(), when).getSeconds());
        }
        activity(when);
    }

    @Override
    public boolean isQuestion() {
        return true;
    }

    @Override
    public Question questionShownOn() {
        return this;
    }

    /** The list row of this question; reads the owner, so load it with the question. */
    public QuestionSummary toSummary() {
        return new QuestionSummary(
                getNumber(),
                title,
                slug(),
                tagList(),
                getScore(),
                answerCount,
                hasAcceptedAnswer(),
                viewCount,
                getCreatedAt(),
                getLastActivityAt(),
                ownerRef());
    }

    public String slug() {
        return Slugs.slugify(title);
    }

    /** The tag names in the order the asker gave them. */
    public List<String> tagList() {
        return splitTagNames(tagNames);
    }

    /** The tag names of a {@code tagNames} column value ({@code |a|b|}), in order, without duplicates. */
    public static List<String> splitTagNames(String tagNames) {
        if (tagNames == null || tagNames.length() < 2) {
            return List.of();
        }
        return new ArrayList<>(new LinkedHashSet<>(
                Arrays.stream(tagNames.split("\\|")).filter(s -> !s.isEmpty()).toList()));
    }

    public String getTitle() {
        return title;
    }

    /** The tag entities (unordered); prefer {@link #tagList()} for display. */
    public Set<Tag> getTags() {
        return Set.copyOf(tags);
    }

    public String getTagNames() {
        return tagNames;
    }

    public int getAnswerCount() {
        return answerCount;
    }

    public Instant getFirstAnswerAt() {
        return firstAnswerAt;
    }

    public Long getFirstAnswerSeconds() {
        return firstAnswerSeconds;
    }

    public Answer getAcceptedAnswer() {
        return acceptedAnswer;
    }

    public boolean hasAcceptedAnswer() {
        return acceptedAnswer != null;
    }

    public long getViewCount() {
        return viewCount;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    /** The close reason's number (see {@link #close(Instant, Integer)}); null when open or not known. */
    public Integer getCloseReason() {
        return closeReason;
    }
}
