package org.parley.tagwatch;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/** A user's watched and ignored tags; the CSS class of a question list row with these tags. */
public record TagMarks(Set<String> watched, Set<String> ignored) implements Serializable {

    public static final TagMarks NONE = new TagMarks(Set.of(), Set.of());

    /**
     * {@code is-watched} when a question carries a watched tag (watching wins), {@code is-ignored} when it carries an
     * ignored one, else the empty string.
     */
    public String classFor(List<String> tags) {
        if (tags == null || (watched.isEmpty() && ignored.isEmpty())) {
            return "";
        }
        for (String t : tags) {
            if (t != null && watched.contains(t)) {
                return "is-watched";
            }
        }
        for (String t : tags) {
            if (t != null && ignored.contains(t)) {
                return "is-ignored";
            }
        }
        return "";
    }

    /** {@code watched}, {@code ignored} or null: how this user marked {@code tag}. */
    public String of(String tag) {
        if (tag == null) {
            return null;
        }
        return watched.contains(tag) ? "watched" : ignored.contains(tag) ? "ignored" : null;
    }
}
