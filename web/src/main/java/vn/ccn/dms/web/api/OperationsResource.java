package vn.ccn.dms.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import vn.ccn.dms.document.infrastructure.OrphanSweeper;

/** Operations an administrator may trigger by hand; each also runs on its own schedule. */
@Path("operations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    @Inject
    private OrphanSweeper sweeper;

    /** Removes unreferenced blobs older than the grace period now, instead of at the next hourly run. */
    @POST
    @Path("content/sweep")
    @RolesAllowed("ADMIN")
    public Map<String, Integer> sweep() {
        try {
            return Map.of("removed", sweeper.sweep());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
