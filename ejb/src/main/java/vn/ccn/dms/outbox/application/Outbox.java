package vn.ccn.dms.outbox.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * Enqueues work for after the commit. Rows are claimed later with {@code FOR UPDATE SKIP LOCKED} by the
 * workers of each topic (the search indexer is the first; issue 3).
 */
@Stateless
@PermitAll
public class Outbox {

    /** Topic of index updates: the subject is a document id. */
    public static final String INDEX_DOCUMENT = "index-document";

    /** Topic of signature validation of received PDFs (issue 4): the subject is a document id. */
    public static final String VALIDATE_SIGNATURES = "validate-signatures";

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @Inject
    private Clock clock;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueue(String topic, String subjectId, String payload) {
        Timestamp now = Timestamp.from(clock.instant());
        em.createNativeQuery("insert into outbox_event (id, topic, subject_id, payload, created_at, available_at)"
                        + " values (nextval('dms_seq'), ?1, ?2, ?3, ?4, ?4)")
                .setParameter(1, topic).setParameter(2, subjectId).setParameter(3, payload).setParameter(4, now)
                .executeUpdate();
    }

    /** Enqueues one event per topic for the same subject, without payload, in one statement (an upload causes two). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueueEach(String subjectId, String... topics) {
        Timestamp now = Timestamp.from(clock.instant());
        em.createNativeQuery("insert into outbox_event (id, topic, subject_id, payload, created_at, available_at)"
                        + " select nextval('dms_seq'), t.topic, ?2, null, ?3, ?3 from unnest(?1) as t(topic)")
                .setParameter(1, topics.clone()).setParameter(2, subjectId).setParameter(3, now).executeUpdate();
    }

    /**
     * Enqueues work that becomes due at {@code at} (a durable timer): a deadline, a reminder. Committed with the
     * caller's transaction, run by {@link ScheduledWorkRunner} once the clock passes {@code at}.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueueAt(String topic, String subjectId, String payload, java.time.Instant at) {
        em.createNativeQuery("insert into outbox_event (id, topic, subject_id, payload, created_at, available_at)"
                        + " values (nextval('dms_seq'), ?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, topic).setParameter(2, subjectId).setParameter(3, payload)
                .setParameter(4, Timestamp.from(clock.instant())).setParameter(5, Timestamp.from(at))
                .executeUpdate();
    }

    /** Rows due and not yet processed, for health and operations (timers set in the future are not backlog). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long backlog() {
        return ((Number) em.createNativeQuery("select count(*) from outbox_event where processed_at is null"
                        + " and available_at <= ?1")
                .setParameter(1, Timestamp.from(clock.instant())).getSingleResult()).longValue();
    }
}
