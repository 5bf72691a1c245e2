package vn.ccn.dms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health, the OpenAPI document, and the sweeping of blobs that no committed row references. */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void fixtures() {
        Fixtures.load();
    }

    @Test
    void readinessChecksTheDatabase() {
        Api.Answer ready = Api.anonymous().get("health/ready");
        assertEquals(200, ready.status(), ready::toString);
        JsonObject health = ready.json();
        assertEquals("UP", health.getString("status"));
        assertTrue(health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .anyMatch(c -> c.getString("name").equals("database") && c.getString("status").equals("UP")), health::toString);
    }

    @Test
    void openApiDescribesTheApi() {
        Api.Answer openapi = Api.anonymous().get("openapi");
        assertEquals(200, openapi.status(), openapi::toString);
        String yaml = openapi.text();
        assertTrue(yaml.contains("/api/v1/documents/incoming") || yaml.contains("/documents/incoming"), yaml);
        assertTrue(yaml.contains("/registers/{id}/print"), yaml);
    }

    @Test
    void sweeperRemovesOldOrphansAndKeepsReferencedBlobs() throws Exception {
        Api clerk = Fixtures.user("clerk.sct");
        byte[] kept = TestFiles.pdf("blob that a document references", 5_000);
        var created = clerk.postMultipart("api/v1/documents/incoming",
                DocumentApiIT.incoming("5/SWEEP", "Cơ quan thử", "Tệp được tham chiếu").build(),
                List.of(new Api.FilePart("kept.pdf", "application/pdf", kept)));
        assertEquals(201, created.status(), created::toString);

        // A refused upload leaves its bytes behind (written before the refusal): an orphan.
        byte[] refusedBytes = "plain text that is fine but whose metadata is refused".getBytes(StandardCharsets.UTF_8);
        var refused = clerk.postMultipart("api/v1/documents/incoming",
                DocumentApiIT.incoming("", "Cơ quan thử", "Thiếu số ký hiệu").build(),
                List.of(new Api.FilePart("note.txt", "text/plain", refusedBytes)));
        assertEquals(400, refused.status(), refused::toString);

        Path orphan = blob(TestFiles.sha256(refusedBytes));
        Path referenced = blob(TestFiles.sha256(kept));
        assertTrue(Files.exists(orphan), "the refused upload's bytes were written first");
        FileTime old = FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS));
        Files.setLastModifiedTime(orphan, old);
        Files.setLastModifiedTime(referenced, old);
        // More old orphans than the sweeper asks the database about at once (1,000 keys per query), written straight
        // into the store as a crash between the file and its row would leave them.
        List<Path> more = new java.util.ArrayList<>();
        for (int i = 0; i < 2_100; i++) {
            byte[] bytes = ("orphan " + i + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
            Path p = blob(TestFiles.sha256(bytes));
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            Files.setLastModifiedTime(p, old);
            more.add(p);
        }

        assertEquals(403, clerk.postJson("api/v1/operations/content/sweep", jakarta.json.JsonValue.EMPTY_JSON_OBJECT).status());
        var swept = Fixtures.admin().postJson("api/v1/operations/content/sweep", jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, swept.status(), swept::toString);
        assertTrue(swept.json().getInt("removed") >= 2_101, swept::toString);
        assertFalse(Files.exists(orphan), "old orphan removed");
        assertEquals(List.of(), more.stream().filter(Files::exists).toList(), "every old orphan removed");
        assertTrue(Files.exists(referenced), "referenced blob kept");
    }

    private static Path blob(String sha) {
        return Path.of(System.getenv("DMS_CONTENT_ROOT"), "sha256", sha.substring(0, 2), sha.substring(2, 4), sha);
    }
}
