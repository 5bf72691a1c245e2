package vn.ccn.dms.pades.signing;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.tsp.TimeStampToken;
import vn.ccn.dms.pades.crypto.DigestAlgorithm;
import vn.ccn.dms.pades.crypto.SignatureValue;

/**
 * Builds the detached CMS SignedData of a PAdES baseline signature (ETSI EN 319 142-1 §5.1 and §6.3,
 * building on ETSI EN 319 122-1 for CAdES). Signed attributes: content-type (id-data), message-digest and
 * ESS signing-certificate-v2 (mandatory, EN 319 122-1 §5.2.2.3). The signing-time attribute is deliberately
 * absent: in PAdES the claimed time is the /M entry of the signature dictionary, and EN 319 142-1 Table 1
 * forbids the attribute for baseline signatures.
 */
final class CmsSignatureBuilder {

    private CmsSignatureBuilder() {
    }

    /** The DER-encoded signed attributes, exactly the bytes the signer signs (RFC 5652 §5.4). */
    static byte[] signedAttributes(byte[] documentDigest, DigestAlgorithm digestAlgorithm, X509Certificate signingCertificate) {
        try {
            ASN1EncodableVector v = new ASN1EncodableVector();
            v.add(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
            v.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(documentDigest))));
            v.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(signingCertificateV2(signingCertificate, digestAlgorithm))));
            return new DERSet(v).getEncoded(ASN1Encoding.DER);
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode signed attributes", e);
        }
    }

    private static SigningCertificateV2 signingCertificateV2(X509Certificate certificate, DigestAlgorithm digestAlgorithm)
            throws CertificateEncodingException {
        byte[] hash = digestAlgorithm.digest(certificate.getEncoded());
        Certificate c = Certificate.getInstance(certificate.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(c.getIssuer())), c.getSerialNumber().getValue());
        // ESSCertIDv2 hashAlgorithm defaults to SHA-256 and is then omitted (RFC 5035 §3).
        ESSCertIDv2 id = digestAlgorithm == DigestAlgorithm.SHA256
                ? new ESSCertIDv2(hash, issuerSerial)
                : new ESSCertIDv2(digestAlgorithm.algorithmIdentifier(), hash, issuerSerial);
        return new SigningCertificateV2(new ESSCertIDv2[] {id});
    }

    /** The whole ContentInfo(SignedData), DER-encoded, with an optional signature time-stamp. */
    static byte[] signedData(byte[] signedAttributesDer, DigestAlgorithm digestAlgorithm, SignatureValue value,
            List<X509Certificate> chain, TimeStampToken timestamp) {
        try {
            X509Certificate signer = chain.get(0);
            Certificate signerStructure = Certificate.getInstance(signer.getEncoded());
            SignerIdentifier sid = new SignerIdentifier(
                    new IssuerAndSerialNumber(X500Name.getInstance(signerStructure.getIssuer()), signer.getSerialNumber()));
            ASN1Set unsigned = null;
            if (timestamp != null) {
                // ETSI EN 319 122-1 §5.3: signature-time-stamp over the SignerInfo signature value.
                unsigned = new DERSet(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(timestamp.toCMSSignedData().toASN1Structure())));
            }
            SignerInfo signerInfo = new SignerInfo(sid, digestAlgorithm.algorithmIdentifier(),
                    ASN1Set.getInstance(signedAttributesDer), value.algorithm().algorithmIdentifier(),
                    new DEROctetString(value.value()), unsigned);
            ASN1EncodableVector certificates = new ASN1EncodableVector();
            for (X509Certificate c : chain) {
                certificates.add(Certificate.getInstance(c.getEncoded()));
            }
            SignedData signedData = new SignedData(new DERSet(digestAlgorithm.algorithmIdentifier()),
                    new ContentInfo(CMSObjectIdentifiers.data, null), new DERSet(certificates), null,
                    new DERSet(new ASN1Encodable[] {signerInfo}));
            return new ContentInfo(CMSObjectIdentifiers.signedData, signedData).getEncoded(ASN1Encoding.DER);
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode CMS", e);
        }
    }
}
