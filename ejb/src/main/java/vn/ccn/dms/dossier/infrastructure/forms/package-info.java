/**
 * Prints the one-stop desk forms of Circular 03/2025/TT-VPCP Appendix I as PDF with Apache PDFBox: the
 * portrait forms 01 to 06 are laid out by a small flowing composer (national heading and agency block as
 * Decree 30/2020/NĐ-CP Appendix I sets them out, wrapped paragraphs, tables whose caption row repeats on each
 * page, signature blocks, page numbers when a form runs over one page), and the landscape tracking book 07 by
 * the register table writer of {@code vn.ccn.dms.register.infrastructure.pdf}. Fonts, text cleaning and line
 * breaking are reused from that package; the QR code of the receipt slip is encoded with ZXing and drawn as
 * vector squares.
 */
package vn.ccn.dms.dossier.infrastructure.forms;
