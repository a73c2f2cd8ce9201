package org.parley.dump.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generated dumps' vocabulary: its size and inflections, Zipf draws, and the same words for the same seed. */
class VocabularyTest {

    static final Vocabulary WORDS = new Vocabulary(1, DumpGenerator.PSEUDO_STEMS);

    @Test
    void tensOfThousandsOfDistinctFormsStopWordsFirstAndInflectionsForTheStemmer() {
        assertTrue(WORDS.size() > 40_000 && WORDS.size() < 60_000, "forms: " + WORDS.size());
        Set<String> distinct = new HashSet<>();
        for (int r = 0; r < WORDS.size(); r++) {
            assertTrue(WORDS.word(r).matches("[a-z]{1,20}"), WORDS.word(r));
            distinct.add(WORDS.word(r));
        }
        assertEquals(WORDS.size(), distinct.size(), "every form once");
        assertEquals("the", WORDS.word(0));
        assertEquals(
                Set.of("the", "of", "and", "to", "a"),
                Set.of(WORDS.word(0), WORDS.word(1), WORDS.word(2), WORDS.word(3), WORDS.word(4)));

        int plural = 0;
        int ingAndEd = 0;
        for (int s = WORDS.coreStems(); s < WORDS.stems(); s++) {
            int[] forms = WORDS.forms(s);
            String base = WORDS.word(forms[0]);
            Set<String> others = new HashSet<>();
            for (int i = 1; i < forms.length; i++) {
                assertTrue(forms[i] > forms[0], "an inflection is rarer than its base form: " + base);
                others.add(WORDS.word(forms[i]));
            }
            plural += others.contains(Vocabulary.plural(base)) ? 1 : 0;
            ingAndEd += others.contains(Vocabulary.ing(base)) && others.contains(Vocabulary.ed(base)) ? 1 : 0;
        }
        assertTrue(plural > 0.6 * DumpGenerator.PSEUDO_STEMS, "stems with a plural: " + plural);
        assertTrue(ingAndEd > 0.2 * DumpGenerator.PSEUDO_STEMS, "stems with -ing and -ed: " + ingAndEd);
    }

    @Test
    void drawsFollowZipfTheFirstWordTenTimesTheTenthAndAHundredTimesTheHundredth() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 2_000_000;
        int[] count = new int[WORDS.size()];
        for (int i = 0; i < n; i++) {
            count[WORDS.sample(random)]++;
        }
        double first = count[0];
        assertEquals(WORDS.frequency(0), first / n, 0.03 * WORDS.frequency(0), "share of 'the'");
        assertRatio(2, first / count[1], 0.05);
        assertRatio(10, first / count[9], 0.08);
        assertRatio(100, first / count[99], 0.12);
        // The tail is drawn too: most forms appear in two million words, as in a real corpus of that size.
        long seen = java.util.Arrays.stream(count).filter(c -> c > 0).count();
        assertTrue(seen > 0.9 * WORDS.size(), "forms drawn at least once: " + seen);
        // The ranks 1,000-10,000 together: (H(10000) - H(1000)) / H(n) of all words.
        long mid = 0;
        double expected = 0;
        for (int r = 999; r < 10_000; r++) {
            mid += count[r];
            expected += WORDS.frequency(r);
        }
        assertEquals(expected, (double) mid / n, 0.02 * expected, "ranks 1,000-10,000");
    }

    private static void assertRatio(double expected, double actual, double tolerance) {
        assertEquals(expected, actual, expected * tolerance, "rank 1 over rank " + (int) expected);
    }

    @Test
    void theSameSeedGivesTheSameWordsAndDrawsAndAnotherSeedOtherWords() {
        Vocabulary again = new Vocabulary(1, DumpGenerator.PSEUDO_STEMS);
        Vocabulary other = new Vocabulary(2, DumpGenerator.PSEUDO_STEMS);
        String[] a = new String[WORDS.size()];
        String[] b = new String[again.size()];
        for (int r = 0; r < a.length; r++) {
            a[r] = WORDS.word(r);
            b[r] = again.word(r);
        }
        assertArrayEquals(a, b);
        SplittableRandom r1 = new SplittableRandom(9);
        SplittableRandom r2 = new SplittableRandom(9);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(WORDS.sample(r1), again.sample(r2));
        }
        int differ = 0;
        for (int r = WORDS.coreStems(); r < WORDS.coreStems() + 1000; r++) {
            differ += WORDS.word(r).equals(other.word(r)) ? 0 : 1;
        }
        assertTrue(differ > 900, "another seed, other pseudo-words: " + differ);
    }
}
