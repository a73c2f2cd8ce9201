package org.parley.listing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.listing.DocSort.DocComparator;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * One batch of changes applied to a snapshot, copying only what they touch: after a vote, the score column and the
 * orders by score are copied and one document moved in each, while every other array and bitmap is shared with the
 * snapshot before. Apart from the snapshot because readers never use it.
 */
final class SiteIndexChange {

    private static final int[] NO_TAGS = new int[0];
    /** Up to this many documents moved in one order, they are moved in place; more, and the order is merged anew. */
    private static final int FEW = 64;

    private final SiteIndex old;
    private final Map<Integer, QuestionRow> updates;
    private final List<QuestionRow> added;
    private final List<Integer> deletes;
    private final int size;

    /**
     * The snapshot after {@code rows} and {@code gone} (as {@link SiteIndex#withChanges} takes them): {@code old} when
     * nothing changes, a fresh build when a new question is numbered below the highest, else {@code old} with the
     * batch applied.
     */
    static SiteIndex applied(SiteIndex old, Collection<QuestionRow> rows, Collection<Long> gone) {
        Map<Integer, QuestionRow> updates = new LinkedHashMap<>();
        Map<Long, QuestionRow> inserts = new HashMap<>();
        for (QuestionRow row : rows) {
            int doc = old.doc(row.number());
            if (doc >= 0) {
                QuestionRow other = updates.get(doc);
                boolean newer = other == null
                        ? row.rowVersion() > old.columns.rowVersions()[doc]
                                || !old.flags.live().contains(doc)
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
            int doc = old.doc(number);
            if (doc >= 0 && old.flags.live().contains(doc) && !updates.containsKey(doc)) {
                deletes.add(doc);
            }
        }
        if (updates.isEmpty() && inserts.isEmpty() && deletes.isEmpty()) {
            return old;
        }
        List<QuestionRow> added = new ArrayList<>(inserts.values());
        added.sort(Comparator.comparingLong(QuestionRow::number));
        if (!added.isEmpty()
                && old.columns.size() > 0
                && added.get(0).number() < old.columns.numbers()[old.columns.size() - 1]) {
            return rebuiltWith(old, updates, added, deletes);
        }
        return new SiteIndexChange(old, updates, added, deletes).apply();
    }

    /** A new question numbered below the highest: lay every document out again. */
    private static SiteIndex rebuiltWith(
            SiteIndex old, Map<Integer, QuestionRow> updates, List<QuestionRow> added, List<Integer> deletes) {
        List<QuestionRow> all = new ArrayList<>(old.columns.size() + added.size());
        IntIterator it = old.flags.live().getIntIterator();
        while (it.hasNext()) {
            int doc = it.next();
            if (!deletes.contains(doc)) {
                all.add(updates.containsKey(doc) ? updates.get(doc) : old.row(doc));
            }
        }
        for (Map.Entry<Integer, QuestionRow> e : updates.entrySet()) {
            if (!old.flags.live().contains(e.getKey())) {
                all.add(e.getValue());
            }
        }
        all.addAll(added);
        all.sort(Comparator.comparingLong(QuestionRow::number));
        SiteIndexBuilder builder = new SiteIndexBuilder(old.orderings.runMinimum());
        all.forEach(builder::add);
        return builder.build();
    }

    private SiteIndexChange(
            SiteIndex old, Map<Integer, QuestionRow> updates, List<QuestionRow> added, List<Integer> deletes) {
        this.old = old;
        this.updates = updates;
        this.added = added;
        this.deletes = deletes;
        this.size = old.columns.size() + added.size();
    }

    private SiteIndex apply() {
        boolean grows = !added.isEmpty();
        boolean revives =
                updates.keySet().stream().anyMatch(d -> !old.flags.live().contains(d));
        boolean membership = grows || revives || !deletes.isEmpty();

        long[] numbers = grows ? Arrays.copyOf(old.columns.numbers(), size) : old.columns.numbers();
        long[] created = copyIf(
                old.columns.created(),
                membership
                        || updates.entrySet().stream()
                                .anyMatch(e -> old.columns.created()[e.getKey()]
                                        != e.getValue().createdNanos()));
        long[] activity = copyIf(
                old.columns.activity(),
                membership
                        || updates.entrySet().stream()
                                .anyMatch(e -> old.columns.activity()[e.getKey()]
                                        != e.getValue().activityNanos()));
        long[] rowVersions = Arrays.copyOf(old.columns.rowVersions(), size);
        int[] scores = copyIf(
                old.columns.scores(),
                membership
                        || updates.entrySet().stream()
                                .anyMatch(e -> old.columns.scores()[e.getKey()]
                                        != e.getValue().score()));
        int[] answers = copyIf(
                old.columns.answers(),
                membership
                        || updates.entrySet().stream()
                                .anyMatch(e -> old.columns.answers()[e.getKey()]
                                        != e.getValue().answerCount()));

        Map<Integer, QuestionRow> written = new LinkedHashMap<>(updates);
        for (int i = 0; i < added.size(); i++) {
            written.put(old.columns.size() + i, added.get(i));
        }
        for (Map.Entry<Integer, QuestionRow> e : written.entrySet()) {
            int d = e.getKey();
            QuestionRow row = e.getValue();
            numbers[d] = row.number();
            rowVersions[d] = row.rowVersion();
            if (created != old.columns.created()) {
                created[d] = row.createdNanos();
            }
            if (activity != old.columns.activity()) {
                activity[d] = row.activityNanos();
            }
            if (scores != old.columns.scores()) {
                scores[d] = row.score();
            }
            if (answers != old.columns.answers()) {
                answers[d] = row.answerCount();
            }
        }

        // Tags: the new tag ids of every document written or deleted.
        List<String> newNames = new ArrayList<>();
        for (QuestionRow row : written.values()) {
            for (String name : SiteIndex.splitTags(row.tagNames())) {
                if (old.tagging.dictionary().id(name) < 0 && !newNames.contains(name)) {
                    newNames.add(name);
                }
            }
        }
        TagDictionary dictionary = old.tagging.dictionary().with(newNames);
        Map<Integer, int[]> newTags = new HashMap<>();
        for (Map.Entry<Integer, QuestionRow> e : written.entrySet()) {
            List<String> names = SiteIndex.splitTags(e.getValue().tagNames());
            int[] ids = new int[names.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = dictionary.id(names.get(i));
            }
            newTags.put(e.getKey(), ids);
        }
        deletes.forEach(d -> newTags.put(d, NO_TAGS));

        RoaringBitmap[] byTag = Arrays.copyOf(old.tagging.byTag(), dictionary.size());
        for (int id = old.tagging.byTag().length; id < byTag.length; id++) {
            byTag[id] = new RoaringBitmap();
        }
        Map<Integer, RoaringBitmap> copied = new HashMap<>();
        RoaringBitmap retagged = new RoaringBitmap();
        boolean tagsChanged = false;
        for (Map.Entry<Integer, int[]> e : newTags.entrySet()) {
            int d = e.getKey();
            int[] before = d < old.columns.size()
                    ? Arrays.copyOfRange(
                            old.tagging.data(),
                            old.tagging.offsets()[d],
                            old.tagging.offsets()[d + 1])
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
        int[] tagOffsets = old.tagging.offsets();
        int[] tagData = old.tagging.data();
        if (tagsChanged || grows) {
            tagOffsets = new int[size + 1];
            int total = old.tagging.data().length;
            for (Map.Entry<Integer, int[]> e : newTags.entrySet()) {
                int d = e.getKey();
                total += e.getValue().length
                        - (d < old.columns.size()
                                ? old.tagging.offsets()[d + 1] - old.tagging.offsets()[d]
                                : 0);
            }
            tagData = new int[total];
            int at = 0;
            int d = 0;
            // Untouched runs of documents are copied whole, their offsets shifted; touched ones get their new tags.
            for (int touched : newTags.keySet().stream()
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray()) {
                int end = Math.min(touched, old.columns.size());
                if (d < end) {
                    int from = old.tagging.offsets()[d];
                    int n = old.tagging.offsets()[end] - from;
                    System.arraycopy(old.tagging.data(), from, tagData, at, n);
                    int shift = at - from;
                    for (int i = d; i < end; i++) {
                        tagOffsets[i] = old.tagging.offsets()[i] + shift;
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
            if (d < old.columns.size()) {
                int from = old.tagging.offsets()[d];
                int n = old.tagging.offsets()[old.columns.size()] - from;
                System.arraycopy(old.tagging.data(), from, tagData, at, n);
                int shift = at - from;
                for (int i = d; i < old.columns.size(); i++) {
                    tagOffsets[i] = old.tagging.offsets()[i] + shift;
                }
                at += n;
                d = old.columns.size();
            }
            for (; d < size; d++) {
                tagOffsets[d] = at;
            }
            tagOffsets[size] = at;
        }

        RoaringBitmap live = old.flags.live();
        if (membership) {
            live = live.clone();
            for (int d : written.keySet()) {
                live.add(d);
            }
            for (int d : deletes) {
                live.remove(d);
            }
        }
        RoaringBitmap unanswered = flags(old.flags.unanswered(), written, deletes, row -> row.answerCount() == 0);
        RoaringBitmap acceptedFlags = flags(old.flags.accepted(), written, deletes, QuestionRow::accepted);
        RoaringBitmap closedFlags = flags(old.flags.closed(), written, deletes, QuestionRow::closed);

        SiteIndex.Columns columns =
                new SiteIndex.Columns(size, numbers, created, activity, rowVersions, scores, answers);
        int[][] orders = old.orderings.orders().clone();
        int[][] ranks = old.orderings.ranks().clone();
        int liveCount = live.getCardinality();
        RoaringBitmap[] movedIn = new RoaringBitmap[Order.ALL.length];
        for (Order order : Order.ALL) {
            RoaringBitmap moved = new RoaringBitmap();
            movedIn[order.ordinal()] = moved;
            for (Map.Entry<Integer, QuestionRow> e : updates.entrySet()) {
                int d = e.getKey();
                if (!old.flags.live().contains(d) || order.keyChanged(old.columns, d, e.getValue())) {
                    moved.add(d);
                }
            }
            deletes.forEach(moved::add);
            for (int i = 0; i < added.size(); i++) {
                moved.add(old.columns.size() + i);
            }
            if (moved.isEmpty()) {
                continue;
            }
            DocComparator c = order.comparator(columns);
            if (moved.getCardinality() <= FEW) {
                placeFew(order, moved, live, c, orders, ranks, liveCount);
                continue;
            }
            int[] before = old.orderings.orders()[order.ordinal()];
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
            Arrays.fill(rank, SiteIndex.DEAD);
            for (int i = 0; i < merged.length; i++) {
                rank[merged[i]] = i;
            }
            orders[order.ordinal()] = merged;
            ranks[order.ordinal()] = rank;
        }
        for (int o = 0; o < ranks.length; o++) {
            if (ranks[o].length < size) {
                int[] rank = Arrays.copyOf(ranks[o], size);
                Arrays.fill(rank, old.columns.size(), size, SiteIndex.DEAD);
                ranks[o] = rank;
            }
        }
        int[][][] runs = old.orderings.runs().clone();
        for (Order order : Order.ALL) {
            int[][] before = old.orderings.runs()[order.ordinal()];
            if (before != null) {
                RoaringBitmap touched = RoaringBitmap.or(movedIn[order.ordinal()], retagged);
                runs[order.ordinal()] = touched.isEmpty() && before.length == dictionary.size()
                        ? before
                        : Postings.changedRuns(
                                old, before, touched, newTags, byTag, dictionary.size(), order.comparator(columns));
            }
        }
        TagOrders tagOrders = tagsChanged || dictionary != old.tagging.dictionary() ? null : old.tagOrders;
        return new SiteIndex(
                columns,
                new SiteIndex.Tagging(tagOffsets, tagData, dictionary, byTag),
                new SiteIndex.Flags(live, unanswered, acceptedFlags, closedFlags),
                new SiteIndex.Orderings(orders, ranks, runs, old.orderings.runMinimum()),
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
        int[] before = old.orderings.orders()[order.ordinal()];
        int[] oldRank = old.orderings.ranks()[order.ordinal()];
        int[] sorted = Arrays.copyOf(before, Math.max(before.length, liveCount));
        int[] rank = Arrays.copyOf(oldRank, size);
        Arrays.fill(rank, old.columns.size(), size, SiteIndex.DEAD);
        int length = before.length;
        for (int d : moved.toArray()) {
            int at = d < old.columns.size() ? oldRank[d] : SiteIndex.DEAD;
            if (at != SiteIndex.DEAD) {
                at = rank[d];
                System.arraycopy(sorted, at + 1, sorted, at, length - at - 1);
                length--;
                rank[d] = SiteIndex.DEAD;
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
