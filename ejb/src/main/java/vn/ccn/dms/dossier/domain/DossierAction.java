package vn.ccn.dms.dossier.domain;

/** What a user does to a dossier; which state it leads to, and who may do it, is data (dossier_transition). */
public enum DossierAction {
    ACCEPT("Nhận hồ sơ hợp lệ"),
    REFUSE("Từ chối"),
    FORWARD("Chuyển cơ quan chủ trì giải quyết"),
    REQUEST_SUPPLEMENT("Yêu cầu bổ sung"),
    SUPPLEMENT("Nhận hồ sơ bổ sung"),
    STOP("Dừng giải quyết"),
    FINISH("Hoàn thành giải quyết"),
    RETURN("Trả kết quả");

    private final String labelVi;

    DossierAction(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }
}
