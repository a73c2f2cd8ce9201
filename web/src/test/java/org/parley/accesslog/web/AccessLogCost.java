package org.parley.accesslog.web;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.Locale;
import org.parley.accesslog.AccessLog;
import org.parley.accesslog.AccessRecord;

/**
 * What the access log costs a request in CPU time, to set beside an output-cache hit's ~0.4 ms of CPU
 * (docs/benchmarks.md). CPU time rather than wall time, because this 2-core machine is shared and a wall clock
 * measures the neighbours: the request thread's own CPU clock for what {@link AccessLogFilter} does on it (name the
 * route, make the row, offer it to the queue), and the whole process's CPU clock (H2's threads included) for the
 * timer's append of those rows to the node's H2 file in batches of {@value #BATCH}, as the 1 s timer does at 1,000
 * requests a second. Each figure is the least of {@value #ROUNDS} rounds of {@value #ROWS} rows, after a warm-up
 * round. Run by {@code scripts/bench.sh accesslog}; prints one flat JSON object.
 */
public final class AccessLogCost {

    static final String PATH = "/questions/12345/how-do-i-keep-a-bicycle-chain-from-rusting";
    static final int BATCH = 1000;
    static final int ROWS = 200_000;
    static final int ROUNDS = 5;

    private AccessLogCost() {}

    public static void main(String[] args) throws Exception {
        System.setProperty(
                "parley.accesslog.dir",
                Files.createTempDirectory("accesslog-cost").toString());
        AccessLog log = new AccessLog();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double onThread = Double.MAX_VALUE;
        double append = Double.MAX_VALUE;
        for (int round = 0; round <= ROUNDS; round++) {
            long threadNanos = 0;
            long processNanos = 0;
            for (int i = 0; i < ROWS / BATCH; i++) {
                long t = threads.getCurrentThreadCpuTime();
                for (int j = 0; j < BATCH; j++) {
                    log.record(new AccessRecord(
                            System.currentTimeMillis(),
                            "localhost",
                            AccessRoute.of(PATH),
                            "GET",
                            200,
                            48_000,
                            380,
                            0,
                            12,
                            0,
                            0,
                            false,
                            true));
                }
                threadNanos += threads.getCurrentThreadCpuTime() - t;
                long p = os.getProcessCpuTime();
                log.write();
                processNanos += os.getProcessCpuTime() - p;
            }
            if (round > 0) { // round 0 warms up
                onThread = Math.min(onThread, threadNanos / 1e3 / ROWS);
                append = Math.min(append, processNanos / 1e3 / ROWS);
            }
        }
        if (log.dropped() > 0) {
            throw new IllegalStateException(log.dropped() + " rows dropped: the figures would be too low");
        }
        System.out.printf(
                Locale.ROOT,
                "{\"on_request_thread_us\": %.2f, \"append_us\": %.2f, \"total_us\": %.2f, \"batch\": %d}%n",
                onThread,
                append,
                onThread + append,
                BATCH);
    }
}
