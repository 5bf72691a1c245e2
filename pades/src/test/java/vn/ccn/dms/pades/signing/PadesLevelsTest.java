package vn.ccn.dms.pades.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.crypto.Pkcs12Signer;
import vn.ccn.dms.pades.crypto.Signer;
import vn.ccn.dms.pades.testpki.Engines;
import vn.ccn.dms.pades.testpki.TestDocuments;
import vn.ccn.dms.pades.testpki.TestPki;
import vn.ccn.dms.pades.validation.CheckCode;
import vn.ccn.dms.pades.validation.CheckStatus;
import vn.ccn.dms.pades.validation.Indication;
import vn.ccn.dms.pades.validation.SignatureReport;
import vn.ccn.dms.pades.validation.ValidationReport;

class PadesLevelsTest {

    static TestPki pki;
    @TempDir
    static Path temp;

    @BeforeAll
    static void startPki() throws Exception {
        pki = new TestPki();
    }

    @AfterAll
    static void stopPki() {
        pki.close();
    }

    @ParameterizedTest
    @EnumSource(PadesLevel.class)
    void rsaSignatureFromPkcs12ReachesItsLevelAndValidates(PadesLevel level) throws Exception {
        char[] password = "secret".toCharArray();
        Path p12 = TestPki.pkcs12(pki.rsaSigner(), password, temp);
        Signer signer = Pkcs12Signer.open(p12, password, null);
        SignedPdf signed = Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(2)),
                SignatureParameters.builder(level).reason("Phê duyệt").location("Lạng Sơn").build(), signer);

        ValidationReport report = Engines.offlineValidator(pki).validate(signed.bytes());
        Files.write(temp.resolve("rsa-" + level + ".pdf"), signed.bytes());

        SignatureReport signature = report.signatures().get(0);
        if (level.atLeast(PadesLevel.B_LT)) {
            // Offline: the document alone must carry what is needed (the B-LT promise).
            assertEquals(Indication.TOTAL_PASSED, signature.indication(), () -> signature.checks().toString());
        } else {
            assertEquals(Indication.INDETERMINATE, signature.indication(), "offline without DSS, revocation is unknown");
            assertEquals(CheckStatus.INDETERMINATE, signature.check(CheckCode.REVOCATION).orElseThrow().status());
            ValidationReport online = Engines.onlineValidator(pki).validate(signed.bytes());
            assertEquals(Indication.TOTAL_PASSED, online.signatures().get(0).indication(), () -> online.signatures().get(0).checks().toString());
        }
        assertEquals(level, signature.level());
        assertEquals(level == PadesLevel.B_LTA ? 2 : 1, report.signatures().size());
        assertTrue(signature.check(CheckCode.MESSAGE_DIGEST).orElseThrow().status() == CheckStatus.PASSED);
    }

    @ParameterizedTest
    @EnumSource(value = PadesLevel.class, names = {"B_T", "B_LTA"})
    void ecdsaP256SignatureValidates(PadesLevel level) throws Exception {
        SignedPdf signed = Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(1)),
                SignatureParameters.builder(level).build(), Engines.signer(pki.ecSigner()));
        ValidationReport report = Engines.onlineValidator(pki).validate(signed.bytes());
        assertEquals(Indication.TOTAL_PASSED, report.indication(), () -> report.signatures().toString());
        assertEquals(level, report.signatures().get(0).level());
    }
}
