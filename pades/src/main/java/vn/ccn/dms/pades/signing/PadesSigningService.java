package vn.ccn.dms.pades.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TimeStampToken;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.appearance.AppearanceRenderer;
import vn.ccn.dms.pades.appearance.AttachmentStampAppearance;
import vn.ccn.dms.pades.appearance.CopyStampAppearance;
import vn.ccn.dms.pades.appearance.InvisibleAppearance;
import vn.ccn.dms.pades.appearance.PageRect;
import vn.ccn.dms.pades.appearance.SignatureAppearance;
import vn.ccn.dms.pades.crypto.Digest;
import vn.ccn.dms.pades.crypto.DigestAlgorithm;
import vn.ccn.dms.pades.crypto.KeyPolicy;
import vn.ccn.dms.pades.crypto.SignatureValue;
import vn.ccn.dms.pades.crypto.Signer;
import vn.ccn.dms.pades.revocation.RevocationStatus;
import vn.ccn.dms.pades.revocation.RevocationVerifier;

/**
 * Signs PDFs as PAdES baseline signatures (ETSI EN 319 142-1) in three steps: {@link #prepare},
 * a {@link Signer} signs {@link DataToSign#digestToSign()}, then {@link #complete}. Every save is incremental
 * (ISO 32000-1 §7.5.6), so the bytes of earlier revisions, and with them earlier signatures, stay intact.
 * Thread-safe: it holds configuration only.
 */
public final class PadesSigningService {

    static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    private static final COSName SIG_FIELD_LOCK = COSName.getPDFName("SigFieldLock");
    private static final COSName SIG_REF = COSName.getPDFName("SigRef");
    private static final COSName FIELD_MDP = COSName.getPDFName("FieldMDP");
    private static final COSName HELV = COSName.getPDFName("Helv");

    private final SigningConfiguration configuration;
    private final PadesExtender extender;

    public PadesSigningService(SigningConfiguration configuration, List<X509Certificate> knownCertificates) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.extender = new PadesExtender(configuration.timestampSource(), configuration.revocationSource(),
                Objects.requireNonNull(knownCertificates, "knownCertificates"), configuration.clock());
    }

    public PadesSigningService(SigningConfiguration configuration) {
        this(configuration, List.of());
    }

    /** The extender used for B-LT and B-LTA, for extending documents signed elsewhere. */
    public PadesExtender extender() {
        return extender;
    }

    /** All three steps with a local signer (PKCS#12, PKCS#11 or an {@link vn.ccn.dms.pades.crypto.ExternalSigner}). */
    public SignedPdf sign(PdfInput input, SignatureParameters parameters, Signer signer) {
        Objects.requireNonNull(signer, "signer");
        DataToSign data = prepare(input, parameters.withCertificateChain(signer.certificateChain()));
        return complete(data, signer.sign(data.digestToSign()));
    }

    /**
     * Step 1: checks the signer and the document, and writes the incremental update with the signature
     * dictionary, the appearance and a zero-filled /Contents.
     *
     * @throws PadesException for every refusal listed in {@link PadesErrorCode}
     */
    public DataToSign prepare(PdfInput input, SignatureParameters parameters) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(parameters, "parameters");
        List<X509Certificate> chain = parameters.certificateChain();
        if (chain.isEmpty()) {
            throw new PadesException(PadesErrorCode.INVALID_REQUEST, "no signing certificate in the parameters");
        }
        if (parameters.level().atLeast(PadesLevel.B_T) && configuration.timestamps().isEmpty()) {
            throw new PadesException(PadesErrorCode.TSA_UNREACHABLE, "level " + parameters.level() + " needs a TSA; none configured");
        }
        Instant now = configuration.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        checkSigner(chain, now);
        ZonedDateTime signingTime = now.atZone(configuration.zone());

        try (PDDocument document = PdfDocuments.load(input.unsafeBytes())) {
            checkDocumentPermits(document, parameters);
            PDAcroForm acroForm = acroForm(document);
            for (FieldReservation reservation : parameters.reservations()) {
                reserve(document, acroForm, reservation);
            }
            AppearanceRenderer renderer = new AppearanceRenderer(document);
            for (Map.Entry<String, String> value : parameters.fieldValues().entrySet()) {
                fill(acroForm, renderer, value.getKey(), value.getValue());
            }

            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(ETSI_CADES_DETACHED);
            signature.setSignDate(GregorianCalendar.from(signingTime));
            signature.setName(parameters.signerName().orElse(commonName(chain.get(0))));
            parameters.reason().ifPresent(signature::setReason);
            parameters.location().ifPresent(signature::setLocation);
            parameters.contactInfo().ifPresent(signature::setContactInfo);
            parameters.certification().ifPresent(p -> certify(document, signature, p));
            parameters.fieldLock().ifPresent(lock -> signature.getCOSObject().setItem(COSName.REFERENCE,
                    fieldMdpReference(lock)));

            PDSignatureField target = parameters.fieldName().map(name -> existingEmptySignatureField(acroForm, name))
                    .orElse(null);
            SignatureAppearance appearance = parameters.appearance();
            if (target == null && appearance.area() == null && !(appearance instanceof InvisibleAppearance)
                    && !(appearance instanceof AttachmentStampAppearance) && !(appearance instanceof CopyStampAppearance)) {
                throw new PadesException(PadesErrorCode.SIGNATURE_FIELD_NOT_FOUND,
                        "no empty signature field named " + parameters.fieldName().orElse("(none)"));
            }
            if (target != null) {
                // PDFBox signs into an existing field when its /V is the new signature dictionary.
                target.getCOSObject().setItem(COSName.V, signature);
            }
            PageRect area = target == null ? placement(document, appearance) : null;
            // PDFBox resets the widget of an existing field to the invisible rectangle; the reserved rectangle
            // must survive, or the later update would move a field (a change DocMDP P=2 forbids).
            PDRectangle reservedRect = target == null ? null : target.getWidgets().get(0).getRectangle();
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(parameters.reservedSize());
            if (area != null) {
                options.setPage(area.pageNumber() - 1);
            }
            document.addSignature(signature, options);
            PDSignatureField field = target != null ? target : fieldOf(acroForm, signature);
            if (reservedRect != null) {
                field.getWidgets().get(0).setRectangle(reservedRect);
            }
            if (target == null && parameters.fieldName().isPresent()) {
                field.setPartialName(parameters.fieldName().get());
            }
            applyAppearance(document, renderer, field, appearance, area, signingTime);
            if (parameters.fieldLock().isPresent()) {
                field.getCOSObject().setItem(COSName.getPDFName("Lock"), lockDictionary(parameters.fieldLock().get()));
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length() + parameters.reservedSize() * 2 + 65_536);
            ExternalSigningSupport support = document.saveIncrementalForExternalSigning(out);
            byte[] documentDigest;
            try (InputStream content = support.getContent()) {
                documentDigest = parameters.digestAlgorithm().newMessageDigest().digest(content.readAllBytes());
            }
            int[] range = signature.getByteRange();
            support.setSignature(new byte[0]);
            options.close();
            byte[] signedAttributes = CmsSignatureBuilder.signedAttributes(documentDigest, parameters.digestAlgorithm(), chain.get(0));
            Digest toSign = new Digest(parameters.digestAlgorithm(), parameters.digestAlgorithm().digest(signedAttributes));
            return new DataToSign(out.toByteArray(), new long[] {range[0], range[1], range[2], range[3]},
                    new Digest(parameters.digestAlgorithm(), documentDigest), signedAttributes, toSign, signingTime,
                    parameters.toBuilder().fieldName(field.getFullyQualifiedName()).build());
        } catch (IOException e) {
            throw new PadesException(PadesErrorCode.IO_ERROR, e.getMessage(), e);
        }
    }

    /**
     * Step 3: assembles the CMS from the signature value, adds the signature time-stamp (B-T), the DSS (B-LT)
     * and the document time-stamp (B-LTA).
     *
     * @throws PadesException {@code EXTERNAL_SIGNATURE_INVALID} when the value does not verify with the
     *     signing certificate, {@code TSA_UNREACHABLE}, {@code REVOCATION_UNAVAILABLE}
     */
    public SignedPdf complete(DataToSign data, SignatureValue value) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(value, "value");
        SignatureParameters parameters = data.parameters();
        X509Certificate signer = parameters.certificateChain().get(0);
        if (value.algorithm().digestAlgorithm() != parameters.digestAlgorithm()) {
            throw new PadesException(PadesErrorCode.EXTERNAL_SIGNATURE_INVALID, "signature over another digest algorithm");
        }
        if (!verifies(signer, value, data.signedAttributes())) {
            throw new PadesException(PadesErrorCode.EXTERNAL_SIGNATURE_INVALID, "signature value does not verify with the signing certificate");
        }
        TimeStampToken timestamp = null;
        if (parameters.level().atLeast(PadesLevel.B_T)) {
            DigestAlgorithm tsDigest = DigestAlgorithm.SHA256;
            timestamp = configuration.timestamps().orElseThrow().timestamp(new Digest(tsDigest, tsDigest.digest(value.value())));
        }
        byte[] cms = CmsSignatureBuilder.signedData(data.signedAttributes(), parameters.digestAlgorithm(), value,
                parameters.certificateChain(), timestamp);
        return finish(data, cms);
    }

    /**
     * Step 3 for remote services that return a whole CMS SignedData over {@link DataToSign#documentDigest()}
     * (detached, signer = the parameters' certificate). A signature time-stamp is added when the level needs
     * it and the CMS has none.
     */
    public SignedPdf completeWithCms(DataToSign data, byte[] cmsSignedData) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(cmsSignedData, "cmsSignedData");
        SignatureParameters parameters = data.parameters();
        X509Certificate expectedSigner = parameters.certificateChain().get(0);
        try {
            long[] br = data.byteRange();
            byte[] prepared = data.preparedPdf();
            byte[] content = new byte[(int) (br[1] + br[3])];
            System.arraycopy(prepared, 0, content, 0, (int) br[1]);
            System.arraycopy(prepared, (int) br[2], content, (int) br[1], (int) br[3]);
            CMSSignedData cms = new CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(content), cmsSignedData);
            if (cms.getSignerInfos().size() != 1) {
                throw new PadesException(PadesErrorCode.EXTERNAL_SIGNATURE_INVALID, "the CMS must have exactly one signer");
            }
            SignerInformation signerInfo = cms.getSignerInfos().getSigners().iterator().next();
            if (!signerInfo.getSID().match(new X509CertificateHolder(expectedSigner.getEncoded()))) {
                throw new PadesException(PadesErrorCode.EXTERNAL_SIGNATURE_INVALID, "CMS signed by another certificate");
            }
            AttributeTable signed = signerInfo.getSignedAttributes();
            if (signed == null || signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) == null) {
                // ETSI EN 319 142-1 §6.3: B-B requires the ESS signing-certificate-v2 attribute.
                throw new PadesException(PadesErrorCode.EXTERNAL_SIGNATURE_INVALID, "CMS without signing-certificate-v2");
            }
            if (signed.get(CMSAttributes.signingTime) != null) {
                throw new PadesException(PadesErrorCode.EXTERNAL_SIGNATURE_INVALID,
                        "CMS with a signing-time attribute, which PAdES baseline forbids");
            }
            byte[] messageDigest = ASN1OctetString.getInstance(
                    signed.get(CMSAttributes.messageDigest).getAttrValues().getObjectAt(0)).getOctets();
            if (!java.util.Arrays.equals(messageDigest, data.documentDigest().value())) {
                throw new PadesException(PadesErrorCode.EXTERNAL_SIGNATURE_INVALID, "CMS message digest is not the document's");
            }
            if (!signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().build(expectedSigner))) {
                throw new PadesException(PadesErrorCode.EXTERNAL_SIGNATURE_INVALID, "CMS signature does not verify");
            }
            Optional<DigestAlgorithm> digest = DigestAlgorithm.forOid(signerInfo.getDigestAlgorithmID().getAlgorithm());
            if (digest.isEmpty()) {
                throw new PadesException(PadesErrorCode.WEAK_DIGEST, "CMS digest " + signerInfo.getDigestAlgOID());
            }
            boolean hasTimestamp = signerInfo.getUnsignedAttributes() != null
                    && signerInfo.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken) != null;
            if (parameters.level().atLeast(PadesLevel.B_T) && !hasTimestamp) {
                DigestAlgorithm tsDigest = DigestAlgorithm.SHA256;
                TimeStampToken token = configuration.timestamps().orElseThrow()
                        .timestamp(new Digest(tsDigest, tsDigest.digest(signerInfo.getSignature())));
                AttributeTable unsigned = signerInfo.getUnsignedAttributes() == null
                        ? new AttributeTable(new org.bouncycastle.asn1.ASN1EncodableVector())
                        : signerInfo.getUnsignedAttributes();
                unsigned = unsigned.add(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        token.toCMSSignedData().toASN1Structure());
                signerInfo = SignerInformation.replaceUnsignedAttributes(signerInfo, unsigned);
                cms = CMSSignedData.replaceSigners(cms, new SignerInformationStore(signerInfo));
            }
            return finish(data, cms.getEncoded("DER"));
        } catch (CMSException | IOException | OperatorCreationException | java.security.cert.CertificateException e) {
            throw new PadesException(PadesErrorCode.EXTERNAL_SIGNATURE_INVALID, "unreadable CMS: " + e.getMessage(), e);
        }
    }

    private SignedPdf finish(DataToSign data, byte[] cms) {
        if (cms.length > data.reservedCmsBytes()) {
            throw new PadesException(PadesErrorCode.SIGNATURE_TOO_LARGE,
                    "CMS of " + cms.length + " bytes, " + data.reservedCmsBytes() + " reserved");
        }
        byte[] pdf = data.preparedPdf();
        byte[] hex = HexFormat.of().withUpperCase().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
        int start = (int) data.byteRange()[1] + 1; // just after '<'
        if (pdf[start - 1] != '<') {
            throw new PadesException(PadesErrorCode.IO_ERROR, "prepared PDF does not have /Contents where its byte range says");
        }
        System.arraycopy(hex, 0, pdf, start, hex.length);
        SignatureParameters parameters = data.parameters();
        if (parameters.level().atLeast(PadesLevel.B_LT)) {
            pdf = extender.addValidationData(pdf);
        }
        if (parameters.level().atLeast(PadesLevel.B_LTA)) {
            pdf = extender.addDocumentTimestamp(pdf);
        }
        return new SignedPdf(pdf, parameters.level(), data.signingTime(), parameters.fieldName().orElse(""));
    }

    private void checkSigner(List<X509Certificate> chain, Instant now) {
        X509Certificate signer = chain.get(0);
        KeyPolicy.requireAcceptable(signer);
        try {
            signer.checkValidity(java.util.Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new PadesException(PadesErrorCode.CERTIFICATE_EXPIRED, "expired " + signer.getNotAfter().toInstant(), e);
        } catch (CertificateNotYetValidException e) {
            throw new PadesException(PadesErrorCode.CERTIFICATE_NOT_YET_VALID, "valid from " + signer.getNotBefore().toInstant(), e);
        }
        String sigAlg = signer.getSigAlgName().toUpperCase(java.util.Locale.ROOT);
        if (sigAlg.contains("SHA1") || sigAlg.contains("MD5")) {
            throw new PadesException(PadesErrorCode.WEAK_DIGEST, "certificate signed with " + signer.getSigAlgName());
        }
        if (chain.size() < 2) {
            return; // issuer unknown here; the revocation check needs it
        }
        X509Certificate issuer = chain.get(1);
        List<RevocationStatus> statuses = new ArrayList<>();
        configuration.revocationSource().ocsp(signer, issuer)
                .flatMap(r -> RevocationVerifier.fromOcsp(r, signer, issuer)).ifPresent(statuses::add);
        if (statuses.isEmpty()) {
            configuration.revocationSource().crl(signer, issuer)
                    .flatMap(c -> RevocationVerifier.fromCrl(c, signer, issuer)).ifPresent(statuses::add);
        }
        Optional<RevocationStatus> best = RevocationVerifier.best(statuses);
        if (best.isPresent() && best.get().state() == RevocationStatus.State.REVOKED) {
            throw new PadesException(PadesErrorCode.CERTIFICATE_REVOKED, "revoked at " + best.get().revocationTime());
        }
        if (configuration.requireRevocationStatusBeforeSigning()
                && (best.isEmpty() || best.get().state() != RevocationStatus.State.GOOD)) {
            throw new PadesException(PadesErrorCode.REVOCATION_UNAVAILABLE, "no OCSP/CRL answer for the signer");
        }
    }

    private static void checkDocumentPermits(PDDocument document, SignatureParameters parameters) throws IOException {
        int p = PdfDocuments.docMdpPermission(document);
        if (p == 1) {
            // ISO 32000-1 §12.8.2.2, Table 254: P=1 "No changes to the document are permitted".
            throw new PadesException(PadesErrorCode.CHANGES_FORBIDDEN_BY_CERTIFICATION, "document certified with P=1");
        }
        if (parameters.certification().isPresent() && !document.getSignatureDictionaries().isEmpty()) {
            // §12.8.2.2: a document may have only one certification signature, and it shall be the first.
            throw new PadesException(PadesErrorCode.CERTIFICATION_NOT_FIRST, "the document already has signatures");
        }
        if (p == 2 && !parameters.reservations().isEmpty()) {
            throw new PadesException(PadesErrorCode.CHANGES_FORBIDDEN_BY_CERTIFICATION,
                    "new form fields are not permitted by DocMDP P=2");
        }
    }

    private static PDAcroForm acroForm(PDDocument document) {
        PDAcroForm acroForm = document.getDocumentCatalog().getAcroForm(null);
        if (acroForm == null) {
            acroForm = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(acroForm);
        }
        return acroForm;
    }

    private static void reserve(PDDocument document, PDAcroForm acroForm, FieldReservation reservation) throws IOException {
        if (acroForm.getField(reservation.name()) != null) {
            throw new PadesException(PadesErrorCode.INVALID_REQUEST, "a field named " + reservation.name() + " exists already");
        }
        PDPage page = page(document, reservation.area().pageNumber());
        PDField field;
        PDAnnotationWidget widget;
        if (reservation instanceof FieldReservation.Text text) {
            PDTextField tf = new PDTextField(acroForm);
            tf.setPartialName(text.name());
            ensureDefaultResources(acroForm);
            tf.setDefaultAppearance("/Helv " + text.fontSize() + " Tf 0 g");
            // Read-only in viewers: only the issuing software fills number and date (Decree 30 Art. 15).
            tf.setReadOnly(true);
            field = tf;
            widget = tf.getWidgets().get(0);
        } else {
            PDSignatureField sf = new PDSignatureField(acroForm);
            sf.setPartialName(reservation.name());
            field = sf;
            widget = sf.getWidgets().get(0);
        }
        PageRect r = reservation.area();
        widget.setRectangle(new PDRectangle(r.x(), r.y(), r.width(), r.height()));
        widget.setPage(page);
        widget.setPrinted(true);
        page.getAnnotations().add(widget);
        page.getCOSObject().setNeedToBeUpdated(true);
        acroForm.getFields().add(field);
        acroForm.getCOSObject().setNeedToBeUpdated(true);
    }

    private static void ensureDefaultResources(PDAcroForm acroForm) {
        PDResources dr = acroForm.getDefaultResources();
        if (dr == null) {
            dr = new PDResources();
            acroForm.setDefaultResources(dr);
        }
        if (dr.getCOSObject().getCOSDictionary(COSName.FONT) == null
                || dr.getCOSObject().getCOSDictionary(COSName.FONT).getItem(HELV) == null) {
            dr.put(HELV, new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        }
    }

    private static void fill(PDAcroForm acroForm, AppearanceRenderer renderer, String name, String value) throws IOException {
        PDField field = acroForm.getField(name);
        if (!(field instanceof PDTextField text)) {
            throw new PadesException(PadesErrorCode.FORM_FIELD_NOT_FOUND, "no text field " + name);
        }
        // Set /V directly and draw the appearance ourselves: the standard-14 /DA font has no Vietnamese glyphs,
        // so PDFBox's appearance generator would fail on "Đ"; ours embeds a Liberation Serif subset.
        text.getCOSObject().setString(COSName.V, value);
        float fontSize = 13f;
        String da = text.getDefaultAppearance();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+)\\s+Tf").matcher(da == null ? "" : da);
        if (m.find()) {
            fontSize = Float.parseFloat(m.group(1));
        }
        for (PDAnnotationWidget widget : text.getWidgets()) {
            PDRectangle rect = widget.getRectangle();
            PDAppearanceStream stream = renderer.renderTextField(value, rect.getWidth(), rect.getHeight(), fontSize);
            PDAppearanceDictionary ap = new PDAppearanceDictionary();
            ap.setNormalAppearance(stream);
            widget.setAppearance(ap);
            widget.getCOSObject().setNeedToBeUpdated(true);
        }
        text.getCOSObject().setNeedToBeUpdated(true);
    }

    private static PDSignatureField existingEmptySignatureField(PDAcroForm acroForm, String name) {
        PDField field = acroForm.getField(name);
        if (field == null) {
            return null;
        }
        if (!(field instanceof PDSignatureField sf)) {
            throw new PadesException(PadesErrorCode.SIGNATURE_FIELD_NOT_FOUND, name + " is not a signature field");
        }
        if (sf.getCOSObject().getDictionaryObject(COSName.V) != null) {
            throw new PadesException(PadesErrorCode.SIGNATURE_FIELD_NOT_FOUND, name + " is signed already");
        }
        return sf;
    }

    private static PDSignatureField fieldOf(PDAcroForm acroForm, PDSignature signature) {
        for (PDField f : acroForm.getFieldTree()) {
            if (f instanceof PDSignatureField sf && sf.getCOSObject().getDictionaryObject(COSName.V) == signature.getCOSObject()) {
                return sf;
            }
        }
        throw new IllegalStateException("PDFBox did not create the signature field");
    }

    private static PageRect placement(PDDocument document, SignatureAppearance appearance) {
        if (appearance instanceof AttachmentStampAppearance stamp && stamp.area() == null) {
            PDRectangle box = page(document, 1).getCropBox();
            float m = AttachmentStampAppearance.MARGIN;
            return new PageRect(1, box.getUpperRightX() - m - AttachmentStampAppearance.WIDTH,
                    box.getUpperRightY() - m - AttachmentStampAppearance.HEIGHT,
                    AttachmentStampAppearance.WIDTH, AttachmentStampAppearance.HEIGHT);
        }
        if (appearance instanceof CopyStampAppearance copy && copy.area() == null) {
            PDRectangle box = page(document, 1).getCropBox();
            float m = CopyStampAppearance.MARGIN;
            return new PageRect(1, box.getUpperRightX() - m - CopyStampAppearance.WIDTH,
                    box.getUpperRightY() - m - CopyStampAppearance.HEIGHT, CopyStampAppearance.WIDTH, CopyStampAppearance.HEIGHT);
        }
        PageRect area = appearance.area();
        if (area != null) {
            page(document, area.pageNumber());
        }
        return area;
    }

    private static PDPage page(PDDocument document, int pageNumber) {
        if (pageNumber < 1 || pageNumber > document.getNumberOfPages()) {
            throw new PadesException(PadesErrorCode.PAGE_OUT_OF_RANGE, "page " + pageNumber + " of " + document.getNumberOfPages());
        }
        return document.getPage(pageNumber - 1);
    }

    private static void applyAppearance(PDDocument document, AppearanceRenderer renderer, PDSignatureField field,
            SignatureAppearance appearance, PageRect area, ZonedDateTime signingTime) throws IOException {
        PDAnnotationWidget widget = field.getWidgets().get(0);
        if (appearance instanceof InvisibleAppearance) {
            return; // PDFBox already wrote the zero-size rectangle and empty appearance
        }
        PDRectangle rect;
        if (area != null) {
            rect = new PDRectangle(area.x(), area.y(), area.width(), area.height());
            widget.setRectangle(rect);
        } else {
            rect = widget.getRectangle();
        }
        PDAppearanceStream stream = renderer.render(appearance, rect.getWidth(), rect.getHeight(), signingTime);
        PDAppearanceDictionary ap = new PDAppearanceDictionary();
        ap.setNormalAppearance(stream);
        widget.setAppearance(ap);
        widget.getCOSObject().setNeedToBeUpdated(true);
        field.getCOSObject().setNeedToBeUpdated(true);
    }

    /**
     * Certification: a DocMDP signature reference (ISO 32000-1 §12.8.2.2, Table 252/254) and the catalog's
     * /Perms /DocMDP pointing at this signature dictionary (§12.8.4).
     */
    private static void certify(PDDocument document, PDSignature signature, CertificationPermission permission) {
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        params.setInt(COSName.P, permission.value());
        params.setName(COSName.V, "1.2");
        params.setDirect(true);
        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, SIG_REF);
        reference.setItem(COSName.TRANSFORM_METHOD, COSName.DOCMDP);
        reference.setItem(COSName.TRANSFORM_PARAMS, params);
        reference.setDirect(true);
        COSArray references = new COSArray();
        references.add(reference);
        references.setDirect(true);
        signature.getCOSObject().setItem(COSName.REFERENCE, references);
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        COSDictionary perms = new COSDictionary();
        perms.setItem(COSName.DOCMDP, signature);
        perms.setDirect(true);
        catalog.setItem(COSName.PERMS, perms);
        catalog.setNeedToBeUpdated(true);
    }

    private static COSArray fieldMdpReference(FieldLock lock) {
        COSDictionary params = lockDictionary(lock);
        params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        params.setName(COSName.V, "1.2");
        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, SIG_REF);
        reference.setItem(COSName.TRANSFORM_METHOD, FIELD_MDP);
        reference.setItem(COSName.TRANSFORM_PARAMS, params);
        reference.setDirect(true);
        COSArray references = new COSArray();
        references.add(reference);
        return references;
    }

    /** The signature field lock dictionary, ISO 32000-1 §12.7.4.5 Table 233. */
    private static COSDictionary lockDictionary(FieldLock lock) {
        COSDictionary dict = new COSDictionary();
        dict.setItem(COSName.TYPE, SIG_FIELD_LOCK);
        dict.setName(COSName.getPDFName("Action"), switch (lock.action()) {
            case ALL -> "All";
            case INCLUDE -> "Include";
            case EXCLUDE -> "Exclude";
        });
        if (lock.action() != FieldLock.Action.ALL) {
            COSArray names = new COSArray();
            lock.fields().forEach(f -> names.add(new COSString(f)));
            dict.setItem(COSName.FIELDS, names);
        }
        dict.setDirect(true);
        return dict;
    }

    private static boolean verifies(X509Certificate signer, SignatureValue value, byte[] signedAttributes) {
        try {
            Signature s = Signature.getInstance(value.algorithm().jcaName());
            s.initVerify(signer.getPublicKey());
            s.update(signedAttributes);
            return s.verify(value.value());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String commonName(X509Certificate certificate) {
        org.bouncycastle.asn1.x500.X500Name name = org.bouncycastle.asn1.x500.X500Name.getInstance(
                certificate.getSubjectX500Principal().getEncoded());
        org.bouncycastle.asn1.x500.RDN[] cn = name.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
        if (cn.length > 0) {
            return org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(cn[0].getFirst().getValue());
        }
        return certificate.getSubjectX500Principal().getName();
    }
}
