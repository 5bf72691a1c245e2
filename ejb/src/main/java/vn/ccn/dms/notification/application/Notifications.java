package vn.ccn.dms.notification.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.AppUser;

/**
 * In-application notifications. Written only by outbox handlers, after the transaction that caused them has
 * committed; each carries a source key (event and recipient) that is unique, so a retried handler never
 * notifies twice. A mail channel would be one more handler on the same rows.
 */
@Stateless
public class Notifications {

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @Inject
    private Clock clock;

    public record NotificationView(long id, String kind, String title, String link, Instant createdAt, Instant readAt) {
    }

    /** Notifies one user; a second call with the same source key does nothing. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void notifyUser(String sourceKey, long userId, String kind, String titleVi, String link) {
        Objects.requireNonNull(sourceKey, "sourceKey");
        em.createNativeQuery("insert into notification (id, source_key, user_id, kind, title_vi, link, created_at)"
                        + " values (nextval('dms_seq'), ?1, ?2, ?3, ?4, ?5, ?6) on conflict (source_key) do nothing")
                .setParameter(1, sourceKey + ":u" + userId).setParameter(2, userId).setParameter(3, kind)
                .setParameter(4, titleVi.length() > 500 ? titleVi.substring(0, 497) + "..." : titleVi)
                .setParameter(5, link).setParameter(6, Timestamp.from(clock.instant())).executeUpdate();
    }

    /** Notifies the active users of an agency who hold one of the application roles. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int notifyAgency(String sourceKey, long agencyId, Set<String> appRoles, String kind, String titleVi,
            String link) {
        @SuppressWarnings("unchecked")
        List<Number> users = em.createNativeQuery("select distinct u.id from app_user u join app_user_role r on r.user_id = u.id"
                        + " where u.agency_id = ?1 and u.active and r.role = any(?2)")
                .setParameter(1, agencyId).setParameter(2, appRoles.toArray(String[]::new)).getResultList();
        users.forEach(u -> notifyUser(sourceKey, u.longValue(), kind, titleVi, link));
        return users.size();
    }

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void notifyUsername(String sourceKey, String username, String kind, String titleVi, String link) {
        directory.findUser(username).ifPresent(u -> notifyUser(sourceKey, u.id(), kind, titleVi, link));
    }

    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN"})
    public List<NotificationView> mine(boolean unreadOnly, int limit) {
        AppUser user = directory.currentUser();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, kind, title_vi, link, created_at, read_at from notification"
                        + " where user_id = ?1" + (unreadOnly ? " and read_at is null" : "")
                        + " order by created_at desc, id desc limit ?2")
                .setParameter(1, user.id()).setParameter(2, Math.max(1, Math.min(limit, 500))).getResultList();
        return rows.stream().map(r -> new NotificationView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], ((Timestamp) r[4]).toInstant(), r[5] == null ? null : ((Timestamp) r[5]).toInstant()))
                .toList();
    }

    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN"})
    public int markRead(long id) {
        AppUser user = directory.currentUser();
        return em.createNativeQuery("update notification set read_at = ?1 where id = ?2 and user_id = ?3 and read_at is null")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, id).setParameter(3, user.id())
                .executeUpdate();
    }
}
