/**
 * Renders the printable registers of Decree 30/2020/NĐ-CP Appendix IV as PDF with Apache PDFBox: A4
 * landscape pages with a heading, the paper form's columns repeated on every page, text wrapped inside
 * cells, page numbers and the time of printing. Text is set in Liberation Serif (a Times New Roman
 * metric clone shipped in {@code /fonts}, SIL OFL 1.1), embedded as a subset, so the output never depends
 * on the fonts of the machine that prints or opens it.
 */
package vn.ccn.dms.register.infrastructure.pdf;
