package vn.ccn.dms.devstack.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's signing set-up: keystores that open with the demo PIN, the anchor, and a PKI that answers. */
class DemoSigningTest {

    @Test
    void keysOpenWithThePinChainToTheAnchorAndTheCrlIsServed(@TempDir Path dir) throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("signing")).resolve("left-over.txt"), "old run");
        try (DemoSigning signing = DemoSigning.start(dir.resolve("signing"), "pin-demo-123")) {
            assertTrue(Files.notExists(dir.resolve("signing/left-over.txt")), "made anew at each start");
            X509Certificate anchor;
            try (InputStream in = Files.newInputStream(dir.resolve("signing/anchors/demo-root.pem"))) {
                anchor = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            for (String file : new String[] {DemoSigning.LEADER_KEYSTORE, DemoSigning.AGENCY_KEYSTORE}) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(dir.resolve("signing").resolve(file))) {
                    ks.load(in, "pin-demo-123".toCharArray());
                }
                String alias = ks.aliases().nextElement();
                var chain = ks.getCertificateChain(alias);
                assertEquals(anchor, chain[chain.length - 1], file + " chains to the demo root");
                ((X509Certificate) chain[0]).checkValidity();
            }
            var env = signing.environment();
            assertEquals(dir.resolve("signing").toString(), env.get("DMS_SIGNATURE_PKCS12_DIRECTORY"));
            assertEquals(dir.resolve("signing/anchors").toString(), env.get("DMS_SIGNATURE_TRUST_ANCHORS"));
            String tsa = env.get("DMS_SIGNATURE_TSA_URL");
            assertTrue(tsa.startsWith("http://127.0.0.1:") && tsa.endsWith("/tsa"), tsa);
            HttpResponse<byte[]> crl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(tsa.replace("/tsa", "/crl/root.crl"))).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, crl.statusCode());
            assertTrue(crl.body().length > 100, "a DER CRL");
        }
    }
}
