package org.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.parley.testing.Browser;
import org.parley.testing.BrowserUser;
import org.parley.testing.Http;
import org.parley.testing.PageClient;
import org.parley.testing.PageClient.Page;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;

/**
 * A write replayed with its submission key, as HAProxy replays it on another server when the first died with the
 * request in hand, is carried out once and answered as the first time: a question posted twice with one key is one
 * question (both answers redirect to it), an up vote sent twice is one vote (not a vote and its undoing); a new key is
 * a new write, a malformed one a 400. And in a real browser, parley.js gives every form post a new key as its first
 * field and every ajax post one in its Idempotency-Key header.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SubmissionReplayIT {

    private static final URI BASE = URI.create("http://localhost:" + Http.port());
    private static final String PASSWORD = "a-long-enough-password";
    private static final Pattern QUESTION_URL = Pattern.compile("/questions/(\\d+)/[^?#]*");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    void aReplayedQuestionAndVoteAreCarriedOutOnce() throws Exception {
        String askerName = ParleyDeployment.unique("replayasker");
        String voterName = ParleyDeployment.unique("replayvoter");
        PageClient asker = register(askerName);
        PageClient voter = register(voterName);
        Reputations.grant("localhost", askerName, 10); // not a new user: may ask twice in a row
        Reputations.grant("localhost", voterName, 20); // may vote up

        String title = "Does a chain wear faster in the rain " + askerName + "?";
        String key = "ask-" + askerName;
        Page form = asker.get("/questions/ask");
        Page first = ask(asker, form, title, key);
        Page replay = ask(asker, form, title, key);
        assertEquals(302, first.status(), first.toString());
        assertEquals(302, replay.status(), "the replay is answered as the first: " + replay);
        assertEquals(first.location(), replay.location(), "both go to the one question");
        Page again = ask(asker, asker.get("/questions/ask"), title + " (again)", "ask2-" + askerName);
        assertEquals(302, again.status(), again.toString());
        assertNotEquals(first.location(), again.location(), "a new key asks a new question");
        Page listing = asker.get("/questions/tagged/rain");
        assertEquals(200, listing.status());
        assertEquals(1, count(listing.body(), ">" + title + "<"), "one question with the first title");

        Matcher m = QUESTION_URL.matcher(first.location());
        assertTrue(m.find(), first.location());
        long number = Long.parseLong(m.group(1));
        Page question = voter.follow(m.group(0));
        String voteKey = "vote-" + voterName;
        Page vote = upVote(voter, question, number, voteKey);
        Page voteReplay = upVote(voter, question, number, voteKey);
        assertTrue(PageClient.unescape(vote.body()).contains("\"myVote\":\"UP\""), vote.body());
        assertTrue(
                PageClient.unescape(voteReplay.body()).contains("\"myVote\":\"UP\""),
                "the replay answers as the vote did, it does not take it back: " + voteReplay.body());
        Page after = voter.follow(m.group(0));
        assertEquals("true", upVotePressed(after, number), "still voted up");
        Page undo = upVote(voter, after, number, "undo-" + voterName);
        assertTrue(PageClient.unescape(undo.body()).contains("\"myVote\":\"\""), "a new press takes it back");

        Page malformed = ask(asker, asker.get("/questions/ask"), title + " (bad key)", "<script>");
        assertEquals(400, malformed.status(), malformed.toString());

        // The keys come from parley.js in a real browser.
        try (Browser browser = new Browser(1280, 900)) {
            WebDriver d = browser.driver();
            BrowserUser.logIn(d, BASE.toString(), voterName, PASSWORD);
            d.get(BASE + "/questions/ask");
            JavascriptExecutor js = (JavascriptExecutor) d;
            String script = "var data = new FormData(document.getElementById('ask-form')); var names = [];"
                    + " data.forEach(function (v, n) { names.push(n); });"
                    + " return names[0] + '=' + data.get('parley-submission');";
            String one = (String) js.executeScript(script);
            String two = (String) js.executeScript(script);
            assertTrue(one.matches("parley-submission=[0-9a-f]{32}"), one);
            assertNotEquals(one, two, "a new key per submission");

            d.get(BASE + m.group(0));
            js.executeScript("window.sentKeys = []; var set = XMLHttpRequest.prototype.setRequestHeader;"
                    + " XMLHttpRequest.prototype.setRequestHeader = function (name, value) {"
                    + " if (name === 'Idempotency-Key') { window.sentKeys.push(value); }"
                    + " return set.apply(this, arguments); };");
            d.findElement(By.cssSelector(".vote-up[data-post='" + number + "']"))
                    .click();
            waitFor(d)
                    .until(x -> ((Number) ((JavascriptExecutor) x).executeScript("return window.sentKeys.length"))
                                    .intValue()
                            > 0);
            String sent = (String) js.executeScript("return window.sentKeys[0]");
            assertTrue(sent.matches("[0-9a-f]{32}"), sent);
        }
    }

    private static PageClient register(String name) throws Exception {
        PageClient client = new PageClient(BASE);
        Page done = client.submit(
                client.get("/users/register"),
                "register-form",
                Map.of(
                        "register-username",
                        name,
                        "register-display",
                        "Replay " + name,
                        "register-password",
                        PASSWORD,
                        "register-submit",
                        "Sign up"));
        assertEquals(302, done.status(), "registering " + name + ": " + done);
        return client;
    }

    private static Page ask(PageClient client, Page form, String title, String key) throws Exception {
        return client.submit(
                form,
                "ask-form",
                Map.of(
                        "parley-submission", key,
                        "ask-title", title,
                        "ask-body", "My chain squeaks after every wet ride although I oil it each week. Why?",
                        "ask-tags_input", "rain",
                        "ask-submit", ""));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
