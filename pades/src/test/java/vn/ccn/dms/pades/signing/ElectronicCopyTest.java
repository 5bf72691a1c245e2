package vn.ccn.dms.pades.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.testpki.DssValidation;
import vn.ccn.dms.pades.testpki.Engines;
import vn.ccn.dms.pades.testpki.Issuance;
import vn.ccn.dms.pades.testpki.TestDocuments;
import vn.ccn.dms.pades.testpki.TestPki;
import vn.ccn.dms.pades.validation.ValidationReport;

/** Electronic copies (Decree 30 Art. 25) of an issued document: one new signature, the original's flattened. */
class ElectronicCopyTest {

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
    void saoYOfAnIssuedDocumentCarriesOnlyTheCopySignatureAndItsStamp() throws Exception {
        byte[] issued = Issuance.issue(pki, PadesLevel.B_T);
        byte[] source = ElectronicCopySource.of(issued, List.of());
        SignedPdf copy = Engines.signing(pki).sign(PdfInput.of(source),
                Decree30Issuance.copy(PadesLevel.B_LT, "SAO Y", "Sở Công Thương tỉnh Lạng Sơn", "05/SY").build(),
                Engines.signer(pki.ecSigner()));
        ValidationReport report = Engines.offlineValidator(pki).validate(copy.bytes());
        assertEquals(1, report.signatures().size(), report::toString);
        assertEquals(vn.ccn.dms.pades.validation.Indication.TOTAL_PASSED, report.indication(), report::toString);
        try (PDDocument d = Loader.loadPDF(copy.bytes())) {
            var widget = d.getSignatureFields().get(0).getWidgets().get(0);
            var box = d.getPage(0).getCropBox();
            assertEquals(0, d.getPages().indexOf(widget.getPage()), "on page 1");
            assertTrue(widget.getRectangle().getUpperRightY() > box.getHeight() - 40
                    && widget.getRectangle().getUpperRightX() > box.getWidth() - 40, "at the top right");
        }
        // The stamp is the widget's appearance; flattening a copy of the copy puts it into the page text.
        try (PDDocument d = Loader.loadPDF(ElectronicCopySource.of(copy.bytes(), List.of()))) {
            assertEquals(2, d.getNumberOfPages());
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("SAO Y") && text.contains("Số: 05/SY") && text.contains("+07:00"), text);
        }
        DssValidation.Result dss = DssValidation.validate(pki, copy.bytes()).values().iterator().next();
        assertEquals(Indication.TOTAL_PASSED, dss.indication(), () -> explain(copy.bytes()));
        assertEquals(SignatureLevel.PAdES_BASELINE_LT, dss.format());
    }

    @Test
    void extractKeepsTheChosenPagesAndRefusesPagesThatDoNotExist() throws Exception {
        byte[] pdf = TestDocuments.simplePdf(3);
        try (PDDocument d = Loader.loadPDF(ElectronicCopySource.of(pdf, List.of(2)))) {
            assertEquals(1, d.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(d).contains("trang 2"));
        }
        PadesException e = assertThrows(PadesException.class, () -> ElectronicCopySource.of(pdf, List.of(4)));
        assertEquals(PadesErrorCode.PAGE_OUT_OF_RANGE, e.code());
    }

    private static String explain(byte[] pdf) {
        try {
            return DssValidation.explain(pki, pdf);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
