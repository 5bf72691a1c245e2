package vn.ccn.dms.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.ccn.dms.it.Api;
import vn.ccn.dms.it.Api.Answer;
import vn.ccn.dms.it.Deployments;
import vn.ccn.dms.it.Fixtures;
import vn.ccn.dms.it.TestFiles;

/**
 * The one-stop workflow's screens in a real browser (issue 5): the SCT desk receives a dossier on the reception
 * page with the procedure's checklist and a scanned file, opens the receipt slip (form 01), accepts and forwards
 * it; SCT's specialist sees each step's clock on the dossier page; the Department of Construction answers the
 * opinion request from its inbox with the reply letter's PDF; the specialist sees the reply, is notified, and
 * finds the dossier on the tracking board under the bucket its due date puts it in. Also: the service's
 * Vietnamese objection beside the applicant-name field, and SCT confirming a copy that reached it by rule.
 *
 * <p>Dates are read from what the application computed (the step's due date) and compared with today in
 * Asia/Ho_Chi_Minh, so the test holds on any day; it never moves the application clock, and resets it before it
 * starts in case an earlier test class left it moved.
 */
@ExtendWith(ArquillianExtension.class)
class OneStopUiIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DD_MM_YYYY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String CONSTRUCTION = "000.00.14.H37";
    private static final String CONSTRUCTION_NAME = "Sở Xây dựng tỉnh Lạng Sơn";
    private static final String CCN = "CCN-HL-01";
    private static final String CCN_NAME = "Cụm công nghiệp Hữu Lũng 1";
    private static final String ESTABLISHMENT = "CCN_ESTABLISHMENT";
    private static final String ESTABLISHMENT_NAME = "Thành lập, mở rộng cụm công nghiệp";
    private static final String PLAN_ADJUSTMENT_NAME = "Điều chỉnh phương án phát triển cụm công nghiệp";

    private static Browser browser;

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("onestop-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void start() {
        Fixtures.load();
        Api admin = Fixtures.admin();
        realTime(admin);
        int agency = admin.postJson("api/v1/agencies", Json.createObjectBuilder().add("code", CONSTRUCTION)
                .add("name", CONSTRUCTION_NAME).add("shortName", "SXD").add("level", "DEPARTMENT").build()).status();
        assertTrue(agency == 201 || agency == 409, "agency " + agency);
        for (String[] u : new String[][] {{"chuyenvien.sxd", "SPECIALIST"}, {"vanthu.sxd", "CLERK"}}) {
            int user = admin.postJson("api/v1/users", Json.createObjectBuilder().add("username", u[0])
                    .add("password", Fixtures.PASSWORD).add("fullName", "Người thử " + u[1] + " SXD")
                    .add("agencyCode", CONSTRUCTION).add("roles", Json.createArrayBuilder().add(u[1])).build()).status();
            assertTrue(user == 201 || user == 409, "user " + u[0] + ": " + user);
        }
        for (String[] r : new String[][] {{"INCOMING", "DEN"}, {"OUTGOING", "DI"}}) {
            int made = admin.postJson("api/v1/registers", Json.createObjectBuilder().add("agencyCode", CONSTRUCTION)
                    .add("direction", r[0]).add("code", r[1]).add("name", "Sổ " + r[1]).add("secret", false).build()).status();
            assertTrue(made == 201 || made == 409, "register " + r[1] + ": " + made);
        }
        // SCT leads the establishment procedure; the Department of Construction is asked as holder of its role.
        holds(admin, "INDUSTRY_TRADE", Fixtures.SCT);
        holds(admin, "CONSTRUCTION", CONSTRUCTION);
        int ccn = admin.postJson("api/v1/ccns", Json.createObjectBuilder().add("code", CCN)
                .add("name", CCN_NAME).add("communeAgencyCode", Fixtures.COMMUNE).build()).status();
        assertTrue(ccn == 201 || ccn == 409, "ccn " + ccn);
        browser = SESSION.start();
    }

    @Test
    void theDeskReceivesADossierAndACoordinatingAgencyAnswersFromItsInbox() throws IOException {
        String summary = "Hồ sơ đề nghị mở rộng Cụm công nghiệp Hữu Lũng 1";
        String applicant = "Công ty Cổ phần Đầu tư hạ tầng Hữu Lũng số " + unique();
        String fileName = "Tờ trình mở rộng CCN.pdf";

        // 1. The desk: the procedure's checklist, the applicant, a scanned file.
        browser.login("clerk.sct", Fixtures.PASSWORD);
        browser.click("nav-dossiers");
        browser.waitForPath("/app/dossiers.xhtml");
        List<WebElement> inner = browser.all(By.cssSelector("[id='filters:new-dossier'] a"));
        (inner.isEmpty() ? browser.byId("filters:new-dossier") : inner.get(0)).click();
        browser.waitForPath("/app/dossier-new.xhtml");
        chooseProcedure();
        List<WebElement> papers = browser.all(By.cssSelector("tr.dms-paper-row"));
        assertTrue(papers.size() >= 4, "the establishment checklist lists its papers: " + papers.size());
        assertTrue(browser.text("form:checklist").contains("*"), "required papers are marked");
        for (int i = 0; i < papers.size(); i++) {
            tick("form:papers:" + i + ":received");
        }
        tick("form:papers:0:electronic");
        // The commune's people's committee submits on the investor's behalf (Art. 6.1): picked from the directory.
        browser.choose("form:applicantAgencyCode", "Ủy ban nhân dân xã Hữu Lũng");
        browser.choose("form:ccnCode", CCN_NAME + " (" + CCN + ")");
        browser.type("form:applicantName", applicant);
        browser.type("form:applicantAddress", "Thị trấn Hữu Lũng, tỉnh Lạng Sơn");
        browser.type("form:summary", summary);
        Path dir = Files.createTempDirectory("dms-dossier-");
        Path file = dir.resolve(fileName);
        byte[] pdf = TestFiles.pdf("To trinh mo rong CCN Huu Lung", 20_000);
        Files.write(file, pdf);
        browser.byId("form:file_input").sendKeys(file.toAbsolutePath().toString());
        browser.screenshot("20-dossier-new");
        browser.submit("form:receive");

        browser.waitForPath("/app/dossier.xhtml");
        long id = Long.parseLong(browser.path().replaceFirst(".*[?&]id=(\\d+).*", "$1"));
        String code = browser.text("code");
        assertTrue(code.matches("000\\.00\\.12\\.H37-\\d{6}-\\d{4}"), code);
        assertTrue(browser.bodyText().contains("Đã tiếp nhận hồ sơ, mã hồ sơ: " + code), "the receipt is confirmed");
        assertEquals("Đã tiếp nhận", browser.text("status"));
        assertEquals(summary, browser.text("summary"));
        assertTrue(browser.text("files").contains(fileName) && browser.text("files").contains(TestFiles.sha256(pdf)),
                browser.text("files"));
        String fileHref = browser.driver().findElement(By.cssSelector("a.dms-dossier-file")).getAttribute("href");
        Api.Answer download = browser.fetch(fileHref);
        assertEquals(200, download.status(), download::toString);
        assertEquals(TestFiles.sha256(pdf), TestFiles.sha256(download.body()), "the received file downloads unchanged");
        assertTrue(browser.all(By.cssSelector("#papers .dms-paper-received")).stream().allMatch(e -> e.getText().equals("Có")),
                "every ticked paper is recorded as received");
        assertEquals(applicant, browser.text("applicant"));
        assertEquals(1, dossiersOf(applicant), "one dossier for one submission");

        // 2. The receipt slip (form 01) prints from the page's link, with the session.
        Answer slip = browser.fetch(formLink("01"));
        assertEquals(200, slip.status(), slip::toString);
        assertTrue(slip.contentType().startsWith("application/pdf"), slip.contentType());
        assertTrue(pdfText(slip.body()).contains(code), "the slip carries the dossier code");

        // 3. Accepted (the clocks start) and forwarded to the lead agency.
        browser.submit("actions:ACCEPT");
        browser.waitForText("status", "Đã nhận hồ sơ hợp lệ");
        String appointment = browser.text("appointment");
        assertTrue(appointment.matches("\\d{2}/\\d{2}/\\d{4}"), "an appointment date is computed: " + appointment);
        String slipText = pdfText(browser.fetch(formLink("01")).body());
        assertTrue(slipText.contains(inWords(LocalDate.parse(appointment, DD_MM_YYYY))), "the slip gives the appointment: " + slipText);
        browser.screenshot("21-dossier-accepted");
        browser.submit("actions:FORWARD");
        browser.waitForText("status", "Đang giải quyết");
        browser.logout();

        // The public status page, without login, as the QR code on the slip opens it: status and appointment, no
        // applicant; a code that was tampered with finds nothing.
        browser.open("/public/dossier.xhtml?code=" + code);
        browser.waitForText("status-label", "Đang giải quyết");
        assertEquals(appointment, browser.text("status-appointment"));
        assertFalse(browser.bodyText().contains(applicant), "no personal data on the public page");
        browser.open("/public/dossier.xhtml?code=" + code.substring(0, code.length() - 1) + "x");
        assertTrue(browser.text("not-found").contains("Không tìm thấy hồ sơ"), browser.bodyText());

        // 4. The specialist asks the holder of the construction role for its opinion on the dossier page, with a
        //    letter drafted beforehand; the desk numbers the letter and the request opens.
        long requestId = requestOpinionOfConstructionOnThePage(id);

        // 5. The specialist sees the clock of each step.
        JsonObject dossier = Fixtures.user("specialist.sct").get("api/v1/dossiers/" + id).json();
        JsonObject appraise = step(dossier, "APPRAISE");
        LocalDate due = LocalDate.parse(appraise.getString("dueOn"));
        LocalDate today = LocalDate.now(VIETNAM);
        long daysLeft = ChronoUnit.DAYS.between(today, due);
        assertTrue(daysLeft > 2, "the appraisal has weeks, not days: " + due);
        browser.login("specialist.sct", Fixtures.PASSWORD);
        browser.open("app/dossier.xhtml?id=" + id);
        WebElement row = browser.driver().findElement(By.cssSelector("tr.dms-step-APPRAISE"));
        assertEquals(due.format(DD_MM_YYYY), row.findElement(By.cssSelector(".dms-due")).getText());
        assertEquals("Đang thực hiện", row.findElement(By.cssSelector(".dms-step-state")).getText());
        assertEquals("Còn " + daysLeft + " ngày", row.findElement(By.cssSelector(".dms-clock-text")).getText());
        assertFalse(row.findElements(By.cssSelector(".dms-mark-green")).isEmpty(), "a green mark for a step in time");
        assertEquals(appraise.getString("name"), row.findElement(By.cssSelector(".dms-step-name")).getText());
        WebElement opinion = browser.driver().findElement(By.cssSelector("tr.dms-opinion-CONSTRUCTION"));
        assertEquals(CONSTRUCTION_NAME, opinion.findElement(By.cssSelector(".dms-opinion-target")).getText());
        assertEquals("Đang chờ trả lời", opinion.findElement(By.cssSelector(".dms-opinion-state")).getText());
        browser.screenshot("22-dossier-clock");
        browser.logout();

        // 6. The Department of Construction answers from its inbox, with the reply letter's PDF.
        browser.login("chuyenvien.sxd", Fixtures.PASSWORD);
        browser.click("nav-opinions");
        browser.waitForPath("/app/opinions.xhtml");
        WebElement request = browser.driver().findElement(By.cssSelector("tr.dms-request-" + requestId));
        assertEquals(code, request.findElement(By.cssSelector(".dms-request-dossier")).getText());
        browser.submit(request.findElement(By.cssSelector("button[id$=':answer']")).getAttribute("id"));
        assertEquals(code, browser.text("reply-dossier"));
        browser.driver().findElement(By.cssSelector("label[for='reply:position:1']")).click();
        browser.type("reply:conditions", "Bổ sung phương án đấu nối giao thông với quốc lộ 1A");
        browser.type("reply:numberSymbol", unique() + "/SXD-QHKT");
        browser.type("reply:signerName", "Trần Thị Lan");
        Path reply = dir.resolve("Ý kiến Sở Xây dựng.pdf");
        Files.write(reply, TestFiles.pdf("Y kien So Xay dung ve CCN Huu Lung", 4_000));
        browser.byId("reply:file_input").sendKeys(reply.toAbsolutePath().toString());
        browser.screenshot("23-opinion-reply-form");
        browser.submit("reply:send");
        browser.waitForBodyText("Đã gửi ý kiến trả lời (Đồng ý có điều kiện)");
        assertFalse(browser.present("reply:send"), "the reply form closes");
        request = browser.driver().findElement(By.cssSelector("tr.dms-request-" + requestId));
        assertEquals("Đã trả lời", request.findElement(By.cssSelector(".dms-opinion-state")).getText());
        assertTrue(request.findElements(By.cssSelector("button[id$=':answer']")).isEmpty(), "answered once");
        browser.screenshot("24-opinion-inbox-answered");
        browser.logout();

        // 7. The specialist sees the reply on the dossier, is notified, and finds the dossier on the board.
        browser.login("specialist.sct", Fixtures.PASSWORD);
        browser.open("app/dossier.xhtml?id=" + id);
        opinion = browser.driver().findElement(By.cssSelector("tr.dms-opinion-CONSTRUCTION"));
        assertEquals("Đã trả lời", opinion.findElement(By.cssSelector(".dms-opinion-state")).getText());
        assertEquals("Đồng ý có điều kiện", opinion.findElement(By.cssSelector(".dms-opinion-position")).getText());
        assertFalse(opinion.findElements(By.cssSelector("a.dms-reply-link")).isEmpty(), "the reply letter is linked");

        awaitOnPage("app/notifications.xhtml", () -> browser.bodyText().contains(CONSTRUCTION_NAME + " đã trả lời")
                && browser.bodyText().contains(code));
        browser.screenshot("25-notifications");

        String expected = bucket(today, due);
        browser.open("app/tracking.xhtml");
        browser.choose("filters:procedure", ESTABLISHMENT_NAME);
        browser.click("filters:filter");
        browser.waitForAjax();
        showBucket(expected);
        assertTrue(boardRows().stream().anyMatch(r -> r.contains(code) && r.contains(appraise.getString("name"))),
                expected + " lists the appraisal step of " + code + ": " + boardRows());
        assertTrue(Integer.parseInt(browser.driver().findElement(By.cssSelector("[id='board:" + expected + "'] .dms-bucket-count"))
                .getText()) >= 1);
        browser.screenshot("26-tracking-" + expected);
        String roleName = dossier.getJsonArray("opinionRequests").getJsonObject(0).getString("roleName");
        showBucket("DONE");
        assertTrue(boardRows().stream().anyMatch(r -> r.contains(code) && r.contains("Xin ý kiến: " + roleName)),
                "the answered request is done: " + boardRows());

        browser.choose("filters:procedure", PLAN_ADJUSTMENT_NAME);
        browser.click("filters:filter");
        browser.waitForAjax();
        showBucket(expected);
        assertTrue(boardRows().stream().noneMatch(r -> r.contains(code)), "another procedure's board leaves it out");
    }

    @Test
    void aMissingApplicantNameIsShownInVietnameseAtItsField() {
        browser.login("clerk.sct", Fixtures.PASSWORD);
        browser.open("app/dossier-new.xhtml");
        chooseProcedure();
        browser.type("form:summary", "Hồ sơ không ghi tên người nộp " + unique());
        browser.submit("form:receive");
        browser.waitForBodyText("Thông tin hồ sơ không hợp lệ");
        assertEquals("Tên tổ chức, cá nhân nộp hồ sơ là bắt buộc", messageAt("form:applicantName"));
        assertTrue(browser.path().startsWith("/app/dossier-new.xhtml"), browser.path());
        assertFalse(browser.all(By.cssSelector("tr.dms-paper-row")).isEmpty(), "the checklist stays on the page");
        browser.screenshot("27-dossier-new-invalid");
    }

    @Test
    void onlyTheDeskReceivesDossiers() {
        browser.login("specialist.sct", Fixtures.PASSWORD);
        browser.waitForPath("/app/index.xhtml");
        assertTrue(browser.present("nav-dossiers") && browser.present("nav-tracking"), "a specialist follows dossiers");
        assertFalse(browser.present("nav-dossier-new"), "but does not receive them");
        browser.open("app/dossier-new.xhtml");
        assertEquals("Bạn không có quyền truy cập trang này", browser.text("error-title"));
    }

    @Test
    void sctConfirmsACopyThatReachedItByRule() {
        // A document of the Department of Construction linked to a CCN dossier it was consulted on concerns the
        // cluster: when issued, its copy goes to SCT by rule (Quy chế Điều 2.2.b).
        long dossier = forwardedDossierThroughApi("Công ty TNHH Khu công nghiệp Hữu Lũng số " + unique());
        requestOpinionOfConstruction(dossier);
        String summary = "Công văn hướng dẫn đấu nối hạ tầng giao thông Cụm công nghiệp Hữu Lũng 1 – " + unique();
        Api sxd = Fixtures.user("chuyenvien.sxd");
        long register = Fixtures.registerId("chuyenvien.sxd", "DI");
        long document = ok(sxd.postJson("api/v1/documents/outgoing", Json.createObjectBuilder().add("typeCode", "CV")
                .add("summary", summary).add("registerId", register).add("signerName", "Lê Văn Bình")
                .add("recipients", Json.createArrayBuilder()).build()), 201).json().getJsonNumber("id").longValue();
        ok(sxd.postJson("api/v1/dossiers/" + dossier + "/documents", Json.createObjectBuilder().add("documentId", document)
                .add("stepCode", "APPRAISE").add("role", "OTHER").build()), 200);
        ok(Fixtures.user("vanthu.sxd").postJson("api/v1/documents/" + document + "/number",
                Json.createObjectBuilder().add("unit", "QHKT").build()), 200);

        browser.login("clerk.sct", Fixtures.PASSWORD);
        browser.click("nav-copies");
        browser.waitForPath("/app/copies.xhtml");
        By row = By.cssSelector("tr.dms-copy-" + document);
        awaitOnPage("app/copies.xhtml", () -> !browser.all(row).isEmpty()
                && browser.driver().findElement(row).getText().contains("Đã đến, chờ xác nhận"));
        assertEquals("Văn bản gửi để theo dõi", browser.driver().findElement(By.tagName("h1")).getText());
        assertTrue(browser.driver().findElement(row).getText().contains(summary));
        browser.screenshot("28-copies");
        browser.click(browser.driver().findElement(row).findElement(By.cssSelector("button[id$=':acknowledge']")).getAttribute("id"));
        browser.waitForAjax();
        browser.waitUntil(d -> d.findElement(row).findElement(By.cssSelector(".dms-copy-state")).getText().equals("Đã nhận"));
        assertTrue(browser.driver().findElement(row).getText().contains("clerk.sct"), "who confirmed it is shown");
        assertTrue(browser.driver().findElement(row).findElements(By.cssSelector("button[id$=':acknowledge']")).isEmpty());

        awaitOnPage("app/notifications.xhtml", () -> browser.bodyText().contains("gửi để theo dõi: " + summary));
        WebElement link = browser.all(By.cssSelector("a.dms-doc-link")).stream()
                .filter(a -> a.getText().contains(summary)).findFirst().orElseThrow();
        browser.submit(link.getAttribute("id"));
        browser.waitForPath("/app/copies.xhtml");
    }

    // ------------------------------------------------------------------------------------------------ steps

    private static void chooseProcedure() {
        browser.choose("form:procedureCode", ESTABLISHMENT_NAME);
        browser.waitUntil(d -> !d.findElements(By.cssSelector("tr.dms-paper-row")).isEmpty());
    }

    /** Ticks a PrimeFaces check box by clicking its box, as a person does. */
    private static void tick(String checkboxId) {
        browser.byId(checkboxId).findElement(By.cssSelector(".ui-chkbox-box")).click();
        browser.waitUntil(d -> d.findElement(By.id(checkboxId + "_input")).isSelected());
    }

    private static String formLink(String number) {
        return browser.driver().findElement(By.cssSelector("a.dms-form-" + number)).getAttribute("href");
    }

    private static void showBucket(String bucket) {
        browser.click("board:" + bucket);
        browser.waitForAjax();
        browser.waitUntil(d -> d.findElement(By.id("board:" + bucket)).getAttribute("class").contains("dms-bucket-active"));
    }

    private static List<String> boardRows() {
        return browser.all(By.cssSelector("[id='board:items'] tbody tr")).stream().map(WebElement::getText).toList();
    }

    /** Opens a page again until it shows what an after-commit delivery (outbox) has meanwhile produced. */
    private static void awaitOnPage(String page, Supplier<Boolean> shown) {
        long until = System.currentTimeMillis() + 30_000;
        while (true) {
            browser.open(page);
            if (shown.get()) {
                return;
            }
            if (System.currentTimeMillis() > until) {
                throw new AssertionError(page + " did not show it in 30 s: " + browser.bodyText());
            }
            sleep();
        }
    }

    /** The message PrimeFaces shows beside an input ({@code p:message for=...}). */
    private static String messageAt(String inputId) {
        return browser.driver().findElement(By.cssSelector("[id='" + inputId + "'] ~ .ui-message")).getText().trim();
    }

    /** As {@link #requestOpinionOfConstruction}, but the request is made on the dossier page, as a specialist does. */
    private static long requestOpinionOfConstructionOnThePage(long dossierId) {
        Api specialist = Fixtures.user("specialist.sct");
        long register = Fixtures.registerId("specialist.sct", "DI");
        long letter = ok(specialist.postJson("api/v1/documents/outgoing", Json.createObjectBuilder().add("typeCode", "CV")
                .add("summary", "Xin ý kiến thẩm định hồ sơ mở rộng Cụm công nghiệp Hữu Lũng 1 (trang hồ sơ)")
                .add("registerId", register).add("signerName", "Nguyễn Văn Đức").add("recipients", Json.createArrayBuilder())
                .build()), 201).json().getJsonNumber("id").longValue();
        browser.login("specialist.sct", Fixtures.PASSWORD);
        browser.open("/app/dossier.xhtml?id=" + dossierId);
        new org.openqa.selenium.support.ui.Select(browser.byId("request:letter")).selectByValue(Long.toString(letter));
        List<WebElement> roles = browser.all(By.cssSelector("input[name='request:roles']"));
        assertTrue(roles.size() >= 8, "the step's eight appraising roles are offered: " + roles.size());
        for (WebElement role : roles) {
            if (role.isSelected() != role.getAttribute("value").equals("CONSTRUCTION")) {
                role.click();
            }
        }
        browser.submit("request:send");
        browser.waitForBodyText("Đã tạo 1 văn bản xin ý kiến");
        assertTrue(browser.text("opinions").contains("Chưa gửi"), browser.text("opinions"));
        browser.logout();
        JsonArray requests = specialist.get("api/v1/opinion-requests?box=sent&state=DRAFT").array();
        long request = requests.stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getJsonNumber("letterDocumentId").longValue() == letter).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        ok(Fixtures.user("clerk.sct").postJson("api/v1/documents/" + letter + "/number",
                Json.createObjectBuilder().add("unit", "QLCN").build()), 200);
        assertEquals("OPEN", specialist.get("api/v1/opinion-requests/" + request).json().getString("state"));
        return request;
    }

    /** A letter of SCT's specialist, opinion requested from the construction role, sent when the clerk numbers it. */
    private static long requestOpinionOfConstruction(long dossierId) {
        Api specialist = Fixtures.user("specialist.sct");
        long register = Fixtures.registerId("specialist.sct", "DI");
        long letter = ok(specialist.postJson("api/v1/documents/outgoing", Json.createObjectBuilder().add("typeCode", "CV")
                .add("summary", "Xin ý kiến thẩm định hồ sơ mở rộng Cụm công nghiệp Hữu Lũng 1").add("registerId", register)
                .add("signerName", "Nguyễn Văn Đức").add("recipients", Json.createArrayBuilder()).build()), 201)
                .json().getJsonNumber("id").longValue();
        long request = ok(specialist.postJson("api/v1/dossiers/" + dossierId + "/opinion-requests", Json.createObjectBuilder()
                .add("letterDocumentId", letter).add("stepCode", "APPRAISE")
                .add("roles", Json.createArrayBuilder().add("CONSTRUCTION")).build()), 201)
                .array().getJsonObject(0).getJsonNumber("id").longValue();
        ok(Fixtures.user("clerk.sct").postJson("api/v1/documents/" + letter + "/number",
                Json.createObjectBuilder().add("unit", "QLCN").build()), 200);
        assertEquals("OPEN", specialist.get("api/v1/opinion-requests/" + request).json().getString("state"));
        return request;
    }

    /** A dossier received, accepted and forwarded at the SCT desk through the API, with every paper received. */
    private static long forwardedDossierThroughApi(String applicant) {
        Api clerk = Fixtures.user("clerk.sct");
        var papers = Json.createArrayBuilder();
        ok(clerk.get("api/v1/procedures/" + ESTABLISHMENT), 200).json().getJsonArray("papers").stream()
                .map(JsonValue::asJsonObject)
                .forEach(p -> papers.add(Json.createObjectBuilder().add("seq", p.getInt("seq")).add("received", true)));
        long id = ok(clerk.postJson("api/v1/dossiers", Json.createObjectBuilder().add("procedureCode", ESTABLISHMENT)
                .add("applicantName", applicant).add("applicantAgencyCode", Fixtures.COMMUNE)
                .add("summary", "Hồ sơ đề nghị thành lập Cụm công nghiệp Hữu Lũng 1")
                .add("ccnCode", CCN).add("papers", papers).add("submissionKey", "ui-it-" + UUID.randomUUID()).build()), 201)
                .json().getJsonNumber("id").longValue();
        ok(clerk.postJson("api/v1/dossiers/" + id + "/actions/ACCEPT", Json.createObjectBuilder().build()), 200);
        ok(clerk.postJson("api/v1/dossiers/" + id + "/actions/FORWARD", Json.createObjectBuilder().build()), 200);
        return id;
    }

    /** The tracking board's bucket of an open step due on {@code due}, computed here from the rule it states. */
    private static String bucket(LocalDate today, LocalDate due) {
        if (due.isBefore(today)) {
            return "LATE";
        }
        if (due.equals(today)) {
            return "DUE_TODAY";
        }
        return due.isAfter(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))) ? "UPCOMING" : "DUE_THIS_WEEK";
    }

    private static long dossiersOf(String applicant) {
        return ok(Fixtures.user("clerk.sct").get("api/v1/dossiers?max=500"), 200).array().stream()
                .map(JsonValue::asJsonObject).filter(d -> applicant.equals(d.getString("applicantName", ""))).count();
    }

    private static JsonObject step(JsonObject dossier, String code) {
        return dossier.getJsonArray("steps").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("code").equals(code)).findFirst().orElseThrow();
    }

    private static void holds(Api admin, String role, String agency) {
        String today = LocalDate.now(VIETNAM).toString();
        boolean held = ok(admin.get("api/v1/role-assignments/holders?role=" + role + "&date=" + today), 200).array()
                .stream().map(JsonValue::asJsonObject).anyMatch(a -> a.getString("code").equals(agency));
        if (!held) {
            ok(admin.postJson("api/v1/role-assignments", Json.createObjectBuilder().add("roleCode", role)
                    .add("agencyCode", agency).add("validFrom", "2025-07-01").build()), 201);
        }
    }

    private static void realTime(Api admin) {
        ok(admin.putJson("api/v1/operations/clock", Json.createObjectBuilder().add("now", JsonValue.NULL).build()), 200);
    }

    /** A date as the forms write it: "ngày 07 tháng 7 năm 2026" (months 1 and 2 with a leading zero, Decree 30/2020). */
    private static String inWords(LocalDate date) {
        int month = date.getMonthValue();
        return String.format("ngày %02d tháng %s năm %d", date.getDayOfMonth(),
                month <= 2 ? String.format("%02d", month) : Integer.toString(month), date.getYear());
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer ok(Answer a, int status) {
        assertEquals(status, a.status(), a::toString);
        return a;
    }

    private static String unique() {
        return Integer.toString(Math.floorMod(UUID.randomUUID().hashCode(), 90_000) + 10_000);
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
