package org.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.parley.testing.Browser;
import org.parley.testing.BrowserUser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;

/**
 * Issue 18, headers: every page works under a Content-Security-Policy whose {@code script-src} has no {@code
 * 'unsafe-inline'}. A real Chromium records every {@code securitypolicyviolation} from before the page's first script
 * (a listener installed for every new document through the DevTools protocol) while an anonymous reader sends the
 * sign-up form with mistakes (a postback of a page without PrimeFaces), opens the home page and a question twice (an
 * output-cache miss, then a hit: hashes, no nonce), and a logged-in user asks with tags typed into the chips, votes and
 * comments by ajax, writes a message and reads the inbox and the conversation (with its push socket), and the admin
 * opens the admin pages. No violation anywhere, and every action worked.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContentSecurityPolicyBrowserIT {

    private static final String BASE = "http://localhost:" + Http.port();
    private static final String PASSWORD = "a-long-enough-password";
    /** Keeps every violation of the document in {@code window.cspViolations}, from before any of its scripts. */
    private static final String LISTENER = "window.cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':'"
            + "      + e.lineNumber + ' ' + (e.sample || ''));"
            + "});";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    void theHeaderAllowsNoInlineScriptByItself() throws Exception {
        Http.get("localhost", "/questions");
        for (String path : List.of("/", "/questions", "/users/login", "/questions/987654321/gone")) {
            String csp = Http.get("localhost", path).header("Content-Security-Policy");
            String scriptSrc = List.of(csp.split(";")).stream()
                    .map(String::strip)
                    .filter(d -> d.startsWith("script-src "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no script-src in " + csp));
            assertFalse(scriptSrc.contains("'unsafe-inline'"), path + ": " + csp);
            assertFalse(scriptSrc.contains("'unsafe-eval'"), path + ": " + csp);
            assertTrue(
                    csp.contains("frame-ancestors 'none'"), path + ": one whole policy, not PrimeFaces' alone: " + csp);
        }
    }

    @Test
    void everyPageWorksWithoutAViolation() throws Exception {
        String ada = ParleyDeployment.unique("ada");
        String bo = ParleyDeployment.unique("bo");
        try (Browser reader = new Browser(1280, 1000);
                Browser writer = new Browser(1280, 1000)) {
            WebDriver r = reader.driver();
            WebDriver w = writer.driver();
            try {
                listen(r);
                listen(w);
                BrowserUser.register(w, BASE, ada, PASSWORD);
                assertNoViolations(w, "after signing up");
                Reputations.grant("localhost", ada, 100);

                // The ask page: the markdown preview, the tag chips with their suggestions.
                w.get(BASE + "/questions/ask");
                w.findElement(By.id("ask-title")).sendKeys("Why does my chain skip under load " + ada + "?");
                w.findElement(By.id("ask-body")).sendKeys("It skips in the *small* cog when I stand up to climb.");
                waitFor(w)
                        .until(d -> d.findElement(By.id("ask-preview"))
                                .getAttribute("innerHTML")
                                .contains("<em>small</em>"));
                BrowserUser.enterTag(w, "drivetrain");
                BrowserUser.enterTag(w, "chains");
                assertNoViolations(w, "the ask page");
                BrowserUser.submitAsk(w);
                waitFor(w).until(ExpectedConditions.urlMatches("/questions/[0-9]+/"));
                String question = w.getCurrentUrl();
                String path = question.substring(BASE.length());
                assertNoViolations(w, "the new question");

                // A form of a page without PrimeFaces posted back and shown again with its errors: it sent its
                // nonce back without any script (PrimeFaces checks it on every postback).
                r.get(BASE + "/users/register");
                r.findElement(By.id("register-username")).sendKeys("X!");
                r.findElement(By.id("register-display")).sendKeys("Ok Name");
                r.findElement(By.id("register-password")).sendKeys("short");
                r.findElement(By.id("register-submit")).click();
                waitFor(r)
                        .until(d -> !d.findElements(By.cssSelector(".error-summary"))
                                .isEmpty());
                assertNoViolations(r, "the sign-up form shown again");
                r.manage().deleteAllCookies();

                // Anonymous: the home page, the question rendered and stored (a miss), then replayed (a hit).
                r.get(BASE + "/");
                assertNoViolations(r, "the home page");
                assertInlineScriptRefused(r);
                r.get(question);
                assertTrue(r.findElement(By.tagName("h1")).getText().contains(ada));
                assertNoViolations(r, "the question as rendered and stored");
                Http.Response hit = Http.get("localhost", path);
                assertEquals("hit", hit.header("X-Parley-Cache"), "the reader's visit stored the page");
                assertFalse(hit.body().contains("nonce="), "a cached page carries no nonce");
                String policy = hit.header("Content-Security-Policy");
                assertFalse(policy.contains("'nonce-"), policy);
                assertTrue(policy.contains("frame-ancestors 'none'"), policy);
                r.get(question);
                assertTrue(r.findElement(By.tagName("h1")).getText().contains(ada));
                assertNoViolations(r, "the question from the cache");

                // Logged in on someone else's question: vote and comment by ajax.
                BrowserUser.register(r, BASE, bo, PASSWORD);
                Reputations.grant("localhost", bo, 100);
                r.get(question);
                r.findElement(By.cssSelector(".question .vote-up")).click();
                waitFor(r)
                        .until(d -> d.findElement(By.cssSelector(".question .score"))
                                .getText()
                                .trim()
                                .equals("1"));
                assertEquals(
                        "true",
                        r.findElement(By.cssSelector(".question .vote-up")).getAttribute("aria-pressed"),
                        "Parley.voted (the button's oncomplete) ran");
                BrowserUser.openCommentForm(r, ".question").sendKeys("Have you measured the chain's stretch?");
                r.findElement(By.cssSelector(".question .comment-submit")).click();
                waitFor(r).until(d -> d.getPageSource().contains("measured the chain"));
                assertNoViolations(r, "voting and commenting");
                reader.screenshot("csp-question-logged-in");

                // Messages: compose, the conversation with its socket, the inbox.
                r.get(BASE + "/messages/new?to=" + ada);
                r.findElement(By.id("compose-body")).sendKeys("Which cassette do you ride?");
                BrowserUser.press(r, "compose-submit");
                waitFor(r).until(ExpectedConditions.urlMatches("/messages/[0-9]+$"));
                awaitSocket(r);
                assertNoViolations(r, "the conversation");
                w.get(BASE + "/messages");
                awaitSocket(w);
                waitFor(w).until(d -> d.getPageSource().contains("Which cassette"));
                assertNoViolations(w, "the inbox");

                // The admin pages, with their buttons.
                BrowserUser.logIn(w, BASE, "admin", ParleyDeployment.adminPassword());
                for (String admin : List.of("/admin", "/admin/sites", "/admin/messages", "/admin/cache")) {
                    w.get(BASE + admin);
                    assertNoViolations(w, admin);
                }
                w.get(BASE + "/admin/messages");
                w.findElement(By.xpath("//button[normalize-space()='Refresh']")).click();
                waitFor(w)
                        .until(d -> Boolean.TRUE.equals(((ChromeDriver) d)
                                .executeScript("return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
                assertNoViolations(w, "an ajax button on an admin page");
            } catch (AssertionError | RuntimeException e) {
                reader.evidence("csp-reader-failure");
                writer.evidence("csp-writer-failure");
                throw e;
            }
        }
    }

    private static void listen(WebDriver d) {
        ((ChromeDriver) d).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTENER));
    }

    /** No violation in the page shown now, after its scripts have run. */
    private static void assertNoViolations(WebDriver d, String where) {
        waitFor(d).until(x -> "complete".equals(((ChromeDriver) x).executeScript("return document.readyState;")));
        Object violations = ((ChromeDriver) d).executeScript("return window.cspViolations;");
        assertTrue(violations instanceof List, "the listener is installed on " + where + ": " + violations);
        assertEquals(List.of(), violations, "violations on " + where + " (" + d.getCurrentUrl() + ")");
    }

    /** The listener sees what the policy refuses: an inline script without the page's nonce does not run. */
    private static void assertInlineScriptRefused(WebDriver d) {
        ChromeDriver c = (ChromeDriver) d;
        c.executeScript("var s = document.createElement('script'); s.textContent = 'window.injected = true;';"
                + "document.body.appendChild(s);");
        waitFor(d).until(x -> !((List<?>) c.executeScript("return window.cspViolations;")).isEmpty());
        assertEquals(null, c.executeScript("return window.injected === undefined ? null : window.injected;"));
        c.executeScript("window.cspViolations = [];");
    }

    private static void awaitSocket(WebDriver d) {
        waitFor(d)
                .until(x -> "socket"
                        .equals(x.findElement(By.id("notification-badge")).getAttribute("data-mode")));
    }
}
