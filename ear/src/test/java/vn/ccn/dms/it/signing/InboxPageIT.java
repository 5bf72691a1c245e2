package vn.ccn.dms.it.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.ccn.dms.it.ui.BrowserSession;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.ccn.dms.it.Fixtures;
import vn.ccn.dms.it.ui.Browser;
import vn.ccn.dms.pades.testpki.TestDocuments;

/**
 * The leader's inbox page in a real browser (headless Chromium from Debian, driven through {@link Browser}): select
 * several documents, enter the PIN once, sign, watch the progress until each document shows its result; and the
 * reception desk numbering and sealing on the document page. Both sign in through the login page.
 */
@ExtendWith(ArquillianExtension.class)
class InboxPageIT {

    static SigningStack stack;
    private static Browser browser;

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("signing-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return vn.ccn.dms.it.Deployments.builtEar();
    }

    @BeforeAll
    static void stack() {
        browser = SESSION.start(); // fails on CI without Chromium, skips elsewhere
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
        browser.login("leader.sct", Fixtures.PASSWORD);
        browser.open("app/sign/inbox.xhtml");
        browser.waitForText("inbox:documents", "ký trên giao diện " + nonce);
        for (WebElement row : browser.all(By.cssSelector("#inbox\\:documents_data tr"))) {
            if (row.getText().contains("ký trên giao diện " + nonce)) {
                row.findElement(By.cssSelector("td.ui-selection-column .ui-chkbox-box")).click();
            }
        }
        browser.type("inbox:pin", stack.leaderPin());
        browser.click("inbox:sign");
        browser.waitForText("inbox:batch", "Đã xử lý 3/3");
        String results = browser.text("inbox:results");
        for (long id : ids) {
            Matcher row = Pattern.compile("\\d+ " + id + " (\\S.*?)\\s").matcher(results);
            assertTrue(row.find() && row.group(1).startsWith("Đã"), () -> "document " + id + " in " + results);
        }
        assertTrue(browser.text("inbox:batch").contains("3 đã ký, 0 không ký được"), results);
        browser.waitUntil(d -> !d.findElement(By.id("inbox:documents")).getText().contains("ký trên giao diện " + nonce));
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
        browser.login("clerk.sct", Fixtures.PASSWORD);
        browser.open("app/document.xhtml?id=" + id);
        assertEquals("Lãnh đạo đã ký, chờ cấp số", browser.text("status"));
        browser.click("issue:issueNumber");
        browser.waitUntil(d -> d.findElement(By.id("status")).getText().equals("Đã cấp số, chờ ký số của cơ quan"));
        browser.type("seal:pin", "sai-ma-pin");
        browser.click("seal:sealButton");
        browser.waitForBodyText("Mã PIN không đúng");
        assertEquals("NUMBERED", SigningSteps.document("clerk.sct", id).getString("status"));
        browser.type("seal:pin", SigningStack.ORGANISATION_PIN);
        browser.click("seal:sealButton");
        browser.waitUntil(d -> d.findElement(By.id("status")).getText().equals("Đã ban hành"));
        assertTrue(browser.bodyText().contains("đã ban hành và gửi đến nơi nhận"), browser::bodyText);
        assertTrue(!browser.present("seal:sealButton"), "nothing left to seal");
        JsonObject issued = SigningSteps.document("clerk.sct", id);
        assertEquals("ISSUED", issued.getString("status"));
        assertEquals(3, issued.getJsonArray("versions").size(), "draft, leader-signed, sealed");
    }
}
