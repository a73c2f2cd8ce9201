package org.parley.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.rules.InvalidInputException;

class TagExpressionTest {

    @Test
    void plusAndSpacesMeanAllOf() {
        assertEquals("java jpa", TagExpression.parse("java+jpa").toString());
        assertEquals("java jpa", TagExpression.parse(" Java ,  JPA ").toString());
        assertEquals(2, TagExpression.parse("java+jpa").groups().size());
    }

    @Test
    void orJoinsItsNeighboursAndMinusNegates() {
        TagExpression e = TagExpression.parse("java+jpa or hibernate -spring");
        assertEquals("java jpa or hibernate -spring", e.toString());
        assertEquals(3, e.groups().size());
        assertEquals(
                List.of(new TagExpression.Term("jpa", false), new TagExpression.Term("hibernate", false)),
                e.groups().get(1));
        assertEquals(List.of("java", "jpa", "hibernate"), e.positiveTags());
        assertEquals("java+jpa+or+hibernate+-spring", e.toPath());
        assertEquals(e, TagExpression.parse(e.toPath()));
    }

    @Test
    void tagsWithPlusSignsStayWhole() {
        assertEquals(List.of("c++", "java"), TagExpression.parse("c+++java").tags());
        assertEquals("c++ or c#", TagExpression.parse("c++ or c#").toString());
        assertEquals("c++ -python", TagExpression.parse("c+++-python").toString());
    }

    @Test
    void repeatsCountOnce() {
        assertEquals("java", TagExpression.parse("java java").toString());
        assertEquals(
                "java or kotlin", TagExpression.parse("java or kotlin or java").toString());
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        for (String bad : new String[] {
            "",
            "  ",
            "java$",
            "or java",
            "java or",
            "java or or kotlin",
            "-",
            "java+-",
            "<script>",
            "a".repeat(36),
            "x".repeat(TagExpression.MAX_LENGTH + 1)
        }) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> TagExpression.parse(bad), bad);
            assertTrue(e.getMessage().length() > 10, e.getMessage());
        }
        StringBuilder eleven = new StringBuilder("t0");
        for (int i = 1; i <= TagExpression.MAX_TERMS; i++) {
            eleven.append("+t").append(i);
        }
        InvalidInputException tooMany =
                assertThrows(InvalidInputException.class, () -> TagExpression.parse(eleven.toString()));
        assertEquals("Use at most 10 tags in one list.", tooMany.getMessage());
        assertEquals(
                TagExpression.MAX_TERMS,
                TagExpression.parse(eleven.substring(0, eleven.lastIndexOf("+")))
                        .tags()
                        .size());
    }
}
