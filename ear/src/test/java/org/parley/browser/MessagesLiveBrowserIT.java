package org.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.testing.Browser;
import org.parley.testing.BrowserUser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * Private messages live, in real browsers: Ada writes to Bo, who has the inbox open in one browser (with a second tab
 * on the home page) and the home page open on his phone, a second session that long-polls instead of using a socket. Without a reload anywhere: Ada's "sending…"
 * becomes "delivered"; Bo's inbox shows one row per conversation and its unread count, and every top bar counts the
 * message. Opening the conversation reads it and clears the bell and the counts in every tab and session; marking
 * the message's notification read on the phone reads the message in the inbox. And the top bar fits on a phone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MessagesLiveBrowserIT {

    private static final String BASE = "http://localhost:" + Http.port();
    private static final String PASSWORD = "a-long-enough-password";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    void readingAndDeliveryShowLiveInEveryTabAndSession() throws Exception {
        String ada = ParleyDeployment.unique("ada");
        String bo = ParleyDeployment.unique("bo");
        try (Browser sender = new Browser(1280, 900);
                Browser recipient = new Browser(1280, 900);
                Browser phone = new Browser(390, 844)) {
            try {
                WebDriver a = sender.driver();
                WebDriver b = recipient.driver();
                WebDriver p = phone.driver();
                register(a, ada);
                register(b, bo);
                logIn(p, bo);

                // Bo: the inbox in one tab, the home page in a second tab, the home page on the phone.
                b.get(BASE + "/");
                String homeTab = b.getWindowHandle();
                awaitSocket(b);
                b.switchTo().newWindow(WindowType.TAB);
                String inboxTab = b.getWindowHandle();
                b.get(BASE + "/messages");
                awaitSocket(b);
                marker(b);
                // The phone has no socket (as behind a proxy that breaks WebSockets): it long-polls.
                js(p, "localStorage.setItem('parley.push', 'off')");
                p.get(BASE + "/");
                waitFor(p)
                        .until(x -> "poll"
                                .equals(x.findElement(By.id("notification-badge"))
                                        .getAttribute("data-mode")));
                marker(p);

                // Ada writes; her conversation page turns "sending…" into "delivered" by itself.
                a.get(BASE + "/messages/new?to=" + bo);
                a.findElement(By.id("compose-body")).sendKeys("Riding on **Sunday**?");
                BrowserUser.press(a, "compose-submit");
                waitFor(a).until(ExpectedConditions.urlMatches("/messages/[0-9]+$"));
                String conversationUrl = a.getCurrentUrl();
                awaitSocket(a);
                marker(a);
                a.findElement(By.id("reply-body")).sendKeys("Bring a pump, mine is broken.");
                a.findElement(By.id("reply-submit")).click();
                waitFor(a)
                        .until(d ->
                                d.findElement(By.id("conversation")).getText().contains("Bring a pump"));
                waitFor(a).until(d -> lastState(d).equals("DELIVERED"));
                assertEquals(
                        1,
                        a.findElements(By.cssSelector(".pm-state[data-state='DELIVERED']"))
                                .size(),
                        "only the latest of one's own says delivered");
                assertTrue(a.findElements(By.cssSelector(".pm-state[data-state='PENDING']"))
                        .isEmpty());
                assertNotReloaded(a);
                sender.screenshot("messages-live-sender-delivered");

                // Bo's inbox: ONE row for the conversation, two new, the latest message, without a reload.
                waitFor(b)
                        .until(d ->
                                rows(d).size() == 1 && "2".equals(rows(d).get(0).getAttribute("data-unread")));
                WebElement row = rows(b).get(0);
                assertTrue(row.getText().contains("User " + ada), row.getText());
                assertTrue(row.getText().contains("Bring a pump, mine is broken."), row.getText());
                assertTrue(row.getText().contains("2 new"), row.getText());
                assertTrue(row.getAttribute("class").contains("unread"));
                WebElement pill = row.findElement(By.cssSelector(".unread-pill"));
                assertTrue(pill.getSize().getWidth() < 90, "the pill fits its text: " + pill.getSize());
                assertEquals("2", messagesUnread(b));
                assertTrue(b.findElement(By.id("topbar-messages")).getText().contains("(2 unread)"));
                assertTrue(b.findElement(By.id("inbox-tab-unread")).getText().contains("(2 unread)"));
                assertEquals("2", bell(b));
                assertNotReloaded(b);
                recipient.screenshot("messages-live-inbox");
                // ... and in the other tab and on the phone.
                b.switchTo().window(homeTab);
                waitFor(b).until(d -> "2".equals(messagesUnread(d)) && "2".equals(bell(d)));
                waitFor(p).until(d -> "2".equals(messagesUnread(d)) && "2".equals(bell(d)));
                assertEquals("2", p.findElement(By.id("topbar-messages-count")).getText());
                phone.screenshot("messages-live-phone-unread");

                // Bo opens the conversation: the messages and their notifications are read everywhere.
                b.switchTo().window(inboxTab);
                rows(b).get(0).findElement(By.tagName("a")).click();
                waitFor(b).until(ExpectedConditions.urlToBe(conversationUrl));
                waitFor(b).until(d -> "0".equals(bell(d)) && "0".equals(messagesUnread(d)));
                recipient.screenshot("messages-live-conversation");
                waitFor(p).until(d -> "0".equals(bell(d)) && "0".equals(messagesUnread(d)));
                assertTrue(
                        p.findElement(By.id("topbar-messages-count")).getText().isEmpty()
                                || !p.findElement(By.id("topbar-messages-count"))
                                        .isDisplayed());
                assertNotReloaded(p);
                b.switchTo().window(homeTab);
                waitFor(b).until(d -> "0".equals(bell(d)) && "0".equals(messagesUnread(d)));
                b.close();
                b.switchTo().window(inboxTab);

                // A message arriving in the open (visible) conversation shows there at once and is read there.
                assertEquals("visible", js(b, "return document.visibilityState;"));
                marker(b);
                a.findElement(By.id("reply-body")).sendKeys("See you at 9.");
                a.findElement(By.id("reply-submit")).click();
                waitFor(b)
                        .until(d -> d.findElement(By.id("conversation-messages"))
                                .getText()
                                .contains("See you at 9."));
                waitFor(b).until(d -> "0".equals(bell(d)) && "0".equals(messagesUnread(d)));
                assertNotReloaded(b);
                waitFor(p).until(d -> "0".equals(bell(d)) && "0".equals(messagesUnread(d)));
                p.get(BASE + "/notifications");
                assertTrue(
                        p.findElements(By.cssSelector(".notification.is-unread"))
                                .isEmpty(),
                        "all read");
                assertEquals(3, p.findElements(By.cssSelector(".notification")).size());

                // The other way round: Bo back on the inbox, Ada writes again, Bo marks its notification read on
                // the phone, and the inbox reads the message.
                b.get(BASE + "/messages");
                awaitSocket(b);
                marker(b);
                a.findElement(By.id("reply-body")).sendKeys("And a spare tube.");
                a.findElement(By.id("reply-submit")).click();
                waitFor(b)
                        .until(d ->
                                rows(d).size() == 1 && "1".equals(rows(d).get(0).getAttribute("data-unread")));
                waitFor(p).until(d -> "1".equals(bell(d)));
                p.get(BASE + "/notifications");
                WebElement unread = p.findElement(By.cssSelector(".notification.is-unread"));
                assertTrue(unread.getText().contains("And a spare tube."), unread.getText());
                phone.screenshot("messages-live-phone-notifications");
                unread.findElement(By.cssSelector("input[type='submit'], button"))
                        .click();
                waitFor(p)
                        .until(d -> d.findElements(By.cssSelector(".notification.is-unread"))
                                .isEmpty());
                waitFor(b)
                        .until(d -> "0".equals(rows(d).get(0).getAttribute("data-unread"))
                                && "0".equals(messagesUnread(d))
                                && "0".equals(bell(d)));
                assertTrue(!rows(b).get(0).getAttribute("class").contains("unread"));
                assertNotReloaded(b);
                recipient.screenshot("messages-live-inbox-read");
            } catch (RuntimeException | AssertionError e) {
                sender.evidence("failed-live-sender");
                recipient.evidence("failed-live-recipient");
                phone.evidence("failed-live-phone");
                throw e;
            }
        }
    }

    @Test
    void theTopBarFitsAPhoneWithUnreadMessagesAndNotifications() throws Exception {
        String ada = ParleyDeployment.unique("ada");
        String bo = "bo" + ParleyDeployment.unique("longname").substring(0, 12);
        try (Browser sender = new Browser(1280, 900);
                Browser recipient = new Browser(390, 844)) {
            try {
                WebDriver a = sender.driver();
                WebDriver b = recipient.driver();
                register(a, ada);
                register(b, bo);
                a.get(BASE + "/messages/new?to=" + bo);
                a.findElement(By.id("compose-body")).sendKeys("Are you in for Sunday?");
                BrowserUser.press(a, "compose-submit");
                waitFor(a).until(ExpectedConditions.urlMatches("/messages/[0-9]+$"));
                new WebDriverWait(b, Duration.ofSeconds(15), Duration.ofMillis(500))
                        .ignoring(StaleElementReferenceException.class)
                        .until(d -> {
                            d.get(BASE + "/messages");
                            return "1".equals(messagesUnread(d)) && "1".equals(bell(d));
                        });
                for (int width : new int[] {390, 320}) {
                    b.manage().window().setSize(new org.openqa.selenium.Dimension(width, 844));
                    b.get(BASE + "/messages");
                    // The width the page can use: the window less any vertical scroll bar.
                    int inner = ((Number) js(b, "return document.documentElement.clientWidth;")).intValue();
                    int scroll = ((Number) js(b, "return document.documentElement.scrollWidth;")).intValue();
                    assertTrue(
                            scroll <= inner,
                            width + " px: the page scrolls sideways: " + scroll + " > " + inner + ", past the edge: "
                                    + js(
                                            b,
                                            "return Array.from(document.querySelectorAll('body *')).filter(e =>"
                                                    + " e.getBoundingClientRect().right > arguments[0] + 0.5)"
                                                    + ".map(e => e.tagName + '.' + e.className).slice(0, 8).join(', ');",
                                            inner));
                    for (String id : List.of("topbar-user", "topbar-messages", "notification-badge", "logout")) {
                        WebElement e = b.findElement(By.id(id));
                        assertTrue(e.isDisplayed(), width + " px: #" + id + " is shown");
                        @SuppressWarnings("unchecked")
                        Map<String, Number> r = (Map<String, Number>) js(
                                b,
                                "var r = arguments[0].getBoundingClientRect();"
                                        + " return {left: r.left, right: r.right, width: r.width};",
                                e);
                        assertTrue(
                                r.get("left").doubleValue() >= 0
                                        && r.get("right").doubleValue() <= inner + 0.5,
                                width + " px: #" + id + " inside the screen: " + r);
                    }
                    WebElement avatar = b.findElement(By.cssSelector("#topbar-user .avatar"));
                    assertTrue(avatar.isDisplayed() && avatar.getRect().getX() >= 0, width + " px: avatar shown");
                    WebElement messages = b.findElement(By.id("topbar-messages"));
                    assertEquals(
                            "1", b.findElement(By.id("topbar-messages-count")).getText());
                    String name = messages.getAccessibleName();
                    assertTrue(name.contains("Messages") && name.contains("1 unread"), "accessible name: " + name);
                    assertTrue(b.findElement(By.id("notification-badge"))
                            .getAccessibleName()
                            .contains("1 unread"));
                    js(b, "arguments[0].focus();", messages);
                    assertEquals(messages, b.switchTo().activeElement(), "reachable from the keyboard");
                    recipient.screenshot("messages-topbar-" + width);
                }
                b.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
                b.get(BASE + "/messages");
                assertTrue(b.findElement(By.id("topbar-messages")).getText().contains("Messages (1 unread)"));
                recipient.screenshot("messages-topbar-1280");
            } catch (RuntimeException | AssertionError e) {
                recipient.evidence("failed-topbar-recipient");
                throw e;
            }
        }
    }

    private static List<WebElement> rows(WebDriver d) {
        return d.findElements(By.cssSelector("#inbox-list .conversation-row"));
    }

    private static String lastState(WebDriver d) {
        List<WebElement> states = d.findElements(By.cssSelector(".pm-mine .pm-state"));
        return states.isEmpty() ? "" : states.get(states.size() - 1).getAttribute("data-state");
    }

    private static String messagesUnread(WebDriver d) {
        return d.findElement(By.id("topbar-messages")).getAttribute("data-unread");
    }

    private static String bell(WebDriver d) {
        return d.findElement(By.id("notification-badge")).getAttribute("data-unread");
    }

    /** Marks the page, so that a later check can tell it was not reloaded. */
    private static void marker(WebDriver d) {
        js(d, "window.parleyNotReloaded = true;");
    }

    private static void assertNotReloaded(WebDriver d) {
        assertEquals(Boolean.TRUE, js(d, "return window.parleyNotReloaded === true;"), "the page was not reloaded");
    }

    private static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    private static void awaitSocket(WebDriver d) {
        waitFor(d)
                .until(x -> "socket"
                        .equals(x.findElement(By.id("notification-badge")).getAttribute("data-mode")));
    }

    private static void register(WebDriver d, String username) {
        d.get(BASE + "/users/register");
        d.findElement(By.id("register-username")).sendKeys(username);
        d.findElement(By.id("register-display")).sendKeys("User " + username);
        d.findElement(By.id("register-password")).sendKeys(PASSWORD);
        d.findElement(By.id("register-submit")).click();
        waitFor(d)
                .until(x -> x.findElement(By.id("topbar-user"))
                        .getAttribute("textContent")
                        .contains(username));
    }

    private static void logIn(WebDriver d, String username) {
        d.get(BASE + "/users/login");
        d.findElement(By.id("login-username")).sendKeys(username);
        d.findElement(By.id("login-password")).sendKeys(PASSWORD);
        d.findElement(By.id("login-submit")).click();
        waitFor(d).until(x -> !x.findElements(By.id("logout")).isEmpty());
    }
}
