package vn.ccn.dms.pades.validation;

/** What a signature dictionary is. */
public enum SignatureKind {
    /** An ordinary (approval) signature, ISO 32000-1 §12.8.1. */
    APPROVAL,
    /** A certification signature with DocMDP, §12.8.2.2. */
    CERTIFICATION,
    /** A document time-stamp (/Type /DocTimeStamp, ETSI.RFC3161). */
    DOCUMENT_TIMESTAMP
}
