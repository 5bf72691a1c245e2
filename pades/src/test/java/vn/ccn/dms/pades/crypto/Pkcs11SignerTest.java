package vn.ccn.dms.pades.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.InvalidKeyException;
import java.security.SignatureException;
import org.junit.jupiter.api.Test;

/**
 * Which signing failures mean "the token is gone". SunPKCS11's own exception class is internal to the JDK, so a
 * stand-in of the same simple name carries the PKCS#11 return value as its message, as SunPKCS11's does (the
 * shapes below are those measured with SoftHSM2 deleting a token under an open session; BatchSigningIT does it
 * for real).
 */
class Pkcs11SignerTest {

    static final class PKCS11Exception extends Exception {
        PKCS11Exception(String message) {
            super(message);
        }
    }

    private static InvalidKeyException initFailed(String code) {
        InvalidKeyException e = new InvalidKeyException("init() failed");
        e.initCause(new PKCS11Exception(code));
        return e;
    }

    @Test
    void aKeyOrSessionThatVanishedWithItsTokenIsTheTokenGone() {
        assertTrue(Pkcs11Signer.tokenGone(initFailed("CKR_OBJECT_HANDLE_INVALID")));
        assertTrue(Pkcs11Signer.tokenGone(initFailed("CKR_DEVICE_REMOVED")));
        assertTrue(Pkcs11Signer.tokenGone(new SignatureException("sign failed", new PKCS11Exception("CKR_SESSION_HANDLE_INVALID"))));
        assertTrue(Pkcs11Signer.tokenGone(initFailed("CKR_TOKEN_NOT_PRESENT, vendor detail")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(Pkcs11Signer.tokenGone(initFailed("CKR_KEY_TYPE_INCONSISTENT")));
        assertFalse(Pkcs11Signer.tokenGone(initFailed("CKR_DATA_LEN_RANGE")));
        assertFalse(Pkcs11Signer.tokenGone(new SignatureException("CKR_DEVICE_REMOVED"))); // not from PKCS#11
        assertFalse(Pkcs11Signer.tokenGone(new InvalidKeyException("init() failed")));
    }
}
