package vn.ccn.dms.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.ccn.dms.document.domain.ContentStore;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.signature.application.CopyService;
import vn.ccn.dms.signature.domain.CopyForm;

/** Electronic copies (Decree 30/2020 Art. 25): SAO Y, SAO LỤC, TRÍCH SAO, signed by the copying agency. */
@Path("copies")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CopyResource {

    @EJB
    private CopyService copies;

    @Inject
    private ContentStore store;

    /** @param pages for TRICH_SAO, e.g. "1,3-4" */
    public record CopyRequest(Long documentId, CopyForm form, String pages, String pin) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response copy(CopyRequest request) {
        DirectoryResource.requireBody(request);
        if (request.documentId() == null) {
            throw vn.ccn.dms.platform.DomainException.invalid("Thiếu văn bản cần sao", List.of("documentId: bắt buộc"));
        }
        CopyService.CopyView view = copies.copy(request.documentId(), request.form(), request.pages(),
                request.pin() == null ? null : request.pin().toCharArray());
        return Response.created(URI.create("copies/" + view.id())).entity(view).build();
    }

    @GET
    public List<CopyService.CopyView> ofDocument(@QueryParam("documentId") String documentId) {
        long id;
        try {
            id = Long.parseLong(String.valueOf(documentId).trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("Thiếu hoặc sai mã văn bản", List.of("documentId: bắt buộc, là mã số văn bản"));
        }
        return copies.copiesOf(id);
    }

    @GET
    @Path("{id}/content")
    @Produces("application/pdf")
    public Response content(@PathParam("id") long id) {
        CopyService.CopyContent c = copies.content(id);
        StreamingOutput body = out -> {
            try (InputStream in = store.open(c.contentKey())) {
                in.transferTo(out);
            }
        };
        String ascii = c.fileName().replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_");
        return Response.ok(body, "application/pdf").header("Content-Length", c.sizeBytes())
                .header("Digest", "sha-256=" + c.sha256()).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(c.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }
}
