package vn.ccn.dms.pades.validation;

/** Result of one check. FAILED makes the signature TOTAL_FAILED, INDETERMINATE makes it INDETERMINATE. */
public enum CheckStatus {
    PASSED, INFO, WARNING, INDETERMINATE, FAILED
}
