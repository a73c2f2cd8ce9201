package org.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.testing.AxeCheck;
import org.parley.testing.Browser;
import org.parley.testing.BrowserUser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;

/**
 * Badges in real browsers: Ada asks, Bo votes her question up, and without anything else Ada's Student badge (and
 * Bo's Supporter) appear: on the badges page, where the keyboard reaches the badge's page, which lists Ada first, on
 * her profile's counts and in her notifications. Axe on both pages; the pages on a phone scroll no wider than it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadgesBrowserIT {

    private static final String BASE = "http://localhost:" + Http.port();
    private static final String PASSWORD = "a-long-enough-password";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    void aVotedQuestionEarnsStudentShownOnTheBadgesPagesAndTheProfile() throws Exception {
        String ada = ParleyDeployment.unique("ada");
        String bo = ParleyDeployment.unique("bo");
        try (Browser asker = new Browser(1280, 1000);
                Browser voter = new Browser(390, 844)) {
            try {
                WebDriver a = asker.driver();
                BrowserUser.register(a, BASE, ada, PASSWORD);
                String questionUrl = BrowserUser.ask(
                        a,
                        BASE,
                        "How do I true a wheel without a stand " + ada + "?",
                        "My rear wheel wobbles about two millimetres at the rim.\n\nI have only a spoke key.",
                        "wheels");
                WebDriver b = voter.driver();
                BrowserUser.register(b, BASE, bo, PASSWORD);
                Reputations.grant("localhost", bo, 15);
                b.get(questionUrl);
                b.findElement(By.cssSelector(".question .vote-up")).click();
                waitFor(b)
                        .until(d -> d.findElement(By.cssSelector(".question .score"))
                                .getText()
                                .trim()
                                .equals("1"));

                // The badge page of Student lists Ada once her check has run (a job on the badge queue).
                new WebDriverWait(a, Duration.ofSeconds(30))
                        .pollingEvery(Duration.ofMillis(500))
                        .until(d -> {
                            d.get(BASE + "/badges/1");
                            return d.findElement(By.id("holders")).getText().contains("User " + ada);
                        });
                assertTrue(
                        a.findElement(By.cssSelector("#holders li:first-child"))
                                .getText()
                                .contains("User " + ada),
                        "the newest holder first");

                // The badges page: every badge with its class and how to earn it; the keyboard reaches Student.
                a.get(BASE + "/badges");
                WebElement list = a.findElement(By.id("badges"));
                assertTrue(list.getText().contains("Asked a question with a score of 1 or more."), list.getText());
                assertEquals(
                        26, a.findElements(By.cssSelector("#badges .badge-row")).size());
                assertEquals(
                        4,
                        a.findElements(By.cssSelector("#badges a.badge-gold")).size());
                assertTrue(
                        AxeCheck.seriousViolations(a).isEmpty(),
                        AxeCheck.report("badges", AxeCheck.seriousViolations(a)));
                asker.screenshot("badges-list");
                WebElement student = a.findElement(By.cssSelector("#badges a[href$='/badges/1']"));
                for (int i = 0; i < 200 && !student.equals(a.switchTo().activeElement()); i++) {
                    a.switchTo().activeElement().sendKeys(Keys.TAB);
                }
                assertEquals(student, a.switchTo().activeElement(), "Tab reaches the Student badge");
                a.switchTo().activeElement().sendKeys(Keys.ENTER);
                waitFor(a).until(ExpectedConditions.urlMatches("/badges/1$"));
                assertTrue(a.findElement(By.id("badge-how")).getText().contains("score of 1 or more"));
                assertTrue(
                        AxeCheck.seriousViolations(a).isEmpty(),
                        AxeCheck.report("badge", AxeCheck.seriousViolations(a)));
                asker.screenshot("badges-student");

                // Ada's profile counts it, and she was told.
                a.findElement(By.partialLinkText("User " + ada)).click();
                waitFor(a).until(ExpectedConditions.urlMatches("/users/[0-9]+/"));
                String counts = a.findElement(By.id("badge-counts")).getText();
                assertTrue(counts.contains("1 bronze") && counts.contains("0 gold"), counts);
                // The counts lead to her Badges tab, and her Activity tab has the badge above the question she asked.
                a.findElement(By.id("badge-counts")).click();
                waitFor(a).until(ExpectedConditions.urlContains("tab=badges"));
                assertEquals(
                        "Student",
                        a.findElement(By.cssSelector("#profile-badges .badge"))
                                .getText()
                                .trim());
                asker.screenshot("badges-profile");
                a.findElement(By.id("tab-activity")).click();
                waitFor(a).until(ExpectedConditions.urlContains("tab=activity"));
                List<String> activity = a.findElements(By.cssSelector("#profile-activity li")).stream()
                        .map(e -> e.getText().replaceAll("\\s+", " "))
                        .toList();
                assertEquals(2, activity.size(), activity.toString());
                assertTrue(activity.get(0).startsWith("earned Student"), activity.toString());
                assertTrue(
                        activity.get(1).startsWith("asked How do I true a wheel without a stand " + ada),
                        activity.toString());
                assertTrue(
                        AxeCheck.seriousViolations(a).isEmpty(),
                        AxeCheck.report("activity tab", AxeCheck.seriousViolations(a)));
                a.get(BASE + "/notifications");
                assertTrue(
                        a.findElement(By.tagName("main"))
                                .getText()
                                .contains("You earned the bronze badge \u201cStudent\u201d."),
                        "the notification");

                // Bo, on his phone, finds his Supporter badge; neither page scrolls sideways.
                new WebDriverWait(b, Duration.ofSeconds(30))
                        .pollingEvery(Duration.ofMillis(500))
                        .until(d -> {
                            d.get(BASE + "/badges/4");
                            return d.findElement(By.id("holders")).getText().contains("User " + bo);
                        });
                assertNoSidewaysScroll(b);
                voter.screenshot("badges-supporter-phone");
                // One of Parley's badges asked for by class and name goes to its numbered page.
                b.get(BASE + "/badges/bronze/Supporter");
                waitFor(b).until(ExpectedConditions.urlMatches("/badges/4$"));
                b.get(BASE + "/badges");
                assertNoSidewaysScroll(b);
                voter.screenshot("badges-list-phone");
            } catch (RuntimeException | AssertionError e) {
                asker.evidence("failed-badges-asker");
                voter.evidence("failed-badges-voter");
                throw e;
            }
        }
    }

    private static void assertNoSidewaysScroll(WebDriver d) {
        Number overflow = (Number) ((JavascriptExecutor) d)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, "scrolls sideways by " + overflow + " px");
    }
}
