package vn.ccn.dms.web.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.file.UploadedFiles;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.document.application.DocumentService.OutgoingRequest;
import vn.ccn.dms.document.application.DocumentService.RecipientRequest;
import vn.ccn.dms.document.application.DocumentView;
import vn.ccn.dms.document.domain.Direction;
import vn.ccn.dms.document.domain.Secrecy;
import vn.ccn.dms.document.domain.Urgency;
import vn.ccn.dms.register.application.RegisterService;

/**
 * Drafting an outgoing document (văn bản đi): type, summary, signer, the outgoing register of the agency it will
 * be numbered in, recipients from the directory and by name, optional draft files. The number is issued later
 * by the clerk on the document's page.
 */
@Named
@ViewScoped
public class OutgoingDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DocumentService documents;

    @Inject
    private DirectoryService directory;

    @Inject
    private RegisterService registers;

    private String typeCode;
    private String summary;
    private String signerName;
    private String signerPosition;
    private Long registerId;
    private List<String> recipientAgencies = new ArrayList<>();
    private String otherRecipients;
    private Urgency urgency = Urgency.NORMAL;
    private Secrecy secrecy = Secrecy.NONE;
    private Integer pageCount;
    private LocalDate dueDate;
    private String keepingUnit;
    private Integer copies;
    private String notes;

    private transient UploadedFiles uploads;
    private final List<ReceivedFile> received = new ArrayList<>();
    private List<SelectItem> registerOptions;
    private List<SelectItem> agencies;

    /** Saves the draft and opens its page, where the clerk will issue its number. */
    public String save() {
        try {
            received.addAll(Uploads.receive(documents, uploads));
        } catch (RuntimeException e) {
            Refusals.show(e, "form");
            return null;
        } finally {
            uploads = null;
        }
        List<RecipientRequest> recipients = new ArrayList<>();
        for (String code : recipientAgencies) {
            recipients.add(new RecipientRequest(code, nameOf(code)));
        }
        if (otherRecipients != null) {
            otherRecipients.lines().map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(name -> recipients.add(new RecipientRequest(null, name)));
        }
        OutgoingRequest request = new OutgoingRequest(trim(typeCode), trim(summary), trim(signerName),
                trim(signerPosition), registerId, recipients, urgency, secrecy, pageCount, dueDate, trim(keepingUnit),
                copies, trim(notes));
        try {
            DocumentView view = documents.draftOutgoing(request, received.stream().map(ReceivedFile::toUpload).toList());
            received.clear();
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            Refusals.info("Đã lưu dự thảo văn bản đi. Văn thư sẽ cấp số khi ban hành.");
            return "/app/document.xhtml?faces-redirect=true&id=" + view.id();
        } catch (RuntimeException e) {
            Refusals.show(e, "form");
            return null;
        }
    }

    public void removeFile(ReceivedFile file) {
        received.remove(file);
    }

    /** The outgoing registers of the user's agency; the first ordinary one is chosen unless the user picks. */
    @PostConstruct
    void init() {
        List<RegisterService.RegisterView> outgoing = registers.ofMyAgency().stream()
                .filter(r -> r.direction() == Direction.OUTGOING).toList();
        registerOptions = outgoing.stream()
                .map(r -> new SelectItem(r.id(), r.name() + " (" + r.code() + ")" + (r.secret() ? " – sổ mật" : "")))
                .toList();
        registerId = outgoing.stream().filter(r -> !r.secret()).findFirst()
                .or(() -> outgoing.stream().findFirst()).map(RegisterService.RegisterView::id).orElse(null);
    }

    public List<SelectItem> getRegisters() {
        return registerOptions;
    }

    public List<SelectItem> getAgencies() {
        if (agencies == null) {
            agencies = directory.agencies().stream().map(a -> new SelectItem(a.code().value(), a.name())).toList();
        }
        return agencies;
    }

    private String nameOf(String code) {
        return getAgencies().stream().filter(i -> code.equals(i.getValue())).map(SelectItem::getLabel).findFirst()
                .orElse(null);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
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

    public String getSignerPosition() {
        return signerPosition;
    }

    public void setSignerPosition(String signerPosition) {
        this.signerPosition = signerPosition;
    }

    public Long getRegisterId() {
        return registerId;
    }

    public void setRegisterId(Long registerId) {
        this.registerId = registerId;
    }

    public List<String> getRecipientAgencies() {
        return recipientAgencies;
    }

    public void setRecipientAgencies(List<String> recipientAgencies) {
        this.recipientAgencies = recipientAgencies == null ? new ArrayList<>() : new ArrayList<>(recipientAgencies);
    }

    public String getOtherRecipients() {
        return otherRecipients;
    }

    public void setOtherRecipients(String otherRecipients) {
        this.otherRecipients = otherRecipients;
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

    public String getKeepingUnit() {
        return keepingUnit;
    }

    public void setKeepingUnit(String keepingUnit) {
        this.keepingUnit = keepingUnit;
    }

    public Integer getCopies() {
        return copies;
    }

    public void setCopies(Integer copies) {
        this.copies = copies;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
