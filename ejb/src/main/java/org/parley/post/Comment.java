package org.parley.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.parley.rules.InvalidInputException;
import org.parley.site.Site;
import org.parley.user.User;
import org.parley.user.UserRef;

/** A plain-text comment under a question or answer. */
@Entity
@Table(
        name = "post_comment",
        indexes = {
            @Index(name = "idx_comment_post_created", columnList = "post_id, created_at"),
            @Index(name = "idx_comment_site_created", columnList = "site_id, created_at"),
            @Index(name = "idx_comment_site_dump", columnList = "site_id, dump_id")
        })
@NamedQuery(
        name = "Comment.listByPosts",
        query = "select c from Comment c left join fetch c.owner where c.post.id in :posts"
                + " order by c.createdAt, c.id")
public class Comment {

    public static final int MIN_TEXT = 15;
    public static final int MAX_TEXT = 600;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_id")
    @SequenceGenerator(name = "comment_id", sequenceName = "post_comment_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id", nullable = false)
    private Site site;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id", nullable = false)
    private Post post;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private User owner;

    @Column(name = "comment_text", nullable = false, length = MAX_TEXT)
    private String text;

    @Column(name = "score", nullable = false)
    private int score;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The name an imported comment shows when its user is gone (the dump's UserDisplayName). */
    @Column(name = "owner_display_name", length = 40)
    private String ownerDisplayName;

    /** The dump's comment Id, for imported comments; null for comments written here. */
    @Column(name = "dump_id")
    private Long dumpId;

    /** Attributes of an imported comment without a column here (ContentLicense, ...), for export. */
    @Column(name = "dump_extra", length = 2000)
    private String dumpExtra;

    protected Comment() {}

    /**
     * A new comment; the post counts it.
     *
     * @throws InvalidInputException unless the trimmed text is {@value #MIN_TEXT}..{@value #MAX_TEXT} characters
     */
    public Comment(Post post, User owner, String text, Instant createdAt) {
        this.post = Objects.requireNonNull(post, "post");
        this.site = post.getSite();
        this.owner = owner;
        this.text = checkText(text);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        post.commentAdded();
    }

    /**
     * @return the text with surrounding white space removed
     * @throws InvalidInputException unless it is {@value #MIN_TEXT}..{@value #MAX_TEXT} characters
     */
    public static String checkText(String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() < MIN_TEXT) {
            throw new InvalidInputException("Comments must be at least " + MIN_TEXT + " characters.");
        }
        if (t.length() > MAX_TEXT) {
            throw new InvalidInputException("Comments must be at most " + MAX_TEXT + " characters.");
        }
        return t;
    }

    public CommentView toView() {
        return new CommentView(
                id,
                text,
                score,
                createdAt,
                owner != null
                        ? owner.ref()
                        : ownerDisplayName != null
                                ? new UserRef(
                                        null, ownerDisplayName, org.parley.common.Slugs.slugify(ownerDisplayName), 0)
                                : new UserRef(null, "anonymous", "anonymous", 0));
    }

    public Long getId() {
        return id;
    }

    public Site getSite() {
        return site;
    }

    public Post getPost() {
        return post;
    }

    public User getOwner() {
        return owner;
    }

    public String getText() {
        return text;
    }

    public int getScore() {
        return score;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
