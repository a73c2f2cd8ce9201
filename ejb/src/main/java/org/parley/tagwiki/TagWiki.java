package org.parley.tagwiki;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;
import org.parley.common.Columns;

/**
 * A tag's excerpt and wiki on one site. Each is a post of its own in the Stack Exchange model (the excerpt type 4, the
 * wiki type 5), numbered among the site's posts, so that its revisions are post history rows like any post's and an
 * export writes it back where it was. An imported wiki keeps the dump's numbers and its sanitised HTML; {@link
 * #excerptEditedAt} and {@link #wikiEditedAt} say a part was changed here, which is what an export looks at to write the new text instead of the dump's.
 */
@Entity
@Table(
        name = "tag_wiki",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_tag_wiki_site_tag",
                        columnNames = {"site_id", "tag_name"}))
@NamedQuery(name = "TagWiki.findByTag", query = "select w from TagWiki w where w.siteId = :site and w.tagName = :tag")
@NamedQuery(
        name = "TagWiki.excerpts",
        query = "select w.tagName, w.excerpt from TagWiki w where w.siteId = :site and w.tagName in :tags"
                + " and w.excerpt is not null")
@NamedQuery(
        name = "TagWiki.editedBySite",
        query = "select w from TagWiki w where w.siteId = :site"
                + " and (w.excerptEditedAt is not null or w.wikiEditedAt is not null) order by w.tagName")
public class TagWiki {

    /** The longest excerpt: a sentence or two that says what the tag is for (Stack Overflow asks for at most 500). */
    public static final int MAX_EXCERPT = 500;

    /** The longest wiki, as long as a post's body may be. */
    public static final int MAX_WIKI = 30_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tag_wiki_id")
    @SequenceGenerator(name = "tag_wiki_id", sequenceName = "tag_wiki_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    /** As long as a dump's tag names may be (dump_tag.tag_name). */
    @Column(name = "tag_name", nullable = false, length = 100)
    private String tagName;

    @Column(name = "excerpt_post_number")
    private Long excerptNumber;

    @Column(name = "wiki_post_number")
    private Long wikiNumber;

    @Column(name = "excerpt", length = 4_000)
    private String excerpt;

    /** The wiki's Markdown source: its latest revision's text; null when an imported wiki has no history. */
    @Column(name = "wiki_markdown", length = Columns.LONG_TEXT)
    private String wikiMarkdown;

    /** The wiki as shown: sanitised HTML (the rendering of the Markdown, or the dump's HTML sanitised). */
    @Column(name = "wiki_html", length = Columns.LONG_TEXT)
    private String wikiHtml;

    /** When the excerpt was last changed here (null: as imported, or none). */
    @Column(name = "excerpt_edited_at")
    private Instant excerptEditedAt;

    @Column(name = "excerpt_editor_number")
    private Long excerptEditorNumber;

    /** When the wiki was last changed here (null: as imported, or none). */
    @Column(name = "wiki_edited_at")
    private Instant wikiEditedAt;

    @Column(name = "wiki_editor_number")
    private Long wikiEditorNumber;

    protected TagWiki() {}

    /** An imported tag wiki, as the dump had it. */
    TagWiki(
            long siteId,
            String tagName,
            Long excerptNumber,
            String excerpt,
            Long wikiNumber,
            String wikiHtml,
            String wikiMarkdown) {
        this.siteId = siteId;
        this.tagName = Objects.requireNonNull(tagName, "tagName");
        this.excerptNumber = excerptNumber;
        this.excerpt = excerpt;
        this.wikiNumber = wikiNumber;
        this.wikiHtml = wikiHtml;
        this.wikiMarkdown = wikiMarkdown;
    }

    /** A tag that had neither excerpt nor wiki yet. */
    TagWiki(long siteId, String tagName) {
        this(siteId, tagName, null, null, null, null, null);
    }

    void excerptEdited(long number, String text, long userNumber, Instant at) {
        this.excerptNumber = number;
        this.excerpt = text;
        this.excerptEditorNumber = userNumber;
        this.excerptEditedAt = at;
    }

    void wikiEdited(long number, String markdown, String html, long userNumber, Instant at) {
        this.wikiNumber = number;
        this.wikiMarkdown = markdown;
        this.wikiHtml = html;
        this.wikiEditorNumber = userNumber;
        this.wikiEditedAt = at;
    }

    public long getSiteId() {
        return siteId;
    }

    public String getTagName() {
        return tagName;
    }

    public Long getExcerptNumber() {
        return excerptNumber;
    }

    public Long getWikiNumber() {
        return wikiNumber;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public String getWikiMarkdown() {
        return wikiMarkdown;
    }

    public String getWikiHtml() {
        return wikiHtml;
    }

    public Instant getExcerptEditedAt() {
        return excerptEditedAt;
    }

    public Long getExcerptEditorNumber() {
        return excerptEditorNumber;
    }

    public Instant getWikiEditedAt() {
        return wikiEditedAt;
    }

    public Long getWikiEditorNumber() {
        return wikiEditorNumber;
    }

    /** When either part was last changed here; null when both are as imported. */
    public Instant lastEditedAt() {
        if (excerptEditedAt == null || wikiEditedAt != null && wikiEditedAt.isAfter(excerptEditedAt)) {
            return wikiEditedAt;
        }
        return excerptEditedAt;
    }
}
