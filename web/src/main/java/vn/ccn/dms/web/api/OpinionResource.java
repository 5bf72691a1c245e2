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
import java.time.LocalDate;
import java.util.List;
import vn.ccn.dms.coordination.application.OpinionRequestService;
import vn.ccn.dms.coordination.application.OpinionRequestService.OpinionView;
import vn.ccn.dms.coordination.application.OpinionRequestService.Reply;
import vn.ccn.dms.coordination.application.OpinionRequestService.ReplyLetter;
import vn.ccn.dms.coordination.domain.OpinionPosition;

/**
 * Opinion requests: the inbox of requests addressed to the caller's agency, those it sent, and replies — linked
 * by the lead agency's desk (JSON) or sent electronically by the coordinating agency (multipart with the file).
 */
@Path("opinion-requests")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OpinionResource {

    @EJB
    private OpinionRequestService opinions;

    @Inject
    private MultipartUploads uploads;

    @EJB
    private vn.ccn.dms.audit.application.AuditTrail audit;

    public record ReplyBody(OpinionPosition position, String conditions, Long documentId) {
    }

    public record ReplyUpload(OpinionPosition position, String conditions, String numberSymbol, LocalDate issuedDate,
            String summary, String signerName) {
    }

    @GET
    public List<OpinionView> inbox(@QueryParam("box") String box, @QueryParam("state") String state) {
        return "sent".equals(box) ? opinions.sent(state) : opinions.inbox(state);
    }

    @GET
    @Path("{id}")
    public OpinionView get(@PathParam("id") long id) {
        return opinions.get(id);
    }

    /** The audit trail of one request (sent, replied, deemed agreed with the rule cited), for those who see it. */
    @GET
    @Path("{id}/audit")
    public List<Representations.AuditEntryRepresentation> audit(@PathParam("id") long id) {
        opinions.get(id);
        return audit.ofObject("opinion-request", Long.toString(id)).stream()
                .map(Representations.AuditEntryRepresentation::of).toList();
    }

    @POST
    @Path("{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public OpinionView reply(@PathParam("id") long id, ReplyBody body) {
        DirectoryResource.requireBody(body);
        return opinions.reply(id, new Reply(body.position(), body.conditions(), body.documentId()), null, List.of());
    }

    @POST
    @Path("{id}/reply")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public OpinionView replyWithFile(@PathParam("id") long id) {
        MultipartUploads.Received<ReplyUpload> r = uploads.receive(ReplyUpload.class);
        ReplyUpload m = r.metadata();
        return opinions.reply(id, new Reply(m.position(), m.conditions(), null),
                new ReplyLetter(m.numberSymbol(), m.issuedDate(), m.summary(), m.signerName()), r.files());
    }
}
