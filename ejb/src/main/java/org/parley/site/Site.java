package org.parley.site;

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
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.DynamicUpdate;
import org.parley.rules.InvalidInputException;

/**
 * One Q&amp;A site, served on its own host name. It also hands out the per-site public numbers of posts and users:
 * callers lock the row ({@code PESSIMISTIC_WRITE}) in the writing transaction before taking a number, so numbers
 * are never handed out twice.
 */
@Entity
@DynamicUpdate
@Table(name = "site", uniqueConstraints = @UniqueConstraint(name = "uk_site_host", columnNames = "host"))
@NamedQuery(name = "Site.findByHost", query = "select s from Site s where s.host = :host")
@NamedQuery(name = "Site.listByHost", query = "select s from Site s order by s.host")
public class Site {

    public static final int MAX_HOST = 253;
    public static final int MAX_NAME = 40;
    public static final int MAX_TITLE = 80;
    public static final int MAX_DESCRIPTION = 500;

    private static final Pattern HOST =
            Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "site_id")
    @SequenceGenerator(name = "site_id", sequenceName = "site_id_seq", allocationSize = 1)
    private Long id;

    @Column(name = "host", nullable = false, length = MAX_HOST)
    private String host;

    @Column(name = "name", nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "title", nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "description", length = MAX_DESCRIPTION)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_post_number", nullable = false)
    private long nextPostNumber;

    @Column(name = "next_user_number", nullable = false)
    private long nextUserNumber;

    /** Whether posts show TeX math ($...$, $$...$$) typeset; a default keeps existing rows valid on update. */
    @Column(name = "math_enabled", nullable = false)
    @ColumnDefault("false")
    private boolean math;

    protected Site() {}

    /**
     * A new site; numbers start at 1.
     *
     * @throws InvalidInputException when host, name, title or description is malformed (see {@link #normalizeHost})
     */
    public Site(String host, String name, String title, String description, Instant createdAt) {
        String normalized = normalizeHost(host);
        if (normalized == null) {
            throw new InvalidInputException("The host must be a host name like bicycles.example.org.");
        }
        String trimmedName = name == null ? "" : name.trim();
        if (!NAME.matcher(trimmedName).matches()) {
            throw new InvalidInputException(
                    "The name must be 1 to " + MAX_NAME + " lower-case letters, digits or hyphens.");
        }
        String trimmedTitle = title == null ? "" : title.trim();
        if (trimmedTitle.isEmpty() || trimmedTitle.length() > MAX_TITLE) {
            throw new InvalidInputException("The title must be 1 to " + MAX_TITLE + " characters.");
        }
        String trimmedDescription = description == null ? "" : description.trim();
        if (trimmedDescription.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("The description must be at most " + MAX_DESCRIPTION + " characters.");
        }
        this.host = normalized;
        this.name = trimmedName;
        this.title = trimmedTitle;
        this.description = trimmedDescription;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.nextPostNumber = 1;
        this.nextUserNumber = 1;
    }

    /**
     * The canonical form of a Host header: trimmed, lower-case, without a port or a trailing dot.
     *
     * @return null when what is left is not a valid host name (IP literals in brackets included)
     */
    public static String normalizeHost(String host) {
        if (host == null) {
            return null;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        int colon = h.indexOf(':');
        if (colon >= 0) {
            String port = h.substring(colon + 1);
            if (!port.chars().allMatch(Character::isDigit)) {
                return null;
            }
            h = h.substring(0, colon);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.length() <= MAX_HOST && HOST.matcher(h).matches() ? h : null;
    }

    /** Takes the next public post number. Call with the site row locked. */
    public long takePostNumber() {
        return nextPostNumber++;
    }

    /** Takes the next public user number. Call with the site row locked. */
    public long takeUserNumber() {
        return nextUserNumber++;
    }

    /** Makes sure numbers handed out later are above {@code number}, e.g. after importing posts that keep their ids. */
    public void reservePostNumbersThrough(long number) {
        nextPostNumber = Math.max(nextPostNumber, number + 1);
    }

    /** Makes sure numbers handed out later are above {@code number}, e.g. after importing users that keep their ids. */
    public void reserveUserNumbersThrough(long number) {
        nextUserNumber = Math.max(nextUserNumber, number + 1);
    }

    public SiteInfo toInfo() {
        return new SiteInfo(id, host, name, title, description, math);
    }

    /** Switches math rendering on or off for this site's posts. */
    public void changeMath(boolean on) {
        this.math = on;
    }

    public boolean isMath() {
        return math;
    }

    public Long getId() {
        return id;
    }

    public String getHost() {
        return host;
    }

    public String getName() {
        return name;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getNextPostNumber() {
        return nextPostNumber;
    }

    public long getNextUserNumber() {
        return nextUserNumber;
    }
}
