package org.parley.dump.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpFormatException;
import org.parley.dump.DumpReader;

class ReadAheadTest {

    private static void tags(Path dir, int rows, boolean cutOff) throws Exception {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<tags>\n");
        for (int i = 1; i <= rows; i++) {
            b.append("  <row Id=\"")
                    .append(i)
                    .append("\" TagName=\"t")
                    .append(i)
                    .append("\" />\n");
        }
        if (cutOff) {
            b.append("  <row Id=\"").append(rows + 1).append("\" TagNa");
        } else {
            b.append("</tags>\n");
        }
        Files.writeString(dir.resolve("Tags.xml"), b.toString());
    }

    @Test
    void rowsComeOutInFileOrderPreparedOnTheReadingThread(@TempDir Path dir) throws Exception {
        tags(dir, 5000, false);
        List<String> threads = new ArrayList<>();
        try (ReadAhead r = new ReadAhead(
                DumpReader.open(dir, DumpFile.TAGS),
                row -> row.withPrepared(Thread.currentThread().getName()),
                Thread::new,
                100)) {
            long expected = 1;
            ReadAhead.Item item;
            while ((item = r.next()) != null) {
                assertEquals(expected++, item.row().ordinal());
                assertEquals("t" + item.row().ordinal(), item.row().get("TagName"));
                assertTrue(item.bytes() > 0);
                threads.add((String) item.row().prepared());
            }
            assertEquals(5001, expected);
            assertNull(r.next(), "stays at the end");
        }
        assertFalse(threads.contains(Thread.currentThread().getName()), "prepared on another thread");
    }

    @Test
    void aCutOffFileFailsAfterTheRowsBeforeTheCut(@TempDir Path dir) throws Exception {
        tags(dir, 300, true);
        try (ReadAhead r = new ReadAhead(DumpReader.open(dir, DumpFile.TAGS), row -> row, Thread::new, 10)) {
            int read = 0;
            DumpFormatException e = null;
            try {
                while (r.next() != null) {
                    read++;
                }
            } catch (DumpFormatException cut) {
                e = cut;
            }
            assertEquals(300, read);
            assertTrue(e != null && e.getMessage().contains("Tags.xml"), String.valueOf(e));
        }
    }

    @Test
    void closingHalfWayStopsTheReadingThread(@TempDir Path dir) throws Exception {
        tags(dir, 5000, false);
        List<Thread> started = new ArrayList<>();
        ReadAhead r = new ReadAhead(
                DumpReader.open(dir, DumpFile.TAGS),
                row -> row,
                task -> {
                    Thread t = new Thread(task);
                    started.add(t);
                    return t;
                },
                10);
        assertEquals(1, r.next().row().ordinal());
        r.close();
        started.get(0).join(5000);
        assertFalse(started.get(0).isAlive(), "blocked on a full queue, it stops when closed");
    }
}
