package vn.ccn.dms.it.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.ccn.dms.it.Api;
import vn.ccn.dms.it.Deployments;
import vn.ccn.dms.it.Fixtures;

/**
 * The working-day calendar through the API: the seeded years, an administrator who proposes, edits and confirms a
 * year while the due-date endpoint follows, and the refusals (403 for non-administrators, 400 for bad dates), all
 * as problem JSON in Vietnamese. Works on 2031, a year no other test uses, reset by a forced proposal first.
 */
@ExtendWith(ArquillianExtension.class)
class CalendarApiIT {

    private static final String YEAR = "api/v1/calendar/years/2031";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void fixtures() {
        Fixtures.load();
    }

    @Test
    void seededYearsAndTet2026() {
        Api reader = Fixtures.user("reader.sct");
        Api.Answer due = reader.get("api/v1/calendar/due-date?start=2026-02-10&amount=5&unit=WORKING_DAYS");
        assertEquals(200, due.status(), due::toString);
        // 11, 12, 13 February; 14-22 February off (weekends and Tết 16-20); 23, 24 February.
        assertEquals("2026-02-24", due.json().getString("dueDate"), due::toString);
        assertEquals("05 ngày làm việc", due.json().getString("limitVi"));

        JsonObject y2025 = Fixtures.admin().get("api/v1/calendar/years/2025").json();
        assertEquals("CONFIRMED", y2025.getString("status"), y2025::toString);
        assertEquals(13, y2025.getJsonArray("days").size(), y2025::toString);
        assertTrue(y2025.getString("legalBasis").contains("8726/VPCP-KGVX"), y2025::toString);
        JsonObject swap = y2025.getJsonArray("days").stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("date").equals("2025-04-26")).findFirst().orElseThrow();
        assertEquals("WORKING_SWAP", swap.getString("kind"));
        assertEquals("Thứ Bảy", swap.getString("weekdayVi"));
    }

    @Test
    void administratorMaintainsAYearAndDueDatesFollow() {
        Api admin = Fixtures.admin();
        Api.Answer proposed = admin.postJson(YEAR + "/proposal?force=true", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, proposed.status(), proposed::toString);
        assertEquals("PROPOSED", proposed.json().getString("status"));
        assertEquals(11, proposed.json().getJsonArray("days").stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("kind").equals("HOLIDAY")).count(), proposed::toString);

        // Monday 3 March 2031 + 3 working days: Thursday 6 March, with a warning: the year is only proposed.
        JsonObject before = dueDate("2031-03-03", 3);
        assertEquals("2031-03-06", before.getString("dueDate"), before::toString);
        assertEquals(1, before.getJsonArray("warnings").size(), before::toString);
        assertTrue(before.getJsonArray("warnings").getString(0).startsWith("Lịch nghỉ lễ năm 2031 chưa được quản trị viên"
                + " xác nhận"), before::toString);

        // An extra day off on Wednesday 5 March moves the due date to Friday 7 March.
        Answer put = send("PUT", YEAR + "/days/2031-03-05", adminAuth(), Json.createObjectBuilder()
                .add("kind", "EXTRA_DAY_OFF").add("nameVi", "Nghỉ thêm theo thông báo (thử nghiệm)")
                .add("legalBasis", "Thông báo thử nghiệm 1/TB").build());
        assertEquals(200, put.status(), put::toString);
        assertEquals("2031-03-07", dueDate("2031-03-03", 3).getString("dueDate"));

        // Confirmed: no warning any more; a new proposal would overwrite checked data and is refused.
        Api.Answer confirmed = admin.postJson(YEAR + "/confirmation", Json.createObjectBuilder()
                .add("legalBasis", "Thông báo thử nghiệm 1/TB").add("note", "Đã đối chiếu (thử nghiệm)").build());
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertEquals("CONFIRMED", confirmed.json().getString("status"));
        assertEquals("admin", confirmed.json().getString("confirmedBy"));
        JsonObject after = dueDate("2031-03-03", 3);
        assertEquals("2031-03-07", after.getString("dueDate"));
        assertEquals(0, after.getJsonArray("warnings").size(), after::toString);
        Api.Answer again = admin.postJson(YEAR + "/proposal", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(409, again.status(), again::toString);
        assertTrue(again.contentType().startsWith("application/problem+json"), again::toString);
        assertTrue(again.json().getString("detail").contains("đã được xác nhận"), again::toString);

        Answer removed = send("DELETE", YEAR + "/days/2031-03-05", adminAuth(), null);
        assertEquals(200, removed.status(), removed::toString);
        assertEquals("2031-03-06", dueDate("2031-03-03", 3).getString("dueDate"));
        Answer removedTwice = send("DELETE", YEAR + "/days/2031-03-05", adminAuth(), null);
        assertEquals(404, removedTwice.status(), removedTwice::toString);

        // Every change is in the audit trail of the year.
        List<String> actions = admin.get("api/v1/audit?actor=admin&size=200").array().stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("objectType").equals("calendar-year") && e.getString("objectId").equals("2031"))
                .map(e -> e.getString("action")).toList();
        assertTrue(actions.containsAll(List.of("CALENDAR_PROPOSE", "CALENDAR_DAY_ADD", "CALENDAR_CONFIRM",
                "CALENDAR_DAY_REMOVE")), actions::toString);
    }

    @Test
    void onlyAdministratorsChangeTheCalendar() {
        String clerk = basic("clerk.sct", Fixtures.PASSWORD);
        Answer put = send("PUT", YEAR + "/days/2031-03-10", clerk, Json.createObjectBuilder().add("kind", "HOLIDAY")
                .add("nameVi", "Không được phép").build());
        assertEquals(403, put.status(), put::toString);
        assertTrue(put.contentType().startsWith("application/problem+json"), put::toString);
        assertEquals("Không có quyền thực hiện", Json.createReader(new java.io.StringReader(put.text())).readObject()
                .getString("title"), put::toString);
        Api.Answer propose = Fixtures.user("clerk.sct").postJson(YEAR + "/proposal?force=true", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(403, propose.status(), propose::toString);
        assertTrue(propose.contentType().startsWith("application/problem+json"), propose::toString);
        assertEquals(403, Fixtures.user("leader.sct").postJson(YEAR + "/confirmation", Json.createObjectBuilder()
                .add("legalBasis", "x").build()).status());
        assertEquals(403, send("DELETE", YEAR + "/days/2031-01-01", clerk, null).status());
    }

    @Test
    void badDatesAreRefusedInVietnamese() {
        Api reader = Fixtures.user("reader.sct");
        Api.Answer badStart = reader.get("api/v1/calendar/due-date?start=31/12/2025&amount=5&unit=WORKING_DAYS");
        assertEquals(400, badStart.status(), badStart::toString);
        assertTrue(badStart.contentType().startsWith("application/problem+json"), badStart::toString);
        assertEquals("Dữ liệu không hợp lệ", badStart.json().getString("title"));
        assertTrue(badStart.json().getJsonArray("errors").getString(0).startsWith("start: ngày bắt đầu"), badStart::toString);

        Api.Answer badUnitAndAmount = reader.get("api/v1/calendar/due-date?start=2026-01-05&amount=-1&unit=WEEKS");
        assertEquals(400, badUnitAndAmount.status(), badUnitAndAmount::toString);
        assertEquals(2, badUnitAndAmount.json().getJsonArray("errors").size(), badUnitAndAmount::toString);

        Answer impossible = send("PUT", YEAR + "/days/2031-02-30", adminAuth(), Json.createObjectBuilder()
                .add("kind", "HOLIDAY").add("nameVi", "Ngày không có").build());
        assertEquals(400, impossible.status(), impossible::toString);
        assertTrue(impossible.text().contains("Ngày không hợp lệ"), impossible::toString);

        Answer otherYear = send("PUT", YEAR + "/days/2030-05-05", adminAuth(), Json.createObjectBuilder()
                .add("kind", "HOLIDAY").add("nameVi", "Sai năm").build());
        assertEquals(400, otherYear.status(), otherYear::toString);
        assertTrue(otherYear.text().contains("không thuộc năm 2031"), otherYear::toString);

        Api.Answer badYear = Fixtures.admin().get("api/v1/calendar/years/hai-nghin");
        assertEquals(400, badYear.status(), badYear::toString);
        assertTrue(badYear.json().getString("detail").contains("Năm không hợp lệ"), badYear::toString);
    }

    private static JsonObject dueDate(String start, int workingDays) {
        Api.Answer a = Fixtures.user("specialist.sct").get("api/v1/calendar/due-date?start=" + start + "&amount="
                + workingDays + "&unit=WORKING_DAYS");
        assertEquals(200, a.status(), a::toString);
        return a.json();
    }

    // Api has no PUT or DELETE; these two verbs are sent here the same way (Basic authentication, JSON body).

    private record Answer(int status, String contentType, String text) {
    }

    private static String adminAuth() {
        return basic("admin", System.getenv("DMS_BOOTSTRAP_ADMIN_PASSWORD"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Answer send(String method, String path, String authorization, JsonObject body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(Api.BASE.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization);
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
