package vn.ccn.dms.search;

/**
 * The search cluster could not be reached, timed out or said it is overloaded. Transient by nature: the
 * indexing outbox retries with backoff, and search pages tell the user that search is unavailable for now
 * while the rest of the application keeps working.
 */
public class SearchUnavailableException extends SearchIndexException {

    private static final long serialVersionUID = 1L;

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
