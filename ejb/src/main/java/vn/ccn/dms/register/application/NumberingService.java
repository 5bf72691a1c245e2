package vn.ccn.dms.register.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import vn.ccn.dms.register.domain.Register;

/**
 * Takes the next number of a register's yearly series. The counter row of (register, year) is created or
 * incremented by one upsert, which keeps it locked until the caller's transaction ends: concurrent callers
 * on any node queue on that row, a rollback gives the number back, and nothing skips or repeats. The unique
 * constraints on the document table are the last guard. Database sequences are not used: they leave gaps.
 */
@Stateless
@PermitAll
public class NumberingService {

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int next(Register register, int year) {
        Number n = (Number) em.createNativeQuery(
                        "insert into register_counter (register_id, year, last_number) values (?1, ?2, 1)"
                                + " on conflict (register_id, year) do update"
                                + " set last_number = register_counter.last_number + 1 returning last_number")
                .setParameter(1, register.id()).setParameter(2, year).getSingleResult();
        return n.intValue();
    }
}
