package vn.ccn.dms.signature.domain;

/** Who holds a signing credential: a person (the leader) or an agency (the organisation's signature). */
public enum OwnerKind {
    USER, AGENCY
}
