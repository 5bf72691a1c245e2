package vn.ccn.dms.it.search;

import vn.ccn.dms.indexing.infrastructure.SampleFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ccn.dms.it.search.Searching.awaitSearch;
import static vn.ccn.dms.it.search.Searching.awaitSettled;
import static vn.ccn.dms.it.search.Searching.ids;
import static vn.ccn.dms.it.search.Searching.incoming;
import static vn.ccn.dms.it.search.Searching.query;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.ccn.dms.it.Api;
import vn.ccn.dms.it.Api.FilePart;
import vn.ccn.dms.it.Deployments;
import vn.ccn.dms.it.Fixtures;

/**
 * Scans: a PDF holding only a picture of Vietnamese text (drawn with Java2D, as a scanner delivers it) and a PNG
 * photo of a page are found by their words through Tesseract OCR. Needs {@code tesseract-ocr} and
 * {@code tesseract-ocr-vie} on the server's machine: under CI a missing engine fails the test, elsewhere it skips.
 */
@ExtendWith(ArquillianExtension.class)
class OcrIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void requireTesseract() {
        boolean installed = tesseractWithVietnamese();
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(installed, "tesseract with the 'vie' language is not installed"
                    + " (apt-get install tesseract-ocr tesseract-ocr-vie); skipping the OCR test outside CI");
        }
        assertTrue(installed, "CI must have tesseract-ocr and tesseract-ocr-vie installed");
        Fixtures.load();
    }

    static boolean tesseractWithVietnamese() {
        try {
            Process p = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(20, TimeUnit.SECONDS) && out.lines().anyMatch(l -> l.strip().equals("vie"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void scannedPdfAndPhotoAreFoundByTheirWords() throws IOException {
        Api clerk = Fixtures.user("clerk.stc");
        long scan = Searching.register(clerk, incoming("QĐ", "45/QĐ-UBND", "Ủy ban nhân dân huyện Cao Lộc",
                "Văn bản scan số 45"), new FilePart("ban-quet.pdf", "application/pdf", SampleFiles.scannedPdf(
                "QUYẾT ĐỊNH", "Về việc phê duyệt quy hoạch chi tiết", "cụm công nghiệp Hồng Phong", "huyện Cao Lộc tỉnh Lạng Sơn")));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(SampleFiles.scan("THÔNG BÁO", "Kết luận kiểm tra an toàn", "phòng cháy chữa cháy Tân Thành"),
                "png", png);
        long photo = Searching.register(clerk, incoming("TB", "46/TB-UBND", "Ủy ban nhân dân huyện Cao Lộc",
                "Ảnh chụp số 46"), new FilePart("anh-chup.png", "image/png", png.toByteArray()));
        JsonObject scanState = awaitSettled(clerk, scan);
        assertEquals("INDEXED", scanState.getString("state"), scanState::toString);
        assertTrue(scanState.getBoolean("ocr"), "the version records that its text came from OCR");
        JsonObject photoState = awaitSettled(clerk, photo);
        assertEquals("INDEXED", photoState.getString("state"), photoState::toString);
        assertTrue(photoState.getBoolean("ocr"));

        Api reader = Fixtures.user("reader.stc");
        JsonObject found = awaitSearch(reader, query(Map.of("q", "quy hoach chi tiet cum cong nghiep hong phong")),
                r -> ids(r).contains(scan), "the scanned decision by words only in its picture");
        assertEquals(scan, ids(found).get(0), found::toString);
        awaitSearch(reader, query(Map.of("q", "kết luận kiểm tra phòng cháy chữa cháy Tân Thành")),
                r -> !ids(r).isEmpty() && ids(r).get(0) == photo, "the photographed notice");
    }
}
