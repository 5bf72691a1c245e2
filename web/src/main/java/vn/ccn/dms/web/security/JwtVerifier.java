package vn.ccn.dms.web.security;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks an OpenID Connect access or ID token (a signed JWT, RFC 7519 / RFC 7515) the way a relying party must: a
 * signature by a key of the provider (RS256 or ES256 only; {@code none} and shared-secret algorithms are refused,
 * so a token cannot choose how it is checked), the issuer, the audience, the expiry and not-before times with a
 * small clock skew, and a user name in the configured claim. No JWT library: the JDK verifies the signature.
 */
public final class JwtVerifier {

    /** Longest token accepted; real access tokens are a few kilobytes. */
    static final int MAX_LENGTH = 16_384;
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final jakarta.json.JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final Map<String, String> ALGORITHMS = Map.of(
            "RS256", "SHA256withRSA",
            "ES256", "SHA256withECDSAinP1363Format");

    /** Why a token was refused; the message is for logs, the caller answers with one Vietnamese sentence. */
    public static final class InvalidToken extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidToken(String message) {
            super(message);
        }
    }

    private final String issuer;
    private final String audience;
    private final String usernameClaim;
    private final Function<String, PublicKey> keys;
    private final Clock clock;

    /**
     * @param keys the provider's key for a key id ({@code kid}, or {@code null} when the token names none), or
     *             {@code null} when unknown
     */
    public JwtVerifier(String issuer, String audience, String usernameClaim, Function<String, PublicKey> keys, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.usernameClaim = Objects.requireNonNull(usernameClaim, "usernameClaim");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The user name the token carries, once everything about it has been checked. */
    public String verify(String token) throws InvalidToken {
        return verify(token, null);
    }

    /**
     * As {@link #verify(String)}, for an ID token of the web sign-in (OpenID Connect Core 1.0, 3.1.3.7): when
     * {@code expectedNonce} is given, the token's {@code nonce} must be exactly it, so a token obtained for another
     * sign-in cannot be replayed into this one.
     */
    public String verify(String token, String expectedNonce) throws InvalidToken {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            throw new InvalidToken("missing or oversized token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidToken("not a signed JWT (three parts)");
        }
        JsonObject header = json(parts[0], "header");
        String algorithm = string(header, "alg");
        String javaAlgorithm = algorithm == null ? null : ALGORITHMS.get(algorithm);
        if (javaAlgorithm == null) {
            throw new InvalidToken("algorithm not accepted: " + algorithm);
        }
        PublicKey key = keys.apply(string(header, "kid"));
        if (key == null) {
            throw new InvalidToken("no key of the provider for kid " + string(header, "kid"));
        }
        boolean rsa = algorithm.startsWith("RS");
        if (rsa != "RSA".equals(key.getAlgorithm())) {
            throw new InvalidToken("key type does not match the algorithm " + algorithm);
        }
        try {
            Signature verifier = Signature.getInstance(javaAlgorithm);
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(decode(parts[2], "signature"))) {
                throw new InvalidToken("bad signature");
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidToken("signature not verifiable: " + e.getMessage());
        }
        JsonObject claims = json(parts[1], "claims");
        if (!issuer.equals(string(claims, "iss"))) {
            throw new InvalidToken("issuer " + string(claims, "iss"));
        }
        if (!audienceMatches(claims.get("aud"))) {
            throw new InvalidToken("audience " + claims.get("aud"));
        }
        Instant now = clock.instant();
        Instant expires = time(claims, "exp");
        if (expires == null || !now.isBefore(expires.plus(SKEW))) {
            throw new InvalidToken("expired or without expiry");
        }
        Instant notBefore = time(claims, "nbf");
        if (notBefore != null && now.plus(SKEW).isBefore(notBefore)) {
            throw new InvalidToken("not valid yet");
        }
        if (expectedNonce != null && !expectedNonce.equals(string(claims, "nonce"))) {
            throw new InvalidToken("nonce does not match this sign-in");
        }
        if (expectedNonce != null && claims.containsKey("azp") && !audience.equals(string(claims, "azp"))) {
            throw new InvalidToken("ID token authorized for another party: " + claims.get("azp"));
        }
        String username = string(claims, usernameClaim);
        if (username == null || username.isBlank() || username.length() > 64) {
            throw new InvalidToken("no user name in claim " + usernameClaim);
        }
        return username;
    }

    private boolean audienceMatches(JsonValue aud) {
        if (aud instanceof JsonString s) {
            return audience.equals(s.getString());
        }
        if (aud instanceof JsonArray a) {
            return a.stream().anyMatch(v -> v instanceof JsonString s && audience.equals(s.getString()));
        }
        return false;
    }

    private static JsonObject json(String part, String what) throws InvalidToken {
        byte[] bytes = decode(part, what);
        try (JsonReader reader = READERS.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject o)) {
                throw new InvalidToken(what + " is not a JSON object");
            }
            return o;
        } catch (jakarta.json.JsonException e) {
            throw new InvalidToken(what + " is not JSON");
        }
    }

    private static byte[] decode(String part, String what) throws InvalidToken {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidToken(what + " is not base64url");
        }
    }

    private static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonString s ? s.getString() : null;
    }

    private static Instant time(JsonObject o, String name) throws InvalidToken {
        JsonValue v = o.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonNumber n)) {
            throw new InvalidToken(name + " is not a number");
        }
        return Instant.ofEpochSecond(n.longValue());
    }
}
