package vn.ccn.dms.pades;

/**
 * Machine-readable reasons for refusing to sign or to complete a signature, each with the Vietnamese
 * sentence shown to users. Codes are stable API: the REST layer maps them to problem types.
 */
public enum PadesErrorCode {
    NOT_A_PDF("Tệp không phải là tài liệu PDF."),
    MALFORMED_PDF("Tệp PDF bị hỏng hoặc không đúng cấu trúc, không thể ký."),
    ENCRYPTED_PDF("Tài liệu PDF được mã hóa hoặc đặt mật khẩu; hãy gỡ mã hóa trước khi ký."),
    CHANGES_FORBIDDEN_BY_CERTIFICATION("Tài liệu đã được chứng thực với quyền không cho phép bất kỳ thay đổi nào (DocMDP P=1); không thể ký thêm."),
    CERTIFICATION_NOT_FIRST("Chữ ký chứng thực (DocMDP) chỉ được đặt khi tài liệu chưa có chữ ký nào."),
    SIGNATURE_FIELD_NOT_FOUND("Không tìm thấy ô chữ ký trống đã dành sẵn trong tài liệu."),
    FORM_FIELD_NOT_FOUND("Không tìm thấy trường thông tin cần điền trong tài liệu."),
    PAGE_OUT_OF_RANGE("Trang đặt chữ ký không tồn tại trong tài liệu."),
    CERTIFICATE_EXPIRED("Chứng thư số của người ký đã hết hạn."),
    CERTIFICATE_NOT_YET_VALID("Chứng thư số của người ký chưa đến thời gian có hiệu lực."),
    CERTIFICATE_REVOKED("Chứng thư số của người ký đã bị thu hồi."),
    REVOCATION_UNAVAILABLE("Không lấy được thông tin trạng thái (OCSP/CRL) của chứng thư số."),
    WEAK_KEY("Khóa của chứng thư số quá yếu: yêu cầu RSA từ 2048 bit hoặc ECDSA P-256 trở lên."),
    WEAK_DIGEST("Thuật toán băm không được phép: yêu cầu SHA-256 trở lên."),
    WRONG_PIN("Mã PIN không đúng."),
    TOKEN_UNAVAILABLE("Không truy cập được thiết bị ký số (USB token/HSM)."),
    KEY_NOT_FOUND("Không tìm thấy khóa ký hoặc chứng thư số trong thiết bị ký."),
    SIGNING_FAILED("Thiết bị ký không tạo được chữ ký."),
    EXTERNAL_SIGNATURE_INVALID("Chữ ký nhận về từ dịch vụ ký từ xa không khớp với tài liệu hoặc chứng thư số."),
    TSA_UNREACHABLE("Không kết nối được máy chủ cấp dấu thời gian (TSA); chữ ký cấp B-T trở lên không được tạo."),
    TSA_INVALID_RESPONSE("Máy chủ cấp dấu thời gian trả về phản hồi không hợp lệ."),
    SIGNATURE_TOO_LARGE("Chữ ký lớn hơn vùng đã dành sẵn trong tài liệu."),
    INVALID_REQUEST("Tham số ký không hợp lệ."),
    IO_ERROR("Lỗi đọc/ghi tài liệu khi ký.");

    private final String vietnameseMessage;

    PadesErrorCode(String vietnameseMessage) {
        this.vietnameseMessage = vietnameseMessage;
    }

    public String vietnameseMessage() {
        return vietnameseMessage;
    }
}
