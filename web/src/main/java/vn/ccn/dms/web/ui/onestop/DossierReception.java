package vn.ccn.dms.web.ui.onestop;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.primefaces.model.file.UploadedFiles;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.dossier.application.CcnRegistry;
import vn.ccn.dms.dossier.application.DossierService;
import vn.ccn.dms.dossier.application.DossierService.NewDossier;
import vn.ccn.dms.dossier.application.DossierService.PaperReceipt;
import vn.ccn.dms.dossier.application.DossierViews.DossierView;
import vn.ccn.dms.dossier.domain.Channel;
import vn.ccn.dms.procedure.application.ProcedureCatalog;
import vn.ccn.dms.procedure.domain.Procedure;
import vn.ccn.dms.procedure.domain.ProcedurePaper;
import vn.ccn.dms.procedure.domain.ProcedureStep;

/**
 * The desk receives a dossier: the procedure, the applicant, the channel, and the procedure's checklist of papers
 * with what was received (originals, copies, electronic), plus the scanned or electronic files. The submission key
 * is made once per rendered form, so a double click or a resent form gives the one dossier the service registered
 * first ({@link DossierService#receive}); on success the browser goes to the dossier's page.
 */
@Named
@ViewScoped
public class DossierReception implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DossierService dossiers;

    @Inject
    private ProcedureCatalog catalog;

    @Inject
    private DocumentService documents;

    @Inject
    private DirectoryService directory;

    @Inject
    private CcnRegistry ccns;

    private String submissionKey;
    private String procedureCode;
    private String applicantKind = "ORGANISATION";
    private String applicantName;
    private String applicantAgencyCode;
    private String applicantIdNumber;
    private String applicantAddress;
    private String applicantPhone;
    private String applicantEmail;
    private Channel channel = Channel.DESK;
    private String summary;
    private String ccnCode;
    private LocalDate referenceDate;
    private Integer paperSets = 1;
    private List<PaperLine> papers = new ArrayList<>();
    private boolean needsReferenceDate;

    private transient UploadedFiles uploads;
    private final List<KeptFile> received = new ArrayList<>();
    private List<SelectItem> procedures;
    private List<SelectItem> agencies;
    private List<SelectItem> clusters;

    /** One line of the checklist as the clerk ticks it. */
    public static final class PaperLine implements Serializable {

        private static final long serialVersionUID = 1L;

        private final int seq;
        private final String name;
        private final boolean required;
        private final String legalBasis;
        private boolean received;
        private Integer originals;
        private Integer copies;
        private boolean electronic;

        PaperLine(ProcedurePaper p) {
            this.seq = p.seq();
            this.name = p.nameVi();
            this.required = p.required();
            this.legalBasis = p.legalBasis();
            this.originals = p.originals();
            this.copies = p.copies();
        }

        PaperReceipt toReceipt() {
            return new PaperReceipt(seq, received, received ? originals : Integer.valueOf(0),
                    received ? copies : Integer.valueOf(0), received && electronic);
        }

        public int getSeq() {
            return seq;
        }

        public String getName() {
            return name;
        }

        public boolean isRequired() {
            return required;
        }

        public String getLegalBasis() {
            return legalBasis;
        }

        public boolean isReceived() {
            return received;
        }

        public void setReceived(boolean received) {
            this.received = received;
        }

        public Integer getOriginals() {
            return originals;
        }

        public void setOriginals(Integer originals) {
            this.originals = originals;
        }

        public Integer getCopies() {
            return copies;
        }

        public void setCopies(Integer copies) {
            this.copies = copies;
        }

        public boolean isElectronic() {
            return electronic;
        }

        public void setElectronic(boolean electronic) {
            this.electronic = electronic;
        }
    }

    @PostConstruct
    void init() {
        // One key per rendered form: the same form sent twice is the same submission (a double click).
        submissionKey = "ui-" + UUID.randomUUID();
    }

    /** The checklist follows the chosen procedure. */
    public void procedureChosen() {
        papers = new ArrayList<>();
        needsReferenceDate = false;
        if (procedureCode == null || procedureCode.isBlank()) {
            return;
        }
        catalog.find(procedureCode).ifPresent(p -> {
            p.papers().forEach(pp -> papers.add(new PaperLine(pp)));
            needsReferenceDate = p.processingSteps().stream().anyMatch(ProcedureStep::startsFromReferenceDate);
        });
    }

    /** Fills the applicant's name from the directory when the clerk picks an agency and left the name empty. */
    public void applicantAgencyChosen() {
        if (applicantAgencyCode != null && (applicantName == null || applicantName.isBlank())) {
            getAgencies().stream().filter(i -> applicantAgencyCode.equals(i.getValue())).findFirst()
                    .ifPresent(i -> applicantName = i.getLabel());
        }
    }

    public void receive() {
        try {
            received.addAll(KeptFile.receive(documents, uploads));
        } catch (RuntimeException e) {
            PageMessages.show(e, "form");
            return;
        } finally {
            uploads = null;
        }
        NewDossier request = new NewDossier(trim(procedureCode), applicantKind, trim(applicantName),
                trim(applicantAgencyCode), trim(applicantIdNumber), trim(applicantAddress), trim(applicantPhone),
                trim(applicantEmail), channel, trim(summary), trim(ccnCode), needsReferenceDate ? referenceDate : null,
                paperSets, papers.stream().map(PaperLine::toReceipt).toList(), submissionKey);
        DossierView view;
        try {
            view = dossiers.receive(request, received.stream().map(KeptFile::toUpload).toList());
        } catch (RuntimeException e) {
            PageMessages.show(e, "form");
            return;
        }
        received.clear();
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        ec.getFlash().setKeepMessages(true);
        PageMessages.info(view.replayed() ? "Hồ sơ này đã được tiếp nhận trước đó (mã " + view.code() + ")"
                : "Đã tiếp nhận hồ sơ, mã hồ sơ: " + view.code());
        try {
            ec.redirect(ec.getRequestContextPath() + "/app/dossier.xhtml?id=" + view.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void removeFile(KeptFile file) {
        // The blob stays in the store unreferenced; the orphan sweeper removes it after its grace period.
        received.remove(file);
    }

    public List<SelectItem> getProcedures() {
        if (procedures == null) {
            procedures = catalog.procedures().stream().map(p -> new SelectItem(p.code(), p.nameVi())).toList();
        }
        return procedures;
    }

    public List<SelectItem> getAgencies() {
        if (agencies == null) {
            agencies = directory.agencies().stream().map(a -> new SelectItem(a.code().value(), a.name())).toList();
        }
        return agencies;
    }

    public List<SelectItem> getClusters() {
        if (clusters == null) {
            clusters = ccns.list().stream().map(c -> new SelectItem(c.code(), c.name() + " (" + c.code() + ")")).toList();
        }
        return clusters;
    }

    public List<Channel> getChannels() {
        return List.of(Channel.values());
    }

    /** The legal basis of the chosen procedure, shown under the menu. */
    public String getProcedureBasis() {
        return procedureCode == null || procedureCode.isBlank() ? null
                : catalog.find(procedureCode).map(Procedure::legalBasis).orElse(null);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public String getSubmissionKey() {
        return submissionKey;
    }

    public List<PaperLine> getPapers() {
        return papers;
    }

    public boolean isNeedsReferenceDate() {
        return needsReferenceDate;
    }

    public List<KeptFile> getReceived() {
        return received;
    }

    public UploadedFiles getUploads() {
        return uploads;
    }

    public void setUploads(UploadedFiles uploads) {
        this.uploads = uploads;
    }

    public String getProcedureCode() {
        return procedureCode;
    }

    public void setProcedureCode(String procedureCode) {
        this.procedureCode = procedureCode;
    }

    public String getApplicantKind() {
        return applicantKind;
    }

    public void setApplicantKind(String applicantKind) {
        this.applicantKind = applicantKind;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public void setApplicantName(String applicantName) {
        this.applicantName = applicantName;
    }

    public String getApplicantAgencyCode() {
        return applicantAgencyCode;
    }

    public void setApplicantAgencyCode(String applicantAgencyCode) {
        this.applicantAgencyCode = applicantAgencyCode;
    }

    public String getApplicantIdNumber() {
        return applicantIdNumber;
    }

    public void setApplicantIdNumber(String applicantIdNumber) {
        this.applicantIdNumber = applicantIdNumber;
    }

    public String getApplicantAddress() {
        return applicantAddress;
    }

    public void setApplicantAddress(String applicantAddress) {
        this.applicantAddress = applicantAddress;
    }

    public String getApplicantPhone() {
        return applicantPhone;
    }

    public void setApplicantPhone(String applicantPhone) {
        this.applicantPhone = applicantPhone;
    }

    public String getApplicantEmail() {
        return applicantEmail;
    }

    public void setApplicantEmail(String applicantEmail) {
        this.applicantEmail = applicantEmail;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getCcnCode() {
        return ccnCode;
    }

    public void setCcnCode(String ccnCode) {
        this.ccnCode = ccnCode;
    }

    public LocalDate getReferenceDate() {
        return referenceDate;
    }

    public void setReferenceDate(LocalDate referenceDate) {
        this.referenceDate = referenceDate;
    }

    public Integer getPaperSets() {
        return paperSets;
    }

    public void setPaperSets(Integer paperSets) {
        this.paperSets = paperSets;
    }
}
