package org.parley.badge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;

/**
 * A badge one user of a site earned: gold (class 1), silver (2) or bronze (3); tag-based badges are named after a
 * tag. The user is referred to by their per-site number, as in the dump.
 */
@Entity
@Table(
        name = "badge",
        uniqueConstraints = {
            @UniqueConstraint(
                    name = "uk_badge_site_dump",
                    columnNames = {"site_id", "dump_id"}),
            // An awarded badge is held once per user and site: a second award of it (a redelivered or racing check)
            // fails here even if the check before it was passed. Imported badges have no key (a dump may hold a
            // badge twice), so they never collide.
            @UniqueConstraint(
                    name = "uk_badge_site_award",
                    columnNames = {"site_id", "award_key"})
        },
        indexes = {
            @Index(name = "idx_badge_site_user", columnList = "site_id, user_number, awarded_at"),
            @Index(name = "idx_badge_site_name", columnList = "site_id, name, badge_class, awarded_at")
        })
@NamedQuery(
        name = "Badge.listByUser",
        query = "select b from Badge b where b.siteId = :site and b.userNumber = :user"
                + " order by b.badgeClass, b.awardedAt, b.id")
@NamedQuery(
        name = "Badge.heldByUser",
        query = "select b.name, b.badgeClass from Badge b where b.siteId = :site and b.userNumber = :user")
@NamedQuery(
        name = "Badge.countByUserAndClass",
        query = "select b.badgeClass, count(b) from Badge b where b.siteId = :site and b.userNumber = :user"
                + " group by b.badgeClass")
@NamedQuery(
        name = "Badge.groupedByUser",
        query = "select b.name, b.badgeClass, b.tagBased, count(b), max(b.awardedAt) from Badge b"
                + " where b.siteId = :site and b.userNumber = :user group by b.name, b.badgeClass, b.tagBased")
@NamedQuery(
        name = "Badge.summaryBySite",
        query = "select b.name, b.badgeClass, b.tagBased, count(distinct b.userNumber) from Badge b"
                + " where b.siteId = :site group by b.name, b.badgeClass, b.tagBased")
@NamedQuery(
        name = "Badge.countHolders",
        query = "select count(b) from Badge b where b.siteId = :site and b.name = :name and b.badgeClass = :class")
@NamedQuery(
        name = "Badge.listHolders",
        query = "select b.userNumber, u.displayName, b.awardedAt from Badge b, User u"
                + " where b.siteId = :site and b.name = :name and b.badgeClass = :class"
                + " and u.site.id = b.siteId and u.number = b.userNumber"
                + " order by b.awardedAt desc, b.id desc")
public class Badge {

    /** The longest badge name (a tag badge is named after its tag). */
    public static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "badge_id")
    @SequenceGenerator(name = "badge_id", sequenceName = "badge_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(name = "dump_id")
    private Long dumpId;

    @Column(name = "user_number", nullable = false)
    private long userNumber;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "badge_class", nullable = false)
    private int badgeClass;

    @Column(name = "tag_based", nullable = false)
    private boolean tagBased;

    @Column(name = "awarded_at", nullable = false)
    private Instant awardedAt;

    @Column(name = "dump_extra", length = 2000)
    private String dumpExtra;

    /** For a badge awarded here: {@link #awardKey}; null for an imported one. */
    @Column(name = "award_key", length = 160)
    private String awardKey;

    protected Badge() {}

    /**
     * A badge awarded here (not imported): held once per user and site, which the unique {@code award_key} enforces.
     *
     * @throws IllegalArgumentException for a class other than 1, 2 or 3, or a blank or too long name
     */
    public Badge(long siteId, long userNumber, String name, int badgeClass, boolean tagBased, Instant awardedAt) {
        if (badgeClass < 1 || badgeClass > 3) {
            throw new IllegalArgumentException("A badge is gold (1), silver (2) or bronze (3), not " + badgeClass);
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("A badge needs a name of 1.." + MAX_NAME + " characters");
        }
        this.siteId = siteId;
        this.userNumber = userNumber;
        this.name = name;
        this.badgeClass = badgeClass;
        this.tagBased = tagBased;
        this.awardedAt = Objects.requireNonNull(awardedAt, "awardedAt");
        this.awardKey = awardKey(userNumber, name, badgeClass);
    }

    /** What makes an awarded badge unique on its site: the user, the class and the name. */
    public static String awardKey(long userNumber, String name, int badgeClass) {
        return userNumber + "/" + badgeClass + "/" + name;
    }

    public Long getId() {
        return id;
    }

    public long getUserNumber() {
        return userNumber;
    }

    /** Whether the badge came from a dump (it keeps its name, date and id). */
    public boolean isImported() {
        return awardKey == null;
    }

    public String getName() {
        return name;
    }

    public int getBadgeClass() {
        return badgeClass;
    }

    /** gold, silver or bronze. */
    public String getClassName() {
        return switch (badgeClass) {
            case 1 -> "gold";
            case 2 -> "silver";
            default -> "bronze";
        };
    }

    /** The badge's page, relative to the site. */
    public String getLink() {
        return BadgeService.link(name, badgeClass, tagBased);
    }

    public boolean isTagBased() {
        return tagBased;
    }

    public Instant getAwardedAt() {
        return awardedAt;
    }
}
