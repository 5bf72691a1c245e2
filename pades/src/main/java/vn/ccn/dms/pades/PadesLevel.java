package vn.ccn.dms.pades;

/**
 * PAdES baseline levels of ETSI EN 319 142-1 §6. Each level includes the one before it.
 */
public enum PadesLevel {
    /** Basic signature: CMS with signing-certificate-v2, SubFilter ETSI.CAdES.detached. */
    B_B,
    /** B-B plus an RFC 3161 signature time-stamp in the unsigned attributes. */
    B_T,
    /** B-T plus a document security store (DSS) with certificates and revocation data of the chains. */
    B_LT,
    /** B-LT plus a document time-stamp applied after the DSS. */
    B_LTA;

    public boolean atLeast(PadesLevel other) {
        return compareTo(other) >= 0;
    }
}
