package vn.ccn.dms.search;

/** The fields users filter on and see counts for; each maps to one keyword (or number) field of the index. */
public enum FacetField {
    TYPE("type"),
    ISSUER("issuer"),
    YEAR("year"),
    AGENCY("agencyCode"),
    CCN("ccn"),
    STATUS("status");

    private final String indexField;

    FacetField(String indexField) {
        this.indexField = indexField;
    }

    /** Name of the field in the index mapping. */
    public String indexField() {
        return indexField;
    }
}
