package org.parley.accesslog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The process {@link LocalAccessStoreTest} kills: appends rows 10 at a time, for ever, and prints the number
 * appended after each append returned.
 */
public final class LocalStoreWriter {

    private LocalStoreWriter() {}

    public static void main(String[] args) throws Exception {
        LocalAccessStore store = LocalAccessStore.open(Path.of(args[0]));
        for (int i = 0; ; ) {
            List<AccessRecord> batch = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                batch.add(LocalAccessStoreTest.record(i++));
            }
            store.append(batch);
            System.out.println("acked " + i);
        }
    }
}
