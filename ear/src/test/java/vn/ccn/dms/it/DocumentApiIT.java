package vn.ccn.dms.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.ccn.dms.it.Api.Answer;
import vn.ccn.dms.it.Api.FilePart;

/** The reception desk's work through the API: register, number, read, download, print, audit. */
@ExtendWith(ArquillianExtension.class)
class DocumentApiIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void fixtures() {
        Fixtures.load();
    }

    static JsonObjectBuilder incoming(String numberSymbol, String issuer, String summary) {
        return Json.createObjectBuilder().add("typeCode", "TTr").add("numberSymbol", numberSymbol)
                .add("issuerName", issuer).add("issuedDate", LocalDate.now(VIETNAM).minusDays(2).toString())
                .add("summary", summary).add("pageCount", 3).add("urgency", "URGENT");
    }

    @Test
    void clerkRegistersIncomingDocumentWithFileAndGetsNextArrivalNumber() {
        Api clerk = Fixtures.user("clerk.sct");
        byte[] pdf = TestFiles.pdf("To trinh de nghi thanh lap CCN Huu Lung", 20_000);
        Answer first = clerk.postMultipart("api/v1/documents/incoming",
                incoming("12/TTr-UBND", "UBND xã Hữu Lũng", "Tờ trình đề nghị thành lập cụm công nghiệp Hữu Lũng").build(),
                List.of(new FilePart("Tờ trình 12.pdf", "application/pdf", pdf)));
        assertEquals(201, first.status(), first::toString);
        JsonObject doc = first.json();
        int arrival = doc.getInt("arrivalNumber");
        assertEquals(LocalDate.now(VIETNAM).getYear(), doc.getInt("arrivalYear"));
        JsonObject file = doc.getJsonArray("versions").getJsonObject(0).getJsonArray("files").getJsonObject(0);
        assertEquals("application/pdf", file.getString("mediaType"));
        assertEquals(TestFiles.sha256(pdf), file.getString("sha256"));
        assertEquals("Tờ trình 12.pdf", file.getString("fileName"));

        Answer second = clerk.postMultipart("api/v1/documents/incoming",
                incoming("13/TTr-UBND", "UBND xã Hữu Lũng", "Tờ trình thứ hai").build(), List.of());
        assertEquals(201, second.status(), second::toString);
        assertEquals(arrival + 1, second.json().getInt("arrivalNumber"), "arrival numbers follow without gaps");

        long id = doc.getJsonNumber("id").longValue();
        Answer download = clerk.get("api/v1/documents/" + id + "/files/" + file.getJsonNumber("id").longValue() + "/content");
        assertEquals(200, download.status(), download::toString);
        assertArrayEquals(pdf, download.body());

        List<String> actions = clerk.get("api/v1/documents/" + id + "/audit").array().stream()
                .map(v -> ((JsonObject) v).getString("action")).toList();
        assertTrue(actions.containsAll(List.of("REGISTER_INCOMING", "DOWNLOAD")), actions::toString);
    }

    @Test
    void duplicateOfNumberSymbolAndIssuerWarnsAndNeedsConfirmation() {
        Api clerk = Fixtures.user("clerk.sct");
        var meta = incoming("45/SXD-QLXD", "Sở Xây dựng tỉnh Lạng Sơn", "Góp ý hồ sơ thành lập CCN").build();
        assertEquals(201, clerk.postMultipart("api/v1/documents/incoming", meta, List.of()).status());
        var sameWrittenOtherwise = incoming(" 45 / sxd-qlxd ", "Sở Xây dựng  tỉnh Lạng Sơn", "Góp ý (bản gửi lại)").build();
        long before = Database.count("select count(*) from document");
        Answer warned = clerk.postMultipart("api/v1/documents/incoming", sameWrittenOtherwise, List.of());
        assertEquals(409, warned.status(), warned::toString);
        assertTrue(warned.contentType().startsWith("application/problem+json"), warned::toString);
        assertEquals("urn:dms:problem:duplicate-document", warned.json().getString("type"));
        assertEquals(1, warned.json().getJsonArray("duplicates").size());
        assertEquals(before, Database.count("select count(*) from document"), "nothing registered on a warning");
        Answer confirmed = clerk.postMultipart("api/v1/documents/incoming?confirmDuplicate=true", sameWrittenOtherwise,
                List.of());
        assertEquals(201, confirmed.status(), confirmed::toString);
    }

    @Test
    void outgoingNumbersFollowTheRegisterPattern() {
        Api specialist = Fixtures.user("specialist.sct");
        Api clerk = Fixtures.user("clerk.sct");
        long register = Fixtures.registerId("clerk.sct", "DI");
        JsonObject draft = specialist.postJson("api/v1/documents/outgoing", Json.createObjectBuilder()
                .add("typeCode", "TTr").add("summary", "Tờ trình thẩm định hồ sơ thành lập CCN Hữu Lũng")
                .add("signerName", "Nguyễn Văn An").add("signerPosition", "Giám đốc").add("registerId", register)
                .add("recipients", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("agencyCode", Fixtures.STC).add("name", "Sở Tài chính"))
                        .add(Json.createObjectBuilder().add("name", "Lưu: VT, QLCN")))
                .build()).json();
        long id = draft.getJsonNumber("id").longValue();
        assertEquals("DRAFT", draft.getString("status"));
        Answer forbidden = specialist.postJson("api/v1/documents/" + id + "/number", Json.createObjectBuilder().build());
        assertEquals(403, forbidden.status(), "only the desk issues numbers: " + forbidden);

        // Before issue the recipient agency cannot see the draft.
        assertEquals(404, Fixtures.user("reader.stc").get("api/v1/documents/" + id).status());

        Answer numbered = clerk.postJson("api/v1/documents/" + id + "/number", Json.createObjectBuilder().build());
        assertEquals(200, numbered.status(), numbered::toString);
        String numberSymbol = numbered.json().getString("numberSymbol");
        assertTrue(numberSymbol.matches("\\d{2,}/TTr-SCT"), numberSymbol);
        assertEquals(409, clerk.postJson("api/v1/documents/" + id + "/number", Json.createObjectBuilder().build()).status(),
                "a number is issued once");

        // Issued and addressed to Sở Tài chính: its reader sees it now.
        assertEquals(200, Fixtures.user("reader.stc").get("api/v1/documents/" + id).status());

        // A Công văn needs the drafting unit: 05/SCT-QLCN.
        long cv = specialist.postJson("api/v1/documents/outgoing", Json.createObjectBuilder().add("typeCode", "CV")
                .add("summary", "Công văn đề nghị góp ý").add("registerId", register).build()).json()
                .getJsonNumber("id").longValue();
        assertEquals(400, clerk.postJson("api/v1/documents/" + cv + "/number", Json.createObjectBuilder().build()).status());
        String cvNumber = clerk.postJson("api/v1/documents/" + cv + "/number",
                Json.createObjectBuilder().add("unit", "QLCN").build()).json().getString("numberSymbol");
        assertTrue(cvNumber.matches("\\d{2,}/SCT-QLCN"), cvNumber);

        // The commune's normative register writes the year: 01/2026/QĐ-UBND.
        long qppl = Fixtures.registerId("clerk.xa", "QPPL");
        long decision = Fixtures.user("clerk.xa").postJson("api/v1/documents/outgoing", Json.createObjectBuilder()
                .add("typeCode", "QĐ").add("summary", "Quyết định ban hành quy chế").add("registerId", qppl).build())
                .json().getJsonNumber("id").longValue();
        String qd = Fixtures.user("clerk.xa").postJson("api/v1/documents/" + decision + "/number",
                Json.createObjectBuilder().build()).json().getString("numberSymbol");
        assertEquals(String.format("01/%d/QĐ-UBND", LocalDate.now(VIETNAM).getYear()), qd);
    }

    @Test
    void otherAgenciesAndLowerRolesAreRefused() {
        Api clerk = Fixtures.user("clerk.sct");
        long id = clerk.postMultipart("api/v1/documents/incoming",
                incoming("77/UBND-KT", "UBND tỉnh Lạng Sơn", "Văn bản nội bộ của Sở Công Thương").build(), List.of())
                .json().getJsonNumber("id").longValue();
        assertEquals(404, Fixtures.user("clerk.stc").get("api/v1/documents/" + id).status());
        assertEquals(404, Fixtures.user("clerk.stc").get("api/v1/documents/" + id + "/audit").status());
        assertTrue(Fixtures.user("clerk.stc").get("api/v1/documents?size=200").json().getJsonArray("items").stream()
                .noneMatch(v -> ((JsonObject) v).getJsonNumber("id").longValue() == id));
        assertEquals(200, Fixtures.user("reader.sct").get("api/v1/documents/" + id).status());
        Answer readerRegisters = Fixtures.user("reader.sct").postMultipart("api/v1/documents/incoming",
                incoming("78/UBND-KT", "UBND tỉnh Lạng Sơn", "x").build(), List.of());
        assertEquals(403, readerRegisters.status(), readerRegisters::toString);
        assertEquals("application/problem+json", readerRegisters.contentType().split(";")[0]);
        assertEquals(403, Fixtures.user("clerk.sct").postJson("api/v1/agencies", Json.createObjectBuilder()
                .add("code", "000.00.99.H37").add("name", "x").add("shortName", "x").add("level", "OTHER").build()).status());
        assertEquals(403, Fixtures.user("clerk.sct").get("api/v1/audit?actor=admin").status());
        Answer anonymous = Api.anonymous().get("api/v1/documents");
        assertEquals(401, anonymous.status());
        assertEquals("urn:dms:problem:unauthorized", anonymous.json().getString("type"));
        assertEquals(401, Api.as("clerk.sct", "wrong-password").get("api/v1/me").status());
    }

    @Test
    void secretDocumentsNeedAnExplicitGrant() {
        Api clerk = Fixtures.user("clerk.sct");
        JsonObject secret = clerk.postMultipart("api/v1/documents/incoming",
                incoming("03/CAT-PA", "Công an tỉnh Lạng Sơn", "Văn bản mật về an ninh CCN").add("secrecy", "CONFIDENTIAL")
                        .build(), List.of()).json();
        long id = secret.getJsonNumber("id").longValue();
        assertEquals(200, clerk.get("api/v1/documents/" + id).status(), "the clerk who registered it holds a grant");
        assertEquals(404, Fixtures.user("leader.sct").get("api/v1/documents/" + id).status(), "same agency, no grant");
        assertEquals(204, clerk.postJson("api/v1/documents/" + id + "/grants/leader.sct", Json.createObjectBuilder().build())
                .status());
        assertEquals(200, Fixtures.user("leader.sct").get("api/v1/documents/" + id).status());
        assertEquals(404, Fixtures.user("reader.sct").get("api/v1/documents/" + id).status());
    }

    @Test
    void badInputIsRefusedClearlyAndLeavesNoRows() {
        Api clerk = Fixtures.user("clerk.sct");
        long documents = Database.count("select count(*) from document");
        long files = Database.count("select count(*) from stored_file");
        var meta = incoming("99/TB-XYZ", "Cơ quan thử", "Thử dữ liệu xấu").build();

        Answer empty = clerk.postMultipart("api/v1/documents/incoming", meta,
                List.of(new FilePart("rong.pdf", "application/pdf", new byte[0])));
        assertEquals(400, empty.status(), empty::toString);
        assertEquals("urn:dms:problem:empty-file", empty.json().getString("type"));

        Answer disguised = clerk.postMultipart("api/v1/documents/incoming", meta,
                List.of(new FilePart("quyet-dinh.pdf", "application/pdf", TestFiles.windowsExecutable())));
        assertEquals(415, disguised.status(), disguised::toString);
        assertTrue(disguised.json().getString("detail").contains("quyet-dinh.pdf"));

        Answer tooLarge = clerk.postMultipart("api/v1/documents/incoming", meta,
                List.of(new FilePart("lon.pdf", "application/pdf", TestFiles.pdf("big", 6 * 1024 * 1024))));
        assertEquals(413, tooLarge.status(), tooLarge::toString);

        Answer traversal = clerk.postMultipart("api/v1/documents/incoming", meta,
                List.of(new FilePart("../../etc/passwd.pdf", "application/pdf", TestFiles.pdf("x", 100))));
        assertEquals(400, traversal.status(), traversal::toString);

        Answer control = clerk.postMultipart("api/v1/documents/incoming", meta,
                List.of(new FilePart("a\u0007b.pdf", "application/pdf", TestFiles.pdf("x", 100))));
        assertEquals(400, control.status(), control::toString);

        Answer badJson = clerk.postRaw("api/v1/documents/incoming", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{not json\r\n--x--\r\n".getBytes());
        assertEquals(400, badJson.status(), badJson::toString);

        Answer missing = clerk.postMultipart("api/v1/documents/incoming",
                Json.createObjectBuilder().add("typeCode", "KHONG-CO").add("issuedDate", "2999-01-01").build(), List.of());
        assertEquals(400, missing.status(), missing::toString);
        assertTrue(missing.json().getJsonArray("errors").size() >= 4, missing::toString);

        Answer wrongEnum = clerk.postMultipart("api/v1/documents/incoming",
                incoming("1/X", "Y", "Z").add("secrecy", "VERY_SECRET").build(), List.of());
        assertEquals(400, wrongEnum.status(), wrongEnum::toString);

        Answer notMultipart = clerk.postRaw("api/v1/documents/incoming", "text/plain", "hello".getBytes());
        assertEquals(415, notMultipart.status(), notMultipart::toString);
        assertTrue(notMultipart.contentType().startsWith("application/problem+json"), notMultipart::toString);

        // Paging parameters: a malformed or out of range value is named in a 400 problem, never clamped or a 404.
        for (String bad : List.of("documents?page=-1", "documents?size=0", "documents?size=100000", "documents?page=abc",
                "documents?size=1e3", "audit?actor=vanthu.sct&size=501", "audit?actor=vanthu.sct&page=x",
                "notifications?max=0", "dossiers?max=abc", "copies?documentId=x")) {
            Answer a = bad.startsWith("audit") ? Fixtures.admin().get("api/v1/" + bad) : clerk.get("api/v1/" + bad);
            assertEquals(400, a.status(), () -> bad + " -> " + a);
            assertTrue(a.contentType().startsWith("application/problem+json"), a::toString);
            String parameter = bad.substring(bad.lastIndexOf('&') > 0 ? bad.lastIndexOf('&') + 1 : bad.indexOf('?') + 1,
                    bad.lastIndexOf('='));
            assertTrue(a.json().getJsonArray("errors").getString(0).startsWith(parameter + ": "), a::toString);
        }
        assertEquals(200, clerk.get("api/v1/documents?page=0&size=200").status(), "the largest page is served");
        Answer notAnId = clerk.get("api/v1/documents/abc");
        assertEquals(404, notAnId.status(), notAnId::toString);
        assertEquals("Không tìm thấy", notAnId.json().getString("title"), notAnId::toString);
        Answer wrongShape = Fixtures.user("specialist.sct").postRaw("api/v1/documents/outgoing", "application/json",
                "[[[1]]]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, wrongShape.status(), wrongShape::toString);
        assertTrue(wrongShape.contentType().startsWith("application/problem+json"), wrongShape::toString);
        assertTrue(wrongShape.body().length > 0 && !new String(wrongShape.body(), java.nio.charset.StandardCharsets.UTF_8)
                .contains("vn.ccn."), () -> "no class names of the server: " + wrongShape);

        assertEquals(documents, Database.count("select count(*) from document"), "no document row from bad input");
        assertEquals(files, Database.count("select count(*) from stored_file"), "no file row from bad input");
    }

    /** The forms offer the types by name from the table; the API lists them and says plainly when none is given. */
    @Test
    void documentTypesAreListedByNameAndAMissingTypeIsNamedAsMissing() {
        Answer types = Fixtures.user("reader.sct").get("api/v1/document-types");
        assertEquals(200, types.status(), types::toString);
        List<String> names = types.array().stream().map(v -> v.asJsonObject().getString("name")).toList();
        assertTrue(types.array().stream().anyMatch(v -> v.asJsonObject().getString("code").equals("CV")
                && v.asJsonObject().getString("name").equals("Công văn")), types::toString);
        assertTrue(names.containsAll(List.of("Quyết định", "Tờ trình", "Báo cáo", "Giấy mời")), names::toString);
        java.text.Collator vietnamese = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi-VN"));
        assertEquals(names.stream().sorted(vietnamese).toList(), names, "ordered by name as Vietnamese readers sort");
        assertEquals(401, Api.anonymous().get("api/v1/document-types").status());

        Answer noType = Fixtures.user("clerk.sct").postMultipart("api/v1/documents/incoming",
                Json.createObjectBuilder().add("numberSymbol", "1/TB-X").add("issuerName", "Cơ quan thử")
                        .add("issuedDate", "2025-01-02").add("summary", "Thiếu loại văn bản").build(), List.of());
        assertEquals(400, noType.status(), noType::toString);
        assertTrue(noType.json().getJsonArray("errors").toString().contains("typeCode: Loại văn bản là bắt buộc"),
                noType::toString);
    }

    @Test
    void registersPrintAsPdfWithVietnameseText() throws IOException {
        Api clerk = Fixtures.user("clerk.sct");
        clerk.postMultipart("api/v1/documents/incoming",
                incoming("21/BC-UBND", "UBND xã Hữu Lũng", "Báo cáo tình hình hoạt động cụm công nghiệp Hữu Lũng").build(),
                List.of());
        long register = Fixtures.registerId("clerk.sct", "DEN");
        String today = LocalDate.now(VIETNAM).toString();
        Answer pdf = clerk.get("api/v1/registers/" + register + "/print?from=" + today + "&to=" + today);
        assertEquals(200, pdf.status(), pdf::toString);
        assertEquals("application/pdf", pdf.contentType());
        try (var doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"), text);
            assertTrue(text.contains("Báo cáo tình hình hoạt động cụm công nghiệp Hữu Lũng"), text);
        }
        assertEquals(403, Fixtures.user("reader.sct").get("api/v1/registers/" + register + "/print?from=" + today
                + "&to=" + today).status());
        assertEquals(404, Fixtures.user("clerk.stc").get("api/v1/registers/" + register + "/print?from=" + today
                + "&to=" + today).status());
        assertEquals(400, clerk.get("api/v1/registers/" + register + "/print?from=" + today + "&to=2000-01-01").status());
    }

    @Test
    void auditTrailIsChainedAndTamperingIsDetected() {
        Api admin = Fixtures.admin();
        Fixtures.user("clerk.sct").postMultipart("api/v1/documents/incoming",
                incoming("31/TB-SCT", "Sở Công Thương", "Thông báo kết luận").build(), List.of());
        JsonObject verified = admin.get("api/v1/audit/verify").json();
        assertTrue(verified.getJsonArray("broken").isEmpty(), verified::toString);
        assertTrue(verified.getJsonNumber("entries").longValue() > 0);
        List<JsonObject> mine = admin.get("api/v1/audit?actor=clerk.sct").array().stream().map(JsonObject.class::cast).toList();
        assertTrue(mine.stream().anyMatch(e -> e.getString("action").equals("REGISTER_INCOMING")), mine::toString);
        assertTrue(mine.stream().allMatch(e -> e.getString("actorAgency").equals(Fixtures.SCT)));

        // The database refuses updates to the trail ...
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Database.execute("update audit_entry set actor = 'someone' where action = 'REGISTER_INCOMING'"));
        assertTrue(refused.getCause().getMessage().contains("append-only"));
        // ... and a superuser who bypasses the trigger is caught by the chain.
        long victim = Database.count("select min(id) from audit_entry where action = 'REGISTER_INCOMING'");
        String bypass = "alter table audit_entry disable trigger audit_entry_no_update; %s;"
                + " alter table audit_entry enable trigger audit_entry_no_update";
        Database.execute(String.format(bypass, "create table tamper_backup as select detail from audit_entry where id = " + victim
                + "; update audit_entry set detail = '{}' where id = " + victim));
        try {
            JsonObject tampered = admin.get("api/v1/audit/verify").json();
            assertEquals(1, tampered.getJsonArray("broken").size(), tampered::toString);
            JsonObject link = tampered.getJsonArray("broken").getJsonObject(0);
            assertEquals(victim, link.getJsonNumber("entryId").longValue());
            assertTrue(link.getString("reason").contains("thay đổi"), link::toString);
        } finally {
            Database.execute(String.format(bypass, "update audit_entry set detail = (select detail from tamper_backup)"
                    + " where id = " + victim + "; drop table tamper_backup"));
        }
        assertTrue(admin.get("api/v1/audit/verify").json().getJsonArray("broken").isEmpty(), "restored");
    }
}
