package vn.ccn.dms.dossier.domain;

/** How a dossier reached the desk. */
public enum Channel {
    DESK("Trực tiếp"),
    POST("Qua dịch vụ bưu chính"),
    ONLINE("Trực tuyến"),
    INTER_AGENCY("Liên thông giữa các cơ quan");

    private final String labelVi;

    Channel(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }
}
