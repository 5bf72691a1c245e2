package vn.ccn.dms.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import vn.ccn.dms.config.DmsSettings;
import vn.ccn.dms.document.application.DocumentQuery;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.document.application.DocumentService.IncomingRequest;
import vn.ccn.dms.document.application.DocumentService.OutgoingRequest;
import vn.ccn.dms.document.application.DocumentService.UploadedFile;
import vn.ccn.dms.document.application.DocumentView;
import vn.ccn.dms.document.application.FileContent;
import vn.ccn.dms.document.application.Page;
import vn.ccn.dms.document.domain.ContentStore;
import vn.ccn.dms.document.domain.Direction;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

/**
 * Documents: registering incoming ones with their files (multipart, each file streamed to the content store
 * as it arrives), drafting and numbering outgoing ones, listing, reading and downloading.
 */
@Path("documents")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    @EJB
    private DocumentService documents;

    @Inject
    private ContentStore store;

    @EJB
    private vn.ccn.dms.audit.application.AuditTrail audit;

    @Inject
    private DmsSettings settings;

    @Inject
    private MultipartUploads uploads;

    @EJB
    private vn.ccn.dms.dossier.application.CcnRegistry ccns;

    @EJB
    private vn.ccn.dms.distribution.application.DistributionService distribution;

    public record NumberRequest(String unit) {
    }

    @POST
    @Path("incoming")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response registerIncoming(@QueryParam("confirmDuplicate") @DefaultValue("false") boolean confirmDuplicate) {
        MultipartUploads.Received<IncomingRequest> received = receive(IncomingRequest.class);
        DocumentView view = documents.registerIncoming(received.metadata(), received.files(), confirmDuplicate);
        return Response.created(URI.create("documents/" + view.id())).entity(view).build();
    }

    @POST
    @Path("outgoing")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response draftOutgoing(OutgoingRequest r) {
        DirectoryResource.requireBody(r);
        DocumentView view = documents.draftOutgoing(r, List.of());
        return Response.created(URI.create("documents/" + view.id())).entity(view).build();
    }

    @POST
    @Path("outgoing")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response draftOutgoingWithFiles() {
        MultipartUploads.Received<OutgoingRequest> received = receive(OutgoingRequest.class);
        DocumentView view = documents.draftOutgoing(received.metadata(), received.files());
        return Response.created(URI.create("documents/" + view.id())).entity(view).build();
    }

    @POST
    @Path("{id}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response addFiles(@PathParam("id") long id, @QueryParam("note") String note) {
        MultipartUploads.Received<Object> received = receive(null);
        return Response.status(201).entity(documents.addVersion(id, received.files(), note)).build();
    }

    @POST
    @Path("{id}/number")
    @Consumes(MediaType.APPLICATION_JSON)
    public DocumentView issueNumber(@PathParam("id") long id, NumberRequest r) {
        return documents.issueNumber(id, r == null ? null : r.unit());
    }

    @POST
    @Path("{id}/grants/{username}")
    public Response grant(@PathParam("id") long id, @PathParam("username") String username) {
        documents.grant(id, username);
        return Response.noContent().build();
    }

    @GET
    public Page<DocumentView> list(@QueryParam("direction") String direction, @QueryParam("type") String type,
            @QueryParam("q") String q, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size, 20, settings.pageMaxSize());
        Direction dir = null;
        if (direction != null && !direction.isBlank()) {
            try {
                dir = Direction.valueOf(direction.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("Chiều văn bản không hợp lệ", List.of("direction: INCOMING hoặc OUTGOING"));
            }
        }
        if (q != null && q.length() > 500) {
            throw DomainException.invalid("Chuỗi tìm kiếm quá dài", List.of("q: tối đa 500 ký tự"));
        }
        return documents.list(new DocumentQuery(dir, type, q, date(from, "from"), date(to, "to"), paging.page(),
                paging.size()));
    }

    @GET
    @Path("{id}")
    public DocumentView get(@PathParam("id") long id) {
        return documents.get(id);
    }

    @GET
    @Path("{id}/files/{fileId}/content")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") long id, @PathParam("fileId") long fileId) {
        FileContent file = documents.file(id, fileId);
        return Downloads.attachment(file, store);
    }

    /**
     * Marks a document as concerning a CCN: when issued, its copy goes to SCT by rule (Quy chế Art. 2.2.b). Here and
     * not in the workflow resource because this class owns the {@code documents} path.
     */
    @jakarta.ws.rs.PUT
    @Path("{id}/ccns/{code}")
    public Response tagCcn(@PathParam("id") long id, @PathParam("code") String code) {
        ccns.tagDocument(id, code);
        return Response.noContent().build();
    }

    public record ForwardRequest(String agencyCode, String note) {
    }

    /** Forwards the document to another agency (typically the lead agency), tracked until its desk confirms receipt. */
    @POST
    @Path("{id}/forwards")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response forward(@PathParam("id") long id, ForwardRequest body) {
        DirectoryResource.requireBody(body);
        return Response.status(201).entity(distribution.forward(id, body.agencyCode(), body.note())).build();
    }

    /** The copies distributed by rule of this document, and their delivery state. */
    @GET
    @Path("{id}/distributions")
    public List<vn.ccn.dms.distribution.application.DistributionService.CopyView> copies(@PathParam("id") long id) {
        return distribution.ofDocument(id);
    }

    /** Who did what with this document, oldest first; for those who may read it. */
    @GET
    @Path("{id}/audit")
    public List<Representations.AuditEntryRepresentation> audit(@PathParam("id") long id) {
        if (!documents.canRead(id)) {
            throw new DomainException(Problem.NOT_FOUND,
                    "Không tìm thấy văn bản " + id + " hoặc bạn không có quyền xem văn bản này");
        }
        return audit.ofObject("document", Long.toString(id)).stream()
                .map(Representations.AuditEntryRepresentation::of).toList();
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("Ngày không hợp lệ", List.of(field + ": dạng YYYY-MM-DD"));
        }
    }

    private <T> MultipartUploads.Received<T> receive(Class<T> metadataType) {
        return uploads.receive(metadataType);
    }
}
