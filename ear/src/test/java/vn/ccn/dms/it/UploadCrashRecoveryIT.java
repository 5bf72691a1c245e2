package vn.ccn.dms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kills the server with SIGKILL in the middle of concurrent uploads, starts it again, and checks that every
 * upload the server acknowledged (201) is there with the same SHA-256, that no row points at missing or
 * different bytes, and that arrival numbers still have no gap (a killed transaction gives its number back).
 */
@ExtendWith(ArquillianExtension.class)
class UploadCrashRecoveryIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void fixtures() {
        Fixtures.load();
    }

    @Test
    void acknowledgedUploadsSurviveKillDashNine() throws Exception {
        Api clerk = Fixtures.user("clerk.xa");
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
        TestFiles.pdf("warm up", 1000); // PDFBox's font classes initialise once, before the threads race for them
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    byte[] pdf = TestFiles.pdf("crash test " + thread + "-" + i + " " + System.nanoTime(), 100_000);
                    try {
                        var answer = clerk.postMultipart("api/v1/documents/incoming",
                                DocumentApiIT.incoming(thread + "-" + i + "/CRASH", "Cơ quan thử nghiệm",
                                        "Tải lên khi máy chủ bị dừng đột ngột").build(),
                                List.of(new Api.FilePart("tep-" + thread + "-" + i + ".pdf", "application/pdf", pdf)));
                        if (answer.status() == 201) {
                            acknowledged.put(answer.json().getJsonNumber("id").longValue(), TestFiles.sha256(pdf));
                        } else {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, answer.toString());
                        }
                    } catch (RuntimeException | Error e) {
                        failures.incrementAndGet(); // the connection dies with the server
                        firstFailure.compareAndSet(null, e.toString());
                    }
                }
            });
        }
        Instant until = Instant.now().plusSeconds(60);
        while (acknowledged.size() < 40 && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertTrue(acknowledged.size() >= 40, "uploads were flowing before the kill: " + acknowledged.size() + ", first failure: " + firstFailure.get());
        PayaraProcess.killHard();
        Thread.sleep(500);
        running.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));
        assertTrue(failures.get() > 0, "some uploads were cut by the kill");

        PayaraProcess.start();
        PayaraProcess.awaitApplication(Duration.ofMinutes(3));

        for (var entry : acknowledged.entrySet()) {
            var doc = clerk.get("api/v1/documents/" + entry.getKey());
            assertEquals(200, doc.status(), doc::toString);
            JsonObject file = doc.json().getJsonArray("versions").getJsonObject(0).getJsonArray("files").getJsonObject(0);
            assertEquals(entry.getValue(), file.getString("sha256"));
            var bytes = clerk.get("api/v1/documents/" + entry.getKey() + "/files/" + file.getJsonNumber("id").longValue()
                    + "/content");
            assertEquals(entry.getValue(), TestFiles.sha256(bytes.body()), "downloaded bytes match the acknowledged upload");
        }

        Path store = Path.of(System.getenv("DMS_CONTENT_ROOT"), "sha256");
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        try (Connection c = Database.connect()) {
            try (ResultSet rs = c.createStatement().executeQuery("select content_key, sha256, size_bytes from content_blob")) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    Path blob = store.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
                    assertTrue(Files.exists(blob), "a committed row points at bytes that exist: " + key);
                    assertEquals(rs.getLong(3), Files.size(blob));
                    assertEquals(rs.getString(2), sha256(blob), "stored bytes are whole");
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("select count(*), coalesce(max(arrival_number), 0)"
                    + " from document d join register r on r.id = d.register_id join agency a on a.id = r.agency_id"
                    + " where a.code = '" + Fixtures.COMMUNE + "' and d.direction = 'INCOMING' and d.arrival_year = " + year)) {
                rs.next();
                assertEquals(rs.getLong(1), rs.getLong(2), "arrival numbers have no gap after the crash");
            }
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from document d where d.direction = 'INCOMING'"
                    + " and d.number_symbol like '%/CRASH' and not exists (select 1 from document_version v where v.document_id = d.id)")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no document without its file version");
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
