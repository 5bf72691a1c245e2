package vn.ccn.dms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint against a user of another agency and a user of a lower role: each must be refused (403 for a
 * role that may never do it, 404 for a document the user may not see), with problem JSON, and change nothing.
 */
@ExtendWith(ArquillianExtension.class)
class AccessMatrixIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void fixtures() {
        Fixtures.load();
    }

    record Case(String user, String method, String path, JsonObject body, int expected) {
    }

    @Test
    void everyEndpointRefusesOtherAgenciesAndLowerRoles() {
        Api clerk = Fixtures.user("clerk.sct");
        JsonObject incoming = DocumentApiIT.incoming("1/ACL", "Cơ quan thử", "Văn bản kiểm tra quyền").build();
        long doc = clerk.postMultipart("api/v1/documents/incoming", incoming,
                List.of(new Api.FilePart("a.pdf", "application/pdf", TestFiles.pdf("acl", 1000)))).json()
                .getJsonNumber("id").longValue();
        JsonObject detail = clerk.get("api/v1/documents/" + doc).json();
        long file = detail.getJsonArray("versions").getJsonObject(0).getJsonArray("files").getJsonObject(0)
                .getJsonNumber("id").longValue();
        long out = Fixtures.user("specialist.sct").postJson("api/v1/documents/outgoing", Json.createObjectBuilder()
                .add("typeCode", "TB").add("summary", "Thông báo nháp").add("registerId", Fixtures.registerId("clerk.sct", "DI"))
                .build()).json().getJsonNumber("id").longValue();
        long register = Fixtures.registerId("clerk.sct", "DEN");
        String today = LocalDate.now().toString();
        JsonObject empty = Json.createObjectBuilder().build();
        JsonObject agency = Json.createObjectBuilder().add("code", "000.00.77.H37").add("name", "X").add("shortName", "X")
                .add("level", "OTHER").build();
        JsonObject user = Json.createObjectBuilder().add("username", "intruder").add("password", "mat-khau-dai-du")
                .add("fullName", "X").add("agencyCode", Fixtures.SCT).add("roles", Json.createArrayBuilder().add("ADMIN")).build();
        JsonObject reg = Json.createObjectBuilder().add("agencyCode", Fixtures.SCT).add("direction", "OUTGOING")
                .add("code", "X1").add("name", "X").build();
        JsonObject role = Json.createObjectBuilder().add("roleCode", "FINANCE").add("agencyCode", Fixtures.SCT)
                .add("validFrom", "2025-01-01").build();

        List<Case> cases = new ArrayList<>();
        for (String u : List.of("clerk.stc", "reader.stc", "leader.stc")) { // another agency
            cases.add(new Case(u, "GET", "api/v1/documents/" + doc, null, 404));
            cases.add(new Case(u, "GET", "api/v1/documents/" + doc + "/audit", null, 404));
            cases.add(new Case(u, "GET", "api/v1/documents/" + doc + "/files/" + file + "/content", null, 404));
            cases.add(new Case(u, "GET", "api/v1/documents/" + out, null, 404));
            cases.add(new Case(u, "GET", "api/v1/registers/" + register + "/print?from=" + today + "&to=" + today, null,
                    u.startsWith("reader") ? 403 : 404));
        }
        cases.add(new Case("clerk.stc", "POST", "api/v1/documents/" + out + "/number", empty, 404));
        cases.add(new Case("clerk.stc", "POST", "api/v1/documents/" + doc + "/grants/clerk.stc", empty, 404));
        cases.add(new Case("specialist.stc", "POST-FILE", "api/v1/documents/" + doc + "/files", null, 404));
        // Lower roles of the same agency.
        cases.add(new Case("reader.sct", "POST-FILE", "api/v1/documents/incoming", incoming, 403));
        cases.add(new Case("reader.sct", "POST", "api/v1/documents/outgoing", Json.createObjectBuilder()
                .add("typeCode", "TB").add("summary", "x").add("registerId", 1).build(), 403));
        cases.add(new Case("reader.sct", "POST-FILE", "api/v1/documents/" + doc + "/files", null, 403));
        cases.add(new Case("specialist.sct", "POST", "api/v1/documents/" + out + "/number", empty, 403));
        cases.add(new Case("reader.sct", "POST", "api/v1/documents/" + out + "/number", empty, 403));
        cases.add(new Case("specialist.sct", "POST", "api/v1/documents/" + doc + "/grants/reader.sct", empty, 403));
        cases.add(new Case("reader.sct", "GET", "api/v1/registers/" + register + "/print?from=" + today + "&to=" + today, null, 403));
        for (String u : List.of("clerk.sct", "leader.sct", "specialist.sct", "reader.sct")) { // administrator only
            cases.add(new Case(u, "POST", "api/v1/agencies", agency, 403));
            cases.add(new Case(u, "POST", "api/v1/users", user, 403));
            cases.add(new Case(u, "POST", "api/v1/registers", reg, 403));
            cases.add(new Case(u, "POST", "api/v1/role-assignments", role, 403));
            cases.add(new Case(u, "GET", "api/v1/audit?actor=clerk.sct", null, 403));
            cases.add(new Case(u, "GET", "api/v1/audit/verify", null, 403));
            cases.add(new Case(u, "POST", "api/v1/operations/content/sweep", empty, 403));
        }
        long documents = Database.count("select count(*) from document");
        long versions = Database.count("select count(*) from document_version");
        long grants = Database.count("select count(*) from document_grant");
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            Api api = Fixtures.user(c.user());
            Api.Answer a = switch (c.method()) {
                case "GET" -> api.get(c.path());
                case "POST" -> api.postJson(c.path(), c.body());
                default -> api.postMultipart(c.path(), c.body(),
                        List.of(new Api.FilePart("x.pdf", "application/pdf", TestFiles.pdf("x", 500))));
            };
            if (a.status() != c.expected() || !a.contentType().startsWith("application/problem+json")) {
                wrong.add(c + " -> " + a);
            }
        }
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
        assertEquals(documents, Database.count("select count(*) from document"));
        assertEquals(versions, Database.count("select count(*) from document_version"));
        assertEquals(grants, Database.count("select count(*) from document_grant"));
        assertEquals(0, Database.count("select count(*) from app_user where username = 'intruder'"));
        assertEquals(0, Database.count("select count(*) from agency where code = '000.00.77.H37'"));
    }
}
