package org.parley.listing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.common.Page;
import org.parley.common.Paging;
import org.parley.tag.Tag;
import org.parley.tag.TagCount;
import org.parley.tag.TagRepository;

/** The tag list, tag auto-completion and related tags, answered by the tag engine. */
@Stateless
public class TagService {

    private static final int MAX_COMPLETIONS = 50;

    @Inject
    private TagEngine engine;

    @Inject
    private TagRepository tagRepository;

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
        int max = Math.min(MAX_COMPLETIONS, Math.max(1, limit));
        List<String> found = engine.complete(siteId, normalized, max);
        Map<String, String> synonyms = tagRepository.synonyms(siteId);
        if (synonyms.isEmpty()) {
            return found;
        }
        // A synonym is never offered; its target is, first when the synonym was typed whole.
        LinkedHashSet<String> out = new LinkedHashSet<>();
        String target = synonyms.get(normalized);
        if (target != null) {
            out.add(target);
        }
        found.forEach(n -> out.add(synonyms.getOrDefault(n, n)));
        return out.stream().limit(max).toList();
    }

    /** The site's approved tag synonyms, source to target (the ask form replaces a synonym as it is typed). */
    public Map<String, String> synonyms(long siteId) {
        return tagRepository.synonyms(siteId);
    }

    /**
     * The tags most often found on the questions {@code expression} selects, besides the tags it names, each with how
     * many of those questions carry it; at most {@code limit} (kept within 1..50).
     */
    public List<TagCount> related(long siteId, TagExpression expression, int limit) {
        return engine.related(siteId, expression, Math.min(MAX_COMPLETIONS, Math.max(1, limit)));
    }
}
