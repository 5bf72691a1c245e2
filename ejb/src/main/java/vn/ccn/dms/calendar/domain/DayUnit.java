package vn.ccn.dms.calendar.domain;

/** How a legal time limit is counted. */
public enum DayUnit {
    /** "ngày làm việc": only days on which state agencies work (weekends, holidays and days off skipped). */
    WORKING_DAYS("ngày làm việc"),
    /**
     * "ngày": calendar days; a limit whose last day is not a working day ends on the next working day
     * (Civil Code 2015 Art. 148.5).
     */
    DAYS("ngày");

    private final String labelVi;

    DayUnit(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }
}
