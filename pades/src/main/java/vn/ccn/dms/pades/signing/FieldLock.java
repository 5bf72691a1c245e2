package vn.ccn.dms.pades.signing;

import java.util.List;
import java.util.Objects;

/**
 * A FieldMDP lock (ISO 32000-1 §12.8.2.4 and §12.7.4.5, Table 233): after the signature, changes to the
 * named fields (Include), to all fields (All) or to all but the named fields (Exclude) invalidate it.
 */
public record FieldLock(Action action, List<String> fields) {

    public enum Action { ALL, INCLUDE, EXCLUDE }

    public FieldLock {
        Objects.requireNonNull(action, "action");
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        if (action != Action.ALL && fields.isEmpty()) {
            throw new IllegalArgumentException(action + " needs field names");
        }
    }

    public boolean locks(String fieldName) {
        return switch (action) {
            case ALL -> true;
            case INCLUDE -> fields.contains(fieldName);
            case EXCLUDE -> !fields.contains(fieldName);
        };
    }
}
