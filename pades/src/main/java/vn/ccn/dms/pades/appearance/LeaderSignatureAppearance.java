package vn.ccn.dms.pades.appearance;

import java.util.Objects;

/**
 * The leader's signature block (Decree 30/2020/NĐ-CP, Appendix I, item "chữ ký số của người có thẩm quyền"):
 * the position line on top, the signature image (transparent PNG) centred below it, then the signer's name,
 * and a small line with the signing time. The layout is fixed so that {@link #imageArea()} is known before
 * signing: the organisation's seal, applied later by the clerk, is placed relative to it.
 *
 * @param area the block on the page
 * @param signatureImagePng the signature image, PNG with transparency
 * @param position the title line, e.g. "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" (lines separated by '\n'), may be empty
 * @param signerName the full name, may be empty
 * @param showSigningTime whether to print the signing time under the name
 */
public record LeaderSignatureAppearance(PageRect area, byte[] signatureImagePng, String position, String signerName,
        boolean showSigningTime) implements SignatureAppearance {

    static final float TITLE_SIZE = 10.5f;
    static final float NAME_SIZE = 10.5f;
    static final float TIME_SIZE = 7f;
    static final float LEADING = 1.25f;

    public LeaderSignatureAppearance {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(signatureImagePng, "signatureImagePng");
        position = position == null ? "" : position;
        signerName = signerName == null ? "" : signerName;
        signatureImagePng = signatureImagePng.clone();
    }

    @Override
    public byte[] signatureImagePng() {
        return signatureImagePng.clone();
    }

    String[] positionLines() {
        return position.isBlank() ? new String[0] : position.split("\n");
    }

    float topTextHeight() {
        return positionLines().length * TITLE_SIZE * LEADING;
    }

    float bottomTextHeight() {
        float h = signerName.isBlank() ? 0 : NAME_SIZE * LEADING;
        return h + (showSigningTime ? TIME_SIZE * LEADING : 0);
    }

    /**
     * The box the signature image is fitted into (aspect ratio kept, centred), in page coordinates: the block
     * minus the text lines above and below.
     */
    public PageRect imageArea() {
        float top = topTextHeight();
        float bottom = bottomTextHeight();
        float h = area.height() - top - bottom;
        if (h <= 1) {
            throw new IllegalArgumentException("signature block too small for its text lines");
        }
        return new PageRect(area.pageNumber(), area.x(), area.y() + bottom, area.width(), h);
    }
}
