package org.parley.tag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Tag names as users type them: one string or a list of strings, split, checked and normalised. */
public final class TagNames {

    /** White space, commas, and a {@code +} that starts another tag (not the tail of {@code c++}). */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+|\\+(?=[^\\s,+])");

    private TagNames() {}

    /**
     * Splits what a user typed into tag names: separators are white space, commas and a {@code +} followed by
     * another tag (so {@code "java+jpa"} is two tags but {@code "c++"} is one). Names are lower-cased and
     * de-duplicated in order of first appearance. Does not limit how many tags there are; {@code null} or blank
     * input gives an empty list.
     *
     * @throws org.parley.rules.InvalidInputException naming the first tag that is longer than 35 characters or has a
     *     character outside {@code [a-z0-9+#.-]}
     */
    public static List<String> parse(String input) {
        if (input == null || input.isBlank()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String token : SEPARATORS.split(input.strip().toLowerCase(Locale.ROOT))) {
            if (!token.isEmpty()) {
                names.add(Tag.checkName(token));
            }
        }
        return new ArrayList<>(names);
    }

    /** {@link #parse(String)} over the strings of a list, as if typed one after another; null gives an empty list. */
    public static List<String> parseAll(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        return parse(tags.stream().filter(Objects::nonNull).collect(Collectors.joining(" ")));
    }
}
