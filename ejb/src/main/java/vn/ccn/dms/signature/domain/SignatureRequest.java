package vn.ccn.dms.signature.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A document's way through the Decree 30/2020 two-step issuance (Art. 13; Appendix I): submitted to a leader
 * (or to any leader of the agency), signed by the leader, then sealed by the reception desk after numbering.
 * One row per document; a returned document can be submitted again.
 */
@Entity
@Table(name = "signature_request")
public class SignatureRequest {

    @Id
    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "agency_id", nullable = false)
    private Long agencyId;

    @Column(name = "leader_username")
    private String leaderUsername;

    @Column(nullable = false)
    private String layout;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SignatureRequestStatus status;

    @Column(name = "submitted_by", nullable = false)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "source_version_no", nullable = false)
    private int sourceVersionNo;

    @Column(name = "signed_by")
    private String signedBy;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "signed_version_no")
    private Integer signedVersionNo;

    @Column(name = "sealed_by")
    private String sealedBy;

    @Column(name = "sealed_at")
    private Instant sealedAt;

    @Column(name = "sealed_version_no")
    private Integer sealedVersionNo;

    private String note;

    @Version
    private long version;

    protected SignatureRequest() {
    }

    public SignatureRequest(long documentId, long agencyId) {
        this.documentId = documentId;
        this.agencyId = agencyId;
    }

    /** (Re)submits: the leader may be null for "any leader of the agency". */
    public void submit(String leaderUsername, SignatureLayout layout, int sourceVersionNo, Instant at, String by) {
        if (status == SignatureRequestStatus.AWAITING || status == SignatureRequestStatus.SIGNED
                || status == SignatureRequestStatus.SEALED) {
            throw new IllegalStateException("already " + status);
        }
        this.leaderUsername = leaderUsername;
        this.layout = Objects.requireNonNull(layout, "layout").format();
        this.sourceVersionNo = sourceVersionNo;
        this.submittedAt = Objects.requireNonNull(at, "at");
        this.submittedBy = Objects.requireNonNull(by, "by");
        this.status = SignatureRequestStatus.AWAITING;
        this.signedBy = null;
        this.signedAt = null;
        this.signedVersionNo = null;
        this.note = null;
    }

    public void returned(String note, Instant at, String by) {
        requireStatus(SignatureRequestStatus.AWAITING);
        this.status = SignatureRequestStatus.RETURNED;
        this.note = note;
        this.signedAt = at;
        this.signedBy = by;
    }

    public void signed(int versionNo, Instant at, String by) {
        requireStatus(SignatureRequestStatus.AWAITING);
        this.status = SignatureRequestStatus.SIGNED;
        this.signedVersionNo = versionNo;
        this.signedAt = Objects.requireNonNull(at, "at");
        this.signedBy = Objects.requireNonNull(by, "by");
    }

    public void sealed(int versionNo, Instant at, String by) {
        requireStatus(SignatureRequestStatus.SIGNED);
        this.status = SignatureRequestStatus.SEALED;
        this.sealedVersionNo = versionNo;
        this.sealedAt = Objects.requireNonNull(at, "at");
        this.sealedBy = Objects.requireNonNull(by, "by");
    }

    /** Whether this user may sign it: the named leader, or any leader of the agency when none is named. */
    public boolean assignedTo(String username) {
        return leaderUsername == null || leaderUsername.equals(username);
    }

    private void requireStatus(SignatureRequestStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("signature request of document " + documentId + " is " + status + ", not " + expected);
        }
    }

    public long documentId() {
        return documentId;
    }

    public long agencyId() {
        return agencyId;
    }

    public String leaderUsername() {
        return leaderUsername;
    }

    public SignatureLayout layout() {
        return SignatureLayout.parse(layout);
    }

    public SignatureRequestStatus status() {
        return status;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public int sourceVersionNo() {
        return sourceVersionNo;
    }

    public String signedBy() {
        return signedBy;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public Integer signedVersionNo() {
        return signedVersionNo;
    }

    public String sealedBy() {
        return sealedBy;
    }

    public Instant sealedAt() {
        return sealedAt;
    }

    public Integer sealedVersionNo() {
        return sealedVersionNo;
    }

    public String note() {
        return note;
    }
}
