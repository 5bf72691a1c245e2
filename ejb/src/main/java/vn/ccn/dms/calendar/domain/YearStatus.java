package vn.ccn.dms.calendar.domain;

/** How far the days off of a calendar year can be trusted. */
public enum YearStatus {
    /** An administrator checked the year against the official notice of that year. */
    CONFIRMED("Đã xác nhận"),
    /** Generated from the statutory rules (or entered) but not yet checked against the official notice. */
    PROPOSED("Đề xuất, chưa xác nhận"),
    /** Nothing stored: weekends and the statutory holidays are computed on the fly. */
    MISSING("Chưa có dữ liệu");

    private final String labelVi;

    YearStatus(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }
}
