package vn.ccn.dms.signature.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.document.application.DocumentView;
import vn.ccn.dms.document.domain.Document;
import vn.ccn.dms.document.domain.DocumentStatus;
import vn.ccn.dms.document.domain.DocumentVersion;
import vn.ccn.dms.document.domain.StoredContent;
import vn.ccn.dms.document.domain.StoredFile;
import vn.ccn.dms.signature.application.DocumentSigner.FileRef;
import vn.ccn.dms.signature.application.DocumentSigner.LeaderTask;
import vn.ccn.dms.signature.application.DocumentSigner.SealTask;
import vn.ccn.dms.signature.application.DocumentSigner.SignedFiles;
import vn.ccn.dms.signature.domain.AgencySignatureProfile;
import vn.ccn.dms.signature.domain.IssueDate;
import vn.ccn.dms.signature.domain.LeaderSignatureImage;
import vn.ccn.dms.signature.domain.OwnerKind;
import vn.ccn.dms.signature.domain.SignatureRequest;
import vn.ccn.dms.signature.domain.SignatureRequestStatus;
import vn.ccn.dms.signature.domain.SigningBatch;
import vn.ccn.dms.signature.domain.SigningBatchItem;
import vn.ccn.dms.signature.domain.SigningCredential;

/**
 * The short transactions around signing: each reads and checks what is to be signed, or records what was
 * signed (new version, status, audit, outbox) in one commit, so one document's failure never undoes another's
 * and no database lock is held while a token, a TSA or an OCSP responder answers.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SigningTransactions {

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @EJB
    private DocumentService documents;

    @EJB
    private AuditTrail audit;

    @Inject
    private Clock clock;

    public Optional<SigningCredential> credential(OwnerKind kind, long ownerId) {
        return em.createQuery("select c from SigningCredential c where c.ownerKind = :k and c.ownerId = :o", SigningCredential.class)
                .setParameter("k", kind).setParameter("o", ownerId).getResultStream().findFirst();
    }

    public boolean hasSignatureImage(long userId) {
        return em.find(LeaderSignatureImage.class, userId) != null;
    }

    /** Reads and checks a document the calling leader is about to sign. */
    public LeaderTask leaderTask(long documentId) {
        AppUser user = directory.currentUser();
        Document d = em.find(Document.class, documentId);
        if (d == null || !d.ownerAgency().id().equals(user.agency().id())) {
            throw notFound(documentId);
        }
        SignatureRequest r = em.find(SignatureRequest.class, documentId);
        if (d.status() != DocumentStatus.AWAITING_SIGNATURE || r == null || r.status() != SignatureRequestStatus.AWAITING) {
            throw new SigningRefusedException(SigningRefusedException.WRONG_STATE, 409,
                    "Văn bản " + documentId + " không ở trạng thái chờ lãnh đạo ký.");
        }
        if (!r.assignedTo(user.username())) {
            throw new SigningRefusedException("NOT_ASSIGNED", 403, "Văn bản " + documentId + " được trình cho lãnh đạo khác ký.");
        }
        LeaderSignatureImage image = em.find(LeaderSignatureImage.class, user.id());
        if (image == null) {
            throw new SigningRefusedException(SigningRefusedException.NO_SIGNATURE_IMAGE, 409,
                    "Chưa có ảnh chữ ký của lãnh đạo; quản trị viên hoặc lãnh đạo cần tải ảnh chữ ký (PNG nền trong suốt).");
        }
        List<FileRef> files = latestFiles(d);
        int main = mainPdf(files, documentId);
        AgencySignatureProfile profile = em.find(AgencySignatureProfile.class, d.ownerAgency().id());
        String name = blank(d.signerName()) ? user.fullName() : d.signerName();
        String position = blank(d.signerPosition()) ? user.positionTitle() : d.signerPosition();
        return new LeaderTask(documentId, d.versions().size(), files, main, name, DocumentSigner.titleLine(position), image.png(),
                r.layout(), profile == null ? AgencySignatureProfile.DEFAULT_SEAL_MM : profile.sealWidthMm(),
                profile == null ? AgencySignatureProfile.DEFAULT_SEAL_MM : profile.sealHeightMm(),
                profile == null ? null : profile.placeName());
    }

    /** Reads and checks a document the calling clerk is about to seal: leader-signed, numbered, unchanged since. */
    public SealTask sealTask(long documentId) {
        AppUser user = directory.currentUser();
        Document d = em.find(Document.class, documentId);
        if (d == null || !d.ownerAgency().id().equals(user.agency().id())) {
            throw notFound(documentId);
        }
        SignatureRequest r = em.find(SignatureRequest.class, documentId);
        if (r == null || r.status() != SignatureRequestStatus.SIGNED) {
            throw new SigningRefusedException(SigningRefusedException.WRONG_STATE, 409, r != null && r.status() == SignatureRequestStatus.SEALED
                    ? "Văn bản đã được ký số của cơ quan (đóng dấu) rồi."
                    : "Văn bản chưa được lãnh đạo ký số, chưa thể ký số của cơ quan.");
        }
        if (d.status() != DocumentStatus.NUMBERED || !d.isNumbered()) {
            throw new SigningRefusedException(SigningRefusedException.WRONG_STATE, 409,
                    "Văn bản cần được cấp số, ngày ban hành trước khi ký số của cơ quan (Nghị định 30/2020, Điều 15, 16).");
        }
        if (r.signedVersionNo() == null || d.versions().size() != r.signedVersionNo()) {
            throw new SigningRefusedException(SigningRefusedException.WRONG_STATE, 409, "Văn bản đã thay đổi sau khi lãnh đạo ký.");
        }
        AgencySignatureProfile profile = em.find(AgencySignatureProfile.class, d.ownerAgency().id());
        if (profile == null || profile.sealPng() == null) {
            throw new SigningRefusedException(SigningRefusedException.NO_SEAL, 409,
                    "Cơ quan chưa có ảnh con dấu và địa danh; quản trị viên cần cấu hình trước khi ký số của cơ quan.");
        }
        List<FileRef> files = latestFiles(d);
        return new SealTask(documentId, d.versions().size(), files, mainPdf(files, documentId), d.numberSymbol(),
                IssueDate.format(profile.placeName(), d.issuedDate()), profile.sealPng());
    }

    static List<FileRef> latestFiles(Document d) {
        List<DocumentVersion> versions = d.versions();
        if (versions.isEmpty()) {
            return List.of();
        }
        List<FileRef> out = new ArrayList<>();
        for (StoredFile f : versions.get(versions.size() - 1).files()) {
            out.add(new FileRef(f.fileName(), new StoredContent(f.blob().key(), f.blob().sha256(), f.blob().sizeBytes(),
                    f.blob().mediaType())));
        }
        return out;
    }

    static int mainPdf(List<FileRef> files, long documentId) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).isPdf()) {
                return i;
            }
        }
        throw new SigningRefusedException(SigningRefusedException.NO_PDF, 422, "Văn bản " + documentId + " không có tệp PDF để ký số.");
    }

    /** Records the leader's signature: new version, status SIGNED, audit, outbox (through the document service). */
    public int leaderSigned(LeaderTask task, SignedFiles signed, Long batchItemId, long durationMs) {
        Document d = em.find(Document.class, task.documentId());
        if (d.status() != DocumentStatus.AWAITING_SIGNATURE) {
            throw new SigningRefusedException(SigningRefusedException.WRONG_STATE, 409, "Văn bản đã được xử lý trong lúc ký.");
        }
        DocumentView view = documents.addSignedVersion(task.documentId(), task.baseVersionNo(), signed.files(), "Lãnh đạo ký số");
        int version = view.versions().size();
        d.markSigned();
        String by = directory.currentUser().username();
        em.find(SignatureRequest.class, task.documentId()).signed(version, clock.instant(), by);
        audit.record("SIGN_LEADER", "document", Long.toString(task.documentId()), signatureDetail(signed, version));
        if (batchItemId != null) {
            em.find(SigningBatchItem.class, batchItemId).signed(version, durationMs, clock.instant());
        }
        return version;
    }

    /** Records the organisation's signature on a numbered document. */
    public DocumentView sealed(SealTask task, SignedFiles signed) {
        int version = documents.addSignedVersion(task.documentId(), task.baseVersionNo(), signed.files(),
                "Ký số của cơ quan, tổ chức").versions().size();
        em.find(SignatureRequest.class, task.documentId()).sealed(version, clock.instant(), directory.currentUser().username());
        Map<String, String> detail = signatureDetail(signed, version);
        detail.put("numberSymbol", task.numberSymbol());
        audit.record("SIGN_ORGANISATION", "document", Long.toString(task.documentId()), detail);
        return documents.issueSealed(task.documentId());
    }

    private static Map<String, String> signatureDetail(SignedFiles signed, int version) {
        X509Certificate c = signed.signer();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("version", Integer.toString(version));
        detail.put("level", signed.level().name().replace('_', '-'));
        detail.put("certificate", c.getSubjectX500Principal().getName());
        detail.put("serial", c.getSerialNumber().toString(16));
        return detail;
    }

    public long createBatch(long agencyId, List<Long> documentIds) {
        SigningBatch batch = new SigningBatch(agencyId, documentIds, clock.instant(), directory.currentUser().username());
        em.persist(batch);
        em.flush();
        audit.record("SIGN_BATCH", "signing_batch", batch.id().toString(), Map.of("documents", Integer.toString(documentIds.size())));
        return batch.id();
    }

    public record PendingItem(long id, long documentId) {
    }

    public List<PendingItem> pendingItems(long batchId) {
        return em.find(SigningBatch.class, batchId).items().stream().filter(i -> i.status() == SigningBatchItem.Status.PENDING)
                .map(i -> new PendingItem(i.id(), i.documentId())).toList();
    }

    public void itemFailed(long batchId, long itemId, SigningBatchItem.Status status, String code, String message, long durationMs) {
        SigningBatchItem item = em.find(SigningBatchItem.class, itemId);
        item.failed(status, code, message, durationMs, clock.instant());
        audit.record("SIGN_FAILED", "signing_batch", Long.toString(batchId),
                Map.of("document", Long.toString(item.documentId()), "code", code, "status", status.name()));
    }

    public void finishBatch(long batchId) {
        em.find(SigningBatch.class, batchId).finish(clock.instant());
    }

    public SigningBatch batch(long batchId) {
        return em.find(SigningBatch.class, batchId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static SigningRefusedException notFound(long documentId) {
        return new SigningRefusedException("NOT_FOUND", 404, "Không tìm thấy văn bản " + documentId
                + " hoặc bạn không có quyền ký văn bản này.");
    }

    /** Instant now, for callers outside a transaction. */
    public Instant now() {
        return clock.instant();
    }
}
