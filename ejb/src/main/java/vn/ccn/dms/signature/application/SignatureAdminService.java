package vn.ccn.dms.signature.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.Agency;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.directory.domain.ApplicationRole;
import vn.ccn.dms.pades.PadesException;
import vn.ccn.dms.pades.crypto.KeyPolicy;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;
import vn.ccn.dms.signature.domain.AgencySignatureProfile;
import vn.ccn.dms.signature.domain.CredentialKind;
import vn.ccn.dms.signature.domain.LeaderSignatureImage;
import vn.ccn.dms.signature.domain.OwnerKind;
import vn.ccn.dms.signature.domain.SigningCredential;
import vn.ccn.dms.pades.crypto.Pem;
import vn.ccn.dms.signature.infrastructure.PngImages;
import vn.ccn.dms.signature.infrastructure.SigningEngine;

/**
 * Signing configuration that is data rather than server configuration: each leader's and each agency's
 * signing credential, the leaders' signature images, and the agencies' seal images and place names. Every
 * change is audited.
 */
@Stateless
public class SignatureAdminService {

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @EJB
    private AuditTrail audit;

    @Inject
    private SignatureSettings settings;

    @Inject
    private SigningEngine engine;

    @Inject
    private Clock clock;

    /**
     * @param kind PKCS11, PKCS12 or EXTERNAL
     * @param library PKCS#11 module (PKCS11), one of {@code dms.signature.pkcs11.allowed-libraries}
     * @param slotId PKCS#11 slot id, or null to use {@code slotIndex}
     * @param file PKCS#12 keystore, relative to {@code dms.signature.pkcs12.directory}
     * @param certificateChain PEM, signing certificate first (EXTERNAL)
     */
    public record CredentialRequest(CredentialKind kind, String library, Long slotId, Integer slotIndex, String keyAlias,
            String file, String certificateChain) {
    }

    public record CredentialView(String owner, OwnerKind ownerKind, CredentialKind kind, String library, Long slotId,
            Integer slotIndex, String keyAlias, String file, List<String> certificateSubjects, Instant updatedAt,
            String updatedBy) {
        static CredentialView of(String owner, SigningCredential c) {
            List<String> subjects = c.certificateChainPem() == null ? List.of()
                    : Pem.certificates(c.certificateChainPem()).stream().map(x -> x.getSubjectX500Principal().getName()).toList();
            return new CredentialView(owner, c.ownerKind(), c.kind(), c.pkcs11Library(), c.pkcs11SlotId(), c.pkcs11SlotIndex(),
                    c.keyAlias(), c.pkcs12File(), subjects, c.updatedAt(), c.updatedBy());
        }
    }

    public record ProfileView(String agencyCode, String placeName, boolean hasSeal, float sealWidthMm, float sealHeightMm) {
    }

    /** The effective server configuration, for administrators (no secrets in it). */
    public record SettingsView(String level, String tsaUrl, List<String> tsaFallbackUrls, boolean revocationOnline,
            boolean revocationRequiredBeforeSigning, List<String> trustAnchors, List<String> pkcs11Libraries,
            boolean pkcs12Allowed, int batchMaxSize) {
    }

    @RolesAllowed("ADMIN")
    public CredentialView setUserCredential(String username, CredentialRequest request) {
        AppUser user = directory.findUser(username).orElseThrow(() -> new DomainException(Problem.NOT_FOUND,
                "Không có người dùng " + username));
        if (!user.has(ApplicationRole.LEADER)) {
            throw DomainException.invalid("Chỉ lãnh đạo có chứng thư ký văn bản", List.of("username: không phải lãnh đạo"));
        }
        return CredentialView.of(username, save(OwnerKind.USER, user.id(), username, request));
    }

    @RolesAllowed("ADMIN")
    public CredentialView setAgencyCredential(String agencyCode, CredentialRequest request) {
        Agency agency = directory.agency(agencyCode);
        return CredentialView.of(agencyCode, save(OwnerKind.AGENCY, agency.id(), agencyCode, request));
    }

    @RolesAllowed("ADMIN")
    public Optional<CredentialView> userCredential(String username) {
        AppUser user = directory.findUser(username).orElseThrow(() -> new DomainException(Problem.NOT_FOUND,
                "Không có người dùng " + username));
        return find(OwnerKind.USER, user.id()).map(c -> CredentialView.of(username, c));
    }

    private SigningCredential save(OwnerKind ownerKind, long ownerId, String ownerName, CredentialRequest r) {
        if (r == null || r.kind() == null) {
            throw DomainException.invalid("Thiếu loại khóa ký", List.of("kind: PKCS11, PKCS12 hoặc EXTERNAL"));
        }
        Instant now = clock.instant();
        String by = directory.currentUser().username();
        SigningCredential existing = find(ownerKind, ownerId).orElse(null);
        // A new row is persisted only once it is configured: a query before would flush it half-made.
        SigningCredential c = existing != null ? existing : new SigningCredential(ownerKind, ownerId);
        switch (r.kind()) {
            case PKCS11 -> {
                if (r.library() == null || !settings.pkcs11Libraries().contains(Path.of(r.library()).toAbsolutePath().normalize())) {
                    throw DomainException.invalid("Thư viện PKCS#11 không nằm trong danh sách được phép",
                            List.of("library: một trong " + settings.pkcs11Libraries()));
                }
                if (r.slotId() == null && (r.slotIndex() == null || r.slotIndex() < 0)) {
                    throw DomainException.invalid("Cần khe (slot) của thiết bị ký", List.of("slotId hoặc slotIndex: bắt buộc"));
                }
                c.usePkcs11(r.library(), r.slotId(), r.slotIndex() == null ? 0 : r.slotIndex(), blankToNull(r.keyAlias()), now, by);
            }
            case PKCS12 -> {
                Path dir = settings.pkcs12Directory().orElseThrow(() -> DomainException.invalid(
                        "Cài đặt này không cho phép khóa PKCS#12", List.of("kind: PKCS12 chỉ dùng khi phát triển")));
                if (r.file() == null || r.file().isBlank() || !dir.resolve(r.file()).toAbsolutePath().normalize().startsWith(dir)) {
                    throw DomainException.invalid("Tệp khóa PKCS#12 không hợp lệ", List.of("file: đường dẫn trong " + dir));
                }
                c.usePkcs12(r.file(), blankToNull(r.keyAlias()), now, by);
            }
            case EXTERNAL -> {
                List<X509Certificate> chain;
                try {
                    chain = r.certificateChain() == null ? List.of() : Pem.certificates(r.certificateChain());
                    if (!chain.isEmpty()) {
                        KeyPolicy.requireAcceptable(chain.get(0));
                    }
                } catch (IllegalArgumentException | PadesException e) {
                    throw DomainException.invalid("Chuỗi chứng thư không hợp lệ", List.of("certificateChain: " + e.getMessage()));
                }
                if (chain.isEmpty()) {
                    throw DomainException.invalid("Cần chuỗi chứng thư của người ký", List.of("certificateChain: PEM, chứng thư ký trước"));
                }
                c.useExternal(Pem.format(chain), now, by);
            }
        }
        if (existing == null) {
            em.persist(c);
        }
        em.flush();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("owner", ownerKind + ":" + ownerName);
        detail.put("kind", r.kind().name());
        audit.record("SIGNING_CREDENTIAL", "signing_credential", c.id().toString(), detail);
        return c;
    }

    Optional<SigningCredential> find(OwnerKind kind, long ownerId) {
        return em.createQuery("select c from SigningCredential c where c.ownerKind = :k and c.ownerId = :o", SigningCredential.class)
                .setParameter("k", kind).setParameter("o", ownerId).getResultStream().findFirst();
    }

    /** The leader's own signature image, or an administrator's upload for a leader. */
    @RolesAllowed({"ADMIN", "LEADER"})
    public void setSignatureImage(String username, byte[] png) {
        AppUser caller = directory.currentUser();
        if (!caller.username().equals(username) && !caller.has(ApplicationRole.ADMIN)) {
            throw new DomainException(Problem.FORBIDDEN, "Chỉ người ký hoặc quản trị viên được thay ảnh chữ ký");
        }
        AppUser user = directory.findUser(username).orElseThrow(() -> new DomainException(Problem.NOT_FOUND,
                "Không có người dùng " + username));
        PngImages.requireTransparentPng(png);
        LeaderSignatureImage image = em.find(LeaderSignatureImage.class, user.id());
        if (image == null) {
            image = new LeaderSignatureImage(user.id());
            image.replace(png, clock.instant(), caller.username());
            em.persist(image);
        } else {
            image.replace(png, clock.instant(), caller.username());
        }
        audit.record("SIGNATURE_IMAGE", "user", username, Map.of("bytes", Integer.toString(png.length)));
    }

    @RolesAllowed("ADMIN")
    public ProfileView setPlaceName(String agencyCode, String placeName) {
        if (placeName == null || placeName.isBlank() || placeName.length() > 128) {
            throw DomainException.invalid("Địa danh không hợp lệ", List.of("placeName: 1-128 ký tự, ví dụ Lạng Sơn"));
        }
        AgencySignatureProfile p = profile(agencyCode, placeName);
        p.placeName(placeName, clock.instant(), directory.currentUser().username());
        audit.record("SIGNATURE_PROFILE", "agency", agencyCode, Map.of("placeName", placeName));
        return view(agencyCode, p);
    }

    @RolesAllowed("ADMIN")
    public ProfileView setSeal(String agencyCode, byte[] png, float widthMm, float heightMm) {
        PngImages.requireTransparentPng(png);
        if (widthMm < 10 || widthMm > 80 || heightMm < 10 || heightMm > 80) {
            throw DomainException.invalid("Kích thước con dấu không hợp lệ", List.of("widthMm, heightMm: từ 10 đến 80 mm (kích thước thật)"));
        }
        AgencySignatureProfile p = profile(agencyCode, null);
        p.seal(png, widthMm, heightMm, clock.instant(), directory.currentUser().username());
        audit.record("SIGNATURE_PROFILE", "agency", agencyCode, Map.of("seal", widthMm + "x" + heightMm + " mm"));
        return view(agencyCode, p);
    }

    private AgencySignatureProfile profile(String agencyCode, String placeName) {
        Agency agency = directory.agency(agencyCode);
        AgencySignatureProfile p = em.find(AgencySignatureProfile.class, agency.id());
        if (p == null) {
            p = new AgencySignatureProfile(agency.id(), placeName == null ? agency.name() : placeName);
            p.placeName(placeName == null ? agency.name() : placeName, clock.instant(), directory.currentUser().username());
            em.persist(p);
        }
        return p;
    }

    private static ProfileView view(String code, AgencySignatureProfile p) {
        return new ProfileView(code, p.placeName(), p.sealPng() != null, p.sealWidthMm(), p.sealHeightMm());
    }

    @RolesAllowed("ADMIN")
    public SettingsView settings() {
        return new SettingsView(settings.level().name().replace('_', '-'), settings.tsaUrl().map(Object::toString).orElse(null),
                settings.tsaFallbackUrls().stream().map(Object::toString).toList(), settings.revocationOnline(),
                settings.revocationRequired(),
                engine.trustAnchors().stream().map(c -> c.getSubjectX500Principal().getName()).toList(),
                settings.pkcs11Libraries().stream().map(Object::toString).sorted().toList(), settings.pkcs12Directory().isPresent(),
                settings.batchMax());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
