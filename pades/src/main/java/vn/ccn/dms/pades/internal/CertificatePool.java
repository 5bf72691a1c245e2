package vn.ccn.dms.pades.internal;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A de-duplicated set of certificates with issuer lookup: the candidates from which chains are built
 * (CMS certificates, time-stamp token certificates, DSS certificates, configured anchors).
 */
public final class CertificatePool {

    private final Map<String, X509Certificate> byFingerprint = new LinkedHashMap<>();

    public CertificatePool add(X509Certificate certificate) {
        byFingerprint.putIfAbsent(fingerprint(certificate), certificate);
        return this;
    }

    public CertificatePool addAll(Collection<X509Certificate> certificates) {
        certificates.forEach(this::add);
        return this;
    }

    public List<X509Certificate> all() {
        return new ArrayList<>(byFingerprint.values());
    }

    public static boolean selfSigned(X509Certificate c) {
        if (!c.getIssuerX500Principal().equals(c.getSubjectX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The certificate in the pool whose key verifies the given certificate's signature. */
    public Optional<X509Certificate> issuerOf(X509Certificate certificate) {
        for (X509Certificate candidate : byFingerprint.values()) {
            if (!candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue;
            }
            try {
                certificate.verify(candidate.getPublicKey());
                return Optional.of(candidate);
            } catch (GeneralSecurityException e) {
                // same name, other key: keep looking
            }
        }
        return Optional.empty();
    }

    /** The chain from the certificate up to a self-signed one or as far as the pool allows; leaf first. */
    public List<X509Certificate> chainOf(X509Certificate leaf) {
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = leaf;
        chain.add(current);
        while (!selfSigned(current) && chain.size() < 10) {
            Optional<X509Certificate> issuer = issuerOf(current);
            if (issuer.isEmpty() || chain.contains(issuer.get())) {
                break;
            }
            current = issuer.get();
            chain.add(current);
        }
        return chain;
    }

    public static String fingerprint(X509Certificate c) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean same(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }
}
