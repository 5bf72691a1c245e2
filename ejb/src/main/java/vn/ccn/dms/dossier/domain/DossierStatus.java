package vn.ccn.dms.dossier.domain;

/** States of a dossier at the one-stop desk (Decree 118/2025/NĐ-CP; Circular 03/2025/TT-VPCP). */
public enum DossierStatus {
    RECEIVED("Đã tiếp nhận"),
    ACCEPTED("Đã nhận hồ sơ hợp lệ"),
    REFUSED("Từ chối"),
    PROCESSING("Đang giải quyết"),
    WAITING_SUPPLEMENT("Chờ bổ sung"),
    STOPPED("Dừng giải quyết"),
    DONE("Đã có kết quả"),
    RETURNED("Đã trả kết quả");

    private final String labelVi;

    DossierStatus(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }

    public boolean closed() {
        return this == REFUSED || this == STOPPED || this == DONE || this == RETURNED;
    }
}
