package vn.ccn.dms.pades.validation;

/** The checks the validator runs, with their Vietnamese titles. */
public enum CheckCode {
    BYTE_RANGE("Phạm vi dữ liệu được ký (ByteRange)"),
    SIGNATURE_FORMAT("Định dạng chữ ký (PAdES)"),
    CMS_STRUCTURE("Cấu trúc chữ ký CMS"),
    MESSAGE_DIGEST("Giá trị băm của tài liệu"),
    SIGNATURE_VALUE("Giá trị chữ ký"),
    SIGNING_CERTIFICATE_REFERENCE("Tham chiếu chứng thư ký (signing-certificate-v2)"),
    ALGORITHMS("Thuật toán và độ dài khóa"),
    CERTIFICATE_CHAIN("Chuỗi chứng thư đến chứng thư gốc tin cậy"),
    REVOCATION("Tình trạng thu hồi chứng thư"),
    SIGNATURE_TIMESTAMP("Dấu thời gian của chữ ký"),
    DOCUMENT_TIMESTAMP("Dấu thời gian của tài liệu"),
    VALIDATION_DATA("Dữ liệu kiểm tra dài hạn (DSS)"),
    DOC_MDP("Quyền thay đổi của chữ ký chứng thực (DocMDP)"),
    FIELD_MDP("Khóa trường dữ liệu (FieldMDP)"),
    MODIFICATIONS("Các thay đổi sau khi ký");

    private final String vietnameseTitle;

    CheckCode(String vietnameseTitle) {
        this.vietnameseTitle = vietnameseTitle;
    }

    public String vietnameseTitle() {
        return vietnameseTitle;
    }
}
