package vn.ccn.dms.search;

import java.util.Objects;

/**
 * Outcome of one document of a bulk request.
 *
 * @param documentId the document the item was for
 * @param outcome    indexed, or failed and whether trying again later can help
 * @param reason     the cluster's reason for a failure (type and message), {@code null} when indexed
 */
public record BulkItemResult(String documentId, Outcome outcome, String reason) {

    public enum Outcome {
        INDEXED,
        /**
         * The cluster was overloaded, a shard was unavailable (HTTP 429 / 5xx) or the index is missing
         * (see {@link IndexHealth.Status#INDEX_MISSING}): retry with backoff.
         */
        RETRYABLE_FAILURE,
        /** The document itself was refused (for example a value the mapping cannot take): retrying gives the same. */
        PERMANENT_FAILURE
    }

    public BulkItemResult {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.INDEXED) != (reason == null)) {
            throw new IllegalArgumentException("a reason is given exactly for failures");
        }
    }

    public boolean indexed() {
        return outcome == Outcome.INDEXED;
    }
}
