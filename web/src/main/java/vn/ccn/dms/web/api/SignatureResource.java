package vn.ccn.dms.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import vn.ccn.dms.document.application.DocumentView;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;
import vn.ccn.dms.signature.application.ExternalSigningService;
import vn.ccn.dms.signature.application.SignatureAdminService;
import vn.ccn.dms.signature.application.SignatureValidationService;
import vn.ccn.dms.signature.application.SignatureValidationService.ValidationView;
import vn.ccn.dms.signature.application.SigningWorkflowService;

/**
 * Digital signatures (issue 4): configuration of credentials and images, submission for signature, the
 * leader's inbox and batch signing with one PIN, the reception desk's organisation signature, the
 * external-signature path for signing agents, and the validation reports of signed PDFs.
 */
@Path("signature")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SignatureResource {

    @EJB
    private SignatureAdminService admin;

    @EJB
    private SigningWorkflowService workflow;

    @EJB
    private ExternalSigningService external;

    @EJB
    private SignatureValidationService validation;

    public record PlaceRequest(String placeName) {
    }

    public record PinRequest(String pin) {
    }

    public record ReturnRequest(String note) {
    }

    public record BatchRequest(List<Long> documentIds, String pin) {
    }

    public record PrepareRequest(List<Long> documentIds) {
    }

    public record CompleteRequest(List<ExternalSigningService.Completion> items) {
    }

    // --- configuration ---

    @GET
    @Path("settings")
    public SignatureAdminService.SettingsView settings() {
        return admin.settings();
    }

    @PUT
    @Path("credentials/users/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SignatureAdminService.CredentialView setUserCredential(@PathParam("username") String username,
            SignatureAdminService.CredentialRequest request) {
        DirectoryResource.requireBody(request);
        return admin.setUserCredential(username, request);
    }

    @GET
    @Path("credentials/users/{username}")
    public SignatureAdminService.CredentialView userCredential(@PathParam("username") String username) {
        return admin.userCredential(username).orElseThrow(() -> new DomainException(Problem.NOT_FOUND,
                "Người dùng " + username + " chưa có cấu hình khóa ký"));
    }

    @PUT
    @Path("credentials/agencies/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SignatureAdminService.CredentialView setAgencyCredential(@PathParam("code") String code,
            SignatureAdminService.CredentialRequest request) {
        DirectoryResource.requireBody(request);
        return admin.setAgencyCredential(code, request);
    }

    @PUT
    @Path("users/{username}/signature-image")
    @Consumes("image/png")
    public Response setSignatureImage(@PathParam("username") String username, byte[] png) {
        admin.setSignatureImage(username, png);
        return Response.noContent().build();
    }

    @PUT
    @Path("agencies/{code}/place")
    @Consumes(MediaType.APPLICATION_JSON)
    public SignatureAdminService.ProfileView setPlace(@PathParam("code") String code, PlaceRequest request) {
        DirectoryResource.requireBody(request);
        return admin.setPlaceName(code, request.placeName());
    }

    @PUT
    @Path("agencies/{code}/seal")
    @Consumes("image/png")
    public SignatureAdminService.ProfileView setSeal(@PathParam("code") String code,
            @QueryParam("widthMm") @DefaultValue("36") float widthMm, @QueryParam("heightMm") @DefaultValue("36") float heightMm,
            byte[] png) {
        return admin.setSeal(code, png, widthMm, heightMm);
    }

    // --- two-step issuance ---

    @POST
    @Path("documents/{id}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    public SigningWorkflowService.RequestView submit(@PathParam("id") long id, SigningWorkflowService.SubmitRequest request) {
        return workflow.submit(id, request);
    }

    @POST
    @Path("documents/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public SigningWorkflowService.RequestView returnUnsigned(@PathParam("id") long id, ReturnRequest request) {
        return workflow.returnUnsigned(id, request == null ? null : request.note());
    }

    @GET
    @Path("documents/{id}/request")
    public SigningWorkflowService.RequestView request(@PathParam("id") long id) {
        return workflow.request(id);
    }

    @GET
    @Path("inbox")
    public List<SigningWorkflowService.InboxItem> inbox() {
        return workflow.inbox();
    }

    /** Starts a batch: 202 with the batch's progress; poll {@code batches/{id}} until its status is DONE. */
    @POST
    @Path("batches")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signBatch(BatchRequest request) {
        DirectoryResource.requireBody(request);
        SigningWorkflowService.BatchView view = workflow.signBatch(request.documentIds(),
                request.pin() == null ? null : request.pin().toCharArray());
        return Response.accepted(view).location(URI.create("signature/batches/" + view.id())).build();
    }

    @GET
    @Path("batches/{id}")
    public SigningWorkflowService.BatchView batch(@PathParam("id") long id) {
        return workflow.batch(id);
    }

    /** The reception desk's organisation signature with the seal, after numbering. */
    @POST
    @Path("documents/{id}/seal")
    @Consumes(MediaType.APPLICATION_JSON)
    public DocumentView seal(@PathParam("id") long id, PinRequest request) {
        DirectoryResource.requireBody(request);
        return workflow.seal(id, request.pin() == null ? null : request.pin().toCharArray());
    }

    // --- external signature path ---

    @POST
    @Path("external/prepare")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<ExternalSigningService.PreparedItem> prepare(PrepareRequest request) {
        DirectoryResource.requireBody(request);
        return external.prepare(request.documentIds());
    }

    @POST
    @Path("external/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<ExternalSigningService.CompletedItem> complete(CompleteRequest request) {
        DirectoryResource.requireBody(request);
        return external.complete(request.items());
    }

    /** The desk's organisation signature through its signing agent (agency credential of kind EXTERNAL). */
    @POST
    @Path("external/seal/prepare")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<ExternalSigningService.PreparedItem> prepareSeal(PrepareRequest request) {
        DirectoryResource.requireBody(request);
        return external.prepareSeal(request.documentIds());
    }

    @POST
    @Path("external/seal/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<ExternalSigningService.CompletedItem> completeSeal(CompleteRequest request) {
        DirectoryResource.requireBody(request);
        return external.completeSeal(request.items());
    }

    // --- validation reports ---

    /** The stored reports of the document's PDF files, newest first, each with its full report. */
    @GET
    @Path("documents/{id}/validation")
    public JsonArray reports(@PathParam("id") long id) {
        return json(validation.reports(id));
    }

    @POST
    @Path("documents/{id}/validation")
    public JsonArray validateNow(@PathParam("id") long id) {
        return json(validation.validateNow(id));
    }

    static JsonArray json(List<ValidationView> views) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (ValidationView v : views) {
            JsonObject report;
            try (var reader = Json.createReader(new StringReader(v.reportJson()))) {
                report = reader.readObject();
            }
            out.add(Json.createObjectBuilder().add("id", v.id()).add("documentId", v.documentId())
                    .add("storedFileId", v.storedFileId()).add("fileName", v.fileName()).add("sha256", v.sha256())
                    .add("validatedAt", v.validatedAt().toString()).add("validatedBy", v.validatedBy())
                    .add("indication", v.indication()).add("signatureCount", v.signatureCount()).add("summaryVi", v.summaryVi())
                    .add("report", report));
        }
        return out.build();
    }
}
