package vn.ccn.dms.pades.signing;

/**
 * The DocMDP access permissions of a certification signature, ISO 32000-1 §12.8.2.2, Table 254 (/P).
 */
public enum CertificationPermission {
    /** P=1: no changes; any change invalidates the signature. */
    NO_CHANGES(1),
    /** P=2: filling in forms, instantiating page templates and signing. */
    FORM_FILL_AND_SIGNING(2),
    /** P=3: as P=2, plus annotation creation, deletion and modification. */
    ANNOTATIONS_FORM_FILL_AND_SIGNING(3);

    private final int p;

    CertificationPermission(int p) {
        this.p = p;
    }

    public int value() {
        return p;
    }

    public static CertificationPermission of(int p) {
        for (CertificationPermission c : values()) {
            if (c.p == p) {
                return c;
            }
        }
        // §12.8.2.2: "Default value: 2" when /P is absent or out of range.
        return FORM_FILL_AND_SIGNING;
    }
}
