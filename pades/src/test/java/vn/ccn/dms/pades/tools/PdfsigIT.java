package vn.ccn.dms.pades.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.signing.PdfInput;
import vn.ccn.dms.pades.signing.SignatureParameters;
import vn.ccn.dms.pades.signing.SignedPdf;
import vn.ccn.dms.pades.testpki.Engines;
import vn.ccn.dms.pades.testpki.Issuance;
import vn.ccn.dms.pades.testpki.SystemTools;
import vn.ccn.dms.pades.testpki.TestDocuments;
import vn.ccn.dms.pades.testpki.TestPki;

/**
 * poppler's pdfsig as a second independent reader. Only its signature-validity and "Total document signed"
 * lines are checked: with a private test root it reports an unknown certificate issue even for sound chains,
 * and it never checks DocMDP.
 */
class PdfsigIT {

    static TestPki pki;
    @TempDir
    static Path temp;

    @BeforeAll
    static void start() throws Exception {
        SystemTools.require(SystemTools.onPath("pdfsig"), "poppler-utils");
        pki = new TestPki();
    }

    @AfterAll
    static void stop() {
        if (pki != null) {
            pki.close();
        }
    }

    static String pdfsig(byte[] pdf) throws Exception {
        Path file = Files.createTempFile(temp, "signed", ".pdf");
        Files.write(file, pdf);
        return SystemTools.run(List.of("pdfsig", file.toString()), Map.of());
    }

    static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void ltaSignatureIsValidAndCoversTheDocumentUpToItsRevision() throws Exception {
        SignedPdf signed = Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(1)),
                SignatureParameters.builder(PadesLevel.B_LTA).build(), Engines.signer(pki.rsaSigner()));
        String out = pdfsig(signed.bytes());
        // poppler 22 validates the CAdES signature but not the ETSI.RFC3161 document time-stamp it lists.
        assertEquals(1, count(out, "Signature Validation: Signature is Valid."), out);
        assertEquals(1, count(out, "Signer Certificate Common Name: CCN Test TSA"), out);
        assertEquals(1, count(out, "Total document signed"), out);
    }

    @Test
    void bothSignaturesOfTheTwoStepIssuanceAreValid() throws Exception {
        String out = pdfsig(Issuance.issue(pki, PadesLevel.B_T));
        assertEquals(2, count(out, "Signature Validation: Signature is Valid."), out);
        assertEquals(1, count(out, "Total document signed"), out);
    }
}
