package vn.ccn.dms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 2's production sign-in: an OpenID Connect provider ({@link TestOpenIdProvider}, served from the test JVM on
 * the port Payara is configured with) issues access tokens, which the API accepts as {@code Bearer} with the roles of
 * the directory, refusing forged, expired, misdirected tokens and users the directory does not have with 401 problem
 * JSON in Vietnamese; and it signs users in to the pages by the authorization code flow (PKCE, state, nonce), hop by
 * hop as a browser follows it, refusing replayed, foreign, denied and mismatched answers.
 */
@ExtendWith(ArquillianExtension.class)
class OpenIdConnectIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestOpenIdProvider provider;
    private static KeyPair stranger;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void provider() throws Exception {
        Fixtures.load();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        stranger = g.generateKeyPair();
        provider = TestOpenIdProvider.start();
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
    }

    @BeforeEach
    void signInAsTheClerk() {
        provider.signedInUser = "clerk.sct";
        provider.error = null;
        provider.nonceOverride = null;
    }

    @Test
    void aTokenOfTheProviderSignsInWithTheRolesOfTheDirectory() throws Exception {
        HttpResponse<String> me = get("api/v1/me", token(provider.key(), claims("clerk.sct")));
        assertEquals(200, me.statusCode(), me::body);
        JsonObject user = Json.createReader(new StringReader(me.body())).readObject();
        assertEquals("clerk.sct", user.getString("username"), me::body);
        assertTrue(user.toString().contains("CLERK"), "roles from the directory: " + me.body());
        // The roles are the directory's: a reader's token does not open an administrator's endpoint.
        HttpResponse<String> forbidden = get("api/v1/audit?actor=clerk.sct", token(provider.key(), claims("reader.sct")));
        assertEquals(403, forbidden.statusCode(), forbidden::body);
        assertTrue(provider.jwksReads() >= 1, "the keys came from the provider's JWKS");
    }

    @Test
    void forgedExpiredMisdirectedAndUnknownTokensAreRefused() throws Exception {
        String[] refused = {
            token(stranger, claims("clerk.sct")),                                                      // not the provider's key
            token(provider.key(), claims("clerk.sct").add("exp", Instant.now().minusSeconds(600).getEpochSecond())), // expired
            token(provider.key(), claims("clerk.sct").add("aud", "another-application")),           // another audience
            token(provider.key(), claims("clerk.sct").add("iss", "http://127.0.0.1:1/realms/other")), // another issuer
            "khong.phai.token",
        };
        for (String t : refused) {
            HttpResponse<String> r = get("api/v1/me", t);
            assertEquals(401, r.statusCode(), r::body);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r::body);
            assertTrue(r.body().contains("Mã đăng nhập (token) không hợp lệ hoặc đã hết hạn"), r::body);
        }
        HttpResponse<String> unknown = get("api/v1/me", token(provider.key(), claims("nguoi.la")));
        assertEquals(401, unknown.statusCode(), unknown::body);
        assertTrue(unknown.body().contains("không có hoặc đã bị khóa trong danh bạ"), unknown::body);
    }

    @Test
    void thePagesSignInAtTheProviderWithPkceStateAndNonce() throws Exception {
        WebClient browser = new WebClient();
        // 1. The application sends the browser to the provider with a PKCE challenge, a state and a nonce.
        HttpResponse<String> start = browser.get(Api.BASE.resolve("auth/oidc/login?next=%2Fapp%2Fregisters.xhtml"));
        assertEquals(302, start.statusCode(), start::body);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertTrue(authorize.toString().startsWith(provider.issuer() + "/protocol/openid-connect/auth?"), authorize::toString);
        var q = TestOpenIdProvider.query(authorize);
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals(TestOpenIdProvider.WEB_CLIENT, q.get("client_id"));
        assertTrue(q.get("state").length() >= 40 && q.get("nonce").length() >= 40, q::toString);
        assertEquals(Api.BASE.resolve("auth/oidc/callback").toString(), q.get("redirect_uri"));
        // 2. The provider answers the application with a code.
        HttpResponse<String> answer = browser.get(authorize);
        assertEquals(302, answer.statusCode(), answer::body);
        URI callback = URI.create(answer.headers().firstValue("Location").orElseThrow());
        String sessionBefore = browser.cookie("JSESSIONID");
        // 3. The application exchanges it (the provider checks the verifier) and goes on to the page first asked for.
        HttpResponse<String> done = browser.get(callback);
        assertEquals(302, done.statusCode(), done::body);
        assertEquals(Api.BASE.resolve("app/registers.xhtml").toString(), done.headers().firstValue("Location").orElseThrow());
        assertNotEquals(sessionBefore, browser.cookie("JSESSIONID"), "a new session id after the sign-in");
        HttpResponse<String> page = browser.get(Api.BASE.resolve("app/registers.xhtml"));
        assertEquals(200, page.statusCode(), page::body);
        assertTrue(page.body().contains("Người thử CLERK SCT"), "signed in as the clerk of the directory");
        assertTrue(page.body().contains("Đăng xuất"), "a signed-in page");
        // The same answer again (a replay) signs nobody in.
        WebClient replayer = new WebClient();
        HttpResponse<String> replay = replayer.get(callback);
        assertEquals(302, replay.statusCode());
        assertEquals(Api.BASE.resolve("login.xhtml?oidc=expired").toString(), replay.headers().firstValue("Location").orElseThrow());
        assertEquals(0, provider.tokenRefusals(), "the application sent the right verifier, redirect URI and client");
    }

    @Test
    void refusedSignInsComeBackToTheLoginPageWithTheReasonInVietnamese() throws Exception {
        provider.signedInUser = "nguoi.la";
        assertRefused("unknown", "Tài khoản định danh không có hoặc đã bị khóa trong danh bạ của hệ thống.");
        provider.signedInUser = "clerk.sct";
        provider.error = "access_denied";
        assertRefused("denied", "Hệ thống định danh không cho phép đăng nhập.");
        provider.error = null;
        provider.nonceOverride = "nonce-of-another-sign-in";
        assertRefused("refused", "Không xác thực được kết quả đăng nhập từ hệ thống định danh.");
        provider.nonceOverride = null;
        // An answer carrying a state this browser never started (cross-site request forgery).
        WebClient browser = new WebClient();
        HttpResponse<String> forged = browser.get(Api.BASE.resolve("auth/oidc/callback?code=abc&state=forged"));
        assertEquals(Api.BASE.resolve("login.xhtml?oidc=expired").toString(), forged.headers().firstValue("Location").orElseThrow());
        // The callback itself shows nothing to someone not signed in, and the pages still ask for a sign-in.
        assertEquals(302, browser.get(Api.BASE.resolve("app/index.xhtml")).statusCode());
    }

    private static void assertRefused(String reason, String message) throws Exception {
        WebClient browser = new WebClient();
        URI authorize = URI.create(browser.get(Api.BASE.resolve("auth/oidc/login")).headers().firstValue("Location").orElseThrow());
        URI callback = URI.create(browser.get(authorize).headers().firstValue("Location").orElseThrow());
        HttpResponse<String> refused = browser.get(callback);
        assertEquals(302, refused.statusCode(), refused::body);
        URI login = URI.create(refused.headers().firstValue("Location").orElseThrow());
        assertEquals(Api.BASE.resolve("login.xhtml?oidc=" + reason).toString(), login.toString());
        HttpResponse<String> page = browser.get(login);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(message), page::body);
        assertEquals(302, browser.get(Api.BASE.resolve("app/index.xhtml")).statusCode(), "not signed in");
    }

    /** A browser's cookie jar without automatic redirects, so that each hop can be checked. */
    private static final class WebClient {
        private final java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(URI uri) throws Exception {
            return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
        }
    }

    private static JsonObjectBuilder claims(String username) {
        return provider.claims(username);
    }

    private static String token(KeyPair signer, JsonObjectBuilder claims) {
        return TestOpenIdProvider.sign(signer, claims);
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(Api.BASE.resolve(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
