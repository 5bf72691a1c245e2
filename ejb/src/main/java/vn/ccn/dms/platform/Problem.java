package vn.ccn.dms.platform;

/** The problem types of the API (RFC 9457 {@code type} URIs) with their status and Vietnamese title. */
public enum Problem {
    INVALID_INPUT(400, "Dữ liệu không hợp lệ"),
    NOT_FOUND(404, "Không tìm thấy"),
    FORBIDDEN(403, "Không có quyền thực hiện"),
    CONFLICT(409, "Xung đột dữ liệu"),
    DUPLICATE_DOCUMENT(409, "Văn bản có thể bị trùng"),
    ALREADY_NUMBERED(409, "Văn bản đã được cấp số"),
    FILE_TOO_LARGE(413, "Tệp quá lớn"),
    UNSUPPORTED_FILE(415, "Loại tệp không được chấp nhận"),
    EMPTY_FILE(400, "Tệp rỗng"),
    MISSING_REGISTER(409, "Chưa có sổ văn bản phù hợp");

    private final int status;
    private final String titleVi;

    Problem(int status, String titleVi) {
        this.status = status;
        this.titleVi = titleVi;
    }

    public int status() {
        return status;
    }

    public String titleVi() {
        return titleVi;
    }

    /** The problem type URI, e.g. {@code urn:dms:problem:duplicate-document}. */
    public String type() {
        return "urn:dms:problem:" + name().toLowerCase().replace('_', '-');
    }
}
