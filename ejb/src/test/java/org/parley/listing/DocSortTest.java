package org.parley.listing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DocSortTest {

    @Test
    void sliceSortedLeavesThePlacesOfTheSortedArray() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            int length = random.nextInt(200);
            // Distinct values, as ranks are.
            int[] values = random.ints(0, 1_000).distinct().limit(length).toArray();
            length = values.length;
            int[] sorted = values.clone();
            Arrays.sort(sorted);
            int from = length == 0 ? 0 : random.nextInt(length + 1);
            int to = from + random.nextInt(40);
            int[] a = values.clone();
            DocSort.sliceSorted(a, length, from, to);
            int end = Math.min(to, length);
            assertArrayEquals(
                    Arrays.copyOfRange(sorted, Math.min(from, end), end),
                    Arrays.copyOfRange(a, Math.min(from, end), end),
                    "length " + length + ", [" + from + ", " + to + ")");
        }
    }
}
