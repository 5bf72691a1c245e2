package vn.ccn.dms.pades.crypto;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/** Certificates to and from PEM (RFC 7468) or DER. */
public final class Pem {

    private Pem() {
    }

    /** Every certificate in a PEM bundle or a DER file, in order. */
    public static List<X509Certificate> certificates(byte[] bytes) {
        try {
            Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes));
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : all) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a certificate or PEM bundle: " + e.getMessage(), e);
        }
    }

    public static List<X509Certificate> certificates(String pem) {
        return certificates(pem.getBytes(StandardCharsets.US_ASCII));
    }

    public static String format(List<X509Certificate> chain) {
        StringBuilder sb = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate c : chain) {
            try {
                sb.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return sb.toString();
    }
}
