package org.parley.post;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.Length;
import org.hibernate.annotations.DynamicUpdate;
import org.parley.common.Columns;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.site.Privilege;
import org.parley.site.Site;
import org.parley.user.User;
import org.parley.user.UserRef;

/**
 * A question or an answer; both share one number space per site, like the Posts table of a Stack Exchange dump.
 *
 * <p>{@code rowVersion} comes from the database sequence {@value RowVersions#SEQUENCE} and is renewed on every
 * change made through the entity (insert, edit, vote, accept, new answer or comment: the constructor takes the first,
 * services call {@link #touch} for each post they change), so it only grows; view counts are a bulk update that leaves
 * it alone. Updates write only the changed columns, so a view count bump and a vote
 * never overwrite each other's columns; services lock the row before changing a counter.
 */
@Entity
@Table(
        name = "post",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_post_site_number",
                        columnNames = {"site_id", "number"}),
        indexes = {
            @Index(name = "idx_post_site_type_created", columnList = "site_id, post_type, created_at"),
            @Index(name = "idx_post_site_type_activity", columnList = "site_id, post_type, last_activity_at"),
            @Index(name = "idx_post_site_type_score", columnList = "site_id, post_type, score"),
            @Index(name = "idx_post_site_type_answers", columnList = "site_id, post_type, answer_count, created_at"),
            @Index(name = "idx_post_question_score", columnList = "question_id, score"),
            @Index(name = "idx_post_owner_type_created", columnList = "owner_id, post_type, created_at"),
            @Index(name = "idx_post_row_version", columnList = "row_version")
        })
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "post_type", discriminatorType = DiscriminatorType.STRING, length = 1)
@DynamicUpdate
@NamedQuery(name = "Post.findByNumber", query = "select p from Post p where p.site.id = :site and p.number = :number")
public abstract class Post {

    public static final int MIN_BODY = 30;
    public static final int MAX_BODY = 30_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_id")
    @SequenceGenerator(name = "post_id", sequenceName = "post_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id", nullable = false)
    private Site site;

    @Column(name = "number", nullable = false)
    private long number;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private User owner;

    @Column(name = "owner_display_name", length = 40)
    private String ownerDisplayName;

    @Column(name = "body_markdown", nullable = false, length = Length.LONG32)
    private String bodyMarkdown;

    @Column(name = "body_html", nullable = false, length = Length.LONG32)
    private String bodyHtml;

    @Column(name = "score", nullable = false)
    private int score;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    @Column(name = "last_edited_at")
    private Instant lastEditedAt;

    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    @Column(name = "comment_count", nullable = false)
    private int commentCount;

    /** The license an imported post was published under, e.g. "CC BY-SA 4.0"; null for posts written here. */
    @Column(name = "content_license", length = 40)
    private String contentLicense;

    /** When a moderator locked the post (no votes, edits, comments or, on a question, answers); null when open. */
    @Column(name = "locked_at")
    private Instant lockedAt;

    /**
     * When the post was deleted (it leaves lists, the tag engine and search, and only its author, users with the
     * "Access to moderator tools" privilege and moderators still see it); null while it is live.
     */
    @Column(name = "deleted_at")
    private Instant deletedAt;

    /** Who deleted it (the last of the voters, the author or a moderator); null while it is live. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "deleted_by_id")
    private User deletedBy;

    /** When the post became community wiki (imported from a dump); null when it is not. */
    @Column(name = "community_owned_at")
    private Instant communityOwnedAt;

    /**
     * The attributes of an imported post that have no column here (e.g. LastEditorUserId, FavoriteCount), encoded by
     * {@code org.parley.dump.Extras} so that export writes them back; null for posts written here.
     */
    @Column(name = "dump_extra", length = Columns.LONG_TEXT)
    private String dumpExtra;

    protected Post() {}

    /**
     * @param owner the author; null only for imported posts whose user is gone
     * @param bodyMarkdown already checked with {@link #checkBody}
     * @param bodyHtml the sanitised rendering of {@code bodyMarkdown}
     */
    protected Post(
            Site site,
            long number,
            User owner,
            String bodyMarkdown,
            String bodyHtml,
            Instant createdAt,
            long rowVersion) {
        this.site = Objects.requireNonNull(site, "site");
        if (number < 1) {
            throw new IllegalArgumentException("Post numbers start at 1: " + number);
        }
        this.number = number;
        this.owner = owner;
        this.ownerDisplayName = owner == null ? null : owner.getDisplayName();
        this.bodyMarkdown = Objects.requireNonNull(bodyMarkdown, "bodyMarkdown");
        this.bodyHtml = Objects.requireNonNull(bodyHtml, "bodyHtml");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastActivityAt = createdAt;
        this.rowVersion = rowVersion;
    }

    /**
     * @return the body with surrounding white space removed and line breaks as {@code \n} (a browser posts a textarea's
     *     line breaks as {@code \r\n}; counted as one character, as the editor's live count shows them)
     * @throws InvalidInputException unless it is {@value #MIN_BODY}..{@value #MAX_BODY} characters
     */
    public static String checkBody(String bodyMarkdown) {
        String body =
                bodyMarkdown == null ? "" : bodyMarkdown.replace("\r\n", "\n").strip();
        if (body.length() < MIN_BODY) {
            throw new InvalidInputException("The body must be at least " + MIN_BODY + " characters.");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInputException("The body must be at most " + MAX_BODY + " characters.");
        }
        return body;
    }

    /** Whether this is a question (the alternative being an answer). */
    public abstract boolean isQuestion();

    /** The question this post shows on: itself, or the answered question. */
    public abstract Question questionShownOn();

    /**
     * Replaces the body.
     *
     * @param bodyMarkdown already checked with {@link #checkBody}
     */
    public void editBody(String bodyMarkdown, String bodyHtml, Instant now) {
        this.bodyMarkdown = Objects.requireNonNull(bodyMarkdown, "bodyMarkdown");
        this.bodyHtml = Objects.requireNonNull(bodyHtml, "bodyHtml");
        this.lastEditedAt = Objects.requireNonNull(now, "now");
        activity(now);
    }

    /**
     * Whether {@code actor} may edit this post: its owner, a moderator or an admin (by the role stored now), a user with
     * "Edit freely", or, for a community wiki post, a user with "Edit community wiki".
     */
    public boolean editableBy(User actor) {
        return actor != null
                && !actor.isDeleted()
                && (actor.isModerator()
                        || isOwnedBy(actor)
                        || site.privileges().has(Privilege.EDIT_FREELY, actor.getReputation(), actor.getRole())
                        || (communityOwnedAt != null
                                && site.privileges()
                                        .has(Privilege.EDIT_COMMUNITY_WIKI, actor.getReputation(), actor.getRole())));
    }

    public boolean isOwnedBy(User user) {
        return owner != null && owner.isSameAs(user);
    }

    /**
     * Applies a vote request of {@code voter} who currently has vote {@code current} on this post (null for none):
     * no vote yet casts it, the same type again retracts it, the other type changes it. Score and the reputation of
     * author and voter follow; undoing a vote reverses exactly what it gave.
     *
     * @return which {@link Vote} row to persist or remove
     * @throws NotAllowedException when {@code voter} wrote this post
     */
    public VoteChange vote(User voter, Vote current, VoteType requested, Instant now) {
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(requested, "requested");
        if (isOwnedBy(voter)) {
            throw new NotAllowedException("You can't vote on your own post.");
        }
        if (current != null && !(isSamePost(current.getPost()) && voter.isSameAs(current.getVoter()))) {
            throw new IllegalArgumentException("That vote is not the voter's vote on this post.");
        }
        VoteType before = current == null ? null : current.getType();
        VoteType after = requested == before ? null : requested;
        if (before != null) {
            applyVote(before, voter, -1);
        }
        Vote toPersist = null;
        Vote toRemove = null;
        if (after != null) {
            applyVote(after, voter, +1);
            if (current == null) {
                toPersist = new Vote(this, voter, after, now);
            } else {
                current.change(after);
            }
        } else {
            toRemove = current;
        }
        return new VoteChange(before, after, toPersist, toRemove);
    }

    private void applyVote(VoteType type, User voter, int sign) {
        score += sign * type.value();
        Reputation.Delta delta = Reputation.forVote(type, !isQuestion());
        if (owner != null) {
            owner.changeReputation(sign * delta.author());
        }
        voter.changeReputation(sign * delta.voter());
    }

    /** A comment was added under this post. */
    void commentAdded() {
        commentCount++;
    }

    /** A comment under this post was deleted. */
    void commentRemoved() {
        commentCount = Math.max(0, commentCount - 1);
    }

    /** Marks this post as changed: a new row version from {@value RowVersions#SEQUENCE}. */
    public void touch(long newRowVersion) {
        if (newRowVersion <= rowVersion) {
            throw new IllegalArgumentException("Row versions only grow: " + newRowVersion + " after " + rowVersion);
        }
        rowVersion = newRowVersion;
    }

    /** Bumps the last activity time, e.g. on a new answer; never moves it back. */
    protected void activity(Instant when) {
        if (when.isAfter(lastActivityAt)) {
            lastActivityAt = when;
        }
    }

    /**
     * Whether {@code other} is this same post. Uses ids through the getter so that lazy proxies compare right, and
     * identity for posts not yet persisted.
     */
    public boolean isSamePost(Post other) {
        if (other == null) {
            return false;
        }
        if (other == this) {
            return true;
        }
        Long mine = getId();
        return mine != null && mine.equals(other.getId());
    }

    /** The author as shown next to the post; a gone user keeps the name they had. */
    public UserRef ownerRef() {
        return owner != null ? owner.ref() : UserRef.author(null, null, null, null, ownerDisplayName);
    }

    public Long getId() {
        return id;
    }

    public Site getSite() {
        return site;
    }

    public long getNumber() {
        return number;
    }

    public User getOwner() {
        return owner;
    }

    public String getOwnerDisplayName() {
        return ownerDisplayName;
    }

    public String getBodyMarkdown() {
        return bodyMarkdown;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public int getScore() {
        return score;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public Instant getLastEditedAt() {
        return lastEditedAt;
    }

    public Instant getLockedAt() {
        return lockedAt;
    }

    public boolean isLocked() {
        return lockedAt != null;
    }

    /**
     * Locks ({@code at} not null) or unlocks the post.
     *
     * @return whether that changed anything
     */
    boolean lock(Instant at) {
        boolean changed = (at == null) != (lockedAt == null);
        lockedAt = at;
        return changed;
    }

    /**
     * Refuses what a deleted post takes from nobody, and what a locked post takes from nobody, or (for {@code byModerator}) from users other than moderators.
     *
     * @param what what was refused, for the message ("vote on", "comment on", "edit", "answer")
     * @throws NotAllowedException when the post is locked
     */
    void requireOpen(String what, boolean byModerator) {
        if (deletedAt != null || (!isQuestion() && questionShownOn().isDeleted())) {
            throw new NotAllowedException("This post is deleted: you can't " + what + " it.");
        }
        if (lockedAt != null && !byModerator) {
            throw new NotAllowedException("This post is locked by the moderators: you can't " + what + " it.");
        }
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /**
     * Whether {@code viewer} (null: anonymous) may see this post: anyone while neither it nor its question is
     * deleted; then only its author, moderators and users with {@link Privilege#MODERATOR_TOOLS}.
     */
    public boolean visibleTo(User viewer) {
        if (deletedAt == null && !questionShownOn().isDeleted()) {
            return true;
        }
        return viewer != null
                && (isOwnedBy(viewer)
                        || site.privileges().has(Privilege.MODERATOR_TOOLS, viewer.getReputation(), viewer.getRole()));
    }

    /** Who deleted the post; null while it is live. */
    public User getDeletedBy() {
        return deletedBy;
    }

    /**
     * Deletes the post ({@code at} not null, by {@code by}) or undeletes it; what a post's deletion means for its
     * question (answer count) or its tags (question counts) is the subclass's.
     *
     * @return whether that changed anything
     */
    public boolean delete(Instant at, User by) {
        boolean changed = (at == null) != (deletedAt == null);
        if (changed) {
            deletedAt = at;
            deletedBy = at == null ? null : by;
            deletionChanged(at != null);
        }
        return changed;
    }

    /** Keeps counts that include live posts only in step with a deletion ({@code deleted}) or an undeletion. */
    protected abstract void deletionChanged(boolean deleted);

    public long getRowVersion() {
        return rowVersion;
    }

    public int getCommentCount() {
        return commentCount;
    }

    public String getContentLicense() {
        return contentLicense;
    }

    public Instant getCommunityOwnedAt() {
        return communityOwnedAt;
    }
}
