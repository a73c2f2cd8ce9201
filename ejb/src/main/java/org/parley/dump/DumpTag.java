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

/**
 * What a dump's Tags file says about a tag beyond its name: its id, the count as the dump gave it, the numbers of
 * its wiki and excerpt posts ({@link DumpPost}) and flags such as IsRequired (encoded with {@link Extras}).
 * {@link org.parley.tag.Tag} keeps the live question count.
 */
@Entity
@Table(
        name = "dump_tag",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_dump_tag_site_name",
                        columnNames = {"site_id", "tag_name"}))
@NamedQuery(name = "DumpTag.findByName", query = "select t from DumpTag t where t.siteId = :site and t.tagName = :name")
public class DumpTag {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dump_tag_id")
    @SequenceGenerator(name = "dump_tag_id", sequenceName = "dump_tag_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(name = "tag_name", nullable = false, length = 100)
    private String tagName;

    @Column(name = "dump_id", nullable = false)
    private long dumpId;

    @Column(name = "dump_count")
    private Long dumpCount;

    @Column(name = "excerpt_post_number")
    private Long excerptPostNumber;

    @Column(name = "wiki_post_number")
    private Long wikiPostNumber;

    @Column(name = "dump_extra", length = 2000)
    private String dumpExtra;

    protected DumpTag() {}

    public String getTagName() {
        return tagName;
    }

    public Long getExcerptPostNumber() {
        return excerptPostNumber;
    }

    public Long getWikiPostNumber() {
        return wikiPostNumber;
    }
}
