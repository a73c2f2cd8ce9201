package org.parley.errorlog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One distinct error (table {@code error_log}): its fingerprint, how often and when it happened, and the context and
 * stack of its latest occurrence. Plain varchars with fixed caps rather than CLOBs (portable across H2, PostgreSQL
 * and SQL Server, and bounded).
 */
@Entity
@Table(
        name = "error_log",
        indexes = {
            @Index(name = "ux_error_log_fingerprint", columnList = "fingerprint", unique = true),
            @Index(name = "ix_error_log_last_seen", columnList = "last_seen")
        })
public class ErrorLogEntry {

    static final int MESSAGE = 1000;
    static final int STACK = 16_000;
    static final int URL = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 32)
    private String fingerprint;

    @Column(nullable = false, length = 255)
    private String type;

    @Column(length = MESSAGE)
    private String message;

    @Column(nullable = false)
    private long occurrences;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    @Column(length = 100)
    private String node;

    @Column(length = URL)
    private String url;

    @Column(length = 255)
    private String site;

    @Column(name = "user_name", length = 100)
    private String user;

    @Column(name = "request_id", length = 64)
    private String requestId;

    @Column(length = STACK)
    private String stack;

    protected ErrorLogEntry() {}

    ErrorLogEntry(ErrorEvent first) {
        this.fingerprint = Objects.requireNonNull(first.fingerprint(), "A fingerprint is required.");
        this.firstSeen = first.firstSeen();
        this.lastSeen = first.lastSeen();
        this.occurrences = 0;
        add(first);
    }

    /** Counts {@code more} occurrences and keeps the context of the latest. */
    void add(ErrorEvent more) {
        occurrences += more.count();
        if (more.firstSeen().isBefore(firstSeen)) {
            firstSeen = more.firstSeen();
        }
        if (!more.lastSeen().isBefore(lastSeen) || occurrences == more.count()) {
            lastSeen = more.lastSeen();
            type = cut(more.type(), 255);
            message = cut(more.message(), MESSAGE);
            node = cut(more.node(), 100);
            url = cut(more.context().url(), URL);
            site = cut(more.context().site(), 255);
            user = cut(more.context().user(), 100);
            requestId = cut(more.context().requestId(), 64);
            stack = cut(more.stack(), STACK);
        }
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getType() {
        return type;
    }

    public String getMessage() {
        return message;
    }

    public long getOccurrences() {
        return occurrences;
    }

    public Instant getFirstSeen() {
        return firstSeen;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public String getNode() {
        return node;
    }

    public String getUrl() {
        return url;
    }

    public String getSite() {
        return site;
    }

    public String getUser() {
        return user;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getStack() {
        return stack;
    }
}
