package org.parley.accesslog;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.ObjectName;
import org.parley.common.ClusterNode;

/**
 * The node's access log. {@link #record} only offers the row to a bounded queue (a full queue drops it and counts the
 * drop: a request never waits for its log); every second a timer appends what waits to the node's {@link
 * LocalAccessStore} in one transaction. Every {@code parley.accesslog.ship-seconds} (60) a timer asks {@link ShipRule}
 * whether the node is quiet and, if so, copies the local rows in batches of {@code parley.accesslog.batch} (5,000)
 * into the main database ({@link AccessLogShipper}) and deletes each batch locally only after its transaction
 * committed. A node that cannot reach the main database keeps logging locally and ships on a later tick. At 00:15 UTC
 * a timer rolls up the day before ({@link AccessRollup}) and deletes shipped rows past their keeping time.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AccessLog {

    /** Requests held in memory between two local writes. */
    static final int QUEUE = 20_000;
    /** Batches one quiet tick ships at most, so a long backlog is worked off over several ticks. */
    static final int BATCHES_PER_TICK = 20;

    private static final Logger log = Logger.getLogger(AccessLog.class.getName());

    private final BlockingQueue<AccessRecord> queue = new ArrayBlockingQueue<>(QUEUE);
    private final LongAdder dropped = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final ReentrantLock writing = new ReentrantLock();
    private final ReentrantLock shipping = new ReentrantLock();

    private final ShipRule rule = ShipRule.fromSystemProperties();
    private final int batch = Integer.getInteger("parley.accesslog.batch", 5000);
    private final Path folder = folder();

    private volatile LocalAccessStore store;
    private volatile Instant lastShipped;
    private volatile String lastShipFailure;
    private long receivedAtLastTick;
    private long lastTickNanos = System.nanoTime();

    @Resource
    private TimerService timers;

    @EJB
    private AccessLogShipper shipper;

    @EJB
    private AccessRollup rollup;

    @PostConstruct
    void start() {
        long millis = Long.getLong("parley.accesslog.ship-seconds", 60) * 1000;
        timers.createIntervalTimer(millis, millis, new TimerConfig("access-log-ship", false));
    }

    @PreDestroy
    void stop() {
        write();
        LocalAccessStore open = store;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                log.log(Level.WARNING, "Could not close the local access log", e);
            }
        }
    }

    /**
     * Notes one request; never blocks and never throws. Called for every request through the bean's proxy, so it
     * takes part in no transaction: the container's default (one begun and committed around each call) would cost
     * more than the offer itself.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void record(AccessRecord record) {
        received.increment();
        if (!queue.offer(record)) {
            dropped.increment();
        }
    }

    /** Appends what waits in memory to the local file; the timer calls it every second. */
    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    public void write() {
        if (!writing.tryLock()) {
            return;
        }
        try {
            List<AccessRecord> records = new ArrayList<>();
            while (queue.drainTo(records, batch) > 0) {
                LocalAccessStore local = store();
                if (local == null) {
                    dropped.add(records.size());
                    return;
                }
                try {
                    local.append(records);
                } catch (SQLException e) {
                    dropped.add(records.size());
                    log.log(Level.WARNING, "Could not write {0} requests to the local access log: {1}", new Object[] {
                        records.size(), e.toString()
                    });
                    return;
                }
                records.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    @Timeout
    void tick() {
        double rate = requestRate();
        double cpu = processCpuLoad();
        long backlog = backlog();
        if (rule.ship(backlog, rate, cpu)) {
            ship(BATCHES_PER_TICK);
        }
    }

    /**
     * Writes what waits in memory and ships the whole local backlog now, whatever the load (tests, and "Roll up now");
     * returns how many rows the main database got.
     */
    public int shipNow() {
        write();
        return ship(Integer.MAX_VALUE);
    }

    private int ship(int batches) {
        LocalAccessStore local = store();
        if (local == null) {
            return 0;
        }
        shipping.lock();
        try {
            int shipped = 0;
            for (int i = 0; i < batches; i++) {
                List<LocalAccessStore.Row> rows = local.oldest(batch);
                if (rows.isEmpty()) {
                    break;
                }
                shipped += shipper.ship(local.id(), ClusterNode.name(), rows);
                // Only now that the main database has committed: a crash before this line ships the batch again,
                // and the shipper skips what it already has.
                local.deleteUpTo(rows.get(rows.size() - 1).seq());
                lastShipped = Instant.now();
                lastShipFailure = null;
            }
            return shipped;
        } catch (SQLException | RuntimeException e) {
            lastShipFailure = e.toString();
            log.log(Level.WARNING, "Could not ship the access log; kept locally for the next try: {0}", e.toString());
            return 0;
        } finally {
            shipping.unlock();
        }
    }

    /**
     * Rolls up yesterday (UTC) into hourly and daily statistics, then deletes the shipped requests older than {@code
     * parley.accesslog.keep-days} (14) days; the statistics stay. Every server runs it: the rollup replaces itself, so
     * the last one counts what had been shipped by then.
     */
    @Schedule(hour = "0", minute = "15", persistent = false)
    void nightly() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        rollup.rollUp(today.minusDays(1));
        rollup.purgeBefore(today.minusDays(Long.getLong("parley.accesslog.keep-days", 14)));
    }

    /** Rows waiting in the local file (0 when it cannot be opened). */
    public long backlog() {
        LocalAccessStore local = store();
        try {
            return local == null ? 0 : local.count();
        } catch (SQLException e) {
            return 0;
        }
    }

    /** Requests not logged since start because the queue was full or the local file failed. */
    public long dropped() {
        return dropped.sum();
    }

    /** Requests waiting in memory for the next local write. */
    public int queued() {
        return queue.size();
    }

    /** When a batch last reached the main database, or null. */
    public Instant lastShipped() {
        return lastShipped;
    }

    /** Why the last ship failed, or null when it did not. */
    public String lastShipFailure() {
        return lastShipFailure;
    }

    private synchronized double requestRate() {
        long now = System.nanoTime();
        long total = received.sum();
        double seconds = Math.max(1e-3, (now - lastTickNanos) / 1e9);
        double rate = (total - receivedAtLastTick) / seconds;
        receivedAtLastTick = total;
        lastTickNanos = now;
        return rate;
    }

    /** The JVM's recent CPU load (0..1), read through JMX so no JDK-internal API is compiled against; -1 if unknown. */
    private static double processCpuLoad() {
        try {
            Object load = ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuLoad");
            return load instanceof Number n ? n.doubleValue() : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private LocalAccessStore store() {
        LocalAccessStore open = store;
        if (open == null) {
            synchronized (this) {
                if (store == null) {
                    try {
                        store = LocalAccessStore.open(folder);
                    } catch (SQLException e) {
                        log.log(Level.WARNING, "Cannot open the local access log in {0}: {1}", new Object[] {
                            folder, e.toString()
                        });
                    }
                }
                open = store;
            }
        }
        return open;
    }

    private static Path folder() {
        String configured = System.getProperty("parley.accesslog.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        String data = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
        return Path.of(data, "parley", "access-log");
    }
}
