package vn.ccn.dms.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Access tokens of an OpenID Connect provider: what is accepted, and each way a token is refused. */
class JwtVerifierTest {

    static final String ISSUER = "https://sso.langson.gov.vn/realms/ccn";
    static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    static KeyPair rsa;
    static KeyPair ec;
    static KeyPair stranger;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
        r.initialize(2048);
        rsa = r.generateKeyPair();
        stranger = r.generateKeyPair();
        KeyPairGenerator e = KeyPairGenerator.getInstance("EC");
        e.initialize(new ECGenParameterSpec("secp256r1"));
        ec = e.generateKeyPair();
    }

    private static JwtVerifier verifier() {
        Map<String, PublicKey> known = Map.of("rsa-1", rsa.getPublic(), "ec-1", ec.getPublic());
        return new JwtVerifier(ISSUER, "ccn-dms", "preferred_username", kid -> kid == null ? null : known.get(kid),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String token(String alg, String kid, KeyPair key, JsonObject claims) throws Exception {
        String signingInput = b64(Json.createObjectBuilder().add("alg", alg).add("kid", kid).add("typ", "JWT").build().toString())
                + "." + b64(claims.toString());
        Signature s = Signature.getInstance(alg.startsWith("RS") ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
        s.initSign(key.getPrivate());
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    static jakarta.json.JsonObjectBuilder claims() {
        return Json.createObjectBuilder().add("iss", ISSUER).add("aud", Json.createArrayBuilder().add("account").add("ccn-dms"))
                .add("exp", NOW.plusSeconds(300).getEpochSecond()).add("iat", NOW.getEpochSecond())
                .add("preferred_username", "clerk.sct");
    }

    @Test
    void rs256AndEs256TokensOfTheProviderNameTheUser() throws Exception {
        assertEquals("clerk.sct", verifier().verify(token("RS256", "rsa-1", rsa, claims().build())));
        assertEquals("clerk.sct", verifier().verify(token("ES256", "ec-1", ec, claims().add("aud", "ccn-dms").build())));
    }

    @Test
    void forgedAlteredOrMisdirectedTokensAreRefused() throws Exception {
        JwtVerifier v = verifier();
        // signed by a key that is not the provider's
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(token("RS256", "rsa-1", stranger, claims().build())));
        // claims changed after signing
        String good = token("RS256", "rsa-1", rsa, claims().build());
        String[] p = good.split("\\.");
        String altered = p[0] + "." + b64(claims().add("preferred_username", "admin").build().toString()) + "." + p[2];
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(altered));
        // another issuer, another audience, no user name
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(token("RS256", "rsa-1", rsa, claims().add("iss", "https://evil").build())));
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(token("RS256", "rsa-1", rsa, claims().add("aud", "other-app").build())));
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(token("RS256", "rsa-1", rsa, claims().remove("preferred_username").build())));
        // a key id the provider does not have; an RSA token naming the EC key
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(token("RS256", "rsa-9", rsa, claims().build())));
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(token("RS256", "ec-1", rsa, claims().build())));
    }

    @Test
    void anIdTokenMustCarryTheNonceOfThisSignIn() throws Exception {
        JwtVerifier v = verifier();
        String withNonce = token("RS256", "rsa-1", rsa, claims().add("nonce", "n-123").build());
        assertEquals("clerk.sct", v.verify(withNonce, "n-123"));
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(withNonce, "n-456"));
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(token("RS256", "rsa-1", rsa, claims().build()), "n-123"));
        // An ID token handed to another client (its authorized party) is not this sign-in's.
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(token("RS256", "rsa-1", rsa,
                claims().add("nonce", "n-123").add("azp", "another-client").build()), "n-123"));
        // An access token has no nonce; the API does not ask for one.
        assertEquals("clerk.sct", v.verify(withNonce));
    }

    @Test
    void expiredAndNotYetValidTokensAreRefusedBeyondTheSkew() throws Exception {
        JwtVerifier v = verifier();
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(token("RS256", "rsa-1", rsa,
                claims().add("exp", NOW.minusSeconds(61).getEpochSecond()).build())));
        assertEquals("clerk.sct", v.verify(token("RS256", "rsa-1", rsa, claims().add("exp", NOW.minusSeconds(30).getEpochSecond()).build())));
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(token("RS256", "rsa-1", rsa,
                claims().add("nbf", NOW.plusSeconds(120).getEpochSecond()).build())));
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(token("RS256", "rsa-1", rsa, claims().remove("exp").build())));
    }

    @Test
    void theTokenCannotChooseHowItIsChecked() throws Exception {
        JwtVerifier v = verifier();
        String body = b64(claims().build().toString());
        // alg none, unsigned
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(b64("{\"alg\":\"none\",\"kid\":\"rsa-1\"}") + "." + body + "."));
        // HS256 with the public key as the shared secret (the classic key-confusion attack)
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(rsa.getPublic().getEncoded(), "HmacSHA256"));
        String input = b64("{\"alg\":\"HS256\",\"kid\":\"rsa-1\"}") + "." + body;
        String hs = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(hs));
    }

    @Test
    void garbageIsRefusedNotThrown() {
        JwtVerifier v = verifier();
        for (String bad : new String[] {"", "abc", "a.b", "a.b.c.d", "!!!.@@@.###", b64("[]") + ".e30.", "x".repeat(20_000)}) {
            assertThrows(JwtVerifier.InvalidToken.class, () -> v.verify(bad), bad.length() > 40 ? "long" : bad);
        }
    }
}
