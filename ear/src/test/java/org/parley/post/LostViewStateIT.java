package org.parley.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.VoteButtons.upVote;
import static org.parley.testing.VoteButtons.upVotePressed;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.parley.testing.SiteUser;

/**
 * A post from a page whose view state the server does not hold (in a cluster: the server that rendered the page was
 * killed between sending it and replicating the session) is carried out, not answered with the page again and the
 * typed question lost: the ask form and the question page rebuild their view from the request. Simulated here by
 * sending a view state id this session never had, as the surviving server sees the dead one's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LostViewStateIT {

    private static final URI BASE = URI.create("http://localhost:" + Http.port());
    private static final Pattern QUESTION_URL = Pattern.compile("/questions/(\\d+)/[^?#]*");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    void aQuestionAndAVoteFromAPageTheServerForgotAreCarriedOut() throws Exception {
        SiteUser askerUser = SiteUser.register(BASE, "lostasker");
        SiteUser voterUser = SiteUser.register(BASE, "lostvoter");
        String askerName = askerUser.name();
        PageClient asker = askerUser.client();
        PageClient voter = voterUser.client();
        Reputations.grant("localhost", voterUser.name(), 20); // may vote up

        String title = "Why does my sourdough starter smell of acetone " + askerName + "?";
        Page form = forgotten(asker.get("/questions/ask"));
        Page asked = asker.submit(
                form,
                "ask-form",
                Map.of(
                        "ask-title", title,
                        "ask-body",
                                "Fed twice a day with rye flour, kept at room temperature; it smells of nail varnish.",
                        "ask-tags_input", "sourdough",
                        "ask-submit", ""));
        assertEquals(302, asked.status(), "the question is taken, not the form shown again: " + asked);
        Matcher m = QUESTION_URL.matcher(asked.location());
        assertTrue(m.find(), "and the answer is the new question: " + asked.location());
        Page question = voter.follow(m.group(0));
        assertEquals(200, question.status());
        assertTrue(question.body().contains(title), "with the title typed");

        long number = Long.parseLong(m.group(1));
        Page vote = upVote(voter, forgotten(question), number);
        assertEquals(200, vote.status(), vote.toString());
        assertTrue(PageClient.unescape(vote.body()).contains("\"myVote\":\"UP\""), "the vote counts: " + vote.body());
        assertEquals("true", upVotePressed(voter.follow(m.group(0)), number), "and stays");

        // A rebuilt view has no server-issued view state to check, so a post from another site is not rebuilt.
        asker.setHeader("Origin", "https://attacker.example");
        Page crossSite = asker.submit(
                forgotten(asker.get("/questions/ask")),
                "ask-form",
                Map.of(
                        "ask-title", "Planted by another site " + askerName,
                        "ask-body", "This question was posted by a form on a page of some other site entirely.",
                        "ask-tags_input", "sourdough",
                        "ask-submit", ""));
        assertEquals(302, crossSite.status(), crossSite.toString());
        assertTrue(
                !QUESTION_URL.matcher(crossSite.location()).find(),
                "no question from another site's post: " + crossSite.location());
    }

    /** {@code page} with a view state id this server never issued, as a surviving server sees a dead one's. */
    private static Page forgotten(Page page) {
        String state = page.viewState();
        String unknown = "-4711:-815";
        assertNotEquals(unknown, state);
        return new Page(
                page.status(), page.body().replace(state, unknown), page.location(), page.uri(), page.headers());
    }
}
