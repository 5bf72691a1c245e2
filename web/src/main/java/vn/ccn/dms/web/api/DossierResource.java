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
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import vn.ccn.dms.calendar.domain.DayUnit;
import vn.ccn.dms.coordination.application.OpinionRequestService;
import vn.ccn.dms.coordination.application.OpinionRequestService.NewRequests;
import vn.ccn.dms.coordination.application.OpinionRequestService.OpinionView;
import vn.ccn.dms.dossier.application.DossierForms;
import vn.ccn.dms.dossier.application.DossierService;
import vn.ccn.dms.dossier.application.DossierService.ActionRequest;
import vn.ccn.dms.dossier.application.DossierService.NewDossier;
import vn.ccn.dms.dossier.application.DossierViews.DossierSummary;
import vn.ccn.dms.dossier.application.DossierViews.DossierView;
import vn.ccn.dms.dossier.application.DossierViews.TrackingItem;
import vn.ccn.dms.dossier.application.TrackingBoard;
import vn.ccn.dms.dossier.domain.DossierAction;
import vn.ccn.dms.platform.DomainException;

/**
 * Dossiers at the one-stop desk: reception (JSON, or multipart with the received files), actions that change
 * their state, step completion, linked documents, opinion requests, the printed forms and the tracking board.
 */
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DossierResource {

    @EJB
    private DossierService dossiers;

    @EJB
    private DossierForms forms;

    @EJB
    private TrackingBoard board;

    @EJB
    private OpinionRequestService opinions;

    @Inject
    private MultipartUploads uploads;

    @Inject
    private vn.ccn.dms.document.domain.ContentStore store;

    public record ActionBody(String note, List<String> reasons, List<String> items) {
    }

    public record ApologyBody(LocalDate newAppointment, String reason) {
    }

    public record StepBody(String note) {
    }

    public record LinkBody(Long documentId, String stepCode, String role) {
    }

    public record OpinionRequestBody(Long letterDocumentId, String stepCode, List<String> roles, Integer replyAmount,
            DayUnit replyUnit) {
    }

    @POST
    @Path("dossiers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(NewDossier r) {
        DirectoryResource.requireBody(r);
        return created(dossiers.receive(r, List.of()));
    }

    @POST
    @Path("dossiers")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response receiveWithFiles() {
        MultipartUploads.Received<NewDossier> received = uploads.receive(NewDossier.class);
        return created(dossiers.receive(received.metadata(), received.files()));
    }

    @GET
    @Path("dossiers")
    public List<DossierSummary> list(@QueryParam("status") String status, @QueryParam("procedure") String procedure,
            @QueryParam("max") String max) {
        return dossiers.list(status, procedure, Paging.max(max, 100, 500));
    }

    @GET
    @Path("dossiers/{id}")
    public DossierView get(@PathParam("id") long id) {
        return dossiers.get(id);
    }

    @POST
    @Path("dossiers/{id}/actions/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DossierView act(@PathParam("id") long id, @PathParam("action") String action, ActionBody body) {
        DossierAction a;
        try {
            a = DossierAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("Thao tác không hợp lệ: " + action,
                    List.of("action: một trong " + java.util.Arrays.toString(DossierAction.values())));
        }
        ActionBody b = body == null ? new ActionBody(null, null, null) : body;
        return dossiers.act(id, a, new ActionRequest(b.note(), b.reasons(), b.items()));
    }

    @POST
    @Path("dossiers/{id}/apology")
    @Consumes(MediaType.APPLICATION_JSON)
    public DossierView apologise(@PathParam("id") long id, ApologyBody body) {
        DirectoryResource.requireBody(body);
        return dossiers.apologise(id, body.newAppointment(), body.reason());
    }

    @POST
    @Path("dossiers/{id}/steps/{step}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    public DossierView completeStep(@PathParam("id") long id, @PathParam("step") String step, StepBody body) {
        return dossiers.completeStep(id, step, body == null ? null : body.note());
    }

    @POST
    @Path("dossiers/{id}/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    public DossierView link(@PathParam("id") long id, LinkBody body) {
        DirectoryResource.requireBody(body);
        if (body.documentId() == null) {
            throw DomainException.invalid("Thiếu văn bản", List.of("documentId: bắt buộc"));
        }
        return dossiers.link(id, body.documentId(), body.stepCode(), body.role());
    }

    @POST
    @Path("dossiers/{id}/opinion-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestOpinions(@PathParam("id") long id, OpinionRequestBody body) {
        DirectoryResource.requireBody(body);
        if (body.letterDocumentId() == null) {
            throw DomainException.invalid("Thiếu văn bản xin ý kiến", List.of("letterDocumentId: bắt buộc"));
        }
        List<OpinionView> created = opinions.create(id, new NewRequests(body.letterDocumentId(), body.stepCode(),
                body.roles(), body.replyAmount(), body.replyUnit()));
        return Response.status(201).entity(created).build();
    }

    /** A file received with the dossier (a scan or an electronic file), streamed from the content store. */
    @GET
    @Path("dossiers/{id}/files/{fileId}/content")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") long id, @PathParam("fileId") long fileId) {
        vn.ccn.dms.document.application.FileContent file = dossiers.file(id, fileId);
        return Downloads.attachment(file, store);
    }

    /** Forms 01–06 of Circular 03/2025/TT-VPCP as PDF. */
    @GET
    @Path("dossiers/{id}/forms/{form}")
    @Produces("application/pdf")
    public Response form(@PathParam("id") long id, @PathParam("form") String form) {
        return pdf(forms.form(id, form), "mau-" + form + "-ho-so-" + id + ".pdf");
    }

    /** Form 07: the desk's tracking book for a period. */
    @GET
    @Path("dossier-tracking-book")
    @Produces("application/pdf")
    public Response trackingBook(@QueryParam("from") String from, @QueryParam("to") String to) {
        return pdf(forms.trackingBook(DocumentResource.date(from, "from"), DocumentResource.date(to, "to")),
                "so-theo-doi-ho-so.pdf");
    }

    @GET
    @Path("tracking")
    public List<TrackingItem> tracking(@QueryParam("agency") String agency, @QueryParam("procedure") String procedure,
            @QueryParam("bucket") String bucket) {
        return board.items(agency, procedure, bucket);
    }

    private static Response pdf(byte[] bytes, String name) {
        return Response.ok(bytes, "application/pdf").header("Content-Disposition", "inline; filename=\"" + name + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static Response created(DossierView view) {
        return Response.status(view.replayed() ? 200 : 201).location(URI.create("dossiers/" + view.id())).entity(view)
                .build();
    }
}
