package vn.ccn.dms.indexing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.ccn.dms.indexing.domain.ExtractedText;
import vn.ccn.dms.indexing.domain.ExtractionLimits;

/** The extractor on real files made at test time, good and hostile; Tika and PDFBox run for real. */
class TikaTextExtractorTest {

    private static final String BODY = "Quyết định thành lập cụm công nghiệp Hữu Lũng, tỉnh Lạng Sơn. "
            + "Sở Công Thương chủ trì thẩm định hồ sơ đề nghị thành lập.";

    private final TesseractOcrEngine tesseract = new TesseractOcrEngine("tesseract", "vie");
    private final TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.defaults(), tesseract);

    private ExtractedText extract(TikaTextExtractor x, byte[] bytes, String type, String name) throws IOException {
        return x.extract(new ByteArrayInputStream(bytes), bytes.length, type, name);
    }

    @Test
    void extractsVietnameseFromATextPdf() throws IOException {
        ExtractedText t = extract(extractor, SampleFiles.pdf(BODY), "application/pdf", "qd.pdf");
        assertTrue(t.extracted(), t::failure);
        assertTrue(t.text().contains("cụm công nghiệp Hữu Lũng"), t.text());
        assertEquals(t.text().indexOf("Sở Công Thương"), t.text().lastIndexOf("Sở Công Thương"), "text once: " + t.text());
        assertFalse(t.ocr());
        assertEquals("application/pdf", t.mediaType());
    }

    @Test
    void aStoredFileIsReadInPlaceWithTheSameTextAndLeftUnchanged(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        byte[] pdf = SampleFiles.pdf(BODY);
        java.nio.file.Path blob = java.nio.file.Files.write(dir.resolve("blob"), pdf);
        blob.toFile().setReadOnly();
        ExtractedText inPlace = extractor.extract(blob, pdf.length, "application/pdf", "qd.pdf");
        ExtractedText streamed = extract(extractor, pdf, "application/pdf", "qd.pdf");
        assertTrue(inPlace.extracted(), inPlace::failure);
        assertEquals(streamed.text(), inPlace.text());
        assertEquals("application/pdf", inPlace.mediaType());
        assertTrue(java.util.Arrays.equals(pdf, java.nio.file.Files.readAllBytes(blob)), "the blob is only read");
        try (var left = java.nio.file.Files.list(dir)) {
            assertEquals(java.util.List.of(blob), left.toList(), "nothing written beside it");
        }
        ExtractedText docx = extractor.extract(java.nio.file.Files.write(dir.resolve("docx"), SampleFiles.docx(BODY)), 0,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "qd.docx");
        assertTrue(docx.text().contains("Sở Công Thương chủ trì"), docx::toString);
    }

    @Test
    void theStoredTypeOfAPdfIsTrustedAndEveryOtherFileIsDetected() throws IOException {
        TikaTextExtractor.StoredTypeDetector detector = new TikaTextExtractor.StoredTypeDetector(
                org.apache.tika.config.TikaConfig.getDefaultConfig().getDetector());
        java.io.InputStream unreadable = new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the stored type of a PDF must not need the bytes");
            }
        };
        org.apache.tika.metadata.Metadata stored = new org.apache.tika.metadata.Metadata();
        stored.set(TikaTextExtractor.StoredTypeDetector.STORED_TYPE, "application/pdf");
        assertEquals("application/pdf", detector.detect(unreadable, stored).toString());
        // Without the stored type (an embedded document), or with a type that is not trusted, Tika detects.
        byte[] docx = SampleFiles.docx(BODY);
        org.apache.tika.metadata.Metadata embedded = new org.apache.tika.metadata.Metadata();
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", detector.detect(
                org.apache.tika.io.TikaInputStream.get(docx), embedded).toString());
        org.apache.tika.metadata.Metadata untrusted = new org.apache.tika.metadata.Metadata();
        untrusted.set(TikaTextExtractor.StoredTypeDetector.STORED_TYPE, "text/plain");
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", detector.detect(
                org.apache.tika.io.TikaInputStream.get(docx), untrusted).toString());
        assertEquals("application/pdf", detector.detect(org.apache.tika.io.TikaInputStream.get(SampleFiles.pdf(BODY)),
                new org.apache.tika.metadata.Metadata()).toString());
    }

    @Test
    void cleaningGivesWhatTheRegularExpressionsGaveOnAnyText() {
        assertEquals("Quyết định\n\nĐiều 1.", TikaTextExtractor.clean(" Quy\u00ea\u0301t \u0000định \t\n \n\n\n\nĐiều 1.\n\n"));
        assertEquals("a\r\n\r\n\r\nb", TikaTextExtractor.clean("a\r\n\r\n\r\nb"), "a carriage return is text");
        java.util.Random random = new java.util.Random(7);
        char[] alphabet = {'a', 'đ', ' ', '\t', '\u000B', '\f', '\n', '\r', '\u0000', 'e', '\u0301', '\u00a0', '\u2003'};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = b.toString();
            String expected = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).replace("\u0000", "")
                    .replaceAll("[ \\t\\x0B\\f]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
            assertEquals(expected, TikaTextExtractor.clean(text), () -> "for " + text.chars()
                    .mapToObj(c -> String.format("U+%04X", c)).toList());
        }
    }

    @Test
    void extractsDocxAndPlainText() throws IOException {
        ExtractedText docx = extract(extractor, SampleFiles.docx(BODY),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "qd.docx");
        assertTrue(docx.text().contains("Sở Công Thương chủ trì"), docx::toString);
        ExtractedText txt = extract(extractor, BODY.getBytes(StandardCharsets.UTF_8), "text/plain", "qd.txt");
        assertTrue(txt.text().contains("Quyết định thành lập"), txt::toString);
    }

    @Test
    void encryptedPdfFailsWithAReason() throws IOException {
        ExtractedText t = extract(extractor, SampleFiles.encryptedPdf(BODY), "application/pdf", "mat.pdf");
        assertFalse(t.extracted());
        assertTrue(t.failure().contains("mã hóa"), t.failure());
    }

    @Test
    void truncatedPdfFailsWithAReason() throws IOException {
        ExtractedText t = extract(extractor, SampleFiles.truncatedPdf(BODY), "application/pdf", "hong.pdf");
        assertFalse(t.extracted(), t::toString);
        assertTrue(t.failure().contains("hỏng") || t.failure().contains("OCR"), t.failure());
    }

    @Test
    void zipBombIsStoppedEarlyWithoutExhaustingMemory() throws IOException {
        byte[] bomb = SampleFiles.zipBombDocx(300L << 20);
        assertTrue(bomb.length < 1_000_000, "the bomb is small: " + bomb.length);
        long before = System.nanoTime();
        ExtractedText t = extract(extractor, bomb, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "bom.docx");
        assertFalse(t.extracted(), t::toString);
        assertTrue(t.failure().contains("bom nén"), t.failure());
        assertTrue(Duration.ofNanos(System.nanoTime() - before).toSeconds() < 30, "stopped early");
    }

    @Test
    void characterLimitCutsHugeTextWithoutFailing() throws IOException {
        ExtractionLimits d = ExtractionLimits.defaults();
        TikaTextExtractor small = new TikaTextExtractor(new ExtractionLimits(d.timePerFile(), 10_000, d.maxFileBytes(),
                d.maxNestingDepth(), d.maxCompressionRatio(), d.maxXmlDepth(), d.ocrMaxPages(), d.ocrDpi(),
                d.ocrMaxPixels()), tesseract);
        byte[] big = (BODY + "\n").repeat(5_000).getBytes(StandardCharsets.UTF_8);
        ExtractedText t = extract(small, big, "text/plain", "dai.txt");
        assertTrue(t.extracted(), t::failure);
        assertTrue(t.truncated());
        assertTrue(t.text().length() <= 10_000, "cut at the limit: " + t.text().length());
    }

    @Test
    void twoHundredMegabytesOfTextAreCutAtTheLimitWithoutHoldingThemInMemory() throws IOException {
        long size = 200L * 1000 * 1000;
        byte[] line = (BODY + "\n").getBytes(StandardCharsets.UTF_8);
        java.io.InputStream endless = new java.io.InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? line[(int) (position++ % line.length)] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = line[(int) (position++ % line.length)];
                }
                return n;
            }
        };
        long before = System.nanoTime();
        ExtractedText t = extractor.extract(endless, size, "text/plain", "rat-dai.txt");
        assertTrue(t.extracted(), t::failure);
        assertTrue(t.truncated());
        int limit = ExtractionLimits.defaults().maxCharacters();
        assertTrue(t.text().length() <= limit && t.text().length() > limit - 200, "cut at the limit: " + t.text().length());
        assertTrue(Duration.ofNanos(System.nanoTime() - before).toSeconds() < 60, "bounded time");
    }

    @Test
    void archivesNestedTooDeeplyFailWithAReason() throws IOException {
        byte[] inner = zip("van-ban.txt", BODY.getBytes(StandardCharsets.UTF_8));
        for (int level = 0; level < 8; level++) {
            inner = zip("cap-" + level + ".zip", inner);
        }
        ExtractedText t = extract(extractor, inner, "application/zip", "long-nhau.zip");
        assertFalse(t.extracted(), t::toString);
        assertTrue(t.failure().contains("lồng nhau"), t.failure());
        byte[] shallow = zip("cap-1.zip", zip("van-ban.txt", BODY.getBytes(StandardCharsets.UTF_8)));
        ExtractedText ok = extract(extractor, shallow, "application/zip", "nong.zip");
        assertTrue(ok.extracted(), ok::failure);
        assertTrue(ok.text().contains("Sở Công Thương"), ok.text());
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void fileAboveTheSizeLimitIsNotOpened() throws IOException {
        ExtractionLimits d = ExtractionLimits.defaults();
        TikaTextExtractor small = new TikaTextExtractor(new ExtractionLimits(d.timePerFile(), d.maxCharacters(), 100,
                d.maxNestingDepth(), d.maxCompressionRatio(), d.maxXmlDepth(), d.ocrMaxPages(), d.ocrDpi(),
                d.ocrMaxPixels()), tesseract);
        ExtractedText t = extract(small, SampleFiles.pdf(BODY), "application/pdf", "lon.pdf");
        assertFalse(t.extracted());
        assertTrue(t.failure().contains("giới hạn"), t.failure());
    }

    @Test
    void scannedPdfIsRecognisedWhenTesseractIsInstalled() throws IOException {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!ci) {
            Assumptions.assumeTrue(tesseract.available(), "tesseract with 'vie' is not installed: " + tesseract.description());
        }
        assertTrue(tesseract.available(), "CI must have tesseract-ocr-vie: " + tesseract.description());
        ExtractedText t = extract(extractor, SampleFiles.scannedPdf("QUYẾT ĐỊNH", "Về việc thành lập cụm công nghiệp",
                "Hữu Lũng tỉnh Lạng Sơn"), "application/pdf", "scan.pdf");
        assertTrue(t.extracted(), t::failure);
        assertTrue(t.ocr());
        String folded = t.text().toLowerCase();
        assertTrue(folded.contains("cụm công nghiệp"), t.text());
        assertTrue(folded.contains("lạng sơn"), t.text());
    }
}
