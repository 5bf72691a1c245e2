package vn.ccn.dms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

    /**
     * A request authenticated by the identity store reads the caller's row once: the directory takes what the
     * identity store read ({@code AuthenticatedCaller}) instead of reading the user, agency and roles again (before:
     * one more query per request, 13 % of a number's request thread in the foundation benchmark's profile).
     */
    @Test
    void anAuthenticatedRequestReadsTheCallerOnce() {
        Api clerk = Fixtures.user("clerk.sct");
        assertEquals(200, clerk.get("api/v1/me").status());
        Database.execute("create extension if not exists pg_stat_statements");
        Database.execute("select pg_stat_statements_reset()");
        for (int i = 0; i < 20; i++) {
            JsonObject me = clerk.get("api/v1/me").json();
            assertEquals("clerk.sct", me.getString("username"));
            assertEquals(Fixtures.SCT, me.getString("agencyCode"));
            assertEquals(List.of("CLERK"), me.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList());
        }
        long identityStoreReads = Database.count("select coalesce(sum(calls), 0) from pg_stat_statements"
                + " where query ilike 'select u.password_hash, array(%'");
        long directoryReads = Database.count("select coalesce(sum(calls), 0) from pg_stat_statements"
                + " where query ilike 'select distinct % from app_user %'");
        assertTrue(identityStoreReads >= 20, "the identity store read the user " + identityStoreReads + " times");
        assertEquals(0, directoryReads, "20 requests read the user again " + directoryReads + " times");
    }

    /**
     * What the directory knows of the caller is read on every request: a user moved to another agency, or whose
     * roles change, acts as such from their next request, and a deactivated user is refused at once.
     */
    @Test
    void aChangedUserActsAsChangedFromTheNextRequest() {
        Api admin = Fixtures.admin();
        var created = admin.postJson("api/v1/users", Json.createObjectBuilder().add("username", "moving.clerk")
                .add("password", Fixtures.PASSWORD).add("fullName", "Người thử chuyển công tác")
                .add("agencyCode", Fixtures.SCT).add("roles", Json.createArrayBuilder().add("CLERK")).build());
        assertTrue(created.status() == 201 || created.status() == 409, created::toString);
        Database.execute("update app_user set active = true, agency_id = (select id from agency where code = '"
                + Fixtures.SCT + "') where username = 'moving.clerk'");
        Database.execute("delete from app_user_role where user_id = (select id from app_user where username = 'moving.clerk')");
        Database.execute("insert into app_user_role (user_id, role) select id, 'CLERK' from app_user where username = 'moving.clerk'");
        Api moving = Fixtures.user("moving.clerk");
        assertEquals(Fixtures.SCT, moving.get("api/v1/me").json().getString("agencyCode"));

        Database.execute("update app_user set agency_id = (select id from agency where code = '" + Fixtures.STC
                + "') where username = 'moving.clerk'");
        Database.execute("insert into app_user_role (user_id, role) select id, 'READER' from app_user where username = 'moving.clerk'");
        JsonObject me = moving.get("api/v1/me").json();
        assertEquals(Fixtures.STC, me.getString("agencyCode"), me::toString);
        assertEquals(Set.of("CLERK", "READER"), me.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toSet()), me::toString);

        Database.execute("update app_user set active = false where username = 'moving.clerk'");
        assertEquals(401, moving.get("api/v1/me").status());
    }

    private static List<String> holders(String role, String date) {
        return Fixtures.user("reader.sct").get("api/v1/role-assignments/holders?role=" + role + "&date=" + date).array()
                .stream().map(v -> ((JsonObject) v).getString("code")).toList();
    }
}
