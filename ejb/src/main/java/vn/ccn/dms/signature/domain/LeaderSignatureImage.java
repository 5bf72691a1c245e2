package vn.ccn.dms.signature.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A leader's signature image: a transparent PNG drawn in the signature block (Decree 30/2020 Appendix I). */
@Entity
@Table(name = "leader_signature_image")
public class LeaderSignatureImage {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false)
    private byte[] png;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected LeaderSignatureImage() {
    }

    public LeaderSignatureImage(long userId) {
        this.userId = userId;
    }

    public void replace(byte[] png, Instant at, String by) {
        this.png = Objects.requireNonNull(png, "png").clone();
        this.updatedAt = Objects.requireNonNull(at, "at");
        this.updatedBy = Objects.requireNonNull(by, "by");
    }

    public long userId() {
        return userId;
    }

    public byte[] png() {
        return png.clone();
    }
}
