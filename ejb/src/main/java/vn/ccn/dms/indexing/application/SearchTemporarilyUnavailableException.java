package vn.ccn.dms.indexing.application;

import jakarta.ejb.ApplicationException;

/**
 * Searching is not possible right now (the search cluster is down or overloaded). The rest of the application
 * keeps working; the API answers 503 with a Vietnamese message and a {@code Retry-After}.
 */
@ApplicationException(rollback = true)
public class SearchTemporarilyUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SearchTemporarilyUnavailableException(String messageVi, Throwable cause) {
        super(messageVi, cause);
    }
}
