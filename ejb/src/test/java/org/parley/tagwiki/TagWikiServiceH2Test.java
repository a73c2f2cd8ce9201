package org.parley.tagwiki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.revision.HistoryTypes;
import org.parley.revision.RevisionPage;
import org.parley.revision.RevisionService;
import org.parley.revision.RevisionWriter;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;
import org.parley.user.UserService;

/**
 * Tag wikis on Hibernate and H2: who may edit them ("Edit tag wikis", moderators always), what an excerpt and a wiki
 * may hold, each changed part a revision of a post numbered among the site's posts, and the excerpts of a page of
 * tags in one call.
 */
class TagWikiServiceH2Test {

    private static final String PASSWORD = "correct-horse-battery";

    private H2Services h2;
    private TagWikiService wikis;
    private RevisionService revisions;
    private SiteInfo site;
    private Actor moderator;
    private Actor user;
    private long questionNumber;

    @BeforeEach
    void aSiteWithATag() {
        h2 = new H2Services();
        h2.bean(RevisionWriter.class);
        wikis = h2.bean(TagWikiService.class);
        revisions = h2.bean(RevisionService.class);
        QuestionService questions = h2.bean(QuestionService.class);
        UserService users = h2.bean(UserService.class);
        site = h2.tx(() -> h2.bean(SiteService.class).ensureSite("wiki.localhost", "wiki", "Wiki", "Tags"));
        h2.tx(() -> users.createUser(site.id(), "mod", "Mo Derator", PASSWORD, Role.MODERATOR));
        h2.tx(() -> users.createUser(site.id(), "new", "New Comer", PASSWORD, Role.USER));
        moderator = h2.tx(() -> users.actorFor(site.id(), "mod").orElseThrow());
        user = h2.tx(() -> users.actorFor(site.id(), "new").orElseThrow());
        QuestionSummary q = h2.tx(() -> questions.ask(
                moderator,
                "How do I true a wheel at home?",
                "A wobbly wheel, a spoke key and no stand: what now?",
                List.of("wheels", "spokes")));
        questionNumber = q.number();
    }

    @AfterEach
    void closeDatabase() {
        h2.close();
    }

    @Test
    void aTagWithoutAWikiShowsItsCountAndNothingElse() {
        TagInfo info = h2.tx(() -> wikis.info(site.id(), "wheels"));
        assertEquals(1, info.questionCount());
        assertTrue(info.empty());
        assertThrows(NotFoundException.class, () -> h2.tx(() -> wikis.info(site.id(), "no-such-tag")));
    }

    @Test
    void onlyThoseWithThePrivilegeEdit() {
        assertFalse(h2.tx(() -> wikis.mayEdit(user)));
        assertTrue(h2.tx(() -> wikis.mayEdit(moderator)));
        assertFalse(wikis.mayEdit(null));
        NotAllowedException refused = assertThrows(
                NotAllowedException.class, () -> h2.run(() -> wikis.edit(user, "wheels", "Wheels.", "", null)));
        assertTrue(refused.getMessage().contains("Edit tag wikis"), refused.getMessage());
        assertTrue(refused.getMessage().contains("5,000"), refused.getMessage());
        assertThrows(NotAllowedException.class, () -> h2.run(() -> wikis.edit(null, "wheels", "Wheels.", "", null)));
        assertThrows(NotAllowedException.class, () -> h2.tx(() -> wikis.forEdit(user, "wheels")));
        assertThrows(NotFoundException.class, () -> h2.run(() -> wikis.edit(moderator, "no-such-tag", "x", "", null)));
    }

    @Test
    void badInputIsNamedUnderItsField() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> h2.run(
                        () -> wikis.edit(moderator, "wheels", "x".repeat(501), "y".repeat(30_001), "z".repeat(301))));
        Map<String, String> byField = new java.util.HashMap<>();
        e.problems().forEach(p -> byField.put(p.field(), p.getMessage()));
        assertEquals("An excerpt has at most 500 characters; this one has 501.", byField.get("excerpt"));
        assertEquals("A tag wiki has at most 30000 characters; this one has 30001.", byField.get("wiki"));
        assertEquals("An edit summary has at most 300 characters; this one has 301.", byField.get("summary"));
        InvalidInputException lines = assertThrows(
                InvalidInputException.class, () -> h2.run(() -> wikis.edit(moderator, "wheels", "a\nb", "", null)));
        assertTrue(lines.getMessage().contains("line breaks"), lines.getMessage());
        InvalidInputException nothing = assertThrows(
                InvalidInputException.class, () -> h2.run(() -> wikis.edit(moderator, "wheels", " ", "", null)));
        assertEquals("Nothing changed: edit the excerpt or the wiki.", nothing.getMessage());
    }

    @Test
    void editsAreRevisionsOfPostsNumberedAmongTheSitesPosts() {
        h2.run(() -> wikis.edit(
                moderator,
                "wheels",
                "Rims, hubs and spokes.",
                "# Wheels\n\nAsk about **truing** here. <script>alert(1)</script>",
                "first words"));
        TagInfo info = h2.tx(() -> wikis.info(site.id(), "wheels"));
        assertEquals("Rims, hubs and spokes.", info.excerpt());
        assertTrue(info.wikiHtml().contains("<strong>truing</strong>"), info.wikiHtml());
        assertFalse(info.wikiHtml().contains("<script"), "sanitised: " + info.wikiHtml());
        assertTrue(info.excerptNumber() > questionNumber);
        assertTrue(info.wikiNumber() > questionNumber);
        assertNotEquals(info.excerptNumber(), info.wikiNumber());
        assertTrue(info.lastEditedAt() != null);

        // Only the wiki changes: one more revision of the wiki post, none of the excerpt's.
        h2.run(() -> wikis.edit(moderator, "wheels", "Rims, hubs and spokes.", "# Wheels\n\nAsk about truing.", null));
        RevisionPage wikiHistory = h2.tx(() -> revisions.page(site.id(), info.wikiNumber()));
        assertEquals(2, wikiHistory.revisionCount());
        assertEquals(
                1, h2.tx(() -> revisions.page(site.id(), info.excerptNumber())).revisionCount());
        assertEquals(
                List.of(HistoryTypes.INITIAL_BODY, HistoryTypes.EDIT_BODY),
                h2.tx(() -> revisions.listByPost(site.id(), info.wikiNumber())).stream()
                        .map(r -> r.getHistoryTypeId())
                        .toList());
        assertEquals(
                "first words",
                h2.tx(() -> revisions.listByPost(site.id(), info.wikiNumber()))
                        .get(0)
                        .getComment());
        assertEquals(
                "# Wheels\n\nAsk about truing.",
                h2.tx(() -> wikis.forEdit(moderator, "wheels")).wikiMarkdown());
        assertEquals(
                Map.of("wheels", "Rims, hubs and spokes."),
                h2.tx(() -> wikis.excerpts(site.id(), List.of("wheels", "spokes"))));
        assertNull(h2.tx(() -> wikis.excerpts(site.id(), List.of("spokes"))).get("spokes"));
    }
}
