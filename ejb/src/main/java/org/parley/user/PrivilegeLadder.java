package org.parley.user;

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

    private PrivilegeLadder(Map<Privilege, Integer> overrides) {
        for (Privilege p : Privilege.values()) {
            thresholds.put(p, overrides.getOrDefault(p, p.defaultThreshold()));
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
        return overrides.isEmpty() ? DEFAULTS : new PrivilegeLadder(overrides);
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

    private static boolean moderates(Role role) {
        return role == Role.MODERATOR || role == Role.ADMIN;
    }
}
