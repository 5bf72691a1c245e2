package vn.ccn.dms.dossier.infrastructure.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import vn.ccn.dms.dossier.application.forms.Apology;
import vn.ccn.dms.dossier.application.forms.ControlSlip;
import vn.ccn.dms.dossier.application.forms.FormHeader;
import vn.ccn.dms.dossier.application.forms.Handover;
import vn.ccn.dms.dossier.application.forms.PaperLine;
import vn.ccn.dms.dossier.application.forms.ReceiptSlip;
import vn.ccn.dms.dossier.application.forms.Refusal;
import vn.ccn.dms.dossier.application.forms.StopNotice;
import vn.ccn.dms.dossier.application.forms.SupplementRequest;
import vn.ccn.dms.dossier.application.forms.TrackingBook;
import vn.ccn.dms.dossier.application.forms.TrackingLine;

class PdfBoxOneStopFormsTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    /** 08:30 in Lạng Sơn on 24 November 2026. */
    private static final Instant RECEIVED = Instant.parse("2026-11-24T01:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final LocalDate APPOINTMENT = LocalDate.of(2026, 12, 8);
    private static final String STATUS_URL = "https://dichvucong.langson.gov.vn/tra-cuu/H38.99-261124-0001";
    private static final String APPLICANT = "Nguyễn Văn Đức";
    private static final String PROCEDURE = "Cấp Giấy chứng nhận đủ điều kiện sản xuất hóa chất";
    private static final String NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    private static final String DATE_LINE = "Lạng Sơn, ngày 24 tháng 11 năm 2026";
    private static final Path OUTPUT = Path.of("target", "onestop-forms");

    private final PdfBoxOneStopForms forms =
            new PdfBoxOneStopForms(Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), HANOI));

    // --- builders ------------------------------------------------------------------------------------

    private static FormHeader header() {
        return new FormHeader("UBND TỈNH LẠNG SƠN", "SỞ CÔNG THƯƠNG", "Lạng Sơn", HANOI);
    }

    private static ReceiptSlip receipt(String applicant, List<PaperLine> papers, String url) {
        return new ReceiptSlip(header(), "H38.99-261124-0001", applicant,
                "Thôn Bản Lải, Ủy ban nhân dân xã Hữu Lũng, tỉnh Lạng Sơn", "0912 345 678", "duc.nv@example.vn",
                PROCEDURE, papers, 1, RECEIVED, APPOINTMENT, "Trực tiếp", "Hoàng Thị Lụa", url);
    }

    private static List<PaperLine> papers() {
        return List.of(
                new PaperLine("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện sản xuất hóa chất", 1, 0, false),
                new PaperLine("Bản kê khai địa điểm sản xuất, nhà xưởng, kho chứa", 1, 1, true),
                new PaperLine("Giấy chứng nhận đăng ký doanh nghiệp", 0, 1, true));
    }

    private static Handover handover(int step, String result) {
        return new Handover("Hoàng Thị Lụa", "Bộ phận Một cửa", "Trần Quốc Việt", "Phòng Quản lý công nghiệp",
                RECEIVED.plusSeconds(step * 86_400L), TODAY.plusDays(step + 2), result, "Bước " + step);
    }

    // --- each form renders with its labels and the data, diacritics intact -------------------------

    @Test
    void receiptSlipShowsHeadingLabelsAndDataAndItsQrCodeDecodesToTheStatusPage() throws Exception {
        byte[] pdf = forms.receiptSlip(receipt(APPLICANT, papers(), STATUS_URL));
        Printed printed = Printed.of(pdf);

        assertEquals(1, printed.pages());
        assertPortraitA4(pdf);
        String text = printed.text();
        for (String expected : List.of("UBND TỈNH LẠNG SƠN", "SỞ CÔNG THƯƠNG", NATIONAL, MOTTO, DATE_LINE,
                "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: H38.99-261124-0001",
                "Tiếp nhận hồ sơ của: " + APPLICANT, "Ủy ban nhân dân xã Hữu Lũng", "0912 345 678",
                "duc.nv@example.vn", "Nội dung yêu cầu giải quyết: " + PROCEDURE, "Hình thức nộp hồ sơ: Trực tiếp",
                "Thành phần hồ sơ nộp gồm", "Bản chính", "Bản sao", "Bản điện tử",
                "Giấy chứng nhận đăng ký doanh nghiệp", "Số lượng hồ sơ: 1 (bộ)",
                "Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 24 tháng 11 năm 2026",
                "Thời gian trả kết quả giải quyết hồ sơ: ngày 08 tháng 12 năm 2026", STATUS_URL,
                "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", "Hoàng Thị Lụa")) {
            assertContains(text, expected);
        }
        assertFalse(text.contains("Trang 1/"), "a one-page form carries no page number");

        BufferedImage page = render(pdf, "01-giay-tiep-nhan.png");
        assertEquals(STATUS_URL, decodeQr(page).getText());
    }

    @Test
    void supplementRequestListsEveryItemWithItsReason() throws IOException {
        byte[] pdf = forms.supplementRequest(new SupplementRequest(header(), "H38.99-261124-0001", APPLICANT,
                PROCEDURE, RECEIVED, List.of("Bản sao Giấy chứng nhận đăng ký doanh nghiệp có chứng thực",
                        "Sơ đồ mặt bằng nhà xưởng, kho chứa"), "Hồ sơ thiếu giấy tờ theo quy định",
                TODAY, "Hoàng Thị Lụa"));
        String text = Printed.of(pdf).text();
        for (String expected : List.of(NATIONAL, MOTTO, DATE_LINE, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
                "Hồ sơ của: " + APPLICANT, "Nội dung yêu cầu giải quyết: " + PROCEDURE,
                "1. Bản sao Giấy chứng nhận đăng ký doanh nghiệp có chứng thực",
                "2. Sơ đồ mặt bằng nhà xưởng, kho chứa", "Lý do: Hồ sơ thiếu giấy tờ theo quy định",
                "NGƯỜI HƯỚNG DẪN", "Hoàng Thị Lụa")) {
            assertContains(text, expected);
        }
        assertPortraitA4(pdf);
    }

    @Test
    void refusalListsItsReasons() throws IOException {
        byte[] pdf = forms.refusal(new Refusal(header(), "H38.99-261124-0001", APPLICANT, PROCEDURE, RECEIVED,
                List.of("Thủ tục không thuộc thẩm quyền giải quyết của Sở Công Thương",
                        "Đề nghị liên hệ Ủy ban nhân dân xã Hữu Lũng"), TODAY, "Hoàng Thị Lụa"));
        String text = Printed.of(pdf).text();
        for (String expected : List.of(NATIONAL, DATE_LINE, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
                "Hồ sơ của: " + APPLICANT, "1. Thủ tục không thuộc thẩm quyền giải quyết của Sở Công Thương",
                "2. Đề nghị liên hệ Ủy ban nhân dân xã Hữu Lũng", "NGƯỜI TIẾP NHẬN HỒ SƠ")) {
            assertContains(text, expected);
        }
    }

    @Test
    void apologyGivesTheReasonAndTheNewDate() throws IOException {
        byte[] pdf = forms.apology(new Apology(header(), "H38.99-261124-0001", APPLICANT, PROCEDURE, RECEIVED,
                APPOINTMENT, LocalDate.of(2027, 1, 5), "Cần lấy ý kiến của Sở Tài nguyên và Môi trường",
                LocalDate.of(2026, 12, 7), "Lê Minh Hải"));
        String text = Printed.of(pdf).text();
        for (String expected : List.of(NATIONAL, "Lạng Sơn, ngày 07 tháng 12 năm 2026", "Số:",
                "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Kính gửi: " + APPLICANT,
                "Ngày 24 tháng 11 năm 2026", PROCEDURE, "hẹn trả kết quả ngày 08 tháng 12 năm 2026",
                "Cần lấy ý kiến của Sở Tài nguyên và Môi trường", "ngày 05 tháng 01 năm 2027", "xin lỗi",
                "Nơi nhận:", "THỦ TRƯỞNG CƠ QUAN", "Lê Minh Hải")) {
            assertContains(text, expected);
        }
        render(pdf, "04-xin-loi.png");
    }

    @Test
    void stopNoticeNamesTheDossierAndTheReason() throws IOException {
        byte[] pdf = forms.stopNotice(new StopNotice(header(), "H38.99-261124-0001", APPLICANT, PROCEDURE,
                RECEIVED, "Tổ chức đề nghị rút hồ sơ", TODAY, "Lê Minh Hải"));
        String text = Printed.of(pdf).text();
        for (String expected : List.of(NATIONAL, DATE_LINE, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
                "Kính gửi: " + APPLICANT, "Mã hồ sơ: H38.99-261124-0001", "Thủ tục hành chính: " + PROCEDURE,
                "Lý do dừng giải quyết: Tổ chức đề nghị rút hồ sơ", "THỦ TRƯỞNG CƠ QUAN", "Lê Minh Hải")) {
            assertContains(text, expected);
        }
    }

    @Test
    void controlSlipShowsEachHandoverInTheFormsZone() throws IOException {
        byte[] pdf = forms.controlSlip(new ControlSlip(header(), "H38.99-261124-0001", APPLICANT, PROCEDURE,
                RECEIVED, APPOINTMENT, List.of(handover(0, "Đúng hạn"), handover(1, "Trước hạn"),
                        handover(2, "Quá hạn"), handover(3, ""))));
        String text = Printed.of(pdf).text();
        for (String expected : List.of(NATIONAL, DATE_LINE, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
                "Kèm theo hồ sơ của: " + APPLICANT, "Bên giao", "Bên nhận", "Thời gian giao, nhận hồ sơ",
                "Hạn xử lý", "Trước hạn/ Đúng hạn/ Quá hạn", "Hoàng Thị Lụa", "Bộ phận Một cửa", "Trần Quốc Việt",
                "Phòng Quản lý công nghiệp", "24/11/2026 08:30", "25/11/2026 08:30", "26/11/2026",
                "Đúng hạn", "Trước hạn", "Quá hạn", "Bước 3")) {
            assertContains(text, expected);
        }
        render(pdf, "06-phieu-kiem-soat.png");
    }

    // --- the tracking book -------------------------------------------------------------------------

    @Test
    void trackingBookOf500LinesRunsOverLandscapePagesWithItsHeaderRepeated() throws IOException {
        List<TrackingLine> lines = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            Instant received = RECEIVED.plusSeconds(i * 600L);
            lines.add(new TrackingLine(i, String.format("H38.99-2611-%04d", i), "Cấp Giấy phép sản xuất rượu",
                    "Công ty TNHH Đức Thành", received, APPOINTMENT, i % 2 == 0 ? received.plusSeconds(86_400) : null,
                    null, i % 2 == 0 ? "Đã có kết quả" : "Đang giải quyết", ""));
        }
        byte[] pdf = forms.trackingBook(new TrackingBook(header(), TODAY.withDayOfMonth(1), TODAY, lines));
        Printed printed = Printed.of(pdf);
        render(pdf, 2, "07-so-theo-doi-page-2.png");
        int pages = printed.pages();
        assertTrue(pages > 5, "500 lines need several pages, got " + pages);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int i = 0; i < pages; i++) {
                PDRectangle box = document.getPage(i).getMediaBox();
                assertTrue(box.getWidth() > box.getHeight(), "page " + (i + 1) + " is landscape");
            }
        }
        assertContains(printed.pageText(1), "SỔ THEO DÕI HỒ SƠ");
        assertContains(printed.pageText(1), "Từ ngày 01/11/2026 đến ngày 24/11/2026");

        List<Integer> perPage = new ArrayList<>();
        int expectedNext = 1;
        for (int p = 1; p <= pages; p++) {
            String page = printed.pageText(p);
            for (String caption : List.of("TT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên cá nhân, tổ chức",
                    "Ghi chú")) {
                assertContains(page, caption);
            }
            assertContains(page, "Trang " + p + "/" + pages);
            Matcher codes = Pattern.compile("H38\\.99-2611-(\\d{4})").matcher(page);
            int count = 0;
            while (codes.find()) {
                assertEquals(expectedNext, Integer.parseInt(codes.group(1)), "lines in order, none twice");
                expectedNext++;
                count++;
            }
            perPage.add(count);
        }
        assertEquals(501, expectedNext, "every line printed");
        int full = perPage.get(1);
        for (int p = 1; p < pages - 1; p++) {
            assertEquals(full, perPage.get(p), "page " + (p + 1) + " is full");
        }
        assertTrue(perPage.get(pages - 1) <= full && perPage.get(pages - 1) > 0, "the last page holds the rest");
        assertEquals(1 + (int) Math.ceil((500.0 - perPage.get(0)) / full), pages, "no page more than needed");
        assertContains(printed.text(), "Công ty TNHH Đức Thành");
        assertContains(printed.text(), "24/11/2026 08:40");
    }

    @Test
    void emptyTrackingBookSaysSo() throws IOException {
        byte[] pdf = forms.trackingBook(new TrackingBook(header(), TODAY, TODAY, List.of()));
        Printed printed = Printed.of(pdf);
        assertEquals(1, printed.pages());
        assertContains(printed.text(), "Không có hồ sơ");
    }

    // --- hostile input -----------------------------------------------------------------------------

    @Test
    void emptyListsAndMissingValuesPrintBlanksInsteadOfFailing() throws IOException {
        FormHeader bare = new FormHeader(null, null, null, HANOI);
        String receipt = Printed.of(forms.receiptSlip(new ReceiptSlip(bare, null, null, null, null, null, null,
                List.of(), 0, null, null, null, null, null))).text();
        assertContains(receipt, "Không có giấy tờ nào được liệt kê");
        assertContains(receipt, "Tiếp nhận hồ sơ của: ………");
        assertContains(receipt, "ngày …… tháng …… năm ……");
        assertContains(Printed.of(forms.controlSlip(new ControlSlip(header(), "X", APPLICANT, PROCEDURE, RECEIVED,
                APPOINTMENT, List.of()))).text(), "Chưa có lần giao, nhận hồ sơ nào");
        assertContains(Printed.of(forms.supplementRequest(new SupplementRequest(header(), "X", APPLICANT, PROCEDURE,
                RECEIVED, List.of(), null, null, null))).text(), "1. ……");
        assertContains(Printed.of(forms.refusal(new Refusal(bare, null, null, null, null, null, null, null))).text(),
                "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
        assertContains(Printed.of(forms.apology(new Apology(bare, null, null, null, null, null, null, null, null,
                null))).text(), "Kính gửi:");
        assertContains(Printed.of(forms.stopNotice(new StopNotice(bare, null, null, null, null, null, null,
                null))).text(), "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
        assertContains(Printed.of(forms.trackingBook(new TrackingBook(bare, null, null, null))).text(),
                "SỔ THEO DÕI HỒ SƠ");
    }

    @Test
    void longTextWrapsOntoMorePagesAndNothingIsLost() throws IOException {
        String longName = words("Nguyễn Thị Phương Thảo Đặng", 600);
        String reason = words("Hồ sơ thiếu bản vẽ thiết kế kho chứa hóa chất nguy hiểm", 2_000);
        List<byte[]> printed = List.of(
                forms.receiptSlip(receipt(longName, List.of(new PaperLine(reason, 1, 1, true)), STATUS_URL)),
                forms.supplementRequest(new SupplementRequest(header(), "X", longName, reason, RECEIVED,
                        List.of(reason, reason), reason, TODAY, longName)),
                forms.refusal(new Refusal(header(), "X", longName, reason, RECEIVED, List.of(reason), TODAY, longName)),
                forms.apology(new Apology(header(), "X", longName, reason, RECEIVED, APPOINTMENT, APPOINTMENT, reason,
                        TODAY, longName)),
                forms.stopNotice(new StopNotice(header(), "X", longName, reason, RECEIVED, reason, TODAY, longName)),
                forms.controlSlip(new ControlSlip(header(), "X", longName, reason, RECEIVED, APPOINTMENT,
                        List.of(new Handover(longName, reason, longName, reason, RECEIVED, TODAY, "Quá hạn", reason)))));
        render(printed.get(0), 2, "01-long-text-page-2.png");
        render(printed.get(5), 2, "06-long-text-page-2.png");
        for (byte[] pdf : printed) {
            Printed form = Printed.of(pdf);
            String compact = squeeze(form.textWithoutPageNumbers());
            assertTrue(compact.contains(squeeze(longName)), "the long name is printed whole");
            assertTrue(compact.contains(squeeze(reason)), "the 2,000-character text is printed whole");
            assertTrue(form.pages() > 1, "long text runs onto more pages");
            for (int p = 1; p <= form.pages(); p++) {
                assertContains(form.pageText(p), "Trang " + p + "/" + form.pages());
            }
            form.assertAllTextInsideMargins();
        }
    }

    @Test
    void aWordWiderThanTheLineIsCutInsideTheMargins() throws IOException {
        String code = "H38.99-" + "0123456789".repeat(30);
        Printed printed = Printed.of(forms.stopNotice(new StopNotice(header(), code, APPLICANT, PROCEDURE, RECEIVED,
                "x", TODAY, "Lê Minh Hải")));
        assertTrue(squeeze(printed.text()).contains(squeeze(code)));
        printed.assertAllTextInsideMargins();
    }

    @Test
    void charactersOutsideTheFontPrintAsQuestionMarks() throws IOException {
        String name = "Nguyễn Văn Đức 😀 ✈ 中";
        Printed printed = Printed.of(forms.receiptSlip(receipt(name, papers(), STATUS_URL)));
        assertContains(printed.text(), "Tiếp nhận hồ sơ của: Nguyễn Văn Đức ? ? ?");
        assertFalse(printed.text().contains("😀"));
    }

    @Test
    void decomposedInputPrintsPrecomposed() throws IOException {
        String decomposed = java.text.Normalizer.normalize(APPLICANT, java.text.Normalizer.Form.NFD);
        assertContains(Printed.of(forms.refusal(new Refusal(header(), "X", decomposed, PROCEDURE, RECEIVED,
                List.of("a"), TODAY, "b"))).text(), APPLICANT);
    }

    @Test
    void aStatusUrlTooLongForAQrCodeIsStillPrintedAsText() throws IOException {
        String url = "https://dichvucong.langson.gov.vn/tra-cuu?ma=" + "A1".repeat(2_000);
        Printed printed = Printed.of(forms.receiptSlip(receipt(APPLICANT, papers(), url)));
        assertTrue(squeeze(printed.textWithoutPageNumbers()).contains(url));
    }

    @Test
    void aControlSlipWithManyHandoversRepeatsItsCaptionsOnEveryPage() throws IOException {
        List<Handover> handovers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            handovers.add(handover(i, i % 3 == 0 ? "Quá hạn" : "Đúng hạn"));
        }
        Printed printed = Printed.of(forms.controlSlip(new ControlSlip(header(), "X", APPLICANT, PROCEDURE,
                RECEIVED, APPOINTMENT, handovers)));
        assertTrue(printed.pages() >= 3, "60 handovers take several pages, got " + printed.pages());
        for (int p = 1; p <= printed.pages(); p++) {
            assertContains(printed.pageText(p), "Thời gian giao, nhận hồ sơ");
            assertContains(printed.pageText(p), "Trang " + p + "/" + printed.pages());
        }
        String text = printed.text();
        for (int i = 0; i < 60; i++) {
            assertContains(text, "Bước " + i + " ");
        }
        printed.assertAllTextInsideMargins();
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** {@code phrase} numbered and repeated to at least {@code length} characters, so a lost line shows. */
    private static String words(String phrase, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; out.length() < length; i++) {
            out.append(phrase).append(' ').append(i).append(' ');
        }
        return out.toString().strip();
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static void assertContains(String text, String expected) {
        if (!text.contains(expected)) {
            fail("expected \"" + expected + "\" in:\n" + text);
        }
    }

    private static void assertPortraitA4(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDRectangle box = document.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 0.01);
            assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 0.01);
        }
    }

    /** Renders page 1 at 200 dpi and keeps a PNG under target/ to look at. */
    private static BufferedImage render(byte[] pdf, String name) throws IOException {
        return render(pdf, 1, name);
    }

    private static BufferedImage render(byte[] pdf, int page, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, 200, ImageType.RGB);
            Files.createDirectories(OUTPUT);
            ImageIO.write(image, "png", OUTPUT.resolve(name).toFile());
            return image;
        }
    }

    private static Result decodeQr(BufferedImage image) throws Exception {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new ImageLuminance(image))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found on page 1", e);
        }
    }

    /** The grey levels of an RGB image, for ZXing (its javase module is not needed for this). */
    private static final class ImageLuminance extends LuminanceSource {

        private final byte[] grey;

        ImageLuminance(BufferedImage image) {
            super(image.getWidth(), image.getHeight());
            grey = new byte[image.getWidth() * image.getHeight()];
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int level = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                    grey[y * image.getWidth() + x] = (byte) level;
                }
            }
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] out = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
            System.arraycopy(grey, y * getWidth(), out, 0, getWidth());
            return out;
        }

        @Override
        public byte[] getMatrix() {
            return grey;
        }
    }

    /** A printed form read back: text per page in content order, and every glyph's position. */
    private record Printed(List<String> pageTexts, List<float[]> glyphs, List<PDRectangle> boxes) {

        static Printed of(byte[] pdf) throws IOException {
            List<String> texts = new ArrayList<>();
            List<float[]> glyphs = new ArrayList<>();
            List<PDRectangle> boxes = new ArrayList<>();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                for (int p = 1; p <= document.getNumberOfPages(); p++) {
                    int page = p;
                    boxes.add(document.getPage(p - 1).getMediaBox());
                    PDFTextStripper stripper = new PDFTextStripper() {
                        @Override
                        protected void writeString(String text, List<TextPosition> positions) throws IOException {
                            for (TextPosition g : positions) {
                                glyphs.add(new float[] {page, g.getXDirAdj(), g.getYDirAdj(), g.getWidthDirAdj()});
                            }
                            super.writeString(text, positions);
                        }
                    };
                    stripper.setSortByPosition(false);
                    stripper.setStartPage(p);
                    stripper.setEndPage(p);
                    texts.add(stripper.getText(document));
                }
            }
            return new Printed(texts, glyphs, boxes);
        }

        int pages() {
            return pageTexts.size();
        }

        String pageText(int page) {
            return pageTexts.get(page - 1).replaceAll("\\s+", " ");
        }

        String text() {
            return String.join(" ", pageTexts).replaceAll("\\s+", " ");
        }

        String textWithoutPageNumbers() {
            return text().replaceAll("Trang \\d+/\\d+", "");
        }

        /** Every glyph lies inside the page margins (with half a point for rounding). */
        void assertAllTextInsideMargins() {
            for (float[] g : glyphs) {
                PDRectangle box = boxes.get((int) g[0] - 1);
                boolean portrait = box.getHeight() > box.getWidth();
                float left = portrait ? FormComposer.MARGIN_LEFT : 0;
                float right = portrait ? box.getWidth() - FormComposer.MARGIN_RIGHT : box.getWidth();
                assertTrue(g[1] >= left - 0.5f && g[1] + g[3] <= right + 0.5f,
                        "glyph at x " + g[1] + ".." + (g[1] + g[3]) + " on page " + (int) g[0]
                                + " outside " + left + ".." + right);
                assertTrue(g[2] > FormComposer.MARGIN_TOP - 1 && g[2] < box.getHeight(),
                        "glyph at y " + g[2] + " on page " + (int) g[0]);
            }
        }
    }
}
