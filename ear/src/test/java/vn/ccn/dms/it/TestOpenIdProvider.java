package vn.ccn.dms.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID Connect provider played from the test JVM on the port Payara is configured with ({@code DMS_OIDC_ISSUER},
 * {@code DMS_OIDC_CLIENT_ID} in ear/pom.xml): discovery, a JWKS, and for the web sign-in an authorization endpoint
 * that signs in {@link #signedInUser} at once and a token endpoint that checks what a real provider checks (the
 * code used once, the redirect URI, the client, the PKCE S256 verifier) before it issues an ID token with the
 * sign-in's nonce.
 */
public final class TestOpenIdProvider implements AutoCloseable {

    public static final String AUDIENCE = "ccn-dms";
    public static final String WEB_CLIENT = "ccn-dms-web";

    private record Grant(String user, String nonce, String challenge, String redirectUri, String clientId) {
    }

    private final HttpServer server;
    private final KeyPair key;
    private final String issuer;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicInteger jwksReads = new AtomicInteger();
    private final AtomicInteger tokenRefusals = new AtomicInteger();
    private final java.util.Set<String> issuedIdTokens = ConcurrentHashMap.newKeySet();
    private final java.util.List<String> endedSessions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();

    /** Who the provider signs in at its authorization endpoint. */
    public volatile String signedInUser = "clerk.sct";
    /** When set, the authorization endpoint answers with this OAuth error instead of a code. */
    public volatile String error;
    /** When set, the ID token carries this nonce instead of the sign-in's. */
    public volatile String nonceOverride;

    private TestOpenIdProvider(HttpServer server, KeyPair key, String issuer) {
        this.server = server;
        this.key = key;
        this.issuer = issuer;
    }

    public static TestOpenIdProvider start() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        int port = Integer.parseInt(System.getenv("DMS_IT_OIDC_PORT"));
        String issuer = "http://127.0.0.1:" + port + "/realms/ccn";
        TestOpenIdProvider p = new TestOpenIdProvider(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0),
                g.generateKeyPair(), issuer);
        p.routes();
        p.server.start();
        return p;
    }

    public String issuer() {
        return issuer;
    }

    public KeyPair key() {
        return key;
    }

    public int jwksReads() {
        return jwksReads.get();
    }

    /** Token requests refused (wrong verifier, code reused, another redirect URI or client). */
    public int tokenRefusals() {
        return tokenRefusals.get();
    }

    private void routes() {
        String base = "/realms/ccn";
        server.createContext(base + "/.well-known/openid-configuration", x -> json(x, 200, Json.createObjectBuilder()
                .add("issuer", issuer).add("jwks_uri", issuer + "/protocol/openid-connect/certs")
                .add("authorization_endpoint", issuer + "/protocol/openid-connect/auth")
                .add("token_endpoint", issuer + "/protocol/openid-connect/token")
                .add("end_session_endpoint", issuer + "/protocol/openid-connect/logout")));
        server.createContext(base + "/protocol/openid-connect/certs", x -> {
            jwksReads.incrementAndGet();
            RSAPublicKey pub = (RSAPublicKey) key.getPublic();
            json(x, 200, Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("kty", "RSA").add("use", "sig").add("alg", "RS256").add("kid", "k1")
                    .add("n", b64(unsigned(pub.getModulus()))).add("e", b64(unsigned(pub.getPublicExponent()))))));
        });
        server.createContext(base + "/protocol/openid-connect/auth", this::authorize);
        server.createContext(base + "/protocol/openid-connect/token", this::token);
        server.createContext(base + "/protocol/openid-connect/logout", x -> {
            Map<String, String> q = form(x.getRequestURI().getRawQuery());
            String hint = q.get("id_token_hint");
            String back = q.get("post_logout_redirect_uri");
            if (hint == null || !issuedIdTokens.contains(hint) || back == null
                    || !WEB_CLIENT.equals(q.get("client_id"))) {
                json(x, 400, Json.createObjectBuilder().add("error", "invalid_request"));
                return;
            }
            endedSessions.add(hint);
            x.getResponseHeaders().add("Location", back);
            x.sendResponseHeaders(302, -1);
            x.close();
        });
    }

    /** ID tokens whose sessions the application ended here (RP-initiated logout with the token as hint). */
    public java.util.List<String> endedSessions() {
        return java.util.List.copyOf(endedSessions);
    }

    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = form(x.getRequestURI().getRawQuery());
        String redirect = q.get("redirect_uri");
        if (redirect == null || !"code".equals(q.get("response_type")) || !"S256".equals(q.get("code_challenge_method"))
                || q.get("code_challenge") == null || q.get("state") == null || q.get("nonce") == null
                || !q.getOrDefault("scope", "").contains("openid")) {
            json(x, 400, Json.createObjectBuilder().add("error", "invalid_request"));
            return;
        }
        String answer;
        if (error != null) {
            answer = "error=" + enc(error) + "&state=" + enc(q.get("state"));
        } else {
            String code = b64(bytes(24));
            codes.put(code, new Grant(signedInUser, q.get("nonce"), q.get("code_challenge"), redirect, q.get("client_id")));
            answer = "code=" + enc(code) + "&state=" + enc(q.get("state"));
        }
        x.getResponseHeaders().add("Location", redirect + (redirect.contains("?") ? "&" : "?") + answer);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> f = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = f.get("code") == null ? null : codes.remove(f.get("code"));
        boolean ok = grant != null && "authorization_code".equals(f.get("grant_type"))
                && grant.redirectUri().equals(f.get("redirect_uri")) && WEB_CLIENT.equals(grant.clientId())
                && WEB_CLIENT.equals(f.get("client_id")) && f.get("code_verifier") != null
                && grant.challenge().equals(s256(f.get("code_verifier")));
        if (!ok) {
            tokenRefusals.incrementAndGet();
            json(x, 400, Json.createObjectBuilder().add("error", "invalid_grant"));
            return;
        }
        String idToken = sign(key, claims(grant.user()).add("aud", WEB_CLIENT)
                .add("nonce", nonceOverride != null ? nonceOverride : grant.nonce()));
        issuedIdTokens.add(idToken);
        json(x, 200, Json.createObjectBuilder().add("id_token", idToken).add("token_type", "Bearer")
                .add("access_token", sign(key, claims(grant.user()))).add("expires_in", 300));
    }

    /** Claims of a token for {@code username}: this issuer, the API's audience, valid for five minutes. */
    public JsonObjectBuilder claims(String username) {
        long now = Instant.now().getEpochSecond();
        return Json.createObjectBuilder().add("iss", issuer).add("aud", Json.createArrayBuilder().add("account").add(AUDIENCE))
                .add("iat", now).add("exp", now + 300).add("preferred_username", username);
    }

    /** An RS256 JWT of these claims signed by {@code signer} under key id k1. */
    public static String sign(KeyPair signer, JsonObjectBuilder claims) {
        try {
            String input = b64(Json.createObjectBuilder().add("alg", "RS256").add("kid", "k1").add("typ", "JWT").build()
                    .toString().getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.build().toString()
                    .getBytes(StandardCharsets.UTF_8));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(signer.getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(s.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String s256(String verifier) {
        try {
            return b64(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parameters of a query string or form body. */
    public static Map<String, String> form(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            m.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    /** The parameters of a URI's query. */
    public static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    private static void json(HttpExchange x, int status, JsonObjectBuilder body) throws IOException {
        byte[] bytes = body.build().toString().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
