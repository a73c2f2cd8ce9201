package org.parley.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.testing.Browser;
import org.parley.testing.BrowserUser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;

/**
 * Two people in two real browsers: B asks, A answers, and B's top-bar counter changes without a reload (the wait gives
 * it {@value #WAIT_SECONDS} s and the time it took is printed), once through the push socket and once through the
 * long-poll with the socket switched off; and A sends B a
 * private message, and B's counter and recent-messages widget change. The flows take the two servers' base URLs, so
 * the cluster suite (LiveNotificationsClusterIT) runs them with A and B on different servers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class NotificationsBrowserIT {

    private static final String PASSWORD = "a-long-enough-password";
    private static final String BASE = "http://localhost:" + Http.port();
    /**
     * How long a test waits for a notification to show without a reload: long enough that a loaded machine does not
     * fail it, far below what only a reload would show. How fast it shows (the goal is 2 s) is a figure of
     * {@code scripts/bench.sh live}, not a timed test.
     */
    public static final int WAIT_SECONDS = 10;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(SessionSizeServlet.class);
    }

    @Test
    void anAnswerReachesTheAskerThroughTheSocket() throws Exception {
        System.out.println("anAnswerReachesTheAskerThroughTheSocket: notified in "
                + answerIsNotified(BASE, BASE, true, "socket") + " ms");
    }

    @Test
    void anAnswerReachesTheAskerThroughTheLongPoll() throws Exception {
        System.out.println("anAnswerReachesTheAskerThroughTheLongPoll: notified in "
                + answerIsNotified(BASE, BASE, false, "longpoll") + " ms");
    }

    @Test
    void aMessageUpdatesTheCounterAndTheWidget() throws Exception {
        System.out.println(
                "aMessageUpdatesTheCounterAndTheWidget: notified in " + messageIsNotified(BASE, BASE) + " ms");
    }

    /**
     * The push socket keeps nothing in the session: Faces push kept a session-scoped channel manager there, which every
     * page rendering the socket read, so every logged-in page view wrote the replicated session (issue 19).
     */
    @Test
    void theSocketKeepsNothingInTheSession() throws Exception {
        try (Browser b = new Browser(1280, 900)) {
            String user = ParleyDeployment.unique("ss");
            register(b.driver(), BASE, user);
            b.driver().get(BASE + "/questions?page=1");
            waitFor(b.driver()).until(d -> "socket".equals(mode(d)));
            String first = sessionSizes(b.driver(), BASE);
            for (int i = 0; i < 10; i++) {
                b.driver().get(BASE + "/questions?page=" + (i % 3 + 1));
                waitFor(b.driver()).until(d -> "socket".equals(mode(d)));
            }
            String after = sessionSizes(b.driver(), BASE);
            System.out.println("SESSION-SIZE first page:\n" + first + "SESSION-SIZE after 10 pages:\n" + after);
            for (String sizes : List.of(first, after)) {
                assertFalse(sizes.contains("com.sun.faces.push"), "no push channel in the session: " + sizes);
                assertFalse(sizes.contains("WELD_S#"), "no session-scoped bean in the session: " + sizes);
            }
            assertEquals(size(first, "total"), size(after, "total"), "no per-page growth: " + first + after);
        }
    }

    /**
     * B (on {@code askerBase}) asks and watches the question page; A (on {@code answererBase}) answers it. Returns the
     * milliseconds from A's click to B's counter showing 1.
     *
     * @param socket false switches B's socket off, so the long-poll carries the notification
     */
    public static long answerIsNotified(String askerBase, String answererBase, boolean socket, String shot)
            throws Exception {
        try (Browser asker = new Browser(1280, 900);
                Browser answerer = new Browser(390, 844)) {
            try {
                WebDriver b = asker.driver();
                WebDriver a = answerer.driver();
                String bName = ParleyDeployment.unique("nb");
                register(b, askerBase, bName);
                if (!socket) {
                    ((JavascriptExecutor) b).executeScript("localStorage.setItem('parley.push', 'off')");
                }
                String title = "Why does my front brake squeal in the rain " + bName + "?";
                String path = URI.create(BrowserUser.ask(
                                b,
                                askerBase,
                                title,
                                "Rim brakes, new pads, and a loud squeal only when the rims are wet. Any fix?",
                                "brakes"))
                        .getRawPath();
                String expected = socket ? "socket" : "poll";
                waitFor(b).until(d -> expected.equals(mode(d)));
                assertEquals(
                        "0",
                        b.findElement(By.id("notification-count")).getText().isEmpty() ? "0" : count(b));

                register(a, answererBase, ParleyDeployment.unique("na"));
                a.get(answererBase + path);
                a.findElement(By.id("answer-body"))
                        .sendKeys("Toe the pads in a little and clean the rims with alcohol; the squeal goes away.");
                if (!socket) {
                    Thread.sleep(300); // B's long-poll is waiting on the server
                }
                long t0 = System.nanoTime();
                a.findElement(By.id("answer-submit")).click();
                new WebDriverWait(b, Duration.ofSeconds(WAIT_SECONDS), Duration.ofMillis(10))
                        .until(d -> "1".equals(count(d)));
                long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
                System.out.println("NOTIFY-LATENCY " + shot + " " + ms + " ms");
                asker.screenshot("notification-" + shot);
                // The notification is on B's inbox page, unread, and marking all read clears the counter.
                b.get(askerBase + "/notifications");
                assertTrue(b.findElement(By.id("notification-list")).getText().contains("answered your question"));
                asker.screenshot("notifications-page-" + shot);
                b.findElement(By.id("mark-all-read")).click();
                waitFor(b)
                        .until(d -> d.findElements(By.cssSelector(".notification.is-unread"))
                                .isEmpty());
                assertEquals("0", count(b));
                if (!socket) {
                    answerer.driver().get(answererBase + "/notifications");
                    answerer.screenshot("notifications-page-phone");
                }
                return ms;
            } catch (RuntimeException | AssertionError e) {
                asker.evidence("failed-" + shot + "-asker");
                answerer.evidence("failed-" + shot + "-answerer");
                throw e;
            }
        }
    }

    /**
     * A (on {@code senderBase}) sends B (on {@code recipientBase}, on the home page with the recent-messages widget) a
     * private message through {@code POST /api/messages}; returns the milliseconds until B's counter shows 1 and the
     * widget holds the message.
     */
    public static long messageIsNotified(String senderBase, String recipientBase) throws Exception {
        try (Browser recipient = new Browser(1280, 900);
                Browser sender = new Browser(390, 844)) {
            try {
                WebDriver b = recipient.driver();
                WebDriver a = sender.driver();
                String bName = ParleyDeployment.unique("mb");
                register(b, recipientBase, bName);
                b.get(recipientBase + "/");
                waitFor(b).until(d -> "socket".equals(mode(d)));
                register(a, senderBase, ParleyDeployment.unique("ma"));
                String text = "Ride on Saturday? " + bName;
                long t0 = System.nanoTime();
                int status = postMessage(senderBase, a.manage().getCookieNamed("JSESSIONID"), bName, text);
                assertTrue(status / 100 == 2, "POST /api/messages answered " + status);
                new WebDriverWait(b, Duration.ofSeconds(WAIT_SECONDS), Duration.ofMillis(10))
                        .until(d -> "1".equals(count(d))
                                && d.findElement(By.id("parley-recent-messages"))
                                        .getText()
                                        .contains(text));
                long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
                System.out.println("NOTIFY-LATENCY message " + ms + " ms");
                recipient.screenshot("notification-message");
                return ms;
            } catch (RuntimeException | AssertionError e) {
                recipient.evidence("failed-message-recipient");
                sender.evidence("failed-message-sender");
                throw e;
            }
        }
    }

    private static int postMessage(String base, Cookie session, String to, String body) throws Exception {
        String json = "{\"to\":\"" + to + "\",\"body\":\"" + body.replace("\"", "\\\"") + "\"}";
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                                .header("Content-Type", "application/json")
                                .header("Cookie", session.getName() + "=" + session.getValue())
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    static void register(WebDriver d, String base, String username) {
        d.get(base + "/users/register");
        d.findElement(By.id("register-username")).sendKeys(username);
        d.findElement(By.id("register-display")).sendKeys("User " + username);
        d.findElement(By.id("register-password")).sendKeys(PASSWORD);
        d.findElement(By.id("register-submit")).click();
        waitFor(d).until(x -> x.findElement(By.id("topbar-user")).getText().contains(username));
    }

    private static String sessionSizes(WebDriver d, String base) throws Exception {
        Cookie c = d.manage().getCookieNamed("JSESSIONID");
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/test/session-size"))
                                .header("Cookie", c.getName() + "=" + c.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    private static int size(String sizes, String name) {
        for (String line : sizes.split("\n")) {
            if (line.startsWith(name + "\t")) {
                return Integer.parseInt(
                        line.substring(line.lastIndexOf('\t') + 1).trim());
            }
        }
        return -1;
    }

    private static String mode(WebDriver d) {
        return d.findElement(By.id("notification-badge")).getAttribute("data-mode");
    }

    private static String count(WebDriver d) {
        return d.findElement(By.id("notification-badge")).getAttribute("data-unread");
    }
}
