package org.parley.link;

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
 * Post {@code postNumber} links to post {@code relatedPostNumber}: type {@value #LINKED} is a plain link, type
 * {@value #DUPLICATE} marks the first as a duplicate of the second.
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

    protected PostLink() {}
}
