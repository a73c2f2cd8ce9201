package org.parley.tagwatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.parley.tag.Tag;

/** One user's mark on one tag of their site: watched, or ignored. */
@Entity
@Table(
        name = "tag_watch",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_tag_watch_user_tag",
                        columnNames = {"user_id", "tag_name"}))
@NamedQuery(name = "TagWatch.byUser", query = "select w from TagWatch w where w.userId = :user")
@NamedQuery(
        name = "TagWatch.byUserAndTag",
        query = "select w from TagWatch w where w.userId = :user and w.tagName = :tag")
public class TagWatch {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tag_watch_id")
    @SequenceGenerator(name = "tag_watch_id", sequenceName = "tag_watch_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "tag_name", nullable = false, length = Tag.MAX_NAME)
    private String tagName;

    @Column(name = "ignored", nullable = false)
    private boolean ignored;

    protected TagWatch() {}

    TagWatch(long siteId, long userId, String tagName, boolean ignored) {
        this.siteId = siteId;
        this.userId = userId;
        this.tagName = tagName;
        this.ignored = ignored;
    }

    void mark(boolean ignored) {
        this.ignored = ignored;
    }

    public String getTagName() {
        return tagName;
    }

    public boolean isIgnored() {
        return ignored;
    }
}
