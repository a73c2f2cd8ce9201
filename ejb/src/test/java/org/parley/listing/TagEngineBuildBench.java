package org.parley.listing;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The one-off figures of {@code scripts/bench.sh tags}: building a site's index from the database through {@link
 * TagIndexLoader} (as at start, wall and CPU; then warm, the query alone and query plus build, to see where the time
 * goes), the heap it holds per question (measured around a build from
 * the rows in memory, and estimated from its arrays), and the
 * time to apply one change (a vote, a new question) to a snapshot. Prints one flat JSON object.
 */
public final class TagEngineBuildBench {

    private TagEngineBuildBench() {}

    public static void main(String[] args) throws Exception {
        SyntheticQuestions data = BenchData.generate();
        try (BenchData.Database db = BenchData.database(data)) {
            // As at start: the engine builds the site's index from the database just opened (cold cache).
            Clock cold = Clock.start();
            TagEngine engine = db.h2().bean(TagEngine.class);
            TagEngine.Stats stats = db.h2().tx(() -> engine.stats(db.siteId()));
            cold.stop();
            // Where the time goes, warm: the query alone (rows read, nothing kept), then query and build together.
            TagIndexLoader loader = db.h2().bean(TagIndexLoader.class);
            Clock read = Clock.start();
            int[] rows = {0};
            db.h2().tx(() -> loader.stream(db.siteId(), r -> rows[0]++));
            read.stop();
            Clock warm = Clock.start();
            SiteIndexBuilder builder = new SiteIndexBuilder();
            db.h2().tx(() -> loader.stream(db.siteId(), builder::add));
            Clock build = Clock.start();
            SiteIndex built = builder.build();
            build.stop();
            warm.stop();
            Reference.reachabilityFence(built);
            built = null;
            Reference.reachabilityFence(engine);

            // The heap an index holds: used heap after a GC, before and after building one from the rows in memory.
            long heapBefore = usedHeapAfterGc();
            long inMemory = System.nanoTime();
            SiteIndex index = data.index();
            double fromRowsMs = (System.nanoTime() - inMemory) / 1e6;
            long heapAfter = usedHeapAfterGc();
            Reference.reachabilityFence(index);
            Random random = new Random(1);
            long version = data.rows.size() + 1L;
            double[] vote = new double[41];
            for (int i = 0; i < vote.length; i++) {
                QuestionRow r = data.rows.get(random.nextInt(data.rows.size()));
                QuestionRow voted = new QuestionRow(
                        r.number(),
                        r.createdNanos(),
                        r.activityNanos(),
                        r.score() + 1,
                        r.answerCount(),
                        r.accepted(),
                        r.closed(),
                        version++,
                        r.tagNames());
                long t = System.nanoTime();
                index = index.withChanges(List.of(voted), List.of());
                vote[i] = (System.nanoTime() - t) / 1e6;
            }
            double[] ask = new double[41];
            QuestionRow last = data.rows.get(data.rows.size() - 1);
            for (int i = 0; i < ask.length; i++) {
                QuestionRow asked = new QuestionRow(
                        last.number() + 1 + i,
                        last.createdNanos() + i,
                        last.createdNanos() + i,
                        0,
                        0,
                        false,
                        false,
                        version++,
                        data.rows.get(i).tagNames());
                long t = System.nanoTime();
                index = index.withChanges(List.of(asked), List.of());
                ask[i] = (System.nanoTime() - t) / 1e6;
            }
            System.out.printf(
                    Locale.ROOT,
                    "{\"questions\": %d, \"tags\": %d, \"build_ms\": %.0f, \"build_cpu_ms\": %.0f, \"build_thread_cpu_ms\": %.0f,"
                            + " \"warm_sql_read_ms\": %.0f, \"warm_sql_read_cpu_ms\": %.0f, \"warm_build_ms\": %.0f,"
                            + " \"warm_build_cpu_ms\": %.0f, \"warm_index_from_rows_ms\": %.0f,"
                            + " \"build_from_rows_ms\": %.0f, \"bytes_per_question_heap\": %.1f,"
                            + " \"bytes_per_question_estimated\": %.1f, \"apply_vote_ms_p50\": %.2f, \"apply_ask_ms_p50\": %.2f}%n",
                    stats.questions(),
                    stats.tags(),
                    cold.wallMs,
                    cold.cpuMs,
                    cold.threadCpuMs,
                    read.wallMs,
                    read.cpuMs,
                    warm.wallMs,
                    warm.cpuMs,
                    build.wallMs,
                    fromRowsMs,
                    (double) (heapAfter - heapBefore) / stats.questions(),
                    stats.bytesPerQuestion(),
                    median(vote),
                    median(ask));
        }
    }

    /**
     * Wall time, process CPU time (every thread: the JIT compilers, the GC, H2's background writer) and the calling
     * thread's CPU time (the query, which embedded H2 runs in the caller's thread, and the build) of one step.
     */
    private static final class Clock {
        private final long wall = System.nanoTime();
        private final long cpu = processCpuNanos();
        private final long threadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        double wallMs;
        double cpuMs;
        double threadCpuMs;

        static Clock start() {
            return new Clock();
        }

        void stop() {
            wallMs = (System.nanoTime() - wall) / 1e6;
            cpuMs = (processCpuNanos() - cpu) / 1e6;
            threadCpuMs = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpu) / 1e6;
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
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
