package org.parley.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.VoteButtons.upVote;
import static org.parley.testing.VoteButtons.upVotePressed;

import java.net.URI;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.testing.Http;
import org.parley.testing.PageClient;
import org.parley.testing.PageClient.Page;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;
import org.parley.testing.SessionWrites;
import org.parley.testing.SiteUser;

/**
 * Issue 19: reading pages writes nothing into a logged-in user's session. The session is replicated to every server of
 * the cluster, and each page view used to add its view state and view-scoped beans to it (the question page's whole
 * data among them), all marshalled and copied synchronously after every request. Seen by {@link SessionWrites}
 * in the session cache itself. And with the pages' state no longer in the session, two users on one page still each see their own votes,
 * and a post without the session's form token (the CSRF token of a stateless page) is refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionWritesIT {

    private static final URI BASE = URI.create("http://localhost:" + Http.port());

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(SessionWrites.class, SessionWrites.Servlet.class);
    }

    /**
     * Reading pages logged in writes nothing into the session: after a first visit of each page (which may set things
     * up), 18 more page views leave every attribute entry of the session in the session cache as it was. Each page view
     * used to add its whole component state and its view-scoped bean (up to fifteen views' worth); after that was
     * gone, reading Elytron's identity, Faces push's session-scoped channel manager, Weld's conversation map and
     * Mojarra's list of view maps still had every page view write the whole session (docs/cluster.md, "What a page
     * view writes into the session").
     */
    @Test
    void readingPagesLoggedInWritesNothingIntoTheSession() throws Exception {
        SiteUser asker = SiteUser.register(BASE, "readasker");
        SiteUser.Question question = asker.ask(
                "How long can a sourdough starter go without feeding " + asker.name() + "?",
                "Going away for three weeks; the starter lives in the fridge. Will it survive, and how do I revive it?",
                "sourdough");
        SiteUser reader = SiteUser.register(BASE, "reader");
        PageClient client = reader.client();
        String[] pages = {question.path(), "/", "/questions", "/questions/tagged/sourdough", "/tags", "/messages"};
        for (String path : pages) {
            assertEquals(200, client.follow(path).status(), path); // the first visit of each may set things up
        }
        String before = SessionWrites.of(client);
        assertTrue(!SessionWrites.sizes(before).isEmpty(), "the session's attributes can be seen: " + before);
        for (int round = 0; round < 3; round++) {
            for (String path : pages) {
                Page page = client.follow(path);
                assertEquals(200, page.status(), path);
                assertTrue(page.body().contains("id=\"topbar-user\""), "logged in on " + path);
            }
        }
        String after = SessionWrites.of(client);
        assertEquals(before, after, "the session's entries after 18 logged-in page views");
    }

    @Test
    void twoUsersOnOnePageSeeTheirOwnVotes() throws Exception {
        SiteUser asker = SiteUser.register(BASE, "voteasker");
        SiteUser.Question question = asker.ask(
                "Why does my rye bread collapse in the oven " + asker.name() + "?",
                "It rises well, then sinks within the first ten minutes of baking at 230 degrees.",
                "sourdough");
        SiteUser voter = SiteUser.register(BASE, "voter");
        SiteUser other = SiteUser.register(BASE, "other");
        Reputations.grant("localhost", voter.name(), 20); // may vote up
        Reputations.grant("localhost", other.name(), 20);

        Page page = voter.client().follow(question.path());
        String token = page.formToken();
        assertTrue(token != null && token.length() >= 43, "the page's forms carry the session's form token");
        // The page is stateless, so its form token, not a view state id, tells this session's posts from forged ones.
        Page forged = new Page(
                page.status(),
                page.body().replace(token, "forged" + token.substring(6)),
                page.location(),
                page.uri(),
                page.headers());
        Page refused = upVote(voter.client(), forged, question.number());
        assertEquals(403, refused.status(), "a post without the session's form token: " + refused);
        assertEquals("false", upVotePressed(voter.client().follow(question.path()), question.number()), "no vote");

        Page vote = upVote(voter.client(), page, question.number());
        assertEquals(200, vote.status(), vote.toString());
        assertTrue(PageClient.unescape(vote.body()).contains("\"myVote\":\"UP\""), "the vote counts: " + vote.body());

        assertEquals("true", upVotePressed(voter.client().follow(question.path()), question.number()), "the voter's");
        assertEquals(
                "false", upVotePressed(other.client().follow(question.path()), question.number()), "not the other's");
        assertEquals("true", upVotePressed(voter.client().follow(question.path()), question.number()), "still his");
    }
}
