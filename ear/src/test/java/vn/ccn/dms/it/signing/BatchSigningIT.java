package vn.ccn.dms.it.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.ccn.dms.it.Api;
import vn.ccn.dms.it.Deployments;
import vn.ccn.dms.it.Fixtures;
import vn.ccn.dms.pades.testpki.TestDocuments;

/**
 * Batch signing: fifty documents with one PIN entry, one of them bad; a TSA that does not answer; a token pulled
 * out in the middle of a batch.
 */
@ExtendWith(ArquillianExtension.class)
class BatchSigningIT {

    static SigningStack stack;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void stack() {
        stack = SigningStack.get();
    }

    @Test
    void fiftyDocumentsInOneBatchAndTheBadOneDoesNotSinkIt() throws Exception {
        byte[] pdf = TestDocuments.simplePdf(2);
        List<Long> ids = new ArrayList<>();
        long bad = -1;
        for (int i = 0; i < 50; i++) {
            boolean encrypted = i == 17;
            long id = SigningSteps.draft("specialist.sct", "clerk.sct", "CV", "Công văn số " + (i + 1) + " trong lượt ký",
                    encrypted ? TestDocuments.encryptedPdf() : pdf);
            SigningSteps.submitted("specialist.sct", id);
            ids.add(id);
            if (encrypted) {
                bad = id;
            }
        }
        // The inbox page lists them for the leader (PrimeFaces table of the Faces UI).
        Api.Answer page = SigningStack.page("leader.sct", "app/sign/inbox.xhtml");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.text().contains("Công văn số 50 trong lượt ký"), "inbox page lists the documents");

        long started = System.nanoTime();
        JsonObject batch = SigningSteps.signBatch("leader.sct", ids, stack.leaderPin());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(50, batch.getInt("total"));
        assertEquals(50, batch.getInt("done"));
        assertEquals(49, batch.getInt("signed"), batch::toString);
        assertEquals(1, batch.getInt("failed"), batch::toString);
        for (JsonValue v : batch.getJsonArray("items")) {
            JsonObject item = v.asJsonObject();
            if (item.getJsonNumber("documentId").longValue() == bad) {
                assertEquals("FAILED", item.getString("status"));
                assertEquals("ENCRYPTED_PDF", item.getString("errorCode"));
                assertTrue(item.getString("message").startsWith("Tài liệu PDF được mã hóa"), item::toString);
            } else {
                assertEquals("SIGNED", item.getString("status"), item::toString);
                assertEquals(2, item.getInt("versionNo"));
            }
        }
        assertEquals("AWAITING_SIGNATURE", SigningSteps.document("specialist.sct", bad).getString("status"));
        assertEquals(1, SigningSteps.document("specialist.sct", bad).getJsonArray("versions").size());
        System.out.printf("batch of 50 (1 failing) signed in %d ms end to end (%.1f ms per document)%n", millis, millis / 50.0);
    }

    /**
     * The leader's token is removed while a batch runs (SoftHSM2 deletes the token under the server's open
     * session): what was signed before stays signed, the document being signed and the rest fail with the
     * token's Vietnamese reason, nothing half-signed is stored, and those documents wait for a new signature.
     */
    @Test
    void aTokenRemovedMidBatchKeepsWhatWasSignedAndStoresNothingHalfSigned() throws Exception {
        SigningStack.requireSoftHsm();
        Api admin = Fixtures.admin();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long id = SigningSteps.draft("specialist.stc", "clerk.stc", "CV", "Công văn " + (i + 1) + " khi rút token", pdfUnchecked());
            SigningSteps.submitted("specialist.stc", id);
            ids.add(id);
        }
        assertEquals(200, SigningStack.put(admin, "api/v1/signature/credentials/users/leader.stc", Json.createObjectBuilder()
                .add("kind", "PKCS11").add("library", SigningStack.SOFTHSM.toString()).add("slotId", stack.removableSlot)
                .add("keyAlias", "lanh-dao").build()).status());
        JsonObject batch;
        try {
            stack.pki.setTsaDelay(java.time.Duration.ofMillis(400)); // each signature takes long enough to act in between
            Api.Answer started = SigningSteps.startBatch("leader.stc", ids, SigningStack.LEADER_PIN);
            assertEquals(202, started.status(), started::toString);
            long batchId = started.json().getJsonNumber("id").longValue();
            java.time.Instant until = java.time.Instant.now().plusSeconds(60);
            while (Fixtures.user("leader.stc").get("api/v1/signature/batches/" + batchId).json().getInt("signed") < 1) {
                assertTrue(java.time.Instant.now().isBefore(until), "nothing was signed before the token was removed");
                Thread.sleep(20);
            }
            stack.removeToken();
            batch = SigningSteps.awaitBatch("leader.stc", batchId, java.time.Duration.ofSeconds(60));
        } finally {
            stack.pki.setTsaDelay(java.time.Duration.ZERO);
            SigningStack.put(admin, "api/v1/signature/credentials/users/leader.stc",
                    Json.createObjectBuilder().add("kind", "PKCS12").add("file", "leader.p12").build());
        }
        int signed = batch.getInt("signed");
        assertTrue(signed >= 1 && signed < 8, batch::toString);
        int failedOnToken = 0;
        for (JsonValue v : batch.getJsonArray("items")) {
            JsonObject item = v.asJsonObject();
            long id = item.getJsonNumber("documentId").longValue();
            JsonObject doc = SigningSteps.document("specialist.stc", id);
            if ("SIGNED".equals(item.getString("status"))) {
                assertEquals("SIGNED", doc.getString("status"), doc::toString);
                assertEquals(2, doc.getJsonArray("versions").size());
            } else {
                assertTrue(List.of("FAILED", "SKIPPED").contains(item.getString("status")), item::toString);
                assertEquals("TOKEN_UNAVAILABLE", item.getString("errorCode"), item::toString);
                // FAILED: the reason itself; SKIPPED: "Không ký vì lỗi ở văn bản trước: " and the reason
                assertTrue(item.getString("message").contains("Không truy cập được thiết bị ký số (USB token/HSM)"), item::toString);
                assertEquals("AWAITING_SIGNATURE", doc.getString("status"), doc::toString);
                assertEquals(1, doc.getJsonArray("versions").size(), "nothing half-signed stored");
                failedOnToken++;
            }
        }
        assertEquals(8 - signed, failedOnToken, batch::toString);
        // Nothing of the failed documents reached the content store as a signed version either.
        assertEquals(signed, vn.ccn.dms.it.Database.count("select count(*) from document_version where document_id in ("
                + ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + ") and version_no > 1"));
        // The same documents sign once a token is back (here the organisation's development keystore).
        JsonObject retry = SigningSteps.signBatch("leader.stc", ids.stream().filter(id -> {
            JsonObject d = SigningSteps.document("specialist.stc", id);
            return "AWAITING_SIGNATURE".equals(d.getString("status"));
        }).toList(), SigningStack.LEADER_P12_PASSWORD);
        assertEquals(8 - signed, retry.getInt("signed"), retry::toString);
    }

    @Test
    void anUnreachableTsaRefusesTheSignatureInsteadOfDowngradingIt() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = SigningSteps.draft("specialist.sct", "clerk.sct", "TB", "Thông báo " + i + " khi TSA ngừng", pdfUnchecked());
            SigningSteps.submitted("specialist.sct", id);
            ids.add(id);
        }
        stack.pki.setTsaUp(false);
        JsonObject signedWhileDown;
        try {
            signedWhileDown = SigningSteps.signBatch("leader.sct", ids, stack.leaderPin());
        } finally {
            stack.pki.setTsaUp(true);
        }
        JsonObject batch = signedWhileDown;
        // Two documents are signed at a time: the first of each part fails on the TSA, what follows is skipped.
        int skipped = 0;
        for (JsonValue v : batch.getJsonArray("items")) {
            JsonObject item = v.asJsonObject();
            assertEquals("TSA_UNREACHABLE", item.getString("errorCode"), batch::toString);
            assertTrue(List.of("FAILED", "SKIPPED").contains(item.getString("status")), item::toString);
            assertTrue(item.getString("message").contains("dấu thời gian"), item::toString);
            skipped += "SKIPPED".equals(item.getString("status")) ? 1 : 0;
        }
        assertTrue(skipped >= 1, () -> "the rest would fail the same way and are not attempted: " + batch);
        for (long id : ids) {
            JsonObject doc = SigningSteps.document("specialist.sct", id);
            assertEquals("AWAITING_SIGNATURE", doc.getString("status"));
            assertEquals(1, doc.getJsonArray("versions").size(), "no B-B signature stored in place of the B-LT one");
        }
        // With the TSA back, the same documents sign.
        JsonObject retry = SigningSteps.signBatch("leader.sct", ids, stack.leaderPin());
        assertEquals(3, retry.getInt("signed"), retry::toString);
    }

    @Test
    void aRevokedOrExpiredSignerCertificateSignsNothing() {
        try {
            for (String[] keystore : new String[][] {{"revoked.p12", "CERTIFICATE_REVOKED", "thu hồi"},
                    {"expired.p12", "CERTIFICATE_EXPIRED", "hết hạn"}}) {
                assertEquals(200, SigningStack.put(Fixtures.admin(), "api/v1/signature/credentials/users/leader.stc",
                        jakarta.json.Json.createObjectBuilder().add("kind", "PKCS12").add("file", keystore[0]).build()).status());
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    long id = SigningSteps.draft("specialist.stc", "clerk.stc", "TB", "Thông báo ký bằng chứng thư " + keystore[0], pdfUnchecked());
                    SigningSteps.submitted("specialist.stc", id);
                    ids.add(id);
                }
                JsonObject batch = SigningSteps.signBatch("leader.stc", ids, SigningStack.LEADER_P12_PASSWORD);
                assertEquals(0, batch.getInt("signed"), batch::toString);
                for (JsonValue v : batch.getJsonArray("items")) {
                    assertEquals(keystore[1], v.asJsonObject().getString("errorCode"), batch::toString);
                    assertTrue(v.asJsonObject().getString("message").contains(keystore[2]), v::toString);
                }
                for (long id : ids) {
                    assertEquals(1, SigningSteps.document("specialist.stc", id).getJsonArray("versions").size());
                }
            }
        } finally {
            assertEquals(200, SigningStack.put(Fixtures.admin(), "api/v1/signature/credentials/users/leader.stc",
                    jakarta.json.Json.createObjectBuilder().add("kind", "PKCS12").add("file", "leader.p12").build()).status());
        }
    }

    @Test
    void aDraftWithoutAPdfCannotBeSubmitted() {
        long register = Fixtures.registerId("clerk.sct", "DI");
        Api.Answer draft = Fixtures.user("specialist.sct").postMultipart("api/v1/documents/outgoing",
                jakarta.json.Json.createObjectBuilder().add("typeCode", "CV").add("summary", "Công văn chỉ có tệp văn bản")
                        .add("registerId", register).build(),
                List.of(new Api.FilePart("cong-van.txt", "text/plain", "Nội dung công văn".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals(201, draft.status(), draft::toString);
        Api.Answer submit = SigningSteps.submit("specialist.sct", draft.json().getJsonNumber("id").longValue());
        assertEquals(422, submit.status(), submit::toString);
        assertEquals("urn:dms:problem:signing-no-pdf", submit.json().getString("type"));
    }

    private static byte[] pdfUnchecked() {
        try {
            return TestDocuments.simplePdf(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
