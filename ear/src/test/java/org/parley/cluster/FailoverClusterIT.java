package org.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.parley.testing.ClusterFixture;
import org.parley.testing.ClusterTest;
import org.parley.testing.PageClient;
import org.parley.testing.PageClient.Page;
import org.parley.testing.SiteUser;

/**
 * A fail-over in the scaled-out cluster ({@link ClusterTest}: PostgreSQL, a WildFly domain with web1, web2 and work1,
 * HAProxy; the front door itself is FrontDoorClusterIT's): under a steady load of reads, questions and votes from
 * logged-in users, web1 is killed with SIGKILL; the test measures how long until every request succeeds again, counts failures, proves that no acknowledged write was lost
 * and that nobody was logged out, restarts web1 and shows that it serves again, including what was written while it
 * was down, also in its tag listings (the tag engine's catch-up). It runs last among the cluster tests. The
 * output of cluster.sh goes to {@code ear/target/cluster-it.log}; the figures to
 * {@code ear/target/cluster-it/failover-report.txt}.
 */
@ClusterTest
@Order(Integer.MAX_VALUE) // last: it kills and restarts a server, which the other cluster tests should not see
class FailoverClusterIT {

    private static final URI FRONT = ClusterFixture.front();
    private static final Path DATA = ClusterFixture.data();
    private static final int USERS = 6;
    private static final String PASSWORD = SiteUser.PASSWORD;

    @Test
    void killingAWebServerUnderLoadLosesNoAcknowledgedWriteAndNoSession() throws Exception {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(User.register(i));
        }
        // New users may not vote up yet (15 reputation); the admin makes them moderators, who may, through the
        // moderators page.
        appointModerators(users);
        Load load = new Load(users);
        // Someone has something to vote on before the load starts.
        users.get(0).ask(load);

        load.start();
        Thread.sleep(10_000);
        long onWeb1 = users.stream()
                .filter(u -> "web1".equals(u.client.cookie("PARLEYSRV")))
                .count();
        ClusterFixture.cluster(60, "kill", "web1"); // the kill is the script's last step
        long killedAt = System.nanoTime();
        Thread.sleep(20_000);
        List<Question> askedWhileDown = new ArrayList<>(load.questions);
        // The fail-over's own figures, written before the restart so that they survive a failed one.
        long restartAt = System.nanoTime();
        List<Op> failedBeforeRestart = load.ops.stream()
                .filter(op -> !op.ok && op.end >= killedAt && op.start < restartAt)
                .collect(Collectors.toList());
        String failover = String.format(
                "fail-over: %d users (%d on web1 when it was killed), %d requests until the restart, %d failed after the"
                        + " kill (%s); every request succeeded again %.2f s after the kill; %d questions and %d votes"
                        + " acknowledged",
                USERS,
                onWeb1,
                load.ops.stream().filter(op -> op.start < restartAt).count(),
                failedBeforeRestart.size(),
                describe(failedBeforeRestart),
                failedBeforeRestart.stream()
                        .mapToDouble(op -> (op.end - killedAt) / 1e9)
                        .max()
                        .orElse(0),
                load.questions.size(),
                load.votes.size());
        System.out.println(failover);
        Files.writeString(DATA.resolve("failover-report.txt"), failover + "\n");
        // web1 comes back while the load goes on (an operator restarting a crashed server does not stop the traffic).
        ClusterFixture.cluster(900, "restart", "web1");
        double restartSeconds = (System.nanoTime() - restartAt) / 1e9;
        Thread.sleep(10_000); // and takes its share of the load again
        load.stop();

        // Every request succeeded again within a few seconds of the kill, and none failed while web1 rejoined.
        List<Op> failed = load.ops.stream().filter(op -> !op.ok).collect(Collectors.toList());
        List<Op> failedAfterKill = failed.stream()
                .filter(op -> op.end >= killedAt && op.start < restartAt)
                .collect(Collectors.toList());
        List<Op> failedWhileRejoining =
                failed.stream().filter(op -> op.start >= restartAt).collect(Collectors.toList());
        double recovery = failedAfterKill.stream()
                .mapToDouble(op -> (op.end - killedAt) / 1e9)
                .max()
                .orElse(0);
        long opsDuringRestart =
                load.ops.stream().filter(op -> op.start >= restartAt).count();
        String report = String.format(
                "fail-over: %d users (%d on web1 when it was killed), %d requests, %d failed after the kill (%s); every"
                        + " request succeeded again %.2f s after the kill (goal: under 3 s); %d questions and %d votes"
                        + " acknowledged, none lost; web1 restarted under load and back in HAProxy in %.0f s, %d requests"
                        + " during and after its rejoin, %d failed (%s)",
                USERS,
                onWeb1,
                load.ops.size(),
                failedAfterKill.size(),
                describe(failedAfterKill),
                recovery,
                load.questions.size(),
                load.votes.size(),
                restartSeconds,
                opsDuringRestart,
                failedWhileRejoining.size(),
                describe(failedWhileRejoining));
        System.out.println(report);
        Files.writeString(DATA.resolve("failover-report.txt"), report + "\n");
        assertTrue(onWeb1 > 0, "some users were on the killed server");
        assertTrue(recovery < 10, report);
        assertEquals(0, failedWhileRejoining.size(), report);
        assertTrue(load.ops.size() > 100, "a steady load: " + report);

        // No acknowledged write was lost: every question is there, every vote is still the voter's.
        PageClient anonymous = new PageClient(FRONT);
        for (Question q : load.questions) {
            Page page = anonymous.follow(q.path);
            assertEquals(200, page.status(), q.path);
            assertTrue(page.body().contains(q.title), "question " + q.path + " shows its title");
        }
        for (Vote v : load.votes) {
            Page page = v.voter.client.follow(v.question.path);
            assertEquals(
                    "true",
                    upVotePressed(page, v.question.number),
                    v.voter.name + " still up-votes " + v.question.path);
        }
        // Nobody was logged out: every user still opens the ask page (a log-in would redirect).
        for (User u : users) {
            assertEquals(200, u.client.get("/questions/ask").status(), u.name + " is still logged in");
        }

        // web1 rejoined: healthy, chosen by its cookie, and it serves what was written while it was down.
        PageClient onWeb1Again = new PageClient(FRONT);
        onWeb1Again.setCookie("PARLEYSRV", "web1");
        assertEquals("web1", node(onWeb1Again.get("/health")));
        Question recent = askedWhileDown.get(askedWhileDown.size() - 1);
        Page page = onWeb1Again.follow(recent.path);
        assertEquals(200, page.status());
        assertTrue(page.body().contains(recent.title), "web1 shows a question asked while it was down");
        assertEquals("web1", onWeb1Again.cookie("PARLEYSRV"), "and it was web1 that answered");
        // Its tag engine caught up too: web1's own listing of the tag, newest first, has the question asked last while
        // it
        // was down (on whichever page the questions asked since have pushed it to) and counts every acknowledged one.
        PageClient web1 = new PageClient(ClusterFixture.server("web1"));
        Page first = web1.get("/questions/tagged/failover");
        assertEquals(200, first.status());
        long listed = listedCount(first);
        assertTrue(
                listed >= load.questions.size(),
                "web1's tag listing counts " + listed + " questions, " + load.questions.size() + " were acknowledged");
        boolean found = false;
        for (int p = 1; p <= listed / 30 + 1 && !found; p++) {
            Page listing = p == 1 ? first : web1.get("/questions/tagged/failover?page=" + p);
            assertEquals(200, listing.status());
            found = listing.body().contains(recent.title);
        }
        assertTrue(found, "web1's tag listing shows a question asked while it was down: " + recent.path);

        // The search index has every acknowledged question, searched from either web server: the index is shared
        // (OpenSearch), and what web1 committed but had not indexed when it died is written by the row-version
        // catch-up of the servers that stayed up.
        for (String server : new String[] {"web1", "web2"}) {
            PageClient client = new PageClient(ClusterFixture.server(server));
            long start = System.nanoTime();
            long indexed = searchCount(client, "[failover] is:question");
            while (indexed < load.questions.size() && System.nanoTime() - start < 60_000_000_000L) {
                Thread.sleep(500);
                indexed = searchCount(client, "[failover] is:question");
            }
            System.out.printf(
                    "fail-over: %s's search finds %d of the %d acknowledged questions (waited %.1f s)%n",
                    server, indexed, load.questions.size(), (System.nanoTime() - start) / 1e9);
            assertTrue(indexed >= load.questions.size(), server + " finds " + indexed + " questions by search");
        }
    }

    /** The total the search page states for a query ("297 results"). */
    private static long searchCount(PageClient client, String query) throws IOException {
        Page page =
                client.get("/search?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, page.status(), page.body());
        Matcher m = Pattern.compile("([0-9,]+) results?\\b").matcher(page.body());
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
    }

    /** The total a tag listing states ("1,035 questions"). */
    private static long listedCount(Page listing) {
        Matcher m = Pattern.compile("<p class=\"count\">([0-9,]+) question").matcher(listing.body());
        assertTrue(m.find(), "the listing states its total");
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    // ---------------------------------------------------------------------------------------------- the load

    record Question(long number, String path, String title, User owner) {}

    record Vote(User voter, Question question) {}

    /** Logs in as Parley's admin and appoints each user a moderator on the moderators page. */
    private static void appointModerators(List<User> users) throws IOException {
        PageClient admin = new PageClient(FRONT);
        Page login = admin.submit(
                admin.get("/users/login"),
                "login-form",
                Map.of(
                        "login-username",
                        "admin",
                        "login-password",
                        System.getProperty("cluster.it.admin.password"),
                        "login-submit",
                        "Log in"));
        assertEquals(302, login.status(), "the admin logs in");
        for (User u : users) {
            Page done = admin.submit(
                    admin.get("/admin/moderators"),
                    "appoint-form",
                    Map.of("appoint-username", u.name, "appoint-submit", "Appoint"));
            assertEquals(302, done.status(), "appointing " + u.name + ": " + done.body());
        }
        String listed = admin.get("/admin/moderators").body();
        for (User u : users) {
            assertTrue(listed.contains("Failover " + u.name), u.name + " is listed as a moderator");
        }
    }

    record Op(String kind, long start, long end, boolean ok, String detail) {}

    /** A registered, logged-in user with a cookie jar of their own. */
    static final class User {
        final String name;
        final PageClient client = new PageClient(FRONT);

        private User(String name) {
            this.name = name;
        }

        static User register(int i) throws IOException {
            User user = new User("fo" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + i);
            Page form = user.client.get("/users/register");
            Page done = user.client.submit(
                    form,
                    "register-form",
                    Map.of(
                            "register-username",
                            user.name,
                            "register-display",
                            "Failover " + user.name,
                            "register-password",
                            PASSWORD,
                            "register-submit",
                            "Sign up"));
            assertEquals(302, done.status(), "registering " + user.name);
            return user;
        }

        /** Asks a question; returns the acknowledged question, or throws. */
        Question ask(Load load) throws IOException {
            Page form = client.get("/questions/ask");
            if (form.status() != 200) {
                throw new IOException("ask page answered " + form.status()
                        + (form.location() != null ? " to " + form.location() : ""));
            }
            String title = "Fail-over question " + name + " " + System.nanoTime();
            Page done = client.submit(
                    form,
                    "ask-form",
                    Map.of(
                            "ask-title", title,
                            "ask-body", "Asked by a test user while servers come and go; this body is long enough.",
                            "ask-tags_input", "failover cluster",
                            "ask-submit", ""));
            Matcher m = done.location() == null ? null : QUESTION_URL.matcher(done.location());
            if (done.status() != 302 || m == null || !m.find()) {
                throw new IOException("asking answered " + done.status());
            }
            Question q = new Question(Long.parseLong(m.group(1)), m.group(0), title, this);
            load.questions.add(q);
            return q;
        }

        /** Up-votes someone else's question that this user has not voted on yet; false when there is none. */
        boolean vote(Load load, Random random) throws IOException {
            List<Question> candidates = load.questions.stream()
                    .filter(q -> q.owner != this)
                    .filter(q -> load.votes.stream().noneMatch(v -> v.voter == this && v.question == q))
                    .collect(Collectors.toList());
            if (candidates.isEmpty()) {
                return false;
            }
            Question q = candidates.get(random.nextInt(candidates.size()));
            Page page = client.follow(q.path);
            if (page.status() != 200) {
                throw new IOException("question page answered " + page.status());
            }
            Page result = client.ajax(page, "question-form", upVoteButton(page, q.number));
            String args = PageClient.unescape(result.body());
            if (result.status() != 200 || !args.contains("\"myVote\":\"UP\"")) {
                throw new IOException("voting answered " + result.status());
            }
            load.votes.add(new Vote(this, q));
            return true;
        }
    }

    private static final Pattern QUESTION_URL = Pattern.compile("/questions/(\\d+)/[^?#]*");

    /** Users asking, voting and reading in a loop, each request recorded with its outcome. */
    static final class Load {
        final List<User> users;
        final List<Question> questions = new CopyOnWriteArrayList<>();
        final List<Vote> votes = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedQueue<Op> ops = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService pool;

        Load(List<User> users) {
            this.users = users;
            this.pool = Executors.newFixedThreadPool(users.size());
        }

        void start() {
            for (int i = 0; i < users.size(); i++) {
                User user = users.get(i);
                Random random = new Random(i);
                pool.submit(() -> run(user, random));
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "the load stops");
        }

        private void run(User user, Random random) {
            while (running.get()) {
                int dice = random.nextInt(10);
                String kind = dice < 2 ? "ask" : dice < 4 ? "vote" : "read";
                long start = System.nanoTime();
                try {
                    switch (kind) {
                        case "ask" -> user.ask(this);
                        case "vote" -> {
                            if (!user.vote(this, random)) {
                                read(user, random);
                            }
                        }
                        default -> read(user, random);
                    }
                    ops.add(new Op(kind, start, System.nanoTime(), true, ""));
                } catch (IOException | RuntimeException e) {
                    ops.add(new Op(kind, start, System.nanoTime(), false, String.valueOf(e.getMessage())));
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void read(User user, Random random) throws IOException {
            String path;
            int dice = random.nextInt(3);
            if (dice == 0 || questions.isEmpty()) {
                path = "/questions";
            } else if (dice == 1) {
                path = "/";
            } else {
                path = questions.get(random.nextInt(questions.size())).path;
            }
            Page page = user.client.get(path);
            if (page.status() != 200) {
                throw new IOException("GET " + path + " answered " + page.status());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static String upVoteButton(Page page, long post) {
        Matcher m = Pattern.compile("<button id=\"([^\"]+)\"[^>]*vote-up[^>]*data-post=\"" + post + "\"")
                .matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no up-vote button for post " + post);
        }
        return m.group(1);
    }

    private static String upVotePressed(Page page, long post) {
        Matcher m = Pattern.compile("<button [^>]*vote-up[^>]*data-post=\"" + post + "\"[^>]*aria-pressed=\"(\\w+)\"")
                .matcher(page.body());
        return m.find() ? m.group(1) : "no button";
    }

    private static String describe(List<Op> failed) {
        return failed.stream()
                .map(op -> op.kind + ": " + op.detail)
                .distinct()
                .limit(5)
                .collect(Collectors.joining("; "));
    }

    private static String node(Page health) {
        Matcher m = Pattern.compile("\"node\":\"([^\"]+)\"").matcher(health.body());
        return m.find() ? m.group(1) : "?";
    }
}
