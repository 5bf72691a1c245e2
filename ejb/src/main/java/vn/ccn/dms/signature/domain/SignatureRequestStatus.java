package vn.ccn.dms.signature.domain;

/** Where a document is in the two-step issuance. */
public enum SignatureRequestStatus {
    /** In the leader's inbox. */
    AWAITING,
    /** The leader signed; the reception desk numbers it and applies the organisation's signature. */
    SIGNED,
    /** The organisation's signature is on it: issued. */
    SEALED,
    /** Sent back to the drafter unsigned. */
    RETURNED
}
