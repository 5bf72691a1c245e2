package vn.ccn.dms.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.util.List;
import vn.ccn.dms.register.application.RegisterService;
import vn.ccn.dms.register.application.RegisterService.RegisterView;

/** Registers of the caller's agency and their printouts. */
@Path("registers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RegisterResource {

    @EJB
    private RegisterService registers;

    @GET
    public List<RegisterView> mine() {
        return registers.ofMyAgency();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(RegisterService.NewRegister r) {
        DirectoryResource.requireBody(r);
        return Response.status(201).entity(registers.create(r)).build();
    }

    @GET
    @Path("{id}/print")
    @Produces("application/pdf")
    public Response print(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        // Rendered whole before answering, so an error still becomes a problem response, not a broken PDF.
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        registers.print(id, DocumentResource.date(from, "from"), DocumentResource.date(to, "to"), pdf);
        return Response.ok(pdf.toByteArray(), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"so-van-ban-" + id + ".pdf\"").build();
    }
}
