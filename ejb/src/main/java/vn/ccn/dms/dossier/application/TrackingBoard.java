package vn.ccn.dms.dossier.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.directory.domain.ApplicationRole;
import vn.ccn.dms.dossier.application.DossierViews.AgencyRef;
import vn.ccn.dms.dossier.application.DossierViews.TrackingItem;
import vn.ccn.dms.platform.DomainException;

/**
 * What is due, late or done: every active step clock and every opinion request of the dossiers the caller's
 * agency may read, put into buckets relative to today in the installation's zone. Administrators see all.
 */
@Stateless
@RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN"})
public class TrackingBoard {

    public static final Set<String> BUCKETS = Set.of("LATE", "DUE_TODAY", "DUE_THIS_WEEK", "UPCOMING", "PAUSED",
            "DEEMED", "DONE");

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @Inject
    private Clock clock;

    public List<TrackingItem> items(String agencyCode, String procedureCode, String bucket) {
        if (bucket != null && !bucket.isBlank() && !BUCKETS.contains(bucket)) {
            throw DomainException.invalid("Nhóm không hợp lệ: " + bucket, List.of("bucket: một trong " + BUCKETS));
        }
        AppUser user = directory.currentUser();
        boolean all = user.has(ApplicationRole.ADMIN);
        String scope = all ? "?1 = ?1" : "(" + DossierService.READABLE + ")";
        LocalDate today = LocalDate.now(clock);
        LocalDate endOfWeek = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<TrackingItem> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> steps = em.createNativeQuery("select d.id, d.code, d.procedure_code, p.name_vi, s.name_vi, a.code, a.name,"
                        + " s.due_on, s.completed_on, s.state, d.status, s.timeliness from dossier d"
                        + " join procedure_def p on p.code = d.procedure_code join dossier_step s on s.dossier_id = d.id"
                        + " left join agency a on a.id = coalesce(s.responsible_agency_id, d.lead_agency_id)"
                        + " where " + scope + " and s.due_on is not null and (s.state = 'ACTIVE' or s.state = 'DONE')")
                .setParameter(1, user.agency().id()).getResultList();
        for (Object[] r : steps) {
            LocalDate due = date(r[7]);
            LocalDate done = date(r[8]);
            String dossierStatus = (String) r[10];
            String b;
            if ("DONE".equals(r[9])) {
                b = "DONE";
            } else if (Set.of("REFUSED", "STOPPED", "RETURNED", "DONE").contains(dossierStatus)) {
                continue;
            } else if ("WAITING_SUPPLEMENT".equals(dossierStatus)) {
                b = "PAUSED";
            } else {
                b = bucket(today, endOfWeek, due);
            }
            out.add(new TrackingItem("STEP", ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], new AgencyRef((String) r[5], (String) r[6]), due, done,
                    "DONE".equals(r[9]) ? (String) r[11] : dossierStatus, b, null));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> opinions = em.createNativeQuery("select d.id, d.code, d.procedure_code, p.name_vi, fr.name_vi, a.code, a.name,"
                        + " o.reply_due, o.replied_on, o.state, o.id, o.late from opinion_request o join dossier d on d.id = o.dossier_id"
                        + " join procedure_def p on p.code = d.procedure_code join functional_role fr on fr.code = o.role_code"
                        + " join agency a on a.id = o.target_agency_id where " + scope + " and o.state <> 'DRAFT'")
                .setParameter(1, user.agency().id()).getResultList();
        for (Object[] r : opinions) {
            LocalDate due = date(r[7]);
            String state = (String) r[9];
            String b = switch (state) {
                case "DEEMED_AGREED" -> "DEEMED";
                case "ANSWERED" -> "DONE";
                default -> bucket(today, endOfWeek, due);
            };
            out.add(new TrackingItem("OPINION", ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    "Xin ý kiến: " + r[4], new AgencyRef((String) r[5], (String) r[6]), due, date(r[8]),
                    state + (Boolean.TRUE.equals(r[11]) ? " (trả lời muộn)" : ""), b, ((Number) r[10]).longValue()));
        }
        return out.stream()
                .filter(i -> agencyCode == null || agencyCode.isBlank() || (i.agency() != null && agencyCode.equals(i.agency().code())))
                .filter(i -> procedureCode == null || procedureCode.isBlank() || procedureCode.equals(i.procedureCode()))
                .filter(i -> bucket == null || bucket.isBlank() || bucket.equals(i.bucket()))
                .sorted(Comparator.comparing(TrackingItem::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(TrackingItem::dossierCode))
                .toList();
    }

    private static String bucket(LocalDate today, LocalDate endOfWeek, LocalDate due) {
        if (due.isBefore(today)) {
            return "LATE";
        }
        if (due.equals(today)) {
            return "DUE_TODAY";
        }
        return due.isAfter(endOfWeek) ? "UPCOMING" : "DUE_THIS_WEEK";
    }

    private static LocalDate date(Object o) {
        return o == null ? null : ((Date) o).toLocalDate();
    }
}
