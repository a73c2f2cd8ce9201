package org.parley.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.rules.InvalidInputException;

/** Parsing what users type into tag names. */
class TagNamesTest {

    @Test
    void splitsOnSpacesCommasAndPlus() {
        assertEquals(List.of("java", "jpa", "sql", "h2"), TagNames.parse("java jpa,sql+h2"));
        assertEquals(List.of("java", "jpa"), TagNames.parse("  java ,  \t jpa\n"));
        assertEquals(List.of("a", "b"), TagNames.parse(",,a,,+b,,"));
    }

    @Test
    void lowerCasesAndDeduplicatesInOrderOfFirstAppearance() {
        assertEquals(List.of("java", "jpa"), TagNames.parse("Java JPA java jPa"));
    }

    @Test
    void plusSignsInsideANameSurvive() {
        assertEquals(List.of("c++"), TagNames.parse("c++"));
        assertEquals(List.of("c++", "java"), TagNames.parse("c+++java"));
        assertEquals(
                List.of("c++", "c#", ".net", "node.js", "ruby-on-rails"),
                TagNames.parse("C++ C# .NET node.js ruby-on-rails"));
    }

    @Test
    void nullOrBlankGivesNoTags() {
        assertTrue(TagNames.parse(null).isEmpty());
        assertTrue(TagNames.parse("   ").isEmpty());
        assertTrue(TagNames.parse(" , ").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad!", "naïve", "semi;colon", "a/b", "<script>", "under_score", "quote\"", "dollar$"})
    void invalidNamesAreRefusedByName(String bad) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TagNames.parse("java " + bad));
        assertTrue(e.getMessage().contains(bad.toLowerCase(java.util.Locale.ROOT)), e.getMessage());
    }

    @Test
    void namesAreAtMost35Characters() {
        String longest = "a".repeat(35);
        assertEquals(List.of(longest), TagNames.parse(longest));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TagNames.parse("a".repeat(36)));
        assertTrue(e.getMessage().contains("a".repeat(36)));
    }

    @Test
    void theParserDoesNotLimitTheCountButQuestionsDo() {
        assertEquals(7, TagNames.parse("a b c d e f g").size());
    }

    @Test
    void tagNamesValidateOnTheEntityToo() {
        assertTrue(Tag.isValidName("c#"));
        assertFalse(Tag.isValidName("Java"), "names are stored lower-case");
        assertFalse(Tag.isValidName(""));
        assertFalse(Tag.isValidName(null));
        assertThrows(InvalidInputException.class, () -> Tag.checkName("has space"));
    }
}
