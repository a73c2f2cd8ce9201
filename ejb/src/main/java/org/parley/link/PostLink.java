package org.parley.link;

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
 * Post {@code postNumber} links to post {@code relatedPostNumber}: type {@value #LINKED} is a plain link, type
 * {@value #DUPLICATE} marks the first as a duplicate of the second. Either number may name a post the site does not
 * have: a dump's links to posts left out of it (deleted on Stack Exchange) are kept so that export writes them back;
 * pages join links with the questions they name, so such a link shows nowhere.
 */
@Entity
@Table(
        name = "post_link",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_post_link_site_dump",
                        columnNames = {"site_id", "dump_id"}),
        indexes = {
            @Index(name = "idx_post_link_site_post", columnList = "site_id, post_number"),
            @Index(name = "idx_post_link_site_related", columnList = "site_id, related_post_number")
        })
@NamedQuery(name = "PostLink.maxDumpId", query = "select max(l.dumpId) from PostLink l where l.siteId = :site")
@NamedQuery(
        name = "PostLink.duplicatesOf",
        query = "select l from PostLink l where l.siteId = :site and l.postNumber = :post and l.linkTypeId = 3")
public class PostLink {

    public static final int LINKED = 1;
    public static final int DUPLICATE = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_link_id")
    @SequenceGenerator(name = "post_link_id", sequenceName = "post_link_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(name = "dump_id")
    private Long dumpId;

    @Column(name = "post_number", nullable = false)
    private long postNumber;

    @Column(name = "related_post_number", nullable = false)
    private long relatedPostNumber;

    @Column(name = "link_type_id", nullable = false)
    private int linkTypeId;

    @Column(name = "created_at")
    private Instant createdAt;

    /**
     * The attributes of an imported link that export would not write back the same way from the columns (a date in
     * another form, an attribute Parley has no column for), as {@code org.parley.dump.Extras} encodes them; null for
     * most links and for links made here.
     */
    @Column(name = "dump_extra", length = 2000)
    private String dumpExtra;

    protected PostLink() {}

    /**
     * A link written here (a question closed as a duplicate of {@code relatedPostNumber}).
     *
     * @param dumpId the next id of the site's links, so that an export writes it with one
     */
    public PostLink(
            long siteId, long dumpId, long postNumber, long relatedPostNumber, int linkTypeId, Instant createdAt) {
        this.siteId = siteId;
        this.dumpId = dumpId;
        this.postNumber = postNumber;
        this.relatedPostNumber = relatedPostNumber;
        this.linkTypeId = linkTypeId;
        this.createdAt = createdAt;
    }

    public long getRelatedPostNumber() {
        return relatedPostNumber;
    }
}
