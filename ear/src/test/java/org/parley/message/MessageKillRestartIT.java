package org.parley.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.testing.PageClient;
import org.parley.testing.RunShServer;
import org.parley.testing.SiteUser;

/**
 * Nothing is lost and nothing is delivered twice when the server dies mid-delivery. A Parley started with {@code
 * scripts/run.sh} (its own data folder, ports at the test server's offset + 60 and a multicast address of its own,
 * so it never joins the test server's cluster) accepts 1,000 messages while its workers are off, so all 1,000 are
 * pending with their jobs in the Artemis journal; workers are switched on, and once some messages are delivered the
 * server is killed with {@code kill -9}. After a restart every message is delivered, and the database, read after a
 * clean stop, shows each delivered exactly once.
 *
 * <p>Badge checks ride the same kill (issue 20: awarded exactly once after a kill). While the workers are off,
 * {@value #EDITORS} users each ask a question and edit it, which queues a check that earns the Editor badge ("First
 * edit of a post"); the checks wait in the same journal as the messages. After the restart the Editor badge's holder
 * count settles, and the database holds exactly one Editor badge for each of them: none lost with the server, none
 * awarded twice by a redelivered check. The users are made by the operators' {@code POST /bench/users} (sign-ups are
 * limited per address, which one test client must not loosen) and log in one after another.
 */
class MessageKillRestartIT {

    static final int MESSAGES = 1000;

    /** Users whose first edit queues an Editor badge check before the kill. */
    static final int EDITORS = 12;

    /** The Editor badge's number (BadgeType.EDITOR). */
    static final int BADGE_EDITOR = 3;

    final int offset = Integer.getInteger("it.port.offset", 2300) + 60;
    final RunShServer server = new RunShServer(Path.of("target/message-kill-it"), offset);
    final Path data = server.data();
    final int port = server.port();
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String password;

    @Test
    void everyMessageInFlightIsDeliveredExactlyOnceAfterKillMinus9() throws Exception {
        server.fresh();
        try {
            server.start("-Dparley.worker=false -Dparley.messages.perMinute=100000");
            password = server.adminPassword();
            String recipient = "kill" + Long.toString(System.nanoTime() % 1_000_000, 36);
            register(recipient);

            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> sends = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                String body = "In flight number " + i;
                sends.add(pool.submit(() -> server.sendMessage(password, recipient, body)));
            }
            for (Future<Integer> s : sends) {
                assertEquals(202, s.get());
            }
            pool.shutdown();
            double sendSeconds = (System.nanoTime() - started) / 1e9;
            queueEditorChecks();
            assertEquals(MESSAGES, outbox().get("pending"), "all pending: the workers are off");

            cli("/subsystem=ejb3/mdb-delivery-group=parley-worker:write-attribute(name=active, value=true)");
            Map<String, Long> atKill;
            do {
                Thread.sleep(20);
                atKill = outbox();
            } while (atKill.get("delivered") < 50);
            server.kill();
            assertTrue(atKill.get("pending") > 0, "killed with messages still in flight: " + atKill);

            long restarted = System.nanoTime();
            server.start("");
            Map<String, Long> after = outbox();
            for (int i = 0; i < 600 && after.get("delivered") < MESSAGES; i++) {
                Thread.sleep(500);
                after = outbox();
            }
            double catchUpSeconds = (System.nanoTime() - restarted) / 1e9;
            assertEquals(Map.of("pending", 0L, "delivered", (long) MESSAGES, "failed", 0L), after);
            // The badge checks drain too: the Editor badge's holder count stays the same over three looks 2 s apart.
            long holders = -1;
            for (int i = 0, same = 0; i < 120 && same < 3; i++) {
                long now = editorHolders();
                same = now == holders ? same + 1 : 0;
                holders = now;
                Thread.sleep(2000);
            }
            System.out.printf(
                    "MessageKillRestartIT: %d messages accepted in %.1f s; killed with %d delivered and %d in flight;"
                            + " all %d delivered %.1f s after the restart began%n",
                    MESSAGES, sendSeconds, atKill.get("delivered"), atKill.get("pending"), MESSAGES, catchUpSeconds);
            Files.writeString(
                    data.resolve("figures.txt"),
                    String.format(
                            "sent=%d sendSeconds=%.1f deliveredAtKill=%d inFlightAtKill=%d catchUpSeconds=%.1f%n",
                            MESSAGES, sendSeconds, atKill.get("delivered"), atKill.get("pending"), catchUpSeconds));
        } finally {
            server.stop();
        }
        // After a clean stop: each of the 1,000 rows delivered, and delivered by exactly one committed delivery.
        try (Connection db = server.h2()) {
            Statement q = db.createStatement();
            ResultSet rs = q.executeQuery(
                    "select count(*), sum(case when state = 'DELIVERED' then 1 else 0 end), min(deliveries),"
                            + " max(deliveries), count(distinct body_markdown) from private_message");
            assertTrue(rs.next());
            assertEquals(MESSAGES, rs.getLong(1), "rows");
            assertEquals(MESSAGES, rs.getLong(2), "delivered");
            assertEquals(1, rs.getInt(3), "every message delivered at least once");
            assertEquals(1, rs.getInt(4), "no message delivered twice");
            assertEquals(MESSAGES, rs.getLong(5), "1,000 different messages");
            // Each of the test's editors holds the Editor badge exactly once: a lost check would leave one without,
            // and a redelivered one would be refused by the unique award key rather than make a second row.
            ResultSet badges = q.executeQuery("select count(*), count(distinct b.user_number) from badge b"
                    + " join parley_user u on u.site_id = b.site_id and u.number = b.user_number"
                    + " where b.name = 'Editor' and u.username like 'bench-user-%'");
            assertTrue(badges.next());
            assertEquals(EDITORS, badges.getLong(2), "every editor got the Editor badge after the kill");
            assertEquals(EDITORS, badges.getLong(1), "nobody got it twice");
        }
    }

    /**
     * While the workers are off: {@value #EDITORS} users made on the operators' listener each log in, ask and edit
     * their question, queueing an Editor badge check each (and a few other checks, for the ask and the day's visit).
     */
    private void queueEditorChecks() throws IOException, InterruptedException {
        server.benchUsers(EDITORS);
        URI site = URI.create("http://localhost:" + port);
        for (int i = 1; i <= EDITORS; i++) {
            SiteUser u = SiteUser.login(site, "bench-user-" + i, SiteUser.PASSWORD);
            SiteUser.Question q = u.ask(
                    "How do I set a rear derailleur's limit screw, case " + i + "?",
                    "The chain drops off the smallest cog when I shift down hard; which screw is it?",
                    "derailleurs");
            u.edit(
                    q,
                    "How do I set a rear derailleur's limit screw, case " + i + " (edited)?",
                    "The chain drops off the smallest cog when I shift down hard. Which screw, and how far?",
                    "derailleurs");
        }
    }

    /** How many hold the Editor badge, as its page says ("Awarded to N users"). */
    private long editorHolders() throws IOException, InterruptedException {
        String page = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/badges/" + BADGE_EDITOR))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("Awarded to ([0-9,]+) user").matcher(page);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
    }

    private void register(String username) throws IOException {
        PageClient client = new PageClient(URI.create("http://localhost:" + port));
        PageClient.Page form = client.get("/users/register");
        PageClient.Page done = client.submit(
                form,
                "register-form",
                Map.of(
                        "register-username",
                        username,
                        "register-display",
                        "Kill " + username,
                        "register-password",
                        "a-long-enough-password",
                        "register-submit",
                        "Sign up"));
        assertEquals(302, done.status(), "registering " + username + ": " + done.body());
    }

    private Map<String, Long> outbox() throws IOException, InterruptedException {
        return server.outbox(password);
    }

    /** Runs a management operation on the server through WildFly's CLI, as the admin run.sh created. */
    private void cli(String command) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("jboss.home"));
        Process p = new ProcessBuilder(
                        home.resolve("bin/jboss-cli.sh").toString(),
                        "--connect",
                        "--controller=remote+http://127.0.0.1:" + (9990 + offset),
                        "--user=admin",
                        "--password=" + password,
                        "--command=" + command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("cli.log").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI took too long");
        assertEquals(0, p.exitValue(), "CLI " + command + ": " + Files.readString(data.resolve("cli.log")));
    }
}
