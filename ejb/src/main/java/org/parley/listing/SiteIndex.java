package org.parley.listing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.parley.common.Page;
import org.parley.post.QuestionSort;
import org.parley.tag.TagCount;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * An immutable snapshot of one site's questions. Each question is a document, numbered 0, 1, 2, ... in order of
 * question number; its fields live in primitive arrays indexed by document, its tags in one compressed bitmap per
 * tag, and each order is kept twice: the live documents in that order, and each document's place in it. Readers use a
 * snapshot without locks; {@link #withChanges} makes the next one, sharing every array and bitmap it does not change.
 *
 * <p>A list is answered in two steps: the expression becomes a bitmap (and, or, and-not of the tags' bitmaps), then
 * the page is taken either by walking the order and keeping the documents in the bitmap (cheap when the bitmap holds
 * a large share), or by ranking the bitmap's documents and selecting the page's (cheap when it is small).
 *
 * <p>This class holds a snapshot's parts and answers reads; the rest of the engine lives beside it: {@link
 * SiteIndexBuilder} makes the first snapshot and {@link SiteIndexChange} each next one, {@link TagTerms} evaluates an
 * expression, {@link Order} defines the orders and {@link Postings} lays out a tag's documents.
 */
final class SiteIndex {

    static final long HOT_WINDOW_NANOS = Duration.ofDays(30).toNanos();
    /**
     * The hot window holds at least this many of the most recently active questions, however old: without it a quiet
     * site's one new question made a window of one (the home page and the sidebar then listed just that question).
     */
    static final int HOT_MINIMUM = 100;

    /** The place in an order of a document not in it: a deleted question. */
    static final int DEAD = Integer.MAX_VALUE;
    /** Tags with at least this many questions get a run per order with runs (about 2 × 4 B per question of theirs). */
    static final int RUN_MINIMUM = 2_048;

    static final SiteIndex EMPTY = new SiteIndexBuilder().build();

    final Columns columns;
    final Tagging tagging;
    final Flags flags;
    final Orderings orderings;

    private volatile RoaringBitmap hotWindow;
    /** Made on first need; {@link SiteIndexChange} hands it to the next snapshot while no question's tags change. */
    volatile TagOrders tagOrders;

    /**
     * Each document's fields, one array per field indexed by document: what the orders compare and a page returns.
     *
     * @param size the documents numbered so far, deleted ones included; every array has this length
     */
    record Columns(
            int size,
            long[] numbers,
            long[] created,
            long[] activity,
            long[] rowVersions,
            int[] scores,
            int[] answers) {}

    /**
     * Which document carries which tag, both ways.
     *
     * @param offsets the tags of document d are {@code data[offsets[d] .. offsets[d + 1])}
     * @param data tag ids
     * @param byTag documents by tag id; a bitmap is never changed once a snapshot holds it
     */
    record Tagging(int[] offsets, int[] data, TagDictionary dictionary, RoaringBitmap[] byTag) {}

    /**
     * The documents with each yes/no property.
     *
     * @param live the documents listed; the others are deleted questions
     */
    record Flags(RoaringBitmap live, RoaringBitmap unanswered, RoaringBitmap accepted, RoaringBitmap closed) {}

    /**
     * Each order kept twice, and the runs of the large tags in the orders with runs.
     *
     * @param orders per order: the live documents in that order
     * @param ranks per order: each document's place in it ({@link #DEAD} for a deleted one)
     * @param runs per order ({@link Order#hasRuns}) and tag: the tag's documents in that order, for the tags that had
     *     at least {@code runMinimum} documents when the snapshot was built; null for the others. A list of such a tag
     *     is read from the start of its run instead of from the whole order.
     */
    record Orderings(int[][] orders, int[][] ranks, int[][][] runs, int runMinimum) {}

    SiteIndex(Columns columns, Tagging tagging, Flags flags, Orderings orderings, TagOrders tagOrders) {
        this.columns = columns;
        this.tagging = tagging;
        this.flags = flags;
        this.orderings = orderings;
        this.tagOrders = tagOrders;
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /** How many questions the index lists. */
    int questionCount() {
        return flags.live().getCardinality();
    }

    /**
     * One page of the questions an expression selects, in {@code sort} order.
     *
     * @param page 1-based
     */
    IdPage questions(TagExpression expression, QuestionSort sort, int page, int pageSize, List<String> unknown) {
        RoaringBitmap filter =
                sort == QuestionSort.UNANSWERED ? flags.unanswered() : sort == QuestionSort.HOT ? hotWindow() : null;
        Order order = Order.of(sort);
        if (!expression.isAll()) {
            TagTerms terms = TagTerms.of(expression, this, unknown);
            if (terms != null) {
                return terms.page(order, filter, page, pageSize);
            }
        }
        RoaringBitmap docs = expression.isAll() ? flags.live() : TagTerms.select(this, expression, unknown);
        if (filter != null) {
            docs = RoaringBitmap.and(docs, filter);
        }
        return page(docs, order, page, pageSize);
    }

    /** The numbers of the questions in the run of {@code tag} in {@code order}, or null when it has none (for tests). */
    long[] runNumbers(Order order, String tag) {
        int id = tagging.dictionary().id(tag);
        int[][] byTagRun = orderings.runs()[order.ordinal()];
        if (id < 0 || byTagRun == null || id >= byTagRun.length || byTagRun[id] == null) {
            return null;
        }
        long[] numbers = columns.numbers();
        return Arrays.stream(byTagRun[id]).mapToLong(d -> numbers[d]).toArray();
    }

    /** The page of {@code docs} in {@code order}. */
    IdPage page(RoaringBitmap docs, Order order, int page, int pageSize) {
        int total = docs.getCardinality();
        long from = (long) (page - 1) * pageSize;
        if (from >= total) {
            return new IdPage(List.of(), total);
        }
        int offset = (int) from;
        int need = (int) Math.min(total, from + pageSize);
        int[] inOrder = orderings.orders()[order.ordinal()];
        int liveCount = inOrder.length;
        long[] numbers = columns.numbers();
        RoaringBitmap live = flags.live();
        // Expected places walked to meet `need` members, against touching every member once (and a few more times to
        // rank).
        long walk = (long) need * liveCount / Math.max(1, total);
        List<Long> result = new ArrayList<>(need - offset);
        if (docs == live || walk <= 3L * total) {
            int seen = 0;
            for (int i = 0; i < liveCount && seen < need; i++) {
                int doc = inOrder[i];
                if (docs == live || docs.contains(doc)) {
                    if (seen++ >= offset) {
                        result.add(numbers[doc]);
                    }
                }
            }
        } else {
            int[] rank = orderings.ranks()[order.ordinal()];
            int[] places = docs.toArray();
            for (int i = 0; i < places.length; i++) {
                places[i] = rank[places[i]];
            }
            DocSort.sliceSorted(places, places.length, offset, need);
            for (int i = offset; i < need; i++) {
                result.add(numbers[inOrder[places[i]]]);
            }
        }
        return new IdPage(result, total);
    }

    /**
     * The live documents active within {@link #HOT_WINDOW_NANOS} of the latest activity, or, when fewer, the {@link
     * #HOT_MINIMUM} most recently active (with every document as active as the last of them).
     */
    private RoaringBitmap hotWindow() {
        RoaringBitmap window = hotWindow;
        if (window == null) {
            int[] byActivity = orderings.orders()[Order.ACTIVE.ordinal()];
            long[] activity = columns.activity();
            int n = 0;
            if (byActivity.length > 0) {
                long since = Math.min(
                        activity[byActivity[0]] - HOT_WINDOW_NANOS,
                        activity[byActivity[Math.min(HOT_MINIMUM, byActivity.length) - 1]]);
                while (n < byActivity.length && activity[byActivity[n]] >= since) {
                    n++;
                }
            }
            int[] docs = Arrays.copyOf(byActivity, n);
            Arrays.sort(docs);
            window = RoaringBitmap.bitmapOf(docs);
            hotWindow = window;
        }
        return window;
    }

    /**
     * Tags of the site, most used first (then by name), only those on at least one question; with a non-empty
     * {@code prefix} only the names starting with it.
     */
    Page<TagCount> tags(String prefix, int page, int pageSize) {
        TagOrders t = tagOrders();
        TagDictionary dictionary = tagging.dictionary();
        int[] ids = prefix.isEmpty() ? t.popular : t.popularWithPrefix(prefix, dictionary);
        long from = (long) (page - 1) * pageSize;
        List<TagCount> items = new ArrayList<>();
        for (long i = from; i < Math.min(ids.length, from + pageSize); i++) {
            int id = ids[(int) i];
            items.add(new TagCount(dictionary.name(id), t.counts[id]));
        }
        return new Page<>(items, page, pageSize, ids.length);
    }

    /** The names of the {@code limit} most used tags starting with {@code prefix}. */
    List<String> complete(String prefix, int limit) {
        TagOrders t = tagOrders();
        TagDictionary dictionary = tagging.dictionary();
        int[] ids = t.popularWithPrefix(prefix, dictionary);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, ids.length); i++) {
            names.add(dictionary.name(ids[i]));
        }
        return names;
    }

    /**
     * The tags most often found on the questions an expression selects, besides those it names, with how many of
     * those questions carry each; most frequent first, then by name.
     */
    List<TagCount> related(TagExpression expression, int limit) {
        RoaringBitmap docs = expression.isAll() ? flags.live() : TagTerms.select(this, expression, new ArrayList<>());
        TagDictionary dictionary = tagging.dictionary();
        int[] tagOffsets = tagging.offsets();
        int[] tagData = tagging.data();
        int[] counts = new int[dictionary.size()];
        IntIterator it = docs.getIntIterator();
        while (it.hasNext()) {
            int doc = it.next();
            for (int i = tagOffsets[doc]; i < tagOffsets[doc + 1]; i++) {
                counts[tagData[i]]++;
            }
        }
        for (String named : expression.tags()) {
            int id = dictionary.id(named);
            if (id >= 0) {
                counts[id] = 0;
            }
        }
        List<Integer> found = new ArrayList<>();
        for (int id = 0; id < counts.length; id++) {
            if (counts[id] > 0) {
                found.add(id);
            }
        }
        found.sort(Comparator.<Integer>comparingInt(id -> -counts[id]).thenComparing(id -> dictionary.name(id)));
        return found.stream()
                .limit(limit)
                .map(id -> new TagCount(dictionary.name(id), counts[id]))
                .toList();
    }

    private TagOrders tagOrders() {
        TagOrders t = tagOrders;
        if (t == null) {
            t = new TagOrders(tagging.dictionary(), tagging.byTag());
            tagOrders = t;
        }
        return t;
    }

    // ---------------------------------------------------------------------------------------------------- changes

    /** The document of question {@code number}, or -1. */
    int doc(long number) {
        int found = Arrays.binarySearch(columns.numbers(), 0, columns.size(), number);
        return found >= 0 ? found : -1;
    }

    /**
     * The next snapshot: {@code rows} as the database now holds them (a row no newer than the one indexed is skipped)
     * and the questions {@code gone} no longer listed. Returns this snapshot when nothing changes.
     */
    SiteIndex withChanges(Collection<QuestionRow> rows, Collection<Long> gone) {
        return SiteIndexChange.applied(this, rows, gone);
    }

    /** Document {@code doc} as a row. */
    QuestionRow row(int doc) {
        StringBuilder tags = new StringBuilder("|");
        for (int i = tagging.offsets()[doc]; i < tagging.offsets()[doc + 1]; i++) {
            tags.append(tagging.dictionary().name(tagging.data()[i])).append('|');
        }
        return new QuestionRow(
                columns.numbers()[doc],
                columns.created()[doc],
                columns.activity()[doc],
                columns.scores()[doc],
                columns.answers()[doc],
                flags.accepted().contains(doc),
                flags.closed().contains(doc),
                columns.rowVersions()[doc],
                tags.toString());
    }

    /** Splits {@code |java|jpa|} into names, keeping the first of a repeated one. */
    static List<String> splitTags(String tagNames) {
        List<String> names = new ArrayList<>(5);
        int start = 0;
        int n = tagNames.length();
        while (start < n) {
            int end = tagNames.indexOf('|', start);
            if (end < 0) {
                end = n;
            }
            if (end > start) {
                String name = tagNames.substring(start, end);
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
            start = end + 1;
        }
        return names;
    }

    // ---------------------------------------------------------------------------------------------------- size

    /** The heap this snapshot holds, estimated from its arrays and bitmaps (shared parts counted in full). */
    long estimatedBytes() {
        Columns c = columns;
        long bytes = 8L * (c.numbers().length + c.created().length + c.activity().length + c.rowVersions().length);
        bytes += 4L * (c.scores().length + c.answers().length + tagging.offsets().length + tagging.data().length);
        int[][] orders = orderings.orders();
        int[][] ranks = orderings.ranks();
        for (int o = 0; o < orders.length; o++) {
            bytes += 4L * (orders[o].length + ranks[o].length);
        }
        for (RoaringBitmap docs : tagging.byTag()) {
            bytes += docs.getLongSizeInBytes() + 16;
        }
        for (int[][] byTagRun : orderings.runs()) {
            if (byTagRun != null) {
                bytes += 4L * byTagRun.length;
                for (int[] run : byTagRun) {
                    bytes += run == null ? 0 : 16 + 4L * run.length;
                }
            }
        }
        bytes += flags.live().getLongSizeInBytes()
                + flags.unanswered().getLongSizeInBytes()
                + flags.accepted().getLongSizeInBytes()
                + flags.closed().getLongSizeInBytes();
        return bytes + tagging.dictionary().estimatedBytes();
    }

    int tagCount() {
        return tagging.dictionary().size();
    }
}
