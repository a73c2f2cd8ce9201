package org.parley.site;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.parley.rules.FieldChecks;
import org.parley.rules.InvalidInputException;

/**
 * One Q&amp;A site, served on its own host name. It also hands out the per-site public numbers of posts and users:
 * callers lock the row ({@code PESSIMISTIC_WRITE}) in the writing transaction before taking a number, so numbers
 * are never handed out twice.
 */
@Entity
@DynamicUpdate
@Table(name = "site", uniqueConstraints = @UniqueConstraint(name = "uk_site_host", columnNames = "host"))
@NamedQuery(
        name = "Site.findByHost",
        query = "select distinct s from Site s left join s.aliases a where s.host = :host or a = :host")
@NamedQuery(name = "Site.listByHost", query = "select s from Site s order by s.host")
public class Site {

    public static final int MAX_HOST = 253;
    public static final int MAX_NAME = 40;
    public static final int MAX_TITLE = 80;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_LANGUAGE = 35;
    /** At most this many host names besides the main one. */
    public static final int MAX_ALIASES = 10;
    /** The language of a site that names none. */
    public static final String DEFAULT_LANGUAGE = "en";

    private static final Pattern HOST =
            Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** A BCP 47 language tag as pages need it: a 2–3 letter language, then optional subtags ({@code pt-BR}). */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}");

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

    /** Null in rows written before the column existed: read as {@link #DEFAULT_LANGUAGE}. */
    @Column(name = "language", length = MAX_LANGUAGE)
    private String language;

    /** The Stack Exchange host an imported site came from; null for others. */
    @Column(name = "source_host", length = MAX_HOST)
    private String sourceHost;

    /**
     * More host names the site answers on; each unique across all sites' hosts (checked by the service). Read by a
     * select of its own, never joined: posting locks the site row ({@code PostRepository.lockSite}) to take the next
     * post number, and with a join Hibernate locks on PostgreSQL in a second statement after reading the row
     * ("follow-on locking"), so two servers read the same number and one ask failed on the unique post number.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(
            name = "site_alias",
            joinColumns = @JoinColumn(name = "site_id"),
            uniqueConstraints = @UniqueConstraint(name = "uk_site_alias_host", columnNames = "host"))
    @Column(name = "host", nullable = false, length = MAX_HOST)
    private Set<String> aliases = new TreeSet<>();

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

    /** The site's own privilege thresholds as {@link PrivilegeLadder#encoded()} writes them; null for the defaults. */
    @Column(name = "privilege_thresholds", length = 1000)
    private String privilegeThresholds;

    /** The site's own anti-abuse limits as {@link SiteLimits#encoded()} writes them; null for the defaults. */
    @Column(name = "abuse_limits", length = 1000)
    private String abuseLimits;

    /** The site's own off-topic close reasons, one a line; null for the defaults. */
    @Column(name = "off_topic_reasons", length = OffTopicReasons.MAX_REASONS * (OffTopicReasons.MAX_LENGTH + 1))
    private String offTopicReasons;

    protected Site() {}

    /**
     * A new site; numbers start at 1.
     *
     * @throws InvalidInputException when host, name, title or description is malformed (see {@link #normalizeHost})
     */
    public Site(String host, String name, String title, String description, Instant createdAt) {
        FieldChecks checks = new FieldChecks();
        String normalized = checks.field("host", () -> checkHost(host));
        String trimmedName = checks.field("name", () -> checkName(name));
        String checkedTitle = checks.field("title", () -> checkTitle(title));
        String checkedDescription = checks.field("description", () -> checkDescription(description));
        checks.done();
        this.host = normalized;
        this.name = trimmedName;
        this.title = checkedTitle;
        this.description = checkedDescription;
        this.language = DEFAULT_LANGUAGE;
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

    private static String checkTitle(String title) {
        String trimmed = title == null ? "" : title.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TITLE) {
            throw new InvalidInputException("The title must be 1 to " + MAX_TITLE + " characters.");
        }
        return trimmed;
    }

    private static String checkDescription(String description) {
        String trimmed = description == null ? "" : description.trim();
        if (trimmed.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("The description must be at most " + MAX_DESCRIPTION + " characters.");
        }
        return trimmed;
    }

    /**
     * A language tag in its usual case ({@code fr}, {@code pt-BR}); blank gives {@link #DEFAULT_LANGUAGE}.
     *
     * @throws InvalidInputException when it is not a language tag
     */
    public static String normalizeLanguage(String language) {
        String l = language == null ? "" : language.strip().replace('_', '-');
        if (l.isEmpty()) {
            return DEFAULT_LANGUAGE;
        }
        int dash = l.indexOf('-');
        l = dash < 0 ? l.toLowerCase(Locale.ROOT) : l.substring(0, dash).toLowerCase(Locale.ROOT) + l.substring(dash);
        if (!LANGUAGE.matcher(l).matches()) {
            throw new InvalidInputException(
                    "The language must be a language tag such as en, fr or pt-BR, not \"" + language.strip() + "\".");
        }
        return l;
    }

    /**
     * Changes what an admin may change: title, description, language, main host and further hosts. The caller checks
     * that no other site uses one of the hosts.
     *
     * @param aliases further host names, in any case, with or without port; blanks and the main host are dropped
     * @throws InvalidInputException for a malformed value, naming it, or more than {@value #MAX_ALIASES} aliases
     */
    public void edit(String title, String description, String language, String host, Collection<String> aliases) {
        FieldChecks checks = new FieldChecks();
        String newHost = checks.field("host", () -> checkHost(host));
        Set<String> newAliases = checks.field("aliases", () -> checkAliases(aliases, newHost));
        String newTitle = checks.field("title", () -> checkTitle(title));
        String newDescription = checks.field("description", () -> checkDescription(description));
        String newLanguage = checks.field("language", () -> normalizeLanguage(language));
        checks.done();
        this.title = newTitle;
        this.description = newDescription;
        this.language = newLanguage;
        this.host = newHost;
        this.aliases.clear();
        this.aliases.addAll(newAliases);
    }

    private static String checkHost(String host) {
        String normalized = normalizeHost(host);
        if (normalized == null) {
            throw new InvalidInputException("The host must be a host name like bicycles.example.org.");
        }
        return normalized;
    }

    private static String checkName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (!NAME.matcher(trimmed).matches()) {
            throw new InvalidInputException(
                    "The name must be 1 to " + MAX_NAME + " lower-case letters, digits or hyphens.");
        }
        return trimmed;
    }

    /** Further host names, normalised, without blanks and without {@code mainHost} (null when it was malformed). */
    private static Set<String> checkAliases(Collection<String> aliases, String mainHost) {
        Set<String> checked = new TreeSet<>();
        for (String alias : aliases == null ? List.<String>of() : aliases) {
            if (alias == null || alias.isBlank()) {
                continue;
            }
            String a = normalizeHost(alias);
            if (a == null) {
                throw new InvalidInputException("\"" + alias.strip() + "\" is not a host name.");
            }
            if (!a.equals(mainHost)) {
                checked.add(a);
            }
        }
        if (checked.size() > MAX_ALIASES) {
            throw new InvalidInputException("A site can have at most " + MAX_ALIASES + " further host names.");
        }
        return checked;
    }

    /** Marks the site as imported from {@code sourceHost} (a Stack Exchange host) in {@code language}. */
    public void importedFrom(String sourceHost, String language) {
        this.sourceHost = sourceHost == null ? null : normalizeHost(sourceHost);
        this.language = normalizeLanguage(language);
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
        return new SiteInfo(
                id,
                host,
                name,
                title,
                description,
                getLanguage(),
                sourceHost,
                List.copyOf(aliases),
                math,
                privileges(),
                limits());
    }

    /** The reputation each privilege needs on this site. */
    public PrivilegeLadder privileges() {
        return PrivilegeLadder.decode(privilegeThresholds);
    }

    /** Sets the site's thresholds (the defaults where the ladder has none of its own). */
    public void setPrivileges(PrivilegeLadder ladder) {
        String line = ladder.encoded();
        privilegeThresholds = line.isEmpty() ? null : line;
    }

    /** The site's anti-abuse limits: new users' questions and links, votes a day, serial voting. */
    public SiteLimits limits() {
        return SiteLimits.decode(abuseLimits);
    }

    /** Sets the site's limits (the defaults where it sets none of its own). */
    public void setLimits(SiteLimits limits) {
        String line = limits.encoded();
        abuseLimits = line.isEmpty() ? null : line;
    }

    /** The reasons voters pick from to close a question as off-topic here: the site's own, or the defaults. */
    public OffTopicReasons offTopicReasons() {
        OffTopicReasons own = OffTopicReasons.decode(offTopicReasons);
        return own.isEmpty() ? OffTopicReasons.defaults(title) : own;
    }

    /** Sets the site's off-topic reasons; an empty list restores the defaults. */
    public void setOffTopicReasons(OffTopicReasons reasons) {
        String lines = reasons.encoded();
        offTopicReasons = lines.isEmpty() ? null : lines;
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

    public String getLanguage() {
        return language == null ? DEFAULT_LANGUAGE : language;
    }

    public String getSourceHost() {
        return sourceHost;
    }

    /** The further host names, sorted. */
    public Set<String> getAliases() {
        return Collections.unmodifiableSet(aliases);
    }

    /** The host name and the aliases: every name the site answers on. */
    public Set<String> hostNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(host);
        names.addAll(aliases);
        return names;
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
