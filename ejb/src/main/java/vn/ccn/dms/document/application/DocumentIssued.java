package vn.ccn.dms.document.application;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Fired synchronously inside the transaction that gives an outgoing document its number (it is then issued),
 * just before the number is taken so that observers do not lengthen the register's lock:
 * observers add their rows (copies to SCT, opened opinion requests) to the same commit, and anything that must
 * leave the system goes through the outbox after it.
 *
 * <p>An observer that adds recipients to the document (with SQL, beside the entity the issuing service holds) says
 * so with {@link #recipientsAdded()}; the service then reloads the document before answering, and only then (it used
 * to count the recipients in the database after every event to find out).
 */
public final class DocumentIssued {

    private final long documentId;
    private final long ownerAgencyId;
    private final LocalDate issuedDate;
    private boolean recipientsAdded;

    public DocumentIssued(long documentId, long ownerAgencyId, LocalDate issuedDate) {
        this.documentId = documentId;
        this.ownerAgencyId = ownerAgencyId;
        this.issuedDate = Objects.requireNonNull(issuedDate, "issuedDate");
    }

    public long documentId() {
        return documentId;
    }

    public long ownerAgencyId() {
        return ownerAgencyId;
    }

    public LocalDate issuedDate() {
        return issuedDate;
    }

    /** An observer added recipients to the document. */
    public void recipientsAdded() {
        recipientsAdded = true;
    }

    /** Whether an observer added recipients, so that the document must be reloaded. */
    public boolean addedRecipients() {
        return recipientsAdded;
    }

    @Override
    public String toString() {
        return "DocumentIssued[documentId=" + documentId + ", ownerAgencyId=" + ownerAgencyId + ", issuedDate="
                + issuedDate + ", recipientsAdded=" + recipientsAdded + "]";
    }
}
