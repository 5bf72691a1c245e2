package vn.ccn.dms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The directory: functional roles held by agencies over dated periods, and its refusals. */
@ExtendWith(ArquillianExtension.class)
class DirectoryApiIT {

    private static final String PLANNING = "000.00.40.H37";
    private static final String FINANCE = "000.00.41.H37";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void fixtures() {
        Fixtures.load();
    }

    @Test
    void whoHoldsARoleDependsOnTheDate() {
        Api admin = Fixtures.admin();
        for (String[] a : new String[][] {{PLANNING, "Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn", "SKHĐT"},
                {FINANCE, "Sở Tài chính tỉnh Lạng Sơn (sau hợp nhất)", "STC"}}) {
            var r = admin.postJson("api/v1/agencies", Json.createObjectBuilder().add("code", a[0]).add("name", a[1])
                    .add("shortName", a[2]).add("level", "DEPARTMENT").build());
            assertTrue(r.status() == 201 || r.status() == 409, r::toString);
        }
        // Before the 2025 merger planning & investment was its own department; from 1 March 2025 finance holds it.
        assertEquals(201, admin.postJson("api/v1/role-assignments", Json.createObjectBuilder()
                .add("roleCode", "PLANNING_INVESTMENT").add("agencyCode", PLANNING).add("validFrom", "2020-01-01")
                .add("validTo", "2025-02-28").build()).status());
        assertEquals(201, admin.postJson("api/v1/role-assignments", Json.createObjectBuilder()
                .add("roleCode", "PLANNING_INVESTMENT").add("agencyCode", FINANCE).add("validFrom", "2025-03-01").build())
                .status());
        assertEquals(List.of(PLANNING), holders("PLANNING_INVESTMENT", "2025-02-28"));
        assertEquals(List.of(FINANCE), holders("PLANNING_INVESTMENT", "2025-03-01"));
        assertEquals(List.of(), holders("PLANNING_INVESTMENT", "2019-12-31"));

        var unknown = Fixtures.user("reader.sct").get("api/v1/role-assignments/holders?role=NO_SUCH_ROLE&date=2025-01-01");
        assertEquals(404, unknown.status(), unknown::toString);
        var badDate = Fixtures.user("reader.sct").get("api/v1/role-assignments/holders?role=FINANCE&date=31/12/2025");
        assertEquals(400, badDate.status(), badDate::toString);
        var reversed = admin.postJson("api/v1/role-assignments", Json.createObjectBuilder().add("roleCode", "FINANCE")
                .add("agencyCode", FINANCE).add("validFrom", "2025-03-01").add("validTo", "2025-01-01").build());
        assertEquals(400, reversed.status(), reversed::toString);
    }

    @Test
    void badAgenciesAndUsersAreRefusedInVietnamese() {
        Api admin = Fixtures.admin();
        var badCode = admin.postJson("api/v1/agencies", Json.createObjectBuilder().add("code", "H37").add("name", "X")
                .add("shortName", "X").add("level", "DEPARTMENT").build());
        assertEquals(400, badCode.status(), badCode::toString);
        assertTrue(badCode.json().getJsonArray("errors").getString(0).contains("mã định danh"), badCode::toString);
        var duplicate = admin.postJson("api/v1/agencies", Json.createObjectBuilder().add("code", Fixtures.SCT)
                .add("name", "Trùng").add("shortName", "SCT").add("level", "DEPARTMENT").build());
        assertEquals(409, duplicate.status(), duplicate::toString);
        var weak = admin.postJson("api/v1/users", Json.createObjectBuilder().add("username", "Bad Name")
                .add("password", "123").add("fullName", "").add("agencyCode", Fixtures.SCT)
                .add("roles", Json.createArrayBuilder()).build());
        assertEquals(400, weak.status(), weak::toString);
        assertEquals(4, weak.json().getJsonArray("errors").size(), weak::toString);
        JsonObject me = Fixtures.user("clerk.sct").get("api/v1/me").json();
        assertEquals(Fixtures.SCT, me.getString("agencyCode"));
        assertEquals("CLERK", me.getJsonArray("roles").getString(0));
    }

    private static List<String> holders(String role, String date) {
        return Fixtures.user("reader.sct").get("api/v1/role-assignments/holders?role=" + role + "&date=" + date).array()
                .stream().map(v -> ((JsonObject) v).getString("code")).toList();
    }
}
