package vn.ccn.dms.it.ui;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One browser for the tests of a class, registered as a static extension: every test starts signed out on a fresh
 * login form, a failed test leaves what the browser showed (a screenshot and the HTML, named
 * {@code FAILED-<prefix><test method>}), and the browser is closed after the class. The class starts it with
 * {@link #start()} when its fixtures are ready.
 */
public final class BrowserSession implements BeforeEachCallback, AfterAllCallback, TestWatcher {

    private final String prefix;
    private Browser browser;

    public BrowserSession(String prefix) {
        this.prefix = prefix;
    }

    /** Starts the browser: fails on CI without Chromium, skips the class elsewhere. */
    public Browser start() {
        browser = Browser.start();
        return browser;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (browser != null) {
            browser.startSignedOut();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (browser != null) {
            String name = "FAILED-" + prefix + context.getRequiredTestMethod().getName();
            browser.screenshot(name);
            browser.savePageSource(name);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            try {
                browser.close();
            } finally {
                browser = null;
            }
        }
    }
}
