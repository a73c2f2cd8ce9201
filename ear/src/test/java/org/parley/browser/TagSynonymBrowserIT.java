package org.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import java.time.Duration;
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

/**
 * A tag synonym applied, in a real browser: a moderator proposes "tires is a synonym of tyres" on /tags/synonyms and
 * approves it; the question that had tires is retagged tyres; /questions/tagged/tires redirects to tyres' list, which
 * shows both questions; the ask form's tag box turns a typed tires into tyres and says so. Then the tag's wiki:
 * written on /tags/tyres/edit, shown on /tags/tyres/info (with its synonym), its excerpt on the tag's card and list;
 * the tag watched (the list's rows highlighted), then ignored (faded), for this user only.
 * Screenshots at 1280 and 390 px; axe on the new pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TagSynonymBrowserIT {

    private static final String BASE = "http://localhost:" + Http.port();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    void aSynonymIsApprovedAppliedAndTheTagGetsItsWiki() throws Exception {
        String n = ParleyDeployment.unique("");
        String synonym = "tires" + n;
        String target = "tyres" + n;
        try (Browser desk = new Browser(1280, 1000)) {
            WebDriver d = desk.driver();
            try {
                BrowserUser.logIn(d, BASE, "admin", ParleyDeployment.adminPassword());
                String withSynonym = BrowserUser.ask(
                        d,
                        BASE,
                        "Which tires grip best on wet cobbles " + n + "?",
                        "My 28 mm slicks slide on wet cobbles every morning. What should I try first?",
                        synonym);
                BrowserUser.ask(
                        d,
                        BASE,
                        "How long do tyres last on a commuter " + n + "?",
                        "I ride 20 km a day on tarmac. When should I replace the rear tyre?",
                        target);

                // Propose, then approve.
                d.get(BASE + "/tags/synonyms");
                d.findElement(By.id("synonym-source")).sendKeys(synonym);
                d.findElement(By.id("synonym-target")).sendKeys(target);
                d.findElement(By.id("synonym-propose")).click();
                waitFor(d).until(x -> x.getPageSource().contains("Proposed: " + synonym));
                WebElement row = row(d, synonym);
                assertTrue(row.getText().contains("Proposed"), row.getText());
                desk.screenshot("tag-synonyms-proposed-1280");
                assertTrue(
                        AxeCheck.seriousViolations(d).isEmpty(),
                        AxeCheck.report("tag synonyms", AxeCheck.seriousViolations(d)));
                row.findElement(By.cssSelector(".synonym-approve")).click();
                waitFor(d).until(x -> x.getPageSource().contains("Approved:"));
                // The retagging runs in the background, batch after batch: the row says when it is done.
                new WebDriverWait(d, Duration.ofSeconds(30))
                        .pollingEvery(Duration.ofMillis(500))
                        .until(x -> {
                            x.navigate().refresh();
                            return row(x, synonym).getText().contains("questions retagged: 1");
                        });
                desk.screenshot("tag-synonyms-approved-1280");

                // The question that had the synonym has the target now.
                d.get(withSynonym);
                String tags = d.findElement(By.cssSelector(".question .tags, .post-tags"))
                        .getText();
                assertTrue(tags.contains(target) && !tags.contains(synonym), tags);

                // The synonym's list redirects to the target's, which has both questions.
                d.get(BASE + "/questions/tagged/" + synonym);
                waitFor(d).until(x -> x.getCurrentUrl().endsWith("/questions/tagged/" + target));
                String list = d.findElement(By.cssSelector(".question-list")).getText();
                assertTrue(list.contains("Which tires grip best on wet cobbles " + n), list);
                assertTrue(list.contains("How long do tyres last on a commuter " + n), list);
                Http.Response anonymous = Http.get("localhost", "/questions/tagged/" + synonym);
                assertEquals(301, anonymous.status(), "anonymous readers are redirected too");
                assertTrue(
                        anonymous.headers().entrySet().stream()
                                .filter(e -> "location".equalsIgnoreCase(e.getKey()))
                                .anyMatch(e -> e.getValue().get(0).endsWith("/questions/tagged/" + target)),
                        anonymous.headers().toString());

                // The ask form replaces the synonym as it is added.
                d.get(BASE + "/questions/ask");
                WebElement box = d.findElement(By.cssSelector("#ask-tags input"));
                box.sendKeys(synonym);
                box.sendKeys(Keys.ENTER);
                waitFor(d)
                        .until(x -> x.findElements(By.cssSelector("#ask-tags li.ui-autocomplete-token")).stream()
                                .anyMatch(t -> target.equals(t.getAttribute("data-token-value"))));
                assertTrue(d.findElements(By.cssSelector("#ask-tags li.ui-autocomplete-token")).stream()
                        .noneMatch(t -> synonym.equals(t.getAttribute("data-token-value"))));
                String note = d.findElement(By.id("ask-tags-note")).getText();
                assertTrue(note.contains("is a synonym of"), note);
                desk.screenshot("ask-synonym-replaced-1280");

                // The target's wiki and excerpt.
                d.get(BASE + "/tags/" + target + "/info");
                assertTrue(d.findElement(By.id("tag-synonyms")).getText().contains(synonym));
                d.findElement(By.id("tag-wiki-edit")).click();
                waitFor(d).until(x -> x.getCurrentUrl().endsWith("/tags/" + target + "/edit"));
                d.findElement(By.id("tagwiki-excerpt"))
                        .sendKeys("The rubber round a bicycle wheel: grip, pressure, wear.");
                d.findElement(By.id("tagwiki-wiki"))
                        .sendKeys("## Tyres\n\nAsk about **grip**, pressure and wear here.\n\n- width\n- pressure\n");
                waitFor(d)
                        .until(x -> x.findElement(By.id("tagwiki-preview"))
                                .getText()
                                .contains("grip"));
                d.findElement(By.id("tagwiki-submit")).click();
                waitFor(d).until(x -> x.getCurrentUrl().endsWith("/tags/" + target + "/info"));
                assertEquals(
                        "The rubber round a bicycle wheel: grip, pressure, wear.",
                        d.findElement(By.id("tag-excerpt")).getText());
                assertEquals(
                        "grip",
                        d.findElement(By.cssSelector("#tag-wiki strong")).getText());
                assertTrue(d.findElements(By.id("tag-wiki-revisions")).size() == 1);
                desk.screenshot("tag-info-1280");
                // The wiki's revisions page names the tag and leads back to it.
                d.findElement(By.id("tag-wiki-revisions")).click();
                waitFor(d).until(ExpectedConditions.urlContains("/revisions"));
                assertEquals(
                        "Revisions of the tag wiki of " + target,
                        d.findElement(By.tagName("h1")).getText().trim());
                assertTrue(d.findElement(By.id("back-to-post"))
                        .getAttribute("href")
                        .endsWith("/tags/" + target + "/info"));
                d.navigate().back();
                waitFor(d).until(x -> x.getCurrentUrl().endsWith("/tags/" + target + "/info"));
                assertTrue(
                        AxeCheck.seriousViolations(d).isEmpty(),
                        AxeCheck.report("tag info", AxeCheck.seriousViolations(d)));

                d.get(BASE + "/tags?filter=" + target);
                String card = d.findElement(By.cssSelector(".tag-cell")).getText();
                assertTrue(card.contains("The rubber round a bicycle wheel"), card);
                desk.screenshot("tags-excerpt-1280");
                d.get(BASE + "/questions/tagged/" + target);
                assertTrue(d.findElement(By.id("tag-excerpt")).getText().contains("The rubber round"));

                // Watched, then ignored: the list's rows are highlighted, then faded, for this user only.
                d.get(BASE + "/tags/" + target + "/info");
                d.findElement(By.id("tag-watch")).click();
                waitFor(d).until(x -> x.getPageSource().contains("You watch " + target));
                d.get(BASE + "/questions/tagged/" + target);
                assertEquals(
                        2,
                        d.findElements(By.cssSelector(".question-summary.is-watched"))
                                .size());
                desk.screenshot("tag-watched-list-1280");
                d.get(BASE + "/tags/" + target + "/info");
                d.findElement(By.id("tag-ignore")).click();
                waitFor(d).until(x -> x.getPageSource().contains("You ignore " + target));
                d.get(BASE + "/questions/tagged/" + target);
                assertEquals(
                        2,
                        d.findElements(By.cssSelector(".question-summary.is-ignored"))
                                .size());
                assertTrue(d.findElements(By.cssSelector(".question-summary.is-watched"))
                        .isEmpty());
                desk.screenshot("tag-ignored-list-1280");
                assertTrue(
                        AxeCheck.seriousViolations(d).isEmpty(),
                        AxeCheck.report("faded list", AxeCheck.seriousViolations(d)));
                Http.Response anonymousList = Http.get("localhost", "/questions/tagged/" + target);
                assertEquals(200, anonymousList.status());
                assertTrue(
                        !anonymousList.body().contains("is-ignored")
                                && !anonymousList.body().contains("is-watched"),
                        "anonymous readers' pages carry no one's marks");
                d.get(BASE + "/tags/" + target + "/info");
                d.findElement(By.id("tag-clear")).click();
                waitFor(d).until(x -> x.getPageSource().contains("You neither watch nor ignore " + target));

                // The same from the tag's card on /tags: Watch highlights it and stays so after a reload; pressed
                // again, it clears the mark. Anonymous readers' cards have no buttons.
                d.get(BASE + "/tags?filter=" + target);
                By watch = By.cssSelector(".tag-cell [data-tag-mark='watch']");
                d.findElement(watch).click();
                waitFor(d)
                        .until(x -> x.findElement(By.cssSelector(".tag-cell"))
                                .getAttribute("class")
                                .contains("is-watched"));
                assertEquals("true", d.findElement(watch).getAttribute("aria-pressed"));
                desk.screenshot("tags-card-watched-1280");
                d.navigate().refresh();
                assertEquals("true", d.findElement(watch).getAttribute("aria-pressed"), "kept by the server");
                assertTrue(d.findElement(By.cssSelector(".tag-cell"))
                        .getAttribute("class")
                        .contains("is-watched"));
                assertTrue(
                        AxeCheck.seriousViolations(d).isEmpty(),
                        AxeCheck.report("tag cards", AxeCheck.seriousViolations(d)));
                d.findElement(watch).click();
                waitFor(d).until(x -> "false".equals(x.findElement(watch).getAttribute("aria-pressed")));
                d.navigate().refresh();
                assertFalse(d.findElement(By.cssSelector(".tag-cell"))
                        .getAttribute("class")
                        .contains("is-watched"));
                assertFalse(
                        Http.get("localhost", "/tags?filter=" + target).body().contains("data-tag-mark"));
            } catch (AssertionError | RuntimeException e) {
                desk.evidence("failed-tag-synonym");
                throw e;
            }
        }
        try (Browser phone = new Browser(390, 844)) {
            WebDriver d = phone.driver();
            d.get(BASE + "/tags/" + target + "/info");
            Object overflow = ((JavascriptExecutor) d)
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
            assertEquals(Boolean.FALSE, overflow, "no sideways scrolling on a phone");
            phone.screenshot("tag-info-390");
            d.get(BASE + "/tags/synonyms");
            phone.screenshot("tag-synonyms-390");
        }
    }

    private static WebElement row(WebDriver d, String synonym) {
        return d.findElements(By.cssSelector(".synonym-row")).stream()
                .filter(r ->
                        r.findElement(By.cssSelector(".synonym-pair")).getText().startsWith(synonym + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + synonym));
    }
}
