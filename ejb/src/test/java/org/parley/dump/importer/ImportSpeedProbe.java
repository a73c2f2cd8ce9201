package org.parley.dump.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpReader;
import org.parley.testing.H2Services;

/**
 * Not a test: {@code java ... ImportSpeedProbe DIR [DB]} imports a dump folder into a new H2 file database at DB (a
 * temporary one by default, as the server keeps its data: on disk) and prints rows/s per file and in all. DB may
 * instead be a PostgreSQL URL ({@code jdbc:postgresql://127.0.0.1:25432/probe}), whose schema is made anew, as
 * {@code -Dprobe.user} (default parley) with the password in the environment's {@code PGPASSWORD}; there the import
 * uses COPY unless {@code -Dparley.import.postgresql=batches}. {@code -Dprobe.parse=true} first times a plain StAX
 * parse of the same files, the reference {@code scripts/bench.sh import} prints beside the import. It imports in the
 * job's order ({@link ImportHarness#importDir}): users, tags and posts one after the other, the link step, then the
 * five later files side by side, and prints the time of each file, of the link step and of the five together.
 */
public final class ImportSpeedProbe {
    public static void main(String[] args) throws Exception {
        System.setProperty("parley.import.timings", "true");
        H2Services services;
        if (args.length > 1 && args[1].startsWith("jdbc:postgresql:")) {
            services = new H2Services(
                    args[1], System.getProperty("probe.user", "parley"), System.getenv("PGPASSWORD"), "create");
        } else {
            Path db = args.length > 1
                    ? Path.of(args[1])
                    : Files.createTempDirectory("import-probe").resolve("probe");
            services = new H2Services(
                    "jdbc:h2:file:" + db + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
                            + System.getProperty("probe.settings", ""),
                    "create");
        }
        if (Boolean.getBoolean("probe.parse")) {
            parse(Path.of(args[0]));
        }
        try (ImportHarness h = new ImportHarness(services)) {
            long site = h.site("probe.localhost");
            long started = System.nanoTime();
            Map<DumpFile, Tally> t = h.importDir(Path.of(args[0]), site);
            long rows = t.values().stream().mapToLong(x -> x.read).sum();
            long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            long cpu = ((com.sun.management.OperatingSystemMXBean)
                                    java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime()
                    / 1_000_000;
            System.out.printf(
                    "%d rows in %d ms (%d rows/s); process CPU %d ms in all%n", rows, ms, rows * 1000 / ms, cpu);
        }
    }

    /** The reference: a plain StAX pass over the same files, as the job's validation step makes it. */
    private static void parse(Path dir) {
        long started = System.nanoTime();
        long rows = 0;
        for (DumpFile file : DumpFile.values()) {
            if (Files.exists(dir.resolve(file.fileName()))) {
                try (DumpReader r = DumpReader.open(dir, file)) {
                    while (r.next() != null) {
                        rows++;
                    }
                }
            }
        }
        long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        System.out.printf("StAX parse: %d rows in %d ms (%d rows/s)%n", rows, ms, rows * 1000 / ms);
    }
}
