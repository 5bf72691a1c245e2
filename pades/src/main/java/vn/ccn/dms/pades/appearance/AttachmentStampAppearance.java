package vn.ccn.dms.pades.appearance;

import java.util.Objects;

/**
 * The organisation's signature on an attachment issued as a separate file (Decree 30/2020/NĐ-CP Appendix I):
 * no image; the number/symbol of the main document and the signing time in ISO 8601 with the Vietnam offset
 * (e.g. {@code 2025-03-01T09:30:00+07:00}), 10 pt serif, at the top right of page 1.
 *
 * @param area where the text goes, or {@code null} for the top right corner of page 1
 * @param numberAndSymbol e.g. "09/2025/QĐ-UBND"
 */
public record AttachmentStampAppearance(PageRect area, String numberAndSymbol) implements SignatureAppearance {

    public static final float FONT_SIZE = 10f;
    /** Margin from the top and right edges of the page when no area is given: 10 mm. */
    public static final float MARGIN = 10f * PageRect.MM;
    public static final float WIDTH = 170f;
    public static final float HEIGHT = 30f;

    public AttachmentStampAppearance {
        Objects.requireNonNull(numberAndSymbol, "numberAndSymbol");
        if (numberAndSymbol.isBlank()) {
            throw new IllegalArgumentException("numberAndSymbol is empty");
        }
    }

    public static AttachmentStampAppearance topRightOfFirstPage(String numberAndSymbol) {
        return new AttachmentStampAppearance(null, numberAndSymbol);
    }
}
