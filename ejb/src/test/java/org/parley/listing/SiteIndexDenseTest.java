package org.parley.listing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * Tag bitmaps whose dense blocks are bitsets below Roaring's own threshold ({@link Postings#denseAsBitsets}) answer
 * every operation the engine uses exactly as the same documents in Roaring's usual form, before and after a change.
 */
class SiteIndexDenseTest {

    @Test
    void denseBlocksAnswerLikeArrays() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            RoaringBitmap a = randomDocs(random);
            RoaringBitmap b = randomDocs(random);
            RoaringBitmap da = Postings.denseAsBitsets(a.clone());
            RoaringBitmap db = Postings.denseAsBitsets(b.clone());
            assertArrayEquals(a.toArray(), da.toArray());
            for (RoaringBitmap x : new RoaringBitmap[] {a, da}) {
                for (RoaringBitmap y : new RoaringBitmap[] {b, db}) {
                    assertArrayEquals(
                            RoaringBitmap.and(a, b).toArray(),
                            RoaringBitmap.and(x, y).toArray());
                    assertArrayEquals(
                            RoaringBitmap.or(a, b).toArray(),
                            RoaringBitmap.or(x, y).toArray());
                    assertArrayEquals(
                            RoaringBitmap.andNot(a, b).toArray(),
                            RoaringBitmap.andNot(x, y).toArray());
                    assertEquals(RoaringBitmap.andCardinality(a, b), RoaringBitmap.andCardinality(x, y));
                    assertEquals(RoaringBitmap.orCardinality(a, b), RoaringBitmap.orCardinality(x, y));
                    assertEquals(RoaringBitmap.andNotCardinality(a, b), RoaringBitmap.andNotCardinality(x, y));
                }
            }
            int doc = random.nextInt(200_000);
            assertEquals(a.contains(doc), da.contains(doc));
            assertEquals(a.getCardinality(), da.getCardinality());
            RoaringBitmap changed = a.clone();
            RoaringBitmap denseChanged = da.clone();
            for (int i = 0; i < 50; i++) {
                int d = random.nextInt(200_000);
                if (random.nextBoolean()) {
                    changed.add(d);
                    denseChanged.add(d);
                } else {
                    changed.remove(d);
                    denseChanged.remove(d);
                }
            }
            assertArrayEquals(
                    changed.toArray(), Postings.denseAsBitsets(denseChanged).toArray());
            assertArrayEquals(a.toArray(), da.toArray(), "a clone changed, not the original");
        }
    }

    @Test
    void sparseBitmapsAreKeptAsTheyAre() {
        RoaringBitmap sparse = RoaringBitmap.bitmapOf(1, 70_000, 140_000);
        assertEquals(sparse, Postings.denseAsBitsets(sparse));
        RoaringBitmap dense = new RoaringBitmap();
        for (int d = 0; d < 65_536; d += 20) {
            dense.add(d); // 3,277 in one block: an array in Roaring's form, a bitset here
        }
        assertNotSame(dense, Postings.denseAsBitsets(dense));
        assertTrue(Postings.denseAsBitsets(dense).getContainerPointer().isBitmapContainer(), "a bitset");
    }

    /** Documents in three or four blocks, each block sparse, dense-below-4,096 or full, at random. */
    private static RoaringBitmap randomDocs(Random random) {
        RoaringBitmap docs = new RoaringBitmap();
        int blocks = 3 + random.nextInt(2);
        for (int block = 0; block < blocks; block++) {
            int every = new int[] {200, 25, 18, 10, 3}[random.nextInt(5)];
            for (int d = block << 16; d < (block + 1) << 16; d++) {
                if (random.nextInt(every) == 0) {
                    docs.add(d);
                }
            }
        }
        docs.runOptimize();
        return docs;
    }
}
