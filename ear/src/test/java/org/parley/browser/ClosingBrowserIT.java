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
 * Closing as a duplicate and deleting, in real browsers: a user with the close privilege votes to close, picking the
 * original from the search on the close page; a moderator's vote closes it; the banner names the original and the
 * closer, the asker loses the answer box, and the original lists the duplicate. The asker deletes her own question:
 * anonymous readers get a 404, she sees it in pink; an answerer deletes his answer; a moderator undeletes. The admin
 * adds an off-topic reason to the site's list; a voter picks it on the close page, and the banner shows it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClosingBrowserIT {

    private static final String BASE = "http://localhost:" + Http.port();
    private static final String PASSWORD = "a-long-enough-password";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    private static void register(WebDriver d, String username) {
        BrowserUser.register(d, BASE, username, PASSWORD);
    }

    private static String ask(WebDriver d, String title, String body, String tag) {
        return BrowserUser.ask(d, BASE, title, body, tag);
    }

    private static String number(String url) {
        return url.replaceAll(".*/questions/([0-9]+)/.*", "$1");
    }

    @Test
    void aDuplicateIsClosedWithItsBannerAndPostsAreDeletedAndUndeleted() throws Exception {
        String ada = ParleyDeployment.unique("ada");
        String bo = ParleyDeployment.unique("bo");
        String cara = ParleyDeployment.unique("cara");
        String word = ada.replaceAll("[^a-z0-9]", "");
        try (Browser asker = new Browser(1280, 1000);
                Browser other = new Browser(390, 844);
                Browser moderator = new Browser(1280, 1000)) {
            try {
                WebDriver a = asker.driver();
                WebDriver o = other.driver();
                WebDriver m = moderator.driver();
                register(o, bo);
                String original = ask(
                        o,
                        "How do I stop my disc brakes squealing " + word + "?",
                        "They squeal on every wet descent; pads are new and the rotor is clean, I think.",
                        "brakes");
                register(a, ada);
                String copy = ask(
                        a,
                        "Why do my disc brakes squeal when wet " + word + "?",
                        "New pads, clean rotors, and still a loud squeal whenever it rains. What is going on?",
                        "brakes");

                // Cara, with the close privilege, votes to close, picking the original from the search.
                register(o, cara); // Bo leaves; Cara signs up in the same browser
                Reputations.grant("localhost", cara, 3_000);
                o.get(copy);
                o.findElement(By.id("close-question")).click();
                waitFor(o).until(ExpectedConditions.urlContains("/close"));
                o.findElement(By.id("close-reason"))
                        .findElement(By.cssSelector("input[value='DUPLICATE']"))
                        .click();
                WebElement field = o.findElement(By.id("close-duplicate"));
                field.sendKeys("disc brakes squealing " + word);
                By pick = By.cssSelector(
                        "#close-similar .similar-item[data-post='" + number(original) + "'] .pick-original");
                waitFor(o).until(ExpectedConditions.elementToBeClickable(pick));
                other.screenshot("close-vote-phone");
                assertTrue(
                        AxeCheck.seriousViolations(o).isEmpty(),
                        AxeCheck.report("close page", AxeCheck.seriousViolations(o)));
                o.findElement(pick).click();
                assertEquals(number(original), field.getAttribute("value"));
                o.findElement(By.id("close-submit")).click();
                waitFor(o).until(ExpectedConditions.urlMatches("/questions/[0-9]+/"));
                assertTrue(o.getPageSource().contains("Your vote to close counts: 1 of 5."), "the notice");
                assertTrue(o.findElements(By.id("closed-notice")).isEmpty(), "one vote does not close it");

                // The moderator's vote closes it, the original given by its URL.
                BrowserUser.logIn(m, BASE, "admin", ParleyDeployment.adminPassword());
                m.get(copy);
                assertTrue(m.findElement(By.id("close-question")).getText().contains("Close (1)"));
                m.findElement(By.id("close-question")).click();
                m.findElement(By.id("close-submit")).click();
                waitFor(m)
                        .until(x -> !x.findElements(By.id("close-reason-error")).isEmpty()
                                && !x.findElement(By.id("close-reason-error"))
                                        .getText()
                                        .isBlank());
                m.findElement(By.id("close-reason"))
                        .findElement(By.cssSelector("input[value='DUPLICATE']"))
                        .click();
                m.findElement(By.id("close-duplicate")).sendKeys(original);
                m.findElement(By.id("close-submit")).click();
                waitFor(m).until(x -> !x.findElements(By.id("closed-notice")).isEmpty());
                assertTrue(m.getPageSource().contains("Closed as duplicate."));

                a.get(copy);
                String banner = a.findElement(By.id("closed-notice")).getText();
                assertTrue(banner.contains("Closed: Duplicate"), banner);
                assertTrue(banner.contains("This question already has answers here"), banner);
                assertTrue(banner.contains("How do I stop my disc brakes squealing"), banner);
                assertTrue(a.findElements(By.id("answer-body")).isEmpty(), "no answer box");
                assertTrue(a.getPageSource().contains("This question is closed; it takes no new answers."));
                asker.screenshot("closed-duplicate");
                assertTrue(
                        AxeCheck.seriousViolations(a).isEmpty(),
                        AxeCheck.report("closed question", AxeCheck.seriousViolations(a)));
                a.get(original);
                assertTrue(
                        a.findElement(By.cssSelector(".linked-questions"))
                                .getText()
                                .contains("duplicate"),
                        "the original lists its duplicate");

                // Bo answers the original and deletes his answer: others no longer see it, the moderator does.
                BrowserUser.logIn(o, BASE, bo, PASSWORD);
                o.get(original);
                o.findElement(By.id("answer-body"))
                        .sendKeys("Bed the pads in properly: ten hard stops from speed, then wash the rotor.");
                o.findElement(By.id("answer-submit")).click();
                waitFor(o)
                        .until(x -> !x.findElements(By.cssSelector("article.answer"))
                                .isEmpty());
                o.findElement(By.cssSelector("article.answer input[id$='delete-answer']"))
                        .click();
                waitFor(o).until(x -> x.getPageSource().contains("Deleted the answer."));
                assertTrue(o.findElement(By.cssSelector("article.answer"))
                        .getAttribute("class")
                        .contains("is-deleted"));
                a.get(original);
                assertTrue(a.findElements(By.cssSelector("article.answer")).isEmpty(), "gone for others");
                m.get(original);
                assertTrue(m.findElement(By.cssSelector("article.answer"))
                        .getAttribute("class")
                        .contains("is-deleted"));

                // Ada deletes her question: a 404 for anonymous readers, pink for her, undeleted by the moderator.
                a.get(copy);
                a.findElement(By.id("delete-question")).click();
                waitFor(a).until(x -> !x.findElements(By.id("deleted-notice")).isEmpty());
                asker.screenshot("deleted-question-author");
                assertEquals(
                        404, Http.get("localhost", "/questions/" + number(copy)).status());
                m.get(copy);
                m.findElement(By.id("undelete-question")).click();
                waitFor(m).until(x -> x.getPageSource().contains("Undeleted the question."));
                assertTrue(m.findElements(By.id("deleted-notice")).isEmpty());
                assertEquals(
                        301,
                        Http.get("localhost", "/questions/" + number(copy)).status(),
                        "back: a redirect to its canonical URL");
            } catch (RuntimeException | AssertionError e) {
                asker.evidence("failed-closing-asker");
                other.evidence("failed-closing-other");
                moderator.evidence("failed-closing-moderator");
                throw e;
            }
        }
    }

    @Test
    void anOffTopicCloseTakesTheReasonChosenFromTheSitesList() throws Exception {
        String dee = ParleyDeployment.unique("dee");
        String eli = ParleyDeployment.unique("eli");
        String word = dee.replaceAll("[^a-z0-9]", "");
        String own = "Questions about motorbikes " + word + " are off-topic here; ask on the motor vehicles site.";
        try (Browser asker = new Browser(1280, 1000);
                Browser voter = new Browser(390, 844);
                Browser admin = new Browser(1280, 1000)) {
            WebDriver a = asker.driver();
            WebDriver v = voter.driver();
            WebDriver m = admin.driver();
            try {
                // The admin adds a reason to the site's list (the defaults are there to start with).
                BrowserUser.logIn(m, BASE, "admin", ParleyDeployment.adminPassword());
                m.get(BASE + "/admin/sites");
                m.findElement(By.xpath(
                                "//tr[td[normalize-space(text())='localhost']]//a[starts-with(@id,'edit-site-')]"))
                        .click();
                WebElement reasons =
                        waitFor(m).until(ExpectedConditions.presenceOfElementLocated(By.id("site-offTopicReasons")));
                String before = reasons.getAttribute("value");
                assertTrue(before.contains("does not appear to be about"), before);
                reasons.sendKeys("\n" + own);
                m.findElement(By.id("off-topic-save")).click();
                waitFor(m).until(x -> x.getPageSource().contains("off-topic reasons of"));
                assertTrue(m.findElement(By.id("site-offTopicReasons"))
                        .getAttribute("value")
                        .contains(own));

                register(a, dee);
                String question = ask(
                        a,
                        "Which motorbike tyres last longest " + word + "?",
                        "My rear tyre wears out in a few thousand kilometres; which brand lasts the longest?",
                        "tyres");

                // Eli, with the close privilege, picks the site's reason.
                register(v, eli);
                Reputations.grant("localhost", eli, 3_000);
                v.get(question);
                v.findElement(By.id("close-question")).click();
                waitFor(v).until(ExpectedConditions.urlContains("/close"));
                v.findElement(By.id("close-reason"))
                        .findElement(By.cssSelector("input[value='OFF_TOPIC']"))
                        .click();
                v.findElement(By.xpath("//*[@id='close-offTopic']//label[contains(., '" + word + "')]"))
                        .click();
                assertTrue(
                        AxeCheck.seriousViolations(v).isEmpty(),
                        AxeCheck.report("close page with off-topic reasons", AxeCheck.seriousViolations(v)));
                voter.screenshot("close-off-topic-phone");
                v.findElement(By.id("close-submit")).click();
                waitFor(v).until(ExpectedConditions.urlMatches("/questions/[0-9]+/"));
                assertTrue(v.getPageSource().contains("Your vote to close counts: 1 of 5."), "the notice");

                // "Other" takes the voter's own words: without them, refused; the moderator then picks the site's
                // reason, and their vote closes it.
                m.get(question);
                m.findElement(By.id("close-question")).click();
                waitFor(m).until(ExpectedConditions.urlContains("/close"));
                m.findElement(By.id("close-reason"))
                        .findElement(By.cssSelector("input[value='OFF_TOPIC']"))
                        .click();
                m.findElement(By.cssSelector("#close-offTopic input[value='other']"))
                        .click();
                m.findElement(By.id("close-submit")).click();
                waitFor(m)
                        .until(x -> !x.findElements(By.id("close-note-error")).isEmpty()
                                && !x.findElement(By.id("close-note-error"))
                                        .getText()
                                        .isBlank());
                m.findElement(By.xpath("//*[@id='close-offTopic']//label[contains(., '" + word + "')]"))
                        .click();
                m.findElement(By.id("close-submit")).click();
                waitFor(m).until(x -> !x.findElements(By.id("closed-notice")).isEmpty());

                a.get(question);
                String banner = a.findElement(By.id("closed-notice")).getText();
                assertTrue(banner.contains("Closed: Off-topic"), banner);
                assertTrue(banner.contains(own), banner);
                asker.screenshot("closed-off-topic");
            } catch (RuntimeException | AssertionError e) {
                asker.evidence("failed-off-topic-asker");
                voter.evidence("failed-off-topic-voter");
                admin.evidence("failed-off-topic-admin");
                throw e;
            } finally {
                // The site's reasons back to the defaults, for tests that run after this one.
                m.get(BASE + "/admin/sites");
                m.findElement(By.xpath(
                                "//tr[td[normalize-space(text())='localhost']]//a[starts-with(@id,'edit-site-')]"))
                        .click();
                waitFor(m)
                        .until(ExpectedConditions.presenceOfElementLocated(By.id("site-offTopicReasons")))
                        .clear();
                m.findElement(By.id("off-topic-save")).click();
                waitFor(m).until(x -> x.getPageSource().contains("off-topic reasons of"));
            }
        }
    }
}
