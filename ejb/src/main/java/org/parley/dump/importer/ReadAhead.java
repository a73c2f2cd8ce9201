package org.parley.dump.importer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.UnaryOperator;
import org.parley.dump.DumpReader;
import org.parley.dump.DumpRow;

/**
 * Reads a dump file on a thread of its own, up to {@code capacity} rows ahead of the step, and does each row's
 * database-free work there ({@link RowImporter#prepare}: parsing is a sixth of an import's time, sanitising a post's
 * body a fifth of the posts step's), so that on a second core it overlaps the step's writes. Rows come out in file
 * order; a malformed file's {@code DumpFormatException} comes out where the file breaks, after the rows before it.
 */
final class ReadAhead implements AutoCloseable {

    /** A row and how many bytes of the file were read when it was parsed. */
    record Item(DumpRow row, long bytes) {}

    private record Failure(RuntimeException error) {}

    private static final Object END = new Object();

    private final DumpReader reader;
    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile boolean closed;
    private boolean ended;

    ReadAhead(DumpReader reader, UnaryOperator<DumpRow> prepare, ThreadFactory threads, int capacity) {
        this.reader = reader;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = threads.newThread(() -> run(prepare));
        thread.setName("dump read-ahead " + reader.kind().fileName());
        thread.setDaemon(true);
        thread.start();
    }

    private void run(UnaryOperator<DumpRow> prepare) {
        try {
            DumpRow row;
            while (!closed && (row = reader.next()) != null) {
                queue.put(new Item(prepare.apply(row), reader.bytesRead()));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed: nobody waits for more
        } catch (RuntimeException e) {
            if (!closed) {
                try {
                    queue.put(new Failure(e));
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The next row, or null after the last; rethrows what the reading thread met, in its place. */
    Item next() throws InterruptedException {
        if (ended) {
            return null;
        }
        Object o = queue.take();
        if (o == END) {
            ended = true;
            return null;
        }
        if (o instanceof Failure f) {
            ended = true;
            throw f.error();
        }
        return (Item) o;
    }

    /** Stops the reading thread and closes the file. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
