package org.parley.site;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.common.Role;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;

/**
 * One site's reputation thresholds, Stack Overflow's by default, and the one place that says whether a user has a
 * privilege: every service that acts for a user asks here, so a page action and an API call are refused alike, with a
 * message saying which privilege is missing and how much reputation it needs.
 */
public final class PrivilegeLadder implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The highest threshold a site may set. */
    public static final int MAX_THRESHOLD = 1_000_000;

    private static final PrivilegeLadder DEFAULTS = new PrivilegeLadder(Map.of());

    private final EnumMap<Privilege, Integer> thresholds = new EnumMap<>(Privilege.class);
    private final EnumMap<Privilege, Integer> overrides = new EnumMap<>(Privilege.class);

    private PrivilegeLadder(Map<Privilege, Integer> overrides) {
        for (Privilege p : Privilege.values()) {
            thresholds.put(p, overrides.getOrDefault(p, p.defaultThreshold()));
            if (overrides.containsKey(p) && overrides.get(p) != p.defaultThreshold()) {
                this.overrides.put(p, overrides.get(p));
            }
        }
    }

    /** Stack Overflow's thresholds. */
    public static PrivilegeLadder defaults() {
        return DEFAULTS;
    }

    /**
     * A site's ladder: its own thresholds where it sets them, the defaults elsewhere.
     *
     * @throws InvalidInputException (field {@code thresholds}) for a threshold below 1 or above {@value
     *     #MAX_THRESHOLD}
     */
    public static PrivilegeLadder of(Map<Privilege, Integer> overrides) {
        List<String> wrong = new ArrayList<>();
        overrides.forEach((p, n) -> {
            if (n == null || n < 1 || n > MAX_THRESHOLD) {
                wrong.add(p.label() + " (" + n + ")");
            }
        });
        if (!wrong.isEmpty()) {
            Collections.sort(wrong);
            throw new InvalidInputException(
                    "thresholds",
                    String.format(
                            Locale.ROOT,
                            "A privilege's reputation must be from 1 to %,d: %s.",
                            MAX_THRESHOLD,
                            String.join(", ", wrong)));
        }
        PrivilegeLadder ladder = new PrivilegeLadder(overrides);
        return ladder.overrides.isEmpty() ? DEFAULTS : ladder;
    }

    /**
     * A ladder as {@link #encoded()} wrote it. A privilege this server does not know (written by a newer one) is
     * ignored.
     *
     * @throws InvalidInputException for a line that is not {@code NAME=number} pairs, or a threshold out of range
     */
    public static PrivilegeLadder decode(String line) {
        if (line == null || line.isBlank()) {
            return DEFAULTS;
        }
        Map<Privilege, Integer> read = new EnumMap<>(Privilege.class);
        for (String pair : line.split(";")) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new InvalidInputException("thresholds", "Not a privilege threshold: “" + pair + "”.");
            }
            Privilege p;
            try {
                p = Privilege.valueOf(pair.substring(0, eq).strip());
            } catch (IllegalArgumentException unknown) {
                continue;
            }
            try {
                read.put(p, Integer.parseInt(pair.substring(eq + 1).strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("thresholds", "Not a number of reputation: “" + pair + "”.");
            }
        }
        return of(read);
    }

    /** The thresholds this site sets itself, where they differ from the defaults. */
    public Map<Privilege, Integer> overrides() {
        return Collections.unmodifiableMap(overrides);
    }

    /** The site's own thresholds as one line ({@code VOTE_DOWN=50;CLOSE_REOPEN=500}), empty for the defaults. */
    public String encoded() {
        StringBuilder line = new StringBuilder();
        overrides.forEach((p, n) -> line.append(line.length() == 0 ? "" : ";")
                .append(p.name())
                .append('=')
                .append(n));
        return line.toString();
    }

    /** The reputation the privilege needs on this site. */
    public int threshold(Privilege privilege) {
        return thresholds.get(privilege);
    }

    /** Whether a user with this reputation and role has the privilege (moderators and admins have all of them). */
    public boolean has(Privilege privilege, int reputation, Role role) {
        return moderates(role) || reputation >= threshold(privilege);
    }

    /**
     * Refuses what the user may not do yet.
     *
     * @throws NotAllowedException naming the privilege, its threshold and the user's reputation
     */
    public void require(Privilege privilege, int reputation, Role role) {
        if (!has(privilege, reputation, role)) {
            throw new NotAllowedException(String.format(
                    Locale.ROOT,
                    "This needs the “%s” privilege: %,d reputation on this site, and you have %,d.",
                    privilege.label(),
                    threshold(privilege),
                    reputation));
        }
    }

    /**
     * Every privilege with the user's progress towards it, in the ladder's order (by threshold, then as listed), for
     * the privileges page.
     */
    public List<Progress> progress(int reputation, Role role) {
        List<Progress> out = new ArrayList<>();
        for (Privilege p : Privilege.values()) {
            int needed = threshold(p);
            out.add(new Progress(
                    p, needed, has(p, reputation, role), Math.min(100, (int) (100L * reputation / needed))));
        }
        out.sort((a, b) -> Integer.compare(a.threshold(), b.threshold()));
        return out;
    }

    /**
     * One privilege as the privileges page lists it.
     *
     * @param percent how far the user's reputation is towards the threshold, 0–100
     */
    public record Progress(Privilege privilege, int threshold, boolean earned, int percent) implements Serializable {}

    @Override
    public boolean equals(Object o) {
        return o instanceof PrivilegeLadder other && thresholds.equals(other.thresholds);
    }

    @Override
    public int hashCode() {
        return thresholds.hashCode();
    }

    @Override
    public String toString() {
        return "PrivilegeLadder[" + (overrides.isEmpty() ? "defaults" : encoded()) + "]";
    }

    private static boolean moderates(Role role) {
        return role == Role.MODERATOR || role == Role.ADMIN;
    }
}
