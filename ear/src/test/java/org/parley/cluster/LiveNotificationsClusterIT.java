package org.parley.cluster;

import org.junit.jupiter.api.Test;
import org.parley.notification.NotificationsBrowserIT;
import org.parley.testing.ClusterFixture;
import org.parley.testing.ClusterTest;

/**
 * Issue 6 across servers: A acts on web2 while B's browser holds its socket (or long-poll) on web1, and B's counter
 * (and, for a message, the recent-messages widget) changes without a reload (the time is printed; the 2 s goal is a
 * figure of scripts/bench.sh live). The notification is written
 * on the server that took A's request (or, for a message, on the worker that delivered it) and reaches web1 through
 * the notifications topic. The flows are NotificationsBrowserIT's, given two different servers.
 */
@ClusterTest
class LiveNotificationsClusterIT {

    private static final String WEB1 = base("web1");
    private static final String WEB2 = base("web2");

    @Test
    void anAnswerOnWeb2ReachesTheAskersSocketOnWeb1() throws Exception {
        System.out.println("notified across servers in "
                + NotificationsBrowserIT.answerIsNotified(WEB1, WEB2, true, "cluster-socket") + " ms");
    }

    @Test
    void anAnswerOnWeb2ReachesTheAskersLongPollOnWeb1() throws Exception {
        System.out.println("notified across servers in "
                + NotificationsBrowserIT.answerIsNotified(WEB1, WEB2, false, "cluster-longpoll") + " ms");
    }

    @Test
    void aMessageSentOnWeb2ReachesTheRecipientOnWeb1() throws Exception {
        System.out.println(
                "notified across servers in " + NotificationsBrowserIT.messageIsNotified(WEB2, WEB1) + " ms");
    }

    private static String base(String server) {
        String url = ClusterFixture.server(server).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
