package org.parley.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.parley.testing.AxeCheck;
import org.parley.testing.Browser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * The admin keeps the community's settings, in a real browser: the reputation each privilege needs on a site (a
 * wrong number is refused with a message and changes nothing; an empty field is the default; the help page shows the
 * result), and the site's moderators, appointed on the moderators page and removed on the user's profile.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommunityAdminBrowserIT {

    private static final String PASSWORD = "a-long-enough-password";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(PrivilegesSeedServlet.class);
    }

    @Test
    void theAdminSetsASitesThresholds() throws Exception {
        String host = ParleyDeployment.unique("ladder") + ".localhost";
        Http.Response seeded = Http.get("localhost", "/test/privileges-seed?host=" + host + "&closeReopen=750");
        assertEquals(200, seeded.status(), seeded.body());
        String siteId = seeded.body().strip();
        try (Browser admin = new Browser(1280, 1000)) {
            WebDriver d = admin.driver();
            logIn(d, "admin", ParleyDeployment.adminPassword());
            d.get(base("localhost") + "/admin/sites?edit=" + siteId);
            assertEquals("", threshold(d, "VOTE_DOWN").getAttribute("value"), "the default: empty");
            assertEquals("125", threshold(d, "VOTE_DOWN").getAttribute("placeholder"));
            assertEquals("750", threshold(d, "CLOSE_REOPEN").getAttribute("value"), "the site's own");
            assertTrue(
                    AxeCheck.seriousViolations(d).isEmpty(),
                    AxeCheck.report("site settings", AxeCheck.seriousViolations(d)));

            // A word where a number goes: refused, said, nothing saved.
            threshold(d, "VOTE_UP").sendKeys("lots");
            threshold(d, "VOTE_DOWN").sendKeys("200");
            d.findElement(By.id("privileges-save")).click();
            waitFor(d)
                    .until(x -> !x.findElements(By.cssSelector("#privileges-form .error-summary"))
                            .isEmpty());
            String said = d.findElement(By.id("threshold-VOTE_UP-error")).getText();
            assertTrue(said.contains("“Vote up” needs a whole number") && said.contains("“lots”"), said);
            assertEquals("lots", threshold(d, "VOTE_UP").getAttribute("value"), "what was typed stays");
            admin.screenshot("admin-privileges-refused");
            d.get(base(host) + "/help/privileges");
            assertEquals("125", thresholdShown(d, "Vote down"), "nothing was saved");

            // 200 to vote down, and the close threshold back to the default.
            d.get(base("localhost") + "/admin/sites?edit=" + siteId);
            threshold(d, "VOTE_DOWN").sendKeys("200");
            threshold(d, "CLOSE_REOPEN").clear();
            d.findElement(By.id("privileges-save")).click();
            waitFor(d).until(x -> x.getPageSource().contains("Saved the privileges"));
            assertEquals("200", threshold(d, "VOTE_DOWN").getAttribute("value"));
            admin.screenshot("admin-privileges-saved");
            d.get(base(host) + "/help/privileges");
            assertEquals("200", thresholdShown(d, "Vote down"));
            assertEquals("3,000", thresholdShown(d, "Cast close and reopen votes"));
        }
    }

    @Test
    void theAdminAppointsAModeratorAndRemovesThemOnTheirProfile() throws Exception {
        String mo = ParleyDeployment.unique("mo");
        try (Browser admin = new Browser(1280, 1000);
                Browser user = new Browser(390, 844)) {
            WebDriver u = user.driver();
            u.get(base("localhost") + "/users/register");
            u.findElement(By.id("register-username")).sendKeys(mo);
            u.findElement(By.id("register-display")).sendKeys("Mo " + mo);
            u.findElement(By.id("register-password")).sendKeys(PASSWORD);
            u.findElement(By.id("register-submit")).click();
            waitFor(u).until(x -> !x.findElements(By.id("logout")).isEmpty());
            u.get(base("localhost") + "/admin/moderators");
            assertTrue(u.findElements(By.id("appoint-username")).isEmpty(), "not for users");

            WebDriver d = admin.driver();
            logIn(d, "admin", ParleyDeployment.adminPassword());
            d.get(base("localhost") + "/admin");
            d.findElement(By.id("admin-moderators")).click();
            waitFor(d).until(x -> x.getCurrentUrl().endsWith("/admin/moderators"));
            d.findElement(By.id("appoint-username")).sendKeys("nobody-" + mo);
            d.findElement(By.id("appoint-submit")).click();
            waitFor(d).until(x -> x.getPageSource().contains("No user named"));

            d.findElement(By.id("appoint-username")).clear();
            d.findElement(By.id("appoint-username")).sendKeys(mo);
            d.findElement(By.id("appoint-submit")).click();
            waitFor(d).until(x -> x.getPageSource().contains("is now a moderator"));
            List<WebElement> rows = d.findElements(By.cssSelector("#moderators-table .moderator-row"));
            WebElement row = rows.stream()
                    .filter(r -> r.getText().contains("Mo " + mo))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("not listed: " + rows.size() + " rows"));
            assertTrue(
                    AxeCheck.seriousViolations(d).isEmpty(),
                    AxeCheck.report("moderators", AxeCheck.seriousViolations(d)));
            admin.screenshot("admin-moderators");

            row.findElement(By.tagName("a")).click();
            waitFor(d).until(x -> !x.findElements(By.id("moderation-title")).isEmpty());
            assertTrue(d.findElement(By.cssSelector(".profile-head")).getText().contains("moderator"));
            admin.screenshot("profile-moderator");
            d.findElement(By.cssSelector("input[id$='unappoint']")).click();
            waitFor(d).until(x -> x.getPageSource().contains("is no longer a moderator"));
            assertTrue(d.findElements(By.cssSelector("input[id$='unappoint']")).isEmpty());
            assertTrue(!d.findElements(By.cssSelector("input[id$=':appoint']")).isEmpty(), "can be appointed again");
            d.get(base("localhost") + "/admin/moderators");
            assertTrue(!d.getPageSource().contains("Mo " + mo), "no longer listed");
        }
    }

    private static WebElement threshold(WebDriver d, String privilege) {
        return d.findElement(By.cssSelector("input[data-privilege='" + privilege + "']"));
    }

    private static String thresholdShown(WebDriver d, String label) {
        return d.findElements(By.cssSelector("#privileges tbody tr")).stream()
                .filter(r ->
                        r.findElement(By.className("privilege-name")).getText().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label))
                .findElement(By.className("privilege-threshold"))
                .getText();
    }

    private static String base(String host) {
        return "http://" + host + ":" + Http.port();
    }

    private static void logIn(WebDriver d, String username, String password) {
        d.get(base("localhost") + "/users/login");
        d.findElement(By.id("login-username")).sendKeys(username);
        d.findElement(By.id("login-password")).sendKeys(password);
        d.findElement(By.id("login-submit")).click();
        waitFor(d).until(x -> !x.findElements(By.id("logout")).isEmpty());
    }
}
