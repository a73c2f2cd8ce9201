package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.testing.Browser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * Searching in a real browser, as an anonymous reader: the top bar's box on a list page (typed, Enter), results with
 * the words marked, tabs and pager, notes for what was searched as words, help for an empty search, a bare [tag] and a
 * bare number going straight there, 400 for an over-long query; on a phone-sized window the magnifier opens the box.
 * The pages load no PrimeFaces and start no session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.withEjbBeans(ParleyDeployment.ear(SearchSeedServlet.class), SearchFixture.class);
    }

    record Seed(String host, String base, String word, long cellar, String slug, long closed) {}

    static Seed seed(String prefix) throws Exception {
        String host = ParleyDeployment.unique(prefix) + ".localhost";
        String word = ParleyDeployment.unique("zanzi");
        Http.Response r = Http.get("localhost", "/test/search-seed?host=" + host + "&word=" + word);
        assertEquals(200, r.status(), r.body());
        String[] parts = r.body().strip().split(" ");
        return new Seed(
                host,
                "http://" + host + ":" + Http.port(),
                word,
                Long.parseLong(parts[0]),
                parts[1],
                Long.parseLong(parts[2]));
    }

    /** Waits until the index shows the seeded posts (they are indexed as each is committed). */
    static void awaitIndexed(WebDriver d, Seed s) {
        new WebDriverWait(d, Duration.ofSeconds(30))
                .pollingEvery(Duration.ofMillis(500))
                .until(x -> {
                    x.get(s.base() + "/search?q=" + s.word());
                    List<WebElement> count = x.findElements(By.cssSelector(".search-count"));
                    return !count.isEmpty() && count.get(0).getText().startsWith("33 results");
                });
    }

    @Test
    void searchFromTheTopBarOnADesk() throws Exception {
        Seed s = seed("find");
        try (Browser desk = new Browser(1280, 900)) {
            WebDriver d = desk.driver();
            awaitIndexed(d, s);

            d.get(s.base() + "/questions");
            WebElement box = d.findElement(By.id("topbar-q"));
            assertTrue(box.isDisplayed(), "the box is in the top bar on a desk");
            box.sendKeys(s.word() + " cellar" + Keys.ENTER);
            waitFor(d).until(ExpectedConditions.urlContains("/search?q="));
            List<WebElement> hits = d.findElements(By.cssSelector(".search-hit"));
            assertEquals(3, hits.size(), d.getPageSource());
            WebElement first = d.findElement(By.cssSelector(".search-hit[data-post='" + s.cellar() + "']"));
            assertTrue(first.getText().contains("How should I store " + s.word()), first.getText());
            assertEquals(
                    s.base() + "/questions/" + s.cellar() + "/" + s.slug(),
                    first.findElement(By.cssSelector(".summary-title a")).getAttribute("href"));
            assertEquals(
                    s.word(),
                    first.findElement(By.cssSelector(".search-excerpt mark")).getText());
            assertTrue(first.getText().contains("<lying down>"), "the body's markup shows as text: " + first.getText());
            assertEquals(
                    s.word() + " cellar",
                    d.findElement(By.id("topbar-q")).getAttribute("value"),
                    "the box keeps the query");
            WebElement closedHit = d.findElement(By.cssSelector(".search-hit[data-post='" + s.closed() + "']"));
            assertTrue(closedHit.findElement(By.cssSelector(".badge-closed")).isDisplayed(), "closed is marked");
            WebElement answerHit = d.findElement(By.cssSelector(".search-hit.is-answer"));
            assertTrue(answerHit
                    .findElement(By.cssSelector(".summary-title a"))
                    .getAttribute("href")
                    .endsWith("/questions/" + s.cellar() + "/" + s.slug() + "#answer-"
                            + answerHit.getAttribute("data-post")));
            desk.screenshot("search-results");

            // Tabs: links that keep the query; Newest puts the latest post first.
            d.findElement(By.linkText("Newest")).click();
            waitFor(d).until(ExpectedConditions.urlContains("tab=newest"));
            assertEquals(
                    "page", d.findElement(By.cssSelector(".tabs a.current")).getAttribute("aria-current"));
            assertEquals(
                    "Newest", d.findElement(By.cssSelector(".tabs a.current")).getText());

            // 33 posts: 30 on page 1, the pager leads to page 2.
            d.get(s.base() + "/search?q=" + s.word());
            assertEquals(30, d.findElements(By.cssSelector(".search-hit")).size());
            d.findElement(By.cssSelector(".pager a[rel=next]")).click();
            waitFor(d).until(ExpectedConditions.urlContains("page=2"));
            assertEquals(3, d.findElements(By.cssSelector(".search-hit")).size());

            // Notes: an unknown operator and a stray quote are searched as words, and the page says so.
            d.get(s.base() + "/search?q=" + enc(s.word() + " colour:amber \"cellar"));
            String notes = d.findElement(By.id("search-notes")).getText();
            assertTrue(notes.contains("“colour:amber” was searched as words"), notes);
            assertTrue(notes.contains("quote mark"), notes);
            desk.screenshot("search-notes");

            // Nothing to search for: the page explains what to type.
            d.get(s.base() + "/search");
            assertTrue(d.findElement(By.id("search-explain")).isDisplayed());
            assertTrue(d.findElement(By.id("search-help-main")).getText().contains("user:me"));
            d.get(s.base() + "/search?q=the+of");
            assertTrue(d.findElement(By.id("search-explain")).getText().contains("common words"));
            desk.screenshot("search-help");

            // A bare [tag] opens the tag; a bare number the question; a number that is no post is searched.
            d.get(s.base() + "/questions");
            d.findElement(By.id("topbar-q")).sendKeys("[Wine]" + Keys.ENTER);
            waitFor(d).until(ExpectedConditions.urlToBe(s.base() + "/questions/tagged/wine"));
            d.findElement(By.id("topbar-q")).sendKeys(s.cellar() + "" + Keys.ENTER);
            waitFor(d).until(ExpectedConditions.urlToBe(s.base() + "/questions/" + s.cellar() + "/" + s.slug()));
            d.findElement(By.id("topbar-q")).sendKeys("987654321" + Keys.ENTER);
            waitFor(d).until(ExpectedConditions.urlContains("/search?q=987654321"));
            assertTrue(d.findElement(By.id("no-results")).isDisplayed());

            // Over 2,000 characters: 400 with the reason, and the query in the box to shorten.
            d.get(s.base() + "/search?q=" + "x".repeat(2_001));
            assertTrue(d.findElement(By.id("search-problem")).getText().contains("2,000"), d.getPageSource());
            desk.screenshot("search-too-long");
        }
        Http.Response tooLong = Http.get(s.host(), "/search?q=" + "x".repeat(2_001));
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("at most 2,000 characters"), tooLong.body());
        Http.Response tooMany = Http.get(s.host(), "/search?q=" + enc("w ".repeat(101)));
        assertEquals(400, tooMany.status());

        // An anonymous reader's search page: no PrimeFaces, no session, not from the output cache.
        Http.Response page = Http.get(s.host(), "/search?q=" + s.word());
        assertEquals(200, page.status());
        assertFalse(page.body().contains("primefaces"), "no PrimeFaces on an anonymous search page");
        assertFalse(page.body().contains("jakarta.faces.ViewState"), "no view state");
        assertFalse(String.valueOf(page.header("Set-Cookie")).contains("JSESSIONID"), "no session");
    }

    @Test
    void theMagnifierOpensTheBoxOnAPhone() throws Exception {
        Seed s = seed("phone");
        try (Browser phone = new Browser(390, 844)) {
            WebDriver d = phone.driver();
            awaitIndexed(d, s);
            d.get(s.base() + "/questions");
            WebElement box = d.findElement(By.id("topbar-q"));
            assertFalse(box.isDisplayed(), "on a phone the box waits behind the magnifier");
            assertEquals(0, overflow(d), "nothing wider than the screen");
            phone.screenshot("search-phone-closed");
            WebElement toggle = d.findElement(By.id("topbar-search-toggle"));
            toggle.click();
            waitFor(d).until(x -> x.findElement(By.id("topbar-q")).isDisplayed());
            assertEquals("true", toggle.getAttribute("aria-expanded"));
            assertEquals("topbar-q", d.switchTo().activeElement().getAttribute("id"), "the box has the focus");
            assertEquals(0, overflow(d));
            phone.screenshot("search-phone-open");
            d.switchTo().activeElement().sendKeys(s.word() + " cellar" + Keys.ENTER);
            waitFor(d).until(ExpectedConditions.urlContains("/search?q="));
            assertEquals(3, d.findElements(By.cssSelector(".search-hit")).size());
            assertEquals(0, overflow(d), "results fit the phone");
            phone.screenshot("search-phone-results");
        }
    }

    /** How many pixels the page is wider than the window (0 when nothing sticks out). */
    private static long overflow(WebDriver d) {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("var e = document.documentElement; return e.scrollWidth - e.clientWidth;"))
                .longValue();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
