package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import java.net.URI;
import java.util.List;
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
import org.parley.testing.Browser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * Related and similar questions in a real browser, at 1280 and 390 px: the question page's "Related" sidebar lists
 * the closest question first with its score, for an anonymous reader (from the output cache on the second visit,
 * sidebar included) and a logged-in one; on the ask page, typing a title shows its likely duplicate under the field
 * (links opening in a new tab, reached with Tab, the count announced politely), and a title cut below three words
 * takes the suggestions away. Screenshots: {@code related-sidebar-*}, {@code similar-ask-*}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SimilarQuestionsBrowserIT {

    private static final String RELATED = "aside section.related-questions";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(SimilarQuestionsSeedServlet.class);
    }

    @Test
    void theSidebarShowsRelatedQuestionsAndTheAskPageShowsLikelyDuplicates() throws Exception {
        for (int width : new int[] {1280, 390}) {
            String word = ParleyDeployment.unique("kveik");
            String host = ParleyDeployment.unique("similar") + ".localhost";
            Http.Response seeded = Http.get("localhost", "/test/similar-questions-seed?host=" + host + "&word=" + word);
            assertEquals(200, seeded.status(), seeded.body());
            List<String> paths = seeded.body().lines().toList();
            String page = paths.get(0);
            String closest = paths.get(1);

            // Anonymous, twice: the second page comes from the output cache with the sidebar in it.
            Http.get(host, page);
            Http.Response cached = Http.get(host, page);
            assertEquals("hit", cached.header("X-Parley-Cache"));
            assertTrue(
                    cached.body().contains("related-questions") && cached.body().contains(closest), "sidebar cached");

            try (Browser browser = new Browser(width, 1000)) {
                WebDriver d = browser.driver();
                try {
                    d.get(base(host) + page);
                    List<WebElement> links =
                            waitFor(d).until(x -> x.findElements(By.cssSelector(RELATED + " li a"))).stream()
                                    .toList();
                    assertEquals(
                            closest,
                            URI.create(links.get(0).getAttribute("href")).getPath(),
                            "closest first");
                    assertEquals(6, links.size(), "every yeast question, not the glass one, not itself");
                    assertTrue(links.stream().noneMatch(a -> a.getText().contains("tripel")));
                    assertEquals(
                            "Related",
                            d.findElement(By.cssSelector(RELATED + " h2")).getText());
                    WebElement badge = d.findElement(By.cssSelector(RELATED + " li .side-score"));
                    assertEquals("0", badge.getText());
                    assertTrue(badge.getAttribute("class").contains("has-accepted"), "answered and accepted");
                    assertEquals("score 0, 1 answer, one accepted", badge.getAttribute("title"));
                    ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("document.querySelector(arguments[0]).scrollIntoView()", RELATED);
                    browser.screenshot("related-sidebar-" + width);

                    logIn(d, host);
                    d.get(base(host) + page);
                    assertEquals(
                            closest,
                            URI.create(d.findElement(By.cssSelector(RELATED + " li a"))
                                            .getAttribute("href"))
                                    .getPath(),
                            "the same sidebar for a logged-in reader");

                    d.get(base(host) + "/questions/ask");
                    WebElement title = d.findElement(By.id("ask-title"));
                    title.sendKeys("Keeping " + word + " yeast alive");
                    List<WebElement> similar = waitFor(d).until(x -> {
                        List<WebElement> found = x.findElements(By.cssSelector("#ask-similar li a"));
                        return found.isEmpty() ? null : found;
                    });
                    assertTrue(similar.size() <= 5, "at most five");
                    WebElement first = similar.get(0);
                    assertEquals(page, URI.create(first.getAttribute("href")).getPath(), "the likely duplicate first");
                    assertEquals("_blank", first.getAttribute("target"));
                    assertTrue(first.getText().startsWith("How do I keep " + word + " yeast alive"), first.getText());
                    String status = d.findElement(By.id("ask-similar-status")).getText();
                    assertTrue(status.matches("[1-5] similar questions? — .*"), status);
                    assertEquals(
                            "polite", d.findElement(By.id("ask-similar-status")).getAttribute("aria-live"));
                    browser.screenshot("similar-ask-" + width);

                    // Tab from the title reaches the suggestions first.
                    title.sendKeys(Keys.TAB);
                    assertEquals(first, d.switchTo().activeElement(), "Tab goes to the first suggestion");

                    // Down to two words: the suggestions go.
                    title.clear();
                    title.sendKeys("Keeping " + word);
                    waitFor(d)
                            .until(x -> x.findElements(By.cssSelector("#ask-similar li"))
                                    .isEmpty());
                    assertEquals("", d.findElement(By.id("ask-similar-status")).getText());
                } catch (AssertionError | RuntimeException e) {
                    browser.evidence("similar-questions-" + width + "-failed");
                    throw e;
                }
            }
        }
    }

    private static void logIn(WebDriver d, String host) {
        d.get(base(host) + "/users/login");
        d.findElement(By.id("login-username")).sendKeys("asker");
        d.findElement(By.id("login-password")).sendKeys(SimilarQuestionsSeedServlet.PASSWORD);
        d.findElement(By.id("login-submit")).click();
        waitFor(d).until(x -> x.findElement(By.id("topbar-user")).getText().contains("Asker"));
    }

    private static String base(String host) {
        return "http://" + host + ":" + Http.port();
    }
}
