package vn.ccn.dms.pades.revocation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Fetches OCSP responses and CRLs over HTTP from the addresses in the certificate (authority information
 * access, RFC 5280 §4.2.2.1; CRL distribution points, §4.2.1.13), or from addresses configured per issuer
 * for CAs whose certificates lack them. CRLs are cached until their nextUpdate.
 */
public final class OnlineRevocationSource implements RevocationSource {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient client;
    private final Duration timeout;
    private final Map<String, URI> ocspOverrides;
    private final Map<URI, X509CRL> crlCache = new ConcurrentHashMap<>();
    private final java.time.Clock clock;

    /**
     * @param ocspOverrides responder addresses keyed by issuer subject DN (RFC 2253), used before the AIA
     * @param clock decides when a cached CRL is stale
     */
    public OnlineRevocationSource(Duration timeout, Map<String, URI> ocspOverrides, java.time.Clock clock) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.ocspOverrides = Map.copyOf(Objects.requireNonNull(ocspOverrides, "ocspOverrides"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public OnlineRevocationSource(Duration timeout, java.time.Clock clock) {
        this(timeout, Map.of(), clock);
    }

    @Override
    public Optional<OCSPResp> ocsp(X509Certificate certificate, X509Certificate issuer) {
        List<URI> urls = new ArrayList<>();
        URI override = ocspOverrides.get(issuer.getSubjectX500Principal().getName());
        if (override != null) {
            urls.add(override);
        }
        urls.addAll(ocspUrls(certificate));
        if (urls.isEmpty()) {
            return Optional.empty();
        }
        OCSPReq request;
        try {
            // RFC 5019 §2.1.1 and RFC 6960 use SHA-1 in CertID as an identifier only; responders expect it.
            CertificateID id = new CertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            byte[] nonce = new BigInteger(128, RANDOM).toByteArray();
            request = new OCSPReqBuilder().addRequest(id)
                    .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                            new DEROctetString(nonce))))
                    .build();
        } catch (OCSPException | CertificateException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot build an OCSP request", e);
        }
        for (URI url : urls) {
            try {
                byte[] body = post(url, "application/ocsp-request", request.getEncoded());
                OCSPResp response = new OCSPResp(body);
                if (response.getStatus() == OCSPResp.SUCCESSFUL) {
                    return Optional.of(response);
                }
            } catch (IOException e) {
                // try the next responder; the caller decides what missing revocation data means
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<X509CRL> crl(X509Certificate certificate, X509Certificate issuer) {
        for (URI url : crlUrls(certificate)) {
            X509CRL cached = crlCache.get(url);
            if (cached != null && cached.getNextUpdate() != null && cached.getNextUpdate().toInstant().isAfter(clock.instant())) {
                return Optional.of(cached);
            }
            try {
                byte[] body = get(url);
                X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(body));
                crlCache.put(url, crl);
                return Optional.of(crl);
            } catch (IOException | CRLException | CertificateException e) {
                // try the next distribution point
            }
        }
        return Optional.empty();
    }

    private byte[] post(URI url, String contentType, byte[] body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return send(request);
    }

    private byte[] get(URI url) throws IOException {
        return send(HttpRequest.newBuilder(url).timeout(timeout).GET().build());
    }

    private byte[] send(HttpRequest request) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + request.uri());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** OCSP responder addresses from the AIA extension. */
    public static List<URI> ocspUrls(X509Certificate certificate) {
        List<URI> result = new ArrayList<>();
        byte[] ext = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (ext == null) {
            return result;
        }
        AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(unwrap(ext));
        for (AccessDescription d : aia.getAccessDescriptions()) {
            if (AccessDescription.id_ad_ocsp.equals(d.getAccessMethod())) {
                uri(d.getAccessLocation()).ifPresent(result::add);
            }
        }
        return result;
    }

    /** CRL addresses from the CRL distribution points extension. */
    public static List<URI> crlUrls(X509Certificate certificate) {
        List<URI> result = new ArrayList<>();
        byte[] ext = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (ext == null) {
            return result;
        }
        CRLDistPoint points = CRLDistPoint.getInstance(unwrap(ext));
        for (DistributionPoint p : points.getDistributionPoints()) {
            DistributionPointName name = p.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                    uri(g).ifPresent(result::add);
                }
            }
        }
        return result;
    }

    private static Optional<URI> uri(GeneralName name) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return Optional.empty();
        }
        String s = ASN1IA5String.getInstance(name.getName()).getString();
        if (!s.startsWith("http://") && !s.startsWith("https://")) {
            return Optional.empty(); // ldap:// and others are not fetched
        }
        try {
            return Optional.of(URI.create(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ASN1Primitive unwrap(byte[] extensionValue) {
        try {
            return ASN1Primitive.fromByteArray(org.bouncycastle.asn1.ASN1OctetString.getInstance(extensionValue).getOctets());
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed certificate extension", e);
        }
    }
}
