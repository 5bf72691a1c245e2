package vn.ccn.dms.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Files for upload tests, made at test time. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A real one-page PDF, padded with a comment to roughly {@code size} bytes so each call differs. */
    public static byte[] pdf(String text, int size) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 12);
                cs.newLineAtOffset(72, 720);
                cs.showText(text.replaceAll("[^\\x20-\\x7E]", "?"));
                cs.endText();
            }
            doc.save(out);
            byte[] pdf = out.toByteArray();
            if (pdf.length >= size) {
                return pdf;
            }
            ByteArrayOutputStream padded = new ByteArrayOutputStream(size);
            padded.write(pdf);
            byte[] filler = ("%" + "x".repeat(70) + "\n").getBytes(StandardCharsets.US_ASCII);
            while (padded.size() < size) {
                padded.write(filler);
            }
            return padded.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first bytes of a Windows executable (MZ header and PE stub). */
    public static byte[] windowsExecutable() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        byte[] msg = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(msg, 0, exe, 0x4e, msg.length);
        return exe;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The paragraphs of the seed regulation (Decision 09/2025/QĐ-UBND, a test resource) longer than 40 characters,
     * without Markdown marks: the text the benchmarks make their documents from.
     */
    public static java.util.List<String> seedParagraphs() throws IOException {
        try (var in = TestFiles.class.getResourceAsStream("/search/qd-09-2025-qd-ubnd-lang-son.txt")) {
            return java.util.Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(l -> l.replace("*", "").replaceAll("^#+\\s*", "").strip()).filter(l -> l.length() > 40).toList();
        }
    }
}
