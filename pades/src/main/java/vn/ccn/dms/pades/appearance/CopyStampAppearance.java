package vn.ccn.dms.pades.appearance;

import java.util.Objects;

/**
 * The copying organisation's signature on an electronic copy (Decree 30/2020/NĐ-CP Art. 25 and Appendix I,
 * "bản sao sang định dạng điện tử"): no image; the copy form ("SAO Y", "SAO LỤC" or "TRÍCH SAO"), the name of
 * the copying organisation, the copy's number and symbol and the signing time in ISO 8601 with the Vietnam
 * offset, 10 pt serif, at the top right of page 1.
 *
 * @param area where the text goes, or {@code null} for the top right corner of page 1
 * @param form the copy form as printed, e.g. "SAO Y"
 * @param organisation the copying organisation, e.g. "Sở Công Thương tỉnh Lạng Sơn"
 * @param copyNumberAndSymbol e.g. "05/SY"
 */
public record CopyStampAppearance(PageRect area, String form, String organisation, String copyNumberAndSymbol)
        implements SignatureAppearance {

    public static final float FONT_SIZE = 10f;
    /** Margin from the top and right edges of the page when no area is given: 10 mm, as for attachments. */
    public static final float MARGIN = AttachmentStampAppearance.MARGIN;
    public static final float WIDTH = 220f;
    public static final float HEIGHT = 4 * FONT_SIZE * 1.2f + 4f;

    public CopyStampAppearance {
        requireText(form, "form");
        requireText(organisation, "organisation");
        requireText(copyNumberAndSymbol, "copyNumberAndSymbol");
    }

    public static CopyStampAppearance topRightOfFirstPage(String form, String organisation, String copyNumberAndSymbol) {
        return new CopyStampAppearance(null, form, organisation, copyNumberAndSymbol);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }
}
