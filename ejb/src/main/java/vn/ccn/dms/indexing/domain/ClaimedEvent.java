package vn.ccn.dms.indexing.domain;

/**
 * An outbox row the worker has leased: other workers skip it until the lease ends, so a crashed worker's
 * rows are taken up again by itself or another node.
 *
 * @param id        the outbox row
 * @param subjectId the document id as written by the producer
 * @param attempts  how many times the row has been claimed, this time included
 */
public record ClaimedEvent(long id, String subjectId, int attempts) {
}
