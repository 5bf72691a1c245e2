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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.document.domain.ContentStore;
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

    private static final Logger LOG = Logger.getLogger(SignatureValidationService.class.getName());
    private static final String PDF = "application/pdf";

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
        for (FileToValidate f : self().pdfFilesOf(List.of(documentId)).getOrDefault(documentId, List.of())) {
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
        SignatureValidation v = record(f, o, by, clock.instant());
        em.flush();
        return ValidationView.of(v);
    }

    /** Persists one file's report with its audit entry, in the caller's transaction. */
    private SignatureValidation record(FileToValidate f, Outcome o, String by, Instant at) {
        SignatureValidation v = new SignatureValidation(f.documentId(), f.storedFileId(), f.fileName(), f.sha256(), at, by,
                o.indication(), o.signatureCount(), o.summaryVi(), o.json());
        em.persist(v);
        audit.recordAs(by, "VALIDATE_SIGNATURES", "document", Long.toString(f.documentId()),
                Map.of("file", f.fileName(), "indication", o.indication(), "signatures", Integer.toString(o.signatureCount())));
        return v;
    }

    // --- the outbox worker's side ---

    public record Claimed(long eventId, long documentId, int attempts) {
    }

    /** The reports of one claimed document's files, ready to be stored. */
    public record Validated(Claimed claimed, List<Report> reports) {
    }

    public record Report(FileToValidate file, Outcome outcome) {
    }

    /**
     * Claims pending validation events in one statement; other nodes skip the rows locked here
     * ({@code FOR UPDATE SKIP LOCKED}) and do not see them again until the lease has passed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Claimed> claim(int max) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update outbox_event set available_at = ?1, attempts = attempts + 1"
                        + " where id in (select id from outbox_event where topic = ?2 and processed_at is null"
                        + " and available_at <= ?3 order by id limit ?4 for update skip locked)"
                        + " returning id, subject_id, attempts")
                .setParameter(1, Timestamp.from(now.plus(LEASE))).setParameter(2, Outbox.VALIDATE_SIGNATURES)
                .setParameter(3, Timestamp.from(now)).setParameter(4, max).getResultList();
        List<Claimed> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Claimed(((Number) r[0]).longValue(), Long.parseLong(((String) r[1]).trim()), ((Number) r[2]).intValue()));
        }
        out.sort(Comparator.comparingLong(Claimed::eventId));
        return out;
    }

    /**
     * The worker's step: claims up to {@code max} events, reads the PDF files of all their documents in one query,
     * validates them outside any transaction, then stores every report with its audit entry and marks the events
     * done in one transaction. Per document this was four transactions and three commits, which cost more than the
     * validation of an unsigned PDF (profile of the search benchmark, session 10). If the batch cannot be stored,
     * its documents are stored one by one so that one bad row cannot hold the others back; a document whose
     * validation or storage fails backs off and retries alone.
     *
     * @return how many events were claimed (fewer than {@code max}: the queue is empty for now)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int processBatch(int max) {
        List<Claimed> claimed = self().claim(max);
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<Long, List<FileToValidate>> files;
        try {
            files = self().pdfFilesOf(claimed.stream().map(Claimed::documentId).distinct().toList());
        } catch (RuntimeException e) {
            claimed.forEach(c -> failed(c, e));
            return claimed.size();
        }
        List<Validated> validated = new ArrayList<>();
        for (Claimed c : claimed) {
            try {
                List<Report> reports = new ArrayList<>();
                for (FileToValidate f : files.getOrDefault(c.documentId(), List.of())) {
                    reports.add(new Report(f, validate(f)));
                }
                validated.add(new Validated(c, reports));
            } catch (RuntimeException e) {
                failed(c, e);
            }
        }
        if (validated.isEmpty()) {
            return claimed.size();
        }
        try {
            self().storeAll(validated, "system");
        } catch (RuntimeException batchFailed) {
            LOG.log(Level.FINE, "storing " + validated.size() + " validations together failed; storing them one by one",
                    batchFailed);
            for (Validated v : validated) {
                try {
                    self().storeAll(List.of(v), "system");
                } catch (RuntimeException e) {
                    failed(v.claimed(), e);
                }
            }
        }
        return claimed.size();
    }

    /** The PDF files of the latest version of each document, by document id, in one query. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<Long, List<FileToValidate>> pdfFilesOf(List<Long> documentIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select v.document_id, f.id, f.file_name, b.content_key, b.sha256"
                        + " from (select distinct on (document_id) document_id, id from document_version"
                        + " where document_id = any(?1) order by document_id, version_no desc) v"
                        + " join stored_file f on f.version_id = v.id join content_blob b on b.content_key = f.content_key"
                        + " where b.media_type = ?2 order by v.document_id, f.id")
                .setParameter(1, documentIds.toArray(Long[]::new)).setParameter(2, PDF).getResultList();
        Map<Long, List<FileToValidate>> out = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long documentId = ((Number) r[0]).longValue();
            out.computeIfAbsent(documentId, k -> new ArrayList<>()).add(new FileToValidate(documentId,
                    ((Number) r[1]).longValue(), (String) r[2], ((String) r[3]).trim(), ((String) r[4]).trim()));
        }
        return out;
    }

    /** Stores the reports of the given documents with their audit entries and marks their events done: one commit. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void storeAll(List<Validated> validated, String by) {
        Instant now = clock.instant();
        for (Validated v : validated) {
            for (Report r : v.reports()) {
                record(r.file(), r.outcome(), by, now);
            }
        }
        em.createNativeQuery("update outbox_event set processed_at = ?1, last_error = null where id = any(?2)")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, validated.stream().map(v -> v.claimed().eventId()).toArray(Long[]::new)).executeUpdate();
    }

    /** A document that could not be validated or stored: backs off and retries, until the attempts run out. */
    private void failed(Claimed c, RuntimeException e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        try {
            if (c.attempts() >= MAX_ATTEMPTS) {
                self().done(c.eventId(), error);
            } else {
                self().retryLater(c.eventId(), error, Duration.ofSeconds(1L << Math.min(c.attempts() + 2, 12)));
            }
        } catch (RuntimeException suppressed) {
            // The lease runs out and the event is claimed again.
            LOG.log(Level.WARNING, "could not record the failure of validation event " + c.eventId(), suppressed);
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
