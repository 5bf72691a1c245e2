package vn.ccn.dms.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.Map;

/** Builds RFC 9457 problem responses ({@code application/problem+json}). */
final class Problems {

    /**
     * One factory for the class: {@code Json.createObjectBuilder()} looks the JSON provider up through the
     * ServiceLoader on every call, which the upload benchmark's profile showed as a hot spot.
     */
    private static final jakarta.json.JsonBuilderFactory JSON = Json.createBuilderFactory(java.util.Map.of());

    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json", "UTF-8");

    private Problems() {
    }

    static Response of(int status, String type, String title, String detail, Map<String, Object> extensions) {
        return Response.status(status).type(PROBLEM_JSON).entity(body(status, type, title, detail, extensions)).build();
    }

    /** The problem document itself, for callers outside JAX-RS (a servlet filter). */
    static String body(int status, String type, String title, String detail, Map<String, Object> extensions) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", type).add("title", title).add("status", status);
        if (detail != null) {
            b.add("detail", detail);
        }
        extensions.forEach((k, v) -> b.add(k, toJson(v)));
        return b.build().toString();
    }

    private static jakarta.json.JsonValue toJson(Object v) {
        if (v == null) {
            return jakarta.json.JsonValue.NULL;
        }
        if (v instanceof Number n) {
            return Json.createValue(n.longValue());
        }
        if (v instanceof Boolean bool) {
            return bool ? jakarta.json.JsonValue.TRUE : jakarta.json.JsonValue.FALSE;
        }
        if (v instanceof Map<?, ?> m) {
            JsonObjectBuilder o = JSON.createObjectBuilder();
            m.forEach((k, x) -> o.add(String.valueOf(k), toJson(x)));
            return o.build();
        }
        if (v instanceof Collection<?> c) {
            JsonArrayBuilder a = JSON.createArrayBuilder();
            c.forEach(x -> a.add(toJson(x)));
            return a.build();
        }
        return Json.createValue(String.valueOf(v));
    }
}
