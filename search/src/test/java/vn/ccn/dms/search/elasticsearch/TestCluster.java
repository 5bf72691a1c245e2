package vn.ccn.dms.search.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The Elasticsearch the integration tests talk to: the shared embedded node, or the cluster named by the
 * system property {@value #URL_PROPERTY} (for example {@code -Ddms.search.it.url=http://127.0.0.1:9200}
 * to run the same tests against a real server or a node in its own JVM).
 */
record TestCluster(String url) {

    static final String URL_PROPERTY = "dms.search.it.url";

    /** Deletes every index of a test prefix, so a rerun against a long-lived cluster starts clean. */
    void reset(String prefix) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            String names = http.send(HttpRequest.newBuilder(URI.create(url + "/_cat/indices/" + prefix + "-v*?h=index")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().strip();
            if (!names.isEmpty()) {
                String list = String.join(",", names.split("\\s+"));
                int status = http.send(HttpRequest.newBuilder(URI.create(url + "/" + list)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    throw new IllegalStateException("cannot delete test indexes " + list + ": HTTP " + status);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
