package vn.ccn.dms.coordination.domain;

/**
 * DRAFT until the request letter is issued; OPEN while the reply clock runs; ANSWERED by a written reply in
 * time; DEEMED_AGREED when the deadline passed in silence (Quy chế Art. 2.2.a) — a later reply is attached to
 * it and marked late, the consent stands.
 */
public enum OpinionState {
    DRAFT("Chưa gửi"),
    OPEN("Đang chờ trả lời"),
    ANSWERED("Đã trả lời"),
    DEEMED_AGREED("Được hiểu là đồng ý");

    private final String labelVi;

    OpinionState(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }
}
