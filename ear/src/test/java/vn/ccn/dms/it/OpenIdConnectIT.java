package vn.ccn.dms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 2's production sign-in: an OpenID Connect provider (played here by a discovery document and a JWKS served
 * from the test JVM on a reserved port, configured in Payara by {@code DMS_OIDC_ISSUER}) issues access tokens; the
 * API accepts them as {@code Bearer}, takes the roles from the directory, and refuses forged, expired, misdirected
 * tokens and users the directory does not have, with 401 problem JSON in Vietnamese.
 */
@ExtendWith(ArquillianExtension.class)
class OpenIdConnectIT {

    private static final String AUDIENCE = "ccn-dms";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static HttpServer provider;
    private static KeyPair key;
    private static KeyPair stranger;
    private static String issuer;
    private static final AtomicInteger JWKS_READS = new AtomicInteger();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void provider() throws Exception {
        Fixtures.load();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        key = g.generateKeyPair();
        stranger = g.generateKeyPair();
        int port = Integer.parseInt(System.getenv("DMS_IT_OIDC_PORT"));
        issuer = "http://127.0.0.1:" + port + "/realms/ccn";
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        provider.createContext("/realms/ccn/.well-known/openid-configuration", exchange -> {
            byte[] body = Json.createObjectBuilder().add("issuer", issuer).add("jwks_uri", issuer + "/protocol/openid-connect/certs")
                    .build().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.createContext("/realms/ccn/protocol/openid-connect/certs", exchange -> {
            JWKS_READS.incrementAndGet();
            RSAPublicKey pub = (RSAPublicKey) key.getPublic();
            byte[] body = Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("kty", "RSA").add("use", "sig").add("alg", "RS256").add("kid", "k1")
                    .add("n", b64(unsigned(pub.getModulus()))).add("e", b64(unsigned(pub.getPublicExponent())))))
                    .build().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.stop(0);
        }
    }

    @Test
    void aTokenOfTheProviderSignsInWithTheRolesOfTheDirectory() throws Exception {
        HttpResponse<String> me = get("api/v1/me", token(key, claims("clerk.sct")));
        assertEquals(200, me.statusCode(), me::body);
        JsonObject user = Json.createReader(new StringReader(me.body())).readObject();
        assertEquals("clerk.sct", user.getString("username"), me::body);
        assertTrue(user.toString().contains("CLERK"), "roles from the directory: " + me.body());
        // The roles are the directory's: a reader's token does not open an administrator's endpoint.
        HttpResponse<String> forbidden = get("api/v1/audit?actor=clerk.sct", token(key, claims("reader.sct")));
        assertEquals(403, forbidden.statusCode(), forbidden::body);
        assertTrue(JWKS_READS.get() >= 1, "the keys came from the provider's JWKS");
    }

    @Test
    void forgedExpiredMisdirectedAndUnknownTokensAreRefused() throws Exception {
        String[] refused = {
            token(stranger, claims("clerk.sct")),                                                      // not the provider's key
            token(key, claims("clerk.sct").add("exp", Instant.now().minusSeconds(600).getEpochSecond())), // expired
            token(key, claims("clerk.sct").add("aud", "another-application")),                      // another audience
            token(key, claims("clerk.sct").add("iss", "http://127.0.0.1:1/realms/other")),          // another issuer
            "khong.phai.token",
        };
        for (String t : refused) {
            HttpResponse<String> r = get("api/v1/me", t);
            assertEquals(401, r.statusCode(), r::body);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r::body);
            assertTrue(r.body().contains("Mã đăng nhập (token) không hợp lệ hoặc đã hết hạn"), r::body);
        }
        HttpResponse<String> unknown = get("api/v1/me", token(key, claims("nguoi.la")));
        assertEquals(401, unknown.statusCode(), unknown::body);
        assertTrue(unknown.body().contains("không có hoặc đã bị khóa trong danh bạ"), unknown::body);
    }

    private static JsonObjectBuilder claims(String username) {
        long now = Instant.now().getEpochSecond();
        return Json.createObjectBuilder().add("iss", issuer).add("aud", Json.createArrayBuilder().add("account").add(AUDIENCE))
                .add("iat", now).add("exp", now + 300).add("preferred_username", username);
    }

    private static String token(KeyPair signer, JsonObjectBuilder claims) throws Exception {
        String input = b64(Json.createObjectBuilder().add("alg", "RS256").add("kid", "k1").add("typ", "JWT").build().toString()
                .getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.build().toString().getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(signer.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(s.sign());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(Api.BASE.resolve(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
