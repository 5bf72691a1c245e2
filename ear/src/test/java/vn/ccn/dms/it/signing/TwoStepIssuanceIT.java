package vn.ccn.dms.it.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.ccn.dms.it.Api;
import vn.ccn.dms.it.Database;
import vn.ccn.dms.it.Deployments;
import vn.ccn.dms.it.Fixtures;
import vn.ccn.dms.pades.crypto.DigestAlgorithm;
import vn.ccn.dms.pades.signing.ElectronicCopySource;
import vn.ccn.dms.pades.testpki.DssValidation;
import vn.ccn.dms.pades.testpki.SystemTools;
import vn.ccn.dms.pades.testpki.TestDocuments;

/**
 * The Decree 30 two-step issuance through the API: drafted, submitted, signed by the leader on a SoftHSM2
 * token, numbered and sealed by the reception desk; both signatures intact in EU DSS, pdfsig and our own
 * report; electronic copies; the external-signature path; and the refusals.
 */
@ExtendWith(ArquillianExtension.class)
class TwoStepIssuanceIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
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
    void leaderSignsOnTheTokenAndTheDeskNumbersAndSealsKeepingBothSignaturesValid() throws Exception {
        SigningStack.requireSoftHsm();
        String tag = "dauhieu" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String summary = "Quyết định thành lập cụm công nghiệp Hữu Lũng " + tag;
        long id = SigningSteps.draft("specialist.sct", "clerk.sct", "QĐ", summary, TestDocuments.simplePdf(2), Fixtures.STC);
        SigningSteps.submitted("specialist.sct", id);
        assertTrue(Fixtures.user("leader.sct").get("api/v1/signature/inbox").array().stream()
                .anyMatch(v -> v.asJsonObject().getJsonNumber("documentId").longValue() == id), "in the leader's inbox");
        Api.Answer early = Fixtures.user("clerk.sct").postJson("api/v1/documents/" + id + "/number", Json.createObjectBuilder().build());
        assertEquals(409, early.status(), "no number before the leader signs: " + early);
        assertEquals(404, Fixtures.user("reader.stc").get("api/v1/documents/" + id).status());

        JsonObject batch = SigningSteps.signBatch("leader.sct", List.of(id), SigningStack.LEADER_PIN);
        JsonObject item = batch.getJsonArray("items").getJsonObject(0);
        assertEquals("SIGNED", item.getString("status"), batch::toString);
        assertEquals("SIGNED", SigningSteps.document("clerk.sct", id).getString("status"));

        Api.Answer numbered = Fixtures.user("clerk.sct").postJson("api/v1/documents/" + id + "/number", Json.createObjectBuilder().build());
        assertEquals(200, numbered.status(), numbered::toString);
        String numberSymbol = numbered.json().getString("numberSymbol");
        // Numbered but not yet sealed: not issued (Decree 30/2020 Art. 15, 16), so the recipient neither reads
        // nor finds the leader-signed version, even once the index has caught up.
        assertEquals("NUMBERED", numbered.json().getString("status"), numbered::toString);
        assertEquals(404, Fixtures.user("reader.stc").get("api/v1/documents/" + id).status());
        awaitIndexQueueEmpty(id);
        assertEquals(0, Fixtures.user("reader.stc").get(vn.ccn.dms.it.search.Searching.query(Map.of("q", tag))).json()
                .getJsonNumber("total").longValue(), "the recipient finds nothing before the seal");
        Api.Answer sealed = Fixtures.user("clerk.sct").postJson("api/v1/signature/documents/" + id + "/seal",
                Json.createObjectBuilder().add("pin", SigningStack.ORGANISATION_PIN).build());
        assertEquals(200, sealed.status(), sealed::toString);
        assertEquals(3, sealed.json().getJsonArray("versions").size(), "draft, leader-signed, sealed: three immutable versions");
        Api.Answer again = Fixtures.user("clerk.sct").postJson("api/v1/signature/documents/" + id + "/seal",
                Json.createObjectBuilder().add("pin", SigningStack.ORGANISATION_PIN).build());
        assertEquals(409, again.status(), again::toString);
        // Sealed: issued; the recipient reads it and finds it.
        assertEquals("ISSUED", sealed.json().getString("status"), sealed::toString);
        assertEquals(200, Fixtures.user("reader.stc").get("api/v1/documents/" + id).status());
        vn.ccn.dms.it.search.Searching.awaitSearch(Fixtures.user("reader.stc"),
                vn.ccn.dms.it.search.Searching.query(Map.of("q", tag)),
                r -> r.getJsonNumber("total").longValue() == 1, "the issued document in the recipient's search");

        byte[] issued = SigningSteps.latestPdf("clerk.sct", id);
        // EU DSS: both signatures intact, each at the level the installation claims (B-LT).
        Map<String, DssValidation.Result> dss = DssValidation.validate(stack.pki, issued);
        assertEquals(2, dss.size(), () -> explain(issued));
        for (DssValidation.Result r : dss.values()) {
            assertEquals(Indication.TOTAL_PASSED, r.indication(), () -> explain(issued));
            assertEquals(SignatureLevel.PAdES_BASELINE_LT, r.format(), () -> explain(issued));
        }
        // Our own stored report says the same, in Vietnamese.
        Api.Answer report = Fixtures.user("clerk.sct").postJson("api/v1/signature/documents/" + id + "/validation",
                Json.createObjectBuilder().build());
        assertEquals(200, report.status(), report::toString);
        JsonObject r = report.array().getJsonObject(0);
        assertEquals("TOTAL_PASSED", r.getString("indication"), r::toString);
        assertEquals(2, r.getInt("signatureCount"));
        for (JsonValue s : r.getJsonObject("report").getJsonArray("signatures")) {
            assertEquals("TOTAL_PASSED", s.asJsonObject().getString("indication"), s::toString);
            assertEquals("B-LT", s.asJsonObject().getString("level"), s::toString);
        }
        // The reserved fields show the number and the date of issue.
        try (PDDocument flat = Loader.loadPDF(ElectronicCopySource.of(issued, List.of()))) {
            String text = new PDFTextStripper().getText(flat);
            LocalDate today = LocalDate.now(VIETNAM);
            assertTrue(text.contains(numberSymbol), text);
            assertTrue(text.contains("Lạng Sơn, ngày " + String.format("%02d", today.getDayOfMonth()) + " tháng"), text);
        }
        if (SystemTools.onPath("pdfsig") || "true".equals(System.getenv("CI"))) {
            SystemTools.require(SystemTools.onPath("pdfsig"), "poppler-utils");
            Path file = Files.createTempFile("issued", ".pdf");
            Files.write(file, issued);
            String out = SystemTools.run(List.of("pdfsig", file.toString()), Map.of());
            assertEquals(2, count(out, "Signature Validation: Signature is Valid."), out);
            // At B-LT the validation data (DSS) is an update after the last signature, so pdfsig reports neither
            // signature as covering the whole file; EU DSS above checks that the update is only the DSS.
            assertEquals(2, count(out, "Not total document signed"), out);
        }
        List<String> actions = Fixtures.user("clerk.sct").get("api/v1/documents/" + id + "/audit").array().stream()
                .map(v -> v.asJsonObject().getString("action")).toList();
        assertTrue(actions.containsAll(List.of("SUBMIT_FOR_SIGNATURE", "SIGN_LEADER", "NUMBER_ISSUED", "SIGN_ORGANISATION", "ISSUED")), actions::toString);
        assertTrue(Database.count("select count(*) from outbox_event where topic = 'index-document' and subject_id = '" + id + "'") >= 4,
                "each signed version is queued for indexing");

        // Electronic copies: SAO Y of the whole document, TRÍCH SAO of page 2, in one yearly series.
        JsonObject saoY = copy(id, "SAO_Y", null);
        JsonObject trich = copy(id, "TRICH_SAO", "2");
        assertEquals(saoY.getInt("number") + 1, trich.getInt("number"), "one series for every copy form");
        assertTrue(trich.getString("numberSymbol").endsWith("/TrS"), trich::toString);
        for (JsonObject c : List.of(saoY, trich)) {
            Api.Answer content = Fixtures.user("clerk.sct").get("api/v1/copies/" + c.getJsonNumber("id").longValue() + "/content");
            assertEquals(200, content.status(), content::toString);
            Map<String, DssValidation.Result> copyDss = DssValidation.validate(stack.pki, content.body());
            assertEquals(1, copyDss.size());
            assertEquals(Indication.TOTAL_PASSED, copyDss.values().iterator().next().indication(), () -> explain(content.body()));
            try (PDDocument flat = Loader.loadPDF(ElectronicCopySource.of(content.body(), List.of()))) {
                String text = new PDFTextStripper().getText(flat);
                assertTrue(text.contains(c.getString("formPrinted")) && text.contains("Số: " + c.getString("numberSymbol"))
                        && text.contains("+07:00"), text);
                assertEquals("TRICH_SAO".equals(c.getString("form")) ? 1 : 2, flat.getNumberOfPages());
            }
        }
        assertEquals(404, Fixtures.user("clerk.stc").get("api/v1/copies/" + saoY.getJsonNumber("id").longValue() + "/content").status());
    }

    private static JsonObject copy(long id, String form, String pages) {
        var b = Json.createObjectBuilder().add("documentId", id).add("form", form).add("pin", SigningStack.ORGANISATION_PIN);
        if (pages != null) {
            b.add("pages", pages);
        }
        Api.Answer a = Fixtures.user("clerk.sct").postJson("api/v1/copies", b.build());
        assertEquals(201, a.status(), a::toString);
        return a.json();
    }

    @Test
    void aWrongPinIsRefusedAtOnceAndNothingIsSigned() throws Exception {
        long id = SigningSteps.draft("specialist.sct", "clerk.sct", "TTr", "Tờ trình thử mã PIN sai", TestDocuments.simplePdf(1));
        SigningSteps.submitted("specialist.sct", id);
        Api.Answer wrong = SigningSteps.startBatch("leader.sct", List.of(id), "000000");
        assertEquals(400, wrong.status(), wrong::toString);
        assertEquals("urn:dms:problem:signing-wrong-pin", wrong.json().getString("type"));
        assertEquals("Mã PIN không đúng.", wrong.json().getString("detail"));
        JsonObject doc = SigningSteps.document("specialist.sct", id);
        assertEquals("AWAITING_SIGNATURE", doc.getString("status"));
        assertEquals(1, doc.getJsonArray("versions").size(), "nothing half-signed stored");
        // The right PIN afterwards works: the failed login left no state behind.
        JsonObject batch = SigningSteps.signBatch("leader.sct", List.of(id), stack.leaderPin());
        assertEquals("SIGNED", batch.getJsonArray("items").getJsonObject(0).getString("status"), batch::toString);
    }

    @Test
    void otherAgenciesAndLowerRolesAreRefused() throws Exception {
        long id = SigningSteps.draft("specialist.sct", "clerk.sct", "TTr", "Tờ trình của Sở Công Thương", TestDocuments.simplePdf(1));
        assertEquals(403, SigningSteps.submit("reader.sct", id).status(), "a reader does not submit");
        assertEquals(404, SigningSteps.submit("specialist.stc", id).status(), "another agency does not see the draft");
        SigningSteps.submitted("specialist.sct", id);
        assertEquals(403, SigningSteps.startBatch("specialist.sct", List.of(id), "x").status(), "a specialist does not sign");
        assertEquals(403, Fixtures.user("clerk.sct").get("api/v1/signature/inbox").status());
        // The leader of another agency has a credential, but the document is not theirs to sign.
        JsonObject other = SigningSteps.signBatch("leader.stc", List.of(id), "mat-khau-lanh-dao");
        JsonObject item = other.getJsonArray("items").getJsonObject(0);
        assertEquals("FAILED", item.getString("status"));
        assertEquals("NOT_FOUND", item.getString("errorCode"));
        assertEquals("AWAITING_SIGNATURE", SigningSteps.document("specialist.sct", id).getString("status"));
        Api.Answer seal = Fixtures.user("clerk.stc").postJson("api/v1/signature/documents/" + id + "/seal",
                Json.createObjectBuilder().add("pin", SigningStack.ORGANISATION_PIN).build());
        assertEquals(404, seal.status(), seal::toString);
        assertEquals(403, SigningStack.put(Fixtures.user("clerk.sct"), "api/v1/signature/credentials/users/leader.sct",
                Json.createObjectBuilder().add("kind", "PKCS12").add("file", "leader.p12").build()).status());
        Api.Answer notAllowed = SigningStack.put(Fixtures.admin(), "api/v1/signature/credentials/users/leader.stc",
                Json.createObjectBuilder().add("kind", "PKCS11").add("library", "/tmp/evil.so").add("slotId", 1).build());
        assertEquals(400, notAllowed.status(), "only allow-listed PKCS#11 modules: " + notAllowed);
    }

    @Test
    void aSigningAgentSignsTheDigestAndTheServerAssemblesThePdf() throws Exception {
        long id = SigningSteps.draft("specialist.xa", "clerk.xa", "TTr", "Tờ trình ký qua ứng dụng ký số", TestDocuments.simplePdf(1));
        SigningSteps.submitted("specialist.xa", id);
        Api.Answer prepared = Fixtures.user("leader.xa").postJson("api/v1/signature/external/prepare",
                Json.createObjectBuilder().add("documentIds", Json.createArrayBuilder().add(id)).build());
        assertEquals(200, prepared.status(), prepared::toString);
        JsonObject p = prepared.array().getJsonObject(0);
        assertEquals("SHA256withRSA", p.getString("signatureAlgorithm"), p::toString);
        // The agent: signs the digest with the key it holds (RSA PKCS#1 v1.5 over the DigestInfo, RFC 8017 §9.2).
        byte[] digest = Base64.getDecoder().decode(p.getString("digestToSign"));
        Signature rsa = Signature.getInstance("NONEwithRSA");
        rsa.initSign(stack.pki.rsaSigner().key());
        rsa.update(new DigestInfo(new AlgorithmIdentifier(DigestAlgorithm.SHA256.oid(), DERNull.INSTANCE), digest).getEncoded("DER"));
        String value = Base64.getEncoder().encodeToString(rsa.sign());

        Api.Answer bad = Fixtures.user("leader.xa").postJson("api/v1/signature/external/complete", Json.createObjectBuilder()
                .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sessionId", "khong-co")
                        .add("signatureValue", value))).build());
        assertEquals("SESSION_EXPIRED", bad.array().getJsonObject(0).getString("errorCode"), bad::toString);
        Api.Answer completed = Fixtures.user("leader.xa").postJson("api/v1/signature/external/complete", Json.createObjectBuilder()
                .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sessionId", p.getString("sessionId"))
                        .add("signatureValue", value))).build());
        assertEquals(200, completed.status(), completed::toString);
        assertTrue(completed.array().getJsonObject(0).getBoolean("signed"), completed::toString);
        byte[] signed = SigningSteps.latestPdf("leader.xa", id);
        DssValidation.Result r = DssValidation.validate(stack.pki, signed).values().iterator().next();
        assertEquals(Indication.TOTAL_PASSED, r.indication(), () -> explain(signed));
        assertEquals(SignatureLevel.PAdES_BASELINE_LT, r.format());
        Api.Answer replay = Fixtures.user("leader.xa").postJson("api/v1/signature/external/complete", Json.createObjectBuilder()
                .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sessionId", p.getString("sessionId"))
                        .add("signatureValue", value))).build());
        assertEquals(false, replay.array().getJsonObject(0).getBoolean("signed"), "a session is used once");

        // The desk numbers it and applies the commune's organisation signature through its own signing agent too
        // (an EC P-256 key this time): the agency's credential is only its certificate chain.
        assertEquals(200, SigningStack.put(Fixtures.admin(), "api/v1/signature/credentials/agencies/" + Fixtures.COMMUNE,
                Json.createObjectBuilder().add("kind", "EXTERNAL").add("certificateChain",
                        SigningStack.pemChain(stack.pki.ecSigner().chain())).build()).status());
        Api clerk = Fixtures.user("clerk.xa");
        Api.Answer numbered = clerk.postJson("api/v1/documents/" + id + "/number", Json.createObjectBuilder().build());
        assertEquals("NUMBERED", numbered.json().getString("status"), numbered::toString);
        assertEquals(403, Fixtures.user("leader.xa").postJson("api/v1/signature/external/seal/prepare", Json.createObjectBuilder()
                .add("documentIds", Json.createArrayBuilder().add(id)).build()).status(), "the seal is the desk's");
        Api.Answer sealPrepared = clerk.postJson("api/v1/signature/external/seal/prepare",
                Json.createObjectBuilder().add("documentIds", Json.createArrayBuilder().add(id)).build());
        assertEquals(200, sealPrepared.status(), sealPrepared::toString);
        JsonObject sp = sealPrepared.array().getJsonObject(0);
        assertEquals("SHA256withECDSA", sp.getString("signatureAlgorithm"), sp::toString);
        Signature ec = Signature.getInstance("NONEwithECDSA");
        ec.initSign(stack.pki.ecSigner().key());
        ec.update(Base64.getDecoder().decode(sp.getString("digestToSign")));
        Api.Answer sealed = clerk.postJson("api/v1/signature/external/seal/complete", Json.createObjectBuilder()
                .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sessionId", sp.getString("sessionId"))
                        .add("signatureValue", Base64.getEncoder().encodeToString(ec.sign())))).build());
        assertEquals(200, sealed.status(), sealed::toString);
        assertTrue(sealed.array().getJsonObject(0).getBoolean("signed"), sealed::toString);
        assertEquals(3, sealed.array().getJsonObject(0).getInt("versionNo"), sealed::toString);
        assertEquals("ISSUED", SigningSteps.document("clerk.xa", id).getString("status"));
        byte[] issued = SigningSteps.latestPdf("clerk.xa", id);
        Map<String, DssValidation.Result> both = DssValidation.validate(stack.pki, issued);
        assertEquals(2, both.size(), () -> explain(issued));
        for (DssValidation.Result each : both.values()) {
            assertEquals(Indication.TOTAL_PASSED, each.indication(), () -> explain(issued));
        }
    }

    static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String explain(byte[] pdf) {
        try {
            return DssValidation.explain(stack.pki, pdf);
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Waits until the index worker has processed every queued index update of the document. */
    private static void awaitIndexQueueEmpty(long id) throws InterruptedException {
        java.time.Instant until = java.time.Instant.now().plusSeconds(90);
        while (Database.count("select count(*) from outbox_event where topic = 'index-document' and subject_id = '" + id
                + "' and processed_at is null") > 0) {
            assertTrue(java.time.Instant.now().isBefore(until), "index updates of " + id + " still queued");
            Thread.sleep(200);
        }
    }
}
