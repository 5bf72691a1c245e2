package vn.ccn.dms.it.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ccn.dms.it.search.Searching.awaitSearch;
import static vn.ccn.dms.it.search.Searching.awaitSettled;
import static vn.ccn.dms.it.search.Searching.facetCount;
import static vn.ccn.dms.it.search.Searching.ids;
import static vn.ccn.dms.it.search.Searching.incoming;
import static vn.ccn.dms.it.search.Searching.pdf;
import static vn.ccn.dms.it.search.Searching.query;
import static vn.ccn.dms.it.search.Searching.register;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.ccn.dms.it.Api;
import vn.ccn.dms.it.Api.Answer;
import vn.ccn.dms.it.Database;
import vn.ccn.dms.it.Deployments;
import vn.ccn.dms.it.Fixtures;
import vn.ccn.dms.it.ServerThreads;

/** Searching through the API as users of several agencies: diacritics, numbers, trimming, saved searches, exports. */
@ExtendWith(ArquillianExtension.class)
class SearchApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void fixtures() {
        Fixtures.load();
    }

    /** A word no other document holds, so counts are exact whatever else the session registered. */
    private static String token() {
        return "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void queryWithoutDiacriticsFindsTheDecision() throws Exception {
        Api clerk = Fixtures.user("clerk.sct");
        String t = token();
        long id = register(clerk, incoming("QĐ", "21/2025/QĐ-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn",
                "Quyết định thành lập cụm công nghiệp Hữu Lũng " + t),
                pdf("qd-21.pdf", "QUYẾT ĐỊNH\nVề việc thành lập cụm công nghiệp Hữu Lũng, huyện Hữu Lũng, tỉnh Lạng Sơn.\n"
                        + "Điều 1. Thành lập cụm công nghiệp Hữu Lũng với diện tích 50 ha. Mã tra cứu " + t));
        assertEquals("INDEXED", awaitSettled(clerk, id).getString("state"));
        assertEquals(1, Database.count("select count(*) from content_text where text_content like '%" + t + "%'"));
        assertEquals(0, Database.count("select count(*) from content_text where text_content like '%" + t + "%" + t + "%'"),
                "the file's text is stored once");
        // The threads that extracted it run below the requests' priority (dms.indexing.extraction-nice, default 19).
        Map<Integer, Integer> extraction = ServerThreads.niceOf("dms-extraction-");
        assertTrue(!extraction.isEmpty() && extraction.values().stream().allMatch(n -> n == 19), extraction::toString);
        Api reader = Fixtures.user("reader.sct");
        JsonObject plain = awaitSearch(reader, query(Map.of("q", "quyet dinh thanh lap cum cong nghiep huu lung " + t)),
                r -> ids(r).contains(id), "the decision typed without diacritics");
        assertEquals(id, ids(plain).get(0), plain::toString);
        JsonObject hit = plain.getJsonArray("hits").getJsonObject(0);
        assertTrue(hit.getJsonObject("highlights").toString().contains("<mark>"), hit::toString);
        JsonObject accented = Searching.search(reader, "Quyết định thành lập cụm công nghiệp Hữu Lũng " + t).json();
        assertEquals(id, ids(accented).get(0), accented::toString);
        // Words found only in the file's text, not in the metadata.
        JsonObject content = Searching.search(reader, "dien tich 50 ha " + t).json();
        assertEquals(List.of(id), ids(content), content::toString);
        // The same words sent as raw UTF-8 bytes in the request line (curl "…?q=Quyết định", some scripts) instead
        // of percent-escapes find the same decision; bytes that are not UTF-8 get a Vietnamese problem, not a miss.
        RawAnswer raw = rawGet("reader.sct", ("/api/v1/search?q=Quyết%20định%20thành%20lập%20" + t).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, raw.status(), raw::toString);
        JsonObject rawResult = Json.createReader(new java.io.StringReader(raw.body())).readObject();
        assertEquals("Quyết định thành lập " + t, rawResult.getString("query"), raw::toString);
        assertEquals(id, ids(rawResult).get(0), raw::toString);
        assertEquals(ids(Searching.search(reader, "Quyết định thành lập " + t).json()), ids(rawResult), raw::toString);
        RawAnswer latin = rawGet("reader.sct", ("/api/v1/search?q=Quy\u00eat%20" + t).getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(400, latin.status(), latin::toString);
        assertTrue(latin.body().contains("UTF-8") && latin.body().contains("urn:dms:problem:invalid-input"), latin::toString);
    }

    record RawAnswer(int status, String body) {
    }

    /**
     * A GET whose request line carries exactly these bytes (HTTP clients would escape them), over a plain socket.
     * HTTP/1.0, so that the answer is not chunked and ends when the server closes the connection.
     */
    private static RawAnswer rawGet(String username, byte[] target) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(Api.BASE.getHost(), Api.BASE.getPort())) {
            socket.setSoTimeout(30_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write("GET ".getBytes(StandardCharsets.US_ASCII));
            out.write(target);
            out.write((" HTTP/1.0\r\nHost: localhost\r\nAuthorization: Basic " + java.util.Base64.getEncoder()
                    .encodeToString((username + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] response = socket.getInputStream().readAllBytes();
            String head = new String(response, StandardCharsets.ISO_8859_1);
            int bodyStart = head.indexOf("\r\n\r\n") + 4;
            return new RawAnswer(Integer.parseInt(head.substring(9, 12)),
                    new String(response, bodyStart, response.length - bodyStart, StandardCharsets.UTF_8));
        }
    }

    @Test
    void numberSymbolIsFoundExactlyInAnyCaseSpacingOrWithoutDiacritics() {
        Api clerk = Fixtures.user("clerk.sct");
        long decision = register(clerk, incoming("QĐ", "17/2025/QĐ-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn",
                "Quyết định ban hành quy chế phối hợp quản lý cụm công nghiệp"), pdf("qd-17.pdf", "Quy chế phối hợp."));
        long citing = register(clerk, incoming("CV", "310/SCT-QLCN", "Sở Công Thương tỉnh Lạng Sơn",
                "Triển khai thực hiện Quyết định số 17/2025/QĐ-UBND"), pdf("cv-310.pdf",
                "Căn cứ Quyết định số 17/2025/QĐ-UBND của Ủy ban nhân dân tỉnh."));
        awaitSettled(clerk, decision);
        awaitSettled(clerk, citing);
        Api reader = Fixtures.user("reader.sct");
        for (String typed : List.of("17/2025/QĐ-UBND", "17/2025/qđ-ubnd", " 17 / 2025 / QĐ-UBND ", "17/2025/qd-ubnd")) {
            // Both are indexed; the wait covers the index refresh (one second).
            JsonObject r = awaitSearch(reader, query(Map.of("q", typed)),
                    x -> ids(x).contains(decision) && ids(x).contains(citing), typed);
            assertEquals(decision, ids(r).get(0), () -> typed + " -> " + r);
            assertTrue(ids(r).contains(citing), () -> "the citing letter is found too: " + r);
        }
    }

    /**
     * The CCN filter and facet: a document tagged as concerning a cluster (issue 5) is found with {@code ccn=} and
     * counted under it; the untagged one beside it is not.
     */
    @Test
    void documentsAreFilteredAndCountedByTheClusterTheyConcern() {
        String t = token();
        String code = "CCN-" + t.toUpperCase(java.util.Locale.ROOT);
        Answer created = Fixtures.admin().postJson("api/v1/ccns", Json.createObjectBuilder().add("code", code)
                .add("name", "Cụm công nghiệp kiểm thử " + t).add("communeAgencyCode", Fixtures.COMMUNE).build());
        assertEquals(201, created.status(), created::toString);
        Api clerk = Fixtures.user("clerk.sct");
        long tagged = register(clerk, incoming("CV", "81/UBND-KT", "UBND xã Hữu Lũng", "Công văn về hạ tầng cụm công nghiệp " + t),
                pdf("ht.pdf", "Hạ tầng kỹ thuật " + t));
        long untagged = register(clerk, incoming("CV", "82/UBND-KT", "UBND xã Hữu Lũng", "Công văn về giải phóng mặt bằng " + t),
                pdf("gp.pdf", "Giải phóng mặt bằng " + t));
        Answer tag = clerk.putJson("api/v1/documents/" + tagged + "/ccns/" + code, Json.createObjectBuilder().build());
        assertEquals(204, tag.status(), tag::toString);

        Api reader = Fixtures.user("reader.sct");
        JsonObject inCluster = awaitSearch(reader, query(Map.of("q", t, "ccn", code)), r -> r.getInt("total") == 1,
                "the tagged document under its cluster");
        assertEquals(List.of(tagged), ids(inCluster));
        JsonObject all = awaitSearch(reader, query(Map.of("q", t)), r -> r.getInt("total") == 2, "both documents");
        assertEquals(1, facetCount(all, "ccn", code), all::toString);
        assertTrue(ids(all).contains(untagged));
        assertEquals(0, reader.get(query(Map.of("q", t, "ccn", "CCN-KHONG-CO"))).json().getInt("total"));
    }

    @Test
    void usersSeeCountAndFacetOnlyWhatTheyMayRead() {
        Api clerkSct = Fixtures.user("clerk.sct");
        Api clerkStc = Fixtures.user("clerk.stc");
        String t = token();
        for (int i = 0; i < 3; i++) {
            register(clerkSct, incoming("CV", (40 + i) + "/UBND-KT", "UBND xã Hữu Lũng", "Công văn về cụm công nghiệp " + t),
                    pdf("cv.pdf", "Nội dung công văn " + t));
        }
        long[] stc = new long[2];
        for (int i = 0; i < 2; i++) {
            stc[i] = register(clerkStc, incoming("TB", (70 + i) + "/TB-STC", "Sở Tài chính", "Thông báo giá thuê đất " + t),
                    pdf("tb.pdf", "Thông báo " + t));
        }
        long secret = register(clerkSct, incoming("QĐ", "5/QĐ-M", "Công an tỉnh", "Quyết định mật về an ninh " + t)
                .add("secrecy", "CONFIDENTIAL"), pdf("mat.pdf", "Nội dung mật " + t));
        long draft = createDraftAddressedToStc(t);
        awaitSettled(clerkSct, secret);
        awaitSettled(clerkSct, draft);
        awaitSettled(clerkStc, stc[1]);

        Api readerSct = Fixtures.user("reader.sct");
        JsonObject sct = awaitSearch(readerSct, query(Map.of("q", t)), r -> r.getInt("total") >= 4, "SCT documents");
        assertEquals(4, sct.getInt("total"), "3 letters + the draft, never STC's notices or the secret decision: " + sct);
        assertEquals(4, facetCount(sct, "agency", Fixtures.SCT), sct::toString);
        assertEquals(0, facetCount(sct, "agency", Fixtures.STC), sct::toString);
        assertEquals(0, facetCount(sct, "type", "TB"), "facets count only readable documents: " + sct);
        assertFalse(sct.toString().contains("Thông báo giá thuê"), "no snippet of another agency's document");

        Api readerStc = Fixtures.user("reader.stc");
        JsonObject stcView = awaitSearch(readerStc, query(Map.of("q", t)), r -> r.getInt("total") >= 2, "STC documents");
        assertEquals(2, stcView.getInt("total"), "the draft addressed to STC stays invisible until issued: " + stcView);
        assertEquals(2, facetCount(stcView, "type", "TB"));
        assertEquals(0, facetCount(stcView, "type", "CV"));

        // The secret decision: its registering clerk holds a grant, nobody else.
        JsonObject clerkView = awaitSearch(clerkSct, query(Map.of("q", t)), r -> ids(r).contains(secret), "granted");
        assertEquals(5, clerkView.getInt("total"), clerkView::toString);

        // A grant re-indexes the document (trigger on document_grant): the grantee finds it, counted once.
        assertEquals(204, clerkSct.postJson("api/v1/documents/" + secret + "/grants/reader.stc",
                Json.createObjectBuilder().build()).status());
        awaitSearch(readerStc, query(Map.of("q", t)), r -> ids(r).contains(secret), "secret document after the grant");

        // Issuing the draft makes it readable by its recipient agency, and so findable.
        Answer numbered = clerkSct.postJson("api/v1/documents/" + draft + "/number",
                Json.createObjectBuilder().add("unit", "QLCN").build());
        assertEquals(200, numbered.status(), numbered::toString);
        JsonObject afterIssue = awaitSearch(readerStc, query(Map.of("q", t)), r -> ids(r).contains(draft), "issued letter");
        assertEquals(4, afterIssue.getInt("total"), afterIssue::toString);
        assertEquals(2, facetCount(afterIssue, "agency", Fixtures.SCT), "the granted secret decision and the letter: "
                + afterIssue);
        assertEquals(1, facetCount(afterIssue, "status", "ISSUED"), afterIssue::toString);

        // Filters narrow and keep the trimming.
        JsonObject filtered = readerSct.get(query(Map.of("q", t, "type", "CV"))).json();
        assertEquals(4, filtered.getInt("total"), "3 letters and the issued one: " + filtered);
        JsonObject byStatus = readerSct.get(query(Map.of("q", t, "status", "ISSUED"))).json();
        assertEquals(List.of(draft), ids(byStatus), byStatus::toString);
    }

    private long createDraftAddressedToStc(String t) {
        Api specialist = Fixtures.user("specialist.sct");
        long register = Fixtures.registerId("clerk.sct", "DI");
        JsonObject metadata = Json.createObjectBuilder().add("typeCode", "CV")
                .add("summary", "Công văn đề nghị Sở Tài chính góp ý " + t).add("signerName", "Nguyễn Văn An")
                .add("registerId", register).add("recipients", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("agencyCode", Fixtures.STC).add("name", "Sở Tài chính")))
                .build();
        Answer a = specialist.postMultipart("api/v1/documents/outgoing", metadata, List.of(pdf("du-thao.pdf", "Dự thảo " + t)));
        assertEquals(201, a.status(), a::toString);
        return a.json().getJsonNumber("id").longValue();
    }

    @Test
    void hostileQueriesGetAClearErrorOrASafeResultNeverAServerError() {
        Api reader = Fixtures.user("reader.sct");
        for (String q : List.of("(((", "\"unclosed", "title:x AND", "*:*", "a~9999", "/regex.*/", "\\",
                "+-&&||!(){}[]^\"~*?:\\/", "<script>alert(1)</script>", "' OR 1=1 --", "𝕏 😀 \u200b",
                "qđ-ubnd AND NOT OR", "x".repeat(1000), "a ".repeat(200))) {
            Answer a = Searching.search(reader, q);
            assertTrue(a.status() == 200 || a.status() == 400, () -> q + " -> " + a);
            if (a.status() == 400) {
                assertTrue(a.contentType().startsWith("application/problem+json"), a::toString);
            }
        }
        String huge = "quyết định ".repeat(1000);
        Answer viaUrl = Searching.sendAlone("reader.sct", "GET", query(Map.of("q", huge)), null);
        assertEquals(400, viaUrl.status(), viaUrl::toString); // about 35 KB of URL: under the listener's 64 KiB limit
        assertTrue(viaUrl.contentType().startsWith("application/problem+json"), viaUrl::toString);
        assertTrue(viaUrl.json().getString("detail").contains("tìm kiếm"), viaUrl::toString);
        Answer viaBody = Searching.sendAlone("reader.sct", "POST", "api/v1/search",
                Json.createObjectBuilder().add("q", huge).build());
        assertEquals(400, viaBody.status(), viaBody::toString);
        assertTrue(viaBody.contentType().startsWith("application/problem+json"), viaBody::toString);
        assertTrue(viaBody.json().getString("detail").contains("tìm kiếm"), viaBody::toString);
        for (String bad : List.of("size=0", "size=1000", "page=-1", "year=abc", "sort=foo", "page=9999&size=100", "q=a&q=b")) {
            Answer a = reader.get("api/v1/search?" + bad);
            assertEquals(400, a.status(), () -> bad + " -> " + a);
            assertTrue(a.contentType().startsWith("application/problem+json"), a::toString);
        }
        // Several wrong parameters: one answer names every one of them, in the order of the form.
        Answer several = reader.get("api/v1/search?size=abc&sort=foo&year=25&q=a&q=b");
        assertEquals(400, several.status(), several::toString);
        assertEquals(List.of("q: chỉ được cho một giá trị", "year: năm phải có 4 chữ số, không phải '25'",
                "sort: chỉ nhận relevance, newest hoặc oldest", "size: phải là số nguyên"),
                several.json().getJsonArray("errors").getValuesAs(jakarta.json.JsonString::getString), several::toString);
    }

    @Test
    void savedSearchesBelongToTheirOwner() {
        Api reader = Fixtures.user("reader.sct");
        String name = "Quyết định về CCN " + token();
        Answer created = reader.postJson("api/v1/search/saved", Json.createObjectBuilder().add("name", name)
                .add("parameters", "q=quyết định cụm công nghiệp&type=QĐ&sort=newest").build());
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals("newest", created.json().getJsonObject("search").getString("sort").toLowerCase());
        assertTrue(reader.get("api/v1/search/saved").array().stream()
                .anyMatch(v -> v.asJsonObject().getString("name").equals(name)));
        assertEquals(200, reader.get("api/v1/search/saved/" + id + "/results").status());
        assertEquals(409, reader.postJson("api/v1/search/saved", Json.createObjectBuilder().add("name", name)
                .add("parameters", "q=x").build()).status(), "names are unique per user");
        Api other = Fixtures.user("reader.stc");
        assertEquals(404, other.get("api/v1/search/saved/" + id).status(), "another user's saved search is not there");
        assertEquals(404, other.get("api/v1/search/saved/" + id + "/results").status());
        Answer renamed = Searching.send("reader.sct", "PUT", "api/v1/search/saved/" + id, Json.createObjectBuilder().add("name", name + " (2)")
                .add("parameters", "q=cụm công nghiệp").build());
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("q=c%E1%BB%A5m+c%C3%B4ng+nghi%E1%BB%87p", renamed.json().getString("parameters"));
        assertEquals(400, reader.postJson("api/v1/search/saved", Json.createObjectBuilder().add("name", " ")
                .add("parameters", "q=x").build()).status());
        assertEquals(204, Searching.send("reader.sct", "DELETE", "api/v1/search/saved/" + id, null).status());
        assertEquals(404, reader.get("api/v1/search/saved/" + id).status());
    }

    @Test
    void resultListExportsToPdfAndXlsxWithVietnameseText() throws Exception {
        Api clerk = Fixtures.user("clerk.sct");
        String t = token();
        String summary = "Báo cáo tình hình hoạt động cụm công nghiệp Đồng Bành 6 tháng đầu năm " + t;
        long id = register(clerk, incoming("BC", "88/BC-UBND", "Ủy ban nhân dân xã Chi Lăng", summary),
                pdf("bc.pdf", "Báo cáo " + t));
        awaitSettled(clerk, id);
        Api reader = Fixtures.user("reader.sct");
        awaitSearch(reader, query(Map.of("q", t)), r -> ids(r).contains(id), "report");
        Answer pdf = reader.get(query(Map.of("q", t, "format", "pdf")).replace("api/v1/search?", "api/v1/search/export?"));
        assertEquals(200, pdf.status(), pdf::toString);
        assertEquals("application/pdf", pdf.contentType());
        try (var doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("KẾT QUẢ TÌM KIẾM VĂN BẢN"), text);
            assertTrue(text.replaceAll("\\s+", " ").contains("Đồng Bành"), text);
            assertTrue(text.contains("88/BC-UBND"), text);
        }
        Answer xlsx = reader.get(query(Map.of("q", t, "format", "xlsx")).replace("api/v1/search?", "api/v1/search/export?"));
        assertEquals(200, xlsx.status(), xlsx::toString);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            boolean found = false;
            for (Row row : workbook.getSheetAt(0)) {
                found |= row.getCell(5) != null && summary.equals(row.getCell(5).getStringCellValue());
            }
            assertTrue(found, "the summary is in column F");
        }
        assertEquals(400, reader.get("api/v1/search/export?format=docx&q=x").status());
    }

    @Test
    void healthReportsIndexStateAndBacklog() {
        Answer ready = Api.anonymous().get("health/ready");
        assertEquals(200, ready.status(), ready::toString);
        JsonObject check = ready.json().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("search-index")).findFirst().orElseThrow();
        assertEquals("UP", check.getString("status"));
        JsonObject data = check.getJsonObject("data");
        assertTrue(data.containsKey("outboxBacklog") && data.containsKey("indexStatus"), data::toString);
        assertEquals("true", String.valueOf(data.get("searchAvailable")).replace("\"", ""), data::toString);
        Answer live = Api.anonymous().get("health/live");
        assertEquals(200, live.status(), live::toString);
        assertTrue(live.text().contains("indexing-worker"), live::toString);
    }

    /**
     * A backlog of more than a batch (100 events): the worker claims the next batch and starts its extraction while
     * it sends the current one; a document whose extraction is already under way is joined, not extracted twice
     * (one text row per blob), and every event is settled.
     */
    @Test
    void aBacklogOfSeveralBatchesIsIndexedWithTheNextBatchExtractedAhead() throws Exception {
        Api clerk = Fixtures.user("clerk.sct");
        String t = token();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(register(clerk, incoming("CV", (300 + i) + "/SCT-" + t, "Sở Công Thương", "Công văn tồn đọng số " + i),
                    pdf("cv-" + i + ".pdf", "Nội dung công văn tồn đọng " + t + " số " + i)));
        }
        for (long id : ids) {
            awaitSettled(clerk, id);
        }
        String idList = ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        String files = "select f.content_key from stored_file f join document_version v on v.id = f.version_id"
                + " where v.document_id in (" + idList + ")";
        // Texts forgotten, then 120 events at once, each document three times, interleaved: batches of 100 and 20.
        vn.ccn.dms.it.Database.execute("delete from content_text where content_key in (" + files + ");"
                + " insert into outbox_event (id, topic, subject_id, payload, created_at, available_at)"
                + " select nextval('dms_seq'), 'index-document', d::text, null, now(), now()"
                + " from generate_series(1, 3) r, unnest(array[" + idList + "]::bigint[]) as d order by r");
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        String pending = "select count(*) from outbox_event where topic = 'index-document' and processed_at is null"
                + " and subject_id in (" + ids.stream().map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(","))
                + ")";
        while (vn.ccn.dms.it.Database.count(pending) > 0) {
            assertTrue(Instant.now().isBefore(until), "backlog still pending: " + vn.ccn.dms.it.Database.count(pending));
            Searching.sleep(300);
        }
        assertEquals(40, vn.ccn.dms.it.Database.count("select count(*) from content_text where status = 'EXTRACTED'"
                + " and text_content like '%" + t + "%' and content_key in (" + files + ")"), "every file extracted again");
        JsonObject found = awaitSearch(Fixtures.user("reader.sct"), query(Map.of("q", t, "size", "50")),
                r -> r.getInt("total") == 40, "all 40 documents");
        assertEquals(new java.util.HashSet<>(ids), new java.util.HashSet<>(ids(found)));
    }

    /**
     * A file the content store cannot read holds back only its own document: the others of the batch are extracted
     * and indexed, the unreadable one is indexed by its metadata with a failed state that says the system will try
     * again, its event backs off, and once the store reads the file again the document is indexed whole by itself.
     */
    @Test
    void aFileTheStoreCannotReadHoldsBackOnlyItsOwnDocument() throws Exception {
        Api clerk = Fixtures.user("clerk.sct");
        String t = token();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(register(clerk, incoming("CV", (400 + i) + "/SCT-" + t, "Sở Công Thương", "Công văn kho " + t + " số " + i),
                    pdf("kho-" + i + ".pdf", "Nội dung trong tệp " + t + "nd" + i)));
        }
        for (long id : ids) {
            awaitSettled(clerk, id);
        }
        long broken = ids.get(1);
        String idList = ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        String files = "select f.content_key from stored_file f join document_version v on v.id = f.version_id"
                + " where v.document_id in (" + idList + ")";
        String sha = Database.text("select b.sha256 from content_blob b join stored_file f on f.content_key = b.content_key"
                + " join document_version v on v.id = f.version_id where v.document_id = " + broken);
        java.nio.file.Path blob = java.nio.file.Path.of(System.getenv("DMS_CONTENT_ROOT"), "sha256", sha.substring(0, 2),
                sha.substring(2, 4), sha);
        java.nio.file.Path aside = blob.resolveSibling(sha + ".aside");
        java.nio.file.Files.move(blob, aside);
        String events = "select count(*) from outbox_event where topic = 'index-document' and processed_at is null"
                + " and subject_id = '" + broken + "'";
        try {
            // Texts forgotten and the three queued in one statement: one batch, whose middle file cannot be read.
            Database.execute("delete from content_text where content_key in (" + files + ");"
                    + " insert into outbox_event (id, topic, subject_id, payload, created_at, available_at)"
                    + " select nextval('dms_seq'), 'index-document', d::text, null, now(), now()"
                    + " from unnest(array[" + idList + "]::bigint[]) as d");
            Api reader = Fixtures.user("reader.sct");
            for (int i : new int[] {0, 2}) {
                long id = ids.get(i);
                awaitSearch(reader, query(Map.of("q", t + "nd" + i)), r -> ids(r).equals(List.of(id)),
                        "document " + i + " found by the text of its file");
            }
            Instant until = Instant.now().plus(Duration.ofSeconds(60));
            while (Database.count(events + " and attempts >= 1 and last_error like '%kho-1.pdf: cannot read%'"
                    + " and available_at > now()") != 1) {
                assertTrue(Instant.now().isBefore(until), "the unreadable document's event backs off with its reason");
                Searching.sleep(200);
            }
            JsonObject state = awaitSettled(clerk, broken);
            assertEquals("FAILED", state.getString("state"), state::toString);
            assertEquals("kho-1.pdf: tạm thời không đọc được tệp từ kho lưu trữ; hệ thống sẽ tự thử lại",
                    state.getString("reason"));
            assertEquals(List.of(broken), ids(reader.get(query(Map.of("q", "401/SCT-" + t))).json()),
                    "found by its number and symbol meanwhile");
            // Its entry from before the texts were forgotten is replaced by one without the text (after a refresh).
            awaitSearch(reader, query(Map.of("q", t + "nd1")), r -> ids(r).isEmpty(), "its text out of the index");
            assertEquals(0, Database.count("select count(*) from outbox_event where topic = 'index-document'"
                    + " and processed_at is null and subject_id in ('" + ids.get(0) + "','" + ids.get(2) + "')"),
                    "the other two are done");
        } finally {
            java.nio.file.Files.move(aside, blob);
        }
        // The store reads it again: the next attempt (brought forward here) indexes it whole.
        Database.execute("update outbox_event set available_at = now() where topic = 'index-document'"
                + " and processed_at is null and subject_id = '" + broken + "'");
        awaitSearch(Fixtures.user("reader.sct"), query(Map.of("q", t + "nd1")), r -> ids(r).equals(List.of(broken)),
                "the document found by its text once the file is readable");
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Database.count(events) != 0 || !"INDEXED".equals(awaitSettled(clerk, broken).getString("state"))) {
            assertTrue(Instant.now().isBefore(until), "event done and version indexed");
            Searching.sleep(200);
        }
    }

    @Test
    void rebuildBuildsAFreshIndexWhileSearchKeepsWorking() {
        Api clerk = Fixtures.user("clerk.sct");
        String t = token();
        long id = register(clerk, incoming("KH", "12/KH-SCT", "Sở Công Thương", "Kế hoạch kiểm tra cụm công nghiệp " + t),
                pdf("kh.pdf", "Kế hoạch " + t));
        awaitSettled(clerk, id);
        Api reader = Fixtures.user("reader.sct");
        awaitSearch(reader, query(Map.of("q", t)), r -> ids(r).contains(id), "plan before the rebuild");
        assertEquals(403, reader.postJson("api/v1/search/rebuild", JsonValue.EMPTY_JSON_OBJECT).status());
        Api admin = Fixtures.admin();
        String before = healthIndex();
        // Its stored text forgotten: the rebuild extracts the file again, ahead of sending the page (prefetch).
        String files = "select f.content_key from stored_file f join document_version v on v.id = f.version_id"
                + " where v.document_id = " + id;
        vn.ccn.dms.it.Database.execute("delete from content_text where content_key in (" + files + ")");
        Answer started = admin.postJson("api/v1/search/rebuild", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(202, started.status(), started::toString);
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        JsonObject progress;
        do {
            assertEquals(200, Searching.search(reader, t).status(), "search is served during the rebuild");
            Searching.sleep(300);
            progress = admin.get("api/v1/search/rebuild").json();
        } while (!List.of("DONE", "FAILED").contains(progress.getString("state")) && Instant.now().isBefore(until));
        assertEquals("DONE", progress.getString("state"), progress::toString);
        assertEquals(100.0, progress.getJsonNumber("percent").doubleValue(), 0.001);
        assertTrue(progress.getJsonNumber("processed").longValue() >= 1, progress::toString);
        assertNotEquals(before, healthIndex(), "the alias points at the new index");
        JsonObject after = reader.get(query(Map.of("q", t))).json();
        assertEquals(List.of(id), ids(after), after::toString);
        assertEquals(1, vn.ccn.dms.it.Database.count("select count(*) from content_text where status = 'EXTRACTED'"
                + " and text_content like '%" + t + "%' and content_key in (" + files + ")"), "the file was extracted again");
    }

    private static String healthIndex() {
        return Api.anonymous().get("health/ready").json().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("search-index")).findFirst().orElseThrow()
                .getJsonObject("data").getString("index");
    }
}
