package vn.ccn.dms.document.domain;

/**
 * Độ mật (Law on Protection of State Secrets 2018): Mật, Tối mật, Tuyệt mật. A document above
 * {@link #NONE} is read only by users explicitly granted.
 */
public enum Secrecy {
    NONE("Không mật"), CONFIDENTIAL("Mật"), SECRET("Tối mật"), TOP_SECRET("Tuyệt mật");

    private final String labelVi;

    Secrecy(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }

    public boolean restricted() {
        return this != NONE;
    }
}
