package vn.ccn.dms.pades.validation;

/** Overall result, with the ETSI EN 319 102-1 names. */
public enum Indication {
    TOTAL_PASSED("Chữ ký hợp lệ"),
    INDETERMINATE("Chưa đủ thông tin để kết luận chữ ký hợp lệ"),
    TOTAL_FAILED("Chữ ký không hợp lệ");

    private final String vietnamese;

    Indication(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }

    Indication worst(Indication other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
