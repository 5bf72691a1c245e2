package vn.ccn.dms.indexing.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.ccn.dms.indexing.infrastructure.JdbcIndexingStore;
import vn.ccn.dms.search.DocumentIndex;

/**
 * Builds a fresh index from the database and switches the alias to it when complete; searches keep being
 * served from the old index meanwhile (issue 3, Operations). Documents changed while it runs are indexed into
 * the new index before the switch and once more through the outbox after it, so none is left stale. One rebuild
 * at a time per node; progress lives in memory (a restart mid-way abandons the target, which the next rebuild's
 * alias switch deletes).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class IndexRebuild {

    private static final Logger LOG = Logger.getLogger(IndexRebuild.class.getName());
    private static final int PAGE = 500;
    private static final int ROUNDS_FOR_RETRIES = 5;

    @Resource
    private ManagedExecutorService executor;

    @EJB
    private JdbcIndexingStore store;

    @Inject
    private DocumentIndexer indexer;

    @Inject
    private DocumentIndex index;

    @EJB
    private IndexingWorker worker;

    @Inject
    private Clock clock;

    public enum State { IDLE, RUNNING, SWITCHING, DONE, FAILED }

    /**
     * @param percent   processed / total, 0..100
     * @param failed    documents the new index refused, or indexed without a file the content store could not read
     *                  (their versions record why; the latter are retried through the outbox after the switch)
     */
    public record Progress(State state, String targetIndex, long total, long processed, long failed, double percent,
            Instant startedAt, Instant finishedAt, String startedBy, String error) {
    }

    private volatile Progress progress = new Progress(State.IDLE, null, 0, 0, 0, 0, null, null, null, null);
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Documents indexed without a file the content store could not read: the outbox takes them after the switch. */
    private final Set<Long> unreadable = ConcurrentHashMap.newKeySet();

    /**
     * Starts a rebuild in the background.
     *
     * @return the progress at start
     * @throws IllegalStateException when one is running
     */
    public synchronized Progress start(String startedBy, boolean retryFailedExtraction) {
        if (progress.state() == State.RUNNING || progress.state() == State.SWITCHING) {
            throw new IllegalStateException("a rebuild is already running");
        }
        processed.set(0);
        failed.set(0);
        unreadable.clear();
        Instant started = clock.instant();
        long total = store.backlog().documents();
        progress = new Progress(State.RUNNING, null, total, 0, 0, 0, started, null, startedBy, null);
        executor.submit(() -> run(started, startedBy, total, retryFailedExtraction));
        return progress;
    }

    public Progress progress() {
        Progress p = progress;
        if (p.state() == State.RUNNING) {
            long done = processed.get();
            return new Progress(p.state(), p.targetIndex(), p.total(), done, failed.get(),
                    p.total() == 0 ? 0 : Math.min(100.0, 100.0 * done / p.total()), p.startedAt(), null, p.startedBy(), null);
        }
        return p;
    }

    private void run(Instant started, String startedBy, long total, boolean retryFailedExtraction) {
        String target = null;
        try {
            target = index.createNextIndex();
            String t = target;
            progress = new Progress(State.RUNNING, t, total, 0, 0, 0, started, null, startedBy, null);
            LOG.info(() -> "rebuilding the search index into " + t + " (" + total + " documents)");
            // Each page's files are extracted while the page before it is sent to the cluster.
            List<Long> ids = store.documentIdsAfter(0, PAGE);
            indexer.prefetch(ids);
            while (!ids.isEmpty()) {
                List<Long> next = store.documentIdsAfter(ids.get(ids.size() - 1), PAGE);
                indexer.prefetch(next);
                indexAll(target, ids, retryFailedExtraction, true);
                ids = next;
            }
            // Changes committed while we read: their outbox rows are newer than the start.
            Instant catchUp = clock.instant();
            indexAll(target, store.documentsRequestedSince(started), false, false);
            progress = new Progress(State.SWITCHING, target, total, processed.get(), failed.get(), 100, started, null,
                    startedBy, null);
            index.switchAlias(target);
            worker.recheckIndex();
            // Changes between the catch-up and the switch went to the old index: send them again through the outbox.
            store.enqueue(store.documentsRequestedSince(catchUp), "rebuild");
            // Documents with a file the store could not read are in the new index without its text: the outbox
            // retries them with backoff until the store reads it.
            if (!unreadable.isEmpty()) {
                store.enqueue(List.copyOf(unreadable), "rebuild: a file could not be read");
            }
            progress = new Progress(State.DONE, target, total, processed.get(), failed.get(), 100, started,
                    clock.instant(), startedBy, null);
            LOG.info(() -> "search index rebuilt: " + t + ", " + processed.get() + " documents");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "rebuilding the search index failed", e);
            if (target != null) {
                try {
                    index.discardIndex(target);
                } catch (RuntimeException suppressed) {
                    LOG.fine(() -> "could not discard " + suppressed);
                }
            }
            progress = new Progress(State.FAILED, target, total, processed.get(), failed.get(), progress().percent(),
                    started, clock.instant(), startedBy, e.toString());
        }
    }

    private void indexAll(String target, List<Long> ids, boolean retryFailedExtraction, boolean count) {
        List<Long> pending = ids;
        for (int round = 0; round < ROUNDS_FOR_RETRIES && !pending.isEmpty(); round++) {
            if (round > 0) {
                sleep(1_000L << round);
            }
            Map<Long, String> reasons = new HashMap<>();
            Map<Long, DocumentIndexer.Outcome> outcomes = indexer.index(target, pending, retryFailedExtraction, reasons);
            pending = outcomes.entrySet().stream().filter(e -> e.getValue() == DocumentIndexer.Outcome.RETRY)
                    .map(Map.Entry::getKey).toList();
            outcomes.forEach((id, o) -> {
                if (o == DocumentIndexer.Outcome.UNREADABLE) {
                    unreadable.add(id);
                }
            });
            if (count) {
                long settled = outcomes.values().stream().filter(o -> o != DocumentIndexer.Outcome.RETRY).count();
                processed.addAndGet(settled);
                failed.addAndGet(outcomes.values().stream().filter(o -> o == DocumentIndexer.Outcome.REFUSED
                        || o == DocumentIndexer.Outcome.UNREADABLE).count());
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " documents could not be indexed into " + target);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        }
    }
}
