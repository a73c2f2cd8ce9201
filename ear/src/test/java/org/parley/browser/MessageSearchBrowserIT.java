package org.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
 * Searching one's messages in a real browser: Bo types in the search box beside the message tabs and presses Enter
 * (no mouse), gets the hit with the word marked and the body's own markup as text, follows it to the message in its
 * conversation; on a phone-sized window too; an empty search says why.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MessageSearchBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    private static final String BASE = "http://localhost:" + Http.port();
    private static final String PASSWORD = "a-long-enough-password";

    @Test
    void searchFromTheMessagePagesWithTheKeyboard() throws Exception {
        String ada = ParleyDeployment.unique("ada");
        String bo = ParleyDeployment.unique("bo");
        String word = ParleyDeployment.unique("velo");
        try (Browser desk = new Browser(1280, 900);
                Browser phone = new Browser(390, 844)) {
            register(desk, ada, "Ada " + ada);
            register(phone, bo, "Bo " + bo);
            send(ada, bo, "Shall we take the **" + word + "** to the lake on Sunday? `<script>alert(1)</script>`");
            send(ada, bo, "Something else entirely.");
            send(bo, ada, "Yes, the " + word + " it is. See you at nine.");

            WebDriver d = desk.driver();
            // Delivery is a background job; the search box is on the inbox.
            new WebDriverWait(d, Duration.ofSeconds(20))
                    .pollingEvery(Duration.ofMillis(500))
                    .until(x -> {
                        x.get(BASE + "/messages/search?q=" + word);
                        return x.findElements(By.cssSelector(".search-hit")).size() == 2;
                    });
            d.get(BASE + "/messages");
            WebElement box = d.findElement(By.id("message-q"));
            box.sendKeys(word + " lake" + Keys.ENTER);
            waitFor(d).until(ExpectedConditions.urlContains("/messages/search?q="));
            List<WebElement> hits = d.findElements(By.cssSelector(".search-hit"));
            assertEquals(1, hits.size());
            WebElement hit = hits.get(0);
            assertTrue(hit.getText().contains("Bo " + bo), hit.getText());
            assertEquals(word, hit.findElement(By.cssSelector("mark")).getText());
            assertTrue(hit.getText().contains("<script>alert(1)</script>"), "shown as text: " + hit.getText());
            assertTrue(d.findElement(By.cssSelector(".search-count")).getText().startsWith("1 message"));
            assertEquals(
                    word + " lake", d.findElement(By.id("message-q")).getAttribute("value"), "the box keeps the query");
            desk.screenshot("message-search");

            // Keyboard: the hit is a link reached by Tab from the search button, and Enter opens it.
            d.findElement(By.cssSelector(".message-search button")).sendKeys(Keys.TAB);
            WebElement focused = d.switchTo().activeElement();
            assertEquals("a", focused.getTagName());
            assertTrue(focused.getAttribute("href").contains("#message-"), focused.getAttribute("href"));
            focused.sendKeys(Keys.ENTER);
            waitFor(d).until(ExpectedConditions.urlMatches("/messages/[0-9]+#message-[0-9]+$"));

            WebDriver p = phone.driver();
            p.get(BASE + "/messages/search?q=" + word);
            assertEquals(2, p.findElements(By.cssSelector(".search-hit")).size());
            phone.screenshot("message-search-phone");

            p.get(BASE + "/messages/search?q=%22%22");
            assertTrue(
                    p.findElement(By.cssSelector(".search-problem")).getText().contains("at least one letter or digit"),
                    p.getPageSource());
            phone.screenshot("message-search-refused-phone");
        }
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
        String json = "{\"to\":\"" + to + "\",\"body\":\"" + body.replace("\"", "\\\"") + "\"}";
        try (OutputStream out = c.getOutputStream()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(202, c.getResponseCode(), "sent");
    }

    private static void register(Browser browser, String username, String displayName) throws Exception {
        WebDriver d = browser.driver();
        d.get(BASE + "/users/register");
        d.findElement(By.id("register-username")).sendKeys(username);
        d.findElement(By.id("register-display")).sendKeys(displayName);
        d.findElement(By.id("register-password")).sendKeys(PASSWORD);
        d.findElement(By.id("register-submit")).click();
        waitFor(d).until(x -> x.findElement(By.id("topbar-user")).getText().contains(displayName));
    }
}
