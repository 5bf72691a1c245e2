package vn.ccn.dms.devstack.demo;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a one-page demo PDF laid out like an administrative document of Decree 30/2020/NĐ-CP Appendix I
 * (issuer and national motto at the top, number and date, title, text, signer), so that the demo documents
 * have a real file to open, hash and index.
 *
 * <p>The text is Vietnamese with diacritics in Liberation Sans, which PDFBox itself ships on the classpath and
 * which has the Vietnamese glyphs; the font is embedded as a subset. Only if that resource were missing does
 * the text fall back to unaccented Latin in Helvetica (the document metadata keeps the Vietnamese).
 */
public final class DemoPdf {

    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private static final float LEFT = 85f;   // 30 mm left margin, Decree 30/2020 Appendix I, section II.1
    private static final float RIGHT = 57f;  // 20 mm right margin
    private static final float TOP = 62f;    // 22 mm top margin
    private static final float BODY_SIZE = 12.5f;

    private DemoPdf() {
    }

    /**
     * The content of one demo document.
     *
     * @param issuerParent  the body above the issuer, upper case in the header (may be null)
     * @param issuer        the issuing agency
     * @param numberSymbol  number and symbol, or null for a draft still to be numbered
     * @param symbolSuffix  what a draft shows after the blank number, such as {@code /SCT-QLCN}
     * @param place         place name of the date line
     * @param date          date of the document
     * @param typeName      type of document in words ({@code Tờ trình}); {@code Công văn} has no title line
     * @param summary       trích yếu
     * @param body          paragraphs of text
     * @param signerTitle   position of the signer
     * @param signerName    name of the signer
     */
    public record Letter(String issuerParent, String issuer, String numberSymbol, String symbolSuffix, String place,
                         LocalDate date, String typeName, String summary, List<String> body, String signerTitle,
                         String signerName) {
        public Letter {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(typeName, "typeName");
            Objects.requireNonNull(summary, "summary");
            body = List.copyOf(body);
            Objects.requireNonNull(signerTitle, "signerTitle");
            Objects.requireNonNull(signerName, "signerName");
        }
    }

    /** Writes {@code letter} as a PDF to {@code target}. */
    public static void write(Letter letter, Path target) {
        Objects.requireNonNull(letter, "letter");
        Objects.requireNonNull(target, "target");
        try (PDDocument document = new PDDocument()) {
            Writer writer = new Writer(document, loadFont(document));
            writer.letter(letter);
            writer.close();
            document.getDocumentInformation().setTitle(letter.typeName() + ": " + letter.summary());
            document.getDocumentInformation().setAuthor(letter.issuer());
            document.getDocumentInformation().setCreator("ccn-dms devstack (demo data)");
            document.save(target.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write demo PDF " + target, e);
        }
    }

    /** Whether the Vietnamese font is on the classpath (otherwise the PDF text is unaccented). */
    public static boolean hasVietnameseFont() {
        return DemoPdf.class.getResource(FONT_RESOURCE) != null;
    }

    private static PDFont loadFont(PDDocument document) throws IOException {
        try (InputStream in = DemoPdf.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in != null) {
                return PDType0Font.load(document, in);
            }
        }
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    }

    /** Lays out text top-down on one A4 page, wrapping lines at the margins. */
    private static final class Writer {
        private final PDFont font;
        private final boolean unicode;
        private final PDPageContentStream out;
        private final float width;
        private float y;

        Writer(PDDocument document, PDFont font) throws IOException {
            this.font = font;
            this.unicode = font instanceof PDType0Font;
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            this.out = new PDPageContentStream(document, page);
            this.width = PDRectangle.A4.getWidth() - LEFT - RIGHT;
            this.y = PDRectangle.A4.getHeight() - TOP;
        }

        void letter(Letter l) throws IOException {
            float column = width * 0.42f;
            float header = y;
            if (l.issuerParent() != null) {
                centred(upper(l.issuerParent()), 11, LEFT, column);
            }
            centred(upper(l.issuer()), 11, LEFT, column);
            float leftBottom = y;
            y = header;
            float right = LEFT + column;
            centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 11, right, width - column);
            centred("Độc lập - Tự do - Hạnh phúc", 11.5f, right, width - column);
            y = Math.min(y, leftBottom) - 10;
            float numberLine = y;
            String number = l.numberSymbol() != null ? "Số: " + l.numberSymbol()
                    : "Số:        " + (l.symbolSuffix() == null ? "" : l.symbolSuffix());
            centred(number, 12, LEFT, column);
            if ("Công văn".equals(l.typeName())) {
                for (String line : wrap("V/v " + stripVeViec(l.summary()), 11, column)) {
                    centred(line, 11, LEFT, column);
                }
            }
            float afterNumber = y;
            y = numberLine;
            centred(l.place() + ", ngày " + two(l.date().getDayOfMonth()) + " tháng " + two(l.date().getMonthValue())
                    + " năm " + l.date().getYear(), 12, right, width - column);
            y = Math.min(y, afterNumber) - 22;
            if (!"Công văn".equals(l.typeName())) {
                centred(upper(l.typeName()), 14, LEFT, width);
                for (String line : wrap(l.summary(), 13, width - 40)) {
                    centred(line, 13, LEFT, width);
                }
                y -= 14;
            }
            for (String paragraph : l.body()) {
                List<String> lines = wrap(paragraph, BODY_SIZE, width - 28);
                for (int i = 0; i < lines.size(); i++) {
                    text(lines.get(i), BODY_SIZE, LEFT + (i == 0 ? 28 : 0));
                }
                y -= 6;
            }
            y -= 16;
            float signX = LEFT + width * 0.5f;
            // "KT. Giám đốc - Phó Giám đốc": the authority line above the signer's own position (Decree 30, App. I)
            for (String line : l.signerTitle().split(" - ")) {
                centred(upper(line), 12, signX, width * 0.5f);
            }
            y -= 40;
            centred(l.signerName(), 12.5f, signX, width * 0.5f);
            y = 52;
            text("Tài liệu mẫu do môi trường phát triển (devstack) tạo ra, không có giá trị pháp lý.", 8.5f, LEFT);
        }

        void close() throws IOException {
            out.close();
        }

        private void text(String text, float size, float x) throws IOException {
            y -= size * 1.35f;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(printable(text));
            out.endText();
        }

        private void centred(String text, float size, float x, float columnWidth) throws IOException {
            float textWidth = width(text, size);
            text(text, size, x + Math.max(0, (columnWidth - textWidth) / 2));
        }

        private List<String> wrap(String text, float size, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split("\\s+")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, size) > maxWidth && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(printable(text)) / 1000f * size;
        }

        /** Without the Vietnamese font, Helvetica can only show the letters without their marks. */
        private String printable(String text) {
            if (unicode) {
                return text;
            }
            String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
            return decomposed.replaceAll("\\p{M}", "");
        }

        private static String upper(String text) {
            return text.toUpperCase(java.util.Locale.forLanguageTag("vi"));
        }

        private static String two(int n) {
            return n < 10 ? "0" + n : Integer.toString(n);
        }

        private static String stripVeViec(String summary) {
            return summary.startsWith("Về việc ") ? summary.substring("Về việc ".length()) : summary;
        }
    }
}
