package vn.ccn.dms.it.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.ccn.dms.it.Api;
import vn.ccn.dms.it.Fixtures;
import vn.ccn.dms.pades.testpki.TestDocuments;

/**
 * The leader's inbox page in a real browser (headless Chromium from Debian): select several documents, enter the
 * PIN once, sign, watch the progress until each document shows its result. The session is opened with HTTP Basic
 * and handed to the browser as its cookie (the login page belongs to the Faces UI's own tests).
 */
@ExtendWith(ArquillianExtension.class)
class InboxPageIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static SigningStack stack;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return vn.ccn.dms.it.Deployments.builtEar();
    }

    @BeforeAll
    static void stack() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true and " + message);
            }
            Assumptions.abort(message + "; skipped outside CI");
        }
        stack = SigningStack.get();
    }

    @Test
    void theLeaderSelectsSeveralDocumentsEntersThePinOnceAndSeesEachResult() throws Exception {
        String nonce = Long.toString(System.nanoTime() % 1_000_000);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            long id = SigningSteps.draft("specialist.sct", "clerk.sct", "GM", "Giấy mời họp " + i + " ký trên giao diện " + nonce,
                    TestDocuments.simplePdf(1));
            SigningSteps.submitted("specialist.sct", id);
            ids.add(id);
        }
        WebDriver driver = browser();
        try {
            // A cookie can be set only on a page of its site; a public Faces resource is one (an error page is not).
            driver.get(Api.BASE.resolve("jakarta.faces.resource/jquery/jquery.js.xhtml?ln=primefaces").toString());
            driver.manage().addCookie(new Cookie("JSESSIONID", session("leader.sct"), "/"));
            driver.get(Api.BASE.resolve("app/sign/inbox.xhtml").toString());
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.ignoring(StaleElementReferenceException.class);
            for (WebElement row : driver.findElements(By.cssSelector("#inbox\\:documents_data tr"))) {
                if (row.getText().contains("ký trên giao diện " + nonce)) {
                    row.findElement(By.cssSelector("td.ui-selection-column .ui-chkbox-box")).click();
                }
            }
            driver.findElement(By.id("inbox:pin")).sendKeys(stack.leaderPin());
            driver.findElement(By.id("inbox:sign")).click();
            wait.until(d -> d.findElement(By.id("inbox:batch")).getText().contains("Đã xử lý 3/3"));
            String results = driver.findElement(By.id("inbox:results")).getText();
            for (long id : ids) {
                Matcher row = Pattern.compile("\\d+ " + id + " (\\S.*?)\\s").matcher(results);
                assertTrue(row.find() && row.group(1).startsWith("Đã"), () -> "document " + id + " in " + results);
            }
            assertTrue(driver.findElement(By.id("inbox:batch")).getText().contains("3 đã ký, 0 không ký được"), results);
            wait.until(d -> !d.findElement(By.id("inbox:documents")).getText().contains("ký trên giao diện " + nonce));
        } catch (RuntimeException e) {
            throw failure(driver, "inbox-page", e);
        } finally {
            driver.quit();
        }
        for (long id : ids) {
            assertEquals("SIGNED", SigningSteps.document("specialist.sct", id).getString("status"));
        }
    }

    /**
     * The reception desk's part on the document page: a leader-signed document is numbered ("Cấp số"), then shows
     * that it waits for the organisation's signature; a wrong PIN is refused in Vietnamese; the right one seals and
     * issues it.
     */
    @Test
    void theClerkNumbersThenSealsOnTheDocumentPage() throws Exception {
        String nonce = Long.toString(System.nanoTime() % 1_000_000);
        long id = SigningSteps.draft("specialist.sct", "clerk.sct", "TB", "Thông báo đóng dấu trên giao diện " + nonce,
                TestDocuments.simplePdf(1));
        SigningSteps.submitted("specialist.sct", id);
        assertEquals("SIGNED", SigningSteps.signBatch("leader.sct", List.of(id), stack.leaderPin()).getJsonArray("items")
                .getJsonObject(0).getString("status"));
        WebDriver driver = browser();
        try {
            driver.get(Api.BASE.resolve("jakarta.faces.resource/jquery/jquery.js.xhtml?ln=primefaces").toString());
            driver.manage().addCookie(new Cookie("JSESSIONID", session("clerk.sct"), "/"));
            driver.get(Api.BASE.resolve("app/document.xhtml?id=" + id).toString());
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.ignoring(StaleElementReferenceException.class);
            assertEquals("Lãnh đạo đã ký, chờ cấp số", driver.findElement(By.id("status")).getText());
            driver.findElement(By.id("issue:issueNumber")).click();
            wait.until(d -> d.findElement(By.id("status")).getText().equals("Đã cấp số, chờ ký số của cơ quan"));
            driver.findElement(By.id("seal:pin")).sendKeys("sai-ma-pin");
            driver.findElement(By.id("seal:sealButton")).click();
            wait.until(d -> d.getPageSource().contains("Mã PIN không đúng"));
            assertEquals("NUMBERED", SigningSteps.document("clerk.sct", id).getString("status"));
            driver.findElement(By.id("seal:pin")).sendKeys(SigningStack.ORGANISATION_PIN);
            driver.findElement(By.id("seal:sealButton")).click();
            wait.until(d -> d.findElement(By.id("status")).getText().equals("Đã ban hành"));
            assertTrue(driver.getPageSource().contains("đã ban hành và gửi đến nơi nhận"));
            assertTrue(driver.findElements(By.id("seal:sealButton")).isEmpty(), "nothing left to seal");
        } catch (RuntimeException e) {
            throw failure(driver, "seal-page", e);
        } finally {
            driver.quit();
        }
        JsonObject issued = SigningSteps.document("clerk.sct", id);
        assertEquals("ISSUED", issued.getString("status"));
        assertEquals(3, issued.getJsonArray("versions").size(), "draft, leader-signed, sealed");
    }

    /** Keeps the page the browser showed when a step failed, beside the EAR, and says where. */
    private static AssertionError failure(WebDriver driver, String name, RuntimeException e) throws java.io.IOException {
        Path page = Path.of(System.getProperty("ear.file")).resolveSibling(name + "-failure.html");
        Files.writeString(page, driver.getPageSource());
        return new AssertionError(name + " test failed; page source in " + page, e);
    }

    /** A session opened with HTTP Basic on a page (the mechanism keeps it: {@code @AutoApplySession}). */
    static String session(String username) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(Api.BASE.resolve("app/index.xhtml"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + Fixtures.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            Matcher m = Pattern.compile("JSESSIONID=([^;]+)").matcher(cookie);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no session cookie: " + response.headers());
    }

    static WebDriver browser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("dms-sign-chromium-"), "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
