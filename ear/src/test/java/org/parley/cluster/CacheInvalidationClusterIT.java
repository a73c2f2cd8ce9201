package org.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.testing.ClusterTest;
import org.parley.testing.PageClient;
import org.parley.testing.PageClient.Page;
import org.parley.testing.SiteUser;

/**
 * Issue 5 across two servers: a write through web1 removes the old value from every server, so once the writing
 * request has returned web2 never serves it again: not from its L1 (rendered fragments, summaries), not from the
 * shared L2, not from the anonymous page cache. Readers on web2 keep requesting the pages while web1 writes; every
 * read that started after a write returned must show that write.
 */
@ClusterTest
class CacheInvalidationClusterIT {

    private static final int ROUNDS = 6;

    private final URI web1 = URI.create(System.getProperty("cluster.it.web1.url"));
    private final URI web2 = URI.create(System.getProperty("cluster.it.web2.url"));

    /** One read on web2: when it started, and which revision marker it showed (-1: none). */
    record Read(String reader, long startNanos, int revision) {}

    @Test
    void afterAWriteOnWeb1ReturnsWeb2NeverServesTheOldValue() throws Exception {
        SiteUser author = SiteUser.register(web1, "inv");
        String tag = "inv" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        SiteUser.Question q = author.ask(title(tag, 0), body(tag, 0), tag);
        String page = "/questions/" + q.number();
        String listing = "/questions/tagged/" + tag;

        // Readers of web2: an anonymous visitor (whole pages from the output cache) on the question page and on the tag
        // listing, and a logged-in user (pages built from cached fragments and summaries) on the question page.
        SiteUser member = SiteUser.register(web2, "reader");
        PageClient anonymous = new PageClient(web2);
        PageClient anonymousList = new PageClient(web2);
        // Warm every tier on web2 with revision 0.
        for (int i = 0; i < 3; i++) {
            assertEquals(0, revision(anonymous.follow(page), tag));
            assertEquals(0, revision(member.client().follow(page), tag));
            assertEquals(0, revision(anonymousList.get(listing), tag));
        }

        List<Read> reads = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        readers.add(reader("anonymous question page", anonymous, page, tag, reads, running, readerFailure));
        readers.add(reader("logged-in question page", member.client(), page, tag, reads, running, readerFailure));
        readers.add(reader("anonymous tag listing", anonymousList, listing, tag, reads, running, readerFailure));
        readers.forEach(Thread::start);

        long[] returned = new long[ROUNDS + 1];
        try {
            for (int r = 1; r <= ROUNDS; r++) {
                Thread.sleep(700); // readers fill web2's caches with the current revision
                author.edit(q, title(tag, r), body(tag, r), tag);
                returned[r] = System.nanoTime();
                // Right after the write returned, straight from web2: every tier shows it.
                expectRevision(r, new PageClient(web2).follow(page), tag, "round " + r + ": a new visitor on web2");
                expectRevision(r, member.client().follow(page), tag, "round " + r + ": the member on web2");
                expectRevision(r, new PageClient(web2).get(listing), tag, "round " + r + ": web2's tag listing");
            }
            Thread.sleep(700);
        } finally {
            running.set(false);
            for (Thread t : readers) {
                t.join(60_000);
            }
        }
        if (readerFailure.get() != null) {
            throw new AssertionError("a reader failed", readerFailure.get());
        }

        // Every read that started after write r returned showed revision r or later.
        int checked = 0;
        List<String> stale = new ArrayList<>();
        for (Read read : reads) {
            int expected = 0;
            for (int r = ROUNDS; r >= 1; r--) {
                if (read.startNanos > returned[r]) {
                    expected = r;
                    break;
                }
            }
            checked++;
            if (read.revision < expected) {
                stale.add(read.reader + " showed revision " + read.revision + " "
                        + (read.startNanos - returned[expected]) / 1_000_000 + " ms after revision " + expected
                        + " was acknowledged");
            }
        }
        System.out.printf(
                "Cache invalidation across servers: %d rounds, %d reads on web2 during the writes, %d stale%n",
                ROUNDS, checked, stale.size());
        assertTrue(checked > ROUNDS * 3, "the readers read: " + checked);
        assertTrue(
                stale.isEmpty(),
                stale.size() + " stale reads on web2, e.g. " + stale.subList(0, Math.min(5, stale.size())));
    }

    private static void expectRevision(int expected, Page page, String tag, String what) {
        int found = revision(page, tag);
        if (found != expected) {
            Matcher titles = Pattern.compile("[^>]{0,40}" + Pattern.quote(tag) + "[^<]{0,40}")
                    .matcher(page.body());
            List<String> seen = new ArrayList<>();
            while (titles.find() && seen.size() < 8) {
                seen.add(titles.group());
            }
            throw new AssertionError(what + ": expected revision " + expected + " but got " + found + " from "
                    + page.uri() + " (" + page.status() + "), mentions: " + seen);
        }
    }

    private static Thread reader(
            String name,
            PageClient client,
            String path,
            String tag,
            List<Read> reads,
            AtomicBoolean running,
            AtomicReference<Throwable> failure) {
        return new Thread(
                () -> {
                    try {
                        while (running.get()) {
                            long start = System.nanoTime();
                            Page page = client.follow(path);
                            assertEquals(200, page.status(), name + ": " + path);
                            reads.add(new Read(name, start, revision(page, tag)));
                            Thread.sleep(20);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                },
                "reader " + name);
    }

    private static String title(String tag, int revision) {
        return "Cache invalidation check " + tag + " revision " + revision;
    }

    private static String body(String tag, int revision) {
        return "This body is revision " + revision + " of a question that web1 edits while web2 serves it, marker "
                + tag + "-rev-" + revision + "-end.";
    }

    /**
     * The revision a page shows: on the tag listing, the revision in the question's title; on the question page, the
     * older of its title's and its body's (a fresh title over an old rendered body is a stale fragment); -1 if none.
     */
    static int revision(Page page, String tag) {
        int title =
                highest(Pattern.compile("Cache invalidation check " + Pattern.quote(tag) + " revision (\\d+)"), page);
        if (page.uri().getPath().contains("/tagged/")) {
            return title;
        }
        int body = highest(Pattern.compile(Pattern.quote(tag) + "-rev-(\\d+)-end"), page);
        return Math.min(title, body);
    }

    private static int highest(Pattern pattern, Page page) {
        Matcher m = pattern.matcher(page.body());
        int found = -1;
        while (m.find()) {
            found = Math.max(found, Integer.parseInt(m.group(1)));
        }
        return found;
    }
}
