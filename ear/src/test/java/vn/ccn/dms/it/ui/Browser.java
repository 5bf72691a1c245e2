package vn.ccn.dms.it.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.ccn.dms.it.Api;

/**
 * One headless Chromium driven through chromedriver, both from Debian. Given the binaries explicitly so that
 * Selenium Manager never tries to download a browser or driver (this machine reaches no such site).
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final WebDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        // ajax updates replace elements while a condition reads them: read again rather than fail
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * Starts Chromium, or: on CI ({@code CI=true}) fails because the browser tests cannot run without it;
     * elsewhere skips them with the command that installs it.
     */
    public static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install with 'apt-get install -y chromium chromium-driver'";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        try {
            Path profile = Files.createTempDirectory("dms-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=vi-VN");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(Api.BASE.resolve(path).toString());
    }

    public String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Signs in through the login page the way a person does; leaves the browser on the page that follows. */
    public void login(String username, String password) {
        if (!path().startsWith("/login.xhtml")) {
            open("login.xhtml");
        }
        type("login:username", username);
        type("login:password", password);
        submit("login:submit");
    }

    /** Clicks a button that sends the whole page, and waits until the browser shows the answer. */
    public void submit(String id) {
        WebElement[] clicked = new WebElement[1];
        // The button may be replaced between finding and clicking (an ajax update still settling): find it again.
        fresh(() -> {
            WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
            button.click();
            clicked[0] = button;
        });
        // The old page is gone when its button is: Selenium says stale, chromedriver sometimes "not in the document".
        wait.until(d -> {
            try {
                clicked[0].isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** Forgets the session: the next page needs a new login. */
    public void logout() {
        submit("session:logout");
        waitForPath("/login.xhtml");
    }

    public WebElement byId(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    public boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public void type(String id, String text) {
        fresh(() -> {
            WebElement e = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
            e.clear();
            if (!e.getAttribute("value").isEmpty()) {
                // widgets such as the date picker put their value back after clear(): replace it as a person would
                e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            }
            e.sendKeys(text);
        });
    }

    public void click(String id) {
        fresh(() -> wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click());
    }

    /**
     * Runs a step again when the element it found was replaced meanwhile (a page still settling after a load or
     * an ajax update): Selenium reports a stale element, chromedriver sometimes a node "not in the document".
     */
    private void fresh(Runnable step) {
        for (int attempt = 1; ; attempt++) {
            try {
                step.run();
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            } catch (WebDriverException e) {
                if (attempt == 5 || e.getMessage() == null || !e.getMessage().contains("does not belong to the document")) {
                    throw e;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public String text(String id) {
        return byId(id).getText();
    }

    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void waitForPath(String prefix) {
        wait.until(d -> path().startsWith(prefix));
    }

    public void waitForText(String id, String part) {
        wait.until(d -> !d.findElements(By.id(id)).isEmpty() && d.findElement(By.id(id)).getText().contains(part));
    }

    public void waitForBodyText(String part) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(part));
    }

    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        wait.until(condition::apply);
    }

    /**
     * Picks an item of a PrimeFaces select-one menu by its label, as a person does with the mouse: opens it, waits
     * until the item shows (the panel opens with an animation, and a hidden item has no text for Selenium), clicks it
     * and waits for the ajax update it causes.
     */
    public void choose(String menuId, String label) {
        click(menuId);
        WebElement[] item = new WebElement[1];
        try {
            wait.until(d -> {
                for (WebElement li : d.findElement(By.id(menuId + "_panel")).findElements(By.cssSelector("li.ui-selectonemenu-item"))) {
                    if (li.isDisplayed() && li.getText().equals(label)) {
                        item[0] = li;
                        return true;
                    }
                }
                return false;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no item " + label + " in " + menuId, e);
        }
        item[0].click();
        waitForAjax();
    }

    /** Waits until PrimeFaces has no ajax request in flight. */
    public void waitForAjax() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    /** Saves the whole page (the window is stretched to the page's height first) as {@code name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
            Dimension before = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(4000, Math.max(700, height.intValue() + 40))));
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(before);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the page's HTML beside the screenshots, for a failure's post-mortem. */
    public void savePageSource(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fetches an address with this browser's session cookie, as a link the user clicks would. */
    public Api.Answer fetch(String href) {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        HttpRequest.Builder request = HttpRequest.newBuilder(Api.BASE.resolve(href)).timeout(Duration.ofSeconds(60)).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session.getValue());
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Api.Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a test signed out, on a fresh login form. Cookies belong to the page's site: open a page of it, forget
     * the session, then load the form again (a form loaded before belongs to the forgotten session).
     */
    public void startSignedOut() {
        open("login.xhtml");
        driver.manage().deleteAllCookies();
        open("login.xhtml");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
