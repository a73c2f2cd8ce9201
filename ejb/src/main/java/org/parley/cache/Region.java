package org.parley.cache;

import java.time.Duration;

/**
 * What kind of thing an entry is, with its bounds: the most entries one server's L1 holds, and how long an entry
 * lives in L1 and L2. Lifetimes also bound staleness from changes that publish no event (view counts, a user's
 * reputation shown on other questions' pages).
 */
public enum Region {
    /** Host name to site lookups, including unknown hosts (cached as absent). */
    SITE("site", 1_000, Duration.ofMinutes(10)),
    /** A question page's data as an anonymous visitor sees it (QuestionDetail without anyone's votes). */
    QUESTION("question", 2_000, Duration.ofMinutes(10)),
    /** Rendered HTML fragments: a post's body block, sidebars. */
    FRAGMENT("fragment", 10_000, Duration.ofMinutes(30)),
    /** A question's related questions (org.parley.search.RelatedQuestions), dropped when the question changes. */
    RELATED("related", 5_000, Duration.ofMinutes(15)),
    /**
     * What a question page shows beside its posts, read by other queries than its data: the linked questions
     * (org.parley.link) and the imported posts' licences (org.parley.dump); dropped with the question's scope.
     */
    PROVENANCE("provenance", 5_000, Duration.ofMinutes(10)),
    /**
     * Whole pages for anonymous visitors (the output cache): at most 2,000 and 64 MB in each server's L1, and in L2
     * (the cache "pages") as much as its memory bound lets (install-shared-tier.cli).
     */
    PAGE("page", 2_000, 64L << 20, Duration.ofMinutes(5));

    private final String key;
    private final int l1MaxEntries;
    private final long l1MaxBytes;
    private final Duration lifetime;

    Region(String key, int l1MaxEntries, Duration lifetime) {
        this(key, l1MaxEntries, 0, lifetime);
    }

    Region(String key, int l1MaxEntries, long l1MaxBytes, Duration lifetime) {
        this.key = key;
        this.l1MaxEntries = l1MaxEntries;
        this.l1MaxBytes = l1MaxBytes;
        this.lifetime = lifetime;
    }

    /**
     * The bytes (marshalled) this server's L1 keeps of the region at most, 0 when only {@link #l1MaxEntries} bounds
     * it. With a byte bound, an entry weighs at least its share of it ({@code l1MaxBytes / l1MaxEntries}), so the
     * entry bound holds too.
     */
    public long l1MaxBytes() {
        return l1MaxBytes;
    }

    /** The region's prefix in stored keys. */
    public String key() {
        return key;
    }

    public int l1MaxEntries() {
        return l1MaxEntries;
    }

    public Duration lifetime() {
        return lifetime;
    }
}
