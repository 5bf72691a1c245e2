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
 *
 * <p>With {@code dms.oidc.client-id} too, the pages offer sign-in at the provider: the authorization code flow with
 * PKCE, state and nonce (OpenID Connect Core 1.0 section 3.1; RFC 7636), the code exchanged at the token endpoint
 * (as a confidential client with {@code dms.oidc.client-secret}, else as a public one), and the ID token checked
 * like an access token, with this client as its audience and the sign-in's nonce.
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

    @Inject
    @ConfigProperty(name = "dms.oidc.client-id")
    private Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "dms.oidc.client-secret")
    private Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "dms.oidc.scope", defaultValue = "openid profile")
    private String scope;

    @Inject
    @ConfigProperty(name = "dms.oidc.redirect-uri")
    private Optional<String> redirectUri;

    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile Instant fetchedAt = Instant.EPOCH;
    private volatile JsonObject discovery;
    private volatile Instant discoveredAt = Instant.EPOCH;

    public boolean enabled() {
        return issuer.filter(s -> !s.isBlank()).isPresent();
    }

    /** Whether the pages offer sign-in at the provider: an issuer and this application's client id are configured. */
    public boolean webSignInEnabled() {
        return enabled() && clientId.filter(s -> !s.isBlank()).isPresent();
    }

    /**
     * One sign-in under way, kept in the user's session between the redirect to the provider and its answer:
     * {@code state} ties the answer to this browser (CSRF), {@code nonce} ties the ID token to this sign-in (replay),
     * the PKCE {@code verifier} (RFC 7636) makes a stolen code useless.
     */
    public record PendingSignIn(String state, String nonce, String verifier, String next, Instant started)
            implements java.io.Serializable {
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    public PendingSignIn newSignIn(String next, Instant now) {
        return new PendingSignIn(random(), random(), random(), next, now);
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Where this application receives the provider's answer: {@code dms.oidc.redirect-uri}, else this server's. */
    public String redirectUri(jakarta.servlet.http.HttpServletRequest request) {
        return redirectUri.filter(s -> !s.isBlank()).orElseGet(() -> applicationUrl(request) + CALLBACK_PATH);
    }

    /** This application's absolute address as the browser reached it: scheme, host, port and context path. */
    public static String applicationUrl(jakarta.servlet.http.HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }

    /** The path of the provider's answer, handled by {@link DmsAuthenticationMechanism}. */
    public static final String CALLBACK_PATH = "/auth/oidc/callback";

    /** The provider's authorization endpoint with this sign-in's parameters (authorization code flow, PKCE S256). */
    public URI authorizationUri(PendingSignIn signIn, String redirect) throws IOException {
        String endpoint = discovered("authorization_endpoint");
        String challenge;
        try {
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(signIn.verifier().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(Map.of(
                "response_type", "code", "client_id", clientId.orElseThrow().trim(), "redirect_uri", redirect,
                "scope", scope, "state", signIn.state(), "nonce", signIn.nonce(),
                "code_challenge", challenge, "code_challenge_method", "S256")));
    }

    /** A finished sign-in: the user the ID token names, and the token itself (the hint for signing out there). */
    public record SignedIn(String username, String idToken) {
    }

    /**
     * Exchanges the provider's code for tokens at its token endpoint and returns the user of the ID token, which
     * must be signed by the provider, issued to this client, unexpired and carry this sign-in's nonce.
     */
    public SignedIn signIn(String code, PendingSignIn signIn, String redirect) throws JwtVerifier.InvalidToken, IOException {
        if (code == null || code.isBlank() || code.length() > 4096) {
            throw new JwtVerifier.InvalidToken("no usable authorization code");
        }
        String client = clientId.orElseThrow().trim();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", redirect);
        fields.put("code_verifier", signIn.verifier());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(discovered("token_endpoint")))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (clientSecret.filter(s -> !s.isBlank()).isPresent()) {
            // client_secret_basic (RFC 6749 2.3.1): both parts form-encoded before Base64.
            String basic = enc(client) + ":" + enc(clientSecret.get());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    basic.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } else {
            fields.put("client_id", client); // a public client: PKCE is its proof
        }
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (answer.statusCode() != 200) {
            throw new JwtVerifier.InvalidToken("the token endpoint answered " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(200, answer.body().length())));
        }
        String idToken;
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            idToken = reader.readObject().getString("id_token", null);
        } catch (RuntimeException e) {
            throw new JwtVerifier.InvalidToken("the token endpoint's answer is not JSON");
        }
        if (idToken == null) {
            throw new JwtVerifier.InvalidToken("the token endpoint gave no ID token (is 'openid' in dms.oidc.scope?)");
        }
        return new SignedIn(new JwtVerifier(issuer.get().trim(), client, usernameClaim, this::key, Clock.systemUTC())
                .verify(idToken, signIn.nonce()), idToken);
    }

    /**
     * Where to send the browser so that the provider ends its own session too (OpenID Connect RP-Initiated Logout
     * 1.0), coming back to {@code afterwards}; empty when the provider names no {@code end_session_endpoint} or
     * cannot be reached, in which case only this application's session ends.
     */
    public Optional<URI> endSessionUri(String idToken, String afterwards) {
        if (!webSignInEnabled() || idToken == null) {
            return Optional.empty();
        }
        try {
            String endpoint = discovered("end_session_endpoint");
            return Optional.of(URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(Map.of(
                    "id_token_hint", idToken, "client_id", clientId.orElseThrow().trim(),
                    "post_logout_redirect_uri", afterwards))));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "no sign-out at the provider: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String form(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return b.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An endpoint named by the provider's discovery document, read again after {@code jwks-cache-minutes}. */
    private String discovered(String name) throws IOException {
        JsonObject d = discovery;
        if (d == null || discoveredAt.plus(Duration.ofMinutes(cacheMinutes)).isBefore(Instant.now())) {
            d = discoveryDocument();
        }
        String value = d.getString(name, null);
        if (value == null || !(value.startsWith("https://") || value.startsWith("http://"))) {
            throw new IOException("the provider's discovery document has no usable " + name);
        }
        return value;
    }

    private JsonObject discoveryDocument() throws IOException {
        String base = issuer.get().trim();
        try {
            JsonObject d = get((base.endsWith("/") ? base : base + "/") + ".well-known/openid-configuration");
            if (!base.equals(d.getString("issuer", null))) {
                throw new IOException("the discovery document names another issuer: " + d.get("issuer"));
            }
            discovery = d;
            discoveredAt = Instant.now();
            return d;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (RuntimeException e) {
            throw new IOException("the provider's discovery document is unreadable", e);
        }
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
        try {
            return discoveryDocument().getString("jwks_uri");
        } catch (IOException e) {
            throw new IllegalStateException("discovery failed", e);
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
