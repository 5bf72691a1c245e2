package vn.ccn.dms.dossier.infrastructure.forms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.time.ZonedDateTime;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import vn.ccn.dms.register.infrastructure.pdf.FittedFont;
import vn.ccn.dms.register.infrastructure.pdf.TableColumn;

/**
 * Lays out one portrait A4 form from top to bottom and writes it as PDF: blocks are placed one after the
 * other, a paragraph or a table that reaches the bottom margin goes on at the top of a new page, and
 * "Trang x/y" is added to every page once the form is known to run over more than one.
 *
 * <p>Text goes through {@link FittedFont}, so it is normalised, wrapped at the available width, and any
 * character the font cannot show is printed as "?" rather than dropped. Liberation Serif has no italic in
 * this project; the places where Decree 30/2020/NĐ-CP asks for italics (the date line, the hints under
 * signature titles) are set obliquely by shearing the text matrix. One instance makes one document.
 */
final class FormComposer implements AutoCloseable {

    static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MM = 72f / 25.4f;
    // Decree 30/2020/NĐ-CP Appendix I, section I.4: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
    static final float MARGIN_LEFT = 30 * MM;
    static final float MARGIN_RIGHT = 15 * MM;
    static final float MARGIN_TOP = 20 * MM;
    static final float MARGIN_BOTTOM = 20 * MM;
    static final float WIDTH = PAGE.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;

    static final float BODY_SIZE = 13f;
    static final float TABLE_SIZE = 11f;
    private static final float LINE_FACTOR = 1.3f;
    private static final float TABLE_LEADING = 13.5f;
    private static final float PAD = 3f;
    private static final float RULE = 0.5f;
    private static final float CAPTION_GREY = 0.9f;
    private static final float OBLIQUE_SHEAR = 0.2f;
    private static final float FOOTER_SIZE = 10f;
    private static final int MIN_LINES_TO_SPLIT = 3;

    enum Align { LEFT, CENTRE }

    /** A piece of text in one style. */
    record Run(String text, FittedFont font, boolean oblique) { }

    /** An entry of a {@link #columns} block: text, a horizontal rule under the text above, or space. */
    sealed interface Item permits Text, Rule, Space { }

    /**
     * Text centred (or left-aligned) in its column. {@code maxLines} above 0 caps the lines; the last kept
     * line then ends with an ellipsis, so a cut is visible, never silent.
     */
    record Text(String text, FittedFont font, boolean oblique, float size, Align align, int maxLines)
            implements Item { }

    /** A centred rule under the preceding text, {@code fraction} of that text's widest line long. */
    record Rule(float fraction) implements Item { }

    record Space(float height) implements Item { }

    private record Token(String word, Run style, boolean spaceBefore, boolean breakBefore) { }

    private record Piece(String text, Run style, float x) { }

    private final PDDocument document = new PDDocument();
    private final FittedFont regular;
    private final FittedFont bold;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float y;
    private float reservedWidth;
    private float reservedUntil;

    FormComposer(byte[] regularFont, byte[] boldFont) throws IOException {
        // Subset embedding keeps the file small; PDFBox writes a ToUnicode map, so the text extracts intact.
        this.regular = new FittedFont(PDType0Font.load(document, new ByteArrayInputStream(regularFont), true));
        this.bold = new FittedFont(PDType0Font.load(document, new ByteArrayInputStream(boldFont), true));
        newPage();
    }

    FittedFont regular() {
        return regular;
    }

    FittedFont bold() {
        return bold;
    }

    Run plain(String text) {
        return new Run(text, regular, false);
    }

    Run strong(String text) {
        return new Run(text, bold, false);
    }

    Run hint(String text) {
        return new Run(text, regular, true);
    }

    /** Vertical space; none at the top of a page. */
    void space(float height) {
        if (y < PAGE.getHeight() - MARGIN_TOP) {
            y -= height;
        }
    }

    /**
     * A paragraph of runs wrapped at the available width: at spaces, inside a word only when the word alone
     * is wider than a line. Continuation lines start {@code hanging} points right of the first one, which
     * numbered items use to align with the text after their number.
     */
    void paragraph(List<Run> runs, float size, Align align, float indent, float hanging) throws IOException {
        List<Token> tokens = tokens(runs);
        float lineHeight = size * LINE_FACTOR;
        boolean firstLine = true;
        int next = 0;
        while (next < tokens.size()) {
            ensureRoom(lineHeight);
            float left = MARGIN_LEFT + indent + (firstLine ? 0 : hanging);
            float available = available() - indent - (firstLine ? 0 : hanging);
            List<Piece> line = new ArrayList<>();
            float width = 0;
            while (next < tokens.size()) {
                Token token = tokens.get(next);
                if (token.breakBefore() && !line.isEmpty()) {
                    break;
                }
                FittedFont font = token.style().font();
                float gap = line.isEmpty() || !token.spaceBefore() ? 0 : font.width(" ", size);
                float wordWidth = font.width(token.word(), size);
                if (width + gap + wordWidth <= available) {
                    line.add(new Piece(token.word(), token.style(), width + gap));
                    width += gap + wordWidth;
                    next++;
                    continue;
                }
                if (line.isEmpty()) {
                    // A word wider than the whole line (a long code, a URL): cut it between characters.
                    String head = font.wrap(token.word(), size, available).get(0);
                    String rest = token.word().substring(head.length());
                    line.add(new Piece(head, token.style(), 0));
                    width = font.width(head, size);
                    if (rest.isEmpty()) {
                        next++;
                    } else {
                        tokens.set(next, new Token(rest, token.style(), false, false));
                    }
                }
                break;
            }
            float x = align == Align.CENTRE ? MARGIN_LEFT + (WIDTH - width) / 2 : left;
            drawLine(line, x, size, lineHeight);
            y -= lineHeight;
            firstLine = false;
        }
    }

    void paragraph(List<Run> runs) throws IOException {
        paragraph(runs, BODY_SIZE, Align.LEFT, 0, 0);
    }

    /** "label value" as one paragraph; a blank value prints as a dotted blank to fill in by hand. */
    void field(String label, String value) throws IOException {
        paragraph(List.of(plain(label + " "), strong(orBlank(value))));
    }

    /** Numbered items "1. ...", "2. ..." with continuation lines aligned after the number. */
    void numbered(List<String> items, float indent) throws IOException {
        List<String> shown = items.isEmpty() ? List.of(VietnameseDates.BLANK.repeat(4)) : items;
        for (int i = 0; i < shown.size(); i++) {
            String number = (i + 1) + ". ";
            paragraph(List.of(plain(number), plain(orBlank(shown.get(i)))), BODY_SIZE, Align.LEFT, indent,
                    regular.width(number, BODY_SIZE));
        }
    }

    /** A centred title in bold capitals, as wide as the page allows. */
    void title(String text, float size) throws IOException {
        paragraph(List.of(strong(text)), size, Align.CENTRE, 0, 0);
    }

    /**
     * Side-by-side columns of items, laid out from the same top and kept on one page together (the national
     * heading, signature blocks). {@code widths} are fractions of the text width and add up to at most 1;
     * a column's items are centred within it.
     */
    void columns(float[] widths, List<List<Item>> columns) throws IOException {
        float[] x = new float[widths.length];
        float[] w = new float[widths.length];
        float cursor = MARGIN_LEFT + (1 - sum(widths)) * WIDTH;
        for (int i = 0; i < widths.length; i++) {
            x[i] = cursor;
            w[i] = widths[i] * WIDTH;
            cursor += w[i];
        }
        float height = 0;
        for (int i = 0; i < columns.size(); i++) {
            height = Math.max(height, drawColumn(columns.get(i), x[i], w[i], 0, false));
        }
        ensureRoom(height);
        for (int i = 0; i < columns.size(); i++) {
            drawColumn(columns.get(i), x[i], w[i], y, true);
        }
        y -= height;
    }

    /**
     * Keeps a box of {@code width} × {@code height} at the right edge, from the current position down, free
     * of text: paragraphs beside it get narrower. Returns the box's top, for the caller to draw in.
     */
    float reserveRight(float width, float height) throws IOException {
        ensureRoom(height);
        reservedWidth = width;
        reservedUntil = y - height;
        return y;
    }

    /** Moves below a reserved box, if the text beside it ended higher. */
    void clearReservation() {
        if (reservedWidth > 0 && y > reservedUntil) {
            y = reservedUntil;
        }
        reservedWidth = 0;
    }

    PDPageContentStream content() {
        return content;
    }

    /** Draws {@code items} in the box of {@code width} at ({@code x}, {@code top}) and returns its height. */
    float box(List<Item> items, float x, float width, float top) throws IOException {
        return drawColumn(items, x, width, top, true);
    }

    /**
     * A table whose caption row is repeated at the top of every page it runs onto. A row that does not fit
     * in what is left of the page moves to the next one; a row taller than a whole page is cut between two
     * text lines. With no rows, one row across all columns shows {@code emptyText}.
     */
    void table(List<TableColumn> columns, List<List<String>> rows, String emptyText) throws IOException {
        clearReservation();
        float[] x = new float[columns.size()];
        float[] w = new float[columns.size()];
        float fixed = 0;
        for (TableColumn column : columns) {
            fixed += column.width() == TableColumn.REMAINING ? 0 : column.width();
        }
        float cursor = MARGIN_LEFT;
        for (int i = 0; i < columns.size(); i++) {
            TableColumn column = columns.get(i);
            w[i] = column.width() == TableColumn.REMAINING ? WIDTH - fixed : column.width();
            x[i] = cursor;
            cursor += w[i];
        }
        List<List<String>> captions = new ArrayList<>();
        int captionLines = 1;
        for (int i = 0; i < columns.size(); i++) {
            List<String> caption = bold.wrap(columns.get(i).header(), TABLE_SIZE, w[i] - 2 * PAD);
            captions.add(caption);
            captionLines = Math.max(captionLines, caption.size());
        }
        float captionHeight = 2 * PAD + captionLines * TABLE_LEADING;
        float pageTop = PAGE.getHeight() - MARGIN_TOP - captionHeight;
        int linesOnFreshPage = (int) Math.floor((pageTop - bottom() - 2 * PAD) / TABLE_LEADING + 1e-3);
        List<List<List<String>>> wrapped = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            List<List<String>> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                cells.add(regular.wrap(i < row.size() ? row.get(i) : "", TABLE_SIZE, w[i] - 2 * PAD));
            }
            wrapped.add(cells);
        }
        // The caption row never stands alone at the foot of a page: it goes where the first row can follow.
        int firstLines = wrapped.isEmpty() ? 1 : lineCount(wrapped.get(0));
        int needed = firstLines <= linesOnFreshPage ? firstLines : MIN_LINES_TO_SPLIT;
        ensureRoom(captionHeight + 2 * PAD + needed * TABLE_LEADING);
        drawCaptions(captions, x, w, captionHeight);

        if (rows.isEmpty()) {
            List<String> lines = regular.wrap(emptyText, TABLE_SIZE, WIDTH - 2 * PAD);
            float height = 2 * PAD + lines.size() * TABLE_LEADING;
            for (int l = 0; l < lines.size(); l++) {
                String text = lines.get(l);
                drawText(text, regular, false, TABLE_SIZE,
                        MARGIN_LEFT + (WIDTH - regular.width(text, TABLE_SIZE)) / 2,
                        baseline(regular, TABLE_SIZE, y - PAD - l * TABLE_LEADING, TABLE_LEADING));
            }
            stroke(new float[] {MARGIN_LEFT}, new float[] {WIDTH}, height);
            y -= height;
            return;
        }
        for (List<List<String>> cells : wrapped) {
            int from = 0;
            int total = lineCount(cells);
            while (from < total) {
                int fit = (int) Math.floor((y - bottom() - 2 * PAD) / TABLE_LEADING + 1e-3);
                int left = total - from;
                boolean atPageTop = y >= pageTop - 1e-3f;
                if (left > fit && !atPageTop && (left <= linesOnFreshPage || fit < MIN_LINES_TO_SPLIT)) {
                    // The row moves whole to the next page, unless it is taller than a page anyway: then it
                    // starts here, so as not to leave the rest of this page blank.
                    newPage();
                    drawCaptions(captions, x, w, captionHeight);
                    continue;
                }
                int shown = Math.min(left, fit);
                float height = 2 * PAD + shown * TABLE_LEADING;
                for (int i = 0; i < columns.size(); i++) {
                    List<String> lines = cells.get(i);
                    for (int l = from; l < Math.min(from + shown, lines.size()); l++) {
                        String text = lines.get(l);
                        float tx = columns.get(i).align() == TableColumn.Align.CENTER
                                ? x[i] + (w[i] - regular.width(text, TABLE_SIZE)) / 2 : x[i] + PAD;
                        drawText(text, regular, false, TABLE_SIZE, tx,
                                baseline(regular, TABLE_SIZE, y - PAD - (l - from) * TABLE_LEADING, TABLE_LEADING));
                    }
                }
                stroke(x, w, height);
                y -= height;
                from += shown;
                if (from < total) {
                    newPage();
                    drawCaptions(captions, x, w, captionHeight);
                }
            }
        }
    }

    /** Finishes the document: page numbers when there is more than one page, metadata, bytes. */
    byte[] finish(String title, String author, ZonedDateTime createdAt) throws IOException {
        content.close();
        content = null;
        if (pages.size() > 1) {
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String label = "Trang " + (i + 1) + "/" + pages.size();
                    content = footer;
                    drawText(label, regular, false, FOOTER_SIZE,
                            MARGIN_LEFT + (WIDTH - regular.width(label, FOOTER_SIZE)) / 2, MARGIN_BOTTOM / 2);
                } finally {
                    content = null;
                }
            }
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(regular.printable(title));
        info.setAuthor(regular.printable(author));
        info.setCreator("CCN DMS");
        info.setCreationDate(GregorianCalendar.from(createdAt));
        document.getDocumentCatalog().setLanguage("vi-VN");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        try {
            if (content != null) {
                content.close();
            }
        } finally {
            document.close();
        }
    }

    static String orBlank(String value) {
        return value == null || value.isBlank() ? VietnameseDates.BLANK.repeat(3) : value;
    }

    // ----------------------------------------------------------------------------------------------------

    private List<Token> tokens(List<Run> runs) {
        List<Token> tokens = new ArrayList<>();
        boolean space = false;
        boolean lineBreak = false;
        for (Run run : runs) {
            String text = run.font().printable(run.text());
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (cp == '\n' || cp == ' ') {
                    if (word.length() > 0) {
                        tokens.add(new Token(word.toString(), run, space, lineBreak));
                        word.setLength(0);
                        lineBreak = false;
                    }
                    space = true;
                    lineBreak |= cp == '\n';
                } else {
                    word.appendCodePoint(cp);
                }
            }
            if (word.length() > 0) {
                tokens.add(new Token(word.toString(), run, space, lineBreak));
                space = false;
                lineBreak = false;
            }
        }
        return tokens;
    }

    private void drawLine(List<Piece> line, float x, float size, float lineHeight) throws IOException {
        // Consecutive words of one style go out as one string, so a name extracts as it was written.
        int i = 0;
        while (i < line.size()) {
            Piece first = line.get(i);
            StringBuilder text = new StringBuilder(first.text());
            int j = i + 1;
            while (j < line.size() && line.get(j).style() == first.style()) {
                text.append(' ').append(line.get(j).text());
                j++;
            }
            FittedFont font = first.style().font();
            drawText(text.toString(), font, first.style().oblique(), size, x + first.x(),
                    baseline(font, size, y, lineHeight));
            i = j;
        }
    }

    private float drawColumn(List<Item> items, float x, float width, float top, boolean draw) throws IOException {
        float cursor = top;
        float lastWidth = 0;
        for (Item item : items) {
            if (item instanceof Space space) {
                cursor -= space.height();
            } else if (item instanceof Rule rule) {
                float length = lastWidth * rule.fraction();
                cursor -= 2f;
                if (draw) {
                    content.setLineWidth(RULE);
                    content.setStrokingColor(0f);
                    content.moveTo(x + (width - length) / 2, cursor);
                    content.lineTo(x + (width + length) / 2, cursor);
                    content.stroke();
                }
                cursor -= 2f;
            } else if (item instanceof Text text) {
                List<String> lines = limited(text, width);
                float lineHeight = text.size() * LINE_FACTOR;
                lastWidth = 0;
                for (String line : lines) {
                    float lineWidth = text.font().width(line, text.size());
                    lastWidth = Math.max(lastWidth, lineWidth);
                    if (draw) {
                        float lx = text.align() == Align.CENTRE ? x + (width - lineWidth) / 2 : x;
                        drawText(line, text.font(), text.oblique(), text.size(), lx,
                                baseline(text.font(), text.size(), cursor, lineHeight));
                    }
                    cursor -= lineHeight;
                }
            }
        }
        return top - cursor;
    }

    private static List<String> limited(Text text, float width) {
        List<String> lines = text.font().wrap(text.text(), text.size(), width);
        if (text.maxLines() <= 0 || lines.size() <= text.maxLines()) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, text.maxLines() - 1));
        kept.add(text.font().ellipsize(String.join(" ", lines.subList(text.maxLines() - 1, lines.size())),
                text.size(), width));
        return kept;
    }

    private void drawCaptions(List<List<String>> captions, float[] x, float[] w, float height) throws IOException {
        content.setNonStrokingColor(CAPTION_GREY);
        content.addRect(MARGIN_LEFT, y - height, WIDTH, height);
        content.fill();
        content.setNonStrokingColor(0f);
        for (int i = 0; i < captions.size(); i++) {
            List<String> lines = captions.get(i);
            float blockTop = y - (height - lines.size() * TABLE_LEADING) / 2;
            for (int l = 0; l < lines.size(); l++) {
                String text = lines.get(l);
                drawText(text, bold, false, TABLE_SIZE, x[i] + (w[i] - bold.width(text, TABLE_SIZE)) / 2,
                        baseline(bold, TABLE_SIZE, blockTop - l * TABLE_LEADING, TABLE_LEADING));
            }
        }
        stroke(x, w, height);
        y -= height;
    }

    private void stroke(float[] x, float[] w, float height) throws IOException {
        content.setLineWidth(RULE);
        content.setStrokingColor(0f);
        for (int i = 0; i < x.length; i++) {
            content.addRect(x[i], y - height, w[i], height);
        }
        content.stroke();
    }

    private static int lineCount(List<List<String>> cells) {
        int lines = 1;
        for (List<String> cell : cells) {
            lines = Math.max(lines, cell.size());
        }
        return lines;
    }

    private float available() {
        boolean besideReservation = reservedWidth > 0 && y - 1 > reservedUntil;
        return WIDTH - (besideReservation ? reservedWidth : 0);
    }

    private static float bottom() {
        return MARGIN_BOTTOM;
    }

    private void ensureRoom(float height) throws IOException {
        if (y - height < bottom()) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN_TOP;
        reservedWidth = 0;
    }

    /** Baseline of a line whose box of {@code lineHeight} starts at {@code top}: the glyphs centred in it. */
    private static float baseline(FittedFont font, float size, float top, float lineHeight) {
        float ink = font.ascent(size) + font.descent(size);
        return top - (lineHeight - ink) / 2 - font.ascent(size);
    }

    private void drawText(String text, FittedFont font, boolean oblique, float size, float x, float baseline)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font.font(), size);
        content.setTextMatrix(oblique ? new Matrix(1, 0, OBLIQUE_SHEAR, 1, x, baseline)
                : Matrix.getTranslateInstance(x, baseline));
        content.showText(text);
        content.endText();
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}
