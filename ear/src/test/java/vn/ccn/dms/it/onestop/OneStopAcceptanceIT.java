package vn.ccn.dms.it.onestop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.ccn.dms.it.Api;
import vn.ccn.dms.it.Deployments;
import vn.ccn.dms.it.Fixtures;
import vn.ccn.dms.it.TestFiles;

/**
 * Issue 5's acceptance scenario, end to end through the API on the real EAR: a commune's establishment dossier is
 * received at SCT, opinion requests go to the eight appraising roles, six reply (one with conditions), two stay
 * silent and are deemed agreed at the deadline by the timer, the appraisal report and the Provincial People's
 * Committee's decision are registered, copies reach SCT and the Ministry by rule, every step is on time and the
 * control slip prints. Then the same with a filing date after 15 September 2026 shows the Decree 303 clock.
 *
 * <p>The application's clock is moved by the test (the test domain runs with {@code dms.clock.adjustable=true}):
 * the deadline really passes for the timer, nothing is called directly.
 */
@ExtendWith(ArquillianExtension.class)
class OneStopAcceptanceIT {

    static final String PPC = "000.00.00.H37"; // the bootstrap agency: Ủy ban nhân dân tỉnh Lạng Sơn
    static final String CONSTRUCTION = "000.00.14.H37";
    static final String AGRI_ENV = "000.00.15.H37";
    static final String POLICE = "000.00.16.H37";
    static final String MILITARY = "000.00.17.H37";
    static final String MINISTRY = "000.00.00.G12";
    static final List<String> APPRAISING = List.of("AGRICULTURE", "CONSTRUCTION", "FINANCE", "MILITARY_COMMAND",
            "NATURAL_RESOURCES_ENVIRONMENT", "PLANNING_INVESTMENT", "PROVINCIAL_POLICE", "TRANSPORT");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void fixtures() {
        Fixtures.load();
        Api admin = Fixtures.admin();
        agency(admin, PPC, "Ủy ban nhân dân tỉnh Lạng Sơn", "UBND", "PROVINCE", "ubt");
        agency(admin, CONSTRUCTION, "Sở Xây dựng tỉnh Lạng Sơn", "SXD", "DEPARTMENT", "sxd");
        agency(admin, AGRI_ENV, "Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn", "SNNMT", "DEPARTMENT", "snnmt");
        agency(admin, POLICE, "Công an tỉnh Lạng Sơn", "CAT", "DEPARTMENT", "cat");
        agency(admin, MILITARY, "Bộ Chỉ huy quân sự tỉnh Lạng Sơn", "BCHQS", "DEPARTMENT", "bchqs");
        agency(admin, MINISTRY, "Bộ Công Thương", "BCT", "CENTRAL", "bct");
        // Who holds which role after the 2025 mergers: finance also holds planning & investment, construction holds
        // transport, agriculture and environment are one department (BRIEF §2). Data, not code.
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("INDUSTRY_TRADE", Fixtures.SCT);
        roles.put("PROVINCIAL_PEOPLES_COMMITTEE", PPC);
        roles.put("COMMUNE_PEOPLES_COMMITTEE", Fixtures.COMMUNE);
        roles.put("FINANCE", Fixtures.STC);
        roles.put("PLANNING_INVESTMENT", Fixtures.STC);
        roles.put("CONSTRUCTION", CONSTRUCTION);
        roles.put("TRANSPORT", CONSTRUCTION);
        roles.put("NATURAL_RESOURCES_ENVIRONMENT", AGRI_ENV);
        roles.put("AGRICULTURE", AGRI_ENV);
        roles.put("PROVINCIAL_POLICE", POLICE);
        roles.put("MILITARY_COMMAND", MILITARY);
        roles.put("MINISTRY_INDUSTRY_TRADE", MINISTRY);
        for (Map.Entry<String, String> e : roles.entrySet()) {
            boolean held = admin.get("api/v1/role-assignments/holders?role=" + e.getKey() + "&date=2026-06-01").array()
                    .stream().map(JsonObject.class::cast).anyMatch(a -> a.getString("code").equals(e.getValue()));
            if (!held) {
                ok(admin.postJson("api/v1/role-assignments", Json.createObjectBuilder().add("roleCode", e.getKey())
                        .add("agencyCode", e.getValue()).add("validFrom", "2025-07-01").build()), 201);
            }
        }
        int ccn = admin.postJson("api/v1/ccns", Json.createObjectBuilder().add("code", "CCN-HL-01")
                .add("name", "Cụm công nghiệp Hữu Lũng 1").add("communeAgencyCode", Fixtures.COMMUNE).build()).status();
        assertTrue(ccn == 201 || ccn == 409, "ccn " + ccn);
    }

    @AfterEach
    void realTime() {
        Fixtures.admin().putJson("api/v1/operations/clock", Json.createObjectBuilder().add("now", JsonValue.NULL).build());
    }

    @Test
    void establishmentDossierUnderDecree32FromReceptionToDecisionWithDeemedConsent() throws IOException {
        setClock("2026-06-01T09:00:00+07:00"); // a Monday, before Decree 303/2026 takes effect
        Api clerk = Fixtures.user("clerk.sct");
        Api specialist = Fixtures.user("specialist.sct");

        // 1. The commune submits; the SCT desk receives it with the checklist. A double click gives the same dossier.
        JsonObject submission = newDossier("sub-" + System.nanoTime());
        Api.Answer received = clerk.postJson("api/v1/dossiers", submission);
        assertEquals(201, received.status(), received::toString);
        JsonObject dossier = received.json();
        long id = dossier.getJsonNumber("id").longValue();
        String code = dossier.getString("code");
        assertTrue(code.matches("000\\.00\\.12\\.H37-260601-\\d{4}"), code);
        assertEquals("ND32-2024", dossier.getString("ruleSetCode"));
        Api.Answer again = clerk.postJson("api/v1/dossiers", submission);
        assertEquals(200, again.status(), again::toString);
        assertEquals(id, again.json().getJsonNumber("id").longValue());

        // An invalid transition is refused with a clear message; a reader may not accept.
        Api.Answer early = specialist.postJson("api/v1/dossiers/" + id + "/actions/FINISH", Json.createObjectBuilder().build());
        assertEquals(409, early.status(), early::toString);
        assertTrue(early.json().getString("detail").contains("Không thể"), early::toString);
        assertEquals(403, Fixtures.user("reader.sct").postJson("api/v1/dossiers/" + id + "/actions/ACCEPT",
                Json.createObjectBuilder().build()).status());

        // 2. Accepted: 25 days of appraisal from the receipt, then 7 working days for the decision.
        dossier = ok(clerk.postJson("api/v1/dossiers/" + id + "/actions/ACCEPT", Json.createObjectBuilder().build()), 200).json();
        assertEquals("2026-07-07", dossier.getString("appointmentOn"));
        assertEquals("2026-06-26", step(dossier, "APPRAISE").getString("dueOn"));
        Api.Answer slip = clerk.get("api/v1/dossiers/" + id + "/forms/01");
        assertEquals(200, slip.status(), slip::toString);
        String slipText = text(slip.body());
        assertTrue(slipText.contains(code) && slipText.contains("ngày 07 tháng 7 năm 2026"), slipText);
        dossier = ok(clerk.postJson("api/v1/dossiers/" + id + "/actions/FORWARD", Json.createObjectBuilder().build()), 200).json();
        assertEquals("PROCESSING", dossier.getString("status"));
        // What each role may do now comes from the transition table: the desk nothing, the specialist three actions.
        assertEquals(List.of(), dossier.getJsonArray("allowedActions").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(List.of("FINISH", "REFUSE", "REQUEST_SUPPLEMENT"), specialist.get("api/v1/dossiers/" + id).json()
                .getJsonArray("allowedActions").getValuesAs(jakarta.json.JsonString::getString));

        // The public page: status and appointment, no personal data; tampered codes get nothing.
        Api anonymous = Api.anonymous();
        JsonObject status = ok(anonymous.get("api/v1/public/dossiers/" + code), 200).json();
        assertEquals("PROCESSING", status.getString("status"));
        assertEquals("2026-07-07", status.getString("appointmentOn"));
        assertFalse(status.toString().contains("Hữu Lũng"), status::toString);
        for (String tampered : List.of(code.substring(0, code.length() - 1) + "9", "x' or '1'='1", code + "%00",
                "../../etc/passwd", "A".repeat(300))) {
            Api.Answer t = anonymous.get("api/v1/public/dossiers/" + java.net.URLEncoder.encode(tampered,
                    java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            // 404 or 400 from the page's checks; 401 when the encoded slashes leave the public path altogether.
            assertTrue(Set.of(400, 401, 404).contains(t.status()), tampered + " → " + t);
            assertFalse(t.text().contains("Hữu Lũng"), t::toString);
            assertFalse(t.text().contains("Exception"), t::toString);
        }

        // 3. Opinion requests to the eight appraising roles, carried by one numbered letter.
        long letter = draft(specialist, "CV", "Xin ý kiến thẩm định hồ sơ thành lập Cụm công nghiệp Hữu Lũng 1");
        Api.Answer unknownRole = specialist.postJson("api/v1/dossiers/" + id + "/opinion-requests", Json.createObjectBuilder()
                .add("letterDocumentId", letter).add("stepCode", "APPRAISE")
                .add("roles", Json.createArrayBuilder().add("INVESTMENT_PROMOTION_CENTRE").add("NO_SUCH_ROLE")).build());
        assertEquals(400, unknownRole.status(), unknownRole::toString);
        assertTrue(unknownRole.text().contains("không có cơ quan nào giữ vai trò INVESTMENT_PROMOTION_CENTRE"), unknownRole::toString);
        assertTrue(unknownRole.text().contains("không có vai trò chức năng NO_SUCH_ROLE"), unknownRole::toString);
        JsonArray created = ok(specialist.postJson("api/v1/dossiers/" + id + "/opinion-requests", Json.createObjectBuilder()
                .add("letterDocumentId", letter).add("stepCode", "APPRAISE").build()), 201).array();
        // One request per role and holder on the date. Other test classes may have given a role a second holder
        // (DirectoryApiIT does for planning & investment), so the expectation is read from the directory.
        Map<String, Set<String>> holders = new LinkedHashMap<>();
        for (String role : APPRAISING) {
            holders.put(role, Fixtures.admin().get("api/v1/role-assignments/holders?role=" + role + "&date=2026-06-01")
                    .array().stream().map(JsonObject.class::cast).map(a -> a.getString("code")).collect(Collectors.toSet()));
        }
        assertEquals(holders.values().stream().mapToInt(Set::size).sum(), created.size(), created::toString);
        assertTrue(holders.get("FINANCE").contains(Fixtures.STC) && holders.get("PLANNING_INVESTMENT").contains(Fixtures.STC),
                "one merged department holds two of the eight roles: " + holders);
        JsonArray requests = opinionRequests(specialist, id);
        Set<String> roles = requests.stream().map(JsonObject.class::cast).map(o -> o.getString("roleCode"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(APPRAISING), roles);
        assertTrue(requests.stream().map(JsonObject.class::cast).allMatch(o -> o.getString("state").equals("DRAFT")));
        ok(clerk.postJson("api/v1/documents/" + letter + "/number", Json.createObjectBuilder().add("unit", "QLCN").build()), 200);
        requests = opinionRequests(specialist, id);
        for (JsonValue v : requests) {
            JsonObject o = v.asJsonObject();
            assertEquals("OPEN", o.getString("state"), o::toString);
            assertEquals("2026-06-01", o.getString("sentOn"));
            assertEquals("2026-06-10", o.getString("replyDue"), "7 working days from 1 June 2026");
        }

        // 4. Six reply in time (one with conditions); military command and police stay silent.
        setClock("2026-06-05T10:00:00+07:00");
        Set<String> silent = Set.of("MILITARY_COMMAND", "PROVINCIAL_POLICE");
        List<JsonObject> answering = new ArrayList<>();
        for (JsonValue v : requests) {
            if (!silent.contains(v.asJsonObject().getString("roleCode"))) {
                answering.add(v.asJsonObject());
            }
        }
        assertEquals(created.size() - holders.get("MILITARY_COMMAND").size() - holders.get("PROVINCIAL_POLICE").size(),
                answering.size());
        assertTrue(answering.size() >= 6, "six roles answer: " + answering.size());
        for (int i = 0; i < answering.size(); i++) {
            JsonObject o = answering.get(i);
            String position = o.getString("roleCode").equals("CONSTRUCTION") ? "AGREE_WITH_CONDITIONS" : "AGREE";
            JsonObject reply = reply(o, position, "Điều kiện: bổ sung phương án đấu nối giao thông", "2026-06-04", i);
            assertEquals("ANSWERED", reply.getString("state"), reply::toString);
            assertEquals(position, reply.getString("position"));
            assertFalse(reply.getBoolean("late"));
        }

        // 5. The deadline passes: the timer closes the two silent requests as deemed agreed, citing the rule.
        setClock("2026-06-11T00:10:00+07:00");
        // Four callers race the node's own poller for the due timers: each must still fire exactly once.
        List<Thread> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> Fixtures.admin().postJson("api/v1/operations/scheduled-work/run",
                    Json.createObjectBuilder().build()));
            t.start();
            racers.add(t);
        }
        for (Thread t : racers) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        int silentCount = holders.get("MILITARY_COMMAND").size() + holders.get("PROVINCIAL_POLICE").size();
        JsonArray afterDeadline = awaitDeemed(specialist, id, silentCount);
        for (JsonValue v : afterDeadline) {
            JsonObject o = v.asJsonObject();
            if (silent.contains(o.getString("roleCode"))) {
                assertEquals("DEEMED_AGREED", o.getString("state"), o::toString);
                JsonObject full = ok(specialist.get("api/v1/opinion-requests/" + o.getJsonNumber("id")), 200).json();
                assertEquals("system", full.getString("closedBy"), full::toString);
                assertEquals("Được hiểu là đồng ý", full.getString("positionLabel"), full::toString);
            } else {
                assertEquals("ANSWERED", o.getString("state"), o::toString);
            }
        }
        JsonArray systemAudit = Json.createArrayBuilder().build();
        for (JsonValue v : afterDeadline) {
            JsonArray trail = ok(specialist.get("api/v1/opinion-requests/" + v.asJsonObject().getJsonNumber("id") + "/audit"),
                    200).array();
            systemAudit = Json.createArrayBuilder(systemAudit).addAll(Json.createArrayBuilder(trail)).build();
        }
        Set<String> silentIds = afterDeadline.stream().map(JsonObject.class::cast)
                .filter(o -> silent.contains(o.getString("roleCode"))).map(o -> o.getJsonNumber("id").toString())
                .collect(Collectors.toSet());
        List<JsonObject> deemedAudited = systemAudit.stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("action").equals("OPINION_DEEMED_AGREED"))
                .filter(a -> silentIds.contains(a.getString("objectId"))).toList();
        assertEquals(silentCount, deemedAudited.size(), systemAudit::toString);
        assertTrue(deemedAudited.stream().allMatch(a -> a.toString().contains("Điều 2.2.a")), deemedAudited::toString);
        awaitNotification(specialist, "OPINION_DEEMED", 2);
        awaitNotification(Fixtures.user(username("cat")), "OPINION_DEEMED", 1);
        // The reminder due the working day before the deadline (9 June, 08:00) reached the silent agency too.
        awaitNotification(Fixtures.user(username("cat")), "OPINION_REMINDER", 1);

        // A late reply from the police: attached, marked late, the consent stands.
        setClock("2026-06-12T09:00:00+07:00");
        JsonObject police = afterDeadline.stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("roleCode").equals("PROVINCIAL_POLICE")).findFirst().orElseThrow();
        JsonObject late = reply(police, "DISAGREE", "Chưa đủ hồ sơ phòng cháy", "2026-06-12", 9);
        assertEquals("DEEMED_AGREED", late.getString("state"), late::toString);
        assertTrue(late.getBoolean("late"));
        assertTrue(late.containsKey("replyDocumentId"), late::toString);

        // 6. The appraisal report: issued by SCT, the appraisal step done early.
        long report = draft(specialist, "BC", "Báo cáo thẩm định hồ sơ thành lập Cụm công nghiệp Hữu Lũng 1");
        ok(specialist.postJson("api/v1/dossiers/" + id + "/documents", Json.createObjectBuilder().add("documentId", report)
                .add("stepCode", "APPRAISE").add("role", "REPORT").build()), 200);
        ok(clerk.postJson("api/v1/documents/" + report + "/number", Json.createObjectBuilder().build()), 200);
        dossier = ok(specialist.postJson("api/v1/dossiers/" + id + "/steps/APPRAISE/completion",
                Json.createObjectBuilder().build()), 200).json();
        assertEquals("EARLY", step(dossier, "APPRAISE").getString("timeliness"));
        assertEquals("2026-06-23", step(dossier, "DECIDE").getString("dueOn"), "7 working days from 12 June");

        // 7. The Provincial People's Committee decides; copies reach SCT and the Ministry by rule.
        setClock("2026-06-16T09:00:00+07:00");
        Api ppcSpecialist = Fixtures.user(username("ubt"));
        long decision = draft(ppcSpecialist, "QĐ", "Quyết định thành lập Cụm công nghiệp Hữu Lũng 1");
        ok(ppcSpecialist.postJson("api/v1/dossiers/" + id + "/documents", Json.createObjectBuilder().add("documentId", decision)
                .add("stepCode", "DECIDE").add("role", "DECISION").build()), 200);
        JsonObject issued = ok(Fixtures.user("vanthu.ubt").postJson("api/v1/documents/" + decision + "/number",
                Json.createObjectBuilder().build()), 200).json();
        Set<String> recipients = issued.getJsonArray("recipients").stream().map(JsonObject.class::cast)
                .map(r -> r.getString("agencyCode", "")).collect(Collectors.toSet());
        assertTrue(recipients.containsAll(Set.of(Fixtures.SCT, MINISTRY)), issued::toString);
        JsonObject sctCopy = awaitCopy(clerk, decision);
        assertEquals("CCN_COPY_TO_SCT", sctCopy.getString("ruleCode"));
        JsonObject ministryCopy = awaitCopy(Fixtures.user("vanthu.bct"), decision);
        assertEquals("ESTABLISHMENT_TO_MINISTRY", ministryCopy.getString("ruleCode"));
        assertEquals("RECEIVED", ok(clerk.postJson("api/v1/distributions/" + sctCopy.getJsonNumber("id") + "/receipt",
                Json.createObjectBuilder().build()), 200).json().getString("state"));
        assertEquals("RECEIVED", ok(Fixtures.user("vanthu.bct").postJson("api/v1/distributions/"
                + ministryCopy.getJsonNumber("id") + "/receipt", Json.createObjectBuilder().build()), 200).json().getString("state"));
        assertEquals(200, clerk.get("api/v1/documents/" + decision).status(), "SCT reads the decision it received");
        dossier = ok(ppcSpecialist.postJson("api/v1/dossiers/" + id + "/steps/DECIDE/completion",
                Json.createObjectBuilder().build()), 200).json();
        assertEquals("EARLY", step(dossier, "DECIDE").getString("timeliness"));

        // 8. Applicants notified, the dossier finished and returned; every step on time; the control slip prints.
        dossier = ok(specialist.postJson("api/v1/dossiers/" + id + "/steps/NOTIFY/completion",
                Json.createObjectBuilder().build()), 200).json();
        ok(specialist.postJson("api/v1/dossiers/" + id + "/actions/FINISH", Json.createObjectBuilder().build()), 200);
        dossier = ok(clerk.postJson("api/v1/dossiers/" + id + "/actions/RETURN", Json.createObjectBuilder().build()), 200).json();
        assertEquals("RETURNED", dossier.getString("status"));
        for (JsonValue v : dossier.getJsonArray("steps")) {
            JsonObject s = v.asJsonObject();
            assertEquals("DONE", s.getString("state"), s::toString);
            if (s.containsKey("timeliness")) {
                assertNotEquals("LATE", s.getString("timeliness"), s::toString);
            }
        }
        String control = text(ok(clerk.get("api/v1/dossiers/" + id + "/forms/06"), 200).body()).replaceAll("\\s+", " ");
        assertTrue(control.contains(code), control);
        // The column header (repeated on each page) names the three results; the handovers add theirs: the two
        // steps with a limit, finishing and returning all early, none late.
        int headers = occurrences(control, "(Trước hạn/ Đúng hạn/ Quá hạn)");
        assertTrue(headers >= 1, control);
        assertEquals(headers + 4, occurrences(control, "Trước hạn"), control);
        assertEquals(headers, occurrences(control, "Quá hạn"), control);
        JsonArray board = ok(specialist.get("api/v1/tracking?procedure=CCN_ESTABLISHMENT&bucket=DEEMED"), 200).array();
        assertTrue(board.stream().map(JsonObject.class::cast).filter(i -> i.getString("dossierCode").equals(code)).count() >= 2,
                board::toString);
    }

    @Test
    void filingAfterFifteenSeptember2026RunsOnTheDecree303Clock() {
        setClock("2026-11-24T09:00:00+07:00");
        Api clerk = Fixtures.user("clerk.sct");
        JsonObject dossier = ok(clerk.postJson("api/v1/dossiers", newDossier("sub303-" + System.nanoTime())), 201).json();
        long id = dossier.getJsonNumber("id").longValue();
        assertEquals("ND303-2026", dossier.getString("ruleSetCode"));
        assertFalse(dossier.getBoolean("ruleSetConfirmed"));
        assertTrue(dossier.getJsonArray("warnings").toString().contains("chưa được quản trị viên xác nhận"), dossier::toString);
        dossier = ok(clerk.postJson("api/v1/dossiers/" + id + "/actions/ACCEPT", Json.createObjectBuilder().build()), 200).json();
        // 20 working days of appraisal, then 5 for the decision (versus 25 days and 7 working days before).
        assertEquals("2026-12-22", step(dossier, "APPRAISE").getString("dueOn"));
        assertEquals("2026-12-29", dossier.getString("appointmentOn"));
    }

    @Test
    void aDossierFiledInAYearWithoutHolidayDataCarriesAWarning() {
        setClock("2035-03-05T09:00:00+07:00"); // CalendarApiIT confirms 2031; 2035 has no calendar data
        Api clerk = Fixtures.user("clerk.sct");
        JsonObject dossier = ok(clerk.postJson("api/v1/dossiers", newDossier("sub2031-" + System.nanoTime())), 201).json();
        dossier = ok(clerk.postJson("api/v1/dossiers/" + dossier.getJsonNumber("id") + "/actions/ACCEPT",
                Json.createObjectBuilder().build()), 200).json();
        assertTrue(dossier.getJsonArray("warnings").toString().contains("2035"), dossier::toString);
        assertTrue(dossier.containsKey("appointmentOn"), "a deadline is still computed, with the warning");
    }

    @Test
    void badDossiersAreRefusedInVietnameseAndNothingIsHalfWritten() {
        Api clerk = Fixtures.user("clerk.sct");
        int before = clerk.get("api/v1/dossiers?max=500").array().size();
        Api.Answer bad = clerk.postJson("api/v1/dossiers", Json.createObjectBuilder().add("procedureCode", "NO_SUCH")
                .add("applicantName", " ").add("summary", "x").add("applicantPhone", "<script>")
                .add("submissionKey", "bad key with spaces").build());
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.contentType().startsWith("application/problem+json"), bad::toString);
        String errors = bad.json().getJsonArray("errors").toString();
        assertTrue(errors.contains("không có thủ tục") && errors.contains("applicantName") && errors.contains("applicantPhone"),
                errors);
        // Broken JSON and a NUL character (which PostgreSQL cannot store) are the client's mistakes, not 500s.
        Api.Answer broken = clerk.postRaw("api/v1/dossiers", "application/json",
                "{\"procedureCode\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, broken.status(), broken::toString);
        assertTrue(broken.contentType().startsWith("application/problem+json"), broken::toString);
        Api.Answer nul = clerk.postJson("api/v1/dossiers", Json.createObjectBuilder().add("procedureCode", "CCN_ESTABLISHMENT")
                .add("applicantName", "Công ty Đức Anh").add("summary", "Thử \u0000 ký tự").build());
        assertEquals(400, nul.status(), nul::toString);
        assertTrue(nul.json().getString("detail").contains("U+0000"), nul::toString);
        JsonObject missing = ok(clerk.postJson("api/v1/dossiers", Json.createObjectBuilder()
                .add("procedureCode", "CCN_ESTABLISHMENT").add("applicantName", "UBND xã Hữu Lũng")
                .add("summary", "Hồ sơ thiếu giấy tờ").build()), 201).json();
        Api.Answer accept = clerk.postJson("api/v1/dossiers/" + missing.getJsonNumber("id") + "/actions/ACCEPT",
                Json.createObjectBuilder().build());
        assertEquals(409, accept.status(), accept::toString);
        assertTrue(accept.json().getString("detail").contains("còn thiếu giấy tờ bắt buộc"), accept::toString);
        assertEquals("RECEIVED", clerk.get("api/v1/dossiers/" + missing.getJsonNumber("id")).json().getString("status"));
        assertEquals(before + 1, clerk.get("api/v1/dossiers?max=500").array().size());
        assertEquals(404, Fixtures.user("clerk.stc").get("api/v1/dossiers/" + missing.getJsonNumber("id")).status(),
                "another agency does not see the dossier");
    }

    @Test
    void aDocumentIsForwardedToTheLeadAgencyAndTrackedUntilReceived() {
        Api stcClerk = Fixtures.user("clerk.stc");
        JsonObject meta = Json.createObjectBuilder().add("typeCode", "CV").add("numberSymbol", "77/UBND-KT")
                .add("issuerName", "Ủy ban nhân dân xã Hữu Lũng").add("issuerAgencyCode", Fixtures.COMMUNE)
                .add("issuedDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString())
                .add("summary", "Đề nghị hướng dẫn thủ tục mở rộng Cụm công nghiệp Hữu Lũng 1 (gửi nhầm Sở Tài chính)").build();
        long doc = ok(stcClerk.postMultipart("api/v1/documents/incoming", meta, List.of(new Api.FilePart("de-nghi.pdf",
                "application/pdf", TestFiles.pdf("De nghi huong dan", 3000)))), 201).json().getJsonNumber("id").longValue();
        assertEquals(404, Fixtures.user("clerk.sct").get("api/v1/documents/" + doc).status(), "not SCT's yet");
        Api.Answer self = stcClerk.postJson("api/v1/documents/" + doc + "/forwards", Json.createObjectBuilder()
                .add("agencyCode", Fixtures.STC).build());
        assertEquals(400, self.status(), self::toString);
        JsonObject forwarded = ok(stcClerk.postJson("api/v1/documents/" + doc + "/forwards", Json.createObjectBuilder()
                .add("agencyCode", Fixtures.SCT).add("note", "Chuyển Sở Công Thương chủ trì giải quyết").build()), 201).json();
        assertEquals("FORWARD", forwarded.getString("ruleCode"));
        JsonObject arrived = awaitCopy(Fixtures.user("clerk.sct"), doc);
        assertEquals(200, Fixtures.user("clerk.sct").get("api/v1/documents/" + doc).status(), "SCT now reads it");
        assertEquals("RECEIVED", ok(Fixtures.user("clerk.sct").postJson("api/v1/distributions/" + arrived.getJsonNumber("id")
                + "/receipt", Json.createObjectBuilder().build()), 200).json().getString("state"));
        JsonArray tracked = ok(stcClerk.get("api/v1/documents/" + doc + "/distributions"), 200).array();
        assertEquals("RECEIVED", tracked.getJsonObject(0).getString("state"), "the sender sees it received");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static JsonObject newDossier(String key) {
        var papers = Json.createArrayBuilder();
        for (int seq = 1; seq <= 4; seq++) {
            papers.add(Json.createObjectBuilder().add("seq", seq).add("received", true).add("electronic", seq == 4));
        }
        return Json.createObjectBuilder().add("procedureCode", "CCN_ESTABLISHMENT").add("applicantKind", "ORGANISATION")
                .add("applicantName", "Ủy ban nhân dân xã Hữu Lũng").add("applicantAgencyCode", Fixtures.COMMUNE)
                .add("applicantAddress", "Thị trấn Hữu Lũng, tỉnh Lạng Sơn").add("channel", "INTER_AGENCY")
                .add("summary", "Hồ sơ đề nghị thành lập Cụm công nghiệp Hữu Lũng 1").add("ccnCode", "CCN-HL-01")
                .add("paperSets", 2).add("papers", papers).add("submissionKey", key).build();
    }

    private static long draft(Api as, String type, String summary) {
        long register = Fixtures.registerId(as.username, "DI");
        return ok(as.postJson("api/v1/documents/outgoing", Json.createObjectBuilder().add("typeCode", type)
                .add("summary", summary).add("registerId", register).add("signerName", "Nguyễn Văn Đức")
                .add("recipients", Json.createArrayBuilder()).build()), 201).json().getJsonNumber("id").longValue();
    }

    /** A coordinating agency's reply: sent electronically by its specialist, registered at SCT's desk. */
    private static JsonObject reply(JsonObject request, String position, String conditions, String issued, int n) {
        String user = usernameOf(request.getJsonObject("target").getString("code"));
        JsonObject metadata = Json.createObjectBuilder().add("position", position)
                .add("conditions", position.equals("AGREE") ? "" : conditions)
                .add("numberSymbol", (100 + n) + "/" + request.getString("roleCode").substring(0, 3) + "-TĐ")
                .add("issuedDate", issued).add("summary", "Ý kiến thẩm định hồ sơ thành lập Cụm công nghiệp Hữu Lũng 1")
                .add("signerName", "Trần Thị Lan").build();
        return ok(Fixtures.user(user).postMultipart("api/v1/opinion-requests/" + request.getJsonNumber("id") + "/reply",
                metadata, List.of(new Api.FilePart("y-kien.pdf", "application/pdf", TestFiles.pdf("Y kien tham dinh " + n, 2000)))),
                200).json();
    }

    private static JsonArray opinionRequests(Api as, long dossierId) {
        return as.get("api/v1/dossiers/" + dossierId).json().getJsonArray("opinionRequests");
    }

    private static JsonArray awaitDeemed(Api as, long dossierId, int expected) {
        long until = System.currentTimeMillis() + 30_000;
        JsonArray last = null;
        while (System.currentTimeMillis() < until) {
            last = opinionRequests(as, dossierId);
            long deemed = last.stream().map(JsonObject.class::cast).filter(o -> o.getString("state").equals("DEEMED_AGREED")).count();
            if (deemed == expected) {
                return last;
            }
            sleep();
        }
        throw new AssertionError("the deadline timer did not deem " + expected + " requests agreed: " + last);
    }

    private static void awaitNotification(Api as, String kind, int atLeast) {
        long until = System.currentTimeMillis() + 30_000;
        JsonArray last = null;
        while (System.currentTimeMillis() < until) {
            last = as.get("api/v1/notifications?max=200").array();
            if (last.stream().map(JsonObject.class::cast).filter(n -> n.getString("kind").equals(kind)).count() >= atLeast) {
                return;
            }
            sleep();
        }
        throw new AssertionError(as.username + " has no " + atLeast + " " + kind + " notifications: " + last);
    }

    private static JsonObject awaitCopy(Api as, long documentId) {
        long until = System.currentTimeMillis() + 30_000;
        JsonArray last = null;
        while (System.currentTimeMillis() < until) {
            last = as.get("api/v1/distributions").array();
            var copy = last.stream().map(JsonObject.class::cast)
                    .filter(c -> c.getJsonNumber("documentId").longValue() == documentId && c.getString("state").equals("DELIVERED"))
                    .findFirst();
            if (copy.isPresent()) {
                return copy.get();
            }
            sleep();
        }
        throw new AssertionError(as.username + " did not receive the copy of " + documentId + ": " + last);
    }

    private static JsonObject step(JsonObject dossier, String code) {
        return dossier.getJsonArray("steps").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("code").equals(code)).findFirst().orElseThrow();
    }

    private static void setClock(String instant) {
        ok(Fixtures.admin().putJson("api/v1/operations/clock", Json.createObjectBuilder()
                .add("now", java.time.OffsetDateTime.parse(instant).toInstant().toString()).build()), 200);
    }

    private static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String username(String key) {
        return "chuyenvien." + key;
    }

    private static String usernameOf(String agencyCode) {
        return switch (agencyCode) {
            case Fixtures.STC -> "specialist.stc";
            case CONSTRUCTION -> username("sxd");
            case AGRI_ENV -> username("snnmt");
            case POLICE -> username("cat");
            case MILITARY -> username("bchqs");
            default -> specialistOf(agencyCode); // a holder another test class added
        };
    }

    /** A specialist of an agency this class did not create, made on demand (idempotent). */
    private static String specialistOf(String agencyCode) {
        String username = "cv-" + agencyCode.toLowerCase(java.util.Locale.ROOT).replace('.', '-');
        int us = Fixtures.admin().postJson("api/v1/users", Json.createObjectBuilder().add("username", username)
                .add("password", Fixtures.PASSWORD).add("fullName", "Chuyên viên thử " + agencyCode)
                .add("agencyCode", agencyCode).add("roles", Json.createArrayBuilder().add("SPECIALIST")).build()).status();
        assertTrue(us == 201 || us == 409, "user " + username + ": " + us);
        return username;
    }

    private static void agency(Api admin, String code, String name, String shortName, String level, String key) {
        int s = admin.postJson("api/v1/agencies", Json.createObjectBuilder().add("code", code).add("name", name)
                .add("shortName", shortName).add("level", level).build()).status();
        assertTrue(s == 201 || s == 409, "agency " + code + ": " + s);
        for (String[] u : new String[][] {{"chuyenvien." + key, "SPECIALIST"}, {"vanthu." + key, "CLERK"}}) {
            int us = admin.postJson("api/v1/users", Json.createObjectBuilder().add("username", u[0])
                    .add("password", Fixtures.PASSWORD).add("fullName", "Người thử " + u[1] + " " + shortName)
                    .add("agencyCode", code).add("roles", Json.createArrayBuilder().add(u[1])).build()).status();
            assertTrue(us == 201 || us == 409, "user " + u[0] + ": " + us);
        }
        for (String[] r : new String[][] {{"INCOMING", "DEN"}, {"OUTGOING", "DI"}}) {
            int rs = admin.postJson("api/v1/registers", Json.createObjectBuilder().add("agencyCode", code)
                    .add("direction", r[0]).add("code", r[1]).add("name", "Sổ " + r[1]).add("secret", false).build()).status();
            assertTrue(rs == 201 || rs == 409, "register " + r[1] + ": " + rs);
        }
    }

    private static Api.Answer ok(Api.Answer a, int status) {
        assertEquals(status, a.status(), a::toString);
        return a;
    }

    private static int occurrences(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
            n++;
        }
        return n;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

}
