import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The private-messages benchmark client (scripts/bench/messages.sh runs it with `java MessagesBench.java`; JDK only).
 * Against a running Parley whose users bench-user-1..N exist (the script makes them with POST /bench/users): logs each
 * in through the log-in form (one session each), opens one push socket per user (/push/notifications with the user's
 * session cookie, as the pages' notifications.js does), then has many senders post private messages through POST /api/messages, each from
 * a random user to another random user, for a fixed time. Every message carries a token in its body; the recipient's
 * socket gets the message notification, whose text holds the token, and the time from just before the POST to that
 * push is the end-to-end latency. After the senders stop it waits for the deliveries to drain, then asks the operators'
 * listener (GET /bench/messages) what the database holds for the accepted ids: delivered, doubled, notified once.
 * The reference, in the same run and on the same sessions: GET /api/messages/recent (the widget from the shared cache,
 * no SQL on a hit), the cheapest authenticated API call. Server CPU is the JVM's utime + stime from /proc/PID/stat.
 * Prints one flat JSON object.
 *
 * <p>Arguments: baseUrl opsUrl serverPid passwordFile users senders seconds [rate=0: as fast as the senders go]
 */
public class MessagesBench {

    static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    static String base;
    static HttpClient http;
    static final long HZ = 100; // Linux USER_HZ; the script passes the real one as a system property
    static long hz = Long.getLong("bench.hz", HZ);

    record User(int n, String name, String session) {}

    public static void main(String[] args) throws Exception {
        base = args[0];
        String ops = args[1];
        String pid = args[2];
        String password = Files.readString(Path.of(args[3])).strip();
        int users = Integer.parseInt(args[4]);
        int senders = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        double rate = args.length > 7 ? Double.parseDouble(args[7]) : 0;
        System.setProperty("bench.pid", pid);
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4))
                .build();
        Map<String, Object> out = new LinkedHashMap<>();
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

        // 1. Log in every user (one session each) and find its socket's address on the home page.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(senders, 8));
        List<CompletableFuture<User>> logins = new ArrayList<>();
        for (int i = 1; i <= users; i++) {
            int n = i;
            logins.add(CompletableFuture.supplyAsync(() -> login(n, password), pool));
        }
        List<User> all = logins.stream().map(CompletableFuture::join).toList();
        System.err.println("logged in " + all.size() + " users");

        // 2. One socket per user; every push whose text holds a token of this run is timed.
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        Map<Long, Long> arrivedAt = new ConcurrentHashMap<>();
        AtomicInteger duplicatePushes = new AtomicInteger();
        AtomicInteger pushes = new AtomicInteger();
        Pattern token = Pattern.compile("bm" + run + "x(\\d+)");
        List<HttpClient> wsClients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            wsClients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }
        List<WebSocket> sockets = new ArrayList<>();
        for (User u : all) {
            WebSocket.Listener listener = new WebSocket.Listener() {
                final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        long now = System.nanoTime();
                        pushes.incrementAndGet();
                        Matcher m = token.matcher(text);
                        if (m.find() && arrivedAt.putIfAbsent(Long.parseLong(m.group(1)), now) != null) {
                            duplicatePushes.incrementAndGet();
                        }
                        text.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }
            };
            sockets.add(wsClients.get(u.n() % wsClients.size())
                    .newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(30))
                    .header("Cookie", "JSESSIONID=" + u.session()) // the socket is the logged-in session's
                    .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/push/notifications"), listener)
                    .join());
        }
        System.err.println("opened " + sockets.size() + " sockets");

        // 3. The reference: the cheapest authenticated API call, on the same sessions, 10 s after 3 s of warm-up.
        reference(all, senders, 3, null, pool);
        Map<String, Object> ref = new LinkedHashMap<>();
        reference(all, senders, 10, ref, pool);
        System.err.println("reference: " + ref);

        // 4. Idle CPU for 5 s (what the server burns with nobody asking).
        long idle0 = cpuTicks(pid);
        Thread.sleep(5000);
        double idleCpuMsPerS = ticksToMs(cpuTicks(pid) - idle0) / 5.0;

        // 5. The senders.
        AtomicLong seq = new AtomicLong();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Map<Integer, AtomicInteger> refusals = new ConcurrentHashMap<>();
        LongAccumulator minId = new LongAccumulator(Math::min, Long.MAX_VALUE);
        LongAccumulator maxId = new LongAccumulator(Math::max, Long.MIN_VALUE);
        List<Double> sendMs = Collections.synchronizedList(new ArrayList<>());
        double load0 = load();
        long cpu0 = cpuTicks(pid);
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(seconds);
        long perSenderIntervalNs = rate > 0 ? (long) (1e9 * senders / rate) : 0;
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int offset = s;
            loops.add(CompletableFuture.runAsync(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                long next = System.nanoTime() + (perSenderIntervalNs * offset / Math.max(1, senders));
                while (System.nanoTime() < deadline) {
                    if (perSenderIntervalNs > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            sleepNs(wait);
                        }
                        next += perSenderIntervalNs;
                    }
                    User from = all.get(r.nextInt(all.size()));
                    User to = all.get(r.nextInt(all.size() - 1));
                    if (to == from) {
                        to = all.get(all.size() - 1);
                    }
                    long n = seq.incrementAndGet();
                    String body = "bm" + run + "x" + n + " from " + from.name() + " to " + to.name()
                            + ": a private message of the messages benchmark, *sent* through the API.";
                    long start = System.nanoTime();
                    sentAt.put(n, start);
                    try {
                        HttpResponse<String> a = http.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                                        .timeout(Duration.ofSeconds(60))
                                        .header("Cookie", "JSESSIONID=" + from.session())
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"to\": \"" + to.name() + "\", \"body\": \"" + body + "\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        sendMs.add((System.nanoTime() - start) / 1e6);
                        if (a.statusCode() == 202) {
                            Matcher m = ID.matcher(a.body());
                            if (!m.find()) {
                                throw new IllegalStateException("202 without an id: " + a.body());
                            }
                            long id = Long.parseLong(m.group(1));
                            minId.accumulate(id);
                            maxId.accumulate(id);
                            accepted.incrementAndGet();
                        } else {
                            sentAt.remove(n);
                            refused.incrementAndGet();
                            refusals.computeIfAbsent(a.statusCode(), c -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (IOException e) {
                        sentAt.remove(n);
                        refused.incrementAndGet();
                        refusals.computeIfAbsent(-1, c -> new AtomicInteger()).incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(loops.toArray(new CompletableFuture[0])).join();
        long sendEnd = System.nanoTime();
        long cpuSendEnd = cpuTicks(pid);
        int deliveredAtSendEnd = arrivedAt.size();
        System.err.println("sent for " + seconds + " s: " + accepted + " accepted, " + refused + " refused "
                + refusals + "; " + deliveredAtSendEnd + " pushed so far");

        // 6. Drain: until the database holds every accepted message delivered and every push arrived, or neither
        // moved for 60 s (then what is missing is reported as lost, or as not pushed).
        long lastDelivered = -1;
        int lastPushed = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(60)) {
            long delivered = parseFlat(counts(ops, minId.get(), maxId.get())).getOrDefault("delivered", 0L);
            int pushed = arrivedAt.size();
            if (delivered >= accepted.get() && pushed >= accepted.get()) {
                break;
            }
            if (delivered != lastDelivered || pushed != lastPushed) {
                lastDelivered = delivered;
                lastPushed = pushed;
                lastChange = System.nanoTime();
            }
            Thread.sleep(2000);
        }
        Thread.sleep(2000); // late duplicates, and the last commits
        long lastArrival = arrivedAt.values().stream().mapToLong(Long::longValue).max().orElse(t0);
        long cpu1 = cpuTicks(pid);
        double load1 = load();

        List<Double> e2e = new ArrayList<>();
        for (var e : arrivedAt.entrySet()) {
            Long s = sentAt.get(e.getKey());
            if (s != null) {
                e2e.add((e.getValue() - s) / 1e6);
            }
        }
        // Deliveries per second while the senders ran: pushes that arrived before they stopped.
        long inWindow = arrivedAt.values().stream().filter(t -> t <= sendEnd).count();
        double sendSeconds = (sendEnd - t0) / 1e9;
        double allSeconds = (Math.max(lastArrival, sendEnd) - t0) / 1e9;
        int delivered = e2e.size();

        // 7. What the database holds for the accepted ids.
        String counts = accepted.get() > 0 ? counts(ops, minId.get(), maxId.get()) : "{}";
        Map<String, Long> db = parseFlat(counts);

        out.put("users", users);
        out.put("senders", senders);
        out.put("seconds", seconds);
        out.put("target_rate", rate);
        out.put("accepted", accepted.get());
        out.put("refused", refused.get());
        out.put("accepted_per_s", round(accepted.get() / sendSeconds));
        out.put("send_p50_ms", round(pct(sendMs, 50)));
        out.put("send_p99_ms", round(pct(sendMs, 99)));
        out.put("pushed", delivered);
        out.put("deliveries_per_s", round(delivered / allSeconds));
        out.put("deliveries_per_s_while_sending", round(inWindow / sendSeconds));
        out.put("drain_seconds", round(Math.max(0, (lastArrival - sendEnd) / 1e9)));
        out.put("e2e_p50_ms", round(pct(e2e, 50)));
        out.put("e2e_p99_ms", round(pct(e2e, 99)));
        out.put("e2e_max_ms", round(pct(e2e, 100)));
        out.put("duplicate_pushes", duplicatePushes.get());
        out.put("socket_messages", pushes.get());
        out.put("db_messages", db.getOrDefault("messages", -1L));
        out.put("db_delivered", db.getOrDefault("delivered", -1L));
        out.put("db_notified_once", db.getOrDefault("notified_once", -1L));
        long lost = accepted.get() - db.getOrDefault("delivered", 0L);
        long doubled = db.getOrDefault("doubled", 0L) + db.getOrDefault("notified_twice", 0L);
        out.put("lost", lost);
        out.put("doubled", doubled);
        out.put("not_pushed", accepted.get() - delivered);
        out.put("cpu_ms_per_message", round(ticksToMs(cpu1 - cpu0) / Math.max(1, accepted.get())));
        out.put("cpu_ms_per_message_while_sending", round(ticksToMs(cpuSendEnd - cpu0) / Math.max(1, accepted.get())));
        out.put("cpu_cores_used", round(ticksToMs(cpu1 - cpu0) / 1000.0 / allSeconds));
        out.put("idle_cpu_ms_per_s", round(idleCpuMsPerS));
        out.putAll(ref);
        out.put("load_average_start", load0);
        out.put("load_average_end", load1);
        for (WebSocket ws : sockets) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "");
        }
        System.out.println(out.entrySet().stream()
                .map(e -> "  \"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(",\n", "{\n", "\n}")));
        System.exit(0);
    }

    /** The operators' listener's count of the messages with ids from..to (GET /bench/messages), as JSON. */
    static String counts(String ops, long from, long to) throws IOException, InterruptedException {
        if (from > to) {
            return "{}";
        }
        HttpResponse<String> c = http.send(
                HttpRequest.newBuilder(URI.create(ops + "/bench/messages?from=" + from + "&to=" + to))
                        .timeout(Duration.ofSeconds(120))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (c.statusCode() != 200) {
            throw new IllegalStateException("/bench/messages answered " + c.statusCode() + ": " + c.body());
        }
        return c.body().strip();
    }

    /** GET /api/messages/recent on every session round robin for {@code seconds}; figures into {@code out}. */
    static void reference(List<User> all, int senders, int seconds, Map<String, Object> out, ExecutorService pool)
            throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        List<Double> ms = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long cpu0 = out == null ? 0 : cpuTicks(System.getProperty("bench.pid"));
        long t0 = System.nanoTime();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int first = s;
            loops.add(CompletableFuture.runAsync(() -> {
                for (int i = first; System.nanoTime() < deadline; i += senders) {
                    User u = all.get(i % all.size());
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> a = http.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/messages/recent"))
                                        .timeout(Duration.ofSeconds(60))
                                        .header("Cookie", "JSESSIONID=" + u.session())
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (a.statusCode() != 200) {
                            bad.incrementAndGet();
                        }
                        ms.add((System.nanoTime() - start) / 1e6);
                        done.incrementAndGet();
                    } catch (IOException e) {
                        bad.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(loops.toArray(new CompletableFuture[0])).join();
        double secs = (System.nanoTime() - t0) / 1e9;
        if (bad.get() > 0) {
            throw new IllegalStateException("the reference GET /api/messages/recent failed " + bad + " times");
        }
        if (out != null) {
            long cpu1 = cpuTicks(System.getProperty("bench.pid"));
            out.put("reference_rps", round(done.get() / secs));
            out.put("reference_p50_ms", round(pct(ms, 50)));
            out.put("reference_p99_ms", round(pct(ms, 99)));
            out.put("reference_cpu_ms_per_req", round(ticksToMs(cpu1 - cpu0) / Math.max(1, done.get())));
        }
    }

    /** Logs bench-user-N in through the log-in form; returns its session and its socket's address. */
    static User login(int n, String password) {
        String name = "bench-user-" + n;
        try {
            HttpResponse<String> form = http.send(get("/users/login", null), HttpResponse.BodyHandlers.ofString());
            String session = cookie(form, null);
            String page = form.body();
            String action = find(
                            Pattern.compile("<form id=\"login-form\"[^>]*action=\"([^\"]*)\"", Pattern.DOTALL), page)
                    .replace("&amp;", "&");
            Map<String, String> f = new LinkedHashMap<>();
            f.put("login-form", "login-form");
            f.put("login-username", name);
            f.put("login-password", password);
            f.put("login-submit", "Log in");
            f.put("jakarta.faces.ViewState", find(VIEW_STATE, page));
            String body = f.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + action))
                            .timeout(Duration.ofSeconds(60))
                            .header("Cookie", "JSESSIONID=" + session)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            // Each user from an address of its own (RFC 2544's range): log-ins are limited per address.
                            .header("X-Forwarded-For", "198.18." + (n >> 8) + "." + (n & 0xff))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            session = cookie(r, session);
            if (r.statusCode() != 302) {
                throw new IllegalStateException("log-in of " + name + " answered " + r.statusCode());
            }
            String home = http.send(get("/", session), HttpResponse.BodyHandlers.ofString()).body();
            if (!home.contains("Bench user " + n + "<")) {
                throw new IllegalStateException(name + " is not logged in on the home page");
            }
            return new User(n, name, session);
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    static HttpRequest get(String path, String session) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (session != null) {
            b.header("Cookie", "JSESSIONID=" + session);
        }
        return b.build();
    }

    static String cookie(HttpResponse<?> r, String previous) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            Matcher m = SESSION.matcher(c);
            if (m.find()) {
                return m.group(1);
            }
        }
        if (previous == null) {
            throw new IllegalStateException("no session cookie from " + r.uri());
        }
        return previous;
    }

    static long cpuTicks(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }

    static double ticksToMs(long ticks) {
        return ticks * 1000.0 / hz;
    }

    static double load() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    static Map<String, Long> parseFlat(String json) {
        Map<String, Long> m = new LinkedHashMap<>();
        Matcher x = Pattern.compile("\"(\\w+)\"\\s*:\\s*(-?\\d+)").matcher(json);
        while (x.find()) {
            m.put(x.group(1), Long.parseLong(x.group(2)));
        }
        return m;
    }

    static void sleepNs(long ns) {
        try {
            TimeUnit.NANOSECONDS.sleep(ns);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double pct(List<Double> values, double p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(
                    "not found: " + p + " in " + text.substring(0, Math.min(300, text.length())));
        }
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
