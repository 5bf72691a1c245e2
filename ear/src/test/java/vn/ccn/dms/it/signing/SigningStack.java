package vn.ccn.dms.it.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.ccn.dms.it.Api;
import vn.ccn.dms.it.Fixtures;
import vn.ccn.dms.pades.testpki.SystemTools;
import vn.ccn.dms.pades.testpki.TestDocuments;
import vn.ccn.dms.pades.testpki.TestPki;

/**
 * What the signing tests share for the whole test session: the test PKI on the reserved port (TSA, OCSP, CRLs),
 * its root in Payara's trust-anchor directory, a SoftHSM2 token holding the leader's key (when softhsm2 is
 * installed), PKCS#12 keystores for the organisations, and the signing configuration of the fixture agencies
 * made through the API as the administrator. Built once; the token exists before Payara first loads the PKCS#11
 * library, since SoftHSM2 reads its tokens when the library is initialised.
 */
public final class SigningStack {

    public static final Path SOFTHSM = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    public static final String LEADER_PIN = "246810";
    static final String REMOVABLE_TOKEN = "token-se-bi-rut";
    public static final String ORGANISATION_PIN = "mat-khau-to-chuc";
    static final String LEADER_P12_PASSWORD = "mat-khau-lanh-dao";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static SigningStack instance;

    public final TestPki pki;
    public final Path directory;
    /** The SoftHSM2 slot holding the leader's key, or null when softhsm2 is not installed (outside CI). */
    public final Long slot;
    /** A second token with the same key, which one test pulls out mid-batch; null without softhsm2. */
    public final Long removableSlot;

    private SigningStack() throws Exception {
        directory = Path.of(System.getenv("DMS_IT_PKI_DIR"));
        deleteRecursively(directory);
        Files.createDirectories(directory.resolve("anchors"));
        pki = new TestPki(Integer.parseInt(System.getenv("DMS_IT_PKI_PORT")));
        Runtime.getRuntime().addShutdownHook(new Thread(pki::close));
        Files.writeString(directory.resolve("anchors/test-root.pem"), pem(pki.rootCertificate()));
        // Organisations sign with PKCS#12 keystores (the development path); the leader with the token.
        Files.move(TestPki.pkcs12(pki.ecSigner(), ORGANISATION_PIN.toCharArray(), directory), directory.resolve("sct.p12"));
        Files.move(TestPki.pkcs12(pki.ecSigner(), ORGANISATION_PIN.toCharArray(), directory), directory.resolve("stc.p12"));
        Files.move(TestPki.pkcs12(pki.rsaSigner(), LEADER_P12_PASSWORD.toCharArray(), directory), directory.resolve("leader.p12"));
        Files.move(TestPki.pkcs12(pki.revokedSigner(), LEADER_P12_PASSWORD.toCharArray(), directory), directory.resolve("revoked.p12"));
        Files.move(TestPki.pkcs12(pki.expiredSigner(), LEADER_P12_PASSWORD.toCharArray(), directory), directory.resolve("expired.p12"));
        long[] slots = softHsmAvailable() ? initTokens() : null;
        slot = slots == null ? null : slots[0];
        removableSlot = slots == null ? null : slots[1];
    }

    public static synchronized SigningStack get() {
        if (instance == null) {
            try {
                instance = new SigningStack();
                Fixtures.load();
                instance.configure();
            } catch (Exception e) {
                throw new IllegalStateException("cannot set up the signing test stack", e);
            }
        }
        return instance;
    }

    public static boolean softHsmAvailable() {
        return Files.isReadable(SOFTHSM) && SystemTools.onPath("softhsm2-util");
    }

    /** Fails under CI=true, skips elsewhere, when SoftHSM2 is missing. */
    public static void requireSoftHsm() {
        SystemTools.require(softHsmAvailable(), "softhsm2");
    }

    /** The PIN (or keystore password) of the credential the leader of SCT signs with. */
    public String leaderPin() {
        return slot != null ? LEADER_PIN : LEADER_P12_PASSWORD;
    }

    /**
     * Makes both tokens with softhsm2-util first, then puts the leader's key into each through SunPKCS11: SoftHSM2
     * reads the token directory when the library is initialised, so a token made after this JVM first loaded the
     * library would be an invalid slot here.
     */
    private long[] initTokens() throws Exception {
        Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
        Path tokens = conf.getParent().resolve("tokens");
        deleteRecursively(conf.getParent());
        Files.createDirectories(tokens);
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        List<String> labels = List.of("lanh-dao-sct", REMOVABLE_TOKEN);
        long[] slots = new long[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            String init = SystemTools.run(List.of("softhsm2-util", "--init-token", "--free", "--label", labels.get(i), "--pin",
                    LEADER_PIN, "--so-pin", "13579"), Map.of("SOFTHSM2_CONF", conf.toString()));
            Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(init);
            assertTrue(m.find(), init);
            slots[i] = Long.parseLong(m.group(1));
        }
        for (int i = 0; i < slots.length; i++) {
            // The key goes into the token through SunPKCS11 (C_CreateObject); from then on it is used only inside it.
            Provider provider = Security.getProvider("SunPKCS11").configure("--name=itimport-" + labels.get(i) + "\nlibrary="
                    + SOFTHSM + "\nslot=" + slots[i] + "\n");
            KeyStore ks = KeyStore.getInstance("PKCS11", provider);
            ks.load(null, LEADER_PIN.toCharArray());
            ks.setKeyEntry("lanh-dao", pki.rsaSigner().key(), null, pki.rsaSigner().chain().toArray(new X509Certificate[0]));
            ((AuthProvider) provider).logout();
        }
        return slots;
    }

    /**
     * Pulls the removable token out as far as software can: SoftHSM2 deletes its files, so the key objects the
     * server's open session points at are gone and the next signing operation on them fails.
     */
    public void removeToken() throws Exception {
        SystemTools.run(List.of("softhsm2-util", "--delete-token", "--token", REMOVABLE_TOKEN),
                Map.of("SOFTHSM2_CONF", System.getenv("SOFTHSM2_CONF")));
    }

    private void configure() {
        Api admin = Fixtures.admin();
        JsonObject leaderCredential = slot != null
                ? Json.createObjectBuilder().add("kind", "PKCS11").add("library", SOFTHSM.toString()).add("slotId", slot)
                        .add("keyAlias", "lanh-dao").build()
                : Json.createObjectBuilder().add("kind", "PKCS12").add("file", "leader.p12").build();
        ok(put(admin, "api/v1/signature/credentials/users/leader.sct", leaderCredential));
        ok(put(admin, "api/v1/signature/credentials/users/leader.stc",
                Json.createObjectBuilder().add("kind", "PKCS12").add("file", "leader.p12").build()));
        // The commune's leader signs through a desktop signing agent: only the chain is registered.
        ok(put(admin, "api/v1/signature/credentials/users/leader.xa",
                Json.createObjectBuilder().add("kind", "EXTERNAL").add("certificateChain", pemChain(pki.rsaSigner().chain())).build()));
        ok(put(admin, "api/v1/signature/credentials/agencies/" + Fixtures.SCT,
                Json.createObjectBuilder().add("kind", "PKCS12").add("file", "sct.p12").build()));
        ok(put(admin, "api/v1/signature/credentials/agencies/" + Fixtures.STC,
                Json.createObjectBuilder().add("kind", "PKCS12").add("file", "stc.p12").build()));
        byte[] signature = png(TestDocuments::signatureImagePng);
        byte[] seal = png(TestDocuments::sealImagePng);
        for (String leader : List.of("leader.sct", "leader.stc", "leader.xa")) {
            assertEquals(204, putBytes(admin, "api/v1/signature/users/" + leader + "/signature-image", "image/png", signature).status());
        }
        for (String agency : List.of(Fixtures.SCT, Fixtures.STC, Fixtures.COMMUNE)) {
            ok(put(admin, "api/v1/signature/agencies/" + agency + "/place", Json.createObjectBuilder().add("placeName", "Lạng Sơn").build()));
            ok(putBytes(admin, "api/v1/signature/agencies/" + agency + "/seal?widthMm=36&heightMm=36", "image/png", seal));
        }
    }

    interface PngSource {
        byte[] get() throws IOException;
    }

    private static byte[] png(PngSource source) {
        try {
            return source.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ok(Api.Answer answer) {
        assertEquals(200, answer.status(), answer::toString);
    }

    public static Api.Answer put(Api api, String path, JsonObject body) {
        return putBytes(api, path, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Api.Answer putBytes(Api api, String path, String contentType, byte[] body) {
        String password = "admin".equals(api.username) ? System.getenv("DMS_BOOTSTRAP_ADMIN_PASSWORD") : Fixtures.PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(Api.BASE.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((api.username + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Api.Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A page of Faces with Basic authentication (the mechanism accepts it on every request). */
    public static Api.Answer page(String username, String path) {
        return Api.as(username, Fixtures.PASSWORD).get(path);
    }

    static String pem(X509Certificate c) {
        return pemChain(List.of(c));
    }

    static String pemChain(List<X509Certificate> chain) {
        return vn.ccn.dms.pades.crypto.Pem.format(chain);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static URI base() {
        return Api.BASE;
    }
}
