package vn.ccn.dms.pades.testpki;

import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.appearance.LeaderSignatureAppearance;
import vn.ccn.dms.pades.appearance.PageRect;
import vn.ccn.dms.pades.signing.Decree30Issuance;
import vn.ccn.dms.pades.signing.PadesSigningService;
import vn.ccn.dms.pades.signing.PdfInput;
import vn.ccn.dms.pades.signing.SignedPdf;

/** The Decree 30 two-step issuance on a test document, as the application will run it. */
public final class Issuance {

    private Issuance() {
    }

    public static LeaderSignatureAppearance leaderAppearance() throws Exception {
        return new LeaderSignatureAppearance(new PageRect(1, 330, 120, 200, 130), TestDocuments.signatureImagePng(),
                "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Nguyễn Văn An", true);
    }

    /** Step 1 only: the leader certifies with P=2 and reserves the number, date and seal fields. */
    public static byte[] leaderSigned(TestPki pki, PadesLevel level) throws Exception {
        PadesSigningService service = Engines.signing(pki);
        SignedPdf leader = service.sign(PdfInput.of(TestDocuments.simplePdf(2)),
                Decree30Issuance.leader(level, leaderAppearance(), new PageRect(1, 90, 700, 160, 18),
                        new PageRect(1, 330, 700, 220, 18), 36, 36).build(),
                Engines.signer(pki.rsaSigner()));
        return leader.bytes();
    }

    /** Both steps. */
    public static byte[] issue(TestPki pki, PadesLevel level) throws Exception {
        byte[] leader = leaderSigned(pki, level);
        SignedPdf issued = Engines.signing(pki).sign(PdfInput.of(leader),
                Decree30Issuance.organisation(level, "09/2025/QĐ-UBND", "Lạng Sơn, ngày 01 tháng 3 năm 2025",
                        TestDocuments.sealImagePng()).build(),
                Engines.signer(pki.ecSigner()));
        return issued.bytes();
    }
}
