package vn.ccn.dms.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ccn.dms.it.search.Searching.awaitSearch;
import static vn.ccn.dms.it.search.Searching.ids;
import static vn.ccn.dms.it.search.Searching.incoming;
import static vn.ccn.dms.it.search.Searching.pdf;
import static vn.ccn.dms.it.search.Searching.query;
import static vn.ccn.dms.it.search.Searching.register;

import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * The search page in a real browser: a query typed without diacritics finds the decision with highlighted
 * snippets, a facet narrows the list and shows as chosen, the list exports to PDF, a search is saved and run
 * again from its link, another agency's user finds nothing, and a hostile query gets a Vietnamese answer.
 */
@ExtendWith(ArquillianExtension.class)
class SearchPageIT {

    private static Browser browser;
    private static String token;
    private static long decision;

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("search-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void start() {
        Fixtures.load();
        Api clerk = Fixtures.user("clerk.sct");
        token = "tk" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        decision = register(clerk, incoming("QĐ", "15/2025/QĐ-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn",
                "Quyết định thành lập cụm công nghiệp Hữu Lũng " + token),
                pdf("qd.pdf", "Quyết định thành lập cụm công nghiệp Hữu Lũng, diện tích 48,5 ha " + token));
        long letter = register(clerk, incoming("CV", "88/SCT-QLCN", "Sở Công Thương tỉnh Lạng Sơn",
                "Công văn về cụm công nghiệp Hữu Lũng " + token), pdf("cv.pdf", "Công văn góp ý " + token));
        awaitSearch(Fixtures.user("reader.sct"), query(Map.of("q", token)),
                r -> ids(r).containsAll(List.of(decision, letter)), "both documents indexed");
        browser = SESSION.start();
    }

    @Test
    void aReaderFindsFiltersExportsAndSavesASearch() {
        browser.login("reader.sct", Fixtures.PASSWORD);
        browser.open("app/search.xhtml");
        browser.type("q", "quyet dinh thanh lap cum cong nghiep huu lung " + token);
        browser.click("search");
        browser.waitForText("total", "Tìm thấy");
        List<WebElement> titles = browser.all(By.cssSelector(".dms-hit-title"));
        assertTrue(titles.get(0).getText().startsWith("15/2025/QĐ-UBND – Quyết định thành lập"), titles.get(0).getText());
        assertTrue(browser.all(By.cssSelector(".dms-snippet mark")).stream().anyMatch(m -> m.getText().equals("Quyết")),
                "the words found are marked in the snippets");
        browser.screenshot("20-search-results");

        // Other tests' decisions match most of those words too (beyond three words, 75 % must match): the facet is
        // tried on the two documents that hold this run's word.
        browser.type("q", token);
        browser.click("search");
        browser.waitForText("total", "Tìm thấy 2 văn bản");
        // The type facet narrows the list to the decision and shows as chosen; the address keeps the search.
        WebElement typeFacet = browser.all(By.cssSelector(".dms-facets li a")).stream()
                .filter(a -> a.getText().equals("Quyết định")).findFirst().orElseThrow();
        typeFacet.click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("type=Q"));
        browser.waitForText("total", "Tìm thấy 1 văn bản");
        assertEquals(List.of("Quyết định"), browser.all(By.cssSelector(".dms-facets li.dms-selected a")).stream()
                .map(WebElement::getText).toList());

        Answer pdf = browser.fetch(browser.byId("export-pdf").getAttribute("href"));
        assertEquals(200, pdf.status(), pdf::toString);
        assertTrue(pdf.contentType().startsWith("application/pdf"), pdf::toString);

        String name = "Quyết định Hữu Lũng " + token;
        browser.type("saved:save-name", name);
        browser.click("saved:save");
        browser.waitForAjax();
        browser.waitForText("saved", name);
        browser.click("clear");
        browser.waitUntil(d -> !d.getCurrentUrl().contains("q="));
        browser.driver().findElement(By.linkText(name)).click();
        browser.waitForText("total", "Tìm thấy 1 văn bản");
        assertTrue(browser.all(By.cssSelector(".dms-hit-title")).get(0).getText().startsWith("15/2025/QĐ-UBND"));
    }

    @Test
    void anotherAgencysUserFindsNothingAndAHostileQueryIsAnsweredInVietnamese() {
        browser.login("clerk.stc", Fixtures.PASSWORD);
        browser.open("app/search.xhtml?q=" + token);
        browser.waitForText("total", "Tìm thấy 0 văn bản");
        assertTrue(browser.all(By.cssSelector(".dms-hit")).isEmpty());

        // Lucene syntax is searched as words; a year that is not one is refused with a sentence, not a stack trace.
        browser.open("app/search.xhtml?q=" + "%28%28%28%22title%3Ax+AND");
        browser.waitForText("total", "Tìm thấy");
        browser.open("app/search.xhtml?q=" + "%28%28%28%22" + "&year=abc");
        browser.waitForText("search-error", "Năm phải có 4 chữ số, không phải 'abc'");
        // Every wrong value is named at once, and a value repeated in an edited address is no error.
        browser.open("app/search.xhtml?q=" + token + "&year=abc,19&type=QĐ,QĐ");
        browser.waitForText("search-error", "Năm phải có 4 chữ số, không phải 'abc'. Năm phải có 4 chữ số, không phải '19'.");
        browser.open("app/search.xhtml?q=" + token + "&year=2025,2025");
        browser.waitForText("total", "Tìm thấy 0 văn bản");
        assertTrue(!browser.bodyText().contains("Exception"), "no server error shown");
    }
}
