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

/**
 * A badge one user of a site earned: gold (class 1), silver (2) or bronze (3); tag-based badges are named after a
 * tag. The user is referred to by their per-site number, as in the dump.
 */
@Entity
@Table(
        name = "badge",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_badge_site_dump",
                        columnNames = {"site_id", "dump_id"}),
        indexes = @Index(name = "idx_badge_site_user", columnList = "site_id, user_number, awarded_at"))
@NamedQuery(
        name = "Badge.listByUser",
        query = "select b from Badge b where b.siteId = :site and b.userNumber = :user"
                + " order by b.badgeClass, b.awardedAt, b.id")
public class Badge {

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

    protected Badge() {}

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

    public boolean isTagBased() {
        return tagBased;
    }

    public Instant getAwardedAt() {
        return awardedAt;
    }
}
