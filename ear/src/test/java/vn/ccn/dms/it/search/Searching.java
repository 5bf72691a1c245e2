package vn.ccn.dms.it.search;

import vn.ccn.dms.indexing.infrastructure.SampleFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import vn.ccn.dms.it.Api;
import vn.ccn.dms.it.Api.Answer;
import vn.ccn.dms.it.Api.FilePart;
import vn.ccn.dms.it.Fixtures;

/** Registering documents and searching them through the API, with the waits that indexing needs. */
public final class Searching {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final Duration INDEXING_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Searching() {
    }

    public static JsonObjectBuilder incoming(String typeCode, String numberSymbol, String issuer, String summary) {
        return Json.createObjectBuilder().add("typeCode", typeCode).add("numberSymbol", numberSymbol)
                .add("issuerName", issuer).add("issuedDate", LocalDate.now(VIETNAM).minusDays(3).toString())
                .add("summary", summary);
    }

    /** Registers an incoming document with files; returns its id. */
    public static long register(Api clerk, JsonObjectBuilder metadata, FilePart... files) {
        Answer a = clerk.postMultipart("api/v1/documents/incoming?confirmDuplicate=true", metadata.build(), List.of(files));
        assertEquals(201, a.status(), a::toString);
        return a.json().getJsonNumber("id").longValue();
    }

    public static FilePart pdf(String name, String text) {
        return new FilePart(name, "application/pdf", SampleFiles.pdf(text));
    }

    public static String query(Map<String, String> params) {
        StringBuilder b = new StringBuilder("api/v1/search?");
        params.forEach((k, v) -> b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        return b.toString();
    }

    public static Answer search(Api user, String q) {
        return user.get(query(Map.of("q", q)));
    }

    /** The state of the latest version once the worker has settled it (indexed or failed). */
    public static JsonObject awaitSettled(Api user, long documentId) {
        Instant until = Instant.now().plus(INDEXING_TIMEOUT);
        JsonObject last = null;
        while (Instant.now().isBefore(until)) {
            Answer a = user.get("api/v1/search/documents/" + documentId + "/index-state");
            assertEquals(200, a.status(), a::toString);
            var versions = a.array();
            if (!versions.isEmpty()) {
                last = versions.getJsonObject(versions.size() - 1);
                if (!"PENDING".equals(last.getString("state"))) {
                    return last;
                }
            }
            sleep(300);
        }
        return fail("document " + documentId + " still pending after " + INDEXING_TIMEOUT + ": " + last);
    }

    /** Searches until the answer satisfies {@code done} (indexing and the index refresh take a moment). */
    public static JsonObject awaitSearch(Api user, String path, Predicate<JsonObject> done, String what) {
        Instant until = Instant.now().plus(INDEXING_TIMEOUT);
        Answer last = null;
        while (Instant.now().isBefore(until)) {
            last = user.get(path);
            if (last.status() == 200 && done.test(last.json())) {
                return last.json();
            }
            sleep(400);
        }
        return fail(what + " not seen within " + INDEXING_TIMEOUT + "; last answer " + last);
    }

    public static List<Long> ids(JsonObject result) {
        return result.getJsonArray("hits").stream()
                .map(v -> ((JsonObject) v).getJsonNumber("id").longValue()).toList();
    }

    public static long facetCount(JsonObject result, String facet, String value) {
        return result.getJsonObject("facets").getJsonArray(facet).stream().map(JsonValue::asJsonObject)
                .filter(b -> b.getString("value").equals(value)).mapToLong(b -> b.getJsonNumber("count").longValue())
                .sum();
    }

    /** PUT and DELETE, which the shared client does not offer, as a fixture user. */
    public static Answer send(String username, String method, String path, JsonValue body) {
        return send(HTTP, username, method, path, body);
    }

    /**
     * A request on a connection of its own: after refusing an oversized request line the server closes the
     * connection, which a pooled client would otherwise try to reuse for the next request.
     */
    public static Answer sendAlone(String username, String method, String path, JsonValue body) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return send(client, username, method, path, body);
    }

    private static Answer send(HttpClient client, String username, String method, String path, JsonValue body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(Api.BASE.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
