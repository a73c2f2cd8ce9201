package org.parley.browser;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.testing.Browser;
import org.parley.testing.BrowserUser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * A private message in two real browsers: Ada picks Bo from the name suggestions, writes Markdown with a live
 * preview and sends; Bo (on a phone-sized window) finds it in the inbox in bold, in the top-bar count and the
 * home page's recent-messages widget, opens it and it is read. A refused send shows its reason on the form.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MessageComposeBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    private static final String BASE = "http://localhost:" + Http.port();

    @Test
    void composeThenTheRecipientsInbox() throws Exception {
        String ada = ParleyDeployment.unique("ada");
        String bo = ParleyDeployment.unique("bo");
        try (Browser sender = new Browser(1280, 1000);
                Browser recipient = new Browser(390, 844)) {
            register(sender, ada, "Ada " + ada);
            register(recipient, bo, "Bo " + bo);

            WebDriver a = sender.driver();
            a.get(BASE + "/messages/new");
            WebElement to = a.findElement(By.id("compose-to_input"));
            to.sendKeys(bo.substring(0, 4));
            By suggestion = By.cssSelector(".ui-autocomplete-panel li[data-item-value='" + bo + "']");
            waitFor(a).until(ExpectedConditions.visibilityOfElementLocated(suggestion));
            sender.screenshot("message-autocomplete");
            a.findElement(suggestion).click();
            waitFor(a)
                    .until(d ->
                            bo.equals(d.findElement(By.id("compose-to_input")).getAttribute("value")));
            a.findElement(By.id("compose-body"))
                    .sendKeys("Are you riding on **Sunday**?\n\n* meet at 9\n* bring a pump");
            WebElement preview = a.findElement(By.id("compose-preview"));
            waitFor(a).until(d -> preview.getAttribute("innerHTML").contains("<strong>Sunday</strong>"));
            sender.screenshot("message-compose");
            BrowserUser.press(a, "compose-submit");
            waitFor(a).until(ExpectedConditions.urlMatches("/messages/[0-9]+$"));
            String conversationUrl = a.getCurrentUrl();
            assertTrue(a.findElement(By.tagName("h1")).getText().contains("Bo " + bo));
            sender.screenshot("message-conversation-sender");

            // A refusal shows on the form and keeps what was typed.
            a.get(BASE + "/messages/new?to=" + ada);
            a.findElement(By.id("compose-body")).sendKeys("Note to self");
            BrowserUser.press(a, "compose-submit");
            waitFor(a).until(d -> d.getPageSource().contains("You cannot send a message to yourself."));
            sender.screenshot("message-refused");

            // Bo: delivery is a background job, so the inbox may need a moment.
            WebDriver b = recipient.driver();
            new WebDriverWait(b, Duration.ofSeconds(15))
                    .pollingEvery(Duration.ofMillis(500))
                    .until(d -> {
                        d.get(BASE + "/messages");
                        return !d.findElements(By.cssSelector(".message-row.unread"))
                                .isEmpty();
                    });
            WebElement row = b.findElement(By.cssSelector(".message-row.unread"));
            assertTrue(row.getText().contains("Ada " + ada), row.getText());
            assertTrue(row.getText().contains("Are you riding on Sunday?"), row.getText());
            assertTrue(b.findElement(By.id("topbar-messages")).getText().contains("(1 unread)"));
            recipient.screenshot("message-inbox-phone");

            b.get(BASE + "/");
            WebElement widget = b.findElement(By.id("parley-recent-messages"));
            assertTrue(widget.getText().contains("Ada " + ada), widget.getText());
            recipient.screenshot("message-home-widget-phone");

            b.findElement(By.cssSelector("#parley-recent-messages a")).click();
            waitFor(b).until(ExpectedConditions.urlToBe(conversationUrl));
            assertTrue(b.getPageSource().contains("<strong>Sunday</strong>"));
            assertTrue(b.getPageSource().contains("<li>bring a pump</li>"));
            recipient.screenshot("message-conversation-phone");

            b.get(BASE + "/messages");
            assertTrue(b.findElements(By.cssSelector(".message-row.unread")).isEmpty(), "read once opened");
            assertFalse(b.findElement(By.id("topbar-messages")).getText().contains("unread"));

            // The dead-letter page is for admins only.
            b.get(BASE + "/admin/messages");
            assertTrue(b.getPageSource().contains("403")
                    || b.getPageSource().toLowerCase().contains("forbidden"));
        }
        try (Browser admin = new Browser(1280, 900)) {
            WebDriver d = admin.driver();
            d.get(BASE + "/users/login");
            d.findElement(By.id("login-username")).sendKeys("admin");
            d.findElement(By.id("login-password")).sendKeys(ParleyDeployment.adminPassword());
            d.findElement(By.id("login-submit")).click();
            waitFor(d).until(x -> !x.findElements(By.id("logout")).isEmpty());
            d.get(BASE + "/admin/messages");
            assertTrue(d.findElement(By.tagName("h1")).getText().contains("Dead-lettered messages"));
            admin.screenshot("message-admin-dead-letters");
        }
    }

    private static void register(Browser browser, String username, String displayName) throws Exception {
        WebDriver d = browser.driver();
        d.get(BASE + "/users/register");
        d.findElement(By.id("register-username")).sendKeys(username);
        d.findElement(By.id("register-display")).sendKeys(displayName);
        d.findElement(By.id("register-password")).sendKeys("a-long-enough-password");
        d.findElement(By.id("register-submit")).click();
        waitFor(d).until(x -> x.findElement(By.id("topbar-user")).getText().contains(displayName));
    }
}
