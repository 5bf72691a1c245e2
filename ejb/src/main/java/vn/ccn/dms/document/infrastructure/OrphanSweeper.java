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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    private static final int CHUNK = 1000;

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
        // Every blob past the grace period is a candidate, so the rows are asked for a thousand keys at a time: one
        // query per blob would be a million queries an hour for a million files.
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
            @SuppressWarnings("unchecked")
            Set<String> referenced = new HashSet<>(em.createNativeQuery(
                            "select content_key from content_blob where content_key = any(?1)")
                    .setParameter(1, chunk.toArray(String[]::new)).getResultList());
            for (String key : chunk) {
                if (!referenced.contains(key)) {
                    store.delete(key);
                    removed++;
                }
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
