package org.parley.tag.engine;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The one-off figures of {@code scripts/bench.sh tags}: building a site's index from the database through {@link
 * TagIndexLoader} (as at start), the heap it holds per question (measured, and estimated from its arrays), and the
 * time to apply one change (a vote, a new question) to a snapshot. Prints one flat JSON object.
 */
public final class TagEngineBuildBench {

  private TagEngineBuildBench() {}

  public static void main(String[] args) throws Exception {
    SyntheticQuestions data = BenchData.generate();
    try (BenchData.Database db = BenchData.database(data)) {
      long heapBefore = usedHeapAfterGc();
      long started = System.nanoTime();
      TagEngine engine = db.h2().bean(TagEngine.class);
      TagEngine.Stats stats = db.h2().tx(() -> engine.stats(db.siteId()));
      double buildMs = (System.nanoTime() - started) / 1e6;
      long heapAfter = usedHeapAfterGc();
      Reference.reachabilityFence(engine);

      SiteIndex index = data.index();
      Random random = new Random(1);
      long version = data.rows.size() + 1L;
      double[] vote = new double[41];
      for (int i = 0; i < vote.length; i++) {
        QuestionRow r = data.rows.get(random.nextInt(data.rows.size()));
        QuestionRow voted = new QuestionRow(r.number(), r.createdNanos(), r.activityNanos(), r.score() + 1,
            r.answerCount(), r.accepted(), r.closed(), version++, r.tagNames());
        long t = System.nanoTime();
        index = index.withChanges(List.of(voted), List.of());
        vote[i] = (System.nanoTime() - t) / 1e6;
      }
      double[] ask = new double[41];
      QuestionRow last = data.rows.get(data.rows.size() - 1);
      for (int i = 0; i < ask.length; i++) {
        QuestionRow asked = new QuestionRow(last.number() + 1 + i, last.createdNanos() + i, last.createdNanos() + i, 0, 0,
            false, false, version++, data.rows.get(i).tagNames());
        long t = System.nanoTime();
        index = index.withChanges(List.of(asked), List.of());
        ask[i] = (System.nanoTime() - t) / 1e6;
      }
      System.out.printf(
          Locale.ROOT,
          "{\"questions\": %d, \"tags\": %d, \"build_ms\": %.0f, \"bytes_per_question_heap\": %.1f,"
              + " \"bytes_per_question_estimated\": %.1f, \"apply_vote_ms_p50\": %.2f, \"apply_ask_ms_p50\": %.2f}%n",
          stats.questions(),
          stats.tags(),
          buildMs,
          (double) (heapAfter - heapBefore) / stats.questions(),
          stats.bytesPerQuestion(),
          median(vote),
          median(ask));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
