package org.parley.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.testing.H2Services;

/**
 * Shipping local rows into {@code access_log} (idempotent) and rolling them up, on Hibernate and H2; {@link
 * AccessShippingPostgresTest} runs the same on PostgreSQL.
 */
class AccessShippingH2Test {

    static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    static final long NOON = DAY.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli();

    @TempDir
    Path folder;

    H2Services h2;
    AccessLogShipper shipper;
    AccessRollup rollup;

    /** The services on the database under test: a private in-memory H2 here. */
    H2Services newServices() throws Exception {
        return new H2Services();
    }

    @BeforeEach
    void services() throws Exception {
        h2 = newServices();
        shipper = h2.bean(AccessLogShipper.class);
        rollup = h2.bean(AccessRollup.class);
    }

    @AfterEach
    void close() {
        h2.close();
    }

    static AccessRecord request(long time, String route, int status, long micros, boolean page, boolean loggedIn) {
        return new AccessRecord(time, "localhost", route, "GET", status, 100, micros, 0, 0, 0, 0, loggedIn, page);
    }

    long rows() {
        try (EntityManager em = h2.direct()) {
            return em.createQuery("select count(e) from AccessLogEntry e", Long.class)
                    .getSingleResult();
        }
    }

    @Test
    void aBatchShippedAgainAfterALostLocalDeleteAddsNothing() throws Exception {
        try (LocalAccessStore store = LocalAccessStore.open(folder)) {
            List<AccessRecord> records = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                records.add(request(NOON + i, "/questions/view", 200, 1000, true, false));
            }
            store.append(records);
            List<LocalAccessStore.Row> batch = store.oldest(1000);
            assertEquals(1000, h2.tx(() -> shipper.ship(store.id(), "node-a", batch)));
            // The node died before deleting the batch locally: the next tick ships it again, with what came after.
            List<LocalAccessStore.Row> again = store.oldest(5000);
            assertEquals(200, h2.tx(() -> shipper.ship(store.id(), "node-a", again)));
            assertEquals(1200, rows());
            store.deleteUpTo(store.oldest(5000).get(1199).seq());
            assertEquals(0, store.count());
            List<LocalAccessStore.Row> none = store.oldest(5000);
            assertEquals(0, h2.tx(() -> shipper.ship(store.id(), "node-a", none)));
        }
    }

    @Test
    void anotherStoresRowsWithTheSameSequenceNumbersAreKept() throws Exception {
        try (LocalAccessStore a = LocalAccessStore.open(folder.resolve("a"));
                LocalAccessStore b = LocalAccessStore.open(folder.resolve("b"))) {
            a.append(List.of(request(NOON, "/index", 200, 10, true, false)));
            b.append(List.of(request(NOON, "/index", 200, 10, true, false)));
            List<LocalAccessStore.Row> fromA = a.oldest(10);
            List<LocalAccessStore.Row> fromB = b.oldest(10);
            h2.tx(() -> shipper.ship(a.id(), "node-a", fromA));
            h2.tx(() -> shipper.ship(b.id(), "node-b", fromB));
            assertEquals(2, rows());
        }
    }

    @Test
    void theRollupCountsHoursAndTheDayAndReplacesItself() throws Exception {
        try (LocalAccessStore store = LocalAccessStore.open(folder)) {
            List<AccessRecord> records = new ArrayList<>();
            for (int i = 1; i <= 100; i++) { // 12:00-12:59, 1..100 ms, every 10th a 500, every 4th logged in
                records.add(request(
                        NOON + i * 1000, "/questions/view", i % 10 == 0 ? 500 : 200, i * 1000L, true, i % 4 == 0));
            }
            records.add(request(NOON + 3_600_000, "/questions/view", 200, 5000, false, false)); // 13:00, ajax
            records.add(request(NOON - 13 * 3_600_000L, "/index", 200, 1, true, false)); // the day before
            store.append(records);
            List<LocalAccessStore.Row> all = store.oldest(5000);
            h2.tx(() -> shipper.ship(store.id(), "node-a", all));
        }
        assertEquals(3, h2.tx(() -> rollup.rollUp(DAY)), "two hours and the day of one route");
        assertEquals(3, h2.tx(() -> rollup.rollUp(DAY)), "a second rollup replaces the first");
        try (EntityManager em = h2.direct()) {
            Map<String, AccessStatistic> stats =
                    em.createQuery("select s from AccessStatistic s", AccessStatistic.class).getResultList().stream()
                            .collect(Collectors.toMap(s -> s.getSpan() + " " + s.getStart(), s -> s));
            assertEquals(3, stats.size());
            AccessStatistic noon = stats.get("HOUR " + Instant.ofEpochMilli(NOON));
            assertEquals("/questions/view", noon.getRoute());
            assertEquals(100, noon.getRequests());
            assertEquals(100, noon.getPageLoads());
            assertEquals(10, noon.getErrors());
            assertEquals(25, noon.getLoggedIn());
            assertEquals(10_000, noon.getBytes());
            assertEquals(50_000, noon.getP50Micros());
            assertEquals(95_000, noon.getP95Micros());
            assertEquals(99_000, noon.getP99Micros());
            AccessStatistic day =
                    stats.get("DAY " + DAY.atStartOfDay(ZoneOffset.UTC).toInstant());
            assertEquals(101, day.getRequests());
            assertEquals(100, day.getPageLoads(), "the ajax request is no page load");
            assertEquals(
                    1,
                    stats.get("HOUR " + Instant.ofEpochMilli(NOON + 3_600_000)).getRequests());
        }
        assertEquals(1, h2.tx(() -> rollup.purgeBefore(DAY)), "the day before's request goes");
        assertEquals(101, rows());
        assertEquals(3, h2.tx(() -> rollup.rollUp(DAY)), "the day's own rows stay");
    }
}
