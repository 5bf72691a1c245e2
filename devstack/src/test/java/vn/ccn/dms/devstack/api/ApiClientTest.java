package vn.ccn.dms.devstack.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a tiny fake HTTP server, since the application's server is built elsewhere. */
class ApiClientTest {

    @TempDir
    Path temp;

    private HttpServer server;
    private URI base;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private volatile byte[] lastBody = new byte[0];

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/", this::handle);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        lastBody = x.getRequestBody().readAllBytes();
        seen.put("method", x.getRequestMethod());
        seen.put("uri", x.getRequestURI().toString());
        seen.put("authorization", String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
        seen.put("contentType", String.valueOf(x.getRequestHeaders().getFirst("Content-Type")));
        seen.put("contentLength", String.valueOf(x.getRequestHeaders().getFirst("Content-Length")));
        String path = x.getRequestURI().getPath();
        if (path.endsWith("/agencies") && x.getRequestMethod().equals("POST")) {
            reply(x, 409, "application/problem+json", """
                    {"type":"urn:dms:problem:conflict","title":"Cơ quan đã tồn tại","status":409,
                     "detail":"Mã định danh 000.00.07.H37 đã được dùng"}""");
        } else if (path.endsWith("/files/1/content")) {
            reply(x, 200, "application/pdf", "%PDF-1.7 body");
        } else {
            reply(x, x.getRequestMethod().equals("POST") ? 201 : 200, "application/json", "{\"ok\":true}");
        }
    }

    private static void reply(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void sendsBasicCredentialsAndJsonWithEveryRequest() {
        ApiClient client = new ApiClient(base, "vanthu.sct", "mật-khẩu");

        ApiResponse response = client.post("registers", Json.createObjectBuilder().add("name", "Sổ văn bản đến").build());

        assertEquals(201, response.status());
        assertEquals(true, response.object().getBoolean("ok"));
        assertEquals("POST", seen.get("method"));
        assertEquals("/api/v1/registers", seen.get("uri"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("vanthu.sct:mật-khẩu".getBytes(StandardCharsets.UTF_8)),
                seen.get("authorization"));
        assertEquals("application/json; charset=UTF-8", seen.get("contentType"));
        assertEquals("{\"name\":\"Sổ văn bản đến\"}", new String(lastBody, StandardCharsets.UTF_8));
    }

    @Test
    void anotherUserSharesTheBaseButNotTheCredentials() {
        ApiClient admin = new ApiClient(base, "admin", "a");
        admin.as("lanhdao.sct", "b").get("/me").expect(200);
        assertEquals("Basic " + Base64.getEncoder().encodeToString("lanhdao.sct:b".getBytes(StandardCharsets.UTF_8)),
                seen.get("authorization"));
        assertEquals("/api/v1/me", seen.get("uri"));
    }

    @Test
    void anUnexpectedStatusBecomesAnExceptionCarryingTheProblemDetails() {
        ApiClient client = new ApiClient(base, "admin", "a");
        ApiResponse conflict = client.post("agencies", Json.createObjectBuilder().add("code", "000.00.07.H37").build());

        assertEquals(409, conflict.status());
        assertTrue(conflict.isProblem());
        assertEquals("urn:dms:problem:conflict", conflict.problemType().orElseThrow());
        assertSame(conflict, conflict.expect(201, 409), "an expected status passes through");
        ApiException e = assertThrows(ApiException.class, () -> conflict.expect(201));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains("answered 409: Cơ quan đã tồn tại (Mã định danh 000.00.07.H37 đã được dùng)"),
                e.getMessage());
    }

    @Test
    void uploadsMultipartWithAContentLength() throws IOException {
        Path file = temp.resolve("a.pdf");
        Files.writeString(file, "%PDF-1.7 x");
        MultipartBody body = MultipartBody.builder()
                .json("metadata", Json.createObjectBuilder().add("typeCode", "TTr").build())
                .file("file", file, "application/pdf")
                .build();

        new ApiClient(base, "vanthu.sct", "p").post("documents/incoming?confirmDuplicate=true", body).expect(201);

        assertEquals("/api/v1/documents/incoming?confirmDuplicate=true", seen.get("uri"));
        assertEquals(body.contentType(), seen.get("contentType"));
        assertEquals(String.valueOf(lastBody.length), seen.get("contentLength"));
        assertTrue(new String(lastBody, StandardCharsets.UTF_8).contains("%PDF-1.7 x\r\n--" + body.boundary() + "--"));
    }

    @Test
    void downloadsIntoAFile() throws IOException {
        Path target = temp.resolve("out.pdf");
        ApiResponse response = new ApiClient(base, "u", "p").download("documents/7/files/1/content", target);
        assertEquals(200, response.status());
        assertEquals(0, response.body().length);
        assertArrayEquals("%PDF-1.7 body".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
    }

    @Test
    void encodesQueryValues() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("role", "PLANNING_INVESTMENT");
        q.put("q", "cụm công nghiệp");
        q.put("to", null);
        assertEquals("role-assignments/holders?role=PLANNING_INVESTMENT&q=c%E1%BB%A5m+c%C3%B4ng+nghi%E1%BB%87p",
                ApiClient.withQuery("role-assignments/holders", q));
    }
}
