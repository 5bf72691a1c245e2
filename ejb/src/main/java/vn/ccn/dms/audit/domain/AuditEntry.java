package vn.ccn.dms.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded action. Rows are never updated or deleted (a database trigger refuses it). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dms_seq")
    private Long id;

    @Column(name = "chain_key", nullable = false, updatable = false)
    private String chainKey;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "actor_agency", updatable = false)
    private String actorAgency;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "object_type", nullable = false, updatable = false)
    private String objectType;

    @Column(name = "object_id", nullable = false, updatable = false)
    private String objectId;

    @Column(updatable = false)
    private String detail;

    @Column(name = "remote_addr", updatable = false)
    private String remoteAddr;

    @Column(name = "prev_hash", nullable = false, updatable = false)
    private String prevHash;

    @Column(nullable = false, updatable = false)
    private String hash;

    protected AuditEntry() {
    }

    public AuditEntry(String chainKey, long seq, Instant occurredAt, String actor, String actorAgency, String action,
            String objectType, String objectId, String detail, String remoteAddr, String prevHash) {
        this.chainKey = chainKey;
        this.seq = seq;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.actorAgency = actorAgency;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.detail = detail;
        this.remoteAddr = remoteAddr;
        this.prevHash = prevHash;
        this.hash = AuditHash.of(this);
    }

    public Long id() {
        return id;
    }

    public String chainKey() {
        return chainKey;
    }

    public long seq() {
        return seq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String actorAgency() {
        return actorAgency;
    }

    public String action() {
        return action;
    }

    public String objectType() {
        return objectType;
    }

    public String objectId() {
        return objectId;
    }

    public String detail() {
        return detail;
    }

    public String remoteAddr() {
        return remoteAddr;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
