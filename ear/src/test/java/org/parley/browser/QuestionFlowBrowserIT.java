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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.parley.testing.Browser;
import org.parley.testing.BrowserUser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;

/**
 * Two people in two real browsers: Ada registers and asks, Bo registers and answers and votes, Ada votes and accepts;
 * both see scores, the accepted mark and reputation change on the page without a reload.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QuestionFlowBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    private static final String BASE = "http://localhost:" + Http.port();

    @Test
    void registerAskAnswerVoteAccept() throws Exception {
        String ada = ParleyDeployment.unique("ada");
        String bo = ParleyDeployment.unique("bo");
        String title = "How do I true a wheel without a stand " + ada + "?";
        try (Browser asker = new Browser(1280, 1000);
                Browser answerer = new Browser(390, 844)) {
            register(asker, ada, "Ada " + ada);
            WebDriver a = asker.driver();
            a.get(BASE + "/questions/ask");
            a.findElement(By.id("ask-title")).sendKeys(title);
            a.findElement(By.id("ask-body"))
                    .sendKeys(
                            "I have a slight wobble in my rear wheel.\n\n* no truing stand\n* only a spoke key\n\n`zip ties`?");
            WebElement preview = a.findElement(By.id("ask-preview"));
            waitFor(a).until(d -> preview.getAttribute("innerHTML").contains("<li>no truing stand</li>"));
            WebElement tags = a.findElement(By.cssSelector("#ask-tags input, input#ask-tags"));
            tags.sendKeys("wheels");
            tags.sendKeys(Keys.ENTER);
            tags.sendKeys("truing");
            tags.sendKeys(Keys.ENTER);
            asker.screenshot("ask");
            BrowserUser.submitAsk(a);
            waitFor(a).until(ExpectedConditions.urlMatches("/questions/[0-9]+/"));
            String questionUrl = a.getCurrentUrl();
            assertTrue(a.findElement(By.tagName("h1")).getText().contains(title));
            assertTrue(a.getPageSource().contains("<code>zip ties</code>"));

            register(answerer, bo, "Bo " + bo);
            WebDriver b = answerer.driver();
            b.get(questionUrl);
            b.findElement(By.id("answer-body"))
                    .sendKeys(
                            "Use the brake pads as a gauge: tighten spokes on the side away from the rub, a quarter turn each.");
            b.findElement(By.id("answer-submit")).click();
            waitFor(b).until(d -> !d.findElements(By.cssSelector(".answer")).isEmpty());
            WebElement answer = b.findElement(By.cssSelector(".answer"));
            String answerNumber = answer.getAttribute("data-post");
            // A new user may not vote up yet: the refusal names the privilege and what it takes.
            b.findElement(By.cssSelector(".question .vote-up")).click();
            waitFor(b).until(d -> d.getPageSource().contains("“Vote up” privilege"));
            assertTrue(b.getPageSource().contains("15 reputation"), "says how much it needs");
            assertEquals(
                    "0",
                    b.findElement(By.cssSelector(".question .score")).getText().trim());
            answerer.screenshot("vote-refused-phone");
            // Both earn the privilege (as upvotes elsewhere would give it), and vote.
            Reputations.grant("localhost", bo, 15);
            Reputations.grant("localhost", ada, 15);
            b.navigate().refresh();
            b.findElement(By.cssSelector(".question .vote-up")).click();
            waitFor(b)
                    .until(d -> d.findElement(By.cssSelector(".question .score"))
                            .getText()
                            .trim()
                            .equals("1"));
            answerer.screenshot("answered-phone");

            a.get(questionUrl);
            a.findElement(By.cssSelector(".answer[data-post='" + answerNumber + "'] .vote-up"))
                    .click();
            waitFor(a)
                    .until(d -> d.findElement(By.cssSelector(".answer[data-post='" + answerNumber + "'] .score"))
                            .getText()
                            .trim()
                            .equals("1"));
            a.findElement(By.cssSelector(".answer[data-post='" + answerNumber + "'] .accept"))
                    .click();
            waitFor(a)
                    .until(d -> !d.findElements(By.cssSelector(".answer[data-post='" + answerNumber + "'] .accepted"))
                            .isEmpty());
            asker.screenshot("accepted");

            // Voting on one's own post is refused with a message, and the score does not move.
            a.findElement(By.cssSelector(".question .vote-up")).click();
            waitFor(a).until(d -> d.getPageSource().contains("your own"));
            assertEquals(
                    "1",
                    a.findElement(By.cssSelector(".question .score")).getText().trim());

            // Reputation: Ada 15 + 10 (question upvoted) + 2 (accepted an answer); Bo 15 + 10 + 15. Read from the top
            // bar's title: on Bo's phone-sized page the number itself gives way to the name.
            a.navigate().refresh();
            waitFor(a).until(d -> reputation(d).equals("27"));
            b.navigate().refresh();
            waitFor(b).until(d -> reputation(d).equals("40"));
            assertTrue(b.findElement(By.cssSelector(".answer[data-post='" + answerNumber + "'] .accepted"))
                    .isDisplayed());

            a.get(BASE + "/questions/tagged/truing");
            assertTrue(a.getPageSource().contains(title));
            asker.screenshot("tagged");
        }
    }

    private static void register(Browser browser, String username, String displayName) throws Exception {
        WebDriver d = browser.driver();
        d.get(BASE + "/users/register");
        d.findElement(By.id("register-username")).sendKeys(username);
        d.findElement(By.id("register-display")).sendKeys(displayName);
        d.findElement(By.id("register-password")).sendKeys("a-long-enough-password");
        d.findElement(By.id("register-submit")).click();
        waitFor(d).until(x -> x.findElement(By.id("topbar-user")).getText().contains(displayName));
    }

    /** The reputation the top bar's user link states in its title ("Your profile: 26 reputation points"). */
    private static String reputation(WebDriver d) {
        String title = d.findElement(By.id("topbar-user")).getAttribute("title");
        return title.replaceAll(".*?([0-9,]+) reputation points?.*", "$1");
    }
}
