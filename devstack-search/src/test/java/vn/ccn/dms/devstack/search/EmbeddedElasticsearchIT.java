package vn.ccn.dms.devstack.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedElasticsearchIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void answersTheRootEndpointFoldsVietnameseAndKeepsDataAcrossARestart(@TempDir Path home) throws Exception {
        try (EmbeddedElasticsearch es = EmbeddedElasticsearch.start(home, 0)) {
            assertThrows(IllegalStateException.class, () -> EmbeddedElasticsearch.start(home.resolve("other"), 0),
                    "one node per JVM");
            HttpResponse<String> root = get(es, "/");
            assertEquals(200, root.statusCode());
            assertTrue(root.body().contains("\"number\":\"8.19.21\""), root.body());
            assertEquals("Elasticsearch", root.headers().firstValue("X-elastic-product").orElse(""));
            assertEquals(200, send(es, "HEAD", "/", null).statusCode());

            String index = """
                    {"settings":{"analysis":{
                      "filter":{"fold":{"type":"asciifolding","preserve_original":true}},
                      "analyzer":{"vi":{"type":"custom","tokenizer":"standard","filter":["lowercase","fold"]}},
                      "normalizer":{"n":{"type":"custom","filter":["lowercase","asciifolding"]}}}},
                     "mappings":{"properties":{"t":{"type":"text","analyzer":"vi"},"k":{"type":"keyword","normalizer":"n"}}}}""";
            assertEquals(200, send(es, "PUT", "/probe", index).statusCode());
            String tokens = send(es, "POST", "/probe/_analyze", "{\"analyzer\":\"vi\",\"text\":\"Đề án Hữu Lũng\"}").body();
            for (String token : new String[] {"\"đề\"", "\"de\"", "\"án\"", "\"an\"", "\"hữu\"", "\"huu\"", "\"lũng\"", "\"lung\""}) {
                assertTrue(tokens.contains(token), token + " in " + tokens);
            }
            String normalized = send(es, "POST", "/probe/_analyze", "{\"field\":\"k\",\"text\":\"09/2025/QĐ-UBND\"}").body();
            assertTrue(normalized.contains("\"token\":\"09/2025/qd-ubnd\""), normalized);
            assertEquals(201, send(es, "PUT", "/probe/_doc/1?refresh=true", "{\"t\":\"Quyết định\"}").statusCode());
        }
        try (EmbeddedElasticsearch again = EmbeddedElasticsearch.start(home, 0)) {
            HttpResponse<String> found = send(again, "POST", "/probe/_search", "{\"query\":{\"match\":{\"t\":\"quyet dinh\"}}}");
            assertTrue(found.body().contains("\"total\":{\"value\":1"), found.body());
        }
    }

    @Test
    void mainPrintsTheUrlAndStopsWhenStandardInputCloses(@TempDir Path home) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                EmbeddedElasticsearch.class.getName(), "--home=" + home, "--port=0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("ELASTICSEARCH_URL=")) {
                    url = line.substring("ELASTICSEARCH_URL=".length());
                    break;
                }
            }
            assertTrue(url != null && url.matches("http://127\\.0\\.0\\.1:\\d+"), "printed URL: " + url);
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(url + "/")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());

            process.getOutputStream().close();

            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the node stops when its parent closes standard input");
        } finally {
            process.destroyForcibly();
        }
    }

    private static HttpResponse<String> get(EmbeddedElasticsearch es, String path) throws IOException, InterruptedException {
        return send(es, "GET", path, null);
    }

    private static HttpResponse<String> send(EmbeddedElasticsearch es, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(es.httpUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
