package org.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.testing.ClusterTest;
import org.parley.testing.PageClient;
import org.parley.testing.PageClient.Page;
import org.parley.testing.SiteUser;

/**
 * The log-in throttle counts across the cluster (issue 18, item 2): failed log-ins are counted in the replicated
 * cache "logins", so guesses spread over two servers are held by one count. Wrong passwords for one account,
 * alternating between web1 and web2, each from an address of its own (no address limit near): the first five are
 * ordinary failures and one of the next five is refused with 429 and Retry-After (counted per server, all ten would
 * pass). Wrong guesses from one address at many accounts, alternating servers: twenty pass, and one of the next four
 * is refused (per server, twelve each, none would be). The forms are fetched first and posted in quick succession,
 * since the throttle lets a guess through once its wait (1 s, then 2, 4, ...) has passed.
 */
@ClusterTest
class LoginThrottleClusterIT {

    private static final String WRONG = "not the password at all";

    private final URI web1 = URI.create(System.getProperty("cluster.it.web1.url"));
    private final URI web2 = URI.create(System.getProperty("cluster.it.web2.url"));

    @Test
    void guessesSpreadOverTwoServersAreCountedOnce() throws Exception {
        SiteUser user = SiteUser.register(web1, "thr");
        List<Page> account = guesses(10, i -> "198.51.100." + i, i -> user.name());
        assertFreeThenRefused(account, 5, "account " + user.name());

        String address = "203.0.113.9";
        List<Page> byAddress = guesses(24, i -> address, i -> "nobody" + System.nanoTime() + "x" + i);
        assertFreeThenRefused(byAddress, 20, "address " + address);
    }

    private static void assertFreeThenRefused(List<Page> answers, int free, String what) {
        String statuses = answers.stream().map(p -> String.valueOf(p.status())).collect(Collectors.joining(" "));
        for (int i = 0; i < free; i++) {
            assertEquals(200, answers.get(i).status(), what + ": failure " + (i + 1) + " is ordinary: " + statuses);
        }
        List<Page> refused = answers.subList(free, answers.size()).stream()
                .filter(p -> p.status() == 429)
                .collect(Collectors.toList());
        System.out.println("login throttle across two servers, " + what + ": " + statuses);
        assertTrue(!refused.isEmpty(), what + ": a guess past the free " + free + " is refused: " + statuses);
        for (Page p : refused) {
            assertNotNull(p.header("Retry-After"), "a 429 says when to try again");
        }
    }

    /**
     * {@code count} wrong passwords through the log-in forms of web1 and web2 in turn, guess {@code i} (from 1) for
     * {@code username.apply(i)} from {@code address.apply(i)}; the forms are fetched first, then posted one after another.
     */
    private List<Page> guesses(int count, IntFunction<String> address, IntFunction<String> username)
            throws IOException {
        List<PageClient> clients = new ArrayList<>();
        List<Page> forms = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            PageClient client = new PageClient(i % 2 == 1 ? web1 : web2);
            client.setHeader("X-Forwarded-For", address.apply(i));
            clients.add(client);
            forms.add(client.get("/users/login"));
        }
        List<Page> answers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            answers.add(clients.get(i - 1)
                    .submit(
                            forms.get(i - 1),
                            "login-form",
                            Map.of(
                                    "login-username",
                                    username.apply(i),
                                    "login-password",
                                    WRONG,
                                    "login-submit",
                                    "Log in")));
        }
        return answers;
    }
}
