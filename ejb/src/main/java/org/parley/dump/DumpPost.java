package org.parley.dump;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.Map;
import org.parley.common.Columns;

/**
 * A post of the dump's Posts file that is neither a question nor an answer: tag wikis (type 4) and their excerpts
 * (type 5), moderator nominations, wiki placeholders, privilege wikis. It keeps its number, type and every attribute
 * (encoded with {@link Extras}); tag pages show wikis and excerpts from here.
 */
@Entity
@Table(
        name = "dump_post",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_dump_post_site_number",
                        columnNames = {"site_id", "number"}))
@NamedQuery(
        name = "DumpPost.findByNumber",
        query = "select p from DumpPost p where p.siteId = :site and p.number = :number")
public class DumpPost {

    public static final int TAG_WIKI_EXCERPT = 4;
    public static final int TAG_WIKI = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dump_post_id")
    @SequenceGenerator(name = "dump_post_id", sequenceName = "dump_post_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(name = "number", nullable = false)
    private long number;

    @Column(name = "post_type_id", nullable = false)
    private int postTypeId;

    @Column(name = "attributes", nullable = false, length = Columns.LONG_TEXT)
    private String attributes;

    protected DumpPost() {}

    public long getNumber() {
        return number;
    }

    public int getPostTypeId() {
        return postTypeId;
    }

    /** All attributes of the row as the dump had them. */
    public Map<String, String> attributes() {
        return Extras.decode(attributes);
    }
}
