package vn.ccn.dms.document.domain;

/** Văn bản đến (incoming) or văn bản đi (outgoing). */
public enum Direction {
    INCOMING, OUTGOING
}
