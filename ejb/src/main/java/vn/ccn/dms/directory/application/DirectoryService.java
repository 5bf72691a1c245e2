package vn.ccn.dms.directory.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.directory.domain.Agency;
import vn.ccn.dms.directory.domain.AgencyCode;
import vn.ccn.dms.directory.domain.AgencyLevel;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.directory.domain.ApplicationRole;
import vn.ccn.dms.directory.domain.FunctionalRole;
import vn.ccn.dms.directory.domain.RoleAssignment;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

/** Reads and maintains the directory. Every change is audited. */
@Stateless
@DeclareRoles({"CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN"})
public class DirectoryService {

    /** Password rules for accounts created through the API: long enough to resist guessing. */
    static final int MIN_PASSWORD_LENGTH = 10;

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private AuthenticatedCaller caller;

    @Inject
    private Pbkdf2PasswordHash passwordHash;

    @EJB
    private AuditTrail audit;

    public record NewAgency(String code, String name, String shortName, AgencyLevel level, String parentCode) {
    }

    public record NewUser(String username, String password, String fullName, String positionTitle,
            String agencyCode, Set<ApplicationRole> roles) {
    }

    @RolesAllowed("ADMIN")
    public Agency createAgency(NewAgency request) {
        List<String> errors = new ArrayList<>();
        if (!AgencyCode.isValid(request.code())) {
            errors.add("code: mã định danh phải có dạng 000.00.00.H37 (13 ký tự)");
        }
        if (blank(request.name())) {
            errors.add("name: tên cơ quan không được để trống");
        }
        if (blank(request.shortName()) || request.shortName().length() > 32) {
            errors.add("shortName: tên viết tắt (1-32 ký tự) là bắt buộc");
        }
        if (request.level() == null) {
            errors.add("level: cấp hành chính là bắt buộc");
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Thông tin cơ quan không hợp lệ", errors);
        }
        if (findAgency(request.code()).isPresent()) {
            throw new DomainException(Problem.CONFLICT, "Mã định danh " + request.code() + " đã tồn tại");
        }
        Agency parent = request.parentCode() == null || request.parentCode().isBlank() ? null
                : agency(request.parentCode());
        Agency agency = new Agency(new AgencyCode(request.code()), request.name(), request.shortName(),
                request.level(), parent);
        em.persist(agency);
        em.flush();
        audit.record("CREATE", "agency", request.code(), Map.of("name", agency.name()));
        return agency;
    }

    @PermitAll
    public List<Agency> agencies() {
        return em.createQuery("select a from Agency a order by a.level, a.name", Agency.class).getResultList();
    }

    @PermitAll
    public Optional<Agency> findAgency(String code) {
        return em.createQuery("select a from Agency a where a.code = :code", Agency.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    @PermitAll
    public Agency agency(String code) {
        return findAgency(code).orElseThrow(() -> new DomainException(Problem.NOT_FOUND,
                "Không có cơ quan với mã định danh " + code));
    }

    @PermitAll
    public List<FunctionalRole> functionalRoles() {
        return em.createQuery("select r from FunctionalRole r order by r.code", FunctionalRole.class).getResultList();
    }

    @RolesAllowed("ADMIN")
    public RoleAssignment assignRole(String roleCode, String agencyCode, LocalDate validFrom, LocalDate validTo) {
        FunctionalRole role = Optional.ofNullable(roleCode).map(c -> em.find(FunctionalRole.class, c))
                .orElseThrow(() -> new DomainException(Problem.INVALID_INPUT, "Vai trò chức năng không tồn tại: " + roleCode));
        if (validFrom == null) {
            throw DomainException.invalid("Thiếu ngày bắt đầu hiệu lực", List.of("validFrom: bắt buộc"));
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw DomainException.invalid("Ngày hết hiệu lực trước ngày bắt đầu", List.of("validTo: phải sau validFrom"));
        }
        Agency agency = agency(agencyCode);
        RoleAssignment assignment = new RoleAssignment(role, agency, validFrom, validTo);
        em.persist(assignment);
        em.flush();
        audit.record("ASSIGN_ROLE", "agency", agencyCode, Map.of("role", roleCode, "from", validFrom.toString(),
                "to", String.valueOf(validTo)));
        return assignment;
    }

    /**
     * Who holds a functional role on a date. A workflow asks this instead of naming agencies, so the
     * 2025 mergers of departments change data, not code (BRIEF §2).
     */
    @PermitAll
    public List<Agency> holdersOf(String roleCode, LocalDate date) {
        if (em.find(FunctionalRole.class, roleCode) == null) {
            throw new DomainException(Problem.NOT_FOUND, "Vai trò chức năng không tồn tại: " + roleCode);
        }
        return em.createQuery("select ra.agency from RoleAssignment ra where ra.role.code = :role"
                        + " and ra.validFrom <= :date and (ra.validTo is null or ra.validTo >= :date)"
                        + " order by ra.agency.name", Agency.class)
                .setParameter("role", roleCode).setParameter("date", date).getResultList();
    }

    @RolesAllowed("ADMIN")
    public AppUser createUser(NewUser request) {
        List<String> errors = new ArrayList<>();
        if (!AppUser.isValidUsername(request.username())) {
            errors.add("username: 3-64 ký tự a-z, 0-9, dấu chấm, gạch dưới, gạch ngang");
        }
        if (request.password() == null || request.password().length() < MIN_PASSWORD_LENGTH) {
            errors.add("password: mật khẩu phải có ít nhất " + MIN_PASSWORD_LENGTH + " ký tự");
        }
        if (blank(request.fullName())) {
            errors.add("fullName: họ tên là bắt buộc");
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            errors.add("roles: cần ít nhất một vai trò");
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Thông tin người dùng không hợp lệ", errors);
        }
        if (findUser(request.username()).isPresent()) {
            throw new DomainException(Problem.CONFLICT, "Tên đăng nhập " + request.username() + " đã tồn tại");
        }
        AppUser user = newUser(request);
        audit.record("CREATE", "user", request.username(), Map.of("agency", request.agencyCode(),
                "roles", request.roles().toString()));
        return user;
    }

    /** Creates the first administrator at start-up, when configured and absent. Runs as the system. */
    @PermitAll
    public boolean bootstrapAdministrator(NewAgency agencyRequest, String password) {
        if (findUser("admin").isPresent()) {
            return false;
        }
        Agency agency = findAgency(agencyRequest.code()).orElseGet(() -> {
            Agency a = new Agency(new AgencyCode(agencyRequest.code()), agencyRequest.name(),
                    agencyRequest.shortName(), agencyRequest.level(), null);
            em.persist(a);
            return a;
        });
        em.flush();
        newUser(new NewUser("admin", password, "Quản trị hệ thống", null, agency.code().value(),
                EnumSet.of(ApplicationRole.ADMIN)));
        audit.recordAs("system", "BOOTSTRAP", "user", "admin", Map.of("agency", agency.code().value()));
        return true;
    }

    private AppUser newUser(NewUser request) {
        Agency agency = agency(request.agencyCode());
        AppUser user = new AppUser(request.username(), passwordHash.generate(request.password().toCharArray()),
                request.fullName(), request.positionTitle(), agency, request.roles());
        em.persist(user);
        em.flush();
        return user;
    }

    @PermitAll
    public Optional<AppUser> findUser(String username) {
        // One round trip: the user, their agency and roles (eager anyway) in one join, on every authenticated call.
        return em.createQuery("select distinct u from AppUser u join fetch u.agency left join fetch u.roles"
                        + " where u.username = :u", AppUser.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    /**
     * The logged-in user; a caller unknown to the directory is refused. When the identity store authenticated this
     * request it has just read the user, and that read is used ({@link AuthenticatedCaller}: the returned user is
     * then not managed, and the agency comes from the shared cache of reference data); otherwise the user is read now.
     */
    @PermitAll
    public AppUser currentUser() {
        String name = session.getCallerPrincipal() == null ? null : session.getCallerPrincipal().getName();
        if (name == null) {
            throw new DomainException(Problem.FORBIDDEN, "Người dùng không có trong danh bạ");
        }
        Optional<AuthenticatedCaller.Entry> read = authenticatedNow(name);
        if (read.isPresent()) {
            AuthenticatedCaller.Entry e = read.get();
            Agency agency = em.find(Agency.class, e.agencyId());
            if (agency != null) {
                return AppUser.asAuthenticated(e.userId(), e.username(), e.fullName(), e.positionTitle(), agency,
                        e.roles());
            }
        }
        return findUser(name).filter(AppUser::active)
                .orElseThrow(() -> new DomainException(Problem.FORBIDDEN, "Người dùng không có trong danh bạ"));
    }

    private Optional<AuthenticatedCaller.Entry> authenticatedNow(String name) {
        try {
            return caller.entryFor(name);
        } catch (ContextNotActiveException e) {
            return Optional.empty(); // not in a request (a worker's thread): nothing was authenticated here
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
