package vn.ccn.dms.pades.validation;

/**
 * Classes of change found in incremental updates after a signature, with whether ISO 32000-1 §12.8.2.2
 * (Table 254) permits them under DocMDP P=1, 2, 3. Adding validation data (DSS) and document time-stamps is
 * permitted at every level: PAdES (ETSI EN 319 142-1 §5.4) adds them after signatures, and validators such
 * as EU DSS accept them.
 */
public enum ModificationKind {
    VALIDATION_DATA_ADDED("Bổ sung dữ liệu kiểm tra dài hạn (DSS)", 1),
    DOCUMENT_TIMESTAMP_ADDED("Bổ sung dấu thời gian tài liệu", 1),
    SIGNATURE_ADDED("Ký vào ô chữ ký", 2),
    FORM_FILLED("Điền trường biểu mẫu", 2),
    METADATA_CHANGED("Thay đổi siêu dữ liệu của tài liệu", 2),
    ANNOTATION_ADDED("Thêm chú thích (annotation) lên trang – có thể che phủ nội dung", 3),
    ANNOTATION_CHANGED("Sửa hoặc xóa chú thích (annotation)", 3),
    FIELD_ADDED("Thêm trường biểu mẫu mới", 4),
    FIELD_CHANGED("Sửa thuộc tính trường biểu mẫu (vị trí, cờ, kiểu)", 4),
    PAGE_CONTENT_CHANGED("Thay đổi nội dung hoặc tài nguyên của trang đã ký", 4),
    PAGES_CHANGED("Thêm, xóa hoặc sắp xếp lại trang", 4),
    CATALOG_CHANGED("Thay đổi cấu trúc gốc của tài liệu (Catalog)", 4),
    OBJECT_REPLACED("Thay thế đối tượng đã được ký", 4);

    private final String vietnamese;
    private final int minimumP;

    ModificationKind(String vietnamese, int minimumP) {
        this.vietnamese = vietnamese;
        this.minimumP = minimumP;
    }

    public String vietnamese() {
        return vietnamese;
    }

    /** Whether DocMDP permission level P (1–3) allows this change. */
    public boolean permittedBy(int p) {
        return p >= minimumP;
    }

    /** Changes that, even without DocMDP, can alter what a reader sees: shadow and incremental-saving attacks. */
    public boolean suspicious() {
        return minimumP >= 3;
    }
}
