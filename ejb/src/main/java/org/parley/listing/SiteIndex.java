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
 */
final class SiteIndex {

    static final long HOT_WINDOW_NANOS = Duration.ofDays(30).toNanos();

    /** The place in an order of a document not in it: a deleted question. */
    static final int DEAD = Integer.MAX_VALUE;
    /** Tags with at least this many questions get a run per order with runs (about 2 × 4 B per question of theirs). */
    static final int RUN_MINIMUM = 2_048;

    static final SiteIndex EMPTY = new SiteIndexBuilder().build();

    final int size;
    final long[] numbers;
    final long[] created;
    final long[] activity;
    final long[] rowVersions;
    final int[] scores;
    final int[] answers;
    /** The tags of document d are {@code tagData[tagOffsets[d] .. tagOffsets[d + 1])}. */
    final int[] tagOffsets;

    final int[] tagData;
    final TagDictionary dictionary;
    /** Documents by tag id; a bitmap is never changed once a snapshot holds it. */
    final RoaringBitmap[] byTag;

    final RoaringBitmap live;
    final RoaringBitmap unanswered;
    final RoaringBitmap accepted;
    final RoaringBitmap closed;
    /** Per order: the live documents in that order. */
    final int[][] orders;
    /** Per order: each document's place in it ({@link #DEAD} for a deleted one). */
    final int[][] ranks;

    /**
     * Per order ({@link Order#hasRuns}) and tag: the tag's documents in that order, for the tags that had at least {@link
     * #runMinimum} documents when the snapshot was built; null for the others. A list of such a tag is read from the
     * start of its run instead of from the whole order.
     */
    final int[][][] runs;

    final int runMinimum;

    private volatile RoaringBitmap hotWindow;
    /** Made on first need; {@link SiteIndexChange} hands it to the next snapshot while no question's tags change. */
    volatile TagOrders tagOrders;

    SiteIndex(
            int size,
            long[] numbers,
            long[] created,
            long[] activity,
            long[] rowVersions,
            int[] scores,
            int[] answers,
            int[] tagOffsets,
            int[] tagData,
            TagDictionary dictionary,
            RoaringBitmap[] byTag,
            RoaringBitmap live,
            RoaringBitmap unanswered,
            RoaringBitmap accepted,
            RoaringBitmap closed,
            int[][] orders,
            int[][] ranks,
            int[][][] runs,
            int runMinimum,
            TagOrders tagOrders) {
        this.size = size;
        this.numbers = numbers;
        this.created = created;
        this.activity = activity;
        this.rowVersions = rowVersions;
        this.scores = scores;
        this.answers = answers;
        this.tagOffsets = tagOffsets;
        this.tagData = tagData;
        this.dictionary = dictionary;
        this.byTag = byTag;
        this.live = live;
        this.unanswered = unanswered;
        this.accepted = accepted;
        this.closed = closed;
        this.orders = orders;
        this.ranks = ranks;
        this.runs = runs;
        this.runMinimum = runMinimum;
        this.tagOrders = tagOrders;
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /** How many questions the index lists. */
    int questionCount() {
        return live.getCardinality();
    }

    /**
     * One page of the questions an expression selects, in {@code sort} order.
     *
     * @param page 1-based
     */
    IdPage questions(TagExpression expression, QuestionSort sort, int page, int pageSize, List<String> unknown) {
        RoaringBitmap filter =
                sort == QuestionSort.UNANSWERED ? unanswered : sort == QuestionSort.HOT ? hotWindow() : null;
        Order order = Order.of(sort);
        if (!expression.isAll()) {
            TagTerms terms = TagTerms.of(expression, this, unknown);
            if (terms != null) {
                return terms.page(order, filter, page, pageSize);
            }
        }
        RoaringBitmap docs = expression.isAll() ? live : TagTerms.select(this, expression, unknown);
        if (filter != null) {
            docs = RoaringBitmap.and(docs, filter);
        }
        return page(docs, order, page, pageSize);
    }

    /** The numbers of the questions in the run of {@code tag} in {@code order}, or null when it has none (for tests). */
    long[] runNumbers(Order order, String tag) {
        int id = dictionary.id(tag);
        int[][] byTagRun = runs[order.ordinal()];
        if (id < 0 || byTagRun == null || id >= byTagRun.length || byTagRun[id] == null) {
            return null;
        }
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
        int[] inOrder = orders[order.ordinal()];
        int liveCount = inOrder.length;
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
            int[] rank = ranks[order.ordinal()];
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

    /** The live documents active within {@link #HOT_WINDOW_NANOS} of the latest activity. */
    private RoaringBitmap hotWindow() {
        RoaringBitmap window = hotWindow;
        if (window == null) {
            int[] byActivity = orders[Order.ACTIVE.ordinal()];
            int n = 0;
            if (byActivity.length > 0) {
                long since = activity[byActivity[0]] - HOT_WINDOW_NANOS;
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
        RoaringBitmap docs = expression.isAll() ? live : TagTerms.select(this, expression, new ArrayList<>());
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
            t = new TagOrders(dictionary, byTag);
            tagOrders = t;
        }
        return t;
    }

    // ---------------------------------------------------------------------------------------------------- changes

    /** The document of question {@code number}, or -1. */
    int doc(long number) {
        int found = Arrays.binarySearch(numbers, 0, size, number);
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
        for (int i = tagOffsets[doc]; i < tagOffsets[doc + 1]; i++) {
            tags.append(dictionary.name(tagData[i])).append('|');
        }
        return new QuestionRow(
                numbers[doc],
                created[doc],
                activity[doc],
                scores[doc],
                answers[doc],
                accepted.contains(doc),
                closed.contains(doc),
                rowVersions[doc],
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
        long bytes = 8L * (numbers.length + created.length + activity.length + rowVersions.length);
        bytes += 4L * (scores.length + answers.length + tagOffsets.length + tagData.length);
        for (int o = 0; o < orders.length; o++) {
            bytes += 4L * (orders[o].length + ranks[o].length);
        }
        for (RoaringBitmap docs : byTag) {
            bytes += docs.getLongSizeInBytes() + 16;
        }
        for (int[][] byTagRun : runs) {
            if (byTagRun != null) {
                bytes += 4L * byTagRun.length;
                for (int[] run : byTagRun) {
                    bytes += run == null ? 0 : 16 + 4L * run.length;
                }
            }
        }
        bytes += live.getLongSizeInBytes()
                + unanswered.getLongSizeInBytes()
                + accepted.getLongSizeInBytes()
                + closed.getLongSizeInBytes();
        return bytes + dictionary.estimatedBytes();
    }

    int tagCount() {
        return dictionary.size();
    }
}
