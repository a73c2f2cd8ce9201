import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The live-notifications benchmark client (scripts/bench/live.sh runs it with `java LiveBench.java`; JDK only). Against
 * a running Parley it registers users who each ask a question and open push sockets (/push/notifications), then measures:
 * end-to-end deliveries (an answer posted through the page's ajax form until the asker's socket gets the push),
 * push latency to 1,000 sockets of one user (from the writing server's commit time to each socket), and how many idle
 * sockets the server holds, with the server's heap per socket (jcmd on the server's pid). Prints one flat JSON object.
 *
 * Arguments: baseUrl serverPid [receivers=16] [e2eSeconds=20] [pushSockets=1000] [idleSockets=20000]
 */
public class LiveBench {

  static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
  static final Pattern FORM_TOKEN = Pattern.compile("name=\"parley-form-token\" value=\"([^\"]+)\"");
  static final Pattern NONCE = Pattern.compile("name=\"primefaces.nonce\" value=\"([^\"]+)\"");
  static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
  static final Pattern AT = Pattern.compile("\"at\":(\\d+)");
  static final String PASSWORD = "bench-password-long-enough";

  static String base;

  /** One logged-in user of the site: a cookie jar and the pages' forms. */
  static final class User {
    final String name;
    final HttpClient http;
    String questionPath;
    /** The session cookie the push socket's handshake sends: the socket is the logged-in session's. */
    String wsCookie;

    User(String name) {
      this.name = name;
      this.http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
              .followRedirects(HttpClient.Redirect.NEVER)
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String action, Map<String, String> form, boolean ajax) throws Exception {
      String body =
          form.entrySet().stream()
              .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
              .collect(Collectors.joining("&"));
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + action))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/x-www-form-urlencoded")
              // Each simulated user from an address of its own (RFC 2544's benchmarking range), as real users come:
              // Parley believes X-Forwarded-For from loopback and limits sign-ups and log-ins per address.
              .header("X-Forwarded-For", address())
              .POST(HttpRequest.BodyPublishers.ofString(body));
      if (ajax) {
        b.header("Faces-Request", "partial/ajax");
      }
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String address() {
      int n = name.hashCode() & 0x1ffff;
      return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    void register() throws Exception {
      String page = get("/users/register").body();
      Map<String, String> f = new LinkedHashMap<>();
      f.put("register-form", "register-form");
      f.put("register-username", name);
      f.put("register-display", "Bench " + name);
      f.put("register-password", PASSWORD);
      f.put("register-submit", "Sign up");
      f.put("jakarta.faces.ViewState", find(VIEW_STATE, page));
      HttpResponse<String> r = post(action(page, "register-form"), f, false);
      if (r.statusCode() != 302) {
        throw new IllegalStateException("register " + name + ": " + r.statusCode());
      }
    }

    void ask() throws Exception {
      String page = get("/questions/ask").body();
      Map<String, String> f = new LinkedHashMap<>();
      f.put("ask-form", "ask-form");
      f.put("ask-title", "Benchmark question asked by " + name + " about live notifications");
      f.put("ask-body", "A question body that is long enough to be accepted by the rules of the site.");
      f.put("ask-tags_hinput", "bench");
      f.put("ask-submit", "");
      f.put("jakarta.faces.ViewState", find(VIEW_STATE, page));
      HttpResponse<String> r = post(action(page, "ask-form"), f, false);
      String location = r.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("ask: " + r.statusCode()));
      questionPath = URI.create(location).getRawPath();
      get(questionPath); // the page a socket belongs to; the socket itself is the user's (PushEndpoint)
      wsCookie = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("JSESSIONID"))
          .map(c -> c.getName() + "=" + c.getValue())
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no session for " + name));
    }
  }

  /** Someone answering one question over and over through the page's ajax form. */
  static final class Answerer {
    final User user;
    final String action;
    final String viewState;
    final String formToken;
    final String nonce;

    Answerer(User user, String questionPath) throws Exception {
      this.user = user;
      String page = user.get(questionPath).body();
      this.action = action(page, "question-form");
      this.viewState = find(VIEW_STATE, page);
      this.formToken = find(FORM_TOKEN, page); // the question page is stateless: its forms post the session's token
      this.nonce = find(NONCE, page); // and the page's CSP nonce, as every form does
    }

    void answer(int n) throws Exception {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("jakarta.faces.partial.ajax", "true");
      f.put("jakarta.faces.source", "answer-submit");
      f.put("jakarta.faces.partial.execute", "answer-submit answer-body");
      f.put("jakarta.faces.partial.render", "question-form");
      f.put("answer-submit", "answer-submit");
      f.put("question-form", "question-form");
      f.put("answer-body", "Benchmark answer number " + n + ", long enough to pass the length rule.");
      f.put("jakarta.faces.ViewState", viewState);
      f.put("parley-form-token", formToken);
      f.put("primefaces.nonce", nonce);
      HttpResponse<String> r = user.post(action, f, true);
      if (r.statusCode() != 200 || r.body().contains("<error>")) {
        throw new IllegalStateException("answer: " + r.statusCode() + " " + r.body());
      }
    }
  }

  /** A socket's listener: records when each notification number arrived, and the server's publish time. */
  static final class Listener implements WebSocket.Listener {
    final Map<Long, Long> arrived;
    final List<Long> sincePublish;
    final StringBuilder text = new StringBuilder();

    Listener(Map<Long, Long> arrived, List<Long> sincePublish) {
      this.arrived = arrived;
      this.sincePublish = sincePublish;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        long now = System.currentTimeMillis();
        String m = text.toString();
        text.setLength(0);
        Matcher s = SEQ.matcher(m);
        if (s.find() && arrived != null) {
          arrived.putIfAbsent(Long.parseLong(s.group(1)), System.nanoTime());
        }
        Matcher a = AT.matcher(m);
        if (a.find() && sincePublish != null) {
          sincePublish.add(now - Long.parseLong(a.group(1)));
        }
      }
      ws.request(1);
      return null;
    }
  }

  static final List<HttpClient> wsClients = new ArrayList<>();

  static CompletableFuture<WebSocket> open(User user, WebSocket.Listener listener, int i) {
    HttpClient c = wsClients.get(i % wsClients.size());
    URI url = URI.create(base.replaceFirst("^http", "ws") + "/push/notifications");
    return c.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(30))
        .header("Cookie", user.wsCookie)
        .buildAsync(url, listener);
  }

  public static void main(String[] args) throws Exception {
    base = args[0];
    String pid = args[1];
    int receivers = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    int e2eSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int pushSockets = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
    int idleSockets = args.length > 5 ? Integer.parseInt(args[5]) : 20000;
    for (int i = 0; i < 8; i++) {
      wsClients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    String run = Long.toString(System.currentTimeMillis() % 10_000_000L, 36);

    // Users: receivers who ask, and one answerer per receiver.
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(4, receivers));
    List<User> askers = new ArrayList<>();
    List<User> answerers = new ArrayList<>();
    for (int i = 0; i < receivers; i++) {
      askers.add(new User("lb" + run + "q" + i));
      answerers.add(new User("lb" + run + "a" + i));
    }
    List<CompletableFuture<Void>> setup = new ArrayList<>();
    for (int i = 0; i < receivers; i++) {
      User q = askers.get(i);
      User a = answerers.get(i);
      setup.add(CompletableFuture.runAsync(() -> {
        try {
          q.register();
          q.ask();
          a.register();
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      }, pool));
    }
    CompletableFuture.allOf(setup.toArray(new CompletableFuture[0])).join();
    System.err.println("registered " + (2 * receivers) + " users, " + receivers + " questions");

    // 1. End to end: each answerer answers its asker's question in a loop; the asker's socket times each push.
    List<Map<Long, Long>> arrivals = new ArrayList<>();
    List<WebSocket> sockets = new ArrayList<>();
    for (int i = 0; i < receivers; i++) {
      Map<Long, Long> arrived = new ConcurrentHashMap<>();
      arrivals.add(arrived);
      sockets.add(open(askers.get(i), new Listener(arrived, null), i).join());
    }
    List<Answerer> posting = new ArrayList<>();
    for (int i = 0; i < receivers; i++) {
      posting.add(new Answerer(answerers.get(i), askers.get(i).questionPath));
    }
    List<Map<Long, Long>> sent = new ArrayList<>();
    for (int i = 0; i < receivers; i++) {
      sent.add(new ConcurrentHashMap<>());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(e2eSeconds);
    long t0 = System.nanoTime();
    List<CompletableFuture<Void>> loops = new ArrayList<>();
    for (int i = 0; i < receivers; i++) {
      int u = i;
      loops.add(CompletableFuture.runAsync(() -> {
        try {
          for (long n = 1; System.nanoTime() < deadline; n++) {
            sent.get(u).put(n, System.nanoTime());
            posting.get(u).answer((int) n);
          }
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      }, pool));
    }
    CompletableFuture.allOf(loops.toArray(new CompletableFuture[0])).join();
    Thread.sleep(3000);
    List<Double> e2e = new ArrayList<>();
    int posted = 0;
    int delivered = 0;
    long lastArrival = t0;
    for (int i = 0; i < receivers; i++) {
      posted += sent.get(i).size();
      for (var e : sent.get(i).entrySet()) {
        Long at = arrivals.get(i).get(e.getKey());
        if (at != null) {
          delivered++;
          e2e.add((at - e.getValue()) / 1e6);
          lastArrival = Math.max(lastArrival, at);
        }
      }
    }
    double seconds = (lastArrival - t0) / 1e9;
    out.put("e2e_senders", receivers);
    out.put("e2e_posted", posted);
    out.put("e2e_delivered", delivered);
    out.put("e2e_deliveries_per_s", round(delivered / seconds));
    out.put("e2e_p50_ms", round(pct(e2e, 50)));
    out.put("e2e_p99_ms", round(pct(e2e, 99)));
    System.err.println("end to end: " + out);
    for (WebSocket ws : sockets) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }

    // 2. Push to 1,000 sockets of one user: 20 notifications, 400 ms apart.
    User target = askers.get(0);
    List<Long> sincePublish = new CopyOnWriteArrayList<>();
    List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
    for (int i = 0; i < pushSockets; i++) {
      opening.add(open(target, new Listener(null, sincePublish), i));
    }
    List<WebSocket> fan = opening.stream().map(CompletableFuture::join).collect(Collectors.toList());
    Thread.sleep(1000);
    Answerer trigger = new Answerer(answerers.get(0), target.questionPath);
    int rounds = 20;
    for (int r = 0; r < rounds; r++) {
      trigger.answer(100_000 + r);
      Thread.sleep(400);
    }
    Thread.sleep(2000);
    List<Double> push = sincePublish.stream().map(Long::doubleValue).collect(Collectors.toList());
    out.put("push_sockets", pushSockets);
    out.put("push_messages", rounds);
    out.put("push_received", push.size());
    out.put("push_p50_ms", round(pct(push, 50)));
    out.put("push_p99_ms", round(pct(push, 99)));
    out.put("push_max_ms", round(pct(push, 100)));
    System.err.println("push: " + out);
    for (WebSocket ws : fan) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }
    Thread.sleep(2000);

    // 3. Idle sockets: open until the target or the first failure; heap per socket from the server's own GC figures.
    long heapBefore = heapUsed(pid);
    AtomicInteger failed = new AtomicInteger();
    List<WebSocket> idle = Collections.synchronizedList(new ArrayList<>());
    String firstError = null;
    int batch = 500;
    for (int opened = 0; opened < idleSockets && failed.get() == 0; opened += batch) {
      List<CompletableFuture<WebSocket>> f = new ArrayList<>();
      for (int i = opened; i < Math.min(idleSockets, opened + batch); i++) {
        f.add(open(askers.get(i % receivers), new Listener(null, null), i)
            .whenComplete((ws, e) -> {
              if (ws != null) {
                idle.add(ws);
              } else {
                failed.incrementAndGet();
              }
            }));
      }
      try {
        CompletableFuture.allOf(f.toArray(new CompletableFuture[0])).join();
      } catch (Exception e) {
        firstError = String.valueOf(e.getCause());
      }
    }
    Thread.sleep(3000);
    long heapAfter = heapUsed(pid);
    // Are they alive? One notification to asker 0 reaches all of its sockets.
    List<Long> alive = new CopyOnWriteArrayList<>();
    boolean probed = true;
    try {
      // At the open-file limit the server may take no new connection: report that instead of ending without figures.
      open(target, new Listener(null, alive), 0).join();
      trigger.answer(200_000);
      Thread.sleep(3000);
    } catch (Exception e) {
      probed = false;
      System.err.println("probe after the idle sockets failed: " + e);
    }
    out.put("idle_sockets_target", idleSockets);
    out.put("idle_sockets_open", idle.size());
    out.put("idle_sockets_failed", failed.get());
    out.put("idle_probe_received", probed ? alive.size() : -1);
    out.put("heap_before_mb", round(heapBefore / 1048576.0));
    out.put("heap_after_mb", round(heapAfter / 1048576.0));
    out.put("heap_per_socket_bytes", idle.isEmpty() ? 0 : Math.round((heapAfter - heapBefore) / (double) idle.size()));
    if (firstError != null) {
      System.err.println("first failure: " + firstError);
    }
    System.out.println(toJson(out));
    System.exit(0);
  }

  /** The server's used heap after a full GC, in bytes (jcmd GC.run, then GC.heap_info). */
  static long heapUsed(String pid) throws Exception {
    run("jcmd", pid, "GC.run");
    Thread.sleep(1000);
    run("jcmd", pid, "GC.run");
    String info = run("jcmd", pid, "GC.heap_info");
    Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
    return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
  }

  static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return s;
  }

  static double pct(List<Double> values, double p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }

  static String toJson(Map<String, Object> m) {
    return m.entrySet().stream()
        .map(e -> "  \"" + e.getKey() + "\": " + e.getValue())
        .collect(Collectors.joining(",\n", "{\n", "\n}"));
  }

  static String action(String page, String formId) {
    Pattern p = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]*)\"", Pattern.DOTALL);
    return find(p, page).replace("&amp;", "&");
  }

  static String find(Pattern p, String text) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("not found: " + p + " in " + text.substring(0, Math.min(300, text.length())));
    }
    return m.group(1);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
