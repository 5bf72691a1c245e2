package vn.ccn.dms.document.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.config.DmsSettings;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.Agency;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.directory.domain.ApplicationRole;
import vn.ccn.dms.document.domain.ContentBlob;
import vn.ccn.dms.document.domain.ContentRejectedException;
import vn.ccn.dms.document.domain.ContentStore;
import vn.ccn.dms.document.domain.Direction;
import vn.ccn.dms.document.domain.Document;
import vn.ccn.dms.document.domain.DocumentGrant;
import vn.ccn.dms.document.domain.DocumentStatus;
import vn.ccn.dms.document.domain.DocumentType;
import vn.ccn.dms.document.domain.NumberSymbols;
import vn.ccn.dms.document.domain.Secrecy;
import vn.ccn.dms.document.domain.StoredContent;
import vn.ccn.dms.document.domain.StoredFile;
import vn.ccn.dms.document.domain.Urgency;
import vn.ccn.dms.outbox.application.Outbox;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;
import vn.ccn.dms.register.application.NumberingService;
import vn.ccn.dms.register.domain.NumberPattern;
import vn.ccn.dms.register.domain.Register;

/**
 * The transaction boundary of document work: registering incoming documents, drafting and numbering
 * outgoing ones, adding file versions, and reading with access checks. Every call is audited in the same
 * transaction; index updates go to the outbox.
 *
 * <p>Access (checked here, not only in pages): a user reads the documents of their own agency and the
 * issued documents addressed to it; a document marked Mật, Tối mật or Tuyệt mật only with an explicit grant.
 */
@Stateless
public class DocumentService {

    private static final int SUMMARY_MAX = 4000;

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @EJB
    private NumberingService numbering;

    @EJB
    private AuditTrail audit;

    @EJB
    private Outbox outbox;

    @Inject
    private ContentStore store;

    @Inject
    private DmsSettings settings;

    @Inject
    private Clock clock;

    @Inject
    private Event<DocumentIssued> issued;

    /** A file received and stored, ready to be attached in the transaction that follows. */
    public record UploadedFile(String fileName, StoredContent content) {
    }

    public record IncomingRequest(String typeCode, String numberSymbol, String issuerName, String issuerAgencyCode,
            LocalDate issuedDate, String summary, String signerName, Urgency urgency, Secrecy secrecy,
            Integer pageCount, LocalDate dueDate, String receivingUnit, String notes) {
    }

    public record RecipientRequest(String agencyCode, String name) {
    }

    public record OutgoingRequest(String typeCode, String summary, String signerName, String signerPosition,
            Long registerId, List<RecipientRequest> recipients, Urgency urgency, Secrecy secrecy, Integer pageCount,
            LocalDate dueDate, String keepingUnit, Integer copies, String notes) {
    }

    /** The active document types, by name: what the forms offer and the API accepts as {@code typeCode}. */
    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN"})
    public List<DocumentTypeView> documentTypes() {
        return em.createQuery("select t from DocumentType t where t.active = true", DocumentType.class).getResultList()
                .stream().map(t -> new DocumentTypeView(t.code(), t.nameVi(), t.symbolPattern()))
                .sorted(java.util.Comparator.comparing(DocumentTypeView::name, java.text.Collator.getInstance(
                        java.util.Locale.forLanguageTag("vi-VN")))).toList();
    }

    /**
     * Streams one received file into the content store and checks its name, size and detected type.
     * Runs outside any transaction: the bytes are written before the rows that will reference them, so a
     * failure after this point leaves only an unreferenced blob for the sweeper.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER"})
    public UploadedFile receiveFile(String fileName, InputStream in) {
        Optional<String> nameProblem = FileNames.problem(fileName);
        if (nameProblem.isPresent()) {
            throw DomainException.invalid(nameProblem.get(), List.of("file: " + nameProblem.get()));
        }
        String name = FileNames.normalize(fileName);
        StoredContent content;
        try {
            content = store.put(in, settings.uploadMaxBytes(), name);
        } catch (ContentRejectedException e) {
            throw switch (e.reason()) {
                case EMPTY -> new DomainException(Problem.EMPTY_FILE, "Tệp \"" + name + "\" rỗng (0 byte)");
                case TOO_LARGE -> new DomainException(Problem.FILE_TOO_LARGE, "Tệp \"" + name
                        + "\" vượt quá giới hạn " + settings.uploadMaxBytes() / (1024 * 1024) + " MB",
                        Map.of("maxBytes", settings.uploadMaxBytes()));
            };
        } catch (IOException e) {
            throw new IllegalStateException("content store failed while receiving " + name, e);
        }
        if (!settings.allowedMediaTypes().contains(content.mediaType())) {
            throw new DomainException(Problem.UNSUPPORTED_FILE, "Tệp \"" + name + "\" có nội dung kiểu "
                    + content.mediaType() + ", không thuộc các loại được chấp nhận (PDF, ảnh, văn bản Office, văn bản thuần)",
                    Map.of("detectedMediaType", content.mediaType()));
        }
        return new UploadedFile(name, content);
    }

    /**
     * Registers an incoming document (văn bản đến) with its files and gives it the next arrival number of the
     * agency's incoming register for the current year. When a document with the same number/symbol from the
     * same issuer is already registered, refuses with the duplicates listed unless {@code confirmDuplicate}
     * (Decree 30/2020 Appendix VI: duplicate warning; obligation D03).
     */
    @RolesAllowed("CLERK")
    public DocumentView registerIncoming(IncomingRequest r, List<UploadedFile> files, boolean confirmDuplicate) {
        AppUser user = directory.currentUser();
        return register(user.agency(), user, r, files, confirmDuplicate);
    }

    /**
     * Registers a document received electronically for another agency's desk, e.g. a coordinating agency's reply
     * to an opinion request arriving at the lead agency (issue 5): same checks, numbering and audit as at the
     * desk, in the owner agency's incoming register. Called by other services, never directly by the API.
     */
    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER"})
    public DocumentView registerReceived(long ownerAgencyId, IncomingRequest r, List<UploadedFile> files) {
        Agency owner = em.find(Agency.class, ownerAgencyId);
        if (owner == null) {
            throw new DomainException(Problem.NOT_FOUND, "Không có cơ quan nhận " + ownerAgencyId);
        }
        return register(owner, directory.currentUser(), r, files, true);
    }

    private DocumentView register(Agency owner, AppUser user, IncomingRequest r, List<UploadedFile> files,
            boolean confirmDuplicate) {
        List<String> errors = new ArrayList<>();
        DocumentType type = documentType(r.typeCode(), errors);
        requireText(r.numberSymbol(), "numberSymbol", "Số, ký hiệu văn bản là bắt buộc", 96, errors);
        requireText(r.issuerName(), "issuerName", "Cơ quan ban hành là bắt buộc", 255, errors);
        requireText(r.summary(), "summary", "Trích yếu nội dung là bắt buộc", SUMMARY_MAX, errors);
        LocalDate today = LocalDate.now(clock);
        if (r.issuedDate() == null) {
            errors.add("issuedDate: ngày ban hành là bắt buộc");
        } else if (r.issuedDate().isAfter(today)) {
            errors.add("issuedDate: ngày ban hành không thể sau ngày hôm nay");
        }
        checkCommon(r.pageCount(), r.dueDate(), today, errors);
        Agency issuerAgency = null;
        if (r.issuerAgencyCode() != null && !r.issuerAgencyCode().isBlank()) {
            issuerAgency = directory.findAgency(r.issuerAgencyCode()).orElse(null);
            if (issuerAgency == null) {
                errors.add("issuerAgencyCode: không có cơ quan với mã " + r.issuerAgencyCode());
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Thông tin văn bản đến không hợp lệ", errors);
        }
        Secrecy secrecy = r.secrecy() == null ? Secrecy.NONE : r.secrecy();
        if (!confirmDuplicate) {
            List<Map<String, Object>> duplicates = duplicatesOf(owner, r.numberSymbol(), r.issuerName());
            if (!duplicates.isEmpty()) {
                throw new DomainException(Problem.DUPLICATE_DOCUMENT, "Văn bản số " + r.numberSymbol().trim()
                        + " của " + r.issuerName().trim() + " đã được đăng ký. Kiểm tra lại, hoặc xác nhận để vẫn đăng ký.",
                        Map.of("duplicates", duplicates));
            }
        }
        Register register = activeRegister(owner, Direction.INCOMING, secrecy.restricted());
        Instant now = clock.instant();
        Document d = Document.incoming(owner, register,
                new Document.Metadata(type, r.summary(), r.signerName(), null, r.urgency(), secrecy, r.pageCount(),
                        r.dueDate(), r.notes()),
                r.numberSymbol(), issuerAgency, r.issuerName(), r.issuedDate(), r.receivingUnit(), now,
                user.username());
        em.persist(d);
        if (!files.isEmpty()) {
            d.addVersion(blobs(files), "Bản nhận", now, user.username());
        }
        em.flush();
        if (secrecy.restricted()) {
            em.persist(new DocumentGrant(d.id(), user.id(), user.username(), now));
        }
        if (files.isEmpty()) {
            outbox.enqueue(Outbox.INDEX_DOCUMENT, d.id().toString(), null);
        } else {
            // Issue 4: the signatures of received PDFs are validated after commit, from the outbox, so a failing
            // validation never loses the registration.
            outbox.enqueueEach(d.id().toString(), Outbox.INDEX_DOCUMENT, Outbox.VALIDATE_SIGNATURES);
        }
        // The number is taken last: the register's counter row stays locked from here to the commit, so
        // everything that can be done before is done before (concurrent registrations queue only here), the audit
        // chain's lock included.
        audit.lockChain("document", d.id().toString());
        int year = LocalDate.now(clock).getYear();
        int arrival = numbering.next(register, year);
        d.assignArrival(arrival, year, now);
        em.flush();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("arrivalNumber", String.format("%02d/%d", arrival, year));
        detail.put("register", register.code());
        detail.put("numberSymbol", d.numberSymbol());
        detail.put("files", Integer.toString(files.size()));
        detail.put("duplicateConfirmed", Boolean.toString(confirmDuplicate));
        audit.record("REGISTER_INCOMING", "document", d.id().toString(), detail);
        return DocumentView.of(d, true);
    }

    /** Drafts an outgoing document (văn bản đi) in one of the caller's agency's outgoing registers. */
    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER"})
    public DocumentView draftOutgoing(OutgoingRequest r, List<UploadedFile> files) {
        AppUser user = directory.currentUser();
        List<String> errors = new ArrayList<>();
        DocumentType type = documentType(r.typeCode(), errors);
        requireText(r.summary(), "summary", "Trích yếu nội dung là bắt buộc", SUMMARY_MAX, errors);
        checkCommon(r.pageCount(), r.dueDate(), LocalDate.now(clock), errors);
        if (r.copies() != null && r.copies() < 1) {
            errors.add("copies: số lượng bản phải lớn hơn 0");
        }
        Register register = null;
        if (r.registerId() == null) {
            errors.add("registerId: cần chọn sổ văn bản đi");
        } else {
            register = em.find(Register.class, r.registerId());
            if (register == null || !register.agency().id().equals(user.agency().id())
                    || register.direction() != Direction.OUTGOING || !register.active()) {
                errors.add("registerId: không phải sổ văn bản đi của cơ quan");
                register = null;
            }
        }
        List<Agency> recipientAgencies = new ArrayList<>();
        List<RecipientRequest> recipients = r.recipients() == null ? List.of() : r.recipients();
        for (RecipientRequest rr : recipients) {
            if (rr.agencyCode() != null && !rr.agencyCode().isBlank()) {
                Optional<Agency> a = directory.findAgency(rr.agencyCode());
                if (a.isEmpty()) {
                    errors.add("recipients: không có cơ quan với mã " + rr.agencyCode());
                }
                recipientAgencies.add(a.orElse(null));
            } else if (rr.name() == null || rr.name().isBlank()) {
                errors.add("recipients: mỗi nơi nhận cần mã cơ quan hoặc tên");
                recipientAgencies.add(null);
            } else {
                recipientAgencies.add(null);
            }
        }
        Secrecy secrecy = r.secrecy() == null ? Secrecy.NONE : r.secrecy();
        if (register != null && register.secret() != secrecy.restricted()) {
            errors.add("registerId: văn bản mật phải vào sổ văn bản mật và ngược lại");
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Thông tin văn bản đi không hợp lệ", errors);
        }
        Instant now = clock.instant();
        Document d = Document.outgoing(user.agency(), register, new Document.Metadata(type, r.summary(),
                r.signerName(), r.signerPosition(), r.urgency(), secrecy, r.pageCount(), r.dueDate(), r.notes()),
                r.keepingUnit(), r.copies(), now, user.username());
        for (int i = 0; i < recipients.size(); i++) {
            d.addRecipient(recipientAgencies.get(i), recipients.get(i).name());
        }
        em.persist(d);
        if (!files.isEmpty()) {
            d.addVersion(blobs(files), "Dự thảo", now, user.username());
        }
        em.flush();
        if (secrecy.restricted()) {
            em.persist(new DocumentGrant(d.id(), user.id(), user.username(), now));
        }
        audit.record("DRAFT_OUTGOING", "document", d.id().toString(),
                Map.of("register", register.code(), "files", Integer.toString(files.size())));
        outbox.enqueue(Outbox.INDEX_DOCUMENT, d.id().toString(), null);
        return DocumentView.of(d, true);
    }

    /**
     * Gives an outgoing draft the next number of its register for the current year and formats its
     * number/symbol by the register's (or the type's) pattern. The reception desk does this on the day of
     * issue (Decree 30/2020 Art. 15, 16).
     */
    @RolesAllowed("CLERK")
    public DocumentView issueNumber(long documentId, String unit) {
        AppUser user = directory.currentUser();
        Document d = locked(documentId);
        if (d == null || !readable(d, user)) {
            throw notFound(documentId);
        }
        if (d.direction() != Direction.OUTGOING || !d.ownerAgency().id().equals(user.agency().id())) {
            throw new DomainException(Problem.FORBIDDEN, "Chỉ văn thư của cơ quan ban hành được cấp số văn bản đi");
        }
        if (d.status() == DocumentStatus.AWAITING_SIGNATURE) {
            // Issue 4: Decree 30/2020 two-step issuance numbers what the leader has signed, not what awaits it.
            throw new DomainException(Problem.CONFLICT, "Văn bản đang chờ lãnh đạo ký số, chưa thể cấp số");
        }
        if (d.isNumbered()) {
            throw new DomainException(Problem.ALREADY_NUMBERED, "Văn bản đã được cấp số " + d.numberSymbol(),
                    Map.of("numberSymbol", d.numberSymbol()));
        }
        Register register = d.register();
        NumberPattern pattern = register.patternFor(d.type().symbolPattern());
        if (pattern.needsUnit() && (unit == null || unit.isBlank() || unit.length() > 16
                || !unit.trim().matches("[\\p{L}0-9.&]+"))) {
            throw DomainException.invalid("Ký hiệu văn bản này cần tên viết tắt của đơn vị soạn thảo (ví dụ QLCN)",
                    List.of("unit: bắt buộc, tối đa 16 ký tự chữ và số"));
        }
        LocalDate today = LocalDate.now(clock);
        outbox.enqueue(Outbox.INDEX_DOCUMENT, d.id().toString(), null);
        if (d.status() != DocumentStatus.SIGNED) {
            // Observers (copies by rule, opening opinion requests; issue 5) run before the number is taken, so the
            // register's counter row is not held while they work; if numbering fails they roll back with the rest.
            // A leader-signed document is issued only by the organisation's signature (sealed(...) below).
            fireIssued(d, today);
        }
        // Taken last, as in registerIncoming: the counter row is locked until the commit.
        audit.lockChain("document", d.id().toString());
        int number = numbering.next(register, today.getYear());
        NumberPattern.Values values = new NumberPattern.Values(number, today.getYear(), d.type().code(),
                register.agency().shortName(), unit);
        d.assignNumber(number, today.getYear(), pattern.symbol(values), pattern.format(values), today);
        em.flush();
        audit.record("NUMBER_ISSUED", "document", d.id().toString(), Map.of("numberSymbol", d.numberSymbol(),
                "register", register.code(), "number", Integer.toString(number), "year", Integer.toString(today.getYear())));
        return DocumentView.of(d, true);
    }

    /** Adds a version with new files; refused once the document is issued (its content is then fixed). */
    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER"})
    public DocumentView addVersion(long documentId, List<UploadedFile> files, String note) {
        AppUser user = directory.currentUser();
        Document d = locked(documentId);
        if (d == null || !readable(d, user)) {
            throw notFound(documentId);
        }
        if (!d.ownerAgency().id().equals(user.agency().id())) {
            throw new DomainException(Problem.FORBIDDEN, "Chỉ cơ quan giữ văn bản được thêm tệp");
        }
        if (d.status() == DocumentStatus.ISSUED) {
            throw new DomainException(Problem.CONFLICT, "Văn bản đã ban hành, không thể thay đổi tệp");
        }
        if (d.status() == DocumentStatus.AWAITING_SIGNATURE || d.status() == DocumentStatus.SIGNED
                || d.status() == DocumentStatus.NUMBERED) {
            // Issue 4: a new file would not be what the leader is signing or has signed.
            throw new DomainException(Problem.CONFLICT, "Văn bản đang trình ký hoặc đã được ký, không thể thay đổi tệp");
        }
        if (files.isEmpty()) {
            throw DomainException.invalid("Cần ít nhất một tệp", List.of("file: bắt buộc"));
        }
        var v = d.addVersion(blobs(files), note, clock.instant(), user.username());
        em.flush();
        audit.record("ADD_VERSION", "document", d.id().toString(),
                Map.of("version", Integer.toString(v.versionNo()), "files", Integer.toString(files.size())));
        outbox.enqueue(Outbox.INDEX_DOCUMENT, d.id().toString(), null);
        return DocumentView.of(d, true);
    }

    /**
     * Issue 4 (signing): adds the version produced by a signature (the leader's, the organisation's) on top of
     * {@code baseVersionNo}, whatever the status, since signing adds only an incremental update to the same
     * content. Refused when another version was added since the signed one was read. Called by the signature
     * service inside its transaction, which also moves the status and audits the signature itself.
     */
    @RolesAllowed({"CLERK", "LEADER"})
    public DocumentView addSignedVersion(long documentId, int baseVersionNo, List<UploadedFile> files, String note) {
        AppUser user = directory.currentUser();
        Document d = locked(documentId);
        if (d == null || !readable(d, user)) {
            throw notFound(documentId);
        }
        if (d.versions().size() != baseVersionNo) {
            throw new DomainException(Problem.CONFLICT, "Văn bản đã có phiên bản mới hơn bản được ký; hãy ký lại",
                    Map.of("signedVersion", baseVersionNo, "latestVersion", d.versions().size()));
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a signed version needs its files");
        }
        var v = d.addVersion(blobs(files), note, clock.instant(), user.username());
        em.flush();
        audit.record("ADD_VERSION", "document", d.id().toString(),
                Map.of("version", Integer.toString(v.versionNo()), "files", Integer.toString(files.size()), "signed", "true"));
        outbox.enqueue(Outbox.INDEX_DOCUMENT, d.id().toString(), null);
        return DocumentView.of(d, true);
    }

    /**
     * Fires {@link DocumentIssued}. Its observers add recipients (copies by rule) with SQL and say so on the event;
     * the entity is reloaded only when they did, since a full refresh of the document's graph was a tenth of a
     * number's cost in the profile.
     */
    private void fireIssued(Document d, LocalDate issuedOn) {
        DocumentIssued event = new DocumentIssued(d.id(), d.ownerAgency().id(), issuedOn);
        issued.fire(event);
        if (event.addedRecipients()) {
            em.refresh(d);
        }
    }

    /**
     * Issue 4: the organisation's signature on a leader-signed, numbered document issues it (Decree 30/2020 Art. 15,
     * 16): from this commit recipients read it, and what issuing starts (copies by rule, opinion requests carried by
     * the letter; issue 5) starts now, dated today. Called by the signature service inside its transaction, after
     * the signed version is added.
     */
    @RolesAllowed("CLERK")
    public DocumentView issueSealed(long documentId) {
        Document d = locked(documentId);
        if (d == null || !readable(d, directory.currentUser())) {
            throw notFound(documentId);
        }
        d.markSealed();
        em.flush();
        fireIssued(d, LocalDate.now(clock));
        outbox.enqueue(Outbox.INDEX_DOCUMENT, d.id().toString(), null);
        audit.record("ISSUED", "document", d.id().toString(), Map.of("numberSymbol", d.numberSymbol()));
        return DocumentView.of(d, true);
    }

    /** One document with its versions; audited as a view (D07). Unknown and unreadable look the same. */
    @PermitAll
    public DocumentView get(long documentId) {
        AppUser user = directory.currentUser();
        Document d = em.find(Document.class, documentId);
        if (d == null || !readable(d, user)) {
            throw notFound(documentId);
        }
        audit.record("VIEW", "document", d.id().toString(), Map.of());
        return DocumentView.of(d, true);
    }

    /** A file to download; audited (D07). */
    @PermitAll
    public FileContent file(long documentId, long fileId) {
        AppUser user = directory.currentUser();
        Document d = em.find(Document.class, documentId);
        if (d == null || !readable(d, user)) {
            throw notFound(documentId);
        }
        StoredFile f = em.find(StoredFile.class, fileId);
        boolean belongs = f != null && d.versions().stream().flatMap(v -> v.files().stream())
                .anyMatch(x -> x.id().equals(f.id()));
        if (!belongs) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy tệp " + fileId + " của văn bản");
        }
        audit.record("DOWNLOAD", "document", d.id().toString(),
                Map.of("file", f.fileName(), "sha256", f.blob().sha256()));
        return new FileContent(f.fileName(), f.blob().mediaType(), f.blob().sizeBytes(), f.blob().sha256(),
                f.blob().key());
    }

    /** Lets one named user read a restricted document. Only a leader or clerk of the owner agency may grant. */
    @RolesAllowed({"LEADER", "CLERK"})
    public void grant(long documentId, String username) {
        AppUser user = directory.currentUser();
        Document d = em.find(Document.class, documentId);
        if (d == null || !readable(d, user)) {
            throw notFound(documentId);
        }
        if (!d.ownerAgency().id().equals(user.agency().id())) {
            throw new DomainException(Problem.FORBIDDEN, "Chỉ cơ quan giữ văn bản được cấp quyền đọc");
        }
        AppUser grantee = directory.findUser(username).orElseThrow(() -> new DomainException(Problem.NOT_FOUND,
                "Không có người dùng " + username));
        if (em.find(DocumentGrant.class, new DocumentGrant.Key(d.id(), grantee.id())) == null) {
            em.persist(new DocumentGrant(d.id(), grantee.id(), user.username(), clock.instant()));
            audit.record("GRANT", "document", d.id().toString(), Map.of("user", username));
        }
    }

    /** The documents the caller may read, filtered, newest first. */
    @PermitAll
    public Page<DocumentView> list(DocumentQuery q) {
        AppUser user = directory.currentUser();
        int size = Math.max(1, Math.min(q.size() <= 0 ? 20 : q.size(), settings.pageMaxSize()));
        int page = Math.max(0, q.page());
        StringBuilder where = new StringBuilder(" where ((d.secrecy = :none and (d.ownerAgency = :agency"
                + " or (d.status not in :unissued and exists (select r from Recipient r where r.document = d and r.agency = :agency))))"
                + " or exists (select g from DocumentGrant g where g.key.documentId = d.id and g.key.userId = :userId))");
        Map<String, Object> params = new HashMap<>();
        params.put("none", Secrecy.NONE);
        params.put("agency", user.agency());
        params.put("unissued", List.of(DocumentStatus.DRAFT, DocumentStatus.AWAITING_SIGNATURE, DocumentStatus.SIGNED,
                DocumentStatus.NUMBERED));
        params.put("userId", user.id());
        if (q.direction() != null) {
            where.append(" and d.direction = :direction");
            params.put("direction", q.direction());
        }
        if (q.typeCode() != null && !q.typeCode().isBlank()) {
            where.append(" and d.type.code = :type");
            params.put("type", q.typeCode());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" and (lower(d.summary) like :text or d.numberKey like :key or lower(d.issuerName) like :text)");
            String t = q.text().trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("text", "%" + t + "%");
            params.put("key", "%" + NumberSymbols.normalize(q.text()).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.from() != null) {
            where.append(" and d.createdAt >= :from");
            params.put("from", q.from().atStartOfDay(settings.zone()).toInstant());
        }
        if (q.to() != null) {
            where.append(" and d.createdAt < :to");
            params.put("to", q.to().plusDays(1).atStartOfDay(settings.zone()).toInstant());
        }
        TypedQuery<Long> count = em.createQuery("select count(d) from Document d" + where, Long.class);
        TypedQuery<Document> select = em.createQuery("select d from Document d" + where
                + " order by d.createdAt desc, d.id desc", Document.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<DocumentView> items = select.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(d -> DocumentView.of(d, false)).toList();
        return new Page<>(total, page, size, items);
    }

    /** Whether the caller may read a document; used by other features (registers, printing). */
    @PermitAll
    public boolean canRead(long documentId) {
        Document d = em.find(Document.class, documentId);
        return d != null && readable(d, directory.currentUser());
    }

    boolean readable(Document d, AppUser user) {
        if (d.secrecy().restricted()) {
            return em.find(DocumentGrant.class, new DocumentGrant.Key(d.id(), user.id())) != null;
        }
        if (d.ownerAgency().id().equals(user.agency().id())) {
            return true;
        }
        // Issue 4: documents awaiting or bearing only the leader's signature are not issued yet either.
        return !d.status().beforeIssue() && d.recipients().stream()
                .anyMatch(r -> r.agency() != null && r.agency().id().equals(user.agency().id()));
    }

    private List<Map<String, Object>> duplicatesOf(Agency agency, String numberSymbol, String issuerName) {
        List<Document> found = em.createQuery("select d from Document d where d.direction = :in"
                        + " and d.ownerAgency = :agency and d.numberKey = :key order by d.createdAt", Document.class)
                .setParameter("in", Direction.INCOMING).setParameter("agency", agency)
                .setParameter("key", NumberSymbols.normalize(numberSymbol)).getResultList();
        String issuer = NumberSymbols.normalizeIssuer(issuerName);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Document d : found) {
            if (NumberSymbols.normalizeIssuer(d.issuerName()).equals(issuer)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", d.id());
                m.put("arrivalNumber", d.arrivalNumber());
                m.put("arrivalYear", d.arrivalYear());
                m.put("summary", d.summary());
                out.add(m);
            }
        }
        return out;
    }

    private Register activeRegister(Agency agency, Direction direction, boolean secret) {
        return em.createQuery("select r from Register r where r.agency = :a and r.direction = :d and r.secret = :s"
                        + " and r.active = true order by r.id", Register.class)
                .setParameter("a", agency).setParameter("d", direction).setParameter("s", secret)
                .getResultStream().findFirst()
                .orElseThrow(() -> new DomainException(Problem.MISSING_REGISTER, "Cơ quan chưa có sổ văn bản "
                        + (direction == Direction.INCOMING ? "đến" : "đi") + (secret ? " mật" : "")
                        + "; quản trị viên cần tạo sổ trước"));
    }

    /** The document with its row locked until the commit, or null. */
    private Document locked(long documentId) {
        List<Document> found = em.createNamedQuery(Document.LOCK_BY_ID, Document.class).setParameter("id", documentId)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private Map<ContentBlob, String> blobs(List<UploadedFile> files) {
        Map<ContentBlob, String> out = new LinkedHashMap<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (UploadedFile f : files) {
            StoredContent c = f.content();
            if (!store.exists(c.key())) {
                throw new IllegalStateException("blob " + c.key() + " missing from the content store");
            }
            em.createNativeQuery("insert into content_blob (content_key, sha256, size_bytes, media_type, created_at)"
                            + " values (?1, ?2, ?3, ?4, ?5) on conflict (content_key) do nothing")
                    .setParameter(1, c.key()).setParameter(2, c.sha256()).setParameter(3, c.sizeBytes())
                    .setParameter(4, c.mediaType()).setParameter(5, now).executeUpdate();
            out.put(em.find(ContentBlob.class, c.key()), f.fileName());
        }
        return out;
    }

    private DocumentType documentType(String code, List<String> errors) {
        if (code == null || code.isBlank()) {
            errors.add("typeCode: Loại văn bản là bắt buộc");
            return null;
        }
        DocumentType type = em.find(DocumentType.class, code);
        if (type == null || !type.active()) {
            errors.add("typeCode: loại văn bản không hợp lệ: " + code);
        }
        return type;
    }

    private static void requireText(String value, String field, String message, int max, List<String> errors) {
        if (value == null || value.isBlank()) {
            errors.add(field + ": " + message);
        } else if (value.length() > max) {
            errors.add(field + ": dài quá " + max + " ký tự");
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(field + ": chứa ký tự điều khiển");
        }
    }

    private static void checkCommon(Integer pageCount, LocalDate dueDate, LocalDate today, List<String> errors) {
        if (pageCount != null && (pageCount < 1 || pageCount > 100_000)) {
            errors.add("pageCount: số trang phải từ 1 đến 100000");
        }
        if (dueDate != null && dueDate.isBefore(today.minusYears(1))) {
            errors.add("dueDate: hạn xử lý không hợp lệ");
        }
    }

    private static DomainException notFound(long id) {
        return new DomainException(Problem.NOT_FOUND, "Không tìm thấy văn bản " + id
                + " hoặc bạn không có quyền xem văn bản này");
    }
}
