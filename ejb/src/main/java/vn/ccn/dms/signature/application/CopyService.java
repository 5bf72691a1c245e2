package vn.ccn.dms.signature.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.config.DmsSettings;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.document.domain.ContentStore;
import vn.ccn.dms.document.domain.Document;
import vn.ccn.dms.document.domain.DocumentStatus;
import vn.ccn.dms.document.domain.StoredContent;
import vn.ccn.dms.pades.PadesException;
import vn.ccn.dms.pades.signing.Decree30Issuance;
import vn.ccn.dms.pades.signing.ElectronicCopySource;
import vn.ccn.dms.pades.signing.PdfInput;
import vn.ccn.dms.pades.signing.SignedPdf;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;
import vn.ccn.dms.signature.domain.CopyForm;
import vn.ccn.dms.signature.domain.ElectronicCopy;
import vn.ccn.dms.signature.domain.OwnerKind;
import vn.ccn.dms.signature.domain.SigningCredential;
import vn.ccn.dms.signature.infrastructure.SigningEngine;
import vn.ccn.dms.signature.infrastructure.TokenSigners;
import vn.ccn.dms.signature.infrastructure.TokenSigners.OpenSigner;

/**
 * Electronic copies (Decree 30/2020/NĐ-CP Art. 25, 26 and Appendix I): SAO Y and SAO LỤC of a whole issued or
 * received document, TRÍCH SAO of some of its pages, made by the reception desk of the agency that holds the
 * document and signed by that agency at the top right of page 1 with the form, the agency and the time.
 *
 * <p>Copy numbers form one yearly series per agency shared by all three forms (Appendix I), taken from a
 * counter row locked by an upsert, the technique of {@code NumberingService}. The series is not a
 * {@code Register}: registers are INCOMING or OUTGOING and an outgoing one would be offered for drafting, mixing
 * copy numbers into the outgoing series. The number is taken, the copy signed and stored, and the row written
 * in one transaction, so a failed signature gives the number back and the series never skips.
 */
@Stateless
public class CopyService {

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @EJB
    private DocumentService documents;

    @EJB
    private SigningTransactions tx;

    @Inject
    private TokenSigners tokens;

    @Inject
    private SigningEngine engine;

    @Inject
    private ContentStore store;

    @Inject
    private DmsSettings settings;

    @EJB
    private AuditTrail audit;

    @Inject
    private Clock clock;

    public record CopyView(long id, long sourceDocumentId, CopyForm form, String formPrinted, int year, int number,
            String numberSymbol, String pages, String fileName, String sha256, long sizeBytes, Instant createdAt, String createdBy) {
    }

    /** A copy's bytes for download. */
    public record CopyContent(String fileName, String contentKey, long sizeBytes, String sha256) {
    }

    /**
     * @param pages for TRÍCH SAO the pages to keep, e.g. "1,3-4"; ignored for the other forms
     */
    @RolesAllowed("CLERK")
    public CopyView copy(long documentId, CopyForm form, String pages, char[] pin) {
        try {
            if (form == null) {
                throw DomainException.invalid("Cần hình thức sao", List.of("form: SAO_Y, SAO_LUC hoặc TRICH_SAO"));
            }
            if (pin == null || pin.length == 0) {
                throw DomainException.invalid("Cần nhập mã PIN", List.of("pin: bắt buộc"));
            }
            List<Integer> pageList = form == CopyForm.TRICH_SAO ? parsePages(pages) : List.of();
            AppUser user = directory.currentUser();
            Document d = em.find(Document.class, documentId);
            if (d == null || !documents.canRead(documentId)) {
                throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy văn bản " + documentId + " hoặc bạn không có quyền xem văn bản này");
            }
            if (d.status() != DocumentStatus.ISSUED && d.status() != DocumentStatus.REGISTERED) {
                throw new SigningRefusedException(SigningRefusedException.WRONG_STATE, 409,
                        "Chỉ sao văn bản đã ban hành hoặc văn bản đến đã đăng ký.");
            }
            var files = SigningTransactions.latestFiles(d);
            var main = files.get(SigningTransactions.mainPdf(files, documentId));
            SigningCredential credential = tx.credential(OwnerKind.AGENCY, user.agency().id()).orElseThrow(() ->
                    new SigningRefusedException(SigningRefusedException.NO_CREDENTIAL, 409,
                            "Cơ quan chưa được cấu hình thiết bị ký số của cơ quan, tổ chức."));
            byte[] original;
            try (InputStream in = store.open(main.content().key())) {
                original = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int year = LocalDate.now(clock).getYear();
            int number = nextNumber(user.agency().id(), year);
            String numberSymbol = String.format("%02d/%s", number, form.abbreviation());
            SignedPdf signed;
            try (OpenSigner token = tokens.open(credential, pin)) {
                byte[] source = ElectronicCopySource.of(original, pageList);
                signed = engine.signing().sign(PdfInput.of(source),
                        Decree30Issuance.copy(engine.level(), form.printed(), user.agency().name(), numberSymbol).build(), token);
            } catch (PadesException e) {
                throw SigningRefusedException.of(e);
            }
            String fileName = form.abbreviation() + "-" + String.format("%02d", number) + "-" + year + "-" + main.fileName();
            StoredContent c;
            try {
                c = store.put(new ByteArrayInputStream(signed.bytes()), settings.uploadMaxBytes() + 16L * 1024 * 1024, fileName);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            em.createNativeQuery("insert into content_blob (content_key, sha256, size_bytes, media_type, created_at)"
                            + " values (?1, ?2, ?3, ?4, ?5) on conflict (content_key) do nothing")
                    .setParameter(1, c.key()).setParameter(2, c.sha256()).setParameter(3, c.sizeBytes())
                    .setParameter(4, c.mediaType()).setParameter(5, Timestamp.from(clock.instant())).executeUpdate();
            String pagesText = pageList.isEmpty() ? null : pageList.toString().replaceAll("[\\[\\] ]", "");
            ElectronicCopy copy = new ElectronicCopy(documentId, user.agency().id(), form, year, number, numberSymbol, pagesText,
                    c.key(), fileName, clock.instant(), user.username());
            em.persist(copy);
            em.flush();
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("copy", copy.id().toString());
            detail.put("form", form.name());
            detail.put("numberSymbol", numberSymbol);
            detail.put("sha256", c.sha256());
            if (pagesText != null) {
                detail.put("pages", pagesText);
            }
            audit.record("COPY", "document", Long.toString(documentId), detail);
            return view(copy, c.sha256(), c.sizeBytes());
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    private int nextNumber(long agencyId, int year) {
        Number n = (Number) em.createNativeQuery("insert into electronic_copy_counter (agency_id, year, last_number) values (?1, ?2, 1)"
                        + " on conflict (agency_id, year) do update set last_number = electronic_copy_counter.last_number + 1"
                        + " returning last_number")
                .setParameter(1, agencyId).setParameter(2, year).getSingleResult();
        return n.intValue();
    }

    static List<Integer> parsePages(String pages) {
        if (pages == null || pages.isBlank()) {
            throw DomainException.invalid("Trích sao cần chọn trang", List.of("pages: ví dụ 1,3-4"));
        }
        TreeSet<Integer> out = new TreeSet<>();
        try {
            for (String part : pages.split(",")) {
                String p = part.trim();
                if (p.contains("-")) {
                    String[] r = p.split("-", 2);
                    int from = Integer.parseInt(r[0].trim());
                    int to = Integer.parseInt(r[1].trim());
                    if (from < 1 || to < from || to - from > 10_000) {
                        throw new NumberFormatException(p);
                    }
                    for (int i = from; i <= to; i++) {
                        out.add(i);
                    }
                } else {
                    int page = Integer.parseInt(p);
                    if (page < 1) {
                        throw new NumberFormatException(p);
                    }
                    out.add(page);
                }
            }
        } catch (NumberFormatException e) {
            throw DomainException.invalid("Danh sách trang không hợp lệ", List.of("pages: ví dụ 1,3-4"));
        }
        return new ArrayList<>(out);
    }

    @PermitAll
    public List<CopyView> copiesOf(long documentId) {
        if (!documents.canRead(documentId)) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy văn bản " + documentId + " hoặc bạn không có quyền xem văn bản này");
        }
        long agency = directory.currentUser().agency().id();
        return em.createQuery("select c from ElectronicCopy c where c.sourceDocumentId = :d and c.agencyId = :a order by c.id",
                ElectronicCopy.class).setParameter("d", documentId).setParameter("a", agency).getResultList().stream()
                .map(c -> view(c, null, 0)).toList();
    }

    /** A copy for download: by the agency that made it, audited. */
    @PermitAll
    public CopyContent content(long copyId) {
        ElectronicCopy c = em.find(ElectronicCopy.class, copyId);
        if (c == null || c.agencyId() != directory.currentUser().agency().id()) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy bản sao " + copyId);
        }
        Object[] blob = (Object[]) em.createNativeQuery("select size_bytes, sha256 from content_blob where content_key = ?1")
                .setParameter(1, c.contentKey()).getSingleResult();
        audit.record("DOWNLOAD", "document", Long.toString(c.sourceDocumentId()), Map.of("copy", c.numberSymbol()));
        return new CopyContent(c.fileName(), c.contentKey(), ((Number) blob[0]).longValue(), (String) blob[1]);
    }

    private static CopyView view(ElectronicCopy c, String sha256, long size) {
        return new CopyView(c.id(), c.sourceDocumentId(), c.form(), c.form().printed(), c.year(), c.number(), c.numberSymbol(), c.pages(),
                c.fileName(), sha256, size, c.createdAt(), c.createdBy());
    }
}
