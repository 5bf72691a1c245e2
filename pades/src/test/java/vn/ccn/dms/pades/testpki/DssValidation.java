package vn.ccn.dms.pades.testpki;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * EU DSS 6.4 as an independent validator: trusts the test root, gets fresh CRLs of the test PKI, renders
 * no pages (visual comparison off: it is most of DSS's time and not what we test here).
 */
public final class DssValidation {

    /** Per signature id: indication, sub-indication and the signature format DSS recognised. */
    public record Result(Indication indication, String subIndication, SignatureLevel format, String signedBy) {
    }

    private DssValidation() {
    }

    public static PDFDocumentValidator validator(TestPki pki, byte[] pdf, boolean withCrls) throws Exception {
        return validator(pki, pdf, withCrls, false);
    }

    /** @param visualComparison keep DSS's default page rendering and comparison of signed revisions */
    public static PDFDocumentValidator validator(TestPki pki, byte[] pdf, boolean withCrls, boolean visualComparison) throws Exception {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(pki.rootCertificate()));
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        if (withCrls) {
            List<InputStream> crls = new ArrayList<>();
            for (X509CRL crl : pki.currentCrls()) {
                crls.add(new ByteArrayInputStream(crl.getEncoded()));
            }
            verifier.setCrlSource(new ExternalResourcesCRLSource(crls.toArray(new InputStream[0])));
        } else {
            verifier.setCrlSource(null);
        }
        verifier.setOcspSource(null);
        PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(pdf));
        if (!visualComparison) {
            PdfBoxDefaultObjectFactory factory = new PdfBoxDefaultObjectFactory();
            DefaultPdfDifferencesFinder differences = new DefaultPdfDifferencesFinder();
            differences.setMaximalPagesAmountForVisualComparison(0);
            factory.setPdfDifferencesFinder(differences);
            validator.setPdfObjFactory(factory);
        }
        validator.setCertificateVerifier(verifier);
        return validator;
    }

    public static Map<String, Result> validate(TestPki pki, byte[] pdf) throws Exception {
        Reports reports = validator(pki, pdf, true).validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        Map<String, Result> out = new LinkedHashMap<>();
        for (String id : simple.getSignatureIdList()) {
            out.put(id, new Result(simple.getIndication(id), String.valueOf(simple.getSubIndication(id)),
                    simple.getSignatureFormat(id), simple.getSignedBy(id)));
        }
        return out;
    }

    /** The report as XML, for failure messages. */
    public static String explain(TestPki pki, byte[] pdf) throws Exception {
        Reports reports = validator(pki, pdf, true).validateDocument();
        return reports.getXmlSimpleReport();
    }
}
