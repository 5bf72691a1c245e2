package vn.ccn.dms.register.infrastructure.pdf;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays a {@link RegisterTable} out on A4 landscape pages and writes it as PDF.
 *
 * <p>Layout, in order on the page: on page 1 a heading (agency, title, register name, period), on later
 * pages one running line naming the register so that a loose sheet can be placed; the column captions on
 * every page; the entries; a footer with the time of printing and "Trang x/y". Cell text wraps; an entry
 * that does not fit in what is left of a page moves to the next one, and an entry taller than a whole page
 * is cut between two text lines and continues on the next page, so nothing is ever drawn outside the table.
 * The page count is known before drawing because all entries are measured first.
 */
public final class RegisterPdfWriter {

    static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final String EMPTY_REGISTER = "Không có văn bản";
    static final String CONTINUED = "(tiếp)";

    private static final float MM = 72f / 25.4f;
    // Registers are bound on the long left edge, so that edge keeps the wider margin (Decree 30/2020/NĐ-CP
    // Appendix I gives 30–35 mm for the binding side of portrait documents; a bound register needs less).
    private static final float MARGIN_LEFT = 20 * MM;
    private static final float MARGIN_RIGHT = 15 * MM;
    private static final float MARGIN_TOP = 15 * MM;
    private static final float MARGIN_BOTTOM = 12 * MM;

    private static final float BODY_SIZE = 10f;
    private static final float CAPTION_SIZE = 10f;
    private static final float LEADING = 12f;
    private static final float PAD_X = 3f;
    private static final float PAD_Y = 3f;
    private static final float RULE_WIDTH = 0.5f;
    private static final float CAPTION_GREY = 0.9f;
    private static final float MIN_REMAINING_COLUMN = 80f;

    private static final float AGENCY_SIZE = 12f;
    private static final float TITLE_SIZE = 15f;
    private static final float REGISTER_NAME_SIZE = 13f;
    private static final float PERIOD_SIZE = 12f;
    private static final float RUNNING_SIZE = 9f;
    private static final float FOOTER_SIZE = 9f;
    private static final float LINE_FACTOR = 1.3f;
    private static final int MAX_HEADING_LINES = 2;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter PRINTED_AT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/uuuu");

    private final byte[] regularFont;
    private final byte[] boldFont;

    public RegisterPdfWriter(byte[] regularFont, byte[] boldFont) {
        this.regularFont = Objects.requireNonNull(regularFont, "regularFont");
        this.boldFont = Objects.requireNonNull(boldFont, "boldFont");
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public void write(RegisterTable table, OutputStream out) throws IOException {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(out, "out");
        try (PDDocument document = new PDDocument()) {
            // Subset embedding: only the glyphs used travel in the file, and the text stays extractable
            // through the ToUnicode map PDFBox writes for Type 0 fonts.
            FittedFont regular = new FittedFont(PDType0Font.load(document, new ByteArrayInputStream(regularFont), true));
            FittedFont bold = new FittedFont(PDType0Font.load(document, new ByteArrayInputStream(boldFont), true));
            new Composition(document, table, regular, bold).draw();
            describe(document, table);
            BufferedOutputStream buffered = new BufferedOutputStream(out);
            document.save(buffered);
            buffered.flush();
        }
    }

    private static void describe(PDDocument document, RegisterTable table) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(table.title() + " – " + table.registerName());
        info.setAuthor(table.agencyName());
        info.setSubject("Từ ngày " + date(table.from()) + " đến ngày " + date(table.to()));
        info.setCreator("CCN DMS");
        info.setCreationDate(GregorianCalendar.from(table.printedAt()));
        document.getDocumentCatalog().setLanguage("vi-VN");
    }

    /** Part of one entry on one page: per column, the text lines shown there. */
    private record Fragment(List<List<String>> cells, boolean spansAllColumns) {

        int lineCount() {
            int lines = 1;
            for (List<String> cell : cells) {
                lines = Math.max(lines, cell.size());
            }
            return lines;
        }

        float height() {
            return 2 * PAD_Y + lineCount() * LEADING;
        }

        Fragment head(int lines) {
            return new Fragment(cells.stream().map(c -> c.subList(0, Math.min(lines, c.size()))).toList(),
                    spansAllColumns);
        }

        Fragment tail(int lines) {
            return new Fragment(cells.stream().map(c -> c.subList(Math.min(lines, c.size()), c.size())).toList(),
                    spansAllColumns);
        }

        /**
         * What is left after the first {@code lines} lines, with the entry's key and a "(tiếp)" mark in
         * {@code keyColumn}, so that a reader of the next page knows which entry goes on. Without the mark
         * when {@code keyWithMark} is empty or the key itself did not fit in those lines (it then simply
         * continues).
         */
        Fragment continuation(int lines, int keyColumn, List<String> keyWithMark) {
            Fragment tail = tail(lines);
            if (spansAllColumns || keyWithMark.isEmpty() || cells.get(keyColumn).size() > lines) {
                return tail;
            }
            List<List<String>> continued = new ArrayList<>(tail.cells());
            continued.set(keyColumn, keyWithMark);
            return new Fragment(continued, false);
        }
    }

    /** A line of the heading: text, font and size; centred across the table. */
    private record HeadingLine(String text, FittedFont font, float size) {

        float height() {
            return size * LINE_FACTOR;
        }
    }

    /** The state of drawing one document. */
    private static final class Composition {

        private final PDDocument document;
        private final RegisterTable table;
        private final FittedFont regular;
        private final FittedFont bold;
        private final float pageWidth = A4_LANDSCAPE.getWidth();
        private final float pageHeight = A4_LANDSCAPE.getHeight();
        private final float tableLeft = MARGIN_LEFT;
        private final float tableWidth = pageWidth - MARGIN_LEFT - MARGIN_RIGHT;
        private final float tableBottom = MARGIN_BOTTOM + FOOTER_SIZE * LINE_FACTOR + 4f;
        private final float[] columnX;
        private final float[] columnWidth;
        private final List<List<String>> captions = new ArrayList<>();
        private final float captionHeight;
        private final List<HeadingLine> heading;
        private final HeadingLine running;

        Composition(PDDocument document, RegisterTable table, FittedFont regular, FittedFont bold) {
            this.document = document;
            this.table = table;
            this.regular = regular;
            this.bold = bold;
            List<TableColumn> columns = table.columns();
            columnWidth = new float[columns.size()];
            columnX = new float[columns.size()];
            float fixed = 0;
            for (TableColumn column : columns) {
                fixed += column.width() == TableColumn.REMAINING ? 0 : column.width();
            }
            float remaining = tableWidth - fixed;
            if (remaining < MIN_REMAINING_COLUMN) {
                throw new IllegalStateException("the fixed columns leave only " + remaining + " pt");
            }
            float x = tableLeft;
            int captionLines = 1;
            for (int i = 0; i < columns.size(); i++) {
                TableColumn column = columns.get(i);
                columnWidth[i] = column.width() == TableColumn.REMAINING ? remaining : column.width();
                columnX[i] = x;
                x += columnWidth[i];
                List<String> caption = bold.wrap(column.header(), CAPTION_SIZE, columnWidth[i] - 2 * PAD_X);
                captions.add(caption);
                captionLines = Math.max(captionLines, caption.size());
            }
            captionHeight = 2 * PAD_Y + captionLines * LEADING;
            heading = headingLines();
            running = new HeadingLine(regular.ellipsize(
                    table.agencyName() + " – " + table.title() + " – " + table.registerName(),
                    RUNNING_SIZE, tableWidth), regular, RUNNING_SIZE);
        }

        void draw() throws IOException {
            List<List<Fragment>> pages = paginate(entries());
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(A4_LANDSCAPE);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    drawPage(content, i + 1, pages.size(), pages.get(i));
                }
            }
        }

        private List<HeadingLine> headingLines() {
            List<HeadingLine> lines = new ArrayList<>();
            for (String line : limited(bold, table.agencyName(), AGENCY_SIZE)) {
                lines.add(new HeadingLine(line, bold, AGENCY_SIZE));
            }
            lines.add(new HeadingLine("", regular, AGENCY_SIZE / 2));
            lines.add(new HeadingLine(bold.ellipsize(table.title(), TITLE_SIZE, tableWidth), bold, TITLE_SIZE));
            for (String line : limited(regular, table.registerName(), REGISTER_NAME_SIZE)) {
                lines.add(new HeadingLine(line, regular, REGISTER_NAME_SIZE));
            }
            String period = "Từ ngày " + date(table.from()) + " đến ngày " + date(table.to());
            lines.add(new HeadingLine(period, regular, PERIOD_SIZE));
            return lines;
        }

        /** At most {@link #MAX_HEADING_LINES} lines, the last one cut with an ellipsis if needed. */
        private List<String> limited(FittedFont font, String text, float size) {
            List<String> lines = font.wrap(text, size, tableWidth);
            if (lines.size() <= MAX_HEADING_LINES) {
                return lines;
            }
            List<String> kept = new ArrayList<>(lines.subList(0, MAX_HEADING_LINES - 1));
            kept.add(font.ellipsize(String.join(" ", lines.subList(MAX_HEADING_LINES - 1, lines.size())),
                    size, tableWidth));
            return kept;
        }

        private List<Fragment> entries() {
            if (table.rows().isEmpty()) {
                return List.of(new Fragment(List.of(List.of(table.emptyText())), true));
            }
            List<Fragment> entries = new ArrayList<>(table.rows().size());
            for (List<String> row : table.rows()) {
                List<List<String>> cells = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    cells.add(regular.wrap(row.get(i), BODY_SIZE, columnWidth[i] - 2 * PAD_X));
                }
                entries.add(new Fragment(cells, false));
            }
            return entries;
        }

        private float bodyTop(int pageNumber) {
            float top = pageHeight - MARGIN_TOP;
            if (pageNumber == 1) {
                for (HeadingLine line : heading) {
                    top -= line.height();
                }
                top -= 8f;
            } else {
                top -= running.height() + 4f;
            }
            return top - captionHeight;
        }

        private List<List<Fragment>> paginate(List<Fragment> entries) {
            List<List<Fragment>> pages = new ArrayList<>();
            List<Fragment> page = new ArrayList<>();
            float fullPage = bodyTop(2) - tableBottom;
            float room = bodyTop(1) - tableBottom;
            int minimumLinesToStartSplit = 3;
            int key = table.keyColumn();
            int linesOnFullPage = (int) Math.floor((fullPage - 2 * PAD_Y) / LEADING);
            for (Fragment entry : entries) {
                List<String> keyWithMark = new ArrayList<>();
                if (!entry.spansAllColumns()) {
                    keyWithMark.addAll(entry.cells().get(key));
                    keyWithMark.addAll(regular.wrap(CONTINUED, BODY_SIZE, columnWidth[key] - 2 * PAD_X));
                    if (keyWithMark.size() > linesOnFullPage / 2) {
                        // A key this long is not repeated: repeating it could never leave room for the
                        // rest of the entry, and the entry would never end.
                        keyWithMark.clear();
                    }
                }
                Fragment rest = entry;
                while (rest != null) {
                    float height = rest.height();
                    int linesInRoom = (int) Math.floor((room - 2 * PAD_Y) / LEADING + 1e-3);
                    boolean split;
                    if (height <= room + 1e-3f) {
                        page.add(rest);
                        room -= height;
                        rest = null;
                        split = false;
                    } else if (height > fullPage + 1e-3f && linesInRoom >= minimumLinesToStartSplit) {
                        // Taller than any page: start it here rather than leave part of the page blank.
                        split = true;
                    } else if (!page.isEmpty()) {
                        pages.add(page);
                        page = new ArrayList<>();
                        room = fullPage;
                        split = false;
                    } else if (linesInRoom < 1) {
                        throw new IllegalStateException("no room for a single line of text on a page");
                    } else {
                        split = true;
                    }
                    if (split) {
                        // Cut between two text lines: every cell shows its first lines here, the rest of
                        // each cell goes on at the top of the next page.
                        page.add(rest.head(linesInRoom));
                        rest = rest.continuation(linesInRoom, key, keyWithMark);
                        pages.add(page);
                        page = new ArrayList<>();
                        room = fullPage;
                    }
                }
            }
            if (!page.isEmpty() || pages.isEmpty()) {
                pages.add(page);
            }
            return pages;
        }

        private void drawPage(PDPageContentStream content, int pageNumber, int pageCount, List<Fragment> rows)
                throws IOException {
            float y = pageHeight - MARGIN_TOP;
            if (pageNumber == 1) {
                for (HeadingLine line : heading) {
                    drawCentred(content, line, y);
                    y -= line.height();
                }
                y -= 8f;
            } else {
                drawLine(content, running.font(), running.size(), tableLeft, baseline(running, y), running.text());
                y -= running.height() + 4f;
            }
            drawCaptions(content, y);
            y -= captionHeight;
            for (Fragment row : rows) {
                drawRow(content, row, y);
                y -= row.height();
            }
            drawFooter(content, pageNumber, pageCount);
        }

        private void drawCaptions(PDPageContentStream content, float top) throws IOException {
            content.setNonStrokingColor(CAPTION_GREY);
            content.addRect(tableLeft, top - captionHeight, tableWidth, captionHeight);
            content.fill();
            content.setNonStrokingColor(0f);
            for (int i = 0; i < captions.size(); i++) {
                List<String> lines = captions.get(i);
                // Captions are centred both ways, as in the printed forms.
                float blockTop = top - (captionHeight - lines.size() * LEADING) / 2;
                for (int l = 0; l < lines.size(); l++) {
                    String text = lines.get(l);
                    float x = columnX[i] + (columnWidth[i] - bold.width(text, CAPTION_SIZE)) / 2;
                    drawLine(content, bold, CAPTION_SIZE, x, lineBaseline(bold, CAPTION_SIZE, blockTop - l * LEADING),
                            text);
                }
            }
            strokeCells(content, top, captionHeight, false);
        }

        private void drawRow(PDPageContentStream content, Fragment row, float top) throws IOException {
            if (row.spansAllColumns()) {
                List<String> lines = row.cells().get(0);
                for (int l = 0; l < lines.size(); l++) {
                    String text = lines.get(l);
                    float x = tableLeft + (tableWidth - regular.width(text, BODY_SIZE)) / 2;
                    drawLine(content, regular, BODY_SIZE, x, lineBaseline(regular, BODY_SIZE, top - PAD_Y - l * LEADING),
                            text);
                }
                strokeCells(content, top, row.height(), true);
                return;
            }
            List<TableColumn> columns = table.columns();
            for (int i = 0; i < columns.size(); i++) {
                List<String> lines = row.cells().get(i);
                for (int l = 0; l < lines.size(); l++) {
                    String text = lines.get(l);
                    float x = columns.get(i).align() == TableColumn.Align.CENTER
                            ? columnX[i] + (columnWidth[i] - regular.width(text, BODY_SIZE)) / 2
                            : columnX[i] + PAD_X;
                    drawLine(content, regular, BODY_SIZE, x, lineBaseline(regular, BODY_SIZE, top - PAD_Y - l * LEADING),
                            text);
                }
            }
            strokeCells(content, top, row.height(), false);
        }

        private void strokeCells(PDPageContentStream content, float top, float height, boolean spanning)
                throws IOException {
            content.setLineWidth(RULE_WIDTH);
            content.setStrokingColor(0f);
            if (spanning) {
                content.addRect(tableLeft, top - height, tableWidth, height);
            } else {
                for (int i = 0; i < columnX.length; i++) {
                    content.addRect(columnX[i], top - height, columnWidth[i], height);
                }
            }
            content.stroke();
        }

        private void drawFooter(PDPageContentStream content, int pageNumber, int pageCount) throws IOException {
            String printed = "In lúc " + PRINTED_AT.format(table.printedAt());
            String pageLabel = "Trang " + pageNumber + "/" + pageCount;
            float baseline = MARGIN_BOTTOM;
            drawLine(content, regular, FOOTER_SIZE, tableLeft, baseline, printed);
            drawLine(content, regular, FOOTER_SIZE,
                    tableLeft + tableWidth - regular.width(pageLabel, FOOTER_SIZE), baseline, pageLabel);
        }

        private void drawCentred(PDPageContentStream content, HeadingLine line, float top) throws IOException {
            float x = tableLeft + (tableWidth - line.font().width(line.text(), line.size())) / 2;
            drawLine(content, line.font(), line.size(), x, baseline(line, top), line.text());
        }

        /** Baseline of a heading line whose box starts at {@code top}: the glyph box centred in it. */
        private static float baseline(HeadingLine line, float top) {
            FittedFont font = line.font();
            float ink = font.ascent(line.size()) + font.descent(line.size());
            return top - (line.height() - ink) / 2 - font.ascent(line.size());
        }

        /** Baseline of a table text line whose box of height {@link #LEADING} starts at {@code top}. */
        private static float lineBaseline(FittedFont font, float size, float top) {
            float ink = font.ascent(size) + font.descent(size);
            return top - (LEADING - ink) / 2 - font.ascent(size);
        }

        private static void drawLine(PDPageContentStream content, FittedFont font, float size, float x, float y,
                String text) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            content.beginText();
            content.setFont(font.font(), size);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }
    }
}
