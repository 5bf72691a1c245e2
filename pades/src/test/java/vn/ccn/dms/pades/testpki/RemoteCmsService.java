package vn.ccn.dms.pades.testpki;

import java.util.Hashtable;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.ccn.dms.pades.signing.DataToSign;

/** Stands in for a remote signing service that answers with a whole detached CMS SignedData. */
public final class RemoteCmsService {

    private RemoteCmsService() {
    }

    public static byte[] sign(DataToSign data, TestPki.Identity id) throws Exception {
        long[] br = data.byteRange();
        byte[] prepared = data.preparedPdf();
        byte[] content = new byte[(int) (br[1] + br[3])];
        System.arraycopy(prepared, 0, content, 0, (int) br[1]);
        System.arraycopy(prepared, (int) br[2], content, (int) br[1], (int) br[3]);
        byte[] certHash = java.security.MessageDigest.getInstance("SHA-256").digest(id.certificate().getEncoded());
        ASN1EncodableVector extra = new ASN1EncodableVector();
        extra.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certHash)}))));
        DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(new AttributeTable(extra));
        // PAdES baseline forbids signing-time in the CMS; BC adds it by default.
        CMSAttributeTableGenerator withoutSigningTime = (Map parameters) -> {
            Hashtable<?, ?> table = defaults.getAttributes(parameters).toHashtable();
            table.remove(CMSAttributes.signingTime);
            return new AttributeTable(table);
        };
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(withoutSigningTime)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(id.key()), id.certificate()));
        generator.addCertificates(new JcaCertStore(id.chain()));
        return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
    }
}
