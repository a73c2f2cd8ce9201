package org.parley.listing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.common.Page;
import org.parley.listing.DocSort.DocComparator;
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

    private static final int DEAD = Integer.MAX_VALUE;
    private static final int[] NO_TAGS = new int[0];
    /** Up to this many documents moved in one order, they are moved in place; more, and the order is merged anew. */
    private static final int FEW = 64;
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
    private volatile TagOrders tagOrders;

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
    private int doc(long number) {
        int found = Arrays.binarySearch(numbers, 0, size, number);
        return found >= 0 ? found : -1;
    }

    /**
     * The next snapshot: {@code rows} as the database now holds them (a row no newer than the one indexed is skipped)
     * and the questions {@code gone} no longer listed. Returns this snapshot when nothing changes.
     */
    SiteIndex withChanges(Collection<QuestionRow> rows, Collection<Long> gone) {
        Map<Integer, QuestionRow> updates = new LinkedHashMap<>();
        Map<Long, QuestionRow> inserts = new HashMap<>();
        for (QuestionRow row : rows) {
            int doc = doc(row.number());
            if (doc >= 0) {
                QuestionRow other = updates.get(doc);
                boolean newer = other == null
                        ? row.rowVersion() > rowVersions[doc] || !live.contains(doc)
                        : row.rowVersion() > other.rowVersion();
                if (newer) {
                    updates.put(doc, row);
                }
            } else {
                inserts.merge(row.number(), row, (a, b) -> a.rowVersion() >= b.rowVersion() ? a : b);
            }
        }
        List<Integer> deletes = new ArrayList<>();
        for (long number : gone) {
            int doc = doc(number);
            if (doc >= 0 && live.contains(doc) && !updates.containsKey(doc)) {
                deletes.add(doc);
            }
        }
        if (updates.isEmpty() && inserts.isEmpty() && deletes.isEmpty()) {
            return this;
        }
        List<QuestionRow> added = new ArrayList<>(inserts.values());
        added.sort(Comparator.comparingLong(QuestionRow::number));
        if (!added.isEmpty() && size > 0 && added.get(0).number() < numbers[size - 1]) {
            return rebuiltWith(updates, added, deletes);
        }
        return new Change(this, updates, added, deletes).apply();
    }

    /** A new question numbered below the highest: lay every document out again. */
    private SiteIndex rebuiltWith(Map<Integer, QuestionRow> updates, List<QuestionRow> added, List<Integer> deletes) {
        List<QuestionRow> all = new ArrayList<>(size + added.size());
        IntIterator it = live.getIntIterator();
        while (it.hasNext()) {
            int doc = it.next();
            if (!deletes.contains(doc)) {
                all.add(updates.containsKey(doc) ? updates.get(doc) : row(doc));
            }
        }
        for (Map.Entry<Integer, QuestionRow> e : updates.entrySet()) {
            if (!live.contains(e.getKey())) {
                all.add(e.getValue());
            }
        }
        all.addAll(added);
        all.sort(Comparator.comparingLong(QuestionRow::number));
        SiteIndexBuilder builder = new SiteIndexBuilder(runMinimum);
        all.forEach(builder::add);
        return builder.build();
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

    /** One batch of changes applied to a snapshot, copying only what they touch. */
    private static final class Change {
        private final SiteIndex old;
        private final Map<Integer, QuestionRow> updates;
        private final List<QuestionRow> added;
        private final List<Integer> deletes;
        private final int size;

        Change(SiteIndex old, Map<Integer, QuestionRow> updates, List<QuestionRow> added, List<Integer> deletes) {
            this.old = old;
            this.updates = updates;
            this.added = added;
            this.deletes = deletes;
            this.size = old.size + added.size();
        }

        SiteIndex apply() {
            boolean grows = !added.isEmpty();
            boolean revives = updates.keySet().stream().anyMatch(d -> !old.live.contains(d));
            boolean membership = grows || revives || !deletes.isEmpty();

            long[] numbers = grows ? Arrays.copyOf(old.numbers, size) : old.numbers;
            long[] created = copyIf(
                    old.created,
                    membership
                            || updates.entrySet().stream()
                                    .anyMatch(e -> old.created[e.getKey()]
                                            != e.getValue().createdNanos()));
            long[] activity = copyIf(
                    old.activity,
                    membership
                            || updates.entrySet().stream()
                                    .anyMatch(e -> old.activity[e.getKey()]
                                            != e.getValue().activityNanos()));
            long[] rowVersions = Arrays.copyOf(old.rowVersions, size);
            int[] scores = copyIf(
                    old.scores,
                    membership
                            || updates.entrySet().stream()
                                    .anyMatch(e -> old.scores[e.getKey()]
                                            != e.getValue().score()));
            int[] answers = copyIf(
                    old.answers,
                    membership
                            || updates.entrySet().stream()
                                    .anyMatch(e -> old.answers[e.getKey()]
                                            != e.getValue().answerCount()));

            Map<Integer, QuestionRow> written = new LinkedHashMap<>(updates);
            for (int i = 0; i < added.size(); i++) {
                written.put(old.size + i, added.get(i));
            }
            for (Map.Entry<Integer, QuestionRow> e : written.entrySet()) {
                int d = e.getKey();
                QuestionRow row = e.getValue();
                numbers[d] = row.number();
                rowVersions[d] = row.rowVersion();
                if (created != old.created) {
                    created[d] = row.createdNanos();
                }
                if (activity != old.activity) {
                    activity[d] = row.activityNanos();
                }
                if (scores != old.scores) {
                    scores[d] = row.score();
                }
                if (answers != old.answers) {
                    answers[d] = row.answerCount();
                }
            }

            // Tags: the new tag ids of every document written or deleted.
            List<String> newNames = new ArrayList<>();
            for (QuestionRow row : written.values()) {
                for (String name : splitTags(row.tagNames())) {
                    if (old.dictionary.id(name) < 0 && !newNames.contains(name)) {
                        newNames.add(name);
                    }
                }
            }
            TagDictionary dictionary = old.dictionary.with(newNames);
            Map<Integer, int[]> newTags = new HashMap<>();
            for (Map.Entry<Integer, QuestionRow> e : written.entrySet()) {
                List<String> names = splitTags(e.getValue().tagNames());
                int[] ids = new int[names.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = dictionary.id(names.get(i));
                }
                newTags.put(e.getKey(), ids);
            }
            deletes.forEach(d -> newTags.put(d, NO_TAGS));

            RoaringBitmap[] byTag = Arrays.copyOf(old.byTag, dictionary.size());
            for (int id = old.byTag.length; id < byTag.length; id++) {
                byTag[id] = new RoaringBitmap();
            }
            Map<Integer, RoaringBitmap> copied = new HashMap<>();
            RoaringBitmap retagged = new RoaringBitmap();
            boolean tagsChanged = false;
            for (Map.Entry<Integer, int[]> e : newTags.entrySet()) {
                int d = e.getKey();
                int[] before = d < old.size
                        ? Arrays.copyOfRange(old.tagData, old.tagOffsets[d], old.tagOffsets[d + 1])
                        : NO_TAGS;
                int[] after = e.getValue();
                if (Arrays.equals(before, after)) {
                    continue;
                }
                tagsChanged = true;
                retagged.add(d);
                for (int id : before) {
                    if (!contains(after, id)) {
                        copied.computeIfAbsent(id, i -> byTag[i].clone()).remove(d);
                    }
                }
                for (int id : after) {
                    if (!contains(before, id)) {
                        copied.computeIfAbsent(id, i -> byTag[i].clone()).add(d);
                    }
                }
            }
            copied.forEach((id, docs) -> byTag[id] = Postings.denseAsBitsets(docs));
            int[] tagOffsets = old.tagOffsets;
            int[] tagData = old.tagData;
            if (tagsChanged || grows) {
                tagOffsets = new int[size + 1];
                int total = old.tagData.length;
                for (Map.Entry<Integer, int[]> e : newTags.entrySet()) {
                    int d = e.getKey();
                    total += e.getValue().length - (d < old.size ? old.tagOffsets[d + 1] - old.tagOffsets[d] : 0);
                }
                tagData = new int[total];
                int at = 0;
                int d = 0;
                // Untouched runs of documents are copied whole, their offsets shifted; touched ones get their new tags.
                for (int touched : newTags.keySet().stream()
                        .mapToInt(Integer::intValue)
                        .sorted()
                        .toArray()) {
                    int end = Math.min(touched, old.size);
                    if (d < end) {
                        int from = old.tagOffsets[d];
                        int n = old.tagOffsets[end] - from;
                        System.arraycopy(old.tagData, from, tagData, at, n);
                        int shift = at - from;
                        for (int i = d; i < end; i++) {
                            tagOffsets[i] = old.tagOffsets[i] + shift;
                        }
                        at += n;
                        d = end;
                    }
                    for (; d < touched; d++) {
                        tagOffsets[d] = at; // new documents with no tags: cannot happen, every question has one
                    }
                    int[] ids = newTags.get(touched);
                    tagOffsets[touched] = at;
                    System.arraycopy(ids, 0, tagData, at, ids.length);
                    at += ids.length;
                    d = touched + 1;
                }
                if (d < old.size) {
                    int from = old.tagOffsets[d];
                    int n = old.tagOffsets[old.size] - from;
                    System.arraycopy(old.tagData, from, tagData, at, n);
                    int shift = at - from;
                    for (int i = d; i < old.size; i++) {
                        tagOffsets[i] = old.tagOffsets[i] + shift;
                    }
                    at += n;
                    d = old.size;
                }
                for (; d < size; d++) {
                    tagOffsets[d] = at;
                }
                tagOffsets[size] = at;
            }

            RoaringBitmap live = old.live;
            if (membership) {
                live = live.clone();
                for (int d : written.keySet()) {
                    live.add(d);
                }
                for (int d : deletes) {
                    live.remove(d);
                }
            }
            RoaringBitmap unanswered = flags(old.unanswered, written, deletes, row -> row.answerCount() == 0);
            RoaringBitmap acceptedFlags = flags(old.accepted, written, deletes, QuestionRow::accepted);
            RoaringBitmap closedFlags = flags(old.closed, written, deletes, QuestionRow::closed);

            int[][] orders = old.orders.clone();
            int[][] ranks = old.ranks.clone();
            int liveCount = live.getCardinality();
            RoaringBitmap[] movedIn = new RoaringBitmap[Order.ALL.length];
            for (Order order : Order.ALL) {
                RoaringBitmap moved = new RoaringBitmap();
                movedIn[order.ordinal()] = moved;
                for (Map.Entry<Integer, QuestionRow> e : updates.entrySet()) {
                    int d = e.getKey();
                    if (!old.live.contains(d) || order.keyChanged(old, d, e.getValue())) {
                        moved.add(d);
                    }
                }
                deletes.forEach(moved::add);
                for (int i = 0; i < added.size(); i++) {
                    moved.add(old.size + i);
                }
                if (moved.isEmpty()) {
                    continue;
                }
                DocComparator c = order.comparator(numbers, created, activity, scores, answers);
                if (moved.getCardinality() <= FEW) {
                    placeFew(order, moved, live, c, orders, ranks, liveCount);
                    continue;
                }
                int[] before = old.orders[order.ordinal()];
                int[] kept = new int[before.length];
                int k = 0;
                for (int d : before) {
                    if (!moved.contains(d)) {
                        kept[k++] = d;
                    }
                }
                int[] placed = RoaringBitmap.and(moved, live).toArray();
                DocSort.sort(placed, c);
                int[] merged = DocSort.merge(kept, k, placed, c);
                if (merged.length != liveCount) {
                    throw new IllegalStateException("Order " + order + " lost documents");
                }
                int[] rank = new int[size];
                Arrays.fill(rank, DEAD);
                for (int i = 0; i < merged.length; i++) {
                    rank[merged[i]] = i;
                }
                orders[order.ordinal()] = merged;
                ranks[order.ordinal()] = rank;
            }
            for (int o = 0; o < ranks.length; o++) {
                if (ranks[o].length < size) {
                    int[] rank = Arrays.copyOf(ranks[o], size);
                    Arrays.fill(rank, old.size, size, DEAD);
                    ranks[o] = rank;
                }
            }
            int[][][] runs = old.runs.clone();
            for (Order order : Order.ALL) {
                int[][] before = old.runs[order.ordinal()];
                if (before != null) {
                    RoaringBitmap touched = RoaringBitmap.or(movedIn[order.ordinal()], retagged);
                    runs[order.ordinal()] = touched.isEmpty() && before.length == dictionary.size()
                            ? before
                            : Postings.changedRuns(
                                    old,
                                    before,
                                    touched,
                                    newTags,
                                    byTag,
                                    dictionary.size(),
                                    order.comparator(numbers, created, activity, scores, answers));
                }
            }
            TagOrders tagOrders = tagsChanged || dictionary != old.dictionary ? null : old.tagOrders;
            return new SiteIndex(
                    size,
                    numbers,
                    created,
                    activity,
                    rowVersions,
                    scores,
                    answers,
                    tagOffsets,
                    tagData,
                    dictionary,
                    byTag,
                    live,
                    unanswered,
                    acceptedFlags,
                    closedFlags,
                    orders,
                    ranks,
                    runs,
                    old.runMinimum,
                    tagOrders);
        }

        /**
         * Moves a few documents within a copy of the order: take them all out (what remains is sorted by old and new
         * keys alike), then put each live one back where a binary search by the new keys says. Costs a copy and a few
         * shifts of the arrays instead of a pass with a comparison per document.
         */
        private void placeFew(
                Order order,
                RoaringBitmap moved,
                RoaringBitmap live,
                DocComparator c,
                int[][] orders,
                int[][] ranks,
                int liveCount) {
            int[] before = old.orders[order.ordinal()];
            int[] oldRank = old.ranks[order.ordinal()];
            int[] sorted = Arrays.copyOf(before, Math.max(before.length, liveCount));
            int[] rank = Arrays.copyOf(oldRank, size);
            Arrays.fill(rank, old.size, size, DEAD);
            int length = before.length;
            for (int d : moved.toArray()) {
                int at = d < old.size ? oldRank[d] : DEAD;
                if (at != DEAD) {
                    at = rank[d];
                    System.arraycopy(sorted, at + 1, sorted, at, length - at - 1);
                    length--;
                    rank[d] = DEAD;
                    for (int i = at; i < length; i++) {
                        rank[sorted[i]] = i;
                    }
                }
            }
            for (int d : moved.toArray()) {
                if (!live.contains(d)) {
                    continue;
                }
                int lo = 0;
                int hi = length;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (c.compare(sorted[mid], d) < 0) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                System.arraycopy(sorted, lo, sorted, lo + 1, length - lo);
                sorted[lo] = d;
                length++;
                for (int i = lo; i < length; i++) {
                    rank[sorted[i]] = i;
                }
            }
            if (length != liveCount) {
                throw new IllegalStateException("Order " + order + " lost documents");
            }
            orders[order.ordinal()] = sorted.length == length ? sorted : Arrays.copyOf(sorted, length);
            ranks[order.ordinal()] = rank;
        }

        private long[] copyIf(long[] column, boolean changed) {
            return changed ? Arrays.copyOf(column, size) : column;
        }

        private int[] copyIf(int[] column, boolean changed) {
            return changed ? Arrays.copyOf(column, size) : column;
        }

        private static RoaringBitmap flags(
                RoaringBitmap before,
                Map<Integer, QuestionRow> written,
                List<Integer> deletes,
                java.util.function.Predicate<QuestionRow> flag) {
            RoaringBitmap after = null;
            for (Map.Entry<Integer, QuestionRow> e : written.entrySet()) {
                boolean set = flag.test(e.getValue());
                if (set != before.contains(e.getKey())) {
                    after = after == null ? before.clone() : after;
                    if (set) {
                        after.add(e.getKey());
                    } else {
                        after.remove(e.getKey());
                    }
                }
            }
            for (int d : deletes) {
                if (before.contains(d)) {
                    after = after == null ? before.clone() : after;
                    after.remove(d);
                }
            }
            return after == null ? before : after;
        }

        private static boolean contains(int[] ids, int id) {
            for (int i : ids) {
                if (i == id) {
                    return true;
                }
            }
            return false;
        }
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
