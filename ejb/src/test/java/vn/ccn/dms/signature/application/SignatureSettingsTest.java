package vn.ccn.dms.signature.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ccn.dms.pades.PadesLevel;

class SignatureSettingsTest {

    @Test
    void defaultsAreLongTermWithOnlineRevocationAndNoTokenOrKeystoreAllowed() {
        SignatureSettings s = SignatureSettings.from(k -> null);
        assertEquals(PadesLevel.B_LT, s.level());
        assertTrue(s.tsaUrl().isEmpty());
        assertTrue(s.revocationOnline());
        assertTrue(s.revocationRequired());
        assertTrue(s.pkcs11Libraries().isEmpty(), "no PKCS#11 module may be loaded unless listed");
        assertTrue(s.pkcs12Directory().isEmpty(), "PKCS#12 keystores are for development only");
        assertEquals(100, s.batchMax());
        assertEquals(19, s.validationNice(), "validation runs below the requests' priority unless told otherwise");
    }

    @Test
    void theValidationNiceValueIsZeroToNineteen() {
        assertEquals(0, SignatureSettings.from(Map.of(SignatureSettings.VALIDATION_NICE, "0")::get).validationNice());
        assertEquals(19, SignatureSettings.from(Map.of(SignatureSettings.VALIDATION_NICE, " 19 ")::get).validationNice());
        for (String bad : List.of("-1", "20", "high", "1.5")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SignatureSettings.from(Map.of(SignatureSettings.VALIDATION_NICE, bad)::get), bad);
            assertTrue(e.getMessage().contains(SignatureSettings.VALIDATION_NICE), e.getMessage());
        }
    }

    @Test
    void readsEveryKey() {
        Map<String, String> values = Map.of(SignatureSettings.LEVEL, "b-lta", SignatureSettings.TSA_URL, "http://tsa.example/tsa",
                SignatureSettings.TSA_FALLBACK_URLS, "http://a/tsa, http://b/tsa", SignatureSettings.PKCS11_LIBRARIES,
                "/usr/lib/softhsm/../softhsm/libsofthsm2.so", SignatureSettings.REVOCATION_ONLINE, "false",
                SignatureSettings.TSA_TIMEOUT, "3", SignatureSettings.BATCH_MAX, "50");
        SignatureSettings s = SignatureSettings.from(values::get);
        assertEquals(PadesLevel.B_LTA, s.level());
        assertEquals(URI.create("http://tsa.example/tsa"), s.tsaUrl().orElseThrow());
        assertEquals(List.of(URI.create("http://a/tsa"), URI.create("http://b/tsa")), s.tsaFallbackUrls());
        assertTrue(s.pkcs11Libraries().contains(Path.of("/usr/lib/softhsm/libsofthsm2.so")), "paths are normalised");
        assertFalse(s.revocationOnline());
        assertEquals(Duration.ofSeconds(3), s.tsaTimeout());
        assertEquals(50, s.batchMax());
    }

    @Test
    void badValuesAreRefusedWithTheKeyNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignatureSettings.from(Map.of(SignatureSettings.LEVEL, "B-X")::get));
        assertTrue(e.getMessage().contains(SignatureSettings.LEVEL));
        assertThrows(IllegalArgumentException.class, () -> SignatureSettings.from(Map.of(SignatureSettings.BATCH_MAX, "0")::get));
    }
}
