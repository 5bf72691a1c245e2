package vn.ccn.dms.dossier.infrastructure.forms;

import java.util.List;
import vn.ccn.dms.register.infrastructure.pdf.TableColumn;
import vn.ccn.dms.register.infrastructure.pdf.TableColumn.Align;

/**
 * The fixed wording of the forms, kept apart from the layout so that it can be checked against the
 * circular and changed in one place. Titles are those of Circular 03/2025/TT-VPCP Appendix I (list of forms
 * 01–07); field labels follow the forms of Circular 01/2018/TT-VPCP Appendix, which the 2025 forms continue
 * (see docs/onestop-forms.md for what could and could not be checked). Sentences around the data are this
 * project's own wording.
 */
final class FormWording {

    private FormWording() {
    }

    // Decree 30/2020/NĐ-CP Appendix I, section II.1: the national title and motto.
    static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    static final String NUMBER_BLANK = "Số: ……………";

    static final String RECEIPT_TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ";
    static final String SUPPLEMENT_TITLE = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ";
    static final String REFUSAL_TITLE = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ";
    static final String APOLOGY_TITLE = "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT";
    static final String STOP_TITLE = "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ";
    static final String CONTROL_TITLE = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ";
    static final String TRACKING_TITLE = "SỔ THEO DÕI HỒ SƠ";
    static final String TRACKING_SUBTITLE = "Hồ sơ tiếp nhận tại Bộ phận Một cửa";

    static final String DOSSIER_CODE = "Mã hồ sơ:";
    static final String APPLICANT = "Tiếp nhận hồ sơ của:";
    static final String DOSSIER_OF = "Hồ sơ của:";
    static final String ATTACHED_TO = "Kèm theo hồ sơ của:";
    static final String ADDRESS = "Địa chỉ:";
    static final String PHONE = "Số điện thoại:";
    static final String EMAIL = "Email:";
    static final String REQUEST = "Nội dung yêu cầu giải quyết:";
    static final String CHANNEL = "Hình thức nộp hồ sơ:";
    static final String PAPERS = "1. Thành phần hồ sơ nộp gồm:";
    static final String PAPER_SETS = "2. Số lượng hồ sơ:";
    static final String RECEIVED_AT_NUMBERED = "3. Thời gian nhận hồ sơ:";
    static final String RETURN_AT_NUMBERED = "4. Thời gian trả kết quả giải quyết hồ sơ:";
    static final String STATUS_PAGE_NUMBERED = "5. Tra cứu tình trạng giải quyết hồ sơ tại:";
    static final String QR_CAPTION = "Quét mã để tra cứu hồ sơ";
    static final String RECEIVED_AT = "Thời gian tiếp nhận hồ sơ:";
    static final String APPOINTMENT = "Thời gian hẹn trả kết quả:";
    static final String REASON = "Lý do:";
    static final String TO = "Kính gửi:";
    static final String PROCEDURE = "Thủ tục hành chính:";
    static final String STOP_REASON = "Lý do dừng giải quyết:";
    static final String RECIPIENTS = "Nơi nhận:";
    static final List<String> RECIPIENT_LINES = List.of("- Như trên;", "- Lưu: VT.");

    static final String APPLICANT_SIGNS = "NGƯỜI NỘP HỒ SƠ";
    static final String RECEIVER_SIGNS = "NGƯỜI TIẾP NHẬN HỒ SƠ";
    static final String GUIDE_SIGNS = "NGƯỜI HƯỚNG DẪN";
    static final String HEAD_SIGNS = "THỦ TRƯỞNG CƠ QUAN";
    static final String SIGN_HINT = "(Ký và ghi rõ họ tên)";
    static final String SEAL_HINT = "(Ký, ghi rõ họ tên và đóng dấu)";

    static final String SUPPLEMENT_INTRO = "Sau khi kiểm tra, hồ sơ chưa đầy đủ, hợp lệ. Đề nghị Ông/Bà bổ sung, "
            + "hoàn thiện hồ sơ gồm những nội dung sau:";
    static final String SUPPLEMENT_HELP = "Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà "
            + "liên hệ Bộ phận Một cửa để được hướng dẫn.";
    static final String REFUSAL_INTRO = "Sau khi xem xét, cơ quan không tiếp nhận, giải quyết hồ sơ này vì những "
            + "lý do sau:";
    static final String FOR_YOUR_INFORMATION = "Xin thông báo để Ông/Bà được biết.";
    static final String STOP_INTRO = "Cơ quan thông báo dừng giải quyết hồ sơ của Ông/Bà như sau:";
    static final String THANKS = "Trân trọng cảm ơn sự thông cảm và hợp tác của Ông/Bà./.";

    static final String NO_PAPERS = "Không có giấy tờ nào được liệt kê";
    static final String NO_HANDOVERS = "Chưa có lần giao, nhận hồ sơ nào";
    static final String NO_DOSSIERS = "Không có hồ sơ";
    static final String YES = "Có";

    // Circular 01/2018/TT-VPCP form 01: the list of papers with the number of originals and copies.
    static final List<TableColumn> PAPER_COLUMNS = List.of(
            TableColumn.fixed("TT", 26, Align.CENTER),
            TableColumn.remaining("Tên giấy tờ"),
            TableColumn.fixed("Bản chính", 56, Align.CENTER),
            TableColumn.fixed("Bản sao", 56, Align.CENTER),
            TableColumn.fixed("Bản điện tử", 62, Align.CENTER));

    // Circular 01/2018/TT-VPCP form 05 (form 06 of 03/2025): who hands over to whom, when, and whether the
    // step ended early, on time or late. The due date of each step is shown in its own column.
    static final List<TableColumn> HANDOVER_COLUMNS = List.of(
            TableColumn.fixed("TT", 22, Align.CENTER),
            TableColumn.fixed("Bên giao", 84, Align.LEFT),
            TableColumn.fixed("Bên nhận", 84, Align.LEFT),
            TableColumn.fixed("Thời gian giao, nhận hồ sơ", 72, Align.CENTER),
            TableColumn.fixed("Hạn xử lý", 62, Align.CENTER),
            TableColumn.fixed("Kết quả giải quyết hồ sơ (Trước hạn/ Đúng hạn/ Quá hạn)", 70, Align.CENTER),
            TableColumn.remaining("Ghi chú"));

    // Circular 01/2018/TT-VPCP form 06 (form 07 of 03/2025), reduced to the data the dossier keeps; widths
    // in points on A4 landscape, where a date needs about 46 pt at 10 pt type.
    static final List<TableColumn> TRACKING_COLUMNS = List.of(
            TableColumn.fixed("TT", 30, Align.CENTER),
            TableColumn.fixed("Mã hồ sơ", 100, Align.LEFT),
            TableColumn.remaining("Tên thủ tục hành chính"),
            TableColumn.fixed("Tên cá nhân, tổ chức", 110, Align.LEFT),
            TableColumn.fixed("Nhận hồ sơ", 62, Align.CENTER),
            TableColumn.fixed("Hẹn trả kết quả", 62, Align.CENTER),
            TableColumn.fixed("Có kết quả giải quyết", 62, Align.CENTER),
            TableColumn.fixed("Trả kết quả cho cá nhân, tổ chức", 62, Align.CENTER),
            TableColumn.fixed("Tình trạng", 62, Align.LEFT),
            TableColumn.fixed("Ghi chú", 62, Align.LEFT));

    /** "Mã hồ sơ" identifies a dossier in the book and is repeated when its line runs onto the next page. */
    static final int TRACKING_KEY = 1;
}
