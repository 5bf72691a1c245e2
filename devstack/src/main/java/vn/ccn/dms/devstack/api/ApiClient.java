package vn.ccn.dms.devstack.api;

import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A small client of the REST API v1 for the run command, demo data and integration tests: HTTP Basic
 * authentication sent with every request (no challenge round trip), JSON bodies through Jakarta JSON
 * Processing, and multipart uploads whose files are streamed from disk.
 *
 * <p>Methods return whatever the server answered, errors included; call {@link ApiResponse#expect(int...)} to
 * turn an unexpected status into an {@link ApiException}. Connection failures are {@link UncheckedIOException}s.
 *
 * <pre>{@code
 * ApiClient admin = new ApiClient(URI.create("http://127.0.0.1:8080/api/v1/"), "admin", password);
 * JsonObject me = admin.get("me").expect(200).object();
 * ApiClient clerk = admin.as("vanthu.sct", demoPassword);
 * }</pre>
 */
public final class ApiClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http;
    private final URI apiBase;
    private final String username;
    private final String authorization;

    /**
     * @param apiBase  base of the API, such as {@code http://127.0.0.1:8080/api/v1/} (a missing final slash is added)
     * @param username user sent with every request
     * @param password that user's password
     */
    public ApiClient(URI apiBase, String username, String password) {
        this(HttpClient.newBuilder()
                // Payara's HTTP listener speaks HTTP/1.1; the JDK's default would offer an h2c upgrade on every call.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build(), apiBase, username, password);
    }

    private ApiClient(HttpClient http, URI apiBase, String username, String password) {
        this.http = http;
        Objects.requireNonNull(apiBase, "apiBase");
        this.apiBase = apiBase.toString().endsWith("/") ? apiBase : URI.create(apiBase + "/");
        this.username = Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A client for another user, sharing this one's connections and base. */
    public ApiClient as(String otherUsername, String otherPassword) {
        return new ApiClient(http, apiBase, otherUsername, otherPassword);
    }

    public URI apiBase() {
        return apiBase;
    }

    public String username() {
        return username;
    }

    /** {@code GET path}, where path is relative to the API base and may carry a query ({@code documents?page=0}). */
    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    /** {@code POST path} with a JSON body. */
    public ApiResponse post(String path, JsonStructure body) {
        Objects.requireNonNull(body, "body");
        return send(request(path)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    /** {@code PUT path} with a JSON body. */
    public ApiResponse put(String path, JsonStructure body) {
        Objects.requireNonNull(body, "body");
        return put(path, "application/json; charset=UTF-8", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code PUT path} with a body of the given media type (an image, for example). */
    public ApiResponse put(String path, String contentType, byte[] body) {
        Objects.requireNonNull(body, "body");
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** {@code POST path} with a multipart body; its files are streamed. */
    public ApiResponse post(String path, MultipartBody body) {
        Objects.requireNonNull(body, "body");
        return send(request(path).header("Content-Type", body.contentType()).POST(body.publisher()));
    }

    /**
     * {@code GET path} with the body streamed into {@code target} (replaced if it exists) when the status is 2xx;
     * the returned response then has an empty body. Error bodies are kept in the response as usual.
     */
    public ApiResponse download(String path, Path target) {
        Objects.requireNonNull(target, "target");
        HttpRequest request = request(path).GET().build();
        try {
            HttpResponse<byte[]> errorOrEmpty = http.send(request, info -> info.statusCode() / 100 == 2
                    ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(target,
                            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
                            written -> new byte[0])
                    : HttpResponse.BodySubscribers.ofByteArray());
            return toResponse(request, errorOrEmpty);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during GET " + request.uri(), e);
        }
    }

    /** {@code path?k1=v1&k2=v2} with the values URL-encoded as UTF-8; null values are left out. */
    public static String withQuery(String path, Map<String, ?> parameters) {
        Objects.requireNonNull(path, "path");
        String query = parameters.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + query;
    }

    private HttpRequest.Builder request(String path) {
        Objects.requireNonNull(path, "path");
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return HttpRequest.newBuilder(apiBase.resolve(relative))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json, application/problem+json, */*;q=0.5");
    }

    private ApiResponse send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            return toResponse(request, http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static ApiResponse toResponse(HttpRequest request, HttpResponse<byte[]> response) {
        return new ApiResponse(request.method(), request.uri(), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    @Override
    public String toString() {
        return "ApiClient[" + username + "@" + apiBase + "]";
    }
}
