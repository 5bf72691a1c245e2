package vn.ccn.dms.pades.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;
import vn.ccn.dms.pades.crypto.Digest;
import vn.ccn.dms.pades.crypto.DigestAlgorithm;
import vn.ccn.dms.pades.internal.Asn1;
import vn.ccn.dms.pades.internal.CertificatePool;
import vn.ccn.dms.pades.revocation.RevocationSource;
import vn.ccn.dms.pades.revocation.RevocationVerifier;
import vn.ccn.dms.pades.tsp.TimestampSource;

/**
 * Extends signed PDFs to the long-term levels, each step an incremental update:
 * {@link #addValidationData} writes the document security store of ETSI EN 319 142-1 §5.4.2 (B-LT: the
 * certificates of every signature's and time-stamp's chain with OCSP responses or CRLs for each, and a VRI
 * entry per signature), and {@link #addDocumentTimestamp} appends an ETSI.RFC3161 document time-stamp over
 * the whole file (B-LTA, §5.4.3). Works on any signed PDF, including ones received from other agencies.
 */
public final class PadesExtender {

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName VRI = COSName.getPDFName("VRI");
    private static final COSName CERTS = COSName.getPDFName("Certs");
    private static final COSName OCSPS = COSName.getPDFName("OCSPs");
    private static final COSName CRLS = COSName.getPDFName("CRLs");
    private static final COSName CERT = COSName.getPDFName("Cert");
    private static final COSName OCSP = COSName.getPDFName("OCSP");
    private static final COSName CRL = COSName.getPDFName("CRL");
    private static final COSName TU = COSName.getPDFName("TU");
    static final COSName ETSI_RFC3161 = COSName.getPDFName("ETSI.RFC3161");
    private static final int DOCUMENT_TIMESTAMP_SIZE = 16_384;

    private final TimestampSource timestampSource;
    private final RevocationSource revocationSource;
    private final List<X509Certificate> knownCertificates;
    private final Clock clock;

    /**
     * @param timestampSource the TSA for document time-stamps, or {@code null} when only B-LT is needed
     * @param knownCertificates issuers that the signatures may not carry (trust anchors, intermediates)
     */
    public PadesExtender(TimestampSource timestampSource, RevocationSource revocationSource,
            List<X509Certificate> knownCertificates, Clock clock) {
        this.timestampSource = timestampSource;
        this.revocationSource = Objects.requireNonNull(revocationSource, "revocationSource");
        this.knownCertificates = List.copyOf(Objects.requireNonNull(knownCertificates, "knownCertificates"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Validation material for one signature or time-stamp: certificates and revocation data, DER. */
    private record Material(List<byte[]> certificates, List<byte[]> ocsps, List<byte[]> crls) {
        Material() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * Adds a DSS with validation data for every signature and document time-stamp of the PDF.
     *
     * @throws PadesException {@code REVOCATION_UNAVAILABLE} when a certificate of a chain has neither OCSP nor
     *     CRL: a B-LT file without them would claim a level it does not have
     */
    public byte[] addValidationData(byte[] signedPdf) {
        try (PDDocument document = PdfDocuments.load(signedPdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                throw new PadesException(PadesErrorCode.INVALID_REQUEST, "the PDF has no signature to extend");
            }
            Map<String, Material> perSignature = new LinkedHashMap<>();
            for (PDSignature signature : signatures) {
                byte[] contents = signature.getContents();
                perSignature.put(vriKey(contents), collect(signature, contents));
            }
            writeDss(document, perSignature);
            ByteArrayOutputStream out = new ByteArrayOutputStream(signedPdf.length + 32_768);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new PadesException(PadesErrorCode.IO_ERROR, "cannot write the DSS: " + e.getMessage(), e);
        }
    }

    /** Appends a document time-stamp (ETSI.RFC3161) covering the whole file. */
    public byte[] addDocumentTimestamp(byte[] pdf) {
        if (timestampSource == null) {
            throw new PadesException(PadesErrorCode.TSA_UNREACHABLE, "no TSA configured for document time-stamps");
        }
        try (PDDocument document = PdfDocuments.load(pdf)) {
            int p = PdfDocuments.docMdpPermission(document);
            if (p == 1) {
                // ISO 32000-1 §12.8.2.2 P=1 forbids every change; PAdES validators tolerate DSS and document
                // time-stamps after it, but we do not add signature fields to a P=1 document.
                throw new PadesException(PadesErrorCode.CHANGES_FORBIDDEN_BY_CERTIFICATION, "document certified with P=1");
            }
            PDSignature signature = new PDSignature();
            signature.getCOSObject().setItem(COSName.TYPE, COSName.DOC_TIME_STAMP);
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(ETSI_RFC3161);
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(DOCUMENT_TIMESTAMP_SIZE);
            document.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + DOCUMENT_TIMESTAMP_SIZE * 2 + 4096);
            ExternalSigningSupport support = document.saveIncrementalForExternalSigning(out);
            byte[] digest;
            try (InputStream content = support.getContent()) {
                digest = DigestAlgorithm.SHA256.newMessageDigest().digest(content.readAllBytes());
            }
            TimeStampToken token = timestampSource.timestamp(new Digest(DigestAlgorithm.SHA256, digest));
            byte[] encoded = token.getEncoded();
            if (encoded.length > DOCUMENT_TIMESTAMP_SIZE) {
                throw new PadesException(PadesErrorCode.SIGNATURE_TOO_LARGE, "time-stamp token of " + encoded.length + " bytes");
            }
            support.setSignature(encoded);
            options.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new PadesException(PadesErrorCode.IO_ERROR, "cannot add the document time-stamp: " + e.getMessage(), e);
        }
    }

    private Material collect(PDSignature signature, byte[] contents) {
        Material material = new Material();
        CertificatePool pool = new CertificatePool().addAll(knownCertificates);
        List<X509Certificate> leaves = new ArrayList<>();
        try {
            CMSSignedData cms = new CMSSignedData(contents);
            pool.addAll(Asn1.certificates(cms.getCertificates()));
            boolean documentTimestamp = COSName.DOC_TIME_STAMP.equals(signature.getCOSObject().getCOSName(COSName.TYPE));
            if (documentTimestamp) {
                TimeStampToken token = new TimeStampToken(cms);
                leaves.add(signerCertificate(token, pool));
            } else {
                SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
                X509Certificate leaf = pool.all().stream()
                        .filter(c -> signer.getSID().match(holder(c)))
                        .findFirst()
                        .orElseThrow(() -> new PadesException(PadesErrorCode.INVALID_REQUEST, "signer certificate not in the CMS"));
                leaves.add(leaf);
                if (signer.getUnsignedAttributes() != null) {
                    for (Attribute a : signer.getUnsignedAttributes().toASN1Structure().getAttributes()) {
                        if (PKCSObjectIdentifiers.id_aa_signatureTimeStampToken.equals(a.getAttrType())) {
                            TimeStampToken token = new TimeStampToken(
                                    org.bouncycastle.asn1.cms.ContentInfo.getInstance(a.getAttrValues().getObjectAt(0)));
                            pool.addAll(Asn1.certificates(token.getCertificates()));
                            leaves.add(signerCertificate(token, pool));
                        }
                    }
                }
            }
        } catch (CMSException | TSPException | IOException e) {
            throw new PadesException(PadesErrorCode.MALFORMED_PDF, "unreadable signature: " + e.getMessage(), e);
        }
        for (X509Certificate leaf : leaves) {
            List<X509Certificate> chain = pool.chainOf(leaf);
            for (int i = 0; i < chain.size(); i++) {
                X509Certificate c = chain.get(i);
                addUnique(material.certificates(), encoded(c));
                if (i + 1 >= chain.size()) {
                    if (!CertificatePool.selfSigned(c)) {
                        throw new PadesException(PadesErrorCode.REVOCATION_UNAVAILABLE,
                                "issuer of " + c.getSubjectX500Principal() + " is not known; configure it as a known certificate");
                    }
                    break; // a trust anchor has no revocation data (RFC 5280 §6.1)
                }
                addRevocation(material, c, chain.get(i + 1));
            }
        }
        return material;
    }

    private void addRevocation(Material material, X509Certificate certificate, X509Certificate issuer) {
        Optional<OCSPResp> ocsp = revocationSource.ocsp(certificate, issuer);
        if (ocsp.isPresent() && RevocationVerifier.fromOcsp(ocsp.get(), certificate, issuer).isPresent()) {
            try {
                addUnique(material.ocsps(), ocsp.get().getEncoded());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            for (X509Certificate responder : RevocationVerifier.responderCertificates(ocsp.get())) {
                addUnique(material.certificates(), encoded(responder));
            }
            return;
        }
        Optional<X509CRL> crl = revocationSource.crl(certificate, issuer);
        if (crl.isPresent() && RevocationVerifier.fromCrl(crl.get(), certificate, issuer).isPresent()) {
            try {
                addUnique(material.crls(), crl.get().getEncoded());
            } catch (CRLException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        throw new PadesException(PadesErrorCode.REVOCATION_UNAVAILABLE,
                "no OCSP response or CRL for " + certificate.getSubjectX500Principal());
    }

    private static X509Certificate signerCertificate(TimeStampToken token, CertificatePool pool) {
        return pool.all().stream().filter(c -> token.getSID().match(holder(c))).findFirst()
                .orElseThrow(() -> new PadesException(PadesErrorCode.TSA_INVALID_RESPONSE, "time-stamp without its TSA certificate"));
    }

    private static org.bouncycastle.cert.X509CertificateHolder holder(X509Certificate c) {
        try {
            return new org.bouncycastle.cert.X509CertificateHolder(c.getEncoded());
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeDss(PDDocument document, Map<String, Material> perSignature) throws IOException {
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        COSDictionary dss = catalog.getCOSDictionary(DSS);
        if (dss == null) {
            dss = new COSDictionary();
            dss.setItem(COSName.TYPE, DSS);
        }
        Map<String, COSStream> certs = existing(dss, CERTS);
        Map<String, COSStream> ocsps = existing(dss, OCSPS);
        Map<String, COSStream> crls = existing(dss, CRLS);
        COSDictionary vri = dss.getCOSDictionary(VRI);
        COSDictionary newVri = new COSDictionary();
        if (vri != null) {
            for (COSName key : vri.keySet()) {
                newVri.setItem(key, vri.getItem(key));
            }
        }
        Calendar now = GregorianCalendar.from(clock.instant().atZone(TimeZone.getTimeZone("UTC").toZoneId()));
        for (Map.Entry<String, Material> e : perSignature.entrySet()) {
            Material m = e.getValue();
            COSDictionary entry = new COSDictionary();
            entry.setItem(CERT, streams(document, certs, m.certificates()));
            if (!m.ocsps().isEmpty()) {
                entry.setItem(OCSP, streams(document, ocsps, m.ocsps()));
            }
            if (!m.crls().isEmpty()) {
                entry.setItem(CRL, streams(document, crls, m.crls()));
            }
            entry.setDate(TU, now);
            newVri.setItem(COSName.getPDFName(e.getKey()), entry);
        }
        dss.setItem(CERTS, array(certs));
        if (!ocsps.isEmpty()) {
            dss.setItem(OCSPS, array(ocsps));
        }
        if (!crls.isEmpty()) {
            dss.setItem(CRLS, array(crls));
        }
        dss.setItem(VRI, newVri);
        dss.setNeedToBeUpdated(true);
        catalog.setItem(DSS, dss);
        catalog.setNeedToBeUpdated(true);
    }

    private static Map<String, COSStream> existing(COSDictionary dss, COSName key) throws IOException {
        Map<String, COSStream> map = new LinkedHashMap<>();
        COSArray array = dss.getCOSArray(key);
        if (array == null) {
            return map;
        }
        for (int i = 0; i < array.size(); i++) {
            COSBase base = array.getObject(i);
            if (base instanceof COSStream s) {
                try (InputStream in = s.createInputStream()) {
                    map.putIfAbsent(sha256(in.readAllBytes()), s);
                }
            }
        }
        return map;
    }

    private static COSArray streams(PDDocument document, Map<String, COSStream> pool, List<byte[]> values) throws IOException {
        COSArray refs = new COSArray();
        for (byte[] value : values) {
            String key = sha256(value);
            COSStream stream = pool.get(key);
            if (stream == null) {
                stream = document.getDocument().createCOSStream();
                try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                    out.write(value);
                }
                pool.put(key, stream);
            }
            refs.add(stream);
        }
        return refs;
    }

    private static COSArray array(Map<String, COSStream> pool) {
        COSArray array = new COSArray();
        pool.values().forEach(array::add);
        return array;
    }

    /** ISO 32000-2 §12.8.4.4: the VRI key is the upper-case hex SHA-1 of the signature's /Contents. */
    static String vriKey(byte[] contents) {
        try {
            // SHA-1 here is a lookup key fixed by the standard, not a security function.
            return HexFormat.of().withUpperCase().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(contents));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] data) {
        return HexFormat.of().formatHex(DigestAlgorithm.SHA256.digest(data));
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addUnique(List<byte[]> list, byte[] value) {
        for (byte[] existing : list) {
            if (java.util.Arrays.equals(existing, value)) {
                return;
            }
        }
        list.add(value);
    }
}
