package vn.ccn.dms.devstack.api;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultipartBodyTest {

    @TempDir
    Path temp;

    @Test
    void encodesJsonAndFilePartsAsRfc7578FormData() throws Exception {
        Path pdf = temp.resolve("tờ-trình.pdf");
        Files.write(pdf, "%PDF-1.7 demo".getBytes(StandardCharsets.US_ASCII));
        MultipartBody body = MultipartBody.builder("XyZ")
                .json("metadata", Json.createObjectBuilder().add("summary", "Tờ trình Hữu Lũng").build())
                .file("file", pdf, "application/pdf")
                .build();

        String expected = """
                --XyZ\r
                Content-Disposition: form-data; name="metadata"\r
                Content-Type: application/json; charset=UTF-8\r
                \r
                {"summary":"Tờ trình Hữu Lũng"}\r
                --XyZ\r
                Content-Disposition: form-data; name="file"; filename="tờ-trình.pdf"\r
                Content-Type: application/pdf\r
                \r
                %PDF-1.7 demo\r
                --XyZ--\r
                """;
        byte[] encoded = collect(body.publisher());
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), encoded);
        assertEquals("multipart/form-data; boundary=XyZ", body.contentType());
        assertEquals(encoded.length, body.publisher().contentLength(), "the length is known, so no chunking");
    }

    @Test
    void streamsALargeFileUnchangedWithItsLengthKnownInAdvance() throws Exception {
        Path big = temp.resolve("big.bin");
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(content);
        Files.write(big, content);
        MultipartBody body = MultipartBody.builder("b0undary").file("file", big, "application/octet-stream").build();

        byte[] encoded = collect(body.publisher());

        String head = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--b0undary--\r\n";
        assertEquals(head.length() + content.length + tail.length(), encoded.length);
        assertEquals(encoded.length, body.publisher().contentLength());
        byte[] middle = java.util.Arrays.copyOfRange(encoded, head.length(), head.length() + content.length);
        assertEquals(sha256(content), sha256(middle));
    }

    @Test
    void percentEncodesQuotesAndLineBreaksInNames() throws Exception {
        MultipartBody body = MultipartBody.builder("q")
                .file("file", "a\"b\r\nc.pdf", new byte[] {1}, "application/pdf")
                .build();
        String encoded = new String(collect(body.publisher()), StandardCharsets.ISO_8859_1);
        assertTrue(encoded.contains("filename=\"a%22b%0D%0Ac.pdf\""), encoded);
    }

    @Test
    void randomBoundariesDiffer() {
        String a = MultipartBody.builder().build().boundary();
        String b = MultipartBody.builder().build().boundary();
        assertTrue(a.length() >= 32, a);
        assertTrue(!a.equals(b));
    }

    @Test
    void aMissingFileIsRefusedWhenAdded() {
        assertThrows(IllegalArgumentException.class,
                () -> MultipartBody.builder().file("file", temp.resolve("none.pdf"), "application/pdf"));
    }

    static byte[] collect(BodyPublisher publisher) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get(30, TimeUnit.SECONDS);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
