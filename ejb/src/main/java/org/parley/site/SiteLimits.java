package org.parley.site;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.common.Role;
import org.parley.markdown.MarkdownRenderer;
import org.parley.rules.InvalidInputException;
import org.parley.rules.RateLimitedException;

/**
 * One site's anti-abuse limits ({@link Limit}), Stack Overflow's by default, and the one place that says whether a
 * user's action is within them: the post services ask here, so a page action and an API call are refused alike.
 * Moderators and admins are held by none of them. Stored beside the privilege thresholds, as one line of the values
 * the site sets itself.
 */
public final class SiteLimits implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final SiteLimits DEFAULTS = new SiteLimits(Map.of());

    private final EnumMap<Limit, Integer> values = new EnumMap<>(Limit.class);
    private final EnumMap<Limit, Integer> overrides = new EnumMap<>(Limit.class);

    private SiteLimits(Map<Limit, Integer> overrides) {
        for (Limit l : Limit.values()) {
            values.put(l, overrides.getOrDefault(l, l.defaultValue()));
            if (overrides.containsKey(l) && overrides.get(l) != l.defaultValue()) {
                this.overrides.put(l, overrides.get(l));
            }
        }
    }

    /** Stack Overflow's limits. */
    public static SiteLimits defaults() {
        return DEFAULTS;
    }

    /**
     * A site's limits: its own values where it sets them, the defaults elsewhere.
     *
     * @throws InvalidInputException (field {@code limits}) for a value below 0 or above the limit's {@link Limit#max()}
     */
    public static SiteLimits of(Map<Limit, Integer> overrides) {
        List<String> wrong = new ArrayList<>();
        overrides.forEach((l, n) -> {
            if (n == null || n < 0 || n > l.max()) {
                wrong.add(String.format(Locale.ROOT, "%s (%s: from 0 to %,d)", l.label(), n, l.max()));
            }
        });
        if (!wrong.isEmpty()) {
            Collections.sort(wrong);
            throw new InvalidInputException("limits", "A limit is out of range: " + String.join(", ", wrong) + ".");
        }
        SiteLimits limits = new SiteLimits(overrides);
        return limits.overrides.isEmpty() ? DEFAULTS : limits;
    }

    /**
     * Limits as {@link #encoded()} wrote them. A limit this server does not know (written by a newer one) is ignored.
     *
     * @throws InvalidInputException for a line that is not {@code NAME=number} pairs, or a value out of range
     */
    public static SiteLimits decode(String line) {
        if (line == null || line.isBlank()) {
            return DEFAULTS;
        }
        Map<Limit, Integer> read = new EnumMap<>(Limit.class);
        for (String pair : line.split(";")) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new InvalidInputException("limits", "Not a limit: “" + pair + "”.");
            }
            Limit l;
            try {
                l = Limit.valueOf(pair.substring(0, eq).strip());
            } catch (IllegalArgumentException unknown) {
                continue;
            }
            try {
                read.put(l, Integer.parseInt(pair.substring(eq + 1).strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("limits", "Not a number: “" + pair + "”.");
            }
        }
        return of(read);
    }

    /** The values this site sets itself, where they differ from the defaults. */
    public Map<Limit, Integer> overrides() {
        return Collections.unmodifiableMap(overrides);
    }

    /** The site's own values as one line ({@code VOTES_PER_DAY=30;NEW_USER_REPUTATION=0}), empty for the defaults. */
    public String encoded() {
        StringBuilder line = new StringBuilder();
        overrides.forEach((l, n) -> line.append(line.length() == 0 ? "" : ";")
                .append(l.name())
                .append('=')
                .append(n));
        return line.toString();
    }

    /** The limit's value on this site; 0 means it is off. */
    public int value(Limit limit) {
        return values.get(limit);
    }

    /** Whether a user with this reputation and role is new on the site, and held by the new users' limits. */
    public boolean isNewUser(int reputation, Role role) {
        return !moderates(role) && reputation < value(Limit.NEW_USER_REPUTATION);
    }

    /**
     * Refuses a post body of a new user that links somewhere its earlier version did not (Markdown links, autolinks
     * and {@code <a>} alike, read from the sanitised HTML; see {@link MarkdownRenderer#links}).
     *
     * @param htmlBefore the body before an edit, or null for a new post
     * @param htmlAfter the body as it would be saved, rendered and sanitised
     * @throws InvalidInputException (field {@code body}) saying that links come at the site's new-user reputation
     */
    public void requireLinksAllowed(String htmlBefore, String htmlAfter, int reputation, Role role) {
        if (!isNewUser(reputation, role)) {
            return;
        }
        Set<String> added = MarkdownRenderer.links(htmlAfter);
        added.removeAll(MarkdownRenderer.links(htmlBefore));
        if (!added.isEmpty()) {
            throw new InvalidInputException(
                    "body",
                    String.format(
                            Locale.ROOT,
                            "Links in posts come at %,d reputation on this site, and you have %,d: take out the link"
                                    + " to %s, or write the address as code.",
                            value(Limit.NEW_USER_REPUTATION),
                            reputation,
                            added.iterator().next()));
        }
    }

    /**
     * Refuses a new user's question asked sooner than the site's interval after their last one.
     *
     * @param lastAsked when the user last asked on this site, or null
     * @throws RateLimitedException saying how long until they may ask again
     */
    public void requireQuestionInterval(Instant lastAsked, Instant now, int reputation, Role role) {
        int minutes = value(Limit.QUESTION_INTERVAL_MINUTES);
        if (lastAsked == null || minutes == 0 || !isNewUser(reputation, role)) {
            return;
        }
        Instant next = lastAsked.plus(Duration.ofMinutes(minutes));
        if (now.isBefore(next)) {
            Duration wait = Duration.between(now, next);
            throw new RateLimitedException(
                    String.format(
                            Locale.ROOT,
                            "New users can ask one question every %s on this site (until %,d reputation). You can ask"
                                    + " again in %s.",
                            RateLimitedException.inWords(Duration.ofMinutes(minutes)),
                            value(Limit.NEW_USER_REPUTATION),
                            RateLimitedException.inWords(wait)),
                    wait);
        }
    }

    /**
     * Refuses a vote beyond the site's daily limit.
     *
     * @param castToday the votes the user has cast since {@link #startOfDay} of {@code now}
     * @throws RateLimitedException saying the limit and how long until the next day (UTC)
     */
    public void requireVoteToday(long castToday, Instant now, Role role) {
        int perDay = value(Limit.VOTES_PER_DAY);
        if (perDay == 0 || moderates(role) || castToday < perDay) {
            return;
        }
        Duration wait = Duration.between(now, startOfDay(now).plus(Duration.ofDays(1)));
        throw new RateLimitedException(
                String.format(
                        Locale.ROOT,
                        "You have cast your %,d votes for today. You can vote again in %s, when the day ends"
                                + " (midnight UTC).",
                        perDay,
                        RateLimitedException.inWords(wait)),
                wait);
    }

    /** Midnight UTC before {@code now}: days for the vote limits are UTC days, as on Stack Overflow. */
    public static Instant startOfDay(Instant now) {
        return now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SiteLimits other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "SiteLimits[" + (overrides.isEmpty() ? "defaults" : encoded()) + "]";
    }

    private static boolean moderates(Role role) {
        return role == Role.MODERATOR || role == Role.ADMIN;
    }
}
