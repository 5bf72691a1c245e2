package vn.ccn.dms.document.application;

/**
 * A document type users may choose (Decree 30/2020 Appendix III), from the {@code document_type} table.
 *
 * @param code          the code the API takes ({@code CV}, {@code TTr}, {@code QĐ} …)
 * @param name          the Vietnamese name shown to users
 * @param symbolPattern the default pattern of the symbol of outgoing documents of this type
 */
public record DocumentTypeView(String code, String name, String symbolPattern) {
}
