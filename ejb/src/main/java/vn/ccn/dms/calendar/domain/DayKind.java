package vn.ccn.dms.calendar.domain;

/** What a dated entry of the calendar does to an otherwise ordinary day. */
public enum DayKind {
    /** A public holiday (ngày lễ, Tết), Labour Code 2019 Art. 112.1. Not a working day. */
    HOLIDAY("Ngày lễ, Tết"),
    /**
     * A day off beyond the holidays: the compensatory day when a holiday falls on a weekly rest day (nghỉ bù,
     * Labour Code 2019 Art. 111.3), or a day given by an official notice (nghỉ thêm, hoán đổi). Not a working day.
     */
    EXTRA_DAY_OFF("Nghỉ bù / nghỉ thêm"),
    /** A weekly rest day that is worked in exchange for a day off (làm bù). A working day. */
    WORKING_SWAP("Làm bù");

    private final String labelVi;

    DayKind(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }

    public boolean isWorking() {
        return this == WORKING_SWAP;
    }
}
