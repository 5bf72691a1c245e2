package vn.ccn.dms.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.List;
import java.util.Map;
import vn.ccn.dms.distribution.application.DistributionService;
import vn.ccn.dms.distribution.application.DistributionService.CopyView;
import vn.ccn.dms.dossier.application.CcnRegistry;
import vn.ccn.dms.dossier.application.DossierService;
import vn.ccn.dms.dossier.application.DossierViews.PublicStatus;
import vn.ccn.dms.notification.application.Notifications;
import vn.ccn.dms.notification.application.Notifications.NotificationView;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;
import vn.ccn.dms.procedure.application.ProcedureCatalog;
import vn.ccn.dms.procedure.domain.Procedure;
import vn.ccn.dms.procedure.domain.RuleSet;

/**
 * The rest of the one-stop workflow's API: the procedure catalogue and its rule sets, industrial clusters, copies
 * distributed by rule (SCT's inbox), notifications, and the public status of a dossier (no login).
 */
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    @EJB
    private ProcedureCatalog catalog;

    @EJB
    private DistributionService distribution;

    @EJB
    private Notifications notifications;

    @EJB
    private DossierService dossiers;

    @EJB
    private CcnRegistry ccns;

    public record RuleSetConfirmation(String note) {
    }

    public record CcnBody(String code, String name, String communeAgencyCode) {
    }

    @GET
    @Path("procedures")
    public List<Procedure> procedures() {
        return catalog.procedures();
    }

    @GET
    @Path("procedures/{code}")
    public Procedure procedure(@PathParam("code") String code) {
        return catalog.procedure(code);
    }

    @GET
    @Path("rule-sets")
    public List<RuleSet> ruleSets() {
        return catalog.ruleSets();
    }

    @POST
    @Path("rule-sets/{code}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    public RuleSet confirm(@PathParam("code") String code, RuleSetConfirmation body) {
        return catalog.confirmRuleSet(code, body == null ? null : body.note());
    }

    @GET
    @Path("ccns")
    public List<CcnRegistry.CcnView> ccns() {
        return ccns.list();
    }

    @POST
    @Path("ccns")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createCcn(CcnBody body) {
        DirectoryResource.requireBody(body);
        return Response.status(201).entity(ccns.create(body.code(), body.name(), body.communeAgencyCode())).build();
    }

    @GET
    @Path("distributions")
    public List<CopyView> copies(@QueryParam("box") @DefaultValue("inbox") String box, @QueryParam("state") String state) {
        return "sent".equals(box) ? distribution.sent(state) : distribution.inbox(state);
    }

    @POST
    @Path("distributions/{id}/receipt")
    public CopyView acknowledge(@PathParam("id") long id) {
        return distribution.acknowledge(id);
    }

    @GET
    @Path("notifications")
    public List<NotificationView> notifications(@QueryParam("unread") @DefaultValue("false") boolean unread,
            @QueryParam("max") String max) {
        return notifications.mine(unread, Paging.max(max, 50, 500));
    }

    @POST
    @Path("notifications/{id}/read")
    public Map<String, Integer> read(@PathParam("id") long id) {
        return Map.of("updated", notifications.markRead(id));
    }

    /** The public status of a dossier by its code: no login, no personal data (web.xml leaves this path open). */
    @GET
    @Path("public/dossiers/{code}")
    public PublicStatus publicStatus(@PathParam("code") String code) {
        return dossiers.publicStatus(code).orElseThrow(() -> new DomainException(Problem.NOT_FOUND,
                "Không tìm thấy hồ sơ với mã này. Kiểm tra lại mã trên giấy tiếp nhận và hẹn trả kết quả."));
    }
}
