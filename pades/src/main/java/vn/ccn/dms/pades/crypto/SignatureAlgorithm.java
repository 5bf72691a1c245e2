package vn.ccn.dms.pades.crypto;

import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A key type paired with a digest algorithm: RSA PKCS#1 v1.5 or ECDSA, each over SHA-256/384/512.
 */
public record SignatureAlgorithm(KeyType keyType, DigestAlgorithm digestAlgorithm) {

    public SignatureAlgorithm {
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
    }

    /** The OID written into SignerInfo.signatureAlgorithm (RFC 5754 §3). */
    public ASN1ObjectIdentifier oid() {
        return switch (keyType) {
            case RSA -> switch (digestAlgorithm) {
                case SHA256 -> PKCSObjectIdentifiers.sha256WithRSAEncryption;
                case SHA384 -> PKCSObjectIdentifiers.sha384WithRSAEncryption;
                case SHA512 -> PKCSObjectIdentifiers.sha512WithRSAEncryption;
            };
            case EC -> switch (digestAlgorithm) {
                case SHA256 -> X9ObjectIdentifiers.ecdsa_with_SHA256;
                case SHA384 -> X9ObjectIdentifiers.ecdsa_with_SHA384;
                case SHA512 -> X9ObjectIdentifiers.ecdsa_with_SHA512;
            };
        };
    }

    public AlgorithmIdentifier algorithmIdentifier() {
        // RFC 4055 §5: RSA PKCS#1 v1.5 identifiers carry NULL parameters; RFC 5758 §3.2: ECDSA ones carry none.
        return keyType == KeyType.RSA ? new AlgorithmIdentifier(oid(), DERNull.INSTANCE) : new AlgorithmIdentifier(oid());
    }

    /** JCA name of the full algorithm, for verification with a public key. */
    public String jcaName() {
        String digest = digestAlgorithm.jcaName().replace("-", "");
        return digest + (keyType == KeyType.RSA ? "withRSA" : "withECDSA");
    }

    /** JCA name of the "sign a precomputed digest" primitive, as offered by SunPKCS11, SunRsaSign and SunEC. */
    public String rawJcaName() {
        return keyType == KeyType.RSA ? "NONEwithRSA" : "NONEwithECDSA";
    }
}
