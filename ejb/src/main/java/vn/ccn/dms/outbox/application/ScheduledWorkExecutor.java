package vn.ccn.dms.outbox.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Claims and runs due outbox rows of the {@link ScheduledWork} topics. Claiming takes a lease (the row becomes
 * invisible to other nodes for a while, {@code FOR UPDATE SKIP LOCKED}); running locks the row again and
 * checks it is still unprocessed, so a row whose lease expired on a slow node still runs once.
 */
@Stateless
@PermitAll
public class ScheduledWorkExecutor {

    static final Duration LEASE = Duration.ofMinutes(2);
    static final int MAX_ATTEMPTS = 10;

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    @Any
    private Instance<ScheduledWork> work;

    public record Claimed(long id, String topic, int attempts) {
    }

    public List<String> topics() {
        return handlers().keySet().stream().sorted().toList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Claimed> claim(List<String> topics) {
        if (topics.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, topic, attempts from outbox_event where topic = any(?1)"
                        + " and processed_at is null and available_at <= ?2 order by available_at, id limit 1"
                        + " for update skip locked")
                .setParameter(1, topics.toArray(String[]::new)).setParameter(2, Timestamp.from(clock.instant()))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        long id = ((Number) r[0]).longValue();
        em.createNativeQuery("update outbox_event set available_at = ?1, attempts = attempts + 1 where id = ?2")
                .setParameter(1, Timestamp.from(clock.instant().plus(LEASE))).setParameter(2, id).executeUpdate();
        return Optional.of(new Claimed(id, (String) r[1], ((Number) r[2]).intValue() + 1));
    }

    /** Runs a claimed row and marks it processed in the same transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void run(Claimed c) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select subject_id, payload from outbox_event where id = ?1"
                        + " and processed_at is null for update")
                .setParameter(1, c.id()).getResultList();
        if (rows.isEmpty()) {
            return; // another node finished it after our lease ran out
        }
        ScheduledWork handler = handlers().get(c.topic());
        if (handler == null) {
            throw new IllegalStateException("no handler for topic " + c.topic());
        }
        handler.run((String) rows.get(0)[0], (String) rows.get(0)[1]);
        em.createNativeQuery("update outbox_event set processed_at = ?1, last_error = null where id = ?2")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, c.id()).executeUpdate();
    }

    /** After a failed run: back off exponentially, give up (kept with its error for operations) after 10 tries. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(Claimed c, String error) {
        String message = error == null ? "unknown" : error.length() > 2000 ? error.substring(0, 2000) : error;
        if (c.attempts() >= MAX_ATTEMPTS) {
            em.createNativeQuery("update outbox_event set processed_at = ?1, last_error = ?2 where id = ?3")
                    .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, "gave up: " + message)
                    .setParameter(3, c.id()).executeUpdate();
        } else {
            Duration backoff = Duration.ofSeconds(1L << Math.min(c.attempts() + 1, 10));
            em.createNativeQuery("update outbox_event set available_at = ?1, last_error = ?2 where id = ?3")
                    .setParameter(1, Timestamp.from(clock.instant().plus(backoff))).setParameter(2, message)
                    .setParameter(3, c.id()).executeUpdate();
        }
    }

    private Map<String, ScheduledWork> handlers() {
        return work.stream().collect(Collectors.toMap(ScheduledWork::topic, w -> w));
    }
}
