package vn.ccn.dms.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Keys of an OpenID Connect provider's JWKS (RFC 7517/7518) become the same public keys the provider holds. */
class OpenIdProviderTest {

    private static String b64(BigInteger v) {
        byte[] bytes = v.toByteArray();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    @Test
    void rsaAndP256KeysAreReadOtherKindsAreSkipped() throws Exception {
        KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
        r.initialize(2048);
        RSAPublicKey rsa = (RSAPublicKey) r.generateKeyPair().getPublic();
        assertEquals(rsa, OpenIdProvider.publicKey(Json.createObjectBuilder().add("kty", "RSA").add("kid", "a")
                .add("n", b64(rsa.getModulus())).add("e", b64(rsa.getPublicExponent())).build()));

        KeyPairGenerator e = KeyPairGenerator.getInstance("EC");
        e.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey ec = (ECPublicKey) e.generateKeyPair().getPublic();
        assertEquals(ec, OpenIdProvider.publicKey(Json.createObjectBuilder().add("kty", "EC").add("crv", "P-256")
                .add("x", b64(ec.getW().getAffineX())).add("y", b64(ec.getW().getAffineY())).build()));

        assertNull(OpenIdProvider.publicKey(Json.createObjectBuilder().add("kty", "oct").add("k", "c2VjcmV0").build()),
                "a shared secret is never a provider key");
        assertNull(OpenIdProvider.publicKey(Json.createObjectBuilder().add("kty", "EC").add("crv", "P-521").build()));
        assertThrows(IllegalArgumentException.class, () -> OpenIdProvider.publicKey(Json.createObjectBuilder()
                .add("kty", "RSA").add("e", "AQAB").build()), "an RSA key without modulus");
    }
}
