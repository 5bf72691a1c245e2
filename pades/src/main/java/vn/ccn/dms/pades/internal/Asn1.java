package vn.ccn.dms.pades.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.util.Store;

/** Conversions between encodings and JCA objects. */
public final class Asn1 {

    private Asn1() {
    }

    public static X509Certificate certificate(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    public static X509CRL crl(byte[] der) throws CertificateException, java.security.cert.CRLException {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    }

    public static List<X509Certificate> certificates(Store<X509CertificateHolder> store) {
        List<X509Certificate> out = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        Collection<X509CertificateHolder> holders = store.getMatches(null);
        for (X509CertificateHolder h : holders) {
            try {
                out.add(converter.getCertificate(h));
            } catch (CertificateException e) {
                // skip an unparseable certificate; chain building reports what is missing
            }
        }
        return out;
    }
}
