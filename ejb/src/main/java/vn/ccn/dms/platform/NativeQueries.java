package vn.ccn.dms.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/** Native SQL with positional parameters {@code ?1 … ?n} bound from a list, for queries assembled from filters. */
public final class NativeQueries {

    private NativeQueries() {
    }

    @SuppressWarnings("unchecked")
    public static List<Object[]> rows(EntityManager em, String sql, List<?> params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q.getResultList();
    }
}
