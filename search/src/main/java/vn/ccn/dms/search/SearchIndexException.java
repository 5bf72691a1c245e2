package vn.ccn.dms.search;

/** The search cluster refused or failed a request for a reason other than being unreachable. */
public class SearchIndexException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SearchIndexException(String message, Throwable cause) {
        super(message, cause);
    }

    public SearchIndexException(String message) {
        super(message);
    }
}
