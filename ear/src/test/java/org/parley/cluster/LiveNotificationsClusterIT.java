package org.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parley.notification.NotificationsBrowserIT;
import org.parley.testing.ClusterFixture;
import org.parley.testing.ClusterTest;

/**
 * Issue 6 across servers: A acts on web2 while B's browser holds its socket (or long-poll) on web1, and B's counter
 * (and, for a message, the recent-messages widget) changes without a reload within 2 s. The notification is written
 * on the server that took A's request (or, for a message, on the worker that delivered it) and reaches web1 through
 * the notifications topic. The flows are NotificationsBrowserIT's, given two different servers.
 */
@ClusterTest
class LiveNotificationsClusterIT {

    private static final String WEB1 = base("web1");
    private static final String WEB2 = base("web2");

    @Test
    void anAnswerOnWeb2ReachesTheAskersSocketOnWeb1() throws Exception {
        long ms = NotificationsBrowserIT.answerIsNotified(WEB1, WEB2, true, "cluster-socket");
        assertTrue(ms <= NotificationsBrowserIT.LIMIT_MS, "notified across servers in " + ms + " ms");
    }

    @Test
    void anAnswerOnWeb2ReachesTheAskersLongPollOnWeb1() throws Exception {
        long ms = NotificationsBrowserIT.answerIsNotified(WEB1, WEB2, false, "cluster-longpoll");
        assertTrue(ms <= NotificationsBrowserIT.LIMIT_MS, "notified across servers in " + ms + " ms");
    }

    @Test
    void aMessageSentOnWeb2ReachesTheRecipientOnWeb1() throws Exception {
        long ms = NotificationsBrowserIT.messageIsNotified(WEB2, WEB1);
        assertTrue(ms <= NotificationsBrowserIT.LIMIT_MS, "notified across servers in " + ms + " ms");
    }

    private static String base(String server) {
        String url = ClusterFixture.server(server).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
