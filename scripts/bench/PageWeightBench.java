import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page-weight part of scripts/bench/pages.sh (run as `java PageWeightBench.java`; JDK only): Debian's headless
 * Chromium, driven over its DevTools protocol, opens a question page as an anonymous first-time visitor (an empty
 * profile), again as a returning one, and as a logged-in user (the JSESSIONID given), and sums what the browser's
 * Resource Timing says each view transferred; then DOMContentLoaded over repeated loads with the browser's cache off
 * (what a first visit waits for). Prints one flat JSON object of metric -> number, and a table on stderr.
 *
 * Arguments: pageUrl [sessionId] [loads=11]
 */
public class PageWeightBench {

  static final String WEIGH =
      "(function(){var n=performance.getEntriesByType('navigation')[0];"
          + "var rows=[['document',n.transferSize,n.encodedBodySize,n.decodedBodySize,n.domContentLoadedEventEnd-n.startTime,n.name]];"
          + "performance.getEntriesByType('resource').forEach(function(r){"
          + "rows.push([r.initiatorType,r.transferSize,r.encodedBodySize,r.decodedBodySize,0,r.name]);});"
          + "return rows.map(function(r){return r.join(' ');}).join('|');})()";

  /** One page view: transferred bytes, bytes before compression, resources fetched, DOMContentLoaded, PrimeFaces? */
  record View(long transferred, long decoded, int resources, int fetched, double dclMs, boolean primeFaces) {}

  final HttpClient http = HttpClient.newHttpClient();
  final Process chromium;
  final Path profile;
  final WebSocket socket;
  final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  final AtomicInteger ids = new AtomicInteger();

  PageWeightBench() throws Exception {
    profile = Files.createTempDirectory("parley-bench-chromium");
    chromium = new ProcessBuilder(
            System.getProperty("chromium", "/usr/bin/chromium"), "--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    for (int i = 0; i < 300 && !Files.exists(portFile); i++) {
      Thread.sleep(100);
    }
    String port = Files.readAllLines(portFile).get(0).trim();
    String list = "";
    for (int i = 0; i < 100 && !list.contains("\"page\""); i++) {
      list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
              HttpResponse.BodyHandlers.ofString()).body();
      Thread.sleep(100);
    }
    Matcher ws = Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+/page/[^\"]+)\"").matcher(list);
    if (!ws.find()) {
      throw new IOException("Chromium lists no page: " + list);
    }
    socket = http.newWebSocketBuilder().buildAsync(URI.create(ws.group(1)), new WebSocket.Listener() {
      final StringBuilder part = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket s, CharSequence data, boolean last) {
        part.append(data);
        if (last) {
          messages.add(part.toString());
          part.setLength(0);
        }
        s.request(1);
        return null;
      }
    }).get(10, TimeUnit.SECONDS);
    call("Page.enable", "{}");
    call("Network.enable", "{}");
  }

  /** Sends a command and waits for its answer (events that arrive meanwhile are dropped). */
  String call(String method, String params) throws Exception {
    int id = ids.incrementAndGet();
    socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).get();
    String prefix = "{\"id\":" + id + ",";
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      String m = messages.poll(1, TimeUnit.SECONDS);
      if (m != null && m.startsWith(prefix)) {
        return m;
      }
    }
    throw new IOException("No answer to " + method);
  }

  /** Navigates and waits for the load event, then for late resources (the favicon) to settle. */
  void open(String url) throws Exception {
    messages.clear();
    call("Page.navigate", "{\"url\":\"" + url + "\"}");
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      String m = messages.poll(1, TimeUnit.SECONDS);
      if (m != null && m.contains("\"method\":\"Page.loadEventFired\"")) {
        Thread.sleep(300);
        return;
      }
    }
    throw new IOException("No load event for " + url);
  }

  View weigh() throws Exception {
    String answer = call("Runtime.evaluate",
        "{\"expression\":\"" + WEIGH.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"returnByValue\":true}");
    // Runs of plain characters taken whole (possessively): one regex loop step per character overflowed the stack on
    // the long value of a big page (the bundled dump's question with 25 answers).
    Matcher v = Pattern.compile("\"value\":\"((?:[^\"\\\\]++|\\\\.)*+)\"").matcher(answer);
    if (!v.find()) {
      throw new IOException("No weight: " + answer);
    }
    long transferred = 0, decoded = 0;
    int resources = 0, fetched = 0;
    double dcl = 0;
    boolean primeFaces = false;
    for (String row : v.group(1).replace("\\/", "/").split("\\|")) {
      String[] f = row.split(" ", 6);
      long t = (long) Double.parseDouble(f[1]);
      transferred += t;
      decoded += (long) Double.parseDouble(f[3]);
      if (f[0].equals("document")) {
        dcl = Double.parseDouble(f[4]);
      } else {
        resources++;
        fetched += t > 0 ? 1 : 0;
        primeFaces |= f[5].contains("primefaces");
      }
    }
    return new View(transferred, decoded, resources, fetched, dcl, primeFaces);
  }

  double medianDcl(String url, int loads) throws Exception {
    call("Network.setCacheDisabled", "{\"cacheDisabled\":true}");
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < loads; i++) {
      open("about:blank");
      open(url);
      times.add(weigh().dclMs());
    }
    call("Network.setCacheDisabled", "{\"cacheDisabled\":false}");
    Collections.sort(times);
    return times.get(times.size() / 2);
  }

  void close() throws IOException {
    socket.abort();
    chromium.destroy();
    try {
      chromium.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String session = args.length > 1 && !args[1].isBlank() ? args[1] : null;
    int loads = args.length > 2 ? Integer.parseInt(args[2]) : 11;
    PageWeightBench b = new PageWeightBench();
    try {
      b.open(url);
      View first = b.weigh();
      b.open("about:blank");
      b.open(url);
      View repeat = b.weigh();
      double dcl = b.medianDcl(url, loads);
      View user = null;
      double userDcl = 0;
      if (session != null) {
        URI u = URI.create(url);
        b.call("Network.clearBrowserCache", "{}");
        b.call("Network.setCookie", "{\"name\":\"JSESSIONID\",\"value\":\"" + session + "\",\"domain\":\"" + u.getHost()
            + "\",\"path\":\"/\"}");
        b.open("about:blank");
        b.open(url);
        user = b.weigh();
        userDcl = b.medianDcl(url, loads);
      }
      System.err.printf(Locale.ROOT, "  %-44s %12s %12s %10s %12s%n", "", "transferred", "uncompressed", "fetched",
          "DCL p50 ms");
      System.err.printf(Locale.ROOT, "  %-44s %12d %12d %10s %12.1f%n", "anonymous, first visit", first.transferred(),
          first.decoded(), (first.fetched() + 1) + " of " + (first.resources() + 1), dcl);
      System.err.printf(Locale.ROOT, "  %-44s %12d %12d %10s %12s%n", "anonymous, repeat visit", repeat.transferred(),
          repeat.decoded(), (repeat.fetched() + 1) + " of " + (repeat.resources() + 1), "");
      if (user != null) {
        System.err.printf(Locale.ROOT, "  %-44s %12d %12d %10s %12.1f%n", "logged in, first visit (PrimeFaces)",
            user.transferred(), user.decoded(), (user.fetched() + 1) + " of " + (user.resources() + 1), userDcl);
      }
      StringBuilder json = new StringBuilder();
      json.append(String.format(Locale.ROOT,
          "{\"first_visit_bytes\": %d, \"first_visit_uncompressed_bytes\": %d, \"first_visit_requests\": %d,"
              + " \"first_visit_primefaces\": %d, \"repeat_visit_bytes\": %d, \"repeat_visit_fetched_assets\": %d,"
              + " \"dom_content_loaded_p50_ms\": %.1f",
          first.transferred(), first.decoded(), first.resources() + 1, first.primeFaces() ? 1 : 0,
          repeat.transferred(), repeat.fetched(), dcl));
      if (user != null) {
        json.append(String.format(Locale.ROOT,
            ", \"logged_in_first_visit_bytes\": %d, \"logged_in_first_visit_uncompressed_bytes\": %d,"
                + " \"logged_in_first_visit_requests\": %d, \"logged_in_dom_content_loaded_p50_ms\": %.1f",
            user.transferred(), user.decoded(), user.resources() + 1, userDcl));
      }
      System.out.println(json.append("}"));
    } finally {
      b.close();
    }
  }
}
