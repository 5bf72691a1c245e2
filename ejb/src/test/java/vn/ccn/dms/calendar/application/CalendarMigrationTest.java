package vn.ccn.dms.calendar.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ccn.dms.calendar.domain.CalendarDay;
import vn.ccn.dms.calendar.domain.StatutoryHolidays;
import vn.ccn.dms.platform.MigratedPostgres;

/** V30 on a real PostgreSQL: the seeded years are what the rules and the notices say, and the constraints hold. */
class CalendarMigrationTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void migrate() throws Exception {
        postgres = MigratedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static List<String> days(int year) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement s = c.prepareStatement("select day, kind from calendar_day where year = ? order by day")) {
            s.setInt(1, year);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getObject(1, LocalDate.class) + " " + rs.getString(2));
                }
            }
            return rows;
        }
    }

    private static String status(int year) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement s = c.prepareStatement("select status from calendar_year where year = ?")) {
            s.setInt(1, year);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void year2027IsExactlyTheStatutoryProposal() throws SQLException {
        assertEquals("PROPOSED", status(2027));
        List<String> expected = StatutoryHolidays.propose(2027).days().stream()
                .map(d -> d.date() + " " + d.kind()).toList();
        assertEquals(expected, days(2027));
    }

    @Test
    void year2025IsConfirmedWithTheOfficialDays() throws SQLException {
        assertEquals("CONFIRMED", status(2025));
        assertEquals(List.of("2025-01-01 HOLIDAY", "2025-01-27 HOLIDAY", "2025-01-28 HOLIDAY", "2025-01-29 HOLIDAY",
                "2025-01-30 HOLIDAY", "2025-01-31 HOLIDAY", "2025-04-07 HOLIDAY", "2025-04-26 WORKING_SWAP",
                "2025-04-30 HOLIDAY", "2025-05-01 HOLIDAY", "2025-05-02 EXTRA_DAY_OFF", "2025-09-01 HOLIDAY",
                "2025-09-02 HOLIDAY"), days(2025));
    }

    @Test
    void year2026IsProposedUntilNationalDayIsChecked() throws SQLException {
        assertEquals("PROPOSED", status(2026));
        // Where the notice and the rules agree (Tết 16-20 February), the seed has the rule's days.
        List<String> tet = StatutoryHolidays.propose(2026).days().stream().map(CalendarDay::date)
                .filter(d -> d.getMonthValue() == 2).map(d -> d + " HOLIDAY").toList();
        assertEquals(tet, days(2026).stream().filter(r -> r.startsWith("2026-02")).toList());
        assertEquals(14, days(2026).size());
    }

    @Test
    void constraintsRefuseForeignDatesAndUnsignedConfirmations() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                    "insert into calendar_day (day, year, kind, name_vi) values (date '2026-01-05', 2025, 'HOLIDAY', 'x')"));
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                    "insert into calendar_year (year, status) values (2030, 'CONFIRMED')"));
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                    "insert into calendar_day (day, year, kind, name_vi) values (date '2026-03-05', 2026, 'HALF_DAY', 'x')"));
        }
    }
}
