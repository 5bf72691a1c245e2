package vn.ccn.dms.coordination.domain;

/** The position a coordinating agency takes in its written reply. */
public enum OpinionPosition {
    AGREE("Đồng ý"),
    AGREE_WITH_CONDITIONS("Đồng ý có điều kiện"),
    DISAGREE("Không đồng ý");

    private final String labelVi;

    OpinionPosition(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }
}
