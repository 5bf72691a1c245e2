package vn.ccn.dms.register.infrastructure.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import vn.ccn.dms.register.application.print.IncomingRegisterLine;
import vn.ccn.dms.register.application.print.IncomingRegisterSheet;
import vn.ccn.dms.register.application.print.OutgoingRegisterLine;
import vn.ccn.dms.register.application.print.OutgoingRegisterSheet;
import vn.ccn.dms.register.application.print.RegisterPrinter;
import vn.ccn.dms.register.infrastructure.pdf.TableColumn.Align;

/**
 * Prints the registers of Decree 30/2020/NĐ-CP Appendix IV as PDF (A4 landscape) with Apache PDFBox, with
 * the paper form's columns and Liberation Serif embedded, so Vietnamese text prints and extracts intact.
 *
 * <p>The fonts are read from this module's {@code /fonts} resources once, when the printer is built;
 * nothing is read from the operating system. An instance keeps no state between calls and can be shared.
 */
public final class PdfBoxRegisterPrinter implements RegisterPrinter {

    static final String INCOMING_TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN";
    static final String OUTGOING_TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐI";

    private static final String REGULAR_FONT = "/fonts/LiberationSerif-Regular.ttf";
    private static final String BOLD_FONT = "/fonts/LiberationSerif-Bold.ttf";

    // Column captions and order: Decree 30/2020/NĐ-CP Appendix IV, "Mẫu sổ đăng ký văn bản đến".
    // Widths in points on A4 landscape: a date needs 46 pt at 10 pt type, "100/2025/QĐ-UBND" about 88 pt.
    private static final List<TableColumn> INCOMING_COLUMNS = List.of(
            TableColumn.fixed("Ngày đến", 54, Align.CENTER),
            TableColumn.fixed("Số đến", 38, Align.CENTER),
            TableColumn.fixed("Tác giả", 96, Align.LEFT),
            TableColumn.fixed("Số, ký hiệu", 100, Align.LEFT),
            TableColumn.fixed("Ngày tháng", 54, Align.CENTER),
            TableColumn.remaining("Tên loại và trích yếu nội dung"),
            TableColumn.fixed("Đơn vị hoặc người nhận", 80, Align.LEFT),
            TableColumn.fixed("Ngày chuyển", 54, Align.CENTER),
            TableColumn.fixed("Ký nhận", 48, Align.CENTER),
            TableColumn.fixed("Ghi chú", 48, Align.LEFT));

    // Decree 30/2020/NĐ-CP Appendix IV, "Mẫu sổ đăng ký văn bản đi".
    private static final List<TableColumn> OUTGOING_COLUMNS = List.of(
            TableColumn.fixed("Số, ký hiệu văn bản", 100, Align.LEFT),
            TableColumn.fixed("Ngày tháng văn bản", 54, Align.CENTER),
            TableColumn.remaining("Tên loại và trích yếu nội dung văn bản"),
            TableColumn.fixed("Người ký", 72, Align.LEFT),
            TableColumn.fixed("Nơi nhận văn bản", 90, Align.LEFT),
            TableColumn.fixed("Đơn vị, người nhận bản lưu", 72, Align.LEFT),
            TableColumn.fixed("Số lượng bản", 40, Align.CENTER),
            TableColumn.fixed("Ngày chuyển", 54, Align.CENTER),
            TableColumn.fixed("Ký nhận", 48, Align.CENTER),
            TableColumn.fixed("Ghi chú", 48, Align.LEFT));

    /** "Số đến" identifies an incoming entry, "Số, ký hiệu văn bản" an outgoing one. */
    private static final int INCOMING_KEY = 1;
    private static final int OUTGOING_KEY = 0;

    private final RegisterPdfWriter writer;

    /** Reads the embedded fonts; fails at once if they are missing from the class path. */
    public PdfBoxRegisterPrinter() {
        this.writer = new RegisterPdfWriter(withoutSubstitutions(resource(REGULAR_FONT)),
                withoutSubstitutions(resource(BOLD_FONT)));
    }

    /**
     * Hides the font's glyph substitution table (GSUB) from PDFBox. PDFBox applies the Latin GSUB
     * features to every {@code showText} of a Type 0 font, and rebuilds its matchers on each call: that
     * took most of the printing time (about 2.4 s per 1,000 entries). Liberation Serif's only Latin
     * feature is {@code ccmp}, which changes nothing for text normalised to NFC (every Vietnamese letter
     * has its own precomposed glyph), and without it each character maps to exactly the glyph whose width
     * the line breaker measured. The bytes are changed in memory only, for embedding a subset.
     */
    private static byte[] withoutSubstitutions(byte[] font) {
        return TrueTypeTables.hide(font, "GSUB", "xSUB");
    }

    @Override
    public void printIncoming(IncomingRegisterSheet sheet, OutputStream out) throws IOException {
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(out, "out");
        List<List<String>> rows = new ArrayList<>(sheet.lines().size());
        for (IncomingRegisterLine line : sheet.lines()) {
            rows.add(List.of(
                    RegisterPdfWriter.date(line.arrivalDate()),
                    arrivalNumber(line.arrivalNumber()),
                    line.issuerName(),
                    text(line.numberSymbol()),
                    RegisterPdfWriter.date(line.issuedDate()),
                    typeAndSummary(line.typeName(), line.summary()),
                    text(line.receivingUnit()),
                    RegisterPdfWriter.date(line.transferDate()),
                    "", // Ký nhận: left for the receiver's hand signature.
                    text(line.notes())));
        }
        writer.write(new RegisterTable(sheet.agencyName(), INCOMING_TITLE, sheet.registerName(), sheet.from(),
                sheet.to(), sheet.printedAt(), INCOMING_COLUMNS, INCOMING_KEY, rows), out);
    }

    @Override
    public void printOutgoing(OutgoingRegisterSheet sheet, OutputStream out) throws IOException {
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(out, "out");
        List<List<String>> rows = new ArrayList<>(sheet.lines().size());
        for (OutgoingRegisterLine line : sheet.lines()) {
            rows.add(List.of(
                    line.numberSymbol(),
                    RegisterPdfWriter.date(line.issuedDate()),
                    typeAndSummary(line.typeName(), line.summary()),
                    line.signerName(),
                    text(line.recipients()),
                    text(line.keepingUnit()),
                    line.copies() == null ? "" : line.copies().toString(),
                    RegisterPdfWriter.date(line.transferDate()),
                    "", // Ký nhận: left for the receiver's hand signature.
                    text(line.notes())));
        }
        writer.write(new RegisterTable(sheet.agencyName(), OUTGOING_TITLE, sheet.registerName(), sheet.from(),
                sheet.to(), sheet.printedAt(), OUTGOING_COLUMNS, OUTGOING_KEY, rows), out);
    }

    /** Numbers below 10 take a leading zero (Decree 30/2020/NĐ-CP Appendix I: "01", "02", ...). */
    static String arrivalNumber(int number) {
        return String.format(Locale.ROOT, "%02d", number);
    }

    /**
     * The column "Tên loại và trích yếu nội dung" holds both: the type name, then the summary. A letter
     * (công văn) has no type name and shows its summary alone; a summary that already starts with the type
     * name is not prefixed twice.
     */
    static String typeAndSummary(String typeName, String summary) {
        String type = text(typeName).strip();
        String text = summary.strip();
        if (type.isEmpty() || text.toLowerCase(Locale.ROOT).startsWith(type.toLowerCase(Locale.ROOT))) {
            return text;
        }
        return type + " " + text;
    }

    private static String text(String nullable) {
        return nullable == null ? "" : nullable;
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfBoxRegisterPrinter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("font resource " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font resource " + name, e);
        }
    }
}
