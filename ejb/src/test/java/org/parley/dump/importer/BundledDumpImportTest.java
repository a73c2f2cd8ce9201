package org.parley.dump.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parley.dump.DumpFile;

class BundledDumpImportTest {

  static final Path BUNDLED =
      Path.of(System.getProperty("parley.bundled.dump", "../../shared/data/se-dump/bicycles.meta.stackexchange.com"));

  @Test
  void importsEveryRowOfTheBundledDumpOrSaysWhy() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(BUNDLED), "bundled dump not found at " + BUNDLED.toAbsolutePath());
    try (ImportHarness h = new ImportHarness()) {
      long site = h.site("meta.bicycles.localhost");
      if (Boolean.getBoolean("parley.import.timings")) {
        h.importDir(BUNDLED, h.site("warmup.localhost"));
      }
      long started = System.nanoTime();
      Map<DumpFile, Tally> t = h.importDir(BUNDLED, site);
      long ms = (System.nanoTime() - started) / 1_000_000;
      long rows = t.values().stream().mapToLong(x -> x.read).sum();
      System.out.printf("bundled dump: %d rows in %d ms (%d rows/s)%n", rows, ms, rows * 1000 / Math.max(1, ms));
      t.forEach((f, x) -> System.out.println(f + " " + x.read + " " + x.imported + " " + x.skipped + " " + x.notes));
      assertEquals(1446, t.get(DumpFile.POSTS).read);
    }
  }
}
