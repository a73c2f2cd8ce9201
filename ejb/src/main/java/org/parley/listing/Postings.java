package org.parley.listing;

import java.util.Arrays;
import java.util.Map;
import org.parley.listing.DocSort.DocComparator;
import org.roaringbitmap.ArrayContainer;
import org.roaringbitmap.Container;
import org.roaringbitmap.ContainerPointer;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * A tag's documents in the two forms lists read them in: a bitmap, with dense blocks as bitsets, and for a large tag a
 * run per order. The build makes them whole and a change remakes the few it touches; both must lay them out alike, so
 * the making of both forms lives here.
 */
final class Postings {

    /**
     * A tag's documents within one block of 2^16 documents are kept as a bitset (8 KB) from this many on, where
     * Roaring keeps a sorted array up to 4,096: the total of a two-tag AND is then an AND and a bit count over 1,024
     * words per block, instead of a bit test per array value (at 1M questions, page 1 of two popular tags went from
     * 45–50 to 13–18 µs of CPU). A block costs at most 4 KB more this way, 2 B per document of a tag that dense.
     */
    static final int DENSE = 2_048;

    private Postings() {}

    /** {@code docs}, with each block of at least {@link #DENSE} documents kept as an array turned into a bitset. */
    static RoaringBitmap denseAsBitsets(RoaringBitmap docs) {
        boolean any = false;
        for (ContainerPointer p = docs.getContainerPointer(); p.getContainer() != null; p.advance()) {
            any |= p.getContainer() instanceof ArrayContainer && p.getCardinality() >= DENSE;
        }
        if (!any) {
            return docs;
        }
        RoaringBitmap dense = new RoaringBitmap();
        for (ContainerPointer p = docs.getContainerPointer(); p.getContainer() != null; p.advance()) {
            Container block = p.getContainer();
            dense.append(
                    p.key(),
                    block instanceof ArrayContainer array && array.getCardinality() >= DENSE
                            ? array.toBitmapContainer()
                            : block);
        }
        return dense;
    }

    /** The runs of every tag with at least {@code minimum} documents, in each order with runs. */
    static int[][][] makeRuns(int minimum, RoaringBitmap[] byTag, int[][] orders, int[] tagOffsets, int[] tagData) {
        int[][][] runs = new int[Order.ALL.length][][];
        for (Order order : Order.ALL) {
            if (!order.hasRuns()) {
                continue;
            }
            int[][] byTagRun = new int[byTag.length][];
            int[] fill = new int[byTag.length];
            for (int t = 0; t < byTag.length; t++) {
                int n = byTag[t].getCardinality();
                if (n >= minimum && n > 0) {
                    byTagRun[t] = new int[n];
                }
            }
            for (int doc : orders[order.ordinal()]) {
                for (int i = tagOffsets[doc]; i < tagOffsets[doc + 1]; i++) {
                    int[] run = byTagRun[tagData[i]];
                    if (run != null) {
                        run[fill[tagData[i]]++] = doc;
                    }
                }
            }
            runs[order.ordinal()] = byTagRun;
        }
        return runs;
    }

    /**
     * The runs of one order after a change: each run of a tag that a touched document (moved in the order, or with
     * changed tags) had or has is merged anew from its untouched documents and the touched ones that now carry the
     * tag; the others are shared. Tags new to the dictionary get no run.
     *
     * @param old the snapshot the change is applied to, for the tags the touched documents had
     */
    static int[][] changedRuns(
            SiteIndex old,
            int[][] before,
            RoaringBitmap touched,
            Map<Integer, int[]> newTags,
            RoaringBitmap[] byTag,
            int tagCount,
            DocComparator c) {
        int[][] after = Arrays.copyOf(before, tagCount);
        RoaringBitmap tags = new RoaringBitmap();
        IntIterator it = touched.getIntIterator();
        while (it.hasNext()) {
            int d = it.next();
            if (d < old.columns.size()) {
                for (int i = old.tagging.offsets()[d]; i < old.tagging.offsets()[d + 1]; i++) {
                    tags.add(old.tagging.data()[i]);
                }
            }
            int[] now = newTags.get(d);
            if (now != null) {
                for (int id : now) {
                    tags.add(id);
                }
            }
        }
        it = tags.getIntIterator();
        while (it.hasNext()) {
            int t = it.next();
            if (t >= before.length || before[t] == null) {
                continue;
            }
            int[] run = before[t];
            int[] kept = new int[run.length];
            int k = 0;
            for (int d : run) {
                if (!touched.contains(d)) {
                    kept[k++] = d;
                }
            }
            int[] placed = RoaringBitmap.and(touched, byTag[t]).toArray();
            DocSort.sort(placed, c);
            after[t] = DocSort.merge(kept, k, placed, c);
        }
        return after;
    }
}
