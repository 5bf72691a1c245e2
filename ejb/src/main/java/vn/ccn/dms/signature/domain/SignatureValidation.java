package vn.ccn.dms.signature.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored validation report of one PDF file of a document: kept with the document as evidence of what was
 * checked and when (the integrity, the chain to the configured anchors, revocation at signing time,
 * time-stamps and the changes after each signature), readable in Vietnamese and as JSON.
 */
@Entity
@Table(name = "signature_validation")
public class SignatureValidation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dms_seq")
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "stored_file_id", nullable = false)
    private long storedFileId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_sha256", nullable = false)
    private String contentSha256;

    @Column(name = "validated_at", nullable = false)
    private Instant validatedAt;

    @Column(name = "validated_by", nullable = false)
    private String validatedBy;

    /** TOTAL_PASSED, INDETERMINATE, TOTAL_FAILED, or NO_SIGNATURE / UNREADABLE for files that have none / cannot be read. */
    @Column(nullable = false)
    private String indication;

    @Column(name = "signature_count", nullable = false)
    private int signatureCount;

    @Column(name = "summary_vi", nullable = false)
    private String summaryVi;

    @Column(name = "report_json", nullable = false)
    private String reportJson;

    protected SignatureValidation() {
    }

    public SignatureValidation(long documentId, long storedFileId, String fileName, String contentSha256, Instant validatedAt,
            String validatedBy, String indication, int signatureCount, String summaryVi, String reportJson) {
        this.documentId = documentId;
        this.storedFileId = storedFileId;
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.contentSha256 = Objects.requireNonNull(contentSha256, "contentSha256");
        this.validatedAt = Objects.requireNonNull(validatedAt, "validatedAt");
        this.validatedBy = Objects.requireNonNull(validatedBy, "validatedBy");
        this.indication = Objects.requireNonNull(indication, "indication");
        this.signatureCount = signatureCount;
        this.summaryVi = Objects.requireNonNull(summaryVi, "summaryVi");
        this.reportJson = Objects.requireNonNull(reportJson, "reportJson");
    }

    public Long id() {
        return id;
    }

    public long documentId() {
        return documentId;
    }

    public long storedFileId() {
        return storedFileId;
    }

    public String fileName() {
        return fileName;
    }

    public String contentSha256() {
        return contentSha256;
    }

    public Instant validatedAt() {
        return validatedAt;
    }

    public String validatedBy() {
        return validatedBy;
    }

    public String indication() {
        return indication;
    }

    public int signatureCount() {
        return signatureCount;
    }

    public String summaryVi() {
        return summaryVi;
    }

    public String reportJson() {
        return reportJson;
    }
}
