package vn.ccn.dms.register.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import vn.ccn.dms.register.domain.Register;

/**
 * Takes the next number of a register's yearly series. The counter row of (register, year) is created or
 * incremented by one upsert, which keeps it locked until the caller's transaction ends: concurrent callers
 * on any node queue on that row, a rollback gives the number back, and nothing skips or repeats. The unique
 * constraints on the document table are the last guard. Database sequences are not used: they leave gaps.
 *
 * <p>Before the upsert, the caller waits its turn in this node's {@link CounterQueue} for the same series, so that
 * PostgreSQL sees at most one waiter per node on the row instead of one per request thread. The queue is only an
 * optimisation: correctness stays with the row lock, and a caller that waits too long goes to the row anyway.
 */
@Stateless
@PermitAll
public class NumberingService {

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    @Inject
    private CounterQueue queue;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int next(Register register, int year) {
        String series = register.id() + "/" + year;
        String resource = CounterQueue.class.getName() + ":" + series;
        if (transaction.getResource(resource) == null) {
            // First number of this series in the transaction: take this node's turn. It is left as the commit starts
            // (after the persistence context's flush), so the next request's wake-up and upsert overlap this commit's
            // flush to disk and it then waits on the row alone; or when the transaction ends, if it rolls back.
            queue.enter(series).ifPresent(turn -> {
                try {
                    transaction.registerInterposedSynchronization(new Synchronization() {
                        @Override
                        public void beforeCompletion() {
                            turn.leave();
                        }

                        @Override
                        public void afterCompletion(int status) {
                            turn.leave();
                        }
                    });
                } catch (RuntimeException e) {
                    turn.leave();
                    throw e;
                }
                transaction.putResource(resource, turn);
            });
        }
        Number n = (Number) em.createNativeQuery(
                        "insert into register_counter (register_id, year, last_number) values (?1, ?2, 1)"
                                + " on conflict (register_id, year) do update"
                                + " set last_number = register_counter.last_number + 1 returning last_number")
                .setParameter(1, register.id()).setParameter(2, year).getSingleResult();
        return n.intValue();
    }
}
