package org.parley.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void lowerCaseWordsJoinedByHyphens() {
        assertEquals("how-do-i-tune-a-derailleur", Slugs.slugify("How do I tune a derailleur?"));
        assertEquals("c-vs-java-which-is-faster", Slugs.slugify("C++ vs. Java: which is faster?!"));
        assertEquals("hello-world", Slugs.slugify("  --Hello,   World--  "));
        assertEquals("java-17-records", Slugs.slugify("Java 17 records"));
    }

    @Test
    void accentsAreDroppedAndOtherScriptsRemoved() {
        assertEquals("creme-brulee-a-la-francaise", Slugs.slugify("Crème brûlée à la française"));
        assertEquals("uber-strasse", Slugs.slugify("Über Straße".replace("ß", "ss")));
        assertEquals("tokyo", Slugs.slugify("東京 tokyo"));
    }

    @Test
    void emptyResultsFallBack() {
        assertEquals(Slugs.FALLBACK, Slugs.slugify(null));
        assertEquals(Slugs.FALLBACK, Slugs.slugify(""));
        assertEquals(Slugs.FALLBACK, Slugs.slugify("?!#"));
        assertEquals(Slugs.FALLBACK, Slugs.slugify("東京"));
    }

    @Test
    void atMost80CharactersCutAtAWordBoundary() {
        String title = "word ".repeat(40);
        String slug = Slugs.slugify(title);
        assertTrue(slug.length() <= 80, slug);
        assertFalse(slug.endsWith("-"));
        assertTrue(slug.endsWith("word"), slug);
        assertEquals(79, slug.length(), "16 whole words and their hyphens");
    }

    @Test
    void aSingleHugeWordIsCutAt80() {
        assertEquals("a".repeat(80), Slugs.slugify("a".repeat(200)));
    }

    @Test
    void onlySafeCharactersRemain() {
        String slug = Slugs.slugify("<script>alert('x')</script> \"quoted\" /path\\ %20 & more");
        assertTrue(slug.matches("[a-z0-9]+(-[a-z0-9]+)*"), slug);
    }
}
