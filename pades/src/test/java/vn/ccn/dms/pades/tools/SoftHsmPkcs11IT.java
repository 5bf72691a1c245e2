package vn.ccn.dms.pades.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.crypto.Pkcs11Configuration;
import vn.ccn.dms.pades.crypto.Pkcs11Signer;
import vn.ccn.dms.pades.signing.PdfInput;
import vn.ccn.dms.pades.signing.SignatureParameters;
import vn.ccn.dms.pades.signing.SignedPdf;
import vn.ccn.dms.pades.testpki.Engines;
import vn.ccn.dms.pades.testpki.SystemTools;
import vn.ccn.dms.pades.testpki.TestDocuments;
import vn.ccn.dms.pades.testpki.TestPki;
import vn.ccn.dms.pades.validation.Indication;

/**
 * Signing with a real PKCS#11 token: SoftHSM2 (Debian {@code softhsm2}). The token lives in the directory
 * named by SOFTHSM2_CONF, which failsafe sets for this JVM (the library reads it when it is loaded).
 */
class SoftHsmPkcs11IT {

    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static TestPki pki;
    static long slot;

    @BeforeAll
    static void initToken() throws Exception {
        SystemTools.require(Files.isReadable(LIBRARY) && SystemTools.onPath("softhsm2-util"), "softhsm2");
        String conf = System.getenv("SOFTHSM2_CONF");
        assertNotNull(conf, "failsafe must set SOFTHSM2_CONF");
        Path tokens = Path.of(conf).getParent().resolve("tokens");
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Map<String, String> env = Map.of("SOFTHSM2_CONF", conf);
        String label = "test" + System.nanoTime() % 100000;
        String init = SystemTools.run(List.of("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", "1234",
                "--so-pin", "5678"), env);
        Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(init);
        if (!m.find()) {
            throw new IllegalStateException("cannot read the slot from: " + init);
        }
        slot = Long.parseLong(m.group(1));
        pki = new TestPki();
        // Import the signer's key and chain into the token through SunPKCS11 (C_CreateObject); from then on
        // the key is used only inside the token.
        Provider provider = Security.getProvider("SunPKCS11").configure("--name=import\nlibrary=" + LIBRARY + "\nslot=" + slot + "\n");
        KeyStore ks = KeyStore.getInstance("PKCS11", provider);
        ks.load(null, "1234".toCharArray());
        ks.setKeyEntry("lanh-dao", pki.rsaSigner().key(), null, pki.rsaSigner().chain().toArray(new X509Certificate[0]));
        ks.setKeyEntry("van-thu", pki.ecSigner().key(), null, pki.ecSigner().chain().toArray(new X509Certificate[0]));
        // PKCS#11 login state belongs to the whole application: log out, or a later wrong PIN would be
        // answered CKR_USER_ALREADY_LOGGED_IN and pass.
        ((java.security.AuthProvider) provider).logout();
    }

    @AfterAll
    static void stop() {
        if (pki != null) {
            pki.close();
        }
    }

    @Test
    void signsBtWithTheRsaKeyOnTheToken() throws Exception {
        try (Pkcs11Signer signer = Pkcs11Signer.login(Pkcs11Configuration.ofSlot("hsmrsa", LIBRARY, slot, "lanh-dao"),
                "1234".toCharArray())) {
            SignedPdf signed = Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(1)),
                    SignatureParameters.builder(PadesLevel.B_T).build(), signer);
            assertEquals(Indication.TOTAL_PASSED, Engines.onlineValidator(pki).validate(signed.bytes()).indication());
        }
    }

    @Test
    void signsWithTheEcKeyOnTheToken() throws Exception {
        try (Pkcs11Signer signer = Pkcs11Signer.login(Pkcs11Configuration.ofSlot("hsmec", LIBRARY, slot, "van-thu"),
                "1234".toCharArray())) {
            SignedPdf signed = Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(1)),
                    SignatureParameters.builder(PadesLevel.B_B).build(), signer);
            assertEquals(Indication.TOTAL_PASSED, Engines.onlineValidator(pki).validate(signed.bytes()).indication());
        }
    }

    @Test
    void wrongPinIsRefused() {
        PadesException e = assertThrows(PadesException.class,
                () -> Pkcs11Signer.login(Pkcs11Configuration.ofSlot("hsmwrong", LIBRARY, slot, "lanh-dao"), "0000".toCharArray()));
        assertEquals(PadesErrorCode.WRONG_PIN, e.code(), e::toString);
        assertEquals("Mã PIN không đúng.", e.getMessage());
    }
}
