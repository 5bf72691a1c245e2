package vn.ccn.dms.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.AgencyLevel;
import vn.ccn.dms.directory.domain.ApplicationRole;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.document.application.DocumentTypeView;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.web.api.Representations.AgencyRepresentation;
import vn.ccn.dms.web.api.Representations.RoleAssignmentRepresentation;
import vn.ccn.dms.web.api.Representations.UserRepresentation;

/** The directory: agencies, functional-role holders, users, and who the caller is. */
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    @EJB
    private DirectoryService directory;

    @EJB
    private DocumentService documents;

    public record AgencyRequest(String code, String name, String shortName, AgencyLevel level, String parentCode) {
    }

    public record RoleAssignmentRequest(String roleCode, String agencyCode, LocalDate validFrom, LocalDate validTo) {
    }

    public record UserRequest(String username, String password, String fullName, String positionTitle,
            String agencyCode, Set<ApplicationRole> roles) {
    }

    @GET
    @Path("me")
    public UserRepresentation me() {
        return UserRepresentation.of(directory.currentUser());
    }

    @GET
    @Path("agencies")
    public List<AgencyRepresentation> agencies() {
        return directory.agencies().stream().map(AgencyRepresentation::of).toList();
    }

    /** The document types the API accepts as {@code typeCode} (data: table {@code document_type}). */
    @GET
    @Path("document-types")
    public List<DocumentTypeView> documentTypes() {
        return documents.documentTypes();
    }

    @POST
    @Path("agencies")
    public Response createAgency(AgencyRequest r) {
        requireBody(r);
        var a = directory.createAgency(new DirectoryService.NewAgency(r.code(), r.name(), r.shortName(), r.level(),
                r.parentCode()));
        return Response.status(201).entity(AgencyRepresentation.of(a)).build();
    }

    @POST
    @Path("role-assignments")
    public Response assignRole(RoleAssignmentRequest r) {
        requireBody(r);
        var a = directory.assignRole(r.roleCode(), r.agencyCode(), r.validFrom(), r.validTo());
        return Response.status(201).entity(RoleAssignmentRepresentation.of(a)).build();
    }

    @GET
    @Path("role-assignments/holders")
    public List<AgencyRepresentation> holders(@QueryParam("role") String role, @QueryParam("date") String date) {
        LocalDate day;
        try {
            day = date == null ? LocalDate.now() : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("Ngày không hợp lệ", List.of("date: dạng YYYY-MM-DD"));
        }
        if (role == null || role.isBlank()) {
            throw DomainException.invalid("Thiếu vai trò", List.of("role: bắt buộc"));
        }
        return directory.holdersOf(role, day).stream().map(AgencyRepresentation::of).toList();
    }

    @POST
    @Path("users")
    public Response createUser(UserRequest r) {
        requireBody(r);
        var u = directory.createUser(new DirectoryService.NewUser(r.username(), r.password(), r.fullName(),
                r.positionTitle(), r.agencyCode(), r.roles() == null ? EnumSet.noneOf(ApplicationRole.class) : r.roles()));
        return Response.status(201).entity(UserRepresentation.of(u)).build();
    }

    static void requireBody(Object body) {
        if (body == null) {
            throw DomainException.invalid("Thiếu nội dung yêu cầu", List.of("body: bắt buộc"));
        }
    }
}
