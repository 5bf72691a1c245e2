package vn.ccn.dms.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import vn.ccn.dms.document.application.FileContent;
import vn.ccn.dms.document.domain.ContentStore;

/** A stored file as a download: streamed from the content store, with its digest and a safe file name. */
final class Downloads {

    private Downloads() {
    }

    static Response attachment(FileContent file, ContentStore store) {
        StreamingOutput body = out -> {
            try (InputStream in = store.open(file.contentKey())) {
                in.transferTo(out);
            }
        };
        String ascii = file.fileName().replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_");
        return Response.ok(body, file.mediaType())
                .header("Content-Length", file.sizeBytes())
                .header("Digest", "sha-256=" + file.sha256())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }
}
