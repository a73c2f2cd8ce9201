package org.parley.dump.importer;

import java.nio.file.Path;
import java.util.Map;
import org.parley.dump.DumpFile;

/** Not a test: {@code java ... ImportSpeedProbe DIR} imports a dump folder into in-memory H2 and prints rows/s. */
public final class ImportSpeedProbe {
  public static void main(String[] args) throws Exception {
    System.setProperty("parley.import.timings", "true");
    try (ImportHarness h = new ImportHarness()) {
      long site = h.site("probe.localhost");
      long started = System.nanoTime();
      Map<DumpFile, Tally> t = h.importDir(Path.of(args[0]), site);
      long rows = t.values().stream().mapToLong(x -> x.read).sum();
      long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
      System.out.printf("%d rows in %d ms (%d rows/s)%n", rows, ms, rows * 1000 / ms);
    }
  }
}
