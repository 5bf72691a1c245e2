package vn.ccn.dms.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.web.api.Representations.AuditEntryRepresentation;

/** The audit trail per user (for administrators) and its verification; per document see {@link DocumentResource}. */
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @EJB
    private AuditTrail audit;

    @GET
    @Path("audit")
    public List<AuditEntryRepresentation> ofActor(@QueryParam("actor") String actor,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        if (actor == null || actor.isBlank()) {
            throw DomainException.invalid("Thiếu người dùng", List.of("actor: bắt buộc"));
        }
        Paging paging = Paging.of(page, size, 100, 500);
        return audit.ofActor(actor, paging.page() * paging.size(), paging.size()).stream()
                .map(AuditEntryRepresentation::of).toList();
    }

    @GET
    @Path("audit/verify")
    public AuditTrail.Verification verify() {
        return audit.verify();
    }
}
