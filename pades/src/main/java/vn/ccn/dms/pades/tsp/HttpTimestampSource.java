package vn.ccn.dms.pades.tsp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;
import vn.ccn.dms.pades.crypto.Digest;

/**
 * RFC 3161 over HTTP (§3.4: POST of {@code application/timestamp-query}). Each request carries a random
 * nonce and asks for the TSA certificate (certReq), which PAdES B-LT needs in order to collect the TSA's
 * chain and revocation data.
 */
public final class HttpTimestampSource implements TimestampSource {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    public HttpTimestampSource(URI url, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI url() {
        return url;
    }

    @Override
    public TimeStampToken timestamp(Digest digest) {
        Objects.requireNonNull(digest, "digest");
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(digest.algorithm().oid(), digest.value(), new BigInteger(64, RANDOM));
        byte[] answer;
        try {
            HttpRequest http = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                    .build();
            HttpResponse<byte[]> response = client.send(http, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new PadesException(PadesErrorCode.TSA_UNREACHABLE, "TSA " + url + " answered HTTP " + response.statusCode());
            }
            answer = response.body();
        } catch (IOException e) {
            throw new PadesException(PadesErrorCode.TSA_UNREACHABLE, "TSA " + url + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PadesException(PadesErrorCode.TSA_UNREACHABLE, "interrupted while calling the TSA " + url, e);
        }
        try {
            TimeStampResponse response = new TimeStampResponse(answer);
            // validate() checks status, nonce, imprint and policy consistency against our request (RFC 3161 §2.4.2).
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new PadesException(PadesErrorCode.TSA_INVALID_RESPONSE,
                        "TSA " + url + " refused: status " + response.getStatus() + " " + response.getStatusString());
            }
            return token;
        } catch (TSPException | IOException | IllegalArgumentException e) {
            throw new PadesException(PadesErrorCode.TSA_INVALID_RESPONSE, "bad answer from TSA " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TSA " + url;
    }
}
