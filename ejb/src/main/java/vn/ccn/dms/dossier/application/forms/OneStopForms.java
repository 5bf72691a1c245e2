package vn.ccn.dms.dossier.application.forms;

/**
 * Prints the one-stop desk forms of Circular 03/2025/TT-VPCP as PDF, in Vietnamese, on A4. Every method
 * returns a complete PDF document. Implementations never throw on long or odd text: text is wrapped, and a
 * character the font cannot show is printed as "?" so nothing is lost silently. Null optional fields are
 * printed as dotted blanks to be filled by hand.
 */
public interface OneStopForms {

    /** Form 01, with a QR code of {@link ReceiptSlip#statusUrl()} when it is not blank. */
    byte[] receiptSlip(ReceiptSlip form);

    /** Form 02. */
    byte[] supplementRequest(SupplementRequest form);

    /** Form 03. */
    byte[] refusal(Refusal form);

    /** Form 04. */
    byte[] apology(Apology form);

    /** Form 05. */
    byte[] stopNotice(StopNotice form);

    /** Form 06. */
    byte[] controlSlip(ControlSlip form);

    /** Form 07, A4 landscape, as many pages as needed, the column header repeated on every page. */
    byte[] trackingBook(TrackingBook form);
}
