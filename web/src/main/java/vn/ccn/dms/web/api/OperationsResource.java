package vn.ccn.dms.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
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
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    @EJB
    private OrphanSweeper sweeper;

    @Inject
    private java.time.Clock clock;

    @EJB
    private vn.ccn.dms.outbox.application.ScheduledWorkRunner scheduledWork;

    public record ClockRequest(java.time.Instant now) {
    }

    /**
     * Test environments only ({@code dms.clock.adjustable=true}): sets what the application's clock reads, so an
     * integration test can let a reply deadline pass. 404 where the clock is the plain system clock.
     */
    @jakarta.ws.rs.PUT
    @Path("clock")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public Map<String, Object> setClock(ClockRequest r) {
        vn.ccn.dms.platform.AdjustableClock adjustable = adjustable();
        if (r == null || r.now() == null) {
            adjustable.reset();
        } else {
            adjustable.setNow(r.now());
        }
        return Map.of("now", clock.instant().toString(), "offsetSeconds", adjustable.offset().toSeconds());
    }

    @jakarta.ws.rs.GET
    @Path("clock")
    @RolesAllowed("ADMIN")
    public Map<String, Object> clock() {
        return Map.of("now", clock.instant().toString(), "adjustable", clock instanceof vn.ccn.dms.platform.AdjustableClock);
    }

    /** Runs the due workflow timers and deliveries now instead of at the next poll; returns how many ran. */
    @POST
    @Path("scheduled-work/run")
    @RolesAllowed("ADMIN")
    public Map<String, Integer> runScheduledWork() {
        return Map.of("ran", scheduledWork.runDue());
    }

    private vn.ccn.dms.platform.AdjustableClock adjustable() {
        if (clock instanceof vn.ccn.dms.platform.AdjustableClock a) {
            return a;
        }
        throw new vn.ccn.dms.platform.DomainException(vn.ccn.dms.platform.Problem.NOT_FOUND,
                "Đồng hồ của hệ thống không điều chỉnh được (chỉ bật trong môi trường kiểm thử)");
    }

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
