package vn.ccn.dms.pades.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Digest algorithms the engine accepts. SHA-1 and MD5 are deliberately absent: ETSI TS 119 312 and the
 * Vietnamese signing rules require the SHA-2 family for new signatures.
 */
public enum DigestAlgorithm {
    SHA256("SHA-256", NISTObjectIdentifiers.id_sha256),
    SHA384("SHA-384", NISTObjectIdentifiers.id_sha384),
    SHA512("SHA-512", NISTObjectIdentifiers.id_sha512);

    private final String jcaName;
    private final ASN1ObjectIdentifier oid;

    DigestAlgorithm(String jcaName, ASN1ObjectIdentifier oid) {
        this.jcaName = jcaName;
        this.oid = oid;
    }

    public String jcaName() {
        return jcaName;
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    public AlgorithmIdentifier algorithmIdentifier() {
        // RFC 5754 §2: parameters of SHA-2 identifiers are absent in CMS; DigestInfo (RFC 8017) uses NULL.
        return new AlgorithmIdentifier(oid);
    }

    AlgorithmIdentifier digestInfoAlgorithmIdentifier() {
        return new AlgorithmIdentifier(oid, DERNull.INSTANCE);
    }

    public MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without " + jcaName, e);
        }
    }

    public byte[] digest(byte[] data) {
        return newMessageDigest().digest(data);
    }

    /** The algorithm for an OID, or empty when the OID is not an accepted digest (e.g. SHA-1). */
    public static java.util.Optional<DigestAlgorithm> forOid(ASN1ObjectIdentifier oid) {
        for (DigestAlgorithm a : values()) {
            if (a.oid.equals(oid)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }
}
