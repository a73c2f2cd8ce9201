package org.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * The users directory in a real browser: two new users appear on it; typing part of one's name narrows the cards to
 * that user without a page load (the address bar follows), the filtered URL alone gives the same list (no JavaScript
 * needed), and the tabs and periods are links that keep the filter. Axe on the page; on a phone it scrolls no wider
 * than the screen.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsersDirectoryBrowserIT {

    private static final String BASE = "http://localhost:" + Http.port();
    private static final String PASSWORD = "a-long-enough-password";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    void typingANameNarrowsTheCardsInPlace() throws Exception {
        String ada = ParleyDeployment.unique("dirada");
        String bo = ParleyDeployment.unique("dirbo");
        try (Browser wide = new Browser(1280, 1000);
                Browser phone = new Browser(390, 844)) {
            try {
                WebDriver b = phone.driver();
                BrowserUser.register(b, BASE, bo, PASSWORD);
                WebDriver d = wide.driver();
                BrowserUser.register(d, BASE, ada, PASSWORD);
                Reputations.grant("localhost", ada, 1234);

                d.get(BASE + "/users");
                assertEquals("page", d.findElement(By.linkText("Users")).getDomAttribute("aria-current"));
                assertEquals(
                        "Reputation",
                        d.findElement(By.cssSelector(".users-toolbar .tabs a.current"))
                                .getText());
                assertTrue(
                        d.findElements(By.cssSelector("#user-grid .user-cell")).size() >= 2);
                assertTrue(
                        d.findElements(By.cssSelector("#user-grid .user-cell")).size() <= 36);
                assertTrue(
                        AxeCheck.seriousViolations(d).isEmpty(),
                        AxeCheck.report("users", AxeCheck.seriousViolations(d)));

                // Typing part of Ada's name leaves her card alone, in place; the address bar follows.
                WebElement filter = d.findElement(By.id("user-filter"));
                Object marker = ((JavascriptExecutor) d).executeScript("return window.parleyMarker = 'same page';");
                filter.sendKeys(ada.substring(3));
                waitFor(d).until(x -> names(x).equals(List.of("User " + ada)));
                waitFor(d).until(ExpectedConditions.urlContains("filter=" + ada.substring(3)));
                assertEquals(
                        marker, ((JavascriptExecutor) d).executeScript("return window.parleyMarker;"), "no page load");
                assertEquals("1 user", d.findElement(By.id("user-count")).getText());
                WebElement card = d.findElement(By.cssSelector("#user-grid .user-cell"));
                assertTrue(card.getText().contains("1,234") || card.getText().contains("1.2k"), card.getText());
                String picture =
                        card.findElement(By.cssSelector("img.user-picture")).getDomAttribute("src");
                assertTrue(picture.contains("/identicons/"), picture);
                wide.screenshot("users-filtered");

                // Something nobody is called: an empty list that says so.
                filter.sendKeys("zzqx");
                waitFor(d).until(x -> names(x).isEmpty());
                assertTrue(d.findElement(By.id("user-results")).getText().contains("No user whose name"));

                // Without JavaScript the filtered URL gives the same list; a tab keeps the filter.
                phone.driver().get(BASE + "/users?filter=" + bo.substring(3));
                assertEquals(List.of("User " + bo), names(b));
                b.findElement(By.linkText("New users")).click();
                waitFor(b).until(ExpectedConditions.urlContains("tab=new-users"));
                assertTrue(b.getCurrentUrl().contains("filter=" + bo.substring(3)), b.getCurrentUrl());
                assertEquals(List.of("User " + bo), names(b), "Bo joined this month");
                b.findElement(By.linkText("Voters")).click();
                waitFor(b).until(ExpectedConditions.urlContains("tab=voters"));
                assertTrue(names(b).isEmpty(), "Bo voted on nothing");
                b.get(BASE + "/users");
                Number overflow = (Number) ((JavascriptExecutor) b)
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(overflow.intValue() <= 0, "scrolls sideways by " + overflow + " px");
                assertFalse(
                        b.findElements(By.cssSelector("#user-grid .user-cell")).isEmpty());
                phone.screenshot("users-phone");
                d.get(BASE + "/users");
                wide.screenshot("users");
            } catch (RuntimeException | AssertionError e) {
                wide.evidence("failed-users-wide");
                phone.evidence("failed-users-phone");
                throw e;
            }
        }
    }

    private static List<String> names(WebDriver d) {
        return d.findElements(By.cssSelector("#user-grid .user-name")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
