package vn.ccn.dms.pades.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.crypto.DigestAlgorithm;
import vn.ccn.dms.pades.crypto.KeyPolicy;
import vn.ccn.dms.pades.internal.Asn1;
import vn.ccn.dms.pades.internal.CertificatePool;
import vn.ccn.dms.pades.revocation.RevocationStatus;
import vn.ccn.dms.pades.revocation.RevocationVerifier;
import vn.ccn.dms.pades.signing.PdfDocuments;

/**
 * Validates every signature and document time-stamp of a PDF. Stateless apart from its policy; thread-safe.
 */
public final class PdfSignatureValidator {

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final String CADES_DETACHED = "ETSI.CAdES.detached";
    private static final String PKCS7_DETACHED = "adbe.pkcs7.detached";
    private static final String RFC3161 = "ETSI.RFC3161";

    private final ValidationPolicy policy;

    public PdfSignatureValidator(ValidationPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Validates a PDF.
     *
     * @throws vn.ccn.dms.pades.PadesException {@code NOT_A_PDF}, {@code MALFORMED_PDF} or {@code ENCRYPTED_PDF}
     *     when the file cannot be read at all
     */
    public ValidationReport validate(byte[] pdf) {
        Objects.requireNonNull(pdf, "pdf");
        Instant now = policy.clock().instant();
        try (PDDocument document = PdfDocuments.load(pdf)) {
            List<PDSignature> signatures = new ArrayList<>(document.getSignatureDictionaries());
            signatures.sort(Comparator.comparingLong(PdfSignatureValidator::revisionEnd));
            Map<Long, String> fieldNames = ModificationAnalyzer.fieldNames(document);
            DocumentSecurityStore dss = DocumentSecurityStore.read(document);
            ModificationAnalyzer analyzer = new ModificationAnalyzer(document);
            int docMdp = PdfDocuments.docMdpPermission(document);

            List<Partial> partials = new ArrayList<>();
            for (int i = 0; i < signatures.size(); i++) {
                partials.add(validateOne(i, signatures.get(i), pdf, document, fieldNames, dss, analyzer, docMdp, now));
            }
            // B-LTA: a valid document time-stamp over a revision that already holds the DSS.
            List<SignatureReport> reports = new ArrayList<>();
            for (Partial p : partials) {
                PadesLevel level = p.level;
                if (level == PadesLevel.B_LT && partials.stream().anyMatch(o -> o.kind == SignatureKind.DOCUMENT_TIMESTAMP
                        && o.indication != Indication.TOTAL_FAILED && o.revisionEnd > p.revisionEnd && o.dssBefore)) {
                    level = PadesLevel.B_LTA;
                }
                reports.add(new SignatureReport(p.index, p.fieldName, p.kind, p.subFilter, p.signer, p.claimedTime,
                        p.timestampTime, level, p.docMdp, p.revisionEnd >= trimmedLength(pdf), p.revisionEnd, p.indication,
                        p.checks, p.modifications));
            }
            Indication overall = reports.isEmpty() ? Indication.INDETERMINATE
                    : reports.stream().map(SignatureReport::indication).reduce(Indication.TOTAL_PASSED, Indication::worst);
            String summary = reports.isEmpty() ? "Tài liệu không có chữ ký số."
                    : "Tài liệu có " + reports.size() + " chữ ký/dấu thời gian: " + overall.vietnamese().toLowerCase(java.util.Locale.ROOT) + ".";
            return new ValidationReport(now, pdf.length, overall, reports, summary);
        } catch (IOException e) {
            throw new vn.ccn.dms.pades.PadesException(vn.ccn.dms.pades.PadesErrorCode.MALFORMED_PDF, e.getMessage(), e);
        }
    }

    /** Mutable holder while one signature is being validated. */
    private static final class Partial {
        int index;
        String fieldName = "";
        SignatureKind kind = SignatureKind.APPROVAL;
        String subFilter = "";
        String signer = "";
        Instant claimedTime;
        Instant timestampTime;
        PadesLevel level;
        int docMdp;
        long revisionEnd;
        boolean dssBefore;
        Indication indication = Indication.TOTAL_PASSED;
        final List<Check> checks = new ArrayList<>();
        List<Modification> modifications = List.of();

        void add(CheckCode code, CheckStatus status, String vi, String detail) {
            checks.add(new Check(code, status, vi, detail));
            if (status == CheckStatus.FAILED) {
                indication = indication.worst(Indication.TOTAL_FAILED);
            } else if (status == CheckStatus.INDETERMINATE) {
                indication = indication.worst(Indication.INDETERMINATE);
            }
        }
    }

    private Partial validateOne(int index, PDSignature signature, byte[] pdf, PDDocument document, Map<Long, String> fieldNames,
            DocumentSecurityStore dss, ModificationAnalyzer analyzer, int documentDocMdp, Instant now) {
        Partial r = new Partial();
        r.index = index;
        COSDictionary dict = signature.getCOSObject();
        r.fieldName = fieldNames.entrySet().stream()
                .filter(e -> signatureOfField(document, e.getKey()) == dict)
                .map(Map.Entry::getValue).findFirst().orElse("(không có trường)");
        r.subFilter = signature.getSubFilter() == null ? "" : signature.getSubFilter();
        r.claimedTime = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        boolean documentTimestamp = COSName.DOC_TIME_STAMP.equals(dict.getCOSName(COSName.TYPE)) || RFC3161.equals(r.subFilter);
        r.docMdp = PdfDocuments.docMdpP(dict);
        r.kind = documentTimestamp ? SignatureKind.DOCUMENT_TIMESTAMP : r.docMdp > 0 ? SignatureKind.CERTIFICATION : SignatureKind.APPROVAL;

        // 1. Byte range (ISO 32000-1 §12.8.1: the range covers the file except the /Contents string).
        byte[] contents = checkByteRange(signature, pdf, r);
        r.dssBefore = r.revisionEnd >= pdf.length
                ? document.getDocumentCatalog().getCOSObject().getDictionaryObject(DSS) != null
                : r.revisionEnd > 0 && dssExistedAt(pdf, r.revisionEnd);
        if (contents == null) {
            return r;
        }
        byte[] signedContent = signedBytes(pdf, signature.getByteRange());
        CertificatePool pool = new CertificatePool().addAll(policy.trustAnchors()).addAll(dss.certificates());

        if (documentTimestamp) {
            validateDocumentTimestamp(contents, signedContent, pool, dss, r, now);
        } else {
            validateCms(contents, signedContent, pool, dss, r, now);
        }

        // Changes after this signature.
        try {
            r.modifications = analyzer.changesAfter(pdf, r.revisionEnd);
        } catch (IOException | RuntimeException e) {
            r.add(CheckCode.MODIFICATIONS, CheckStatus.INDETERMINATE, "Không phân tích được các thay đổi sau khi ký.", e.toString());
            return r;
        }
        judgeModifications(r, documentDocMdp, signature, document);
        return r;
    }

    private static COSDictionary signatureOfField(PDDocument document, long objectNumber) {
        var o = document.getDocument().getObjectFromPool(new org.apache.pdfbox.cos.COSObjectKey(objectNumber, 0));
        if (o != null && o.getObject() instanceof COSDictionary field) {
            return field.getCOSDictionary(COSName.V);
        }
        return null;
    }

    private byte[] checkByteRange(PDSignature signature, byte[] pdf, Partial r) {
        int[] br = signature.getByteRange();
        String problem = null;
        if (br == null || br.length != 4) {
            problem = "ByteRange must have four integers";
        } else if (br[0] != 0 || br[1] <= 0 || br[2] <= br[1] || br[3] < 0 || (long) br[2] + br[3] > pdf.length) {
            problem = "ByteRange " + Arrays.toString(br) + " outside the file of " + pdf.length + " bytes";
        } else if (pdf[br[1]] != '<' || pdf[br[2] - 1] != '>') {
            problem = "the gap is not exactly the /Contents hex string";
        } else {
            for (int i = br[1] + 1; i < br[2] - 1; i++) {
                if (Character.digit(pdf[i], 16) < 0) {
                    problem = "non-hex byte inside the /Contents gap at offset " + i;
                    break;
                }
            }
        }
        if (problem == null) {
            long end = (long) br[2] + br[3];
            if (!endsWithEof(pdf, end)) {
                problem = "the signed range does not end at an %%EOF marker";
            }
            r.revisionEnd = end;
        }
        if (problem != null) {
            r.add(CheckCode.BYTE_RANGE, CheckStatus.FAILED, "Phạm vi ký (ByteRange) không hợp lệ: chữ ký không bao phủ đúng dữ liệu tài liệu.", problem);
            return null;
        }
        boolean whole = r.revisionEnd >= trimmedLength(pdf);
        r.add(CheckCode.BYTE_RANGE, CheckStatus.PASSED, whole
                ? "Chữ ký bao phủ toàn bộ tài liệu (trừ vùng chứa chữ ký)."
                : "Chữ ký bao phủ phiên bản tài liệu đến byte " + r.revisionEnd + "; phần sau là các cập nhật bổ sung.", "");
        String hex = new String(pdf, br[1] + 1, br[2] - br[1] - 2, StandardCharsets.US_ASCII);
        return HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : hex + "0");
    }

    private static boolean endsWithEof(byte[] pdf, long end) {
        int i = (int) end - 1;
        while (i >= 0 && (pdf[i] == '\n' || pdf[i] == '\r' || pdf[i] == ' ')) {
            i--;
        }
        return i >= 4 && new String(pdf, i - 4, 5, StandardCharsets.US_ASCII).equals("%%EOF");
    }

    private static long trimmedLength(byte[] pdf) {
        int i = pdf.length - 1;
        while (i >= 0 && (pdf[i] == '\n' || pdf[i] == '\r' || pdf[i] == ' ' || pdf[i] == 0)) {
            i--;
        }
        return i + 1;
    }

    private static boolean dssExistedAt(byte[] pdf, long revisionEnd) {
        if (revisionEnd >= pdf.length) {
            return false;
        }
        try (PDDocument prefix = org.apache.pdfbox.Loader.loadPDF(Arrays.copyOf(pdf, (int) revisionEnd))) {
            return prefix.getDocumentCatalog().getCOSObject().getDictionaryObject(DSS) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] signedBytes(byte[] pdf, int[] br) {
        byte[] out = new byte[br[1] + br[3]];
        System.arraycopy(pdf, br[0], out, 0, br[1]);
        System.arraycopy(pdf, br[2], out, br[1], br[3]);
        return out;
    }

    private void validateCms(byte[] contents, byte[] signedContent, CertificatePool pool, DocumentSecurityStore dss, Partial r,
            Instant now) {
        if (CADES_DETACHED.equals(r.subFilter)) {
            r.add(CheckCode.SIGNATURE_FORMAT, CheckStatus.PASSED, "Chữ ký theo định dạng PAdES (ETSI.CAdES.detached).", "");
        } else if (PKCS7_DETACHED.equals(r.subFilter)) {
            r.add(CheckCode.SIGNATURE_FORMAT, CheckStatus.WARNING,
                    "Chữ ký PDF kiểu cũ (adbe.pkcs7.detached), không phải PAdES cơ sở.", r.subFilter);
        } else {
            r.add(CheckCode.SIGNATURE_FORMAT, CheckStatus.FAILED, "Kiểu chữ ký không được hỗ trợ: " + r.subFilter + ".", r.subFilter);
            return;
        }
        CMSSignedData cms;
        SignerInformation signerInfo;
        try {
            // Detached CMS (RFC 5652 §5.2): the signed content is the byte range, supplied from outside.
            cms = new CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(signedContent), contents);
            if (cms.getSignerInfos().size() != 1) {
                r.add(CheckCode.CMS_STRUCTURE, CheckStatus.FAILED, "Chữ ký CMS phải có đúng một người ký.", "signers: " + cms.getSignerInfos().size());
                return;
            }
            signerInfo = cms.getSignerInfos().getSigners().iterator().next();
        } catch (CMSException | RuntimeException e) {
            r.add(CheckCode.CMS_STRUCTURE, CheckStatus.FAILED, "Không đọc được cấu trúc chữ ký CMS.", e.toString());
            return;
        }
        r.add(CheckCode.CMS_STRUCTURE, CheckStatus.PASSED, "Cấu trúc chữ ký CMS đọc được.", "");
        List<X509Certificate> cmsCertificates = Asn1.certificates(cms.getCertificates());
        pool.addAll(cmsCertificates);
        Optional<X509Certificate> signerCert = cmsCertificates.stream().filter(c -> signerInfo.getSID().match(holder(c))).findFirst();
        if (signerCert.isEmpty()) {
            signerCert = pool.all().stream().filter(c -> signerInfo.getSID().match(holder(c))).findFirst();
        }
        if (signerCert.isEmpty()) {
            r.add(CheckCode.SIGNATURE_VALUE, CheckStatus.INDETERMINATE, "Không tìm thấy chứng thư số của người ký.", "");
            return;
        }
        X509Certificate signer = signerCert.get();
        r.signer = signer.getSubjectX500Principal().getName();

        Optional<DigestAlgorithm> digest = DigestAlgorithm.forOid(signerInfo.getDigestAlgorithmID().getAlgorithm());
        boolean strongKey = KeyPolicy.isAcceptable(signer.getPublicKey());
        if (digest.isEmpty() || !strongKey) {
            r.add(CheckCode.ALGORITHMS, CheckStatus.FAILED,
                    "Thuật toán băm hoặc độ dài khóa không đạt yêu cầu (SHA-256 trở lên; RSA ≥ 2048 bit hoặc ECDSA ≥ 256 bit).",
                    "digest " + signerInfo.getDigestAlgOID() + ", key acceptable " + strongKey);
        } else {
            r.add(CheckCode.ALGORITHMS, CheckStatus.PASSED, "Thuật toán và độ dài khóa đạt yêu cầu.", digest.get().jcaName());
        }

        AttributeTable signed = signerInfo.getSignedAttributes();
        if (signed == null || signed.get(CMSAttributes.messageDigest) == null) {
            r.add(CheckCode.MESSAGE_DIGEST, CheckStatus.FAILED, "Chữ ký thiếu giá trị băm của tài liệu.", "no signed attributes");
            return;
        }
        if (digest.isPresent()) {
            byte[] expected = ASN1OctetString.getInstance(signed.get(CMSAttributes.messageDigest).getAttrValues().getObjectAt(0)).getOctets();
            byte[] actual = digest.get().digest(signedContent);
            if (MessageDigest.isEqual(expected, actual)) {
                r.add(CheckCode.MESSAGE_DIGEST, CheckStatus.PASSED, "Nội dung tài liệu được ký còn nguyên vẹn.", "");
            } else {
                r.add(CheckCode.MESSAGE_DIGEST, CheckStatus.FAILED, "Nội dung tài liệu đã bị thay đổi sau khi ký (giá trị băm không khớp).", "");
            }
        }
        try {
            if (signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer))) {
                r.add(CheckCode.SIGNATURE_VALUE, CheckStatus.PASSED, "Giá trị chữ ký đúng với khóa công khai của người ký.", "");
            } else {
                r.add(CheckCode.SIGNATURE_VALUE, CheckStatus.FAILED, "Giá trị chữ ký không đúng.", "");
            }
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            r.add(CheckCode.SIGNATURE_VALUE, CheckStatus.FAILED, "Giá trị chữ ký không đúng.", e.toString());
        }

        boolean baseline = CADES_DETACHED.equals(r.subFilter);
        Attribute v2 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (v2 != null) {
            if (signingCertificateMatches(v2, signer)) {
                r.add(CheckCode.SIGNING_CERTIFICATE_REFERENCE, CheckStatus.PASSED, "Chữ ký tham chiếu đúng chứng thư của người ký.", "");
            } else {
                r.add(CheckCode.SIGNING_CERTIFICATE_REFERENCE, CheckStatus.FAILED,
                        "Tham chiếu chứng thư trong chữ ký không khớp với chứng thư của người ký.", "");
            }
        } else if (baseline) {
            r.add(CheckCode.SIGNING_CERTIFICATE_REFERENCE, CheckStatus.WARNING,
                    "Chữ ký thiếu thuộc tính signing-certificate-v2 (bắt buộc với PAdES cơ sở).", "");
            baseline = false;
        }
        if (signed.get(CMSAttributes.signingTime) != null && baseline) {
            // ETSI EN 319 142-1 Table 1: signing-time shall not be present; the time is /M.
            r.add(CheckCode.SIGNATURE_FORMAT, CheckStatus.WARNING,
                    "Chữ ký chứa thuộc tính signing-time, không đúng PAdES cơ sở.", "");
            baseline = false;
        }

        // Signature time-stamp (B-T).
        Instant referenceTime = now;
        boolean timestamped = false;
        AttributeTable unsigned = signerInfo.getUnsignedAttributes();
        Attribute tsAttr = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        List<X509Certificate> tsaChain = List.of();
        if (tsAttr != null) {
            try {
                TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(tsAttr.getAttrValues().getObjectAt(0)));
                pool.addAll(Asn1.certificates(token.getCertificates()));
                Optional<List<X509Certificate>> tsa = checkTimestamp(token, signerInfo.getSignature(), pool, dss, r,
                        CheckCode.SIGNATURE_TIMESTAMP, now);
                if (tsa.isPresent()) {
                    timestamped = true;
                    tsaChain = tsa.get();
                    referenceTime = token.getTimeStampInfo().getGenTime().toInstant();
                    r.timestampTime = referenceTime;
                }
            } catch (TSPException | IOException | RuntimeException e) {
                r.add(CheckCode.SIGNATURE_TIMESTAMP, CheckStatus.FAILED, "Dấu thời gian của chữ ký không đọc được.", e.toString());
            }
        }

        // Chain and revocation at the reference time (the time-stamp when there is one, else now).
        Optional<List<X509Certificate>> path = checkChain(signer, pool, referenceTime, r, CheckCode.CERTIFICATE_CHAIN);
        boolean revocationInDss = false;
        if (path.isPresent()) {
            revocationInDss = checkRevocation(path.get(), dss, referenceTime, r, "người ký");
        }
        boolean tsaRevocationInDss = timestamped && revocationDataInDss(tsaChain, dss);

        if (baseline) {
            r.level = PadesLevel.B_B;
            if (timestamped) {
                r.level = PadesLevel.B_T;
                if (revocationInDss && tsaRevocationInDss) {
                    r.level = PadesLevel.B_LT;
                    r.add(CheckCode.VALIDATION_DATA, CheckStatus.PASSED,
                            "Tài liệu chứa đủ chứng thư và thông tin thu hồi để kiểm tra lâu dài.", "");
                }
            }
        }
    }

    private void validateDocumentTimestamp(byte[] contents, byte[] signedContent, CertificatePool pool, DocumentSecurityStore dss,
            Partial r, Instant now) {
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(contents));
            pool.addAll(Asn1.certificates(token.getCertificates()));
            Optional<DigestAlgorithm> alg = DigestAlgorithm.forOid(token.getTimeStampInfo().getMessageImprintAlgOID());
            byte[] imprintSource = signedContent;
            Optional<List<X509Certificate>> tsa = alg.isEmpty() ? Optional.empty()
                    : checkTimestampOverData(token, alg.get().digest(imprintSource), pool, dss, r, CheckCode.DOCUMENT_TIMESTAMP, now);
            if (alg.isEmpty()) {
                r.add(CheckCode.DOCUMENT_TIMESTAMP, CheckStatus.FAILED, "Dấu thời gian dùng thuật toán băm không được phép.", "");
            }
            if (tsa.isPresent()) {
                r.timestampTime = token.getTimeStampInfo().getGenTime().toInstant();
                r.signer = tsa.get().get(0).getSubjectX500Principal().getName();
            }
        } catch (TSPException | CMSException | IOException | RuntimeException e) {
            r.add(CheckCode.DOCUMENT_TIMESTAMP, CheckStatus.FAILED, "Dấu thời gian tài liệu không đọc được.", e.toString());
        }
    }

    private Optional<List<X509Certificate>> checkTimestamp(TimeStampToken token, byte[] signatureValue, CertificatePool pool,
            DocumentSecurityStore dss, Partial r, CheckCode code, Instant now) {
        Optional<DigestAlgorithm> alg = DigestAlgorithm.forOid(token.getTimeStampInfo().getMessageImprintAlgOID());
        if (alg.isEmpty()) {
            r.add(code, CheckStatus.FAILED, "Dấu thời gian dùng thuật toán băm không được phép.", "");
            return Optional.empty();
        }
        // ETSI EN 319 122-1 §5.3: the imprint is the hash of the SignerInfo's signature value.
        return checkTimestampOverData(token, alg.get().digest(signatureValue), pool, dss, r, code, now);
    }

    private Optional<List<X509Certificate>> checkTimestampOverData(TimeStampToken token, byte[] expectedImprint, CertificatePool pool,
            DocumentSecurityStore dss, Partial r, CheckCode code, Instant now) {
        if (!MessageDigest.isEqual(expectedImprint, token.getTimeStampInfo().getMessageImprintDigest())) {
            r.add(code, CheckStatus.FAILED, "Dấu thời gian không khớp với dữ liệu được đóng dấu.", "message imprint mismatch");
            return Optional.empty();
        }
        Optional<X509Certificate> tsaCert = pool.all().stream().filter(c -> token.getSID().match(holder(c))).findFirst();
        if (tsaCert.isEmpty()) {
            r.add(code, CheckStatus.INDETERMINATE, "Không tìm thấy chứng thư của máy chủ cấp dấu thời gian.", "");
            return Optional.empty();
        }
        try {
            // validate() checks the token signature, the ESS certificate reference and id-kp-timeStamping (RFC 3161 §2.3).
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCert.get()));
        } catch (TSPException | OperatorCreationException | RuntimeException e) {
            r.add(code, CheckStatus.FAILED, "Chữ ký của dấu thời gian không hợp lệ.", e.toString());
            return Optional.empty();
        }
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        Optional<List<X509Certificate>> path = checkChain(tsaCert.get(), pool, genTime, r, code);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        checkRevocation(path.get(), dss, genTime, r, "máy chủ dấu thời gian");
        r.add(code, CheckStatus.PASSED, "Dấu thời gian hợp lệ, thời điểm " + genTime + ".", "TSA " + tsaCert.get().getSubjectX500Principal());
        return path;
    }

    /** PKIX path validation (RFC 5280 §6) to the configured anchors at the given time; revocation is checked separately. */
    private Optional<List<X509Certificate>> checkChain(X509Certificate leaf, CertificatePool pool, Instant at, Partial r, CheckCode code) {
        if (policy.trustAnchors().isEmpty()) {
            r.add(code, CheckStatus.INDETERMINATE, "Chưa cấu hình chứng thư gốc tin cậy.", "");
            return Optional.empty();
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate a : policy.trustAnchors()) {
                anchors.add(new TrustAnchor(a, null));
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false);
            params.setDate(java.util.Date.from(at));
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool.all())));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
            List<X509Certificate> path = new ArrayList<>();
            result.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
            path.add(result.getTrustAnchor().getTrustedCert());
            if (code == CheckCode.CERTIFICATE_CHAIN) {
                r.add(code, CheckStatus.PASSED, "Chứng thư số của người ký được cấp bởi tổ chức tin cậy và còn hiệu lực tại thời điểm ký.",
                        "anchor " + result.getTrustAnchor().getTrustedCert().getSubjectX500Principal());
            }
            return Optional.of(path);
        } catch (CertPathBuilderException e) {
            boolean expired = leaf.getNotAfter().toInstant().isBefore(at) || leaf.getNotBefore().toInstant().isAfter(at);
            if (expired) {
                r.add(code, CheckStatus.FAILED, "Chứng thư số đã hết hạn hoặc chưa có hiệu lực tại thời điểm ký.",
                        "valid " + leaf.getNotBefore().toInstant() + " – " + leaf.getNotAfter().toInstant() + ", checked at " + at);
            } else {
                r.add(code, CheckStatus.INDETERMINATE, "Không xây dựng được chuỗi chứng thư đến chứng thư gốc tin cậy.", e.getMessage());
            }
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            r.add(code, CheckStatus.INDETERMINATE, "Không kiểm tra được chuỗi chứng thư.", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Revocation of each certificate of the path except the anchor, at the given time. Data from the document
     * (DSS) first, then the configured online source.
     *
     * @return whether every status came from the DSS (needed for B-LT)
     */
    private boolean checkRevocation(List<X509Certificate> path, DocumentSecurityStore dss, Instant at, Partial r, String whose) {
        boolean allFromDss = true;
        for (int i = 0; i + 1 < path.size(); i++) {
            X509Certificate cert = path.get(i);
            X509Certificate issuer = path.get(i + 1);
            List<RevocationStatus> fromDss = dss.statuses(cert, issuer);
            List<RevocationStatus> statuses = new ArrayList<>(fromDss);
            if (fromDss.isEmpty()) {
                allFromDss = false;
                policy.onlineRevocation().ocsp(cert, issuer).flatMap(o -> RevocationVerifier.fromOcsp(o, cert, issuer)).ifPresent(statuses::add);
                if (statuses.isEmpty()) {
                    policy.onlineRevocation().crl(cert, issuer).flatMap(c -> RevocationVerifier.fromCrl(c, cert, issuer)).ifPresent(statuses::add);
                }
            }
            Optional<RevocationStatus> best = RevocationVerifier.best(statuses);
            String subject = cert.getSubjectX500Principal().getName();
            if (best.isEmpty() || best.get().state() == RevocationStatus.State.UNKNOWN) {
                r.add(CheckCode.REVOCATION, policy.requireRevocation() ? CheckStatus.INDETERMINATE : CheckStatus.WARNING,
                        "Không có thông tin thu hồi (OCSP/CRL) cho chứng thư của " + whose + ".", subject);
            } else if (best.get().revokedAt(at)) {
                r.add(CheckCode.REVOCATION, CheckStatus.FAILED, "Chứng thư số của " + whose + " đã bị thu hồi trước thời điểm ký.",
                        subject + " revoked " + best.get().revocationTime());
            } else if (best.get().state() == RevocationStatus.State.REVOKED) {
                r.add(CheckCode.REVOCATION, CheckStatus.PASSED, "Chứng thư số của " + whose
                        + " bị thu hồi sau thời điểm ký; chữ ký vẫn có giá trị vì thời điểm ký được chứng minh bằng dấu thời gian.",
                        subject + " revoked " + best.get().revocationTime());
            } else {
                r.add(CheckCode.REVOCATION, CheckStatus.PASSED, "Chứng thư số của " + whose + " không bị thu hồi ("
                        + best.get().kind() + ").", subject + ": " + best.get().detail());
            }
        }
        return allFromDss;
    }

    private static boolean revocationDataInDss(List<X509Certificate> path, DocumentSecurityStore dss) {
        for (int i = 0; i + 1 < path.size(); i++) {
            if (dss.statuses(path.get(i), path.get(i + 1)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean signingCertificateMatches(Attribute attribute, X509Certificate signer) {
        try {
            SigningCertificateV2 v2 = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0));
            ESSCertIDv2 id = v2.getCerts()[0];
            Optional<DigestAlgorithm> alg = DigestAlgorithm.forOid(id.getHashAlgorithm().getAlgorithm());
            return alg.isPresent() && MessageDigest.isEqual(alg.get().digest(signer.getEncoded()), id.getCertHash());
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private void judgeModifications(Partial r, int documentDocMdp, PDSignature signature, PDDocument document) {
        List<Modification> mods = r.modifications;
        if (mods.isEmpty()) {
            r.add(CheckCode.MODIFICATIONS, CheckStatus.PASSED, "Không có thay đổi nào sau khi ký.", "");
            return;
        }
        List<Modification> suspicious = mods.stream().filter(m -> m.kind().suspicious()).toList();
        if (r.kind == SignatureKind.CERTIFICATION || documentDocMdp > 0) {
            int p = r.kind == SignatureKind.CERTIFICATION ? r.docMdp : documentDocMdp;
            List<Modification> forbidden = mods.stream().filter(m -> !m.kind().permittedBy(p)).toList();
            if (!forbidden.isEmpty()) {
                CheckStatus status = r.kind == SignatureKind.CERTIFICATION ? CheckStatus.FAILED : CheckStatus.WARNING;
                r.add(CheckCode.DOC_MDP, status, "Tài liệu đã bị thay đổi trái với quyền của chữ ký chứng thực (P=" + p + "): "
                        + vietnamese(forbidden) + ".", forbidden.toString());
            } else {
                r.add(CheckCode.DOC_MDP, CheckStatus.PASSED, "Các thay đổi sau khi ký đều được chữ ký chứng thực cho phép (P=" + p + ").", "");
            }
        }
        Optional<COSDictionary> lock = fieldLockOf(signature, document);
        if (lock.isPresent()) {
            Set<String> locked = new HashSet<>();
            String action = lock.get().getNameAsString(COSName.getPDFName("Action"));
            COSArray fields = lock.get().getCOSArray(COSName.FIELDS);
            if (fields != null) {
                for (int i = 0; i < fields.size(); i++) {
                    if (fields.getObject(i) instanceof COSString s) {
                        locked.add(s.getString());
                    }
                }
            }
            List<Modification> violations = mods.stream()
                    .filter(m -> (m.kind() == ModificationKind.FORM_FILLED || m.kind() == ModificationKind.FIELD_CHANGED)
                            && !m.fieldName().isEmpty()
                            && ("All".equals(action) || "Include".equals(action) && locked.contains(m.fieldName())
                                    || "Exclude".equals(action) && !locked.contains(m.fieldName())))
                    .toList();
            if (violations.isEmpty()) {
                r.add(CheckCode.FIELD_MDP, CheckStatus.PASSED, "Các trường bị khóa không bị thay đổi sau khi ký.", "");
            } else {
                r.add(CheckCode.FIELD_MDP, CheckStatus.FAILED, "Trường bị khóa đã bị thay đổi sau khi ký: " + vietnamese(violations) + ".",
                        violations.toString());
            }
        }
        if (!suspicious.isEmpty() && r.kind != SignatureKind.CERTIFICATION) {
            r.add(CheckCode.MODIFICATIONS, CheckStatus.WARNING, "Sau khi ký, tài liệu có thay đổi có thể làm sai lệch nội dung hiển thị: "
                    + vietnamese(suspicious) + ".", suspicious.toString());
        } else if (suspicious.isEmpty()) {
            r.add(CheckCode.MODIFICATIONS, CheckStatus.INFO, "Sau khi ký có các cập nhật bổ sung được phép: " + vietnamese(mods) + ".", "");
        }
    }

    private static Optional<COSDictionary> fieldLockOf(PDSignature signature, PDDocument document) {
        COSArray refs = signature.getCOSObject().getCOSArray(COSName.REFERENCE);
        if (refs != null) {
            for (int i = 0; i < refs.size(); i++) {
                if (refs.getObject(i) instanceof COSDictionary ref
                        && COSName.getPDFName("FieldMDP").equals(ref.getCOSName(COSName.TRANSFORM_METHOD))) {
                    return Optional.ofNullable(ref.getCOSDictionary(COSName.TRANSFORM_PARAMS));
                }
            }
        }
        return Optional.empty();
    }

    private static String vietnamese(List<Modification> mods) {
        return String.join("; ", mods.stream().map(Modification::vietnamese).distinct().limit(8).toList());
    }

    private static long revisionEnd(PDSignature s) {
        int[] br = s.getByteRange();
        return br == null || br.length != 4 ? Long.MAX_VALUE : (long) br[2] + br[3];
    }

    private static X509CertificateHolder holder(X509Certificate c) {
        try {
            return new X509CertificateHolder(c.getEncoded());
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificates and revocation data of the document's DSS (ETSI EN 319 142-1 §5.4.2). */
    static final class DocumentSecurityStore {
        private final List<X509Certificate> certificates = new ArrayList<>();
        private final List<OCSPResp> ocsps = new ArrayList<>();
        private final List<X509CRL> crls = new ArrayList<>();

        static DocumentSecurityStore read(PDDocument document) {
            DocumentSecurityStore store = new DocumentSecurityStore();
            COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(DSS);
            if (dss == null) {
                return store;
            }
            for (byte[] b : streams(dss.getCOSArray(COSName.getPDFName("Certs")))) {
                try {
                    store.certificates.add(Asn1.certificate(b));
                } catch (GeneralSecurityException e) {
                    // ignore unreadable entries; they cannot help validation
                }
            }
            for (byte[] b : streams(dss.getCOSArray(COSName.getPDFName("OCSPs")))) {
                try {
                    store.ocsps.add(new OCSPResp(b));
                } catch (IOException e) {
                    // ignore
                }
            }
            for (byte[] b : streams(dss.getCOSArray(COSName.getPDFName("CRLs")))) {
                try {
                    store.crls.add(Asn1.crl(b));
                } catch (GeneralSecurityException e) {
                    // ignore
                }
            }
            return store;
        }

        private static List<byte[]> streams(COSArray array) {
            List<byte[]> out = new ArrayList<>();
            if (array == null) {
                return out;
            }
            for (int i = 0; i < array.size(); i++) {
                COSBase b = array.getObject(i);
                if (b instanceof COSStream s) {
                    try (InputStream in = s.createInputStream()) {
                        out.add(in.readAllBytes());
                    } catch (IOException e) {
                        // skip
                    }
                }
            }
            return out;
        }

        List<X509Certificate> certificates() {
            return certificates;
        }

        List<RevocationStatus> statuses(X509Certificate cert, X509Certificate issuer) {
            List<RevocationStatus> out = new ArrayList<>();
            for (OCSPResp o : ocsps) {
                RevocationVerifier.fromOcsp(o, cert, issuer).ifPresent(out::add);
            }
            for (X509CRL c : crls) {
                RevocationVerifier.fromCrl(c, cert, issuer).ifPresent(out::add);
            }
            return out;
        }
    }
}
