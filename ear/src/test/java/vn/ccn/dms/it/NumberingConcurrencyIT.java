package vn.ccn.dms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Decree 30/2020 numbering under load: 200 outgoing documents numbered by 32 concurrent clients get exactly
 * 01..200 of a fresh register, no gap, no repeat; the database agrees.
 */
@ExtendWith(ArquillianExtension.class)
class NumberingConcurrencyIT {

    private static final int DOCUMENTS = 200;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void fixtures() {
        Fixtures.load();
    }

    @Test
    void twoHundredConcurrentNumbersAreExactlyOneToTwoHundred() throws Exception {
        var created = Fixtures.admin().postJson("api/v1/registers", Json.createObjectBuilder()
                .add("agencyCode", Fixtures.STC).add("direction", "OUTGOING").add("code", "TB-CONC")
                .add("name", "Sổ thông báo (kiểm thử đồng thời)").build());
        assertEquals(201, created.status(), created::toString);
        long register = created.json().getJsonNumber("id").longValue();

        Api specialist = Fixtures.user("specialist.stc");
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            var draft = specialist.postJson("api/v1/documents/outgoing", Json.createObjectBuilder().add("typeCode", "TB")
                    .add("summary", "Thông báo số " + i).add("registerId", register).build());
            assertEquals(201, draft.status(), draft::toString);
            drafts.add(draft.json().getJsonNumber("id").longValue());
        }

        Api clerk = Fixtures.user("clerk.stc");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<String>> numbers = new ArrayList<>();
        try {
            for (long id : drafts) {
                numbers.add(pool.submit(() -> {
                    var answer = clerk.postJson("api/v1/documents/" + id + "/number", Json.createObjectBuilder().build());
                    assertEquals(200, answer.status(), answer::toString);
                    return answer.json().getString("numberSymbol");
                }));
            }
            TreeSet<Integer> issued = new TreeSet<>();
            for (Future<String> f : numbers) {
                String numberSymbol = f.get();
                assertTrue(numberSymbol.endsWith("/TB-STC"), numberSymbol);
                assertTrue(issued.add(Integer.parseInt(numberSymbol.substring(0, numberSymbol.indexOf('/')))),
                        "repeated " + numberSymbol);
            }
            assertEquals(IntStream.rangeClosed(1, DOCUMENTS).boxed().collect(Collectors.toCollection(TreeSet::new)), issued);
            assertTrue(numbers.get(0).get().length() >= 2 && numbers.stream().anyMatch(n -> {
                try {
                    return n.get().startsWith("01/");
                } catch (Exception e) {
                    return false;
                }
            }), "numbers below 10 carry a leading zero");
        } finally {
            pool.shutdownNow();
        }
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        assertEquals(DOCUMENTS, Database.count("select last_number from register_counter where register_id = " + register
                + " and year = " + year));
        assertEquals(DOCUMENTS, Database.count("select count(distinct number) from document where register_id = " + register));
    }
}
