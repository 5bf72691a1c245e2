package vn.ccn.dms.signature.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * What an agency's signed outputs show: its seal image at real size (a transparent PNG, Decree 30/2020
 * Appendix I: the seal overlaps about a third of the leader's signature on its left) and the place name that
 * opens the date of issue ("Lạng Sơn, ngày 05 tháng 3 năm 2026", Appendix I item on địa danh).
 */
@Entity
@Table(name = "agency_signature_profile")
public class AgencySignatureProfile {

    public static final float DEFAULT_SEAL_MM = 36f;

    @Id
    @Column(name = "agency_id")
    private Long agencyId;

    @Column(name = "place_name", nullable = false)
    private String placeName;

    @Column(name = "seal_png")
    private byte[] sealPng;

    @Column(name = "seal_width_mm", nullable = false)
    private float sealWidthMm = DEFAULT_SEAL_MM;

    @Column(name = "seal_height_mm", nullable = false)
    private float sealHeightMm = DEFAULT_SEAL_MM;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected AgencySignatureProfile() {
    }

    public AgencySignatureProfile(long agencyId, String placeName) {
        this.agencyId = agencyId;
        this.placeName = Objects.requireNonNull(placeName, "placeName");
    }

    public void placeName(String placeName, Instant at, String by) {
        this.placeName = Objects.requireNonNull(placeName, "placeName").trim();
        touch(at, by);
    }

    public void seal(byte[] png, float widthMm, float heightMm, Instant at, String by) {
        if (widthMm < 10 || widthMm > 80 || heightMm < 10 || heightMm > 80) {
            throw new IllegalArgumentException("seal size out of 10..80 mm");
        }
        this.sealPng = Objects.requireNonNull(png, "png").clone();
        this.sealWidthMm = widthMm;
        this.sealHeightMm = heightMm;
        touch(at, by);
    }

    private void touch(Instant at, String by) {
        this.updatedAt = Objects.requireNonNull(at, "at");
        this.updatedBy = Objects.requireNonNull(by, "by");
    }

    public long agencyId() {
        return agencyId;
    }

    public String placeName() {
        return placeName;
    }

    public byte[] sealPng() {
        return sealPng == null ? null : sealPng.clone();
    }

    public float sealWidthMm() {
        return sealWidthMm;
    }

    public float sealHeightMm() {
        return sealHeightMm;
    }
}
