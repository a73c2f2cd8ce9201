package org.parley.listing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.parley.post.QuestionSort;

/**
 * The CPU time of one engine list, beside JMH's wall time: the same lists as {@link TagEngineBenchmark#engine}, each
 * answered many times in one thread, timed by the thread's own CPU clock. On a machine shared far beyond its cores
 * the wall-clock p99 is how long a preempted thread waits for a CPU again; the CPU time's p99 is what the list costs.
 * Prints one flat JSON object; argument: the lists (default {@code one,and,or,andnot}).
 */
public final class TagEngineCpuBench {

    private static final int WARMUP = 3_000;
    private static final int MEASURED = 5_000;

    private TagEngineCpuBench() {}

    public static void main(String[] args) {
        SyntheticQuestions data = BenchData.generate();
        SiteIndex index = data.index();
        Map<String, TagExpression> queries = BenchData.queries(data);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StringBuilder json = new StringBuilder("{");
        for (String name : (args.length > 0 ? args[0] : "one,and,or,andnot").split(",")) {
            TagExpression expression = queries.get(name);
            for (String sort : new String[] {"NEWEST", "VOTES"}) {
                for (int page : new int[] {1, 100}) {
                    long[] cpu = new long[MEASURED];
                    long[] wall = new long[MEASURED];
                    for (int i = -WARMUP; i < MEASURED; i++) {
                        long c = threads.getCurrentThreadCpuTime();
                        long w = System.nanoTime();
                        index.questions(
                                expression,
                                QuestionSort.valueOf(sort),
                                page,
                                TagEngineBenchmark.PAGE_SIZE,
                                new ArrayList<>());
                        long tookWall = System.nanoTime() - w;
                        long tookCpu = threads.getCurrentThreadCpuTime() - c;
                        if (i >= 0) {
                            wall[i] = tookWall;
                            cpu[i] = tookCpu;
                        }
                    }
                    Arrays.sort(cpu);
                    Arrays.sort(wall);
                    String key = name + "_" + sort.toLowerCase(Locale.ROOT) + "_page" + page;
                    json.append(String.format(
                            Locale.ROOT,
                            "%s\"%s_cpu_p50_us\": %.1f, \"%s_cpu_p99_us\": %.1f, \"%s_wall_p50_us\": %.1f, \"%s_wall_p99_us\": %.1f",
                            json.length() > 1 ? ", " : "",
                            key,
                            cpu[MEASURED / 2] / 1e3,
                            key,
                            cpu[MEASURED * 99 / 100] / 1e3,
                            key,
                            wall[MEASURED / 2] / 1e3,
                            key,
                            wall[MEASURED * 99 / 100] / 1e3));
                }
            }
        }
        System.out.println(json.append("}"));
    }
}
