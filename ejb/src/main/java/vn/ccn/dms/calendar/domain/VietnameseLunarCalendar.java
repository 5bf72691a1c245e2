package vn.ccn.dms.calendar.domain;

import java.time.LocalDate;
import java.time.temporal.JulianFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from the astronomy rather than from a table.
 *
 * <p>The rules, as the calendar has been kept in Vietnam since 1968:
 * <ul>
 * <li>A month begins on the civil day, in UTC+7, on which the new moon (conjunction) falls. Vietnam changed
 * from UTC+8 to UTC+7 for its calendar in 1968; this is why some years differ from the Chinese calendar
 * (Tết 1985 fell on 21 January in Vietnam and 20 February in China; Tết 2007 on 17 and 18 February).</li>
 * <li>The eleventh month is the month that contains the winter solstice (the sun at 270° of ecliptic
 * longitude).</li>
 * <li>When thirteen months lie between two eleventh months, the first of them after the eleventh that
 * contains no major solar term (trung khí: a multiple of 30° of solar longitude) is the leap month and
 * takes the number of the month before it.</li>
 * </ul>
 *
 * <p>New moons come from the periodic terms of J. Meeus, <i>Astronomical Algorithms</i> (2nd ed.), ch. 49
 * (error under a minute in this era), with ΔT from the Espenak–Meeus polynomials; the solar longitude from
 * Meeus ch. 25 (low accuracy, about 0.01°, i.e. a quarter of an hour). A new moon or a solar term within a few
 * minutes of local midnight could therefore fall on the wrong day; no such case occurs in the tested years,
 * and the holiday data of each year is confirmed by an administrator anyway. Supported: solar years
 * {@value #FIRST_YEAR}–{@value #LAST_YEAR}.
 */
public final class VietnameseLunarCalendar {

    public static final int FIRST_YEAR = 1968;
    public static final int LAST_YEAR = 2199;

    /** Vietnam's civil time for the calendar: UTC+7, in days. */
    private static final double ZONE_OFFSET_DAYS = 7.0 / 24.0;
    private static final double SYNODIC_MONTH = 29.530588861;
    /** Meeus' epoch of lunation k = 0: the new moon of 6 January 2000. */
    private static final double LUNATION_EPOCH_JDE = 2451550.09766;

    /** A date of the lunar calendar; {@code leap} marks the intercalary month (tháng nhuận). */
    public record LunarDate(int year, int month, int day, boolean leap) {
        public LunarDate {
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("lunar month must be 1-12, was " + month);
            }
            if (day < 1 || day > 30) {
                throw new IllegalArgumentException("lunar day must be 1-30, was " + day);
            }
        }

        public static LunarDate of(int year, int month, int day) {
            return new LunarDate(year, month, day, false);
        }

        /** "10/3 Ất Tỵ" or "1/6 nhuận Ất Tỵ". */
        public String textVi() {
            return day + "/" + month + (leap ? " nhuận " : " ") + VietnameseLunarCalendar.yearNameVi(year);
        }
    }

    private VietnameseLunarCalendar() {
    }

    /** The lunar date of a solar date. */
    public static LunarDate toLunar(LocalDate date) {
        Objects.requireNonNull(date, "date");
        checkRange(date.getYear());
        long day = dayNumber(date);
        int y = date.getYear();
        long k11 = month11Lunation(y);
        int cycleYear = y;
        if (newMoonDay(k11) > day) {
            cycleYear = y - 1;
            k11 = month11Lunation(cycleYear);
        }
        long k = k11;
        while (newMoonDay(k + 1) <= day) {
            k++;
        }
        Month month = monthsOfCycle(cycleYear).get((int) (k - k11));
        return new LunarDate(month.lunarYear, month.number, (int) (day - newMoonDay(k)) + 1, month.leap);
    }

    /** The solar date of a lunar date. */
    public static LocalDate toSolar(LunarDate date) {
        Objects.requireNonNull(date, "date");
        // Months 11 and 12 of lunar year Y belong to the cycle that starts at the month 11 of solar year Y;
        // months 1-10 to the cycle of the year before.
        int cycleYear = date.month() >= 11 ? date.year() : date.year() - 1;
        checkRange(cycleYear);
        for (Month m : monthsOfCycle(cycleYear)) {
            if (m.lunarYear == date.year() && m.number == date.month() && m.leap == date.leap()) {
                if (date.day() > m.length) {
                    throw new IllegalArgumentException("lunar month " + date.month() + "/" + date.year() + " has only "
                            + m.length + " days");
                }
                return fromDayNumber(m.firstDay + date.day() - 1);
            }
        }
        throw new IllegalArgumentException("no " + (date.leap() ? "leap " : "") + "month " + date.month()
                + " in lunar year " + date.year());
    }

    /** The first day of the lunar year that begins in solar year {@code year} (Tết Nguyên đán). */
    public static LocalDate newYear(int year) {
        return toSolar(LunarDate.of(year, 1, 1));
    }

    /** The leap month of a lunar year, or 0 when the year has none. */
    public static int leapMonth(int lunarYear) {
        for (int cycleYear : new int[] {lunarYear - 1, lunarYear}) {
            for (Month m : monthsOfCycle(cycleYear)) {
                if (m.leap && m.lunarYear == lunarYear) {
                    return m.number;
                }
            }
        }
        return 0;
    }

    /** The sexagenary name of a lunar year, e.g. "Ất Tỵ" for 2025. */
    public static String yearNameVi(int lunarYear) {
        String[] stems = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
        String[] branches = {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"};
        return stems[Math.floorMod(lunarYear + 6, 10)] + " " + branches[Math.floorMod(lunarYear + 8, 12)];
    }

    // --- the months between two eleventh months -------------------------------------------------------------

    private record Month(int lunarYear, int number, boolean leap, long firstDay, int length) {
    }

    /** The months from the month 11 of solar year {@code y} up to (not including) the next month 11. */
    private static List<Month> monthsOfCycle(int y) {
        long k11 = month11Lunation(y);
        long kNext = month11Lunation(y + 1);
        int count = (int) (kNext - k11);
        int leapIndex = -1;
        if (count == 13) {
            for (int i = 1; i < count; i++) {
                if (!containsMajorTerm(k11 + i)) {
                    leapIndex = i;
                    break;
                }
            }
        }
        List<Month> months = new ArrayList<>(count);
        int number = 11;
        int lunarYear = y;
        for (int i = 0; i < count; i++) {
            boolean leap = i == leapIndex;
            if (i > 0 && !leap) {
                number++;
                if (number == 13) {
                    number = 1;
                    lunarYear = y + 1;
                }
            }
            long first = newMoonDay(k11 + i);
            months.add(new Month(lunarYear, number, leap, first, (int) (newMoonDay(k11 + i + 1) - first)));
        }
        return months;
    }

    /** The lunation whose month contains the December solstice of solar year {@code y}. */
    private static long month11Lunation(int y) {
        long dec31 = dayNumber(LocalDate.of(y, 12, 31));
        long k = (long) Math.floor((dec31 - LUNATION_EPOCH_JDE) / SYNODIC_MONTH);
        while (newMoonDay(k) > dec31) {
            k--;
        }
        while (newMoonDay(k + 1) <= dec31) {
            k++;
        }
        // k is the last new moon of December. If the sun already stood past 270° when that month began, the
        // solstice lies in the month before.
        return solarTermIndex(newMoonDay(k)) >= 9 ? k - 1 : k;
    }

    /** Whether the month beginning with lunation k contains a major solar term. */
    private static boolean containsMajorTerm(long k) {
        return solarTermIndex(newMoonDay(k)) != solarTermIndex(newMoonDay(k + 1));
    }

    /** Which 30° sector of solar longitude the sun is in at the start (local midnight) of a civil day: 0-11. */
    private static int solarTermIndex(long dayNumber) {
        double jdUt = dayNumber - 0.5 - ZONE_OFFSET_DAYS;
        return (int) Math.floor(apparentSolarLongitude(jdUt) / 30.0);
    }

    // --- astronomy ---------------------------------------------------------------------------------------------

    /** The civil day (Julian day number) in UTC+7 on which new moon k (Meeus' numbering) falls. */
    static long newMoonDay(long k) {
        double jde = newMoonJde(k);
        double jdUt = jde - deltaTSeconds(jde) / 86400.0;
        return (long) Math.floor(jdUt + 0.5 + ZONE_OFFSET_DAYS);
    }

    /** Julian Ephemeris Day of true new moon k: Meeus ch. 49, mean phase plus the periodic and planetary terms. */
    static double newMoonJde(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = LUNATION_EPOCH_JDE + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double om = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
        double c = -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(om)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f)
                + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f)
                - 0.00002 * Math.sin(3 * mp + m)
                + 0.00002 * Math.sin(4 * mp);
        double[][] planetary = {
            {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
            {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
            {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
            {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
            {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};
        double a = 0;
        for (int i = 0; i < planetary.length; i++) {
            double arg = planetary[i][0] + planetary[i][1] * k - (i == 0 ? 0.009173 * t2 : 0);
            a += planetary[i][2] * Math.sin(rad(arg));
        }
        return jde + c + a;
    }

    /** Apparent geometric longitude of the sun in degrees [0, 360): Meeus ch. 25, low accuracy. */
    static double apparentSolarLongitude(double jd) {
        double t = (jd - 2451545.0) / 36525.0;
        double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        double m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * m)
                + 0.000289 * Math.sin(3 * m);
        double omega = rad(125.04 - 1934.136 * t);
        double lambda = l0 + c - 0.00569 - 0.00478 * Math.sin(omega);
        double normalized = lambda % 360.0;
        return normalized < 0 ? normalized + 360.0 : normalized;
    }

    /** ΔT = TT − UT in seconds, Espenak–Meeus polynomials (NASA eclipse pages), by decimal year. */
    static double deltaTSeconds(double jde) {
        double y = 2000.0 + (jde - 2451544.5) / 365.2425;
        if (y < 1961) {
            double t = y - 1950;
            return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
        }
        if (y < 1986) {
            double t = y - 1975;
            return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
        }
        if (y < 2005) {
            double t = y - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * Math.pow(t, 3) + 0.000651814 * Math.pow(t, 4)
                    + 0.00002373599 * Math.pow(t, 5);
        }
        if (y < 2050) {
            double t = y - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        double u = (y - 1820) / 100;
        if (y < 2150) {
            return -20 + 32 * u * u - 0.5628 * (2150 - y);
        }
        return -20 + 32 * u * u;
    }

    private static double rad(double degrees) {
        return Math.toRadians(degrees % 360.0);
    }

    private static long dayNumber(LocalDate date) {
        return date.getLong(JulianFields.JULIAN_DAY);
    }

    private static LocalDate fromDayNumber(long jdn) {
        return LocalDate.MIN.with(JulianFields.JULIAN_DAY, jdn);
    }

    private static void checkRange(int year) {
        if (year < FIRST_YEAR - 1 || year > LAST_YEAR) {
            throw new IllegalArgumentException("the lunar calendar is computed for " + FIRST_YEAR + "-" + LAST_YEAR
                    + " only, not " + year);
        }
    }
}
