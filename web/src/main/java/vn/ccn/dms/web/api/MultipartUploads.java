package vn.ccn.dms.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import vn.ccn.dms.config.DmsSettings;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.document.application.DocumentService.UploadedFile;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

/**
 * Reads a multipart request part by part: {@code metadata} as JSON, each {@code file} streamed to the content
 * store as it arrives. Parts beyond the servlet's threshold are spooled to disk by the container, never held
 * whole in memory. Shared by every resource that accepts files.
 */
@ApplicationScoped
public class MultipartUploads {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @EJB
    private DocumentService documents;

    @Inject
    private DmsSettings settings;

    @Inject
    private HttpServletRequest request;

    public record Received<T>(T metadata, List<UploadedFile> files) {
    }

    public <T> Received<T> receive(Class<T> metadataType) {
        long limit = settings.uploadMaxBytes();
        long declared = request.getContentLengthLong();
        // Several files may share one request; refuse at once what could never fit, before reading it.
        if (declared > limit * 20 + 1_048_576) {
            throw new DomainException(Problem.FILE_TOO_LARGE, "Yêu cầu quá lớn (" + declared + " byte)");
        }
        T metadata = null;
        List<UploadedFile> files = new ArrayList<>();
        try {
            for (Part part : request.getParts()) {
                try {
                    if ("metadata".equals(part.getName()) && metadataType != null) {
                        try (InputStream in = part.getInputStream()) {
                            metadata = JSONB.fromJson(in, metadataType);
                        } catch (JsonbException e) {
                            throw DomainException.invalid("Phần metadata không phải JSON hợp lệ",
                                    List.of("metadata: " + shorten(e.getMessage())));
                        }
                    } else if ("file".equals(part.getName())) {
                        String name = part.getSubmittedFileName();
                        try (InputStream in = part.getInputStream()) {
                            files.add(documents.receiveFile(name, in));
                        }
                    }
                } finally {
                    part.delete();
                }
            }
        } catch (IOException | ServletException | IllegalStateException e) {
            throw DomainException.invalid("Nội dung multipart không đọc được", List.of("body: " + shorten(e.getMessage())));
        }
        if (metadataType != null && metadata == null) {
            throw DomainException.invalid("Thiếu phần metadata", List.of("metadata: bắt buộc (application/json)"));
        }
        return new Received<>(metadata, files);
    }

    static String shorten(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }
}
