package org.parley.cache.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class PageRouteTest {

    private static String cachedId(String path, String query) {
        return assertInstanceOf(PageRoute.Decision.Cached.class, PageRoute.decide(path, query))
                .route()
                .id();
    }

    private static String redirect(String path, String query) {
        return assertInstanceOf(PageRoute.Decision.Redirect.class, PageRoute.decide(path, query))
                .location();
    }

    @Test
    void canonicalQueriesAreKeysAsTheyAre() {
        assertEquals("home", cachedId("/", null));
        assertEquals("questions?sort=votes&page=2", cachedId("/questions", "sort=votes&page=2"));
        assertEquals("tagged/c++?sort=hot", cachedId("/questions/tagged/c++", "sort=hot"));
        assertEquals("tags?page=3", cachedId("/tags", "page=3"));
        assertEquals("q/12/a-slug", cachedId("/questions/12/a-slug", ""));
    }

    @Test
    void anythingElseRedirectsToTheCanonicalQuery() {
        assertEquals("/questions?sort=votes&page=2", redirect("/questions", "page=2&sort=votes"));
        assertEquals("/questions", redirect("/questions", "sort=NEWEST"));
        assertEquals("/questions", redirect("/questions", "sort=newest"));
        assertEquals("/questions", redirect("/questions", "page=1"));
        assertEquals("/questions", redirect("/questions", "page=0"));
        assertEquals("/questions", redirect("/questions", "page=1234567"));
        assertEquals("/questions", redirect("/questions", "page=%ZZ"));
        assertEquals("/questions?page=4", redirect("/questions", "page=4&page=5"));
        assertEquals("/questions?sort=votes", redirect("/questions", "sort=votes&"));
        assertEquals("/", redirect("/", "fbclid=abc"));
        assertEquals("/questions/12/a-slug", redirect("/questions/12/a-slug", "noredirect=1"));
        assertEquals("/tags?filter=c%2B%2B", redirect("/tags", "filter=c%2b%2b&x=1"));
    }

    @Test
    void filteredTagListsAndOtherPagesAreNotKept() {
        assertInstanceOf(PageRoute.Decision.Uncached.class, PageRoute.decide("/tags", "filter=ja"));
        assertInstanceOf(PageRoute.Decision.Uncached.class, PageRoute.decide("/users/1/x", "page=zz"));
        assertInstanceOf(PageRoute.Decision.Uncached.class, PageRoute.decide("/search", "q=x"));
    }
}
