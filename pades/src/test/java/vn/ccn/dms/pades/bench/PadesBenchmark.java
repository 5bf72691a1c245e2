package vn.ccn.dms.pades.bench;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.crypto.Digest;
import vn.ccn.dms.pades.crypto.DigestAlgorithm;
import vn.ccn.dms.pades.signing.PadesSigningService;
import vn.ccn.dms.pades.signing.PdfInput;
import vn.ccn.dms.pades.signing.SignatureParameters;
import vn.ccn.dms.pades.signing.SignedPdf;
import vn.ccn.dms.pades.signing.SigningConfiguration;
import vn.ccn.dms.pades.testpki.DssValidation;
import vn.ccn.dms.pades.testpki.Engines;
import vn.ccn.dms.pades.testpki.InMemoryCrlSource;
import vn.ccn.dms.pades.testpki.TestDocuments;
import vn.ccn.dms.pades.testpki.TestPki;
import vn.ccn.dms.pades.tsp.TimestampSource;
import vn.ccn.dms.pades.validation.PdfSignatureValidator;
import vn.ccn.dms.pades.validation.ValidationPolicy;

/**
 * Benchmark, run as a test-scoped main (not a unit test):
 * {@code ./mvnw -q -pl pades test-compile exec:java -Dexec.mainClass=vn.ccn.dms.pades.bench.PadesBenchmark
 * -Dexec.classpathScope=test -Dexec.args="pades/BENCHMARKS.md"}.
 * Contenders run interleaved round by round (so drift hits all equally) after a warm-up; medians reported.
 */
public final class PadesBenchmark {

    static final int WARMUP = 8;
    static final int SIGN_ROUNDS = 40;
    static final int VALIDATE_ROUNDS = 20;

    public static void main(String[] args) throws Exception {
        try (TestPki pki = new TestPki()) {
            byte[] pdf = TestDocuments.largePdf(10, 1_000_000);
            TestPki.Identity id = pki.rsaSigner();
            TimestampSource tsa = Engines.tsa(pki);
            PadesSigningService ours = new PadesSigningService(new SigningConfiguration(Clock.systemUTC(), SigningConfiguration.VIETNAM,
                    tsa, vn.ccn.dms.pades.revocation.RevocationSource.none(), false));
            PAdESService dss = new PAdESService(new CommonCertificateVerifier());
            dss.setTspSource((alg, digest) -> {
                try {
                    DigestAlgorithm requested = DigestAlgorithm.forOid(new org.bouncycastle.asn1.ASN1ObjectIdentifier(alg.getOid())).orElseThrow();
                    return new TimestampBinary(tsa.timestamp(new Digest(requested, digest)).getEncoded());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } catch (vn.ccn.dms.pades.PadesException e) {
                    throw new IllegalStateException(alg + ": " + e.technicalDetail(), e);
                }
            });

            Map<String, Callable<byte[]>> signing = new LinkedHashMap<>();
            signing.put("ours: PadesSigningService B-T", () -> ours.sign(PdfInput.of(pdf),
                    SignatureParameters.builder(PadesLevel.B_T).build(), Engines.signer(id)).bytes());
            signing.put("floor: bare PDFBox + Bouncy Castle B-T", () -> bare(pdf, id, tsa));
            signing.put("EU DSS 6.4 PAdESService B-T", () -> dssSign(dss, pdf, id));
            Map<String, List<Long>> signTimes = measure(signing, WARMUP, SIGN_ROUNDS);

            // A PDF with five B-T signatures, validated by both.
            byte[] five = pdf;
            for (int i = 0; i < 5; i++) {
                five = ours.sign(PdfInput.of(five), SignatureParameters.builder(PadesLevel.B_T).build(),
                        Engines.signer(i % 2 == 0 ? pki.rsaSigner() : pki.ecSigner())).bytes();
            }
            final byte[] fiveSigned = five;
            PdfSignatureValidator validator = new PdfSignatureValidator(new ValidationPolicy(List.of(pki.rootCertificate()),
                    new InMemoryCrlSource(pki.currentCrls()), true, Clock.systemUTC()));
            if (!validator.validate(fiveSigned).allPassed()) {
                throw new IllegalStateException("our validator does not pass the 5-signature PDF");
            }
            Map<String, Callable<byte[]>> validation = new LinkedHashMap<>();
            validation.put("ours: PdfSignatureValidator (5 signatures)", () -> {
                validator.validate(fiveSigned);
                return null;
            });
            validation.put("EU DSS 6.4 (5 signatures, visual comparison off)", () -> {
                DssValidation.validator(pki, fiveSigned, true).validateDocument();
                return null;
            });
            Map<String, List<Long>> validateTimes = measure(validation, 3, VALIDATE_ROUNDS);
            Map<String, List<Long>> dssDefault = measure(Map.of("EU DSS 6.4 (5 signatures, default: visual comparison on)", () -> {
                DssValidation.validator(pki, fiveSigned, true, true).validateDocument();
                return null;
            }), 1, 5);
            validateTimes.putAll(dssDefault);

            String report = report(pdf.length, signTimes, validateTimes);
            System.out.println(report);
            if (args.length > 0) {
                Files.writeString(Path.of(args[0]), report);
            }
        }
    }

    static byte[] bare(byte[] pdf, TestPki.Identity id, TimestampSource tsa) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            signature.setSignDate(Calendar.getInstance());
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(24_576);
            doc.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 60_000);
            ExternalSigningSupport support = doc.saveIncrementalForExternalSigning(out);
            byte[] content;
            try (InputStream in = support.getContent()) {
                content = in.readAllBytes();
            }
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(id.key()), id.certificate()));
            generator.addCertificates(new JcaCertStore(id.chain()));
            CMSSignedData cms = generator.generate(new CMSProcessableByteArray(content), false);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            byte[] tsDigest = DigestAlgorithm.SHA256.digest(signer.getSignature());
            var token = tsa.timestamp(new Digest(DigestAlgorithm.SHA256, tsDigest));
            ASN1EncodableVector v = new ASN1EncodableVector();
            v.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new DERSet(token.toCMSSignedData().toASN1Structure())));
            signer = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(v));
            cms = CMSSignedData.replaceSigners(cms, new SignerInformationStore(Collections.singletonList(signer)));
            support.setSignature(cms.getEncoded());
            return out.toByteArray();
        }
    }

    static byte[] dssSign(PAdESService service, byte[] pdf, TestPki.Identity id) throws Exception {
        DSSDocument document = new InMemoryDocument(pdf);
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_T);
        parameters.setDigestAlgorithm(eu.europa.esig.dss.enumerations.DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(id.certificate()));
        List<CertificateToken> chain = new ArrayList<>();
        id.chain().forEach(c -> chain.add(new CertificateToken(c)));
        parameters.setCertificateChain(chain);
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(id.key());
        s.update(toBeSigned.getBytes());
        eu.europa.esig.dss.model.SignatureValue value = new eu.europa.esig.dss.model.SignatureValue(
                eu.europa.esig.dss.enumerations.SignatureAlgorithm.RSA_SHA256, s.sign());
        DSSDocument signed = service.signDocument(document, parameters, value);
        try (InputStream in = signed.openStream()) {
            return in.readAllBytes();
        }
    }

    static Map<String, List<Long>> measure(Map<String, Callable<byte[]>> contenders, int warmup, int rounds) throws Exception {
        Map<String, List<Long>> times = new LinkedHashMap<>();
        contenders.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        for (int r = 0; r < warmup + rounds; r++) {
            for (Map.Entry<String, Callable<byte[]>> c : contenders.entrySet()) {
                long start = System.nanoTime();
                c.getValue().call();
                long elapsed = System.nanoTime() - start;
                if (r >= warmup) {
                    times.get(c.getKey()).add(elapsed);
                }
            }
        }
        return times;
    }

    static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return (n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0) / 1e6;
    }

    static double p90(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1) / 1e6;
    }

    static String report(int pdfBytes, Map<String, List<Long>> signing, Map<String, List<Long>> validation) {
        StringBuilder sb = new StringBuilder();
        sb.append("# pades module benchmarks\n\n");
        sb.append("Generated by `vn.ccn.dms.pades.bench.PadesBenchmark` (test-scoped main; command in its Javadoc).\n\n");
        sb.append("## Machine\n\n");
        sb.append("- CPUs available to the JVM: ").append(Runtime.getRuntime().availableProcessors()).append('\n');
        sb.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(", max heap ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB\n");
        sb.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append('\n');
        sb.append("- JVM arguments: ").append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append("\n\n");
        sb.append("## Method\n\n");
        sb.append("- Input: a ").append(pdfBytes / 1024).append(" KiB, 10-page PDF (one incompressible image per page).\n");
        sb.append("- Signing: PAdES B-T, RSA-2048 key in memory, SHA-256, RFC 3161 time-stamp from the in-JVM test TSA over ")
                .append("127.0.0.1 (same TSA for all three). ").append(WARMUP).append(" warm-up rounds, then ").append(SIGN_ROUNDS)
                .append(" measured rounds; each round runs every contender once, in turn (interleaved).\n");
        sb.append("- The floor is the minimum any PDFBox + Bouncy Castle signer must do: load, addSignature, ")
                .append("saveIncrementalForExternalSigning, CMSSignedDataGenerator, time-stamp, setSignature.\n");
        sb.append("- Validation: the same PDF signed five times (B-T, alternating RSA and ECDSA signers); both validators get the ")
                .append("test root as trust anchor and the same two CRLs in memory, no network. EU DSS with its page rendering and ")
                .append("visual comparison switched off (setMaximalPagesAmountForVisualComparison(0)), and once with its defaults.\n\n");
        sb.append("## Signing a 1 MB, 10-page PDF at B-T\n\n| contender | median ms | p90 ms | ratio to floor |\n|---|---:|---:|---:|\n");
        double floor = median(signing.get("floor: bare PDFBox + Bouncy Castle B-T"));
        for (Map.Entry<String, List<Long>> e : signing.entrySet()) {
            double m = median(e.getValue());
            sb.append(String.format("| %s | %.1f | %.1f | %.2f× |%n", e.getKey(), m, p90(e.getValue()), m / floor));
        }
        double ours = median(signing.get("ours: PadesSigningService B-T"));
        double dss = median(signing.get("EU DSS 6.4 PAdESService B-T"));
        sb.append(String.format("%nOurs / EU DSS: %.2f×.%n%n", ours / dss));
        sb.append("## Validating a PDF with 5 signatures\n\n| validator | median ms | p90 ms |\n|---|---:|---:|\n");
        for (Map.Entry<String, List<Long>> e : validation.entrySet()) {
            sb.append(String.format("| %s | %.1f | %.1f |%n", e.getKey(), median(e.getValue()), p90(e.getValue())));
        }
        double ov = median(validation.get("ours: PdfSignatureValidator (5 signatures)"));
        double dv = median(validation.get("EU DSS 6.4 (5 signatures, visual comparison off)"));
        sb.append(String.format("%nOurs / EU DSS (visual comparison off): %.2f×.%n", ov / dv));
        return sb.toString();
    }
}
