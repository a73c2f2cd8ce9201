package org.parley.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.parley.testing.RunShServer;
import org.parley.testing.SiteUser;

/**
 * {@code scripts/backup.sh} under write load and {@code scripts/restore.sh} into a fresh data folder lose nothing
 * acknowledged (issue 22). The admin asks questions in three sessions and sends private messages without pause while
 * the backup runs; every question and message acknowledged before the backup began is in the restored Parley, every
 * message is delivered there exactly once (those still on their way at the backup get new jobs from the outbox
 * sweeper), and the restored admin password logs in. A restore into a running Parley and a restore of a damaged
 * backup are refused and change nothing.
 */
class BackupRestoreIT {

    static final int WRITERS = 3;

    final Path dir = Path.of("target/backup-it").toAbsolutePath();
    final int offset = Integer.getInteger("it.port.offset", 2300) + 70;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One acknowledged write: what identifies it, and when it was acknowledged (System.nanoTime). */
    record Ack(String text, long nanos) {}

    @Test
    void aBackupTakenUnderWritesRestoresEveryAcknowledgedWrite() throws Exception {
        RunShServer.deleteTree(dir);
        RunShServer a = new RunShServer(dir.resolve("a"), offset).fresh();
        RunShServer b = new RunShServer(dir.resolve("b"), offset).fresh();
        Path backup = dir.resolve("backup");
        Queue questions = new Queue();
        Queue messages = new Queue();
        long backupStarted;
        long backupEnded;
        try {
            a.start("-Dparley.messages.perMinute=100000");
            String adminA = a.adminPassword();
            a.benchUsers(1);
            assertEquals(
                    404,
                    http.send(
                                    HttpRequest.newBuilder(URI.create(a.base() + "/ops/backup"))
                                            .POST(HttpRequest.BodyPublishers.noBody())
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode(),
                    "no backups on the public port");
            String recipient = "bench-user-1";

            // The admin asks (new users may ask once every 40 minutes), in several sessions at once, logged in one
            // after another.
            List<SiteUser> sessions = new ArrayList<>();
            for (int w = 1; w <= WRITERS; w++) {
                sessions.add(SiteUser.login(a.base(), "admin", adminA));
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 1; w <= WRITERS; w++) {
                int writer = w;
                SiteUser u = sessions.get(w - 1);
                writers.add(pool.submit(() -> {
                    for (int n = 0; writing.get(); n++) {
                        String title = "Backed up question " + writer + "-" + n + ": which tyre pressure for gravel?";
                        u.ask(title, "Between 30 and 45 psi the ride changes a lot; where do you start?", "tyres");
                        questions.add(new Ack(title, System.nanoTime()));
                    }
                    return null;
                }));
            }
            writers.add(pool.submit(() -> {
                for (int n = 0; writing.get(); n++) {
                    String body = "Backed up message " + n;
                    int status = a.sendMessage(adminA, recipient, body);
                    assertEquals(202, status, "sending " + body);
                    messages.add(new Ack(body, System.nanoTime()));
                }
                return null;
            }));
            Thread.sleep(5000);
            backupStarted = System.nanoTime();
            int exit = a.script("backup.sh", "", "--out", backup.toString());
            backupEnded = System.nanoTime();
            Thread.sleep(2000);
            writing.set(false);
            pool.shutdown();
            for (Future<?> f : writers) {
                f.get();
            }
            assertEquals(0, exit, "backup.sh: " + a.log("backup.sh"));
            assertTrue(a.log("backup.sh").contains("(online)"), a.log("backup.sh"));
        } finally {
            a.stop();
        }
        long duringBackup =
                questions.countBetween(backupStarted, backupEnded) + messages.countBetween(backupStarted, backupEnded);
        System.out.printf(
                "BackupRestoreIT: backup took %.1f s while %d writes were acknowledged; %d questions and %d messages"
                        + " acknowledged before it began%n",
                (backupEnded - backupStarted) / 1e9,
                duringBackup,
                questions.countBefore(backupStarted),
                messages.countBefore(backupStarted));
        assertTrue(questions.countBefore(backupStarted) > 0 && messages.countBefore(backupStarted) > 0, "writes ran");
        String manifest = Files.readString(backup.resolve("MANIFEST"));
        assertTrue(manifest.contains("mode=online"), manifest);

        // A damaged backup is refused and leaves the data folder as it was.
        RunShServer c = new RunShServer(dir.resolve("c"), offset).fresh();
        Path damaged = dir.resolve("damaged");
        copyTree(backup, damaged);
        try (var zip = Files.newByteChannel(damaged.resolve("parley-db.zip"), StandardOpenOption.WRITE)) {
            zip.position(Files.size(damaged.resolve("parley-db.zip")) / 2);
            zip.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
        }
        assertEquals(1, c.script("restore.sh", "", "--from", damaged.toString()), c.log("restore.sh"));
        assertTrue(c.log("restore.sh").contains("SHA-256"), c.log("restore.sh"));
        assertFalse(Files.exists(c.data().resolve("server/data/parley/parley.mv.db")), "nothing restored");

        // Restored into a fresh data folder and started: everything acknowledged before the backup is there.
        assertEquals(0, b.script("restore.sh", "", "--from", backup.toString()), b.log("restore.sh"));
        try {
            b.start("");
            assertEquals(1, b.script("restore.sh", "", "--from", backup.toString()), "refused while it runs");
            assertTrue(b.log("restore.sh").contains("stop it first"), b.log("restore.sh"));
            // The restored admin password logs in; every message there gets delivered (the sweeper re-queues the
            // ones whose jobs were in the first server's journal).
            Map<String, Long> outbox = b.outbox(a.adminPassword());
            for (int i = 0; i < 120 && outbox.get("pending") > 0; i++) {
                Thread.sleep(1000);
                outbox = b.outbox(a.adminPassword());
            }
            assertEquals(0L, outbox.get("pending"), "every restored message delivered: " + outbox);
            assertEquals(0L, outbox.get("failed"), outbox.toString());
        } finally {
            b.stop();
        }
        try (Connection db = b.h2()) {
            PreparedStatement question = db.prepareStatement("select count(*) from post where title = ?");
            for (Ack q : questions.before(backupStarted)) {
                question.setString(1, q.text());
                ResultSet rs = question.executeQuery();
                assertTrue(rs.next());
                assertEquals(1, rs.getLong(1), "restored once: " + q.text());
            }
            PreparedStatement message = db.prepareStatement(
                    "select count(*), min(state), max(deliveries)" + " from private_message where body_markdown = ?");
            for (Ack m : messages.before(backupStarted)) {
                message.setString(1, m.text());
                ResultSet rs = message.executeQuery();
                assertTrue(rs.next());
                assertEquals(1, rs.getLong(1), "restored once: " + m.text());
                assertEquals("DELIVERED", rs.getString(2), m.text());
                assertEquals(1, rs.getInt(3), "delivered once: " + m.text());
            }
        }
    }

    /** Acknowledged writes, from several threads. */
    static final class Queue {
        private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();

        void add(Ack ack) {
            acks.add(ack);
        }

        List<Ack> before(long nanos) {
            return acks.stream().filter(a -> a.nanos() < nanos).toList();
        }

        long countBefore(long nanos) {
            return before(nanos).size();
        }

        long countBetween(long from, long to) {
            return acks.stream()
                    .filter(a -> a.nanos() >= from && a.nanos() < to)
                    .count();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
