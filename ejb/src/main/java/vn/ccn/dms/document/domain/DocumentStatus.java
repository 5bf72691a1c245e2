package vn.ccn.dms.document.domain;

/**
 * Life of a document: an outgoing draft until numbered (ISSUED); an incoming one is REGISTERED on arrival.
 * Issue 4 (signing) adds two steps of the Decree 30/2020 two-step issuance between DRAFT and ISSUED: the draft
 * is AWAITING_SIGNATURE once submitted to the leader, and SIGNED once the leader has signed it; the reception
 * desk then numbers it (NUMBERED) and applies the organisation's signature (ISSUED).
 */
public enum DocumentStatus {
    DRAFT, AWAITING_SIGNATURE, SIGNED, NUMBERED, REGISTERED, ISSUED;

    /**
     * Not yet issued: only the owner agency reads it, recipients do not (the rule DRAFT had alone before). A
     * leader-signed document that has its number but not yet the organisation's signature is NUMBERED: Decree
     * 30/2020 Art. 15, 16 make the document issued with number, date and the organisation's signature together,
     * so recipients, copies by rule and opinion requests wait for the seal.
     */
    public boolean beforeIssue() {
        return this == DRAFT || this == AWAITING_SIGNATURE || this == SIGNED || this == NUMBERED;
    }
}
