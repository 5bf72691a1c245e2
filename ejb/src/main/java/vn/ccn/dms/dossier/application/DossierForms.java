package vn.ccn.dms.dossier.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.calendar.domain.Timeliness;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.Agency;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.dossier.application.DossierViews.DossierView;
import vn.ccn.dms.dossier.application.DossierViews.EventView;
import vn.ccn.dms.dossier.application.forms.Apology;
import vn.ccn.dms.dossier.application.forms.ControlSlip;
import vn.ccn.dms.dossier.application.forms.FormHeader;
import vn.ccn.dms.dossier.application.forms.Handover;
import vn.ccn.dms.dossier.application.forms.OneStopForms;
import vn.ccn.dms.dossier.application.forms.PaperLine;
import vn.ccn.dms.dossier.application.forms.ReceiptSlip;
import vn.ccn.dms.dossier.application.forms.Refusal;
import vn.ccn.dms.dossier.application.forms.StopNotice;
import vn.ccn.dms.dossier.application.forms.SupplementRequest;
import vn.ccn.dms.dossier.application.forms.TrackingBook;
import vn.ccn.dms.dossier.application.forms.TrackingLine;
import vn.ccn.dms.dossier.domain.DossierStatus;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

/**
 * Prints the forms of Circular 03/2025/TT-VPCP from a dossier's recorded facts: nothing on a form is typed
 * twice, and printing never changes the dossier (it is audited as a PRINT).
 */
@Stateless
@RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN"})
public class DossierForms {

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DossierService dossiers;

    @EJB
    private DirectoryService directory;

    @Inject
    private OneStopForms forms;

    @Inject
    private WorkflowSettings settings;

    @EJB
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** Form 01–06 of one dossier. */
    public byte[] form(long dossierId, String number) {
        DossierView d = dossiers.get(dossierId);
        FormHeader header = header(d.receivingAgency().code());
        LocalDate today = LocalDate.now(clock);
        AppUser user = directory.currentUser();
        byte[] pdf = switch (number == null ? "" : number) {
            case "01" -> forms.receiptSlip(new ReceiptSlip(header, d.code(), d.applicantName(), d.applicantAddress(),
                    d.applicantPhone(), d.applicantEmail(), d.procedureName(), d.papers().stream()
                    .filter(p -> p.received()).map(p -> new PaperLine(p.name(), p.originals(), p.copies(), p.electronic()))
                    .toList(), d.paperSets(), d.receivedAt(), d.appointmentOn(), d.channelLabel(), receiverName(d),
                    settings.statusUrl(d.code())));
            case "02" -> {
                EventView e = last(d, "REQUEST_SUPPLEMENT");
                yield forms.supplementRequest(new SupplementRequest(header, d.code(), d.applicantName(), d.procedureName(),
                        d.receivedAt(), e.note() == null ? List.of() : Arrays.asList(e.note().split("; ")), null,
                        date(e.at()), fullName(e.actor())));
            }
            case "03" -> {
                EventView e = last(d, "REFUSE");
                yield forms.refusal(new Refusal(header, d.code(), d.applicantName(), d.procedureName(), d.receivedAt(),
                        e.note() == null ? List.of() : Arrays.asList(e.note().split("; ")), date(e.at()), fullName(e.actor())));
            }
            case "04" -> {
                EventView e = last(d, "APOLOGISE");
                LocalDate previous = e.previousDueOn();
                yield forms.apology(new Apology(header, d.code(), d.applicantName(), d.procedureName(), d.receivedAt(),
                        previous, e.dueOn(), e.note(), date(e.at()), fullName(e.actor())));
            }
            case "05" -> {
                EventView e = last(d, "STOP");
                yield forms.stopNotice(new StopNotice(header, d.code(), d.applicantName(), d.procedureName(),
                        d.receivedAt(), e.note(), date(e.at()), fullName(e.actor())));
            }
            case "06" -> forms.controlSlip(new ControlSlip(header, d.code(), d.applicantName(), d.procedureName(),
                    d.receivedAt(), d.appointmentOn(), d.events().stream().map(e -> new Handover(fullName(e.actor()),
                    e.fromUnit(), "", e.toUnit(), e.at(), e.dueOn(),
                    e.timeliness() == null ? "" : Timeliness.valueOf(e.timeliness()).labelVi(),
                    e.actionLabel() + (e.note() == null ? "" : ": " + e.note()))).toList()));
            default -> throw DomainException.invalid("Không có mẫu " + number,
                    List.of("form: 01, 02, 03, 04, 05 hoặc 06 (Mẫu 07 là sổ theo dõi)"));
        };
        audit.record("PRINT_FORM", "dossier", Long.toString(dossierId), Map.of("form", number, "by", user.username()));
        return pdf;
    }

    /** Form 07: the tracking book of the caller's agency's desk for a period (at most a year). */
    public byte[] trackingBook(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || from.plusYears(1).isBefore(to)) {
            throw DomainException.invalid("Khoảng thời gian không hợp lệ", List.of("from, to: từ ngày đến ngày, tối đa 1 năm"));
        }
        AppUser user = directory.currentUser();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.code, p.name_vi, d.applicant_name, d.received_at, d.appointment_on,"
                        + " d.finished_at, d.returned_at, d.status, (select count(*) from dossier_step s where s.dossier_id = d.id"
                        + " and s.timeliness = 'LATE') from dossier d join procedure_def p on p.code = d.procedure_code"
                        + " where d.receiving_agency_id = ?1 and d.received_on between ?2 and ?3 order by d.received_at, d.id")
                .setParameter(1, user.agency().id()).setParameter(2, java.sql.Date.valueOf(from))
                .setParameter(3, java.sql.Date.valueOf(to)).getResultList();
        List<TrackingLine> lines = new ArrayList<>();
        int i = 1;
        for (Object[] r : rows) {
            long late = ((Number) r[8]).longValue();
            lines.add(new TrackingLine(i++, (String) r[0], (String) r[1], (String) r[2], ts(r[3]),
                    r[4] == null ? null : ((java.sql.Date) r[4]).toLocalDate(), ts(r[5]), ts(r[6]),
                    DossierStatus.valueOf((String) r[7]).labelVi(), late > 0 ? late + " bước quá hạn" : ""));
        }
        audit.record("PRINT_TRACKING_BOOK", "agency", user.agency().code().value(), Map.of("from", from.toString(),
                "to", to.toString()));
        return forms.trackingBook(new TrackingBook(header(user.agency().code().value()), from, to, lines));
    }

    private FormHeader header(String agencyCode) {
        Agency agency = directory.agency(agencyCode);
        String parent = agency.parent() == null ? "" : agency.parent().name().toUpperCase(java.util.Locale.forLanguageTag("vi"));
        return new FormHeader(parent, agency.name().toUpperCase(java.util.Locale.forLanguageTag("vi")),
                placeName(agency), clock.getZone());
    }

    private String placeName(Agency agency) {
        // The place the administrator set for the agency's dates of issue (the signing profile, Decree 30/2020
        // Appendix I); without one, "Lạng Sơn" from "Ủy ban nhân dân tỉnh Lạng Sơn" up the parent chain.
        @SuppressWarnings("unchecked")
        java.util.List<String> configured = em.createNativeQuery("select place_name from agency_signature_profile"
                + " where agency_id = ?1").setParameter(1, agency.id()).getResultList();
        if (!configured.isEmpty() && configured.get(0) != null && !configured.get(0).isBlank()) {
            return configured.get(0);
        }
        for (Agency a = agency; a != null; a = a.parent()) {
            String n = a.name();
            int i = n.indexOf("tỉnh ");
            if (i >= 0) {
                return n.substring(i + 5);
            }
        }
        return agency.name();
    }

    private String receiverName(DossierView d) {
        return d.events().isEmpty() ? "" : fullName(d.events().get(0).actor());
    }

    private String fullName(String username) {
        return directory.findUser(username).map(AppUser::fullName).orElse(username);
    }

    private static EventView last(DossierView d, String action) {
        for (int i = d.events().size() - 1; i >= 0; i--) {
            if (d.events().get(i).action().equals(action)) {
                return d.events().get(i);
            }
        }
        throw new DomainException(Problem.CONFLICT, "Hồ sơ chưa có thao tác tương ứng với mẫu này");
    }

    private LocalDate date(Instant at) {
        return at.atZone(clock.getZone()).toLocalDate();
    }

    private static Instant ts(Object o) {
        return o == null ? null : ((Timestamp) o).toInstant();
    }
}
