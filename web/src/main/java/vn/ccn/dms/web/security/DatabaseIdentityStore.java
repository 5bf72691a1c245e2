package vn.ccn.dms.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ccn.dms.directory.application.AuthenticatedCaller;
import vn.ccn.dms.directory.domain.ApplicationRole;

/**
 * Users, PBKDF2 password hashes and roles from the database, read in one query on every authentication, so a
 * deactivated user, a changed password or a withdrawn role takes effect on the next request.
 *
 * <p>What is cached is only the outcome of the PBKDF2 comparison, which is deliberately slow and which API
 * clients sending HTTP Basic would otherwise pay on every call: a verified (user, stored hash, password) is kept
 * for {@code dms.auth.verified-cache-seconds} as an HMAC of the password under a key made at start-up and
 * never stored, bound to the stored hash (a password change makes the entry useless at once). Failures are
 * never cached. Replaces Soteria's {@code @DatabaseIdentityStoreDefinition}, which also looked its data source
 * up in JNDI and ran two queries per request (the foundation benchmark's profile).
 */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    private static final String QUERY = "select u.password_hash, array(select r.role from app_user_role r"
            + " where r.user_id = u.id), u.id, u.full_name, u.position_title, u.agency_id from app_user u"
            + " where u.username = ? and u.active";
    private static final int CACHE_LIMIT = 10_000;

    @Resource(lookup = "java:app/jdbc/dms")
    private DataSource dataSource;

    @Inject
    private Pbkdf2PasswordHash passwordHash;

    @Inject
    private AuthenticatedCaller caller;

    @Inject
    @ConfigProperty(name = "dms.auth.verified-cache-seconds", defaultValue = "300")
    private long cacheSeconds;

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private SecretKeySpec key;
    /** One initialised MAC per thread: looking the provider up and initialising it was a tenth of this store's cost. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private record Verified(String storedHash, byte[] passwordMac, long expiresAtNanos) {
    }

    @PostConstruct
    void init() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
        passwordHash.initialize(Map.of());
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential c)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String username = c.getCaller();
        Optional<ActiveUser> user = activeUser(username);
        if (user.isEmpty() || !matches(username, c.getPasswordAsString(), user.get().passwordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        authenticated(username, user.get());
        return new CredentialValidationResult(username, user.get().roles());
    }

    /** An active user of the directory with their password hash, application roles and directory entry. */
    public record ActiveUser(String passwordHash, Set<String> roles, long id, String fullName, String positionTitle,
            long agencyId) {
    }

    /**
     * Hands what was read of a caller whose credential this request has verified to the directory
     * ({@link AuthenticatedCaller}), so that it does not read the same row again in this request.
     */
    public void authenticated(String username, ActiveUser user) {
        Set<ApplicationRole> roles = EnumSet.noneOf(ApplicationRole.class);
        for (String role : user.roles()) {
            try {
                roles.add(ApplicationRole.valueOf(role));
            } catch (IllegalArgumentException e) {
                return; // a role this version does not know: let the directory read and judge the user itself
            }
        }
        caller.authenticated(new AuthenticatedCaller.Entry(user.id(), username, user.fullName(), user.positionTitle(),
                user.agencyId(), roles));
    }

    /** The active user of that name, read now (used also for callers an OpenID Connect token identifies). */
    public Optional<ActiveUser> activeUser(String username) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(QUERY)) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Array array = rs.getArray(2);
                return Optional.of(new ActiveUser(rs.getString(1), new HashSet<>(Arrays.asList((String[]) array.getArray())),
                        rs.getLong(3), rs.getString(4), rs.getString(5), rs.getLong(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the user " + username, e);
        }
    }

    private boolean matches(String username, String password, String stored) {
        byte[] mac = mac(username, password);
        long now = System.nanoTime();
        Verified hit = verified.get(username);
        if (hit != null && hit.expiresAtNanos() - now > 0 && hit.storedHash().equals(stored)
                && MessageDigest.isEqual(hit.passwordMac(), mac)) {
            return true;
        }
        if (!passwordHash.verify(password.toCharArray(), stored)) {
            return false;
        }
        if (cacheSeconds > 0) {
            if (verified.size() >= CACHE_LIMIT) {
                verified.clear(); // a crude bound; the cache only saves CPU, it never decides anything
            }
            verified.put(username, new Verified(stored, mac, now + Duration.ofSeconds(cacheSeconds).toNanos()));
        }
        return true;
    }

    private byte[] mac(String username, String password) {
        Mac m = macs.get(); // doFinal resets it for the next use
        m.update(username.getBytes(StandardCharsets.UTF_8));
        m.update((byte) 0);
        return m.doFinal(password.getBytes(StandardCharsets.UTF_8));
    }
}
