package vn.ccn.dms.devstack.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server answered: status, content type and the body bytes (empty for downloads written to a file).
 *
 * @param method      the request method, for messages
 * @param uri         the request URI, for messages
 * @param status      HTTP status code
 * @param contentType the {@code Content-Type} header, or an empty string
 * @param body        the body bytes
 */
public record ApiResponse(String method, URI uri, int status, String contentType, byte[] body) {

    public ApiResponse {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(contentType, "contentType");
        body = Objects.requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Whether the body is an RFC 9457 problem document. */
    public boolean isProblem() {
        return contentType.startsWith("application/problem+json");
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON. */
    public JsonValue json() {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            throw new IllegalStateException(method + " " + uri + " answered " + status + " with a body that is not JSON: "
                    + abbreviate(text()), e);
        }
    }

    public JsonObject object() {
        return json().asJsonObject();
    }

    public JsonArray array() {
        return json().asJsonArray();
    }

    /** The {@code type} of a problem answer, such as {@code urn:dms:problem:duplicate-document}. */
    public Optional<String> problemType() {
        return problemField("type");
    }

    /**
     * Returns this response when its status is one of {@code expected}, otherwise throws an {@link ApiException}
     * that carries the problem's title and detail.
     */
    public ApiResponse expect(int... expected) {
        if (Arrays.stream(expected).anyMatch(s -> s == status)) {
            return this;
        }
        throw new ApiException(this, "expected " + Arrays.toString(expected));
    }

    /** One line saying what came back, with the problem title and detail when there is one. */
    public String describe() {
        StringBuilder text = new StringBuilder(method).append(' ').append(uri).append(" answered ").append(status);
        if (isProblem()) {
            problemField("title").ifPresent(t -> text.append(": ").append(t));
            problemField("detail").ifPresent(d -> text.append(" (").append(d).append(')'));
            problemField("errors").ifPresent(e -> text.append(" errors: ").append(e));
        } else if (body.length > 0 && (contentType.contains("json") || contentType.startsWith("text/plain"))) {
            text.append(": ").append(abbreviate(text()));
        }
        return text.toString();
    }

    private Optional<String> problemField(String name) {
        if (!contentType.contains("json") || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonValue value = json();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return Optional.empty();
            }
            JsonValue field = value.asJsonObject().get(name);
            return field == null || field.getValueType() == JsonValue.ValueType.NULL
                    ? Optional.empty()
                    : Optional.of(field.getValueType() == JsonValue.ValueType.STRING
                            ? value.asJsonObject().getString(name) : field.toString());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiResponse r && r.status == status && r.method.equals(method) && r.uri.equals(uri)
                && r.contentType.equals(contentType) && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, status, contentType, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return describe();
    }
}
