package vn.ccn.dms.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The production identity provider, when one is configured ({@code dms.oidc.issuer}): API clients send its access
 * tokens as {@code Authorization: Bearer}. The provider's signing keys are read from its JWKS (found through the
 * discovery document unless {@code dms.oidc.jwks-uri} is given), kept for {@code dms.oidc.jwks-cache-minutes}, and
 * read again at once (at most every 30 s) when a token names a key not seen yet, which is how key rotation shows.
 * The application's roles and agency still come from the directory: the token says who, the directory says what
 * they may do.
 */
@ApplicationScoped
public class OpenIdProvider {

    private static final Logger LOG = Logger.getLogger(OpenIdProvider.class.getName());
    private static final Duration MIN_REFETCH = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    @ConfigProperty(name = "dms.oidc.issuer")
    private Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "dms.oidc.audience")
    private Optional<String> audience;

    @Inject
    @ConfigProperty(name = "dms.oidc.jwks-uri")
    private Optional<String> jwksUri;

    @Inject
    @ConfigProperty(name = "dms.oidc.username-claim", defaultValue = "preferred_username")
    private String usernameClaim;

    @Inject
    @ConfigProperty(name = "dms.oidc.jwks-cache-minutes", defaultValue = "10")
    private long cacheMinutes;

    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile Instant fetchedAt = Instant.EPOCH;

    public boolean enabled() {
        return issuer.filter(s -> !s.isBlank()).isPresent();
    }

    /** The user name of a valid token of the provider. */
    public String verify(String token) throws JwtVerifier.InvalidToken {
        if (!enabled()) {
            throw new JwtVerifier.InvalidToken("no OpenID Connect provider configured");
        }
        String aud = audience.filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("dms.oidc.audience must be set with dms.oidc.issuer"));
        return new JwtVerifier(issuer.get().trim(), aud.trim(), usernameClaim, this::key, Clock.systemUTC()).verify(token);
    }

    private PublicKey key(String kid) {
        Instant now = Instant.now();
        boolean stale = fetchedAt.plus(Duration.ofMinutes(cacheMinutes)).isBefore(now);
        PublicKey known = keys.get(kid == null ? "" : kid);
        if (known != null && !stale) {
            return known;
        }
        if (stale || fetchedAt.plus(MIN_REFETCH).isBefore(now)) {
            refresh(now);
        }
        return keys.get(kid == null ? "" : kid);
    }

    private synchronized void refresh(Instant now) {
        if (fetchedAt.plus(MIN_REFETCH).isAfter(now) && !keys.isEmpty()) {
            return; // another thread just did
        }
        fetchedAt = now;
        try {
            String uri = jwksUri.filter(s -> !s.isBlank()).orElseGet(this::discoveredJwksUri);
            Map<String, PublicKey> fresh = new HashMap<>();
            var jwks = get(uri).getJsonArray("keys");
            for (JsonValue v : jwks) {
                JsonObject k = v.asJsonObject();
                if (k.containsKey("use") && !"sig".equals(k.getString("use", ""))) {
                    continue;
                }
                PublicKey key = publicKey(k);
                if (key != null) {
                    fresh.put(k.getString("kid", ""), key);
                    if (jwks.size() == 1) {
                        fresh.putIfAbsent("", key); // a token without kid may use the only key
                    }
                }
            }
            keys = Map.copyOf(fresh);
        } catch (RuntimeException | IOException | GeneralSecurityException e) {
            LOG.log(Level.WARNING, "cannot read the OpenID Connect provider's keys; tokens are refused until it answers", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String discoveredJwksUri() {
        String base = issuer.get().trim();
        try {
            JsonObject discovery = get((base.endsWith("/") ? base : base + "/") + ".well-known/openid-configuration");
            if (!base.equals(discovery.getString("issuer", null))) {
                throw new IllegalStateException("the discovery document names another issuer: " + discovery.get("issuer"));
            }
            return discovery.getString("jwks_uri");
        } catch (IOException e) {
            throw new IllegalStateException("discovery failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonObject get(String uri) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(uri + " answered " + r.statusCode());
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    /** An RSA or P-256 key of a JWK (RFC 7517/7518), or null for another kind. */
    static PublicKey publicKey(JsonObject jwk) throws GeneralSecurityException {
        String kty = jwk.getString("kty", "");
        if ("RSA".equals(kty)) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(unsigned(jwk, "n"), unsigned(jwk, "e")));
        }
        if ("EC".equals(kty) && "P-256".equals(jwk.getString("crv", ""))) {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(unsigned(jwk, "x"),
                    unsigned(jwk, "y")), spec));
        }
        return null;
    }

    private static BigInteger unsigned(JsonObject jwk, String name) {
        JsonValue v = jwk.get(name);
        if (!(v instanceof JsonString s)) {
            throw new IllegalArgumentException("JWK without " + name);
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(s.getString()));
    }
}
