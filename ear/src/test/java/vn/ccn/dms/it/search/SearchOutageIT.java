package vn.ccn.dms.it.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ccn.dms.it.search.Searching.awaitSearch;
import static vn.ccn.dms.it.search.Searching.awaitSettled;
import static vn.ccn.dms.it.search.Searching.ids;
import static vn.ccn.dms.it.search.Searching.incoming;
import static vn.ccn.dms.it.search.Searching.query;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.ccn.dms.it.Api;
import vn.ccn.dms.it.Api.Answer;
import vn.ccn.dms.it.Deployments;
import vn.ccn.dms.it.Fixtures;

/**
 * Elasticsearch goes down: registering and downloading keep working, searching says it is unavailable (503),
 * readiness stays UP and reports the outage; when the node comes back the documents registered meanwhile become
 * searchable by themselves (the outbox retries with backoff).
 */
@ExtendWith(ArquillianExtension.class)
class SearchOutageIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void fixtures() {
        Fixtures.load();
    }

    @Test
    void documentsRegisteredDuringAnOutageBecomeSearchableWhenTheNodeReturns() {
        Api clerk = Fixtures.user("clerk.sct");
        Api reader = Fixtures.user("reader.sct");
        String t = "sc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long before = Searching.register(clerk, incoming("CV", "1/SC-" + t, "Sở Xây dựng", "Trước sự cố " + t),
                Searching.pdf("truoc.pdf", "Trước sự cố " + t));
        awaitSettled(clerk, before);

        ElasticsearchProcess node = EmbeddedSearchSession.node();
        node.stop();
        List<Long> during = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                during.add(Searching.register(clerk, incoming("CV", (10 + i) + "/SC-" + t, "Sở Xây dựng",
                        "Trong sự cố " + t), Searching.pdf("trong-" + i + ".pdf", "Nội dung trong sự cố " + t)));
            }
            JsonObject document = clerk.get("api/v1/documents/" + during.get(0)).json();
            long fileId = document.getJsonArray("versions").getJsonObject(0).getJsonArray("files").getJsonObject(0)
                    .getJsonNumber("id").longValue();
            assertEquals(200, clerk.get("api/v1/documents/" + during.get(0) + "/files/" + fileId + "/content").status());

            Answer search = Searching.search(reader, t);
            assertEquals(503, search.status(), search::toString);
            assertTrue(search.contentType().startsWith("application/problem+json"), search::toString);

            Answer ready = Api.anonymous().get("health/ready");
            assertEquals(200, ready.status(), "readiness stays UP without Elasticsearch: " + ready);
            JsonObject data = ready.json().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                    .filter(c -> c.getString("name").equals("search-index")).findFirst().orElseThrow().getJsonObject("data");
            assertEquals("false", String.valueOf(data.get("searchAvailable")).replace("\"", ""), data::toString);
            assertEquals("UNAVAILABLE", data.getString("indexStatus"));
            assertTrue(Long.parseLong(String.valueOf(data.get("outboxBacklog")).replace("\"", "")) >= 1, data::toString);
            for (long id : during) {
                var states = clerk.get("api/v1/search/documents/" + id + "/index-state").array();
                assertEquals("PENDING", states.getJsonObject(0).getString("state"));
            }
        } finally {
            node.start();
        }
        JsonObject found = awaitSearch(reader, query(Map.of("q", t)), r -> ids(r).containsAll(during),
                "documents registered during the outage");
        assertEquals(4, found.getInt("total"), found::toString);
        for (long id : during) {
            assertEquals("INDEXED", awaitSettled(clerk, id).getString("state"));
        }
    }
}
