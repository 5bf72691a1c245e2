package vn.ccn.dms.dossier.infrastructure.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as Vietnamese administrative documents write them. Decree 30/2020/NĐ-CP Appendix I,
 * section II.5 (place and date line): "ngày ... tháng ... năm ...", with a leading zero for days below 10
 * and for months 1 and 2 only ("ngày 05 tháng 02", but "tháng 11" and "tháng 3"). A missing value prints as
 * a dotted blank to be filled in by hand.
 */
final class VietnameseDates {

    static final String BLANK = "……";
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter SHORT_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    private VietnameseDates() {
    }

    /** "ngày 05 tháng 02 năm 2026"; dotted when {@code date} is null. */
    static String longDate(LocalDate date) {
        if (date == null) {
            return "ngày " + BLANK + " tháng " + BLANK + " năm " + BLANK;
        }
        int month = date.getMonthValue();
        return "ngày " + String.format(Locale.ROOT, "%02d", date.getDayOfMonth())
                + " tháng " + (month <= 2 ? String.format(Locale.ROOT, "%02d", month) : Integer.toString(month))
                + " năm " + date.getYear();
    }

    /** The place and date line: "Lạng Sơn, ngày 24 tháng 11 năm 2026". */
    static String dateLine(String place, LocalDate date) {
        String where = place == null || place.isBlank() ? BLANK : place.strip();
        return where + ", " + longDate(date);
    }

    /** "08 giờ 30 phút, ngày 24 tháng 11 năm 2026" in {@code zone}; dotted when {@code at} is null. */
    static String longTime(Instant at, ZoneId zone) {
        if (at == null) {
            return BLANK + " giờ " + BLANK + " phút, " + longDate(null);
        }
        ZonedDateTime local = at.atZone(zone);
        return String.format(Locale.ROOT, "%02d giờ %02d phút, ", local.getHour(), local.getMinute())
                + longDate(local.toLocalDate());
    }

    /** "24/11/2026", or empty when null: for table cells. */
    static String shortDate(LocalDate date) {
        return date == null ? "" : SHORT_DATE.format(date);
    }

    /** "24/11/2026 08:30" in {@code zone}, or empty when null: for table cells. */
    static String shortDateTime(Instant at, ZoneId zone) {
        return at == null ? "" : SHORT_DATE_TIME.format(at.atZone(zone));
    }

    /** The date part of {@code at} in {@code zone}, or null. */
    static LocalDate localDate(Instant at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toLocalDate();
    }
}
