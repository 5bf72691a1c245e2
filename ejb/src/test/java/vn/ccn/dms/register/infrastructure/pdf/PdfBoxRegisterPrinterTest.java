package vn.ccn.dms.register.infrastructure.pdf;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ccn.dms.register.application.print.RegisterSheetBuilders.anIncomingLine;
import static vn.ccn.dms.register.application.print.RegisterSheetBuilders.anIncomingSheet;
import static vn.ccn.dms.register.application.print.RegisterSheetBuilders.anOutgoingLine;
import static vn.ccn.dms.register.application.print.RegisterSheetBuilders.anOutgoingSheet;
import static vn.ccn.dms.register.application.print.RegisterSheetBuilders.incomingLines;
import static vn.ccn.dms.register.application.print.RegisterSheetBuilders.outgoingLines;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import vn.ccn.dms.register.application.print.IncomingRegisterLine;
import vn.ccn.dms.register.application.print.IncomingRegisterSheet;
import vn.ccn.dms.register.application.print.OutgoingRegisterLine;
import vn.ccn.dms.register.application.print.OutgoingRegisterSheet;

class PdfBoxRegisterPrinterTest {

    private static final List<String> INCOMING_CAPTIONS = List.of("Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu",
            "Ngày tháng", "Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận",
            "Ghi chú");
    private static final List<String> OUTGOING_CAPTIONS = List.of("Số, ký hiệu văn bản", "Ngày tháng văn bản",
            "Tên loại và trích yếu nội dung văn bản", "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu",
            "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú");
    /** A4 is 210 × 297 mm = 595.28 × 841.89 pt. */
    private static final float A4_LONG = 841.89f;
    private static final float A4_SHORT = 595.28f;
    /** Nothing may be printed in the outer 5 mm, where printers cannot reach and the table must not go. */
    private static final float KEEP_CLEAR = 5 * 72f / 25.4f;
    private static final Path SAMPLES = Path.of("target", "register-samples");

    private final PdfBoxRegisterPrinter printer = new PdfBoxRegisterPrinter();

    @Test
    void printsOnA4Landscape() throws IOException {
        PrintedPdf pdf = printIncoming("incoming-landscape", anIncomingSheet().lines(incomingLines(60)).build());
        assertTrue(pdf.pageCount() > 1, "60 lines should need more than one page");
        for (int i = 0; i < pdf.pageCount(); i++) {
            PDRectangle box = pdf.mediaBoxes().get(i);
            assertEquals(A4_LONG, box.getWidth(), 0.01, "width of page " + (i + 1));
            assertEquals(A4_SHORT, box.getHeight(), 0.01, "height of page " + (i + 1));
            assertEquals(0, pdf.rotations().get(i), "landscape by its media box, not by /Rotate");
        }
    }

    @Test
    void incomingTextComesBackExactlyWithItsDiacritics() throws IOException {
        List<IncomingRegisterLine> lines = new ArrayList<>(incomingLines(12));
        lines.add(anIncomingLine().arrivalNumber(13).build());
        IncomingRegisterSheet sheet = anIncomingSheet().agencyName("SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN")
                .registerName("Sổ văn bản đến của Sở năm 2025").lines(lines).build();
        PrintedPdf pdf = printIncoming("incoming-diacritics", sheet);
        String text = pdf.text();

        assertContains(text, "SỞ CÔNG THƯƠNG TỈNH LẠNG SƠN");
        assertContains(text, "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN");
        assertContains(text, "Sổ văn bản đến của Sở năm 2025");
        assertContains(text, "Từ ngày 01/01/2025 đến ngày 31/12/2025");
        assertContains(text, "In lúc 08:30 ngày 15/01/2026");
        for (IncomingRegisterLine line : sheet.lines()) {
            assertContains(text, line.issuerName());
            assertContains(text, line.numberSymbol());
            assertContains(text, line.summary());
            if (line.receivingUnit() != null) {
                assertContains(text, line.receivingUnit());
            }
            if (line.notes() != null) {
                assertContains(text, line.notes());
            }
        }
        for (String exact : List.of("Ủy ban nhân dân tỉnh Lạng Sơn", "Sở Công Thương tỉnh Lạng Sơn",
                "UBND xã Hữu Lũng", "Đề án", "Hữu Lũng", "thẩm định", "Hợp Thịnh", "phối hợp",
                "Quyết định thành lập cụm công nghiệp Hữu Lũng", "Ông Nguyễn Văn Thưởng", "Hỏa tốc", "Thượng khẩn",
                "09/2025/QĐ-UBND", "05/TTr-SCT", "06/SCT-QLCN")) {
            assertContains(text, exact);
        }
        assertTrue(Normalizer.isNormalized(text, Normalizer.Form.NFC), "extracted text is precomposed (NFC)");
    }

    @Test
    void everyLetterOfTheVietnameseAlphabetComesBackInBothCases() throws IOException {
        String lower = "aàáảãạ ăằắẳẵặ âầấẩẫậ bcd đ eèéẻẽẹ êềếểễệ ghiìíỉĩị klmn oòóỏõọ ôồốổỗộ ơờớởỡợ pqrst"
                + " uùúủũụ ưừứửữự vx yỳýỷỹỵ";
        String upper = lower.toUpperCase(Locale.forLanguageTag("vi"));
        PrintedPdf pdf = printIncoming("incoming-alphabet", anIncomingSheet().lines(List.of(
                anIncomingLine().typeName(null).summary(lower).notes(upper).build(),
                anIncomingLine().arrivalNumber(2).issuerName(upper).typeName(null).summary(upper).build()))
                .build());
        assertContains(pdf.text(), lower);
        assertContains(pdf.text(), upper);
        assertTrue(upper.contains("Đ") && upper.contains("Ỵ"));
    }

    @Test
    void outgoingTextComesBackExactlyAndEmptyColumnsStayEmpty() throws IOException {
        List<OutgoingRegisterLine> lines = new ArrayList<>(outgoingLines(8));
        lines.add(anOutgoingLine().numberSymbol("89/TTr-SCT").typeName(null)
                .summary("V/v đề nghị bổ sung hồ sơ thành lập cụm công nghiệp Hữu Lũng")
                .recipients(null).keepingUnit(null).copies(null).transferDate(null).notes(null).build());
        OutgoingRegisterSheet sheet = anOutgoingSheet().lines(lines).build();
        PrintedPdf pdf = printOutgoing("outgoing", sheet);
        String text = pdf.text();

        assertContains(text, "Sở Công Thương tỉnh Lạng Sơn");
        assertContains(text, "SỔ ĐĂNG KÝ VĂN BẢN ĐI");
        assertContains(text, "Sổ đăng ký văn bản đi năm 2025");
        OUTGOING_CAPTIONS.forEach(caption -> assertContains(text, caption));
        for (OutgoingRegisterLine line : sheet.lines()) {
            assertContains(text, line.numberSymbol());
            assertContains(text, line.summary());
            assertContains(text, line.signerName());
            if (line.recipients() != null) {
                assertContains(text, line.recipients());
            }
            if (line.keepingUnit() != null) {
                assertContains(text, line.keepingUnit());
            }
        }
        assertContains(text, "Tờ trình đề nghị thẩm định Đề án mở rộng cụm công nghiệp Đồng Bành");
        assertFalse(text.contains("Tờ trình Tờ trình"), "a summary never repeats its type name");
        assertFalse(text.contains("null"), "empty columns print nothing, not 'null'");
        assertContains(text, "Hoàng Văn Đức");
    }

    @Test
    void embedsSubsetsOfLiberationSerifAndNoOtherFont() throws IOException {
        PrintedPdf pdf = printIncoming("incoming-fonts", anIncomingSheet().lines(incomingLines(50)).build());
        Set<Integer> pagesWithFonts = new HashSet<>();
        for (PrintedPdf.UsedFont used : pdf.fonts()) {
            pagesWithFonts.add(used.page());
            assertTrue(used.font() instanceof PDType0Font, "Type 0 (CID) font, got " + used.font().getClass());
            assertTrue(used.font().getName().matches("[A-Z]{6}\\+LiberationSerif(-Bold)?"),
                    "subset of Liberation Serif, got " + used.font().getName());
            assertTrue(used.font().isEmbedded(), used.font().getName() + " is embedded");
            PDFontDescriptor descriptor = used.font().getFontDescriptor();
            assertNotNull(descriptor, "font descriptor of " + used.font().getName());
            assertNotNull(descriptor.getFontFile2(), "TrueType font file of " + used.font().getName());
        }
        assertEquals(pdf.pageCount(), pagesWithFonts.size(), "every page uses the embedded fonts");
    }

    @Test
    void repeatsTheColumnCaptionsAndNumbersEveryPage() throws IOException {
        IncomingRegisterSheet sheet = anIncomingSheet().lines(incomingLines(120)).build();
        PrintedPdf pdf = printIncoming("incoming-120", sheet);
        int pages = pdf.pageCount();
        assertTrue(pages >= 3, "120 lines take several pages, got " + pages);
        for (int page = 1; page <= pages; page++) {
            String text = pdf.pageText(page);
            for (String caption : INCOMING_CAPTIONS) {
                assertContains(text, caption);
            }
            assertContains(text, "Trang " + page + "/" + pages);
            assertContains(text, "In lúc 08:30 ngày 15/01/2026");
            if (page > 1) {
                assertContains(text, "Sở Công Thương tỉnh Lạng Sơn – SỔ ĐĂNG KÝ VĂN BẢN ĐẾN");
            }
        }
        assertContains(pdf.pageText(1), "Trang 1/" + pages);
        // A line that fits on a page is never cut: each number-and-symbol pair, and each summary that
        // follows it, is on one page whole.
        for (IncomingRegisterLine line : sheet.lines()) {
            String entry = line.numberSymbol() + " " + RegisterPdfWriter.date(line.issuedDate()) + " "
                    + PdfBoxRegisterPrinter.typeAndSummary(line.typeName(), line.summary());
            long pagesWithEntry = Stream.iterate(1, p -> p <= pages, p -> p + 1)
                    .filter(p -> pdf.pageText(p).contains(entry)).count();
            assertEquals(1, pagesWithEntry, "entry " + line.arrivalNumber() + " whole on exactly one page");
        }
    }

    @Test
    void arrivalNumbersBelowTenHaveALeadingZero() throws IOException {
        IncomingRegisterSheet sheet = anIncomingSheet().lines(incomingLines(12)).build();
        String text = printIncoming("incoming-numbers", sheet).text();
        // Each entry reads back as "arrival date, arrival number, issuer": the number is the one between.
        for (IncomingRegisterLine line : sheet.lines()) {
            String arrived = RegisterPdfWriter.date(line.arrivalDate());
            String padded = String.format("%02d", line.arrivalNumber());
            assertContains(text, arrived + " " + padded + " " + line.issuerName());
            if (line.arrivalNumber() < 10) {
                assertFalse(text.contains(arrived + " " + line.arrivalNumber() + " " + line.issuerName()),
                        "arrival number " + line.arrivalNumber() + " printed without its zero");
            }
        }
    }

    @Test
    void emptyRegisterStillPrintsItsFormWithANote() throws IOException {
        PrintedPdf pdf = printIncoming("incoming-empty", anIncomingSheet().lines(List.of()).build());
        assertEquals(1, pdf.pageCount());
        String text = pdf.pageText(1);
        assertContains(text, "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN");
        INCOMING_CAPTIONS.forEach(caption -> assertContains(text, caption));
        assertContains(text, "Không có văn bản");
        assertContains(text, "Trang 1/1");

        PrintedPdf outgoing = printOutgoing("outgoing-empty", anOutgoingSheet().lines(List.of()).build());
        assertContains(outgoing.text(), "Không có văn bản");
    }

    @Test
    void aSummaryTallerThanAPageWrapsAndContinuesOnTheNextPageInsideTheTable() throws IOException {
        String summary = longSummary(3_000);
        List<IncomingRegisterLine> lines = new ArrayList<>(incomingLines(8));
        lines.add(anIncomingLine().arrivalNumber(9).numberSymbol("112/UBND-KT").typeName("Đề án")
                .summary(summary).notes("Hồ sơ kèm theo 02 bộ").build());
        lines.add(anIncomingLine().arrivalNumber(10).summary("báo cáo sau đề án dài").build());
        PrintedPdf pdf = printIncoming("incoming-long-summary", anIncomingSheet().lines(lines).build());

        assertTrue(pdf.pageCount() >= 3, "a 3,000-character summary spans pages, got " + pdf.pageCount());
        assertWordsInOrder(pdf.text(), "Đề án " + summary);
        for (int page = 2; page < pdf.pageCount(); page++) {
            assertContains(pdf.pageText(page), "09 (tiếp)");
        }
        assertContains(pdf.text(), "báo cáo sau đề án dài");
        assertGlyphsInsidePrintableArea(pdf);
        assertNoGlyphsOverlap(pdf);
    }

    @Test
    void wordsLongerThanTheirColumnAreBrokenInsideIt() throws IOException {
        String longSymbol = "1234/QĐ-UBND-SCT-QLCN-KHĐT-TNMT-XD-NNPTNT-GTVT-CA-BCHQS-TTXTĐT";
        String url = "https://dichvucong.langson.gov.vn/ho-so/" + "a".repeat(300);
        PrintedPdf pdf = printIncoming("incoming-long-words", anIncomingSheet().lines(List.of(
                anIncomingLine().numberSymbol(longSymbol).summary("tra cứu tại " + url)
                        .issuerName("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Lạng Sơn").build()))
                .build());
        String glued = pdf.text().replace(" ", "");
        assertContains(glued, longSymbol);
        assertContains(glued, url);
        assertGlyphsInsidePrintableArea(pdf);
        assertNoGlyphsOverlap(pdf);
    }

    @Test
    void anEntryWhoseNumberAloneIsTallerThanAPageStillEnds() {
        String hugeSymbol = "05/SCT-QLCN ".repeat(400).strip();
        OutgoingRegisterSheet sheet = anOutgoingSheet().lines(List.of(
                anOutgoingLine().numberSymbol(hugeSymbol).summary(longSummary(3_000)).build(),
                anOutgoingLine().numberSymbol("06/SCT-QLCN").build())).build();
        PrintedPdf pdf = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> printOutgoing("outgoing-huge-key", sheet));
        assertWordsInOrder(pdf.text(), hugeSymbol);
        assertContains(pdf.text(), "06/SCT-QLCN");
        assertGlyphsInsidePrintableArea(pdf);
        assertNoGlyphsOverlap(pdf);
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        printer.printIncoming(anIncomingSheet().build(), out);
        assertFalse(closed[0], "the caller owns the stream");
        assertTrue(new String(bytes.toByteArray(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        assertEquals(1, new PrintedPdf(bytes.toByteArray()).pageCount(), "all bytes were flushed");
    }

    @Test
    void decomposedInputPrintsAsPrecomposedVietnamese() throws IOException {
        String decomposed = Normalizer.normalize("Quyết định thành lập cụm công nghiệp Hữu Lũng", Normalizer.Form.NFD);
        assertFalse(Normalizer.isNormalized(decomposed, Normalizer.Form.NFC));
        PrintedPdf pdf = printIncoming("incoming-nfd", anIncomingSheet().lines(List.of(
                anIncomingLine().typeName(null).summary(decomposed).build())).build());
        assertContains(pdf.text(), "Quyết định thành lập cụm công nghiệp Hữu Lũng");
    }

    @Test
    void charactersTheFontLacksPrintAsQuestionMarksInsteadOfFailing() throws IOException {
        PrintedPdf pdf = printIncoming("incoming-missing-glyph", anIncomingSheet().lines(List.of(
                anIncomingLine().summary("khen thưởng \uD83C\uDFC6 doanh nghiệp\tđiển hình\u200B").build())).build());
        assertContains(pdf.text(), "khen thưởng ? doanh nghiệp điển hình");
    }

    @Test
    void veryLongHeadingTextIsKeptToItsLines() throws IOException {
        String agency = "Ban Quản lý các khu công nghiệp và cụm công nghiệp tỉnh Lạng Sơn ".repeat(20);
        PrintedPdf pdf = printIncoming("incoming-long-heading", anIncomingSheet().agencyName(agency)
                .registerName("Sổ văn bản đến ".repeat(40)).lines(incomingLines(40)).build());
        assertContains(pdf.pageText(1), "Ban Quản lý các khu công nghiệp và cụm công nghiệp tỉnh Lạng Sơn");
        assertContains(pdf.text(), "…");
        assertGlyphsInsidePrintableArea(pdf);
        assertNoGlyphsOverlap(pdf);
    }

    @Test
    void outgoingRegisterWithManyLinesStaysInsideThePage() throws IOException {
        PrintedPdf pdf = printOutgoing("outgoing-90", anOutgoingSheet().lines(outgoingLines(90)).build());
        assertTrue(pdf.pageCount() >= 2);
        for (int page = 1; page <= pdf.pageCount(); page++) {
            String text = pdf.pageText(page);
            OUTGOING_CAPTIONS.forEach(caption -> assertContains(text, caption));
            assertContains(text, "Trang " + page + "/" + pdf.pageCount());
        }
        assertGlyphsInsidePrintableArea(pdf);
        assertNoGlyphsOverlap(pdf);
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private PrintedPdf printIncoming(String sample, IncomingRegisterSheet sheet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        printer.printIncoming(sheet, out);
        return keep(sample, out.toByteArray());
    }

    private PrintedPdf printOutgoing(String sample, OutgoingRegisterSheet sheet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        printer.printOutgoing(sheet, out);
        return keep(sample, out.toByteArray());
    }

    /** Keeps each printout under target/ so that a person can open it, then reads it back. */
    private static PrintedPdf keep(String sample, byte[] pdf) throws IOException {
        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve(sample + ".pdf"), pdf);
        return new PrintedPdf(pdf);
    }

    /** Sentences numbered 1, 2, 3 ... so that a lost or repeated piece shows. */
    private static String longSummary(int length) {
        StringBuilder text = new StringBuilder("phát triển cụm công nghiệp Hữu Lũng giai đoạn 2025–2030:");
        for (int n = 1; text.length() < length; n++) {
            text.append(" mục ").append(n).append(" bảo đảm hạ tầng kỹ thuật, xử lý nước thải và phòng cháy,")
                    .append(" chữa cháy theo ý kiến thẩm định của các sở, ngành phối hợp;");
        }
        return text.toString();
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), () -> "expected «" + expected + "» in: " + excerpt(text));
    }

    private static String excerpt(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }

    /** Every word of {@code expected} appears in {@code text} in the same order (other text may interleave). */
    private static void assertWordsInOrder(String text, String expected) {
        String[] have = text.split(" ");
        String[] want = PrintedPdf.flatten(expected).split(" ");
        int at = 0;
        for (int w = 0; w < want.length; w++) {
            while (at < have.length && !have[at].equals(want[w])) {
                at++;
            }
            assertTrue(at < have.length, "word " + w + " «" + want[w] + "» missing or out of order");
            at++;
        }
    }

    private static void assertGlyphsInsidePrintableArea(PrintedPdf pdf) {
        assertFalse(pdf.glyphs().isEmpty());
        assertAll(pdf.glyphs().stream().filter(g -> !g.unicode().isBlank()).map(g -> () -> {
            String where = "«" + g.unicode() + "» on page " + g.page() + " at " + g.x() + "," + g.y();
            assertTrue(g.x() >= KEEP_CLEAR, where + " is left of the page");
            assertTrue(g.right() <= A4_LONG - KEEP_CLEAR, where + " is right of the page");
            assertTrue(g.y() - g.height() >= KEEP_CLEAR, where + " is above the page");
            assertTrue(g.y() <= A4_SHORT - KEEP_CLEAR, where + " is below the page");
        }));
    }

    /**
     * No two glyphs on a page share ink: text that ran out of its cell into the next one, or rows drawn
     * over each other, would.
     */
    private static void assertNoGlyphsOverlap(PrintedPdf pdf) {
        float slack = 0.05f;
        Map<Integer, List<PrintedPdf.Glyph>> pages = pdf.glyphs().stream().filter(g -> !g.unicode().isBlank())
                .collect(Collectors.groupingBy(PrintedPdf.Glyph::page));
        List<String> clashes = new ArrayList<>();
        for (List<PrintedPdf.Glyph> ink : pages.values()) {
            for (int i = 0; i < ink.size(); i++) {
                PrintedPdf.Glyph a = ink.get(i);
                for (int j = i + 1; j < ink.size(); j++) {
                    PrintedPdf.Glyph b = ink.get(j);
                    if (a.x() + slack < b.right() && b.x() + slack < a.right()
                            && a.y() - a.height() + slack < b.y() && b.y() - b.height() + slack < a.y()) {
                        clashes.add("«" + a.unicode() + "»/«" + b.unicode() + "» on page " + a.page() + " at "
                                + a.x() + "," + a.y());
                    }
                }
            }
        }
        assertTrue(clashes.isEmpty(), () -> clashes.size() + " overlapping glyphs, first: "
                + clashes.subList(0, Math.min(5, clashes.size())));
    }
}
