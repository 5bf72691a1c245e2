package vn.ccn.dms.web.ui;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.file.UploadedFiles;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.document.application.DocumentService.IncomingRequest;
import vn.ccn.dms.document.application.DocumentView;
import vn.ccn.dms.document.domain.Secrecy;
import vn.ccn.dms.document.domain.Urgency;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

/**
 * Registering an incoming document (văn bản đến) at the reception desk: the Decree 30/2020 metadata, the files,
 * and the duplicate warning. When the service finds the same number/symbol from the same issuer already
 * registered, the page lists those documents and registers only after the clerk confirms ("Vẫn đăng ký").
 */
@Named
@ViewScoped
public class IncomingRegistration implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DocumentService documents;

    @Inject
    private DirectoryService directory;

    private String typeCode;
    private String numberSymbol;
    private String issuerName;
    private String issuerAgencyCode;
    private LocalDate issuedDate;
    private String summary;
    private String signerName;
    private Urgency urgency = Urgency.NORMAL;
    private Secrecy secrecy = Secrecy.NONE;
    private Integer pageCount;
    private LocalDate dueDate;
    private String receivingUnit;
    private String notes;

    private transient UploadedFiles uploads;
    private final List<ReceivedFile> received = new ArrayList<>();
    private List<Duplicate> duplicates = List.of();
    private List<SelectItem> agencies;

    private Long registeredId;
    private String arrivalNumber;
    private Integer arrivalYear;

    /** One document already registered with the same number/symbol and issuer, as the service listed it. */
    public record Duplicate(Long id, String arrivalNumber, String summary) implements Serializable {
    }

    public void register() {
        submit(false);
    }

    /** The clerk has seen the duplicates and registers all the same (Decree 30/2020 Appendix VI). */
    public void registerDespiteDuplicate() {
        submit(true);
    }

    public void cancelDuplicate() {
        duplicates = List.of();
    }

    private void submit(boolean confirmDuplicate) {
        try {
            received.addAll(Uploads.receive(documents, uploads));
        } catch (RuntimeException e) {
            Refusals.show(e, "form");
            return;
        } finally {
            uploads = null;
        }
        IncomingRequest request = new IncomingRequest(trim(typeCode), trim(numberSymbol), trim(issuerName),
                trim(issuerAgencyCode), issuedDate, trim(summary), trim(signerName), urgency, secrecy, pageCount,
                dueDate, trim(receivingUnit), trim(notes));
        try {
            DocumentView view = documents.registerIncoming(request, received.stream().map(ReceivedFile::toUpload).toList(),
                    confirmDuplicate);
            registeredId = view.id();
            arrivalNumber = view.arrivalNumberText();
            arrivalYear = view.arrivalYear();
            duplicates = List.of();
            received.clear();
        } catch (RuntimeException e) {
            Optional<DomainException> refusal = Refusals.domain(e);
            if (refusal.isPresent() && refusal.get().problem() == Problem.DUPLICATE_DOCUMENT) {
                duplicates = duplicates(refusal.get());
                Refusals.warn(refusal.get().getMessage());
            } else {
                duplicates = List.of();
                Refusals.show(e, "form");
            }
        }
    }

    private static List<Duplicate> duplicates(DomainException e) {
        Object listed = e.extensions().get("duplicates");
        List<Duplicate> out = new ArrayList<>();
        if (listed instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    Long id = m.get("id") instanceof Number n ? n.longValue() : null;
                    String number = m.get("arrivalNumber") instanceof Number n
                            ? String.format("%02d", n.intValue()) + (m.get("arrivalYear") == null ? "" : "/" + m.get("arrivalYear"))
                            : "";
                    out.add(new Duplicate(id, number, m.get("summary") == null ? "" : m.get("summary").toString()));
                }
            }
        }
        return List.copyOf(out);
    }

    public void removeFile(ReceivedFile file) {
        // The blob stays in the store unreferenced; the orphan sweeper removes it after its grace period.
        received.remove(file);
    }

    /** Fills the issuer's name from the directory when the clerk picks a known agency and left it empty. */
    public void issuerAgencyChosen() {
        if (issuerAgencyCode != null && (issuerName == null || issuerName.isBlank())) {
            getAgencies().stream().filter(i -> issuerAgencyCode.equals(i.getValue())).findFirst()
                    .ifPresent(i -> issuerName = i.getLabel());
        }
    }

    public List<SelectItem> getAgencies() {
        if (agencies == null) {
            agencies = directory.agencies().stream().map(a -> new SelectItem(a.code().value(), a.name())).toList();
        }
        return agencies;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public boolean isRegistered() {
        return registeredId != null;
    }

    public Long getRegisteredId() {
        return registeredId;
    }

    public String getArrivalNumber() {
        return arrivalNumber;
    }

    public Integer getArrivalYear() {
        return arrivalYear;
    }

    public List<Duplicate> getDuplicates() {
        return duplicates;
    }

    public List<ReceivedFile> getReceived() {
        return received;
    }

    public UploadedFiles getUploads() {
        return uploads;
    }

    public void setUploads(UploadedFiles uploads) {
        this.uploads = uploads;
    }

    public String getTypeCode() {
        return typeCode;
    }

    public void setTypeCode(String typeCode) {
        this.typeCode = typeCode;
    }

    public String getNumberSymbol() {
        return numberSymbol;
    }

    public void setNumberSymbol(String numberSymbol) {
        this.numberSymbol = numberSymbol;
    }

    public String getIssuerName() {
        return issuerName;
    }

    public void setIssuerName(String issuerName) {
        this.issuerName = issuerName;
    }

    public String getIssuerAgencyCode() {
        return issuerAgencyCode;
    }

    public void setIssuerAgencyCode(String issuerAgencyCode) {
        this.issuerAgencyCode = issuerAgencyCode;
    }

    public LocalDate getIssuedDate() {
        return issuedDate;
    }

    public void setIssuedDate(LocalDate issuedDate) {
        this.issuedDate = issuedDate;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getSignerName() {
        return signerName;
    }

    public void setSignerName(String signerName) {
        this.signerName = signerName;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public void setUrgency(Urgency urgency) {
        this.urgency = urgency;
    }

    public Secrecy getSecrecy() {
        return secrecy;
    }

    public void setSecrecy(Secrecy secrecy) {
        this.secrecy = secrecy;
    }

    public Integer getPageCount() {
        return pageCount;
    }

    public void setPageCount(Integer pageCount) {
        this.pageCount = pageCount;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    public String getReceivingUnit() {
        return receivingUnit;
    }

    public void setReceivingUnit(String receivingUnit) {
        this.receivingUnit = receivingUnit;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
