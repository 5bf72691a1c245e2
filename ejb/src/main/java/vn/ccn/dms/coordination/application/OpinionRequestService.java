package vn.ccn.dms.coordination.application;

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
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.calendar.application.CalendarService;
import vn.ccn.dms.calendar.domain.DayUnit;
import vn.ccn.dms.calendar.domain.TimeLimit;
import vn.ccn.dms.calendar.domain.WorkingCalendar;
import vn.ccn.dms.coordination.domain.OpinionPosition;
import vn.ccn.dms.coordination.domain.OpinionState;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.Agency;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.document.application.DocumentIssued;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.document.application.DocumentService.IncomingRequest;
import vn.ccn.dms.document.application.DocumentService.UploadedFile;
import vn.ccn.dms.document.application.DocumentView;
import vn.ccn.dms.dossier.application.DossierService;
import vn.ccn.dms.dossier.application.WorkflowSettings;
import vn.ccn.dms.notification.application.Notifications;
import vn.ccn.dms.outbox.application.Outbox;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;
import vn.ccn.dms.procedure.application.ProcedureCatalog;
import vn.ccn.dms.procedure.domain.ProcedureStep;

/**
 * Written opinion requests between agencies (Quy chế Art. 2.2.a). The lead agency's specialist asks the agencies
 * holding the step's roles on the date; the request letter is an outgoing document and the reply clock starts
 * when that letter is issued (numbered). At the deadline with no written reply the request is closed as deemed
 * agreed, by a durable timer; a reply arriving later is attached and marked late, and the consent stands.
 */
@Stateless
public class OpinionRequestService {

    public static final String DEADLINE = "opinion-deadline";
    public static final String REMINDER = "opinion-reminder";
    public static final String NOTICE = "opinion-notice";

    /** The rule cited when silence becomes consent. */
    public static final String DEEMED_CONSENT_RULE = "QĐ 09/2025/QĐ-UBND, Quy chế Điều 2.2.a";

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @EJB
    private DossierService dossiers;

    @EJB
    private ProcedureCatalog catalog;

    @EJB
    private CalendarService calendars;

    @EJB
    private DocumentService documents;

    @EJB
    private AuditTrail audit;

    @EJB
    private Outbox outbox;

    @EJB
    private Notifications notifications;

    @Inject
    private WorkflowSettings settings;

    @Inject
    private Clock clock;

    public record NewRequests(long letterDocumentId, String stepCode, List<String> roles, Integer replyAmount,
            DayUnit replyUnit) {
    }

    public record Reply(OpinionPosition position, String conditions, Long documentId) {
    }

    public record ReplyLetter(String numberSymbol, LocalDate issuedDate, String summary, String signerName) {
    }

    public record OpinionView(long id, Long dossierId, String dossierCode, String stepCode, String roleCode,
            String roleName, String leadCode, String leadName, String targetCode, String targetName,
            long letterDocumentId, String letterNumberSymbol, String letterSummary, String replyLimitText,
            String state, String stateLabel, LocalDate sentOn, LocalDate replyDue, String dueNote, String position,
            String positionLabel, String conditions, Long replyDocumentId, LocalDate repliedOn, boolean late,
            Instant closedAt, String closedBy) {
    }

    // ------------------------------------------------------------------------------------------------ creating

    /**
     * Creates one request per agency holding each role on today's date, all carried by one outgoing letter of
     * the lead agency. Refuses a role nobody holds on the date, and a reply time that would end after the step's
     * own deadline (coordination never lengthens a procedure: Art. 2.2.c).
     */
    @RolesAllowed({"SPECIALIST", "LEADER"})
    public List<OpinionView> create(long dossierId, NewRequests r) {
        AppUser user = directory.currentUser();
        if (!dossiers.canRead(dossierId)) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy hồ sơ " + dossierId);
        }
        Object[] d = (Object[]) em.createNativeQuery("select lead_agency_id, status, procedure_code, code from dossier"
                + " where id = ?1 for update").setParameter(1, dossierId).getSingleResult();
        long leadId = ((Number) d[0]).longValue();
        if (leadId != user.agency().id()) {
            throw new DomainException(Problem.FORBIDDEN, "Chỉ cơ quan chủ trì được gửi văn bản xin ý kiến");
        }
        if (!"PROCESSING".equals(d[1])) {
            throw new DomainException(Problem.CONFLICT, "Chỉ xin ý kiến khi hồ sơ đang giải quyết");
        }
        List<String> errors = new ArrayList<>();
        String stepCode = r.stepCode();
        ProcedureStep step = stepCode == null ? null : catalog.procedure((String) d[2]).step(stepCode).orElse(null);
        if (step == null) {
            errors.add("stepCode: thủ tục không có bước " + stepCode);
        } else {
            Object state = em.createNativeQuery("select state from dossier_step where dossier_id = ?1 and step_code = ?2")
                    .setParameter(1, dossierId).setParameter(2, stepCode).getResultList().stream().findFirst().orElse(null);
            if (!"ACTIVE".equals(state)) {
                errors.add("stepCode: bước " + stepCode + " không phải bước đang thực hiện");
            }
        }
        List<String> roles = r.roles() == null || r.roles().isEmpty()
                ? (step == null ? List.of() : step.opinionRoles()) : List.copyOf(new LinkedHashSet<>(r.roles()));
        if (roles.isEmpty()) {
            errors.add("roles: cần ít nhất một vai trò được xin ý kiến");
        }
        TimeLimit reply = r.replyAmount() == null
                ? (step == null ? null : step.defaultReply())
                : new TimeLimit(r.replyAmount(), r.replyUnit() == null ? DayUnit.WORKING_DAYS : r.replyUnit());
        if (reply == null || reply.amount() < 1 || reply.amount() > 90) {
            errors.add("replyAmount: thời hạn trả lời từ 1 đến 90 ngày");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> letters = em.createNativeQuery("select owner_agency_id, direction, status from document where id = ?1")
                .setParameter(1, r.letterDocumentId()).getResultList();
        if (letters.isEmpty() || ((Number) letters.get(0)[0]).longValue() != leadId || !"OUTGOING".equals(letters.get(0)[1])) {
            errors.add("letterDocumentId: cần một văn bản đi của cơ quan chủ trì");
        }
        Set<String> knownRoles = new LinkedHashSet<>();
        directory.functionalRoles().forEach(fr -> knownRoles.add(fr.code()));
        LocalDate today = LocalDate.now(clock);
        Map<String, List<Agency>> holders = new LinkedHashMap<>();
        for (String role : roles) {
            if (!knownRoles.contains(role)) {
                errors.add("roles: không có vai trò chức năng " + role);
                continue;
            }
            List<Agency> h = directory.holdersOf(role, today);
            if (h.isEmpty()) {
                errors.add("roles: không có cơ quan nào giữ vai trò " + role + " vào ngày " + today
                        + "; quản trị viên cần cập nhật danh mục vai trò");
            }
            holders.put(role, h);
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Không tạo được văn bản xin ý kiến", errors);
        }
        boolean issued = "ISSUED".equals(letters.get(0)[2]);
        WorkingCalendar cal = calendars.calendar(today.minusMonths(1), today.plusYears(1));
        LocalDate estimated = cal.dueDate(today, reply);
        Optional<LocalDate> stepDue = dossiers.stepDue(dossierId, stepCode);
        if (stepDue.isPresent() && estimated.isAfter(stepDue.get())) {
            throw new DomainException(Problem.CONFLICT, "Hạn trả lời dự kiến " + estimated + " vượt quá hạn của bước ("
                    + stepDue.get() + "); việc phối hợp không được kéo dài thời gian giải quyết (Quy chế Điều 2.2.c)",
                    Map.of("replyDue", estimated.toString(), "stepDue", stepDue.get().toString()));
        }
        Instant now = clock.instant();
        List<Long> ids = new ArrayList<>();
        for (Map.Entry<String, List<Agency>> e : holders.entrySet()) {
            for (Agency target : e.getValue()) {
                if (target.id() == leadId) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Number> created = em.createNativeQuery("insert into opinion_request (id, dossier_id, step_code,"
                                + " letter_document_id, lead_agency_id, role_code, target_agency_id, reply_amount, reply_unit,"
                                + " state, created_at, created_by) values (nextval('dms_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                                + " 'DRAFT', ?9, ?10) on conflict (letter_document_id, target_agency_id, role_code) do nothing returning id")
                        .setParameter(1, dossierId).setParameter(2, stepCode).setParameter(3, r.letterDocumentId())
                        .setParameter(4, leadId).setParameter(5, e.getKey()).setParameter(6, target.id())
                        .setParameter(7, reply.amount()).setParameter(8, reply.unit().name())
                        .setParameter(9, Timestamp.from(now)).setParameter(10, user.username()).getResultList();
                if (created.isEmpty()) {
                    continue;
                }
                ids.add(created.get(0).longValue());
                if (!issued) {
                    em.createNativeQuery("insert into document_recipient (id, document_id, agency_id, name)"
                                    + " select nextval('dms_seq'), ?1, ?2, ?3 where not exists (select 1 from document_recipient"
                                    + " where document_id = ?1 and agency_id = ?2)")
                            .setParameter(1, r.letterDocumentId()).setParameter(2, target.id()).setParameter(3, target.name())
                            .executeUpdate();
                }
            }
        }
        em.createNativeQuery("insert into dossier_document (dossier_id, document_id, step_code, role, linked_at, linked_by)"
                        + " values (?1, ?2, ?3, 'REQUEST', ?4, ?5) on conflict do nothing")
                .setParameter(1, dossierId).setParameter(2, r.letterDocumentId()).setParameter(3, stepCode)
                .setParameter(4, Timestamp.from(now)).setParameter(5, user.username()).executeUpdate();
        outbox.enqueue(Outbox.INDEX_DOCUMENT, Long.toString(r.letterDocumentId()), null); // filed in the dossier
        audit.record("OPINION_REQUESTS", "dossier", Long.toString(dossierId), Map.of("letter",
                Long.toString(r.letterDocumentId()), "requests", Integer.toString(ids.size()), "roles", String.join(",", roles),
                "reply", reply.textVi()));
        if (issued) {
            LocalDate issuedDate = ((Date) em.createNativeQuery("select issued_date from document where id = ?1")
                    .setParameter(1, r.letterDocumentId()).getSingleResult()).toLocalDate();
            open(r.letterDocumentId(), issuedDate);
        }
        return ids.stream().map(this::view).toList();
    }

    /** The letter was numbered: its requests are sent today and their reply clocks start. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void openOnIssue(DocumentIssued event) {
        open(event.documentId(), event.issuedDate());
    }

    private void open(long letterId, LocalDate sentOn) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, reply_amount, reply_unit, dossier_id, step_code from opinion_request"
                + " where letter_document_id = ?1 and state = 'DRAFT' for update").setParameter(1, letterId).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        WorkingCalendar cal = calendars.calendar(sentOn.minusMonths(1), sentOn.plusYears(1));
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            TimeLimit limit = new TimeLimit(((Number) r[1]).intValue(), DayUnit.valueOf((String) r[2]));
            LocalDate due = cal.dueDate(sentOn, limit);
            List<String> notes = new ArrayList<>(cal.warningsFor(sentOn, due));
            Optional<LocalDate> stepDue = r[3] == null ? Optional.empty()
                    : dossiers.stepDue(((Number) r[3]).longValue(), (String) r[4]);
            if (stepDue.isPresent() && due.isAfter(stepDue.get())) {
                // Art. 2.2.c: the reply deadline never ends after the step's own deadline.
                notes.add("Hạn trả lời rút về hạn của bước (" + stepDue.get() + ") theo Quy chế Điều 2.2.c");
                due = stepDue.get();
            }
            em.createNativeQuery("update opinion_request set state = 'OPEN', sent_on = ?1, reply_due = ?2, due_note = ?3"
                            + " where id = ?4")
                    .setParameter(1, Date.valueOf(sentOn)).setParameter(2, Date.valueOf(due))
                    .setParameter(3, notes.isEmpty() ? null : String.join("\n", notes)).setParameter(4, id).executeUpdate();
            outbox.enqueueAt(DEADLINE, Long.toString(id), due.toString(),
                    due.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
            LocalDate remindOn = previousWorkingDay(cal, due, settings.reminderWorkingDays());
            Instant remindAt = remindOn.atTime(LocalTime.of(8, 0)).atZone(clock.getZone()).toInstant();
            if (remindOn.isAfter(sentOn) && remindAt.isAfter(clock.instant())) {
                outbox.enqueueAt(REMINDER, Long.toString(id), due.toString(), remindAt);
            }
            outbox.enqueue(NOTICE, Long.toString(id), "SENT");
            audit.recordAs("system", "OPINION_SENT", "opinion-request", Long.toString(id), Map.of("sentOn",
                    sentOn.toString(), "replyDue", due.toString()));
        }
    }

    private static LocalDate previousWorkingDay(WorkingCalendar cal, LocalDate due, int workingDays) {
        LocalDate d = due;
        int left = workingDays;
        while (left > 0) {
            d = d.minusDays(1);
            if (cal.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    // ------------------------------------------------------------------------------------------------ replies

    /**
     * The lead agency's desk links a reply letter it has registered as incoming; or (with {@code letter} and
     * files) the coordinating agency sends its reply electronically and it is registered at the lead agency's
     * desk. A reply after the deadline is recorded as late: the consent deemed at the deadline stands.
     */
    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER"})
    public OpinionView reply(long requestId, Reply reply, ReplyLetter letter, List<UploadedFile> files) {
        AppUser user = directory.currentUser();
        Object[] r = lockRequest(requestId);
        long leadId = ((Number) r[1]).longValue();
        long targetId = ((Number) r[2]).longValue();
        String state = (String) r[0];
        boolean fromTarget = user.agency().id() == targetId;
        if (!fromTarget && user.agency().id() != leadId) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy văn bản xin ý kiến " + requestId);
        }
        List<String> errors = new ArrayList<>();
        if (reply == null || reply.position() == null) {
            errors.add("position: AGREE (đồng ý), AGREE_WITH_CONDITIONS (đồng ý có điều kiện) hoặc DISAGREE (không đồng ý)");
        } else if (reply.position() != OpinionPosition.AGREE && (reply.conditions() == null || reply.conditions().isBlank())) {
            errors.add("conditions: cần nêu điều kiện hoặc lý do không đồng ý");
        }
        if (reply != null && reply.conditions() != null && reply.conditions().length() > 4000) {
            errors.add("conditions: tối đa 4000 ký tự");
        }
        if ("DRAFT".equals(state)) {
            errors.add("request: văn bản xin ý kiến chưa được ban hành, chưa thể trả lời");
        }
        if ("ANSWERED".equals(state) || ("DEEMED_AGREED".equals(state) && r[6] != null)) {
            throw new DomainException(Problem.CONFLICT, "Văn bản xin ý kiến này đã có văn bản trả lời");
        }
        Long replyDocumentId = null;
        if (fromTarget) {
            if (letter == null || files == null || files.isEmpty()) {
                errors.add("file: cần tệp văn bản trả lời và số, ký hiệu, ngày, trích yếu của văn bản");
            }
        } else if (reply == null || reply.documentId() == null) {
            errors.add("documentId: cần văn bản đến đã đăng ký (văn bản trả lời)");
        } else {
            @SuppressWarnings("unchecked")
            List<Object[]> docs = em.createNativeQuery("select owner_agency_id, direction, issuer_agency_id from document where id = ?1")
                    .setParameter(1, reply.documentId()).getResultList();
            if (docs.isEmpty() || ((Number) docs.get(0)[0]).longValue() != leadId || !"INCOMING".equals(docs.get(0)[1])) {
                errors.add("documentId: cần văn bản đến của cơ quan chủ trì");
            } else if (docs.get(0)[2] != null && ((Number) docs.get(0)[2]).longValue() != targetId) {
                errors.add("documentId: văn bản đến không do cơ quan được xin ý kiến ban hành");
            } else if (!em.createNativeQuery("select 1 from opinion_request where reply_document_id = ?1")
                    .setParameter(1, reply.documentId()).getResultList().isEmpty()) {
                errors.add("documentId: văn bản này đã được dùng làm trả lời cho một văn bản xin ý kiến khác");
            }
            replyDocumentId = reply.documentId();
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Không ghi nhận được ý kiến trả lời", errors);
        }
        if (fromTarget) {
            String targetName = user.agency().name();
            DocumentView registered = documents.registerReceived(leadId, new IncomingRequest("CV", letter.numberSymbol(),
                    targetName, user.agency().code().value(), letter.issuedDate(), letter.summary(), letter.signerName(),
                    null, null, null, null, null, "Trả lời văn bản xin ý kiến (gửi điện tử)"), files);
            replyDocumentId = registered.id();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate due = ((Date) r[3]).toLocalDate();
        boolean late = today.isAfter(due);
        if (late && "OPEN".equals(state)) {
            // The deadline passed before the timer ran: consent is deemed first, exactly as the timer would.
            deem(requestId);
            state = "DEEMED_AGREED";
        }
        if ("DEEMED_AGREED".equals(state)) {
            em.createNativeQuery("update opinion_request set position = ?1, conditions = ?2, reply_document_id = ?3,"
                            + " replied_on = ?4, late = true where id = ?5")
                    .setParameter(1, reply.position().name()).setParameter(2, trim(reply.conditions()))
                    .setParameter(3, replyDocumentId).setParameter(4, Date.valueOf(today)).setParameter(5, requestId)
                    .executeUpdate();
        } else {
            em.createNativeQuery("update opinion_request set state = 'ANSWERED', position = ?1, conditions = ?2,"
                            + " reply_document_id = ?3, replied_on = ?4, late = false, closed_at = ?5, closed_by = ?6 where id = ?7")
                    .setParameter(1, reply.position().name()).setParameter(2, trim(reply.conditions()))
                    .setParameter(3, replyDocumentId).setParameter(4, Date.valueOf(today))
                    .setParameter(5, Timestamp.from(clock.instant())).setParameter(6, user.username())
                    .setParameter(7, requestId).executeUpdate();
        }
        if (r[4] != null) {
            em.createNativeQuery("insert into dossier_document (dossier_id, document_id, step_code, role, linked_at, linked_by)"
                            + " values (?1, ?2, ?3, 'REPLY', ?4, ?5) on conflict do nothing")
                    .setParameter(1, ((Number) r[4]).longValue()).setParameter(2, replyDocumentId).setParameter(3, r[5])
                    .setParameter(4, Timestamp.from(clock.instant())).setParameter(5, user.username()).executeUpdate();
            outbox.enqueue(Outbox.INDEX_DOCUMENT, Long.toString(replyDocumentId), null); // filed in the dossier
        }
        outbox.enqueue(NOTICE, Long.toString(requestId), late ? "LATE_REPLY" : "REPLIED");
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("position", reply.position().name());
        detail.put("replyDocument", String.valueOf(replyDocumentId));
        detail.put("late", Boolean.toString(late));
        audit.record(late ? "OPINION_LATE_REPLY" : "OPINION_REPLY", "opinion-request", Long.toString(requestId), detail);
        return view(requestId);
    }

    // ------------------------------------------------------------------------------------------------ timers

    /** The reply deadline has passed: silence is consent (Art. 2.2.a). Does nothing if answered meanwhile. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean deadlinePassed(long requestId) {
        Object[] r = lockRequest(requestId);
        if (!"OPEN".equals(r[0])) {
            return false;
        }
        LocalDate due = ((Date) r[3]).toLocalDate();
        if (!LocalDate.now(clock).isAfter(due)) {
            return false; // the deadline moved (never earlier than the timer), or the clock is behind
        }
        deem(requestId);
        return true;
    }

    private void deem(long requestId) {
        em.createNativeQuery("update opinion_request set state = 'DEEMED_AGREED', closed_at = ?1, closed_by = 'system'"
                        + " where id = ?2")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, requestId).executeUpdate();
        audit.recordAs("system", "OPINION_DEEMED_AGREED", "opinion-request", Long.toString(requestId),
                Map.of("rule", DEEMED_CONSENT_RULE, "reason", "Không có văn bản trả lời đến hết thời hạn"));
        outbox.enqueue(NOTICE, Long.toString(requestId), "DEEMED");
    }

    /** The state of a request, for a timer deciding whether it still has anything to do. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String stateForTimer(long requestId) {
        return (String) lockRequest(requestId)[0];
    }

    /** Notifications about a request, after the transaction that changed it has committed. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void notice(long requestId, String what) {
        OpinionView v = view(requestId);
        long targetId = agencyId(v.targetCode());
        String subject = v.letterNumberSymbol() == null ? "văn bản xin ý kiến" : "văn bản " + v.letterNumberSymbol();
        String source = "opinion:" + requestId + ":" + what;
        String dossier = v.dossierCode() == null ? "" : " (hồ sơ " + v.dossierCode() + ")";
        switch (what) {
            case "SENT" -> notifications.notifyAgency(source, targetId, Set.of("CLERK", "SPECIALIST", "LEADER"),
                    "OPINION_REQUESTED", v.leadName() + " xin ý kiến theo " + subject + dossier + "; hạn trả lời "
                            + v.replyDue(), "/app/opinions.xhtml");
            case "REMINDER" -> notifications.notifyAgency(source, targetId, Set.of("CLERK", "SPECIALIST", "LEADER"),
                    "OPINION_REMINDER", "Nhắc hạn: " + subject + dossier + " của " + v.leadName() + " hết hạn trả lời ngày "
                            + v.replyDue() + "; quá hạn không trả lời được hiểu là đồng ý (Quy chế Điều 2.2.a)",
                    "/app/opinions.xhtml");
            case "DEEMED" -> {
                String text = v.targetName() + " không trả lời " + subject + dossier + " đến hạn " + v.replyDue()
                        + ": được hiểu là đã đồng ý và chịu trách nhiệm (Quy chế Điều 2.2.a)";
                notifications.notifyUsername(source, createdBy(requestId), "OPINION_DEEMED", text,
                        v.dossierId() == null ? null : "/app/dossier.xhtml?id=" + v.dossierId());
                notifications.notifyAgency(source, targetId, Set.of("CLERK", "SPECIALIST", "LEADER"), "OPINION_DEEMED",
                        text, "/app/opinions.xhtml");
            }
            case "REPLIED", "LATE_REPLY" -> notifications.notifyUsername(source, createdBy(requestId), "OPINION_REPLIED",
                    v.targetName() + " đã trả lời " + subject + dossier + ": " + v.positionLabel()
                            + ("LATE_REPLY".equals(what) ? " (trả lời sau hạn; giữ nguyên ý kiến đồng ý theo Điều 2.2.a)" : ""),
                    v.dossierId() == null ? null : "/app/dossier.xhtml?id=" + v.dossierId());
            default -> throw new IllegalArgumentException("unknown opinion notice " + what);
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** Requests addressed to the caller's agency (its inbox of opinion requests). */
    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER"})
    public List<OpinionView> inbox(String state) {
        AppUser user = directory.currentUser();
        return query("o.target_agency_id = ?1 and o.state <> 'DRAFT'", user.agency().id(), state);
    }

    /** Requests the caller's agency has made. */
    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER"})
    public List<OpinionView> sent(String state) {
        AppUser user = directory.currentUser();
        return query("o.lead_agency_id = ?1", user.agency().id(), state);
    }

    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN"})
    public OpinionView get(long requestId) {
        AppUser user = directory.currentUser();
        List<OpinionView> found = query("o.id = ?2 and (o.lead_agency_id = ?1 or (o.target_agency_id = ?1 and o.state <> 'DRAFT'))",
                user.agency().id(), null, requestId);
        if (found.isEmpty()) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy văn bản xin ý kiến " + requestId);
        }
        return found.get(0);
    }

    private OpinionView view(long requestId) {
        return query("o.id = ?2", 0L, null, requestId).get(0);
    }

    private List<OpinionView> query(String where, long agencyId, String state, Object... more) {
        StringBuilder sql = new StringBuilder("select o.id, o.dossier_id, d.code, o.step_code, o.role_code, fr.name_vi, la.code,"
                + " la.name, ta.code, ta.name, o.letter_document_id, l.number_symbol, l.summary, o.reply_amount, o.reply_unit,"
                + " o.state, o.sent_on, o.reply_due, o.due_note, o.position, o.conditions, o.reply_document_id, o.replied_on,"
                + " o.late, o.closed_at, o.closed_by from opinion_request o join functional_role fr on fr.code = o.role_code"
                + " join agency la on la.id = o.lead_agency_id join agency ta on ta.id = o.target_agency_id"
                + " join document l on l.id = o.letter_document_id left join dossier d on d.id = o.dossier_id where " + where);
        List<Object> params = new ArrayList<>();
        params.add(agencyId);
        for (Object m : more) {
            params.add(m);
        }
        if (state != null && !state.isBlank()) {
            OpinionState st;
            try {
                st = OpinionState.valueOf(state);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("Trạng thái không hợp lệ: " + state,
                        List.of("state: DRAFT, OPEN, ANSWERED hoặc DEEMED_AGREED"));
            }
            params.add(st.name());
            sql.append(" and o.state = ?").append(params.size());
        }
        sql.append(" order by o.reply_due nulls last, o.id limit 500");
        List<Object[]> rows = vn.ccn.dms.platform.NativeQueries.rows(em, sql.toString(), params);
        return rows.stream().map(o -> {
            OpinionState st = OpinionState.valueOf((String) o[15]);
            OpinionPosition pos = o[19] == null ? null : OpinionPosition.valueOf((String) o[19]);
            return new OpinionView(((Number) o[0]).longValue(), o[1] == null ? null : ((Number) o[1]).longValue(),
                    (String) o[2], (String) o[3], (String) o[4], (String) o[5], (String) o[6], (String) o[7], (String) o[8],
                    (String) o[9], ((Number) o[10]).longValue(), (String) o[11], (String) o[12],
                    new TimeLimit(((Number) o[13]).intValue(), DayUnit.valueOf((String) o[14])).textVi(), st.name(),
                    st.labelVi(), date(o[16]), date(o[17]), (String) o[18], pos == null ? null : pos.name(),
                    pos == null ? (st == OpinionState.DEEMED_AGREED ? "Được hiểu là đồng ý" : null) : pos.labelVi(),
                    (String) o[20], o[21] == null ? null : ((Number) o[21]).longValue(), date(o[22]), (Boolean) o[23],
                    o[24] == null ? null : ((Timestamp) o[24]).toInstant(), (String) o[25]);
        }).toList();
    }

    /** state, lead, target, reply_due, dossier_id, step_code, reply_document_id */
    private Object[] lockRequest(long requestId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select state, lead_agency_id, target_agency_id, reply_due, dossier_id,"
                + " step_code, reply_document_id from opinion_request where id = ?1 for update").setParameter(1, requestId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy văn bản xin ý kiến " + requestId);
        }
        return rows.get(0);
    }

    private String createdBy(long requestId) {
        return (String) em.createNativeQuery("select created_by from opinion_request where id = ?1")
                .setParameter(1, requestId).getSingleResult();
    }

    private long agencyId(String code) {
        return ((Number) em.createNativeQuery("select id from agency where code = ?1").setParameter(1, code)
                .getSingleResult()).longValue();
    }

    private static LocalDate date(Object o) {
        return o == null ? null : ((Date) o).toLocalDate();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
