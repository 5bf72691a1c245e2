package vn.ccn.dms.it.search;

import vn.ccn.dms.indexing.infrastructure.SampleFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ccn.dms.it.search.Searching.awaitSearch;
import static vn.ccn.dms.it.search.Searching.awaitSettled;
import static vn.ccn.dms.it.search.Searching.ids;
import static vn.ccn.dms.it.search.Searching.incoming;
import static vn.ccn.dms.it.search.Searching.query;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.ccn.dms.it.Api;
import vn.ccn.dms.it.Api.Answer;
import vn.ccn.dms.it.Api.FilePart;
import vn.ccn.dms.it.Deployments;
import vn.ccn.dms.it.Fixtures;

/**
 * Hostile and broken files: each ends as a recorded failure with a reason on its version, the file stays stored
 * and downloadable, the document stays findable by its metadata, and the worker goes on indexing.
 */
@ExtendWith(ArquillianExtension.class)
class BadFilesIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void fixtures() {
        Fixtures.load();
    }

    private record Case(String name, FilePart file, String reasonContains) {
    }

    @Test
    void badFilesFailWithAReasonAndStayDownloadable() {
        Api clerk = Fixtures.user("clerk.sct");
        String t = "bf" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<Case> cases = List.of(
                new Case("encrypted", new FilePart("co-mat-khau.pdf", "application/pdf",
                        SampleFiles.encryptedPdf("Nội dung cần mật khẩu")), "mã hóa"),
                new Case("truncated", new FilePart("bi-cat.pdf", "application/pdf",
                        SampleFiles.truncatedPdf("Văn bản bị cắt cụt khi truyền")), "hỏng"),
                new Case("zip bomb", new FilePart("bom.docx", DOCX, SampleFiles.zipBombDocx(400L << 20)), "bom nén"));
        for (Case c : cases) {
            long id = Searching.register(clerk, incoming("CV", "1/" + c.name().replace(' ', '-') + "-" + t, "Đơn vị thử",
                    "Tệp lỗi " + c.name() + " " + t), c.file());
            JsonObject state = awaitSettled(clerk, id);
            assertEquals("FAILED", state.getString("state"), () -> c.name() + ": " + state);
            assertTrue(state.getString("reason").contains(c.reasonContains()), () -> c.name() + ": " + state);
            assertTrue(state.getString("reason").contains(c.file().name()), "the reason names the file: " + state);
            JsonObject document = clerk.get("api/v1/documents/" + id).json();
            long fileId = document.getJsonArray("versions").getJsonObject(0).getJsonArray("files").getJsonObject(0)
                    .getJsonNumber("id").longValue();
            Answer download = clerk.get("api/v1/documents/" + id + "/files/" + fileId + "/content");
            assertEquals(200, download.status(), download::toString);
            assertArrayEquals(c.file().bytes(), download.body(), c.name() + " is stored unchanged");
            awaitSearch(Fixtures.user("reader.sct"), query(Map.of("q", "Tệp lỗi " + c.name() + " " + t)),
                    r -> ids(r).contains(id), c.name() + " findable by its metadata");
        }

        // Wrong extensions: the content decides. A PDF named .docx and a DOCX named .pdf are read for what they are.
        long pdfAsDocx = Searching.register(clerk, incoming("CV", "2/WE-" + t, "Đơn vị thử", "Sai phần mở rộng 1"),
                new FilePart("thuc-ra-la-pdf.docx", DOCX, SampleFiles.pdf("Biên bản nghiệm thu hạ tầng " + t + "pdf")));
        long docxAsPdf = Searching.register(clerk, incoming("CV", "3/WE-" + t, "Đơn vị thử", "Sai phần mở rộng 2"),
                new FilePart("thuc-ra-la-docx.pdf", "application/pdf", SampleFiles.docx("Biên bản họp " + t + "docx")));
        assertEquals("INDEXED", awaitSettled(clerk, pdfAsDocx).getString("state"));
        assertEquals("INDEXED", awaitSettled(clerk, docxAsPdf).getString("state"));
        Api reader = Fixtures.user("reader.sct");
        awaitSearch(reader, query(Map.of("q", t + "pdf")), r -> ids(r).equals(List.of(pdfAsDocx)), "PDF named .docx");
        awaitSearch(reader, query(Map.of("q", t + "docx")), r -> ids(r).equals(List.of(docxAsPdf)), "DOCX named .pdf");

        // The worker survived all of it: a good file is indexed as usual.
        long good = Searching.register(clerk, incoming("CV", "4/OK-" + t, "Đơn vị thử", "Tệp tốt " + t),
                Searching.pdf("tot.pdf", "Công văn bình thường " + t));
        assertEquals("INDEXED", awaitSettled(clerk, good).getString("state"));
        Answer health = Api.anonymous().get("health/live");
        assertEquals(200, health.status(), health::toString);
    }
}
