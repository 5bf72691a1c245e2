package vn.ccn.dms.pades.signing;

import java.util.Objects;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.appearance.AttachmentStampAppearance;
import vn.ccn.dms.pades.appearance.CopyStampAppearance;
import vn.ccn.dms.pades.appearance.LeaderSignatureAppearance;
import vn.ccn.dms.pades.appearance.OrganisationSealAppearance;
import vn.ccn.dms.pades.appearance.PageRect;

/**
 * Signature parameters for the two-step issuance of Decree 30/2020/NĐ-CP (Art. 13 and Appendix I): the leader
 * signs the content; the clerk (văn thư) then fills the number/symbol and the date of issue and applies the
 * organisation's signature with the seal image.
 *
 * <p><b>Why a certification signature with DocMDP P=2.</b> ISO 32000-1 §12.8.2.2 (Table 254) lets a
 * certification signature with P=2 permit exactly "filling in forms, instantiating page templates, and
 * signing"; every other change invalidates it. So the leader's signature certifies the document with P=2,
 * and in the same revision it creates, still empty, the text fields for number and date and the signature
 * field for the seal. The clerk's later incremental update only gives those fields values (form filling) and
 * signs the reserved field (signing): both permitted, so the leader's signature stays valid, while any change
 * to the page content, new annotations or new pages after it is reported as forbidden. An approval signature
 * with a FieldMDP lock (§12.8.2.4) was the alternative; it protects only the fields it names, not the page
 * content, so it would leave the shadow-attack classes (new content, overlays) merely "suspicious" rather
 * than forbidden. Certification is available because the leader's signature is the first one on a draft.
 */
public final class Decree30Issuance {

    /** The text field for the number and symbol, e.g. "09/2025/QĐ-UBND". */
    public static final String NUMBER_FIELD = "so_ky_hieu";
    /** The text field for the place and date of issue, e.g. "Lạng Sơn, ngày 01 tháng 3 năm 2025". */
    public static final String DATE_FIELD = "ngay_ban_hanh";
    /** The empty signature field reserved for the organisation's seal. */
    public static final String SEAL_FIELD = "chu_ky_co_quan";
    /** The leader's signature field. */
    public static final String LEADER_FIELD = "chu_ky_lanh_dao";

    private Decree30Issuance() {
    }

    /**
     * The leader's certification signature, reserving the number, date and seal fields.
     *
     * @param numberArea where the number/symbol goes (after "Số:" in the document)
     * @param dateArea where the place and date of issue go
     * @param sealWidthMm real width of the seal, e.g. 36 mm for a provincial People's Committee
     * @param sealHeightMm real height of the seal
     */
    public static SignatureParameters.Builder leader(PadesLevel level, LeaderSignatureAppearance appearance, PageRect numberArea,
            PageRect dateArea, float sealWidthMm, float sealHeightMm) {
        Objects.requireNonNull(appearance, "appearance");
        return SignatureParameters.builder(level)
                .fieldName(LEADER_FIELD)
                .appearance(appearance)
                .certify(CertificationPermission.FORM_FILL_AND_SIGNING)
                .reason("Phê duyệt nội dung văn bản")
                .reserve(new FieldReservation.Text(NUMBER_FIELD, numberArea, 13f))
                .reserve(new FieldReservation.Text(DATE_FIELD, dateArea, 13f))
                .reserve(new FieldReservation.Signature(SEAL_FIELD,
                        OrganisationSealAppearance.overlappingLeader(appearance, sealWidthMm, sealHeightMm)));
    }

    /** The clerk's step: number and date filled, the organisation signs the reserved field with its seal. */
    public static SignatureParameters.Builder organisation(PadesLevel level, String numberAndSymbol, String placeAndDate,
            byte[] sealImagePng) {
        return SignatureParameters.builder(level)
                .fieldName(SEAL_FIELD)
                .appearance(OrganisationSealAppearance.inReservedField(sealImagePng))
                .fillField(NUMBER_FIELD, Objects.requireNonNull(numberAndSymbol, "numberAndSymbol"))
                .fillField(DATE_FIELD, Objects.requireNonNull(placeAndDate, "placeAndDate"))
                .reason("Ban hành văn bản");
    }

    /** The organisation's signature on an attachment in a separate file: top right of page 1, text only. */
    public static SignatureParameters.Builder attachment(PadesLevel level, String numberAndSymbol) {
        return SignatureParameters.builder(level)
                .appearance(AttachmentStampAppearance.topRightOfFirstPage(numberAndSymbol))
                .reason("Ban hành phụ lục kèm theo văn bản " + numberAndSymbol);
    }

    /**
     * The copying organisation's signature on an electronic copy (Art. 25): top right of page 1, text only, with
     * the copy form, the organisation, the copy's number and symbol, and the signing time.
     */
    public static SignatureParameters.Builder copy(PadesLevel level, String form, String organisation, String copyNumberAndSymbol) {
        return SignatureParameters.builder(level)
                .appearance(CopyStampAppearance.topRightOfFirstPage(form, organisation, copyNumberAndSymbol))
                .reason(form + " số " + copyNumberAndSymbol);
    }
}
