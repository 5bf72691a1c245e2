package vn.ccn.dms.search.elasticsearch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ccn.dms.search.SearchSettings;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestClientsTest {

    @Test
    void trustsTheCertificatesOfAPemFile(@TempDir Path dir) throws Exception {
        Path pem = selfSignedCaPem(dir);

        SSLContext context = RestClients.trusting(pem);

        // A real handshake with a server holding that CA's key: trusted through the PEM, refused by the JVM's defaults.
        try (SSLServerSocket server = serverWithKeyOf(dir.resolve("ca.p12"))) {
            Thread acceptor = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (SSLSocket socket = (SSLSocket) server.accept()) {
                        socket.startHandshake();
                    } catch (IOException ignored) {
                        // the untrusting client aborts its handshake
                    }
                }
            });
            acceptor.start();
            try (SSLSocket client = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.getLocalPort())) {
                client.startHandshake();
                assertEquals("CN=Test search CA", client.getSession().getPeerPrincipal().getName());
            }
            try (SSLSocket untrusting = (SSLSocket) SSLContext.getDefault().getSocketFactory()
                    .createSocket("127.0.0.1", server.getLocalPort())) {
                assertThrows(SSLHandshakeException.class, untrusting::startHandshake);
            }
            acceptor.join(10_000);
        }

        SearchSettings settings = SearchSettings.from(Map.of(
                SearchSettings.URLS, "https://127.0.0.1:9243",
                SearchSettings.CA_CERTIFICATE, pem.toString(),
                SearchSettings.API_KEY, "a2V5OnNlY3JldA==")::get);
        new ElasticsearchDocumentIndex(settings, Clock.systemUTC()).close();
    }

    @Test
    void aFileWithoutCertificatesIsAConfigurationError(@TempDir Path dir) throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RestClients.trusting(notPem));
        assertTrue(e.getMessage().contains(SearchSettings.CA_CERTIFICATE), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RestClients.trusting(dir.resolve("missing.pem")));
    }

    private static SSLServerSocket serverWithKeyOf(Path p12) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keyManagers.getKeyManagers(), null, null);
        return (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 2, java.net.InetAddress.getLoopbackAddress());
    }

    /** A CA certificate made by the JDK's keytool, so no key material lives in the repository. */
    private static Path selfSignedCaPem(Path dir) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = dir.resolve("ca.p12");
        Path pem = dir.resolve("ca.pem");
        run(keytool.toString(), "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Test search CA", "-ext", "bc:c", "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit");
        run(keytool.toString(), "-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(),
                "-storepass", "changeit", "-file", pem.toString());
        return pem;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
    }
}
