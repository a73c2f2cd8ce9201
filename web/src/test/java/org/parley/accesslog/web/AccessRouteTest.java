package org.parley.accesslog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccessRouteTest {

    @Test
    void pagesAreNamedAfterTheirViewWhateverTheirIdsAndSlugs() {
        assertEquals("/questions/view", AccessRoute.of("/questions/12/how-do-i-x"));
        assertEquals("/questions/view", AccessRoute.of("/questions/987654321"));
        assertEquals("/questions/tagged", AccessRoute.of("/questions/tagged/c%2B%2B"));
        assertEquals("/tags/info", AccessRoute.of("/tags/java/info"));
        assertEquals("/users/view", AccessRoute.of("/users/3/jane"));
        assertEquals("/index", AccessRoute.of("/"));
        assertEquals("/index", AccessRoute.of(""));
        assertEquals("/admin/errors", AccessRoute.of("/admin/errors"));
        assertEquals("/review/task", AccessRoute.of("/review/close/17"));
    }

    @Test
    void aFormPostedToItsViewIsTheSameRouteAsTheCleanUrl() {
        assertEquals("/questions/view", AccessRoute.of("/views/questions/view.xhtml"));
        assertEquals("/index", AccessRoute.of("/index.xhtml"));
    }

    @Test
    void otherPathsKeepTheirWordsAndTemplateTheRest() {
        assertEquals("/api/notifications", AccessRoute.of("/api/notifications"));
        assertEquals("/api/questions/{id}/live", AccessRoute.of("/api/questions/42/live"));
        assertEquals("/{x}/questions/{id}/answers", AccessRoute.of("/2.3/questions/1;2;3/answers"));
        assertEquals("/api/tags/{x}/mark", AccessRoute.of("/api/tags/c%23/mark"));
        assertEquals("/api/imports/{id}/restart", AccessRoute.of("/api/imports/7/restart"));
        assertEquals("/a/b/c/d/…", AccessRoute.of("/a/b/c/d/e/f"));
        assertEquals("/health", AccessRoute.of("/health"));
        assertEquals(
                "/api/{x}", AccessRoute.of("/api/" + "averyveryveryverylongsegmentnameindeed"), "over 30 characters");
    }

    @Test
    void staticFilesAreNotLogged() {
        assertTrue(AccessRoute.isStatic("/jakarta.faces.resource/faces.js"));
        assertTrue(AccessRoute.isStatic("/resources/css/site.css"));
        assertTrue(AccessRoute.isStatic("/assets/abc123.js"));
        assertTrue(AccessRoute.isStatic("/identicons/abc.svg"));
        assertTrue(AccessRoute.isStatic("/avatars/3"));
        assertTrue(AccessRoute.isStatic("/favicon.ico"));
        assertFalse(AccessRoute.isStatic("/questions/12"));
        assertFalse(AccessRoute.isStatic("/api/notifications"));
    }
}
