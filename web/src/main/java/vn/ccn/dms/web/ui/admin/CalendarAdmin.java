package vn.ccn.dms.web.ui.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.ccn.dms.calendar.application.CalendarService;
import vn.ccn.dms.calendar.domain.CalendarDay;
import vn.ccn.dms.calendar.domain.DayKind;
import vn.ccn.dms.calendar.domain.DayUnit;
import vn.ccn.dms.calendar.domain.TimeLimit;
import vn.ccn.dms.calendar.domain.WorkingCalendar;
import vn.ccn.dms.calendar.domain.YearStatus;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.web.ui.Labels;

/**
 * The calendar administration screen: one year at a time, its status and its days off and swaps; propose the
 * year from the Labour Code, add, replace or remove a day as the official notice says, confirm the year citing
 * the notice; and a due-date calculator to check the result. Every action goes through {@link CalendarService},
 * which checks the ADMIN role and audits.
 */
@Named
@ViewScoped
public class CalendarAdmin implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CalendarAdmin.class.getName());
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("vn.ccn.dms.web.ui.Messages",
            Locale.forLanguageTag("vi"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    private CalendarService calendar;

    /** Application-scoped, so this view-scoped bean stays passivation-capable (a Clock is not a proxy). */
    @Inject
    private Labels labels;

    private int year;
    private transient CalendarService.YearView view;

    private LocalDate dayDate;
    private DayKind dayKind = DayKind.HOLIDAY;
    private String dayName;
    private String dayLegalBasis;

    private boolean force;
    private String confirmLegalBasis;
    private String confirmNote;

    private LocalDate start;
    private int amount = 5;
    private DayUnit unit = DayUnit.WORKING_DAYS;
    private transient WorkingCalendar.Deadline deadline;

    @PostConstruct
    void init() {
        LocalDate today = labels.today();
        year = today.getYear();
        start = today;
        load();
    }

    public void load() {
        act(() -> {
            view = calendar.year(year);
            confirmLegalBasis = view.legalBasis();
            confirmNote = view.year().note();
        }, null);
    }

    public void saveDay() {
        LocalDate date = dayDate;
        act(() -> {
            view = calendar.putDay(year, date, new CalendarService.DayRequest(dayKind, dayName, dayLegalBasis));
            dayDate = null;
            dayName = null;
            dayLegalBasis = null;
        }, date == null ? null : message("calendar.saved", DAY.format(date)));
    }

    /** Puts a day of the table back into the form to be corrected. */
    public void edit(CalendarDay day) {
        dayDate = day.date();
        dayKind = day.kind();
        dayName = day.nameVi();
        dayLegalBasis = day.legalBasis();
    }

    public void removeDay(CalendarDay day) {
        act(() -> view = calendar.removeDay(year, day.date()), message("calendar.removed", DAY.format(day.date())));
    }

    public void propose() {
        act(() -> {
            view = calendar.propose(year, force);
            force = false;
        }, message("calendar.proposed", String.valueOf(year)));
    }

    public void confirm() {
        act(() -> view = calendar.confirm(year, confirmLegalBasis, confirmNote),
                message("calendar.confirmed", String.valueOf(year)));
    }

    public void computeDueDate() {
        act(() -> {
            if (start == null || amount < 0) {
                throw DomainException.invalid("Tham số tính hạn không hợp lệ",
                        List.of("start: ngày bắt đầu là bắt buộc", "amount: số ngày không âm"));
            }
            TimeLimit limit = new TimeLimit(amount, unit);
            deadline = calendar.calendar(start, start.plusDays(2L * amount + 60)).deadline(start, limit, List.of());
        }, null);
    }

    private void act(Runnable action, String success) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            action.run();
            if (success != null) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, success, null));
            }
        } catch (RuntimeException e) {
            DomainException refusal = domain(e);
            if (refusal != null) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.getMessage(), null));
                Object errors = refusal.extensions().get("errors");
                if (errors instanceof List<?> list) {
                    list.forEach(x -> faces.addMessage(null,
                            new FacesMessage(FacesMessage.SEVERITY_ERROR, String.valueOf(x), null)));
                }
            } else if (accessDenied(e)) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message("calendar.accessDenied"), null));
            } else {
                String ref = UUID.randomUUID().toString().substring(0, 8);
                LOG.log(Level.SEVERE, "calendar administration failed, reference " + ref, e);
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message("calendar.unexpected", ref), null));
            }
            faces.validationFailed();
        }
    }

    private static DomainException domain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException d) {
                return d;
            }
        }
        return null;
    }

    private static boolean accessDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EJBAccessException) {
                return true;
            }
        }
        return false;
    }

    private static String message(String key, Object... args) {
        return MessageFormat.format(MESSAGES.getString(key), args);
    }

    // --- for the page ---------------------------------------------------------------------------------------

    public List<CalendarDay> getDays() {
        return view == null ? List.of() : view.year().days();
    }

    public String getStatusLabel() {
        return view == null ? "" : view.year().status().labelVi();
    }

    public boolean isConfirmed() {
        return view != null && view.year().status() == YearStatus.CONFIRMED;
    }

    public boolean isStored() {
        return view != null && view.year().status() != YearStatus.MISSING;
    }

    public CalendarService.YearView getView() {
        return view;
    }

    public List<DayKind> getKinds() {
        return List.of(DayKind.values());
    }

    public List<DayUnit> getUnits() {
        return List.of(DayUnit.values());
    }

    public String weekday(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case MONDAY -> "Thứ Hai";
            case TUESDAY -> "Thứ Ba";
            case WEDNESDAY -> "Thứ Tư";
            case THURSDAY -> "Thứ Năm";
            case FRIDAY -> "Thứ Sáu";
            case SATURDAY -> "Thứ Bảy";
            case SUNDAY -> "Chủ nhật";
        };
    }

    public String format(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public String getDueDateText() {
        if (deadline == null) {
            return null;
        }
        return deadline.due().map(d -> message("calendar.due", weekday(d) + " " + DAY.format(d)))
                .orElseGet(() -> message("calendar.paused"));
    }

    public List<String> getDueDateWarnings() {
        return deadline == null ? List.of() : deadline.warnings();
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public LocalDate getDayDate() {
        return dayDate;
    }

    public void setDayDate(LocalDate dayDate) {
        this.dayDate = dayDate;
    }

    public DayKind getDayKind() {
        return dayKind;
    }

    public void setDayKind(DayKind dayKind) {
        this.dayKind = dayKind;
    }

    public String getDayName() {
        return dayName;
    }

    public void setDayName(String dayName) {
        this.dayName = dayName;
    }

    public String getDayLegalBasis() {
        return dayLegalBasis;
    }

    public void setDayLegalBasis(String dayLegalBasis) {
        this.dayLegalBasis = dayLegalBasis;
    }

    public boolean isForce() {
        return force;
    }

    public void setForce(boolean force) {
        this.force = force;
    }

    public String getConfirmLegalBasis() {
        return confirmLegalBasis;
    }

    public void setConfirmLegalBasis(String confirmLegalBasis) {
        this.confirmLegalBasis = confirmLegalBasis;
    }

    public String getConfirmNote() {
        return confirmNote;
    }

    public void setConfirmNote(String confirmNote) {
        this.confirmNote = confirmNote;
    }

    public LocalDate getStart() {
        return start;
    }

    public void setStart(LocalDate start) {
        this.start = start;
    }

    public int getAmount() {
        return amount;
    }

    public void setAmount(int amount) {
        this.amount = amount;
    }

    public DayUnit getUnit() {
        return unit;
    }

    public void setUnit(DayUnit unit) {
        this.unit = unit;
    }
}
