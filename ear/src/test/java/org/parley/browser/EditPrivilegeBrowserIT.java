package org.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.parley.testing.AxeCheck;
import org.parley.testing.Browser;
import org.parley.testing.BrowserUser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;

/**
 * A user walks from 1 reputation to the edit privilege, in real browsers: at 1 their edit is a suggestion, which a
 * reviewer with "Review suggested edits" approves in the review queue and a moderator's approval applies (their
 * reputation goes up by 2); at 2,000 their edit is saved at once; then they roll the post back to its first revision.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EditPrivilegeBrowserIT {

    private static final String BASE = "http://localhost:" + Http.port();
    private static final String PASSWORD = "a-long-enough-password";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    private static void register(WebDriver d, String username) {
        BrowserUser.register(d, BASE, username, PASSWORD);
    }

    /** Opens the queue and skips other tests' tasks until the one on {@code post} shows. */
    private static void openTaskOn(WebDriver d, String queue, String post) {
        for (int i = 0; i < 30; i++) {
            d.get(BASE + "/review/" + queue);
            WebElement task = d.findElement(By.id("review-task"));
            if (post.equals(task.getAttribute("data-post"))) {
                return;
            }
            d.findElement(By.id("review-skip")).click();
            waitFor(d).until(x -> x.getPageSource().contains("Skipped."));
        }
        throw new AssertionError("no task on post " + post + " in " + queue);
    }

    @Test
    void fromASuggestedEditThroughReviewToAFreeEditAndARollback() throws Exception {
        String ada = ParleyDeployment.unique("ada");
        String ned = ParleyDeployment.unique("ned");
        String rae = ParleyDeployment.unique("rae");
        try (Browser editor = new Browser(1280, 1000);
                Browser reviewer = new Browser(390, 844)) {
            try {
                WebDriver e = editor.driver();
                register(e, ada);
                String url = BrowserUser.ask(
                        e,
                        BASE,
                        "How do I stop my headset creaking " + ada + "?",
                        "It creaks when I stand up on the pedals. I greased it last month already.",
                        "headset");
                String post = url.replaceAll(".*/questions/([0-9]+)/.*", "$1");

                // Ned, at 1 reputation: his edit is a suggestion.
                register(e, ned);
                e.get(url);
                e.findElement(By.cssSelector(".question .edit-link")).click();
                waitFor(e).until(ExpectedConditions.presenceOfElementLocated(By.id("suggestion-note")));
                assertEquals("Suggest edit", e.findElement(By.id("edit-submit")).getText());
                WebElement title = e.findElement(By.id("edit-title"));
                title.clear();
                title.sendKeys("How do I stop my threadless headset creaking " + ada + "?");
                e.findElement(By.id("edit-summary")).sendKeys("named the headset type");
                editor.screenshot("suggest-edit");
                BrowserUser.press(e, "edit-submit");
                waitFor(e).until(x -> x.getPageSource().contains("Thanks: your edit waits for review"));
                assertTrue(!e.findElement(By.tagName("h1")).getText().contains("threadless"), "nothing shows yet");

                // Rae reviews suggested edits at 2,000: her top bar counts the task; she approves.
                WebDriver r = reviewer.driver();
                register(r, rae);
                Reputations.grant("localhost", rae, 2_000);
                r.get(BASE + "/review");
                assertTrue(
                        r.findElement(By.id("nav-review")).getText().matches("(?s)Review.*\\([0-9]+\\).*"),
                        r.findElement(By.id("nav-review")).getText());
                assertTrue(
                        r.findElement(By.id("queue-suggested-edits")).getText().contains("waiting for you"));
                assertTrue(r.findElement(By.id("queue-close-votes")).getText().contains("Opens at 3,000 reputation"));
                assertTrue(
                        AxeCheck.seriousViolations(r).isEmpty(),
                        AxeCheck.report("review index", AxeCheck.seriousViolations(r)));
                openTaskOn(r, "suggested-edits", post);
                assertTrue(r.findElement(By.id("review-task")).getText().contains("named the headset type"));
                assertTrue(r.findElement(By.cssSelector("#review-task ins"))
                        .getText()
                        .contains("threadless"));
                reviewer.screenshot("review-suggested-edit-phone");
                assertTrue(
                        AxeCheck.seriousViolations(r).isEmpty(),
                        AxeCheck.report("review task", AxeCheck.seriousViolations(r)));
                r.findElement(By.cssSelector(".review-action[data-action='APPROVE']"))
                        .click();
                waitFor(r).until(x -> x.getPageSource().contains("Reviewed: Approve."));
                assertTrue(r.findElement(By.id("review-outcome")).getText().contains("waits for more reviews"));

                // The second approval, a moderator's, applies it.
                WebDriver m = editor.driver();
                BrowserUser.logIn(m, BASE, "admin", ParleyDeployment.adminPassword());
                openTaskOn(m, "suggested-edits", post);
                m.findElement(By.cssSelector(".review-action[data-action='APPROVE']"))
                        .click();
                waitFor(m).until(x -> x.getPageSource().contains("Outcome: Approved"));
                m.get(url.replaceAll("/questions/([0-9]+)/.*", "/questions/$1"));
                assertTrue(m.findElement(By.tagName("h1")).getText().contains("threadless"), "the edit shows");

                // Ned at 2,000 edits freely, then rolls back to the first revision.
                BrowserUser.logIn(m, BASE, ned, PASSWORD);
                assertEquals(
                        "3", m.findElement(By.cssSelector("#topbar-user .rep")).getText(), "+2 for the approved edit");
                Reputations.grant("localhost", ned, 2_000);
                m.get(BASE + "/posts/" + post + "/edit");
                assertTrue(m.findElements(By.id("suggestion-note")).isEmpty(), "a free edit now");
                WebElement body = m.findElement(By.cssSelector("textarea[id$='edit-body']"));
                body.sendKeys(" The bearings are cartridge ones.");
                BrowserUser.press(m, "edit-submit");
                waitFor(m).until(ExpectedConditions.urlMatches("/questions/[0-9]+/"));
                assertTrue(m.findElement(By.cssSelector(".question .post-text"))
                        .getText()
                        .contains("cartridge"));
                // At 2,000 he also sees the up and down votes ("See vote counts", 1,000).
                assertEquals(
                        "+0 −0",
                        m.findElement(By.cssSelector(".question .vote-split")).getText());
                m.get(BASE + "/posts/" + post + "/revisions");
                assertTrue(m.getPageSource().contains("Suggested by"), "the approved suggestion names its proposer");
                m.findElement(By.cssSelector(".rollback-button[data-revision='1']"))
                        .click();
                waitFor(m)
                        .until(x -> x.findElement(By.cssSelector(".revision.is-revision"))
                                .getText()
                                .contains("Rolled back to revision 1"));
                m.get(url.replaceAll("/questions/([0-9]+)/.*", "/questions/$1"));
                assertTrue(!m.findElement(By.tagName("h1")).getText().contains("threadless"), "back as first asked");
                assertTrue(!m.findElement(By.cssSelector(".question .post-text"))
                        .getText()
                        .contains("cartridge"));
            } catch (RuntimeException | AssertionError ex) {
                editor.evidence("failed-edit-privilege-editor");
                reviewer.evidence("failed-edit-privilege-reviewer");
                throw ex;
            }
        }
    }
}
