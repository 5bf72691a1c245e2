package vn.ccn.dms.document.infrastructure;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.ccn.dms.config.DmsSettings;
import vn.ccn.dms.document.domain.ContentStore;

/**
 * Removes blobs that no committed row references, once they are older than the grace period: the bytes
 * of uploads whose transaction failed or whose request was refused. The grace period protects uploads
 * still in flight (their rows are not committed yet); a re-put refreshes a blob's time.
 */
@Singleton
@PermitAll
public class OrphanSweeper {

    private static final Logger LOG = Logger.getLogger(OrphanSweeper.class.getName());

    @Inject
    ContentStore store;

    @Inject
    DmsSettings settings;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "dms")
    EntityManager em;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void scheduled() {
        try {
            sweepNow();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "orphan sweep failed; will retry at the next run", e);
        }
    }

    /** @return how many blobs and temporary files were removed */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    @jakarta.annotation.security.RolesAllowed("ADMIN")
    public int sweep() throws IOException {
        return sweepNow();
    }

    private int sweepNow() throws IOException {
        Duration grace = Duration.ofMinutes(settings.orphanGraceMinutes());
        Instant cutoff = clock.instant().minus(grace);
        List<String> candidates = new ArrayList<>();
        store.forEach(entry -> {
            if (entry.lastWritten().isBefore(cutoff)) {
                candidates.add(entry.key());
            }
        });
        int removed = 0;
        for (String key : candidates) {
            boolean referenced = !em.createNativeQuery("select 1 from content_blob where content_key = ?1")
                    .setParameter(1, key).getResultList().isEmpty();
            if (!referenced) {
                store.delete(key);
                removed++;
            }
        }
        if (store instanceof FileSystemContentStore fs) {
            removed += fs.sweepIncoming(grace);
        }
        if (removed > 0) {
            LOG.info("orphan sweep removed " + removed + " unreferenced files");
        }
        return removed;
    }
}
