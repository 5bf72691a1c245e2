package vn.ccn.dms.document.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.junit.jupiter.api.Test;

class MediaTypeDetectorTest {

    private final MediaTypeDetector detector = new MediaTypeDetector();

    /** What Tika alone says, as the detector did before the PDF shortcut. */
    private static String tika(byte[] bytes, String name) throws IOException {
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        return TikaConfig.getDefaultConfig().getDetector().detect(new BufferedInputStream(new ByteArrayInputStream(bytes)), metadata)
                .getBaseType().toString();
    }

    private String detect(byte[] bytes, String name) throws IOException {
        return detector.detect(new BufferedInputStream(new ByteArrayInputStream(bytes)), name);
    }

    private static byte[] pdfWithText(String text, int pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(text + " " + i);
                    content.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void pdfsNamedPdfAreWhatTikaSays() throws Exception {
        List<byte[]> pdfs = new ArrayList<>();
        pdfs.add(pdfWithText("Quyet dinh thanh lap cum cong nghiep", 1));
        pdfs.add(pdfWithText("Bao cao", 3));
        pdfs.add("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        pdfs.add("%PDF-2.0\nnot really a pdf after the header".getBytes(StandardCharsets.US_ASCII));
        pdfs.add("%PDF-".getBytes(StandardCharsets.US_ASCII));
        for (byte[] pdf : pdfs) {
            for (String name : List.of("a.pdf", "CONG-VAN.PDF", "Quyết định số 09.pdf")) {
                assertEquals("application/pdf", tika(pdf, name), name);
                assertEquals(tika(pdf, name), detect(pdf, name), name);
            }
        }
    }

    @Test
    void otherNamesAndOtherBytesGoThroughTika() throws Exception {
        byte[] pdf = pdfWithText("Ban ve", 1);
        // The name refines a PDF into Adobe Illustrator: Tika decides, not the shortcut.
        assertEquals("application/illustrator", detect(pdf, "ban-ve.ai"));
        assertEquals(tika(pdf, null), detect(pdf, null));
        assertEquals(tika(pdf, "ban-ve"), detect(pdf, "ban-ve"));
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertEquals(tika(exe, "quyet-dinh.pdf"), detect(exe, "quyet-dinh.pdf"));
        byte[] bom = ("\uFEFF%PDF-1.7\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(tika(bom, "a.pdf"), detect(bom, "a.pdf"));
        byte[] almost = "%PDF 1.7 without the dash".getBytes(StandardCharsets.US_ASCII);
        assertEquals(tika(almost, "a.pdf"), detect(almost, "a.pdf"));
        byte[] shortText = "%PD".getBytes(StandardCharsets.US_ASCII);
        assertEquals(tika(shortText, "a.pdf"), detect(shortText, "a.pdf"));
    }

    @Test
    void theStreamIsResetAfterDetection() throws Exception {
        byte[] pdf = pdfWithText("Thong bao", 1);
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(pdf));
        detector.detect(in, "a.pdf");
        assertArrayEquals(pdf, in.readAllBytes());
        byte[] text = "Quyết định".getBytes(StandardCharsets.UTF_8);
        InputStream plain = new BufferedInputStream(new ByteArrayInputStream(text));
        detector.detect(plain, "a.txt");
        assertArrayEquals(text, plain.readAllBytes());
    }
}
