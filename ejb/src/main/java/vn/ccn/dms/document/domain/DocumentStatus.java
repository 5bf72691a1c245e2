package vn.ccn.dms.document.domain;

/**
 * Life of a document: an outgoing draft until numbered (ISSUED); an incoming one is REGISTERED on arrival.
 * Issue 4 (signing) adds two steps of the Decree 30/2020 two-step issuance between DRAFT and ISSUED: the draft
 * is AWAITING_SIGNATURE once submitted to the leader, and SIGNED once the leader has signed it; the reception
 * desk then numbers it (ISSUED) and applies the organisation's signature.
 */
public enum DocumentStatus {
    DRAFT, AWAITING_SIGNATURE, SIGNED, REGISTERED, ISSUED;

    /** Not yet issued: only the owner agency reads it, recipients do not (the rule DRAFT had alone before). */
    public boolean beforeIssue() {
        return this == DRAFT || this == AWAITING_SIGNATURE || this == SIGNED;
    }
}
