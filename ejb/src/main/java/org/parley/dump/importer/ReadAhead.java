package org.parley.dump.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.UnaryOperator;
import org.parley.dump.DumpReader;
import org.parley.dump.DumpRow;

/**
 * Reads a dump file on a thread of its own, up to {@code capacity} rows ahead of the step, and does each row's
 * database-free work ({@link RowImporter#prepare}) off the step's thread, so that it overlaps the step's writes.
 * Without preparing threads the reading thread prepares each row itself; with them (Posts.xml, whose bodies are
 * sanitised: more than half of the reading thread's time in the posts step) it only parses, and hands the rows in
 * blocks of {@link #BLOCK} to the preparing threads, which work on different blocks at once. Either way rows come out
 * in file order, at most about {@code capacity} of them read ahead; a malformed file's {@code DumpFormatException}
 * comes out where the file breaks, after the rows before it, and what {@code prepare} throws comes out in its row's
 * place.
 */
final class ReadAhead implements AutoCloseable {

    /** A row and how many bytes of the file were read when it was parsed. */
    record Item(DumpRow row, long bytes) {}

    /** Rows handed to a preparing thread at a time: few enough to keep the threads busy, enough to cost little. */
    static final int BLOCK = 64;

    /**
     * How many threads prepare the rows of a file that needs it: {@code parley.import.preparers} (a system property;
     * 0 prepares on the reading thread), by default one per processor, at most four.
     */
    static int preparers() {
        return Integer.getInteger(
                "parley.import.preparers", Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    private record Failure(RuntimeException error) {}

    /** Rows parsed together, prepared by one preparing thread (or already by the reading thread). */
    private static final class Block {
        final DumpRow[] rows = new DumpRow[BLOCK];
        final long[] bytes = new long[BLOCK];
        int size;
        /** What {@code prepare} threw, in the place of the row it threw for. */
        Throwable failure;

        int failedAt = -1;
        final CountDownLatch prepared = new CountDownLatch(1);
    }

    private static final Object END = new Object();

    private final DumpReader reader;
    private final UnaryOperator<DumpRow> prepare;
    /** Blocks in file order, then END or a Failure: what {@link #next} hands out. */
    private final BlockingQueue<Object> out;
    /** Blocks for the preparing threads, in the order they were read. */
    private final BlockingQueue<Block> work = new LinkedBlockingQueue<>();

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;
    private boolean ended;
    private Block current;
    private int index;

    ReadAhead(DumpReader reader, UnaryOperator<DumpRow> prepare, ThreadFactory threads, int capacity) {
        this(reader, prepare, threads, capacity, 0);
    }

    /** Reads {@code reader} ahead, {@code preparers} threads preparing its rows (none: the reading thread does). */
    ReadAhead(DumpReader reader, UnaryOperator<DumpRow> prepare, ThreadFactory factory, int capacity, int preparers) {
        this.reader = reader;
        this.prepare = prepare;
        this.out = new ArrayBlockingQueue<>(Math.max(1, capacity / BLOCK));
        boolean inline = preparers <= 0;
        start(factory, "dump read-ahead " + reader.kind().fileName(), () -> read(inline));
        for (int i = 1; i <= preparers; i++) {
            start(factory, "dump prepare " + i + " " + reader.kind().fileName(), this::prepareBlocks);
        }
    }

    private void start(ThreadFactory factory, String name, Runnable task) {
        Thread t = factory.newThread(task);
        t.setName(name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void read(boolean inline) {
        Block block = new Block();
        try {
            DumpRow row;
            while (!closed && (row = reader.next()) != null) {
                block.rows[block.size] = row;
                block.bytes[block.size++] = reader.bytesRead();
                if (block.size == BLOCK) {
                    hand(block, inline);
                    block = new Block();
                }
            }
            if (block.size > 0) {
                hand(block, inline);
            }
            out.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed: nobody waits for more
        } catch (RuntimeException e) {
            if (!closed) {
                try {
                    if (block.size > 0) {
                        hand(block, inline); // the rows before the problem first
                    }
                    out.put(new Failure(e));
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Queues {@code block} for {@link #next}, and has it prepared here ({@code inline}) or by a preparing thread. */
    private void hand(Block block, boolean inline) throws InterruptedException {
        out.put(block); // blocks while the step is capacity rows behind
        if (inline) {
            prepare(block);
        } else {
            work.put(block);
        }
    }

    private void prepareBlocks() {
        try {
            while (!closed) {
                prepare(work.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed
        }
    }

    private void prepare(Block block) {
        try {
            for (int i = 0; i < block.size; i++) {
                block.failedAt = i;
                block.rows[i] = prepare.apply(block.rows[i]);
            }
            block.failedAt = -1;
        } catch (RuntimeException | Error e) {
            block.failure = e;
        } finally {
            block.prepared.countDown(); // publishes the rows and any failure to the step's thread
        }
    }

    /** The next row, or null after the last; rethrows what the reading or a preparing thread met, in its place. */
    Item next() throws InterruptedException {
        if (ended) {
            return null;
        }
        if (current == null || index == current.size) {
            Object o = out.take();
            if (o == END) {
                ended = true;
                return null;
            }
            if (o instanceof Failure f) {
                ended = true;
                throw f.error();
            }
            current = (Block) o;
            index = 0;
            current.prepared.await();
        }
        if (index == current.failedAt && current.failure != null) {
            ended = true;
            if (current.failure instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) current.failure;
        }
        int i = index++;
        return new Item(current.rows[i], current.bytes[i]);
    }

    /** Stops the reading and preparing threads and closes the file. */
    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            t.interrupt();
        }
        try {
            for (Thread t : threads) {
                t.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
