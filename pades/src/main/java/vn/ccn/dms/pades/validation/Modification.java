package vn.ccn.dms.pades.validation;

import java.util.Objects;

/**
 * One change found after a signature.
 *
 * @param objectNumber the PDF object concerned (0 when not one object)
 * @param fieldName the form field concerned, empty if none
 * @param detail English detail
 */
public record Modification(ModificationKind kind, long objectNumber, String fieldName, String detail) {

    public Modification {
        Objects.requireNonNull(kind, "kind");
        fieldName = fieldName == null ? "" : fieldName;
        detail = detail == null ? "" : detail;
    }

    public String vietnamese() {
        return kind.vietnamese() + (fieldName.isEmpty() ? "" : " «" + fieldName + "»")
                + (objectNumber > 0 ? " (đối tượng " + objectNumber + ")" : "");
    }
}
