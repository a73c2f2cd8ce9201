package org.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import java.net.URI;
import java.time.Duration;
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
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.parley.testing.Browser;
import org.parley.testing.BrowserUser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;

/**
 * The forms a newcomer fills in, in a real browser: every error shown at once next to its field (marked
 * {@code aria-invalid}, described by its message) with a summary on top and the clean address kept; the tag box
 * checking tags as they are typed with the server's rule (a sixth tag refused, "Red Wine" explained, letters outside
 * a–z named); a click on the button right after adding a tag posting the question; the body's live count, the
 * preview stopping at the limit and the server's limit error inline.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FormsBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    private static final String BASE = "http://localhost:" + Http.port();

    @Test
    void everyErrorShowsInlineAtOnceAndTheAddressStaysClean() throws Exception {
        for (int width : new int[] {1280, 390}) {
            try (Browser browser = new Browser(width, 1000)) {
                WebDriver d = browser.driver();
                try {
                    register(d, ParleyDeployment.unique("fay"));
                    d.get(BASE + "/questions/ask");
                    d.findElement(By.id("ask-title")).sendKeys("Too short");
                    d.findElement(By.id("ask-body")).sendKeys("Tiny body.");
                    BrowserUser.submitAsk(d);
                    waitFor(d)
                            .until(x -> !x.findElements(By.cssSelector(".error-summary"))
                                    .isEmpty());

                    assertEquals(
                            "/questions/ask",
                            URI.create(d.getCurrentUrl()).getPath(),
                            "the address after a failed post");
                    assertInvalid(d, "ask-title", "ask-title-error", "at least 15");
                    assertInvalid(d, "ask-body", "ask-body-error", "at least 30");
                    assertInvalid(d, "ask-tags_input", "ask-tags-error", "at least one tag");
                    WebElement summary = d.findElement(By.cssSelector(".error-summary"));
                    assertEquals("alert", summary.getAttribute("role"));
                    List<String> links = summary.findElements(By.tagName("a")).stream()
                            .map(a -> a.getAttribute("href").replaceAll("^.*#", "#"))
                            .toList();
                    assertEquals(List.of("#ask-title", "#ask-body", "#ask-tags_input"), links);
                    assertTrue(
                            d.findElements(By.cssSelector(".ui-growl-item")).isEmpty(),
                            "errors are not toasts any more");
                    // What was typed is kept.
                    assertEquals("Too short", d.findElement(By.id("ask-title")).getAttribute("value"));
                    browser.screenshot("forms-ask-errors-" + width);

                    // Fixing one field leaves the others marked; a second failed post still keeps the address.
                    d.findElement(By.id("ask-title")).sendKeys(" but now long enough");
                    BrowserUser.submitAsk(d);
                    waitFor(d)
                            .until(x -> x.findElement(By.id("ask-title")).getAttribute("aria-invalid") == null
                                    || "false"
                                            .equals(x.findElement(By.id("ask-title"))
                                                    .getAttribute("aria-invalid")));
                    assertEquals("/questions/ask", URI.create(d.getCurrentUrl()).getPath());
                    assertInvalid(d, "ask-body", "ask-body-error", "at least 30");
                    assertEquals(
                            "",
                            d.findElement(By.id("ask-title-error")).getText().trim());
                } catch (AssertionError | RuntimeException e) {
                    browser.evidence("forms-inline-" + width + "-failed");
                    throw e;
                }
            }
        }
    }

    @Test
    void theSignUpFormShowsEveryProblemAtOnce() throws Exception {
        try (Browser browser = new Browser(390, 844)) {
            WebDriver d = browser.driver();
            try {
                d.get(BASE + "/users/register");
                d.findElement(By.id("register-username")).sendKeys("X!");
                d.findElement(By.id("register-display")).sendKeys("Ok Name");
                d.findElement(By.id("register-password")).sendKeys("short");
                d.findElement(By.id("register-submit")).click();
                waitFor(d)
                        .until(x -> !x.findElements(By.cssSelector(".error-summary"))
                                .isEmpty());
                assertEquals("/users/register", URI.create(d.getCurrentUrl()).getPath());
                assertInvalid(d, "register-username", "register-username-error", "username");
                assertInvalid(d, "register-password", "register-password-error", "at least 10");
                assertEquals(
                        "",
                        d.findElement(By.id("register-display-error")).getText().trim());
                browser.screenshot("forms-register-errors-390");
            } catch (AssertionError | RuntimeException e) {
                browser.evidence("forms-register-failed");
                throw e;
            }
        }
    }

    @Test
    void theTagBoxChecksTagsAsTheyAreTyped() throws Exception {
        try (Browser browser = new Browser(1280, 1000)) {
            WebDriver d = browser.driver();
            try {
                register(d, ParleyDeployment.unique("gus"));
                d.get(BASE + "/questions/ask");
                WebElement tags = d.findElement(By.id("ask-tags_input"));
                WebElement note = d.findElement(By.id("ask-tags-note"));

                // Letters outside a-z are named as they are typed, with what is allowed.
                tags.sendKeys("café");
                waitFor(d).until(x -> note.getText().contains("a–z, 0–9, + # . -"));
                assertEquals("true", tags.getAttribute("aria-invalid"));
                tags.sendKeys(Keys.ENTER);
                assertEquals(0, tokens(d).size(), "an invalid tag is not added");
                tags.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
                waitFor(d).until(x -> !"true".equals(tags.getAttribute("aria-invalid")));

                // "Red Wine" typed with a space is two tags: the box says so and offers red-wine.
                tags.sendKeys("Red Wine ");
                waitFor(d).until(x -> note.getText().contains("red-wine"));
                assertEquals(List.of("red", "wine"), tokens(d));
                scrollTo(d, note);
                browser.screenshot("forms-tags-red-wine");
                d.findElement(By.cssSelector("#ask-tags-note button.tag-merge")).click();
                waitFor(d).until(x -> tokens(x).equals(List.of("red-wine")));

                // Five tags at most: the sixth is refused with a message and stays typed.
                for (String t : List.of("a1", "b2", "c3", "d4")) {
                    tags.sendKeys(t, Keys.ENTER);
                }
                assertEquals(5, tokens(d).size());
                assertTrue(tags.isDisplayed(), "the box still takes typing");
                tags.sendKeys("e5", Keys.ENTER);
                waitFor(d).until(x -> note.getText().contains("at most 5"));
                assertEquals(5, tokens(d).size());
                assertEquals("e5", tags.getAttribute("value"));
                scrollTo(d, note);
                browser.screenshot("forms-tags-sixth");
            } catch (AssertionError | RuntimeException e) {
                browser.evidence("forms-tags-failed");
                throw e;
            }
        }
    }

    @Test
    void aClickOnPostRightAfterAddingATagPostsTheQuestion() throws Exception {
        // Five tags with one prefix, so that typing the prefix brings a long list of suggestions.
        String prefix = ParleyDeployment.unique("wob");
        List<String> five = List.of("a", "b", "c", "d", "e").stream()
                .map(x -> prefix + "-" + x)
                .toList();
        // Tall enough that the button is on screen below the tag box, where the suggestion list opened.
        try (Browser browser = new Browser(1280, 1400)) {
            WebDriver d = browser.driver();
            try {
                String hal = ParleyDeployment.unique("hal");
                register(d, hal);
                // Hal asks twice in a row: at 10 reputation a user is no longer new, held to a question per 40 min.
                Reputations.grant("localhost", hal, 10);
                ask(d, "A first question so that the tags " + prefix + " exist", five.toArray(String[]::new));
                // The tag engine learns the new tags after the commit; wait until it lists them.
                waitFor(d).until(x -> {
                    x.get(BASE + "/questions/tagged/" + five.get(4));
                    return x.getPageSource().contains("so that the tags " + prefix);
                });

                d.get(BASE + "/questions/ask");
                d.findElement(By.id("ask-title")).sendKeys("Why does my wheel wobble after truing it?");
                d.findElement(By.id("ask-body")).sendKeys("It wobbles again a day after truing; the spokes seem fine.");
                // A slow network: the suggestions asked for while typing arrive after the tag was added.
                browser.driver().setNetworkConditions(latency(Duration.ofMillis(700)));
                WebElement tags = d.findElement(By.id("ask-tags_input"));
                tags.sendKeys(prefix);
                Thread.sleep(350); // the suggestion query (200 ms delay) is on its way
                tags.sendKeys(Keys.ENTER);
                Thread.sleep(1500); // its answer has arrived
                browser.screenshot("forms-post-after-tag");
                new Actions(d)
                        .moveToElement(d.findElement(By.id("ask-submit")))
                        .click()
                        .perform();
                waitFor(d).until(ExpectedConditions.urlMatches("/questions/[0-9]+/"));
                assertTrue(d.getPageSource().contains("Why does my wheel wobble after truing it?"));
            } catch (AssertionError | RuntimeException e) {
                browser.evidence("forms-post-after-tag-failed");
                throw e;
            } finally {
                browser.driver().deleteNetworkConditions();
            }
        }
    }

    @Test
    void theBodyShowsItsLimitAndTheServersLimitErrorInline() throws Exception {
        try (Browser browser = new Browser(1280, 1000)) {
            WebDriver d = browser.driver();
            try {
                register(d, ParleyDeployment.unique("ida"));
                d.get(BASE + "/questions/ask");
                WebElement count = d.findElement(By.id("ask-body-count"));
                assertTrue(count.getText().contains("30,000"), count.getText());
                d.findElement(By.id("ask-body")).sendKeys("Twelve chars");
                waitFor(d).until(x -> count.getText().startsWith("12 "));

                // Pasted past the limit: the count says so (30,004: surrounding spaces do not count, as on the
                // server), the preview stops at the limit.
                ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("var t = document.getElementById('ask-body');"
                                + " t.value = 'word '.repeat(6001);"
                                + " t.dispatchEvent(new Event('input', {bubbles: true}));"
                                + " t.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));");
                waitFor(d).until(x -> count.getText().startsWith("30,004 "));
                assertTrue(count.getAttribute("class").contains("over"), count.getAttribute("class"));
                WebElement preview = d.findElement(By.id("ask-preview"));
                waitFor(d).until(x -> preview.getText().contains("stops at 30,000"));
                assertTrue(preview.getText().length() < 30_500, "the preview renders no more than the limit");

                d.findElement(By.id("ask-title")).sendKeys("What limits does the body of a question have?");
                WebElement tags = d.findElement(By.id("ask-tags_input"));
                tags.sendKeys("limits", Keys.ENTER);
                BrowserUser.submitAsk(d);
                waitFor(d)
                        .until(x -> !x.findElements(By.cssSelector(".error-summary"))
                                .isEmpty());
                assertInvalid(d, "ask-body", "ask-body-error", "at most 30000");
                assertEquals("/questions/ask", URI.create(d.getCurrentUrl()).getPath());
                assertEquals(
                        "", d.findElement(By.id("ask-title-error")).getText().trim());
                browser.screenshot("forms-body-limit");
            } catch (AssertionError | RuntimeException e) {
                browser.evidence("forms-body-limit-failed");
                throw e;
            }
        }
    }

    private static void scrollTo(WebDriver d, WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private static void assertInvalid(WebDriver d, String inputId, String errorId, String text) {
        WebElement input = d.findElement(By.id(inputId));
        assertEquals("true", input.getAttribute("aria-invalid"), inputId + " aria-invalid");
        String describedBy = input.getAttribute("aria-describedby");
        assertTrue(
                describedBy != null && List.of(describedBy.split(" ")).contains(errorId), inputId + ": " + describedBy);
        WebElement error = d.findElement(By.id(errorId));
        assertTrue(error.isDisplayed(), errorId + " shown");
        assertTrue(error.getText().contains(text), errorId + ": " + error.getText());
    }

    @SuppressWarnings("unchecked")
    private static List<String> tokens(WebDriver d) {
        // Read in one go by the page: PrimeFaces replaces the token elements as they change.
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return Array.from(document.querySelectorAll('#ask-tags li.ui-autocomplete-token'))"
                        + ".map(function (li) { return li.getAttribute('data-token-value'); });");
    }

    private static ChromiumNetworkConditions latency(Duration latency) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setLatency(latency);
        return conditions;
    }

    private static void ask(WebDriver d, String title, String... tagNames) {
        d.get(BASE + "/questions/ask");
        d.findElement(By.id("ask-title")).sendKeys(title);
        d.findElement(By.id("ask-body")).sendKeys("A body that is long enough to be accepted by the rules.");
        WebElement tags = d.findElement(By.id("ask-tags_input"));
        for (String tag : tagNames) {
            tags.sendKeys(tag, Keys.ENTER);
        }
        BrowserUser.submitAsk(d);
        waitFor(d).until(ExpectedConditions.urlMatches("/questions/[0-9]+/"));
        assertFalse(d.getPageSource().contains("error-summary"));
    }

    private static void register(WebDriver d, String username) {
        d.get(BASE + "/users/register");
        d.findElement(By.id("register-username")).sendKeys(username);
        d.findElement(By.id("register-display")).sendKeys("Forms " + username);
        d.findElement(By.id("register-password")).sendKeys("a-long-enough-password");
        d.findElement(By.id("register-submit")).click();
        waitFor(d).until(x -> x.findElement(By.id("topbar-user")).getText().contains("Forms " + username));
    }
}
