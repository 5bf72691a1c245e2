package vn.ccn.dms.pades.testpki;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;

/**
 * A throw-away PKI built when a test starts, valid relative to now so nothing committed ever expires: a root
 * CA, an intermediate CA, a delegated OCSP responder, a TSA, and signers (RSA-2048, ECDSA P-256, expired,
 * revoked). One in-JVM HTTP server on 127.0.0.1 answers OCSP (POST /ocsp), CRLs (GET /crl/root.crl and
 * /crl/intermediate.crl) and RFC 3161 time-stamps (POST /tsa). Certificates point at it through AIA and CRL
 * distribution points, so the engine finds revocation data the way it does in production.
 */
public final class TestPki implements AutoCloseable {

    /** A key with its certificate chain (leaf first, root last). */
    public record Identity(PrivateKey key, List<X509Certificate> chain) {
        public X509Certificate certificate() {
            return chain.get(0);
        }
    }

    static {
        // The JDK's HttpServer writes headers and body in separate packets; without TCP_NODELAY, Nagle's algorithm
        // meets the client's delayed ACK and each small OCSP/TSA answer waits ~40 ms, which real responders do not
        // make anyone wait. Read once, when the server classes load: set it before the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ASN1ObjectIdentifier TSA_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1");

    private final HttpServer server;
    private final String base;
    private final Identity root;
    private final Identity intermediate;
    private final Identity ocspResponder;
    private final Identity tsa;
    private final Identity rsaSigner;
    private final Identity ecSigner;
    private final Identity expiredSigner;
    private final Identity revokedSigner;
    private final Map<BigInteger, Date> revoked = new ConcurrentHashMap<>();
    private final AtomicLong serials = new AtomicLong(System.currentTimeMillis());
    private final AtomicBoolean tsaUp = new AtomicBoolean(true);
    private volatile long tsaDelayMillis;
    private final AtomicInteger tsaRequests = new AtomicInteger();
    private final AtomicInteger ocspRequests = new AtomicInteger();

    public TestPki() throws Exception {
        this(0);
    }

    /**
     * @param port the port of the HTTP server on 127.0.0.1, 0 for any free one; a fixed port lets a server
     *     started before the PKI (Payara in the integration tests) be configured with the TSA address
     */
    public TestPki(int port) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        Instant now = Instant.now();
        Date notBefore = Date.from(now.minus(Duration.ofDays(30)));
        Date notAfter = Date.from(now.plus(Duration.ofDays(3650)));

        KeyPair rootKeys = rsa(2048);
        root = new Identity(rootKeys.getPrivate(), List.of(certificate("CN=CCN Test Root CA,O=Test PKI,C=VN", rootKeys, null, null, notBefore,
                notAfter, true, null, false, null)));
        KeyPair interKeys = rsa(2048);
        intermediate = new Identity(interKeys.getPrivate(), List.of(
                certificate("CN=CCN Test Issuing CA,O=Test PKI,C=VN", interKeys, root, rootKeys.getPrivate(), notBefore, notAfter, true,
                        null, false, "/crl/root.crl"),
                root.certificate()));
        ocspResponder = leaf("CN=CCN Test OCSP Responder,O=Test PKI,C=VN", rsa(2048), notBefore, notAfter, KeyPurposeId.id_kp_OCSPSigning, true);
        tsa = leaf("CN=CCN Test TSA,O=Test PKI,C=VN", rsa(2048), notBefore, notAfter, KeyPurposeId.id_kp_timeStamping, false);
        rsaSigner = leaf("CN=Nguyễn Văn An,O=UBND tỉnh Lạng Sơn,C=VN", rsa(2048), notBefore, notAfter, null, false);
        ecSigner = leaf("CN=Trần Thị Bình,O=Sở Công Thương Lạng Sơn,C=VN", ec(), notBefore, notAfter, null, false);
        expiredSigner = leaf("CN=Lê Văn Cũ,O=Test PKI,C=VN", rsa(2048), Date.from(now.minus(Duration.ofDays(60))),
                Date.from(now.minus(Duration.ofDays(1))), null, false);
        revokedSigner = leaf("CN=Phạm Văn Thu Hồi,O=Test PKI,C=VN", rsa(2048), notBefore, notAfter, null, false);
        revoked.put(revokedSigner.certificate().getSerialNumber(), Date.from(now.minus(Duration.ofHours(1))));

        server.createContext("/ocsp", this::ocsp);
        server.createContext("/crl/", this::crl);
        server.createContext("/tsa", this::tsa);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "test-pki-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    private Identity leaf(String dn, KeyPair keys, Date notBefore, Date notAfter, KeyPurposeId eku, boolean ocspNoCheck)
            throws Exception {
        X509Certificate cert = certificate(dn, keys, intermediate, intermediate.key(), notBefore, notAfter, false, eku, ocspNoCheck,
                "/crl/intermediate.crl");
        return new Identity(keys.getPrivate(), List.of(cert, intermediate.certificate(), root.certificate()));
    }

    private X509Certificate certificate(String dn, KeyPair keys, Identity issuer, PrivateKey issuerKey, Date notBefore, Date notAfter,
            boolean ca, KeyPurposeId eku, boolean ocspNoCheck, String crlPath) throws Exception {
        X500Name subject = new X500Name(dn);
        X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(serials.incrementAndGet()),
                notBefore, notAfter, subject, keys.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        if (issuer != null) {
            b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer.certificate()));
        }
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else if (eku != null) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            // RFC 3161 §2.3: the TSA's extended key usage is critical and only id-kp-timeStamping.
            b.addExtension(Extension.extendedKeyUsage, eku == KeyPurposeId.id_kp_timeStamping, new ExtendedKeyUsage(eku));
        } else {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        }
        if (ocspNoCheck) {
            b.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
        }
        if (crlPath != null) {
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, base + crlPath))), null, null)}));
        }
        if (!ca && issuer != null && !ocspNoCheck) {
            b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                new AccessDescription(AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, base + "/ocsp"))}));
        }
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey == null ? keys.getPrivate() : issuerKey);
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }

    static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits, RANDOM);
        return g.generateKeyPair();
    }

    static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    /** A signer certificate with a weak RSA-1024 key, for refusal tests. */
    public Identity weakSigner() throws Exception {
        Instant now = Instant.now();
        return leaf("CN=Weak Key,O=Test PKI,C=VN", rsa(1024), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))), null, false);
    }

    // ---- HTTP handlers ----

    private void ocsp(HttpExchange exchange) throws IOException {
        try {
            ocspRequests.incrementAndGet();
            OCSPReq request = new OCSPReq(exchange.getRequestBody().readAllBytes());
            X509CertificateHolder responderHolder = new JcaX509CertificateHolder(ocspResponder.certificate());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(responderHolder.getSubject()));
            Date now = new Date();
            Date next = Date.from(Instant.now().plus(Duration.ofDays(1)));
            for (Req r : request.getRequestList()) {
                CertificateID id = r.getCertID();
                Date revokedAt = revoked.get(id.getSerialNumber());
                CertificateStatus status = revokedAt == null ? CertificateStatus.GOOD
                        : new RevokedStatus(revokedAt, CRLReason.keyCompromise);
                builder.addResponse(id, status, now, next);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new org.bouncycastle.asn1.x509.Extensions(nonce));
            }
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(ocspResponder.key());
            var basic = builder.build(signer, new X509CertificateHolder[] {responderHolder}, now);
            byte[] body = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
            send(exchange, 200, "application/ocsp-response", body);
        } catch (Exception e) {
            send(exchange, 500, "text/plain", e.toString().getBytes());
        }
    }

    private void crl(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            X509CRL crl = path.endsWith("root.crl") ? crl(root, Map.of()) : crl(intermediate, revoked);
            send(exchange, 200, "application/pkix-crl", crl.getEncoded());
        } catch (Exception e) {
            send(exchange, 500, "text/plain", e.toString().getBytes());
        }
    }

    /** A fresh CRL of the given CA. */
    public X509CRL crl(Identity ca, Map<BigInteger, Date> entries) throws Exception {
        Date now = new Date();
        X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), now);
        b.setNextUpdate(Date.from(Instant.now().plus(Duration.ofDays(1))));
        for (Map.Entry<BigInteger, Date> e : entries.entrySet()) {
            b.addCRLEntry(e.getKey(), e.getValue(), CRLReason.keyCompromise);
        }
        b.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
        b.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(serials.incrementAndGet())));
        X509CRLHolder holder = b.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.key()));
        return new JcaX509CRLConverter().getCRL(holder);
    }

    public List<X509CRL> currentCrls() throws Exception {
        return List.of(crl(root, Map.of()), crl(intermediate, revoked));
    }

    private void tsa(HttpExchange exchange) throws IOException {
        if (!tsaUp.get()) {
            send(exchange, 503, "text/plain", "down".getBytes());
            return;
        }
        try {
            if (tsaDelayMillis > 0) {
                Thread.sleep(tsaDelayMillis);
            }
            tsaRequests.incrementAndGet();
            TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsa.key(), tsa.certificate()),
                    new JcaDigestCalculatorProviderBuilder().build().get(
                            new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                    TSA_POLICY);
            generator.addCertificates(new org.bouncycastle.cert.jcajce.JcaCertStore(List.of(tsa.certificate(), intermediate.certificate())));
            TimeStampResponseGenerator responder = new TimeStampResponseGenerator(generator, TSPAlgorithms.ALLOWED);
            TimeStampResponse response = responder.generate(request, BigInteger.valueOf(serials.incrementAndGet()), new Date());
            send(exchange, 200, "application/timestamp-reply", response.getEncoded());
        } catch (Exception e) {
            send(exchange, 500, "text/plain", e.toString().getBytes());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    // ---- accessors ----

    /** The base address of the PKI's HTTP server, e.g. http://127.0.0.1:4711 */
    public URI baseUrl() {
        return URI.create(base);
    }

    public URI tsaUrl() {
        return URI.create(base + "/tsa");
    }

    /** An address on which nothing listens, for "TSA unreachable" tests. */
    public static URI unreachableUrl() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/tsa");
        }
    }

    public void setTsaUp(boolean up) {
        tsaUp.set(up);
    }

    /** Makes the TSA answer this much later (a slow network), so a test can act while a batch is under way. */
    public void setTsaDelay(java.time.Duration delay) {
        tsaDelayMillis = delay.toMillis();
    }

    public int tsaRequests() {
        return tsaRequests.get();
    }

    public int ocspRequests() {
        return ocspRequests.get();
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    public Identity root() {
        return root;
    }

    public Identity intermediate() {
        return intermediate;
    }

    public Identity tsa() {
        return tsa;
    }

    public Identity rsaSigner() {
        return rsaSigner;
    }

    public Identity ecSigner() {
        return ecSigner;
    }

    public Identity expiredSigner() {
        return expiredSigner;
    }

    public Identity revokedSigner() {
        return revokedSigner;
    }

    /** Writes a PKCS#12 keystore with the identity under alias "signer". */
    public static Path pkcs12(Identity identity, char[] password, Path directory) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("signer", identity.key(), password, identity.chain().toArray(new X509Certificate[0]));
        Path file = Files.createTempFile(directory, "signer", ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password);
        }
        return file;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
