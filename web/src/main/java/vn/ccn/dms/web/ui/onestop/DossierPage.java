package vn.ccn.dms.web.ui.onestop;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ccn.dms.dossier.application.DossierService;
import vn.ccn.dms.dossier.application.DossierService.ActionRequest;
import vn.ccn.dms.dossier.application.DossierViews.DossierView;
import vn.ccn.dms.dossier.application.DossierViews.StepView;
import vn.ccn.dms.dossier.domain.DossierAction;
import vn.ccn.dms.dossier.domain.DossierStatus;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;
import vn.ccn.dms.web.ui.Labels;

/**
 * One dossier for the desk and the specialist: its facts and warnings, the clock of each step (due date, days
 * left or late, a red/amber/green mark), pauses, the actions its state allows now with the inputs each needs,
 * the apology with a new appointment date (form 04), completion of the active step, the opinion requests with
 * their replies, linked documents, events, and links to print forms 01–06. The service decides whether an action
 * is allowed for the caller's role; its refusal is shown on the page.
 */
@Named
@ViewScoped
public class DossierPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A step due within this many days is marked amber: time to act, not yet late. */
    static final int AMBER_DAYS = 2;

    /** A printable form: its number in Circular 03/2025/TT-VPCP and its title. */
    public record FormLink(String number, String title) {
    }

    @Inject
    private DossierService dossiers;

    @Inject
    private Labels labels;

    @Inject
    private vn.ccn.dms.coordination.application.OpinionRequestService opinions;

    @Inject
    private vn.ccn.dms.procedure.application.ProcedureCatalog catalog;

    @Inject
    private vn.ccn.dms.document.application.DocumentService documents;

    @Inject
    private vn.ccn.dms.directory.application.DirectoryService directory;

    private Long id;
    private transient DossierView dossier;
    /** Read once per shown dossier, not on every getter call of a render. */
    private transient Map<String, String> stepOpinionRoles;
    private transient List<vn.ccn.dms.document.application.DocumentView> letters;
    private String note;
    private String reasons;
    private String items;
    private LocalDate newAppointment;
    private String apologyReason;
    private String stepNote;
    private Long letterId;
    private List<String> opinionRoles;
    private Integer replyDays;

    /** Loads the dossier named by {@code ?id=}; 404 with the service's message when unknown or unreadable. */
    public void load() {
        if (id == null) {
            refuse("Thiếu mã hồ sơ cần xem");
            return;
        }
        try {
            show(dossiers.get(id));
        } catch (RuntimeException e) {
            Optional<DomainException> refusal = PageMessages.domain(e);
            if (refusal.isPresent() && refusal.get().problem() == Problem.NOT_FOUND) {
                refuse(refusal.get().getMessage());
            } else {
                PageMessages.show(e, null);
            }
        }
    }

    private void refuse(String message) {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        PageMessages.error(null, message);
    }

    /** Runs {@code action} (one of the buttons) with the inputs it needs; lines of the text areas are list items. */
    public void act(String action) {
        DossierAction a;
        try {
            a = DossierAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            PageMessages.error(null, "Thao tác không hợp lệ: " + action);
            return;
        }
        try {
            show(dossiers.act(id, a, new ActionRequest(blankToNull(note), lines(reasons), lines(items))));
            PageMessages.info("Đã thực hiện: " + a.labelVi() + ". Trạng thái hồ sơ: " + dossier.statusLabel());
            note = null;
            reasons = null;
            items = null;
        } catch (RuntimeException e) {
            PageMessages.show(e, "actions");
        }
    }

    public void apologise() {
        try {
            show(dossiers.apologise(id, newAppointment, apologyReason));
            PageMessages.info("Đã hẹn lại ngày trả kết quả: " + labels.date(dossier.appointmentOn()) + " (Mẫu 04)");
            newAppointment = null;
            apologyReason = null;
        } catch (RuntimeException e) {
            PageMessages.show(e, "apology");
        }
    }

    public void completeStep() {
        StepView active = getActiveStep();
        if (active == null) {
            PageMessages.error(null, "Hồ sơ không có bước nào đang thực hiện");
            return;
        }
        try {
            show(dossiers.completeStep(id, active.code(), blankToNull(stepNote)));
            PageMessages.info("Đã hoàn thành bước: " + active.name());
            stepNote = null;
        } catch (RuntimeException e) {
            PageMessages.show(e, "step");
        }
    }

    /**
     * Sends written opinion requests (Quy chế Art. 2.2.a) for the active step: one outgoing letter of the lead
     * agency, the roles ticked (by default every role the procedure names for the step), the reply time in working
     * days (empty: the procedure's default). The requests open when the desk numbers the letter.
     */
    public void requestOpinions() {
        StepView active = getActiveStep();
        if (active == null) {
            PageMessages.error(null, "Hồ sơ không có bước nào đang thực hiện");
            return;
        }
        if (letterId == null) {
            PageMessages.error("request:letter", "Chọn văn bản xin ý kiến (văn bản đi của cơ quan)");
            return;
        }
        try {
            List<vn.ccn.dms.coordination.application.OpinionRequestService.OpinionView> created = opinions.create(id,
                    new vn.ccn.dms.coordination.application.OpinionRequestService.NewRequests(letterId, active.code(),
                            opinionRoles == null ? List.of() : opinionRoles, replyDays,
                            replyDays == null ? null : vn.ccn.dms.calendar.domain.DayUnit.WORKING_DAYS));
            show(dossiers.get(id));
            PageMessages.info("Đã tạo " + created.size() + " văn bản xin ý kiến; thời hạn trả lời bắt đầu khi văn thư"
                    + " cấp số văn bản.");
            letterId = null;
            replyDays = null;
        } catch (RuntimeException e) {
            PageMessages.show(e, "request");
        }
    }

    private void show(DossierView d) {
        dossier = d;
        stepOpinionRoles = null;
        letters = null;
    }

    /** The roles the procedure asks for opinions at the active step, name → code. */
    public Map<String, String> getStepOpinionRoles() {
        if (stepOpinionRoles == null) {
            stepOpinionRoles = stepOpinionRoles();
        }
        return stepOpinionRoles;
    }

    private Map<String, String> stepOpinionRoles() {
        StepView active = getActiveStep();
        if (dossier == null || active == null) {
            return Map.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> all = new LinkedHashMap<>();
        directory.functionalRoles().forEach(r -> all.put(r.code(), r.nameVi()));
        catalog.procedure(dossier.procedureCode()).step(active.code()).ifPresent(step ->
                step.opinionRoles().forEach(code -> names.put(all.getOrDefault(code, code), code)));
        return names;
    }

    /** Outgoing documents of the caller's agency that can carry the request (newest first). */
    public List<vn.ccn.dms.document.application.DocumentView> getLetters() {
        if (letters == null) {
            letters = documents.list(new vn.ccn.dms.document.application.DocumentQuery(
                    vn.ccn.dms.document.domain.Direction.OUTGOING, null, null, null, null, 0, 50)).items();
        }
        return letters;
    }

    public String letterLabel(vn.ccn.dms.document.application.DocumentView d) {
        String summary = d.summary().length() > 90 ? d.summary().substring(0, 90) + "…" : d.summary();
        return (d.numberSymbol() == null ? "Chưa cấp số" : d.numberSymbol()) + " – " + summary;
    }

    public Long getLetterId() {
        return letterId;
    }

    public void setLetterId(Long letterId) {
        this.letterId = letterId;
    }

    public List<String> getOpinionRoles() {
        if (opinionRoles == null) {
            opinionRoles = new java.util.ArrayList<>(getStepOpinionRoles().values());
        }
        return opinionRoles;
    }

    public void setOpinionRoles(List<String> opinionRoles) {
        this.opinionRoles = opinionRoles;
    }

    public Integer getReplyDays() {
        return replyDays;
    }

    public void setReplyDays(Integer replyDays) {
        this.replyDays = replyDays;
    }

    /** Whether the dossier's state allows {@code action} now (the service still checks the caller's role). */
    public boolean allows(String action) {
        return dossier != null && dossier.allowedActions().contains(action);
    }

    public String actionLabel(String action) {
        return DossierAction.valueOf(action).labelVi();
    }

    public StepView getActiveStep() {
        return dossier == null ? null : dossier.steps().stream().filter(s -> "ACTIVE".equals(s.state())).findFirst().orElse(null);
    }

    public boolean isProcessing() {
        return dossier != null && DossierStatus.PROCESSING.name().equals(dossier.status());
    }

    /** Form 04 is for a dossier still being handled (the service refuses other states). */
    public boolean isApologyPossible() {
        return dossier != null && List.of("ACCEPTED", "PROCESSING", "WAITING_SUPPLEMENT").contains(dossier.status());
    }

    /** Whether the step's clock runs now: it is active and the dossier is not waiting for supplements. */
    private boolean running(StepView s) {
        return "ACTIVE".equals(s.state()) && !DossierStatus.WAITING_SUPPLEMENT.name().equals(dossier.status());
    }

    /** "còn 5 ngày", "đến hạn hôm nay", "quá hạn 2 ngày", for a running step; its timeliness once done. */
    public String clockText(StepView s) {
        if ("DONE".equals(s.state())) {
            return s.timelinessLabel() == null ? "Đã xong" : s.timelinessLabel();
        }
        if (s.dueOn() == null) {
            return "ACTIVE".equals(s.state()) ? "Không tính hạn" : "";
        }
        if (!running(s)) {
            return "ACTIVE".equals(s.state()) ? "Tạm dừng, chờ bổ sung" : "";
        }
        long days = ChronoUnit.DAYS.between(labels.today(), s.dueOn());
        if (days > 0) {
            return "Còn " + days + " ngày";
        }
        return days == 0 ? "Đến hạn hôm nay" : "Quá hạn " + (-days) + " ngày";
    }

    /** green, amber or red for a running or finished step; none for one not started. */
    public String mark(StepView s) {
        if ("DONE".equals(s.state())) {
            return "LATE".equals(s.timeliness()) ? "red" : "green";
        }
        if (s.dueOn() == null || !running(s)) {
            return "none";
        }
        if (s.late()) {
            return "red";
        }
        long days = ChronoUnit.DAYS.between(labels.today(), s.dueOn());
        return days < 0 ? "red" : days <= AMBER_DAYS ? "amber" : "green";
    }

    public String markLabel(StepView s) {
        return switch (mark(s)) {
            case "red" -> "Quá hạn";
            case "amber" -> "Sắp đến hạn";
            case "green" -> "Trong hạn";
            default -> "";
        };
    }

    public String stepState(String state) {
        return switch (state == null ? "" : state) {
            case "PENDING" -> "Chưa đến bước";
            case "ACTIVE" -> "Đang thực hiện";
            case "DONE" -> "Đã hoàn thành";
            case "STOPPED" -> "Đã dừng";
            default -> state;
        };
    }

    public String opinionState(String state) {
        return state == null ? "" : PageMessages.text("opinion.state." + state, state);
    }

    public String position(String position) {
        return position == null ? "" : PageMessages.text("opinion.position." + position, position);
    }

    public String documentRole(String role) {
        return role == null ? "" : PageMessages.text("dossier.document.role." + role, role);
    }

    public String statusLabel(String status) {
        if (status == null) {
            return "";
        }
        try {
            return DossierStatus.valueOf(status).labelVi();
        } catch (IllegalArgumentException e) {
            return status;
        }
    }

    /**
     * The forms that can be printed now: 01 (receipt slip) and 06 (control slip) always; 02–05 once the event
     * they record has happened (a supplement request, a refusal, an apology, a stop).
     */
    public List<FormLink> getForms() {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("01", "Mẫu 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        if (happened("REQUEST_SUPPLEMENT")) {
            forms.put("02", "Mẫu 02 – Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ");
        }
        if (happened("REFUSE")) {
            forms.put("03", "Mẫu 03 – Phiếu từ chối tiếp nhận giải quyết hồ sơ");
        }
        if (happened("APOLOGISE")) {
            forms.put("04", "Mẫu 04 – Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết");
        }
        if (happened("STOP")) {
            forms.put("05", "Mẫu 05 – Thông báo dừng giải quyết hồ sơ");
        }
        forms.put("06", "Mẫu 06 – Phiếu kiểm soát quá trình giải quyết hồ sơ");
        return forms.entrySet().stream().map(e -> new FormLink(e.getKey(), e.getValue())).toList();
    }

    private boolean happened(String action) {
        return dossier != null && dossier.events().stream().anyMatch(e -> action.equals(e.action()));
    }

    /** The PDF of a form in the API; the browser sends the session cookie with it. */
    public String formUrl(String number) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/api/v1/dossiers/" + id + "/forms/" + number;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public DossierView getDossier() {
        return dossier;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getReasons() {
        return reasons;
    }

    public void setReasons(String reasons) {
        this.reasons = reasons;
    }

    public String getItems() {
        return items;
    }

    public void setItems(String items) {
        this.items = items;
    }

    public LocalDate getNewAppointment() {
        return newAppointment;
    }

    public void setNewAppointment(LocalDate newAppointment) {
        this.newAppointment = newAppointment;
    }

    public String getApologyReason() {
        return apologyReason;
    }

    public void setApologyReason(String apologyReason) {
        this.apologyReason = apologyReason;
    }

    public String getStepNote() {
        return stepNote;
    }

    public void setStepNote(String stepNote) {
        this.stepNote = stepNote;
    }
}
