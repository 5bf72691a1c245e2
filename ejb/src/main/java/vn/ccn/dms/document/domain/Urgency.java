package vn.ccn.dms.document.domain;

/** Mức độ khẩn, Decree 30/2020 Art. 8: thường, Khẩn, Thượng khẩn, Hỏa tốc. */
public enum Urgency {
    NORMAL("Thường"), URGENT("Khẩn"), VERY_URGENT("Thượng khẩn"), FLASH("Hỏa tốc");

    private final String labelVi;

    Urgency(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }
}
