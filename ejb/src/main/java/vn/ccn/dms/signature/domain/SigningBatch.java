package vn.ccn.dms.signature.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Many documents signed in one action with one PIN entry. Each document is signed and committed on its own,
 * so one failure does not undo the others; the items carry the per-document result and the progress.
 */
@Entity
@Table(name = "signing_batch")
public class SigningBatch {

    public enum Status {
        RUNNING, DONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dms_seq")
    private Long id;

    @Column(name = "agency_id", nullable = false)
    private Long agencyId;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(nullable = false)
    private int total;

    @OneToMany(mappedBy = "batch", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<SigningBatchItem> items = new ArrayList<>();

    protected SigningBatch() {
    }

    public SigningBatch(long agencyId, List<Long> documentIds, Instant at, String by) {
        if (documentIds.isEmpty()) {
            throw new IllegalArgumentException("an empty batch");
        }
        this.agencyId = agencyId;
        this.createdAt = Objects.requireNonNull(at, "at");
        this.createdBy = Objects.requireNonNull(by, "by");
        this.status = Status.RUNNING;
        this.total = documentIds.size();
        for (int i = 0; i < documentIds.size(); i++) {
            items.add(new SigningBatchItem(this, i + 1, documentIds.get(i)));
        }
    }

    public void finish(Instant at) {
        this.status = Status.DONE;
        this.finishedAt = at;
    }

    public Long id() {
        return id;
    }

    public long agencyId() {
        return agencyId;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Status status() {
        return status;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public int total() {
        return total;
    }

    public List<SigningBatchItem> items() {
        return List.copyOf(items);
    }
}
