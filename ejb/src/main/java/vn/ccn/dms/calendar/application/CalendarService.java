package vn.ccn.dms.calendar.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.calendar.domain.CalendarDay;
import vn.ccn.dms.calendar.domain.CalendarYear;
import vn.ccn.dms.calendar.domain.DayKind;
import vn.ccn.dms.calendar.domain.StatutoryHolidays;
import vn.ccn.dms.calendar.domain.VietnameseLunarCalendar;
import vn.ccn.dms.calendar.domain.WeekendRule;
import vn.ccn.dms.calendar.domain.WorkingCalendar;
import vn.ccn.dms.calendar.domain.YearStatus;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

/**
 * Loads the working-day calendar for deadline computation and lets an administrator maintain it year by year:
 * propose a year from the Labour Code, correct its days against the official notice, confirm it. Every change is
 * audited on the object {@code calendar-year:<year>}.
 */
@Stateless
@DeclareRoles({"CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN"})
public class CalendarService {

    static final String AUDIT_TYPE = "calendar-year";

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @Resource
    private SessionContext session;

    @EJB
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** A calendar year as stored, with who confirmed it; for a year not stored, the rules' days and MISSING. */
    public record YearView(CalendarYear year, String legalBasis, String confirmedBy, Instant confirmedAt) {
        public YearView {
            Objects.requireNonNull(year, "year");
        }
    }

    /** An entry to add or replace. */
    public record DayRequest(DayKind kind, String nameVi, String legalBasis) {
    }

    /**
     * The calendar covering [from, to], for deadline computation. Every stored year from the earlier date's year
     * on is loaded (a handful of rows), so a limit that runs past {@code to} still uses stored data; years without
     * data are computed from the rules and flagged by {@link WorkingCalendar#warningsFor}.
     */
    @PermitAll
    public WorkingCalendar calendar(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        int first = Math.min(from.getYear(), to.getYear());
        return WorkingCalendar.of(load(first, Integer.MAX_VALUE));
    }

    /** A year with its status and days; a year not stored is shown as the rules would make it (MISSING). */
    @RolesAllowed("ADMIN")
    public YearView year(int year) {
        checkYear(year);
        return find(year).orElseGet(() -> new YearView(WorkingCalendar.of(List.of()).year(year), null, null, null));
    }

    /** Adds an entry or replaces the entry of that date. The year must exist (propose it first). */
    @RolesAllowed("ADMIN")
    public YearView putDay(int year, LocalDate date, DayRequest request) {
        checkYear(year);
        List<String> errors = new ArrayList<>();
        if (date == null) {
            errors.add("date: ngày là bắt buộc");
        } else if (date.getYear() != year) {
            errors.add("date: ngày " + date + " không thuộc năm " + year);
        }
        if (request == null || request.kind() == null) {
            errors.add("kind: loại ngày là bắt buộc (HOLIDAY, EXTRA_DAY_OFF, WORKING_SWAP)");
        }
        if (request == null || request.nameVi() == null || request.nameVi().isBlank()) {
            errors.add("nameVi: tên ngày là bắt buộc");
        } else if (request.nameVi().length() > 255) {
            errors.add("nameVi: tối đa 255 ký tự");
        }
        if (request != null && request.legalBasis() != null && request.legalBasis().length() > 500) {
            errors.add("legalBasis: tối đa 500 ký tự");
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Thông tin ngày nghỉ không hợp lệ", errors);
        }
        YearView before = lockedYear(year);
        CalendarDay day = new CalendarDay(date, request.kind(), request.nameVi(), request.legalBasis());
        Optional<CalendarDay> previous = before.year().entry(date);
        em.createNativeQuery("insert into calendar_day (day, year, kind, name_vi, legal_basis) values (?1, ?2, ?3, ?4, ?5)"
                        + " on conflict (day) do update set kind = excluded.kind, name_vi = excluded.name_vi,"
                        + " legal_basis = excluded.legal_basis")
                .setParameter(1, java.sql.Date.valueOf(date)).setParameter(2, year).setParameter(3, day.kind().name())
                .setParameter(4, day.nameVi()).setParameter(5, day.legalBasis()).executeUpdate();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("day", date.toString());
        detail.put("kind", day.kind().name());
        detail.put("name", day.nameVi());
        detail.put("legalBasis", String.valueOf(day.legalBasis()));
        detail.put("previous", previous.map(p -> p.kind() + " " + p.nameVi()).orElse("-"));
        detail.put("status", before.year().status().name());
        audit.record(previous.isPresent() ? "CALENDAR_DAY_REPLACE" : "CALENDAR_DAY_ADD", AUDIT_TYPE, String.valueOf(year), detail);
        return year(year);
    }

    @RolesAllowed("ADMIN")
    public YearView removeDay(int year, LocalDate date) {
        checkYear(year);
        YearView before = lockedYear(year);
        CalendarDay previous = Optional.ofNullable(date).flatMap(d -> before.year().entry(d)).orElseThrow(() ->
                new DomainException(Problem.NOT_FOUND, "Năm " + year + " không có mục lịch cho ngày " + date));
        em.createNativeQuery("delete from calendar_day where day = ?1").setParameter(1, java.sql.Date.valueOf(date))
                .executeUpdate();
        audit.record("CALENDAR_DAY_REMOVE", AUDIT_TYPE, String.valueOf(year), Map.of("day", date.toString(),
                "kind", previous.kind().name(), "name", previous.nameVi(), "status", before.year().status().name()));
        return year(year);
    }

    /**
     * Replaces the days of a year with the statutory proposal, status PROPOSED. A CONFIRMED year is refused unless
     * {@code force}: its days were checked against the official notice and would be lost.
     */
    @RolesAllowed("ADMIN")
    public YearView propose(int year, boolean force) {
        checkYear(year);
        Optional<YearView> existing = lockYear(year);
        if (existing.isPresent() && existing.get().year().status() == YearStatus.CONFIRMED && !force) {
            throw new DomainException(Problem.CONFLICT, "Lịch nghỉ lễ năm " + year + " đã được xác nhận; muốn lập lại đề xuất"
                    + " theo luật (xóa các ngày đã đối chiếu) thì phải chọn ghi đè");
        }
        WeekendRule weekend = existing.map(v -> v.year().weekend()).orElse(WeekendRule.SATURDAY_SUNDAY);
        CalendarYear proposal = StatutoryHolidays.propose(year, weekend);
        if (existing.isPresent()) {
            em.createNativeQuery("update calendar_year set status = 'PROPOSED', note = ?2, legal_basis = ?3,"
                            + " confirmed_by = null, confirmed_at = null where year = ?1")
                    .setParameter(1, year).setParameter(2, proposal.note()).setParameter(3, StatutoryHolidays.HOLIDAYS)
                    .executeUpdate();
            em.createNativeQuery("delete from calendar_day where year = ?1").setParameter(1, year).executeUpdate();
        } else {
            em.createNativeQuery("insert into calendar_year (year, status, weekend, note, legal_basis)"
                            + " values (?1, 'PROPOSED', ?2, ?3, ?4)")
                    .setParameter(1, year).setParameter(2, weekend.text()).setParameter(3, proposal.note())
                    .setParameter(4, StatutoryHolidays.HOLIDAYS).executeUpdate();
        }
        for (CalendarDay day : proposal.days()) {
            em.createNativeQuery("insert into calendar_day (day, year, kind, name_vi, legal_basis) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, java.sql.Date.valueOf(day.date())).setParameter(2, year)
                    .setParameter(3, day.kind().name()).setParameter(4, day.nameVi()).setParameter(5, day.legalBasis())
                    .executeUpdate();
        }
        audit.record("CALENDAR_PROPOSE", AUDIT_TYPE, String.valueOf(year), Map.of("days", String.valueOf(proposal.days().size()),
                "previousStatus", existing.map(v -> v.year().status().name()).orElse("MISSING"), "force", String.valueOf(force)));
        return year(year);
    }

    /**
     * Marks a year as checked against the official notice, which must be named (e.g. "Thông báo 9441/TB-BNV ngày
     * 16/10/2025"). From then on deadlines over this year carry no warning.
     */
    @RolesAllowed("ADMIN")
    public YearView confirm(int year, String legalBasis, String note) {
        checkYear(year);
        if (legalBasis == null || legalBasis.isBlank()) {
            throw DomainException.invalid("Cần ghi căn cứ xác nhận", List.of(
                    "legalBasis: số, ngày của thông báo chính thức về lịch nghỉ lễ, Tết năm " + year));
        }
        if (legalBasis.length() > 1000 || (note != null && note.length() > 2000)) {
            throw DomainException.invalid("Căn cứ hoặc ghi chú quá dài", List.of("legalBasis: tối đa 1000 ký tự",
                    "note: tối đa 2000 ký tự"));
        }
        YearView before = lockedYear(year);
        String actor = session.getCallerPrincipal() == null ? "anonymous" : session.getCallerPrincipal().getName();
        Instant now = clock.instant();
        em.createNativeQuery("update calendar_year set status = 'CONFIRMED', legal_basis = ?2, note = ?3,"
                        + " confirmed_by = ?4, confirmed_at = ?5 where year = ?1")
                .setParameter(1, year).setParameter(2, legalBasis.strip())
                .setParameter(3, note == null || note.isBlank() ? null : note.strip()).setParameter(4, actor)
                .setParameter(5, Timestamp.from(now)).executeUpdate();
        audit.record("CALENDAR_CONFIRM", AUDIT_TYPE, String.valueOf(year), Map.of("legalBasis", legalBasis.strip(),
                "previousStatus", before.year().status().name(), "days", String.valueOf(before.year().days().size())));
        return year(year);
    }

    // --- persistence -------------------------------------------------------------------------------------------

    private Optional<YearView> find(int year) {
        List<YearView> found = loadViews(year, year);
        return found.stream().findFirst();
    }

    private YearView lockedYear(int year) {
        return lockYear(year).orElseThrow(() -> new DomainException(Problem.NOT_FOUND, "Chưa có lịch nghỉ lễ năm " + year
                + "; hãy lập đề xuất theo luật trước rồi chỉnh sửa"));
    }

    /** Locks the year row so that concurrent edits of one year serialize; the days are read after the lock. */
    private Optional<YearView> lockYear(int year) {
        List<?> locked = em.createNativeQuery("select year from calendar_year where year = ?1 for update")
                .setParameter(1, year).getResultList();
        return locked.isEmpty() ? Optional.empty() : find(year);
    }

    private List<CalendarYear> load(int firstYear, int lastYear) {
        return loadViews(firstYear, lastYear).stream().map(YearView::year).toList();
    }

    @SuppressWarnings("unchecked")
    private List<YearView> loadViews(int firstYear, int lastYear) {
        List<Object[]> years = em.createNativeQuery("select year, status, weekend, note, legal_basis, confirmed_by,"
                        + " confirmed_at from calendar_year where year between ?1 and ?2 order by year")
                .setParameter(1, firstYear).setParameter(2, lastYear).getResultList();
        if (years.isEmpty()) {
            return List.of();
        }
        List<Object[]> days = em.createNativeQuery("select day, year, kind, name_vi, legal_basis from calendar_day"
                        + " where year between ?1 and ?2 order by day")
                .setParameter(1, firstYear).setParameter(2, lastYear).getResultList();
        List<YearView> views = new ArrayList<>();
        for (Object[] y : years) {
            int year = ((Number) y[0]).intValue();
            List<CalendarDay> entries = days.stream().filter(d -> ((Number) d[1]).intValue() == year)
                    .map(d -> new CalendarDay(toLocalDate(d[0]), DayKind.valueOf((String) d[2]), (String) d[3], (String) d[4]))
                    .toList();
            CalendarYear calendarYear = new CalendarYear(year, YearStatus.valueOf((String) y[1]),
                    WeekendRule.parse((String) y[2]), entries, (String) y[3]);
            views.add(new YearView(calendarYear, (String) y[4], (String) y[5], toInstant(y[6])));
        }
        return views;
    }

    private static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return ((java.sql.Date) value).toLocalDate();
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }

    private static void checkYear(int year) {
        if (year < VietnameseLunarCalendar.FIRST_YEAR || year > VietnameseLunarCalendar.LAST_YEAR) {
            throw DomainException.invalid("Năm không hợp lệ", List.of("year: năm phải từ "
                    + VietnameseLunarCalendar.FIRST_YEAR + " đến " + VietnameseLunarCalendar.LAST_YEAR));
        }
    }
}
