package vn.ccn.dms.calendar.application;

import jakarta.ejb.Stateless;
import java.time.LocalDate;
import java.util.List;
import vn.ccn.dms.calendar.domain.WorkingCalendar;

/** TEMPORARY compile stub; replaced by the calendar branch. */
@Stateless
public class CalendarService {
    public WorkingCalendar calendar(LocalDate from, LocalDate to) {
        return WorkingCalendar.of(List.of());
    }
}
