package vn.ccn.dms.signature.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One document of a batch and what became of it. */
@Entity
@Table(name = "signing_batch_item")
public class SigningBatchItem {

    public enum Status {
        PENDING, SIGNED, FAILED,
        /** Not attempted: an earlier failure concerned the signer itself (token, PIN, certificate, TSA). */
        SKIPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dms_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "batch_id")
    private SigningBatch batch;

    @Column(nullable = false)
    private int position;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.PENDING;

    @Column(name = "error_code")
    private String errorCode;

    private String message;

    @Column(name = "version_no")
    private Integer versionNo;

    @Column(name = "duration_ms")
    private Integer durationMs;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected SigningBatchItem() {
    }

    SigningBatchItem(SigningBatch batch, int position, long documentId) {
        this.batch = batch;
        this.position = position;
        this.documentId = documentId;
    }

    public void signed(int versionNo, long durationMs, Instant at) {
        this.status = Status.SIGNED;
        this.versionNo = versionNo;
        this.durationMs = (int) durationMs;
        this.finishedAt = at;
    }

    public void failed(Status status, String errorCode, String message, long durationMs, Instant at) {
        if (status != Status.FAILED && status != Status.SKIPPED) {
            throw new IllegalArgumentException(status.name());
        }
        this.status = status;
        this.errorCode = errorCode;
        this.message = message == null ? null : message.length() > 1000 ? message.substring(0, 1000) : message;
        this.durationMs = (int) durationMs;
        this.finishedAt = at;
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public long documentId() {
        return documentId;
    }

    public Status status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public String message() {
        return message;
    }

    public Integer versionNo() {
        return versionNo;
    }

    public Integer durationMs() {
        return durationMs;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
