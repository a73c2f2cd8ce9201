package org.parley.cluster;

import org.junit.jupiter.api.Test;
import org.parley.post.LiveQuestionBrowserIT;
import org.parley.testing.ClusterFixture;
import org.parley.testing.ClusterTest;

/**
 * Live question pages across servers: a reader has the question open on web1 (anonymously on the socket, or logged in
 * on the long-poll) while the answer is posted on web2; the reader's "1 new answer" bar shows without a reload (the time
 * is printed) and loads the answer. The change reaches web1 through the events topic; the answer comes from web1's
 * output cache, which the write's cache invalidation made fresh. The flow is LiveQuestionBrowserIT's, given two
 * different servers.
 */
@ClusterTest
class LiveQuestionClusterIT {

    private static final String WEB1 = base("web1");
    private static final String WEB2 = base("web2");

    @Test
    void anAnswerOnWeb2ReachesAnAnonymousReadersSocketOnWeb1() throws Exception {
        System.out.println("new answer bar across servers in "
                + LiveQuestionBrowserIT.answerArrives(WEB1, WEB2, false, "cluster-socket", false) + " ms");
    }

    @Test
    void anAnswerOnWeb2ReachesALoggedInReadersLongPollOnWeb1() throws Exception {
        System.out.println("new answer bar across servers in "
                + LiveQuestionBrowserIT.answerArrives(WEB1, WEB2, true, "cluster-longpoll", false) + " ms");
    }

    private static String base(String server) {
        String url = ClusterFixture.server(server).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
