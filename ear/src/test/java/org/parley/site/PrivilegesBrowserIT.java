package org.parley.site;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.parley.testing.Browser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * The privileges page ({@code /help/privileges}) in a real browser: the ladder with this site's own threshold for
 * close votes, anonymous readers see thresholds only, a new user sees their progress and what comes next; linked from
 * every page's footer; readable on a phone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrivilegesBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(PrivilegesSeedServlet.class);
    }

    @Test
    void theLadderWithThisSitesThresholdsAndTheReadersProgress() throws Exception {
        String host = ParleyDeployment.unique("rungs") + ".localhost";
        Http.Response seeded = Http.get("localhost", "/test/privileges-seed?host=" + host + "&closeReopen=750");
        assertEquals(200, seeded.status(), seeded.body());
        String base = "http://" + host + ":" + Http.port();
        try (Browser desk = new Browser(1280, 1000)) {
            WebDriver d = desk.driver();
            d.get(base + "/questions");
            d.findElement(By.cssSelector("footer a[href$='/help/privileges']")).click();
            waitFor(d).until(x -> x.getCurrentUrl().endsWith("/help/privileges"));

            List<WebElement> rows = d.findElements(By.cssSelector("#privileges tbody tr"));
            assertEquals(Privilege.values().length, rows.size(), "every privilege of the ladder");
            assertEquals(
                    "1",
                    rows.get(0).findElement(By.className("privilege-threshold")).getText());
            assertTrue(
                    rows.get(0).getText().contains("Create posts"), rows.get(0).getText());
            WebElement close = row(rows, "Cast close and reopen votes");
            assertEquals(
                    "750",
                    close.findElement(By.className("privilege-threshold")).getText(),
                    "this site's own");
            assertTrue(rows.indexOf(close) < rows.indexOf(row(rows, "See vote counts")), "in threshold order");
            assertEquals(
                    "20,000",
                    row(rows, "Trusted user")
                            .findElement(By.className("privilege-threshold"))
                            .getText());
            assertTrue(d.findElements(By.id("privileges-summary")).isEmpty(), "anonymous: no progress");
            assertTrue(d.findElements(By.cssSelector("#privileges progress")).isEmpty());
            desk.screenshot("privileges-anonymous-1280");

            d.get(base + "/users/register");
            d.findElement(By.id("register-username")).sendKeys("rung");
            d.findElement(By.id("register-display")).sendKeys("Rung Climber");
            d.findElement(By.id("register-password")).sendKeys("a-long-enough-password");
            d.findElement(By.id("register-submit")).click();
            waitFor(d).until(x -> x.findElement(By.id("topbar-user")).getText().contains("Rung Climber"));
            d.get(base + "/help/privileges");
            String summary = d.findElement(By.id("privileges-summary")).getText();
            assertTrue(summary.contains("1 reputation point"), summary);
            assertTrue(summary.contains("Next: Vote up at 15 reputation"), summary);
            rows = d.findElements(By.cssSelector("#privileges tbody tr"));
            assertTrue(
                    rows.get(0).getText().contains("Earned"),
                    "a new user may post: " + rows.get(0).getText());
            assertFalse(row(rows, "Vote up").getText().contains("Earned"));
            assertEquals(
                    "6",
                    row(rows, "Vote up").findElement(By.tagName("progress")).getAttribute("value"),
                    "1 of 15");
            desk.screenshot("privileges-new-user-1280");
        }
        try (Browser phone = new Browser(390, 844)) {
            WebDriver d = phone.driver();
            d.get(base + "/help/privileges");
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
            assertEquals(Boolean.FALSE, overflow, "no sideways scrolling on a phone");
            phone.screenshot("privileges-anonymous-390");
        }
    }

    private static WebElement row(List<WebElement> rows, String label) {
        return rows.stream()
                .filter(r ->
                        r.findElement(By.className("privilege-name")).getText().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label));
    }
}
