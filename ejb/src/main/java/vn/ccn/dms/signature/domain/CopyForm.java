package vn.ccn.dms.signature.domain;

/**
 * The forms of copy of Decree 30/2020/NĐ-CP Art. 25, with the words printed on the copy and the abbreviation
 * of Appendix III used in the copy's symbol.
 */
public enum CopyForm {
    SAO_Y("SAO Y", "SY"),
    SAO_LUC("SAO LỤC", "SL"),
    /** An extract: only some pages of the original. */
    TRICH_SAO("TRÍCH SAO", "TrS");

    private final String printed;
    private final String abbreviation;

    CopyForm(String printed, String abbreviation) {
        this.printed = printed;
        this.abbreviation = abbreviation;
    }

    public String printed() {
        return printed;
    }

    public String abbreviation() {
        return abbreviation;
    }
}
