package vn.ccn.dms.pades.appearance;

import java.util.Objects;

/**
 * The organisation's signature at issuance: the red seal image (transparent PNG) at real size. Decree
 * 30/2020/NĐ-CP Appendix I places it over about one third of the leader's signature image, on its left;
 * {@link #overlappingLeader} computes that rectangle from the leader's block.
 *
 * @param area where the seal goes, or {@code null} to fill the reserved signature field
 * @param sealImagePng the seal image, PNG with transparency
 */
public record OrganisationSealAppearance(PageRect area, byte[] sealImagePng) implements SignatureAppearance {

    public OrganisationSealAppearance {
        Objects.requireNonNull(sealImagePng, "sealImagePng");
        sealImagePng = sealImagePng.clone();
    }

    @Override
    public byte[] sealImagePng() {
        return sealImagePng.clone();
    }

    /** For a signature into a reserved field: the field's rectangle is used. */
    public static OrganisationSealAppearance inReservedField(byte[] sealImagePng) {
        return new OrganisationSealAppearance(null, sealImagePng);
    }

    /**
     * The seal's rectangle at real size: its right edge one third into the leader's image box, vertically
     * centred on it, so the seal covers the left third of the leader's signature.
     *
     * @param sealWidthMm seal diameter or width in millimetres (real size, e.g. 35–42 mm)
     * @param sealHeightMm seal height in millimetres
     */
    public static PageRect overlappingLeader(LeaderSignatureAppearance leader, float sealWidthMm, float sealHeightMm) {
        PageRect image = leader.imageArea();
        float w = sealWidthMm * PageRect.MM;
        float h = sealHeightMm * PageRect.MM;
        float right = image.x() + image.width() / 3f;
        float centreY = image.y() + image.height() / 2f;
        return new PageRect(image.pageNumber(), right - w, centreY - h / 2f, w, h);
    }
}
