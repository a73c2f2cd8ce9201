package org.parley.listing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.parley.listing.DocSort.DocComparator;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * One batch of changes applied to a snapshot, copying only what they touch: after a vote, the score column and the
 * orders by score are copied and one document moved in each, while every other array and bitmap is shared with the
 * snapshot before. Apart from the snapshot because readers never use it.
 *
 * <p>{@link #apply} makes the next snapshot part by part (columns, tags, flags, orders), each step sharing what the
 * batch leaves alone; the tags are {@link TaggingChange}'s, the placing in orders {@link OrderPlacement}'s.
 */
final class SiteIndexChange {

    private final SiteIndex old;
    /** Documents the snapshot has, live or deleted, with the newer rows the batch brings for them. */
    private final Map<Integer, QuestionRow> updates;
    /** New questions, by number, all numbered above the snapshot's: they become the documents after its last. */
    private final List<QuestionRow> added;

    private final List<Integer> deletes;
    /** Every document given a row: the updated ones, and the added ones at their new documents. */
    private final Map<Integer, QuestionRow> written;
    /** Whether the live documents change: some are added, deleted or listed again. */
    private final boolean membership;
    /** The documents after the batch, live or deleted. */
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
        this.written = new LinkedHashMap<>(updates);
        for (int i = 0; i < added.size(); i++) {
            written.put(old.columns.size() + i, added.get(i));
        }
        boolean revives =
                updates.keySet().stream().anyMatch(d -> !old.flags.live().contains(d));
        this.membership = !added.isEmpty() || revives || !deletes.isEmpty();
    }

    private SiteIndex apply() {
        SiteIndex.Columns columns = changedColumns();
        TaggingChange tags = new TaggingChange(old, size, written, deletes);
        SiteIndex.Flags flags = changedFlags();
        SiteIndex.Orderings orderings = changedOrderings(columns, flags.live(), tags);
        TagOrders tagOrders = tags.changesNoTags() ? old.tagOrders : null;
        return new SiteIndex(columns, tags.tagging(), flags, orderings, tagOrders);
    }

    // ---------------------------------------------------------------------------------------------------- columns

    /**
     * The columns with the written rows' fields. A column no row changes is shared, unless documents are added,
     * deleted or listed again; row versions are always copied.
     */
    private SiteIndex.Columns changedColumns() {
        SiteIndex.Columns before = old.columns;
        long[] numbers = added.isEmpty() ? before.numbers() : Arrays.copyOf(before.numbers(), size);
        long[] created = copyIf(
                before.created(), membership || anyUpdate((d, row) -> before.created()[d] != row.createdNanos()));
        long[] activity = copyIf(
                before.activity(), membership || anyUpdate((d, row) -> before.activity()[d] != row.activityNanos()));
        long[] rowVersions = Arrays.copyOf(before.rowVersions(), size);
        int[] scores = copyIf(before.scores(), membership || anyUpdate((d, row) -> before.scores()[d] != row.score()));
        int[] answers =
                copyIf(before.answers(), membership || anyUpdate((d, row) -> before.answers()[d] != row.answerCount()));
        for (Map.Entry<Integer, QuestionRow> e : written.entrySet()) {
            int d = e.getKey();
            QuestionRow row = e.getValue();
            numbers[d] = row.number();
            rowVersions[d] = row.rowVersion();
            if (created != before.created()) {
                created[d] = row.createdNanos();
            }
            if (activity != before.activity()) {
                activity[d] = row.activityNanos();
            }
            if (scores != before.scores()) {
                scores[d] = row.score();
            }
            if (answers != before.answers()) {
                answers[d] = row.answerCount();
            }
        }
        return new SiteIndex.Columns(size, numbers, created, activity, rowVersions, scores, answers);
    }

    /** Whether {@code differs} holds for some updated document and its row. */
    private boolean anyUpdate(BiPredicate<Integer, QuestionRow> differs) {
        return updates.entrySet().stream().anyMatch(e -> differs.test(e.getKey(), e.getValue()));
    }

    private long[] copyIf(long[] column, boolean changed) {
        return changed ? Arrays.copyOf(column, size) : column;
    }

    private int[] copyIf(int[] column, boolean changed) {
        return changed ? Arrays.copyOf(column, size) : column;
    }

    // ---------------------------------------------------------------------------------------------------- flags

    /** The flags after the batch; a bitmap in which no document changes is shared. */
    private SiteIndex.Flags changedFlags() {
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
        return new SiteIndex.Flags(
                live,
                changedFlag(old.flags.unanswered(), row -> row.answerCount() == 0),
                changedFlag(old.flags.accepted(), QuestionRow::accepted),
                changedFlag(old.flags.closed(), QuestionRow::closed));
    }

    /** {@code before} with each written document set as {@code flag} says and each deleted one cleared. */
    private RoaringBitmap changedFlag(RoaringBitmap before, Predicate<QuestionRow> flag) {
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

    // ---------------------------------------------------------------------------------------------------- orders

    /**
     * Each order with the documents the batch moves in it placed anew, and each run remade that a moved or retagged
     * document was or is in; the orders and runs nothing moves in are shared.
     */
    private SiteIndex.Orderings changedOrderings(SiteIndex.Columns columns, RoaringBitmap live, TaggingChange tags) {
        SiteIndex.Tagging tagging = tags.tagging();
        OrderPlacement placement = new OrderPlacement(old.orderings, old.columns.size(), size, live);
        int[][][] runs = old.orderings.runs().clone();
        for (Order order : Order.ALL) {
            RoaringBitmap moved = movedIn(order);
            DocComparator c = order.comparator(columns);
            placement.move(order, moved, c);
            int[][] before = old.orderings.runs()[order.ordinal()];
            if (before != null) {
                RoaringBitmap touched = RoaringBitmap.or(moved, tags.retagged());
                int tagCount = tagging.dictionary().size();
                runs[order.ordinal()] = touched.isEmpty() && before.length == tagCount
                        ? before
                        : Postings.changedRuns(old, before, touched, tags.tagsAfter(), tagging.byTag(), tagCount, c);
            }
        }
        return placement.orderings(runs);
    }

    /** The documents the batch moves in {@code order}: those whose keys change or that are listed again, deleted, added. */
    private RoaringBitmap movedIn(Order order) {
        RoaringBitmap moved = new RoaringBitmap();
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
        return moved;
    }
}
