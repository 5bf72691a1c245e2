package vn.ccn.dms.signature.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * The external-signature path (the "compute data to sign / sign / assemble" split of EU DSS): what the server
 * prepared while the digest is out with a desktop signing agent or a remote signing service. Only the digest
 * leaves the server; the prepared PDF waits here until the signature value (or a whole CMS) comes back.
 */
@Entity
@Table(name = "signing_session")
public class SigningSession {

    @Id
    private String id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "base_version_no", nullable = false)
    private int baseVersionNo;

    @Column(name = "prepared_pdf", nullable = false)
    private byte[] preparedPdf;

    @Column(name = "byte_range", nullable = false)
    private String byteRange;

    @Column(name = "document_digest", nullable = false)
    private byte[] documentDigest;

    @Column(name = "signed_attributes", nullable = false)
    private byte[] signedAttributes;

    @Column(name = "digest_algorithm", nullable = false)
    private String digestAlgorithm;

    @Column(name = "digest_to_sign", nullable = false)
    private byte[] digestToSign;

    @Column(name = "signing_time", nullable = false)
    private Instant signingTime;

    @Column(nullable = false)
    private String level;

    @Column(name = "field_name", nullable = false)
    private String fieldName;

    @Column(name = "certificate_chain", nullable = false)
    private String certificateChainPem;

    protected SigningSession() {
    }

    /** Everything needed to finish the signature later; arrays are copied. */
    public record Prepared(byte[] preparedPdf, long[] byteRange, byte[] documentDigest, byte[] signedAttributes, String digestAlgorithm,
            byte[] digestToSign, Instant signingTime, String level, String fieldName, String certificateChainPem) {
    }

    public SigningSession(long documentId, int baseVersionNo, Prepared p, Instant at, Instant expiresAt, String by) {
        this.id = UUID.randomUUID().toString();
        this.documentId = documentId;
        this.baseVersionNo = baseVersionNo;
        this.preparedPdf = p.preparedPdf().clone();
        this.byteRange = Arrays.stream(p.byteRange()).mapToObj(Long::toString).reduce((a, b) -> a + " " + b).orElseThrow();
        this.documentDigest = p.documentDigest().clone();
        this.signedAttributes = p.signedAttributes().clone();
        this.digestAlgorithm = Objects.requireNonNull(p.digestAlgorithm(), "digestAlgorithm");
        this.digestToSign = p.digestToSign().clone();
        this.signingTime = Objects.requireNonNull(p.signingTime(), "signingTime");
        this.level = Objects.requireNonNull(p.level(), "level");
        this.fieldName = Objects.requireNonNull(p.fieldName(), "fieldName");
        this.certificateChainPem = Objects.requireNonNull(p.certificateChainPem(), "certificateChainPem");
        this.createdAt = Objects.requireNonNull(at, "at");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.createdBy = Objects.requireNonNull(by, "by");
    }

    public Prepared prepared() {
        long[] range = Arrays.stream(byteRange.split(" ")).mapToLong(Long::parseLong).toArray();
        return new Prepared(preparedPdf.clone(), range, documentDigest.clone(), signedAttributes.clone(), digestAlgorithm, digestToSign.clone(),
                signingTime, level, fieldName, certificateChainPem);
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public String id() {
        return id;
    }

    public long documentId() {
        return documentId;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int baseVersionNo() {
        return baseVersionNo;
    }

    public byte[] digestToSign() {
        return digestToSign.clone();
    }

    public String digestAlgorithm() {
        return digestAlgorithm;
    }
}
