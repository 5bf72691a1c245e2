package vn.ccn.dms.pades.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.appearance.PageRect;
import vn.ccn.dms.pades.testpki.Engines;
import vn.ccn.dms.pades.testpki.Issuance;
import vn.ccn.dms.pades.testpki.TestDocuments;
import vn.ccn.dms.pades.testpki.TestPki;
import vn.ccn.dms.pades.validation.CheckCode;
import vn.ccn.dms.pades.validation.CheckStatus;
import vn.ccn.dms.pades.validation.Indication;
import vn.ccn.dms.pades.validation.ModificationKind;
import vn.ccn.dms.pades.validation.SignatureKind;
import vn.ccn.dms.pades.validation.SignatureReport;
import vn.ccn.dms.pades.validation.ValidationReport;

/** Decree 30 two-step issuance, and the attacks the validator must catch. */
class IssuanceAndAttacksTest {

    static TestPki pki;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    @Test
    void twoStepIssuanceKeepsTheLeadersCertificationValid() throws Exception {
        byte[] issued = Issuance.issue(pki, PadesLevel.B_T);
        ValidationReport report = Engines.onlineValidator(pki).validate(issued);

        assertEquals(2, report.signatures().size());
        SignatureReport leader = report.signatures().get(0);
        SignatureReport organisation = report.signatures().get(1);
        assertEquals(SignatureKind.CERTIFICATION, leader.kind());
        assertEquals(2, leader.docMdpPermission());
        assertEquals(Indication.TOTAL_PASSED, leader.indication(), () -> leader.checks().toString());
        assertEquals(Indication.TOTAL_PASSED, organisation.indication(), () -> organisation.checks().toString());
        assertEquals(CheckStatus.PASSED, leader.check(CheckCode.DOC_MDP).orElseThrow().status());
        List<ModificationKind> kinds = leader.modificationsAfter().stream().map(m -> m.kind()).distinct().toList();
        assertTrue(kinds.contains(ModificationKind.FORM_FILLED), kinds::toString);
        assertTrue(kinds.contains(ModificationKind.SIGNATURE_ADDED), kinds::toString);
        assertFalse(leader.coversWholeDocument());
        assertTrue(organisation.coversWholeDocument());

        try (PDDocument doc = Loader.loadPDF(issued)) {
            PDField number = doc.getDocumentCatalog().getAcroForm().getField(Decree30Issuance.NUMBER_FIELD);
            assertEquals("09/2025/QĐ-UBND", number.getValueAsString());
            // The seal's rectangle overlaps the left third of the leader's image (Decree 30, Appendix I).
            PDRectangle seal = doc.getDocumentCatalog().getAcroForm().getField(Decree30Issuance.SEAL_FIELD).getWidgets().get(0).getRectangle();
            PageRect image = Issuance.leaderAppearance().imageArea();
            assertEquals(image.x() + image.width() / 3f, seal.getUpperRightX(), 0.01);
            assertEquals(36 * PageRect.MM, seal.getWidth(), 0.01);
        }
    }

    @Test
    void aTamperedByteInvalidatesTheSignature() throws Exception {
        SignedPdf signed = Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(1)),
                SignatureParameters.builder(PadesLevel.B_B).build(), Engines.signer(pki.rsaSigner()));
        byte[] bytes = signed.bytes();
        // A one-byte change inside the signed range: the catalog's /Version 1.6 becomes 1.7.
        int at = indexOf(bytes, "/Version /1.6");
        assertTrue(at > 0 && at < indexOf(bytes, "/ByteRange"));
        bytes[at + "/Version /1.".length()] = '7';
        ValidationReport report = Engines.onlineValidator(pki).validate(bytes);
        SignatureReport s = report.signatures().get(0);
        assertEquals(Indication.TOTAL_FAILED, s.indication());
        assertEquals(CheckStatus.FAILED, s.check(CheckCode.MESSAGE_DIGEST).orElseThrow().status());
    }

    @Test
    void newPageContentAfterAP1CertificationIsForbiddenAndFurtherSigningRefused() throws Exception {
        SignedPdf certified = Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(1)),
                SignatureParameters.builder(PadesLevel.B_B).certify(CertificationPermission.NO_CHANGES).build(),
                Engines.signer(pki.rsaSigner()));
        assertEquals(Indication.TOTAL_PASSED, Engines.onlineValidator(pki).validate(certified.bytes()).indication());

        byte[] attacked = appendPageContent(certified.bytes(), "SO TIEN: 999.000.000 VND");
        ValidationReport report = Engines.onlineValidator(pki).validate(attacked);
        SignatureReport s = report.signatures().get(0);
        assertEquals(Indication.TOTAL_FAILED, s.indication(), () -> s.checks().toString());
        assertEquals(CheckStatus.FAILED, s.check(CheckCode.DOC_MDP).orElseThrow().status());
        assertTrue(s.modificationsAfter().stream().anyMatch(m -> m.kind() == ModificationKind.PAGE_CONTENT_CHANGED), s.modificationsAfter()::toString);
        // The message digest still matches: only the modification analysis catches this (incremental-saving attack).
        assertEquals(CheckStatus.PASSED, s.check(CheckCode.MESSAGE_DIGEST).orElseThrow().status());

        PadesException refused = assertThrows(PadesException.class, () -> Engines.signing(pki).sign(PdfInput.of(certified.bytes()),
                SignatureParameters.builder(PadesLevel.B_B).build(), Engines.signer(pki.ecSigner())));
        assertEquals(PadesErrorCode.CHANGES_FORBIDDEN_BY_CERTIFICATION, refused.code());
    }

    @Test
    void anOverlayAnnotationAfterTheLeadersP2CertificationIsForbidden() throws Exception {
        byte[] leader = Issuance.leaderSigned(pki, PadesLevel.B_B);
        byte[] attacked;
        try (PDDocument doc = Loader.loadPDF(leader)) {
            PDPage page = doc.getPage(0);
            PDAnnotationText note = new PDAnnotationText();
            note.setRectangle(new PDRectangle(72, 740, 300, 40));
            note.setContents("Số tiền thật: 999.000.000 đồng");
            note.setPage(page);
            List<PDAnnotation> annotations = page.getAnnotations();
            annotations.add(note);
            page.setAnnotations(annotations);
            page.getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            attacked = out.toByteArray();
        }
        SignatureReport s = Engines.onlineValidator(pki).validate(attacked).signatures().get(0);
        assertEquals(Indication.TOTAL_FAILED, s.indication(), () -> s.checks().toString());
        assertTrue(s.modificationsAfter().stream().anyMatch(m -> m.kind() == ModificationKind.ANNOTATION_ADDED));
    }

    @Test
    void contentReplacedAfterAnApprovalSignatureIsReportedAsSuspicious() throws Exception {
        SignedPdf signed = Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(1)),
                SignatureParameters.builder(PadesLevel.B_B).build(), Engines.signer(pki.rsaSigner()));
        byte[] attacked = appendPageContent(signed.bytes(), "NOI DUNG CHEN THEM");
        SignatureReport s = Engines.onlineValidator(pki).validate(attacked).signatures().get(0);
        assertEquals(CheckStatus.WARNING, s.check(CheckCode.MODIFICATIONS).orElseThrow().status());
        assertTrue(s.modificationsAfter().stream().anyMatch(m -> m.kind() == ModificationKind.PAGE_CONTENT_CHANGED));
        assertFalse(s.coversWholeDocument());
    }

    @Test
    void aFieldMdpLockedFieldFilledLaterFailsTheLockingSignature() throws Exception {
        PageRect numberArea = new PageRect(1, 90, 700, 160, 18);
        SignedPdf locked = Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(1)),
                SignatureParameters.builder(PadesLevel.B_B)
                        .reserve(new FieldReservation.Text("so_ky_hieu", numberArea, 12))
                        .lockFields(new FieldLock(FieldLock.Action.INCLUDE, List.of("so_ky_hieu")))
                        .build(),
                Engines.signer(pki.rsaSigner()));
        assertEquals(Indication.TOTAL_PASSED, Engines.onlineValidator(pki).validate(locked.bytes()).indication());
        SignedPdf filled = Engines.signing(pki).sign(PdfInput.of(locked.bytes()),
                SignatureParameters.builder(PadesLevel.B_B).fillField("so_ky_hieu", "10/2025/QĐ-UBND").build(),
                Engines.signer(pki.ecSigner()));
        ValidationReport report = Engines.onlineValidator(pki).validate(filled.bytes());
        SignatureReport first = report.signatures().get(0);
        assertEquals(CheckStatus.FAILED, first.check(CheckCode.FIELD_MDP).orElseThrow().status(), () -> first.checks().toString());
        assertEquals(Indication.TOTAL_PASSED, report.signatures().get(1).indication());
    }

    @Test
    void attachmentIsStampedTopRightOfPageOneWithTheIsoTime() throws Exception {
        SignedPdf signed = Engines.signing(pki).sign(PdfInput.of(TestDocuments.simplePdf(3)),
                Decree30Issuance.attachment(PadesLevel.B_T, "09/2025/QĐ-UBND").build(), Engines.signer(pki.ecSigner()));
        try (PDDocument doc = Loader.loadPDF(signed.bytes())) {
            var widget = doc.getSignatureFields().get(0).getWidgets().get(0);
            PDRectangle rect = widget.getRectangle();
            PDRectangle page = doc.getPage(0).getMediaBox();
            assertTrue(rect.getLowerLeftX() > page.getWidth() / 2 && rect.getLowerLeftY() > page.getHeight() * 0.85, rect::toString);
            assertEquals(doc.getPage(0).getCOSObject(), widget.getPage().getCOSObject());
            String content = new String(widget.getNormalAppearanceStream().getContentStream().toByteArray(), StandardCharsets.ISO_8859_1);
            assertTrue(content.contains("Tf"), "text drawn");
            assertNotEquals(0, widget.getNormalAppearanceStream().getResources().getFontNames().iterator().hasNext() ? 1 : 0);
        }
        assertTrue(signed.signingTime().getOffset().getTotalSeconds() == 7 * 3600);
        assertEquals(Indication.TOTAL_PASSED, Engines.onlineValidator(pki).validate(signed.bytes()).indication());
    }

    static byte[] appendPageContent(byte[] pdf, String text) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 20);
                cs.newLineAtOffset(72, 500);
                cs.showText(text);
                cs.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    static int indexOf(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
