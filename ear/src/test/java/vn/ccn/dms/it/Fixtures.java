package vn.ccn.dms.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * The agencies, users and registers the integration tests work with, created through the API as the
 * bootstrap administrator. Idempotent: 409 means it is already there (each test class redeploys the EAR
 * on the same database).
 */
public final class Fixtures {

    public static final String PASSWORD = "mat-khau-thu-nghiem";
    public static final String SCT = "000.00.12.H37";
    public static final String STC = "000.00.13.H37";
    public static final String COMMUNE = "000.21.30.H37";

    private static final Map<String, Long> REGISTERS = new HashMap<>();
    private static boolean loaded;

    private Fixtures() {
    }

    public static Api admin() {
        return Api.as("admin", System.getenv("DMS_BOOTSTRAP_ADMIN_PASSWORD"));
    }

    public static Api user(String username) {
        return Api.as(username, PASSWORD);
    }

    /** Users: {@code clerk.sct}, {@code specialist.sct}, {@code leader.sct}, {@code reader.sct}, and the same for stc. */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        Api admin = admin();
        agency(admin, SCT, "Sở Công Thương tỉnh Lạng Sơn", "SCT", "DEPARTMENT");
        agency(admin, STC, "Sở Tài chính tỉnh Lạng Sơn", "STC", "DEPARTMENT");
        agency(admin, COMMUNE, "Ủy ban nhân dân xã Hữu Lũng", "UBND", "COMMUNE");
        for (String[] a : new String[][] {{SCT, "sct"}, {STC, "stc"}, {COMMUNE, "xa"}}) {
            for (String role : new String[] {"CLERK", "SPECIALIST", "LEADER", "READER"}) {
                created(admin.postJson("api/v1/users", Json.createObjectBuilder()
                        .add("username", role.toLowerCase() + "." + a[1]).add("password", PASSWORD)
                        .add("fullName", "Người thử " + role + " " + a[1].toUpperCase())
                        .add("agencyCode", a[0]).add("roles", Json.createArrayBuilder().add(role)).build()));
            }
            register(admin, a[0], "INCOMING", "DEN", "Sổ văn bản đến", null, false);
            register(admin, a[0], "INCOMING", "DEN-MAT", "Sổ văn bản đến mật", null, true);
            register(admin, a[0], "OUTGOING", "DI", "Sổ văn bản đi", null, false);
        }
        register(admin, COMMUNE, "OUTGOING", "QPPL", "Sổ văn bản quy phạm pháp luật", "{number}/{year}/{type}-{agency}", false);
        loaded = true;
    }

    /** The id of a register of an agency, looked up as a user of that agency. */
    public static long registerId(String username, String code) {
        return REGISTERS.computeIfAbsent(username + "/" + code, k -> user(username).get("api/v1/registers").array()
                .stream().map(JsonObject.class::cast).filter(r -> r.getString("code").equals(code))
                .mapToLong(r -> r.getJsonNumber("id").longValue()).findFirst().orElseThrow());
    }

    private static void agency(Api admin, String code, String name, String shortName, String level) {
        created(admin.postJson("api/v1/agencies", Json.createObjectBuilder().add("code", code).add("name", name)
                .add("shortName", shortName).add("level", level).build()));
    }

    private static void register(Api admin, String agency, String direction, String code, String name, String pattern,
            boolean secret) {
        var b = Json.createObjectBuilder().add("agencyCode", agency).add("direction", direction).add("code", code)
                .add("name", name).add("secret", secret);
        if (pattern != null) {
            b.add("numberPattern", pattern);
        }
        created(admin.postJson("api/v1/registers", b.build()));
    }

    private static void created(Api.Answer answer) {
        assertTrue(answer.status() == 201 || answer.status() == 409, () -> "fixture not created: " + answer);
    }
}
