package org.parley.listing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/**
 * Builds a snapshot from rows given in any order; documents are numbered in order of question number. Apart from the
 * snapshot because a snapshot never changes: this is the one place whose arrays grow row by row (at start, a million
 * rows streamed from the database), renumbered once by question number and handed over.
 */
final class SiteIndexBuilder {
    private int size;
    private long[] numbers = new long[1024];
    private long[] created = new long[1024];
    private long[] activity = new long[1024];
    private long[] rowVersions = new long[1024];
    private int[] scores = new int[1024];
    private int[] answers = new int[1024];
    private int[] tagOffsets = new int[1025];
    private int[] tagData = new int[4096];
    private final List<String> names = new ArrayList<>();
    /** Tag ids by hash of their names ({@link #tagId}); -1 is a free slot. */
    private int[] table = newTable();

    private final RoaringBitmap unanswered = new RoaringBitmap();
    private final RoaringBitmap accepted = new RoaringBitmap();
    private final RoaringBitmap closed = new RoaringBitmap();
    private final int runMinimum;
    /** Whether each row so far came after the one before, so the documents are already in order of number. */
    private boolean inOrder = true;

    SiteIndexBuilder() {
        this(SiteIndex.RUN_MINIMUM);
    }

    private static int[] newTable() {
        int[] table = new int[1024];
        Arrays.fill(table, -1);
        return table;
    }

    /** @param runMinimum the fewest questions a tag has to get runs (tests make it small) */
    SiteIndexBuilder(int runMinimum) {
        this.runMinimum = runMinimum;
    }

    /** Adds a question; {@link #build} rejects two rows with one number. */
    SiteIndexBuilder add(QuestionRow row) {
        if (size > 0 && row.number() <= numbers[size - 1]) {
            inOrder = false;
        }
        if (size == numbers.length) {
            int grown = size * 2;
            numbers = Arrays.copyOf(numbers, grown);
            created = Arrays.copyOf(created, grown);
            activity = Arrays.copyOf(activity, grown);
            rowVersions = Arrays.copyOf(rowVersions, grown);
            scores = Arrays.copyOf(scores, grown);
            answers = Arrays.copyOf(answers, grown);
            tagOffsets = Arrays.copyOf(tagOffsets, grown + 1);
        }
        int d = size++;
        numbers[d] = row.number();
        created[d] = row.createdNanos();
        activity[d] = row.activityNanos();
        rowVersions[d] = row.rowVersion();
        scores[d] = row.score();
        answers[d] = row.answerCount();
        if (row.answerCount() == 0) {
            unanswered.add(d);
        }
        if (row.accepted()) {
            accepted.add(d);
        }
        if (row.closed()) {
            closed.add(d);
        }
        int at = tagOffsets[d];
        String tagNames = row.tagNames();
        int start = 0;
        int length = tagNames.length();
        while (start < length) {
            int end = tagNames.indexOf('|', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                int id = tagId(tagNames, start, end);
                if (!repeated(tagData, tagOffsets[d], at, id)) {
                    if (at == tagData.length) {
                        tagData = Arrays.copyOf(tagData, tagData.length * 2);
                    }
                    tagData[at++] = id;
                }
            }
            start = end + 1;
        }
        tagOffsets[d + 1] = at;
        return this;
    }

    private static boolean repeated(int[] data, int from, int to, int id) {
        for (int i = from; i < to; i++) {
            if (data[i] == id) {
                return true;
            }
        }
        return false;
    }

    /**
     * The id of the name {@code tagNames[start, end)}, a new one when first seen: an open-addressing table over the
     * names' hashes, probed with the characters in place, so that a row's names are not cut into strings (the
     * build spent a third of its time in {@code HashMap} lookups of fresh substrings).
     */
    private int tagId(String tagNames, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + tagNames.charAt(i);
        }
        int mask = table.length - 1;
        int length = end - start;
        for (int slot = slot(hash, mask); ; slot = (slot + 1) & mask) {
            int id = table[slot];
            if (id < 0) {
                String name = tagNames.substring(start, end);
                names.add(name);
                table[slot] = names.size() - 1;
                if (names.size() * 2 > table.length) {
                    grow();
                }
                return names.size() - 1;
            }
            String name = names.get(id);
            if (name.length() == length && name.regionMatches(0, tagNames, start, length)) {
                return id;
            }
        }
    }

    private void grow() {
        table = new int[table.length * 2];
        Arrays.fill(table, -1);
        int mask = table.length - 1;
        for (int id = 0; id < names.size(); id++) {
            int slot = slot(names.get(id).hashCode(), mask);
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id;
        }
    }

    /**
     * The first slot of a hash: Fibonacci hashing, the high bits of the hash times 2^32/φ. Names like {@code t1a},
     * {@code t1b} have consecutive {@code String} hashes, which in their low bits would fill runs of slots and make
     * the linear probing long.
     */
    private static int slot(int hash, int mask) {
        return ((hash * 0x9E3779B9) >>> (32 - Integer.bitCount(mask))) & mask;
    }

    /**
     * Renumbers the documents added so far in order of question number: the database hands rows in the order of
     * whatever index it reads, and sorting them here is cheaper than its sort (at 1M questions H2 sorted them on disk).
     */
    private void sortByNumber() {
        int n = size;
        long[] by = numbers;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        DocSort.sort(perm, (a, b) -> Long.compare(by[a], by[b]));
        int[] docOf = new int[n];
        int[] offsets = new int[n + 1];
        int[] data = new int[tagOffsets[n]];
        int at = 0;
        for (int i = 0; i < n; i++) {
            int d = perm[i];
            if (i > 0 && numbers[d] == numbers[perm[i - 1]]) {
                throw new IllegalArgumentException("Question " + numbers[d] + " was added twice");
            }
            docOf[d] = i;
            offsets[i] = at;
            int length = tagOffsets[d + 1] - tagOffsets[d];
            System.arraycopy(tagData, tagOffsets[d], data, at, length);
            at += length;
        }
        offsets[n] = at;
        numbers = permuted(numbers, perm);
        created = permuted(created, perm);
        activity = permuted(activity, perm);
        rowVersions = permuted(rowVersions, perm);
        scores = permuted(scores, perm);
        answers = permuted(answers, perm);
        tagOffsets = offsets;
        tagData = data;
        for (RoaringBitmap flags : List.of(unanswered, accepted, closed)) {
            int[] docs = flags.toArray();
            flags.clear();
            for (int d : docs) {
                flags.add(docOf[d]);
            }
        }
        inOrder = true;
    }

    /** @throws IllegalArgumentException when two rows had the same number */
    SiteIndex build() {
        if (!inOrder) {
            sortByNumber();
        }
        int n = size;
        int tagCount = names.size();
        int[] postings = new int[tagCount + 1];
        int total = tagOffsets[n];
        for (int i = 0; i < total; i++) {
            postings[tagData[i] + 1]++;
        }
        for (int t = 0; t < tagCount; t++) {
            postings[t + 1] += postings[t];
        }
        int[] docs = new int[total];
        int[] fill = Arrays.copyOf(postings, tagCount);
        for (int d = 0; d < n; d++) {
            for (int i = tagOffsets[d]; i < tagOffsets[d + 1]; i++) {
                docs[fill[tagData[i]]++] = d;
            }
        }
        RoaringBitmap[] byTag = new RoaringBitmap[tagCount];
        for (int t = 0; t < tagCount; t++) {
            RoaringBitmap bitmap = new RoaringBitmap();
            bitmap.addN(docs, postings[t], postings[t + 1] - postings[t]);
            bitmap.runOptimize();
            bitmap.trim();
            byTag[t] = Postings.denseAsBitsets(bitmap);
        }
        RoaringBitmap live = new RoaringBitmap();
        live.add(0L, (long) n);
        SiteIndex.Columns columns = new SiteIndex.Columns(
                n,
                Arrays.copyOf(numbers, n),
                Arrays.copyOf(created, n),
                Arrays.copyOf(activity, n),
                Arrays.copyOf(rowVersions, n),
                Arrays.copyOf(scores, n),
                Arrays.copyOf(answers, n));
        int[][] orders = new int[Order.ALL.length][];
        int[][] ranks = new int[Order.ALL.length][];
        for (Order order : Order.ALL) {
            int[] sorted = new int[n];
            for (int d = 0; d < n; d++) {
                sorted[d] = d;
            }
            DocSort.sort(sorted, order.comparator(columns));
            int[] rank = new int[n];
            for (int i = 0; i < n; i++) {
                rank[sorted[i]] = i;
            }
            orders[order.ordinal()] = sorted;
            ranks[order.ordinal()] = rank;
        }
        for (RoaringBitmap flags : List.of(unanswered, accepted, closed)) {
            flags.runOptimize();
            flags.trim();
        }
        return new SiteIndex(
                columns,
                new SiteIndex.Tagging(
                        Arrays.copyOf(tagOffsets, n + 1),
                        Arrays.copyOf(tagData, total),
                        TagDictionary.of(names),
                        byTag),
                new SiteIndex.Flags(live, unanswered, accepted, closed),
                new SiteIndex.Orderings(
                        orders, ranks, Postings.makeRuns(runMinimum, byTag, orders, tagOffsets, tagData), runMinimum),
                null);
    }

    /** {@code a} with its first {@code perm.length} values in the order {@code perm} gives. */
    private static long[] permuted(long[] a, int[] perm) {
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = a[perm[i]];
        }
        return out;
    }

    private static int[] permuted(int[] a, int[] perm) {
        int[] out = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = a[perm[i]];
        }
        return out;
    }
}
