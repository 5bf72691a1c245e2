package vn.ccn.dms.it.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.ccn.dms.it.Api;
import vn.ccn.dms.it.Fixtures;

/** The steps of the signing workflow through the API, as the users of the fixtures. */
final class SigningSteps {

    private SigningSteps() {
    }

    /** A specialist drafts an outgoing document of type {@code type} with one PDF in the agency's register DI. */
    static long draft(String specialist, String clerkOfAgency, String type, String summary, byte[] pdf) {
        return draft(specialist, clerkOfAgency, type, summary, pdf, null);
    }

    /** The same, addressed to the agency {@code recipientAgencyCode} when it is not null. */
    static long draft(String specialist, String clerkOfAgency, String type, String summary, byte[] pdf, String recipientAgencyCode) {
        long register = Fixtures.registerId(clerkOfAgency, "DI");
        var builder = Json.createObjectBuilder().add("typeCode", type).add("summary", summary)
                .add("signerName", "Nguyễn Văn An").add("signerPosition", "KT. Giám đốc\nPhó Giám đốc")
                .add("registerId", register);
        if (recipientAgencyCode != null) {
            builder.add("recipients", Json.createArrayBuilder().add(Json.createObjectBuilder().add("agencyCode", recipientAgencyCode)));
        }
        JsonObject metadata = builder.build();
        Api.Answer a = Fixtures.user(specialist).postMultipart("api/v1/documents/outgoing", metadata,
                List.of(new Api.FilePart("du-thao.pdf", "application/pdf", pdf)));
        assertEquals(201, a.status(), a::toString);
        return a.json().getJsonNumber("id").longValue();
    }

    static Api.Answer submit(String user, long id) {
        return Fixtures.user(user).postJson("api/v1/signature/documents/" + id + "/submit", Json.createObjectBuilder().build());
    }

    static void submitted(String user, long id) {
        Api.Answer a = submit(user, id);
        assertEquals(200, a.status(), a::toString);
        assertEquals("AWAITING", a.json().getString("status"));
    }

    static Api.Answer startBatch(String leader, List<Long> ids, String pin) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        ids.forEach(array::add);
        return Fixtures.user(leader).postJson("api/v1/signature/batches",
                Json.createObjectBuilder().add("documentIds", array).add("pin", pin).build());
    }

    /** Starts a batch and waits until it is done; returns its final view. */
    static JsonObject signBatch(String leader, List<Long> ids, String pin) {
        Api.Answer started = startBatch(leader, ids, pin);
        assertEquals(202, started.status(), started::toString);
        return awaitBatch(leader, started.json().getJsonNumber("id").longValue(), Duration.ofSeconds(120));
    }

    static JsonObject awaitBatch(String leader, long batchId, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            JsonObject view = Fixtures.user(leader).get("api/v1/signature/batches/" + batchId).json();
            if ("DONE".equals(view.getString("status"))) {
                return view;
            }
            assertTrue(Instant.now().isBefore(until), () -> "batch not done in time: " + view);
            sleep(100);
        }
    }

    static JsonObject document(String user, long id) {
        Api.Answer a = Fixtures.user(user).get("api/v1/documents/" + id);
        assertEquals(200, a.status(), a::toString);
        return a.json();
    }

    /** The bytes of the first file of the latest version. */
    static byte[] latestPdf(String user, long id) {
        JsonObject doc = document(user, id);
        JsonArray versions = doc.getJsonArray("versions");
        JsonObject file = versions.getJsonObject(versions.size() - 1).getJsonArray("files").getJsonObject(0);
        Api.Answer a = Fixtures.user(user).get("api/v1/documents/" + id + "/files/" + file.getJsonNumber("id").longValue() + "/content");
        assertEquals(200, a.status(), a::toString);
        return a.body();
    }

    /** Waits until the document has at least one stored validation report. */
    static JsonArray awaitReports(String user, long id, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            Api.Answer a = Fixtures.user(user).get("api/v1/signature/documents/" + id + "/validation");
            assertEquals(200, a.status(), a::toString);
            if (!a.array().isEmpty()) {
                return a.array();
            }
            assertTrue(Instant.now().isBefore(until), "no validation report within " + timeout);
            sleep(200);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
