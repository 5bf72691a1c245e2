package vn.ccn.dms.dossier.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.calendar.application.CalendarService;
import vn.ccn.dms.calendar.domain.DayUnit;
import vn.ccn.dms.calendar.domain.Pause;
import vn.ccn.dms.calendar.domain.TimeLimit;
import vn.ccn.dms.calendar.domain.Timeliness;
import vn.ccn.dms.calendar.domain.WorkingCalendar;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.Agency;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.directory.domain.ApplicationRole;
import vn.ccn.dms.document.application.DocumentService.UploadedFile;
import vn.ccn.dms.dossier.application.DossierViews.AgencyRef;
import vn.ccn.dms.dossier.application.DossierViews.DossierSummary;
import vn.ccn.dms.dossier.application.DossierViews.DossierView;
import vn.ccn.dms.dossier.application.DossierViews.EventView;
import vn.ccn.dms.dossier.application.DossierViews.FileView;
import vn.ccn.dms.dossier.application.DossierViews.LinkedDocument;
import vn.ccn.dms.dossier.application.DossierViews.OpinionSummary;
import vn.ccn.dms.dossier.application.DossierViews.PaperView;
import vn.ccn.dms.dossier.application.DossierViews.PauseView;
import vn.ccn.dms.dossier.application.DossierViews.PublicStatus;
import vn.ccn.dms.dossier.application.DossierViews.StepView;
import vn.ccn.dms.dossier.domain.Channel;
import vn.ccn.dms.dossier.domain.DossierAction;
import vn.ccn.dms.dossier.domain.DossierCodePattern;
import vn.ccn.dms.dossier.domain.DossierStatus;
import vn.ccn.dms.outbox.application.Outbox;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;
import vn.ccn.dms.procedure.application.ProcedureCatalog;
import vn.ccn.dms.procedure.domain.Procedure;
import vn.ccn.dms.procedure.domain.ProcedurePaper;
import vn.ccn.dms.procedure.domain.ProcedureStep;
import vn.ccn.dms.procedure.domain.RuleSet;
import vn.ccn.dms.procedure.domain.StepLimit;

/**
 * The one-stop desk and the life of a dossier. Every change is one transaction with its audit entry and its
 * timers (outbox rows with a due time), so a deadline that is recorded is also one that will fire.
 *
 * <p>Clocks: a dossier keeps the rule set in force on its filing date; each step's due date is computed in the
 * working-day calendar from the day the step starts, and days waiting for supplements are not counted when the
 * limit says so (Decree 32/2024 Art. 10: "excluding time waiting for supplements").
 */
@Stateless
public class DossierService {

    /** Outbox topic of step deadlines: the subject is "dossierId:seq", the payload the due date it was set for. */
    public static final String STEP_DEADLINE = "dossier-step-deadline";

    private static final int TEXT_MAX = 4000;

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @EJB
    private ProcedureCatalog catalog;

    @EJB
    private CalendarService calendars;

    @EJB
    private AuditTrail audit;

    @EJB
    private Outbox outbox;

    @Inject
    private WorkflowSettings settings;

    @Inject
    private Clock clock;

    public record PaperReceipt(int seq, boolean received, Integer originals, Integer copies, boolean electronic) {
    }

    public record NewDossier(String procedureCode, String applicantKind, String applicantName,
            String applicantAgencyCode, String applicantIdNumber, String applicantAddress, String applicantPhone,
            String applicantEmail, Channel channel, String summary, String ccnCode, LocalDate referenceDate,
            Integer paperSets, List<PaperReceipt> papers, String submissionKey) {
    }

    public record ActionRequest(String note, List<String> reasons, List<String> items) {
    }

    /** A dossier row as stored, for the service's own decisions. */
    record Row(long id, String code, long receivingAgencyId, long leadAgencyId, String procedureCode,
            String ruleSetCode, DossierStatus status, LocalDate receivedOn, LocalDate referenceDate,
            LocalDate appointmentOn, String applicantName, Long ccnId) {
    }

    // ------------------------------------------------------------------------------------------------ reception

    /**
     * Registers a dossier received at the desk. A second submission with the same {@code submissionKey} returns
     * the dossier registered the first time (a double click, a retried request) instead of a second dossier.
     */
    @RolesAllowed("CLERK")
    public DossierView receive(NewDossier r, List<UploadedFile> files) {
        AppUser user = directory.currentUser();
        Agency desk = user.agency();
        List<String> errors = new ArrayList<>();
        String key = trimToNull(r.submissionKey());
        if (key != null && (key.length() > 64 || !key.matches("[A-Za-z0-9._:-]+"))) {
            errors.add("submissionKey: tối đa 64 ký tự chữ, số và . _ : -");
            key = null;
        }
        if (key != null) {
            Optional<Long> existing = idBySubmission(desk.id(), key);
            if (existing.isPresent()) {
                return view(existing.get(), true);
            }
        }
        Procedure procedure = r.procedureCode() == null ? null : catalog.find(r.procedureCode()).orElse(null);
        if (procedure == null) {
            errors.add("procedureCode: không có thủ tục với mã " + r.procedureCode());
        }
        String kind = r.applicantKind() == null ? "ORGANISATION" : r.applicantKind();
        if (!Set.of("ORGANISATION", "PERSON").contains(kind)) {
            errors.add("applicantKind: ORGANISATION (tổ chức) hoặc PERSON (cá nhân)");
        }
        requireText(r.applicantName(), "applicantName", "Tên tổ chức, cá nhân nộp hồ sơ là bắt buộc", 255, errors);
        requireText(r.summary(), "summary", "Nội dung hồ sơ là bắt buộc", TEXT_MAX, errors);
        optionalText(r.applicantAddress(), "applicantAddress", 500, errors);
        optionalText(r.applicantIdNumber(), "applicantIdNumber", 32, errors);
        optionalText(r.applicantEmail(), "applicantEmail", 255, errors);
        if (r.applicantPhone() != null && !r.applicantPhone().isBlank() && !r.applicantPhone().trim().matches("[0-9 +().-]{6,32}")) {
            errors.add("applicantPhone: số điện thoại không hợp lệ");
        }
        Agency applicantAgency = null;
        if (trimToNull(r.applicantAgencyCode()) != null) {
            applicantAgency = directory.findAgency(r.applicantAgencyCode().trim()).orElse(null);
            if (applicantAgency == null) {
                errors.add("applicantAgencyCode: không có cơ quan với mã " + r.applicantAgencyCode());
            }
        }
        Long ccnId = null;
        if (trimToNull(r.ccnCode()) != null) {
            ccnId = ccnId(r.ccnCode().trim()).orElse(null);
            if (ccnId == null) {
                errors.add("ccnCode: không có cụm công nghiệp với mã " + r.ccnCode());
            }
        }
        int paperSets = r.paperSets() == null ? 1 : r.paperSets();
        if (paperSets < 1 || paperSets > 100) {
            errors.add("paperSets: số bộ hồ sơ từ 1 đến 100");
        }
        LocalDate today = LocalDate.now(clock);
        if (procedure != null && procedure.processingSteps().stream().anyMatch(ProcedureStep::startsFromReferenceDate)) {
            if (r.referenceDate() == null) {
                errors.add("referenceDate: thủ tục này tính thời hạn từ ngày phê duyệt văn bản; cần nhập ngày đó");
            } else if (r.referenceDate().isAfter(today)) {
                errors.add("referenceDate: không thể sau ngày hôm nay");
            }
        }
        Map<Integer, PaperReceipt> receipts = new LinkedHashMap<>();
        for (PaperReceipt p : r.papers() == null ? List.<PaperReceipt>of() : r.papers()) {
            if (procedure != null && procedure.papers().stream().noneMatch(pp -> pp.seq() == p.seq())) {
                errors.add("papers: thủ tục không có giấy tờ số " + p.seq());
            } else if (receipts.put(p.seq(), p) != null) {
                errors.add("papers: giấy tờ số " + p.seq() + " được khai hai lần");
            }
            if ((p.originals() != null && (p.originals() < 0 || p.originals() > 100))
                    || (p.copies() != null && (p.copies() < 0 || p.copies() > 100))) {
                errors.add("papers: số bản chính, bản sao từ 0 đến 100");
            }
        }
        List<Agency> leads = List.of();
        if (procedure != null) {
            leads = directory.holdersOf(procedure.leadRole(), today);
            if (leads.isEmpty()) {
                errors.add("procedureCode: không có cơ quan nào giữ vai trò chủ trì (" + procedure.leadRole()
                        + ") vào ngày " + today + "; quản trị viên cần cập nhật danh mục vai trò");
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Thông tin hồ sơ không hợp lệ", errors);
        }
        // Several agencies may hold a role (each commune holds COMMUNE_PEOPLES_COMMITTEE): prefer the desk itself,
        // then the applicant agency, then the first holder.
        Agency lead = pick(leads, desk, applicantAgency);
        Optional<RuleSet> ruleSet = catalog.ruleSetFor(procedure.code(), today);
        Instant now = clock.instant();
        long id = nextId();
        int seq = nextDailySequence(desk.id(), today);
        String code = settings.codePattern().format(desk.code().value(), today, seq);
        em.createNativeQuery("insert into dossier (id, code, receiving_agency_id, lead_agency_id, procedure_code, rule_set_code,"
                        + " ccn_id, applicant_kind, applicant_name, applicant_agency_id, applicant_id_number, applicant_address,"
                        + " applicant_phone, applicant_email, channel, summary, status, received_at, received_on, reference_date,"
                        + " paper_sets, submission_key, created_by) values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as bigint), ?8, ?9,"
                        + " cast(?10 as bigint), ?11, ?12, ?13, ?14, ?15, ?16, 'RECEIVED', ?17, ?18, cast(?19 as date), ?20,"
                        + " ?21, ?22)")
                .setParameter(1, id).setParameter(2, code).setParameter(3, desk.id()).setParameter(4, lead.id())
                .setParameter(5, procedure.code()).setParameter(6, ruleSet.map(RuleSet::code).orElse(null))
                .setParameter(7, ccnId).setParameter(8, kind).setParameter(9, r.applicantName().trim())
                .setParameter(10, applicantAgency == null ? null : applicantAgency.id())
                .setParameter(11, trimToNull(r.applicantIdNumber())).setParameter(12, trimToNull(r.applicantAddress()))
                .setParameter(13, trimToNull(r.applicantPhone())).setParameter(14, trimToNull(r.applicantEmail()))
                .setParameter(15, (r.channel() == null ? Channel.DESK : r.channel()).name())
                .setParameter(16, r.summary().trim()).setParameter(17, Timestamp.from(now))
                .setParameter(18, Date.valueOf(today))
                .setParameter(19, r.referenceDate() == null ? null : Date.valueOf(r.referenceDate()))
                .setParameter(20, paperSets).setParameter(21, key).setParameter(22, user.username())
                .executeUpdate();
        for (ProcedurePaper p : procedure.papers()) {
            PaperReceipt got = receipts.get(p.seq());
            em.createNativeQuery("insert into dossier_paper (dossier_id, seq, name_vi, required, received, originals, copies,"
                            + " electronic) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, id).setParameter(2, p.seq()).setParameter(3, p.nameVi()).setParameter(4, p.required())
                    .setParameter(5, got != null && got.received())
                    .setParameter(6, got == null || got.originals() == null ? (got != null && got.received() ? p.originals() : 0) : got.originals())
                    .setParameter(7, got == null || got.copies() == null ? 0 : got.copies())
                    .setParameter(8, got != null && got.electronic()).executeUpdate();
        }
        Map<String, StepLimit> limits = ruleSet.map(rs -> catalog.limits(procedure.code(), rs.code())).orElse(Map.of());
        for (ProcedureStep s : procedure.processingSteps()) {
            StepLimit l = limits.get(s.code());
            List<Agency> holders = s.responsibleRole() == null ? List.of() : directory.holdersOf(s.responsibleRole(), today);
            Agency responsible = holders.isEmpty() ? null : pick(holders, desk, applicantAgency);
            em.createNativeQuery("insert into dossier_step (dossier_id, seq, step_code, name_vi, kind, responsible_role,"
                            + " responsible_agency_id, state, limit_amount, limit_unit, pauses_for_supplements, limit_basis)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as bigint), 'PENDING', cast(?8 as integer), ?9, ?10, ?11)")
                    .setParameter(1, id).setParameter(2, s.seq()).setParameter(3, s.code()).setParameter(4, s.nameVi())
                    .setParameter(5, s.kind()).setParameter(6, s.responsibleRole())
                    .setParameter(7, responsible == null ? null : responsible.id())
                    .setParameter(8, l == null ? null : l.limit().amount())
                    .setParameter(9, l == null ? null : l.limit().unit().name())
                    .setParameter(10, l != null && l.pausesForSupplements())
                    .setParameter(11, l == null ? null : l.legalBasis()).executeUpdate();
        }
        for (UploadedFile f : files) {
            attachFile(id, null, f, user.username(), now);
        }
        event(id, now, user.username(), "RECEIVE", null, DossierStatus.RECEIVED, null, desk.name(), null, null, null,
                r.channel() == null ? Channel.DESK.labelVi() : r.channel().labelVi());
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("code", code);
        detail.put("procedure", procedure.code());
        detail.put("ruleSet", ruleSet.map(RuleSet::code).orElse("-"));
        detail.put("files", Integer.toString(files.size()));
        audit.record("RECEIVE_DOSSIER", "dossier", Long.toString(id), detail);
        return view(id, false);
    }

    private static Agency pick(List<Agency> holders, Agency... preferred) {
        for (Agency p : preferred) {
            if (p != null && holders.stream().anyMatch(h -> h.id().equals(p.id()))) {
                return p;
            }
        }
        return holders.get(0);
    }

    // ------------------------------------------------------------------------------------------------ transitions

    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER"})
    public DossierView act(long dossierId, DossierAction action, ActionRequest request) {
        Objects.requireNonNull(action, "action");
        ActionRequest r = request == null ? new ActionRequest(null, List.of(), List.of()) : request;
        AppUser user = directory.currentUser();
        Row d = lockForChange(dossierId, user);
        Object[] t = transition(d.status(), action);
        DossierStatus to = DossierStatus.valueOf((String) t[0]);
        Set<String> allowed = new LinkedHashSet<>(Arrays.asList(((String) t[1]).split(",")));
        if (user.roles().stream().map(ApplicationRole::name).noneMatch(allowed::contains)) {
            throw new DomainException(Problem.FORBIDDEN, "Vai trò của bạn không được \"" + action.labelVi()
                    + "\" (chỉ " + String.join(", ", allowed) + ")");
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        String note = trimToNull(r.note());
        List<String> reasons = clean(r.reasons());
        List<String> items = clean(r.items());
        String fromUnit = user.agency().name();
        String toUnit = null;
        switch (action) {
            case ACCEPT -> {
                List<String> missing = missingRequiredPapers(dossierId);
                if (!missing.isEmpty()) {
                    throw new DomainException(Problem.CONFLICT, "Hồ sơ còn thiếu giấy tờ bắt buộc: "
                            + String.join("; ", missing) + ". Yêu cầu bổ sung (Mẫu 02) hoặc từ chối (Mẫu 03).",
                            Map.of("missingPapers", missing));
                }
                startClocks(d, today, user.username());
                toUnit = agencyName(d.leadAgencyId());
            }
            case FORWARD -> toUnit = agencyName(d.leadAgencyId());
            case REFUSE -> {
                if (reasons.isEmpty()) {
                    throw DomainException.invalid("Cần nêu rõ lý do từ chối", List.of("reasons: bắt buộc"));
                }
                note = String.join("; ", reasons);
                stopActiveSteps(dossierId);
            }
            case STOP -> {
                if (note == null) {
                    throw DomainException.invalid("Cần nêu rõ lý do dừng giải quyết", List.of("note: bắt buộc"));
                }
                stopActiveSteps(dossierId);
            }
            case REQUEST_SUPPLEMENT -> {
                if (items.isEmpty()) {
                    throw DomainException.invalid("Cần liệt kê giấy tờ, nội dung phải bổ sung", List.of("items: bắt buộc"));
                }
                note = String.join("; ", items) + (note == null ? "" : " — " + note);
                em.createNativeQuery("insert into dossier_pause (id, dossier_id, paused_on, resume_status, reason)"
                                + " values (nextval('dms_seq'), ?1, ?2, ?3, ?4)")
                        .setParameter(1, dossierId).setParameter(2, Date.valueOf(today))
                        .setParameter(3, d.status().name()).setParameter(4, note).executeUpdate();
                toUnit = d.applicantName();
            }
            case SUPPLEMENT -> {
                Object[] pause = (Object[]) em.createNativeQuery("select id, resume_status from dossier_pause"
                                + " where dossier_id = ?1 and resumed_on is null order by id desc limit 1")
                        .setParameter(1, dossierId).getSingleResult();
                em.createNativeQuery("update dossier_pause set resumed_on = ?1 where id = ?2")
                        .setParameter(1, Date.valueOf(today)).setParameter(2, ((Number) pause[0]).longValue()).executeUpdate();
                to = DossierStatus.valueOf((String) pause[1]);
                fromUnit = d.applicantName();
                toUnit = user.agency().name();
                recomputeActiveDue(d, today);
            }
            case FINISH -> {
                long open = ((Number) em.createNativeQuery("select count(*) from dossier_step where dossier_id = ?1"
                        + " and state <> 'DONE'").setParameter(1, dossierId).getSingleResult()).longValue();
                if (open > 0) {
                    throw new DomainException(Problem.CONFLICT, "Còn " + open + " bước chưa hoàn thành; hoàn thành các bước trước khi kết thúc hồ sơ");
                }
                em.createNativeQuery("update dossier set finished_at = ?1 where id = ?2")
                        .setParameter(1, Timestamp.from(now)).setParameter(2, dossierId).executeUpdate();
                toUnit = agencyName(d.receivingAgencyId());
            }
            case RETURN -> {
                em.createNativeQuery("update dossier set returned_at = ?1 where id = ?2")
                        .setParameter(1, Timestamp.from(now)).setParameter(2, dossierId).executeUpdate();
                toUnit = d.applicantName();
            }
            default -> throw new IllegalStateException("unhandled action " + action);
        }
        em.createNativeQuery("update dossier set status = ?1, version = version + 1 where id = ?2")
                .setParameter(1, to.name()).setParameter(2, dossierId).executeUpdate();
        Timeliness timeliness = null;
        LocalDate due = null;
        if (action == DossierAction.FINISH || action == DossierAction.RETURN) {
            due = d.appointmentOn();
            timeliness = due == null ? null : Timeliness.of(today, due);
        }
        event(dossierId, now, user.username(), action.name(), d.status(), to, fromUnit, toUnit, null, due,
                timeliness, note);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("from", d.status().name());
        detail.put("to", to.name());
        if (note != null) {
            detail.put("note", note.length() > 500 ? note.substring(0, 500) : note);
        }
        audit.record("DOSSIER_" + action.name(), "dossier", Long.toString(dossierId), detail);
        return view(dossierId, false);
    }

    /**
     * Form 04: the dossier will be late; the agency apologises and sets a new appointment date. Allowed while the
     * dossier is being processed; the new date must be after the current one.
     */
    @RolesAllowed({"SPECIALIST", "LEADER"})
    public DossierView apologise(long dossierId, LocalDate newAppointment, String reason) {
        AppUser user = directory.currentUser();
        Row d = lockForChange(dossierId, user);
        if (d.status() != DossierStatus.PROCESSING && d.status() != DossierStatus.WAITING_SUPPLEMENT
                && d.status() != DossierStatus.ACCEPTED) {
            throw new DomainException(Problem.CONFLICT, "Chỉ hẹn lại ngày trả kết quả khi hồ sơ đang giải quyết");
        }
        List<String> errors = new ArrayList<>();
        requireText(reason, "reason", "Cần nêu lý do chậm trả kết quả", TEXT_MAX, errors);
        if (newAppointment == null) {
            errors.add("newAppointment: bắt buộc");
        } else if (d.appointmentOn() != null && !newAppointment.isAfter(d.appointmentOn())) {
            errors.add("newAppointment: phải sau ngày hẹn hiện tại " + d.appointmentOn());
        } else if (newAppointment.isBefore(LocalDate.now(clock))) {
            errors.add("newAppointment: không thể trước ngày hôm nay");
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Thông tin hẹn lại không hợp lệ", errors);
        }
        em.createNativeQuery("update dossier set appointment_on = ?1, version = version + 1 where id = ?2")
                .setParameter(1, Date.valueOf(newAppointment)).setParameter(2, dossierId).executeUpdate();
        event(dossierId, clock.instant(), user.username(), "APOLOGISE", d.status(), d.status(), user.agency().name(),
                d.applicantName(), null, newAppointment, null, reason.trim());
        em.createNativeQuery("update dossier_event set previous_due_on = cast(?1 as date) where id = (select max(id) from dossier_event"
                        + " where dossier_id = ?2 and action = 'APOLOGISE')")
                .setParameter(1, d.appointmentOn() == null ? null : Date.valueOf(d.appointmentOn()))
                .setParameter(2, dossierId).executeUpdate();
        audit.record("DOSSIER_APOLOGISE", "dossier", Long.toString(dossierId), Map.of("from",
                String.valueOf(d.appointmentOn()), "to", newAppointment.toString(), "reason", reason.trim()));
        return view(dossierId, false);
    }

    /**
     * Completes the active step; the next step starts today with its own clock and responsible agency, and the
     * handover is recorded for the control slip (form 06) as early, on time or late.
     */
    @RolesAllowed({"SPECIALIST", "LEADER", "CLERK"})
    public DossierView completeStep(long dossierId, String stepCode, String note) {
        AppUser user = directory.currentUser();
        Row d = row(dossierId).orElseThrow(() -> notFound(dossierId));
        if (!canRead(d, user)) {
            throw notFound(dossierId);
        }
        em.createNativeQuery("select id from dossier where id = ?1 for update").setParameter(1, dossierId).getResultList();
        if (d.status() != DossierStatus.PROCESSING) {
            throw new DomainException(Problem.CONFLICT, "Chỉ hoàn thành bước khi hồ sơ đang giải quyết (hiện: "
                    + d.status().labelVi() + ")");
        }
        Object[] step = activeStep(dossierId).orElseThrow(() -> new DomainException(Problem.CONFLICT,
                "Hồ sơ không có bước nào đang thực hiện"));
        int seq = ((Number) step[0]).intValue();
        String code = (String) step[1];
        if (!code.equals(stepCode)) {
            throw new DomainException(Problem.CONFLICT, "Bước đang thực hiện là \"" + step[2] + "\" (" + code
                    + "), không phải " + stepCode);
        }
        Long responsibleId = step[3] == null ? null : ((Number) step[3]).longValue();
        if (responsibleId != null && !responsibleId.equals(user.agency().id()) && user.agency().id() != d.leadAgencyId()) {
            throw new DomainException(Problem.FORBIDDEN, "Bước này do " + agencyName(responsibleId) + " thực hiện");
        }
        Procedure procedure = catalog.procedure(d.procedureCode());
        ProcedureStep def = procedure.step(code).orElseThrow();
        if (def.opinionsBeforeCompletion()) {
            long total = ((Number) em.createNativeQuery("select count(*) from opinion_request where dossier_id = ?1"
                    + " and step_code = ?2").setParameter(1, dossierId).setParameter(2, code).getSingleResult()).longValue();
            long open = ((Number) em.createNativeQuery("select count(*) from opinion_request where dossier_id = ?1"
                    + " and step_code = ?2 and state in ('DRAFT', 'OPEN')").setParameter(1, dossierId).setParameter(2, code)
                    .getSingleResult()).longValue();
            if (total == 0 || open > 0) {
                throw new DomainException(Problem.CONFLICT, total == 0
                        ? "Bước này cần ý kiến bằng văn bản của các cơ quan trước khi hoàn thành (" + def.legalBasis() + ")"
                        : "Còn " + open + " văn bản xin ý kiến chưa có trả lời và chưa đến hạn (" + def.legalBasis() + ")",
                        Map.of("openRequests", open));
            }
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate due = step[4] == null ? null : ((Date) step[4]).toLocalDate();
        Timeliness t = due == null ? null : Timeliness.of(today, due);
        em.createNativeQuery("update dossier_step set state = 'DONE', completed_on = ?1, completed_by = ?2, timeliness = ?3"
                        + " where dossier_id = ?4 and seq = ?5")
                .setParameter(1, Date.valueOf(today)).setParameter(2, user.username())
                .setParameter(3, t == null ? null : t.name()).setParameter(4, dossierId).setParameter(5, seq).executeUpdate();
        Optional<Object[]> next = startNextStep(d, seq, today);
        String toUnit = next.map(n -> n[1] == null ? d.applicantName() : agencyName(((Number) n[1]).longValue()))
                .orElse(agencyName(d.leadAgencyId()));
        event(dossierId, clock.instant(), user.username(), "COMPLETE_STEP", d.status(), d.status(),
                responsibleId == null ? user.agency().name() : agencyName(responsibleId), toUnit, code, due, t,
                trimToNull(note));
        audit.record("DOSSIER_STEP_DONE", "dossier", Long.toString(dossierId), Map.of("step", code,
                "timeliness", t == null ? "-" : t.name()));
        return view(dossierId, false);
    }

    /** Links a document (request letter, report, decision, notice) to the dossier and one of its steps. */
    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER"})
    public DossierView link(long dossierId, long documentId, String stepCode, String role) {
        AppUser user = directory.currentUser();
        Row d = row(dossierId).orElseThrow(() -> notFound(dossierId));
        if (!canRead(d, user)) {
            throw notFound(dossierId);
        }
        Set<String> roles = Set.of("PAPER", "REQUEST", "REPLY", "REPORT", "DECISION", "NOTICE", "FORM", "OTHER");
        List<String> errors = new ArrayList<>();
        if (role == null || !roles.contains(role)) {
            errors.add("role: một trong " + String.join(", ", roles));
        }
        if (stepCode != null && catalog.procedure(d.procedureCode()).step(stepCode).isEmpty()) {
            errors.add("stepCode: thủ tục không có bước " + stepCode);
        }
        Object owner = em.createNativeQuery("select owner_agency_id from document where id = ?1").setParameter(1, documentId)
                .getResultList().stream().findFirst().orElse(null);
        if (owner == null || ((Number) owner).longValue() != user.agency().id()) {
            errors.add("documentId: chỉ gắn văn bản của cơ quan mình");
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Không gắn được văn bản vào hồ sơ", errors);
        }
        int n = em.createNativeQuery("insert into dossier_document (dossier_id, document_id, step_code, role, linked_at, linked_by)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, dossierId).setParameter(2, documentId).setParameter(3, stepCode).setParameter(4, role)
                .setParameter(5, Timestamp.from(clock.instant())).setParameter(6, user.username()).executeUpdate();
        if (n > 0) {
            audit.record("DOSSIER_LINK", "dossier", Long.toString(dossierId), Map.of("document", Long.toString(documentId),
                    "role", role, "step", String.valueOf(stepCode)));
            // A document already issued before it was linked still gets its copies (Art. 2.2.b).
            outbox.enqueue(DossierLinks.LINKED, Long.toString(documentId), null);
            outbox.enqueue(Outbox.INDEX_DOCUMENT, Long.toString(documentId), null); // dossier and CCN in the index
        }
        return view(dossierId, false);
    }

    // ------------------------------------------------------------------------------------------------ reading

    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN"})
    public DossierView get(long dossierId) {
        AppUser user = directory.currentUser();
        Row d = row(dossierId).orElseThrow(() -> notFound(dossierId));
        if (!canRead(d, user) && !user.has(ApplicationRole.ADMIN)) {
            throw notFound(dossierId);
        }
        audit.record("VIEW", "dossier", Long.toString(dossierId), Map.of());
        return view(dossierId, false);
    }

    /** A file received with the dossier, for download by those who may read the dossier; audited. */
    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN"})
    public vn.ccn.dms.document.application.FileContent file(long dossierId, long fileId) {
        AppUser user = directory.currentUser();
        Row d = row(dossierId).orElseThrow(() -> notFound(dossierId));
        if (!canRead(d, user)) {
            throw notFound(dossierId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select f.file_name, b.media_type, b.size_bytes, b.sha256, f.content_key"
                        + " from dossier_file f join content_blob b on b.content_key = f.content_key"
                        + " where f.id = ?1 and f.dossier_id = ?2")
                .setParameter(1, fileId).setParameter(2, dossierId).getResultList();
        if (rows.isEmpty()) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy tệp " + fileId + " của hồ sơ " + dossierId);
        }
        Object[] f = rows.get(0);
        audit.record("DOWNLOAD", "dossier", Long.toString(dossierId), Map.of("file", Long.toString(fileId)));
        return new vn.ccn.dms.document.application.FileContent((String) f[0], (String) f[1], ((Number) f[2]).longValue(),
                ((String) f[3]).trim(), (String) f[4]);
    }

    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN"})
    public List<DossierSummary> list(String status, String procedureCode, int max) {
        AppUser user = directory.currentUser();
        StringBuilder sql = new StringBuilder("select d.id, d.code, p.name_vi, d.applicant_name, d.status, d.received_on,"
                + " d.appointment_on, s.name_vi, s.due_on, a.name from dossier d join procedure_def p on p.code = d.procedure_code"
                + " join agency a on a.id = d.lead_agency_id"
                + " left join dossier_step s on s.dossier_id = d.id and s.state = 'ACTIVE' where (" + READABLE + ")");
        List<Object> params = new ArrayList<>();
        params.add(user.agency().id());
        if (status != null && !status.isBlank()) {
            DossierStatus st = parseStatus(status);
            params.add(st.name());
            sql.append(" and d.status = ?").append(params.size());
        }
        if (procedureCode != null && !procedureCode.isBlank()) {
            params.add(procedureCode);
            sql.append(" and d.procedure_code = ?").append(params.size());
        }
        sql.append(" order by d.received_at desc limit ").append(Math.max(1, Math.min(max, 500)));
        List<Object[]> rows = vn.ccn.dms.platform.NativeQueries.rows(em, sql.toString(), params);
        return rows.stream().map(r -> new DossierSummary(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], DossierStatus.valueOf((String) r[4]).labelVi(), date(r[5]), date(r[6]),
                (String) r[7], date(r[8]), (String) r[9])).toList();
    }

    /**
     * The public status page: no login, no personal data. A code that is not plausible is refused before any
     * lookup; an unknown code and a code of another format get the same answer, so the page tells nothing about
     * which codes exist beyond their status.
     */
    @PermitAll
    public Optional<PublicStatus> publicStatus(String code) {
        if (!DossierCodePattern.plausible(code)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.code, p.name_vi, d.status, d.received_on, d.appointment_on, a.name"
                        + " from dossier d join procedure_def p on p.code = d.procedure_code"
                        + " join agency a on a.id = d.receiving_agency_id where d.code = ?1")
                .setParameter(1, code).getResultList();
        return rows.stream().findFirst().map(r -> new PublicStatus((String) r[0], (String) r[1], (String) r[2],
                DossierStatus.valueOf((String) r[2]).labelVi(), date(r[3]), date(r[4]), (String) r[5]));
    }

    /** The dossier's date facts for coordination: the due date of a step, for reply deadlines (Art. 2.2.c). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<LocalDate> stepDue(long dossierId, String stepCode) {
        @SuppressWarnings("unchecked")
        List<Object> due = em.createNativeQuery("select due_on from dossier_step where dossier_id = ?1 and step_code = ?2")
                .setParameter(1, dossierId).setParameter(2, stepCode).getResultList();
        return due.stream().filter(Objects::nonNull).findFirst().map(DossierService::date);
    }

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long leadAgencyOf(long dossierId) {
        return row(dossierId).orElseThrow(() -> notFound(dossierId)).leadAgencyId();
    }

    /** Whether the calling user's agency may read the dossier. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean canRead(long dossierId) {
        AppUser user = directory.currentUser();
        return row(dossierId).map(d -> canRead(d, user)).orElse(false);
    }

    // ------------------------------------------------------------------------------------------------ timers

    /** Runs when a step's due date has passed: if the step is still open, the lead agency is told it is late. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<String> stepOverdue(long dossierId, int seq, LocalDate dueSetFor) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.state, s.due_on, s.name_vi, d.code, d.lead_agency_id, d.status,"
                        + " s.responsible_agency_id from dossier_step s join dossier d on d.id = s.dossier_id"
                        + " where s.dossier_id = ?1 and s.seq = ?2 for update of s")
                .setParameter(1, dossierId).setParameter(2, seq).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        LocalDate due = date(r[1]);
        // A stale timer (the due date moved after a pause) or a step already done does nothing.
        if (!"ACTIVE".equals(r[0]) || due == null || !due.equals(dueSetFor) || "WAITING_SUPPLEMENT".equals(r[5])) {
            return Optional.empty();
        }
        em.createNativeQuery("update dossier_step set late_notified = true where dossier_id = ?1 and seq = ?2")
                .setParameter(1, dossierId).setParameter(2, seq).executeUpdate();
        audit.recordAs("system", "DOSSIER_STEP_LATE", "dossier", Long.toString(dossierId), Map.of("step", (String) r[2],
                "due", due.toString()));
        return Optional.of("Hồ sơ " + r[3] + ": bước \"" + r[2] + "\" đã quá hạn " + due + ". Cân nhắc gửi phiếu xin lỗi và hẹn lại (Mẫu 04).");
    }

    // ------------------------------------------------------------------------------------------------ internals

    /** Where a user's agency may read a dossier: receiving, lead, responsible for a step, or asked for an opinion. */
    static final String READABLE = "d.receiving_agency_id = ?1 or d.lead_agency_id = ?1"
            + " or exists (select 1 from dossier_step x where x.dossier_id = d.id and x.responsible_agency_id = ?1)"
            + " or exists (select 1 from opinion_request o where o.dossier_id = d.id and o.target_agency_id = ?1)";

    private boolean canRead(Row d, AppUser user) {
        return !em.createNativeQuery("select 1 from dossier d where d.id = ?2 and (" + READABLE + ")")
                .setParameter(1, user.agency().id()).setParameter(2, d.id()).getResultList().isEmpty();
    }

    private Row lockForChange(long dossierId, AppUser user) {
        em.createNativeQuery("select id from dossier where id = ?1 for update").setParameter(1, dossierId).getResultList();
        Row d = row(dossierId).orElseThrow(() -> notFound(dossierId));
        if (!canRead(d, user)) {
            throw notFound(dossierId);
        }
        if (user.agency().id() != d.receivingAgencyId() && user.agency().id() != d.leadAgencyId()) {
            throw new DomainException(Problem.FORBIDDEN, "Chỉ cơ quan tiếp nhận hoặc cơ quan chủ trì được xử lý hồ sơ này");
        }
        return d;
    }

    private Object[] transition(DossierStatus from, DossierAction action) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select to_status, app_roles from dossier_transition"
                + " where from_status = ?1 and action = ?2").setParameter(1, from.name()).setParameter(2, action.name())
                .getResultList();
        if (rows.isEmpty()) {
            throw new DomainException(Problem.CONFLICT, "Không thể \"" + action.labelVi() + "\" khi hồ sơ đang ở trạng thái \""
                    + from.labelVi() + "\"", Map.of("status", from.name(), "action", action.name()));
        }
        return rows.get(0);
    }

    /**
     * At acceptance: the steps before and including the desk's receipt are done (a filing step counted from a
     * reference date is judged against the receipt date), the next step starts, and the appointment date is the
     * chain of the remaining limits from the receipt date.
     */
    private void startClocks(Row d, LocalDate today, String actor) {
        List<Object[]> steps = steps(d.id());
        WorkingCalendar cal = calendar(d.receivedOn());
        List<String> warnings = new ArrayList<>();
        int lastDone = -1;
        for (Object[] s : steps) {
            String kind = (String) s[2];
            int seq = ((Number) s[0]).intValue();
            if (lastDone >= 0) {
                break;
            }
            LocalDate start = null;
            LocalDate due = null;
            TimeLimit limit = limit(s);
            if (!"RECEIVE".equals(kind) && d.referenceDate() != null && limit != null) {
                start = d.referenceDate();
                due = cal.dueDate(start, limit);
                warnings.addAll(cal.warningsFor(start, due));
            } else if ("RECEIVE".equals(kind)) {
                start = d.receivedOn();
                due = today;
            }
            LocalDate doneOn = "RECEIVE".equals(kind) ? today : d.receivedOn();
            Timeliness t = due == null ? null : Timeliness.of(doneOn, due);
            em.createNativeQuery("update dossier_step set state = 'DONE', started_on = cast(?1 as date), due_on = cast(?2 as date),"
                            + " completed_on = ?3,"
                            + " completed_by = ?4, timeliness = ?5 where dossier_id = ?6 and seq = ?7")
                    .setParameter(1, start == null ? null : Date.valueOf(start)).setParameter(2, due == null ? null : Date.valueOf(due))
                    .setParameter(3, Date.valueOf(doneOn)).setParameter(4, actor).setParameter(5, t == null ? null : t.name())
                    .setParameter(6, d.id()).setParameter(7, seq).executeUpdate();
            if ("RECEIVE".equals(kind)) {
                lastDone = seq;
            }
        }
        if (lastDone < 0) {
            throw new IllegalStateException("procedure " + d.procedureCode() + " has no RECEIVE step");
        }
        // The appointment: remaining limits chained from the receipt date.
        LocalDate appointment = null;
        LocalDate cursor = d.receivedOn();
        for (Object[] s : steps) {
            if (((Number) s[0]).intValue() <= lastDone) {
                continue;
            }
            TimeLimit limit = limit(s);
            if (limit != null) {
                LocalDate due = cal.dueDate(cursor, limit);
                warnings.addAll(cal.warningsFor(cursor, due));
                cursor = due;
                appointment = due;
            }
        }
        em.createNativeQuery("update dossier set appointment_on = cast(?1 as date), calendar_warning = ?2 where id = ?3")
                .setParameter(1, appointment == null ? null : Date.valueOf(appointment))
                .setParameter(2, warnings.isEmpty() ? null : String.join("\n", new LinkedHashSet<>(warnings)))
                .setParameter(3, d.id()).executeUpdate();
        // The legal clock of the first processing step runs from the receipt of a valid dossier.
        startNextStep(d, lastDone, d.receivedOn());
    }

    /** Activates the step after {@code seq}; returns (seq, responsible agency id) of the started step. */
    private Optional<Object[]> startNextStep(Row d, int seq, LocalDate startOn) {
        for (Object[] s : steps(d.id())) {
            int nextSeq = ((Number) s[0]).intValue();
            if (nextSeq <= seq) {
                continue;
            }
            TimeLimit limit = limit(s);
            LocalDate due = null;
            if (limit != null) {
                WorkingCalendar cal = calendar(startOn);
                due = cal.dueDate(startOn, limit);
                List<String> w = cal.warningsFor(startOn, due);
                if (!w.isEmpty()) {
                    appendWarnings(d.id(), w);
                }
            }
            em.createNativeQuery("update dossier_step set state = 'ACTIVE', started_on = ?1, due_on = cast(?2 as date)"
                            + " where dossier_id = ?3 and seq = ?4")
                    .setParameter(1, Date.valueOf(startOn)).setParameter(2, due == null ? null : Date.valueOf(due))
                    .setParameter(3, d.id()).setParameter(4, nextSeq).executeUpdate();
            if (due != null) {
                scheduleStepDeadline(d.id(), nextSeq, due);
            }
            return Optional.of(new Object[] {nextSeq, s[5]});
        }
        return Optional.empty();
    }

    /** After supplements arrive: the active step's due date moves by the days spent waiting, if its limit says so. */
    private void recomputeActiveDue(Row d, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, started_on, limit_amount, limit_unit, pauses_for_supplements,"
                        + " due_on from dossier_step where dossier_id = ?1 and state = 'ACTIVE'")
                .setParameter(1, d.id()).getResultList();
        if (rows.isEmpty() || rows.get(0)[2] == null || !Boolean.TRUE.equals(rows.get(0)[4])) {
            return;
        }
        Object[] s = rows.get(0);
        LocalDate started = date(s[1]);
        TimeLimit limit = new TimeLimit(((Number) s[2]).intValue(), DayUnit.valueOf((String) s[3]));
        @SuppressWarnings("unchecked")
        List<Object[]> pauseRows = em.createNativeQuery("select paused_on, resumed_on from dossier_pause where dossier_id = ?1"
                + " and paused_on >= ?2 order by paused_on").setParameter(1, d.id()).setParameter(2, Date.valueOf(started))
                .getResultList();
        List<Pause> pauses = pauseRows.stream().map(p -> new Pause(date(p[0]), date(p[1]))).toList();
        WorkingCalendar cal = calendar(started);
        Optional<LocalDate> due = cal.dueDate(started, limit, pauses);
        if (due.isEmpty()) {
            return;
        }
        LocalDate oldDue = date(s[5]);
        int seq = ((Number) s[0]).intValue();
        em.createNativeQuery("update dossier_step set due_on = ?1 where dossier_id = ?2 and seq = ?3")
                .setParameter(1, Date.valueOf(due.get())).setParameter(2, d.id()).setParameter(3, seq).executeUpdate();
        scheduleStepDeadline(d.id(), seq, due.get());
        if (d.appointmentOn() != null && oldDue != null && due.get().isAfter(oldDue)) {
            // The promised date moves by as many days as the step's due date did: the waiting is the applicant's.
            long shift = cal.workingDaysBetween(oldDue, due.get());
            LocalDate appointment = shift == 0 ? d.appointmentOn()
                    : cal.dueDate(d.appointmentOn(), new TimeLimit((int) shift, DayUnit.WORKING_DAYS));
            em.createNativeQuery("update dossier set appointment_on = ?1 where id = ?2")
                    .setParameter(1, Date.valueOf(appointment)).setParameter(2, d.id()).executeUpdate();
        }
    }

    private void scheduleStepDeadline(long dossierId, int seq, LocalDate due) {
        Instant at = due.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        outbox.enqueueAt(STEP_DEADLINE, dossierId + ":" + seq, due.toString(), at);
    }

    private void stopActiveSteps(long dossierId) {
        // Nothing to compute: the step stays as it was; timers find the dossier closed and do nothing.
        em.createNativeQuery("update dossier_step set late_notified = true where dossier_id = ?1 and state = 'ACTIVE'")
                .setParameter(1, dossierId).executeUpdate();
    }

    private void appendWarnings(long dossierId, List<String> warnings) {
        String existing = (String) em.createNativeQuery("select calendar_warning from dossier where id = ?1")
                .setParameter(1, dossierId).getSingleResult();
        Set<String> all = new LinkedHashSet<>();
        if (existing != null) {
            all.addAll(Arrays.asList(existing.split("\n")));
        }
        all.addAll(warnings);
        em.createNativeQuery("update dossier set calendar_warning = ?1 where id = ?2")
                .setParameter(1, String.join("\n", all)).setParameter(2, dossierId).executeUpdate();
    }

    private WorkingCalendar calendar(LocalDate around) {
        return calendars.calendar(around.minusMonths(1), around.plusYears(2));
    }

    /** seq, code, kind, limit_amount, limit_unit, responsible_agency_id, name, state, due_on */
    private List<Object[]> steps(long dossierId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, step_code, kind, limit_amount, limit_unit, responsible_agency_id,"
                + " name_vi, state, due_on from dossier_step where dossier_id = ?1 order by seq").setParameter(1, dossierId)
                .getResultList();
        return rows;
    }

    /** seq, code, name, responsible agency id, due_on */
    private Optional<Object[]> activeStep(long dossierId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, step_code, name_vi, responsible_agency_id, due_on"
                + " from dossier_step where dossier_id = ?1 and state = 'ACTIVE' order by seq limit 1")
                .setParameter(1, dossierId).getResultList();
        return rows.stream().findFirst();
    }

    private static TimeLimit limit(Object[] step) {
        return step[3] == null ? null : new TimeLimit(((Number) step[3]).intValue(), DayUnit.valueOf((String) step[4]));
    }

    private List<String> missingRequiredPapers(long dossierId) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select name_vi from dossier_paper where dossier_id = ?1 and required"
                + " and not received order by seq").setParameter(1, dossierId).getResultList();
        return names;
    }

    private void attachFile(long dossierId, Integer paperSeq, UploadedFile f, String actor, Instant now) {
        em.createNativeQuery("insert into content_blob (content_key, sha256, size_bytes, media_type, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict (content_key) do nothing")
                .setParameter(1, f.content().key()).setParameter(2, f.content().sha256())
                .setParameter(3, f.content().sizeBytes()).setParameter(4, f.content().mediaType())
                .setParameter(5, Timestamp.from(now)).executeUpdate();
        em.createNativeQuery("insert into dossier_file (id, dossier_id, paper_seq, file_name, content_key, created_at, created_by)"
                        + " values (nextval('dms_seq'), ?1, cast(?2 as integer), ?3, ?4, ?5, ?6)")
                .setParameter(1, dossierId).setParameter(2, paperSeq).setParameter(3, f.fileName())
                .setParameter(4, f.content().key()).setParameter(5, Timestamp.from(now)).setParameter(6, actor).executeUpdate();
    }

    private void event(long dossierId, Instant at, String actor, String action, DossierStatus from, DossierStatus to,
            String fromUnit, String toUnit, String stepCode, LocalDate due, Timeliness timeliness, String note) {
        em.createNativeQuery("insert into dossier_event (id, dossier_id, occurred_at, actor, action, from_status, to_status,"
                        + " from_unit, to_unit, step_code, due_on, timeliness, note) values (nextval('dms_seq'), ?1, ?2, ?3,"
                        + " ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as date), ?11, ?12)")
                .setParameter(1, dossierId).setParameter(2, Timestamp.from(at)).setParameter(3, actor)
                .setParameter(4, action).setParameter(5, from == null ? null : from.name())
                .setParameter(6, to == null ? null : to.name()).setParameter(7, fromUnit).setParameter(8, toUnit)
                .setParameter(9, stepCode).setParameter(10, due == null ? null : Date.valueOf(due))
                .setParameter(11, timeliness == null ? null : timeliness.name()).setParameter(12, note).executeUpdate();
    }

    private int nextDailySequence(long agencyId, LocalDate day) {
        return ((Number) em.createNativeQuery("insert into dossier_day_counter (agency_id, day, last_seq) values (?1, ?2, 1)"
                        + " on conflict (agency_id, day) do update set last_seq = dossier_day_counter.last_seq + 1"
                        + " returning last_seq")
                .setParameter(1, agencyId).setParameter(2, Date.valueOf(day)).getSingleResult()).intValue();
    }

    private long nextId() {
        return ((Number) em.createNativeQuery("select nextval('dms_seq')").getSingleResult()).longValue();
    }

    private Optional<Long> idBySubmission(long agencyId, String key) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from dossier where receiving_agency_id = ?1 and submission_key = ?2")
                .setParameter(1, agencyId).setParameter(2, key).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    private Optional<Long> ccnId(String code) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from ccn where code = ?1").setParameter(1, code).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    Optional<Row> row(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, code, receiving_agency_id, lead_agency_id, procedure_code,"
                + " rule_set_code, status, received_on, reference_date, appointment_on, applicant_name, ccn_id from dossier"
                + " where id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new Row(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), (String) r[4], (String) r[5],
                DossierStatus.valueOf((String) r[6]), date(r[7]), date(r[8]), date(r[9]), (String) r[10],
                r[11] == null ? null : ((Number) r[11]).longValue()));
    }

    private String agencyName(long agencyId) {
        return (String) em.createNativeQuery("select name from agency where id = ?1").setParameter(1, agencyId).getSingleResult();
    }

    DossierView view(long id, boolean replayed) {
        Object[] r = (Object[]) em.createNativeQuery("select d.id, d.code, d.procedure_code, p.name_vi, d.status,"
                        + " d.receiving_agency_id, d.lead_agency_id, d.rule_set_code, rs.name_vi, rs.confirmed, c.code, c.name,"
                        + " d.applicant_kind, d.applicant_name, d.applicant_id_number, d.applicant_address, d.applicant_phone,"
                        + " d.applicant_email, d.channel, d.summary, d.received_at, d.received_on, d.reference_date,"
                        + " d.appointment_on, d.paper_sets, d.calendar_warning, ra.code, ra.name, la.code, la.name from dossier d"
                        + " join agency ra on ra.id = d.receiving_agency_id join agency la on la.id = d.lead_agency_id"
                        + " join procedure_def p on p.code = d.procedure_code left join rule_set rs on rs.code = d.rule_set_code"
                        + " left join ccn c on c.id = d.ccn_id where d.id = ?1")
                .setParameter(1, id).getSingleResult();
        DossierStatus status = DossierStatus.valueOf((String) r[4]);
        List<String> warnings = new ArrayList<>();
        if (r[7] == null) {
            warnings.add("Thủ tục chưa có thời hạn theo quy định cho ngày nộp hồ sơ; không tính ngày hẹn trả kết quả");
        } else if (!Boolean.TRUE.equals(r[9])) {
            warnings.add("Thời hạn theo " + r[8] + " chưa được quản trị viên xác nhận với văn bản gốc");
        }
        if (r[25] != null) {
            warnings.addAll(Arrays.asList(((String) r[25]).split("\n")));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> paperRows = em.createNativeQuery("select seq, name_vi, required, received, originals, copies, electronic"
                + " from dossier_paper where dossier_id = ?1 order by seq").setParameter(1, id).getResultList();
        List<PaperView> papers = paperRows.stream().map(p -> new PaperView(((Number) p[0]).intValue(), (String) p[1],
                (Boolean) p[2], (Boolean) p[3], ((Number) p[4]).intValue(), ((Number) p[5]).intValue(), (Boolean) p[6]))
                .toList();
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> stepRows = em.createNativeQuery("select s.seq, s.step_code, s.name_vi, s.kind, s.responsible_role,"
                + " a.code, s.state, s.limit_amount, s.limit_unit, s.limit_basis, s.started_on, s.due_on, s.completed_on,"
                + " s.timeliness, a.name from dossier_step s left join agency a on a.id = s.responsible_agency_id"
                + " where s.dossier_id = ?1 order by s.seq").setParameter(1, id).getResultList();
        List<StepView> steps = stepRows.stream().map(s -> {
            LocalDate due = date(s[11]);
            String t = (String) s[13];
            boolean late = "LATE".equals(t) || ("ACTIVE".equals(s[6]) && due != null && today.isAfter(due)
                    && status != DossierStatus.WAITING_SUPPLEMENT);
            String limitText = s[7] == null ? null : new TimeLimit(((Number) s[7]).intValue(),
                    DayUnit.valueOf((String) s[8])).textVi();
            return new StepView(((Number) s[0]).intValue(), (String) s[1], (String) s[2], (String) s[3], (String) s[4],
                    s[5] == null ? null : new AgencyRef((String) s[5], (String) s[14]), (String) s[6], limitText, (String) s[9], date(s[10]), due, date(s[12]), t,
                    t == null ? null : Timeliness.valueOf(t).labelVi(), late);
        }).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> pauseRows = em.createNativeQuery("select paused_on, resumed_on, reason from dossier_pause"
                + " where dossier_id = ?1 order by paused_on, id").setParameter(1, id).getResultList();
        List<PauseView> pauses = pauseRows.stream().map(p -> new PauseView(date(p[0]), date(p[1]), (String) p[2])).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> eventRows = em.createNativeQuery("select occurred_at, actor, action, from_status, to_status, from_unit,"
                + " to_unit, step_code, due_on, previous_due_on, timeliness, note from dossier_event where dossier_id = ?1"
                + " order by occurred_at, id").setParameter(1, id).getResultList();
        List<EventView> events = eventRows.stream().map(e -> new EventView(((Timestamp) e[0]).toInstant(), (String) e[1],
                (String) e[2], actionLabel((String) e[2]), (String) e[3], (String) e[4], (String) e[5], (String) e[6],
                (String) e[7], date(e[8]), date(e[9]), (String) e[10], (String) e[11])).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> docRows = em.createNativeQuery("select dd.document_id, dd.step_code, dd.role, d.type_code, d.number_symbol,"
                + " d.summary, d.status, d.issued_date from dossier_document dd join document d on d.id = dd.document_id"
                + " where dd.dossier_id = ?1 order by dd.linked_at").setParameter(1, id).getResultList();
        List<LinkedDocument> documents = docRows.stream().map(x -> new LinkedDocument(((Number) x[0]).longValue(),
                (String) x[1], (String) x[2], (String) x[3], (String) x[4], (String) x[5], (String) x[6], date(x[7])))
                .toList();
        @SuppressWarnings("unchecked")
        List<Object[]> fileRows = em.createNativeQuery("select f.id, f.paper_seq, f.file_name, b.media_type, b.size_bytes, b.sha256"
                + " from dossier_file f join content_blob b on b.content_key = f.content_key where f.dossier_id = ?1"
                + " order by f.id").setParameter(1, id).getResultList();
        List<FileView> files = fileRows.stream().map(f -> new FileView(((Number) f[0]).longValue(),
                f[1] == null ? null : ((Number) f[1]).intValue(), (String) f[2], (String) f[3], ((Number) f[4]).longValue(),
                ((String) f[5]).trim())).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> opinionRows = em.createNativeQuery("select o.id, o.role_code, fr.name_vi, t.code, o.state,"
                + " o.sent_on, o.reply_due, o.position, o.replied_on, o.late, o.reply_document_id, t.name from opinion_request o"
                + " join functional_role fr on fr.code = o.role_code join agency t on t.id = o.target_agency_id"
                + " where o.dossier_id = ?1 order by o.id")
                .setParameter(1, id).getResultList();
        List<OpinionSummary> opinions = opinionRows.stream().map(o -> new OpinionSummary(((Number) o[0]).longValue(),
                (String) o[1], (String) o[2], new AgencyRef((String) o[3], (String) o[11]), (String) o[4], date(o[5]), date(o[6]), (String) o[7],
                date(o[8]), (Boolean) o[9], o[10] == null ? null : ((Number) o[10]).longValue())).toList();
        // Only what the caller's roles may do from this state, so a page never offers a button the service refuses.
        Set<String> mine = new LinkedHashSet<>();
        directory.currentUser().roles().forEach(role -> mine.add(role.name()));
        @SuppressWarnings("unchecked")
        List<Object[]> transitions = em.createNativeQuery("select action, app_roles from dossier_transition"
                + " where from_status = ?1 order by action").setParameter(1, status.name()).getResultList();
        List<String> actions = transitions.stream()
                .filter(t -> Arrays.stream(((String) t[1]).split(",")).anyMatch(mine::contains))
                .map(t -> (String) t[0]).toList();
        Channel channel = Channel.valueOf((String) r[18]);
        return new DossierView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], status.name(),
                status.labelVi(), new AgencyRef((String) r[26], (String) r[27]), new AgencyRef((String) r[28], (String) r[29]), (String) r[7], (String) r[8], Boolean.TRUE.equals(r[9]),
                (String) r[10], (String) r[11], (String) r[12], (String) r[13], (String) r[14], (String) r[15],
                (String) r[16], (String) r[17], channel.name(), channel.labelVi(), (String) r[19],
                ((Timestamp) r[20]).toInstant(), date(r[21]), date(r[22]), date(r[23]), ((Number) r[24]).intValue(),
                List.copyOf(new LinkedHashSet<>(warnings)), papers, steps, pauses, events, documents, files, opinions,
                actions, replayed);
    }

    static String actionLabel(String action) {
        return switch (action) {
            case "RECEIVE" -> "Tiếp nhận hồ sơ";
            case "COMPLETE_STEP" -> "Hoàn thành bước, chuyển bước sau";
            case "APOLOGISE" -> "Xin lỗi và hẹn lại ngày trả kết quả";
            default -> {
                try {
                    yield DossierAction.valueOf(action).labelVi();
                } catch (IllegalArgumentException e) {
                    yield action;
                }
            }
        };
    }

    static DossierStatus parseStatus(String status) {
        try {
            return DossierStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("Trạng thái hồ sơ không hợp lệ: " + status,
                    List.of("status: một trong " + Arrays.toString(DossierStatus.values())));
        }
    }

    static LocalDate date(Object o) {
        return o == null ? null : o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::trim)
                .filter(s -> !s.isEmpty()).map(s -> s.length() > 1000 ? s.substring(0, 1000) : s).toList();
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void requireText(String value, String field, String message, int max, List<String> errors) {
        if (value == null || value.isBlank()) {
            errors.add(field + ": " + message);
        } else if (value.trim().length() > max) {
            errors.add(field + ": tối đa " + max + " ký tự");
        }
    }

    private static void optionalText(String value, String field, int max, List<String> errors) {
        if (value != null && value.trim().length() > max) {
            errors.add(field + ": tối đa " + max + " ký tự");
        }
    }

    static DomainException notFound(long id) {
        return new DomainException(Problem.NOT_FOUND, "Không tìm thấy hồ sơ " + id);
    }

    static final Set<DossierStatus> OPEN_STATES = EnumSet.of(DossierStatus.ACCEPTED, DossierStatus.PROCESSING,
            DossierStatus.WAITING_SUPPLEMENT);
}
