package vn.ccn.dms.signature.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.directory.domain.ApplicationRole;
import vn.ccn.dms.document.application.DocumentView;
import vn.ccn.dms.document.domain.Direction;
import vn.ccn.dms.document.domain.Document;
import vn.ccn.dms.document.domain.DocumentStatus;
import vn.ccn.dms.outbox.application.Outbox;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;
import vn.ccn.dms.signature.domain.OwnerKind;
import vn.ccn.dms.signature.domain.SignatureLayout;
import vn.ccn.dms.signature.domain.SignatureRequest;
import vn.ccn.dms.signature.domain.SignatureRequestStatus;
import vn.ccn.dms.signature.domain.SigningBatch;
import vn.ccn.dms.signature.domain.SigningBatchItem;
import vn.ccn.dms.signature.domain.SigningCredential;
import vn.ccn.dms.signature.infrastructure.TokenSigners;
import vn.ccn.dms.signature.infrastructure.TokenSigners.OpenSigner;

/**
 * The Decree 30/2020/NĐ-CP two-step issuance (Art. 13; Appendix I): the drafter submits an outgoing draft with
 * its PDF to a leader; the leader signs one or many from the inbox with one PIN entry (a certification
 * signature with DocMDP P=2 that reserves the number, date and seal fields); the reception desk numbers the
 * document (the document service) and applies the organisation's signature and seal, which fills the
 * reserved fields and so keeps the leader's signature valid.
 */
@Stateless
public class SigningWorkflowService {

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @EJB
    private AuditTrail audit;

    @EJB
    private Outbox outbox;

    @EJB
    private SigningTransactions tx;

    @Inject
    private TokenSigners tokens;

    @Inject
    private DocumentSigner signer;

    @EJB
    private BatchRunner runner;

    @Inject
    private SignatureSettings settings;

    @Inject
    private Clock clock;

    public record InboxItem(long documentId, String typeCode, String typeName, String summary, String submittedBy,
            Instant submittedAt, String leaderUsername, String signerName, String signerPosition, int versionNo) {
    }

    public record BatchItemView(int position, long documentId, SigningBatchItem.Status status, String errorCode,
            String message, Integer versionNo, Integer durationMs) {
    }

    public record BatchView(long id, String createdBy, Instant createdAt, SigningBatch.Status status, Instant finishedAt,
            int total, int done, int signed, int failed, List<BatchItemView> items) {
        static BatchView of(SigningBatch b) {
            List<BatchItemView> items = b.items().stream().map(i -> new BatchItemView(i.position(), i.documentId(), i.status(),
                    i.errorCode(), i.message(), i.versionNo(), i.durationMs())).toList();
            int signed = (int) items.stream().filter(i -> i.status() == SigningBatchItem.Status.SIGNED).count();
            int done = (int) items.stream().filter(i -> i.status() != SigningBatchItem.Status.PENDING).count();
            return new BatchView(b.id(), b.createdBy(), b.createdAt(), b.status(), b.finishedAt(), b.total(), done, signed,
                    done - signed, items);
        }
    }

    public record SubmitRequest(String leader, SignatureLayout layout) {
    }

    public record RequestView(long documentId, SignatureRequestStatus status, String leaderUsername, String submittedBy,
            Instant submittedAt, String signedBy, Instant signedAt, Integer signedVersionNo, String sealedBy, Instant sealedAt,
            Integer sealedVersionNo, String note) {
        static RequestView of(SignatureRequest r) {
            return new RequestView(r.documentId(), r.status(), r.leaderUsername(), r.submittedBy(), r.submittedAt(), r.signedBy(),
                    r.signedAt(), r.signedVersionNo(), r.sealedBy(), r.sealedAt(), r.sealedVersionNo(), r.note());
        }
    }

    /** The drafter (or anyone of the owner agency who may draft) submits an outgoing draft with a PDF. */
    @RolesAllowed({"SPECIALIST", "CLERK", "LEADER"})
    public RequestView submit(long documentId, SubmitRequest request) {
        AppUser user = directory.currentUser();
        Document d = em.find(Document.class, documentId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null || !d.ownerAgency().id().equals(user.agency().id())) {
            throw SigningTransactions.notFound(documentId);
        }
        if (d.direction() != Direction.OUTGOING || d.status() != DocumentStatus.DRAFT) {
            throw new SigningRefusedException(SigningRefusedException.WRONG_STATE, 409,
                    "Chỉ văn bản đi ở trạng thái dự thảo mới được trình ký.");
        }
        List<DocumentSigner.FileRef> files = SigningTransactions.latestFiles(d);
        DocumentSigner.FileRef main = files.get(SigningTransactions.mainPdf(files, documentId));
        String leader = request == null || request.leader() == null || request.leader().isBlank() ? null : request.leader().trim();
        if (leader != null) {
            AppUser l = directory.findUser(leader).filter(AppUser::active).orElse(null);
            if (l == null || !l.has(ApplicationRole.LEADER) || !l.agency().id().equals(user.agency().id())) {
                throw DomainException.invalid("Người ký không hợp lệ", List.of("leader: phải là lãnh đạo của cơ quan"));
            }
        }
        SignatureLayout layout = request == null || request.layout() == null ? SignatureLayout.defaults() : request.layout();
        // "Last page" is resolved now, once, so that signing does not parse each PDF an extra time.
        layout = signer.resolveLastPage(layout, main);
        SignatureRequest r = em.find(SignatureRequest.class, documentId);
        if (r == null) {
            r = new SignatureRequest(documentId, user.agency().id());
            r.submit(leader, layout, d.versions().size(), clock.instant(), user.username());
            em.persist(r);
        } else {
            r.submit(leader, layout, d.versions().size(), clock.instant(), user.username());
        }
        d.submitForSignature();
        em.flush();
        audit.record("SUBMIT_FOR_SIGNATURE", "document", Long.toString(documentId),
                Map.of("leader", leader == null ? "(lãnh đạo cơ quan)" : leader, "version", Integer.toString(d.versions().size())));
        outbox.enqueue(Outbox.INDEX_DOCUMENT, Long.toString(documentId), null);
        return RequestView.of(r);
    }

    /** The leader sends a document back unsigned, with a note; the drafter may change and submit it again. */
    @RolesAllowed("LEADER")
    public RequestView returnUnsigned(long documentId, String note) {
        AppUser user = directory.currentUser();
        Document d = em.find(Document.class, documentId, LockModeType.PESSIMISTIC_WRITE);
        SignatureRequest r = em.find(SignatureRequest.class, documentId);
        if (d == null || r == null || !d.ownerAgency().id().equals(user.agency().id())) {
            throw SigningTransactions.notFound(documentId);
        }
        if (r.status() != SignatureRequestStatus.AWAITING || !r.assignedTo(user.username())) {
            throw new SigningRefusedException(SigningRefusedException.WRONG_STATE, 409, "Văn bản không chờ bạn ký.");
        }
        r.returned(note, clock.instant(), user.username());
        d.returnToDraft();
        audit.record("RETURN_UNSIGNED", "document", Long.toString(documentId), Map.of("note", note == null ? "" : note));
        outbox.enqueue(Outbox.INDEX_DOCUMENT, Long.toString(documentId), null);
        return RequestView.of(r);
    }

    @PermitAll
    public RequestView request(long documentId) {
        AppUser user = directory.currentUser();
        SignatureRequest r = em.find(SignatureRequest.class, documentId);
        if (r == null || r.agencyId() != user.agency().id()) {
            throw new DomainException(Problem.NOT_FOUND, "Văn bản " + documentId + " chưa được trình ký");
        }
        return RequestView.of(r);
    }

    /** The documents awaiting the calling leader's signature, oldest first (the order they were submitted in). */
    @RolesAllowed("LEADER")
    public List<InboxItem> inbox() {
        AppUser user = directory.currentUser();
        List<SignatureRequest> requests = em.createQuery("select r from SignatureRequest r where r.agencyId = :a and r.status = :s"
                        + " and (r.leaderUsername is null or r.leaderUsername = :u) order by r.submittedAt, r.documentId",
                        SignatureRequest.class)
                .setParameter("a", user.agency().id()).setParameter("s", SignatureRequestStatus.AWAITING)
                .setParameter("u", user.username()).setMaxResults(1000).getResultList();
        List<InboxItem> out = new ArrayList<>();
        for (SignatureRequest r : requests) {
            Document d = em.find(Document.class, r.documentId());
            out.add(new InboxItem(d.id(), d.type().code(), d.type().nameVi(), d.summary(), r.submittedBy(), r.submittedAt(),
                    r.leaderUsername(), d.signerName(), d.signerPosition(), d.versions().size()));
        }
        return out;
    }

    /**
     * Signs many documents with one PIN entry. The PIN opens the leader's token here, before anything else, so a
     * wrong PIN is refused at once; the documents are then signed asynchronously, each in its own transaction.
     * The PIN array is cleared.
     *
     * @throws SigningRefusedException WRONG_PIN, NO_CREDENTIAL, NO_SIGNATURE_IMAGE, TOKEN_BUSY, TOKEN_UNAVAILABLE
     */
    @RolesAllowed("LEADER")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BatchView signBatch(List<Long> documentIds, char[] pin) {
        try {
            Set<Long> ids = new LinkedHashSet<>(documentIds == null ? List.of() : documentIds);
            if (ids.isEmpty() || ids.size() > settings.batchMax()) {
                throw DomainException.invalid("Số văn bản ký trong một lượt không hợp lệ",
                        List.of("documentIds: từ 1 đến " + settings.batchMax() + " văn bản"));
            }
            if (pin == null || pin.length == 0) {
                throw DomainException.invalid("Cần nhập mã PIN", List.of("pin: bắt buộc"));
            }
            AppUser user = directory.currentUser();
            SigningCredential credential = tx.credential(OwnerKind.USER, user.id()).orElseThrow(() -> new SigningRefusedException(
                    SigningRefusedException.NO_CREDENTIAL, 409, "Lãnh đạo chưa được cấu hình thiết bị ký (USB token/HSM)."));
            if (!tx.hasSignatureImage(user.id())) {
                throw new SigningRefusedException(SigningRefusedException.NO_SIGNATURE_IMAGE, 409,
                        "Chưa có ảnh chữ ký của lãnh đạo; cần tải ảnh chữ ký (PNG nền trong suốt) trước khi ký.");
            }
            OpenSigner token = tokens.open(credential, pin);
            long batchId;
            try {
                batchId = tx.createBatch(user.agency().id(), List.copyOf(ids));
            } catch (RuntimeException e) {
                token.close();
                throw e;
            }
            runner.run(batchId, token);
            return batch(batchId);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    /** A batch's progress and per-document results, for the leader who started it. */
    @RolesAllowed("LEADER")
    public BatchView batch(long batchId) {
        SigningBatch b = tx.batch(batchId);
        if (b == null || !b.createdBy().equals(directory.currentUser().username())) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy lượt ký " + batchId);
        }
        return BatchView.of(b);
    }

    /**
     * The reception desk's step after numbering: fills the number/symbol and the date of issue into the fields
     * the leader reserved and applies the organisation's signature with the seal image; attachments in separate
     * PDF files get the organisation's signature at the top right of page 1.
     */
    @RolesAllowed("CLERK")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DocumentView seal(long documentId, char[] pin) {
        try {
            if (pin == null || pin.length == 0) {
                throw DomainException.invalid("Cần nhập mã PIN", List.of("pin: bắt buộc"));
            }
            AppUser user = directory.currentUser();
            SigningCredential credential = tx.credential(OwnerKind.AGENCY, user.agency().id()).orElseThrow(() ->
                    new SigningRefusedException(SigningRefusedException.NO_CREDENTIAL, 409,
                            "Cơ quan chưa được cấu hình thiết bị ký số của cơ quan, tổ chức."));
            var task = tx.sealTask(documentId);
            DocumentSigner.SignedFiles signed;
            try (OpenSigner token = tokens.open(credential, pin)) {
                signed = signer.seal(task, token);
            } catch (RuntimeException e) {
                throw BatchRunner.refusal(e);
            }
            return tx.sealed(task, signed);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    /** Today in the installation's zone, for callers that show dates. */
    @PermitAll
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
