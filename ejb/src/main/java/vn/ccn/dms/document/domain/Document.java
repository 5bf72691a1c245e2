package vn.ccn.dms.document.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.ccn.dms.directory.domain.Agency;
import vn.ccn.dms.register.domain.Register;

/**
 * A document and its Decree 30/2020 metadata (BRIEF §5; Appendix VI fields). The aggregate root of its
 * recipients and versions. Numbers come from a register, never typed: {@link #assignArrival} for incoming,
 * {@link #assignNumber} for outgoing.
 */
@Entity
@Table(name = "document")
@NamedQuery(name = Document.LOCK_BY_ID, query = "select d from Document d where d.id = :id",
        lockMode = LockModeType.PESSIMISTIC_WRITE)
public class Document {

    /**
     * The document read with its row locked until the commit ({@code FOR UPDATE}). The same as
     * {@code em.find(Document.class, id, PESSIMISTIC_WRITE)}, but prepared once: EclipseLink builds a new query and its
     * SQL on every {@code find} with a lock mode, which was a measurable part of issuing a number.
     */
    public static final String LOCK_BY_ID = "Document.lockById";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dms_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "owner_agency_id")
    private Agency ownerAgency;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "register_id")
    private Register register;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "type_code")
    private DocumentType type;

    private Integer number;

    @Column(name = "number_year")
    private Integer numberYear;

    private String symbol;

    @Column(name = "number_symbol")
    private String numberSymbol;

    @Column(name = "number_key")
    private String numberKey;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "issuer_agency_id")
    private Agency issuerAgency;

    @Column(name = "issuer_name", nullable = false)
    private String issuerName;

    @Column(name = "issued_date")
    private LocalDate issuedDate;

    @Column(nullable = false)
    private String summary;

    @Column(name = "signer_name")
    private String signerName;

    @Column(name = "signer_position")
    private String signerPosition;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Secrecy secrecy;

    @Column(name = "page_count")
    private Integer pageCount;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "arrival_number")
    private Integer arrivalNumber;

    @Column(name = "arrival_year")
    private Integer arrivalYear;

    @Column(name = "arrival_at")
    private Instant arrivalAt;

    @Column(name = "receiving_unit")
    private String receivingUnit;

    @Column(name = "keeping_unit")
    private String keepingUnit;

    private Integer copies;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentStatus status;

    private String notes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    private long version;

    @OneToMany(mappedBy = "document", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("id")
    private List<Recipient> recipients = new ArrayList<>();

    @OneToMany(mappedBy = "document", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("versionNo")
    private List<DocumentVersion> versions = new ArrayList<>();

    protected Document() {
    }

    /** The metadata shared by both directions, validated by the application service before it gets here. */
    public record Metadata(DocumentType type, String summary, String signerName, String signerPosition,
            Urgency urgency, Secrecy secrecy, Integer pageCount, LocalDate dueDate, String notes) {
        public Metadata {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(summary, "summary");
            urgency = urgency == null ? Urgency.NORMAL : urgency;
            secrecy = secrecy == null ? Secrecy.NONE : secrecy;
        }
    }

    public static Document incoming(Agency owner, Register register, Metadata m, String numberSymbol,
            Agency issuerAgency, String issuerName, LocalDate issuedDate, String receivingUnit, Instant now,
            String by) {
        Document d = new Document(Direction.INCOMING, owner, m, now, by);
        d.register = Objects.requireNonNull(register, "register");
        d.numberSymbol = Objects.requireNonNull(numberSymbol, "numberSymbol").trim();
        d.numberKey = NumberSymbols.normalize(numberSymbol);
        d.issuerAgency = issuerAgency;
        d.issuerName = Objects.requireNonNull(issuerName, "issuerName").trim();
        d.issuedDate = issuedDate;
        d.receivingUnit = receivingUnit;
        d.status = DocumentStatus.REGISTERED;
        return d;
    }

    public static Document outgoing(Agency owner, Register register, Metadata m, String keepingUnit, Integer copies,
            Instant now, String by) {
        Document d = new Document(Direction.OUTGOING, owner, m, now, by);
        d.register = Objects.requireNonNull(register, "register");
        d.issuerAgency = owner;
        d.issuerName = owner.name();
        d.keepingUnit = keepingUnit;
        d.copies = copies;
        d.status = DocumentStatus.DRAFT;
        return d;
    }

    private Document(Direction direction, Agency owner, Metadata m, Instant now, String by) {
        this.direction = direction;
        this.ownerAgency = Objects.requireNonNull(owner, "owner");
        this.type = m.type();
        this.summary = m.summary().trim();
        this.signerName = m.signerName();
        this.signerPosition = m.signerPosition();
        this.urgency = m.urgency();
        this.secrecy = m.secrecy();
        this.pageCount = m.pageCount();
        this.dueDate = m.dueDate();
        this.notes = m.notes();
        this.createdAt = Objects.requireNonNull(now, "now");
        this.createdBy = Objects.requireNonNull(by, "by");
    }

    /** Gives the incoming document its arrival number (số đến) of the register's year. */
    public void assignArrival(int arrivalNumber, int year, Instant at) {
        if (direction != Direction.INCOMING || this.arrivalNumber != null) {
            throw new IllegalStateException("arrival number already assigned or not an incoming document");
        }
        this.arrivalNumber = arrivalNumber;
        this.arrivalYear = year;
        this.arrivalAt = at;
    }

    /**
     * Gives the outgoing document its number and symbol. A draft is issued from now on (the paper way: the desk
     * numbers what the leader signed on paper); a leader-signed one waits for the organisation's signature.
     */
    public void assignNumber(int number, int year, String symbol, String numberSymbol, LocalDate issuedDate) {
        if (direction != Direction.OUTGOING || this.number != null) {
            throw new IllegalStateException("already numbered or not an outgoing document");
        }
        this.number = number;
        this.numberYear = year;
        this.symbol = symbol;
        this.numberSymbol = numberSymbol;
        this.numberKey = NumberSymbols.normalize(numberSymbol);
        this.issuedDate = Objects.requireNonNull(issuedDate, "issuedDate");
        this.status = status == DocumentStatus.SIGNED ? DocumentStatus.NUMBERED : DocumentStatus.ISSUED;
    }

    /** The organisation's signature is on the numbered document: it is issued, and recipients may read it. */
    public void markSealed() {
        requireOutgoingIn(DocumentStatus.NUMBERED);
        this.status = DocumentStatus.ISSUED;
    }

    // --- Issue 4 (signing): the two-step issuance transitions. Guards only; the signature service decides. ---

    /** The draft goes to the leader for signature (Decree 30/2020 Art. 13: the leader approves and signs). */
    public void submitForSignature() {
        requireOutgoingIn(DocumentStatus.DRAFT);
        this.status = DocumentStatus.AWAITING_SIGNATURE;
    }

    /** The leader sent it back unsigned, or the drafter withdrew it: a draft again. */
    public void returnToDraft() {
        requireOutgoingIn(DocumentStatus.AWAITING_SIGNATURE);
        this.status = DocumentStatus.DRAFT;
    }

    /** The leader's signature is on its latest version; next the reception desk numbers and seals it. */
    public void markSigned() {
        requireOutgoingIn(DocumentStatus.AWAITING_SIGNATURE);
        this.status = DocumentStatus.SIGNED;
    }

    private void requireOutgoingIn(DocumentStatus expected) {
        if (direction != Direction.OUTGOING || status != expected) {
            throw new IllegalStateException("document " + id + " is " + direction + "/" + status + ", not OUTGOING/" + expected);
        }
    }

    public void addRecipient(Agency agency, String name) {
        recipients.add(new Recipient(this, agency, name == null && agency != null ? agency.name() : name));
    }

    /** Adds a new version holding the given blobs with their received names (map keeps order). */
    public DocumentVersion addVersion(Map<ContentBlob, String> files, String note, Instant at, String by) {
        DocumentVersion v = new DocumentVersion(this, versions.size() + 1, note, at, by);
        files.forEach(v::addFile);
        versions.add(v);
        return v;
    }

    public boolean isNumbered() {
        return number != null;
    }

    public Long id() {
        return id;
    }

    public Direction direction() {
        return direction;
    }

    public Agency ownerAgency() {
        return ownerAgency;
    }

    public Register register() {
        return register;
    }

    public DocumentType type() {
        return type;
    }

    public Integer number() {
        return number;
    }

    public String numberSymbol() {
        return numberSymbol;
    }

    public Agency issuerAgency() {
        return issuerAgency;
    }

    public String issuerName() {
        return issuerName;
    }

    public LocalDate issuedDate() {
        return issuedDate;
    }

    public String summary() {
        return summary;
    }

    public String signerName() {
        return signerName;
    }

    public String signerPosition() {
        return signerPosition;
    }

    public Urgency urgency() {
        return urgency;
    }

    public Secrecy secrecy() {
        return secrecy;
    }

    public Integer pageCount() {
        return pageCount;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Integer arrivalNumber() {
        return arrivalNumber;
    }

    public Integer arrivalYear() {
        return arrivalYear;
    }

    public Instant arrivalAt() {
        return arrivalAt;
    }

    public String receivingUnit() {
        return receivingUnit;
    }

    public String keepingUnit() {
        return keepingUnit;
    }

    public Integer copies() {
        return copies;
    }

    public DocumentStatus status() {
        return status;
    }

    public String notes() {
        return notes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public List<Recipient> recipients() {
        return List.copyOf(recipients);
    }

    public List<DocumentVersion> versions() {
        return List.copyOf(versions);
    }
}
