package org.parley.listing;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import org.parley.post.QuestionSort;

/**
 * Bytes per question of an index built from {@link BenchData}'s rows in memory (no database): used heap after GC
 * before and after, and the estimate from its arrays; and the building thread's CPU. Argument: the run minimum.
 *
 * <pre>java -Xmx6g -Dbench.questions=1000000 -cp ... org.parley.listing.TagEngineMemoryBench 2048</pre>
 */
public final class TagEngineMemoryBench {

    private TagEngineMemoryBench() {}

    public static void main(String[] a) throws Exception {
        SyntheticQuestions data = BenchData.generate();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long t = System.nanoTime();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        SiteIndex index = data.index(Integer.parseInt(a[0]));
        long ms = (System.nanoTime() - t) / 1_000_000;
        long cpuMs = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1_000_000;
        System.out.println("build thread CPU " + cpuMs + " ms, wall " + ms + " ms");
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int n = index.questionCount();
        System.out.printf(
                "runMin=%s questions=%d tags=%d build=%d ms estimated=%.1f B/q heap=%.1f B/q%n",
                a[0], n, index.tagCount(), ms, (double) index.estimatedBytes() / n, (double) (after - before) / n);
        var q = BenchData.queries(data);
        for (String k : q.keySet()) {
            System.out.println(k + " " + q.get(k) + " total="
                    + index.questions(q.get(k), QuestionSort.NEWEST, 1, 30, new ArrayList<>())
                            .total());
        }
    }
}
