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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.parley.testing.AxeCheck;
import org.parley.testing.Browser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * The admin made at first start logs in with the password from the data directory and creates a site, which then
 * answers at its own host name; an ordinary user is refused the admin page. The admin also finds a failing page's
 * error in the exception log ({@code /admin/errors}), searches for it, opens it and clears it, and rolls up today's
 * traffic at {@code /admin/traffic} to find the pages just read among its routes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminSitesBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(ErrorSeedServlet.class, ErrorSeedServlet.SeededFailure.class);
    }

    private static String base(String host) {
        return "http://" + host + ":" + Http.port();
    }

    @Test
    void theAdminCreatesASiteThatAnswersAtItsHost() throws Exception {
        String name = ParleyDeployment.unique("cook");
        String host = name + ".localhost";
        try (Browser admin = new Browser(1280, 1000)) {
            WebDriver d = admin.driver();
            logIn(d, "localhost", "admin", ParleyDeployment.adminPassword());
            d.get(base("localhost") + "/admin/sites");
            // Every problem at once, next to its field and in the summary; the address stays the clean one.
            d.findElement(By.id("site-host")).sendKeys("not a host");
            d.findElement(By.id("site-name")).sendKeys("Bad Name!");
            d.findElement(By.id("site-submit")).click();
            waitFor(d)
                    .until(x -> !x.findElements(By.cssSelector("#site-form-errors .error-summary"))
                            .isEmpty());
            assertTrue(d.findElement(By.id("site-host-error")).getText().contains("host name"));
            assertTrue(d.findElement(By.id("site-name-error")).getText().contains("lower-case"));
            assertTrue(d.findElement(By.id("site-title-error")).getText().contains("title"));
            assertEquals("true", d.findElement(By.id("site-host")).getAttribute("aria-invalid"));
            assertTrue(d.getCurrentUrl().endsWith("/admin/sites"), d.getCurrentUrl());
            d.findElement(By.id("site-host")).clear();
            d.findElement(By.id("site-name")).clear();
            d.findElement(By.id("site-host")).sendKeys(host);
            d.findElement(By.id("site-name")).sendKeys(name);
            d.findElement(By.id("site-title")).sendKeys("Seasoned Advice " + name);
            d.findElement(By.id("site-description")).sendKeys("Cooking questions for this test.");
            d.findElement(By.id("site-submit")).click();
            waitFor(d).until(x -> x.getPageSource().contains(host));
            admin.screenshot("admin-sites");

            d.get(base(host) + "/");
            assertTrue(d.getTitle().contains("Seasoned Advice " + name)
                    || d.getPageSource().contains("Seasoned Advice " + name));
            assertEquals(200, Http.get(host, "/questions").status());
        }
    }

    @Test
    void theAdminRebuildsOneSitesSearchIndex() throws Exception {
        try (Browser admin = new Browser(1280, 1000)) {
            WebDriver d = admin.driver();
            logIn(d, "localhost", "admin", ParleyDeployment.adminPassword());
            d.get(base("localhost") + "/admin/sites");
            By rebuild = By.cssSelector("[aria-label='Rebuild the search index of localhost']");
            By status = By.xpath("//tr[.//*[@aria-label='Rebuild the search index of localhost']]"
                    + "//*[contains(@class,'search-index-status')]");
            java.util.regex.Pattern complete = java.util.regex.Pattern.compile("([0-9,]+) of \\1 posts");
            // The demo site's posts were indexed when they were written (or by the start-up fill).
            waitFor(d).until(x -> {
                x.navigate().refresh();
                return complete.matcher(x.findElement(status).getText()).matches();
            });
            String before = d.findElement(status).getText();
            d.findElement(rebuild).click();
            waitFor(d).until(x -> x.getPageSource().contains("Rebuilding the search index of localhost"));
            admin.screenshot("admin-sites-search-index");
            waitFor(d).until(x -> {
                x.navigate().refresh();
                return x.findElement(status).getText().equals(before);
            });
        }
    }

    @Test
    void theAdminFindsOpensAndClearsAnErrorInTheExceptionLog() throws Exception {
        String type = ErrorSeedServlet.SeededFailure.class.getName();
        try (Browser admin = new Browser(1280, 1000)) {
            WebDriver d = admin.driver();
            logIn(d, "localhost", "admin", ParleyDeployment.adminPassword());
            // A test server keeps its database between runs: the log starts empty, so the seeded error counts 2.
            d.get(base("localhost") + "/admin/errors");
            if (!d.findElements(By.id("clear-all-form:clear-all")).isEmpty()) {
                d.findElement(By.id("clear-all-form:clear-all")).click();
                waitFor(d).until(x -> x.getPageSource().contains("cleared."));
            }
            assertEquals(500, Http.get("localhost", "/test/error-seed").status());
            assertEquals(500, Http.get("localhost", "/test/error-seed").status());
            By row = By.xpath("//tr[contains(@class,'error-row')][.//code[text()='" + type + "']]");
            // Written within the log's flush interval (5 s); a flush between the two requests shows 1 first.
            waitFor(d).until(x -> {
                x.get(base("localhost") + "/admin/errors");
                return !x.findElements(row).isEmpty()
                        && x.findElement(row)
                                .findElement(By.className("error-count"))
                                .getText()
                                .equals("2");
            });
            assertEquals(
                    "2",
                    d.findElement(row).findElement(By.className("error-count")).getText());
            assertTrue(
                    AxeCheck.seriousViolations(d).isEmpty(),
                    AxeCheck.report("exception log", AxeCheck.seriousViolations(d)));
            admin.screenshot("admin-errors");

            d.findElement(By.id("error-search")).sendKeys("SeededFailure");
            d.findElement(By.id("error-search")).submit();
            waitFor(d).until(x -> x.getCurrentUrl().contains("q=SeededFailure"));
            assertEquals(1, d.findElements(By.className("error-row")).size(), "only the seeded error matches");
            d.findElement(row).findElement(By.className("error-link")).click();

            waitFor(d).until(x -> !x.findElements(By.id("error-stack")).isEmpty());
            assertTrue(d.findElement(By.id("error-stack")).getText().contains("ErrorSeedServlet.doGet"));
            assertTrue(d.findElement(By.id("error-url")).getText().contains("/test/error-seed"));
            assertEquals("2", d.findElement(By.id("error-occurrences")).getText());
            assertTrue(
                    AxeCheck.seriousViolations(d).isEmpty(),
                    AxeCheck.report("exception log entry", AxeCheck.seriousViolations(d)));
            admin.screenshot("admin-error");
            d.findElement(By.id("clear-form:clear")).click();
            waitFor(d).until(x -> x.getPageSource().contains("Error cleared."));
            d.get(base("localhost") + "/admin/errors?q=SeededFailure");
            assertTrue(d.findElements(row).isEmpty(), "the cleared error is gone");
        }
    }

    @Test
    void theAdminRollsUpTodaysTrafficAndFindsItsRoutes() throws Exception {
        try (Browser admin = new Browser(1280, 1000)) {
            WebDriver d = admin.driver();
            logIn(d, "localhost", "admin", ParleyDeployment.adminPassword());
            assertEquals(200, Http.get("localhost", "/questions").status());
            d.get(base("localhost") + "/admin/traffic");
            d.findElement(By.id("rollup-form:rollup")).click();
            waitFor(d).until(x -> x.getPageSource().contains("Rolled up today"));
            By questions = By.cssSelector("#day-table tr.day-row[data-route='/questions/list'][data-site='localhost']");
            assertTrue(Long.parseLong(d.findElement(questions)
                            .findElement(By.className("day-requests"))
                            .getText()
                            .replace(",", ""))
                    >= 1);
            assertTrue(
                    !d.findElements(By.cssSelector("#hours-table tr.hour-row")).isEmpty(), "the last hours' rows");
            assertTrue(d.findElement(By.id("node-shipped")).getText().contains("UTC"), "shipped just now");
            assertTrue(!d.findElements(By.id("hours-chart")).isEmpty());
            assertTrue(
                    AxeCheck.seriousViolations(d).isEmpty(), AxeCheck.report("traffic", AxeCheck.seriousViolations(d)));
            admin.screenshot("admin-traffic");
            ((JavascriptExecutor) d).executeScript("document.getElementById('day-table').scrollIntoView()");
            admin.screenshot("admin-traffic-table");
            d.get(base("localhost") + "/admin/traffic?day=yesterday");
            assertTrue(d.findElement(By.id("day-error")).getText().contains("Not a day"));
        }
        try (Browser phone = new Browser(390, 844)) {
            WebDriver d = phone.driver();
            logIn(d, "localhost", "admin", ParleyDeployment.adminPassword());
            d.get(base("localhost") + "/admin/traffic");
            assertTrue(!d.findElements(By.id("day-table")).isEmpty());
            phone.screenshot("admin-traffic-phone");
            ((JavascriptExecutor) d).executeScript("document.getElementById('day-table').scrollIntoView()");
            phone.screenshot("admin-traffic-phone-table");
        }
    }

    @Test
    void anOrdinaryUserIsRefusedTheAdminPage() throws Exception {
        String user = ParleyDeployment.unique("eve");
        try (Browser browser = new Browser(1280, 1000)) {
            WebDriver d = browser.driver();
            d.get(base("localhost") + "/users/register");
            d.findElement(By.id("register-username")).sendKeys(user);
            d.findElement(By.id("register-display")).sendKeys("Eve " + user);
            d.findElement(By.id("register-password")).sendKeys("a-long-enough-password");
            d.findElement(By.id("register-submit")).click();
            waitFor(d).until(x -> x.findElement(By.id("topbar-user")).getText().contains("Eve"));
            d.get(base("localhost") + "/admin/sites");
            assertTrue(d.findElements(By.id("site-host")).isEmpty(), "the form must not be shown");
            assertTrue(
                    d.getPageSource().toLowerCase().contains("403")
                            || d.getPageSource().toLowerCase().contains("not allowed")
                            || d.getPageSource().toLowerCase().contains("forbidden"),
                    d.getPageSource());
            d.get(base("localhost") + "/admin/errors");
            assertTrue(d.findElements(By.id("errors-table")).isEmpty(), "the exception log must not be shown");
            assertTrue(d.getPageSource().toLowerCase().contains("403")
                    || d.getPageSource().toLowerCase().contains("forbidden"));
            d.get(base("localhost") + "/admin/traffic");
            assertTrue(d.findElements(By.id("rollup-form:rollup")).isEmpty(), "the traffic page must not be shown");
            assertTrue(d.getPageSource().toLowerCase().contains("403")
                    || d.getPageSource().toLowerCase().contains("forbidden"));
        }
    }

    private static void logIn(WebDriver d, String host, String username, String password) {
        d.get(base(host) + "/users/login");
        d.findElement(By.id("login-username")).sendKeys(username);
        d.findElement(By.id("login-password")).sendKeys(password);
        d.findElement(By.id("login-submit")).click();
        waitFor(d).until(x -> !x.findElements(By.id("logout")).isEmpty());
    }
}
