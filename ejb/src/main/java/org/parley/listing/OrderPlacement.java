package org.parley.listing;

import java.util.Arrays;
import org.parley.listing.DocSort.DocComparator;
import org.roaringbitmap.RoaringBitmap;

/**
 * A snapshot's orders and ranks with the documents a change moves placed anew, each order copied only if something
 * moves in it. Apart from the change because keeping an order sorted with its ranks the inverse is one algorithm with
 * one invariant (every live document exactly once), done two ways: in place for a few documents, by a merge for many.
 */
final class OrderPlacement {

    /** Up to this many documents moved in one order, they are moved in place; more, and the order is merged anew. */
    private static final int FEW = 64;

    private final SiteIndex.Orderings old;
    // The documents before the change and after it, live or deleted.
    private final int oldSize;
    private final int size;
    private final RoaringBitmap live;
    private final int liveCount;
    private final int[][] orders;
    private final int[][] ranks;

    OrderPlacement(SiteIndex.Orderings old, int oldSize, int size, RoaringBitmap live) {
        this.old = old;
        this.oldSize = oldSize;
        this.size = size;
        this.live = live;
        this.liveCount = live.getCardinality();
        this.orders = old.orders().clone();
        this.ranks = old.ranks().clone();
    }

    /**
     * Places {@code moved} anew in {@code order} by {@code c}: the documents whose keys changed go to their new places,
     * deleted ones leave, added and listed-again ones come in.
     */
    void move(Order order, RoaringBitmap moved, DocComparator c) {
        if (moved.getCardinality() > FEW) {
            mergeAnew(order, moved, c);
        } else if (!moved.isEmpty()) {
            placeFew(order, moved, c);
        }
    }

    /** The orders and ranks after every move, with {@code runs}. */
    SiteIndex.Orderings orderings(int[][][] runs) {
        for (int o = 0; o < ranks.length; o++) {
            if (ranks[o].length < size) {
                int[] rank = Arrays.copyOf(ranks[o], size);
                Arrays.fill(rank, oldSize, size, SiteIndex.DEAD);
                ranks[o] = rank;
            }
        }
        return new SiteIndex.Orderings(orders, ranks, runs, old.runMinimum());
    }

    /**
     * Places many documents anew in an order: the others keep their order, the live moved ones are sorted, and the
     * two are merged; one pass over the order instead of a binary search and a shift per document.
     */
    private void mergeAnew(Order order, RoaringBitmap moved, DocComparator c) {
        int[] before = old.orders()[order.ordinal()];
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

    /**
     * Moves a few documents within a copy of the order: take them all out (what remains is sorted by old and new
     * keys alike), then put each live one back where a binary search by the new keys says. Costs a copy and a few
     * shifts of the arrays instead of a pass with a comparison per document.
     */
    private void placeFew(Order order, RoaringBitmap moved, DocComparator c) {
        int[] before = old.orders()[order.ordinal()];
        int[] oldRank = old.ranks()[order.ordinal()];
        int[] sorted = Arrays.copyOf(before, Math.max(before.length, liveCount));
        int[] rank = Arrays.copyOf(oldRank, size);
        Arrays.fill(rank, oldSize, size, SiteIndex.DEAD);
        int length = before.length;
        for (int d : moved.toArray()) {
            int at = d < oldSize ? oldRank[d] : SiteIndex.DEAD;
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
}
