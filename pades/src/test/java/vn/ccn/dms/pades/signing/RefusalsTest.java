package vn.ccn.dms.pades.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.crypto.ExternalSigner;
import vn.ccn.dms.pades.crypto.Pkcs12Signer;
import vn.ccn.dms.pades.testpki.Engines;
import vn.ccn.dms.pades.testpki.RemoteCmsService;
import vn.ccn.dms.pades.testpki.TestDocuments;
import vn.ccn.dms.pades.testpki.TestPki;
import vn.ccn.dms.pades.tsp.FallbackTimestampSource;
import vn.ccn.dms.pades.tsp.HttpTimestampSource;
import vn.ccn.dms.pades.validation.Indication;

/** Every refusal is a typed exception with a Vietnamese message; nothing half-signed comes out. */
class RefusalsTest {

    static TestPki pki;
    @TempDir
    static Path temp;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    static PadesException refused(PadesErrorCode expected, Executable action) {
        PadesException e = assertThrows(PadesException.class, action);
        assertEquals(expected, e.code(), e::toString);
        assertEquals(expected.vietnameseMessage(), e.getMessage());
        return e;
    }

    static SignatureParameters bb() {
        return SignatureParameters.builder(PadesLevel.B_B).build();
    }

    @Test
    void encryptedPdf() {
        refused(PadesErrorCode.ENCRYPTED_PDF, () -> Engines.signing(pki).sign(PdfInput.of(TestDocuments.encryptedPdf()), bb(),
                Engines.signer(pki.rsaSigner())));
    }

    @Test
    void notAPdf() {
        refused(PadesErrorCode.NOT_A_PDF, () -> Engines.signing(pki).sign(
                PdfInput.of("Xin chào, đây không phải PDF".getBytes(StandardCharsets.UTF_8)), bb(), Engines.signer(pki.rsaSigner())));
    }

    @Test
    void malformedPdf() {
        refused(PadesErrorCode.MALFORMED_PDF, () -> Engines.signing(pki).sign(
                PdfInput.of("%PDF-1.7\n1 0 obj <</Type /Catalog>> garbage".getBytes(StandardCharsets.US_ASCII)), bb(),
                Engines.signer(pki.rsaSigner())));
    }

    @Test
    void expiredSigner() {
        refused(PadesErrorCode.CERTIFICATE_EXPIRED, () -> Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(1)), bb(),
                Engines.signer(pki.expiredSigner())));
    }

    @Test
    void revokedSigner() {
        refused(PadesErrorCode.CERTIFICATE_REVOKED, () -> Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(1)), bb(),
                Engines.signer(pki.revokedSigner())));
    }

    @Test
    void weakKey() {
        refused(PadesErrorCode.WEAK_KEY, () -> Engines.signer(pki.weakSigner()));
    }

    @Test
    void wrongKeystorePassword() throws Exception {
        Path p12 = TestPki.pkcs12(pki.rsaSigner(), "right".toCharArray(), temp);
        refused(PadesErrorCode.WRONG_PIN, () -> Pkcs12Signer.open(p12, "wrong".toCharArray(), null));
    }

    @Test
    void tsaUnreachableRefusesBtInsteadOfDowngrading() throws Exception {
        PadesSigningService service = Engines.signingTo(TestPki.unreachableUrl());
        refused(PadesErrorCode.TSA_UNREACHABLE, () -> service.sign(PdfInput.of(TestDocuments.simplePdf(1)),
                SignatureParameters.builder(PadesLevel.B_T).build(), Engines.signer(pki.rsaSigner())));
        pki.setTsaUp(false);
        try {
            refused(PadesErrorCode.TSA_UNREACHABLE, () -> Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(1)),
                    SignatureParameters.builder(PadesLevel.B_T).build(), Engines.signer(pki.rsaSigner())));
        } finally {
            pki.setTsaUp(true);
        }
    }

    @Test
    void aConfiguredFallbackTsaIsUsedWhenThePrimaryIsDown() throws Exception {
        FallbackTimestampSource tsa = new FallbackTimestampSource(List.of(
                new HttpTimestampSource(TestPki.unreachableUrl(), Duration.ofSeconds(2)), Engines.tsa(pki)));
        SignedPdf signed = Engines.signing(tsa).sign(PdfInput.of(TestDocuments.simplePdf(1)),
                SignatureParameters.builder(PadesLevel.B_T).build(), Engines.signer(pki.rsaSigner()));
        assertEquals(PadesLevel.B_T, Engines.onlineValidator(pki).validate(signed.bytes()).signatures().get(0).level());
    }

    @Test
    void certificationOfAnAlreadySignedDocument() throws Exception {
        SignedPdf signed = Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(1)), bb(), Engines.signer(pki.rsaSigner()));
        refused(PadesErrorCode.CERTIFICATION_NOT_FIRST, () -> Engines.signing(pki).sign(PdfInput.of(signed.bytes()),
                SignatureParameters.builder(PadesLevel.B_B).certify(CertificationPermission.FORM_FILL_AND_SIGNING).build(),
                Engines.signer(pki.ecSigner())));
    }

    @Test
    void aRemoteSignerAnsweringWithTheWrongKeyIsRefused() {
        ExternalSigner wrong = new ExternalSigner(pki.rsaSigner().chain(),
                (digest, algorithm) -> Engines.signer(pki.revokedSigner()).sign(digest).value());
        refused(PadesErrorCode.EXTERNAL_SIGNATURE_INVALID, () -> Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(1)),
                bb(), wrong));
    }

    @Test
    void threeStepsWithTheDigestGoingOutAndAValueComingBack() throws Exception {
        PadesSigningService service = Engines.signing(pki);
        DataToSign data = service.prepare(PdfInput.of(TestDocuments.simplePdf(1)),
                SignatureParameters.builder(PadesLevel.B_T).certificateChain(pki.ecSigner().chain()).build());
        // Only the digest leaves: a remote token signs it.
        var value = Engines.signer(pki.ecSigner()).sign(data.digestToSign());
        SignedPdf signed = service.complete(data, value);
        assertEquals(Indication.TOTAL_PASSED, Engines.onlineValidator(pki).validate(signed.bytes()).indication());
        assertTrue(data.reservedCmsBytes() >= SignatureParameters.DEFAULT_RESERVED_SIZE - 1);
    }

    @Test
    void aRemoteServiceAnsweringWithAWholeCmsIsCompletedAndTimestamped() throws Exception {
        PadesSigningService service = Engines.signing(pki);
        TestPki.Identity id = pki.ecSigner();
        DataToSign data = service.prepare(PdfInput.of(TestDocuments.simplePdf(1)),
                SignatureParameters.builder(PadesLevel.B_T).certificateChain(id.chain()).build());
        byte[] cms = RemoteCmsService.sign(data, id);
        SignedPdf signed = service.completeWithCms(data, cms);
        var report = Engines.onlineValidator(pki).validate(signed.bytes());
        assertEquals(Indication.TOTAL_PASSED, report.indication(), () -> report.signatures().toString());
        assertEquals(PadesLevel.B_T, report.signatures().get(0).level());

        byte[] otherDocument = RemoteCmsService.sign(service.prepare(PdfInput.of(TestDocuments.simplePdf(2)),
                SignatureParameters.builder(PadesLevel.B_B).certificateChain(id.chain()).build()), id);
        refused(PadesErrorCode.EXTERNAL_SIGNATURE_INVALID, () -> service.completeWithCms(data, otherDocument));
    }
}
