package org.parley.dump;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * A vote as a dump has it: mostly anonymous (no voter), of any of Stack Exchange's vote types (up, down, accept,
 * favorite, close, bounty...). Kept apart from Parley's own {@link org.parley.post.Vote}, whose one-vote-per-user
 * rule these rows could not keep; scores come from the dump's Posts file as given. Written by the importer with
 * JDBC, read by the exporter. Indexed by (site, dump Id) and by (site, post number): profiles read
 * the votes on a user's posts for the reputation history.
 */
@Entity
@Table(
        name = "dump_vote",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_dump_vote_site_dump",
                        columnNames = {"site_id", "dump_id"}),
        // A profile's reputation history reads the votes on the user's posts (org.parley.people.ProfileTabs).
        indexes = @Index(name = "idx_dump_vote_site_post", columnList = "site_id, post_number"))
public class DumpVote {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dump_vote_id")
    @SequenceGenerator(name = "dump_vote_id", sequenceName = "dump_vote_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(name = "dump_id", nullable = false)
    private long dumpId;

    @Column(name = "post_number", nullable = false)
    private long postNumber;

    @Column(name = "vote_type_id", nullable = false)
    private int voteTypeId;

    @Column(name = "user_number")
    private Long userNumber;

    @Column(name = "bounty_amount")
    private Integer bountyAmount;

    @Column(name = "created_at")
    private Instant createdAt;

    /** The date as the dump wrote it when it was not in the usual form (e.g. date-only), for a faithful export. */
    @Column(name = "dump_extra", length = 2000)
    private String dumpExtra;

    protected DumpVote() {}

    public long getDumpId() {
        return dumpId;
    }

    public long getPostNumber() {
        return postNumber;
    }

    public int getVoteTypeId() {
        return voteTypeId;
    }

    public Long getUserNumber() {
        return userNumber;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
