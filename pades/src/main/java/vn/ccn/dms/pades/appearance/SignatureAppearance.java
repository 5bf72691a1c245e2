package vn.ccn.dms.pades.appearance;

/**
 * The visible part of a signature. {@link #area()} is where it goes; it is {@code null} when the signature
 * fills a signature field reserved earlier (the field's own rectangle is used) or, for the attachment and copy stamps,
 * when the engine should place it at the top right of page 1.
 */
public sealed interface SignatureAppearance
        permits InvisibleAppearance, LeaderSignatureAppearance, OrganisationSealAppearance, AttachmentStampAppearance,
        CopyStampAppearance {

    PageRect area();

    static SignatureAppearance invisible() {
        return InvisibleAppearance.INSTANCE;
    }
}
