package org.parley.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAccessStoreTest {

    @TempDir
    Path folder;

    static AccessRecord record(int i) {
        return new AccessRecord(
                1_700_000_000_000L + i,
                "localhost",
                "/questions/view",
                "GET",
                200,
                1000 + i,
                500 + i,
                1,
                2,
                3,
                4,
                i % 2 == 0,
                true);
    }

    @Test
    void appendsReadsInOrderAndDeletesUpToASequence() throws Exception {
        try (LocalAccessStore store = LocalAccessStore.open(folder)) {
            store.append(List.of(record(1), record(2), record(3)));
            store.append(List.of(record(4)));
            List<LocalAccessStore.Row> rows = store.oldest(3);
            assertEquals(3, rows.size());
            assertEquals(record(1), rows.get(0).record());
            assertTrue(rows.get(0).seq() < rows.get(1).seq()
                    && rows.get(1).seq() < rows.get(2).seq());
            assertEquals(3, store.deleteUpTo(rows.get(2).seq()));
            assertEquals(1, store.count());
            assertEquals(record(4), store.oldest(10).get(0).record());
        }
    }

    @Test
    void keepsItsIdAndGoesOnCountingAfterItIsEmptiedAndReopened() throws Exception {
        String id;
        long last;
        try (LocalAccessStore store = LocalAccessStore.open(folder)) {
            id = store.id();
            store.append(List.of(record(1), record(2)));
            last = store.oldest(10).get(1).seq();
            store.deleteUpTo(last);
        }
        try (LocalAccessStore store = LocalAccessStore.open(folder)) {
            assertEquals(id, store.id());
            store.append(List.of(record(3)));
            assertTrue(store.oldest(1).get(0).seq() > last, "a sequence number is never given twice");
        }
        try (LocalAccessStore other = LocalAccessStore.open(folder.resolve("other"))) {
            assertTrue(!other.id().equals(id), "a new file has a new id");
        }
    }

    /**
     * A real process appends in small transactions and prints each acknowledged count; it is killed (SIGKILL) in the
     * middle, and the reopened file has every row it acknowledged.
     */
    @Test
    void everyAcknowledgedRowSurvivesAKilledProcess() throws Exception {
        Process writer = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalStoreWriter.class.getName(),
                        folder.toString())
                .redirectErrorStream(true)
                .start();
        int acknowledged = 0;
        List<String> output = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < 2000 && (line = out.readLine()) != null) {
                output.add(line);
                if (line.startsWith("acked ")) {
                    acknowledged = Integer.parseInt(line.substring(6));
                }
            }
            writer.destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(acknowledged >= 2000, () -> "the writer acknowledged too little: " + output);
        try (LocalAccessStore store = LocalAccessStore.open(folder)) {
            List<LocalAccessStore.Row> rows = store.oldest(Integer.MAX_VALUE);
            assertTrue(rows.size() >= acknowledged, rows.size() + " rows of " + acknowledged + " acknowledged");
            for (int i = 0; i < acknowledged; i++) {
                assertEquals(record(i), rows.get(i).record(), "row " + i);
            }
        }
    }
}
