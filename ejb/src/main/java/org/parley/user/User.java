package org.parley.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hibernate.Length;
import org.hibernate.annotations.DynamicUpdate;
import org.parley.common.Actor;
import org.parley.common.Columns;
import org.parley.common.Role;
import org.parley.rules.FieldChecks;
import org.parley.rules.InvalidInputException;
import org.parley.site.Site;

/**
 * A user of one site. Reputation never drops below {@value #MIN_REPUTATION}; a deleted user keeps the row so their
 * posts keep their display name, but no longer logs in or shows a profile.
 */
@Entity
@DynamicUpdate
@Table(
        name = "parley_user",
        uniqueConstraints = {
            @UniqueConstraint(
                    name = "uk_user_site_number",
                    columnNames = {"site_id", "number"}),
            @UniqueConstraint(
                    name = "uk_user_site_username",
                    columnNames = {"site_id", "username"})
        },
        indexes = @Index(name = "idx_user_site_reputation", columnList = "site_id, reputation"))
@NamedQuery(
        name = "User.findByUsername",
        query = "select u from User u where u.site.id = :site and u.username = :username")
@NamedQuery(name = "User.findByNumber", query = "select u from User u where u.site.id = :site and u.number = :number")
@NamedQuery(
        name = "User.listByRole",
        query = "select u from User u where u.site.id = :site and u.role = :role and u.deleted = false"
                + " order by u.displayName, u.number")
public class User {

    public static final int MIN_REPUTATION = 1;
    public static final int MIN_PASSWORD = 10;
    /** Longer passwords only make hashing slower without making them safer. */
    public static final int MAX_PASSWORD = 200;

    public static final int MAX_ABOUT = 5000;
    public static final int MAX_LOCATION = 100;
    public static final int MAX_WEBSITE = 200;

    private static final Pattern WEBSITE = Pattern.compile("(?i)https?://[^\\s/?#@]+(?:[/?#]\\S*)?");

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_.-]{3,30}");

    /**
     * Names nobody can sign up with, on any site, as a username or a display name: they would pass for the site's
     * staff or the system. Compared without case, digits-free separators or spaces ("Mod-erator" is "moderator").
     */
    static final java.util.Set<String> RESERVED = java.util.Set.of(
            "admin",
            "administrator",
            "moderator",
            "moderators",
            "mod",
            "mods",
            "community",
            "system",
            "root",
            "parley",
            "staff",
            "support",
            "help",
            "security",
            "api",
            "anonymous",
            "null",
            "owner",
            "webmaster",
            "postmaster",
            "hostmaster",
            "abuse",
            "noreply");

    /** Whether a username or display name is one of the {@link #RESERVED} names, separators and case aside. */
    public static boolean isReserved(String name) {
        return name != null
                && RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_.\\-]", ""));
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_id")
    @SequenceGenerator(name = "user_id", sequenceName = "parley_user_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id", nullable = false)
    private Site site;

    @Column(name = "number", nullable = false)
    private long number;

    @Column(name = "username", nullable = false, length = 30)
    private String username;

    @Column(name = "display_name", nullable = false, length = 40)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Role role;

    @Column(name = "reputation", nullable = false)
    private int reputation;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "about_me", length = Length.LONG32)
    private String aboutMe;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    /**
     * The attributes of an imported user that have no column here (Location, WebsiteUrl, AccountId, ...), encoded by
     * {@code org.parley.dump.Extras} so that export writes them back; null for users who signed up here.
     */
    @Column(name = "dump_extra", length = Columns.LONG_TEXT)
    private String dumpExtra;

    /** Where the user says they are; null until they say it (an imported user's is in {@link #dumpExtra}). */
    @Column(name = "location", length = MAX_LOCATION)
    private String location;

    /** The user's web site, an http(s) URL; null until they give one (an imported user's is in the extras). */
    @Column(name = "website_url", length = MAX_WEBSITE)
    private String websiteUrl;

    /** Whether {@link #location} and {@link #websiteUrl} replace the dump's: set once the user edits the profile. */
    @Column(name = "profile_edited")
    private Boolean profileEdited;

    /** The version of the uploaded avatar ({@link UserAvatar}), part of its URL; null when there is none. */
    @Column(name = "avatar_version")
    private Integer avatarVersion;

    protected User() {}

    /**
     * A new user with reputation {@value #MIN_REPUTATION}.
     *
     * @param passwordHash a {@link PasswordHasher} hash, or {@link PasswordHasher#UNUSABLE} for a user who cannot log in
     * @throws InvalidInputException for a malformed username or display name
     */
    public User(
            Site site,
            long number,
            String username,
            String displayName,
            String passwordHash,
            Role role,
            Instant createdAt) {
        this.site = Objects.requireNonNull(site, "site");
        if (number < 1) {
            throw new IllegalArgumentException("User numbers start at 1: " + number);
        }
        this.number = number;
        this.username = checkUsername(username);
        this.displayName = checkDisplayName(displayName);
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.role = Objects.requireNonNull(role, "role");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.reputation = MIN_REPUTATION;
    }

    /** The login form of a username: trimmed and lower-cased; null stays null. */
    public static String normalizeUsername(String username) {
        return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the normalised username
     * @throws InvalidInputException unless it is 3..30 of {@code [a-z0-9_.-]} after normalising
     */
    public static String checkUsername(String username) {
        String normalized = normalizeUsername(username);
        if (normalized == null || !USERNAME.matcher(normalized).matches()) {
            throw new InvalidInputException(
                    "The username must be 3 to 30 characters: letters, digits, '_', '.' or '-'.");
        }
        return normalized;
    }

    /**
     * @return the trimmed display name, inner runs of white space collapsed
     * @throws InvalidInputException unless it is 2..40 characters
     */
    public static String checkDisplayName(String displayName) {
        String trimmed = displayName == null ? "" : displayName.trim().replaceAll("\\s+", " ");
        if (trimmed.length() < 2 || trimmed.length() > 40) {
            throw new InvalidInputException("The display name must be 2 to 40 characters.");
        }
        return trimmed;
    }

    /**
     * Checks a new password before it is hashed.
     *
     * @throws InvalidInputException unless it is {@value #MIN_PASSWORD}..{@value #MAX_PASSWORD} characters
     */
    public static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("The password must be at least " + MIN_PASSWORD + " characters.");
        }
        if (password.length() > MAX_PASSWORD) {
            throw new InvalidInputException("The password must be at most " + MAX_PASSWORD + " characters.");
        }
    }

    /** Adds {@code delta} (may be negative) to the reputation, which never drops below {@value #MIN_REPUTATION}. */
    public void changeReputation(int delta) {
        reputation = Math.max(MIN_REPUTATION, reputation + delta);
    }

    /**
     * Whether {@code other} is this same user. Compares ids through the getter so that it also works on lazy proxies,
     * and identity for users not yet persisted.
     */
    public boolean isSameAs(User other) {
        if (other == null) {
            return false;
        }
        if (other == this) {
            return true;
        }
        Long mine = getId();
        return mine != null && mine.equals(other.getId());
    }

    /** Replaces the markdown "about me"; null or blank clears it. */
    public void changeAboutMe(String markdown) {
        String trimmed = markdown == null ? null : markdown.strip();
        if (trimmed != null && trimmed.length() > MAX_ABOUT) {
            throw new InvalidInputException("About me must be at most " + MAX_ABOUT + " characters.");
        }
        aboutMe = trimmed == null || trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * Replaces the profile's display name, about me (markdown), location and web site, checked all at once.
     *
     * @throws InvalidInputException naming each field that is wrong ({@code display}, {@code about}, {@code location},
     *     {@code website})
     */
    public void changeProfile(String newDisplayName, String aboutMarkdown, String newLocation, String newWebsite) {
        FieldChecks checks = new FieldChecks();
        String display = checks.field("display", () -> {
            String d = checkDisplayName(newDisplayName);
            if (isReserved(d) && !d.equalsIgnoreCase(displayName)) {
                throw new InvalidInputException("That display name is reserved.");
            }
            return d;
        });
        checks.field("about", () -> {
            String trimmed = aboutMarkdown == null ? "" : aboutMarkdown.strip();
            if (trimmed.length() > MAX_ABOUT) {
                throw new InvalidInputException("About me must be at most " + MAX_ABOUT + " characters.");
            }
            return trimmed;
        });
        String loc = checks.field("location", () -> checkLocation(newLocation));
        String web = checks.field("website", () -> checkWebsite(newWebsite));
        checks.done();
        displayName = display;
        changeAboutMe(aboutMarkdown);
        location = loc;
        websiteUrl = web;
        profileEdited = true;
    }

    /**
     * @return the trimmed location, inner white space collapsed; null when blank
     * @throws InvalidInputException when longer than {@value #MAX_LOCATION} characters
     */
    public static String checkLocation(String location) {
        String trimmed = location == null ? "" : location.strip().replaceAll("\\s+", " ");
        if (trimmed.length() > MAX_LOCATION) {
            throw new InvalidInputException("The location must be at most " + MAX_LOCATION + " characters.");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * @return the trimmed web site address; null when blank
     * @throws InvalidInputException unless it is an http or https URL of at most {@value #MAX_WEBSITE} characters
     */
    public static String checkWebsite(String website) {
        String trimmed = website == null ? "" : website.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > MAX_WEBSITE) {
            throw new InvalidInputException("The web site must be at most " + MAX_WEBSITE + " characters.");
        }
        if (!WEBSITE.matcher(trimmed).matches()) {
            throw new InvalidInputException("The web site must be an address starting with https:// or http://.");
        }
        return trimmed;
    }

    /** Where the user says they are: their own words, or an imported user's Location; null when none. */
    public String getLocation() {
        if (Boolean.TRUE.equals(profileEdited) || location != null) {
            return location;
        }
        return DumpAttributes.get(dumpExtra, "Location");
    }

    /** The user's web site: their own, or an imported user's WebsiteUrl when it is a plain http(s) URL; or null. */
    public String getWebsiteUrl() {
        if (Boolean.TRUE.equals(profileEdited) || websiteUrl != null) {
            return websiteUrl;
        }
        String imported = DumpAttributes.get(dumpExtra, "WebsiteUrl");
        return imported != null && WEBSITE.matcher(imported).matches() ? imported : null;
    }

    /**
     * An imported user's ProfileImageUrl when it is an https URL on one of the {@link PictureHosts} (anything else is
     * dropped); null for everyone else. Parley never fetches it: the reader's browser loads it.
     */
    public String getImportedImageUrl() {
        String url = DumpAttributes.get(dumpExtra, "ProfileImageUrl");
        return PictureHosts.configured().allows(url) ? url : null;
    }

    /** An imported user's LastAccessDate (the dump's, UTC); null for everyone else or when it is unreadable. */
    public Instant getImportedLastAccessDate() {
        String value = DumpAttributes.get(dumpExtra, "LastAccessDate");
        if (value == null) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(value.strip()).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The version of the uploaded avatar, or null when the user shows an identicon. */
    public Integer getAvatarVersion() {
        return avatarVersion;
    }

    /** Records that a new avatar was uploaded (or, with {@code false}, removed); returns the new version or null. */
    Integer bumpAvatar(boolean present) {
        avatarVersion = present ? (avatarVersion == null ? 1 : avatarVersion + 1) : null;
        return avatarVersion;
    }

    public void changePasswordHash(String newHash) {
        passwordHash = Objects.requireNonNull(newHash, "newHash");
    }

    public void changeRole(Role newRole) {
        role = Objects.requireNonNull(newRole, "newRole");
    }

    /** Whether the stored role lets this user moderate (moderators and admins). */
    public boolean isModerator() {
        return role == Role.MODERATOR || role == Role.ADMIN;
    }

    /** Deletes the user: no log-in, no profile; posts keep showing the display name. */
    public void delete() {
        deleted = true;
    }

    /** How posts and comments show this user. */
    public UserRef ref() {
        return UserRef.author(number, displayName, reputation, deleted, null);
    }

    public Actor toActor() {
        return new Actor(getId(), getSite().getId(), role);
    }

    public Long getId() {
        return id;
    }

    public Site getSite() {
        return site;
    }

    public long getNumber() {
        return number;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public int getReputation() {
        return reputation;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getAboutMe() {
        return aboutMe;
    }

    public boolean isDeleted() {
        return deleted;
    }
}
