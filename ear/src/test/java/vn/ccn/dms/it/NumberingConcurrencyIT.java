package vn.ccn.dms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Decree 30/2020 numbering under load: 200 outgoing documents numbered by 32 concurrent clients get exactly
 * 01..200 of a fresh register, no gap, no repeat; the database agrees. And numbers queued beyond the size of
 * the connection pool all complete: a request holding the register's counter row must never wait for a
 * connection held by a request queued behind it.
 */
@ExtendWith(ArquillianExtension.class)
class NumberingConcurrencyIT {

    private static final int DOCUMENTS = 200;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void fixtures() {
        Fixtures.load();
    }

    @Test
    void twoHundredConcurrentNumbersAreExactlyOneToTwoHundred() throws Exception {
        long register = register("TB-CONC", "Sổ thông báo (kiểm thử đồng thời)");
        List<Long> drafts = drafts(register, DOCUMENTS, "Thông báo số ");

        Api clerk = Fixtures.user("clerk.stc");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<String>> numbers = new ArrayList<>();
        try {
            for (long id : drafts) {
                numbers.add(pool.submit(() -> {
                    var answer = clerk.postJson("api/v1/documents/" + id + "/number", Json.createObjectBuilder().build());
                    assertEquals(200, answer.status(), answer::toString);
                    return answer.json().getString("numberSymbol");
                }));
            }
            TreeSet<Integer> issued = new TreeSet<>();
            for (Future<String> f : numbers) {
                String numberSymbol = f.get();
                assertTrue(numberSymbol.endsWith("/TB-STC"), numberSymbol);
                assertTrue(issued.add(Integer.parseInt(numberSymbol.substring(0, numberSymbol.indexOf('/')))),
                        "repeated " + numberSymbol);
            }
            assertEquals(IntStream.rangeClosed(1, DOCUMENTS).boxed().collect(Collectors.toCollection(TreeSet::new)), issued);
            assertTrue(numbers.get(0).get().length() >= 2 && numbers.stream().anyMatch(n -> {
                try {
                    return n.get().startsWith("01/");
                } catch (Exception e) {
                    return false;
                }
            }), "numbers below 10 carry a leading zero");
        } finally {
            pool.shutdownNow();
        }
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        assertEquals(DOCUMENTS, Database.count("select last_number from register_counter where register_id = " + register
                + " and year = " + year));
        assertEquals(DOCUMENTS, Database.count("select count(distinct number) from document where register_id = " + register));
    }

    /**
     * Reference data comes from the shared cache also while numbering, after its cache entry has expired once. A
     * number locks the document first, and EclipseLink by default keeps out of the shared cache what a transaction
     * reads after that: the foundation benchmark saw the register read from PostgreSQL on every number
     * ({@code ReferenceDataCache}). Entries expire after {@code dms.cache.reference-seconds} (15 s in the test domain,
     * ear/pom.xml), so the test waits that long and a second more before it numbers; the ten numbers then take well
     * under 15 s, so the entry read again by the first number is still there for the last.
     */
    @Test
    void numbersReadAnExpiredRegisterOnceAndThenFromTheCache() throws Exception {
        long register = register("TB-CACHE", "Sổ thông báo (kiểm thử bộ nhớ đệm)");
        List<Long> drafts = drafts(register, 10, "Thông báo bộ nhớ đệm ");
        Database.execute("create extension if not exists pg_stat_statements");
        long expirySeconds = Long.parseLong(System.getenv().getOrDefault("DMS_CACHE_REFERENCE_SECONDS", "60"));
        Thread.sleep((expirySeconds + 1) * 1000);
        Database.execute("select pg_stat_statements_reset()");
        Api clerk = Fixtures.user("clerk.stc");
        for (long id : drafts) {
            var answer = clerk.postJson("api/v1/documents/" + id + "/number", Json.createObjectBuilder().build());
            assertEquals(200, answer.status(), answer::toString);
        }
        long registerReads = Database.count("select coalesce(sum(calls), 0) from pg_stat_statements"
                + " where query ilike 'select % from register where (id = $1)%'");
        // Exactly once: the expired entry is read again by the first number (so the expiry is in force), and only then.
        assertEquals(1, registerReads, "10 numbers read the register " + registerReads + " times from PostgreSQL");
    }

    /**
     * With Payara's HTTP pool at its production size (64, set in the test domain by ear/pom.xml) more number
     * requests run at once than the database pool has connections (40). The counter row is held from outside while
     * 100 requests queue, so every connection ends up held by a request waiting for that row and the rest wait for a
     * connection; then it is released and all 100 must complete, numbered 1..100. The requests first wait in the
     * node's queue ({@code CounterQueue}); since the row is held from outside, their turns run out after
     * {@code dms.numbering.queue-wait-ms} (2 s) and they go to the row, as a request from another node would. (The deadlock the foundation
     * benchmark found in this situation needed, in addition, a background worker refilling EclipseLink's id block
     * at that moment; this test does not force that timing and passed before the fix too: see docs/benchmarks.md
     * for how it was found and fixed.)
     */
    @Test
    void numbersQueuedBeyondTheConnectionPoolAllComplete() throws Exception {
        long register = register("TB-POOL", "Sổ thông báo (kiểm thử hết kết nối)");
        List<Long> drafts = drafts(register, 100, "Thông báo xếp hàng ");
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        Database.execute("insert into register_counter (register_id, year, last_number) values (" + register + ", " + year
                + ", 0)");
        Api clerk = Fixtures.user("clerk.stc");
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try (java.sql.Connection holder = Database.connect()) {
            holder.setAutoCommit(false);
            try (var st = holder.createStatement()) {
                st.execute("select last_number from register_counter where register_id = " + register + " and year = "
                        + year + " for update");
            }
            List<Future<Integer>> answers = new ArrayList<>();
            for (long id : drafts) {
                answers.add(pool.submit(() -> clerk.postJson("api/v1/documents/" + id + "/number",
                        Json.createObjectBuilder().build()).status()));
            }
            // Wait until the queue holds (nearly) every connection of the pool (40; the background workers may
            // hold a few) on the counter row; the 60 requests beyond them then wait for a connection.
            java.time.Instant until = java.time.Instant.now().plusSeconds(60);
            while (Database.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query like 'insert into register_counter%'") < 35) {
                assertTrue(java.time.Instant.now().isBefore(until), "the requests did not queue on the counter row");
                Thread.sleep(200);
            }
            Thread.sleep(1000);
            holder.rollback();
            for (Future<Integer> answer : answers) {
                // Far below the pool's 60 s wait: a deadlock shows as a timeout here, not as a slow pass.
                assertEquals(200, answer.get(45, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(100, Database.count("select count(distinct number) from document where register_id = " + register));
        assertEquals(100, Database.count("select last_number from register_counter where register_id = " + register
                + " and year = " + year));
    }

    /**
     * Concurrent requests for one register wait in this node's queue ({@code CounterQueue}), not as PostgreSQL
     * backends on the counter row: a hundred backends queueing on one row cost PostgreSQL about 1 ms of CPU per
     * hand-over in the foundation benchmark. While 32 clients take 150 numbers, a sampler counts the backends
     * waiting on the counter's upsert; one at a time is allowed (the next in turn waits on the row while the holder
     * commits). Without the queue the same run shows up to 32.
     */
    @Test
    void concurrentNumbersWaitInTheNodesQueueNotOnTheCounterRow() throws Exception {
        long register = register("TB-QUEUE", "Sổ thông báo (kiểm thử hàng đợi)");
        List<Long> drafts = drafts(register, 150, "Thông báo hàng đợi ");
        Api clerk = Fixtures.user("clerk.stc");
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong mostWaiting = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong samples = new java.util.concurrent.atomic.AtomicLong();
        Thread sampler = new Thread(() -> {
            try (java.sql.Connection c = Database.connect(); var ps = c.prepareStatement("select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and query like 'insert into register_counter%'")) {
                while (running.get()) {
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        mostWaiting.accumulateAndGet(rs.getLong(1), Math::max);
                        samples.incrementAndGet();
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            sampler.start();
            List<Future<Integer>> answers = new ArrayList<>();
            for (long id : drafts) {
                answers.add(pool.submit(() -> clerk.postJson("api/v1/documents/" + id + "/number",
                        Json.createObjectBuilder().build()).status()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            running.set(false);
            sampler.join(10_000);
            pool.shutdownNow();
        }
        assertTrue(samples.get() >= 20, "the sampler looked only " + samples.get() + " times");
        assertTrue(mostWaiting.get() <= 1, "up to " + mostWaiting.get() + " backends waited on the counter row at once");
        assertEquals(150, Database.count("select count(distinct number) from document where register_id = " + register));
    }

    private static long register(String code, String name) {
        var created = Fixtures.admin().postJson("api/v1/registers", Json.createObjectBuilder()
                .add("agencyCode", Fixtures.STC).add("direction", "OUTGOING").add("code", code).add("name", name).build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private static List<Long> drafts(long register, int count, String summary) {
        Api specialist = Fixtures.user("specialist.stc");
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var draft = specialist.postJson("api/v1/documents/outgoing", Json.createObjectBuilder().add("typeCode", "TB")
                    .add("summary", summary + i).add("registerId", register).build());
            assertEquals(201, draft.status(), draft::toString);
            drafts.add(draft.json().getJsonNumber("id").longValue());
        }
        return drafts;
    }
}
