package org.parley.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceLinksTest {

    private static final String HOST = "beer.stackexchange.com";

    @Test
    void linksToPostsThatExistHerePointHere() {
        String html = "<p>See <a href=\"https://beer.stackexchange.com/questions/123/what-is-ale\">this</a>,"
                + " <a href=\"http://beer.stackexchange.com/q/7\">that</a>,"
                + " <a href=\"https://beer.stackexchange.com/questions/123/what-is-ale/456#456\">an answer</a>,"
                + " <a href=\"https://beer.stackexchange.com/a/456/12\">a share link</a>"
                + " and <a href=\"https://beer.stackexchange.com/questions/999/gone\">a missing one</a>.</p>";

        assertEquals(List.of(123L, 7L, 456L, 999L), List.copyOf(SourceLinks.targets(html, HOST)));
        assertEquals(
                "<p>See <a href=\"/questions/123\">this</a>,"
                        + " <a href=\"http://beer.stackexchange.com/q/7\">that</a>,"
                        + " <a href=\"/questions/456\">an answer</a>,"
                        + " <a href=\"/questions/456\">a share link</a>"
                        + " and <a href=\"https://beer.stackexchange.com/questions/999/gone\">a missing one</a>.</p>",
                SourceLinks.rewrite(html, HOST, Set.of(123L, 456L)));
    }

    @Test
    void onlyBodiesWithAbsolutePostLinksAreLookedAt() {
        assertEquals(true, SourceLinks.mayLink("<a href=\"https://beer.stackexchange.com/q/7\">x</a>"));
        assertEquals(false, SourceLinks.mayLink("<a href=\"/questions/7\">x</a>"));
        assertEquals(false, SourceLinks.mayLink(null));
    }

    @Test
    void otherSitesAndPagesAreLeftAlone() {
        String html = "<a href=\"https://meta.beer.stackexchange.com/questions/5/x\">meta</a>"
                + " <a href=\"https://beer.stackexchange.com/users/5/x\">a user</a>"
                + " <a href=\"https://beer.stackexchange.com.evil.example/questions/5\">not it</a>";

        assertEquals(Set.of(), SourceLinks.targets(html, HOST));
        assertEquals(html, SourceLinks.rewrite(html, HOST, Set.of(5L)));
        assertEquals(html, SourceLinks.rewrite(html, null, Set.of(5L)));
    }

    @Test
    void aFragmentOnAQuestionLinkIsKept() {
        assertEquals(
                "<a href=\"/questions/12#comment-3\">c</a>",
                SourceLinks.rewrite(
                        "<a href=\"https://beer.stackexchange.com/questions/12/slug#comment-3\">c</a>",
                        HOST,
                        Set.of(12L)));
    }
}
