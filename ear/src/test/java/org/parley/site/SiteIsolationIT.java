package org.parley.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.common.Role;
import org.parley.listing.ListingService;
import org.parley.listing.TagService;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSort;
import org.parley.post.QuestionSummary;
import org.parley.rules.NotFoundException;
import org.parley.tag.TagCount;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.user.UserService;

/** Two sites in one deployment never see each other's questions, tags or users, in services or in pages. */
@ExtendWith(ArquillianExtension.class)
class SiteIsolationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(SiteIsolationIT.class, Http.class, Http.Response.class);
    }

    @EJB
    private ListingService listings;

    @EJB
    SiteService sites;

    @EJB
    UserService users;

    @EJB
    QuestionService questions;

    @EJB
    TagService tags;

    @Test
    void aQuestionAskedOnOneSiteIsInvisibleOnAnother() throws Exception {
        String suffix = ParleyDeployment.unique("");
        SiteInfo red = sites.ensureSite("red" + suffix + ".localhost", "red" + suffix, "Red", "Red things");
        SiteInfo blue = sites.ensureSite("blue" + suffix + ".localhost", "blue" + suffix, "Blue", "Blue things");
        users.createUser(red.id(), "rosa", "Rosa Red", "correct-horse-battery", Role.USER);
        Actor rosa = users.actorFor(red.id(), "rosa").orElseThrow();

        QuestionSummary asked = questions.ask(
                rosa,
                "Why is the sky red at sunset " + suffix + "?",
                "I keep noticing that the sky turns red in the evening and would like to understand the physics.",
                List.of("sky", "physics"));

        Page<QuestionSummary> onRed = listings.list(red.id(), QuestionSort.NEWEST, 1, 50);
        Page<QuestionSummary> onBlue = listings.list(blue.id(), QuestionSort.NEWEST, 1, 50);
        assertEquals(1, onRed.total());
        assertEquals(asked.title(), onRed.items().get(0).title());
        assertEquals(0, onBlue.total());
        assertThrows(NotFoundException.class, () -> questions.view(blue.id(), asked.number(), null));
        assertEquals(
                0,
                listings.tagged(blue.id(), List.of("sky"), QuestionSort.NEWEST, 1, 50)
                        .total());
        assertEquals(
                List.of("physics", "sky"),
                tags.list(red.id(), null, 1, 50).items().stream()
                        .map(TagCount::name)
                        .sorted()
                        .toList());
        assertTrue(tags.list(blue.id(), null, 1, 50).items().isEmpty());
        assertTrue(users.actorFor(blue.id(), "rosa").isEmpty(), "users belong to one site");

        // The same through pages, chosen by the Host header.
        Http.Response redPage = Http.get(red.host(), "/questions/" + asked.number());
        Http.Response redCanonical = redPage.status() == 301
                ? Http.get(red.host(), redPage.header("Location").replaceFirst("^https?://[^/]+", ""))
                : redPage;
        assertEquals(200, redCanonical.status());
        assertTrue(redCanonical.body().contains("Why is the sky red at sunset"));
        Http.Response bluePage = Http.get(blue.host(), "/questions/" + asked.number());
        assertEquals(404, bluePage.status());
        assertFalse(bluePage.body().contains("Why is the sky red"));
        Http.Response blueList = Http.get(blue.host(), "/questions");
        assertEquals(200, blueList.status());
        assertFalse(blueList.body().contains("Why is the sky red"));
    }

    @Test
    void anUnknownHostGetsNoSuchSiteAndNoData() throws Exception {
        Http.Response response = Http.get("nowhere-" + ParleyDeployment.unique("") + ".localhost", "/questions");
        assertEquals(404, response.status());
        assertTrue(response.body().toLowerCase().contains("no such site"), response.body());
    }

    @Test
    void everyPageReportsServerTiming() throws Exception {
        Http.Response response = Http.get("localhost", "/questions");
        assertEquals(200, response.status());
        String timing = response.header("Server-Timing");
        // Lists come from the tag engine: a page may run no SQL at all (an empty site runs none), but it is timed.
        assertTrue(
                timing != null
                        && timing.matches(
                                "sql;dur=[0-9.]+;desc=\"[0-9]+ queries\", cache;dur=.*, tags;dur=[0-9.]+, total;dur=[0-9.]+"),
                timing);

        // Every other kind of response too: errors, unknown hosts, health checks, static resources.
        for (Http.Response other : List.of(
                Http.get("localhost", "/questions/987654321"),
                Http.get("nowhere.localhost", "/"),
                Http.get("localhost", "/health"),
                Http.get("localhost", "/jakarta.faces.resource/css/parley.css.xhtml"))) {
            String header = other.header("Server-Timing");
            assertTrue(header != null && header.contains("total;dur="), other.status() + " " + header);
        }
    }
}
