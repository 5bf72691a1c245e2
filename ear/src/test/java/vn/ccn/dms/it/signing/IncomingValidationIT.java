package vn.ccn.dms.it.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.ccn.dms.it.Api;
import vn.ccn.dms.it.Deployments;
import vn.ccn.dms.it.Fixtures;
import vn.ccn.dms.it.ServerThreads;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.testpki.Issuance;
import vn.ccn.dms.pades.testpki.TestDocuments;

/** Signed PDFs that arrive: validated after registration, the report stored and readable as JSON and in Vietnamese. */
@ExtendWith(ArquillianExtension.class)
class IncomingValidationIT {

    static SigningStack stack;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void stack() {
        stack = SigningStack.get();
    }

    static long register(String numberSymbol, byte[] pdf) {
        JsonObject metadata = Json.createObjectBuilder().add("typeCode", "QĐ").add("numberSymbol", numberSymbol)
                .add("issuerName", "UBND tỉnh Lạng Sơn").add("issuedDate", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString())
                .add("summary", "Quyết định có chữ ký số gửi đến").build();
        Api.Answer a = Fixtures.user("clerk.stc").postMultipart("api/v1/documents/incoming", metadata,
                List.of(new Api.FilePart("quyet-dinh.pdf", "application/pdf", pdf)));
        assertEquals(201, a.status(), a::toString);
        return a.json().getJsonNumber("id").longValue();
    }

    @Test
    void aReceivedDocumentWithTwoValidSignaturesGetsAStoredPassingReport() throws Exception {
        long id = register("11/QĐ-UBND-" + System.nanoTime() % 100000, Issuance.issue(stack.pki, PadesLevel.B_LT));
        JsonArray reports = SigningSteps.awaitReports("clerk.stc", id, Duration.ofSeconds(30));
        JsonObject r = reports.getJsonObject(0);
        assertEquals("TOTAL_PASSED", r.getString("indication"), r::toString);
        assertEquals(2, r.getInt("signatureCount"));
        assertEquals("system", r.getString("validatedBy"), "validated after commit by the worker");
        for (JsonValue s : r.getJsonObject("report").getJsonArray("signatures")) {
            JsonObject sig = s.asJsonObject();
            assertEquals("TOTAL_PASSED", sig.getString("indication"), sig::toString);
            assertEquals("Chữ ký hợp lệ", sig.getString("indicationVi"));
            assertTrue(sig.getJsonArray("checks").stream().anyMatch(c -> c.asJsonObject().getString("code").equals("CERTIFICATE_CHAIN")
                    && c.asJsonObject().getString("status").equals("PASSED")), sig::toString);
        }
        Api.Answer page = SigningStack.page("clerk.stc", "app/sign/validation.xhtml?document=" + id);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.text().contains("Chữ ký hợp lệ") && page.text().contains("Chuỗi chứng thư đến chứng thư gốc tin cậy"),
                "the Vietnamese report page");
        assertEquals(404, Fixtures.user("clerk.sct").get("api/v1/signature/documents/" + id + "/validation").status(),
                "another agency does not read the report");

        // The receiving agency makes a SAO Y of the document it received, signed by itself.
        Api.Answer copy = Fixtures.user("clerk.stc").postJson("api/v1/copies", Json.createObjectBuilder().add("documentId", id)
                .add("form", "SAO_Y").add("pin", SigningStack.ORGANISATION_PIN).build());
        assertEquals(201, copy.status(), copy::toString);
        assertTrue(copy.json().getString("numberSymbol").matches("\\d{2,}/SY"), copy::toString);
        assertEquals(1, Fixtures.user("clerk.stc").get("api/v1/copies?documentId=" + id).array().size());
        assertEquals(403, Fixtures.user("reader.stc").postJson("api/v1/copies", Json.createObjectBuilder().add("documentId", id)
                .add("form", "SAO_Y").add("pin", SigningStack.ORGANISATION_PIN).build()).status(), "only the desk makes copies");
        JsonObject settings = Fixtures.admin().get("api/v1/signature/settings").json();
        assertEquals("B-LT", settings.getString("level"));
        assertTrue(settings.getJsonArray("trustAnchors").getString(0).contains("CCN Test Root CA"), settings::toString);
    }

    @Test
    void aTamperedSignedPdfIsReportedInvalidAndStillRegistered() throws Exception {
        byte[] signed = Issuance.leaderSigned(stack.pki, PadesLevel.B_T);
        byte[] tampered = tamperSigningTime(signed);
        long id = register("12/QĐ-UBND-" + System.nanoTime() % 100000, tampered);
        JsonObject r = SigningSteps.awaitReports("clerk.stc", id, Duration.ofSeconds(30)).getJsonObject(0);
        assertEquals("TOTAL_FAILED", r.getString("indication"), r::toString);
        JsonObject sig = r.getJsonObject("report").getJsonArray("signatures").getJsonObject(0);
        assertTrue(sig.getJsonArray("checks").stream().anyMatch(c -> c.asJsonObject().getString("status").equals("FAILED")
                && c.asJsonObject().getString("code").equals("MESSAGE_DIGEST")), sig::toString);
        assertEquals(1, SigningSteps.document("clerk.stc", id).getJsonArray("versions").size(), "the upload is kept");
    }

    @Test
    void anUnsignedPdfIsReportedAsHavingNoSignature() throws Exception {
        long id = register("13/QĐ-UBND-" + System.nanoTime() % 100000, TestDocuments.simplePdf(1));
        JsonObject r = SigningSteps.awaitReports("clerk.stc", id, Duration.ofSeconds(30)).getJsonObject(0);
        assertEquals("NO_SIGNATURE", r.getString("indication"), r::toString);
        assertEquals("Tài liệu không có chữ ký số.", r.getString("summaryVi"));
        // The worker that validated it runs on its own thread, below the requests' priority (the default nice of 19).
        Map<Integer, Integer> validators = ServerThreads.niceOf("dms-signature-v");
        assertEquals(1, validators.size(), validators::toString);
        assertEquals(List.of(19), List.copyOf(validators.values()), "nice value of the validation thread");
        int server = ServerThreads.processNice();
        Map<Integer, Integer> requestThreads = ServerThreads.niceOf("http-thread-poo");
        assertTrue(!requestThreads.isEmpty() && requestThreads.values().stream().allMatch(n -> n == server),
                "the request threads keep the server's priority (" + server + "): " + requestThreads);
    }

    /**
     * The worker validates claimed documents together (one query for their files, one commit for their reports):
     * six events queued in one statement are claimed at once; the document whose file cannot be read backs off and
     * retries alone, the five others get their reports and audit entries.
     */
    @Test
    void documentsQueuedTogetherAreValidatedTogetherAndAnUnreadableFileRetriesAlone() throws Exception {
        String run = Long.toString(System.nanoTime() % 1_000_000);
        List<Long> ids = new java.util.ArrayList<>();
        List<String> shas = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] pdf = vn.ccn.dms.it.TestFiles.pdf("Lô kiểm tra chữ ký " + run + " số " + i, 2_000);
            shas.add(vn.ccn.dms.it.TestFiles.sha256(pdf));
            ids.add(register((20 + i) + "/QĐ-LO-" + run, pdf));
        }
        for (long id : ids) {
            assertEquals(1, SigningSteps.awaitReports("clerk.stc", id, Duration.ofSeconds(30)).size());
        }
        long broken = ids.get(3);
        java.nio.file.Path brokenBlob = java.nio.file.Path.of(System.getenv("DMS_CONTENT_ROOT"), "sha256",
                shas.get(3).substring(0, 2), shas.get(3).substring(2, 4), shas.get(3));
        byte[] brokenBytes = java.nio.file.Files.readAllBytes(brokenBlob);
        java.nio.file.Files.delete(brokenBlob);
        try {
            awaitBatch(ids, broken, brokenBlob);
        } finally {
            // Put the blob back: other tests index and read this document too.
            java.nio.file.Files.write(brokenBlob, brokenBytes);
        }
    }

    private static void awaitBatch(List<Long> ids, long broken, java.nio.file.Path brokenBlob) {
        String idList = ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        vn.ccn.dms.it.Database.execute("insert into outbox_event (id, topic, subject_id, payload, created_at, available_at)"
                + " select nextval('dms_seq'), 'validate-signatures', d::text, null, now(), now()"
                + " from unnest(array[" + idList + "]::bigint[]) as d");
        for (long id : ids) {
            if (id == broken) {
                continue;
            }
            java.time.Instant until = java.time.Instant.now().plusSeconds(30);
            while (Fixtures.user("clerk.stc").get("api/v1/signature/documents/" + id + "/validation").array().size() < 2) {
                assertTrue(java.time.Instant.now().isBefore(until), "second report of document " + id);
                SigningSteps.sleep(200);
            }
        }
        assertEquals(1, vn.ccn.dms.it.Database.count("select count(distinct latest) from (select max(validated_at) latest"
                + " from signature_validation where document_id in (" + ids.stream().filter(id -> id != broken)
                        .map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + ") group by document_id) x"),
                "the five second reports were stored together, in one transaction");
        assertEquals(1, Fixtures.user("clerk.stc").get("api/v1/signature/documents/" + broken + "/validation").array().size(),
                "no report for the file that cannot be read");
        assertEquals(1, vn.ccn.dms.it.Database.count("select count(*) from outbox_event where topic = 'validate-signatures'"
                + " and subject_id = '" + broken + "' and processed_at is null and attempts = 1"
                + " and last_error like '%cannot read%' and available_at > now()"), "the unreadable file backs off and retries");
        assertEquals(0, vn.ccn.dms.it.Database.count("select count(*) from outbox_event where topic = 'validate-signatures'"
                + " and subject_id in (" + ids.stream().filter(id -> id != broken).map(id -> "'" + id + "'")
                        .collect(java.util.stream.Collectors.joining(",")) + ") and processed_at is null"), "the others are done");
        assertEquals(10, vn.ccn.dms.it.Database.count("select count(*) from audit_entry where action = 'VALIDATE_SIGNATURES'"
                + " and object_type = 'document' and object_id in (" + ids.stream().filter(id -> id != broken)
                        .map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(",")) + ")"),
                "each validation of the five readable documents is audited (two each)");
        JsonArray brokenLinks = Fixtures.admin().get("api/v1/audit/verify").json().getJsonArray("broken");
        assertTrue(brokenLinks.stream().noneMatch(b -> ids.stream().anyMatch(id -> b.asJsonObject().getString("chainKey")
                .equals("document:" + id))), "the chains of the batch's documents are intact: " + brokenLinks);
    }

    /** Changes one digit of the signature dictionary's /M, which the byte range covers. */
    static byte[] tamperSigningTime(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/M (D:");
        assertTrue(at > 0, "signature dictionary with /M");
        byte[] copy = pdf.clone();
        int digit = at + "/M (D:".length() + 3; // the year's last digit
        copy[digit] = (byte) (copy[digit] == '9' ? '8' : copy[digit] + 1);
        return copy;
    }
}
