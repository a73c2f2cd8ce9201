package org.parley.accesslog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One shipped request (table {@code access_log}). Its key is where it came from: the local file's id and the row's
 * sequence number there, so shipping the same rows again (the local delete lost after the commit) finds them and adds
 * nothing. Times in microseconds.
 */
@Entity
@IdClass(AccessLogEntry.Key.class)
@Table(name = "access_log", indexes = @Index(name = "ix_access_log_time", columnList = "time"))
public class AccessLogEntry {

    /** The key: local store and sequence number. */
    public record Key(String store, long seq) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(length = 36)
    private String store;

    @Id
    private long seq;

    @Column(nullable = false, length = 100)
    private String node;

    @Column(nullable = false)
    private Instant time;

    @Column(nullable = false, length = AccessRecord.SITE)
    private String site;

    @Column(nullable = false, length = AccessRecord.ROUTE)
    private String route;

    @Column(nullable = false, length = AccessRecord.METHOD)
    private String method;

    private int status;
    private long bytes;

    @Column(name = "total_us")
    private long totalMicros;

    @Column(name = "sql_us")
    private long sqlMicros;

    @Column(name = "cache_us")
    private long cacheMicros;

    @Column(name = "tags_us")
    private long tagsMicros;

    @Column(name = "search_us")
    private long searchMicros;

    @Column(name = "logged_in")
    private boolean loggedIn;

    private boolean page;

    protected AccessLogEntry() {}

    AccessLogEntry(String store, String node, LocalAccessStore.Row row) {
        this.store = Objects.requireNonNull(store, "A store id is required.");
        this.node = node.length() <= 100 ? node : node.substring(0, 100);
        this.seq = row.seq();
        AccessRecord r = row.record();
        this.time = Instant.ofEpochMilli(r.time());
        this.site = r.site();
        this.route = r.route();
        this.method = r.method();
        this.status = r.status();
        this.bytes = r.bytes();
        this.totalMicros = r.totalMicros();
        this.sqlMicros = r.sqlMicros();
        this.cacheMicros = r.cacheMicros();
        this.tagsMicros = r.tagsMicros();
        this.searchMicros = r.searchMicros();
        this.loggedIn = r.loggedIn();
        this.page = r.page();
    }

    public String getStore() {
        return store;
    }

    public long getSeq() {
        return seq;
    }

    public String getNode() {
        return node;
    }

    public Instant getTime() {
        return time;
    }

    public String getSite() {
        return site;
    }

    public String getRoute() {
        return route;
    }

    public String getMethod() {
        return method;
    }

    public int getStatus() {
        return status;
    }

    public long getBytes() {
        return bytes;
    }

    public long getTotalMicros() {
        return totalMicros;
    }

    public long getSqlMicros() {
        return sqlMicros;
    }

    public long getCacheMicros() {
        return cacheMicros;
    }

    public long getTagsMicros() {
        return tagsMicros;
    }

    public long getSearchMicros() {
        return searchMicros;
    }

    public boolean isLoggedIn() {
        return loggedIn;
    }

    public boolean isPage() {
        return page;
    }
}
