package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CleanUrlFilterTest {

    @Test
    void fixedPagesMapToTheirViews() {
        assertEquals(Optional.of("/index.xhtml"), CleanUrlFilter.route("/"));
        assertEquals(Optional.of("/views/questions/list.xhtml"), CleanUrlFilter.route("/questions"));
        assertEquals(Optional.of("/views/questions/list.xhtml"), CleanUrlFilter.route("/questions/"));
        assertEquals(Optional.of("/views/questions/ask.xhtml"), CleanUrlFilter.route("/questions/ask"));
        assertEquals(Optional.of("/views/tags/list.xhtml"), CleanUrlFilter.route("/tags"));
        assertEquals(Optional.of("/views/users/register.xhtml"), CleanUrlFilter.route("/users/register"));
        assertEquals(Optional.of("/views/users/login.xhtml"), CleanUrlFilter.route("/users/login"));
        assertEquals(Optional.of("/views/users/list.xhtml"), CleanUrlFilter.route("/users"));
        assertEquals(Optional.of("/views/users/edit.xhtml"), CleanUrlFilter.route("/users/edit"));
        assertEquals(Optional.of("/views/admin/index.xhtml"), CleanUrlFilter.route("/admin"));
        assertEquals(Optional.of("/views/admin/index.xhtml"), CleanUrlFilter.route("/admin/"));
        assertEquals(Optional.of("/views/admin/sites.xhtml"), CleanUrlFilter.route("/admin/sites"));
    }

    @Test
    void importAdminAndRevisionPages() {
        assertEquals(Optional.of("/views/admin/imports.xhtml"), CleanUrlFilter.route("/admin/imports"));
        assertEquals(Optional.of("/views/revisions/view.xhtml?n=42"), CleanUrlFilter.route("/revisions/42"));
        assertEquals(Optional.of("/views/revisions/view.xhtml?n=42"), CleanUrlFilter.route("/revisions/42/"));
        assertEquals(Optional.empty(), CleanUrlFilter.route("/revisions/x"));
        assertEquals(Optional.of("/views/revisions/view.xhtml?n=42"), CleanUrlFilter.route("/posts/42/revisions"));
        assertEquals(Optional.of("/views/revisions/view.xhtml?n=42"), CleanUrlFilter.route("/posts/42/revisions/"));
        assertEquals(Optional.empty(), CleanUrlFilter.route("/posts/x/revisions"));
    }

    @Test
    void messagePages() {
        assertEquals(Optional.of("/views/messages/inbox.xhtml"), CleanUrlFilter.route("/messages"));
        assertEquals(Optional.of("/views/messages/inbox.xhtml"), CleanUrlFilter.route("/messages/"));
        assertEquals(Optional.of("/views/messages/sent.xhtml"), CleanUrlFilter.route("/messages/sent"));
        assertEquals(Optional.of("/views/messages/new.xhtml"), CleanUrlFilter.route("/messages/new"));
        assertEquals(Optional.of("/views/messages/search.xhtml"), CleanUrlFilter.route("/messages/search"));
        assertEquals(Optional.of("/views/messages/search.xhtml"), CleanUrlFilter.route("/messages/search/"));
        assertEquals(Optional.of("/views/search/results.xhtml"), CleanUrlFilter.route("/search"));
        assertEquals(Optional.of("/views/help/privileges.xhtml"), CleanUrlFilter.route("/help/privileges"));
        assertEquals(Optional.of("/views/search/results.xhtml"), CleanUrlFilter.route("/search/"));
        assertEquals(Optional.of("/views/messages/conversation.xhtml?c=7"), CleanUrlFilter.route("/messages/7"));
        assertEquals(Optional.of("/views/messages/conversation.xhtml?c=7"), CleanUrlFilter.route("/messages/7/"));
        assertEquals(Optional.empty(), CleanUrlFilter.route("/messages/7x"));
        assertEquals(Optional.of("/views/admin/messages.xhtml"), CleanUrlFilter.route("/admin/messages"));
    }

    @Test
    void questionsWithAndWithoutSlug() {
        assertEquals(
                Optional.of("/views/questions/view.xhtml?n=12&slug=how-do-i-x"),
                CleanUrlFilter.route("/questions/12/how-do-i-x"));
        assertEquals(Optional.of("/views/questions/view.xhtml?n=12&slug="), CleanUrlFilter.route("/questions/12"));
        assertEquals(Optional.of("/views/questions/view.xhtml?n=12&slug="), CleanUrlFilter.route("/questions/12/"));
    }

    @Test
    void taggedKeepsPlusAndDecodesEscapes() {
        assertEquals(
                Optional.of("/views/questions/tagged.xhtml?tags=java%2Bjpa"),
                CleanUrlFilter.route("/questions/tagged/java+jpa"));
        assertEquals(
                Optional.of("/views/questions/tagged.xhtml?tags=c%23"), CleanUrlFilter.route("/questions/tagged/c%23"));
    }

    @Test
    void tagInfoAndWikiEditPages() {
        assertEquals(Optional.of("/views/tags/info.xhtml?tag=c%2B%2B"), CleanUrlFilter.route("/tags/c++/info"));
        assertEquals(Optional.of("/views/tags/info.xhtml?tag=c%23"), CleanUrlFilter.route("/tags/c%23/info/"));
        assertEquals(Optional.of("/views/tags/edit.xhtml?tag=java"), CleanUrlFilter.route("/tags/java/edit"));
        assertEquals(Optional.empty(), CleanUrlFilter.route("/tags/java/delete"));
        assertEquals(Optional.of("/views/tags/synonyms.xhtml"), CleanUrlFilter.route("/tags/synonyms"));
        assertEquals(Optional.of("/views/tags/info.xhtml?tag=synonyms"), CleanUrlFilter.route("/tags/synonyms/info"));
    }

    @Test
    void nothingInASegmentCanAddParameters() {
        assertEquals(
                Optional.of("/views/questions/tagged.xhtml?tags=a%26n%3D5"),
                CleanUrlFilter.route("/questions/tagged/a&n=5"));
        assertEquals(
                Optional.of("/views/users/view.xhtml?n=3&slug=x%26tab%3Danswers"),
                CleanUrlFilter.route("/users/3/x&tab=answers"));
    }

    @Test
    void editAndUsers() {
        assertEquals(Optional.of("/views/posts/edit.xhtml?n=7"), CleanUrlFilter.route("/posts/7/edit"));
        assertEquals(
                Optional.of("/views/users/view.xhtml?n=3&slug=jane-doe"), CleanUrlFilter.route("/users/3/jane-doe"));
    }

    @Test
    void otherPathsPassThrough() {
        assertTrue(CleanUrlFilter.route("/views/questions/view.xhtml").isEmpty());
        assertTrue(CleanUrlFilter.route("/jakarta.faces.resource/css/parley.css.xhtml")
                .isEmpty());
        assertTrue(CleanUrlFilter.route("/questions/abc").isEmpty());
        assertTrue(CleanUrlFilter.route("/questions/tagged/bad%zz").isEmpty());
        assertTrue(CleanUrlFilter.route("/health").isEmpty());
    }

    @Test
    void badgePagesByNumberOrByClassAndName() {
        assertEquals(Optional.of("/views/badges/list.xhtml"), CleanUrlFilter.route("/badges"));
        assertEquals(Optional.of("/views/badges/list.xhtml"), CleanUrlFilter.route("/badges/"));
        assertEquals(Optional.of("/views/badges/view.xhtml?id=3"), CleanUrlFilter.route("/badges/3"));
        assertEquals(Optional.of("/views/badges/view.xhtml?id=3"), CleanUrlFilter.route("/badges/3/editor"));
        assertEquals(
                Optional.of("/views/badges/view.xhtml?class=gold&name=c%2B%2B"),
                CleanUrlFilter.route("/badges/gold/c++"));
        assertEquals(
                Optional.of("/views/badges/view.xhtml?class=bronze&name=Revival%26x%3D1"),
                CleanUrlFilter.route("/badges/bronze/Revival%26x=1"));
        assertEquals(Optional.empty(), CleanUrlFilter.route("/badges/platinum/java"));
        assertEquals(Optional.empty(), CleanUrlFilter.route("/badges/x"));
    }
}
