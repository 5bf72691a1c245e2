package vn.ccn.dms.pades.independent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.signing.PdfInput;
import vn.ccn.dms.pades.signing.SignatureParameters;
import vn.ccn.dms.pades.signing.SignedPdf;
import vn.ccn.dms.pades.testpki.DssValidation;
import vn.ccn.dms.pades.testpki.Engines;
import vn.ccn.dms.pades.testpki.Issuance;
import vn.ccn.dms.pades.testpki.TestDocuments;
import vn.ccn.dms.pades.testpki.TestPki;

/** Every output must reach, in EU DSS 6.4, the PAdES baseline level it claims, with TOTAL_PASSED. */
class DssIndependentValidationTest {

    static TestPki pki;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    static SignatureLevel dssLevel(PadesLevel level) {
        return switch (level) {
            case B_B -> SignatureLevel.PAdES_BASELINE_B;
            case B_T -> SignatureLevel.PAdES_BASELINE_T;
            case B_LT -> SignatureLevel.PAdES_BASELINE_LT;
            case B_LTA -> SignatureLevel.PAdES_BASELINE_LTA;
        };
    }

    @ParameterizedTest
    @EnumSource(PadesLevel.class)
    void eachLevelReachesItsClaimInDss(PadesLevel level) throws Exception {
        SignedPdf signed = Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(2)),
                SignatureParameters.builder(level).build(), Engines.signer(pki.rsaSigner()));
        Map<String, DssValidation.Result> results = DssValidation.validate(pki, signed.bytes());
        assertEquals(1, results.size());
        DssValidation.Result result = results.values().iterator().next();
        String explain = DssValidation.explain(pki, signed.bytes());
        assertEquals(Indication.TOTAL_PASSED, result.indication(), explain);
        assertEquals(dssLevel(level), result.format(), explain);
    }

    @Test
    void ecdsaLtaReachesItsClaimInDss() throws Exception {
        SignedPdf signed = Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(1)),
                SignatureParameters.builder(PadesLevel.B_LTA).build(), Engines.signer(pki.ecSigner()));
        DssValidation.Result result = DssValidation.validate(pki, signed.bytes()).values().iterator().next();
        assertEquals(Indication.TOTAL_PASSED, result.indication(), DssValidation.explain(pki, signed.bytes()));
        assertEquals(SignatureLevel.PAdES_BASELINE_LTA, result.format());
    }

    @Test
    void twoStepIssuanceKeepsBothSignaturesValidInDss() throws Exception {
        byte[] issued = Issuance.issue(pki, PadesLevel.B_LT);
        Map<String, DssValidation.Result> results = DssValidation.validate(pki, issued);
        String explain = DssValidation.explain(pki, issued);
        assertEquals(2, results.size(), explain);
        for (DssValidation.Result r : results.values()) {
            assertEquals(Indication.TOTAL_PASSED, r.indication(), explain);
            assertEquals(SignatureLevel.PAdES_BASELINE_LT, r.format(), explain);
        }
    }
}
