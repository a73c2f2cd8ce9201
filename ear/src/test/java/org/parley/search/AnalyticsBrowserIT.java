package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
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

/**
 * The analytics pages in a real browser: the admin sees the site's charts drawn (Chart.js canvases with data) with a
 * table beside each, moves between periods by links and by typing one; an ordinary user is refused the admin page
 * but sees their own message analytics, linked from the message pages; both pages at 1280 and 390 px.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnalyticsBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    private static final String BASE = "http://localhost:" + Http.port();
    private static final String PASSWORD = "a-long-enough-password";

    /** The canvases of the page's charts that Chart.js drew, as "id:points" strings. */
    @SuppressWarnings("unchecked")
    private static List<String> drawnCharts(WebDriver d) {
        return (List<String>) ((JavascriptExecutor) d)
                .executeScript("return Array.from(document.querySelectorAll('.analytics-chart canvas'))"
                        + ".filter(c => window.Chart && Chart.getChart(c) && c.width > 0)"
                        + ".map(c => c.id + ':' + Chart.getChart(c).data.datasets"
                        + ".reduce((n, s) => n + s.data.length, 0));");
    }

    @Test
    void theAdminSeesChartsWithTablesAndMovesBetweenPeriods() throws Exception {
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        try (Browser desk = new Browser(1280, 1000);
                Browser phone = new Browser(390, 844)) {
            WebDriver d = desk.driver();
            logIn(d, "admin", ParleyDeployment.adminPassword());
            // A question this year, so that "top tags" has one to show whatever else the server holds.
            String tag = ParleyDeployment.unique("brew");
            d.get(BASE + "/questions/ask");
            d.findElement(By.id("ask-title")).sendKeys("How warm should a lager ferment " + tag + "?");
            d.findElement(By.id("ask-body")).sendKeys("Between 8 and 12 degrees, or warmer with a modern yeast?");
            WebElement tags = d.findElement(By.cssSelector("#ask-tags input, input#ask-tags"));
            tags.sendKeys(tag);
            tags.sendKeys(Keys.ENTER);
            BrowserUser.submitAsk(d);
            waitFor(d).until(ExpectedConditions.urlMatches("/questions/[0-9]+/"));
            d.get(BASE + "/admin");
            d.findElement(By.cssSelector(".admin-nav a[href$='/admin/analytics']"))
                    .click();
            waitFor(d).until(x -> drawnCharts(x).size() >= 6);
            assertEquals(
                    String.valueOf(year),
                    d.findElement(By.id("analytics-period")).getText());
            assertEquals(
                    "page",
                    d.findElement(By.cssSelector(".admin-nav a[href$='/admin/analytics']"))
                            .getAttribute("aria-current"));
            List<String> charts = drawnCharts(d);
            assertTrue(charts.contains("posts-chart_canvas:24"), "12 months × questions and answers: " + charts);
            assertTrue(charts.contains("hours-chart_canvas:24"), charts.toString());
            assertEquals(
                    12, d.findElements(By.cssSelector("#months-table tbody tr")).size());
            assertTrue(d.findElement(By.id("months-table")).getText().contains("Jan " + year));
            assertTrue(d.findElement(By.id("tags-table")).getText().contains(tag), "this year's new tag is listed");
            assertTrue(
                    AxeCheck.seriousViolations(d).isEmpty(),
                    AxeCheck.report("admin analytics", AxeCheck.seriousViolations(d)));
            desk.screenshot("analytics-admin");
            ((JavascriptExecutor) d).executeScript("document.getElementById('tags-title').scrollIntoView();");
            desk.screenshot("analytics-admin-tags");

            // The period selector: a quarter by link, the one before by link, a month typed in.
            d.findElement(By.cssSelector(".analytics-units a[href*='-Q']")).click();
            waitFor(d)
                    .until(x ->
                            x.findElement(By.id("analytics-period")).getText().startsWith("Q"));
            String quarter = d.findElement(By.id("analytics-period")).getText();
            d.findElement(By.cssSelector("a[rel='prev']")).click();
            waitFor(d)
                    .until(x ->
                            !x.findElement(By.id("analytics-period")).getText().equals(quarter));
            WebElement box = d.findElement(By.id("analytics-p"));
            box.clear();
            box.sendKeys((year - 1) + "-03\n");
            waitFor(d)
                    .until(x ->
                            x.findElement(By.id("analytics-period")).getText().equals("March " + (year - 1)));
            assertTrue(d.getCurrentUrl().endsWith("/admin/analytics?p=" + (year - 1) + "-03"), d.getCurrentUrl());
            d.get(BASE + "/admin/analytics?p=nonsense");
            assertTrue(
                    d.findElement(By.cssSelector(".analytics-problem"))
                            .getText()
                            .contains("A period is a year"),
                    "a bad period is explained");
            assertEquals(
                    String.valueOf(year),
                    d.findElement(By.id("analytics-period")).getText());

            WebDriver p = phone.driver();
            logIn(p, "admin", ParleyDeployment.adminPassword());
            p.get(BASE + "/admin/analytics");
            waitFor(p).until(x -> drawnCharts(x).size() >= 6);
            long overflow = (Long) ((JavascriptExecutor) p)
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue(overflow <= 0, "no sideways scrolling at 390 px: " + overflow);
            phone.screenshot("analytics-admin-phone");
        }
    }

    @Test
    void aUserIsRefusedTheSitesAnalyticsButSeesTheirOwnMessages() throws Exception {
        String ada = ParleyDeployment.unique("ada");
        String bo = ParleyDeployment.unique("bo");
        try (Browser desk = new Browser(1280, 1000);
                Browser phone = new Browser(390, 844)) {
            register(desk, ada, "Ada " + ada);
            register(phone, bo, "Bo " + bo);
            send(ada, bo, "Lunch on Friday?");
            send(ada, bo, "Or Saturday, if that suits you better.");
            send(bo, ada, "Saturday it is.");

            WebDriver d = desk.driver();
            d.get(BASE + "/admin/analytics");
            assertTrue(d.findElements(By.cssSelector(".analytics-chart")).isEmpty(), "no figures for a user");
            assertTrue(d.getPageSource().toLowerCase().contains("403")
                    || d.getPageSource().toLowerCase().contains("not allowed")
                    || d.getPageSource().toLowerCase().contains("forbidden"));

            // Linked from the message pages; delivery is a background job, so look again until all three count.
            d.get(BASE + "/messages");
            d.findElement(By.cssSelector(".message-tabs a[href$='/messages/analytics']"))
                    .click();
            new WebDriverWait(d, Duration.ofSeconds(20))
                    .pollingEvery(Duration.ofMillis(500))
                    .until(x -> {
                        x.navigate().refresh();
                        String text =
                                x.findElement(By.id("message-months-table")).getText();
                        return text.contains("Total 2 1");
                    });
            waitFor(d).until(x -> drawnCharts(x).size() == 3);
            String people = d.findElement(By.id("people-table")).getText();
            assertTrue(people.contains("Bo " + bo) && people.contains("3"), people);
            assertFalse(d.findElement(By.id("median-reply")).getText().isBlank());
            assertTrue(
                    AxeCheck.seriousViolations(d).isEmpty(),
                    AxeCheck.report("message analytics", AxeCheck.seriousViolations(d)));
            desk.screenshot("analytics-messages");
            ((JavascriptExecutor) d).executeScript("document.getElementById('people-title').scrollIntoView();");
            desk.screenshot("analytics-messages-people");

            WebDriver p = phone.driver();
            p.get(BASE + "/messages/analytics");
            waitFor(p).until(x -> drawnCharts(x).size() == 3);
            assertTrue(
                    p.findElement(By.id("median-reply")).getText().matches("\\d+ (s|min)"),
                    "Bo replied once, within the test: "
                            + p.findElement(By.id("median-reply")).getText());
            long overflow = (Long) ((JavascriptExecutor) p)
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue(overflow <= 0, "no sideways scrolling at 390 px: " + overflow);
            phone.screenshot("analytics-messages-phone");
        }
    }

    private static void logIn(WebDriver d, String username, String password) {
        d.get(BASE + "/users/login");
        d.findElement(By.id("login-username")).sendKeys(username);
        d.findElement(By.id("login-password")).sendKeys(password);
        d.findElement(By.id("login-submit")).click();
        waitFor(d).until(x -> !x.findElements(By.id("logout")).isEmpty());
    }

    private static void register(Browser browser, String username, String displayName) {
        WebDriver d = browser.driver();
        d.get(BASE + "/users/register");
        d.findElement(By.id("register-username")).sendKeys(username);
        d.findElement(By.id("register-display")).sendKeys(displayName);
        d.findElement(By.id("register-password")).sendKeys(PASSWORD);
        d.findElement(By.id("register-submit")).click();
        waitFor(d).until(x -> x.findElement(By.id("topbar-user")).getText().contains(displayName));
    }

    private static void send(String from, String to, String body) throws Exception {
        HttpURLConnection c =
                (HttpURLConnection) URI.create(BASE + "/api/messages").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty(
                "Authorization",
                "Basic "
                        + Base64.getEncoder().encodeToString((from + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        String json = "{\"to\":\"" + to + "\",\"body\":\"" + body + "\"}";
        try (OutputStream out = c.getOutputStream()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(202, c.getResponseCode(), "sent");
    }
}
