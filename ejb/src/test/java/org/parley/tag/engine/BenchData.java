package org.parley.tag.engine;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;

/**
 * The data of the tag benchmarks: {@code -Dbench.questions} (default 1,000,000) generated questions over 50,000 Zipf
 * tags with a fixed seed, and the same questions in an H2 file database with Parley's schema and indexes, kept under
 * {@code -Dbench.dir} between runs (made again when missing).
 */
final class BenchData {

  static final long SEED = 2026_11_22L;
  static final int TAGS = 50_000;

  private BenchData() {}

  static int questions() {
    return Integer.getInteger("bench.questions", 1_000_000);
  }

  static SyntheticQuestions generate() {
    return new SyntheticQuestions(SEED, questions(), TAGS, false);
  }

  /** The lists measured, by name: tags by popularity rank (0 = most used). */
  static Map<String, TagExpression> queries(SyntheticQuestions data) {
    String[] t = data.tagNames;
    Map<String, TagExpression> queries = new LinkedHashMap<>();
    queries.put("one", TagExpression.parse(t[3]));
    queries.put("and", TagExpression.parse(t[1] + "+" + t[4]));
    queries.put("or", TagExpression.parse(t[2] + " or " + t[9]));
    queries.put("andnot", TagExpression.parse(t[1] + " -" + t[0]));
    return queries;
  }

  /** The questions in H2 with Parley's schema and indexes; close it. */
  record Database(H2Services h2, long siteId) implements AutoCloseable {
    @Override
    public void close() {
      h2.close();
    }
  }

  static Database database(SyntheticQuestions data) throws IOException {
    Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
    Files.createDirectories(dir);
    Path base = dir.resolve("tags-h2-" + data.rows.size());
    Path ready = dir.resolve("tags-h2-" + data.rows.size() + ".ready");
    String url = "jdbc:h2:file:" + base + ";CACHE_SIZE=1048576;LOCK_TIMEOUT=10000";
    if (Files.exists(ready)) {
      return new Database(new H2Services(url, "none"), Long.parseLong(Files.readString(ready).strip()));
    }
    try (Stream<Path> old = Files.list(dir)) {
      for (Path p : old.filter(p -> p.getFileName().toString().startsWith(base.getFileName() + ".")).toList()) {
        Files.delete(p);
      }
    }
    long started = System.nanoTime();
    H2Services h2 = new H2Services(url, "create");
    long siteId =
        h2.tx(() -> h2.bean(SiteService.class).ensureSite("bench.localhost", "bench", "Bench", "Bench")).id();
    try (EntityManager em = h2.direct()) {
      em.unwrap(Session.class).doWork(c -> data.insert(c, siteId, 10_000_000L));
    }
    try (EntityManager em = h2.direct()) {
      em.unwrap(Session.class).doWork(c -> c.createStatement().execute("analyze"));
    }
    Files.writeString(ready, Long.toString(siteId));
    System.err.printf("Wrote %d questions to %s in %d s%n", data.rows.size(), base, (System.nanoTime() - started) / 1_000_000_000L);
    return new Database(h2, siteId);
  }
}
