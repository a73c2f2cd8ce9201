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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.parley.testing.AxeCheck;
import org.parley.testing.Browser;
import org.parley.testing.BrowserUser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * Revisions of a post written here, in a real browser: Ada asks, edits with a summary, reads the revisions page inline
 * and side by side (on a phone too), rolls back to the first revision and finds the question as she asked it; Bo, who
 * may not edit her post, sees the history without rollback buttons.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RevisionsBrowserIT {

    private static final String BASE = "http://localhost:" + Http.port();
    private static final String FIRST_BODY =
            "My rear wheel wobbles about two millimetres at the rim.\n\nI have only a spoke key.";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    void editWithASummaryReadTheDiffsAndRollBack() throws Exception {
        String ada = ParleyDeployment.unique("ada");
        String bo = ParleyDeployment.unique("bo");
        String title = "How do I true a wheel without a stand " + ada + "?";
        try (Browser author = new Browser(1280, 1000);
                Browser reader = new Browser(390, 844)) {
            try {
                WebDriver a = author.driver();
                register(a, ada);
                String questionUrl = BrowserUser.ask(a, BASE, title, FIRST_BODY, "wheels");
                String number = questionUrl.replaceAll(".*/questions/([0-9]+)/.*", "$1");
                assertTrue(a.findElements(By.linkText("Revisions")).isEmpty(), "no revisions link before an edit");

                // An edit with a summary.
                a.get(BASE + "/posts/" + number + "/edit");
                WebElement body = a.findElement(By.id("edit-body"));
                body.sendKeys(Keys.END);
                body.sendKeys("\n\nEdit: the wobble is lateral, and a zip tie on the stay rubs the rim.");
                a.findElement(By.id("edit-summary")).sendKeys("added what the wobble is");
                author.screenshot("revisions-edit-form");
                BrowserUser.press(a, "edit-submit");
                waitFor(a).until(ExpectedConditions.urlMatches("/questions/" + number + "/"));
                a.findElement(By.linkText("Revisions")).click();
                waitFor(a).until(ExpectedConditions.urlMatches("/posts/" + number + "/revisions$"));

                assertEquals(
                        2,
                        a.findElements(By.cssSelector(".revision.is-revision")).size());
                WebElement newest = a.findElement(By.id("revision-2"));
                assertTrue(newest.getText().contains("added what the wobble is"), newest.getText());
                assertTrue(
                        newest.findElement(By.cssSelector(".diff-text ins"))
                                .getText()
                                .contains("lateral"),
                        "the added words are marked");
                assertTrue(a.findElement(By.id("revision-1")).getText().contains(title));
                assertEquals(
                        1, a.findElements(By.cssSelector(".rollback-button")).size(), "revision 1 only");
                assertTrue(
                        AxeCheck.seriousViolations(a).isEmpty(),
                        AxeCheck.report("revisions", AxeCheck.seriousViolations(a)));
                author.screenshot("revisions-inline");

                a.findElement(By.id("mode-side")).click();
                waitFor(a).until(ExpectedConditions.urlMatches("view=side"));
                WebElement side = a.findElement(By.cssSelector("#revision-2 .diff-side"));
                assertTrue(side.findElement(By.cssSelector(".diff-after ins"))
                        .getText()
                        .contains("lateral"));
                assertTrue(side.findElements(By.cssSelector(".diff-before ins")).isEmpty(), "nothing added before");
                assertTrue(side.findElement(By.cssSelector(".diff-before"))
                        .getText()
                        .contains("only a spoke key"));
                assertEquals("page", a.findElement(By.id("mode-side")).getAttribute("aria-current"));
                assertTrue(
                        AxeCheck.seriousViolations(a).isEmpty(),
                        AxeCheck.report("side by side", AxeCheck.seriousViolations(a)));
                author.screenshot("revisions-side-by-side");

                // Rolling back to revision 1: a third revision that says so, and the question as first asked.
                a.findElement(By.cssSelector(".rollback-button[data-revision='1']"))
                        .click();
                waitFor(a)
                        .until(d -> d.findElements(By.cssSelector(".revision.is-revision"))
                                        .size()
                                == 3);
                assertTrue(a.getCurrentUrl().contains("view=side"), "the mode is kept");
                assertTrue(
                        a.findElement(By.id("revision-3")).getText().contains("Rolled back to revision 1"),
                        a.findElement(By.id("revision-3")).getText());
                author.screenshot("revisions-rolled-back");
                a.get(questionUrl);
                String shown =
                        a.findElement(By.cssSelector(".question .post-text")).getText();
                assertTrue(shown.contains("only a spoke key") && !shown.contains("lateral"), shown);

                // Bo reads the history on his phone: no rollback for him, and nothing wider than the screen.
                WebDriver b = reader.driver();
                register(b, bo);
                b.get(BASE + "/posts/" + number + "/revisions?view=side");
                assertEquals(
                        3,
                        b.findElements(By.cssSelector(".revision.is-revision")).size());
                assertTrue(b.findElements(By.cssSelector(".rollback-button")).isEmpty());
                Number overflow = (Number) ((JavascriptExecutor) b)
                        .executeScript("return document.documentElement.scrollWidth"
                                + " - document.documentElement.clientWidth;");
                assertTrue(overflow.intValue() <= 0, "scrolls sideways by " + overflow + " px");
                reader.screenshot("revisions-phone");
            } catch (RuntimeException | AssertionError e) {
                author.evidence("failed-revisions-author");
                reader.evidence("failed-revisions-reader");
                throw e;
            }
        }
    }

    private static void register(WebDriver d, String username) {
        d.get(BASE + "/users/register");
        d.findElement(By.id("register-username")).sendKeys(username);
        d.findElement(By.id("register-display")).sendKeys("User " + username);
        d.findElement(By.id("register-password")).sendKeys("a-long-enough-password");
        d.findElement(By.id("register-submit")).click();
        waitFor(d)
                .until(x -> x.findElement(By.id("topbar-user")).getText().contains("User " + username)
                        || !x.findElements(By.id("logout")).isEmpty());
    }
}
