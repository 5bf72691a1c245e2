package vn.ccn.dms.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.ccn.dms.audit.domain.AuditEntry;
import vn.ccn.dms.directory.domain.Agency;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.directory.domain.ApplicationRole;
import vn.ccn.dms.directory.domain.RoleAssignment;

/** The JSON shapes of the API that are not application views already. */
public final class Representations {

    private Representations() {
    }

    public record AgencyRepresentation(String code, String name, String shortName, String level, String parentCode) {
        static AgencyRepresentation of(Agency a) {
            return new AgencyRepresentation(a.code().value(), a.name(), a.shortName(), a.level().name(),
                    a.parent() == null ? null : a.parent().code().value());
        }
    }

    public record RoleAssignmentRepresentation(String roleCode, String roleName, String agencyCode, LocalDate validFrom,
            LocalDate validTo) {
        static RoleAssignmentRepresentation of(RoleAssignment r) {
            return new RoleAssignmentRepresentation(r.role().code(), r.role().nameVi(), r.agency().code().value(),
                    r.validFrom(), r.validTo());
        }
    }

    public record UserRepresentation(String username, String fullName, String positionTitle, String agencyCode,
            String agencyName, List<ApplicationRole> roles) {
        static UserRepresentation of(AppUser u) {
            return new UserRepresentation(u.username(), u.fullName(), u.positionTitle(), u.agency().code().value(),
                    u.agency().name(), u.roles().stream().sorted().toList());
        }
    }

    public record AuditEntryRepresentation(long id, String chainKey, long seq, Instant occurredAt, String actor,
            String actorAgency, String action, String objectType, String objectId, String detail, String remoteAddr,
            String hash) {
        static AuditEntryRepresentation of(AuditEntry e) {
            return new AuditEntryRepresentation(e.id(), e.chainKey(), e.seq(), e.occurredAt(), e.actor(),
                    e.actorAgency(), e.action(), e.objectType(), e.objectId(), e.detail(), e.remoteAddr(), e.hash());
        }
    }
}
