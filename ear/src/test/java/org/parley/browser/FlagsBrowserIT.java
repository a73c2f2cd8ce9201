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
 * Flags in real browsers: a user with "Flag posts" flags a question for a moderator (the text is required) and a rude
 * comment on it; the moderator sees the count in the top bar, the flags at /review/flags, marks the question's flag
 * declined and the comment's helpful, deleting the comment; the flagger's profile shows the record.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FlagsBrowserIT {

    private static final String BASE = "http://localhost:" + Http.port();
    private static final String PASSWORD = "a-long-enough-password";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    private static void register(WebDriver d, String username) {
        BrowserUser.register(d, BASE, username, PASSWORD);
    }

    @Test
    void aFlagReachesTheModeratorsWhoHandleIt() throws Exception {
        String asker = ParleyDeployment.unique("ask");
        String rude = ParleyDeployment.unique("rude");
        String flagger = ParleyDeployment.unique("flg");
        try (Browser user = new Browser(390, 844);
                Browser moderator = new Browser(1280, 1000)) {
            try {
                WebDriver u = user.driver();
                register(u, asker);
                String url = BrowserUser.ask(
                        u,
                        BASE,
                        "Which tyre pressure for gravel roads " + asker + "?",
                        "I ride 40 mm tyres on mixed gravel and tarmac. Where should I start with pressure?",
                        "tyres");

                register(u, rude);
                Reputations.grant("localhost", rude, 50);
                u.get(url);
                BrowserUser.openCommentForm(u, ".question").sendKeys("Nobody cares about your tyres, go away.");
                u.findElement(By.cssSelector(".question .comment-submit")).click();
                waitFor(u).until(x -> x.getPageSource().contains("Nobody cares about your tyres"));

                register(u, flagger);
                u.get(url);
                assertTrue(u.findElements(By.id("flag-question")).isEmpty() == false, "a flag link for a new user");
                u.findElement(By.id("flag-question")).click();
                // Below 15 reputation: the 403 page names the privilege.
                waitFor(u).until(x -> x.getPageSource().contains("Flag posts"));
                assertTrue(u.getPageSource().contains("15 reputation"));
                Reputations.grant("localhost", flagger, 15);
                u.get(url);
                u.findElement(By.id("flag-question")).click();
                waitFor(u).until(ExpectedConditions.presenceOfElementLocated(By.id("flag-kind")));
                u.findElement(By.id("flag-kind"))
                        .findElement(By.cssSelector("input[value='NEEDS_MODERATOR']"))
                        .click();
                u.findElement(By.id("flag-submit")).click();
                waitFor(u)
                        .until(x -> !x.findElement(By.id("flag-text-error"))
                                .getText()
                                .isBlank());
                user.screenshot("flag-needs-text-phone");
                assertTrue(
                        AxeCheck.seriousViolations(u).isEmpty(),
                        AxeCheck.report("flag page", AxeCheck.seriousViolations(u)));
                u.findElement(By.id("flag-text")).sendKeys("The same question was asked yesterday by this user.");
                u.findElement(By.id("flag-submit")).click();
                waitFor(u).until(ExpectedConditions.urlMatches("/questions/[0-9]+/"));
                assertTrue(u.getPageSource().contains("Thanks: a moderator will look at the question."));
                u.findElement(By.cssSelector(".question .comment-flag")).click();
                waitFor(u).until(ExpectedConditions.presenceOfElementLocated(By.id("flag-kind")));
                assertTrue(
                        u.findElement(By.cssSelector(".flag-quote")).getText().contains("Nobody cares"));
                u.findElement(By.id("flag-kind"))
                        .findElement(By.cssSelector("input[value='RUDE']"))
                        .click();
                u.findElement(By.id("flag-submit")).click();
                waitFor(u).until(x -> x.getPageSource().contains("Thanks: a moderator will look at the comment."));

                WebDriver m = moderator.driver();
                BrowserUser.logIn(m, BASE, "admin", ParleyDeployment.adminPassword());
                assertTrue(m.findElement(By.id("nav-flags")).getText().matches("Flags \\([0-9]+\\)"));
                m.findElement(By.id("nav-flags")).click();
                waitFor(m).until(ExpectedConditions.urlContains("/review/flags"));
                WebElement questionFlags = m.findElement(
                        By.xpath("//article[contains(@class,'flag-group')][.//blockquote[contains(.,'40 mm tyres')]]"));
                assertTrue(questionFlags.getText().contains("The same question was asked yesterday"));
                moderator.screenshot("review-flags");
                assertTrue(
                        AxeCheck.seriousViolations(m).isEmpty(),
                        AxeCheck.report("flags page", AxeCheck.seriousViolations(m)));
                questionFlags.findElement(By.cssSelector(".flag-decline")).click();
                waitFor(m).until(x -> x.getPageSource().contains("1 flag marked declined."));
                m.findElement(By.xpath(
                                "//article[contains(@class,'flag-group')][.//blockquote[contains(.,'Nobody cares')]]"
                                        + "//input[contains(@class,'flag-delete')]"))
                        .click();
                waitFor(m).until(x -> x.getPageSource().contains("1 flag marked helpful; the comment is deleted."));
                m.get(url);
                assertTrue(!m.getPageSource().contains("Nobody cares about your tyres"), "the comment is gone");

                u.get(u.findElement(By.id("topbar-user")).getAttribute("href")); // a notice may cover the link
                String record = waitFor(u)
                        .until(ExpectedConditions.presenceOfElementLocated(By.id("flag-record")))
                        .getText();
                assertEquals(
                        "1 helpful flag (1 declined, 0 pending)",
                        record.replaceAll("\\s+", " ").trim());
            } catch (RuntimeException | AssertionError e) {
                user.evidence("failed-flags-user");
                moderator.evidence("failed-flags-moderator");
                throw e;
            }
        }
    }
}
