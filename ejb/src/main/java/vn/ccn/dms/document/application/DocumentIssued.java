package vn.ccn.dms.document.application;

import java.time.LocalDate;

/**
 * Fired synchronously inside the transaction that gives an outgoing document its number (it is then issued),
 * just before the number is taken so that observers do not lengthen the register's lock:
 * observers add their rows (copies to SCT, opened opinion requests) to the same commit, and anything that must
 * leave the system goes through the outbox after it.
 */
public record DocumentIssued(long documentId, long ownerAgencyId, LocalDate issuedDate) {
}
