package vn.ccn.dms.signature.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.document.domain.ContentStore;
import vn.ccn.dms.document.domain.Document;
import vn.ccn.dms.document.domain.DocumentVersion;
import vn.ccn.dms.document.domain.StoredFile;
import vn.ccn.dms.outbox.application.Outbox;
import vn.ccn.dms.pades.PadesException;
import vn.ccn.dms.pades.validation.ValidationReport;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;
import vn.ccn.dms.signature.domain.SignatureValidation;
import vn.ccn.dms.signature.infrastructure.SigningEngine;
import vn.ccn.dms.signature.infrastructure.ValidationReportJson;

/**
 * Validates every signature of a document's PDF files and stores one report per file: on registration of an
 * incoming document (after its commit, from the outbox topic {@link Outbox#VALIDATE_SIGNATURES}, so a failing
 * validation never loses the upload) and on demand. The validation itself runs outside any transaction
 * (revocation may go online); only reading the file list and storing the reports are transactions.
 */
@Stateless
@PermitAll
public class SignatureValidationService {

    /** How long a claimed outbox row stays invisible to other workers while it is validated. */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 8;

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DocumentService documents;

    @EJB
    private DirectoryService directory;

    @Inject
    private ContentStore store;

    @Inject
    private SigningEngine engine;

    @EJB
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext context;

    private SignatureValidationService self() {
        // Through the container, so each step gets its own transaction attribute.
        return context.getBusinessObject(SignatureValidationService.class);
    }

    public record FileToValidate(long documentId, long storedFileId, String fileName, String contentKey, String sha256) {
    }

    public record ValidationView(long id, long documentId, long storedFileId, String fileName, String sha256, Instant validatedAt,
            String validatedBy, String indication, int signatureCount, String summaryVi, String reportJson) {
        static ValidationView of(SignatureValidation v) {
            return new ValidationView(v.id(), v.documentId(), v.storedFileId(), v.fileName(), v.contentSha256(), v.validatedAt(),
                    v.validatedBy(), v.indication(), v.signatureCount(), v.summaryVi(), v.reportJson());
        }
    }

    /** Validates now, as the calling user; for anyone who may read the document. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<ValidationView> validateNow(long documentId) {
        if (!documents.canRead(documentId)) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy văn bản " + documentId + " hoặc bạn không có quyền xem văn bản này");
        }
        String by = directory.currentUser().username();
        List<ValidationView> out = new ArrayList<>();
        for (FileToValidate f : self().pdfFiles(documentId)) {
            out.add(self().store(f, validate(f), by));
        }
        return out;
    }

    /** Every stored report of the document's files, newest first (the history is kept); for anyone who may read it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<ValidationView> reports(long documentId) {
        if (!documents.canRead(documentId)) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy văn bản " + documentId + " hoặc bạn không có quyền xem văn bản này");
        }
        return em.createQuery("select v from SignatureValidation v where v.documentId = :d order by v.validatedAt desc, v.id desc",
                        SignatureValidation.class).setParameter("d", documentId).getResultList().stream()
                .map(ValidationView::of).toList();
    }

    /** The PDF files of the document's latest version. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<FileToValidate> pdfFiles(long documentId) {
        Document d = em.find(Document.class, documentId);
        if (d == null || d.versions().isEmpty()) {
            return List.of();
        }
        List<DocumentVersion> versions = d.versions();
        List<FileToValidate> out = new ArrayList<>();
        for (StoredFile f : versions.get(versions.size() - 1).files()) {
            if ("application/pdf".equals(f.blob().mediaType())) {
                out.add(new FileToValidate(documentId, f.id(), f.fileName(), f.blob().key(), f.blob().sha256()));
            }
        }
        return out;
    }

    /** The report of one file: the engine's, or an "unreadable" one for a file that is not a readable PDF. */
    public record Outcome(String indication, int signatureCount, String summaryVi, String json) {
    }

    Outcome validate(FileToValidate f) {
        byte[] bytes;
        try (InputStream in = store.open(f.contentKey())) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.contentKey(), e);
        }
        try {
            ValidationReport report = engine.validator().validate(bytes);
            String indication = report.signatures().isEmpty() ? "NO_SIGNATURE" : report.indication().name();
            return new Outcome(indication, report.signatures().size(), report.vietnameseSummary(), ValidationReportJson.of(report));
        } catch (PadesException e) {
            return new Outcome("UNREADABLE", 0, e.getMessage(), ValidationReportJson.unreadable(clock.instant(), e.code().name(), e.getMessage()));
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ValidationView store(FileToValidate f, Outcome o, String by) {
        SignatureValidation v = new SignatureValidation(f.documentId(), f.storedFileId(), f.fileName(), f.sha256(), clock.instant(), by,
                o.indication(), o.signatureCount(), o.summaryVi(), o.json());
        em.persist(v);
        em.flush();
        audit.recordAs(by, "VALIDATE_SIGNATURES", "document", Long.toString(f.documentId()),
                Map.of("file", f.fileName(), "indication", o.indication(), "signatures", Integer.toString(o.signatureCount())));
        return ValidationView.of(v);
    }

    // --- the outbox worker's side ---

    public record Claimed(long eventId, long documentId, int attempts) {
    }

    /** Claims pending validation events; other nodes skip the rows locked here ({@code FOR UPDATE SKIP LOCKED}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Claimed> claim(int max) {
        Timestamp now = Timestamp.from(clock.instant());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, subject_id, attempts from outbox_event where topic = ?1"
                        + " and processed_at is null and available_at <= ?2 order by id limit ?3 for update skip locked")
                .setParameter(1, Outbox.VALIDATE_SIGNATURES).setParameter(2, now).setParameter(3, max).getResultList();
        List<Claimed> out = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            em.createNativeQuery("update outbox_event set available_at = ?1, attempts = attempts + 1 where id = ?2")
                    .setParameter(1, Timestamp.from(clock.instant().plus(LEASE))).setParameter(2, id).executeUpdate();
            out.add(new Claimed(id, Long.parseLong((String) r[1]), ((Number) r[2]).intValue() + 1));
        }
        return out;
    }

    /** Validates the files of a claimed document and marks the event done; failures back off and retry. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void process(Claimed c) {
        try {
            for (FileToValidate f : self().pdfFiles(c.documentId())) {
                self().store(f, validate(f), "system");
            }
            self().done(c.eventId(), null);
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (c.attempts() >= MAX_ATTEMPTS) {
                self().done(c.eventId(), error);
            } else {
                self().retryLater(c.eventId(), error, Duration.ofSeconds(1L << Math.min(c.attempts() + 2, 12)));
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void done(long eventId, String error) {
        em.createNativeQuery("update outbox_event set processed_at = ?1, last_error = ?2 where id = ?3")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, error).setParameter(3, eventId).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void retryLater(long eventId, String error, Duration backoff) {
        em.createNativeQuery("update outbox_event set available_at = ?1, last_error = ?2 where id = ?3")
                .setParameter(1, Timestamp.from(clock.instant().plus(backoff))).setParameter(2, error).setParameter(3, eventId)
                .executeUpdate();
    }
}
