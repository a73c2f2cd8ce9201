package org.parley.tag;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.parley.common.Page;
import org.parley.common.Paging;
import org.parley.listing.TagEngine;
import org.parley.listing.TagExpression;

/** The tag list, tag auto-completion and related tags (from the tag engine), and parsing of typed tags. */
@Stateless
public class TagService {

    /** White space, commas, and a {@code +} that starts another tag (not the tail of {@code c++}). */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+|\\+(?=[^\\s,+])");

    private static final int MAX_COMPLETIONS = 50;

    @Inject
    private TagEngine engine;

    /**
     * Tags in use on a site, most used first (then by name), optionally only those starting with {@code prefix};
     * answered by the tag engine. A page below 1 is read as 1 and the page size is kept within 1..100; a null or blank
     * prefix means all tags, and a prefix with characters no tag can contain gives an empty page.
     */
    public Page<TagCount> list(long siteId, String prefix, int page, int pageSize) {
        int p = Paging.page(page);
        int size = Paging.pageSize(pageSize);
        String normalized = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        if (!normalized.isEmpty() && !Tag.isValidName(normalized)) {
            return Page.empty(p, size);
        }
        return engine.tags(siteId, normalized, p, size);
    }

    /**
     * Names of the most used tags starting with {@code prefix}, for auto-completion; at most {@code limit} (kept
     * within 1..50). A null or blank prefix, or one no tag can start with, gives an empty list.
     */
    public List<String> complete(long siteId, String prefix, int limit) {
        String normalized = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty() || !Tag.isValidName(normalized)) {
            return List.of();
        }
        return engine.complete(siteId, normalized, Math.min(MAX_COMPLETIONS, Math.max(1, limit)));
    }

    /**
     * The tags most often found on the questions {@code expression} selects, besides the tags it names, each with how
     * many of those questions carry it; at most {@code limit} (kept within 1..50).
     */
    public List<TagCount> related(long siteId, TagExpression expression, int limit) {
        return engine.related(siteId, expression, Math.min(MAX_COMPLETIONS, Math.max(1, limit)));
    }

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
}
