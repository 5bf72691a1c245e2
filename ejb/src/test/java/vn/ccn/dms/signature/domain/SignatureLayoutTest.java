package vn.ccn.dms.signature.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SignatureLayoutTest {

    @Test
    void missingBoxesTakeTheDefaultsAndTheTextFormRoundTrips() {
        SignatureLayout layout = new SignatureLayout(new SignatureLayout.Box(2, 300, 100, 210, 140), null, null);
        assertEquals(SignatureLayout.DEFAULT_NUMBER_FIELD, layout.numberField());
        assertEquals(SignatureLayout.DEFAULT_DATE_FIELD, layout.dateField());
        assertEquals(layout, SignatureLayout.parse(layout.format()));
        assertEquals(SignatureLayout.defaults(), SignatureLayout.parse(SignatureLayout.defaults().format()));
    }

    @Test
    void emptyOrNegativeBoxesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SignatureLayout.Box(1, 10, 10, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new SignatureLayout.Box(-1, 10, 10, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> SignatureLayout.parse("block=1:2:3"));
    }

    @Test
    void theLastPageIsResolvedOnceThePageCountIsKnown() {
        SignatureLayout layout = SignatureLayout.defaults();
        SignatureLayout resolved = layout.withLastPage(3);
        assertEquals(3, resolved.signatureBlock().page());
        assertEquals(1, resolved.numberField().page());
        assertEquals(false, resolved.usesLastPage());
        assertEquals(true, layout.usesLastPage());
    }
}
