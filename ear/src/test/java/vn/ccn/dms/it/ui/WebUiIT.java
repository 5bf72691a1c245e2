package vn.ccn.dms.it.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import vn.ccn.dms.it.Api.Answer;
import vn.ccn.dms.it.Deployments;
import vn.ccn.dms.it.Fixtures;
import vn.ccn.dms.it.TestFiles;

/**
 * The desk in a real browser: login and its refusals, an incoming document registered with its PDF and read
 * back with its SHA-256 and audit trail, the duplicate warning and its confirmation, an outgoing draft numbered
 * by the clerk, the register printout, and what a reader and another agency's clerk are refused.
 */
@ExtendWith(ArquillianExtension.class)
class WebUiIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DD_MM_YYYY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern ARRIVAL = Pattern.compile("Đã đăng ký, số đến: (\\d{2,})");

    /** Marks an issuer to be picked from the directory menu rather than typed. */
    private static final String DIRECTORY = "directory:";

    private static Browser browser;

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void start() {
        Fixtures.load();
        browser = SESSION.start();
    }

    @Test
    void pagesNeedLoginAndAWrongPasswordIsRefused() {
        browser.open("app/index.xhtml");
        browser.waitForPath("/login.xhtml");
        assertTrue(browser.path().contains("next=%2Fapp%2Findex.xhtml"), browser.path());
        browser.screenshot("01-login");

        browser.login("clerk.sct", "not-the-password");
        browser.waitForBodyText("Sai tên đăng nhập hoặc mật khẩu");
        assertTrue(browser.path().startsWith("/login.xhtml"), browser.path());
        browser.screenshot("02-login-wrong-password");

        browser.login("clerk.sct", Fixtures.PASSWORD);
        browser.waitForPath("/app/index.xhtml");
        assertEquals("Người thử CLERK SCT", browser.text("user-name"));
        assertEquals("Sở Công Thương tỉnh Lạng Sơn", browser.text("user-agency"));
        assertTrue(browser.present("nav-incoming") && browser.present("nav-registers"), "a clerk's menu");

        browser.logout();
        browser.open("app/index.xhtml");
        browser.waitForPath("/login.xhtml");
    }

    @Test
    void loginReturnsToThePageFirstAskedForButNeverToAnotherSite() {
        browser.open("app/registers.xhtml");
        browser.waitForPath("/login.xhtml");
        browser.login("clerk.sct", Fixtures.PASSWORD);
        browser.waitForPath("/app/registers.xhtml");

        browser.logout();
        browser.open("login.xhtml?next=%2F%2Fevil.example%2Fapp%2F");
        browser.login("clerk.sct", Fixtures.PASSWORD);
        browser.waitForPath("/app/index.xhtml");
    }

    @Test
    void clerkRegistersAnIncomingDocumentWithItsPdfAndReadsItBack() throws IOException {
        String symbol = unique() + "/TTr-UBND";
        String summary = "Tờ trình đề nghị mở rộng cụm công nghiệp Hữu Lũng " + symbol;
        byte[] pdf = TestFiles.pdf("To trinh mo rong CCN Huu Lung " + symbol, 30_000);
        browser.login("clerk.sct", Fixtures.PASSWORD);

        // the issuer picked from the directory: the page fills in its name
        int arrival = registerIncoming(symbol, DIRECTORY + "Ủy ban nhân dân xã Hữu Lũng", summary, pdf,
                "Tờ trình mở rộng.pdf", "03-incoming-form");
        browser.screenshot("04-incoming-registered");

        browser.click("open");
        browser.waitForPath("/app/document.xhtml");
        assertEquals(symbol, browser.text("numberSymbol"));
        assertEquals(summary, browser.text("summary"));
        assertEquals(String.format("%02d", arrival) + "/" + LocalDate.now(VIETNAM).getYear(), browser.text("arrivalNumber"));
        assertEquals("Đã vào sổ", browser.text("status"));
        assertEquals("Ủy ban nhân dân xã Hữu Lũng (" + Fixtures.COMMUNE + ")", browser.text("issuer"));
        WebElement fileLink = browser.driver().findElement(By.linkText("Tờ trình mở rộng.pdf"));
        String page = browser.bodyText();
        assertTrue(page.contains(TestFiles.sha256(pdf)), "the file's SHA-256 is shown");
        assertTrue(page.contains("application/pdf"), "the detected type is shown");
        List<String> actions = auditActions();
        assertTrue(actions.containsAll(List.of("Đăng ký văn bản đến", "Xem")), actions::toString);
        browser.screenshot("05-document-detail");

        Answer download = browser.fetch(fileLink.getAttribute("href"));
        assertEquals(200, download.status(), download::toString);
        assertArrayEquals(pdf, download.body(), "the download link gives the registered bytes");

        browser.open("app/index.xhtml?direction=INCOMING");
        browser.type("filters:text", symbol);
        browser.click("filters:search");
        browser.waitForAjax();
        browser.waitForBodyText(summary);
        assertTrue(browser.text("pager-text").contains("1 văn bản"), browser.text("pager-text"));
        // the type is chosen by name from the table of types: another type finds nothing, its own type finds it
        browser.choose("filters:type", "Công văn (CV)");
        browser.click("filters:search");
        browser.waitForAjax();
        browser.waitForBodyText("Không có văn bản nào phù hợp.");
        assertTrue(browser.text("pager-text").contains(" 0 văn bản"), browser.text("pager-text"));
        browser.choose("filters:type", "Tờ trình (TTr)");
        browser.click("filters:search");
        browser.waitForAjax();
        browser.waitForBodyText(summary);
        assertTrue(browser.text("pager-text").contains("1 văn bản"), browser.text("pager-text"));
        browser.click("filters:clear");
        browser.waitForAjax();
        browser.waitForBodyText(summary);
        browser.screenshot("06-document-list");
    }

    @Test
    void aDuplicateNumberAndIssuerIsWarnedAndRegisteredOnlyWhenConfirmed() throws IOException {
        String symbol = unique() + "/CV-UBND";
        browser.login("clerk.sct", Fixtures.PASSWORD);
        int first = registerIncoming(symbol, "UBND xã Hữu Lũng", "Công văn về hạ tầng cụm công nghiệp", null, null, null);

        browser.open("app/incoming.xhtml");
        // the same number/symbol and issuer, written with other spacing and case
        fillIncoming(symbol.toLowerCase().replace("/", " / "), "ubnd  xã Hữu Lũng", "Công văn gửi lại lần hai");
        browser.submit("form:register");
        browser.waitForText("form:duplicates", "Văn bản này có thể đã được đăng ký");
        assertTrue(browser.bodyText().contains("đã được đăng ký"), "the service's warning is shown");
        assertTrue(browser.text("form:duplicates").contains(String.format("%02d", first)), "the earlier arrival number is listed");
        assertFalse(browser.present("arrival"), "nothing registered before confirmation");
        browser.screenshot("07-incoming-duplicate-warning");

        browser.submit("form:confirmDuplicate");
        int second = arrivalNumber();
        assertNotEquals(first, second);
        assertTrue(second > first, "the confirmed duplicate gets the next arrival number");
    }

    @Test
    void theServicesObjectionsAreShownAtTheirFields() {
        browser.login("clerk.sct", Fixtures.PASSWORD);
        browser.open("app/incoming.xhtml");
        browser.type("form:issuedDate_input", LocalDate.now(VIETNAM).plusDays(3).format(DD_MM_YYYY));
        browser.submit("form:register");
        browser.waitForBodyText("Thông tin văn bản đến không hợp lệ");
        assertEquals("Loại văn bản là bắt buộc", messageAt("form:typeCode"));
        assertEquals("Số, ký hiệu văn bản là bắt buộc", messageAt("form:numberSymbol"));
        assertEquals("Trích yếu nội dung là bắt buộc", messageAt("form:summary"));
        assertEquals("Ngày ban hành không thể sau ngày hôm nay", messageAt("form:issuedDate"));
        assertFalse(browser.present("arrival"), "nothing registered");
        browser.screenshot("03b-incoming-invalid");
    }

    @Test
    void specialistDraftsAnOutgoingDocumentAndTheClerkIssuesItsNumber() {
        String summary = "Công văn đề nghị góp ý quy hoạch cụm công nghiệp " + unique();
        browser.login("specialist.sct", Fixtures.PASSWORD);
        assertFalse(browser.present("nav-incoming"), "a specialist does not register incoming documents");
        browser.click("nav-outgoing");
        browser.waitForPath("/app/outgoing.xhtml");
        browser.choose("form:typeCode", "Công văn (CV)");
        browser.type("form:summary", summary);
        browser.type("form:signerName", "Nguyễn Văn Hùng");
        browser.type("form:signerPosition", "Phó Giám đốc");
        chooseRecipient("Sở Tài chính tỉnh Lạng Sơn");
        browser.type("form:otherRecipients", "Lưu: VT, QLCN.");
        browser.type("form:copies", "3");
        browser.screenshot("08-outgoing-form");
        browser.submit("form:save");

        browser.waitForPath("/app/document.xhtml");
        String documentPath = browser.path();
        assertEquals("Dự thảo", browser.text("status"));
        assertTrue(browser.bodyText().contains("Đã lưu dự thảo văn bản đi"), "the save is confirmed");
        assertTrue(browser.text("recipients").contains("Sở Tài chính tỉnh Lạng Sơn"), browser.text("recipients"));
        assertTrue(browser.text("recipients").contains("Lưu: VT, QLCN."), browser.text("recipients"));
        assertFalse(browser.present("issue:issueNumber"), "only the clerk issues numbers");

        browser.logout();
        browser.open(documentPath.substring(1));
        browser.waitForPath("/login.xhtml");
        browser.login("clerk.sct", Fixtures.PASSWORD);
        browser.waitForPath("/app/document.xhtml");
        assertEquals(documentPath, browser.path(), "login returns to the draft");
        browser.click("issue:issueNumber");
        // a Công văn's symbol names the drafting unit (05/SCT-QLCN): the service asks for it, then the page does
        browser.byId("issue:unit");
        browser.waitForBodyText("đơn vị soạn thảo");
        browser.type("issue:unit", "QLCN");
        browser.click("issue:issueNumber");
        browser.waitForText("status", "Đã ban hành");
        String number = browser.text("numberSymbol");
        assertTrue(number.matches("\\d{2,}/SCT-QLCN"), number);
        assertTrue(browser.bodyText().contains("Đã cấp số: " + number), "the number is announced");
        assertFalse(browser.present("issue:issueNumber"), "an issued document is not numbered twice");
        assertTrue(auditActions().contains("Cấp số"), auditActions()::toString);
        browser.screenshot("09-outgoing-numbered");
    }

    @Test
    void theRegisterPrintLinkGivesThePdf() {
        browser.login("clerk.sct", Fixtures.PASSWORD);
        browser.click("nav-registers");
        browser.waitForPath("/app/registers.xhtml");
        LocalDate today = LocalDate.now(VIETNAM);
        String firstOfYear = today.withDayOfYear(1).format(DD_MM_YYYY);
        browser.type("form:from_input", firstOfYear);
        browser.byId("form:from_input").sendKeys(Keys.TAB);
        // the link follows the chosen dates (the page updates it when a date changes)
        By link = By.cssSelector("[id='form:print'] a");
        browser.waitUntil(d -> d.findElement(link).getAttribute("href").contains("from=" + today.withDayOfYear(1)));
        String href = browser.driver().findElement(link).getAttribute("href");
        assertTrue(href.contains("/api/v1/registers/") && href.contains("from=" + today.withDayOfYear(1))
                && href.contains("to=" + today), href);
        browser.screenshot("10-registers");

        Answer pdf = browser.fetch(href);
        assertEquals(200, pdf.status(), pdf::toString);
        assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void aReaderIsRefusedTheDeskPagesAndSeesNoIssueButton() {
        long draft = draftOutgoingThroughApi("specialist.sct", "Dự thảo báo cáo tình hình cụm công nghiệp " + unique());
        browser.login("reader.sct", Fixtures.PASSWORD);
        browser.waitForPath("/app/index.xhtml");
        assertFalse(browser.present("nav-incoming") || browser.present("nav-outgoing") || browser.present("nav-registers"),
                "a reader's menu offers no desk work");

        for (String page : List.of("app/incoming.xhtml", "app/outgoing.xhtml", "app/registers.xhtml")) {
            browser.open(page);
            assertEquals("Bạn không có quyền truy cập trang này", browser.text("error-title"), page);
            assertFalse(browser.present("form"), page + " shows no form");
        }
        browser.open("app/incoming.xhtml");
        browser.screenshot("11-refused-reader");

        browser.open("app/document.xhtml?id=" + draft);
        assertEquals("Dự thảo", browser.text("status"), "a reader of the agency reads its drafts");
        assertFalse(browser.present("issue:issueNumber"), "but may not number them");
        assertFalse(browser.bodyText().contains("Cấp số văn bản đi"));
    }

    @Test
    void aSpecialistIsRefusedRegisterPrinting() {
        browser.login("specialist.sct", Fixtures.PASSWORD);
        browser.open("app/registers.xhtml");
        assertEquals("Bạn không có quyền truy cập trang này", browser.text("error-title"));
        browser.open("app/incoming.xhtml");
        assertEquals("Bạn không có quyền truy cập trang này", browser.text("error-title"));
    }

    @Test
    void anotherAgencysClerkNeitherOpensNorListsTheDocument() {
        String summary = "Tờ trình nội bộ Sở Công Thương " + unique();
        Answer created = Fixtures.user("clerk.sct").postMultipart("api/v1/documents/incoming",
                Json.createObjectBuilder().add("typeCode", "TTr").add("numberSymbol", unique() + "/TTr-SCT")
                        .add("issuerName", "Phòng Quản lý công nghiệp")
                        .add("issuedDate", LocalDate.now(VIETNAM).toString()).add("summary", summary).build(),
                List.of());
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();

        browser.login("clerk.stc", Fixtures.PASSWORD);
        browser.waitForPath("/app/index.xhtml");
        assertFalse(browser.bodyText().contains(summary), "not in the other agency's list");
        browser.type("filters:text", summary);
        browser.click("filters:search");
        browser.waitForAjax();
        browser.waitForBodyText("Không có văn bản nào phù hợp.");

        browser.open("app/document.xhtml?id=" + id);
        browser.waitForBodyText("Không tìm thấy văn bản " + id + " hoặc bạn không có quyền xem văn bản này");
        assertFalse(browser.present("summary"), "no metadata of the document");
        assertFalse(browser.bodyText().contains(summary));
        browser.screenshot("12-other-agency-not-found");
    }

    /** An issued document of another agency addressed to the user's own is marked "Nhận", not "Đi", in the list. */
    @Test
    void anotherAgencysDocumentAddressedToUsIsMarkedReceived() {
        String summary = "Công văn gửi Sở Tài chính " + unique();
        Answer draft = Fixtures.user("specialist.sct").postJson("api/v1/documents/outgoing", Json.createObjectBuilder()
                .add("typeCode", "CV").add("summary", summary).add("registerId", Fixtures.registerId("clerk.sct", "DI"))
                .add("recipients", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("agencyCode", Fixtures.STC).add("name", "Sở Tài chính")))
                .build());
        assertEquals(201, draft.status(), draft::toString);
        Answer numbered = Fixtures.user("clerk.sct").postJson("api/v1/documents/" + draft.json().getJsonNumber("id")
                + "/number", Json.createObjectBuilder().add("unit", "QLCN").build());
        assertEquals(200, numbered.status(), numbered::toString);

        for (String[] seen : new String[][] {{"clerk.stc", "Nhận"}, {"clerk.sct", "Đi"}}) {
            browser.startSignedOut();
            browser.login(seen[0], Fixtures.PASSWORD);
            browser.waitForPath("/app/index.xhtml");
            browser.type("filters:text", summary);
            browser.click("filters:search");
            browser.waitForAjax();
            browser.waitForBodyText(summary);
            List<WebElement> tags = browser.all(By.cssSelector("#results\\:documents .dms-tag"));
            assertEquals(List.of(seen[1]), tags.stream().map(WebElement::getText).toList(), seen[0]);
        }
    }

    @Test
    void unknownPagesShowTheFriendlyErrorPage() {
        browser.login("clerk.sct", Fixtures.PASSWORD);
        browser.waitForPath("/app/index.xhtml");
        browser.open("app/khong-co-trang-nay.xhtml");
        assertEquals("Không tìm thấy trang", browser.text("error-title"));
        browser.screenshot("13-not-found");
    }

    // --- steps ---

    /** Fills and sends the incoming form; returns the arrival number the page announces. */
    private int registerIncoming(String symbol, String issuer, String summary, byte[] pdf, String fileName,
            String screenshot) throws IOException {
        browser.open("app/incoming.xhtml");
        fillIncoming(symbol, issuer, summary);
        if (pdf != null) {
            Path dir = Files.createTempDirectory("dms-upload-");
            Path file = dir.resolve(fileName);
            Files.write(file, pdf);
            browser.byId("form:file_input").sendKeys(file.toAbsolutePath().toString());
        }
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
        browser.submit("form:register");
        return arrivalNumber();
    }

    /** Fills the incoming form; an issuer starting with {@link #DIRECTORY} is picked from the directory menu. */
    private void fillIncoming(String symbol, String issuer, String summary) {
        browser.choose("form:typeCode", "Tờ trình (TTr)");
        browser.type("form:numberSymbol", symbol);
        if (issuer.startsWith(DIRECTORY)) {
            String name = issuer.substring(DIRECTORY.length());
            browser.choose("form:issuerAgencyCode", name);
            browser.waitUntil(d -> name.equals(d.findElement(By.id("form:issuerName")).getAttribute("value")));
        } else {
            browser.type("form:issuerName", issuer);
        }
        browser.type("form:issuedDate_input", LocalDate.now(VIETNAM).minusDays(2).format(DD_MM_YYYY));
        browser.type("form:summary", summary);
        browser.type("form:signerName", "Hoàng Văn Đức");
        browser.type("form:pageCount", "3");
    }

    private int arrivalNumber() {
        browser.waitForText("arrival", "Đã đăng ký, số đến:");
        Matcher m = ARRIVAL.matcher(browser.text("arrival"));
        assertTrue(m.find(), browser.text("arrival"));
        return Integer.parseInt(m.group(1));
    }

    private void chooseRecipient(String agencyName) {
        browser.click("form:recipientAgencies");
        // The panel opens with an animation: wait until the item shows (a hidden item has no text for Selenium).
        WebElement[] item = new WebElement[1];
        browser.waitUntil(d -> {
            item[0] = d.findElement(By.id("form:recipientAgencies_panel")).findElements(By.cssSelector("li")).stream()
                    .filter(li -> li.isDisplayed() && li.getText().contains(agencyName)).findFirst().orElse(null);
            return item[0] != null;
        });
        item[0].findElement(By.cssSelector(".ui-chkbox-box")).click();
        browser.driver().findElement(By.tagName("h1")).click();
    }

    /** The message PrimeFaces shows beside an input ({@code p:message for=...}). */
    private String messageAt(String inputId) {
        return browser.driver().findElement(By.cssSelector("[id='" + inputId + "'] ~ .ui-message")).getText().trim();
    }

    private List<String> auditActions() {
        return browser.all(By.cssSelector("#audit .dms-action")).stream().map(WebElement::getText).toList();
    }

    private static long draftOutgoingThroughApi(String user, String summary) {
        long register = Fixtures.registerId(user, "DI");
        Answer a = Fixtures.user(user).postJson("api/v1/documents/outgoing", Json.createObjectBuilder()
                .add("typeCode", "BC").add("summary", summary).add("registerId", register).build());
        assertEquals(201, a.status(), a::toString);
        JsonObject doc = a.json();
        return doc.getJsonNumber("id").longValue();
    }

    private static String unique() {
        return Integer.toString(Math.floorMod(UUID.randomUUID().hashCode(), 90_000) + 10_000);
    }
}
