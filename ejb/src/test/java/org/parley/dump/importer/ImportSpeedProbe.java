package org.parley.dump.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.parley.dump.DumpFile;
import org.parley.testing.H2Services;

/**
 * Not a test: {@code java ... ImportSpeedProbe DIR [DB]} imports a dump folder into a new H2 file database at DB (a
 * temporary one by default, as the server keeps its data: on disk) and prints rows/s per file and in all.
 */
public final class ImportSpeedProbe {
    public static void main(String[] args) throws Exception {
        System.setProperty("parley.import.timings", "true");
        Path db = args.length > 1
                ? Path.of(args[1])
                : Files.createTempDirectory("import-probe").resolve("probe");
        String url = "jdbc:h2:file:" + db + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
                + System.getProperty("probe.settings", "");
        try (ImportHarness h = new ImportHarness(new H2Services(url, "create"))) {
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
}
