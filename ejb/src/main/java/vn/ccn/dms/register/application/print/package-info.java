/**
 * What a printed register (sổ đăng ký văn bản đến / đi, Decree 30/2020/NĐ-CP Appendix IV) shows, as plain
 * records free of JPA and Jakarta EE, and the {@link vn.ccn.dms.register.application.print.RegisterPrinter}
 * port that turns one sheet into a printable document. Application services fill the sheets from the
 * registers; an infrastructure adapter (PDFBox) renders them, so the layout can change without touching
 * the numbering or the queries.
 */
package vn.ccn.dms.register.application.print;
