package vn.ccn.dms.document.domain;

/** Life of a document: an outgoing draft until numbered (ISSUED); an incoming one is REGISTERED on arrival. */
public enum DocumentStatus {
    DRAFT, REGISTERED, ISSUED
}
