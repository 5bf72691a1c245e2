package vn.ccn.dms.indexing.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.ccn.dms.indexing.domain.ClaimedEvent;
import vn.ccn.dms.indexing.infrastructure.JdbcIndexingStore;
import vn.ccn.dms.search.DocumentIndex;

/**
 * Drains the {@code index-document} outbox: claims due rows in batches, indexes their documents through
 * {@link DocumentIndexer}, marks the rows done, and puts them back with a doubling pause when the cluster cannot
 * take them (so an Elasticsearch outage costs retries, never data, and the index catches up by itself when the
 * cluster returns). A non-persistent interval timer polls; one poll drains while there is work, for a while.
 * Runs outside any transaction: every database step is its own short transaction, none spans a call to the
 * cluster or an extraction.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class IndexingWorker {

    private static final Logger LOG = Logger.getLogger(IndexingWorker.class.getName());
    /** One poll stops draining after this long so that the timer thread is handed back now and then. */
    private static final Duration DRAIN_BUDGET = Duration.ofSeconds(30);

    @Resource
    private TimerService timers;

    @Inject
    private IndexingSettings settings;

    @EJB
    private JdbcIndexingStore store;

    @Inject
    private DocumentIndexer indexer;

    @Inject
    private DocumentIndex index;

    @Inject
    private Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean indexEnsured;
    private volatile Instant lastPoll;
    private volatile Instant lastSuccess;
    private volatile String lastFailure;
    private final AtomicLong indexedDocuments = new AtomicLong();

    @PostConstruct
    void schedule() {
        if (!settings.enabled()) {
            LOG.info("indexing worker disabled on this node (dms.indexing.enabled=false)");
            return;
        }
        long interval = settings.pollInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("indexing-worker", false));
        LOG.info(() -> "indexing worker polling every " + interval + " ms, batches of " + settings.batchSize());
    }

    @Timeout
    void poll(Timer timer) {
        if (!running.compareAndSet(false, true)) {
            return; // the previous poll is still draining
        }
        try {
            lastPoll = clock.instant();
            ensureIndex();
            long until = System.nanoTime() + DRAIN_BUDGET.toNanos();
            List<ClaimedEvent> batch = store.claim(settings.batchSize(), settings.lease());
            boolean prefetched = false;
            while (!batch.isEmpty()) {
                List<ClaimedEvent> next = List.of();
                if (batch.size() == settings.batchSize() && System.nanoTime() < until) {
                    // A backlog: extract the next batch while this one is sent to the cluster (this batch first, so
                    // that its files are queued ahead of the next one's).
                    if (!prefetched) {
                        indexer.prefetch(documentIds(batch));
                    }
                    next = store.claim(settings.batchSize(), settings.lease());
                    if (!next.isEmpty()) {
                        indexer.prefetch(documentIds(next));
                    }
                }
                if (!process(batch)) {
                    // The cluster is failing: wait for the next poll; the batch claimed ahead is free again at once.
                    if (!next.isEmpty()) {
                        store.retryLater(next.stream().map(ClaimedEvent::id).toList(), "not sent: the batch before it"
                                + " failed", Duration.ZERO);
                    }
                    break;
                }
                if (next.isEmpty() && System.nanoTime() < until) {
                    next = store.claim(settings.batchSize(), settings.lease());
                    prefetched = false;
                } else {
                    prefetched = true;
                }
                batch = next;
            }
        } catch (RuntimeException e) {
            lastFailure = e.toString();
            LOG.log(Level.WARNING, "indexing poll failed", e);
        } finally {
            running.set(false);
        }
    }

    private void ensureIndex() {
        if (indexEnsured) {
            return;
        }
        try {
            String live = index.ensureIndex();
            indexEnsured = true;
            LOG.info(() -> "search index ready: " + live);
        } catch (RuntimeException e) {
            lastFailure = "search index not reachable: " + e.getMessage();
            LOG.log(Level.FINE, "search index not reachable yet", e);
        }
    }

    private static List<Long> documentIds(List<ClaimedEvent> batch) {
        List<Long> ids = new ArrayList<>();
        for (ClaimedEvent e : batch) {
            try {
                ids.add(Long.parseLong(e.subjectId().trim()));
            } catch (NumberFormatException ex) {
                // discarded by process(...)
            }
        }
        return ids;
    }

    /** @return whether the cluster took the batch (false: stop draining for now) */
    boolean process(List<ClaimedEvent> batch) {
        Map<Long, List<ClaimedEvent>> byDocument = new LinkedHashMap<>();
        List<Long> invalid = new ArrayList<>();
        for (ClaimedEvent e : batch) {
            try {
                byDocument.computeIfAbsent(Long.parseLong(e.subjectId().trim()), k -> new ArrayList<>()).add(e);
            } catch (NumberFormatException ex) {
                invalid.add(e.id());
            }
        }
        if (!invalid.isEmpty()) {
            LOG.warning(() -> "discarding " + invalid.size() + " index requests whose subject is not a document id");
            store.discard(invalid, "subject is not a document id");
        }
        Map<Long, String> retryReasons = new HashMap<>();
        Map<Long, DocumentIndexer.Outcome> outcomes;
        try {
            outcomes = indexer.index(null, byDocument.keySet(), false, retryReasons);
        } catch (RuntimeException e) {
            // Cluster unreachable or refusing the request, or the database failing: everything retries later.
            int attempts = batch.stream().mapToInt(ClaimedEvent::attempts).max().orElse(1);
            Duration pause = settings.backoff(attempts);
            lastFailure = e.toString();
            LOG.log(attempts <= 1 ? Level.INFO : Level.FINE, "indexing " + byDocument.size()
                    + " documents failed; retrying in " + pause.toSeconds() + " s: " + e);
            store.retryLater(batch.stream().map(ClaimedEvent::id).toList(), e.toString(), pause);
            if (String.valueOf(e.getMessage()).contains("index_not_found")) {
                indexEnsured = false;
            }
            return false;
        }
        List<Long> done = new ArrayList<>();
        boolean allTaken = true;
        for (Map.Entry<Long, List<ClaimedEvent>> entry : byDocument.entrySet()) {
            DocumentIndexer.Outcome outcome = outcomes.get(entry.getKey());
            if (outcome == DocumentIndexer.Outcome.RETRY || outcome == DocumentIndexer.Outcome.UNREADABLE) {
                // The cluster refused this entry for now (stop draining), or a file of it could not be read from
                // the content store (the others go on): this document's events back off and come again.
                allTaken &= outcome == DocumentIndexer.Outcome.UNREADABLE;
                String reason = retryReasons.getOrDefault(entry.getKey(), "retryable failure");
                if (reason.contains("index_not_found")) {
                    indexEnsured = false;
                }
                for (ClaimedEvent e : entry.getValue()) {
                    store.retryLater(List.of(e.id()), reason, settings.backoff(e.attempts()));
                }
            } else {
                entry.getValue().forEach(e -> done.add(e.id()));
                if (outcome == DocumentIndexer.Outcome.INDEXED) {
                    indexedDocuments.incrementAndGet();
                }
            }
        }
        store.completed(done);
        if (allTaken) {
            lastSuccess = clock.instant();
            lastFailure = null;
        }
        return allTaken;
    }

    /** What the worker is doing, for health and operations. */
    public record Status(boolean enabled, boolean busy, Instant lastPoll, Instant lastSuccess, String lastFailure,
            long indexedDocuments) {
    }

    public Status status() {
        return new Status(settings.enabled(), running.get(), lastPoll, lastSuccess, lastFailure, indexedDocuments.get());
    }

    /** Forgets that the live index was checked (after a rebuild switched it, or an operator deleted it). */
    public void recheckIndex() {
        indexEnsured = false;
    }
}
