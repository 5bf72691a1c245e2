package vn.ccn.dms.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.ccn.dms.it.Deployments;
import vn.ccn.dms.it.Fixtures;
import vn.ccn.dms.it.TestOpenIdProvider;

/**
 * Issue 2, sign-in at the agency's identity provider from the login page, in Chromium: the page asked for first,
 * the button on the login page, the provider (the test JVM's), and back on that page signed in as the directory's
 * user; a user the directory does not have reads why on the login page, in Vietnamese.
 */
@ExtendWith(ArquillianExtension.class)
class OpenIdSignInIT {

    private static Browser browser;
    private static TestOpenIdProvider provider;

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("oidc-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void start() throws Exception {
        Fixtures.load();
        provider = TestOpenIdProvider.start();
        browser = SESSION.start();
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
    }

    @BeforeEach
    void signedOut() {
        provider.signedInUser = "clerk.sct";
    }

    @Test
    void theDeskSignsInAtTheProviderAndLandsOnThePageItAskedFor() {
        browser.open("app/registers.xhtml");
        browser.waitForPath("/login.xhtml");
        assertEquals("Đăng nhập qua hệ thống định danh (SSO)", browser.text("oidc-login"));
        browser.click("oidc-login");
        browser.waitForPath("/app/registers.xhtml");
        browser.waitForText("user-name", "Người thử CLERK SCT");
        // The session is the application's own: the next page needs no trip to the provider.
        browser.open("app/index.xhtml");
        browser.waitForPath("/app/index.xhtml");
        assertEquals("Người thử CLERK SCT", browser.text("user-name"));
        // Signing out ends the provider's session too (a desk's computer is shared), and comes back to the login page.
        int ended = provider.endedSessions().size();
        browser.logout();
        assertEquals(ended + 1, provider.endedSessions().size(), "the provider was asked to end its session");
        browser.open("app/index.xhtml");
        browser.waitForPath("/login.xhtml");
    }

    @Test
    void aPersonTheDirectoryDoesNotHaveReadsWhyInVietnamese() {
        provider.signedInUser = "nguoi.la";
        browser.open("login.xhtml");
        browser.click("oidc-login");
        browser.waitForPath("/login.xhtml?oidc=unknown");
        browser.waitForBodyText("Tài khoản định danh không có hoặc đã bị khóa trong danh bạ của hệ thống.");
        browser.open("app/index.xhtml");
        browser.waitForPath("/login.xhtml");
        assertTrue(browser.present("login:username"), "still signed out, the password form offered too");
    }
}
