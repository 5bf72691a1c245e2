package vn.ccn.dms.pades.signing;

import java.util.Objects;
import vn.ccn.dms.pades.appearance.PageRect;

/**
 * An empty form field created in the same revision as a signature, to be filled or signed later. Because it
 * exists before the certification signature, filling it later is "filling in forms" and signing it is
 * "signing", both permitted by DocMDP P=2 (ISO 32000-1 §12.8.2.2), rather than the creation of new objects.
 */
public sealed interface FieldReservation permits FieldReservation.Text, FieldReservation.Signature {

    String name();

    PageRect area();

    /** A single-line text field, e.g. the number/symbol or the date of issue. */
    record Text(String name, PageRect area, float fontSize) implements FieldReservation {
        public Text {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(area, "area");
            if (!(fontSize > 0)) {
                throw new IllegalArgumentException("fontSize");
            }
        }
    }

    /** An empty signature field, e.g. for the organisation's seal. */
    record Signature(String name, PageRect area) implements FieldReservation {
        public Signature {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(area, "area");
        }
    }
}
