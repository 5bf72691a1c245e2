package vn.ccn.dms.signature.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.signature.domain.SigningSession;

/** Stores the sessions of the external-signature path; each is used once and expires. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ExternalSessions {

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @Inject
    private Clock clock;

    public SigningSession save(long documentId, int baseVersionNo, SigningSession.Prepared prepared, Instant at, Instant expiresAt) {
        SigningSession s = new SigningSession(documentId, baseVersionNo, prepared, at, expiresAt, directory.currentUser().username());
        em.persist(s);
        return s;
    }

    /** The caller's session, removed so that it cannot be completed twice. */
    public SigningSession take(String id) {
        SigningSession s = id == null ? null : em.find(SigningSession.class, id);
        if (s == null || !s.createdBy().equals(directory.currentUser().username())) {
            throw new SigningRefusedException(SigningRefusedException.SESSION_EXPIRED, 404, "Không tìm thấy phiên ký " + id + ".");
        }
        em.remove(s);
        if (s.expired(clock.instant())) {
            throw new SigningRefusedException(SigningRefusedException.SESSION_EXPIRED, 410, "Phiên ký đã hết hạn; hãy chuẩn bị ký lại.");
        }
        return s;
    }

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void removeExpired() {
        em.createNativeQuery("delete from signing_session where expires_at < ?1").setParameter(1, Timestamp.from(clock.instant()))
                .executeUpdate();
    }
}
