package vn.ccn.dms.web.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.document.application.DocumentView;
import vn.ccn.dms.document.domain.Direction;
import vn.ccn.dms.document.domain.DocumentStatus;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

/**
 * One document: its metadata, recipients, versions with their files (downloaded through the API with the
 * session), its audit trail, and for an outgoing draft the clerk's "Cấp số". Opening the page is recorded as a
 * view by the service (D07). A document the user may not read looks exactly like one that does not exist.
 */
@Named
@ViewScoped
public class DocumentDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DocumentService documents;

    @Inject
    private AuditTrail audit;

    @Inject
    private vn.ccn.dms.signature.application.SigningWorkflowService signing;

    private Long id;
    private transient DocumentView document;
    private transient List<AuditLine> trail = List.of();
    private boolean notFound;
    private String unit;
    private boolean unitNeeded;
    /** Held only from the form's submission to the seal call in the same request, then cleared. */
    private transient String pin;

    /** An audit entry as the page shows it. */
    public record AuditLine(Instant at, String actor, String actorAgency, String action, String detail,
            String remoteAddr, String hash) {
    }

    /** Loads the document named by {@code ?id=}; answers 404 with a message when it is unknown or unreadable. */
    public void load() {
        if (id == null) {
            refuse("Thiếu mã văn bản cần xem");
            return;
        }
        try {
            document = documents.get(id);
            loadTrail();
        } catch (RuntimeException e) {
            Optional<DomainException> refusal = Refusals.domain(e);
            if (refusal.isPresent() && refusal.get().problem() == Problem.NOT_FOUND) {
                refuse(refusal.get().getMessage());
            } else {
                notFound = true;
                Refusals.show(e, null);
            }
        }
    }

    private void refuse(String message) {
        notFound = true;
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        Refusals.error(faces, null, message);
    }

    private void loadTrail() {
        // Only after get() succeeded: the trail of a document is for those who may read it.
        trail = audit.ofObject("document", Long.toString(document.id())).stream()
                .map(e -> new AuditLine(e.occurredAt(), e.actor(), e.actorAgency(), e.action(), e.detail(),
                        e.remoteAddr(), e.hash()))
                .toList();
    }

    /**
     * Issues the next number of the draft's register. When the register's pattern needs the drafting unit and
     * none was given, the service says so; only then does the page ask for it.
     */
    public void issueNumber() {
        try {
            document = documents.issueNumber(id, unit == null || unit.isBlank() ? null : unit.trim());
            unitNeeded = false;
            loadTrail();
            Refusals.info("Đã cấp số: " + document.numberSymbol());
        } catch (RuntimeException e) {
            Optional<DomainException> refusal = Refusals.domain(e);
            if (refusal.isPresent() && refusal.get().problem() == Problem.INVALID_INPUT
                    && Refusals.errors(refusal.get()).stream().anyMatch(s -> s.startsWith("unit:"))) {
                unitNeeded = true;
            }
            Refusals.show(e, "issue");
        }
    }

    /**
     * Whether to offer "Cấp số": an outgoing draft (signed on paper) or a document the leader has signed digitally,
     * to a clerk; the service decides the rest.
     */
    public boolean isIssuable() {
        return document != null && document.direction() == Direction.OUTGOING
                && (document.status() == DocumentStatus.DRAFT || document.status() == DocumentStatus.SIGNED)
                && FacesContext.getCurrentInstance().getExternalContext().isUserInRole("CLERK");
    }

    /** Whether to offer the organisation's signature: a numbered, leader-signed document, to a clerk. */
    public boolean isSealable() {
        return document != null && document.status() == DocumentStatus.NUMBERED
                && FacesContext.getCurrentInstance().getExternalContext().isUserInRole("CLERK");
    }

    /**
     * The organisation's digital signature with the seal (Decree 30/2020 Art. 15, 16): fills in the number and the
     * date of issue, signs, and so issues the document to its recipients.
     */
    public void seal() {
        char[] secret = pin == null ? new char[0] : pin.toCharArray();
        pin = null;
        try {
            document = signing.seal(id, secret);
            loadTrail();
            Refusals.info("Đã ký số của cơ quan; văn bản " + document.numberSymbol() + " đã ban hành và gửi đến nơi nhận");
        } catch (RuntimeException e) {
            Refusals.show(e, "seal");
        }
    }

    public String getPin() {
        return null; // never sent back to the browser
    }

    public void setPin(String pin) {
        this.pin = pin;
    }

    /** The address of a file's content in the API; the browser sends the session cookie with it. */
    public String downloadUrl(long fileId) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/api/v1/documents/" + id + "/files/" + fileId + "/content";
    }

    public DocumentView getDocument() {
        return document;
    }

    public List<AuditLine> getTrail() {
        return trail;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public boolean isIncoming() {
        return document != null && document.direction() == Direction.INCOMING;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public boolean isUnitNeeded() {
        return unitNeeded;
    }
}
