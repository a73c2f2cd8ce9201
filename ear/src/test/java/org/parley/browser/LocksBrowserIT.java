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
import org.parley.testing.Browser;
import org.parley.testing.BrowserUser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * A moderator locks a question, in real browsers: its page says so to everyone, the author loses the edit link and
 * the answer box (votes and comments are refused by the services: QuestionServiceH2Test), and the history lists the
 * lock; unlocking gives it all back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LocksBrowserIT {

    private static final String BASE = "http://localhost:" + Http.port();
    private static final String PASSWORD = "a-long-enough-password";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    void aLockedQuestionTakesNoVotesEditsCommentsOrAnswers() throws Exception {
        String ada = ParleyDeployment.unique("ada");
        try (Browser author = new Browser(390, 844);
                Browser moderator = new Browser(1280, 1000)) {
            try {
                WebDriver a = author.driver();
                a.get(BASE + "/users/register");
                a.findElement(By.id("register-username")).sendKeys(ada);
                a.findElement(By.id("register-display")).sendKeys("User " + ada);
                a.findElement(By.id("register-password")).sendKeys(PASSWORD);
                a.findElement(By.id("register-submit")).click();
                waitFor(a).until(x -> !x.findElements(By.id("logout")).isEmpty());
                String url = BrowserUser.ask(
                        a,
                        BASE,
                        "Which chain lube lasts in the rain " + ada + "?",
                        "Wet lube collects grit, dry lube washes off. What lasts a wet winter commute?",
                        "chain");
                assertTrue(a.findElements(By.id("locked-notice")).isEmpty());

                WebDriver m = moderator.driver();
                m.get(BASE + "/users/login");
                m.findElement(By.id("login-username")).sendKeys("admin");
                m.findElement(By.id("login-password")).sendKeys(ParleyDeployment.adminPassword());
                m.findElement(By.id("login-submit")).click();
                waitFor(m).until(x -> !x.findElements(By.id("logout")).isEmpty());
                m.get(url);
                m.findElement(By.id("lock-question")).click();
                waitFor(m).until(x -> !x.findElements(By.id("locked-notice")).isEmpty());
                assertTrue(m.getPageSource().contains("Locked the question."));
                assertEquals("Unlock", m.findElement(By.id("lock-question")).getAttribute("value"));
                moderator.screenshot("locked-question-moderator");

                // The author finds it locked.
                a.get(url);
                assertTrue(a.findElement(By.id("locked-notice")).getText().contains("takes no votes, edits"));
                assertTrue(
                        a.findElements(By.cssSelector(".question .edit-link")).isEmpty(), "no edit link");
                assertTrue(a.findElements(By.id("answer-body")).isEmpty(), "no answer box");
                assertTrue(
                        a.findElements(By.cssSelector(".question details.comment-form"))
                                .isEmpty(),
                        "no comment form");
                assertTrue(a.getPageSource().contains("This question is locked; it takes no new answers."));
                author.screenshot("locked-question-phone");

                m.get(BASE + "/posts/" + url.replaceAll(".*/questions/([0-9]+)/.*", "$1") + "/revisions");
                assertTrue(m.findElement(By.cssSelector(".revision.is-event"))
                        .getText()
                        .contains("Locked"));

                m.get(url);
                m.findElement(By.id("lock-question")).click();
                waitFor(m).until(x -> x.findElements(By.id("locked-notice")).isEmpty());
                a.get(url);
                assertTrue(!a.findElements(By.id("answer-body")).isEmpty(), "the answer box is back");
                assertTrue(
                        !a.findElements(By.cssSelector(".question details.comment-form"))
                                .isEmpty(),
                        "and comments");
                assertTrue(
                        !a.findElements(By.cssSelector(".question .edit-link")).isEmpty(), "the edit link is back");
            } catch (RuntimeException | AssertionError e) {
                author.evidence("failed-locks-author");
                moderator.evidence("failed-locks-moderator");
                throw e;
            }
        }
    }
}
