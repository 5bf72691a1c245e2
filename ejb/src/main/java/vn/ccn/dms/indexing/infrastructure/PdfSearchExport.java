package vn.ccn.dms.indexing.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.ccn.dms.indexing.application.SearchService.ExportedResults;
import vn.ccn.dms.indexing.domain.SearchResultView;

/**
 * Writes a result list as a PDF (A4 landscape, Liberation Serif, which carries every Vietnamese glyph): a title,
 * what was searched, by whom and when, and one table row per document. Decree 30/2020 Appendix VI lists export
 * of search results among the functions of a document system.
 */
public final class PdfSearchExport {

    private static final String REGULAR = "/fonts/LiberationSerif-Regular.ttf";
    private static final String BOLD = "/fonts/LiberationSerif-Bold.ttf";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final float MARGIN = 36;
    private static final float FONT_SIZE = 9.5f;
    private static final float LEADING = 12f;
    private static final String[] HEADERS = {"STT", "Số, ký hiệu", "Ngày", "Loại văn bản", "Cơ quan ban hành", "Trích yếu nội dung"};
    private static final float[] WIDTHS = {30, 95, 60, 80, 150, 0};

    private final ZoneId zone;

    public PdfSearchExport(ZoneId zone) {
        this.zone = zone;
    }

    public byte[] write(ExportedResults results) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font regular = load(document, REGULAR);
            PDType0Font bold = load(document, BOLD);
            Writer w = new Writer(document, regular, bold);
            w.newPage();
            w.line(bold, 14, "KẾT QUẢ TÌM KIẾM VĂN BẢN", true);
            w.gap(4);
            String query = results.parameters().text().isEmpty() ? "(tất cả văn bản)" : results.parameters().text();
            w.paragraph(regular, 10, "Từ khóa: " + query);
            String filters = describeFilters(results);
            if (!filters.isEmpty()) {
                w.paragraph(regular, 10, "Điều kiện lọc: " + filters);
            }
            w.paragraph(regular, 10, "Số văn bản tìm thấy: " + results.total() + (results.total() > results.rows().size()
                    ? " (bản in gồm " + results.rows().size() + " văn bản đầu tiên)" : ""));
            w.paragraph(regular, 10, "Người xuất: " + results.exportedBy() + " – " + results.agencyName()
                    + "; thời điểm: " + DATE_TIME.format(results.exportedAt().atZone(zone)));
            w.gap(6);
            w.tableHeader();
            int n = 0;
            for (SearchResultView.Hit hit : results.rows()) {
                n++;
                w.row(new String[] {Integer.toString(n), nz(hit.numberSymbol()),
                        hit.date() == null ? "" : DATE.format(hit.date()), nz(hit.typeName()), nz(hit.issuer()),
                        nz(hit.summary())});
            }
            w.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the PDF export failed", e);
        }
    }

    private static String describeFilters(ExportedResults r) {
        List<String> parts = new ArrayList<>();
        var p = r.parameters();
        if (!p.types().isEmpty()) {
            parts.add("loại " + String.join(", ", p.types()));
        }
        if (!p.issuers().isEmpty()) {
            parts.add("cơ quan ban hành " + String.join(", ", p.issuers()));
        }
        if (!p.years().isEmpty()) {
            parts.add("năm " + String.join(", ", p.years()));
        }
        if (!p.agencies().isEmpty()) {
            parts.add("cơ quan lưu giữ " + String.join(", ", p.agencies()));
        }
        if (!p.ccns().isEmpty()) {
            parts.add("cụm công nghiệp " + String.join(", ", p.ccns()));
        }
        if (!p.statuses().isEmpty()) {
            parts.add("trạng thái " + String.join(", ", p.statuses()));
        }
        return String.join("; ", parts);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static PDType0Font load(PDDocument document, String resource) throws IOException {
        try (InputStream in = PdfSearchExport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font " + resource + " missing from the class path");
            }
            return PDType0Font.load(document, in, true);
        }
    }

    /** Lays text out top to bottom, starting new pages as needed. */
    private static final class Writer {
        private final PDDocument document;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private final Map<PDType0Font, Map<Integer, Boolean>> encodable = new HashMap<>();
        private final PDRectangle box = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
        private PDPageContentStream cs;
        private float y;
        private final float[] widths = WIDTHS.clone();

        Writer(PDDocument document, PDType0Font regular, PDType0Font bold) {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            float used = 0;
            for (int i = 0; i < widths.length - 1; i++) {
                used += widths[i];
            }
            widths[widths.length - 1] = box.getWidth() - 2 * MARGIN - used;
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(box);
            document.addPage(page);
            cs = new PDPageContentStream(document, page);
            y = box.getHeight() - MARGIN;
        }

        void close() throws IOException {
            cs.close();
        }

        void gap(float points) {
            y -= points;
        }

        void line(PDType0Font font, float size, String text, boolean centred) throws IOException {
            String safe = safe(font, text);
            float width = font.getStringWidth(safe) / 1000 * size;
            float x = centred ? (box.getWidth() - width) / 2 : MARGIN;
            y -= size * 1.3f;
            show(font, size, x, y, safe);
        }

        void paragraph(PDType0Font font, float size, String text) throws IOException {
            for (String l : wrap(font, size, text, box.getWidth() - 2 * MARGIN)) {
                if (y - size * 1.3f < MARGIN) {
                    newPage();
                }
                y -= size * 1.3f;
                show(font, size, MARGIN, y, l);
            }
        }

        void tableHeader() throws IOException {
            row(HEADERS, bold);
        }

        void row(String[] cells) throws IOException {
            row(cells, regular);
        }

        private void row(String[] cells, PDType0Font font) throws IOException {
            List<List<String>> lines = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < cells.length; i++) {
                List<String> wrapped = wrap(font, FONT_SIZE, cells[i], widths[i] - 6);
                lines.add(wrapped);
                height = Math.max(height, wrapped.size());
            }
            float rowHeight = height * LEADING + 4;
            if (y - rowHeight < MARGIN) {
                newPage();
                if (font == regular) {
                    row(HEADERS, bold);
                }
            }
            float x = MARGIN;
            for (int i = 0; i < cells.length; i++) {
                cs.addRect(x, y - rowHeight, widths[i], rowHeight);
                float ty = y - LEADING + 1;
                for (String l : lines.get(i)) {
                    show(font, FONT_SIZE, x + 3, ty, l);
                    ty -= LEADING;
                }
                x += widths[i];
            }
            cs.setLineWidth(0.5f);
            cs.stroke();
            y -= rowHeight;
        }

        private void show(PDType0Font font, float size, float x, float ty, String text) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, ty);
            cs.showText(text);
            cs.endText();
        }

        private List<String> wrap(PDType0Font font, float size, String text, float width) throws IOException {
            List<String> out = new ArrayList<>();
            for (String paragraph : safe(font, text).split("\n")) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" ")) {
                    String candidate = line.length() == 0 ? word : line + " " + word;
                    if (font.getStringWidth(candidate) / 1000 * size <= width) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (line.length() > 0) {
                        out.add(line.toString());
                        line.setLength(0);
                    }
                    // A word longer than the column (a long number/symbol) is cut character by character.
                    for (int i = 0; i < word.length(); ) {
                        int cp = word.codePointAt(i);
                        String next = line.toString() + new String(Character.toChars(cp));
                        if (line.length() > 0 && font.getStringWidth(next) / 1000 * size > width) {
                            out.add(line.toString());
                            line.setLength(0);
                        }
                        line.appendCodePoint(cp);
                        i += Character.charCount(cp);
                    }
                }
                out.add(line.toString());
            }
            return out;
        }

        /** Characters the font cannot draw (emoji, control characters) become '?', so no row can fail the export. */
        private String safe(PDType0Font font, String text) {
            Map<Integer, Boolean> known = encodable.computeIfAbsent(font, f -> new HashMap<>());
            StringBuilder b = new StringBuilder(text.length());
            text.replace('\t', ' ').replace('\r', ' ').codePoints().forEach(cp -> {
                if (cp == '\n') {
                    b.append('\n');
                    return;
                }
                boolean ok = known.computeIfAbsent(cp, c -> {
                    try {
                        font.encode(new String(Character.toChars(c)));
                        return !Character.isISOControl(c);
                    } catch (IOException | IllegalArgumentException e) {
                        return false;
                    }
                });
                b.appendCodePoint(ok ? cp : '?');
            });
            return b.toString();
        }
    }
}
