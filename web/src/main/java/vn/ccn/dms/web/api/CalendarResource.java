package vn.ccn.dms.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.ccn.dms.calendar.application.CalendarService;
import vn.ccn.dms.calendar.domain.CalendarDay;
import vn.ccn.dms.calendar.domain.DayKind;
import vn.ccn.dms.calendar.domain.DayUnit;
import vn.ccn.dms.calendar.domain.Pause;
import vn.ccn.dms.calendar.domain.TimeLimit;
import vn.ccn.dms.calendar.domain.VietnameseLunarCalendar;
import vn.ccn.dms.calendar.domain.WorkingCalendar;
import vn.ccn.dms.platform.DomainException;

/**
 * The working-day calendar: a year's days off as an administrator maintains them, and due dates computed on it
 * with the warnings about unconfirmed years.
 */
@Path("calendar")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {

    /** Due dates further than this are not legal time limits but typing errors. */
    static final int MAX_AMOUNT = 3660;

    @EJB
    private CalendarService calendar;

    public record DayRequest(DayKind kind, String nameVi, String legalBasis) {
    }

    public record ConfirmationRequest(String legalBasis, String note) {
    }

    public record DayRepresentation(LocalDate date, String weekdayVi, DayKind kind, String kindVi, String nameVi,
            String legalBasis) {
        static DayRepresentation of(CalendarDay d) {
            return new DayRepresentation(d.date(), CalendarResource.weekdayVi(d.date()), d.kind(), d.kind().labelVi(), d.nameVi(),
                    d.legalBasis());
        }
    }

    public record YearRepresentation(int year, String status, String statusVi, String weekend, String note,
            String legalBasis, String confirmedBy, Instant confirmedAt, List<DayRepresentation> days) {
        static YearRepresentation of(CalendarService.YearView v) {
            return new YearRepresentation(v.year().year(), v.year().status().name(), v.year().status().labelVi(),
                    v.year().weekend().text(), v.year().note(), v.legalBasis(), v.confirmedBy(), v.confirmedAt(),
                    v.year().days().stream().map(DayRepresentation::of).toList());
        }
    }

    public record DueDateRepresentation(LocalDate start, int amount, DayUnit unit, String limitVi, LocalDate dueDate,
            boolean paused, List<String> warnings) {
    }

    @GET
    @Path("years/{year}")
    public YearRepresentation year(@PathParam("year") String year) {
        return YearRepresentation.of(calendar.year(year(year, "year")));
    }

    @PUT
    @Path("years/{year}/days/{date}")
    public YearRepresentation putDay(@PathParam("year") String year, @PathParam("date") String date, DayRequest r) {
        DirectoryResource.requireBody(r);
        return YearRepresentation.of(calendar.putDay(year(year, "year"), date(date, "date"),
                new CalendarService.DayRequest(r.kind(), r.nameVi(), r.legalBasis())));
    }

    @DELETE
    @Path("years/{year}/days/{date}")
    public YearRepresentation removeDay(@PathParam("year") String year, @PathParam("date") String date) {
        return YearRepresentation.of(calendar.removeDay(year(year, "year"), date(date, "date")));
    }

    /** Generates the year from the Labour Code; {@code force=true} overwrites a confirmed year. */
    @POST
    @Path("years/{year}/proposal")
    public YearRepresentation propose(@PathParam("year") String year, @QueryParam("force") boolean force) {
        return YearRepresentation.of(calendar.propose(year(year, "year"), force));
    }

    @POST
    @Path("years/{year}/confirmation")
    public YearRepresentation confirm(@PathParam("year") String year, ConfirmationRequest r) {
        DirectoryResource.requireBody(r);
        return YearRepresentation.of(calendar.confirm(year(year, "year"), r.legalBasis(), r.note()));
    }

    /**
     * {@code GET /calendar/due-date?start=2026-02-10&amount=5&unit=WORKING_DAYS}, optionally with pauses
     * {@code pause=2026-02-11..2026-02-20} (closed) or {@code pause=2026-02-11..} (still open).
     */
    @GET
    @Path("due-date")
    public DueDateRepresentation dueDate(@QueryParam("start") String start, @QueryParam("amount") String amount,
            @QueryParam("unit") String unit, @QueryParam("pause") List<String> pauses) {
        List<String> errors = new ArrayList<>();
        LocalDate from = null;
        try {
            from = start == null ? null : LocalDate.parse(start);
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (from == null) {
            errors.add("start: ngày bắt đầu tính hạn, dạng YYYY-MM-DD");
        }
        int n = -1;
        try {
            n = amount == null ? -1 : Integer.parseInt(amount.strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (n < 0 || n > MAX_AMOUNT) {
            errors.add("amount: số ngày là số nguyên từ 0 đến " + MAX_AMOUNT);
        }
        DayUnit dayUnit = null;
        try {
            dayUnit = unit == null ? DayUnit.WORKING_DAYS : DayUnit.valueOf(unit.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("unit: WORKING_DAYS (ngày làm việc) hoặc DAYS (ngày)");
        }
        List<Pause> pauseList = new ArrayList<>();
        for (String p : pauses == null ? List.<String>of() : pauses) {
            try {
                int sep = p.indexOf("..");
                LocalDate pFrom = LocalDate.parse(p.substring(0, sep));
                String rest = p.substring(sep + 2);
                pauseList.add(new Pause(pFrom, rest.isBlank() ? null : LocalDate.parse(rest)));
            } catch (RuntimeException e) {
                errors.add("pause: dạng YYYY-MM-DD..YYYY-MM-DD (hoặc YYYY-MM-DD.. khi còn tạm dừng), ngày kết thúc"
                        + " không trước ngày bắt đầu: " + p);
            }
        }
        if (from != null && n >= 0 && (from.getYear() < VietnameseLunarCalendar.FIRST_YEAR
                || from.plusDays(2L * n + 60).getYear() > VietnameseLunarCalendar.LAST_YEAR)) {
            errors.add("start: lịch chỉ tính cho các năm " + VietnameseLunarCalendar.FIRST_YEAR + "-"
                    + VietnameseLunarCalendar.LAST_YEAR);
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Tham số tính hạn không hợp lệ", errors);
        }
        TimeLimit limit = new TimeLimit(n, dayUnit);
        LocalDate horizon = from.plusDays(2L * n + 60);
        WorkingCalendar.Deadline deadline = calendar.calendar(from, horizon).deadline(from, limit, pauseList);
        return new DueDateRepresentation(from, n, dayUnit, limit.textVi(), deadline.dueDate(), deadline.due().isEmpty(),
                deadline.warnings());
    }

    private static int year(String value, String field) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("Năm không hợp lệ", List.of(field + ": năm dạng YYYY, ví dụ 2026"));
        }
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("Ngày không hợp lệ", List.of(field + ": ngày dạng YYYY-MM-DD, ví dụ 2026-02-17"));
        }
    }

    static String weekdayVi(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case MONDAY -> "Thứ Hai";
            case TUESDAY -> "Thứ Ba";
            case WEDNESDAY -> "Thứ Tư";
            case THURSDAY -> "Thứ Năm";
            case FRIDAY -> "Thứ Sáu";
            case SATURDAY -> "Thứ Bảy";
            case SUNDAY -> "Chủ nhật";
        };
    }
}
