package org.parley.post.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.CompletionCallback;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.common.JsonProviders;

/**
 * This server's watchers of open question pages: sockets ({@link QuestionWatchEndpoint}) and long-polls ({@link
 * LiveQuestionResource}) by question, and the last few changes of each recently changed question, numbered by this
 * server's version clock. A change ({@link #deliver}) is made into one small JSON text once and sent to every watcher
 * of its question here; nothing is rendered per watcher (the browser fetches the changed parts from the output-cached
 * page). Never replicated: every server consumes the events topic.
 *
 * <p>Bounded: at most {@value #MAX_SOCKETS} sockets and {@value #MAX_WAITING} long-polls on the server, at most
 * {@value #MAX_PER_ADDRESS} of both together per client address, at most {@value #RECENT_PER_QUESTION} changes kept
 * for each of at most {@value #RECENT_QUESTIONS} questions.
 */
@ApplicationScoped
public class LiveQuestions {

    private static final Logger log = Logger.getLogger(LiveQuestions.class.getName());

    public static final int MAX_SOCKETS = 20_000;
    public static final int MAX_WAITING = 10_000;
    public static final int MAX_PER_ADDRESS = 32;
    static final int RECENT_PER_QUESTION = 32;
    static final int RECENT_QUESTIONS = 10_000;

    static final String KEY = "parley.live.key";
    static final String ADDRESS = "parley.live.address";

    /** A question of a site. */
    public record Key(long siteId, long question) {}

    /** One change as the browser gets it: the post, what happened, and this server's version of it. */
    public record Change(String kind, long post, long v) {}

    /**
     * What a long-poll answers: the changes after the version it asked for, and the version to ask after next. {@code
     * reset} when this server no longer knows (or never knew) everything after that version: the page then refreshes
     * all it shows.
     */
    public record Changes(long version, boolean reset, List<Change> changes) {}

    /** Why a watcher was not taken. */
    public enum Refusal {
        SERVER_FULL,
        ADDRESS_FULL
    }

    private final ConcurrentMap<Key, Set<Session>> sockets = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Set<Waiter>> polls = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger socketCount = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong();

    /** The last changes of the questions changed lately, least recently changed first (guarded by itself). */
    private final Map<Key, Deque<Change>> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Deque<Change>> eldest) {
            return size() > RECENT_QUESTIONS;
        }
    };

    /** Tells every watcher of the change's question here. */
    public void deliver(QuestionChange change) {
        if (!change.shown()) {
            return;
        }
        Key key = new Key(change.siteId(), change.question());
        Change c = new Change(change.kind(), change.post(), nextVersion());
        synchronized (recent) {
            Deque<Change> changes = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
            changes.addLast(c);
            while (changes.size() > RECENT_PER_QUESTION) {
                changes.removeFirst();
            }
        }
        Set<Session> watching = sockets.get(key);
        if (watching != null && !watching.isEmpty()) {
            String json = json(c);
            for (Session socket : watching) {
                try {
                    if (socket.isOpen()) {
                        socket.getAsyncRemote().sendText(json);
                    }
                } catch (RuntimeException e) {
                    // One broken socket must not keep the change from the others (nor have the topic redeliver it
                    // to all of them): it is dropped; its page long-polls and reconnects.
                    log.log(Level.FINE, "Could not send to a question socket", e);
                    unwatch(socket);
                }
            }
        }
        Set<Waiter> waiters = polls.get(key);
        if (waiters != null) {
            for (Waiter w : waiters.toArray(new Waiter[0])) {
                w.answer();
            }
        }
    }

    /** Versions are this server's milliseconds, made strictly increasing: close to another server's, never equal here. */
    private long nextVersion() {
        return clock.updateAndGet(v -> Math.max(v + 1, System.currentTimeMillis()));
    }

    /** The version a page that has just loaded (or reconnected) starts from. */
    public long version() {
        return clock.updateAndGet(v -> Math.max(v, System.currentTimeMillis()));
    }

    /** The changes of {@code key} after {@code since}. */
    public Changes since(Key key, long since) {
        long now = version();
        if (since <= 0) {
            return new Changes(now, false, List.of());
        }
        List<Change> after = new ArrayList<>();
        boolean reset;
        synchronized (recent) {
            Deque<Change> changes = recent.get(key);
            if (changes == null) {
                return new Changes(now, false, List.of());
            }
            // Dropped changes may lie between the version asked for and the oldest kept.
            reset = changes.size() >= RECENT_PER_QUESTION && changes.peekFirst().v() > since;
            for (Change c : changes) {
                if (c.v() > since) {
                    after.add(c);
                }
            }
        }
        return new Changes(now, reset, after);
    }

    // -- sockets

    /** Takes a new socket watching {@code key} from {@code address}; null when taken, else why not. */
    Refusal watch(Key key, String address, Session socket) {
        if (socketCount.incrementAndGet() > MAX_SOCKETS) {
            socketCount.decrementAndGet();
            return Refusal.SERVER_FULL;
        }
        if (!admit(address)) {
            socketCount.decrementAndGet();
            return Refusal.ADDRESS_FULL;
        }
        socket.getUserProperties().put(KEY, key);
        socket.getUserProperties().put(ADDRESS, address);
        sockets.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(socket);
        return null;
    }

    /** Forgets a socket (closed, failed); once only, whatever calls it. */
    void unwatch(Session socket) {
        if (!(socket.getUserProperties().remove(KEY) instanceof Key key)) {
            return;
        }
        boolean[] removed = {false};
        sockets.computeIfPresent(key, (k, set) -> {
            removed[0] = set.remove(socket);
            return set.isEmpty() ? null : set;
        });
        if (removed[0]) {
            socketCount.decrementAndGet();
            release((String) socket.getUserProperties().get(ADDRESS));
        }
    }

    /** How many sockets watch questions here. */
    public int sockets() {
        return socketCount.get();
    }

    /** How many sockets watch {@code key} here. */
    public int sockets(Key key) {
        Set<Session> set = sockets.get(key);
        return set == null ? 0 : set.size();
    }

    // -- long-polls

    /** A suspended request: answered once, by whichever comes first of a change, its timeout or a failure. */
    private final class Waiter {
        final Key key;
        final long since;
        final String address;
        final AsyncResponse response;
        final AtomicBoolean answered = new AtomicBoolean();

        Waiter(Key key, long since, String address, AsyncResponse response) {
            this.key = key;
            this.since = since;
            this.address = address;
            this.response = response;
        }

        void answer() {
            if (answered.compareAndSet(false, true)) {
                forget(this);
                response.resume(ok(since(key, since)));
            }
        }
    }

    /**
     * Answers at once when {@code key} changed after {@code since} here (or {@code since} is 0: the page learns the
     * version to start from), else suspends {@code response} until it changes or {@code waitSeconds} pass.
     *
     * @return null when held or answered, else why not
     */
    public Refusal hold(Key key, long since, String address, int waitSeconds, AsyncResponse response) {
        Changes now = since(key, since);
        if (since <= 0 || now.reset() || !now.changes().isEmpty() || waitSeconds <= 0) {
            response.resume(ok(now));
            return null;
        }
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            return Refusal.SERVER_FULL;
        }
        if (!admit(address)) {
            waiting.decrementAndGet();
            return Refusal.ADDRESS_FULL;
        }
        Waiter waiter = new Waiter(key, since, address, response);
        polls.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(waiter);
        response.setTimeout(waitSeconds, TimeUnit.SECONDS);
        response.setTimeoutHandler(r -> waiter.answer());
        response.register((CompletionCallback) failure -> {
            if (waiter.answered.compareAndSet(false, true)) {
                forget(waiter);
            }
        });
        // Registered before looking again: a change delivered in between wakes this waiter instead of being missed.
        Changes again = since(key, since);
        if (again.reset() || !again.changes().isEmpty()) {
            waiter.answer();
        }
        return null;
    }

    /** How many long-polls wait here. */
    public int waiting() {
        return waiting.get();
    }

    private void forget(Waiter waiter) {
        boolean[] removed = {false};
        polls.computeIfPresent(waiter.key, (k, set) -> {
            removed[0] = set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
        if (removed[0]) {
            waiting.decrementAndGet();
            release(waiter.address);
        }
    }

    // -- per address

    private boolean admit(String address) {
        boolean[] admitted = {false};
        perAddress.compute(address, (a, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            if (count.get() < MAX_PER_ADDRESS) {
                count.incrementAndGet();
                admitted[0] = true;
            }
            return count.get() == 0 ? null : count;
        });
        return admitted[0];
    }

    private void release(String address) {
        perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    static Response ok(Changes changes) {
        return Response.ok(changes, MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .build();
    }

    static String json(Change c) {
        return JsonProviders.JSON
                .createObjectBuilder()
                .add("kind", c.kind())
                .add("post", c.post())
                .add("v", c.v())
                .build()
                .toString();
    }
}
