package vn.ccn.dms.directory.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** A person who logs in, belonging to one agency, with hashed password and application roles. */
@Entity
@Table(name = "app_user")
public class AppUser {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dms_seq")
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "position_title")
    private String positionTitle;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "agency_id")
    private Agency agency;

    private boolean active = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<ApplicationRole> roles = EnumSet.noneOf(ApplicationRole.class);

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String fullName, String positionTitle, Agency agency,
            Set<ApplicationRole> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 3-64 of a-z 0-9 . _ -");
        }
        this.username = username;
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.fullName = Objects.requireNonNull(fullName, "fullName").trim();
        this.positionTitle = positionTitle;
        this.agency = Objects.requireNonNull(agency, "agency");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        this.roles = EnumSet.copyOf(roles);
    }

    /**
     * The user as the identity store read them in the current request ({@code AuthenticatedCaller}): an active user
     * with their id, agency and roles, not managed by any persistence context and without the password hash. Only
     * for reading who the caller is; never handed to an {@code EntityManager}.
     */
    public static AppUser asAuthenticated(long id, String username, String fullName, String positionTitle,
            Agency agency, Set<ApplicationRole> roles) {
        AppUser user = new AppUser();
        user.id = id;
        user.username = Objects.requireNonNull(username, "username");
        user.fullName = Objects.requireNonNull(fullName, "fullName");
        user.positionTitle = positionTitle;
        user.agency = Objects.requireNonNull(agency, "agency");
        user.active = true;
        user.roles = roles.isEmpty() ? EnumSet.noneOf(ApplicationRole.class) : EnumSet.copyOf(roles);
        return user;
    }

    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String fullName() {
        return fullName;
    }

    public String positionTitle() {
        return positionTitle;
    }

    public Agency agency() {
        return agency;
    }

    public boolean active() {
        return active;
    }

    public Set<ApplicationRole> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(ApplicationRole.class) : EnumSet.copyOf(roles);
    }

    public boolean has(ApplicationRole role) {
        return roles.contains(role);
    }
}
