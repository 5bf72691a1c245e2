package vn.ccn.dms.document.domain;

/** The store refused the bytes: empty, too large. Nothing was kept. */
public class ContentRejectedException extends RuntimeException {

    public enum Reason { EMPTY, TOO_LARGE }

    private final Reason reason;

    public ContentRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
